"""The members of one group: who belongs now and who belonged, with the dates, and the changes a
facilitator makes to them.

- Add a member: type a few letters of their name, pick them, and the joining date (today unless
  changed); Ctrl+M goes to the box from anywhere on the Groups page.
- End a membership when someone leaves (today, Ctrl+E), or tick "Has left" and give the date.
- Correct the dates of a membership.
- Remove a membership entered by mistake (Delete in the members list); people who left keep
  theirs, with the date they left, so the group's history stays right.

Every change goes through the groups service first and then onto the window's undo stack. The
dates of the selected member are an edit like any other: leaving the page or choosing another
member with changed dates asks first (``Editing``), so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coproduce.domain.errors import CoproduceError, NotFoundError, ValidationError
from coproduce.domain.records import AccessNeeds, Group, Membership, Page, replace
from coproduce.services.groups import Member
from coproduce.ui import prompts
from coproduce.ui.commands import EditCommand, ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.editing import may_leave
from coproduce.ui.formats import short_date
from coproduce.ui.groups.member_table import STANDING_WORDS, MemberDelegate
from coproduce.ui.groups.person_picker import PersonPicker
from coproduce.ui.models.record_table_model import Column, RecordTableModel
from coproduce.ui.widgets.dates import plain_dates
from coproduce.ui.widgets.focus import focus_passes_to
from coproduce.ui.widgets.form import FieldErrors
from coproduce.ui.widgets.needs_flag import NeedsFlag, needs_summary
from coproduce.ui.widgets.record_table import RecordTable
from coproduce.ui.widgets.text import muted

RECORD_TYPE = "membership"
NEEDS_COLUMN = 1
DATE_FORMAT = "d MMM yyyy"


def tab_order(widgets: Sequence[QWidget]) -> None:
    """Make Tab visit ``widgets`` in this order (the order they are laid out in)."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


def membership_words(member: Member, today: date) -> str:
    """ "Current", "Left 3 Mar 2026" or "Joins 1 Jun 2026": the membership column's words."""
    standing = member.standing(today)
    if standing == "future":
        return f"Joins {short_date(member.membership.joined_on)}"
    if standing == "past":
        return f"Left {short_date(member.membership.left_on)}"
    return "Current"


def side_by_side(first: QWidget, second: QWidget, *, apart: bool = False) -> QWidget:
    """Two controls on one form row (``apart``: the second at the far end); the row's label,
    and the focus after an error, go to the first."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first)
    if apart:
        row.addStretch(1)
    row.addWidget(second)
    if not apart:
        row.addStretch(1)
    focus_passes_to(holder, first)
    return holder


def date_edit(accessible_name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    plain_dates(edit, DATE_FORMAT)
    edit.setAccessibleName(accessible_name)
    edit.setMinimumDate(QDate(1900, 1, 1))
    # Wide enough for the longest date in the system font, never wider.
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("30 Sep 20000") + 48)
    return edit


class MembersPanel(QWidget):
    """The members list of one group with its add, end, correct and remove controls."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self.group: Group | None = None
        self._shown: Member | None = None
        self._dates_dirty = False
        self._filling = False
        self._select_after_reload: int | None = None
        """The membership to select once the list has loaded again (one just changed)."""
        self.setAccessibleName(self.tr("Members"))
        context.changes.changed.connect(self._record_changed)

        heading = QLabel(self.tr("Members"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        heading.setAccessibleName(self.tr("Members"))
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Number of members"))
        muted(self.summary)
        self.placeholder = QLabel(self.tr("Save the new group first, then add its members."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAccessibleName(self.placeholder.text())

        self.model: RecordTableModel[Member] = RecordTableModel(
            self._columns(), self._load, parent=self
        )
        self.model.reloaded.connect(self._show_summary)
        self.model.modelReset.connect(self._reselect_after_reload)
        self.table = RecordTable(
            self.model,
            accessible_name=self.tr("Members of the group"),
            widths_in_characters=(18, 7, 11, 15),
            stretch_column=0,
        )
        self.table.setItemDelegate(
            MemberDelegate(self._services.groups.today, NEEDS_COLUMN, self.table)
        )
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5)
        self.table.selectionModel().currentRowChanged.connect(self._member_chosen)

        self._build_actions()
        adding = self._build_adding()
        selected = self._build_selected()

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.table, 1)
        layout.addWidget(adding)
        layout.addWidget(selected)
        # Takes the room the hidden list leaves while a new group has no members yet.
        layout.addStretch(0)
        tab_order(
            [
                self.table,
                self.person_picker,
                self.joining_date,
                self.add_button,
                self.joined_edit,
                self.has_left,
                self.left_edit,
                self.update_button,
                self.end_button,
                self.remove_button,
            ]
        )
        self.set_group(None)

    # --- building ------------------------------------------------------------------------

    def _columns(self) -> Sequence[Column[Member]]:
        today = self._services.groups.today
        return (
            Column(
                self.tr("Name"),
                lambda m: m.person.display_name,
                tooltip=lambda m: (
                    f"{m.person.display_name} ({m.person.organisation})"
                    if m.person.organisation
                    else m.person.display_name
                ),
            ),
            Column(self.tr("Needs"), lambda m: needs_summary(m.person.needs, today())),
            Column(self.tr("Joined"), lambda m: short_date(m.membership.joined_on)),
            Column(
                self.tr("Membership"),
                lambda m: membership_words(m, today()),
                tooltip=lambda m: self.tr(STANDING_WORDS[m.standing(today())]),
            ),
        )

    def _build_actions(self) -> None:
        self.add_member_action = QAction(self.tr("Add a member to the group"), self)
        self.add_member_action.setShortcut(QKeySequence("Ctrl+M"))
        self.add_member_action.triggered.connect(self.start_adding)
        self.end_membership_action = QAction(self.tr("End the selected membership today"), self)
        self.end_membership_action.setShortcut(QKeySequence("Ctrl+E"))
        self.end_membership_action.triggered.connect(self.end_membership)
        remove_action = QAction(
            self.tr("Remove the selected membership (entered by mistake)"), self
        )
        remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_action.triggered.connect(self.remove_membership)
        self.table.addAction(remove_action)

    def page_actions(self) -> list[QAction]:
        """Shortcuts that work from anywhere on the page showing this panel."""
        return [self.add_member_action, self.end_membership_action]

    def _build_adding(self) -> QGroupBox:
        self.adding_box = box = QGroupBox(self.tr("Add a member"))
        box.setAccessibleName(self.tr("Add a member"))
        form = QFormLayout()
        self.add_errors = FieldErrors()
        self.person_picker = PersonPicker(self._services)
        self.person_picker.setAccessibleName(self.tr("Person to add"))
        self.person_picker.setAccessibleDescription(
            self.tr("Type a few letters of their name, then choose with the arrow keys and Enter.")
        )
        self.person_picker.returnPressed.connect(self.add_member)
        self.add_errors.add_row(form, self.tr("Add a pe&rson:"), "person_id", self.person_picker)
        self.joining_date = date_edit(self.tr("Joining on"))
        self.add_button = QPushButton(self.tr("&Add member"))
        self.add_button.setAccessibleName(self.tr("Add member"))
        self.add_button.setToolTip(self.tr("Add the person as a member (Ctrl+M goes to the box)"))
        self.add_button.clicked.connect(self.add_member)
        self.add_errors.add_row(
            form,
            self.tr("&Joining on:"),
            "joined_on",
            side_by_side(self.joining_date, self.add_button, apart=True),
        )
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addWidget(self.add_errors.general)
        return box

    def _build_selected(self) -> QGroupBox:
        self.selected_box = QGroupBox(self.tr("Selected member"))
        self.selected_box.setAccessibleName(self.tr("Selected member"))
        self.member_name = QLabel()
        self.member_name.setAccessibleName(self.tr("Selected member's name"))
        font = self.member_name.font()
        font.setBold(True)
        self.member_name.setFont(font)
        self.member_needs = NeedsFlag()
        self.member_status = QLabel()
        self.member_status.setAccessibleName(self.tr("Membership status"))
        muted(self.member_status)
        who = QHBoxLayout()
        who.addWidget(self.member_name)
        who.addWidget(self.member_needs)
        who.addStretch(1)
        who.addWidget(self.member_status)

        form = QFormLayout()
        self.date_errors = FieldErrors()
        self.joined_edit = date_edit(self.tr("Joined on"))
        self.date_errors.add_row(form, self.tr("Jo&ined on:"), "joined_on", self.joined_edit)
        self.has_left = QCheckBox(self.tr("Has &left, on"))
        self.has_left.setAccessibleName(self.tr("Has left the group"))
        self.left_edit = date_edit(self.tr("Left on"))
        self.date_errors.add_row(
            form, self.tr("Left:"), "left_on", side_by_side(self.has_left, self.left_edit)
        )

        self.update_button = QPushButton(self.tr("&Update dates"))
        self.update_button.setAccessibleName(self.tr("Update the membership dates"))
        self.update_button.clicked.connect(self.update_dates)
        self.end_button = QPushButton(self.tr("End mem&bership"))
        self.end_button.setAccessibleName(self.tr("End the membership today"))
        self.end_button.setToolTip(
            self.tr(
                "End the membership today (Ctrl+E). For another date, tick 'Has left', "
                "choose the date and update the dates."
            )
        )
        self.end_button.clicked.connect(self.end_membership)
        self.remove_button = QPushButton(self.tr("Remove (entered by mistake)"))
        self.remove_button.setAccessibleName(
            self.tr("Remove the membership: only for one entered by mistake")
        )
        self.remove_button.setToolTip(
            self.tr(
                "Only for a membership entered by mistake (Delete in the list). When someone "
                "leaves, end their membership instead."
            )
        )
        self.remove_button.clicked.connect(self.remove_membership)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.update_button)

        self.joined_edit.dateChanged.connect(self._dates_edited)
        self.left_edit.dateChanged.connect(self._dates_edited)
        self.has_left.toggled.connect(self._left_toggled)

        column = QVBoxLayout(self.selected_box)
        column.addLayout(who)
        column.addLayout(form)
        column.addWidget(self.date_errors.general)
        column.addLayout(buttons)
        return self.selected_box

    # --- what the editor uses ------------------------------------------------------------

    def set_group(self, group: Group | None) -> None:
        """Show the members of ``group`` (None: a new group not saved yet, so no members)."""
        same = group is not None and self.group is not None and group.id == self.group.id
        self.group = group
        if not same:
            self._dates_dirty = False
            self._shown = None
            self.person_picker.clear_choice()
            self.add_errors.clear()
            self.joining_date.setDate(QDate(self._services.groups.today()))
        saved = group is not None
        self.placeholder.setVisible(not saved)
        for widget in (self.table, self.summary, self.adding_box, self.selected_box):
            widget.setVisible(saved)
        self.add_member_action.setEnabled(saved)
        self.model.reload()
        if not same:
            self._fill_selected(None)

    def start_adding(self) -> None:
        """Ctrl+M: go to the "Add a person" box, ready to type a name."""
        if self.group is None or not self.person_picker.isVisible():
            return
        self.person_picker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.person_picker.selectAll()

    def selected_member(self) -> Member | None:
        return self._shown

    # --- Editing: changed dates are kept until saved or thrown away ----------------------

    def has_unsaved_changes(self) -> bool:
        return self._dates_dirty and self._shown is not None

    def save_changes(self) -> bool:
        return not self.has_unsaved_changes() or self.update_dates()

    def discard_changes(self) -> None:
        self._dates_dirty = False
        self._fill_selected(self._shown)

    def unsaved_description(self) -> str:
        if self._shown is None:
            return ""
        return self.tr("the new dates of %s's membership") % self._shown.person.display_name

    # --- changes -------------------------------------------------------------------------

    def add_member(self) -> bool:
        """Add the person in the box from the joining date; True when added."""
        group = self.group
        if group is None:
            return False
        self.add_errors.clear()
        person_id = self.person_picker.resolve()
        if person_id is None:
            self.add_errors.show(
                ValidationError(
                    self.tr(
                        "Choose the person from the suggestions: type a few letters of their "
                        "name, then pick them with the arrow keys and Enter."
                    ),
                    "person_id",
                )
            )
            return False
        joined = self.joining_date.date().toPython()
        try:
            added = self._services.groups.add_member(group.id, person_id, joined)  # type: ignore[arg-type]
            name = self._services.people.get(person_id).display_name
        except ValidationError as exc:
            self.add_errors.show(exc)
            return False
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Member not added"), str(exc))
            return False
        groups = self._services.groups
        self._push(
            ServiceCommand(
                self.tr("Add %s to %s") % (name, group.name),
                undo_call=lambda: groups.remove_membership(added.id),  # type: ignore[arg-type]
                redo_call=lambda: groups.restore_membership(added),
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        self.person_picker.clear_choice()
        self.joining_date.setDate(QDate(self._services.groups.today()))
        self._select_after_reload = added.id
        self._context.changes.changed.emit(RECORD_TYPE)
        self.person_picker.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def end_membership(self) -> bool:
        """End the selected membership today (Ctrl+E); True when done."""
        member = self._shown
        if member is None or member.membership.left_on is not None:
            return False
        self.discard_changes()
        membership = member.membership
        try:
            ended = self._services.groups.end_membership(
                membership.id,  # type: ignore[arg-type]
                self._services.groups.today(),
                membership.version,
            )
        except ValidationError as exc:
            self.date_errors.show(exc)
            return False
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Membership not ended"), str(exc))
            return False
        self._push_edit(
            self.tr("End %s's membership") % member.person.display_name, membership, ended
        )
        return True

    def update_dates(self) -> bool:
        """Save the dates in the Selected member box; True when saved."""
        member = self._shown
        if member is None:
            return False
        self.date_errors.clear()
        before = member.membership
        changed = replace(
            before,
            joined_on=self.joined_edit.date().toPython(),
            left_on=self.left_edit.date().toPython() if self.has_left.isChecked() else None,
        )
        if changed == before:
            self._dates_dirty = False
            return True
        try:
            saved = self._services.groups.update_membership(changed)
        except ValidationError as exc:
            self.date_errors.show(exc)
            return False
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Dates not changed"), str(exc))
            return False
        self._push_edit(
            self.tr("Change the dates of %s's membership") % member.person.display_name,
            before,
            saved,
        )
        return True

    def remove_membership(self) -> bool:
        """Remove the selected membership, entered by mistake (asks once; undoable)."""
        member = self._shown
        group = self.group
        if member is None or group is None:
            return False
        name = member.person.display_name
        if not prompts.ask_yes_no(
            self,
            self.tr("Remove membership"),
            self.tr(
                "Remove %s's membership of %s?\n\nDo this only when it was entered by mistake. "
                "When someone leaves, end their membership instead, so the group's history "
                "stays right.\n\nYou can undo this with Ctrl+Z."
            )
            % (name, group.name),
        ):
            return False
        membership = member.membership
        try:
            removed = self._services.groups.remove_membership(
                membership.id,  # type: ignore[arg-type]
                membership.version,
            )
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Membership not removed"), str(exc))
            return False
        groups = self._services.groups
        self._push(
            ServiceCommand(
                self.tr("Remove %s from %s") % (name, group.name),
                undo_call=lambda: groups.restore_membership(removed),
                redo_call=lambda: groups.remove_membership(removed.id),  # type: ignore[arg-type]
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        self._dates_dirty = False
        self._shown = None
        self._context.changes.changed.emit(RECORD_TYPE)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # --- inside --------------------------------------------------------------------------

    def _push(self, command: ServiceCommand) -> None:
        self._context.undo_stack.push(command)

    def _push_edit(self, text: str, before: Membership, after: Membership) -> None:
        self._push(
            EditCommand(
                text,
                save=self._services.groups.update_membership,
                fetch=self._services.groups.get_membership,
                before=before,
                after=after,
                changes=self._context.changes,
                record_type=RECORD_TYPE,
                parent_widget=self,
            )
        )
        self._dates_dirty = False
        self._select_after_reload = after.id
        self._context.changes.changed.emit(RECORD_TYPE)

    def _load(self, offset: int, limit: int) -> Page[Member]:
        if self.group is None:
            return Page(items=(), total=0)
        return self._services.groups.members_page(
            self.group.id,  # type: ignore[arg-type]
            offset=offset,
            limit=limit,
        )

    def _record_changed(self, record_type: str) -> None:
        if self.group is not None and record_type in (RECORD_TYPE, "person", "group"):
            self.model.reload()

    def _show_summary(self, total: int) -> None:
        if self.group is None:
            self.summary.clear()
            return
        try:
            counts = self._services.groups.member_standing(self.group.id)  # type: ignore[arg-type]
        except NotFoundError:
            counts = {"current": 0, "future": 0, "past": 0}
        parts = [self.tr("%d current") % counts["current"]]
        if counts["future"]:
            parts.append(self.tr("%d joining later") % counts["future"])
        if counts["past"]:
            parts.append(self.tr("%d past") % counts["past"])
        text = ", ".join(parts) if total else self.tr("No members yet")
        self.summary.setText(text)
        self.summary.setAccessibleDescription(text)

    def _reselect_after_reload(self) -> None:
        wanted = self._select_after_reload
        if wanted is None and self._shown is not None:
            wanted = self._shown.membership.id
        self._select_after_reload = None
        found = self._select_quietly(wanted)
        if found is not None and self.has_unsaved_changes():
            self._shown = found  # keep what is being typed; a save meets the version check
            return
        self._dates_dirty = False
        self._fill_selected(found)

    def _member_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        member = self.model.record(current.row()) if current.isValid() else None
        shown = self._shown
        if member is not None and shown is not None and member.membership.id == shown.membership.id:
            return
        if not may_leave(self):
            self._select_quietly(shown.membership.id if shown else None)
            return
        # Saving the dates first reloaded the list: choose the row again, freshly read.
        if member is not None:
            member = self._select_quietly(member.membership.id)
        self._dates_dirty = False
        self._fill_selected(member)

    def _select_quietly(self, membership_id: int | None) -> Member | None:
        """Select the row of a membership without the "member chosen" reaction; its member,
        or None (and no selection) when it is not in the list."""
        found: Member | None = None
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            for row in range(self.model.total if membership_id is not None else 0):
                member = self.model.record(row)
                if member is not None and member.membership.id == membership_id:
                    found = member
                    self.table.setCurrentIndex(self.model.index(row, 0))
                    self.table.selectRow(row)
                    break
            if found is None:
                self.table.clearSelection()
                self.table.setCurrentIndex(QModelIndex())
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()
        return found

    def _fill_selected(self, member: Member | None) -> None:
        self._shown = member
        self._filling = True
        try:
            self.date_errors.clear()
            today = self._services.groups.today()
            if member is None:
                self.member_name.setText(
                    self.tr("Choose a member in the list to change their dates.")
                )
                self.member_needs.show_needs(AccessNeeds(), today)
                self.member_status.clear()
                self.joined_edit.setDate(QDate(today))
                self.has_left.setChecked(False)
                self.left_edit.setDate(QDate(today))
            else:
                membership = member.membership
                self.member_name.setText(member.person.display_name)
                self.member_needs.show_needs(member.person.needs, today)
                self.member_status.setText(self.tr(STANDING_WORDS[member.standing(today)]))
                self.joined_edit.setDate(QDate(membership.joined_on))
                self.has_left.setChecked(membership.left_on is not None)
                self.left_edit.setDate(QDate(membership.left_on or today))
            self.member_name.setAccessibleDescription(self.member_name.text())
        finally:
            self._filling = False
        self._update_member_buttons()

    def _left_toggled(self, checked: bool) -> None:
        self.left_edit.setEnabled(checked)
        self._dates_edited()

    def _dates_edited(self, *_args: Any) -> None:
        if not self._filling and self._shown is not None:
            self._dates_dirty = True
        self._update_member_buttons()

    def _update_member_buttons(self) -> None:
        member = self._shown
        chosen = member is not None
        for widget in (self.joined_edit, self.has_left, self.remove_button):
            widget.setEnabled(chosen)
        self.left_edit.setEnabled(chosen and self.has_left.isChecked())
        self.update_button.setEnabled(chosen and self._dates_dirty)
        still_member = chosen and member.membership.left_on is None  # type: ignore[union-attr]
        self.end_button.setEnabled(still_member)
        self.end_membership_action.setEnabled(still_member)
