"""Word documents to PDF through LibreOffice, when it is installed.

PDF is optional: the .docx is what Coproduce makes, and a council laptop may not have
LibreOffice. ``soffice_path()`` says whether it is there; ``convert_to_pdf`` runs it headless
with a throw-away user profile of its own for each call, because two LibreOffice processes
sharing a profile block each other (the second waits, or exits having done nothing), and a
user's open LibreOffice window would otherwise take the job and never write the file.
The PDF is written beside the target under a temporary name and renamed into place, so a
failed conversion never leaves half a file where the old one was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from coproduce.domain.errors import ExportError

# The names LibreOffice's command is installed under: Debian and Windows, then Fedora's
# wrapper, then the macOS application bundle.
_COMMANDS = ("soffice", "libreoffice")
_MACOS = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
_WINDOWS = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice/program/soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice/program/soffice.exe",
)

DEFAULT_TIMEOUT = 180.0


def soffice_path() -> str | None:
    """LibreOffice's command, or None when it is not installed."""
    for command in _COMMANDS:
        found = shutil.which(command)
        if found:
            return found
    for candidate in (_MACOS, *_WINDOWS):
        if candidate.is_file():
            return str(candidate)
    return None


def convert_to_pdf(docx: Path, pdf: Path, *, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Write ``pdf`` from the Word document ``docx`` with LibreOffice.

    Raises ExportError, with what to do, when LibreOffice is missing, fails, takes longer than
    ``timeout`` seconds, or the PDF cannot be put in place.
    """
    soffice = soffice_path()
    if soffice is None:
        raise ExportError(
            "A PDF needs LibreOffice, which is not installed on this computer. The Word "
            "document was saved; install LibreOffice (free, from libreoffice.org) to make PDFs, "
            "or open the document in Word and save it as PDF there."
        )
    docx = Path(docx)
    pdf = Path(pdf)
    with tempfile.TemporaryDirectory(prefix="coproduce-pdf-") as work:
        work_dir = Path(work)
        profile = (work_dir / "profile").as_uri()
        out_dir = work_dir / "out"
        out_dir.mkdir()
        # A copy with a plain name: LibreOffice names its output after the input, and some
        # builds mishandle unusual characters in the path they are given.
        source = work_dir / "document.docx"
        try:
            shutil.copyfile(docx, source)
        except OSError as exc:
            raise ExportError(f"Could not read {docx.name} to make a PDF: {exc.strerror}.") from exc
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(source),
        ]
        try:
            finished = subprocess.run(
                command,
                capture_output=True,
                timeout=timeout,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as exc:
            raise ExportError(
                f"LibreOffice took more than {int(timeout)} seconds to make the PDF and was "
                "stopped. The Word document was saved; try again, or save it as PDF from Word."
            ) from exc
        except OSError as exc:
            raise ExportError(f"LibreOffice could not be started: {exc.strerror}.") from exc
        produced = out_dir / "document.pdf"
        if finished.returncode != 0 or not produced.is_file():
            raise ExportError(
                "LibreOffice could not turn the document into a PDF. The Word document was "
                "saved; open it in Word or LibreOffice and save it as PDF from there."
            )
        copy_into_place(produced, pdf)


def copy_into_place(produced: Path, target: Path) -> None:
    """Copy ``produced`` next to ``target`` under a temporary name, then rename it over."""
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise ExportError(
            f"Could not write in the folder {target.parent}: {exc.strerror}. "
            "Choose a folder you can save files in."
        ) from exc
    try:
        with os.fdopen(handle, "wb") as out, produced.open("rb") as source:
            shutil.copyfileobj(source, out)
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(
            f"Could not save {target.name}: {exc.strerror}. If it is open in another program, "
            "close it and try again."
        ) from exc
