"""What the easy-read summary of a session would print in "What you told us", for the tests
that choose contributions for it from the window."""

from __future__ import annotations

from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services import Services


def chosen_for_summary(services: Services, meeting_id: int) -> list[str]:
    """The words of the contributions chosen for the session's summary, in order. A session
    still marked planned is marked held first: only a held session has a summary."""
    if services.meetings.get(meeting_id).status is MeetingStatus.PLANNED:
        services.meetings.set_status(meeting_id, MeetingStatus.HELD)
    content = services.handouts.session_summary(meeting_id)
    told = next(s for s in content.sections if s.heading == "What you told us")
    return [entry.rows[0].words[0].text for entry in told.entries if entry.chosen]
