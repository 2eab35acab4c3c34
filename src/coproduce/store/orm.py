"""SQLAlchemy table classes for the whole product. Only ``store`` sees these.

Names end in ``Row`` so they never clash with Qt item models or with the domain records.
Vocabulary values are stored as their short codes in plain string columns: adding a code to a
vocabulary needs no migration, and the domain converts codes back to enums.
Foreign keys state what happens to dependants:
- CASCADE for planning detail that means nothing alone (agenda items, attendance, sections,
  links, tags, needs, roles, a response of a deleted contribution);
- RESTRICT for records people would miss (contributions of a session, payments of a person);
  services refuse those deletes first with a readable message, the key is the backstop;
- SET NULL for optional pointers (a contribution's agenda item, a link's section).
Every row people edit has ``version``, the optimistic-lock counter (``version_id_col``).
Any change here needs a new Alembic revision in ``store/migrations/versions``; the test
``tests/store/test_migrations.py`` fails when the ORM and the migrations disagree.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    declared_attr,
    mapped_column,
    relationship,
)

CODE = String(40)

# Deterministic constraint names, so migrations can alter them on SQLite (batch mode) and PG.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Mixin: the optimistic-lock counter on rows that people edit."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy passes the class
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class GroupRow(Versioned, Base):
    __tablename__ = "groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    kind: Mapped[str] = mapped_column(CODE, nullable=False)
    purpose: Mapped[str] = mapped_column(Text, nullable=False, default="")
    cadence: Mapped[str] = mapped_column(CODE, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class PersonRow(Versioned, Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(Text, nullable=False)
    # Lower-cased copy of the name for indexed, case-insensitive sorting and prefix search on
    # both databases (SQLite's LOWER() is ASCII-only, so Python's casefold fills it).
    sort_name: Mapped[str] = mapped_column(Text, nullable=False, index=True)
    organisation: Mapped[str] = mapped_column(Text, nullable=False, default="")
    email: Mapped[str] = mapped_column(Text, nullable=False, default="")
    phone: Mapped[str] = mapped_column(Text, nullable=False, default="")
    postal_address: Mapped[str] = mapped_column(Text, nullable=False, default="")
    contact_notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    large_print_size: Mapped[int | None] = mapped_column(Integer)
    information_notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    communication_support_notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    communication_professional_notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    meeting_access_notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    needs_reviewed_on: Mapped[date | None] = mapped_column(Date)
    payment_preference: Mapped[str] = mapped_column(CODE, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    left_on: Mapped[date | None] = mapped_column(Date)

    roles: Mapped[list[PersonRoleRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    needs: Mapped[list[PersonNeedRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )


class PersonRoleRow(Base):
    __tablename__ = "person_roles"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(CODE, primary_key=True, index=True)


class PersonNeedRow(Base):
    """One ticked need: ``category`` names the vocabulary (contact_method...), ``code`` the
    option ticked."""

    __tablename__ = "person_needs"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(CODE, primary_key=True)
    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    __table_args__ = (Index("ix_person_needs_category_code", "category", "code"),)


class MembershipRow(Versioned, Base):
    __tablename__ = "memberships"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True
    )
    joined_on: Mapped[date] = mapped_column(Date, nullable=False)
    left_on: Mapped[date | None] = mapped_column(Date)


class MeetingRow(Versioned, Base):
    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    title: Mapped[str] = mapped_column(Text, nullable=False)
    starts_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    place: Mapped[str] = mapped_column(Text, nullable=False, default="")
    online_link: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(CODE, nullable=False, index=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    easy_read: Mapped[str] = mapped_column(Text, nullable=False, default="")

    facilitators: Mapped[list[MeetingFacilitatorRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="MeetingFacilitatorRow.position",
    )


class MeetingFacilitatorRow(Base):
    __tablename__ = "meeting_facilitators"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class AgendaItemRow(Versioned, Base):
    __tablename__ = "agenda_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    easy_read: Mapped[str] = mapped_column(Text, nullable=False, default="")

    documents: Mapped[list[AgendaItemDocumentRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="AgendaItemDocumentRow.position",
    )


class AgendaItemDocumentRow(Base):
    __tablename__ = "agenda_item_documents"
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class AttendanceRow(Versioned, Base):
    __tablename__ = "attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    status: Mapped[str] = mapped_column(CODE, nullable=False)
    apology_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    arrived_late: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    left_early: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    is_guest: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    access_needs_met: Mapped[bool | None] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)


class ContributionRow(Versioned, Base):
    __tablename__ = "contributions"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(CODE, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    easy_read: Mapped[str] = mapped_column(Text, nullable=False, default="")
    attribution: Mapped[str] = mapped_column(CODE, nullable=False)
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), index=True
    )
    in_summary: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    captured_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)

    tags: Mapped[list[ContributionTagRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )


class ContributionTagRow(Base):
    """A Making it Real theme (vocabulary 'theme') or CQC statement ('cqc') on a contribution."""

    __tablename__ = "contribution_tags"
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), primary_key=True
    )
    vocabulary: Mapped[str] = mapped_column(CODE, primary_key=True)
    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    __table_args__ = (Index("ix_contribution_tags_vocabulary_code", "vocabulary", "code"),)


class DocumentRow(Versioned, Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    kind: Mapped[str] = mapped_column(CODE, nullable=False, index=True)
    owner: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(CODE, nullable=False)
    edition: Mapped[str] = mapped_column(Text, nullable=False, default="")
    review_on: Mapped[date | None] = mapped_column(Date)
    location: Mapped[str] = mapped_column(Text, nullable=False, default="")
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    planned_rung: Mapped[int | None] = mapped_column(Integer)


class SectionRow(Versioned, Base):
    __tablename__ = "sections"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[str] = mapped_column(Text, nullable=False, default="")
    heading: Mapped[str] = mapped_column(Text, nullable=False)


class LinkRow(Versioned, Base):
    __tablename__ = "links"
    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("sections.id", ondelete="SET NULL"), index=True
    )
    relation: Mapped[str] = mapped_column(CODE, nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")


class ResponseRow(Versioned, Base):
    __tablename__ = "responses"
    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    status: Mapped[str] = mapped_column(CODE, nullable=False, index=True)
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    easy_read: Mapped[str] = mapped_column(Text, nullable=False, default="")
    section_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    referred_to: Mapped[str] = mapped_column(Text, nullable=False, default="")
    decided_by: Mapped[str] = mapped_column(Text, nullable=False, default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    fed_back_on: Mapped[date | None] = mapped_column(Date)
    fed_back_how: Mapped[str | None] = mapped_column(CODE)


class LadderAssessmentRow(Versioned, Base):
    __tablename__ = "ladder_assessments"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
    )
    rung: Mapped[int] = mapped_column(Integer, nullable=False)
    planned_rung: Mapped[int | None] = mapped_column(Integer)
    assessed_on: Mapped[date] = mapped_column(Date, nullable=False)
    assessor_name: Mapped[str] = mapped_column(Text, nullable=False, default="")
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    assessor_is_participant: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    evidence: Mapped[str] = mapped_column(Text, nullable=False, default="")
    rationale: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # The guided questions' answers as JSON ({"question key": "answer code"}) and the rung
    # they suggested, kept so the reasoning behind a rung can be shown again later.
    answers: Mapped[str] = mapped_column(Text, nullable=False, default="")
    suggested_rung: Mapped[int | None] = mapped_column(Integer)

    evidence_links: Mapped[list[LadderEvidenceRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    response_evidence: Mapped[list[LadderResponseEvidenceRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )


class LadderEvidenceRow(Base):
    """A session or contribution that evidences an assessment (exactly one of the two)."""

    __tablename__ = "ladder_evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("ladder_assessments.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    contribution_id: Mapped[int | None] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE")
    )


class LadderResponseEvidenceRow(Base):
    """A response ("You said, we did") that evidences an assessment."""

    __tablename__ = "ladder_response_evidence"
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("ladder_assessments.id", ondelete="CASCADE"), primary_key=True
    )
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), primary_key=True
    )


class ActionRow(Versioned, Base):
    __tablename__ = "actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    easy_read: Mapped[str] = mapped_column(Text, nullable=False, default="")
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), index=True
    )
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(CODE, nullable=False, index=True)
    done_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")


class InvolvementActivityRow(Versioned, Base):
    __tablename__ = "involvement_activities"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(CODE, nullable=False)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    hours: Mapped[Decimal] = mapped_column(Numeric(7, 2), nullable=False, default=Decimal(0))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")

    participants: Mapped[list[ActivityParticipantRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )


class ActivityParticipantRow(Base):
    __tablename__ = "activity_participants"
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("involvement_activities.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class PaymentRow(Versioned, Base):
    __tablename__ = "payments"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("involvement_activities.id", ondelete="RESTRICT"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="RESTRICT"), index=True
    )
    hours: Mapped[Decimal] = mapped_column(Numeric(7, 2), nullable=False, default=Decimal(0))
    rate_pence: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    amount_pence: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    expenses_pence: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    method: Mapped[str | None] = mapped_column(CODE)
    paid_on: Mapped[date | None] = mapped_column(Date)
    declined: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")


class ConsentRow(Base):
    """Consent decisions are append-only: history is the point, so no version counter."""

    __tablename__ = "consents"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), nullable=False
    )
    purpose: Mapped[str] = mapped_column(CODE, nullable=False)
    state: Mapped[str] = mapped_column(CODE, nullable=False)
    on: Mapped[date] = mapped_column(Date, nullable=False)
    method: Mapped[str] = mapped_column(CODE, nullable=False)
    recorded_by: Mapped[str] = mapped_column(Text, nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    __table_args__ = (Index("ix_consents_person_purpose", "person_id", "purpose"),)


class AuditEventRow(Base):
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    actor: Mapped[str] = mapped_column(Text, nullable=False)
    action: Mapped[str] = mapped_column(CODE, nullable=False)
    record_type: Mapped[str] = mapped_column(CODE, nullable=False)
    record_id: Mapped[int] = mapped_column(Integer, nullable=False)
    # What an export covered, as JSON (kinds, ids, table names, row counts); never content.
    details: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    __table_args__ = (Index("ix_audit_events_record", "record_type", "record_id"),)


class DraftRow(Base):
    """Text typed but not yet saved (live capture), kept so a crash loses nothing."""

    __tablename__ = "drafts"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    saved_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class SettingRow(Base):
    """Program settings shared by everyone on this database (JSON text values)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class PreparationTickRow(Versioned, Base):
    """A session's preparation checklist item, ticked done (or ticked and then unticked).

    The items themselves are worked out from people's needs each time (domain/preparation.py);
    only ticks are stored, against the item's stable key, so a tick for a need that no longer
    applies stays here unshown and returns with the need. Ticks are planning detail: they go
    with their session (CASCADE). ``done_by`` is the name of whoever ticked, as text, so
    deleting a person never touches a tick.
    """

    __tablename__ = "preparation_ticks"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False
    )
    item_key: Mapped[str] = mapped_column(String(200), nullable=False)
    done: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    done_by: Mapped[str] = mapped_column(Text, nullable=False, default="")
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Also the index for "every tick of this session" (meeting_id leads).
    __table_args__ = (UniqueConstraint("meeting_id", "item_key"),)


class GlossaryTermRow(Versioned, Base):
    """A hard word with its plain alternative and a one-sentence easy explanation.

    Seeded from ``resources/glossary.json``; the facilitator's edits live here. ``term_key`` is
    the term folded for matching (lower case, single spaces), unique so a word is explained once.
    """

    __tablename__ = "glossary_terms"
    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(Text, nullable=False)
    term_key: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    plain: Mapped[str] = mapped_column(Text, nullable=False, default="")
    explanation: Mapped[str] = mapped_column(Text, nullable=False, default="")


class PictureChoiceRow(Versioned, Base):
    """The picture chosen for a concept ("money", "meeting"), remembered for next time.

    ``source`` is 'icon' (``reference`` names a qtawesome icon, e.g. 'fa5s.pound-sign') or
    'file' (``reference`` is the path of the user's own image file).
    """

    __tablename__ = "picture_choices"
    id: Mapped[int] = mapped_column(primary_key=True)
    concept: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    source: Mapped[str] = mapped_column(CODE, nullable=False)
    reference: Mapped[str] = mapped_column(Text, nullable=False)
    alt_text: Mapped[str] = mapped_column(Text, nullable=False, default="")


class RowPictureRow(Base):
    """The concept whose picture illustrates one easy-read row: a session, agenda item,
    contribution, response or action (exactly one of the five), so deleting it drops this."""

    __tablename__ = "row_pictures"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), unique=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), unique=True
    )
    contribution_id: Mapped[int | None] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), unique=True
    )
    response_id: Mapped[int | None] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), unique=True
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), unique=True
    )
    concept: Mapped[str] = mapped_column(String(200), nullable=False)
