"""A field made of several widgets (a tick box and a date, a name box and a flag) that a
label's Alt key can still reach.

A label's Alt+letter gives focus only to a buddy that takes focus. Qt's usual answer, a focus
proxy on the holder, breaks the Tab order as soon as a window orders the inner widgets itself
(``setTabOrder``): the holder stays at its old place in the chain, and Tab arriving there
jumps back to the inner widget, so Tab goes round a few controls for ever. Here the holder
takes focus only by click or Alt (never by Tab) and hands it straight on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QWidget


class _HandOn(QObject):
    def __init__(self, holder: QWidget, inner: QWidget) -> None:
        super().__init__(holder)
        self._inner = inner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and self._inner.isEnabled()
        ):
            self._inner.setFocus(event.reason())
        return False


def focus_passes_to(holder: QWidget, inner: QWidget) -> None:
    """Focus given to ``holder`` (by its label's Alt key or a click) goes to ``inner``."""
    holder.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    holder.installEventFilter(_HandOn(holder, inner))
    if not holder.accessibleName() and inner.accessibleName():
        holder.setAccessibleName(inner.accessibleName())
