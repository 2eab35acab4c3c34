"""The "Details" of a session: its group, title, times, place, facilitators, status and notes.

Planning a new session starts from the group: choosing one fills in when it would next meet
by its cadence (``MeetingService.suggest_next_start``), a two-hour length and a title such as
"Carers' Forum, 12 March 2026". All of it stays editable; a start or title the facilitator
has typed is never overwritten by a later suggestion.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from coproduce.domain import calendar_words
from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Group, Meeting, replace
from coproduce.domain.vocabulary import MeetingStatus, Role, RowKind
from coproduce.services.meetings import DeletedMeeting
from coproduce.ui.context import WindowContext
from coproduce.ui.easyread.easy_read_edit import EasyReadEdit
from coproduce.ui.easyread.row_picture import RowPicture
from coproduce.ui.formats import session_time
from coproduce.ui.widgets.dates import plain_dates
from coproduce.ui.widgets.record_editor import RecordEditor
from coproduce.ui.widgets.text import muted

DEFAULT_LENGTH = timedelta(hours=2)
DEFAULT_START_HOUR = 10
FACILITATOR_ROLES = (Role.FACILITATOR, Role.STAFF)
DATE_TIME_FORMAT = "ddd d MMM yyyy, HH:mm"


def long_date(moment: datetime) -> str:
    """``12 March 2026``: the way sessions are named in their titles."""
    return calendar_words.long_date(moment.date())


def suggested_title(group_name: str, starts_at: datetime) -> str:
    return f"{group_name}, {long_date(starts_at)}"


def length_in_words(length: timedelta) -> str:
    """``2 hours``, ``1 hour 30 minutes``, ``45 minutes``; '' for no length or a negative."""
    minutes = int(length.total_seconds() // 60)
    if minutes <= 0:
        return ""
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour" + ("s" if hours != 1 else ""))
    if minutes:
        parts.append(f"{minutes} minute" + ("s" if minutes != 1 else ""))
    return " ".join(parts)


def name_inner_line_edit(box: QWidget, name: str) -> None:
    """Spin boxes and date fields type into a line edit of their own, which takes the
    keyboard focus: screen readers announce it, so it carries the field's name too."""
    for inner in box.findChildren(QLineEdit):
        inner.setAccessibleName(name)


def _to_qt(moment: datetime) -> QDateTime:
    return QDateTime(moment.date(), moment.time())


def _from_qt(value: QDateTime) -> datetime:
    moment: datetime = value.toPython()  # type: ignore[assignment]
    return moment.replace(second=0, microsecond=0, tzinfo=None)


class SessionEditor(RecordEditor[Meeting]):
    """Edits one session's own fields; the page shows its agenda, register... in other tabs.

    Signals:
        meeting_shown(object): the session now shown (a ``Meeting``), or None while a new
            one is being planned; sent after every load, so the other tabs follow.
    """

    meeting_shown = Signal(object)

    record_type = "meeting"
    record_label = "session"

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._groups: dict[int, Group] = {}
        self._deleted: dict[int, DeletedMeeting] = {}
        self._filling = False
        self._start_typed = False
        self._title_typed = False
        self._previous_start: datetime | None = None
        self._companions: list[RecordEditor[object]] = []
        self.setAccessibleName(self.tr("Session details"))

        self.group_box = QComboBox()
        self.group_box.setPlaceholderText(self.tr("Choose a group"))
        self.group_box.setAccessibleName(self.tr("Group"))
        self.suggestion_label = QLabel()
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setAccessibleName(self.tr("Suggested date"))
        self.suggestion_label.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        muted(self.suggestion_label)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.starts_edit = self._date_time_edit(self.tr("Starts"))
        self.ends_edit = self._date_time_edit(self.tr("Ends"))
        self.length_label = QLabel()
        self.length_label.setAccessibleName(self.tr("Length of the session"))
        muted(self.length_label)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("For example: Town Hall, Room 2"))
        self.online_link_edit = QLineEdit()
        self.online_link_edit.setPlaceholderText("https://")
        self.facilitators_list = QListWidget()
        self.facilitators_list.setAccessibleName(self.tr("Facilitators"))
        self.facilitators_list.setAccessibleDescription(
            self.tr("Tick everyone facilitating: Space ticks or unticks the highlighted name.")
        )
        self.facilitators_list.setMaximumHeight(self.fontMetrics().height() * 7)
        # Ticks say who is chosen; a highlighted row would read as a second kind of choice.
        self.facilitators_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.status_box = QComboBox()
        for status in MeetingStatus:
            self.status_box.addItem(status.label, status.value)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(self.fontMetrics().height() * 8)
        # The easy-read wording beside the notes: "About this meeting" in the easy-read summary.
        self.easy_read = EasyReadEdit(context, self.notes_edit.toPlainText)
        # The picture on the easy-read summary's cover, suggested by the title.
        self.picture = RowPicture(context, RowKind.SESSION, scope=self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors.add_row(form, self.tr("G&roup:"), "group_id", self.group_box)
        form.addRow("", self.suggestion_label)
        self.errors.add_row(form, self.tr("&Title:"), "title", self.title_edit)
        self.errors.add_row(form, self.tr("St&arts:"), "starts_at", self.starts_edit)
        self.errors.add_row(form, self.tr("Ends:"), "ends_at", self.ends_edit)
        form.addRow("", self.length_label)
        self.errors.add_row(form, self.tr("&Place:"), "place", self.place_edit)
        self.errors.add_row(form, self.tr("On&line link:"), "online_link", self.online_link_edit)
        self.errors.add_row(
            form, self.tr("Fac&ilitators:"), "facilitator_ids", self.facilitators_list
        )
        self.errors.add_row(form, self.tr("Stat&us:"), "status", self.status_box)
        self.errors.add_row(form, self.tr("N&otes:"), "notes", self.notes_edit)
        self.errors.add_row(form, self.tr("Eas&y read:"), "easy_read", self.easy_read)
        form.addRow(self.tr("Picture:"), self.picture)
        self.body.addLayout(form)
        self.body.addStretch(1)

        self.watch(
            self.group_box,
            self.title_edit,
            self.starts_edit,
            self.ends_edit,
            self.place_edit,
            self.online_link_edit,
            self.facilitators_list,
            self.status_box,
            self.notes_edit,
            self.easy_read,
        )
        self.group_box.currentIndexChanged.connect(self._group_chosen)
        self.starts_edit.dateTimeChanged.connect(self._start_changed)
        self.ends_edit.dateTimeChanged.connect(self._show_length)
        self.title_edit.textEdited.connect(self._title_edited)
        context.changes.changed.connect(self._other_record_changed)
        self.load(None)

    def _date_time_edit(self, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setCalendarPopup(True)
        plain_dates(edit, DATE_TIME_FORMAT)
        edit.setAccessibleName(name)
        name_inner_line_edit(edit, name)
        return edit

    # --- other editors whose unsaved work belongs to the shown session --------------------

    def add_companion(self, editor: RecordEditor[object]) -> None:
        """An editor of part of this session (an agenda item): leaving the session with it
        half-edited asks first, and saving or discarding covers it too."""
        self._companions.append(editor)

    def has_unsaved_changes(self) -> bool:
        return super().has_unsaved_changes() or any(
            c.has_unsaved_changes() for c in self._companions
        )

    def unsaved_description(self) -> str:
        parts = [c.unsaved_description() for c in self._companions if c.has_unsaved_changes()]
        if super().has_unsaved_changes():
            parts.insert(0, super().unsaved_description())
        return " and ".join(parts)

    def save_changes(self) -> bool:
        for companion in self._companions:
            if companion.has_unsaved_changes() and not companion.save_changes():
                return False
        if not super().has_unsaved_changes():
            return True
        return super().save_changes()

    def discard_changes(self) -> None:
        for companion in self._companions:
            if companion.has_unsaved_changes():
                companion.discard_changes()
        super().discard_changes()

    # --- RecordEditor ----------------------------------------------------------------------

    def show_record(self, record: Meeting | None) -> None:
        self._filling = True
        try:
            self._fill_groups(record)
            self._fill_facilitators(record)
            self._start_typed = self._title_typed = False
            if record is None:
                self.group_box.setCurrentIndex(-1)
                self.title_edit.clear()
                start = self._default_start()
                self.starts_edit.setDateTime(_to_qt(start))
                self.ends_edit.setDateTime(_to_qt(start + DEFAULT_LENGTH))
                self.place_edit.clear()
                self.online_link_edit.clear()
                self.status_box.setCurrentIndex(0)
                self.notes_edit.clear()
                self.easy_read.set_text("")
                self.picture.set_row(None)
                self.suggestion_label.setText(self._first_step())
                self.suggestion_label.show()
            else:
                self.group_box.setCurrentIndex(self.group_box.findData(record.group_id))
                self.title_edit.setText(record.title)
                self.starts_edit.setDateTime(_to_qt(record.starts_at))
                self.ends_edit.setDateTime(_to_qt(record.ends_at))
                self.place_edit.setText(record.place)
                self.online_link_edit.setText(record.online_link)
                self.status_box.setCurrentIndex(self.status_box.findData(record.status.value))
                self.notes_edit.setPlainText(record.notes)
                self.easy_read.set_text(record.easy_read)
                self.picture.set_row(record.id, record.title)
                self.suggestion_label.clear()
                self.suggestion_label.hide()
                self.group_box.setAccessibleDescription("")
        finally:
            self._filling = False
        self._show_length()
        self.meeting_shown.emit(record)

    def collect(self) -> Meeting:
        group_id = self.group_box.currentData()
        if group_id is None:
            raise ValidationError(self.tr("Choose the group this session is for."), "group_id")
        starts_at = _from_qt(self.starts_edit.dateTime())
        base = self.record or Meeting(
            group_id=group_id, title="", starts_at=starts_at, ends_at=starts_at
        )
        return replace(
            base,
            group_id=group_id,
            title=self.title_edit.text(),
            starts_at=starts_at,
            ends_at=_from_qt(self.ends_edit.dateTime()),
            place=self.place_edit.text(),
            online_link=self.online_link_edit.text(),
            facilitator_ids=self.facilitator_ids(),
            status=MeetingStatus(self.status_box.currentData()),
            notes=self.notes_edit.toPlainText(),
            easy_read=self.easy_read.text(),
        )

    def create(self, record: Meeting) -> Meeting:
        return self._services.meetings.create(record)

    def update(self, record: Meeting) -> Meeting:
        return self._services.meetings.update(record)

    def fetch(self, record_id: int) -> Meeting:
        return self._services.meetings.get(record_id)

    def describe(self, record: Meeting) -> str:
        return self.tr("the session '%s'") % record.title

    def delete_for_undo(self, record: Meeting) -> None:
        assert record.id is not None
        self._deleted[record.id] = self._services.meetings.delete(record.id)

    def restore_for_redo(self, record: Meeting) -> None:
        assert record.id is not None
        deleted = self._deleted.pop(record.id, None) or DeletedMeeting(record, (), ())
        self._services.meetings.restore(deleted)

    # --- what the page and tests use ----------------------------------------------------

    def facilitator_ids(self) -> tuple[int, ...]:
        ticked = []
        for row in range(self.facilitators_list.count()):
            item = self.facilitators_list.item(row)
            person_id = item.data(Qt.ItemDataRole.UserRole)
            if person_id is not None and item.checkState() == Qt.CheckState.Checked:
                ticked.append(int(person_id))
        return tuple(ticked)

    def choose_group(self, group_id: int) -> None:
        self.group_box.setCurrentIndex(self.group_box.findData(group_id))

    # --- inside --------------------------------------------------------------------------

    def _first_step(self) -> str:
        """What a new session needs first: a group to choose, or, with none to choose from,
        where to make one (a form that cannot be filled in says why)."""
        if self.group_box.count():
            text = self.tr("Choose the group first: its cadence suggests the date.")
        elif self._groups:
            text = self.tr(
                "Every group is archived, and a session needs an active group. Make a group "
                "active again, or add one: Groups, Ctrl+3."
            )
        else:
            text = self.tr(
                "There are no groups yet, and every session belongs to one. Add a group "
                "first: Groups, Ctrl+3."
            )
        self.group_box.setAccessibleDescription(text)
        return text

    def _default_start(self) -> datetime:
        tomorrow = self._services.meetings.today() + timedelta(days=1)
        return datetime(tomorrow.year, tomorrow.month, tomorrow.day, DEFAULT_START_HOUR)

    def _fill_groups(self, record: Meeting | None) -> None:
        groups = self._services.groups.list().items
        self._groups = {g.id: g for g in groups if g.id is not None}
        self.group_box.clear()
        for group in groups:
            if group.active or (record is not None and record.group_id == group.id):
                label = group.name if group.active else self.tr("%s (archived)") % group.name
                self.group_box.addItem(label, group.id)

    def _fill_facilitators(self, record: Meeting | None) -> None:
        chosen = record.facilitator_ids if record is not None else ()
        # Names and roles only, in one query: not every facilitator's whole record.
        people = {
            person.id: person
            for person in self._services.people.named_with_roles(FACILITATOR_ROLES, chosen)
        }
        self.facilitators_list.clear()
        # Those facilitating come first, in the order chosen; then everyone else by name.
        ordered = [people[pid] for pid in chosen if pid in people] + sorted(
            (p for p in people.values() if p.id not in chosen),
            key=lambda p: (p.display_name.casefold(), p.id),
        )
        for person in ordered:
            if Role.FACILITATOR in person.roles:
                label = self.tr("%s (facilitator)") % person.display_name
            elif Role.STAFF in person.roles:
                label = self.tr("%s (staff)") % person.display_name
            else:
                label = person.display_name
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked if person.id in chosen else Qt.CheckState.Unchecked
            )
            self.facilitators_list.addItem(item)
        if self.facilitators_list.count():
            self.facilitators_list.setCurrentRow(0)
        else:
            placeholder = QListWidgetItem(
                self.tr("Nobody on the register has the Facilitator or Staff role yet.")
            )
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.facilitators_list.addItem(placeholder)

    def _group_chosen(self, _index: int) -> None:
        """On a new session, fill in the date, length and title the group suggests."""
        if self._filling or self.record is not None:
            return
        group = self._groups.get(self.group_box.currentData())
        if group is None:
            return
        suggestion = self._services.meetings.suggest_next_start(group.id)  # type: ignore[arg-type]
        self._filling = True
        try:
            if suggestion is not None and not self._start_typed:
                length = _from_qt(self.ends_edit.dateTime()) - _from_qt(self.starts_edit.dateTime())
                self.starts_edit.setDateTime(_to_qt(suggestion))
                self.ends_edit.setDateTime(_to_qt(suggestion + (length or DEFAULT_LENGTH)))
            if not self._title_typed:
                self.title_edit.setText(
                    suggested_title(group.name, _from_qt(self.starts_edit.dateTime()))
                )
        finally:
            self._filling = False
        self._show_length()
        cadence = group.cadence.label
        if suggestion is not None:
            text = self.tr("Suggested from the group's cadence: %s") % (
                cadence[:1].lower() + cadence[1:]
            )
        elif group.cadence.weeks or group.cadence.months:
            text = self.tr("%s has no sessions yet, so there is no date to go on: choose one.")
            text %= group.name
        else:
            text = self.tr("%s meets when needed: choose the date.") % group.name
        self.suggestion_label.setText(text)
        self.suggestion_label.setAccessibleDescription(text)

    def _start_changed(self, value: QDateTime) -> None:
        """Moving the start moves the end with it, so the length stays as planned."""
        if self._filling or self._loading:
            return
        self._start_typed = True
        previous = self._previous_start
        start = _from_qt(value)
        self._filling = True
        try:
            if previous is not None:
                end = _from_qt(self.ends_edit.dateTime())
                self.ends_edit.setDateTime(_to_qt(end + (start - previous)))
            group = self._groups.get(self.group_box.currentData())
            if self.record is None and group is not None and not self._title_typed:
                self.title_edit.setText(suggested_title(group.name, start))
        finally:
            self._filling = False
        self._show_length()

    def _title_edited(self, _text: str) -> None:
        self._title_typed = True

    def _show_length(self, *_args: object) -> None:
        start = _from_qt(self.starts_edit.dateTime())
        self._previous_start = start
        length = _from_qt(self.ends_edit.dateTime()) - start
        words = length_in_words(length)
        self.length_label.setText(
            self.tr("Lasts %s") % words if words else self.tr("Ends before it starts")
        )
        self.length_label.setAccessibleDescription(self.length_label.text())

    def _other_record_changed(self, record_type: str) -> None:
        """Groups and people lists feed the choices: refresh them when nothing is typed."""
        if record_type in ("group", "person") and not super().has_unsaved_changes():
            self.load(self.record)


def session_when_and_where(meeting: Meeting) -> str:
    """``Thu 12 Mar 2026, 10:00 to 12:00, Town Hall``: the line under a session's title."""
    if meeting.ends_at.date() == meeting.starts_at.date():
        until = f"{meeting.ends_at:%H:%M}"
    else:
        until = session_time(meeting.ends_at)
    where = meeting.place or ("Online" if meeting.online_link else "")
    text = f"{session_time(meeting.starts_at)} to {until}"
    return f"{text}, {where}" if where else text
