"""Options every command shares, and how mistakes are reported: a message on stderr and a
non-zero exit status, never a traceback for something the person can fix."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from cli_support import Coproduce, Register

from coproduce import __version__, cli
from coproduce.paths import DATABASE_FILE_NAME


@pytest.mark.parametrize("command", [[], ["demo"], ["list"], ["backup"], ["check"]])
def test_every_command_explains_itself_with_help(coproduce: Coproduce, command: list[str]) -> None:
    result = coproduce(*command, "--help")

    assert result.status == 0
    assert result.out.startswith(f"usage: coproduce {' '.join(command)}".rstrip())
    assert "--db URL" in result.out
    assert result.err == ""


def test_version_is_printed(coproduce: Coproduce) -> None:
    result = coproduce("--version")

    assert (result.status, result.out.strip()) == (0, f"coproduce {__version__}")


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["lsit", "people"], "invalid choice: 'lsit'"),
        (["list", "persons"], "invalid choice: 'persons'"),
        (["list", "people", "--format", "xml"], "invalid choice: 'xml'"),
        (["list", "people", "--limit", "0"], "must be 1 or more"),
        (["list", "people", "--limit", "ten"], "'ten' is not a whole number"),
        (["demo", "--size", "huge"], "invalid choice: 'huge'"),
        (["backup"], "the following arguments are required: --to"),
        (["check", "--colour"], "unrecognized arguments: --colour"),
    ],
)
def test_a_mistyped_command_shows_usage_and_exits_2(
    coproduce: Coproduce, argv: list[str], complaint: str
) -> None:
    result = coproduce(*argv)

    assert result.status == 2
    assert result.err.startswith("usage: coproduce")
    assert complaint in result.err
    assert result.out == ""


def test_db_works_before_and_after_the_command(
    coproduce: Coproduce, register: Register, database_url: str
) -> None:
    before = coproduce("--db", database_url, "list", "groups", "--format", "json")
    after = coproduce("list", "groups", "--format", "json", "--db", database_url)

    assert before.status == after.status == 0
    assert before.out == after.out
    assert [row["name"] for row in json.loads(after.out)] == ["Carers' Forum"]


def test_coproduce_db_is_used_when_no_db_is_given(
    coproduce: Coproduce,
    register: Register,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COPRODUCE_DB", database_url)

    result = coproduce("list", "groups", "--format", "json")

    assert [row["name"] for row in json.loads(result.out)] == ["Carers' Forum"]


def test_db_wins_over_coproduce_db(
    coproduce: Coproduce, register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPRODUCE_DB", str(tmp_path / "elsewhere.sqlite3"))

    result = coproduce("demo", "--db", str(tmp_path / "x.sqlite3"))

    assert result.status == 0, result.err
    assert (tmp_path / "x.sqlite3").exists()
    assert not (tmp_path / "elsewhere.sqlite3").exists()


@pytest.mark.parametrize("command", [["list", "people"], ["check"]])
def test_reading_a_mistyped_file_says_so_and_creates_nothing(
    coproduce: Coproduce, tmp_path: Path, command: list[str]
) -> None:
    mistyped = tmp_path / "no such folder" / "coproduse.sqlite3"

    result = coproduce(*command, "--db", str(mistyped))

    assert result.status == 1
    assert f"There is no database at {mistyped}" in result.err
    assert not mistyped.parent.exists()


def test_without_db_or_coproduce_db_the_file_in_the_user_data_folder_is_used(
    coproduce: Coproduce, private_home: Path
) -> None:
    created = coproduce("demo")
    result = coproduce("check")

    expected = private_home / "data" / DATABASE_FILE_NAME
    assert created.status == 0, created.err
    assert f"in {expected}:" in created.out
    assert result.status == 0, result.err
    assert f"Database: {expected}" in result.out


def test_a_file_that_is_not_a_database_is_refused_with_a_message(
    coproduce: Coproduce, tmp_path: Path
) -> None:
    letter = tmp_path / "letter.docx"
    letter.write_bytes(b"PK\x03\x04 this is a Word document")

    result = coproduce("list", "people", "--db", str(letter))

    assert result.status == 1
    assert result.err.startswith("coproduce: error: ")
    assert "is not a Coproduce database" in result.err
    assert "Traceback" not in result.err
    assert result.out == ""
    assert letter.read_bytes() == b"PK\x03\x04 this is a Word document"


def test_a_database_from_a_newer_coproduce_is_refused_and_left_unchanged(
    coproduce: Coproduce, tmp_path: Path, sqlite_template: Path
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    newer = folder / "from-the-future.sqlite3"
    shutil.copyfile(sqlite_template, newer)
    connection = sqlite3.connect(newer)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = newer.read_bytes()

    copy = str(folder / "copy.sqlite3")
    for argv in (["list", "sessions"], ["check"], ["demo"], ["backup", "--to", copy]):
        result = coproduce(*argv, "--db", str(newer))
        assert result.status == 1, argv
        assert "written by a newer version of Coproduce" in result.err
        assert "Traceback" not in result.err

    assert newer.read_bytes() == before
    assert sorted(path.name for path in folder.iterdir()) == [newer.name]


def test_an_unreachable_postgresql_server_is_a_message_not_a_traceback(
    coproduce: Coproduce,
) -> None:
    # Port 9 (discard) on this machine: nothing listens, so the connection is refused at once.
    result = coproduce("list", "groups", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/none")

    assert result.status == 1
    assert result.err.startswith("coproduce: error: Coproduce could not open the database")
    assert "Traceback" not in result.err


def test_an_unexpected_fault_is_one_line_on_screen_and_the_details_in_a_log(
    capsys: pytest.CaptureFixture[str], private_home: Path
) -> None:
    quoted = "Tobias was sectioned"  # an error quoting what someone said
    try:
        raise RuntimeError(quoted)
    except RuntimeError:
        status = cli._report_fault("list")

    err = capsys.readouterr().err
    (log,) = (private_home / "logs").glob("crash-*.log")
    assert status == 70
    assert err.count("\n") == 1 and err.startswith("coproduce: sorry")
    assert str(log) in err
    assert "Traceback" not in err
    details = log.read_text()
    assert details.startswith(f"coproduce {__version__} list\n")
    assert "Traceback (most recent call last)" in details
    assert "test_options_and_errors.py" in details and "\nRuntimeError\n" in details
    assert "Tobias" not in details and "sectioned" not in details, "no personal text"
    if sys.platform != "win32":
        assert log.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("mysql://someone@localhost/coproduce", "not 'mysql'"),
        ("postgresql+asyncpg://x@127.0.0.1/y", "with psycopg"),
    ],
)
def test_a_database_coproduce_cannot_use_is_explained(
    coproduce: Coproduce, address: str, says: str
) -> None:
    result = coproduce("check", "--db", address)

    assert result.status == 1
    assert says in result.err
    assert "Traceback" not in result.err


def test_reading_commands_do_not_upgrade_an_older_database(
    coproduce: Coproduce, tmp_path: Path
) -> None:
    from sqlalchemy import create_engine

    from coproduce.store import migrations

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrations.upgrade(connection, "0001")
    engine.dispose()
    before = path.read_bytes()

    checked = coproduce("check", "--db", str(path))
    listed = coproduce("list", "groups", "--db", str(path))

    assert checked.status == 1
    assert "revision 0001" in checked.out
    assert listed.status == 1
    assert "written by an older Coproduce (schema 0001)" in listed.err
    assert path.read_bytes() == before, "not switched to WAL, not changed at all"
    assert [p.name for p in tmp_path.iterdir()] == ["old.sqlite3"], "no side files, no backups"
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert not (tmp_path / "backups").exists()


def test_an_in_memory_database_works_for_a_whole_command(coproduce: Coproduce) -> None:
    result = coproduce("demo", "--db", "sqlite://")

    assert result.status == 0, result.err
    assert "Created small demo data" in result.out
