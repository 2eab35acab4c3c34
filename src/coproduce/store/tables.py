"""The queries behind the table exports (CSV and Excel for Power BI): whole tables, streamed.

Each method yields one plain dict per row, keyed by the labels of its query. Rows are read a
chunk at a time by keyset paging on the table's id (``WHERE id > last ORDER BY id LIMIT n``),
so the large demo's 100,000 contributions never sit in memory at once and each chunk costs
the same on both databases however far into the table it is. What a chunk needs from other
tables (tags, counts, consent) is read in one set query per chunk, never per row.

The dicts hold stored codes and raw values; ``services.tables`` turns them into the exported
columns and applies the consent rules. Nothing here reads contact details, access needs,
apology reasons or attendance notes: they never leave the program through an export.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select

from coproduce.domain.vocabulary import ConsentPurpose
from coproduce.store.orm import (
    ActionRow,
    AgendaItemRow,
    AttendanceRow,
    ContributionRow,
    ContributionTagRow,
    DocumentRow,
    GroupRow,
    InvolvementActivityRow,
    LadderAssessmentRow,
    LadderEvidenceRow,
    LinkRow,
    MeetingFacilitatorRow,
    MeetingRow,
    PaymentRow,
    PersonRow,
    ResponseRow,
    SectionRow,
)

if TYPE_CHECKING:
    from coproduce.store.unit_of_work import UnitOfWork

CHUNK_SIZE = 2_000

Row = dict[str, Any]


class TableQueries:
    def __init__(self, unit: UnitOfWork, chunk_size: int = CHUNK_SIZE) -> None:
        self._unit = unit
        self._chunk_size = chunk_size

    # --- paging ---------------------------------------------------------------------------

    def _chunks(self, query: Select[Any], id_column: Any) -> Iterator[list[Row]]:
        """``query``'s rows, ``chunk_size`` at a time, in id order (``id`` must be selected)."""
        last = 0
        session = self._unit.session
        while True:
            page = session.execute(
                query.where(id_column > last).order_by(id_column).limit(self._chunk_size)
            ).all()
            if not page:
                return
            yield [dict(row._mapping) for row in page]
            last = page[-1].id
            if len(page) < self._chunk_size:
                return

    def _rows(
        self,
        query: Select[Any],
        id_column: Any,
        enrich: Callable[[list[Row]], None] | None = None,
    ) -> Iterator[Row]:
        for chunk in self._chunks(query, id_column):
            if enrich is not None:
                enrich(chunk)
            yield from chunk

    def _quoted_by_name(self, person_ids: set[int]) -> set[int]:
        """Of ``person_ids``, those whose consent to be quoted by name is in force."""
        return self._unit.consents.people_with(ConsentPurpose.QUOTED_BY_NAME, sorted(person_ids))

    def involvement(self) -> dict[int, tuple[frozenset[int], frozenset[int]]]:
        """For every session with anyone on its register or running it: the people on its
        register and its facilitators. Two queries for the whole council (the exports' name
        scrub needs them for every row), never one per session."""
        register: dict[int, set[int]] = defaultdict(set)
        for meeting_id, person_id in self._unit.session.execute(
            select(AttendanceRow.meeting_id, AttendanceRow.person_id)
        ):
            register[meeting_id].add(person_id)
        facilitators: dict[int, set[int]] = defaultdict(set)
        for meeting_id, person_id in self._unit.session.execute(
            select(MeetingFacilitatorRow.meeting_id, MeetingFacilitatorRow.person_id)
        ):
            facilitators[meeting_id].add(person_id)
        return {
            meeting_id: (
                frozenset(register.get(meeting_id, ())),
                frozenset(facilitators.get(meeting_id, ())),
            )
            for meeting_id in register.keys() | facilitators.keys()
        }

    # --- the tables -----------------------------------------------------------------------

    def sessions(self) -> Iterator[Row]:
        query = select(
            MeetingRow.id,
            MeetingRow.group_id,
            GroupRow.name.label("group_name"),
            MeetingRow.title,
            MeetingRow.starts_at,
            MeetingRow.ends_at,
            MeetingRow.status,
            MeetingRow.place,
            (MeetingRow.online_link != "").label("online"),
        ).join(GroupRow, GroupRow.id == MeetingRow.group_id)

        def enrich(chunk: list[Row]) -> None:
            ids = [row["id"] for row in chunk]
            marks: dict[int, dict[str, int]] = defaultdict(dict)
            for meeting_id, status, count in self._unit.session.execute(
                select(AttendanceRow.meeting_id, AttendanceRow.status, func.count())
                .where(AttendanceRow.meeting_id.in_(ids))
                .group_by(AttendanceRow.meeting_id, AttendanceRow.status)
            ):
                marks[meeting_id][status] = count
            said: dict[int, int] = {
                meeting_id: count
                for meeting_id, count in self._unit.session.execute(
                    select(ContributionRow.meeting_id, func.count())
                    .where(ContributionRow.meeting_id.in_(ids))
                    .group_by(ContributionRow.meeting_id)
                )
            }
            for row in chunk:
                row["attendance"] = marks.get(row["id"], {})
                row["contributions"] = said.get(row["id"], 0)

        return self._rows(query, MeetingRow.id, enrich)

    def attendance(self) -> Iterator[Row]:
        query = (
            select(
                AttendanceRow.id,
                AttendanceRow.meeting_id,
                MeetingRow.group_id,
                MeetingRow.starts_at,
                AttendanceRow.person_id,
                PersonRow.display_name.label("person_name"),
                AttendanceRow.status,
                AttendanceRow.arrived_late,
                AttendanceRow.left_early,
                AttendanceRow.is_guest,
            )
            .join(MeetingRow, MeetingRow.id == AttendanceRow.meeting_id)
            .join(PersonRow, PersonRow.id == AttendanceRow.person_id)
        )
        return self._rows(query, AttendanceRow.id)

    def contributions(self) -> Iterator[Row]:
        query = (
            select(
                ContributionRow.id,
                ContributionRow.meeting_id,
                MeetingRow.group_id,
                MeetingRow.starts_at,
                ContributionRow.agenda_item_id,
                AgendaItemRow.title.label("agenda_item_title"),
                ContributionRow.captured_at,
                ContributionRow.kind,
                ContributionRow.text,
                ContributionRow.attribution,
                ContributionRow.speaker_id,
                PersonRow.display_name.label("speaker_name"),
                ContributionRow.in_summary,
            )
            .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
            .outerjoin(AgendaItemRow, AgendaItemRow.id == ContributionRow.agenda_item_id)
            .outerjoin(PersonRow, PersonRow.id == ContributionRow.speaker_id)
        )

        def enrich(chunk: list[Row]) -> None:
            ids = [row["id"] for row in chunk]
            tags: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
            for contribution_id, vocabulary, code in self._unit.session.execute(
                select(
                    ContributionTagRow.contribution_id,
                    ContributionTagRow.vocabulary,
                    ContributionTagRow.code,
                )
                .where(ContributionTagRow.contribution_id.in_(ids))
                .order_by(ContributionTagRow.contribution_id, ContributionTagRow.code)
            ):
                tags[contribution_id][vocabulary].append(code)
            consenting = self._quoted_by_name(
                {row["speaker_id"] for row in chunk if row["speaker_id"] is not None}
            )
            for row in chunk:
                row["tags"] = tags.get(row["id"], {})
                row["quoted_by_name"] = row["speaker_id"] in consenting

        return self._rows(query, ContributionRow.id, enrich)

    def links(self) -> Iterator[Row]:
        query = (
            select(
                LinkRow.id,
                LinkRow.contribution_id,
                LinkRow.document_id,
                DocumentRow.title.label("document_title"),
                LinkRow.section_id,
                SectionRow.number.label("section_number"),
                SectionRow.heading.label("section_heading"),
                LinkRow.relation,
                LinkRow.note,
            )
            .join(DocumentRow, DocumentRow.id == LinkRow.document_id)
            .outerjoin(SectionRow, SectionRow.id == LinkRow.section_id)
        )
        return self._rows(query, LinkRow.id)

    def responses(self) -> Iterator[Row]:
        query = (
            select(
                ResponseRow.id,
                ResponseRow.contribution_id,
                ContributionRow.meeting_id,
                MeetingRow.starts_at,
                ResponseRow.status,
                ResponseRow.text,
                ResponseRow.section_id,
                SectionRow.number.label("section_number"),
                SectionRow.heading.label("section_heading"),
                ResponseRow.reason,
                ResponseRow.referred_to,
                ResponseRow.decided_by,
                ResponseRow.decided_on,
                ResponseRow.fed_back_on,
                ResponseRow.fed_back_how,
            )
            .join(ContributionRow, ContributionRow.id == ResponseRow.contribution_id)
            .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
            .outerjoin(SectionRow, SectionRow.id == ResponseRow.section_id)
        )
        return self._rows(query, ResponseRow.id)

    def ladder_history(self) -> Iterator[Row]:
        query = select(
            LadderAssessmentRow.id,
            LadderAssessmentRow.document_id,
            DocumentRow.title.label("document_title"),
            LadderAssessmentRow.assessed_on,
            LadderAssessmentRow.rung,
            LadderAssessmentRow.planned_rung,
            LadderAssessmentRow.assessor_name,
            LadderAssessmentRow.assessor_id,
            LadderAssessmentRow.assessor_is_participant,
            LadderAssessmentRow.evidence,
            LadderAssessmentRow.rationale,
        ).join(DocumentRow, DocumentRow.id == LadderAssessmentRow.document_id)

        def enrich(chunk: list[Row]) -> None:
            ids = [row["id"] for row in chunk]
            sessions: dict[int, int] = defaultdict(int)
            contributions: dict[int, int] = defaultdict(int)
            for assessment_id, meeting_id, contribution_id in self._unit.session.execute(
                select(
                    LadderEvidenceRow.assessment_id,
                    LadderEvidenceRow.meeting_id,
                    LadderEvidenceRow.contribution_id,
                ).where(LadderEvidenceRow.assessment_id.in_(ids))
            ):
                if meeting_id is not None:
                    sessions[assessment_id] += 1
                if contribution_id is not None:
                    contributions[assessment_id] += 1
            consenting = self._quoted_by_name(
                {row["assessor_id"] for row in chunk if row["assessor_id"] is not None}
            )
            for row in chunk:
                row["evidence_sessions"] = sessions.get(row["id"], 0)
                row["evidence_contributions"] = contributions.get(row["id"], 0)
                row["assessor_quoted_by_name"] = row["assessor_id"] in consenting

        return self._rows(query, LadderAssessmentRow.id, enrich)

    def actions(self) -> Iterator[Row]:
        query = (
            select(
                ActionRow.id,
                ActionRow.meeting_id,
                MeetingRow.group_id,
                MeetingRow.starts_at,
                ActionRow.text,
                ActionRow.owner_id,
                PersonRow.display_name.label("owner_name"),
                ActionRow.due_on,
                ActionRow.status,
                ActionRow.done_on,
                ActionRow.note,
            )
            .join(MeetingRow, MeetingRow.id == ActionRow.meeting_id)
            .outerjoin(PersonRow, PersonRow.id == ActionRow.owner_id)
        )
        return self._rows(query, ActionRow.id)

    def payments(self) -> Iterator[Row]:
        query = (
            select(
                PaymentRow.id,
                PaymentRow.person_id,
                PersonRow.display_name.label("person_name"),
                PaymentRow.meeting_id,
                MeetingRow.starts_at,
                PaymentRow.activity_id,
                InvolvementActivityRow.title.label("activity_title"),
                InvolvementActivityRow.on.label("activity_on"),
                PaymentRow.hours,
                PaymentRow.rate_pence,
                PaymentRow.amount_pence,
                PaymentRow.expenses_pence,
                PaymentRow.method,
                PaymentRow.paid_on,
                PaymentRow.declined,
            )
            .join(PersonRow, PersonRow.id == PaymentRow.person_id)
            .outerjoin(MeetingRow, MeetingRow.id == PaymentRow.meeting_id)
            .outerjoin(InvolvementActivityRow, InvolvementActivityRow.id == PaymentRow.activity_id)
        )
        return self._rows(query, PaymentRow.id)
