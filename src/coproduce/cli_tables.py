"""``coproduce export table NAME --format csv|xlsx -o FILE``: whole tables for Power BI.

NAME is one of the tables in ``services.tables.TABLES`` (docs/tables.md describes each
column) or ``all``, which writes every table to one Excel workbook, a sheet per table. The
format follows the file's extension unless ``--format`` says otherwise. The file is written
safely (complete or not at all), readable by its owner only, and an existing file is replaced
only with ``--force``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coproduce.cli import EXIT_OK, EXIT_USAGE, PROG, CommandError, _open_existing
from coproduce.documents.tables import TableFormat
from coproduce.services import Services
from coproduce.services.tables import TABLES

ALL = "all"


def add_commands(
    exports: argparse._SubParsersAction, database_option: argparse.ArgumentParser
) -> None:
    """Add this module's ``export`` subcommands; each takes ``--db`` through database_option."""
    names = ", ".join(TABLES)
    table = exports.add_parser(
        "table",
        parents=[database_option],
        help="write a table (sessions, attendance, contributions...) as CSV or Excel",
        description=(
            "Write a whole table to a CSV or Excel file, ready to load into Power BI: stable "
            "column names, one header row, ids to join the tables, real dates. 'all' writes "
            "every table to one Excel workbook, one sheet per table. Files hold personal "
            "data (names, payments) and are made readable by you only."
        ),
        epilog=f"Tables: {names}. Each column is described in docs/tables.md.",
    )
    table.add_argument(
        "name",
        choices=(*TABLES, ALL),
        metavar="NAME",
        help=f"{names}, or {ALL} (Excel only)",
    )
    table.add_argument(
        "--format",
        choices=tuple(f.value for f in TableFormat),
        help="csv or xlsx (default: from the file's extension)",
    )
    table.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    table.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    table.set_defaults(run=run_export_table)


def _file_format(args: argparse.Namespace, path: Path) -> TableFormat:
    if args.format:
        return TableFormat(args.format)
    suffix = path.suffix.lower().lstrip(".")
    try:
        return TableFormat(suffix)
    except ValueError:
        raise CommandError(
            f"Say which format to write with --format csv or --format xlsx (or end the file "
            f"name with .csv or .xlsx); '{path.name}' does not say.",
            status=EXIT_USAGE,
        ) from None


def run_export_table(args: argparse.Namespace) -> int:
    path = Path(args.output).expanduser().absolute()
    file_format = _file_format(args, path)
    names = list(TABLES) if args.name == ALL else [args.name]
    if file_format is TableFormat.CSV and len(names) > 1:
        raise CommandError(
            f"A CSV file holds one table. Name one table (for example "
            f"'{PROG} export table sessions --format csv -o sessions.csv'), or use "
            f"--format xlsx to have every table in one workbook.",
            status=EXIT_USAGE,
        )
    if path.exists() and not path.is_dir() and not args.force:
        raise CommandError(
            f"{path} already exists. Choose another name, or add --force to replace it."
        )
    database = _open_existing(args)
    try:
        result = Services(database).tables.export(names, file_format, path, replace=args.force)
    finally:
        database.close()
    counts = ", ".join(f"{count:,} {name.replace('_', ' ')}" for name, count in result.rows.items())
    print(f"Wrote {result.path}: {counts}.")
    if not result.audited:
        print(
            "Warning: the export could not be recorded in the database's audit trail "
            "(the database could not be written to).",
            file=sys.stderr,
        )
    return EXIT_OK
