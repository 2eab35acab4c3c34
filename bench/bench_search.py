"""How fast search answers on the large example council (issue 4's promise: under 50 ms).

Builds the large demo once into ``bench/out/large-search.sqlite3`` (reused by later runs) and
times, for words typed one letter at a time as a person would, over several runs:

- *service*: ``services.search.search(words)``, what the search popup calls: the FTS5 query,
  the sessions and documents the results belong to, and the snippets (50 results at most);
- *raw FTS5*: the same ``MATCH`` query the service sends (bm25 over the newest
  ``RANKED_AT_MOST`` matches), bare, through the ``sqlite3`` module: the floor;
- *raw FTS5, all ranked*: the textbook ``MATCH ... ORDER BY bm25 LIMIT 50``, which ranks
  every match (what the service would cost without its cap).

With ``--overhead`` it measures what the service adds to the raw query (issue 12: at most
2x), every keystroke interleaved: raw FTS5 on its own connection, the service as the program
opens the database, and the service on one kept connection (what the store does once it
keeps its connections; until then each unit of work opens a new connection, whose page
cache starts cold). ``--database FILE`` uses another copy of the large demo.

With ``--postgres`` it times the service on PostgreSQL too, in a database
``coproduce_bench_search`` on the server of ``COPRODUCE_TEST_PG_URL`` (built once, kept).

Prints Markdown rows for bench/README.md.

    .venv/bin/python bench/bench_search.py [--runs 15] [--postgres] [--overhead]
        [--database FILE]
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from coproduce.services import Services
from coproduce.services.demo import build_demo
from coproduce.store.database import Database
from coproduce.store.search import RANKED_AT_MOST, fts5_query, words_of

OUT = Path(__file__).resolve().parent / "out"
PATH = OUT / "large-search.sqlite3"

# What a person types, keystroke by keystroke, for a few searches.
TYPED = ["carers", "short breaks", "café", "transport", "respite care", "people want"]

SERVICE_SQL = (
    "SELECT rowid, title, body FROM (SELECT rowid, title, body, bm25(search_index, 5.0, 1.0)"
    f" AS score FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT"
    f" {RANKED_AT_MOST}) ORDER BY score LIMIT 50"
)
FULLY_RANKED_SQL = (
    "SELECT rowid, title, body FROM search_index WHERE search_index MATCH ? "
    "ORDER BY bm25(search_index, 5.0, 1.0) LIMIT 50"
)


def keystrokes(words: str) -> list[str]:
    """What the field holds after each keystroke, from the second letter (one letter is not
    searched: it would match nearly everything)."""
    return [words[:end] for end in range(2, len(words) + 1) if words[:end].strip()]


def _times_ms(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm caches once, as a person's second look would
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def large_sqlite() -> Database:
    OUT.mkdir(exist_ok=True)
    fresh = not PATH.exists()
    database = Database.open(f"sqlite:///{PATH}")
    if fresh:
        started = time.perf_counter()
        build_demo(database, "large")
        print(f"(built the large demo in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--overhead", action="store_true")
    parser.add_argument("--database", type=Path, default=None)
    args = parser.parse_args()
    if args.postgres:
        return postgres(args.runs)
    if args.overhead:
        return overhead(args.database or PATH, args.runs)

    database = large_sqlite()
    services = Services(database)
    raw = sqlite3.connect(PATH)
    indexed = raw.execute("SELECT count(*) FROM search_index").fetchone()[0]
    print(
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, {indexed:,} records in the search index\n"
    )
    print(
        "| typed | keystrokes | results (last) | service (ms, median) | service (ms, slowest"
        " keystroke) | raw FTS5 (ms, median) | raw FTS5, all ranked (ms, median) |"
    )
    print("|---|---|---|---|---|---|---|")
    every: dict[str, list[float]] = {"service": [], "raw": [], "ranked": []}
    for words in TYPED:
        medians: dict[str, list[float]] = {"service": [], "raw": [], "ranked": []}
        for typed in keystrokes(words):
            query = fts5_query(words_of(typed))
            timed = {
                "service": _times_ms(lambda t=typed: services.search.search(t), args.runs),
                "raw": _times_ms(
                    lambda q=query: raw.execute(SERVICE_SQL, (q,)).fetchall(), args.runs
                ),
                "ranked": _times_ms(
                    lambda q=query: raw.execute(FULLY_RANKED_SQL, (q,)).fetchall(), args.runs
                ),
            }
            for key, times in timed.items():
                medians[key].append(statistics.median(times))
                every[key].extend(times)
        results = len(services.search.search(words))
        print(
            f"| '{words}' | {len(medians['service'])} | {results} "
            f"| {statistics.median(medians['service']):.1f} | {max(medians['service']):.1f} "
            f"| {statistics.median(medians['raw']):.1f} "
            f"| {statistics.median(medians['ranked']):.1f} |"
        )
    print(
        f"| **every keystroke** | {sum(len(keystrokes(w)) for w in TYPED)} | "
        f"| **{statistics.median(every['service']):.1f}** | {max(every['service']):.1f} "
        f"| **{statistics.median(every['raw']):.1f}** "
        f"| **{statistics.median(every['ranked']):.1f}** |"
    )
    raw.close()
    database.close()
    return 0


def overhead(path: Path, runs: int) -> int:
    """The service against the raw query, interleaved keystroke by keystroke."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import SingletonThreadPool

    from coproduce.store import database as store_database

    if not path.exists():
        large_sqlite().close()
        path = PATH
    url = f"sqlite:///{path}"
    opened = Database.open(url)
    services = Services(opened)
    # The program's connection settings, on one connection kept for every call.
    engine = create_engine(url, poolclass=SingletonThreadPool, hide_parameters=True)
    event.listen(engine, "connect", store_database._on_sqlite_connect)
    # A read's transaction as the store will begin it: deferred, without the write lock.
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    kept = Services(Database(url, engine))
    raw = sqlite3.connect(path)
    typed = [t for words in TYPED for t in keystrokes(words)]
    times: dict[str, list[float]] = {"raw": [], "service": [], "kept": []}
    calls: dict[str, Callable[[str], object]] = {
        "raw": lambda t: raw.execute(SERVICE_SQL, (fts5_query(words_of(t)),)).fetchall(),
        "service": lambda t: services.search.search(t),
        "kept": lambda t: kept.search.search(t),
    }
    for t in typed:  # warm every cache once
        for call in calls.values():
            call(t)
    for _ in range(runs):
        for t in typed:
            for name, call in calls.items():
                started = time.perf_counter()
                call(t)
                times[name].append((time.perf_counter() - started) * 1000)
    raw_ms = statistics.median(times["raw"])
    print(f"{len(typed)} keystrokes x {runs} runs, interleaved; medians\n")
    print("| call | ms (median) | against raw FTS5 |")
    print("|---|---|---|")
    for name, label in (
        ("raw", "raw FTS5 MATCH ... LIMIT 50 (sqlite3, kept connection)"),
        ("service", "search service, as the program opens the database"),
        ("kept", "search service on one kept connection"),
    ):
        ms = statistics.median(times[name])
        print(f"| {label} | {ms:.2f} | {ms / raw_ms:.2f}x |")
    raw.close()
    opened.close()
    engine.dispose()
    return 0


def postgres(runs: int) -> int:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(os.environ["COPRODUCE_TEST_PG_URL"])
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        fresh = not connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = 'coproduce_bench_search'")
        ).first()
        if fresh:
            connection.execute(text("CREATE DATABASE coproduce_bench_search"))
    admin.dispose()
    url = admin_url.set(database="coproduce_bench_search").render_as_string(hide_password=False)
    database = Database.open(url)
    if fresh:
        started = time.perf_counter()
        build_demo(database, "large")
        print(f"(built the large demo in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    services = Services(database)
    print("| typed | keystrokes | results (last) | PostgreSQL service (ms, median) | slowest |")
    print("|---|---|---|---|---|")
    every: list[float] = []
    for words in TYPED:
        medians = []
        for typed in keystrokes(words):
            times = _times_ms(lambda t=typed: services.search.search(t), runs)
            medians.append(statistics.median(times))
            every.extend(times)
        results = len(services.search.search(words))
        print(
            f"| '{words}' | {len(medians)} | {results} | {statistics.median(medians):.1f} "
            f"| {max(medians):.1f} |"
        )
    print(f"| **every keystroke** | | | **{statistics.median(every):.1f}** | {max(every):.1f} |")
    database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
