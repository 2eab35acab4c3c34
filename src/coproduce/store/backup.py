"""Copies of a SQLite database made with SQLite's online backup API, checked before and after.

A plain file copy of a live WAL database can miss committed pages that are still in the
``-wal`` file; ``sqlite3.Connection.backup`` copies a consistent snapshot. A backup people
will restore from must be trustworthy, so ``copy_sqlite``:

1. reads the source without changing it (``sqlite_file.open_reader``: no side files left,
   works on a read-only drive) and refuses an empty file or one SQLite finds damaged, since a
   page-for-page copy of a damaged file is just as damaged;
2. copies it to a temporary file in the destination folder and switches the copy out of WAL
   (one self-contained file);
3. opens the copy again, checks it (``quick_check``: every page read back, every b-tree
   whole) and compares its schema revision with the source's;
4. only then renames it into place, so a copy interrupted or failing its check never looks
   like a good backup. Every copy is private to the user (0600).
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from coproduce.domain.errors import DatabaseError
from coproduce.store import sqlite_file
from coproduce.store.sqlite_file import FileKind

DEFAULT_KEEP = 10
BACKUP_SUFFIX = ".sqlite3"
# How long the source may stay locked by a program writing to it.
BUSY_TIMEOUT_S = 5.0


def copy_sqlite(source: Path, destination: Path) -> Path:
    """Write a checked, consistent copy of the database ``source`` to ``destination``.

    Raises DatabaseError, with nothing written, when the source is empty, damaged or cannot
    be read, or when the copy does not check out; OSError when the destination cannot be
    written.
    """
    destination = destination.expanduser().resolve()
    reader = _open_source(source)
    try:
        reader.execute("BEGIN")  # one snapshot: the pages checked are the pages copied
        revision = _checked_revision(reader, source)
        destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temporary_name = tempfile.mkstemp(
            prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent
        )
        os.close(fd)
        temporary = Path(temporary_name)
        try:
            os.chmod(temporary, 0o600)
            target = sqlite3.connect(temporary)
            try:
                reader.backup(target)
                reader.execute("COMMIT")
                # A backup is a single file: switch it out of WAL so no -wal file is needed.
                target.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.OperationalError as exc:
                if not _is_write_failure(exc):
                    raise
                raise DatabaseError(
                    f"Coproduce could not write the copy {destination} ({exc}). The database "
                    "itself was not changed. Check that the drive has room and that you may "
                    "write there, then try again."
                ) from exc
            finally:
                target.close()
            _check_copy(temporary, source, revision)
            os.replace(temporary, destination)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except sqlite3.Error as exc:
        raise DatabaseError(_read_failure(source, exc)) from exc
    finally:
        reader.close()
    return destination


def _open_source(source: Path) -> sqlite3.Connection:
    try:
        kind = sqlite_file.describe(source)
    except OSError as exc:
        raise DatabaseError(
            f"Coproduce cannot read the database {source}: {exc.strerror}. Nothing was copied."
        ) from exc
    if kind is FileKind.MISSING:
        raise DatabaseError(f"There is no database at {source}, so nothing was copied.")
    if kind is FileKind.EMPTY:
        raise DatabaseError(
            f"The file {source} is empty: it holds no Coproduce data, so there is nothing to "
            "back up. Nothing was copied."
        )
    if kind is FileKind.NOT_SQLITE:
        raise DatabaseError(
            f"The file {source} is not a Coproduce database (it is not a SQLite file), so it "
            "was not copied."
        )
    try:
        return sqlite_file.open_reader(source, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise DatabaseError(_read_failure(source, exc)) from exc


def _checked_revision(reader: sqlite3.Connection, source: Path) -> str | None:
    """The source's schema revision, once SQLite's own check finds nothing wrong with it."""
    problems = sqlite_file.integrity_problems(reader)
    if problems:
        raise DatabaseError(
            f"The database {source} is damaged ({problems[0]}), so Coproduce did not copy "
            "it: a copy would be damaged too, and could not be trusted as a backup. Keep "
            "your newest good backup safe, and run 'coproduce check' for the details."
        )
    return _revision(reader)


def _check_copy(copy: Path, source: Path, revision: str | None) -> None:
    connection = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    try:
        # quick_check: every page read back and every b-tree whole; the source's pages
        # were already checked in full.
        problems = sqlite_file.integrity_problems(connection, thorough=False)
        copied_revision = _revision(connection)
    finally:
        connection.close()
    if problems or copied_revision != revision:
        found = problems[0] if problems else f"schema {copied_revision}, not {revision}"
        raise DatabaseError(
            f"The copy of {source} did not check out ({found}), so it was not kept. The "
            "database itself was not changed. Check that the drive you are copying to has "
            "room and works, then try again."
        )


def _revision(connection: sqlite3.Connection) -> str | None:
    tables = {
        name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    if "alembic_version" not in tables:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _is_write_failure(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return any(sign in message for sign in ("full", "disk i/o", "readonly", "unable to open"))


def _read_failure(source: Path, exc: sqlite3.Error) -> str:
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return (
            f"The database {source} is busy: another program is writing to it. Try again in "
            "a moment. Nothing was copied."
        )
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return (
            f"The database {source} is damaged ({exc}), so Coproduce did not copy it. Keep "
            "your newest good backup safe, and run 'coproduce check' for the details."
        )
    return f"Coproduce could not read the database {source} ({exc}). Nothing was copied."


def rotate_backup(source: Path, folder: Path, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """Copy ``source`` into ``folder`` with a time-stamped name and keep the newest ``keep``."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    destination = folder / f"{source.stem}-{stamp}-{reason}{BACKUP_SUFFIX}"
    copy_sqlite(source, destination)
    prune_backups(folder, source.stem, keep)
    return destination


def _backup_name(stem: str) -> re.Pattern[str]:
    # Exactly "<stem>-<date>-<time>-<microseconds>-<reason>.sqlite3": a glob such as
    # "coproduce-*" would also match another database's backups ("coproduce-old-..."), and
    # pruning would then delete this database's newest copies.
    return re.compile(
        rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}}-\d{{6}})-[^/]+{re.escape(BACKUP_SUFFIX)}$"
    )


def list_backups(folder: Path, stem: str) -> list[Path]:
    """Backups of the database called ``stem``, newest first (by the time in their name)."""
    if not folder.is_dir():
        return []
    pattern = _backup_name(stem)
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match and path.is_file():
            found.append((match.group(1), path))
    return [path for _stamp, path in sorted(found, reverse=True)]


def prune_backups(folder: Path, stem: str, keep: int) -> None:
    for old in list_backups(folder, stem)[keep:]:
        old.unlink(missing_ok=True)
