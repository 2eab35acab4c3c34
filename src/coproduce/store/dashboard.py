"""The queries behind the dashboard: counts the database works out, never record by record.

Every figure here is aggregated in SQL (``COUNT``, ``GROUP BY``, window functions), so the
dashboard of the large demo (100,000 contributions, 58,000 attendance marks) answers in a
handful of queries whatever the data holds. What comes back to Python is at most one row per
session, per group, per rung or per distinct number of days: never one row per contribution.

Scope: ``group_ids`` empty means every group. Sessions, attendance, contributions and actions
belong to a group through their session; involvement activities through their own group (an
activity with no group is only counted when no group is chosen); a document belongs to the
groups that had it on a session's agenda or linked something said at a session to it.

The services define what the figures mean (``services/dashboard.py``); these methods take
plain dates and ids and return plain numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, and_, case, cast, func, literal, or_, select, union
from sqlalchemy.orm import Session

from coproduce.domain.vocabulary import (
    ANSWERABLE_KINDS,
    ActionStatus,
    AttendanceStatus,
    DocumentStatus,
    MeetingStatus,
    ResponseStatus,
)
from coproduce.store.orm import (
    ActionRow,
    ActivityParticipantRow,
    AgendaItemDocumentRow,
    AgendaItemRow,
    AttendanceRow,
    ContributionRow,
    DocumentRow,
    GroupRow,
    InvolvementActivityRow,
    LadderAssessmentRow,
    LinkRow,
    MeetingRow,
    MembershipRow,
    PersonRow,
    ResponseRow,
)

if TYPE_CHECKING:
    from coproduce.store.unit_of_work import UnitOfWork

PRESENT = AttendanceStatus.PRESENT.value
HELD = [
    MeetingStatus.HELD.value,
    MeetingStatus.WRITTEN_UP.value,
    MeetingStatus.SUMMARY_SHARED.value,
]
OPEN_ACTIONS = [s.value for s in ActionStatus if s.is_open]
NOT_ANSWERED = ResponseStatus.NOT_ANSWERED.value
ANSWERABLE = sorted(kind.value for kind in ANSWERABLE_KINDS)
ARCHIVED = DocumentStatus.ARCHIVED.value


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min)


def after(day: date) -> datetime:
    """The first moment after ``day``: timestamps on ``day`` are ``< after(day)``."""
    return datetime.combine(day + timedelta(days=1), time.min)


@dataclass(frozen=True, slots=True)
class RungCounts:
    documents: int
    planned: dict[int, int]
    """planned rung -> documents planned there"""
    assessed: dict[int, int]
    """rung of the latest assessment -> documents"""
    no_plan: int
    not_assessed: int
    below_plan: int


@dataclass(frozen=True, slots=True)
class LoopCounts:
    contributions: int
    responded: int
    fed_back: int
    days_to_response: list[tuple[int, int]]
    """(days, how many responses took that long), for responses with a decision date"""


@dataclass(frozen=True, slots=True)
class OldestUnanswered:
    contribution_id: int
    text: str
    captured_on: date
    session_title: str
    group_name: str


@dataclass(frozen=True, slots=True)
class CheckInRow:
    person_id: int
    name: str
    group_id: int
    group_name: str
    joined_on: date
    missed_in_a_row: int
    last_at_session: datetime | None
    last_at_activity: date | None


class DashboardQueries:
    def __init__(self, unit: UnitOfWork) -> None:
        self._unit = unit

    @property
    def _session(self) -> Session:
        return self._unit.session

    @property
    def _is_sqlite(self) -> bool:
        return self._session.get_bind().dialect.name == "sqlite"

    # --- scope ---------------------------------------------------------------------------

    @staticmethod
    def _in_groups(column: Any, group_ids: Sequence[int]) -> Any:
        return column.in_(list(group_ids)) if group_ids else literal(True)

    def _documents_in_scope(self, group_ids: Sequence[int]) -> Any:
        """A condition on ``DocumentRow.id``: the document belongs to one of the groups."""
        if not group_ids:
            return literal(True)
        on_agenda = (
            select(AgendaItemDocumentRow.document_id)
            .join(AgendaItemRow, AgendaItemRow.id == AgendaItemDocumentRow.agenda_item_id)
            .join(MeetingRow, MeetingRow.id == AgendaItemRow.meeting_id)
            .where(MeetingRow.group_id.in_(list(group_ids)))
        )
        linked = (
            select(LinkRow.document_id)
            .join(ContributionRow, ContributionRow.id == LinkRow.contribution_id)
            .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
            .where(MeetingRow.group_id.in_(list(group_ids)))
        )
        return DocumentRow.id.in_(union(on_agenda, linked).scalar_subquery())

    # --- the ladder ----------------------------------------------------------------------

    def _latest_assessments(self, on_or_before: date) -> Any:
        """Each document's latest assessment made on or before the day (entry order breaks
        ties between two on the same day), as a subquery (document_id, rung)."""
        ranked = (
            select(
                LadderAssessmentRow.document_id,
                LadderAssessmentRow.rung,
                func.row_number()
                .over(
                    partition_by=LadderAssessmentRow.document_id,
                    order_by=(
                        LadderAssessmentRow.assessed_on.desc(),
                        LadderAssessmentRow.id.desc(),
                    ),
                )
                .label("newest"),
            )
            .where(LadderAssessmentRow.assessed_on <= on_or_before)
            .subquery()
        )
        return select(ranked.c.document_id, ranked.c.rung).where(ranked.c.newest == 1).subquery()

    def rung_counts(self, on_or_before: date, group_ids: Sequence[int]) -> RungCounts:
        latest = self._latest_assessments(on_or_before)
        scope = self._documents_in_scope(group_ids)
        archived = case((DocumentRow.status == ARCHIVED, 1), else_=0)
        rows = self._session.execute(
            select(DocumentRow.planned_rung, latest.c.rung, archived, func.count())
            .select_from(DocumentRow)
            .outerjoin(latest, latest.c.document_id == DocumentRow.id)
            .where(scope)
            .group_by(DocumentRow.planned_rung, latest.c.rung, archived)
        ).all()
        planned: dict[int, int] = {}
        assessed: dict[int, int] = {}
        documents = no_plan = not_assessed = below_plan = 0
        for plan, rung, is_archived, count in rows:  # at most 8 x 8 x 2 combinations
            documents += count
            if plan is None:
                no_plan += count
            else:
                planned[plan] = planned.get(plan, 0) + count
            if rung is None:
                not_assessed += count
            else:
                assessed[rung] = assessed.get(rung, 0) + count
            # Archived work is no longer drifting: the same rule as the ladder's drifting list.
            if plan is not None and rung is not None and rung < plan and not is_archived:
                below_plan += count
        return RungCounts(documents, planned, assessed, no_plan, not_assessed, below_plan)

    def assessed_rungs_on(self, on_or_before: date, group_ids: Sequence[int]) -> dict[int, int]:
        """rung -> documents whose latest assessment by the day is there; 0 -> not assessed."""
        latest = self._latest_assessments(on_or_before)
        rows = self._session.execute(
            select(latest.c.rung, func.count())
            .select_from(DocumentRow)
            .outerjoin(latest, latest.c.document_id == DocumentRow.id)
            .where(self._documents_in_scope(group_ids))
            .group_by(latest.c.rung)
        ).all()
        return {rung or 0: count for rung, count in rows}

    # --- loop closure --------------------------------------------------------------------

    def _contributions_in(self, first: date | None, last: date, group_ids: Sequence[int]) -> Any:
        """Contributions that expect an answer (not praise or decisions), captured in the
        period, at the groups' sessions that had started by its end (what was typed for a
        session still to come has not been said yet)."""
        sessions = select(MeetingRow.id).where(MeetingRow.starts_at < after(last))
        if group_ids:
            sessions = sessions.where(MeetingRow.group_id.in_(list(group_ids)))
        conditions = [
            ContributionRow.captured_at < after(last),
            ContributionRow.kind.in_(ANSWERABLE),
            ContributionRow.meeting_id.in_(sessions.scalar_subquery()),
        ]
        if first is not None:
            conditions.append(ContributionRow.captured_at >= start_of(first))
        return and_(*conditions)

    def _days_between(self, captured_at: Any, decided_on: Any) -> Any:
        """Whole days from the day of ``captured_at`` to ``decided_on``; a decision dated
        before that day (recorded out of order) counts as 0, never fewer."""
        if self._is_sqlite:
            days = cast(
                func.julianday(decided_on) - func.julianday(func.date(captured_at)), Integer
            )
        else:
            days = decided_on - cast(captured_at, type_=decided_on.type)
        return case((days < 0, 0), else_=days)

    def loop_counts(self, first: date | None, last: date, group_ids: Sequence[int]) -> LoopCounts:
        """One pass over the contributions and their responses: counted per number of days to a
        response (None for those not responded to, or with no decision dated on or before
        ``last``: a decision dated later has not happened yet), so the totals and the median's
        histogram come from the same join."""
        responded = and_(ResponseRow.id.is_not(None), ResponseRow.status != NOT_ANSWERED)
        days = case(
            (
                and_(responded, ResponseRow.decided_on <= last),
                self._days_between(ContributionRow.captured_at, ResponseRow.decided_on),
            )
        )
        each = (
            select(
                ContributionRow.id.label("contribution_id"),
                case((responded, 1)).label("responded"),
                ResponseRow.fed_back_on,
                days.label("days"),
            )
            .select_from(ContributionRow)
            .outerjoin(ResponseRow, ResponseRow.contribution_id == ContributionRow.id)
            .where(self._contributions_in(first, last, group_ids))
            .subquery()
        )
        rows = self._session.execute(
            select(
                each.c.days,
                func.count(each.c.contribution_id),
                func.count(each.c.responded),
                func.count(each.c.fed_back_on),
            )
            .group_by(each.c.days)
            .order_by(each.c.days)
        ).all()
        return LoopCounts(
            contributions=sum(row[1] for row in rows),
            responded=sum(row[2] for row in rows),
            fed_back=sum(row[3] for row in rows),
            days_to_response=[(int(d), n) for d, _c, n, _f in rows if d is not None],
        )

    def oldest_unanswered(
        self, first: date | None, last: date, group_ids: Sequence[int]
    ) -> OldestUnanswered | None:
        row = self._session.execute(
            select(
                ContributionRow.id,
                ContributionRow.text,
                ContributionRow.captured_at,
                MeetingRow.title,
                GroupRow.name,
            )
            .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
            .join(GroupRow, GroupRow.id == MeetingRow.group_id)
            .outerjoin(ResponseRow, ResponseRow.contribution_id == ContributionRow.id)
            .where(
                self._contributions_in(first, last, group_ids),
                or_(ResponseRow.id.is_(None), ResponseRow.status == NOT_ANSWERED),
            )
            .order_by(ContributionRow.captured_at, ContributionRow.id)
            .limit(1)
        ).first()
        if row is None:
            return None
        return OldestUnanswered(row[0], row[1], row[2].date(), row[3], row[4])

    # --- reach ---------------------------------------------------------------------------

    def _involvement(self, first: date | None, last: date, group_ids: Sequence[int]) -> Any:
        """Who was involved between the days (inclusive; ``first`` None: from the start): present
        at a session, or taking part in an involvement activity. One row per person."""
        at_sessions = (
            select(AttendanceRow.person_id.label("person_id"))
            .join(MeetingRow, MeetingRow.id == AttendanceRow.meeting_id)
            .where(
                AttendanceRow.status == PRESENT,
                MeetingRow.starts_at < after(last),
                self._in_groups(MeetingRow.group_id, group_ids),
            )
        )
        in_activities = (
            select(ActivityParticipantRow.person_id.label("person_id"))
            .join(
                InvolvementActivityRow,
                InvolvementActivityRow.id == ActivityParticipantRow.activity_id,
            )
            .where(
                InvolvementActivityRow.on <= last,
                self._in_groups(InvolvementActivityRow.group_id, group_ids),
            )
        )
        if first is not None:
            at_sessions = at_sessions.where(MeetingRow.starts_at >= start_of(first))
            in_activities = in_activities.where(InvolvementActivityRow.on >= first)
        return union(at_sessions, in_activities)

    def involved_count(self, first: date | None, last: date, group_ids: Sequence[int]) -> int:
        people = self._involvement(first, last, group_ids).subquery()
        return self._session.scalar(select(func.count()).select_from(people)) or 0

    def new_count(self, first: date | None, last: date, group_ids: Sequence[int]) -> int:
        """People involved between the days and never before ``first`` (in the same scope)."""
        people = self._involvement(first, last, group_ids).subquery()
        query = select(func.count()).select_from(people)
        if first is not None:
            before = self._involvement(None, first - timedelta(days=1), group_ids).subquery()
            query = query.where(people.c.person_id.not_in(select(before.c.person_id)))
        return self._session.scalar(query) or 0

    def check_in(
        self, on: date, not_seen_since: date, missed: int, group_ids: Sequence[int]
    ) -> list[CheckInRow]:
        """Current members of active groups (and active on the register) who either missed
        ``missed`` or more of their group's held sessions in a row since they last came (or
        since they joined), or have not been involved anywhere after ``not_seen_since`` and
        joined the group on or before it. One row per membership."""
        end = after(on)
        # Each person's last session per group, worked out once (a CTE used twice: SQLite and
        # PostgreSQL both keep its result rather than aggregating the attendance again).
        last_in_group = (
            select(
                AttendanceRow.person_id,
                MeetingRow.group_id,
                func.max(MeetingRow.starts_at).label("last_at"),
            )
            .join(MeetingRow, MeetingRow.id == AttendanceRow.meeting_id)
            .where(AttendanceRow.status == PRESENT, MeetingRow.starts_at < end)
            .group_by(AttendanceRow.person_id, MeetingRow.group_id)
            .cte("last_in_group")
        )
        members = (
            select(MembershipRow.id, MembershipRow.person_id, MembershipRow.group_id)
            .join(PersonRow, PersonRow.id == MembershipRow.person_id)
            .join(GroupRow, GroupRow.id == MembershipRow.group_id)
            .where(
                MembershipRow.joined_on <= on,
                or_(MembershipRow.left_on.is_(None), MembershipRow.left_on > on),
                PersonRow.active.is_(True),
                or_(PersonRow.left_on.is_(None), PersonRow.left_on > on),
                GroupRow.active.is_(True),
                self._in_groups(MembershipRow.group_id, group_ids),
            )
            .subquery()
        )
        since = func.coalesce(last_in_group.c.last_at, MembershipRow.joined_on)
        missed_count = (
            select(
                MembershipRow.id.label("membership_id"),
                func.count(MeetingRow.id).label("missed"),
            )
            .select_from(MembershipRow)
            .join(members, members.c.id == MembershipRow.id)
            .outerjoin(
                last_in_group,
                and_(
                    last_in_group.c.person_id == MembershipRow.person_id,
                    last_in_group.c.group_id == MembershipRow.group_id,
                ),
            )
            .outerjoin(
                MeetingRow,
                and_(
                    MeetingRow.group_id == MembershipRow.group_id,
                    MeetingRow.status.in_(HELD),
                    MeetingRow.starts_at < end,
                    MeetingRow.starts_at >= MembershipRow.joined_on,
                    MeetingRow.starts_at > since,
                ),
            )
            .group_by(MembershipRow.id)
            .subquery()
        )
        recently = self._involvement(not_seen_since + timedelta(days=1), on, ()).subquery()
        last_at_session = (
            select(last_in_group.c.person_id, func.max(last_in_group.c.last_at).label("at"))
            .group_by(last_in_group.c.person_id)
            .subquery()
        )
        last_at_activity = (
            select(
                ActivityParticipantRow.person_id, func.max(InvolvementActivityRow.on).label("on")
            )
            .join(
                InvolvementActivityRow,
                InvolvementActivityRow.id == ActivityParticipantRow.activity_id,
            )
            .where(InvolvementActivityRow.on <= on)
            .group_by(ActivityParticipantRow.person_id)
            .subquery()
        )
        not_seen = and_(
            MembershipRow.person_id.not_in(select(recently.c.person_id)),
            MembershipRow.joined_on <= not_seen_since,
        )
        rows = self._session.execute(
            select(
                PersonRow.id,
                PersonRow.display_name,
                GroupRow.id,
                GroupRow.name,
                MembershipRow.joined_on,
                missed_count.c.missed,
                last_at_session.c.at,
                last_at_activity.c.on,
            )
            .select_from(MembershipRow)
            .join(missed_count, missed_count.c.membership_id == MembershipRow.id)
            .join(PersonRow, PersonRow.id == MembershipRow.person_id)
            .join(GroupRow, GroupRow.id == MembershipRow.group_id)
            .outerjoin(last_at_session, last_at_session.c.person_id == MembershipRow.person_id)
            .outerjoin(last_at_activity, last_at_activity.c.person_id == MembershipRow.person_id)
            .where(or_(missed_count.c.missed >= missed, not_seen))
            .order_by(PersonRow.sort_name, PersonRow.id, GroupRow.name, GroupRow.id)
        ).all()
        return [CheckInRow(*row) for row in rows]

    def attendance_by_session(
        self, first: date, last: date, group_ids: Sequence[int]
    ) -> list[tuple[int, datetime, int]]:
        """(group id, session starts at, people present) for every session between the days
        with anyone present: one row per session."""
        return [
            (group_id, starts_at, present)
            for group_id, starts_at, present in self._session.execute(
                select(MeetingRow.group_id, MeetingRow.starts_at, func.count(AttendanceRow.id))
                .join(AttendanceRow, AttendanceRow.meeting_id == MeetingRow.id)
                .where(
                    AttendanceRow.status == PRESENT,
                    MeetingRow.starts_at >= start_of(first),
                    MeetingRow.starts_at < after(last),
                    self._in_groups(MeetingRow.group_id, group_ids),
                )
                .group_by(MeetingRow.id, MeetingRow.group_id, MeetingRow.starts_at)
            )
        ]

    def group_names(self, group_ids: Sequence[int]) -> dict[int, str]:
        query = select(GroupRow.id, GroupRow.name).order_by(GroupRow.name, GroupRow.id)
        if group_ids:
            query = query.where(GroupRow.id.in_(list(group_ids)))
        return dict(self._session.execute(query).all())

    # --- actions -------------------------------------------------------------------------

    def overdue_actions(self, today: date, group_ids: Sequence[int]) -> list[tuple[int, int]]:
        """(group id, actions still open and due before ``today``) for each group with any."""
        return [
            (group_id, count)
            for group_id, count in self._session.execute(
                select(MeetingRow.group_id, func.count(ActionRow.id))
                .join(MeetingRow, MeetingRow.id == ActionRow.meeting_id)
                .where(
                    ActionRow.status.in_(OPEN_ACTIONS),
                    ActionRow.due_on < today,
                    self._in_groups(MeetingRow.group_id, group_ids),
                )
                .group_by(MeetingRow.group_id)
            )
        ]
