"""The Actions page: the action log of every session, with the selected action's editor.

Everything narrowing the list runs in the database: the search (words in what is to be
done), the owner (a few letters of a name), the group, and what to show (all, still to do,
overdue, or one status); so does sorting by a column heading (due date, status, owner's name,
session date). Overdue actions say so in words ("3 days overdue").

Ctrl+D marks the selected action done and Ctrl+Shift+D drops it; both, like edits and
deletes, can be undone with Ctrl+Z. A new action (Ctrl+N) is logged against a session
chosen in the editor, the selected action's session chosen first.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coproduce.domain.errors import CoproduceError, NotFoundError
from coproduce.domain.records import Action, Page, replace
from coproduce.domain.vocabulary import ActionStatus
from coproduce.services.actions import ActionEntry, ActionFilter
from coproduce.ui import prompts
from coproduce.ui.actions.editor import ActionEditor, describe_action
from coproduce.ui.actions.wording import due_text, status_text
from coproduce.ui.commands import EditCommand, ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.formats import session_time
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.pages.list_page import ListPage
from coproduce.ui.widgets.needs_flag import needs_summary
from coproduce.ui.widgets.record_editor import RecordEditor
from coproduce.ui.widgets.search_field import SearchField

# What the "Show" box offers, and the filter each choice means.
SHOW_CHOICES: tuple[tuple[str, ActionFilter], ...] = (
    ("All actions", ActionFilter()),
    ("Still to do", ActionFilter(open_only=True)),
    ("Overdue actions", ActionFilter(overdue=True)),
    ("Open", ActionFilter(status=ActionStatus.OPEN)),
    ("In progress", ActionFilter(status=ActionStatus.IN_PROGRESS)),
    ("Done", ActionFilter(status=ActionStatus.DONE)),
    ("Dropped", ActionFilter(status=ActionStatus.DROPPED)),
)


class ActionsPage(ListPage):
    title = "Actions"
    singular = "action"
    plural = "actions"
    search_hint = "Search what is to be done"
    widths_in_characters = (24, 13, 24, 16, 22, 18)
    stretch_column = 0
    record_types = ("action", "person", "meeting", "group")

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        self.owner_text = ""
        self.filters = QWidget()
        self.owner_field = SearchField(
            self.tr("Part of a name"), self.tr("Show actions of the owner named")
        )
        self.group_box = QComboBox()
        self.group_box.setAccessibleName(self.tr("Show actions of the group"))
        # Long group names must not push the list off the page: the list opens wider.
        self.group_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.group_box.setMinimumContentsLength(22)
        self.show_box = QComboBox()
        self.show_box.setAccessibleName(self.tr("Show which actions"))
        for label, _filter in SHOW_CHOICES:
            self.show_box.addItem(self.tr(label))
        row = QHBoxLayout(self.filters)
        row.setContentsMargins(0, 0, 0, 0)
        for caption, field in (
            (self.tr("&Owner:"), self.owner_field),
            (self.tr("Group:"), self.group_box),
            (self.tr("Show:"), self.show_box),
        ):
            label = QLabel(caption)
            label.setBuddy(field)
            row.addWidget(label)
            row.addWidget(field)
        row.addStretch(1)
        super().__init__(context, parent)
        # The filters get a row of their own under the search box, so neither is squeezed.
        page_layout = self.layout()
        assert isinstance(page_layout, QVBoxLayout)
        page_layout.insertWidget(page_layout.indexOf(self.splitter), self.filters)
        self.splitter.setSizes([620, 380])  # in proportion: the editor keeps its fields whole
        self._fill_groups()
        assert isinstance(self.editor, ActionEditor)
        self.action_editor: ActionEditor = self.editor

        self.owner_field.search_changed.connect(self._owner_typed)
        self.group_box.currentIndexChanged.connect(lambda _index: self.model.reload())
        self.show_box.currentIndexChanged.connect(lambda _index: self.model.reload())
        self.action_editor.mark_done_requested.connect(self.mark_selected_done)
        self.action_editor.drop_requested.connect(self.drop_selected)

        self.mark_done_action = QAction(self.tr("Mark the selected action done"), self)
        self.mark_done_action.setShortcut(QKeySequence("Ctrl+D"))
        self.mark_done_action.triggered.connect(self.mark_selected_done)
        self.drop_action = QAction(self.tr("Drop the selected action"), self)
        self.drop_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.drop_action.triggered.connect(self.drop_selected)
        for action in (self.mark_done_action, self.drop_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.table.setToolTip(
            self.tr("Ctrl+D marks the selected action done; Ctrl+Shift+D drops it.")
        )
        # The filters joined the page last; Tab still follows the page from top to bottom.
        chain = [
            self.search_field,
            self.new_button,
            self.delete_button,
            self.owner_field,
            self.group_box,
            self.show_box,
            self.table,
            *self.action_editor.tab_chain(),
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- ListPage ------------------------------------------------------------------------

    def is_filtered(self) -> bool:
        return bool(
            self.owner_text or self.group_box.currentIndex() > 0 or self.show_box.currentIndex()
        )

    def make_editor(self) -> RecordEditor[Any]:
        return ActionEditor(self._context)

    def nothing_recorded(self) -> bool:
        return self._services.actions.entries(ActionFilter(), limit=0).total == 0

    def empty_hint(self) -> str:
        if self._services.meetings.list(limit=0).total == 0:
            return self.tr(
                "No actions yet. An action is agreed at a session, so plan a session first: "
                "Sessions, Ctrl+1."
            )
        return self.tr(
            "No actions yet. Add one agreed at a session: New action (Ctrl+N), or during the "
            "session in meeting mode (Ctrl+R on the Sessions page)."
        )

    def record_of(self, entry: ActionEntry) -> Action:
        return entry.action

    def prepare(self) -> None:
        # The editor's session drop-down is not read again here: the editor reads it when a
        # new action is started and when sessions or groups change.
        self._fill_groups()

    def columns(self) -> Sequence[Column[ActionEntry]]:
        return (
            Column(self.tr("What"), lambda e: e.action.text, tooltip=_what_tooltip),
            Column(self.tr("Owner"), _owner_name, tooltip=self._owner_tooltip, sort_key="owner"),
            Column(self.tr("Due"), self._due, sort_key="due"),
            Column(self.tr("Status"), lambda e: status_text(e.action), sort_key="status"),
            Column(
                self.tr("Session"),
                lambda e: e.session.title,
                tooltip=lambda e: f"{e.session.title}, {session_time(e.session.starts_at)}",
                sort_key="session",
            ),
            Column(self.tr("Group"), lambda e: e.group.name),
        )

    def load(self, offset: int, limit: int) -> Page[ActionEntry]:
        chosen = SHOW_CHOICES[max(0, self.show_box.currentIndex())][1]
        order = self.model.order
        filters = replace(
            chosen,
            text=self.search_text,
            owner_text=self.owner_text,
            group_id=self.group_box.currentData(),
            order=order.key if order else None,
            descending=order.descending if order else False,
        )
        return self._services.actions.entries(filters, offset=offset, limit=limit)

    def start_new(self) -> None:
        """A new action, at the selected action's session unless another is chosen."""
        selected = self.selected_record()
        if selected is not None:
            self.action_editor.preferred_session_id = selected.meeting_id
        super().start_new()

    def delete_record(self, record: Action) -> bool:
        if not self.confirm_delete(
            self.tr("the action %s") % describe_action(record),
            self.tr("To keep a record that it will not happen, drop it instead (Ctrl+Shift+D)."),
        ):
            return False
        actions = self._services.actions
        try:
            deleted = actions.delete(record.id, record.version)  # type: ignore[arg-type]
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            self.refresh()
            return False
        # Redo deletes the action as undo put it back, so a later edit is never lost.
        restored = [deleted]

        def put_back() -> None:
            restored[0] = actions.restore(deleted)

        def delete_again() -> None:
            actions.delete(restored[0].id, restored[0].version)  # type: ignore[arg-type]

        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Delete the action %s") % describe_action(deleted),
                undo_call=put_back,
                redo_call=delete_again,
                changes=self._context.changes,
                record_type="action",
                parent_widget=self,
            )
        )
        self._context.changes.changed.emit("action")
        return True

    # --- quick status changes ------------------------------------------------------------

    def mark_selected_done(self) -> None:
        """Mark the selected action done today (Ctrl+D); Ctrl+Z undoes it."""
        self._change_status(ActionStatus.DONE)

    def drop_selected(self) -> None:
        """Mark the selected action dropped (Ctrl+Shift+D); Ctrl+Z undoes it."""
        self._change_status(ActionStatus.DROPPED)

    def _change_status(self, status: ActionStatus) -> None:
        # Settle unsaved typing first, then act on the action the editor shows.
        if not may_leave(self.action_editor):
            return
        chosen = self.action_editor.record
        if chosen is None:
            return
        row = self.table.currentIndex().row()
        actions = self._services.actions
        try:
            before = actions.get(chosen.id)  # as it is now, after any save just made
            if before.status is status:
                return
            if status is ActionStatus.DONE:
                after = actions.mark_done(before.id, expected_version=before.version)  # type: ignore[arg-type]
                text = self.tr("Mark %s done") % describe_action(before)
            else:
                after = actions.drop(before.id, expected_version=before.version)  # type: ignore[arg-type]
                text = self.tr("Drop %s") % describe_action(before)
        except NotFoundError as exc:
            prompts.show_error(self, self.tr("Not changed"), str(exc))
            self.refresh()
            return
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not changed"), str(exc))
            return
        self._context.undo_stack.push(
            EditCommand(
                text,
                save=actions.update,
                fetch=actions.get,
                before=before,
                after=after,
                changes=self._context.changes,
                record_type="action",
                parent_widget=self,
            )
        )
        self._context.changes.changed.emit("action")
        self._keep_place(row, after)

    def _keep_place(self, row: int, changed: Action) -> None:
        """After a change, stay on the action; if the filter now hides it, go to the one
        that took its place, so the keyboard can carry on down the list."""
        if self.show_record_id(changed.id):  # type: ignore[arg-type]
            return
        if self.model.total and row >= 0:
            self.table.selectRow(min(row, self.model.total - 1))
        self.table.setFocus()

    # --- filters -------------------------------------------------------------------------

    def _owner_typed(self, text: str) -> None:
        self.owner_text = text
        self.model.reload()

    def _fill_groups(self) -> None:
        """The groups to choose from, keeping the choice (archived groups too: their
        actions are history worth finding)."""
        chosen = self.group_box.currentData()
        groups = self._services.groups.list().items
        self.group_box.blockSignals(True)
        try:
            self.group_box.clear()
            self.group_box.addItem(self.tr("All groups"), None)
            for group in groups:
                name = group.name if group.active else self.tr("%s (archived)") % group.name
                self.group_box.addItem(name, group.id)
            index = self.group_box.findData(chosen) if chosen is not None else 0
            self.group_box.setCurrentIndex(max(index, 0))
        finally:
            self.group_box.blockSignals(False)

    # --- cells ---------------------------------------------------------------------------

    def _due(self, entry: ActionEntry) -> str:
        return due_text(entry.action, self._services.actions.today())

    def _owner_tooltip(self, entry: ActionEntry) -> str:
        if entry.owner is None:
            return self.tr("Nobody owns this action yet")
        needs = needs_summary(entry.owner.needs, self._services.actions.today())
        if not needs:
            return entry.owner.display_name
        return self.tr("%s. Access needs: %s") % (entry.owner.display_name, needs)


def _owner_name(entry: ActionEntry) -> str:
    return entry.owner.display_name if entry.owner is not None else ""


def _what_tooltip(entry: ActionEntry) -> str:
    if entry.action.note:
        return f"{entry.action.text}\n\nNote: {entry.action.note}"
    return entry.action.text
