"""Demo data: a believable council's groups, people, sessions, what was said and what came of it.

``build_demo(database, "small" | "large")`` fills an EMPTY database, for trying the program,
for training and for the benchmarks:

- small: 3 groups, 60 people, 12 sessions over the last year, 300 contributions, 15 documents;
- large: 20 groups, 2,000 people, 1,000 sessions over two years, 100,000 contributions and 300
  documents: a large county council's whole involvement programme.

Both have memberships, attendance (with apologies and reasons), agenda items about documents,
sections, links from contributions to documents, responses ("you said, we did"), action logs,
ladder histories (some drifting below their plan), consent decisions, access needs,
involvement activities and payments, in the proportions a real programme has. The words come
from ``demo_content`` and its topic files. Whatever an easy-read handout prints has easy-read
words of its own: each contribution by kind, each answer (what changed, what already happens,
the reason, who it was passed to), actions, agenda items ("We will ..."), what each session
was for, and the facilitator's choice of 6 to 14 points for each session's summary. The
"Contact us" page gets an invented person and team.

Deterministic: each size has its own seeded ``random.Random`` and every date is counted from
``today`` (default 1 November 2026), so the same size gives the same rows every time, on any
machine. Nothing iterates a set, whose order would change with Python's hash seed. The last
session or few of each group is still planned, after ``today``. The one exception is the time
on the audit events below: it is the real time the demo was made, because that is the truth.

The rows respect the services' rules: a contribution attributed to a person is by someone marked
present at that session; "not taken forward" always has a reason and "outside our scope" says
where it was referred; contradictory access needs never occur.

The rows go in through ``store.bulk`` in one transaction (a few seconds for the large size),
not record by record through the services (many minutes). For the same reason there is no
audit event per row: the audit log gets one "created" event per group, by "Coproduce demo
data", so anyone reading the log can see where all this came from without wading through half
a million lines.
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from coproduce.domain.calendar_words import MONTHS
from coproduce.domain.errors import ValidationError
from coproduce.domain.vocabulary import (
    ActionStatus,
    ActivityKind,
    AttendanceStatus,
    Attribution,
    AuditAction,
    Cadence,
    CommunicationSupport,
    ConsentMethod,
    ConsentPurpose,
    ConsentState,
    ContactMethod,
    ContributionKind,
    DocumentKind,
    DocumentStatus,
    FeedbackMethod,
    GroupKind,
    InformationFormat,
    LinkRelation,
    MeetingStatus,
    PaymentMethod,
    PaymentPreference,
    ResponseStatus,
    Role,
)
from coproduce.services import demo_content as words
from coproduce.store import bulk
from coproduce.store.contributions import CQC, THEME
from coproduce.store.database import Database
from coproduce.store.text import sort_key
from coproduce.store.unit_of_work import Store

ANCHOR = date(2026, 11, 1)
DEMO_ACTOR = "Coproduce demo data"
CONTACT_SETTING = "documents.contact"
"""The setting ``services.reports.contact_details`` reads the handouts' "Contact us" from."""
REFUSAL = (
    "The database already has data; demo data only goes into an empty database. "
    "Create a new database for the demo instead."
)

# Every table the demo writes, except the audit log (which may already hold events, and whose
# ids the database assigns).
DEMO_TABLES = (
    "groups",
    "people",
    "person_roles",
    "person_needs",
    "memberships",
    "consents",
    "documents",
    "sections",
    "meetings",
    "meeting_facilitators",
    "agenda_items",
    "agenda_item_documents",
    "attendance",
    "contributions",
    "contribution_tags",
    "links",
    "responses",
    "actions",
    "ladder_assessments",
    "ladder_evidence",
    "involvement_activities",
    "activity_participants",
    "payments",
)


@dataclass(frozen=True, slots=True)
class DemoSize:
    groups: int
    people: int
    sessions: int
    contributions: int
    documents: int
    activities: int
    years: int
    """How far back the sessions go."""
    members: dict[GroupKind, tuple[int, int]]
    """Smallest and largest membership of a group of each kind."""


SIZES: dict[str, DemoSize] = {
    "small": DemoSize(
        groups=3,
        people=60,
        sessions=12,
        contributions=300,
        documents=15,
        activities=5,
        years=1,
        members={
            GroupKind.LIVED_EXPERIENCE: (20, 24),
            GroupKind.CARERS_FORUM: (16, 20),
            GroupKind.STAFF_ENGAGEMENT: (10, 13),
            GroupKind.BOARD: (12, 16),
            GroupKind.TASK_AND_FINISH: (10, 14),
        },
    ),
    "large": DemoSize(
        groups=20,
        people=2000,
        sessions=1000,
        contributions=100_000,
        documents=300,
        activities=150,
        years=2,
        members={
            GroupKind.LIVED_EXPERIENCE: (60, 110),
            GroupKind.CARERS_FORUM: (60, 120),
            GroupKind.STAFF_ENGAGEMENT: (60, 90),
            GroupKind.BOARD: (20, 35),
            GroupKind.TASK_AND_FINISH: (20, 40),
        },
    ),
}


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """How many of each thing the demo created."""

    groups: int
    people: int
    memberships: int
    sessions: int
    agenda_items: int
    attendance: int
    contributions: int
    links: int
    responses: int
    documents: int
    sections: int
    ladder_assessments: int
    actions: int
    consents: int
    people_with_access_needs: int
    activities: int
    payments: int


Progress = Callable[[str, int, int], None]
"""Called while rows are written: (table name, rows written so far, rows in total). Raising
from it cancels the build and leaves the database as it was."""


def build_demo(
    database: Database,
    size: str,
    *,
    today: date = ANCHOR,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo data of ``size`` ("small" or "large")."""
    plan = SIZES.get(size)
    if plan is None:
        raise ValidationError(
            f"There is no demo size called {size!r}. Choose one of: {', '.join(SIZES)}.", "size"
        )
    # Refuse before spending seconds generating; the insert checks again inside its
    # transaction, in case someone else started using the database in between.
    if bulk.tables_with_rows(database, DEMO_TABLES):
        raise ValidationError(REFUSAL)
    demo = _Demo(plan, random.Random(f"coproduce demo {size}"), today)
    rows = demo.build()
    with Store(database, DEMO_ACTOR).reading() as unit:
        if unit.settings.get(CONTACT_SETTING) is not None:
            rows["settings"] = []  # contact details someone has set already stay as they are
    try:
        bulk.insert_rows(database, rows, require_empty=DEMO_TABLES, progress=progress)
    except bulk.NotEmptyError:
        raise ValidationError(REFUSAL) from None
    return demo.summary()


def demo_rows(size: str, *, today: date = ANCHOR) -> dict[str, list[dict[str, Any]]]:
    """The rows ``build_demo`` would write for ``size``, table by table, written nowhere (for
    checking the data itself, and for benchmarks)."""
    return _Demo(SIZES[size], random.Random(f"coproduce demo {size}"), today).build()


# --- the generator ---------------------------------------------------------------------------

PARTICIPANT = "participant"
STAFF = "staff"
FACILITATOR = "facilitator"
PARTNER = "partner"
ADVOCATE = "advocate"

# Who makes up each kind of group (besides its facilitators), as shares of its members.
GROUP_MIX: dict[GroupKind, tuple[tuple[str, float], ...]] = {
    GroupKind.LIVED_EXPERIENCE: (("expert", 0.75), ("carer", 0.12), (ADVOCATE, 0.05),
                                 (STAFF, 0.08)),
    GroupKind.CARERS_FORUM: (("carer", 0.85), (STAFF, 0.10), (PARTNER, 0.05)),
    GroupKind.STAFF_ENGAGEMENT: ((STAFF, 0.85), ("expert", 0.15)),
    GroupKind.BOARD: (("expert", 0.40), ("carer", 0.20), (STAFF, 0.25), (PARTNER, 0.15)),
    GroupKind.TASK_AND_FINISH: (("expert", 0.50), ("carer", 0.20), (STAFF, 0.20),
                                (PARTNER, 0.10)),
}  # fmt: skip

PLANNED_RUNGS = {
    DocumentKind.STRATEGY: (5, 6, 6, 7),
    DocumentKind.POLICY: (4, 4, 5, 6),
    DocumentKind.PRACTICE_STANDARD: (5, 6, 6),
    DocumentKind.SERVICE_DESIGN: (6, 6, 7),
    DocumentKind.PROJECT: (5, 6, 7, 7),
}


class _Weighted:
    """Values with weights, for ``random.choices``; cumulative weights worked out once."""

    __slots__ = ("cumulative", "values")

    def __init__(self, *pairs: tuple[Any, float]) -> None:
        self.values = tuple(value for value, _ in pairs)
        self.cumulative = tuple(itertools.accumulate(weight for _, weight in pairs))


CONTRIBUTION_KINDS = _Weighted(
    (ContributionKind.IDEA, 25),
    (ContributionKind.CONCERN, 23),
    (ContributionKind.QUESTION, 17),
    (ContributionKind.EXPERIENCE, 21),
    (ContributionKind.PRAISE, 7),
    (ContributionKind.DECISION, 7),
)
# How many contributions of a held session the facilitator puts in its easy-read summary.
SUMMARY_LEAST, SUMMARY_MOST, SUMMARY_SHARE = 6, 14, 0.25
IDEA_ATTRIBUTIONS = _Weighted(
    (Attribution.PERSON, 70), (Attribution.ANONYMOUS, 15), (Attribution.WHOLE_GROUP, 15)
)
PAYMENT_PREFERENCES = _Weighted(
    (PaymentPreference.BANK_TRANSFER, 45),
    (PaymentPreference.VOUCHER, 22),
    (PaymentPreference.CHEQUE, 5),
    (PaymentPreference.DECLINES_PAYMENT, 10),
    (PaymentPreference.NOT_SET, 18),
)
DOCUMENT_STATUSES = _Weighted(
    (DocumentStatus.APPROVED, 35),
    (DocumentStatus.IN_DEVELOPMENT, 22),
    (DocumentStatus.CONSULTATION, 10),
    (DocumentStatus.IN_REVIEW, 23),
    (DocumentStatus.ARCHIVED, 10),
)
CONSENT_METHODS = _Weighted(
    (ConsentMethod.WRITTEN_FORM, 45),
    (ConsentMethod.VERBAL, 25),
    (ConsentMethod.EMAIL, 15),
    (ConsentMethod.PHONE, 15),
)
DOCUMENTS_PER_ITEM = _Weighted((1, 70), (2, 15), (0, 15))
OVERDUE_ACTION_STATUSES = _Weighted(
    (ActionStatus.DONE, 65),
    (ActionStatus.DROPPED, 8),
    (ActionStatus.IN_PROGRESS, 12),
    (ActionStatus.OPEN, 15),
)
RECENT_ACTION_STATUSES = _Weighted(
    (ActionStatus.OPEN, 60), (ActionStatus.IN_PROGRESS, 30), (ActionStatus.DONE, 10)
)
ASSESSMENTS_PER_DOCUMENT = _Weighted((0, 8), (1, 30), (2, 30), (3, 20), (4, 12))
ACTIVITY_KINDS = _Weighted(
    (ActivityKind.INTERVIEW_PANEL, 30),
    (ActivityKind.CO_DELIVERED_TRAINING, 25),
    (ActivityKind.STAFF_INDUCTION, 15),
    (ActivityKind.AUDIT, 15),
    (ActivityKind.WORKSHOP, 15),
)

# How answers build up as contributions age: (younger than so many days, status weights).
_R = ResponseStatus
RESPONSE_BANDS: tuple[tuple[float, _Weighted], ...] = (
    (
        21,
        _Weighted((_R.NOT_ANSWERED, 45), (_R.UNDER_CONSIDERATION, 45), (_R.ALREADY_HAPPENING, 10)),
    ),
    (
        90,
        _Weighted(
            (_R.NOT_ANSWERED, 10),
            (_R.UNDER_CONSIDERATION, 35),
            (_R.CHANGED_DOCUMENT, 20),
            (_R.ALREADY_HAPPENING, 15),
            (_R.NOT_TAKEN_FORWARD, 10),
            (_R.OUTSIDE_SCOPE, 10),
        ),
    ),
    (
        float("inf"),
        _Weighted(
            (_R.NOT_ANSWERED, 4),
            (_R.UNDER_CONSIDERATION, 12),
            (_R.CHANGED_DOCUMENT, 36),
            (_R.ALREADY_HAPPENING, 20),
            (_R.NOT_TAKEN_FORWARD, 15),
            (_R.OUTSIDE_SCOPE, 13),
        ),
    ),
)

SESSION_PAY_RATE = 2000  # pence an hour
ACTIVITY_PAY_RATE = 2500

NEED_FIELDS = (
    ("contact", "contact_method"),
    ("formats", "information_format"),
    ("support", "communication_support"),
    ("professionals", "communication_professional"),
    ("access", "meeting_access"),
)

PAYMENT_METHODS = {
    PaymentPreference.BANK_TRANSFER: PaymentMethod.BANK_TRANSFER,
    PaymentPreference.VOUCHER: PaymentMethod.VOUCHER,
    PaymentPreference.CHEQUE: PaymentMethod.CHEQUE,
}


@dataclass(slots=True, eq=False)
class _Person:
    id: int
    name: str
    first: str
    kind: str  # expert, carer, staff, facilitator, partner, advocate
    talk: float
    profile: words.NeedsProfile | None = None
    preference: PaymentPreference = PaymentPreference.NOT_ELIGIBLE
    left_on: date | None = None
    memberships: list[_Membership] = field(default_factory=list)

    @property
    def is_participant(self) -> bool:
        return self.kind in ("expert", "carer")


@dataclass(slots=True, eq=False)
class _Membership:
    id: int
    group: int
    person: _Person
    joined_on: date
    left_on: date | None = None

    def current(self, day: date) -> bool:
        return self.joined_on <= day and (self.left_on is None or self.left_on > day)


@dataclass(slots=True, eq=False)
class _Document:
    id: int
    topic: words.Topic
    title: str
    kind: DocumentKind
    planned_rung: int | None
    archived: bool
    sections: dict[str, tuple[int, str]] = field(default_factory=dict)
    """Heading -> (id, number) of the topic's own sections, the ones people's points land in."""
    discussed: list[tuple[date, int, int]] = field(default_factory=list)
    """(session date, session id, group index) of each held session that had it on the agenda."""
    contributions: list[tuple[date, int]] = field(default_factory=list)
    times_on_agenda: dict[int, int] = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class _Item:
    id: int
    topic: words.Topic
    documents: list[_Document]


@dataclass(slots=True, eq=False)
class _Session:
    id: int
    group: int
    starts_at: datetime
    ends_at: datetime
    status: MeetingStatus
    items: list[_Item] = field(default_factory=list)
    aob: int = 0
    present: list[_Person] = field(default_factory=list)
    said: set[tuple[str, ContributionKind, int]] = field(default_factory=set)
    """Points already made (topic, kind, which one), so few are made twice."""
    points: int = 0
    """How many different points the session's topics offer."""
    candidates: list[tuple[int, float, int, str, int]] = field(default_factory=list)
    """Its contributions as the facilitator weighs them for the easy-read summary: (rank,
    keenness, row in the contributions table, easy words, agenda item id)."""

    @property
    def day(self) -> date:
        return self.starts_at.date()


class _Demo:
    def __init__(self, size: DemoSize, rng: random.Random, today: date) -> None:
        self.size = size
        self.rng = rng
        self.today = today
        self.start = _add_months(today, -12 * size.years)
        self.plans = words.GROUPS[: size.groups]
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in DEMO_TABLES}
        self.rows["audit_events"] = []
        self.rows["settings"] = [{"key": CONTACT_SETTING, "value": json.dumps(words.CONTACT)}]
        self.people: list[_Person] = []
        self.by_kind: dict[str, list[_Person]] = {}
        self.facilitators_of: list[list[_Person]] = []
        self.members_of: list[list[_Membership]] = []
        self.documents: list[_Document] = []
        self.documents_by_topic: dict[str, list[_Document]] = {}
        self.sessions: list[_Session] = []
        self.session_days: list[list[date]] = []
        self.first_session: list[date] = []

    def build(self) -> dict[str, list[dict[str, Any]]]:
        self._people()
        self._groups()
        self._documents()
        self._schedule()
        self._memberships()
        self._consents()
        self._agendas()
        self._attendance()
        self._contributions()
        self._actions()
        self._ladder()
        self._activities()
        self._session_notes()
        return self.rows

    def summary(self) -> DemoSummary:
        rows = self.rows
        return DemoSummary(
            groups=len(rows["groups"]),
            people=len(rows["people"]),
            memberships=len(rows["memberships"]),
            sessions=len(rows["meetings"]),
            agenda_items=len(rows["agenda_items"]),
            attendance=len(rows["attendance"]),
            contributions=len(rows["contributions"]),
            links=len(rows["links"]),
            responses=len(rows["responses"]),
            documents=len(rows["documents"]),
            sections=len(rows["sections"]),
            ladder_assessments=len(rows["ladder_assessments"]),
            actions=len(rows["actions"]),
            consents=len(rows["consents"]),
            people_with_access_needs=sum(1 for p in self.people if p.profile is not None),
            activities=len(rows["involvement_activities"]),
            payments=len(rows["payments"]),
        )

    # --- helpers ---------------------------------------------------------------------------

    def _chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def _pick(self, weighted: _Weighted) -> Any:
        return self.rng.choices(weighted.values, cum_weights=weighted.cumulative)[0]

    def _day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    # --- people ----------------------------------------------------------------------------

    def _people(self) -> None:
        rng, n = self.rng, self.size.people
        facilitators = max(2, self.size.groups // 2 + 1)
        staff = round(n * 0.15)
        partners = round(n * 0.06)
        advocates = max(2, round(n * 0.03))
        carers = round(n * 0.27)
        experts = n - facilitators - staff - partners - advocates - carers
        kinds = (
            [FACILITATOR] * facilitators
            + [STAFF] * staff
            + [PARTNER] * partners
            + [ADVOCATE] * advocates
            + ["carer"] * carers
            + ["expert"] * experts
        )
        # Facilitators first (they run the groups); everyone else in a mixed order.
        rest = kinds[facilitators:]
        rng.shuffle(rest)
        kinds = kinds[:facilitators] + rest
        firsts, lasts = words.FIRST_NAMES, words.SURNAMES
        chosen = rng.sample(range(len(firsts) * len(lasts)), n)
        for index, (kind, combination) in enumerate(zip(kinds, chosen, strict=True)):
            first, last = firsts[combination // len(lasts)], lasts[combination % len(lasts)]
            person = _Person(
                id=index + 1,
                name=f"{first} {last}",
                first=first,
                kind=kind,
                talk=rng.uniform(0.3, 2.0),
            )
            self.people.append(person)
            self.by_kind.setdefault(kind, []).append(person)
            self._person_rows(person, last)

    def _person_rows(self, person: _Person, last: str) -> None:
        rng = self.rng
        kind = person.kind
        roles = {
            "expert": [Role.EXPERT_BY_EXPERIENCE],
            "carer": [Role.UNPAID_CARER],
            STAFF: [Role.STAFF],
            FACILITATOR: [Role.FACILITATOR, Role.STAFF],
            PARTNER: [Role.PARTNER],
            ADVOCATE: [Role.ADVOCATE],
        }[kind]
        if kind == "expert" and self._chance(0.12):
            roles.append(Role.UNPAID_CARER)
        elif kind == "carer" and self._chance(0.10):
            roles.append(Role.EXPERT_BY_EXPERIENCE)
        for role in roles:
            self.rows["person_roles"].append({"person_id": person.id, "role": role.value})

        if self._chance(0.40 if person.is_participant else 0.07):
            profiles = words.NEEDS_PROFILES
            person.profile = rng.choices(profiles, [p.weight for p in profiles])[0]
        profile = person.profile
        notes = dict(profile.notes) if profile else {}
        if profile:
            for attribute, category in NEED_FIELDS:
                for member in getattr(profile, attribute):
                    self.rows["person_needs"].append(
                        {"person_id": person.id, "category": category, "code": member.value}
                    )

        local = _ascii(f"{person.first}.{last}").lower().replace(" ", "").replace("'", "")
        if kind in (STAFF, FACILITATOR):
            organisation = (
                words.FACILITATOR_TEAM if kind == FACILITATOR else rng.choice(words.STAFF_TEAMS)
            )
            email = f"{local}@{words.STAFF_EMAIL_DOMAIN}"
            phone = f"01632 960{rng.randint(0, 999):03d}"
            address = ""
        elif kind in (PARTNER, ADVOCATE):
            organisation = rng.choice(
                words.PARTNER_ORGANISATIONS if kind == PARTNER else words.ADVOCACY_ORGANISATIONS
            )
            slug = _ascii(organisation).lower().replace("'", "").replace(" ", "-")
            email = f"{local}@{slug}.example"
            phone = f"07700 900{rng.randint(0, 999):03d}"
            address = ""
        else:
            organisation = ""
            email = ""
            if self._chance(0.55) and not (profile and ContactMethod.TEXT_ONLY in profile.contact):
                email = (
                    f"{local.split('.')[0]}{last[:1].lower()}{rng.randint(1, 99)}"
                    f"@{rng.choice(words.PERSONAL_EMAIL_DOMAINS)}"
                )
            phone = ""
            if self._chance(0.75):
                phone = (
                    f"07700 900{rng.randint(0, 999):03d}"
                    if self._chance(0.7)
                    else f"01632 960{rng.randint(0, 999):03d}"
                )
            wants_letters = profile is not None and ContactMethod.LETTER in profile.contact
            address = ""
            if wants_letters or self._chance(0.35):
                address = (
                    f"{rng.randint(1, 140)} {rng.choice(words.STREETS)}, "
                    f"{rng.choice(words.LOCALITIES)}, {words.AREA} "
                    f"HM{rng.randint(1, 9)} {rng.randint(1, 9)}"
                    f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                )
            person.preference = self._pick(PAYMENT_PREFERENCES)
        self.rows["people"].append(
            {
                "id": person.id,
                "display_name": person.name,
                "sort_name": sort_key(person.name),
                "organisation": organisation,
                "email": email,
                "phone": phone,
                "postal_address": address,
                "contact_notes": notes.get("contact_notes", ""),
                "large_print_size": (
                    rng.choice(profile.large_print_sizes)
                    if profile and profile.large_print_sizes
                    else None
                ),
                "information_notes": notes.get("information_notes", ""),
                "communication_support_notes": notes.get("communication_support_notes", ""),
                "communication_professional_notes": notes.get(
                    "communication_professional_notes", ""
                ),
                "meeting_access_notes": notes.get("meeting_access_notes", ""),
                "needs_reviewed_on": (
                    self.today - timedelta(days=rng.randint(20, 600)) if profile else None
                ),
                "payment_preference": person.preference.value,
                "active": True,
                "left_on": None,
            }
        )

    # --- groups ----------------------------------------------------------------------------

    def _groups(self) -> None:
        facilitators = self.by_kind[FACILITATOR]
        now = datetime.now().replace(microsecond=0)
        for index, plan in enumerate(self.plans):
            self.rows["groups"].append(
                {
                    "id": index + 1,
                    "name": plan.name,
                    "kind": plan.kind.value,
                    "purpose": plan.purpose,
                    "cadence": plan.cadence.value,
                    "active": True,
                }
            )
            # The one trace in the audit log: when the demo created each group, and by what.
            self.rows["audit_events"].append(
                {
                    "at": now,
                    "actor": DEMO_ACTOR,
                    "action": AuditAction.CREATED.value,
                    "record_type": "group",
                    "record_id": index + 1,
                }
            )
            lead = facilitators[index % len(facilitators)]
            team = [lead]
            if self._chance(0.3):
                other = facilitators[(index + 1) % len(facilitators)]
                if other is not lead:
                    team.append(other)
            self.facilitators_of.append(team)

    # --- documents -------------------------------------------------------------------------

    def _documents(self) -> None:
        rng = self.rng
        topic_order: list[str] = []
        for plan in words.GROUPS:  # topics of the groups in this size first
            for key in plan.topics:
                if key not in topic_order:
                    topic_order.append(key)
        topics = [words.TOPICS[key] for key in topic_order]
        # One document of each topic in turn, so even the small demo covers every topic its
        # groups talk about; then the same documents again for each locality.
        base = [
            (topic, topic.documents[round_])
            for round_ in range(max(len(t.documents) for t in topics))
            for topic in topics
            if round_ < len(topic.documents)
        ]
        candidates = [(topic, document, "") for topic, document in base] + [
            (topic, document, locality) for locality in words.LOCALITIES for topic, document in base
        ]
        section_id = 0
        for index, (topic, source, locality) in enumerate(candidates[: self.size.documents]):
            status = self._pick(DOCUMENT_STATUSES)
            edition = {
                DocumentStatus.APPROVED: f"Version {rng.randint(1, 3)}.{rng.randint(0, 4)}",
                DocumentStatus.IN_DEVELOPMENT: f"Draft {rng.randint(1, 5)}",
                DocumentStatus.CONSULTATION: "Consultation draft",
                DocumentStatus.IN_REVIEW: f"Version 1.{rng.randint(0, 6)}, being reviewed",
                DocumentStatus.ARCHIVED: f"Version {rng.randint(1, 2)}.0, replaced",
            }[status]
            review_on = {
                DocumentStatus.APPROVED: self.today + timedelta(days=rng.randint(60, 900)),
                DocumentStatus.IN_REVIEW: self.today - timedelta(days=rng.randint(0, 60)),
                DocumentStatus.CONSULTATION: self.today + timedelta(days=rng.randint(20, 90)),
            }.get(status)
            title = f"{source.title}: {locality} locality" if locality else source.title
            planned = rng.choice(PLANNED_RUNGS[source.kind]) if self._chance(0.92) else None
            document = _Document(
                id=index + 1,
                topic=topic,
                title=title,
                kind=source.kind,
                planned_rung=planned,
                archived=status is DocumentStatus.ARCHIVED,
            )
            self.documents.append(document)
            self.documents_by_topic.setdefault(topic.key, []).append(document)
            self.rows["documents"].append(
                {
                    "id": document.id,
                    "title": title,
                    "kind": source.kind.value,
                    "owner": topic.owner,
                    "status": status.value,
                    "edition": edition,
                    "review_on": review_on,
                    "location": (
                        f"SharePoint: Adult Social Care/"
                        f"{words.DOCUMENT_FOLDERS[source.kind]}/{title}.docx"
                    ),
                    "summary": source.summary
                    + (f" This edition covers the {locality} locality." if locality else ""),
                    "planned_rung": planned,
                }
            )
            position = 0
            parent = ""
            # The sections the topic's issues belong under, and sometimes one more.
            wanted = {issue.section for issue in topic.issues}
            extra = [h for h in topic.sections if h not in wanted]
            if extra and self._chance(0.5):
                wanted.add(rng.choice(extra))
            own = [heading for heading in topic.sections if heading in wanted]
            for entry in words.SECTION_OUTLINES[source.kind]:
                headings: list[tuple[str, str, bool]]
                if entry == "*":
                    headings = [
                        (f"{parent}.{n}", heading, True) for n, heading in enumerate(own, 1)
                    ]
                else:
                    parent = entry[0]
                    headings = [(entry[0], entry[1], False)]
                for number, heading, topical in headings:
                    section_id += 1
                    self.rows["sections"].append(
                        {
                            "id": section_id,
                            "document_id": document.id,
                            "position": position,
                            "number": number,
                            "heading": heading,
                        }
                    )
                    position += 1
                    if topical:
                        document.sections[heading] = (section_id, number)

    # --- sessions --------------------------------------------------------------------------

    def _schedule(self) -> None:
        """Each group's session dates: its cadence back from just after ``today``."""
        counts = [_sessions_in(plan.cadence, self.size.years) for plan in self.plans]
        # Keep the promised total exactly, whatever the cadences add up to.
        busiest = counts.index(max(counts))
        counts[busiest] += self.size.sessions - sum(counts)
        days_of: list[list[date]] = []
        for index, (plan, count) in enumerate(zip(self.plans, counts, strict=True)):
            cadence = plan.cadence
            future = 3 if cadence is Cadence.WEEKLY else 2 if cadence is Cadence.FORTNIGHTLY else 1
            future = min(future, count - 1)
            past = count - future
            if cadence.weeks:
                first_future = self.today + timedelta(days=1)
                while first_future.weekday() != plan.weekday:
                    first_future += timedelta(days=1)
                step = timedelta(weeks=cadence.weeks)
                days = [first_future + step * (j - past) for j in range(count)]
            else:
                nth = 1 + index % 3
                month = date(self.today.year, self.today.month, 1)
                if _nth_weekday(month, plan.weekday, nth) <= self.today:
                    month = _add_months(month, 1)
                days = [
                    _nth_weekday(_add_months(month, cadence.months * (j - past)), plan.weekday, nth)
                    for j in range(count)
                ]
            days_of.append(days)
        session_id = 0
        for index, (plan, days) in enumerate(zip(self.plans, days_of, strict=True)):
            self.first_session.append(days[0])
            held_days = []
            for day in days:
                session_id += 1
                starts_at = datetime.combine(day, time(*plan.start))
                ends_at = starts_at + timedelta(minutes=plan.minutes)
                age = (self.today - day).days
                if day > self.today:
                    status = MeetingStatus.PLANNED
                elif self._chance(0.03):
                    status = MeetingStatus.CANCELLED
                elif age <= 14:
                    status = MeetingStatus.HELD
                elif age <= 45 or self._chance(0.12):
                    status = MeetingStatus.WRITTEN_UP
                else:
                    status = MeetingStatus.SUMMARY_SHARED
                if status is not MeetingStatus.CANCELLED:
                    held_days.append(day)
                self.sessions.append(_Session(session_id, index, starts_at, ends_at, status))
                slug = _ascii(plan.name).lower().replace("'", "").replace(" ", "-")
                hybrid = not plan.online and self._chance(0.15)
                self.rows["meetings"].append(
                    {
                        "id": session_id,
                        "group_id": index + 1,
                        "title": f"{plan.name}, {day.day} {MONTHS[day.month - 1]} {day.year}",
                        "starts_at": starts_at,
                        "ends_at": ends_at,
                        "place": plan.venue,
                        "online_link": (
                            words.ONLINE_LINK.format(slug=slug) if plan.online or hybrid else ""
                        ),
                        "status": status.value,
                        "notes": "",
                        "easy_read": "",
                    }
                )
                for position, person in enumerate(self.facilitators_of[index]):
                    self.rows["meeting_facilitators"].append(
                        {"meeting_id": session_id, "person_id": person.id, "position": position}
                    )
            self.session_days.append(held_days)

    # --- memberships -----------------------------------------------------------------------

    def _memberships(self) -> None:
        rng = self.rng
        pools = {
            "expert": self.by_kind.get("expert", []),
            "carer": self.by_kind.get("carer", []),
            STAFF: self.by_kind.get(STAFF, []),
            PARTNER: self.by_kind.get(PARTNER, []),
            ADVOCATE: self.by_kind.get(ADVOCATE, []),
        }
        order = {person.id: rng.random() for person in self.people}
        membership_id = 0
        for index, plan in enumerate(self.plans):
            low, high = self.size.members[plan.kind]
            wanted = rng.randint(low, high)
            chosen: list[_Person] = list(self.facilitators_of[index])
            for kind, share in GROUP_MIX[plan.kind]:
                # The least-involved people first, so most of the register belongs somewhere.
                pool = sorted(
                    (p for p in pools[kind] if p not in chosen),
                    key=lambda p: (len(p.memberships), order[p.id]),
                )
                chosen.extend(pool[: round(wanted * share)])
            first = self.first_session[index]
            members = []
            for person in chosen:
                membership_id += 1
                if person.kind == FACILITATOR or self._chance(0.8):
                    joined = first - timedelta(days=rng.randint(7, 200))
                else:
                    joined = self._day_between(first, self.today - timedelta(days=30))
                left = None
                if person.kind != FACILITATOR and self._chance(0.08):
                    left = self._day_between(
                        joined + timedelta(days=60), self.today - timedelta(days=7)
                    )
                    if left <= joined:
                        left = None
                membership = _Membership(membership_id, index, person, joined, left)
                person.memberships.append(membership)
                members.append(membership)
            self.members_of.append(members)

        # Some participants have left the programme altogether: archived, memberships ended.
        for person in self.people:
            if not person.is_participant or not person.memberships or not self._chance(0.05):
                continue
            left = self._day_between(self.start + timedelta(days=90), self.today - timedelta(14))
            for membership in person.memberships:
                if membership.joined_on < left:
                    membership.left_on = min(membership.left_on or left, left)
                else:
                    membership.joined_on, membership.left_on = left - timedelta(days=30), left
            person.left_on = left
            row = self.rows["people"][person.id - 1]
            row["active"], row["left_on"] = False, left

        for members in self.members_of:
            for m in members:
                self.rows["memberships"].append(
                    {
                        "id": m.id,
                        "group_id": m.group + 1,
                        "person_id": m.person.id,
                        "joined_on": m.joined_on,
                        "left_on": m.left_on,
                    }
                )

    # --- consent ---------------------------------------------------------------------------

    def _consents(self) -> None:
        rng = self.rng
        rows = self.rows["consents"]
        facilitators = self.by_kind[FACILITATOR]

        def add(person: _Person, purpose: ConsentPurpose, state: ConsentState, on: date,
                method: ConsentMethod, recorder: str, note: str = "") -> None:  # fmt: skip
            rows.append(
                {
                    "id": len(rows) + 1,
                    "person_id": person.id,
                    "purpose": purpose.value,
                    "state": state.value,
                    "on": on,
                    "method": method.value,
                    "recorded_by": recorder,
                    "note": note,
                }
            )

        given, refused = ConsentState.GIVEN, ConsentState.REFUSED
        for person in self.people:
            if person.kind == FACILITATOR:
                continue
            if person.memberships:
                first = min(person.memberships, key=lambda m: m.joined_on)
                on = first.joined_on
                recorder = self.facilitators_of[first.group][0].name
            else:
                on = self.today - timedelta(days=rng.randint(30, 700))
                recorder = facilitators[person.id % len(facilitators)].name
            on = min(on, self.today)
            profile = person.profile
            if profile and InformationFormat.EASY_READ in profile.formats:
                method = ConsentMethod.EASY_READ_FORM
            elif profile and (
                CommunicationSupport.ADVOCATE in profile.support
                or ContactMethod.VIA_CARER in profile.contact
            ):
                method = ConsentMethod.VIA_ADVOCATE
            else:
                method = self._pick(CONSENT_METHODS)
            add(person, ConsentPurpose.TAKING_PART, given, on, method, recorder)
            if profile:
                add(person, ConsentPurpose.STORING_NEEDS, given, on, method, recorder)
                roll = rng.random()
                if roll < 0.6:
                    add(person, ConsentPurpose.SHARING_NEEDS, given, on, method, recorder)
                elif roll < 0.75:
                    add(person, ConsentPurpose.SHARING_NEEDS, refused, on, method, recorder)
            if not person.is_participant:
                continue
            roll = rng.random()
            if roll < 0.50:
                add(person, ConsentPurpose.QUOTED_BY_NAME, given, on, method, recorder)
            elif roll < 0.62:
                add(person, ConsentPurpose.QUOTED_BY_NAME, refused, on, method, recorder)
            elif roll < 0.70:
                add(person, ConsentPurpose.QUOTED_BY_NAME, given, on, method, recorder)
                later = self._day_between(on + timedelta(days=30), self.today)
                add(
                    person,
                    ConsentPurpose.QUOTED_BY_NAME,
                    ConsentState.WITHDRAWN,
                    later,
                    ConsentMethod.PHONE,
                    recorder,
                    "Asked not to be named in summaries from now on.",
                )
            if self._chance(0.85):
                add(person, ConsentPurpose.QUOTED_ANONYMOUSLY, given, on, method, recorder)
            roll = rng.random()
            if roll < 0.45:
                add(person, ConsentPurpose.PHOTOGRAPHS, given, on, method, recorder)
            elif roll < 0.65:
                add(person, ConsentPurpose.PHOTOGRAPHS, refused, on, method, recorder)
            roll = rng.random()
            if roll < 0.30:
                add(person, ConsentPurpose.RECORDING, given, on, method, recorder)
            elif roll < 0.45:
                add(person, ConsentPurpose.RECORDING, refused, on, method, recorder)

    # --- agendas ---------------------------------------------------------------------------

    def _agendas(self) -> None:
        rng = self.rng
        items, links = self.rows["agenda_items"], self.rows["agenda_item_documents"]
        groups_met: set[int] = set()
        for session in self.sessions:
            plan = self.plans[session.group]
            agenda: list[tuple[str, int | None, str, _Item | None]] = [
                (*words.STANDING_ITEMS["welcome"], None)
            ]
            if session.group in groups_met:
                agenda.append((*words.STANDING_ITEMS["actions"], None))
            groups_met.add(session.group)
            topics = rng.sample(plan.topics, min(2 if plan.minutes <= 90 else 3, len(plan.topics)))
            minutes = max(15, (plan.minutes - 30) // len(topics) // 5 * 5)
            for key in topics:
                topic = words.TOPICS[key]
                available = self.documents_by_topic.get(key, [])
                current = [d for d in available if not d.archived] or available
                how_many = self._pick(DOCUMENTS_PER_ITEM) if current else 0
                chosen = rng.sample(current, min(how_many, len(current)))
                if chosen:
                    lead = chosen[0]
                    times = lead.times_on_agenda.get(session.group, 0)
                    lead.times_on_agenda[session.group] = times + 1
                    stage = words.DOCUMENT_STAGES[min(times, len(words.DOCUMENT_STAGES) - 1)]
                    title = f"{lead.title}: {stage[0]}"
                else:
                    stage = words.OPEN_DISCUSSION
                    title = f"{topic.name}: {stage[0]}"
                easy = stage[1].format(topic=topic.easy)
                agenda.append((title, minutes, easy, _Item(0, topic, chosen)))
            agenda.append((*words.STANDING_ITEMS["aob"], None))
            for position, (title, duration, easy, item) in enumerate(agenda):
                item_id = len(items) + 1
                items.append(
                    {
                        "id": item_id,
                        "meeting_id": session.id,
                        "position": position,
                        "title": title,
                        "duration_minutes": duration,
                        "notes": "",
                        "easy_read": easy,
                    }
                )
                session.aob = item_id  # the last one, "any other business", wins
                if item is None:
                    continue
                item.id = item_id
                session.items.append(item)
                for order, document in enumerate(item.documents):
                    links.append(
                        {"agenda_item_id": item_id, "document_id": document.id, "position": order}
                    )
                    if session.status not in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED):
                        document.discussed.append((session.day, session.id, session.group))

    # --- attendance ------------------------------------------------------------------------

    def _attendance(self) -> None:
        rng = self.rng
        rows = self.rows["attendance"]
        staff = self.by_kind.get(STAFF, [])

        def add(session: _Session, person: _Person, status: AttendanceStatus, **extra: Any) -> None:
            row = {
                "id": len(rows) + 1,
                "meeting_id": session.id,
                "person_id": person.id,
                "status": status.value,
                "apology_reason": "",
                "arrived_late": False,
                "left_early": False,
                "is_guest": False,
                "access_needs_met": None,
                "note": "",
            }
            row.update(extra)
            rows.append(row)

        for session in self.sessions:
            if session.status is MeetingStatus.CANCELLED:
                continue
            day = session.day
            members = [m.person for m in self.members_of[session.group] if m.current(day)]
            facilitators = self.facilitators_of[session.group]
            planned = session.status is MeetingStatus.PLANNED
            for person in members:
                reasons = (
                    words.STAFF_APOLOGY_REASONS
                    if person.kind in (STAFF, FACILITATOR, PARTNER)
                    else words.APOLOGY_REASONS
                )
                if planned:
                    if self._chance(0.08):
                        add(session, person, AttendanceStatus.APOLOGIES,
                            apology_reason=rng.choice(reasons))  # fmt: skip
                    else:
                        add(session, person, AttendanceStatus.EXPECTED)
                    continue
                there = 0.72 if person.is_participant else 0.62
                if person in facilitators or self._chance(there):
                    met = None
                    note = ""
                    if person.profile is not None:
                        met = self._chance(0.9)
                        if not met:
                            note = person.profile.not_met
                    add(
                        session,
                        person,
                        AttendanceStatus.PRESENT,
                        arrived_late=self._chance(0.06),
                        left_early=self._chance(0.05),
                        access_needs_met=met,
                        note=note,
                    )
                    session.present.append(person)
                elif self._chance(0.6):
                    reason = rng.choice(reasons) if self._chance(0.85) else ""
                    add(session, person, AttendanceStatus.APOLOGIES, apology_reason=reason)
                else:
                    add(session, person, AttendanceStatus.ABSENT)
            if not planned and staff and self._chance(0.15) and session.items:
                guest = rng.choice(staff)
                if guest not in members:
                    topic = session.items[0].topic
                    add(
                        session,
                        guest,
                        AttendanceStatus.PRESENT,
                        is_guest=True,
                        note=f"Came to present the item on {topic.name.lower()}.",
                    )
                    session.present.append(guest)

    # --- contributions, links and responses ------------------------------------------------

    def _contributions(self) -> None:
        rng = self.rng
        held = [
            s
            for s in self.sessions
            if s.status not in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED) and s.present
        ]
        weights = [len(s.present) * rng.uniform(0.6, 1.4) for s in held]
        counts = _split(self.size.contributions, weights)
        contribution_id = 0
        for session, count in zip(held, counts, strict=True):
            if not count:
                continue
            topics = {item.topic.key: item.topic for item in session.items}.values()
            session.points = sum(
                4 * len(t.issues) + len(t.decisions) + len(t.praise) for t in topics
            )
            speakers = [p for p in session.present if p.kind != FACILITATOR] or session.present
            speaker_weights = list(
                itertools.accumulate(
                    p.talk * (3.0 if p.is_participant else 1.0 if p.kind != FACILITATOR else 0.3)
                    for p in speakers
                )
            )
            span = (session.ends_at - session.starts_at).total_seconds() - 20 * 60
            step = max(1.0, span / count)
            last_speaker: _Person | None = None
            for k in range(count):
                contribution_id += 1
                captured = session.starts_at + timedelta(
                    seconds=int(12 * 60 + k * step + rng.uniform(0, step * 0.8))
                )
                last_speaker = self._contribution(
                    contribution_id, session, captured, speakers, speaker_weights, last_speaker
                )
            self._choose_for_summary(session)

    def _choose_for_summary(self, session: _Session) -> None:
        """The facilitator's choice for the easy-read summary: 6 to 14 points (about a quarter
        of what was said), the best on each agenda item first, then decisions, answered
        points and thanks before the rest; never two with the same easy words."""
        ranked = sorted(session.candidates)  # (rank, keenness, row, ...): decisions first
        wanted = min(SUMMARY_MOST, max(SUMMARY_LEAST, round(len(ranked) * SUMMARY_SHARE)))
        chosen: list[int] = []
        easy_words: set[str] = set()

        def choose(candidate: tuple[int, float, int, str, int]) -> None:
            chosen.append(candidate[2])
            easy_words.add(candidate[3])

        for item in session.items:
            best = next((c for c in ranked if c[4] == item.id and c[3] not in easy_words), None)
            if best is not None:
                choose(best)
        for candidate in ranked:
            if len(chosen) >= wanted:
                break
            if candidate[3] not in easy_words:
                choose(candidate)
        rows = self.rows["contributions"]
        for row in chosen:
            rows[row]["in_summary"] = True
        session.candidates = []

    def _contribution(
        self,
        contribution_id: int,
        session: _Session,
        captured: datetime,
        speakers: list[_Person],
        speaker_weights: list[float],
        last_speaker: _Person | None,
    ) -> _Person | None:
        rng = self.rng
        plan = self.plans[session.group]
        # Draw a point not yet made in this session; a few tries, then let it be said again.
        # Once most points have been made (long sessions) one draw will do: it saves time.
        tries = 5 if len(session.said) < session.points * 3 // 4 else 1
        for _ in range(tries):
            if session.items and self._chance(0.9):
                item = rng.choice(session.items)
                item_id, topic, documents = item.id, item.topic, item.documents
            else:
                item_id, topic, documents = session.aob, words.TOPICS[rng.choice(plan.topics)], []
            kind: ContributionKind = self._pick(CONTRIBUTION_KINDS)
            choices = {
                ContributionKind.DECISION: topic.decisions,
                ContributionKind.PRAISE: topic.praise,
            }.get(kind, topic.issues)
            point = (topic.key, kind, rng.randrange(len(choices)))
            if point not in session.said:
                break
        repeated = point in session.said
        if repeated and kind is ContributionKind.DECISION:
            kind = ContributionKind.IDEA  # a decision is only made once
            point = (topic.key, kind, rng.randrange(len(topic.issues)))
        session.said.add(point)

        if kind is ContributionKind.DECISION:
            attribution = Attribution.WHOLE_GROUP
        elif kind is ContributionKind.IDEA:
            attribution = self._pick(IDEA_ATTRIBUTIONS)
        else:
            attribution = Attribution.PERSON if self._chance(0.78) else Attribution.ANONYMOUS
        speaker = None
        if attribution is Attribution.PERSON:
            speaker = rng.choices(speakers, cum_weights=speaker_weights)[0]

        issue_index = point[2] % len(topic.issues)
        issue = topic.issues[issue_index]
        if kind is ContributionKind.DECISION:
            decision = topic.decisions[point[2]]
            text, easy = decision.text, decision.easy
        elif kind is ContributionKind.PRAISE:
            praise = topic.praise[point[2]]
            text, easy = praise.text, praise.easy
            if repeated:
                text = f"I want to say the same. {text}"
        elif attribution is Attribution.WHOLE_GROUP:
            text, easy = rng.choice(words.WHOLE_GROUP_OPENERS) + issue.idea, issue.easy_idea
        else:
            key = kind.value
            text = getattr(issue, key)
            if repeated:
                text = rng.choice(words.ECHO_OPENERS) + text
            elif self._chance(0.3):
                text = rng.choice(words.OPENERS[key]) + text
            if self._chance(0.3):
                text += rng.choice(words.TAILS[key])
            if (
                speaker is not None
                and last_speaker is not None
                and last_speaker is not speaker
                and not repeated
                and kind in (ContributionKind.IDEA, ContributionKind.CONCERN)
                and self._chance(0.1)
            ):
                text = f"I agree with {last_speaker.first}. {text}"
            easy = issue.easy(key)
        # How keen the facilitator is to put this one in the easy-read summary, among points
        # alike; ``_choose_for_summary`` decides once the whole session is known.
        keenness = rng.random()
        row = len(self.rows["contributions"])
        self.rows["contributions"].append(
            {
                "id": contribution_id,
                "meeting_id": session.id,
                "agenda_item_id": item_id,
                "kind": kind.value,
                "text": text,
                "easy_read": easy,
                "attribution": attribution.value,
                "speaker_id": speaker.id if speaker else None,
                "in_summary": False,
                "captured_at": captured,
            }
        )
        tags = self.rows["contribution_tags"]
        themes = rng.sample(topic.themes, 2 if len(topic.themes) > 1 and self._chance(0.3) else 1)
        for theme in sorted(themes):
            tags.append(
                {"contribution_id": contribution_id, "vocabulary": THEME, "code": theme.value}
            )
        if self._chance(0.45):
            statement = rng.choice(topic.quality_statements)
            tags.append(
                {"contribution_id": contribution_id, "vocabulary": CQC, "code": statement.value}
            )

        document = section = None
        if documents and self._chance(0.8):
            document = rng.choice(documents)
            # Points about an issue land in the section for it (every document has one).
            heading = issue.section
            about_an_issue = kind not in (ContributionKind.PRAISE, ContributionKind.DECISION)
            if about_an_issue and (kind is ContributionKind.IDEA or self._chance(0.55)):
                section = (*document.sections[heading], heading)
        status = None
        if kind not in (ContributionKind.PRAISE, ContributionKind.DECISION):
            status, section = self._response(
                contribution_id, session, topic, issue, kind, document, section
            )
        if kind is ContributionKind.DECISION:
            rank = 0
        elif status is not None and status.is_answer:
            rank = 1
        elif kind is ContributionKind.PRAISE:
            rank = 2
        else:
            rank = 3
        session.candidates.append((rank, keenness, row, easy, item_id))
        if document is not None:
            if status is ResponseStatus.CHANGED_DOCUMENT:
                relation = LinkRelation.QUOTED if self._chance(0.12) else LinkRelation.INFLUENCED
            elif status is ResponseStatus.OUTSIDE_SCOPE:
                relation = LinkRelation.REFERRED_ELSEWHERE
            else:
                relation = LinkRelation.CONSIDERED
            self._link(contribution_id, document, section, relation)
            document.contributions.append((captured.date(), contribution_id))
            if self._chance(0.05):
                others = [d for d in self.documents_by_topic[topic.key] if d is not document]
                if others:
                    self._link(contribution_id, rng.choice(others), None, LinkRelation.CONSIDERED)
        return speaker if speaker is not None else last_speaker

    def _link(
        self,
        contribution_id: int,
        document: _Document,
        section: tuple[int, str, str] | None,
        relation: LinkRelation,
    ) -> None:
        rows = self.rows["links"]
        rows.append(
            {
                "id": len(rows) + 1,
                "contribution_id": contribution_id,
                "document_id": document.id,
                "section_id": section[0] if section else None,
                "relation": relation.value,
                "note": "",
            }
        )

    def _response(
        self,
        contribution_id: int,
        session: _Session,
        topic: words.Topic,
        issue: words.Issue,
        kind: ContributionKind,
        document: _Document | None,
        section: tuple[int, str, str] | None,
    ) -> tuple[ResponseStatus | None, tuple[int, str, str] | None]:
        """Maybe a response to the contribution; returns its status (None when there is no
        response) and the document section it names (a change always names one)."""
        rng = self.rng
        wanted = {
            ContributionKind.IDEA: 0.85,
            ContributionKind.CONCERN: 0.85,
            ContributionKind.QUESTION: 0.9,
            ContributionKind.EXPERIENCE: 0.55,
        }[kind]
        if not self._chance(wanted):
            return None, section
        age = (self.today - session.day).days
        bands = next(b for oldest, b in RESPONSE_BANDS if age < oldest)
        status: ResponseStatus = self._pick(bands)
        if status is ResponseStatus.CHANGED_DOCUMENT and document is None:
            status = ResponseStatus.ALREADY_HAPPENING
        if status is ResponseStatus.NOT_ANSWERED and self._chance(0.5):
            return None, section  # most unanswered contributions have no response at all yet

        text = easy = reason = referred_to = decided_by = ""
        easy_ways: tuple[str, ...] = ()
        decided_on = fed_back_on = None
        fed_back_how = None
        section_id = None
        if status is ResponseStatus.CHANGED_DOCUMENT:
            assert document is not None
            if section is None:
                heading = issue.section
                section = (*document.sections[heading], heading)
            text = issue.changed.replace("{section}", f"{section[1]} ({section[2]})")
            easy = issue.easy_changed
            section_id = section[0]
        elif status is ResponseStatus.ALREADY_HAPPENING:
            text, easy = issue.happening, issue.easy_happening
        elif status is ResponseStatus.NOT_TAKEN_FORWARD:
            text = rng.choice(words.NOT_TAKEN_FORWARD_TEXTS)
            general = words.NOT_TAKEN_FORWARD_REASONS
            if not self._chance(0.35):
                why = rng.choice(general)
            elif topic.issues.index(issue) in topic.reason_for:
                why = topic.reason
            else:  # the topic's own reason is about another issue: a general one fits better
                why = general[contribution_id % len(general)]
            reason, easy = why.text, why.easy
        elif status is ResponseStatus.OUTSIDE_SCOPE:
            referral = rng.choice(topic.referrals)
            referred_to, easy = referral.name, referral.easy
            text = words.OUTSIDE_SCOPE_TEXT.format(referred_to=referred_to)
        elif status is ResponseStatus.UNDER_CONSIDERATION:
            wording, easy_ways = rng.choice(words.UNDER_CONSIDERATION_TEXTS)
            text = wording.format(owner=f"The {topic.owner}")

        if status.is_answer:
            decided_on = session.day + timedelta(
                days=rng.randint(min(3, age), max(3, min(75, age)))
            )
            decided_on = min(decided_on, self.today)
            decided_by = topic.owner if self._chance(0.5) else rng.choice(words.DECIDED_BY)
            days = self.session_days[session.group]
            following = bisect.bisect_right(days, decided_on)
            if following < len(days) and days[following] <= self.today and self._chance(0.55):
                fed_back_on, fed_back_how = days[following], FeedbackMethod.AT_SESSION
            elif self._chance(0.5):
                when = decided_on + timedelta(days=rng.randint(2, 30))
                if when <= self.today:
                    fed_back_on = when
                    fed_back_how = rng.choice(
                        (
                            FeedbackMethod.EASY_READ_SUMMARY,
                            FeedbackMethod.LETTER,
                            FeedbackMethod.EMAIL,
                            FeedbackMethod.NEWSLETTER,
                            FeedbackMethod.PHONE,
                        )
                    )
        # Drawn for every response, whatever its status, so the rows after it do not depend
        # on which statuses have more than one way of saying it.
        way = rng.random()
        if status is ResponseStatus.UNDER_CONSIDERATION:
            easy = easy_ways[int(way * len(easy_ways))]
        rows = self.rows["responses"]
        rows.append(
            {
                "id": len(rows) + 1,
                "contribution_id": contribution_id,
                "status": status.value,
                "text": text,
                "easy_read": easy,
                "section_id": section_id,
                "reason": reason,
                "referred_to": referred_to,
                "decided_by": decided_by,
                "decided_on": decided_on,
                "fed_back_on": fed_back_on,
                "fed_back_how": fed_back_how.value if fed_back_how else None,
            }
        )
        return status, section

    # --- actions ---------------------------------------------------------------------------

    def _actions(self) -> None:
        rng = self.rng
        rows = self.rows["actions"]
        for session in self.sessions:
            if session.status in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED):
                continue
            choices = [action for item in session.items for action in item.topic.actions]
            owners = [p for p in session.present if p.kind in (STAFF, FACILITATOR)]
            owners = owners or self.facilitators_of[session.group]
            for action in rng.sample(choices, min(len(choices), rng.randint(1, 4))):
                due = session.day + timedelta(days=rng.randint(14, 56))
                if due < self.today - timedelta(days=14):
                    status = self._pick(OVERDUE_ACTION_STATUSES)
                else:
                    status = self._pick(RECENT_ACTION_STATUSES)
                done_on = None
                if status is ActionStatus.DONE:
                    done_on = min(
                        self.today, self._day_between(session.day, due + timedelta(days=14))
                    )
                rows.append(
                    {
                        "id": len(rows) + 1,
                        "meeting_id": session.id,
                        "text": action.text,
                        "easy_read": action.easy,
                        "owner_id": rng.choice(owners).id if self._chance(0.92) else None,
                        "due_on": due,
                        "status": status.value,
                        "done_on": done_on,
                        "note": (
                            rng.choice(words.DROPPED_ACTION_NOTES)
                            if status is ActionStatus.DROPPED
                            else ""
                        ),
                    }
                )

    # --- the ladder ------------------------------------------------------------------------

    def _ladder(self) -> None:
        rng = self.rng
        rows, evidence = self.rows["ladder_assessments"], self.rows["ladder_evidence"]
        for document in self.documents:
            document.discussed.sort()
            document.contributions.sort()
            count = self._pick(ASSESSMENTS_PER_DOCUMENT)
            if not count:
                continue
            if document.discussed:
                picks = sorted(rng.sample(document.discussed, min(count, len(document.discussed))))
                days = [
                    min(self.today, d + timedelta(days=rng.randint(1, 10))) for d, _, _ in picks
                ]
            else:
                days = sorted(self._day_between(self.start, self.today) for _ in range(count))
            planned = document.planned_rung
            target = planned or rng.choice(PLANNED_RUNGS[document.kind])
            rung = max(2, target - rng.choice((1, 2, 2, 3)))
            rungs = [rung]
            for _ in days[1:]:
                rung = min(7, rung + rng.choice((0, 1, 1)))
                rungs.append(rung)
            drifted = len(rungs) > 1 and self._chance(0.3)
            if drifted:
                rungs[-1] = max(2, min(rungs[-1], target - 1) - rng.choice((0, 1)))
            elif len(rungs) > 1:
                rungs[-1] = max(rungs[-1], target)
            group = document.discussed[0][2] if document.discussed else 0
            group_name = self.plans[group].name
            for position, (day, rung) in enumerate(zip(days, rungs, strict=True)):
                assessment_id = len(rows) + 1
                last = position == len(rungs) - 1
                rationale = words.RUNG_RATIONALE[rung]
                if drifted and last:
                    rationale = f"{rng.choice(words.DRIFT_RATIONALE)} {rationale}"
                who = rng.random()
                if who < 0.5:
                    assessor = self.facilitators_of[group][0]
                    name, assessor_id, is_participant = assessor.name, assessor.id, False
                elif who < 0.75:
                    members = [
                        m.person
                        for m in self.members_of[group]
                        if m.person.is_participant and m.current(day)
                    ]
                    if members:
                        assessor = rng.choice(members)
                        name, assessor_id, is_participant = assessor.name, assessor.id, True
                    else:
                        name, assessor_id, is_participant = "Co-production Board", None, False
                else:
                    name, assessor_id, is_participant = rng.choice(words.DECIDED_BY), None, False
                rows.append(
                    {
                        "id": assessment_id,
                        "document_id": document.id,
                        "rung": rung,
                        "planned_rung": planned,
                        "assessed_on": day,
                        "assessor_name": name,
                        "assessor_id": assessor_id,
                        "assessor_is_participant": is_participant,
                        "evidence": words.RUNG_EVIDENCE.get(rung, words.RUNG_EVIDENCE[2]).format(
                            group=group_name
                        ),
                        "rationale": rationale,
                    }
                )
                before = [s for d, s, _ in document.discussed if d <= day][-2:]
                said = [c for d, c in document.contributions if d <= day][-2:]
                for meeting_id in before:
                    evidence.append(
                        {
                            "id": len(evidence) + 1,
                            "assessment_id": assessment_id,
                            "meeting_id": meeting_id,
                            "contribution_id": None,
                        }
                    )
                for contribution_id in said:
                    evidence.append(
                        {
                            "id": len(evidence) + 1,
                            "assessment_id": assessment_id,
                            "meeting_id": None,
                            "contribution_id": contribution_id,
                        }
                    )

    # --- involvement and payments ----------------------------------------------------------

    def _activities(self) -> None:
        rng = self.rng
        activities = self.rows["involvement_activities"]
        participants = [p for p in self.people if p.is_participant]
        for session in self.sessions:
            plan = self.plans[session.group]
            if plan.pays_participants and session.status not in (
                MeetingStatus.PLANNED,
                MeetingStatus.CANCELLED,
            ):
                hours = Decimal(plan.minutes) / 60
                for person in session.present:
                    if person.is_participant:
                        self._payment(person, session.day, hours, SESSION_PAY_RATE,
                                      meeting_id=session.id)  # fmt: skip
        for index in range(self.size.activities):
            activity_id = index + 1
            kind = self._pick(ACTIVITY_KINDS)
            on = self._day_between(self.start, self.today + timedelta(days=45))
            if kind is ActivityKind.INTERVIEW_PANEL:
                title = f"Interview panel: {rng.choice(words.INTERVIEW_POSTS)}"
            elif kind is ActivityKind.CO_DELIVERED_TRAINING:
                title = f"Co-delivered training: {rng.choice(words.TRAINING_TITLES)}"
            elif kind is ActivityKind.STAFF_INDUCTION:
                title = f"Staff induction: lived experience session, {MONTHS[on.month - 1]} group"
            elif kind is ActivityKind.AUDIT:
                title = f"Quality check: {rng.choice(words.AUDITED_SERVICES)}"
            else:
                title = f"Workshop: {rng.choice(self.documents).title}"
            hours = Decimal(rng.choice((2, 3, 3, 4, 6))) + (
                Decimal("0.5") if self._chance(0.3) else 0
            )
            group = rng.randrange(len(self.plans)) if self._chance(0.6) else None
            activities.append(
                {
                    "id": activity_id,
                    "kind": kind.value,
                    "title": title,
                    "on": on,
                    "hours": hours,
                    "group_id": group + 1 if group is not None else None,
                    "notes": rng.choice(words.ACTIVITY_NOTES),
                }
            )
            pool = (
                [
                    m.person
                    for m in self.members_of[group]
                    if m.person.is_participant and m.current(on)
                ]
                if group is not None
                else []
            ) or [p for p in participants if p.left_on is None or p.left_on > on]
            for person in rng.sample(pool, min(len(pool), rng.randint(1, 4))):
                self.rows["activity_participants"].append(
                    {"activity_id": activity_id, "person_id": person.id}
                )
                if on < self.today:
                    self._payment(person, on, hours, ACTIVITY_PAY_RATE, activity_id=activity_id)

    def _payment(
        self,
        person: _Person,
        day: date,
        hours: Decimal,
        rate: int,
        *,
        meeting_id: int | None = None,
        activity_id: int | None = None,
    ) -> None:
        rng = self.rng
        rows = self.rows["payments"]
        preference = person.preference
        if preference is PaymentPreference.NOT_ELIGIBLE:
            return
        row = {
            "id": len(rows) + 1,
            "person_id": person.id,
            "activity_id": activity_id,
            "meeting_id": meeting_id,
            "hours": hours.quantize(Decimal("0.01")),
            "rate_pence": rate,
            "amount_pence": 0,
            "expenses_pence": 0,
            "method": None,
            "paid_on": None,
            "declined": False,
            "note": "",
        }
        if preference is PaymentPreference.DECLINES_PAYMENT:
            row.update(declined=True, note="Chose not to be paid.")
        else:
            row["amount_pence"] = int(hours * rate)
            if self._chance(0.3):
                row["expenses_pence"] = rng.randint(3, 18) * 50
            method = PAYMENT_METHODS.get(preference)
            if method is None:
                row["note"] = "Waiting for bank details."
            else:
                row["method"] = method.value
                paid = day + timedelta(days=rng.randint(5, 21))
                if paid <= self.today:
                    row["paid_on"] = paid
        rows.append(row)

    # --- session notes ---------------------------------------------------------------------

    def _session_notes(self) -> None:
        """Minutes and easy-read summaries, written once attendance and agenda are known."""
        rng = self.rng
        meetings = self.rows["meetings"]
        for session in self.sessions:
            row = meetings[session.id - 1]
            if session.status is MeetingStatus.CANCELLED:
                row["notes"] = rng.choice(words.CANCELLED_NOTES)
                continue
            if session.status in (MeetingStatus.PLANNED, MeetingStatus.HELD):
                continue
            # The minutes print the chair and who came themselves: the notes start with the
            # session as it went.
            lines = [rng.choice(words.NOTE_OPENERS)]
            for item in session.items:
                what = item.documents[0].title if item.documents else item.topic.name.lower()
                lines.append(f"Discussed {what}; points are recorded as contributions.")
            row["notes"] = "\n".join(lines)
            if session.status is MeetingStatus.SUMMARY_SHARED:
                row["easy_read"] = self._what_the_session_was_for(session)

    def _what_the_session_was_for(self, session: _Session) -> str:
        """The easy-read words about a session: what it was for. Never its date, place or
        how many came, nor its topics: the summary prints each of those once, itself."""
        return words.SESSION_PURPOSES[self.plans[session.group].kind]


# --- small pure helpers ----------------------------------------------------------------------


def _sessions_in(cadence: Cadence, years: int) -> int:
    if cadence.weeks:
        return 52 * years // cadence.weeks
    if cadence.months:
        return 12 * years // cadence.months
    return 4 * years


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, 28))


def _nth_weekday(month: date, weekday: int, nth: int) -> date:
    """The ``nth`` (1-based) ``weekday`` of the month ``month`` falls in."""
    first = date(month.year, month.month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (nth - 1))


def _split(total: int, weights: Sequence[float]) -> list[int]:
    """Share ``total`` out in proportion to ``weights``, as whole numbers that add up exactly."""
    if not weights:
        return []
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
