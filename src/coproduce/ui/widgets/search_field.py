"""A search box that waits for a pause in typing before it asks the database."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLineEdit, QWidget

SEARCH_PAUSE_MS = 250


class SearchField(QLineEdit):
    """Emits ``search_changed`` once the user stops typing (or presses Enter at once).

    Signals:
        search_changed(str): the trimmed text to search for; empty means show everything.
    """

    search_changed = Signal(str)

    def __init__(self, placeholder: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(accessible_name)
        self.setClearButtonEnabled(True)
        # The magnifying glass's place is kept from the start; its picture comes with the
        # window's other icons (ui/icons.py). Added later, the field kept the placeholder
        # where it was laid out, its first letters under the glass.
        self.search_icon = self.addAction(QIcon(), QLineEdit.ActionPosition.LeadingPosition)
        self._last = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self._emit_if_changed)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._emit_if_changed)

    def _emit_if_changed(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)
