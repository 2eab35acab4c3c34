"""The documents the window prints, each as a DocumentJob for the export dialog.

Each factory reads what it needs to name the document (a session's title and date, a
document's title) and returns a job whose ``gather`` calls the report service and whose
``build`` calls the matching builder in ``coproduce.documents``. The easy-read jobs also carry
``services.easy_words``' read and write, so the dialog can take easy words for the records a
handout left out without knowing the services.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from coproduce.documents.docx_base import date_in_words
from coproduce.documents.easy_read import build_easy_read
from coproduce.documents.evidence_pack import build_evidence_pack, period_words
from coproduce.documents.minutes import build_minutes
from coproduce.documents.you_said_we_did import build_you_said_we_did
from coproduce.domain.vocabulary import ExportKind
from coproduce.services import Services
from coproduce.services.audit import Export
from coproduce.services.dashboard import Dashboard
from coproduce.services.evidence import (
    ATTENDANCE,
    LADDER,
    OVERDUE,
    RUNGS_OVER_TIME,
    EvidenceFilter,
)
from coproduce.ui.dashboard.charts import (
    attendance_over_time,
    chart_png,
    overdue_by_group,
    rungs_over_time,
)
from coproduce.ui.ladder import portfolio
from coproduce.ui.printing.export_dialog import DocumentJob


def _file_name(*parts: str) -> str:
    """A file name from words: no characters Windows refuses, no leading dots."""
    text = " ".join(part for part in parts if part)
    cleaned = "".join("-" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in text)
    return " ".join(cleaned.split()).strip(" .")[:120] + ".docx"


def _audit(
    services: Services,
    kind: ExportKind,
    record_type: str,
    record_id: int,
    *,
    records: dict[str, tuple[int, ...]] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Callable[[str], bool]:
    """The job's ``audit``: records what the document covers once it is saved."""

    def record(formats: str) -> bool:
        return services.audit.record_export(
            Export(
                kind,
                formats,
                record_type,
                record_id,
                records=records or {},
                date_from=date_from,
                date_to=date_to,
            )
        )

    return record


def _session_subject(title: str, day: date) -> str:
    """The title and the day in words, unless the title already gives the date (many do:
    "Carers' Forum, 1 September 2026")."""
    words = date_in_words(day)  # "Tuesday 1 September 2026"
    without_weekday = words.split(" ", 1)[-1]
    return title if without_weekday in title else f"{title}, {words}"


def easy_read_summary_job(services: Services, meeting_id: int) -> DocumentJob:
    meeting = services.meetings.get(meeting_id)
    # The title as the document prints it: names without consent are not in file names.
    title = services.reports.session_title(meeting_id)
    day = meeting.starts_at.date()
    return DocumentJob(
        title="Easy-read summary",
        subject=_session_subject(title, day),
        file_name=_file_name("Easy read summary", title, day.isoformat()),
        easy_read=True,
        gather=lambda: services.handouts.session_summary(meeting_id),
        build=lambda content, settings, png: build_easy_read(content, png, settings),
        read_words=services.easy_words.read,
        write_words=services.easy_words.write,
        audit=_audit(services, ExportKind.EASY_READ_SUMMARY, "meeting", meeting_id),
    )


def minutes_job(services: Services, meeting_id: int) -> DocumentJob:
    meeting = services.meetings.get(meeting_id)
    # The title as the document prints it: names without consent are not in file names.
    title = services.reports.session_title(meeting_id)
    day = meeting.starts_at.date()
    return DocumentJob(
        title="Minutes",
        subject=_session_subject(title, day),
        file_name=_file_name("Minutes", title, day.isoformat()),
        easy_read=False,
        gather=lambda: services.reports.minutes(meeting_id),
        build=lambda content, _settings, _png: build_minutes(content),
        audit=_audit(services, ExportKind.MINUTES, "meeting", meeting_id),
    )


def you_said_we_did_job(
    services: Services,
    *,
    document_id: int | None = None,
    group_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    easy_read: bool = False,
) -> DocumentJob:
    if document_id is not None:
        about = services.reports.document_title(document_id)
    else:
        about = services.groups.get(group_id).name  # type: ignore[arg-type]
    period = ""
    if date_from or date_to:
        period = " to ".join(
            [
                date_from.isoformat() if date_from else "start",
                date_to.isoformat() if date_to else "now",
            ]
        )
    kind = "You said, we did (easy read)" if easy_read else "You said, we did"
    return DocumentJob(
        title=kind,
        subject=about + (f", {period}" if period else ""),
        file_name=_file_name(kind.replace(",", ""), about, period),
        easy_read=easy_read,
        gather=lambda: (services.handouts if easy_read else services.reports).you_said_we_did(
            document_id=document_id,
            group_id=group_id,
            date_from=date_from,
            date_to=date_to,
        ),
        build=(
            (lambda content, settings, png: build_easy_read(content, png, settings))
            if easy_read
            else (lambda content, _settings, _png: build_you_said_we_did(content))
        ),
        read_words=services.easy_words.read if easy_read else None,
        write_words=services.easy_words.write if easy_read else None,
        audit=_audit(
            services,
            ExportKind.YOU_SAID_WE_DID_EASY_READ if easy_read else ExportKind.YOU_SAID_WE_DID,
            "document" if document_id is not None else "group",
            document_id if document_id is not None else group_id or 0,
            date_from=date_from,
            date_to=date_to,
        ),
    )


def person_pack_job(services: Services, person_id: int) -> DocumentJob:
    person = services.people.get(person_id)
    return DocumentJob(
        title="Your ideas and what happened to them",
        subject=person.display_name,
        file_name=_file_name("Your ideas", person.display_name),
        easy_read=True,
        gather=lambda: services.handouts.person_pack(person_id),
        build=lambda content, settings, png: build_easy_read(content, png, settings),
        read_words=services.easy_words.read,
        write_words=services.easy_words.write,
        audit=_audit(services, ExportKind.PERSON_PACK, "person", person_id),
    )


def evidence_images(dashboard: Dashboard) -> dict[str, bytes]:
    """The evidence pack's pictures, drawn from the dashboard's figures (GUI thread only):
    the portfolio ladder and the charts the Dashboard page shows, by ``EvidenceFigure.key``."""
    images = {
        LADDER: portfolio.render_png(dashboard.rungs),
        RUNGS_OVER_TIME: chart_png(rungs_over_time(dashboard.rung_history)),
        ATTENDANCE: chart_png(attendance_over_time(dashboard.reach, dashboard.periods)),
    }
    if dashboard.overdue.total:
        images[OVERDUE] = chart_png(overdue_by_group(dashboard.overdue))
    return images


def evidence_pack_job(
    services: Services,
    group_ids: Iterable[int],
    date_from: date | None,
    date_to: date | None,
    examples: Sequence[int] | None = None,
) -> DocumentJob:
    """The evidence pack for the groups (none: all) and dates, with the chosen "You said, we
    did" examples (None: the default choice). The figures and the pictures are gathered on
    the GUI thread (the pictures need Qt); the worker only writes the document."""
    which = EvidenceFilter(frozenset(group_ids), date_from, date_to)
    if which.group_ids:
        names = sorted((services.groups.get(g).name for g in which.group_ids), key=str.casefold)
        about = ", ".join(names) if len(names) <= 3 else f"{len(names)} groups"
    else:
        about = "All groups"
    period = period_words(date_from, date_to, min(date_to or date.max, services.meetings.today()))
    chosen = None if examples is None else tuple(examples)

    def gather() -> tuple[object, dict[str, bytes]]:
        pack = services.evidence.pack(which, chosen)
        return pack, evidence_images(services.dashboard.figures(which.dashboard_filter()))

    return DocumentJob(
        title="Evidence pack",
        subject=f"{about}, {period}",
        file_name=_file_name(
            "Evidence pack",
            about,
            (date_from.isoformat() if date_from else ""),
            "to",
            (date_to or services.meetings.today()).isoformat(),
        ),
        easy_read=False,
        gather=gather,
        build=lambda content, _settings, _png: build_evidence_pack(*content),
        audit=_audit(
            services,
            ExportKind.EVIDENCE_PACK,
            "database",
            0,
            records={"group": tuple(sorted(which.group_ids))} if which.group_ids else {},
            date_from=date_from,
            date_to=date_to,
        ),
    )
