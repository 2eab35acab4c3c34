"""The "Contact us" details printed at the end of every easy-read document."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coproduce.documents.content import Contact
from coproduce.domain.errors import CoproduceError, ValidationError
from coproduce.services import Services
from coproduce.ui import window_state
from coproduce.ui.widgets.form import FieldErrors


class ContactDialog(QDialog):
    """Edit who readers of easy-read documents can contact, and how."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        window_state.remember(self, "contact details")
        self._services = services
        self.setWindowTitle(self.tr("Contact details for documents"))
        self.setAccessibleName(self.tr("Contact details for documents"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Easy-read documents end with a \u201cContact us\u201d page. Write the details "
                "readers should use: the person to ask for, and a team's phone or email "
                "rather than a person's own."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors()
        self.name = QLineEdit()
        self.organisation = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setMaximumHeight(self.fontMetrics().height() * 5)
        self.other = QLineEdit()
        for label, name, widget, accessible in (
            (self.tr("&Name of the person to ask for:"), "name", self.name, "Name of the person"),
            (self.tr("&Team or organisation:"), "organisation", self.organisation, "Team"),
            (self.tr("&Phone:"), "phone", self.phone, "Phone"),
            (self.tr("&Email:"), "email", self.email, "Email"),
            (self.tr("&Address:"), "address", self.address, "Address"),
            (self.tr("&Other ways:"), "other", self.other, "Other ways to contact us"),
        ):
            widget.setAccessibleName(self.tr(accessible))
            self.errors.add_row(form, label, name, widget)
        current = services.reports.contact()
        self.name.setText(current.name)
        self.organisation.setText(current.organisation)
        self.phone.setText(current.phone)
        self.email.setText(current.email)
        self.address.setPlainText(current.address)
        self.other.setText(current.other)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)

    def contact(self) -> Contact:
        return Contact(
            name=self.name.text(),
            organisation=self.organisation.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.toPlainText(),
            other=self.other.text(),
        )

    def accept(self) -> None:
        self.errors.clear()
        try:
            self._services.reports.set_contact(self.contact())
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except CoproduceError as exc:
            self.errors.show(ValidationError(str(exc)))
            return
        super().accept()
