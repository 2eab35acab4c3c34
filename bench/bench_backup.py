"""What checking a backup costs: ``coproduce backup`` before and after issue 13.

Compares, interleaved (A B A B) on the same file, medians of ``--runs``:

- *unchecked*: SQLite's online backup into a temporary file, switched out of WAL, renamed
  into place (what ``store/backup.copy_sqlite`` did before issue 13);
- *checked*: ``copy_sqlite`` now: the source checked (``integrity_check`` up to 256 MB, else
  ``quick_check``), copied in the same read transaction, the copy checked again
  (``quick_check``) and its schema revision compared, then renamed into place.

Uses ``bench/out/large.sqlite3`` (the large example council, built the first time, about a
minute, and shared with bench_lists.py and bench_tables.py). Prints a Markdown row for
bench/README.md.

    .venv/bin/python bench/bench_backup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from coproduce.services.demo import build_demo
from coproduce.store.backup import copy_sqlite
from coproduce.store.database import Database

OUT = Path(__file__).resolve().parent / "out"


def large_demo() -> Path:
    path = OUT / "large.sqlite3"
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        database = Database.open(f"sqlite:///{path}")
        try:
            build_demo(database, "large")
        finally:
            database.close()
    return path


def unchecked_copy(source: Path, destination: Path) -> None:
    """The copy as it was made before issue 13: no check of the source or of the copy."""
    temporary = destination.with_name(destination.name + ".partial")
    source_connection = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(temporary)
    source_connection.backup(target)
    target.execute("PRAGMA journal_mode = DELETE")
    target.close()
    source_connection.close()
    os.replace(temporary, destination)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    source = large_demo()
    timings: dict[str, list[float]] = {"unchecked": [], "checked": []}
    with tempfile.TemporaryDirectory(dir=OUT) as folder:
        for run in range(args.runs + 1):  # the first round warms the page cache
            for name, copy in (("unchecked", unchecked_copy), ("checked", copy_sqlite)):
                destination = Path(folder) / f"{name}.sqlite3"
                destination.unlink(missing_ok=True)
                started = time.perf_counter()
                copy(source, destination)
                if run:
                    timings[name].append(time.perf_counter() - started)
        # The unchecked copy of a WAL file leaves -wal and -shm beside it; tidy them.
    for suffix in ("-wal", "-shm"):
        Path(f"{source}{suffix}").unlink(missing_ok=True)
    size = source.stat().st_size / 2**20
    unchecked = statistics.median(timings["unchecked"])
    checked = statistics.median(timings["checked"])
    print(f"({platform.python_version()}, SQLite {sqlite3.sqlite_version})", file=sys.stderr)
    print("| database | size (MB) | unchecked copy (s) | checked copy (s) | extra |")
    print("|---|---|---|---|---|")
    print(
        f"| large example council | {size:.0f} | {unchecked:.2f} | {checked:.2f} | "
        f"{checked / unchecked:.1f} x |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
