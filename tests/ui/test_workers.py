"""Background work: results come back on the GUI thread; expected failures become messages."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coproduce.domain.errors import ValidationError
from coproduce.ui.workers import run_in_background


def test_the_result_arrives_on_the_gui_thread_after_the_work_ran_elsewhere(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ran_on: list[threading.Thread] = []
    delivered: list[tuple[object, threading.Thread]] = []

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 42

    operation = run_in_background(
        parent,
        work,
        on_success=lambda result: delivered.append((result, threading.current_thread())),
    )
    with qtbot.waitSignal(operation.finished, timeout=10_000):
        pass

    assert ran_on[0] is not threading.main_thread()
    assert delivered == [(42, threading.main_thread())]


def test_a_refusal_in_background_work_is_shown_as_a_message(qtbot: QtBot, prompts: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    succeeded: list[object] = []

    def work() -> None:
        raise ValidationError("The example council is already loaded.")

    prompts.expect_message("error")
    operation = run_in_background(parent, work, on_success=succeeded.append)
    with qtbot.waitSignal(operation.finished, timeout=10_000):
        pass

    assert succeeded == []
    assert prompts.shown[0].text == "The example council is already loaded."
