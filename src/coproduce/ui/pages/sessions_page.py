"""The Sessions page: every session of every group, newest first, with who was there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from coproduce.domain.records import Meeting, Page
from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services.meetings import MeetingFilter
from coproduce.ui.context import WindowContext
from coproduce.ui.formats import session_time
from coproduce.ui.models.record_table_model import Column
from coproduce.ui.pages.list_page import ListPage


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """One line of the sessions list: the session and the facts shown beside it."""

    meeting: Meeting
    group_name: str
    present: int


class SessionsPage(ListPage):
    title = "Sessions"
    singular = "session"
    plural = "sessions"
    search_hint = "Search session titles"
    coming_next = (
        "Coming next: open a session to plan its agenda, take the register and capture what "
        "people say. For now this page lists the sessions on record."
    )
    widths_in_characters = (24, 40, 30, 14, 8)
    stretch_column = 1

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        self._group_names: dict[int, str] = {}
        super().__init__(context, parent)

    def columns(self) -> Sequence[Column[SessionEntry]]:
        return (
            Column("Date", lambda e: session_time(e.meeting.starts_at)),
            Column("Title", lambda e: e.meeting.title),
            Column("Group", lambda e: e.group_name),
            Column("Status", lambda e: e.meeting.status.label),
            Column("Present", _present, align_right=True),
        )

    def prepare(self) -> None:
        # Councils run a handful of groups: one query per reload serves every row.
        groups = self._services.groups.list().items
        self._group_names = {g.id: g.name for g in groups if g.id is not None}

    def load(self, offset: int, limit: int) -> Page[SessionEntry]:
        page = self._services.meetings.list(
            MeetingFilter(text=self.search_text), offset=offset, limit=limit
        )
        present = self._services.meetings.present_counts([m.id for m in page.items if m.id])
        return Page(
            items=tuple(
                SessionEntry(
                    meeting=meeting,
                    group_name=self._group_names.get(meeting.group_id, ""),
                    present=present.get(meeting.id or 0, 0),
                )
                for meeting in page.items
            ),
            total=page.total,
            offset=page.offset,
        )


def _present(entry: SessionEntry) -> str:
    # A session still to come has nobody present yet; a 0 there would read as "nobody came".
    if entry.present == 0 and entry.meeting.status is MeetingStatus.PLANNED:
        return ""
    return str(entry.present)
