"""The sections of the document being edited: add, rename, reorder and delete them.

Each change is saved at once through ``DocumentService`` (not with the document's Save
button: a section is its own record) and pushed onto the window's undo stack, so Ctrl+Z
takes back an added, renamed, moved or deleted section. Sections are shown with their place
(1, 2, 3...) and their own number ("3.2") when they have one.

Keyboard: type a number and a heading below the list and press Enter to add a section; in
the list, F2 renames, Ctrl+Up and Ctrl+Down move the section, Delete deletes it (after one
question). Rows can also be dragged to a new place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError, NotFoundError, ValidationError
from coproduce.domain.records import Document, Page, Section, replace
from coproduce.services.documents import DeletedSection
from coproduce.ui import prompts
from coproduce.ui.commands import EditCommand, ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.documents.section_model import HEADING, NUMBER, SectionTableModel
from coproduce.ui.widgets.form import error_label
from coproduce.ui.widgets.record_table import RecordTable
from coproduce.ui.widgets.text import muted

RECORD_TYPE = "section"


def describe(section: Section) -> str:
    """A section as a person recognises it: "3.2 Short breaks"."""
    return f"{section.number} {section.heading}".strip()


class SectionsEditor(QWidget):
    """The ordered sections of one saved document (none for a new one)."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._documents = context.services.documents
        self._document: Document | None = None
        self._working = False
        context.changes.changed.connect(self._record_changed)
        self.setAccessibleName(self.tr("Sections"))

        self.model = SectionTableModel(
            self._load, move=self.move_section, edit=self.save_in_place, parent=self
        )
        self.table = RecordTable(
            self.model,
            accessible_name=self.tr("Sections of the document"),
            widths_in_characters=(5, 8),
            stretch_column=HEADING,
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDropIndicatorShown(True)
        self.table.setToolTip(
            self.tr(
                "F2 renames the section (on the Number column: changes its number), "
                "Ctrl+Up and Ctrl+Down move it, Delete deletes it. You can also drag a "
                "section to a new place."
            )
        )
        # Tall enough for a handful of sections; the editor's scroll area shows the rest.
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 6)

        caption = QLabel(self.tr("Sect&ions"))
        caption.setBuddy(self.table)
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("About the sections"))
        muted(self.note)

        self.problem = error_label()

        self.number_field = QLineEdit()
        self.number_field.setAccessibleName(self.tr("Number of the new section"))
        self.number_field.setPlaceholderText(self.tr("e.g. 3.2"))
        self.number_field.setMaximumWidth(self.fontMetrics().horizontalAdvance("n") * 10)
        self.heading_field = QLineEdit()
        self.heading_field.setAccessibleName(self.tr("Heading of the new section"))
        self.heading_field.setPlaceholderText(self.tr("e.g. Short breaks"))
        number_label = QLabel(self.tr("Num&ber:"))
        number_label.setBuddy(self.number_field)
        heading_label = QLabel(self.tr("He&ading:"))
        heading_label.setBuddy(self.heading_field)
        self.add_button = QPushButton(self.tr("Add section"))
        self.add_button.setAccessibleName(self.tr("Add the new section at the end"))
        self.add_button.setToolTip(self.tr("Add the new section at the end (Enter)"))
        self.add_button.clicked.connect(self.add_section)
        self.number_field.returnPressed.connect(self.add_section)
        self.heading_field.returnPressed.connect(self.add_section)

        self.rename_button = QPushButton(self.tr("Rena&me"))
        self.rename_button.setAccessibleName(self.tr("Rename the selected section"))
        self.rename_button.setToolTip(self.tr("Rename the selected section (F2)"))
        self.rename_button.clicked.connect(self.rename_selected)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setAccessibleName(self.tr("Move the selected section up"))
        self.up_button.setToolTip(self.tr("Move the selected section up (Ctrl+Up)"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setAccessibleName(self.tr("Move the selected section down"))
        self.down_button.setToolTip(self.tr("Move the selected section down (Ctrl+Down)"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.delete_button = QPushButton(self.tr("Delete section"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected section"))
        self.delete_button.setToolTip(self.tr("Delete the selected section (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)

        # F2 here rather than the view's own edit key: it renames whichever cell is current.
        self._table_action(self.tr("Rename the section"), "F2", self.rename_selected)
        self._table_action(
            self.tr("Move the section up"), "Ctrl+Up", lambda: self.move_selected(-1)
        )
        self._table_action(
            self.tr("Move the section down"), "Ctrl+Down", lambda: self.move_selected(1)
        )
        self._table_action(
            self.tr("Delete the selected section"),
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.delete_selected,
        )

        moves = QHBoxLayout()
        for button in (self.rename_button, self.up_button, self.down_button):
            moves.addWidget(button)
        moves.addStretch(1)
        moves.addWidget(self.delete_button)

        adding = QHBoxLayout()
        adding.addWidget(number_label)
        adding.addWidget(self.number_field)
        adding.addWidget(heading_label)
        adding.addWidget(self.heading_field, 1)
        adding.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(moves)
        layout.addWidget(self.problem)
        layout.addLayout(adding)

        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.set_document(None)

    # --- what the editor uses ------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        """Show the sections of ``document`` (None, or a new one: nothing to show yet)."""
        same = (
            document is not None and self._document is not None and document.id == self._document.id
        )
        self._document = document
        saved = document is not None and document.id is not None
        self.problem.hide()
        if saved:
            self.note.setText(
                self.tr("Saved as you go. Drag a section, or use Ctrl+Up and Ctrl+Down.")
            )
        else:
            self.note.setText(self.tr("Save the document first, then add its sections here."))
        for widget in (self.table, self.number_field, self.heading_field, self.add_button):
            widget.setEnabled(saved)
        if not same:
            self.number_field.clear()
            self.heading_field.clear()
        self.reload(keep=self.current_section_id() if same else None)

    def reload(self, keep: int | None = None) -> None:
        """Read the sections again, keeping the section with id ``keep`` selected."""
        self.model.reload()
        row = -1 if keep is None else self.model.row_of(keep)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, HEADING))
        self._update_buttons()

    def current_section(self) -> Section | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def current_section_id(self) -> int | None:
        section = self.current_section()
        return None if section is None else section.id

    # --- operations (each saved at once, each undoable) ----------------------------------

    def has_pending_section(self) -> bool:
        """A number or heading typed below the list but not added yet."""
        return bool(self.heading_field.text().strip() or self.number_field.text().strip())

    def forget_pending_section(self) -> None:
        self.number_field.clear()
        self.heading_field.clear()

    def add_section(self) -> bool:
        """Add the section typed below the list at the end of the document."""
        if self._document is None or self._document.id is None:
            return False
        section = Section(
            document_id=self._document.id,
            heading=self.heading_field.text(),
            number=self.number_field.text(),
        )
        added = self._do(lambda: self._documents.add_section(section))
        if added is None:
            self.heading_field.setFocus()
            return False
        state: dict[str, DeletedSection] = {}

        def take_back() -> None:
            state["deleted"] = self._documents.delete_section(added.id)

        self._push(
            ServiceCommand(
                self.tr("Add section '%s'") % describe(added),
                undo_call=take_back,
                redo_call=lambda: self._documents.restore_section(state["deleted"]),
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        self.reload(keep=added.id)
        self.number_field.clear()
        self.heading_field.clear()
        # Ready for the next one, starting where this one started.
        (self.number_field if added.number else self.heading_field).setFocus()
        return True

    def rename_selected(self) -> None:
        """Start renaming the selected section in the list: its number when the Number
        column is the current one, otherwise its heading."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        column = NUMBER if index.column() == NUMBER else HEADING
        target = self.model.index(index.row(), column)
        self.table.setFocus()
        self.table.setCurrentIndex(target)
        self.table.edit(target)

    def save_in_place(self, section: Section, field: str, text: str) -> bool:
        """Save a heading or number typed into the list; False (and a message) if refused."""
        changed = replace(section, **{field: text})
        saved = self._do(lambda: self._documents.update_section(changed))
        if saved is None:
            return False
        row = self.model.row_of(section.id)  # type: ignore[arg-type]
        if row >= 0:
            self.model.replace_record(row, saved)
        self._push(
            EditCommand(
                self.tr("Rename section '%s'") % describe(saved),
                save=self._documents.update_section,
                fetch=self._documents.get_section,
                before=section,
                after=saved,
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        return True

    def move_selected(self, step: int) -> bool:
        """Move the selected section ``step`` places (-1: up, 1: down)."""
        section = self.current_section()
        if section is None or section.id is None:
            return False
        target = self.table.currentIndex().row() + step
        if not 0 <= target < self.model.total:
            return False
        return self.move_section(section.id, target)

    def move_section(self, section_id: int, new_index: int) -> bool:
        """Move a section to ``new_index`` (0 is first), as a drop or a key asks."""
        before = self.model.row_of(section_id)
        section = self.model.record(before) if before >= 0 else None
        if section is None or new_index == before:
            return False
        moved = self._do(lambda: self._documents.move_section(section_id, new_index))
        if moved is None:
            return False
        self._push(
            ServiceCommand(
                self.tr("Move section '%s'") % describe(section),
                undo_call=lambda: self._documents.move_section(section_id, before),
                redo_call=lambda: self._documents.move_section(section_id, new_index),
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        self.reload(keep=section_id)
        self.table.setFocus()
        return True

    def delete_selected(self) -> bool:
        """Delete the selected section after asking once (refused with the reason when a
        response names it)."""
        section = self.current_section()
        if section is None or section.id is None:
            return False
        section_id = section.id
        try:
            blocker = self._documents.why_section_not_deletable(section_id)
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            return False
        if blocker:
            prompts.show_error(self, self.tr("Cannot delete the section"), blocker)
            return False
        question = (
            self.tr("Delete the section '%s'?") % describe(section)
            + "\n\n"
            + self.tr(
                "Contributions linked to it will then be linked to the whole document. "
                "You can undo this with Ctrl+Z."
            )
        )
        if not prompts.ask_yes_no(self, self.tr("Delete section"), question):
            return False
        row = self.table.currentIndex().row()
        deleted = self._do(lambda: self._documents.delete_section(section_id, section.version))
        if deleted is None:
            return False
        state = {"deleted": deleted}

        def delete_again() -> None:
            state["deleted"] = self._documents.delete_section(section_id)

        # The section below takes its place in the selection (or the one above, if it was last).
        after = self.model.record(row + 1) or self.model.record(row - 1)
        self._push(
            ServiceCommand(
                self.tr("Delete section '%s'") % describe(section),
                undo_call=lambda: self._documents.restore_section(state["deleted"]),
                redo_call=delete_again,
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        self.reload(keep=None if after is None else after.id)
        return True

    # --- inside --------------------------------------------------------------------------

    def _load(self, offset: int, limit: int) -> Page[Section]:
        if self._document is None or self._document.id is None:
            return Page(items=(), total=0, offset=offset)
        try:
            return self._documents.section_page(self._document.id, offset=offset, limit=limit)
        except NotFoundError:  # the document was deleted; the editor is about to clear
            return Page(items=(), total=0, offset=offset)

    def _do(self, call: Callable[[], Any]) -> Any:
        """Run a service call; show a refusal under the list and give None."""
        self.problem.hide()
        try:
            return call()
        except ValidationError as exc:
            self.problem.setText(exc.message)
            self.problem.show()
        except CoproduceError as exc:  # a conflict, or the document went meanwhile
            prompts.show_error(self, self.tr("Not saved"), str(exc))
            # Later, not now: this may run inside the list's own editing of a row.
            QTimer.singleShot(0, self, lambda: self.reload(self.current_section_id()))
        return None

    def _push(self, command: ServiceCommand) -> None:
        """Record a change already made and tell the window (lists of sections reload)."""
        self._working = True
        try:
            self._context.undo_stack.push(command)
            self._context.changes.changed.emit(RECORD_TYPE)
        finally:
            self._working = False

    def _record_changed(self, record_type: str) -> None:
        if self._working or record_type not in (RECORD_TYPE, "document"):
            return
        if self._document is not None and self._document.id is not None:
            self.reload(self.current_section_id())

    def _update_buttons(self, *_args: object) -> None:
        row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1
        chosen = self.table.isEnabled() and row >= 0 and self.model.record(row) is not None
        self.rename_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < self.model.total - 1)

    def _table_action(self, text: str, keys: str | QKeySequence, slot: Callable[[], Any]) -> None:
        action = QAction(text, self.table)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)
