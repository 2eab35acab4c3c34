"""Agenda wording written before the meeting, told in the past tense after it: exact changes
for the verbs agendas use, "We planned to ..." for any other, nothing invented."""

from __future__ import annotations

import pytest

from coproduce.documents.easy_words import lower_first, past_tense


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("We will talk about care at home.", "We talked about care at home."),
        ("We will look at the new bus times.", "We looked at the new bus times."),
        ("We'll find out about respite.", "We found out about respite."),
        ("We are going to vote on the name.", "We voted on the name."),
        (
            "We say hello. We check everyone has a drink.",
            "We said hello. We checked everyone has a drink.",
        ),
        ("We will paint the fence.", "We planned to paint the fence."),
        ("We will welcome new members", "We welcomed new members"),
        ("Tea and cake.", "Tea and cake."),
        ("We need more buses.", "We need more buses."),
        (
            "We will talk about buses.\nWe will hear from Sam.",
            "We talked about buses.\nWe heard from Sam.",
        ),
    ],
)
def test_the_meeting_is_told_in_the_past_tense(before: str, after: str) -> None:
    assert past_tense(before) == after


@pytest.mark.parametrize(
    ("title", "inside"),
    [
        ("Care at home", "care at home"),
        ("Hartmoor Carers' Strategy", "Hartmoor Carers' Strategy"),
        ("NHS dentists", "NHS dentists"),
        ("Direct Payments Policy", "Direct Payments Policy"),
        ("", ""),
    ],
)
def test_a_title_reads_naturally_inside_a_sentence(title: str, inside: str) -> None:
    assert lower_first(title) == inside
