"""Writing whole tables to CSV and Excel (.xlsx) files for Power BI and other spreadsheets.

Here lives what a table file looks like, not what is in it: the columns' types and how each
type is written, formula-safe text, and writing the file safely. Which tables and columns
exist, and the rows, come from ``services.tables``; docs/tables.md describes every column.

Rows arrive as an iterator of tuples (in the columns' order), so a table of any size is
written with flat memory: CSV line by line, Excel through openpyxl's write-only mode.

The file is written to a temporary file in the target's folder and moved into place with
``os.replace`` once complete, so a reader never sees half a file and a failure leaves any
earlier file untouched. Exports hold personal data (names, payments), so the file is readable
by its owner only (0600).
"""

from __future__ import annotations

import csv
import enum
import os
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from coproduce.documents.docx_base import clean_text as xml_clean_text
from coproduce.domain.errors import ExportError


class ColumnType(enum.Enum):
    """How a column's values are written; the value is the word docs/tables.md uses."""

    INTEGER = "integer"
    DECIMAL = "decimal"
    TEXT = "text"
    DATE = "date"
    DATETIME = "date and time"
    BOOLEAN = "true/false"


class TableFormat(enum.Enum):
    CSV = "csv"
    XLSX = "xlsx"

    @property
    def suffix(self) -> str:
        return "." + self.value


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an exported table."""

    name: str
    type: ColumnType
    meaning: str
    codes: type[enum.Enum] | None = None
    """The vocabulary whose codes this column holds (its members carry ``label``)."""


@dataclass(frozen=True, slots=True)
class TableDefinition:
    """One exported table: its stable name (file, sheet and Power BI table name) and columns."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


# --- cell values --------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula when it opens a CSV file."""

EXCEL_TEXT_LIMIT = 32_767
"""Excel keeps at most this many characters in a cell."""

XLSX_DATE_FORMAT = "yyyy-mm-dd"
XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
XLSX_DECIMAL_FORMAT = "0.00"


def clean_text(text: str) -> str:
    """``text`` without characters a spreadsheet file cannot hold, cut to what Excel keeps.

    The characters removed are those XML 1.0 cannot hold (Excel files are XML; openpyxl's lxml
    refuses them), by the same rule as Word documents; CSV files follow it too, so both
    formats of a table hold the same text. Line breaks become ``\\n``."""
    text = xml_clean_text(text)
    if len(text) > EXCEL_TEXT_LIMIT:
        text = text[: EXCEL_TEXT_LIMIT - 1] + "…"
    return text


def csv_text(text: str) -> str:
    """Text safe to open in a spreadsheet: text that would run as a formula (a name typed as
    "=HYPERLINK(...)") gets a leading apostrophe, so it shows as plain text."""
    text = clean_text(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_value(value: Any, column: Column) -> str:
    """A value as CSV text: ISO 8601 dates, ``true``/``false``, a dot for decimals."""
    if value is None:
        return ""
    if column.type is ColumnType.BOOLEAN:
        return "true" if value else "false"
    if column.type is ColumnType.DATETIME and isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    if column.type is ColumnType.DATE and isinstance(value, date):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, int | float):
        return str(value)
    return csv_text(str(value))


# --- writers ------------------------------------------------------------------------------


def csv_converter(column: Column) -> Callable[[Any], str]:
    """``csv_value`` for the values of one column, with the checks for the column's type
    made once, not once per cell: a large table has millions of cells."""
    kind = column.type

    def generic(value: Any) -> str:
        return csv_value(value, column)

    if kind is ColumnType.TEXT:

        def text(value: Any) -> str:
            # csv_text itself, so text keeps the one rule every file follows.
            if value.__class__ is str:
                return csv_text(value)
            return "" if value is None else csv_value(value, column)

        return text
    if kind is ColumnType.INTEGER:

        def integer(value: Any) -> str:
            if value.__class__ is int:
                return str(value)
            return "" if value is None else csv_value(value, column)

        return integer
    if kind is ColumnType.BOOLEAN:
        return lambda value: "" if value is None else ("true" if value else "false")
    if kind is ColumnType.DATETIME:

        def moment(value: Any) -> str:
            if value.__class__ is datetime:
                return value.replace(microsecond=0).isoformat()
            return generic(value)

        return moment
    if kind is ColumnType.DATE:

        def day(value: Any) -> str:
            if value.__class__ is date:
                return value.isoformat()
            return generic(value)

        return day
    return generic


def write_csv(table: TableDefinition, rows: Iterable[Sequence[Any]], path: Path) -> int:
    """Write ``rows`` as CSV (UTF-8 with a byte-order mark, so Excel reads accents right).
    Returns the number of rows written (the header not counted)."""
    convert = [csv_converter(column) for column in table.columns]
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.column_names)
        for row in rows:
            writer.writerow([to_text(value) for to_text, value in zip(convert, row, strict=True)])
            count += 1
    return count


class XlsxWriter:
    """An Excel workbook written sheet by sheet with flat memory (openpyxl write-only mode).

    Each table becomes one sheet named after it, with one bold header row, frozen under the
    header, and an Excel table of the same name over the rows (Power BI lists it by name).
    """

    def __init__(self) -> None:
        self._book = Workbook(write_only=True)
        self._header_font = Font(bold=True)

    def add_table(self, table: TableDefinition, rows: Iterable[Sequence[Any]]) -> int:
        sheet = self._book.create_sheet(table.name)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = _width(column)
        header = []
        for name in table.column_names:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = self._header_font
            header.append(cell)
        sheet.append(header)
        convert = [self._converter(sheet, column) for column in table.columns]
        count = 0
        for row in rows:
            sheet.append(
                [
                    None if value is None else to_cell(value)
                    for value, to_cell in zip(row, convert, strict=True)
                ]
            )
            count += 1
        if count:
            last = f"{get_column_letter(len(table.columns))}{count + 1}"
            excel_table = Table(displayName=table.name, ref=f"A1:{last}")
            excel_table.tableColumns = [
                TableColumn(id=index, name=name)
                for index, name in enumerate(table.column_names, start=1)
            ]
            excel_table.tableStyleInfo = TableStyleInfo(
                name="TableStyleLight9", showRowStripes=True
            )
            with warnings.catch_warnings():
                # openpyxl always warns in write-only mode that the columns must be given by
                # hand; they are, just above.
                warnings.filterwarnings("ignore", "In write-only mode", UserWarning)
                sheet.add_table(excel_table)
        return count

    @staticmethod
    def _converter(sheet: Any, column: Column) -> Callable[[Any], Any]:
        """How a value of ``column`` becomes a cell. Plain values where openpyxl gets them
        right (it gives a date value the format yyyy-mm-dd), a styled cell only where needed:
        most cells of a large table are plain, which keeps writing fast."""

        def formatted(number_format: str) -> Callable[[Any], Any]:
            def to_cell(value: Any) -> Any:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = number_format
                return cell

            return to_cell

        def text(value: Any) -> Any:
            if isinstance(value, enum.Enum):
                value = value.value
            value = clean_text(str(value))
            if not value.startswith("="):
                return value
            # Text is stored as text, exactly as typed: marking the cell as a string stops
            # openpyxl from writing "=..." as a formula, and Excel never runs a string cell.
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            return cell

        kind = column.type
        if kind is ColumnType.DATETIME:
            return formatted(XLSX_DATETIME_FORMAT)
        if kind is ColumnType.DECIMAL:
            return formatted(XLSX_DECIMAL_FORMAT)
        if kind is ColumnType.DATE:
            return _as_date
        if kind is ColumnType.BOOLEAN:
            return bool
        if kind is ColumnType.INTEGER:
            return int
        return text

    def save(self, path: Path) -> None:
        self._book.save(path)


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _width(column: Column) -> float:
    """A column width (in characters) that shows most values without making the sheet vast."""
    if column.type is ColumnType.TEXT and column.codes is None:
        long_text = ("text", "note", "reason", "rationale", "evidence")
        return 50 if column.name.endswith(long_text) else 28
    if column.type is ColumnType.DATETIME:
        return 17
    return max(11, min(len(column.name) + 3, 30))


# --- writing a file safely -----------------------------------------------------------------


def write_tables(
    path: Path,
    file_format: TableFormat,
    tables: Iterator[tuple[TableDefinition, Iterable[Sequence[Any]]]],
    *,
    replace: bool = False,
) -> dict[str, int]:
    """Write ``tables`` to ``path`` (CSV: exactly one table); returns rows written per table.

    Refuses to replace an existing file unless ``replace``. Problems the person can fix (no
    such folder, a folder they cannot write in, a file open in another program) are raised as
    ``ExportError`` with a message saying what to do; nothing is left behind.
    """
    path = Path(path)
    check_target(path, replace=replace)
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=".coproduce-", suffix=".part", dir=folder)
    except PermissionError as exc:
        raise ExportError(
            f"Coproduce cannot write in the folder {folder}. Choose a folder you can save "
            "files in, such as your Documents folder."
        ) from exc
    except OSError as exc:
        raise ExportError(
            f"Coproduce could not write in the folder {folder}: {exc.strerror or exc}."
        ) from exc
    os.close(handle)  # mkstemp made it private (0600); the writers reopen it by name
    temporary_path = Path(temporary)
    try:
        counts = _write(temporary_path, file_format, tables)
        os.chmod(temporary_path, 0o600)
        if path.exists() and not replace:  # appeared while we were writing
            raise ExportError(f"{path} already exists. Choose another name, or replace it.")
        try:
            os.replace(temporary_path, path)
        except PermissionError as exc:
            raise ExportError(
                f"{path} could not be replaced: it may be open in another program, such as "
                "Excel. Close it there and try again, or choose another name."
            ) from exc
    except BaseException:
        temporary_path.unlink(missing_ok=True)
        raise
    return counts


def check_target(path: Path, *, replace: bool) -> None:
    """Refuse, with a plain message, a target that cannot or should not be written."""
    if path.is_dir():
        raise ExportError(
            f"{path} is a folder. Give a file name, for example {path / 'coproduce-tables.xlsx'}."
        )
    folder = path.parent
    if not folder.exists():
        raise ExportError(f"The folder {folder} does not exist. Choose a folder that exists.")
    if not folder.is_dir():
        raise ExportError(f"{folder} is not a folder. Choose a folder to save the file in.")
    if not os.access(folder, os.W_OK):
        raise ExportError(
            f"Coproduce cannot write in the folder {folder}. Choose a folder you can save "
            "files in, such as your Documents folder."
        )
    if path.exists() and not replace:
        raise ExportError(f"{path} already exists. Choose another name, or replace it.")


def _write(
    path: Path,
    file_format: TableFormat,
    tables: Iterator[tuple[TableDefinition, Iterable[Sequence[Any]]]],
) -> dict[str, int]:
    counts: dict[str, int] = {}
    try:
        if file_format is TableFormat.CSV:
            for table, rows in tables:
                if counts:
                    raise ValueError("a CSV file holds one table")
                counts[table.name] = write_csv(table, rows, path)
            return counts
        book = XlsxWriter()
        for table, rows in tables:
            counts[table.name] = book.add_table(table, rows)
        book.save(path)
    except OSError as exc:
        raise ExportError(
            f"Coproduce could not write {path.parent}: {exc.strerror or exc}. Check there is "
            "space on the disk, then try again."
        ) from exc
    return counts
