"""Issue 12's table: each figure beside a baseline doing the same work with the bare library,
measured in the same run, interleaved (baseline, Coproduce, baseline, ...), median of runs.

    .venv/bin/python bench/bench_speed.py [--runs 5] [--only startup,typing,...]

Rows (``--only`` takes their keys):

- ``startup``: from the launch command to a window that answers a key, on the large, small
  and an empty database. Both programs run under a private Xvfb screen (1366x768) with
  openbox, as on a laptop: the bench waits for the window to be mapped, presses F1 and waits
  for the keyboard-shortcuts window (the baseline: a bare PySide6 + qtawesome window with a
  table view, whose F1 opens a dialog). On an empty database the first window is the
  question "Load the example council?"; Escape answers it, and the time is until it closes.
- ``typing``: meeting mode's words box (the real ``CaptureView``, offscreen) against a bare
  QLineEdit with the same 500 ms pause timer saving to sqlite3: one key then a pause, and 60
  keys 120 ms apart (the time from the first key until the words are in the database, read
  by another connection).
- ``easy_read``: ``coproduce export easy-read`` of the busiest session and of a session with
  about 40 contributions, as a command and in process (``cli.main``), against a bare
  python-docx script writing the same rows (one query for the session's words) with the
  same pictures (the PNGs taken out of Coproduce's own document).
- ``tables``: ``coproduce export table contributions --format csv`` against a bare csv
  writer over ``SELECT * FROM contributions``; ``export table all --format xlsx`` against
  openpyxl's write-only mode over the same eight tables.
- ``search``: ``services.search.search`` against raw FTS5 ``MATCH ... LIMIT 50`` on a kept
  connection.
- ``actions``: the first rows of the Actions list in the real window (and how many SQL
  statements that takes) against one raw query for the same rows into a bare table view.
- ``memory``: the window's resident memory after every page is visited and every list is
  scrolled to its end, against the bare window with a table view.

The large example council is built once into ``bench/out/large.sqlite3`` (shared with
bench_lists.py); the small one into ``bench/out/small.sqlite3``. Every run works on copies.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = sys.executable
PROGRAM = str(Path(sys.executable).with_name("coproduce"))
SCREEN = "1366x768x24"


# --- the table -----------------------------------------------------------------------------


@dataclass
class Row:
    what: str
    goal: str
    baseline: list[float] = field(default_factory=list)
    coproduce: list[float] = field(default_factory=list)
    unit: str = "s"
    ratio_goal: float | None = None  # at most this many times the baseline
    absolute_goal: float | None = None  # at most this many units
    queries: float | None = None  # SQL statements Coproduce sent (median), where counted
    query_goal: int | None = None  # at most this many
    note: str = ""

    def figure(self, values: list[float]) -> str:
        if not values:
            return "-"
        median = statistics.median(values)
        if self.unit == "s":
            return f"{median:.2f} s"
        if self.unit == "ms":
            return f"{median:.1f} ms"
        return f"{median:.0f} {self.unit}"

    @property
    def ratio(self) -> float | None:
        if not self.baseline or not self.coproduce:
            return None
        return statistics.median(self.coproduce) / statistics.median(self.baseline)

    @property
    def met(self) -> bool:
        ok = True
        if self.ratio_goal is not None and self.ratio is not None:
            ok = ok and self.ratio <= self.ratio_goal
        if self.absolute_goal is not None and self.coproduce:
            ok = ok and statistics.median(self.coproduce) <= self.absolute_goal
        if self.query_goal is not None and self.queries is not None:
            ok = ok and self.queries <= self.query_goal
        return ok

    def markdown(self) -> str:
        ratio = f"{self.ratio:.1f}x" if self.ratio is not None else "-"
        verdict = "yes" if self.met else "**no**"
        note = f" ({self.note})" if self.note else ""
        return (
            f"| {self.what} | {self.figure(self.baseline)} | {self.figure(self.coproduce)}"
            f"{note} | {ratio} | {self.goal} | {verdict} |"
        )


def interleave(row: Row, baseline: Callable[[], float], coproduce: Callable[[], float], runs: int):
    """Run each once to warm caches, then alternate, keeping every figure."""
    baseline()
    coproduce()
    for _ in range(runs):
        row.baseline.append(baseline())
        row.coproduce.append(coproduce())
    return row


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run_command(argv: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed


# --- the example councils ------------------------------------------------------------------


def council(size: str) -> Path:
    """The example council of ``size``, built once and reused by later runs."""
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{size}.sqlite3"
    if not path.exists():
        from coproduce.services.demo import build_demo
        from coproduce.store.database import Database

        started = time.perf_counter()
        database = Database.open(f"sqlite:///{path}")
        build_demo(database, size)
        database.close()
        print(f"(built the {size} demo in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return path


def copy_of(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    os.chmod(target, 0o600)
    return target


def empty_database(folder: Path) -> Path:
    from coproduce.store.database import Database

    path = folder / "empty.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    return path


# --- start-up, under Xvfb -------------------------------------------------------------------

BARE_WINDOW = textwrap.dedent(
    """
    import os, sys
    os.environ.setdefault("QT_API", "pyside6")
    from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QTableView
    import qtawesome

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.setWindowIcon(qtawesome.icon("fa5s.users"))
    model = QStandardItemModel(50, 4)
    for r in range(50):
        for c in range(4):
            model.setItem(r, c, QStandardItem(f"row {r} column {c}"))
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    def helped():
        dialog = QDialog(window)
        dialog.setWindowTitle("Bare help")
        dialog.show()
    QShortcut(QKeySequence("F1"), window, helped)
    window.resize(1200, 700)
    window.show()
    sys.exit(app.exec())
    """
)


class Screen:
    """A private X screen with a window manager, so windows are mapped and focused as on a
    desktop."""

    def __init__(self) -> None:
        self.display = f":{os.getpid() % 400 + 200}"
        self.xvfb = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", SCREEN, "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        self.env.pop("WAYLAND_DISPLAY", None)
        deadline = time.monotonic() + 10
        while subprocess.run(["xdpyinfo"], env=self.env, capture_output=True).returncode:
            if time.monotonic() > deadline:
                raise SystemExit("Xvfb did not start")
            time.sleep(0.1)
        self.wm = subprocess.Popen(
            ["openbox"], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(1)

    def windows(self, name: str) -> list[str]:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", name],
            env=self.env,
            capture_output=True,
            text=True,
        )
        return found.stdout.split()

    def wait_for(self, name: str, present: bool = True, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.windows(name)
            if bool(found) == present:
                return found[0] if found else ""
            time.sleep(0.01)
        raise SystemExit(f"window {name!r} {'never came' if present else 'never went'}")

    def key(self, window: str, key: str) -> None:
        subprocess.run(
            ["xdotool", "windowactivate", "--sync", window, "key", key],
            env=self.env,
            capture_output=True,
        )

    def close(self) -> None:
        self.wm.terminate()
        self.xvfb.terminate()
        self.wm.wait(10)
        self.xvfb.wait(10)


def time_to_answer(
    screen: Screen, argv: list[str], env: dict[str, str], first: str, key: str, then: str | None
) -> float:
    """Launch ``argv``; when window ``first`` is mapped press ``key``; the time until window
    ``then`` is mapped (or, with ``then`` None, until ``first`` has gone)."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        window = screen.wait_for(first)
        screen.key(window, key)
        if then is None:
            screen.wait_for(first, present=False)
        else:
            screen.wait_for(then)
        return time.perf_counter() - started
    finally:
        child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def startup_rows(folder: Path, runs: int) -> list[Row]:
    screen = Screen()
    bare = folder / "bare_window.py"
    bare.write_text(BARE_WINDOW)
    rows = []
    try:
        home = folder / "home"
        env = dict(screen.env, COPRODUCE_HOME=str(home), COPRODUCE_USER="Bench")
        databases = {
            "large": copy_of(council("large"), folder, "startup-large.sqlite3"),
            "small": copy_of(council("small"), folder, "startup-small.sqlite3"),
            "empty": empty_database(folder),
        }
        for size, path in databases.items():
            row = Row(
                f"start-up to a window that answers keys, {size} database",
                "at most 1.5x",
                ratio_goal=1.5,
            )

            def baseline() -> float:
                return time_to_answer(
                    screen, [PYTHON, str(bare)], screen.env, "^Bare window$", "F1", "^Bare help$"
                )

            def coproduce(path: Path = path, size: str = size) -> float:
                argv = [PROGRAM, "--db", str(path)]
                if size == "empty":
                    return time_to_answer(
                        screen, argv, env, "Load the example council", "Escape", None
                    )
                return time_to_answer(screen, argv, env, "Coproduce", "F1", "Keyboard shortcuts")

            rows.append(interleave(row, baseline, coproduce, runs))
            print(rows[-1].markdown(), file=sys.stderr)
    finally:
        screen.close()
    return rows


# --- typing in meeting mode ----------------------------------------------------------------

TYPING_CHILD = textwrap.dedent(
    """
    import json, os, sqlite3, sys, time
    from datetime import datetime, timedelta
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    path, mode, keys, gap_ms = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    app = QApplication(sys.argv[:1])
    reader = sqlite3.connect(path, isolation_level=None)

    if mode == "bare":
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("CREATE TABLE IF NOT EXISTS bare_drafts (key TEXT PRIMARY KEY, text TEXT)")
        box = QLineEdit()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.setInterval(500)
        def save():
            writer.execute("INSERT OR REPLACE INTO bare_drafts VALUES ('k', ?)", (box.text(),))
        timer.timeout.connect(save)
        box.textEdited.connect(timer.start)
        box.show()
        query = "SELECT text FROM bare_drafts"
    else:
        from PySide6.QtGui import QUndoStack
        from coproduce.domain.records import AgendaItem, Group, Meeting
        from coproduce.services import Services
        from coproduce.store.database import Database
        from coproduce.ui.capture.view import CaptureView
        from coproduce.ui.commands import DataChanges
        from coproduce.ui.context import WindowContext
        database = Database.open(f"sqlite:///{path}")
        services = Services(database, actor="Bench")
        group = services.groups.create(Group(name="Typing forum"))
        starts = datetime(2026, 3, 12, 10)
        meeting = services.meetings.create(Meeting(group_id=group.id, title="Typing",
            starts_at=starts, ends_at=starts + timedelta(hours=2)))
        services.meetings.add_agenda_item(AgendaItem(meeting_id=meeting.id, title="Buses"))
        view = CaptureView(WindowContext(services, QUndoStack(), DataChanges()), meeting.id)
        view.show()
        box = view.text_box
        query = "SELECT text FROM drafts"

    box.setFocus()
    state = {"sent": 0, "first": None, "saved": None}
    letters = "buses stop at six so we miss the evening sessions and the late clinic"

    def press():
        if state["sent"] >= keys:
            return
        if state["first"] is None:
            state["first"] = time.perf_counter()
        QTest.keyClick(box, letters[state["sent"] % len(letters)])
        state["sent"] += 1

    def look():
        if state["first"] is None:
            return
        row = reader.execute(query).fetchone()
        if row and row[0]:
            state["saved"] = time.perf_counter() - state["first"]
            print(json.dumps(state["saved"]), flush=True)
            app.quit()

    sender = QTimer()
    sender.setInterval(gap_ms)
    sender.timeout.connect(press)
    watcher = QTimer()
    watcher.setInterval(5)
    watcher.timeout.connect(look)
    QTimer.singleShot(300, lambda: (press(), sender.start(), watcher.start()))
    QTimer.singleShot(30000, app.quit)
    app.exec()
    if state["saved"] is None:
        print("null", flush=True)
    """
)


def typing_rows(folder: Path, runs: int) -> list[Row]:
    child = folder / "typing_child.py"
    child.write_text(TYPING_CHILD)
    template = empty_database(folder)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COPRODUCE_HOME=str(folder / "home"))

    def once(mode: str, keys: int, gap: int) -> float:
        path = folder / f"typing-{mode}.sqlite3"
        path.unlink(missing_ok=True)
        shutil.copy(template, path)
        done = subprocess.run(
            [PYTHON, str(child), str(path), mode, str(keys), str(gap)],
            env=env,
            capture_output=True,
            text=True,
        )
        value = json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else None
        if value is None:
            print(done.stderr[-2000:], file=sys.stderr)
            return float("inf")  # never saved within 30 s
        return float(value)

    one = Row("keystroke to saved in meeting mode, one key then a pause", "kept", ratio_goal=1.1)
    interleave(one, lambda: once("bare", 1, 1000), lambda: once("coproduce", 1, 1000), runs)
    flow = Row(
        "the same while typing continuously (60 keys, 120 ms apart): first save",
        "within 1 s of the first key",
        absolute_goal=1.0,
    )
    interleave(flow, lambda: once("bare", 60, 120), lambda: once("coproduce", 60, 120), runs)
    flow.note = "the bare pause timer saves only when typing stops"
    for row in (one, flow):
        print(row.markdown(), file=sys.stderr)
    return [one, flow]


# --- easy-read exports ---------------------------------------------------------------------

BARE_DOCX = textwrap.dedent(
    """
    import io, json, sqlite3, sys
    from docx import Document
    from docx.shared import Cm, Pt

    def build(database, meeting_id, plan, target):
        with sqlite3.connect(database) as connection:
            said = [r[0] for r in connection.execute(
                "SELECT text FROM contributions WHERE meeting_id = ? ORDER BY id", (meeting_id,))]
        document = Document()
        style = document.styles["Normal"]
        style.font.name = "Arial"
        style.font.size = Pt(16)
        table = document.add_table(rows=0, cols=2)
        pictures = plan["pictures"]
        for number, words in enumerate(plan["rows"]):
            cells = table.add_row().cells
            with open(pictures[number % len(pictures)], "rb") as handle:
                picture = io.BytesIO(handle.read())
            cells[0].paragraphs[0].add_run().add_picture(picture, width=Cm(3.5))
            cells[1].paragraphs[0].add_run(words or (said[number % len(said)] if said else ""))
        document.save(target)

    if __name__ == "__main__":
        build(sys.argv[1], int(sys.argv[2]), json.loads(open(sys.argv[3]).read()), sys.argv[4])
    """
)


def busiest_and_forty(database: Path) -> tuple[int, int, int]:
    with sqlite3.connect(database) as connection:
        counts = connection.execute(
            "SELECT m.id, count(c.id) FROM meetings m JOIN contributions c ON c.meeting_id = m.id"
            " WHERE m.status NOT IN ('planned', 'cancelled') GROUP BY m.id"
        ).fetchall()
    busiest = max(counts, key=lambda r: r[1])
    forty = min(counts, key=lambda r: (abs(r[1] - 40), r[0]))
    return busiest[0], forty[0], busiest[1]


def plan_from(docx: Path, folder: Path, name: str) -> Path:
    """The rows and pictures of Coproduce's document, for the bare script to write again."""
    from docx import Document

    pictures = []
    with zipfile.ZipFile(docx) as archive:
        for member in archive.namelist():
            if member.startswith("word/media/"):
                target = folder / f"{name}-{Path(member).name}"
                target.write_bytes(archive.read(member))
                pictures.append(str(target))
    document = Document(str(docx))
    rows = [
        row.cells[-1].text for table in document.tables for row in table.rows if len(row.cells) > 1
    ]
    plan = folder / f"{name}.json"
    plan.write_text(json.dumps({"rows": rows, "pictures": pictures}))
    return plan


def quietly(argv: list[str], target: Path) -> None:
    """``coproduce ARGV -o TARGET`` in this process, its report to the screen left out."""
    from coproduce import cli

    with open(os.devnull, "w") as sink:
        stdout, sys.stdout = sys.stdout, sink
        try:
            cli.main([*argv, "-o", str(target), "--force"])
        finally:
            sys.stdout = stdout


def easy_read_rows(folder: Path, runs: int) -> list[Row]:
    database = copy_of(council("large"), folder, "easy-large.sqlite3")
    busiest, forty, busiest_count = busiest_and_forty(database)
    bare = folder / "bare_docx.py"
    bare.write_text(BARE_DOCX)
    sys.path.insert(0, str(folder))
    import bare_docx  # type: ignore[import-not-found]

    env = dict(os.environ, COPRODUCE_HOME=str(folder / "home"), COPRODUCE_USER="Bench")
    rows = []
    for label, meeting, goal in (
        (f"easy-read summary of the busiest session ({busiest_count} contributions)", busiest, 2),
        ("easy-read summary of a 40-contribution session", forty, 2),
    ):
        sample = folder / f"sample-{meeting}.docx"
        argv = ["export", "easy-read", "--db", str(database), "--session", str(meeting)]
        quietly(argv, sample)
        plan = plan_from(sample, folder, f"plan-{meeting}")
        ours = folder / f"ours-{meeting}.docx"
        theirs = folder / f"theirs-{meeting}.docx"
        command = Row(
            f"{label}, as a command",
            "at most 2x" + (", under 1 s" if meeting == forty else ""),
            ratio_goal=goal,
            absolute_goal=1.0 if meeting == forty else None,
        )
        interleave(
            command,
            lambda p=plan, m=meeting, t=theirs: run_command(
                [PYTHON, str(bare), str(database), str(m), str(p), str(t)], env
            ),
            lambda a=argv, o=ours: run_command([PROGRAM, *a, "-o", str(o), "--force"], env),
            runs,
        )
        rows.append(command)
        print(command.markdown(), file=sys.stderr)
        if meeting == forty:
            loaded = json.loads(plan.read_text())
            in_process = Row(f"{label}, in process", "at most 2x", ratio_goal=2)

            interleave(
                in_process,
                lambda m=meeting, t=theirs, p=loaded: timed(
                    lambda: bare_docx.build(str(database), m, p, str(t))
                ),
                lambda a=argv, o=ours: timed(lambda: quietly(a, o)),
                runs,
            )
            rows.append(in_process)
            print(in_process.markdown(), file=sys.stderr)
    return rows


# --- table exports -------------------------------------------------------------------------

BARE_CSV = textwrap.dedent(
    """
    import csv, sqlite3, sys
    with sqlite3.connect(sys.argv[1]) as connection, open(sys.argv[2], "w", newline="") as out:
        cursor = connection.execute("SELECT * FROM contributions")
        writer = csv.writer(out)
        writer.writerow([d[0] for d in cursor.description])
        writer.writerows(cursor)
    """
)

BARE_XLSX = textwrap.dedent(
    """
    import sqlite3, sys
    from openpyxl import Workbook
    TABLES = ["meetings", "attendance", "contributions", "links", "responses",
              "ladder_assessments", "actions", "payments"]
    workbook = Workbook(write_only=True)
    with sqlite3.connect(sys.argv[1]) as connection:
        for table in TABLES:
            sheet = workbook.create_sheet(table)
            cursor = connection.execute(f"SELECT * FROM {table}")
            sheet.append([d[0] for d in cursor.description])
            for row in cursor:
                sheet.append(row)
    workbook.save(sys.argv[2])
    """
)


def table_rows(folder: Path, runs: int) -> list[Row]:
    database = copy_of(council("large"), folder, "tables-large.sqlite3")
    env = dict(os.environ, COPRODUCE_HOME=str(folder / "home"), COPRODUCE_USER="Bench")
    bare_csv = folder / "bare_csv.py"
    bare_csv.write_text(BARE_CSV)
    bare_xlsx = folder / "bare_xlsx.py"
    bare_xlsx.write_text(BARE_XLSX)

    def export(table: str, name: str) -> list[str]:
        target = str(folder / name)
        return [PROGRAM, "export", "table", table, "--db", str(database), "-o", target, "--force"]

    csv_row = Row("`export table contributions --format csv`, large", "at most 2x", ratio_goal=2)
    interleave(
        csv_row,
        lambda: run_command([PYTHON, str(bare_csv), str(database), str(folder / "b.csv")], env),
        lambda: run_command(export("contributions", "c.csv"), env),
        runs,
    )
    print(csv_row.markdown(), file=sys.stderr)
    xlsx_row = Row("`export table all --format xlsx`, large", "at most 1.3x", ratio_goal=1.3)
    interleave(
        xlsx_row,
        lambda: run_command([PYTHON, str(bare_xlsx), str(database), str(folder / "b.xlsx")], env),
        lambda: run_command(export("all", "c.xlsx"), env),
        max(1, runs // 2),
    )
    print(xlsx_row.markdown(), file=sys.stderr)
    return [csv_row, xlsx_row]


# --- search, the Actions list, memory ------------------------------------------------------

WORDS = ["bus", "carers", "transport", "respite", "money", "housing", "stairs", "parking"]


def search_row(folder: Path, runs: int) -> list[Row]:
    from coproduce.services import Services
    from coproduce.store.database import Database
    from coproduce.store.search import fts5_query

    path = copy_of(council("large"), folder, "search-large.sqlite3")
    database = Database.open(f"sqlite:///{path}")
    services = Services(database, actor="Bench")
    raw = sqlite3.connect(path)
    row = Row("search, service call (median over 8 words)", "at most 2x", unit="ms", ratio_goal=2)

    def bare() -> float:
        started = time.perf_counter()
        for word in WORDS:
            raw.execute(
                "SELECT rowid, title, body FROM search_index WHERE search_index MATCH ? LIMIT 50",
                (fts5_query([word]),),
            ).fetchall()
        return (time.perf_counter() - started) * 1000 / len(WORDS)

    def ours() -> float:
        started = time.perf_counter()
        for word in WORDS:
            services.search.search(word)
        return (time.perf_counter() - started) * 1000 / len(WORDS)

    interleave(row, bare, ours, runs * 4)
    database.close()
    raw.close()
    print(row.markdown(), file=sys.stderr)
    return [row]


ACTIONS_SQL = (
    "SELECT a.id, a.text, p.display_name, a.due_on, a.status, m.title, m.starts_at FROM actions a"
    " JOIN meetings m ON m.id = a.meeting_id LEFT JOIN people p ON p.id = a.owner_id"
    " ORDER BY a.due_on IS NULL, a.due_on, a.id LIMIT 100"
)


def actions_row(folder: Path, runs: int) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COPRODUCE_HOME"] = str(folder / "home")
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView
    from sqlalchemy import event

    from coproduce.app import application_instance
    from coproduce.services import Services
    from coproduce.store.database import Database
    from coproduce.ui.main_window import MainWindow

    application_instance()
    path = copy_of(council("large"), folder, "actions-large.sqlite3")
    database = Database.open(f"sqlite:///{path}")
    window = MainWindow(Services(database, actor="Bench"))
    window.show()
    window.show_page("actions")
    QApplication.processEvents()
    page = window.list_page("actions")
    statements: list[str] = []

    def count(*event_args: object) -> None:
        # Queries only, as tests/services/test_list_queries.py counts them: not the BEGIN
        # that opens each unit of work.
        statement = str(event_args[2]).lstrip().upper()
        if statement.startswith(("SELECT", "WITH", "INSERT", "UPDATE", "DELETE")):
            statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    raw = sqlite3.connect(path)
    view = QTableView()
    model = QStandardItemModel()
    view.setModel(model)
    view.show()
    row = Row(
        "first rows of the Actions list, large",
        "under 50 ms, at most 3 queries",
        unit="ms",
        absolute_goal=50,
        query_goal=3,
    )

    def bare() -> float:
        started = time.perf_counter()
        model.clear()
        for values in raw.execute(ACTIONS_SQL):
            model.appendRow([QStandardItem(str(v)) for v in values])
        QApplication.processEvents()
        return (time.perf_counter() - started) * 1000

    counts: list[int] = []

    def ours() -> float:
        statements.clear()
        started = time.perf_counter()
        page.refresh()
        QApplication.processEvents()
        elapsed = (time.perf_counter() - started) * 1000
        counts.append(len(statements))
        return elapsed

    interleave(row, bare, ours, runs * 4)
    row.queries = statistics.median(counts)
    row.note = f"{row.queries:.0f} queries"
    window.close()
    database.close()
    print(row.markdown(), file=sys.stderr)
    return [row]


MEMORY_CHILD = textwrap.dedent(
    """
    import os, sys
    os.environ.setdefault("QT_API", "pyside6")
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    def rss_mib():
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

    if sys.argv[1] == "bare":
        exec(open(sys.argv[2]).read().replace("sys.exit(app.exec())", ""))
        app.processEvents()
        print(rss_mib())
        sys.exit(0)

    from coproduce.app import application_instance
    from coproduce.services import Services
    from coproduce.store.database import Database
    from coproduce.ui.main_window import MainWindow
    app = application_instance()
    database = Database.open(f"sqlite:///{sys.argv[2]}")
    window = MainWindow(Services(database, actor="Bench"))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    for entry in window.pages:
        window.show_page(entry.key)
        app.processEvents()
        for view in entry.page.findChildren(QAbstractItemView):
            model = view.model()
            if model is None:
                continue
            before = -1
            while model.rowCount() != before:
                before = model.rowCount()
                view.scrollToBottom()
                app.processEvents()
    print(rss_mib())
    """
)


def memory_row(folder: Path, runs: int) -> list[Row]:
    path = copy_of(council("large"), folder, "memory-large.sqlite3")
    bare = folder / "bare_window.py"
    bare.write_text(BARE_WINDOW)
    child = folder / "memory_child.py"
    child.write_text(MEMORY_CHILD)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COPRODUCE_HOME=str(folder / "home"))

    def measure(*argv: str) -> float:
        done = subprocess.run(
            [PYTHON, str(child), *argv], env=env, capture_output=True, text=True, check=True
        )
        return float(done.stdout.strip().splitlines()[-1])

    row = Row(
        "window memory, large, every page visited and every list scrolled to its end",
        "under 200 MiB",
        unit="MiB",
        absolute_goal=200,
    )
    interleave(row, lambda: measure("bare", str(bare)), lambda: measure("ours", str(path)), runs)
    print(row.markdown(), file=sys.stderr)
    return [row]


SECTIONS: dict[str, Callable[[Path, int], list[Row]]] = {
    "startup": startup_rows,
    "typing": typing_rows,
    "easy_read": easy_read_rows,
    "tables": table_rows,
    "search": search_row,
    "actions": actions_row,
    "memory": memory_row,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="interleaved runs per row")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated row keys")
    args = parser.parse_args()
    chosen = [key.strip() for key in args.only.split(",") if key.strip()]
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")
    council("large")
    council("small")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as name:
        folder = Path(name)
        for key in chosen:
            rows += SECTIONS[key](folder, args.runs)
    load = os.getloadavg()
    print(
        f"\n{date.today():%d %b %Y}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load {load[0]:.1f}, medians of {args.runs} interleaved runs\n"
    )
    print("| what | baseline | Coproduce | ratio | goal | within goal |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(row.markdown())
    return 0 if all(row.met for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
