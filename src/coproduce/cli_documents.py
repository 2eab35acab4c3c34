"""``coproduce export`` commands for the Word documents: easy-read summary, minutes,
"You said, we did" reports and person packs.

Each command gathers the content through ``services.reports`` (consent applied there), builds
the document with ``coproduce.documents`` and saves it atomically; ``--pdf`` also writes a PDF
through LibreOffice. Pictures come drawn in advance (``services.picture_png``: the library's
shipped as PNG files, others cached once drawn); Qt (``coproduce.ui.pictures``) is imported
only to draw a picture never drawn before, so an export usually runs without it.
What the plain-language check found, and any warning (a long document, a missing picture
file), is printed: export is allowed with findings, but they are never hidden.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from coproduce import cli
from coproduce.documents import pdf
from coproduce.documents.docx_base import (
    ALLOWED_FONTS,
    MAX_SIZE,
    MIN_SIZE,
    EasyReadSettings,
)
from coproduce.documents.easy_read import Built, build_easy_read
from coproduce.documents.minutes import build_minutes
from coproduce.documents.you_said_we_did import build_you_said_we_did
from coproduce.domain.errors import CoproduceError
from coproduce.domain.records import PictureChoice
from coproduce.domain.text_hygiene import visible_controls
from coproduce.domain.vocabulary import ExportKind
from coproduce.services import Services
from coproduce.services.audit import Export
from coproduce.services.picture_png import DocumentPictures

PICTURE_PIXELS = 300  # about 220 dpi at 3.5 cm: sharp on paper, quick to draw, small files


def add_commands(
    exports: argparse._SubParsersAction, database_option: argparse.ArgumentParser
) -> None:
    """Add this module's ``export`` subcommands; each takes ``--db`` through database_option."""
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE", help="the .docx to write"
    )
    output.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    output.add_argument(
        "--pdf",
        action="store_true",
        help="also write a PDF beside FILE (needs LibreOffice)",
    )
    easy = argparse.ArgumentParser(add_help=False)
    easy.add_argument(
        "--font", choices=ALLOWED_FONTS, default="Arial", help="the easy-read font (default Arial)"
    )
    easy.add_argument(
        "--font-size",
        type=_font_size,
        default=16,
        metavar="POINTS",
        help=f"the easy-read text size, {MIN_SIZE} to {MAX_SIZE} (default 16)",
    )

    summary = exports.add_parser(
        "easy-read",
        parents=[database_option, output, easy],
        help="the easy-read summary of a session, for the people who took part",
        description="Write the easy-read summary of a session as a Word document.",
    )
    summary.add_argument("--session", required=True, type=_record_id, metavar="ID")
    summary.set_defaults(run=run_easy_read)

    minutes = exports.add_parser(
        "minutes",
        parents=[database_option, output],
        help="the standard minutes of a session, for staff",
        description="Write the minutes of a session as a Word document.",
    )
    minutes.add_argument("--session", required=True, type=_record_id, metavar="ID")
    minutes.set_defaults(run=run_minutes)

    report = exports.add_parser(
        "you-said-we-did",
        parents=[database_option, output, easy],
        help='a "You said, we did" report for a document or a group',
        description=(
            'Write a "You said, we did" report: what was said about a document, or by a group, '
            "and what was done about it."
        ),
    )
    about = report.add_mutually_exclusive_group(required=True)
    about.add_argument("--document", type=_record_id, metavar="ID")
    about.add_argument("--group", type=_record_id, metavar="ID")
    report.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    report.add_argument(
        "--easy-read", action="store_true", help="the easy-read form (pictures, plain words)"
    )
    report.set_defaults(run=run_you_said_we_did)

    pack = exports.add_parser(
        "person-pack",
        parents=[database_option, output, easy],
        help='a participant\'s easy-read pack, "Your ideas and what happened to them"',
        description="Write a participant's own easy-read pack as a Word document.",
    )
    pack.add_argument("--person", required=True, type=_record_id, metavar="ID")
    pack.set_defaults(run=run_person_pack)


# --- argument types ----------------------------------------------------------------------


def _record_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a record number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, for example 2026-03-12"
        ) from None


def _font_size(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not MIN_SIZE <= value <= MAX_SIZE:
        raise argparse.ArgumentTypeError(f"must be {MIN_SIZE} to {MAX_SIZE}")
    return value


# --- the commands ------------------------------------------------------------------------


def run_easy_read(args: argparse.Namespace) -> int:
    return _export(
        args,
        lambda services, pictures: build_easy_read(
            services.handouts.session_summary(args.session), pictures, _settings(args)
        ),
        audited=Export(ExportKind.EASY_READ_SUMMARY, _formats(args), "meeting", args.session),
    )


def run_minutes(args: argparse.Namespace) -> int:
    return _export(
        args,
        lambda services, _pictures: build_minutes(services.reports.minutes(args.session)),
        pictures=False,
        audited=Export(ExportKind.MINUTES, _formats(args), "meeting", args.session),
    )


def run_you_said_we_did(args: argparse.Namespace) -> int:
    def build(services: Services, pictures: Callable[[PictureChoice], bytes]) -> Built:
        choice = {
            "document_id": args.document,
            "group_id": args.group,
            "date_from": args.date_from,
            "date_to": args.date_to,
        }
        if args.easy_read:
            easy = services.handouts.you_said_we_did(**choice)
            return build_easy_read(easy, pictures, _settings(args))
        return build_you_said_we_did(services.reports.you_said_we_did(**choice))

    kind = ExportKind.YOU_SAID_WE_DID_EASY_READ if args.easy_read else ExportKind.YOU_SAID_WE_DID
    subject = ("document", args.document) if args.document else ("group", args.group)
    audited = Export(kind, _formats(args), *subject, date_from=args.date_from, date_to=args.date_to)
    return _export(args, build, pictures=args.easy_read, audited=audited)


def run_person_pack(args: argparse.Namespace) -> int:
    return _export(
        args,
        lambda services, pictures: build_easy_read(
            services.handouts.person_pack(args.person), pictures, _settings(args)
        ),
        audited=Export(ExportKind.PERSON_PACK, _formats(args), "person", args.person),
    )


def _formats(args: argparse.Namespace) -> str:
    return "docx+pdf" if args.pdf else "docx"


def _settings(args: argparse.Namespace) -> EasyReadSettings:
    return EasyReadSettings(font=args.font, size=args.font_size)


def _export(
    args: argparse.Namespace,
    build: Callable[[Services, Callable[[PictureChoice], bytes]], Built],
    *,
    pictures: bool = True,
    audited: Export,
) -> int:
    """Build and save a document; ``audited`` is what the audit trail records of it."""
    target: Path = args.output.expanduser()
    pdf_target = target.with_suffix(".pdf")
    # Refuse before any work: a wrong name should not cost a rendering.
    if target.suffix.lower() != ".docx":
        raise cli.CommandError(
            f"{target.name} does not end in .docx. Give the Word document a name ending in .docx."
        )
    _refuse_existing(target, args.force)
    if args.pdf:
        if pdf.soffice_path() is None:
            raise cli.CommandError(
                "--pdf needs LibreOffice, which is not installed on this computer (the "
                "'soffice' command was not found). Install LibreOffice, or leave out --pdf "
                "and save the document as PDF from Word."
            )
        _refuse_existing(pdf_target, args.force)

    database = cli._open_existing(args)
    try:
        services = Services(database)
        renderer = _Renderer(services) if pictures else None
        built = build(services, renderer if renderer else _no_pictures)
        saved = built.save(target, force=args.force)
        recorded = services.audit.record_export(audited)
    finally:
        database.close()
    print(f"Saved {saved}.")
    if not recorded:
        print(
            "Warning: the export could not be recorded in the database's audit trail "
            "(the database could not be written).",
            file=sys.stderr,
        )
    if built.budget:
        print(f"About {built.estimated_pages} pages (at most {built.budget}).")
    if args.pdf:
        pdf.convert_to_pdf(saved, pdf_target)
        print(f"Saved {pdf_target}.")
    for warning in (*(renderer.warnings if renderer else ()), *built.warnings):
        print(visible_controls(f"Warning: {warning}"))
    if built.not_shown:
        print(
            f"{built.not_shown} more {'row' if built.not_shown == 1 else 'rows'} did not fit in "
            f"{built.budget} pages; the document counts them in one sentence."
        )
    if built.left_out:
        count = len(built.left_out)
        print(
            f"{count} {'row was' if count == 1 else 'rows were'} left out: "
            "they need easy words. Write them in the window (tidy-up or the export dialog):"
        )
        for need in built.left_out:
            # What people said, straight from the database: no control character reaches
            # the terminal as a command.
            print(visible_controls(f"- {need.where}: {need.text[:80]} ({need.reason})"))
    if built.findings:
        count = len(built.findings)
        print(
            f"The plain-language check found {count} "
            f"{'thing' if count == 1 else 'things'} to look at:"
        )
        for found in built.findings:
            print(visible_controls(f"- {found.where}: {found.finding.message}"))
    elif pictures:
        print("The plain-language check found nothing to look at.")
    return cli.EXIT_OK


def _refuse_existing(target: Path, force: bool) -> None:
    if target.exists() and not force:
        raise cli.CommandError(
            f"{target} already exists. Add --force to replace it, or choose another name."
        )


def _no_pictures(choice: PictureChoice) -> bytes:
    raise AssertionError("this document has no pictures")


class _Renderer:
    """PNG bytes for each picture, found once: the library's pictures are shipped drawn and
    others come from the per-user cache (``services.picture_png``), so Qt is started only to
    draw a picture never drawn before. A chosen picture file that has gone missing is
    replaced by the library's picture for the same concept, with a warning."""

    def __init__(self, services: Services) -> None:
        self._pictures = DocumentPictures(_draw, PICTURE_PIXELS)
        self._services = services
        self.warnings: list[str] = []

    def __call__(self, choice: PictureChoice) -> bytes:
        try:
            return self._pictures(choice)
        except CoproduceError as exc:
            fallback = self._services.pictures.default_for(choice.concept)
            self.warnings.append(f"{exc} The library's picture for '{choice.concept}' was used.")
            return self._pictures(fallback)


def _draw(choice: PictureChoice, size: int) -> bytes:
    """Draw with Qt, imported only now: most exports never need it."""
    try:
        from coproduce.ui.pictures import render_png
    except ImportError as exc:
        raise cli.CommandError(
            f"The pictures cannot be drawn because Qt could not be loaded ({exc}). "
            "Install Coproduce's graphics libraries, or export the minutes or the "
            "standard report, which have no pictures."
        ) from exc
    return bytes(render_png(choice, size))
