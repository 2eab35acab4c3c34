"""Standard minutes of a session, for staff: the chair, attendance (officers named, group
members named with consent and otherwise counted), agenda items under their own headings with
their notes and contributions, decisions, an actions table and the next meeting.

Minutes are a working record in ordinary type (Arial 12 pt), but they keep the rules every
Coproduce document keeps: A4, page numbers, title and language set, no italics or underline,
and names only where the person agreed to be named (``services.reports`` has already replaced
the others with "A group member"). Lists are real Word bullet lists ("List Bullet"), their
bullet drawn in the body font (``docx_base.bullets_in_body_font``), so a PDF uses one family.
"""

from __future__ import annotations

from docx.document import Document
from docx.shared import Cm

from coproduce.documents.content import Minutes
from coproduce.documents.docx_base import (
    TypeSettings,
    add_row,
    add_text,
    bullets_in_body_font,
    clean_text,
    date_in_words,
    heading,
    new_document,
    new_table,
    paragraph,
    paragraph_in,
    when_in_words,
)
from coproduce.documents.easy_read import Built

STANDARD_TYPE = TypeSettings(
    font="Arial", size=12, line_spacing=1.15, heading_1=16, heading_2=13, title=22
)
ACTION_COLUMNS = (Cm(7.5), Cm(3.5), Cm(3.5), Cm(2.5))
LIST_STYLE = "List Bullet"


def build_minutes(content: Minutes) -> Built:
    """The minutes of one session as a Word document."""
    title = f"Minutes: {content.title}"
    document = new_document(title, STANDARD_TYPE)
    bullets_in_body_font(document, STANDARD_TYPE.font)
    paragraph(document, title, style="Title")
    paragraph(document, content.group, bold=True)
    paragraph(document, when_in_words(content.starts_at, content.ends_at))
    if content.place.strip():
        paragraph(document, f"Place: {content.place}")
    if content.chair:
        paragraph(document, f"Chair: {content.chair}")
    if content.facilitators:
        paragraph(document, f"Also facilitating: {', '.join(content.facilitators)}")
    paragraph(document, f"Status: {content.status}")
    if content.notes.strip():
        heading(document, "Notes")
        for line in _lines(content.notes):
            paragraph(document, line)

    heading(document, "Attendance")
    heading(document, "Group members present", 2)
    if not content.present and not content.present_unnamed:
        paragraph(document, "No group members were recorded as present.")
    for person in content.present:
        _bullet(document, f"{person.name} ({person.note})" if person.note else person.name)
    if content.present_unnamed:
        count = content.present_unnamed
        members = "group member" if count == 1 else "group members"
        other = "other " if content.present else ""
        _bullet(document, f"{count} {other}{members} (not named: no consent to be named)")
    heading(document, "Officers present", 2)
    if not content.officers:
        paragraph(document, "No officers were recorded as present.")
    for person in content.officers:
        _bullet(document, f"{person.name} ({person.note})" if person.note else person.name)
    heading(document, "Apologies", 2)
    if not content.apologies and not content.apologies_unnamed:
        paragraph(document, "None.")
    for person in content.apologies:
        _bullet(document, f"{person.name}: {person.note}" if person.note else person.name)
    if content.apologies_unnamed:
        count = content.apologies_unnamed
        members = "group member" if count == 1 else "group members"
        other = "other " if content.apologies else ""
        _bullet(document, f"{count} {other}{members} sent apologies (not named)")

    heading(document, "Agenda")
    if not content.items:
        paragraph(document, "There were no agenda items.")
    for number, item in enumerate(content.items, start=1):
        heading(document, f"{number}. {item.title}", 2)
        for line in _lines(item.notes):
            paragraph(document, line)
        for source, kind, words in item.contributions:
            para = document.add_paragraph(style=LIST_STYLE)
            add_text(para, f"{source} ({kind.lower()}): ", bold=True)
            add_text(para, words)

    heading(document, "Decisions")
    if not content.decisions:
        paragraph(document, "No decisions were recorded.")
    for source, words in content.decisions:
        _bullet(document, f"{words} ({source})" if source else words)

    heading(document, "Actions")
    if not content.actions:
        paragraph(document, "No actions were agreed.")
    else:
        table = new_table(
            document, ACTION_COLUMNS, borders=True, header=("Action", "Owner", "Due", "Status")
        )
        for action in content.actions:
            cells = add_row(table, ACTION_COLUMNS)
            paragraph_in(cells[0], action.text)
            paragraph_in(cells[1], action.owner or "Not given")
            paragraph_in(cells[2], date_in_words(action.due_on) if action.due_on else "No date")
            paragraph_in(cells[3], action.status)

    heading(document, "Next meeting")
    if content.next_meeting is None:
        paragraph(document, "The next meeting has not been planned yet.")
    else:
        meeting = content.next_meeting
        paragraph(document, when_in_words(meeting.starts_at, meeting.ends_at))
        if meeting.place.strip():
            paragraph(document, f"Place: {meeting.place}")
    return Built(document=document, warnings=(), findings=(), estimated_pages=0)


def _bullet(document: Document, text: str) -> None:
    paragraph(document, text, style=LIST_STYLE)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in clean_text(text).split("\n") if line.strip()]
