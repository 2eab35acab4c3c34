"""The "Actions from last time" tab: open actions agreed at the group's earlier sessions.

They come from ``ActionService.carried_forward`` (every earlier session of the group, not
only the last, so nothing agreed quietly falls off). Marking one done or dropped takes it
off the list; both are undoable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import Action, Page, replace
from coproduce.domain.vocabulary import ActionStatus
from coproduce.ui import prompts
from coproduce.ui.commands import EditCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import short_date
from coproduce.ui.models.record_table_model import Column, RecordTableModel
from coproduce.ui.sessions.readable_column import ReadableColumn
from coproduce.ui.widgets.record_table import RecordTable
from coproduce.ui.widgets.text import muted

RECORD_TYPE = "action"


@dataclass(frozen=True, slots=True)
class CarriedAction:
    """One line of the list: the action, who owns it and where it was agreed."""

    action: Action
    owner_name: str
    agreed_on: str
    session_title: str
    overdue: bool


def _due(entry: CarriedAction) -> str:
    if entry.action.due_on is None:
        return ""
    due = short_date(entry.action.due_on)
    return f"{due} (overdue)" if entry.overdue else due


class CarriedActions(QWidget):
    """The open actions a session carries from the group's earlier sessions."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self.meeting_id: int | None = None
        self._entries: tuple[CarriedAction, ...] = ()
        self.setAccessibleName(self.tr("Actions from last time"))

        self.note = QLabel(
            self.tr(
                "Open actions agreed at this group's earlier sessions. Each stays here until "
                "it is marked done or dropped."
            )
        )
        self.note.setWordWrap(True)
        muted(self.note)
        self.model: RecordTableModel[CarriedAction] = RecordTableModel(
            self.columns(), self._load, parent=self
        )
        self.table = RecordTable(
            self.model,
            accessible_name=self.tr("Actions from last time"),
            widths_in_characters=(30, 12, 19, 9, 11),
            stretch_column=0,
        )
        self.table.setAccessibleDescription(
            self.tr("Ctrl+D marks the highlighted action done; Ctrl+Shift+D marks it dropped.")
        )
        self.what_column = ReadableColumn(self.table, 0, 26)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName(self.tr("Actions from last time"))
        self.done_button = QPushButton(self.tr("Mark d&one"))
        self.done_button.setAccessibleName(self.tr("Mark the action done"))
        self.done_button.setToolTip(self.tr("Mark the highlighted action done (Ctrl+D)"))
        self.drop_button = QPushButton(self.tr("Mark dro&pped"))
        self.drop_button.setAccessibleName(self.tr("Mark the action dropped"))
        self.drop_button.setToolTip(self.tr("The group decided not to do it (Ctrl+Shift+D)"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.drop_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        layout.addStretch(0)
        self.setFocusProxy(self.table)

        for text, keys, status in (
            (self.tr("Mark the action done"), "Ctrl+D", ActionStatus.DONE),
            (self.tr("Mark the action dropped"), "Ctrl+Shift+D", ActionStatus.DROPPED),
        ):
            action = QAction(text, self.table)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, s=status: self.mark_current(s))
            self.table.addAction(action)
        self.done_button.clicked.connect(lambda: self.mark_current(ActionStatus.DONE))
        self.drop_button.clicked.connect(lambda: self.mark_current(ActionStatus.DROPPED))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        context.changes.changed.connect(self._record_changed)
        self.show_meeting(None)

    def columns(self) -> Sequence[Column[CarriedAction]]:
        return (
            Column(self.tr("What"), lambda e: e.action.text),
            Column(self.tr("Owner"), lambda e: e.owner_name),
            Column(self.tr("Due"), _due),
            Column(self.tr("Status"), lambda e: e.action.status.label),
            Column(
                self.tr("Agreed on"),
                lambda e: e.agreed_on,
                tooltip=lambda e: f"{e.session_title} ({e.agreed_on})",
            ),
        )

    # --- what the session page uses ------------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.reload()

    def reload(self) -> None:
        keep = self.table.currentIndex().row()
        self._entries = self._read()
        self.model.reload()
        if self.model.total:
            self.table.selectRow(min(max(keep, 0), self.model.total - 1))
        self._show_empty()
        self._update_buttons()

    def current_action(self) -> Action | None:
        index = self.table.currentIndex()
        entry = self.model.record(index.row()) if index.isValid() else None
        return entry.action if entry else None

    def mark_current(self, status: ActionStatus) -> None:
        """Mark the highlighted action done or dropped (undoable): it leaves the list."""
        action = self.current_action()
        if action is None:
            return
        actions = self._services.actions
        try:
            if status is ActionStatus.DONE:
                after = actions.mark_done(action.id, expected_version=action.version)  # type: ignore[arg-type]
            else:
                after = actions.update(replace(action, status=status))
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not changed"), str(exc))
            self.reload()
            return
        self._context.undo_stack.push(
            EditCommand(
                self.tr("Mark '%s' %s") % (_short(action.text), status.label.lower()),
                save=actions.update,
                fetch=actions.get,
                before=action,
                after=after,
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        self._context.changes.changed.emit(RECORD_TYPE)

    # --- inside --------------------------------------------------------------------------

    def _read(self) -> tuple[CarriedAction, ...]:
        if self.meeting_id is None:
            return ()
        try:
            actions = self._services.actions.carried_forward(self.meeting_id)
        except CoproduceError:
            return ()
        owner_ids = list({a.owner_id for a in actions if a.owner_id is not None})
        owners = {p.id: p.display_name for p in self._services.people.get_many(owner_ids)}
        meeting_ids = list(dict.fromkeys(a.meeting_id for a in actions))
        sessions = {m.id: m for m in self._services.meetings.get_many(meeting_ids)}
        today = self._services.actions.today()
        return tuple(
            CarriedAction(
                action=action,
                owner_name=owners.get(action.owner_id, "") if action.owner_id else "",
                agreed_on=short_date(sessions[action.meeting_id].starts_at.date())
                if action.meeting_id in sessions
                else "",
                session_title=sessions[action.meeting_id].title
                if action.meeting_id in sessions
                else "",
                overdue=action.is_overdue(today),
            )
            for action in actions
        )

    def _load(self, offset: int, limit: int) -> Page[CarriedAction]:
        return Page(
            items=self._entries[offset : offset + limit],
            total=len(self._entries),
            offset=offset,
        )

    def _show_empty(self) -> None:
        if self.meeting_id is None:
            text = self.tr("Save the session first.")
        elif self._entries:
            text = ""
        else:
            text = self.tr(
                "Nothing carried from earlier sessions: every action agreed before is done "
                "or dropped."
            )
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))
        # An empty table under a message reads as "something failed to load": show one.
        self.table.setVisible(not text)
        self.done_button.setVisible(not text)
        self.drop_button.setVisible(not text)

    def _update_buttons(self, *_args: object) -> None:
        has_one = self.current_action() is not None
        self.done_button.setEnabled(has_one)
        self.drop_button.setEnabled(has_one)

    def _record_changed(self, record_type: str) -> None:
        if record_type in (RECORD_TYPE, "meeting", "person") and self.meeting_id is not None:
            self.reload()


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
