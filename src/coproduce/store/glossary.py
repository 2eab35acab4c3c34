"""The glossary terms kept in the database: the seeded hard words and the facilitator's edits.

Each term is stored with ``term_key``, its folded form (case folded, one space, straight
apostrophes), which is unique: "Carer’s Assessment" and "carer's assessment" are one term.
The folding here is the same as ``documents.glossary.term_key`` (the store may not import
``documents``; a service test proves the two agree).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sqlalchemy import select

from coproduce.domain.records import GlossaryTerm
from coproduce.store.orm import GlossaryTermRow
from coproduce.store.repository import Repository


def fold_term(term: str) -> str:
    """The unique key of a term: NFKC, straight apostrophes, case folded, single spaces."""
    text = unicodedata.normalize("NFKC", term).replace("’", "'").replace("‘", "'")
    return " ".join(text.casefold().split())


class GlossaryRepository(Repository[GlossaryTermRow, GlossaryTerm]):
    row_class = GlossaryTermRow
    record_type = "glossary_term"
    record_label = "Glossary term"

    def to_record(self, row: GlossaryTermRow) -> GlossaryTerm:
        return GlossaryTerm(
            id=row.id,
            version=row.version,
            term=row.term,
            plain=row.plain,
            explanation=row.explanation,
        )

    def write(self, row: GlossaryTermRow, record: GlossaryTerm) -> None:
        row.term = record.term
        row.term_key = fold_term(record.term)
        row.plain = record.plain
        row.explanation = record.explanation

    def describe(self, row: GlossaryTermRow) -> str:
        return f"'{row.term}'"

    def all(self) -> list[GlossaryTerm]:
        """Every term, in alphabetical order of its folded form."""
        rows = self._session.scalars(select(GlossaryTermRow).order_by(GlossaryTermRow.term_key))
        return [self.to_record(row) for row in rows]

    def by_term(self, term: str) -> GlossaryTerm | None:
        """The term stored under the same folded form as ``term``, if any."""
        row = self._session.scalar(
            select(GlossaryTermRow).where(GlossaryTermRow.term_key == fold_term(term))
        )
        return self.to_record(row) if row else None

    def is_empty(self) -> bool:
        return self._session.scalar(select(GlossaryTermRow.id).limit(1)) is None

    def seed(self, terms: Iterable[GlossaryTerm]) -> int:
        """Add the seed terms not already present, without an audit event each: seeding is
        the program's doing, not a person's change. Returns how many were added."""
        present = set(self._session.scalars(select(GlossaryTermRow.term_key)))
        added = 0
        for term in terms:
            key = fold_term(term.term)
            if not key or key in present:
                continue
            row = GlossaryTermRow()
            self.write(row, term)
            self._session.add(row)
            present.add(key)
            added += 1
        self._session.flush()
        return added
