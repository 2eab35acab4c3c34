"""How fast the journey views open on the large example council (issue 4: a document's view
must open in well under a second).

Uses the large demo in ``bench/out/large.sqlite3`` (built the first time, about 5 s; shared
with bench_lists.py). Times, over several runs after one warm-up:

- the document most talked about, and a typical one (the median by contributions linked):
  ``JourneyService.document_journeys`` and ``document_figures`` (services only), then the
  whole ``DocumentJourneysView.show_document`` (both calls and filling the tree);
- the person who said the most: ``person_journeys``, then ``PersonJourneysView.show_person``.

Prints Markdown rows for bench/README.md.

    .venv/bin/python bench/bench_journeys.py [--runs 15]
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_lists import large_sqlite
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter


def _median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm caches once, as a person's second look would
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtGui import QUndoStack

    from coproduce.app import application_instance
    from coproduce.ui.commands import DataChanges
    from coproduce.ui.context import WindowContext
    from coproduce.ui.journeys.document_view import DocumentJourneysView
    from coproduce.ui.journeys.person_view import PersonJourneysView

    application_instance()
    database = large_sqlite()
    services = Services(database)
    context = WindowContext(services, QUndoStack(), DataChanges())
    journeys = services.journeys

    documents = services.documents.list(limit=1000).items
    talked = sorted(
        ((journeys.document_figures(d.id).contributions, d) for d in documents if d.id),
        key=lambda pair: pair[0],
    )
    busiest_count, busiest = talked[-1]
    typical_count, typical = talked[len(talked) // 2]
    contributions = services.contributions.list(limit=0).total
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, SQLite file, "
        f"{contributions:,} contributions, {len(documents)} documents\n"
    )
    print("| view | contributions shown | journeys (ms) | figures (ms) | whole view opening (ms) |")
    print("|---|---|---|---|---|")
    view = DocumentJourneysView(context)
    for label, count, document in (
        ("Document most talked about", busiest_count, busiest),
        ("Typical document (median)", typical_count, typical),
    ):
        assert document.id is not None
        read = _median_ms(lambda d=document.id: journeys.document_journeys(d), args.runs)
        figures = _median_ms(lambda d=document.id: journeys.document_figures(d), args.runs)
        opened = _median_ms(lambda d=document: view.show_document(d), args.runs)
        print(f"| {label} | {count:,} | {read:.1f} | {figures:.1f} | {opened:.1f} |")

    speakers = services.people.list(limit=2000).items
    counts = {
        p.id: services.contributions.list(ContributionFilter(speaker_id=p.id), limit=0).total
        for p in speakers
        if p.id
    }
    chattiest_id = max(counts, key=lambda pid: counts[pid])
    chattiest = services.people.get(chattiest_id)
    person_view = PersonJourneysView(context)
    read = _median_ms(lambda: journeys.person_journeys(chattiest_id), args.runs)
    opened = _median_ms(lambda: person_view.show_person(chattiest), args.runs)
    print(
        f"| Person who said the most | {counts[chattiest_id]:,} | {read:.1f} | – | {opened:.1f} |"
    )
    database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
