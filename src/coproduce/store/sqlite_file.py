"""Reading a SQLite file without changing it: what it is, and a connection that writes nothing.

Commands that only read (``check``, ``list``, ``export``, ``backup``) must leave a database
file exactly as they found it, and must work on a file they may not write (a backup on a
read-only drive, a colleague's file). SQLite makes both subtle for a WAL-mode file:

- opened normally, it creates ``-wal`` and ``-shm`` files beside the database and removes them
  when the last connection closes, leaving the folder as it was;
- opened with ``mode=ro`` it still creates them (it needs the shared-memory index), but cannot
  remove them, so they are left behind; in a folder it may not write it cannot open at all;
- ``immutable=1`` reads the main file with no locks and no side files. That is exact when
  there is no ``-wal`` file (every committed page is then in the main file) and nobody can
  write to it meanwhile, which holds for a file we are not allowed to write.

So ``open_reader`` opens a file it could write normally, with ``query_only`` so nothing is
written; one with a ``-wal`` file beside it (in use by the window, or left by a crash) with
``mode=ro``, which never writes the main file or removes the ``-wal``; one it cannot write
with ``mode=ro&immutable=1`` when there is no ``-wal`` file. ``peek_uri`` always reads the
main file alone (immutable), touching nothing: enough to refuse a file from a newer
Coproduce before any connection could rebuild its ``-shm``.
``describe`` says what a file is (missing, empty, not SQLite) from its first
bytes, before SQLite is asked anything.
"""

from __future__ import annotations

import enum
import os
import sqlite3
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"

# Above this size a full integrity check takes long enough to be felt (about 100 MB/s
# here): larger files get ``quick_check``, which still reads every page and finds damaged
# pages and broken b-trees, but does not compare each index with its table.
FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024


class FileKind(enum.Enum):
    """What is at a path, as far as the first bytes tell."""

    MISSING = "missing"
    EMPTY = "empty"  # a zero-byte file: holds no data, though SQLite would happily use it
    NOT_SQLITE = "not SQLite"
    SQLITE = "SQLite"


def describe(path: Path) -> FileKind:
    """What is at ``path``; raises OSError when it exists but cannot be read."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except (FileNotFoundError, NotADirectoryError):
        return FileKind.MISSING
    if not header:
        return FileKind.EMPTY
    return FileKind.SQLITE if header == SQLITE_HEADER else FileKind.NOT_SQLITE


def side_file(path: Path, suffix: str) -> Path:
    """The ``-wal``, ``-shm`` or ``-journal`` file SQLite keeps beside ``path``."""
    return path.with_name(path.name + suffix)


def may_write(path: Path) -> bool:
    """True when this user may change ``path`` and create files beside it (not a read-only
    file, folder or drive). ``os.access`` also answers False on a read-only mount."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def reader_uri(path: Path) -> str:
    """The SQLite URI that reads ``path`` without changing it or anything beside it."""
    if side_file(path, "-wal").exists():
        # Committed pages may be in the -wal: read it with locks, as a reader beside the
        # program writing it; the main file is never written and the -wal never removed.
        return f"{path.as_uri()}?mode=ro"
    if may_write(path):
        # Side files made by this connection are removed again when it closes.
        return f"{path.as_uri()}?mode=rw"
    return peek_uri(path)


def peek_uri(path: Path) -> str:
    """Reads the main file only, with no locks and no side files. Pages still in a ``-wal``
    are not seen, and a page being checkpointed meanwhile can look damaged: use it to refuse
    a file, never to conclude that it is damaged."""
    return f"{path.as_uri()}?mode=ro&immutable=1"


def open_reader(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection to the existing file ``path`` that cannot write to it (see module doc).

    Transactions are left to the caller (``isolation_level=None``); none takes a write lock.
    """
    connection = sqlite3.connect(
        reader_uri(path), uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
    )
    try:
        connection.execute("PRAGMA query_only = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def integrity_problems(
    connection: sqlite3.Connection, limit: int = 20, *, thorough: bool = True
) -> list[str]:
    """What SQLite's own check finds wrong in the open database (empty when it is sound).

    ``integrity_check`` when ``thorough`` and the file is small enough, else ``quick_check``
    (see above): enough for a copy of a file that was itself checked thoroughly.
    """
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    page_count = connection.execute("PRAGMA page_count").fetchone()[0]
    full = thorough and page_size * page_count <= FULL_CHECK_MAX_BYTES
    pragma = "integrity_check" if full else "quick_check"
    problems = []
    for (message,) in connection.execute(f"PRAGMA {pragma}({int(limit)})"):
        for line in str(message).splitlines():
            if line != "ok" and not line.startswith("***"):
                problems.append(line)
    return problems
