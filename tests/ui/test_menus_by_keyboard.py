"""The menu bar is reached from the keyboard wherever the focus is: F10 opens File, Alt
pressed alone highlights the menu bar (arrows and Enter from there), and Escape gives the
keyboard back to where it was."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from coproduce.services import Services
from coproduce.ui.main_window import MainWindow

OpenWindow = Callable[[Services], MainWindow]
# The menu is a popup, which the offscreen platform cannot raise or give the keyboard.
menus = pytest.mark.qt_log_ignore(
    "does not support raise", "grabbing the keyboard", "propagateSizeHints"
)


@menus
def test_f10_opens_the_file_menu_from_a_field(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    window.show_page("people", focus=True)
    field = QApplication.focusWidget()
    assert field is window.list_page("people").search_field
    qtbot.keyClick(field, Qt.Key.Key_F10)
    menu_bar = window.menuBar()
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    assert menu_bar.activeAction() is menu_bar.actions()[0]
    assert menu_bar.activeAction().text() == "&File"
    popup = QApplication.activePopupWidget()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)


@menus
def test_alt_alone_highlights_the_menu_bar_and_escape_goes_back(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    window.show_page("sessions", focus=True)
    field = QApplication.focusWidget()
    assert field is not None and field is not window.menuBar()
    qtbot.keyClick(field, Qt.Key.Key_Alt, Qt.KeyboardModifier.AltModifier)
    menu_bar = window.menuBar()
    assert menu_bar.hasFocus()
    assert menu_bar.activeAction() is menu_bar.actions()[0]
    assert QApplication.activePopupWidget() is None  # highlighted, not opened yet
    # Right moves along the menus, Down opens the one highlighted.
    qtbot.keyClick(menu_bar, Qt.Key.Key_Right)
    assert menu_bar.activeAction().text() == "&Edit"
    qtbot.keyClick(menu_bar, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)


def test_alt_with_a_letter_still_reaches_the_field_of_that_letter(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    window.show_page("people", focus=True)
    page = window.list_page("people")
    page.table.selectRow(0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.editor.display_name  # type: ignore[union-attr]
    assert not window.menuBar().hasFocus()
