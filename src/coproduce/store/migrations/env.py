"""Alembic environment: always run with a connection handed over by ``migrations.upgrade``."""

from __future__ import annotations

from alembic import context

from coproduce.store.orm import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Coproduce migrations run through coproduce.store.migrations.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode copies the table instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
