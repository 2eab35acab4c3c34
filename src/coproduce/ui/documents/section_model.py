"""A document's sections as a table: place, number and heading; renamed in place (F2) and
reordered by drag and drop.

The model loads its rows like every list (``RecordTableModel``, a page at a time from
``DocumentService.section_page``). It never changes the order or the text itself: a drop
asks its owner to move the section, and an edit asks its owner to save it, through the
callbacks it was given. The owner calls the service, pushes the undo step and loads the
sections again, so the service stays the one place that decides the order and the wording.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QObject, Qt

from coproduce.domain.records import Page, Section
from coproduce.ui.models.record_table_model import Column, Index, RecordTableModel

MIME_TYPE = "application/x-coproduce-section"

PLACE, NUMBER, HEADING = range(3)

EDITABLE_FIELDS = {NUMBER: "number", HEADING: "heading"}
"""Columns a person can edit in place, and the ``Section`` field each one edits."""

MoveRequest = Callable[[int, int], bool]
"""``move(section_id, new_index) -> done``: move a section to a place (0 is first)."""

EditRequest = Callable[[Section, str, str], bool]
"""``edit(section, field, text) -> saved``: save ``text`` as the section's ``field``."""


class SectionTableModel(RecordTableModel[Section]):
    """The sections of one document, in order."""

    def __init__(
        self,
        loader: Callable[[int, int], Page[Section]],
        *,
        move: MoveRequest,
        edit: EditRequest,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(self.section_columns(), loader, parent=parent)
        self._move = move
        self._edit = edit

    @staticmethod
    def section_columns() -> Sequence[Column[Section]]:
        return (
            Column("Place", lambda s: str(s.position + 1)),
            Column("Number", lambda s: s.number),
            Column("Heading", lambda s: s.heading),
        )

    def row_of(self, section_id: int) -> int:
        """The row showing the section with ``section_id``, or -1."""
        for row in range(self.total):
            section = self.record(row)
            if section is not None and section.id == section_id:
                return row
        return -1

    def replace_record(self, row: int, section: Section) -> None:
        """Show a section saved in place (renamed) without loading the list again, which
        would close the editor the person is typing in."""
        chunk_number, position = divmod(row, self._chunk_size)
        chunk = list(self._chunks.get(chunk_number, ()))
        if position >= len(chunk):
            return
        chunk[position] = section
        self._chunks[chunk_number] = tuple(chunk)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # --- QAbstractTableModel -------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            if not index.isValid() or index.column() not in EDITABLE_FIELDS:
                return None
            section = self.record(index.row())
            return None if section is None else getattr(section, EDITABLE_FIELDS[index.column()])
        return super().data(index, role)

    def setData(  # noqa: N802
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = EDITABLE_FIELDS.get(index.column())
        section = self.record(index.row())
        if field is None or section is None:
            return False
        text = "" if value is None else str(value)
        if text == getattr(section, field):
            return False
        return self._edit(section, field, text)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in EDITABLE_FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

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
        section = self.record(rows[0]) if rows else None
        if section is not None and section.id is not None:
            data.setData(MIME_TYPE, QByteArray(str(section.id).encode("ascii")))
        return data

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and self._dragged_id(data) is not None

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        section_id = self._dragged_id(data)
        if action != Qt.DropAction.MoveAction or section_id is None:
            return False
        source = self.row_of(section_id)
        if source < 0:
            return False
        # Dropped before ``row``; onto a row counts as before it; below the last: the end.
        if row < 0:
            row = parent.row() if parent.isValid() else self.total
        target = row if row <= source else row - 1
        if target == source:
            return False
        return self._move(section_id, target)

    @staticmethod
    def _dragged_id(data: QMimeData) -> int | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            return int(bytes(data.data(MIME_TYPE).data()).decode("ascii"))
        except ValueError:
            return None
