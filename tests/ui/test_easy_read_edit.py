"""The easy-read text box: live marks with tooltips, the findings list, F8, and the draft."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor, QUndoStack
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from coproduce.documents.plain_language import FindingKind
from coproduce.domain.records import Action, AgendaItem, GlossaryTerm, Group, Meeting
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.actions.editor import ActionEditor
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.easyread.easy_read_edit import (
    LONG_SENTENCE_BACKGROUND,
    EasyReadEdit,
    finding_format,
)
from coproduce.ui.sessions.agenda_item_editor import AgendaItemEditor
from coproduce.ui.sessions.session_editor import SessionEditor


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    return Services(sqlite_database)


SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def make_box(qtbot: QtBot, services: Services, notes: str = "") -> tuple[EasyReadEdit, QWidget]:
    context = WindowContext(services, QUndoStack(), DataChanges())
    holder = QWidget()
    raw = QPlainTextEdit(holder)
    raw.setPlainText(notes)
    box = EasyReadEdit(context, raw.toPlainText, parent=holder)
    holder.raw = raw  # type: ignore[attr-defined]
    qtbot.addWidget(holder)
    box.resize(500, 400)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    return box, holder


def type_and_wait(qtbot: QtBot, box: EasyReadEdit, text: str) -> None:
    box.edit.setFocus()
    with qtbot.waitSignal(box.findings_changed, timeout=3000):
        qtbot.keyClicks(box.edit, text)


def formats_at(box: EasyReadEdit, position: int) -> list[QTextCharFormat]:
    """Copies of the highlighter's formats covering document ``position``."""
    block = box.edit.document().findBlock(position)
    inside = position - block.position()
    ranges = block.layout().formats()
    return [QTextCharFormat(r.format) for r in ranges if r.start <= inside < r.start + r.length]


def test_typing_marks_a_hard_word_with_its_message_as_tooltip(
    qtbot: QtBot, services: Services
) -> None:
    box, _holder = make_box(qtbot, services)
    type_and_wait(qtbot, box, "You will have an assessment soon.")

    [finding] = box.findings()
    assert finding.kind is FindingKind.HARD_WORD
    assert box.text()[finding.start : finding.end] == "assessment"
    start = box.text().index("assessment")
    [mark] = formats_at(box, start + 3)
    assert mark.underlineStyle() == mark.UnderlineStyle.WaveUnderline
    assert "is a hard word" in mark.toolTip()
    assert formats_at(box, 2) == []  # "You" is not marked
    assert box.tooltip_at(start + 3) == finding.message
    assert 'Try "meeting about the help you need"' in box.tooltip_at(start + 3)
    assert box.tooltip_at(1) == ""
    assert "1 thing to check" in box.summary.text()
    assert "Reading ease" in box.summary.text()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_tooltip_shows_when_the_mouse_rests_on_a_mark(qtbot: QtBot, services: Services) -> None:
    box, _holder = make_box(qtbot, services)
    box.set_text("We talked about respite.")
    cursor = QTextCursor(box.edit.document())
    cursor.setPosition(box.text().index("respite") + 2)
    point = box.edit.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, box.edit.viewport().mapToGlobal(point))
    assert box.eventFilter(box.edit.viewport(), event)
    assert "is a hard word" in QToolTip.text()
    QToolTip.hideText()
    empty = QHelpEvent(
        QEvent.Type.ToolTip, QPoint(2, 2), box.edit.viewport().mapToGlobal(QPoint(2, 2))
    )
    assert box.eventFilter(box.edit.viewport(), empty)


def test_a_long_sentence_is_shaded_and_the_hard_word_inside_is_underlined(
    qtbot: QtBot, services: Services
) -> None:
    box, _holder = make_box(qtbot, services)
    text = (
        "We talked for a long time about the buses and the trains and about respite "
        "for carers in town."
    )
    box.set_text(text)
    kinds = [f.kind for f in box.findings()]
    assert kinds == [FindingKind.LONG_SENTENCE, FindingKind.HARD_WORD]
    [shade] = formats_at(box, 3)
    assert shade.background().color() == LONG_SENTENCE_BACKGROUND
    [both] = formats_at(box, text.index("respite") + 1)
    assert both.background().color() == LONG_SENTENCE_BACKGROUND
    assert both.underlineStyle() == both.UnderlineStyle.WaveUnderline
    hover = box.tooltip_at(text.index("respite") + 1).split("\n")
    assert hover[0].startswith('"respite" is a hard word')
    assert hover[1].startswith("This sentence has 19 words")


def test_fixing_the_wording_takes_the_mark_away(qtbot: QtBot, services: Services) -> None:
    box, _holder = make_box(qtbot, services)
    box.set_text("We DON'T know.")
    assert {f.kind for f in box.findings()} == {FindingKind.CONTRACTION, FindingKind.CAPITALS}
    box.edit.setFocus()
    box.edit.selectAll()
    with qtbot.waitSignal(box.findings_changed, timeout=3000):
        qtbot.keyClicks(box.edit, "We do not know.")
    assert box.findings() == []
    assert formats_at(box, 4) == []
    assert box.findings_list.isHidden()
    assert "Nothing to check" in box.summary.text()


def test_checking_does_not_count_as_an_edit(qtbot: QtBot, services: Services) -> None:
    box, _holder = make_box(qtbot, services)
    edits: list[None] = []
    box.changed.connect(lambda: edits.append(None))
    box.set_text("The ICB met. 75% came.")
    assert len(edits) == 1
    box.check_now()
    box.check_now()
    assert len(edits) == 1


def test_f8_goes_from_finding_to_finding_and_the_list_follows(
    qtbot: QtBot, services: Services
) -> None:
    box, _holder = make_box(qtbot, services)
    box.set_text("We met.\nThe ICB said 75% of carers want respite.")
    words = [box.text()[f.start : f.end] for f in box.findings()]
    assert words == ["ICB", "75%", "respite"]
    assert box.findings_list.count() == 3
    box.edit.setFocus()
    box.edit.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(box.edit, Qt.Key.Key_F8)
    assert box.edit.textCursor().selectedText() == "ICB"
    assert box.findings_list.currentRow() == 0
    qtbot.keyClick(box.edit, Qt.Key.Key_F8)
    assert box.edit.textCursor().selectedText() == "75%"
    qtbot.keyClick(box.edit, Qt.Key.Key_F8)
    qtbot.keyClick(box.edit, Qt.Key.Key_F8)  # round to the first again
    assert box.edit.textCursor().selectedText() == "ICB"
    qtbot.keyClick(box.edit, Qt.Key.Key_F8, SHIFT)
    assert box.edit.textCursor().selectedText() == "respite"
    assert "Acronym" in box.findings_list.item(0).text()


def test_enter_on_a_listed_finding_selects_it_in_the_text(qtbot: QtBot, services: Services) -> None:
    box, _holder = make_box(qtbot, services)
    box.set_text("The ICB said 75% of carers want respite.")
    box.findings_list.setFocus()
    box.findings_list.setCurrentRow(2)
    qtbot.keyClick(box.findings_list, Qt.Key.Key_Return)
    assert box.edit.hasFocus()
    assert box.edit.textCursor().selectedText() == "respite"


def test_marks_land_on_the_right_words_after_an_emoji(qtbot: QtBot, services: Services) -> None:
    box, _holder = make_box(qtbot, services)
    box.set_text("😀😀 Ask about respite.")
    position = box.edit.toPlainText().index("respite")
    # Qt counts each emoji as two positions.
    assert formats_at(box, position + 2 + 1)
    assert not formats_at(box, position + 1)
    box.next_finding()
    assert box.edit.textCursor().selectedText() == "respite"


def test_a_new_glossary_term_is_marked_once_the_glossary_changes(
    qtbot: QtBot, services: Services
) -> None:
    box, _holder = make_box(qtbot, services)
    box.set_text("We talked about telehealth.")
    assert box.findings() == []
    services.glossary.add(
        GlossaryTerm(term="telehealth", plain="care by phone", explanation="Care by phone.")
    )
    box._context.changes.changed.emit("glossary_term")
    assert [f.suggestion for f in box.findings()] == ["care by phone"]


def test_the_draft_fills_an_empty_box_from_the_notes(qtbot: QtBot, services: Services) -> None:
    box, _holder = make_box(
        qtbot, services, "We don't like the consultation; it was far too short for carers."
    )
    qtbot.mouseClick(box.draft_button, Qt.MouseButton.LeftButton)
    assert box.text() == (
        "We do not like the asking people what they think.\nIt was far too short for carers."
    )
    assert box.findings() == []


def test_the_draft_asks_before_replacing_typed_wording_and_can_be_undone(
    qtbot: QtBot, services: Services, prompts
) -> None:
    box, _holder = make_box(qtbot, services, "People want respite.")
    box.set_text("My own words.")
    prompts.expect_question(False)
    box.draft_button.click()
    assert box.text() == "My own words."
    prompts.expect_question(True)
    box.draft_button.click()
    assert box.text() == "People want a short break."
    assert "Replace it with a new draft" in prompts.shown[-1].text
    qtbot.keyClick(box.edit, Qt.Key.Key_Z, CTRL)
    assert box.text() == "My own words."


def test_drafting_from_empty_notes_says_so(qtbot: QtBot, services: Services, prompts) -> None:
    box, _holder = make_box(qtbot, services, "   ")
    prompts.expect_message("information")
    box.draft_button.click()
    assert "nothing in the notes" in prompts.shown[-1].text
    assert box.text() == ""


def test_ten_thousand_words_are_checked_and_listed_without_listing_them_all(
    qtbot: QtBot, services: Services
) -> None:
    box, _holder = make_box(qtbot, services)
    line = "The ICB said 75% of carers want respite and a short break in town soon.\n"
    box.set_text(line * 700)
    assert len(box.text().split()) > 10_000
    assert len(box.findings()) == 2100
    assert box.findings_list.count() == 201
    assert "and 1900 more" in box.findings_list.item(200).text()
    last = box.text().rindex("respite")
    assert formats_at(box, last + 1)


# --- the box in the three editors ----------------------------------------------------------


def planned_session(services: Services, notes: str = "") -> Meeting:
    group = services.groups.create(Group(name="Carers' Forum"))
    return services.meetings.create(
        Meeting(
            group_id=group.id,
            title="Carers' Forum, 12 March 2026",
            starts_at=datetime(2026, 3, 12, 10),
            ends_at=datetime(2026, 3, 12, 12),
            notes=notes,
        )
    )


def show(qtbot: QtBot, editor: QWidget) -> None:
    qtbot.addWidget(editor)
    editor.resize(520, 900)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)


def test_the_session_editor_keeps_easy_read_wording_beside_the_notes(
    qtbot: QtBot, services: Services
) -> None:
    meeting = planned_session(services, "We'll look at the carers strategy and respite.")
    editor = SessionEditor(WindowContext(services, QUndoStack(), DataChanges()))
    show(qtbot, editor)
    editor.load(services.meetings.get(meeting.id))
    editor.easy_read.draft_button.click()
    assert editor.easy_read.text() == "We will look at the carers plan and a short break."
    assert editor.has_unsaved_changes()
    editor.easy_read.edit.setFocus()
    editor.easy_read.edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.easy_read.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.easy_read.edit, "The NHS came.")
    qtbot.keyClick(editor.easy_read.edit, Qt.Key.Key_S, CTRL)
    saved = services.meetings.get(meeting.id)
    assert saved.easy_read == ("We will look at the carers plan and a short break.\nThe NHS came.")
    assert saved.notes == meeting.notes
    editor.load(saved)
    assert [f.kind for f in editor.easy_read.findings()] == [FindingKind.ACRONYM]
    assert not editor.has_unsaved_changes()


def test_the_agenda_item_editor_drafts_from_its_title_and_notes(
    qtbot: QtBot, services: Services
) -> None:
    meeting = planned_session(services)
    item = services.meetings.add_agenda_item(
        AgendaItem(
            meeting_id=meeting.id,
            title="Direct payments",
            notes="People said the forms don't make sense",
        )
    )
    editor = AgendaItemEditor(WindowContext(services, QUndoStack(), DataChanges()))
    editor.set_meeting(meeting.id)
    show(qtbot, editor)
    editor.load(item)
    assert editor.easy_read.draft_button.text() == "Draft from the item"
    editor.easy_read.draft_button.click()
    assert editor.easy_read.text() == (
        "Money to buy your own support.\nPeople said the forms do not make sense."
    )
    assert editor.save_changes()
    assert services.meetings.get_agenda_item(item.id).easy_read == editor.easy_read.text()


def test_the_action_editor_saves_easy_read_wording_of_the_action(
    qtbot: QtBot, services: Services
) -> None:
    meeting = planned_session(services)
    action = services.actions.create(
        Action(meeting_id=meeting.id, text="Send the consultation results to everyone")
    )
    editor = ActionEditor(WindowContext(services, QUndoStack(), DataChanges()))
    show(qtbot, editor)
    editor.load(action)
    editor.easy_read.edit.setFocus()
    qtbot.keyClicks(editor.easy_read.edit, "We will send you what people told us.")
    qtbot.keyClick(editor.easy_read.edit, Qt.Key.Key_S, CTRL)
    assert services.actions.get(action.id).easy_read == "We will send you what people told us."
    assert services.actions.get(action.id).text == action.text


def test_an_empty_box_is_never_called_hard_to_read(qtbot: QtBot, services: Services) -> None:
    """Emptying the box after a hard word used to leave "Nothing to check. Reading ease 6
    (very hard)." for a screen reader (the description kept the last figure)."""
    box, _holder = make_box(qtbot, services)
    for text in ("Accessible", "Reablement is accessible."):
        box.set_text(text)
        shown = (box.summary.text(), box.summary.accessibleDescription())
        if text == "Accessible":  # one long word is too short to measure
            assert all("Reading ease" not in said for said in shown)
        else:
            assert all("Reading ease" in said for said in shown)
        box.set_text("")
        for said in (box.summary.text(), box.summary.accessibleDescription()):
            assert said == "Nothing typed yet: the checker reads the words as you type."
    box.set_text("   \n ")
    assert "Reading ease" not in box.summary.accessibleDescription()


def test_an_empty_box_is_checked_without_asking_the_database(
    qtbot: QtBot, services: Services
) -> None:
    box, _holder = make_box(qtbot, services)
    asked: list[str] = []

    def seen(_conn, _cursor, statement: str, *_args: object) -> None:  # type: ignore[no-untyped-def]
        asked.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", seen)
    try:
        box.set_text("   \n")
        assert box.findings() == []
        assert asked == [], "nothing written: no glossary read for it"
        box.set_text("We won't go.")
        assert box.findings() != []
    finally:
        event.remove(services.database.engine, "before_cursor_execute", seen)


def test_every_kind_of_finding_is_marked_in_the_box(qtbot: QtBot, services: Services) -> None:
    # An officer word, a semicolon and a document number used to raise KeyError inside Qt's
    # event loop: their kinds had no mark colour.
    box, _holder = make_box(qtbot, services)
    type_and_wait(qtbot, box, "We will utilise the hall; see paragraph 4.2 of the plan.")

    kinds = {finding.kind for finding in box.findings()}
    assert {FindingKind.OFFICER_WORD, FindingKind.SEMICOLON} <= kinds
    for finding in box.findings():
        position = finding.start + (finding.end - finding.start) // 2
        assert any(
            mark.underlineStyle() == mark.UnderlineStyle.WaveUnderline
            or mark.background().color() == LONG_SENTENCE_BACKGROUND
            for mark in formats_at(box, position)
        ), finding.kind


@pytest.mark.parametrize("kind", [k for k in FindingKind if k is not FindingKind.LONG_SENTENCE])
def test_each_kind_of_finding_has_its_mark(kind: FindingKind) -> None:
    assert finding_format(kind).underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
