"""Every window, page and dialog at a council laptop's size, by keyboard and by screen reader
(issue 11): each is opened on the small example council and checked as a whole, so a new
control that breaks a rule fails here even if its own tests never thought of it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from every_window import (
    VIEWS,
    access_key_problems,
    controls,
    describe,
    dialog_classes_of_the_program,
    focus_walk,
    internal_names_shown,
    lists_out_of_reach,
    name_problems,
    open_view,
    size_problems,
)
from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QDateTimeEdit
from pytestqt.qtbot import QtBot

from coproduce.services import Services
from coproduce.ui.main_window import MainWindow

OpenWindow = Callable[[Services], MainWindow]
every_view = pytest.mark.parametrize("view", list(VIEWS))
# Meeting mode's and the tidy-up's suggestion lists are popups the offscreen platform
# cannot raise.
windows = pytest.mark.qt_log_ignore(
    "does not support raise", "grabbing the keyboard", "propagateSizeHints"
)


def test_every_dialog_of_the_program_is_checked_here() -> None:
    checked = {view.dialog_class for view in VIEWS.values() if view.dialog_class}
    assert dialog_classes_of_the_program() <= checked


@windows
@every_view
def test_fits_a_council_laptop_screen(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services, view: str
) -> None:
    window = open_view(view, qtbot, open_window(demo_services))
    problems = size_problems(window)
    assert not problems, "\n".join(problems)


@windows
@every_view
def test_tab_and_shift_tab_go_round_every_control(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services, view: str
) -> None:
    window = open_view(view, qtbot, open_window(demo_services))
    needed = controls(window)
    assert needed, "nothing in the window takes the keyboard"
    start = needed[0]
    forwards = focus_walk(qtbot, window, start)
    assert not forwards.problem, forwards.problem
    unreachable = lists_out_of_reach(window)
    assert not unreachable, "Tab never stops at:\n" + "\n".join(unreachable)
    missed = [describe(w) for w in needed if w not in forwards.visited]
    assert not missed, "Tab never reaches:\n" + "\n".join(missed)
    backwards = focus_walk(qtbot, window, start, backwards=True)
    assert not backwards.problem, "Shift+Tab: " + backwards.problem
    assert set(backwards.visited) == set(forwards.visited)


@windows
@every_view
def test_access_keys_are_unique_and_leave_the_menus_alone(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services, view: str
) -> None:
    window = open_view(view, qtbot, open_window(demo_services))
    problems = access_key_problems(window)
    assert not problems, "\n".join(problems)


@windows
@every_view
def test_a_screen_reader_hears_a_plain_name_for_every_control(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services, view: str
) -> None:
    window = open_view(view, qtbot, open_window(demo_services))
    problems = name_problems(window)
    assert not problems, "\n".join(problems)
    assert internal_names_shown(window) == []
    role = QAccessible.queryAccessibleInterface(window).role()
    # A window, a dialog, or (a question) an alert; never a "filler" or "client" area.
    windows = (QAccessible.Role.Window, QAccessible.Role.Dialog, QAccessible.Role.AlertMessage)
    assert role in windows, role


@windows
@every_view
def test_every_date_box_writes_sep_like_the_lists_never_sept(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services, view: str
) -> None:
    """A British laptop's Qt writes September short as "Sept"; the lists say "Sep"."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        window = open_view(view, qtbot, open_window(demo_services))
        september = QDate(2026, 9, 7)
        shown = {
            box.accessibleName(): box.locale().toString(september, box.displayFormat())
            for box in window.findChildren(QDateTimeEdit)
            if "MMM" in box.displayFormat()
        }
    finally:
        QLocale.setDefault(previous)
    assert not [text for text in shown.values() if "Sept" in text], shown
    assert all("Sep" in text for text in shown.values()), shown
