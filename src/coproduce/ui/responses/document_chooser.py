"""Choosing one document by typing part of its title.

Typing shows the matching documents straight from the database (``DocumentService.list``)
in a short list under the box: Enter takes the first (or the highlighted) match, Down moves
into the matches, Escape goes back to the box. A plain list rather than a completer pop-up,
so screen readers announce every match (the same way as choosing an agenda item's
documents).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.services import Services
from coproduce.services.documents import DocumentFilter

MATCHES_SHOWN = 8


class DocumentChooser(QWidget):
    """A box to type in and the matching documents under it.

    Signals:
        chosen(int): a document was taken from the matches (its id).
        edited(): the person typed in the box.
    """

    chosen = Signal(int)
    edited = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._chosen: tuple[int, str] | None = None

        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Type part of a title, then press Enter"))
        self.find_edit.setAccessibleName(self.tr("Document"))
        self.find_edit.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Matching documents"))
        self.matches.setAccessibleDescription(
            self.tr("Press Enter to take the highlighted document, Escape to go back.")
        )
        self.matches.setMaximumHeight(self.fontMetrics().height() * 5)
        self.matches.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.find_edit)
        layout.addWidget(self.matches)
        self.setFocusProxy(self.find_edit)

        self.find_edit.textEdited.connect(self._typed)
        self.find_edit.installEventFilter(self)
        self.matches.installEventFilter(self)
        self.matches.itemActivated.connect(self._take)

    # --- what the links editor uses -------------------------------------------------------

    def text(self) -> str:
        return self.find_edit.text()

    def set_document(self, document_id: int | None, title: str = "") -> None:
        """Show a document as chosen (or none), without searching or announcing."""
        self._chosen = (document_id, title) if document_id is not None else None
        self.find_edit.setText(title if document_id is not None else "")
        self.matches.clear()
        self.matches.hide()

    def set_text(self, text: str) -> None:
        """Put back typed text (after the documents were read again)."""
        if self._chosen is None or self._chosen[1] != text:
            self._chosen = None
        self.find_edit.setText(text)

    def document_id(self) -> int | None:
        """The document chosen, or else the one the typed text names: an exact title, or
        the only title containing it. None when the text names none (or several)."""
        typed = self.find_edit.text().strip()
        if not typed:
            return None
        if self._chosen is not None and self._chosen[1] == self.find_edit.text():
            return self._chosen[0]
        try:
            found = self._services.documents.list(DocumentFilter(text=typed), limit=20).items
        except CoproduceError:
            return None
        exact = [d.id for d in found if d.title.casefold() == typed.casefold()]
        if len(exact) == 1:
            return exact[0]
        return found[0].id if len(found) == 1 else None

    def take_first_match(self) -> bool:
        """Take the highlighted match (the first if none is); False when nothing matches."""
        if self.matches.count() == 0:
            return False
        item = self.matches.currentItem() or self.matches.item(0)
        return self._take(item)

    # --- inside --------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        self._chosen = None
        self._search(text)
        self.edited.emit()

    def _search(self, text: str) -> None:
        self.matches.clear()
        words = text.strip()
        if not words:
            self.matches.hide()
            return
        try:
            page = self._services.documents.list(DocumentFilter(text=words), limit=MATCHES_SHOWN)
        except CoproduceError:
            page = None
        for document in page.items if page else ():
            item = QListWidgetItem(document.title)
            item.setData(Qt.ItemDataRole.UserRole, document.id)
            self.matches.addItem(item)
        if self.matches.count() == 0:
            item = QListWidgetItem(self.tr("No document's title contains “%s”") % words)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.matches.addItem(item)
        else:
            self.matches.setCurrentRow(0)
        self.matches.show()

    def _take(self, item: QListWidgetItem | None) -> bool:
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return False
        document_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.set_document(document_id, item.text())
        self.chosen.emit(document_id)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.find_edit:
            if enter and self.matches.isVisible():
                self.take_first_match()
                return True
            if key == Qt.Key.Key_Down and self.matches.isVisible():
                self.matches.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        elif watched is self.matches:
            if enter:
                self._take(self.matches.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.find_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False
