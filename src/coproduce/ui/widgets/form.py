"""Forms whose validation messages appear beside the field they are about.

A service refuses bad input with ``ValidationError(message, field)``. ``FieldErrors`` maps
those field names to the widgets that edit them and shows the message in a label right under
the widget (red text, read out by screen readers as the widget's description), then puts the
keyboard focus on the widget so the person can fix it at once. Errors without a field, or
for a field this form does not show, appear in the form's general message label.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from coproduce.domain.errors import ValidationError

ERROR_STYLE = "color: #a4262c; font-weight: 600;"


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName("Problem")
    label.hide()
    return label


class FieldErrors:
    """Shows validation messages beside fields. One per form."""

    def __init__(self, general: QLabel | None = None) -> None:
        self.general = general or error_label()
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add_row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> QLabel:
        """Add ``widget`` to ``form`` under ``label`` with its own error label below it."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = error_label()
        column.addWidget(message)
        form.addRow(label, holder)
        caption = form.labelForField(holder)
        if isinstance(caption, QLabel):
            caption.setBuddy(widget)
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.register(field, widget, message)
        return message

    def register(self, field: str, widget: QWidget, message: QLabel) -> None:
        self._fields[field] = (widget, message)

    def show(self, error: ValidationError) -> None:
        """Show ``error`` beside its field (or in the general label) and focus the field."""
        self.clear()
        target = self._fields.get(error.field or "")
        if target is None:
            self.general.setText(error.message)
            self.general.show()
            return
        widget, message = target
        message.setText(error.message)
        message.show()
        widget.setAccessibleDescription(error.message)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self.general.clear()
        self.general.hide()
        for widget, message in self._fields.values():
            if message.isVisible() or message.text():
                message.clear()
                message.hide()
                widget.setAccessibleDescription("")

    def message_for(self, field: str) -> str:
        """The message shown beside ``field`` now ('' when none): for tests and tooltips."""
        target = self._fields.get(field)
        return target[1].text() if target else ""
