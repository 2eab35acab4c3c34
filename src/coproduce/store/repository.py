"""The generic repository: get, add, update (optimistic lock), delete, each audited.

A repository converts between one table's rows and one domain record type, inside the unit of
work it was given. Subclasses declare the row class, the record type name used in audit events
and messages, and two conversions; they add the queries their services need. Every add,
update and delete writes an ``AuditEvent`` in the same transaction, so no change escapes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from sqlalchemy import Select, func, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from coproduce.domain.errors import ConflictError, NotFoundError
from coproduce.domain.records import Page
from coproduce.domain.vocabulary import AuditAction
from coproduce.store.orm import Base

if TYPE_CHECKING:
    from coproduce.store.unit_of_work import UnitOfWork

RowT = TypeVar("RowT", bound=Base)
RecordT = TypeVar("RecordT")

MAX_PAGE_SIZE = 1000


class Repository(Generic[RowT, RecordT]):
    row_class: ClassVar[type[Base]]
    record_type: ClassVar[str]
    """Machine name of the record type (``person``): audit events and error messages."""
    record_label: ClassVar[str]
    """Human name of the record type (``Person``): messages."""

    def __init__(self, unit: UnitOfWork) -> None:
        self._unit = unit

    @property
    def _session(self) -> Session:
        return self._unit.session

    # --- conversions, per subclass -------------------------------------------------------

    def to_record(self, row: RowT) -> RecordT:
        raise NotImplementedError

    def write(self, row: RowT, record: RecordT) -> None:
        """Copy the editable fields of ``record`` onto ``row`` (never id or version)."""
        raise NotImplementedError

    def describe(self, row: RowT) -> str:
        """A few words that let a person recognise the record in a message."""
        return ""

    # --- generic operations --------------------------------------------------------------

    def row(self, record_id: int) -> RowT:
        row = self._session.get(self.row_class, record_id)
        if row is None:
            raise NotFoundError(self.record_label, record_id)
        return row  # type: ignore[return-value]

    def get(self, record_id: int) -> RecordT:
        return self.to_record(self.row(record_id))

    def exists(self, record_id: int) -> bool:
        return self._session.get(self.row_class, record_id) is not None

    def get_many(self, ids: Iterable[int]) -> list[RecordT]:
        """Records for ``ids`` in the order given; unknown ids are skipped."""
        wanted = list(ids)
        if not wanted:
            return []
        rows = {
            row.id: row  # type: ignore[attr-defined]
            for row in self._session.scalars(
                select(self.row_class).where(self.row_class.id.in_(wanted))  # type: ignore[attr-defined]
            )
        }
        return [self.to_record(rows[i]) for i in wanted if i in rows]

    def add(self, record: RecordT) -> RecordT:
        row = self.row_class()
        self.write(row, record)  # type: ignore[arg-type]
        self._session.add(row)
        self._session.flush()
        self._unit.audit(AuditAction.CREATED, self.record_type, row.id)  # type: ignore[attr-defined]
        return self.to_record(row)  # type: ignore[arg-type]

    def restore(self, record: RecordT) -> RecordT:
        """Put back a deleted record under its old id (undo of a delete); audited as created.

        The version starts again at 1: nobody can hold an edit of a row that did not exist."""
        record_id: int = record.id  # type: ignore[attr-defined]
        if self.exists(record_id):
            # Someone else's new record took the number (SQLite reuses the highest free id).
            raise ConflictError(
                self.record_label, record_id, "its number is now used by another record"
            )
        row = self.row_class()
        self.write(row, record)  # type: ignore[arg-type]
        row.id = record_id  # type: ignore[attr-defined]
        self._session.add(row)
        self._session.flush()
        self._unit.audit(AuditAction.CREATED, self.record_type, record_id)
        return self.to_record(row)  # type: ignore[arg-type]

    def update(self, record: RecordT, action: AuditAction = AuditAction.UPDATED) -> RecordT:
        record_id: int = record.id  # type: ignore[attr-defined]
        row = self.row(record_id)
        self.check_version(row, record.version)  # type: ignore[attr-defined]
        # Words for a conflict message, taken now: a failed flush rolls the transaction
        # back, and the row's attributes cannot be read afterwards ("Can't operate on closed
        # transaction"), which is how PostgreSQL's loser of a real race used to fail.
        description = self.describe(row)
        self.write(row, record)
        self._bump_version_if_only_children_changed(row)
        try:
            self._session.flush()
        except StaleDataError as exc:  # changed between our read and our write
            raise ConflictError(self.record_label, record_id, description) from exc
        self._unit.audit(action, self.record_type, record_id)
        return self.to_record(row)

    def _bump_version_if_only_children_changed(self, row: RowT) -> None:
        """SQLAlchemy raises ``version`` only when a column of the row itself changes. An edit
        of roles, needs, tags or facilitators alone (child rows) would leave it as it was, and
        a colleague's older copy could then be saved over it without a conflict. Marking one
        own column as modified makes the UPDATE (and the version check) happen."""
        state = inspect(row)
        if state.mapper.version_id_col is None or not self._session.is_modified(row):
            return
        own_changed = any(
            state.attrs[column.key].history.has_changes() for column in state.mapper.column_attrs
        )
        if not own_changed:
            first_own = next(
                column.key
                for column in state.mapper.column_attrs
                if not column.columns[0].primary_key
                and column.columns[0] is not state.mapper.version_id_col
            )
            flag_modified(row, first_own)

    def check_version(self, row: RowT, expected: int | None) -> None:
        if expected is not None and getattr(row, "version", expected) != expected:
            raise ConflictError(self.record_label, row.id, self.describe(row))  # type: ignore[attr-defined]

    def delete(self, record_id: int, expected_version: int | None = None) -> None:
        row = self.row(record_id)
        self.check_version(row, expected_version)
        description = self.describe(row)  # before the flush: see ``update``
        self._session.delete(row)
        try:
            self._session.flush()
        except StaleDataError as exc:
            raise ConflictError(self.record_label, record_id, description) from exc
        self._unit.audit(AuditAction.DELETED, self.record_type, record_id)

    # --- helpers for subclasses' queries -------------------------------------------------

    def page(self, query: Select[Any], offset: int, limit: int | None) -> Page[RecordT]:
        """Run ``query`` (already filtered and ordered) for one page and the total count."""
        rows, total = self.counted_rows(query, offset, limit)
        return Page(
            items=tuple(self.to_record(r[0]) for r in rows),
            total=total,
            offset=offset,
        )

    def counted_rows(
        self, query: Select[Any], offset: int, limit: int | None
    ) -> tuple[Sequence[Any], int]:
        """One page of ``query``'s rows (each with the count as its last column) and how
        many rows match in all. The count comes with the rows, as ``count(*) OVER ()``
        (counted before the page is cut): a page is one query, not two. Only a page with no
        rows asks for the count on its own."""
        paged = query.add_columns(func.count().over())
        if limit is not None:
            paged = paged.offset(max(0, offset)).limit(min(max(0, limit), MAX_PAGE_SIZE))
        rows = self._session.execute(paged).all()
        if rows:
            return rows, int(rows[0][-1])
        if offset <= 0 and limit != 0:
            return rows, 0
        return rows, self.count(query)

    def ids(self, query: Select[Any]) -> list[int]:
        """Only the ids a query matches, in its order (for item models that fetch lazily)."""
        id_column = self.row_class.id  # type: ignore[attr-defined]
        return list(self._session.scalars(query.with_only_columns(id_column)))

    def count(self, query: Select[Any]) -> int:
        return (
            self._session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
            or 0
        )

    def scalars(self, query: Select[Any]) -> Sequence[Any]:
        return self._session.scalars(query).all()
