"""Contributions (what people said), their links to documents, and responses to them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import exists, select

from coproduce.domain.records import Contribution, Link, Page, Response
from coproduce.domain.vocabulary import (
    Attribution,
    ContributionKind,
    CqcQualityStatement,
    FeedbackMethod,
    LinkRelation,
    MakingItRealTheme,
    ResponseStatus,
)
from coproduce.store.orm import (
    ContributionRow,
    ContributionTagRow,
    LadderResponseEvidenceRow,
    LinkRow,
    MeetingRow,
    ResponseRow,
)
from coproduce.store.repository import Repository

THEME = "theme"
CQC = "cqc"


class ContributionRepository(Repository[ContributionRow, Contribution]):
    row_class = ContributionRow
    record_type = "contribution"
    record_label = "Contribution"

    def to_record(self, row: ContributionRow) -> Contribution:
        return Contribution(
            id=row.id,
            version=row.version,
            meeting_id=row.meeting_id,
            agenda_item_id=row.agenda_item_id,
            kind=ContributionKind(row.kind),
            text=row.text,
            easy_read=row.easy_read,
            attribution=Attribution(row.attribution),
            speaker_id=row.speaker_id,
            themes=frozenset(MakingItRealTheme(t.code) for t in row.tags if t.vocabulary == THEME),
            quality_statements=frozenset(
                CqcQualityStatement(t.code) for t in row.tags if t.vocabulary == CQC
            ),
            in_summary=row.in_summary,
            captured_at=row.captured_at,
        )

    def write(self, row: ContributionRow, record: Contribution) -> None:
        row.meeting_id = record.meeting_id
        row.agenda_item_id = record.agenda_item_id
        row.kind = record.kind.value
        row.text = record.text
        row.easy_read = record.easy_read
        row.attribution = record.attribution.value
        row.speaker_id = record.speaker_id
        row.in_summary = record.in_summary
        if record.captured_at is not None:
            row.captured_at = record.captured_at
        elif row.captured_at is None:
            row.captured_at = self._unit.now()
        wanted = {(THEME, t.value) for t in record.themes} | {
            (CQC, q.value) for q in record.quality_statements
        }
        if {(t.vocabulary, t.code) for t in row.tags} != wanted:
            row.tags = [ContributionTagRow(vocabulary=v, code=c) for v, c in sorted(wanted)]

    def describe(self, row: ContributionRow) -> str:
        return row.text[:60]

    def search_query(
        self,
        *,
        meeting_id: int | None = None,
        meeting_ids: Sequence[int] | None = None,
        speaker_id: int | None = None,
        agenda_item_id: int | None = None,
        document_id: int | None = None,
    ):  # type: ignore[no-untyped-def]
        query = select(ContributionRow).order_by(ContributionRow.captured_at, ContributionRow.id)
        if meeting_id is not None:
            query = query.where(ContributionRow.meeting_id == meeting_id)
        if meeting_ids is not None:
            # Every session of a group's report in one query, not one query per session.
            query = query.where(ContributionRow.meeting_id.in_(list(meeting_ids)))
        if speaker_id is not None:
            query = query.where(ContributionRow.speaker_id == speaker_id)
        if agenda_item_id is not None:
            query = query.where(ContributionRow.agenda_item_id == agenda_item_id)
        if document_id is not None:
            # EXISTS, not a join: a contribution linked to two sections is still listed once.
            query = query.where(
                exists().where(
                    LinkRow.contribution_id == ContributionRow.id,
                    LinkRow.document_id == document_id,
                )
            )
        return query

    def list(
        self, *, offset: int = 0, limit: int | None = None, **filters: object
    ) -> Page[Contribution]:
        return self.page(self.search_query(**filters), offset, limit)  # type: ignore[arg-type]

    def count_where(self, **filters: object) -> int:
        return self.count(self.search_query(**filters))  # type: ignore[arg-type]


class LinkRepository(Repository[LinkRow, Link]):
    row_class = LinkRow
    record_type = "link"
    record_label = "Link"

    def to_record(self, row: LinkRow) -> Link:
        return Link(
            id=row.id,
            version=row.version,
            contribution_id=row.contribution_id,
            document_id=row.document_id,
            section_id=row.section_id,
            relation=LinkRelation(row.relation),
            note=row.note,
        )

    def write(self, row: LinkRow, record: Link) -> None:
        row.contribution_id = record.contribution_id
        row.document_id = record.document_id
        row.section_id = record.section_id
        row.relation = record.relation.value
        row.note = record.note

    def for_contribution(self, contribution_id: int) -> list[Link]:
        query = (
            select(LinkRow).where(LinkRow.contribution_id == contribution_id).order_by(LinkRow.id)
        )
        return [self.to_record(r) for r in self.scalars(query)]

    def first_documents(self, contribution_ids: Sequence[int]) -> dict[int, int]:
        """The document each of ``contribution_ids`` was first linked to (by link number),
        for those linked at all: one query per 5,000 contributions, never one each."""
        found: dict[int, int] = {}
        wanted = sorted(set(contribution_ids))
        for first in range(0, len(wanted), 5_000):
            query = (
                select(LinkRow.contribution_id, LinkRow.document_id)
                .where(LinkRow.contribution_id.in_(wanted[first : first + 5_000]))
                .order_by(LinkRow.contribution_id, LinkRow.id)
            )
            for contribution_id, document_id in self._session.execute(query):
                found.setdefault(contribution_id, document_id)
        return found

    def for_document(self, document_id: int) -> list[Link]:
        query = select(LinkRow).where(LinkRow.document_id == document_id).order_by(LinkRow.id)
        return [self.to_record(r) for r in self.scalars(query)]

    def count_for_document(self, document_id: int) -> int:
        return self.count(select(LinkRow).where(LinkRow.document_id == document_id))

    def count_for_section(self, section_id: int) -> int:
        return self.count(select(LinkRow).where(LinkRow.section_id == section_id))

    def find(
        self,
        contribution_id: int,
        document_id: int,
        section_id: int | None,
        except_id: int | None = None,
    ) -> Link | None:
        """The link joining exactly this contribution, document and section (or whole
        document when ``section_id`` is None), other than ``except_id``."""
        query = select(LinkRow).where(
            LinkRow.contribution_id == contribution_id,
            LinkRow.document_id == document_id,
            LinkRow.section_id.is_(None)
            if section_id is None
            else LinkRow.section_id == section_id,
        )
        if except_id is not None:
            query = query.where(LinkRow.id != except_id)
        row = self._session.scalars(query.order_by(LinkRow.id).limit(1)).first()
        return self.to_record(row) if row else None


class ResponseRepository(Repository[ResponseRow, Response]):
    row_class = ResponseRow
    record_type = "response"
    record_label = "Response"

    def to_record(self, row: ResponseRow) -> Response:
        return Response(
            id=row.id,
            version=row.version,
            contribution_id=row.contribution_id,
            status=ResponseStatus(row.status),
            text=row.text,
            easy_read=row.easy_read,
            section_id=row.section_id,
            reason=row.reason,
            referred_to=row.referred_to,
            decided_by=row.decided_by,
            decided_on=row.decided_on,
            fed_back_on=row.fed_back_on,
            fed_back_how=FeedbackMethod(row.fed_back_how) if row.fed_back_how else None,
        )

    def write(self, row: ResponseRow, record: Response) -> None:
        row.contribution_id = record.contribution_id
        row.status = record.status.value
        row.text = record.text
        row.easy_read = record.easy_read
        row.section_id = record.section_id
        row.reason = record.reason
        row.referred_to = record.referred_to
        row.decided_by = record.decided_by
        row.decided_on = record.decided_on
        row.fed_back_on = record.fed_back_on
        row.fed_back_how = record.fed_back_how.value if record.fed_back_how else None

    def for_contribution(self, contribution_id: int) -> Response | None:
        row = self._session.scalar(
            select(ResponseRow).where(ResponseRow.contribution_id == contribution_id)
        )
        return self.to_record(row) if row else None

    def for_contributions(self, contribution_ids: list[int]) -> dict[int, Response]:
        if not contribution_ids:
            return {}
        query = select(ResponseRow).where(ResponseRow.contribution_id.in_(contribution_ids))
        return {r.contribution_id: self.to_record(r) for r in self.scalars(query)}

    def count_citing(self, response_id: int) -> int:
        """How many ladder assessments cite this response as evidence."""
        return self.count(
            select(LadderResponseEvidenceRow.assessment_id).where(
                LadderResponseEvidenceRow.response_id == response_id
            )
        )

    def answers_not_fed_back(
        self,
        group_id: int,
        before: datetime,
        kinds: Iterable[str],
        waiting: Iterable[str],
        *,
        newest: int,
    ) -> tuple[list[tuple[Contribution, Response]], int]:
        """Contributions of ``kinds`` said at the group's sessions starting before ``before``
        whose response is an answer (not a status in ``waiting``) not yet fed back: what a
        session's summary tells the group. The ``newest`` of them and those chosen for their
        session's summary, oldest first, and how many there are in all. Two queries, whatever
        the group's history."""
        where = (
            MeetingRow.group_id == group_id,
            MeetingRow.starts_at < before,
            ResponseRow.fed_back_on.is_(None),
            ResponseRow.status.not_in(list(waiting)),
            ContributionRow.kind.in_(list(kinds)),
        )
        joined = (
            select(ContributionRow, ResponseRow)
            .join(ResponseRow, ResponseRow.contribution_id == ContributionRow.id)
            .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
        )
        total = self.count(
            select(ContributionRow.id)
            .join(ResponseRow, ResponseRow.contribution_id == ContributionRow.id)
            .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
            .where(*where)
        )
        newest_first = (MeetingRow.starts_at.desc(), ContributionRow.id.desc())
        found: dict[int, tuple[ContributionRow, ResponseRow]] = {}
        for query in (
            joined.where(*where).order_by(*newest_first).limit(newest),
            joined.where(*where, ContributionRow.in_summary.is_(True)).order_by(*newest_first),
        ):
            for said, answer in self._session.execute(query):
                found[said.id] = (said, answer)
        contributions = ContributionRepository(self._unit)
        pairs = [
            (contributions.to_record(said), self.to_record(answer))
            for said, answer in found.values()
        ]
        pairs.sort(key=lambda pair: (pair[0].meeting_id, pair[0].captured_at or datetime.min))
        return pairs, total

    def for_section(self, section_id: int) -> list[Response]:
        """Responses that name this section (usually 'changed the document')."""
        query = (
            select(ResponseRow)
            .where(ResponseRow.section_id == section_id)
            .order_by(ResponseRow.contribution_id)
        )
        return [self.to_record(r) for r in self.scalars(query)]
