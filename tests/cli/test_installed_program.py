"""The installed ``coproduce`` program and ``python -m coproduce`` in real child processes:
demo data, listings, and that the command line runs without Qt or a display."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cli_support import Coproduce, run_program


def test_demo_data_then_twelve_sessions_listed_as_json(tmp_path: Path) -> None:
    # The issue's own check, word for word, in a fresh folder.
    made = run_program("demo", "--size", "small", "--db", "sqlite:///x.db", cwd=tmp_path)
    listed = run_program(
        "list", "sessions", "--db", "sqlite:///x.db", "--format", "json", cwd=tmp_path
    )

    assert made.status == 0, made.err
    assert "12 sessions" in made.out
    assert listed.status == 0, listed.err
    sessions = json.loads(listed.out)
    assert len(sessions) == 12
    assert all(session["title"] and session["group"] for session in sessions)


def test_demo_and_list_work_on_both_kinds_of_database(database_url: str) -> None:
    made = run_program("demo", "--size", "small", "--db", database_url)
    listed = run_program("list", "sessions", "--format", "json", "--db", database_url, module=True)

    assert made.status == 0, made.err
    assert listed.status == 0, listed.err
    assert len(json.loads(listed.out)) == 12


def test_demo_summary_counts_match_what_the_lists_show(
    coproduce: Coproduce, database_url: str
) -> None:
    made = coproduce("demo", "--db", database_url)

    assert made.status == 0, made.err
    for kind in ("groups", "people", "documents", "sessions"):
        rows = json.loads(coproduce("list", kind, "--db", database_url, "--format", "json").out)
        assert f"{len(rows)} {kind}" in made.out


def test_listing_never_imports_qt() -> None:
    script = (
        "import sys\n"
        "from coproduce.cli import main\n"
        "assert main(['demo']) == 0\n"
        "status = main(['list', 'people', '--format', 'json'])\n"
        "assert status == 0, status\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'qtawesome'))\n"
        "assert not loaded, loaded\n"
        "assert 'coproduce.app' not in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=240, check=False
    )

    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout.split("\n", 1)[1])) == 60


def test_a_mistake_is_a_message_and_a_status_with_no_traceback(tmp_path: Path) -> None:
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("Agenda: 1. Welcome")

    wrong_file = run_program("list", "people", "--db", str(not_a_database))
    wrong_command = run_program("export-everything", module=True)

    assert wrong_file.status == 1
    assert wrong_file.err.startswith("coproduce: error: The file")
    assert wrong_command.status == 2
    assert wrong_command.err.startswith("usage: coproduce")
    for outcome in (wrong_file, wrong_command):
        assert "Traceback" not in outcome.err


def test_help_and_version_from_the_installed_program() -> None:
    helped = run_program("--help")
    version = run_program("--version", module=True)

    assert helped.status == 0 and "usage: coproduce" in helped.out
    for command in ("demo", "list", "backup", "check"):
        assert command in helped.out
    assert version.status == 0 and version.out.startswith("coproduce ")
