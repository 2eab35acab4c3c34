"""The dashboard's figures, on both databases.

On the small demo every figure is checked against a second working-out: plain rows read with
direct SQL written here (no code of the store), turned into the figure in plain Python, term
by term as ``services/dashboard.py`` defines it. Then hand-built councils check the edges: no
data at all, the group filter, and the first and last days of a range.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import (
    Action,
    Contribution,
    Document,
    Group,
    InvolvementActivity,
    LadderAssessment,
    Link,
    Meeting,
    Person,
    Response,
)
from coproduce.domain.schedule import add_months
from coproduce.domain.vocabulary import (
    ActionStatus,
    ActivityKind,
    AttendanceStatus,
    Attribution,
    ContributionKind,
    DocumentStatus,
    LadderRung,
    MeetingStatus,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.services.dashboard import Dashboard, DashboardFilter, median_of, periods_between
from coproduce.services.demo import ANCHOR, build_demo

HELD = {"held", "written_up", "summary_shared"}
EXPECT_AN_ANSWER = {"idea", "concern", "question", "experience"}


def as_date(value: Any) -> date:
    """A DATE or TIMESTAMP column's value as a date (SQLite hands back text through text())."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def rows(services: Services, sql: str) -> list[Any]:
    with services.database.engine.connect() as connection:
        return list(connection.execute(text(sql)))


class Expected:
    """Every figure worked out again from raw rows, following the definitions word for word."""

    def __init__(self, services: Services, which: DashboardFilter, today: date) -> None:
        self.today = today
        self.as_on = min(which.to_date, today) if which.to_date else today
        self.first = which.from_date
        self.groups = set(which.group_ids)
        self.meetings = {
            r.id: (r.group_id, as_datetime(r.starts_at), r.status, r.title)
            for r in rows(services, "SELECT id, group_id, starts_at, status, title FROM meetings")
        }
        self.group_names = dict(rows(services, "SELECT id, name FROM groups"))
        self.present = [
            (r.person_id, r.meeting_id)
            for r in rows(
                services, "SELECT person_id, meeting_id FROM attendance WHERE status = 'present'"
            )
        ]
        self.activities = [
            (r.person_id, r.group_id, as_date(r.on))
            for r in rows(
                services,
                'SELECT p.person_id, a.group_id, a."on" FROM activity_participants p '
                "JOIN involvement_activities a ON a.id = p.activity_id",
            )
        ]
        self.services = services

    def in_scope(self, group_id: int | None) -> bool:
        return not self.groups or group_id in self.groups

    def involvement(self) -> list[tuple[int, date, int | None]]:
        """(person, day, group) of every involvement on or before ``as_on``."""
        found = [
            (person, self.meetings[m][1].date(), self.meetings[m][0]) for person, m in self.present
        ]
        found += [(person, on, group) for person, group, on in self.activities]
        return [f for f in found if f[1] <= self.as_on]

    def involved(self, after: date) -> int:
        return len({p for p, day, g in self.involvement() if day > after and self.in_scope(g)})

    def new(self) -> int:
        firsts: dict[int, date] = {}
        for person, day, group in self.involvement():
            if self.in_scope(group):
                firsts[person] = min(day, firsts.get(person, day))
        return sum(1 for day in firsts.values() if self.first is None or day >= self.first)

    def loop(self) -> dict[str, Any]:
        contributions = [
            r
            for r in rows(
                self.services,
                "SELECT c.id, c.text, c.kind, c.captured_at, c.meeting_id, r.status, "
                "r.decided_on, r.fed_back_on FROM contributions c LEFT JOIN responses r "
                "ON r.contribution_id = c.id",
            )
            # Only what expects an answer: praise and decisions owe nobody a "we did".
            if r.kind in EXPECT_AN_ANSWER
            and self.in_scope(self.meetings[r.meeting_id][0])
            and as_date(r.captured_at) <= self.as_on
            and (self.first is None or as_date(r.captured_at) >= self.first)
            # Only at sessions that had started by the end of the period.
            and self.meetings[r.meeting_id][1].date() <= self.as_on
        ]
        responded = [c for c in contributions if c.status and c.status != "not_answered"]
        waits = [
            max(0, (as_date(c.decided_on) - as_date(c.captured_at)).days)
            for c in responded
            if c.decided_on is not None and as_date(c.decided_on) <= self.as_on
        ]
        unanswered = sorted(
            (c for c in contributions if c.status in (None, "not_answered")),
            key=lambda c: (as_datetime(c.captured_at), c.id),
        )
        return {
            "contributions": len(contributions),
            "responded": len(responded),
            "fed_back": sum(1 for c in contributions if c.fed_back_on is not None),
            "median": statistics.median(waits) if waits else None,
            "oldest": unanswered[0].id if unanswered else None,
            "oldest_days": (self.as_on - as_date(unanswered[0].captured_at)).days
            if unanswered
            else None,
        }

    def documents(self) -> dict[int, int | None]:
        """Documents in scope -> planned rung."""
        planned = {
            r.id: r.planned_rung
            for r in rows(self.services, "SELECT id, planned_rung FROM documents")
        }
        if not self.groups:
            return planned
        belonging = {
            r.document_id
            for r in rows(
                self.services,
                "SELECT d.document_id, m.group_id FROM agenda_item_documents d "
                "JOIN agenda_items i ON i.id = d.agenda_item_id "
                "JOIN meetings m ON m.id = i.meeting_id",
            )
            if r.group_id in self.groups
        } | {
            r.document_id
            for r in rows(
                self.services,
                "SELECT l.document_id, c.meeting_id FROM links l "
                "JOIN contributions c ON c.id = l.contribution_id",
            )
            if self.meetings[r.meeting_id][0] in self.groups
        }
        return {d: p for d, p in planned.items() if d in belonging}

    def archived(self) -> set[int]:
        return {
            r.id
            for r in rows(self.services, "SELECT id, status FROM documents")
            if r.status == "archived"
        }

    def latest_rungs(self, on: date) -> dict[int, int | None]:
        assessments = rows(
            self.services, "SELECT id, document_id, rung, assessed_on FROM ladder_assessments"
        )
        latest: dict[int, tuple[date, int, int]] = {}
        for a in assessments:
            key = (as_date(a.assessed_on), a.id, a.rung)
            if key[0] <= on and (a.document_id not in latest or key > latest[a.document_id]):
                latest[a.document_id] = key
        return {d: (latest[d][2] if d in latest else None) for d in self.documents()}

    def overdue(self) -> dict[int, int]:
        found: dict[int, int] = defaultdict(int)
        for r in rows(self.services, "SELECT meeting_id, status, due_on FROM actions"):
            group = self.meetings[r.meeting_id][0]
            if (
                r.status in ("open", "in_progress")
                and r.due_on is not None
                and as_date(r.due_on) < self.today
                and self.in_scope(group)
            ):
                found[group] += 1
        return dict(found)

    def check_in(self) -> set[tuple[int, int, int, bool]]:
        """(person, group, sessions missed in a row, not seen for 6 months)."""
        cutoff = add_months(self.as_on, -6)
        people = {r.id: r for r in rows(self.services, "SELECT id, active, left_on FROM people")}
        active_groups = {
            r.id for r in rows(self.services, "SELECT id, active FROM groups") if r.active
        }
        seen: dict[int, date] = {}
        for person, day, _group in self.involvement():
            seen[person] = max(day, seen.get(person, day))
        found = set()
        for m in rows(
            self.services, "SELECT person_id, group_id, joined_on, left_on FROM memberships"
        ):
            person = people[m.person_id]
            joined = as_date(m.joined_on)
            if not (
                joined <= self.as_on
                and (m.left_on is None or as_date(m.left_on) > self.as_on)
                and person.active
                and (person.left_on is None or as_date(person.left_on) > self.as_on)
                and m.group_id in active_groups
                and self.in_scope(m.group_id)
            ):
                continue
            held = sorted(
                starts
                for group, starts, status, _title in self.meetings.values()
                if group == m.group_id and status in HELD and joined <= starts.date() <= self.as_on
            )
            there = {
                self.meetings[meeting][1]
                for p, meeting in self.present
                if p == m.person_id
                and self.meetings[meeting][0] == m.group_id
                and self.meetings[meeting][1].date() <= self.as_on
            }
            missed = 0
            for starts in reversed(held):
                if starts in there:
                    break
                missed += 1
            last = seen.get(m.person_id)
            not_seen = joined <= cutoff and (last is None or last <= cutoff)
            if missed >= 3 or not_seen:
                found.add((m.person_id, m.group_id, missed, not_seen))
        return found

    def attendance(self, dashboard: Dashboard) -> dict[int, tuple[int, ...]]:
        totals: dict[int, list[int]] = {}
        for _person, meeting in self.present:
            group, starts, _status, _title = self.meetings[meeting]
            if not self.in_scope(group):
                continue
            for index, period in enumerate(dashboard.periods):
                if period.first <= starts.date() <= period.last:
                    totals.setdefault(group, [0] * len(dashboard.periods))[index] += 1
        return {g: tuple(t) for g, t in totals.items()}


def check_every_figure(services: Services, which: DashboardFilter, today: date) -> Dashboard:
    dashboard = services.dashboard.figures(which)
    expected = Expected(services, which, today)
    assert dashboard.as_on == expected.as_on

    # --- the ladder ---
    documents = expected.documents()
    latest = expected.latest_rungs(expected.as_on)
    rungs = dashboard.rungs
    assert rungs.documents == len(documents)
    for count in rungs.rungs:
        assert count.planned == sum(1 for p in documents.values() if p == count.rung), count
        assert count.assessed == sum(1 for r in latest.values() if r == count.rung), count
    assert rungs.no_plan == sum(1 for p in documents.values() if p is None)
    assert rungs.not_assessed == sum(1 for r in latest.values() if r is None)
    archived = expected.archived()
    assert rungs.below_plan == sum(
        1
        for d, p in documents.items()
        if p is not None and latest[d] is not None and latest[d] < p and d not in archived
    )
    for index, period in enumerate(dashboard.periods):
        at_end = expected.latest_rungs(period.last)
        for level in [None, *LadderRung]:
            assert dashboard.rung_history.count(index, level) == sum(
                1 for r in at_end.values() if r == level
            ), (period, level)

    # --- loop closure ---
    loop = expected.loop()
    assert dashboard.loop.contributions == loop["contributions"]
    assert dashboard.loop.responded == loop["responded"]
    assert dashboard.loop.fed_back == loop["fed_back"]
    assert dashboard.loop.median_days_to_response == loop["median"]
    oldest = dashboard.loop.oldest_unanswered
    assert (oldest.contribution_id if oldest else None) == loop["oldest"]
    assert (oldest.days_waiting if oldest else None) == loop["oldest_days"]

    # --- reach ---
    reach = dashboard.reach
    assert reach.twelve_months_after == add_months(expected.as_on, -12)
    assert reach.involved_last_12_months == expected.involved(reach.twelve_months_after)
    assert reach.new_in_period == expected.new()
    assert {
        (c.person_id, c.group_id, c.missed_in_a_row, c.not_seen_for_months) for c in reach.check_in
    } == expected.check_in()
    attendance = expected.attendance(dashboard)
    assert {a.group_id: a.present for a in reach.attendance if any(a.present)} == attendance

    # --- actions ---
    overdue = expected.overdue()
    assert {g.group_id: g.count for g in dashboard.overdue.by_group} == overdue
    assert dashboard.overdue.total == sum(overdue.values())
    return dashboard


@pytest.fixture
def demo(services: Services) -> Services:
    build_demo(services.database, "small")
    return Services(services.database, actor="Test Facilitator", today=lambda: ANCHOR)


def test_every_figure_of_the_last_12_months_matches_direct_queries(demo: Services) -> None:
    which = DashboardFilter(from_date=add_months(ANCHOR, -12) + timedelta(days=1), to_date=ANCHOR)
    dashboard = check_every_figure(demo, which, ANCHOR)

    # The small demo has something in every figure, so the comparisons above prove something.
    assert dashboard.rungs.documents == 15
    assert 0 < dashboard.loop.responded < dashboard.loop.contributions
    assert 0 < dashboard.loop.fed_back < dashboard.loop.responded
    assert dashboard.loop.median_days_to_response is not None
    assert dashboard.loop.oldest_unanswered is not None
    assert dashboard.reach.involved_last_12_months > 0
    assert dashboard.reach.check_in
    assert any(c.missed_in_a_row >= 3 for c in dashboard.reach.check_in)
    assert any(c.not_seen_for_months for c in dashboard.reach.check_in)
    assert dashboard.overdue.total > 0
    # 2 Nov 2025 to 1 Nov 2026 touches 13 months; the first and last are cut to the range.
    assert len(dashboard.periods) == 13
    assert dashboard.periods[0].first == date(2025, 11, 2)
    assert dashboard.periods[-1].last == ANCHOR
    assert sum(sum(g.present) for g in dashboard.reach.attendance) > 0


def test_every_figure_for_one_group_and_part_of_the_year_matches_direct_queries(
    demo: Services,
) -> None:
    everything = demo.dashboard.figures(DashboardFilter())
    group_id = max(everything.overdue.by_group, key=lambda g: g.count).group_id
    which = DashboardFilter(
        group_ids=frozenset({group_id}), from_date=date(2026, 4, 1), to_date=date(2026, 9, 30)
    )

    dashboard = check_every_figure(demo, which, ANCHOR)

    assert dashboard.as_on == date(2026, 9, 30)
    assert [p.label for p in dashboard.periods] == [
        "Apr 2026", "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026"
    ]  # fmt: skip
    assert 0 < dashboard.loop.contributions < everything.loop.contributions
    assert 0 < dashboard.rungs.documents < everything.rungs.documents
    assert {g.group_id for g in dashboard.reach.attendance} == {group_id}
    assert dashboard.group_names.keys() == {group_id}


def test_every_figure_with_no_dates_matches_direct_queries(demo: Services) -> None:
    dashboard = check_every_figure(demo, DashboardFilter(), ANCHOR)

    # All 300 but the praise and decisions, which expect no answer: no start date.
    assert dashboard.loop.contributions == 252
    # With no start, everyone ever involved is new.
    assert dashboard.reach.new_in_period >= dashboard.reach.involved_last_12_months


def test_an_end_date_still_to_come_shows_today(demo: Services) -> None:
    later = demo.dashboard.figures(DashboardFilter(to_date=ANCHOR + timedelta(days=90)))
    today = demo.dashboard.figures(DashboardFilter(to_date=ANCHOR))

    assert later.as_on == ANCHOR
    assert later.loop == today.loop
    assert later.reach == today.reach


# --- hand-built edges ------------------------------------------------------------------------

TODAY = date(2026, 6, 30)


def test_an_empty_database_shows_zeros_and_no_medians(services: Services) -> None:
    dashboard = Services(services.database, today=lambda: TODAY).dashboard.figures()

    assert dashboard.rungs.documents == 0
    assert all(r.planned == r.assessed == 0 for r in dashboard.rungs.rungs)
    assert dashboard.loop.contributions == 0
    assert dashboard.loop.share_responded is None
    assert dashboard.loop.median_days_to_response is None
    assert dashboard.loop.oldest_unanswered is None
    assert dashboard.reach.involved_last_12_months == 0
    assert dashboard.reach.new_in_period == 0
    assert dashboard.reach.check_in == ()
    assert dashboard.reach.attendance == ()
    assert dashboard.overdue.total == 0
    # The charts over time still have their 12 months, all empty.
    assert len(dashboard.periods) == 12
    assert dashboard.periods[-1].last == TODAY
    assert all(sum(row) == 0 for row in dashboard.rung_history.counts)


def test_a_start_after_the_end_is_refused_in_plain_words(services: Services) -> None:
    with pytest.raises(ValidationError) as refused:
        services.dashboard.figures(
            DashboardFilter(from_date=date(2026, 5, 2), to_date=date(2026, 5, 1))
        )
    assert refused.value.field == "from_date"
    assert "start date is after the end date" in str(refused.value)


class Town:
    """Two groups; sessions on the first and last days of May 2026 and the days either side."""

    def __init__(self, services: Services) -> None:
        self.services = Services(services.database, today=lambda: TODAY)
        s = self.services
        self.carers = s.groups.create(Group(name="Carers"))
        self.youth = s.groups.create(Group(name="Youth"))
        self.people = {
            name: s.people.create(Person(display_name=name))
            for name in ("Ann", "Bob", "Cat", "Dev", "Eve")
        }

    def session(self, group: Group, day: date, *, held: bool = True) -> Meeting:
        starts = datetime.combine(day, datetime.min.time()).replace(hour=18, minute=30)
        meeting = self.services.meetings.create(
            Meeting(
                group_id=group.id,
                title=f"{group.name} {day}",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
        )
        if held:
            meeting = self.services.meetings.set_status(meeting.id, MeetingStatus.HELD)
        return meeting

    def present(self, meeting: Meeting, *names: str) -> None:
        for name in names:
            self.services.meetings.mark_attendance(
                meeting.id, self.people[name].id, AttendanceStatus.PRESENT, is_guest=True
            )

    def say(
        self,
        meeting: Meeting,
        *,
        late: bool = False,
        kind: ContributionKind = ContributionKind.IDEA,
        minutes: int = 0,
    ) -> Contribution:
        at = meeting.starts_at.replace(hour=23, minute=59) if late else meeting.starts_at
        return self.services.contributions.add(
            Contribution(
                meeting_id=meeting.id,
                text=f"{kind.label} said at {meeting.title}",
                kind=kind,
                attribution=Attribution.WHOLE_GROUP,
                captured_at=at + timedelta(minutes=minutes),
            )
        )


MAY = DashboardFilter(from_date=date(2026, 5, 1), to_date=date(2026, 5, 31))


def test_the_first_and_last_days_of_the_range_are_included_and_the_days_around_are_not(
    services: Services,
) -> None:
    town = Town(services)
    s = town.services
    before = town.session(town.carers, date(2026, 4, 30))
    first = town.session(town.carers, date(2026, 5, 1))
    last = town.session(town.carers, date(2026, 5, 31))
    after = town.session(town.carers, date(2026, 6, 1))
    town.present(before, "Ann")
    town.present(first, "Bob")
    town.present(last, "Cat")
    town.present(after, "Dev")
    for meeting in (before, first, last, after):
        town.say(meeting)
    town.say(last, late=True)  # 23:59 on the last day still counts
    s.involvement.create_activity(
        InvolvementActivity(
            kind=ActivityKind.INTERVIEW_PANEL,
            title="Panel",
            on=date(2026, 5, 31),
            person_ids=(town.people["Eve"].id,),
            group_id=town.carers.id,
        )
    )

    dashboard = s.dashboard.figures(MAY)

    assert dashboard.as_on == date(2026, 5, 31)
    assert dashboard.loop.contributions == 3
    # Bob, Cat and Eve (the panel on the last day); Ann came on 30 April, so she is not new...
    assert dashboard.reach.new_in_period == 3
    # ...but she counts among the 12 months up to 31 May; Dev came after it.
    assert dashboard.reach.involved_last_12_months == 4
    assert [p.label for p in dashboard.periods] == ["May 2026"]
    assert [(a.group_name, a.present) for a in dashboard.reach.attendance] == [("Carers", (2,))]


def test_praise_and_decisions_are_not_counted_as_waiting_for_an_answer(
    services: Services,
) -> None:
    town = Town(services)
    meeting = town.session(town.carers, date(2026, 5, 12))
    # Said first, so they would be the "oldest unanswered" if they counted.
    town.say(meeting, kind=ContributionKind.DECISION)
    town.say(meeting, kind=ContributionKind.PRAISE, minutes=5)
    question = town.say(meeting, kind=ContributionKind.QUESTION, minutes=10)
    idea = town.say(meeting, kind=ContributionKind.IDEA, minutes=15)
    town.services.contributions.respond(
        Response(
            contribution_id=idea.id,
            status=ResponseStatus.ALREADY_HAPPENING,
            decided_on=date(2026, 5, 20),
        )
    )

    loop = town.services.dashboard.figures(MAY).loop

    assert loop.contributions == 2
    assert loop.responded == 1
    assert loop.share_responded == 0.5
    assert loop.oldest_unanswered is not None
    assert loop.oldest_unanswered.contribution_id == question.id


def test_archived_documents_are_not_counted_below_their_plan(services: Services) -> None:
    s = Services(services.database, today=lambda: TODAY)
    for title in ("Carers strategy", "Old carers strategy"):
        document = s.documents.create(Document(title=title, planned_rung=LadderRung.CO_DESIGN))
        s.ladder.assess(
            LadderAssessment(
                document_id=document.id,
                rung=LadderRung.CONSULTATION,
                assessed_on=date(2026, 5, 20),
                assessor_name="Facilitator",
            )
        )
    s.documents.archive(document.id)

    rungs = s.dashboard.figures().rungs

    assert rungs.documents == 2  # archived work still shows where it got to...
    assert rungs.below_plan == 1  # ...but is no longer drifting below its plan
    assert [d.title for d in s.ladder.drifting()] == ["Carers strategy"]
    assert s.documents.get(document.id).status is DocumentStatus.ARCHIVED


def test_choosing_a_group_leaves_out_the_other_groups_work(services: Services) -> None:
    town = Town(services)
    s = town.services
    carers = town.session(town.carers, date(2026, 5, 5))
    youth = town.session(town.youth, date(2026, 5, 6))
    town.present(carers, "Ann", "Bob")
    town.present(youth, "Bob", "Cat")
    said = town.say(carers)
    town.say(youth)
    s.contributions.respond(
        Response(
            contribution_id=said.id,
            status=ResponseStatus.ALREADY_HAPPENING,
            decided_on=date(2026, 5, 15),
        )
    )
    strategy = s.documents.create(
        Document(title="Carers strategy", planned_rung=LadderRung.CO_DESIGN)
    )
    s.documents.create(Document(title="Youth offer"))
    s.ladder.assess(
        LadderAssessment(
            document_id=strategy.id,
            rung=LadderRung.CONSULTATION,
            assessed_on=date(2026, 5, 20),
            assessor_name="Facilitator",
        )
    )
    s.contributions.link(Link(contribution_id=said.id, document_id=strategy.id))
    s.actions.create(Action(meeting_id=youth.id, text="Book the room", due_on=date(2026, 6, 1)))

    carers_only = s.dashboard.figures(
        DashboardFilter(group_ids=frozenset({town.carers.id}), from_date=date(2026, 5, 1))
    )
    everyone = s.dashboard.figures(DashboardFilter(from_date=date(2026, 5, 1)))

    assert carers_only.loop.contributions == 1
    assert carers_only.loop.responded == 1
    assert carers_only.loop.median_days_to_response == 10
    assert carers_only.reach.involved_last_12_months == 2  # Ann and Bob
    assert carers_only.rungs.documents == 1  # only the strategy was linked from the carers
    assert carers_only.rungs.below_plan == 1
    assert carers_only.overdue.total == 0
    assert everyone.loop.contributions == 2
    assert everyone.reach.involved_last_12_months == 3
    assert everyone.rungs.documents == 2
    assert everyone.rungs.not_assessed == 1
    assert everyone.overdue.total == 1
    assert everyone.overdue.by_group[0].group_name == "Youth"


def test_people_who_missed_three_sessions_in_a_row_or_six_months_are_listed_to_check_in(
    services: Services,
) -> None:
    town = Town(services)
    s = town.services
    for name in ("Ann", "Bob", "Cat"):
        s.groups.add_member(town.carers.id, town.people[name].id, date(2025, 6, 1))
    s.groups.add_member(town.youth.id, town.people["Dev"].id, date(2026, 6, 1))  # new: not yet
    days = [date(2026, 3, 3), date(2026, 4, 7), date(2026, 5, 5), date(2026, 6, 2)]
    sessions = [town.session(town.carers, d) for d in days]
    town.session(town.carers, date(2026, 6, 29), held=False)  # planned, not held: not missed
    town.present(sessions[0], "Ann", "Bob")  # Ann then misses the last 3
    town.present(sessions[1], "Bob")  # Bob misses the last 2 only
    # Cat was last involved exactly 6 months before today, at an activity.
    s.involvement.create_activity(
        InvolvementActivity(
            kind=ActivityKind.AUDIT,
            title="Audit",
            on=add_months(TODAY, -6),
            hours=Decimal("2"),
            person_ids=(town.people["Cat"].id,),
        )
    )

    check_in = {c.name: c for c in s.dashboard.figures().reach.check_in}

    assert set(check_in) == {"Ann", "Cat"}
    assert check_in["Ann"].missed_in_a_row == 3
    assert check_in["Ann"].last_seen == date(2026, 3, 3)
    assert not check_in["Ann"].not_seen_for_months
    assert check_in["Ann"].reason == "Missed the last 3 sessions"
    assert check_in["Cat"].not_seen_for_months
    assert check_in["Cat"].missed_in_a_row == 4
    assert check_in["Cat"].last_seen == add_months(TODAY, -6)
    assert check_in["Cat"].reason == "Missed the last 4 sessions and not seen for 6 months"

    # A day later in the other direction: seen 6 months less a day ago is not "6 months".
    s.involvement.create_activity(
        InvolvementActivity(
            kind=ActivityKind.AUDIT,
            title="Second audit",
            on=add_months(TODAY, -6) + timedelta(days=1),
            person_ids=(town.people["Cat"].id,),
        )
    )
    cat = {c.name: c for c in s.dashboard.figures().reach.check_in}["Cat"]
    assert not cat.not_seen_for_months
    assert cat.reason == "Missed the last 4 sessions"

    # Choosing the youth group lists nobody: Dev joined a month ago and has missed nothing.
    youth = s.dashboard.figures(DashboardFilter(group_ids=frozenset({town.youth.id})))
    assert youth.reach.check_in == ()


def test_overdue_means_open_and_due_before_today(services: Services) -> None:
    town = Town(services)
    s = town.services
    meeting = town.session(town.carers, date(2026, 5, 5))
    for due, status in (
        (TODAY - timedelta(days=1), ActionStatus.OPEN),
        (TODAY - timedelta(days=30), ActionStatus.IN_PROGRESS),
        (TODAY, ActionStatus.OPEN),  # due today: not overdue yet
        (TODAY - timedelta(days=5), ActionStatus.DONE),
        (TODAY - timedelta(days=5), ActionStatus.DROPPED),
        (None, ActionStatus.OPEN),
    ):
        s.actions.create(
            Action(
                meeting_id=meeting.id,
                text="Something",
                due_on=due,
                status=status,
                done_on=TODAY - timedelta(days=2) if status is ActionStatus.DONE else None,
            )
        )

    assert s.dashboard.figures().overdue.total == 2


def test_the_median_is_the_middle_value_or_the_mean_of_the_middle_two() -> None:
    assert median_of([]) is None
    assert median_of([(5, 1)]) == 5
    assert median_of([(1, 1), (10, 1)]) == 5.5
    assert median_of([(1, 2), (4, 1), (9, 3)]) == statistics.median([1, 1, 4, 9, 9, 9])
    assert median_of([(2, 3), (7, 1)]) == 2


def test_long_ranges_are_charted_by_quarter_and_then_by_year() -> None:
    assert len(periods_between(date(2025, 1, 1), date(2026, 12, 31))) == 24
    quarters = periods_between(date(2024, 2, 10), date(2026, 12, 31))
    assert quarters[0].label == "Q1 2024" and quarters[0].first == date(2024, 2, 10)
    assert quarters[-1].label == "Q4 2026" and quarters[-1].last == date(2026, 12, 31)
    years = periods_between(date(2010, 1, 1), date(2026, 6, 30))
    assert [p.label for p in years][:2] == ["2010", "2011"] and len(years) == 17


def test_a_session_still_to_come_counts_in_no_figure_and_no_wait_is_negative(
    services: Services,
) -> None:
    """Meeting mode run early for next month's session: what was typed and answered today
    has not been said yet, so the figures up to today leave it out; and a decision dated
    before the day something was captured counts as 0 days, never fewer."""
    town = Town(services)
    s = town.services
    may = town.session(town.carers, date(2026, 5, 12))
    june = town.session(town.carers, date(2026, 6, 30), held=False)  # today, in the evening
    july = town.session(town.carers, date(2026, 7, 29), held=False)
    said_in_may = town.say(may)
    s.contributions.respond(  # recorded out of order: dated before it was captured
        Response(
            contribution_id=said_in_may.id,
            status=ResponseStatus.ALREADY_HAPPENING,
            decided_on=date(2026, 5, 2),
        )
    )
    early = s.contributions.add(  # typed today for the July session
        Contribution(
            meeting_id=july.id,
            text="An idea typed before the session",
            attribution=Attribution.WHOLE_GROUP,
            captured_at=datetime(2026, 6, 30, 9, 0),
        )
    )
    s.contributions.respond(
        Response(
            contribution_id=early.id, status=ResponseStatus.ALREADY_HAPPENING, decided_on=TODAY
        )
    )
    s.contributions.add(
        Contribution(
            meeting_id=july.id,
            text="A question typed before the session",
            kind=ContributionKind.QUESTION,
            attribution=Attribution.WHOLE_GROUP,
            captured_at=datetime(2026, 6, 29, 9, 0),
        )
    )
    town.say(june)  # today's session counts: it is today

    loop = s.dashboard.figures(DashboardFilter(from_date=date(2026, 5, 1), to_date=TODAY)).loop

    assert loop.contributions == 2  # May and today, not July
    assert loop.responded == 1
    assert loop.median_days_to_response == 0  # not -10
    assert loop.oldest_unanswered is not None
    assert loop.oldest_unanswered.text.endswith(june.title)
    assert loop.oldest_unanswered.days_waiting == 0


def test_a_decision_dated_after_the_period_is_not_a_wait_in_it(services: Services) -> None:
    town = Town(services)
    s = town.services
    meeting = town.session(town.carers, date(2026, 5, 12))
    said = town.say(meeting)
    s.contributions.respond(
        Response(
            contribution_id=said.id,
            status=ResponseStatus.ALREADY_HAPPENING,
            decided_on=date(2026, 6, 10),
        )
    )

    in_may = s.dashboard.figures(MAY).loop
    to_june = s.dashboard.figures(DashboardFilter(from_date=date(2026, 5, 1), to_date=TODAY)).loop

    assert in_may.median_days_to_response is None  # decided after May ended
    assert to_june.median_days_to_response == 29


def test_sessions_to_write_up_are_listed_for_the_groups_chosen_whatever_the_dates(
    services: Services,
) -> None:
    town = Town(services)
    s = town.services
    held = town.session(town.carers, date(2026, 5, 12))  # held, never written up
    written = town.session(town.carers, date(2026, 6, 2))
    s.meetings.set_status(written.id, MeetingStatus.WRITTEN_UP)
    forgotten = town.session(town.youth, date(2026, 6, 9), held=False)  # still "planned"
    town.session(town.youth, date(2026, 7, 14), held=False)  # still to come

    everyone = s.dashboard.figures(MAY)
    youth = s.dashboard.figures(DashboardFilter(group_ids=frozenset({town.youth.id})))

    assert [
        (n.meeting.id, n.group_name, n.attention.label) for n in everyone.sessions_needing_attention
    ] == [
        (held.id, "Carers", "Needs writing up"),
        (forgotten.id, "Youth", "Held? Mark it held or cancelled"),
    ]
    assert [n.meeting.id for n in youth.sessions_needing_attention] == [forgotten.id]
