"""The preview shows a document's pages as they will print, or says why it cannot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from pytestqt.qtbot import QtBot

from coproduce.ui.printing.preview import PagePreview


def _pdf(path: Path, pages: int) -> Path:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
        )
    )
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.drawText(100, 100, f"Page {page + 1}")
    painter.end()
    return path


def test_each_page_is_shown_with_its_number_for_a_screen_reader(
    qtbot: QtBot, tmp_path: Path
) -> None:
    preview = PagePreview()
    qtbot.addWidget(preview)
    preview.resize(500, 700)
    preview.show()

    count = preview.show_pdf(_pdf(tmp_path / "three.pdf", 3))

    assert count == 3 == preview.page_count
    labels = preview.page_labels()
    assert [label.accessibleName() for label in labels] == [
        "Page 1 of 3",
        "Page 2 of 3",
        "Page 3 of 3",
    ]
    pixmap = labels[0].pixmap()
    # A4 is taller than wide: the page keeps its shape, at the width of the view.
    assert pixmap.height() > pixmap.width() > 300
    assert preview.message() == ""


def test_a_new_document_replaces_the_pages_of_the_last(qtbot: QtBot, tmp_path: Path) -> None:
    preview = PagePreview()
    qtbot.addWidget(preview)
    preview.show_pdf(_pdf(tmp_path / "three.pdf", 3))

    preview.show_pdf(_pdf(tmp_path / "one.pdf", 1))

    assert [label.accessibleName() for label in preview.page_labels()] == ["Page 1 of 1"]


def test_a_file_that_is_not_a_pdf_gives_a_message_not_pages(qtbot: QtBot, tmp_path: Path) -> None:
    preview = PagePreview()
    qtbot.addWidget(preview)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf at all")

    assert preview.show_pdf(broken) == 0
    assert preview.page_labels() == []
    assert preview.message() == "The preview could not be shown."


def test_a_message_takes_the_place_of_the_pages(qtbot: QtBot, tmp_path: Path) -> None:
    preview = PagePreview()
    qtbot.addWidget(preview)
    preview.show_pdf(_pdf(tmp_path / "two.pdf", 2))

    preview.show_message("The preview needs LibreOffice.")

    preview.resize(400, 600)  # a resize re-lays pages: none may come back

    assert preview.page_count == 0
    assert preview.page_labels() == []
    assert preview.message() == "The preview needs LibreOffice."
