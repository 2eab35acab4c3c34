"""Every command on a damaged database file: a plain message naming the file and what to do,
a non-zero exit status, no traceback, no "something went wrong inside Coproduce", and no
half-written output file.

The database is the small example council, damaged the ways a failing disk or a broken copy
does (``damage_support``): a zeroed page, flipped bytes inside pages, a file cut short, a
damaged header. Each command first runs on the undamaged file, in this process, so a failure
below is the damage's and not a wrong session or person number; then it runs as a child
process, as a person or a script would run it, on the damaged copy.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_support import Coproduce, run_program

from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services import Services
from coproduce.services.meetings import MeetingFilter
from coproduce.store.database import Database
from damage_support import DAMAGES, copy_database


@dataclass(frozen=True)
class Council:
    """The example council's file and records every command can be pointed at."""

    path: Path
    session_id: int
    person_id: int
    group_id: int


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Council:
    from coproduce.services.demo import build_demo

    folder = tmp_path_factory.mktemp("council")
    built = folder / "built.sqlite3"
    shutil.copyfile(sqlite_template, built)
    database = Database.open(f"sqlite:///{built}")
    try:
        build_demo(database, "small")
        services = Services(database)
        held = [
            meeting
            for meeting in services.meetings.list(MeetingFilter(), limit=None).items
            if meeting.status != MeetingStatus.PLANNED and meeting.status != MeetingStatus.CANCELLED
        ]
        session = held[0]
        person = services.people.list(limit=1).items[0]
    finally:
        database.close()
    path = copy_database(built, folder / "council.sqlite3")
    return Council(path, session.id, person.id, session.group_id)  # type: ignore[arg-type]


Command = Callable[[Council, Path], list[str]]

# What a person would run; ``out`` is a folder for any file the command writes.
COMMANDS: dict[str, Command] = {
    "list people": lambda c, out: ["list", "people"],
    "list people as csv": lambda c, out: ["list", "people", "--format", "csv"],
    "export table": lambda c, out: [
        "export",
        "table",
        "attendance",
        "--format",
        "csv",
        "-o",
        str(out / "attendance.csv"),
    ],
    "export every table": lambda c, out: [
        "export",
        "table",
        "all",
        "--format",
        "xlsx",
        "-o",
        str(out / "all.xlsx"),
    ],
    "export minutes": lambda c, out: [
        "export",
        "minutes",
        "--session",
        str(c.session_id),
        "-o",
        str(out / "minutes.docx"),
    ],
    "export easy read": lambda c, out: [
        "export",
        "easy-read",
        "--session",
        str(c.session_id),
        "-o",
        str(out / "easy.docx"),
    ],
    "export you said we did": lambda c, out: [
        "export",
        "you-said-we-did",
        "--group",
        str(c.group_id),
        "-o",
        str(out / "ysww.docx"),
    ],
    "export a person's pack": lambda c, out: [
        "export",
        "person-pack",
        "--person",
        str(c.person_id),
        "-o",
        str(out / "pack.docx"),
    ],
    "check": lambda c, out: ["check"],
    "backup": lambda c, out: ["backup", "--to", str(out / "copy.sqlite3")],
}


def test_every_command_works_on_the_undamaged_council(
    council: Council, coproduce: Coproduce, tmp_path: Path
) -> None:
    """The commands below are right as written: only the damage makes them fail."""
    good = copy_database(council.path, tmp_path / "good.sqlite3")
    for name, command in COMMANDS.items():
        out = tmp_path / name.replace(" ", "-").replace("'", "")
        out.mkdir()
        outcome = coproduce(*command(council, out), "--db", str(good))
        assert outcome.status == 0, f"{name}: {outcome.err}"


@pytest.mark.slow
@pytest.mark.parametrize("damage", list(DAMAGES))
def test_every_command_on_a_damaged_file_says_so_plainly_and_fails(
    council: Council, tmp_path: Path, damage: str
) -> None:
    damaged = copy_database(council.path, tmp_path / "council.sqlite3")
    DAMAGES[damage](damaged)

    for name, command in COMMANDS.items():
        out = tmp_path / name.replace(" ", "-").replace("'", "")
        out.mkdir()
        outcome = run_program(*command(council, out), "--db", str(damaged))

        said = f"{name} on {damage}: exit {outcome.status}, stderr {outcome.err!r}"
        assert "Traceback" not in outcome.err + outcome.out, said
        assert "something went wrong inside" not in outcome.err, said
        if name == "backup" and outcome.status == 0:
            # Refusing to copy a damaged file is the backup's own work (store/backup.py);
            # what this test guarantees is that it never fails as a fault.
            continue
        assert outcome.status == 1, said
        assert not any(out.iterdir()), f"{said}: a file was left behind"
        if name == "check":  # a report of the damage, or the same plain error
            assert str(damaged) in outcome.out + outcome.err, said
            continue
        assert outcome.err.startswith("coproduce: error: "), said
        assert str(damaged) in outcome.err, said
        assert outcome.out == "", said


def test_a_damaged_page_is_explained_with_what_to_do(council: Council, tmp_path: Path) -> None:
    damaged = copy_database(council.path, tmp_path / "council.sqlite3")
    DAMAGES["a zeroed page"](damaged)

    outcome = run_program("list", "people", "--db", str(damaged))

    assert outcome.status == 1
    message = outcome.err
    assert message.startswith(f"coproduce: error: The database {damaged} is damaged")
    assert "database disk image is malformed" in message
    # Where a good copy is to be found, and how to put it back.
    assert str(tmp_path / "backups") in message
    assert "coproduce backup" in message
    assert f"copy your newest backup to {damaged}" in message
    assert "council.sqlite3-wal" in message
    # Only the explanation reaches the terminal: not the line the store logs as well.
    assert "Database error" not in message
