"""Search everything from anywhere: contributions, sessions (title and notes), documents
(title and summary) and section headings, without caring about case or accents.

Each word typed is matched as the start of a word ("car" finds "carers"), and every word must
occur, so results narrow as a person types. The database does the finding (SQLite FTS5 or
PostgreSQL full text, see ``coproduce.store.search``); here the hits become ``SearchResult``
values with a short snippet around the first word found.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import cache

from coproduce.services.base import Service
from coproduce.store.search import SearchRow, words_of

SNIPPET_CHARS = 120
DEFAULT_LIMIT = 50


class ResultKind(str, Enum):
    CONTRIBUTION = "contribution"
    SESSION = "session"
    DOCUMENT = "document"
    SECTION = "section"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ResultKind.CONTRIBUTION: "Contribution",
    ResultKind.SESSION: "Session",
    ResultKind.DOCUMENT: "Document",
    ResultKind.SECTION: "Section",
}


@dataclass(frozen=True)
class SearchResult:
    """One record found. ``title`` names it (for a contribution: the session it was said at;
    for a section: its number and heading); ``snippet`` is the words around the match;
    ``meeting_id``/``document_id`` say which session or document to open to see it."""

    kind: ResultKind
    record_id: int
    title: str
    snippet: str
    meeting_id: int | None = None
    document_id: int | None = None


class SearchService(Service):
    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> list[SearchResult]:
        """The best ``limit`` records holding every word of ``query`` (each word as the start
        of a word); none until at least two letters are typed."""
        with self._store.reading() as unit:
            rows = unit.search.find(query, limit)
        words = words_of(query)
        return [_result(row, words) for row in rows]


def _result(row: SearchRow, words: list[str]) -> SearchResult:
    kind = ResultKind(row.kind)
    # A section's snippet is the title of the document it belongs to.
    # A session without notes or a document without a summary has no snippet: its title says it.
    snippet = row.body if kind is ResultKind.SECTION else snippet_of(row.body, words)
    return SearchResult(
        kind=kind,
        record_id=row.record_id,
        title=row.title,
        snippet=snippet,
        meeting_id=row.meeting_id,
        document_id=row.document_id,
    )


@cache
def _fold_char(char: str) -> str:
    """One character without case or accents, always one character long, so positions in
    the folded text are positions in the original."""
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    folded = base.casefold()
    return folded if len(folded) == 1 else char.lower()[:1] or char


def fold(text: str) -> str:
    """``text`` without case or accents, the same length (ASCII text simply lower-cased: the
    common case, and by far the quickest)."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


def snippet_of(text: str, words: list[str], width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of ``text`` on one line, around the first word found."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    folded = fold(flat)
    starts = [at for at in (_word_start(folded, fold(word)) for word in words) if at is not None]
    centre = min(starts) if starts else 0
    begin = max(0, min(centre - width // 3, len(flat) - width))
    end = begin + width
    if begin > 0:  # start at a word boundary
        space = flat.find(" ", begin)
        begin = space + 1 if 0 <= space < centre else begin
    part = flat[begin:end]
    if end < len(flat):
        space = part.rfind(" ")
        part = part[:space] if space > width // 2 else part
    return ("…" if begin > 0 else "") + part.strip() + ("…" if end < len(flat) else "")


def _word_start(folded_text: str, folded_word: str) -> int | None:
    """Where a word of the text starts with ``folded_word``."""
    at = folded_text.find(folded_word)
    while at >= 0:
        if at == 0 or not folded_text[at - 1].isalnum():
            return at
        at = folded_text.find(folded_word, at + 1)
    return None
