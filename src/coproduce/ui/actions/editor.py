"""The editor of one action, shown beside the action log.

What is to be done, its owner (chosen by typing part of a name), an optional due date, the
status and, once done, the date it was done; a note; and the session where it was agreed,
with its date and group. The session is chosen once, for a new action (recent sessions
first, the selected action's session ready chosen), and cannot be changed afterwards: an
action belongs to the session that agreed it, which is what carries it forward to the
group's next sessions.

Signals (besides ``RecordEditor``'s):
    mark_done_requested(): the Mark done button was pressed (the page does it, undoably).
    drop_requested(): the Drop button was pressed.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import NotFoundError, ValidationError
from coproduce.domain.records import Action, Meeting, Person, replace
from coproduce.domain.vocabulary import ActionStatus, RowKind
from coproduce.services.meetings import MeetingFilter
from coproduce.ui.actions.fields import DoneOnEdit, OptionalDate
from coproduce.ui.actions.owner_chooser import OwnerChooser
from coproduce.ui.actions.wording import lateness
from coproduce.ui.context import WindowContext
from coproduce.ui.easyread.easy_read_edit import EasyReadEdit
from coproduce.ui.easyread.row_picture import RowPicture
from coproduce.ui.formats import day_and_date, session_time
from coproduce.ui.widgets.focus import focus_passes_to
from coproduce.ui.widgets.record_editor import RecordEditor
from coproduce.ui.widgets.text import muted

RECENT_SESSIONS = 200
"""How many past sessions a new action can be logged against (newest first)."""
UPCOMING_SESSIONS = 20
STATUSES = tuple(ActionStatus)


class ActionEditor(RecordEditor[Action]):
    mark_done_requested = Signal()
    drop_requested = Signal()

    record_type = "action"
    record_label = "action"

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.preferred_session_id: int | None = None
        """The session chosen first for the next new action (the page sets it)."""

        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.session_label = QLabel()
        self.session_label.setWordWrap(True)
        self.session_label.setAccessibleName(self.tr("Session where it was agreed"))
        self.session_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.session_box = QComboBox()
        self.session_box.setAccessibleName(self.tr("Session where it was agreed"))
        self.session_box.setToolTip(self.tr("Recent sessions first; later sessions at the end."))
        self.session_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.session_box.setMinimumContentsLength(20)
        self.no_sessions = muted(
            QLabel(
                self.tr(
                    "There are no sessions yet. Plan one on the Sessions page first: every "
                    "action belongs to the session where it was agreed."
                )
            )
        )
        self.no_sessions.setWordWrap(True)
        session = QWidget()
        session_column = QVBoxLayout(session)
        session_column.setContentsMargins(0, 0, 0, 0)
        session_column.addWidget(self.session_label)
        session_column.addWidget(self.session_box)
        session_column.addWidget(self.no_sessions)
        focus_passes_to(session, self.session_box)
        self.errors.add_row(form, self.tr("Sess&ion:"), "meeting_id", session)

        self.what = QPlainTextEdit()
        self.what.setTabChangesFocus(True)
        self.what.setAccessibleName(self.tr("What is to be done"))
        self.what.setFixedHeight(self.what.fontMetrics().lineSpacing() * 3 + 14)
        self.errors.add_row(form, self.tr("&What:"), "text", self.what)

        self.owner = OwnerChooser(self._services.people, self.tr("Owner"))
        self.errors.add_row(form, self.tr("Owne&r:"), "owner_id", self.owner)

        self.due = OptionalDate(self.tr("Has a due date"), self.tr("Due date"))
        self.due.default = self._services.actions.today
        self.lateness = muted(QLabel())
        self.lateness.setAccessibleName(self.tr("How late it is"))
        due = QWidget()
        due_column = QVBoxLayout(due)
        due_column.setContentsMargins(0, 0, 0, 0)
        due_column.setSpacing(2)
        due_column.addWidget(self.due)
        due_column.addWidget(self.lateness)
        focus_passes_to(due, self.due.box)
        self.errors.add_row(form, self.tr("D&ue:"), "due_on", due)

        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status in STATUSES:
            self.status.addItem(status.label)
        self.errors.add_row(form, self.tr("St&atus:"), "status", self.status)

        self.done_on = DoneOnEdit(self.tr("Date it was done"))
        self.errors.add_row(form, self.tr("Done on:"), "done_on", self.done_on)

        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 14)
        self.errors.add_row(form, self.tr("No&te:"), "note", self.note)

        # The easy-read wording of what is to be done ("What happens next" in easy read).
        self.easy_read = EasyReadEdit(
            context, self.what.toPlainText, source_name=self.tr("the action")
        )
        self.errors.add_row(form, self.tr("Eas&y read:"), "easy_read", self.easy_read)
        self.picture = RowPicture(context, RowKind.ACTION, scope=self)
        form.addRow(self.tr("Picture:"), self.picture)

        self.body.addWidget(self.heading)
        self.body.addLayout(form)
        self.body.addStretch(1)

        self.mark_done_button = QPushButton(self.tr("&Mark done"))
        self.mark_done_button.setAccessibleName(self.tr("Mark this action done"))
        self.mark_done_button.setToolTip(self.tr("Mark this action done (Ctrl+D)"))
        self.mark_done_button.clicked.connect(self.mark_done_requested)
        self.drop_button = QPushButton(self.tr("Dro&p"))
        self.drop_button.setAccessibleName(self.tr("Drop this action"))
        self.drop_button.setToolTip(
            self.tr("Drop this action: it will not happen, and the log keeps that (Ctrl+Shift+D)")
        )
        self.drop_button.clicked.connect(self.drop_requested)
        self.buttons.insertWidget(0, self.mark_done_button)
        self.buttons.insertWidget(1, self.drop_button)

        # The Save and Revert buttons were made first; the keyboard follows the form instead.
        for first, second in pairwise(self.tab_chain()):
            QWidget.setTabOrder(first, second)

        self.watch(
            self.session_box,
            self.what,
            self.owner.line,
            self.due.box,
            self.due.edit,
            self.status,
            self.done_on,
            self.note,
            self.easy_read,
        )
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.due.changed.connect(self._show_lateness)
        context.changes.changed.connect(self._choices_may_have_changed)
        self.load(None)

    # --- RecordEditor --------------------------------------------------------------------

    def show_record(self, record: Action | None) -> None:
        today = self._services.actions.today()
        new = record is None
        self.heading.setText(self.tr("New action") if new else self.tr("Action"))
        self.heading.setAccessibleName(self.heading.text())
        self.session_label.setVisible(not new)
        self.session_box.setVisible(new)
        if record is None:
            self.refresh_choices(prefer=self.preferred_session_id)
            record = Action(meeting_id=0, text="")
        else:
            self.no_sessions.hide()
            self.session_label.setText(self._session_words(record.meeting_id))
        self.what.setPlainText(record.text)
        self.owner.set_person(self._owner(record.owner_id), today)
        self.due.set_value(record.due_on)
        self.status.setCurrentIndex(STATUSES.index(record.status))
        self.done_on.set_value(record.done_on, done=record.status is ActionStatus.DONE)
        self.note.setPlainText(record.note)
        self.easy_read.set_text(record.easy_read)
        self.picture.set_row(record.id, record.easy_read or record.text)
        self.mark_done_button.setEnabled(not new and record.status is not ActionStatus.DONE)
        self.drop_button.setEnabled(not new and record.status is not ActionStatus.DROPPED)
        self._show_lateness()

    def collect(self) -> Action:
        if self.record is None:
            meeting_id = self.session_box.currentData()
            if meeting_id is None:
                raise ValidationError(
                    self.tr("Choose the session where this action was agreed."), "meeting_id"
                )
            base = Action(meeting_id=meeting_id, text="")
        else:
            base = self.record
        self.owner.resolve()
        problem = self.owner.problem()
        if problem:
            raise ValidationError(problem, "owner_id")
        owner = self.owner.person()
        status = self._chosen_status()
        return replace(
            base,
            text=self.what.toPlainText(),
            owner_id=owner.id if owner is not None else None,
            due_on=self.due.value(),
            status=status,
            done_on=self.done_on.value() if status is ActionStatus.DONE else None,
            note=self.note.toPlainText(),
            easy_read=self.easy_read.text(),
        )

    def create(self, record: Action) -> Action:
        return self._services.actions.create(record)

    def update(self, record: Action) -> Action:  # type: ignore[override]
        return self._services.actions.update(record)

    def fetch(self, record_id: int) -> Action:
        return self._services.actions.get(record_id)

    def describe(self, record: Action) -> str:
        return describe_action(record)

    def delete_for_undo(self, record: Action) -> None:
        # No version check: later edits of the new action were undone before this undo.
        self._services.actions.delete(record.id)  # type: ignore[arg-type]

    def restore_for_redo(self, record: Action) -> None:
        self._services.actions.restore(record)

    # --- what the page uses --------------------------------------------------------------

    def tab_chain(self) -> list[QWidget]:
        """The editor's controls in the order Tab visits them: down the form, then the
        buttons from left to right."""
        return [
            self.session_box,
            self.what,
            self.owner.line,
            self.due.box,
            self.due.edit,
            self.status,
            self.done_on,
            self.note,
            self.easy_read.edit,
            self.easy_read.draft_button,
            self.easy_read.findings_list,
            self.picture.button,
            self.mark_done_button,
            self.drop_button,
            self.revert_button,
            self.save_button,
        ]

    def refresh_choices(self, prefer: int | None = None) -> None:
        """Read the sessions a new action can be logged against again (recent first, then
        later ones), choosing ``prefer`` or else keeping the one chosen."""
        chosen = prefer if prefer is not None else self.session_box.currentData()
        today = self._services.actions.today()
        end_of_today = datetime.combine(today + timedelta(days=1), time())
        meetings = self._services.meetings
        past = meetings.list(
            MeetingFilter(starts_before=end_of_today, newest_first=True), limit=RECENT_SESSIONS
        ).items
        later = meetings.list(
            MeetingFilter(starts_from=end_of_today, newest_first=False), limit=UPCOMING_SESSIONS
        ).items
        groups = {g.id: g.name for g in self._services.groups.list().items}
        was_loading = self._loading
        self._loading = True  # refilling the list is not an edit
        try:
            self.session_box.clear()
            for meeting in past:
                self.session_box.addItem(_choice_words(meeting, groups), meeting.id)
            if past and later:
                self.session_box.insertSeparator(self.session_box.count())
            for meeting in later:
                self.session_box.addItem(_choice_words(meeting, groups), meeting.id)
            index = self.session_box.findData(chosen) if chosen is not None else -1
            self.session_box.setCurrentIndex(index if index >= 0 else 0 if past or later else -1)
        finally:
            self._loading = was_loading
        self.no_sessions.setVisible(self.record is None and not (past or later))

    # --- inside --------------------------------------------------------------------------

    def _session_words(self, meeting_id: int) -> str:
        try:
            meeting = self._services.meetings.get(meeting_id)
            group = self._services.groups.get(meeting.group_id).name
        except NotFoundError:
            return self.tr("(This session is no longer on record.)")
        words = f"{meeting.title}\n{session_time(meeting.starts_at)}"
        if group.casefold() not in meeting.title.casefold():
            words += f" · {group}"
        return words

    def _owner(self, owner_id: int | None) -> Person | None:
        if owner_id is None:
            return None
        try:
            return self._services.people.get(owner_id)
        except NotFoundError:
            return None

    def _chosen_status(self) -> ActionStatus:
        return STATUSES[max(0, self.status.currentIndex())]

    def _status_chosen(self, _index: int) -> None:
        status = self._chosen_status()
        self.done_on.set_done(status is ActionStatus.DONE, self._services.actions.today())
        self._show_lateness()

    def _show_lateness(self) -> None:
        status = self._chosen_status()
        sketch = Action(meeting_id=0, text="", due_on=self.due.value(), status=status)
        words = lateness(sketch, self._services.actions.today())
        self.lateness.setText(words[:1].upper() + words[1:])
        self.lateness.setVisible(bool(words))
        self.lateness.setAccessibleDescription(self.lateness.text())

    def _choices_may_have_changed(self, record_type: str) -> None:
        if record_type in ("meeting", "group") and self.record is None and not self._dirty:
            self.refresh_choices()


def describe_action(action: Action) -> str:
    """The action in a few words for the undo menu and questions: '“Send the notes”'."""
    text = " ".join(action.text.split())
    if len(text) > 48:
        text = text[:47].rstrip() + "…"
    return f"“{text}”"


def _choice_words(meeting: Meeting, groups: dict[int, str]) -> str:
    """'Thu 5 Feb 2026 · Short breaks · Carers' Forum' (the group left out when the title
    already names it)."""
    words = f"{day_and_date(meeting.starts_at.date())} · {meeting.title}"
    group = groups.get(meeting.group_id, "")
    if group and group.casefold() not in meeting.title.casefold():
        words += f" · {group}"
    return words
