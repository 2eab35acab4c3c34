"""What a screen reader is told about the program's own windows.

Meeting mode and the tidy-up are plain widgets opened as windows of their own. Qt describes a
plain widget as a "client" area whatever it is shown as, and AT-SPI reads that as a "filler":
a screen reader user arriving in meeting mode would not hear that a window opened, nor its
title. ``install()`` (called once by the main window) has such widgets described as windows,
named by their title or accessible name; every other widget keeps Qt's own description.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_installed = False


def _qt_class(widget: QWidget) -> type:
    """The Qt class a Python widget class is made from (QWidget for ``TidyUpView``)."""
    return next(c for c in type(widget).__mro__ if c.__module__.startswith("PySide6."))


def _describe_windows(key: str, obj: QObject) -> QAccessibleInterface | None:
    if (
        isinstance(obj, QWidget)
        and key == type(obj).__name__  # asked once, for the most derived class
        and obj.isWindow()
        and _qt_class(obj) is QWidget
    ):
        return QAccessibleWidget(obj, QAccessible.Role.Window)
    return None


def install() -> None:
    """Describe the program's plain-widget windows as windows (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_describe_windows)
        _installed = True
