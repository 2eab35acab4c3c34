"""What every Word document Coproduce writes shares: page, type, properties, safe text and a
safe save.

- A4 with page numbers in the footer, the title and language (en-GB) in the document
  properties and on every style, no automatic hyphenation.
- One font everywhere: the Normal style carries it for every script (ascii, hAnsi, eastAsia,
  cs), and the heading styles lose the template's theme fonts, colours and italics, so no
  run can fall back to Calibri or Cambria.
- ``clean_text`` removes what XML 1.0 cannot hold (control characters, lone surrogates,
  U+FFFE, U+FFFF) and keeps everything else: right-to-left scripts, emoji, combining marks.
- ``save_atomically`` writes a temporary file beside the target and renames it into place, so a
  failed save leaves the old file whole; the file is readable by its owner only (documents
  name people). A file open in Word, or a folder that cannot be written, gives an
  ``ExportError`` whose message says what to do.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from coproduce.domain.calendar_words import day_in_words
from coproduce.domain.errors import ExportError
from coproduce.domain.records import PictureChoice

LANGUAGE = "en-GB"
A4_WIDTH = Cm(21.0)
A4_HEIGHT = Cm(29.7)
ALLOWED_FONTS = ("Arial", "Verdana", "Century Gothic")
MIN_SIZE, MAX_SIZE = 14, 24
HEADING_STYLES = ("Title", "Heading 1", "Heading 2")

PicturePng = Callable[[PictureChoice], bytes]
"""Gives the PNG bytes of a picture (the window's or the command line's renderer)."""

# XML 1.0 allows tab, newline, carriage return and everything from U+0020 except surrogates,
# U+FFFE and U+FFFF. lxml (under python-docx and openpyxl) raises on the rest, so they are
# removed before they reach it.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` without the characters an XML file (Word, Excel) cannot hold, and with every
    line break as ``\\n``; everything else is kept. The one rule for every file we write."""
    return _XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# --- dates and times in words ------------------------------------------------------------


def date_in_words(day: date) -> str:
    """``Tuesday 12 March 2026``: the weekday and month spelled out, the numbers as digits
    (the same in every locale, so a computer set to another language prints English)."""
    return day_in_words(day)


def time_in_words(moment: time) -> str:
    """``10am``, ``2:30pm``, ``12 noon``: the way easy-read documents write times."""
    if moment.hour == 12 and moment.minute == 0:
        return "12 noon"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{suffix}"


def when_in_words(starts_at: datetime, ends_at: datetime | None = None) -> str:
    """``Tuesday 12 March 2026, 10am to 12 noon``."""
    text = f"{date_in_words(starts_at.date())}, {time_in_words(starts_at.time())}"
    if ends_at is not None and ends_at.date() == starts_at.date() and ends_at > starts_at:
        text += f" to {time_in_words(ends_at.time())}"
    return text


# --- type settings -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TypeSettings:
    """The type of one document: font, body size and line spacing."""

    font: str = "Arial"
    size: int = 16
    line_spacing: float = 1.5
    heading_1: int = 24
    heading_2: int = 20
    title: int = 32


@dataclass(frozen=True, slots=True)
class EasyReadSettings:
    """The facilitator's choice of type for easy-read documents (DESIGN.md section 5)."""

    font: str = "Arial"
    size: int = 16

    def __post_init__(self) -> None:
        if self.font not in ALLOWED_FONTS:
            raise ExportError(
                f"Easy-read documents use {', '.join(ALLOWED_FONTS)}; {self.font!r} is not one "
                "of them. Choose one of those fonts."
            )
        if not MIN_SIZE <= self.size <= MAX_SIZE:
            raise ExportError(
                f"Easy-read text must be {MIN_SIZE} to {MAX_SIZE} point; {self.size} is "
                "outside that. Choose a size in that range."
            )

    def type_settings(self) -> TypeSettings:
        return TypeSettings(
            font=self.font,
            size=self.size,
            line_spacing=1.5,
            heading_1=self.size + 8,
            heading_2=self.size + 4,
            title=self.size + 16,
        )


# --- the document ------------------------------------------------------------------------


def new_document(title: str, settings: TypeSettings, *, margins_cm: float = 2.0) -> Document:
    """An empty A4 document with our styles, properties, footer page numbers and no
    hyphenation."""
    document = docx.Document()
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(margins_cm))
        section.footer_distance = Cm(1.0)
        _page_number_footer(section.footer.paragraphs[0], settings)
    _set_styles(document, settings)
    properties = document.core_properties
    properties.title = clean_text(title)
    properties.language = LANGUAGE
    properties.author = "Coproduce"
    properties.comments = ""
    properties.keywords = ""
    properties.subject = ""
    _no_hyphenation(document)
    return document


def _rfonts(rpr: Any, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]  # theme fonts (asciiTheme...) would win over the named font
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _lang(rpr: Any) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)


def _drop(rpr: Any, *tags: str) -> None:
    for tag in tags:
        for element in rpr.findall(qn(tag)):
            rpr.remove(element)


def _set_styles(document: Document, settings: TypeSettings) -> None:
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _rfonts(rpr_default, settings.font)
    _lang(rpr_default)

    normal = document.styles["Normal"]
    normal.font.name = settings.font
    normal.font.size = Pt(settings.size)
    _complex_script_size(normal.element.get_or_add_rPr(), settings.size)
    normal.font.italic = False
    normal.font.underline = False
    _rfonts(normal.element.get_or_add_rPr(), settings.font)
    _lang(normal.element.get_or_add_rPr())
    paragraph = normal.paragraph_format
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph.line_spacing = settings.line_spacing
    paragraph.space_after = Pt(6)
    paragraph.space_before = Pt(0)
    paragraph.widow_control = True
    _suppress_hyphens(normal.element.get_or_add_pPr())

    sizes = {
        "Title": settings.title,
        "Heading 1": settings.heading_1,
        "Heading 2": settings.heading_2,
    }
    for name, size in sizes.items():
        style = document.styles[name]
        rpr = style.element.get_or_add_rPr()
        _drop(rpr, "w:color", "w:i", "w:iCs", "w:u", "w:caps", "w:smallCaps", "w:spacing")
        _rfonts(rpr, settings.font)
        _lang(rpr)
        style.font.size = Pt(size)
        style.font.bold = True
        _complex_script_size(rpr, size, bold=True)
        style.font.italic = False
        style.font.underline = False
        fmt = style.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        fmt.line_spacing = settings.line_spacing if name != "Title" else 1.2
        fmt.space_before = Pt(size * 0.75) if name != "Title" else Pt(0)
        fmt.space_after = Pt(size * 0.4)
        fmt.keep_with_next = True
        ppr = style.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):  # the template's Title has a rule under it
            ppr.remove(border)
        _suppress_hyphens(ppr)

    # Every other style the template defines inherits Normal's font through basedOn or the
    # defaults; the few with their own theme fonts or italics are never used by us, but a
    # reader may still apply them, so their italics and theme fonts go too.
    for style in document.styles.element.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if rpr is None:
            continue
        _drop(rpr, "w:i", "w:iCs", "w:u")
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            _rfonts(rpr, settings.font)


def _complex_script_size(rpr: Any, size: int, *, bold: bool = False) -> None:
    """Arabic, Hebrew and other complex scripts take their size (``szCs``) and bold (``bCs``)
    from their own properties; without these they would print at the template's 11 pt."""
    _drop(rpr, "w:szCs", "w:bCs")
    size_element = rpr.find(qn("w:sz"))
    complex_size = OxmlElement("w:szCs")
    complex_size.set(qn("w:val"), str(size * 2))
    size_element.addnext(complex_size)
    if bold:
        bold_element = rpr.find(qn("w:b"))
        complex_bold = OxmlElement("w:bCs")
        bold_element.addnext(complex_bold)


def _suppress_hyphens(ppr: Any) -> None:
    if ppr.find(qn("w:suppressAutoHyphens")) is None:
        element = OxmlElement("w:suppressAutoHyphens")
        ppr.append(element)
        # pPr children have a schema order; Word tolerates suppressAutoHyphens late, but keep
        # it before spacing/ind/jc so strict readers are happy too.
        for later in ("w:spacing", "w:ind", "w:jc", "w:outlineLvl"):
            found = ppr.find(qn(later))
            if found is not None:
                found.addprevious(element)
                break


def _no_hyphenation(document: Document) -> None:
    settings = document.settings.element
    for old in settings.findall(qn("w:autoHyphenation")):
        settings.remove(old)
    element = OxmlElement("w:autoHyphenation")
    element.set(qn("w:val"), "false")
    # After zoom and the proofing elements, before the compatibility settings.
    anchor = settings.find(qn("w:defaultTabStop"))
    if anchor is not None:
        anchor.addnext(element)
    else:
        settings.insert(0, element)
    for old in settings.findall(qn("w:themeFontLang")):
        settings.remove(old)


def _page_number_footer(paragraph: Paragraph, settings: TypeSettings) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.line_spacing = settings.line_spacing
    paragraph.add_run("Page ")
    add_field(paragraph, "PAGE", "1")


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (``PAGE``) as begin/instruction/separate/result/end runs, which Word and
    LibreOffice both update when they lay the page out."""

    def field_char(kind: str) -> None:
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    field_char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    field_char("separate")
    paragraph.add_run(placeholder)
    field_char("end")


# --- writing text ------------------------------------------------------------------------


def paragraph(
    container: Any,
    text: str = "",
    *,
    style: str | None = None,
    bold: bool = False,
    keep_with_next: bool = False,
) -> Paragraph:
    """A paragraph of clean text; line breaks in ``text`` stay line breaks."""
    para = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        add_text(para, text, bold=bold)
    if keep_with_next:
        para.paragraph_format.keep_with_next = True
    return para


def add_text(para: Paragraph, text: str, *, bold: bool = False) -> None:
    """Runs of ``text`` (bold if asked); right-to-left runs are marked so Word lays them out
    the right way round."""
    run = para.add_run(clean_text(text))
    if bold:
        run.bold = True
    if _right_to_left(text):
        rtl = OxmlElement("w:rtl")
        run._r.get_or_add_rPr().append(rtl)


def _right_to_left(text: str) -> bool:
    """Whether ``text`` is written right to left only (Arabic, Hebrew...). Mixed text is left
    as it is: Word's bidirectional layout orders each part the right way within the run."""
    directions = {unicodedata.bidirectional(char) for char in text}
    return bool(directions & {"R", "AL"}) and "L" not in directions


def bullets_in_body_font(document: Document, font: str) -> None:
    """Make every bullet list of the document draw its bullet as "•" in ``font``.

    The template's bullets come from the Symbol font (a private-use character), which is not
    the document's font, is missing on many readers and is replaced by OpenSymbol in
    LibreOffice's PDFs. The list stays a real Word list (its style, indents and numbering),
    so a reader's screen reader announces it as a list."""
    numbering = document.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        number_format = level.find(qn("w:numFmt"))
        if number_format is None or number_format.get(qn("w:val")) != "bullet":
            continue
        text = level.find(qn("w:lvlText"))
        if text is not None:
            text.set(qn("w:val"), "\u2022")
        rpr = level.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            level.append(rpr)
        _rfonts(rpr, font)


def heading(document: Document, text: str, level: int = 1) -> Paragraph:
    return paragraph(document, text, style=f"Heading {level}")


def page_break(document: Document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def add_picture(para: Paragraph, png: bytes, width: Emu, alt_text: str) -> None:
    """A picture with its alt text (``descr``) and title, as screen readers read them."""
    run = para.add_run()
    shape = run.add_picture(io.BytesIO(png), width=width)
    alt = clean_text(alt_text).strip() or "Picture"
    shape._inline.docPr.set("descr", alt)
    shape._inline.docPr.set("title", alt)


# --- tables ------------------------------------------------------------------------------


def _table_borders(table: Table, value: str) -> None:
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        if value == "none":
            element.set(qn("w:val"), "nil")
        else:
            element.set(qn("w:val"), "single")
            element.set(qn("w:sz"), "6")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "808080")
        borders.append(element)
    # tblBorders goes after tblW/jc/tblInd and before tblLayout/tblCellMar/tblLook.
    anchor = None
    for later in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"):
        anchor = tbl_pr.find(qn(later))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tbl_pr.append(borders)


def new_table(
    container: Any, widths: Iterable[Emu], *, borders: bool, header: tuple[str, ...] = ()
) -> Table:
    """A fixed-width table. With ``header``, its first row repeats on every page; easy-read
    picture tables have none and no borders."""
    widths = list(widths)
    table = container.add_table(rows=0, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    style = table._tbl.tblPr.find(qn("w:tblStyle"))
    if style is not None:
        table._tbl.tblPr.remove(style)
    _table_borders(table, "single" if borders else "none")
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    if header:
        cells = add_row(table, widths)
        for cell, text in zip(cells, header, strict=True):
            paragraph_in(cell, text, bold=True)
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        tr_pr.append(repeat)
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    look.set(qn("w:firstRow"), "1" if header else "0")
    look.set(qn("w:val"), "0420" if header else "0400")
    for attribute in ("w:lastRow", "w:firstColumn", "w:lastColumn", "w:noHBand", "w:noVBand"):
        look.set(qn(attribute), "0" if "no" not in attribute else "1")
    return table


def add_row(table: Table, widths: Iterable[Emu]) -> list[_Cell]:
    """A row that never splits across pages, its cells at the column widths."""
    row = table.add_row()
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    cells = list(row.cells)
    for cell, width in zip(cells, widths, strict=True):
        cell.width = width
    return cells


def paragraph_in(cell: _Cell, text: str, *, bold: bool = False) -> Paragraph:
    """Text in a table cell: the cell's first (empty) paragraph, then new ones."""
    first = cell.paragraphs[-1]
    para = first if not first.runs and len(cell.paragraphs) == 1 else cell.add_paragraph()
    if text:
        add_text(para, text, bold=bold)
    return para


# --- saving ------------------------------------------------------------------------------


def word_lock_files(path: Path) -> list[Path]:
    """The lock files Word (``~$name``) and LibreOffice (``.~lock.name#``) leave beside a
    document they have open."""
    name = path.name
    candidates = {f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"}
    return [path.with_name(candidate) for candidate in sorted(candidates)]


def save_atomically(document: Document, target: Path, *, force: bool = False) -> Path:
    """Write ``document`` to ``target``: a temporary file beside it, renamed into place, so a
    failure leaves any old file whole. Raises ``ExportError`` with what to do."""
    target = Path(target).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if target.suffix.lower() != ".docx":
        raise ExportError(
            f"{target.name} does not end in .docx. Word documents need a name ending in .docx."
        )
    if not folder.is_dir():
        raise ExportError(
            f"The folder {folder} does not exist. Choose a folder that exists, or create it first."
        )
    if target.is_dir():
        raise ExportError(f"{target} is a folder. Choose a file name ending in .docx.")
    if target.exists() and not force:
        raise ExportError(
            f"{target} already exists. Choose another name, or allow it to be replaced."
        )
    open_in = [lock for lock in word_lock_files(target) if lock.exists()]
    if open_in and target.exists():
        raise ExportError(
            f"{target.name} is open in Word or LibreOffice. Close it there, then save again "
            "(or choose another name)."
        )
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".coproduce-", suffix=".docx")
    except OSError as exc:
        raise ExportError(
            f"Coproduce cannot write in the folder {folder} ({exc.strerror}). Choose a folder "
            "you can save files in."
        ) from exc
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(buffer.getvalue())
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except PermissionError as exc:
        _discard(temporary)
        raise ExportError(
            f"{target.name} could not be replaced: it is probably open in Word or another "
            "program. Close it there, then save again (or choose another name)."
        ) from exc
    except OSError as exc:
        _discard(temporary)
        raise ExportError(
            f"{target.name} could not be saved ({exc.strerror}). Check there is space on the "
            "disk and that you can save in that folder."
        ) from exc
    return target


def _discard(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def ensure_can_write(target: Path, *, force: bool) -> None:
    """Refuse early (before any work) when ``target`` exists and may not be replaced."""
    target = Path(target).expanduser()
    if target.exists() and not force:
        raise ExportError(
            f"{target} already exists. Choose another name, or allow it to be replaced."
        )
