"""Guided answers, evidence (responses too), participants' and staff ratings, and drifting
work, through the real services on both databases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.errors import ValidationError
from coproduce.domain.ladder import Answer, drift
from coproduce.domain.records import (
    AgendaItem,
    Contribution,
    Document,
    Group,
    LadderAssessment,
    Link,
    Meeting,
    Response,
    replace,
)
from coproduce.domain.vocabulary import DocumentStatus, LadderRung, ResponseStatus
from coproduce.services import Services
from coproduce.services.demo import build_demo

R = LadderRung


def a_session(services: Services, group_name: str = "Carers' forum", day: int = 14) -> Meeting:
    group = services.groups.create(Group(name=group_name))
    starts = datetime(2026, 1, day, 13, 0)
    with services.store.transaction() as unit:
        return unit.meetings.add(
            Meeting(
                group_id=group.id,
                title=f"{group_name} in January",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
        )


def assessment(document: Document, rung: LadderRung, on: date, **more: object) -> LadderAssessment:
    more.setdefault("assessor_name", "Co-production lead")
    return LadderAssessment(
        document_id=document.id,  # type: ignore[arg-type]
        rung=rung,
        assessed_on=on,
        **more,  # type: ignore[arg-type]
    )


ENGAGEMENT_ANSWERS = (
    ("from_start", "no"),
    ("change_outcome", "partly"),
    ("told_outcome", "yes"),
    ("asked_views", "yes"),
)


def test_answers_and_the_suggestion_are_stored_and_read_back(services: Services) -> None:
    document = services.documents.create(Document(title="Short breaks review"))
    # Given out of order, with a suggestion the caller made up: both are put right.
    saved = services.ladder.assess(
        assessment(
            document,
            R.ENGAGEMENT,
            date(2026, 3, 1),
            answers=tuple(reversed(ENGAGEMENT_ANSWERS)),
            suggested_rung=R.CO_PRODUCTION,
        )
    )
    assert saved.suggested_rung is R.ENGAGEMENT
    assert saved.answers == ENGAGEMENT_ANSWERS
    assert services.ladder.get(saved.id) == saved
    # Corrected without the questions: the suggestion goes with them.
    corrected = services.ladder.update(replace(saved, answers=()))
    assert (corrected.answers, corrected.suggested_rung) == ((), None)


def test_choosing_another_rung_than_suggested_needs_a_reason(services: Services) -> None:
    document = services.documents.create(Document(title="Short breaks review"))
    chosen = assessment(document, R.CO_DESIGN, date(2026, 3, 1), answers=ENGAGEMENT_ANSWERS)
    with pytest.raises(ValidationError) as refused:
        services.ladder.assess(chosen)
    assert refused.value.field == "rationale"
    assert "suggest Engagement" in refused.value.message
    assert services.ladder.history(document.id) == []

    reason = "The group rewrote the eligibility section with us."
    saved = services.ladder.assess(replace(chosen, rationale=reason))
    assert (saved.rung, saved.suggested_rung, saved.rationale) == (
        R.CO_DESIGN,
        R.ENGAGEMENT,
        reason,
    )
    with pytest.raises(ValidationError) as refused_again:
        services.ladder.update(replace(saved, rationale=""))
    assert refused_again.value.field == "rationale"


def test_unknown_answers_are_refused(services: Services) -> None:
    document = services.documents.create(Document(title="Short breaks review"))
    with pytest.raises(ValidationError) as refused:
        services.ladder.assess(
            assessment(document, R.ENGAGEMENT, date(2026, 3, 1), answers=(("agenda", "maybe"),))
        )
    assert refused.value.field == "answers"


def test_responses_are_evidence_and_can_be_chosen_from_the_documents_own(
    services: Services,
) -> None:
    document = services.documents.create(Document(title="Transport policy"))
    elsewhere = services.documents.create(Document(title="Something else"))
    session = a_session(services)
    quiet = a_session(services, "Reference group", day=20)
    idea = services.contributions.add(Contribution(meeting_id=session.id, text="Buses on Sunday"))
    other = services.contributions.add(Contribution(meeting_id=quiet.id, text="Parking"))
    services.contributions.link(Link(contribution_id=idea.id, document_id=document.id))
    services.contributions.link(Link(contribution_id=other.id, document_id=elsewhere.id))
    response = services.contributions.respond(
        Response(
            contribution_id=idea.id,
            status=ResponseStatus.ALREADY_HAPPENING,
            text="Sunday buses started in May.",
        )
    )
    services.contributions.respond(
        Response(contribution_id=other.id, status=ResponseStatus.ALREADY_HAPPENING)
    )
    with services.store.transaction() as unit:
        unit.agenda_items.add(
            AgendaItem(meeting_id=quiet.id, title="Transport", document_ids=(document.id,))
        )

    choices = services.ladder.evidence_choices(document.id)
    assert [s.id for s in choices.sessions] == [quiet.id, session.id]  # newest first
    assert [c.id for c in choices.contributions] == [idea.id]
    assert [r.id for r in choices.responses] == [response.id]

    saved = services.ladder.assess(
        assessment(
            document,
            R.ENGAGEMENT,
            date(2026, 3, 1),
            evidence_meeting_ids=(session.id,),
            evidence_contribution_ids=(idea.id,),
            evidence_response_ids=(response.id,),
        )
    )
    again = services.ladder.get(saved.id)
    assert again.evidence_response_ids == (response.id,)
    assert again == saved
    without = services.ladder.update(replace(again, evidence_response_ids=()))
    assert services.ladder.get(saved.id).evidence_response_ids == ()
    assert without.version > again.version  # only the evidence changed, and still it counts

    with pytest.raises(ValidationError) as refused:
        services.ladder.assess(
            assessment(document, R.ENGAGEMENT, date(2026, 3, 1), evidence_response_ids=(999,))
        )
    assert refused.value.field == "evidence_response_ids"


def test_participants_and_staff_ratings_are_both_kept(services: Services) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    staff = services.ladder.assess(assessment(document, R.CO_DESIGN, date(2026, 3, 1)))
    participants = services.ladder.assess(
        assessment(
            document,
            R.CONSULTATION,
            date(2026, 3, 1),
            assessor_name="Carers' forum members",
            assessor_is_participant=True,
        )
    )
    history = services.ladder.history(document.id)
    assert history == [staff, participants]
    assert [a.assessor_is_participant for a in history] == [False, True]
    # A different view is not a fall: the work has not drifted.
    assert services.ladder.drift(document.id) is None


def test_a_deleted_assessment_can_be_put_back(services: Services) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    saved = services.ladder.assess(
        assessment(document, R.ENGAGEMENT, date(2026, 3, 1), answers=ENGAGEMENT_ANSWERS)
    )
    deleted = services.ladder.delete(saved.id, saved.version)
    assert services.ladder.history(document.id) == []
    restored = services.ladder.restore(deleted)
    assert replace(restored, version=0) == replace(saved, version=0)
    assert services.ladder.history(document.id) == [restored]


def test_drifting_work_is_listed_with_what_happened(services: Services) -> None:
    below = services.documents.create(Document(title="Advocacy plan"))
    fell = services.documents.create(Document(title="bus pass policy"))
    climbing = services.documents.create(Document(title="Carers' strategy"))
    archived = services.documents.create(Document(title="Old plan"))
    never = services.documents.create(Document(title="Unassessed"))
    services.ladder.set_planned_rung(below.id, R.CO_PRODUCTION)
    services.ladder.set_planned_rung(never.id, R.CO_PRODUCTION)
    services.ladder.set_planned_rung(archived.id, R.CO_PRODUCTION)
    services.ladder.assess(assessment(below, R.CO_DESIGN, date(2026, 1, 1)))
    services.ladder.assess(assessment(fell, R.CO_DESIGN, date(2026, 1, 1)))
    services.ladder.assess(assessment(fell, R.CONSULTATION, date(2026, 4, 1)))
    # Entered later but dated earlier: the latest is still the consultation.
    services.ladder.assess(assessment(fell, R.CO_PRODUCTION, date(2025, 12, 1)))
    services.ladder.assess(assessment(climbing, R.CONSULTATION, date(2026, 1, 1)))
    services.ladder.assess(assessment(climbing, R.ENGAGEMENT, date(2026, 4, 1)))
    services.ladder.assess(assessment(archived, R.INFORMING, date(2026, 1, 1)))
    services.documents.archive(archived.id)

    drifting = services.ladder.drifting()
    assert [(w.title, w.drift.below_plan, w.drift.fell) for w in drifting] == [
        ("Advocacy plan", True, False),
        ("bus pass policy", False, True),
    ]
    assert drifting[0].drift.message.startswith(
        "The latest assessment (Co-design, 1 January 2026) is one rung below the plan "
        "(Co-production)."
    )
    assert drifting[1].drift.message.startswith(
        "It fell from Co-design (1 January 2026) to Consultation (1 April 2026)."
    )
    assert services.ladder.drift(fell.id) == drifting[1].drift


def test_drifting_work_of_one_group(services: Services) -> None:
    ours = services.documents.create(Document(title="Discussed by us"))
    on_agenda = services.documents.create(Document(title="On our agenda"))
    theirs = services.documents.create(Document(title="Discussed elsewhere"))
    session = a_session(services, "Our group")
    elsewhere = a_session(services, "Their group")
    said = services.contributions.add(Contribution(meeting_id=session.id, text="Too slow"))
    services.contributions.link(Link(contribution_id=said.id, document_id=ours.id))
    said_there = services.contributions.add(Contribution(meeting_id=elsewhere.id, text="Hmm"))
    services.contributions.link(Link(contribution_id=said_there.id, document_id=theirs.id))
    with services.store.transaction() as unit:
        unit.agenda_items.add(
            AgendaItem(meeting_id=session.id, title="Plans", document_ids=(on_agenda.id,))
        )
    for document in (ours, on_agenda, theirs):
        services.ladder.set_planned_rung(document.id, R.CO_DESIGN)
        services.ladder.assess(assessment(document, R.INFORMING, date(2026, 2, 1)))

    assert [w.title for w in services.ladder.drifting(session.group_id)] == [
        "Discussed by us",
        "On our agenda",
    ]
    assert [w.title for w in services.ladder.drifting(elsewhere.group_id)] == [
        "Discussed elsewhere"
    ]
    assert len(services.ladder.drifting()) == 3


def test_drifting_on_the_demo_data_matches_each_documents_own_history(
    services: Services,
) -> None:
    build_demo(services.database, "small")
    expected = []
    for document_id in services.documents.ids():
        document = services.documents.get(document_id)
        if document.status is DocumentStatus.ARCHIVED:
            continue
        found = drift(document.planned_rung, services.ladder.history(document_id))
        if found is not None:
            expected.append((document.title, found))
    expected.sort(key=lambda pair: pair[0].lower())

    drifting = services.ladder.drifting()
    assert [(w.title, w.drift) for w in drifting] == expected
    assert drifting, "the demo has work that drifted below its plan"
    assert any(w.drift.below_plan for w in drifting)


def test_answers_use_the_words_the_questions_offer() -> None:
    assert {a.value for a in Answer} == {"yes", "partly", "no", "dont_know"}
