"""The plain-language checker on real easy-read sentences: what it finds, where, what it says."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coproduce.documents.glossary import load_seed
from coproduce.documents.plain_language import (
    Finding,
    FindingKind,
    check,
    easy_read_problems,
    find_hard_words,
    is_easy_read,
    reading_ease,
    reading_ease_label,
    sentence_spans,
    syllables,
)
from coproduce.domain.records import GlossaryTerm

TERMS = load_seed()


def found(text: str, kind: FindingKind, terms=TERMS) -> list[str]:
    return [text[f.start : f.end] for f in check(text, terms) if f.kind is kind]


def only(text: str, kind: FindingKind, terms=TERMS) -> Finding:
    [finding] = [f for f in check(text, terms) if f.kind is kind]
    return finding


def test_a_good_easy_read_sentence_has_no_findings():
    text = "We met on Tuesday.\nWe talked about buses.\nYou told us the buses are often late."
    assert check(text, TERMS) == []


def test_a_sentence_over_15_words_is_found_with_its_word_count():
    long = (
        "The group talked for a long time about the buses in town and about how late "
        "they always are."
    )
    text = f"We met on Tuesday. {long} Thank you."
    finding = only(text, FindingKind.LONG_SENTENCE)
    assert text[finding.start : finding.end] == long
    assert "19 words" in finding.message
    assert "15 words or fewer" in finding.message


def test_a_sentence_of_exactly_15_words_is_fine():
    text = "We want to hear from you about the new bus times in our town now."
    assert len(text.split()) == 15
    assert found(text, FindingKind.LONG_SENTENCE) == []


def test_each_line_is_its_own_sentence_without_full_stops():
    text = "We met at the library on Tuesday morning\nWe talked about buses and trains and taxis"
    assert [text[a:b] for a, b in sentence_spans(text)] == text.split("\n")
    assert found(text, FindingKind.LONG_SENTENCE) == []


def test_titles_and_initials_do_not_end_a_sentence():
    text = "Dr. Shah came to the meeting. She spoke about tablets."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Dr. Shah came to the meeting.",
        "She spoke about tablets.",
    ]


def test_hard_words_are_found_with_their_plain_alternative():
    text = "Your assessment will be next week. Ask about direct payments."
    findings = [f for f in check(text, TERMS) if f.kind is FindingKind.HARD_WORD]
    assert [text[f.start : f.end] for f in findings] == ["assessment", "direct payments"]
    assert findings[0].suggestion == "meeting about the help you need"
    assert 'Try "meeting about the help you need"' in findings[0].message
    assert findings[1].suggestion == "money to buy your own support"


def test_hard_words_match_plurals_case_and_the_longest_term():
    text = "Assessments happen every year. The carer’s assessment is different. POLICIES too."
    assert found(text, FindingKind.HARD_WORD) == [
        "Assessments",
        "carer’s assessment",
        "POLICIES",
    ]


def test_a_hard_word_inside_another_word_is_not_found():
    text = "The reviewer came. Preview the plan."
    assert found(text, FindingKind.HARD_WORD) == []


def test_an_unknown_acronym_is_found_and_explained_as_letters():
    finding = only("Talk to the OT about your chair.", FindingKind.ACRONYM)
    assert (finding.start, finding.end) == (12, 14)
    assert "acronym" in finding.message
    assert "full words" in finding.suggestion


def test_an_acronym_the_glossary_explains_says_so_and_is_not_also_a_hard_word():
    text = "The ICB pays for this."
    findings = check(text, TERMS)
    assert [f.kind for f in findings] == [FindingKind.ACRONYM]
    assert "hard words list explains it" in findings[0].message
    assert findings[0].suggestion == 'Say "local health and care planners".'


def test_ok_and_tv_are_not_acronyms_and_gps_is():
    assert found("Is that OK? It was on TV.", FindingKind.ACRONYM) == []
    assert found("Two GPs came.", FindingKind.ACRONYM) == ["GPs"]


def test_words_in_capitals_for_emphasis_are_found_not_called_acronyms():
    text = "Please do NOT bring food. PLEASE COME EARLY."
    assert found(text, FindingKind.CAPITALS) == ["NOT", "PLEASE COME EARLY"]
    assert found(text, FindingKind.ACRONYM) == []
    finding = only("Please do NOT bring food.", FindingKind.CAPITALS)
    assert "bold" in finding.suggestion


def test_contractions_are_found_with_the_long_form():
    text = "We'll meet again. Don't worry. It's free. Let's go. We won't be late."
    findings = [f for f in check(text, TERMS) if f.kind is FindingKind.CONTRACTION]
    assert [text[f.start : f.end] for f in findings] == ["We'll", "Don't", "It's", "Let's", "won't"]
    assert [f.suggestion for f in findings] == [
        'Write "We will".',
        'Write "Do not".',
        'Write "It is".',
        'Write "Let us".',
        'Write "will not".',
    ]


def test_a_possessive_is_not_a_contraction():
    assert found("The carer's bag. Sam's idea.", FindingKind.CONTRACTION) == []


def test_a_percentage_gets_a_fraction_people_can_picture():
    finding = only("75% of people liked the new bus.", FindingKind.PERCENTAGE)
    assert (finding.start, finding.end) == (0, 3)
    assert finding.suggestion == 'Say "about 3 in 4 people" or "most people".'
    assert only("About 50 per cent came.", FindingKind.PERCENTAGE).suggestion.startswith(
        'Say "about half'
    )


def test_numbers_over_a_thousand_get_a_rounded_suggestion():
    text = "2,500 people wrote to us. The council spent £1,200,000. We had 900 letters."
    findings = [f for f in check(text, TERMS) if f.kind is FindingKind.LARGE_NUMBER]
    assert [text[f.start : f.end] for f in findings] == ["2,500", "£1,200,000"]
    assert findings[0].suggestion == 'Say "about 3 thousand" or "most people".'
    assert findings[1].suggestion == 'Say "about £1 million" or "most people".'


def test_years_and_phone_numbers_are_not_big_numbers():
    text = "The next meeting is on Tuesday 12 March 2026. Call 0161 234 5678."
    assert found(text, FindingKind.LARGE_NUMBER) == []


def test_likely_passive_voice_is_found_with_regular_and_irregular_participles():
    text = "The letters were posted on Monday. You were given a leaflet. We gave you a leaflet."
    assert found(text, FindingKind.PASSIVE) == ["were posted", "were given"]
    finding = only("The money was not paid.", FindingKind.PASSIVE)
    assert "likely passive" in finding.message
    assert "Say who does it first" in finding.suggestion


def test_feelings_after_is_are_not_called_passive():
    assert found("I am tired. We are worried about the buses.", FindingKind.PASSIVE) == []


def test_findings_are_in_text_order_and_spans_are_inside_the_text():
    text = "The ICB wasn't told. 80% of carers don't know about respite."
    findings = check(text, TERMS)
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.kind.value))
    assert {f.kind for f in findings} >= {
        FindingKind.ACRONYM,
        FindingKind.CONTRACTION,
        FindingKind.PERCENTAGE,
        FindingKind.HARD_WORD,
    }


def test_find_hard_words_lists_each_term_once_in_order_of_first_use():
    text = "Your respite and your assessment. More about respite. Ask about advocacy."
    assert [t.term for t in find_hard_words(text, TERMS)] == [
        "respite",
        "assessment",
        "advocacy",
    ]


def test_the_facilitators_own_terms_are_used():
    terms = [GlossaryTerm(term="Making It Real", plain="our promises", explanation="x")]
    assert found("We use making it real.", FindingKind.HARD_WORD, terms) == ["making it real"]


def test_syllables_are_counted_for_common_words():
    counts = {
        "we": 1,
        "home": 1,
        "people": 2,
        "helped": 1,
        "needed": 2,
        "meeting": 2,
        "assessment": 3,
        "advocacy": 4,
        "buses": 2,
        "tables": 2,
    }
    assert {word: syllables(word) for word in counts} == counts


def test_reading_ease_is_high_for_easy_read_and_low_for_council_wording():
    easy = "We met on Tuesday. We talked about buses. You said the buses are late."
    hard = (
        "The integrated commissioning strategy establishes the organisational framework "
        "underpinning personalised domiciliary provision across the locality."
    )
    assert reading_ease(easy) >= 80
    assert reading_ease(hard) < 30
    assert reading_ease_label(reading_ease(easy)) in {"easy", "very easy"}
    assert reading_ease_label(reading_ease(hard)) == "very hard"
    assert reading_ease("") == 100.0


@given(st.text())
def test_any_unicode_is_checked_without_crashing(text):
    findings = check(text, TERMS)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.message
    assert 0.0 <= reading_ease(text) <= 100.0
    find_hard_words(text, TERMS)


@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Z"])))
def test_any_letters_and_punctuation_are_checked_without_crashing(text):
    check(text + " assessment NHS 75% 12,000 don't was given", TERMS)


# --- the gate: what keeps a text off an easy-read page ---------------------------------------


def blocking(text: str, terms=TERMS) -> list[tuple[FindingKind, str]]:
    return [(f.kind, text[f.start : f.end]) for f in easy_read_problems(text, terms)]


def test_a_good_easy_read_text_passes_the_gate():
    text = "We changed the letter.\nNow it is 1 page long.\nAsk us about direct payments."
    assert is_easy_read(text, TERMS)
    assert blocking(text) == []


def test_a_sentence_over_15_words_keeps_the_text_off_the_page():
    text = (
        "The commissioning team will undertake a comprehensive review of the respite "
        "provision available across the borough."
    )
    assert not is_easy_read(text, TERMS)
    assert (FindingKind.LONG_SENTENCE, text) in blocking(text)


def test_a_semicolon_keeps_the_text_off_the_page():
    assert blocking("Breaks should suit the person; not the service.") == [
        (FindingKind.SEMICOLON, ";")
    ]


def test_officer_words_block_with_their_endings_unless_the_glossary_explains_them():
    text = "Audits start with a call. We backdated it. The auditing team met."
    assert blocking(text) == [
        (FindingKind.OFFICER_WORD, "Audits"),
        (FindingKind.OFFICER_WORD, "backdated"),
        (FindingKind.OFFICER_WORD, "auditing"),
    ]
    finding = easy_read_problems("Go to A&E.", TERMS)[0]
    assert finding.kind is FindingKind.OFFICER_WORD and "hospital" in finding.suggestion
    explained = [*TERMS, GlossaryTerm(term="audit", plain="check", explanation="A check.")]
    assert is_easy_read("Audits start with a call.", explained)


def test_a_glossary_term_wins_over_an_officer_word_inside_it():
    # "discharge" alone is an officer word; "hospital discharge" is explained by the glossary.
    assert is_easy_read("Hospital discharge was quick.", TERMS)
    assert blocking("Discharge was quick.") == [(FindingKind.OFFICER_WORD, "Discharge")]


def test_an_acronym_blocks_only_when_the_glossary_does_not_explain_it():
    assert blocking("The EQLs met. The NHS helped.") == [(FindingKind.ACRONYM, "EQLs")]
    explained = only("The NHS helped.", FindingKind.ACRONYM)
    assert not explained.blocking


def test_document_numbers_block_but_money_and_times_do_not():
    text = "Section 3.4 now has a call-back. See part 2.1.3 too."
    assert blocking(text) == [
        (FindingKind.REFERENCE, "Section 3.4"),
        (FindingKind.REFERENCE, "part 2.1.3"),
    ]
    assert is_easy_read("It costs £12.50. Come at 10.30am.", TERMS)


def test_advice_alone_never_blocks():
    # A passive verb, a short form and a percentage are advice: the text may be printed.
    text = "The letter was sent. We don't know. 80% came."
    assert check(text, TERMS) and is_easy_read(text, TERMS)
