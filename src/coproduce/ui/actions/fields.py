"""Two small fields of the action editor: a date that may be left empty, and the date an
action was done (only while it is marked done).

They call no services; the editor fills and reads them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from coproduce.ui.widgets.dates import plain_dates
from coproduce.ui.widgets.focus import focus_passes_to

DATE_FORMAT = "d MMM yyyy"
NO_DATE = QDate(2000, 1, 1)
"""What a ``DoneOnEdit`` holds while the action is not done; shown as words, never saved."""


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(accessible_name: str) -> QDateEdit:
    """A date field shown as "7 Dec 2026" (never 07/12/2026, which reads as July abroad): step
    a part with the arrow keys, or open the calendar with Alt+Down."""
    edit = QDateEdit()
    plain_dates(edit, DATE_FORMAT)  # before the calendar exists: it is made on first use
    edit.setCalendarPopup(True)
    edit.setAccessibleName(accessible_name)
    # Qt's text box inside the date takes the focus itself: it carries the name too.
    edit.lineEdit().setAccessibleName(accessible_name)
    return edit


class OptionalDate(QWidget):
    """A tick box saying whether there is a date, and the date itself (enabled when ticked).

    Ticking it starts from ``default()`` (today, say) when the date was empty. Space ticks
    the box; Tab moves on to the date.

    Signals:
        changed(): the date was given, cleared or changed (by the person or in code).
    """

    changed = Signal()

    def __init__(self, box_text: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(box_text)
        self.box.setAccessibleName(self.tr("%s: is there one?") % accessible_name)
        self.edit = date_edit(accessible_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.edit, 1)
        focus_passes_to(self, self.box)
        self.default = date.today
        self.box.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _date: self.changed.emit())
        self.set_value(None)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.box.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(value is not None)
        self.box.blockSignals(False)
        self.edit.setEnabled(value is not None)
        self.edit.setDate(to_qdate(value or self.default()))
        self.changed.emit()

    def _toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        if checked:
            self.edit.setFocus()
        self.changed.emit()


class DoneOnEdit(QDateEdit):
    """The date an action was done: a date while it is marked done; otherwise disabled and
    reading "Not done yet"."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plain_dates(self, DATE_FORMAT)  # before the calendar exists: it is made on first use
        self.setCalendarPopup(True)
        self.setAccessibleName(accessible_name)
        self.lineEdit().setAccessibleName(accessible_name)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(self.tr("Not done yet"))
        self.set_value(None, done=False)

    def value(self) -> date | None:
        if not self.isEnabled() or self.date() == NO_DATE:
            return None
        return from_qdate(self.date())

    def set_value(self, value: date | None, *, done: bool) -> None:
        self.setEnabled(done)
        self.setDate(to_qdate(value) if done and value is not None else NO_DATE)

    def set_done(self, done: bool, today: date) -> None:
        """Follow a change of status: a done action gets today's date unless it has one."""
        if done and self.value() is None:
            self.set_value(today, done=True)
        elif not done:
            self.set_value(None, done=False)
        else:
            self.setEnabled(True)
