"""Ticks of sessions' preparation checklists: the queries the preparation service needs."""

from __future__ import annotations

from sqlalchemy import select

from coproduce.domain.preparation import PreparationTick
from coproduce.store.orm import PreparationTickRow
from coproduce.store.repository import Repository


class PreparationTickRepository(Repository[PreparationTickRow, PreparationTick]):
    row_class = PreparationTickRow
    record_type = "preparation_tick"
    record_label = "Preparation tick"

    def to_record(self, row: PreparationTickRow) -> PreparationTick:
        return PreparationTick(
            id=row.id,
            version=row.version,
            meeting_id=row.meeting_id,
            item_key=row.item_key,
            done=row.done,
            done_by=row.done_by,
            done_at=row.done_at,
        )

    def write(self, row: PreparationTickRow, record: PreparationTick) -> None:
        row.meeting_id = record.meeting_id
        row.item_key = record.item_key
        row.done = record.done
        row.done_by = record.done_by
        row.done_at = record.done_at

    def describe(self, row: PreparationTickRow) -> str:
        return "an item of a session's preparation checklist"

    def for_meeting(self, meeting_id: int) -> list[PreparationTick]:
        """Every tick stored for the session, shown or not, oldest first."""
        query = (
            select(PreparationTickRow)
            .where(PreparationTickRow.meeting_id == meeting_id)
            .order_by(PreparationTickRow.id)
        )
        return [self.to_record(r) for r in self.scalars(query)]

    def find(self, meeting_id: int, item_key: str) -> PreparationTick | None:
        row = self._session.scalar(
            select(PreparationTickRow).where(
                PreparationTickRow.meeting_id == meeting_id,
                PreparationTickRow.item_key == item_key,
            )
        )
        return self.to_record(row) if row else None
