"""How much memory the window holds on the large example council (issue 12: under 200 MiB
with every page visited and every list scrolled to its end), against a bare PySide6 +
qtawesome window with a table view.

Each figure comes from a new process (offscreen): its resident memory (VmRSS) and its peak
(VmHWM) read from /proc. The Coproduce process opens the real main window on a copy of the
large demo, shows it, then opens every page and scrolls every list from top to bottom a
screen at a time (each step painted, so the rows load as they would for a person holding
Page Down). Several runs, medians.

    .venv/bin/python bench/bench_memory.py [--runs 3] [--database FILE] [--source SRC]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

LARGE = Path("/tmp/bench-cache/large.sqlite3")
SRC = Path(__file__).resolve().parent.parent / "src"

CHILD = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_API", "pyside6")


def memory():
    figures = {}
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmRSS", "VmHWM")):
                figures[line.split(":")[0]] = int(line.split()[1]) / 1024
    return figures


if sys.argv[1] == "bare":
    import qtawesome
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    model = QStandardItemModel(200, 5)
    for row in range(200):
        for column in range(5):
            model.setItem(row, column, QStandardItem(f"{row}, {column}"))
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.setWindowIcon(qtawesome.icon("fa5s.users"))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    print(json.dumps({"shown": memory()}))
    sys.exit(0)

from coproduce.app import application_instance
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.main_window import MainWindow
from coproduce.ui.pages.list_page import ListPage
from coproduce.ui.workers import wait_for_background_work

app = application_instance()
database = Database.open(f"sqlite:///{sys.argv[2]}")
window = MainWindow(Services(database))
window.resize(1280, 800)
window.show()
for _ in range(20):
    app.processEvents()
shown = memory()
for entry in window.pages:
    window.show_page(entry.key)
    app.processEvents()
    page = window.page(entry.key)
    if isinstance(page, ListPage):
        table, model = page.table, page.model
        screen = max(1, table.viewport().height() // table.verticalHeader().defaultSectionSize())
        for row in range(0, model.total, screen):
            table.scrollTo(model.index(row, 0))
            app.processEvents()
wait_for_background_work()
app.processEvents()
print(json.dumps({"shown": shown, "everything": memory()}))
window.close()
database.close()
"""


def run(kind: str, database: Path, env: dict[str, str]) -> dict[str, dict[str, float]]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(database)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=600,
    )
    if done.returncode != 0:
        raise SystemExit(f"the {kind} run failed:\n{done.stderr}")
    figures: dict[str, dict[str, float]] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database", type=Path, default=LARGE)
    parser.add_argument("--source", type=Path, default=SRC, help="the src folder to measure")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(args.source.resolve()),
        HOME=str(scratch / "home"),
        XDG_CONFIG_HOME=str(scratch / "home" / "config"),
        XDG_DATA_HOME=str(scratch / "home" / "data"),
        XDG_STATE_HOME=str(scratch / "home" / "state"),
        XDG_CACHE_HOME=str(scratch / "home" / "cache"),
    )
    database = scratch / "large.sqlite3"
    shutil.copyfile(args.database, database)
    try:
        bare: list[float] = []
        shown: list[float] = []
        everything: list[float] = []
        peak: list[float] = []
        for _ in range(args.runs):
            bare.append(run("bare", database, env)["shown"]["VmRSS"])
            ours = run("coproduce", database, env)
            shown.append(ours["shown"]["VmRSS"])
            everything.append(ours["everything"]["VmRSS"])
            peak.append(ours["everything"]["VmHWM"])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"source {args.source}, {args.runs} runs, medians (MiB)\n")
    print("| window | resident (MiB) | peak (MiB) |")
    print("|---|---|---|")
    print(f"| bare PySide6 + qtawesome window, table view | {statistics.median(bare):.0f} | |")
    print(f"| Coproduce, shown | {statistics.median(shown):.0f} | |")
    print(
        f"| Coproduce, every page visited, every list scrolled to its end "
        f"| {statistics.median(everything):.0f} | {statistics.median(peak):.0f} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
