"""Fixtures for the window's tests (pytest-qt).

- ``prompts`` (autouse): every message box goes through ``coproduce.ui.prompts``; here it is
  answered from a script the test writes (``prompts.expect_question(True)``,
  ``prompts.expect_message("error")``). A prompt the test did not script fails the test, and
  so does a scripted prompt that never came: a real modal box would wait for a click forever.
- Qt warnings fail the tests of this folder (a warning is usually a real mistake).
- ``demo_database``: a fresh copy of a SQLite database holding the small example council,
  built once per test run with ``build_demo`` and copied per test.
- ``open_window(services)``: the main window over those services, shown.
- ``private_settings`` (autouse): window sizes, splitters and columns, and any other Qt
  settings, are kept in the test's own folder.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coproduce.app import LOG_HANDLER_NAME
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui import prompts as prompt_module
from coproduce.ui.editing import Editing
from coproduce.ui.main_window import MainWindow
from coproduce.ui.workers import wait_for_background_work

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            # The offscreen platform warns that it cannot resize a window to its hints.
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@dataclass(frozen=True)
class Prompt:
    kind: str  # "error", "information", "question", "go on"...
    title: str
    text: str


class UnexpectedPromptError(AssertionError):
    pass


class ScriptedPrompts:
    """Answers prompts from the test's script, in order, and records what was shown."""

    def __init__(self) -> None:
        self._script: deque[tuple[str, Any]] = deque()
        self.shown: list[Prompt] = []
        self.unexpected: list[Prompt] = []

    def expect_question(self, answer: bool) -> None:
        self._script.append(("question", answer))

    def expect_message(self, kind: str = "error") -> None:
        self._script.append((kind, True))

    def expect_save_choice(self, answer: str) -> None:
        """The next prompt asks Save/Discard/Cancel; answer 'save', 'discard' or 'cancel'."""
        self._script.append(("save choice", answer))

    def expect_go_on(self, answer: bool) -> None:
        """The next prompt asks whether to go on or go back; True goes on."""
        self._script.append(("go on", answer))

    def expect_file(self, answer: Path | None) -> None:
        """The next prompt picks a file; answer with a path, or None for Cancel."""
        self._script.append(("file", answer))

    def expect_save_file(self, answer: Path | None) -> None:
        """The next prompt asks where to save a file; answer with a path, or None for Cancel."""
        self._script.append(("save file", answer))

    def expect_text(self, answer: str | None) -> None:
        """The next prompt asks for a line of text; answer with it, or None for Cancel."""
        self._script.append(("text", answer))

    @property
    def unused(self) -> list[str]:
        return [kind for kind, _answer in self._script]

    def _take(self, kind: str, title: str, text: str) -> Any:
        prompt = Prompt(kind, title, text)
        self.shown.append(prompt)
        if not self._script or self._script[0][0] != kind:
            self.unexpected.append(prompt)
            raise UnexpectedPromptError(
                f"A real {kind} prompt would have opened: {title!r}: {text!r}"
            )
        return self._script.popleft()[1]

    def show_error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._take("error", title, text)

    def show_information(self, parent: QWidget | None, title: str, text: str) -> None:
        self._take("information", title, text)

    def ask_yes_no(
        self, parent: QWidget | None, title: str, text: str, *, default_yes: bool
    ) -> bool:
        return self._take("question", title, text)

    def ask_save_discard_cancel(self, parent: QWidget | None, title: str, text: str) -> Any:
        return self._take("save choice", title, text)

    def ask_to_go_on(
        self, parent: QWidget | None, title: str, text: str, *, go_on: str, go_back: str
    ) -> bool:
        return self._take("go on", title, text)

    def choose_file(
        self, parent: QWidget | None, title: str, start: Path | None, name_filter: str
    ) -> Path | None:
        return self._take("file", title, name_filter)

    def choose_save_file(
        self,
        parent: QWidget | None,
        title: str,
        start: Path | None,
        name_filter: str,
        *,
        confirm_replace: bool = True,
    ) -> Path | None:
        return self._take("save file", title, name_filter)

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str) -> str | None:
        return self._take("text", title, label)


@pytest.fixture(autouse=True)
def prompts() -> Iterator[ScriptedPrompts]:
    scripted = ScriptedPrompts()
    previous = prompt_module.set_handler(scripted)
    yield scripted
    prompt_module.set_handler(previous)
    if scripted.unexpected:
        pytest.fail(f"The test opened prompts it did not expect: {scripted.unexpected}")
    if scripted.unused:
        pytest.fail(f"The test expected prompts that never came: {scripted.unused}")


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> Iterator[Path]:
    """Qt's own settings files (a plain ``QSettings()``) go to the test's folder too; the
    window's sizes and columns already do (``paths.config_dir`` follows COPRODUCE_HOME)."""
    folder = tmp_path / "qt-settings"
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def background_work_finishes() -> Iterator[None]:
    """No worker may outlive its test (and write into the next test's database)."""
    yield
    assert wait_for_background_work(60_000), "background work still running after the test"


@pytest.fixture(autouse=True)
def no_log_file_left_behind() -> Iterator[None]:
    """``app.run`` logs to a file in the test's user folder; later tests must not write there."""
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == LOG_HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    from coproduce.services.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = Database.open(f"sqlite:///{path}")
    try:
        build_demo(database, "small")
    finally:
        database.close()
    return path


@pytest.fixture
def demo_database(tmp_path: Path, demo_template: Path) -> Iterator[Database]:
    """A fresh SQLite database holding the small example council."""
    path = tmp_path / "demo.sqlite3"
    # Through the backup API, not a file copy: the template is a WAL database.
    source = sqlite3.connect(demo_template)
    target = sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    os.chmod(path, 0o600)
    database = Database.open(f"sqlite:///{path}")
    yield database
    wait_for_background_work()
    database.close()


@pytest.fixture
def demo_services(demo_database: Database) -> Services:
    return Services(demo_database, actor="Test Facilitator")


def _forget_unsaved_changes(window: QWidget) -> None:
    assert isinstance(window, MainWindow)
    for entry in window.pages:
        if isinstance(entry.page, Editing) and entry.page.has_unsaved_changes():
            entry.page.discard_changes()


@pytest.fixture
def open_window(qtbot: QtBot) -> Callable[[Services], MainWindow]:
    """Show the main window over some services; it is closed after the test."""

    def show(services: Services) -> MainWindow:
        window = MainWindow(services)
        # Closed by qtbot at teardown: a test that failed half-way through an edit must not
        # then fail again on the "unsaved changes" question (and hide its real failure).
        qtbot.addWidget(window, before_close_func=_forget_unsaved_changes)
        # Shortcuts reach only the active window, as on a desktop.
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return show
