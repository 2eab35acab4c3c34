"""The table every list page uses: whole-row selection, no row numbers, sensible widths."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from coproduce.ui.models.record_table_model import RecordTableModel


class RecordTable(QTableView):
    """A read-only table over a ``RecordTableModel``.

    ``stretch_column`` takes the width left over (usually the title or name); the others are
    given fixed starting widths in characters, which the user can drag wider.
    """

    def __init__(
        self,
        model: RecordTableModel,  # type: ignore[type-arg]
        *,
        accessible_name: str,
        widths_in_characters: Sequence[int],
        stretch_column: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as a keyboard user expects
        self.verticalHeader().hide()
        # Every row the same height: the view never measures rows it has not loaded.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        character = self.fontMetrics().horizontalAdvance("n")
        for column, width in enumerate(widths_in_characters):
            header.resizeSection(column, width * character + 24)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        # Sorting happens in the database: a heading click asks the model, which reloads.
        self._sortable = any(c.sort_key for c in model.columns)
        header.setSectionsClickable(self._sortable)
        header.setSortIndicatorShown(self._sortable)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_by)

    def _sort_by(self, column: int, order: Qt.SortOrder) -> None:
        model = self.model()
        assert isinstance(model, RecordTableModel)
        model.sort(column, order)
        current = model.sort_column()
        if current != column:  # not a sortable column: keep showing the real sort
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(current, order)
            header.blockSignals(False)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Coming into the list is not choosing a row. Qt makes the first row current when a
        list with no current row gets the focus, which would open it in the editor (and ask
        about a new record being typed); here the cursor waits for an arrow key."""
        selection = self.selectionModel()
        if self.currentIndex().isValid() or selection is None:
            super().focusInEvent(event)
            return
        selection.blockSignals(True)
        try:
            super().focusInEvent(event)
            selection.clear()
        finally:
            selection.blockSignals(False)
