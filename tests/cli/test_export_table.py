"""``coproduce export table``: every table in both formats, reopened the way Power BI or a
spreadsheet would read it (openpyxl, the csv module) and checked against the database."""

from __future__ import annotations

import csv
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from cli_support import Coproduce
from openpyxl import load_workbook
from sqlalchemy import text

from coproduce.documents.tables import ColumnType
from coproduce.services.demo import build_demo
from coproduce.services.tables import TABLES
from coproduce.store.database import Database

# The database table behind each exported table, counted directly in SQL.
STORED = {
    "sessions": "meetings",
    "attendance": "attendance",
    "contributions": "contributions",
    "contribution_links": "links",
    "responses": "responses",
    "ladder_history": "ladder_assessments",
    "actions": "actions",
    "payments": "payments",
}

DATE_FORMATS = {ColumnType.DATE: "yyyy-mm-dd", ColumnType.DATETIME: "yyyy-mm-dd hh:mm"}


@pytest.fixture
def demo(database: Database) -> Database:
    build_demo(database, "small")
    return database


def _count(database: Database, name: str) -> int:
    with database.session() as session:
        return int(session.execute(text(f"SELECT COUNT(*) FROM {STORED[name]}")).scalar_one())


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_every_exported_table_has_its_stored_table() -> None:
    assert set(STORED) == set(TABLES)


@pytest.mark.parametrize("name", list(TABLES))
def test_each_table_as_csv_reads_back_with_one_header_and_every_row(
    coproduce: Coproduce, demo: Database, database_url: str, out: Path, name: str
) -> None:
    path = out / f"{name}.csv"

    result = coproduce(
        "export", "table", name, "--format", "csv", "-o", str(path), "--db", database_url
    )

    assert result.status == 0, result.err
    assert str(path) in result.out
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == TABLES[name].column_names
    assert len(rows) == _count(demo, name) > 0
    for column in TABLES[name].columns:
        values = [row[column.name] for row in rows if row[column.name]]
        if column.type is ColumnType.DATE:
            assert all(datetime.strptime(v, "%Y-%m-%d") for v in values)
        elif column.type is ColumnType.DATETIME:
            assert all(datetime.fromisoformat(v) for v in values)
        elif column.type is ColumnType.BOOLEAN:
            assert set(values) <= {"true", "false"}
        elif column.type is ColumnType.INTEGER:
            assert all(int(v) is not None for v in values)


@pytest.mark.parametrize("name", list(TABLES))
def test_each_table_as_xlsx_has_one_sheet_real_dates_and_every_row(
    coproduce: Coproduce, demo: Database, database_url: str, out: Path, name: str
) -> None:
    path = out / f"{name}.xlsx"

    result = coproduce("--db", database_url, "export", "table", name, "-o", str(path))

    assert result.status == 0, result.err
    book = load_workbook(path)
    assert book.sheetnames == [name]
    sheet = book[name]
    rows = list(sheet.iter_rows())
    assert [cell.value for cell in rows[0]] == TABLES[name].column_names
    assert len(rows) - 1 == _count(demo, name) > 0
    assert not sheet.merged_cells.ranges
    for index, column in enumerate(TABLES[name].columns):
        cells = [row[index] for row in rows[1:] if row[index].value is not None]
        if column.type in DATE_FORMATS:
            assert cells, f"no {column.name} in the demo"
            assert all(cell.is_date for cell in cells), column.name
            assert all(isinstance(cell.value, datetime) for cell in cells)
            assert {cell.number_format for cell in cells} == {DATE_FORMATS[column.type]}
        elif column.type is ColumnType.BOOLEAN:
            assert all(isinstance(cell.value, bool) for cell in cells)
        elif column.type in (ColumnType.INTEGER, ColumnType.DECIMAL):
            assert all(isinstance(cell.value, int | float) for cell in cells)
    [(table_name, ref)] = sheet.tables.items()
    assert (table_name, ref.split(":")[1][1:]) == (name, str(len(rows)))


def test_all_writes_every_table_to_one_workbook(
    coproduce: Coproduce, demo: Database, database_url: str, out: Path
) -> None:
    path = out / "coproduce.xlsx"

    result = coproduce("export", "table", "all", "--db", database_url, "-o", str(path))

    assert result.status == 0, result.err
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == list(TABLES)
    for name in TABLES:
        rows = list(book[name].iter_rows(values_only=True))
        assert list(rows[0]) == TABLES[name].column_names
        assert len(rows) - 1 == _count(demo, name)
    book.close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_an_existing_file_is_replaced_only_with_force(
    coproduce: Coproduce, demo: Database, database_url: str, out: Path
) -> None:
    path = out / "sessions.csv"
    path.write_text("keep me\n", encoding="utf-8")

    refused = coproduce("export", "table", "sessions", "-o", str(path), "--db", database_url)
    replaced = coproduce(
        "export", "table", "sessions", "-o", str(path), "--db", database_url, "--force"
    )

    assert refused.status == 1
    assert "already exists" in refused.err and "--force" in refused.err
    assert replaced.status == 0, replaced.err
    assert path.read_text(encoding="utf-8-sig").startswith("session_id,group_id,")


@pytest.mark.parametrize(
    ("arguments", "status", "message"),
    [
        (["all", "--format", "csv", "-o", "{out}/all.csv"], 2, "A CSV file holds one table"),
        (["sessions", "-o", "{out}/sessions.txt"], 2, "--format csv or --format xlsx"),
        (["sessions", "-o", "{out}/missing/s.csv"], 1, "does not exist"),
        (["sessions", "--format", "csv", "-o", "{out}"], 1, "is a folder"),
        (["people", "-o", "{out}/people.csv"], 2, "invalid choice"),
    ],
)
def test_a_command_that_cannot_be_done_exits_with_a_message_and_writes_nothing(
    coproduce: Coproduce,
    demo: Database,
    database_url: str,
    out: Path,
    arguments: list[str],
    status: int,
    message: str,
) -> None:
    argv = [argument.replace("{out}", str(out)) for argument in arguments]

    result = coproduce("export", "table", *argv, "--db", database_url)

    assert result.status == status
    assert message in result.err
    assert "Traceback" not in result.err
    assert list(out.iterdir()) == []


def test_a_missing_database_is_not_created_by_an_export(
    coproduce: Coproduce, tmp_path: Path, out: Path
) -> None:
    missing = tmp_path / "typo.sqlite3"

    result = coproduce(
        "export", "table", "sessions", "-o", str(out / "s.csv"), "--db", str(missing)
    )

    assert result.status == 1
    assert f"There is no database at {missing}" in result.err
    assert not missing.exists()
    assert list(out.iterdir()) == []
