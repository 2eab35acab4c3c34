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
    .venv/bin/python bench/bench_handouts.py --commands [--runs 5] [--compare-tree ../main]

``--commands`` times ``coproduce export easy-read`` of the large council's busiest session
and of a 40-contribution one as fresh processes, and the same in process, each beside a bare
python-docx script writing the same rows and pictures (issue 12). The large council is built
once into ``/tmp/bench-cache``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
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


# --- the easy-read summary as a command (issue 12) ------------------------------------------

CACHE = Path("/tmp/bench-cache")
SRC = Path(__file__).resolve().parents[1] / "src"
BARE_DOCX = """
import json, sys
from docx import Document
from docx.shared import Cm
rows = json.load(open(sys.argv[1]))
document = Document()
table = document.add_table(rows=0, cols=2)
for picture, text in rows:
    cells = table.add_row().cells
    if picture:
        cells[0].paragraphs[0].add_run().add_picture(picture, width=Cm(3.5))
    cells[1].text = text
document.save(sys.argv[2])
"""
IN_PROCESS = """
import sys, time
from coproduce.cli_documents import _Renderer
from coproduce.documents.easy_read import build_easy_read
from coproduce.services import Services
from coproduce.store.database import Database
database = Database.open(sys.argv[1])
services = Services(database)
times = []
for _ in range(int(sys.argv[3]) + 1):
    started = time.perf_counter()
    pictures = _Renderer(services)
    built = build_easy_read(services.handouts.session_summary(int(sys.argv[2])), pictures)
    built.document.save(sys.argv[4])
    times.append(time.perf_counter() - started)
print(min(times[1:]))
"""


def large_database() -> Path:
    """The large example council, built once into ``/tmp/bench-cache`` and reused."""
    path = CACHE / "bench-handouts-large.sqlite3"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        database = Database.open(f"sqlite:///{path}")
        build_demo(database, "large")
        database.close()
    return path


def _seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def _rows_of(path: Path, folder: Path) -> Path:
    """The rows a built summary printed, as (picture file, words) pairs for the bare script."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    parts = document.part.related_parts
    rows = []
    for number, table_row in enumerate(document.element.body.iter(qn("w:tr"))):
        blips = list(table_row.iter(qn("a:blip")))
        picture = ""
        if blips:
            picture = str(folder / f"picture-{number}.png")
            Path(picture).write_bytes(parts[blips[0].get(qn("r:embed"))].blob)
        words = " ".join(t.text or "" for t in table_row.iter(qn("w:t")))
        rows.append((picture, words))
    listed = folder / "rows.json"
    listed.write_text(json.dumps(rows))
    return listed


def summary_commands(runs: int, trees: list[Path]) -> None:
    """``coproduce export easy-read`` of the busiest session and of a 40-contribution one,
    each a fresh process, beside a bare python-docx script writing the same rows and pictures;
    interleaved, medians of ``runs``. ``trees``: other source trees to time the same way
    (main's, for the figures before)."""
    import sqlite3

    database = large_database()
    with sqlite3.connect(database) as connection:
        counts = connection.execute(
            "SELECT c.meeting_id, count(*) AS n FROM contributions c JOIN meetings m "
            "ON m.id = c.meeting_id WHERE m.status NOT IN ('planned', 'cancelled') "
            "GROUP BY c.meeting_id ORDER BY n DESC, c.meeting_id"
        ).fetchall()
    sessions = {
        f"busiest session ({counts[0][1]} contributions)": counts[0][0],
        "a 40-contribution session": next(mid for mid, n in counts if n == 40),
    }
    home = Path(tempfile.mkdtemp(prefix="bench-home-"))
    sources = {"this tree": SRC, **{str(tree): tree / "src" for tree in trees}}
    print("| easy-read summary | how | " + " | ".join(sources) + " | bare python-docx |")
    print("|---|---|" + "---|" * (len(sources) + 1))
    for name, meeting_id in sessions.items():
        out = home / f"summary-{meeting_id}.docx"
        command_times: dict[str, list[float]] = {source: [] for source in sources}
        bare: list[float] = []
        for _ in range(runs):
            for source, src in sources.items():
                env = {**os.environ, "PYTHONPATH": str(src), "COPRODUCE_HOME": str(home)}
                command = [
                    sys.executable, "-m", "coproduce", "export", "easy-read",
                    "--session", str(meeting_id), "--db", str(database), "-o", str(out),
                    "--force",
                ]  # fmt: skip
                command_times[source].append(_seconds(command, env))
            rows = _rows_of(out, home)
            bare.append(
                _seconds(
                    [sys.executable, "-c", BARE_DOCX, str(rows), str(home / "bare.docx")],
                    dict(os.environ),
                )
            )
        cells = " | ".join(f"{statistics.median(t):.2f} s" for t in command_times.values())
        print(f"| {name} | command | {cells} | {statistics.median(bare):.2f} s |")
        in_process = []
        for src in sources.values():
            env = {**os.environ, "PYTHONPATH": str(src), "COPRODUCE_HOME": str(home)}
            done = subprocess.run(
                [sys.executable, "-c", IN_PROCESS, f"sqlite:///{database}", str(meeting_id),
                 str(runs), str(out)],
                check=True, capture_output=True, text=True, env=env,
            )  # fmt: skip
            in_process.append(f"{float(done.stdout):.2f} s")
        bare_in_process = _bare_in_process(_rows_of(out, home), home / "bare.docx", runs)
        print(
            f"| {name} | in process (gather, pictures, build, save) | {' | '.join(in_process)} "
            f"| {bare_in_process:.2f} s |"
        )


def _bare_in_process(rows: Path, target: Path, runs: int) -> float:
    namespace: dict[str, object] = {}
    code = compile(BARE_DOCX, "bare", "exec")
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        sys.argv = ["bare", str(rows), str(target)]
        exec(code, namespace)
        times.append(time.perf_counter() - started)
    return min(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", action="store_true", help="also time the large council")
    parser.add_argument(
        "--commands",
        action="store_true",
        help="only time the easy-read summary as a command and in process (issue 12)",
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--compare-tree",
        type=Path,
        action="append",
        default=[],
        metavar="TREE",
        help="also time another checkout's src (main's, for the figures before)",
    )
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {os.cpu_count()} cores")
    if args.commands:
        summary_commands(args.runs, args.compare_tree)
        return
    with tempfile.TemporaryDirectory() as work:
        small_pages(Path(work))
        if args.large:
            print()
            large_times(Path(work))


if __name__ == "__main__":
    main()
