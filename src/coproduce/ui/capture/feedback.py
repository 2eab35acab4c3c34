"""Saying what just happened in meeting mode: on screen, and to a screen reader, in one call.

A facilitator capturing by keyboard looks at the room, not the screen, and may be using a
screen reader. So every step (saved, marked, next item, arrived late) is written in a status
line that stays in sight and is also *announced*: Qt 6.8 added ``QAccessibleAnnouncementEvent``
(PySide6 6.11 has it), which asks the screen reader to speak a message without moving the
focus. The status line's accessible description carries the same words, for readers that do
not take announcements yet (they read the line when it is reached). See docs/NOTES.md.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QWidget


def announce(source: QObject, text: str, *, urgent: bool = False) -> None:
    """Ask the screen reader to say ``text`` now, without moving the keyboard. ``urgent``
    interrupts what it is saying (for a refusal); otherwise it waits its turn."""
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if urgent
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


class StatusLine(QLabel):
    """A line of status that is shown and spoken each time it says something.

    Signals:
        said(str): the words just shown and announced.
    """

    said = Signal(str)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # it may quote what someone said
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def say(self, text: str, *, urgent: bool = False) -> None:
        """Show ``text`` and announce it (``urgent`` for something refused or wrong)."""
        self.setText(text)
        self.setAccessibleDescription(text)
        if text:
            announce(self, text, urgent=urgent)
            self.said.emit(text)
