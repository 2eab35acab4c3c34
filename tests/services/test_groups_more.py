"""Groups list sorting and filtering, member lists, and undoing membership changes, on both
databases."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from coproduce.domain.errors import ConflictError, NotFoundError, ValidationError
from coproduce.domain.records import (
    AccessNeeds,
    Group,
    Meeting,
    Membership,
    Person,
    replace,
)
from coproduce.domain.vocabulary import Cadence, GroupKind, InformationFormat
from coproduce.services import Services

TODAY = date(2026, 5, 1)


@pytest.fixture
def dated(services: Services) -> Services:
    """The same database, with the services' clock set to ``TODAY``."""
    return Services(services.database, actor="Test Facilitator", today=lambda: TODAY)


def names(page: object) -> list[str]:
    return [group.name for group in page.items]  # type: ignore[attr-defined]


def test_groups_are_sorted_in_the_database_by_name_kind_cadence_and_members(
    dated: Services,
) -> None:
    board = dated.groups.create(
        Group(name="board of experts", kind=GroupKind.BOARD, cadence=Cadence.QUARTERLY)
    )
    carers = dated.groups.create(
        Group(name="Carers' Forum", kind=GroupKind.CARERS_FORUM, cadence=Cadence.MONTHLY)
    )
    dated.groups.create(
        Group(name="Access Group", kind=GroupKind.TASK_AND_FINISH, cadence=Cadence.WEEKLY)
    )
    for number in range(3):
        person = dated.people.create(Person(display_name=f"Member {number}"))
        dated.groups.add_member(carers.id, person.id, date(2026, 1, 1))
    leaver = dated.people.create(Person(display_name="Leaver"))
    left = dated.groups.add_member(board.id, leaver.id, date(2025, 1, 1))
    dated.groups.end_membership(left.id, date(2026, 1, 1))
    dated.groups.add_member(board.id, leaver.id, date(2026, 2, 1))

    # Case does not decide the order: "board" sits between "Access" and "Carers'".
    assert names(dated.groups.list()) == ["Access Group", "board of experts", "Carers' Forum"]
    assert names(dated.groups.list(descending=True)) == [
        "Carers' Forum",
        "board of experts",
        "Access Group",
    ]
    # Kinds sort by the words on screen: Board, Carers' forum, Task and finish group.
    assert names(dated.groups.list(order="kind")) == [
        "board of experts",
        "Carers' Forum",
        "Access Group",
    ]
    # Cadence from most to least often.
    assert names(dated.groups.list(order="cadence")) == [
        "Access Group",
        "Carers' Forum",
        "board of experts",
    ]
    # Only members current today count: the board has one, not two.
    assert names(dated.groups.list(order="members", descending=True)) == [
        "Carers' Forum",
        "board of experts",
        "Access Group",
    ]
    with pytest.raises(ValueError, match="cannot be sorted by 'purpose'"):
        dated.groups.list(order="purpose")


def test_the_groups_list_searches_names_and_narrows_to_active_groups(services: Services) -> None:
    services.groups.create(Group(name="Carers' Forum"))
    services.groups.create(Group(name="Young Carers Panel"))
    old = services.groups.create(Group(name="Old carers project"))
    services.groups.create(Group(name="Board"))
    services.groups.archive(old.id)

    assert names(services.groups.list(text="CARERS")) == [
        "Carers' Forum",
        "Old carers project",
        "Young Carers Panel",
    ]
    assert names(services.groups.list(text="carers", active=True)) == [
        "Carers' Forum",
        "Young Carers Panel",
    ]
    assert names(services.groups.list(active=False)) == ["Old carers project"]
    page = services.groups.list(text="carers", offset=1, limit=1)
    assert (names(page), page.total) == (["Old carers project"], 3)


def test_members_are_listed_current_first_then_joining_then_past_with_their_needs(
    dated: Services,
) -> None:
    group = dated.groups.create(Group(name="Forum"))
    needs = AccessNeeds(
        information_formats=frozenset({InformationFormat.EASY_READ}), reviewed_on=TODAY
    )
    zara = dated.people.create(Person(display_name="Zara", needs=needs))
    amir = dated.people.create(Person(display_name="amir"))
    bea = dated.people.create(Person(display_name="Bea"))
    cal = dated.people.create(Person(display_name="Cal"))
    dee = dated.people.create(Person(display_name="Dee"))
    dated.groups.add_member(group.id, zara.id, date(2025, 3, 1))
    dated.groups.add_member(group.id, amir.id, date(2026, 1, 1))
    dated.groups.add_member(group.id, bea.id, date(2026, 6, 1))  # joins next month
    early = dated.groups.add_member(group.id, cal.id, date(2024, 1, 1))
    dated.groups.end_membership(early.id, date(2025, 1, 1))
    later = dated.groups.add_member(group.id, dee.id, date(2024, 1, 1))
    dated.groups.end_membership(later.id, date(2026, 2, 1))

    page = dated.groups.members_page(group.id)

    assert page.total == 5
    assert [m.person.display_name for m in page.items] == ["amir", "Zara", "Bea", "Dee", "Cal"]
    assert [m.standing(TODAY) for m in page.items] == [
        "current",
        "current",
        "future",
        "past",
        "past",
    ]
    assert dated.groups.member_standing(group.id) == {"current": 2, "future": 1, "past": 2}
    assert dated.groups.member_standing(group.id, on=date(2024, 6, 1)) == {
        "current": 2,
        "future": 3,
        "past": 0,
    }
    assert page.items[1].person.needs == needs
    assert page.items[1].membership.joined_on == date(2025, 3, 1)
    second = dated.groups.members_page(group.id, offset=3, limit=10)
    assert [m.person.display_name for m in second.items] == ["Dee", "Cal"]
    assert second.total == 5


def test_a_removed_membership_comes_back_under_its_old_id(services: Services) -> None:
    group = services.groups.create(Group(name="Forum"))
    person = services.people.create(Person(display_name="Nia"))
    membership = services.groups.add_member(group.id, person.id, date(2026, 1, 5))

    removed = services.groups.remove_membership(membership.id)

    assert removed == membership
    assert services.groups.members(group.id) == []
    restored = services.groups.restore_membership(removed)
    assert restored == replace(membership, version=1)
    assert services.groups.members(group.id) == [restored]
    with pytest.raises(ConflictError):
        services.groups.restore_membership(removed)


def test_a_removed_membership_cannot_come_back_once_the_person_rejoined(
    services: Services,
) -> None:
    group = services.groups.create(Group(name="Forum"))
    person = services.people.create(Person(display_name="Nia"))
    membership = services.groups.add_member(group.id, person.id, date(2026, 1, 5))
    # Another membership after it, so SQLite cannot hand the freed id straight back.
    other = services.people.create(Person(display_name="Other"))
    services.groups.add_member(group.id, other.id, date(2026, 1, 5))
    removed = services.groups.remove_membership(membership.id)
    services.groups.add_member(group.id, person.id, date(2026, 2, 1))

    with pytest.raises(ValidationError, match="Nia is already a member of this group"):
        services.groups.restore_membership(removed)


def test_membership_periods_of_one_person_never_overlap(services: Services) -> None:
    group = services.groups.create(Group(name="Forum"))
    person = services.people.create(Person(display_name="Lee"))
    first = services.groups.add_member(group.id, person.id, date(2025, 1, 1))
    first = services.groups.end_membership(first.id, date(2025, 6, 1))

    with pytest.raises(ValidationError, match="from 1 January 2025 to 1 June 2025") as error:
        services.groups.add_member(group.id, person.id, date(2025, 3, 1))
    assert error.value.field == "person_id"

    # Rejoining on the day they left is fine: the left date is their first day away.
    again = services.groups.add_member(group.id, person.id, date(2025, 6, 1))
    with pytest.raises(ValidationError, match="already a member") as error:
        services.groups.update_membership(replace(first, left_on=None))
    assert error.value.field == "joined_on"
    with pytest.raises(ValidationError, match="overlap"):
        services.groups.update_membership(replace(again, joined_on=date(2025, 5, 1)))
    services.groups.update_membership(replace(first, joined_on=date(2024, 12, 1)))
    assert [m.joined_on for m in services.groups.members(group.id)] == [
        date(2024, 12, 1),
        date(2025, 6, 1),
    ]


def test_ending_and_correcting_a_membership_checks_the_version(services: Services) -> None:
    group = services.groups.create(Group(name="Forum"))
    person = services.people.create(Person(display_name="Kay"))
    membership = services.groups.add_member(group.id, person.id, date(2026, 1, 5))
    corrected = services.groups.update_membership(replace(membership, joined_on=date(2026, 1, 6)))

    with pytest.raises(ConflictError):
        services.groups.end_membership(membership.id, date(2026, 3, 1), membership.version)
    with pytest.raises(ConflictError):
        services.groups.update_membership(replace(membership, left_on=date(2026, 3, 1)))
    ended = services.groups.end_membership(membership.id, date(2026, 3, 1), corrected.version)
    assert (ended.joined_on, ended.left_on) == (date(2026, 1, 6), date(2026, 3, 1))
    reopened = services.groups.update_membership(replace(ended, left_on=None))
    assert reopened.left_on is None


def test_a_group_that_met_says_why_it_cannot_be_deleted_before_anyone_confirms(
    services: Services,
) -> None:
    quiet = services.groups.create(Group(name="Quiet group"))
    busy = services.groups.create(Group(name="Busy group"))
    services.meetings.create(
        Meeting(
            group_id=busy.id,
            title="First session",
            starts_at=datetime(2026, 3, 3, 10),
            ends_at=datetime(2026, 3, 3, 12),
        )
    )

    assert services.groups.delete_refusal(quiet.id) == ""
    refusal = services.groups.delete_refusal(busy.id)
    assert refusal.startswith("'Busy group' has 1 session(s) on record")
    with pytest.raises(ValidationError) as error:
        services.groups.delete(busy.id)
    assert error.value.message == refusal
    with pytest.raises(NotFoundError):
        services.groups.delete_refusal(9999)


def test_a_restored_group_skips_members_deleted_meanwhile(services: Services) -> None:
    group = services.groups.create(Group(name="Pilot"))
    stays = services.people.create(Person(display_name="Stays"))
    goes = services.people.create(Person(display_name="Goes"))
    kept = services.groups.add_member(group.id, stays.id, date(2026, 1, 1))
    services.groups.add_member(group.id, goes.id, date(2026, 1, 1))
    deleted = services.groups.delete(group.id)
    services.people.delete(goes.id)

    services.groups.restore(deleted)

    assert services.groups.members(group.id) == [replace(kept, version=1)]
    assert isinstance(deleted.memberships[0], Membership)
