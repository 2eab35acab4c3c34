"""Each document saved from the window leaves one audit event naming its kind, format and the
records it covered; a document built but not saved leaves none."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from coproduce.domain.vocabulary import AuditAction
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.services.demo import ANCHOR
from coproduce.services.meetings import MeetingFilter
from coproduce.store.database import Database
from coproduce.ui.printing.export_dialog import DocumentJob, ExportDialog
from coproduce.ui.printing.jobs import (
    easy_read_summary_job,
    evidence_pack_job,
    minutes_job,
    person_pack_job,
    you_said_we_did_job,
)

BUILD_TIMEOUT_MS = 120_000


@pytest.fixture
def council(demo_database: Database) -> Services:
    return Services(demo_database, actor="Sam Facilitator", today=lambda: ANCHOR)


def summarised_session(services: Services) -> int:
    for meeting_id in services.meetings.ids(MeetingFilter()):
        found = services.contributions.list(ContributionFilter(meeting_id=meeting_id))
        if any(c.in_summary for c in found.items):
            return meeting_id
    raise AssertionError("the demo has no session with a summary")


def first_person(services: Services) -> int:
    return services.people.list(limit=1).items[0].id or 0


Job = Callable[[Services], tuple[DocumentJob, tuple[str, int], dict[str, Any]]]
JOBS: dict[str, Job] = {
    "minutes": lambda s: (
        minutes_job(s, summarised_session(s)),
        ("meeting", summarised_session(s)),
        {"kind": "minutes"},
    ),
    "easy_read_summary": lambda s: (
        easy_read_summary_job(s, summarised_session(s)),
        ("meeting", summarised_session(s)),
        {"kind": "easy_read_summary"},
    ),
    "you_said_we_did": lambda s: (
        you_said_we_did_job(s, group_id=s.groups.list().items[0].id),
        ("group", s.groups.list().items[0].id or 0),
        {"kind": "you_said_we_did"},
    ),
    "person_pack": lambda s: (
        person_pack_job(s, first_person(s)),
        ("person", first_person(s)),
        {"kind": "person_pack"},
    ),
    "evidence_pack": lambda s: (
        evidence_pack_job(s, [s.groups.list().items[0].id or 0], None, ANCHOR),
        ("database", 0),
        {
            "kind": "evidence_pack",
            "records": {"group": [s.groups.list().items[0].id]},
            "to": ANCHOR.isoformat(),
        },
    ),
}


@pytest.mark.parametrize("kind", list(JOBS))
def test_a_document_saved_from_the_window_is_audited(
    qtbot: QtBot, council: Services, prompts: Any, tmp_path: Path, kind: str
) -> None:
    job, (record_type, record_id), details = JOBS[kind](council)
    dialog = ExportDialog(job)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.easy_words.forget_unsaved())
    dialog.show()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=BUILD_TIMEOUT_MS)
    assert council.audit.events(action=AuditAction.EXPORTED).total == 0, "built, not saved"

    prompts.expect_save_file(tmp_path / f"{kind}.docx")
    assert dialog.save()

    (event,) = council.audit.events(action=AuditAction.EXPORTED).items
    assert (event.actor, event.record_type, event.record_id) == (
        "Sam Facilitator",
        record_type,
        record_id,
    )
    assert json.loads(event.details) == {"format": "docx", **details}
