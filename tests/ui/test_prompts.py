"""The real message boxes (not the scripted ones the other tests use): what Enter, Escape and
stray letters do to them. Each box is shown without blocking and answered by key presses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from coproduce.ui.prompts import CarefulMessageBox, save_discard_cancel_box


def shown(qtbot: QtBot, box: QMessageBox) -> QMessageBox:
    qtbot.addWidget(box)
    with qtbot.waitActive(box):
        box.show()
        box.activateWindow()
    return box


def test_enter_after_unsaved_changes_goes_back_and_saves_nothing(qtbot: QtBot) -> None:
    box = shown(qtbot, save_discard_cancel_box(None, "Unsaved changes", "Save Mary Jones?"))
    assert box.defaultButton() is box.back_button
    assert box.escapeButton() is box.back_button
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.clickedButton() is not None)
    assert box.choice() == "cancel"


def test_letters_typed_into_the_question_press_no_button(qtbot: QtBot) -> None:
    """Typing meant for a field ("Sam", "Don") must not save or throw the changes away."""
    box = shown(qtbot, save_discard_cancel_box(None, "Unsaved changes", "Save Mary Jones?"))
    for letter in (Qt.Key.Key_S, Qt.Key.Key_D, Qt.Key.Key_B):
        qtbot.keyClick(box.focusWidget() or box, letter)
    qtbot.wait(200)  # a pressed button clicks a moment later
    assert box.clickedButton() is None and box.isVisible()
    # The keyboard rests on Go back: a space typed next presses that, and nothing is lost.
    assert box.focusWidget() is box.back_button


def test_alt_s_still_saves(qtbot: QtBot) -> None:
    box = shown(qtbot, save_discard_cancel_box(None, "Unsaved changes", "Save Mary Jones?"))
    qtbot.keyClick(box, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: box.clickedButton() is not None)
    assert box.choice() == "save"


def test_a_yes_no_question_is_not_answered_by_a_stray_y(qtbot: QtBot) -> None:
    box = CarefulMessageBox(
        QMessageBox.Icon.Question,
        "Delete",
        "Delete the session?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    shown(qtbot, box)
    qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Y)
    qtbot.wait(200)
    assert box.clickedButton() is None
    qtbot.keyClick(box, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: box.clickedButton() is not None)
    assert box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
