"""The pages of a document as they will print, shown before it is saved.

The preview is the PDF that LibreOffice makes of the very .docx being exported, rendered page
by page with QtPdf, so what the facilitator sees is what a reader gets, page breaks included.
Without LibreOffice there is no faithful way to lay out a Word document here, so the preview
says so and the export still works.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

PAGE_GAP = 12
"""Space between pages, in device-independent pixels."""


class PagePreview(QScrollArea):
    """The pages of a PDF, one under the other, scaled to the width of the view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Preview of the pages"))
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # PageUp/PageDown scroll it
        self._pages = QWidget()
        self._pages.setBackgroundRole(self.backgroundRole())
        self._layout = QVBoxLayout(self._pages)
        self._layout.setSpacing(PAGE_GAP)
        self._layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        # Pages are drawn at the width of the view, so a sideways scroll bar is never needed.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._pages)
        self._document = QPdfDocument(self)
        self._shown: list[QLabel] = []
        self._page_width = 0
        self._show_text(self.tr("The preview appears here."))

    @property
    def page_count(self) -> int:
        ready = self._document.status() == QPdfDocument.Status.Ready
        return self._document.pageCount() if ready else 0

    def page_labels(self) -> list[QLabel]:
        """The widgets showing the pages, first page first."""
        return [label for label in self._shown if label.property("page")]

    def show_pdf(self, pdf: Path) -> int:
        """Show the pages of ``pdf``; returns how many there are (0 if it cannot be read)."""
        self._document.close()
        error = self._document.load(str(pdf))
        if error != QPdfDocument.Error.None_ or not self.page_count:
            self.show_message(self.tr("The preview could not be shown."))
            return 0
        self._render_pages()
        return self._document.pageCount()

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of pages (nothing to preview yet, or no way to)."""
        self._document.close()
        self._show_text(text)

    def _show_text(self, text: str) -> None:
        self._clear()
        message = QLabel(text)
        message.setWordWrap(True)
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setAccessibleName(text)
        self._layout.addWidget(message)
        self._shown.append(message)

    def message(self) -> str:
        """The text shown instead of pages, or "" when pages are shown."""
        labels = [label for label in self._shown if not label.property("page")]
        return labels[0].text() if labels else ""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.page_count and abs(self._target_width() - self._page_width) > 24:
            self._render_pages()

    def _target_width(self) -> int:
        # The vertical scroll bar may appear once pages are shown: leave room for it.
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return max(200, self.viewport().width() - 2 * PAGE_GAP - 4 - scroll_bar)

    def _render_pages(self) -> None:
        self._clear()
        count = self._document.pageCount()
        self._page_width = self._target_width()
        ratio = self.devicePixelRatioF()
        for index in range(count):
            points = self._document.pagePointSize(index)
            if points.width() <= 0:
                continue
            height = round(self._page_width * points.height() / points.width())
            size = QSize(round(self._page_width * ratio), round(height * ratio))
            image = self._document.render(index, size)
            if image.isNull():
                image = QImage(size, QImage.Format.Format_RGB32)
                image.fill(Qt.GlobalColor.white)
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setPixmap(pixmap)
            label.setProperty("page", index + 1)
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            name = self.tr("Page %1 of %2").replace("%1", str(index + 1)).replace("%2", str(count))
            label.setAccessibleName(name)
            label.setToolTip(name)
            # A thin frame so white pages stand out from a white background.
            label.setStyleSheet("border: 1px solid palette(mid); background: white;")
            self._layout.addWidget(label)
            self._shown.append(label)

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                # Hidden now, deleted by Qt later. (Not setParent(None): that hands the widget
                # to Python, which deletes it at once, and the queued deleteLater then crashes.)
                widget.hide()
                widget.deleteLater()
        self._shown = []
