"""The dashboard's filters: which group (or all) and which days, with a "last 12 months" reset.

The bar only collects choices; it emits ``changed`` once a person has stopped adjusting (a
short pause), so typing a date digit by digit asks for the figures once, not once a digit.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from coproduce.domain.records import Group
from coproduce.domain.schedule import add_months
from coproduce.services.dashboard import DashboardFilter
from coproduce.ui.widgets.dates import plain_dates

SETTLE_MS = 350
"""How long the filters must stay still before the figures are asked for again."""
DATE_FORMAT = "d MMM yyyy"


def last_twelve_months(today: date) -> tuple[date, date]:
    """The 12 months ending today: from the day after the same date a year ago."""
    return add_months(today, -12) + timedelta(days=1), today


class DashboardFilterBar(QWidget):
    """Signals:
    changed(): the person changed a filter (after a short pause)."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.group_box = QComboBox()
        self.group_box.setAccessibleName(self.tr("Group"))
        self.group_box.addItem(self.tr("All groups"), None)
        group_label = QLabel(self.tr("Gr&oup:"))
        group_label.setBuddy(self.group_box)

        self.from_edit = self._date_edit(self.tr("From"))
        from_label = QLabel(self.tr("F&rom:"))
        from_label.setBuddy(self.from_edit)
        self.to_edit = self._date_edit(self.tr("To"))
        to_label = QLabel(self.tr("&To:"))
        to_label.setBuddy(self.to_edit)

        self.reset_button = QPushButton(self.tr("&Last 12 months"))
        self.reset_button.setAccessibleName(self.tr("Show the last 12 months"))
        self.reset_button.clicked.connect(self.show_last_twelve_months)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(group_label)
        layout.addWidget(self.group_box, 1)
        layout.addSpacing(12)
        layout.addWidget(from_label)
        layout.addWidget(self.from_edit)
        layout.addWidget(to_label)
        layout.addWidget(self.to_edit)
        layout.addWidget(self.reset_button)

        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.changed)
        self._quiet = True
        self.show_last_twelve_months()
        self._quiet = False
        self.group_box.currentIndexChanged.connect(self._changing)
        self.from_edit.dateChanged.connect(self._changing)
        self.to_edit.dateChanged.connect(self._changing)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        plain_dates(edit, DATE_FORMAT)
        edit.setAccessibleName(name)
        typed_part = edit.findChild(QLineEdit)  # what screen readers land on
        if typed_part is not None:
            typed_part.setAccessibleName(name)
        return edit

    def _changing(self) -> None:
        if not self._quiet:
            self._settle.start()

    def show_last_twelve_months(self) -> None:
        first, last = last_twelve_months(self._today)
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))

    def set_groups(self, groups: list[Group]) -> None:
        """Offer these groups, keeping the chosen one if it is still there."""
        chosen = self.group_box.currentData()
        self._quiet = True
        try:
            self.group_box.clear()
            self.group_box.addItem(self.tr("All groups"), None)
            for group in groups:
                label = group.name if group.active else self.tr("%s (archived)") % group.name
                self.group_box.addItem(label, group.id)
            index = self.group_box.findData(chosen) if chosen is not None else 0
            self.group_box.setCurrentIndex(max(index, 0))
        finally:
            self._quiet = False
        if chosen is not None and self.group_box.currentData() != chosen:
            self._changing()  # the chosen group was deleted: show all groups again

    def choose_group(self, group_id: int | None) -> None:
        index = 0 if group_id is None else self.group_box.findData(group_id)
        self.group_box.setCurrentIndex(max(index, 0))

    def current_filter(self) -> DashboardFilter:
        group_id = self.group_box.currentData()
        return DashboardFilter(
            group_ids=frozenset() if group_id is None else frozenset({group_id}),
            from_date=self.from_edit.date().toPython(),
            to_date=self.to_edit.date().toPython(),
        )
