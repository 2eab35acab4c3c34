"""Opening a database: engine settings, privacy of the file, and migrations at start-up.

``Database.open(url)`` is the one way in. For SQLite it creates a new file private (0600),
turns on WAL, foreign keys and a busy timeout on every connection, and refuses files that are
not Coproduce databases, are corrupt, or were written by a newer Coproduce (touching nothing).
Then it brings the schema to this program's head revision: a new database is migrated up from
empty; an older one is first checked and backed up (SQLite: a checked copy made with the
online backup API; PostgreSQL: ``pg_dump`` or the program's own archive, see
``server_backup``), then upgraded inside one transaction, so a failed upgrade leaves the old
schema intact. A damaged database is not upgraded at all.

``Database.open(url, read_only=True)`` is for commands that only read or copy: it never
creates, chmods, switches the journal mode or leaves a side file, works on files it may not
write (``sqlite_file``), and says plainly when there is no Coproduce data at the address.
``create=False`` refuses a missing or empty file instead of making a database there, so the
window can ask first.

Connections and transactions (issue 12 point 4, issue 13 point 3):

- Connections are kept. A SQLite file gets SQLAlchemy's ``QueuePool``: a handful of
  connections any thread may borrow one at a time (the GUI thread and the Qt thread pool's
  export and gathering workers), each set up once with its PRAGMAs, instead of a new
  connection and four PRAGMAs for every unit of work. A forked child drops the parent's
  connections without closing them (``os.register_at_fork``), so it never shares one.
  PostgreSQL keeps its pool with a ping before use.
- Writes begin with ``BEGIN IMMEDIATE``: the write lock is taken at the start, where the busy
  timeout applies (see ``_on_sqlite_begin``). Reads (``Database.reading()``) begin
  ``DEFERRED``: in WAL mode a reader takes no lock that a writer waits for, never waits for a
  writer, and sees one snapshot of the database from its first read to its end, so a long
  export reads a consistent council while meeting mode keeps saving. On PostgreSQL a read is
  a ``REPEATABLE READ, READ ONLY`` transaction: the same one snapshot, and a write slipped
  into a read fails in every test run.
- ``synchronous = FULL`` for the whole SQLite database: every commit is on the disk before
  it returns, so a saved contribution or draft survives a power cut, not only a crash.
  Measured in ``bench/bench_store.py``: the cost is one ``fsync`` of the WAL per commit
  (figures in bench/README.md, "Store: kept connections, reads beside a writer"), small
  beside a person's typing, so every commit is durable rather than only the capture's.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, QueuePool, StaticPool

from coproduce import paths
from coproduce.domain.errors import DatabaseError, DatabaseNotFoundError, DatabaseTooNewError
from coproduce.store import backup, migrations, server_backup, sqlite_file
from coproduce.store.errors import translated_errors
from coproduce.store.sqlite_file import FileKind

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another program's write to finish before saying it is busy."""

READING = "coproduce_reading"
"""Execution option marking a read transaction: ``BEGIN DEFERRED`` on SQLite, ``REPEATABLE
READ, READ ONLY`` on PostgreSQL (see ``Database.reading``)."""
BUSY_WAIT_MS = "coproduce_busy_wait_ms"
"""Execution option: this write waits at most so many milliseconds for the write lock
(an autosave that must not freeze the window), instead of ``BUSY_TIMEOUT_MS``."""

# Engines whose pooled connections a forked child must not use (see _forget_in_child).
_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def _forget_in_child() -> None:
    # A SQLite or PostgreSQL connection used from two processes corrupts or confuses both;
    # SQLAlchemy's advice for os.fork() is to drop the inherited pool without closing its
    # connections (closing would end the parent's sessions too).
    for engine in list(_engines):
        engine.dispose(close=False)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


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
    # FULL: each commit is synced to the disk before it returns, so what meeting mode saved
    # survives a power cut (NORMAL survives a crash of the program only). See the module doc.
    cursor.execute("PRAGMA synchronous = FULL")
    # Deleted rows and freed pages are overwritten with zeros, so a deleted person's words
    # leave the file when they are deleted, not at some later VACUUM.
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    options = connection.get_execution_options()
    if options.get(READING):
        # DEFERRED: a WAL reader takes no write lock, so it neither waits for a writer nor
        # holds one up, and it reads one snapshot until it ends.
        connection.exec_driver_sql("BEGIN")
        return
    # A write takes the lock at BEGIN IMMEDIATE, where the busy timeout applies. A deferred
    # transaction that reads first and writes later gets SQLITE_BUSY at once, with no wait,
    # when another program writes meanwhile (SQLite cannot upgrade a reader in WAL mode).
    # The timeout is the connection's: set it for a hurried write, and back after one.
    wait_ms = options.get(BUSY_WAIT_MS)
    info = connection.connection.info
    if wait_ms is not None or info.get(BUSY_WAIT_MS) is not None:
        wait = BUSY_TIMEOUT_MS if wait_ms is None else int(wait_ms)
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {wait}")
        info[BUSY_WAIT_MS] = wait_ms
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _on_postgresql_begin(connection: Connection) -> None:
    # psycopg opens the transaction with the first statement; this is that statement.
    # REPEATABLE READ: one snapshot for the whole read, as SQLite's WAL reader has (READ
    # COMMITTED would let an export's tables disagree). Read only, it can never fail with a
    # serialization error: only writers do.
    if connection.get_execution_options().get(READING):
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def _make_private(path: Path) -> None:
    """Create a new database file (and its folder) readable by its owner only, before SQLite
    does. Only for a file this program creates or writes: an existing file we may not write
    is left as it is (its owner chose its mode), and a command that only reads never calls
    this."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        os.close(fd)
    if not sqlite_file.may_write(path):
        return
    os.chmod(path, 0o600)
    for suffix in ("-wal", "-shm"):
        side = sqlite_file.side_file(path, suffix)
        if side.exists():
            os.chmod(side, 0o600)


def _check_sqlite_file(path: Path, *, create: bool = True, read_only: bool = False) -> str | None:
    """Read the schema revision of the file at ``path`` without changing a byte of it (None:
    no file, or no Coproduce tables yet).

    Raises DatabaseNotFoundError for a missing or empty file unless a new database may be
    made there (``create`` and not ``read_only``), and DatabaseError for files that are not
    SQLite, are not Coproduce's, are damaged or are locked.
    """
    try:
        kind = sqlite_file.describe(path)
    except OSError as exc:
        raise DatabaseError(
            f"Coproduce cannot read the database file {path}: {exc.strerror}."
        ) from exc
    if kind is FileKind.NOT_SQLITE:
        raise DatabaseError(
            f"The file {path} is not a Coproduce database (it is not a SQLite file). "
            "Choose another file, or restore a backup."
        )
    if kind is FileKind.MISSING:
        if create and not read_only:
            return None
        raise DatabaseNotFoundError(f"There is no database at {path}.", str(path))
    if kind is FileKind.EMPTY:
        if create and not read_only:
            return None
        raise DatabaseNotFoundError(_empty_message(f"The file {path}"), str(path))
    peeked = _peek_revision(path)
    if peeked is not None and peeked not in migrations.known_revisions():
        return peeked  # from a newer Coproduce: refused before anything could touch its files
    try:
        connection = sqlite_file.open_reader(path, timeout=BUSY_TIMEOUT_MS / 1000)
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
                if read_only:
                    raise DatabaseNotFoundError(_empty_message(f"The file {path}"), str(path))
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


def _backup_before_upgrade(path: Path, folder: Path, head: str, keep: int) -> Path:
    try:
        made = backup.rotate_backup(path, folder, f"before-{head}", keep)
    except DatabaseError as exc:
        raise DatabaseError(
            f"Coproduce did not upgrade the database, and did not change it: {exc}"
        ) from exc
    log.info("Backed up the database before upgrading it to %s", made)
    return made


def _peek_revision(path: Path) -> str | None:
    """The revision in the main file alone, or None when it cannot be seen that way."""
    try:
        connection = sqlite3.connect(sqlite_file.peek_uri(path), uri=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


class Database:
    """An open, migrated database: the engine and the session factory ``store`` uses."""

    def __init__(self, url: str | URL, engine: Engine) -> None:
        self.url = make_url(url)
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.migration: MigrationReport | None = None
        # True when opened with read_only=True: nothing may be written (services that would
        # write on first use, such as seeding the glossary, work from memory instead).
        self.read_only = False

    @cached_property
    def read_sessions(self) -> sessionmaker[Session]:
        """Sessions on the same pool whose transactions only read (``reading``)."""
        # The execution option tells the begin events to start a read (module doc).
        made = sessionmaker(
            self.engine.execution_options(**{READING: True}), expire_on_commit=False
        )
        event.listen(made, "before_flush", _refuse_flush)
        return made

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        url: str,
        *,
        backups_dir: Path | None = None,
        keep_backups: int = backup.DEFAULT_KEEP,
        migrate: bool = True,
        read_only: bool = False,
        create: bool = True,
    ) -> Database:
        """Open ``url``, migrating its schema to this program's version (see module doc).

        With ``migrate=False`` an older schema is left as it is and ``needs_upgrade`` says
        so; a newer one is still refused. ``read_only=True`` (commands that only read or copy)
        also changes nothing at all and refuses an address holding no Coproduce data
        (``DatabaseNotFoundError``). ``create=False`` refuses a missing or empty file rather
        than make a new database there."""
        parsed = _parse(url)
        path = sqlite_path(parsed)
        if path is not None:
            parsed = parsed.set(database=str(path))  # "~" expanded: check and use one file
        known = migrations.known_revisions()
        head = migrations.head_revision()
        backup_path: Path | None = None
        if path is not None:
            current = _check_sqlite_file(path, create=create, read_only=read_only)
            if current is not None and current not in known:
                raise DatabaseTooNewError(_too_new_message(str(path), current))
            if migrate and not read_only and current is not None and current != head:
                # Before anything touches it (mode, WAL): the copy checks the file first, so
                # a damaged one is refused here, unchanged, and is not upgraded.
                backup_path = _backup_before_upgrade(
                    path, backups_dir or path.parent / "backups", head, keep_backups
                )
            if not read_only:
                try:
                    _make_private(path)
                except OSError as exc:
                    raise DatabaseError(
                        f"Coproduce cannot use the database file {path}: {exc.strerror}. "
                        "Check that the folder exists and that you may write to it."
                    ) from exc
        if read_only:
            database = cls(parsed, _create_read_only_engine(parsed, path))
            database.read_only = True
        else:
            database = cls(parsed, _create_engine(parsed))
        try:
            # A page damaged past the file checks above is met here: say so, never a trace.
            with translated_errors(database):
                if read_only:
                    database._check_revision(known, empty_is_missing=True)
                elif migrate:
                    database.migration = database._migrate(backup_path, backups_dir, head, known)
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

    def _check_revision(self, known: set[str], *, empty_is_missing: bool = False) -> None:
        try:
            with self.reading_connection() as connection:
                current = migrations.current_revision(connection)
                foreign = current is None and _has_foreign_tables(connection)
        except OperationalError as exc:
            raise DatabaseError(_connect_message(self.display_name, exc)) from exc
        if foreign:
            raise DatabaseError(
                f"{self.display_name} holds tables that are not Coproduce's. "
                "Check the address: it is not a Coproduce database."
            )
        if current is None and empty_is_missing:
            raise DatabaseNotFoundError(
                _empty_message(f"The database {self.display_name}"), self.display_name
            )
        if current is not None and current not in known:
            raise DatabaseTooNewError(_too_new_message(self.display_name, current))

    def _migrate(
        self,
        file_backup: Path | None,
        backups_dir: Path | None,
        head: str,
        known: set[str],
    ) -> MigrationReport:
        """Upgrade to ``head``. A SQLite file was already copied (``file_backup``) before
        anything touched it; a server database is copied here, through its engine."""
        try:
            with self.reading_connection() as connection:
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
        backup_path = file_backup
        if current is not None and not self.is_sqlite:
            backup_path = server_backup.backup_before_upgrade(
                self.engine, backups_dir or paths.backups_dir(), f"before-{head}", current
            )
            log.info("Backed up the server database before upgrading it to %s", backup_path)
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
    def session(self, *, busy_wait_ms: int | None = None) -> Iterator[Session]:
        """One short unit of work that may write: commits on success, rolls back on any error.

        On SQLite it takes the write lock when it begins and waits for it at most
        ``busy_wait_ms`` (default ``BUSY_TIMEOUT_MS``) before failing with "database is
        locked". PostgreSQL locks rows, not the database, so there the wait is not shortened."""
        if busy_wait_ms is None:
            with self.sessions.begin() as session:
                yield session
            return
        bind = self.engine.execution_options(**{BUSY_WAIT_MS: busy_wait_ms})
        with Session(bind, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def recording(self) -> Iterator[Session]:
        """One short write of a record of what was done (an export in the audit trail), also
        on a database opened ``read_only``: exporting personal data is audited even by
        commands that otherwise only read. On such a database it is one plain connection
        for this write alone: no chmod, no switch of the journal mode, no side file left
        behind once it closes. A file that cannot be written (a read-only drive) fails with
        the database's error, which the caller reports."""
        if not self.read_only:
            with self.session() as session:
                yield session
            return
        engine = _create_recording_engine(self.url, self.sqlite_path)
        try:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                yield session
        finally:
            engine.dispose()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """One unit of work that only reads: one consistent snapshot, no write lock taken.

        Writing in it is a mistake that fails: ``flush`` refuses (both databases), and on
        PostgreSQL the transaction is READ ONLY. It ends with a rollback, which for a reader
        costs nothing."""
        with self.read_sessions() as session:  # closing it rolls the reader back
            yield session

    def reading_connection(self) -> Connection:
        """A Core connection whose transactions only read (as ``reading``); close it after."""
        return self.engine.execution_options(**{READING: True}).connect()

    def schema_revision(self) -> str | None:
        with self.reading_connection() as connection:
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
        # Kept connections (module doc). pysqlite lets any thread use a pooled connection
        # (check_same_thread is off for file databases); the pool lends each to one at a time.
        engine = create_engine(url, poolclass=QueuePool, hide_parameters=True)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        _engines.add(engine)
        return engine
    if url.get_backend_name() == "postgresql" and url.get_driver_name() in (
        "",
        "psycopg2",
    ):
        url = url.set(drivername="postgresql+psycopg")
    engine = create_engine(
        url, pool_pre_ping=True, hide_parameters=True, connect_args=_pg_connect_args(url)
    )
    event.listen(engine, "begin", _on_postgresql_begin)
    _engines.add(engine)
    return engine


def _refuse_flush(_session: Session, _context: Any, _instances: Any) -> None:
    raise RuntimeError("A read transaction (Database.reading) cannot write; use session().")


def _pg_connect_args(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "postgresql":
        return {"connect_timeout": 10, "application_name": "coproduce"}
    return {}


def _create_recording_engine(url: URL, path: Path | None) -> Engine:
    """An engine for ``Database.recording`` on a database opened read-only: SQLite's file as
    it is (its journal mode kept, foreign keys on, the write lock taken at BEGIN IMMEDIATE
    within the busy timeout); a server's database without the read-only option."""
    if path is not None:

        def connect() -> sqlite3.Connection:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            connection.execute("PRAGMA foreign_keys = ON")
            return connection

        engine = create_engine(
            "sqlite://", creator=connect, poolclass=NullPool, hide_parameters=True
        )
        event.listen(
            engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE")
        )
        return engine
    return create_engine(
        url.set(drivername="postgresql+psycopg"),
        poolclass=NullPool,
        hide_parameters=True,
        connect_args=_pg_connect_args(url),
    )


def _create_read_only_engine(url: URL, path: Path | None) -> Engine:
    """An engine that cannot change the database: for commands that only read or copy.

    SQLite: connections from ``sqlite_file.open_reader`` (no WAL switch, no side files left,
    works on a read-only file) and plain BEGIN, which takes no write lock. PostgreSQL: every
    transaction is READ ONLY, so the server itself refuses a write.
    """
    if path is not None:

        def connect() -> sqlite3.Connection:
            connection = sqlite_file.open_reader(path, timeout=BUSY_TIMEOUT_MS / 1000)
            connection.execute("PRAGMA foreign_keys = ON")
            return connection

        engine = create_engine(
            "sqlite://", creator=connect, poolclass=NullPool, hide_parameters=True
        )
        event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
        return engine
    if url.get_backend_name() == "sqlite":  # in memory: nothing on disk to change
        return _create_engine(url)
    connect_args = _pg_connect_args(url)
    connect_args["options"] = "-c default_transaction_read_only=on"
    return create_engine(
        url.set(drivername="postgresql+psycopg"),
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args=connect_args,
    )


def _empty_message(where: str) -> str:
    return (
        f"{where} is empty: it holds no Coproduce data. Check that this is the database you meant."
    )


def _has_foreign_tables(connection: Connection) -> bool:
    return bool(set(inspect(connection).get_table_names()) - {"alembic_version"})


def _too_new_message(where: str, revision: str) -> str:
    return (
        f"The database {where} was written by a newer version of Coproduce (schema {revision}). "
        "It has not been changed. Install the newer Coproduce to open it."
    )


def _connect_message(where: str, exc: SADatabaseError) -> str:
    return f"Coproduce could not open the database {where}: {_first_line(exc)}"
