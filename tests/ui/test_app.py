"""Starting the program: which database opens, the first-launch offer, and errors without
tracebacks."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from coproduce import app, paths
from coproduce.domain.records import Group, Person
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.main_window import MainWindow


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[list[tuple[MainWindow, Database]]]:
    """Windows opened by ``app.open_main_window``; closed with their databases afterwards."""
    opened: list[tuple[MainWindow, Database]] = []
    yield opened
    for window, database in opened:
        window.close()
        app.wait_for_background_work()
        database.close()


def start(qtbot: QtBot, started: list, cli_value: str | None) -> MainWindow:
    result = app.open_main_window(cli_value)
    assert result is not None, "the window should have opened"
    qtbot.addWidget(result[0])
    started.append(result)
    return result[0]


def sessions_shown(window: MainWindow) -> int:
    return window.list_page("sessions").table.model().rowCount()


def test_first_launch_offers_the_example_council_and_loads_it_on_yes(
    qtbot: QtBot, prompts: Any, started: list
) -> None:
    prompts.expect_question(True)

    window = start(qtbot, started, None)

    question = prompts.shown[0]
    assert question.text.startswith(
        "This database is empty. Load the example council so you can look around?"
    )
    with qtbot.waitSignal(window.example_council_loaded, timeout=120_000):
        pass
    assert sessions_shown(window) == 12
    # The window is on the example's next session, not on a blank "New session" form.
    sessions = window.list_page("sessions")
    assert sessions.selected_record() is not None
    assert sessions.selected_record() == window.context.services.meetings.starting_session()
    assert not sessions.has_unsaved_changes()
    assert window.list_page("people").table.model().rowCount() > 0
    dashboard = window.page("dashboard")
    with qtbot.waitSignal(dashboard.loaded, timeout=30_000):  # type: ignore[attr-defined]
        window.show_page("dashboard")
    involved = dashboard.figures()["People involved in the last 12 months"]  # type: ignore[attr-defined]
    assert involved not in ("", "–", "0")


def test_first_launch_loads_nothing_when_the_answer_is_no(
    qtbot: QtBot, prompts: Any, started: list
) -> None:
    prompts.expect_question(False)

    window = start(qtbot, started, None)

    assert len(prompts.shown) == 1
    qtbot.wait(50)  # give any (wrongly) started work a chance to report
    assert sessions_shown(window) == 0
    assert window.list_page("people").table.model().rowCount() == 0
    assert window.list_page("sessions").count_label.text() == "No sessions yet"
    assert window.database_is_empty()


def test_a_new_database_given_with_db_is_offered_the_example_too(
    qtbot: QtBot, tmp_path: Path, prompts: Any, started: list
) -> None:
    prompts.expect_go_on(True)
    prompts.expect_question(False)

    window = start(qtbot, started, str(tmp_path / "team.sqlite3"))

    assert [p.title for p in prompts.shown] == [
        "Make a new database?",
        "Load the example council?",
    ]
    assert window.database_is_empty()
    assert str(tmp_path / "team.sqlite3") in window.database_label.text()


def test_a_new_database_named_in_coproduce_db_is_offered_the_example_too(
    qtbot: QtBot, tmp_path: Path, prompts: Any, started: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPRODUCE_DB", str(tmp_path / "trial.sqlite3"))
    prompts.expect_go_on(True)
    prompts.expect_question(False)

    window = start(qtbot, started, None)

    assert [p.title for p in prompts.shown] == [
        "Make a new database?",
        "Load the example council?",
    ]
    assert str(tmp_path / "trial.sqlite3") in window.database_label.text()


def test_a_mistyped_db_path_is_asked_about_and_no_makes_nothing(
    qtbot: QtBot, tmp_path: Path, prompts: Any
) -> None:
    # Issue 13, finding 10: the folders and an empty database were made without a word.
    typo = tmp_path / "Carers Froum" / "forum.sqlite3"
    prompts.expect_go_on(False)
    prompts.expect_message("information")

    status = app.run(str(typo))

    assert status == 1
    question, told = prompts.shown
    assert question.title == "Make a new database?"
    assert f"There is no database at {typo}." in question.text
    assert f"The folder {typo.parent} does not exist either" in question.text
    assert told.title == "No database was made"
    assert f"Nothing was created at {typo}" in told.text
    assert not typo.parent.exists()


def test_an_empty_file_given_with_db_is_asked_about_before_it_becomes_a_database(
    qtbot: QtBot, tmp_path: Path, prompts: Any
) -> None:
    empty = tmp_path / "forum.sqlite3"
    empty.touch()
    prompts.expect_go_on(False)
    prompts.expect_message("information")

    assert app.open_main_window(str(empty)) is None

    assert f"The file {empty} is empty: it holds no Coproduce data" in prompts.shown[0].text
    assert empty.stat().st_size == 0


def test_yes_makes_the_folders_and_the_new_database(
    qtbot: QtBot, tmp_path: Path, prompts: Any, started: list
) -> None:
    new = tmp_path / "Team drive" / "Forum" / "forum.sqlite3"
    prompts.expect_go_on(True)
    prompts.expect_question(False)

    window = start(qtbot, started, str(new))

    assert new.is_file() and window.database_is_empty()
    assert str(new) in window.database_label.text()


def test_a_database_in_use_given_with_db_is_not_offered_the_example(
    qtbot: QtBot, tmp_path: Path, started: list
) -> None:
    database = Database.open(f"sqlite:///{tmp_path / 'team.sqlite3'}")
    Services(database).people.create(Person(display_name="Ann Patel"))
    database.close()

    # The autouse prompt guard fails this test if any question is asked.
    window = start(qtbot, started, str(tmp_path / "team.sqlite3"))

    assert not window.database_is_empty()


def test_a_default_database_in_use_is_not_offered_the_example(qtbot: QtBot, started: list) -> None:
    database = Database.open(paths.default_database_url())
    Services(database).groups.create(Group(name="Carers' forum"))
    database.close()

    window = start(qtbot, started, None)

    assert not window.database_is_empty()


def test_a_file_that_is_not_a_database_is_explained_and_the_exit_status_is_1(
    tmp_path: Path, prompts: Any
) -> None:
    not_a_database = tmp_path / "minutes.docx"
    not_a_database.write_bytes(b"PK\x03\x04 this is a Word document, not a database")
    prompts.expect_message("error")

    status = app.run(str(not_a_database))

    assert status == 1
    message = prompts.shown[0]
    assert message.title == "Coproduce cannot open the database"
    assert str(not_a_database) in message.text
    assert "not a Coproduce database" in message.text
    assert "Traceback" not in message.text


def test_a_database_from_a_newer_coproduce_is_refused_with_a_message(
    tmp_path: Path, prompts: Any
) -> None:
    newer = tmp_path / "newer.sqlite3"
    database = Database.open(f"sqlite:///{newer}")
    database.close()
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    prompts.expect_message("error")

    assert app.run(str(newer)) == 1
    assert "newer version of Coproduce" in prompts.shown[0].text


def test_an_unexpected_error_is_logged_and_the_user_sees_an_apology_naming_the_log(
    prompts: Any,
) -> None:
    log_file = app.configure_logging()
    reporter = app.ExceptionReporter(log_file)
    prompts.expect_message("error")
    try:
        raise RuntimeError(" ".join(("the", "flux", "capacitor", "is", "empty")))
    except RuntimeError:
        reporter(*sys.exc_info())  # type: ignore[arg-type]

    apology = prompts.shown[0]
    assert apology.title == "Something went wrong"
    assert str(log_file) in apology.text
    assert "Traceback" not in apology.text
    assert log_file.parent == paths.log_dir()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged
    assert "\nRuntimeError\n" in logged
    assert "flux capacitor" not in logged, "an error's message can hold personal text"
    assert log_file.stat().st_mode & 0o777 == 0o600, "the log is private to the user"
