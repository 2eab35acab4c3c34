"""Easy-read Word documents: the session summary, and the writer the other easy-read documents
("You said, we did", a person's pack) share.

DESIGN.md section 5 is the law here. Each idea is a row of a borderless two-column table, the
picture (3.5 cm, with alt text) on the left and the words on the right; rows never split across
pages. The type comes from ``EasyReadSettings`` (Arial 16 pt unless the facilitator chose
otherwise), line spacing 1.5, left aligned, never italic or underlined; headings are bold and
larger. Dates are in words and numbers in digits. A cover page opens the document; "Hard words"
(only the glossary terms the document uses) and "Contact us" with "Ask us for this in another
format" close it.

The builders never print or hide anything about the words: the plain-language findings for
every block of text, and a warning when the document is likely to pass 20 pages, come back
with the built document for the window to show before it is saved.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.shared import Cm, Pt

from coproduce.documents.content import Contact, EasyReadSummary, HardWord, Row, SaidDid
from coproduce.documents.docx_base import (
    EasyReadSettings,
    PicturePng,
    add_picture,
    add_row,
    clean_text,
    date_in_words,
    heading,
    new_document,
    new_table,
    page_break,
    paragraph,
    paragraph_in,
    save_atomically,
    when_in_words,
)
from coproduce.documents.plain_language import check, find_hard_words
from coproduce.domain.records import PictureChoice

PICTURE_WIDTH = Cm(3.5)
COVER_PICTURE_WIDTH = Cm(8.0)
MARGIN_CM = 2.0
PICTURE_COLUMN = Cm(4.3)
WORDS_COLUMN = Cm(21.0 - 2 * MARGIN_CM - 4.3)
PAGE_LIMIT = 20

# Page estimate: Arial's average character is about half its size wide; the usable height is
# the page less the margins and the footer.
_USABLE_HEIGHT_PT = (29.7 - 2 * MARGIN_CM - 1.0) / 2.54 * 72
_WORDS_WIDTH_PT = (21.0 - 2 * MARGIN_CM - 4.3 - 0.4) / 2.54 * 72
_PICTURE_ROW_PT = (3.5 + 0.6) / 2.54 * 72

ANOTHER_FORMAT = (
    "Ask us if you want this in another format. "
    "We can give you large print, audio, Braille or a British Sign Language video."
)
NO_CONTACT = "Talk to the person who runs your group. They will help you."


@dataclass(frozen=True, slots=True)
class Finding:
    """A plain-language finding in one block of a document's text."""

    where: str
    """Where the block is ("What you told us, row 3")."""
    text: str
    """The block's words, so ``finding.start``/``end`` can be shown in context."""
    finding: Any
    """``documents.plain_language.Finding``: kind, start, end, message, suggestion."""


@dataclass(frozen=True, slots=True)
class Built:
    """A document ready to save, with what the facilitator should see before saving it."""

    document: Document
    warnings: tuple[str, ...]
    findings: tuple[Finding, ...]
    estimated_pages: int

    def save(self, target: Path, *, force: bool = False) -> Path:
        return save_atomically(self.document, target, force=force)


class EasyReadWriter:
    """Writes an easy-read document block by block, keeping its words for the checks."""

    def __init__(
        self,
        title: str,
        settings: EasyReadSettings,
        picture_png: PicturePng,
        glossary: Sequence[HardWord] = (),
    ) -> None:
        self.settings = settings
        self.type = settings.type_settings()
        self.document = new_document(title, self.type, margins_cm=MARGIN_CM)
        self.glossary = tuple(word.term for word in glossary)
        self._term_pictures = {word.term: word.picture for word in glossary}
        self._picture_png = picture_png
        self._pictures: dict[PictureChoice, bytes] = {}
        self._blocks: list[tuple[str, str]] = []
        self._table: Any = None
        self._section = ""
        self._rows_in_section = 0
        self._height_pt = 0.0
        self._pages = 0
        self._warnings: list[str] = []

    # --- pictures ---------------------------------------------------------------------

    def _png(self, choice: PictureChoice) -> bytes:
        # One rendering per picture: the same concept often illustrates many rows.
        if choice not in self._pictures:
            self._pictures[choice] = self._picture_png(choice)
        return self._pictures[choice]

    # --- blocks -----------------------------------------------------------------------

    def cover(self, title: str, lines: Sequence[str], picture: PictureChoice, note: str) -> None:
        """The cover page: title, the lines under it (date, group), a large picture and a
        sentence saying what this document is; then a new page."""
        paragraph(self.document, title, style="Title")
        self._keep("Cover", title)
        for line in lines:
            paragraph(self.document, line, bold=True)
        para = self.document.add_paragraph()
        para.paragraph_format.space_before = Pt(24)
        para.paragraph_format.space_after = Pt(24)
        add_picture(para, self._png(picture), COVER_PICTURE_WIDTH, picture.alt_text)
        paragraph(self.document, note)
        self._keep("Cover", note)
        page_break(self.document)
        self._pages += 1

    def heading(self, text: str, level: int = 1) -> None:
        heading(self.document, text, level)
        self._table = None
        if level == 1:
            self._section = text
            self._rows_in_section = 0
        self._height_pt += (self.type.heading_1 if level == 1 else self.type.heading_2) * 2.4

    def row(
        self, picture: PictureChoice, text: str, *, lead: str = "", extra: Sequence[str] = ()
    ) -> None:
        """One idea: ``picture`` left; right, ``lead`` in bold (who said it, "We did:"),
        ``text``, then ``extra`` lines (who will do it, by when)."""
        if self._table is None:
            self._table = new_table(self.document, (PICTURE_COLUMN, WORDS_COLUMN), borders=False)
        picture_cell, words_cell = add_row(self._table, (PICTURE_COLUMN, WORDS_COLUMN))
        picture_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        words_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        add_picture(picture_cell.paragraphs[0], self._png(picture), PICTURE_WIDTH, picture.alt_text)
        picture_cell.paragraphs[0].paragraph_format.space_after = Pt(12)
        lines = 0
        if lead:
            paragraph_in(words_cell, lead, bold=True)
            lines += self._lines(lead)
        for part in _paragraphs(text):
            paragraph_in(words_cell, part)
            lines += self._lines(part)
        for part in extra:
            paragraph_in(words_cell, part)
            lines += self._lines(part)
        words_cell.paragraphs[-1].paragraph_format.space_after = Pt(18)
        self._rows_in_section += 1
        self._keep(f"{self._section}, row {self._rows_in_section}", text)
        for part in extra:
            self._keep(f"{self._section}, row {self._rows_in_section}", part)
        line_pt = self.type.size * self.type.line_spacing * 1.17
        self._height_pt += max(_PICTURE_ROW_PT, lines * line_pt + 24)

    def text(self, text: str, *, bold: bool = False) -> None:
        """A paragraph outside the rows (a short introduction under a heading)."""
        paragraph(self.document, text, bold=bold)
        self._table = None
        self._keep(self._section, text)
        self._height_pt += self._lines(text) * self.type.size * self.type.line_spacing * 1.17

    def said_did(self, item: SaidDid, *, lead: str = "") -> None:
        """A "You said / We did" pair: two rows, the second saying what happened. ``lead``
        replaces who said it ("You said:" in a person's own pack)."""
        when = f"We talked about this on {date_in_words(item.said_on)}." if item.said_on else ""
        about = f"This was about {item.document}." if item.document.strip() else ""
        said_lead = lead or (f"{item.source}:" if item.source else "You said:")
        extra = tuple(line for line in (when, about) if line)
        self.row(item.said_picture, item.said, lead=said_lead, extra=extra)
        did = item.did.strip() or item.status
        self.row(item.did_picture, did, lead="We did:" if item.answered else "What happens next:")

    def hard_words(self, fallback: PictureChoice) -> None:
        """ "Hard words": only the glossary terms this document's words use, in the order they
        first appear, each with its easy explanation."""
        used = find_hard_words("\n".join(text for _, text in self._blocks), self.glossary)
        if not used:
            return
        self.heading("Hard words")
        self.text("These are the hard words in this document and what they mean.")
        for term in used:
            meaning = term.explanation.strip() or (
                f"This means {term.plain.strip()}." if term.plain.strip() else ""
            )
            name = term.term.strip()
            self.row(
                self._term_pictures.get(term, fallback), meaning, lead=name[:1].upper() + name[1:]
            )

    def contact(
        self,
        contact: Contact,
        picture: PictureChoice,
        format_picture: PictureChoice,
        credits: str = "",
    ) -> None:
        """ "Contact us", and "Ask us for this in another format"."""
        self.heading("Contact us")
        lines = [
            line
            for line in (
                contact.organisation,
                f"Phone: {contact.phone}" if contact.phone.strip() else "",
                f"Email: {contact.email}" if contact.email.strip() else "",
                f"Write to: {contact.address}" if contact.address.strip() else "",
                contact.other,
            )
            if line.strip()
        ]
        if lines:
            self.row(picture, "\n".join(lines), lead="You can contact us:")
        else:
            self.row(picture, NO_CONTACT)
        self.row(format_picture, ANOTHER_FORMAT, lead="Ask us for this in another format")
        if credits.strip():
            paragraph(self.document, credits)
            self._table = None

    # --- finishing --------------------------------------------------------------------

    def finish(self) -> Built:
        pages = self._pages + max(1, math.ceil(self._height_pt / _USABLE_HEIGHT_PT))
        warnings = list(self._warnings)
        if pages > PAGE_LIMIT:
            warnings.append(
                f"This document will probably be about {pages} pages long. Easy-read documents "
                f"work best under {PAGE_LIMIT} pages: think about leaving some rows out."
            )
        return Built(
            document=self.document,
            warnings=tuple(warnings),
            findings=tuple(self._findings()),
            estimated_pages=pages,
        )

    def _findings(self) -> list[Finding]:
        found: list[Finding] = []
        for where, text in self._blocks:
            for finding in check(text, self.glossary):
                found.append(Finding(where=where, text=text, finding=finding))
        return found

    def _keep(self, where: str, text: str) -> None:
        text = clean_text(text).strip()
        if text:
            self._blocks.append((where, text))

    def _lines(self, text: str) -> int:
        per_line = max(10, int(_WORDS_WIDTH_PT / (self.type.size * 0.52)))
        return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text`` (blank lines dropped); one empty paragraph for no text."""
    parts = [part.strip() for part in clean_text(text).split("\n")]
    return [part for part in parts if part] or [""]


# --- the session summary -------------------------------------------------------------------


def build_easy_read_summary(
    content: EasyReadSummary,
    picture_png: PicturePng,
    settings: EasyReadSettings | None = None,
) -> Built:
    """The easy-read summary of one session (DESIGN.md section 5)."""
    settings = settings or EasyReadSettings()
    writer = EasyReadWriter(content.title, settings, picture_png, content.glossary)
    writer.cover(
        content.title,
        (date_in_words(content.starts_at.date()), content.group),
        content.cover_picture,
        "This is an easy read summary of our meeting.",
    )

    writer.heading("About this meeting")
    if content.about:
        for row in content.about:
            writer.row(row.picture, row.text, lead=row.source)
    where = f"We met at {content.place}." if content.place.strip() else ""
    writer.row(
        content.cover_picture,
        f"We met on {when_in_words(content.starts_at, content.ends_at)}.",
        extra=(where,) if where else (),
    )

    writer.heading("Who came")
    came = _people(content.present_count)
    lines = [f"{came} came to the meeting."]
    if content.apologies_count:
        lines.append(f"{_people(content.apologies_count)} could not come and told us.")
    if content.named_present:
        # One name a line: a list of names in one sentence soon passes 15 words.
        lines.append("Some of the people who came:")
        lines.extend(content.named_present)
    writer.row(content.who_came_picture, "\n".join(lines))

    _rows(writer, "What we talked about", content.topics)
    _rows(writer, "What you told us", content.told_us)

    if content.actions or content.said_did:
        writer.heading("What happens next")
        for row in content.actions:
            writer.row(row.picture, row.text, lead=row.source)
        if content.said_did:
            writer.heading("You said, we did", level=2)
            for item in content.said_did:
                writer.said_did(item)

    writer.heading("Next meeting")
    if content.next_meeting is not None:
        meeting = content.next_meeting
        extra = (f"It will be at {meeting.place}.",) if meeting.place.strip() else ()
        writer.row(
            content.next_picture,
            f"Our next meeting is on {when_in_words(meeting.starts_at, meeting.ends_at)}.",
            extra=extra,
        )
    else:
        writer.row(content.next_picture, "We will tell you the date of our next meeting soon.")

    writer.hard_words(content.format_picture)
    writer.contact(
        content.contact, content.contact_picture, content.format_picture, content.credits
    )
    return writer.finish()


def _rows(writer: EasyReadWriter, title: str, rows: Sequence[Row]) -> None:
    if not rows:
        return
    writer.heading(title)
    for row in rows:
        writer.row(row.picture, row.text, lead=f"{row.source}:" if row.source else "")


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def _listed(names: Sequence[str]) -> str:
    names = [clean_text(name).strip() for name in names if clean_text(name).strip()]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
