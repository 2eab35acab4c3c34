"""The plain-language checker on text no person would write but a paste can bring: thousands
of digits, long runs of dots, a megabyte of mixed text. It checks them without an error and
still says sensible things."""

from __future__ import annotations

import random

from coproduce.documents.glossary import load_seed
from coproduce.documents.plain_language import FindingKind, check, sentence_spans

TERMS = load_seed()


def test_ten_thousand_digits_are_one_huge_number() -> None:
    text = "We spent " + "7" * 10_000 + " pounds."
    [finding] = [f for f in check(text, TERMS) if f.kind is FindingKind.LARGE_NUMBER]
    assert text[finding.start : finding.end] == "7" * 10_000
    assert "a huge number" in finding.suggestion
    assert len(finding.message) < 200  # the number is shortened, not quoted whole


def test_a_huge_number_with_commas_and_a_pound_sign_is_found() -> None:
    text = "It cost £" + "1" + ",000" * 2_000 + "."
    [finding] = [f for f in check(text, TERMS) if f.kind is FindingKind.LARGE_NUMBER]
    assert text[finding.start : finding.end].startswith("£1,000,000")
    assert "a huge number" in finding.suggestion


def test_a_huge_percentage_is_found_and_shortened() -> None:
    text = "It went up by " + "9" * 10_000 + "% this year."
    [finding] = [f for f in check(text, TERMS) if f.kind is FindingKind.PERCENTAGE]
    assert len(finding.message) < 200


def test_numbers_of_an_ordinary_size_are_still_rounded() -> None:
    [finding] = [
        f
        for f in check("We spent £2,450,000 on buses.", TERMS)
        if f.kind is FindingKind.LARGE_NUMBER
    ]
    assert 'Say "about £2 million"' in finding.suggestion


def test_a_hundred_thousand_dots_are_not_a_sentence() -> None:
    assert sentence_spans("." * 100_000) == []
    assert check("." * 100_000, TERMS) == []


def test_dots_between_sentences_still_split_them() -> None:
    text = "We met." + "." * 100_000 + " We talked about buses."
    spans = [text[start:end] for start, end in sentence_spans(text)]
    assert spans == ["We met." + "." * 100_000, "We talked about buses."]


def test_initials_and_titles_still_do_not_end_a_sentence() -> None:
    text = "Dr. Patel and J. Smith came. " * 3
    spans = [text[start:end] for start, end in sentence_spans(text)]
    assert spans == ["Dr. Patel and J. Smith came."] * 3


def test_a_megabyte_of_mixed_text_is_checked() -> None:
    pieces = [
        "We met on Tuesday.",
        "The NHS said the ICB would help.",
        "It cost £2,450,000",
        "and 45% of people liked it...",
        "Dr. A. B. Jones couldn't come!",
        "مرحبا بكم",
        "👩🏽‍🦯 🚌",
        "..........",
        "12345678901234567890",
        "The form was completed by the team\n",
        "reablement and safeguarding",
    ]
    chooser = random.Random(6)
    parts: list[str] = []
    size = 0
    while size < 1_000_000:
        piece = chooser.choice(pieces)
        parts.append(piece)
        size += len(piece) + 1
    text = " ".join(parts)
    findings = check(text, TERMS)
    kinds = {finding.kind for finding in findings}
    assert {
        FindingKind.LONG_SENTENCE,
        FindingKind.ACRONYM,
        FindingKind.LARGE_NUMBER,
        FindingKind.PERCENTAGE,
        FindingKind.CONTRACTION,
        FindingKind.PASSIVE,
    } <= kinds
    assert all(0 <= f.start < f.end <= len(text) for f in findings)
