"""The Actions page: the action log of every session, soonest due first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QWidget

from coproduce.domain.records import Action, Page, replace
from coproduce.services.actions import ActionFilter
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import short_date
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.pages.list_page import ListPage

# What the "Show" box offers, and the filter each choice means.
SHOW_CHOICES: tuple[tuple[str, ActionFilter], ...] = (
    ("All actions", ActionFilter()),
    ("Open actions", ActionFilter(open_only=True)),
    ("Overdue actions", ActionFilter(overdue=True)),
)


@dataclass(frozen=True, slots=True)
class ActionEntry:
    """One line of the action log: the action, its owner's name and its session."""

    action: Action
    owner_name: str
    session: str
    session_date: str
    overdue: bool


class ActionsPage(ListPage):
    title = "Actions"
    singular = "action"
    plural = "actions"
    coming_next = (
        "Coming next: mark actions done, change owners and due dates, and carry open actions "
        "forward to the next session's agenda."
    )
    widths_in_characters = (50, 18, 19, 11, 32)
    stretch_column = 0

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        self.show_box = QComboBox()
        self.show_box.setAccessibleName("Show which actions")
        for label, _filter in SHOW_CHOICES:
            self.show_box.addItem(label)
        super().__init__(context, parent)
        self.show_box.currentIndexChanged.connect(lambda _index: self.model.reload())

    def filter_widgets(self) -> Sequence[QWidget]:
        return (self.show_box,)

    def is_filtered(self) -> bool:
        return self.show_box.currentIndex() > 0

    def columns(self) -> Sequence[Column[ActionEntry]]:
        return (
            Column("What", lambda e: e.action.text),
            Column("Owner", lambda e: e.owner_name),
            Column("Due", _due),
            Column("Status", lambda e: e.action.status.label),
            Column(
                "Session",
                lambda e: e.session,
                tooltip=lambda e: f"{e.session} ({e.session_date})" if e.session else "",
            ),
        )

    def load(self, offset: int, limit: int) -> Page[ActionEntry]:
        chosen = SHOW_CHOICES[max(0, self.show_box.currentIndex())][1]
        filters = replace(chosen, text=self.search_text)
        page = self._services.actions.list(filters, offset=offset, limit=limit)
        owner_ids = {a.owner_id for a in page.items if a.owner_id is not None}
        owners = {p.id: p.display_name for p in self._services.people.get_many(list(owner_ids))}
        meeting_ids = list(dict.fromkeys(a.meeting_id for a in page.items))
        sessions = {
            m.id: (m.title, short_date(m.starts_at.date()))
            for m in self._services.meetings.get_many(meeting_ids)
        }
        today = self._services.actions.today()
        return Page(
            items=tuple(
                ActionEntry(
                    action=action,
                    owner_name=owners.get(action.owner_id, "") if action.owner_id else "",
                    session=sessions.get(action.meeting_id, ("", ""))[0],
                    session_date=sessions.get(action.meeting_id, ("", ""))[1],
                    overdue=action.is_overdue(today),
                )
                for action in page.items
            ),
            total=page.total,
            offset=page.offset,
        )


def _due(entry: ActionEntry) -> str:
    due = short_date(entry.action.due_on)
    return f"{due} (overdue)" if entry.overdue else due
