"""The seed glossary: enough adult social care terms, each explained in one easy sentence."""

from __future__ import annotations

import pytest

from coproduce.documents.glossary import load_seed, match_terms, term_key
from coproduce.documents.plain_language import MAX_SENTENCE_WORDS, check, words
from coproduce.domain.records import GlossaryTerm

SEED = load_seed()

REQUIRED = [
    "assessment",
    "safeguarding",
    "direct payments",
    "reablement",
    "commissioning",
    "advocacy",
    "personal budget",
    "respite",
    "co-production",
    "care plan",
    "carer's assessment",
    "deprivation of liberty",
    "mental capacity",
    "eligibility",
    "financial assessment",
    "domiciliary care",
    "supported living",
    "residential care",
    "occupational therapy",
    "social worker",
    "continuing healthcare",
    "integrated care board",
    "strategy",
    "policy",
    "consultation",
    "feedback",
    "outcome",
    "wellbeing",
    "prevention",
    "signposting",
]


def test_the_seed_has_at_least_40_terms_including_the_core_ones():
    assert len(SEED) >= 40
    keys = {term_key(term.term) for term in SEED}
    assert set(REQUIRED) <= keys


def test_each_term_is_in_the_seed_once():
    keys = [term_key(term.term) for term in SEED]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("term", SEED, ids=lambda term: term.term)
def test_every_explanation_is_one_short_easy_sentence_our_checker_passes(term):
    assert term.plain and term.explanation
    assert term.explanation[0].isupper() and term.explanation.endswith(".")
    assert term.explanation.count(".") == 1
    assert len(words(term.explanation)) < MAX_SENTENCE_WORDS
    assert check(term.explanation, SEED) == []


@pytest.mark.parametrize("term", SEED, ids=lambda term: term.term)
def test_every_plain_alternative_is_itself_plain(term):
    assert check(term.plain, SEED) == []


def test_terms_are_matched_as_whole_words_case_and_plural_insensitive():
    text = (
        "ASSESSMENTS, strategies, Co production, coproduction, carer’s  assessment,\n"
        "integrated care\nboard and the reassessment"
    )
    assert [text[m.start : m.end] for m in match_terms(text, SEED)] == [
        "ASSESSMENTS",
        "strategies",
        "Co production",
        "coproduction",
        "carer’s  assessment",
        "integrated care\nboard",
    ]


def test_matches_name_the_term_they_belong_to():
    [match] = match_terms("Ask about your personal budgets.", SEED)
    assert match.term.term == "personal budget"


def test_term_key_folds_case_spacing_and_apostrophes():
    assert term_key("  Carer’s   Assessment ") == "carer's assessment"


def test_an_empty_glossary_matches_nothing():
    assert match_terms("assessment", []) == []
    assert match_terms("assessment", [GlossaryTerm(term="   ")]) == []
