"""Ladder-of-co-production assessments through the real services, on both databases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.errors import ConflictError, NotFoundError, ValidationError
from coproduce.domain.records import (
    Contribution,
    Document,
    Group,
    LadderAssessment,
    Meeting,
    Person,
    replace,
)
from coproduce.domain.vocabulary import LadderRung, Role
from coproduce.services import Services


def a_session(services: Services) -> Meeting:
    group = services.groups.create(Group(name="Lived-experience reference group"))
    starts = datetime(2026, 1, 14, 13, 0)
    with services.store.transaction() as unit:
        return unit.meetings.add(
            Meeting(
                group_id=group.id,
                title="January session",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
        )


def assessment(document: Document, rung: LadderRung, on: date, **more: object) -> LadderAssessment:
    return LadderAssessment(
        document_id=document.id,  # type: ignore[arg-type]
        rung=rung,
        assessed_on=on,
        assessor_name="Co-production lead",
        **more,  # type: ignore[arg-type]
    )


def test_history_is_oldest_first_whatever_order_it_was_entered(services: Services) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    services.ladder.assess(assessment(document, LadderRung.ENGAGEMENT, date(2026, 6, 1)))
    services.ladder.assess(assessment(document, LadderRung.INFORMING, date(2025, 9, 1)))
    services.ladder.assess(assessment(document, LadderRung.CONSULTATION, date(2026, 1, 15)))
    services.ladder.assess(assessment(document, LadderRung.CO_DESIGN, date(2026, 6, 1)))

    history = services.ladder.history(document.id)
    assert [(a.assessed_on, a.rung) for a in history] == [
        (date(2025, 9, 1), LadderRung.INFORMING),
        (date(2026, 1, 15), LadderRung.CONSULTATION),
        (date(2026, 6, 1), LadderRung.ENGAGEMENT),
        (date(2026, 6, 1), LadderRung.CO_DESIGN),
    ]
    assert services.ladder.latest(document.id) == history[-1]


def test_a_document_never_assessed_has_no_latest_assessment(services: Services) -> None:
    document = services.documents.create(Document(title="New policy"))
    assert services.ladder.latest(document.id) is None
    assert services.ladder.history(document.id) == []
    with pytest.raises(NotFoundError):
        services.ladder.history(9999)


def test_the_planned_rung_is_kept_on_the_document_and_copied_into_assessments(
    services: Services,
) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    updated = services.ladder.set_planned_rung(document.id, LadderRung.CO_PRODUCTION)
    assert services.documents.get(document.id).planned_rung is LadderRung.CO_PRODUCTION
    first = services.ladder.assess(assessment(document, LadderRung.CONSULTATION, date(2026, 2, 1)))
    assert first.planned_rung is LadderRung.CO_PRODUCTION

    services.ladder.set_planned_rung(document.id, LadderRung.CO_DESIGN)
    services.ladder.assess(assessment(document, LadderRung.ENGAGEMENT, date(2026, 5, 1)))
    services.ladder.assess(
        assessment(
            document, LadderRung.ENGAGEMENT, date(2026, 7, 1), planned_rung=LadderRung.ENGAGEMENT
        )
    )
    assert [a.planned_rung for a in services.ladder.history(document.id)] == [
        LadderRung.CO_PRODUCTION,
        LadderRung.CO_DESIGN,
        LadderRung.ENGAGEMENT,
    ]

    with pytest.raises(ConflictError):  # a stale version from before the last change
        services.ladder.set_planned_rung(document.id, None, expected_version=updated.version)
    cleared = services.ladder.set_planned_rung(document.id, None)
    assert services.documents.get(document.id).planned_rung is None
    assert cleared.planned_rung is None


def test_evidence_sessions_and_contributions_are_kept_with_the_assessment(
    services: Services,
) -> None:
    document = services.documents.create(Document(title="Transport policy"))
    session = a_session(services)
    idea = services.contributions.add(Contribution(meeting_id=session.id, text="Buses on Sunday"))
    worry = services.contributions.add(Contribution(meeting_id=session.id, text="Taxi cards"))
    assessor = services.people.create(
        Person(display_name="Dee Expert", roles=frozenset({Role.EXPERT_BY_EXPERIENCE}))
    )
    saved = services.ladder.assess(
        assessment(
            document,
            LadderRung.CO_DESIGN,
            date(2026, 2, 1),
            assessor_id=assessor.id,
            assessor_is_participant=True,
            evidence="The group wrote section 4 with officers.",
            rationale="They were there from the start but did not decide the budget.",
            evidence_meeting_ids=(session.id,),
            evidence_contribution_ids=(worry.id, idea.id),
        )
    )
    again = services.ladder.get(saved.id)
    assert again == saved
    assert again.evidence_meeting_ids == (session.id,)
    assert again.evidence_contribution_ids == tuple(sorted((idea.id, worry.id)))
    assert (again.assessor_id, again.assessor_is_participant) == (assessor.id, True)


def test_evidence_that_does_not_exist_is_refused(services: Services) -> None:
    document = services.documents.create(Document(title="Transport policy"))
    with pytest.raises(ValidationError, match="sessions given as evidence") as error:
        services.ladder.assess(
            assessment(
                document, LadderRung.ENGAGEMENT, date(2026, 2, 1), evidence_meeting_ids=(77,)
            )
        )
    assert error.value.field == "evidence_meeting_ids"
    with pytest.raises(ValidationError) as error:
        services.ladder.assess(
            assessment(
                document,
                LadderRung.ENGAGEMENT,
                date(2026, 2, 1),
                evidence_contribution_ids=(88,),
            )
        )
    assert error.value.field == "evidence_contribution_ids"
    with pytest.raises(NotFoundError, match="Document 4242"):
        services.ladder.assess(
            LadderAssessment(
                document_id=4242,
                rung=LadderRung.INFORMING,
                assessed_on=date(2026, 2, 1),
                assessor_name="Lead",
            )
        )
    assert services.ladder.history(document.id) == []


def test_an_assessment_needs_an_assessor_and_a_date_not_in_the_future(
    services: Services,
) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    with pytest.raises(ValidationError) as error:
        services.ladder.assess(
            LadderAssessment(
                document_id=document.id, rung=LadderRung.INFORMING, assessed_on=date(2026, 2, 1)
            )
        )
    assert error.value.field == "assessor_name"
    with pytest.raises(ValidationError) as error:
        services.ladder.assess(
            assessment(document, LadderRung.INFORMING, date.today() + timedelta(days=1))
        )
    assert error.value.field == "assessed_on"


def test_an_assessment_is_corrected_and_deleted(services: Services) -> None:
    document = services.documents.create(Document(title="Carers' strategy"))
    saved = services.ladder.assess(assessment(document, LadderRung.INFORMING, date(2026, 2, 1)))
    corrected = services.ladder.update(
        replace(saved, rung=LadderRung.CONSULTATION, rationale="We asked for views in March.")
    )
    assert services.ladder.get(saved.id) == corrected
    with pytest.raises(ConflictError):
        services.ladder.update(replace(saved, rung=LadderRung.COERCION))
    other = services.documents.create(Document(title="Another document"))
    with pytest.raises(ValidationError) as error:
        services.ladder.update(replace(corrected, document_id=other.id))
    assert error.value.field == "document_id"

    services.ladder.delete(saved.id)
    assert services.ladder.history(document.id) == []
    services.documents.delete(document.id)  # no assessments hold it any more
