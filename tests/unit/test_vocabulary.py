"""The product's words: every vocabulary's codes and labels, the ladder, and the frameworks.

Codes are stored in the database and written to exports, so a duplicate, an empty label or a
code that does not round-trip would corrupt data quietly; these tests make that loud.
"""

from __future__ import annotations

import inspect
import re

import pytest

from coproduce.domain import vocabulary
from coproduce.domain.vocabulary import (
    ActionStatus,
    Cadence,
    CommunicationProfessional,
    CommunicationSupport,
    ConsentPurpose,
    ContactMethod,
    CqcQualityStatement,
    InformationFormat,
    LadderBand,
    LadderRung,
    MakingItRealTheme,
    MeetingAccessNeed,
    ResponseStatus,
    Role,
    Vocabulary,
)

VOCABULARIES = sorted(
    (
        cls
        for _, cls in inspect.getmembers(vocabulary, inspect.isclass)
        if issubclass(cls, Vocabulary) and cls is not Vocabulary
    ),
    key=lambda cls: cls.__name__,
)
CODE_COLUMN_LENGTH = 40  # store.orm.CODE


def test_the_vocabularies_are_all_found() -> None:
    """Guards the tests below against silently checking nothing."""
    names = {cls.__name__ for cls in VOCABULARIES}
    assert {"Role", "ConsentPurpose", "MakingItRealTheme", "PaymentMethod"} <= names
    assert len(VOCABULARIES) >= 25


@pytest.mark.parametrize("vocab", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_every_code_is_unique_and_short_enough_to_store(vocab: type[Vocabulary]) -> None:
    # A repeated value makes Enum turn the second member into a silent alias of the first.
    assert len(vocab.__members__) == len(list(vocab)), "two members share a code"
    for member in vocab:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", member.value), member
        assert len(member.value) <= CODE_COLUMN_LENGTH, member


@pytest.mark.parametrize("vocab", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_every_label_is_written_and_distinct(vocab: type[Vocabulary]) -> None:
    labels = [member.label for member in vocab]
    for label in labels:
        assert isinstance(label, str) and label.strip() == label and label, vocab
    assert len(set(labels)) == len(labels), "two choices would look the same on screen"


@pytest.mark.parametrize("vocab", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_codes_round_trip_through_from_code(vocab: type[Vocabulary]) -> None:
    for member in vocab:
        assert vocab.from_code(member.value) is member
        assert str(member) == member.value
        assert vocab.from_code(str(member)) is member


@pytest.mark.parametrize("vocab", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_an_unknown_code_is_refused_naming_the_vocabulary(vocab: type[Vocabulary]) -> None:
    with pytest.raises(ValueError, match=f"'no_such_code' is not a known {vocab.__name__} code"):
        vocab.from_code("no_such_code")


# --- the ladder ------------------------------------------------------------------------


def test_the_ladder_has_seven_rungs_numbered_from_the_bottom() -> None:
    assert [(rung.value, rung.label) for rung in LadderRung] == [
        (1, "Coercion"),
        (2, "Educating"),
        (3, "Informing"),
        (4, "Consultation"),
        (5, "Engagement"),
        (6, "Co-design"),
        (7, "Co-production"),
    ]
    assert LadderRung(6) is LadderRung.CO_DESIGN
    assert LadderRung.CO_PRODUCTION > LadderRung.CONSULTATION


def test_each_rung_sits_in_its_band() -> None:
    bands = {rung.value: rung.band for rung in LadderRung}
    assert bands == {
        1: LadderBand.DOING_TO,
        2: LadderBand.DOING_TO,
        3: LadderBand.DOING_FOR,
        4: LadderBand.DOING_FOR,
        5: LadderBand.DOING_FOR,
        6: LadderBand.DOING_WITH,
        7: LadderBand.DOING_WITH,
    }
    assert [band.label for band in LadderBand] == ["Doing to", "Doing for", "Doing with"]


@pytest.mark.parametrize("rung", list(LadderRung), ids=lambda rung: rung.label)
def test_each_rung_has_a_description_and_short_easy_read_sentences(rung: LadderRung) -> None:
    assert rung.description.strip() and rung.description.endswith(".")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", rung.easy_read.strip()) if s]
    assert sentences, "no easy-read text"
    for sentence in sentences:
        words = sentence.split()
        assert len(words) <= 15, f"{len(words)} words: {sentence!r}"
        assert sentence.endswith((".", "!", "?")), sentence
        # Easy read uses bold for emphasis, never capitals.
        assert not [w for w in words if len(w) > 1 and w.isupper()], sentence


def test_descriptions_and_easy_read_differ_between_rungs() -> None:
    assert len({rung.description for rung in LadderRung}) == 7
    assert len({rung.easy_read for rung in LadderRung}) == 7


# --- frameworks the evidence is tagged with --------------------------------------------


def test_making_it_real_has_exactly_its_six_themes() -> None:
    assert [theme.label for theme in MakingItRealTheme] == [
        "Wellbeing and independence",
        "Information and advice",
        "Active and supportive communities",
        "Flexible and integrated care and support",
        "Workforce",
        "When things need to change",
    ]


def test_the_nine_cqc_quality_statements_in_their_four_themes() -> None:
    by_theme: dict[str, list[str]] = {}
    for statement in CqcQualityStatement:
        by_theme.setdefault(statement.theme, []).append(statement.label)
    assert by_theme == {
        "Working with people": [
            "Assessing needs",
            "Supporting people to live healthier lives",
            "Equity in experience and outcomes",
        ],
        "Providing support": [
            "Care provision, integration and continuity",
            "Partnerships and communities",
        ],
        "Ensuring safety": [
            "Safe pathways, systems and transitions",
            "Safeguarding",
        ],
        "Leadership": [
            "Governance, management and sustainability",
            "Learning, improvement and innovation",
        ],
    }


# --- what DESIGN.md promises a facilitator can record ----------------------------------


def test_the_seven_consent_purposes_of_the_design() -> None:
    assert {purpose.label for purpose in ConsentPurpose} == {
        "Taking part and being contacted",
        "Storing access needs",
        "Sharing needs with partners",
        "Being quoted by name",
        "Being quoted anonymously",
        "Photographs",
        "Audio or video recording",
    }


def test_the_accessible_information_standard_choices_named_in_the_design_exist() -> None:
    assert {
        ContactMethod.TEXT_ONLY,
        ContactMethod.NO_PHONE_CALLS,
        ContactMethod.VIA_CARER,
    } <= set(ContactMethod)
    assert {
        InformationFormat.EASY_READ,
        InformationFormat.LARGE_PRINT,
        InformationFormat.BRAILLE,
        InformationFormat.AUDIO,
        InformationFormat.BSL_VIDEO,
        InformationFormat.ELECTRONIC,
        InformationFormat.STANDARD_PRINT,
    } == set(InformationFormat)
    assert {
        CommunicationSupport.LONGER_TIME,
        CommunicationSupport.ADVOCATE,
        CommunicationSupport.HEARING_LOOP,
        CommunicationSupport.LIP_READING,
        CommunicationSupport.COMMUNICATION_AID,
    } <= set(CommunicationSupport)
    assert {
        CommunicationProfessional.BSL_INTERPRETER,
        CommunicationProfessional.DEAFBLIND_INTERPRETER,
        CommunicationProfessional.LIPSPEAKER,
        CommunicationProfessional.NOTETAKER,
        CommunicationProfessional.SPEECH_TO_TEXT,
    } == set(CommunicationProfessional)
    assert {
        MeetingAccessNeed.STEP_FREE,
        MeetingAccessNeed.QUIET_ROOM,
        MeetingAccessNeed.DIETARY,
        MeetingAccessNeed.SUPPORT_WORKER,
    } <= set(MeetingAccessNeed)


def test_every_cadence_knows_its_step_and_only_when_needed_has_none() -> None:
    steps = {cadence: (cadence.weeks, cadence.months) for cadence in Cadence}
    assert steps[Cadence.EVERY_TWO_MONTHS] == (0, 2)
    assert steps[Cadence.FORTNIGHTLY] == (2, 0)
    assert [c for c, step in steps.items() if step == (0, 0)] == [Cadence.AS_NEEDED]


def test_status_questions_answer_as_a_facilitator_would() -> None:
    assert {role for role in Role if role.is_participant} == {
        Role.EXPERT_BY_EXPERIENCE,
        Role.UNPAID_CARER,
    }
    assert {s for s in ActionStatus if s.is_open} == {ActionStatus.OPEN, ActionStatus.IN_PROGRESS}
    assert not ResponseStatus.UNDER_CONSIDERATION.is_answer
    assert not ResponseStatus.NOT_ANSWERED.is_answer
    assert ResponseStatus.NOT_TAKEN_FORWARD.is_answer
    assert ResponseStatus.CHANGED_DOCUMENT.is_answer
