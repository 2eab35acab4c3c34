"""Open the capture view of one session on its own, offscreen or on screen.

    python tests/ui/capture_child.py DATABASE_URL MEETING_ID [--actor NAME] [--type TEXT]
        [--every MS]

Used by the tests that kill a capture with SIGKILL: ``--type`` types ASCII text into the
words box once the view is shown (as a facilitator would), then the program waits until it
is closed or killed. Prints "typed" on standard output when the text is in the box. With
``--every MS`` it types one key every MS milliseconds instead, printing "typed N" after
the N-th key, as a fast typist who never pauses.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.capture.view import CaptureView
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="capture_child.py")
    parser.add_argument("database_url")
    parser.add_argument("meeting_id", type=int)
    parser.add_argument("--actor", default=None)
    parser.add_argument("--type", dest="text", default="")
    parser.add_argument("--every", type=int, default=0, metavar="MS")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    database = Database.open(args.database_url)
    services = Services(database, actor=args.actor)
    context = WindowContext(services, QUndoStack(), DataChanges())
    view = CaptureView(context, args.meeting_id)
    view.show()

    def type_text() -> None:
        view.text_box.setFocus()
        QTest.keyClicks(view.text_box, args.text)
        print("typed", flush=True)

    keys = QTimer(view)
    keys.setInterval(args.every)
    typed = [0]

    def type_a_key() -> None:
        if typed[0] == len(args.text):
            keys.stop()
            return
        QTest.keyClick(view.text_box, args.text[typed[0]])
        typed[0] += 1
        print(f"typed {typed[0]}", flush=True)

    keys.timeout.connect(type_a_key)
    if args.text and args.every:
        view.text_box.setFocus()
        keys.start()
    elif args.text:
        QTimer.singleShot(0, type_text)
    try:
        return app.exec()
    finally:
        database.close()


if __name__ == "__main__":
    sys.exit(main())
