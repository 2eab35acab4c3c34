"""The evidence pack as a Word document: reopened with python-docx and read as XML.

Built from the small demo council on both databases, with the pictures the window draws
(``ui.printing.jobs.evidence_images``), then checked as a reader would meet it: the common
rules (A4, page numbers, en-GB, alt text), every picture followed by a table of its numbers,
the sections a board expects, the properties, no name of anyone who has not agreed to be
named anywhere in the file, and LibreOffice can lay it out.
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx_rules import appears_anywhere, assert_common_rules, reopen
from sqlalchemy import text

from coproduce.documents.evidence_content import EvidencePack
from coproduce.documents.evidence_pack import build_evidence_pack
from coproduce.documents.pdf import convert_to_pdf
from coproduce.domain.schedule import add_months
from coproduce.domain.vocabulary import ConsentPurpose
from coproduce.services import Services
from coproduce.services.demo import ANCHOR, build_demo
from coproduce.services.evidence import TITLE, EvidenceFilter

YEAR = EvidenceFilter(from_date=add_months(ANCHOR, -12) + timedelta(days=1), to_date=ANCHOR)
SECTIONS = [
    "Summary",
    "Under the CQC quality statements",
    "The ladder of co-production",
    "Closing the loop",
    "Reach",
    "Actions",
    "You said, we did",
    "About these figures",
]


@pytest.fixture
def demo(services: Services) -> Services:
    build_demo(services.database, "small")
    return Services(services.database, actor="Test Facilitator", today=lambda: ANCHOR)


def made(
    demo: Services, qapp: Any, tmp_path: Path, *, every_example: bool = True
) -> tuple[EvidencePack, Path]:
    """The pack for the year with the window's pictures; with every example, or the default
    choice."""
    from coproduce.ui.printing.jobs import evidence_images

    every = [e.contribution_id for e in demo.evidence.examples(YEAR)]
    pack = demo.evidence.pack(YEAR, every if every_example else None)
    images = evidence_images(demo.dashboard.figures(YEAR.dashboard_filter()))
    built = build_evidence_pack(pack, images)
    assert built.warnings == ()
    return pack, built.save(tmp_path / "evidence.docx")


def body_blocks(document: Any) -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            blocks.append(Paragraph(element, document))
        elif element.tag == qn("w:tbl"):
            blocks.append(Table(element, document))
    return blocks


def cells(table: Table) -> list[tuple[str, ...]]:
    return [tuple(cell.text for cell in row.cells) for row in table.rows]


def test_every_picture_has_alt_text_and_a_table_of_its_numbers_after_it(
    demo: Services, qapp: Any, tmp_path: Path
) -> None:
    pack, path = made(demo, qapp, tmp_path)
    document = assert_common_rules(path, TITLE)

    figures = {f.alt_text: f for f in (pack.ladder, *pack.figures)}
    blocks = body_blocks(document)
    pictures = 0
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        for doc_pr in block._p.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
        ):
            pictures += 1
            figure = figures[doc_pr.get("descr")]
            following = blocks[index + 1]
            assert isinstance(following, Table), f"no table after {figure.title}"
            assert cells(following) == [figure.table.headers, *figure.table.rows]
    assert pictures == 4  # the ladder, the ladder over time, attendance, overdue actions
    assert len(document.inline_shapes) == 4


def test_the_pack_reads_as_a_board_paper_with_its_properties(
    demo: Services, qapp: Any, tmp_path: Path
) -> None:
    pack, path = made(demo, qapp, tmp_path)
    document = reopen(path)

    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTIONS
    subheadings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert subheadings[0] == "Learning, improvement and innovation (Leadership)"
    assert [h for h in subheadings if h.startswith("Figure")] == [
        "Figure 1: The portfolio on the ladder on Sunday 1 November 2026",
        "Figure 2: The ladder over time",
        "Figure 3: Attendance by group",
        "Figure 4: Overdue actions by group",
    ]
    normal = document.styles["Normal"].font
    assert normal.name == "Arial" and normal.size == Pt(12)
    properties = document.core_properties
    assert properties.title == TITLE
    assert properties.language == "en-GB"
    assert properties.subject == "All groups: Sunday 2 November 2025 to Sunday 1 November 2026"
    assert "CQC" in properties.keywords
    # The key figures are the first table, as the service gave them.
    first = next(b for b in body_blocks(document) if isinstance(b, Table))
    assert cells(first) == [pack.key_figures.headers, *pack.key_figures.rows]
    # Every chosen example is a row of the "You said, we did" table.
    last = [b for b in body_blocks(document) if isinstance(b, Table)][-1]
    assert len(last.rows) == 1 + len(pack.examples)


def test_no_name_without_consent_appears_anywhere_in_the_file(
    demo: Services, qapp: Any, tmp_path: Path
) -> None:
    pack, path = made(demo, qapp, tmp_path)
    with demo.database.engine.connect() as connection:
        people = dict(connection.execute(text("SELECT id, display_name FROM people")).all())
    consenting = demo.people.consenting(ConsentPurpose.QUOTED_BY_NAME, sorted(people))
    assert consenting and len(consenting) < len(people)

    for person_id, name in people.items():
        if person_id not in consenting:
            assert appears_anywhere(path, name) == [], name
    named = {e.source.removesuffix(" said") for e in pack.examples} - {
        "A group member",
        "The whole group",
    }
    assert named, "the demo should quote someone who agreed to be named"
    for name in named:
        assert appears_anywhere(path, name) == ["word/document.xml"]


def test_a_missing_picture_leaves_its_table_and_a_warning(demo: Services, tmp_path: Path) -> None:
    pack = demo.evidence.pack(YEAR)
    built = build_evidence_pack(pack, {})

    assert len(built.warnings) == 4
    assert "The portfolio on the ladder" in built.warnings[0]
    path = built.save(tmp_path / "no-pictures.docx")
    document = reopen(path)
    assert len(document.inline_shapes) == 0
    tables = [cells(t) for t in document.tables]
    assert [pack.ladder.table.headers, *pack.ladder.table.rows] in tables


def test_libreoffice_lays_the_pack_out_in_arial(demo: Services, qapp: Any, tmp_path: Path) -> None:
    _pack, path = made(demo, qapp, tmp_path, every_example=False)
    pdf = tmp_path / "evidence.pdf"
    convert_to_pdf(path, pdf)

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[1])
    assert 6 <= pages <= 20
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    body = [line for line in fonts.stdout.splitlines()[2:] if line.strip()]
    assert body and all("Arial" in line or "Liberation" in line for line in body), fonts.stdout


def test_any_text_people_typed_is_written_safely(demo: Services, tmp_path: Path) -> None:
    pack = demo.evidence.pack(YEAR)
    typed = "Bus\x00 fares\x0b too high \u202eمرحبا\u202c 🚌 " + "very long " * 200
    example = replace(pack.examples[0], said=typed, did="We \x1fchanged it", group="Gr\x07oup")
    pack = replace(pack, examples=(example, *pack.examples[1:]), organisation="Council\x01")

    path = build_evidence_pack(pack, {}).save(tmp_path / "typed.docx")

    words = "\n".join(
        cell.text for table in reopen(path).tables for row in table.rows for cell in row.cells
    )
    assert "Bus fares too high \u202eمرحبا\u202c 🚌 very long" in words
    assert "We changed it" in words and "Group" in words
