"""The queries behind "what happened to what people said": one document's, or one person's.

A journey joins five tables (contribution, session, agenda item, links, response), so it is
read here in a handful of set queries (one per table, each narrowed by the same subquery of
contribution ids) rather than one record at a time: a document in the large demo has hundreds
of contributions and the view must open at once. The document's figures are counted by the
database; only the median needs the individual waits, which come back as pairs of dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from coproduce.domain.records import Contribution, Link, Response
from coproduce.domain.vocabulary import ResponseStatus
from coproduce.store.orm import (
    AgendaItemRow,
    ContributionRow,
    DocumentRow,
    LinkRow,
    MeetingRow,
    PersonRow,
    ResponseRow,
    SectionRow,
)

if TYPE_CHECKING:
    from coproduce.store.unit_of_work import UnitOfWork

# Statuses that are not an outcome yet (``ResponseStatus.is_answer`` is False for these).
_NOT_ANSWERS = [s.value for s in ResponseStatus if not s.is_answer]


@dataclass(frozen=True, slots=True)
class NamedLink:
    """A link with the names a person reads: the document's title and the section's."""

    link: Link
    document_title: str
    section_number: str
    section_heading: str


@dataclass(frozen=True, slots=True)
class JourneyParts:
    """Everything needed to tell the journeys of a set of contributions, read in bulk."""

    contributions: list[Contribution]
    sessions: dict[int, tuple[str, datetime]]
    """meeting id -> (title, starts at)"""
    agenda_items: dict[int, str]
    """agenda item id -> title"""
    links: dict[int, list[NamedLink]]
    """contribution id -> its links, in the order they were made"""
    responses: dict[int, Response]
    sections: dict[int, str]
    """section id -> "number heading", for every section a response names"""
    speakers: dict[int, str]
    """person id -> display name"""


@dataclass(frozen=True, slots=True)
class DocumentCounts:
    contributions: int
    responded: int
    fed_back: int
    waits: list[tuple[datetime, date]]
    """(session starts at, decided on) of every answered contribution with a decision date
    on or before the day counted to"""
    oldest_unanswered: Contribution | None
    oldest_unanswered_session: datetime | None


class JourneyQueries:
    def __init__(self, unit: UnitOfWork) -> None:
        self._unit = unit

    @property
    def _session(self) -> Session:
        return self._unit.session

    # --- which contributions -------------------------------------------------------------

    @staticmethod
    def _about_document(document_id: int) -> Any:
        # IN over the links (indexed by document), not a join: a contribution linked to two
        # sections counts once, and the database starts from the few links, not from every
        # contribution (an EXISTS per contribution scans all 100,000 of the large demo).
        linked = select(LinkRow.contribution_id).where(LinkRow.document_id == document_id)
        return ContributionRow.id.in_(linked.scalar_subquery())

    def parts_for_document(self, document_id: int) -> JourneyParts:
        return self._parts(self._about_document(document_id))

    def parts_for_person(self, person_id: int) -> JourneyParts:
        return self._parts(ContributionRow.speaker_id == person_id)

    # --- the journeys --------------------------------------------------------------------

    def _parts(self, which: Any) -> JourneyParts:
        session = self._session
        contribution_rows = session.scalars(
            select(ContributionRow)
            .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
            .where(which)
            .order_by(MeetingRow.starts_at, ContributionRow.captured_at, ContributionRow.id)
        ).all()
        to_record = self._unit.contributions.to_record
        contributions = [to_record(row) for row in contribution_rows]
        wanted = select(ContributionRow.id).where(which).scalar_subquery()

        sessions = {
            mid: (title, starts)
            for mid, title, starts in session.execute(
                select(MeetingRow.id, MeetingRow.title, MeetingRow.starts_at).where(
                    MeetingRow.id.in_(
                        select(ContributionRow.meeting_id).where(which).scalar_subquery()
                    )
                )
            )
        }
        agenda_items = dict(
            session.execute(
                select(AgendaItemRow.id, AgendaItemRow.title).where(
                    AgendaItemRow.id.in_(
                        select(ContributionRow.agenda_item_id).where(which).scalar_subquery()
                    )
                )
            ).all()
        )

        links: dict[int, list[NamedLink]] = {}
        link_to_record = self._unit.links.to_record
        for row, title, number, heading in session.execute(
            select(LinkRow, DocumentRow.title, SectionRow.number, SectionRow.heading)
            .join(DocumentRow, DocumentRow.id == LinkRow.document_id)
            .outerjoin(SectionRow, SectionRow.id == LinkRow.section_id)
            .where(LinkRow.contribution_id.in_(wanted))
            .order_by(LinkRow.id)
        ):
            links.setdefault(row.contribution_id, []).append(
                NamedLink(link_to_record(row), title, number or "", heading or "")
            )

        responses: dict[int, Response] = {}
        sections: dict[int, str] = {}
        response_to_record = self._unit.responses.to_record
        for row, number, heading in session.execute(
            select(ResponseRow, SectionRow.number, SectionRow.heading)
            .outerjoin(SectionRow, SectionRow.id == ResponseRow.section_id)
            .where(ResponseRow.contribution_id.in_(wanted))
        ):
            responses[row.contribution_id] = response_to_record(row)
            if row.section_id is not None:
                sections[row.section_id] = f"{number or ''} {heading or ''}".strip()

        speakers = dict(
            session.execute(
                select(PersonRow.id, PersonRow.display_name).where(
                    PersonRow.id.in_(
                        select(ContributionRow.speaker_id).where(which).scalar_subquery()
                    )
                )
            ).all()
        )
        return JourneyParts(
            contributions, sessions, agenda_items, links, responses, sections, speakers
        )

    # --- the document's figures ----------------------------------------------------------

    def document_counts(self, document_id: int, today: date) -> DocumentCounts:
        """The document's figures over what has happened by the end of ``today``: things said
        at sessions that have started by then, and decisions dated by then (a session or a
        decision dated later is still to come, so it counts nowhere yet)."""
        session = self._session
        about = self._about_document(document_id)
        happened = MeetingRow.starts_at < datetime.combine(today + timedelta(days=1), time.min)
        answered = and_(ResponseRow.id.is_not(None), ResponseRow.status.not_in(_NOT_ANSWERS))
        total, responded, fed_back = session.execute(
            select(
                func.count(ContributionRow.id),
                func.count(ResponseRow.id).filter(answered),
                func.count(ResponseRow.fed_back_on),
            )
            .select_from(ContributionRow)
            .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
            .outerjoin(ResponseRow, ResponseRow.contribution_id == ContributionRow.id)
            .where(about, happened)
        ).one()
        waits = [
            (starts, decided)
            for starts, decided in session.execute(
                select(MeetingRow.starts_at, ResponseRow.decided_on)
                .select_from(ContributionRow)
                .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
                .join(ResponseRow, ResponseRow.contribution_id == ContributionRow.id)
                .where(about, happened, answered, ResponseRow.decided_on <= today)
            )
        ]
        oldest = session.execute(
            select(ContributionRow, MeetingRow.starts_at)
            .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
            .outerjoin(ResponseRow, ResponseRow.contribution_id == ContributionRow.id)
            .where(
                about,
                happened,
                or_(ResponseRow.id.is_(None), ResponseRow.status.in_(_NOT_ANSWERS)),
            )
            .order_by(MeetingRow.starts_at, ContributionRow.captured_at, ContributionRow.id)
            .limit(1)
        ).first()
        return DocumentCounts(
            contributions=total or 0,
            responded=responded or 0,
            fed_back=fed_back or 0,
            waits=waits,
            oldest_unanswered=self._unit.contributions.to_record(oldest[0]) if oldest else None,
            oldest_unanswered_session=oldest[1] if oldest else None,
        )
