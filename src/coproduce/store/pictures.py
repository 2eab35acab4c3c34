"""The pictures remembered for concepts, and the concept that illustrates each easy-read row.

A concept ("money", "next meeting") keeps the picture the facilitator chose for it, so the
same idea looks the same in every document. A row (a session, agenda item, contribution,
response or action) keeps only the name of its concept: changing the picture of "money"
changes it everywhere at once. The row's link is dropped by the database (ON DELETE CASCADE)
when the record it illustrates is deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from coproduce.domain.records import PictureChoice
from coproduce.domain.vocabulary import AuditAction, PictureSource, RowKind
from coproduce.store.orm import PictureChoiceRow, RowPictureRow
from coproduce.store.repository import Repository

ROW_RECORD_TYPE = "row_picture"

_COLUMNS: dict[RowKind, str] = {
    RowKind.SESSION: "meeting_id",
    RowKind.AGENDA_ITEM: "agenda_item_id",
    RowKind.CONTRIBUTION: "contribution_id",
    RowKind.RESPONSE: "response_id",
    RowKind.ACTION: "action_id",
}


class PictureChoiceRepository(Repository[PictureChoiceRow, PictureChoice]):
    row_class = PictureChoiceRow
    record_type = "picture_choice"
    record_label = "Picture"

    def to_record(self, row: PictureChoiceRow) -> PictureChoice:
        return PictureChoice(
            id=row.id,
            version=row.version,
            concept=row.concept,
            source=PictureSource(row.source),
            reference=row.reference,
            alt_text=row.alt_text,
        )

    def write(self, row: PictureChoiceRow, record: PictureChoice) -> None:
        row.concept = record.concept
        row.source = record.source.value
        row.reference = record.reference
        row.alt_text = record.alt_text

    def describe(self, row: PictureChoiceRow) -> str:
        return f"the picture for '{row.concept}'"

    def by_concept(self, concept: str) -> PictureChoice | None:
        row = self._session.scalar(
            select(PictureChoiceRow).where(PictureChoiceRow.concept == concept)
        )
        return None if row is None else self.to_record(row)

    def by_concepts(self, concepts: Iterable[str]) -> dict[str, PictureChoice]:
        wanted = sorted(set(concepts))
        if not wanted:
            return {}
        rows = self._session.scalars(
            select(PictureChoiceRow).where(PictureChoiceRow.concept.in_(wanted))
        )
        return {row.concept: self.to_record(row) for row in rows}

    def everything(self) -> list[PictureChoice]:
        rows = self._session.scalars(select(PictureChoiceRow).order_by(PictureChoiceRow.concept))
        return [self.to_record(row) for row in rows]


class RowPictureRepository:
    """Which concept illustrates a row; each change is audited like any other record's."""

    def __init__(self, unit: Any) -> None:
        self._unit = unit

    def _column(self, kind: RowKind) -> Any:
        return getattr(RowPictureRow, _COLUMNS[kind])

    def _row(self, kind: RowKind, record_id: int) -> RowPictureRow | None:
        return self._unit.session.scalar(
            select(RowPictureRow).where(self._column(kind) == record_id)
        )

    def concept(self, kind: RowKind, record_id: int) -> str | None:
        row = self._row(kind, record_id)
        return None if row is None else row.concept

    def concepts(self, kind: RowKind, record_ids: Iterable[int]) -> dict[int, str]:
        wanted = sorted(set(record_ids))
        if not wanted:
            return {}
        column = self._column(kind)
        found: dict[int, str] = {}
        # In slices: a long list of ids must stay under the databases' parameter limits.
        for start in range(0, len(wanted), 500):
            rows = self._unit.session.execute(
                select(column, RowPictureRow.concept).where(column.in_(wanted[start : start + 500]))
            )
            found.update({record_id: concept for record_id, concept in rows})
        return found

    def set(self, kind: RowKind, record_id: int, concept: str | None) -> None:
        """Link the row to ``concept``; None removes the link (the row has no picture of its
        own choosing and documents suggest one from its words)."""
        row = self._row(kind, record_id)
        if concept is None:
            if row is not None:
                self._unit.session.delete(row)
                self._unit.session.flush()
                self._unit.audit(AuditAction.DELETED, ROW_RECORD_TYPE, row.id)
            return
        if row is None:
            row = RowPictureRow(concept=concept)
            setattr(row, _COLUMNS[kind], record_id)
            self._unit.session.add(row)
            self._unit.session.flush()
            self._unit.audit(AuditAction.CREATED, ROW_RECORD_TYPE, row.id)
        elif row.concept != concept:
            row.concept = concept
            self._unit.session.flush()
            self._unit.audit(AuditAction.UPDATED, ROW_RECORD_TYPE, row.id)
