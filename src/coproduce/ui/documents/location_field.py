"""Where a document lives (a file path or a web link), with Choose file and Open.

Nothing is ever opened by itself: only the Open button (or Ctrl+O) hands the location to
the computer's default program, so a link makes network traffic only when the person asks.
A file that is not there gives a message saying what to do, never a traceback; a location
that looks like a link but is not a proper http:// or https:// one is refused by the service
rule (``check_location``), and the editor shows that beside the field.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from coproduce.services.documents import check_location, location_is_link
from coproduce.ui import prompts

FILE_TYPES = (
    "Documents (*.docx *.doc *.odt *.rtf *.pdf *.txt *.xlsx *.xls *.ods *.pptx *.ppt *.odp)"
    ";;All files (*)"
)


class LocationField(QWidget):
    """A path or link box with Choose file... and Open buttons.

    Signals:
        chosen(str): the person picked a file with Choose file (the box now shows it).
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_edit = QLineEdit()
        self.line_edit.setAccessibleName(self.tr("Location"))
        self.line_edit.setPlaceholderText(self.tr("A file's path, or a web link (https://...)"))
        self.choose_button = QPushButton(self.tr("&Choose file..."))
        self.choose_button.setAccessibleName(self.tr("Choose the document's file"))
        self.choose_button.clicked.connect(self.choose_file)
        self.open_button = QPushButton(self.tr("O&pen"))
        self.open_button.setAccessibleName(self.tr("Open the document's file or link"))
        self.open_button.setToolTip(self.tr("Open the file or link in its usual program (Ctrl+O)"))
        # The buttons go under the box, which then has the editor's whole width for a path.
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.line_edit)
        column.addLayout(buttons)
        self.setFocusProxy(self.line_edit)
        # A label's Alt key gives focus only to a buddy that takes focus; the proxy passes
        # it on, and Tab skips this holder for the proxy.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def text(self) -> str:
        return self.line_edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 - reads like QLineEdit's
        self.line_edit.setText(text)
        self.line_edit.setCursorPosition(0)  # the start of a long path says most
        self.line_edit.setToolTip(text)

    def choose_file(self) -> None:
        """Ask for a file and put its path in the box."""
        current = self.line_edit.text().strip()
        start: Path | None = None
        if current and not location_is_link(current):
            folder = Path(current).expanduser().parent
            start = folder if _exists(folder) else None
        path = prompts.choose_file(
            self, self.tr("Choose the document's file"), start, self.tr(FILE_TYPES)
        )
        if path is None:
            return
        self.setText(str(path))
        self.line_edit.setFocus()
        self.chosen.emit(str(path))

    def open_location(self) -> bool:
        """Open the file or link in the default program; True if it was handed over.

        Raises ``ValidationError`` (field ``location``) for a link that is not a proper one,
        so the editor can show it beside the field."""
        location = check_location(self.line_edit.text())
        if not location:
            prompts.show_error(
                self,
                self.tr("Nothing to open"),
                self.tr(
                    "This document has no location yet. Type the path to its file or its web "
                    "link, or use Choose file."
                ),
            )
            return False
        if location_is_link(location):
            url = QUrl(location, QUrl.ParsingMode.StrictMode)
            what = location
        else:
            path = Path(location).expanduser()
            if not _exists(path):
                prompts.show_error(
                    self,
                    self.tr("File not found"),
                    self.tr(
                        "Coproduce cannot find this file:\n\n%s\n\nIt may have been moved, "
                        "renamed or deleted, or the drive it is on may not be connected. "
                        "Connect the drive, or use Choose file to find it again."
                    )
                    % path,
                )
                return False
            url = QUrl.fromLocalFile(str(path.resolve()))
            what = str(path)
        if url.isValid() and QDesktopServices.openUrl(url):
            return True
        prompts.show_error(
            self,
            self.tr("Could not open"),
            self.tr(
                "The computer could not open:\n\n%s\n\nThere may be no program set up to open "
                "it. Ask your IT support, or open it from its folder or your web browser."
            )
            % what,
        )
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a name too long, or with characters no disk allows
        return False
