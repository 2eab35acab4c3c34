"""Easy words written in the export dialog are undone and redone as steps of the main window's
undo stack, on both databases, and never over a colleague's change."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtGui import QUndoStack

from coproduce.domain.records import Contribution, Group, Meeting
from coproduce.domain.vocabulary import RowKind
from coproduce.services import Services
from coproduce.ui.commands import DataChanges
from coproduce.ui.printing.easy_words_command import EasyWordsCommand, short


@pytest.fixture
def said_id(services: Services) -> int:
    group = services.groups.create(Group(name="Carers' Forum"))
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,  # type: ignore[arg-type]
            title="March",
            starts_at=datetime(2026, 3, 10, 10),
            ends_at=datetime(2026, 3, 10, 12),
        )
    )
    said = services.contributions.add(
        Contribution(meeting_id=meeting.id, text="Respite is hard to book; forms are slow.")  # type: ignore[arg-type]
    )
    assert said.id is not None
    return said.id


def _save(
    services: Services, stack: QUndoStack, changes: DataChanges, record_id: int, words: str
) -> None:
    """What the dialog does: write the words, then push the step."""
    easy_words = services.easy_words
    before = easy_words.read(RowKind.CONTRIBUTION, record_id)
    after = easy_words.write(RowKind.CONTRIBUTION, record_id, words, before.version)
    stack.push(
        EasyWordsCommand(
            f"Easy words for “{short(after.raw)}”",
            read=easy_words.read,
            write=easy_words.write,
            before=before,
            after=after,
            changes=changes,
        )
    )


def _easy(services: Services, record_id: int) -> str:
    return services.easy_words.read(RowKind.CONTRIBUTION, record_id).easy


def test_two_saves_of_one_record_undo_and_redo_in_order(
    services: Services, said_id: int, qtbot
) -> None:
    stack, changes = QUndoStack(), DataChanges()
    _save(services, stack, changes, said_id, "Respite is hard to book.")
    _save(services, stack, changes, said_id, "Short breaks are hard to book.")
    assert _easy(services, said_id) == "Short breaks are hard to book."  # pushing did nothing

    with qtbot.waitSignal(changes.changed) as announced:
        stack.undo()
    assert announced.args == ["contribution"]
    assert _easy(services, said_id) == "Respite is hard to book."
    stack.undo()
    assert _easy(services, said_id) == ""
    stack.redo()
    stack.redo()
    assert _easy(services, said_id) == "Short breaks are hard to book."
    assert services.contributions.get(said_id).text == "Respite is hard to book; forms are slow."


def test_a_colleagues_change_is_not_undone_and_the_facilitator_is_told(
    services: Services, said_id: int, prompts
) -> None:
    stack, changes = QUndoStack(), DataChanges()
    _save(services, stack, changes, said_id, "Respite is hard to book.")
    now = services.easy_words.read(RowKind.CONTRIBUTION, said_id)
    services.easy_words.write(RowKind.CONTRIBUTION, said_id, "A colleague's words.", now.version)

    prompts.expect_message("error")
    stack.undo()

    assert _easy(services, said_id) == "A colleague's words."
    assert "changed by someone else" in prompts.shown[-1].text
    assert stack.count() == 0  # the step is dropped, not left to fail again


def test_a_long_name_is_cut_at_a_word() -> None:
    assert short("Carers told us that booking a short break takes far too long") == (
        "Carers told us that booking a short…"
    )
    assert short("Short enough") == "Short enough"
