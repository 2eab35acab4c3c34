"""The glossary of hard words as plain data: the seed file and finding terms in a text.

``resources/glossary.json`` holds the adult social care terms we wrote ourselves, each with a
plainer alternative and one short easy sentence. The program copies them into the database the
first time the glossary is used (``services.glossary``); after that the facilitator's edits rule.

Matching is what the checker, the easy-read draft and the "Hard words" list share, so it lives
here once: case-insensitive, whole words only, plurals ("assessments", "policies"), multi-word
terms across any spacing or line break, hyphens optional ("co-production", "coproduction",
"co production") and either apostrophe ("carer's", "carer’s"). Where terms overlap the longest
one wins, so "carer's assessment" is found rather than "assessment" inside it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coproduce.domain.records import GlossaryTerm
from coproduce.paths import resources_dir

SEED_FILE_NAME = "glossary.json"


def seed_path() -> Path:
    """Where the seed glossary lives (``resources/glossary.json``)."""
    return resources_dir() / SEED_FILE_NAME


def load_seed(path: Path | None = None) -> list[GlossaryTerm]:
    """The seeded terms, in the file's order, as unsaved records (``id`` is None)."""
    data = json.loads((path or seed_path()).read_text(encoding="utf-8"))
    return [
        GlossaryTerm(
            term=entry["term"].strip(),
            plain=entry.get("plain", "").strip(),
            explanation=entry.get("explanation", "").strip(),
        )
        for entry in data["terms"]
    ]


def term_key(term: str) -> str:
    """The form a term is stored and compared under: folded case, one space, straight quotes.

    "Carer’s  Assessment" and "carer's assessment" are the same term, so the glossary holds it
    once (the database's ``term_key`` column is unique).
    """
    text = unicodedata.normalize("NFKC", term).replace("’", "'").replace("‘", "'")
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class TermMatch:
    """Where a glossary term appears in a text: ``text[start:end]`` is the matched wording."""

    start: int
    end: int
    term: GlossaryTerm


_APOSTROPHE = "['’]"
_HYPHEN = "[-‐‑–]"
_SPACE = r"[\s\-‐‑–]+"


def _word_pattern(word: str, last: bool) -> str:
    parts = []
    for piece in re.split(r"(['’]|[-‐‑–])", word):
        if not piece:
            continue
        if piece in "'’":
            parts.append(_APOSTROPHE)
        elif piece in "-‐‑–":
            # "co-production", "co production" and "coproduction" are all the same word.
            parts.append(rf"(?:{_HYPHEN}|\s+)?")
        else:
            parts.append(re.escape(piece))
    pattern = "".join(parts)
    if last:
        lowered = word.casefold()
        if re.search(r"[^aeiou]y$", lowered):
            # "policy" -> "policies", "strategy" -> "strategies".
            pattern = pattern[:-1] + "(?:y|ies)"
        elif lowered.endswith(("s", "x", "z", "ch", "sh")):
            pattern += "(?:es)?"
        else:
            pattern += "s?"
    return pattern


def _term_pattern(term: str) -> str:
    words = term.split()
    return _SPACE.join(_word_pattern(word, i == len(words) - 1) for i, word in enumerate(words))


_WORD_START = re.compile(r"(?<!\w)\w")

Buckets = dict[str, list[tuple[re.Pattern[str], GlossaryTerm]]]


def _lead(text: str) -> str:
    """The first two letters or digits of ``text``, case folded: the bucket a term is in."""
    return "".join(ch for ch in text[:6] if ch.isalnum()).casefold()[:2]


def _lead_at(text: str, position: int) -> str:
    """``_lead`` of the text from a word start, quickly ("Co-production": "co")."""
    second = text[position + 1 : position + 2]
    if second and not second.isalnum():
        second = text[position + 2 : position + 3]
    if not second.isalnum():
        second = ""
    return (text[position] + second).casefold()[:2]


@lru_cache(maxsize=32)
def _matcher(terms: tuple[GlossaryTerm, ...]) -> tuple[Buckets, re.Pattern[str]]:
    """The terms' patterns by their first two letters (longest term first in each bucket),
    and a pattern finding the word starts that can begin a term. A text is then searched with
    a dictionary look-up at those places, instead of trying every term at every position."""
    usable = [term for term in terms if _lead(term.term.strip())]
    # Longest first: at one position the longer term ("financial assessment") beats the
    # shorter ("assessment").
    usable.sort(key=lambda term: len(term_key(term.term)), reverse=True)
    buckets: Buckets = {}
    for term in usable:
        pattern = re.compile(rf"(?:{_term_pattern(term.term.strip())})(?!\w)", re.IGNORECASE)
        buckets.setdefault(_lead(term.term.strip()), []).append((pattern, term))
    if all(re.fullmatch("[a-z0-9]{1,2}", lead) for lead in buckets):
        leads = "|".join(re.escape(lead[0]) + r"\W?" + re.escape(lead[1:]) for lead in buckets)
        starts = re.compile(rf"(?<!\w)(?=(?:{leads}))", re.IGNORECASE)
    else:
        starts = _WORD_START  # leads that fold unusually ("ß" is "ss"): try every word
    return buckets, starts


def match_terms(text: str, terms: Iterable[GlossaryTerm]) -> list[TermMatch]:
    """Every place a glossary term appears in ``text``, in order, never overlapping."""
    buckets, starts = _matcher(tuple(terms))
    if not buckets:
        return []
    single = any(len(key) == 1 for key in buckets)
    matches = []
    covered = 0
    for word in starts.finditer(text):
        position = word.start()
        if position < covered:
            continue
        lead = _lead_at(text, position)
        candidates = buckets.get(lead, [])
        if single and len(lead) == 2:
            candidates = candidates + buckets.get(lead[0], [])
        for pattern, term in candidates:
            found = pattern.match(text, position)
            if found and found.end() > position:
                matches.append(TermMatch(position, found.end(), term))
                covered = found.end()
                break
    return matches


def terms_used(text: str, terms: Sequence[GlossaryTerm]) -> list[GlossaryTerm]:
    """The terms ``text`` uses, each once, in the order they first appear."""
    seen: dict[str, GlossaryTerm] = {}
    for found in match_terms(text, terms):
        seen.setdefault(term_key(found.term.term), found.term)
    return list(seen.values())
