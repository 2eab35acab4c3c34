"""Issue 12: the documents read what they need in a few set-based queries, never one per
session or per contribution. Each document is gathered once for a small group and again
after more sessions, people and things said (each linked to a document, with an answer):
the number of SQL statements the gather sends stays the same. On both databases."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import event

from coproduce.domain.records import Contribution, Document, Group, Link, Meeting, Person, Response
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    ContributionKind,
    DocumentKind,
    MeetingStatus,
    ResponseStatus,
    Role,
)
from coproduce.services import Services


@contextmanager
def _statements(services: Services) -> Iterator[list[str]]:
    sent: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement)

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def _sessions(services: Services, group: Group, document: Document, first: int, count: int) -> int:
    """Add ``count`` held sessions, each with two people present who each said something
    about ``document`` that was answered; returns one of the people."""
    speaker = 0
    for n in range(first, first + count):
        session = services.meetings.create(
            Meeting(
                group_id=group.id,  # type: ignore[arg-type]
                title=f"Forum {n}",
                starts_at=datetime(2026, 1, 5, 10) + timedelta(days=7 * n),
                ends_at=datetime(2026, 1, 5, 12) + timedelta(days=7 * n),
            )
        )
        for m in range(2):
            person = services.people.create(
                Person(display_name=f"Person {n} {m}", roles=frozenset({Role.UNPAID_CARER}))
            )
            speaker = person.id  # type: ignore[assignment]
            services.meetings.mark_attendance(
                session.id, speaker, AttendanceStatus.PRESENT, is_guest=True
            )  # type: ignore[arg-type]
            said = services.contributions.add(
                Contribution(
                    meeting_id=session.id,  # type: ignore[arg-type]
                    kind=ContributionKind.IDEA,
                    text=f"Idea {n} {m}: longer opening hours.",
                    attribution=Attribution.PERSON,
                    speaker_id=speaker,
                    in_summary=True,
                )
            )
            services.contributions.link(Link(contribution_id=said.id, document_id=document.id))  # type: ignore[arg-type]
            services.contributions.respond(
                Response(
                    contribution_id=said.id,  # type: ignore[arg-type]
                    status=ResponseStatus.ALREADY_HAPPENING,
                    text="The library opens late on Thursdays.",
                    decided_on=date(2026, 6, 1),
                )
            )
        services.meetings.set_status(session.id, MeetingStatus.HELD)  # type: ignore[arg-type]
    return speaker


def test_no_document_sends_a_query_per_session_or_per_contribution(services: Services) -> None:
    group = services.groups.create(Group(name="Carers' Forum"))
    document = services.documents.create(
        Document(title="Carers' Strategy", kind=DocumentKind.STRATEGY)
    )
    speaker = _sessions(services, group, document, 0, 2)
    last = services.meetings.list().items[0]

    gathers: dict[str, Callable[[], object]] = {
        "summary": lambda: services.handouts.session_summary(last.id),  # type: ignore[arg-type]
        "minutes": lambda: services.reports.minutes(last.id),  # type: ignore[arg-type]
        "group report": lambda: services.reports.you_said_we_did(group_id=group.id),
        "easy group report": lambda: services.handouts.you_said_we_did(group_id=group.id),
        "document report": lambda: services.reports.you_said_we_did(document_id=document.id),
        "easy document report": lambda: services.handouts.you_said_we_did(document_id=document.id),
        "pack": lambda: services.handouts.person_pack(speaker),
    }

    def count() -> dict[str, int]:
        counted = {}
        for name, gather in gathers.items():
            gather()  # the glossary is seeded on first use: count the second time
            with _statements(services) as sent:
                gather()
            counted[name] = len(sent)
        return counted

    small = count()
    _sessions(services, group, document, 2, 6)
    last = services.meetings.list().items[0]
    larger = count()
    assert larger == small
    assert all(n < 40 for n in small.values()), small
