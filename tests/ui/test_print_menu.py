"""The Print menu makes each document from the record the facilitator is on, and the File menu
holds the contact details every easy-read document ends with."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coproduce.documents.content import Contact
from coproduce.domain.vocabulary import MeetingStatus
from coproduce.services import Services
from coproduce.ui.main_window import MainWindow
from coproduce.ui.printing.contact_dialog import ContactDialog
from coproduce.ui.printing.report_chooser import ReportChooser

OpenWindow = Callable[[Services], MainWindow]
BUILD_TIMEOUT_MS = 120_000


def _built(qtbot: QtBot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=BUILD_TIMEOUT_MS)


def test_ctrl_p_off_the_sessions_page_says_how_to_choose_a_session(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services, prompts
) -> None:
    window = open_window(demo_services)
    window.show_page("people")
    prompts.expect_message("information")

    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    assert prompts.shown[-1].title == "Choose a session first"
    assert "Sessions page" in prompts.shown[-1].text


def test_ctrl_p_prints_the_easy_read_summary_of_the_chosen_session(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services, prompts, tmp_path: Path
) -> None:
    window = open_window(demo_services)
    window.show_page("sessions")
    page = window.list_page("sessions")
    held = [
        row
        for row in range(page.model.rowCount())
        if page.model.record(row).meeting.status is not MeetingStatus.PLANNED
    ]
    page.table.selectRow(held[0])
    meeting = page.selected_record()

    dialog = window.print_easy_read_summary()
    assert dialog is not None
    _built(qtbot, dialog)

    assert meeting.title in dialog.windowTitle()
    target = tmp_path / "summary.docx"
    prompts.expect_save_file(target)
    assert dialog.save()
    document = docx.Document(str(target))
    assert document.core_properties.language == "en-GB"
    assert document.core_properties.title


def test_a_session_not_held_yet_has_no_summary_and_says_why(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    window.show_page("sessions")
    page = window.list_page("sessions")
    planned = [
        row
        for row in range(page.model.rowCount())
        if page.model.record(row).meeting.status is MeetingStatus.PLANNED
    ]
    page.table.selectRow(planned[0])
    dialog = window.print_easy_read_summary()
    assert dialog is not None
    qtbot.waitUntil(lambda: "not been held yet" in dialog.status.text())
    assert not dialog.save_button.isEnabled()
    dialog.reject()


def test_minutes_and_the_ideas_pack_come_from_the_chosen_records(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    window.show_page("sessions")
    window.list_page("sessions").table.selectRow(0)
    minutes = window.print_minutes()
    assert minutes is not None and minutes.windowTitle().startswith("Minutes: ")
    _built(qtbot, minutes)
    minutes.reject()

    speaker_id = next(
        c.speaker_id
        for c in demo_services.contributions.list(limit=50).items
        if c.speaker_id is not None
    )
    window.show_page("people")
    assert window.list_page("people").show_record_id(speaker_id)
    pack = window.print_person_pack()
    assert pack is not None
    assert demo_services.people.get(speaker_id).display_name in pack.windowTitle()
    _built(qtbot, pack)


def test_the_report_chooser_starts_from_the_document_on_screen(
    qtbot: QtBot, open_window: OpenWindow, demo_services: Services
) -> None:
    window = open_window(demo_services)
    window.show_page("documents")
    documents = window.list_page("documents")
    documents.table.selectRow(1)
    document = documents.selected_record()

    chooser = window.choose_report()
    qtbot.addWidget(chooser)

    assert chooser.by_document.isChecked()
    assert chooser.document_box.currentData() == document.id
    choice = chooser.choice()
    assert (choice.document_id, choice.group_id) == (document.id, None)
    assert (choice.date_from, choice.date_to) == (None, None) and choice.easy_read


def test_the_report_chooser_refuses_dates_the_wrong_way_round(
    qtbot: QtBot, demo_services: Services
) -> None:
    group = demo_services.groups.list().items[0]
    chooser = ReportChooser(demo_services, group_id=group.id)
    qtbot.addWidget(chooser)
    chooser.show()
    assert chooser.by_group.isChecked() and chooser.group_box.currentData() == group.id

    chooser.limit_dates.setChecked(True)
    chooser.date_from.setDate(date(2026, 6, 1))
    chooser.date_to.setDate(date(2026, 1, 1))
    chooser.accept()

    assert chooser.isVisible()
    assert "after the second" in chooser.message.text()
    chooser.date_to.setDate(date(2026, 9, 1))
    chooser.accept()
    assert not chooser.isVisible()
    assert chooser.choice().date_from == date(2026, 6, 1)


def test_contact_details_are_saved_and_printed_on_every_easy_read_document(
    qtbot: QtBot, demo_services: Services
) -> None:
    # The example council comes with its contact details: they show, and are changed.
    before = demo_services.reports.contact()
    assert before.name and before.phone
    dialog = ContactDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == before.name
    for box in (dialog.name, dialog.organisation, dialog.phone, dialog.email):
        box.clear()
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Sam Reed")
    qtbot.keyClicks(dialog.organisation, "Involvement Team")
    qtbot.keyClicks(dialog.phone, "01632 960 123")
    dialog.accept()

    assert demo_services.reports.contact() == Contact(
        name="Sam Reed",
        organisation="Involvement Team",
        phone="01632 960 123",
        address=before.address,
        other=before.other,
    )
    assert not dialog.isVisible()


def test_contact_details_too_long_are_refused_beside_the_field(
    qtbot: QtBot, demo_services: Services
) -> None:
    dialog = ContactDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.email.setText("x" * 600)

    dialog.accept()

    assert dialog.isVisible()
    assert "too long" in dialog.errors.message_for("email")
    assert demo_services.reports.contact().email == "involvement@hartmoor-council.example"
