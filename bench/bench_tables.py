"""How long the table exports take on the large example council, and how much memory they need.

Exports every table to one Excel workbook (``coproduce export table all``) and the largest
table, contributions, to CSV, through ``services.tables.export`` (what the command and the
window call). Each run happens in a fresh child process, so its peak memory is its own:

- *seconds*: wall-clock time of the export alone (the database is already open);
- *peak RSS*: the child's peak resident memory (``VmHWM``), and *before*: the same just
  before the export started (Python, SQLAlchemy and openpyxl loaded, database open), so the
  difference is what the export itself needed;

SQLite uses ``bench/out/large.sqlite3`` (built the first time, about 5 s, and shared with
bench_lists.py). PostgreSQL runs when ``COPRODUCE_TEST_PG_URL`` is set (``eval
"$(.ci/postgres.sh)"``): the large demo is built into a new database, measured, then dropped.
Prints Markdown rows for bench/README.md.

    .venv/bin/python bench/bench_tables.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from coproduce.documents.tables import TableFormat
from coproduce.services import Services
from coproduce.services.demo import build_demo
from coproduce.services.tables import TABLES
from coproduce.store.database import Database

OUT = Path(__file__).resolve().parent / "out"
PG_URL_VARIABLE = "COPRODUCE_TEST_PG_URL"
CASES = {
    "xlsx, all 8 tables": (TableFormat.XLSX, list(TABLES)),
    "csv, contributions": (TableFormat.CSV, ["contributions"]),
}


def _max_rss_mb() -> float:
    """This process's peak resident memory so far (Linux). Not ``ru_maxrss``: that keeps the
    parent's peak across fork and exec, and the parent may have just built the large demo."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status: this bench needs Linux")


def child(url: str, case: str) -> None:
    """One export in this process; prints the measurements as JSON."""
    file_format, names = CASES[case]
    database = Database.open(url, migrate=False)
    services = Services(database)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export{file_format.suffix}"
        before = _max_rss_mb()
        started = time.perf_counter()
        result = services.tables.export(names, file_format, path)
        seconds = time.perf_counter() - started
        size = path.stat().st_size
    database.close()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rows": result.total,
                "megabytes": size / 2**20,
                "rss_before": before,
                "rss_peak": _max_rss_mb(),
            }
        )
    )


def run_child(url: str, case: str) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", url, case]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def large_sqlite_url() -> str:
    OUT.mkdir(exist_ok=True)
    path = OUT / "large.sqlite3"
    if not path.exists():
        database = Database.open(f"sqlite:///{path}")
        build_demo(database, "large")
        database.close()
    return f"sqlite:///{path}"


def measure(backend: str, url: str, runs: int) -> None:
    for case in CASES:
        timed = [run_child(url, case) for _ in range(runs)]
        print(
            f"| {case} | {backend} | {timed[0]['rows']:,} | {timed[0]['megabytes']:.1f} "
            f"| {statistics.median(r['seconds'] for r in timed):.1f} "
            f"| {statistics.median(r['rss_before'] for r in timed):.0f} "
            f"| {statistics.median(r['rss_peak'] for r in timed):.0f} "
            f"| {runs} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("URL", "CASE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1])
        return

    print(f"Python {platform.python_version()}, {os.cpu_count()} cores, {platform.platform()}")
    print()
    print(
        "| export | database | rows | file (MB) | seconds (median) | RSS before (MB) "
        "| peak RSS (MB) | runs |"
    )
    print("|---|---|---|---|---|---|---|---|")
    measure("SQLite (file)", large_sqlite_url(), args.runs)
    admin_url = os.environ.get(PG_URL_VARIABLE)
    if not admin_url:
        print(f"({PG_URL_VARIABLE} is not set: PostgreSQL skipped)")
        return
    admin = create_engine(make_url(admin_url), isolation_level="AUTOCOMMIT")
    name = f"coproduce_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        database = Database.open(url)
        build_demo(database, "large")
        database.close()
        measure("PostgreSQL", url, args.runs)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
