"""The editor of one agenda item: its title, time in minutes, notes, easy-read wording with
the picture beside it in the easy-read summary, and linked documents.

New items go to the end of the agenda (the agenda list moves them); an edit keeps the item's
place. Adding, editing and (through the agenda) deleting are all undoable.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from coproduce.domain.records import AgendaItem, replace
from coproduce.domain.vocabulary import RowKind
from coproduce.ui.context import WindowContext
from coproduce.ui.easyread.easy_read_edit import EasyReadEdit
from coproduce.ui.easyread.row_picture import RowPicture
from coproduce.ui.sessions.document_picker import DocumentPicker
from coproduce.ui.sessions.session_editor import name_inner_line_edit
from coproduce.ui.widgets.record_editor import RecordEditor

MAX_MINUTES = 24 * 60


class AgendaItemEditor(RecordEditor[AgendaItem]):
    """Edits one item of the agenda of the session given to ``set_meeting``."""

    record_type = "agenda_item"
    record_label = "agenda item"

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.meeting_id: int | None = None
        self.setAccessibleName(self.tr("Agenda item"))

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("For example: Welcome and introductions"))
        self.minutes_box = QSpinBox()
        self.minutes_box.setRange(0, MAX_MINUTES)
        self.minutes_box.setSingleStep(5)
        self.minutes_box.setSpecialValueText(self.tr("No time set"))
        self.minutes_box.setSuffix(self.tr(" minutes"))
        self.minutes_box.setAccessibleName(self.tr("Time in minutes"))
        name_inner_line_edit(self.minutes_box, self.minutes_box.accessibleName())
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.easy_read = EasyReadEdit(context, self._raw_text, source_name=self.tr("the item"))
        # Alt+R: the session editor beside it has Alt+C for its own picture.
        self.picture = RowPicture(
            context, RowKind.AGENDA_ITEM, button_text=self.tr("Pictu&re…"), scope=self
        )
        self.documents = DocumentPicker(context.services)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors.add_row(form, self.tr("&Item:"), "title", self.title_edit)
        self.errors.add_row(form, self.tr("&Minutes:"), "duration_minutes", self.minutes_box)
        self.errors.add_row(form, self.tr("N&otes:"), "notes", self.notes_edit)
        self.errors.add_row(form, self.tr("Eas&y read:"), "easy_read", self.easy_read)
        form.addRow(self.tr("Picture:"), self.picture)
        self.errors.add_row(form, self.tr("Doc&uments:"), "document_ids", self.documents)
        self.body.addLayout(form)
        self.save_button.setText(self.tr("&Save item"))
        self.save_button.setAccessibleName(self.tr("Save the agenda item"))

        self.watch(
            self.title_edit, self.minutes_box, self.notes_edit, self.easy_read, self.documents
        )
        self.load(None)

    def _raw_text(self) -> str:
        """What the easy-read draft is made from: the item's title and its notes."""
        parts = (self.title_edit.text().strip(), self.notes_edit.toPlainText().strip())
        return "\n".join(part for part in parts if part)

    def set_meeting(self, meeting_id: int | None) -> None:
        """The session new items are added to."""
        self.meeting_id = meeting_id

    # --- RecordEditor ----------------------------------------------------------------------

    def show_record(self, record: AgendaItem | None) -> None:
        self.title_edit.setText(record.title if record else "")
        minutes = record.duration_minutes if record else None
        self.minutes_box.setValue(minutes or 0)
        self.notes_edit.setPlainText(record.notes if record else "")
        self.easy_read.set_text(record.easy_read if record else "")
        if record is None:
            self.picture.set_row(None)
        else:
            self.picture.set_row(record.id, record.easy_read or record.title)
        self.documents.set_documents(record.document_ids if record else ())
        self.save_button.setToolTip(
            self.tr("Add the item to the end of the agenda (Ctrl+S)")
            if record is None
            else self.tr("Save the agenda item (Ctrl+S)")
        )
        self.setEnabled(record is not None or self.meeting_id is not None)

    def collect(self) -> AgendaItem:
        if self.record is None:
            if self.meeting_id is None:
                raise ValueError("set_meeting() comes before adding an agenda item")
            base = AgendaItem(meeting_id=self.meeting_id, title="")
        else:
            base = self.record
        minutes = self.minutes_box.value()
        return replace(
            base,
            title=self.title_edit.text(),
            duration_minutes=minutes or None,
            notes=self.notes_edit.toPlainText(),
            easy_read=self.easy_read.text(),
            document_ids=self.documents.document_ids(),
        )

    def create(self, record: AgendaItem) -> AgendaItem:
        return self._services.meetings.add_agenda_item(record)

    def update(self, record: AgendaItem) -> AgendaItem:
        return self._services.meetings.update_agenda_item(record)

    def fetch(self, record_id: int) -> AgendaItem:
        return self._services.meetings.get_agenda_item(record_id)

    def describe(self, record: AgendaItem) -> str:
        return self.tr("agenda item '%s'") % record.title

    def delete_for_undo(self, record: AgendaItem) -> None:
        assert record.id is not None
        self._services.meetings.delete_agenda_item(record.id)

    def restore_for_redo(self, record: AgendaItem) -> None:
        self._services.meetings.restore_agenda_item(record)
