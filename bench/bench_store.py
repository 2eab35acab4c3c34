"""What a unit of work costs, and how a writer fares beside a long reader (issue 12 point 4,
issue 13 point 3).

Three stores on the same kind of SQLite file (in ``bench/out/``, on the machine's disk, so
``fsync`` is real), timed interleaved (A B C A B C ...), medians over ``--repeat`` rounds:

- *new connection* (main before this change): NullPool, a new connection and four PRAGMAs
  per unit of work, ``BEGIN IMMEDIATE`` even to read, ``synchronous = NORMAL``;
- *kept, NORMAL*: this store (kept connections, deferred reads), ``synchronous = NORMAL``;
- *kept, FULL*: this store as shipped, ``synchronous = FULL`` (every commit synced).

Figures:

1. a read unit of work (``store.reading()``, one small query: the shape of most service
   calls) and a bare ``SELECT`` on a kept ``sqlite3`` connection: the floor;
2. a small write unit of work: meeting mode's draft autosave (``capture.save_draft``);
3. a writer beside a long reader: another thread reads in one unit of work for
   ``--hold`` seconds (an export's gather); how long a draft save started meanwhile takes.
   With reads that take the write lock it waits for the reader (or fails "busy" after 5 s).

Prints Markdown rows for bench/README.md.

    PYTHONPATH=src .venv/bin/python bench/bench_store.py [--repeat 7] [--units 500]
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sqlite3
import statistics
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.pool import NullPool

from coproduce.domain.errors import DatabaseError
from coproduce.domain.records import Group, Meeting
from coproduce.services import Services
from coproduce.services.capture import CaptureDraft
from coproduce.store import database as store_database
from coproduce.store.database import Database

OUT = Path(__file__).resolve().parent / "out" / "store"


def _main_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # store/database.py before this change, word for word.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {store_database.BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _main_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _normal(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA synchronous = NORMAL")


class Setup:
    """One database file with one session to keep drafts for, opened one way."""

    def __init__(self, name: str, template: Path, meeting_id: int, how: str) -> None:
        path = OUT / f"{name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(template, path)
        url = f"sqlite:///{path}"
        if how == "new connection":
            engine = create_engine(url, poolclass=NullPool, hide_parameters=True)
            event.listen(engine, "connect", _main_connect)
            event.listen(engine, "begin", _main_begin)
            self.database = Database(url, engine)
            # Main had no read transaction: every service call wrote-locked.
            self.database.reading = self.database.session  # type: ignore[method-assign]
        else:
            self.database = Database.open(url)
            if how == "kept, NORMAL":
                event.listen(self.database.engine, "connect", _normal)
                self.database.engine.dispose()
        self.path = path
        self.meeting_id = meeting_id
        self.services = Services(self.database, actor="Bench Facilitator")
        self.drafts = 0

    def read_unit(self) -> None:
        self.services.capture.load_draft(self.meeting_id)

    def write_unit(self) -> None:
        self.drafts += 1
        self.services.capture.save_draft(self.meeting_id, CaptureDraft(f"typed {self.drafts}"))

    def close(self) -> None:
        self.database.close()


def per_unit_us(work: Callable[[], None], units: int) -> float:
    started = time.perf_counter()
    for _ in range(units):
        work()
    return (time.perf_counter() - started) / units * 1e6


def bare_select_us(path: Path, units: int) -> float:
    connection = sqlite3.connect(path)
    try:
        started = time.perf_counter()
        for _ in range(units):
            connection.execute("SELECT value FROM settings WHERE key = ?", ("x",)).fetchone()
        return (time.perf_counter() - started) / units * 1e6
    finally:
        connection.close()


def beside_a_reader_ms(setup: Setup, hold_s: float) -> str:
    """A draft save's time while another thread holds a read unit of work for ``hold_s``."""
    reading = threading.Event()

    def reader() -> None:
        with setup.database.reading() as session:
            session.connection().exec_driver_sql("SELECT count(*) FROM meetings").scalar()
            reading.set()
            time.sleep(hold_s)

    thread = threading.Thread(target=reader)
    thread.start()
    reading.wait()
    started = time.perf_counter()
    try:
        setup.write_unit()
        outcome = f"{(time.perf_counter() - started) * 1000:.1f}"
    except DatabaseError:
        outcome = f"busy after {(time.perf_counter() - started):.1f} s"
    thread.join()
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--hold", type=float, default=2.0)
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    template = OUT / "template.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{template}{suffix}").unlink(missing_ok=True)
    made = Database.open(f"sqlite:///{template}")
    services = Services(made)
    group = services.groups.create(Group(name="Bench group"))
    starts = datetime(2026, 3, 12, 10)
    meeting = services.meetings.create(
        Meeting(group_id=group.id, title="Bench", starts_at=starts, ends_at=starts + timedelta(1))
    )
    made.close()  # a clean close checkpoints the WAL into the file: a plain copy is whole
    assert meeting.id is not None

    hows = ("new connection", "kept, NORMAL", "kept, FULL")
    setups = {how: Setup(how.replace(", ", "-"), template, meeting.id, how) for how in hows}
    reads: dict[str, list[float]] = {how: [] for how in hows}
    writes: dict[str, list[float]] = {how: [] for how in hows}
    bare: list[float] = []
    try:
        for _ in range(args.repeat):
            bare.append(bare_select_us(setups["kept, FULL"].path, args.units))
            for how in hows:
                reads[how].append(per_unit_us(setups[how].read_unit, args.units))
            for how in hows:
                writes[how].append(per_unit_us(setups[how].write_unit, max(args.units // 5, 20)))
        beside = {how: beside_a_reader_ms(setups[how], args.hold) for how in hows}
    finally:
        for setup in setups.values():
            setup.close()

    print(
        f"Machine: {platform.machine()}, Python {platform.python_version()}, SQLite "
        f"{sqlite3.sqlite_version}; {time.strftime('%Y-%m-%d')}; medians of {args.repeat} "
        f"interleaved rounds of {args.units} reads and {max(args.units // 5, 20)} writes."
    )
    print()
    print(
        "| unit of work | bare sqlite3, kept | new connection (main) | kept, NORMAL | "
        "kept, FULL (shipped) |"
    )
    print("|---|---|---|---|---|")
    print(
        f"| read (`load_draft`), µs | {statistics.median(bare):.0f} (bare SELECT) | "
        + " | ".join(f"{statistics.median(reads[how]):.0f}" for how in hows)
        + " |"
    )
    print(
        "| write (`save_draft`), µs | - | "
        + " | ".join(f"{statistics.median(writes[how]):.0f}" for how in hows)
        + " |"
    )
    print(
        f"| draft save beside a {args.hold:.0f} s read, ms | - | "
        + " | ".join(beside[how] for how in hows)
        + " |"
    )


if __name__ == "__main__":
    main()
