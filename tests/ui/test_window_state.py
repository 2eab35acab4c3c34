"""Window sizes, splitters and column widths come back the next time the program starts;
what nobody changed by hand keeps following the window's own layout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from coproduce import paths
from coproduce.services import Services
from coproduce.ui import window_state
from coproduce.ui.main_window import MainWindow

OpenWindow = Callable[[Services], MainWindow]


def drag_column_border(qtbot: QtBot, table, column: int, by: int) -> None:  # type: ignore[no-untyped-def]
    """Drag the right edge of ``column``'s heading ``by`` pixels, as a person would."""
    header = table.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    middle = header.height() // 2
    viewport = header.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(edge, middle))
    qtbot.mouseMove(viewport, QPoint(edge + by // 2, middle))
    qtbot.mouseMove(viewport, QPoint(edge + by, middle))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(edge + by, middle))


def test_size_splitter_and_a_dragged_column_come_back_next_time(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    window.resize(1200, 640)
    assert window.height() == 640
    window.show_page("people")
    people = window.list_page("people")
    people.splitter.moveSplitter(300, 1)
    sizes = people.splitter.sizes()
    width_before = people.table.columnWidth(2)
    drag_column_border(qtbot, people.table, 2, 60)
    dragged = people.table.columnWidth(2)
    assert dragged > width_before + 30
    untouched = people.table.columnWidth(3)
    window.close()
    assert (paths.config_dir() / window_state.FILE_NAME).is_file()

    again = open_window(demo_services)
    # The test's screen is 800 x 600: Qt keeps the window on it, so only the height tells.
    assert again.height() == 640
    people = again.list_page("people")
    again.show_page("people")
    # The same share of the width (the window itself may be a little narrower here).
    now = people.splitter.sizes()
    assert abs(now[0] / sum(now) - sizes[0] / sum(sizes)) < 0.02
    assert people.table.columnWidth(2) == dragged
    assert window_state.sized_by_hand(people.table.horizontalHeader())
    # Columns and splitters nobody dragged are not kept: they follow the layout.
    sessions = again.list_page("sessions")
    assert not window_state.sized_by_hand(sessions.splitter)
    assert people.table.columnWidth(3) == untouched


def test_a_dialog_comes_back_at_the_size_it_was_left(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    glossary = window.open_glossary()
    qtbot.waitExposed(glossary)
    glossary.resize(700, 500)
    glossary.reject()

    again = window.open_glossary()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (700, 500)
    again.reject()


def test_the_settings_stay_in_the_tests_folder(tmp_path: Path) -> None:
    assert window_state.settings().fileName().startswith(str(tmp_path))


def test_a_click_that_loads_a_record_does_not_count_as_sizing_columns_by_hand(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    # Clicking a session loads its register, whose columns are then fitted while the mouse
    # button is still down: that is the code's sizing, not the person's.
    window = open_window(demo_services)
    window.show_page("sessions")
    page = window.list_page("sessions")
    page.detail.tabs.setCurrentIndex(page.detail.REGISTER)  # type: ignore[attr-defined]
    register = page.detail.register.table  # type: ignore[attr-defined]
    rect = page.table.visualRect(page.model.index(3, 1))
    qtbot.mousePress(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    register.horizontalHeader().resizeSection(0, 40)  # what a reload's fit does meanwhile
    qtbot.mouseRelease(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not window_state.sized_by_hand(register.horizontalHeader())
    drag_column_border(qtbot, register, 0, 60)
    assert window_state.sized_by_hand(register.horizontalHeader())
