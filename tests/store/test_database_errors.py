"""Database errors reach the services as domain errors whose messages say what to do: a
database that only allows reading, a full disk, a busy file. Real databases refuse for real:
SQLite's ``query_only`` and ``max_page_count`` make it answer exactly as a read-only file and
a full disk do (SQLITE_READONLY, SQLITE_FULL); PostgreSQL is made read-only by its own setting.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from coproduce.domain.errors import (
    CoproduceError,
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseError,
)
from coproduce.domain.records import Person
from coproduce.services import Services
from coproduce.store.database import Database


def _on_every_connection(database: Database, statement: str) -> Callable[[], None]:
    """Run ``statement`` on each new connection (and drop the ones already open); returns
    the function that stops it."""

    def run(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(statement)
        cursor.close()

    event.listen(database.engine, "connect", run)
    database.engine.dispose()

    def stop() -> None:
        event.remove(database.engine, "connect", run)
        database.engine.dispose()

    return stop


def _make_read_only(database: Database) -> Callable[[], None]:
    """Make the database refuse every change; returns the function that allows them again."""
    if database.is_sqlite:
        return _on_every_connection(database, "PRAGMA query_only = ON")
    name = make_url(str(database.url)).database

    def read_only(on: bool) -> None:
        setting = "SET default_transaction_read_only = on" if on else "RESET ALL"
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as link:
            link.execute(text("SET default_transaction_read_only = off"))
            link.execute(text(f'ALTER DATABASE "{name}" {setting}'))
        database.engine.dispose()

    read_only(True)
    return lambda: read_only(False)


def test_a_database_that_only_allows_reading_refuses_saves_with_a_plain_message(
    services: Services, database: Database
) -> None:
    kept = services.people.create(Person(display_name="Ann Patel"))
    allow_changes = _make_read_only(database)

    with pytest.raises(DatabaseError) as refused:
        services.people.create(Person(display_name="Bob Reid"))
    allow_changes()

    message = str(refused.value)
    assert database.display_name in message
    assert "only allows reading" in message or "can only be read" in message
    assert "nothing was saved" in message
    assert not isinstance(refused.value, DatabaseDamagedError | DatabaseBusyError)
    # Nothing was added.
    assert [person.display_name for person in services.people.list().items] == [kept.display_name]


def test_a_full_disk_is_named_as_such_and_nothing_is_half_saved(
    services: Services, sqlite_database: Database
) -> None:
    services = Services(sqlite_database, actor="Test Facilitator")
    with sqlite_database.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    stop = _on_every_connection(sqlite_database, f"PRAGMA max_page_count = {pages}")

    with pytest.raises(DatabaseError) as refused:
        services.people.create(Person(display_name="Ann Patel", postal_address="x" * 200_000))
    stop()

    message = str(refused.value)
    assert message.startswith(
        f"The disk holding the database {sqlite_database.display_name} is full"
    )
    assert "Free some space" in message
    assert services.people.list().total == 0


def test_a_file_locked_by_another_program_is_busy_not_damaged(
    services: Services, sqlite_database: Database
) -> None:
    services = Services(sqlite_database, actor="Test Facilitator")
    _on_every_connection(sqlite_database, "PRAGMA busy_timeout = 0")
    path = sqlite_database.sqlite_path
    assert path is not None
    other_program = sqlite3.connect(path, isolation_level=None)
    try:
        other_program.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseBusyError) as refused:
            services.people.create(Person(display_name="Ann Patel"))
    finally:
        other_program.execute("ROLLBACK")
        other_program.close()
    assert "busy with another program" in str(refused.value)
    assert isinstance(refused.value, CoproduceError)
    # Busy, not damaged: nothing to restore.
    assert "damaged" not in str(refused.value)
