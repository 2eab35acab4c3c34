"""Deleted and replaced words leave the database file itself, not only the search results: a
person's words must not be recoverable from the file's bytes (SQLite's search index kept
them in its segments, even after VACUUM)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from coproduce.domain.records import Contribution, Document, Group, Meeting, Person, replace
from coproduce.services import Services
from coproduce.store.database import Database

STARTS = datetime(2026, 3, 10, 10, 0)
# Each starts with a letter no other indexed word here starts with: FTS5 stores a term after
# the letters it shares with the term before it, so a shared first letter would hide the word
# from a byte search even while it is there.
DELETED = b"ravenscar"
REPLACED = b"quillfeather"
KEPT = b"lighthouse"


def file_bytes(path: Path) -> bytes:
    """The database as a person copying it would get it (with any WAL beside it)."""
    return b"".join(
        candidate.read_bytes()
        for candidate in (path, path.with_name(path.name + "-wal"))
        if candidate.exists()
    )


def test_deleted_and_edited_words_are_gone_from_the_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "forgets.sqlite3"
    database = Database.open(f"sqlite:///{path}")
    services = Services(database)
    group = services.groups.create(Group(name="Forum"))
    meeting = services.meetings.create(
        Meeting(group_id=group.id, title="March", starts_at=STARTS, ends_at=STARTS + timedelta(1))
    )
    deleted = services.contributions.add(
        Contribution(meeting_id=meeting.id, text=f"{DELETED.decode()} sectioning")
    )
    edited = services.contributions.add(
        Contribution(meeting_id=meeting.id, text=f"{REPLACED.decode()} wept")
    )
    kept = services.contributions.add(
        Contribution(meeting_id=meeting.id, text=f"{KEPT.decode()} bus")
    )
    for number in range(20):  # rows after it on the same pages
        services.contributions.add(Contribution(meeting_id=meeting.id, text=f"bus {number}"))
    document = services.documents.create(Document(title="Draft", summary="jabberwock plans"))
    database.close()
    before = file_bytes(path)
    assert DELETED in before and REPLACED in before and b"jabberwock" in before

    database = Database.open(f"sqlite:///{path}")
    services = Services(database)
    services.contributions.delete(deleted.id)
    services.contributions.update(replace(services.contributions.get(edited.id), text="buses"))
    services.documents.update(replace(services.documents.get(document.id), summary="plans"))
    assert services.search.search("ravenscar") == []
    assert services.search.search("quillfeather") == []
    assert [r.record_id for r in services.search.search("lighthouse")] == [kept.id]
    assert [r.record_id for r in services.search.search("buses")] == [edited.id]
    database.close()

    after = file_bytes(path)
    assert KEPT in after, "the words still there are found in the bytes"
    for gone in (DELETED, b"sectioning", REPLACED, b"wept", b"jabberwock"):
        assert gone not in after, gone


def test_deleted_and_edited_words_are_no_longer_found_on_either_database(
    services: Services,
) -> None:
    group = services.groups.create(Group(name="Forum"))
    meeting = services.meetings.create(
        Meeting(group_id=group.id, title="March", starts_at=STARTS, ends_at=STARTS + timedelta(1))
    )
    deleted = services.contributions.add(Contribution(meeting_id=meeting.id, text="ravenscar"))
    edited = services.contributions.add(Contribution(meeting_id=meeting.id, text="quillfeather"))
    services.contributions.delete(deleted.id)
    services.contributions.update(replace(services.contributions.get(edited.id), text="buses"))

    assert services.search.search("ravenscar") == []
    assert services.search.search("quillfeather") == []
    assert [r.record_id for r in services.search.search("buses")] == [edited.id]


def test_a_deleted_persons_details_are_gone_from_the_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "erased.sqlite3"
    database = Database.open(f"sqlite:///{path}")
    services = Services(database)
    erased = services.people.create(
        Person(display_name="Ravenscar Quill", postal_address="14 School Run Lane")
    )
    for number in range(20):
        services.people.create(Person(display_name=f"Person {number}"))
    services.people.delete(erased.id)
    database.close()

    after = file_bytes(path)
    assert b"Person 19" in after
    for gone in (b"Ravenscar", b"School Run"):
        assert gone not in after, gone
