"""Where Coproduce keeps its files on this computer (platformdirs), and which database it opens.

Every folder is created private to the user (0700): the database holds health-related data
about vulnerable people. Tests redirect everything by setting ``COPRODUCE_HOME``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "Coproduce"
DATABASE_FILE_NAME = "coproduce.sqlite3"
ENV_DATABASE = "COPRODUCE_DB"
ENV_HOME = "COPRODUCE_HOME"


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    # A folder made earlier (by an older version, or by hand) is made private too.
    if os.name == "posix" and path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def data_dir() -> Path:
    """The user data folder: the default database and its backups live here."""
    home = os.environ.get(ENV_HOME)
    if home:
        return _private_dir(Path(home) / "data")
    return _private_dir(Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)))


def log_dir() -> Path:
    home = os.environ.get(ENV_HOME)
    if home:
        return _private_dir(Path(home) / "logs")
    return _private_dir(Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)))


def config_dir() -> Path:
    """The user settings folder: window sizes and other choices that are not data."""
    home = os.environ.get(ENV_HOME)
    if home:
        return _private_dir(Path(home) / "config")
    return _private_dir(Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)))


def cache_dir() -> Path:
    """The user cache folder: things Coproduce can make again (pictures drawn for documents)."""
    home = os.environ.get(ENV_HOME)
    if home:
        return _private_dir(Path(home) / "cache")
    return _private_dir(Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False)))


def backups_dir() -> Path:
    return _private_dir(data_dir() / "backups")


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / DATABASE_FILE_NAME}"


def resolve_database_url(cli_value: str | None = None) -> str:
    """``--db`` wins, then ``COPRODUCE_DB``, then the default SQLite file.

    A bare file path is accepted as a SQLite database, since facilitators think in files.
    """
    value = cli_value or os.environ.get(ENV_DATABASE) or default_database_url()
    if "://" not in value:
        value = f"sqlite:///{Path(value).expanduser().resolve()}"
    return value


def resources_dir() -> Path:
    """The ``resources/`` folder: beside ``src/`` in a clone, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
