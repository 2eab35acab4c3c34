"""The "Consent" part of the person editor: the decision in force for each purpose, a form to
record a new decision, and the whole history.

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

from PySide6.QtCore import QModelIndex, Qt, Signal
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
    chosen_member,
    from_qdate,
    name_inner_editor,
    select_member,
    to_qdate,
    vocabulary_combo,
)
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
        pending_changed(bool): the form now holds (or no longer holds) a decision not yet
            recorded.
    """

    pending_changed = Signal(bool)

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self._person: Person | None = None
        self._pending = False
        self._resetting = False
        self.setAccessibleName(self.tr("Consent"))

        self.unsaved_note = QLabel(
            self.tr("Save the new person first; then record their consent here.")
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
        self.in_force.table.selectionModel().currentRowChanged.connect(self._purpose_chosen)

        self.errors = FieldErrors()
        form_box = QGroupBox(self.tr("Record a decision"))
        form_box.setAccessibleName(self.tr("Record a consent decision"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.purpose = vocabulary_combo(ConsentPurpose, self.tr("Purpose of the consent"))
        self.state = QComboBox()
        self.state.setAccessibleName(self.tr("Decision"))
        self.state.addItem(self.tr("Choose a decision"), None)
        for state in ConsentState:
            self.state.addItem(state.label, state.value)
        self.on = QDateEdit()
        self.on.setDisplayFormat(DATE_FORMAT)
        self.on.setCalendarPopup(True)
        self.on.setAccessibleName(self.tr("Date of the decision"))
        name_inner_editor(self.on)
        self.method = vocabulary_combo(ConsentMethod, self.tr("How the decision was given"))
        self.recorded_by = QLineEdit()
        self.recorded_by.setAccessibleName(self.tr("Recorded by"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note about the decision"))
        self.errors.add_row(form, self.tr("&Purpose:"), "purpose", self.purpose)
        self.errors.add_row(form, self.tr("Dec&ision:"), "state", self.state)
        self.errors.add_row(form, self.tr("Da&te:"), "on", self.on)
        self.errors.add_row(form, self.tr("&Method:"), "method", self.method)
        self.errors.add_row(form, self.tr("Recorded b&y:"), "recorded_by", self.recorded_by)
        self.errors.add_row(form, self.tr("N&ote:"), "note", self.note)

        self.record_button = QPushButton(self.tr("&Record decision"))
        self.record_button.setAccessibleName(self.tr("Record the consent decision"))
        self.record_button.setToolTip(self.tr("Record the decision (Ctrl+Enter)"))
        self.record_button.clicked.connect(self.record_pending)
        record_action = QAction(self.tr("Record the consent decision"), self)
        record_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        record_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        record_action.triggered.connect(self._record_by_shortcut)
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

        for combo in (self.purpose, self.state, self.method):
            combo.currentIndexChanged.connect(self._touched)
        self.on.dateChanged.connect(self._touched)
        for line in (self.recorded_by, self.note):
            line.textEdited.connect(self._touched)
        context.changes.changed.connect(self._record_changed)
        self.show_person(None)

    # --- what the editor uses ------------------------------------------------------------

    def show_person(self, person: Person | None) -> None:
        """Show ``person``'s consent; the form is emptied when it is another person."""
        same = person is not None and self._person is not None and person.id == self._person.id
        self._person = person
        saved = person is not None and person.id is not None
        self.unsaved_note.setVisible(not saved)
        for widget in (self.in_force.table, self.form_box, self.history.table):
            widget.setEnabled(saved)
        if not same:
            self.clear_form()
        self.reload()

    def has_pending(self) -> bool:
        return self._pending

    def pending_description(self) -> str:
        name = self._person.display_name if self._person else ""
        return self.tr("the consent decision being entered for %s") % name

    def clear_form(self) -> None:
        """Back to an empty form: no decision chosen, dated today, recorded by this user."""
        self._resetting = True
        try:
            self.errors.clear()
            self.purpose.setCurrentIndex(0)
            self.state.setCurrentIndex(0)
            today = self._services.people.today()
            self.on.setMaximumDate(to_qdate(max(today, date.today())))
            self.on.setDate(to_qdate(today))
            select_member(self.method, ConsentMethod.VERBAL)
            self.recorded_by.setText(self._services.people.current_user())
            self.note.clear()
        finally:
            self._resetting = False
        self._set_pending(False)

    def record_pending(self) -> bool:
        """Record the decision in the form; False (with the message beside its field) if
        the services refused it or nothing is chosen."""
        person = self._person
        if person is None or person.id is None:
            return False
        self.errors.clear()
        state = chosen_member(self.state, ConsentState)
        if state is None:
            self.errors.show(
                ValidationError(
                    self.tr("Choose whether consent was given, refused or withdrawn."), "state"
                )
            )
            return False
        purpose = chosen_member(self.purpose, ConsentPurpose)
        method = chosen_member(self.method, ConsentMethod)
        assert purpose is not None and method is not None  # these boxes have no empty item
        consent = Consent(
            person_id=person.id,
            purpose=purpose,
            state=state,
            on=from_qdate(self.on.date()),
            method=method,
            recorded_by=self.recorded_by.text(),
            note=self.note.text(),
        )
        people = self._services.people
        try:
            recorded = people.record_consent(consent)
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Consent not recorded"), str(exc))
            return False
        assert recorded.id is not None
        recorded_id = recorded.id
        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Record consent of %s: %s, %s")
                % (person.display_name, recorded.purpose.label, recorded.state.label.lower()),
                undo_call=lambda: people.take_back_consent(recorded_id),
                redo_call=lambda: people.put_back_consent(recorded),
                changes=self._context.changes,
                record_type="consent",
                parent_widget=self,
            )
        )
        self.clear_form()
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
            log.warning("Could not read the consent of person %s: %s", person.id, exc)
            history = []
        in_force: dict[ConsentPurpose, Consent] = {}
        for decision in history:  # oldest first: the last one per purpose is in force
            in_force[decision.purpose] = decision
        self.in_force.show_rows(
            PurposeDecision(purpose, in_force.get(purpose)) for purpose in ConsentPurpose
        )
        self.history.show_rows(reversed(history))

    # --- inside --------------------------------------------------------------------------

    def _record_changed(self, record_type: str) -> None:
        if record_type in ("consent", "person"):
            self.reload()

    def _record_by_shortcut(self) -> None:
        if self.form_box.isEnabled():
            self.record_pending()

    def _purpose_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Choosing a row in "Decisions in force" sets the form's purpose to it."""
        row = self.in_force.model.record(current.row()) if current.isValid() else None
        if row is None:
            return
        if self._pending:
            select_member(self.purpose, row.purpose)  # part of what is being entered
            return
        self._resetting = True
        try:
            select_member(self.purpose, row.purpose)
        finally:
            self._resetting = False

    def _touched(self, *_args: object) -> None:
        if not self._resetting:
            self._set_pending(True)

    def _set_pending(self, pending: bool) -> None:
        if pending != self._pending:
            self._pending = pending
            self.pending_changed.emit(pending)
