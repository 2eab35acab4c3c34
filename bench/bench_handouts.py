"""Easy-read handouts of the example councils: how many pages they take (the estimate the
export dialog shows, beside LibreOffice's real page count) and how long the large council's
take to gather and build.

For the small council: every held session's summary at Arial 14, 16 and 24 pt and Verdana 16,
every group's "You said, we did" at 16 and 24 pt, and 10 people's packs, all converted to PDF
by LibreOffice in one run. For the large council: the summaries of the 30 busiest held
sessions and the 5 busiest groups' reports, timed (gather = ``services.handouts``, build =
``documents.easy_read.build_easy_read`` with small pictures, so the figure is the words, the
choice within the budget and the layout, not drawing).

    .venv/bin/python bench/bench_handouts.py [--large]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import time
from functools import lru_cache
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coproduce.documents.docx_base import EasyReadSettings
from coproduce.documents.easy_read import Built, build_easy_read
from coproduce.domain.records import PictureChoice
from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.services.demo import build_demo
from coproduce.store.database import Database

NOT_HELD = (MeetingStatus.PLANNED, MeetingStatus.CANCELLED)


@lru_cache(maxsize=1024)
def picture(choice: PictureChoice) -> bytes:
    from coproduce.ui.pictures import render_png

    return render_png(choice, 48)


def council(folder: Path, size: str) -> Services:
    database = Database.open(f"sqlite:///{folder / f'{size}.sqlite3'}")
    build_demo(database, size)
    return Services(database)


def held(services: Services) -> list:
    return [m for m in services.meetings.list().items if m.status not in NOT_HELD]


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def small_pages(folder: Path) -> None:
    services = council(folder, "small")
    built: dict[str, tuple[str, Built]] = {}
    for meeting in held(services):
        content = services.handouts.session_summary(meeting.id)
        for font, size in (("Arial", 14), ("Arial", 16), ("Arial", 24), ("Verdana", 16)):
            settings = EasyReadSettings(font=font, size=size)
            built[f"s{meeting.id}-{font}{size}"] = (
                f"summary {font} {size}",
                build_easy_read(content, picture, settings),
            )
    for group in services.groups.list().items:
        content = services.handouts.you_said_we_did(group_id=group.id)
        for size in (16, 24):
            built[f"g{group.id}-{size}"] = (
                f"group report Arial {size}",
                build_easy_read(content, picture, EasyReadSettings(size=size)),
            )
    for person in services.people.list().items[:60:6]:
        built[f"p{person.id}"] = (
            "person pack Arial 16",
            build_easy_read(services.handouts.person_pack(person.id), picture),
        )
    files = [str(b.save(folder / f"{name}.docx")) for name, (_, b) in built.items()]
    soffice = shutil.which("soffice")
    if soffice is None:
        print("LibreOffice is not installed: no page counts.")
        return
    subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), *files],
        check=True, capture_output=True,
    )  # fmt: skip
    rows: dict[str, list[tuple[int, int, int]]] = {}
    for name, (kind, document) in built.items():
        rows.setdefault(kind, []).append(
            (document.estimated_pages, pages(folder / f"{name}.pdf"), document.budget)
        )
    print("| handouts (small council) | how many | real pages (min-max) | budget | over budget "
          "| estimate minus real (min-max) |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for kind, found in rows.items():
        real = [r for _, r, _ in found]
        diff = [e - r for e, r, _ in found]
        over = sum(1 for _, r, b in found if r > b)
        print(
            f"| {kind} | {len(found)} | {min(real)}-{max(real)} | {found[0][2]} | {over} "
            f"| {min(diff)} to {max(diff)} |"
        )


def large_times(folder: Path) -> None:
    services = council(folder, "large")
    counts = {
        m.id: services.contributions.list(ContributionFilter(meeting_id=m.id), limit=0).total
        for m in held(services)
    }
    busiest = sorted(counts, key=counts.__getitem__, reverse=True)[:30]
    timings: dict[str, list[float]] = {"gather": [], "build": []}
    for meeting_id in busiest:
        started = time.perf_counter()
        content = services.handouts.session_summary(meeting_id)
        gathered = time.perf_counter()
        build_easy_read(content, picture)
        timings["gather"].append(gathered - started)
        timings["build"].append(time.perf_counter() - gathered)
    reports: dict[str, list[float]] = {"gather": [], "build": []}
    for group in services.groups.list().items[:5]:
        started = time.perf_counter()
        content = services.handouts.you_said_we_did(group_id=group.id)
        gathered = time.perf_counter()
        build_easy_read(content, picture)
        reports["gather"].append(gathered - started)
        reports["build"].append(time.perf_counter() - gathered)
    print("| large council | gather (median, worst) | build (median, worst) |")
    print("|---|---|---|")
    for name, found in (
        ("summary, 30 busiest sessions", timings),
        ("group report, 5 groups", reports),
    ):
        print(
            f"| {name} | {statistics.median(found['gather']):.2f} s, {max(found['gather']):.2f} s "
            f"| {statistics.median(found['build']):.2f} s, {max(found['build']):.2f} s |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", action="store_true", help="also time the large council")
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as work:
        small_pages(Path(work))
        if args.large:
            print()
            large_times(Path(work))


if __name__ == "__main__":
    main()
