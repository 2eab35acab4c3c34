"""The dashboard's figures: the ladder portfolio, loop closure, reach and overdue actions.

``DashboardService.figures(DashboardFilter(...))`` returns one ``Dashboard``: every figure the
Dashboard page shows, worked out here (counted by the database, see ``store/dashboard.py``) so
that the page, the evidence pack and the tests all read the same numbers.

The terms, exactly:

- **Scope.** ``DashboardFilter.group_ids`` (empty: every group) and the days ``from_date`` to
  ``to_date``, both included. A session, its attendance, contributions and actions belong to
  the session's group; an involvement activity to its own group (one with no group counts only
  when no group is chosen); a document to every group that had it on a session's agenda or
  linked something said at one of its sessions to it.
- **As on.** The figures that describe a state ("now") describe it on ``Dashboard.as_on``: the
  ``to_date``, or today when there is none or it is still to come.
- **Involved.** A person is involved on a day when they were marked present at a session that
  day, or took part in an involvement activity that day.
- **People involved in the last 12 months.** Distinct people involved in scope after the day
  12 calendar months before ``as_on``, up to ``as_on``.
- **New this period.** People whose first involvement in scope falls between ``from_date`` and
  ``as_on`` (with no ``from_date``, everyone involved in scope up to ``as_on``).
- **Check in.** Current members of active groups in scope, themselves active on the register,
  who either missed the last 3 or more of their group's held sessions in a row (sessions held
  since they joined and since they were last present there), or have not been involved
  anywhere for 6 months (last involved on or before the day 6 months before ``as_on``, or
  never, having joined the group on or before that day). One line per membership.
- **Attendance by group over time.** Attendance marks "present" at each group's sessions,
  added up per period (month, or quarter for ranges over two years, or year beyond eight).
- **Contributions** (loop closure) are those that expect an answer (ideas, concerns, questions
  and experiences: ``domain.vocabulary.ANSWERABLE_KINDS``, the same set the "You said, we did"
  reports use), captured between ``from_date`` and ``as_on`` at sessions in scope that had
  started by the end of ``as_on`` (what was typed for a session still to come has not been
  said yet, so it counts nowhere). Praise and
  the group's own decisions owe nobody a "we did", so they are in none of these figures.
  **Responded**: it has a response whose status is not "Not answered yet".
  **Fed back**: its response has the date it was fed back to the group. Both shares are of all
  those contributions. **Days to a response**: from the day the contribution was captured to the
  response's decision date, over responded contributions with a decision dated on or before
  ``as_on`` (a decision dated later has not happened yet); a decision dated before the day it
  was captured counts as 0 days, so no figure is ever negative. The median is
  the middle value (the mean of the two middle ones when their number is even).
  **Oldest unanswered**: the earliest captured of those contributions with no response, or one
  "Not answered yet".
- **Documents by rung.** Each document in scope counts once at the rung of its latest ladder
  assessment made on or before the day (latest by assessment date, then by entry), and once at
  its planned rung (the document's planned rung as it stands). "Below plan": latest assessment
  lower than the planned rung, archived documents left out (as in the ladder's drifting list,
  ``LadderService.drifting``). Over time: the same latest rung at the end of each period.
- **Overdue actions.** Actions in scope still open (open or in progress) and due before today.
  Only an action's current state is kept, so the dates do not change this figure.
- **Sessions needing attention.** The groups' sessions that need the facilitator now
  (``services.meetings.attention_of``): held and not written up yet, or over and still marked
  planned. Like overdue actions, a to-do list of today: the dates do not change it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from coproduce.domain.errors import ValidationError
from coproduce.domain.schedule import add_months
from coproduce.domain.vocabulary import LadderRung
from coproduce.services.base import Service
from coproduce.services.meetings import SessionNeedingAttention, attention_of

CHECK_IN_MONTHS = 6
"""Not involved anywhere for this many months: time to check in."""
CHECK_IN_MISSED_SESSIONS = 3
"""Missed this many of their group's sessions in a row: time to check in."""
REACH_MONTHS = 12
MONTHLY_UP_TO = 24
"""Ranges of up to this many months are charted month by month; longer ones by quarter."""
QUARTERLY_UP_TO = 32
"""...and ranges of more than this many quarters year by year."""
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""Month names for period labels, in English whatever the computer's locale (as ui/formats)."""
DEFAULT_MONTHS = 12
"""With no ``from_date``, the charts over time show this many months up to ``as_on``."""


@dataclass(frozen=True, slots=True)
class DashboardFilter:
    """Which groups (empty: all) and which days (inclusive; None: open-ended)."""

    group_ids: frozenset[int] = frozenset()
    from_date: date | None = None
    to_date: date | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """One step of a chart over time: a month, quarter or year, cut to the range."""

    label: str
    first: date
    last: date


@dataclass(frozen=True, slots=True)
class RungCount:
    rung: LadderRung
    planned: int
    """documents planned to be at this rung"""
    assessed: int
    """documents whose latest assessment is at this rung"""


@dataclass(frozen=True, slots=True)
class RungPicture:
    as_on: date
    documents: int
    rungs: tuple[RungCount, ...]
    """the 7 rungs, bottom (1) to top (7)"""
    no_plan: int
    not_assessed: int
    below_plan: int


@dataclass(frozen=True, slots=True)
class RungHistory:
    periods: tuple[Period, ...]
    counts: tuple[tuple[int, ...], ...]
    """per period, 8 numbers: documents not assessed yet, then at rung 1 to 7"""

    def count(self, period: int, rung: LadderRung | None) -> int:
        """Documents at ``rung`` (None: not assessed) at the end of the ``period``-th period."""
        return self.counts[period][0 if rung is None else int(rung)]


@dataclass(frozen=True, slots=True)
class UnansweredContribution:
    contribution_id: int
    text: str
    captured_on: date
    session_title: str
    group_name: str
    days_waiting: int


@dataclass(frozen=True, slots=True)
class LoopClosure:
    contributions: int
    responded: int
    fed_back: int
    median_days_to_response: float | None
    """None when no responded contribution has a decision date"""
    oldest_unanswered: UnansweredContribution | None

    @property
    def share_responded(self) -> float | None:
        return self.responded / self.contributions if self.contributions else None

    @property
    def share_fed_back(self) -> float | None:
        return self.fed_back / self.contributions if self.contributions else None


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One person to check in with, about one group."""

    person_id: int
    name: str
    group_id: int
    group_name: str
    last_seen: date | None
    """last involved anywhere (a session or an activity), None if never"""
    missed_in_a_row: int
    """the group's held sessions since they were last there (or joined)"""
    not_seen_for_months: bool
    """True when not involved anywhere for ``CHECK_IN_MONTHS`` months"""

    @property
    def reason(self) -> str:
        reasons = []
        if self.missed_in_a_row >= CHECK_IN_MISSED_SESSIONS:
            reasons.append(f"missed the last {self.missed_in_a_row} sessions")
        if self.not_seen_for_months:
            reasons.append(
                f"not seen for {CHECK_IN_MONTHS} months"
                if self.last_seen
                else "not seen since joining"
            )
        text = " and ".join(reasons)
        return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class GroupAttendance:
    group_id: int
    group_name: str
    present: tuple[int, ...]
    """attendance marks "present", one number per period"""


@dataclass(frozen=True, slots=True)
class Reach:
    involved_last_12_months: int
    twelve_months_after: date
    """the 12 months are the days after this one up to ``as_on``"""
    new_in_period: int
    check_in: tuple[CheckIn, ...]
    attendance: tuple[GroupAttendance, ...]
    """one series per group with anyone present in the periods, or chosen in the filter"""


@dataclass(frozen=True, slots=True)
class GroupCount:
    group_id: int
    group_name: str
    count: int


@dataclass(frozen=True, slots=True)
class OverdueActions:
    total: int
    by_group: tuple[GroupCount, ...]
    """groups with any overdue action, most first"""


@dataclass(frozen=True, slots=True)
class Dashboard:
    filter: DashboardFilter
    as_on: date
    periods: tuple[Period, ...]
    rungs: RungPicture
    rung_history: RungHistory
    loop: LoopClosure
    reach: Reach
    overdue: OverdueActions
    group_names: dict[int, str] = field(default_factory=dict)
    """every group in scope, id -> name"""
    sessions_needing_attention: tuple[SessionNeedingAttention, ...] = ()
    """sessions in scope to write up, or to mark held or cancelled, oldest first"""


def median_of(histogram: list[tuple[int, int]]) -> float | None:
    """The median of values given as (value, how many times), sorted by value."""
    total = sum(n for _value, n in histogram)
    if total == 0:
        return None
    # The middle positions (0-based): one when the total is odd, two when even.
    wanted = sorted({(total - 1) // 2, total // 2})
    found: list[int] = []
    seen = 0
    for value, n in histogram:
        while wanted and wanted[0] < seen + n:
            found.append(value)
            wanted.pop(0)
        seen += n
    return sum(found) / len(found)


def periods_between(first: date, last: date) -> tuple[Period, ...]:
    """Months (or quarters, or years, for long ranges) from ``first`` to ``last``, the first
    and last cut to the range."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= MONTHLY_UP_TO:
        step, name = 1, "month"
    elif months <= QUARTERLY_UP_TO * 3:
        step, name = 3, "quarter"
    else:
        step, name = 12, "year"
    month0 = (first.month - 1) // step * step + 1
    start = date(first.year, month0, 1)
    periods = []
    while start <= last:
        following = add_months(start, step)
        if name == "month":
            label = f"{MONTHS[start.month - 1]} {start.year}"
        elif name == "quarter":
            label = f"Q{(start.month - 1) // 3 + 1} {start.year}"
        else:
            label = str(start.year)
        periods.append(Period(label, max(start, first), min(following - timedelta(days=1), last)))
        start = following
    return tuple(periods)


class DashboardService(Service):
    def figures(self, which: DashboardFilter | None = None) -> Dashboard:
        """Every figure of the dashboard for the groups and days of ``which``."""
        which = which or DashboardFilter()
        today = self.today()
        if which.from_date and which.to_date and which.from_date > which.to_date:
            raise ValidationError(
                "The start date is after the end date. Choose a start date on or before "
                "the end date.",
                "from_date",
            )
        as_on = min(which.to_date, today) if which.to_date else today
        first = which.from_date
        if first is not None and first > as_on:
            raise ValidationError(
                "The start date is still to come, so there is nothing to show yet. Choose a "
                "start date on or before today.",
                "from_date",
            )
        chart_from = first or add_months(as_on.replace(day=1), 1 - DEFAULT_MONTHS)
        periods = periods_between(chart_from, as_on)
        groups = sorted(which.group_ids)
        with self._store.reading() as unit:
            queries = unit.dashboard
            names = queries.group_names(groups)

            counts = queries.rung_counts(as_on, groups)
            rungs = RungPicture(
                as_on=as_on,
                documents=counts.documents,
                rungs=tuple(
                    RungCount(r, counts.planned.get(r, 0), counts.assessed.get(r, 0))
                    for r in LadderRung
                ),
                no_plan=counts.no_plan,
                not_assessed=counts.not_assessed,
                below_plan=counts.below_plan,
            )
            history = []
            for period in periods:
                by_rung = queries.assessed_rungs_on(period.last, groups)
                history.append(tuple(by_rung.get(r, 0) for r in range(8)))

            loop_counts = queries.loop_counts(first, as_on, groups)
            oldest = queries.oldest_unanswered(first, as_on, groups)
            loop = LoopClosure(
                contributions=loop_counts.contributions,
                responded=loop_counts.responded,
                fed_back=loop_counts.fed_back,
                median_days_to_response=median_of(loop_counts.days_to_response),
                oldest_unanswered=None
                if oldest is None
                else UnansweredContribution(
                    oldest.contribution_id,
                    oldest.text,
                    oldest.captured_on,
                    oldest.session_title,
                    oldest.group_name,
                    (as_on - oldest.captured_on).days,
                ),
            )

            twelve_months_after = add_months(as_on, -REACH_MONTHS)
            not_seen_since = add_months(as_on, -CHECK_IN_MONTHS)
            check_in = tuple(
                CheckIn(
                    person_id=row.person_id,
                    name=row.name,
                    group_id=row.group_id,
                    group_name=row.group_name,
                    last_seen=last_seen,
                    missed_in_a_row=row.missed_in_a_row,
                    not_seen_for_months=row.joined_on <= not_seen_since
                    and (last_seen is None or last_seen <= not_seen_since),
                )
                for row in queries.check_in(as_on, not_seen_since, CHECK_IN_MISSED_SESSIONS, groups)
                for last_seen in [_later(row.last_at_session, row.last_at_activity)]
            )
            attendance = self._attendance(
                queries.attendance_by_session(chart_from, as_on, groups), periods, names, groups
            )
            reach = Reach(
                involved_last_12_months=queries.involved_count(
                    twelve_months_after + timedelta(days=1), as_on, groups
                ),
                twelve_months_after=twelve_months_after,
                new_in_period=queries.new_count(first, as_on, groups),
                check_in=check_in,
                attendance=attendance,
            )

            overdue_rows = queries.overdue_actions(today, groups)
            overdue = OverdueActions(
                total=sum(n for _g, n in overdue_rows),
                by_group=tuple(
                    sorted(
                        (GroupCount(g, names.get(g, ""), n) for g, n in overdue_rows),
                        key=lambda c: (-c.count, c.group_name.casefold(), c.group_id),
                    )
                ),
            )
            moment = self.moment()
            attention = tuple(
                SessionNeedingAttention(m, names.get(m.group_id, ""), needs)
                for m in unit.meetings.needing_attention(moment, groups)
                for needs in [attention_of(m, moment)]
                if needs is not None
            )
        return Dashboard(
            filter=which,
            as_on=as_on,
            periods=periods,
            rungs=rungs,
            rung_history=RungHistory(periods, tuple(history)),
            loop=loop,
            reach=reach,
            overdue=overdue,
            group_names=names,
            sessions_needing_attention=attention,
        )

    @staticmethod
    def _attendance(
        sessions: list[tuple[int, object, int]],
        periods: tuple[Period, ...],
        names: dict[int, str],
        chosen: list[int],
    ) -> tuple[GroupAttendance, ...]:
        # One row per session (a few hundred at most), summed into its group's period.
        totals: dict[int, list[int]] = {g: [0] * len(periods) for g in chosen}
        for group_id, starts_at, present in sessions:
            day = starts_at.date()  # type: ignore[attr-defined]
            index = next(i for i, p in enumerate(periods) if p.first <= day <= p.last)
            totals.setdefault(group_id, [0] * len(periods))[index] += present
        ordered = sorted(totals, key=lambda g: (names.get(g, "").casefold(), g))
        return tuple(GroupAttendance(g, names.get(g, ""), tuple(totals[g])) for g in ordered)


def _later(at_session: object, at_activity: date | None) -> date | None:
    session_day = at_session.date() if at_session is not None else None  # type: ignore[attr-defined]
    days = [d for d in (session_day, at_activity) if d is not None]
    return max(days) if days else None
