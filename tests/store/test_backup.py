"""Backups that can be trusted: a damaged or empty database is never copied as if it were good.

Issue 13, finding 1: ``coproduce backup`` reported success on files with a damaged data page
(which ``check`` detects) and on a zero-byte file, writing a corrupt copy; the backup made
before an upgrade used the same path, and the error messages tell people to restore from
those copies. The damage here is what a failing disk or a crash on a network drive does: a
page of a table zeroed, or bytes of an index page flipped.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from coproduce.domain.errors import DatabaseError
from coproduce.domain.records import Person
from coproduce.services import Services
from coproduce.store import migrations
from coproduce.store.backup import copy_sqlite, list_backups
from coproduce.store.database import Database


def _page_of(path: Path, name: str) -> tuple[int, int]:
    """The page size and the root page of the table or index ``name``."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()
    finally:
        connection.close()
    return page_size, root


def damage(path: Path, how: str) -> None:
    """Damage one data page of the database at ``path`` (closed, with no -wal)."""
    if how == "zeroed page":
        page_size, root = _page_of(path, "people")
        with path.open("r+b") as handle:
            handle.seek((root - 1) * page_size)
            handle.write(b"\x00" * page_size)
    else:  # flipped bytes at the end of an index page, where its cells are
        page_size, root = _page_of(path, "ix_audit_events_at")
        with path.open("r+b") as handle:
            handle.seek(root * page_size - 60)
            data = handle.read(60)
            handle.seek(root * page_size - 60)
            handle.write(bytes(byte ^ 0xFF for byte in data))


DAMAGE = ["zeroed page", "flipped bytes"]


def _closed_copy_with_people(tmp_path: Path, sqlite_template: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copyfile(sqlite_template, path)
    database = Database.open(f"sqlite:///{path}")
    try:
        services = Services(database, actor="Test Facilitator")
        for display_name in ("Sam Okafor", "Ada Mensah"):
            services.people.create(Person(display_name=display_name))
    finally:
        database.close()
    return path


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_database_is_not_copied(tmp_path: Path, sqlite_template: Path, how: str) -> None:
    source = _closed_copy_with_people(tmp_path, sqlite_template, "forum.sqlite3")
    damage(source, how)
    before = _hash(source)
    destination = tmp_path / "usb" / "backup.sqlite3"

    with pytest.raises(DatabaseError) as refused:
        copy_sqlite(source, destination)

    message = str(refused.value)
    assert f"The database {source} is damaged" in message
    assert "did not copy it" in message and "coproduce check" in message
    assert not destination.exists()
    assert not destination.parent.exists() or not any(destination.parent.iterdir())
    assert _hash(source) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forum.sqlite3"]


def test_an_empty_file_is_not_copied(tmp_path: Path) -> None:
    source = tmp_path / "forum.sqlite3"
    source.touch()
    destination = tmp_path / "backup.sqlite3"

    with pytest.raises(DatabaseError, match="is empty: it holds no Coproduce data"):
        copy_sqlite(source, destination)

    assert not destination.exists()
    assert source.stat().st_size == 0


def test_a_good_copy_is_checked_whole_single_file_and_at_the_same_revision(
    tmp_path: Path, sqlite_template: Path
) -> None:
    source = _closed_copy_with_people(tmp_path, sqlite_template, "forum.sqlite3")

    made = copy_sqlite(source, tmp_path / "copy.sqlite3")

    copy = sqlite3.connect(f"{made.as_uri()}?mode=ro", uri=True)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrations.head_revision(),
        )
        assert sorted(copy.execute("SELECT display_name FROM people")) == [
            ("Ada Mensah",),
            ("Sam Okafor",),
        ]
    finally:
        copy.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite3", "forum.sqlite3"]


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_older_database_is_not_upgraded_and_nothing_changes(
    tmp_path: Path, how: str
) -> None:
    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    with engine.begin() as connection:
        migrations.upgrade(connection, "0001")
        for number in range(40):
            connection.execute(
                text(
                    "INSERT INTO people (display_name, organisation, email, phone,"
                    " postal_address, contact_notes, information_notes,"
                    " communication_support_notes, communication_professional_notes,"
                    " meeting_access_notes, payment_preference, active, version)"
                    " VALUES (:n, '', '', '', '', '', '', '', '', '', 'not_set', true, 1)"
                ),
                {"n": f"Person {number}"},
            )
        connection.execute(
            text(
                "INSERT INTO audit_events (at, actor, action, record_type, record_id)"
                " VALUES ('2026-01-01 10:00:00', 'x', 'created', 'person', 1)"
            )
        )
    engine.dispose()
    damage(path, how)
    before = _hash(path)
    backups = tmp_path / "backups"

    with pytest.raises(DatabaseError) as refused:
        Database.open(url, backups_dir=backups)

    message = str(refused.value)
    assert "did not upgrade the database, and did not change it" in message
    assert f"The database {path} is damaged" in message
    assert _hash(path) == before
    assert list_backups(backups, "old") == []
    assert not backups.exists() or not any(backups.iterdir())


def test_a_database_in_use_is_copied_with_what_is_still_in_its_wal_file(
    tmp_path: Path, sqlite_template: Path
) -> None:
    source = _closed_copy_with_people(tmp_path, sqlite_template, "forum.sqlite3")
    # The window has it open: a committed change still in the -wal, not yet in the file.
    window = sqlite3.connect(source)
    try:
        window.execute("PRAGMA wal_autocheckpoint = 0")
        window.execute("UPDATE people SET display_name = 'Sam Okafor-Reid' WHERE id = 1")
        window.commit()
        main_file = _hash(source)

        made = copy_sqlite(source, tmp_path / "copy.sqlite3")

        assert _hash(source) == main_file, "the reader never writes the main file"
        assert Path(f"{source}-wal").exists(), "nor removes the -wal the window is using"
    finally:
        window.close()
    with sqlite3.connect(made) as copy:
        assert sorted(copy.execute("SELECT display_name FROM people")) == [
            ("Ada Mensah",),
            ("Sam Okafor-Reid",),
        ]
