"""What the window does at start-up, so it shows quickly (issue 12): only the first page is
built and only its list read; exports, spreadsheets and migrations are not even imported;
icons arrive after the window is shown; every other page is built, with its list, the first
time it is opened."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coproduce.services import Services
from coproduce.ui.main_window import MainWindow
from coproduce.ui.pages.list_page import ListPage

OpenWindow = Callable[[Services], MainWindow]

HEAVY_LIBRARIES = ("docx", "openpyxl", "alembic", "lxml")
"""python-docx (and its lxml), openpyxl and Alembic: for exports and upgrades only."""

CHILD = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from coproduce.app import application_instance, open_main_window
application = application_instance()
window, database = open_main_window(sys.argv[1])
application.processEvents()
print(json.dumps({
    "loaded": sorted(m for m in sys.argv[2:] if m in sys.modules),
    "built": [entry.key for entry in window.pages if entry.page is not None],
    "sessions": window.list_page("sessions").model.total,
}))
window.close()
database.close()
"""


def test_the_window_starts_without_the_export_and_migration_libraries(
    tmp_path: Path, demo_template: Path
) -> None:
    path = tmp_path / "council.sqlite3"
    source, target = sqlite3.connect(demo_template), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()

    shown = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), *HEAVY_LIBRARIES],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert shown.returncode == 0, shown.stderr
    started = json.loads(shown.stdout.strip().splitlines()[-1])
    assert started["loaded"] == []
    assert started["built"] == ["sessions"]
    assert started["sessions"] > 0


def test_other_pages_are_built_with_their_lists_when_first_opened(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    assert [entry.key for entry in window.pages if entry.page is not None] == ["sessions"]

    qtbot.keyClick(window, "5", modifier=Qt.KeyboardModifier.ControlModifier)  # Ctrl+5: Actions
    assert window.current_page_key == "actions"
    actions = window.list_page("actions")
    assert actions.isVisible()
    assert actions.model.total == len(demo_services.actions.list().items) > 0
    assert actions.count_label.text().endswith("actions")

    # Reloading (F5) reads the pages built so far, and no others.
    window.refresh()
    assert [entry.key for entry in window.pages if entry.page is not None] == [
        "sessions",
        "actions",
    ]
    for entry in window.pages:
        window.show_page(entry.key)
        page = window.page(entry.key)
        assert window.stack.currentWidget() is page
        if isinstance(page, ListPage):
            assert page.model.total > 0, entry.key


def test_icons_come_after_the_window_is_shown(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    qtbot.waitUntil(lambda: not window.navigation.item(0).icon().isNull(), timeout=10_000)
    assert all(
        not window.navigation.item(row).icon().isNull() for row in range(window.navigation.count())
    )
    sessions = window.list_page("sessions")
    assert not sessions.search_field.search_icon.icon().isNull()
    # A page built after the icons came gets its search icon too.
    people = window.list_page("people")
    assert not people.search_field.search_icon.icon().isNull()


def test_the_search_boxs_words_start_after_the_glass_before_and_after_the_icons_come(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    # The glass's place is kept before its picture comes, so the placeholder and what is
    # typed never start under it.
    window = open_window(demo_services)
    field = window.list_page("sessions").search_field
    before = field.cursorRect().center().x()  # where the first letter goes
    qtbot.waitUntil(lambda: not field.search_icon.icon().isNull(), timeout=10_000)
    assert field.cursorRect().center().x() == before
    glass = next(
        w
        for w in field.children()
        if getattr(w, "defaultAction", lambda: None)() is field.search_icon
    )
    assert before >= glass.geometry().right()


def test_a_page_built_later_gets_its_splitter_back_as_the_person_left_it(
    open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    window.show_page("actions")
    actions = window.list_page("actions")
    actions.splitter.moveSplitter(250, 1)
    left = actions.splitter.sizes()
    window.close()

    again = open_window(demo_services)
    assert again.pages[4].page is None, "not built until opened"
    again.show_page("actions")
    now = again.list_page("actions").splitter.sizes()
    assert abs(now[0] / sum(now) - left[0] / sum(left)) < 0.02
