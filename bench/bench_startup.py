"""How long the window takes to start, as a person sees it (issue 12's first row): from the
launch command to a window that answers keys, against a bare PySide6 + qtawesome window with
a table view.

Each run starts a new Python process. The Coproduce run is the real ``coproduce --db FILE``
(``coproduce.cli.main``); the baseline builds a ``QMainWindow`` with a ``QTableView`` over a
small ``QStandardItemModel`` and a qtawesome icon. In both, ``QApplication.exec`` is wrapped
so that, once the event loop runs after the window was shown, a key press is sent to the
widget with the keyboard focus; when that key has been handled the child prints ``ready``.
The time is taken in this process from just before starting the child to reading ``ready``,
so the interpreter's start and every import count. Runs alternate (baseline, Coproduce,
baseline, ...) and the medians are printed, with the ratio.

The databases: the large example council (``/tmp/bench-cache/large.sqlite3``, built with
``coproduce demo --size large`` if missing) and a small one, each copied once to a scratch
folder so the window's runs change nothing shared. Byte-code is cached in a scratch
``PYTHONPYCACHEPREFIX`` (this machine sets ``PYTHONDONTWRITEBYTECODE``; a user's install has
its .pyc files), warmed by one unmeasured run of each.

    .venv/bin/python bench/bench_startup.py [--runs 9] [--source SRC_FOLDER]

``--source`` times another checkout's ``src`` folder (say, main before a change) with the
same harness.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CACHE = Path("/tmp/bench-cache")
LARGE = CACHE / "large.sqlite3"
SRC = Path(__file__).resolve().parent.parent / "src"

# Runs the real program, or the bare window, and reports once a key sent after the first
# paint has been handled. Kept identical for both, so only the window differs.
PROBE = r"""
import os, sys
os.environ.setdefault("QT_API", "pyside6")
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

_exec = QApplication.exec


class KeySeen(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F24:
            print("ready", flush=True)
            QApplication.quit()
            return True
        return False


def probing_exec(*args):
    app = QApplication.instance()
    seen = KeySeen(app)
    app.installEventFilter(seen)

    def press():
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if target is None:
            target = next(w for w in QApplication.topLevelWidgets() if w.isVisible())
        QApplication.postEvent(
            target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F24, Qt.KeyboardModifier.NoModifier)
        )

    QTimer.singleShot(0, press)
    return _exec()


QApplication.exec = probing_exec
if sys.argv[1] == "coproduce":
    from coproduce.cli import main
    sys.exit(main(["--db", sys.argv[2]]))

import qtawesome
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QMainWindow, QTableView

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
table.setFocus()
sys.exit(app.exec())
"""


def timed_start(kind: str, database: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", PROBE, kind, str(database)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    _out, err = child.communicate(timeout=60)
    if line.strip() != "ready":
        raise SystemExit(f"the {kind} window did not start:\n{err}")
    return elapsed


def small_database(folder: Path, env: dict[str, str]) -> Path:
    path = folder / "small.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "coproduce", "--db", str(path), "demo", "--size", "small"],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--source", type=Path, default=SRC, help="the src folder to time")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QT_API="pyside6",
        PYTHONPATH=str(args.source.resolve()),
        PYTHONPYCACHEPREFIX=str(scratch / "pycache"),
        HOME=str(scratch / "home"),
        XDG_CONFIG_HOME=str(scratch / "home" / "config"),
        XDG_DATA_HOME=str(scratch / "home" / "data"),
        XDG_STATE_HOME=str(scratch / "home" / "state"),
        XDG_CACHE_HOME=str(scratch / "home" / "cache"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not LARGE.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "coproduce", "--db", str(LARGE), "demo", "--size", "large"],
            check=True,
            env=env,
        )
    large = scratch / "large.sqlite3"
    shutil.copyfile(LARGE, large)
    databases = {"large": large, "small": small_database(scratch, env)}
    try:
        for database in databases.values():  # warm the byte-code cache and the disk cache
            timed_start("baseline", database, env)
            timed_start("coproduce", database, env)
        print(
            f"Python {platform.python_version()}, {os.cpu_count()} CPUs, source {args.source}, "
            f"{args.runs} runs each, interleaved\n"
        )
        print("| database | bare window (s, median) | Coproduce (s, median) | ratio |")
        print("|---|---|---|---|")
        for name, database in databases.items():
            bare: list[float] = []
            ours: list[float] = []
            for _ in range(args.runs):
                bare.append(timed_start("baseline", database, env))
                ours.append(timed_start("coproduce", database, env))
            b, c = statistics.median(bare), statistics.median(ours)
            print(f"| {name} | {b:.2f} | {c:.2f} | {c / b:.1f}x |")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
