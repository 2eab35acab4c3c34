"""Pictures of the window for the README and the docs, made without a display.

    .venv/bin/python docs/screenshots.py [--out docs/screenshots]

Opens the main window offscreen at 1280x800 on a fresh small example council in a scratch
folder under the system's temporary folder (nothing of the user's is read or written), with
the program's clock set to the example's own date, so the same code gives the same pictures.
Saves one PNG per page, each with a record open: ``sessions.png`` (the one the README shows),
``people.png`` (a person with access needs), ``groups.png`` (a member with needs selected),
``documents.png`` (a document and its sections), ``actions.png`` and ``dashboard.png``; then
each tab of a session: ``session-agenda.png``, ``session-carried.png``,
``session-preparation.png``, ``session-register.png``, a person's access needs and consent
tabs: ``person-access.png``, ``person-consent.png``; meeting mode on a session,
``meeting-mode.png``, and a search, ``search.png``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

REPOSITORY = Path(__file__).resolve().parents[1]
WINDOW_SIZE = (1280, 800)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPOSITORY / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    # A fixed folder, not a random one: its path shows in the status bar of every picture.
    home = Path(tempfile.gettempdir()) / "coproduce-screenshots"
    shutil.rmtree(home, ignore_errors=True)
    # Every user folder (the database, logs, backups) goes to the scratch folder.
    os.environ["COPRODUCE_HOME"] = str(home)
    os.environ.pop("COPRODUCE_DB", None)
    try:
        for path in take_screenshots(args.out):
            print(path)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


def take_screenshots(out: Path) -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from coproduce import paths
    from coproduce.app import application_instance
    from coproduce.services import Services
    from coproduce.services.demo import ANCHOR, build_demo
    from coproduce.store.database import Database
    from coproduce.ui.main_window import MainWindow

    application = application_instance()
    database = Database.open(paths.default_database_url())
    try:
        build_demo(database, "small", today=ANCHOR)
        window = MainWindow(Services(database, today=lambda: ANCHOR))
        window.resize(*WINDOW_SIZE)
        window.show()

        def settle() -> None:
            # Icons arrive just after the first show; let every queued event run.
            for _ in range(5):
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

        settle()
        saved = []
        for entry in window.pages:
            window.show_page(entry.key)
            window.navigation.setFocus()
            settle()
            show_at_work = PAGES_AT_WORK.get(entry.key)
            if show_at_work is not None:
                show_at_work(window)
                window.navigation.setFocus()
                settle()
            saved.append(_save(window, out / f"{entry.key}.png"))
        saved.extend(_session_tabs(window, out, settle))
        saved.extend(_person_tabs(window, out, settle))
        saved.extend(_meeting_mode_and_search(window, out, settle))
        window.close()
        application.processEvents()
        return saved
    finally:
        database.close()


def _save(window: Any, path: Path) -> Path:
    if not window.grab().save(str(path)):
        raise SystemExit(f"Could not save {path}")
    return path


FEATURED_SESSION = "Lived Experience Reference Group, 1 September 2026"


def _select_row(page: Any, text: str) -> None:
    """Select the first row whose first columns show ``text``."""
    model = page.model
    for row in range(model.total):
        for column in range(min(3, model.columnCount())):
            if model.index(row, column).data() == text:
                page.table.selectRow(row)
                return
    page.table.selectRow(0)


def show_sessions_at_work(window: Any) -> None:
    _select_row(window.list_page("sessions"), FEATURED_SESSION)


def _session_tabs(window: Any, out: Path, settle: Callable[[], None]) -> list[Path]:
    from coproduce.ui.sessions.session_detail import SessionDetail

    window.show_page("sessions")
    page = window.list_page("sessions")
    show_sessions_at_work(window)
    settle()
    saved = []
    for name, index in [
        ("agenda", SessionDetail.AGENDA),
        ("carried", SessionDetail.CARRIED),
        ("preparation", SessionDetail.PREPARATION),
        ("register", SessionDetail.REGISTER),
    ]:
        page.detail.open_tab(index)
        settle()
        saved.append(_save(window, out / f"session-{name}.png"))
    page.detail.open_tab(SessionDetail.DETAILS)
    return saved


def _first_with_needs(page: Any) -> None:
    for row in range(page.model.total):
        person = page.record_of(page.model.record(row))
        if not person.needs.is_empty and len(person.needs.labels()) > 1:
            page.table.selectRow(row)
            return
    page.table.selectRow(0)


def show_people_at_work(window: Any) -> None:
    _first_with_needs(window.list_page("people"))


def _person_tabs(window: Any, out: Path, settle: Callable[[], None]) -> list[Path]:
    window.show_page("people")
    page = window.list_page("people")
    show_people_at_work(window)
    settle()
    tabs = page.editor.tabs
    saved = []
    for name, index in [("access", 1), ("consent", 2)]:
        tabs.setCurrentIndex(index)
        settle()
        saved.append(_save(window, out / f"person-{name}.png"))
    tabs.setCurrentIndex(0)
    return saved


def _meeting_mode_and_search(window: Any, out: Path, settle: Callable[[], None]) -> list[Path]:
    """Meeting mode on the featured session, and Ctrl+F searching for 'transport'."""
    window.show_page("sessions")
    page = window.list_page("sessions")
    show_sessions_at_work(window)
    settle()
    page.run_session()
    view = page.capture_view
    view.resize(*WINDOW_SIZE)
    settle()
    saved = [_save(view, out / "meeting-mode.png")]
    view.close()
    settle()
    dialog = window.open_search()
    dialog.field.setText("transport")
    dialog.search_now()  # the pause after typing needs real time; the script has none
    for _ in range(3):
        settle()
    saved.append(_save(dialog, out / "search.png"))
    dialog.close()
    return saved


def show_documents_at_work(window: Any) -> None:
    window.list_page("documents").table.selectRow(0)


def show_actions_at_work(window: Any) -> None:
    window.list_page("actions").table.selectRow(0)


def show_groups_at_work(window: Any) -> None:
    """Open the first group and select the first member whose needs are flagged."""
    page = window.list_page("groups")
    page.table.selectRow(0)
    members = page.group_editor.members
    for row in range(members.model.total):
        member = members.model.record(row)
        if member is not None and not member.person.needs.is_empty:
            members.table.selectRow(row)
            break


# Pages pictured with something open rather than as they first appear.
PAGES_AT_WORK: dict[str, Callable[[Any], None]] = {
    "sessions": show_sessions_at_work,
    "people": show_people_at_work,
    "groups": show_groups_at_work,
    "documents": show_documents_at_work,
    "actions": show_actions_at_work,
}


if __name__ == "__main__":
    sys.path.insert(0, str(REPOSITORY / "src"))
    sys.exit(main())
