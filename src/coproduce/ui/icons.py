"""Icons, from Font Awesome through qtawesome, imported only when the first icon is asked for.

Importing qtawesome costs about 200 ms and 40 MB (its QtPy layer imports whole Qt modules),
so the window appears first and gets its icons a moment later (the window asks for them
``ICONS_AFTER_MS`` after it is shown). Icons need a running QApplication; never call
``icon()`` before one exists. Not imported on a background thread: Python's garbage
collector can run on whichever thread allocates, and there it would delete Qt objects of the
GUI thread (a crash seen in the tests; docs/NOTES.md).
"""

from __future__ import annotations

import os
from functools import cache
from types import ModuleType

from PySide6.QtGui import QIcon

ICONS_AFTER_MS = 250
"""How long after a window is shown its icons are asked for: after its first paint, when a
person is still taking in the window rather than typing."""

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
