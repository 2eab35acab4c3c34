"""The ladder's guided questions, the rung they suggest and why, and drift from the plan.

A facilitator assessing a piece of work answers a short set of questions (yes, partly, no or
don't know). ``suggest_rung`` turns the answers into a rung and the reasons for it, so the
judgement can be checked and argued with; the facilitator confirms it or chooses another rung
and says why (``check_rung_choice``). ``drift`` says, in plain words, when a piece of work has
slipped: its latest assessment is below its planned rung, or lower than the one before.

How a rung is suggested (the rules a co-production lead would apply). Each rung asks for
some answers; the suggestion is the highest rung whose every requirement is met:

- **Co-production (7)**: everything Co-design asks, and people set the agenda (yes), shared
  the decisions as equals (yes), helped deliver and review the work (yes), were told what
  happened to their ideas (yes), and were paid and supported to take part (yes or partly):
  people who are not paid or supported to take part are not equal partners.
- **Co-design (6)**: everything Engagement asks, and people were there from the start (yes),
  helped set the agenda (yes or partly) and could change the outcome (yes). Joining after the
  work was shaped means at most Engagement.
- **Engagement (5)**: people could change the outcome (yes or partly) and were told what
  happened to their ideas (yes or partly): a two-way conversation that influenced something.
  Could not change the outcome means at most Consultation.
- **Consultation (4)**: people were asked for their views (yes or partly), or could change
  the outcome (which needs asking them).
- **Informing (3)**: people were told what was planned and why (yes), but not asked.
- **Educating (2)**: people were told only part of what was planned and why (partly): helped
  to understand and accept plans rather than to shape them.
- **Coercion (1)**: people were neither told why (no) nor asked (no): they attended only to
  hear what had been decided.

"Don't know" never counts towards a rung (nothing is claimed that is not known); when it
stands between the work and the rung above, the reasons say so, because finding out could
change the suggestion. When so little is known that even the lowest rungs cannot be told
apart (not known whether people were told why, nor whether they were asked), there is no
suggestion and the facilitator chooses.

The reasons name what placed the work on its rung and what kept it from the rung above.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from coproduce.domain.calendar_words import long_date
from coproduce.domain.errors import ValidationError
from coproduce.domain.vocabulary import LadderRung


class Answer(Enum):
    """An answer to one guided question (the value is the code stored)."""

    label: str

    def __new__(cls, code: str, label: str) -> Answer:
        member = object.__new__(cls)
        member._value_ = code
        member.label = label
        return member

    YES = ("yes", "Yes")
    PARTLY = ("partly", "Partly")
    NO = ("no", "No")
    DONT_KNOW = ("dont_know", "Don't know")


@dataclass(frozen=True, slots=True)
class Question:
    """One guided question: its key (stored with the answers), the question as asked, and a
    line of help saying what a "yes" looks like."""

    key: str
    text: str
    help: str
    about: str
    """What the question is about, to finish a sentence: "they were there from the start"."""
    not_about: str
    """The same, negated: "they were not there from the start"."""
    partly: str
    """The same, in part: "only some of them were there from the start"."""


QUESTIONS: tuple[Question, ...] = (
    Question(
        "agenda",
        "Did people with lived experience help set the agenda?",
        "They chose or shaped what the work is about and the questions it asks.",
        "they helped set the agenda",
        "they did not help set the agenda",
        "they only partly helped set the agenda",
    ),
    Question(
        "from_start",
        "Were they there from the start?",
        "They were involved before anything was decided, not brought in to react to a draft.",
        "they were there from the start",
        "they were not there from the start",
        "only some of them were there from the start",
    ),
    Question(
        "change_outcome",
        "Could they change the outcome?",
        "Something they said could, and did, change what was decided or done.",
        "they could change the outcome",
        "they could not change the outcome",
        "they could change only part of the outcome",
    ),
    Question(
        "shared_decisions",
        "Did they share the decisions with staff as equals?",
        "They were in the room, with an equal say, when the decisions were made.",
        "they shared the decisions as equals",
        "they did not share the decisions as equals",
        "they shared only some of the decisions",
    ),
    Question(
        "deliver_review",
        "Did they help deliver and review the work?",
        "They helped put it into practice and looked back at how it went.",
        "they helped deliver and review the work",
        "they did not help deliver and review the work",
        "they helped with only part of delivering and reviewing the work",
    ),
    Question(
        "paid_supported",
        "Were they paid and supported to take part?",
        "Involvement payments or expenses, and their access and communication needs met.",
        "they were paid and supported to take part",
        "they were not paid and supported to take part",
        "they were only partly paid and supported to take part",
    ),
    Question(
        "told_outcome",
        "Were they told what happened to their ideas?",
        "They heard back what was done with what they said (You said, we did).",
        "they were told what happened to their ideas",
        "they were not told what happened to their ideas",
        "they were told what happened to only some of their ideas",
    ),
    Question(
        "asked_views",
        "Were they asked for their views?",
        "Someone asked what they thought before the decisions were made.",
        "they were asked for their views",
        "they were not asked for their views",
        "they were asked for their views on only part of the work",
    ),
    Question(
        "told_why",
        "Were they told what was planned and why?",
        "They were given the plans and the reasons for them, in a way they could use.",
        "they were told what was planned and why",
        "they were not told what was planned and why",
        "they were told only part of what was planned and why",
    ),
)
"""The guided questions, in the order they are asked."""

QUESTION_KEYS: frozenset[str] = frozenset(q.key for q in QUESTIONS)
_BY_KEY: dict[str, Question] = {q.key: q for q in QUESTIONS}

_SOME = frozenset({Answer.YES, Answer.PARTLY})
_YES = frozenset({Answer.YES})


@dataclass(frozen=True, slots=True)
class _Requirement:
    key: str
    accepted: frozenset[Answer]


def _needs(key: str, accepted: frozenset[Answer]) -> _Requirement:
    return _Requirement(key, accepted)


# What each rung asks, on top of what is listed for it alone (see the module docstring).
_ENGAGEMENT = (_needs("change_outcome", _SOME), _needs("told_outcome", _SOME))
_CO_DESIGN = (
    *_ENGAGEMENT,
    _needs("from_start", _YES),
    _needs("agenda", _SOME),
    _needs("change_outcome", _YES),
)
_CO_PRODUCTION = (
    *_CO_DESIGN,
    _needs("agenda", _YES),
    _needs("shared_decisions", _YES),
    _needs("deliver_review", _YES),
    _needs("told_outcome", _YES),
    _needs("paid_supported", _SOME),
)
_RUNG_NEEDS: dict[LadderRung, tuple[tuple[_Requirement, ...], ...]] = {
    # Each rung: alternatives (any one of them will do), each a list of requirements.
    LadderRung.CO_PRODUCTION: (_CO_PRODUCTION,),
    LadderRung.CO_DESIGN: (_CO_DESIGN,),
    LadderRung.ENGAGEMENT: (_ENGAGEMENT,),
    LadderRung.CONSULTATION: ((_needs("asked_views", _SOME),), (_needs("change_outcome", _SOME),)),
    LadderRung.INFORMING: ((_needs("told_why", _YES),),),
    LadderRung.EDUCATING: ((_needs("told_why", frozenset({Answer.PARTLY})),),),
}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The rung the answers point to (None when too little is known) and why, in sentences
    a facilitator can read out."""

    rung: LadderRung | None
    reasons: list[str]


def answers_from(pairs: Iterable[tuple[str, str]]) -> dict[str, Answer]:
    """Stored ``(question key, answer code)`` pairs as a mapping; refuses unknown keys/codes."""
    answers: dict[str, Answer] = {}
    for key, code in pairs:
        if key not in QUESTION_KEYS:
            raise ValidationError(f"There is no guided question called {key!r}.", "answers")
        try:
            answers[key] = Answer(code)
        except ValueError:
            raise ValidationError(
                f"{code!r} is not an answer to a guided question: use yes, partly, no or "
                "don't know.",
                "answers",
            ) from None
    return answers


def answer_pairs(answers: Mapping[str, Answer]) -> tuple[tuple[str, str], ...]:
    """The answers as stored: ``(key, code)`` pairs in the questions' order."""
    return tuple((q.key, answers[q.key].value) for q in QUESTIONS if q.key in answers)


def _said(key: str, answer: Answer) -> str:
    question = _BY_KEY[key]
    if answer is Answer.YES:
        return question.about
    if answer is Answer.PARTLY:
        return question.partly
    return question.not_about


def _meets(answers: Mapping[str, Answer], requirements: Sequence[_Requirement]) -> bool:
    return all(answers.get(r.key, Answer.DONT_KNOW) in r.accepted for r in requirements)


def _met(answers: Mapping[str, Answer], rung: LadderRung) -> Sequence[_Requirement] | None:
    """The requirements by which ``rung`` is met, or None when it is not."""
    for alternative in _RUNG_NEEDS.get(rung, ((),)):
        if _meets(answers, alternative):
            return alternative
    return None


def _unique(requirements: Iterable[_Requirement]) -> list[_Requirement]:
    """Requirements with one per question (the strictest), in the questions' order."""
    strictest: dict[str, _Requirement] = {}
    for requirement in requirements:
        held = strictest.get(requirement.key)
        if held is None or len(requirement.accepted) < len(held.accepted):
            strictest[requirement.key] = requirement
    return [strictest[q.key] for q in QUESTIONS if q.key in strictest]


def suggest_rung(answers: Mapping[str, Answer] | Iterable[tuple[str, str]]) -> Suggestion:
    """The rung the guided answers suggest and the reasons (rules in the module docstring).

    ``answers`` maps question keys to answers (or is stored ``(key, code)`` pairs); a question
    left out counts as "don't know"."""
    if not isinstance(answers, Mapping):
        answers = answers_from(answers)
    known = {k: a for k, a in answers.items() if a is not Answer.DONT_KNOW}
    rung = next(
        (r for r in sorted(_RUNG_NEEDS, reverse=True) if _met(known, r) is not None),
        LadderRung.COERCION,
    )
    if rung is LadderRung.COERCION and not (
        known.get("told_why") is Answer.NO and known.get("asked_views") is Answer.NO
    ):
        return Suggestion(
            None,
            [
                "Not enough is known to suggest a rung. Answer at least whether people were "
                "told what was planned and why, and whether they were asked for their views."
            ],
        )

    if rung is LadderRung.COERCION:
        # Nothing above it is met, and what would lift it to Educating is the same answer.
        return Suggestion(
            rung,
            [
                "Coercion, because they were not told what was planned and why and they were "
                "not asked for their views: they attended only to hear what had been decided."
            ],
        )
    met = _met(known, rung) or ()
    because = [_said(r.key, known[r.key]) for r in _unique(met)]
    reasons = [f"{rung.label}, because " + _join(because) + "."]

    above = LadderRung(rung + 1) if rung < LadderRung.CO_PRODUCTION else None
    if above is not None:
        # The alternative closest to being met names what is missing for the rung above.
        alternatives = _RUNG_NEEDS[above]
        missing = min(
            (
                [r for r in _unique(alt) if known.get(r.key) not in r.accepted]
                for alt in alternatives
            ),
            key=len,
        )
        blocking = [r for r in missing if r.key in known]
        unknown = [r for r in missing if r.key not in known]
        if blocking:
            said = [_said(r.key, known[r.key]) for r in blocking]
            reasons.append(f"Not {above.label}, because " + _join(said) + ".")
        if unknown:
            questions = [_BY_KEY[r.key].about.replace("they ", "", 1) for r in unknown]
            reasons.append(
                f"You don't know whether they {_join(questions, 'or')}: finding out could "
                f"make it {above.label}."
            )
    return Suggestion(rung, reasons)


def _join(parts: Sequence[str], last: str = "and") -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {last} {parts[-1]}"


def check_rung_choice(rung: LadderRung, suggested: LadderRung | None, rationale: str) -> None:
    """A rung other than the suggested one needs a reason (in the rationale)."""
    if suggested is not None and rung != suggested and not rationale.strip():
        raise ValidationError(
            f"The questions suggest {suggested.label}, and you chose {rung.label}. Say why in "
            "the rationale, so others can see the reason.",
            "rationale",
        )


# --- drift ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RungOnDate:
    """One assessment as drift needs it: the rung, the date, and whether participants (rather
    than staff) made it."""

    rung: LadderRung
    assessed_on: date
    by_participants: bool = False


@dataclass(frozen=True, slots=True)
class Drift:
    """A piece of work that slipped: the latest assessment and what it fell below."""

    latest: RungOnDate
    planned: LadderRung | None
    previous: RungOnDate | None
    below_plan: bool
    fell: bool
    """Lower than the previous assessment by the same kind of assessor."""
    message: str


def drift(planned: LadderRung | None, history: Sequence[object]) -> Drift | None:
    """Whether the work has drifted, from its planned rung and its assessments (oldest first:
    ``LadderAssessment`` records or ``RungOnDate``). None when it has not.

    It has drifted when the latest assessment is below the planned rung, or lower than the
    one before it. "The one before" is the previous assessment by the same kind of assessor
    (participants' with participants', staff's with staff's): participants rating the work
    lower than staff did is a different view to show beside it, not a slip over time."""
    if not history:
        return None
    marks = [_mark(a) for a in history]
    latest = marks[-1]
    previous = next(
        (m for m in reversed(marks[:-1]) if m.by_participants == latest.by_participants), None
    )
    return judge_drift(planned, latest, previous)


def judge_drift(
    planned: LadderRung | None, latest: RungOnDate, previous: RungOnDate | None
) -> Drift | None:
    """The drift between the latest assessment, the plan and the previous one (see ``drift``)."""
    below_plan = planned is not None and latest.rung < planned
    fell = previous is not None and latest.rung < previous.rung
    if not below_plan and not fell:
        return None
    who = "participants'" if latest.by_participants else "latest"
    sentences = []
    if below_plan:
        assert planned is not None
        gap = planned - latest.rung
        sentences.append(
            f"The {who} assessment ({latest.rung.label}, {_day(latest.assessed_on)}) is "
            f"{_rungs(gap)} below the plan ({planned.label})."
        )
    if fell:
        assert previous is not None
        sentences.append(
            f"It {'also ' if below_plan else ''}fell from {previous.rung.label} "
            f"({_day(previous.assessed_on)}) to {latest.rung.label}"
            + ("." if below_plan else f" ({_day(latest.assessed_on)}).")
        )
    sentences.append("Check whether people can still change the outcome.")
    return Drift(
        latest=latest,
        planned=planned,
        previous=previous,
        below_plan=below_plan,
        fell=fell,
        message=" ".join(sentences),
    )


def _mark(assessment: object) -> RungOnDate:
    if isinstance(assessment, RungOnDate):
        return assessment
    return RungOnDate(
        rung=assessment.rung,  # type: ignore[attr-defined]
        assessed_on=assessment.assessed_on,  # type: ignore[attr-defined]
        by_participants=assessment.assessor_is_participant,  # type: ignore[attr-defined]
    )


def _rungs(count: int) -> str:
    return "one rung" if count == 1 else f"{count} rungs"


def _day(value: date) -> str:
    # Written out by hand: strftime's month names follow the computer's locale.
    return long_date(value)
