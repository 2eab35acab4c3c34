"""Printing from the window: build, check, preview, then save where the facilitator says; say
the pages against the budget and what was left out, and write the missing easy words in place."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextCharFormat, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coproduce.documents.pdf import soffice_path
from coproduce.documents.plain_language import FindingKind
from coproduce.domain.records import Contribution, Group, Meeting, Response, replace
from coproduce.domain.vocabulary import (
    ContributionKind,
    MeetingStatus,
    PictureSource,
    ResponseStatus,
    RowKind,
)
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter
from coproduce.services.meetings import MeetingFilter
from coproduce.ui.easyread.easy_read_edit import LONG_SENTENCE_BACKGROUND
from coproduce.ui.main_window import MainWindow
from coproduce.ui.printing import export_dialog
from coproduce.ui.printing.export_dialog import ExportDialog
from coproduce.ui.printing.jobs import (
    easy_read_summary_job,
    minutes_job,
    person_pack_job,
    you_said_we_did_job,
)

BUILD_TIMEOUT_MS = 120_000
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier

LONG_SENTENCE = (
    "Carers told us that booking a short break takes far too long because every form is "
    "checked twice before anyone rings back."
)  # 22 words: over the 15 an easy-read sentence may have
SECTION_ANSWER = "Section 3.4 of the carers strategy already covers night support."


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


def _open(qtbot: QtBot, job, undo_stack: QUndoStack | None = None) -> ExportDialog:
    dialog = ExportDialog(job, undo_stack=undo_stack)
    # A test that stops with words typed and not saved must not stop again on the question.
    qtbot.addWidget(dialog, before_close_func=lambda d: d.easy_words.forget_unsaved())
    dialog.show()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=BUILD_TIMEOUT_MS)
    return dialog


def _rebuilt(qtbot: QtBot, dialog: ExportDialog, first: object) -> None:
    qtbot.waitUntil(
        lambda: dialog.result is not first and not dialog.is_building, timeout=BUILD_TIMEOUT_MS
    )


def _activate(qtbot: QtBot, window: QWidget) -> None:
    """Shortcuts (a label's Alt+letter, Ctrl+Return) reach only the active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _document_text(document) -> str:
    """Every paragraph of a python-docx document, tables included."""
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(p.text for p in cell.paragraphs)
    return "\n".join(paragraphs)


def _listed(dialog: ExportDialog) -> list[tuple[RowKind, int]]:
    return [(n.origin.kind, n.origin.record_id) for n in dialog.easy_words.needs]


@dataclass(frozen=True)
class HeldSession:
    meeting_id: int
    said_id: int
    """A contribution chosen for the summary whose only words are a 22-word sentence."""
    answer_id: int
    """A response that names a section of a document ("Section 3.4 ...")."""


def _held_session_with_words_to_make_easy(services: Services) -> HeldSession:
    group = services.groups.create(Group(name="Carers' Forum"))
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,  # type: ignore[arg-type]
            title="March",
            starts_at=datetime(2026, 3, 10, 10),
            ends_at=datetime(2026, 3, 10, 12),
        )
    )
    assert meeting.id is not None
    services.meetings.set_status(meeting.id, MeetingStatus.HELD)
    said = services.contributions.add(
        Contribution(meeting_id=meeting.id, text=LONG_SENTENCE, in_summary=True)
    )
    asked = services.contributions.add(
        Contribution(
            meeting_id=meeting.id,
            text="Can carers get help at night?",
            kind=ContributionKind.QUESTION,
            easy_read="Can carers get help at night?",
            in_summary=True,
        )
    )
    answer = services.contributions.respond(
        Response(
            contribution_id=asked.id,  # type: ignore[arg-type]
            status=ResponseStatus.ALREADY_HAPPENING,
            text=SECTION_ANSWER,
        )
    )
    assert said.id is not None and answer.id is not None
    return HeldSession(meeting.id, said.id, answer.id)


def _demo_contribution_left_out(services: Services) -> tuple[int, int]:
    """The summarised demo session, with one of its contributions chosen for the summary
    whose easy words were never written and whose own words are one 22-word sentence."""
    meeting_id = _summarised_session(services)
    said = next(
        c
        for c in services.contributions.list(ContributionFilter(meeting_id=meeting_id)).items
        if not c.in_summary and c.kind is not ContributionKind.DECISION
    )
    services.contributions.update(replace(said, text=LONG_SENTENCE, easy_read="", in_summary=True))
    assert said.id is not None
    return meeting_id, said.id


def _choose_and_type(qtbot: QtBot, dialog: ExportDialog, row: int, words: str) -> None:
    """By keyboard: Alt+N to the list, down to ``row``, Alt+E to the box, type ``words``."""
    _activate(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)
    panel = dialog.easy_words
    assert panel.list.hasFocus()
    assert panel.list.currentRow() == 0  # reaching the list chooses the first
    for _step in range(row):
        qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert panel.list.currentRow() == row
    qtbot.keyClick(dialog, Qt.Key.Key_E, ALT)
    assert panel.easy.edit.hasFocus()
    with qtbot.waitSignal(panel.easy.findings_changed, timeout=3000):
        qtbot.keyClicks(panel.easy.edit, words)


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
    assert dialog.status.text().startswith(f"{len(pages)} pages (at most 12).")
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


# --- the pages, the budget and what was left out (issue 10, point 1) -----------------------


def test_the_real_page_count_and_the_budget_are_said_before_saving(
    qtbot: QtBot, demo_services: Services, libreoffice: str
) -> None:
    dialog = _open(qtbot, easy_read_summary_job(demo_services, _summarised_session(demo_services)))

    built = dialog.result.built
    pages = len(dialog.preview.page_labels())
    lines = dialog.status.text().splitlines()
    assert built.budget == 12
    assert lines[0] == f"{pages} pages (at most 12)."
    assert lines[1] == "Nothing is left out for want of easy words."
    assert lines[2] == (
        f"{built.not_shown} more things are counted in one sentence: "
        "they were not chosen or did not fit."
    )
    assert built.not_shown > 1  # the demo session has more to say than 12 pages hold


def test_without_libreoffice_the_estimate_and_what_was_left_out_are_said(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_dialog, "soffice_path", lambda: None)
    held = _held_session_with_words_to_make_easy(services)
    dialog = _open(qtbot, easy_read_summary_job(services, held.meeting_id))

    built = dialog.result.built
    assert dialog.result.pdf is None
    assert dialog.status.text().splitlines()[:3] == [
        f"About {built.estimated_pages} pages (at most 12).",
        "2 things are left out until they have easy words.",
        "Everything else is printed.",
    ]


def test_staff_documents_just_say_their_pages(
    qtbot: QtBot, demo_services: Services, libreoffice: str
) -> None:
    dialog = _open(qtbot, minutes_job(demo_services, _summarised_session(demo_services)))

    pages = len(dialog.preview.page_labels())
    assert dialog.status.text().splitlines()[0] == f"{pages} pages."
    assert "easy words" not in dialog.status.text()
    assert not dialog.easy_words.isVisibleTo(dialog)


# --- writing the easy words in place (issue 10, point 2) ----------------------------------


def test_left_out_records_are_listed_where_they_would_go_with_their_reason(
    qtbot: QtBot, services: Services
) -> None:
    held = _held_session_with_words_to_make_easy(services)
    dialog = _open(qtbot, easy_read_summary_job(services, held.meeting_id))

    panel = dialog.easy_words
    assert _listed(dialog) == [
        (RowKind.CONTRIBUTION, held.said_id),
        (RowKind.RESPONSE, held.answer_id),
    ]
    said, answer = panel.list.item(0), panel.list.item(1)
    assert said.text().startswith("What you told us: Carers told us that booking")
    assert "This sentence has 22 words" in said.toolTip()
    assert answer.text() == f"What you told us: {SECTION_ANSWER}"
    assert "number from inside a document" in answer.toolTip()
    assert panel.list.accessibleName() == "Needs easy words"
    assert panel.list_label.buddy() is panel.list

    panel.list.setCurrentRow(1)
    assert panel.raw_words.isReadOnly()
    assert panel.raw_words.toPlainText() == SECTION_ANSWER
    assert panel.gate.text().startswith("Left out because: ")
    assert panel.easy.text() == ""


def test_easy_words_typed_and_saved_put_the_entry_in_the_document_and_out_of_the_list(
    qtbot: QtBot, services: Services, prompts, tmp_path: Path
) -> None:
    held = _held_session_with_words_to_make_easy(services)
    dialog = _open(qtbot, easy_read_summary_job(services, held.meeting_id))
    assert LONG_SENTENCE not in _document_text(dialog.result.built.document)
    first = dialog.result

    words = "Booking a short break takes too long."
    _choose_and_type(qtbot, dialog, 0, words)
    assert dialog.easy_words.gate.text() == "Ready to print: save to put it in the document."
    qtbot.keyClick(dialog.easy_words.easy.edit, Qt.Key.Key_Return, CTRL)
    _rebuilt(qtbot, dialog, first)

    saved = services.easy_words.read(RowKind.CONTRIBUTION, held.said_id)
    assert saved.easy == words
    assert words in _document_text(dialog.result.built.document)
    assert _listed(dialog) == [(RowKind.RESPONSE, held.answer_id)]
    assert dialog.status.text().splitlines()[1] == "1 thing is left out until it has easy words."
    # The list moved on to the next record that needs easy words.
    assert dialog.easy_words.current is not None
    assert dialog.easy_words.current.record_id == held.answer_id

    # The response's turn, saved with the button's access key (it clicks about 100 ms later).
    answer = "We already help carers at night."
    second = dialog.result
    qtbot.keyClick(dialog, Qt.Key.Key_E, ALT)
    with qtbot.waitSignal(dialog.easy_words.easy.findings_changed, timeout=3000):
        qtbot.keyClicks(dialog.easy_words.easy.edit, answer)
    qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)
    _rebuilt(qtbot, dialog, second)

    assert services.easy_words.read(RowKind.RESPONSE, held.answer_id).easy == answer
    assert _listed(dialog) == []
    assert dialog.easy_words.hint.text() == "Nothing is left out: everything has easy words."
    assert "Nothing is left out for want of easy words." in dialog.status.text()

    target = tmp_path / "summary.docx"
    prompts.expect_save_file(target)
    assert dialog.save()
    saved_text = _document_text(docx.Document(str(target)))
    assert words in saved_text and answer in saved_text
    assert SECTION_ANSWER not in saved_text


def test_the_checker_marks_a_long_sentence_in_the_box_as_it_is_typed(
    qtbot: QtBot, services: Services
) -> None:
    held = _held_session_with_words_to_make_easy(services)
    dialog = _open(qtbot, easy_read_summary_job(services, held.meeting_id))

    too_long = (
        "Carers told us that booking a short break takes far too long because "
        "the forms are slow."
    )  # 17 words
    _choose_and_type(qtbot, dialog, 0, too_long)

    box = dialog.easy_words.easy
    [finding] = [f for f in box.findings() if f.kind is FindingKind.LONG_SENTENCE]
    block = box.edit.document().firstBlock()
    marks = [QTextCharFormat(r.format) for r in block.layout().formats()]
    assert any(mark.background().color() == LONG_SENTENCE_BACKGROUND for mark in marks)
    assert "17 words" in finding.message
    assert box.findings_list.isVisibleTo(dialog)
    assert dialog.easy_words.gate.text().startswith("Not ready to print yet (long sentence)")


def test_a_colleagues_change_keeps_the_typed_words_and_says_so(
    qtbot: QtBot, services: Services, prompts
) -> None:
    held = _held_session_with_words_to_make_easy(services)
    stack = QUndoStack()
    dialog = _open(qtbot, easy_read_summary_job(services, held.meeting_id), stack)
    first = dialog.result
    _choose_and_type(qtbot, dialog, 0, "Short breaks are hard to book.")
    seen = services.easy_words.read(RowKind.CONTRIBUTION, held.said_id)
    services.easy_words.write(
        RowKind.CONTRIBUTION, held.said_id, "A colleague wrote these words.", seen.version
    )

    prompts.expect_message("error")
    qtbot.keyClick(dialog.easy_words.easy.edit, Qt.Key.Key_Return, CTRL)

    message = prompts.shown[-1].text
    assert "Someone else changed this record" in message
    assert "Your words are still in the box" in message
    assert '"A colleague wrote these words."' in message
    assert dialog.easy_words.easy.text() == "Short breaks are hard to book."
    assert stack.count() == 0 and not dialog.is_building
    assert services.easy_words.read(RowKind.CONTRIBUTION, held.said_id).easy == (
        "A colleague wrote these words."
    )

    # Told, the facilitator may still prefer their own words: the next save is on purpose.
    assert dialog.easy_words.save()
    _rebuilt(qtbot, dialog, first)
    assert services.easy_words.read(RowKind.CONTRIBUTION, held.said_id).easy == (
        "Short breaks are hard to book."
    )
    assert stack.count() == 1


def test_ctrl_z_in_the_main_window_takes_the_easy_words_back(
    qtbot: QtBot, demo_services: Services, open_window: Callable[[Services], MainWindow]
) -> None:
    meeting_id, said_id = _demo_contribution_left_out(demo_services)
    window = open_window(demo_services)
    dialog = window.open_export(easy_read_summary_job(demo_services, meeting_id))
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=BUILD_TIMEOUT_MS)
    first = dialog.result
    row = _listed(dialog).index((RowKind.CONTRIBUTION, said_id))

    _choose_and_type(qtbot, dialog, row, "Booking a short break takes too long.")
    qtbot.keyClick(dialog.easy_words.easy.edit, Qt.Key.Key_Return, CTRL)
    _rebuilt(qtbot, dialog, first)
    assert (
        window.undo_action.text() == "&Undo Easy words for “Carers told us that booking a short…”"
    )
    dialog.reject()
    _activate(qtbot, window)

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert demo_services.easy_words.read(RowKind.CONTRIBUTION, said_id).easy == ""

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert demo_services.easy_words.read(RowKind.CONTRIBUTION, said_id).easy == (
        "Booking a short break takes too long."
    )


def test_closing_with_easy_words_not_saved_asks_first(
    qtbot: QtBot, services: Services, prompts
) -> None:
    held = _held_session_with_words_to_make_easy(services)
    dialog = _open(qtbot, easy_read_summary_job(services, held.meeting_id))
    _choose_and_type(qtbot, dialog, 0, "Short breaks are hard to book.")

    prompts.expect_question(False)
    dialog.reject()
    assert dialog.isVisible()
    assert "easy words for 1 thing" in prompts.shown[-1].text
    assert dialog.easy_words.easy.text() == "Short breaks are hard to book."

    prompts.expect_question(True)
    dialog.reject()
    assert not dialog.isVisible()


# --- at a council laptop's size, by keyboard and by screen reader (point 3) -----------------


def _mnemonic(text: str) -> str | None:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].casefold() if index >= 0 else None


def test_the_dialog_fits_is_named_throughout_and_tab_goes_round(
    qtbot: QtBot, services: Services
) -> None:
    held = _held_session_with_words_to_make_easy(services)
    dialog = _open(qtbot, easy_read_summary_job(services, held.meeting_id))
    dialog.resize(1280, 720)
    dialog.easy_words.list.setCurrentRow(0)  # the box and its buttons are shown too
    dialog.easy_words.easy.set_text("Short breaks are hard to book.")
    QApplication.processEvents()

    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720
    assert dialog.width() <= 1280 and dialog.height() <= 720

    focusable = [
        w
        for w in dialog.findChildren(QWidget)
        if w.isVisibleTo(dialog)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        # The text box inside the size box: the size box's name is the one announced.
        and not isinstance(w.parentWidget(), QAbstractSpinBox)
    ]
    unnamed = [
        w
        for w in focusable
        if not QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name).strip()
    ]
    assert unnamed == []

    keys = [
        _mnemonic(w.text())
        for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
        if w.isVisibleTo(dialog) and _mnemonic(w.text())
    ]
    assert len(keys) == len(set(keys)), keys

    _activate(qtbot, dialog)
    dialog.font_box.setFocus()
    panel = dialog.easy_words
    visited = [QApplication.focusWidget()]
    for _step in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is dialog.font_box:
            break
        visited.append(QApplication.focusWidget())
    else:
        pytest.fail(f"Tab never came back to the font: {[w.accessibleName() for w in visited]}")
    assert len(visited) == len(set(visited))  # no stop twice, so no trap
    for widget in (
        dialog.size_box,
        dialog.findings,
        panel.list,
        panel.raw_words,
        panel.easy.edit,
        panel.easy.draft_button,
        panel.save_button,
        dialog.preview,
        dialog.save_button,
    ):
        assert widget in visited, widget.accessibleName()
    order = [visited.index(w) for w in (panel.list, panel.raw_words, panel.easy.edit)]
    assert order == sorted(order)
