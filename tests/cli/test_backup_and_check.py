"""``coproduce backup`` and ``coproduce check``: safe copies, and an honest health report."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_support import Coproduce, Register

from coproduce.domain.records import Group, Person
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.store.migrations import head_revision
from damage_support import zero_a_page

needs_posix_modes = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _counts(coproduce: Coproduce, url: str) -> dict[str, int]:
    result = coproduce("check", "--db", url, "--format", "json")
    assert result.status == 0, result.out + result.err
    return json.loads(result.out)["counts"]


@pytest.fixture
def sqlite_url(sqlite_database: Database) -> str:
    return str(sqlite_database.url)


@pytest.fixture
def filled(sqlite_database: Database) -> Services:
    services = Services(sqlite_database, actor="Test Facilitator")
    group = services.groups.create(Group(name="Carers' Forum"))
    person = services.people.create(Person(display_name="Sam Okafor"))
    services.groups.add_member(group.id, person.id)  # type: ignore[arg-type]
    return services


@needs_posix_modes
def test_a_backup_is_private_and_holds_the_same_records(
    coproduce: Coproduce, filled: Services, sqlite_url: str, tmp_path: Path
) -> None:
    destination = tmp_path / "usb stick" / "coproduce backup.sqlite3"

    result = coproduce("backup", "--db", sqlite_url, "--to", str(destination))

    assert result.status == 0, result.err
    assert str(destination) in result.out
    assert destination.stat().st_mode & 0o777 == 0o600
    copy_counts = _counts(coproduce, f"sqlite:///{destination}")
    assert copy_counts == _counts(coproduce, sqlite_url)
    assert copy_counts["people"] == 1 and copy_counts["memberships"] == 1
    listed = coproduce("list", "people", "--db", str(destination), "--format", "json")
    assert [row["display_name"] for row in json.loads(listed.out)] == ["Sam Okafor"]


def test_a_backup_does_not_overwrite_a_file_unless_forced(
    coproduce: Coproduce, filled: Services, sqlite_url: str, tmp_path: Path
) -> None:
    destination = tmp_path / "precious.sqlite3"
    destination.write_text("last month's minutes")

    refused = coproduce("backup", "--db", sqlite_url, "--to", str(destination))

    assert refused.status == 1
    assert "already exists" in refused.err and "--force" in refused.err
    assert destination.read_text() == "last month's minutes"

    forced = coproduce("backup", "--db", sqlite_url, "--to", str(destination), "--force")

    assert forced.status == 0, forced.err
    assert _counts(coproduce, str(destination))["people"] == 1


def test_a_backup_cannot_replace_the_database_it_copies(
    coproduce: Coproduce, filled: Services, sqlite_url: str, sqlite_database: Database
) -> None:
    path = sqlite_database.sqlite_path
    assert path is not None

    result = coproduce("backup", "--db", sqlite_url, "--to", str(path), "--force")

    assert result.status == 1
    assert "cannot replace the database itself" in result.err
    assert _counts(coproduce, sqlite_url)["people"] == 1


def test_backing_up_a_database_that_does_not_exist_creates_nothing(
    coproduce: Coproduce, tmp_path: Path
) -> None:
    missing = tmp_path / "typo.sqlite3"
    destination = tmp_path / "backup.sqlite3"

    result = coproduce("backup", "--db", str(missing), "--to", str(destination))

    assert result.status == 1
    assert f"There is no database at {missing}" in result.err
    assert not missing.exists() and not destination.exists()


def test_a_backup_into_a_folder_asks_for_a_file_name(
    coproduce: Coproduce, filled: Services, sqlite_url: str, tmp_path: Path
) -> None:
    result = coproduce("backup", "--db", sqlite_url, "--to", str(tmp_path))

    assert result.status == 1
    assert "is a folder" in result.err


@pytest.mark.postgres
def test_a_shared_postgresql_database_is_backed_up_by_its_administrator(
    coproduce: Coproduce, postgres_templates: Any, tmp_path: Path
) -> None:
    name = postgres_templates.create()
    try:
        url = postgres_templates.url_for(name)
        result = coproduce("backup", "--db", url, "--to", str(tmp_path / "copy.sqlite3"))
    finally:
        postgres_templates.drop(name)

    assert result.status == 2
    assert "pg_dump" in result.err and "administrator" in result.err
    assert not (tmp_path / "copy.sqlite3").exists()


def test_check_on_a_healthy_database_shows_the_revision_and_exits_0(
    coproduce: Coproduce, register: Register, database_url: str
) -> None:
    text = coproduce("check", "--db", database_url)
    as_json = coproduce("check", "--db", database_url, "--format", "json")

    head = head_revision()
    assert text.status == 0, text.err
    assert f"Schema revision: {head} (this program: {head})" in text.out
    assert "Integrity: no problems found" in text.out
    report = json.loads(as_json.out)
    assert as_json.status == 0
    assert (report["revision"], report["head"]) == (head, head)
    assert report["healthy"] is True and report["integrity_ok"] is True
    assert report["problems"] == []
    assert report["counts"]["groups"] == 1
    assert report["counts"]["people"] == 2
    assert report["counts"]["meetings"] == 1


def test_check_names_a_broken_foreign_key_and_exits_1(
    coproduce: Coproduce, tmp_path: Path, sqlite_template: Path
) -> None:
    path = tmp_path / "edited-by-hand.sqlite3"
    shutil.copyfile(sqlite_template, path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = OFF")
    with connection:
        connection.execute("INSERT INTO person_roles (person_id, role) VALUES (4242, 'staff')")
    connection.close()

    text = coproduce("check", "--db", str(path))
    as_json = coproduce("check", "--db", str(path), "--format", "json")

    assert text.status == 1
    assert "Problems found: 1" in text.out
    assert "table person_roles refers to a record in people that does not exist" in text.out
    assert "Integrity: no problems found" not in text.out
    report = json.loads(as_json.out)
    assert as_json.status == 1
    assert report["healthy"] is False and report["integrity_ok"] is False
    assert len(report["problems"]) == 1 and "person_roles" in report["problems"][0]


def test_check_reports_damaged_data_and_exits_1(
    coproduce: Coproduce, filled: Services, sqlite_url: str, tmp_path: Path
) -> None:
    # A single-file copy (no -wal), then scribble over the end of one index page, the way a
    # failing disk or a crash on a network drive might.
    damaged = tmp_path / "damaged.sqlite3"
    assert coproduce("backup", "--db", sqlite_url, "--to", str(damaged)).status == 0
    connection = sqlite3.connect(damaged)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_audit_events_at'"
    ).fetchone()
    connection.close()
    with damaged.open("r+b") as handle:
        handle.seek(root * page_size - 60)
        handle.write(b"\x07" * 60)

    result = coproduce("check", "--db", str(damaged))

    assert result.status == 1
    assert "Damaged data:" in result.out
    assert "ix_audit_events_at" in result.out
    assert "Restore the newest copy from the backups folder" in result.out
    assert not any(line.startswith("  - Damaged data: ***") for line in result.out.splitlines())


def test_a_damaged_database_is_not_backed_up_and_the_command_says_so(
    coproduce: Coproduce, filled: Services, sqlite_url: str, tmp_path: Path
) -> None:
    # Issue 13, finding 1: backup reported success and wrote a corrupt copy. A zeroed data
    # page (the people table's), as a failing disk leaves it.
    damaged = tmp_path / "damaged.sqlite3"
    assert coproduce("backup", "--db", sqlite_url, "--to", str(damaged)).status == 0
    zero_a_page(damaged)
    assert coproduce("check", "--db", str(damaged)).status == 1, "check sees the damage"
    destination = tmp_path / "usb" / "copy.sqlite3"

    result = coproduce("backup", "--db", str(damaged), "--to", str(destination))

    assert result.status == 1
    assert f"The database {damaged} is damaged" in result.err
    assert "did not copy it" in result.err
    assert "Backed up" not in result.out
    assert not destination.exists()
    assert not (tmp_path / "usb").exists() or not any((tmp_path / "usb").iterdir())
