"""The Sessions page: every session of every group, and the selected one beside the list.

The list searches titles and places, narrows by group, status and upcoming or past, and
sorts by date or title, all in the database. Beside it the selected session opens in tabs:
its details, agenda, the actions carried from last time, the preparation checklist and the
register. Ctrl+N plans a new session; Delete (in the list) deletes one planned by mistake,
with its agenda and register, and Ctrl+Z puts it all back. Ctrl+R runs the session (meeting
mode); Ctrl+Shift+T opens its tidy-up afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import Meeting, Page
from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services.meetings import DeletedMeeting, MeetingFilter
from coproduce.ui import prompts, window_state
from coproduce.ui.capture import CaptureView
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.formats import count_of, session_time, short_date
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.pages.list_page import ListPage
from coproduce.ui.sessions.readable_column import ReadableColumn
from coproduce.ui.sessions.session_detail import SessionDetail
from coproduce.ui.sessions.session_editor import SessionEditor
from coproduce.ui.tidyup import TidyUpView

WHEN_ALL, WHEN_UPCOMING, WHEN_PAST = range(3)
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
        self.when_filter.setToolTip(self.tr("Upcoming: from now on, soonest first"))
        self.when_filter.addItems(
            [self.tr("Upcoming and past"), self.tr("Upcoming"), self.tr("Past")]
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
        self.splitter.addWidget(self.detail)
        # Nearly half each: the list keeps dates and titles readable, the tabs hold tables of
        # their own (at 1366 px the register's reason for apologies stays in sight).
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 640])
        self.session_editor.add_companion(self.detail.agenda.editor)  # type: ignore[arg-type]
        self.session_editor.add_companion(self.detail.register)  # type: ignore[arg-type]
        self.session_editor.meeting_shown.connect(self.detail.show_meeting)
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
        self._set_tab_order()
        self.title_column = ReadableColumn(self.table, TITLE, MIN_TITLE_CHARACTERS)

    def run_session(self) -> None:
        """Open the meeting-mode capture for the session shown, in a window of its own."""
        meeting = self.selected_record()
        if meeting is None or meeting.id is None or not may_leave(self):
            return
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

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.search_field,
            self.group_filter,
            self.status_filter,
            self.when_filter,
            self.new_button,
            self.delete_button,
            self.table,
            self.detail.tabs,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- ListPage ------------------------------------------------------------------------

    def start_new(self) -> None:
        """Plan a new session: its details come first, starting with the group."""
        super().start_new()
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

    def columns(self) -> Sequence[Column[SessionEntry]]:
        return (
            Column("Date", lambda e: session_time(e.meeting.starts_at), sort_key="date"),
            Column("Title", lambda e: e.meeting.title, sort_key="title"),
            Column("Group", lambda e: e.group_name),
            Column("Status", lambda e: e.meeting.status.label),
            Column("Present", _present, align_right=True),
        )

    def make_editor(self) -> SessionEditor:
        return SessionEditor(self._context)

    def record_of(self, entry: SessionEntry) -> Meeting:
        return entry.meeting

    def prepare(self) -> None:
        # Councils run a handful of groups: one query per reload serves every row.
        groups = self._services.groups.list().items
        self._group_names = {g.id: g.name for g in groups if g.id is not None}
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
            # Upcoming sessions read soonest first; everything else, newest first.
            newest_first=when != WHEN_UPCOMING,
            order=order.key if order else None,
            descending=order.descending if order else False,
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
