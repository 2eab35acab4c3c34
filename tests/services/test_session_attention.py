"""Sessions that need the facilitator (held and not written up; over and still planned), and
the session the program opens on, on both databases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.records import Group, Meeting
from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services import Services
from coproduce.services.meetings import MeetingFilter, SessionAttention, attention_of

TODAY = date(2026, 12, 7)


class Calendar:
    def __init__(self, services: Services) -> None:
        self.services = Services(services.database, actor="Test Facilitator", today=lambda: TODAY)
        self.carers = self.services.groups.create(Group(name="Carers' forum"))
        self.youth = self.services.groups.create(Group(name="Youth voice"))

    def session(
        self, title: str, days: int, status: MeetingStatus, group: Group | None = None
    ) -> Meeting:
        starts = datetime.combine(TODAY + timedelta(days=days), datetime.min.time()).replace(
            hour=10
        )
        meeting = self.services.meetings.create(
            Meeting(
                group_id=(group or self.carers).id,
                title=title,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
        )
        if status is not MeetingStatus.PLANNED:
            meeting = self.services.meetings.set_status(meeting.id, status)
        return meeting


@pytest.fixture
def calendar(services: Services) -> Calendar:
    return Calendar(services)


def test_held_sessions_not_written_up_and_past_planned_ones_need_attention(
    calendar: Calendar,
) -> None:
    c = calendar
    c.session("Written up", -40, MeetingStatus.WRITTEN_UP)
    held = c.session("Held last month", -30, MeetingStatus.HELD)
    c.session("Summary shared", -20, MeetingStatus.SUMMARY_SHARED)
    c.session("Cancelled", -15, MeetingStatus.CANCELLED)
    forgotten = c.session("Never marked", -10, MeetingStatus.PLANNED, c.youth)
    c.session("Next week", 7, MeetingStatus.PLANNED)
    c.session("Marked held too soon", 14, MeetingStatus.HELD)  # not happened: nothing to write

    found = c.services.meetings.needing_attention()

    assert [(f.meeting.id, f.attention, f.group_name) for f in found] == [
        (held.id, SessionAttention.WRITE_UP, "Carers' forum"),
        (forgotten.id, SessionAttention.CONFIRM_HELD, "Youth voice"),
    ]
    assert found[1].attention.label == "Held? Mark it held or cancelled"
    assert "Cancelled" in found[1].attention.advice
    youth_only = c.services.meetings.needing_attention([c.youth.id])
    assert [f.meeting.id for f in youth_only] == [forgotten.id]
    # The sessions list narrows to the same sessions, in the database.
    listed = c.services.meetings.list(MeetingFilter(needs_attention=True, newest_first=False))
    assert [m.id for m in listed.items] == [held.id, forgotten.id]


def test_a_session_under_way_is_not_yet_past(calendar: Calendar) -> None:
    c = calendar
    today = c.session("Today at ten", 0, MeetingStatus.PLANNED)
    at_half_past_ten = datetime.combine(TODAY, datetime.min.time()).replace(hour=10, minute=30)

    assert attention_of(today, at_half_past_ten) is None  # still going: not "held?" yet
    assert attention_of(today, today.ends_at) is SessionAttention.CONFIRM_HELD
    held = c.services.meetings.set_status(today.id, MeetingStatus.HELD)
    assert attention_of(held, at_half_past_ten) is SessionAttention.WRITE_UP


def test_the_program_opens_on_the_next_session_or_else_the_latest_held(
    calendar: Calendar,
) -> None:
    c = calendar
    meetings = c.services.meetings
    assert meetings.starting_session() is None  # nothing planned yet

    c.session("Older", -60, MeetingStatus.WRITTEN_UP)
    latest = c.session("Last month", -30, MeetingStatus.HELD)
    c.session("Called off", -5, MeetingStatus.CANCELLED)
    assert meetings.starting_session() == latest  # nothing to come: the latest held

    c.session("Cancelled tomorrow", 1, MeetingStatus.CANCELLED)
    soon = c.session("In a week", 7, MeetingStatus.PLANNED, c.youth)
    c.session("In a month", 30, MeetingStatus.PLANNED)
    assert meetings.starting_session() == soon  # the soonest to come, never a cancelled one
