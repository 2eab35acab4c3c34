"""The audit trail: who created, changed, deleted and exported what, and when.

Changes are audited by the repositories as they are saved. Exports are recorded here, by
whatever wrote the file (the window's export dialogs, ``coproduce export``, the table export
service), once the file is written: one ``exported`` event naming the export's kind, format
and subject record, with details that say which records it drew on and how many rows it
held. The details hold ids, dates, table names and counts only, never names or words, so the
audit trail can be shown to an information-governance officer as it is.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from coproduce.domain.errors import DatabaseError
from coproduce.domain.log_privacy import describe_error
from coproduce.domain.records import AuditEvent, Page
from coproduce.domain.vocabulary import AuditAction, ExportKind
from coproduce.services.base import Service

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Export:
    """What one export wrote, for the audit trail.

    ``record_type``/``record_id`` name its subject (the session of a summary, the person of a
    pack; ``"database"`` and 0 for tables or a list of everything). ``records`` lists other
    records it drew on by type (``{"group": (3, 4)}``), ``rows`` the rows per table.
    """

    kind: ExportKind
    file_format: str
    record_type: str
    record_id: int = 0
    records: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    rows: Mapping[str, int] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None

    def details(self) -> str:
        """The JSON kept in the audit event: codes, ids, dates and counts."""
        found: dict[str, object] = {"kind": self.kind.value, "format": self.file_format}
        if self.records:
            found["records"] = {kind: sorted(ids) for kind, ids in sorted(self.records.items())}
        if self.rows:
            found["rows"] = dict(self.rows)
        if self.date_from:
            found["from"] = self.date_from.isoformat()
        if self.date_to:
            found["to"] = self.date_to.isoformat()
        return json.dumps(found, sort_keys=True)


def describe_export(event: AuditEvent) -> str:
    """One line for people: 'Minutes (docx) of meeting 12' or 'Tables (xlsx): 40 people...'."""
    try:
        details = json.loads(event.details or "{}")
    except ValueError:
        details = {}
    try:
        kind = ExportKind(details.get("kind", "")).label
    except ValueError:
        kind = "Export"
    text = f"{kind} ({details.get('format', '?')})"
    if event.record_id:
        text += f" of {event.record_type} {event.record_id}"
    records = details.get("records") or {}
    for record_type, ids in records.items():
        text += f"; {record_type} {', '.join(str(i) for i in ids)}"
    if details.get("from") or details.get("to"):
        text += f"; {details.get('from') or 'start'} to {details.get('to') or 'now'}"
    rows = details.get("rows") or {}
    if rows:
        text += ": " + ", ".join(f"{count:,} {table}" for table, count in rows.items())
    return text


class AuditService(Service):
    def record_export(self, export: Export) -> bool:
        """Record that ``export`` was written to a file, by this program's user, now.

        Returns False, and logs why, when the database cannot be written (a read-only copy,
        a busy database): the file is already written, and saying it failed would mislead.
        """
        try:
            with self._store.recording() as unit:
                unit.audit(
                    AuditAction.EXPORTED, export.record_type, export.record_id, export.details()
                )
        except DatabaseError as error:
            log.warning(
                "Export of %s %s not audited: %s",
                export.record_type,
                export.record_id,
                describe_error(error),
            )
            return False
        return True

    def events(
        self,
        *,
        action: AuditAction | None = None,
        record_type: str | None = None,
        record_id: int | None = None,
        newest_first: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[AuditEvent]:
        """Audit events, oldest first unless ``newest_first``, filtered as asked."""
        with self._store.transaction() as unit:
            return unit.audit_events.list(
                action=action,
                record_type=record_type,
                record_id=record_id,
                newest_first=newest_first,
                offset=offset,
                limit=limit,
            )


def ids(values: Iterable[int | None]) -> tuple[int, ...]:
    """Record ids for ``Export.records``, without the missing ones."""
    return tuple(sorted({value for value in values if value is not None}))
