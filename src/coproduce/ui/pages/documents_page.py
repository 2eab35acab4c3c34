"""The Documents page: the library of strategies, policies, practice standards, service
designs and projects the groups influence, with the editor of the selected one beside it.

Searching (by title), the kind and status filters and sorting (by title or review date) all
run in the database. Archived documents are left out unless the status filter asks for them.
A review date in the past is flagged in words in the list ("review overdue").

Deleting asks once and can be undone; a document with contributions linked to it or ladder
assessments is refused with the reason before anything is asked (archive it instead).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import Document, Page
from coproduce.domain.vocabulary import DocumentKind, DocumentStatus
from coproduce.services.documents import DeletedDocument, DocumentFilter, review_is_overdue
from coproduce.ui import prompts
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.documents.document_editor import DocumentEditor
from coproduce.ui.formats import count_of, short_date
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.pages.list_page import ListPage

NOT_ARCHIVED = "not archived"
ANY_STATUS = "any"


class DocumentsPage(ListPage):
    title = "Documents"
    singular = "document"
    plural = "documents"
    search_hint = "Search document titles"
    coming_next = (
        "Coming next: every contribution linked to a document, what was done about each, "
        "and where its work sits on the ladder of co-production."
    )
    widths_in_characters = (30, 18, 24, 16, 14, 24)
    stretch_column = 0
    record_types = ("document",)

    editor: DocumentEditor

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        # The list has six columns and the editor fits in less than half: give the list
        # the larger share at first (the person can drag the divider).
        self.splitter.setSizes([600, 400])

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
        return (self.kind_filter, self.status_filter)

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
