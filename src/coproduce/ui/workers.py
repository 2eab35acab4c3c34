"""Running slow work (demo data, exports, backups) off the GUI thread, like Anki's QueryOp.

``Operation`` runs one callable on Qt's thread pool and hands its result, or the exception it
raised, back to callbacks that run on the GUI thread, so widgets are only ever touched there.
While it runs it can show a busy dialog over its parent window. Expected problems
(``CoproduceError``) are shown as a message; anything else goes to ``sys.excepthook``, which the
app points at the log file and a short apology.

The callable must not touch widgets. Database work is safe: every service call borrows a kept
connection from the store's pool for its unit of work, in the thread that makes it, and
gives it back at the end; reads (gathering an export) take no write lock, so a worker
exporting never holds up the GUI thread's saves.
"""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from coproduce.domain.errors import CoproduceError
from coproduce.domain.log_privacy import describe_error
from coproduce.ui import prompts

log = logging.getLogger(__name__)

BUSY_DIALOG_DELAY_MS = 300
"""Work that ends sooner than this shows no dialog at all, so nothing flashes on screen."""

# Operations in flight, by number. Qt does not own them until they finish, and Python must not
# collect one whose result is still on its way back.
_running: dict[int, Operation] = {}
_numbers = itertools.count(1)


class _Relay(QObject):
    """Carries results from worker threads to the GUI thread.

    Workers hold only an operation's number, never the Operation: if a worker dropped the last
    Python reference to an Operation (when the thread pool deletes the finished task) while the
    GUI thread was deleting it (``deleteLater``), the two threads would tear down the same
    wrapper at once, which crashed ("shared QObject was deleted directly", then a segfault)
    now and then on a busy machine.
    """

    # Emitted from worker threads; Qt queues it to the relay's (the GUI) thread.
    done = Signal(int, object, object)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.done.connect(_deliver, Qt.ConnectionType.QueuedConnection)
    return _relay


def _deliver(number: int, result: object, error: object) -> None:
    operation = _running.get(number)
    if operation is not None:
        operation._finish(result, error)


class _Task(QRunnable):
    def __init__(self, number: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self._number = number
        self._work: Callable[[], Any] | None = work

    def run(self) -> None:
        work, self._work = self._work, None
        relay = _the_relay()
        try:
            result = work()  # type: ignore[misc]
        except BaseException as exc:
            relay.done.emit(self._number, None, exc)
        else:
            relay.done.emit(self._number, result, None)


class Operation(QObject):
    """One piece of background work with its success and failure callbacks.

    Signals:
        finished(): emitted on the GUI thread after the success or failure callback has run.
    """

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        work: Callable[[], Any],
        *,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
        busy_text: str = "",
    ) -> None:
        # No Qt parent: Python owns the operation. ``_running`` keeps it alive while the work
        # runs; once it has reported back, the last reference goes and it is deleted there and
        # then, on the GUI thread. (With the parent widget as owner and deleteLater, the
        # deferred delete crashed in ~QObject now and then on a busy machine: PySide 6.11.)
        super().__init__()
        self._parent_widget = parent
        self._work = work
        self._on_success = on_success
        self._on_failure = on_failure or self._report_failure
        self._busy_text = busy_text
        self._dialog: QProgressDialog | None = None
        self._running = False
        self._number = next(_numbers)
        _the_relay()  # made on the GUI thread, so its signal is delivered there

    @property
    def is_running(self) -> bool:
        return self._running

    def start(self) -> Operation:
        self._running = True
        _running[self._number] = self
        if self._busy_text:
            QTimer.singleShot(BUSY_DIALOG_DELAY_MS, self._show_busy_dialog)
        QThreadPool.globalInstance().start(_Task(self._number, self._work))
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
            self.finished.emit()
            _running.pop(self._number, None)

    def _report_failure(self, error: BaseException) -> None:
        if isinstance(error, CoproduceError):
            log.info("Background work refused: %s", describe_error(error))
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
