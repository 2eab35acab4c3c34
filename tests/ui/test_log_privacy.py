"""The log every error box asks people to send to support names record types, ids and error
classes, never names or what people said: each flow that used to leak is run with
distinctive words, then the real log file is read back."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coproduce import app
from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import Group, Meeting, Person, replace
from coproduce.domain.vocabulary import AttendanceStatus
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.store.database import Database
from coproduce.store.orm import PersonRow
from coproduce.store.unit_of_work import Store
from coproduce.ui.capture import CaptureView
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.main_window import MainWindow
from coproduce.ui.pages.people_page import PeoplePage
from coproduce.ui.workers import run_in_background

SAID = "My son Tobias was sectioned after the overdose in May"
NAME = "Ravenscar Quillfeather"
PRIVATE_WORDS = ("Tobias", "sectioned", "overdose", "Ravenscar", "Quillfeather")
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
popups = pytest.mark.qt_log_ignore(
    "does not support raise", "grabbing the keyboard", "propagateSizeHints"
)


@pytest.fixture
def log_file() -> Path:
    return app.configure_logging()


def logged(log_file: Path) -> str:
    text = log_file.read_text(encoding="utf-8")
    leaked = [word for word in PRIVATE_WORDS if word.lower() in text.lower()]
    assert leaked == [], f"personal words in the log: {leaked}\n{text}"
    return text


@popups
def test_a_capture_whose_undo_fails_is_logged_without_its_words(
    qtbot: QtBot, services: Services, log_file: Path, prompts: Any
) -> None:
    group = services.groups.create(Group(name="Carers' Forum"))
    person = services.people.create(Person(display_name=NAME))
    services.groups.add_member(group.id, person.id, date(2025, 1, 1))
    starts = datetime(2026, 3, 12, 10)
    session = services.meetings.create(
        Meeting(
            group_id=group.id,
            title="March forum",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
        )
    )
    services.meetings.mark_attendance(session.id, person.id, AttendanceStatus.PRESENT)
    view = CaptureView(WindowContext(services, QUndoStack(), DataChanges()), session.id)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    qtbot.keyClicks(view.speaker_box, "group")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Return)
    view.text_box.setText(SAID)
    qtbot.keyClick(view.text_box, Qt.Key.Key_Return)
    [captured] = services.contributions.list(ContributionFilter(meeting_id=session.id)).items
    services.contributions.delete(captured.id)  # a colleague deleted it meanwhile

    prompts.expect_message("error")
    qtbot.keyClick(view.speaker_box, Qt.Key.Key_Z, CTRL)

    assert "Tobias" in prompts.shown[-1].text, "the person at the screen is still told which"
    text = logged(log_file)
    assert "Could not undo a change to contribution: " in text
    assert f"NotFoundError (Contribution {captured.id})" in text


def test_an_undo_refused_by_a_conflict_and_a_failed_redo_of_a_delete_log_no_name(
    qtbot: QtBot,
    open_window: Callable[[Services], MainWindow],
    sqlite_database: Database,
    log_file: Path,
    prompts: Any,
) -> None:
    services = Services(sqlite_database, actor="Sam Facilitator")
    person = services.people.create(Person(display_name=NAME))
    window = open_window(services)
    window.show_page("people", focus=True)
    page = window.list_page("people")
    assert isinstance(page, PeoplePage)
    mine = services.people.update(replace(person, organisation="Carers Centre"))
    page.editor._push_undo(person, mine)  # what a save through the editor pushes
    services.people.update(replace(mine, phone="0123 456"))  # a colleague's save
    prompts.expect_message("error")
    window.undo_stack.undo()  # "Edit Ravenscar Quillfeather" refused
    assert "changed by someone else" in prompts.shown[-1].text

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home, CTRL)
    prompts.expect_question(True)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # "Delete Ravenscar Quillfeather"
    assert services.people.list().total == 0
    window.undo_stack.undo()
    restored = services.people.get(person.id)
    services.people.delete(restored.id, restored.version)  # a colleague deletes them again
    prompts.expect_message("error")
    window.undo_stack.redo()

    text = logged(log_file)
    assert "Could not undo a change to person: " in text
    assert f"ConflictError (Person {person.id})" in text
    assert "Could not redo a change to person: " in text
    assert f"NotFoundError (Person {person.id})" in text


def _database_error(database: Database) -> CoproduceError:
    """A real failed insert of a person without a required column; PostgreSQL's message
    quotes the failing row, name and all ("Failing row contains (...)")."""
    try:
        with Store(database).transaction() as unit:
            unit.session.add(PersonRow(display_name=NAME, sort_name=SAID.lower()))
    except CoproduceError as error:
        if not database.is_sqlite:
            assert NAME in str(error.__cause__), "PostgreSQL quotes the row"
        return error
    raise AssertionError("the person was saved without a required column")


def test_a_database_error_and_the_unexpected_error_box_log_no_personal_text(
    database: Database, log_file: Path, prompts: Any
) -> None:
    refused = _database_error(database)
    reporter = app.ExceptionReporter(log_file)
    prompts.expect_message("error")
    try:
        raise RuntimeError(f"could not file {SAID!r} for {NAME}") from refused
    except RuntimeError:
        reporter(*sys.exc_info())  # type: ignore[arg-type]

    assert prompts.shown[0].title == "Something went wrong"
    text = logged(log_file)
    assert "Integrity error: sqlalchemy.exc.IntegrityError" in text
    # The traceback keeps its frames and every error's class, for support to go on.
    assert "Traceback (most recent call last)" in text
    assert "test_log_privacy.py" in text
    assert "sqlalchemy.exc.IntegrityError (" in text
    assert "coproduce.domain.errors.ValidationError" in text
    assert "\nRuntimeError\n" in text
    assert "INSERT INTO people" not in text, "the statement holds the values"


def test_background_work_refused_with_a_named_conflict_logs_only_type_and_id(
    qtbot: QtBot, services: Services, log_file: Path, prompts: Any
) -> None:
    person = services.people.create(Person(display_name=NAME))
    services.people.update(replace(person, phone="0123 456"))  # a colleague's save
    stale = replace(person, organisation="Carers Centre")
    parent = QWidget()
    qtbot.addWidget(parent)
    prompts.expect_message("error")
    save = run_in_background(parent, lambda: services.people.update(stale), on_success=print)
    with qtbot.waitSignal(save.finished, timeout=30_000):
        pass

    assert NAME in prompts.shown[-1].text, "the facilitator is told whose record it was"
    text = logged(log_file)
    assert (
        f"Background work refused: coproduce.domain.errors.ConflictError (Person {person.id})"
        in text
    )


def test_a_file_error_is_logged_by_its_errno_not_its_file_name(
    tmp_path: Path, log_file: Path, prompts: Any
) -> None:
    reporter = app.ExceptionReporter(log_file)
    prompts.expect_message("error")
    try:
        (tmp_path / f"{NAME}.docx").read_bytes()
    except OSError:
        reporter(*sys.exc_info())  # type: ignore[arg-type]

    assert "\nFileNotFoundError (ENOENT)\n" in logged(log_file)
