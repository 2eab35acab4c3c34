"""Meeting mode: the facilitator's focused view while a session runs.

Everything is done from the keyboard (nothing here needs a mouse), and every step says what it
did in the status line under the agenda item, which a screen reader also announces
(``feedback``):

- Agenda: the current item with a running timer, and the items still to come (Tab reaches
  them; Enter on one goes to it). Ctrl+PgDown next item, Ctrl+PgUp previous item. The view
  remembers, per session, the item it was on and how long each item has run, and carries on
  from there when it opens again.
- Quick capture: Alt+S speaker (type a few letters of someone marked present, or "anon" for
  Anonymous, or "group" for The whole group; Enter moves on to the words), Alt+W what was said,
  Enter saves and clears the box for the next one. The marking keys act on what is being
  typed: kind by one key (Alt+I idea, Alt+C concern, Alt+Q question, Alt+X experience, Alt+P
  praise, Alt+D decision), Alt+K links (or not) to the current item's documents, Alt+M puts
  it in the session's easy-read summary ("What you told us"), or not. Alt+R Making it Real
  themes, Alt+T CQC quality statements (Space ticks one). In the list of what was captured,
  Space puts the chosen one in the summary or takes it out.
- Action: Alt+A what to do, Alt+N owner, Alt+U due date; Enter adds it.
- Register: Alt+L someone arrived late, Alt+Y someone left early (type letters, Enter).
- Text size: Ctrl+= larger, Ctrl+- smaller (larger than the rest of the program by default,
  and remembered; see ``text_size``).
- Opened as its own window: Ctrl+Z undo, Ctrl+Shift+Z redo, Ctrl+W close.

Alt+E, F, G and H are left alone: they open the main window's menus.

Tab goes round every control and comes back to Speaker. A session that has not started yet is
run only after the facilitator says so (the safe answer, Go back, is the default).

Beside each speaker the view says whether they agreed to be quoted by name; the recent list
shows each contribution as every output will (``attributed_name``). The box is kept as a draft
half a second after the last keystroke, and within a second of the first unsaved keystroke
even while typing goes on (``DRAFT_MAX_WAIT_MS``), and restored when the view opens again.
While another program is writing to the database, the autosave waits only a moment
(``DRAFT_BUSY_WAIT_MS``, so typing never freezes), keeps the words in the box, says so in the
status line and tries again every second until the draft is saved: never an error box.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QItemSelectionModel,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
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
from coproduce.domain.errors import (
    ConflictError,
    CoproduceError,
    DatabaseBusyError,
    DatabaseError,
)
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import Action, AgendaItem, Contribution, replace
from coproduce.domain.vocabulary import (
    Attribution,
    ContributionKind,
    CqcQualityStatement,
    MakingItRealTheme,
)
from coproduce.services.capture import CapturedEntry, CaptureDraft, CapturePosition, Speaker
from coproduce.ui import prompts
from coproduce.ui.actions.owner_chooser import OwnerChooser
from coproduce.ui.capture.feedback import StatusLine
from coproduce.ui.capture.text_size import SIZES, set_text_size, text_size
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.documents.optional_date_edit import OptionalDateEdit
from coproduce.ui.formats import session_time

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 500
"""The box is kept this long after the last keystroke (the promise is within one second)."""
DRAFT_MAX_WAIT_MS = 700
"""...and at the latest this long after the first keystroke not yet kept, however fast the
typing goes on; the rest of the second is for the save itself and a busy laptop's event loop
(one small write every 0.7 s while someone types without a pause costs nothing to notice)."""
DRAFT_BUSY_WAIT_MS = 150
"""How long an autosave waits for another program's write before trying again later."""
DRAFT_RETRY_MS = 1000
"""How often an autosave that met a busy database tries again."""
POSITION_EVERY_S = 10
"""Where the view is in the agenda is kept this often while it runs (and on every move)."""

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
        self._spent: dict[int, int] = {}
        """Seconds each agenda item ran before the current stint on it."""
        self._ticks = 0
        self._asked = False
        self.declined = False
        """The facilitator chose not to run a session that has not started yet."""
        self._choices: list[Choice] = []
        self._not_present: list[tuple[int, str]] = []
        self._recent_entries: list[CapturedEntry] = []
        meeting = self._services.meetings.get(meeting_id)
        self.setWindowTitle(self.tr("Run the session: %s") % meeting.title)
        self.setAccessibleName(self.tr("Run the session"))

        # --- top: where the meeting is, and what just happened -----------------------------
        self.item_label = QLabel()
        self.item_label.setAccessibleName(self.tr("Current agenda item"))
        self.item_label.setWordWrap(True)
        self.item_label.setTextFormat(Qt.TextFormat.PlainText)
        self.timer_label = QLabel()
        self.timer_label.setAccessibleName(self.tr("Time on this item"))
        self.size_box = QComboBox()
        self.size_box.setAccessibleName(self.tr("Text size"))
        for percent in SIZES:
            self.size_box.addItem(f"{percent}%", percent)
        size_label = QLabel(self.tr("Text size (Ctrl+= / Ctrl+-):"))
        size_label.setBuddy(self.size_box)
        top = QHBoxLayout()
        top.addWidget(self.item_label, 1)
        top.addWidget(self.timer_label)
        top.addSpacing(self.fontMetrics().averageCharWidth() * 3)
        top.addWidget(size_label)
        top.addWidget(self.size_box)
        # One status line for every step, in sight wherever the keyboard is.
        self.message = StatusLine(self.tr("What just happened"))

        # --- quick capture -----------------------------------------------------------------
        capture = QGroupBox(self.tr("Quick capture"))
        form = QFormLayout(capture)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.speaker_box = QLineEdit()
        self.speaker_box.setAccessibleName(self.tr("Speaker"))
        self.speaker_box.setPlaceholderText(
            self.tr("Letters of a name, or 'anon', or 'group'; then Enter")
        )
        self._speaker_names = QStringListModel(self)
        self._completer = QCompleter(self._speaker_names, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.popup().setAccessibleName(self.tr("Speakers who match"))
        self.speaker_box.setCompleter(self._completer)
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
        kind_label = QLabel(self.tr("Kind:"))
        kind_label.setBuddy(self.kind_box)
        form.addRow(kind_label, self.kind_box)

        self.text_box = QLineEdit()
        self.text_box.setAccessibleName(self.tr("What was said"))
        self.text_box.setPlaceholderText(self.tr("Type what was said; Enter saves"))
        text_label = QLabel(self.tr("&What was said:"))
        text_label.setBuddy(self.text_box)
        form.addRow(text_label, self.text_box)

        self.summary_box = QCheckBox(self.tr("In the easy-read summary (Alt+M)"))
        self.summary_box.setAccessibleName(self.tr("Put this one in the easy-read summary"))
        self.link_box = QCheckBox(self.tr("Link to this item's documents (Alt+K)"))
        self.link_box.setAccessibleName(self.tr("Link to this item's documents"))
        self.link_box.setChecked(True)
        self.link_documents = QLabel()
        self.link_documents.setAccessibleName(self.tr("This item's documents"))
        self.link_documents.setWordWrap(True)
        # One above the other: side by side they would set the narrowest the window can be.
        marks_column = QVBoxLayout()
        marks_column.setSpacing(2)
        marks_column.addWidget(self.summary_box)
        marks_column.addWidget(self.link_box)
        marks_column.addWidget(self.link_documents)
        form.addRow("", marks_column)

        # The two tag lists side by side: stacked, they would push the recent list away.
        self.themes = self._tag_list(
            self.tr("Making it Real themes"), [(t.label, t) for t in MakingItRealTheme]
        )
        self.statements = self._tag_list(
            self.tr("CQC quality statements"),
            [(f"{s.label} ({s.theme})", s) for s in CqcQualityStatement],
        )
        themes_label = QLabel(self.tr("Making it &Real themes:"))
        themes_label.setBuddy(self.themes)
        statements_label = QLabel(self.tr("CQC quality s&tatements:"))
        statements_label.setBuddy(self.statements)
        tags = QHBoxLayout()
        for label, tag_list in ((themes_label, self.themes), (statements_label, self.statements)):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(tag_list)
            tags.addLayout(column, 1)
        form.addRow(tags)

        # --- recent ------------------------------------------------------------------------
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Captured so far, newest first"))
        self.recent.setAccessibleDescription(
            self.tr("Space puts the chosen one in the easy-read summary, or takes it out")
        )
        _wrap_lines(self.recent)
        recent_label = QLabel(
            self.tr("Captured so far, newest first (Space: in the easy-read summary or out):")
        )
        recent_label.setWordWrap(True)
        recent_label.setBuddy(self.recent)

        left_column = QWidget()
        left = QVBoxLayout(left_column)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(capture)
        left.addWidget(recent_label)
        left.addWidget(self.recent, 1)

        # --- next on the agenda ------------------------------------------------------------
        agenda = QGroupBox(self.tr("Next on the agenda"))
        agenda_layout = QVBoxLayout(agenda)
        agenda_keys = QLabel(self.tr("Ctrl+PgDown: next item. Ctrl+PgUp: back one."))
        agenda_keys.setWordWrap(True)
        agenda_layout.addWidget(agenda_keys)
        self.next_list = QListWidget()
        self.next_list.setAccessibleName(self.tr("Next agenda items"))
        self.next_list.setAccessibleDescription(self.tr("Enter goes to the chosen item"))
        _wrap_lines(self.next_list)
        agenda_layout.addWidget(self.next_list)

        # --- in the room -------------------------------------------------------------------
        room = QGroupBox(self.tr("In the room"))
        room_layout = QVBoxLayout(room)
        self.room_list = QListWidget()
        self.room_list.setAccessibleName(self.tr("Present, and whether quoted by name"))
        self.room_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reads who is here
        _wrap_lines(self.room_list)
        room_layout.addWidget(self.room_list, 1)
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

        # --- action ------------------------------------------------------------------------
        action_box = QGroupBox(self.tr("Action"))
        action_form = QFormLayout(action_box)
        action_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
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
        self.action_due.tick.setAccessibleName(self.tr("Due on"))
        # The holder takes focus only to pass it to its tick box; in the Tab ring it would
        # send Tab from the last control back to the tick box, a loop that never returns.
        # (Qt passes a holder's policy on to its focus proxy: the tick box gets its own back.)
        self.action_due.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.action_due.tick.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        due_label = QLabel(self.tr("Due:"))
        due_label.setBuddy(self.action_due.tick)
        action_form.addRow(due_label, self.action_due)
        self.add_action_button = QPushButton(self.tr("Add action"))
        self.add_action_button.setAccessibleName(self.tr("Add action"))
        self.add_action_button.setAutoDefault(False)
        self.action_message = StatusLine(self.tr("Action message"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.action_message, 1)
        add_row.addWidget(self.add_action_button)
        action_form.addRow(add_row)

        right_column = QWidget()
        right = QVBoxLayout(right_column)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(agenda)
        right.addWidget(room, 1)
        right.addWidget(action_box)

        # Two columns the facilitator can resize: on a small laptop screen the room list and
        # the action box may need less room than what is being typed.
        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.columns.setChildrenCollapsible(False)
        self.columns.addWidget(left_column)
        self.columns.addWidget(right_column)
        self.columns.setStretchFactor(0, 3)
        self.columns.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.message)
        outer.addWidget(self.columns, 1)

        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._ticked_once)

        # --- keys ------------------------------------------------------------------------
        for kind, key in KIND_KEYS.items():
            self._add_key(
                self.tr("Kind: %s") % kind.label,
                key,
                lambda _checked=False, k=kind: self.choose_kind(k),
            )
        self._add_key(self.tr("Next agenda item"), "Ctrl+PgDown", self.next_item)
        self._add_key(self.tr("Previous agenda item"), "Ctrl+PgUp", self.previous_item)
        self._add_key(self.tr("Link to this item's documents"), "Alt+K", self.toggle_link)
        self._add_key(
            self.tr("Put what is being typed in the easy-read summary, or not"),
            "Alt+M",
            self.toggle_summary,
        )
        larger = self._add_key(self.tr("Larger text"), "Ctrl+=", lambda: self.step_text_size(1))
        larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self._add_key(self.tr("Smaller text"), "Ctrl+-", lambda: self.step_text_size(-1))
        in_summary = QAction(
            self.tr("Put the chosen one in the easy-read summary, or take it out"), self.recent
        )
        in_summary.setShortcut(QKeySequence(Qt.Key.Key_Space))
        in_summary.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        in_summary.triggered.connect(lambda _checked=False: self.toggle_recent_in_summary())
        self.recent.addAction(in_summary)
        # Opened as its own window, the view needs its own undo, redo and close keys (the
        # main window's reach only the main window). Inside the main window they stay off, so
        # they never clash with the window's own.
        self._window_keys = [
            self._add_key(self.tr("Undo"), "Ctrl+Z", self.undo),
            self._add_key(self.tr("Redo"), "Ctrl+Shift+Z", self.redo),
            self._add_key(self.tr("Close meeting mode"), "Ctrl+W", self.close),
        ]

        # --- signals ---------------------------------------------------------------------
        # Three ways to the draft's autosave: a pause in the typing, the longest wait since
        # the first unsaved key, and a retry after a busy database.
        self._draft_timer = self._single_shot(DRAFT_DELAY_MS)
        self._draft_deadline = self._single_shot(DRAFT_MAX_WAIT_MS)
        self._draft_retry = self._single_shot(DRAFT_RETRY_MS)
        self._draft_waiting = False
        """An autosave met a busy database and the status line says so."""
        self.text_box.textEdited.connect(self._draft_edited)
        self.speaker_box.textEdited.connect(self._draft_edited)
        self.speaker_box.textChanged.connect(self._show_speaker)
        self.kind_box.currentIndexChanged.connect(self._marks_changed)
        self.summary_box.toggled.connect(self._marks_changed)
        self.speaker_box.returnPressed.connect(self._speaker_entered)
        self.text_box.returnPressed.connect(self.save_contribution)
        self.action_text.returnPressed.connect(self.add_action)
        self.action_owner.line.returnPressed.connect(self.add_action)
        self.add_action_button.clicked.connect(self.add_action)
        self.late_box.returnPressed.connect(self._arrived_late)
        self.left_box.returnPressed.connect(self._left_early)
        self.next_list.itemActivated.connect(self._go_to_listed_item)
        self.size_box.activated.connect(
            lambda index: self.set_text_size(self.size_box.itemData(index))
        )

        self._set_tab_order()
        context.changes.changed.connect(self._records_changed)
        for line in self.findChildren(QLineEdit):
            line.installEventFilter(self)

        self._apply_text_size(text_size())
        self._load_people()
        resumed = self._resume_position()
        self._show_item()
        self._load_recent()
        restored = self._restore_draft()
        said = " ".join(part for part in (resumed, restored) if part)
        if said:
            self.message.setText(said)
            self.message.setAccessibleDescription(said)
        # The keyboard starts here when the window opens. Not a focus proxy: on the window
        # itself that would make Tab, after the last control, skip back to it for ever.
        self.speaker_box.setFocus()

    def _set_tab_order(self) -> None:
        """Tab goes round every control, in the order they are laid out, and from the last
        back to Speaker: no loop that never returns."""
        chain: list[QWidget] = [
            self.speaker_box,
            self.kind_box,
            self.text_box,
            self.summary_box,
            self.link_box,
            self.themes,
            self.statements,
            self.recent,
            self.next_list,
            self.room_list,
            self.late_box,
            self.left_box,
            self.action_text,
            self.action_owner.line,
            self.action_due.tick,
            self.action_due.date_edit,
            self.add_action_button,
            self.size_box,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _records_changed(self, record_type: str) -> None:
        # Undo, another page or another view changed what this view shows.
        if record_type == "contribution":
            self._load_recent()
        elif record_type in ("attendance", "person", "consent"):
            self._load_people()

    # --- asking before a session that has not started ---------------------------------------

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt's name)
        """The first time the view is shown for a session that has not started yet, the
        facilitator is asked first; Go back (the default) closes it unshown."""
        if visible and not self._asked:
            self._asked = True
            if not self._may_run():
                self.declined = True
                self.close()
                return
        if visible and self.declined:
            return
        super().setVisible(visible)

    def _may_run(self) -> bool:
        meetings = self._services.meetings
        try:
            meeting = meetings.get(self._meeting_id)
        except CoproduceError:
            return True  # the view says what is wrong as it loads
        if meeting.starts_at <= meetings.now():
            return True
        return prompts.ask_to_go_on(
            self.parentWidget(),
            self.tr("Run a session that has not started?"),
            self.tr(
                "“%s” is on %s: it has not started yet.\n\nWhat you capture now is saved as "
                "said at this session. If its date is wrong, go back and correct it first."
            )
            % (meeting.title, session_time(meeting.starts_at)),
            go_on=self.tr("Run it now"),
            go_back=self.tr("Go back"),
        )

    # --- agenda --------------------------------------------------------------------------

    def current_item(self) -> AgendaItem | None:
        return self._items[self._index] if self._items else None

    def next_item(self) -> None:
        if self._index + 1 < len(self._items):
            self._go_to(self._index + 1)
        else:
            self.message.say(self.tr("This is the last item on the agenda."))

    def previous_item(self) -> None:
        if self._index > 0:
            self._go_to(self._index - 1)
        else:
            self.message.say(self.tr("This is the first item on the agenda."))

    def seconds_on_item(self) -> int:
        """How long the current item has run, over every time it was shown."""
        item = self.current_item()
        if item is None or item.id is None:
            return 0
        running = self._clock.elapsed() // 1000 if self._clock.isValid() else 0
        return self._spent.get(item.id, 0) + running

    def _go_to(self, index: int) -> None:
        self._fold_time()
        self._index = index
        self._show_item()
        self.save_position()
        item = self.current_item()
        if item is not None:
            self.message.say(self.item_label.text())

    def _go_to_listed_item(self, entry: QListWidgetItem) -> None:
        index = entry.data(Qt.ItemDataRole.UserRole)
        if isinstance(index, int):
            self._go_to(index)
            self.speaker_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fold_time(self) -> None:
        """Count the current stint into the item's time (before moving or keeping it)."""
        item = self.current_item()
        if item is not None and item.id is not None and self._clock.isValid():
            self._spent[item.id] = self.seconds_on_item()
            self._clock.restart()

    def _show_item(self) -> None:
        item = self.current_item()
        self.next_list.clear()
        if item is None:
            self.item_label.setText(
                self.tr("No agenda: what is said is recorded against the session.")
            )
            self.next_list.addItem(self.tr("(no agenda)"))
            self.link_documents.setText(self.tr("(no agenda, so no documents)"))
            self.link_box.setEnabled(False)
            self.timer_label.clear()
            return
        self.item_label.setText(
            self.tr("Now: %d of %d. %s") % (self._index + 1, len(self._items), item.title)
        )
        for number, later in enumerate(self._items[self._index + 1 :], self._index + 2):
            entry = QListWidgetItem(f"{number}. {later.title}")
            entry.setData(Qt.ItemDataRole.UserRole, number - 1)
            self.next_list.addItem(entry)
        if self._index + 1 >= len(self._items):
            self.next_list.addItem(self.tr("(this is the last item)"))
        _set_current(self.next_list, 0)
        titles = [d.title for d in self._services.documents.get_many(list(item.document_ids))]
        self.link_box.setEnabled(bool(titles))
        self.link_documents.setText(
            ", ".join(titles) if titles else self.tr("(this item has no documents)")
        )
        self._clock.start()
        self._tick.start()
        self._show_time()

    def _ticked_once(self) -> None:
        self._show_time()
        self._ticks += 1
        if self._ticks % POSITION_EVERY_S == 0:
            self.save_position()

    def _show_time(self) -> None:
        item = self.current_item()
        if item is None or not self._clock.isValid():
            return
        seconds = self.seconds_on_item()
        text = self.tr("%d:%02d on this item") % (seconds // 60, seconds % 60)
        if item.duration_minutes:
            text += self.tr(" of %d min planned") % item.duration_minutes
            if seconds > item.duration_minutes * 60:
                text += self.tr(" (over time)")
        self.timer_label.setText(text)

    # --- where the view was --------------------------------------------------------------

    def save_position(self, *, patient: bool = False) -> None:
        """Keep the item shown and each item's time, so the view carries on from here.
        Not ``patient`` (while the meeting runs), a busy database is left for the next try."""
        if self.declined:
            return
        item = self.current_item()
        spent = dict(self._spent)
        if item is not None and item.id is not None:
            spent[item.id] = self.seconds_on_item()
        position = CapturePosition(
            item.id if item is not None else None, tuple(sorted(spent.items()))
        )
        try:
            self._services.capture.save_position(
                self._meeting_id,
                position,
                busy_wait_ms=None if patient else DRAFT_BUSY_WAIT_MS,
            )
        except CoproduceError as error:  # the place is a convenience: never stop the meeting
            log.warning("Could not keep where meeting mode was: %s", describe_error(error))

    def _resume_position(self) -> str:
        """Go back to where the view was left for this session; what to say about it."""
        try:
            position = self._services.capture.load_position(self._meeting_id)
        except CoproduceError as error:
            log.warning("Could not read where meeting mode was: %s", describe_error(error))
            return ""
        if position is None:
            return ""
        self._spent = dict(position.seconds)
        ids = [item.id for item in self._items]
        if position.agenda_item_id in ids:
            self._index = ids.index(position.agenda_item_id)
        item = self.current_item()
        if item is None or item.id is None:
            return ""
        seconds = self._spent.get(item.id, 0)
        if self._index == 0 and seconds == 0:
            return ""  # nothing to carry on from
        return self.tr("Carried on where you left off: item %d of %d, %d:%02d on it.") % (
            self._index + 1,
            len(self._items),
            seconds // 60,
            seconds % 60,
        )

    # --- text size -----------------------------------------------------------------------

    def set_text_size(self, percent: int) -> None:
        """Make the text this size (percent of the program's), and keep it for next time."""
        if percent not in SIZES:
            return
        set_text_size(percent)
        self._apply_text_size(percent)
        self.message.say(self.tr("Text size %d%%.") % percent)

    def step_text_size(self, step: int) -> None:
        index = SIZES.index(self.text_percent) + step
        if 0 <= index < len(SIZES):
            self.set_text_size(SIZES[index])
        else:
            self.message.say(
                self.tr("The text is as large as it goes.")
                if step > 0
                else self.tr("The text is as small as it goes.")
            )

    @property
    def text_percent(self) -> int:
        return int(self.size_box.currentData())

    def _apply_text_size(self, percent: int) -> None:
        base = QApplication.font()
        font = QFont(base)
        if base.pointSizeF() > 0:
            font.setPointSizeF(base.pointSizeF() * percent / 100)
        else:
            font.setPixelSize(max(1, round(base.pixelSize() * percent / 100)))
        self.setFont(font)
        self._completer.popup().setFont(font)
        heading = QFont(font)
        heading.setBold(True)
        if font.pointSizeF() > 0:
            heading.setPointSizeF(font.pointSizeF() * 1.2)
        self.item_label.setFont(heading)
        said = QFont(font)
        said.setBold(True)  # what just happened stands out from the labels around it
        self.message.setFont(said)
        self.size_box.setCurrentIndex(self.size_box.findData(percent))
        for tags in (self.themes, self.statements):
            _fit_rows(tags, 4)
        _fit_rows(self.next_list, 3)

    # --- speakers ------------------------------------------------------------------------

    def _load_people(self) -> None:
        speakers = self._services.capture.speakers(self._meeting_id)
        self._choices = [Choice(s.name, Attribution.PERSON, s) for s in speakers] + [
            Choice(self.tr(ANONYMOUS), Attribution.ANONYMOUS),
            Choice(WHOLE_GROUP, Attribution.WHOLE_GROUP),
        ]
        self._not_present = self._services.capture.not_present(self._meeting_id)
        self._speaker_names.setStringList([c.name for c in self._choices])
        row = self.room_list.currentRow()
        self.room_list.clear()
        for speaker in speakers:
            self.room_list.addItem(f"{speaker.name}: {self._consent_words(speaker)}")
        if not speakers:
            self.room_list.addItem(self.tr("Nobody is marked present yet."))
        _set_current(self.room_list, row)
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
            self.message.say(self._speaker_problem(), urgent=True)
            return
        self.speaker_box.setText(choice.name)
        self.message.say(self.tr("Speaker: %s.") % self.consent_label.text())
        self.text_box.setFocus()

    # --- marks on what is being typed ------------------------------------------------------

    def kind(self) -> ContributionKind:
        return list(KIND_KEYS)[self.kind_box.currentIndex()]

    def set_kind(self, kind: ContributionKind) -> None:
        self.kind_box.setCurrentIndex(list(KIND_KEYS).index(kind))

    def choose_kind(self, kind: ContributionKind) -> None:
        """A kind key: the kind of what is being typed."""
        self.set_kind(kind)
        self.message.say(self.tr("Kind: %s.") % kind.label)

    def toggle_summary(self) -> None:
        """Alt+M: what is being typed goes into the session's easy-read summary when saved,
        or not."""
        self.summary_box.toggle()
        if self.summary_box.isChecked():
            self.message.say(
                self.tr("This one goes in the easy-read summary when saved. Alt+M again: not.")
            )
        else:
            self.message.say(self.tr("This one will not go in the easy-read summary."))

    def toggle_link(self) -> None:
        """Alt+K: what is being typed is linked to the item's documents when saved, or not."""
        if not self.link_box.isEnabled():
            self.message.say(self.tr("This item has no documents to link to."))
            return
        self.link_box.toggle()
        if self.link_box.isChecked():
            self.message.say(self.tr("Linked to this item's documents when saved."))
        else:
            self.message.say(self.tr("Not linked to this item's documents."))

    def _marks_changed(self) -> None:
        if self.text_box.text() or self.speaker_box.text():
            self._draft_edited()

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
        _set_current(tags, 0)
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
            self.message.say(self.tr("Type what was said first."), urgent=True)
            return None
        choice = self.chosen_speaker()
        if choice is None:
            self.message.say(self._speaker_problem(), urgent=True)
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
            in_summary=self.summary_box.isChecked(),
        )
        self._stop_draft_timers()
        try:
            saved = self._services.capture.capture(contribution, link_documents=link)
        except CoproduceError as error:
            self.message.say(str(error), urgent=True)
            self._draft_edited()  # the words stay in the box: keep them as a draft
            return None
        self._draft_waiting = False  # the capture discarded the draft in its transaction
        self._push_undo(saved, link)
        # setText, not clear(): clear() is itself undoable in a line edit, so Ctrl+Z would
        # bring the words back into the box instead of taking back the capture.
        self.text_box.setText("")
        self.speaker_box.setText("")
        self.set_kind(ContributionKind.IDEA)
        self.summary_box.setChecked(False)
        self._untick(self.themes)
        self._untick(self.statements)
        said = self.tr("Saved: %s") % _short(saved.text)
        if saved.in_summary:
            said += " " + self.tr("(in the easy-read summary)")
        self.message.say(said)
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

    def toggle_recent_in_summary(self) -> Contribution | None:
        """Space in the recent list: the chosen contribution goes into the session's
        easy-read summary, or out of it; undone with Ctrl+Z."""
        row = self.recent.currentRow()
        if not 0 <= row < len(self._recent_entries):
            self.message.say(self.tr("Choose one in the list first."), urgent=True)
            return None
        chosen = self._recent_entries[row].contribution
        services = self._services
        try:
            last = services.contributions.get(chosen.id or 0)
            wanted = not last.in_summary
            saved = services.contributions.update(replace(last, in_summary=wanted))
        except CoproduceError as error:
            self.message.say(str(error), urgent=True)
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
            said = self.tr("In the easy-read summary: %s (Space again takes it out)")
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
        self.message.say(said % _short(saved.text))
        self._context.changes.changed.emit("contribution")  # the recent list shows it
        _set_current(self.recent, row)
        return saved

    def _load_recent(self) -> None:
        row = self.recent.currentRow()
        self.recent.clear()
        self._recent_entries = self._services.capture.recent(self._meeting_id)
        for entry in self._recent_entries:
            said = entry.contribution
            line = f"{said.kind.label}. {entry.shown_as}: {said.text}"
            if said.in_summary:
                line += " " + self.tr("(in the easy-read summary)")
            self.recent.addItem(line)
        _set_current(self.recent, row)

    # --- undo ----------------------------------------------------------------------------

    def undo(self) -> None:
        stack = self._context.undo_stack
        if not stack.canUndo():
            self.message.say(self.tr("Nothing to undo."))
            return
        text = stack.undoText()
        stack.undo()
        self.message.say(self.tr("Undone: %s.") % text)

    def redo(self) -> None:
        stack = self._context.undo_stack
        if not stack.canRedo():
            self.message.say(self.tr("Nothing to redo."))
            return
        text = stack.redoText()
        stack.redo()
        self.message.say(self.tr("Done again: %s.") % text)

    # --- drafts --------------------------------------------------------------------------

    def _single_shot(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.save_draft)
        return timer

    def _draft_edited(self) -> None:
        """Something in the box changed: save after a pause, and at the latest
        ``DRAFT_MAX_WAIT_MS`` after the first change not yet saved."""
        self._draft_timer.start()
        if not self._draft_deadline.isActive():
            self._draft_deadline.start()

    def _stop_draft_timers(self) -> None:
        for timer in (self._draft_timer, self._draft_deadline, self._draft_retry):
            timer.stop()

    @property
    def draft_unsaved(self) -> bool:
        """The box holds changes not yet kept in the database."""
        return any(
            timer.isActive()
            for timer in (self._draft_timer, self._draft_deadline, self._draft_retry)
        )

    def save_draft(self, *, patient: bool = False) -> bool:
        """Keep what is in the box as the session's draft; True when it was kept.

        An autosave (not ``patient``) that meets a busy database keeps the words in the box,
        says so once in the status line and tries again after ``DRAFT_RETRY_MS``; a patient
        save (the view closing) waits the database's full busy timeout."""
        self._stop_draft_timers()
        draft = CaptureDraft(
            self.text_box.text(),
            self.speaker_box.text(),
            self.kind(),
            self.summary_box.isChecked(),
        )
        try:
            self._services.capture.save_draft(
                self._meeting_id,
                draft,
                busy_wait_ms=None if patient else DRAFT_BUSY_WAIT_MS,
            )
        except DatabaseError as error:
            # Only the kind of error: its message never holds what was typed, but keep the
            # log free of anything but the fact.
            log.warning("The draft could not be kept yet (%s); trying again", type(error).__name__)
            if not self._draft_waiting:
                self._draft_waiting = True
                if isinstance(error, DatabaseBusyError):
                    said = self.tr(
                        "The database is busy with another program. What you are typing stays "
                        "here and is kept as soon as the database is free."
                    )
                else:
                    said = self.tr(
                        "What you are typing could not be kept in the database yet; it stays "
                        "here and Coproduce keeps trying. %s"
                    ) % str(error)
                self.message.say(said)
            self._draft_retry.start()
            return False
        except CoproduceError as error:  # the session itself is gone: nothing to retry
            self.message.say(str(error), urgent=True)
            return False
        if self._draft_waiting:
            self._draft_waiting = False
            self.message.say(self.tr("The database is free again: what you are typing is kept."))
        return True

    def _restore_draft(self) -> str:
        """Put back what was being typed; what to say about it ('' when nothing was)."""
        draft = self._services.capture.load_draft(self._meeting_id)
        if draft is None:
            return ""
        self.speaker_box.setText(draft.speaker)
        self.set_kind(draft.kind)
        self.summary_box.setChecked(draft.in_summary)
        self.text_box.setText(draft.text)
        return self.tr("Restored what was being typed last time.")

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
        if self.draft_unsaved:
            self.save_draft(patient=True)
        self._tick.stop()
        self.save_position(patient=True)
        super().closeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        if self.draft_unsaved:
            self.save_draft(patient=True)
        self.save_position(patient=True)
        super().hideEvent(event)

    # --- action --------------------------------------------------------------------------

    def add_action(self) -> None:
        text = self.action_text.text().strip()
        if not text:
            self.action_message.say(self.tr("Type what is to be done first."), urgent=True)
            self.action_text.setFocus()
            return
        self.action_owner.resolve()
        problem = self.action_owner.problem()
        if problem:
            self.action_message.say(problem, urgent=True)
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
            self.action_message.say(str(error), urgent=True)
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
        self.action_text.setText("")  # not clear(): Ctrl+Z must take back the action
        self.action_owner.set_person(None)
        self.action_due.set_date(None)
        said = self.tr("Action added: %s") % _short(action.text)
        self.action_message.setText(said)  # beside the action, and said once, up top
        self.message.say(said)
        self._context.changes.changed.emit("action")
        self.action_text.setFocus()

    # --- register ------------------------------------------------------------------------

    def _arrived_late(self) -> None:
        choices = [Choice(name, Attribution.PERSON) for _, name in self._not_present]
        found = match(self.late_box.text(), choices)
        if len(found) != 1:
            self.message.say(
                self._register_problem(self.late_box.text(), found, False), urgent=True
            )
            return
        person_id = next(pid for pid, name in self._not_present if name == found[0].name)
        if self._mark(
            lambda: self._services.capture.mark_arrived_late(self._meeting_id, person_id)
        ):
            self.late_box.setText("")
            self.message.say(
                self.tr("%s arrived late: marked present, and can be chosen as speaker.")
                % found[0].name
            )

    def _left_early(self) -> None:
        people = [c for c in self._choices if c.speaker is not None]
        found = match(self.left_box.text(), people)
        if len(found) != 1:
            self.message.say(self._register_problem(self.left_box.text(), found, True), urgent=True)
            return
        speaker = found[0].speaker
        assert speaker is not None
        if self._mark(
            lambda: self._services.capture.mark_left_early(self._meeting_id, speaker.person_id)
        ):
            self.left_box.setText("")
            self.message.say(self.tr("%s left early.") % speaker.name)

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

    def _mark(self, call) -> bool:  # type: ignore[no-untyped-def]
        try:
            call()
        except CoproduceError as error:
            self.message.say(str(error), urgent=True)
            return False
        self._context.changes.changed.emit("attendance")  # reloads the speakers here too
        return True

    # --- keys ----------------------------------------------------------------------------

    def _add_key(self, text: str, key: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action


def _set_current(entries: QListWidget, row: int) -> None:
    """Where the arrow keys start in a list, without marking it chosen (a list not in use
    shows no highlighted row)."""
    if entries.count():
        entries.setCurrentRow(
            max(0, min(row, entries.count() - 1)), QItemSelectionModel.SelectionFlag.NoUpdate
        )


def _fit_rows(entries: QListWidget, rows: int) -> None:
    """As tall as ``rows`` rows of the list's current text, at most."""
    row = entries.sizeHintForRow(0) if entries.count() else entries.fontMetrics().lineSpacing()
    entries.setMaximumHeight(
        max(row, entries.fontMetrics().lineSpacing()) * rows + 2 * entries.frameWidth()
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _wrap_lines(entries: QListWidget) -> None:
    """Long entries wrap onto more lines instead of hiding behind a sideways scroll bar."""
    entries.setWordWrap(True)
    entries.setTextElideMode(Qt.TextElideMode.ElideNone)
    entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    entries.setResizeMode(QListWidget.ResizeMode.Adjust)
    entries.setSpacing(2)  # a little air between entries that wrap
