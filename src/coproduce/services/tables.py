"""Whole tables (sessions, attendance, contributions, links, responses, ladder history, actions,
payments) as rows for CSV and Excel exports, ready to load into Power BI.

Each table has stable column names (never renamed once released, like vocabulary codes), ids
so the tables join (``session_id`` in every table that belongs to a session), codes beside
their labels, and real dates. docs/tables.md describes every column; a test checks it names
each one.

What may leave the program (decided here, explained in docs/tables.md):
- a contribution's speaker is named only when it was recorded against them AND their consent
  to be quoted by name is in force on the day of the export (``domain.attribution``, the rule
  every output follows); otherwise "A group member" or "The whole group", and no person id
  that would let someone find the name by joining tables;
- a participant who rated the ladder is named on the same terms; staff assessors are named;
- a person's name is in attendance, actions and payments only while their consent to be quoted
  by name is in force, except people acting in a staff role (staff, facilitator, partner
  organisation, and no participant role) named as action owners and as facilitators of a
  session: they act in their job. Everyone else is there by person id only, so finance can
  look them up in the program. Contact details, access needs, apology reasons and notes
  about people (which may hold health details) never leave;
- free text (titles, what was said, answers, notes) goes through the documents' scrub
  (``services.reports.NameScrub``): the full name of everyone on the register who may not be
  named, and the first names and surnames alone of those at the row's session, become
  "a group member".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from coproduce.documents.tables import (
    Column,
    ColumnType,
    TableDefinition,
    TableFormat,
    write_tables,
)
from coproduce.domain.attribution import GROUP_MEMBER, attributed_words
from coproduce.domain.errors import ValidationError
from coproduce.domain.vocabulary import (
    ActionStatus,
    AttendanceStatus,
    Attribution,
    ContributionKind,
    CqcQualityStatement,
    ExportKind,
    FeedbackMethod,
    LadderBand,
    LadderRung,
    LinkRelation,
    MakingItRealTheme,
    MeetingStatus,
    PaymentMethod,
    ResponseStatus,
)
from coproduce.services.audit import AuditService, Export
from coproduce.services.base import Service
from coproduce.services.reports import NameScrub, Register
from coproduce.store.unit_of_work import UnitOfWork

INT, N, T, D, DT, B = (
    ColumnType.INTEGER,
    ColumnType.DECIMAL,
    ColumnType.TEXT,
    ColumnType.DATE,
    ColumnType.DATETIME,
    ColumnType.BOOLEAN,
)

V = TypeVar("V")

SPEAKER_GROUP_MEMBER = "A group member"
ASSESSOR_PARTICIPANT = "A participant"

_SESSION_ID = Column("session_id", INT, "The session (joins to sessions.session_id).")
_GROUP_ID = Column("group_id", INT, "The group whose session it was.")
_SESSION_DATE = Column("session_date", D, "The day of the session.")


def _coded(name: str, codes: Any, meaning: str) -> tuple[Column, Column]:
    """A code column and its label column."""
    return (
        Column(name, T, f"{meaning} (a code; the words are in {name}_label).", codes),
        Column(f"{name}_label", T, f"The words for {name}, as the program shows them."),
    )


SESSIONS = TableDefinition(
    "sessions",
    "Sessions",
    "One row per session of any group, planned, held or cancelled.",
    (
        Column("session_id", INT, "The session's number in Coproduce."),
        _GROUP_ID,
        Column("group_name", T, "The group's name."),
        Column("title", T, "The session's title."),
        _SESSION_DATE,
        Column("starts_at", DT, "When the session starts (local time)."),
        Column("ends_at", DT, "When the session ends (local time)."),
        *_coded("status", MeetingStatus, "Where the session is in its life"),
        Column("place", T, "Where it is held (empty when online only)."),
        Column("online", B, "Whether it has an online link (the link itself is not exported)."),
        Column("expected", INT, "People marked expected (not yet marked present or absent)."),
        Column("present", INT, "People marked present."),
        Column("apologies", INT, "People who sent apologies."),
        Column("absent", INT, "People marked absent without apologies."),
        Column("contributions", INT, "Contributions recorded at the session."),
    ),
)

ATTENDANCE = TableDefinition(
    "attendance",
    "Attendance",
    "One row per person on a session's register.",
    (
        Column("attendance_id", INT, "The register entry's number."),
        _SESSION_ID,
        _GROUP_ID,
        _SESSION_DATE,
        Column("person_id", INT, "The person (the same id in every table)."),
        Column(
            "person_name",
            T,
            "The person's name, only with consent to be quoted by name (or when they "
            "facilitate the session in a staff role); otherwise empty: use person_id.",
        ),
        *_coded("status", AttendanceStatus, "Whether the person came"),
        Column("arrived_late", B, "Arrived after the start."),
        Column("left_early", B, "Left before the end."),
        Column("is_guest", B, "Came as a guest, not as a member of the group."),
    ),
)

CONTRIBUTIONS = TableDefinition(
    "contributions",
    "Contributions",
    "One row per thing said at a session and recorded (idea, concern, question...).",
    (
        Column("contribution_id", INT, "The contribution's number."),
        _SESSION_ID,
        _GROUP_ID,
        _SESSION_DATE,
        Column("agenda_item_id", INT, "The agenda item it was said under (empty if none)."),
        Column("agenda_item_title", T, "That agenda item's title."),
        Column("captured_at", DT, "When it was recorded."),
        *_coded("kind", ContributionKind, "What kind of contribution it is"),
        Column("text", T, "What was said, as recorded."),
        *_coded("attribution", Attribution, "Who it is recorded against"),
        Column(
            "said_by",
            T,
            "The speaker's name only when it is recorded against them and they consent to be "
            f'quoted by name; otherwise "{SPEAKER_GROUP_MEMBER}" or "The whole group".',
        ),
        Column(
            "speaker_person_id",
            INT,
            "The speaker's person id, given only when said_by names them.",
        ),
        Column("in_summary", B, "Chosen for the session's easy-read summary."),
        Column(
            "themes",
            T,
            "Making it Real themes, codes separated by semicolons.",
            MakingItRealTheme,
        ),
        Column(
            "cqc_statements",
            T,
            "CQC quality statements, codes separated by semicolons.",
            CqcQualityStatement,
        ),
    ),
)

LINKS = TableDefinition(
    "contribution_links",
    "Links to documents",
    "One row per link from a contribution to the document (or section) it is about.",
    (
        Column("link_id", INT, "The link's number."),
        Column("contribution_id", INT, "The contribution (joins to contributions)."),
        Column("document_id", INT, "The document or piece of work it is about."),
        Column("document_title", T, "That document's title."),
        Column("section_id", INT, "The section it is about (empty for the whole document)."),
        Column("section", T, "The section's number and heading."),
        *_coded("relation", LinkRelation, "What the contribution did to the document"),
        Column("note", T, "The facilitator's note on the link."),
    ),
)

RESPONSES = TableDefinition(
    "responses",
    "Responses",
    'One row per answer to a contribution ("You said, we did"). At most one per contribution.',
    (
        Column("response_id", INT, "The response's number."),
        Column("contribution_id", INT, "The contribution answered (joins to contributions)."),
        _SESSION_ID,
        *_coded("status", ResponseStatus, "What became of the contribution"),
        Column("is_answer", B, "True when the group has an outcome, not just 'thinking'."),
        Column("text", T, "The response, as written for the group."),
        Column("section_id", INT, "The section that changed (empty if none)."),
        Column("section", T, "That section's number and heading."),
        Column("reason", T, "Why, when it was not taken forward or is outside our scope."),
        Column("referred_to", T, "Who it was passed to, when referred elsewhere."),
        Column("decided_by", T, "Who decided (a name or a role, as typed)."),
        Column("decided_on", D, "The day of the decision."),
        Column(
            "days_to_decision",
            INT,
            "Days from the session to the decision (empty until decided).",
        ),
        Column("fed_back_on", D, "The day the group was told."),
        *_coded("fed_back_how", FeedbackMethod, "How the group was told"),
    ),
)

LADDER_HISTORY = TableDefinition(
    "ladder_history",
    "Ladder history",
    "One row per assessment of a document's rung on the ladder of co-production.",
    (
        Column("assessment_id", INT, "The assessment's number."),
        Column("document_id", INT, "The document or piece of work assessed."),
        Column("document_title", T, "That document's title."),
        Column("assessed_on", D, "The day of the assessment."),
        Column("rung", INT, "The rung it was on, 1 (coercion) to 7 (co-production).", LadderRung),
        Column("rung_label", T, "The rung's name."),
        *_coded("band", LadderBand, "The rung's band"),
        Column(
            "planned_rung",
            INT,
            "The rung planned at the time (empty when none was planned).",
            LadderRung,
        ),
        Column("planned_rung_label", T, "The planned rung's name."),
        Column("below_plan", B, "True when the rung is below the planned rung."),
        Column(
            "assessor",
            T,
            "Who assessed: staff by name; a participant by name only with consent to be "
            f'quoted by name, otherwise "{ASSESSOR_PARTICIPANT}".',
        ),
        Column("assessor_is_participant", B, "True for participants' own rating."),
        Column("evidence", T, "The evidence, as written."),
        Column("rationale", T, "Why this rung."),
        Column("evidence_sessions", INT, "Sessions linked as evidence."),
        Column("evidence_contributions", INT, "Contributions linked as evidence."),
    ),
)

ACTIONS = TableDefinition(
    "actions",
    "Actions",
    "One row per action agreed at a session.",
    (
        Column("action_id", INT, "The action's number."),
        _SESSION_ID,
        _GROUP_ID,
        _SESSION_DATE,
        Column("text", T, "What is to be done."),
        Column("owner_person_id", INT, "Who does it (empty when nobody is named)."),
        Column(
            "owner_name",
            T,
            "Their name: staff by name; anyone else only with consent to be quoted by name, "
            "otherwise empty.",
        ),
        Column("due_on", D, "When it is due."),
        *_coded("status", ActionStatus, "Where the action is"),
        Column("done_on", D, "When it was done."),
        Column("overdue", B, "Still open and past its due date on the day of the export."),
        Column("note", T, "Notes on progress."),
    ),
)

PAYMENTS = TableDefinition(
    "payments",
    "Payments",
    "One row per payment (or declined payment) for taking part. Amounts in pounds.",
    (
        Column("payment_id", INT, "The payment's number."),
        Column("person_id", INT, "Who is paid (the same id in every table)."),
        Column(
            "person_name",
            T,
            "Their name, only with consent to be quoted by name; otherwise empty: use person_id.",
        ),
        Column("session_id", INT, "The session it is for (empty when for an activity)."),
        Column("session_date", D, "That session's day."),
        Column("activity_id", INT, "The involvement activity it is for (empty for a session)."),
        Column("activity_title", T, "That activity's title."),
        Column("activity_date", D, "That activity's day."),
        Column("hours", N, "Hours paid for."),
        Column("rate_gbp", N, "Pounds per hour."),
        Column("amount_gbp", N, "Pounds for the time."),
        Column("expenses_gbp", N, "Pounds of expenses (travel, care cover...)."),
        Column("total_gbp", N, "amount_gbp plus expenses_gbp."),
        *_coded("method", PaymentMethod, "How it is paid"),
        Column("paid_on", D, "The day it was paid (empty while unpaid)."),
        Column("declined", B, "The person chose not to be paid."),
    ),
)

TABLES: dict[str, TableDefinition] = {
    table.name: table
    for table in (
        SESSIONS,
        ATTENDANCE,
        CONTRIBUTIONS,
        LINKS,
        RESPONSES,
        LADDER_HISTORY,
        ACTIONS,
        PAYMENTS,
    )
}
"""Every exported table by its stable name, in the order of the workbook's sheets."""


@dataclass(frozen=True, slots=True)
class TableExport:
    """What an export wrote."""

    path: Path
    file_format: TableFormat
    rows: dict[str, int]
    """table name -> rows written, in the file's order"""
    audited: bool = True
    """False when the export could not be recorded in the audit trail (a read-only copy)"""

    @property
    def total(self) -> int:
        return sum(self.rows.values())


class TableService(Service):
    def definitions(self) -> list[TableDefinition]:
        """Every table that can be exported, in the workbook's order."""
        return list(TABLES.values())

    def rows(self, name: str) -> Iterator[tuple[Any, ...]]:
        """The rows of table ``name``, streamed, each a tuple in its columns' order.

        One transaction lasts while the rows are read, so stop reading (or close the iterator)
        promptly.
        """
        definition = _definition(name)
        with self._store.reading() as unit:
            yield from self._rows(unit, definition.name, _Privacy(unit))

    def export(
        self,
        names: Sequence[str],
        file_format: TableFormat,
        path: Path,
        *,
        replace: bool = False,
    ) -> TableExport:
        """Write tables ``names`` to ``path``: Excel with one sheet per table, or CSV (one
        table only). Refuses to replace an existing file unless ``replace``."""
        definitions = [_definition(name) for name in dict.fromkeys(names)]
        if not definitions:
            raise ValidationError("Choose at least one table to export.", "tables")
        if file_format is TableFormat.CSV and len(definitions) > 1:
            raise ValidationError(
                "A CSV file holds one table. Choose one table, or choose Excel to have every "
                "table in one file.",
                "tables",
            )
        with self._store.reading() as unit:
            privacy = _Privacy(unit)
            counts = write_tables(
                Path(path),
                file_format,
                ((table, self._rows(unit, table.name, privacy)) for table in definitions),
                replace=replace,
            )
        audited = AuditService(self._store, self._today).record_export(
            Export(ExportKind.TABLES, file_format.value, "database", rows=counts)
        )
        return TableExport(Path(path), file_format, counts, audited)

    # --- the rows of each table ----------------------------------------------------------

    def _rows(self, unit: UnitOfWork, name: str, privacy: _Privacy) -> Iterator[tuple[Any, ...]]:
        converters: dict[str, Callable[[UnitOfWork, _Privacy], Iterator[tuple[Any, ...]]]] = {
            "sessions": self._sessions,
            "attendance": self._attendance,
            "contributions": self._contributions,
            "contribution_links": self._links,
            "responses": self._responses,
            "ladder_history": self._ladder_history,
            "actions": self._actions,
            "payments": self._payments,
        }
        return converters[name](unit, privacy)

    def _sessions(self, unit: UnitOfWork, privacy: _Privacy) -> Iterator[tuple[Any, ...]]:
        for row in unit.tables.sessions():
            status = MeetingStatus.from_code(row["status"])
            marks = row["attendance"]
            yield (
                row["id"],
                row["group_id"],
                row["group_name"],
                privacy.text(row["title"], row["id"]),
                _day(row["starts_at"]),
                row["starts_at"],
                row["ends_at"],
                status.value,
                status.label,
                row["place"],
                bool(row["online"]),
                *(marks.get(s.value, 0) for s in AttendanceStatus),
                row["contributions"],
            )

    def _attendance(self, unit: UnitOfWork, privacy: _Privacy) -> Iterator[tuple[Any, ...]]:
        for row in unit.tables.attendance():
            status = AttendanceStatus.from_code(row["status"])
            yield (
                row["id"],
                row["meeting_id"],
                row["group_id"],
                _day(row["starts_at"]),
                row["person_id"],
                privacy.attendee(row["person_id"], row["meeting_id"]),
                status.value,
                status.label,
                row["arrived_late"],
                row["left_early"],
                row["is_guest"],
            )

    def _contributions(self, unit: UnitOfWork, privacy: _Privacy) -> Iterator[tuple[Any, ...]]:
        kinds = _by_code(ContributionKind)
        attributions = _by_code(Attribution)
        for row in unit.tables.contributions():
            kind = kinds.get(row["kind"]) or ContributionKind.from_code(row["kind"])
            attribution = attributions.get(row["attribution"]) or Attribution.from_code(
                row["attribution"]
            )
            said_by = attributed_words(
                attribution, row["speaker_id"], row["speaker_name"], row["quoted_by_name"]
            )
            named = (
                attribution is Attribution.PERSON
                and row["speaker_id"] is not None
                and bool((row["speaker_name"] or "").strip())
                and row["quoted_by_name"]
            )
            tags = row["tags"]
            yield (
                row["id"],
                row["meeting_id"],
                row["group_id"],
                _day(row["starts_at"]),
                row["agenda_item_id"],
                privacy.text(row["agenda_item_title"], row["meeting_id"]),
                row["captured_at"],
                kind.value,
                kind.label,
                privacy.text(row["text"], row["meeting_id"]),
                attribution.value,
                attribution.label,
                SPEAKER_GROUP_MEMBER if said_by == GROUP_MEMBER else said_by,
                row["speaker_id"] if named else None,
                row["in_summary"],
                ";".join(tags.get("theme", ())),
                ";".join(tags.get("cqc", ())),
            )

    def _links(self, unit: UnitOfWork, privacy: _Privacy) -> Iterator[tuple[Any, ...]]:
        for row in unit.tables.links():
            relation = LinkRelation.from_code(row["relation"])
            yield (
                row["id"],
                row["contribution_id"],
                row["document_id"],
                privacy.text(row["document_title"]),
                row["section_id"],
                privacy.text(_section(row)),
                relation.value,
                relation.label,
                privacy.text(row["note"]),
            )

    def _responses(self, unit: UnitOfWork, privacy: _Privacy) -> Iterator[tuple[Any, ...]]:
        for row in unit.tables.responses():
            status = ResponseStatus.from_code(row["status"])
            how = FeedbackMethod.from_code(row["fed_back_how"]) if row["fed_back_how"] else None
            decided_on = row["decided_on"]
            waited = (decided_on - _day(row["starts_at"])).days if decided_on else None
            yield (
                row["id"],
                row["contribution_id"],
                row["meeting_id"],
                status.value,
                status.label,
                status.is_answer,
                privacy.text(row["text"], row["meeting_id"]),
                row["section_id"],
                privacy.text(_section(row)),
                privacy.text(row["reason"], row["meeting_id"]),
                privacy.text(row["referred_to"], row["meeting_id"]),
                privacy.text(row["decided_by"], row["meeting_id"]),
                decided_on,
                waited,
                row["fed_back_on"],
                how.value if how else None,
                how.label if how else None,
            )

    def _ladder_history(self, unit: UnitOfWork, privacy: _Privacy) -> Iterator[tuple[Any, ...]]:
        for row in unit.tables.ladder_history():
            rung = LadderRung(row["rung"])
            planned = LadderRung(row["planned_rung"]) if row["planned_rung"] else None
            participant = bool(row["assessor_is_participant"])
            name = (row["assessor_name"] or "").strip()
            if participant and not (row["assessor_id"] and row["assessor_quoted_by_name"]):
                name = ASSESSOR_PARTICIPANT
            yield (
                row["id"],
                row["document_id"],
                privacy.text(row["document_title"]),
                row["assessed_on"],
                int(rung),
                rung.label,
                rung.band.value,
                rung.band.label,
                int(planned) if planned else None,
                planned.label if planned else None,
                planned is not None and rung < planned,
                name,
                participant,
                privacy.text(row["evidence"]),
                privacy.text(row["rationale"]),
                row["evidence_sessions"],
                row["evidence_contributions"],
            )

    def _actions(self, unit: UnitOfWork, privacy: _Privacy) -> Iterator[tuple[Any, ...]]:
        today = self.today()
        for row in unit.tables.actions():
            status = ActionStatus.from_code(row["status"])
            due_on = row["due_on"]
            yield (
                row["id"],
                row["meeting_id"],
                row["group_id"],
                _day(row["starts_at"]),
                privacy.text(row["text"], row["meeting_id"]),
                row["owner_id"],
                privacy.owner(row["owner_id"]),
                due_on,
                status.value,
                status.label,
                row["done_on"],
                status.is_open and due_on is not None and due_on < today,
                privacy.text(row["note"], row["meeting_id"]),
            )

    def _payments(self, unit: UnitOfWork, privacy: _Privacy) -> Iterator[tuple[Any, ...]]:
        for row in unit.tables.payments():
            method = PaymentMethod.from_code(row["method"]) if row["method"] else None
            yield (
                row["id"],
                row["person_id"],
                privacy.named(row["person_id"]),
                row["meeting_id"],
                _day(row["starts_at"]) if row["starts_at"] else None,
                row["activity_id"],
                privacy.text(row["activity_title"]),
                row["activity_on"],
                Decimal(row["hours"]).quantize(Decimal("0.01")),
                _pounds(row["rate_pence"]),
                _pounds(row["amount_pence"]),
                _pounds(row["expenses_pence"]),
                _pounds(row["amount_pence"] + row["expenses_pence"]),
                method.value if method else None,
                method.label if method else None,
                row["paid_on"],
                row["declined"],
            )


def _definition(name: str) -> TableDefinition:
    try:
        return TABLES[name]
    except KeyError:
        known = ", ".join(TABLES)
        raise ValidationError(
            f"There is no table called '{name}'. The tables are: {known}.", "tables"
        ) from None


def _by_code(vocabulary: type[V]) -> dict[str, V]:
    """A vocabulary's members by their stored code: looked up once per row of 100,000."""
    return {member.value: member for member in vocabulary}  # type: ignore[attr-defined]


def _day(moment: datetime) -> date:
    return moment.date()


def _pounds(pence: int) -> Decimal:
    return (Decimal(pence) / 100).quantize(Decimal("0.01"))


def _section(row: dict[str, Any]) -> str | None:
    if row["section_id"] is None:
        return None
    return " ".join(part for part in (row["section_number"], row["section_heading"]) if part)


class _Privacy:
    """The consent rule for one export: who may be named in which column, and the scrub of
    names typed into free text: one compiled expression for the whole export (the register's
    full names, and the first names and surnames alone of everyone at any session, each
    applied only to rows of a session that person was at). Who was at each session is read
    once, in one query, when the export starts."""

    REMEMBERED = 20_000
    """Scrubbed texts kept, so titles repeated on every row are scrubbed once."""

    def __init__(self, unit: UnitOfWork) -> None:
        register = self._register = Register(unit)
        involvement = unit.tables.involvement()
        self._facilitators = {mid: running for mid, (_, running) in involvement.items()}
        involved = {mid: present | running for mid, (present, running) in involvement.items()}
        self._scrub = register.scrub({p for people in involved.values() for p in people})
        # The names alone each session's rows may lose; sessions with the same people share.
        shared: dict[frozenset[str], frozenset[str]] = {}
        self._words: dict[int, frozenset[str]] = {}
        for meeting_id, people in involved.items():
            words = NameScrub.words_of(
                register.names[p] for p in people if p in register.names and register.hidden(p)
            )
            self._words[meeting_id] = shared.setdefault(words, words)
        self._done: dict[tuple[int | None, str], str] = {}

    def named(self, person_id: int | None) -> str | None:
        """The name of someone who consents to be quoted by name; otherwise nothing."""
        if person_id is None or person_id not in self._register.consenting:
            return None
        return self._register.names.get(person_id)

    def owner(self, person_id: int | None) -> str | None:
        """An action owner's name: staff are named in their job, others as consent allows."""
        if person_id is not None and person_id in self._register.staff:
            return self._register.names.get(person_id)
        return self.named(person_id)

    def attendee(self, person_id: int, meeting_id: int) -> str | None:
        """A name on a register: a staff facilitator of the session is named in their job."""
        running = self._facilitators.get(meeting_id, frozenset())
        if person_id in self._register.staff and person_id in running:
            return self._register.names.get(person_id)
        return self.named(person_id)

    def text(self, text: str | None, meeting_id: int | None = None) -> str | None:
        if not text:
            return text
        key = (meeting_id, text)
        done = self._done.get(key)
        if done is not None:
            return done
        words = self._words.get(meeting_id, _NOBODY) if meeting_id is not None else _NOBODY
        done = self._scrub.scrub(text, words)
        if len(self._done) < self.REMEMBERED:
            self._done[key] = done
        return done


_NOBODY: frozenset[str] = frozenset()
