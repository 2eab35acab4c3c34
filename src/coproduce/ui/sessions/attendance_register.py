"""The "Attendance" tab of a session: the register, marked quickly by keyboard.

The register lists the group's members on the session's date and the guests already on it
(``MeetingService.expected_attendees``), each with their mark, and each person's needs flag so
the facilitator can ask whether their needs were met. With a row selected, one key marks it:
P present, A apologies (the reason field then takes the focus; Enter saves the reason and
comes back to the list), X absent, L late and E left early (each on or off; either marks the
person present), N access needs met (yes, no, not asked), Delete clears the mark. Up and Down
move between people. The keys are QActions on the table, so Help > Keyboard shortcuts lists
them, and a legend under the table says them in words.

Every mark goes through the services first and is then pushed onto the window's undo stack:
undo puts the person's previous mark back (or clears it if there was none), based on the mark
it saved, so a colleague's later change is never overwritten. A reason typed right after
pressing A is one undo step with the apology. What the services refuse (someone who has
contributions at the session must stay present) is shown under the register.

The rows are a small Qt table model over the whole register (a group has tens of members,
so one query serves it), not a widget per row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QPainter,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
    QUndoCommand,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import ConflictError, CoproduceError, ValidationError
from coproduce.domain.records import AccessNeeds, Attendance, Person, replace
from coproduce.domain.vocabulary import AttendanceStatus
from coproduce.services import Services
from coproduce.services.people import PersonFilter
from coproduce.ui.commands import DataChanges, ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.widgets.columns import ReadableColumn, fit_to_content
from coproduce.ui.widgets.form import FieldErrors, error_label
from coproduce.ui.widgets.needs_flag import NeedsFlag, needs_summary
from coproduce.ui.widgets.text import muted

Index = QModelIndex | QPersistentModelIndex

RECORD_TYPE = "attendance"
RELOAD_ON = frozenset({"attendance", "person", "meeting", "group", "membership"})
"""Changes announced elsewhere that can change the register (a member added, needs edited)."""

LINE_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 2
GUEST_SEARCH_LIMIT = 20
MARK_COMMAND_ID = 0x41545444  # "ATTD": marks of the register may merge (apology + reason)


@dataclass(frozen=True, slots=True)
class RegisterLine:
    """One person on the register and their mark (None: not marked yet)."""

    person: Person
    mark: Attendance | None

    @property
    def person_id(self) -> int:
        return self.person.id or 0

    @property
    def status(self) -> AttendanceStatus | None:
        """The status marked; None for 'not marked' (no mark, or still 'Expected')."""
        if self.mark is None or self.mark.status is AttendanceStatus.EXPECTED:
            return None
        return self.mark.status

    def base(self, meeting_id: int) -> Attendance:
        """The mark to change: the one there is, or an empty one."""
        return self.mark or Attendance(meeting_id=meeting_id, person_id=self.person_id)


def status_words(line: RegisterLine) -> str:
    return line.status.label if line.status is not None else "Not marked"


def needs_met_words(mark: Attendance | None) -> str:
    met = None if mark is None else mark.access_needs_met
    return "Not asked" if met is None else ("Yes" if met else "No")


@dataclass(frozen=True, slots=True)
class _Column:
    title: str
    text: Callable[[RegisterLine], str]
    spoken: Callable[[RegisterLine], str]
    """What a screen reader says for the cell (never an empty cell)."""
    width: int
    """Starting width in characters."""


# The needs flag and whether the needs were met sit beside the name, where the facilitator
# looks while marking; the reason for apologies follows the attendance it explains and takes
# the spare width, so it is on screen as it is typed even at 1366 px; late, left early and
# guest come last (the line above the list counts them too).
COLUMNS: tuple[_Column, ...] = (
    _Column("Name", lambda ln: ln.person.display_name, lambda ln: ln.person.display_name, 22),
    _Column("Needs", lambda ln: "", lambda ln: "", 7),
    _Column(
        "Needs met",
        lambda ln: needs_met_words(ln.mark),
        lambda ln: "Access needs met: " + needs_met_words(ln.mark),
        9,
    ),
    _Column("Attendance", status_words, status_words, 10),
    _Column(
        "Reason for apologies",
        lambda ln: ln.mark.apology_reason if ln.mark else "",
        lambda ln: (ln.mark.apology_reason if ln.mark else "") or "No reason given",
        20,
    ),
    _Column(
        "Late",
        lambda ln: "Late" if ln.mark and ln.mark.arrived_late else "",
        lambda ln: "Late" if ln.mark and ln.mark.arrived_late else "Not late",
        4,
    ),
    _Column(
        "Left early",
        lambda ln: "Left early" if ln.mark and ln.mark.left_early else "",
        lambda ln: "Left early" if ln.mark and ln.mark.left_early else "Did not leave early",
        9,
    ),
    _Column(
        "Guest",
        lambda ln: "Guest" if ln.mark and ln.mark.is_guest else "",
        lambda ln: "Guest" if ln.mark and ln.mark.is_guest else "Member",
        5,
    ),
)
NAME_COLUMN = 0
NEEDS_COLUMN = 1
REASON_COLUMN = 4


class RegisterModel(QAbstractTableModel):
    """The register's rows: every person expected, with their mark, in name order."""

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[RegisterLine] = []
        self._today = today

    def set_lines(self, lines: list[RegisterLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> RegisterLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, person_id: int | None) -> int:
        """The row showing ``person_id``, or -1."""
        for row, line in enumerate(self._lines):
            if line.person_id == person_id:
                return row
        return -1

    @property
    def lines(self) -> tuple[RegisterLine, ...]:
        return tuple(self._lines)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.line(index.row())
        if line is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = COLUMNS[index.column()]
        needs = needs_summary(line.person.needs, self._today())
        if role == Qt.ItemDataRole.DisplayRole:
            # The Needs cell's words are drawn as the yellow flag by the delegate.
            return needs if index.column() == NEEDS_COLUMN else column.text(line)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if index.column() == NEEDS_COLUMN:
                return f"Needs: {needs}" if needs else "No needs recorded"
            return column.spoken(line)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == NEEDS_COLUMN:
                return needs or "No needs recorded"
            return column.text(line) or None
        if role == LINE_ROLE:
            return line
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return COLUMNS[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole:  # as every other list in the window
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class NeedsFlagDelegate(QStyledItemDelegate):
    """Draws the person's ``NeedsFlag`` in the Needs column (the words stay in the model for
    tooltips and screen readers)."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        # A flag drawn into cells, never placed: its hidden holder keeps it off the screen.
        # It always reads "Needs", so one picture of it serves every row.
        self._holder = QWidget(view)
        self._holder.hide()
        self._flag = NeedsFlag(self._holder)
        self._picture: QPixmap | None = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.column() != NEEDS_COLUMN:
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""  # type: ignore[attr-defined]
        widget = cell.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
        line = index.data(LINE_ROLE)
        if not isinstance(line, RegisterLine) or line.person.needs.is_empty:
            return
        picture = self._flag_picture()
        rect = option.rect  # type: ignore[attr-defined]
        height = round(picture.height() / picture.devicePixelRatio())
        top = rect.y() + max(0, (rect.height() - height) // 2)
        painter.drawPixmap(rect.x() + 6, top, picture)

    def _flag_picture(self) -> QPixmap:
        if self._picture is None:
            # Drawn through a picture: QWidget.render() onto the view's painter lands at the
            # wrong place (the painter is already moved to the viewport).
            self._flag.show_needs(AccessNeeds(contact_notes="any"))
            self._flag.adjustSize()
            self._picture = self._flag.grab()
        return self._picture


class MarkChange:
    """One person's mark before and after a change, and the service calls that put either
    back. Each call presents the mark it expects to find (what the other side of the change
    left), so a colleague's mark made since is refused rather than overwritten."""

    def __init__(
        self,
        services: Services,
        meeting_id: int,
        person_id: int,
        before: Attendance | None,
        after: Attendance | None,
    ) -> None:
        self.services = services
        self.meeting_id = meeting_id
        self.person_id = person_id
        self.before = before
        self.after = after

    def undo(self) -> None:
        self.services.meetings.set_attendance(
            self.meeting_id, self.person_id, self.before, last_seen=self.after
        )

    def redo(self) -> None:
        self.services.meetings.set_attendance(
            self.meeting_id, self.person_id, self.after, last_seen=self.before
        )


class MarkCommand(ServiceCommand):
    """Undo and redo of one mark. A reason typed straight after an apology (or a second go
    at the reason) merges into the step before it, so one Ctrl+Z takes the apology back."""

    def __init__(
        self,
        text: str,
        change: MarkChange,
        kind: str,
        changes: DataChanges,
        parent_widget: QWidget | None,
    ) -> None:
        super().__init__(
            text,
            undo_call=change.undo,
            redo_call=change.redo,
            changes=changes,
            record_type=RECORD_TYPE,
            parent_widget=parent_widget,
        )
        self.change = change
        self.kind = kind

    def id(self) -> int:
        return MARK_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, MarkCommand) or other.kind != "reason":
            return False
        if self.kind not in ("apologies", "reason"):
            return False
        mine, theirs = self.change, other.change
        if (mine.meeting_id, mine.person_id) != (theirs.meeting_id, theirs.person_id):
            return False
        if _what_it_says(mine.after) != _what_it_says(theirs.before):  # something in between
            return False
        mine.after = theirs.after
        return True


def _what_it_says(mark: Attendance | None) -> Attendance | None:
    return None if mark is None else replace(mark, id=None, version=0)


class AttendanceRegister(QWidget):
    """The register of one session (``show_meeting``), marked by keyboard.

    Signals:
        changed(): attendance was saved (a mark here, its undo or redo, or a change
            announced elsewhere while a session is shown); counts elsewhere may be stale.
    """

    changed = Signal()

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self._meeting_id: int | None = None
        self._reason_person_id: int | None = None
        self._reloading = False
        self.setAccessibleName(self.tr("Attendance register"))
        today = self._services.meetings.today

        self.counts_label = QLabel()
        self.counts_label.setAccessibleName(self.tr("Attendance so far"))

        self.model = RegisterModel(today, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Register: the people expected and their marks"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as a keyboard user expects
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        character = self.fontMetrics().horizontalAdvance("n")
        for number, column in enumerate(COLUMNS):
            header.resizeSection(number, column.width * character + 24)
        # Each column as wide as its heading and words; the reason takes what is left (at
        # least 16 characters, its words up to 40 when there is room).
        self.reason_column = ReadableColumn(self.table, REASON_COLUMN, 16, up_to_characters=40)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)  # once the rows are laid out
        self._fit_timer.timeout.connect(self._fit_columns)
        self.model.modelReset.connect(self._fit_timer.start)
        self.table.setItemDelegate(NeedsFlagDelegate(self.table))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.legend = muted(
            QLabel(
                self.tr(
                    "Keys: P present · A apologies (type the reason, then Enter) · X absent · "
                    "L late · E left early · N access needs met (yes, no, not asked) · "
                    "Delete clears the mark · Up and Down move"
                )
            )
        )
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Keys for marking the register"))

        self.person_label = QLabel()
        self.person_label.setAccessibleName(self.tr("Selected person"))
        self.needs_flag = NeedsFlag()
        self.needs_words = QLabel()
        self.needs_words.setWordWrap(True)
        self.needs_words.setTextFormat(Qt.TextFormat.PlainText)
        self.needs_words.setAccessibleName(self.tr("Their access needs"))
        person_row = QHBoxLayout()
        person_row.addWidget(self.person_label)
        person_row.addWidget(self.needs_flag)
        person_row.addWidget(self.needs_words, 1)

        self.errors = FieldErrors(error_label())
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why they sent apologies (optional)"))
        self.reason_edit.setAccessibleName(self.tr("Reason for apologies"))
        self.reason_edit.returnPressed.connect(self._reason_entered)
        self.reason_edit.editingFinished.connect(self._save_reason)
        escape = QAction(self.tr("Register: forget the reason typed"), self.reason_edit)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(self._reason_escaped)
        self.reason_edit.addAction(escape)

        self.guest_edit = QLineEdit()
        self.guest_edit.setPlaceholderText(self.tr("Type a few letters of their name"))
        self.guest_edit.setAccessibleName(self.tr("Add a guest: their name"))
        self.guest_edit.textEdited.connect(self._guest_typed)
        self.guest_edit.returnPressed.connect(self._add_typed_guest)
        self.guest_matches = QStandardItemModel(self)
        self.guest_completer = QCompleter(self.guest_matches, self)
        self.guest_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.guest_completer.setWidget(self.guest_edit)
        self.guest_completer.activated[QModelIndex].connect(self._guest_chosen)
        self.add_guest_button = QPushButton(self.tr("Add as guest"))
        self.add_guest_button.setAccessibleName(self.tr("Add the person typed as a guest"))
        self.add_guest_button.clicked.connect(self._add_typed_guest)
        guest_row = QHBoxLayout()
        guest_row.setContentsMargins(0, 0, 0, 0)
        guest_row.addWidget(self.guest_edit, 1)
        guest_row.addWidget(self.add_guest_button)
        guest_holder = QWidget()
        guest_holder.setLayout(guest_row)

        form = QFormLayout()
        # Alt+Y and Alt+D: the menus and the session editor beside these tabs use G, R, S...
        self.errors.add_row(form, self.tr("Apolog&y reason:"), "apology_reason", self.reason_edit)
        form.addRow(self.tr("Add a g&uest:"), guest_holder)
        guest_caption = form.labelForField(guest_holder)
        if isinstance(guest_caption, QLabel):
            guest_caption.setBuddy(self.guest_edit)

        self.placeholder = muted(QLabel(self.tr("Choose a session to take its register.")))
        self.placeholder.setAccessibleName(self.tr("No session chosen"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addLayout(person_row)
        layout.addWidget(self.errors.general)
        layout.addLayout(form)
        self.setFocusProxy(self.table)

        self._add_key(self.tr("Register: mark present"), "P", self.mark_present)
        self._add_key(self.tr("Register: mark apologies"), "A", self.mark_apologies)
        self._add_key(self.tr("Register: mark absent"), "X", self.mark_absent)
        self._add_key(self.tr("Register: late (on or off)"), "L", self.toggle_late)
        self._add_key(self.tr("Register: left early (on or off)"), "E", self.toggle_left_early)
        self._add_key(
            self.tr("Register: access needs met (yes, no, not asked)"), "N", self.cycle_needs_met
        )
        self._add_key(self.tr("Register: clear the mark"), "Delete", self.clear_mark)

        context.changes.changed.connect(self._record_changed)
        self.show_meeting(None)

    def _add_key(self, text: str, key: str, slot: Callable[[], None]) -> None:
        action = QAction(text, self.table)
        action.setShortcut(QKeySequence(key))
        # Only while the register has the focus: typing a P in the reason field is a letter.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)

    # --- what the Sessions page uses ----------------------------------------------------

    def _fit_columns(self) -> None:
        # The needs flag keeps its own width (its delegate measures the whole summary).
        fit_to_content(self.table, skip={NEEDS_COLUMN, REASON_COLUMN})
        self.reason_column.fit()

    def show_meeting(self, meeting_id: int | None) -> None:
        """Show the register of session ``meeting_id``; None: nothing (an empty register)."""
        self._save_reason()
        if meeting_id != self._meeting_id:
            self._reason_person_id = None
            self.errors.clear()
            self.guest_edit.clear()
        self._meeting_id = meeting_id
        shown = meeting_id is not None
        self.placeholder.setVisible(not shown)
        for widget in (self.counts_label, self.table, self.legend, self.guest_edit):
            widget.setEnabled(shown)
        self.add_guest_button.setEnabled(shown)
        self.reload()

    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    def reload(self) -> None:
        """Read the register again, keeping the selected person."""
        keep = self.current_line()
        keep_id = keep.person_id if keep else None
        lines: list[RegisterLine] = []
        counts = ""
        if self._meeting_id is not None:
            try:
                people = self._services.meetings.expected_attendees(self._meeting_id)
                marks = {
                    a.person_id: a for a in self._services.meetings.attendance(self._meeting_id)
                }
                summary = self._services.meetings.attendance_summary(self._meeting_id)
            except CoproduceError as exc:
                self._show_problem(str(exc))
            else:
                lines = [RegisterLine(p, marks.get(p.id or 0)) for p in people]
                counts = self.tr("Present: %d    Apologies: %d    Absent: %d    Not marked: %d") % (
                    summary.present,
                    summary.apologies,
                    summary.absent,
                    summary.not_marked,
                )
                extra = [
                    (summary.guests, self.tr("guest"), self.tr("guests")),
                    (summary.late, self.tr("late"), self.tr("late")),
                    (summary.left_early, self.tr("left early"), self.tr("left early")),
                ]
                counts += (
                    "    ("
                    + ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in extra)
                    + ")"
                )
        self.counts_label.setText(counts)
        self.counts_label.setAccessibleDescription(counts)
        self._reloading = True
        try:
            self.model.set_lines(lines)
            row = self.model.row_of(keep_id)
            if row < 0 and lines:
                row = 0
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, NAME_COLUMN))
        finally:
            self._reloading = False
        self._show_person(self.current_line())

    def current_line(self) -> RegisterLine | None:
        index = self.table.currentIndex()
        return self.model.line(index.row()) if index.isValid() else None

    def select_person(self, person_id: int) -> bool:
        row = self.model.row_of(person_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, NAME_COLUMN))
        return row >= 0

    # --- marking ------------------------------------------------------------------------

    def mark_present(self) -> None:
        def present(line: RegisterLine, base: Attendance) -> Attendance:
            was_present = base.status is AttendanceStatus.PRESENT
            return replace(
                base,
                status=AttendanceStatus.PRESENT,
                apology_reason="",
                arrived_late=base.arrived_late and was_present,
                left_early=base.left_early and was_present,
            )

        self._mark(present, self.tr("Present"), "present")

    def mark_apologies(self) -> None:
        line = self.current_line()
        if line is not None and line.status is not AttendanceStatus.APOLOGIES:

            def apologies(line: RegisterLine, base: Attendance) -> Attendance:
                return replace(
                    base,
                    status=AttendanceStatus.APOLOGIES,
                    apology_reason="",
                    arrived_late=False,
                    left_early=False,
                )

            if not self._mark(apologies, self.tr("Apologies"), "apologies"):
                return
        if self.reason_edit.isEnabled():
            self.reason_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.reason_edit.selectAll()

    def mark_absent(self) -> None:
        def absent(line: RegisterLine, base: Attendance) -> Attendance:
            return replace(
                base,
                status=AttendanceStatus.ABSENT,
                apology_reason="",
                arrived_late=False,
                left_early=False,
            )

        self._mark(absent, self.tr("Absent"), "absent")

    def toggle_late(self) -> None:
        def late(line: RegisterLine, base: Attendance) -> Attendance:
            if base.status is AttendanceStatus.PRESENT:
                return replace(base, arrived_late=not base.arrived_late)
            return replace(
                base, status=AttendanceStatus.PRESENT, apology_reason="", arrived_late=True
            )

        self._mark(late, self.tr("Late"), "late")

    def toggle_left_early(self) -> None:
        def left_early(line: RegisterLine, base: Attendance) -> Attendance:
            if base.status is AttendanceStatus.PRESENT:
                return replace(base, left_early=not base.left_early)
            return replace(
                base, status=AttendanceStatus.PRESENT, apology_reason="", left_early=True
            )

        self._mark(left_early, self.tr("Left early"), "left_early")

    def cycle_needs_met(self) -> None:
        following = {None: True, True: False, False: None}

        def needs_met(line: RegisterLine, base: Attendance) -> Attendance:
            return replace(base, access_needs_met=following[base.access_needs_met])

        self._mark(needs_met, self.tr("Access needs met"), "needs_met")

    def clear_mark(self) -> None:
        line = self.current_line()
        if line is None or line.mark is None:
            return
        self._mark(lambda line, base: None, self.tr("Mark cleared"), "clear")

    def _mark(
        self,
        change: Callable[[RegisterLine, Attendance], Attendance | None],
        what: str,
        kind: str,
    ) -> bool:
        """Save the current person's mark as ``change`` makes it, then push its undo."""
        line = self.current_line()
        if line is None or self._meeting_id is None:
            return False
        return self._save(line, change(line, line.base(self._meeting_id)), what, kind)

    def _save(self, line: RegisterLine, after: Attendance | None, what: str, kind: str) -> bool:
        assert self._meeting_id is not None
        before = line.mark
        try:
            saved = self._services.meetings.set_attendance(
                self._meeting_id, line.person_id, after, last_seen=before
            )
        except ConflictError as exc:
            self.reload()
            self._show_problem(str(exc))
            return False
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except CoproduceError as exc:
            self._show_problem(str(exc))
            return False
        self.errors.clear()
        change = MarkChange(self._services, self._meeting_id, line.person_id, before, saved)
        self._context.undo_stack.push(
            MarkCommand(
                f"{what}: {line.person.display_name}",
                change,
                kind,
                self._context.changes,
                self,
            )
        )
        self._context.changes.changed.emit(RECORD_TYPE)
        return True

    # --- the apology reason -------------------------------------------------------------

    # A reason typed but not yet saved (no Enter, the focus still in the box) counts as
    # unsaved work of the session: the Sessions page asks before it is lost.

    def has_unsaved_changes(self) -> bool:
        return self._reason_person_id is not None and self.reason_edit.isModified()

    def save_changes(self) -> bool:
        return self._save_reason()

    def discard_changes(self) -> None:
        line = self.current_line()
        self.reason_edit.setText(line.mark.apology_reason if line and line.mark else "")
        self.reason_edit.setModified(False)

    def unsaved_description(self) -> str:
        return self.tr("the apology reason typed")

    def _reason_entered(self) -> None:
        if self._save_reason():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reason_escaped(self) -> None:
        line = self.current_line()
        self.reason_edit.setText(line.mark.apology_reason if line and line.mark else "")
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_reason(self) -> bool:
        """Save the reason typed for the person it was typed for; False if refused."""
        if (
            self._meeting_id is None
            or self._reason_person_id is None
            or not self.reason_edit.isModified()  # only what the person typed is saved
        ):
            return True
        row = self.model.row_of(self._reason_person_id)
        line = self.model.line(row)
        if line is None or line.mark is None or line.status is not AttendanceStatus.APOLOGIES:
            return True
        reason = self.reason_edit.text().strip()
        if reason == line.mark.apology_reason:
            self.reason_edit.setModified(False)
            return True
        self.reason_edit.setModified(False)
        saved = self._save(
            line, replace(line.mark, apology_reason=reason), self.tr("Apology reason"), "reason"
        )
        if not saved:
            self.reason_edit.setModified(True)  # still theirs to correct
        return saved

    # --- guests -------------------------------------------------------------------------

    def _guest_typed(self, text: str) -> None:
        self.guest_matches.clear()
        if len(text.strip()) < 2:
            self.guest_completer.popup().hide()
            return
        for person in self._find_people(text):
            words = person.display_name
            if person.organisation:
                words += f" ({person.organisation})"
            item = QStandardItem(words)
            item.setData(person.id, PERSON_ID_ROLE)
            item.setEditable(False)
            self.guest_matches.appendRow(item)
        if self.guest_matches.rowCount():
            self.guest_completer.complete()
        else:
            self.guest_completer.popup().hide()

    def _find_people(self, text: str) -> list[Person]:
        try:
            return list(
                self._services.people.list(
                    PersonFilter(text=text.strip(), active=True), limit=GUEST_SEARCH_LIMIT
                ).items
            )
        except CoproduceError as exc:
            self._show_problem(str(exc))
            return []

    def _guest_chosen(self, index: QModelIndex) -> None:
        person_id = index.data(PERSON_ID_ROLE)
        if isinstance(person_id, int):
            self.add_guest(person_id)

    def _add_typed_guest(self) -> None:
        if self.guest_completer.popup().isVisible():
            return  # the list is open: Enter there chooses
        text = self.guest_edit.text().strip()
        if not text or self._meeting_id is None:
            return
        found = self._find_people(text)
        exact = [p for p in found if p.display_name.casefold() == text.casefold()]
        if len(found) == 1 or len(exact) == 1:
            self.add_guest((exact or found)[0].id or 0)
        elif not found:
            self._show_problem(
                self.tr(
                    "Nobody on the people register matches '%s'. Add them on the People page "
                    "first, then add them here as a guest."
                )
                % text
            )
        else:
            self._show_problem(
                self.tr("%d people match '%s': choose one from the list (Down arrow).")
                % (len(found), text)
            )
            self._guest_typed(text)

    def add_guest(self, person_id: int) -> bool:
        """Put someone on this session's register as a guest (not marked yet) and select
        them, ready to mark; someone already on it is just selected."""
        if self._meeting_id is None:
            return False
        self.guest_completer.popup().hide()
        if self.select_person(person_id):
            self.guest_edit.clear()
            self.errors.clear()
            self._show_problem(self.tr("%s is on the register already.") % self._name(person_id))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        try:
            person = self._services.people.get(person_id)
        except CoproduceError as exc:
            self._show_problem(str(exc))
            return False
        line = RegisterLine(person, None)
        guest = replace(line.base(self._meeting_id), is_guest=True)
        if not self._save(line, guest, self.tr("Guest added"), "guest"):
            return False
        self.guest_edit.clear()
        self.guest_matches.clear()
        self.select_person(person_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _name(self, person_id: int) -> str:
        line = self.model.line(self.model.row_of(person_id))
        return line.person.display_name if line else ""

    # --- showing ------------------------------------------------------------------------

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._reloading:  # a reload may run inside an undo: never save from there
            self._save_reason()
        self._show_person(self.model.line(current.row()) if current.isValid() else None)

    def _show_person(self, line: RegisterLine | None) -> None:
        if line is None:
            self.person_label.setText("")
            self.needs_flag.show_needs(AccessNeeds())
            self.needs_words.setText("")
            self._reason_person_id = None
            self.reason_edit.clear()
            self.reason_edit.setEnabled(False)
            return
        today = self._services.meetings.today()
        self.person_label.setText(line.person.display_name)
        self.needs_flag.show_needs(line.person.needs, today)
        self.needs_words.setText(
            needs_summary(line.person.needs, today) or self.tr("No access needs recorded")
        )
        apologies = line.status is AttendanceStatus.APOLOGIES
        typing_here = self.reason_edit.hasFocus() and self._reason_person_id == line.person_id
        if not typing_here:
            self.reason_edit.setText(line.mark.apology_reason if apologies and line.mark else "")
        self._reason_person_id = line.person_id
        self.reason_edit.setEnabled(apologies)

    def _show_problem(self, message: str) -> None:
        self.errors.general.setText(message)
        self.errors.general.setVisible(bool(message))

    def _record_changed(self, record_type: str) -> None:
        if record_type not in RELOAD_ON or self._meeting_id is None:
            return
        self.reload()
        if record_type == RECORD_TYPE:
            self.changed.emit()
