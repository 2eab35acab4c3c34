"""Copies of a SQLite database made with SQLite's online backup API.

A plain file copy of a live WAL database can miss committed pages that are still in the
``-wal`` file; ``sqlite3.Connection.backup`` copies a consistent snapshot. Copies are written
to a temporary file in the destination folder and renamed into place, so a copy interrupted
half-way never looks like a good backup. Every copy is private to the user (0600).
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

DEFAULT_KEEP = 10
BACKUP_SUFFIX = ".sqlite3"


def copy_sqlite(source: Path, destination: Path) -> Path:
    """Write a consistent copy of the database ``source`` to ``destination`` atomically."""
    destination = destination.expanduser().resolve()
    destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temporary_name = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent
    )
    os.close(fd)
    temporary = Path(temporary_name)
    try:
        os.chmod(temporary, 0o600)
        source_connection = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        try:
            target_connection = sqlite3.connect(temporary)
            try:
                source_connection.backup(target_connection)
                # A backup is a single file: switch it out of WAL so no -wal file is needed.
                target_connection.execute("PRAGMA journal_mode = DELETE")
            finally:
                target_connection.close()
        finally:
            source_connection.close()
        os.replace(temporary, destination)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return destination


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
