"""Making the exports faster changed nothing a reader sees: every document of the small example
council (each session's minutes and easy-read summary, each group's and document's "You said,
we did" in both forms, each person's pack) has the same paragraphs and the same picture bytes,
and every table export the same rows and cells, as the snapshot saved from the code before
the change (``tests/golden/small_demo_exports.json``, written by ``tests/export_snapshot.py``
from main at d34ad44). On SQLite and on PostgreSQL.

Pictures come as the command line now finds them (``services.picture_png``: the library's
shipped drawn, never drawn here), so the comparison also proves they are the ones Qt drew
before."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coproduce.cli_documents import PICTURE_PIXELS
from coproduce.domain.records import PictureChoice
from coproduce.services.picture_png import DocumentPictures
from export_snapshot import small_council, snapshot, snapshot_documents

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "small_demo_exports.json"


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def _compare(found: dict, expected: dict) -> None:
    assert sorted(found) == sorted(expected)
    for key in expected:
        assert found[key] == expected[key], key


def test_every_document_and_table_of_the_small_council_is_as_before(
    database_url: str, golden: dict
) -> None:
    def must_not_draw(choice: PictureChoice, size: int) -> bytes:
        raise AssertionError(f"Qt was needed to draw {choice.reference}")

    council = small_council(database_url)
    try:
        found = snapshot(council, DocumentPictures(must_not_draw, PICTURE_PIXELS))
    finally:
        council.close()
    _compare(found["documents"], golden["documents"])
    _compare(found["tables"], golden["tables"])


def test_the_snapshot_sees_a_changed_picture(
    sqlite_template: Path, tmp_path: Path, golden: dict
) -> None:
    """The comparison is not blind to pictures: one other picture's bytes are noticed."""
    path = tmp_path / "small.sqlite3"
    shutil.copyfile(sqlite_template, path)
    council = small_council(f"sqlite:///{path}")
    try:
        found = snapshot_documents(council, lambda choice: _ONE_PIXEL_PNG)
    finally:
        council.close()
    summaries = [
        key
        for key, expected in golden["documents"].items()
        if key.startswith("summary") and "lines" in expected  # made, not refused
    ]
    assert summaries
    assert all(found[key] != golden["documents"][key] for key in summaries)
    assert all(
        [line for line in found[key]["lines"] if not line.startswith("[picture")]
        == [line for line in golden["documents"][key]["lines"] if not line.startswith("[picture")]
        for key in summaries
    )


_ONE_PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)
