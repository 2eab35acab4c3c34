"""The evidence pack for assurance (a board, scrutiny, the CQC's local authority assessment):
co-production activity and its impact under the CQC quality statements it supports.

A standard staff document (Arial 12 pt, A4, page numbers, en-GB), in the order a board paper
reads: the summary figures, what was said under each CQC quality statement ("Learning,
improvement and innovation" first), the ladder of the portfolio, closing the loop, reach,
actions, the chosen "You said, we did" examples, and what the figures mean.

Every picture has its alt text (``descr``) and is followed at once by a table of the same
numbers, so nothing is only in the picture. Pictures arrive as PNG bytes keyed by
``EvidenceFigure.key``: the window renders them (``ui/printing/jobs.py``); this module never
touches Qt or the database. A picture that did not arrive leaves its table in place and a
warning for the facilitator.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from docx.document import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.table import Table

from coproduce.documents.docx_base import (
    add_picture,
    add_row,
    add_text,
    clean_text,
    date_in_words,
    heading,
    new_document,
    new_table,
    paragraph,
    paragraph_in,
)
from coproduce.documents.easy_read import Built
from coproduce.documents.evidence_content import (
    EvidenceFigure,
    EvidencePack,
    FigureTable,
    StatementEvidence,
)
from coproduce.documents.minutes import STANDARD_TYPE

TEXT_WIDTH = Cm(17.0)
PICTURE_WIDTH = Cm(16.0)
NUMBER_SIZE = Pt(10)
"""Tables of many numbers use slightly smaller type, so a column per rung fits the page."""
WIDE_TABLE = 4
"""Tables with more columns than this use ``NUMBER_SIZE``."""
MOST_COLUMNS = 10
"""A table with more value columns than this (attendance of many groups) is split in two."""
UPRIGHT_HEADERS = 5
"""Tables with more columns than this turn their column headings on their side, so narrow
columns of numbers keep whole words ("Co-production") in their headings."""
EXAMPLE_COLUMNS = (Cm(6.0), Cm(6.5), Cm(4.5))
STATEMENT_COLUMNS = (Cm(5.6), Cm(2.9), Cm(2.1), Cm(2.2), Cm(2.1), Cm(2.1))
LEARNING = "Learning, improvement and innovation"


def scope_words(content: EvidencePack) -> str:
    """``All groups`` or ``Carers' Forum and Lived Experience Reference Group``."""
    if content.all_groups or not content.groups:
        return "All groups"
    if len(content.groups) == 1:
        return content.groups[0]
    return ", ".join(content.groups[:-1]) + " and " + content.groups[-1]


def period_words(date_from: date | None, date_to: date | None, as_on: date) -> str:
    """``1 January 2026 to 31 March 2026``, with weekday names (as every Coproduce document)."""
    start = date_in_words(date_from) if date_from else "the first records"
    return f"{start} to {date_in_words(date_to or as_on)}"


def build_evidence_pack(content: EvidencePack, images: Mapping[str, bytes]) -> Built:
    """The evidence pack as a Word document; ``images`` are the PNGs of its figures by key."""
    writer = _Writer(content, images)
    writer.write()
    return Built(
        document=writer.document, warnings=tuple(writer.warnings), findings=(), estimated_pages=0
    )


class _Writer:
    def __init__(self, content: EvidencePack, images: Mapping[str, bytes]) -> None:
        self.content = content
        self.images = images
        self.warnings: list[str] = []
        self.figure_number = 0
        self.document: Document = new_document(content.title, STANDARD_TYPE)
        properties = self.document.core_properties
        properties.subject = clean_text(
            f"{scope_words(content)}: "
            f"{period_words(content.date_from, content.date_to, content.as_on)}"
        )
        properties.keywords = "co-production; CQC quality statements; assurance"
        properties.category = "Evidence pack"

    def write(self) -> None:
        self.cover()
        self.summary()
        self.statements()
        self.ladder()
        self.loop()
        self.reach()
        self.actions()
        self.examples()
        self.about()

    # --- sections ----------------------------------------------------------------------

    def cover(self) -> None:
        content, document = self.content, self.document
        paragraph(document, content.title, style="Title")
        if content.organisation.strip():
            paragraph(document, content.organisation, bold=True)
        paragraph(document, f"Groups: {scope_words(content)}")
        paragraph(
            document,
            f"Period: {period_words(content.date_from, content.date_to, content.as_on)}",
        )
        paragraph(document, f"Made on {date_in_words(content.made_on)}")
        paragraph(
            document,
            "This pack sets out how people with lived experience shaped our work in this "
            "period, and what changed because of it, under the Care Quality Commission's "
            "quality statements for local authorities. It is for our board, for scrutiny and "
            "for assessment. The figures are the same as on Coproduce's dashboard.",
        )

    def summary(self) -> None:
        heading(self.document, "Summary")
        self.table(self.content.key_figures, (Cm(11.0), Cm(6.0)))

    def statements(self) -> None:
        content, document = self.content, self.document
        heading(document, "Under the CQC quality statements")
        tagged = content.contributions - content.untagged
        paragraph(
            document,
            f"{_count(content.contributions, 'thing')} said in this period; "
            f"{tagged:,} of them tagged with at least one CQC quality statement. A thing "
            "tagged with two statements is counted under each.",
        )
        table = new_table(
            document,
            STATEMENT_COLUMNS,
            borders=True,
            header=("Quality statement", "Theme", "Things said", "Answered", "Changed", "Fed back"),
        )
        _small(table)
        for item in content.statements:
            cells = add_row(table, STATEMENT_COLUMNS)
            values = (
                item.statement,
                item.theme,
                f"{item.contributions:,}",
                f"{item.responded:,}",
                f"{item.changed_document:,}",
                f"{item.fed_back:,}",
            )
            for cell, value in zip(cells, values, strict=True):
                paragraph_in(cell, value, bold=item.statement == LEARNING and cell is cells[0])
        _small(table)
        paragraph(
            document,
            '"Answered": a response other than "Not answered yet". "Changed": the response '
            'changed the document. "Fed back": the response was told to the group.',
        )
        quiet = []
        for item in content.statements:
            if item.contributions or item.statement == LEARNING:
                self.statement(item)
            else:
                quiet.append(item.statement)
        if quiet:
            paragraph(
                document, "Nothing said in this period was tagged with: " + "; ".join(quiet) + "."
            )

    def statement(self, item: StatementEvidence) -> None:
        document = self.document
        heading(document, f"{item.statement} ({item.theme})", 2)
        if item.contributions:
            paragraph(
                document,
                f"{_count(item.contributions, 'thing')} said; {item.responded:,} answered, "
                f"{item.changed_document:,} changed a document and {item.fed_back:,} fed back "
                "to the group.",
            )
        else:
            paragraph(document, "Nothing said in this period was tagged with this statement.")
        if item.statement == LEARNING:
            paragraph(
                document,
                "Co-production is itself evidence for this statement: the ladder of the "
                'portfolio, how the loop was closed and the examples of "You said, we did" '
                "in this pack show how we learn from people with lived experience and change "
                "what we do.",
            )
        for example in item.examples:
            para = paragraph(document, f"{example.source}: ", bold=True)
            add_text(para, example.said)
            para = paragraph(document, f"{example.outcome}: ", bold=True)
            if example.did.strip():
                add_text(para, example.did)
            para.paragraph_format.left_indent = Cm(0.75)

    def ladder(self) -> None:
        document = self.document
        # The ladder is the centre of the pack: it starts a page, with its picture.
        heading(document, "The ladder of co-production").paragraph_format.page_break_before = True
        paragraph(
            document,
            "Each piece of work is placed on the 7-rung ladder of co-production, from "
            '"doing to" people (coercion, educating), through "doing for" (informing, '
            'consultation, engagement), to "doing with" (co-design, co-production). The plan '
            "is where we meant the work to be; the latest assessment is where it is now.",
        )
        self.figure(self.content.ladder)
        for figure in self.content.figures:
            if figure.key == "rungs_over_time":
                self.figure(figure)

    def loop(self) -> None:
        heading(self.document, "Closing the loop")
        paragraph(
            self.document,
            "Whether the things people said were answered, and whether the answer went back "
            "to them.",
            keep_with_next=True,
        )
        self.table(self.content.loop_closure, (Cm(7.0), Cm(10.0)))

    def reach(self) -> None:
        heading(self.document, "Reach")
        self.table(self.content.reach, (Cm(12.0), Cm(5.0)))
        for figure in self.content.figures:
            if figure.key == "attendance":
                self.figure(figure)

    def actions(self) -> None:
        heading(self.document, "Actions")
        for figure in self.content.figures:
            if figure.key == "overdue":
                if figure.table.rows:
                    self.figure(figure)
                else:
                    paragraph(self.document, "No actions are overdue.")

    def examples(self) -> None:
        document = self.document
        examples = self.content.examples
        heading(document, "You said, we did").paragraph_format.page_break_before = True
        if not examples:
            paragraph(document, "No examples were chosen for this pack.")
            return
        paragraph(
            document,
            f"{_count(len(examples), 'example')} of what people told us and what we did, newest "
            "first. Names appear only where the person agreed to be quoted by name.",
        )
        table = new_table(
            document, EXAMPLE_COLUMNS, borders=True, header=("You said", "We did", "When and where")
        )
        for example in examples:
            said, did, where = add_row(table, EXAMPLE_COLUMNS)
            paragraph_in(said, f"{example.source}:", bold=True)
            paragraph_in(said, example.said)
            paragraph_in(did, example.outcome, bold=True)
            if example.did.strip():
                paragraph_in(did, example.did)
            paragraph_in(where, f"Said on {date_in_words(example.said_on)}")
            paragraph_in(where, example.group)
            if example.document.strip():
                paragraph_in(where, example.document)
            if example.statements:
                paragraph_in(where, "CQC: " + "; ".join(example.statements))

    def about(self) -> None:
        document = self.document
        heading(document, "About these figures")
        for line in (
            "Things said count by the day they were recorded, at sessions of the groups "
            "above. The figures that describe a state (the ladder, people to check in with, "
            f"overdue actions) describe it on {date_in_words(self.content.as_on)}.",
            "A piece of work counts at the rung of its latest assessment; it belongs to a "
            "group that had it on a session's agenda or linked something said to it.",
            "People involved: marked present at a session, or taking part in an involvement "
            "activity. People to check in with are counted, never named.",
            "Names: a person is named only while their consent to be quoted by name is in "
            'force; everyone else is "A group member".',
        ):
            paragraph(document, line)

    # --- building blocks --------------------------------------------------------------

    def figure(self, figure: EvidenceFigure) -> None:
        """A heading, the picture with its alt text, then at once the table of its numbers."""
        document = self.document
        self.figure_number += 1
        heading(document, f"Figure {self.figure_number}: {figure.title}", 2)
        png = self.images.get(figure.key)
        if png:
            para = paragraph(document, keep_with_next=True)
            add_picture(para, png, PICTURE_WIDTH, figure.alt_text)
        else:
            self.warnings.append(
                f"The picture for {figure.title!r} was not made; its table gives the numbers."
            )
        self.table(figure.table)
        paragraph(document, "The table gives the same numbers as the picture above.")

    def table(self, figure: FigureTable, widths: Sequence[Emu] | None = None) -> None:
        columns = len(figure.headers)
        if widths is None and columns - 1 > MOST_COLUMNS:
            # Too many value columns for one page width: the first column is repeated in
            # each part, so every part can be read on its own.
            for start in range(1, columns, MOST_COLUMNS):
                part = (0, *range(start, min(start + MOST_COLUMNS, columns)))
                self.table(
                    FigureTable(
                        headers=tuple(figure.headers[i] for i in part),
                        rows=tuple(tuple(row[i] for i in part) for row in figure.rows),
                    )
                )
            return
        if widths is None:
            first = Cm(11.0 if columns == 2 else 4.0 if columns <= UPRIGHT_HEADERS else 2.6)
            rest = min((TEXT_WIDTH - first) // max(columns - 1, 1), Cm(3.0))
            widths = (first, *([Emu(rest)] * (columns - 1)))
        table = new_table(self.document, widths, borders=True, header=figure.headers)
        for row in figure.rows:
            for cell, value in zip(add_row(table, widths), row, strict=True):
                paragraph_in(cell, value)
        if columns > WIDE_TABLE:
            _small(table)
        if columns > UPRIGHT_HEADERS:
            _headings_on_their_side(table)


def _headings_on_their_side(table: Table) -> None:
    """The header row's headings (all but the first) read bottom to top, in a row tall enough
    for the longest."""
    header = table.rows[0]
    longest = max(len(cell.text) for cell in header.cells[1:])
    header.height = Cm(max(2.0, 0.2 * longest + 0.4))
    header.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for cell in header.cells[1:]:
        direction = OxmlElement("w:textDirection")
        direction.set(qn("w:val"), "btLr")
        properties = cell._tc.get_or_add_tcPr()
        # tcPr children have a schema order: textDirection comes after tcW and shading.
        anchor = properties.find(qn("w:vAlign"))
        if anchor is not None:
            anchor.addprevious(direction)
        else:
            properties.append(direction)


def _small(table: Table) -> None:
    for row in table.rows:
        for cell in row.cells:
            for para in cell.paragraphs:
                para.paragraph_format.line_spacing = 1.0
                for run in para.runs:
                    run.font.size = NUMBER_SIZE
                    # Complex scripts (Arabic, Hebrew...) take their size from szCs.
                    rpr = run._r.get_or_add_rPr()
                    for old in rpr.findall(qn("w:szCs")):
                        rpr.remove(old)
                    complex_size = OxmlElement("w:szCs")
                    complex_size.set(qn("w:val"), str(int(NUMBER_SIZE.pt * 2)))
                    rpr.find(qn("w:sz")).addnext(complex_size)


def _count(number: int, singular: str) -> str:
    return f"{number:,} {singular if number == 1 else singular + 's'}"
