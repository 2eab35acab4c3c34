"""The fields of a response ("You said, we did"), shown or hidden by the chosen status.

One form, used by the one-contribution editor and by the dialog that responds to several at
once, so both ask the same questions in the same words. Only the fields that apply to the
chosen status are shown: the section for "changed the document", the reason for "not taken
forward", where it was referred for "outside our scope", a decision only for an outcome.
What is typed into a field that is then hidden stays in it (the person may change the status
back), but it is not saved: ``collect`` keeps only what applies to the status.

The easy-read wording is made by ``make_easy_read_field`` alone. Given the window's context
it is the checking easy-read box (``EasyReadEdit``: findings as you type, "Draft from the
response"), with the row's picture and "Picture…" under it; without one (a dialog that has no
easy read) a plain text box. Either offers ``toPlainText()``, ``setPlainText()`` and a
``textChanged`` signal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Response, replace
from coproduce.domain.vocabulary import FeedbackMethod, ResponseStatus, RowKind
from coproduce.ui.context import WindowContext
from coproduce.ui.documents.optional_date_edit import OptionalDateEdit
from coproduce.ui.easyread.easy_read_edit import EasyReadEdit
from coproduce.ui.easyread.row_picture import RowPicture
from coproduce.ui.widgets.form import FieldErrors

SectionChoice = tuple[int, str]
"""A section the response may name: its id and how it is shown ("1 Housing")."""


class EasyReadField(EasyReadEdit):
    """The checking easy-read box with the text box's names for its text and its signal."""

    textChanged = Signal()  # noqa: N815 (the name QPlainTextEdit gives it)

    def __init__(
        self, context: WindowContext, raw_text: Callable[[], str], *, source_name: str
    ) -> None:
        super().__init__(context, raw_text, source_name=source_name)
        self.changed.connect(self.textChanged)

    def toPlainText(self) -> str:  # noqa: N802
        return self.text()

    def setPlainText(self, text: str) -> None:  # noqa: N802
        self.set_text(text)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802
        # Screen readers announce the text box, which is what takes the focus.
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)


def make_easy_read_field(
    context: WindowContext | None = None, raw_text: Callable[[], str] | None = None
) -> QPlainTextEdit | EasyReadField:
    """The easy-read wording of a response: the checking box, drafted from ``raw_text``,
    when there is a window ``context``; else a plain text box."""
    if context is not None and raw_text is not None:
        return EasyReadField(context, raw_text, source_name="the response")
    field = QPlainTextEdit()
    field.setTabChangesFocus(True)
    field.setPlaceholderText("Short words and short sentences, for the easy-read summary")
    return field


def _text_box(lines: int, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setPlaceholderText(placeholder)
    height = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(height * lines)
    box.setMaximumHeight(height * (lines + 3))
    return box


class ResponseFields(QWidget):
    """Status, then the fields that status needs.

    With the window's ``context`` the easy read is checked as it is typed and the response's
    picture is shown under it ("Picture…" chooses it once the response is saved).

    Signals:
        changed(): the person edited a field (for unsaved-change tracking).
        status_changed(): the chosen status changed (the shown fields follow).
    """

    changed = Signal()
    status_changed = Signal()

    def __init__(
        self,
        errors: FieldErrors,
        *,
        context: WindowContext | None = None,
        today: Callable[[], date] = date.today,
        with_easy_read: bool = True,
        with_feedback: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._filling = False
        self._rows: dict[str, QWidget] = {}
        self._with_easy_read = with_easy_read
        self._with_feedback = with_feedback

        self.status_field = QComboBox()
        for status in ResponseStatus:
            self.status_field.addItem(self.tr(status.label), status.value)
        self.section_field = QComboBox()
        self.section_field.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.section_field.setMinimumContentsLength(12)
        self.reason_field = _text_box(
            2, self.tr("Why it was not taken forward, in words the group will understand")
        )
        self.referred_field = QLineEdit()
        self.referred_field.setPlaceholderText(
            self.tr("Who is dealing with it, e.g. the housing team")
        )
        self.text_field = _text_box(3, self.tr("What we did, or what happens next"))
        with_context = context if with_easy_read else None
        self.easy_read_field = make_easy_read_field(with_context, self.text_field.toPlainText)
        if isinstance(self.easy_read_field, QPlainTextEdit):
            self.easy_read_field.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        # No Alt key: every letter of "Picture" is taken by these fields, the links above
        # them or the window's menus. F7 anywhere in the fields opens the chooser.
        self.picture: RowPicture | None = (
            RowPicture(context, RowKind.RESPONSE, button_text=self.tr("Picture…"), scope=self)
            if with_context is not None
            else None
        )
        self.decided_by_field = QLineEdit()
        self.decided_by_field.setPlaceholderText(self.tr("A name or a board"))
        self.decided_on_field = OptionalDateEdit(
            self.tr("Decided"), self.tr("Decision date"), self.tr("Decision date note"), today
        )
        self.fed_back_on_field = OptionalDateEdit(
            self.tr("Told the group"), self.tr("Feedback date"), self.tr("Feedback note"), today
        )
        self.fed_back_how_field = QComboBox()
        self.fed_back_how_field.addItem(self.tr("Not fed back yet"), "")
        for method in FeedbackMethod:
            self.fed_back_how_field.addItem(self.tr(method.label), method.value)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        # In a narrow pane a field goes under its label rather than out of sight.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows: list[tuple[str, str, QWidget]] = [
            (self.tr("S&tatus:"), "status", self.status_field),
            (self.tr("Section ch&anged:"), "section_id", self.section_field),
            (self.tr("&Why not:"), "reason", self.reason_field),
            (self.tr("&Referred to:"), "referred_to", self.referred_field),
            (self.tr("Res&ponse:"), "text", self.text_field),
        ]
        if with_easy_read:
            rows.append((self.tr("Eas&y read:"), "easy_read", self.easy_read_field))
        rows += [
            (self.tr("Decided &by:"), "decided_by", self.decided_by_field),
            (self.tr("De&cided on:"), "decided_on", self.decided_on_field),
        ]
        if with_feedback:
            rows += [
                (self.tr("Fed bac&k on:"), "fed_back_on", self.fed_back_on_field),
                (self.tr("Fed back &using:"), "fed_back_how", self.fed_back_how_field),
            ]
        for label, field, widget in rows:
            errors.add_row(self.form, label, field, widget)
            holder = widget.parentWidget()
            assert holder is not None
            self._rows[field] = holder
            if field == "easy_read" and self.picture is not None:
                self.form.addRow(self.tr("Picture:"), self.picture)
                self._rows["picture"] = self.picture
        self.status_field.setAccessibleName(self.tr("Status"))
        self.section_field.setAccessibleName(self.tr("Section that changed"))
        self.reason_field.setAccessibleName(self.tr("Why it was not taken forward"))
        self.referred_field.setAccessibleName(self.tr("Where it was referred"))
        self.text_field.setAccessibleName(self.tr("Response"))
        self.easy_read_field.setAccessibleName(self.tr("Response in easy read"))
        self.decided_by_field.setAccessibleName(self.tr("Decided by"))
        self.fed_back_how_field.setAccessibleName(self.tr("How it was fed back"))
        if not with_easy_read:
            self.easy_read_field.hide()
        if not with_feedback:
            self.fed_back_on_field.hide()
            self.fed_back_how_field.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)

        for signal in (
            self.status_field.currentIndexChanged,
            self.section_field.currentIndexChanged,
            self.reason_field.textChanged,
            self.referred_field.textEdited,
            self.text_field.textChanged,
            self.easy_read_field.textChanged,
            self.decided_by_field.textEdited,
            self.decided_on_field.tick.toggled,
            self.decided_on_field.date_edit.dateChanged,
            self.fed_back_on_field.tick.toggled,
            self.fed_back_on_field.date_edit.dateChanged,
            self.fed_back_how_field.currentIndexChanged,
        ):
            signal.connect(self._edited)
        self.status_field.currentIndexChanged.connect(self._status_chosen)
        self.set_sections([])
        self._show_rows_for(ResponseStatus.NOT_ANSWERED)

    # --- what the editors use ------------------------------------------------------------

    def status(self) -> ResponseStatus:
        """The chosen status ("not answered yet" while none is chosen)."""
        code = self.status_field.currentData()
        return ResponseStatus(code) if code else ResponseStatus.NOT_ANSWERED

    def ask_for_status(self, placeholder: str) -> None:
        """Start with no status chosen: saving asks for one (for several at once, where
        any default would be a guess)."""
        self._filling = True
        try:
            self.status_field.setPlaceholderText(placeholder)
            self.status_field.setCurrentIndex(-1)
        finally:
            self._filling = False
        self._show_rows_for(ResponseStatus.NOT_ANSWERED)

    def set_status(self, status: ResponseStatus) -> None:
        self.status_field.setCurrentIndex(self.status_field.findData(status.value))

    def set_sections(self, choices: list[SectionChoice]) -> None:
        """The sections "changed the document" may name (those of linked documents)."""
        keep = self.section_field.currentData()
        self._filling = True
        try:
            self.section_field.clear()
            for section_id, name in choices:
                self.section_field.addItem(name, section_id)
            self.section_field.setPlaceholderText(
                self.tr("Choose the section that changed")
                if choices
                else self.tr("Link a document with sections first")
            )
            self.section_field.setCurrentIndex(self.section_field.findData(keep))
        finally:
            self._filling = False

    def fill(self, response: Response) -> None:
        """Show ``response``: every field, whether or not its status uses it."""
        self._filling = True
        try:
            self.set_status(response.status)
            self.section_field.setCurrentIndex(self.section_field.findData(response.section_id))
            self.reason_field.setPlainText(response.reason)
            self.referred_field.setText(response.referred_to)
            self.text_field.setPlainText(response.text)
            self.easy_read_field.setPlainText(response.easy_read)
            if self.picture is not None:
                self.picture.set_row(response.id, response.easy_read or response.text)
            self.decided_by_field.setText(response.decided_by)
            self.decided_on_field.set_date(response.decided_on)
            self.fed_back_on_field.set_date(response.fed_back_on)
            how = response.fed_back_how.value if response.fed_back_how else ""
            self.fed_back_how_field.setCurrentIndex(self.fed_back_how_field.findData(how))
        finally:
            self._filling = False
        self._show_rows_for(response.status)

    def collect(self, base: Response) -> Response:
        """``base`` (its id, version and contribution) with what applies to the status.

        Raises ``ValidationError`` for a way of feeding back chosen without its date."""
        if self.status_field.currentIndex() < 0:
            raise ValidationError("Choose what happened: the status.", "status")
        status = self.status()
        if status is ResponseStatus.NOT_ANSWERED:
            return replace(
                Response(contribution_id=base.contribution_id), id=base.id, version=base.version
            )
        section = self.section_field.currentData()
        fed_back_on = self.fed_back_on_field.value() if self._with_feedback else None
        how = self.fed_back_how_field.currentData() if self._with_feedback else None
        if how and fed_back_on is None:
            raise ValidationError(
                "Tick 'Told the group' and give the date it was fed back, or clear 'How'.",
                "fed_back_on",
            )
        return replace(
            base,
            status=status,
            section_id=section if status is ResponseStatus.CHANGED_DOCUMENT else None,
            reason=self.reason_field.toPlainText()
            if status is ResponseStatus.NOT_TAKEN_FORWARD
            else "",
            referred_to=self.referred_field.text()
            if status is ResponseStatus.OUTSIDE_SCOPE
            else "",
            text=self.text_field.toPlainText(),
            easy_read=self.easy_read_field.toPlainText() if self._with_easy_read else "",
            decided_by=self.decided_by_field.text() if status.is_answer else "",
            decided_on=self.decided_on_field.value() if status.is_answer else None,
            fed_back_on=fed_back_on,
            fed_back_how=FeedbackMethod(how) if how else None,
        )

    def row_shown(self, field: str) -> bool:
        """Whether ``field``'s row is shown for the chosen status (for tests and checks)."""
        holder = self._rows.get(field)
        return holder is not None and not holder.isHidden()

    # --- inside --------------------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        if not self._filling:
            self.changed.emit()

    def _status_chosen(self, _index: int) -> None:
        self._show_rows_for(self.status())
        if not self._filling:
            self.status_changed.emit()

    def _show_rows_for(self, status: ResponseStatus) -> None:
        answered = status is not ResponseStatus.NOT_ANSWERED
        shown = {
            "status": True,
            "section_id": status is ResponseStatus.CHANGED_DOCUMENT,
            "reason": status is ResponseStatus.NOT_TAKEN_FORWARD,
            "referred_to": status is ResponseStatus.OUTSIDE_SCOPE,
            "text": answered,
            "easy_read": answered,
            "picture": answered,
            "decided_by": status.is_answer,
            "decided_on": status.is_answer,
            "fed_back_on": answered,
            "fed_back_how": answered,
        }
        for field, holder in self._rows.items():
            self.form.setRowVisible(holder, shown[field])
