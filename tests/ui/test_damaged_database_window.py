"""The window on a damaged database: a message box that says so and what to do, never a
silent exit (someone starting Coproduce from the desktop menu sees no terminal) and never
"Something went wrong".

At start the real start-up function (``app.run``, what the launcher calls) meets each damage
of ``damage_support``; during use, a list loading meets a page that went bad while the window
was open.
"""

from __future__ import annotations

import gc
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coproduce import app
from coproduce.domain.errors import DatabaseDamagedError
from coproduce.store.database import Database
from coproduce.ui.main_window import MainWindow
from damage_support import DAMAGES, copy_database, table_pages, zero_a_page


@pytest.fixture
def council(tmp_path: Path, demo_template: Path) -> Path:
    """A one-file copy of the small example council, in the test's folder."""
    return copy_database(demo_template, tmp_path / "council.sqlite3")


def _run_until_it_returns(qtbot: QtBot, database: Path) -> int:
    """``app.run`` on ``database``. If it wrongly opened the window and waited for the person,
    the window is closed after a while so the test fails on the status instead of hanging."""
    application = QApplication.instance()
    assert application is not None
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(application.quit)
    safety.start(20_000)
    try:
        return app.run(str(database))
    finally:
        safety.stop()
        # Nothing of a window given up may be left to go wrong later: no box still queued,
        # no half-made window for the garbage collector to delete in the middle of Qt's work.
        gc.collect()
        QCoreApplication.processEvents()
        QCoreApplication.processEvents()


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_starting_on_a_damaged_file_shows_why_and_stops(
    qtbot: QtBot, prompts: Any, council: Path, damage: str
) -> None:
    DAMAGES[damage](council)
    prompts.expect_message("error")

    status = _run_until_it_returns(qtbot, council)

    assert status == 1
    [box] = prompts.shown
    assert box.title in ("Coproduce cannot open the database", "Coproduce cannot read the database")
    assert str(council) in box.text
    assert "damaged" in box.text or "not a Coproduce database" in box.text
    assert "Traceback" not in box.text


def test_a_page_damaged_at_start_names_the_backups_and_how_to_put_one_back(
    qtbot: QtBot, prompts: Any, council: Path
) -> None:
    zero_a_page(council)
    prompts.expect_message("error")

    assert _run_until_it_returns(qtbot, council) == 1

    text = prompts.shown[0].text
    assert text.startswith(f"The database {council} is damaged")
    assert str(council.parent / "backups") in text
    assert "coproduce backup" in text


def test_a_damaged_list_shows_a_box_as_soon_as_its_page_is_opened(
    qtbot: QtBot, prompts: Any, council: Path, started_windows: Callable[[Path], MainWindow]
) -> None:
    """Damage only the actions: the window opens (sessions and people read well), and the
    Actions list, loaded when its page is first opened, says it cannot be read."""
    root, _leaves, size = table_pages(council, "actions")
    with council.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(bytes(size))
    prompts.expect_message("error")

    window = started_windows(council)
    assert prompts.shown == [], "the pages that read well open without a word"
    window.show_page("actions")

    qtbot.waitUntil(lambda: len(prompts.shown) == 1, timeout=10_000)
    box = prompts.shown[0]
    assert box.title == "Could not load the list"
    assert box.text.startswith(f"The database {council} is damaged")
    assert window.list_page("actions").count_label.text() == "Could not load the list"


def _damage_while_open(path: Path) -> None:
    """Zero the people table's root page as a failing disk would, while the window runs.

    Everything committed is first moved into the main file, and a change afterwards tells
    every connection that the file changed, so none answers from pages it read before."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    zero_a_page(path)
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE disk_noise (x)")
        connection.execute("DROP TABLE disk_noise")
        connection.commit()
    finally:
        connection.close()


def test_a_list_that_meets_a_damaged_page_shows_a_box(
    qtbot: QtBot, prompts: Any, council: Path, started_windows: Callable[[Path], MainWindow]
) -> None:
    window = started_windows(council)
    people = window.list_page("people")
    window.show_page("people")
    _damage_while_open(council)
    prompts.expect_message("error")

    people.search_field.setText("a")  # the person types a search: the list loads again

    qtbot.waitUntil(lambda: len(prompts.shown) == 1, timeout=10_000)
    box = prompts.shown[0]
    assert box.title == "Could not load the list"
    assert box.text.startswith(f"The database {council} is damaged")
    assert people.count_label.text() == "Could not load the list"
    assert window.isVisible()  # the window carries on: other pages may still be read


def test_a_damaged_page_no_page_caught_is_explained_not_apologised_for(
    qtbot: QtBot, prompts: Any
) -> None:
    reporter = app.ExceptionReporter(app.configure_logging())
    prompts.expect_message("error")
    try:
        raise DatabaseDamagedError("The database /somewhere/council.sqlite3 is damaged: ...")
    except DatabaseDamagedError:
        reporter(*sys.exc_info())  # type: ignore[arg-type]

    qtbot.waitUntil(lambda: len(prompts.shown) == 1, timeout=10_000)
    box = prompts.shown[0]
    assert box.title == "Coproduce cannot use the database"
    assert box.text == "The database /somewhere/council.sqlite3 is damaged: ..."


@pytest.fixture
def started_windows(qtbot: QtBot) -> Any:
    """Windows opened by the real start-up path, closed with their databases afterwards."""
    opened: list[tuple[MainWindow, Database]] = []

    def start(path: Path) -> MainWindow:
        result = app.open_main_window(str(path))
        assert result is not None, "the window should have opened"
        qtbot.addWidget(result[0])
        opened.append(result)
        return result[0]

    yield start
    for window, database in opened:
        window.close()
        app.wait_for_background_work()
        database.close()
