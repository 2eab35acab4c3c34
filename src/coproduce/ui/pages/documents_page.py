"""The Documents page: the library of strategies, policies, practice standards, service
designs and projects the groups influence, with the editor of the selected one beside it.

Searching (by title), the kind and status filters and sorting (by title or review date) all
run in the database. Archived documents are left out unless the status filter asks for them.
A review date in the past is flagged in words in the list ("review overdue").

"Drifting work" (Ctrl+Shift+L) lists every document whose ladder assessments slipped below
the plan or below the one before; choosing one shows it here, on its Ladder tab.

Deleting asks once and can be undone; a document with contributions linked to it or ladder
assessments is refused with the reason before anything is asked (archive it instead).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import Document, Page
from coproduce.domain.vocabulary import DocumentKind, DocumentStatus
from coproduce.services.documents import DeletedDocument, DocumentFilter, review_is_overdue
from coproduce.ui import prompts
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.documents.document_editor import DocumentEditor
from coproduce.ui.editing import may_leave
from coproduce.ui.formats import count_of, short_date
from coproduce.ui.ladder.drifting_dialog import DriftingWorkDialog
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.pages.list_page import ListPage
from coproduce.ui.widgets.text import caption_for

NOT_ARCHIVED = "not archived"
ANY_STATUS = "any"


class DocumentsPage(ListPage):
    title = "Documents"
    singular = "document"
    plural = "documents"
    search_hint = "Search document titles"
    widths_in_characters = (30, 18, 24, 16, 14, 24)
    stretch_column = 0
    record_types = ("document",)

    editor: DocumentEditor

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        # The list has six columns and the editor fits in less than half: give the list
        # the larger share at first (the person can drag the divider).
        self.splitter.setSizes([500, 500])  # half each: what the groups said needs room
        self.drifting_dialog: DriftingWorkDialog | None = None
        drifting_action = QAction(self.tr("Drifting work"), self)
        drifting_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        drifting_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        drifting_action.triggered.connect(self.show_drifting_work)
        self.addAction(drifting_action)
        # New ladder assessment (Ctrl+L) of the chosen document, from the list too.
        self.addAction(self.editor.ladder.new_action)

    # --- ListPage ------------------------------------------------------------------------

    def filter_widgets(self) -> Sequence[QWidget]:
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Show documents of this kind"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        # Item data holds the codes: Qt turns a str-based enum into a plain str anyway.
        for kind in DocumentKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show documents with this status"))
        self.status_filter.addItem(self.tr("All but archived"), NOT_ARCHIVED)
        self.status_filter.addItem(self.tr("All, archived too"), ANY_STATUS)
        for status in DocumentStatus:
            self.status_filter.addItem(status.label, status.value)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.drifting_button = QPushButton(self.tr("Drifting work…"))
        # No Alt key: the page has none left that the menus do not use; Ctrl+Shift+L opens it.
        self.drifting_button.setAccessibleName(self.tr("Drifting work"))
        self.drifting_button.setToolTip(
            self.tr("Work that slipped down the ladder of co-production (Ctrl+Shift+L)")
        )
        self.drifting_button.clicked.connect(self.show_drifting_work)
        return (
            caption_for(self.tr("Kind:"), self.kind_filter),
            self.kind_filter,
            caption_for(self.tr("Status:"), self.status_filter),
            self.status_filter,
            self.drifting_button,
        )

    def columns(self) -> Sequence[Column[Document]]:
        # What a facilitator decides by comes first (status, and whether a review is due),
        # so it shows beside the editor without scrolling sideways.
        return (
            Column("Title", lambda d: d.title, sort_key="title"),
            Column("Status", lambda d: d.status.label),
            Column("Review date", self._review_text, sort_key="review_on"),
            Column("Kind", lambda d: d.kind.label),
            Column("Version", lambda d: d.edition),
            Column("Owner", lambda d: d.owner),
        )

    def load(self, offset: int, limit: int) -> Page[Document]:
        return self._services.documents.list(self.current_filter(), offset=offset, limit=limit)

    def make_editor(self) -> DocumentEditor:
        return DocumentEditor(self._context)

    def nothing_recorded(self) -> bool:
        return self._services.documents.list(DocumentFilter(), limit=0).total == 0

    def empty_hint(self) -> str:
        return self.tr(
            "No documents yet. Add a strategy, policy or project the groups will shape: "
            "New document (Ctrl+N). What people say at sessions is then linked to it."
        )

    def start_new(self) -> None:
        super().start_new()
        if self.editor.record is None and not self.editor.has_unsaved_changes():
            self.editor.title_field.setFocus()  # a new document starts with its title

    def is_filtered(self) -> bool:
        return (
            self.kind_filter.currentData() is not None
            or self.status_filter.currentData() != NOT_ARCHIVED
        )

    def delete_record(self, record: Document) -> bool:
        documents = self._services.documents
        try:
            blocker = documents.why_not_deletable(record.id)  # type: ignore[arg-type]
            sections = len(documents.sections(record.id))  # type: ignore[arg-type]
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            return False
        if blocker:
            prompts.show_error(self, self.tr("Cannot delete the document"), blocker)
            return False
        consequence = (
            self.tr("Its %s go with it.") % count_of(sections, "section") if sections else ""
        )
        if not self.confirm_delete(f"'{record.title}'", consequence):
            return False
        try:
            deleted = documents.delete(record.id, record.version)  # type: ignore[arg-type]
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            return False
        state: dict[str, DeletedDocument] = {"deleted": deleted}

        def delete_again() -> None:
            state["deleted"] = documents.delete(record.id)  # type: ignore[arg-type]

        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Delete document '%s'") % record.title,
                undo_call=lambda: documents.restore(state["deleted"]),
                redo_call=delete_again,
                changes=self._context.changes,
                record_type="document",
                parent_widget=self,
            )
        )
        self._context.changes.changed.emit("document")
        return True

    def show_drifting_work(self) -> DriftingWorkDialog:
        """Open (or bring forward) the list of drifting work."""
        if self.drifting_dialog is None:
            self.drifting_dialog = DriftingWorkDialog(self._context, self)
            self.drifting_dialog.document_chosen.connect(self.show_document)
        else:
            self.drifting_dialog.reload()
        self.drifting_dialog.show()
        self.drifting_dialog.activateWindow()
        return self.drifting_dialog

    def show_document(self, document_id: int) -> bool:
        """Show the document in the editor, on its Ladder tab (from the drifting list).
        It is chosen in the list when the list shows it; otherwise it is opened in the
        editor all the same."""
        if not may_leave(self.editor):
            return False
        if not self.show_record_id(document_id):
            try:
                document = self._services.documents.get(document_id)
            except CoproduceError as exc:
                prompts.show_error(self, self.tr("Cannot show the document"), str(exc))
                return False
            self.table.clearSelection()
            self.editor.load(document)
        self.editor.tabs.setCurrentWidget(self.editor.ladder)
        self.window().activateWindow()
        self.editor.ladder.table.setFocus()
        return True

    # --- inside --------------------------------------------------------------------------

    def current_filter(self) -> DocumentFilter:
        """The search, filters and sort now chosen, as the service takes them."""
        kind = self.kind_filter.currentData()
        status = self.status_filter.currentData()
        order = self.model.order
        return DocumentFilter(
            text=self.search_text,
            kind=DocumentKind(kind) if kind else None,
            status=None if status in (NOT_ARCHIVED, ANY_STATUS) else DocumentStatus(status),
            hide_archived=status == NOT_ARCHIVED,
            order=order.key if order else "title",
            descending=order.descending if order else False,
        )

    def _review_text(self, document: Document) -> str:
        text = short_date(document.review_on)
        if review_is_overdue(document, self._services.documents.today()):
            text = self.tr("%s (review overdue)") % text
        return text
