"""The glossary window by keyboard: search, add, edit, delete, undo, and messages beside fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.documents.glossary import load_seed
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.easyread.glossary_dialog import GlossaryDialog, GlossaryTableModel

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    return Services(sqlite_database)


def open_dialog(qtbot: QtBot, services: Services) -> GlossaryDialog:
    dialog = GlossaryDialog(WindowContext(services, QUndoStack(), DataChanges()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def stored(services: Services) -> dict[str, str]:
    return {term.term: term.plain for term in services.glossary.terms()}


def test_the_glossary_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = GlossaryTableModel()
    model.set_terms(load_seed())
    qtmodeltester.check(model, force_py=True)
    model.set_search("money")
    assert 0 < model.rowCount() < len(load_seed())
    qtmodeltester.check(model, force_py=True)


def test_the_dialog_lists_the_standard_terms_and_shows_the_first(
    qtbot: QtBot, services: Services
) -> None:
    dialog = open_dialog(qtbot, services)
    assert dialog.model.rowCount() == len(load_seed())
    assert dialog.count_label.text() == f"{len(load_seed())} terms"
    first = dialog.model.term(0)
    assert dialog.editor.term_edit.text() == first.term
    assert dialog.editor.explanation_check.text() == "The explanation reads as easy read."


def test_typing_in_find_narrows_the_list(qtbot: QtBot, services: Services) -> None:
    dialog = open_dialog(qtbot, services)
    qtbot.keyClicks(dialog.search_field, "money")
    terms = {dialog.model.term(row).term for row in range(dialog.model.rowCount())}
    assert {"direct payments", "personal budget", "financial assessment"} <= terms
    assert "respite" not in terms
    assert dialog.count_label.text().endswith(f"of {len(load_seed())} terms match")


def test_a_term_is_edited_and_saved_by_keyboard_and_undone(
    qtbot: QtBot, services: Services
) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.choose("respite")
    editor = dialog.editor
    editor.plain_edit.setFocus()
    editor.plain_edit.selectAll()
    qtbot.keyClicks(editor.plain_edit, "a break from caring")
    qtbot.keyClick(editor.plain_edit, Qt.Key.Key_S, CTRL)
    assert stored(services)["respite"] == "a break from caring"
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL)
    assert stored(services)["respite"] == "a short break"
    assert editor.plain_edit.text() == "a short break"


def test_a_new_term_is_added_with_ctrl_n_and_undone(qtbot: QtBot, services: Services) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_N, CTRL)
    editor = dialog.editor
    assert editor.term_edit.hasFocus()
    assert editor.heading.text() == "New term"
    qtbot.keyClicks(editor.term_edit, "telehealth")
    qtbot.keyClick(editor.term_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.plain_edit, "care by phone or video")
    qtbot.keyClick(editor.plain_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.explanation_edit, "A nurse checks on you by phone or video.")
    qtbot.keyClick(editor.explanation_edit, Qt.Key.Key_S, CTRL)
    assert stored(services)["telehealth"] == "care by phone or video"
    assert dialog.model.term(dialog.table.currentIndex().row()).term == "telehealth"
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL)
    assert "telehealth" not in stored(services)
    shown = [dialog.model.term(row).term for row in range(dialog.model.rowCount())]
    assert "telehealth" not in shown
    assert editor.term_edit.text() == shown[0]  # the list's first term is shown again


def test_a_duplicate_term_is_refused_beside_the_field(qtbot: QtBot, services: Services) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_N, CTRL)
    editor = dialog.editor
    qtbot.keyClicks(editor.term_edit, "RESPITE")
    editor.explanation_edit.setPlainText("A break.")
    qtbot.keyClick(editor.term_edit, Qt.Key.Key_S, CTRL)
    [message] = [
        label
        for label in editor.findChildren(type(editor.heading))
        if label.isVisibleTo(editor) and "already has 'respite'" in label.text()
    ]
    assert message.text().startswith("The glossary already has 'respite'.")
    assert editor.term_edit.hasFocus()
    assert editor.has_unsaved_changes()
    editor.discard_changes()


def test_an_explanation_that_is_not_easy_read_is_pointed_out_while_typing(
    qtbot: QtBot, services: Services
) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.choose("respite")
    editor = dialog.editor
    editor.explanation_edit.setFocus()
    editor.explanation_edit.selectAll()
    qtbot.keyClicks(editor.explanation_edit, "It's a break for your wellbeing.")
    text = editor.explanation_check.text()
    assert text.startswith("Not yet easy read:")
    assert "short form" in text and "wellbeing" in text
    editor.discard_changes()


def test_delete_asks_then_removes_and_ctrl_z_puts_it_back(
    qtbot: QtBot, services: Services, prompts
) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.choose("respite")
    dialog.table.setFocus()
    prompts.expect_question(True)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert "Delete 'respite' from the glossary?" in prompts.shown[-1].text
    assert "respite" not in stored(services)
    assert dialog.model.row_of(dialog.editor.record_id()) >= 0  # the next term is chosen
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL)
    assert stored(services)["respite"] == "a short break"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "respite" not in stored(services)


def test_a_refused_delete_changes_nothing(qtbot: QtBot, services: Services, prompts) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.choose("respite")
    dialog.table.setFocus()
    prompts.expect_question(False)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert "respite" in stored(services)


def test_standard_terms_are_put_back(qtbot: QtBot, services: Services, prompts) -> None:
    dialog = open_dialog(qtbot, services)
    respite = next(t for t in services.glossary.terms() if t.term == "respite")
    services.glossary.delete(respite.id)
    prompts.expect_message("information")
    dialog.standard_button.click()
    assert prompts.shown[-1].text == "1 standard term was put back."
    assert dialog.model.row_of(None) == -1
    assert "respite" in stored(services)
    assert dialog.model.rowCount() == len(load_seed())


def test_closing_with_unsaved_typing_asks_first(qtbot: QtBot, services: Services, prompts) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.choose("respite")
    dialog.editor.plain_edit.setFocus()
    qtbot.keyClicks(dialog.editor.plain_edit, " now")
    prompts.expect_save_choice("cancel")
    qtbot.keyClick(dialog.editor.plain_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    prompts.expect_save_choice("save")
    dialog.close()
    assert not dialog.isVisible()
    assert stored(services)["respite"] == "a short break now"
