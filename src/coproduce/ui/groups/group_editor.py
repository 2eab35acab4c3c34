"""The editor beside the groups list: a group's name, kind, purpose, how often it meets and
whether it is active, with its members below.

Save (Ctrl+S) keeps the group's details, and an edit is undone with Ctrl+Z like any other.
Archive stops a group that has finished without losing its history (undoable too). Member
changes take effect at once, each on the undo stack; the dates of the selected member count
as unsaved changes of the editor, so the window asks before they could be lost.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import Group, replace
from coproduce.domain.vocabulary import Cadence, GroupKind
from coproduce.services.groups import DeletedGroup
from coproduce.ui import prompts
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.groups.members_panel import MembersPanel, tab_order
from coproduce.ui.widgets.record_editor import RecordEditor


class GroupEditor(RecordEditor[Group]):
    """One group's details and members.

    Signals (from RecordEditor):
        saved(object): the group as saved (created, edited or archived).
        dirty_changed(bool): unsaved changes to the group's details came or went.
    """

    record_type = "group"
    record_label = "group"

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAccessibleName(self.tr("Group details"))
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Group name"))
        self.kind_box = QComboBox()
        for kind in GroupKind:
            self.kind_box.addItem(self.tr(kind.label), kind.value)
        self.purpose_edit = QPlainTextEdit()
        self.purpose_edit.setTabChangesFocus(True)  # Tab moves on; the purpose takes Enter
        self.purpose_edit.setPlaceholderText(self.tr("What the group is for, in a few lines"))
        lines = self.purpose_edit.fontMetrics().lineSpacing()
        self.purpose_edit.setFixedHeight(lines * 4 + 12)
        self.cadence_box = QComboBox()
        for cadence in Cadence:
            self.cadence_box.addItem(self.tr(cadence.label), cadence.value)
        self.active_box = QCheckBox(self.tr("Ac&tive: it meets and shows in the lists"))
        self.active_box.setAccessibleName(self.tr("Active"))

        form = QFormLayout()
        self.errors.add_row(form, self.tr("Na&me:"), "name", self.name_edit)
        self.errors.add_row(form, self.tr("&Kind:"), "kind", self.kind_box)
        self.errors.add_row(form, self.tr("&Purpose:"), "purpose", self.purpose_edit)
        self.errors.add_row(form, self.tr("How &often:"), "cadence", self.cadence_box)
        self.errors.add_row(form, "", "active", self.active_box)
        self.body.addWidget(self.title)
        self.body.addLayout(form)
        self.watch(
            self.name_edit, self.kind_box, self.purpose_edit, self.cadence_box, self.active_box
        )

        self.archive_button = QPushButton(self.tr("Ar&chive"))
        self.archive_button.setAccessibleName(self.tr("Archive the group"))
        self.archive_button.setToolTip(
            self.tr("Stop the group: its sessions and members stay on record. Undo with Ctrl+Z.")
        )
        self.archive_button.clicked.connect(self.archive)
        self.buttons.insertWidget(0, self.archive_button)

        self.members = MembersPanel(context)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.setStretch(0, 0)
        outer.addWidget(self.members, 1)
        tab_order(
            [
                self.name_edit,
                self.kind_box,
                self.purpose_edit,
                self.cadence_box,
                self.active_box,
                self.archive_button,
                self.revert_button,
                self.save_button,
                self.members.table,
            ]
        )
        self.dirty_changed.connect(lambda _dirty: self._update_archive_button())

    # --- RecordEditor --------------------------------------------------------------------

    def show_record(self, record: Group | None) -> None:
        group = record or Group(name="")
        self.title.setText(record.name if record else self.tr("New group"))
        self.title.setAccessibleName(self.title.text())
        self.name_edit.setText(group.name)
        self.kind_box.setCurrentIndex(self.kind_box.findData(group.kind.value))
        self.purpose_edit.setPlainText(group.purpose)
        self.cadence_box.setCurrentIndex(self.cadence_box.findData(group.cadence.value))
        self.active_box.setChecked(group.active)
        self.members.set_group(record)
        self._update_archive_button()

    def collect(self) -> Group:
        base = self.record or Group(name="")
        return replace(
            base,
            name=self.name_edit.text(),
            kind=GroupKind(self.kind_box.currentData()),
            purpose=self.purpose_edit.toPlainText(),
            cadence=Cadence(self.cadence_box.currentData()),
            active=self.active_box.isChecked(),
        )

    def create(self, record: Group) -> Group:
        return self._services.groups.create(record)

    def update(self, record: Group) -> Group:
        return self._services.groups.update(record)

    def fetch(self, record_id: int) -> Group:
        return self._services.groups.get(record_id)

    def describe(self, record: Group) -> str:
        return record.name

    def delete_for_undo(self, record: Group) -> None:
        self._services.groups.delete(record.id)  # type: ignore[arg-type]

    def restore_for_redo(self, record: Group) -> None:
        self._services.groups.restore(DeletedGroup(group=record, memberships=()))

    # --- the details and the members' dates are one edit for the window ------------------

    def has_unsaved_changes(self) -> bool:
        return super().has_unsaved_changes() or self.members.has_unsaved_changes()

    def save_changes(self) -> bool:
        if super().has_unsaved_changes() and not super().save_changes():
            return False
        return self.members.save_changes()

    def discard_changes(self) -> None:
        self.members.discard_changes()
        super().discard_changes()

    def unsaved_description(self) -> str:
        if super().has_unsaved_changes():
            return super().unsaved_description()
        return self.members.unsaved_description()

    # --- archive -------------------------------------------------------------------------

    def archive(self) -> bool:
        """Archive the group shown (after asking about unsaved changes); undoable."""
        if self.record is None or not self.record.active or not may_leave(self):
            return False
        group = self.record
        try:
            archived = self._services.groups.archive(group.id, group.version)  # type: ignore[arg-type]
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not archived"), str(exc))
            return False
        self.show_change_made(self.tr("Archive %s") % group.name, group, archived)
        self.saved.emit(archived)
        return True

    def _update_archive_button(self) -> None:
        record = self.record
        self.archive_button.setEnabled(
            record is not None and record.active and not super().has_unsaved_changes()
        )
