"""Easy words written in place for the records a handout left out: read beside the record's
own words, saved through the record's own checks, a colleague's change never overwritten, on
both databases."""

from __future__ import annotations

from datetime import datetime

import pytest

from coproduce.domain.errors import ConflictError
from coproduce.domain.records import (
    Action,
    AgendaItem,
    Contribution,
    Group,
    Meeting,
    Response,
)
from coproduce.domain.vocabulary import ResponseStatus, RowKind
from coproduce.services import Services


@pytest.fixture
def records(services: Services) -> dict[RowKind, int]:
    group = services.groups.create(Group(name="Carers' Forum"))
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,  # type: ignore[arg-type]
            title="March",
            starts_at=datetime(2026, 3, 10, 10),
            ends_at=datetime(2026, 3, 10, 12),
            notes="Chair opened; quorate.",
        )
    )
    item = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=meeting.id, title="Respite provision")  # type: ignore[arg-type]
    )
    said = services.contributions.add(
        Contribution(meeting_id=meeting.id, text="Respite is hard to book.")  # type: ignore[arg-type]
    )
    answer = services.contributions.respond(
        Response(
            contribution_id=said.id,  # type: ignore[arg-type]
            status=ResponseStatus.NOT_TAKEN_FORWARD,
            text="Considered by the board.",
            reason="No budget this year; reconsider in April.",
        )
    )
    action = services.actions.create(
        Action(meeting_id=meeting.id, text="Liaise with the provider.")  # type: ignore[arg-type]
    )
    return {
        RowKind.SESSION: meeting.id,  # type: ignore[dict-item]
        RowKind.AGENDA_ITEM: item.id,  # type: ignore[dict-item]
        RowKind.CONTRIBUTION: said.id,  # type: ignore[dict-item]
        RowKind.RESPONSE: answer.id,  # type: ignore[dict-item]
        RowKind.ACTION: action.id,  # type: ignore[dict-item]
    }


@pytest.mark.parametrize("kind", list(RowKind))
def test_easy_words_are_read_beside_the_records_words_and_saved(
    services: Services, records: dict[RowKind, int], kind: RowKind
) -> None:
    before = services.easy_words.read(kind, records[kind])
    assert before.easy == "" and before.raw
    saved = services.easy_words.write(
        kind, records[kind], "  We will say it simply.  ", before.version
    )
    assert saved.easy == "We will say it simply."
    assert saved.version > before.version
    assert services.easy_words.read(kind, records[kind]) == saved
    # Undo is writing the words before again, with the version now.
    undone = services.easy_words.write(kind, records[kind], before.easy, saved.version)
    assert undone.easy == ""


def test_a_response_shows_its_reason_beside_the_box(
    services: Services, records: dict[RowKind, int]
) -> None:
    words = services.easy_words.read(RowKind.RESPONSE, records[RowKind.RESPONSE])
    assert words.raw == "Considered by the board.\nNo budget this year; reconsider in April."


@pytest.mark.parametrize("kind", [RowKind.CONTRIBUTION, RowKind.RESPONSE, RowKind.ACTION])
def test_a_colleagues_change_since_is_refused_not_overwritten(
    services: Services, records: dict[RowKind, int], kind: RowKind
) -> None:
    seen = services.easy_words.read(kind, records[kind])
    services.easy_words.write(kind, records[kind], "A colleague's words.", seen.version)
    with pytest.raises(ConflictError):
        services.easy_words.write(kind, records[kind], "Mine.", seen.version)
    assert services.easy_words.read(kind, records[kind]).easy == "A colleague's words."
