"""A session's easy-read summary through the real services: what a person with a learning
disability reads. Only a held session gets one; the past tense for what happened; online and
phone meetings worded as such; every answer says what happened and why; thanks acknowledged;
decisions say what was decided; actions in date order with who will do them; consent kept."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from docx_rules import (
    DATE_IN_WORDS,
    NUMERIC_DATE,
    appears_anywhere,
    assert_easy_read_rules,
    assert_every_sentence_passes,
    full_text,
    render,
    reopen,
)
from report_data import HIDDEN, NAMED, REFUSED, Made, make_session

from coproduce.documents.easy_read import Built, build_easy_read
from coproduce.domain.errors import ValidationError
from coproduce.domain.records import Action, AgendaItem, Contribution, Meeting, Person, Response
from coproduce.domain.vocabulary import (
    ActionStatus,
    Attribution,
    ContributionKind,
    MeetingStatus,
    ResponseStatus,
    Role,
)
from coproduce.services import Services

TODAY = date.today()


def summary_of(services: Services, meeting_id: int, tmp_path: Path) -> tuple[Built, str]:
    built = build_easy_read(services.handouts.session_summary(meeting_id), render)
    target = built.save(tmp_path / f"summary-{meeting_id}.docx", force=True)
    # One paragraph a line, as a reader meets them (no empty lines between table rows).
    return built, re.sub(r"\n+", "\n", full_text(reopen(target)))


def say(
    services: Services,
    made: Made,
    text: str,
    *,
    kind: ContributionKind = ContributionKind.IDEA,
    easy: str = "",
    status: ResponseStatus | None = None,
    answer: str = "",
    answer_easy: str = "",
    reason: str = "",
    referred_to: str = "",
    name: str | None = NAMED,
) -> Contribution:
    contribution = services.contributions.add(
        Contribution(
            meeting_id=made.session.id,  # type: ignore[arg-type]
            text=text,
            easy_read=easy,
            kind=kind,
            attribution=Attribution.PERSON if name else Attribution.WHOLE_GROUP,
            speaker_id=made.people[name].id if name else None,
            in_summary=True,
        )
    )
    if status is not None:
        services.contributions.respond(
            Response(
                contribution_id=contribution.id,  # type: ignore[arg-type]
                status=status,
                text=answer,
                easy_read=answer_easy,
                reason=reason,
                referred_to=referred_to,
                decided_on=TODAY - timedelta(days=1),
            )
        )
    return contribution


def test_the_summary_follows_every_rule_and_every_sentence_passes(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    built, text = summary_of(services, made.session.id, tmp_path)  # type: ignore[arg-type]
    day = made.session.starts_at.date()
    from coproduce.documents.docx_base import date_in_words

    target = tmp_path / f"summary-{made.session.id}.docx"
    assert_easy_read_rules(
        target, f"Easy read summary of our meeting: Carers' Forum, {date_in_words(day)}"
    )
    terms = services.glossary.terms()
    assert assert_every_sentence_passes(reopen(target), terms) > 20
    assert built.estimated_pages <= 12
    assert DATE_IN_WORDS.search(text) and not NUMERIC_DATE.search(text)


def test_names_appear_only_with_consent_to_be_quoted_by_name(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    _built, text = summary_of(services, made.session.id, tmp_path)  # type: ignore[arg-type]
    target = tmp_path / f"summary-{made.session.id}.docx"
    assert f"These people came:\n{NAMED}" not in text  # not everyone present agreed
    assert f"Some of the people who came:\n{NAMED}" in text
    assert f"{NAMED} said:" in text
    assert "4 people came." in text
    assert "1 person told us they could not come." in text
    assert "A group member said:" in text
    assert "The whole group decided:" in text
    for name in HIDDEN:
        assert appears_anywhere(target, name) == [], name
        for part in name.split():
            assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text), part
    # The earlier session's answer, not yet fed back, is told at this one, with its day.
    assert "We wrote an easy read safeguarding leaflet." in text
    assert "You told us this on" in text


def test_only_a_held_session_gets_a_summary(services: Services) -> None:
    made = make_session(services)
    with pytest.raises(ValidationError, match="has not been held yet"):
        services.handouts.session_summary(made.next_session.id)  # type: ignore[arg-type]
    cancelled = services.meetings.set_status(
        made.next_session.id,  # type: ignore[arg-type]
        MeetingStatus.CANCELLED,
    )
    with pytest.raises(ValidationError, match="cancelled"):
        services.handouts.session_summary(cancelled.id)  # type: ignore[arg-type]
    # Marked held by mistake while still in the future: still refused.
    future = services.meetings.create(
        replace(made.next_session, id=None, version=0, status=MeetingStatus.HELD, title="Later")
    )
    with pytest.raises(ValidationError, match="has not been held yet"):
        services.handouts.session_summary(future.id)  # type: ignore[arg-type]


def test_the_agenda_is_told_in_the_past_tense(services: Services, tmp_path: Path) -> None:
    made = make_session(services)
    sid: int = made.session.id  # type: ignore[assignment]
    services.meetings.add_agenda_item(
        AgendaItem(meeting_id=sid, title="Buses", easy_read="We will look at the new bus times.")
    )
    services.meetings.add_agenda_item(AgendaItem(meeting_id=sid, title="Money and support"))
    services.meetings.add_agenda_item(
        AgendaItem(meeting_id=sid, title="Garden", easy_read="We will paint the fence.")
    )
    _built, text = summary_of(services, sid, tmp_path)
    assert "We talked about short breaks for carers." in text  # written "We will talk ..."
    assert "We looked at the new bus times." in text
    assert "We talked about money and support." in text  # from the title alone
    assert "We planned to paint the fence." in text  # no guess at a past form
    assert "We will look at" not in text and "We will talk about" not in text


@pytest.mark.parametrize(
    ("place", "link", "expected"),
    [
        ("Online", "", "We met online."),
        ("", "https://meet.example/abc", "We met online."),
        ("Teams call", "", "We met online."),
        ("By phone", "", "We met by phone."),
        ("Town Hall, Room 2", "", "We met at Town Hall, Room 2."),
    ],
)
def test_where_the_group_met_is_worded_as_a_person_would(
    services: Services, tmp_path: Path, place: str, link: str, expected: str
) -> None:
    made = make_session(services)
    meeting = services.meetings.get(made.session.id)  # type: ignore[arg-type]
    services.meetings.update(replace(meeting, place=place, online_link=link))
    _built, text = summary_of(services, meeting.id, tmp_path)  # type: ignore[arg-type]
    assert expected in text
    assert "We met at Online" not in text
    assert "The meeting was from 10am to 12 noon." in text


def test_the_date_and_the_head_count_are_said_once(services: Services, tmp_path: Path) -> None:
    made = make_session(services)
    from coproduce.documents.docx_base import date_in_words

    _built, text = summary_of(services, made.session.id, tmp_path)  # type: ignore[arg-type]
    day = date_in_words(made.session.starts_at.date())
    assert text.count(day) == 1
    assert text.count("4 people came.") == 1


def test_every_answer_says_what_happened_and_why(services: Services, tmp_path: Path) -> None:
    made = make_session(services)
    say(
        services, made, "Put a lift in the day centre.", easy="We want a lift at the centre.",
        status=ResponseStatus.NOT_TAKEN_FORWARD,
        reason="The building is rented and the landlord will not allow it.",
        answer_easy="We cannot put in a lift.\nThe building is not ours.",
    )  # fmt: skip
    say(
        services, made, "Why are the forms so long?", kind=ContributionKind.QUESTION,
        easy="Why are the forms so long?", status=ResponseStatus.ALREADY_HAPPENING,
        answer_easy="The law asks for some things.\nWe are making the form shorter.",
    )  # fmt: skip
    say(
        services, made, "Fix the potholes outside.", easy="The road outside is bad.",
        status=ResponseStatus.OUTSIDE_SCOPE, referred_to="the highways team",
    )  # fmt: skip
    say(services, made, "Thank you for the large print.", kind=ContributionKind.PRAISE,
        easy="Thank you for the large print letters.")  # fmt: skip
    say(services, made, "Meetings move to Tuesdays.", kind=ContributionKind.DECISION,
        easy="We will meet on Tuesdays from now on.", name=None)  # fmt: skip
    _built, text = summary_of(services, made.session.id, tmp_path)  # type: ignore[arg-type]
    assert (
        "We want a lift at the centre.\nWe cannot do this now. This is why:\n"
        "We cannot put in a lift.\nThe building is not ours." in text
    )
    assert f"{NAMED} asked:\nWhy are the forms so long?\nOur answer:\n" in text
    assert "We passed this on:\nWe passed it to the highways team." in text
    assert (
        "Thank you for the large print letters.\nThank you. We will pass this on to the team."
        in text
    )
    thanks = text.index("Thank you for the large print letters.")
    assert "We have not answered" not in text[thanks : thanks + 200]
    assert "The whole group decided:\nWe will meet on Tuesdays from now on." in text


def test_an_answer_without_easy_words_waits_and_is_listed(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    officer = say(
        services, made, "Short breaks.", easy="We want short breaks.",
        status=ResponseStatus.ALREADY_HAPPENING,
        answer="Section 3.2 (Short breaks) now commits to a 28-day assessment; see appendix.",
    )  # fmt: skip
    built, text = summary_of(services, made.session.id, tmp_path)  # type: ignore[arg-type]
    assert "We want short breaks." not in text and "Section 3.2" not in text
    [need] = [n for n in built.left_out if n.text.startswith("Section 3.2")]
    response = services.contributions.response_of(officer.id)  # type: ignore[arg-type]
    assert need.origin.record_id == response.id
    assert not need.origin.written


def test_actions_come_in_date_order_with_who_will_do_them(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    sid: int = made.session.id  # type: ignore[assignment]
    staff = services.people.create(Person(display_name="Priya Shah", roles=frozenset({Role.STAFF})))
    services.actions.create(
        Action(meeting_id=sid, text="Book the room.", owner_id=staff.id,
               due_on=TODAY + timedelta(days=2))
    )  # fmt: skip
    services.actions.create(
        Action(meeting_id=sid, text="Print the leaflet.", due_on=TODAY + timedelta(days=30),
               easy_read="We will print the leaflet.")
    )  # fmt: skip
    done = services.actions.create(Action(meeting_id=sid, text="Ring the café."))
    services.actions.update(replace(done, status=ActionStatus.DONE, done_on=TODAY))
    _built, text = summary_of(services, sid, tmp_path)
    from coproduce.documents.docx_base import date_in_words

    part = text[text.index("What happens next") :]
    # Staff are named in their job; a participant who refused to be named is not.
    assert f"Priya Shah will do this by {date_in_words(TODAY + timedelta(days=2))}." in part
    assert "A group member will do this by" in part  # the refusing owner (report_data)
    assert REFUSED not in text
    assert f"We will do this by {date_in_words(TODAY + timedelta(days=30))}." in part
    assert "Ring the café.\nThis is done now." in part
    order = [part.index(t) for t in ("Book the room.", "Ask the transport team", "We will print")]
    assert order == sorted(order)


def test_the_next_meeting_is_told_only_while_it_is_still_to_come(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    _built, text = summary_of(services, made.session.id, tmp_path)  # type: ignore[arg-type]
    assert "Our next meeting is on" in text
    assert "It will be in the same place." in text
    # The next one moved to yesterday: the summary no longer promises it.
    moved = services.meetings.get(made.next_session.id)  # type: ignore[arg-type]
    yesterday = datetime.combine(TODAY - timedelta(days=1), moved.starts_at.time())
    services.meetings.update(
        replace(moved, starts_at=yesterday, ends_at=yesterday + timedelta(hours=2))
    )
    _built, text = summary_of(services, made.session.id, tmp_path)  # type: ignore[arg-type]
    assert "Our next meeting is on" not in text and "Next meeting" not in text


def test_the_facilitators_choice_is_kept_and_the_rest_counted(
    services: Services, tmp_path: Path
) -> None:
    made = make_session(services)
    for n in range(6):
        services.contributions.add(
            Contribution(
                meeting_id=made.session.id,  # type: ignore[arg-type]
                text=f"Idea {n} not chosen.",
                easy_read=f"Idea {n} is about buses.",
            )
        )
    _built, text = summary_of(services, made.session.id, tmp_path)  # type: ignore[arg-type]
    assert "is about buses." not in text
    assert "You told us 6 other things too." in text


def test_without_a_choice_a_selection_is_proposed(services: Services, tmp_path: Path) -> None:
    made = make_session(services)
    meeting: Meeting = services.meetings.get(made.session.id)  # type: ignore[arg-type]
    from coproduce.services.contributions import ContributionFilter

    for c in services.contributions.list(ContributionFilter(meeting_id=meeting.id)).items:
        services.contributions.update(replace(c, in_summary=False))
    built, text = summary_of(services, meeting.id, tmp_path)  # type: ignore[arg-type]
    assert "The whole group decided:" in text  # decisions first
    assert "The bus to the day centre is often late." in text
    assert built.estimated_pages <= 12


def test_the_demo_summaries_name_nobody_without_consent(services: Services, tmp_path: Path) -> None:
    from coproduce.domain.vocabulary import ConsentPurpose
    from coproduce.services.demo import build_demo

    build_demo(services.database, "small")
    people = services.people.list().items
    consenting = services.people.consenting(
        ConsentPurpose.QUOTED_BY_NAME,
        [p.id for p in people],  # type: ignore[misc]
    )
    hidden = [
        p.display_name
        for p in people
        if p.id not in consenting and not (p.roles and p.roles <= {Role.STAFF, Role.FACILITATOR})
    ]
    assert hidden and consenting
    checked = 0
    for meeting in services.meetings.list().items:
        if meeting.status in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED):
            continue
        built = build_easy_read(services.handouts.session_summary(meeting.id), render)  # type: ignore[arg-type]
        target = built.save(tmp_path / f"{meeting.id}.docx")
        for name in hidden:
            assert appears_anywhere(target, name) == [], (meeting.title, name)
        checked += 1
    assert checked >= 3


def test_the_cover_shows_a_meeting_or_the_picture_chosen_for_the_session(
    services: Services,
) -> None:
    made = make_session(services)
    sid: int = made.session.id  # type: ignore[assignment]
    meeting = services.meetings.get(sid)
    # Words about care and support must not put a wheelchair on the cover.
    services.meetings.update(replace(meeting, easy_read="We met to make care and support better."))
    assert services.handouts.session_summary(sid).cover.picture.concept == "meeting"
    from coproduce.domain.vocabulary import RowKind

    services.pictures.set_row_concept(RowKind.SESSION, sid, "bus")
    assert services.handouts.session_summary(sid).cover.picture.concept == "bus"
