"""Any Unicode a facilitator types (or pastes from another program) goes into every table file
and every document without an error, and comes back out whole but for the few characters an
XML file cannot hold: C0 control characters other than tab and line breaks, U+FFFE, U+FFFF
and lone surrogates. Each file is reopened with the library a reader would use (the csv
module, openpyxl, python-docx) to prove it. (Easy-read documents print a text whole or list it
as needing easy words: tests/documents/test_easy_read_builder.py.)"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from docx_rules import all_paragraphs, full_text, minutes, reopen, report, report_line
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduce.documents.content import ActionLine, Attendee, MinutesItem, NextMeeting
from coproduce.documents.minutes import build_minutes
from coproduce.documents.tables import (
    FORMULA_STARTS,
    ColumnType,
    TableDefinition,
    TableFormat,
    write_tables,
)
from coproduce.documents.you_said_we_did import build_you_said_we_did
from coproduce.domain.text_hygiene import balanced_bidi, without_bidi_controls
from coproduce.services.tables import TABLES

ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec=None, exclude_categories=()),  # everything, surrogates included
        st.sampled_from("\x00\x01\x0b\x0c\x1f\x7f\ufffe\uffff\ud800\udfff\u202e\u200f\r\n\t"),
        st.sampled_from("مرحبا שלום 👩🏽‍🦯 🚌 e\u0301 =+-@"),
    ),
    max_size=40,
)

QUICK = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Written out here rather than taken from the code under test: XML 1.0 allows tab, newline,
# carriage return and everything from U+0020 except the surrogates, U+FFFE and U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def kept(text: str) -> str:
    """What must survive in a cell: everything but the characters XML cannot hold (line
    breaks as \\n), with each line's bidirectional embeddings and isolates closed and
    closers that close nothing dropped (tests/unit/test_text_hygiene.py)."""
    return balanced_bidi(NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


def squeezed(text: str) -> str:
    """Text without its white space or bidirectional controls: documents lay text out in
    paragraphs and cells, and close a text's embeddings at the end of its paragraph."""
    return "".join(without_bidi_controls(kept(text)).split())


def document_words(document: Any) -> str:
    """The document's text as ``squeezed`` gives it, after checking that no paragraph leaves
    an embedding or isolate open to reverse what follows it."""
    for paragraph in all_paragraphs(document):
        assert balanced_bidi(paragraph.text) == paragraph.text, repr(paragraph.text)
    return "".join(without_bidi_controls(full_text(document)).split())


# --- table files -------------------------------------------------------------------------

FREE_TEXT = [
    (table.name, index)
    for table in TABLES.values()
    for index, column in enumerate(table.columns)
    if column.type is ColumnType.TEXT and column.codes is None
]


def _row(table: TableDefinition, texts: dict[tuple[str, int], str]) -> tuple[Any, ...]:
    """One row of ``table``: the drawn text in every free-text column, a fitting value in the
    others."""
    values: list[Any] = []
    for index, column in enumerate(table.columns):
        if column.codes is not None:
            values.append(next(iter(column.codes)))
        elif column.type is ColumnType.TEXT:
            values.append(texts[(table.name, index)])
        elif column.type is ColumnType.INTEGER:
            values.append(7)
        elif column.type is ColumnType.DECIMAL:
            values.append(Decimal("12.50"))
        elif column.type is ColumnType.DATE:
            values.append(date(2026, 3, 10))
        elif column.type is ColumnType.DATETIME:
            values.append(datetime(2026, 3, 10, 10, 30))
        else:
            values.append(True)
    return tuple(values)


def _as_csv(text: str) -> str:
    """How CSV keeps text: a leading apostrophe stops a spreadsheet running it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def test_every_table_has_free_text_to_try() -> None:
    assert {name for name, _ in FREE_TEXT} >= {"sessions", "contributions", "responses"}


@QUICK
@given(texts=st.lists(ANY_TEXT, min_size=len(FREE_TEXT), max_size=len(FREE_TEXT)))
def test_any_unicode_in_any_text_column_goes_into_csv_and_excel_whole(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str]
) -> None:
    drawn = dict(zip(FREE_TEXT, texts, strict=True))
    rows = {name: _row(table, drawn) for name, table in TABLES.items()}
    folder = tmp_path_factory.mktemp("tables")

    for name, table in TABLES.items():
        target = folder / f"{name}.csv"
        write_tables(target, TableFormat.CSV, iter([(table, [rows[name]])]))
        with target.open(encoding="utf-8-sig", newline="") as handle:
            header, written = list(csv.reader(handle))
        assert header == table.column_names
        for (table_name, index), text in drawn.items():
            if table_name == name:
                assert written[index] == _as_csv(kept(text)), (name, table.columns[index].name)

    workbook = folder / "tables.xlsx"
    write_tables(
        workbook, TableFormat.XLSX, iter([(table, [rows[n]]) for n, table in TABLES.items()])
    )
    book = openpyxl.load_workbook(workbook)
    for (name, index), text in drawn.items():
        value = book[name].cell(row=2, column=index + 1).value
        assert (value or "") == kept(text), (name, TABLES[name].columns[index].name)


# --- documents ---------------------------------------------------------------------------


@QUICK
@given(
    title=ANY_TEXT,
    group=ANY_TEXT,
    place=ANY_TEXT,
    notes=ANY_TEXT,
    name=ANY_TEXT,
    note=ANY_TEXT,
    item=ANY_TEXT,
    source=ANY_TEXT,
    kind=ANY_TEXT,
    said=ANY_TEXT,
    decision=ANY_TEXT,
    action=ANY_TEXT,
    owner=ANY_TEXT,
)
def test_any_unicode_goes_into_the_minutes_whole(
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    group: str,
    place: str,
    notes: str,
    name: str,
    note: str,
    item: str,
    source: str,
    kind: str,
    said: str,
    decision: str,
    action: str,
    owner: str,
) -> None:
    content = minutes(
        title=title,
        group=group,
        place=place,
        notes=notes,
        present=(Attendee(name=name, note=note),),
        apologies=(Attendee(name=owner, note=note),),
        items=(MinutesItem(title=item, notes=notes, contributions=((source, kind, said),)),),
        decisions=((source, decision),),
        actions=(ActionLine(text=action, owner=owner, due_on=date(2026, 3, 20), status=kind),),
        next_meeting=NextMeeting(
            starts_at=datetime(2026, 4, 14, 14), ends_at=datetime(2026, 4, 14, 16), place=place
        ),
    )
    target = build_minutes(content).save(tmp_path_factory.mktemp("minutes") / "minutes.docx")
    document = reopen(target)
    text = document_words(document)
    for value in (title, group, place, notes, name, note, item, source, said, decision, action):
        assert squeezed(value) in text
    assert squeezed(kind.lower()) in text
    assert squeezed(owner) in text


@QUICK
@given(title=ANY_TEXT, subject=ANY_TEXT, said=ANY_TEXT, did=ANY_TEXT, source=ANY_TEXT)
def test_any_unicode_goes_into_the_standard_you_said_we_did_whole(
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    subject: str,
    said: str,
    did: str,
    source: str,
) -> None:
    content = report(title=title, subject=subject, items=(report_line(said, did, source=source),))
    target = build_you_said_we_did(content).save(tmp_path_factory.mktemp("ysd") / "report.docx")
    document = reopen(target)
    text = document_words(document)
    for value in (title, subject, said, did, source):
        assert squeezed(value) in text
