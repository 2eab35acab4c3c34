"""Drift: the latest assessment below the plan, or lower than the one before it."""

from __future__ import annotations

from datetime import date

from coproduce.domain.ladder import RungOnDate, drift
from coproduce.domain.records import LadderAssessment
from coproduce.domain.vocabulary import LadderRung

R = LadderRung


def mark(rung: LadderRung, month: int, by_participants: bool = False) -> RungOnDate:
    return RungOnDate(rung, date(2026, month, 1), by_participants)


def test_no_history_or_on_plan_is_no_drift() -> None:
    assert drift(R.CO_DESIGN, []) is None
    assert drift(R.CO_DESIGN, [mark(R.CONSULTATION, 1), mark(R.CO_DESIGN, 3)]) is None
    assert drift(R.CO_DESIGN, [mark(R.CO_PRODUCTION, 3)]) is None
    assert drift(None, [mark(R.INFORMING, 1), mark(R.INFORMING, 2)]) is None


def test_below_the_plan_says_by_how_much() -> None:
    found = drift(R.CO_DESIGN, [mark(R.CONSULTATION, 3)])
    assert found is not None
    assert found.below_plan and not found.fell
    assert found.message == (
        "The latest assessment (Consultation, 1 March 2026) is 2 rungs below the plan "
        "(Co-design). Check whether people can still change the outcome."
    )


def test_falling_from_the_one_before_is_drift_even_without_a_plan() -> None:
    found = drift(None, [mark(R.CO_DESIGN, 1), mark(R.ENGAGEMENT, 4)])
    assert found is not None
    assert found.fell and not found.below_plan
    assert found.previous == mark(R.CO_DESIGN, 1)
    assert found.message.startswith(
        "It fell from Co-design (1 January 2026) to Engagement (1 April 2026)."
    )


def test_below_plan_and_fallen_says_both() -> None:
    found = drift(R.CO_PRODUCTION, [mark(R.CO_DESIGN, 1), mark(R.ENGAGEMENT, 4)])
    assert found is not None
    assert found.below_plan and found.fell
    assert "one rung" not in found.message
    assert "2 rungs below the plan (Co-production)" in found.message
    assert "It also fell from Co-design (1 January 2026) to Engagement." in found.message


def test_a_climb_after_a_fall_is_no_longer_drift() -> None:
    history = [mark(R.CO_DESIGN, 1), mark(R.CONSULTATION, 2), mark(R.ENGAGEMENT, 3)]
    assert drift(R.ENGAGEMENT, history) is None


def test_participants_rating_lower_than_staff_is_not_a_fall() -> None:
    history = [mark(R.CO_DESIGN, 1), mark(R.ENGAGEMENT, 2, by_participants=True)]
    assert drift(R.ENGAGEMENT, history) is None
    # ...but participants' own rating falling is.
    history.append(mark(R.CONSULTATION, 3, by_participants=True))
    found = drift(R.CONSULTATION, history)
    assert found is not None and found.fell
    assert found.previous == mark(R.ENGAGEMENT, 2, by_participants=True)
    assert found.message.startswith("It fell from Engagement")
    below = drift(R.CO_DESIGN, history)
    assert below is not None
    assert below.message.startswith("The participants' assessment (Consultation")


def test_assessment_records_are_read_as_they_are() -> None:
    records = [
        LadderAssessment(document_id=1, rung=R.CO_DESIGN, assessed_on=date(2026, 1, 5)),
        LadderAssessment(document_id=1, rung=R.INFORMING, assessed_on=date(2026, 2, 5)),
    ]
    found = drift(R.ENGAGEMENT, records)
    assert found is not None
    assert found.below_plan and found.fell
    assert "one rung" not in found.message
    assert "2 rungs below the plan (Engagement)" in found.message
    one_below = drift(R.CONSULTATION, records[1:])
    assert one_below is not None and "one rung below the plan" in one_below.message
