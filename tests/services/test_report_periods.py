""" "You said, we did" reports take only what happened inside their period: nothing typed
for a session still to come is reported as said, whatever end date is asked for."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.records import Contribution, Document, Group, Link, Meeting, Response
from coproduce.domain.vocabulary import Attribution, ResponseStatus
from coproduce.services import Services

TODAY = date(2026, 12, 7)


@pytest.fixture
def council(services: Services) -> tuple[Services, Group, Document]:
    """A group with a session last month and one next month, both with something said
    about the carers strategy (next month's typed in advance and already answered)."""
    s = Services(services.database, actor="Test Facilitator", today=lambda: TODAY)
    group = s.groups.create(Group(name="Carers' forum"))
    strategy = s.documents.create(Document(title="Carers strategy"))
    for title, day in (
        ("November session", date(2026, 11, 9)),
        ("January session", date(2027, 1, 11)),
    ):
        starts = datetime.combine(day, datetime.min.time()).replace(hour=10)
        meeting = s.meetings.create(
            Meeting(
                group_id=group.id,
                title=title,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
        )
        said = s.contributions.add(
            Contribution(
                meeting_id=meeting.id,
                text=f"An idea for the {title}",
                attribution=Attribution.WHOLE_GROUP,
                captured_at=datetime.combine(min(day, TODAY), datetime.min.time()),
            )
        )
        s.contributions.link(Link(contribution_id=said.id, document_id=strategy.id))
        s.contributions.respond(
            Response(
                contribution_id=said.id, status=ResponseStatus.ALREADY_HAPPENING, decided_on=TODAY
            )
        )
    return s, group, strategy


@pytest.mark.parametrize("date_to", [None, TODAY, date(2027, 3, 31)])
def test_a_report_leaves_out_a_session_still_to_come(
    council: tuple[Services, Group, Document], date_to: date | None
) -> None:
    s, group, strategy = council

    by_group = s.reports.you_said_we_did(group_id=group.id, date_to=date_to)
    by_document = s.reports.you_said_we_did(document_id=strategy.id, date_to=date_to)

    for report in (by_group, by_document):
        assert [item.said for item in report.items] == ["An idea for the November session"]


def test_once_the_session_has_happened_the_report_has_it(
    council: tuple[Services, Group, Document],
) -> None:
    s, group, _strategy = council
    later = Services(s.database, actor="Test Facilitator", today=lambda: date(2027, 1, 11))

    report = later.reports.you_said_we_did(group_id=group.id)

    assert [item.said for item in report.items] == [
        "An idea for the November session",
        "An idea for the January session",
    ]
