"""Sessions (``Meeting``), their agenda items, attendance and actions.

The queries the meeting and action services need live here, so the services never see SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import aliased, lazyload, selectinload

from coproduce.domain.records import (
    Action,
    AgendaItem,
    Attendance,
    GroupName,
    Meeting,
    Page,
    PersonName,
    SessionTitle,
)
from coproduce.domain.vocabulary import ActionStatus, AttendanceStatus, MeetingStatus
from coproduce.store.orm import (
    ActionRow,
    AgendaItemDocumentRow,
    AgendaItemRow,
    AttendanceRow,
    GroupRow,
    LadderEvidenceRow,
    MeetingFacilitatorRow,
    MeetingRow,
    PersonRow,
)
from coproduce.store.people import needs_of
from coproduce.store.repository import Repository
from coproduce.store.text import contains_pattern, sort_key

OPEN_ACTION_CODES = [s.value for s in ActionStatus if s.is_open]

MEETING_SORT_KEYS = frozenset({"date", "title"})
"""What the sessions list can be sorted by (in the database)."""


class MeetingRepository(Repository[MeetingRow, Meeting]):
    row_class = MeetingRow
    record_type = "meeting"
    record_label = "Session"

    def to_record(self, row: MeetingRow) -> Meeting:
        return Meeting(
            id=row.id,
            version=row.version,
            group_id=row.group_id,
            title=row.title,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            place=row.place,
            online_link=row.online_link,
            facilitator_ids=tuple(f.person_id for f in row.facilitators),
            status=MeetingStatus(row.status),
            notes=row.notes,
            easy_read=row.easy_read,
        )

    def write(self, row: MeetingRow, record: Meeting) -> None:
        row.group_id = record.group_id
        row.title = record.title
        row.starts_at = record.starts_at
        row.ends_at = record.ends_at
        row.place = record.place
        row.online_link = record.online_link
        row.status = record.status.value
        row.notes = record.notes
        row.easy_read = record.easy_read
        if tuple(f.person_id for f in row.facilitators) != record.facilitator_ids:
            row.facilitators = [
                MeetingFacilitatorRow(person_id=pid, position=i)
                for i, pid in enumerate(dict.fromkeys(record.facilitator_ids))
            ]

    def describe(self, row: MeetingRow) -> str:
        return f"{row.title}, {row.starts_at:%d %B %Y}"

    def search_query(
        self,
        *,
        group_id: int | None = None,
        status: MeetingStatus | None = None,
        starts_from: datetime | None = None,
        starts_before: datetime | None = None,
        text: str = "",
        newest_first: bool = True,
        order: str | None = None,
        descending: bool = False,
        attention_at: datetime | None = None,
    ):  # type: ignore[no-untyped-def]
        """Sessions matching the filters. ``order`` ("date" or "title", A to Z unless
        ``descending``) overrides ``newest_first``; ties fall back to date, then id, so the
        order is stable between pages. With ``attention_at``, only the sessions that need the
        facilitator at that moment (``needs_attention``)."""
        query = select(MeetingRow).order_by(*self._ordering(order, descending, newest_first))
        if attention_at is not None:
            query = query.where(self.needs_attention(attention_at))
        if group_id is not None:
            query = query.where(MeetingRow.group_id == group_id)
        if status is not None:
            query = query.where(MeetingRow.status == status.value)
        if starts_from is not None:
            query = query.where(MeetingRow.starts_at >= starts_from)
        if starts_before is not None:
            query = query.where(MeetingRow.starts_at < starts_before)
        if text.strip():
            pattern = contains_pattern(text)
            query = query.where(
                or_(
                    MeetingRow.title.ilike(pattern, escape="\\"),
                    MeetingRow.place.ilike(pattern, escape="\\"),
                )
            )
        return query

    @staticmethod
    def needs_attention(at: datetime) -> Any:
        """A condition on sessions that need the facilitator at ``at``: held (started) but not
        written up yet, or over and still marked planned (held or cancelled: nobody said)."""
        return or_(
            and_(MeetingRow.status == MeetingStatus.HELD.value, MeetingRow.starts_at <= at),
            and_(MeetingRow.status == MeetingStatus.PLANNED.value, MeetingRow.ends_at <= at),
        )

    def needing_attention(self, at: datetime, group_ids: Sequence[int] = ()) -> list[Meeting]:
        """The sessions of the groups (all groups when none) that need the facilitator at
        ``at``, oldest first."""
        query = (
            select(MeetingRow)
            .where(self.needs_attention(at))
            .order_by(MeetingRow.starts_at, MeetingRow.id)
        )
        if group_ids:
            query = query.where(MeetingRow.group_id.in_(list(group_ids)))
        return [self.to_record(row) for row in self._session.scalars(query)]

    def next_after(self, at: datetime) -> Meeting | None:
        """The soonest session not cancelled that has not ended by ``at`` (one under way
        included)."""
        row = self._session.scalar(
            select(MeetingRow)
            .where(MeetingRow.ends_at > at, MeetingRow.status != MeetingStatus.CANCELLED.value)
            .order_by(MeetingRow.starts_at, MeetingRow.id)
            .limit(1)
        )
        return self.to_record(row) if row else None

    def latest_before(self, at: datetime, statuses: Sequence[MeetingStatus]) -> Meeting | None:
        """The latest session with one of ``statuses`` that started before ``at``."""
        row = self._session.scalar(
            select(MeetingRow)
            .where(MeetingRow.starts_at < at, MeetingRow.status.in_([s.value for s in statuses]))
            .order_by(MeetingRow.starts_at.desc(), MeetingRow.id.desc())
            .limit(1)
        )
        return self.to_record(row) if row else None

    @staticmethod
    def _ordering(order: str | None, descending: bool, newest_first: bool) -> list[Any]:
        if order is None:
            order, descending = "date", newest_first
        if order not in MEETING_SORT_KEYS:
            raise ValueError(
                f"Sessions cannot be sorted by {order!r}; choose one of "
                f"{', '.join(sorted(MEETING_SORT_KEYS))}"
            )
        by_date = MeetingRow.starts_at.desc() if descending else MeetingRow.starts_at
        if order == "title":
            title = func.lower(MeetingRow.title)
            return [title.desc() if descending else title, by_date, MeetingRow.id]
        return [by_date, MeetingRow.id]

    def list(
        self, *, offset: int = 0, limit: int | None = None, **filters: object
    ) -> Page[Meeting]:
        return self.page(self.search_query(**filters), offset, limit)  # type: ignore[arg-type]

    def following(self, meeting: Meeting) -> Meeting | None:
        """The group's next session after ``meeting`` in date order (not cancelled): later,
        or at the same time with a higher number."""
        query = (
            select(MeetingRow)
            .where(
                MeetingRow.group_id == meeting.group_id,
                MeetingRow.status != MeetingStatus.CANCELLED.value,
                or_(
                    MeetingRow.starts_at > meeting.starts_at,
                    and_(MeetingRow.starts_at == meeting.starts_at, MeetingRow.id > meeting.id),
                ),
            )
            .order_by(MeetingRow.starts_at, MeetingRow.id)
            .limit(1)
        )
        row = self._session.scalar(query)
        return self.to_record(row) if row else None

    def previous_of(self, meeting: Meeting) -> Meeting | None:
        """The group's session before this one (the one whose actions carry forward)."""
        query = (
            select(MeetingRow)
            .where(
                MeetingRow.group_id == meeting.group_id,
                MeetingRow.starts_at < meeting.starts_at,
                MeetingRow.status != MeetingStatus.CANCELLED.value,
            )
            .order_by(MeetingRow.starts_at.desc())
            .limit(1)
        )
        row = self._session.scalar(query)
        return self.to_record(row) if row else None

    def latest_for_group(self, group_id: int) -> Meeting | None:
        query = (
            select(MeetingRow)
            .where(MeetingRow.group_id == group_id)
            .order_by(MeetingRow.starts_at.desc())
            .limit(1)
        )
        row = self._session.scalar(query)
        return self.to_record(row) if row else None

    def count_facilitated_by(self, person_id: int) -> int:
        return self.count(
            select(MeetingFacilitatorRow).where(MeetingFacilitatorRow.person_id == person_id)
        )

    def count_for_group(self, group_id: int) -> int:
        return self.count(select(MeetingRow).where(MeetingRow.group_id == group_id))

    def evidence_count(self, meeting_id: int) -> int:
        """How many ladder assessments cite this session as evidence."""
        return self.count(
            select(LadderEvidenceRow).where(LadderEvidenceRow.meeting_id == meeting_id)
        )


class AgendaItemRepository(Repository[AgendaItemRow, AgendaItem]):
    row_class = AgendaItemRow
    record_type = "agenda_item"
    record_label = "Agenda item"

    def to_record(self, row: AgendaItemRow) -> AgendaItem:
        return AgendaItem(
            id=row.id,
            version=row.version,
            meeting_id=row.meeting_id,
            position=row.position,
            title=row.title,
            duration_minutes=row.duration_minutes,
            notes=row.notes,
            easy_read=row.easy_read,
            document_ids=tuple(d.document_id for d in row.documents),
        )

    def write(self, row: AgendaItemRow, record: AgendaItem) -> None:
        row.meeting_id = record.meeting_id
        row.position = record.position
        row.title = record.title
        row.duration_minutes = record.duration_minutes
        row.notes = record.notes
        row.easy_read = record.easy_read
        if tuple(d.document_id for d in row.documents) != record.document_ids:
            row.documents = [
                AgendaItemDocumentRow(document_id=did, position=i)
                for i, did in enumerate(dict.fromkeys(record.document_ids))
            ]

    def describe(self, row: AgendaItemRow) -> str:
        return row.title

    def for_meeting(self, meeting_id: int) -> list[AgendaItem]:
        query = (
            select(AgendaItemRow)
            .where(AgendaItemRow.meeting_id == meeting_id)
            .order_by(AgendaItemRow.position, AgendaItemRow.id)
        )
        return [self.to_record(r) for r in self.scalars(query)]

    def next_position(self, meeting_id: int) -> int:
        highest = self._session.scalar(
            select(func.max(AgendaItemRow.position)).where(AgendaItemRow.meeting_id == meeting_id)
        )
        return 0 if highest is None else highest + 1


class AttendanceRepository(Repository[AttendanceRow, Attendance]):
    row_class = AttendanceRow
    record_type = "attendance"
    record_label = "Attendance"

    def to_record(self, row: AttendanceRow) -> Attendance:
        return Attendance(
            id=row.id,
            version=row.version,
            meeting_id=row.meeting_id,
            person_id=row.person_id,
            status=AttendanceStatus(row.status),
            apology_reason=row.apology_reason,
            arrived_late=row.arrived_late,
            left_early=row.left_early,
            is_guest=row.is_guest,
            access_needs_met=row.access_needs_met,
            note=row.note,
        )

    def write(self, row: AttendanceRow, record: Attendance) -> None:
        row.meeting_id = record.meeting_id
        row.person_id = record.person_id
        row.status = record.status.value
        row.apology_reason = record.apology_reason
        row.arrived_late = record.arrived_late
        row.left_early = record.left_early
        row.is_guest = record.is_guest
        row.access_needs_met = record.access_needs_met
        row.note = record.note

    def for_meeting(self, meeting_id: int) -> list[Attendance]:
        query = (
            select(AttendanceRow)
            .where(AttendanceRow.meeting_id == meeting_id)
            .order_by(AttendanceRow.id)
        )
        return [self.to_record(r) for r in self.scalars(query)]

    def person_ids_at(self, meeting_ids: Sequence[int]) -> list[int]:
        """Everyone on the registers of ``meeting_ids`` (once per register they are on): one
        query per 5,000 sessions, never one per session."""
        wanted = sorted(set(meeting_ids))
        found: list[int] = []
        for first in range(0, len(wanted), 5_000):
            found.extend(
                self._session.scalars(
                    select(AttendanceRow.person_id)
                    .where(AttendanceRow.meeting_id.in_(wanted[first : first + 5_000]))
                    .order_by(AttendanceRow.meeting_id, AttendanceRow.id)
                )
            )
        return found

    def find(self, meeting_id: int, person_id: int) -> Attendance | None:
        row = self._session.scalar(
            select(AttendanceRow).where(
                AttendanceRow.meeting_id == meeting_id,
                AttendanceRow.person_id == person_id,
            )
        )
        return self.to_record(row) if row else None

    def count_for_person(self, person_id: int) -> int:
        return self.count(select(AttendanceRow).where(AttendanceRow.person_id == person_id))

    def counts_with_status(
        self, meeting_ids: list[int], status: AttendanceStatus
    ) -> dict[int, int]:
        """How many people had ``status`` at each session, in one query (sessions with none
        are left out)."""
        if not meeting_ids:
            return {}
        query = (
            select(AttendanceRow.meeting_id, func.count())
            .where(AttendanceRow.meeting_id.in_(meeting_ids), AttendanceRow.status == status.value)
            .group_by(AttendanceRow.meeting_id)
        )
        return {meeting_id: count for meeting_id, count in self._session.execute(query)}

    def person_ids(self, meeting_id: int, status: AttendanceStatus) -> set[int]:
        """Everyone on this session's register with ``status``."""
        query = select(AttendanceRow.person_id).where(
            AttendanceRow.meeting_id == meeting_id, AttendanceRow.status == status.value
        )
        return set(self._session.scalars(query))


class ActionRepository(Repository[ActionRow, Action]):
    row_class = ActionRow
    record_type = "action"
    record_label = "Action"

    ORDERS = ("due", "status", "owner", "session")
    """What the action log can be sorted by, in the database: due date, status (open, in
    progress, done, dropped), owner's name (actions nobody owns last), session date."""

    def to_record(self, row: ActionRow) -> Action:
        return Action(
            id=row.id,
            version=row.version,
            meeting_id=row.meeting_id,
            text=row.text,
            easy_read=row.easy_read,
            owner_id=row.owner_id,
            due_on=row.due_on,
            status=ActionStatus(row.status),
            done_on=row.done_on,
            note=row.note,
        )

    def write(self, row: ActionRow, record: Action) -> None:
        row.meeting_id = record.meeting_id
        row.text = record.text
        row.easy_read = record.easy_read
        row.owner_id = record.owner_id
        row.due_on = record.due_on
        row.status = record.status.value
        row.done_on = record.done_on
        row.note = record.note

    def describe(self, row: ActionRow) -> str:
        return row.text[:60]

    def search_query(
        self,
        *,
        meeting_id: int | None = None,
        group_id: int | None = None,
        owner_id: int | None = None,
        owner_text: str = "",
        status: ActionStatus | None = None,
        open_only: bool = False,
        overdue_on: date | None = None,
        text: str = "",
        order: str | None = None,
        descending: bool = False,
    ):  # type: ignore[no-untyped-def]
        """Actions matching every filter given. ``owner_text`` matches part of the owner's
        name, ignoring case. With no ``order``: those still to do first, each part soonest
        due first and those with no due date last."""
        if order is not None and order not in self.ORDERS:
            raise ValueError(f"Actions cannot be sorted by {order!r}; use one of {self.ORDERS}")
        query = select(ActionRow)
        if meeting_id is not None:
            query = query.where(ActionRow.meeting_id == meeting_id)
        if group_id is not None:
            # A subquery rather than a join, so sorting by session can join meetings itself.
            query = query.where(
                ActionRow.meeting_id.in_(
                    select(MeetingRow.id).where(MeetingRow.group_id == group_id)
                )
            )
        if owner_id is not None:
            query = query.where(ActionRow.owner_id == owner_id)
        owner_words = sort_key(owner_text)
        if owner_words:
            named = select(PersonRow.id).where(
                PersonRow.sort_name.like(contains_pattern(owner_words), escape="\\")
            )
            query = query.where(ActionRow.owner_id.in_(named))
        if status is not None:
            query = query.where(ActionRow.status == status.value)
        if open_only or overdue_on is not None:
            query = query.where(ActionRow.status.in_(OPEN_ACTION_CODES))
        if overdue_on is not None:
            query = query.where(ActionRow.due_on < overdue_on)
        if text.strip():
            query = query.where(ActionRow.text.ilike(contains_pattern(text), escape="\\"))
        return self._ordered(query, order, descending)

    @staticmethod
    def _ordered(query: Any, order: str | None, descending: bool) -> Any:
        def way(column: Any) -> Any:
            return column.desc() if descending else column.asc()

        # Undated actions go last whichever way the list is sorted.
        soonest_due = (ActionRow.due_on.is_(None), ActionRow.due_on, ActionRow.id)
        if order is None:
            return query.order_by(ActionRow.status.notin_(OPEN_ACTION_CODES), *soonest_due)
        if order == "due":
            return query.order_by(
                ActionRow.due_on.is_(None), way(ActionRow.due_on), way(ActionRow.id)
            )
        if order == "status":
            rank = case(
                {status.value: position for position, status in enumerate(ActionStatus)},
                value=ActionRow.status,
                else_=len(ActionStatus),
            )
            return query.order_by(way(rank), *soonest_due)
        if order == "owner":
            return query.outerjoin(PersonRow, PersonRow.id == ActionRow.owner_id).order_by(
                PersonRow.sort_name.is_(None), way(PersonRow.sort_name), *soonest_due
            )
        return query.join(MeetingRow, MeetingRow.id == ActionRow.meeting_id).order_by(
            way(MeetingRow.starts_at), *soonest_due
        )

    def list(self, *, offset: int = 0, limit: int | None = None, **filters: object) -> Page[Action]:
        return self.page(self.search_query(**filters), offset, limit)  # type: ignore[arg-type]

    def log_lines(
        self, *, offset: int = 0, limit: int | None = None, **filters: object
    ) -> Page[tuple[Action, SessionTitle, GroupName, PersonName | None]]:
        """A page of the action log as the list shows it, in two queries whatever its
        length: the actions with their session's title, group's name and owner's row, joined
        and counted; and the owners' access needs."""
        session, group, owner = aliased(MeetingRow), aliased(GroupRow), aliased(PersonRow)
        query = (
            self.search_query(**filters)
            .add_columns(session.title, session.starts_at, group.id, group.name, owner)
            .join(session, session.id == ActionRow.meeting_id)
            .join(group, group.id == session.group_id)
            .outerjoin(owner, owner.id == ActionRow.owner_id)
            .options(selectinload(owner.needs), lazyload(owner.roles))
        )
        rows, total = self.counted_rows(query, offset, limit)
        lines = []
        for row, title, starts_at, group_id, group_name, person, _total in rows:
            named = None
            if person is not None:
                named = PersonName(person.id, person.display_name, needs_of(person))
            lines.append(
                (
                    self.to_record(row),
                    SessionTitle(row.meeting_id, title, starts_at, group_id),
                    GroupName(group_id, group_name),
                    named,
                )
            )
        return Page(items=tuple(lines), total=total, offset=offset)

    def count_owned_by(self, person_id: int) -> int:
        return self.count(select(ActionRow).where(ActionRow.owner_id == person_id))

    def count_for_meeting(self, meeting_id: int) -> int:
        return self.count(select(ActionRow).where(ActionRow.meeting_id == meeting_id))

    def open_from_earlier_sessions(self, meeting: Meeting) -> list[Action]:
        """Open actions from every session of ``meeting``'s group that started before it
        (sessions starting at the same moment are ordered by id), oldest session first."""
        earlier = or_(
            MeetingRow.starts_at < meeting.starts_at,
            and_(MeetingRow.starts_at == meeting.starts_at, MeetingRow.id < meeting.id),
        )
        query = (
            select(ActionRow)
            .join(MeetingRow, MeetingRow.id == ActionRow.meeting_id)
            .where(
                MeetingRow.group_id == meeting.group_id,
                earlier,
                ActionRow.status.in_(OPEN_ACTION_CODES),
            )
            .order_by(MeetingRow.starts_at, MeetingRow.id, ActionRow.id)
        )
        return [self.to_record(r) for r in self.scalars(query)]
