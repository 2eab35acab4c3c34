"""Documents (strategies, policies...), their ordered sections, and ladder assessments."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Date, Integer, and_, func, or_, select, union

from coproduce.domain.records import Document, LadderAssessment, Page, Section
from coproduce.domain.vocabulary import DocumentKind, DocumentStatus, LadderRung
from coproduce.store.orm import (
    AgendaItemDocumentRow,
    AgendaItemRow,
    ContributionRow,
    DocumentRow,
    LadderAssessmentRow,
    LadderEvidenceRow,
    LadderResponseEvidenceRow,
    LinkRow,
    MeetingRow,
    ResponseRow,
    SectionRow,
)
from coproduce.store.repository import Repository
from coproduce.store.text import contains_pattern

DOCUMENT_SORT_KEYS = frozenset({"title", "review_on"})
"""What the documents list can be sorted by, in the database."""


class DocumentRepository(Repository[DocumentRow, Document]):
    row_class = DocumentRow
    record_type = "document"
    record_label = "Document"

    def to_record(self, row: DocumentRow) -> Document:
        return Document(
            id=row.id,
            version=row.version,
            title=row.title,
            kind=DocumentKind(row.kind),
            owner=row.owner,
            status=DocumentStatus(row.status),
            edition=row.edition,
            review_on=row.review_on,
            location=row.location,
            summary=row.summary,
            planned_rung=LadderRung(row.planned_rung) if row.planned_rung else None,
        )

    def write(self, row: DocumentRow, record: Document) -> None:
        row.title = record.title
        row.kind = record.kind.value
        row.owner = record.owner
        row.status = record.status.value
        row.edition = record.edition
        row.review_on = record.review_on
        row.location = record.location
        row.summary = record.summary
        row.planned_rung = int(record.planned_rung) if record.planned_rung else None

    def describe(self, row: DocumentRow) -> str:
        return row.title

    def search_query(
        self,
        *,
        text: str = "",
        kind: DocumentKind | None = None,
        status: DocumentStatus | None = None,
        hide_archived: bool = False,
        order: str = "title",
        descending: bool = False,
    ):  # type: ignore[no-untyped-def]
        """Documents matching the filters, by ``order`` ("title" or "review_on"; A to Z or
        soonest first unless ``descending``). Documents without a review date come last
        either way; ties fall back to the title, then the id, so pages never overlap."""
        query = select(DocumentRow).order_by(*self._ordering(order, descending))
        if text.strip():
            query = query.where(DocumentRow.title.ilike(contains_pattern(text), escape="\\"))
        if kind is not None:
            query = query.where(DocumentRow.kind == kind.value)
        if status is not None:
            query = query.where(DocumentRow.status == status.value)
        if hide_archived:
            query = query.where(DocumentRow.status != DocumentStatus.ARCHIVED.value)
        return query

    @staticmethod
    def _ordering(order: str, descending: bool) -> list[Any]:
        if order not in DOCUMENT_SORT_KEYS:
            raise ValueError(
                f"Documents cannot be sorted by {order!r}; choose one of "
                f"{', '.join(sorted(DOCUMENT_SORT_KEYS))}"
            )
        # Folded case, so "easy read guide" sorts beside "Easy read policy", not after "Z".
        title = func.lower(DocumentRow.title)
        if order == "title":
            return [title.desc() if descending else title, DocumentRow.id]
        review = DocumentRow.review_on.desc() if descending else DocumentRow.review_on.asc()
        return [review.nulls_last(), title, DocumentRow.id]

    def agenda_links(self, document_id: int) -> list[tuple[int, int]]:
        """The agenda items that name this document: ``(agenda_item_id, position)`` pairs,
        where position is the document's place in that item's list."""
        query = (
            select(AgendaItemDocumentRow.agenda_item_id, AgendaItemDocumentRow.position)
            .where(AgendaItemDocumentRow.document_id == document_id)
            .order_by(AgendaItemDocumentRow.agenda_item_id)
        )
        return [(item_id, position) for item_id, position in self._session.execute(query)]

    def list(
        self, *, offset: int = 0, limit: int | None = None, **filters: object
    ) -> Page[Document]:
        return self.page(self.search_query(**filters), offset, limit)  # type: ignore[arg-type]


class SectionRepository(Repository[SectionRow, Section]):
    row_class = SectionRow
    record_type = "section"
    record_label = "Section"

    def to_record(self, row: SectionRow) -> Section:
        return Section(
            id=row.id,
            version=row.version,
            document_id=row.document_id,
            heading=row.heading,
            number=row.number,
            position=row.position,
        )

    def write(self, row: SectionRow, record: Section) -> None:
        row.document_id = record.document_id
        row.heading = record.heading
        row.number = record.number
        row.position = record.position

    def describe(self, row: SectionRow) -> str:
        return f"{row.number} {row.heading}".strip()

    def for_document(self, document_id: int) -> list[Section]:
        return [self.to_record(r) for r in self.scalars(self._in_order(document_id))]

    def page_for_document(
        self, document_id: int, offset: int = 0, limit: int | None = None
    ) -> Page[Section]:
        """One page of the document's sections, in order (for lists that load lazily)."""
        return self.page(self._in_order(document_id), offset, limit)

    @staticmethod
    def _in_order(document_id: int):  # type: ignore[no-untyped-def]
        return (
            select(SectionRow)
            .where(SectionRow.document_id == document_id)
            .order_by(SectionRow.position, SectionRow.id)
        )

    def next_position(self, document_id: int) -> int:
        highest = self._session.scalar(
            select(func.max(SectionRow.position)).where(SectionRow.document_id == document_id)
        )
        return 0 if highest is None else highest + 1


class LadderAssessmentRepository(Repository[LadderAssessmentRow, LadderAssessment]):
    row_class = LadderAssessmentRow
    record_type = "ladder_assessment"
    record_label = "Ladder assessment"

    def to_record(self, row: LadderAssessmentRow) -> LadderAssessment:
        return LadderAssessment(
            id=row.id,
            version=row.version,
            document_id=row.document_id,
            rung=LadderRung(row.rung),
            planned_rung=LadderRung(row.planned_rung) if row.planned_rung else None,
            assessed_on=row.assessed_on,
            assessor_name=row.assessor_name,
            assessor_id=row.assessor_id,
            assessor_is_participant=row.assessor_is_participant,
            evidence=row.evidence,
            rationale=row.rationale,
            evidence_meeting_ids=tuple(
                sorted(e.meeting_id for e in row.evidence_links if e.meeting_id is not None)
            ),
            evidence_contribution_ids=tuple(
                sorted(
                    e.contribution_id for e in row.evidence_links if e.contribution_id is not None
                )
            ),
            evidence_response_ids=tuple(sorted(e.response_id for e in row.response_evidence)),
            answers=_answers_from_json(row.answers),
            suggested_rung=LadderRung(row.suggested_rung) if row.suggested_rung else None,
        )

    def write(self, row: LadderAssessmentRow, record: LadderAssessment) -> None:
        row.document_id = record.document_id
        row.rung = int(record.rung)
        row.planned_rung = int(record.planned_rung) if record.planned_rung else None
        row.assessed_on = record.assessed_on
        row.assessor_name = record.assessor_name
        row.assessor_id = record.assessor_id
        row.assessor_is_participant = record.assessor_is_participant
        row.evidence = record.evidence
        row.rationale = record.rationale
        wanted = {(m, None) for m in record.evidence_meeting_ids} | {
            (None, c) for c in record.evidence_contribution_ids
        }
        if {(e.meeting_id, e.contribution_id) for e in row.evidence_links} != wanted:
            row.evidence_links = [
                LadderEvidenceRow(meeting_id=m, contribution_id=c)
                for m, c in sorted(wanted, key=lambda pair: (pair[0] or 0, pair[1] or 0))
            ]
        responses = set(record.evidence_response_ids)
        if {e.response_id for e in row.response_evidence} != responses:
            row.response_evidence = [
                LadderResponseEvidenceRow(response_id=r) for r in sorted(responses)
            ]
        row.answers = json.dumps(dict(record.answers)) if record.answers else ""
        row.suggested_rung = int(record.suggested_rung) if record.suggested_rung else None

    def describe(self, row: LadderAssessmentRow) -> str:
        return f"rung {row.rung} on {row.assessed_on:%d %B %Y}"

    def for_document(self, document_id: int) -> list[LadderAssessment]:
        """The document's assessments, oldest first."""
        query = (
            select(LadderAssessmentRow)
            .where(LadderAssessmentRow.document_id == document_id)
            .order_by(LadderAssessmentRow.assessed_on, LadderAssessmentRow.id)
        )
        return [self.to_record(r) for r in self.scalars(query)]

    def count_for_document(self, document_id: int) -> int:
        return self.count(
            select(LadderAssessmentRow).where(LadderAssessmentRow.document_id == document_id)
        )

    def latest_for_document(self, document_id: int) -> LadderAssessment | None:
        """The newest assessment by date (entry order breaks ties), or None."""
        query = (
            select(LadderAssessmentRow)
            .where(LadderAssessmentRow.document_id == document_id)
            .order_by(LadderAssessmentRow.assessed_on.desc(), LadderAssessmentRow.id.desc())
            .limit(1)
        )
        row = self._session.scalars(query).first()
        return self.to_record(row) if row else None

    def count_citing_contribution(self, contribution_id: int) -> int:
        """How many assessments cite this contribution as evidence."""
        return self.count(
            select(LadderEvidenceRow.assessment_id)
            .where(LadderEvidenceRow.contribution_id == contribution_id)
            .distinct()
        )

    # --- drift and evidence ----------------------------------------------------------------

    def drifting(self, group_id: int | None = None) -> list[DriftRow]:
        """Documents (not archived) whose latest assessment is below their planned rung or
        lower than the previous assessment by the same kind of assessor (participants' with
        participants', staff's with staff's), A to Z by title. One query, whatever the
        number of documents: the window functions pick each document's latest assessment
        and, beside each, the one before it of the same kind."""
        a = LadderAssessmentRow
        newest_first = (a.assessed_on.desc(), a.id.desc())
        same_kind = (a.document_id, a.assessor_is_participant)
        oldest_first = (a.assessed_on, a.id)
        ranked = select(
            a.document_id,
            a.rung,
            a.assessed_on,
            a.assessor_is_participant,
            func.row_number().over(partition_by=a.document_id, order_by=newest_first).label("n"),
            func.lag(a.rung, type_=Integer)
            .over(partition_by=same_kind, order_by=oldest_first)
            .label("p_rung"),
            func.lag(a.assessed_on, type_=Date)
            .over(partition_by=same_kind, order_by=oldest_first)
            .label("p_on"),
        ).subquery()
        latest = ranked.c
        query = (
            select(
                DocumentRow.id,
                DocumentRow.title,
                DocumentRow.planned_rung,
                latest.rung,
                latest.assessed_on,
                latest.assessor_is_participant,
                latest.p_rung,
                latest.p_on,
            )
            .join(ranked, latest.document_id == DocumentRow.id)
            .where(latest.n == 1)
            .where(DocumentRow.status != DocumentStatus.ARCHIVED.value)
            .where(
                or_(
                    and_(
                        DocumentRow.planned_rung.is_not(None),
                        latest.rung < DocumentRow.planned_rung,
                    ),
                    and_(latest.p_rung.is_not(None), latest.rung < latest.p_rung),
                )
            )
            .order_by(func.lower(DocumentRow.title), DocumentRow.id)
        )
        if group_id is not None:
            query = query.where(DocumentRow.id.in_(_documents_of_group(group_id)))
        return [DriftRow(*values) for values in self._session.execute(query)]

    def evidence_sessions(self, document_id: int) -> list[int]:
        """Sessions that had the document on their agenda or where something said was linked
        to it, newest first."""
        on_agenda = (
            select(AgendaItemRow.meeting_id.label("meeting_id"))
            .join(AgendaItemDocumentRow, AgendaItemDocumentRow.agenda_item_id == AgendaItemRow.id)
            .where(AgendaItemDocumentRow.document_id == document_id)
        )
        said = (
            select(ContributionRow.meeting_id.label("meeting_id"))
            .join(LinkRow, LinkRow.contribution_id == ContributionRow.id)
            .where(LinkRow.document_id == document_id)
        )
        either = union(on_agenda, said).subquery()
        query = (
            select(MeetingRow.id)
            .where(MeetingRow.id.in_(select(either.c.meeting_id)))
            .order_by(MeetingRow.starts_at.desc(), MeetingRow.id.desc())
        )
        return list(self._session.scalars(query))

    def evidence_contributions(self, document_id: int) -> list[int]:
        """Contributions linked to the document, newest session first."""
        query = (
            select(ContributionRow.id)
            .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
            .where(
                ContributionRow.id.in_(
                    select(LinkRow.contribution_id).where(LinkRow.document_id == document_id)
                )
            )
            .order_by(MeetingRow.starts_at.desc(), ContributionRow.id)
        )
        return list(self._session.scalars(query))

    def evidence_responses(self, document_id: int) -> list[int]:
        """Responses to contributions linked to the document, in the contributions' order."""
        query = (
            select(ResponseRow.id)
            .join(ContributionRow, ContributionRow.id == ResponseRow.contribution_id)
            .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
            .where(
                ResponseRow.contribution_id.in_(
                    select(LinkRow.contribution_id).where(LinkRow.document_id == document_id)
                )
            )
            .order_by(MeetingRow.starts_at.desc(), ContributionRow.id)
        )
        return list(self._session.scalars(query))


@dataclass(frozen=True, slots=True)
class DriftRow:
    """A drifting document's figures as the database gives them (rungs as numbers)."""

    document_id: int
    title: str
    planned_rung: int | None
    rung: int
    assessed_on: date
    by_participants: bool
    previous_rung: int | None
    previous_on: date | None


def _documents_of_group(group_id: int) -> Any:
    """The ids of documents a group worked on: on one of its sessions' agendas, or linked to
    something said at one of its sessions (as the dashboard counts them)."""
    on_agenda = (
        select(AgendaItemDocumentRow.document_id)
        .join(AgendaItemRow, AgendaItemRow.id == AgendaItemDocumentRow.agenda_item_id)
        .join(MeetingRow, MeetingRow.id == AgendaItemRow.meeting_id)
        .where(MeetingRow.group_id == group_id)
    )
    said = (
        select(LinkRow.document_id)
        .join(ContributionRow, ContributionRow.id == LinkRow.contribution_id)
        .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
        .where(MeetingRow.group_id == group_id)
    )
    return union(on_agenda, said)


def _answers_from_json(text: str) -> tuple[tuple[str, str], ...]:
    if not text:
        return ()
    return tuple((str(key), str(code)) for key, code in json.loads(text).items())
