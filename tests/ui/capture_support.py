"""What the meeting-mode tests share: a session ready to run, with one agenda item."""

from __future__ import annotations

from datetime import datetime, timedelta

from coproduce.domain.records import AgendaItem, Group, Meeting
from coproduce.services import Services


def march_forum(services: Services) -> int:
    """A new group's March forum with the agenda item "Transport"; returns the session's id."""
    group = services.groups.create(Group(name="Carers' Forum"))
    starts = datetime(2026, 3, 12, 10)
    session = services.meetings.create(
        Meeting(
            group_id=group.id,  # type: ignore[arg-type]
            title="March forum",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
        )
    )
    assert session.id is not None
    services.meetings.add_agenda_item(AgendaItem(meeting_id=session.id, title="Transport"))
    return session.id
