"""The action log and "Actions from last time" through the real services on both databases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.errors import NotFoundError, ValidationError
from coproduce.domain.records import Action, Group, Meeting, Person, replace
from coproduce.domain.vocabulary import ActionStatus, MeetingStatus
from coproduce.services import Services
from coproduce.services.actions import ActionFilter
from coproduce.store.database import Database

TODAY = date(2026, 3, 10)


@pytest.fixture
def services(database: Database) -> Services:
    """Services whose 'today' is fixed, so due dates and overdue actions are predictable."""
    return Services(database, actor="Test Facilitator", today=lambda: TODAY)


@pytest.fixture
def group(services: Services) -> Group:
    return services.groups.create(Group(name="Lived Experience Reference Group"))


def plan(services: Services, group: Group, starts_at: datetime, title: str) -> Meeting:
    return services.meetings.create(
        Meeting(
            group_id=group.id,
            title=title,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
        )
    )


def log(services: Services, session: Meeting, text: str, **fields: object) -> Action:
    return services.actions.create(Action(meeting_id=session.id, text=text, **fields))


def test_an_open_action_is_carried_to_the_next_session_until_it_is_done(
    services: Services, group: Group
) -> None:
    january = plan(services, group, datetime(2026, 1, 8, 10), "January")
    march = plan(services, group, datetime(2026, 3, 12, 10), "March")
    owner = services.people.create(Person(display_name="Olu"))
    action = log(services, january, "Ask the bus company about evening routes", owner_id=owner.id)

    assert [a.text for a in services.actions.carried_forward(march.id)] == [
        "Ask the bus company about evening routes"
    ]
    assert services.actions.carried_forward(january.id) == []

    done = services.actions.mark_done(action.id)
    assert (done.status, done.done_on) == (ActionStatus.DONE, TODAY)
    assert services.actions.carried_forward(march.id) == []


def test_actions_carry_forward_from_every_earlier_session_of_the_group_only(
    services: Services, group: Group
) -> None:
    november = plan(services, group, datetime(2025, 11, 6, 10), "November")
    january = plan(services, group, datetime(2026, 1, 8, 10), "January")
    services.meetings.set_status(january.id, MeetingStatus.CANCELLED)
    march = plan(services, group, datetime(2026, 3, 12, 10), "March")
    may = plan(services, group, datetime(2026, 5, 14, 10), "May")
    board = services.groups.create(Group(name="Board"))
    board_session = plan(services, board, datetime(2026, 2, 1, 10), "Board")

    oldest = log(services, november, "Easy-read version of the strategy")
    in_progress = log(services, january, "Find a step-free venue", status=ActionStatus.IN_PROGRESS)
    log(services, november, "Invite the housing team", status=ActionStatus.DROPPED)
    log(services, november, "Send the minutes", status=ActionStatus.DONE)
    log(services, march, "Agreed today")
    log(services, may, "Agreed later")
    log(services, board_session, "Another group's action")

    carried = services.actions.carried_forward(march.id)
    assert [a.id for a in carried] == [oldest.id, in_progress.id]
    assert len(services.actions.carried_forward(may.id)) == 3


def test_overdue_means_open_and_due_before_today(services: Services, group: Group) -> None:
    session = plan(services, group, datetime(2026, 2, 5, 10), "February")
    late = log(services, session, "Book the room", due_on=TODAY - timedelta(days=1))
    log(services, session, "Due today", due_on=TODAY)
    log(services, session, "Due next week", due_on=TODAY + timedelta(days=7))
    log(services, session, "No date")
    log(services, session, "Done late", due_on=date(2026, 3, 1), status=ActionStatus.DONE)
    log(services, session, "Dropped", due_on=date(2026, 3, 1), status=ActionStatus.DROPPED)

    assert services.actions.ids(ActionFilter(overdue=True)) == [late.id]
    open_titles = [a.text for a in services.actions.list(ActionFilter(open_only=True)).items]
    assert open_titles == ["Book the room", "Due today", "Due next week", "No date"]
    assert services.actions.list(ActionFilter(meeting_id=session.id)).total == 6


def test_actions_are_filtered_by_group_owner_and_status(services: Services, group: Group) -> None:
    ours = plan(services, group, datetime(2026, 2, 5, 10), "Ours")
    board = services.groups.create(Group(name="Board"))
    theirs = plan(services, board, datetime(2026, 2, 6, 10), "Theirs")
    pat = services.people.create(Person(display_name="Pat"))
    mine = log(services, ours, "Write to the director", owner_id=pat.id)
    other = log(services, theirs, "Board paper", status=ActionStatus.IN_PROGRESS)

    assert services.actions.ids(ActionFilter(group_id=group.id)) == [mine.id]
    assert services.actions.ids(ActionFilter(owner_id=pat.id)) == [mine.id]
    assert services.actions.ids(ActionFilter(status=ActionStatus.IN_PROGRESS)) == [other.id]
    page = services.actions.list(ActionFilter(), offset=0, limit=1)
    assert (page.total, len(page.items)) == (2, 1)


def test_an_action_needs_a_session_and_an_owner_on_the_register(
    services: Services, group: Group
) -> None:
    session = plan(services, group, datetime(2026, 2, 5, 10), "February")
    with pytest.raises(NotFoundError, match="Session 999"):
        services.actions.create(Action(meeting_id=999, text="Lost"))
    with pytest.raises(ValidationError, match="own this action") as error:
        log(services, session, "Nobody", owner_id=555)
    assert error.value.field == "owner_id"
    with pytest.raises(ValidationError, match="say what needs to be done"):
        log(services, session, "   ")
    assert services.actions.list().total == 0


def test_an_action_is_edited_reopened_and_deleted(services: Services, group: Group) -> None:
    session = plan(services, group, datetime(2026, 2, 5, 10), "February")
    action = log(services, session, "Draft letter", status=ActionStatus.DONE)
    assert action.done_on == TODAY
    with pytest.raises(ValidationError, match="Only a done action") as error:
        services.actions.update(replace(action, status=ActionStatus.OPEN))
    assert error.value.field == "done_on"
    reopened = services.actions.update(
        replace(action, status=ActionStatus.OPEN, done_on=None, note="Needs a second draft")
    )
    assert services.actions.get(action.id) == reopened
    services.actions.delete(reopened.id, reopened.version)
    with pytest.raises(NotFoundError):
        services.actions.get(action.id)


def test_actions_are_found_by_words_in_what_is_to_be_done(services: Services, group: Group) -> None:
    session = plan(services, group, datetime(2026, 2, 5, 10), "February")
    parking = log(services, session, "Ask Estates about PARKING at the day centre")
    log(services, session, "Send the easy-read notes")
    assert services.actions.ids(ActionFilter(text="parking")) == [parking.id]
    assert services.actions.ids(ActionFilter(text="100%")) == []
