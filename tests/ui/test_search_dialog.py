"""The search popup driven by keyboard: results as you type, Down to choose, Enter to open."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.records import Contribution, Document, Group, Meeting, Section
from coproduce.services import Services
from coproduce.services.search import ResultKind, SearchResult
from coproduce.store.database import Database
from coproduce.ui.search.search_dialog import ResultRole, SearchDialog

STARTS = datetime(2026, 3, 10, 10, 0)


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    services = Services(sqlite_database)
    group = services.groups.create(Group(name="Carers' forum"))
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,
            title="May session",
            starts_at=STARTS,
            ends_at=STARTS + timedelta(hours=2),
            notes="Talked about the café opening hours",
        )
    )
    services.contributions.add(Contribution(meeting_id=meeting.id, text="Short breaks at weekends"))
    services.contributions.add(Contribution(meeting_id=meeting.id, text="Shorter forms, please"))
    document = services.documents.create(Document(title="Short breaks policy"))
    services.documents.add_section(Section(document_id=document.id, heading="Who can ask"))
    return services


@pytest.fixture
def dialog(qtbot: QtBot, services: Services) -> SearchDialog:
    dialog = SearchDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.field.setFocus()
    return dialog


def shown(dialog: SearchDialog) -> list[str]:
    model = dialog.model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def test_results_appear_and_narrow_as_a_person_types(qtbot: QtBot, dialog: SearchDialog) -> None:
    qtbot.keyClicks(dialog.field, "short")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    assert any("Document: Short breaks policy" in text for text in shown(dialog))
    assert any(text == "Contribution: May session\nShorter forms, please" for text in shown(dialog))
    qtbot.keyClicks(dialog.field, " br")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert dialog.status.text() == "2 results, best first. Press Down to choose, Enter to open."
    qtbot.keyClicks(dialog.field, "zzz")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert dialog.status.text() == "Nothing found for “short brzzz”."


def test_accents_do_not_matter_in_the_field(qtbot: QtBot, dialog: SearchDialog) -> None:
    qtbot.keyClicks(dialog.field, "CAFE")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    [result] = [dialog.model.data(dialog.model.index(0), ResultRole)]
    assert result.kind is ResultKind.SESSION
    assert shown(dialog) == ["Session: May session\nTalked about the café opening hours"]


def test_down_then_enter_opens_the_chosen_result(
    qtbot: QtBot, dialog: SearchDialog, services: Services
) -> None:
    opened: list[SearchResult] = []
    dialog.open_requested.connect(opened.append)
    qtbot.keyClicks(dialog.field, "short breaks")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    assert dialog.results.hasFocus()
    qtbot.keyClick(dialog.results, Qt.Key.Key_Down)
    chosen = dialog.model.data(dialog.results.currentIndex(), ResultRole)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert opened == [chosen]
    assert not dialog.isVisible()
    if chosen.kind is ResultKind.DOCUMENT:
        assert services.documents.get(chosen.document_id).title == "Short breaks policy"
    else:
        assert services.meetings.get(chosen.meeting_id).title == "May session"


def test_enter_in_the_field_opens_the_best_result_at_once(
    qtbot: QtBot, dialog: SearchDialog
) -> None:
    opened: list[SearchResult] = []
    dialog.open_requested.connect(opened.append)
    qtbot.keyClicks(dialog.field, "who can")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # before the typing pause is over
    [result] = opened
    assert (result.kind, result.title) == (ResultKind.SECTION, "Who can ask")
    assert result.snippet == "Short breaks policy"


def test_the_results_model_is_a_well_behaved_qt_model(
    qtbot: QtBot, dialog: SearchDialog, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(dialog.model)
    qtbot.keyClicks(dialog.field, "sh")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    qtmodeltester.check(dialog.model)
    dialog.field.clear()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    qtmodeltester.check(dialog.model)
