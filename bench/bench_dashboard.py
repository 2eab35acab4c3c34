"""How fast the dashboard's figures are worked out on the large example council (issue 6).

Uses the large demo in ``bench/out/large-dashboard.sqlite3`` (built the first time, about 6 s;
its own file, so other benchmarks running at the same time do not hold it locked), seen on the
day the demo was made (``ANCHOR``), so the figures are the same every run. Times, over several
runs after one warm-up:

- ``DashboardService.figures`` (every figure, counted by the database) for all groups over the
  last 12 months, for one group, and for all groups with no dates (every contribution);
- the whole Dashboard page: from asking for the figures to the charts and tables filled
  (``DashboardPage.refresh`` until its ``loaded`` signal), last 12 months, all groups.

With ``--postgres`` it times the service on the ``COPRODUCE_TEST_PG_URL`` server, in a database
``coproduce_bench_dashboard`` it builds once and keeps.

Prints Markdown rows for bench/README.md.

    .venv/bin/python bench/bench_dashboard.py [--runs 15] [--postgres]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coproduce.domain.schedule import add_months
from coproduce.services import Services
from coproduce.services.dashboard import DashboardFilter
from coproduce.services.demo import ANCHOR, build_demo
from coproduce.store.database import Database

OUT = Path(__file__).resolve().parent / "out"

LAST_12_MONTHS = DashboardFilter(
    from_date=add_months(ANCHOR, -12) + timedelta(days=1), to_date=ANCHOR
)


def large_sqlite() -> Database:
    OUT.mkdir(exist_ok=True)
    path = OUT / "large-dashboard.sqlite3"
    fresh = not path.exists()
    database = Database.open(f"sqlite:///{path}")
    if fresh:
        started = time.perf_counter()
        build_demo(database, "large")
        print(f"(built the large demo in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return database


def _median_ms(action: Callable[[], object], runs: int) -> tuple[float, float]:
    action()  # warm caches once, as a person's second look would
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def _service_rows(services: Services, runs: int, database_name: str) -> None:
    dashboard = services.dashboard
    busiest = max(dashboard.figures(LAST_12_MONTHS).overdue.by_group, key=lambda g: g.count)
    cases = [
        ("all groups, last 12 months", LAST_12_MONTHS),
        (
            f"one group ({busiest.group_name}), last 12 months",
            DashboardFilter(
                frozenset({busiest.group_id}), LAST_12_MONTHS.from_date, LAST_12_MONTHS.to_date
            ),
        ),
        ("all groups, no dates", DashboardFilter()),
    ]
    for label, which in cases:
        figures = dashboard.figures(which)
        median, slowest = _median_ms(lambda w=which: dashboard.figures(w), runs)
        print(
            f"| {database_name} | {label} | {figures.loop.contributions:,} | "
            f"{len(figures.reach.check_in):,} | {median:.0f} | {slowest:.0f} |"
        )


def _header() -> None:
    print(
        "| database | figures for | contributions counted | check-in lines | "
        "service (ms, median) | slowest (ms) |"
    )
    print("|---|---|---|---|---|---|")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    if args.postgres:
        return postgres(args.runs)

    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QUndoStack

    from coproduce.app import application_instance
    from coproduce.ui.commands import DataChanges
    from coproduce.ui.context import WindowContext
    from coproduce.ui.pages.dashboard_page import DashboardPage

    application_instance()
    database = large_sqlite()
    services = Services(database, today=lambda: ANCHOR)
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs, SQLite file\n")
    _header()
    _service_rows(services, args.runs, "SQLite")

    page = DashboardPage(WindowContext(services, QUndoStack(), DataChanges()))
    page.resize(1200, 900)

    def load_page() -> None:
        loop = QEventLoop()
        page.loaded.connect(loop.quit)
        if page.isVisible():
            page.refresh()
        else:
            page.show()
        loop.exec()
        page.loaded.disconnect(loop.quit)

    median, slowest = _median_ms(load_page, args.runs)
    print(
        f"\n| whole page (SQLite, all groups, last 12 months) | ms, median | slowest |\n"
        f"|---|---|---|\n| refresh to charts and tables filled | {median:.0f} | {slowest:.0f} |"
    )
    database.close()
    return 0


def postgres(runs: int) -> int:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(os.environ["COPRODUCE_TEST_PG_URL"])
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        fresh = not connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = 'coproduce_bench_dashboard'")
        ).first()
        if fresh:
            connection.execute(text("CREATE DATABASE coproduce_bench_dashboard"))
    admin.dispose()
    url = admin_url.set(database="coproduce_bench_dashboard").render_as_string(hide_password=False)
    database = Database.open(url)
    if fresh:
        started = time.perf_counter()
        build_demo(database, "large")
        print(f"(built the large demo in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    services = Services(database, today=lambda: ANCHOR)
    _header()
    _service_rows(services, runs, "PostgreSQL")
    database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
