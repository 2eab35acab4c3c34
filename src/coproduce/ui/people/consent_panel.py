"""The "Consent" part of the person editor: the decision in force for each purpose, a form to
record new decisions, and the whole history.

The form takes one signed (or spoken) decision for several purposes at once: the answer
(given, refused, withdrawn), a tick for each purpose it covers, one date and one way it was
given, with a line saying what will be recorded ("Given today: taking part and being
contacted, photographs."). They are recorded together, all or none, as one undo step. For a
person not saved yet the form is filled in all the same and recorded when the person is saved
(with them, as one undo step). Dates read "7 Dec 2026", never 07/12/2026.

Consent history is append-only: a decision is never edited, and a change of mind is a new
decision (the newest one per purpose is in force). The one exception is a decision entered
by mistake: Undo (Ctrl+Z) takes it back through ``PeopleService.take_back_consent`` while it
is still the newest for its purpose, and Redo puts it back under its id. Older decisions can
never be removed from here. The panel says so in words beside the form.

A decision half-entered in the form counts as an unsaved change of the person editor, so
switching page asks Save/Discard/Cancel as for any other field.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError, ValidationError
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import Consent, Person
from coproduce.domain.vocabulary import ConsentMethod, ConsentPurpose, ConsentState
from coproduce.ui import prompts
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import short_date
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.people.fields import (
    DATE_FORMAT,
    SmallList,
    TickBoxes,
    chosen_member,
    from_qdate,
    name_inner_editor,
    select_member,
    to_qdate,
    vocabulary_combo,
)
from coproduce.ui.widgets.dates import plain_dates
from coproduce.ui.widgets.form import FieldErrors
from coproduce.ui.widgets.text import muted

log = logging.getLogger(__name__)

UNDO_NOTE = (
    "Decisions are never changed or removed: to change one, record a new decision and the "
    "old one stays in the history. A decision entered by mistake can be taken back at once "
    "with Undo (Ctrl+Z), while it is still the newest for its purpose."
)


@dataclass(frozen=True, slots=True)
class PurposeDecision:
    """One row of "Decisions in force": a purpose and its newest decision (None: none yet)."""

    purpose: ConsentPurpose
    decision: Consent | None


def _decision_text(row: PurposeDecision) -> str:
    """ "Given 21 Sep 2025": the decision and its date, or that there is none."""
    if row.decision is None:
        return "None recorded"
    return f"{row.decision.state.label} {short_date(row.decision.on)}"


IN_FORCE_COLUMNS: tuple[Column[PurposeDecision], ...] = (
    Column("Purpose", lambda r: r.purpose.label),
    Column("Decision", _decision_text),
    Column("How", lambda r: r.decision.method.label if r.decision else ""),
    Column("Recorded by", lambda r: r.decision.recorded_by if r.decision else ""),
)

HISTORY_COLUMNS: tuple[Column[Consent], ...] = (
    Column("Date", lambda c: short_date(c.on)),
    Column("Purpose", lambda c: c.purpose.label),
    Column("Decision", lambda c: c.state.label),
    Column("How", lambda c: c.method.label),
    Column("Recorded by", lambda c: c.recorded_by),
    Column("Note", lambda c: c.note),
)


class ConsentPanel(QWidget):
    """Consent decisions of one person.

    Signals:
        pending_changed(bool): the form now holds (or no longer holds) decisions not yet
            recorded.
        save_requested(): Record was asked for a person not saved yet: the editor saves the
            person, and the decisions with them.
    """

    pending_changed = Signal(bool)
    save_requested = Signal()

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self._person: Person | None = None
        self._pending = False
        self._resetting = False
        self.last_recorded: tuple[Consent, ...] = ()
        """The decisions the last ``record_pending`` recorded."""
        self.setAccessibleName(self.tr("Consent"))

        self.unsaved_note = QLabel(
            self.tr(
                "A new person: the decisions entered below are recorded when the person is "
                "saved (Ctrl+S)."
            )
        )
        self.unsaved_note.setWordWrap(True)

        in_force_label = QLabel(self.tr("Decisions in force"))
        self.in_force = SmallList(
            IN_FORCE_COLUMNS,
            self.tr("Consent decisions in force, one row per purpose"),
            widths_in_characters=(29, 17, 17, 14),
            stretch_column=3,
            visible_rows=len(ConsentPurpose),
        )
        in_force_label.setBuddy(self.in_force.table)

        self.errors = FieldErrors()
        form_box = QGroupBox(self.tr("Record decisions (one form, several purposes)"))
        form_box.setAccessibleName(self.tr("Record consent decisions"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Keys: none of File, Edit, Export, Go, Help's letters, nor the editor's own.
        self.state = QComboBox()
        self.state.setAccessibleName(self.tr("Decision"))
        self.state.addItem(self.tr("Choose: given, refused or withdrawn"), None)
        for state in ConsentState:
            self.state.addItem(state.label, state.value)
        self.purposes = TickBoxes(
            ConsentPurpose, self.tr("Purposes the decision is about"), columns=1
        )
        self.tick_all = QPushButton(self.tr("Tick every purpose"))
        self.tick_all.setAccessibleName(self.tr("Tick every purpose"))
        self.tick_all.setAutoDefault(False)
        self.tick_all.clicked.connect(self._tick_every_purpose)
        purposes_holder = QWidget()
        purposes_column = QVBoxLayout(purposes_holder)
        purposes_column.setContentsMargins(0, 0, 0, 0)
        purposes_column.addWidget(self.purposes)
        tick_row = QHBoxLayout()
        tick_row.addWidget(self.tick_all)
        tick_row.addStretch(1)
        purposes_column.addLayout(tick_row)
        purposes_holder.setFocusProxy(self.purposes)
        self.on = QDateEdit()
        plain_dates(self.on, DATE_FORMAT)  # before the calendar exists: made on first use
        self.on.setCalendarPopup(True)
        self.on.setAccessibleName(self.tr("Date of the decision"))
        name_inner_editor(self.on)
        self.method = vocabulary_combo(ConsentMethod, self.tr("How the decision was given"))
        self.recorded_by = QLineEdit()
        self.recorded_by.setAccessibleName(self.tr("Recorded by"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note about the decision"))
        self.errors.add_row(form, self.tr("The&ir answer:"), "state", self.state)
        self.errors.add_row(form, self.tr("&Purposes:"), "purpose", purposes_holder)
        self.errors.add_row(form, self.tr("Da&te:"), "on", self.on)
        self.errors.add_row(form, self.tr("&Method:"), "method", self.method)
        self.errors.add_row(form, self.tr("Recorded b&y:"), "recorded_by", self.recorded_by)
        self.errors.add_row(form, self.tr("N&ote:"), "note", self.note)
        # The tick boxes' own names are the purposes; the label's key goes to the first one.
        caption = form.labelForField(purposes_holder.parentWidget())
        if isinstance(caption, QLabel):
            caption.setBuddy(self.purposes.boxes[0])

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("What will be recorded"))
        self.record_button = QPushButton(self.tr("Record these decisions"))
        self.record_button.setAccessibleName(self.tr("Record the consent decisions"))
        self.record_button.setToolTip(self.tr("Record the decisions (Ctrl+Enter)"))
        self.record_button.clicked.connect(self._record_asked)
        record_action = QAction(self.tr("Record the consent decisions"), self)
        record_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        record_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        record_action.triggered.connect(self._record_asked)
        form_box.addAction(record_action)
        undo_note = QLabel(self.tr(UNDO_NOTE))
        undo_note.setWordWrap(True)
        undo_note.setAccessibleName(self.tr("About changing consent"))
        muted(undo_note)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.record_button)
        box_layout = QVBoxLayout(form_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.errors.general)
        box_layout.addWidget(self.summary)
        box_layout.addLayout(button_row)
        box_layout.addWidget(undo_note)
        self.form_box = form_box

        history_label = QLabel(self.tr("History, newest first"))
        self.history = SmallList(
            HISTORY_COLUMNS,
            self.tr("Consent history, newest first"),
            widths_in_characters=(11, 26, 9, 17, 14, 20),
            stretch_column=5,
            visible_rows=5,
        )
        history_label.setBuddy(self.history.table)

        layout = QVBoxLayout(self)
        layout.addWidget(self.unsaved_note)
        layout.addWidget(in_force_label)
        layout.addWidget(self.in_force.table)
        layout.addWidget(form_box)
        layout.addWidget(history_label)
        layout.addWidget(self.history.table, 1)

        for combo in (self.state, self.method):
            combo.currentIndexChanged.connect(self._touched)
        for box in self.purposes.boxes:
            box.toggled.connect(self._touched)
        self.on.dateChanged.connect(self._touched)
        for line in (self.recorded_by, self.note):
            line.textEdited.connect(self._touched)
        context.changes.changed.connect(self._record_changed)
        self.show_person(None)

    # --- what the editor uses ------------------------------------------------------------

    def show_person(self, person: Person | None, *, keep_form: bool = False) -> None:
        """Show ``person``'s consent (None: a new person, whose decisions are recorded when
        they are saved). The form is emptied when it is another person, unless
        ``keep_form`` (the new person has just been saved, with the decisions to record)."""
        same = person is not None and self._person is not None and person.id == self._person.id
        self._person = person
        saved = person is not None and person.id is not None
        self.unsaved_note.setVisible(not saved)
        for widget in (self.in_force.table, self.history.table):
            widget.setEnabled(saved)
        if not same and not keep_form:
            self.clear_form()
        self.reload()
        self._show_summary()

    def has_pending(self) -> bool:
        return self._pending

    def pending_description(self) -> str:
        name = self._person.display_name if self._person else ""
        if not name:
            return self.tr("the consent decisions being entered for the new person")
        return self.tr("the consent decisions being entered for %s") % name

    def clear_form(self) -> None:
        """Back to an empty form: no answer, no purpose ticked, dated today, recorded by this
        user."""
        self._resetting = True
        try:
            self.errors.clear()
            self.state.setCurrentIndex(0)
            self.purposes.set_chosen(())
            today = self._services.people.today()
            self.on.setMaximumDate(to_qdate(max(today, date.today())))
            self.on.setDate(to_qdate(today))
            select_member(self.method, ConsentMethod.VERBAL)
            self.recorded_by.setText(self._services.people.current_user())
            self.note.clear()
        finally:
            self._resetting = False
        self._set_pending(False)
        self._show_summary()

    def check_pending(self) -> bool:
        """Whether the decisions in the form can be recorded as typed (an answer and at
        least one purpose); if not, says what is missing beside the field."""
        self.errors.clear()
        try:
            self._collect(0)
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        return True

    def record_pending(self, *, push_undo: bool = True) -> bool:
        """Record the decisions in the form, all or none; False (with the message beside
        its field) if the services refused them or something is missing. Without
        ``push_undo`` the caller makes the undo step (``last_recorded`` says what)."""
        person = self._person
        if person is None or person.id is None:
            return False
        self.errors.clear()
        try:
            consents = self._collect(person.id)
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        people = self._services.people
        try:
            recorded = tuple(people.record_consents(consents))
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Consent not recorded"), str(exc))
            return False
        self.last_recorded = recorded
        if push_undo:
            ids = [c.id for c in recorded if c.id is not None]
            self._context.undo_stack.push(
                ServiceCommand(
                    self.tr("Record consent of %s: %s")
                    % (person.display_name, self._said(recorded)),
                    undo_call=lambda: people.take_back_consents(ids),
                    redo_call=lambda: people.put_back_consents(recorded),
                    changes=self._context.changes,
                    record_type="consent",
                    parent_widget=self,
                )
            )
        self._forget_recorded()
        self._context.changes.changed.emit("consent")
        return True

    def reload(self) -> None:
        """Read the person's decisions again from the database."""
        person = self._person
        if person is None or person.id is None:
            self.in_force.show_rows(())
            self.history.show_rows(())
            return
        try:
            history = self._services.people.consent_history(person.id)
        except CoproduceError as exc:
            log.warning(
                "Could not read the consent of person %s: %s", person.id, describe_error(exc)
            )
            history = []
        in_force: dict[ConsentPurpose, Consent] = {}
        for decision in history:  # oldest first: the last one per purpose is in force
            in_force[decision.purpose] = decision
        self.in_force.show_rows(
            PurposeDecision(purpose, in_force.get(purpose)) for purpose in ConsentPurpose
        )
        self.history.show_rows(reversed(history))

    # --- inside --------------------------------------------------------------------------

    def _collect(self, person_id: int) -> list[Consent]:
        state = chosen_member(self.state, ConsentState)
        if state is None:
            raise ValidationError(
                self.tr("Choose whether consent was given, refused or withdrawn."), "state"
            )
        chosen = [p for p in ConsentPurpose if p in self.purposes.chosen()]
        if not chosen:
            raise ValidationError(
                self.tr("Tick the purposes this decision is about (one or more)."), "purpose"
            )
        method = chosen_member(self.method, ConsentMethod)
        assert method is not None  # this box has no empty item
        return [
            Consent(
                person_id=person_id,
                purpose=purpose,
                state=state,
                on=from_qdate(self.on.date()),
                method=method,
                recorded_by=self.recorded_by.text(),
                note=self.note.text(),
            )
            for purpose in chosen
        ]

    def _forget_recorded(self) -> None:
        """After recording: the answer, the ticks and the note go; the date, the way it was
        given and who recorded it stay, for the next decisions from the same form."""
        self._resetting = True
        try:
            self.errors.clear()
            self.state.setCurrentIndex(0)
            self.purposes.set_chosen(())
            self.note.clear()
        finally:
            self._resetting = False
        self._set_pending(False)
        self._show_summary()

    def _said(self, recorded: tuple[Consent, ...]) -> str:
        """``given for taking part and being contacted, photographs``."""
        if not recorded:
            return ""
        purposes = ", ".join(c.purpose.label.lower() for c in recorded)
        return self.tr("%s for %s") % (recorded[0].state.label.lower(), purposes)

    def _show_summary(self) -> None:
        """What Record will record, in one line: "Given today: photographs, recording."."""
        state = chosen_member(self.state, ConsentState)
        chosen = [p for p in ConsentPurpose if p in self.purposes.chosen()]
        if state is None or not chosen:
            self.summary.setText(
                self.tr("Choose the answer and tick the purposes; then Ctrl+Enter records them.")
            )
            return
        on = from_qdate(self.on.date())
        when = (
            self.tr("today")
            if on == self._services.people.today()
            else self.tr("on %s") % short_date(on)
        )
        method = chosen_member(self.method, ConsentMethod)
        text = self.tr("%s %s: %s.") % (
            state.label,
            when,
            ", ".join(p.label.lower() for p in chosen),
        )
        if method is not None:
            text += " " + self.tr("How: %s.") % method.label.lower()
        self.summary.setText(text)
        self.summary.setAccessibleDescription(text)

    def _tick_every_purpose(self) -> None:
        self.purposes.set_chosen(ConsentPurpose)
        self.purposes.boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _record_changed(self, record_type: str) -> None:
        if record_type in ("consent", "person"):
            self.reload()

    def _record_asked(self) -> None:
        """Record (the button, Ctrl+Enter): at once for a saved person; for a new one, by
        saving the person, which records the decisions with them."""
        if self._person is None or self._person.id is None:
            if self.check_pending():
                self.save_requested.emit()
            return
        self.record_pending()

    def _touched(self, *_args: object) -> None:
        self._show_summary()
        if not self._resetting:
            self._set_pending(True)

    def _set_pending(self, pending: bool) -> None:
        if pending != self._pending:
            self._pending = pending
            self.pending_changed.emit(pending)
