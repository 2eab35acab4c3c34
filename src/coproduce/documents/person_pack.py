"""A participant's own easy-read pack, "Your ideas and what happened to them": each thing they
said (named or anonymous: it is theirs either way) and what was done about it. Their own name
is printed because the pack is for them; nobody else is named."""

from __future__ import annotations

from coproduce.documents.content import PersonPack
from coproduce.documents.docx_base import EasyReadSettings, PicturePng, date_in_words
from coproduce.documents.easy_read import Built, EasyReadWriter

TITLE = "Your ideas and what happened to them"


def build_person_pack(
    content: PersonPack,
    picture_png: PicturePng,
    settings: EasyReadSettings | None = None,
) -> Built:
    writer = EasyReadWriter(TITLE, settings or EasyReadSettings(), picture_png, content.glossary)
    writer.cover(
        TITLE,
        (f"For {content.name}", date_in_words(content.made_on)),
        content.cover_picture,
        "This pack tells you about the ideas you gave us and what happened to them.",
    )
    writer.heading("Your ideas")
    if not content.items:
        writer.row(
            content.cover_picture,
            "We do not have any of your ideas written down yet. "
            "When you tell us your ideas at a meeting, they will be in your next pack.",
        )
    else:
        count = len(content.items)
        writer.text(f"You gave us {count} {'idea' if count == 1 else 'ideas'}. Thank you.")
    for item in content.items:
        writer.said_did(item, lead="You said:")
    writer.hard_words(content.format_picture)
    writer.contact(
        content.contact, content.contact_picture, content.format_picture, content.credits
    )
    return writer.finish()
