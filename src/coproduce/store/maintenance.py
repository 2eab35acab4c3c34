"""Health checks of an open database, for ``coproduce check`` and the window's About box.

On SQLite, ``PRAGMA integrity_check`` finds damaged pages and indexes, and
``PRAGMA foreign_key_check`` finds rows pointing at records that no longer exist (possible
when someone edited the file with foreign keys switched off). PostgreSQL enforces both
itself, so there a round trip and the row counts are the whole check.
The answer is a plain dataclass, so the command line (which may not import SQLAlchemy)
can print it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.exc import DatabaseError as SADatabaseError

from coproduce.domain.errors import DatabaseError
from coproduce.store import migrations
from coproduce.store.database import Database, sqlite_path
from coproduce.store.housekeeping import table_counts

# Enough to see what is wrong; a badly damaged file can report millions of lines.
MAX_REPORTED_PROBLEMS = 100


@dataclass(frozen=True, slots=True)
class DatabaseCheck:
    """What ``check_database`` found. ``problems`` are sentences a person can read."""

    revision: str | None
    head: str
    integrity_ok: bool
    problems: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return self.integrity_ok and not self.problems


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other databases, in-memory ones or bad URLs.

    Lets a caller tell whether a database file exists before ``Database.open`` creates it.
    """
    try:
        return sqlite_path(make_url(url))
    except ArgumentError:
        return None


def is_postgresql(url: str) -> bool:
    try:
        return make_url(url).get_backend_name() == "postgresql"
    except ArgumentError:
        return False


def check_database(database: Database) -> DatabaseCheck:
    """Check the schema revision, the integrity of the data, and count the rows per table."""
    head = migrations.head_revision()
    try:
        revision = database.schema_revision()
        problems: list[str] = []
        if database.is_sqlite:
            problems.extend(_sqlite_problems(database))
        else:
            with database.reading_connection() as connection:
                connection.execute(text("SELECT 1"))
        integrity_ok = not problems
        with database.reading() as session:
            counts = table_counts(session)
    except SADatabaseError as exc:
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseError(
            f"The database {database.display_name} could not be checked: {detail}. "
            "Restore the newest copy from the backups folder."
        ) from exc
    if revision != head:
        problems.append(
            f"The schema is at revision {revision or 'none'}, but this program expects {head}."
        )
    return DatabaseCheck(
        revision=revision,
        head=head,
        integrity_ok=integrity_ok,
        problems=tuple(problems),
        counts=counts,
    )


def _sqlite_problems(database: Database) -> list[str]:
    problems: list[str] = []
    with database.reading_connection() as connection:
        for (message,) in connection.exec_driver_sql(
            f"PRAGMA integrity_check({MAX_REPORTED_PROBLEMS})"
        ):
            # A report can span lines, headed "*** in database main ***": keep the findings.
            for line in str(message).splitlines():
                if line != "ok" and not line.startswith("***"):
                    problems.append(f"Damaged data: {line}")
        for table, rowid, parent, _key in connection.exec_driver_sql("PRAGMA foreign_key_check"):
            if len(problems) >= MAX_REPORTED_PROBLEMS:
                problems.append("There are more problems than shown here.")
                break
            problems.append(
                f"Row {rowid} of the table {table} refers to a record in {parent} "
                "that does not exist."
            )
    return problems
