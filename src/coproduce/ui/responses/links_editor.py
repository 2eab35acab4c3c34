"""The documents (or sections) one contribution is linked to, and how it bears on each.

Each link is saved as it is made, changed or removed (not with Save: a link is its own
record), announced as a change of ``"link"`` and pushed onto the window's undo stack.
Linking never touches the response: deciding what happened is a separate step.

Keyboard: type part of a document's title in Document and press Enter (or Down to the
matches and Enter) to take it; then choose a section or "the whole document", a relation
and an optional note, and press Enter in the note (or Add link). In the list, choosing
a link puts it in the fields below, where Change link saves a new relation, section or
note; Delete removes it.

A removed link that is put back by undo gets a new id; ``LinkIdentities`` follows each link
through such re-creations, so the other steps on the undo stack still find it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import ConflictError, CoproduceError, ValidationError
from coproduce.domain.records import Link, Page, Section, replace
from coproduce.domain.vocabulary import LinkRelation
from coproduce.ui import prompts
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.models.record_table_model import Column, RecordTableModel
from coproduce.ui.responses.document_chooser import DocumentChooser
from coproduce.ui.widgets.form import FieldErrors
from coproduce.ui.widgets.record_table import RecordTable

RECORD_TYPE = "link"
WHOLE_DOCUMENT = "The whole document"


def section_name(section: Section) -> str:
    """``3.2 Short breaks``."""
    return f"{section.number} {section.heading}".strip()


@dataclass(frozen=True, slots=True)
class ShownLink:
    """A link with the names a person recognises."""

    link: Link
    document: str
    section: str

    def place(self) -> str:
        """``1 Housing, in Carers strategy``; ``The whole of Carers strategy``. The section
        comes first: in a narrow list it is what tells the links of one document apart."""
        if self.link.section_id is None:
            return f"The whole of {self.document}"
        return f"{self.section}, in {self.document}"

    def describe(self) -> str:
        """The place, the relation and the note, for the row's tooltip."""
        text = f"{self.place()}, {self.link.relation.label.lower()}"
        return f"{text}. {self.link.note}" if self.link.note else text


# --- following a link through undo ---------------------------------------------------------


class LinkIdentity:
    """One link as the undo stack knows it; ``id`` follows re-creations by undo."""

    __slots__ = ("id",)

    def __init__(self, link_id: int) -> None:
        self.id = link_id


class LinkIdentities:
    """Every link the undo steps of one window refer to, by its id now."""

    def __init__(self) -> None:
        self._by_id: dict[int, LinkIdentity] = {}

    def of(self, link_id: int) -> LinkIdentity:
        return self._by_id.setdefault(link_id, LinkIdentity(link_id))

    def moved(self, identity: LinkIdentity, new_id: int) -> None:
        self._by_id.pop(identity.id, None)
        identity.id = new_id
        self._by_id[new_id] = identity


_identities: weakref.WeakKeyDictionary[QObject, LinkIdentities] = weakref.WeakKeyDictionary()


def identities_for(undo_stack: QObject) -> LinkIdentities:
    """The registry shared by every links editor of one window (one undo stack)."""
    found = _identities.get(undo_stack)
    if found is None:
        found = _identities[undo_stack] = LinkIdentities()
    return found


# --- the editor ----------------------------------------------------------------------------


class LinksEditor(QWidget):
    """The links of one contribution, with the fields to add or change one.

    Signals:
        changed(): what is typed in the fields changed (unsaved work, for the panel).
        links_changed(): a link was added, changed or removed here.
    """

    changed = Signal()
    links_changed = Signal()

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._contributions = context.services.contributions
        self._documents = context.services.documents
        self._identities = identities_for(context.undo_stack)
        self._contribution_id: int | None = None
        self._filling = False
        self._baseline: tuple[Any, ...] = ()
        self.errors = FieldErrors()
        self.setAccessibleName(self.tr("Links to documents"))

        self.model: RecordTableModel[ShownLink] = RecordTableModel(
            (
                Column(self.tr("Linked to"), ShownLink.place, tooltip=ShownLink.describe),
                Column(self.tr("Relation"), lambda shown: self.tr(shown.link.relation.label)),
            ),
            lambda _offset, _limit: Page(items=(), total=0),
            parent=self,
        )
        self.table = RecordTable(
            self.model,
            accessible_name=self.tr("Documents this contribution is linked to"),
            widths_in_characters=(20, 16),
            stretch_column=0,
        )
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setToolTip(
            self.tr("Choose a link to change it below; Delete removes the chosen link.")
        )
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(
            row_height * 2 + self.table.horizontalHeader().sizeHint().height()
        )
        self.table.setMaximumHeight(row_height * 5)
        self.table.selectionModel().currentRowChanged.connect(self._link_chosen)
        remove = QAction(self.tr("Remove the chosen link"), self.table)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_selected)
        self.table.addAction(remove)

        self.document_field = DocumentChooser(context.services)
        self.section_field = QComboBox()
        self.section_field.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.section_field.setMinimumContentsLength(12)
        self.relation_field = QComboBox()
        for relation in LinkRelation:
            self.relation_field.addItem(self.tr(relation.label), relation.value)
        self.note_field = QLineEdit()
        self.note_field.setPlaceholderText(self.tr("Optional: what it changed, or why"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.errors.add_row(form, self.tr("Docu&ment:"), "document_id", self.document_field)
        self.errors.add_row(form, self.tr("Sect&ion:"), "section_id", self.section_field)
        self.errors.add_row(form, self.tr("Re&lation:"), "relation", self.relation_field)
        self.errors.add_row(form, self.tr("N&ote:"), "note", self.note_field)
        self.document_field.setAccessibleName(self.tr("Document to link"))
        self.section_field.setAccessibleName(self.tr("Section"))
        self.relation_field.setAccessibleName(self.tr("Relation"))
        self.note_field.setAccessibleName(self.tr("Note about the link"))

        self.add_button = QPushButton(self.tr("Add link"))
        self.add_button.setAccessibleName(self.tr("Add the link"))
        self.add_button.clicked.connect(self.add_link)
        self.change_button = QPushButton(self.tr("Change link"))
        self.change_button.setAccessibleName(self.tr("Save the changes to the chosen link"))
        self.change_button.clicked.connect(self.change_selected)
        self.remove_button = QPushButton(self.tr("Remove link"))
        self.remove_button.setAccessibleName(self.tr("Remove the chosen link"))
        self.remove_button.setToolTip(self.tr("Remove the chosen link (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)

        self.document_field.edited.connect(self._document_typed)
        self.document_field.chosen.connect(self._document_taken)
        self.section_field.currentIndexChanged.connect(self._edited)
        self.relation_field.currentIndexChanged.connect(self._edited)
        self.note_field.textEdited.connect(self._edited)
        # Enter in the note adds the link (or saves the change). Not in Document: Enter
        # there picks a title from the matches, and the section is still to choose.
        self.note_field.returnPressed.connect(self._enter_pressed)
        self.show_contribution(None)

    # --- what the panel uses -------------------------------------------------------------

    def show_contribution(self, contribution_id: int | None) -> None:
        """Show the links of a contribution (None: nothing), with empty fields."""
        self._contribution_id = contribution_id
        self.setEnabled(contribution_id is not None)
        self.reload()
        self._clear_fields()

    def reload(self) -> None:
        """Read the links again (after an undo or a change elsewhere); typing is kept."""
        chosen = self.selected_link()
        rows = self._shown_links()
        self._filling = True  # the fields keep what is typed in them
        try:
            self.model.set_loader(lambda _offset, _limit: Page(items=tuple(rows), total=len(rows)))
            if chosen is not None:
                for row, shown in enumerate(rows):
                    if shown.link.id == chosen.id:
                        self.table.selectRow(row)
        finally:
            self._filling = False
        self._update_buttons()

    def refresh_documents(self) -> None:
        """Offer the chosen document's sections as they are now; typing is kept."""
        self._fill_sections(self.document_field.document_id())

    def links(self) -> list[Link]:
        return [shown.link for shown in self._rows()]

    def selected_link(self) -> Link | None:
        index = self.table.currentIndex()
        shown = self.model.record(index.row()) if index.isValid() else None
        return shown.link if shown else None

    def has_pending_link(self) -> bool:
        """Something typed in the fields that is not saved as a link."""
        return self._contribution_id is not None and self._state() != self._baseline

    def save_pending_link(self) -> bool:
        """Save what is typed: a change to the chosen link, or else a new link."""
        if self.selected_link() is not None and self._state()[0] == self._baseline[0]:
            return self.change_selected()
        return self.add_link()

    def forget_pending_link(self) -> None:
        self._clear_fields()

    def pending_description(self) -> str:
        title = self.document_field.text().strip()
        return self.tr("the link to “%s”") % title if title else self.tr("the link")

    # --- changes -------------------------------------------------------------------------

    def add_link(self) -> bool:
        """Link the contribution to the document and section in the fields."""
        try:
            wanted = self._link_from_fields(Link(contribution_id=self._id(), document_id=0))
            added = self._contributions.link(wanted)
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not linked"), str(exc))
            return False
        assert added.id is not None
        identity = self._identities.of(added.id)
        self._push(
            self.tr("Link to %s") % self._place(added),
            undo_call=lambda: self._unlink(identity),
            redo_call=lambda: self._relink(identity, added),
        )
        self._clear_fields()
        self._announce()
        return True

    def change_selected(self) -> bool:
        """Save the fields into the chosen link (its relation, section or note)."""
        before = self.selected_link()
        if before is None:
            return False
        try:
            after = self._contributions.update_link(self._link_from_fields(before))
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Link not changed"), str(exc))
            return False
        assert before.id is not None
        identity = self._identities.of(before.id)
        self._push(
            self.tr("Change the link to %s") % self._place(after),
            undo_call=lambda: self._put_back(identity, expected=after, wanted=before),
            redo_call=lambda: self._put_back(identity, expected=before, wanted=after),
        )
        self._announce()
        self._baseline = self._state()
        return True

    def remove_selected(self) -> bool:
        """Remove the chosen link (undo puts it back)."""
        link = self.selected_link()
        if link is None or link.id is None:
            return False
        self.errors.clear()
        try:
            self._contributions.unlink(link.id, link.version)
        except ValidationError as exc:
            self.errors.general.setText(exc.message)
            self.errors.general.show()
            return False
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Link not removed"), str(exc))
            return False
        identity = self._identities.of(link.id)
        self._push(
            self.tr("Remove the link to %s") % self._place(link),
            undo_call=lambda: self._relink(identity, link),
            redo_call=lambda: self._unlink(identity),
        )
        self._clear_fields()
        self._announce()
        return True

    # --- undo and redo (called long after; only services and remembered records) ---------

    def _unlink(self, identity: LinkIdentity) -> None:
        self._contributions.unlink(identity.id)

    def _relink(self, identity: LinkIdentity, link: Link) -> None:
        again = self._contributions.link(replace(link, id=None, version=0))
        assert again.id is not None
        self._identities.moved(identity, again.id)

    def _put_back(self, identity: LinkIdentity, *, expected: Link, wanted: Link) -> None:
        current = next(
            (
                link
                for link in self._contributions.links_of(wanted.contribution_id)
                if link.id == identity.id
            ),
            None,
        )
        if current is None or replace(current, id=None, version=0) != replace(
            expected, id=None, version=0
        ):
            raise ConflictError(
                "Link", identity.id, "undo the later changes first, or edit it again by hand"
            )
        self._contributions.update_link(replace(wanted, id=identity.id, version=current.version))

    def _push(
        self, text: str, *, undo_call: Callable[[], object], redo_call: Callable[[], object]
    ) -> None:
        self._context.undo_stack.push(
            ServiceCommand(
                text,
                undo_call=undo_call,
                redo_call=redo_call,
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )

    def _announce(self) -> None:
        self.reload()
        self.links_changed.emit()
        self._context.changes.changed.emit(RECORD_TYPE)

    # --- inside --------------------------------------------------------------------------

    def _id(self) -> int:
        if self._contribution_id is None:
            raise ValidationError(self.tr("Choose a contribution first."))
        return self._contribution_id

    def _rows(self) -> list[ShownLink]:
        return [
            shown
            for row in range(self.model.rowCount())
            if (shown := self.model.record(row)) is not None
        ]

    def _shown_links(self) -> list[ShownLink]:
        if self._contribution_id is None:
            return []
        try:
            links = self._contributions.links_of(self._contribution_id)
        except CoproduceError:  # deleted meanwhile: the panel is told separately
            return []
        titles = {
            document.id: document.title
            for document in self._documents.get_many(sorted({link.document_id for link in links}))
        }
        sections: dict[int, str] = {}
        for document_id in {link.document_id for link in links if link.section_id}:
            for section in self._documents.sections(document_id):
                assert section.id is not None
                sections[section.id] = section_name(section)
        return [
            ShownLink(
                link,
                titles.get(link.document_id, ""),
                sections.get(link.section_id, "") if link.section_id else self.tr(WHOLE_DOCUMENT),
            )
            for link in links
        ]

    def _place(self, link: Link) -> str:
        title = next(
            (s.document for s in self._rows() if s.link.document_id == link.document_id), ""
        )
        if not title:
            try:
                title = self._documents.get(link.document_id).title
            except CoproduceError:
                title = ""
        return f"“{title}”" if title else self.tr("a document")

    def _document_typed(self) -> None:
        if self._filling:
            return
        self._fill_sections(self.document_field.document_id())
        self._edited()

    def _document_taken(self, document_id: int) -> None:
        self._fill_sections(document_id)
        self._edited()
        self.section_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_sections(self, document_id: int | None, keep: int | None = None) -> None:
        was_filling, self._filling = self._filling, True
        try:
            current = self.section_field.currentData() if keep is None else keep
            self.section_field.clear()
            if document_id is None:
                self.section_field.setPlaceholderText(self.tr("Choose the document first"))
                self.section_field.setCurrentIndex(-1)
                return
            self.section_field.addItem(self.tr(WHOLE_DOCUMENT), 0)
            try:
                sections = self._documents.sections(document_id)
            except CoproduceError:
                sections = []
            for section in sections:
                self.section_field.addItem(section_name(section), section.id)
            found = self.section_field.findData(current) if current else -1
            self.section_field.setCurrentIndex(max(found, 0))
        finally:
            self._filling = was_filling

    def _link_from_fields(self, base: Link) -> Link:
        document_id = self.document_field.document_id()
        if document_id is None:
            typed = self.document_field.text().strip()
            raise ValidationError(
                self.tr("No document's title contains “%s”. Type more of the title, or choose it.")
                % typed
                if typed
                else self.tr("Type part of the document's title, then choose it."),
                "document_id",
            )
        section = self.section_field.currentData()
        return replace(
            base,
            document_id=document_id,
            section_id=int(section) if section else None,
            relation=LinkRelation(self.relation_field.currentData()),
            note=self.note_field.text(),
        )

    def _state(self) -> tuple[Any, ...]:
        return (
            self.document_field.text().strip(),
            self.section_field.currentData(),
            self.relation_field.currentData(),
            self.note_field.text(),
        )

    def _clear_fields(self) -> None:
        self._filling = True
        try:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self.document_field.set_document(None)
            self._fill_sections(None)
            self.relation_field.setCurrentIndex(
                self.relation_field.findData(LinkRelation.CONSIDERED.value)
            )
            self.note_field.clear()
        finally:
            self._filling = False
        self.errors.clear()
        self._baseline = self._state()
        self._update_buttons()
        self.changed.emit()

    def _link_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._filling:
            return
        shown = self.model.record(current.row()) if current.isValid() else None
        self._filling = True
        try:
            if shown is not None:
                link = shown.link
                self.document_field.set_document(link.document_id, shown.document)
                self._fill_sections(link.document_id, keep=link.section_id or 0)
                self.relation_field.setCurrentIndex(
                    self.relation_field.findData(link.relation.value)
                )
                self.note_field.setText(link.note)
        finally:
            self._filling = False
        self.errors.clear()
        self._baseline = self._state()
        self._update_buttons()
        self.changed.emit()

    def _edited(self, *_args: object) -> None:
        if not self._filling:
            self._update_buttons()
            self.changed.emit()

    def _enter_pressed(self) -> None:
        if self.has_pending_link():
            self.save_pending_link()

    def _update_buttons(self) -> None:
        chosen = self.selected_link() is not None
        self.remove_button.setEnabled(chosen)
        self.change_button.setEnabled(chosen and self.has_pending_link())
        self.add_button.setEnabled(bool(self.document_field.text().strip()))
