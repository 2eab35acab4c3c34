"""The picture library: a picture for each concept, chosen once and remembered.

Easy-read documents put a picture beside every idea. A *concept* ("money", "next meeting")
names the idea; the curated library in ``resources/pictures/concepts.json`` gives each common
concept a clear picture, alt text in plain words and the words that find it. The facilitator
may choose another picture or their own picture file for a concept; the choice is remembered and
used everywhere that concept appears, so the same idea always looks the same to a reader.
Each easy-read row (a session, agenda item, contribution, response or action) stores only the
name of its concept; rows without one get a concept suggested from their words.

A picture file the facilitator chooses is copied into the user's data folder first
(``pictures/`` beside the database) under a name made from its content, so moving or deleting
the original does not break documents. If that copy later goes missing, ``for_concept`` still
returns the choice (nothing is silently changed); rendering it reports the problem in plain
words and document builders fall back to ``default_for(concept)``.

Library pictures are OpenMoji colour pictures (CC BY-SA 4.0), vendored as SVG files in
``resources/pictures/openmoji/`` and named by their OpenMoji code ("1F4B7", a pound note) or, for
a few pictures combined from two OpenMoji pictures, by a name ("booking"). Where OpenMoji has
nothing fitting, a monochrome qtawesome icon ("fa5s.bus") may stand in. ``suggest_concept``
chooses a row's concept by what its words mean (``services.picture_meaning``), so "train staff"
gets training, not a train.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coproduce.domain.errors import ValidationError
from coproduce.domain.records import PictureChoice, replace
from coproduce.domain.vocabulary import PictureSource, RowKind
from coproduce.paths import data_dir, resources_dir
from coproduce.services.base import Service
from coproduce.services.picture_meaning import Meaning, Reader, fold, stems

__all__ = [
    "ICON_SETS",
    "OPENMOJI_CREDIT",
    "PICTURE_FILE_TYPES",
    "Concept",
    "OpenMojiPicture",
    "PictureService",
    "concept_key",
    "curated_concept",
    "curated_concepts",
    "fold",
    "openmoji_file",
    "openmoji_pictures",
    "search_openmoji",
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

OPENMOJI_CREDIT = "OpenMoji, the open-source emoji and icon project, openmoji.org (CC BY-SA 4.0)"
"""How a document credits OpenMoji pictures, as CC BY-SA 4.0 asks (resources/pictures/README)."""
OPENMOJI_COMBINED_NOTE = "some pictures combined by Coproduce"
"""Added to the credit when a combined picture is used: the licence asks to say it was changed."""

_ICON_NAME = re.compile(r"^[a-z0-9]+\.[a-z0-9][a-z0-9-]*$")
_OPENMOJI_NAME = re.compile(r"^[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$")
_OPENMOJI_CODE = re.compile(r"^[0-9A-F]{4,5}(?:-[0-9A-F]{4,5})*$")
"""An OpenMoji picture as OpenMoji draws it; other names are pictures combined from two."""


@dataclass(frozen=True, slots=True)
class Concept:
    """One curated concept: its default picture and the words that find it."""

    concept: str
    source: PictureSource
    """``OPENMOJI`` for the colour pictures; ``ICON`` where OpenMoji has nothing fitting."""
    reference: str
    """The OpenMoji code or combined picture's name ('1F4B7'), or the icon's name."""
    alt_text: str
    words: tuple[str, ...]
    weight: float = 1.0
    color: str = ""
    """An icon's colour ('' for the usual dark blue). OpenMoji pictures keep their own."""
    head: bool = False
    """A noun the words before it only describe: 'the bus pass form' is about a form."""

    def default_choice(self) -> PictureChoice:
        return PictureChoice(
            concept=self.concept,
            source=self.source,
            reference=self.reference,
            alt_text=self.alt_text,
        )


@dataclass(frozen=True, slots=True)
class OpenMojiPicture:
    """One vendored OpenMoji picture, as the chooser offers it: its plain name, not a code."""

    reference: str
    name: str
    """What it shows in plain words ('pound banknote', 'a calendar with a green tick')."""
    words: tuple[str, ...]
    combined: bool = False
    """Drawn by Coproduce from two or three OpenMoji pictures (an adaptation)."""


# --- words -------------------------------------------------------------------------------


def concept_key(concept: str) -> str:
    """How a concept is stored: lower case, single spaces ('Next  Meeting' -> 'next meeting').

    Accents are kept (a concept is a name the facilitator sees), only searching ignores them."""
    return " ".join(concept.casefold().split())


# --- the curated library -----------------------------------------------------------------


def _pictures_dir() -> Path:
    return resources_dir() / "pictures"


def openmoji_file(reference: str) -> Path:
    """The vendored SVG file of an OpenMoji picture ('1F4B7' -> .../openmoji/1F4B7.svg)."""
    return _pictures_dir() / "openmoji" / f"{reference}.svg"


@cache
def _library() -> tuple[dict[str, Concept], str, Reader]:
    data = json.loads((_pictures_dir() / "concepts.json").read_text(encoding="utf-8"))
    concepts: dict[str, Concept] = {}
    for entry in data["concepts"]:
        if ("openmoji" in entry) == ("icon" in entry):
            raise ValueError(
                f"concepts.json: '{entry['concept']}' needs one picture: 'openmoji' or 'icon'"
            )
        concept = Concept(
            concept=concept_key(entry["concept"]),
            source=PictureSource.OPENMOJI if "openmoji" in entry else PictureSource.ICON,
            reference=entry.get("openmoji") or entry["icon"],
            alt_text=entry["alt_text"],
            words=tuple(entry["words"]),
            weight=float(entry.get("weight", 1.0)),
            color=entry.get("color", ""),
            head=bool(entry.get("head", False)),
        )
        concepts[concept.concept] = concept
    default = concept_key(data["default"])
    reader = Reader(
        (Meaning(c.concept, c.words, c.weight, c.head) for c in concepts.values()),
        data.get("word_classes", {}),
        data.get("senses", []),
        default,
        kinds=(kind.value for kind in RowKind),
    )
    return concepts, default, reader


def curated_concept(concept: str) -> Concept | None:
    """The library's entry for ``concept``, or None when the library does not have it."""
    return _library()[0].get(concept_key(concept))


def curated_concepts() -> list[Concept]:
    """Every curated concept, in the library's order (section pictures first)."""
    return list(_library()[0].values())


def _default_concept() -> Concept:
    concepts, default, _reader = _library()
    return concepts[default]


@cache
def _openmoji_index() -> dict[str, OpenMojiPicture]:
    index = json.loads((_pictures_dir() / "openmoji" / "index.json").read_text(encoding="utf-8"))
    return {
        reference: OpenMojiPicture(
            reference=reference,
            name=entry["name"],
            words=tuple(entry.get("words", ())),
            combined="made_of" in entry,
        )
        for reference, entry in index.items()
    }


def openmoji_pictures() -> list[OpenMojiPicture]:
    """Every vendored OpenMoji picture (the library's and a few alternatives)."""
    return list(_openmoji_index().values())


def search_openmoji(words: str, limit: int = 60) -> list[OpenMojiPicture]:
    """Vendored OpenMoji pictures whose name or words start with every word typed ('pound'
    finds the pound note), whole-word matches first."""
    wanted = stems(words)
    if not wanted:
        return []
    found: list[tuple[int, int, OpenMojiPicture]] = []
    for position, picture in enumerate(openmoji_pictures()):
        vocabulary = {stem for phrase in (picture.name, *picture.words) for stem in stems(phrase)}
        exact = 0
        for word in wanted:
            if word in vocabulary:
                exact += 1
            elif not any(known.startswith(word) for known in vocabulary):
                break
        else:
            found.append((-exact, position, picture))
    found.sort(key=lambda item: item[:2])
    return [picture for _exact, _position, picture in found[:limit]]


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
        with self._store.reading() as unit:
            chosen = unit.picture_choices.by_concept(key)
        return chosen if chosen is not None else self.default_for(key)

    def for_concepts(self, concepts: Iterable[str]) -> dict[str, PictureChoice]:
        """``for_concept`` for many concepts in one query (keys as given)."""
        wanted = list(concepts)
        with self._store.reading() as unit:
            chosen = unit.picture_choices.by_concepts(concept_key(c) for c in wanted)
        return {c: chosen.get(concept_key(c)) or self.default_for(c) for c in wanted}

    def remembered(self) -> list[PictureChoice]:
        """The choices the user made, by concept."""
        with self._store.reading() as unit:
            return unit.picture_choices.everything()

    def library(self) -> list[PictureChoice]:
        """Every curated concept with the picture it now has (the user's choice where made),
        followed by the user's own concepts the library does not have."""
        with self._store.reading() as unit:
            chosen = {choice.concept: choice for choice in unit.picture_choices.everything()}
        result = [chosen.pop(c.concept, None) or c.default_choice() for c in curated_concepts()]
        return result + sorted(chosen.values(), key=lambda choice: choice.concept)

    def search(self, words: str) -> list[PictureChoice]:
        """Concepts whose name, words or picture description match every word typed (the
        start of a word is enough; case and accents do not matter), best matches first, each
        with the picture it now has. Empty words list everything."""
        wanted = stems(words)
        library = self.library()
        if not wanted:
            return library
        curated = _library()[0]
        scored: list[tuple[float, int, PictureChoice]] = []
        for position, choice in enumerate(library):
            entry = curated.get(choice.concept)
            # Found by its name, its words and what its picture shows ('pound' finds the
            # direct payments' "person with a pound note").
            phrases = (choice.concept, choice.alt_text, *(entry.words if entry else ()))
            vocabulary = {stem for phrase in phrases for stem in stems(phrase)}
            score = 0.0
            for word in wanted:
                if word in vocabulary:
                    score += 2
                elif any(known.startswith(word) for known in vocabulary):
                    score += 1
                else:
                    break
            else:
                if stems(choice.concept) == wanted:
                    score += 10  # the concept itself, by name
                scored.append((-score, position, choice))
        return [choice for _score, _position, choice in sorted(scored, key=lambda s: s[:2])]

    def suggest_concept(self, text: str, *, kind: RowKind | None = None) -> str:
        """The curated concept that fits what a row's words mean; the general concept when
        none fits. 'Train staff to use easy read' -> 'training' (not 'train'); 'Not run by the
        council' -> 'independent'; 'We could not make this change' -> 'no'.

        ``kind`` is the kind of row the words come from, when known: in a response (an
        answer) 'could not' and 'cannot' mean no, while in a contribution 'I could not get a
        GP appointment' is about the doctor. The rules are data (``senses`` in
        resources/pictures/concepts.json); ``services.picture_meaning`` reads them."""
        return _library()[2].concept_of(text, kind.value if kind is not None else None)

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
        with self._store.reading() as unit:
            return unit.row_pictures.concept(kind, record_id)

    def rows_concepts(self, kind: RowKind, ids: Iterable[int]) -> dict[int, str]:
        """The chosen concept of each row that has one (rows without one are left out)."""
        with self._store.reading() as unit:
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
        """One line crediting the picture sets that ``choices`` use ('' when none), as their
        licences ask wherever the pictures appear: OpenMoji (CC BY-SA 4.0, which also asks to
        say when a picture was changed) and the icon sets (CC BY 4.0 for Font Awesome).
        The user's own picture files get no credit line: they are theirs to license."""
        openmoji = combined = False
        sets: dict[str, str] = {}
        for choice in choices:
            if choice.source is PictureSource.OPENMOJI:
                openmoji = True
                combined = combined or not _OPENMOJI_CODE.match(choice.reference)
            elif choice.source is PictureSource.ICON:
                prefix = choice.reference.split(".", 1)[0]
                if prefix in ICON_SETS:
                    name, licence = ICON_SETS[prefix]
                    sets[name] = licence
        parts = [f"{name} ({licence})" for name, licence in sorted(sets.items())]
        if openmoji:
            credit = OPENMOJI_CREDIT
            if combined:
                credit = credit.removesuffix(")") + f"; {OPENMOJI_COMBINED_NOTE})"
            parts.insert(0, credit)
        if not parts:
            return ""
        return "Pictures: " + "; ".join(parts) + "."


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
                "That picture is not in the library (any more). Choose one from the list.",
                "reference",
            )
    elif choice.source is PictureSource.OPENMOJI:
        if (
            not _OPENMOJI_NAME.match(choice.reference)
            or not openmoji_file(choice.reference).is_file()
        ):
            raise ValidationError(
                "That picture is not in the library (any more). Choose one from the list.",
                "reference",
            )
    elif not choice.reference:
        raise ValidationError("Choose a picture file.", "reference")
    return choice
