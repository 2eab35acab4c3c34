""" "You said, we did" for staff and boards: what a group said about a document, or over a
period, and what was done about each thing, as a table in the records' own words. (The
easy-read report for the group is built by ``documents.easy_read`` from
``services.handouts``.)"""

from __future__ import annotations

from docx.shared import Cm

from coproduce.documents.content import YouSaidWeDid
from coproduce.documents.docx_base import (
    add_row,
    date_in_words,
    new_document,
    new_table,
    paragraph,
    paragraph_in,
)
from coproduce.documents.easy_read import Built
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
            for line in item.did.split("\n"):
                if line.strip():
                    paragraph_in(did, line.strip())
            if item.said_on:
                paragraph_in(where, date_in_words(item.said_on))
            if item.document.strip():
                paragraph_in(where, item.document)
    return Built(document=document, warnings=(), findings=(), estimated_pages=0)
