"""The audit trail, unsaved drafts and shared settings."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, inspect, select

from coproduce.domain.records import AuditEvent, Page
from coproduce.domain.validation import clean_text
from coproduce.domain.vocabulary import AuditAction
from coproduce.store.orm import AuditEventRow, Base, DraftRow, SettingRow
from coproduce.store.repository import Repository


class AuditRepository(Repository[AuditEventRow, AuditEvent]):
    """Read-only: audit events are written by ``UnitOfWork.audit`` and never changed."""

    row_class = AuditEventRow
    record_type = "audit_event"
    record_label = "Audit event"

    def to_record(self, row: AuditEventRow) -> AuditEvent:
        return AuditEvent(
            id=row.id,
            at=row.at,
            actor=row.actor,
            action=AuditAction(row.action),
            record_type=row.record_type,
            record_id=row.record_id,
            details=row.details,
        )

    def list(
        self,
        *,
        record_type: str | None = None,
        record_id: int | None = None,
        action: AuditAction | None = None,
        newest_first: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[AuditEvent]:
        order = AuditEventRow.id.desc() if newest_first else AuditEventRow.id
        query = select(AuditEventRow).order_by(order)
        if action is not None:
            query = query.where(AuditEventRow.action == action.value)
        if record_type is not None:
            query = query.where(AuditEventRow.record_type == record_type)
        if record_id is not None:
            query = query.where(AuditEventRow.record_id == record_id)
        return self.page(query, offset, limit)


class DraftRepository:
    """Unsaved text keyed by where it was typed (``capture:meeting:12``) and by who typed it:
    on a shared database two facilitators capturing the same session keep separate drafts."""

    def __init__(self, unit: Any) -> None:
        self._unit = unit

    def _key(self, key: str) -> str:
        return f"{self._unit.actor}\x1f{key}"

    def save(self, key: str, text: str) -> None:
        text = clean_text(text)
        row = self._unit.session.get(DraftRow, self._key(key))
        if row is None:
            self._unit.session.add(
                DraftRow(key=self._key(key), text=text, saved_at=self._unit.now())
            )
        else:
            row.text = text
            row.saved_at = self._unit.now()

    def load(self, key: str) -> tuple[str, datetime] | None:
        row = self._unit.session.get(DraftRow, self._key(key))
        return (row.text, row.saved_at) if row else None

    def discard(self, key: str) -> None:
        row = self._unit.session.get(DraftRow, self._key(key))
        if row is not None:
            self._unit.session.delete(row)


class SettingRepository:
    """Settings shared by everyone using this database, as JSON values."""

    def __init__(self, unit: Any) -> None:
        self._unit = unit

    def get(self, key: str, default: Any = None) -> Any:
        row = self._unit.session.get(SettingRow, key)
        return json.loads(row.value) if row else default

    def set(self, key: str, value: Any) -> None:
        text = json.dumps(value)
        row = self._unit.session.get(SettingRow, key)
        if row is None:
            self._unit.session.add(SettingRow(key=key, value=text))
        else:
            row.value = text


def table_counts(session: Any) -> dict[str, int]:
    """Rows per table, for ``coproduce check`` (only tables this schema has: an older one may
    lack some)."""
    present = set(inspect(session.connection()).get_table_names())
    return {
        name: session.scalar(select(func.count()).select_from(table)) or 0
        for name, table in sorted(Base.metadata.tables.items())
        if name in present
    }
