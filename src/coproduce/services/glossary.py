"""The glossary of hard words: the seeded adult social care terms and the facilitator's edits.

The first time the glossary is used on a database, the terms we wrote (resources/glossary.json)
are copied into it, and a setting records that this happened. So a facilitator who deletes
terms they do not want, even every one of them, does not see them come back next time;
``add_standard_terms`` puts back the missing ones when they ask for it.

A term is a word or a few words, held once whatever its case or spacing ("Care Plan" and
"care plan" are the same term). Every change is audited; a delete returns the term so it can
be put back (undo).
"""

from __future__ import annotations

from coproduce.documents.glossary import load_seed, term_key
from coproduce.domain.errors import ValidationError
from coproduce.domain.records import GlossaryTerm, replace
from coproduce.domain.validation import clean_record
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork

SEEDED_SETTING = "glossary.seeded"
"""Set once the standard terms have been copied into this database."""

MAX_TERM_LENGTH = 100
MAX_PLAIN_LENGTH = 200
MAX_EXPLANATION_LENGTH = 500


def check_glossary_term(term: GlossaryTerm) -> GlossaryTerm:
    """A term tidied for saving (single spaces, trimmed), or ``ValidationError`` saying what
    to change beside the field it is about."""
    term = clean_record(term)
    term = replace(
        term,
        term=" ".join(term.term.split()),
        plain=" ".join(term.plain.split()),
        explanation=" ".join(term.explanation.split()),
    )
    if not term.term:
        raise ValidationError("Please enter the hard word or words.", "term")
    if len(term.term) > MAX_TERM_LENGTH:
        raise ValidationError(
            f"A glossary term is a word or a few words: keep it under {MAX_TERM_LENGTH} "
            "characters.",
            "term",
        )
    if not any(ch.isalnum() for ch in term.term):
        raise ValidationError("The term needs at least one letter or number.", "term")
    if len(term.plain) > MAX_PLAIN_LENGTH:
        raise ValidationError(
            f"Keep the easier words short: under {MAX_PLAIN_LENGTH} characters.", "plain"
        )
    if not term.explanation:
        raise ValidationError(
            "Please write one short, easy sentence that explains the term.", "explanation"
        )
    if len(term.explanation) > MAX_EXPLANATION_LENGTH:
        raise ValidationError(
            f"Keep the explanation to one short sentence: under {MAX_EXPLANATION_LENGTH} "
            "characters.",
            "explanation",
        )
    return term


class GlossaryService(Service):
    def terms(self) -> list[GlossaryTerm]:
        """Every term, in alphabetical order (the standard terms are added on first use)."""
        with self._store.transaction() as unit:
            if self._store.database.read_only:
                # A command that only reads (an export) must not write the seed: it gets the
                # terms the seeding would give.
                return self._as_if_seeded(unit)
            self._seed_once(unit)
            return unit.glossary.all()

    def get(self, term_id: int) -> GlossaryTerm:
        with self._store.reading() as unit:
            return unit.glossary.get(term_id)

    def add(self, term: GlossaryTerm) -> GlossaryTerm:
        """Save a new term; refused when the glossary already has it (in any case)."""
        term = check_glossary_term(replace(term, id=None, version=0))
        with self._store.transaction() as unit:
            self._seed_once(unit)
            self._refuse_duplicate(unit, term)
            return unit.glossary.add(term)

    def update(self, term: GlossaryTerm) -> GlossaryTerm:
        """Save changes to a term; ``term.version`` must be the one read (else ConflictError)."""
        term = check_glossary_term(term)
        with self._store.transaction() as unit:
            self._refuse_duplicate(unit, term)
            return unit.glossary.update(term)

    def delete(self, term_id: int, expected_version: int | None = None) -> GlossaryTerm:
        """Remove a term; returns it as it was, so ``restore`` can put it back (undo)."""
        with self._store.transaction() as unit:
            term = unit.glossary.get(term_id)
            unit.glossary.delete(term_id, expected_version)
            return term

    def restore(self, term: GlossaryTerm) -> GlossaryTerm:
        """Put a deleted term back under its old id."""
        term = check_glossary_term(term)
        with self._store.transaction() as unit:
            self._refuse_duplicate(unit, term)
            return unit.glossary.restore(term)

    def add_standard_terms(self) -> int:
        """Put back the standard terms this glossary does not have (edited ones are left as
        they are). Returns how many were added."""
        with self._store.transaction() as unit:
            unit.settings.set(SEEDED_SETTING, True)
            return unit.glossary.seed(load_seed())

    @staticmethod
    def _as_if_seeded(unit: UnitOfWork) -> list[GlossaryTerm]:
        if unit.settings.get(SEEDED_SETTING, False) or not unit.glossary.is_empty():
            return unit.glossary.all()
        return sorted(load_seed(), key=lambda term: term_key(term.term))

    @staticmethod
    def _seed_once(unit: UnitOfWork) -> None:
        if unit.settings.get(SEEDED_SETTING, False):
            return
        if unit.glossary.is_empty():
            unit.glossary.seed(load_seed())
        unit.settings.set(SEEDED_SETTING, True)

    @staticmethod
    def _refuse_duplicate(unit: UnitOfWork, term: GlossaryTerm) -> None:
        existing = unit.glossary.by_term(term.term)
        if existing is not None and existing.id != term.id:
            raise ValidationError(
                f"The glossary already has '{existing.term}'. Edit that one instead, or use "
                "different words.",
                "term",
            )
        if not term_key(term.term):
            raise ValidationError("Please enter the hard word or words.", "term")
