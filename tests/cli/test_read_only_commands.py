"""Commands that only read (``check``, ``list``, ``backup``, ``export``) never change a file.

Issue 13, findings 7 and 8: a zero-byte file was turned into a database, an existing database
was chmodded and switched to WAL, ``backup`` left empty ``-wal``/``-shm`` files behind, a
newer database's ``-shm`` was rewritten, an empty database was called "older", and a
read-only file (a mounted backup) could not be read at all. Each test compares the bytes,
mode and time of every file beside the database before and after, or reads a really
read-only copy: a read-only mount when the tests run as root (who may write any file whatever
its mode), the file and folder modes otherwise.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from cli_support import Coproduce

from coproduce.domain.records import Group, Meeting, Person
from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services import Services
from coproduce.store.database import Database

Snapshot = dict[str, tuple[str, int, int]]


def _snapshot(folder: Path) -> Snapshot:
    """Every file in ``folder``: its content hash, mode and modification time."""
    found = {}
    for path in sorted(folder.iterdir()):
        status = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        found[path.name] = (digest, status.st_mode, status.st_mtime_ns)
    return found


@pytest.fixture
def shared_file(tmp_path: Path, sqlite_template: Path) -> tuple[Path, int]:
    """A colleague's database with a session in it, readable by others (0644): alone in its
    folder, closed cleanly, as it would be on a shared drive. Returns it and its session id."""
    folder = tmp_path / "shared drive"
    folder.mkdir()
    path = folder / "forum.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = Database.open(f"sqlite:///{path}")
    try:
        services = Services(database, actor="Test Facilitator")
        group = services.groups.create(Group(name="Carers' Forum"))
        services.people.create(Person(display_name="Sam Okafor"))
        session = services.meetings.create(
            Meeting(
                group_id=group.id,  # type: ignore[arg-type]
                title="Short breaks",
                starts_at=datetime(2026, 3, 12, 10, 0),
                ends_at=datetime(2026, 3, 12, 12, 0),
            )
        )
        services.meetings.set_status(session.id, MeetingStatus.HELD)  # type: ignore[arg-type]
    finally:
        database.close()
    path.chmod(0o644)
    return path, session.id  # type: ignore[return-value]


def _reading_commands(path: Path, session: int, out: Path) -> dict[str, list[str]]:
    db = str(path)
    return {
        "check": ["check", "--db", db],
        "list": ["list", "people", "--db", db, "--format", "json"],
        "backup": ["backup", "--db", db, "--to", str(out / "copy.sqlite3")],
        "export table": ["export", "table", "sessions", "-o", str(out / "s.csv"), "--db", db],
        "export minutes": [
            "export", "minutes", "--session", str(session), "-o", str(out / "m.docx"), "--db", db
        ],
        "export easy-read": [
            "export", "easy-read", "--session", str(session), "-o", str(out / "e.docx"), "--db", db
        ],
    }  # fmt: skip


COMMANDS = [
    "check", "list", "backup", "export table", "export minutes", "export easy-read"
]  # fmt: skip


READING = ["check", "list", "backup"]
EXPORTS = ["export table", "export minutes", "export easy-read"]


@pytest.mark.parametrize("command", READING)
def test_a_reading_command_leaves_the_database_and_its_folder_exactly_as_they_were(
    coproduce: Coproduce, shared_file: tuple[Path, int], tmp_path: Path, command: str
) -> None:
    path, session = shared_file
    (tmp_path / "out").mkdir()
    before = _snapshot(path.parent)

    result = coproduce(*_reading_commands(path, session, tmp_path / "out")[command])

    assert result.status == 0, result.err
    assert _snapshot(path.parent) == before, "no byte, mode, time or side file changed"
    assert path.stat().st_mode & 0o777 == 0o644, "not chmodded"
    assert path.read_bytes()[18:20] == b"\x02\x02", "still a WAL database, as it was"


def _everything_but_the_audit(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"
            )
            if name != "audit_events"
        ]
        return {t: connection.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}


def _exports_audited(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        return connection.execute(
            "SELECT action, record_type FROM audit_events WHERE action = 'exported'"
        ).fetchall()


@pytest.mark.parametrize("command", EXPORTS)
def test_an_export_adds_its_audit_event_and_changes_nothing_else(
    coproduce: Coproduce, shared_file: tuple[Path, int], tmp_path: Path, command: str
) -> None:
    # Exporting personal data is audited (finding 12), so an export writes one event; it
    # still never chmods, switches the journal or leaves a side file (finding 7).
    path, session = shared_file
    (tmp_path / "out").mkdir()
    data_before = _everything_but_the_audit(path)
    files_before = sorted(p.name for p in path.parent.iterdir())

    result = coproduce(*_reading_commands(path, session, tmp_path / "out")[command])

    assert result.status == 0, result.err
    assert "not be recorded" not in result.out + result.err
    assert _exports_audited(path) == [("exported", "database" if "table" in command else "meeting")]
    assert _everything_but_the_audit(path) == data_before
    assert sorted(p.name for p in path.parent.iterdir()) == files_before, "no side file left"
    assert path.stat().st_mode & 0o777 == 0o644, "not chmodded"
    assert path.read_bytes()[18:20] == b"\x02\x02", "still a WAL database, as it was"


@pytest.mark.parametrize("command", COMMANDS)
def test_an_empty_file_is_called_empty_and_stays_empty(
    coproduce: Coproduce, tmp_path: Path, command: str
) -> None:
    folder = tmp_path / "typed"
    folder.mkdir()
    empty = folder / "coproduce.sqlite3"
    empty.touch()
    (tmp_path / "out").mkdir()

    result = coproduce(*_reading_commands(empty, 1, tmp_path / "out")[command])

    assert result.status == 1
    assert f"{empty} is empty: it holds no Coproduce data" in result.err
    assert "older" not in result.err
    assert [p.name for p in folder.iterdir()] == ["coproduce.sqlite3"]
    assert empty.stat().st_size == 0
    assert not any((tmp_path / "out").iterdir()), "nothing was written"


@pytest.mark.postgres
@pytest.mark.parametrize("command", ["check", "list"])
def test_an_empty_postgresql_database_is_called_empty_not_older(
    coproduce: Coproduce, postgres_templates: Any, request: pytest.FixtureRequest, command: str
) -> None:
    name = postgres_templates.create(empty=True)
    request.addfinalizer(lambda: postgres_templates.drop(name))
    url = postgres_templates.url_for(name)

    result = coproduce(*{"check": ["check"], "list": ["list", "people"]}[command], "--db", url)

    assert result.status == 1
    assert "is empty: it holds no Coproduce data" in result.err
    assert "older" not in result.err and "a copy is made first" not in result.err
    from sqlalchemy import create_engine, inspect

    engine = create_engine(url)
    try:
        assert inspect(engine).get_table_names() == [], "nothing was created on the server"
    finally:
        engine.dispose()


def test_checking_a_newer_database_left_by_a_crash_touches_none_of_its_files(
    coproduce: Coproduce, shared_file: tuple[Path, int], tmp_path: Path
) -> None:
    path, _session = shared_file
    # A newer Coproduce wrote to it and stopped without closing: -wal and -shm are left.
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE alembic_version SET version_num = '9999'")
    writer.commit()
    writer.execute("PRAGMA wal_checkpoint(PASSIVE)")
    writer.execute("UPDATE people SET display_name = display_name")
    writer.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{path}{suffix}", crashed / f"forum.sqlite3{suffix}")
    writer.close()
    before = _snapshot(crashed)
    assert set(before) == {"forum.sqlite3", "forum.sqlite3-wal", "forum.sqlite3-shm"}

    result = coproduce("check", "--db", str(crashed / "forum.sqlite3"))

    assert result.status == 1
    assert "newer version of Coproduce" in result.err and "has not been changed" in result.err
    assert _snapshot(crashed) == before


@pytest.fixture
def read_only_copy(shared_file: tuple[Path, int], tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """The shared database seen through a read-only mount (as root) or read-only modes."""
    path, session = shared_file
    if os.geteuid() != 0:
        path.chmod(0o444)
        path.parent.chmod(0o555)
        yield path, session
        path.parent.chmod(0o755)
        return
    mount_point = tmp_path / "mounted backup"
    mount_point.mkdir()
    subprocess.run(["mount", "--bind", "-o", "ro", str(path.parent), str(mount_point)], check=True)
    try:
        yield mount_point / path.name, session
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_database_can_be_checked_listed_backed_up_and_exported(
    coproduce: Coproduce, read_only_copy: tuple[Path, int], tmp_path: Path, command: str
) -> None:
    path, session = read_only_copy
    assert not os.access(path, os.W_OK), "the database really is read-only"
    out = tmp_path / "out"
    out.mkdir()
    before = _snapshot(path.parent)

    result = coproduce(*_reading_commands(path, session, out)[command])

    assert result.status == 0, result.err
    assert "Permission denied" not in result.err
    assert _snapshot(path.parent) == before
    if command.startswith("export"):
        # The file is written; that it could not be audited is said, never hidden.
        assert any(out.iterdir())
        assert "could not be recorded in the database's audit trail" in result.out + result.err
    if command == "list":
        assert "Sam Okafor" in result.out
    if command == "check":
        assert "Integrity: no problems found" in result.out
    if command == "backup":
        with sqlite3.connect(out / "copy.sqlite3") as copy:
            assert copy.execute("SELECT display_name FROM people").fetchall() == [("Sam Okafor",)]


def test_reading_a_backup_copy_does_not_switch_it_to_wal(
    coproduce: Coproduce, shared_file: tuple[Path, int], tmp_path: Path
) -> None:
    path, _session = shared_file
    copy = tmp_path / "backups" / "forum-copy.sqlite3"
    assert coproduce("backup", "--db", str(path), "--to", str(copy)).status == 0
    assert copy.read_bytes()[18:20] == b"\x01\x01", "a backup is a single rollback-journal file"
    before = _snapshot(copy.parent)

    for command in (["check"], ["list", "people"]):
        assert coproduce(*command, "--db", str(copy)).status == 0

    assert _snapshot(copy.parent) == before
