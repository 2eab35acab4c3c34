"""How the SQLite file is kept: private, WAL, foreign keys, busy timeout, locked files."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from coproduce.domain.errors import DatabaseError
from coproduce.domain.records import Person
from coproduce.paths import default_database_url, resolve_database_url
from coproduce.services import Services
from coproduce.store.database import Database


def test_the_default_database_lives_in_the_private_user_data_folder(private_home: Path) -> None:
    url = resolve_database_url(None)
    assert url == default_database_url()
    database = Database.open(url)
    database.close()
    path = database.sqlite_path
    assert path is not None and path.is_relative_to(private_home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_coproduce_db_variable_and_plain_paths_choose_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPRODUCE_DB", str(tmp_path / "team.sqlite3"))
    assert resolve_database_url(None) == f"sqlite:///{tmp_path / 'team.sqlite3'}"
    assert resolve_database_url("sqlite:///other.db") == "sqlite:///other.db"


def test_every_connection_has_wal_foreign_keys_and_a_busy_timeout(
    sqlite_database: Database,
) -> None:
    with sqlite_database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_a_database_locked_by_another_program_gives_a_message_and_saves_nothing(
    sqlite_database: Database,
) -> None:
    services = Services(sqlite_database)
    blocker = sqlite3.connect(sqlite_database.sqlite_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError, match="busy with another program"):
            services.people.create(Person(display_name="Waiting Person"))
    finally:
        blocker.rollback()
        blocker.close()
    assert services.people.list().total == 0
    services.people.create(Person(display_name="Waiting Person"))
    assert services.people.list().total == 1


def test_a_bad_address_is_explained(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="not a database address"):
        Database.open("::not a url::")


def test_an_unreachable_postgresql_server_is_explained() -> None:
    with pytest.raises(DatabaseError, match="could not open the database"):
        Database.open("postgresql+psycopg://nobody@127.0.0.1:1/nothing")


def test_a_home_folder_address_opens_the_file_in_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    database = Database.open("sqlite:///~/team.sqlite3")
    try:
        Services(database).people.create(Person(display_name="Home Person"))
    finally:
        database.close()
    file = tmp_path / "team.sqlite3"
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    with sqlite3.connect(file) as raw:
        assert raw.execute("SELECT display_name FROM people").fetchall() == [("Home Person",)]


def test_a_folder_that_cannot_be_written_is_explained(tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    with pytest.raises(DatabaseError, match="cannot use the database file"):
        Database.open(f"sqlite:///{blocked / 'coproduce.sqlite3'}")


def test_database_errors_never_carry_the_values_people_typed(sqlite_database: Database) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError) as error, sqlite_database.session() as session:
        session.execute(
            text("INSERT INTO people (display_name) VALUES (:name)"),
            {"name": "Secret Person With Needs"},
        )
    assert "Secret Person" not in str(error.value)


def test_the_address_kept_to_open_a_database_again_never_holds_its_password(
    tmp_path: Path,
) -> None:
    server = Database("postgresql+psycopg://sam:s3cret@db.council.local:5432/coproduce", None)  # type: ignore[arg-type]
    assert server.address == "postgresql+psycopg://sam@db.council.local:5432/coproduce"
    file = Database(f"sqlite:///{tmp_path / 'forum.sqlite3'}", None)  # type: ignore[arg-type]
    assert file.address == f"sqlite:///{tmp_path / 'forum.sqlite3'}"
    assert Database("sqlite://", None).address == ""  # type: ignore[arg-type]
