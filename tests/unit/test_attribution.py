"""The one rule for whose name appears beside a contribution: consent decides."""

from __future__ import annotations

from datetime import datetime

import pytest

from coproduce.domain.attribution import GROUP_MEMBER, WHOLE_GROUP, attributed_name
from coproduce.domain.records import Contribution
from coproduce.domain.vocabulary import Attribution


def contribution(attribution: Attribution, speaker_id: int | None) -> Contribution:
    return Contribution(
        meeting_id=1,
        text="More short breaks, please",
        attribution=attribution,
        speaker_id=speaker_id,
        captured_at=datetime(2026, 3, 10, 10, 15),
    )


def test_a_named_speaker_who_consented_is_shown_by_name() -> None:
    said = contribution(Attribution.PERSON, 7)
    assert attributed_name(said, "Ann Patel", quoted_by_name_consent=True) == "Ann Patel"


def test_a_named_speaker_without_consent_is_a_group_member() -> None:
    said = contribution(Attribution.PERSON, 7)
    assert attributed_name(said, "Ann Patel", quoted_by_name_consent=False) == GROUP_MEMBER
    assert GROUP_MEMBER == "A group member said"


@pytest.mark.parametrize("consent", [True, False])
def test_an_anonymous_contribution_never_shows_the_known_speaker(consent: bool) -> None:
    said = contribution(Attribution.ANONYMOUS, 7)
    assert attributed_name(said, "Ann Patel", quoted_by_name_consent=consent) == GROUP_MEMBER


@pytest.mark.parametrize("consent", [True, False])
def test_the_whole_group_is_shown_as_the_whole_group(consent: bool) -> None:
    said = contribution(Attribution.WHOLE_GROUP, None)
    assert attributed_name(said, None, quoted_by_name_consent=consent) == WHOLE_GROUP
    assert WHOLE_GROUP == "The whole group"


@pytest.mark.parametrize("name", [None, "", "   "])
def test_a_missing_name_falls_back_to_a_group_member_even_with_consent(name: str | None) -> None:
    said = contribution(Attribution.PERSON, 7)
    assert attributed_name(said, name, quoted_by_name_consent=True) == GROUP_MEMBER


def test_the_name_is_shown_trimmed() -> None:
    said = contribution(Attribution.PERSON, 7)
    assert attributed_name(said, "  Ann Patel ", quoted_by_name_consent=True) == "Ann Patel"
