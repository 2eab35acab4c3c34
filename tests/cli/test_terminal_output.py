"""``coproduce list`` never sends a stored ESC, NUL or direction override to a terminal: it
shows them as escapes there, while files (``-o``) and pipes get the text exactly."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
from pathlib import Path

from cli_support import INSTALLED_PROGRAM, Coproduce
from sqlalchemy import text

from coproduce.store.database import Database

# Written straight into the database, as an older Coproduce or another program could have:
# Coproduce itself now removes these from names when they are saved.
HOSTILE = "Jo\x1b[2J\x07 Bloggs\u202e reversed"


def insert_person(database: Database, name: str) -> None:
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO people (display_name, sort_name, organisation, email, phone,"
                " postal_address, contact_notes, information_notes, communication_support_notes,"
                " communication_professional_notes, meeting_access_notes, payment_preference,"
                " active, version) VALUES (:n, :s, '', '', '', '', '', '', '', '', '',"
                " 'not_set', true, 1)"
            ),
            {"n": name, "s": name.casefold()},
        )


def on_a_terminal(*argv: str) -> str:
    """What the installed program writes to a terminal (a pseudo-terminal here)."""
    reader, writer = pty.openpty()
    child = subprocess.Popen(
        [str(INSTALLED_PROGRAM), *argv], stdout=writer, stderr=subprocess.PIPE, env=dict(os.environ)
    )
    os.close(writer)
    chunks = []
    while True:
        try:
            chunk = os.read(reader, 65536)
        except OSError:  # Linux: EIO once the child has closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(reader)
    _, err = child.communicate(timeout=240)
    assert child.returncode == 0, err
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_csv_on_a_terminal_shows_control_characters_as_escapes(
    database: Database, database_url: str
) -> None:
    insert_person(database, HOSTILE)

    shown = on_a_terminal("list", "people", "--format", "csv", "--db", database_url)

    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "Jo\\x1b[2J\\x07 Bloggs\\u202e reversed" in shown


def test_the_table_shows_escapes_wherever_it_is_written(
    coproduce: Coproduce, database: Database, database_url: str
) -> None:
    insert_person(database, HOSTILE)

    table = coproduce("list", "people", "--db", database_url)

    assert "Jo\\x1b[2J\\x07 Bloggs\\u202e reversed" in table.out
    assert "\x1b" not in table.out and "\u202e" not in table.out


def test_json_escapes_them_and_still_reads_back_exactly(
    coproduce: Coproduce, database: Database, database_url: str
) -> None:
    insert_person(database, HOSTILE)

    result = coproduce("list", "people", "--db", database_url, "--format", "json")

    assert "\x1b" not in result.out and "\u202e" not in result.out
    assert "\\u001b[2J\\u0007 Bloggs\\u202e reversed" in result.out
    assert [row["display_name"] for row in json.loads(result.out)] == [HOSTILE]


def test_csv_written_to_a_file_or_a_pipe_keeps_the_text_exactly(
    coproduce: Coproduce, database: Database, database_url: str, tmp_path: Path
) -> None:
    insert_person(database, HOSTILE)
    target = tmp_path / "people.csv"

    piped = coproduce("list", "people", "--db", database_url, "--format", "csv")
    written = coproduce(
        "list", "people", "--db", database_url, "--format", "csv", "-o", str(target)
    )

    assert written.status == 0, written.err
    assert written.out == f"Wrote {target}: 1 people.\n"
    with target.open(encoding="utf-8", newline="") as handle:
        assert [row["display_name"] for row in csv.DictReader(handle)] == [HOSTILE]
    assert target.stat().st_mode & 0o777 == 0o600
    piped_rows = csv.DictReader(io.StringIO(piped.out, newline=""))
    assert [row["display_name"] for row in piped_rows] == [HOSTILE]


def test_a_file_is_not_replaced_without_force_and_a_table_is_not_written_to_one(
    coproduce: Coproduce, database: Database, database_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "people.csv"
    target.write_text("keep me")

    again = coproduce("list", "people", "--db", database_url, "--format", "csv", "-o", str(target))
    as_table = coproduce("list", "people", "--db", database_url, "-o", str(tmp_path / "t.txt"))

    assert again.status == 1 and "--force" in again.err
    assert target.read_text() == "keep me"
    assert as_table.status == 2 and "--format csv" in as_table.err
