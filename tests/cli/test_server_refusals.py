"""A shared PostgreSQL database that refuses the account Coproduce signs in with: every
command that reads says so plainly, names the database and exits 1, never a traceback or
"something went wrong inside Coproduce". (PostgreSQL's "permission denied" is a
``ProgrammingError``, which used to escape as a fault in Coproduce.)"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import run_program
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

pytestmark = pytest.mark.postgres


@pytest.fixture
def refused_url(postgres_templates) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A migrated database, and the URL of an account that may read only its schema
    revision (so it gets past opening and is refused at the first real read)."""
    name = postgres_templates.create()
    role = f"coproduce_reader_{uuid.uuid4().hex[:10]}"
    admin = postgres_templates.admin
    owner = create_engine(postgres_templates.url_for(name), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
    with owner.connect() as connection:
        connection.execute(text(f'GRANT SELECT ON alembic_version TO "{role}"'))
    try:
        yield (
            make_url(postgres_templates.url_for(name))
            .set(username=role)
            .render_as_string(hide_password=False)
        )
    finally:
        owner.dispose()
        postgres_templates.drop(name)
        with admin.connect() as connection:
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


def test_every_reading_command_on_a_database_the_account_may_not_read_explains_it(
    refused_url: str, tmp_path: Path
) -> None:
    commands = {
        "list people": ["list", "people"],
        "export every table": ["export", "table", "all", "-o", str(tmp_path / "all.xlsx")],
        "export minutes": ["export", "minutes", "--session", "1", "-o", str(tmp_path / "m.docx")],
    }
    shown = make_url(refused_url).render_as_string(hide_password=True)
    for name, command in commands.items():
        outcome = run_program(*command, "--db", refused_url)

        said = f"{name}: exit {outcome.status}, stderr {outcome.err!r}"
        assert outcome.status == 1, said
        assert outcome.err.startswith("coproduce: error: Coproduce may not read or change"), said
        assert shown in outcome.err, said
        assert "Ask the server's administrator for access" in outcome.err, said
        assert "Traceback" not in outcome.err, said
        assert not list(tmp_path.iterdir()), f"{said}: a file was left behind"
