"""Nothing typed is lost: a capture running in another process is killed with SIGKILL while
the facilitator is typing, and the words are back in the box when the session is reopened;
killed while the keys keep coming, at most the last second of typing is lost."""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from capture_support import march_forum
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.capture import CaptureView
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext

CHILD = Path(__file__).with_name("capture_child.py")
FACILITATOR = "Test Facilitator"
TYPED = "Buses stop at six so we miss the evening sessions"
KEY_EVERY_MS = 120
"""A fast typist who never pauses (about eight keys a second)."""
LOSE_AT_MOST_MS = 1000
"""The promise: a kill loses at most the last second of typing."""


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_text_typed_before_a_sigkill_is_in_the_box_after_reopening(
    qtbot: QtBot, tmp_path: Path, sqlite_database: Database
) -> None:
    url = f"sqlite:///{tmp_path / 'coproduce.sqlite3'}"
    services = Services(sqlite_database, actor=FACILITATOR)
    session_id = march_forum(services)

    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), url, str(session_id), "--actor", FACILITATOR, "--type", TYPED],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 10
        draft = None
        while time.monotonic() < deadline and child.poll() is None:
            draft = services.capture.load_draft(session_id)
            if draft is not None and draft.text == TYPED:
                break
            time.sleep(0.05)
        assert child.poll() is None, f"the capture stopped by itself: {child.communicate()}"
        assert draft is not None and draft.text == TYPED, "the draft never reached the database"
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        assert child.returncode == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        child.stdout.close()  # type: ignore[union-attr]
        child.stderr.close()  # type: ignore[union-attr]

    # Reopen the session on the database as the killed program left it.
    reopened = Database.open(url)
    try:
        context = WindowContext(Services(reopened, actor=FACILITATOR), QUndoStack(), DataChanges())
        view = CaptureView(context, session_id)
        qtbot.addWidget(view)
        view.show()
        assert view.text_box.text() == TYPED
        assert "Restored" in view.message.text()
        view.close()
    finally:
        reopened.close()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_killed_while_keys_keep_coming_loses_at_most_the_last_second(
    qtbot: QtBot, tmp_path: Path, sqlite_database: Database
) -> None:
    url = f"sqlite:///{tmp_path / 'coproduce.sqlite3'}"
    services = Services(sqlite_database, actor=FACILITATOR)
    session_id = march_forum(services)
    text = (TYPED + " and the last bus home is at nine ") * 3

    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    typing = ["--type", text, "--every", str(KEY_EVERY_MS)]
    child = subprocess.Popen(
        [sys.executable, str(CHILD), url, str(session_id), "--actor", FACILITATOR, *typing],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    keys_typed = 0
    try:
        # Kill it after about four seconds of typing without a pause, while keys keep coming.
        assert child.stdout is not None
        while keys_typed < 35:
            line = child.stdout.readline()
            assert line, f"the capture stopped by itself: {child.communicate()}"
            keys_typed = int(line.split()[1])
        child.send_signal(signal.SIGKILL)
        rest, _errors = child.communicate(timeout=10)
        assert child.returncode == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate(timeout=10)
    for line in rest.splitlines():  # keys typed between the last line read and the kill
        keys_typed = int(line.split()[1])
    assert keys_typed < len(text), "the typing had ended before the kill"

    reopened = Database.open(url)
    try:
        context = WindowContext(Services(reopened, actor=FACILITATOR), QUndoStack(), DataChanges())
        view = CaptureView(context, session_id)
        qtbot.addWidget(view)
        view.show()
        restored = view.text_box.text()
        view.close()
    finally:
        reopened.close()
    assert text.startswith(restored)
    # One more key may have landed before its line was printed; never more than a second of
    # keys is lost.
    lost = keys_typed + 1 - len(restored)
    assert lost <= math.ceil(LOSE_AT_MOST_MS / KEY_EVERY_MS), (keys_typed, restored)
    assert restored, "nothing was kept"
