"""The plain-language checker: what in a piece of easy-read wording breaks the easy-read rules.

DESIGN.md section 5 asks for short sentences (15 words at most), plain words, no acronyms, no
contractions, no percentages or big numbers, active voice and no capitals for emphasis. The
checker finds each of these and says, in words a facilitator can act on, what to do instead.
Most findings are advice (a passive verb, a contraction); some are the rules that decide what
may be printed in an easy-read document at all (``Finding.blocking``): a sentence over 15
words, a semicolon, an acronym or officer word nobody explains, a document number such as
"3.4". ``easy_read_problems`` returns only those, and ``is_easy_read`` says whether a text
passes: the document builders print a text only if it does (DESIGN.md section 5).

Each ``Finding`` carries the character span it is about (``text[start:end]``), so the editor can
highlight it and the export can list it. ``reading_ease`` gives the Flesch reading-ease figure
with our own syllable count: textstat's current release downloads a corpus at run time, which
fails on council laptops without internet.

Everything here is plain Python (no Qt, no database) and works on any Unicode text: other
scripts, emoji, control characters and lone surrogates are passed over, never a crash.
"""

from __future__ import annotations

import bisect
import enum
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from coproduce.documents.glossary import match_terms, term_key, terms_used
from coproduce.domain.records import GlossaryTerm
from coproduce.paths import resources_dir

MAX_SENTENCE_WORDS = 15
"""Easy-read sentences have this many words at most (DESIGN.md section 5)."""

LARGE_NUMBER = 1000
"""Numbers above this are hard to picture; "about 2 thousand" is easier."""

ALLOWED_ACRONYMS = frozenset({"OK", "TV", "UK"})
"""Capital-letter words everyone reads as words, so they are not flagged."""


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


class FindingKind(enum.StrEnum):
    """What kind of easy-read rule a finding is about; ``label`` is the short name shown."""

    LONG_SENTENCE = "long_sentence"
    HARD_WORD = "hard_word"
    ACRONYM = "acronym"
    CONTRACTION = "contraction"
    PERCENTAGE = "percentage"
    LARGE_NUMBER = "large_number"
    PASSIVE = "passive"
    CAPITALS = "capitals"
    SEMICOLON = "semicolon"
    OFFICER_WORD = "officer_word"
    REFERENCE = "reference"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    FindingKind.LONG_SENTENCE: "Long sentence",
    FindingKind.HARD_WORD: "Hard word",
    FindingKind.ACRONYM: "Acronym",
    FindingKind.CONTRACTION: "Short form",
    FindingKind.PERCENTAGE: "Percentage",
    FindingKind.LARGE_NUMBER: "Big number",
    FindingKind.PASSIVE: "Passive voice",
    FindingKind.CAPITALS: "Capitals",
    FindingKind.SEMICOLON: "Semicolon",
    FindingKind.OFFICER_WORD: "Officer word",
    FindingKind.REFERENCE: "Document number",
}


@dataclass(frozen=True)
class Finding:
    """One thing to look at again: ``text[start:end]`` is the wording it is about.

    ``message`` says what is wrong in plain words; ``suggestion`` is what to write instead
    (a plainer word, a rounded number) or what to do ("Split it into two sentences").
    """

    kind: FindingKind
    start: int
    end: int
    message: str
    suggestion: str
    blocking: bool = False
    """True when the text may not be printed in an easy-read document until it is fixed."""


# ---------------------------------------------------------------------------------------------
# Sentences and words

_WORD = re.compile(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*")
# A sentence ends at . ! ? (with any closing quotes or brackets) followed by a space, or at a
# line end: easy-read wording is written one sentence per line, often without a full stop.
# The run of stops is matched only from its first character and never given back (possessive
# quantifiers), so a long run of dots ("........") is read once, not once for each dot.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'’”)\]]*+(?=\s)|\n")
_NOT_AN_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|e\.g|i\.e|eg|ie|no|approx)|\b[A-Z])\.$", re.I)
_NOT_AN_END_REACH = len("approx.") + 1  # the longest of those, and one more


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each sentence, trimmed of surrounding spaces, empty ones left out."""
    spans = []
    start = 0
    for end_match in _SENTENCE_END.finditer(text):
        end = end_match.end()
        # Only the last few characters decide ("Mr.", "e.g."); searching the whole sentence
        # again at each stop inside it would be slow on long texts full of initials.
        near_end = max(start, end - _NOT_AN_END_REACH)
        if end_match.group() != "\n" and _NOT_AN_END.search(text, near_end, end):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    trimmed = []
    for begin, finish in spans:
        while begin < finish and text[begin].isspace():
            begin += 1
        while finish > begin and text[finish - 1].isspace():
            finish -= 1
        if any(ch.isalnum() for ch in text[begin:finish]):
            trimmed.append((begin, finish))
    return trimmed


def words(text: str) -> list[re.Match[str]]:
    """The words of ``text`` (letters or digits; "don't" and "co-production" are one word)."""
    return list(_WORD.finditer(text))


# ---------------------------------------------------------------------------------------------
# Syllables and reading ease

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """An estimate of the syllables in one English word (at least 1).

    Vowel groups, less a silent final "e" ("home"), less "-ed" that is not its own syllable
    ("helped" but not "needed"), plus "-le" after a consonant ("people"). Words in other
    scripts count as one syllable per word: the figure is for English text.
    """
    return _syllables(word.casefold())


@lru_cache(maxsize=16384)
def _syllables(folded: str) -> int:
    letters = "".join(ch for ch in folded if "a" <= ch <= "z")
    if len(letters) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(letters))
    silent_e = letters.endswith("e") and not letters.endswith(("le", "ee", "ye"))
    silent_ed = letters.endswith("ed") and not letters.endswith(("ted", "ded"))
    silent_es = (
        letters.endswith("es")
        and not letters.endswith(("ses", "zes", "ces", "ges", "xes"))
        and not (letters.endswith("les") and letters[-4] not in "aeiouy")  # "tables"
    )
    if silent_e or silent_ed or silent_es:
        count -= 1
    if letters.endswith("le") and letters[-3] not in "aeiouy":
        count = max(count, 2)
    return max(count, 1)


def reading_ease(text: str) -> float:
    """The Flesch reading-ease figure of ``text``, from 0 (very hard) to 100 (very easy).

    206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word), kept within 0-100
    so the figure reads as a score. Easy read aims for 80 or more. Text without words is 100.
    """
    all_words = words(text)
    if not all_words:
        return 100.0
    sentence_count = max(len(sentence_spans(text)), 1)
    syllable_count = sum(syllables(word.group()) for word in all_words)
    score = (
        206.835
        - 1.015 * (len(all_words) / sentence_count)
        - 84.6 * (syllable_count / len(all_words))
    )
    return round(min(max(score, 0.0), 100.0), 1)


def reading_ease_label(score: float) -> str:
    """The reading-ease figure in words: "very easy" (90+) to "very hard" (under 30)."""
    for floor, label in ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain")):
        if score >= floor:
            return label
    if score >= 50:
        return "fairly hard"
    return "hard" if score >= 30 else "very hard"


# ---------------------------------------------------------------------------------------------
# Contractions

_CONTRACTION = re.compile(
    r"(?<![\w'’])(?:(?P<neg>[^\W\d_]+n['’]t)|(?P<word>[^\W\d_]+)['’](?P<tail>ll|re|ve|d|m|s))(?!\w)",
    re.IGNORECASE,
)
_S_CONTRACTIONS = frozenset(
    {"it", "that", "there", "here", "he", "she", "what", "where", "who", "let", "how", "when"}
)
_NEGATIVES = {"won't": "will not", "can't": "cannot", "shan't": "shall not", "ain't": "is not"}
_TAILS = {"ll": "will", "re": "are", "ve": "have", "m": "am", "s": "is"}


def contractions(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Each short form ("don't", "we'll") in ``text`` with its long form ("do not", "we will").

    "'s" counts only after words where it stands for "is" or "us" ("it's", "let's"), never a
    possessive ("the carer's"). "'d" is "would" unless a past participle follows ("we'd met").
    """
    for found in _CONTRACTION.finditer(text):
        whole = found.group()
        if found.group("neg"):
            folded = whole.casefold().replace("’", "'")
            long_form = _NEGATIVES.get(folded) or f"{whole[:-3]} not"
        else:
            word, tail = found.group("word"), found.group("tail").casefold()
            if tail == "s" and word.casefold() not in _S_CONTRACTIONS:
                continue
            if tail == "s" and word.casefold() == "let":
                long_form = f"{word} us"
            elif tail == "d":
                following = re.match(r"\s+([^\W\d_]+)", text[found.end() :])
                had = following and _is_participle(following.group(1))
                long_form = f"{word} {'had' if had else 'would'}"
            else:
                long_form = f"{word} {_TAILS[tail]}"
        yield found, _match_case(long_form, whole)


def _match_case(replacement: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement[:1].lower() + replacement[1:]


# ---------------------------------------------------------------------------------------------
# Passive voice

_BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't"})
_BE_FILLERS = frozenset(
    {"not", "also", "already", "often", "always", "never", "usually", "still", "then", "just"}
)
IRREGULAR_PARTICIPLES = _word_set(
    """been begun bent bound bitten blown broken brought built bought caught chosen cut dealt
    done drawn driven eaten fallen fed felt fought found forbidden forgotten forgiven frozen
    given gone grown heard held hidden hit hung hurt kept known laid led left lent lost made
    meant met paid put read rung risen run said seen sought sold sent set shaken shown shut
    spoken spent spread stolen struck stuck sworn swept taken taught torn told thought thrown
    understood undertaken upheld woken worn won withdrawn written overseen overtaken"""
)
# Words ending in -ed that usually describe a feeling or state after "is" ("I am tired"), or are
# not verbs at all ("need", "bed"): flagging them would bury the real passives in noise.
_NOT_PARTICIPLES = _word_set(
    """need feed seed speed bed red shed bleed breed weed deed steed exceed proceed succeed
    tired bored worried scared excited interested pleased married retired concerned confused
    annoyed surprised supposed used aged beloved naked sacred wicked wretched hundred
    sophisticated advanced experienced qualified skilled talented"""
)


def _is_participle(word: str) -> bool:
    folded = word.casefold()
    if folded in _NOT_PARTICIPLES:
        return False
    if folded in IRREGULAR_PARTICIPLES:
        return folded != "been"
    return len(folded) > 3 and folded.endswith("ed")


def _passives(text: str, tokens: Sequence[re.Match[str]]) -> Iterator[Finding]:
    for index, token in enumerate(tokens):
        if token.group().casefold().replace("’", "'") not in _BE:
            continue
        following = index + 1
        # "was not given", "is already paid": one small word may stand between.
        if following < len(tokens) and tokens[following].group().casefold() in _BE_FILLERS:
            following += 1
        if following >= len(tokens) or not _is_participle(tokens[following].group()):
            continue
        between = [tokens[i] for i in range(index, following + 1)]
        if any(text[a.end() : b.start()].strip(" \t") for a, b in pairwise(between)):
            continue  # punctuation between them: not one verb phrase
        phrase = text[token.start() : tokens[following].end()]
        yield Finding(
            FindingKind.PASSIVE,
            token.start(),
            tokens[following].end(),
            f'"{phrase}" is likely passive voice. It can hide who does what.',
            'Say who does it first, for example "We sent the letter" '
            'instead of "The letter was sent".',
        )


# ---------------------------------------------------------------------------------------------
# Numbers

_PERCENTAGE = re.compile(
    r"(?<![\w.,])(?P<number>\d+(?:[.,]\d+)?)\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE
)
_NUMBER = re.compile(r"(?<![\w.,£$€])(?P<currency>[£$€])?(?P<digits>\d{1,3}(?:,\d{3})+|\d+)")
_NEXT_TO_DIGITS = re.compile(r"\d[\s\-]$|^[\s\-]\d")


@lru_cache(maxsize=1024)
def _fraction_words(percent: float) -> str:
    if percent >= 99.5:
        return "everyone"
    if percent <= 0.5:
        return "almost nobody"
    best = min(
        ((count, out_of) for out_of in (2, 3, 4, 5, 10) for count in range(1, out_of)),
        key=lambda pair: (abs(pair[0] / pair[1] * 100 - percent), pair[1]),
    )
    count, out_of = best
    if percent < 5:
        return "very few people"
    if count * 2 == out_of:
        return "about half of the people"
    return f"about {count} in {out_of} people"


_HUGE_DIGITS = 15
"""Numbers with more digits than this (a thousand million million) are called "a huge number"."""


def _shortened(number: str) -> str:
    """A number short enough to quote in a message."""
    return number if len(number) <= 20 else number[:17] + "…"


def _rounded(value: int, currency: str) -> str:
    for size, name in ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand")):
        if value >= size:
            amount = int(value / size + 0.5)
            return f"about {currency}{amount} {name}"
    return f"{currency}{value}"


def _numbers(text: str) -> Iterator[Finding]:
    percentages = set()
    for found in _PERCENTAGE.finditer(text):
        percentages.add(found.start())
        value = float(found.group("number").replace(",", "."))
        yield Finding(
            FindingKind.PERCENTAGE,
            found.start(),
            found.end(),
            f'"{_shortened(found.group())}" is a percentage. Percentages are hard to picture.',
            f'Say "{_fraction_words(value)}" or "most people".',
        )
    for found in _NUMBER.finditer(text):
        if found.start() in percentages:
            continue  # the number of a percentage, already found as one
        digits = found.group("digits")
        # Phone numbers and codes ("0161 234 5678") are read digit by digit, so left alone;
        # so are years ("in 2026"): easy read writes dates in full.
        if digits.startswith("0") or _NEXT_TO_DIGITS.search(
            text[max(found.start() - 2, 0) : found.start()]
        ):
            continue
        if _NEXT_TO_DIGITS.search(text[found.end() : found.end() + 2]):
            continue
        plain = digits.replace(",", "")
        # Only numbers of a sensible length are turned into an int: Python refuses to convert
        # more than 4,300 digits, and any number that long is simply "huge".
        value = int(plain) if len(plain) <= _HUGE_DIGITS else None
        if value is not None:
            if value <= LARGE_NUMBER:
                continue
            if "," not in digits and len(digits) == 4 and 1900 <= value <= 2099:
                continue
        currency = found.group("currency") or ""
        rounded = _rounded(value, currency) if value is not None else "a huge number"
        yield Finding(
            FindingKind.LARGE_NUMBER,
            found.start(),
            found.end(),
            f'"{_shortened(found.group())}" is a big number. Big numbers are hard to picture.',
            f'Say "{rounded}" or "most people".',
        )


# ---------------------------------------------------------------------------------------------
# Capitals: acronyms and shouting

# Ordinary words that people type in capitals to stress them ("do NOT"). A capital-letter word
# that is not one of these, and not long, is read as an acronym ("NHS", "ICB").
_COMMON_WORDS = _word_set(
    """a about after again all also always am an and any are as ask at away back be been before
    best big bring but by call can cancel cancelled change check close come day did do does done
    down early each end even every free from full get give go going good got had has have he her
    here him his how i if important in is it just keep know last late let like look make many may
    me meet more most must my need never new next no not note now of off on one only open or our
    out over please read ready remember right same say see she should so some soon start stop
    sure take tell than thank thanks that the their them then there these they this time to
    today too two up urgent us very want warning was we well were what when where which who why
    will with yes you your"""
)


def _is_capital_word(word: str) -> bool:
    if len(word) < 2 or word[0].islower() or word[1].islower():
        return False  # most words: quick to rule out
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) < 2:
        return False
    # "GPs": an acronym's plural keeps a small s.
    if letters[-1] == "s" and len(letters) > 2:
        letters = letters[:-1]
    return all(ch.isupper() for ch in letters)


def _looks_like_a_word(word: str) -> bool:
    folded = word.casefold().replace("’", "'")
    if folded in _COMMON_WORDS or "'" in folded:
        return True  # acronyms have no apostrophe; "DON'T" is a word in capitals
    return len(folded) >= 6 and bool(re.search(r"[aeiou]", folded))


def _capitals(
    text: str, tokens: Sequence[re.Match[str]], glossary: dict[str, GlossaryTerm]
) -> Iterator[Finding]:
    runs: list[list[re.Match[str]]] = []
    for token in tokens:
        if not _is_capital_word(token.group()):
            continue
        if runs and not text[runs[-1][-1].end() : token.start()].strip(" \t,"):
            runs[-1].append(token)
        else:
            runs.append([token])
    for run in runs:
        wordlike = [token for token in run if _looks_like_a_word(token.group())]
        if len(run) >= 3 or wordlike:
            # Capitals for stress (or a whole line in capitals): bold is the easy-read way.
            stressed = run if len(run) >= 3 else wordlike
            start, end = stressed[0].start(), stressed[-1].end()
            wording = text[start:end]
            yield Finding(
                FindingKind.CAPITALS,
                start,
                end,
                f'"{wording}" is in capitals. Capitals are hard to read.',
                f'Write "{wording.lower()}" and make it bold if it matters.',
            )
        for token in run:
            if token in wordlike or len(run) >= 3:
                continue
            word = token.group()
            if word.upper() in ALLOWED_ACRONYMS:
                continue
            explained = glossary.get(term_key(word)) or glossary.get(term_key(word[:-1]))
            if explained is not None:
                full = explained.plain or explained.explanation
                message = (
                    f'"{word}" is an acronym. The hard words list explains it, '
                    "but say it in full if you can."
                )
                suggestion = f'Say "{full}".' if full else "Say it in full."
            else:
                message = f'"{word}" is an acronym. Many people do not know what the letters mean.'
                suggestion = "Write it in full words, or add it to the glossary."
            yield Finding(
                FindingKind.ACRONYM,
                token.start(),
                token.end(),
                message,
                suggestion,
                blocking=explained is None,
            )


# ---------------------------------------------------------------------------------------------
# Semicolons, document numbers and officer words: the rules that keep a text off the page

_SEMICOLON = re.compile(r";")


def _semicolons(text: str) -> Iterator[Finding]:
    for found in _SEMICOLON.finditer(text):
        yield Finding(
            FindingKind.SEMICOLON,
            found.start(),
            found.end(),
            "A semicolon joins two ideas. Easy read has one idea in each sentence.",
            "End the sentence here and start a new one.",
            blocking=True,
        )


# "Section 3.4", "para 2.1.3", "(3.4)": numbers of a document's parts mean nothing to a reader.
_REFERENCE = re.compile(
    r"(?<![\w.,])(?:(?:section|part|paragraph|para|chapter|clause)s?\s+)?\d+(?:\.\d+)+(?![\w.]\d)",
    re.IGNORECASE,
)


def _references(text: str) -> Iterator[Finding]:
    for found in _REFERENCE.finditer(text):
        wording = found.group()
        if not re.search(r"[a-z]", wording, re.IGNORECASE) and re.fullmatch(r"\d+\.\d{2}", wording):
            continue  # "12.50": money or a time, not a section number
        yield Finding(
            FindingKind.REFERENCE,
            found.start(),
            found.end(),
            f'"{wording}" is a number from inside a document. Readers do not have the document.',
            'Say what the part is about instead, for example "the part about phone calls".',
            blocking=True,
        )


@dataclass(frozen=True)
class OfficerWord:
    """A word council staff use that many easy-read readers do not know, with plain words."""

    word: str
    plain: str


def _forms(word: str) -> str:
    """A pattern for ``word`` with its usual endings (audit, audits, audited, auditing)."""
    parts = word.split()
    head = [re.escape(part) for part in parts[:-1]]
    last = parts[-1]
    if not last.isalpha() or len(last) < 3:
        tail = re.escape(last)
    elif last.endswith("e"):
        stem = re.escape(last[:-1])
        tail = f"{stem}(?:e|es|ed|ing|ement|ements)"
    elif re.search(r"[^aeiou]y$", last):
        stem = re.escape(last[:-1])
        tail = f"{stem}(?:y|ies|ied|ying)"
    else:
        stem = re.escape(last)
        tail = f"{stem}(?:s|es|ed|ing)?"
    return r"\s+".join([*head, tail])


@lru_cache(maxsize=1)
def officer_words() -> tuple[tuple[OfficerWord, ...], re.Pattern[str] | None]:
    """The officer words of ``resources/officer_words.json`` and one pattern finding any of
    them (longest first, whole words, any case)."""
    data = json.loads((resources_dir() / "officer_words.json").read_text(encoding="utf-8"))
    entries = tuple(OfficerWord(e["word"].strip(), e["plain"].strip()) for e in data["words"])
    if not entries:
        return entries, None
    ordered = sorted(entries, key=lambda entry: len(entry.word), reverse=True)
    alternatives = "|".join(f"(?P<w{i}>{_forms(e.word)})" for i, e in enumerate(ordered))
    pattern = re.compile(rf"(?<![\w&])(?:{alternatives})(?![\w&])", re.IGNORECASE)
    return tuple(ordered), pattern


def _officer_words(
    text: str, glossary_spans: Sequence[tuple[int, int]], glossary: dict[str, GlossaryTerm]
) -> Iterator[Finding]:
    entries, pattern = officer_words()
    if pattern is None:
        return
    for found in pattern.finditer(text):
        if any(start < found.end() and found.start() < end for start, end in glossary_spans):
            continue  # the glossary explains it (the document prints the explanation)
        entry = entries[int(found.lastgroup[1:])]  # type: ignore[index]
        if term_key(entry.word) in glossary:
            continue
        wording = found.group()
        yield Finding(
            FindingKind.OFFICER_WORD,
            found.start(),
            found.end(),
            f'"{wording}" is an officer word that many readers do not know. Try "{entry.plain}".',
            entry.plain,
            blocking=True,
        )


# ---------------------------------------------------------------------------------------------
# The checker


def check(text: str, terms: Sequence[GlossaryTerm] = ()) -> list[Finding]:
    """Every easy-read finding in ``text``, ordered by where it starts.

    ``terms`` is the glossary: its terms are the hard words, and an acronym it explains is
    said to be explained.
    """
    findings: list[Finding] = []
    tokens = words(text)

    token_starts = [token.start() for token in tokens]
    for start, end in sentence_spans(text):
        count = bisect.bisect_left(token_starts, end) - bisect.bisect_left(token_starts, start)
        if count > MAX_SENTENCE_WORDS:
            findings.append(
                Finding(
                    FindingKind.LONG_SENTENCE,
                    start,
                    end,
                    f"This sentence has {count} words. Easy read sentences have "
                    f"{MAX_SENTENCE_WORDS} words or fewer.",
                    "Split it into shorter sentences, one idea each.",
                    blocking=True,
                )
            )

    glossary = {term_key(term.term): term for term in terms}
    capital_findings = list(_capitals(text, tokens, glossary))
    acronym_spans = {
        (finding.start, finding.end)
        for finding in capital_findings
        if finding.kind is FindingKind.ACRONYM
    }
    findings.extend(capital_findings)

    for found in match_terms(text, terms):
        if (found.start, found.end) in acronym_spans:
            continue  # already said as an acronym the glossary explains
        wording = text[found.start : found.end]
        plain = found.term.plain
        findings.append(
            Finding(
                FindingKind.HARD_WORD,
                found.start,
                found.end,
                f'"{wording}" is a hard word.'
                + (f' Try "{plain}".' if plain else " Explain it in easy words."),
                plain or found.term.explanation or "Use an easier word.",
            )
        )

    for found, long_form in contractions(text):
        findings.append(
            Finding(
                FindingKind.CONTRACTION,
                found.start(),
                found.end(),
                f'"{found.group()}" is a short form. Some readers find short forms hard.',
                f'Write "{long_form}".',
            )
        )

    glossary_spans = [(found.start, found.end) for found in match_terms(text, terms)]
    findings.extend(_officer_words(text, glossary_spans, glossary))
    findings.extend(_semicolons(text))
    findings.extend(_references(text))
    findings.extend(_numbers(text))
    findings.extend(_passives(text, tokens))
    findings.sort(key=lambda finding: (finding.start, finding.end, finding.kind.value))
    return findings


def easy_read_problems(text: str, terms: Sequence[GlossaryTerm] = ()) -> list[Finding]:
    """The findings that keep ``text`` out of an easy-read document: a sentence over 15
    words, a semicolon, an acronym or officer word the glossary does not explain, a document
    number. Hard words the glossary explains are allowed: the document explains them."""
    return [finding for finding in check(text, terms) if finding.blocking]


def is_easy_read(text: str, terms: Sequence[GlossaryTerm] = ()) -> bool:
    """Whether ``text`` may be printed in an easy-read document (no ``easy_read_problems``)."""
    return not easy_read_problems(text, terms)


def find_hard_words(text: str, terms: Sequence[GlossaryTerm]) -> list[GlossaryTerm]:
    """The glossary terms ``text`` uses, each once, in the order they first appear.

    This is what the "Hard words" page of an easy-read document lists.
    """
    return terms_used(text, terms)
