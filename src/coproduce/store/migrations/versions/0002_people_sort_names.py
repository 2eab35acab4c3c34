"""Case-folded sort names for people, so the register sorts and searches without case.

SQLite's LOWER() folds ASCII only ("Zoë" and "ZOË" differ), so the program stores Python's
``casefold()`` of each name beside it and indexes that. Existing rows are filled here, in
batches, which is also the pattern for any later data migration.

Revision ID: 0002
Revises: 0001
Created: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 1000


def _sort_key(text: str) -> str:
    # Kept here, not imported, so this revision keeps working when the program's helper changes.
    return " ".join(text.casefold().split())


def upgrade() -> None:
    # NOT NULL with a default is allowed by SQLite's ALTER TABLE ADD COLUMN, so the people
    # table (which many foreign keys point at) is never copied and rebuilt.
    op.add_column("people", sa.Column("sort_name", sa.Text(), nullable=False, server_default=""))
    people = sa.table(
        "people",
        sa.column("id", sa.Integer),
        sa.column("display_name", sa.Text),
        sa.column("sort_name", sa.Text),
    )
    connection = op.get_bind()
    last_id = 0
    while True:
        rows = connection.execute(
            sa.select(people.c.id, people.c.display_name)
            .where(people.c.id > last_id)
            .order_by(people.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        connection.execute(
            people.update().where(people.c.id == sa.bindparam("row_id")),
            [{"row_id": row.id, "sort_name": _sort_key(row.display_name)} for row in rows],
        )
        last_id = rows[-1].id
    op.create_index("ix_people_sort_name", "people", ["sort_name"])


def downgrade() -> None:
    op.drop_index("ix_people_sort_name", table_name="people")
    with op.batch_alter_table("people") as batch_op:
        batch_op.drop_column("sort_name")
