"""The groups a person belongs to, or belonged to, with the dates they joined and left.

Read-only here: joining and leaving a group is done on the Groups page, where the group's
whole membership is in view. The list follows changes made there (or undone) at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coproduce.domain.errors import CoproduceError, NotFoundError
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import Membership, Person
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import short_date
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.people.fields import SmallList
from coproduce.ui.widgets.text import muted

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class MembershipEntry:
    """One row: a membership and the name of its group."""

    membership: Membership
    group_name: str
    current: bool


def _left(entry: MembershipEntry) -> str:
    left = entry.membership.left_on
    if left is None:
        return "Still a member"
    return short_date(left)


COLUMNS: tuple[Column[MembershipEntry], ...] = (
    Column("Group", lambda e: e.group_name),
    Column("Joined", lambda e: short_date(e.membership.joined_on)),
    Column("Left", _left),
)


class MembershipsView(QWidget):
    """The person's memberships, current ones first, each by the date they joined."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = context.services
        self._person: Person | None = None
        self.setAccessibleName(self.tr("Group memberships"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Group memberships in short"))
        self.list = SmallList(
            COLUMNS,
            self.tr("Groups this person belongs or belonged to"),
            widths_in_characters=(30, 12, 14),
            stretch_column=0,
            visible_rows=4,
        )
        note = QLabel(
            self.tr(
                "To add this person to a group, or to record that they left one, use the "
                "Groups page."
            )
        )
        note.setWordWrap(True)
        muted(note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list.table, 1)
        layout.addWidget(note)
        context.changes.changed.connect(self._record_changed)

    @property
    def entries(self) -> tuple[MembershipEntry, ...]:
        return self.list.rows

    def show_person(self, person: Person | None) -> None:
        self._person = person
        self.reload()

    def reload(self) -> None:
        person = self._person
        if person is None or person.id is None:
            self.list.show_rows(())
            self.summary.setText(self.tr("Not in any group yet."))
            return
        try:
            entries = self._entries(person.id)
        except CoproduceError as exc:
            log.warning(
                "Could not read the memberships of person %s: %s", person.id, describe_error(exc)
            )
            entries = []
        self.list.show_rows(entries)
        current = [e.group_name for e in entries if e.current]
        if not entries:
            self.summary.setText(self.tr("Not in any group yet."))
        elif current:
            self.summary.setText(self.tr("Member of %s.") % ", ".join(current))
        else:
            self.summary.setText(self.tr("No longer a member of any group."))

    def _entries(self, person_id: int) -> list[MembershipEntry]:
        today: date = self._services.groups.today()
        memberships = self._services.groups.memberships_of(person_id)
        names: dict[int, str] = {}
        for group_id in dict.fromkeys(m.group_id for m in memberships):
            try:
                names[group_id] = self._services.groups.get(group_id).name
            except NotFoundError:
                continue  # deleted a moment ago by someone else: gone at the next reload
        entries = [
            MembershipEntry(m, names[m.group_id], m.is_current(today))
            for m in memberships
            if m.group_id in names
        ]
        entries.sort(key=lambda e: (not e.current, e.membership.joined_on))
        return entries

    def _record_changed(self, record_type: str) -> None:
        if record_type in ("membership", "group", "person"):
            self.reload()
