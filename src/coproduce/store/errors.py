"""Database errors turned into messages a facilitator can act on.

SQLAlchemy raises its own exceptions around the driver's (sqlite3, psycopg). Nothing outside
``store`` may see them: the window would show "Something went wrong" and the command line
would report a fault in Coproduce, when the truth is a damaged file, a full disk or a server
that went away, each with something the person can do. ``translated_errors(database)`` wraps
every unit of work; ``database_error`` is the translation itself.

The kind of problem comes from the driver's code, never from the words of its message:
SQLite's result code (``sqlite_errorcode``, Python 3.11+) and PostgreSQL's SQLSTATE.
A damaged SQLite page arrives as ``sqlalchemy.exc.DatabaseError`` (SQLITE_CORRUPT), not as an
``OperationalError``, which is why it used to escape. Errors that mean a mistake in
Coproduce's own SQL (``ProgrammingError`` and the like) are left alone: they are faults,
and the top level logs them for whoever supports the program.

Messages name the database and the kind of problem (SQLite's short message or PostgreSQL's
code), never the statement or its values, which can hold names and what people said.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError

from coproduce.domain.errors import (
    CoproduceError,
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseError,
    ValidationError,
)
from coproduce.domain.log_privacy import describe_error

if TYPE_CHECKING:
    from coproduce.store.database import Database

log = logging.getLogger(__name__)

# SQLite's primary result codes (https://sqlite.org/rescode.html); extended codes carry the
# primary one in their low byte.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_AUTH = 23
SQLITE_NOTADB = 26

DAMAGED = "damaged"
BUSY = "busy"
READ_ONLY = "read-only"
FULL = "full"
DISK = "disk"
CANNOT_OPEN = "cannot open"
CONNECTION = "connection"

_SQLITE_KINDS = {
    SQLITE_CORRUPT: DAMAGED,
    SQLITE_NOTADB: DAMAGED,
    SQLITE_BUSY: BUSY,
    SQLITE_LOCKED: BUSY,
    SQLITE_READONLY: READ_ONLY,
    SQLITE_FULL: FULL,
    SQLITE_IOERR: DISK,
    SQLITE_PERM: CANNOT_OPEN,
    SQLITE_CANTOPEN: CANNOT_OPEN,
    SQLITE_AUTH: CANNOT_OPEN,
}

# PostgreSQL's SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html):
# whole classes first, then single codes.
_POSTGRES_CLASSES = {"08": CONNECTION, "53": FULL}
_POSTGRES_CODES = {
    "XX001": DAMAGED,  # data_corrupted
    "XX002": DAMAGED,  # index_corrupted
    "55P03": BUSY,  # lock_not_available
    "40001": BUSY,  # serialization_failure
    "40P01": BUSY,  # deadlock_detected
    "25006": READ_ONLY,  # read_only_sql_transaction
    "42501": CANNOT_OPEN,  # insufficient_privilege
    "57P01": CONNECTION,  # admin_shutdown
    "57P02": CONNECTION,  # crash_shutdown
    "57P03": CONNECTION,  # cannot_connect_now
}


def problem_kind(exc: DBAPIError) -> str | None:
    """What kind of problem the driver reported (``DAMAGED``, ``BUSY``...), or None."""
    original = exc.orig
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_KINDS.get(code & 0xFF)
    state = getattr(original, "sqlstate", None)
    if isinstance(state, str) and state:
        return _POSTGRES_CODES.get(state) or _POSTGRES_CLASSES.get(state[:2])
    if exc.connection_invalidated:  # the server closed the connection, with no SQLSTATE
        return CONNECTION
    return None


def error_kind(exc: DBAPIError) -> str:
    """What went wrong, without the row's values: PostgreSQL's messages quote the failing
    row ("Failing row contains (...)"), which holds personal data, so never show them whole."""
    code = getattr(exc.orig, "sqlstate", None)
    first_line = str(exc.orig).strip().splitlines()[0] if exc.orig else ""
    if code:  # psycopg: the SQLSTATE and the constraint's name are enough
        diag = getattr(exc.orig, "diag", None)
        constraint = getattr(diag, "constraint_name", None) if diag else None
        return f"SQLSTATE {code}" + (f" ({constraint})" if constraint else "")
    return first_line  # SQLite's messages name the constraint or column, never the values


def is_unique_violation(exc: IntegrityError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == "23505" or "UNIQUE constraint failed" in str(
        exc.orig
    )


def database_error(exc: SADatabaseError, database: Database) -> CoproduceError | None:
    """The domain error to raise instead of ``exc``; None for a fault in Coproduce itself."""
    if isinstance(exc, IntegrityError):
        log.warning("Integrity error: %s", describe_error(exc))
        if is_unique_violation(exc):
            return ValidationError(
                "Someone else has just saved the same thing (for example the same "
                "person's attendance). Your change was not saved; look again and retry."
            )
        return ValidationError(
            "This change would break a link between records (for example it removes "
            "something other records still point to), so it was not saved."
        )
    if isinstance(exc, DataError):  # a value the column cannot hold (PostgreSQL checks sizes)
        log.warning("Data error: %s", describe_error(exc))
        return ValidationError(
            "A value is too large or not in a form the database can keep, so nothing was "
            "saved. Check numbers and dates for typing mistakes."
        )
    kind = problem_kind(exc)
    if kind is None and not (isinstance(exc, OperationalError) or type(exc) is SADatabaseError):
        return None  # a ProgrammingError and the like: our mistake, not the database's
    # A busy database is a moment's wait, not a fault: meeting mode retries it quietly.
    level = logging.WARNING if kind == BUSY else logging.ERROR
    log.log(level, "Database error (%s): %s", kind or "other", describe_error(exc))
    return _explained(kind, error_kind(exc), database)


@contextmanager
def translated_errors(database: Database) -> Iterator[None]:
    """Raise the domain error for any database error inside the block (see module doc)."""
    try:
        yield
    except SADatabaseError as exc:
        translated = database_error(exc, database)
        if translated is None:
            raise
        raise translated from exc


def damaged_message(database: Database, detail: str) -> str:
    """What to say, and what to do, when part of the database cannot be read."""
    where = database.display_name
    path = database.sqlite_path
    if path is None:
        return (
            f"The database {where} is damaged: the server cannot read part of it ({detail}). "
            "Nothing was changed. Ask the server's administrator to restore it from their "
            "newest backup."
        )
    # Database.open keeps the copies it makes before an upgrade in "backups" beside the file.
    backups = path.parent / "backups"
    return (
        f"The database {where} is damaged: Coproduce cannot read part of it ({detail}). "
        "Nothing was changed.\n\n"
        f"To go on, close Coproduce and move the damaged file (with any {path.name}-wal "
        f"and {path.name}-shm files beside it) to another folder, where whoever supports "
        "Coproduce for you may be able to save more from it. Then copy your newest backup "
        f"to {path}: a copy made with 'coproduce backup', or one Coproduce made before an "
        f"upgrade, in {backups}. 'coproduce check' lists what is damaged."
    )


def _explained(kind: str | None, detail: str, database: Database) -> DatabaseError:
    where = database.display_name
    on_server = not database.is_sqlite
    if kind == DAMAGED:
        return DatabaseDamagedError(damaged_message(database, detail))
    if kind == BUSY:
        return DatabaseBusyError(
            "The database is busy with another program. Your change was not saved; "
            "try again in a moment."
        )
    if kind == READ_ONLY:
        if on_server:
            return DatabaseError(
                f"The database {where} only allows reading, so nothing was saved. Ask the "
                "server's administrator whether it is meant to be read-only."
            )
        return DatabaseError(
            f"The database {where} can only be read, not changed (the file, its folder or "
            "its drive is read-only), so nothing was saved. To work in it, copy it to a "
            "folder of your own and open the copy."
        )
    if kind == FULL:
        if on_server:
            return DatabaseError(
                f"The database server for {where} has run out of space, so nothing was "
                "saved. Tell the server's administrator."
            )
        return DatabaseError(
            f"The disk holding the database {where} is full, so nothing was saved. Free some "
            "space on it (empty the recycle bin, remove files you no longer need), then try "
            "again."
        )
    if kind == DISK:
        return DatabaseError(
            f"Coproduce could not read or write the database file {where}: the disk reported "
            f"an error ({detail}). Nothing was changed. If the file is on a USB stick or a "
            "network drive, check that it is still connected, then try again. If it goes on, "
            "run 'coproduce check' and restore your newest backup if it finds damage."
        )
    if kind == CANNOT_OPEN and on_server:
        return DatabaseError(
            f"Coproduce may not read or change the database {where} ({detail}): the account "
            "it signs in with does not have the permission. Nothing was changed. Ask the "
            "server's administrator for access."
        )
    if kind == CANNOT_OPEN:
        return DatabaseError(
            f"Coproduce may not use the database {where} ({detail}). Check that it still "
            "exists and that you may read and change it."
        )
    if kind == CONNECTION:
        return DatabaseError(
            f"Coproduce lost its connection to the database {where} ({detail}). Your last "
            "change may not have been saved: check the network, then look again and retry."
        )
    return DatabaseError(
        f"The database could not do this ({detail}). Nothing was changed. "
        "If it goes on, check the connection to the database."
    )
