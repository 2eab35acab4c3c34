"""Icons, from Font Awesome through qtawesome, imported only when the first icon is asked for.

Importing qtawesome costs about 200 ms and 40 MB (its QtPy layer imports whole Qt modules),
so the window appears first and gets its icons a moment later: ``when_ready`` imports it on a
background thread after the first paint, while the window already answers keys, and calls
back on the GUI thread. Icons need a running QApplication; never call ``icon()`` before one
exists, nor on another thread.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from functools import cache
from types import ModuleType

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon

# What each part of the window shows, by meaning rather than by Font Awesome name, so a
# change of icon set touches only this table.
NAMES = {
    "sessions": "fa6s.calendar-days",
    "people": "fa6s.users",
    "groups": "fa6s.people-group",
    "documents": "fa6s.file-lines",
    "actions": "fa6s.list-check",
    "dashboard": "fa6s.chart-column",
    "search": "fa6s.magnifying-glass",
    "database": "fa6s.database",
    "about": "fa6s.circle-info",
    "shortcuts": "fa6s.keyboard",
}


@cache
def _qtawesome() -> ModuleType:
    # QtPy, under qtawesome, must pick PySide6 and never another binding that happens to be
    # installed alongside.
    os.environ.setdefault("QT_API", "pyside6")
    import qtawesome

    return qtawesome


def icon(meaning: str) -> QIcon:
    """The icon for a part of the window (a key of ``NAMES``)."""
    return _qtawesome().icon(NAMES[meaning])


class _Ready(QObject):
    """Carries "qtawesome is imported" from the import thread to the GUI thread.

    Signals:
        imported(): the import finished (or failed: ``icon()`` then raises as usual).
    """

    imported = Signal()


def when_ready(parent: QObject, callback: Callable[[], None]) -> None:
    """Call ``callback`` on the GUI thread once qtawesome is imported, importing it on a
    background thread first if needed. ``parent`` (a window) owns the messenger, so a window
    closed meanwhile is never called back."""
    if _qtawesome.cache_info().currsize:
        callback()
        return
    ready = _Ready(parent)
    ready.imported.connect(callback)

    def import_it() -> None:
        # A failed import is said again by icon() on the GUI thread.
        with contextlib.suppress(Exception):
            _qtawesome()
        # RuntimeError: the window, and the messenger with it, are gone.
        with contextlib.suppress(RuntimeError):
            ready.imported.emit()

    threading.Thread(target=import_it, name="import qtawesome", daemon=True).start()
