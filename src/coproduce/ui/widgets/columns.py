"""Columns as wide as what they show, so headings and words are not cut short.

``fit_to_content``: each column gets the width of its heading (with the sort arrow) and of
the rows in view, up to a most; a column the person dragged keeps its width (``window_state``).
``ReadableColumn``: the column that carries the meaning (a title) is never cut below a
readable width; the view scrolls sideways instead.
"""

from __future__ import annotations

from collections.abc import Container

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

from coproduce.ui import window_state

PADDING = 8


def fit_to_content(
    view: QTableView | QTreeView, *, skip: Container[int] = (), most_characters: int = 32
) -> None:
    """Size ``view``'s columns (all but ``skip``) to their heading and the rows in view."""
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    if window_state.sized_by_hand(header):
        return
    most = view.fontMetrics().horizontalAdvance("n") * most_characters
    for column in range(header.count()):
        if column in skip or header.isSectionHidden(column):
            continue
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            continue
        wanted = max(view.sizeHintForColumn(column), header.sectionSizeHint(column)) + PADDING
        header.resizeSection(column, min(wanted, most))


class ReadableColumn(QObject):
    """Keeps ``column`` of ``view`` (a title, what is to be done) readable.

    The column takes the width the other columns leave, and never less than ``characters``,
    nor less than its own words up to ``up_to_characters``: below that it stops stretching
    and the view scrolls sideways instead, so the other columns move out of sight before the
    words that matter are cut. Measured again when the view is resized and on ``fit()``.
    """

    def __init__(
        self,
        view: QTableView | QTreeView,
        column: int,
        characters: int,
        *,
        up_to_characters: int = 0,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._column = column
        self._least = characters
        self._up_to = up_to_characters
        shared = getattr(view, "readable", None)
        if isinstance(shared, ReadableColumn) and shared is not self and shared.column == column:
            # The view keeps that column readable itself: one rule for it, not two.
            shared.set_least_characters(characters)
            self._view = None
            return
        if isinstance(view, QTreeView):
            view.header().setStretchLastSection(False)
        view.installEventFilter(self)

    @property
    def column(self) -> int:
        return self._column

    def set_least_characters(self, characters: int) -> None:
        self._least = characters
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._view and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        view = self._view
        if view is None:
            return
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        column = self._column
        character = view.fontMetrics().horizontalAdvance("n")
        least = character * self._least
        model = view.model()
        if self._up_to and model is not None and model.rowCount():
            words = view.sizeHintForColumn(column) + PADDING
            least = max(least, min(words, character * self._up_to))
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != column and not header.isSectionHidden(c)
        )
        if view.viewport().width() - others >= least:
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, least)
