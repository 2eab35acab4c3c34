"""The first easy-read draft: plain words, short forms written out, long sentences split, one
sentence per line, and nothing invented."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coproduce.documents.drafts import FIXED_WORDS, easy_read_draft
from coproduce.documents.glossary import load_seed
from coproduce.documents.plain_language import MAX_SENTENCE_WORDS, words
from coproduce.domain.records import GlossaryTerm

TERMS = load_seed()


def vocabulary(raw: str, terms=TERMS) -> set[str]:
    """The words a draft may use: the notes' words (and the parts of short forms), the plain
    alternatives' words and the fixed joining words."""
    allowed = set(FIXED_WORDS)
    for word in words(raw):
        folded = word.group().casefold().replace("’", "'")
        allowed.add(folded)
        allowed.update(part for part in folded.split("'") if part)
        if folded.endswith("n't"):
            allowed.add(folded[:-3])
    for term in terms:
        allowed.update(word.group().casefold() for word in words(term.plain))
    return allowed


def invented(raw: str, draft: str, terms=TERMS) -> set[str]:
    allowed = vocabulary(raw, terms)
    return {w.group().casefold() for w in words(draft)} - allowed


def test_glossary_terms_become_their_plain_alternatives():
    draft = easy_read_draft("We talked about respite and the consultation.", TERMS)
    assert draft == "We talked about a short break and the asking people what they think."


def test_a_sentence_starting_with_a_term_keeps_its_capital_and_articles_fit():
    assert easy_read_draft("An assessment takes too long", TERMS) == (
        "A meeting about the help you need takes too long."
    )
    assert easy_read_draft("Sam said the Care Act helps.", TERMS) == "Sam said the care law helps."


def test_short_forms_are_written_out():
    assert easy_read_draft("We don't know. They won't come. It's late.", TERMS) == (
        "We do not know.\nThey will not come.\nIt is late."
    )


def test_each_sentence_goes_on_its_own_line_and_bullets_lose_their_marks():
    raw = "We met on Tuesday. Buses were late!\n- Cost of taxis\n* Ramps at the station"
    assert easy_read_draft(raw, TERMS).split("\n") == [
        "We met on Tuesday.",
        "Buses were late!",
        "Cost of taxis.",
        "Ramps at the station.",
    ]


def test_a_long_sentence_is_split_at_its_natural_joints():
    raw = (
        "People said the buses are often late in the morning, but the trains are fine "
        "because the station has a new timetable and more staff this year."
    )
    assert easy_read_draft(raw, TERMS).split("\n") == [
        "People said the buses are often late in the morning.",
        "But the trains are fine.",
        "This is because the station has a new timetable and more staff this year.",
    ]


def test_a_semicolon_is_the_first_choice_of_joint():
    raw = (
        "The group looked at the leaflet about the new day centre in town; "
        "everyone said the pictures and the big letters helped them a lot."
    )
    assert easy_read_draft(raw, TERMS).split("\n") == [
        "The group looked at the leaflet about the new day centre in town.",
        "Everyone said the pictures and the big letters helped them a lot.",
    ]


def test_short_lists_are_not_split_apart():
    raw = "We had tea and cake."
    assert easy_read_draft(raw, TERMS) == "We had tea and cake."


def test_every_part_of_a_real_split_note_is_15_words_or_fewer():
    raw = (
        "Members discussed the carers strategy and felt the consultation period was far too "
        "short, that the online survey excluded people without internet access, and that "
        "the council should run drop-in sessions in libraries and community centres instead."
    )
    draft = easy_read_draft(raw, TERMS)
    lines = draft.split("\n")
    assert len(lines) >= 3
    assert all(len(words(line)) <= MAX_SENTENCE_WORDS for line in lines)
    assert invented(raw, draft) == set()


def test_nothing_is_invented_from_real_meeting_notes():
    raw = (
        "We discussed the new carers strategy; people felt the consultation was too short "
        "and that the council hadn't listened, because the survey was only online and many "
        "carers don't use the internet.\nSam said the Care Act gives people rights but nobody "
        "explains them, and direct payments are confusing."
    )
    draft = easy_read_draft(raw, TERMS)
    assert "plan" in draft and "had not" in draft
    assert invented(raw, draft) == set()


def test_empty_notes_give_an_empty_draft():
    assert easy_read_draft("", TERMS) == ""
    assert easy_read_draft("  \n - \n", TERMS) == ""


@given(
    st.lists(
        st.sampled_from(
            [
                "we",
                "talked",
                "about",
                "assessment",
                "respite",
                "and",
                "but",
                "because",
                "don't",
                "it's",
                "carer's",
                "the",
                "an",
                "Care",
                "Act",
                ",",
                ";",
                ".",
                "\n",
                "-",
                "buses",
                "LATE",
            ]
        ),
        max_size=60,
    ).map(" ".join)
)
def test_the_draft_never_invents_a_word(raw):
    assert invented(raw, easy_read_draft(raw, TERMS)) == set()


@given(st.text())
def test_any_unicode_makes_a_draft_without_inventing(raw):
    terms = [*TERMS, GlossaryTerm(term="ß", plain="strasse")]
    assert invented(raw, easy_read_draft(raw, terms), terms) == set()
