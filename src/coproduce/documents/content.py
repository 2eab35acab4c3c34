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
from coproduce.domain.vocabulary import RowKind


@dataclass(frozen=True, slots=True, kw_only=True)
class WordsFrom:
    """The record whose words a row prints, so the export can send the facilitator to write
    easy words for it when its words may not be printed."""

    kind: RowKind
    record_id: int
    written: bool
    """True when the words are the easy-read wording a person wrote; False for the record's
    own text (notes, a response's reason), which is printed only if it passes the checker."""
    raw: str = ""
    """The record's own text, shown beside the box where the easy words are written."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Words:
    """One paragraph of a row. Printed only if it passes the easy-read checker
    (``plain_language.is_easy_read``); otherwise ``fallback`` (fixed wording) is printed
    instead, or, with no fallback, the whole entry is left out and listed as needing easy
    words (``origin`` says which record)."""

    text: str
    origin: WordsFrom | None = None
    fallback: str = ""
    optional: bool = False
    """A detail the entry can do without ("This was about ..."): left out quietly if its
    words do not pass."""
    name_decided: bool = False
    """Its names were chosen by the consent rule (a staff member named in their job): they
    are not scrubbed from it as free text."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One idea: a picture on the left and a few short paragraphs on the right."""

    picture: PictureChoice
    words: tuple[Words, ...]
    lead: str = ""
    """A bold first line: who said it ("Amy Wright said:"), what happened ("What we
    changed:"). Fixed wording or a name, never a record's text."""
    decorative: bool = False
    """The picture only repeats what the section is about (the same arrow beside every
    action): screen readers are told to skip it."""


def row(picture: PictureChoice, *texts: str, lead: str = "", decorative: bool = False) -> Row:
    """A row of fixed wording (every paragraph Coproduce's own)."""
    return Row(
        picture=picture,
        words=tuple(Words(text=text) for text in texts if text.strip()),
        lead=lead,
        decorative=decorative,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """Rows that go in (or stay out of) a document together: what someone said and what we
    did about it, or one action. The builder keeps the page budget by choosing entries."""

    rows: tuple[Row, ...]
    rank: int = 0
    """How much it matters, 0 most: decisions, then what changed, answers to questions,
    other answers, then the rest (``services.reports`` decides)."""
    when: datetime | None = None
    """When it was said: newer entries go first within a rank."""
    topic: int | None = None
    """The agenda item or document it is about: a proposal takes one entry per topic first."""
    chosen: bool = False
    """The facilitator chose it for the summary."""
    answered: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Counted:
    """What the sentence for entries left out of a section says (``rest`` wording)."""

    picture: PictureChoice
    many: str
    """With ``{n}`` for the number: "You told us {n} other things too."."""
    one: str
    """The same for exactly one: "You told us 1 other thing too."."""
    then: str = ""
    """A second sentence when any left out has an answer ("Ask us about them.")."""
    waiting: str = ""
    """The second sentence when none has an answer yet ("We are still looking at them.")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A part of an easy-read document under its own heading."""

    heading: str
    rows: tuple[Row, ...] = ()
    """Always printed, before the entries."""
    entries: tuple[Entry, ...] = ()
    """Printed as the page budget allows, in this order."""
    after: tuple[Row, ...] = ()
    """Always printed, after the entries (when any entry or row is printed)."""
    counted: Counted | None = None
    """How the entries left out are counted in one easy sentence."""
    unlisted: int = 0
    """More like the entries that were not even read (a long history): counted with those
    left out."""
    keep_all: bool = False
    """Every entry goes in whatever the budget (a short list such as the agenda)."""
    level: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Cover:
    """The first page: title, lines under it (date, group), a large picture, what it is."""

    title: str
    lines: tuple[Words, ...]
    """The group's name, the dates: each with fixed wording to fall back on when the name
    itself is not easy read ("Staff engagement group" for "Staff Engagement Group (EQLs)")."""
    picture: PictureChoice
    note: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EasyReadDocument:
    """Everything an easy-read document says, in order, with what may be left out. Made by
    ``services.reports``; laid out within its page budget by ``documents.easy_read``."""

    title: str
    """The document's title in its properties (and on the cover)."""
    subject: str
    """What it is about, for the properties ("Carers' Forum, Tuesday 1 September 2026")."""
    cover: Cover
    sections: tuple[Section, ...]
    budget: int
    """Pages at most (DESIGN.md section 5): 12 for a summary or a pack, 20 for a report."""
    glossary: tuple[HardWord, ...]
    """Every glossary term; the builder keeps only those the document uses."""
    hard_words_picture: PictureChoice
    contact: Contact
    contact_picture: PictureChoice
    format_picture: PictureChoice
    credits: str = ""
    """Who made the pictures, as their licences ask."""
    chosen_by_facilitator: bool = False
    """The facilitator chose what goes in (some entries are ``chosen``): only those are
    printed, as many as fit."""


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
    chair: str
    """The first facilitator, named in their job ("" when none was recorded)."""
    facilitators: tuple[str, ...]
    """Other facilitators, named in their job."""
    present: tuple[Attendee, ...]
    """Participants present who agreed to be named."""
    present_unnamed: int
    """Present but not named (no consent to be named): counted only."""
    officers: tuple[Attendee, ...]
    """Staff present, named in their job."""
    apologies: tuple[Attendee, ...]
    """Apologies from staff and from participants who agreed to be named, with reasons."""
    apologies_unnamed: int
    """Apologies from participants not named: counted only."""
    items: tuple[MinutesItem, ...]
    decisions: tuple[tuple[str, str], ...]
    """(source, words) of each decision."""
    actions: tuple[ActionLine, ...]
    next_meeting: NextMeeting | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportLine:
    """One thing said and what was done about it, in the records' own words (for staff)."""

    said: str
    did: str
    """What was done, with the reason or who it was passed to; may be empty."""
    status: str
    """The response's status in words ("Changed the document")."""
    answered: bool
    source: str
    """Who said it, as consent allows ("A group member said")."""
    said_on: date | None = None
    document: str = ""
    """The title of the document it is about, in a group's report."""


@dataclass(frozen=True, slots=True, kw_only=True)
class YouSaidWeDid:
    """What a group said about a document (or over a period) and what was done about it: the
    standard report for staff and boards."""

    title: str
    subject: str
    """The document's title, or the group's name."""
    period_from: date | None
    period_to: date | None
    items: tuple[ReportLine, ...]
    made_on: date
