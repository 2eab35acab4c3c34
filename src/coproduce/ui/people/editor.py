"""The person editor shown beside the people list: every field of a Person, in four tabs.

- Details: name, roles, organisation, email, phone, postal address, payment preference, and
  whether (and when) they left.
- Access and communication: ``AccessPanel``.
- Consent: ``ConsentPanel`` (recorded at once, a form's decisions together, not by Save; for a
  new person they are recorded when the person is saved, as one undo step with the person).
- Groups: ``MembershipsView`` (read-only).

Save (Ctrl+S) stores the person's fields; a refusal appears beside its field, on whichever
tab it is (the editor turns to that tab). A second person with a name already on the
register is added only after the facilitator confirms, once, that it is a different person.
"Mark as left" archives the person at once, as an undoable step.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError, DuplicateError, ValidationError
from coproduce.domain.records import AccessNeeds, Person, replace
from coproduce.domain.vocabulary import PaymentPreference, Role
from coproduce.services.people import DeletedPerson
from coproduce.ui import prompts
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.formats import short_date
from coproduce.ui.journeys.person_view import PersonJourneysView
from coproduce.ui.people.access_panel import AccessPanel
from coproduce.ui.people.consent_panel import ConsentPanel
from coproduce.ui.people.fields import (
    OptionalDateEdit,
    TickBoxes,
    chosen_member,
    name_inner_editor,
    notes_box,
    select_member,
    vocabulary_combo,
)
from coproduce.ui.people.memberships_view import MembershipsView
from coproduce.ui.widgets.form import FieldErrors
from coproduce.ui.widgets.needs_flag import NeedsFlag
from coproduce.ui.widgets.record_editor import RecordEditor
from coproduce.ui.widgets.text import muted

log = logging.getLogger(__name__)


class TabbedFieldErrors(FieldErrors):
    """Field errors for a form spread over tabs: showing one turns to its tab first, and
    scrolls it into view, so the person sees the message and the field it is about."""

    def __init__(self, general: QLabel, tabs: QTabWidget) -> None:
        super().__init__(general)
        self._tabs = tabs
        self._widgets: dict[str, QWidget] = {}

    def register(self, field: str, widget: QWidget, message: QLabel) -> None:
        super().register(field, widget, message)
        self._widgets[field] = widget

    def show(self, error: ValidationError) -> None:
        widget = self._widgets.get(error.field or "")
        if widget is not None:
            for index in range(self._tabs.count()):
                page = self._tabs.widget(index)
                if page.isAncestorOf(widget):
                    self._tabs.setCurrentIndex(index)
                    if isinstance(page, QScrollArea):
                        page.ensureWidgetVisible(widget)
                    break
        super().show(error)


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setAccessibleName(widget.accessibleName())
    # Tab goes straight to the fields (the area scrolls to show them), not to the area.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class PersonEditor(RecordEditor[Person]):
    """Edits one person. Signals: those of ``RecordEditor``."""

    record_type = "person"
    record_label = "person"
    scrolls_itself = True

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        people = self._services.people
        self._today = people.today()
        self._undone_creations: dict[int, DeletedPerson] = {}
        self._saving_with_consent = False
        """A new person is being saved with consent decisions to record after them."""
        self._created: Person | None = None

        # --- heading: who this is, their needs flag, whether they left
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Person shown"))
        self.needs_flag = NeedsFlag()
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Whether active"))
        muted(self.status)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.needs_flag)
        heading_row.addWidget(self.status)

        # --- Details
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("Name"))
        self.roles = TickBoxes(Role, self.tr("Roles"))
        self.organisation = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.postal_address = notes_box(self.tr("Postal address"), lines=3)
        self.payment_preference = vocabulary_combo(PaymentPreference, self.tr("Payment preference"))
        self.has_left = QCheckBox(self.tr("Has &left the register"))
        self.has_left.setAccessibleName(self.tr("Has left the register"))
        self.left_on = OptionalDateEdit(self.tr("Date not known"), latest=None)
        self.left_on.setAccessibleName(self.tr("Date they left"))
        name_inner_editor(self.left_on)
        self.has_left.toggled.connect(self._left_toggled)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Parts of the person's record"))
        self.tabs.tabBar().setAccessibleName(self.tr("Parts of the person's record"))
        # Errors on any tab turn to it; the general message label stays where it was.
        self.errors = errors = TabbedFieldErrors(self.errors.general, self.tabs)

        details = QWidget()
        details.setAccessibleName(self.tr("Details"))
        details_column = QVBoxLayout(details)
        form = QFormLayout()
        details_column.addLayout(form)
        details_column.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        errors.add_row(form, self.tr("Na&me:"), "display_name", self.display_name)
        errors.add_row(form, self.tr("R&oles:"), "roles", self.roles)
        errors.add_row(form, self.tr("O&rganisation:"), "organisation", self.organisation)
        errors.add_row(form, self.tr("Ema&il:"), "email", self.email)
        errors.add_row(form, self.tr("&Phone:"), "phone", self.phone)
        errors.add_row(form, self.tr("Pos&tal address:"), "postal_address", self.postal_address)
        errors.add_row(
            form, self.tr("Pa&yment preference:"), "payment_preference", self.payment_preference
        )
        form.addRow("", self.has_left)
        errors.add_row(form, self.tr("Left on:"), "left_on", self.left_on)

        # --- the other tabs
        self.access = AccessPanel(self._today)
        self.consent = ConsentPanel(context)
        self.memberships = MembershipsView(context)

        self.tabs.addTab(_scrolling(details), self.tr("Details"))
        self.tabs.addTab(_scrolling(self.access), self.tr("&Access and communication"))
        self.tabs.addTab(_scrolling(self.consent), self.tr("&Consent"))
        self.tabs.addTab(_scrolling(self.memberships), self.tr("Gro&ups"))
        # "What happened to your ideas": the person's contributions and their journeys.
        self.ideas = PersonJourneysView(context)
        self.tabs.addTab(self.ideas, self.tr("Their ideas"))
        self.access.register(errors)

        self.body.addLayout(heading_row)
        self.body.addWidget(self.tabs, 1)

        self.mark_left_button = QPushButton(self.tr("Mar&k as left"))
        self.mark_left_button.setAccessibleName(self.tr("Mark this person as having left"))
        self.mark_left_button.setToolTip(
            self.tr(
                "They leave the lists of active people; their history stays. "
                "You can undo this with Ctrl+Z."
            )
        )
        self.mark_left_button.clicked.connect(self.mark_as_left)
        self.buttons.insertWidget(0, self.mark_left_button)

        self.watch(
            self.display_name,
            *self.roles.boxes,
            self.organisation,
            self.email,
            self.phone,
            self.postal_address,
            self.payment_preference,
            self.has_left,
            self.left_on,
            *self.access.watched_widgets(),
        )
        self.consent.pending_changed.connect(
            lambda _pending: self.dirty_changed.emit(self.has_unsaved_changes())
        )
        self.consent.save_requested.connect(self.save_changes)
        # Save and Revert were made first (by RecordEditor); Tab reaches them last, as laid out.
        self.setTabOrder(self.mark_left_button, self.revert_button)
        self.setTabOrder(self.revert_button, self.save_button)
        self.load(None)

    # --- RecordEditor --------------------------------------------------------------------

    def show_record(self, record: Person | None) -> None:
        self._today = self._services.people.today()  # the window may stay open past midnight
        self.access.set_today(self._today)
        person = record or Person(display_name="")
        self.display_name.setText(person.display_name)
        self.roles.set_chosen(person.roles)
        self.organisation.setText(person.organisation)
        self.email.setText(person.email)
        self.phone.setText(person.phone)
        if self.postal_address.toPlainText() != person.postal_address:
            self.postal_address.setPlainText(person.postal_address)
        select_member(self.payment_preference, person.payment_preference)
        self.has_left.setChecked(not person.active)
        self.left_on.set_value(person.left_on)
        self.left_on.setEnabled(not person.active)
        self.access.show_needs(person.needs)
        self._show_heading(record)
        self.consent.show_person(record, keep_form=self._saving_with_consent)
        self.memberships.show_person(record)
        self.ideas.show_person(record)
        self.mark_left_button.setEnabled(record is not None and record.active)

    def collect(self) -> Person:
        base = self.record or Person(display_name="")
        has_left = self.has_left.isChecked()
        return replace(
            base,
            display_name=self.display_name.text(),
            roles=self.roles.chosen(),
            organisation=self.organisation.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            postal_address=self.postal_address.toPlainText(),
            needs=self.access.needs(),
            payment_preference=(
                chosen_member(self.payment_preference, PaymentPreference)
                or PaymentPreference.NOT_SET
            ),
            active=not has_left,
            left_on=self.left_on.value() if has_left else None,
        )

    def create(self, record: Person) -> Person:
        people = self._services.people
        try:
            return people.create(record)
        except DuplicateError as exc:
            if not prompts.ask_yes_no(
                self, self.tr("Same name already on the register"), self._same_name_question(record)
            ):
                raise ValidationError(
                    self.tr(
                        "Not added: there is already someone with this name. Search for them "
                        "and edit their record, or change the name to tell them apart."
                    ),
                    "display_name",
                ) from exc
            return people.create(record, allow_same_name=True)

    def update(self, record: Person) -> Person:
        return self._services.people.update(record)

    def fetch(self, record_id: int) -> Person:
        return self._services.people.get(record_id)

    def describe(self, record: Person) -> str:
        return record.display_name

    def delete_for_undo(self, record: Person) -> None:
        assert record.id is not None
        self._undone_creations[record.id] = self._services.people.delete(record.id)

    def restore_for_redo(self, record: Person) -> None:
        assert record.id is not None
        deleted = self._undone_creations.pop(record.id, DeletedPerson(record, (), ()))
        self._services.people.restore(deleted)

    # --- the consent form counts as part of what is unsaved ------------------------------

    def has_unsaved_changes(self) -> bool:
        return super().has_unsaved_changes() or self.consent.has_pending()

    def save_changes(self) -> bool:
        """Save the person's fields (if changed), then the consent decisions being entered.
        A new person and their decisions are one undo step."""
        if self.record is None and self.consent.has_pending():
            return self._create_with_consent()
        if (super().has_unsaved_changes() or self.record is None) and not super().save_changes():
            return False
        if self.consent.has_pending() and not self.consent.record_pending():
            self._show_consent_tab()
            return False
        return True

    def _create_with_consent(self) -> bool:
        """Save a new person, then the decisions entered for them, as one undo step. The
        form is checked first, so a person is not added with half their consent."""
        if not self.consent.check_pending():
            self._show_consent_tab()
            return False
        self._saving_with_consent = True
        self._created = None
        try:
            if not super().save_changes():
                return False
        finally:
            self._saving_with_consent = False
        created = self._created or self.record
        assert created is not None
        if not self.consent.record_pending(push_undo=False):
            RecordEditor._push_undo(self, None, created)  # the person alone, as usual
            self._show_consent_tab()
            return False
        people, recorded = self._services.people, self.consent.last_recorded
        ids = [c.id for c in recorded if c.id is not None]

        def undo() -> None:
            people.take_back_consents(ids)
            self.delete_for_undo(created)

        def redo() -> None:
            self.restore_for_redo(created)
            people.put_back_consents(recorded)

        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Add %s with their consent") % created.display_name,
                undo_call=undo,
                redo_call=redo,
                changes=self._context.changes,
                record_type="person",
                parent_widget=self,
            )
        )
        return True

    def _push_undo(self, before: Person | None, saved: Person) -> None:
        if before is None and self._saving_with_consent:
            self._created = saved  # pushed with the consent decisions, as one step
            return
        super()._push_undo(before, saved)

    def _show_consent_tab(self) -> None:
        self.tabs.setCurrentIndex(self.tabs.indexOf(self._tab_of(self.consent)))

    def discard_changes(self) -> None:
        super().discard_changes()
        self.consent.clear_form()

    def unsaved_description(self) -> str:
        if super().has_unsaved_changes():
            return super().unsaved_description()
        return self.consent.pending_description()

    # --- Mark as left --------------------------------------------------------------------

    def mark_as_left(self) -> bool:
        """Archive the person shown (left today), undoably; unsaved changes are asked about
        first."""
        before = self.record
        if before is None or before.id is None or not before.active:
            return False
        if not may_leave(self):
            return False
        before = self.record or before  # saved just now, perhaps
        assert before.id is not None
        people = self._services.people
        try:
            archived = people.archive(before.id, expected_version=before.version)
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not marked as left"), str(exc))
            return False
        self.show_change_made(self.tr("Mark %s as left") % archived.display_name, before, archived)
        return True

    # --- inside --------------------------------------------------------------------------

    def _show_heading(self, record: Person | None) -> None:
        if record is None:
            self.heading.setText(self.tr("New person"))
            self.status.setText("")
            self.needs_flag.show_needs(AccessNeeds())
            return
        self.heading.setText(record.display_name)
        self.needs_flag.show_needs(record.needs, self._today)
        if record.active:
            self.status.setText(self.tr("Active"))
        elif record.left_on:
            self.status.setText(self.tr("Left %s") % short_date(record.left_on))
        else:
            self.status.setText(self.tr("Left"))
        self.status.setAccessibleDescription(self.status.text())

    def _same_name_question(self, record: Person) -> str:
        try:
            same = self._services.people.possible_duplicates(record.display_name)
        except CoproduceError:
            same = []
        known = [
            f"{p.display_name} ({p.organisation or self.tr('no organisation')}"
            + ("" if p.active else self.tr(", has left"))
            + ")"
            for p in same
        ]
        return self.tr(
            "The register already has: %s.\n\nIs %s a different person, to be added as well? "
            "Answer No to go back and find the existing record instead."
        ) % ("; ".join(known) or record.display_name, record.display_name.strip())

    def _left_toggled(self, checked: bool) -> None:
        self.left_on.setEnabled(checked)
        # Ticked by hand: most people are marked as left on the day (loading sets the date
        # it had just after this).
        if checked and self.left_on.value() is None:
            self.left_on.set_value(self._today)

    def _tab_of(self, widget: QWidget) -> QWidget:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page.isAncestorOf(widget):
                return page
        return self.tabs.currentWidget()
