"""``coproduce audit``: the audit trail, newest first: who created, changed, deleted and
exported which records, and when.

``--action exported`` lists the exports of personal data (documents, tables, lists written
to files): their kind, format, subject and the records and row counts they covered, never
their content. JSON gives the stored details as they are, for other programs.
"""

from __future__ import annotations

import argparse
import json
import sys

from coproduce import cli
from coproduce.domain.vocabulary import AuditAction
from coproduce.services import Services
from coproduce.services.audit import describe_export


def add_command(
    commands: argparse._SubParsersAction, database_option: argparse.ArgumentParser
) -> None:
    """Add ``audit``; it takes ``--db`` through database_option."""
    audit = commands.add_parser(
        "audit",
        parents=[database_option],
        help="show the audit trail: who changed or exported which records, and when",
        description=(
            "Show the audit trail, newest first. Each event names who, when, what was done "
            "and to which record; an export also says what kind of file, which records it "
            "covered and how many rows, never what they say."
        ),
    )
    audit.add_argument(
        "--action",
        choices=tuple(action.value for action in AuditAction),
        help="only events of this kind (exported: files written with personal data)",
    )
    audit.add_argument(
        "--limit",
        type=cli._positive_int,
        default=50,
        metavar="N",
        help="show the newest N (default 50)",
    )
    audit.add_argument(
        "--format",
        choices=cli.LIST_FORMATS,
        default="table",
        help="table for reading (default); json or csv for other programs",
    )
    audit.set_defaults(run=run_audit)


def run_audit(args: argparse.Namespace) -> int:
    database = cli._open_existing(args)
    try:
        page = Services(database).audit.events(
            action=AuditAction(args.action) if args.action else None,
            newest_first=True,
            limit=args.limit,
        )
    finally:
        database.close()
    rows = [
        {
            "at": event.at.isoformat(sep=" ", timespec="minutes")
            if args.format == "table"
            else event.at.isoformat(),
            "actor": event.actor,
            "action": event.action.label if args.format == "table" else event.action.value,
            "record_type": event.record_type,
            "record_id": event.record_id,
            "details": (
                describe_export(event)
                if event.action is AuditAction.EXPORTED and args.format != "json"
                else json.loads(event.details)
                if event.details
                else None
            ),
        }
        for event in page.items
    ]
    out = sys.stdout
    if args.format == "json":
        cli.write_json(rows, out)
    elif args.format == "csv":
        cli.write_csv(rows, list(rows[0]) if rows else [], out, terminal=out.isatty())
    elif not rows:
        out.write("No audit events.\n")
    else:
        cli.write_table(rows, out)
        if page.total > len(rows):
            out.write(f"\nShowing the newest {len(rows)} of {page.total} events.\n")
    return cli.EXIT_OK
