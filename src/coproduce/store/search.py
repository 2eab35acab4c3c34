"""Full-text search queries over the index made by migration 0004, on SQLite and PostgreSQL.

SQLite keeps an FTS5 table, ``search_index``, whose rowid packs ``id * 4 + kind``; PostgreSQL
has a stored generated ``search_words`` tsvector column (``to_tsvector('simple',
coproduce_fold(...))``) with a GIN index on each source table. Both are kept in step by the
database (triggers, or the generated column), so nothing here writes (except
``search_index_paused`` around bulk loads). The searcher's words never reach the SQL text:
they are split into letters and digits here, and each word goes to the database as a bound
parameter's quoted prefix term, so quotes, ``*``, ``NEAR``, ``-`` or ``:`` typed by a person
are plain characters, never syntax.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from coproduce.store.orm import ContributionRow, DocumentRow, MeetingRow, SectionRow

if TYPE_CHECKING:
    from coproduce.store.unit_of_work import UnitOfWork

KINDS = ("contribution", "session", "document", "section")
"""The kinds of record found, in the order of their code in the SQLite rowid (id * 4 + code)."""

SEARCH_OBJECT_PREFIX = "search_"

# A word: letters and digits, with any combining accents typed as separate characters.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670])+")

RANKED_AT_MOST = 1000
"""Ranking every match of a broad prefix ("ca" matches half the council) takes too long to
search as one types, so only the newest ``RANKED_AT_MOST`` matches of each kind are ranked
(SQLite: FTS5 walks its rowids newest first and stops there). Searches that match fewer are
ranked in full."""


def _pg_part(kind: str, table: str, title: str, body: str) -> str:
    """The newest matches of one source table, ranked (``wanted`` holds the tsquery)."""
    return (
        f"SELECT '{kind}' AS kind, id AS record_id, title, body,"
        f" ts_rank(search_words, wanted.query) AS rank"
        f" FROM (SELECT id, {title} AS title, {body} AS body, search_words FROM {table}"
        f" WHERE search_words @@ (SELECT query FROM wanted)"
        f" ORDER BY id DESC LIMIT {RANKED_AT_MOST}) AS newest, wanted"
    )


_PG_QUERY = text(
    "WITH wanted AS (SELECT to_tsquery('simple', coproduce_fold(:query)) AS query) "
    "SELECT kind, record_id, title, body, rank FROM ("
    + " UNION ALL ".join(
        [
            _pg_part("contribution", "contributions", "''", "text"),
            _pg_part("session", "meetings", "title", "notes"),
            _pg_part("document", "documents", "title", "summary"),
            _pg_part("section", "sections", "trim(number || ' ' || heading)", "''"),
        ]
    )
    + ") AS found ORDER BY rank DESC, kind, record_id DESC LIMIT :limit"
)

# bm25 weights: a word in a title or heading counts five times one in a body.
_SQLITE_QUERY = text(
    "SELECT rowid, title, body FROM ("
    " SELECT rowid, title, body, bm25(search_index, 5.0, 1.0) AS score FROM search_index"
    f" WHERE search_index MATCH :query ORDER BY rowid DESC LIMIT {RANKED_AT_MOST}"
    ") ORDER BY score LIMIT :limit"
)


# What migration 0004's SQLite triggers copy into the index, per source table: (kind code,
# title, body). Used to fill the index after a bulk load in one statement per table.
_SQLITE_SOURCES = {
    "contributions": (0, "''", "text"),
    "meetings": (1, "title", "notes"),
    "documents": (2, "title", "summary"),
    "sections": (3, "trim(number || ' ' || heading)", "''"),
}


@contextmanager
def search_index_paused(session: Session) -> Iterator[None]:
    """Load many rows without the SQLite search triggers, then index them in one go.

    A trigger firing per row makes a bulk load of a large council about twice as slow as
    one ``INSERT ... SELECT`` per table afterwards. The triggers are dropped and put back from
    their own stored definitions inside the caller's transaction, so a failed load leaves
    them as they were. PostgreSQL needs nothing: its ``search_words`` columns fill themselves
    (dropping and rebuilding the GIN indexes around a load was measured: about 1 s of 17).
    """
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    triggers = session.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search!_%'"
            " ESCAPE '!' ORDER BY name"
        )
    ).all()
    for name, _sql in triggers:
        session.execute(text(f'DROP TRIGGER "{name}"'))
    yield
    for _name, sql in triggers:
        session.execute(text(sql))
    if triggers:
        for table, (kind, title, body) in _SQLITE_SOURCES.items():
            session.execute(
                text(
                    f"INSERT INTO search_index (rowid, title, body) "
                    f"SELECT id * 4 + {kind}, {title}, {body} FROM {table} AS source "
                    f"WHERE NOT EXISTS (SELECT 1 FROM search_index "
                    f"WHERE search_index.rowid = source.id * 4 + {kind})"
                )
            )


def forget_removed_words(session: Session) -> None:
    """Take deleted or replaced words out of SQLite's search index before the transaction
    that removed them commits.

    FTS5 (SQLite 3.40 has no 'secure-delete') records a deletion as a marker in a new index
    segment; the old words stay in the older segments' bytes, even after VACUUM, until the
    segments are merged. Triggers (migration 0006) flag a transaction that deleted or changed
    indexed text; here the flagged index is merged into one segment ('optimize'), which drops
    the deleted entries. It rewrites the whole index (bench/README.md has the cost), so it
    runs once per transaction and only when indexed words went. PostgreSQL keeps its words in
    each row's ``search_words`` column: an old row version is PostgreSQL's to vacuum.
    """
    if session.get_bind().dialect.name != "sqlite":
        return
    session.flush()
    if session.execute(text("SELECT 1 FROM search_words_removed")).first() is None:
        return
    session.execute(text("INSERT INTO search_index (search_index) VALUES ('optimize')"))
    session.execute(text("DELETE FROM search_words_removed"))


def is_search_object(name: str | None) -> bool:
    """Whether a table, index or column belongs to full-text search (not in the ORM)."""
    return bool(name) and str(name).startswith(SEARCH_OBJECT_PREFIX)


def include_in_schema_comparison(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name`` hook: leave the search objects out of ORM comparisons."""
    return not (type_ in ("table", "index", "column") and is_search_object(name))


def words_of(query: str) -> list[str]:
    """The words of what a person typed, in typing order, without punctuation or syntax."""
    return _WORD.findall(unicodedata.normalize("NFC", query))


def is_worth_searching(words: list[str]) -> bool:
    """One letter matches nearly everything and tells nothing: wait for a second one. A single
    Chinese or Japanese character is a word, so it is searched at once."""
    typed = "".join(words)
    return len(typed) >= 2 or any(ord(char) >= 0x2E80 for char in typed)


def fts5_query(words: list[str]) -> str:
    """An FTS5 query: every word must occur, each as a quoted prefix ("car"* finds carers)."""
    return " ".join(f'"{word}"*' for word in words)


def tsquery(words: list[str]) -> str:
    """A PostgreSQL tsquery text: every word as a prefix (words hold letters and digits only)."""
    return " & ".join(f"{word}:*" for word in words)


@dataclass(frozen=True)
class SearchRow:
    """One record found: its kind (see ``KINDS``), id, words, and where it lives."""

    kind: str
    record_id: int
    title: str
    body: str
    meeting_id: int | None = None
    document_id: int | None = None


class SearchRepository:
    def __init__(self, unit: UnitOfWork) -> None:
        self._unit = unit

    def find(self, query: str, limit: int = 50) -> list[SearchRow]:
        """The best ``limit`` records holding every word of ``query`` (each as a prefix)."""
        words = words_of(query)
        if not is_worth_searching(words) or limit <= 0:
            return []
        session = self._unit.session
        if session.get_bind().dialect.name == "sqlite":
            found = [
                SearchRow(KINDS[rowid % 4], rowid // 4, title, body)
                for rowid, title, body in session.execute(
                    _SQLITE_QUERY, {"query": fts5_query(words), "limit": limit}
                )
            ]
        else:
            found = [
                SearchRow(kind, record_id, title, body)
                for kind, record_id, title, body, _rank in session.execute(
                    _PG_QUERY, {"query": tsquery(words), "limit": limit}
                )
            ]
        return self._with_places(found)

    def _with_places(self, found: list[SearchRow]) -> list[SearchRow]:
        """Add the session or document each record belongs to, and a contribution's session
        title, so a result can say where it was said and open it."""
        session = self._unit.session
        contribution_ids = [row.record_id for row in found if row.kind == "contribution"]
        section_ids = [row.record_id for row in found if row.kind == "section"]
        meeting_of: dict[int, int] = {}
        meeting_titles: dict[int, str] = {}
        if contribution_ids:
            for contribution_id, meeting_id, title in session.execute(
                select(ContributionRow.id, ContributionRow.meeting_id, MeetingRow.title)
                .join(MeetingRow, MeetingRow.id == ContributionRow.meeting_id)
                .where(ContributionRow.id.in_(contribution_ids))
            ):
                meeting_of[contribution_id] = meeting_id
                meeting_titles[meeting_id] = title
        document_of: dict[int, tuple[int, str]] = {}
        if section_ids:
            document_of = {
                section_id: (document_id, title)
                for section_id, document_id, title in session.execute(
                    select(SectionRow.id, SectionRow.document_id, DocumentRow.title)
                    .join(DocumentRow, DocumentRow.id == SectionRow.document_id)
                    .where(SectionRow.id.in_(section_ids))
                )
            }
        placed = []
        for row in found:
            if row.kind == "contribution" and row.record_id in meeting_of:
                meeting_id = meeting_of[row.record_id]
                placed.append(
                    SearchRow(
                        row.kind,
                        row.record_id,
                        meeting_titles.get(meeting_id, ""),
                        row.body,
                        meeting_id=meeting_id,
                    )
                )
            elif row.kind == "session":
                placed.append(
                    SearchRow(
                        row.kind, row.record_id, row.title, row.body, meeting_id=row.record_id
                    )
                )
            elif row.kind == "document":
                placed.append(
                    SearchRow(
                        row.kind, row.record_id, row.title, row.body, document_id=row.record_id
                    )
                )
            elif row.kind == "section" and row.record_id in document_of:
                document_id, document_title = document_of[row.record_id]
                # A heading is short: the document it belongs to is the useful context.
                placed.append(
                    SearchRow(
                        row.kind, row.record_id, row.title, document_title, document_id=document_id
                    )
                )
        return placed
