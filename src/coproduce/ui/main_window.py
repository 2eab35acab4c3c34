"""The main window: navigation on the left, one page at a time, the open database below.

Pages: Sessions, People, Groups, Documents, Actions, Dashboard. The navigation list is reached
and driven by keyboard (arrow keys move between pages; Ctrl+1 to Ctrl+6 jump to one from
anywhere). The window talks to the database only through ``Services``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from coproduce import APP_NAME, __version__
from coproduce.domain.errors import CoproduceError, DatabaseNotFoundError
from coproduce.domain.log_privacy import describe_error
from coproduce.services import Services
from coproduce.ui import accessibility, icons, prompts, window_state
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.menu_keys import reach_the_menus_by_keyboard
from coproduce.ui.new_database import may_make_new_database
from coproduce.ui.pages.list_page import ListPage
from coproduce.ui.widgets.recent_databases import RecentDatabases, RecentDatabasesMenu, file_of
from coproduce.ui.workers import Operation, run_in_background, wait_for_background_work

if TYPE_CHECKING:
    from coproduce.services.search import SearchResult
    from coproduce.ui.easyread.glossary_dialog import GlossaryDialog
    from coproduce.ui.exports.table_export_dialog import TableExportDialog
    from coproduce.ui.printing.contact_dialog import ContactDialog
    from coproduce.ui.printing.export_dialog import DocumentJob, ExportDialog
    from coproduce.ui.printing.report_chooser import ReportChooser
    from coproduce.ui.search.search_dialog import SearchDialog
    from coproduce.ui.shortcuts_dialog import KeyboardShortcutsDialog, ShortcutGroup

# Dialogs, exports and pages other than the first are imported where they are first opened:
# the window shows before python-docx, openpyxl and the other pages' modules load (issue 12).

log = logging.getLogger(__name__)

DEMO_SIZE = "small"
DATABASE_FILES = "Coproduce databases (*.sqlite3 *.sqlite *.db);;All files (*)"
NEW_DATABASE_NAME = "new council.sqlite3"
SERVER_ADDRESS_START = "postgresql+psycopg://"

EMPTY_DATABASE_QUESTION = (
    "This database is empty. Load the example council so you can look around?\n\n"
    "The example is made up: a small council with its groups, people, sessions, documents "
    "and actions. Nobody in it is real."
)


@dataclass(slots=True)
class PageEntry:
    """A page of the window: its class is imported and the page built (``page``) the first
    time it is shown or asked for, and its list loaded then."""

    key: str
    label: str
    module: str
    """The module under ``coproduce.ui.pages`` that holds the page's class."""
    class_name: str
    page: QWidget | None = None


def database_is_empty(services: Services) -> bool:
    """No groups and no people: a database nobody has started using."""
    return services.groups.list(limit=0).total == 0 and services.people.list(limit=0).total == 0


def make_main_window(services: Services) -> MainWindow:
    """A new main window over ``services``. If its pages cannot read the database (a damaged
    page), the half-made window is deleted at once and the ``CoproduceError`` raised.

    Made in two steps so that the half-made window can be reached. Dropped, it was deleted
    whenever the garbage collector next ran (its signal connections hold it in cycles), in
    the middle of whatever Qt was doing then: its event filters ran without their Python
    half, or the process crashed."""
    window = MainWindow.__new__(MainWindow)
    try:
        window.__init__(services)  # type: ignore[misc]
    except CoproduceError:
        wait_for_background_work()
        prompts.cancel_errors_soon()  # its lists' boxes: the error raised says it all
        if shiboken6.isValid(window):
            shiboken6.delete(window)
        raise
    return window


class MainWindow(QMainWindow):
    """The program's one main window.

    Signals:
        example_council_loaded(): the example council is in the database and on the pages.
        database_switched(object): File > Open database... (or New, or Recent) opened another
            database in a new window (the ``MainWindow`` sent), which took this one's place.
    """

    example_council_loaded = Signal()
    database_switched = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        accessibility.install()
        self._services = services
        self._icons_added = False
        self._example_operation: Operation | None = None
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        # A first start fills a laptop's screen at most; later starts come back as left.
        room = self.screen().availableGeometry()
        self.resize(min(1280, room.width()), min(800, room.height()))
        window_state.remember(self, "main window")

        self.undo_stack = QUndoStack(self)
        self.changes = DataChanges(self)
        self.context = WindowContext(services, self.undo_stack, self.changes)
        self._icons_shown = False
        self.pages = [
            PageEntry("sessions", self.tr("Sessions"), "sessions_page", "SessionsPage"),
            PageEntry("people", self.tr("People"), "people_page", "PeoplePage"),
            PageEntry("groups", self.tr("Groups"), "groups_page", "GroupsPage"),
            PageEntry("documents", self.tr("Documents"), "documents_page", "DocumentsPage"),
            PageEntry("actions", self.tr("Actions"), "actions_page", "ActionsPage"),
            PageEntry("dashboard", self.tr("Dashboard"), "dashboard_page", "DashboardPage"),
        ]

        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setAccessibleDescription(
            self.tr("Choose a page with the arrow keys, or press Ctrl+1 to Ctrl+%d anywhere.")
            % len(self.pages)
        )
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setSpacing(2)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Current page"))
        for number, entry in enumerate(self.pages, start=1):
            item = QListWidgetItem(entry.label)
            item.setToolTip(self.tr("%s (Ctrl+%d)") % (entry.label, number))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, entry.label)
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 18))
            self.navigation.addItem(item)
            # A stand-in until the page is first shown (``page()`` builds it).
            self.stack.addWidget(QWidget())
        widest = max(self.fontMetrics().horizontalAdvance(e.label) for e in self.pages)
        self.navigation.setFixedWidth(widest + 80)
        self.navigation.currentRowChanged.connect(self._navigate_to)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel(self.tr("Database: %s") % services.database.display_name)
        self.database_label.setAccessibleName(self.tr("Database in use"))
        self.database_label.setAccessibleDescription(self.database_label.text())
        self.database_label.setToolTip(self.database_label.text())
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().setAccessibleName(self.tr("Status"))

        self.recent_databases = RecentDatabases()
        self.recent_databases.remember(services.database.address)
        self.replaced_by: MainWindow | None = None
        """The window that took this one's place on another database, once it has."""
        self._closing_for_another = False
        self._build_menus()
        self.menus_action = reach_the_menus_by_keyboard(self)
        # Only the first page is built (and its list loaded) now; the others when shown.
        self.page("sessions")
        self.navigation.setCurrentRow(0)
        # The keyboard starts in the sessions list, on the session the page opened (Ctrl+N
        # plans one from there when there is none).
        self.list_page("sessions").table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- pages ---------------------------------------------------------------------------

    # --- search -------------------------------------------------------------------------

    def open_search(self) -> SearchDialog:
        """Search contributions, sessions and documents (Ctrl+F); Enter opens the result."""
        from coproduce.ui.search.search_dialog import SearchDialog

        dialog = SearchDialog(self._services, self)
        dialog.open_requested.connect(self.open_search_result)
        dialog.open()
        return dialog

    def open_search_result(self, result: SearchResult) -> None:
        """Show what was found: a contribution selected in its session's tidy-up, a session,
        or a document."""
        from coproduce.services.search import ResultKind

        if result.kind is ResultKind.CONTRIBUTION and result.meeting_id is not None:
            self.open_contribution(result.meeting_id, result.record_id)
            return
        if result.meeting_id is not None:
            key, record_id = "sessions", result.meeting_id
        elif result.document_id is not None:
            key, record_id = "documents", result.document_id
        else:
            return
        self.show_page(key)
        if self.current_page_key != key:  # the person stayed to save their changes
            return
        page = self.list_page(key)
        if not page.show_record_id(record_id):
            self.statusBar().showMessage(
                self.tr("The record found is not in the list as it is filtered now."), 8_000
            )

    def open_contribution(self, meeting_id: int, contribution_id: int) -> None:
        """Open the session's tidy-up with the contribution selected in it."""
        self.show_page("sessions")
        page = self.list_page("sessions")
        if self.current_page_key != "sessions" or not page.show_record_id(meeting_id):
            self.statusBar().showMessage(
                self.tr("The session of what was found is not in the list as it is filtered now."),
                8_000,
            )
            return
        page.tidy_up_session()  # type: ignore[attr-defined]
        tidy = getattr(page, "tidy_up_view", None)
        if (
            tidy is None
            or tidy.meeting_id != meeting_id
            or not tidy.open_contribution(contribution_id)
        ):
            self.statusBar().showMessage(
                self.tr("The contribution found could not be shown in its session's tidy-up."),
                8_000,
            )

    def _step_history(self, step: Callable[[], None]) -> None:
        """Undo or redo, once unsaved typing that the step could overtake is settled: on the
        page shown, and in an open tidy-up window (it shares this window's history)."""
        if not may_leave(self.stack.currentWidget()):
            return
        tidy = getattr(self.page("sessions"), "tidy_up_view", None)
        if tidy is not None and not tidy.may_leave_editing():
            return
        step()

    def _navigate_to(self, row: int) -> None:
        """Switch page, unless the page being left holds unsaved changes the person keeps."""
        if row == self.stack.currentIndex() or row < 0:
            return
        if not may_leave(self.stack.currentWidget()):
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(self.stack.currentIndex())
            self.navigation.blockSignals(False)
            return
        self.page(self.pages[row].key)
        self.stack.setCurrentIndex(row)

    def page(self, key: str) -> QWidget:
        """The page called ``key``, built (and its list loaded) if this is its first use."""
        index = next((i for i, e in enumerate(self.pages) if e.key == key), None)
        if index is None:
            raise KeyError(key)
        entry = self.pages[index]
        if entry.page is None:
            entry.page = self._build_page(entry, index)
        return entry.page

    def _build_page(self, entry: PageEntry, index: int) -> QWidget:
        module = importlib.import_module(f"coproduce.ui.pages.{entry.module}")
        page: QWidget = getattr(module, entry.class_name)(self.context)
        stand_in = self.stack.widget(index)
        shown = self.stack.currentWidget()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if shown is stand_in:
            self.stack.setCurrentIndex(index)
        else:
            self.stack.setCurrentWidget(shown)
        # Its splitters and columns as the person left them, as for a page built at the start.
        window_state.adopt(self, page)
        if entry.key == "dashboard":
            page.session_chosen.connect(self.show_session)  # type: ignore[attr-defined]
        if self._icons_shown:
            self._add_search_icon(page)
        page.refresh()  # type: ignore[attr-defined]
        return page

    def built_pages(self) -> list[QWidget]:
        """The pages built so far (shown at least once, or asked for)."""
        return [entry.page for entry in self.pages if entry.page is not None]

    @property
    def current_page_key(self) -> str:
        return self.pages[self.stack.currentIndex()].key

    def show_page(self, key: str, *, focus: bool = False) -> None:
        """Bring a page forward; with ``focus`` the keyboard goes to it (its search box)."""
        index = next(i for i, e in enumerate(self.pages) if e.key == key)
        self.navigation.setCurrentRow(index)
        if focus and self.stack.currentIndex() == index:  # not if the person stayed to save
            self.page(key).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def refresh(self) -> None:
        """Read every page again from the database (after a change, or on F5); pages not
        built yet read it when first shown."""
        for page in self.built_pages():
            page.refresh()  # type: ignore[attr-defined]

    def list_page(self, key: str) -> ListPage:
        page = self.page(key)
        assert isinstance(page, ListPage)
        return page

    # --- the example council -------------------------------------------------------------

    def database_is_empty(self) -> bool:
        """No groups and no people: a database nobody has started using."""
        return database_is_empty(self._services)

    def offer_example_council(self) -> bool:
        """Ask whether to load the example council; load it if the answer is yes."""
        if not prompts.ask_yes_no(
            self,
            self.tr("Load the example council?"),
            self.tr(EMPTY_DATABASE_QUESTION),
            default_yes=True,
        ):
            return False
        self.load_example_council()
        return True

    def load_example_council(self) -> Operation:
        # Imported here: the builder is only needed on a first launch.
        from coproduce.services.demo import build_demo

        database = self._services.database
        # Dated from today, so the example's last sessions are still to come, as in real life.
        today = self._services.groups.today()
        self.statusBar().showMessage(self.tr("Loading the example council..."))
        self._example_operation = run_in_background(
            self,
            lambda: build_demo(database, DEMO_SIZE, today=today),
            on_success=self._example_council_loaded,
            on_failure=self._example_council_failed,
            busy_text=self.tr("Loading the example council. This takes a few seconds."),
        )
        return self._example_operation

    def _example_council_loaded(self, _summary: object) -> None:
        self._example_operation = None
        self.refresh()
        self.statusBar().showMessage(self.tr("The example council is loaded."), 10_000)
        self.example_council_loaded.emit()

    def _example_council_failed(self, error: BaseException) -> None:
        self._example_operation = None
        self.statusBar().clearMessage()
        self.refresh()
        log.error("The example council could not be loaded", exc_info=error)
        prompts.show_error(
            self,
            self.tr("The example council was not loaded"),
            self.tr(
                "Coproduce could not load the example council: %s\n\n"
                "Your database is as it was. You can start adding your own groups and people."
            )
            % error,
        )

    def show_session(self, meeting_id: int) -> None:
        """Show a session on the Sessions page, chosen in its list (from the dashboard's
        sessions to write up)."""
        self.show_page("sessions")
        if self.current_page_key != "sessions":  # the person stayed to save their changes
            return
        page = self.page("sessions")
        if page.open_session(meeting_id):  # type: ignore[attr-defined]
            page.table.setFocus(Qt.FocusReason.OtherFocusReason)  # type: ignore[attr-defined]

    # --- other databases (File menu) ----------------------------------------------------

    def _build_database_menu(self, file_menu: QMenu) -> None:
        # No Ctrl+O: on the Documents page it opens the document's own file.
        file_menu.addAction(
            self._action(self.tr("&Open database..."), None, self.choose_database_file)
        )
        file_menu.addAction(
            self._action(self.tr("&New database..."), None, self.choose_new_database)
        )
        file_menu.addAction(
            self._action(
                self.tr("Open a &shared database on a server..."),
                None,
                self.choose_server_database,
            )
        )
        self.recent_menu = RecentDatabasesMenu(
            self.recent_databases, self._services.database.address, file_menu
        )
        self.recent_menu.chosen.connect(self.open_recent_database)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                self.tr("&Load the example council"), None, self.load_example_council_if_empty
            )
        )

    def _database_folder(self) -> Path | None:
        path = self._services.database.sqlite_path
        return path.parent if path is not None else None

    def choose_database_file(self) -> MainWindow | None:
        """Open another database file, chosen in a file chooser (unsaved work first)."""
        if not self._ready_to_let_go():
            return None
        path = prompts.choose_file(
            self, self.tr("Open a database"), self._database_folder(), DATABASE_FILES
        )
        if path is None:
            return None
        return self.open_database(f"sqlite:///{path}")

    def choose_new_database(self) -> MainWindow | None:
        """Start a new, empty database file (and offer it the example council)."""
        if not self._ready_to_let_go():
            return None
        folder = self._database_folder()
        path = prompts.choose_save_file(
            self,
            self.tr("New database"),
            folder / NEW_DATABASE_NAME if folder else None,
            DATABASE_FILES,
            confirm_replace=False,
        )
        if path is None:
            return None
        if path.suffix == "":
            path = path.with_suffix(".sqlite3")
        if path.exists():
            prompts.show_error(
                self,
                self.tr("That file already exists"),
                self.tr(
                    "There is already a file called %s, so no new database was made there. "
                    "Choose another name, or open that file with File > Open database."
                )
                % path,
            )
            return None
        return self.open_database(f"sqlite:///{path}", create=True)

    def choose_server_database(self) -> MainWindow | None:
        """Open a team's shared database on a PostgreSQL server, by its address."""
        if not self._ready_to_let_go():
            return None
        address = prompts.ask_text(
            self,
            self.tr("Open a shared database"),
            self.tr(
                "The address of the database on the server, for example\n"
                "postgresql+psycopg://name@server/coproduce\n"
                "(your IT team can give it to you; it is remembered without the password)."
            ),
            SERVER_ADDRESS_START,
        )
        if address is None or address.strip() in ("", SERVER_ADDRESS_START):
            return None
        return self.open_database(address.strip())

    def open_recent_database(self, address: str) -> MainWindow | None:
        """Open a database from File > Recent databases; a file that has gone is explained
        and taken off the list (it is never made again, empty, where it was)."""
        file = file_of(address)
        if file is not None and not file.exists():
            self.recent_databases.forget(address)
            prompts.show_information(
                self,
                self.tr("The database file is missing"),
                self.tr(
                    "%s is no longer there: it may have been moved, renamed or deleted, or be "
                    "on a drive that is not connected. It has been taken off the list. If you "
                    "know where it is now, open it with File > Open database."
                )
                % file,
            )
            return None
        return self.open_database(address)

    def open_database(self, address: str, *, create: bool = False) -> MainWindow | None:
        """Switch to the database at ``address``: unsaved work here is asked about first,
        the other database is opened (a message says why not, and this one stays), a new
        window shows it, then this window closes with its database. Where there is no
        database, one is made only if ``create`` or the person says so when asked. An empty
        database is offered the example council. Returns the new window, or None if nothing
        changed."""
        if not self._ready_to_let_go():
            return None
        try:
            try:
                services = self._services.open_another(address, create=create)
            except DatabaseNotFoundError as missing:
                if not may_make_new_database(self, missing):
                    return None
                services = self._services.open_another(address, create=True)
        except CoproduceError as exc:
            log.warning("Could not open the database %s: %s", address, describe_error(exc))
            prompts.show_error(self, self.tr("Coproduce cannot open the database"), str(exc))
            return None
        try:
            window = make_main_window(services)
        except CoproduceError as exc:
            services.close()
            prompts.show_error(self, self.tr("Coproduce cannot read the database"), str(exc))
            return None
        log.info("Switched to %s", services.database.display_name)
        window.setGeometry(self.geometry())
        if self.isMaximized():
            window.showMaximized()
        else:
            window.show()
        self.replaced_by = window
        self.database_switched.emit(window)
        self._closing_for_another = True
        self.close()
        # After any work still reading it (a dashboard being worked out) has finished.
        self.close_database()
        if window.database_is_empty():
            window.offer_example_council()
        return window

    def close_database(self) -> None:
        """Close this window's database (the program is ending, or another took its place)."""
        wait_for_background_work()
        self._services.close()

    def _ready_to_let_go(self) -> bool:
        """True when this window can close for another database: nothing loading, and
        unsaved work here and in an open tidy-up settled (saved, discarded) by the person."""
        if self._example_operation is not None and self._example_operation.is_running:
            self.statusBar().showMessage(
                self.tr("Please wait: the example council is still loading."), 5_000
            )
            return False
        if not may_leave(self.stack.currentWidget()):
            return False
        sessions = self.page("sessions")
        for view in (
            getattr(sessions, "tidy_up_view", None),
            getattr(sessions, "capture_view", None),
        ):
            if view is not None and not view.close():  # what is typed there is kept
                return False
        return True

    def load_example_council_if_empty(self) -> Operation | None:
        """File > Load the example council: only into an empty database; otherwise say why
        not and how to look at it anyway."""
        if not self.database_is_empty():
            prompts.show_information(
                self,
                self.tr("The example council was not loaded"),
                self.tr(
                    "The example council can only be loaded into an empty database, and this "
                    "one already holds groups or people: the example would mix with them.\n\n"
                    "To look around the example, make a new database (File > New database...) "
                    "and load it there. Your database is as it was."
                ),
            )
            return None
        if self._example_operation is not None and self._example_operation.is_running:
            return self._example_operation
        return self.load_example_council()

    # --- menus and help ------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._build_database_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                self.tr("&Contact details for documents..."), None, self.open_contact_details
            )
        )
        file_menu.addSeparator()
        quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # The stack's own actions call undo()/redo() directly; first settle any unsaved
        # typing on the page (save, discard or stay), or an undo would change the record
        # under an editor that still shows, and would then refuse to save, the typed text.
        for action, step in ((undo, self.undo_stack.undo), (redo, self.undo_stack.redo)):
            action.triggered.disconnect()
            action.triggered.connect(lambda _=False, step=step: self._step_history(step))
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            edit_menu.addAction(action)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo

        search = self._action(self.tr("&Search everything..."), "Ctrl+F", self.open_search)
        edit_menu.addSeparator()
        edit_menu.addAction(search)
        edit_menu.addAction(
            self._action(self.tr("&Glossary of hard words..."), None, self.open_glossary)
        )

        # "Export", not "Print": Alt+P belongs to fields on the pages (Open, Response).
        export_menu = self.menuBar().addMenu(self.tr("E&xport"))
        export_menu.addAction(
            self._action(
                self.tr("&Easy-read summary of the session..."),
                "Ctrl+P",
                self.print_easy_read_summary,
            )
        )
        export_menu.addAction(
            self._action(self.tr("&Minutes of the session..."), "Ctrl+Shift+P", self.print_minutes)
        )
        export_menu.addAction(
            self._action(
                self.tr("&You said, we did..."), "Ctrl+Shift+Y", self.print_you_said_we_did
            )
        )
        export_menu.addAction(
            self._action(self.tr("&Ideas pack for the person..."), None, self.print_person_pack)
        )
        export_menu.addAction(
            self._action(self.tr("E&vidence pack..."), None, self.print_evidence_pack)
        )
        export_menu.addSeparator()
        export_menu.addAction(
            self._action(
                self.tr("&Tables for Excel or Power BI..."), "Ctrl+Shift+E", self.open_table_export
            )
        )

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, entry in enumerate(self.pages, start=1):
            key = entry.key
            go_menu.addAction(
                self._action(
                    entry.label,
                    f"Ctrl+{number}",
                    lambda _=False, k=key: self.show_page(k, focus=True),
                )
            )
        go_menu.addSeparator()
        go_menu.addAction(self._action(self.tr("&Reload from the database"), "F5", self.refresh))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(self.tr("&Keyboard shortcuts"), "F1", self.show_keyboard_shortcuts)
        )
        help_menu.addAction(self._action(self.tr("&About Coproduce"), None, self.show_about))

    def _action(self, text: str, shortcut: str | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            # Shortcuts work wherever the focus is inside the window, menus open or not.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # --- printing and exports ------------------------------------------------------------

    def _chosen(self, page_key: str, what: str) -> int | None:
        """The id of the record chosen on a page, or None after saying how to choose one."""
        record = None
        if self.current_page_key == page_key:
            record = self.list_page(page_key).selected_record()
        if record is None or record.id is None:
            prompts.show_information(
                self,
                self.tr("Choose %s first") % what,
                self.tr("Go to the %s page, choose %s in the list, then print again.")
                % (page_key.capitalize(), what),
            )
            return None
        return record.id

    def open_export(self, job: DocumentJob) -> ExportDialog:
        """Build ``job``'s document, show its findings and pages, and save it when asked.
        Easy words written in it are steps of this window's undo stack."""
        from coproduce.ui.printing.export_dialog import ExportDialog

        dialog = ExportDialog(job, self, undo_stack=self.undo_stack, changes=self.changes)
        dialog.open()
        return dialog

    def print_easy_read_summary(self) -> ExportDialog | None:
        meeting_id = self._chosen("sessions", self.tr("a session"))
        if meeting_id is None:
            return None
        from coproduce.ui.printing.jobs import easy_read_summary_job

        return self.open_export(easy_read_summary_job(self._services, meeting_id))

    def print_minutes(self) -> ExportDialog | None:
        meeting_id = self._chosen("sessions", self.tr("a session"))
        if meeting_id is None:
            return None
        from coproduce.ui.printing.jobs import minutes_job

        return self.open_export(minutes_job(self._services, meeting_id))

    def print_person_pack(self) -> ExportDialog | None:
        person_id = self._chosen("people", self.tr("a person"))
        if person_id is None:
            return None
        from coproduce.ui.printing.jobs import person_pack_job

        return self.open_export(person_pack_job(self._services, person_id))

    def choose_report(self) -> ReportChooser:
        """The chooser for a "You said, we did" report, starting from the page's record."""
        key = self.current_page_key
        record = self.list_page(key).selected_record() if key in ("documents", "groups") else None
        record_id = getattr(record, "id", None)
        from coproduce.ui.printing.report_chooser import ReportChooser

        return ReportChooser(
            self._services,
            document_id=record_id if key == "documents" else None,
            group_id=record_id if key == "groups" else None,
            parent=self,
        )

    def print_you_said_we_did(self) -> ExportDialog | None:
        chooser = self.choose_report()
        if not chooser.exec():
            return None
        choice = chooser.choice()
        from coproduce.ui.printing.jobs import you_said_we_did_job

        return self.open_export(
            you_said_we_did_job(
                self._services,
                document_id=choice.document_id,
                group_id=choice.group_id,
                date_from=choice.date_from,
                date_to=choice.date_to,
                easy_read=choice.easy_read,
            )
        )

    def print_evidence_pack(self) -> ExportDialog | None:
        """The assurance pack for chosen groups and dates, with its chosen examples."""
        from coproduce.ui.printing.evidence_chooser import EvidenceChooser
        from coproduce.ui.printing.jobs import evidence_pack_job

        chooser = EvidenceChooser(self._services, parent=self)
        if not chooser.exec():
            return None
        choice = chooser.choice()
        return self.open_export(
            evidence_pack_job(
                self._services,
                choice.group_ids,
                choice.date_from,
                choice.date_to,
                choice.example_ids,
            )
        )

    def open_table_export(self) -> TableExportDialog:
        """Write tables to an Excel workbook or CSV file, for Power BI."""
        from coproduce.ui.exports.table_export_dialog import TableExportDialog

        dialog = TableExportDialog(self._services, self)
        dialog.open()
        return dialog

    def open_contact_details(self) -> ContactDialog:
        from coproduce.ui.printing.contact_dialog import ContactDialog

        dialog = ContactDialog(self._services, self)
        dialog.open()
        return dialog

    def open_glossary(self) -> GlossaryDialog:
        """The hard words the easy-read checker looks for and the documents explain."""
        from coproduce.ui.easyread.glossary_dialog import GlossaryDialog

        dialog = GlossaryDialog(self.context, self)
        dialog.open()
        return dialog

    def keyboard_shortcuts(self) -> list[ShortcutGroup]:
        """Every shortcut in the window, read from its actions (pages' own included), so the
        list can never fall behind the program; grouped by the page (or window) they work on,
        the window-wide ones first. Pages not shown yet are built for it: their own keys
        are listed too."""
        for entry in self.pages:
            self.page(entry.key)
        everywhere = self.tr("Everywhere in the window")
        groups: dict[str, list[tuple[str, str]]] = {
            everywhere: [
                (self.tr("Up, Down"), self.tr("Move between pages (in the page list)")),
                (self.tr("Tab, Shift+Tab"), self.tr("Move to the next or previous control")),
            ]
        }
        for entry in self.pages:
            groups[self.tr("%s page") % entry.label] = []
        seen: set[tuple[str, str, str]] = set()
        for action in self.findChildren(QAction):
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            text = text.removesuffix("...").removesuffix("…")
            place = self._place_of(action) or everywhere
            if keys and text and (place, keys, text) not in seen:
                seen.add((place, keys, text))
                groups.setdefault(place, []).append((keys, text))
        return [(place, shortcuts) for place, shortcuts in groups.items() if shortcuts]

    def _place_of(self, action: QAction) -> str:
        """The page or window an action works on ('' for the whole window)."""
        holder = action.parent()
        while isinstance(holder, QWidget) and holder is not self:
            for entry in self.pages:
                if holder is entry.page:
                    return self.tr("%s page") % entry.label
            if holder.isWindow():  # meeting mode or the tidy-up, open over this window
                return holder.windowTitle() or holder.accessibleName()
            holder = holder.parentWidget()
        return ""

    def keyboard_shortcuts_text(self) -> str:
        """The shortcuts as lines of text ("Ctrl+N\tNew session"), each group under its
        heading."""
        lines: list[str] = []
        for place, shortcuts in self.keyboard_shortcuts():
            lines.append(place)
            lines += [f"{keys}\t{text}" for keys, text in shortcuts]
        return "\n".join(lines)

    def show_keyboard_shortcuts(self) -> KeyboardShortcutsDialog:
        from coproduce.ui.shortcuts_dialog import KeyboardShortcutsDialog

        dialog = KeyboardShortcutsDialog(self.keyboard_shortcuts(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        # The picture sets' licences ask for credit where the pictures are used: the easy-read
        # documents (their credits line) and here (resources/pictures/README.md).
        prompts.show_information(
            self,
            self.tr("About Coproduce"),
            self.tr(
                "Coproduce %s\n\nThe facilitator's program for lived-experience reference "
                "groups.\n\nDatabase: %s\n\nPictures for easy-read documents: OpenMoji, the "
                "open-source emoji and icon project, openmoji.org (CC BY-SA 4.0; some pictures "
                "combined by Coproduce). Icons: Font Awesome Free 5 (CC BY 4.0) and Material "
                "Design Icons (Apache License 2.0), drawn by qtawesome (MIT)."
            )
            % (__version__, self._services.database.display_name),
        )

    # --- Qt events -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._icons_added:
            self._icons_added = True
            # After the first paint: qtawesome is slow to import, and the window comes first.
            QTimer.singleShot(icons.ICONS_AFTER_MS, self._add_icons)

    def _add_icons(self) -> None:
        self._icons_shown = True
        for row, entry in enumerate(self.pages):
            self.navigation.item(row).setIcon(icons.icon(entry.key))
        for page in self.built_pages():
            self._add_search_icon(page)

    def _add_search_icon(self, page: QWidget) -> None:
        if isinstance(page, ListPage):
            page.search_field.search_icon.setIcon(icons.icon("search"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._closing_for_another:
            super().closeEvent(event)  # already settled by open_database
            return
        if self._example_operation is not None and self._example_operation.is_running:
            # Closing mid-way would cut the example off half written; say why we stay.
            self.statusBar().showMessage(
                self.tr("Please wait: the example council is still loading."), 5_000
            )
            event.ignore()
            return
        if not may_leave(self.stack.currentWidget()):
            event.ignore()
            return
        super().closeEvent(event)
