"""The "Access and communication" part of the person editor.

The NHS Accessible Information Standard's four groups (how to contact the person, the format
information must come in, the support they need to communicate, and the communication
professional to book), then meeting access needs, each as tick boxes plus free text, and the
date the needs were last checked with the person. The services refuse contradictory choices
("Braille" with "Reads standard print"); each group has its own message line, so the refusal
appears beside the boxes it is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.records import AccessNeeds
from coproduce.domain.validation import LARGE_PRINT_SIZES
from coproduce.domain.vocabulary import (
    CommunicationProfessional,
    CommunicationSupport,
    ContactMethod,
    InformationFormat,
    MeetingAccessNeed,
    Vocabulary,
)
from coproduce.ui.people.fields import (
    OptionalDateEdit,
    TickBoxes,
    name_inner_editor,
    notes_box,
    to_qdate,
)
from coproduce.ui.widgets.form import FieldErrors, error_label
from coproduce.ui.widgets.needs_flag import NeedsFlag
from coproduce.ui.widgets.text import muted

NO_SIZE = LARGE_PRINT_SIZES.start - 1
"""The spin box value that means "no large print size set"."""


class NeedsGroup(QGroupBox):
    """One group of needs: its tick boxes, a message line for refusals, and its notes."""

    def __init__(
        self,
        title: str,
        vocabulary: Iterable[Vocabulary],
        notes_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        plain_title = title.replace("&", "")
        self.setAccessibleName(plain_title)
        self.boxes = TickBoxes(vocabulary, plain_title)
        self.message = error_label()
        self.notes = notes_box(f"{plain_title}: {notes_label.replace('&', '').rstrip(':')}")
        self.notes_message = error_label()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.addWidget(self.boxes)
        layout.addWidget(self.message)
        layout.addLayout(self.form)
        notes_holder = QWidget()
        notes_column = QVBoxLayout(notes_holder)
        notes_column.setContentsMargins(0, 0, 0, 0)
        notes_column.setSpacing(2)
        notes_column.addWidget(self.notes)
        notes_column.addWidget(self.notes_message)
        self.form.addRow(notes_label, notes_holder)
        caption = self.form.labelForField(notes_holder)
        if isinstance(caption, QLabel):
            caption.setBuddy(self.notes)


class AccessPanel(QWidget):
    """The person's access and communication needs, edited in place.

    The editor reads ``needs()`` when saving and calls ``show_needs()`` when loading; it
    watches ``watched_widgets()`` for changes and registers each field with ``register()``.
    """

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setAccessibleName(self.tr("Access and communication"))

        intro = QLabel(
            self.tr(
                "What this person needs to get information and take part, as the Accessible "
                "Information Standard asks. Tick all that apply; add anything else in the "
                "notes. Check these with the person at least once a year."
            )
        )
        intro.setWordWrap(True)
        muted(intro)
        self.flag = NeedsFlag()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Needs in short"))

        self.contact = NeedsGroup(
            self.tr("1. How to contact them"), ContactMethod, self.tr("Other or details:")
        )
        self.information = NeedsGroup(
            self.tr("2. Information format"), InformationFormat, self.tr("Other or details:")
        )
        self.large_print_size = QSpinBox()
        self.large_print_size.setRange(NO_SIZE, LARGE_PRINT_SIZES.stop - 1)
        self.large_print_size.setSpecialValueText(self.tr("Not set"))
        self.large_print_size.setSuffix(self.tr(" pt"))
        self.large_print_size.setAccessibleName(self.tr("Large print size in points"))
        name_inner_editor(self.large_print_size)
        self.large_print_message = error_label()
        size_holder = QWidget()
        size_column = QVBoxLayout(size_holder)
        size_column.setContentsMargins(0, 0, 0, 0)
        size_column.setSpacing(2)
        size_column.addWidget(self.large_print_size)
        size_column.addWidget(self.large_print_message)
        self.information.form.insertRow(0, self.tr("Large print si&ze:"), size_holder)
        size_caption = self.information.form.labelForField(size_holder)
        if isinstance(size_caption, QLabel):
            size_caption.setBuddy(self.large_print_size)

        self.support = NeedsGroup(
            self.tr("3. Communication support"),
            CommunicationSupport,
            self.tr("Other or details:"),
        )
        self.professional = NeedsGroup(
            self.tr("4. Communication professional to book"),
            CommunicationProfessional,
            self.tr("Other or details:"),
        )
        self.meeting = NeedsGroup(
            self.tr("Meeting access"), MeetingAccessNeed, self.tr("Other or details:")
        )

        self.reviewed_on = OptionalDateEdit(
            self.tr("Never reviewed"), latest=max(today, self._latest_allowed())
        )
        self.reviewed_on.setAccessibleName(self.tr("Needs last reviewed with the person on"))
        name_inner_editor(self.reviewed_on)
        self.reviewed_message = error_label()
        self.reviewed_today = QPushButton(self.tr("Reviewed &today"))
        self.reviewed_today.setAccessibleName(self.tr("Set the last review to today"))
        self.reviewed_today.setToolTip(
            self.tr("You have just checked these needs with the person: set today's date.")
        )
        self.reviewed_today.clicked.connect(lambda: self.reviewed_on.set_value(self._today))
        review_row = QHBoxLayout()
        review_row.addWidget(self.reviewed_on, 1)
        review_row.addWidget(self.reviewed_today)
        review_holder = QWidget()
        review_column = QVBoxLayout(review_holder)
        review_column.setContentsMargins(0, 0, 0, 0)
        review_column.setSpacing(2)
        review_column.addLayout(review_row)
        review_column.addWidget(self.reviewed_message)
        review_form = QFormLayout()
        review_form.addRow(self.tr("&Last reviewed:"), review_holder)
        review_caption = review_form.labelForField(review_holder)
        if isinstance(review_caption, QLabel):
            review_caption.setBuddy(self.reviewed_on)

        flag_row = QHBoxLayout()
        flag_row.addWidget(self.flag)
        flag_row.addWidget(self.summary, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(flag_row)
        for group in self.groups:
            layout.addWidget(group)
        layout.addLayout(review_form)
        layout.addStretch(1)

    @property
    def groups(self) -> tuple[NeedsGroup, ...]:
        return (self.contact, self.information, self.support, self.professional, self.meeting)

    # --- what the editor uses ------------------------------------------------------------

    def set_today(self, today: date) -> None:
        """The date "Reviewed today" sets and the review-due check counts from."""
        self._today = today
        self.reviewed_on.setMaximumDate(to_qdate(max(today, self._latest_allowed())))

    @staticmethod
    def _latest_allowed() -> date:
        # The services refuse reviews after the computer's date, whatever the program's clock.
        return date.today()

    def watched_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        for group in self.groups:
            widgets.extend(group.boxes.boxes)
            widgets.append(group.notes)
        widgets.extend([self.large_print_size, self.reviewed_on])
        return widgets

    def register(self, errors: FieldErrors) -> None:
        """Tell ``errors`` where each of the services' field names is shown."""
        fields: dict[str, tuple[NeedsGroup, str]] = {
            "contact_methods": (self.contact, "contact_notes"),
            "information_formats": (self.information, "information_notes"),
            "communication_support": (self.support, "communication_support_notes"),
            "communication_professionals": (
                self.professional,
                "communication_professional_notes",
            ),
            "meeting_access": (self.meeting, "meeting_access_notes"),
        }
        for field, (group, notes_field) in fields.items():
            errors.register(field, group.boxes.boxes[0], group.message)
            errors.register(notes_field, group.notes, group.notes_message)
        errors.register("large_print_size", self.large_print_size, self.large_print_message)
        errors.register("reviewed_on", self.reviewed_on, self.reviewed_message)

    def show_needs(self, needs: AccessNeeds) -> None:
        self.contact.boxes.set_chosen(needs.contact_methods)
        self.information.boxes.set_chosen(needs.information_formats)
        self.support.boxes.set_chosen(needs.communication_support)
        self.professional.boxes.set_chosen(needs.communication_professionals)
        self.meeting.boxes.set_chosen(needs.meeting_access)
        for group, notes in zip(
            self.groups,
            (
                needs.contact_notes,
                needs.information_notes,
                needs.communication_support_notes,
                needs.communication_professional_notes,
                needs.meeting_access_notes,
            ),
            strict=True,
        ):
            _set_plain_text(group.notes, notes)
        self.large_print_size.setValue(needs.large_print_size or NO_SIZE)
        self.reviewed_on.set_value(needs.reviewed_on)
        self.show_summary(needs)

    def show_summary(self, needs: AccessNeeds) -> None:
        """The flag and the one-line summary, as the needs are saved."""
        self.flag.show_needs(needs, self._today)
        if needs.is_empty:
            self.summary.setText(self.tr("No access or communication needs recorded."))
        elif needs.review_due(self._today):
            self.summary.setText(
                self.tr("Review due: check these needs with the person and set the date below.")
            )
        else:
            self.summary.setText(self.flag.toolTip())

    def needs(self) -> AccessNeeds:
        size = self.large_print_size.value()
        return AccessNeeds(
            contact_methods=self.contact.boxes.chosen(),
            contact_notes=self.contact.notes.toPlainText(),
            information_formats=self.information.boxes.chosen(),
            large_print_size=None if size == NO_SIZE else size,
            information_notes=self.information.notes.toPlainText(),
            communication_support=self.support.boxes.chosen(),
            communication_support_notes=self.support.notes.toPlainText(),
            communication_professionals=self.professional.boxes.chosen(),
            communication_professional_notes=self.professional.notes.toPlainText(),
            meeting_access=self.meeting.boxes.chosen(),
            meeting_access_notes=self.meeting.notes.toPlainText(),
            reviewed_on=self.reviewed_on.value(),
        )


def _set_plain_text(box: QPlainTextEdit, text: str) -> None:
    if box.toPlainText() != text:
        box.setPlainText(text)
