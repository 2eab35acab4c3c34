"""How fast the window's lists answer on the large example council (issue 3's promise: the
first rows of any list, and a search, in under 100 ms).

Builds the large demo once into ``bench/out/large.sqlite3`` (reused by later runs), opens the
real main window offscreen on it, and for every list page times, over several runs:

- *first rows*: ``page.refresh()``: the page's lookups plus the model's reload, which counts
  the matching rows and loads the first chunk of 200 (what is painted first);
- *search*: the same after typing a search word (the query runs in the database);
- *service only*: the service's first page of 200 with no search, without Qt;
- *queries*: the statements a chunk of 200 rows (the page's ``load``) sends, counted with a
  SQLAlchemy event (issue 12: at most 3).

``--database FILE`` uses another copy of the large demo (say, /tmp/bench-cache's).

Prints Markdown rows for bench/README.md.

    .venv/bin/python bench/bench_lists.py [--runs 15] [--database FILE]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from coproduce.services import Services
from coproduce.services.demo import build_demo
from coproduce.store.database import Database

OUT = Path(__file__).resolve().parent / "out"
SEARCHES = {
    "sessions": "carers",
    "people": "pat",
    "groups": "forum",
    "documents": "strategy",
    "actions": "send",
}


def _median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm caches once, as a person's second look would
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def large_sqlite(path: Path | None = None) -> Database:
    OUT.mkdir(exist_ok=True)
    path = path or OUT / "large.sqlite3"
    fresh = not path.exists()
    database = Database.open(f"sqlite:///{path}")
    if fresh:
        started = time.perf_counter()
        build_demo(database, "large")
        print(f"(built the large demo in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database", type=Path, default=None)
    args = parser.parse_args()
    from sqlalchemy import event

    from coproduce.app import application_instance
    from coproduce.ui.main_window import MainWindow
    from coproduce.ui.pages.list_page import ListPage

    application_instance()
    database = large_sqlite(args.database)
    services = Services(database)
    window = MainWindow(services)
    sent: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append(statement)

    event.listen(database.engine, "before_cursor_execute", seen)
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, SQLite file, "
        f"{services.people.list(limit=0).total:,} people, "
        f"{services.meetings.list(limit=0).total:,} sessions\n"
    )
    print(
        "| list | rows | first rows (ms, median) | queries per chunk | search "
        "| search (ms, median) |"
    )
    print("|---|---|---|---|---|---|")
    for entry in window.pages:
        page = window.page(entry.key)
        if not isinstance(page, ListPage):
            continue
        word = SEARCHES.get(entry.key, "a")

        def first_rows(page: ListPage = page) -> None:
            page.search_text = ""
            page.refresh()

        def search(page: ListPage = page, word: str = word) -> None:
            page.search_text = word
            page.model.reload()

        first = _median_ms(first_rows, args.runs)
        rows = page.model.total
        sent.clear()
        page.load(200, 200)
        queries = len(sent)
        found = _median_ms(search, args.runs)
        print(
            f"| {entry.label} | {rows:,} | {first:.1f} | {queries} "
            f"| '{word}' ({page.model.total:,}) | {found:.1f} |"
        )
    # The session views: the register and the preparation checklist of the session with
    # the most people on its register.
    from coproduce.services.meetings import MeetingFilter

    sessions = services.meetings.list(MeetingFilter(), limit=1000).items
    counts = services.meetings.present_counts([m.id for m in sessions if m.id])
    busiest = max(sessions, key=lambda m: counts.get(m.id or 0, 0))
    page = window.list_page("sessions")
    print("\n| session view | people | opening (ms, median) |")
    print("|---|---|---|")
    for label, view in [
        ("Register", page.detail.register),
        ("Preparation", page.detail.preparation),
    ]:
        opened = _median_ms(lambda view=view: view.show_meeting(busiest.id), args.runs)
        people = len(services.meetings.expected_attendees(busiest.id))
        print(f"| {label} | {people} | {opened:.1f} |")
    database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
