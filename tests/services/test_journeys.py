"""Journeys of contributions and a document's figures, on both databases.

The figures are checked against values worked out by hand below from data made through the
services, the way a facilitator would make it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.attribution import GROUP_MEMBER, WHOLE_GROUP
from coproduce.domain.errors import NotFoundError
from coproduce.domain.records import (
    AgendaItem,
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
from coproduce.services.journeys import WHOLE_DOCUMENT

JANUARY = datetime(2026, 1, 10, 10, 0)
FEBRUARY = datetime(2026, 2, 1, 14, 0)
TODAY = date(2026, 3, 3)


@dataclass
class Council:
    services: Services
    ann: Person
    bob: Person
    january: Meeting
    february: Meeting
    item: AgendaItem
    strategy: Document
    housing: Section
    money: Section
    other: Document
    said: dict[str, Contribution]

    def say(
        self,
        key: str,
        meeting: Meeting,
        speaker: Person | None,
        *,
        attribution: Attribution = Attribution.PERSON,
        links: tuple[Section | Document, ...] = (),
    ) -> Contribution:
        contribution = self.services.contributions.add(
            Contribution(
                meeting_id=meeting.id,
                text=f"Contribution {key}",
                attribution=attribution,
                speaker_id=speaker.id if speaker else None,
                agenda_item_id=self.item.id if meeting is self.january else None,
            )
        )
        for target in links:
            if isinstance(target, Section):
                link = Link(
                    contribution_id=contribution.id,
                    document_id=target.document_id,
                    section_id=target.id,
                    relation=LinkRelation.QUOTED,
                )
            else:
                link = Link(contribution_id=contribution.id, document_id=target.id)
            self.services.contributions.link(link)
        self.said[key] = contribution
        return contribution

    def respond(self, key: str, status: ResponseStatus, **fields: object) -> Response:
        return self.services.contributions.respond(
            Response(contribution_id=self.said[key].id, status=status, **fields)  # type: ignore[arg-type]
        )


def make_council(services: Services) -> Council:
    group = services.groups.create(Group(name="Carers' reference group"))
    ann = services.people.create(Person(display_name="Ann Patel"))
    bob = services.people.create(Person(display_name="Bob Reid"))
    services.people.record_consent(
        Consent(
            person_id=ann.id,
            purpose=ConsentPurpose.QUOTED_BY_NAME,
            state=ConsentState.GIVEN,
            on=date(2026, 1, 2),
        )
    )
    sessions = []
    for title, starts in (("January session", JANUARY), ("February session", FEBRUARY)):
        meeting = services.meetings.create(
            Meeting(
                group_id=group.id,
                title=title,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
        )
        for person in (ann, bob):
            services.meetings.mark_attendance(
                meeting.id, person.id, AttendanceStatus.PRESENT, is_guest=True
            )
        sessions.append(meeting)
    january, february = sessions
    item = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=january.id, title="Carers strategy draft")
    )
    strategy = services.documents.create(Document(title="Carers strategy"))
    housing = services.documents.add_section(
        Section(document_id=strategy.id, heading="Housing", number="1")
    )
    money = services.documents.add_section(
        Section(document_id=strategy.id, heading="Money", number="2")
    )
    other = services.documents.create(Document(title="Transport plan"))
    return Council(services, ann, bob, january, february, item, strategy, housing, money, other, {})


@pytest.fixture
def council(services: Services) -> Council:
    """Six contributions; five about the carers strategy, with responses in every state."""
    c = make_council(services)
    c.say("c1", c.january, c.ann, links=(c.housing,))
    c.say("c2", c.january, c.bob, links=(c.strategy, c.money))
    c.say("c6", c.january, c.ann, links=(c.other,))
    c.say("c3", c.february, c.ann, attribution=Attribution.ANONYMOUS, links=(c.money,))
    c.say("c4", c.february, None, attribution=Attribution.WHOLE_GROUP, links=(c.housing,))
    c.say("c5", c.february, c.ann, links=(c.housing,))
    c.respond(
        "c1",
        ResponseStatus.CHANGED_DOCUMENT,
        section_id=c.housing.id,
        text="We added a housing adviser for carers.",
        decided_by="Strategy board",
        decided_on=date(2026, 1, 20),  # 10 days after the January session
        fed_back_on=date(2026, 1, 25),
        fed_back_how=FeedbackMethod.LETTER,
    )
    c.respond(
        "c2", ResponseStatus.ALREADY_HAPPENING, decided_on=date(2026, 2, 13)
    )  # 34 days after January
    c.respond(  # under consideration is not an answer, but it was fed back
        "c3",
        ResponseStatus.UNDER_CONSIDERATION,
        fed_back_on=date(2026, 2, 5),
        fed_back_how=FeedbackMethod.AT_SESSION,
    )
    c.respond(
        "c5", ResponseStatus.NOT_TAKEN_FORWARD, reason="No budget", decided_on=date(2026, 2, 15)
    )  # 14 days after February
    c.respond("c6", ResponseStatus.ALREADY_HAPPENING, decided_on=date(2026, 1, 11))
    return c


def test_document_figures_match_what_was_worked_out_by_hand(council: Council) -> None:
    figures = council.services.journeys.document_figures(council.strategy.id, TODAY)

    # c1..c5 are about the strategy (c2 twice, counted once); c6 is about another document.
    assert figures.contributions == 5
    assert figures.responded == 3  # c1, c2, c5; c3 is only under consideration, c4 nothing
    assert figures.responded_share == pytest.approx(3 / 5)
    assert figures.fed_back == 2  # c1 by letter, c3 at a session
    assert figures.fed_back_share == pytest.approx(2 / 5)
    assert figures.median_days_to_response == 14.0  # waits 10, 14, 34
    # c3 and c4 are unanswered, both from February; c3 was said first.
    assert figures.oldest_unanswered is not None
    assert figures.oldest_unanswered.id == council.said["c3"].id
    assert figures.oldest_unanswered_days == (TODAY - FEBRUARY.date()).days == 30


def test_median_of_an_even_count_is_the_mean_of_the_middle_two(council: Council) -> None:
    council.respond(
        "c4", ResponseStatus.OUTSIDE_SCOPE, referred_to="Housing team", decided_on=date(2026, 2, 21)
    )  # 20 days after February: waits 10, 14, 20, 34

    figures = council.services.journeys.document_figures(council.strategy.id, TODAY)

    assert figures.median_days_to_response == (14 + 20) / 2 == 17.0
    assert figures.responded == 4
    # Only c3 is left unanswered.
    assert figures.oldest_unanswered is not None
    assert figures.oldest_unanswered.id == council.said["c3"].id


def test_a_document_with_nothing_responded_yet(services: Services) -> None:
    c = make_council(services)
    c.say("first", c.january, c.ann, links=(c.housing,))
    c.say("second", c.february, c.bob, links=(c.strategy,))

    figures = services.journeys.document_figures(c.strategy.id, TODAY)

    assert (figures.contributions, figures.responded, figures.fed_back) == (2, 0, 0)
    assert figures.responded_share == 0.0
    assert figures.fed_back_share == 0.0
    assert figures.median_days_to_response is None
    assert figures.oldest_unanswered is not None
    assert figures.oldest_unanswered.id == c.said["first"].id
    assert figures.oldest_unanswered_days == (TODAY - JANUARY.date()).days == 52


def test_a_document_nobody_talked_about_has_no_shares(services: Services) -> None:
    c = make_council(services)

    figures = services.journeys.document_figures(c.other.id, TODAY)

    assert figures.contributions == 0
    assert figures.responded_share is None
    assert figures.fed_back_share is None
    assert figures.median_days_to_response is None
    assert figures.oldest_unanswered is None
    assert figures.oldest_unanswered_days is None


def test_document_journeys_are_grouped_by_section_with_the_whole_document_first(
    council: Council,
) -> None:
    groups = council.services.journeys.document_journeys(council.strategy.id)

    said = {c.id: key for key, c in council.said.items()}
    assert [(g.title, [said[j.contribution.id] for j in g.journeys]) for g in groups] == [
        (WHOLE_DOCUMENT, ["c2"]),
        ("1 Housing", ["c1", "c4", "c5"]),
        ("2 Money", ["c2", "c3"]),
    ]
    assert [g.section_id for g in groups] == [None, council.housing.id, council.money.id]


def test_each_journey_tells_the_whole_story(council: Council) -> None:
    groups = council.services.journeys.document_journeys(council.strategy.id)
    c1 = groups[1].journeys[0]

    assert c1.contribution.text == "Contribution c1"
    assert (c1.session_title, c1.session_date) == ("January session", JANUARY.date())
    assert c1.agenda_item == "Carers strategy draft"
    assert c1.speaker == "Ann Patel"  # she agreed to be quoted by name
    assert [(link.place, link.relation) for link in c1.links] == [
        ("Carers strategy, 1 Housing", LinkRelation.QUOTED)
    ]
    assert c1.status is ResponseStatus.CHANGED_DOCUMENT
    assert c1.is_answered
    assert c1.response_text == "We added a housing adviser for carers."
    assert c1.changed_section == "1 Housing"
    assert (c1.decided_by, c1.decided_on) == ("Strategy board", date(2026, 1, 20))
    assert (c1.fed_back_on, c1.fed_back_how) == (date(2026, 1, 25), FeedbackMethod.LETTER)

    c2 = groups[0].journeys[0]
    assert c2.speaker == GROUP_MEMBER  # Bob never agreed to be named
    assert [link.place for link in c2.links] == [
        "Carers strategy (the whole document)",
        "Carers strategy, 2 Money",
    ]
    c4 = groups[1].journeys[1]
    assert c4.speaker == WHOLE_GROUP
    assert c4.agenda_item == ""
    assert c4.status is ResponseStatus.NOT_ANSWERED
    assert c4.response.id is None
    assert not c4.is_answered


def test_names_disappear_when_consent_is_withdrawn(council: Council) -> None:
    council.services.people.record_consent(
        Consent(
            person_id=council.ann.id,
            purpose=ConsentPurpose.QUOTED_BY_NAME,
            state=ConsentState.WITHDRAWN,
            on=date(2026, 2, 20),
        )
    )

    groups = council.services.journeys.document_journeys(council.strategy.id)

    assert {j.speaker for g in groups for j in g.journeys} == {GROUP_MEMBER, WHOLE_GROUP}


def test_a_person_sees_what_happened_to_each_of_their_ideas_newest_first(
    council: Council,
) -> None:
    journeys = council.services.journeys.person_journeys(council.ann.id)

    said = {c.id: key for key, c in council.said.items()}
    # February first (c5 said after c3), then January (c6 after c1).
    assert [said[j.contribution.id] for j in journeys] == ["c5", "c3", "c6", "c1"]
    c6 = journeys[2]
    assert [link.place for link in c6.links] == ["Transport plan (the whole document)"]
    assert c6.status is ResponseStatus.ALREADY_HAPPENING
    assert journeys[1].speaker == GROUP_MEMBER  # recorded as anonymous: stays anonymous
    assert journeys[3].fed_back_on == date(2026, 1, 25)


def test_someone_who_said_nothing_has_no_journeys(council: Council) -> None:
    quiet = council.services.people.create(Person(display_name="Cara Quiet"))

    assert council.services.journeys.person_journeys(quiet.id) == []


def test_unknown_document_or_person_is_reported(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.journeys.document_journeys(999_999)
    with pytest.raises(NotFoundError):
        services.journeys.document_figures(999_999, TODAY)
    with pytest.raises(NotFoundError):
        services.journeys.person_journeys(999_999)


def test_a_session_still_to_come_counts_in_no_figure_and_no_wait_is_negative(
    council: Council,
) -> None:
    """A session from next month run early (its contributions typed and answered today) gave
    "Median days to a response: -29": what has not happened yet counts nowhere."""
    services = council.services
    april = services.meetings.create(
        Meeting(
            group_id=council.january.group_id,
            title="April session",
            starts_at=datetime(2026, 4, 1, 10, 0),
            ends_at=datetime(2026, 4, 1, 12, 0),
        )
    )
    council.say(
        "future", april, None, attribution=Attribution.WHOLE_GROUP, links=(council.housing,)
    )
    council.respond("future", ResponseStatus.ALREADY_HAPPENING, decided_on=TODAY)
    council.say(
        "waiting", april, None, attribution=Attribution.WHOLE_GROUP, links=(council.housing,)
    )

    figures = services.journeys.document_figures(council.strategy.id, TODAY)

    # Exactly the figures of the council without April (the first test's).
    assert figures.contributions == 5
    assert figures.responded == 3
    assert figures.median_days_to_response == 14.0  # waits 10, 14, 34: not -29
    assert figures.oldest_unanswered is not None
    assert figures.oldest_unanswered.id == council.said["c3"].id
    # On the day of the April session it has happened, and counts.
    on_the_day = services.journeys.document_figures(council.strategy.id, date(2026, 4, 1))
    assert on_the_day.contributions == 7
    assert on_the_day.responded == 4
    # The journeys still list it: nothing typed is hidden.
    listed = {
        j.contribution.id
        for g in services.journeys.document_journeys(council.strategy.id)
        for j in g.journeys
    }
    assert council.said["future"].id in listed


def test_a_decision_dated_later_is_not_a_wait_yet_and_one_dated_before_its_session_is_0_days(
    council: Council,
) -> None:
    council.respond(  # decided before the February session took place: 0 days, not -7
        "c4", ResponseStatus.OUTSIDE_SCOPE, referred_to="Housing team", decided_on=date(2026, 1, 25)
    )
    council.say("c7", council.february, council.bob, links=(council.money,))
    council.respond(  # the board meets next week: not a wait until then
        "c7", ResponseStatus.ALREADY_HAPPENING, decided_on=date(2026, 3, 10)
    )

    figures = council.services.journeys.document_figures(council.strategy.id, TODAY)

    assert figures.median_days_to_response == 12.0  # waits 0, 10, 14, 34
    assert figures.median_days_to_response >= 0
