"""Pictures of the window for the README and the docs, made without a display.

    .venv/bin/python docs/screenshots.py [--out docs/screenshots]

Opens the main window offscreen at 1280x800 on a fresh small example council in a scratch
folder under the system's temporary folder (nothing of the user's is read or written), with
the program's clock set to the example's own date, so the same code gives the same pictures.
Saves one PNG per page:
``sessions.png`` (the one the README shows), ``people.png``, ``groups.png`` (a group open in
its editor, with a member who has access needs selected), ``documents.png``, ``actions.png``
and ``dashboard.png``.
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
            path = out / f"{entry.key}.png"
            if not window.grab().save(str(path)):
                raise SystemExit(f"Could not save {path}")
            saved.append(path)
        window.close()
        application.processEvents()
        return saved
    finally:
        database.close()


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
PAGES_AT_WORK: dict[str, Callable[[Any], None]] = {"groups": show_groups_at_work}


if __name__ == "__main__":
    sys.path.insert(0, str(REPOSITORY / "src"))
    sys.exit(main())
