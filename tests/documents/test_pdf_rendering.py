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
from docx_rules import easy_document, entry, minutes, render, report, with_told

from coproduce.documents.content import EasyReadDocument
from coproduce.documents.docx_base import EasyReadSettings
from coproduce.documents.easy_read import Built, build_easy_read
from coproduce.documents.minutes import build_minutes
from coproduce.documents.you_said_we_did import build_you_said_we_did


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


def with_many(count: int) -> EasyReadDocument:
    entries = [
        entry(f"Idea {n}. The buses are late in the morning.", record_id=n) for n in range(count)
    ]
    return with_told(easy_document(), *entries)


def built_documents() -> dict[str, Built]:
    return {
        "summary": build_easy_read(easy_document(), render),
        "minutes": build_minutes(minutes()),
        "report": build_you_said_we_did(report()),
    }


EXPECTED_PAGES = {
    # (at least, at most): a cover page, the sections, hard words and contact on pages of
    # their own; the standard ones fit on one or two.
    "summary": (4, 7),
    "minutes": (1, 2),
    "report": (1, 2),
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


@pytest.mark.parametrize(("font", "size"), [("Arial", 14), ("Arial", 16), ("Arial", 24)])
def test_the_page_budget_holds_when_libreoffice_lays_the_pages_out(
    soffice: str, tmp_path: Path, font: str, size: int
) -> None:
    built = build_easy_read(with_many(200), render, EasyReadSettings(font=font, size=size))
    assert built.not_shown > 0  # it was full: the budget did the choosing
    pdf = to_pdf(soffice, built.save(tmp_path / "long.docx"))
    # Never over the budget, and the estimate the dialog shows is never below the real count
    # and at most one page above it.
    assert pages(pdf) <= built.budget == 12
    assert pages(pdf) <= built.estimated_pages <= pages(pdf) + 1, (
        pages(pdf),
        built.estimated_pages,
    )


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


def test_hard_words_and_contact_us_start_a_page_with_their_content(
    soffice: str, tmp_path: Path
) -> None:
    built = build_easy_read(with_many(25), render)  # type: ignore[arg-type]
    pdf = to_pdf(soffice, built.save(tmp_path / "s.docx"))
    texts = page_texts(pdf)
    for heading, first in (
        ("Hard words", "These are the hard words"),
        ("Contact us", "You can contact us"),
    ):
        [page] = [t for t in texts if re.search(rf"^\s*{heading}\s*$", t, re.MULTILINE)]
        assert page.lstrip().startswith(heading), page[:80]
        assert first in page
