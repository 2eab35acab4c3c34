"""What a "You said, we did" report is about: one document or one group, between two dates,
in easy read or standard form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.services import Services
from coproduce.services.documents import DocumentFilter
from coproduce.ui import window_state
from coproduce.ui.widgets.dates import plain_dates
from coproduce.ui.widgets.text import caption_for


@dataclass(frozen=True, slots=True)
class ReportChoice:
    document_id: int | None
    group_id: int | None
    date_from: date | None
    date_to: date | None
    easy_read: bool


class ReportChooser(QDialog):
    """Choose the subject and period of a "You said, we did" report."""

    def __init__(
        self,
        services: Services,
        *,
        document_id: int | None = None,
        group_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        window_state.remember(self, "report chooser")
        self.setWindowTitle(self.tr("You said, we did"))
        self.setAccessibleName(self.tr("Choose what the report is about"))
        today = services.meetings.today()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.by_document = QRadioButton(self.tr("About a &document"))
        self.by_group = QRadioButton(self.tr("What a &group said"))
        self.document_box = QComboBox()
        self.document_box.setAccessibleName(self.tr("Document"))
        for document in services.documents.list(DocumentFilter()).items:
            self.document_box.addItem(document.title, document.id)
        self.group_box = QComboBox()
        self.group_box.setAccessibleName(self.tr("Group"))
        for group in services.groups.list().items:
            self.group_box.addItem(group.name, group.id)
        # The list boxes have labels of their own: a screen reader names a list box by its
        # label, and a radio button beside it is not one.
        form.addRow(self.by_document)
        form.addRow(caption_for(self.tr("Document:"), self.document_box), self.document_box)
        form.addRow(self.by_group)
        form.addRow(caption_for(self.tr("Group:"), self.group_box), self.group_box)

        self.limit_dates = QCheckBox(self.tr("Only what was said &between"))
        self.limit_dates.setAccessibleName(self.tr("Only what was said between two dates"))
        self.date_from = QDateEdit(QDate(today.year - 1, today.month, min(today.day, 28)))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit, name in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            edit.setCalendarPopup(True)
            plain_dates(edit)
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        self.limit_dates.toggled.connect(self.date_from.setEnabled)
        self.limit_dates.toggled.connect(self.date_to.setEnabled)
        form.addRow(self.limit_dates)
        from_label = QLabel(self.tr("&From:"))
        from_label.setBuddy(self.date_from)
        form.addRow(from_label, self.date_from)
        to_label = QLabel(self.tr("&To:"))
        to_label.setBuddy(self.date_to)
        form.addRow(to_label, self.date_to)

        self.easy_read = QCheckBox(self.tr("&Easy read, for the group (pictures and large text)"))
        self.easy_read.setAccessibleName(self.tr("Easy read"))
        self.easy_read.setChecked(True)
        form.addRow(self.easy_read)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Problem"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Make the report"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.by_document.toggled.connect(self._subject_changed)
        if group_id is not None and self.group_box.findData(group_id) >= 0:
            self.group_box.setCurrentIndex(self.group_box.findData(group_id))
            self.by_group.setChecked(True)
        else:
            if document_id is not None and self.document_box.findData(document_id) >= 0:
                self.document_box.setCurrentIndex(self.document_box.findData(document_id))
            self.by_document.setChecked(True)
        self._subject_changed()

    def _subject_changed(self) -> None:
        self.document_box.setEnabled(self.by_document.isChecked())
        self.group_box.setEnabled(self.by_group.isChecked())

    def choice(self) -> ReportChoice:
        by_document = self.by_document.isChecked()
        dated = self.limit_dates.isChecked()
        return ReportChoice(
            document_id=self.document_box.currentData() if by_document else None,
            group_id=None if by_document else self.group_box.currentData(),
            date_from=self.date_from.date().toPython() if dated else None,
            date_to=self.date_to.date().toPython() if dated else None,
            easy_read=self.easy_read.isChecked(),
        )

    def accept(self) -> None:
        choice = self.choice()
        if choice.document_id is None and choice.group_id is None:
            self.message.setText(self.tr("There is no document or group to report on yet."))
            return
        if choice.date_from and choice.date_to and choice.date_from > choice.date_to:
            self.message.setText(self.tr("The first date is after the second. Swap them."))
            self.date_from.setFocus()
            return
        super().accept()
