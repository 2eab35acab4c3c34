"""Fixtures for the command-line tests: run ``coproduce`` in-process, and a small register of
real records made through the services."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from cli_support import Coproduce, Outcome, Register

from coproduce.cli import main
from coproduce.domain.records import AccessNeeds, Document, Group, Meeting, Person
from coproduce.domain.vocabulary import (
    Cadence,
    DocumentKind,
    GroupKind,
    LadderRung,
    MeetingAccessNeed,
    Role,
)
from coproduce.services import Services


@pytest.fixture
def coproduce(capsys: pytest.CaptureFixture[str]) -> Coproduce:
    """Run the command line in this process, as ``coproduce ARGS...`` would."""

    def run(*argv: str) -> Outcome:
        capsys.readouterr()
        status = main(list(argv))
        captured = capsys.readouterr()
        return Outcome(status, captured.out, captured.err)

    return run


@pytest.fixture
def register(services: Services) -> Register:
    group = services.groups.create(
        Group(name="Carers' Forum", kind=GroupKind.CARERS_FORUM, cadence=Cadence.MONTHLY)
    )
    sam = services.people.create(
        Person(
            display_name="Sam Okafor",
            roles=frozenset({Role.UNPAID_CARER, Role.EXPERT_BY_EXPERIENCE}),
            organisation="Carers Together",
            email="sam.okafor@example.org",
            phone="07700 900123",
            postal_address="1 High Street, Anytown",
            needs=AccessNeeds(
                meeting_access=frozenset({MeetingAccessNeed.STEP_FREE}),
                meeting_access_notes="Uses a wheelchair; needs the lift key.",
            ),
        )
    )
    ada = services.people.create(
        Person(display_name="Ada Mensah", roles=frozenset({Role.FACILITATOR}))
    )
    session = services.meetings.create(
        Meeting(
            group_id=group.id,  # type: ignore[arg-type]
            title="Short breaks for carers",
            starts_at=datetime(2026, 3, 12, 10, 0),
            ends_at=datetime(2026, 3, 12, 12, 0),
            place="Town Hall, Room 2",
        )
    )
    document = services.documents.create(
        Document(
            title="Carers' strategy 2026 to 2030",
            kind=DocumentKind.STRATEGY,
            owner="Head of Carers' Services",
            review_on=date(2027, 1, 31),
            planned_rung=LadderRung.CO_PRODUCTION,
        )
    )
    return Register(group, sam, ada, session, document)
