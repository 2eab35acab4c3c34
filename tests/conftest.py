"""Fixtures shared by every test.

- Every test runs with its user folders in ``tmp_path`` (``COPRODUCE_HOME``): no test touches
  the real data folder, and none sees another's files.
- ``database`` is a fresh, fully migrated database per test, on SQLite and (marked
  ``postgres``) on PostgreSQL. SQLite copies a migrated template file; PostgreSQL clones a
  migrated template database (CREATE DATABASE ... TEMPLATE), both far faster than migrating.
- PostgreSQL tests need ``COPRODUCE_TEST_PG_URL`` (``.ci/postgres.sh`` starts a server and
  prints it). Without it they skip on a developer's machine, and FAIL under CI, where a
  skipped database test would hide a broken half of the product.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from coproduce.services import Services
from coproduce.store.database import Database

PG_URL_VARIABLE = "COPRODUCE_TEST_PG_URL"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("COPRODUCE_HOME", str(home))
    monkeypatch.setenv("COPRODUCE_USER", "Test Facilitator")
    monkeypatch.delenv("COPRODUCE_DB", raising=False)
    return home


def postgres_url_or_skip() -> str:
    url = os.environ.get(PG_URL_VARIABLE)
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"{PG_URL_VARIABLE} is not set in CI: the PostgreSQL tests must run there.")
    pytest.skip(f"no PostgreSQL server ({PG_URL_VARIABLE} is not set; see .ci/postgres.sh)")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    return path


class PostgresTemplates:
    """Clones of one migrated template database, one per test, dropped afterwards."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = make_url(admin_url)
        self.admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        self.template = f"coproduce_template_{uuid.uuid4().hex[:8]}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.template}"'))
        Database.open(self.url_for(self.template)).close()

    def url_for(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def create(self, empty: bool = False) -> str:
        name = f"coproduce_test_{uuid.uuid4().hex[:12]}"
        template = "template0" if empty else self.template
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        self.drop(self.template)
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres_templates() -> Iterator[PostgresTemplates]:
    templates = PostgresTemplates(postgres_url_or_skip())
    yield templates
    templates.close()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """The URL of a fresh migrated database: once SQLite, once PostgreSQL."""
    return _fresh_url(request, tmp_path, sqlite_template)


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A fresh migrated database, opened, once on SQLite and once on PostgreSQL."""
    database = Database.open(database_url)
    yield database
    database.close()


def _fresh_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "coproduce.sqlite3"
        shutil.copyfile(sqlite_template, path)
        os.chmod(path, 0o600)
        return f"sqlite:///{path}"
    templates: PostgresTemplates = request.getfixturevalue("postgres_templates")
    name = templates.create()
    request.addfinalizer(lambda: templates.drop(name))
    return templates.url_for(name)


@pytest.fixture
def sqlite_database(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A fresh migrated SQLite database only (for SQLite-specific behaviour)."""
    path = tmp_path / "coproduce.sqlite3"
    shutil.copyfile(sqlite_template, path)
    os.chmod(path, 0o600)
    database = Database.open(f"sqlite:///{path}")
    yield database
    database.close()


@pytest.fixture
def services(database: Database) -> Services:
    return Services(database, actor="Test Facilitator")
