"""Printing from the window: build, check, preview, then save where the facilitator says."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coproduce.documents.pdf import soffice_path
from coproduce.domain.vocabulary import PictureSource
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.services.meetings import MeetingFilter
from coproduce.ui.printing.export_dialog import ExportDialog
from coproduce.ui.printing.jobs import (
    easy_read_summary_job,
    minutes_job,
    person_pack_job,
    you_said_we_did_job,
)

BUILD_TIMEOUT_MS = 120_000


@pytest.fixture
def libreoffice() -> str:
    path = soffice_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice must be installed in CI (packaging/dev.sh installs it)")
        pytest.skip("LibreOffice is not installed")
    return path


def _summarised_session(services: Services) -> int:
    """A held session with contributions chosen for its summary."""
    for meeting_id in services.meetings.ids(MeetingFilter()):
        contributions = services.contributions.list(ContributionFilter(meeting_id=meeting_id))
        if any(c.in_summary for c in contributions.items):
            return meeting_id
    raise AssertionError("the demo has no session with a summary")


def _open(qtbot: QtBot, job) -> ExportDialog:
    dialog = ExportDialog(job)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=BUILD_TIMEOUT_MS)
    return dialog


def _pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[1])


def test_the_summary_is_previewed_checked_and_saved_with_its_pdf(
    qtbot: QtBot, demo_services: Services, prompts, libreoffice: str, tmp_path: Path
) -> None:
    meeting_id = _summarised_session(demo_services)
    dialog = _open(qtbot, easy_read_summary_job(demo_services, meeting_id))

    pages = dialog.preview.page_labels()
    assert len(pages) >= 3  # cover, the rows, hard words and contact
    assert pages[0].accessibleName() == f"Page 1 of {len(pages)}"
    assert dialog.status.text().startswith(f"{len(pages)} pages.")
    assert dialog.save_button.isEnabled()

    target = tmp_path / "summary.docx"
    prompts.expect_save_file(target)
    dialog.pdf_box.setChecked(True)
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    assert dialog.saved_to == target
    reopened = docx.Document(str(target))
    assert reopened.styles["Normal"].font.name == "Arial"
    assert reopened.styles["Normal"].font.size == Pt(16)
    assert target.stat().st_mode & 0o777 == 0o600
    assert _pdf_pages(target.with_suffix(".pdf")) == len(pages)


def test_a_bigger_text_size_rebuilds_the_document_before_it_can_be_saved(
    qtbot: QtBot, demo_services: Services, prompts, tmp_path: Path
) -> None:
    meeting_id = _summarised_session(demo_services)
    dialog = _open(qtbot, easy_read_summary_job(demo_services, meeting_id))
    first = dialog.result

    dialog.size_box.setFocus()
    for _step in range(4):  # 16 to 20 point with the arrow key
        qtbot.keyClick(dialog.size_box, Qt.Key.Key_Up)
    assert not dialog.save_button.isEnabled()  # the old build no longer matches the choice
    qtbot.waitUntil(
        lambda: dialog.result is not first and not dialog.is_building, timeout=BUILD_TIMEOUT_MS
    )

    target = tmp_path / "big.docx"
    prompts.expect_save_file(target)
    assert dialog.save()
    assert docx.Document(str(target)).styles["Normal"].font.size == Pt(20)


def test_plain_language_findings_are_listed_and_do_not_stop_saving(
    qtbot: QtBot, demo_services: Services, prompts, tmp_path: Path
) -> None:
    meeting_id = _summarised_session(demo_services)
    dialog = _open(qtbot, easy_read_summary_job(demo_services, meeting_id))

    shown = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert len(shown) == len(dialog.result.findings) + len(dialog.result.built.warnings)
    assert shown, "the demo's raw notes have long sentences and hard words to flag"
    assert all(": " in line for line in shown)  # where it is, then what to check
    prompts.expect_save_file(tmp_path / "anyway.docx")
    assert dialog.save()


def test_a_document_open_in_word_is_not_replaced_and_the_dialog_stays(
    qtbot: QtBot, demo_services: Services, prompts, tmp_path: Path
) -> None:
    meeting_id = _summarised_session(demo_services)
    dialog = _open(qtbot, minutes_job(demo_services, meeting_id))
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"yesterday's minutes")
    (tmp_path / "~$minutes.docx").write_bytes(b"Word's lock file")

    prompts.expect_save_file(target)
    prompts.expect_message("error")
    assert not dialog.save()

    assert "open in Word" in prompts.shown[-1].text
    assert target.read_bytes() == b"yesterday's minutes"
    assert dialog.isVisible() and dialog.save_button.isEnabled()  # try again after closing it


def test_cancelling_the_save_dialog_saves_nothing(
    qtbot: QtBot, demo_services: Services, prompts, tmp_path: Path
) -> None:
    meeting_id = _summarised_session(demo_services)
    dialog = _open(qtbot, minutes_job(demo_services, meeting_id))

    before = sorted(tmp_path.rglob("*"))
    prompts.expect_save_file(None)
    assert not dialog.save()
    assert dialog.saved_to is None and dialog.isVisible()
    assert sorted(tmp_path.rglob("*")) == before


def test_a_name_typed_without_the_extension_gets_docx(
    qtbot: QtBot, demo_services: Services, prompts, tmp_path: Path
) -> None:
    group_id = demo_services.meetings.get(_summarised_session(demo_services)).group_id
    dialog = _open(qtbot, you_said_we_did_job(demo_services, group_id=group_id, easy_read=True))

    prompts.expect_save_file(tmp_path / "report")
    assert dialog.save()
    assert dialog.saved_to == tmp_path / "report.docx"
    with zipfile.ZipFile(dialog.saved_to) as package:
        assert "word/document.xml" in package.namelist()


def test_a_person_pack_shows_no_size_choice_for_staff_documents_only(
    qtbot: QtBot, demo_services: Services
) -> None:
    meeting_id = _summarised_session(demo_services)
    speaker = next(
        c.speaker_id
        for c in demo_services.contributions.list(ContributionFilter(meeting_id=meeting_id)).items
        if c.speaker_id is not None
    )
    pack = _open(qtbot, person_pack_job(demo_services, speaker))
    minutes = _open(qtbot, minutes_job(demo_services, meeting_id))

    assert pack.size_box.isVisibleTo(pack) and pack.font_box.isVisibleTo(pack)
    assert not minutes.size_box.isVisibleTo(minutes)
    assert minutes.settings is None


def test_a_picture_file_gone_missing_is_replaced_by_the_library_picture_and_said(
    qtbot: QtBot, demo_services: Services, prompts, tmp_path: Path
) -> None:
    # On a shared database a chosen photo may live on a colleague's laptop: the summary is
    # still made, with the library's picture and a warning, never blocked.
    gone = tmp_path / "our-meeting-room.png"
    demo_services.pictures.choose(
        "meeting", PictureSource.FILE, str(gone), "Our meeting room at the town hall"
    )
    meeting_id = _summarised_session(demo_services)
    job = dataclasses.replace(
        easy_read_summary_job(demo_services, meeting_id),
        fallback=lambda choice: demo_services.pictures.default_for(choice.concept),
    )
    dialog = _open(qtbot, job)

    shown = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    warnings = [line for line in shown if line.startswith("Warning:")]
    assert any("library's picture was used instead" in line for line in warnings)
    assert dialog.save_button.isEnabled()
    prompts.expect_save_file(tmp_path / "summary.docx")
    assert dialog.save()


def test_a_name_given_without_docx_does_not_silently_replace_another_file(
    qtbot: QtBot, demo_services: Services, prompts, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    existing = folder / "Minutes.docx"
    existing.write_bytes(b"last month's minutes")
    dialog = _open(qtbot, minutes_job(demo_services, _summarised_session(demo_services)))

    prompts.expect_save_file(folder / "Minutes")  # the Save dialog checked "Minutes" only
    prompts.expect_question(False)
    assert not dialog.save()
    assert existing.read_bytes() == b"last month's minutes"
    assert "Minutes.docx already exists" in prompts.shown[-1].text

    prompts.expect_save_file(folder / "Minutes.doc")
    prompts.expect_question(True)
    assert dialog.save()
    assert dialog.saved_to == existing
    assert existing.read_bytes().startswith(b"PK")
