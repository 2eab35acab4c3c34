"""The preparation checklist of a session, worked out from the needs of the people expected.

``build_checklist(people)`` turns people's access and communication needs into the things a
facilitator arranges before a session ("Easy-read pack for 4 people", "Book a BSL interpreter
(1 person)", "Step-free venue (2 people)"), grouped by kind of task and counted.

Only the ticks are stored (``PreparationTick``), against each item's ``key``. Keys are built
from the vocabulary codes, which never change, so a tick finds its item again every time the
list is worked out. An item that stops applying (the one person who needed it sent apologies)
is simply not built; its tick waits, unshown, and returns with the item.

Names stay inside the program: an item's ``text`` carries a count only; the people it is for
are in ``people`` for the window to show when asked (hover or expand), never in the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from coproduce.domain.records import AccessNeeds, Person
from coproduce.domain.vocabulary import (
    CommunicationProfessional,
    CommunicationSupport,
    InformationFormat,
    MeetingAccessNeed,
    Vocabulary,
)


class PreparationGroup(Vocabulary):
    """The headings of the checklist, in the order a facilitator works through them: what
    needs booking weeks ahead comes first, what happens on the day last."""

    BOOKINGS = ("bookings", "Book in good time")
    VENUE = ("venue", "The room and the venue")
    PAPERS = ("papers", "Papers in the right format")
    CONTACT = ("contact", "Invitations and reminders")
    FOOD_AND_TRAVEL = ("food_and_travel", "Food and travel")
    ON_THE_DAY = ("on_the_day", "On the day")
    OTHER = ("other", "Other needs")


@dataclass(frozen=True, slots=True)
class ItemPerson:
    """Someone an item is for, with what their record says about it (their notes)."""

    person_id: int | None
    name: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class PreparationItem:
    """One thing to arrange. ``key`` is stable (ticks are stored against it); ``text`` is
    what the facilitator reads, with a count and no names."""

    key: str
    group: PreparationGroup
    text: str
    people: tuple[ItemPerson, ...]

    @property
    def count(self) -> int:
        return len(self.people)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.people)


@dataclass(frozen=True, slots=True, kw_only=True)
class PreparationTick:
    """Whether an item of a session's checklist is done, who ticked it and when.

    An unticked item keeps its row (``done`` False, nobody, no time): the audit trail says
    who changed it; the row says where it stands."""

    meeting_id: int
    item_key: str
    done: bool = False
    done_by: str = ""
    done_at: datetime | None = None
    id: int | None = None
    version: int = 0


def people_count(n: int) -> str:
    """``1 person``, ``4 people``."""
    return f"{n} person" if n == 1 else f"{n} people"


def _for(n: int) -> str:
    return f"for {people_count(n)}"


def _paren(n: int) -> str:
    return f"({people_count(n)})"


@dataclass(frozen=True, slots=True)
class _Rule:
    group: PreparationGroup
    text: Callable[[int], str]
    notes: str
    """The ``AccessNeeds`` notes field that says more about this kind of need."""


_FORMAT, _SUPPORT, _PROFESSIONAL, _ACCESS = (
    "information_notes",
    "communication_support_notes",
    "communication_professional_notes",
    "meeting_access_notes",
)

# The order here is the order within each heading. Needs with nothing to prepare (someone
# who reads standard print) have no rule.
_RULES: dict[Vocabulary, _Rule] = {
    CommunicationProfessional.BSL_INTERPRETER: _Rule(
        PreparationGroup.BOOKINGS, lambda n: f"Book a BSL interpreter {_paren(n)}", _PROFESSIONAL
    ),
    CommunicationProfessional.DEAFBLIND_INTERPRETER: _Rule(
        PreparationGroup.BOOKINGS,
        lambda n: (
            "Book a deafblind interpreter (1 person)"
            if n == 1
            else f"Book deafblind interpreters, one for each person {_paren(n)}"
        ),
        _PROFESSIONAL,
    ),
    CommunicationProfessional.LIPSPEAKER: _Rule(
        PreparationGroup.BOOKINGS, lambda n: f"Book a lipspeaker {_paren(n)}", _PROFESSIONAL
    ),
    CommunicationProfessional.SPEECH_TO_TEXT: _Rule(
        PreparationGroup.BOOKINGS,
        lambda n: f"Book a speech-to-text reporter {_paren(n)}",
        _PROFESSIONAL,
    ),
    CommunicationProfessional.NOTETAKER: _Rule(
        PreparationGroup.BOOKINGS, lambda n: f"Book a notetaker {_paren(n)}", _PROFESSIONAL
    ),
    MeetingAccessNeed.STEP_FREE: _Rule(
        PreparationGroup.VENUE, lambda n: f"Step-free venue {_paren(n)}", _ACCESS
    ),
    MeetingAccessNeed.ACCESSIBLE_TOILET: _Rule(
        PreparationGroup.VENUE, lambda n: f"Accessible toilet {_paren(n)}", _ACCESS
    ),
    CommunicationSupport.HEARING_LOOP: _Rule(
        PreparationGroup.VENUE,
        lambda n: f"Hearing loop, tested before the start {_paren(n)}",
        _SUPPORT,
    ),
    MeetingAccessNeed.QUIET_ROOM: _Rule(
        PreparationGroup.VENUE, lambda n: f"Quiet room {_paren(n)}", _ACCESS
    ),
    InformationFormat.EASY_READ: _Rule(
        PreparationGroup.PAPERS, lambda n: f"Easy-read pack {_for(n)}", _FORMAT
    ),
    # Large print has one item per size (see _large_print_key); this rule is for people
    # whose size is not recorded.
    InformationFormat.LARGE_PRINT: _Rule(
        PreparationGroup.PAPERS,
        lambda n: f"Large print {_for(n)} (size not recorded: ask)",
        _FORMAT,
    ),
    InformationFormat.BRAILLE: _Rule(
        PreparationGroup.PAPERS, lambda n: f"Braille papers {_for(n)}", _FORMAT
    ),
    InformationFormat.AUDIO: _Rule(
        PreparationGroup.PAPERS, lambda n: f"Audio version of the papers {_for(n)}", _FORMAT
    ),
    InformationFormat.BSL_VIDEO: _Rule(
        PreparationGroup.PAPERS, lambda n: f"BSL video of the papers {_for(n)}", _FORMAT
    ),
    InformationFormat.ELECTRONIC: _Rule(
        PreparationGroup.PAPERS,
        lambda n: f"Papers sent electronically, for a screen reader, {_for(n)}",
        _FORMAT,
    ),
    MeetingAccessNeed.DIETARY: _Rule(
        PreparationGroup.FOOD_AND_TRAVEL,
        lambda n: f"Dietary needs: {people_count(n)} (see notes)",
        _ACCESS,
    ),
    MeetingAccessNeed.TRANSPORT: _Rule(
        PreparationGroup.FOOD_AND_TRAVEL, lambda n: f"Arrange transport {_for(n)}", _ACCESS
    ),
    MeetingAccessNeed.SUPPORT_WORKER: _Rule(
        PreparationGroup.ON_THE_DAY,
        lambda n: f"Seats and refreshments for support workers {_paren(n)}",
        _ACCESS,
    ),
    CommunicationSupport.ADVOCATE: _Rule(
        PreparationGroup.ON_THE_DAY,
        lambda n: f"Seats for advocates or supporters {_paren(n)}",
        _SUPPORT,
    ),
    MeetingAccessNeed.REGULAR_BREAKS: _Rule(
        PreparationGroup.ON_THE_DAY, lambda n: f"Plan regular breaks {_paren(n)}", _ACCESS
    ),
    CommunicationSupport.LONGER_TIME: _Rule(
        PreparationGroup.ON_THE_DAY, lambda n: f"Allow longer time to talk {_paren(n)}", _SUPPORT
    ),
    CommunicationSupport.ONE_SPEAKER_AT_A_TIME: _Rule(
        PreparationGroup.ON_THE_DAY,
        lambda n: f"Agree one person speaking at a time {_paren(n)}",
        _SUPPORT,
    ),
    CommunicationSupport.LIP_READING: _Rule(
        PreparationGroup.ON_THE_DAY,
        lambda n: f"Seats facing the speakers, in good light, for lip reading {_paren(n)}",
        _SUPPORT,
    ),
    CommunicationSupport.COMMUNICATION_AID: _Rule(
        PreparationGroup.ON_THE_DAY,
        lambda n: f"Space and power for communication aids {_paren(n)}",
        _SUPPORT,
    ),
}

CONTACT_KEY = "contact"
NOTES_KEY = "notes"

# Which notes belong to which kind of need, and what each is called in the "other needs"
# item's detail.
_NOTE_FIELDS = (
    ("contact_notes", "contact_methods", "Contact"),
    ("information_notes", "information_formats", "Information"),
    ("communication_support_notes", "communication_support", "Communication support"),
    (
        "communication_professional_notes",
        "communication_professionals",
        "Communication professional",
    ),
    ("meeting_access_notes", "meeting_access", "Meeting access"),
)


def need_key(need: Vocabulary) -> str:
    """The stable key of the item for ``need``: its category and code, as stored."""
    category = {
        InformationFormat: "information_format",
        CommunicationSupport: "communication_support",
        CommunicationProfessional: "communication_professional",
        MeetingAccessNeed: "meeting_access",
    }[type(need)]
    return f"{category}:{need.value}"


def _large_print_key(size: int) -> str:
    return f"{need_key(InformationFormat.LARGE_PRINT)}:{size}"


def _large_print_text(size: int, n: int) -> str:  # "Large print 18 pt for 1 person"
    return f"Large print {size} pt {_for(n)}"


@dataclass
class _Bucket:
    group: PreparationGroup
    order: tuple[int, int]
    text: Callable[[int], str]
    people: list[ItemPerson]


def build_checklist(people: Iterable[Person]) -> list[PreparationItem]:
    """What to arrange for ``people`` (those expected at a session), grouped and counted.

    Items come in heading order (``PreparationGroup``), then in a fixed order within each
    heading; each item's people are in name order. A person is counted once per item.
    """
    buckets: dict[str, _Bucket] = {}
    rule_order = {need: position for position, need in enumerate(_RULES)}

    def add(key: str, bucket: _Bucket, person: ItemPerson) -> None:
        kept = buckets.setdefault(key, bucket)
        if person not in kept.people:
            kept.people.append(person)

    for person in people:
        needs = person.needs
        for need in _chosen(needs):
            rule = _RULES.get(need)
            if rule is None:
                continue
            who = ItemPerson(person.id, person.display_name, getattr(needs, rule.notes).strip())
            size = needs.large_print_size
            if need is InformationFormat.LARGE_PRINT and size:
                text = partial(_large_print_text, size)
                add(
                    _large_print_key(size),
                    _Bucket(rule.group, (rule_order[need], size), text, []),
                    who,
                )
            else:
                # Large print of no recorded size comes after every known size.
                last = 10_000 if need is InformationFormat.LARGE_PRINT else 0
                add(
                    need_key(need),
                    _Bucket(rule.group, (rule_order[need], last), rule.text, []),
                    who,
                )
        if needs.contact_methods:
            words = ", ".join(sorted((m.label for m in needs.contact_methods), key=str.casefold))
            notes = needs.contact_notes.strip()
            add(
                CONTACT_KEY,
                _Bucket(PreparationGroup.CONTACT, (0, 0), _contact_text, []),
                ItemPerson(person.id, person.display_name, f"{words}. {notes}" if notes else words),
            )
        loose_notes = _notes_without_a_need(needs)
        if loose_notes:
            add(
                NOTES_KEY,
                _Bucket(PreparationGroup.OTHER, (0, 0), _notes_text, []),
                ItemPerson(person.id, person.display_name, loose_notes),
            )

    group_order = {group: position for position, group in enumerate(PreparationGroup)}
    ordered = sorted(
        buckets.items(), key=lambda entry: (group_order[entry[1].group], entry[1].order)
    )
    return [
        PreparationItem(
            key=key,
            group=bucket.group,
            text=bucket.text(len(bucket.people)),
            people=tuple(
                sorted(bucket.people, key=lambda p: (p.name.casefold(), p.person_id or 0))
            ),
        )
        for key, bucket in ordered
    ]


def _contact_text(n: int) -> str:
    return f"Send invitations and papers the way each person asked {_paren(n)}"


def _notes_text(n: int) -> str:
    return f"Read the notes about needs {_paren(n)}"


def _chosen(needs: AccessNeeds) -> list[Vocabulary]:
    return [
        *needs.information_formats,
        *needs.communication_support,
        *needs.communication_professionals,
        *needs.meeting_access,
    ]


def _notes_without_a_need(needs: AccessNeeds) -> str:
    """Notes written in a part of the record where nothing is ticked, so no other item shows
    them ("needs a chair with arms" under meeting access with no box ticked)."""
    parts = []
    for notes_field, needs_field, heading in _NOTE_FIELDS:
        notes = getattr(needs, notes_field).strip()
        chosen = getattr(needs, needs_field)
        covered = any(need in _RULES for need in chosen) or (
            needs_field == "contact_methods" and bool(chosen)
        )
        if notes and not covered:
            parts.append(f"{heading}: {notes}")
    return "; ".join(parts)
