"""The unit of work services use: one database transaction with a repository per record type.

``with store.transaction() as unit:`` commits when the block ends and rolls back if it raises;
it takes the write lock as it begins (SQLite's BEGIN IMMEDIATE). ``with store.reading() as
unit:`` is for work that only reads (lists, searches, the dashboard, gathering an export): it
takes no write lock, never waits for a writer and reads one consistent snapshot, so a long
export never holds up meeting mode (``store/database.py``). Services never see the SQLAlchemy
session; they call the repositories' methods and get domain records back. Database errors
become domain errors with messages a person can act on (``store/errors.py``).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from functools import cached_property

from sqlalchemy.orm import Session

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
from coproduce.store.errors import translated_errors
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

    def reading(self) -> AbstractContextManager[UnitOfWork]:
        """A unit of work that only reads: no write lock, one snapshot (module doc)."""
        return self.transaction(write=False)

    @contextmanager
    def recording(self) -> Iterator[UnitOfWork]:
        """A unit of work that only adds to the audit trail, allowed on a database opened
        for reading (``Database.recording``)."""
        with translated_errors(self.database), self.database.recording() as session:
            yield UnitOfWork(session, self.actor)

    @contextmanager
    def transaction(
        self, *, write: bool = True, busy_wait_ms: int | None = None
    ) -> Iterator[UnitOfWork]:
        """A unit of work that may write. ``busy_wait_ms`` shortens the wait for another
        program's write (an autosave that must not freeze the window); a busy database then
        raises ``DatabaseBusyError`` sooner. Database errors, commits' included, become
        domain errors (store/errors.py)."""
        session_of = (
            self.database.session(busy_wait_ms=busy_wait_ms) if write else self.database.reading()
        )
        with translated_errors(self.database), session_of as session:
            yield UnitOfWork(session, self.actor)
            if write:
                forget_removed_words(session)
