"""Every export of personal data leaves one audit event (who, when, what kind, which records,
how many rows; never the content), and ``coproduce audit`` lists them, on both databases."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from cli_support import Coproduce

from coproduce.documents.tables import TableFormat
from coproduce.domain.records import Contribution, Group, Meeting, Person
from coproduce.domain.vocabulary import AttendanceStatus, AuditAction, ExportKind
from coproduce.services import Services
from coproduce.services.audit import Export, describe_export

SAID = "ravenscar words nobody may see in the audit"


def a_held_session(services: Services) -> tuple[Group, Meeting, Person]:
    group = services.groups.create(Group(name="Carers' Forum"))
    person = services.people.create(Person(display_name="Ravenscar Quill"))
    services.groups.add_member(group.id, person.id, date(2025, 1, 1))
    starts = datetime(2026, 3, 10, 10)
    meeting = services.meetings.create(
        Meeting(group_id=group.id, title="March", starts_at=starts, ends_at=starts + timedelta(1))
    )
    services.meetings.mark_attendance(meeting.id, person.id, AttendanceStatus.PRESENT)
    services.contributions.add(Contribution(meeting_id=meeting.id, text=SAID))
    return group, meeting, person


def exports(services: Services) -> list[dict[str, object]]:
    """The exported events, oldest first, with their details read back."""
    found = services.audit.events(action=AuditAction.EXPORTED).items
    return [
        {
            "actor": event.actor,
            "record": (event.record_type, event.record_id),
            **json.loads(event.details),
        }
        for event in found
    ]


def test_a_table_export_leaves_one_event_with_its_row_counts(
    services: Services, tmp_path: Path
) -> None:
    a_held_session(services)
    before = services.audit.events().total

    services.tables.export(["sessions", "contributions"], TableFormat.XLSX, tmp_path / "t.xlsx")

    assert services.audit.events().total == before + 1
    assert exports(services) == [
        {
            "actor": services.store.actor,
            "record": ("database", 0),
            "kind": "tables",
            "format": "xlsx",
            "rows": {"sessions": 1, "contributions": 1},
        }
    ]


def test_what_an_export_covered_is_said_in_words(services: Services) -> None:
    services.audit.record_export(
        Export(
            ExportKind.EVIDENCE_PACK,
            "docx",
            "database",
            records={"group": (4, 2)},
            date_from=date(2026, 1, 1),
            date_to=date(2026, 3, 31),
        )
    )
    (event,) = services.audit.events(action=AuditAction.EXPORTED).items
    assert describe_export(event) == "Evidence pack (docx); group 2, 4; 2026-01-01 to 2026-03-31"


def test_each_command_line_export_is_audited_and_listed(
    coproduce: Coproduce, services: Services, database_url: str, tmp_path: Path
) -> None:
    group, meeting, _ = a_held_session(services)
    db = ("--db", database_url)

    runs = [
        ("export", "minutes", "--session", str(meeting.id), "-o", str(tmp_path / "m.docx")),
        (
            "export",
            "you-said-we-did",
            "--group",
            str(group.id),
            "--from",
            "2026-01-01",
            "-o",
            str(tmp_path / "y.docx"),
        ),
        ("export", "table", "attendance", "-o", str(tmp_path / "a.csv")),
        ("list", "people", "--format", "json", "-o", str(tmp_path / "people.json")),
    ]
    for argv in runs:
        result = coproduce(*argv, *db)
        assert result.status == 0, (argv, result.err)

    assert exports(services) == [
        {
            "actor": services.store.actor,
            "record": ("meeting", meeting.id),
            "kind": "minutes",
            "format": "docx",
        },
        {
            "actor": services.store.actor,
            "record": ("group", group.id),
            "kind": "you_said_we_did",
            "format": "docx",
            "from": "2026-01-01",
        },
        {
            "actor": services.store.actor,
            "record": ("database", 0),
            "kind": "tables",
            "format": "csv",
            "rows": {"attendance": 1},
        },
        {
            "actor": services.store.actor,
            "record": ("database", 0),
            "kind": "list",
            "format": "json",
            "rows": {"people": 1},
        },
    ]

    listed = coproduce("audit", "--action", "exported", *db)
    as_json = coproduce("audit", "--action", "exported", "--format", "json", *db)

    assert listed.status == 0, listed.err
    lines = listed.out.splitlines()
    assert "List (json): 1 people" in lines[2], "newest first"
    assert f"Minutes (docx) of meeting {meeting.id}" in lines[-1]
    assert [row["details"]["kind"] for row in json.loads(as_json.out)] == [
        "list",
        "tables",
        "you_said_we_did",
        "minutes",
    ]
    for output in (listed.out, as_json.out):
        assert "ravenscar" not in output.casefold(), "names and words stay out of the trail"

    # A health check names the newest exports too, where an information-governance officer
    # looks first.
    checked = coproduce("check", *db)
    assert checked.status == 0, checked.err
    said = checked.out.split("Newest exports of personal data")[1].splitlines()
    assert "List (json): 1 people" in said[1] and "Minutes (docx)" in said[-1]
    checked_json = json.loads(coproduce("check", "--format", "json", *db).out)
    assert [e["what"][:7] for e in checked_json["recent_exports"]] == [
        "List (j",
        "Tables ",
        "You sai",
        "Minutes",
    ]


def test_the_audit_lists_changes_too_and_says_when_there_is_nothing(
    coproduce: Coproduce, services: Services, database_url: str
) -> None:
    empty = coproduce("audit", "--db", database_url)
    services.groups.create(Group(name="Forum"))
    listed = coproduce("audit", "--db", database_url, "--format", "csv")

    assert empty.out == "No audit events.\n"
    assert listed.out.splitlines()[1].split(",")[2:5] == ["created", "group", "1"]
