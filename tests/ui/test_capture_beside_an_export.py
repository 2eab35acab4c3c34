"""Meeting mode beside a long export (issue 13): another program exports every table of a large
council while the facilitator types and saves; no capture fails, no draft waits for the
export, and no error box appears. The export reads one snapshot without the write lock."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from coproduce.domain.records import AgendaItem, Group, Meeting
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.services.demo import build_demo
from coproduce.store.database import Database
from coproduce.ui.capture import CaptureView
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext

CAPTURES = 4
"""How many things the facilitator types and saves while the export runs."""


def export_every_table(url: str, target: Path) -> subprocess.Popen[str]:
    """``coproduce export table all`` in its own process, as a second program would."""
    command = ["export", "table", "all", "--db", url, "--format", "xlsx", "-o", str(target)]
    return subprocess.Popen(
        [sys.executable, "-m", "coproduce", *command],
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def exporting(folder: Path) -> bool:
    """The export's file is being written (it is renamed into place only at the end)."""
    return any(folder.glob(".coproduce-*.part"))


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "grabbing the keyboard")
def test_captures_and_drafts_save_at_once_while_another_program_exports_every_table(
    qtbot: QtBot, database: Database, database_url: str, tmp_path: Path
) -> None:
    build_demo(database, "large")
    services = Services(database, actor="Test Facilitator")
    group = services.groups.create(Group(name="Transport task group"))
    starts = datetime(2026, 3, 12, 10)
    session = services.meetings.create(
        Meeting(group_id=group.id, title="Buses", starts_at=starts, ends_at=starts + timedelta(1))
    )
    assert session.id is not None
    services.meetings.add_agenda_item(AgendaItem(meeting_id=session.id, title="Routes"))
    view = CaptureView(WindowContext(services, QUndoStack(), DataChanges()), session.id)
    qtbot.addWidget(view)
    view.show()

    folder = tmp_path / "exports"
    folder.mkdir()
    child = export_every_table(database_url, folder / "council.xlsx")
    try:
        deadline = time.monotonic() + 120
        while not exporting(folder) and child.poll() is None and time.monotonic() < deadline:
            qtbot.wait(50)
        assert exporting(folder), f"the export never started: {child.communicate()}"

        said: list[str] = []
        beside_the_export = 0
        for number in range(1, CAPTURES + 1):
            words = f"Point {number} the number nine bus never comes on time"
            qtbot.keyClicks(view.speaker_box, "anon")
            qtbot.keyClicks(view.text_box, words)
            # The autosave waits only 150 ms for a write lock: an export that held one
            # would show "busy" here instead of keeping the draft.
            qtbot.waitUntil(
                lambda w=words: (
                    (draft := services.capture.load_draft(session.id)) is not None
                    and draft.text == w
                ),
                timeout=2000,
            )
            said.append(view.message.text())
            qtbot.keyClick(view.text_box, Qt.Key.Key_Return)
            said.append(view.message.text())
            assert view.message.text().startswith("Saved"), view.message.text()
            if exporting(folder) and child.poll() is None:
                beside_the_export += 1
        assert beside_the_export >= 2, "the export ended too soon to prove anything"
        assert not [line for line in said if "busy" in line]
    finally:
        if child.poll() is None:
            child.terminate()
        child.communicate(timeout=30)

    captured = services.contributions.list(ContributionFilter(meeting_id=session.id))
    assert sorted(c.text for c in captured.items) == sorted(
        f"Point {n} the number nine bus never comes on time" for n in range(1, CAPTURES + 1)
    )
