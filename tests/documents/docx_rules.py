"""Checks the document tests share: reopen a .docx with python-docx (and as a zip of XML parts)
and assert the rules of DESIGN.md section 5 on what is really in the file."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from coproduce.documents.content import (
    ActionLine,
    Attendee,
    Contact,
    Counted,
    Cover,
    EasyReadDocument,
    Entry,
    HardWord,
    Minutes,
    MinutesItem,
    NextMeeting,
    ReportLine,
    Row,
    Section,
    Words,
    WordsFrom,
    YouSaidWeDid,
    row,
)
from coproduce.documents.plain_language import easy_read_problems
from coproduce.domain.records import GlossaryTerm, PictureChoice
from coproduce.domain.vocabulary import PictureSource, RowKind

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TRUE_VALUES = {None, "1", "true", "on"}


def picture(concept: str = "meeting") -> PictureChoice:
    """A library icon choice, as services.pictures gives them."""
    return PictureChoice(
        concept=concept,
        source=PictureSource.ICON,
        reference="fa5s.users",
        alt_text=f"A picture of {concept}",
    )


@lru_cache(maxsize=256)
def render(choice: PictureChoice) -> bytes:
    """The real renderer the window and the command line use (kept per picture: the tests
    build many documents with the same pictures)."""
    from coproduce.ui.pictures import render_png

    return render_png(choice, 200)


def reopen(path: Path) -> Document:
    return docx.Document(str(path))


def xml_parts(path: Path) -> dict[str, str]:
    """Every XML part of the file, as text (for searching for names)."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


def appears_anywhere(path: Path, text: str) -> list[str]:
    """The parts of the file that contain ``text`` (case-insensitive)."""
    wanted = text.casefold()
    return [name for name, xml in xml_parts(path).items() if wanted in xml.casefold()]


def all_paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every paragraph: body, table cells (nested too), headers and footers."""
    yield from body_paragraphs(document)
    for section in document.sections:
        yield from body_paragraphs(section.footer)
        yield from body_paragraphs(section.header)


def full_text(document: Document) -> str:
    return "\n".join(p.text for p in all_paragraphs(document))


@dataclass(frozen=True)
class Effective:
    font: str | None
    size: float | None
    bold: bool
    italic: bool
    underline: bool


def _flag(rpr: object, tag: str) -> bool | None:
    if rpr is None:
        return None
    element = rpr.find(qn(tag))  # type: ignore[attr-defined]
    if element is None:
        return None
    value = element.get(qn("w:val"))
    if tag == "w:u":
        return value not in ("none", "0", "false")
    return value in TRUE_VALUES


def _style_chain(document: Document, style_id: str | None) -> Iterator[object]:
    styles = document.styles.element
    while style_id:
        found = None
        for style in styles.findall(qn("w:style")):
            if style.get(qn("w:styleId")) == style_id:
                found = style
                break
        if found is None:
            return
        yield found
        based = found.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None


def _default_paragraph_style(document: Document) -> str | None:
    for style in document.styles.element.findall(qn("w:style")):
        if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
            return style.get(qn("w:styleId"))
    return None


def effective(document: Document, paragraph: Paragraph, run: object) -> Effective:
    """The font, size, bold, italic and underline a run really has: its own properties,
    then its paragraph's style chain, then the document defaults."""
    ppr = paragraph._p.pPr
    style_id = None
    if ppr is not None and ppr.pStyle is not None:
        style_id = ppr.pStyle.val
    style_id = style_id or _default_paragraph_style(document)
    layers = [run._r.rPr]  # type: ignore[attr-defined]
    for style in _style_chain(document, style_id):
        layers.append(style.find(qn("w:rPr")))  # type: ignore[attr-defined]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    layers.append(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))

    font = size = None
    flags: dict[str, bool | None] = {"w:b": None, "w:i": None, "w:u": None}
    for rpr in layers:
        if rpr is None:
            continue
        fonts = rpr.find(qn("w:rFonts"))
        if font is None and fonts is not None:
            assert fonts.get(qn("w:asciiTheme")) is None, "a theme font would override the font"
            font = fonts.get(qn("w:ascii"))
        sz = rpr.find(qn("w:sz"))
        if size is None and sz is not None:
            size = int(sz.get(qn("w:val"))) / 2
            # Right-to-left and other complex scripts use szCs: it must say the same.
            sz_cs = rpr.find(qn("w:szCs"))
            assert sz_cs is not None and sz_cs.get(qn("w:val")) == sz.get(qn("w:val"))
        for tag in flags:
            if flags[tag] is None:
                flags[tag] = _flag(rpr, tag)
    return Effective(font, size, bool(flags["w:b"]), bool(flags["w:i"]), bool(flags["w:u"]))


def runs(document: Document) -> Iterator[tuple[Paragraph, object]]:
    for paragraph in all_paragraphs(document):
        for run in paragraph.runs:
            yield paragraph, run


# --- the rules ---------------------------------------------------------------------------


def assert_common_rules(path: Path, title: str) -> Document:
    """A4, page numbers, title and en-GB, no hyphenation, no italics or underline anywhere,
    never justified, and every picture with alt text."""
    document = reopen(path)
    for section in document.sections:
        assert abs(section.page_width - Cm(21.0)) < Cm(0.01)
        assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert document.core_properties.title == title
    assert document.core_properties.language == "en-GB"
    parts = xml_parts(path)
    assert 'w:val="en-GB"' in parts["word/styles.xml"]
    assert re.search(r'<w:lang [^>]*w:val="en-GB"', parts["word/styles.xml"])
    footers = [xml for name, xml in parts.items() if name.startswith("word/footer")]
    assert any(re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", xml) for xml in footers)
    assert re.search(r'<w:autoHyphenation w:val="false"/>', parts["word/settings.xml"])
    for name in ("word/document.xml", "word/styles.xml", *[n for n in parts if "footer" in n]):
        xml = parts[name]
        for tag in ("i", "iCs", "u"):
            for found in re.finditer(rf"<w:{tag}(?: w:val=\"([^\"]*)\")?/>", xml):
                assert found.group(1) in ("0", "false", "none"), f"w:{tag} in {name}"
        assert 'w:jc w:val="both"' not in xml and 'w:val="distribute"' not in xml
    for paragraph, run in runs(document):
        fx = effective(document, paragraph, run)
        assert not fx.italic and not fx.underline, paragraph.text
    for doc_pr in re.finditer(DOC_PR, parts["word/document.xml"], re.S):
        tag = doc_pr.group(0)
        if DECORATIVE in tag:
            continue  # marked decorative: screen readers skip it, so it has no alt text
        descr = re.search(r'descr="([^"]+)"', tag)
        titled = re.search(r'title="([^"]+)"', tag)
        assert descr and descr.group(1).strip(), f"picture without alt text: {tag}"
        assert titled and titled.group(1).strip()
    return document


DOC_PR = r"<wp:docPr\b[^>]*?(?:/>|>.*?</wp:docPr>)"
"""A picture's properties in document.xml, self-closing or holding its extensions."""
DECORATIVE = "schemas.microsoft.com/office/drawing/2017/decorative"
"""How a picture marked decorative looks in document.xml (Word's "Mark as decorative")."""


def assert_easy_read_rules(path: Path, title: str, *, font: str = "Arial", size: int = 16) -> None:
    """Section 5: every run in ``font`` at ``size`` or larger (headings larger and bold),
    line spacing at least 1.5, picture rows in borderless 2-column tables that never split,
    with no header row, pictures about 3.5 cm."""
    document = assert_common_rules(path, title)
    seen_sizes = set()
    for paragraph, run in runs(document):
        if not run.text.strip():
            continue
        fx = effective(document, paragraph, run)
        assert fx.font == font, (fx, run.text)
        assert fx.size is not None and fx.size >= size, (fx, run.text)
        seen_sizes.add(fx.size)
        style = paragraph.style.name if paragraph.style is not None else "Normal"
        if style.startswith("Heading") or style == "Title":
            assert fx.bold and fx.size > size, (style, fx)
    assert size in seen_sizes
    for paragraph in all_paragraphs(document):
        if paragraph.text.strip():
            spacing = paragraph.paragraph_format.line_spacing
            style = paragraph.style
            while spacing is None and style is not None:
                spacing = style.paragraph_format.line_spacing
                style = style.base_style
            assert spacing is not None and spacing >= 1.2, paragraph.text
            if paragraph.style.name != "Title":
                assert spacing >= 1.5, paragraph.text

    assert document.tables, "easy read puts each idea in a table row"
    for table in document.tables:
        assert len(table.columns) == 2
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert borders is not None
        assert all(edge.get(qn("w:val")) in ("nil", "none") for edge in borders)
        for table_row in table.rows:
            tr_pr = table_row._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
            assert tr_pr.find(qn("w:tblHeader")) is None
            pictures = table_row.cells[0]._tc.xpath(".//wp:inline")
            assert len(pictures) == 1, "every row has its picture on the left"
            extent = pictures[0].find(
                "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
            )
            assert abs(int(extent.get("cx")) - Cm(3.5)) < Cm(0.05)
            assert table_row.cells[1].text.strip(), "words on the right"
    assert "Ask us for this in another format" in full_text(document)


def body_paragraphs(document: object) -> Iterator[Paragraph]:
    """Every paragraph of the body (or a header or footer) and its tables, nested too."""

    def in_container(container: object) -> Iterator[Paragraph]:
        for block in container.iter_inner_content():  # type: ignore[attr-defined]
            if isinstance(block, Paragraph):
                yield block
            elif isinstance(block, Table):
                for table_row in block.rows:
                    for cell in table_row.cells:
                        yield from in_container(cell)

    yield from in_container(document)


def assert_every_sentence_passes(document: Document, terms: Sequence[GlossaryTerm]) -> int:
    """Every paragraph a reader sees passes the easy-read gate: no sentence over 15 words, no
    semicolon, no acronym, officer word or document number the glossary does not explain.
    Returns how many paragraphs were read."""
    count = 0
    for paragraph in body_paragraphs(document):
        text = paragraph.text.strip()
        if not text:
            continue
        count += 1
        assert ";" not in text, text
        problems = easy_read_problems(text, terms)
        assert not problems, (text, [p.message for p in problems])
    return count


DATE_IN_WORDS = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} "
    r"(January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{4}\b"
)
NUMERIC_DATE = re.compile(r"\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b")


# --- content made by hand (for builder tests) --------------------------------------------


def glossary() -> tuple[HardWord, ...]:
    terms = [
        GlossaryTerm(
            term="safeguarding",
            plain="keeping people safe",
            explanation="Keeping people safe from harm.",
        ),
        GlossaryTerm(
            term="direct payments",
            plain="money for your support",
            explanation="Money from the council to pay for your support.",
        ),
        GlossaryTerm(
            term="reablement",
            plain="help to get back on your feet",
            explanation="Short help at home after an illness.",
        ),
    ]
    return tuple(HardWord(term=t, picture=picture("hard words")) for t in terms)


def words(text: str, kind: RowKind = RowKind.CONTRIBUTION, record_id: int = 1) -> Words:
    """A record's words (not written as easy read), as the handout service gives them."""
    return Words(
        text=text, origin=WordsFrom(kind=kind, record_id=record_id, written=False, raw=text)
    )


def entry(
    text: str,
    *,
    lead: str = "A group member said:",
    answer: str = "",
    rank: int = 4,
    chosen: bool = False,
    when: datetime | None = None,
    topic: int | None = None,
    record_id: int = 1,
    concept: str = "idea",
) -> Entry:
    rows = [Row(picture=picture(concept), lead=lead, words=(words(text, record_id=record_id),))]
    if answer:
        rows.append(
            Row(
                picture=picture("changed"),
                lead="What we changed:",
                words=(words(answer, RowKind.RESPONSE, record_id),),
            )
        )
    return Entry(
        rows=tuple(rows), rank=rank, chosen=chosen, when=when, topic=topic, answered=bool(answer)
    )


def counted() -> Counted:
    return Counted(
        picture=picture("more ideas"),
        many="You told us {n} other things too.",
        one="You told us 1 other thing too.",
        then="Ask us if you want to know about them.",
        waiting="We are still looking at them.",
    )


def easy_document(**changes: object) -> EasyReadDocument:
    """A session summary made by hand: every part the handout service makes."""
    told = changes.pop("told", None)
    values: dict[str, object] = dict(
        title="Easy read summary of our meeting",
        subject="Carers' Forum, Tuesday 10 March 2026",
        cover=Cover(
            title="Our meeting on Tuesday 10 March 2026",
            lines=(Words(text="Carers' Forum"),),
            picture=picture("meeting"),
            note="This tells you what happened at our meeting.",
        ),
        sections=(
            Section(
                heading="About this meeting",
                rows=(
                    row(picture("place"), "We met at Town Hall, Room 2.",
                        "The meeting was from 10am to 12 noon."),
                ),
            ),
            Section(
                heading="Who came",
                rows=(row(picture("who came"), "9 people came.",
                          "2 people told us they could not come.",
                          "Some of the people who came:", "Ayo Bello"),),
            ),
            Section(
                heading="What we talked about",
                entries=(
                    Entry(
                        rows=(Row(picture=picture("money"),
                                  words=(Words(text="We talked about direct payments."),)),),
                        rank=-1, chosen=True, topic=1,
                    ),
                ),
            ),
            Section(
                heading="What you told us",
                entries=told if told is not None else (
                    entry("The bus to the day centre is often late.", lead="Ayo Bello said:",
                          concept="bus", record_id=1),
                    entry("We want more short breaks.", answer="We added 20 more short breaks.",
                          record_id=2),
                ),
                counted=counted(),
            ),
            Section(
                heading="What happens next",
                entries=(
                    Entry(
                        rows=(Row(picture=picture("action"), decorative=True, words=(
                            words("Ask the transport team about the bus.", RowKind.ACTION),
                            Words(text="Ayo Bello will do this by Friday 20 March 2026."),
                        )),),
                        rank=1, chosen=True,
                    ),
                ),
            ),
            Section(
                heading="Next meeting",
                rows=(row(picture("next meeting"),
                          "Our next meeting is on Tuesday 14 April 2026, 2:30pm to 4pm.",
                          "It will be at the Library."),),
            ),
        ),
        budget=12,
        glossary=glossary(),
        hard_words_picture=picture("hard words"),
        contact=Contact(
            name="Sam Reed", organisation="Anytown Council", phone="01234 567890",
            email="group@example.org",
        ),
        contact_picture=picture("contact us"),
        format_picture=picture("another format"),
        credits="Pictures: Font Awesome Free 5 (CC BY 4.0).",
    )  # fmt: skip
    values.update(changes)
    return EasyReadDocument(**values)  # type: ignore[arg-type]


def with_told(content: EasyReadDocument, *entries: Entry) -> EasyReadDocument:
    """``content`` with "What you told us" holding ``entries``."""
    sections = tuple(
        replace(s, entries=tuple(entries)) if s.heading == "What you told us" else s
        for s in content.sections
    )
    return replace(content, sections=sections)


def report_line(said: str, did: str, *, source: str = "A group member said",
                on: date | None = None) -> ReportLine:  # fmt: skip
    return ReportLine(
        said=said,
        did=did,
        status="Changed the document",
        answered=True,
        source=source,
        said_on=on,
        document="Carers' strategy",
    )


def minutes(**changes: object) -> Minutes:
    values: dict[str, object] = dict(
        title="Short breaks for carers",
        group="Carers' Forum",
        starts_at=datetime(2026, 3, 10, 10, 0),
        ends_at=datetime(2026, 3, 10, 12, 0),
        place="Town Hall, Room 2",
        status="Held",
        notes="Room was cold.",
        chair="Sam Reed",
        facilitators=(),
        present=(Attendee(name="Ayo Bello", note="arrived late"),),
        present_unnamed=3,
        officers=(Attendee(name="Sam Reed"),),
        apologies=(Attendee(name="Priya Shah", note="Annual leave"),),
        apologies_unnamed=2,
        items=(
            MinutesItem(
                title="Transport",
                notes="Discussed the day centre bus.",
                contributions=(("Ayo Bello", "Concern", "The bus is often late."),),
            ),
        ),
        decisions=(("The whole group", "Write to the transport team."),),
        actions=(
            ActionLine(
                text="Write to transport",
                owner="Ayo Bello",
                due_on=date(2026, 3, 20),
                status="Open",
            ),
        ),
        next_meeting=NextMeeting(
            starts_at=datetime(2026, 4, 14, 14, 30),
            ends_at=datetime(2026, 4, 14, 16, 0),
            place="Library",
        ),
    )
    values.update(changes)
    return Minutes(**values)  # type: ignore[arg-type]


def report(**changes: object) -> YouSaidWeDid:
    values: dict[str, object] = dict(
        title="You said, we did",
        subject="Carers' strategy",
        period_from=date(2026, 1, 1),
        period_to=date(2026, 3, 31),
        items=(
            report_line(
                "Letters are too long.", "We made the letters shorter.", on=date(2026, 1, 13)
            ),
            report_line(
                "Safeguarding is confusing.", "", source="Ayo Bello said", on=date(2026, 2, 10)
            ),
        ),
        made_on=date(2026, 4, 1),
    )
    values.update(changes)
    return YouSaidWeDid(**values)  # type: ignore[arg-type]
