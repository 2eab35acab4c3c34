"""The "Agenda" tab of a session: its items in order with their times, and the item editor.

Above the list, a running total says how long the agenda takes and whether it fits: when it
would end, against when the session ends. Items are added, edited and deleted here, and
reordered by dragging or, with the list focused, by Ctrl+Up and Ctrl+Down. Every change goes
through the services first and is then pushed onto the window's undo stack.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import AgendaItem, Meeting
from coproduce.ui import prompts
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.sessions.agenda_item_editor import AgendaItemEditor
from coproduce.ui.sessions.agenda_model import AgendaModel
from coproduce.ui.sessions.session_editor import length_in_words
from coproduce.ui.widgets.form import ERROR_STYLE
from coproduce.ui.widgets.scrolling import scroller_for
from coproduce.ui.widgets.text import heading_label

RECORD_TYPE = "agenda_item"


def agenda_timing(meeting: Meeting, items: list[AgendaItem] | tuple[AgendaItem, ...]) -> str:
    """The running total in words: how long, when it would end, and whether that fits."""
    if not items:
        return "No agenda items yet: add the first with Add item."
    minutes = sum(i.duration_minutes or 0 for i in items)
    untimed = sum(1 for i in items if i.duration_minutes is None)
    count = f"{len(items)} item" + ("s" if len(items) != 1 else "")
    if minutes:
        planned_end = meeting.starts_at + timedelta(minutes=minutes)
        text = f"{count}, {length_in_words(timedelta(minutes=minutes))}: ends at "
        text += f"{planned_end:%H:%M}"
        session_end = f"{meeting.ends_at:%H:%M}"
        if planned_end > meeting.ends_at:
            over = length_in_words(planned_end - meeting.ends_at)
            text += f", {over} after the session ends ({session_end})."
        elif planned_end < meeting.ends_at:
            spare = length_in_words(meeting.ends_at - planned_end)
            text += f"; the session ends at {session_end}, {spare} to spare."
        else:
            text += ", just as the session ends."
    else:
        text = f"{count}, no times set yet."
    if untimed and minutes:
        text += f" {untimed} item" + (" has" if untimed == 1 else "s have") + " no time set."
    return text


def runs_over(meeting: Meeting, items: list[AgendaItem] | tuple[AgendaItem, ...]) -> bool:
    minutes = sum(i.duration_minutes or 0 for i in items)
    return meeting.starts_at + timedelta(minutes=minutes) > meeting.ends_at


class AgendaPlanner(QWidget):
    """A session's agenda: the ordered list, the running total and the item editor."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self.meeting: Meeting | None = None
        self.setAccessibleName(self.tr("Agenda"))

        self.timing_label = QLabel()
        self.timing_label.setWordWrap(True)
        self.timing_label.setAccessibleName(self.tr("Agenda timing"))
        self.timing_label.setTextFormat(Qt.TextFormat.PlainText)

        self.model = AgendaModel(self)
        self.model.move_requested.connect(self.move_item, Qt.ConnectionType.QueuedConnection)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Agenda items"))
        self.table.setAccessibleDescription(
            self.tr(
                "Enter edits the highlighted item; Ctrl+Up and Ctrl+Down move it; Delete "
                "deletes it; Insert adds an item."
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        character = self.fontMetrics().horizontalAdvance("n")
        header.resizeSection(0, 7 * character + 16)
        header.resizeSection(2, 9 * character + 16)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(3, 24 * character)
        self.table.setMinimumHeight(self.fontMetrics().height() * 6)

        self.add_button = QPushButton(self.tr("&Add item"))
        self.add_button.setAccessibleName(self.tr("Add an agenda item"))
        self.add_button.setToolTip(self.tr("Add an item at the end of the agenda (Insert)"))
        self.up_button = QPushButton(self.tr("Move u&p"))
        self.up_button.setAccessibleName(self.tr("Move the agenda item up"))
        self.up_button.setToolTip(self.tr("Move the highlighted item up (Ctrl+Up)"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.down_button.setAccessibleName(self.tr("Move the agenda item down"))
        self.down_button.setToolTip(self.tr("Move the highlighted item down (Ctrl+Down)"))
        self.delete_button = QPushButton(self.tr("De&lete item"))
        self.delete_button.setAccessibleName(self.tr("Delete the agenda item"))
        self.delete_button.setToolTip(self.tr("Delete the highlighted item (Delete)"))

        self.editor = AgendaItemEditor(context)
        self.editor_heading = heading_label(self.tr("New agenda item"))
        font = self.editor_heading.font()
        font.setPointSizeF(self.font().pointSizeF() * 1.15)
        self.editor_heading.setFont(font)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # The item's form scrolls under the list: at a laptop's height the two do not fit
        # one above the other, and the form's Save must never be out of reach.
        form = QWidget()
        form_column = QVBoxLayout(form)
        form_column.setContentsMargins(0, 0, 0, 0)
        form_column.addWidget(self.editor_heading)
        form_column.addWidget(self.editor, 1)
        self.editor_scroller = scroller_for(form, self.tr("Agenda item"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.timing_label)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.editor_scroller, 3)
        self.setFocusProxy(self.table)

        self.add_action = self._action(self.tr("Add an agenda item"), "Insert", self.start_new)
        self.up_action = self._action(
            self.tr("Move the agenda item up"), "Ctrl+Up", lambda: self.move_current(-1)
        )
        self.down_action = self._action(
            self.tr("Move the agenda item down"), "Ctrl+Down", lambda: self.move_current(1)
        )
        self.delete_action = self._action(
            self.tr("Delete the agenda item"), "Delete", self.delete_current
        )
        self.edit_action = self._action(
            self.tr("Edit the agenda item"), "Return", self.edit_current
        )
        self.add_button.clicked.connect(self.start_new)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.delete_button.clicked.connect(self.delete_current)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.editor.saved.connect(self._item_saved)
        context.changes.changed.connect(self._record_changed)
        self.show_meeting(None)

    def _action(self, text: str, keys: str, slot: object) -> QAction:
        """A shortcut that works while the agenda list has the focus (listed under Help)."""
        action = QAction(text, self.table)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)
        return action

    # --- what the session page uses ------------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        """Show this session's agenda (None: nothing). The same session again only reloads
        the list, so an item being edited keeps what was typed."""
        same = meeting_id is not None and self.meeting is not None and meeting_id == self.meeting.id
        try:
            self.meeting = None if meeting_id is None else self._services.meetings.get(meeting_id)
        except CoproduceError:
            self.meeting = None
        self.editor.set_meeting(self.meeting.id if self.meeting else None)
        self.reload()
        if not same or not self.editor.has_unsaved_changes():
            current = self.current_item()
            self.editor.load(current)
            self._show_editor_heading()
        self.setEnabled(self.meeting is not None)

    def reload(self, select_id: int | None = None) -> None:
        """Read the agenda again. The highlight stays on the item in the editor (none while
        a new one is typed), or moves to ``select_id``."""
        shown = self.editor.record
        keep = select_id if select_id is not None else (shown.id if shown else None)
        items: list[AgendaItem] = []
        titles: dict[int, str] = {}
        if self.meeting is not None and self.meeting.id is not None:
            try:
                items = self._services.meetings.agenda(self.meeting.id)
            except CoproduceError:
                items = []
            wanted = list(dict.fromkeys(d for i in items for d in i.document_ids))
            titles = {
                d.id: d.title for d in self._services.documents.get_many(wanted) if d.id is not None
            }
        self.model.set_agenda(items, self.meeting.starts_at if self.meeting else None, titles)
        self._select(keep)
        self._show_timing()
        self._update_buttons()

    def current_item(self) -> AgendaItem | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def start_new(self) -> None:
        """Clear the editor for a new item, which will go at the end of the agenda."""
        if self.meeting is None or not may_leave(self.editor):
            return
        self._select(None)
        self.editor.load(None)
        self._show_editor_heading()
        self.editor.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_current(self) -> None:
        """Go from the list to the highlighted item's title, to change it."""
        if self.current_item() is not None:
            self.editor.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.editor.title_edit.selectAll()

    def move_current(self, step: int) -> None:
        item = self.current_item()
        if item is None or item.id is None:
            return
        row = self.model.row_of(item.id)
        target = row + step
        if 0 <= target < self.model.rowCount():
            self.move_item(item.id, target)

    def move_item(self, item_id: int, new_index: int) -> None:
        """Move an item to ``new_index`` through the services, undoably."""
        row = self.model.row_of(item_id)
        item = self.model.item(row)
        if item is None or row == new_index or not may_leave(self.editor):
            return
        try:
            self._services.meetings.move_agenda_item(item_id, new_index)
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not moved"), str(exc))
            self.reload()
            return
        direction = self.tr("up") if new_index < row else self.tr("down")
        meetings = self._services.meetings
        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Move '%s' %s") % (item.title, direction),
                undo_call=lambda: meetings.move_agenda_item(item_id, row),
                redo_call=lambda: meetings.move_agenda_item(item_id, new_index),
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        self.reload(select_id=item_id)
        self.editor.load(self.current_item())  # nothing unsaved: may_leave saw to that
        self._show_editor_heading()
        self._context.changes.changed.emit(RECORD_TYPE)

    def delete_current(self) -> None:
        item = self.current_item()
        if item is None or item.id is None:
            return
        question = self.tr("Delete the agenda item '%s'?\n\nYou can undo this with Ctrl+Z.")
        if not prompts.ask_yes_no(self, self.tr("Delete"), question % item.title):
            return
        try:
            self._services.meetings.delete_agenda_item(item.id, item.version)
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            self.reload()
            return
        row = self.model.row_of(item.id)
        meetings = self._services.meetings
        item_id = item.id
        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Delete agenda item '%s'") % item.title,
                undo_call=lambda: meetings.restore_agenda_item(item),
                redo_call=lambda: meetings.delete_agenda_item(item_id),
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        if self.editor.record is not None and self.editor.record.id == item.id:
            self.editor.load(None)  # what was typed into the deleted item goes with it
        neighbour = self.model.item(row + 1) or self.model.item(row - 1)
        self.reload(select_id=neighbour.id if neighbour else None)
        self.editor.load(self.current_item())
        self._show_editor_heading()
        self._context.changes.changed.emit(RECORD_TYPE)

    # --- inside --------------------------------------------------------------------------

    def _current_id(self) -> int | None:
        item = self.current_item()
        return item.id if item else None

    def _select(self, item_id: int | None) -> None:
        """Highlight the item without loading it into the editor."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            row = -1 if item_id is None else self.model.row_of(item_id)
            if row < 0:
                selection.clear()
                self.table.setCurrentIndex(QModelIndex())
            else:
                index = self.model.index(row, 1)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()
        self._update_buttons()

    def _row_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        item = self.model.item(current.row()) if current.isValid() else None
        shown = self.editor.record
        if item is not None and shown is not None and item.id == shown.id:
            self._update_buttons()
            return
        if not may_leave(self.editor):
            self._select(shown.id if shown is not None else None)
            return
        self.editor.load(item)
        self._show_editor_heading()
        self._update_buttons()

    def _item_saved(self, item: AgendaItem) -> None:
        self.reload(select_id=item.id)
        self._show_editor_heading()

    def _record_changed(self, record_type: str) -> None:
        if self.meeting is None:
            return
        if record_type == "meeting":
            try:
                self.meeting = self._services.meetings.get(self.meeting.id)  # type: ignore[arg-type]
            except CoproduceError:
                return  # the session itself went: the page shows another
            self.reload()
        elif record_type in (RECORD_TYPE, "document"):
            # The item editor has read its item again already (RecordEditor does that).
            self.reload()
            self._show_editor_heading()

    def _show_timing(self) -> None:
        if self.meeting is None:
            text = self.tr("Save the session first, then plan its agenda here.")
            over = False
        else:
            text = agenda_timing(self.meeting, self.model.items)
            over = runs_over(self.meeting, self.model.items)
        self.timing_label.setText(text)
        self.timing_label.setAccessibleDescription(text)
        self.timing_label.setStyleSheet(ERROR_STYLE if over else "")

    def _show_editor_heading(self) -> None:
        record = self.editor.record
        self.editor_heading.setText(
            self.tr("New agenda item") if record is None else self.tr("Agenda item")
        )

    def _update_buttons(self) -> None:
        item = self.current_item()
        row = self.table.currentIndex().row() if item is not None else -1
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.delete_button.setEnabled(item is not None)
        self.add_button.setEnabled(self.meeting is not None)
