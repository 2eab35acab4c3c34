"""The "Needs easy words" panel of the export dialog: words typed for one record are kept while
another is chosen, the box checks with the document's glossary, a record deleted meanwhile is
said, not a crash."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from coproduce.documents.content import WordsFrom
from coproduce.documents.easy_read import NeedsWords
from coproduce.documents.plain_language import easy_read_problems
from coproduce.domain.records import Contribution, GlossaryTerm, Group, Meeting
from coproduce.domain.vocabulary import RowKind
from coproduce.services import Services
from coproduce.ui.printing.easy_words_panel import EasyWordsPanel, one_per_record

FIRST = (
    "Carers told us that booking a short break takes far too long because every form is "
    "checked twice before anyone rings back."
)
SECOND = "The CQC said the service must improve; we agree with them."


@pytest.fixture
def left_out(services: Services) -> list[NeedsWords]:
    group = services.groups.create(Group(name="Carers' Forum"))
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,  # type: ignore[arg-type]
            title="March",
            starts_at=datetime(2026, 3, 10, 10),
            ends_at=datetime(2026, 3, 10, 12),
        )
    )
    needs = []
    for text in (FIRST, SECOND):
        said = services.contributions.add(Contribution(meeting_id=meeting.id, text=text))  # type: ignore[arg-type]
        origin = WordsFrom(
            kind=RowKind.CONTRIBUTION,
            record_id=said.id,  # type: ignore[arg-type]
            written=False,
            raw=text,
        )
        problems = tuple(easy_read_problems(text))
        needs.append(
            NeedsWords(where="What you told us", origin=origin, text=text, problems=problems)
        )
    return needs


def _panel(qtbot: QtBot, services: Services) -> EasyWordsPanel:
    panel = EasyWordsPanel(services.easy_words.read, services.easy_words.write)
    qtbot.addWidget(panel)
    panel.resize(460, 560)
    panel.show()
    return panel


def test_words_typed_for_one_record_wait_while_another_is_chosen(
    qtbot: QtBot, services: Services, left_out: list[NeedsWords]
) -> None:
    panel = _panel(qtbot, services)
    panel.show_left_out([*left_out, left_out[0]])  # a record twice is listed once
    assert panel.list.count() == 2

    panel.list.setCurrentRow(0)
    qtbot.keyClicks(panel.easy.edit, "Short breaks are hard to book.")
    panel.list.setCurrentRow(1)
    assert panel.easy.text() == ""
    assert panel.raw_words.toPlainText() == SECOND
    assert panel.unsaved_count() == 1

    panel.list.setCurrentRow(0)
    assert panel.easy.text() == "Short breaks are hard to book."
    assert panel.save_button.isEnabled()

    panel.forget_unsaved()
    assert panel.unsaved_count() == 0 and panel.easy.text() == ""
    assert not panel.save_button.isEnabled()  # nothing to save


def test_the_box_checks_with_the_glossary_the_document_was_built_with(
    qtbot: QtBot, services: Services, left_out: list[NeedsWords]
) -> None:
    panel = _panel(qtbot, services)
    panel.show_left_out(left_out)
    panel.list.setCurrentRow(1)
    assert panel.gate.text().startswith("Left out because: ")

    panel.easy.set_text("The CQC checks care services.")
    assert panel.gate.text() == "Not ready to print yet (acronym): change what is marked."

    cqc = GlossaryTerm(
        term="CQC",
        plain="the people who check care services",
        explanation="The Care Quality Commission checks care services.",
    )
    panel.show_left_out(left_out, [cqc])
    assert panel.list.currentRow() == 1  # still the record being written
    assert panel.easy.text() == "The CQC checks care services."
    assert panel.gate.text() == "Ready to print: save to put it in the document."


def test_a_record_deleted_meanwhile_is_said_and_the_box_stays_hidden(
    qtbot: QtBot, services: Services, left_out: list[NeedsWords]
) -> None:
    panel = _panel(qtbot, services)
    panel.show_left_out(left_out)
    services.contributions.delete(left_out[0].origin.record_id)

    panel.list.setCurrentRow(0)

    assert not panel.editor.isVisible()
    assert "does not exist" in panel.hint.text()
    assert not panel.save()


def test_nothing_left_out_says_so(qtbot: QtBot, services: Services) -> None:
    panel = _panel(qtbot, services)
    panel.show_left_out([])
    assert panel.hint.text() == "Nothing is left out: everything has easy words."
    assert not panel.editor.isVisible()
    assert one_per_record([]) == []


def test_a_new_build_leaves_the_box_alone_while_its_record_is_still_listed(
    qtbot: QtBot, services: Services, left_out: list[NeedsWords]
) -> None:
    # The facilitator types on while the document is made again (a bigger text size).
    panel = _panel(qtbot, services)
    panel.show_left_out(left_out)
    panel.list.setCurrentRow(1)
    qtbot.keyClicks(panel.easy.edit, "Short breaks are hard to book.")
    cursor = panel.easy.edit.textCursor().position()

    panel.show_left_out(list(reversed(left_out)))

    assert panel.list.currentRow() == 0  # the same record, now first
    assert panel.current is not None
    assert panel.current.record_id == left_out[1].origin.record_id
    assert panel.easy.text() == "Short breaks are hard to book."
    assert panel.easy.edit.textCursor().position() == cursor
