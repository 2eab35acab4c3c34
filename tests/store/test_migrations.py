"""Opening databases of every age: new, older (backed up, then upgraded), newer (refused)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from coproduce.domain.errors import DatabaseError, DatabaseTooNewError
from coproduce.store import migrations
from coproduce.store.backup import list_backups
from coproduce.store.database import Database
from coproduce.store.orm import Base
from coproduce.store.search import include_in_schema_comparison, is_search_object


def _migrate_raw(url: str, revision: str) -> None:
    """Build a database at an old ``revision`` as an older Coproduce would have left it."""
    engine = create_engine(url)
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        migrations.upgrade(connection, revision)
    engine.dispose()


def _add_person_at_0001(url: str, name: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO people (display_name, organisation, email, phone, postal_address,"
                " contact_notes, information_notes, communication_support_notes,"
                " communication_professional_notes, meeting_access_notes, payment_preference,"
                " active, version) VALUES (:n, '', '', '', '', '', '', '', '', '', 'not_set',"
                " true, 1)"
            ),
            {"n": name},
        )
    engine.dispose()


@pytest.fixture
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database (no tables at all) of the backend in ``request.param``."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.sqlite3'}"
    templates = request.getfixturevalue("postgres_templates")
    name = templates.create(empty=True)
    request.addfinalizer(lambda: templates.drop(name))
    return templates.url_for(name)


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("empty_url", BACKENDS, indirect=True)
def test_a_new_database_is_built_by_migrating_from_empty(empty_url: str) -> None:
    database = Database.open(empty_url)
    try:
        assert database.migration.from_revision is None
        assert database.schema_revision() == migrations.head_revision()
        tables = {
            name
            for name in inspect(database.engine).get_table_names()
            if name != "alembic_version" and not is_search_object(name)
        }
        assert tables == set(Base.metadata.tables)
    finally:
        database.close()


@pytest.mark.parametrize("empty_url", BACKENDS, indirect=True)
def test_the_orm_and_the_migrations_describe_the_same_schema(empty_url: str) -> None:
    database = Database.open(empty_url)
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_name": include_in_schema_comparison}
            )
            differences = compare_metadata(context, Base.metadata)
        assert differences == []
    finally:
        database.close()


@pytest.mark.parametrize("empty_url", BACKENDS, indirect=True)
def test_an_older_schema_is_upgraded_and_its_rows_migrated(empty_url: str) -> None:
    _migrate_raw(empty_url, "0001")
    _add_person_at_0001(empty_url, "Zoë  ÄRNSTRÖM")
    database = Database.open(empty_url)
    try:
        assert (database.migration.from_revision, database.migration.to_revision) == (
            "0001",
            migrations.head_revision(),
        )
        with database.engine.connect() as connection:
            sort_name = connection.execute(text("SELECT sort_name FROM people")).scalar_one()
        assert sort_name == "zoë ärnström"
    finally:
        database.close()


@pytest.mark.parametrize("empty_url", BACKENDS, indirect=True)
def test_names_saved_with_direction_controls_lose_them_on_upgrade(empty_url: str) -> None:
    # Before 0006 a name could hold a right-to-left override, which reverses the rest of
    # any sentence it is printed in; names are now cleaned when saved, and old ones here.
    _migrate_raw(empty_url, "0001")
    _add_person_at_0001(empty_url, "Tom\u202e Ames\u2067")
    database = Database.open(empty_url)
    try:
        with database.engine.connect() as connection:
            names = connection.execute(text("SELECT display_name, sort_name FROM people")).one()
        assert tuple(names) == ("Tom Ames", "tom ames")
    finally:
        database.close()


def test_a_sqlite_database_is_backed_up_before_it_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    _migrate_raw(url, "0001")
    _add_person_at_0001(url, "Kept In The Backup")
    backups = tmp_path / "backups"
    database = Database.open(url, backups_dir=backups)
    database.close()
    [backup] = list_backups(backups, "old")
    assert database.migration.backup_path == backup
    assert backup.stat().st_mode & 0o777 == 0o600
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT display_name FROM people").fetchall() == [
            ("Kept In The Backup",)
        ]
    finally:
        copy.close()


def test_a_failed_upgrade_leaves_the_old_schema_and_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    _migrate_raw(url, "0001")
    _add_person_at_0001(url, "Still Here")
    # An object in the way of revision 0002's index makes the upgrade fail half-way.
    raw = sqlite3.connect(path)
    raw.execute("CREATE INDEX ix_people_sort_name ON groups (name)")
    raw.commit()
    raw.close()
    with pytest.raises(DatabaseError, match="could not upgrade") as error:
        Database.open(url, backups_dir=tmp_path / "backups")
    assert "ix_people_sort_name" in str(error.value)
    assert "Nothing was changed" in str(error.value)
    [copy] = list_backups(tmp_path / "backups", "old")
    assert f"A copy made before the upgrade is at {copy}" in str(error.value)
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        columns = {row[1] for row in raw.execute("PRAGMA table_info(people)")}
        assert "sort_name" not in columns
        assert raw.execute("SELECT display_name FROM people").fetchall() == [("Still Here",)]
    finally:
        raw.close()


def test_backups_rotate_keeping_the_newest(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    backups = tmp_path / "backups"
    made = []
    for _ in range(3):
        path.unlink(missing_ok=True)
        _migrate_raw(url, "0001")
        database = Database.open(url, backups_dir=backups, keep_backups=2)
        database.close()
        made.append(database.migration.backup_path)
    assert list_backups(backups, "old") == sorted(made[1:], reverse=True)


def _bytes_of(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*"))}


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.commit()
    raw.close()
    path.chmod(0o644)  # also proves we do not "fix" its permissions
    before = _bytes_of(path)
    with pytest.raises(DatabaseTooNewError, match="newer version of Coproduce") as error:
        Database.open(f"sqlite:///{path}")
    assert "has not been changed" in str(error.value)
    assert _bytes_of(path) == before
    assert path.stat().st_mode & 0o777 == 0o644


@pytest.mark.postgres
def test_a_newer_postgresql_schema_is_refused(request: pytest.FixtureRequest) -> None:
    templates = request.getfixturevalue("postgres_templates")
    name = templates.create()
    request.addfinalizer(lambda: templates.drop(name))
    url = templates.url_for(name)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseTooNewError):
        Database.open(url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "9999"
        )
    engine.dispose()


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Minutes of the carers' forum, typed in the wrong program\n")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a Coproduce database"):
        Database.open(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_a_corrupt_database_file_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="is damaged and cannot be opened"):
        Database.open(f"sqlite:///{path}")


def test_another_programs_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE recipes (name TEXT)")
    raw.commit()
    raw.close()
    with pytest.raises(DatabaseError, match="not a Coproduce one"):
        Database.open(f"sqlite:///{path}")


def test_pruning_keeps_this_databases_backups_not_a_similarly_named_ones(tmp_path: Path) -> None:
    from coproduce.store.backup import rotate_backup

    backups = tmp_path / "backups"
    source = tmp_path / "coproduce.sqlite3"
    Database.open(f"sqlite:///{source}").close()
    other = tmp_path / "coproduce-old.sqlite3"
    Database.open(f"sqlite:///{other}").close()
    for _ in range(3):
        rotate_backup(other, backups, "manual", keep=5)
    made = rotate_backup(source, backups, "before-upgrade", keep=1)
    assert made.exists()
    assert list_backups(backups, "coproduce") == [made]
    assert len(list_backups(backups, "coproduce-old")) == 3


def test_the_head_revision_kept_in_code_is_alembics_head() -> None:
    # The window recognises an up-to-date database by this string, without loading Alembic:
    # a new revision without it would leave every database unupgraded.
    assert migrations.alembic_head_revision() == migrations.HEAD_REVISION
    assert migrations.head_revision() in migrations.known_revisions()
    assert set(migrations.known_revisions()) == {"0001", "0002", "0003", "0004", "0005", "0006"}


@pytest.mark.parametrize("empty_url", BACKENDS, indirect=True)
def test_the_revision_read_without_alembic_is_the_one_alembic_reads(empty_url: str) -> None:
    engine = create_engine(empty_url)
    try:
        with engine.connect() as connection:
            assert migrations.current_revision(connection) is None
        _migrate_raw(empty_url, "0002")
        with engine.connect() as connection:
            assert migrations.current_revision(connection) == "0002"
            assert MigrationContext.configure(connection).get_current_revision() == "0002"
    finally:
        engine.dispose()


def test_opening_a_database_at_the_head_does_not_load_alembic(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite3"
    Database.open(f"sqlite:///{path}").close()  # new: migrated up to the head here
    code = (
        "import sys\n"
        "from coproduce.store.database import Database\n"
        f"database = Database.open({f'sqlite:///{path}'!r})\n"
        "assert database.schema_revision() == database.migration.to_revision\n"
        "database.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert shown.stdout.strip() == "[]", shown.stderr
