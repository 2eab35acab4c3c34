"""Keep the one column that carries the meaning (a title, what is to be done) readable.

A table's stretch column takes the room the other columns leave. In a narrow pane beside a
session's details that room can shrink to a few letters; below a readable width the column
stops stretching and keeps that width, and the table scrolls sideways instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class ReadableColumn(QObject):
    """Watches ``table``'s size and keeps ``column`` at least ``characters`` wide."""

    def __init__(self, table: QTableView, column: int, characters: int) -> None:
        super().__init__(table)
        self._table = table
        self._column = column
        self._least = table.fontMetrics().horizontalAdvance("n") * characters
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._table and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self._column and not header.isSectionHidden(c)
        )
        if self._table.viewport().width() - others >= self._least:
            header.setSectionResizeMode(self._column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(self._column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self._column, self._least)
