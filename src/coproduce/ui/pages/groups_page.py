"""The Groups page: every group with its kind, how often it meets and how many current members
it has, and the group editor beside the list.

Search (by name), the "Active groups only" filter and sorting by a column heading all happen
in the database. Deleting asks once and is undone with Ctrl+Z (the group comes back with its
memberships); a group that has met cannot be deleted, and the page says so before asking
anything: archive it instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import Group, Page
from coproduce.services.groups import DeletedGroup
from coproduce.ui import prompts
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import count_of
from coproduce.ui.groups.group_editor import GroupEditor
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.pages.list_page import ListPage

ACTIVE_COLUMN = 4


@dataclass(frozen=True, slots=True)
class GroupEntry:
    """One line of the groups list: the group and how many current members it has."""

    group: Group
    members: int


class GroupsPage(ListPage):
    title = "Groups"
    singular = "group"
    plural = "groups"
    search_hint = "Search group names"
    widths_in_characters = (24, 21, 13, 8, 9)
    stretch_column = 0
    record_types = ("group", "membership", "person")

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        assert isinstance(self.editor, GroupEditor)
        self.group_editor: GroupEditor = self.editor
        for action in self.group_editor.members.page_actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        # The list needs room for names and kinds; the editor below its fields has the members.
        self.splitter.setSizes([560, 440])  # a proportion: the splitter scales it to fit
        self.splitter.widget(1).setAccessibleName(self.tr("Group details and members"))
        self._show_active_column()

    # --- ListPage ------------------------------------------------------------------------

    def filter_widgets(self) -> Sequence[QWidget]:
        self.active_only = QCheckBox(self.tr("Active groups onl&y"))
        self.active_only.setAccessibleName(self.tr("Show active groups only"))
        self.active_only.setToolTip(self.tr("Hide archived groups"))
        self.active_only.setChecked(True)
        self.active_only.toggled.connect(self._active_only_toggled)
        return (self.active_only,)

    def _active_only_toggled(self, _checked: bool) -> None:
        self._show_active_column()
        self.refresh()

    def _show_active_column(self) -> None:
        # Every row would read "Active" while only active groups are shown.
        self.table.setColumnHidden(ACTIVE_COLUMN, self.active_only.isChecked())

    def is_filtered(self) -> bool:
        return self.active_only.isChecked()

    def columns(self) -> Sequence[Column[GroupEntry]]:
        return (
            Column(self.tr("Name"), lambda e: e.group.name, sort_key="name"),
            Column(self.tr("Kind"), lambda e: self.tr(e.group.kind.label), sort_key="kind"),
            Column(self.tr("Meets"), lambda e: self.tr(e.group.cadence.label), sort_key="cadence"),
            Column(
                self.tr("Members"),
                lambda e: str(e.members),
                align_right=True,
                sort_key="members",
                tooltip=lambda e: self.tr("%s today") % count_of(e.members, "current member"),
            ),
            Column(
                self.tr("Active"),
                lambda e: self.tr("Active") if e.group.active else self.tr("Archived"),
            ),
        )

    def load(self, offset: int, limit: int) -> Page[GroupEntry]:
        order = self.model.order
        groups = self._services.groups
        page = groups.list(
            text=self.search_text,
            active=True if self.active_only.isChecked() else None,
            order=order.key if order else "name",
            descending=order.descending if order else False,
            offset=offset,
            limit=limit,
        )
        counts = groups.member_counts([g.id for g in page.items])  # type: ignore[misc]
        return Page(
            items=tuple(GroupEntry(g, counts[g.id]) for g in page.items),  # type: ignore[index]
            total=page.total,
            offset=page.offset,
        )

    def record_of(self, entry: GroupEntry) -> Group:
        return entry.group

    def make_editor(self) -> GroupEditor:
        return GroupEditor(self._context)

    def nothing_recorded(self) -> bool:
        return self._services.groups.list(limit=0).total == 0

    def empty_hint(self) -> str:
        return self.tr(
            "No groups yet: every session and member belongs to one. Add the first group: "
            "New group (Ctrl+N)."
        )

    def start_new(self) -> None:
        super().start_new()
        if self.editor is not None and self.editor.record is None:
            self.group_editor.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def delete_record(self, record: Group) -> bool:
        """Delete a group that never met, with its memberships; undo puts both back."""
        groups = self._services.groups
        try:
            refusal = groups.delete_refusal(record.id)  # type: ignore[arg-type]
            memberships = len(groups.members(record.id))  # type: ignore[arg-type]
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            return False
        if refusal:
            prompts.show_error(self, self.tr("This group cannot be deleted"), refusal)
            return False
        consequence = (
            self.tr("Its %s go with it.") % count_of(memberships, "membership")
            if memberships
            else ""
        )
        if not self.confirm_delete(self.tr("the group '%s'") % record.name, consequence):
            return False
        try:
            deleted = groups.delete(record.id, record.version)  # type: ignore[arg-type]
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            return False
        self._context.undo_stack.push(_DeleteGroupCommand(self, deleted))
        self._context.changes.changed.emit("group")
        return True


class _DeleteGroupCommand(ServiceCommand):
    """Undo of a group's delete: the group and its memberships come back under their ids;
    redo deletes again (remembering what it deleted, for the next undo)."""

    def __init__(self, page: GroupsPage, deleted: DeletedGroup) -> None:
        self._groups = page._services.groups
        self._deleted = deleted
        super().__init__(
            page.tr("Delete %s") % deleted.group.name,
            undo_call=lambda: self._groups.restore(self._deleted),
            redo_call=self._delete_again,
            changes=page._context.changes,
            record_type="group",
            parent_widget=page,
        )

    def _delete_again(self) -> None:
        self._deleted = self._groups.delete(self._deleted.group.id)  # type: ignore[arg-type]
