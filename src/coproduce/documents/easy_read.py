"""Easy-read Word documents: the session summary, "You said, we did" and a person's pack.

DESIGN.md section 5 is the law here, and its rules are kept, not warned about:

- **Only easy words reach the page.** Every paragraph is checked with the plain-language
  gate (``plain_language.is_easy_read``: 15 words a sentence at most, no semicolon, no
  unexplained acronym, officer word or document number). Fixed wording that fails is replaced
  by its fallback; a record's words that fail keep the whole entry out, and the entry is
  listed (``Built.left_out``) so the facilitator can write easy words for it.
- **The page budget is kept.** ``EasyReadDocument.budget`` pages at most, at the chosen font
  and size: entries are taken in order of importance while the document still fits
  (``documents.easy_read_layout`` lays it out as Word does); those left out are counted in
  one easy sentence at the end of their section.
- **Hard words are explained**: at first use (under the row, the cover or the heading that
  first uses them) and again in "Hard words", which, like "Contact us", starts a page.
- The pictures' credits (their licences ask for them) are in the document's properties.
- Each idea is a row of a borderless two-column table, the picture (3.5 cm, with alt text,
  or marked decorative) on the left and the words on the right; rows never split across
  pages. The type comes from ``EasyReadSettings`` (Arial 16 pt unless the facilitator chose
  otherwise), line spacing 1.5, left aligned, never italic or underlined; headings are bold
  and larger, kept with what follows them.

What is printed is decided by ``services.handouts`` (which entries exist, consent applied,
their importance); this module only decides how much fits and writes it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

from coproduce.documents.content import (
    Contact,
    Counted,
    EasyReadDocument,
    Entry,
    HardWord,
    Row,
    Section,
    Words,
    WordsFrom,
)
from coproduce.documents.docx_base import (
    EasyReadSettings,
    PicturePng,
    add_picture,
    add_row,
    clean_text,
    new_document,
    new_table,
    paragraph,
    paragraph_in,
    save_atomically,
)
from coproduce.documents.easy_read_layout import CM, Block, Layout, Para
from coproduce.documents.glossary import match_terms, term_key
from coproduce.documents.plain_language import Finding as CheckFinding
from coproduce.documents.plain_language import check, easy_read_problems
from coproduce.domain.records import GlossaryTerm, PictureChoice

MARGIN_CM = 2.0
PICTURE_CM = 3.5
COVER_PICTURE_CM = 7.0
PICTURE_COLUMN_CM = 4.3
WORDS_COLUMN_CM = 21.0 - 2 * MARGIN_CM - PICTURE_COLUMN_CM
CELL_MARGINS_CM = 2 * 0.19
"""Word's default left and right cell margins: the words wrap inside them."""
PICTURE_SPACE_AFTER = 12
ROW_SPACE_AFTER = 18

HARD_WORDS = "Hard words"
HARD_WORDS_INTRO = "These are the hard words in this document and what they mean."
CONTACT_US = "Contact us"
ANOTHER_FORMAT_LEAD = "Ask us for this in another format"
ANOTHER_FORMAT = (
    "We can give you large print, audio or Braille.",
    "We can give you a British Sign Language video.",
)
NO_CONTACT = "Talk to the person who runs your group. They will help you."
GIVE_UP_AFTER = 40
"""Entries tried in a row that do not fit before the selection stops looking."""


@dataclass(frozen=True, slots=True)
class Finding:
    """A plain-language finding (advice: nothing printed may break the rules) in one block."""

    where: str
    """Where the block is ("What you told us, row 3")."""
    text: str
    finding: CheckFinding


@dataclass(frozen=True, slots=True)
class NeedsWords:
    """A record whose words may not be printed in easy read: its entry was left out until
    someone writes easy words for it."""

    where: str
    """The part of the document it would be in ("What you told us")."""
    origin: WordsFrom
    text: str
    """The words that did not pass."""
    problems: tuple[CheckFinding, ...]

    @property
    def reason(self) -> str:
        """What is wrong, in one line ("This sentence has 23 words...")."""
        return " ".join(dict.fromkeys(problem.message for problem in self.problems))


@dataclass(frozen=True, slots=True)
class Built:
    """A document ready to save, with what the facilitator should see before saving it."""

    document: Document
    warnings: tuple[str, ...]
    findings: tuple[Finding, ...]
    estimated_pages: int
    budget: int = 0
    left_out: tuple[NeedsWords, ...] = ()
    """Entries left out because their words need to be made easy."""
    not_shown: int = 0
    """Entries that passed but did not fit in the page budget (counted in the document)."""

    def save(self, target: Path, *, force: bool = False) -> Path:
        return save_atomically(self.document, target, force=force)


# --- what is printed -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    """A row as it will be printed: every paragraph has passed the gate."""

    picture: PictureChoice
    lead: str
    paras: tuple[str, ...]
    decorative: bool
    where: str


@dataclass(slots=True)
class _Checked:
    """One entry after the gate: its printable rows, or why it cannot be printed."""

    entry: Entry
    section: int
    position: int
    rows: tuple[_Row, ...] = ()
    needs: list[NeedsWords] = field(default_factory=list)

    @property
    def printable(self) -> bool:
        return not self.needs and bool(self.rows)


class _Gate:
    """Checks words against the easy-read rules, once per distinct text."""

    def __init__(self, glossary: Sequence[GlossaryTerm]) -> None:
        self._glossary = tuple(glossary)
        self._seen: dict[str, tuple[CheckFinding, ...]] = {}
        self.warnings: list[str] = []

    def problems(self, text: str) -> tuple[CheckFinding, ...]:
        if text not in self._seen:
            self._seen[text] = tuple(easy_read_problems(text, self._glossary))
        return self._seen[text]

    def row(self, row: Row, where: str) -> tuple[_Row | None, list[NeedsWords]]:
        """The printable row, or the records whose words need to be made easy."""
        paras: list[str] = []
        needs: list[NeedsWords] = []
        for words in row.words:
            text = _tidy(words.text)
            if not text:
                continue
            problems = self.problems(text)
            if not problems:
                paras.append(text)
            elif words.fallback and not self.problems(_tidy(words.fallback)):
                paras.append(_tidy(words.fallback))
            elif words.optional:
                continue
            elif words.origin is not None:
                needs.append(NeedsWords(where, words.origin, text, problems))
            else:
                # Coproduce's own wording always passes (tests prove it for every template);
                # should one ever fail, it is left out and said, never printed.
                self.warnings.append(f'A sentence was left out of "{where}": {text}')
        lead = _tidy(row.lead)
        if lead and self.problems(lead):
            self.warnings.append(f'A heading was left out of a row in "{where}": {lead}')
            lead = ""
        if needs:
            return None, needs
        if not paras and not lead:
            return None, []
        return _Row(row.picture, lead, tuple(paras), row.decorative, where), []


def _tidy(text: str) -> str:
    """Clean text with one paragraph a line and no empty lines."""
    lines = (line.strip() for line in clean_text(text).split("\n"))
    return "\n".join(line for line in lines if line)


# --- the builder ---------------------------------------------------------------------------


def build_easy_read(
    content: EasyReadDocument,
    picture_png: PicturePng,
    settings: EasyReadSettings | None = None,
) -> Built:
    """The easy-read document ``content`` describes, within its page budget."""
    return _Builder(content, settings or EasyReadSettings()).build(picture_png)


class _Builder:
    def __init__(self, content: EasyReadDocument, settings: EasyReadSettings) -> None:
        self.content = content
        self.settings = settings
        self.type = settings.type_settings()
        self.terms = tuple(word.term for word in content.glossary)
        self.term_pictures = {term_key(w.term.term): w.picture for w in content.glossary}
        self.gate = _Gate(self.terms)
        self.words_pt = (WORDS_COLUMN_CM - CELL_MARGINS_CM) * CM
        self.page_pt = (21.0 - 2 * MARGIN_CM) * CM
        self._terms_in: dict[str, tuple[GlossaryTerm, ...]] = {}
        self._fixed_needs: list[NeedsWords] = []

    # --- choosing what goes in -------------------------------------------------------

    def build(self, picture_png: PicturePng) -> Built:
        content = self.content
        fixed: list[tuple[list[_Row], list[_Row]]] = []
        checked: list[_Checked] = []
        for index, section in enumerate(content.sections):
            before = [r for r in (self._fixed(row, section) for row in section.rows) if r]
            after = [r for r in (self._fixed(row, section) for row in section.after) if r]
            fixed.append((before, after))
            for position, entry in enumerate(section.entries):
                item = _Checked(entry, index, position)
                rows: list[_Row] = []
                for row in entry.rows:
                    printed, needs = self.gate.row(row, section.heading)
                    item.needs.extend(needs)
                    if printed is not None:
                        rows.append(printed)
                item.rows = tuple(rows)
                checked.append(item)

        self.cover_lines = self._cover_lines()
        chosen, listed = self._select(fixed, checked)
        # One record can stand in two places (a rebuild of the same entry): listed once.
        left_out = list({(n.origin.kind, n.origin.record_id, n.text): n for n in listed}.values())
        blocks, rows = self._plan(fixed, checked, chosen)
        pages = self._count(blocks)
        document = self._write(blocks, picture_png)
        not_shown = sum(1 for item in checked if item.printable and id(item) not in chosen)
        warnings = [*self.gate.warnings, *contact_warnings(content.contact)]
        if pages > content.budget:
            warnings.append(
                f"This document is about {pages} pages long, over its {content.budget} pages "
                "even with only the parts that are always printed. Choose a smaller text size."
            )
        findings = [
            Finding(where=where, text=text, finding=finding)
            for where, text in rows
            for finding in check(text, self.terms)
        ]
        return Built(
            document=document,
            warnings=tuple(warnings),
            findings=tuple(findings),
            estimated_pages=pages,
            budget=content.budget,
            left_out=tuple(left_out),
            not_shown=not_shown,
        )

    def _cover_lines(self) -> tuple[str, ...]:
        """The cover's lines under the title that pass the gate, or their fallback (a group's
        name with an acronym nobody explains becomes what the group is); a line with neither
        is left off, and the facilitator told."""
        lines = []
        for line in self.content.cover.lines:
            text = _tidy(line.text)
            fallback = _tidy(line.fallback)
            problems = self.gate.problems(text)
            if not problems:
                if text:
                    lines.append(text)
            elif fallback and not self.gate.problems(fallback):
                lines.append(fallback)
            else:
                reasons = " ".join(dict.fromkeys(p.message for p in problems))
                self.gate.warnings.append(f'"{text}" was left off the cover: {reasons}')
        return tuple(lines)

    def _fixed(self, row: Row, section: Section) -> _Row | None:
        printed, needs = self.gate.row(row, section.heading)
        # A fixed row with a record's words (the session's own easy words) that do not pass
        # is left out and listed like any entry.
        self._fixed_needs.extend(needs)
        return printed

    def _select(
        self, fixed: list[tuple[list[_Row], list[_Row]]], checked: list[_Checked]
    ) -> tuple[set[int], list[NeedsWords]]:
        """The entries that go in (by ``id``) and the records that need easy words.

        Entries of ``keep_all`` sections always go in. The facilitator's choice goes in whole
        when it fits; otherwise, and when nothing was chosen, entries are taken in order of
        importance (rank, then one per topic, then newest first) while the document fits."""
        sections = self.content.sections
        chosen: set[int] = {
            id(item) for item in checked if sections[item.section].keep_all and item.printable
        }
        pool = [item for item in checked if not sections[item.section].keep_all]
        if self.content.chosen_by_facilitator:
            pool = [item for item in pool if item.entry.chosen]
        left_out: list[NeedsWords] = list(self._fixed_needs)
        left_out.extend(
            need
            for item in checked
            if sections[item.section].keep_all or item.entry.chosen
            for need in item.needs
        )
        budget = self.content.budget

        def fits(candidate: set[int]) -> bool:
            return self._count(self._plan(fixed, checked, candidate)[0]) <= budget

        whole = chosen | {id(item) for item in pool if item.printable}
        if self.content.chosen_by_facilitator and fits(whole):
            return whole, left_out
        misses = 0
        listed = {id(item) for item in checked if item.entry.chosen}
        for item in _by_importance(pool):
            if not item.printable:
                if id(item) not in listed and misses < GIVE_UP_AFTER:
                    left_out.extend(item.needs)  # it would have gone in: say so
                continue
            if misses >= GIVE_UP_AFTER:
                break
            trial = chosen | {id(item)}
            if fits(trial):
                chosen = trial
                misses = 0
            else:
                misses += 1
        return chosen, left_out

    # --- laying out ------------------------------------------------------------------

    def _plan(
        self,
        fixed: list[tuple[list[_Row], list[_Row]]],
        checked: list[_Checked],
        chosen: set[int],
    ) -> tuple[list[_Block], list[tuple[str, str]]]:
        """The document block by block, with each hard word explained at first use."""
        content = self.content
        explained: set[str] = set()
        blocks: list[_Block] = []
        printed_text: list[tuple[str, str]] = []

        cover = content.cover
        cover_text = "\n".join((cover.title, *self.cover_lines, cover.note))
        cover_terms = self._new_terms(cover_text, explained)
        blocks.append(_Block("cover", text=cover.title, explain=cover_terms))
        printed_text.append(("Cover", cover_text))

        by_section: dict[int, list[_Checked]] = {}
        for item in checked:
            if id(item) in chosen:
                by_section.setdefault(item.section, []).append(item)

        first = True
        for index, section in enumerate(content.sections):
            before, after = fixed[index]
            items = sorted(by_section.get(index, []), key=lambda item: item.position)
            rows = [*before, *(row for item in items for row in item.rows)]
            # What someone said stays on the page of what we did about it.
            kept_with_next = {id(row) for item in items for row in item.rows[:-1]}
            counted = self._counted(section, checked, chosen)
            if not rows and counted is None:
                continue
            pending = self._new_terms(section.heading, explained)
            blocks.append(
                _Block("heading", text=section.heading, level=section.level, new_page=first)
            )
            first = False
            all_rows = [*rows, *([counted] if counted else []), *after]
            for number, row in enumerate(all_rows, start=1):
                body = "\n".join((row.lead, *row.paras))
                terms = [*pending, *self._new_terms(body, explained)]
                pending = []
                blocks.append(
                    _Block(
                        "row",
                        row=row,
                        explain=tuple(terms),
                        keep_with_next=id(row) in kept_with_next,
                    )
                )
                printed_text.append((f"{section.heading}, row {number}", body))

        hard = self._hard_words(blocks)
        if hard:
            blocks.append(_Block("heading", text=HARD_WORDS, new_page=True))
            blocks.append(_Block("text", text=HARD_WORDS_INTRO))
            for term in hard:
                name = term.term.strip()
                picture = self.term_pictures.get(term_key(term.term), content.hard_words_picture)
                meaning = term.explanation.strip() or f"It means {term.plain.strip()}."
                row = _Row(picture, name[:1].upper() + name[1:], (meaning,), False, HARD_WORDS)
                blocks.append(_Block("row", row=row))
        blocks.append(_Block("heading", text=CONTACT_US, new_page=True))
        for row in self._contact_rows():
            blocks.append(_Block("row", row=row))
            printed_text.append((CONTACT_US, "\n".join((row.lead, *row.paras))))
        return blocks, printed_text

    def _counted(self, section: Section, checked: list[_Checked], chosen: set[int]) -> _Row | None:
        """The row counting this section's entries that are not printed, or None."""
        counted = section.counted
        if counted is None:
            return None
        index = self.content.sections.index(section)
        rest = [item for item in checked if item.section == index and id(item) not in chosen]
        count = len(rest) + section.unlisted
        if not count:
            return None
        sentence = (counted.one if count == 1 else counted.many).format(n=count)
        answered = section.unlisted > 0 or any(item.entry.answered for item in rest)
        then = counted.then if answered or not counted.waiting else counted.waiting
        paras = tuple(text for text in (sentence, then) if text)
        return _Row(counted.picture, "", paras, False, section.heading)

    def _new_terms(self, text: str, explained: set[str]) -> tuple[GlossaryTerm, ...]:
        """Glossary terms ``text`` uses that have not been explained yet (now marked)."""
        if text not in self._terms_in:
            seen: dict[str, GlossaryTerm] = {}
            for found in match_terms(text, self.terms):
                seen.setdefault(term_key(found.term.term), found.term)
            self._terms_in[text] = tuple(seen.values())
        new = []
        for term in self._terms_in[text]:
            key = term_key(term.term)
            if key not in explained:
                explained.add(key)
                new.append(term)
        return tuple(new)

    def _hard_words(self, blocks: Iterable[_Block]) -> list[GlossaryTerm]:
        """Every glossary term the document uses, in the order they are first explained."""
        return [term for block in blocks for term in block.explain]

    def _contact_rows(self) -> list[_Row]:
        contact = self.content.contact
        lines = [
            line
            for line in (
                f"Ask for {contact.name.strip()}." if contact.name.strip() else "",
                contact.organisation.strip(),
                f"Phone: {contact.phone.strip()}" if contact.phone.strip() else "",
                f"Email: {contact.email.strip()}" if contact.email.strip() else "",
                f"Write to: {contact.address.strip()}" if contact.address.strip() else "",
                contact.other.strip(),
            )
            if line
        ]
        rows: list[_Row] = []
        # Contact details are names, numbers and addresses, not sentences: they are printed
        # as typed, one a line (the gate would call a long address a long sentence).
        lead = "You can contact us:" if lines else ""
        paras = tuple(_tidy("\n".join(lines)).split("\n")) if lines else (NO_CONTACT,)
        rows.append(_Row(self.content.contact_picture, lead, paras, False, CONTACT_US))
        rows.append(
            _Row(
                self.content.format_picture,
                ANOTHER_FORMAT_LEAD,
                ANOTHER_FORMAT,
                False,
                CONTACT_US,
            )
        )
        return rows

    def _count(self, blocks: Sequence[_Block]) -> int:
        layout = Layout(font=self.settings.font)
        for block in blocks:
            for laid in self._layout_blocks(block):
                layout.add(laid)
        return layout.finish()

    def _layout_blocks(self, block: _Block) -> list[Block]:
        size = self.type.size
        if block.kind == "cover":
            # The cover is one page; what it holds is sized to fit (checked in the tests).
            return [Block(paras=(Para("cover", size, space_after=0),), width_pt=self.page_pt)]
        if block.kind == "heading":
            heading_size = self.type.heading_1 if block.level == 1 else self.type.heading_2
            para = Para(
                block.text,
                heading_size,
                bold=True,
                space_before=heading_size * 0.75,
                space_after=heading_size * 0.4,
            )
            return [
                Block(
                    paras=(para,),
                    width_pt=self.page_pt,
                    keep_with_next=True,
                    page_break_before=block.new_page,
                )
            ]
        if block.kind == "text":
            return [Block(paras=(Para(block.text, size),), width_pt=self.page_pt)]
        row = block.row
        assert row is not None
        paras: list[Para] = []
        if row.lead:
            paras.append(Para(row.lead, size, bold=True))
        paras.extend(Para(text, size) for text in row.paras)
        for term in block.explain:
            paras.append(Para(_term_name(term), size, bold=True))
            paras.append(Para(_explanation(term), size))
        if paras:
            last = paras[-1]
            paras[-1] = Para(last.text, last.size, last.bold, space_after=ROW_SPACE_AFTER)
        picture_pt = PICTURE_CM * CM + PICTURE_SPACE_AFTER
        return [
            Block(
                paras=tuple(paras),
                picture_pt=picture_pt,
                width_pt=self.words_pt,
                keep_with_next=block.keep_with_next,
            )
        ]

    # --- writing ---------------------------------------------------------------------

    def _write(self, blocks: Sequence[_Block], picture_png: PicturePng) -> Document:
        content = self.content
        document = new_document(
            f"{content.title}: {content.subject}" if content.subject else content.title,
            self.type,
            margins_cm=MARGIN_CM,
        )
        properties = document.core_properties
        properties.subject = clean_text(content.subject)
        properties.comments = clean_text(content.credits)
        pictures: dict[PictureChoice, bytes] = {}

        def png(choice: PictureChoice) -> bytes:
            if choice not in pictures:
                pictures[choice] = picture_png(choice)
            return pictures[choice]

        table: Any = None
        widths = (Cm(PICTURE_COLUMN_CM), Cm(WORDS_COLUMN_CM))
        for block in blocks:
            if block.kind == "cover":
                self._write_cover(document, block, png)
                table = None
            elif block.kind == "heading":
                para = paragraph(document, block.text, style=f"Heading {block.level}")
                if block.new_page:
                    para.paragraph_format.page_break_before = True
                table = None
            elif block.kind == "text":
                paragraph(document, block.text)
                table = None
            else:
                row = block.row
                assert row is not None
                if table is None:
                    table = new_table(document, widths, borders=False)
                self._write_row(table, widths, row, block.explain, png, block.keep_with_next)
        return document

    def _write_cover(self, document: Document, block: _Block, png: Any) -> None:
        cover = self.content.cover
        paragraph(document, cover.title, style="Title")
        for line in self.cover_lines:
            paragraph(document, line, bold=True)
        para = document.add_paragraph()
        para.paragraph_format.space_before = Pt(18)
        para.paragraph_format.space_after = Pt(18)
        para.paragraph_format.line_spacing = 1.0
        add_picture(para, png(cover.picture), Cm(COVER_PICTURE_CM), cover.picture.alt_text)
        paragraph(document, cover.note)
        for term in block.explain:
            paragraph(document, _term_name(term), bold=True, keep_with_next=True)
            paragraph(document, _explanation(term))

    def _write_row(
        self,
        table: Any,
        widths: tuple[Any, Any],
        row: _Row,
        explain: Sequence[GlossaryTerm],
        png: Any,
        keep_with_next: bool = False,
    ) -> None:
        picture_cell, words_cell = add_row(table, widths)
        picture_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        words_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        picture_para = picture_cell.paragraphs[0]
        picture_para.paragraph_format.line_spacing = 1.0
        picture_para.paragraph_format.space_after = Pt(PICTURE_SPACE_AFTER)
        add_picture(picture_para, png(row.picture), Cm(PICTURE_CM), row.picture.alt_text)
        if row.decorative:
            mark_decorative(picture_para)
        if row.lead:
            paragraph_in(words_cell, row.lead, bold=True)
        for text in row.paras:
            paragraph_in(words_cell, text)
        for term in explain:
            paragraph_in(words_cell, _term_name(term), bold=True)
            paragraph_in(words_cell, _explanation(term))
        words_cell.paragraphs[-1].paragraph_format.space_after = Pt(ROW_SPACE_AFTER)
        if keep_with_next:
            # Word keeps a table row with the next when its paragraphs keep with next.
            for cell in (picture_cell, words_cell):
                for para in cell.paragraphs:
                    para.paragraph_format.keep_with_next = True


@dataclass(frozen=True, slots=True)
class _Block:
    """One block of the planned document: the cover, a heading, a paragraph or a row."""

    kind: str
    text: str = ""
    level: int = 1
    new_page: bool = False
    row: _Row | None = None
    explain: tuple[GlossaryTerm, ...] = ()
    """Glossary terms first used here: explained under it."""
    keep_with_next: bool = False
    """A row kept on the page of the row after it (what was said, with what we did)."""


def _term_name(term: GlossaryTerm) -> str:
    name = term.term.strip()
    return name[:1].upper() + name[1:]


def _explanation(term: GlossaryTerm) -> str:
    return term.explanation.strip() or f"It means {term.plain.strip()}."


def _by_importance(items: Sequence[_Checked]) -> list[_Checked]:
    """Most important first: rank; within the last rank, the newest entry of each topic
    before the rest; newest first throughout."""

    def newest_first(item: _Checked) -> float:
        when = item.entry.when
        return -when.timestamp() if when is not None else math.inf

    ordered = sorted(items, key=lambda item: (item.entry.rank, newest_first(item)))
    if not ordered:
        return ordered
    last_rank = ordered[-1].entry.rank
    head = [item for item in ordered if item.entry.rank != last_rank]
    tail = [item for item in ordered if item.entry.rank == last_rank]
    seen: set[int | None] = set()
    first_of_topic: list[_Checked] = []
    rest: list[_Checked] = []
    for item in tail:
        topic = item.entry.topic
        if topic is not None and topic not in seen:
            seen.add(topic)
            first_of_topic.append(item)
        else:
            rest.append(item)
    return head + first_of_topic + rest


def mark_decorative(para: Any) -> None:
    """Mark the picture in ``para`` as decorative: screen readers skip it (Word's "Mark as
    decorative", kept by LibreOffice as an artifact in tagged PDF)."""
    for doc_pr in para._p.iter(qn("wp:docPr")):
        doc_pr.set("descr", "")
        doc_pr.set("title", "")
        ext_list = OxmlElement("a:extLst")
        ext = OxmlElement("a:ext")
        ext.set("uri", DECORATIVE_URI)
        flag = etree.SubElement(
            ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS}
        )
        flag.set("val", "1")
        ext_list.append(ext)
        doc_pr.append(ext_list)


DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def contact_warnings(contact: Contact) -> list[str]:
    """What the "Contact us" page lacks: a named person, and a phone number or email."""
    warnings = []
    if not contact.name.strip():
        warnings.append(
            "Contact us has no name of a person to ask for. Add one with "
            "Export > Contact details for documents."
        )
    if not contact.phone.strip() and not contact.email.strip():
        warnings.append(
            "Contact us has no phone number or email. Add one with "
            "Export > Contact details for documents."
        )
    return warnings


__all__ = [
    "Built",
    "Counted",
    "Finding",
    "HardWord",
    "NeedsWords",
    "Words",
    "build_easy_read",
    "contact_warnings",
    "mark_decorative",
]
