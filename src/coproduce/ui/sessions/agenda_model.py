"""The agenda of one session as a table: when each item starts, what it is, how long it takes
and which documents it is about; rows can be dragged to a new place.

An agenda has tens of items at most, so the model holds the whole agenda (read again from
the services after every change) rather than loading it in chunks. A drop does not move the
row itself: it asks for the move (``move_requested``) and the owner moves the item through
the service, pushes the undo step and loads the agenda again, so the service stays the one
place that decides the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from coproduce.domain.records import AgendaItem

MIME_TYPE = "application/x-coproduce-agenda-item"

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Starts", "Item", "Minutes", "Documents")


class AgendaModel(QAbstractTableModel):
    """The items of one session's agenda, in agenda order.

    Signals:
        move_requested(int, int): a drag and drop asks to move the item with this id to this
            place (0 is first), counted in the agenda as it will be after the move.
    """

    move_requested = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[AgendaItem, ...] = ()
        self._starts: tuple[datetime | None, ...] = ()
        self._documents: dict[int, str] = {}

    # --- what the owner uses -------------------------------------------------------------

    def set_agenda(
        self,
        items: Sequence[AgendaItem],
        starts_at: datetime | None,
        document_titles: dict[int, str],
    ) -> None:
        """Show ``items``; ``starts_at`` (the session's start) gives each item's start time."""
        self.beginResetModel()
        self._items = tuple(items)
        self._documents = dict(document_titles)
        starts: list[datetime | None] = []
        moment = starts_at
        for item in self._items:
            starts.append(moment)
            if moment is not None and item.duration_minutes is not None:
                moment = moment + timedelta(minutes=item.duration_minutes)
            else:
                moment = None  # after an item with no time set, later starts are unknown
        self._starts = tuple(starts)
        self.endResetModel()

    @property
    def items(self) -> tuple[AgendaItem, ...]:
        return self._items

    def item(self, row: int) -> AgendaItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: int) -> int:
        """The row showing the item with ``item_id``, or -1."""
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return -1

    def document_titles(self, item: AgendaItem) -> list[str]:
        return [self._documents[d] for d in item.document_ids if d in self._documents]

    # --- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column == 2 else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(index.row(), item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1 and item.notes:
                return item.notes
            return self._text(index.row(), item, column) or None
        return None

    def _text(self, row: int, item: AgendaItem, column: int) -> str:
        if column == 0:
            start = self._starts[row]
            return f"{start:%H:%M}" if start is not None else ""
        if column == 1:
            return item.title
        if column == 2:
            return "" if item.duration_minutes is None else str(item.duration_minutes)
        return "; ".join(self.document_titles(item))

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return COLUMNS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if section == 2 else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # --- drag and drop -------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows and self._items[rows[0]].id is not None:
            data.setData(MIME_TYPE, QByteArray(str(self._items[rows[0]].id).encode("ascii")))
        return data

    def canDropMimeData(  # noqa: N802
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        return action == Qt.DropAction.MoveAction and self._dragged_id(data) is not None

    def dropMimeData(  # noqa: N802
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        item_id = self._dragged_id(data)
        if action != Qt.DropAction.MoveAction or item_id is None:
            return False
        source = self.row_of(item_id)
        if source < 0:
            return False
        # Dropped before ``row``; onto an item (parent) counts as before it; elsewhere: the end.
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        target = row if row <= source else row - 1
        if target != source:
            self.move_requested.emit(item_id, target)
        return True

    @staticmethod
    def _dragged_id(data: QMimeData) -> int | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            return int(bytes(data.data(MIME_TYPE).data()).decode("ascii"))
        except ValueError:
            return None
