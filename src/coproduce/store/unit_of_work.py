"""The unit of work services use: one database transaction with a repository per record type.

``with store.transaction() as unit:`` commits when the block ends and rolls back if it raises.
Services never see the SQLAlchemy session; they call the repositories' methods and get
domain records back. Database errors are translated here into messages a person can act on.
"""

from __future__ import annotations

import getpass
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from coproduce.domain.errors import DatabaseError, ValidationError
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.vocabulary import AuditAction
from coproduce.store.contributions import (
    ContributionRepository,
    LinkRepository,
    ResponseRepository,
)
from coproduce.store.dashboard import DashboardQueries
from coproduce.store.database import Database
from coproduce.store.documents import (
    DocumentRepository,
    LadderAssessmentRepository,
    SectionRepository,
)
from coproduce.store.glossary import GlossaryRepository
from coproduce.store.groups import GroupRepository, MembershipRepository
from coproduce.store.housekeeping import (
    AuditRepository,
    DraftRepository,
    SettingRepository,
)
from coproduce.store.involvement import ActivityRepository, PaymentRepository
from coproduce.store.journeys import JourneyQueries
from coproduce.store.meetings import (
    ActionRepository,
    AgendaItemRepository,
    AttendanceRepository,
    MeetingRepository,
)
from coproduce.store.orm import AuditEventRow
from coproduce.store.people import ConsentRepository, PersonRepository
from coproduce.store.pictures import PictureChoiceRepository, RowPictureRepository
from coproduce.store.preparation import PreparationTickRepository
from coproduce.store.search import SearchRepository, forget_removed_words
from coproduce.store.tables import TableQueries

log = logging.getLogger(__name__)


def current_actor() -> str:
    """Who is making changes: ``COPRODUCE_USER`` or the operating-system account name."""
    name = os.environ.get("COPRODUCE_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "unknown"


class UnitOfWork:
    def __init__(self, session: Session, actor: str, clock: type[datetime] = datetime) -> None:
        self.session = session
        self.actor = actor
        self._clock = clock

    def now(self) -> datetime:
        return self._clock.now().replace(microsecond=0)

    def audit(
        self, action: AuditAction, record_type: str, record_id: int, details: str = ""
    ) -> None:
        """Record who did ``action`` to which record; ``details`` (JSON) says what an export
        covered and never holds what the records say."""
        self.session.add(
            AuditEventRow(
                at=self.now(),
                actor=self.actor,
                action=action.value,
                record_type=record_type,
                record_id=record_id,
                details=details,
            )
        )

    # One repository per record type, made on first use.

    @cached_property
    def groups(self) -> GroupRepository:
        return GroupRepository(self)

    @cached_property
    def memberships(self) -> MembershipRepository:
        return MembershipRepository(self)

    @cached_property
    def people(self) -> PersonRepository:
        return PersonRepository(self)

    @cached_property
    def consents(self) -> ConsentRepository:
        return ConsentRepository(self)

    @cached_property
    def meetings(self) -> MeetingRepository:
        return MeetingRepository(self)

    @cached_property
    def agenda_items(self) -> AgendaItemRepository:
        return AgendaItemRepository(self)

    @cached_property
    def attendance(self) -> AttendanceRepository:
        return AttendanceRepository(self)

    @cached_property
    def preparation_ticks(self) -> PreparationTickRepository:
        return PreparationTickRepository(self)

    @cached_property
    def actions(self) -> ActionRepository:
        return ActionRepository(self)

    @cached_property
    def contributions(self) -> ContributionRepository:
        return ContributionRepository(self)

    @cached_property
    def links(self) -> LinkRepository:
        return LinkRepository(self)

    @cached_property
    def responses(self) -> ResponseRepository:
        return ResponseRepository(self)

    @cached_property
    def journeys(self) -> JourneyQueries:
        return JourneyQueries(self)

    @cached_property
    def dashboard(self) -> DashboardQueries:
        return DashboardQueries(self)

    @cached_property
    def documents(self) -> DocumentRepository:
        return DocumentRepository(self)

    @cached_property
    def sections(self) -> SectionRepository:
        return SectionRepository(self)

    @cached_property
    def ladder(self) -> LadderAssessmentRepository:
        return LadderAssessmentRepository(self)

    @cached_property
    def activities(self) -> ActivityRepository:
        return ActivityRepository(self)

    @cached_property
    def payments(self) -> PaymentRepository:
        return PaymentRepository(self)

    @cached_property
    def audit_events(self) -> AuditRepository:
        return AuditRepository(self)

    @cached_property
    def drafts(self) -> DraftRepository:
        return DraftRepository(self)

    @cached_property
    def settings(self) -> SettingRepository:
        return SettingRepository(self)

    @cached_property
    def glossary(self) -> GlossaryRepository:
        return GlossaryRepository(self)

    @cached_property
    def search(self) -> SearchRepository:
        return SearchRepository(self)

    @cached_property
    def picture_choices(self) -> PictureChoiceRepository:
        return PictureChoiceRepository(self)

    @cached_property
    def row_pictures(self) -> RowPictureRepository:
        return RowPictureRepository(self)

    @cached_property
    def tables(self) -> TableQueries:
        return TableQueries(self)


class Store:
    """The services' handle on the database."""

    def __init__(self, database: Database, actor: str | None = None) -> None:
        self.database = database
        self.actor = actor or current_actor()

    @contextmanager
    def transaction(self) -> Iterator[UnitOfWork]:
        try:
            with self.database.session() as session:
                yield UnitOfWork(session, self.actor)
                forget_removed_words(session)
        except IntegrityError as exc:
            log.warning("Integrity error: %s", describe_error(exc))
            if _is_unique_violation(exc):
                raise ValidationError(
                    "Someone else has just saved the same thing (for example the same "
                    "person's attendance). Your change was not saved; look again and retry."
                ) from exc
            raise ValidationError(
                "This change would break a link between records (for example it removes "
                "something other records still point to), so it was not saved."
            ) from exc
        except DataError as exc:  # a value the column cannot hold (PostgreSQL checks sizes)
            log.warning("Data error: %s", describe_error(exc))
            raise ValidationError(
                "A value is too large or not in a form the database can keep, so nothing was "
                "saved. Check numbers and dates for typing mistakes."
            ) from exc
        except OperationalError as exc:
            log.error("Database error: %s", describe_error(exc))
            if "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower():
                raise DatabaseError(
                    "The database is busy with another program. Your change was not saved; "
                    "try again in a moment."
                ) from exc
            raise DatabaseError(
                f"The database could not do this ({_error_kind(exc)}). Nothing was changed. "
                "If it goes on, check the connection to the database."
            ) from exc


def _error_kind(exc: DBAPIError) -> str:
    """What went wrong, without the row's values: PostgreSQL's messages quote the failing
    row ("Failing row contains (...)"), which holds personal data, so never log them whole."""
    code = getattr(exc.orig, "sqlstate", None)
    first_line = str(exc.orig).strip().splitlines()[0] if exc.orig else ""
    if code:  # psycopg: the SQLSTATE and the constraint's name are enough
        diag = getattr(exc.orig, "diag", None)
        constraint = getattr(diag, "constraint_name", None) if diag else None
        return f"SQLSTATE {code}" + (f" ({constraint})" if constraint else "")
    return first_line  # SQLite's messages name the constraint or column, never the values


def _is_unique_violation(exc: IntegrityError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == "23505" or "UNIQUE constraint failed" in str(
        exc.orig
    )
