"""Word documents become PDFs through LibreOffice, and every failure says what to do."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import docx
import pytest

from coproduce.documents.pdf import convert_to_pdf, soffice_path
from coproduce.domain.errors import ExportError


@pytest.fixture
def libreoffice() -> str:
    path = soffice_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice must be installed in CI (packaging/dev.sh installs it)")
        pytest.skip("LibreOffice is not installed")
    return path


def _word_file(path: Path, paragraphs: int = 3) -> Path:
    document = docx.Document()
    for number in range(paragraphs):
        document.add_paragraph(f"Paragraph {number + 1}: you said, we did.")
    document.save(str(path))
    return path


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def test_a_word_document_becomes_a_private_pdf(libreoffice: str, tmp_path: Path) -> None:
    source = _word_file(tmp_path / "Summary – café ☕.docx")
    target = tmp_path / "Summary – café ☕.pdf"

    convert_to_pdf(source, target)

    assert target.read_bytes().startswith(b"%PDF")
    assert _pages(target) == 1
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_an_existing_pdf_is_replaced_whole(libreoffice: str, tmp_path: Path) -> None:
    target = tmp_path / "minutes.pdf"
    target.write_bytes(b"the old one")

    convert_to_pdf(_word_file(tmp_path / "minutes.docx", paragraphs=120), target)

    assert target.read_bytes().startswith(b"%PDF")
    assert _pages(target) >= 2


def test_without_libreoffice_the_message_says_the_word_file_is_safe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    if soffice_path() is not None:  # installed outside PATH (macOS bundle, Windows folder)
        pytest.skip("LibreOffice is installed in a fixed place on this computer")
    target = tmp_path / "summary.pdf"

    with pytest.raises(ExportError, match="needs LibreOffice, which is not installed"):
        convert_to_pdf(_word_file(tmp_path / "summary.docx"), target)
    assert not target.exists()


def test_a_folder_that_cannot_be_written_is_named_and_the_old_pdf_kept(
    libreoffice: str, tmp_path: Path
) -> None:
    if os.geteuid() == 0:
        # root writes anywhere: make the "folder" a file, which nobody can write into.
        folder = tmp_path / "not-a-folder"
        folder.write_text("")
        target = folder / "summary.pdf"
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        target = folder / "summary.pdf"
        target.write_bytes(b"the old one")
        folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="Could not write in the folder"):
            convert_to_pdf(_word_file(tmp_path / "summary.docx"), target)
    finally:
        if folder.is_dir():
            folder.chmod(0o700)
    if folder.is_dir():
        assert target.read_bytes() == b"the old one"


def test_a_document_libreoffice_cannot_read_gives_a_message(
    libreoffice: str, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a Word document")
    target = tmp_path / "broken.pdf"

    with pytest.raises(ExportError, match="could not turn the document into a PDF"):
        convert_to_pdf(broken, target)
    assert not target.exists()


def test_a_missing_word_file_is_named(libreoffice: str, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"Could not read gone\.docx"):
        convert_to_pdf(tmp_path / "gone.docx", tmp_path / "gone.pdf")
