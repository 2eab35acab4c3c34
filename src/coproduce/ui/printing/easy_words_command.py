"""Undo and redo of easy words written in the export dialog, as one step in the main window.

The words are saved first (``services.easy_words.write``); the command pushed afterwards
keeps only the record's kind and id and the words and versions before and after, never an
ORM object. Undo writes the words before back, redo the words after, each with the version
the record has then, and only when the record still has the words the step left: a
colleague's change since (or a later step not undone first) is refused with a
``ConflictError`` and the facilitator told, never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from coproduce.domain.errors import ConflictError
from coproduce.domain.vocabulary import RowKind
from coproduce.services.easy_words import EasyWords
from coproduce.ui.commands import DataChanges, ServiceCommand

ReadWords = Callable[[RowKind, int], EasyWords]
WriteWords = Callable[[RowKind, int, str, int], EasyWords]

RECORD_TYPES = {
    RowKind.SESSION: "meeting",
    RowKind.AGENDA_ITEM: "agenda_item",
    RowKind.CONTRIBUTION: "contribution",
    RowKind.RESPONSE: "response",
    RowKind.ACTION: "action",
}
"""What each kind of record is called on the window's notice board (``DataChanges``)."""

SHORT = 40


class EasyWordsCommand(ServiceCommand):
    """Easy words saved for one record: ``before`` and ``after`` as ``read``/``write`` gave
    them (the record's kind, id, words and version)."""

    def __init__(
        self,
        text: str,
        *,
        read: ReadWords,
        write: WriteWords,
        before: EasyWords,
        after: EasyWords,
        changes: DataChanges,
        parent_widget: QWidget | None = None,
    ) -> None:
        self.before = before
        self.after = after
        self.version = after.version
        """The version the record had after this command's last call."""
        self._read = read
        self._write = write
        super().__init__(
            text,
            undo_call=lambda: self._put(expected=self.after.easy, wanted=self.before.easy),
            redo_call=lambda: self._put(expected=self.before.easy, wanted=self.after.easy),
            changes=changes,
            record_type=RECORD_TYPES[after.kind],
            parent_widget=parent_widget,
        )

    def _put(self, *, expected: str, wanted: str) -> None:
        kind, record_id = self.after.kind, self.after.record_id
        now = self._read(kind, record_id)
        if now.easy.strip() != expected.strip():
            raise ConflictError(
                kind.label, record_id, "undo the later changes first, or edit it again by hand"
            )
        self.version = self._write(kind, record_id, wanted, now.version).version


def short(text: str, length: int = SHORT) -> str:
    """``text`` on one line, cut to ``length`` characters with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= length:
        return line
    cut = line[: length - 1]
    # At the end of a word where there is one: "a short…", not "a short bre…".
    if " " in cut and not line[length - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"
