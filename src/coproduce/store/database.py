"""Opening a database: engine settings, privacy of the file, and migrations at start-up.

``Database.open(url)`` is the one way in. For SQLite it makes the file private (0600), turns on
WAL, foreign keys and a busy timeout on every connection, and refuses files that are not
Coproduce databases, are corrupt, or were written by a newer Coproduce (touching nothing).
Then it brings the schema to this program's head revision: a new database is migrated up from
empty; an older one is first copied with SQLite's online backup API into the backups folder,
then upgraded inside one transaction, so a failed upgrade leaves the old schema intact.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, StaticPool

from coproduce.domain.errors import DatabaseError, DatabaseTooNewError
from coproduce.store import backup, migrations

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True, slots=True)
class MigrationReport:
    """What opening the database did to its schema."""

    from_revision: str | None
    to_revision: str
    backup_path: Path | None


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory and non-SQLite databases."""
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return Path(url.database).expanduser().resolve()


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so DDL in a
    # migration is transactional (SQLAlchemy docs, "Serializable isolation / Savepoints /
    # Transactional DDL" for pysqlite). The BEGIN is emitted by _on_sqlite_begin below.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # NORMAL is durable across application crashes in WAL mode; only power loss can drop the
    # last transactions, and never corrupts the file.
    cursor.execute("PRAGMA synchronous = NORMAL")
    # Deleted rows and freed pages are overwritten with zeros, so a deleted person's words
    # leave the file when they are deleted, not at some later VACUUM.
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    # IMMEDIATE takes the write lock at the start, where the busy timeout applies. A deferred
    # transaction that reads first and writes later gets SQLITE_BUSY at once, with no wait,
    # when another program writes meanwhile (SQLite cannot upgrade a reader in WAL mode).
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _make_private(path: Path) -> None:
    """Create the database file (and folder) readable by its owner only, before SQLite does."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.chmod(side, 0o600)


def _check_sqlite_file(path: Path) -> str | None:
    """Read the schema revision of an existing file without changing a byte of it.

    Raises DatabaseError for files that are not SQLite, are corrupt or are locked.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise DatabaseError(
            f"Coproduce cannot read the database file {path}: {exc.strerror}."
        ) from exc
    if header and header != b"SQLite format 3\x00":
        raise DatabaseError(
            f"The file {path} is not a Coproduce database (it is not a SQLite file). "
            "Choose another file, or restore a backup."
        )
    if not header:
        return None
    # With no -wal file beside it, every committed page is in the main file, and
    # ``immutable=1`` reads it without creating -wal/-shm files, so a refused file is left
    # exactly as found. With a -wal file (in use, or not closed cleanly) read it normally.
    wal = path.with_name(path.name + "-wal")
    uri = f"{path.as_uri()}?mode=ro" + ("" if wal.exists() else "&immutable=1")
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseError(
                        f"The file {path} is a SQLite database but not a Coproduce one. "
                        "Choose another file."
                    )
                return None
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        message = str(exc).lower()
        if "locked" in message or "busy" in message:
            raise DatabaseError(
                f"The database {path} is locked by another program. Close other copies of "
                "Coproduce using it, then try again."
            ) from exc
        raise DatabaseError(
            f"The database {path} is damaged and cannot be opened ({exc}). "
            "Restore the newest copy from the backups folder."
        ) from exc


class Database:
    """An open, migrated database: the engine and the session factory ``store`` uses."""

    def __init__(self, url: str | URL, engine: Engine) -> None:
        self.url = make_url(url)
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.migration: MigrationReport | None = None

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        url: str,
        *,
        backups_dir: Path | None = None,
        keep_backups: int = backup.DEFAULT_KEEP,
        migrate: bool = True,
    ) -> Database:
        """Open ``url``, migrating its schema to this program's version (see module doc).

        With ``migrate=False`` (commands that only read or copy) an older schema is left as
        it is and ``needs_upgrade`` says so; a newer one is still refused."""
        parsed = _parse(url)
        path = sqlite_path(parsed)
        if path is not None:
            parsed = parsed.set(database=str(path))  # "~" expanded: check and use one file
        known = migrations.known_revisions()
        head = migrations.head_revision()
        if path is not None:
            current = _check_sqlite_file(path) if path.exists() else None
            if current is not None and current not in known:
                raise DatabaseTooNewError(_too_new_message(str(path), current))
            try:
                _make_private(path)
            except OSError as exc:
                raise DatabaseError(
                    f"Coproduce cannot use the database file {path}: {exc.strerror}. Check "
                    "that the folder exists and that you may write to it."
                ) from exc
        database = cls(parsed, _create_engine(parsed))
        try:
            if migrate:
                database.migration = database._migrate(path, backups_dir, keep_backups, head, known)
            else:
                database._check_revision(known)
        except BaseException:
            database.close()
            raise
        return database

    @property
    def needs_upgrade(self) -> bool:
        """True when the schema is older than this program's (only after migrate=False)."""
        return self.schema_revision() != migrations.head_revision()

    def _check_revision(self, known: set[str]) -> None:
        try:
            with self.engine.connect() as connection:
                current = migrations.current_revision(connection)
        except OperationalError as exc:
            raise DatabaseError(_connect_message(self.display_name, exc)) from exc
        if current is not None and current not in known:
            raise DatabaseTooNewError(_too_new_message(self.display_name, current))

    def _migrate(
        self,
        path: Path | None,
        backups_dir: Path | None,
        keep_backups: int,
        head: str,
        known: set[str],
    ) -> MigrationReport:
        try:
            with self.engine.connect() as connection:
                current = migrations.current_revision(connection)
                if current is None and _has_foreign_tables(connection):
                    raise DatabaseError(
                        f"{self.display_name} already holds tables that are not Coproduce's. "
                        "Use an empty database."
                    )
        except OperationalError as exc:
            raise DatabaseError(_connect_message(self.display_name, exc)) from exc
        if current is not None and current not in known:
            raise DatabaseTooNewError(_too_new_message(self.display_name, current))
        if current == head:
            return MigrationReport(current, head, None)
        backup_path = None
        if current is not None and path is not None:
            backup_path = backup.rotate_backup(
                path,
                backups_dir or path.parent / "backups",
                f"before-{head}",
                keep_backups,
            )
            log.info("Backed up %s to %s before upgrading", path, backup_path)
        try:
            with self.engine.begin() as connection:
                migrations.upgrade(connection, head)
        except SADatabaseError as exc:
            kept = f" A copy made before the upgrade is at {backup_path}." if backup_path else ""
            raise DatabaseError(
                f"Coproduce could not upgrade the database {self.display_name} "
                f"({_first_line(exc)}). Nothing was changed.{kept}"
            ) from exc
        log.info("Database %s migrated from %s to %s", self.display_name, current, head)
        return MigrationReport(current, head, backup_path)

    # --- use -----------------------------------------------------------------------------

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def display_name(self) -> str:
        """The database as a person should see it: a file path, or host/name without password."""
        path = self.sqlite_path
        if path is not None:
            return str(path)
        if self.is_sqlite:
            return "a temporary in-memory database"
        return self.url.render_as_string(hide_password=True)

    @property
    def address(self) -> str:
        """Where to find the database again (a recent-databases list): ``sqlite:///PATH`` for a
        file, a server's URL without its password (never kept anywhere), or '' for a
        temporary in-memory database, which cannot be opened again."""
        path = self.sqlite_path
        if path is not None:
            return f"sqlite:///{path}"
        if self.is_sqlite:
            return ""
        # ``set(password=None)`` would keep the password (None means "unchanged" there).
        return self.url._replace(password=None).render_as_string(hide_password=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One short unit of work: commits on success, rolls back on any error."""
        with self.sessions.begin() as session:
            yield session

    def schema_revision(self) -> str | None:
        with self.engine.connect() as connection:
            return migrations.current_revision(connection)

    def close(self) -> None:
        self.engine.dispose()


def _parse(url: str) -> URL:
    """The URL of a database Coproduce can use: SQLite or PostgreSQL, nothing else."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(
            f"{url!r} is not a database address. Use a file path, sqlite:///PATH or "
            "postgresql+psycopg://user@host/name."
        ) from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseError(
            f"Coproduce works with SQLite files and PostgreSQL servers, not "
            f"'{parsed.get_backend_name()}'. Use a file path, sqlite:///PATH or "
            "postgresql+psycopg://user@host/name."
        )
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() not in (
        "psycopg",
        "psycopg2",
    ):
        raise DatabaseError(
            "Coproduce talks to PostgreSQL with psycopg: write the address as "
            "postgresql+psycopg://user@host/name."
        )
    return parsed


def _first_line(exc: SADatabaseError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc).splitlines()[0]


def _create_engine(url: URL) -> Engine:
    # hide_parameters: a database error's message (which reaches logs and crash reports) must
    # never carry the values of the statement: names, needs, what people said.
    if url.get_backend_name() == "sqlite" and sqlite_path(url) is None:
        # In memory: one shared connection, or every unit of work would see a new empty
        # database (useful for trying things out; nothing is kept).
        engine = create_engine(url, poolclass=StaticPool, hide_parameters=True)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if url.get_backend_name() == "sqlite":
        # NullPool: a desktop program with one user; each unit of work gets a fresh
        # connection, so no connection outlives a locked-file error or a fork (SIGKILL test).
        engine = create_engine(url, poolclass=NullPool, hide_parameters=True)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if url.get_backend_name() == "postgresql" and url.get_driver_name() in (
        "",
        "psycopg2",
    ):
        url = url.set(drivername="postgresql+psycopg")
    return create_engine(
        url, pool_pre_ping=True, hide_parameters=True, connect_args=_pg_connect_args(url)
    )


def _pg_connect_args(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "postgresql":
        return {"connect_timeout": 10, "application_name": "coproduce"}
    return {}


def _has_foreign_tables(connection: Connection) -> bool:
    return bool(set(inspect(connection).get_table_names()) - {"alembic_version"})


def _too_new_message(where: str, revision: str) -> str:
    return (
        f"The database {where} was written by a newer version of Coproduce (schema {revision}). "
        "It has not been changed. Install the newer Coproduce to open it."
    )


def _connect_message(where: str, exc: SADatabaseError) -> str:
    return f"Coproduce could not open the database {where}: {_first_line(exc)}"
