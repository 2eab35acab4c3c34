"""What taking deleted words out of SQLite's search index costs (issue 13, point 6).

A delete or an edit of indexed words makes the store merge the FTS5 index into one segment
('optimize') before the transaction commits, so the words leave the file's bytes. This times,
on a copy of an example council (SQLite file), through the real services:

- *capture*: adding a contribution (indexes words, removes none: no merge), the baseline;
- *delete*: deleting that contribution again (merge);
- *edit*: changing a contribution's words (merge).

Runs are interleaved and medians reported. The council is built once into ``bench/out/``
(``--size small|large``) and copied per run with SQLite's backup API.

    .venv/bin/python bench/bench_forget_words.py [--size large] [--runs 9]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from pathlib import Path

from coproduce.domain.records import Contribution, replace
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.services.demo import build_demo
from coproduce.store.database import Database

OUT = Path(__file__).resolve().parent / "out"


def council(size: str) -> Path:
    path = OUT / f"{size}.sqlite3"
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        database = Database.open(f"sqlite:///{path}")
        try:
            build_demo(database, size)
        finally:
            database.close()
    return path


def fresh_copy(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    reader, writer = sqlite3.connect(source), sqlite3.connect(target)
    try:
        reader.backup(writer)
    finally:
        reader.close()
        writer.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=("small", "large"), default="large")
    parser.add_argument("--runs", type=int, default=9)
    arguments = parser.parse_args()
    source = council(arguments.size)
    copy = OUT / f"forget-{arguments.size}.sqlite3"
    fresh_copy(source, copy)
    database = Database.open(f"sqlite:///{copy}")  # upgrades the copy once, if need be
    services = Services(database, actor="bench")
    try:
        some = services.contributions.list(ContributionFilter(), limit=1).items[0]
        figures: dict[str, list[float]] = {"capture": [], "delete": [], "edit": []}
        for run in range(arguments.runs + 1):
            started = time.perf_counter()
            added = services.contributions.add(
                Contribution(meeting_id=some.meeting_id, text=f"ravenscar {run}")
            )
            captured = time.perf_counter()
            services.contributions.delete(added.id or 0)
            deleted = time.perf_counter()
            current = services.contributions.get(some.id or 0)
            edit_started = time.perf_counter()
            services.contributions.update(replace(current, text=f"{current.text}."))
            edited = time.perf_counter()
            capture_ms = (captured - started) * 1000
            delete_ms = (deleted - captured) * 1000
            edit_ms = (edited - edit_started) * 1000
            if run:  # the first run warms the caches
                for name, value in zip(figures, (capture_ms, delete_ms, edit_ms), strict=True):
                    figures[name].append(value)
        with database.engine.connect() as connection:
            contributions = connection.exec_driver_sql(
                "SELECT count(*) FROM contributions"
            ).scalar_one()
            index_bytes = connection.exec_driver_sql(
                "SELECT sum(length(block)) FROM search_index_data"
            ).scalar_one()
    finally:
        database.close()
    medians = {name: statistics.median(values) for name, values in figures.items()}
    print(
        f"| {arguments.size} | {contributions:,} | {index_bytes / 1e6:.1f} MB "
        f"| {medians['capture']:.1f} | {medians['delete']:.1f} | {medians['edit']:.1f} |"
    )


if __name__ == "__main__":
    main()
