"""How long ``coproduce demo`` takes: small and large, on SQLite and (when available) PostgreSQL.

Each run builds into a brand-new, already migrated database (migration time is not counted),
then checks the row counts and that the database still takes an ordinary service call, and
prints one Markdown table row per run, ready for bench/README.md.

    eval "$(.ci/postgres.sh)"    # optional: also measure PostgreSQL
    .venv/bin/python bench/bench_demo.py [--sizes small large] [--repeat 1]

PostgreSQL runs need ``COPRODUCE_TEST_PG_URL`` (an account that may create databases); each
run gets a fresh database that is dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from coproduce.domain.records import Person
from coproduce.services import Services
from coproduce.services.demo import SIZES, build_demo
from coproduce.store.database import Database

PG_URL_VARIABLE = "COPRODUCE_TEST_PG_URL"


@contextmanager
def fresh_sqlite() -> Iterator[Database]:
    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(f"sqlite:///{Path(folder) / 'demo.sqlite3'}")
        try:
            yield database
        finally:
            database.close()


@contextmanager
def fresh_postgres(admin_url: str) -> Iterator[Database]:
    admin = create_engine(make_url(admin_url), isolation_level="AUTOCOMMIT")
    name = f"coproduce_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        database = Database.open(url)
        try:
            yield database
        finally:
            database.close()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def one_run(database: Database, size: str) -> float:
    started = time.perf_counter()
    summary = build_demo(database, size)
    seconds = time.perf_counter() - started
    plan = SIZES[size]
    assert (summary.people, summary.sessions, summary.contributions, summary.documents) == (
        plan.people,
        plan.sessions,
        plan.contributions,
        plan.documents,
    ), summary
    # The database is still an ordinary one afterwards: a person can be added by hand.
    added = Services(database, actor="bench").people.create(Person(display_name="Bench Mark"))
    assert added.id == plan.people + 1, added
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["small", "large"], choices=list(SIZES))
    parser.add_argument("--repeat", type=int, default=1, help="runs per size and database")
    args = parser.parse_args()

    backends: list[tuple[str, object]] = [("SQLite (file)", fresh_sqlite)]
    pg_url = os.environ.get(PG_URL_VARIABLE)
    if pg_url:
        backends.append(("PostgreSQL", lambda: fresh_postgres(pg_url)))
    else:
        print(f"({PG_URL_VARIABLE} is not set: PostgreSQL skipped)")

    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}")
    print()
    print("| size | database | seconds (median) | runs |")
    print("|---|---|---|---|")
    for size in args.sizes:
        for label, fresh in backends:
            times = []
            for _ in range(args.repeat):
                with fresh() as database:  # type: ignore[operator]
                    times.append(one_run(database, size))
            print(f"| {size} | {label} | {statistics.median(times):.2f} | {len(times)} |")


if __name__ == "__main__":
    main()
