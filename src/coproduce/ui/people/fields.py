"""Small input widgets the person editor is built from: a set of tick boxes for one
vocabulary, a date that may be "not known", a combo box over a vocabulary, and small lists
over records already in memory.

They hold no records and call no services; the panels that use them do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QPlainTextEdit,
    QWidget,
)

from coproduce.domain.records import Page
from coproduce.domain.vocabulary import Vocabulary
from coproduce.ui.models.record_table_model import Column, RecordTableModel
from coproduce.ui.widgets.dates import plain_dates
from coproduce.ui.widgets.record_table import RecordTable

V = TypeVar("V", bound=Vocabulary)
R = TypeVar("R")

DATE_FORMAT = "d MMM yyyy"
"""Day, month name and year, as everywhere else: no doubt about 03/04 being March or April."""
NOT_KNOWN = QDate(1900, 1, 1)
"""The date an ``OptionalDateEdit`` shows as its "not known" text; never a real answer."""


class TickBoxes(QWidget):
    """One tick box per member of a vocabulary, in ``columns`` columns, reading across.

    Every box is named by its label for screen readers; Tab moves between them and Space
    ticks. ``boxes`` is in vocabulary order."""

    def __init__(
        self,
        vocabulary: Iterable[Vocabulary],
        accessible_name: str,
        *,
        columns: int = 2,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self._members: list[Vocabulary] = list(vocabulary)
        self.boxes: list[QCheckBox] = []
        for number, member in enumerate(self._members):
            box = QCheckBox(member.label)
            box.setAccessibleName(member.label)
            box.setAccessibleDescription(accessible_name)
            grid.addWidget(box, number // columns, number % columns)
            self.boxes.append(box)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        if self.boxes:
            self.setFocusProxy(self.boxes[0])

    def chosen(self) -> frozenset[Any]:
        return frozenset(
            m for m, box in zip(self._members, self.boxes, strict=True) if box.isChecked()
        )

    def set_chosen(self, chosen: Iterable[Vocabulary]) -> None:
        wanted = set(chosen)
        for member, box in zip(self._members, self.boxes, strict=True):
            box.setChecked(member in wanted)

    def box_for(self, member: Vocabulary) -> QCheckBox:
        return self.boxes[self._members.index(member)]


class OptionalDateEdit(QDateEdit):
    """A date that may be empty: the earliest date shows as ``empty_text`` ("Not known").

    Shown as "7 Dec 2026"; use the arrow keys on each part, or open the calendar with
    Alt+Down."""

    def __init__(
        self, empty_text: str, *, latest: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        plain_dates(self, DATE_FORMAT)  # before the calendar exists: it is made on first use
        self.setCalendarPopup(True)
        self.setMinimumDate(NOT_KNOWN)
        self.setSpecialValueText(empty_text)
        if latest is not None:
            self.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.set_value(None)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 (Qt's names)
        """Tab steps through the day, month and year, then on to the next control. "Not
        known" has no day, month or year: Qt's date box would keep Tab there for ever."""
        if self.date() == NOT_KNOWN:
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def value(self) -> date | None:
        chosen = self.date()
        if chosen == NOT_KNOWN:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(NOT_KNOWN)
        else:
            self.setDate(QDate(value.year, value.month, value.day))


def name_inner_editor(box: QAbstractSpinBox) -> None:
    """Give a spin or date box's own text field the box's name, so a screen reader that
    lands on the inner field still says what it is."""
    box.lineEdit().setAccessibleName(box.accessibleName())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def vocabulary_combo(
    members: Iterable[Vocabulary], accessible_name: str, parent: QWidget | None = None
) -> QComboBox:
    """A combo box listing ``members`` by label. Each item carries its member's code (Qt
    would turn the member itself into a plain string): read it back with ``chosen_member``."""
    combo = QComboBox(parent)
    combo.setAccessibleName(accessible_name)
    for member in members:
        combo.addItem(member.label, member.value)
    return combo


def chosen_member(combo: QComboBox, vocabulary: type[V]) -> V | None:
    """The member chosen in a combo filled by ``vocabulary_combo`` (None: an item without
    one, such as "Choose a decision")."""
    code = combo.currentData()
    return None if code is None else vocabulary(code)


def select_member(combo: QComboBox, member: Vocabulary | None) -> None:
    index = combo.findData(None if member is None else member.value)
    combo.setCurrentIndex(max(index, 0))


def notes_box(accessible_name: str, lines: int = 2) -> QPlainTextEdit:
    """Free text a few lines high; Tab moves on rather than typing a tab character."""
    box = QPlainTextEdit()
    box.setAccessibleName(accessible_name)
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setFixedHeight(height)
    return box


class SmallList:
    """A read-only table over a short list already in memory (one person's consents or
    memberships): the same lazy model and table every list uses, fed from a tuple."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        accessible_name: str,
        widths_in_characters: Sequence[int],
        stretch_column: int,
        visible_rows: int,
    ) -> None:
        self._rows: tuple[Any, ...] = ()
        self.model: RecordTableModel[Any] = RecordTableModel(columns, self._load)
        self.table = RecordTable(
            self.model,
            accessible_name=accessible_name,
            widths_in_characters=widths_in_characters,
            stretch_column=stretch_column,
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        row_height = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        # Room for a horizontal scroll bar too, so the last row is never half hidden.
        scroll_bar = self.table.horizontalScrollBar().sizeHint().height()
        self.table.setMinimumHeight(header + row_height * visible_rows + scroll_bar + 4)

    def show_rows(self, rows: Iterable[Any]) -> None:
        self._rows = tuple(rows)
        self.model.reload()

    @property
    def rows(self) -> tuple[Any, ...]:
        return self._rows

    def _load(self, offset: int, limit: int) -> Page[Any]:
        return Page(items=self._rows[offset : offset + limit], total=len(self._rows), offset=offset)
