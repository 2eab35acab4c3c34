"""The databases opened lately, remembered between runs for File > Recent databases.

Kept with ``QSettings`` in the user's settings file (``settings.ini`` in ``COPRODUCE_HOME``
when that is set, as the tests do; Qt's usual place otherwise), newest first. An address is
``sqlite:///PATH`` for a file or a server's URL; a server's password is never kept (the
database's ``address`` leaves it out). A file that has gone since is shown as missing, never
opened as a new empty database by mistake.

Signals (``RecentDatabasesMenu``):
    chosen(str): the address of the database the person chose to open.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from coproduce import paths

SETTINGS_FILE_NAME = "settings.ini"
KEY = "files/recent_databases"
KEPT = 8
SQLITE_PREFIX = "sqlite:///"


def program_settings() -> QSettings:
    """The program's settings for this user (kept apart per ``COPRODUCE_HOME``)."""
    home = os.environ.get(paths.ENV_HOME)
    if home:
        return QSettings(str(Path(home) / SETTINGS_FILE_NAME), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        paths.APP_DIR_NAME,
        paths.APP_DIR_NAME,
    )


def file_of(address: str) -> Path | None:
    """The file behind a ``sqlite:///PATH`` address; None for a server."""
    if address.startswith(SQLITE_PREFIX):
        return Path(address[len(SQLITE_PREFIX) :])
    return None


@dataclass(frozen=True, slots=True)
class RecentDatabase:
    address: str

    @property
    def file(self) -> Path | None:
        return file_of(self.address)

    @property
    def missing(self) -> bool:
        """A file that is no longer there (moved, renamed or deleted)."""
        return self.file is not None and not self.file.exists()

    @property
    def label(self) -> str:
        """``coproduce.sqlite3 (in /home/sam/Council)``, or the server's address."""
        file = self.file
        if file is None:
            return self.address
        return f"{file.name} (in {file.parent})"


class RecentDatabases:
    """The list itself: read and written through ``QSettings`` at each use, so two windows
    (or two runs) never overwrite each other's memory with a stale copy."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or program_settings()

    def entries(self) -> list[RecentDatabase]:
        value = self._settings.value(KEY, [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            value = [value]
        addresses = [str(a) for a in value or [] if str(a)] if isinstance(value, list) else []
        return [RecentDatabase(a) for a in dict.fromkeys(addresses)][:KEPT]

    def remember(self, address: str) -> None:
        """Put ``address`` first (an in-memory database, with no address, is not kept)."""
        if not address:
            return
        self._write([address] + [e.address for e in self.entries() if e.address != address])

    def forget(self, address: str) -> None:
        self._write([e.address for e in self.entries() if e.address != address])

    def clear(self) -> None:
        self._write([])

    def _write(self, addresses: list[str]) -> None:
        self._settings.setValue(KEY, addresses[:KEPT])
        self._settings.sync()


class RecentDatabasesMenu(QMenu):
    """File > Recent databases: one entry per database, numbered for the keyboard, the one
    open now marked and not offered again, a missing file said to be missing."""

    chosen = Signal(str)

    def __init__(self, recent: RecentDatabases, current: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("&Recent databases"))
        self._recent = recent
        self._current = current
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        """Fill the menu from the list as it is now (it is read again each time it opens)."""
        self.clear()
        entries = self._recent.entries()
        if not entries:
            nothing = self.addAction(self.tr("No databases opened yet"))
            nothing.setEnabled(False)
            return
        for number, entry in enumerate(entries, start=1):
            text = entry.label
            if entry.address == self._current:
                text = self.tr("%s (open now)") % text
            elif entry.missing:
                text = self.tr("%s (file missing)") % text
            prefix = f"&{number} " if number < 10 else ""
            action = QAction(prefix + text.replace("&", "&&"), self)
            action.setData(entry.address)
            action.setToolTip(entry.address)
            action.setEnabled(entry.address != self._current)
            action.triggered.connect(lambda _=False, a=entry.address: self.chosen.emit(a))
            self.addAction(action)
        self.addSeparator()
        clear = self.addAction(self.tr("&Clear the list"))
        clear.triggered.connect(self._clear)

    def entry_texts(self) -> list[str]:
        """What the menu shows, without the access keys (for tests and screen readers)."""
        return [
            a.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            for a in self.actions()
            if not a.isSeparator()
        ]

    def _clear(self) -> None:
        self._recent.clear()
        self.rebuild()
