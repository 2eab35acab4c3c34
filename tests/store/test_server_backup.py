"""PostgreSQL upgrades take a copy first (issue 13, finding 9: they took none).

With ``pg_dump`` installed (it is on the test machines) the copy is a custom-format dump,
proven here by restoring it into an empty database with ``pg_restore``. Without it, the
program's own archive of every table; with no way to make a copy, no upgrade.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from coproduce.domain.errors import DatabaseError
from coproduce.store import migrations, server_backup
from coproduce.store.database import Database

pytestmark = pytest.mark.postgres


def _execute(url: str, work: Callable[..., None]) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            work(connection)
    finally:
        engine.dispose()


def _add_person_at_0001(connection: object, name: str) -> None:
    connection.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO people (display_name, organisation, email, phone, postal_address,"
            " contact_notes, information_notes, communication_support_notes,"
            " communication_professional_notes, meeting_access_notes, payment_preference,"
            " active, version) VALUES (:n, '', '', '', '', '', '', '', '', '', 'not_set',"
            " true, 1)"
        ),
        {"n": name},
    )


@pytest.fixture
def older_server_database(postgres_templates: object, request: pytest.FixtureRequest) -> str:
    """A real PostgreSQL database at schema 0001 holding one person, as an older Coproduce
    left it."""
    name = postgres_templates.create(empty=True)  # type: ignore[attr-defined]
    request.addfinalizer(lambda: postgres_templates.drop(name))  # type: ignore[attr-defined]
    url = postgres_templates.url_for(name)  # type: ignore[attr-defined]

    def build(connection: object) -> None:
        migrations.upgrade(connection, "0001")  # type: ignore[arg-type]
        _add_person_at_0001(connection, "Zoë Kept In The Copy")

    _execute(url, build)
    return url


def _revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return migrations.current_revision(connection)
    finally:
        engine.dispose()


def test_an_upgrade_is_preceded_by_a_pg_dump_that_restores(
    older_server_database: str,
    postgres_templates: object,
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    assert server_backup.find_pg_tool("pg_dump") is not None, "pg_dump is installed here"

    database = Database.open(older_server_database, backups_dir=tmp_path / "backups")
    database.close()

    dump = database.migration.backup_path  # type: ignore[union-attr]
    assert dump is not None and dump.parent == tmp_path / "backups"
    assert dump.name.endswith("-before-" + migrations.head_revision() + ".dump")
    assert dump.stat().st_mode & 0o777 == 0o600
    assert _revision(older_server_database) == migrations.head_revision()
    restored = postgres_templates.create(empty=True)  # type: ignore[attr-defined]
    request.addfinalizer(lambda: postgres_templates.drop(restored))  # type: ignore[attr-defined]
    restored_url = make_url(postgres_templates.url_for(restored))  # type: ignore[attr-defined]
    pg_restore = server_backup.find_pg_tool("pg_restore")
    target = restored_url.set(drivername="postgresql").render_as_string(hide_password=False)
    subprocess.run(
        [str(pg_restore), "--no-owner", f"--dbname={target}", str(dump)],
        check=True,
        capture_output=True,
    )
    restored_text = restored_url.render_as_string(hide_password=False)
    assert _revision(restored_text) == "0001"
    engine = create_engine(restored_text)
    try:
        with engine.connect() as connection:
            names = connection.execute(text("SELECT display_name FROM people")).scalars().all()
    finally:
        engine.dispose()
    assert names == ["Zoë Kept In The Copy"]


def test_without_pg_dump_the_programs_own_archive_holds_every_table(
    older_server_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A computer with no PostgreSQL programs installed.
    monkeypatch.setattr(server_backup, "find_pg_tool", lambda name: None)

    database = Database.open(older_server_database, backups_dir=tmp_path / "backups")
    database.close()

    archive = database.migration.backup_path  # type: ignore[union-attr]
    assert archive is not None and archive.name.endswith(".jsonl.gz")
    assert archive.stat().st_mode & 0o777 == 0o600
    header, rows = server_backup.read_archive(archive)
    assert header["revision"] == "0001"
    assert set(header["tables"]) == set(rows) and "alembic_version" in rows
    assert rows["alembic_version"] == [{"version_num": "0001"}]
    assert [row["display_name"] for row in rows["people"]] == ["Zoë Kept In The Copy"]
    assert _revision(older_server_database) == migrations.head_revision()


def test_when_no_copy_can_be_made_the_database_is_not_upgraded(
    older_server_database: str, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_text("a file where the backups folder should be")

    with pytest.raises(DatabaseError) as refused:
        Database.open(older_server_database, backups_dir=not_a_folder)

    message = str(refused.value)
    assert "did not upgrade the database" in message and "did not change it" in message
    assert "pg_dump --format=custom" in message
    assert _revision(older_server_database) == "0001"
