"""Columns at a council laptop's width (1366 px) and a desktop's (1920 px): the words that
matter (a session's or a document's title, what an action is, what was said, the reason
for apologies being typed) are on screen and not cut short; other columns are as wide as
their heading and words."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from every_window import held_session_with_most_said
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView, QTreeView
from pytestqt.qtbot import QtBot

from coproduce.services import Services
from coproduce.ui.main_window import MainWindow
from coproduce.ui.sessions.attendance_register import REASON_COLUMN

OpenWindow = Callable[[Services], MainWindow]


def header_of(view: QTableView | QTreeView) -> QHeaderView:
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()


def on_screen(view: QTableView | QTreeView, column: int) -> int:
    """How many pixels of ``column`` are inside the view's visible width."""
    header = header_of(view)
    left = header.sectionViewportPosition(column)
    right = left + header.sectionSize(column)
    return max(0, min(right, view.viewport().width()) - max(left, 0))


def words_width(view: QTableView | QTreeView, column: int) -> int:
    return view.sizeHintForColumn(column)


def settle(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.wait(50)
    QApplication.processEvents()


@pytest.mark.parametrize("width", [1366, 1920])
def test_titles_are_shown_whole_beside_the_record(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services, width: int
) -> None:
    window = open_window(demo_services)
    for key, title in (("sessions", 1), ("documents", 0), ("actions", 0)):
        window.show_page(key)
        page = window.list_page(key)
        page.table.selectRow(0)
        settle(qtbot, window, width, 720)
        table = page.table
        wanted = min(words_width(table, title), table.fontMetrics().horizontalAdvance("n") * 50)
        assert on_screen(table, title) >= wanted, key


def test_at_1920_the_sessions_status_is_not_cut(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    settle(qtbot, window, 1920, 1000)
    table = window.list_page("sessions").table
    status = 3
    assert table.model().headerData(status, header_of(table).orientation()) == "Status"
    assert header_of(table).sectionSize(status) >= words_width(table, status)
    assert header_of(table).sectionSize(status) >= header_of(table).sectionSizeHint(status)
    assert on_screen(table, status) == header_of(table).sectionSize(status)


def test_the_apology_reason_is_on_screen_at_1366(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    held = held_session_with_most_said(demo_services)
    window.refresh()
    page = window.list_page("sessions")
    assert page.show_record_id(held)
    page.detail.tabs.setCurrentIndex(page.detail.REGISTER)  # type: ignore[attr-defined]
    settle(qtbot, window, 1366, 720)
    table = page.detail.register.table  # type: ignore[attr-defined]
    character = table.fontMetrics().horizontalAdvance("n")
    assert on_screen(table, REASON_COLUMN) >= 16 * character


def test_what_the_groups_said_is_given_the_room(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    window.show_page("documents")
    page = window.list_page("documents")
    editor = page.editor
    said = editor.said  # type: ignore[union-attr]
    for row in range(page.model.rowCount()):
        page.table.selectRow(row)
        if said.model.rowCount() and said.contributions_figure.text() not in ("0", "–"):
            break
    editor.tabs.setCurrentIndex(1)  # type: ignore[union-attr]
    settle(qtbot, window, 1366, 720)
    tree = said.tree
    character = tree.fontMetrics().horizontalAdvance("n")
    assert on_screen(tree, 0) >= min(words_width(tree, 0), 30 * character)
    # The other columns are as wide as their headings, not fixed at 18 to 26 characters.
    for column in range(1, header_of(tree).count()):
        assert header_of(tree).sectionSize(column) >= header_of(tree).sectionSizeHint(column)
