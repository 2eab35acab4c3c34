"""Undo of a delete or a merge brings back the pictures chosen for the easy-read rows.

The database deletes a row's picture link with its record, so the services keep the concept
in what they return for undo and put it back on restore."""

from __future__ import annotations

from datetime import datetime, timedelta

from coproduce.domain.records import (
    Action,
    AgendaItem,
    Contribution,
    Group,
    Meeting,
    Response,
)
from coproduce.domain.vocabulary import Attribution, ResponseStatus, RowKind
from coproduce.services import Services

STARTS = datetime(2026, 3, 10, 10, 0)


def a_session(services: Services) -> Meeting:
    group = services.groups.create(Group(name="Carers' reference group"))
    return services.meetings.create(
        Meeting(
            group_id=group.id,
            title="March session",
            starts_at=STARTS,
            ends_at=STARTS + timedelta(hours=2),
        )
    )


def said(services: Services, session: Meeting, text: str, minute: int = 0) -> Contribution:
    return services.contributions.add(
        Contribution(
            meeting_id=session.id,
            text=text,
            attribution=Attribution.WHOLE_GROUP,
            captured_at=STARTS + timedelta(minutes=minute),
        )
    )


def test_undoing_a_deleted_contribution_brings_back_its_pictures_and_its_responses(
    services: Services,
) -> None:
    session = a_session(services)
    contribution = said(services, session, "The bus is always late")
    response = services.contributions.respond(
        Response(
            contribution_id=contribution.id,
            status=ResponseStatus.UNDER_CONSIDERATION,
            text="We asked the transport team",
        )
    )
    services.pictures.set_row_concept(RowKind.CONTRIBUTION, contribution.id, "bus")
    services.pictures.set_row_concept(RowKind.RESPONSE, response.id, "phone")

    deleted = services.contributions.delete(contribution.id)
    assert services.pictures.row_concept(RowKind.CONTRIBUTION, contribution.id) is None
    assert services.pictures.row_concept(RowKind.RESPONSE, response.id) is None

    services.contributions.restore(deleted)
    assert services.pictures.row_concept(RowKind.CONTRIBUTION, contribution.id) == "bus"
    assert services.pictures.row_concept(RowKind.RESPONSE, response.id) == "phone"


def test_a_contribution_without_a_chosen_picture_comes_back_without_one(
    services: Services,
) -> None:
    session = a_session(services)
    contribution = said(services, session, "The bus is always late")

    services.contributions.restore(services.contributions.delete(contribution.id))

    assert services.pictures.row_concept(RowKind.CONTRIBUTION, contribution.id) is None


def test_undoing_a_merge_gives_each_contribution_its_picture_again(services: Services) -> None:
    session = a_session(services)
    first = said(services, session, "The bus is late", minute=1)
    second = said(services, session, "Buses never come on time", minute=2)
    third = said(services, session, "And the stop has no shelter", minute=3)
    services.pictures.set_row_concept(RowKind.CONTRIBUTION, first.id, "bus")
    services.pictures.set_row_concept(RowKind.CONTRIBUTION, second.id, "clock")
    services.pictures.set_row_concept(RowKind.CONTRIBUTION, third.id, "rain")

    merged = services.contributions.merge([first.id, second.id, third.id])
    assert services.pictures.rows_concepts(
        RowKind.CONTRIBUTION, [first.id, second.id, third.id]
    ) == {first.id: "bus"}

    services.contributions.unmerge(merged)
    assert services.pictures.rows_concepts(
        RowKind.CONTRIBUTION, [first.id, second.id, third.id]
    ) == {first.id: "bus", second.id: "clock", third.id: "rain"}


def test_undoing_a_merge_brings_back_the_response_it_replaced_with_its_picture(
    services: Services,
) -> None:
    session = a_session(services)
    first = said(services, session, "The bus is late", minute=1)
    second = said(services, session, "Buses never come on time", minute=2)
    # The kept contribution's response is empty; the other has the one real answer, which
    # the merge moves over, deleting the empty one.
    empty = services.contributions.respond(Response(contribution_id=first.id))
    answer = services.contributions.respond(
        Response(
            contribution_id=second.id,
            status=ResponseStatus.UNDER_CONSIDERATION,
            text="We asked the transport team",
        )
    )
    services.pictures.set_row_concept(RowKind.RESPONSE, empty.id, "question")
    services.pictures.set_row_concept(RowKind.RESPONSE, answer.id, "phone")

    merged = services.contributions.merge([first.id, second.id])
    assert services.contributions.response_of(first.id).id == answer.id
    assert services.pictures.row_concept(RowKind.RESPONSE, empty.id) is None

    services.contributions.unmerge(merged)
    assert services.contributions.response_of(first.id).id == empty.id
    assert services.contributions.response_of(second.id).id == answer.id
    assert services.pictures.rows_concepts(RowKind.RESPONSE, [empty.id, answer.id]) == {
        empty.id: "question",
        answer.id: "phone",
    }


def test_undoing_a_deleted_agenda_item_brings_back_its_picture(services: Services) -> None:
    session = a_session(services)
    item = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=session.id, title="Getting to meetings")
    )
    services.pictures.set_row_concept(RowKind.AGENDA_ITEM, item.id, "bus")

    services.meetings.delete_agenda_item(item.id, item.version)
    assert services.pictures.row_concept(RowKind.AGENDA_ITEM, item.id) is None

    services.meetings.restore_agenda_item(item)
    assert services.pictures.row_concept(RowKind.AGENDA_ITEM, item.id) == "bus"
    # Redo and undo again: the concept still follows the item.
    services.meetings.delete_agenda_item(item.id)
    services.meetings.restore_agenda_item(item)
    assert services.pictures.row_concept(RowKind.AGENDA_ITEM, item.id) == "bus"


def test_undoing_a_deleted_session_brings_back_its_pictures_and_its_agendas(
    services: Services,
) -> None:
    session = a_session(services)
    travel = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=session.id, title="Getting to meetings")
    )
    money = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=session.id, title="Paying for care")
    )
    services.pictures.set_row_concept(RowKind.SESSION, session.id, "meeting")
    services.pictures.set_row_concept(RowKind.AGENDA_ITEM, travel.id, "bus")

    deleted = services.meetings.delete(session.id)
    assert services.pictures.row_concept(RowKind.SESSION, session.id) is None

    services.meetings.restore(deleted)
    assert services.pictures.row_concept(RowKind.SESSION, session.id) == "meeting"
    assert services.pictures.rows_concepts(RowKind.AGENDA_ITEM, [travel.id, money.id]) == {
        travel.id: "bus"
    }


def test_undoing_a_deleted_action_brings_back_its_picture(services: Services) -> None:
    session = a_session(services)
    action = services.actions.create(
        Action(meeting_id=session.id, text="Phone the bus company about the late buses")
    )
    other = services.actions.create(Action(meeting_id=session.id, text="Book the room"))
    services.pictures.set_row_concept(RowKind.ACTION, action.id, "phone")

    deleted = services.actions.delete(action.id, action.version)
    assert services.pictures.row_concept(RowKind.ACTION, action.id) is None
    restored = services.actions.restore(deleted)
    assert services.pictures.row_concept(RowKind.ACTION, restored.id) == "phone"

    # An action that had no picture chosen comes back without one.
    services.actions.restore(services.actions.delete(other.id))
    assert services.pictures.row_concept(RowKind.ACTION, other.id) is None
