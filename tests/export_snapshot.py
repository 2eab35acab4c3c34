"""What every export of a council prints, reduced to comparable text: each Word document's
paragraphs in order (table cells included) with the digest of each picture where it stands,
and each exported table's rows. ``tests/documents/test_exports_unchanged.py`` compares a fresh
snapshot of the small example council with the one saved before the exports were made faster
(``golden/small_demo_exports.json``), so a faster query or a picture read from a cache cannot
change a word, a row or a pixel unnoticed.

Run as a script to (re)write the saved snapshot from the code in the tree:

    PYTHONPATH=src .venv/bin/python tests/export_snapshot.py tests/golden/small_demo_exports.json
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from coproduce.documents.easy_read import Built, build_easy_read
from coproduce.documents.minutes import build_minutes
from coproduce.documents.tables import TableFormat
from coproduce.documents.you_said_we_did import build_you_said_we_did
from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import PictureChoice
from coproduce.services import Services

ANCHOR = date(2026, 11, 1)
"""The small example council's day (``services.demo.ANCHOR``): the services' clock in a
snapshot, so a person pack's date and an action's "overdue" never depend on the day it runs."""

Pictures = Callable[[PictureChoice], bytes]
_BLIP_EMBED = qn("r:embed")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def document_lines(path: Path) -> list[str]:
    """The saved .docx as lines: each paragraph's text in document order (paragraphs inside
    tables included), each picture as ``[picture <digest>]`` where it stands."""
    document = docx.Document(str(path))
    parts = document.part.related_parts
    lines: list[str] = []
    for paragraph in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        pictures = [
            f"[picture {_digest(parts[blip.get(_BLIP_EMBED)].blob)}]"
            for blip in paragraph.iter(qn("a:blip"))
        ]
        lines.append(" ".join([*pictures, text]) if pictures else text)
    return lines


def _built(built: Built, folder: Path, name: str) -> dict[str, Any]:
    path = built.save(folder / f"{name}.docx")
    return {
        "lines": document_lines(path),
        "estimated_pages": built.estimated_pages,
        "not_shown": built.not_shown,
        "left_out": [need.where for need in built.left_out],
        "warnings": list(built.warnings),
    }


def snapshot_documents(services: Services, pictures: Pictures) -> dict[str, Any]:
    """Every document the window and ``coproduce export`` make of the council: each session's
    minutes and easy-read summary (or why it is refused), each group's and each document's
    "You said, we did" (standard and easy read) and each person's pack."""
    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)

        def keep(key: str, make: Callable[[], Built]) -> None:
            try:
                found[key] = _built(make(), folder, key)
            except CoproduceError as error:
                found[key] = {"refused": str(error)}

        for meeting in services.meetings.list().items:
            mid = meeting.id
            keep(f"minutes {mid}", lambda mid=mid: build_minutes(services.reports.minutes(mid)))
            keep(
                f"summary {mid}",
                lambda mid=mid: build_easy_read(services.handouts.session_summary(mid), pictures),
            )
        subjects = [("group", g.id) for g in services.groups.list().items] + [
            ("document", d.id) for d in services.documents.list().items
        ]
        for kind, sid in subjects:
            choice = {f"{kind}_id": sid}
            keep(
                f"report {kind} {sid}",
                lambda c=choice: build_you_said_we_did(services.reports.you_said_we_did(**c)),
            )
            keep(
                f"easy report {kind} {sid}",
                lambda c=choice: build_easy_read(services.handouts.you_said_we_did(**c), pictures),
            )
        for person in services.people.list().items:
            pid = person.id
            keep(
                f"pack {pid}",
                lambda pid=pid: build_easy_read(services.handouts.person_pack(pid), pictures),
            )
    return found


def snapshot_tables(services: Services) -> dict[str, Any]:
    """Every table as the CSV export writes it (each row's cells), and the digest of the
    cells of the Excel workbook of all of them."""
    from openpyxl import load_workbook

    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for table in services.tables.definitions():
            path = folder / f"{table.name}.csv"
            services.tables.export([table.name], TableFormat.CSV, path)
            with path.open(encoding="utf-8-sig", newline="") as handle:
                found[f"csv {table.name}"] = list(csv.reader(handle))
        path = folder / "all.xlsx"
        services.tables.export(
            [t.name for t in services.tables.definitions()], TableFormat.XLSX, path
        )
        workbook = load_workbook(path, read_only=True)
        for sheet in workbook.worksheets:
            cells = json.dumps(
                [[repr(value) for value in row] for row in sheet.iter_rows(values_only=True)]
            )
            found[f"xlsx {sheet.title}"] = _digest(cells.encode())
        workbook.close()
    return found


def qt_pictures() -> Pictures:
    """Pictures as the command line drew them before the cache: Qt, at the export's size."""
    from functools import lru_cache

    from coproduce.cli_documents import PICTURE_PIXELS
    from coproduce.ui.pictures import render_png

    return lru_cache(maxsize=None)(lambda choice: render_png(choice, PICTURE_PIXELS))


def snapshot(services: Services, pictures: Pictures) -> dict[str, Any]:
    return {
        "documents": snapshot_documents(services, pictures),
        "tables": snapshot_tables(services),
    }


def small_council(url: str) -> Services:
    from coproduce.services.demo import build_demo
    from coproduce.store.database import Database

    database = Database.open(url)
    build_demo(database, "small", today=ANCHOR)
    return Services(database, today=lambda: ANCHOR)


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    target = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as name:
        council = small_council(f"sqlite:///{Path(name) / 'small.sqlite3'}")
        result = snapshot(council, qt_pictures())
        council.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Wrote {target}: {len(result['documents'])} documents, {len(result['tables'])} tables.")
