"""Each kind of document opened by a real second reader: LibreOffice turns it into a PDF, whose
page count and fonts are checked. On Linux, Liberation Sans (Arial's metric twin) stands in
for Arial, so that is the font the PDF names.

LibreOffice is optional on a developer's machine (the tests are skipped without it) but
installed by .ci/run: in CI (``CI`` set) a missing LibreOffice fails these tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx_rules import minutes, pack, render, report, summary

from coproduce.documents.content import Row
from coproduce.documents.docx_base import EasyReadSettings
from coproduce.documents.easy_read import Built, build_easy_read_summary
from coproduce.documents.minutes import build_minutes
from coproduce.documents.person_pack import build_person_pack
from coproduce.documents.you_said_we_did import (
    build_easy_read_you_said_we_did,
    build_you_said_we_did,
)


@pytest.fixture
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found and shutil.which("pdfinfo") and shutil.which("pdffonts"):
        return found
    if os.environ.get("CI"):
        pytest.fail("LibreOffice and poppler-utils must be installed in CI (see .ci/run).")
    pytest.skip("LibreOffice (soffice) or poppler-utils (pdfinfo, pdffonts) is not installed")


def to_pdf(soffice: str, docx: Path) -> Path:
    profile = docx.parent / "lo-profile"  # private: parallel runs must not share one
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx.parent),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = docx.with_suffix(".pdf")
    assert pdf.is_file()
    return pdf


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))  # type: ignore[union-attr]


def fonts(pdf: Path) -> set[str]:
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    names = set()
    for line in listing.stdout.splitlines()[2:]:
        name = line.split()[0]
        names.add(name.split("+", 1)[-1])
    return names


def built_documents() -> dict[str, Built]:
    return {
        "summary": build_easy_read_summary(summary(), render),
        "minutes": build_minutes(minutes()),
        "report": build_you_said_we_did(report()),
        "easy-report": build_easy_read_you_said_we_did(report(), render),
        "pack": build_person_pack(pack(), render),
    }


EXPECTED_PAGES = {
    # (at least, at most): a cover page, then the sections; the standard ones fit on one or two.
    "summary": (4, 8),
    "minutes": (1, 2),
    "report": (1, 2),
    "easy-report": (3, 6),
    "pack": (2, 4),
}


def test_every_kind_of_document_converts_with_its_page_count_and_fonts(
    soffice: str, tmp_path: Path
) -> None:
    for kind, built in built_documents().items():
        target = built.save(tmp_path / f"{kind}.docx")
        pdf = to_pdf(soffice, target)
        low, high = EXPECTED_PAGES[kind]
        assert low <= pages(pdf) <= high, (kind, pages(pdf))
        assert fonts(pdf) <= {"LiberationSans", "LiberationSans-Bold"}, (kind, fonts(pdf))
        assert "LiberationSans" in fonts(pdf)


def test_the_page_estimate_is_close_to_what_libreoffice_lays_out(
    soffice: str, tmp_path: Path
) -> None:
    rows = tuple(
        Row(text=f"Idea {n}. The buses are late in the morning.", picture=summary().cover_picture)
        for n in range(40)
    )
    built = build_easy_read_summary(summary(told_us=rows), render, EasyReadSettings(size=18))
    pdf = to_pdf(soffice, built.save(tmp_path / "long.docx"))
    assert abs(pages(pdf) - built.estimated_pages) <= max(2, pages(pdf) // 4), (
        pages(pdf),
        built.estimated_pages,
    )
