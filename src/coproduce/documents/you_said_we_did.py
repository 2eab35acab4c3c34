""" "You said, we did" reports: what a group said about a document, or over a period, and what
was done about each thing. Two forms from the same content: a standard report (a table, for
staff and boards) and an easy-read one (picture rows, for the group)."""

from __future__ import annotations

from docx.shared import Cm

from coproduce.documents.content import YouSaidWeDid
from coproduce.documents.docx_base import (
    EasyReadSettings,
    PicturePng,
    add_row,
    date_in_words,
    new_document,
    new_table,
    paragraph,
    paragraph_in,
)
from coproduce.documents.easy_read import Built, EasyReadWriter
from coproduce.documents.minutes import STANDARD_TYPE

COLUMNS = (Cm(6.0), Cm(6.0), Cm(5.0))


def period_words(content: YouSaidWeDid) -> str:
    """``From 1 January 2026 to 31 March 2026``, or "" when the report covers all time."""
    start, end = content.period_from, content.period_to
    if start and end:
        return f"From {date_in_words(start)} to {date_in_words(end)}"
    if start:
        return f"From {date_in_words(start)}"
    if end:
        return f"Up to {date_in_words(end)}"
    return ""


def build_you_said_we_did(content: YouSaidWeDid) -> Built:
    """The standard report: one table row for each thing said."""
    document = new_document(content.title, STANDARD_TYPE)
    paragraph(document, content.title, style="Title")
    paragraph(document, content.subject, bold=True)
    period = period_words(content)
    if period:
        paragraph(document, period)
    paragraph(document, f"Made on {date_in_words(content.made_on)}")
    answered = sum(1 for item in content.items if item.answered)
    paragraph(
        document,
        f"{len(content.items)} things said; {answered} answered, "
        f"{len(content.items) - answered} still open.",
    )
    if not content.items:
        paragraph(document, "Nothing was recorded for this report.")
    else:
        table = new_table(
            document, COLUMNS, borders=True, header=("You said", "We did", "When and where")
        )
        for item in content.items:
            said, did, where = add_row(table, COLUMNS)
            if item.source:
                paragraph_in(said, f"{item.source}:", bold=True)
            paragraph_in(said, item.said)
            paragraph_in(did, item.status, bold=True)
            if item.did.strip():
                paragraph_in(did, item.did)
            if item.said_on:
                paragraph_in(where, date_in_words(item.said_on))
            if item.document.strip():
                paragraph_in(where, item.document)
    return Built(document=document, warnings=(), findings=(), estimated_pages=0)


def build_easy_read_you_said_we_did(
    content: YouSaidWeDid,
    picture_png: PicturePng,
    settings: EasyReadSettings | None = None,
) -> Built:
    """The easy-read report: a picture row for what was said and one for what was done."""
    writer = EasyReadWriter(
        content.title, settings or EasyReadSettings(), picture_png, content.glossary
    )
    lines = [content.subject]
    period = period_words(content)
    if period:
        lines.append(period)
    writer.cover(
        content.title,
        lines,
        content.cover_picture,
        "This is an easy read report. It tells you what you said and what we did about it.",
    )
    writer.heading("What you said and what we did")
    if not content.items:
        writer.row(content.cover_picture, "We have nothing to tell you about yet.")
    for item in content.items:
        writer.said_did(item)
    writer.hard_words(content.format_picture)
    writer.contact(
        content.contact, content.contact_picture, content.format_picture, content.credits
    )
    return writer.finish()
