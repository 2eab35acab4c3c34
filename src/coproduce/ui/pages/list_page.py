"""What every list page shares: a heading, a note on what is coming, a search box, a count
and a table whose rows load from the services as they are shown.

A page subclass says which columns it has and how to load one page of rows for the current
search; the search itself always runs in the database (the services' filter arguments), never
over rows already in memory, so it finds rows that were never scrolled into view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.records import Page
from coproduce.ui import prompts
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.formats import count_of
from coproduce.ui.models.record_table_model import Column, RecordTableModel
from coproduce.ui.widgets.record_editor import RecordEditor
from coproduce.ui.widgets.record_table import RecordTable
from coproduce.ui.widgets.search_field import SearchField
from coproduce.ui.widgets.text import heading_label, muted


class ListPage(QWidget):
    """A searchable list of one kind of record. Subclasses fill in the class attributes and
    ``columns()`` and ``load()``."""

    title = ""
    singular = ""
    plural = ""
    search_hint = ""
    searchable = True
    """False where the service offers no text search yet: the box is then not shown."""
    coming_next = ""
    widths_in_characters: Sequence[int] = ()
    stretch_column = 0

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        context.changes.changed.connect(self._record_changed)
        self.search_text = ""
        self.setAccessibleName(self.title)

        heading = heading_label(self.title)

        note = QLabel(self.coming_next)
        note.setWordWrap(True)
        note.setAccessibleName(self.tr("What is coming to this page"))
        note.setAccessibleDescription(self.coming_next)
        muted(note)
        note.setVisible(bool(self.coming_next))

        self.search_field = SearchField(
            self.search_hint, self.tr("Search %s") % self.plural, parent=self
        )
        self.search_field.search_changed.connect(self._search_for)
        self.search_field.setVisible(self.searchable)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of %s shown") % self.plural)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # An empty list says what to do first, rather than leaving an empty box.
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName(self.tr("What to do first"))
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label.hide()

        self.model: RecordTableModel[Any] = RecordTableModel(self.columns(), self.load, parent=self)
        self.model.reloaded.connect(self._show_count)
        self.model.load_failed.connect(self._show_failure)
        # One box per loading of the list, however many of its chunks then fail.
        self._failure_told = False
        self.model.modelAboutToBeReset.connect(self._forget_failure)
        self.table = RecordTable(
            self.model,
            accessible_name=self.tr("List of %s") % self.plural,
            widths_in_characters=self.widths_in_characters,
            stretch_column=self.stretch_column,
        )

        tools = QHBoxLayout()
        if self.searchable:
            tools.addWidget(self.search_field, 2)
        for widget in self.filter_widgets():
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.count_label)

        self.editor = self.make_editor()
        self.new_button = QPushButton(self.tr("&New %s") % self.singular)
        self.new_button.setAccessibleName(self.tr("New %s") % self.singular)
        self.new_button.setToolTip(self.tr("New %s (Ctrl+N)") % self.singular)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected %s") % self.singular)
        self.delete_button.setToolTip(self.tr("Delete the selected %s (Delete)") % self.singular)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(tools)
        layout.addWidget(self.empty_label)
        if self.editor is None:
            self.new_button.hide()
            self.delete_button.hide()
            layout.addWidget(self.table, 1)
        else:
            self._build_master_detail(layout, tools)
        self.setFocusProxy(self.search_field if self.searchable else self.table)

    def _build_master_detail(self, layout: QVBoxLayout, tools: QHBoxLayout) -> None:
        assert self.editor is not None
        tools.addWidget(self.new_button)
        tools.addWidget(self.delete_button)
        self.new_button.clicked.connect(self.start_new)
        self.delete_button.clicked.connect(self.delete_selected)
        new_action = QAction(self.tr("New %s") % self.singular, self)
        new_action.setShortcut(QKeySequence.StandardKey.New)
        new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_action.triggered.connect(self.start_new)
        delete_action = QAction(self.tr("Delete the selected %s") % self.singular, self)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.addAction(new_action)
        self.table.addAction(delete_action)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        if self.editor.scrolls_itself:  # its tabs scroll: no scroll area around them
            self.editor.setAccessibleName(self.tr("%s details") % self.singular.capitalize())
            self.splitter.addWidget(self.editor)
        else:
            scroller = QScrollArea()
            scroller.setAccessibleName(self.tr("%s details") % self.singular.capitalize())
            scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the fields
            scroller.setWidget(self.editor)
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            self.splitter.addWidget(scroller)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.editor.saved.connect(self._editor_saved)
        self.model.modelReset.connect(self._reselect_after_reload)
        self._shown_id: int | None = None
        self.delete_button.setEnabled(False)

    # --- for subclasses ------------------------------------------------------------------

    def columns(self) -> Sequence[Column[Any]]:
        raise NotImplementedError

    def load(self, offset: int, limit: int) -> Page[Any]:
        """One page of rows matching ``self.search_text`` (and the page's other filters)."""
        raise NotImplementedError

    def filter_widgets(self) -> Sequence[QWidget]:
        """Extra filter controls placed after the search box."""
        return ()

    def prepare(self) -> None:
        """Load what every row needs (a few lookups) before the rows are loaded again."""

    def make_editor(self) -> RecordEditor[Any] | None:
        """The editor shown beside the list for the selected row; None: a list only."""
        return None

    def record_of(self, entry: Any) -> Any:
        """The record an editor edits, from a row's entry (override when rows wrap it)."""
        return entry

    def delete_record(self, record: Any) -> bool:
        """Delete ``record`` through the services, pushing an undo command; True if done.

        Pages that allow deleting override this (asking once through ``confirm_delete``)."""
        return False

    def confirm_delete(self, description: str, consequence: str = "") -> bool:
        text = self.tr("Delete %s?") % description
        if consequence:
            text += "\n\n" + consequence
        text += "\n\n" + self.tr("You can undo this with Ctrl+Z.")
        return prompts.ask_yes_no(self, self.tr("Delete"), text)

    # --- master and detail ---------------------------------------------------------------

    def selected_record(self) -> Any:
        """The record the page is on: with an editor, the one the editor shows (None while a
        new record is typed, wherever the table's cursor rests); else the current row's."""
        if self.editor is not None:
            return self.editor.record
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        entry = self.model.record(index.row())
        return None if entry is None else self.record_of(entry)

    def start_new(self) -> None:
        """Clear the editor for a new record (after asking about unsaved changes)."""
        if self.editor is None or not may_leave(self.editor):
            return
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            # Clear the cursor too: a row left current would still answer Delete and Ctrl+D,
            # and clicking it again would not open it.
            selection.clear()
        finally:
            selection.blockSignals(False)
        self._shown_id = None
        self.editor.load(None)
        self.delete_button.setEnabled(False)
        self.editor.focus_first_field()

    def delete_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        # Unsaved typing is kept unless the delete really happens (the person may say No).
        if self.delete_record(record):
            self._shown_id = None
            if self.editor is not None:
                self.editor.load(None)
            self.refresh()

    def show_record_id(self, record_id: int) -> bool:
        """Select the row of the record with ``record_id`` if it is loaded (first chunks)."""
        for row in range(min(self.model.total, 2000)):
            entry = self.model.record(row)
            if entry is not None and getattr(self.record_of(entry), "id", None) == record_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        return False

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.editor is None or not current.isValid():
            return
        entry = self.model.record(current.row())
        record = None if entry is None else self.record_of(entry)
        record_id = getattr(record, "id", None)
        if record_id is not None and record_id == self._shown_id:
            return
        if not may_leave(self.editor):
            self._reselect(self._shown_id)
            return
        self._shown_id = record_id
        self.editor.load(record)
        self.delete_button.setEnabled(record is not None)

    def _editor_saved(self, record: Any) -> None:
        self._shown_id = getattr(record, "id", None)
        self.refresh()

    def _reselect_after_reload(self) -> None:
        if self._shown_id is not None:
            self._reselect(self._shown_id)

    def _reselect(self, record_id: int | None) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if record_id is None or not self.show_record_id(record_id):
                self.table.clearSelection()
        finally:
            selection.blockSignals(False)
        self.delete_button.setEnabled(self.selected_record() is not None)

    # --- Editing: the window asks before leaving the page ------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.editor is not None and self.editor.has_unsaved_changes()

    def save_changes(self) -> bool:
        return self.editor is None or self.editor.save_changes()

    def discard_changes(self) -> None:
        if self.editor is not None:
            self.editor.discard_changes()

    def unsaved_description(self) -> str:
        return self.editor.unsaved_description() if self.editor is not None else ""

    # --- behaviour -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the list again from the database, keeping the search."""
        self.prepare()
        self.model.reload()

    def _search_for(self, text: str) -> None:
        self.search_text = text
        self.model.reload()

    def _show_count(self, total: int) -> None:
        if self.model.failure:
            return  # not "no people yet": ``_show_failure`` says it could not be read
        self.count_label.setToolTip("")  # an earlier failure's message, if any
        self._show_empty_hint(total)
        if total:
            self.count_label.setText(count_of(total, self.singular, self.plural))
        elif self.search_text or self.is_filtered():
            self.count_label.setText(self.tr("No %s match") % self.plural)
        else:
            self.count_label.setText(self.tr("No %s yet") % self.plural)
        self.count_label.setAccessibleDescription(self.count_label.text())

    def _show_failure(self, message: str) -> None:
        self.count_label.setText(self.tr("Could not load the list"))
        self.count_label.setToolTip(message)
        self.count_label.setAccessibleDescription(self.count_label.text())
        self.empty_label.hide()  # not "nothing here yet": it could not be read
        # A damaged database or a server gone away must be seen, not only hovered over:
        # a box, once the paint or the reload that met the failure is over.
        if not self._failure_told:
            self._failure_told = True
            prompts.show_error_soon(self, self.tr("Could not load the list"), message)

    def _forget_failure(self) -> None:
        self._failure_told = False

    record_types: tuple[str, ...] = ()
    """Record types whose change (announced on ``DataChanges``) means this list reloads."""

    def _record_changed(self, record_type: str) -> None:
        if record_type in self.record_types:
            self.refresh()

    def is_filtered(self) -> bool:
        """True when a filter other than the search box narrows the list."""
        return False

    def nothing_recorded(self) -> bool:
        """True when there are no records of this kind at all, whatever the filters say.
        Pages whose filters hide records by default ask their service."""
        return not self.is_filtered()

    def empty_hint(self) -> str:
        """What to do first when there is nothing at all to list. Pages say it in their own
        words; the default points at the New button."""
        return self.tr("No %s yet. Add the first one: New %s (Ctrl+N).") % (
            self.plural,
            self.singular,
        )

    def _show_empty_hint(self, total: int) -> None:
        hint = ""
        if total == 0 and not self.search_text and self.nothing_recorded():
            hint = self.empty_hint()
        self.empty_label.setText(hint)
        self.empty_label.setAccessibleDescription(hint)
        self.empty_label.setVisible(bool(hint))
        # Heard on coming into the empty list, where a sighted person sees the line above it.
        self.table.setAccessibleDescription(hint)
