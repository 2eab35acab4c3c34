"""The editor of one document beside the documents list: its details, where it lives, its
ordered sections, what the groups said about it, and its ladder of co-production.

The details are saved with Save (Ctrl+S) like every record; the sections below are saved as
they are changed (see ``SectionsEditor``). Archive retires the document and can be undone.
A review date in the past is said in words beside the date ("Review overdue").
The Ladder tab's planned rung is one of the document's details (saved with Save and undone
like them); its assessments save at once (see ``LadderTab``), and New ladder assessment
(Ctrl+L) works from anywhere in the editor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError, ValidationError
from coproduce.domain.records import Document, replace
from coproduce.domain.vocabulary import DocumentKind, DocumentStatus
from coproduce.services.documents import DeletedDocument, review_is_overdue
from coproduce.ui import prompts
from coproduce.ui.context import WindowContext
from coproduce.ui.documents.location_field import LocationField
from coproduce.ui.documents.optional_date_edit import OptionalDateEdit
from coproduce.ui.documents.sections_editor import SectionsEditor
from coproduce.ui.editing import may_leave
from coproduce.ui.journeys.document_view import DocumentJourneysView
from coproduce.ui.ladder.ladder_tab import LadderTab
from coproduce.ui.widgets.form import ERROR_STYLE
from coproduce.ui.widgets.record_editor import RecordEditor
from coproduce.ui.widgets.scrolling import scroller_for


class DocumentEditor(RecordEditor[Document]):
    """Title, kind, owner, status, version, review date, location and summary of a document,
    and its sections."""

    record_type = "document"
    record_label = "document"
    scrolls_itself = True

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        documents = self._services.documents
        self._deleted_by_undo: dict[int, DeletedDocument] = {}

        self.title_field = QLineEdit()
        self.kind_field = QComboBox()
        # Item data holds the codes: Qt turns a str-based enum into a plain str anyway.
        for kind in DocumentKind:
            self.kind_field.addItem(kind.label, kind.value)
        self.owner_field = QLineEdit()
        self.owner_field.setPlaceholderText(self.tr("Who is responsible for it"))
        self.status_field = QComboBox()
        for status in DocumentStatus:
            self.status_field.addItem(status.label, status.value)
        self.edition_field = QLineEdit()
        self.edition_field.setPlaceholderText(self.tr("e.g. Draft 3, or 2.1"))
        self.review_field = OptionalDateEdit(
            self.tr("Set a review date"),
            self.tr("Review date"),
            self.tr("Review status"),
            today=documents.today,
        )
        self.review_field.note.setStyleSheet(ERROR_STYLE)
        self.location_field = LocationField()
        self.summary_field = QPlainTextEdit()
        self.summary_field.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.summary_field.setAccessibleName(self.tr("Summary"))
        self.summary_field.setPlaceholderText(self.tr("What the document is for, in a line or two"))
        self.summary_field.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.summary_field.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add = self.errors.add_row
        add(form, self.tr("&Title:"), "title", self.title_field)
        add(form, self.tr("&Kind:"), "kind", self.kind_field)
        add(form, self.tr("&Owner:"), "owner", self.owner_field)
        add(form, self.tr("Stat&us:"), "status", self.status_field)
        add(form, self.tr("Ve&rsion:"), "edition", self.edition_field)
        add(form, self.tr("Revie&w date:"), "review_on", self.review_field)
        add(form, self.tr("&Location:"), "location", self.location_field)
        add(form, self.tr("Summar&y:"), "summary", self.summary_field)
        self.edition_field.setAccessibleName(self.tr("Version"))
        self.edition_field.setToolTip(self.tr("The document's own version or edition"))
        self.sections = SectionsEditor(context)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(form)
        details_layout.addWidget(self.sections, 1)
        # What the groups said about the document, by section, with its figures (read-only).
        self.said = DocumentJourneysView(context)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Parts of the document's record"))
        self.tabs.tabBar().setAccessibleName(self.tr("Parts of the document's record"))
        self.tabs.addTab(
            scroller_for(details, self.tr("About this document")), self.tr("About this document")
        )
        self.tabs.addTab(self.said, self.tr("What the groups said"))
        # Where the work sits on the ladder of co-production, and whether it slipped.
        self.ladder = LadderTab(context)
        self.tabs.addTab(self.ladder, self.tr("Ladder"))
        self.addAction(self.ladder.new_action)  # Ctrl+L from any tab of the editor
        self.body.addWidget(self.tabs, 1)

        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setAccessibleName(self.tr("Archive the document"))
        self.archive_button.setToolTip(
            self.tr("Retire the document: it leaves the list, and what the groups did stays")
        )
        self.archive_button.clicked.connect(self.archive)
        self.buttons.insertWidget(0, self.archive_button)

        open_action = QAction(self.tr("Open the document's file or link"), self)
        open_action.setShortcut(QKeySequence("Ctrl+O"))
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        open_action.triggered.connect(self.open_location)
        self.addAction(open_action)
        self.location_field.open_button.clicked.connect(self.open_location)
        self.location_field.chosen.connect(self._location_chosen)

        self.watch(
            self.title_field,
            self.kind_field,
            self.owner_field,
            self.status_field,
            self.edition_field,
            self.review_field.tick,
            self.review_field.date_edit,
            self.location_field.line_edit,
            self.summary_field,
            self.ladder.planned_field,
        )
        self.review_field.tick.toggled.connect(self._show_review_state)
        self.review_field.date_edit.dateChanged.connect(self._show_review_state)
        self.status_field.currentIndexChanged.connect(self._show_review_state)
        self._set_tab_order()
        self.load(None)

    # --- RecordEditor --------------------------------------------------------------------

    def show_record(self, record: Document | None) -> None:
        document = record or Document(title="")
        self.title_field.setText(document.title)
        self.kind_field.setCurrentIndex(self.kind_field.findData(document.kind.value))
        self.owner_field.setText(document.owner)
        self.status_field.setCurrentIndex(self.status_field.findData(document.status.value))
        self.edition_field.setText(document.edition)
        self.review_field.set_date(document.review_on)
        self.location_field.setText(document.location)
        self.summary_field.setPlainText(document.summary)
        self.archive_button.setEnabled(
            record is not None and record.status is not DocumentStatus.ARCHIVED
        )
        self._show_review_state()
        self.sections.set_document(record)
        self.said.show_document(record)
        self.ladder.set_document(record)

    def collect(self) -> Document:
        base = self.record or Document(title="")
        return replace(
            base,
            title=self.title_field.text(),
            kind=DocumentKind(self.kind_field.currentData()),
            owner=self.owner_field.text(),
            status=DocumentStatus(self.status_field.currentData()),
            edition=self.edition_field.text(),
            review_on=self.review_field.value(),
            location=self.location_field.text(),
            summary=self.summary_field.toPlainText(),
            planned_rung=self.ladder.planned_rung(),
        )

    # A section typed below the list but not added counts as unsaved work of the document:
    # leaving the document asks, saving adds it, discarding forgets it.

    # Unsaved work here is the document's fields, a section typed but not added, and what is
    # typed in the "What the groups said" panel (a link or a response): leaving asks about all.

    def has_unsaved_changes(self) -> bool:
        return (
            super().has_unsaved_changes()
            or self.sections.has_pending_section()
            or self.said.has_unsaved_changes()
        )

    def save_changes(self) -> bool:
        if self.said.has_unsaved_changes() and not self.said.save_changes():
            self.tabs.setCurrentWidget(self.said)  # the message is beside its field there
            return False
        if super().has_unsaved_changes() and not super().save_changes():
            return False
        return not self.sections.has_pending_section() or self.sections.add_section()

    def discard_changes(self) -> None:
        self.said.discard_changes()
        self.sections.forget_pending_section()
        super().discard_changes()

    def unsaved_description(self) -> str:
        parts = []
        if super().has_unsaved_changes():
            parts.append(super().unsaved_description())
        elif self.sections.has_pending_section() and self.record is not None:
            parts.append(self.tr("the new section of %s") % self.describe(self.record))
        if self.said.has_unsaved_changes():
            parts.append(self.said.unsaved_description())
        return " and ".join(parts)

    def create(self, record: Document) -> Document:
        return self._services.documents.create(record)

    def update(self, record: Document) -> Document:
        return self._services.documents.update(record)

    def fetch(self, record_id: int) -> Document:
        return self._services.documents.get(record_id)

    def describe(self, record: Document) -> str:
        return f"'{record.title}'"

    def delete_for_undo(self, record: Document) -> None:
        self._deleted_by_undo[record.id] = self._services.documents.delete(record.id)  # type: ignore[index,arg-type]

    def restore_for_redo(self, record: Document) -> None:
        deleted = self._deleted_by_undo.pop(
            record.id,  # type: ignore[arg-type]
            DeletedDocument(document=record, sections=(), agenda_mentions=()),
        )
        self._services.documents.restore(deleted)

    # --- actions -------------------------------------------------------------------------

    def open_location(self) -> bool:
        """Open the location as typed (saved or not) in the default program."""
        self.errors.clear()
        try:
            return self.location_field.open_location()
        except ValidationError as exc:
            self.errors.show(exc)
            return False

    def archive(self) -> bool:
        """Archive the document shown (asking first about unsaved changes); undoable."""
        if self.record is None or not may_leave(self):
            return False
        before = self.record
        if before is None or before.status is DocumentStatus.ARCHIVED:
            return False
        try:
            archived = self._services.documents.archive(before.id, before.version)  # type: ignore[arg-type]
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not archived"), str(exc))
            return False
        self.show_change_made(self.tr("Archive %s") % self.describe(archived), before, archived)
        self.saved.emit(archived)
        return True

    # --- inside --------------------------------------------------------------------------

    def _location_chosen(self, _path: str) -> None:
        self.errors.clear()
        self._changed()

    def _show_review_state(self, *_args: object) -> None:
        shown = Document(
            title="",
            review_on=self.review_field.value(),
            status=DocumentStatus(self.status_field.currentData() or "in_development"),
        )
        overdue = review_is_overdue(shown, self._services.documents.today())
        self.review_field.set_note(self.tr("Review overdue") if overdue else "")

    def _set_tab_order(self) -> None:
        """Revert and Save go last, after Archive, where they are seen. The base editor
        makes them before any field, which puts them first in the Tab order; taking them out
        and putting them back adds them at the end (``setTabOrder`` cannot move them while
        the editor is not yet in its window)."""
        for button in (self.revert_button, self.save_button):
            self.buttons.removeWidget(button)
            button.setParent(None)  # type: ignore[call-overload]
            self.buttons.addWidget(button)
