"""The action log as the window uses it: filters by owner's name and group, sorting in the
database, the log's lines with owner, session and group, dropping, and undoing a delete.
Through the real services on both databases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.errors import ConflictError, NotFoundError, ValidationError
from coproduce.domain.records import Action, Group, Meeting, Person, replace
from coproduce.domain.vocabulary import ActionStatus
from coproduce.services import Services
from coproduce.services.actions import ACTION_ORDERS, ActionFilter
from coproduce.store.database import Database

TODAY = date(2026, 3, 10)


@pytest.fixture
def services(database: Database) -> Services:
    """Services whose 'today' is fixed, so due dates and overdue actions are predictable."""
    return Services(database, actor="Test Facilitator", today=lambda: TODAY)


@pytest.fixture
def group(services: Services) -> Group:
    return services.groups.create(Group(name="Carers' Forum"))


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


def texts(services: Services, filters: ActionFilter) -> list[str]:
    return [a.text for a in services.actions.list(filters).items]


def test_actions_are_found_by_a_few_letters_of_the_owners_name(
    services: Services, group: Group
) -> None:
    session = plan(services, group, datetime(2026, 2, 5, 10), "February")
    zoe = services.people.create(Person(display_name="Zoë Ellis"))
    amina = services.people.create(Person(display_name="Amina Patel"))
    ellis = log(services, session, "Book the hearing loop", owner_id=zoe.id)
    patel = log(services, session, "Ask about parking", owner_id=amina.id)
    log(services, session, "Nobody's yet")

    assert services.actions.ids(ActionFilter(owner_text="ZOË")) == [ellis.id]
    assert services.actions.ids(ActionFilter(owner_text="  pat ")) == [patel.id]
    assert services.actions.ids(ActionFilter(owner_text="li")) == [ellis.id]
    assert services.actions.ids(ActionFilter(owner_text="100%")) == []
    assert services.actions.list(ActionFilter(owner_text="")).total == 3


def test_owner_group_and_overdue_filters_combine(services: Services, group: Group) -> None:
    ours = plan(services, group, datetime(2026, 2, 5, 10), "Ours")
    board = services.groups.create(Group(name="Board"))
    theirs = plan(services, board, datetime(2026, 2, 6, 10), "Theirs")
    pat = services.people.create(Person(display_name="Pat Singh"))
    late = log(services, ours, "Late and ours", owner_id=pat.id, due_on=date(2026, 3, 1))
    log(services, ours, "Ours, not late", owner_id=pat.id, due_on=date(2026, 4, 1))
    log(services, theirs, "Late, theirs", owner_id=pat.id, due_on=date(2026, 3, 1))
    log(services, ours, "Late, someone else's", due_on=date(2026, 3, 1))

    found = ActionFilter(owner_text="sing", group_id=group.id, overdue=True)
    assert services.actions.ids(found) == [late.id]
    assert services.actions.list(replace(found, order="owner")).total == 1


def test_log_lines_name_the_owner_session_and_group(services: Services, group: Group) -> None:
    session = plan(services, group, datetime(2026, 2, 5, 10), "Short breaks")
    amina = services.people.create(Person(display_name="Amina Patel"))
    owned = log(services, session, "Send the notes", owner_id=amina.id, due_on=TODAY)
    log(services, session, "Nobody owns this")

    page = services.actions.entries(ActionFilter(), offset=0, limit=10)

    assert page.total == 2
    first, second = page.items
    assert first.action == owned
    assert first.owner is not None and first.owner.display_name == "Amina Patel"
    assert (first.session.title, first.group.name) == ("Short breaks", "Carers' Forum")
    assert second.owner is None
    assert services.actions.entries(ActionFilter(), offset=1, limit=1).items[0] == second


def test_the_log_is_sorted_in_the_database_by_due_status_owner_and_session(
    services: Services, group: Group
) -> None:
    january = plan(services, group, datetime(2026, 1, 8, 10), "January")
    february = plan(services, group, datetime(2026, 2, 5, 10), "February")
    zoe = services.people.create(Person(display_name="Zoë Ellis"))
    amina = services.people.create(Person(display_name="amina Patel"))
    log(services, february, "B", owner_id=zoe.id, due_on=date(2026, 3, 20))
    log(services, january, "A", owner_id=amina.id, due_on=date(2026, 3, 5))
    log(services, february, "C", status=ActionStatus.DONE, due_on=date(2026, 2, 1))
    log(services, january, "D", status=ActionStatus.IN_PROGRESS)
    log(services, february, "E", status=ActionStatus.DROPPED, due_on=date(2026, 1, 1))

    def sorted_by(order: str | None, descending: bool = False) -> list[str]:
        return texts(services, ActionFilter(order=order, descending=descending))

    # With no sort chosen: still to do first, soonest due first, undated last.
    assert sorted_by(None) == ["A", "B", "D", "E", "C"]
    assert sorted_by("due") == ["E", "C", "A", "B", "D"]
    assert sorted_by("due", descending=True) == ["B", "A", "C", "E", "D"]
    assert sorted_by("status") == ["A", "B", "D", "C", "E"]
    assert sorted_by("status", descending=True) == ["E", "C", "D", "A", "B"]
    # Case and accents do not upset the order of names; nobody's actions come last.
    assert sorted_by("owner") == ["A", "B", "E", "C", "D"]
    assert sorted_by("owner", descending=True)[:2] == ["B", "A"]
    assert sorted_by("session") == ["A", "D", "E", "C", "B"]
    assert sorted_by("session", descending=True)[-2:] == ["A", "D"]
    assert set(ACTION_ORDERS) == {"due", "status", "owner", "session"}
    page = services.actions.entries(ActionFilter(order="owner"), offset=1, limit=2)
    assert [e.action.text for e in page.items] == ["B", "E"]
    assert page.total == 5


def test_an_unknown_sort_is_refused(services: Services) -> None:
    with pytest.raises(ValueError, match="cannot be sorted by 'colour'"):
        services.actions.list(ActionFilter(order="colour"))


def test_dropping_an_action_keeps_it_in_the_log_and_can_be_undone(
    services: Services, group: Group
) -> None:
    session = plan(services, group, datetime(2026, 2, 5, 10), "February")
    action = log(services, session, "Invite the housing team", due_on=date(2026, 3, 1))

    dropped = services.actions.drop(action.id, expected_version=action.version)

    assert (dropped.status, dropped.done_on) == (ActionStatus.DROPPED, None)
    assert services.actions.ids(ActionFilter(open_only=True)) == []
    assert services.actions.ids(ActionFilter(status=ActionStatus.DROPPED)) == [action.id]
    with pytest.raises(ConflictError):
        services.actions.drop(action.id, expected_version=action.version)
    # Undo puts the action back as it was, carrying the version it now has.
    back = services.actions.update(replace(action, version=dropped.version))
    assert back.status is ActionStatus.OPEN
    assert services.actions.ids(ActionFilter(overdue=True)) == [action.id]


def test_marking_done_is_undone_by_saving_the_action_as_it_was(
    services: Services, group: Group
) -> None:
    session = plan(services, group, datetime(2026, 2, 5, 10), "February")
    action = log(services, session, "Send the minutes", due_on=date(2026, 3, 1))

    done = services.actions.mark_done(action.id, expected_version=action.version)
    assert (done.status, done.done_on) == (ActionStatus.DONE, TODAY)

    reopened = services.actions.update(replace(action, version=done.version))
    assert (reopened.status, reopened.done_on) == (ActionStatus.OPEN, None)
    assert services.actions.ids(ActionFilter(overdue=True)) == [action.id]


def test_a_deleted_action_is_restored_under_its_old_id(services: Services, group: Group) -> None:
    session = plan(services, group, datetime(2026, 2, 5, 10), "February")
    owner = services.people.create(Person(display_name="Olu Adeyemi"))
    action = log(services, session, "Draft letter", owner_id=owner.id, note="Second draft")

    deleted = services.actions.delete(action.id, action.version)
    assert deleted == action
    with pytest.raises(NotFoundError):
        services.actions.get(action.id)

    restored = services.actions.restore(deleted)
    assert restored.id == action.id
    assert replace(restored, version=0) == replace(action, version=0)
    assert services.actions.get(action.id) == restored
    with pytest.raises(ConflictError):
        services.actions.restore(deleted)


def test_an_action_whose_session_has_gone_cannot_be_restored(
    services: Services, group: Group
) -> None:
    session = plan(services, group, datetime(2026, 2, 5, 10), "Planned by mistake")
    action = log(services, session, "Book a room")
    deleted = services.actions.delete(action.id)
    services.meetings.delete(session.id)

    with pytest.raises(ValidationError, match="session this action was agreed at has been"):
        services.actions.restore(deleted)
    assert services.actions.list().total == 0


def test_an_action_whose_owner_has_gone_comes_back_with_nobody_owning_it(
    services: Services, group: Group
) -> None:
    session = plan(services, group, datetime(2026, 2, 5, 10), "February")
    owner = services.people.create(Person(display_name="Entered By Mistake"))
    action = log(services, session, "Phone the venue", owner_id=owner.id)
    deleted = services.actions.delete(action.id)
    services.people.delete(owner.id)

    restored = services.actions.restore(deleted)

    assert (restored.id, restored.owner_id, restored.text) == (action.id, None, "Phone the venue")
