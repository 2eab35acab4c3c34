"""Exports in the audit trail, deleted words out of SQLite's search index, clean names.

- ``audit_events.details``: what an ``exported`` event covered, as JSON (document kind,
  format, the ids of the records it drew on, table names and row counts; never content).
  Empty for the other actions.
- SQLite only: ``search_words_removed``, a one-row flag set by triggers whenever indexed text is
  deleted or changed. FTS5 (3.40, before 'secure-delete') keeps a deleted row's words in its
  index segments until the segments are merged; the store runs FTS5's 'optimize' before a
  transaction that set the flag commits, and clears it (``store.search.forget_removed_words``).
  The flag is a table rather than session state so that a change made outside the store (a
  bulk load, another tool) is still purged by the next transaction.
- Names and titles lose any bidirectional embedding, override or isolate (U+202A-U+202E,
  U+2066-U+2069), as they now do when saved (``domain.validation``): one in a name could turn
  the rest of a sentence in a document backwards.

Revision ID: 0006
Revises: 0005
Created: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Kept here, not imported, so this revision keeps working when the program's code changes.
WATCHED = {
    "contributions": "text",
    "meetings": "title, notes",
    "documents": "title, summary",
    "sections": "number, heading",
}
FLAG = "INSERT OR IGNORE INTO search_words_removed (id) VALUES (1)"
NAMES = {
    "groups": ("name",),
    "people": ("display_name", "sort_name"),
    "meetings": ("title",),
    "agenda_items": ("title",),
    "documents": ("title",),
    "sections": ("heading",),
    "involvement_activities": ("title",),
}
BIDI_CONTROLS = [chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


def _without_bidi_controls(column: str, dialect: str) -> str:
    if dialect == "sqlite":  # no translate(): one replace() per character
        expression = column
        for char in BIDI_CONTROLS:
            expression = f"replace({expression}, '{char}', '')"
        return expression
    return f"translate({column}, '{''.join(BIDI_CONTROLS)}', '')"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, columns in NAMES.items():
        for column in columns:
            cleaned = _without_bidi_controls(column, dialect)
            op.execute(f"UPDATE {table} SET {column} = {cleaned} WHERE {column} <> {cleaned}")
    op.add_column(
        "audit_events", sa.Column("details", sa.Text(), nullable=False, server_default="")
    )
    if dialect != "sqlite":
        return
    op.execute("CREATE TABLE search_words_removed (id INTEGER PRIMARY KEY CHECK (id = 1))")
    for table, columns in WATCHED.items():
        op.execute(
            f"CREATE TRIGGER search_{table}_forgotten AFTER DELETE ON {table} BEGIN {FLAG}; END"
        )
        # Only when the words really changed: an optimize rewrites the whole index.
        changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns.split(", "))
        op.execute(
            f"CREATE TRIGGER search_{table}_rewritten AFTER UPDATE OF {columns} ON {table} "
            f"WHEN {changed} BEGIN {FLAG}; END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in WATCHED:
            op.execute(f"DROP TRIGGER search_{table}_forgotten")
            op.execute(f"DROP TRIGGER search_{table}_rewritten")
        op.execute("DROP TABLE search_words_removed")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("details")
