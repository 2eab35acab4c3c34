"""The Sessions page: every session of every group, and the selected one beside the list.

The list searches titles and places, narrows by group, status and upcoming or past (or the
sessions that need writing up), and sorts by date or title, all in the database. Beside it
the selected session opens in tabs: its details, agenda, the actions carried from last time,
the preparation checklist and the register. The page opens on the next session (or the
latest held one), chosen in the list; with none chosen, the right side says how to choose
or plan one, never a blank "New session" form nobody asked for. Sessions held and not
written up, and sessions over and still marked planned, are marked in the Status column and
counted above the list, whose "Show them" lists just those.

Ctrl+N plans a new session; Delete (in the list) deletes one planned by mistake, with its
agenda and register, and Ctrl+Z puts it all back. Ctrl+R runs the session (meeting
mode); Ctrl+Shift+T opens its tidy-up afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import Meeting, Page
from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services.meetings import (
    DeletedMeeting,
    MeetingFilter,
    SessionAttention,
    attention_of,
)
from coproduce.ui import prompts, window_state
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.formats import count_of, session_time, short_date
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.pages.list_page import ListPage
from coproduce.ui.sessions.readable_column import ReadableColumn
from coproduce.ui.sessions.session_detail import SessionDetail
from coproduce.ui.sessions.session_editor import SessionEditor

if TYPE_CHECKING:
    from coproduce.ui.capture import CaptureView
    from coproduce.ui.tidyup import TidyUpView

WHEN_ALL, WHEN_UPCOMING, WHEN_PAST, WHEN_NEEDS_WRITING_UP = range(4)
TITLE = 1
MIN_TITLE_CHARACTERS = 28


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """One line of the sessions list: the session and the facts shown beside it."""

    meeting: Meeting
    group_name: str
    present: int


class SessionsPage(ListPage):
    title = "Sessions"
    singular = "session"
    plural = "sessions"
    search_hint = "Search session titles and places"
    widths_in_characters = (19, 34, 18, 11, 7)
    stretch_column = TITLE
    record_types = ("meeting", "attendance", "group")

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        self._group_names: dict[int, str] = {}
        self._active_groups = 0
        self._moment = datetime.min
        self._started = False
        """True once a session has been shown: the page opens on one only at the start."""
        # Made before the list page builds its tool row (which places them), filled after.
        self.group_filter = QComboBox()
        self.status_filter = QComboBox()
        self.when_filter = QComboBox()
        super().__init__(context, parent)
        self.group_filter.setAccessibleName(self.tr("Show the sessions of which group"))
        self.group_filter.setToolTip(self.tr("Show the sessions of one group"))
        self.group_filter.addItem(self.tr("All groups"), None)
        # Long group names would push the search box off the row: the list drops down wider.
        self.group_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.group_filter.setMinimumContentsLength(14)
        self.status_filter.setAccessibleName(self.tr("Show sessions with which status"))
        self.status_filter.setToolTip(self.tr("Show the sessions with one status"))
        self.status_filter.addItem(self.tr("Any status"), None)
        for status in MeetingStatus:
            self.status_filter.addItem(status.label, status.value)
        self.when_filter.setAccessibleName(self.tr("Show upcoming or past sessions"))
        self.when_filter.setToolTip(
            self.tr(
                "Upcoming: from now on, soonest first. Needs writing up: held and not written "
                "up yet, or over and still marked planned, oldest first."
            )
        )
        self.when_filter.addItems(
            [
                self.tr("Upcoming and past"),
                self.tr("Upcoming"),
                self.tr("Past"),
                self.tr("Needs writing up"),
            ]
        )
        for box in (self.group_filter, self.status_filter, self.when_filter):
            box.currentIndexChanged.connect(lambda _index: self.model.reload())

        assert isinstance(self.editor, SessionEditor)
        self.session_editor: SessionEditor = self.editor
        details = self.splitter.widget(1)
        details.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        details.setFocusProxy(self.session_editor.group_box)
        details.setAccessibleName(self.tr("Session details"))
        # The editor, in the scroller the list page made for it, becomes the Details tab.
        self.detail = SessionDetail(context, details=details)
        # Until a session is chosen or a new one asked for, the right side says what to do
        # rather than showing a blank "New session" form nobody asked for.
        self.nothing_chosen = QLabel()
        self.nothing_chosen.setWordWrap(True)
        self.nothing_chosen.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.nothing_chosen.setMargin(12)
        self.nothing_chosen.setAccessibleName(self.tr("No session chosen"))
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.nothing_chosen)
        self.detail_stack.addWidget(self.detail)
        self.splitter.addWidget(self.detail_stack)
        self._planning_new = False
        # Nearly half each: the list keeps dates and titles readable, the tabs hold tables of
        # their own (at 1366 px the register's reason for apologies stays in sight).
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 640])
        self.session_editor.add_companion(self.detail.agenda.editor)  # type: ignore[arg-type]
        self.session_editor.add_companion(self.detail.register)  # type: ignore[arg-type]
        self.session_editor.meeting_shown.connect(self.detail.show_meeting)
        self.session_editor.meeting_shown.connect(self._show_detail_or_what_to_do)
        self.detail.show_meeting(self.session_editor.record)

        self.tab_actions: list[QAction] = []
        for index in range(self.detail.tabs.count()):
            action = QAction(
                self.tr("Show the session's %s") % self.detail.tabs.tabText(index).lower(), self
            )
            action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, i=index: self.detail.open_tab(i))
            self.addAction(action)
            self.tab_actions.append(action)
        run = QAction(self.tr("Run the session (meeting mode)"), self)
        run.setShortcut(QKeySequence("Ctrl+R"))
        run.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        run.triggered.connect(self.run_session)
        self.addAction(run)
        tidy = QAction(self.tr("Tidy up after the session"), self)
        tidy.setShortcut(QKeySequence("Ctrl+Shift+T"))
        tidy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tidy.triggered.connect(self.tidy_up_session)
        self.addAction(tidy)
        self.capture_view: CaptureView | None = None
        self.tidy_up_view: TidyUpView | None = None
        self._build_attention_note()
        self._set_tab_order()
        self.title_column = ReadableColumn(self.table, TITLE, MIN_TITLE_CHARACTERS)

    def run_session(self) -> None:
        """Open the meeting-mode capture for the session shown, in a window of its own."""
        meeting = self.selected_record()
        if meeting is None or meeting.id is None or not may_leave(self):
            return
        from coproduce.ui.capture import CaptureView  # meeting mode: loaded when first run

        view = CaptureView(self._context, meeting.id, self)
        view.setWindowFlag(Qt.WindowType.Window)  # its own window, over the main one
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.setWindowTitle(self.tr("Meeting mode: %s") % meeting.title)
        window_state.remember(view, "meeting mode")
        view.destroyed.connect(lambda _=None: setattr(self, "capture_view", None))
        self.capture_view = view
        view.showMaximized()
        view.raise_()
        view.activateWindow()

    def tidy_up_session(self) -> None:
        """Open the tidy-up of the session shown (edit, merge, split, re-attribute, mark
        written up), in a window of its own like meeting mode."""
        meeting = self.selected_record()
        if meeting is None or meeting.id is None or not may_leave(self):
            return
        open_view = self.tidy_up_view
        if open_view is not None:
            if open_view.meeting_id == meeting.id:
                open_view.raise_()
                open_view.activateWindow()
                return
            if not open_view.close():  # unsaved changes there, and the person stayed
                return
        from coproduce.ui.tidyup import TidyUpView  # loaded when first opened

        view = TidyUpView(self._context, meeting.id, self)
        view.setWindowFlag(Qt.WindowType.Window)
        window_state.remember(view, "tidy-up")
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.destroyed.connect(lambda _=None, gone=view: self._tidy_up_closed(gone))
        self.tidy_up_view = view
        view.showMaximized()
        view.raise_()
        view.activateWindow()

    def _tidy_up_closed(self, gone: TidyUpView) -> None:
        # Only forget the view that went: another session's may have opened since.
        if self.tidy_up_view is gone:
            self.tidy_up_view = None

    # --- sessions that need the facilitator ------------------------------------------------

    def _build_attention_note(self) -> None:
        """A line above the list when sessions need writing up, with a button that lists them
        (the "Needs writing up" choice of When)."""
        self.attention_label = QLabel()
        self.attention_label.setWordWrap(True)
        self.attention_label.setAccessibleName(self.tr("Sessions that need writing up"))
        self.attention_button = QPushButton(self.tr("Show them"))
        self.attention_button.setAccessibleName(self.tr("Show the sessions that need writing up"))
        self.attention_button.clicked.connect(self.show_sessions_needing_attention)
        self.attention_note = QWidget()
        row = QHBoxLayout(self.attention_note)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.attention_label, 1)
        row.addWidget(self.attention_button)
        page_layout = self.layout()
        assert isinstance(page_layout, QVBoxLayout)
        page_layout.insertWidget(page_layout.indexOf(self.splitter), self.attention_note)
        self.attention_note.hide()

    def show_sessions_needing_attention(self) -> None:
        """List only the sessions to write up (or to mark held or cancelled), oldest first."""
        self.group_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.when_filter.setCurrentIndex(WHEN_NEEDS_WRITING_UP)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_attention(self) -> None:
        try:
            waiting = self._services.meetings.needing_attention()
        except CoproduceError:
            waiting = []  # the list shows the error already
        write_up = sum(1 for w in waiting if w.attention is SessionAttention.WRITE_UP)
        confirm = len(waiting) - write_up
        parts = []
        if write_up:
            parts.append(self.tr("%s held and not written up yet") % count_of(write_up, "session"))
        if confirm:
            parts.append(
                self.tr("%s over and still marked Planned (held? mark it held or cancelled)")
                % count_of(confirm, "session")
            )
        text = self.tr("Needs writing up: %s.") % "; ".join(parts) if parts else ""
        self.attention_label.setText(text)
        self.attention_label.setAccessibleDescription(text)
        self.attention_note.setVisible(bool(parts))

    # --- the session the page opens on -----------------------------------------------------

    def open_session(self, meeting_id: int) -> bool:
        """Show the session with ``meeting_id``, chosen in the list (the filters are cleared
        if they hide it); False if the person stayed with unsaved changes, or it is gone."""
        if self.session_editor.record is not None and self.session_editor.record.id == meeting_id:
            return True
        if not may_leave(self.session_editor):
            return False
        if self.show_record_id(meeting_id):
            return True
        if self.search_text or self.is_filtered():
            self.search_field.clear()
            self.search_text = ""
            for box in (self.group_filter, self.status_filter, self.when_filter):
                box.blockSignals(True)
                box.setCurrentIndex(0)
                box.blockSignals(False)
            self.model.reload()
            if self.show_record_id(meeting_id):
                return True
        try:
            meeting = self._services.meetings.get(meeting_id)
        except CoproduceError:
            return False
        self.table.clearSelection()
        self._shown_id = meeting_id
        self.session_editor.load(meeting)
        self.delete_button.setEnabled(True)
        return True

    def _open_starting_session(self) -> None:
        """At the start, the page shows the next session (or the latest held one), chosen in
        the list, never a blank "New session" form."""
        editor = self.session_editor
        if self._started or editor.record is not None or editor.has_unsaved_changes():
            self._started = self._started or editor.record is not None
            return
        if self.model.total == 0:
            return
        try:
            meeting = self._services.meetings.starting_session()
        except CoproduceError:
            return
        if meeting is not None and meeting.id is not None and self.open_session(meeting.id):
            self._started = True

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.search_field,
            self.group_filter,
            self.status_filter,
            self.when_filter,
            self.attention_button,
            self.new_button,
            self.delete_button,
            self.table,
            self.detail.tabs,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- ListPage ------------------------------------------------------------------------

    def _show_detail_or_what_to_do(self, meeting: Meeting | None) -> None:
        """The session's tabs for a session or a new one being planned; otherwise a line
        saying how to choose one or plan the first (a group first, when there is none)."""
        if meeting is not None or self._planning_new:
            self._planning_new = meeting is None
            self.detail_stack.setCurrentWidget(self.detail)
            return
        if not self._group_names:
            text = self.tr(
                "No session chosen. Sessions belong to a group, and there are no groups yet: "
                "add a group first (Groups, Ctrl+3), then plan a session here with New "
                "session (Ctrl+N)."
            )
        elif self.model.total:
            text = self.tr(
                "No session chosen. Choose one in the list, or plan a new one: New session "
                "(Ctrl+N)."
            )
        else:
            text = self.tr("No session chosen. Plan the first one: New session (Ctrl+N).")
        self.nothing_chosen.setText(text)
        self.nothing_chosen.setAccessibleDescription(text)
        self.detail_stack.setCurrentWidget(self.nothing_chosen)

    def start_new(self) -> None:
        """Plan a new session: its details come first, starting with the group."""
        self._planning_new = True  # the form shows once the editor is cleared for it
        self._started = True  # the person has chosen what to do: no session opens over it
        super().start_new()
        if self.session_editor.record is not None:  # the person stayed with their changes
            self._planning_new = False
        if self.session_editor.record is None:
            self.detail.tabs.setCurrentIndex(SessionDetail.DETAILS)
            self.session_editor.group_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def filter_widgets(self) -> Sequence[QWidget]:
        widgets: list[QWidget] = []
        for caption, box in (
            (self.tr("Group:"), self.group_filter),
            (self.tr("Status:"), self.status_filter),
            (self.tr("When:"), self.when_filter),
        ):
            label = QLabel(caption)
            label.setBuddy(box)
            widgets += [label, box]
        return widgets

    def is_filtered(self) -> bool:
        return (
            self.group_filter.currentData() is not None
            or self.status_filter.currentData() is not None
            or self.when_filter.currentIndex() != WHEN_ALL
        )

    def nothing_recorded(self) -> bool:
        return self._services.meetings.list(limit=0).total == 0

    def empty_hint(self) -> str:
        if not self._group_names:
            return self.tr(
                "No sessions yet. Add a group first: Groups, Ctrl+3. Then plan its first "
                "session here: New session (Ctrl+N)."
            )
        if not self._active_groups:
            return self.tr(
                "No sessions yet, and every group is archived. Make a group active again, or "
                "add one: Groups, Ctrl+3."
            )
        return self.tr("No sessions yet. Plan the first one: New session (Ctrl+N).")

    def refresh(self) -> None:
        super().refresh()
        self._show_attention()
        self._open_starting_session()
        if self.session_editor.record is None and not self._planning_new:
            self._show_detail_or_what_to_do(None)  # its advice follows the groups and list

    def columns(self) -> Sequence[Column[SessionEntry]]:
        return (
            Column("Date", lambda e: session_time(e.meeting.starts_at), sort_key="date"),
            Column("Title", lambda e: e.meeting.title, sort_key="title"),
            Column("Group", lambda e: e.group_name),
            Column("Status", self._status_text, tooltip=self._status_tooltip),
            Column("Present", _present, align_right=True),
        )

    def _status_text(self, entry: SessionEntry) -> str:
        """The status, and what it needs when the session is over: "Held, needs writing up",
        "Planned, held?"."""
        attention = attention_of(entry.meeting, self._moment)
        if attention is SessionAttention.WRITE_UP:
            return self.tr("Held, needs writing up")
        if attention is SessionAttention.CONFIRM_HELD:
            return self.tr("Planned, held?")  # the tooltip says what to do
        return entry.meeting.status.label

    def _status_tooltip(self, entry: SessionEntry) -> str:
        attention = attention_of(entry.meeting, self._moment)
        return attention.advice if attention else entry.meeting.status.label

    def make_editor(self) -> SessionEditor:
        return SessionEditor(self._context)

    def record_of(self, entry: SessionEntry) -> Meeting:
        return entry.meeting

    def prepare(self) -> None:
        # Councils run a handful of groups: one query per reload serves every row.
        groups = self._services.groups.list().items
        self._group_names = {g.id: g.name for g in groups if g.id is not None}
        self._active_groups = sum(1 for g in groups if g.active)
        self._moment = self._services.meetings.moment()
        chosen = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        try:
            while self.group_filter.count() > 1:
                self.group_filter.removeItem(1)
            for group in groups:
                self.group_filter.addItem(group.name, group.id)
            self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(chosen)))
        finally:
            self.group_filter.blockSignals(False)

    def current_filter(self) -> MeetingFilter:
        """What the list shows now: the search, the filters and the chosen sort."""
        when = self.when_filter.currentIndex()
        now = self._services.meetings.now()
        order = self.model.order
        status = self.status_filter.currentData()
        return MeetingFilter(
            group_id=self.group_filter.currentData(),
            status=MeetingStatus(status) if status else None,
            starts_from=now if when == WHEN_UPCOMING else None,
            starts_before=now if when == WHEN_PAST else None,
            text=self.search_text,
            # Upcoming sessions and those to write up read soonest (oldest) first; everything
            # else, newest first.
            newest_first=when not in (WHEN_UPCOMING, WHEN_NEEDS_WRITING_UP),
            order=order.key if order else None,
            descending=order.descending if order else False,
            needs_attention=when == WHEN_NEEDS_WRITING_UP,
        )

    def load(self, offset: int, limit: int) -> Page[SessionEntry]:
        page = self._services.meetings.list(self.current_filter(), offset=offset, limit=limit)
        present = self._services.meetings.present_counts([m.id for m in page.items if m.id])
        return Page(
            items=tuple(
                SessionEntry(
                    meeting=meeting,
                    group_name=self._group_names.get(meeting.group_id, ""),
                    present=present.get(meeting.id or 0, 0),
                )
                for meeting in page.items
            ),
            total=page.total,
            offset=page.offset,
        )

    def delete_record(self, record: Meeting) -> bool:
        """Delete a session planned by mistake, with its agenda and register (undoable).
        One that holds the group's history is refused with the service's reason."""
        assert record.id is not None
        meetings = self._services.meetings
        try:
            agenda = len(meetings.agenda(record.id))
            marks = len(meetings.attendance(record.id))
            ticked = sum(1 for t in self._services.preparation.ticks(record.id) if t.done)
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            return False
        going = []
        if agenda:
            going.append(self.tr("its agenda (%s)") % count_of(agenda, "item"))
        if marks:
            going.append(self.tr("its register (%s)") % count_of(marks, "mark"))
        if ticked:
            going.append(self.tr("its preparation ticks (%s)") % count_of(ticked, "item"))
        consequence = (self.tr("This also deletes %s.") % _and(going)) if going else ""
        description = self.tr("the session '%s' on %s") % (
            record.title,
            short_date(record.starts_at.date()),
        )
        if not self.confirm_delete(description, consequence):
            return False
        try:
            deleted = meetings.delete(record.id, record.version)
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            return False
        snapshot: dict[str, DeletedMeeting] = {"latest": deleted}
        meeting_id = record.id

        def redo() -> None:
            snapshot["latest"] = meetings.delete(meeting_id)

        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Delete the session '%s'") % record.title,
                undo_call=lambda: meetings.restore(snapshot["latest"]),
                redo_call=redo,
                changes=self._context.changes,
                record_type="meeting",
                parent_widget=self,
            )
        )
        self._context.changes.changed.emit("meeting")
        return True


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _present(entry: SessionEntry) -> str:
    # A session still to come has nobody present yet; a 0 there would read as "nobody came".
    if entry.present == 0 and entry.meeting.status is MeetingStatus.PLANNED:
        return ""
    return str(entry.present)
