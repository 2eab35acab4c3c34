"""The picture library: a picture for each concept, chosen once and remembered.

Easy-read documents put a picture beside every idea. A *concept* ("money", "next meeting")
names the idea; the curated library in ``resources/pictures/concepts.json`` gives each common
concept a clear icon, alt text in plain words and the words that find it. The facilitator may
choose another icon or their own picture file for a concept; the choice is remembered and
used everywhere that concept appears, so the same idea always looks the same to a reader.
Each easy-read row (a session, agenda item, contribution, response or action) stores only the
name of its concept; rows without one get a concept suggested from their words.

A picture file the facilitator chooses is copied into the user's data folder first
(``pictures/`` beside the database) under a name made from its content, so moving or deleting
the original does not break documents. If that copy later goes missing, ``for_concept`` still
returns the choice (nothing is silently changed); rendering it reports the problem in plain
words and document builders fall back to ``default_for(concept)``.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import PictureChoice, replace
from coproduce.domain.vocabulary import PictureSource, RowKind
from coproduce.paths import data_dir, resources_dir
from coproduce.services.base import Service

__all__ = [
    "ICON_SETS",
    "PICTURE_FILE_TYPES",
    "Concept",
    "PictureService",
    "concept_key",
    "curated_concept",
    "curated_concepts",
    "fold",
]

PICTURE_FILE_TYPES = (".png", ".jpg", ".jpeg", ".svg")
"""The picture files a facilitator may use: photos, scanned symbols, vector drawings."""

MAX_PICTURE_FILE_BYTES = 20 * 1024 * 1024

ICON_SETS: dict[str, tuple[str, str]] = {
    # qtawesome prefix: (the icon set's name, its licence and how it is credited)
    "fa5s": ("Font Awesome Free 5", "CC BY 4.0"),
    "fa5": ("Font Awesome Free 5", "CC BY 4.0"),
    "fa5b": ("Font Awesome Free 5", "CC BY 4.0"),
    "fa6s": ("Font Awesome Free 6", "CC BY 4.0"),
    "fa6": ("Font Awesome Free 6", "CC BY 4.0"),
    "fa6b": ("Font Awesome Free 6", "CC BY 4.0"),
    "mdi6": ("Material Design Icons", "Apache License 2.0"),
    "mdi": ("Material Design Icons", "Apache License 2.0"),
    "ph": ("Phosphor Icons", "MIT Licence"),
    "ri": ("Remix Icon", "Apache License 2.0"),
    "msc": ("Microsoft Codicons", "CC BY 4.0"),
    "ei": ("Elusive Icons", "SIL Open Font License 1.1"),
}
"""The qtawesome icon sets a library picture may come from."""

_ICON_NAME = re.compile(r"^[a-z0-9]+\.[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True, slots=True)
class Concept:
    """One curated concept: its default picture and the words that find it."""

    concept: str
    icon: str
    alt_text: str
    words: tuple[str, ...]
    weight: float = 1.0
    color: str = ""
    """The colour the library draws it in ('' for the usual dark blue): a green tick, a red
    cross."""

    def default_choice(self) -> PictureChoice:
        return PictureChoice(
            concept=self.concept,
            source=PictureSource.ICON,
            reference=self.icon,
            alt_text=self.alt_text,
        )


# --- words -------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without accents or punctuation: 'Médicine!' and 'medicine' are one word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w&]+", " ", plain).split())


def concept_key(concept: str) -> str:
    """How a concept is stored: lower case, single spaces ('Next  Meeting' -> 'next meeting').

    Accents are kept (a concept is a name the facilitator sees), only searching ignores them."""
    return " ".join(concept.casefold().split())


_NOT_PLURALS = frozenset({"news", "always", "perhaps", "sometimes", "series", "species"})


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


def _stems(text: str) -> tuple[str, ...]:
    return tuple(_stem(word) for word in fold(text).split())


# --- the curated library -----------------------------------------------------------------


def _concepts_file() -> Path:
    return resources_dir() / "pictures" / "concepts.json"


@cache
def _library() -> tuple[dict[str, Concept], str]:
    data = json.loads(_concepts_file().read_text(encoding="utf-8"))
    concepts: dict[str, Concept] = {}
    for entry in data["concepts"]:
        concept = Concept(
            concept=concept_key(entry["concept"]),
            icon=entry["icon"],
            alt_text=entry["alt_text"],
            words=tuple(entry["words"]),
            weight=float(entry.get("weight", 1.0)),
            color=entry.get("color", ""),
        )
        concepts[concept.concept] = concept
    return concepts, concept_key(data["default"])


def curated_concept(concept: str) -> Concept | None:
    """The library's entry for ``concept``, or None when the library does not have it."""
    return _library()[0].get(concept_key(concept))


def curated_concepts() -> list[Concept]:
    """Every curated concept, in the library's order (section pictures first)."""
    return list(_library()[0].values())


@cache
def _phrase_index() -> tuple[dict[tuple[str, ...], list[Concept]], int]:
    """Each known phrase (as stems) and the concepts it suggests; and the longest phrase."""
    index: dict[tuple[str, ...], list[Concept]] = {}
    for entry in curated_concepts():
        for phrase in dict.fromkeys((entry.concept, *entry.words)):
            stems = _stems(phrase)
            if stems and entry not in index.setdefault(stems, []):
                index[stems].append(entry)
    return index, max(len(stems) for stems in index)


def _default_concept() -> Concept:
    concepts, default = _library()
    return concepts[default]


# --- the service -------------------------------------------------------------------------


class PictureService(Service):
    # --- which picture stands for a concept ----------------------------------------------

    def default_for(self, concept: str) -> PictureChoice:
        """The library's picture for ``concept``, ignoring any choice the user made (what a
        document falls back to when a chosen picture file has gone missing). An unknown
        concept gets the general picture."""
        key = concept_key(concept)
        curated = _library()[0].get(key)
        if curated is not None:
            return curated.default_choice()
        return replace(_default_concept().default_choice(), concept=key)

    def for_concept(self, concept: str) -> PictureChoice:
        """The picture for ``concept``: the user's remembered choice, else the library's
        picture, else (a concept the library does not know) the general picture. Never fails
        for an unknown concept."""
        key = concept_key(concept)
        with self._store.transaction() as unit:
            chosen = unit.picture_choices.by_concept(key)
        return chosen if chosen is not None else self.default_for(key)

    def for_concepts(self, concepts: Iterable[str]) -> dict[str, PictureChoice]:
        """``for_concept`` for many concepts in one query (keys as given)."""
        wanted = list(concepts)
        with self._store.transaction() as unit:
            chosen = unit.picture_choices.by_concepts(concept_key(c) for c in wanted)
        return {c: chosen.get(concept_key(c)) or self.default_for(c) for c in wanted}

    def remembered(self) -> list[PictureChoice]:
        """The choices the user made, by concept."""
        with self._store.transaction() as unit:
            return unit.picture_choices.everything()

    def library(self) -> list[PictureChoice]:
        """Every curated concept with the picture it now has (the user's choice where made),
        followed by the user's own concepts the library does not have."""
        with self._store.transaction() as unit:
            chosen = {choice.concept: choice for choice in unit.picture_choices.everything()}
        result = [chosen.pop(c.concept, None) or c.default_choice() for c in curated_concepts()]
        return result + sorted(chosen.values(), key=lambda choice: choice.concept)

    def search(self, words: str) -> list[PictureChoice]:
        """Concepts whose name or words match every word typed (the start of a word is
        enough; case and accents do not matter), best matches first, each with the picture
        it now has. Empty words list everything."""
        wanted = _stems(words)
        library = self.library()
        if not wanted:
            return library
        curated = _library()[0]
        scored: list[tuple[float, int, PictureChoice]] = []
        for position, choice in enumerate(library):
            entry = curated.get(choice.concept)
            phrases = (choice.concept, *(entry.words if entry else ()))
            vocabulary = {stem for phrase in phrases for stem in _stems(phrase)}
            score = 0.0
            for word in wanted:
                if word in vocabulary:
                    score += 2
                elif any(known.startswith(word) for known in vocabulary):
                    score += 1
                else:
                    break
            else:
                if _stems(choice.concept) == wanted:
                    score += 10  # the concept itself, by name
                scored.append((-score, position, choice))
        return [choice for _score, _position, choice in sorted(scored, key=lambda s: s[:2])]

    def suggest_concept(self, text: str) -> str:
        """The curated concept that best fits a row's words ('The bus was late' -> 'bus');
        the general concept when none fits.

        The words are read left to right, taking the longest known phrase at each place
        ("direct payments" before "payments"); the concept met most often wins, and of equals
        the one mentioned first (a sentence usually starts with what it is about)."""
        stems = _stems(text)
        phrases, longest = _phrase_index()
        scores: dict[str, float] = {}
        first_seen: dict[str, int] = {}
        position = 0
        while position < len(stems):
            for length in range(min(longest, len(stems) - position), 0, -1):
                concepts = phrases.get(tuple(stems[position : position + length]))
                if concepts:
                    for entry in concepts:
                        scores[entry.concept] = scores.get(entry.concept, 0.0) + entry.weight
                        first_seen.setdefault(entry.concept, position)
                    position += length
                    break
            else:
                position += 1
        ranked = sorted(
            (concept for concept, score in scores.items() if score > 0),
            key=lambda concept: (-scores[concept], first_seen[concept]),
        )
        return ranked[0] if ranked else _default_concept().concept

    # --- remembering a choice ------------------------------------------------------------

    def choose(
        self, concept: str, source: PictureSource, reference: str, alt_text: str
    ) -> PictureChoice:
        """Remember the picture for ``concept`` (replacing an earlier choice). Alt text is
        required: it is what a screen reader says instead of the picture."""
        choice = _check_choice(
            PictureChoice(
                concept=concept_key(concept),
                source=source,
                reference=reference.strip(),
                alt_text=" ".join(alt_text.split()),
            )
        )
        with self._store.transaction() as unit:
            earlier = unit.picture_choices.by_concept(choice.concept)
            if earlier is None:
                return unit.picture_choices.add(choice)
            return unit.picture_choices.update(
                replace(choice, id=earlier.id, version=earlier.version)
            )

    def choose_file(self, concept: str, path: Path, alt_text: str) -> PictureChoice:
        """Remember one of the user's own picture files for ``concept``. The file is copied
        into the data folder first, so a document still finds it after the original moves."""
        # The words first: nothing is copied for a choice that will be refused.
        _check_choice(
            PictureChoice(
                concept=concept_key(concept),
                source=PictureSource.FILE,
                reference=str(path),
                alt_text=" ".join(alt_text.split()),
            )
        )
        kept = self.keep_copy(path)
        return self.choose(concept, PictureSource.FILE, str(kept), alt_text)

    def keep_copy(self, path: Path) -> Path:
        """Copy a picture file into the data folder (``pictures/``), named by its name and
        content, so the same picture chosen twice is kept once. Refuses files that are not
        pictures."""
        path = Path(path).expanduser()
        if path.suffix.casefold() not in PICTURE_FILE_TYPES:
            raise ValidationError(
                f"'{path.name}' is not a picture file Coproduce can use. "
                "Choose a PNG, JPEG or SVG file.",
                "reference",
            )
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise ValidationError(
                f"The picture file '{path.name}' could not be read ({exc.strerror or exc}). "
                "Check that it still exists and that you may open it.",
                "reference",
            ) from exc
        if not content:
            raise ValidationError(f"The picture file '{path.name}' is empty.", "reference")
        if len(content) > MAX_PICTURE_FILE_BYTES:
            raise ValidationError(
                f"The picture file '{path.name}' is larger than 20 MB. Make a smaller copy "
                "(for example with a photo editor) and choose that.",
                "reference",
            )
        folder = data_dir() / "pictures"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # The original name keeps the copy recognisable; the content's hash keeps two
        # different pictures with the same name apart.
        stem = re.sub(r"[^\w\- ]+", "", path.stem).strip()[:60] or "picture"
        digest = hashlib.sha256(content).hexdigest()[:16]
        kept = folder / f"{stem}-{digest}{path.suffix.casefold()}"
        if not kept.exists():
            partial = kept.with_suffix(kept.suffix + ".part")
            partial.write_bytes(content)
            partial.replace(kept)
        return kept

    def forget(self, concept: str) -> PictureChoice | None:
        """Go back to the library's picture for ``concept``. Returns the forgotten choice
        (None when there was none), which ``restore`` puts back (undo)."""
        key = concept_key(concept)
        with self._store.transaction() as unit:
            earlier = unit.picture_choices.by_concept(key)
            if earlier is not None:
                assert earlier.id is not None
                unit.picture_choices.delete(earlier.id)
            return earlier

    def restore(self, choice: PictureChoice | None, concept: str | None = None) -> None:
        """Undo of ``choose`` or ``forget``: make ``choice`` the concept's picture again, or,
        when ``choice`` is None, go back to the library's picture for ``concept``."""
        if choice is None:
            if concept is not None:
                self.forget(concept)
            return
        self.choose(choice.concept, choice.source, choice.reference, choice.alt_text)

    # --- the concept of each easy-read row -----------------------------------------------

    def row_concept(self, kind: RowKind, record_id: int) -> str | None:
        """The concept chosen for a row, or None when none was chosen (suggest one)."""
        with self._store.transaction() as unit:
            return unit.row_pictures.concept(kind, record_id)

    def rows_concepts(self, kind: RowKind, ids: Iterable[int]) -> dict[int, str]:
        """The chosen concept of each row that has one (rows without one are left out)."""
        with self._store.transaction() as unit:
            return unit.row_pictures.concepts(kind, ids)

    def set_row_concept(self, kind: RowKind, record_id: int, concept: str | None) -> str | None:
        """Illustrate a row with ``concept`` (None: no chosen concept). Returns the concept
        it had before, for undo. Refused when the record no longer exists."""
        key = concept_key(concept) if concept is not None else None
        if key == "":
            raise ValidationError("Give the picture a name, such as 'money'.", "concept")
        with self._store.transaction() as unit:
            repository = {
                RowKind.SESSION: unit.meetings,
                RowKind.AGENDA_ITEM: unit.agenda_items,
                RowKind.CONTRIBUTION: unit.contributions,
                RowKind.RESPONSE: unit.responses,
                RowKind.ACTION: unit.actions,
            }[kind]
            repository.row(record_id)  # NotFoundError in plain words when it has gone
            before = unit.row_pictures.concept(kind, record_id)
            unit.row_pictures.set(kind, record_id, key)
            return before

    # --- credits -------------------------------------------------------------------------

    @staticmethod
    def credits(choices: Iterable[PictureChoice]) -> str:
        """One line crediting the icon sets that ``choices`` use ('' when none): the icons'
        licences (CC BY 4.0 for Font Awesome) ask for attribution wherever they appear."""
        sets: dict[str, str] = {}
        for choice in choices:
            if choice.source is PictureSource.ICON:
                prefix = choice.reference.split(".", 1)[0]
                if prefix in ICON_SETS:
                    name, licence = ICON_SETS[prefix]
                    sets[name] = licence
        if not sets:
            return ""
        parts = [f"{name} ({licence})" for name, licence in sorted(sets.items())]
        return "Pictures: " + ", ".join(parts) + "."


def _check_choice(choice: PictureChoice) -> PictureChoice:
    if not choice.concept:
        raise ValidationError("Give the picture a name, such as 'money'.", "concept")
    if len(choice.concept) > 200:
        raise ValidationError("Keep the name of the picture under 200 characters.", "concept")
    if not choice.alt_text:
        raise ValidationError(
            "Describe the picture in a few words (for example 'A calendar'). Screen readers "
            "read this to people who cannot see the picture.",
            "alt_text",
        )
    if len(choice.alt_text) > 250:
        raise ValidationError(
            "Keep the picture's description short: under 250 characters.", "alt_text"
        )
    if choice.source is PictureSource.ICON:
        prefix = choice.reference.split(".", 1)[0]
        if not _ICON_NAME.match(choice.reference) or prefix not in ICON_SETS:
            raise ValidationError(
                f"'{choice.reference}' is not a picture in the library. Choose one from the list.",
                "reference",
            )
    elif not choice.reference:
        raise ValidationError("Choose a picture file.", "reference")
    return choice
