"""Full-text search over contributions, session notes, documents and section headings.

SQLite: one FTS5 table, ``search_index``, holding a copy of the searchable words of every
contribution (its text), session (title and notes), document (title and summary) and section
(number and heading). Its rowid packs the record: ``id * 4 + kind`` (0 contribution, 1 session,
2 document, 3 section), so a trigger finds a record's entry by rowid without a scan. The
``unicode61 remove_diacritics 2`` tokenizer folds case and accents ("Café" = "cafe"); prefix
indexes of 2 and 3 characters keep searching-as-you-type fast. Triggers on insert, update and
delete of the four source tables keep it in step, including bulk loads; existing rows are
copied in here.

PostgreSQL: no extra table. Each source table gets a stored generated column,
``search_words tsvector``, computed by the database as ``to_tsvector('simple',
coproduce_fold(...))``, with a GIN index on it. (An expression index alone was tried: ranking
then recomputes every match's tsvector, seconds for a broad prefix on a large council; the
stored column is computed once per write.) ``coproduce_fold`` is an IMMUTABLE SQL
function made here: ``translate()`` with a table of upper-case and accented Latin, Greek and
Cyrillic letters to their plain lower-case letter, built from Python's Unicode data. The
``unaccent`` extension is not used: it must be installed (contrib) and created by someone with
CREATE on the database, a shared council server may refuse that, and its function is only
STABLE, so an index would need a wrapper anyway. ``translate`` works on every server, needs no
privilege beyond creating a function, and folds the same whatever the database's locale
(``lower()`` under the C locale only folds ASCII).

Revision ID: 0004
Revises: 0003
Created: 2026-11-25
"""

from __future__ import annotations

import unicodedata

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Kept here, not imported, so this revision keeps working when the program's code changes.
KINDS = {"contributions": 0, "meetings": 1, "documents": 2, "sections": 3}
SOURCES = {
    # table: (title expression, body expression) over NEW./OLD. columns
    "contributions": ("''", "{r}.text"),
    "meetings": ("{r}.title", "{r}.notes"),
    "documents": ("{r}.title", "{r}.summary"),
    "sections": ("trim({r}.number || ' ' || {r}.heading)", "''"),
}
WATCHED = {
    "contributions": "text",
    "meetings": "title, notes",
    "documents": "title, summary",
    "sections": "number, heading",
}
PG_INDEXED = {
    "contributions": "text",
    "meetings": "title || ' ' || notes",
    "documents": "title || ' ' || summary",
    "sections": "number || ' ' || heading",
}
# Upper-case and accented letters of the Latin, Greek and Cyrillic blocks.
FOLDED_RANGES = [
    (0x41, 0x5A),
    (0xC0, 0x24F),
    (0x370, 0x3FF),
    (0x400, 0x52F),
    (0x1E00, 0x1FFF),
]


def fold_table() -> tuple[str, str]:
    """(from, to) strings for ``translate()``: each letter to its plain lower-case letter."""
    sources, targets = [], []
    for start, end in FOLDED_RANGES:
        for code in range(start, end + 1):
            char = chr(code)
            if not char.isalpha():
                continue
            base = "".join(
                c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
            )
            folded = base.lower()
            if len(folded) == 1 and folded != char:
                sources.append(char)
                targets.append(folded)
    return "".join(sources), "".join(targets)


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _upgrade_sqlite()
    else:
        _upgrade_postgresql()


def _upgrade_sqlite() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(title, body, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    for table, kind in KINDS.items():
        title, body = SOURCES[table]
        new_values = f"(new.id * 4 + {kind}, {title.format(r='new')}, {body.format(r='new')})"
        op.execute(
            f"CREATE TRIGGER search_{table}_added AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO search_index (rowid, title, body) VALUES {new_values}; END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_changed AFTER UPDATE OF {WATCHED[table]} "
            f"ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = old.id * 4 + {kind}; "
            f"INSERT INTO search_index (rowid, title, body) VALUES {new_values}; END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_removed AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = old.id * 4 + {kind}; END"
        )
        op.execute(
            f"INSERT INTO search_index (rowid, title, body) "
            f"SELECT id * 4 + {kind}, {title.format(r=table)}, {body.format(r=table)} "
            f"FROM {table}"
        )


def _upgrade_postgresql() -> None:
    sources, targets = fold_table()
    op.execute(
        "CREATE FUNCTION coproduce_fold(words text) RETURNS text "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
        # Most English text is plain ASCII, which needs no translating (to_tsvector folds
        # its case): the regular expression test keeps bulk loads fast.
        "AS $fold$ SELECT CASE WHEN words ~ '[^\\x01-\\x7F]' "
        f"THEN translate(words, {_sql_string(sources)}, {_sql_string(targets)}) "
        "ELSE words END $fold$"
    )
    for table, expression in PG_INDEXED.items():
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN search_words tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('simple', coproduce_fold({expression}))) STORED"
        )
        op.execute(f"CREATE INDEX search_{table} ON {table} USING gin (search_words)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in KINDS:
            for event in ("added", "changed", "removed"):
                op.execute(f"DROP TRIGGER search_{table}_{event}")
        op.execute("DROP TABLE search_index")
    else:
        for table in PG_INDEXED:
            op.execute(f"DROP INDEX search_{table}")
            op.execute(f"ALTER TABLE {table} DROP COLUMN search_words")
        op.execute("DROP FUNCTION coproduce_fold(text)")
