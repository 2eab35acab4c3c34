"""The window program's composition root: builds the application, the database, the services
and the main window, and decides what happens when something goes wrong.

- A database that cannot be opened (not a Coproduce file, too new, server unreachable) or
  read (a damaged page met while the first window is made) is explained in a message box
  and the program exits with status 1: never a traceback, never a silent exit.
- A database problem met later (a list meeting a damaged page) is shown in a box with its
  own message; the window carries on.
- An unexpected error while running is written, with its traceback, to the log file in the
  user's log folder, and the user sees a short apology naming that file.
- The default database is made quietly on a first launch. A path given with ``--db`` or
  ``COPRODUCE_DB`` where there is no database (a typing mistake, a drive not connected) is
  asked about first: "No" makes nothing, says so, and exits with status 1.
- Whenever the database is empty (no groups and no people: the default one on a first
  launch, or a new file made at a path given with ``--db`` or ``COPRODUCE_DB``) the program
  offers to load the example council, so a new user has something to look around.
- File > Open database... replaces the window with one on another database
  (``MainWindow.database_switched``); the program then follows the new window, and closes
  its database at the end.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path
from types import TracebackType

# Before anything can import qtawesome (QtPy picks its Qt binding when first imported).
os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtWidgets import QApplication

from coproduce import APP_NAME, __version__, paths
from coproduce.domain.errors import CoproduceError, DatabaseError, DatabaseNotFoundError
from coproduce.domain.log_privacy import PrivateFormatter, describe_error
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui import prompts
from coproduce.ui.main_window import MainWindow, database_is_empty, make_main_window
from coproduce.ui.new_database import may_make_new_database
from coproduce.ui.workers import wait_for_background_work

log = logging.getLogger(__name__)

LOG_FILE_NAME = "coproduce.log"
LOG_FILE_BYTES = 1_000_000
LOG_FILES_KEPT = 5
ORGANISATION_NAME = "Coproduce"
LOG_HANDLER_NAME = "coproduce-log-file"


def run(database_url: str | None) -> int:
    """Open the window on ``database_url`` (or the usual one) and run until it closes.

    Returns the exit status: 0 after a normal quit, 1 when the database could not be opened.
    """
    application = application_instance()
    log_file = configure_logging()
    started = open_main_window(database_url)
    if started is None:
        return 1
    window, database = started
    previous_hook = sys.excepthook
    reporter = ExceptionReporter(log_file, window)
    sys.excepthook = reporter
    follow_switches(window, reporter)
    try:
        status = application.exec()
    finally:
        sys.excepthook = previous_hook
        wait_for_background_work()
        database.close()
        latest = reporter.window
        if latest is not None and latest is not window:
            latest.close_database()
    log.info("Coproduce closed with status %s", status)
    return int(status)


def application_instance() -> QApplication:
    """The QApplication, created on first use and named so Qt files things under our name."""
    application = QApplication.instance()
    if application is None:
        application = QApplication(sys.argv[:1])
    assert isinstance(application, QApplication)
    application.setApplicationName(APP_NAME)
    application.setOrganizationName(ORGANISATION_NAME)
    application.setApplicationVersion(__version__)
    return application


def open_main_window(cli_value: str | None) -> tuple[MainWindow, Database] | None:
    """Open the database and show the window on it, or explain why not and return None."""
    url = paths.resolve_database_url(cli_value)
    # Only the usual file is made without asking: a new user's first launch.
    quietly = url == paths.default_database_url()
    try:
        try:
            database = Database.open(url, create=quietly)
        except DatabaseNotFoundError as missing:
            if not may_make_new_database(None, missing):
                return None
            database = Database.open(url)
    except CoproduceError as exc:
        log.warning("Could not open the database: %s", describe_error(exc))
        prompts.show_error(None, "Coproduce cannot open the database", str(exc))
        return None
    log.info("Opened %s", database.display_name)
    if database.migration and database.migration.backup_path:
        log.info("Backup before upgrading: %s", database.migration.backup_path)
    services = Services(database, actor=os.environ.get("COPRODUCE_USER") or None)
    try:
        # The first reads come before the window: a database damaged where every start
        # reads is explained in one box, with nothing built behind it.
        empty = database_is_empty(services)
        window = make_main_window(services)
    except CoproduceError as exc:
        database.close()
        log.warning("Could not read the database: %s", describe_error(exc))
        prompts.show_error(None, "Coproduce cannot read the database", str(exc))
        return None
    window.show()
    if empty:
        window.offer_example_council()
    return window, database


def follow_switches(window: MainWindow, reporter: ExceptionReporter) -> None:
    """Keep the error reporter on the window in use when File > Open database... replaces it
    with a window on another database (and on the next one, and so on)."""

    def switched(new_window: MainWindow) -> None:
        reporter.window = new_window
        follow_switches(new_window, reporter)

    window.database_switched.connect(switched)


def configure_logging() -> Path:
    """Send the program's log to a rotating file in the user's log folder; returns its path.

    Calling it again (another user folder, in tests) replaces the earlier file handler.
    """
    log_file = paths.log_dir() / LOG_FILE_NAME
    root = logging.getLogger()
    for existing in list(root.handlers):
        if existing.get_name() == LOG_HANDLER_NAME:
            root.removeHandler(existing)
            existing.close()
    # The log names record types and ids, never people or their words (PrivateFormatter);
    # still private to the user, like the database (rotated files are renamed, keeping the mode).
    os.close(os.open(log_file, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))
    os.chmod(log_file, 0o600)
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILES_KEPT, encoding="utf-8"
    )
    handler.set_name(LOG_HANDLER_NAME)
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return log_file


class ExceptionReporter:
    """``sys.excepthook`` for the window: log the traceback, apologise, keep running."""

    def __init__(self, log_file: Path, window: MainWindow | None = None) -> None:
        self.log_file = log_file
        self.window = window
        self._reporting = False

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, traceback)
            return
        if isinstance(error, CoproduceError):
            self._explain(error)
            return
        log.error("Unexpected error", exc_info=(kind, error, traceback))
        if self._reporting:
            # An error while the apology is on screen: logged, but one box is enough.
            return
        self._reporting = True
        try:
            prompts.show_error(
                self.window,
                "Something went wrong",
                "Sorry: Coproduce ran into a problem it did not expect. What you had saved is "
                "safe; the last thing you did may not have finished.\n\n"
                f"The details are in {self.log_file}. If it happens again, please send that "
                "file to whoever supports Coproduce for you.",
            )
        finally:
            self._reporting = False

    def _explain(self, error: CoproduceError) -> None:
        """An expected problem no part of the window caught (a damaged page met while a
        page loads): its own message says what to do, so show that, not an apology."""
        log.warning("Not done: %s", type(error).__name__)
        title = (
            "Coproduce cannot use the database"
            if isinstance(error, DatabaseError)
            else "That did not work"
        )
        prompts.show_error_soon(self.window, title, str(error))
