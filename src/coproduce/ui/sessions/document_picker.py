"""Choosing the documents an agenda item is about, by typing part of their title.

Typing shows the matching documents straight from the database (``DocumentService.list``)
in a short list under the box: Enter links the first (or the highlighted) match, Down moves
into the matches. The linked documents are listed below; Delete unlinks the highlighted one.
A plain list rather than a completer pop-up, so screen readers announce every match.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.services import Services
from coproduce.services.documents import DocumentFilter
from coproduce.ui.widgets.text import muted

MATCHES_SHOWN = 8


class DocumentPicker(QWidget):
    """Links documents by typing part of a title.

    Signals:
        changed(): a document was linked or unlinked by the person.
    """

    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setAccessibleName(self.tr("Documents"))

        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Type part of a title, then press Enter"))
        self.find_edit.setAccessibleName(self.tr("Find a document to link"))
        self.find_edit.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Matching documents"))
        self.matches.setAccessibleDescription(
            self.tr("Press Enter to link the highlighted document, Escape to go back.")
        )
        self.matches.setMaximumHeight(self.fontMetrics().height() * 5)
        self.matches.hide()
        self.linked_caption = muted(QLabel(self.tr("Linked to this item:")))
        self.chosen = QListWidget()
        self.chosen.setAccessibleName(self.tr("Linked documents"))
        self.chosen.setAccessibleDescription(
            self.tr("Press Delete to unlink the highlighted document.")
        )
        self.chosen.setMaximumHeight(self.fontMetrics().height() * 3)
        self.remove_button = QPushButton(self.tr("Unlink"))
        self.remove_button.setAccessibleName(self.tr("Unlink the highlighted document"))
        self.remove_button.setToolTip(self.tr("Unlink the highlighted document (Delete)"))
        self.remove_button.clicked.connect(self.remove_current)
        self.linked_caption.setBuddy(self.chosen)

        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.find_edit)
        layout.addWidget(self.matches)
        layout.addWidget(self.linked_caption)
        layout.addLayout(chosen_row)
        self.setFocusProxy(self.find_edit)

        self.find_edit.textChanged.connect(self._search)
        self.find_edit.installEventFilter(self)
        self.matches.installEventFilter(self)
        self.chosen.installEventFilter(self)
        self.matches.itemActivated.connect(self._link_item)
        self._update_buttons()

    # --- what the editor uses ------------------------------------------------------------

    def set_documents(self, document_ids: tuple[int, ...]) -> None:
        """Show these documents as linked (without announcing a change)."""
        self.find_edit.clear()
        self.chosen.clear()
        documents = {d.id: d for d in self._services.documents.get_many(list(document_ids))}
        for document_id in document_ids:
            document = documents.get(document_id)
            if document is not None:
                self._add_row(document_id, document.title)
        self._update_buttons()

    def document_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.chosen.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.chosen.count())
        )

    def link_first_match(self) -> bool:
        """Link the highlighted match (the first one if none is); False when nothing matches."""
        if self.matches.count() == 0:
            return False
        item = self.matches.currentItem() or self.matches.item(0)
        self._link_item(item)
        return True

    def remove_current(self) -> None:
        row = self.chosen.currentRow()
        if row < 0:
            return
        self.chosen.takeItem(row)
        self._update_buttons()
        self.changed.emit()

    # --- inside --------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.matches.clear()
        words = text.strip()
        if not words:
            self.matches.hide()
            return
        linked = set(self.document_ids())
        page = self._services.documents.list(
            DocumentFilter(text=words), limit=MATCHES_SHOWN + len(linked)
        )
        for document in page.items:
            if document.id in linked:
                continue
            item = QListWidgetItem(document.title)
            item.setData(Qt.ItemDataRole.UserRole, document.id)
            self.matches.addItem(item)
            if self.matches.count() == MATCHES_SHOWN:
                break
        if self.matches.count() == 0:
            item = QListWidgetItem(self.tr("No document matches '%s'") % words)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.matches.addItem(item)
        else:
            self.matches.setCurrentRow(0)
        self.matches.show()

    def _link_item(self, item: QListWidgetItem | None) -> None:
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        self._add_row(int(item.data(Qt.ItemDataRole.UserRole)), item.text())
        self.find_edit.clear()
        self.find_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()
        self.changed.emit()

    def _add_row(self, document_id: int, title: str) -> None:
        row = QListWidgetItem(title)
        row.setData(Qt.ItemDataRole.UserRole, document_id)
        self.chosen.addItem(row)
        self.chosen.setCurrentItem(row)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.chosen.count() > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.find_edit:
            if enter and self.find_edit.text().strip():
                self.link_first_match()
                return True
            if key == Qt.Key.Key_Down and self.matches.isVisible():
                self.matches.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        elif watched is self.matches:
            if enter:
                self._link_item(self.matches.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.find_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        elif watched is self.chosen and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_current()
            return True
        return False
