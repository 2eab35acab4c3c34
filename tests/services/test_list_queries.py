"""Every list page's chunk of rows is read in at most three queries, whatever its length, and
the action log's lines name the same owner, session and group as the records themselves
(issue 12: the action log sent 17 queries per refresh)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from coproduce.domain.records import Page
from coproduce.services import Services
from coproduce.services.actions import ActionFilter
from coproduce.services.demo import build_demo
from coproduce.services.documents import DocumentFilter
from coproduce.services.meetings import MeetingFilter
from coproduce.services.people import PersonFilter
from coproduce.store.database import Database

MOST_QUERIES = 3


@pytest.fixture
def services(database: Database) -> Services:
    build_demo(database, "small")
    return Services(database)


@contextmanager
def queries_sent(database: Database) -> Iterator[list[str]]:
    """The statements that read or write rows (not BEGIN, PRAGMA or SAVEPOINT)."""
    sent: list[str] = []

    def seen(_conn, _cursor, statement: str, *_args: object) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("SELECT", "WITH", "INSERT", "UPDATE")):
            sent.append(statement)

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)


def sessions_chunk(services: Services, offset: int, limit: int) -> Page[object]:
    # As the Sessions page loads a chunk: the sessions, then how many were present at each.
    page = services.meetings.list(MeetingFilter(), offset=offset, limit=limit)
    services.meetings.present_counts([m.id for m in page.items if m.id])
    return page  # type: ignore[return-value]


def groups_chunk(services: Services, offset: int, limit: int) -> Page[object]:
    page = services.groups.list(offset=offset, limit=limit)
    services.groups.member_counts([g.id for g in page.items if g.id])
    return page  # type: ignore[return-value]


CHUNKS: dict[str, Callable[[Services, int, int], Page[object]]] = {
    "sessions": sessions_chunk,
    "people": lambda s, o, n: s.people.list(PersonFilter(), offset=o, limit=n),  # type: ignore[dict-item]
    "groups": groups_chunk,
    "documents": lambda s, o, n: s.documents.list(DocumentFilter(), offset=o, limit=n),  # type: ignore[dict-item]
    "actions": lambda s, o, n: s.actions.entries(ActionFilter(), offset=o, limit=n),  # type: ignore[dict-item]
}


@pytest.mark.parametrize("page_key", list(CHUNKS))
def test_a_chunk_of_any_list_takes_at_most_three_queries(
    services: Services, database: Database, page_key: str
) -> None:
    chunk = CHUNKS[page_key]
    whole = chunk(services, 0, 1000)
    assert whole.total == len(whole.items) > 2
    for offset, limit in ((0, 200), (1, 2), (whole.total - 1, 200)):
        with queries_sent(database) as sent:
            page = chunk(services, offset, limit)
        assert len(sent) <= MOST_QUERIES, "\n\n".join(sent)
        # The count still counts every match, not the rows of the chunk.
        assert page.total == whole.total
        assert page.items == whole.items[offset : offset + limit]


def test_past_the_end_a_chunk_is_empty_and_still_counts_every_match(
    services: Services,
) -> None:
    everyone = services.people.list(PersonFilter(), limit=1000)
    beyond = services.people.list(PersonFilter(), offset=everyone.total + 5, limit=50)
    assert beyond.items == ()
    assert beyond.total == everyone.total
    assert services.people.list(PersonFilter(), limit=0).total == everyone.total
    assert services.people.list(PersonFilter(text="nobody has this name"), limit=50).total == 0


def test_the_action_log_names_each_actions_owner_session_and_group_as_recorded(
    services: Services,
) -> None:
    log = services.actions.entries(ActionFilter(), limit=1000)
    assert log.total == len(log.items) > 0
    assert any(entry.owner is not None and not entry.owner.needs.is_empty for entry in log.items)
    for entry in log.items:
        action = services.actions.get(entry.action.id)  # type: ignore[arg-type]
        assert entry.action == action
        session = services.meetings.get(action.meeting_id)
        assert (entry.session.id, entry.session.title, entry.session.starts_at) == (
            session.id,
            session.title,
            session.starts_at,
        )
        group = services.groups.get(session.group_id)
        assert (entry.group.id, entry.group.name) == (group.id, group.name)
        if action.owner_id is None:
            assert entry.owner is None
        else:
            owner = services.people.get(action.owner_id)
            assert entry.owner is not None
            assert (entry.owner.id, entry.owner.display_name) == (owner.id, owner.display_name)
            assert entry.owner.needs == owner.needs
