"""The table every list page uses: whole-row selection, no row numbers, sensible widths.

Widths: each column is as wide as its heading (with the sort arrow) and the rows it shows,
up to ``MOST_CHARACTERS``, measured again when the list loads; the stretch column (the title,
the name, what is to be done) takes the rest and never less than ``LEAST_CHARACTERS``: below
that the table scrolls sideways instead of cutting the words that matter. A column dragged
by hand keeps its width, now and in later runs (``window_state``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from coproduce.ui.models.record_table_model import RecordTableModel
from coproduce.ui.widgets.columns import ReadableColumn, fit_to_content

MOST_CHARACTERS = 20
"""No column but the stretch column grows wider than this for its content."""

LEAST_CHARACTERS = 26
"""The stretch column (the title) keeps at least this width; the table scrolls instead."""

MEASURED_ROWS = 60
"""The most rows a column's width is measured over: about a screenful."""

TITLE_CHARACTERS = 50
"""The stretch column is given its words' width up to this many characters before any other
column is: the other columns scroll sideways rather than cut a title short."""


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
        # Columns are measured over about a screenful of rows, never a chunk's worth: Qt's
        # default (1,000 rows; the column header's setting, not the row header's) would load
        # five chunks of a long list just to size its columns, on every reload.
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        character = self.fontMetrics().horizontalAdvance("n")
        for column, width in enumerate(widths_in_characters):
            header.resizeSection(column, width * character + 24)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self._stretch_column = stretch_column
        self.readable = ReadableColumn(
            self, stretch_column, LEAST_CHARACTERS, up_to_characters=TITLE_CHARACTERS
        )
        # Measured once the rows are laid out (after the first chunk is in the view).
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)
        model.reloaded.connect(lambda _total: self._fit_timer.start())
        # Sorting happens in the database: a heading click asks the model, which reloads.
        self._sortable = any(c.sort_key for c in model.columns)
        header.setSectionsClickable(self._sortable)
        header.setSortIndicatorShown(self._sortable)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_by)

    @property
    def stretch_column(self) -> int:
        return self._stretch_column

    def fit_columns(self) -> None:
        """Size each column to its heading and the rows in view (unless dragged by hand),
        then keep the stretch column readable."""
        fit_to_content(self, skip={self._stretch_column}, most_characters=MOST_CHARACTERS)
        self.readable.fit()

    def set_least_stretch_characters(self, characters: int) -> None:
        """Keep the stretch column at least ``characters`` wide (a title that must be read)."""
        self.readable.set_least_characters(characters)

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
