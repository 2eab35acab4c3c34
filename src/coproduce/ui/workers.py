"""Running slow work (demo data, exports, backups) off the GUI thread, like Anki's QueryOp.

``Operation`` runs one callable on Qt's thread pool and hands its result, or the exception it
raised, back to callbacks that run on the GUI thread, so widgets are only ever touched there.
While it runs it can show a busy dialog over its parent window. Expected problems
(``CoproduceError``) are shown as a message; anything else goes to ``sys.excepthook``, which the
app points at the log file and a short apology.

The callable must not touch widgets. Database work is safe: every service call opens its own
short connection in the thread that makes it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.ui import prompts

log = logging.getLogger(__name__)

BUSY_DIALOG_DELAY_MS = 300
"""Work that ends sooner than this shows no dialog at all, so nothing flashes on screen."""

# Operations in flight. Qt does not own them until they finish, and Python must not collect
# one whose result is still on its way back.
_running: set[Operation] = set()


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], done: Any) -> None:
        super().__init__()
        self._work = work
        self._done = done

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:
            self._done.emit(None, exc)
        else:
            self._done.emit(result, None)


class Operation(QObject):
    """One piece of background work with its success and failure callbacks.

    Signals:
        finished(): emitted on the GUI thread after the success or failure callback has run.
    """

    finished = Signal()
    # Emitted from the worker thread; Qt queues it to this object's (the GUI) thread.
    _done = Signal(object, object)

    def __init__(
        self,
        parent: QWidget,
        work: Callable[[], Any],
        *,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
        busy_text: str = "",
    ) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._work = work
        self._on_success = on_success
        self._on_failure = on_failure or self._report_failure
        self._busy_text = busy_text
        self._dialog: QProgressDialog | None = None
        self._running = False
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    @property
    def is_running(self) -> bool:
        return self._running

    def start(self) -> Operation:
        self._running = True
        _running.add(self)
        if self._busy_text:
            QTimer.singleShot(BUSY_DIALOG_DELAY_MS, self._show_busy_dialog)
        QThreadPool.globalInstance().start(_Task(self._work, self._done))
        return self

    def _show_busy_dialog(self) -> None:
        if not self._running:
            return
        # This work cannot be stopped half way without leaving half a result, so the dialog
        # has no Cancel button; it only tells the user the program has not frozen.
        dialog = QProgressDialog(self._busy_text, "", 0, 0, self._parent_widget)
        dialog.setCancelButton(None)
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setAccessibleName(self.tr("Please wait"))
        dialog.setAccessibleDescription(self._busy_text)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.show()
        self._dialog = dialog

    @Slot(object, object)
    def _finish(self, result: object, error: object) -> None:
        self._running = False
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        try:
            if isinstance(error, BaseException):
                self._on_failure(error)
            else:
                self._on_success(result)
        finally:
            _running.discard(self)
            self.finished.emit()
            self.deleteLater()

    def _report_failure(self, error: BaseException) -> None:
        if isinstance(error, CoproduceError):
            log.info("Background work refused: %s", error)
            prompts.show_error(self._parent_widget, self.tr("That did not work"), str(error))
            return
        sys.excepthook(type(error), error, error.__traceback__)


def run_in_background(
    parent: QWidget,
    work: Callable[[], Any],
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    busy_text: str = "",
) -> Operation:
    """Start ``work`` on the thread pool; the callbacks run on the GUI thread afterwards."""
    return Operation(
        parent, work, on_success=on_success, on_failure=on_failure, busy_text=busy_text
    ).start()


def wait_for_background_work(timeout_ms: int = 30_000) -> bool:
    """Let running work finish (before closing the database at exit)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
