"""The journey views: what the groups said about a document, and what happened to a person's
ideas. Driven by keyboard; checked against what the services hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coproduce.domain.attribution import GROUP_MEMBER
from coproduce.domain.records import (
    Consent,
    Contribution,
    Document,
    Group,
    Link,
    Meeting,
    Person,
    Response,
    Section,
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    ConsentPurpose,
    ConsentState,
    FeedbackMethod,
    LinkRelation,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.store.database import Database
from coproduce.ui.commands import DataChanges
from coproduce.ui.context import WindowContext
from coproduce.ui.journeys.document_view import DocumentJourneysView
from coproduce.ui.journeys.person_view import PersonJourneysView

TODAY = date(2026, 3, 3)
MARCH_FIRST = datetime(2026, 2, 1, 14, 0)


@dataclass
class Council:
    services: Services
    ann: Person = field(init=False)
    bob: Person = field(init=False)
    strategy: Document = field(init=False)
    housing: Section = field(init=False)
    said: dict[str, Contribution] = field(default_factory=dict)

    def __post_init__(self) -> None:
        s = self.services
        group = s.groups.create(Group(name="Carers' reference group"))
        self.ann = s.people.create(Person(display_name="Ann Patel"))
        self.bob = s.people.create(Person(display_name="Bob Reid"))
        s.people.record_consent(
            Consent(
                person_id=self.ann.id,
                purpose=ConsentPurpose.QUOTED_BY_NAME,
                state=ConsentState.GIVEN,
                on=date(2026, 1, 2),
            )
        )
        self.meeting = s.meetings.create(
            Meeting(
                group_id=group.id,
                title="February session",
                starts_at=MARCH_FIRST,
                ends_at=MARCH_FIRST + timedelta(hours=2),
            )
        )
        for person in (self.ann, self.bob):
            s.meetings.mark_attendance(
                self.meeting.id, person.id, AttendanceStatus.PRESENT, is_guest=True
            )
        self.strategy = s.documents.create(Document(title="Carers strategy"))
        self.housing = s.documents.add_section(
            Section(document_id=self.strategy.id, heading="Housing", number="1")
        )
        self.say("Adviser", self.ann, section=True)
        self.say("Bus passes", self.bob, section=False)
        s.contributions.respond(
            Response(
                contribution_id=self.said["Adviser"].id,
                status=ResponseStatus.CHANGED_DOCUMENT,
                section_id=self.housing.id,
                text="We added a housing adviser.",
                decided_on=date(2026, 2, 11),
                fed_back_on=date(2026, 2, 20),
                fed_back_how=FeedbackMethod.LETTER,
            )
        )

    def say(self, text: str, speaker: Person, *, section: bool) -> None:
        contribution = self.services.contributions.add(
            Contribution(
                meeting_id=self.meeting.id,
                text=text,
                attribution=Attribution.PERSON,
                speaker_id=speaker.id,
            )
        )
        self.services.contributions.link(
            Link(
                contribution_id=contribution.id,
                document_id=self.strategy.id,
                section_id=self.housing.id if section else None,
                relation=LinkRelation.QUOTED,
            )
        )
        self.said[text] = contribution


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    return Services(sqlite_database, actor="Test Facilitator", today=lambda: TODAY)


@pytest.fixture
def council(services: Services) -> Council:
    return Council(services)


@pytest.fixture
def context(services: Services) -> WindowContext:
    return WindowContext(services, QUndoStack(), DataChanges())


def shown(qtbot: QtBot, widget: DocumentJourneysView | PersonJourneysView) -> None:
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def figures_shown(view: DocumentJourneysView) -> dict[str, str]:
    labels = (
        view.contributions_figure,
        view.responded_figure,
        view.fed_back_figure,
        view.median_figure,
        view.oldest_figure,
    )
    return {str(label.property("caption")): label.text() for label in labels}


def test_the_document_view_shows_figures_and_each_section_with_what_was_said(
    qtmodeltester: ModelTester, qtbot: QtBot, context: WindowContext, council: Council
) -> None:
    view = DocumentJourneysView(context)
    shown(qtbot, view)
    view.show_document(council.strategy)

    figures = council.services.journeys.document_figures(council.strategy.id)
    assert (figures.contributions, figures.responded, figures.fed_back) == (2, 1, 1)
    assert figures_shown(view) == {
        "Contributions": "2",
        "Responded": "1 (50%)",
        "Fed back": "1 (50%)",
        "Median days to a response": "10",
        "Oldest still unanswered": "30 days, “Bus passes”",
    }
    assert view.responded_figure.accessibleName() == "Responded: 1 (50%)"
    model = view.model
    sections = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert sections == [
        "The whole document (1 contribution)",
        "1 Housing (1 contribution)",
    ]
    whole, housing = model.index(0, 0), model.index(1, 0)
    assert [model.index(0, c, whole).data() for c in range(5)] == [
        "Bus passes",
        GROUP_MEMBER,  # Bob never agreed to be named
        "February session, 1 Feb 2026",
        "Not answered yet",
        "Not yet",
    ]
    assert [model.index(0, c, housing).data() for c in range(5)] == [
        "Adviser",
        "Ann Patel",
        "February session, 1 Feb 2026",
        "Changed the document (1 Housing)",
        "20 Feb 2026, Letter",
    ]
    qtmodeltester.check(model)


def test_the_chosen_contribution_is_shown_below_with_its_links_and_response(
    qtbot: QtBot, context: WindowContext, council: Council
) -> None:
    view = DocumentJourneysView(context)
    shown(qtbot, view)
    view.show_document(council.strategy)
    view.tree.setFocus()
    view.tree.setCurrentIndex(view.model.index(0, 0))
    panel = view.panel

    # Down: the whole document's contribution; Down, Down: past the Housing heading to Ann's.
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    assert panel.said_label.text() == "“Bus passes”"
    assert panel.source_label.text() == f"{GROUP_MEMBER} · Idea · February session, 1 Feb 2026"
    assert panel.response.fields.status_field.currentText() == "Not answered yet"
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    assert panel.contribution is None  # a section's heading is no contribution
    assert not panel.response_box.isEnabled()
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    assert panel.said_label.text() == "“Adviser”"
    assert panel.source_label.text().startswith("Ann Patel · ")
    links = panel.links.model
    assert [links.index(0, c).data() for c in range(2)] == [
        "1 Housing, in Carers strategy",
        "Quoted",
    ]
    fields = panel.response.fields
    assert fields.status_field.currentText() == "Changed the document"
    assert fields.section_field.currentText() == "1 Housing"
    assert fields.text_field.toPlainText() == "We added a housing adviser."
    assert fields.fed_back_how_field.currentText() == "Letter"


def test_the_document_view_follows_a_response_recorded_elsewhere(
    qtbot: QtBot, context: WindowContext, council: Council
) -> None:
    view = DocumentJourneysView(context)
    shown(qtbot, view)
    view.show_document(council.strategy)

    council.services.contributions.respond(
        Response(
            contribution_id=council.said["Bus passes"].id,
            status=ResponseStatus.ALREADY_HAPPENING,
            decided_on=date(2026, 2, 21),
        )
    )
    context.changes.changed.emit("response")

    assert figures_shown(view)["Responded"] == "2 (100%)"
    assert figures_shown(view)["Median days to a response"] == "15"  # 10 and 20 days
    assert figures_shown(view)["Oldest still unanswered"] == "–"
    whole = view.model.index(0, 0)
    assert view.model.index(0, 3, whole).data() == "Already happening"


def test_a_document_nobody_talked_about_says_so(
    qtbot: QtBot, context: WindowContext, council: Council
) -> None:
    quiet = council.services.documents.create(Document(title="Transport plan"))
    view = DocumentJourneysView(context)
    shown(qtbot, view)

    view.show_document(quiet)

    assert figures_shown(view)["Contributions"] == "0"
    assert figures_shown(view)["Responded"] == "–"
    assert view.empty_note.isVisible()
    assert "Nothing the groups said is linked to this document yet" in view.empty_note.text()
    assert view.model.rowCount() == 1  # the whole document, empty


def test_the_person_view_lists_their_ideas_with_what_happened(
    qtmodeltester: ModelTester, qtbot: QtBot, context: WindowContext, council: Council
) -> None:
    view = PersonJourneysView(context)
    shown(qtbot, view)
    view.show_person(council.ann)

    assert view.summary.text() == "1 contribution recorded; 1 answered; 1 fed back to them."
    model = view.model
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(5)] == [
        "Adviser",
        "February session, 1 Feb 2026",
        "Carers strategy, 1 Housing",
        "Changed the document (1 Housing)",
        "20 Feb 2026, Letter",
    ]
    qtmodeltester.check(model)

    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert "We added a housing adviser." in view.story.toPlainText()


def test_the_person_view_shows_new_ideas_as_they_are_recorded(
    qtbot: QtBot, context: WindowContext, council: Council
) -> None:
    view = PersonJourneysView(context)
    shown(qtbot, view)
    view.show_person(council.bob)
    assert view.model.rowCount() == 1

    council.services.contributions.add(
        Contribution(
            meeting_id=council.meeting.id,
            text="Later buses",
            attribution=Attribution.PERSON,
            speaker_id=council.bob.id,
        )
    )
    context.changes.changed.emit("contribution")

    assert view.model.rowCount() == 2
    assert view.model.index(0, 0).data() == "Later buses"  # newest first
    assert view.model.index(0, 2).data() == "Not linked to a document yet"
    assert view.summary.text() == "2 contributions recorded; 0 answered; 0 fed back to them."

    quiet = council.services.people.create(Person(display_name="Cara Quiet"))
    view.show_person(quiet)
    assert view.summary.text() == "Nothing they said has been recorded yet."
    view.show_person(None)
    assert view.model.rowCount() == 0
