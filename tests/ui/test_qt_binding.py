"""The Qt binding installed must not leak references to None.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every Qt call that returns
nothing; after a few thousand calls the program aborts with "none_dealloc". Short tests never
reach that point, so this test counts directly: it fails on a binding with that fault, before a
facilitator's session would crash.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_qt_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Apologies: Sam")
        label.clear()
    assert sys.getrefcount(None) - before > -100, "the Qt binding leaks references to None"
