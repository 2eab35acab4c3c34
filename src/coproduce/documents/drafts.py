"""A first easy-read draft made from the raw notes, for the facilitator to edit.

The draft does only what a careful person would do mechanically: swap glossary terms for their
plain alternatives, write short forms out in full ("don't" -> "do not"), split long sentences
where they naturally join ("and", "but", "because", ";", ",") and put one sentence on each line.
It never invents content: every word of the draft is a word of the notes, a word of a glossary
alternative, or one of the few fixed words in ``FIXED_WORDS`` ("This is because", "not", ...).
Making it truly easy is the facilitator's job; the checker shows what is still hard.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coproduce.documents.glossary import match_terms
from coproduce.documents.plain_language import (
    MAX_SENTENCE_WORDS,
    contractions,
    sentence_spans,
    words,
)
from coproduce.domain.records import GlossaryTerm

FIXED_WORDS = frozenset(
    {
        # joining words for split sentences
        "but",
        "this",
        "is",
        "because",
        # articles fitted to a plain alternative ("an assessment" -> "a meeting ...")
        "a",
        "an",
        # short forms written out
        "not",
        "cannot",
        "will",
        "shall",
        "are",
        "have",
        "would",
        "had",
        "am",
        "us",
    }
)
"""The only words a draft may add that are in neither the notes nor a plain alternative."""

MIN_PART_WORDS = 3
"""A split leaves at least this many words on each side, so "tea and cake" stays together."""

_BULLET = re.compile(r"^[\-*•·–>]+\s*")
_DETERMINERS = frozenset({"the", "a", "an", "your", "our", "their", "my", "his", "her", "this"})
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_VOWEL_SOUND = re.compile(r"^[aeiou]", re.IGNORECASE)

# Where a long sentence may be split, strongest joint first, and what starts the second part.
_JOINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\s*;\s*"), ""),
    (re.compile(r",?\s+but\s+", re.IGNORECASE), "But "),
    (re.compile(r",?\s+because\s+", re.IGNORECASE), "This is because "),
    # Not before "that"/"which"/"who": "felt X and that Y" would leave "That Y." on its own.
    (re.compile(r",?\s+and\s+(?!(?:that|which|who|whom|whose)\b)", re.IGNORECASE), ""),
    (re.compile(r"\s*,\s+"), ""),
)


def easy_read_draft(text: str, terms: Sequence[GlossaryTerm]) -> str:
    """The first easy-read draft of ``text``: plain words, short sentences, one per line."""
    lines = []
    for start, end in sentence_spans(text.replace("\r\n", "\n").replace("\r", "\n")):
        sentence = _BULLET.sub("", " ".join(text[start:end].split()))
        if not any(ch.isalnum() for ch in sentence):
            continue
        sentence = _expand_contractions(_plain_terms(sentence, terms))
        lines.extend(_finish(part) for part in _split(sentence))
    return "\n".join(line for line in lines if line)


def _plain_terms(sentence: str, terms: Sequence[GlossaryTerm]) -> str:
    pieces = []
    position = 0
    for found in match_terms(sentence, terms):
        plain = found.term.plain.strip()
        if not plain:
            continue
        before = sentence[position : found.start]
        previous = re.search(r"(\w+)\s+$", before)
        if previous and previous.group(1).casefold() in _DETERMINERS:
            # "the Care Act" -> "the care law", not "the the care law".
            plain = _LEADING_ARTICLE.sub("", plain)
            if previous.group(1).casefold() in {"a", "an"}:
                article = "an" if _VOWEL_SOUND.match(plain) else "a"
                if previous.group(1)[0].isupper():
                    article = article.capitalize()
                before = before[: previous.start(1)] + article + before[previous.end(1) :]
        if not before.strip() and not pieces and sentence[found.start].isupper():
            plain = plain[0].upper() + plain[1:]
        pieces.append(before)
        pieces.append(plain)
        position = found.end
    pieces.append(sentence[position:])
    return "".join(pieces)


def _expand_contractions(sentence: str) -> str:
    pieces = []
    position = 0
    for found, long_form in contractions(sentence):
        pieces.append(sentence[position : found.start()])
        pieces.append(long_form)
        position = found.end()
    pieces.append(sentence[position:])
    return "".join(pieces)


def _word_count(text: str) -> int:
    return len(words(text))


def _split(sentence: str) -> list[str]:
    """``sentence`` as parts of at most 15 words where a natural joint allows it."""
    if _word_count(sentence) <= MAX_SENTENCE_WORDS:
        return [sentence]
    middle = len(sentence) / 2
    for joint, opener in _JOINTS:
        candidates = [
            found
            for found in joint.finditer(sentence)
            if _word_count(sentence[: found.start()]) >= MIN_PART_WORDS
            and _word_count(sentence[found.end() :]) >= MIN_PART_WORDS
        ]
        if not candidates:
            continue
        best = min(candidates, key=lambda found: abs(found.start() - middle))
        first = sentence[: best.start()].rstrip(" ,;:")
        rest = sentence[best.end() :].lstrip()
        rest = opener + (rest if opener else rest[:1].upper() + rest[1:])
        return _split(first) + _split(rest)
    return [sentence]


def _finish(part: str) -> str:
    part = part.strip().rstrip(",;:").strip()
    if not part:
        return ""
    part = part[0].upper() + part[1:]
    if not re.search(r"[.!?…][\"'’”)\]]*$", part):
        part += "."
    return part
