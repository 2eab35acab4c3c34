"""The People page: the register, searched, filtered and sorted in the database, with the
person editor beside it.

Filters: role, group (current members), active / left / everyone, and "needs review due"
(needs on record but not checked with the person for a year). Name and Organisation sort
by a click on their headings. Deleting asks once, is refused with the reason for anyone who
has taken part (mark them as left instead), and can be undone: the services hand back what
was deleted (the person, their consent history and memberships) and put it back under the
same ids.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import Page, Person
from coproduce.domain.vocabulary import Role
from coproduce.services.people import PersonFilter
from coproduce.ui import prompts
from coproduce.ui.commands import ServiceCommand
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import short_date
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.pages.list_page import ListPage
from coproduce.ui.people.editor import PersonEditor
from coproduce.ui.widgets.needs_flag import needs_summary
from coproduce.ui.widgets.text import caption_for

log = logging.getLogger(__name__)

# What the "Show" box offers: the ``active`` filter each choice means.
SHOW_CHOICES: tuple[tuple[str, bool | None], ...] = (
    ("Everyone", None),
    ("Active people", True),
    ("People who left", False),
)


class PeoplePage(ListPage):
    title = "People"
    singular = "person"
    plural = "people"
    search_hint = "Search names and organisations"
    widths_in_characters = (20, 26, 22, 11, 20)
    stretch_column = 4
    record_types = ("person", "membership", "group")

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        self._today: date = context.services.people.today()
        # The filters exist before the list is built: ListPage lays them out as it builds.
        self.role_box = QComboBox()
        self.group_box = QComboBox()
        self.show_box = QComboBox()
        self.review_box = QCheckBox()
        super().__init__(context, parent)
        self._set_up_filters()
        # The list and the editor share the width about evenly; either can be dragged wider.
        self.splitter.setSizes([1000, 900])
        scroller = self.splitter.widget(1)
        scroller.setAccessibleName(self.tr("The person's record"))
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes on to the editor's fields
        for combo in (self.role_box, self.group_box, self.show_box):
            combo.currentIndexChanged.connect(lambda _index: self.model.reload())
        self.review_box.toggled.connect(lambda _checked: self.model.reload())
        context.changes.changed.connect(self._groups_may_have_changed)

    def _set_up_filters(self) -> None:
        for combo in (self.role_box, self.group_box):
            # As wide as a short name, not the longest: the search box keeps its room.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.role_box.setAccessibleName(self.tr("Show people with the role"))
        self.role_box.setToolTip(self.tr("Show people with this role"))
        self.role_box.addItem(self.tr("All roles"), None)
        for role in Role:
            self.role_box.addItem(role.label, role.value)
        self.group_box.setAccessibleName(self.tr("Show current members of the group"))
        self.group_box.setToolTip(self.tr("Show the current members of this group"))
        self._fill_groups()
        self.show_box.setAccessibleName(self.tr("Show active people, people who left, or everyone"))
        for label, _active in SHOW_CHOICES:
            self.show_box.addItem(self.tr(label))
        self.review_box.setText(self.tr("Needs revie&w due"))
        self.review_box.setAccessibleName(
            self.tr("Only people whose access needs are due for review")
        )
        self.review_box.setToolTip(
            self.tr("Only people with access needs not checked with them in the last year")
        )

    # --- ListPage ------------------------------------------------------------------------

    def filter_widgets(self) -> Sequence[QWidget]:
        return (
            caption_for(self.tr("Role:"), self.role_box),
            self.role_box,
            caption_for(self.tr("Group:"), self.group_box),
            self.group_box,
            caption_for(self.tr("Show:"), self.show_box),
            self.show_box,
            self.review_box,
        )

    def is_filtered(self) -> bool:
        return (
            self.role_box.currentIndex() > 0
            or self.group_box.currentIndex() > 0
            or self.show_box.currentIndex() > 0
            or self.review_box.isChecked()
        )

    def columns(self) -> Sequence[Column[Person]]:
        # Access needs come right after the name: what a facilitator must not miss.
        return (
            Column("Name", lambda p: p.display_name, sort_key="name"),
            Column(
                "Access needs",
                self._needs,
                tooltip=lambda p: needs_summary(p.needs, self._today) or "No needs recorded",
            ),
            Column("Roles", _roles),
            Column("Active", _active),
            Column("Organisation", lambda p: p.organisation, sort_key="organisation"),
        )

    def filters(self) -> PersonFilter:
        """The search, filters and sort chosen now."""
        order = self.model.order
        role_code = self.role_box.currentData()
        return PersonFilter(
            text=self.search_text,
            role=None if role_code is None else Role(role_code),
            group_id=self.group_box.currentData(),
            active=SHOW_CHOICES[max(0, self.show_box.currentIndex())][1],
            needs_review_due=self.review_box.isChecked(),
            order=order.key if order else "name",
            descending=order.descending if order else False,
        )

    def load(self, offset: int, limit: int) -> Page[Person]:
        return self._services.people.list(self.filters(), offset=offset, limit=limit)

    def prepare(self) -> None:
        self._today = self._services.people.today()

    def make_editor(self) -> PersonEditor:
        return PersonEditor(self._context)

    def nothing_recorded(self) -> bool:
        return self._services.people.list(PersonFilter(), limit=0).total == 0

    def empty_hint(self) -> str:
        return self.tr(
            "Nobody is on the register yet. Add the first person: New person (Ctrl+N). "
            "Then make them a member of a group: Groups, Ctrl+3."
        )

    def delete_record(self, record: Person) -> bool:
        people = self._services.people
        assert record.id is not None
        person_id = record.id
        try:
            reason = people.why_not_deletable(person_id)
            consents = len(people.consent_history(person_id))
            memberships = len(self._services.groups.memberships_of(person_id))
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            return False
        if reason:
            prompts.show_error(self, self.tr("Cannot delete %s") % record.display_name, reason)
            return False
        consequence = self.tr(
            "Their access needs, %d consent decision(s) and %d group membership(s) go with them."
        ) % (consents, memberships)
        if not self.confirm_delete(record.display_name, consequence):
            return False
        try:
            deleted = people.delete(person_id, record.version)
        except CoproduceError as exc:
            prompts.show_error(self, self.tr("Not deleted"), str(exc))
            return False
        # Redo deletes again and keeps what it deleted then, for the next undo.
        latest = [deleted]

        def undo() -> None:
            people.restore(latest[0])

        def redo() -> None:
            latest[0] = people.delete(person_id)

        self._context.undo_stack.push(
            ServiceCommand(
                self.tr("Delete %s") % record.display_name,
                undo_call=undo,
                redo_call=redo,
                changes=self._context.changes,
                record_type="person",
                parent_widget=self,
            )
        )
        self._context.changes.changed.emit("person")
        return True

    # --- inside --------------------------------------------------------------------------

    def _needs(self, person: Person) -> str:
        # Words, not only a colour: a screen reader and a printout carry them too.
        return needs_summary(person.needs, self._today)

    def _fill_groups(self) -> None:
        chosen = self.group_box.currentData()
        try:
            groups = self._services.groups.list().items
        except CoproduceError as exc:
            log.warning("Could not list the groups for the people filter: %s", describe_error(exc))
            groups = ()
        self.group_box.blockSignals(True)
        try:
            self.group_box.clear()
            self.group_box.addItem(self.tr("All groups"), None)
            for group in groups:
                label = group.name if group.active else self.tr("%s (archived)") % group.name
                self.group_box.addItem(label, group.id)
            self.group_box.setCurrentIndex(max(0, self.group_box.findData(chosen)))
        finally:
            self.group_box.blockSignals(False)

    def _groups_may_have_changed(self, record_type: str) -> None:
        if record_type == "group":
            before = self.group_box.currentData()
            self._fill_groups()
            if self.group_box.currentData() != before:  # the chosen group went away
                self.model.reload()


def _roles(person: Person) -> str:
    return ", ".join(sorted(role.label for role in person.roles))


def _active(person: Person) -> str:
    if person.active:
        return "Active"
    return f"Left {short_date(person.left_on)}" if person.left_on else "Left"
