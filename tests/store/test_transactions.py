"""How the store's units of work treat the database: reads take no write lock and see one
snapshot, writes take the lock and wait for it, connections are kept, commits are synced."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import event

from coproduce.domain.errors import DatabaseBusyError
from coproduce.domain.records import Person
from coproduce.services import Services
from coproduce.store.database import BUSY_TIMEOUT_MS, Database
from coproduce.store.unit_of_work import Store


def test_a_read_sees_one_snapshot_while_someone_else_saves(database: Database) -> None:
    services = Services(database)
    services.people.create(Person(display_name="Ann Ames"))
    with Store(database).reading() as unit:
        first = [person.display_name for person in unit.people.list().items]
        # Someone else saves a person while this read (an export's gather) goes on, and is
        # not held up by it...
        saver = threading.Thread(
            target=lambda: services.people.create(Person(display_name="Ben Bell"))
        )
        saver.start()
        saver.join()
        # ...while the read still sees the council as it was when it began.
        assert [person.display_name for person in unit.people.list().items] == first
    assert sorted(p.display_name for p in services.people.list().items) == [
        "Ann Ames",
        "Ben Bell",
    ]


def test_writing_inside_a_read_is_refused(database: Database) -> None:
    store = Store(database)
    with pytest.raises(RuntimeError, match="cannot write"), store.reading() as unit:
        unit.people.add(Person(display_name="Ann Ames"))
    assert Services(database).people.list().total == 0


def test_a_read_goes_on_while_another_program_holds_the_write_lock(
    sqlite_database: Database,
) -> None:
    services = Services(sqlite_database)
    services.people.create(Person(display_name="Ann Ames"))
    other_program = sqlite3.connect(sqlite_database.sqlite_path, timeout=0)
    other_program.execute("BEGIN IMMEDIATE")
    other_program.execute("UPDATE people SET display_name = 'Changing'")
    try:
        assert [p.display_name for p in services.people.list().items] == ["Ann Ames"]
        # A write, though, waits for the lock and then says the database is busy.
        with pytest.raises(DatabaseBusyError, match="busy with another program"):  # noqa: SIM117
            with Store(sqlite_database).transaction(busy_wait_ms=50) as unit:
                unit.people.add(Person(display_name="Ben Bell"))
    finally:
        other_program.rollback()
        other_program.close()
    assert services.people.list().total == 1


def test_after_a_hurried_write_the_next_write_waits_the_full_busy_timeout(
    sqlite_database: Database,
) -> None:
    store = Store(sqlite_database)
    with store.transaction(busy_wait_ms=50) as unit:
        hurried = unit.session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar()
    with store.transaction() as unit:
        patient = unit.session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert (hurried, patient) == (50, BUSY_TIMEOUT_MS)


def test_units_of_work_keep_their_connection_instead_of_opening_one_each(
    database: Database,
) -> None:
    opened: list[object] = []
    event.listen(database.engine, "connect", lambda dbapi, _record: opened.append(dbapi))
    database.engine.dispose()
    services = Services(database)
    for number in range(20):
        services.people.create(Person(display_name=f"Person {number}"))
        services.people.list()
    assert len(opened) == 1


def test_every_commit_is_synced_to_the_disk(sqlite_database: Database) -> None:
    # synchronous = FULL (2): a saved contribution or draft survives a power cut.
    with sqlite_database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_worker_threads_use_the_store_beside_the_gui_thread(database: Database) -> None:
    # The window gathers and exports on Qt's thread pool while the GUI thread saves.
    services = Services(database)
    failures: list[BaseException] = []

    def gather() -> None:
        try:
            for _ in range(20):
                services.people.list()
        except BaseException as exc:
            failures.append(exc)

    workers = [threading.Thread(target=gather) for _ in range(3)]
    for worker in workers:
        worker.start()
    for number in range(20):
        services.people.create(Person(display_name=f"Person {number}"))
    for worker in workers:
        worker.join()
    assert failures == []
    assert services.people.list().total == 20
