"""Meeting mode: the facilitator's focused view while a session runs.

Everything is done from the keyboard (nothing here needs a mouse):

- Agenda: the current item with a running timer, and the items still to come.
  Ctrl+PgDown next item, Ctrl+PgUp previous item.
- Quick capture: Alt+S speaker (type a few letters of someone marked present, or "anon" for
  Anonymous, or "group" for The whole group; Enter moves on to the words), Alt+W what was said,
  Enter saves and clears the box for the next one. Kind by one key: Alt+I idea, Alt+C concern,
  Alt+Q question, Alt+X experience, Alt+P praise, Alt+D decision. Alt+K links (or not) to the
  current item's documents. Alt+R Making it Real themes, Alt+T CQC quality statements (Space
  ticks one). Alt+M puts the contribution just captured into the session's easy-read summary
  ("What you told us"), or takes it out again.
- Action: Alt+A what to do, Alt+N owner, Alt+U due date; Enter adds it.
- Register: Alt+L someone arrived late, Alt+Y someone left early (type letters, Enter).
- Opened as its own window: Ctrl+Z undo, Ctrl+Shift+Z redo, Ctrl+W close.

Alt+E, F, G and H are left alone: they open the main window's menus.

Beside each speaker the view says whether they agreed to be quoted by name; the recent list
shows each contribution as every output will (``attributed_name``). The box is kept as a draft
half a second after the last keystroke and restored when the view opens again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.attribution import GROUP_MEMBER, WHOLE_GROUP
from coproduce.domain.errors import ConflictError, CoproduceError
from coproduce.domain.records import Action, AgendaItem, Contribution, replace
from coproduce.domain.vocabulary import (
    Attribution,
    ContributionKind,
    CqcQualityStatement,
    MakingItRealTheme,
)
from coproduce.services.capture import CaptureDraft, Speaker
from coproduce.ui.actions.owner_chooser import OwnerChooser
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.documents.optional_date_edit import OptionalDateEdit

DRAFT_DELAY_MS = 500
"""The box is kept this long after the last keystroke (the promise is within one second)."""

KIND_KEYS: dict[ContributionKind, str] = {
    ContributionKind.IDEA: "Alt+I",
    ContributionKind.CONCERN: "Alt+C",
    ContributionKind.QUESTION: "Alt+Q",
    ContributionKind.EXPERIENCE: "Alt+X",
    ContributionKind.PRAISE: "Alt+P",
    ContributionKind.DECISION: "Alt+D",
}
ANONYMOUS = "Anonymous"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Choice:
    """A speaker the box can mean: a person present, Anonymous, or the whole group."""

    name: str
    attribution: Attribution
    speaker: Speaker | None = None


def match(typed: str, choices: list[Choice]) -> list[Choice]:
    """The choices ``typed`` means: an exact name, else names with a word starting with it,
    else names containing it."""
    wanted = typed.strip().casefold()
    if not wanted:
        return []
    exact = [c for c in choices if c.name.casefold() == wanted]
    if exact:
        return exact
    starts = [
        c
        for c in choices
        if c.name.casefold().startswith(wanted)
        or any(word.startswith(wanted) for word in c.name.casefold().split())
    ]
    if starts:
        return starts
    return [c for c in choices if wanted in c.name.casefold()]


class CaptureView(QWidget):
    """The capture view of one session (``meeting_id``).

    Signals:
        captured(object): the ``Contribution`` just saved.
    """

    captured = Signal(object)

    def __init__(
        self, context: WindowContext, meeting_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self._meeting_id = meeting_id
        self._items: list[AgendaItem] = self._services.meetings.agenda(meeting_id)
        self._index = 0
        self._choices: list[Choice] = []
        self._not_present: list[tuple[int, str]] = []
        meeting = self._services.meetings.get(meeting_id)
        self.setWindowTitle(self.tr("Run the session: %s") % meeting.title)
        self.setAccessibleName(self.tr("Run the session"))

        # Two columns the facilitator can resize: on a small laptop screen the room list and
        # the action box may need less room than what is being typed.
        outer = QHBoxLayout(self)
        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.setChildrenCollapsible(False)
        outer.addWidget(columns)
        left_column, right_column = QWidget(), QWidget()
        left = QVBoxLayout(left_column)
        right = QVBoxLayout(right_column)
        left.setContentsMargins(0, 0, 0, 0)
        right.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(left_column)
        columns.addWidget(right_column)
        columns.setStretchFactor(0, 3)
        columns.setStretchFactor(1, 2)

        # --- agenda ----------------------------------------------------------------------
        agenda = QGroupBox(self.tr("Agenda"))
        agenda_layout = QVBoxLayout(agenda)
        self.item_label = QLabel()
        self.item_label.setAccessibleName(self.tr("Current agenda item"))
        self.item_label.setWordWrap(True)
        font = self.item_label.font()
        font.setBold(True)
        self.item_label.setFont(font)
        self.timer_label = QLabel()
        self.timer_label.setAccessibleName(self.tr("Time on this item"))
        self.next_list = QListWidget()
        self.next_list.setAccessibleName(self.tr("Next agenda items"))
        # Reached by Tab like every list, so a keyboard or screen reader user can read it.
        self.next_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.next_list.setMaximumHeight(self.fontMetrics().height() * 5)
        agenda_layout.addWidget(self.item_label)
        agenda_layout.addWidget(self.timer_label)
        agenda_layout.addWidget(QLabel(self.tr("Next (Ctrl+PgDown / Ctrl+PgUp):")))
        agenda_layout.addWidget(self.next_list)
        left.addWidget(agenda)
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_time)

        # --- quick capture ---------------------------------------------------------------
        capture = QGroupBox(self.tr("Quick capture"))
        form = QFormLayout(capture)
        self.speaker_box = QLineEdit()
        self.speaker_box.setAccessibleName(self.tr("Speaker"))
        self.speaker_box.setPlaceholderText(
            self.tr("Letters of a name, or 'anon', or 'group'; then Enter")
        )
        self._speaker_names = QStringListModel(self)
        completer = QCompleter(self._speaker_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.popup().setAccessibleName(self.tr("Speakers who match"))
        self.speaker_box.setCompleter(completer)
        self.consent_label = QLabel()
        self.consent_label.setAccessibleName(self.tr("Quoted by name?"))
        self.consent_label.setWordWrap(True)
        speaker_row = QVBoxLayout()
        speaker_row.addWidget(self.speaker_box)
        speaker_row.addWidget(self.consent_label)
        speaker_label = QLabel(self.tr("&Speaker:"))
        speaker_label.setBuddy(self.speaker_box)
        form.addRow(speaker_label, speaker_row)

        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(self.tr("Kind"))
        for kind, key in KIND_KEYS.items():
            self.kind_box.addItem(f"{kind.label} ({key})")
        form.addRow(self.tr("Kind:"), self.kind_box)

        self.text_box = QLineEdit()
        self.text_box.setAccessibleName(self.tr("What was said"))
        self.text_box.setPlaceholderText(self.tr("Type what was said; Enter saves"))
        text_label = QLabel(self.tr("&What was said:"))
        text_label.setBuddy(self.text_box)
        form.addRow(text_label, self.text_box)

        self.link_box = QCheckBox(self.tr("Link to this item's documents (Alt+K):"))
        self.link_box.setAccessibleName(self.tr("Link to this item's documents"))
        self.link_box.setChecked(True)
        self.link_documents = QLabel()
        self.link_documents.setAccessibleName(self.tr("This item's documents"))
        self.link_documents.setWordWrap(True)
        link_row = QVBoxLayout()
        link_row.addWidget(self.link_box)
        link_row.addWidget(self.link_documents)
        form.addRow("", link_row)

        self.themes = self._tag_list(
            self.tr("Making it Real themes"), [(t.label, t) for t in MakingItRealTheme]
        )
        themes_label = QLabel(self.tr("Making it &Real themes:"))
        themes_label.setBuddy(self.themes)
        form.addRow(themes_label, self.themes)
        self.statements = self._tag_list(
            self.tr("CQC quality statements"),
            [(f"{s.label} ({s.theme})", s) for s in CqcQualityStatement],
        )
        statements_label = QLabel(self.tr("CQC quality s&tatements:"))
        statements_label.setBuddy(self.statements)
        form.addRow(statements_label, self.statements)

        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Capture message"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.message)
        left.addWidget(capture)

        # --- recent ----------------------------------------------------------------------
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Captured so far, newest first"))
        _wrap_lines(self.recent)
        recent_label = QLabel(self.tr("Captured so far (newest first):"))
        recent_label.setBuddy(self.recent)
        left.addWidget(recent_label)
        left.addWidget(self.recent, 1)

        # --- in the room -----------------------------------------------------------------
        room = QGroupBox(self.tr("In the room"))
        room_layout = QVBoxLayout(room)
        self.room_list = QListWidget()
        self.room_list.setAccessibleName(self.tr("Present, and whether quoted by name"))
        self.room_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reads who is here
        _wrap_lines(self.room_list)
        room_layout.addWidget(self.room_list)
        register = QFormLayout()
        self.late_box = QLineEdit()
        self.late_box.setAccessibleName(self.tr("Arrived late"))
        self.late_box.setPlaceholderText(self.tr("Letters of a name; Enter"))
        late_label = QLabel(self.tr("Arrived &late:"))
        late_label.setBuddy(self.late_box)
        register.addRow(late_label, self.late_box)
        self.left_box = QLineEdit()
        self.left_box.setAccessibleName(self.tr("Left early"))
        self.left_box.setPlaceholderText(self.tr("Letters of a name; Enter"))
        left_label = QLabel(self.tr("Left earl&y:"))
        left_label.setBuddy(self.left_box)
        register.addRow(left_label, self.left_box)
        room_layout.addLayout(register)
        right.addWidget(room)

        # --- action ----------------------------------------------------------------------
        action_box = QGroupBox(self.tr("Action"))
        action_form = QFormLayout(action_box)
        self.action_text = QLineEdit()
        self.action_text.setAccessibleName(self.tr("Action to do"))
        self.action_text.setPlaceholderText(self.tr("What is to be done; Enter adds it"))
        action_label = QLabel(self.tr("&Action:"))
        action_label.setBuddy(self.action_text)
        action_form.addRow(action_label, self.action_text)
        self.action_owner = OwnerChooser(self._services.people, self.tr("Action owner"))
        owner_label = QLabel(self.tr("Ow&ner:"))
        owner_label.setBuddy(self.action_owner.line)
        action_form.addRow(owner_label, self.action_owner)
        self.action_due = OptionalDateEdit(
            self.tr("D&ue on"),
            self.tr("Action due date"),
            self.tr("Action due note"),
            self._services.actions.today,
        )
        action_form.addRow(self.tr("Due:"), self.action_due)
        self.add_action_button = QPushButton(self.tr("Add action"))
        self.add_action_button.setAccessibleName(self.tr("Add action"))
        self.add_action_button.setAutoDefault(False)
        action_form.addRow("", self.add_action_button)
        self.action_message = QLabel()
        self.action_message.setAccessibleName(self.tr("Action message"))
        self.action_message.setWordWrap(True)
        action_form.addRow(self.action_message)
        right.addWidget(action_box)
        right.addStretch(1)

        # --- keys ------------------------------------------------------------------------
        for kind, key in KIND_KEYS.items():
            self._add_key(
                self.tr("Kind: %s") % kind.label,
                key,
                lambda _checked=False, k=kind: self.set_kind(k),
            )
        self._add_key(self.tr("Next agenda item"), "Ctrl+PgDown", self.next_item)
        self._add_key(self.tr("Previous agenda item"), "Ctrl+PgUp", self.previous_item)
        self._add_key(self.tr("Link to this item's documents"), "Alt+K", self.link_box.toggle)
        self._add_key(
            self.tr("Put the contribution just captured in the easy-read summary, or take it out"),
            "Alt+M",
            self.toggle_last_in_summary,
        )
        # Opened as its own window, the view needs its own undo, redo and close keys (the
        # main window's reach only the main window). Inside the main window they stay off, so
        # they never clash with the window's own.
        self._window_keys = [
            self._add_key(self.tr("Undo"), "Ctrl+Z", context.undo_stack.undo),
            self._add_key(self.tr("Redo"), "Ctrl+Shift+Z", context.undo_stack.redo),
            self._add_key(self.tr("Close meeting mode"), "Ctrl+W", self.close),
        ]

        # --- signals ---------------------------------------------------------------------
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self.text_box.textEdited.connect(self._draft_timer.start)
        self.speaker_box.textEdited.connect(self._draft_timer.start)
        self.speaker_box.textChanged.connect(self._show_speaker)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.speaker_box.returnPressed.connect(self._speaker_entered)
        self.text_box.returnPressed.connect(self.save_contribution)
        self.action_text.returnPressed.connect(self.add_action)
        self.action_owner.line.returnPressed.connect(self.add_action)
        self.add_action_button.clicked.connect(self.add_action)
        self.late_box.returnPressed.connect(self._arrived_late)
        self.left_box.returnPressed.connect(self._left_early)

        self.setTabOrder(self.speaker_box, self.kind_box)
        self.setTabOrder(self.kind_box, self.text_box)
        self.setTabOrder(self.text_box, self.link_box)
        self.setTabOrder(self.link_box, self.themes)
        self.setTabOrder(self.themes, self.statements)
        self.setTabOrder(self.statements, self.recent)
        self.setTabOrder(self.recent, self.room_list)  # who is here, then late and left early
        self.setTabOrder(self.room_list, self.late_box)
        self.setTabOrder(self.late_box, self.left_box)
        self.setTabOrder(self.left_box, self.action_text)
        self.setTabOrder(self.action_text, self.action_owner.line)
        self.setTabOrder(self.action_owner.line, self.action_due.tick)
        self.setTabOrder(self.action_due.tick, self.action_due.date_edit)
        self.setTabOrder(self.action_due.date_edit, self.add_action_button)

        context.changes.changed.connect(self._records_changed)
        for line in self.findChildren(QLineEdit):
            line.installEventFilter(self)

        self._load_people()
        self._show_item()
        self._load_recent()
        self._restore_draft()
        # The keyboard starts here when the window opens. Not a focus proxy: on the window
        # itself that would make Tab, after the last control, skip back to it for ever.
        self.speaker_box.setFocus()

    def _records_changed(self, record_type: str) -> None:
        # Undo, another page or another view changed what this view shows.
        if record_type == "contribution":
            self._load_recent()
        elif record_type in ("attendance", "person", "consent"):
            self._load_people()

    # --- agenda --------------------------------------------------------------------------

    def current_item(self) -> AgendaItem | None:
        return self._items[self._index] if self._items else None

    def next_item(self) -> None:
        if self._index + 1 < len(self._items):
            self._index += 1
            self._show_item()

    def previous_item(self) -> None:
        if self._index > 0:
            self._index -= 1
            self._show_item()

    def _show_item(self) -> None:
        item = self.current_item()
        self.next_list.clear()
        if item is None:
            self.item_label.setText(
                self.tr("No agenda: what is said is recorded against the session.")
            )
            self.link_documents.setText(self.tr("(no agenda, so no documents)"))
            self.link_box.setEnabled(False)
            self.timer_label.clear()
            return
        self.item_label.setText(
            self.tr("Now: %d of %d. %s") % (self._index + 1, len(self._items), item.title)
        )
        for number, later in enumerate(self._items[self._index + 1 :], self._index + 2):
            self.next_list.addItem(f"{number}. {later.title}")
        titles = [d.title for d in self._services.documents.get_many(list(item.document_ids))]
        self.link_box.setEnabled(bool(titles))
        self.link_documents.setText(
            ", ".join(titles) if titles else self.tr("(this item has no documents)")
        )
        self._clock.start()
        self._tick.start()
        self._show_time()

    def _show_time(self) -> None:
        item = self.current_item()
        if item is None or not self._clock.isValid():
            return
        seconds = self._clock.elapsed() // 1000
        text = self.tr("%d:%02d on this item") % (seconds // 60, seconds % 60)
        if item.duration_minutes:
            text += self.tr(" of %d min planned") % item.duration_minutes
            if seconds > item.duration_minutes * 60:
                text += self.tr(" (over time)")
        self.timer_label.setText(text)

    # --- speakers ------------------------------------------------------------------------

    def _load_people(self) -> None:
        speakers = self._services.capture.speakers(self._meeting_id)
        self._choices = [Choice(s.name, Attribution.PERSON, s) for s in speakers] + [
            Choice(self.tr(ANONYMOUS), Attribution.ANONYMOUS),
            Choice(WHOLE_GROUP, Attribution.WHOLE_GROUP),
        ]
        self._not_present = self._services.capture.not_present(self._meeting_id)
        self._speaker_names.setStringList([c.name for c in self._choices])
        self.room_list.clear()
        for speaker in speakers:
            self.room_list.addItem(f"{speaker.name}: {self._consent_words(speaker)}")
        if not speakers:
            self.room_list.addItem(self.tr("Nobody is marked present yet."))
        self._show_speaker()

    def _consent_words(self, speaker: Speaker) -> str:
        if speaker.quoted_by_name:
            return self.tr("agreed to be quoted by name")
        return self.tr("not quoted by name (shown as '%s')") % GROUP_MEMBER

    def chosen_speaker(self) -> Choice | None:
        found = match(self.speaker_box.text(), self._choices)
        return found[0] if len(found) == 1 else None

    def _speaker_problem(self) -> str:
        typed = self.speaker_box.text().strip()
        if not typed:
            return self.tr(
                "Say who said it: type letters of a name, or 'anon' for Anonymous, or 'group' "
                "for The whole group."
            )
        found = match(typed, self._choices)
        if len(found) > 1:
            return self.tr("Several match '%s': %s. Type more letters.") % (
                typed,
                ", ".join(c.name for c in found),
            )
        absent = match(typed, [Choice(name, Attribution.PERSON) for _, name in self._not_present])
        if absent:
            return (
                self.tr(
                    "%s is not marked present. If they have just arrived, mark them with "
                    "Arrived late (Alt+L) first."
                )
                % absent[0].name
            )
        return self.tr("Nobody present matches '%s'.") % typed

    def _show_speaker(self) -> None:
        choice = self.chosen_speaker()
        if choice is None:
            self.consent_label.setText(
                self._speaker_problem() if self.speaker_box.text().strip() else ""
            )
        elif choice.speaker is not None:
            self.consent_label.setText(f"{choice.name}: {self._consent_words(choice.speaker)}")
        elif choice.attribution is Attribution.WHOLE_GROUP:
            self.consent_label.setText(self.tr("Shown as '%s'") % WHOLE_GROUP)
        else:
            self.consent_label.setText(self.tr("Shown as '%s'") % GROUP_MEMBER)

    def _speaker_entered(self) -> None:
        choice = self.chosen_speaker()
        if choice is None:
            self.message.setText(self._speaker_problem())
            return
        self.speaker_box.setText(choice.name)
        self.message.clear()
        self.text_box.setFocus()

    # --- kind and tags -------------------------------------------------------------------

    def kind(self) -> ContributionKind:
        return list(KIND_KEYS)[self.kind_box.currentIndex()]

    def set_kind(self, kind: ContributionKind) -> None:
        self.kind_box.setCurrentIndex(list(KIND_KEYS).index(kind))

    def _kind_changed(self) -> None:
        if self.text_box.text() or self.speaker_box.text():
            self._draft_timer.start()

    def _tag_list(self, name: str, entries: list[tuple[str, object]]) -> QListWidget:
        """A list of tick boxes, one per entry, in the order of ``entries``."""
        tags = QListWidget()
        tags.setAccessibleName(name)
        tags.setAccessibleDescription(self.tr("Up and Down to move, Space to tick"))
        for label, _value in entries:
            entry = QListWidgetItem(label)
            entry.setToolTip(label)  # a narrow window shortens the label
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            tags.addItem(entry)
        tags.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tags.setTextElideMode(Qt.TextElideMode.ElideRight)
        tags.setCurrentRow(0)
        tags.setMaximumHeight(tags.sizeHintForRow(0) * 4 + 2 * tags.frameWidth())
        return tags

    @staticmethod
    def _ticked(tags: QListWidget, values: list[T]) -> frozenset[T]:
        # The values stay in Python: Qt would turn these str enums into plain strings.
        return frozenset(
            values[row]
            for row in range(tags.count())
            if tags.item(row).checkState() == Qt.CheckState.Checked
        )

    @staticmethod
    def _untick(tags: QListWidget) -> None:
        for row in range(tags.count()):
            tags.item(row).setCheckState(Qt.CheckState.Unchecked)

    # --- saving --------------------------------------------------------------------------

    def save_contribution(self) -> Contribution | None:
        """Save what is in the box (Enter in the words); clear the box for the next one."""
        text = self.text_box.text().strip()
        if not text:
            self.message.setText(self.tr("Type what was said first."))
            return None
        choice = self.chosen_speaker()
        if choice is None:
            self.message.setText(self._speaker_problem())
            self.speaker_box.setFocus()
            return None
        item = self.current_item()
        link = self.link_box.isChecked() and self.link_box.isEnabled()
        contribution = Contribution(
            meeting_id=self._meeting_id,
            text=text,
            kind=self.kind(),
            attribution=choice.attribution,
            speaker_id=choice.speaker.person_id if choice.speaker else None,
            agenda_item_id=item.id if item else None,
            themes=self._ticked(self.themes, list(MakingItRealTheme)),
            quality_statements=self._ticked(self.statements, list(CqcQualityStatement)),
        )
        self._draft_timer.stop()
        try:
            saved = self._services.capture.capture(contribution, link_documents=link)
        except CoproduceError as error:
            self.message.setText(str(error))
            return None
        self._push_undo(saved, link)
        # setText, not clear(): clear() is itself undoable in a line edit, so Ctrl+Z would
        # bring the words back into the box instead of taking back the capture.
        self.text_box.setText("")
        self.speaker_box.setText("")
        self.set_kind(ContributionKind.IDEA)
        self._untick(self.themes)
        self._untick(self.statements)
        self.message.setText(self.tr("Saved: %s") % _short(saved.text))
        self._context.changes.changed.emit("contribution")  # reloads the recent list too
        self.speaker_box.setFocus()
        self.captured.emit(saved)
        return saved

    def _push_undo(self, saved: Contribution, link: bool) -> None:
        services = self._services
        current = [saved]

        def undo() -> None:
            assert current[0].id is not None
            services.contributions.delete(current[0].id)

        def redo() -> None:
            again = replace(current[0], id=None, version=0)
            current[0] = services.capture.capture(again, link_documents=link, discard_draft=False)

        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Capture '%s'") % _short(saved.text),
                undo_call=undo,
                redo_call=redo,
                changes=self._context.changes,
                record_type="contribution",
                parent_widget=self,
            )
        )

    def toggle_last_in_summary(self) -> Contribution | None:
        """Put the newest contribution of the session into its easy-read summary, or take it
        out (Alt+M, right after Enter); undone with Ctrl+Z."""
        services = self._services
        try:
            recent = services.capture.recent(self._meeting_id, limit=1)
            if not recent:
                self.message.setText(
                    self.tr("Nothing captured yet: Alt+M chooses the last one captured.")
                )
                return None
            last = recent[0].contribution
            wanted = not last.in_summary
            saved = services.contributions.update(replace(last, in_summary=wanted))
        except CoproduceError as error:
            self.message.setText(str(error))
            return None
        contribution_id = saved.id or 0

        def choose(expected: bool, state: bool) -> None:
            current = services.contributions.get(contribution_id)
            if current.in_summary is not expected:
                raise ConflictError(
                    "Contribution",
                    contribution_id,
                    "it was put in or taken out of the summary since",
                )
            services.contributions.update(replace(current, in_summary=state))

        if wanted:
            text = self.tr("Put '%s' in the easy-read summary") % _short(saved.text)
            said = self.tr("In the easy-read summary: %s (Alt+M again takes it out)")
        else:
            text = self.tr("Take '%s' out of the easy-read summary") % _short(saved.text)
            said = self.tr("Taken out of the easy-read summary: %s")
        self._context.undo_stack.push(
            ServiceCommand(
                text,
                undo_call=lambda: choose(wanted, not wanted),
                redo_call=lambda: choose(not wanted, wanted),
                changes=self._context.changes,
                record_type="contribution",
                parent_widget=self,
            )
        )
        self.message.setText(said % _short(saved.text))
        self._context.changes.changed.emit("contribution")  # the recent list shows it
        return saved

    def _load_recent(self) -> None:
        self.recent.clear()
        for entry in self._services.capture.recent(self._meeting_id):
            said = entry.contribution
            line = f"{said.kind.label}. {entry.shown_as}: {said.text}"
            if said.in_summary:
                line += " " + self.tr("(in the easy-read summary)")
            self.recent.addItem(line)

    # --- drafts --------------------------------------------------------------------------

    def save_draft(self) -> None:
        self._draft_timer.stop()
        self._services.capture.save_draft(
            self._meeting_id,
            CaptureDraft(self.text_box.text(), self.speaker_box.text(), self.kind()),
        )

    def _restore_draft(self) -> None:
        draft = self._services.capture.load_draft(self._meeting_id)
        if draft is None:
            return
        self.speaker_box.setText(draft.speaker)
        self.set_kind(draft.kind)
        self.text_box.setText(draft.text)
        self.message.setText(self.tr("Restored what was being typed last time."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # A line edit claims Ctrl+Z and Ctrl+Shift+Z even with nothing of its own to undo;
        # then let them through to the view's undo, so the last capture can be taken back.
        if (
            event.type() != QEvent.Type.ShortcutOverride
            or not isinstance(watched, QLineEdit)
            or not isinstance(event, QKeyEvent)
        ):
            return super().eventFilter(watched, event)
        nothing_to_undo = event.matches(QKeySequence.StandardKey.Undo) and (
            not watched.isUndoAvailable()
        )
        nothing_to_redo = event.matches(QKeySequence.StandardKey.Redo) and (
            not watched.isRedoAvailable()
        )
        if nothing_to_undo or nothing_to_redo:
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        for action in self._window_keys:
            action.setEnabled(self.isWindow())
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._draft_timer.isActive():
            self.save_draft()
        self._tick.stop()
        super().closeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        if self._draft_timer.isActive():
            self.save_draft()
        super().hideEvent(event)

    # --- action --------------------------------------------------------------------------

    def add_action(self) -> None:
        text = self.action_text.text().strip()
        if not text:
            self.action_message.setText(self.tr("Type what is to be done first."))
            self.action_text.setFocus()
            return
        self.action_owner.resolve()
        problem = self.action_owner.problem()
        if problem:
            self.action_message.setText(problem)
            self.action_owner.setFocus()
            return
        owner = self.action_owner.person()
        try:
            action = self._services.actions.create(
                Action(
                    meeting_id=self._meeting_id,
                    text=text,
                    owner_id=owner.id if owner else None,
                    due_on=self.action_due.value(),
                )
            )
        except CoproduceError as error:
            self.action_message.setText(str(error))
            return
        services = self._services
        kept = [action]

        def undo() -> None:
            assert kept[0].id is not None
            kept[0] = services.actions.delete(kept[0].id)

        def redo() -> None:
            kept[0] = services.actions.restore(kept[0])

        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Add action '%s'") % _short(action.text),
                undo_call=undo,
                redo_call=redo,
                changes=self._context.changes,
                record_type="action",
                parent_widget=self,
            )
        )
        self.action_text.clear()
        self.action_owner.set_person(None)
        self.action_due.set_date(None)
        self.action_message.setText(self.tr("Action added: %s") % _short(action.text))
        self._context.changes.changed.emit("action")
        self.action_text.setFocus()

    # --- register ------------------------------------------------------------------------

    def _arrived_late(self) -> None:
        choices = [Choice(name, Attribution.PERSON) for _, name in self._not_present]
        found = match(self.late_box.text(), choices)
        if len(found) != 1:
            self.message.setText(self._register_problem(self.late_box.text(), found, False))
            return
        person_id = next(pid for pid, name in self._not_present if name == found[0].name)
        self._mark(lambda: self._services.capture.mark_arrived_late(self._meeting_id, person_id))
        self.late_box.clear()
        self.message.setText(self.tr("%s arrived late: marked present.") % found[0].name)

    def _left_early(self) -> None:
        people = [c for c in self._choices if c.speaker is not None]
        found = match(self.left_box.text(), people)
        if len(found) != 1:
            self.message.setText(self._register_problem(self.left_box.text(), found, True))
            return
        speaker = found[0].speaker
        assert speaker is not None
        self._mark(
            lambda: self._services.capture.mark_left_early(self._meeting_id, speaker.person_id)
        )
        self.left_box.clear()
        self.message.setText(self.tr("%s left early.") % speaker.name)

    def _register_problem(self, typed: str, found: list[Choice], present: bool) -> str:
        if not typed.strip():
            return self.tr("Type letters of the person's name, then Enter.")
        if found:
            return self.tr("Several match: %s. Type more letters.") % ", ".join(
                c.name for c in found
            )
        if present:
            return self.tr("Nobody marked present matches '%s'.") % typed
        return self.tr("Nobody expected and not yet present matches '%s'.") % typed

    def _mark(self, call) -> None:  # type: ignore[no-untyped-def]
        try:
            call()
        except CoproduceError as error:
            self.message.setText(str(error))
            return
        self._context.changes.changed.emit("attendance")  # reloads the speakers here too

    # --- keys ----------------------------------------------------------------------------

    def _add_key(self, text: str, key: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _wrap_lines(entries: QListWidget) -> None:
    """Long entries wrap onto more lines instead of hiding behind a sideways scroll bar."""
    entries.setWordWrap(True)
    entries.setTextElideMode(Qt.TextElideMode.ElideNone)
    entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    entries.setResizeMode(QListWidget.ResizeMode.Adjust)
