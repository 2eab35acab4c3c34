"""A copy of a PostgreSQL database taken before Coproduce upgrades its schema.

An upgrade changes a shared database for everyone, so, as for a SQLite file, a copy is made
first, into the user's backups folder, private to the user:

- with ``pg_dump`` when it is installed (on the PATH, or in the usual PostgreSQL folders):
  a custom-format dump that ``pg_restore`` loads into an empty database. The dump is checked
  by reading its table of contents back with ``pg_restore --list``.
- otherwise, or when ``pg_dump`` fails (for example a server newer than the ``pg_dump``
  found), the program's own archive: every table's rows as JSON lines (gzip), read in one
  read-only REPEATABLE READ transaction so it is one consistent moment, then read back and
  counted.

If neither can be made the upgrade does not happen, and the message names the command that
makes a copy by hand.
"""

from __future__ import annotations

import base64
import gzip
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from glob import glob
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import Engine, MetaData, select
from sqlalchemy.engine import URL

from coproduce.domain.errors import DatabaseError

log = logging.getLogger(__name__)

ARCHIVE_FORMAT = "coproduce-table-archive-1"
DUMP_SUFFIX = ".dump"
ARCHIVE_SUFFIX = ".jsonl.gz"

# Where PostgreSQL's programs live when they are not on the PATH (Debian/Ubuntu, Red Hat,
# macOS Homebrew and Postgres.app, Windows installers). The newest version found is used,
# since pg_dump refuses servers newer than itself.
_PG_BIN_PATTERNS = (
    "/usr/lib/postgresql/*/bin",
    "/usr/pgsql-*/bin",
    "/opt/homebrew/opt/postgresql@*/bin",
    "/usr/local/opt/postgresql@*/bin",
    "/Applications/Postgres.app/Contents/Versions/*/bin",
    "C:/Program Files/PostgreSQL/*/bin",
)


def find_pg_tool(name: str) -> Path | None:
    """The newest installed PostgreSQL client program ``name`` (pg_dump, pg_restore)."""
    executable = f"{name}.exe" if sys.platform == "win32" else name
    found = [
        Path(match) for pattern in _PG_BIN_PATTERNS for match in glob(f"{pattern}/{executable}")
    ]
    if found:
        return max(found, key=_version_key)
    on_path = shutil.which(name)
    return Path(on_path) if on_path else None


def _version_key(program: Path) -> tuple[int, ...]:
    # The version is in the folder above bin/: "15", "pgsql-16", "postgresql@16".
    return tuple(int(number) for number in re.findall(r"\d+", program.parent.parent.name))


def backup_before_upgrade(engine: Engine, folder: Path, reason: str, revision: str) -> Path:
    """Copy the database behind ``engine`` into ``folder``; returns the file written.

    Raises DatabaseError (and the upgrade must not go on) when no copy could be made.
    """
    url = engine.url
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    stem = f"{url.database or 'coproduce'}-{stamp}-{reason}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        pg_dump = find_pg_tool("pg_dump")
        if pg_dump is not None:
            try:
                return _dump(pg_dump, url, folder / f"{stem}{DUMP_SUFFIX}")
            except DatabaseError as exc:
                log.warning("pg_dump did not work (%s); writing Coproduce's own archive", exc)
        return _archive(engine, folder / f"{stem}{ARCHIVE_SUFFIX}", revision)
    except (OSError, DatabaseError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DatabaseError(
            f"Coproduce did not upgrade the database {url.database}, and did not change it, "
            f"because it could not make a copy first ({detail}). Ask the server's "
            f"administrator to make one with: pg_dump --format=custom --file=coproduce.dump "
            f"--host={url.host or 'localhost'} --username={url.username or 'postgres'} "
            f"{url.database}, then start Coproduce again."
        ) from exc


def _dump(pg_dump: Path, url: URL, destination: Path) -> Path:
    """Run pg_dump into a temporary file, check it with pg_restore --list, then rename."""
    environment = dict(os.environ, PGCONNECT_TIMEOUT="10")
    if url.password is not None:
        # In the child's environment, never on its command line (other users can see that).
        environment["PGPASSWORD"] = str(url.password)
    conninfo = url._replace(drivername="postgresql", password=None).render_as_string(
        hide_password=False
    )
    with _temporary_beside(destination) as temporary:
        done = subprocess.run(
            [str(pg_dump), "--format=custom", "--no-password", f"--file={temporary}", conninfo],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise DatabaseError(
                _first_line(done.stderr) or f"pg_dump exit status {done.returncode}"
            )
        _check_dump(pg_dump, temporary)
        os.replace(temporary, destination)
    return destination


def _check_dump(pg_dump: Path, dump: Path) -> None:
    pg_restore = pg_dump.with_name(pg_dump.name.replace("pg_dump", "pg_restore"))
    if not pg_restore.exists():
        found = find_pg_tool("pg_restore")
        if found is None:
            return  # pg_dump's own exit status is all there is to go on
        pg_restore = found
    done = subprocess.run(
        [str(pg_restore), "--list", str(dump)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0 or "TABLE DATA public alembic_version" not in done.stdout:
        raise DatabaseError(
            "the dump pg_dump wrote could not be read back: "
            + (_first_line(done.stderr) or "it holds no Coproduce tables")
        )


def _archive(engine: Engine, destination: Path, revision: str) -> Path:
    """Every table's rows as JSON lines, in one consistent read, checked by reading back."""
    metadata = MetaData()
    written: dict[str, int] = {}
    with _temporary_beside(destination) as temporary:
        with (
            engine.connect().execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            ) as connection,
            connection.begin(),
        ):
            metadata.reflect(connection)
            with gzip.open(temporary, "wt", encoding="utf-8") as out:
                header = {
                    "format": ARCHIVE_FORMAT,
                    "revision": revision,
                    "database": engine.url.database,
                    "tables": sorted(metadata.tables),
                }
                out.write(json.dumps(header) + "\n")
                for table in metadata.sorted_tables:
                    columns = [column.name for column in table.columns]
                    out.write(json.dumps({"table": table.name, "columns": columns}) + "\n")
                    count = 0
                    for row in connection.execute(select(table)).yield_per(1000):
                        out.write(json.dumps({"row": list(row)}, default=_plain) + "\n")
                        count += 1
                    written[table.name] = count
        if _count_archive(temporary) != written:
            raise DatabaseError("the archive did not read back with the rows written")
        os.replace(temporary, destination)
    return destination


def read_archive(path: Path) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """The header and each table's rows (as column -> value) of an archive made above."""
    rows: dict[str, list[dict[str, Any]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as source:
        header = json.loads(source.readline())
        columns: list[str] = []
        table = ""
        for line in source:
            item = json.loads(line)
            if "table" in item:
                table, columns = item["table"], item["columns"]
                rows[table] = []
            else:
                rows[table].append(dict(zip(columns, item["row"], strict=True)))
    return header, rows


def _count_archive(path: Path) -> dict[str, int]:
    _header, rows = read_archive(path)
    return {table: len(found) for table, found in rows.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"cannot archive a {type(value).__name__}")


@contextmanager
def _temporary_beside(destination: Path) -> Iterator[Path]:
    """A private temporary file next to ``destination``, removed unless renamed into place."""
    fd, name = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent
    )
    os.close(fd)
    temporary = Path(name)
    try:
        os.chmod(temporary, 0o600)
        yield temporary
    finally:
        temporary.unlink(missing_ok=True)


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else ""
