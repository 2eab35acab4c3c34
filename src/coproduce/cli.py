"""The command line: ``coproduce`` opens the window; its subcommands work without a display.

This is a composition root like ``app.py``: it resolves which database to use, opens it, builds
``Services`` and calls them, so a script gets exactly what the window would show. Nothing here
imports Qt except the branch that opens the window, which imports ``coproduce.app`` only when
no command is given, so ``list`` or ``backup`` run on a server with no display.

Exit statuses: 0 done; 1 a problem the person can fix (the message says how) or an unhealthy
database; 2 a mistake in the command itself; 70 a fault in Coproduce (the details go to a log
file, never a traceback on the terminal); 130 interrupted with Ctrl+C.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import enum
import io
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from coproduce import __version__, paths
from coproduce.domain.errors import CoproduceError
from coproduce.domain.log_privacy import format_exception
from coproduce.domain.records import Page
from coproduce.domain.text_hygiene import visible_controls
from coproduce.domain.vocabulary import ExportKind
from coproduce.services import Services
from coproduce.services.audit import Export
from coproduce.services.documents import DocumentFilter
from coproduce.services.meetings import MeetingFilter
from coproduce.services.people import PersonFilter
from coproduce.store import backup, maintenance
from coproduce.store.database import Database

PROG = "coproduce"

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_SOFTWARE = 70  # BSD sysexits EX_SOFTWARE: a fault in the program, not in what was asked
EXIT_INTERRUPTED = 130

LIST_FORMATS = ("table", "json", "csv")
TABLE_CELL_WIDTH = 48

# Control characters in a name or title could move the cursor or recolour the terminal.
_WHITESPACE = re.compile(r"\s+")
# json.dumps escapes U+0000-U+001F itself; these it writes as they are.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class CommandError(CoproduceError):
    """A command that cannot be done as asked; ``status`` is the exit status to use."""

    def __init__(self, message: str, status: int = EXIT_PROBLEM) -> None:
        super().__init__(message)
        self.status = status


# --- turning records into rows -----------------------------------------------------------


def plain_value(value: Any, *, labels: bool = False) -> Any:
    """``value`` as JSON-friendly data: enums as codes (or labels), dates ISO-8601, sets sorted."""
    # Enums first: vocabulary members are also str, ladder rungs also int.
    if isinstance(value, enum.Enum):
        return getattr(value, "label", value.name) if labels else value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes") if labels else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, frozenset | set):
        return sorted(plain_value(item, labels=labels) for item in value)
    if isinstance(value, tuple | list):
        return [plain_value(item, labels=labels) for item in value]
    return str(value)


def records_to_rows(
    records: Iterable[Any],
    columns: Sequence[str],
    *,
    labels: bool = False,
    computed: Mapping[str, Callable[[Any], Any]] | None = None,
) -> list[dict[str, Any]]:
    """Plain dicts of the ``columns`` of each domain record, keys in ``columns`` order.

    ``labels`` gives the words a person reads (for the terminal) instead of the stable codes
    that scripts should rely on (JSON and CSV). ``computed`` supplies columns that are not
    fields of the record (a session's group name).
    """
    computed = computed or {}

    def value(record: Any, column: str) -> Any:
        if column in computed:
            return computed[column](record)
        return getattr(record, column)

    return [
        {column: plain_value(value(record, column), labels=labels) for column in columns}
        for record in records
    ]


# --- listings ----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Listing:
    """One kind of record ``coproduce list`` can show."""

    noun: str
    columns: tuple[str, ...]
    fetch: Callable[[Services, str, int | None], Page[Any]]
    """(services, search text, limit) -> one page of records."""
    computed: Callable[[Services], dict[str, Callable[[Any], Any]]] | None = None
    """Builds the functions for columns that are not fields of the record."""


def _group_name(services: Services) -> dict[str, Callable[[Any], Any]]:
    names = {group.id: group.name for group in services.groups.list().items}
    return {"group": lambda meeting: names.get(meeting.group_id, "")}


LISTINGS: dict[str, Listing] = {
    "sessions": Listing(
        noun="sessions",
        columns=("id", "group_id", "group", "title", "starts_at", "ends_at", "status", "place"),
        fetch=lambda services, search, limit: services.meetings.list(
            MeetingFilter(text=search), limit=limit
        ),
        computed=_group_name,
    ),
    # Personal data: the register's contact details and access needs stay inside the program.
    "people": Listing(
        noun="people",
        columns=("id", "display_name", "roles", "organisation", "active"),
        fetch=lambda services, search, limit: services.people.list(
            PersonFilter(text=search), limit=limit
        ),
    ),
    "documents": Listing(
        noun="documents",
        columns=("id", "title", "kind", "status", "owner", "edition", "review_on", "planned_rung"),
        fetch=lambda services, search, limit: services.documents.list(
            DocumentFilter(text=search), limit=limit
        ),
    ),
    "groups": Listing(
        noun="groups",
        columns=("id", "name", "kind", "cadence", "active"),
        fetch=lambda services, search, limit: services.groups.list(text=search, limit=limit),
    ),
}


def listing_rows(
    services: Services,
    kind: str,
    *,
    search: str = "",
    limit: int | None = None,
    labels: bool = False,
) -> tuple[list[dict[str, Any]], int]:
    """The rows of ``coproduce list KIND`` and how many records matched in all."""
    listing = LISTINGS[kind]
    page = listing.fetch(services, search, limit)
    computed = listing.computed(services) if listing.computed else None
    rows = records_to_rows(page.items, listing.columns, labels=labels, computed=computed)
    return rows, page.total


def write_table(rows: list[dict[str, Any]], out: TextIO) -> None:
    """Aligned columns for a terminal, headed with the column names in words."""
    if not rows:
        return
    columns = list(rows[0])
    cells = [[_table_cell(row[column]) for column in columns] for row in rows]
    headings = [column.replace("_", " ").capitalize() for column in columns]
    widths = [
        max(len(headings[index]), *(len(line[index]) for line in cells))
        for index in range(len(columns))
    ]
    for line in [headings, ["-" * width for width in widths], *cells]:
        out.write(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
            + "\n"
        )


def _table_cell(value: Any) -> str:
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, list):
        text = ", ".join(str(item) for item in value)
    else:
        text = str(value)
    # Line breaks and tabs become spaces; other control and bidirectional-control
    # characters are shown as escapes (\x1b, \u202e), never sent to the terminal.
    text = visible_controls(_WHITESPACE.sub(" ", text)).strip()
    if len(text) > TABLE_CELL_WIDTH:
        text = text[: TABLE_CELL_WIDTH - 1] + "…"
    return text


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value safe to open in a spreadsheet: text that a spreadsheet would run as a formula
    (a name typed as "=HYPERLINK(...)") gets a leading apostrophe, shown as plain text."""
    if isinstance(value, list):
        value = ";".join(str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(
    rows: list[dict[str, Any]], columns: Sequence[str], out: TextIO, *, terminal: bool = False
) -> None:
    """CSV with a header row; several values in one cell are separated by ``;``.

    For a ``terminal`` the control and bidirectional-control characters in the values are
    written as escapes (an ESC would start a terminal command); a file or a pipe gets the
    text exactly."""
    if terminal:
        text = io.StringIO()
        write_csv(rows, columns, text)
        out.write(visible_controls(text.getvalue().replace("\r\n", "\n")))
        return
    writer = csv.DictWriter(out, fieldnames=list(columns))
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_cell(value) for key, value in row.items()})


def write_json(data: Any, out: TextIO) -> None:
    """JSON, with every control and bidirectional-control character as a ``\\u`` escape:
    the same data, safe on a terminal."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    out.write(_JSON_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text))
    out.write("\n")


# --- the commands ------------------------------------------------------------------------


def _open(args: argparse.Namespace) -> Database:
    return Database.open(paths.resolve_database_url(args.db))


def _open_existing(args: argparse.Namespace, *, allow_older: bool = False) -> Database:
    """Open a database for reading, never changing it: a mistyped file path must not create a
    new, empty one, reading must not upgrade an older database (on a shared server that
    would upgrade it for everyone still using the older program), and a file is not even
    chmodded or switched to WAL; a read-only file or drive is fine."""
    url = paths.resolve_database_url(args.db)
    path = maintenance.sqlite_file(url)
    if path is not None and not path.exists():
        raise CommandError(
            f"There is no database at {path}. Check the --db value, or create one by starting "
            f"Coproduce or with '{PROG} demo'."
        )
    database = Database.open(url, read_only=True)
    if not allow_older and database.needs_upgrade:
        where = database.display_name
        revision = database.schema_revision()
        database.close()
        raise CommandError(
            f"The database {where} was written by an older Coproduce (schema {revision}). "
            f"Open it in the program (run '{PROG}' with the same --db) to upgrade it; a copy "
            "is made first."
        )
    return database


def run_window(args: argparse.Namespace) -> int:
    # Imported here, and only here, so every command runs without Qt or a display.
    try:
        from coproduce.app import run
    except ImportError as exc:
        # Typically a server without the graphics libraries Qt needs (libEGL, libxkbcommon).
        raise CommandError(
            f"The window cannot open because Qt could not be loaded ({exc}). The commands "
            f"work without it: run '{PROG} --help' to see them."
        ) from exc
    return int(run(paths.resolve_database_url(args.db)))


def run_demo(args: argparse.Namespace) -> int:
    from coproduce.services.demo import build_demo

    database = _open(args)
    try:
        summary = build_demo(database, args.size)
        where = database.display_name
    finally:
        database.close()
    counts = ", ".join(
        f"{value} {_counted_noun(name)}" for name, value in dataclasses.asdict(summary).items()
    )
    print(f"Created {args.size} demo data in {where}: {counts}.")
    return EXIT_OK


def _counted_noun(field_name: str) -> str:
    # The screen says "session" where the code says "meeting".
    return (
        field_name.replace("meetings", "sessions").replace("meeting", "session").replace("_", " ")
    )


def run_list(args: argparse.Namespace) -> int:
    listing = LISTINGS[args.kind]
    labels = args.format == "table"
    database = _open_existing(args)
    try:
        services = Services(database)
        rows, total = listing_rows(
            services, args.kind, search=args.search, limit=args.limit, labels=labels
        )
    finally:
        database.close()
    if args.output:
        return _write_listing_file(args, rows, listing.columns)
    out = sys.stdout
    if args.format == "json":
        write_json(rows, out)
    elif args.format == "csv":
        write_csv(rows, listing.columns, out, terminal=out.isatty())
    elif not rows:
        matching = f" matching '{visible_controls(args.search)}'" if args.search else ""
        out.write(f"No {listing.noun}{matching}.\n")
    else:
        write_table(rows, out)
        if total > len(rows):
            out.write(f"\nShowing {len(rows)} of {total} {listing.noun}.\n")
    return EXIT_OK


def _write_listing_file(
    args: argparse.Namespace, rows: list[dict[str, Any]], columns: Sequence[str]
) -> int:
    """``list --format csv|json -o FILE``: the exact text, in a file readable by its owner
    only, written whole or not at all; the export is recorded in the audit trail."""
    if args.format == "table":
        raise CommandError(
            "-o writes a file for other programs: add --format csv or --format json.",
            status=EXIT_USAGE,
        )
    path = Path(args.output).expanduser().absolute()
    if path.exists() and not args.force:
        raise CommandError(f"{path} already exists. Add --force to replace it.")
    text = io.StringIO(newline="")
    if args.format == "json":
        write_json(rows, text)
    else:
        write_csv(rows, columns, text)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text.getvalue())
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise CommandError(f"{path} could not be written ({error.strerror}).") from None
    database = _open_existing(args)
    try:
        recorded = Services(database).audit.record_export(
            Export(ExportKind.LIST, args.format, "database", rows={args.kind: len(rows)})
        )
    finally:
        database.close()
    print(f"Wrote {path}: {len(rows):,} {LISTINGS[args.kind].noun}.")
    if not recorded:
        print(
            "Warning: the export could not be recorded in the database's audit trail.",
            file=sys.stderr,
        )
    return EXIT_OK


def run_backup(args: argparse.Namespace) -> int:
    url = paths.resolve_database_url(args.db)
    if maintenance.is_postgresql(url):
        raise CommandError(
            "This is a shared PostgreSQL database. Backups of a shared server are made with "
            "pg_dump by the server's administrator; ask them for a copy.",
            status=EXIT_USAGE,
        )
    source = maintenance.sqlite_file(url)
    if source is None:
        raise CommandError(f"{url} is not a database file, so it cannot be backed up.")
    if not source.exists():
        raise CommandError(f"There is no database at {source} to back up. Check the --db value.")
    destination = Path(args.to).expanduser().resolve()
    if destination == source:
        raise CommandError("The backup cannot replace the database itself. Choose another file.")
    if destination.is_dir():
        raise CommandError(
            f"{destination} is a folder. Give a file name for the backup, for example "
            f"{destination / 'coproduce-backup.sqlite3'}."
        )
    if destination.exists() and not args.force:
        raise CommandError(
            f"{destination} already exists. Choose another name, or add --force to replace it."
        )
    # Opening first refuses an empty file, or one that is not a Coproduce database (or is too
    # new), before anything is written; an older one is copied as it is, not upgraded. The
    # copy itself checks the source for damage first and checks the copy it wrote.
    database = Database.open(url, read_only=True)
    try:
        backup.copy_sqlite(source, destination)
    except OSError as exc:
        raise CommandError(
            f"Coproduce could not write the backup {destination}: {exc.strerror or exc}."
        ) from exc
    finally:
        database.close()
    print(f"Backed up {source} to {destination}.")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    database = _open_existing(args, allow_older=True)
    try:
        result = maintenance.check_database(database)
        where = database.display_name
        exports = _recent_exports(database) if result.healthy and not database.needs_upgrade else []
    finally:
        database.close()
    if args.format == "json":
        write_json(
            {
                "database": where,
                "revision": result.revision,
                "head": result.head,
                "integrity_ok": result.integrity_ok,
                "healthy": result.healthy,
                "problems": list(result.problems),
                "counts": result.counts,
                "recent_exports": exports,
            },
            sys.stdout,
        )
    else:
        _print_check(where, result)
        if exports:
            print(f"Newest exports of personal data ({PROG} audit --action exported lists all):")
            for export in exports:
                print(f"  {export['at']}  {export['actor']}: {export['what']}")
    return EXIT_OK if result.healthy else EXIT_PROBLEM


RECENT_EXPORTS = 10


def _recent_exports(database: Database) -> list[dict[str, str]]:
    """The newest exports in the audit trail, as a check shows them (who, when, what)."""
    from coproduce.domain.vocabulary import AuditAction
    from coproduce.services.audit import describe_export

    page = Services(database).audit.events(
        action=AuditAction.EXPORTED, newest_first=True, limit=RECENT_EXPORTS
    )
    return [
        {
            "at": event.at.isoformat(sep=" ", timespec="minutes"),
            "actor": visible_controls(event.actor),
            "what": describe_export(event),
        }
        for event in page.items
    ]


def _print_check(where: str, result: maintenance.DatabaseCheck) -> None:
    print(f"Database: {where}")
    print(f"Schema revision: {result.revision or 'none'} (this program: {result.head})")
    if result.healthy:
        print("Integrity: no problems found")
    else:
        print(f"Problems found: {len(result.problems)}")
        for problem in result.problems:
            print(f"  - {problem}")
    print("Rows:")
    width = max((len(name) for name in result.counts), default=0)
    for name, count in result.counts.items():
        print(f"  {name.ljust(width)}  {count:>8}")
    if not result.healthy:
        print(
            "Restore the newest copy from the backups folder, or ask whoever supports "
            "Coproduce for you to look at these problems."
        )


# --- the parser --------------------------------------------------------------------------


def _positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def build_parser(*, with_exports: bool = True) -> argparse.ArgumentParser:
    """The whole command line. ``with_exports=False`` leaves out what comes after ``export``
    (its commands import python-docx and openpyxl): for a command line without that word,
    such as the window's, which must start quickly."""
    db_help = (
        "the database: a file path, sqlite:///PATH or postgresql+psycopg://user@host/name "
        f"(default: ${paths.ENV_DATABASE}, then the file in your user data folder)"
    )
    # --db is accepted before and after the subcommand. After it, the default is SUPPRESS so
    # an absent option does not overwrite one given before the subcommand.
    database_option = argparse.ArgumentParser(add_help=False)
    database_option.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help=db_help)

    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Coproduce: plan and run sessions of lived-experience reference groups. "
            "Without a command, opens the window."
        ),
        epilog=f"Run '{PROG} COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="URL", default=None, help=db_help)
    parser.set_defaults(run=run_window)
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo",
        parents=[database_option],
        help="fill a database with made-up groups, people and sessions to try things out",
        description="Fill the database with made-up groups, people, sessions and documents.",
    )
    demo.add_argument(
        "--size",
        choices=("small", "large"),
        default="small",
        help="small: a few groups to explore; large: a big council's data (default: small)",
    )
    demo.set_defaults(run=run_demo)

    listing = commands.add_parser(
        "list",
        parents=[database_option],
        help="list sessions, people, documents or groups",
        description=(
            "List records. 'people' shows names, roles, organisation and whether they are "
            "active, never contact details or access needs."
        ),
    )
    listing.add_argument("kind", choices=tuple(LISTINGS), metavar="KIND", help=", ".join(LISTINGS))
    listing.add_argument(
        "--format",
        choices=LIST_FORMATS,
        default="table",
        help="table for reading (default); json or csv for other programs (codes, ISO dates)",
    )
    listing.add_argument("--limit", type=_positive_int, metavar="N", help="show at most N")
    listing.add_argument(
        "--search", default="", metavar="TEXT", help="only those whose name or title has TEXT"
    )
    listing.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the csv or json to FILE, exactly (readable by you only; audited)",
    )
    listing.add_argument("--force", action="store_true", help="replace FILE if it exists")
    listing.set_defaults(run=run_list)

    backup_command = commands.add_parser(
        "backup",
        parents=[database_option],
        help="copy a database file safely, even while the window is open",
        description=(
            "Write a consistent copy of the database file, readable by you only. "
            "A shared PostgreSQL database is backed up by its administrator instead."
        ),
    )
    backup_command.add_argument("--to", required=True, metavar="FILE", help="the backup file")
    backup_command.add_argument(
        "--force", action="store_true", help="replace FILE if it already exists"
    )
    backup_command.set_defaults(run=run_backup)

    check = commands.add_parser(
        "check",
        parents=[database_option],
        help="check the database: schema revision, damaged data, rows per table",
        description=(
            "Check the database. Exits with status 0 when it is healthy and 1 when problems "
            "were found."
        ),
    )
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    check.set_defaults(run=run_check)

    export = commands.add_parser(
        "export",
        help="write a Word document (easy read, minutes, reports) or a table (CSV, Excel)",
        description="Write a document or a table to a file.",
    )
    exports = export.add_subparsers(title="what to export", dest="what", metavar="WHAT")
    exports.required = True
    # Imported here, not at the top: these modules import this one for its helpers.
    from coproduce import cli_audit

    cli_audit.add_command(commands, database_option)
    if not with_exports:
        return parser
    from coproduce import cli_documents, cli_tables

    cli_documents.add_commands(exports, database_option)
    cli_tables.add_commands(exports, database_option)
    return parser


# --- running -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: the process's); returns the exit status."""
    quiet_log()
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(with_exports="export" in words)
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    try:
        status = int(args.run(args))
        # Flush here, not at exit, so a reader that went away is handled below.
        sys.stdout.flush()
        return status
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except CoproduceError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.status if isinstance(exc, CommandError) else EXIT_PROBLEM
    except BrokenPipeError:
        # The reader went away (``coproduce list people | head``): not an error worth a word.
        _silence_stdout()
        return EXIT_PROBLEM
    except Exception:
        return _report_fault(args.command or "window")


def quiet_log() -> None:
    """Keep the program's log lines off the terminal: a problem is explained once, in the
    ``coproduce: error:`` line. Without a handler Python would print every warning the store
    logs (for the window's log file) to stderr, before the explanation."""
    package = logging.getLogger("coproduce")
    if not any(isinstance(handler, logging.NullHandler) for handler in package.handlers):
        package.addHandler(logging.NullHandler())


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (tests capture it)
        pass


def _report_fault(command: str = "") -> int:
    """Apologise in one line and keep the details in a log file for whoever supports us.

    The log names the command but not its arguments: a --db URL can hold a password.
    """
    # Frames and error classes only: an error's message can quote names and what was said.
    error = sys.exc_info()[1]
    details = format_exception(error) if error is not None else ""
    try:
        log = paths.log_dir() / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"{PROG} {__version__} {command}\n{details}")
    except OSError as exc:
        print(
            f"{PROG}: sorry, something went wrong inside Coproduce and the command did not "
            f"finish. The details could not be saved ({exc.strerror}), so here they are:\n"
            f"{details}",
            file=sys.stderr,
        )
        return EXIT_SOFTWARE
    print(
        f"{PROG}: sorry, something went wrong inside Coproduce and the command did not finish. "
        f"The details are in {log}; please send that file to whoever supports Coproduce for you.",
        file=sys.stderr,
    )
    return EXIT_SOFTWARE
