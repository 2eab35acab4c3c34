"""What goes into the staff documents (minutes, the standard "You said, we did" report) and
the consent rules every printed or exported document shares.

The easy-read handouts are gathered by ``services.handouts``, with these same rules.

Consent is applied here, once, so no builder can print a name its owner did not agree to:

- A person's name appears only while their "being quoted by name" consent is in force at the
  time of the export (the latest decision is "given", not refused or withdrawn). That one
  purpose governs every participant's name in every document, including "Who came", the
  minutes' attendance and action owners: a list of who came says who belongs to a group,
  which is as personal as a quote. Without it they are "A group member" and counted, never
  named. People acting in a staff role (``acts_as_staff``) are named in their job: as action
  owners, as the session's chair and facilitators, and in the minutes (a staff document),
  where the consent rule protects participants, not officers doing their job.
- An apology's reason is printed only beside a name (it may hold health details).
- Names typed into free text (titles included) are replaced by "a group member"
  (``NameScrub``): the full name of everyone on the register who may not be named, and the
  first names and surnames alone of those involved in the session(s).
- Contributions use ``domain.attribution.attributed_name``, as the screen does: an anonymous
  contribution stays anonymous even when its speaker consented.
- A person's own pack carries their own name (it is for them) and nobody else's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from coproduce.documents.content import (
    ActionLine,
    Attendee,
    Contact,
    HardWord,
    Minutes,
    MinutesItem,
    NextMeeting,
    ReportLine,
    Words,
    YouSaidWeDid,
)
from coproduce.domain.attribution import GROUP_MEMBER, WHOLE_GROUP, attributed_name
from coproduce.domain.errors import ValidationError
from coproduce.domain.records import (
    Action,
    Contribution,
    GlossaryTerm,
    Meeting,
    PictureChoice,
    Response,
)
from coproduce.domain.vocabulary import (
    ANSWERABLE_KINDS,
    AttendanceStatus,
    ConsentPurpose,
    ContributionKind,
    ResponseStatus,
    Role,
)
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork

T = TypeVar("T")

CONTACT_SETTING = "documents.contact"

# Things said that expect an answer; praise and decisions need no "we did". The same kinds the
# dashboard's loop closure counts.
ANSWERABLE = ANSWERABLE_KINDS


class ReportService(Service):
    """Gathers the content of each document; the builders in ``documents`` write it."""

    # --- contact details -----------------------------------------------------------------

    def contact(self) -> Contact:
        """The contact details printed on easy-read documents' "Contact us" page."""
        with self._store.reading() as unit:
            return contact_details(unit)

    def set_contact(self, contact: Contact) -> Contact:
        fields = {
            "name": contact.name.strip(),
            "organisation": contact.organisation.strip(),
            "phone": contact.phone.strip(),
            "email": contact.email.strip(),
            "address": contact.address.strip(),
            "other": contact.other.strip(),
        }
        for name, value in fields.items():
            if len(value) > 500:
                raise ValidationError(
                    f"The {name} is too long: keep it under 500 characters.", name
                )
        with self._store.transaction() as unit:
            unit.settings.set(CONTACT_SETTING, fields)
        return Contact(**fields)

    # --- titles for file names and subjects ---------------------------------------------

    def session_title(self, meeting_id: int) -> str:
        """A session's title as its documents print it (names scrubbed as consent requires):
        for suggested file names and subjects."""
        with self._store.reading() as unit:
            meeting = unit.meetings.get(meeting_id)
            return ConsentNames(unit, involved_people(unit, [meeting])).scrub(meeting.title)

    def document_title(self, document_id: int) -> str:
        """A document's title as the reports print it (names scrubbed as consent requires)."""
        with self._store.reading() as unit:
            return ConsentNames(unit, []).scrub(unit.documents.get(document_id).title)

    # --- minutes -------------------------------------------------------------------------

    def minutes(self, meeting_id: int) -> Minutes:
        """Standard minutes of a session: raw notes and contributions, names as consent
        allows."""
        with self._store.reading() as unit:
            meeting = unit.meetings.get(meeting_id)
            group = unit.groups.get(meeting.group_id)
            items = unit.agenda_items.for_meeting(meeting_id)
            attendance = unit.attendance.for_meeting(meeting_id)
            contributions = list(unit.contributions.list(meeting_id=meeting_id).items)
            actions = list(unit.actions.list(meeting_id=meeting_id).items)
            people = ConsentNames(
                unit,
                involved_people(unit, [meeting])
                + [c.speaker_id for c in contributions]
                + [a.owner_id for a in actions],
                keep_staff=True,
                phrases=known_phrases(unit, [meeting]),
            )
            next_meeting = _next_meeting(next_session(unit, meeting))

        # Staff are named in their job (the chair, officers, their apologies); participants
        # only with consent to be named, and otherwise counted.
        present: list[Attendee] = []
        officers: list[Attendee] = []
        apologies: list[Attendee] = []
        unnamed = unnamed_apologies = 0
        for entry in attendance:
            staff = people.is_staff(entry.person_id)
            name = people.in_job(entry.person_id) if staff else people.name(entry.person_id)
            if entry.status is AttendanceStatus.PRESENT:
                notes = [
                    word
                    for word, flag in (
                        ("guest", entry.is_guest),
                        ("arrived late", entry.arrived_late),
                        ("left early", entry.left_early),
                    )
                    if flag
                ]
                if staff and name:
                    officers.append(Attendee(name=name, note=", ".join(notes)))
                elif name:
                    present.append(Attendee(name=name, note=", ".join(notes)))
                else:
                    unnamed += 1
            elif entry.status is AttendanceStatus.APOLOGIES:
                if name:
                    # A reason may hold health details: printed only beside a name.
                    apologies.append(Attendee(name=name, note=entry.apology_reason.strip()))
                else:
                    unnamed_apologies += 1
        for listed in (present, officers, apologies):
            listed.sort(key=lambda a: a.name.casefold())
        facilitators = [
            name for name in (people.in_job(pid) for pid in meeting.facilitator_ids) if name
        ]

        def source(contribution: Contribution) -> str:
            words = people.attributed(contribution)
            return "A group member" if words == GROUP_MEMBER else words

        said = [c for c in contributions if c.kind is not ContributionKind.DECISION]
        by_item: dict[int | None, list[Contribution]] = {}
        for contribution in said:
            known = contribution.agenda_item_id in {i.id for i in items}
            by_item.setdefault(contribution.agenda_item_id if known else None, []).append(
                contribution
            )
        minutes_items = [
            MinutesItem(
                title=item.title,
                notes=item.notes,
                contributions=tuple(
                    (source(c), c.kind.label, c.text) for c in by_item.get(item.id, [])
                ),
            )
            for item in items
        ]
        if by_item.get(None):
            minutes_items.append(
                MinutesItem(
                    title="Other things said",
                    notes="",
                    contributions=tuple((source(c), c.kind.label, c.text) for c in by_item[None]),
                )
            )
        return people.scrubbed(
            Minutes(
                title=meeting.title,
                group=group.name,
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                place=meeting.place,
                status=meeting.status.label,
                notes=meeting.notes,
                chair=facilitators[0] if facilitators else "",
                facilitators=tuple(facilitators[1:]),
                present=tuple(present),
                present_unnamed=unnamed,
                officers=tuple(officers),
                apologies=tuple(apologies),
                apologies_unnamed=unnamed_apologies,
                items=tuple(minutes_items),
                decisions=tuple(
                    (source(c), c.text)
                    for c in contributions
                    if c.kind is ContributionKind.DECISION
                ),
                actions=tuple(
                    ActionLine(
                        text=a.text,
                        owner=_owner(a, people, "Not named (no consent to be named)"),
                        due_on=a.due_on,
                        status=a.status.label,
                    )
                    for a in actions
                ),
                next_meeting=next_meeting,
            )
        )

    # --- "You said, we did" --------------------------------------------------------------

    def you_said_we_did(
        self,
        *,
        document_id: int | None = None,
        group_id: int | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> YouSaidWeDid:
        """What was said about a document (or by a group) between two dates, and what was
        done, for staff and boards: the records' own words, names as consent allows. (The
        easy-read report for the group is ``services.handouts``.)"""
        check_report_choice(document_id, group_id, date_from, date_to)
        with self._store.reading() as unit:
            found, meetings, subject = said_about(
                unit, document_id=document_id, group_id=group_id,
                date_from=date_from, date_to=date_to, until=self.today(),
            )  # fmt: skip
            responses = unit.responses.for_contributions([c.id for c in found if c.id])
            people = ConsentNames(
                unit,
                involved_people(unit, list(meetings.values())) + [c.speaker_id for c in found],
                phrases=known_phrases(unit, list(meetings.values())),
            )
            documents = document_titles(unit, found) if group_id is not None else {}
        lines = []
        for contribution in found:
            response = responses.get(contribution.id or 0) or Response(
                contribution_id=contribution.id or 0
            )
            meeting = meetings.get(contribution.meeting_id)
            did = response.text.strip()
            if response.status is ResponseStatus.NOT_TAKEN_FORWARD and response.reason.strip():
                did = "\n".join(filter(None, (did, f"Why: {response.reason.strip()}")))
            if response.status is ResponseStatus.OUTSIDE_SCOPE and response.referred_to.strip():
                did = "\n".join(filter(None, (did, f"Passed to: {response.referred_to.strip()}")))
            lines.append(
                ReportLine(
                    said=contribution.text,
                    did=did,
                    status=response.status.label,
                    answered=response.status.is_answer,
                    source=said_by(people.attributed(contribution)),
                    said_on=meeting.starts_at.date() if meeting else None,
                    document=documents.get(contribution.id or 0, ""),
                )
            )
        return people.scrubbed(
            YouSaidWeDid(
                title="You said, we did",
                subject=subject,
                period_from=date_from,
                period_to=date_to,
                items=tuple(lines),
                made_on=self.today(),
            )
        )


def check_report_choice(
    document_id: int | None, group_id: int | None, date_from: date | None, date_to: date | None
) -> None:
    """Refuse a "You said, we did" report without exactly one subject, or with its dates the
    wrong way round."""
    if (document_id is None) == (group_id is None):
        raise ValidationError("Choose either a document or a group for the report.")
    if date_from and date_to and date_from > date_to:
        raise ValidationError(
            "The start date is after the end date. Swap them, or choose other dates."
        )


def said_about(
    unit: UnitOfWork,
    *,
    document_id: int | None,
    group_id: int | None,
    date_from: date | None,
    date_to: date | None,
    until: date,
) -> tuple[list[Contribution], dict[int | None, Meeting], str]:
    """What was said about a document, or by a group, between two dates (the things that
    expect an answer: praise and decisions need none), oldest first; their sessions; and the
    subject's name.

    Only what has happened: sessions on or before ``until`` (the service's today), whatever
    ``date_to`` says, so nothing typed for a session still to come is reported as said."""
    date_to = min(date_to, until) if date_to else until
    if document_id is not None:
        subject = unit.documents.get(document_id).title
        found = [
            c
            for c in unit.contributions.list(document_id=document_id).items
            if c.kind in ANSWERABLE
        ]
        meetings = {m.id: m for m in unit.meetings.get_many({c.meeting_id for c in found})}
        found = [c for c in found if _within(meetings[c.meeting_id], date_from, date_to)]
    else:
        assert group_id is not None
        subject = unit.groups.get(group_id).name
        starts_from = datetime.combine(date_from, time.min) if date_from else None
        before = datetime.combine(date_to + timedelta(days=1), time.min) if date_to else None
        meetings = {
            m.id: m
            for m in unit.meetings.list(
                group_id=group_id, starts_from=starts_from, starts_before=before,
                newest_first=False,
            ).items
        }  # fmt: skip
        found = [
            c
            for c in unit.contributions.list(meeting_ids=list(meetings)).items
            if c.kind in ANSWERABLE
        ]
    found.sort(
        key=lambda c: (meetings[c.meeting_id].starts_at, c.captured_at or datetime.min, c.id or 0)
    )
    return found, meetings, subject


# --- helpers -------------------------------------------------------------------------------


STAFF_ROLES = frozenset({Role.STAFF, Role.FACILITATOR, Role.PARTNER})
"""Roles in which people act in their job: named as action owners and facilitators."""

UNNAMED = "A group member"

# Characters nobody sees, which would split a name for matching ("Amara<soft hyphen>Wright").
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_HAS_INVISIBLE = re.compile(f"[{_INVISIBLE}]")
# Look-alikes mapped one character to one, so offsets in the matched copy are the text's own.
_PLAIN_LOOKALIKES = {
    **dict.fromkeys("\u2019\u2018\u02bc\u2032\uff07\u0060\u00b4", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d", "-"),
}
_LOOKALIKES = str.maketrans(_PLAIN_LOOKALIKES)
# Invisible characters dropped and look-alikes made plain, in one pass.
_PLAIN = str.maketrans({**dict.fromkeys(_INVISIBLE), **_PLAIN_LOOKALIKES})
# A name's words alone are matched without these: "Dr" or "(Jo)" are not names on their own.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "cllr"})
_EDGES = ".,;:()[]{}\"'"
_SENTENCE_END = re.compile(r"(?:[.!?:;\n]|[\"\u201c\u2018(])\s*$")


def acts_as_staff(roles: Iterable[Role]) -> bool:
    """True for people who act in their job (staff, facilitator, partner organisation) and
    have no participant role: privacy first, a participant who is also staff is a
    participant."""
    held = set(roles)
    return bool(held & STAFF_ROLES) and not any(role.is_participant for role in held)


def _name_words(name: str) -> list[str]:
    """The words of a register name as they are matched: invisible characters gone, look-alike
    apostrophes and hyphens made plain, lower case."""
    plain = name.translate(_PLAIN)
    return plain.lower().split()


NAMES_THAT_ARE_WORDS = frozenset(
    """
    bell berry bill bird bishop black bloom bond brook brown bush butler carpenter carter
    chance chase clay cook cross dale dawn day dean dove duke early english faith fisher
    ford fox frank fry gay gold good grace grant gray green grey hall hart hay heath hill
    holly hope house hunter iris ivy jack joy june king lamb lane law lee little long love
    mark marsh mason may mill miller moon moss new north page park parker patience penny
    pool pope porter pound power price prince rich ridge river robin rock rose rush sage
    salt sharp shaw short skinner small smith snow spring stone storm summer sunny swan
    taylor thorn todd town tucker walker wall ward warren waters west white wild will wing
    winter wise wood woods young
    """.split()  # noqa: SIM905 (a list of words reads best as words)
)
"""First names and surnames that are also everyday words: written small in a sentence ("a
grant", "the price", "in the hall") they are read as words. Any other name is scrubbed in
any case ("ask sam" names Sam)."""


class NameScrub:
    """Replaces names typed into free text by "a group member", with one compiled regular
    expression: a trie of every name, so a text is read once whatever the size of the
    register.

    ``full_names`` are matched as whole names (words separated by any spaces, or none where an
    invisible character stood); ``words`` (first names and surnames alone) as whole words,
    in any case, except the few names that are also everyday words (``NAMES_THAT_ARE_WORDS``)
    written small: "a grant", "the price" and "mark the date" are words, not Mr Grant, Ms
    Price and Mark, while "sam" is still Sam. Matching ignores case,
    invisible characters and apostrophe and hyphen look-alikes; the text outside a replaced
    name is returned as typed. ``keep`` are names and phrases that may be printed whole
    ("Chidi Begum", named; "Hartmoor Town Hall", a place): a longer kept match wins over a
    name inside it.

    One scrub can serve many sessions (a table export): give ``words`` for all of them and
    pass ``scrub`` the words of the row's own session (``words_of``); a name alone belonging
    only to someone at another session is then left as typed. The expression is compiled
    once per export, not once per session.
    """

    def __init__(
        self,
        full_names: Iterable[str],
        words: Iterable[str] = (),
        keep: Iterable[str] = (),
        *,
        texts: Iterable[str] | None = None,
    ) -> None:
        """``texts``, when given, are all the texts this scrub will read: names that cannot
        occur in any of them are left out of the expression (``_may_occur``), which makes it
        much smaller to build for one document than the whole register."""
        keys = {" ".join(_name_words(name)) for name in full_names}
        alone = set(self.words_of(words))
        self._alone = alone - keys
        keys |= alone
        keys.discard("")
        # Names that may be printed are matched too, so that "Chidi Begum" (named) is left
        # whole rather than losing "Chidi" (someone else's first name).
        kept = {" ".join(_name_words(name)) for name in keep} - keys - {""}
        keys |= kept
        # Compared without spaces: a name may be matched across a missing space.
        self._keep = {key.replace(" ", "") for key in kept}
        if texts is not None:
            keys = _may_occur(keys, texts)
        self._pattern = (
            re.compile(r"(?<!\w)" + _trie(sorted(keys)) + r"(?!\w)", re.IGNORECASE)
            if keys
            else None
        )

    def __bool__(self) -> bool:
        return self._pattern is not None

    @staticmethod
    def words_of(names: Iterable[str]) -> frozenset[str]:
        """The first names and surnames of ``names`` as ``scrub``'s ``words`` takes them."""
        return frozenset(
            w
            for name in names
            for w in (part.strip(_EDGES) for part in _name_words(name))
            if len(w) > 1 and w not in _TITLES
        )

    def _kept(self, found: str, words: frozenset[str] | None = None) -> bool:
        folded = "".join(found.lower().split())
        if words is not None and folded in self._alone and folded not in words:
            return True  # a name alone, of someone who was not at this row's session
        if folded in self._alone and folded in NAMES_THAT_ARE_WORDS and not found[:1].isupper():
            return True  # "a grant", "the price": an ordinary word written small, not a name
        return bool(self._keep) and folded in self._keep

    def scrub(self, text: str, words: frozenset[str] | None = None) -> str:
        """``text`` with names replaced; ``words`` (from ``words_of``), when given, limits
        the names alone to those of the people at the text's session."""
        if self._pattern is None or not text:
            return text
        if _HAS_INVISIBLE.search(text):
            kept = [i for i, c in enumerate(text) if c not in _INVISIBLE]
            matched = "".join(text[i] for i in kept).translate(_LOOKALIKES)
            spans = [
                (kept[m.start()], kept[m.end() - 1] + 1)
                for m in self._pattern.finditer(matched)
                if not self._kept(m.group(), words)
            ]
        else:
            matched = text.translate(_LOOKALIKES)
            spans = [
                m.span()
                for m in self._pattern.finditer(matched)
                if not self._kept(m.group(), words)
            ]
        if not spans:
            return text
        parts: list[str] = []
        last = 0
        for start, end in spans:
            parts.append(text[last:start])
            before = text[max(0, start - 40) : start]
            opening = not text[:start].strip() or _SENTENCE_END.search(before) is not None
            parts.append(UNNAMED if opening else UNNAMED.lower())
            last = end
        parts.append(text[last:])
        return "".join(parts)


# Characters outside ASCII that a case-blind expression matches with an ASCII letter (Python's
# ``re`` folds these: dotted and dotless i, long s, the Kelvin sign).
_ASCII_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLDED = str.maketrans({**dict.fromkeys(_INVISIBLE), **_PLAIN_LOOKALIKES, **_ASCII_FOLDS})


def _may_occur(keys: set[str], texts: Iterable[str]) -> set[str]:
    """Of ``keys``, those that may match somewhere in ``texts``; never one less.

    A key matches a run of the text that, with its spaces taken out, is the key without its
    spaces, letter for letter in any case. So every text is folded the same way (invisible
    characters and all spaces out, look-alikes made plain, lower case, the few non-ASCII
    letters that match ASCII ones made ASCII) and an ASCII key is kept only when it is found
    in the fold. A key with other letters is always kept: case-blind matching outside ASCII
    has more equivalences than a simple fold can promise to follow."""
    folded = "\0".join("".join(text.translate(_FOLDED).lower().split()) for text in texts if text)
    # Each key's three-letter pieces are looked up in a set first: a key with a piece the
    # texts lack cannot occur, and the slower search runs only for the few that might.
    pieces = {folded[i : i + 3] for i in range(len(folded) - 2)}
    kept = set()
    for key in keys:
        plain = key.replace(" ", "")
        if not key.isascii() or (
            all(plain[i : i + 3] in pieces for i in range(len(plain) - 2)) and plain in folded
        ):
            kept.add(key)
    return kept


def _trie(keys: Sequence[str]) -> str:
    """A regular expression matching any of ``keys`` (lower case; a space stands for any
    spaces or none), built as a trie so alternatives share their prefixes."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [
            (r"\s*" if char == " " else re.escape(char)) + pattern(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(root)


class Register:
    """Everyone on the register, read once per export: names, who consents to be quoted by
    name, and who acts as staff."""

    def __init__(self, unit: UnitOfWork) -> None:
        people = unit.people.names_and_roles()
        self.names: dict[int, str] = {pid: name for pid, name, _roles in people}
        self.staff: set[int] = {pid for pid, _name, roles in people if acts_as_staff(roles)}
        ids = sorted(self.names)
        self.consenting: set[int] = set()
        # In slices: a database takes a bounded number of parameters in one query.
        for first in range(0, len(ids), 5_000):
            self.consenting |= unit.consents.people_with(
                ConsentPurpose.QUOTED_BY_NAME, ids[first : first + 5_000]
            )

    def hidden(self, person_id: int) -> bool:
        """True for someone whose name must not be printed in free text: without consent to
        be quoted by name (staff too: they are named only as owners and facilitators)."""
        return person_id not in self.consenting

    def scrub(
        self,
        involved: Iterable[int | None] = (),
        keep: Iterable[int] = (),
        phrases: Iterable[str] = (),
        *,
        texts: Iterable[str] | None = None,
    ) -> NameScrub:
        """The scrub for one export: the full name of everyone hidden on the register, and
        the first names and surnames alone of the hidden ``involved``; ``phrases`` (places,
        group names, document titles) are printed whole. ``texts``: see ``NameScrub``."""
        kept = set(keep)
        full = [n for pid, n in self.names.items() if self.hidden(pid) and pid not in kept]
        words = [
            self.names[pid]
            for pid in {p for p in involved if p is not None}
            if pid in self.names and self.hidden(pid) and pid not in kept
        ]
        named = [n for pid, n in self.names.items() if not self.hidden(pid) or pid in kept]
        return NameScrub(full, words, [*named, *(p for p in phrases if p.strip())], texts=texts)


class ConsentNames:
    """Names of people, as consent allows: ``name`` is None for anyone whose 'quoted by name'
    consent is not in force now; ``scrub`` replaces the names of everyone on the register who
    may not be named (their first names and surnames alone too, for the people involved)."""

    def __init__(
        self,
        unit: UnitOfWork | None,
        person_ids: Iterable[int | None],
        *,
        keep: frozenset[int] | set[int] = frozenset(),
        keep_staff: bool = False,
        phrases: Iterable[str] = (),
    ) -> None:
        self._names: dict[int, str] = {}
        self._consenting: set[int] = set()
        self._staff: set[int] = set()
        self._register: Register | None = None
        self._scrub_for: tuple[list[int | None], set[int], list[str]] = ([], set(), [])
        self._scrub: NameScrub | None = None
        if unit is not None:
            register = self._register = Register(unit)
            self._names = register.names
            self._consenting = register.consenting
            self._staff = register.staff
            # In a staff document, officers' names typed into notes stay ("Chair: Priya
            # Shah"): the consent rule protects participants, not officers doing their job.
            kept = set(keep) | (register.staff if keep_staff else set())
            self._scrub_for = (list(person_ids), kept, list(phrases))

    def _name_scrub(self, texts: Iterable[str] | None = None) -> NameScrub:
        """The scrub, made on first use; for ``texts`` only when they are given."""
        if self._register is None:
            return NameScrub(())
        if texts is not None:
            return self._register.scrub(*self._scrub_for, texts=texts)
        if self._scrub is None:
            self._scrub = self._register.scrub(*self._scrub_for)
        return self._scrub

    def scrub(self, text: str) -> str:
        """``text`` with the names of people who may not be named replaced by "a group
        member"."""
        return self._name_scrub([text]).scrub(text)

    def scrubbed(self, content: T) -> T:
        """``content`` with every text field scrubbed (pictures, glossary and contact
        details are left alone: they are not about the people in the records). The scrub
        is built for the content's own texts (``NameScrub``'s ``texts``), once."""
        texts: list[str] = []
        _every_text(content, texts)
        return _scrub_value(content, self._name_scrub(texts).scrub)  # type: ignore[no-any-return]

    def name(self, person_id: int | None) -> str | None:
        if person_id is None or person_id not in self._consenting:
            return None
        return (self._names.get(person_id) or "").strip() or None

    def is_staff(self, person_id: int | None) -> bool:
        """Whether ``person_id`` acts in a staff role only (named in their job)."""
        return person_id is not None and person_id in self._staff

    def in_job(self, person_id: int | None) -> str | None:
        """The name of an action owner or facilitator: staff are named in their job, anyone
        else as consent allows."""
        if person_id is not None and person_id in self._staff:
            return (self._names.get(person_id) or "").strip() or None
        return self.name(person_id)

    def attributed(self, contribution: Contribution) -> str:
        speaker = contribution.speaker_id
        return attributed_name(
            contribution,
            self._names.get(speaker) if speaker is not None else None,
            speaker in self._consenting,
        )


# Fields holding a name chosen by the consent rule (never free text): not scrubbed, or a staff
# owner would lose the name the rule gives them.
_DECIDED_NAMES = {(Attendee, "name"), (ActionLine, "owner")}


def _every_text(value: object, found: list[str]) -> None:
    """Every string in ``value`` (dataclasses and tuples, all the way down) into ``found``:
    more than ``_scrub_value`` reads, never less."""
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, tuple):
        for item in value:
            _every_text(item, found)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            _every_text(getattr(value, f.name), found)


def _scrub_value(value: object, scrub: Callable[[str], str]) -> object:
    """``value`` with ``scrub`` applied to every text field."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, tuple):
        return tuple(_scrub_value(item, scrub) for item in value)
    if isinstance(value, PictureChoice | GlossaryTerm | HardWord | Contact):
        return value
    if isinstance(value, Words) and value.name_decided:
        return value  # a staff member named in their job (an action's owner)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _scrub_value(getattr(value, f.name), scrub)
            for f in fields(value)
            if (type(value), f.name) not in _DECIDED_NAMES
        }
        return replace(value, **changes)  # type: ignore[type-var]
    return value


def known_phrases(unit: UnitOfWork, meetings: Iterable[Meeting]) -> list[str]:
    """The places and group names of ``meetings``: printed whole even where a word of them is
    someone's name ("Hartmoor Town Hall" beside a Mr Hall)."""
    phrases: list[str] = []
    groups: set[int] = set()
    for meeting in meetings:
        phrases.append(meeting.place)
        groups.add(meeting.group_id)
    phrases.extend(group.name for group in unit.groups.get_many(groups))
    return [phrase for phrase in dict.fromkeys(phrases) if phrase.strip()]


def involved_people(unit: UnitOfWork, meetings: Iterable[Meeting]) -> list[int | None]:
    """Everyone at or running ``meetings``: whose names must not leak through free text."""
    meetings = list(meetings)
    ids: list[int | None] = list(
        unit.attendance.person_ids_at([m.id for m in meetings if m.id is not None])
    )
    for meeting in meetings:
        ids.extend(meeting.facilitator_ids)
    return ids


def said_by(attributed: str) -> str:
    if attributed in (GROUP_MEMBER, ""):
        return GROUP_MEMBER
    if attributed == WHOLE_GROUP:
        return "The whole group said"
    return f"{attributed} said"


def _owner(action: Action, people: ConsentNames, unnamed: str) -> str:
    if action.owner_id is None:
        return ""
    return people.in_job(action.owner_id) or unnamed


def _within(meeting: Meeting, date_from: date | None, date_to: date | None) -> bool:
    day = meeting.starts_at.date()
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)


def next_session(unit: UnitOfWork, meeting: Meeting) -> Meeting | None:
    """The group's next session after ``meeting`` (not cancelled), or None."""
    return unit.meetings.following(meeting)


def _next_meeting(candidate: Meeting | None) -> NextMeeting | None:
    if candidate is None:
        return None
    return NextMeeting(
        starts_at=candidate.starts_at,
        ends_at=candidate.ends_at,
        place=candidate.place,
        title=candidate.title,
    )


def contact_details(unit: UnitOfWork) -> Contact:
    stored = unit.settings.get(CONTACT_SETTING) or {}
    fields = ("name", "organisation", "phone", "email", "address", "other")
    return Contact(**{name: str(stored.get(name, "")) for name in fields})


def document_titles(unit: UnitOfWork, contributions: Iterable[Contribution]) -> dict[int, str]:
    """The title of the (first) document each contribution is linked to."""
    titles: dict[int, str] = {}
    wanted = unit.links.first_documents([c.id for c in contributions if c.id is not None])
    documents = {d.id: d.title for d in unit.documents.get_many(set(wanted.values()))}
    for contribution_id, document_id in wanted.items():
        titles[contribution_id] = documents.get(document_id, "")
    return titles
