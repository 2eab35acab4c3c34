"""The guided questions suggest a rung and say why: each combination of answers that moves
the suggestion, and the reasons a facilitator reads."""

from __future__ import annotations

import pytest

from coproduce.domain.errors import ValidationError
from coproduce.domain.ladder import (
    QUESTIONS,
    Answer,
    answer_pairs,
    answers_from,
    check_rung_choice,
    suggest_rung,
)
from coproduce.domain.vocabulary import LadderRung

Y, P, N, DK = Answer.YES, Answer.PARTLY, Answer.NO, Answer.DONT_KNOW

EVERYTHING = {
    "agenda": Y,
    "from_start": Y,
    "change_outcome": Y,
    "shared_decisions": Y,
    "deliver_review": Y,
    "paid_supported": Y,
    "told_outcome": Y,
    "asked_views": Y,
    "told_why": Y,
}


def with_(**changes: Answer) -> dict[str, Answer]:
    return {**EVERYTHING, **changes}


def test_every_question_is_a_plain_question_with_help() -> None:
    assert len({q.key for q in QUESTIONS}) == len(QUESTIONS)
    for question in QUESTIONS:
        assert question.text.endswith("?")
        assert question.help
    assert [a.label for a in Answer] == ["Yes", "Partly", "No", "Don't know"]


def test_all_yes_is_co_production_and_says_why() -> None:
    suggestion = suggest_rung(EVERYTHING)
    assert suggestion.rung is LadderRung.CO_PRODUCTION
    assert len(suggestion.reasons) == 1
    reason = suggestion.reasons[0]
    assert reason.startswith("Co-production, because")
    for part in (
        "they helped set the agenda",
        "they were there from the start",
        "they could change the outcome",
        "they shared the decisions as equals",
        "they helped deliver and review the work",
        "they were paid and supported to take part",
    ):
        assert part in reason


def test_partly_paid_and_supported_is_still_co_production() -> None:
    suggestion = suggest_rung(with_(paid_supported=P))
    assert suggestion.rung is LadderRung.CO_PRODUCTION
    assert "they were only partly paid and supported to take part" in suggestion.reasons[0]


@pytest.mark.parametrize(
    ("key", "answer", "said"),
    [
        ("paid_supported", N, "they were not paid and supported to take part"),
        ("shared_decisions", N, "they did not share the decisions as equals"),
        ("shared_decisions", P, "they shared only some of the decisions"),
        ("deliver_review", N, "they did not help deliver and review the work"),
        ("agenda", P, "they only partly helped set the agenda"),
        ("told_outcome", P, "they were told what happened to only some of their ideas"),
    ],
)
def test_what_co_production_needs_and_co_design_does_not(
    key: str, answer: Answer, said: str
) -> None:
    suggestion = suggest_rung(with_(**{key: answer}))
    assert suggestion.rung is LadderRung.CO_DESIGN
    assert suggestion.reasons[1] == f"Not Co-production, because {said}."


def test_joining_after_the_start_is_at_most_engagement() -> None:
    suggestion = suggest_rung(with_(from_start=N))
    assert suggestion.rung is LadderRung.ENGAGEMENT
    assert suggestion.reasons[1] == "Not Co-design, because they were not there from the start."
    assert suggest_rung(with_(from_start=P)).rung is LadderRung.ENGAGEMENT


def test_not_helping_set_the_agenda_is_at_most_engagement() -> None:
    suggestion = suggest_rung(with_(agenda=N))
    assert suggestion.rung is LadderRung.ENGAGEMENT
    assert "they did not help set the agenda" in suggestion.reasons[1]


def test_changing_only_part_of_the_outcome_is_engagement() -> None:
    suggestion = suggest_rung(with_(change_outcome=P))
    assert suggestion.rung is LadderRung.ENGAGEMENT
    assert suggestion.reasons[0] == (
        "Engagement, because they could change only part of the outcome and they were "
        "told what happened to their ideas."
    )
    assert suggestion.reasons[1] == (
        "Not Co-design, because they could change only part of the outcome."
    )


@pytest.mark.parametrize("others", [EVERYTHING, {"asked_views": Y}])
def test_could_not_change_the_outcome_is_at_most_consultation(
    others: dict[str, Answer],
) -> None:
    suggestion = suggest_rung({**others, "change_outcome": N})
    assert suggestion.rung is LadderRung.CONSULTATION
    assert suggestion.reasons[0] == "Consultation, because they were asked for their views."
    assert suggestion.reasons[1] == "Not Engagement, because they could not change the outcome."


def test_not_told_what_happened_to_their_ideas_is_at_most_consultation() -> None:
    suggestion = suggest_rung({"change_outcome": Y, "told_outcome": N})
    assert suggestion.rung is LadderRung.CONSULTATION
    assert suggestion.reasons == [
        "Consultation, because they could change the outcome.",
        "Not Engagement, because they were not told what happened to their ideas.",
    ]


def test_told_why_but_not_asked_is_informing() -> None:
    suggestion = suggest_rung({"told_why": Y, "asked_views": N, "change_outcome": N})
    assert suggestion.rung is LadderRung.INFORMING
    assert suggestion.reasons == [
        "Informing, because they were told what was planned and why.",
        "Not Consultation, because they were not asked for their views.",
    ]


def test_told_only_part_of_why_is_educating() -> None:
    suggestion = suggest_rung({"told_why": P, "asked_views": N})
    assert suggestion.rung is LadderRung.EDUCATING
    assert suggestion.reasons[0] == (
        "Educating, because they were told only part of what was planned and why."
    )


def test_neither_told_nor_asked_is_coercion() -> None:
    suggestion = suggest_rung({"told_why": N, "asked_views": N, "change_outcome": N})
    assert suggestion.rung is LadderRung.COERCION
    assert suggestion.reasons == [
        "Coercion, because they were not told what was planned and why and they were not "
        "asked for their views: they attended only to hear what had been decided."
    ]


def test_dont_know_never_counts_towards_a_rung_and_is_named() -> None:
    suggestion = suggest_rung(with_(shared_decisions=DK, deliver_review=DK))
    assert suggestion.rung is LadderRung.CO_DESIGN
    assert suggestion.reasons[-1] == (
        "You don't know whether they shared the decisions as equals or helped deliver and "
        "review the work: finding out could make it Co-production."
    )
    # A question left out is the same as "don't know".
    left_out = {
        k: a for k, a in EVERYTHING.items() if k not in ("shared_decisions", "deliver_review")
    }
    assert suggest_rung(left_out) == suggestion


def test_too_little_known_gives_no_suggestion() -> None:
    suggestion = suggest_rung({q.key: DK for q in QUESTIONS})
    assert suggestion.rung is None
    assert "Not enough is known" in suggestion.reasons[0]
    # Not told why, but whether they were asked is unknown: Coercion is not claimed.
    assert suggest_rung({"told_why": N}).rung is None


def test_stored_answers_are_read_back_and_checked() -> None:
    pairs = answer_pairs({"told_why": Y, "agenda": P})
    assert pairs == (("agenda", "partly"), ("told_why", "yes"))  # in the questions' order
    assert answers_from(pairs) == {"agenda": P, "told_why": Y}
    assert suggest_rung(pairs).rung is LadderRung.INFORMING
    with pytest.raises(ValidationError) as unknown_question:
        answers_from([("mood", "yes")])
    assert unknown_question.value.field == "answers"
    with pytest.raises(ValidationError, match="yes, partly, no or don't know"):
        answers_from([("agenda", "maybe")])


def test_choosing_another_rung_needs_a_reason() -> None:
    with pytest.raises(ValidationError) as refused:
        check_rung_choice(LadderRung.CO_DESIGN, LadderRung.ENGAGEMENT, "  ")
    assert refused.value.field == "rationale"
    assert "suggest Engagement" in refused.value.message
    assert "you chose Co-design" in refused.value.message
    check_rung_choice(LadderRung.CO_DESIGN, LadderRung.ENGAGEMENT, "The board agreed it.")
    check_rung_choice(LadderRung.ENGAGEMENT, LadderRung.ENGAGEMENT, "")
    check_rung_choice(LadderRung.CO_DESIGN, None, "")
