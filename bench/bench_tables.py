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


# --- the commands beside the bare libraries (issue 12) ----------------------------------------

BARE_CSV = """
import csv, sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
rows = connection.execute(
    "SELECT c.id, c.meeting_id, m.group_id, m.starts_at, c.agenda_item_id, a.title,"
    " c.captured_at, c.kind, c.kind, c.text, c.attribution, c.attribution, p.display_name,"
    " c.speaker_id, c.in_summary, '', '' FROM contributions c"
    " JOIN meetings m ON m.id = c.meeting_id"
    " LEFT JOIN agenda_items a ON a.id = c.agenda_item_id"
    " LEFT JOIN people p ON p.id = c.speaker_id ORDER BY c.id"
)
with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerows(rows)
"""
BARE_XLSX = """
import sqlite3, sys
from openpyxl import Workbook
tables = ["meetings", "attendance", "contributions", "links", "responses",
          "ladder_assessments", "actions", "payments"]
connection = sqlite3.connect(sys.argv[1])
book = Workbook(write_only=True)
for table in tables:
    sheet = book.create_sheet(table)
    for row in connection.execute(f"SELECT * FROM {table} ORDER BY id"):
        sheet.append(row)
book.save(sys.argv[2])
"""
COMMANDS = {
    "`export table contributions --format csv`": (["contributions", "--format", "csv"], "csv"),
    "`export table all --format xlsx`": (["all", "--format", "xlsx"], "xlsx"),
}


def commands(runs: int, trees: list[Path]) -> None:
    """Each export as a fresh ``coproduce`` process, this tree's and ``trees``' (main's, for
    the figures before), beside a bare script doing the same with the library alone:
    interleaved, medians of ``runs``."""
    url = large_sqlite_url()
    path = url.removeprefix("sqlite:///")
    src = Path(__file__).resolve().parents[1] / "src"
    sources = {"this tree": src, **{str(tree): tree / "src" for tree in trees}}
    work = Path(tempfile.mkdtemp(prefix="bench-tables-"))
    print("| command (large demo, SQLite) | " + " | ".join(sources) + " | bare library |")
    print("|---|" + "---|" * (len(sources) + 1))
    for name, (arguments, suffix) in COMMANDS.items():
        times: dict[str, list[float]] = {source: [] for source in [*sources, "bare"]}
        bare = BARE_CSV if suffix == "csv" else BARE_XLSX
        for _ in range(runs):
            for source, tree in sources.items():
                env = {**os.environ, "PYTHONPATH": str(tree), "COPRODUCE_HOME": str(work)}
                command = [
                    sys.executable, "-m", "coproduce", "export", "table", *arguments,
                    "--db", path, "-o", str(work / f"out.{suffix}"), "--force",
                ]  # fmt: skip
                started = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, env=env)
                times[source].append(time.perf_counter() - started)
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", bare, path, str(work / f"bare.{suffix}")], check=True
            )
            times["bare"].append(time.perf_counter() - started)
        cells = " | ".join(f"{statistics.median(t):.1f} s" for t in times.values())
        print(f"| {name} | {cells} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("URL", "CASE"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--commands",
        action="store_true",
        help="only time the export commands beside bare csv and openpyxl scripts",
    )
    parser.add_argument(
        "--compare-tree",
        type=Path,
        action="append",
        default=[],
        metavar="TREE",
        help="with --commands, also time another checkout's src (main's, for before)",
    )
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1])
        return
    if args.commands:
        print(f"Python {platform.python_version()}, {os.cpu_count()} cores")
        commands(args.runs, args.compare_tree)
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
