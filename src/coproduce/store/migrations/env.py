"""Alembic environment: always run with a connection handed over by ``migrations.upgrade``."""

from __future__ import annotations

from alembic import context

from coproduce.store.orm import Base
from coproduce.store.search import include_in_schema_comparison

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Coproduce migrations run through coproduce.store.migrations.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode copies the table instead.
    render_as_batch=True,
    compare_type=True,
    # The full-text search index (FTS5 tables, GIN indexes) is made by hand, not by the ORM.
    include_name=include_in_schema_comparison,
)
with context.begin_transaction():
    context.run_migrations()
