"""What goes into each printed document, as plain frozen dataclasses.

``services.reports`` fills these from the records, with consent already applied: every name in
them may be printed. The builders in this package turn them into Word documents and never see
the database, so what a document can show is decided in one place (the service) and checked in
one place (its tests). Words are the easy-read wording where the facilitator wrote it, else the
raw notes (the plain-language checker then flags them before export).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from coproduce.domain.records import GlossaryTerm, PictureChoice


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One idea: a picture on the left and a few sentences on the right."""

    text: str
    picture: PictureChoice
    source: str = ""
    """Who said it, as consent allows ("A group member said"); empty when not a quote."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SaidDid:
    """One thing the group said and what was done about it."""

    said: str
    did: str
    """The response's words (easy-read wording where written); may be empty."""
    status: str
    """What happened, as a sentence ("We changed the document because of what you said."),
    used when ``did`` is empty."""
    answered: bool
    """Whether the group has been given an outcome (not "still thinking")."""
    source: str
    said_picture: PictureChoice
    did_picture: PictureChoice
    said_on: date | None = None
    """The day of the session where it was said."""
    document: str = ""
    """The title of the document it is about, when there is one."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionLine:
    """One action agreed at a session."""

    text: str
    owner: str
    """The owner's name as consent allows, or "" when nobody owns it."""
    due_on: date | None
    status: str


@dataclass(frozen=True, slots=True, kw_only=True)
class HardWord:
    """A glossary term with the picture that goes beside it in "Hard words"."""

    term: GlossaryTerm
    picture: PictureChoice


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """How readers reach the people who run the group (the contact page)."""

    name: str = ""
    """The person readers can ask for ("Priya Shah"): staff, named in their job."""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    other: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class NextMeeting:
    starts_at: datetime
    ends_at: datetime
    place: str = ""
    title: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Attendee:
    """A line of the minutes' attendance: a name (or "A group member") and a note."""

    name: str
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class EasyReadSummary:
    """The easy-read summary of one session, for the people who took part."""

    title: str
    group: str
    starts_at: datetime
    ends_at: datetime
    place: str
    cover_picture: PictureChoice
    about: tuple[Row, ...]
    present_count: int
    apologies_count: int
    named_present: tuple[str, ...]
    """Names of those present who agreed to be named; the others are only counted."""
    who_came_picture: PictureChoice
    topics: tuple[Row, ...]
    told_us: tuple[Row, ...]
    actions: tuple[Row, ...]
    said_did: tuple[SaidDid, ...]
    next_meeting: NextMeeting | None
    next_picture: PictureChoice
    glossary: tuple[HardWord, ...]
    """Every glossary term; the builder keeps only those the document uses."""
    contact: Contact
    contact_picture: PictureChoice
    format_picture: PictureChoice
    credits: str = ""
    """Who made the pictures, as their licences ask ("Pictures: Font Awesome Free ...")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MinutesItem:
    title: str
    notes: str
    contributions: tuple[tuple[str, str, str], ...]
    """(source as consent allows, kind in words, words) for each contribution."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Minutes:
    """Standard minutes of one session, for staff."""

    title: str
    group: str
    starts_at: datetime
    ends_at: datetime
    place: str
    status: str
    notes: str
    present: tuple[Attendee, ...]
    present_unnamed: int
    """Present but not named (no consent to be named): counted only."""
    apologies: tuple[Attendee, ...]
    items: tuple[MinutesItem, ...]
    decisions: tuple[tuple[str, str], ...]
    """(source, words) of each decision."""
    actions: tuple[ActionLine, ...]
    next_meeting: NextMeeting | None


@dataclass(frozen=True, slots=True, kw_only=True)
class YouSaidWeDid:
    """What a group said about a document (or over a period) and what was done about it."""

    title: str
    subject: str
    """The document's title, or the group's name."""
    period_from: date | None
    period_to: date | None
    items: tuple[SaidDid, ...]
    cover_picture: PictureChoice
    glossary: tuple[HardWord, ...]
    contact: Contact
    contact_picture: PictureChoice
    format_picture: PictureChoice
    credits: str = ""
    """Who made the pictures, as their licences ask ("Pictures: Font Awesome Free ...")."""
    made_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonPack:
    """A participant's own ideas and what happened to them ("Your ideas ...")."""

    name: str
    """The participant's own name: the pack is for them, so it is printed."""
    items: tuple[SaidDid, ...]
    cover_picture: PictureChoice
    glossary: tuple[HardWord, ...]
    contact: Contact
    contact_picture: PictureChoice
    format_picture: PictureChoice
    credits: str = ""
    """Who made the pictures, as their licences ask ("Pictures: Font Awesome Free ...")."""
    made_on: date
