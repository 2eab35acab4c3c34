"""Reading a row's words for what they mean, to choose its easy-read picture.

A keyword search picks a train for "train staff" and a book for "book respite". The reader here
works in three steps, all driven by data in ``resources/pictures/concepts.json`` (its README
documents the format):

1. **Senses** first. Each sense is a small pattern of words and the concept it means there:
   ``train @det* @people`` means *training* ("train our care staff"), ``not run by @det*
   @authority`` means *independent* ("not run by the council"), ``we could|can not`` means *no*.
   At each place in the sentence the first sense that matches wins and takes its words, so the
   keyword inside it ("train", "council", "change") no longer counts for its usual concept.
2. **Phrases** next: the longest known phrase at each place ("learning disability" before
   "learning", "direct payments" before "payments"), as before.
3. **Compound nouns**: a concept marked ``head`` (form, letter, bill, document ...) takes over
   the words right before it, which only say which one ("the bus pass form" is about a form):
   their scores become the head's.

The concept with the highest score wins (each concept's ``weight``, or a sense's own weight for
the decisive ones: an answer that says no is a no); of equals, the one mentioned first. Nothing
here knows about pictures or the database: it maps words to concept names.

Pattern language (one sense's ``pattern``, words separated by spaces):

- ``word`` one word (plurals match: ``worker`` matches "workers"); ``a|b|c`` any one of them;
  ``_`` joins words into one alternative (``in_place``: "in place");
- ``@name`` any phrase of the word class ``name`` (``word_classes`` in the data);
- ``~N`` up to N words of anything;
- a ``?`` after an element makes it optional, a ``*`` lets it repeat up to three times;
- ``>`` ends the words the sense takes: what follows must be there but still counts for its own
  concept ("right > bus" ignores "right" and leaves "bus" to mean a bus).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Meaning", "Reader", "fold", "stems"]

REPEAT_LIMIT = 3
"""How often an element marked ``*`` may repeat ("the new easy read" is three)."""

_ANY = "\x00"
"""Stands for "any one word" inside a compiled pattern."""

_CONTRACTIONS = (
    (re.compile(r"\bcan[’']t\b"), "can not"),
    (re.compile(r"\bwon[’']t\b"), "will not"),
    (re.compile(r"\bshan[’']t\b"), "shall not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"n[’']t\b"), " not"),
    (re.compile(r"[’']ve\b"), " have"),
    (re.compile(r"[’']re\b"), " are"),
    (re.compile(r"[’']ll\b"), " will"),
    (re.compile(r"\b(i)[’']m\b"), r"\1 am"),
)
"""Contractions written out, so "can't", "cannot" and "can not" are read alike."""

_NOT_PLURALS = frozenset({"news", "always", "perhaps", "sometimes", "series", "species"})


def fold(text: str) -> str:
    """Lower case without accents or punctuation: 'Médicine!' and 'medicine' are one word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w&]+", " ", plain).split())


def _stem(word: str) -> str:
    """A rough English stem so 'buses', 'letters' and 'medicines' find their concept."""
    if word in _NOT_PLURALS:
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[:-2].endswith(("s", "x", "ch", "sh")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def stems(text: str) -> tuple[str, ...]:
    """The words of ``text`` as they are compared: contractions written out, folded, stemmed."""
    text = text.casefold()
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return tuple(_stem(word) for word in fold(text).split())


@dataclass(frozen=True, slots=True)
class Meaning:
    """What the reader needs of one concept."""

    concept: str
    phrases: tuple[str, ...]
    """The concept's name and words: each phrase found in a sentence suggests it."""
    weight: float = 1.0
    head: bool = False
    """A noun that words right before it only describe ('bus pass' in 'bus pass form')."""


@dataclass(frozen=True, slots=True)
class _Element:
    choices: tuple[tuple[str, ...], ...]
    """Each choice is a phrase of stems; ``(_ANY,)`` is any one word. Longest first."""
    least: int = 1
    most: int = 1

    def ends(self, words: Sequence[str], start: int) -> list[int]:
        """Where this element can end when it starts at ``start``, furthest first."""
        reached = {start}
        found = {start} if self.least == 0 else set()
        for count in range(1, self.most + 1):
            reached = {
                position + len(choice)
                for position in reached
                for choice in self.choices
                if _matches(choice, words, position)
            }
            if not reached:
                break
            if count >= self.least:
                found |= reached
        return sorted(found, reverse=True)


def _matches(choice: tuple[str, ...], words: Sequence[str], start: int) -> bool:
    if start + len(choice) > len(words):
        return False
    return all(wanted in (_ANY, word) for wanted, word in zip(choice, words[start:], strict=False))


@dataclass(frozen=True, slots=True)
class _Sense:
    order: int
    elements: tuple[_Element, ...]
    taken: int
    """How many elements' words the sense takes (the rest is context after ``>``)."""
    means: str
    """The concept the words mean; '' for words that mean nothing here ("take into account")."""
    weight: float
    kinds: frozenset[str]
    """The kinds of row (RowKind codes) it applies to; empty for all."""

    def match(self, words: Sequence[str], start: int) -> int | None:
        """The end of the words this sense takes at ``start``, or None when it does not fit."""

        def attempt(index: int, position: int, taken_end: int) -> int | None:
            if index == self.taken:
                taken_end = position
            if index == len(self.elements):
                return taken_end if taken_end > start else None
            for end in self.elements[index].ends(words, position):
                found = attempt(index + 1, end, taken_end)
                if found is not None:
                    return found
            return None

        return attempt(0, start, start)

    def first_words(self) -> frozenset[str] | None:
        """The words a match can start with, or None when it can start with any word."""
        first = self.elements[0]
        if first.least == 0 or any(choice[0] == _ANY for choice in first.choices):
            return None
        return frozenset(choice[0] for choice in first.choices)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    concept: str
    score: float
    by_sense: bool = False
    """Chosen by a sense: deliberate, so a head noun after it does not take it over."""


class Reader:
    """Chooses the concept that a sentence means, from the library's data.

    Built once from the concepts, the word classes and the senses; ``concept_of`` is then a
    pure function of the words (and, optionally, the kind of row they come from)."""

    def __init__(
        self,
        meanings: Iterable[Meaning],
        word_classes: Mapping[str, Sequence[str]],
        senses: Sequence[Mapping[str, object]],
        default: str,
        kinds: Iterable[str] = (),
    ) -> None:
        self._meanings = {meaning.concept: meaning for meaning in meanings}
        self._default = default
        self._phrases: dict[tuple[str, ...], list[str]] = {}
        for meaning in self._meanings.values():
            for phrase in dict.fromkeys((meaning.concept, *meaning.phrases)):
                key = stems(phrase)
                if key and meaning.concept not in self._phrases.setdefault(key, []):
                    self._phrases[key].append(meaning.concept)
        self._longest = max((len(key) for key in self._phrases), default=1)
        self._classes = {
            name: tuple(sorted({stems(p) for p in members if stems(p)}, key=len, reverse=True))
            for name, members in word_classes.items()
        }
        known_kinds = frozenset(kinds)
        self._senses = tuple(
            self._compile(order, sense, known_kinds) for order, sense in enumerate(senses)
        )
        self._by_first: dict[str, list[_Sense]] = {}
        self._anywhere: list[_Sense] = []
        for sense in self._senses:
            first = sense.first_words()
            if first is None:
                self._anywhere.append(sense)
            else:
                for word in first:
                    self._by_first.setdefault(word, []).append(sense)

    # --- reading -----------------------------------------------------------------------------

    def concept_of(self, text: str, kind: str | None = None) -> str:
        """The concept ``text`` means ('Train staff to use easy read' -> 'training'); the
        default concept when nothing in it is known."""
        ranked = self.ranked(text, kind)
        return ranked[0] if ranked else self._default

    def ranked(self, text: str, kind: str | None = None) -> list[str]:
        """Every concept the words suggest, best first (for choosers and explanations)."""
        hits = self._heads_take_over(list(self._hits(stems(text), kind)))
        scores: dict[str, float] = {}
        first_seen: dict[str, int] = {}
        for hit in hits:
            if hit.concept:
                scores[hit.concept] = scores.get(hit.concept, 0.0) + hit.score
                first_seen.setdefault(hit.concept, hit.start)
        return sorted(
            (concept for concept, score in scores.items() if score > 0),
            key=lambda concept: (-scores[concept], first_seen[concept]),
        )

    def _hits(self, words: tuple[str, ...], kind: str | None) -> Iterator[_Hit]:
        position = 0
        while position < len(words):
            sense, end = self._sense_at(words, position, kind)
            if sense is not None and end is not None:
                yield _Hit(position, end, sense.means, sense.weight, by_sense=True)
                position = end
                continue
            for length in range(min(self._longest, len(words) - position), 0, -1):
                concepts = self._phrases.get(words[position : position + length])
                if concepts:
                    for concept in concepts:
                        meaning = self._meanings[concept]
                        yield _Hit(position, position + length, concept, meaning.weight)
                    position += length
                    break
            else:
                position += 1

    def _sense_at(
        self, words: tuple[str, ...], position: int, kind: str | None
    ) -> tuple[_Sense | None, int | None]:
        candidates = sorted(
            (*self._by_first.get(words[position], ()), *self._anywhere),
            key=lambda sense: sense.order,
        )
        for sense in candidates:
            if sense.kinds and kind not in sense.kinds:
                continue
            end = sense.match(words, position)
            if end is not None:
                return sense, end
        return None, None

    def _heads_take_over(self, hits: list[_Hit]) -> list[_Hit]:
        """Words right before a head noun only describe it: 'bus pass form' is a form, and
        'the easy read safeguarding guide' a guide. The head takes their scores: a noun
        phrase is one thing, however many words it takes to name it."""
        result = list(hits)
        for position, hit in enumerate(hits):
            meaning = self._meanings.get(hit.concept)
            if meaning is None or not meaning.head:
                continue
            start = hit.start
            while True:
                before = [
                    index
                    for index, other in enumerate(result)
                    if other.end == start
                    and other.concept
                    and other.concept != hit.concept
                    and not other.by_sense
                ]
                if not before:
                    break
                taken = max(result[index].score for index in before)
                for index in before:
                    result[index] = _Hit(result[index].start, result[index].end, "", 0.0)
                head = result[position]
                result[position] = _Hit(head.start, head.end, head.concept, head.score + taken)
                start = hits[before[0]].start
        return result

    # --- compiling the data ----------------------------------------------------------------

    def _compile(
        self, order: int, sense: Mapping[str, object], known_kinds: frozenset[str]
    ) -> _Sense:
        pattern = str(sense["pattern"])
        means = str(sense.get("means", ""))
        where = f"sense {order + 1} ('{pattern}')"
        if means and means not in self._meanings:
            raise ValueError(f"{where} means '{means}', which is not a concept")
        kinds = frozenset(str(kind) for kind in sense.get("kinds", ()))  # type: ignore[attr-defined]
        if known_kinds and not kinds <= known_kinds:
            raise ValueError(f"{where} names unknown kinds of row: {sorted(kinds - known_kinds)}")
        parts = pattern.split()
        taken = parts.index(">") if ">" in parts else len(parts)
        elements = tuple(self._element(part, where) for part in parts if part != ">")
        if taken == 0 or not elements[:taken] or all(e.least == 0 for e in elements[:taken]):
            raise ValueError(f"{where} must take at least one word")
        weight = sense.get("weight")
        if weight is None:
            weight = self._meanings[means].weight if means else 0.0
        return _Sense(order, elements, taken, means, float(weight), kinds)  # type: ignore[arg-type]

    def _element(self, part: str, where: str) -> _Element:
        least, most = 1, 1
        if part.endswith("?"):
            part, least = part[:-1], 0
        elif part.endswith("*"):
            part, least, most = part[:-1], 0, REPEAT_LIMIT
        if part.startswith("~"):
            gap = int(part[1:] or 2)
            return _Element(((_ANY,),), 0, gap)
        if part.startswith("@"):
            name = part[1:]
            if name not in self._classes:
                raise ValueError(f"{where} uses the word class '@{name}', which is not defined")
            return _Element(self._classes[name], least, most)
        choices = tuple(stems(choice.replace("_", " ")) for choice in part.split("|"))
        if not all(choices):
            raise ValueError(f"{where} has an empty word in '{part}'")
        return _Element(tuple(sorted(choices, key=len, reverse=True)), least, most)
