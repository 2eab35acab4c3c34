"""Frozen dataclasses: the values that cross layers (store -> services -> ui and documents).

A record with ``id=None`` has not been saved yet; services fill ``id`` and ``version``.
``version`` is the optimistic-lock counter: pass back the one you read, and a save that lost a
race with another user raises ``ConflictError`` instead of overwriting their change.
Collections are tuples or frozensets so a record can never be changed behind a service's back.
Money is held in pence (int); times of day are local wall-clock time, naive ``datetime``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Generic, TypeVar

from coproduce.domain.vocabulary import (
    ActionStatus,
    ActivityKind,
    AttendanceStatus,
    Attribution,
    AuditAction,
    Cadence,
    CommunicationProfessional,
    CommunicationSupport,
    ConsentMethod,
    ConsentPurpose,
    ConsentState,
    ContactMethod,
    ContributionKind,
    CqcQualityStatement,
    DocumentKind,
    DocumentStatus,
    FeedbackMethod,
    GroupKind,
    InformationFormat,
    LadderRung,
    LinkRelation,
    MakingItRealTheme,
    MeetingAccessNeed,
    MeetingStatus,
    PaymentMethod,
    PaymentPreference,
    PictureSource,
    ResponseStatus,
    Role,
)

R = TypeVar("R")
T = TypeVar("T")

NEEDS_REVIEW_INTERVAL = timedelta(days=365)
"""Access needs are checked with the person at least once a year."""


def replace(record: R, **changes: object) -> R:
    """A copy of ``record`` with ``changes``: the way to edit a frozen record."""
    return dataclasses.replace(record, **changes)  # type: ignore[type-var]


_record = dataclass(frozen=True, slots=True, kw_only=True)


@_record
class Group:
    name: str
    kind: GroupKind = GroupKind.LIVED_EXPERIENCE
    purpose: str = ""
    cadence: Cadence = Cadence.EVERY_TWO_MONTHS
    active: bool = True
    id: int | None = None
    version: int = 0


@_record
class AccessNeeds:
    """A person's needs: the Accessible Information Standard's four groups, plus meeting access."""

    contact_methods: frozenset[ContactMethod] = frozenset()
    contact_notes: str = ""
    information_formats: frozenset[InformationFormat] = frozenset()
    large_print_size: int | None = None
    information_notes: str = ""
    communication_support: frozenset[CommunicationSupport] = frozenset()
    communication_support_notes: str = ""
    communication_professionals: frozenset[CommunicationProfessional] = frozenset()
    communication_professional_notes: str = ""
    meeting_access: frozenset[MeetingAccessNeed] = frozenset()
    meeting_access_notes: str = ""
    reviewed_on: date | None = None

    def review_due(self, today: date) -> bool:
        """Needs are on record but were never reviewed, or not within ``NEEDS_REVIEW_INTERVAL``.
        (The people list's "needs review due" filter asks the same in SQL.)"""
        if self.is_empty:
            return False
        return self.reviewed_on is None or self.reviewed_on < today - NEEDS_REVIEW_INTERVAL

    def labels(self) -> list[str]:
        """Every ticked need in words, AIS groups first, for flags and preparation lists."""
        chosen = [
            *self.contact_methods,
            *self.information_formats,
            *self.communication_support,
            *self.communication_professionals,
            *self.meeting_access,
        ]
        words = [
            f"{need.label} {self.large_print_size} pt"
            if need is InformationFormat.LARGE_PRINT and self.large_print_size
            else need.label
            for need in chosen
        ]
        return sorted(words, key=str.casefold)

    @property
    def is_empty(self) -> bool:
        return not (
            self.contact_methods
            or self.information_formats
            or self.communication_support
            or self.communication_professionals
            or self.meeting_access
            or self.contact_notes.strip()
            or self.information_notes.strip()
            or self.communication_support_notes.strip()
            or self.communication_professional_notes.strip()
            or self.meeting_access_notes.strip()
        )


@_record
class Person:
    display_name: str
    roles: frozenset[Role] = frozenset()
    organisation: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    needs: AccessNeeds = field(default_factory=AccessNeeds)
    payment_preference: PaymentPreference = PaymentPreference.NOT_SET
    active: bool = True
    left_on: date | None = None
    id: int | None = None
    version: int = 0


@_record
class Membership:
    group_id: int
    person_id: int
    joined_on: date
    left_on: date | None = None
    id: int | None = None
    version: int = 0

    def is_current(self, on: date) -> bool:
        return self.joined_on <= on and (self.left_on is None or self.left_on > on)


@_record
class Meeting:
    """A session of a group (called Meeting in code, Session on screen)."""

    group_id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str = ""
    online_link: str = ""
    facilitator_ids: tuple[int, ...] = ()
    status: MeetingStatus = MeetingStatus.PLANNED
    notes: str = ""
    easy_read: str = ""
    id: int | None = None
    version: int = 0


@_record
class AgendaItem:
    meeting_id: int
    title: str
    position: int = 0
    duration_minutes: int | None = None
    notes: str = ""
    easy_read: str = ""
    document_ids: tuple[int, ...] = ()
    id: int | None = None
    version: int = 0


@_record
class Attendance:
    meeting_id: int
    person_id: int
    status: AttendanceStatus = AttendanceStatus.EXPECTED
    apology_reason: str = ""
    arrived_late: bool = False
    left_early: bool = False
    is_guest: bool = False
    access_needs_met: bool | None = None
    note: str = ""
    id: int | None = None
    version: int = 0


@_record
class Contribution:
    meeting_id: int
    text: str
    kind: ContributionKind = ContributionKind.IDEA
    attribution: Attribution = Attribution.ANONYMOUS
    speaker_id: int | None = None
    agenda_item_id: int | None = None
    themes: frozenset[MakingItRealTheme] = frozenset()
    quality_statements: frozenset[CqcQualityStatement] = frozenset()
    easy_read: str = ""
    in_summary: bool = False
    captured_at: datetime | None = None
    id: int | None = None
    version: int = 0


@_record
class Document:
    title: str
    kind: DocumentKind = DocumentKind.STRATEGY
    owner: str = ""
    status: DocumentStatus = DocumentStatus.IN_DEVELOPMENT
    edition: str = ""
    review_on: date | None = None
    location: str = ""
    summary: str = ""
    planned_rung: LadderRung | None = None
    id: int | None = None
    version: int = 0


@_record
class Section:
    document_id: int
    heading: str
    number: str = ""
    position: int = 0
    id: int | None = None
    version: int = 0


@_record
class Link:
    contribution_id: int
    document_id: int
    section_id: int | None = None
    relation: LinkRelation = LinkRelation.CONSIDERED
    note: str = ""
    id: int | None = None
    version: int = 0


@_record
class Response:
    """What happened to one contribution ("You said, we did")."""

    contribution_id: int
    status: ResponseStatus = ResponseStatus.NOT_ANSWERED
    text: str = ""
    easy_read: str = ""
    section_id: int | None = None
    reason: str = ""
    referred_to: str = ""
    decided_by: str = ""
    decided_on: date | None = None
    fed_back_on: date | None = None
    fed_back_how: FeedbackMethod | None = None
    id: int | None = None
    version: int = 0


@_record
class LadderAssessment:
    document_id: int
    rung: LadderRung
    assessed_on: date
    planned_rung: LadderRung | None = None
    assessor_name: str = ""
    assessor_id: int | None = None
    assessor_is_participant: bool = False
    evidence: str = ""
    rationale: str = ""
    evidence_meeting_ids: tuple[int, ...] = ()
    evidence_contribution_ids: tuple[int, ...] = ()
    evidence_response_ids: tuple[int, ...] = ()
    # The guided questions' answers, (question key, answer code) in the questions' order, and
    # the rung they suggested; empty when the rung was chosen without the questions.
    answers: tuple[tuple[str, str], ...] = ()
    suggested_rung: LadderRung | None = None
    id: int | None = None
    version: int = 0


@_record
class Action:
    meeting_id: int
    text: str
    owner_id: int | None = None
    due_on: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    done_on: date | None = None
    note: str = ""
    easy_read: str = ""
    id: int | None = None
    version: int = 0

    def is_overdue(self, today: date) -> bool:
        """Still open and due before today (an action due today is not overdue yet)."""
        return self.status.is_open and self.due_on is not None and self.due_on < today


# What a line about something else shows of a session, a group or a person: read with that
# line in one query, not as whole records (a list of 2,000 actions needs only these).


@dataclass(frozen=True, slots=True)
class SessionTitle:
    id: int
    title: str
    starts_at: datetime
    group_id: int


@dataclass(frozen=True, slots=True)
class GroupName:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person named on a line, with the access needs to mention beside the name, or the
    roles (where a choice of people says who facilitates)."""

    id: int
    display_name: str
    needs: AccessNeeds = field(default_factory=AccessNeeds)
    roles: frozenset[Role] = frozenset()


@_record
class InvolvementActivity:
    kind: ActivityKind
    title: str
    on: date
    hours: Decimal = Decimal("0")
    person_ids: tuple[int, ...] = ()
    group_id: int | None = None
    notes: str = ""
    id: int | None = None
    version: int = 0


@_record
class Payment:
    person_id: int
    activity_id: int | None = None
    meeting_id: int | None = None
    hours: Decimal = Decimal("0")
    rate_pence: int = 0
    amount_pence: int = 0
    expenses_pence: int = 0
    method: PaymentMethod | None = None
    paid_on: date | None = None
    declined: bool = False
    note: str = ""
    id: int | None = None
    version: int = 0


@_record
class Consent:
    """One consent decision. Decisions are never edited: a change is a new record, so the
    history stays; the newest record per person and purpose is the one in force."""

    person_id: int
    purpose: ConsentPurpose
    state: ConsentState
    on: date
    method: ConsentMethod = ConsentMethod.VERBAL
    recorded_by: str = ""
    note: str = ""
    id: int | None = None


@_record
class GlossaryTerm:
    """A hard word, its plainer alternative and a one-sentence easy explanation."""

    term: str
    plain: str = ""
    explanation: str = ""
    id: int | None = None
    version: int = 0


@_record
class PictureChoice:
    """The picture for a concept: a library icon (``reference`` is a qtawesome name such as
    'fa5s.home') or the user's own image file (``reference`` is its path), with alt text."""

    concept: str
    source: PictureSource
    reference: str
    alt_text: str
    id: int | None = None
    version: int = 0


@_record
class AuditEvent:
    """Who changed which record when. Holds no personal free text by design: ``details``
    (JSON) is only set for an export, and holds its kind, format, record ids, dates, table
    names and row counts."""

    at: datetime
    actor: str
    action: AuditAction
    record_type: str
    record_id: int
    details: str = ""
    id: int | None = None


@_record
class Page(Generic[T]):
    """One page of a listing: ``items`` and the total count that matched the filters."""

    items: tuple[T, ...]
    total: int
    offset: int = 0
