"""A date that may be left empty, such as a document's review date.

A ``QDateEdit`` always holds some date, so "no date" is a tick box in front of it: ticked,
the date counts and can be changed; not ticked, there is no date and the box is greyed.
Both parts are reached by Tab, and each has its own accessible name.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from coproduce.ui.widgets.dates import plain_dates
from coproduce.ui.widgets.focus import focus_passes_to
from coproduce.ui.widgets.text import spoken


class OptionalDateEdit(QWidget):
    """A tick box, a date and a short note after them (for example "Review overdue")."""

    def __init__(
        self,
        tick_text: str,
        date_name: str,
        note_name: str,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.tick = QCheckBox(tick_text)
        self.tick.setAccessibleName(spoken(tick_text))
        self.date_edit = QDateEdit()
        self.date_edit.setAccessibleName(date_name)
        self.date_edit.setCalendarPopup(True)
        # Day, month name and year: no doubt about 03/04 being March or April.
        plain_dates(self.date_edit)
        typed_part = self.date_edit.findChild(QLineEdit)  # what screen readers land on
        if typed_part is not None:
            typed_part.setAccessibleName(date_name)
        self.note = QLabel()
        self.note.setWordWrap(True)  # a narrow editor folds the note rather than scrolling
        self.note.setAccessibleName(note_name)
        self.tick.toggled.connect(self.date_edit.setEnabled)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.tick)
        row.addWidget(self.date_edit)
        row.addWidget(self.note, 1)
        focus_passes_to(self, self.tick)  # a label's Alt key reaches the tick box
        self.set_date(None)

    def set_date(self, value: date | None) -> None:
        shown = value or self._today()
        self.date_edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.tick.setChecked(value is not None)
        self.date_edit.setEnabled(value is not None)

    def value(self) -> date | None:
        if not self.tick.isChecked():
            return None
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setAccessibleDescription(text)
