"""Fast insertion of many plain rows in one transaction (demo data; later, imports).

The repositories add one record at a time with an audit event each, which is right for people
typing. Building a large council's demo data (half a million rows) that way would take many
minutes. Here each table's rows go in with ``session.execute(insert(table), rows)``: SQLAlchemy's
executemany, batched by its "insertmanyvalues" machinery, a chunk at a time, all in ONE
transaction, so a failure or a cancel (the progress callback raising) leaves the database as it
was.

Rows are plain dicts keyed by column name, every dict of a table with the same keys; columns
left out get their default. Callers give explicit ids wherever other rows point at them.
No audit event is written per row: a bulk load is one act, and a row-by-row trail of it would
bury the real history. Callers that want a trace add their own few ``audit_events`` rows.

On PostgreSQL explicit ids do not move the id sequences, so after the inserts each touched
table's sequence is set to its highest id; otherwise the next record a person added would
collide with a bulk-loaded row. SQLite needs nothing: it takes the next id from the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Integer, Table, exists, func, insert, select, text
from sqlalchemy.orm import Session

from coproduce.store.database import Database
from coproduce.store.orm import Base
from coproduce.store.search import search_index_paused

# Parents before children: sorted_tables follows the foreign keys.
TABLES: dict[str, Table] = {table.name: table for table in Base.metadata.sorted_tables}

CHUNK_SIZE = 5_000

Progress = Callable[[str, int, int], None]
"""Called after each chunk with (table name, rows inserted so far, rows in total)."""


class NotEmptyError(Exception):
    """A table that had to be empty already has rows; nothing was inserted."""

    def __init__(self, tables: Sequence[str]) -> None:
        super().__init__(f"these tables already have rows: {', '.join(tables)}")
        self.tables = tuple(tables)


def tables_with_rows(database: Database, names: Iterable[str]) -> list[str]:
    """Of ``names``, the tables that hold at least one row."""
    with database.reading() as session:
        return _tables_with_rows(session, names)


def insert_rows(
    database: Database,
    rows: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    require_empty: Iterable[str] = (),
    progress: Progress | None = None,
) -> dict[str, int]:
    """Insert ``rows`` (table name -> row dicts) in one transaction; return rows per table.

    ``require_empty`` names tables that must have no rows when the transaction starts
    (checked inside it, so two people loading at once cannot both pass); otherwise
    ``NotEmptyError`` is raised and nothing is written. ``ValueError`` for an unknown table or
    column, or rows of one table with different keys: a mistake in the caller.
    """
    order = [name for name in TABLES if name in rows]
    unknown = sorted(set(rows) - set(order))
    if unknown:
        raise ValueError(f"no such tables: {', '.join(unknown)}")
    for name in order:
        _check_columns(TABLES[name], rows[name])
    total = sum(len(rows[name]) for name in order)
    done = 0
    with database.session() as session:
        occupied = _tables_with_rows(session, require_empty)
        if occupied:
            raise NotEmptyError(occupied)
        with search_index_paused(session):
            for name in order:
                table_rows = rows[name]
                for start in range(0, len(table_rows), CHUNK_SIZE):
                    chunk = table_rows[start : start + CHUNK_SIZE]
                    session.execute(insert(TABLES[name]), list(chunk))
                    done += len(chunk)
                    if progress is not None:
                        progress(name, done, total)
        if not database.is_sqlite:
            _move_sequences_past_ids(session, [TABLES[name] for name in order if rows[name]])
    # Fresh statistics after a large load, so both query planners choose the indexes
    # (SQLite gathers none until ANALYZE runs; PostgreSQL's autovacuum would get there later).
    with database.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
    return {name: len(rows[name]) for name in order}


def _tables_with_rows(session: Session, names: Iterable[str]) -> list[str]:
    found = []
    for name in names:
        table = TABLES[name]
        if session.scalar(select(exists().select_from(table))):
            found.append(name)
    return found


def _check_columns(table: Table, table_rows: Sequence[Mapping[str, Any]]) -> None:
    if not table_rows:
        return
    keys = table_rows[0].keys()
    extra = sorted(set(keys) - set(table.c.keys()))
    if extra:
        raise ValueError(f"{table.name} has no columns {', '.join(extra)}")
    for index, row in enumerate(table_rows):
        if row.keys() != keys:
            raise ValueError(
                f"row {index} of {table.name} has columns {sorted(row)}, "
                f"not {sorted(keys)} like the first row"
            )


def _move_sequences_past_ids(session: Session, tables: Sequence[Table]) -> None:
    """PostgreSQL: set each table's id sequence to its highest id (next id = highest + 1)."""
    preparer = session.get_bind().dialect.identifier_preparer
    for table in tables:
        id_column = table.c.get("id")
        if (
            id_column is None
            or not id_column.primary_key
            or not isinstance(id_column.type, Integer)
        ):
            continue
        highest = session.scalar(select(func.max(id_column)))
        if highest is None:
            continue
        session.execute(
            text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :highest)"),
            {"table": preparer.format_table(table), "highest": highest},
        )
