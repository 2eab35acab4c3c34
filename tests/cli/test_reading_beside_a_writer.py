"""Commands that only read still read while another program holds the database's write lock
(issue 13: they used to wait 5 s and fail "busy", where SQLite's WAL lets them read)."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from cli_support import Coproduce

from coproduce.domain.records import Group, Person
from coproduce.services import Services
from coproduce.store.database import Database


def test_lists_exports_and_check_read_while_another_program_writes(
    coproduce: Coproduce, sqlite_database: Database, tmp_path: Path
) -> None:
    services = Services(sqlite_database)
    services.groups.create(Group(name="Carers' Forum"))
    sam = services.people.create(Person(display_name="Sam Okafor"))
    url = f"sqlite:///{sqlite_database.sqlite_path}"

    other_program = sqlite3.connect(sqlite_database.sqlite_path, timeout=0)
    other_program.execute("BEGIN IMMEDIATE")
    other_program.execute(
        "UPDATE people SET display_name = 'Not Yet Saved' WHERE id = ?", (sam.id,)
    )
    try:
        listed = coproduce("list", "people", "--db", url, "--format", "json")
        assert listed.status == 0, listed.err
        # What was committed, not the other program's change in progress.
        assert [row["display_name"] for row in json.loads(listed.out)] == ["Sam Okafor"]

        groups = coproduce("list", "groups", "--db", url)
        assert groups.status == 0, groups.err
        assert "Carers' Forum" in groups.out

        table = tmp_path / "attendance.csv"
        exported = coproduce(
            "export", "table", "attendance", "--db", url, "--format", "csv", "-o", str(table)
        )
        assert exported.status == 0, exported.err
        with table.open(newline="", encoding="utf-8-sig") as handle:
            assert next(csv.reader(handle))  # the header row of an empty table

        checked = coproduce("check", "--db", url)
        assert checked.status == 0, checked.err
    finally:
        other_program.rollback()
        other_program.close()
