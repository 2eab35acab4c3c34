"""A table model over any paged listing from the services, loading rows only as they are shown.

The model is given a *loader*, ``loader(offset, limit) -> Page``, and column definitions. It asks
the loader once for the first chunk, which also tells it how many rows match; ``rowCount`` is
that total from the start, so the scroll bar is right, and further chunks of ``CHUNK_SIZE`` rows
are fetched the first time ``data()`` asks for a row in them (as the view paints). Only the
chunks used last are kept (``KEPT_CHUNKS``, a few screens' worth): scrolling through a list of
50,000 people never holds more than that in memory, and a chunk scrolled back to is read
again. A list of 50,000 people costs one chunk query to open. ``reload()`` starts again, for a
new filter or after a change.

If loading a chunk fails with a ``CoproduceError`` (the server went away, say), its rows show
empty and ``load_failed`` says why; the next ``reload()`` tries again.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from coproduce.domain.errors import CoproduceError
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import Page

log = logging.getLogger(__name__)

R = TypeVar("R")

CHUNK_SIZE = 200

KEPT_CHUNKS = 4
"""How many chunks a model keeps, the ones used last: 800 rows, several screens."""

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, RECORD_ROLE)`` gives the whole record behind a row (or None if not loaded)."""

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column: its heading and how to show a record in it (plain text)."""

    title: str
    text: Callable[[R], str]
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None
    sort_key: str | None = None
    """The name the service sorts this column by (in the database); None: not sortable."""


@dataclass(frozen=True, slots=True)
class SortOrder:
    """The sort the person chose by clicking a column heading: passed on to the services."""

    key: str
    descending: bool = False


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows from a paged service listing, fetched in chunks as the view asks for them.

    Signals:
        reloaded(int): after ``reload()``, with the number of rows that now match.
        load_failed(str): a chunk could not be loaded; the message is for the user.
    """

    reloaded = Signal(int)
    load_failed = Signal(str)

    def __init__(
        self,
        columns: Sequence[Column[R]],
        loader: Callable[[int, int], Page[R]],
        *,
        chunk_size: int = CHUNK_SIZE,
        kept_chunks: int = KEPT_CHUNKS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._loader = loader
        self._chunk_size = chunk_size
        self._total = 0
        self._kept_chunks = max(1, kept_chunks)
        self._chunks: OrderedDict[int, tuple[R, ...]] = OrderedDict()
        """Loaded chunks by number, the one used last at the end."""
        self.failure = ""
        """Why the last ``reload()`` could not load the list; empty when it could."""
        self.order: SortOrder | None = None
        """The chosen sort, for the loader to pass to its service; None: the service's own."""

    # --- what the owner uses -------------------------------------------------------------

    def set_loader(self, loader: Callable[[int, int], Page[R]]) -> None:
        """Use another loader (a new filter) and reload."""
        self._loader = loader
        self.reload()

    def reload(self) -> None:
        """Forget every loaded row and count again; views keep no stale row."""
        self.beginResetModel()
        self._chunks.clear()
        self._total = 0
        self.failure = ""
        try:
            first = self._loader(0, self._chunk_size)
        except CoproduceError as exc:
            log.warning("Could not load a list: %s", describe_error(exc))
            self.failure = str(exc)
            self.endResetModel()
            self.reloaded.emit(0)
            self.load_failed.emit(str(exc))  # last: what is shown says it failed, not "none"
            return
        self._chunks[0] = tuple(first.items)
        self._total = max(first.total, len(first.items))
        self.endResetModel()
        self.reloaded.emit(self._total)

    @property
    def total(self) -> int:
        return self._total

    @property
    def rows_in_memory(self) -> int:
        """How many rows the model holds now (at most ``kept_chunks`` chunks of them)."""
        return sum(len(chunk) for chunk in self._chunks.values())

    def record(self, row: int) -> R | None:
        """The record shown in ``row``, loading its chunk if needed."""
        if not 0 <= row < self._total:
            return None
        chunk = self._chunk(row // self._chunk_size)
        position = row % self._chunk_size
        return chunk[position] if position < len(chunk) else None

    def column_titles(self) -> list[str]:
        return [column.title for column in self._columns]

    @property
    def columns(self) -> tuple[Column[R], ...]:
        return self._columns

    # --- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self._columns):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.AccessibleTextRole,
            RECORD_ROLE,
        ):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        record = self.record(index.row())
        if record is None:
            return None
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(record) if column.tooltip else column.text(record) or None
        text = column.text(record)
        if role == Qt.ItemDataRole.AccessibleTextRole and not text.strip():
            # A screen reader says what an empty cell means, not nothing at all.
            return (column.tooltip(record) if column.tooltip else "") or f"{column.title}: none"
        return text

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database by the column's ``sort_key``; other columns do nothing."""
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort_key
        if key is None:
            return
        chosen = SortOrder(key, order == Qt.SortOrder.DescendingOrder)
        if chosen != self.order:
            self.order = chosen
            self.reload()

    def sort_column(self) -> int:
        """The column the current sort is by, or -1."""
        if self.order is None:
            return -1
        keys = [column.sort_key for column in self._columns]
        return keys.index(self.order.key) if self.order.key in keys else -1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # --- loading -------------------------------------------------------------------------

    def _chunk(self, number: int) -> tuple[R, ...]:
        chunk = self._chunks.get(number)
        if chunk is not None:
            self._chunks.move_to_end(number)
            return chunk
        try:
            page = self._loader(number * self._chunk_size, self._chunk_size)
        except CoproduceError as exc:
            log.warning(
                "Could not load rows %d onwards: %s", number * self._chunk_size, describe_error(exc)
            )
            chunk = ()
            self.load_failed.emit(str(exc))
        else:
            # Rows deleted by someone else since the count leave the end of the list empty
            # until the next reload, rather than shifting rows under the user's cursor.
            chunk = tuple(page.items)
        self._chunks[number] = chunk
        while len(self._chunks) > self._kept_chunks:
            # A chunk scrolled back to is read again; rows changed meanwhile by someone
            # else then show as they are now.
            self._chunks.popitem(last=False)
        return chunk
