"""The People page: the register, with roles, organisation, whether active, and needs flags."""

from __future__ import annotations

from collections.abc import Sequence

from coproduce.domain.records import Page, Person
from coproduce.services.people import PersonFilter
from coproduce.ui.formats import short_date
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.pages.list_page import ListPage


class PeoplePage(ListPage):
    title = "People"
    singular = "person"
    plural = "people"
    search_hint = "Search names and organisations"
    coming_next = (
        "Coming next: open a person to record their access needs, consent and group "
        "memberships. For now this page lists everyone on the register."
    )
    widths_in_characters = (24, 34, 30, 15, 16)
    stretch_column = 2

    def columns(self) -> Sequence[Column[Person]]:
        return (
            Column("Name", lambda p: p.display_name),
            Column("Roles", _roles),
            Column("Organisation", lambda p: p.organisation),
            Column("Active", self._active),
            Column("Access needs", self._needs),
        )

    def load(self, offset: int, limit: int) -> Page[Person]:
        return self._services.people.list(
            PersonFilter(text=self.search_text), offset=offset, limit=limit
        )

    @staticmethod
    def _active(person: Person) -> str:
        if person.active:
            return "Active"
        return f"Left {short_date(person.left_on)}" if person.left_on else "Left"

    def _needs(self, person: Person) -> str:
        # Written as words, not only an icon, so a screen reader and a printout carry it too.
        if person.needs.is_empty:
            return ""
        return (
            "Yes, review due" if person.needs.review_due(self._services.people.today()) else "Yes"
        )


def _roles(person: Person) -> str:
    return ", ".join(sorted(role.label for role in person.roles))
