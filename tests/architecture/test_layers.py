"""The layer boundaries of DESIGN.md section 3, enforced by import-linter in every test run.

The contracts live in pyproject.toml ([tool.importlinter]): only ui and app import Qt, only
store imports SQLAlchemy and Alembic, the domain is plain Python, and no lower layer imports
a higher one. A second test proves the linter really sees a violation, so this cannot pass
by checking nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _lint(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(no_cache=True, no_logo=True))",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(project / "src"), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


def test_the_import_contracts_hold() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_service_importing_sqlalchemy_breaks_a_contract(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy)
    offender = copy / "src" / "coproduce" / "services" / "offender.py"
    offender.write_text("import sqlalchemy  # a service reaching into the database\n")
    result = _lint(copy)
    assert result.returncode != 0
    assert "Only store imports SQLAlchemy" in result.stdout
    assert "coproduce.services.offender -> sqlalchemy" in result.stdout


def test_a_page_reading_the_store_directly_breaks_a_contract(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy)
    offender = copy / "src" / "coproduce" / "ui" / "offender.py"
    offender.write_text("from coproduce.store import orm  # a page reaching past services\n")
    result = _lint(copy)
    assert result.returncode != 0
    assert "coproduce.ui.offender -> coproduce.store" in result.stdout
