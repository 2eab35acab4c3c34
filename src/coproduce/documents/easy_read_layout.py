"""How many A4 pages an easy-read document takes, worked out before it is written.

DESIGN.md section 5 gives every easy-read document a page budget (12 pages for a summary or a
pack, 20 for a report). The builders keep it by choosing what goes in, so they must know how
much room each row takes at the facilitator's font and size *before* Word or LibreOffice lays
the page out. This module lays the document out the way they do, closely enough to choose:

- text is wrapped word by word into the column it sits in, with the real advance widths of
  Arial (Liberation Sans, its metric twin, has the same widths) and of Verdana (DejaVu Sans,
  which LibreOffice substitutes for it, is a little wider, so it errs on the long side);
- a line is the font's height times the line spacing; paragraphs add their space after;
- a table row never splits across pages (``cantSplit``), so a row that does not fit on what
  is left of a page starts the next one; a heading is kept with what follows it;
- page breaks start new pages.

It errs on the long side everywhere (a little extra height per row and per page), so a
document it says fits in 12 pages is never 13 when rendered: ``tests/documents/
test_page_budget.py`` renders the largest example documents with LibreOffice to prove it, and
bench/README.md records how close the estimate is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

# Advance widths (thousandths of an em) of the printable ASCII characters 32-126, measured with
# Qt from Liberation Sans (Arial's metric twin) and DejaVu Sans (LibreOffice's stand-in for
# Verdana). Other characters use the widest lower-case width, to err on the long side.
_ARIAL = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
_ARIAL_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 "
    "611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 "
    "611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 "
    "556 556 500 389 280 389 584"
)
_DEJAVU = (
    "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 "
    "636 636 636 636 337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 "
    "557 863 748 787 603 787 695 635 611 732 684 989 685 611 685 390 337 390 838 500 500 613 "
    "635 550 635 615 352 635 634 278 278 579 278 974 634 612 635 635 411 521 392 634 592 818 "
    "592 592 525 636 337 636 838"
)


@dataclass(frozen=True, slots=True)
class FontMetrics:
    regular: tuple[int, ...]
    bold: tuple[int, ...]
    scale: float
    """Extra width for bold or a font we only approximate (Century Gothic is wide)."""
    line_height: float
    """One line at single spacing, in ems (ascent, descent and line gap)."""

    def width(self, text: str, size: float, *, bold: bool = False) -> float:
        """The width of ``text`` in points at ``size`` points."""
        table = self.bold if bold else self.regular
        fallback = max(table[65:91])  # an upper-case width: wide, so on the long side
        total = 0
        for char in text:
            code = ord(char)
            total += table[code - 32] if 32 <= code < 127 else fallback
        return total * self.scale * size / 1000


def _table(widths: str) -> tuple[int, ...]:
    return tuple(int(width) for width in widths.split())


_DEJAVU_TABLE = _table(_DEJAVU)
METRICS = {
    "Arial": FontMetrics(_table(_ARIAL), _table(_ARIAL_BOLD), 1.0, 1.15),
    # DejaVu Sans has no bold table here: bold Verdana is about 10 % wider than regular.
    "Verdana": FontMetrics(_DEJAVU_TABLE, tuple(round(w * 1.1) for w in _DEJAVU_TABLE), 1.0, 1.22),
    "Century Gothic": FontMetrics(
        _DEJAVU_TABLE, tuple(round(w * 1.1) for w in _DEJAVU_TABLE), 1.05, 1.22
    ),
}


def metrics(font: str) -> FontMetrics:
    return METRICS.get(font, METRICS["Verdana"])


@lru_cache(maxsize=65536)
def line_count(text: str, width_pt: float, size: float, font: str, bold: bool = False) -> int:
    """How many lines ``text`` wraps to in a column ``width_pt`` wide (at least 1): words are
    moved to the next line whole, as Word does; a word wider than the column is broken."""
    font_metrics = metrics(font)
    space = font_metrics.width(" ", size, bold=bold)
    total = 0
    for line in text.split("\n"):
        lines, used = 1, 0.0
        for word in line.split():
            width = font_metrics.width(word, size, bold=bold)
            if used and used + space + width > width_pt:
                lines += 1
                used = 0.0
            if width > width_pt:  # longer than a line: broken wherever it reaches the edge
                extra = math.ceil(width / width_pt) - 1
                lines += extra
                used = width - extra * width_pt
            else:
                used = used + space + width if used else width
        total += lines
    return total


# --- the page ----------------------------------------------------------------------------

CM = 72 / 2.54
"""Points in a centimetre."""


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """An A4 page of an easy-read document (``docx_base.new_document``)."""

    height_cm: float = 29.7
    width_cm: float = 21.0
    margin_cm: float = 2.0
    safety_pt: float = 10.0
    """Room kept free at the foot of every page, so small differences between our layout and
    Word's or LibreOffice's never push a row onto a new page that we did not count."""

    @property
    def usable_pt(self) -> float:
        return (self.height_cm - 2 * self.margin_cm) * CM - self.safety_pt


# --- what is laid out --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph: its text, size and the space after it."""

    text: str
    size: float
    bold: bool = False
    line_spacing: float = 1.5
    space_before: float = 0.0
    space_after: float = 6.0


@dataclass(frozen=True, slots=True)
class Block:
    """Something laid out on a page: a paragraph outside a table, or a table row (a picture
    cell and a words cell side by side, never split). ``keep_with_next`` keeps it on the
    page of the block after it (headings)."""

    paras: tuple[Para, ...] = ()
    picture_pt: float = 0.0
    """The height of the picture cell's content (0: not a table row)."""
    width_pt: float = 0.0
    """The width the paragraphs wrap in."""
    keep_with_next: bool = False
    page_break_before: bool = False
    slack_pt: float = 2.0
    """A little extra per block: table rows and cells add a point here and there."""


@dataclass(slots=True)
class Layout:
    """Lays blocks out page by page: ``add`` them in document order, read ``pages``."""

    font: str
    geometry: PageGeometry = field(default_factory=PageGeometry)
    pages: int = 1
    used_pt: float = 0.0
    _held: list[Block] = field(default_factory=list)

    def height(self, block: Block) -> float:
        words = 0.0
        for index, para in enumerate(block.paras):
            lines = line_count(para.text, block.width_pt, para.size, self.font, para.bold)
            line_pt = para.size * metrics(self.font).line_height * para.line_spacing
            before = para.space_before if (index or not block.picture_pt) else 0.0
            words += before + lines * line_pt + para.space_after
        return max(words, block.picture_pt) + block.slack_pt

    def add(self, block: Block) -> None:
        if block.page_break_before:
            self._place(self._take_held())
            self.new_page()
        self._held.append(block)
        if not block.keep_with_next:
            self._place(self._take_held())

    def _take_held(self) -> list[Block]:
        held, self._held = self._held, []
        return held

    def _place(self, group: list[Block]) -> None:
        """Place blocks kept together: on this page if they all fit, else from the next."""
        if not group:
            return
        heights = [self.height(block) for block in group]
        room = self.geometry.usable_pt
        if self.used_pt and self.used_pt + sum(heights) > room:
            self.new_page()
        for height in heights:
            if self.used_pt and self.used_pt + height > room:
                self.new_page()  # a group taller than a page is split between its blocks
            if height > room:  # taller than a page on its own: it runs onto the next pages
                self.pages += math.ceil(height / room) - 1
                height = height % room
            self.used_pt += height

    def new_page(self) -> None:
        if self.used_pt:
            self.pages += 1
            self.used_pt = 0.0

    def add_all(self, blocks: Iterable[Block]) -> Layout:
        for block in blocks:
            self.add(block)
        return self

    def finish(self) -> int:
        """The page count, with any blocks still held (a heading at the very end) placed."""
        self._place(self._take_held())
        return self.pages


def count_pages(blocks: Sequence[Block], font: str, geometry: PageGeometry | None = None) -> int:
    """The pages ``blocks`` take, one after another."""
    layout = Layout(font=font, geometry=geometry or PageGeometry())
    layout.add_all(blocks)
    return layout.finish()
