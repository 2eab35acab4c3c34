"""The pages of an easy-read summary, as a reader holds them, for the README.

    .venv/bin/python docs/summary_pages.py [--out docs/screenshots/summary-pages.png]

Builds the small example council in a scratch folder, makes the easy-read summary of its
busiest held session exactly as ``coproduce export easy-read`` does (pictures at full size),
has LibreOffice lay it out as PDF, and draws every page side by side, two rows, into one PNG
with QtPdf. Needs LibreOffice (``soffice``); nothing of the user's is read or written.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPOSITORY = Path(__file__).resolve().parents[1]
PAGE_WIDTH_PX = 300
GAP_PX = 12


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=REPOSITORY / "docs" / "screenshots" / "summary-pages.png"
    )
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    from coproduce.cli_documents import PICTURE_PIXELS
    from coproduce.documents.easy_read import build_easy_read
    from coproduce.documents.pdf import convert_to_pdf
    from coproduce.domain.vocabulary import MeetingStatus
    from coproduce.services import Services
    from coproduce.services.contributions import ContributionFilter
    from coproduce.services.demo import build_demo
    from coproduce.store.database import Database
    from coproduce.ui.pictures import render_png
    from coproduce.ui.pictures.render import ensure_gui_application

    ensure_gui_application()
    work = Path(tempfile.mkdtemp(prefix="coproduce-summary-pages-"))
    try:
        database = Database.open(f"sqlite:///{work / 'demo.sqlite3'}")
        build_demo(database, "small")
        services = Services(database)
        held = [
            m
            for m in services.meetings.list().items
            if m.status not in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED)
        ]
        chosen = max(
            held,
            key=lambda m: (
                services.contributions.list(ContributionFilter(meeting_id=m.id), limit=0).total
            ),
        )
        content = services.handouts.session_summary(chosen.id)  # type: ignore[arg-type]
        built = build_easy_read(content, lambda choice: render_png(choice, PICTURE_PIXELS))
        docx = built.save(work / "summary.docx")
        database.close()
        pdf = work / "summary.pdf"
        convert_to_pdf(docx, pdf)

        document = QPdfDocument()
        document.load(str(pdf))
        count = document.pageCount()
        per_row = math.ceil(count / 2)
        first = document.pagePointSize(0)
        height = round(PAGE_WIDTH_PX * first.height() / first.width())
        sheet = QImage(
            per_row * (PAGE_WIDTH_PX + GAP_PX) + GAP_PX,
            2 * (height + GAP_PX) + GAP_PX,
            QImage.Format.Format_RGB32,
        )
        sheet.fill(QColor("#d9dde3"))
        painter = QPainter(sheet)
        for page in range(count):
            image = document.render(page, QSize(PAGE_WIDTH_PX, height))
            x = GAP_PX + (page % per_row) * (PAGE_WIDTH_PX + GAP_PX)
            y = GAP_PX + (page // per_row) * (height + GAP_PX)
            painter.fillRect(x, y, PAGE_WIDTH_PX, height, Qt.GlobalColor.white)
            painter.drawImage(x, y, image)
        painter.end()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        sheet.save(str(args.out))
        print(f"Saved {args.out}: {count} pages of the summary of {chosen.title!r}.")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
