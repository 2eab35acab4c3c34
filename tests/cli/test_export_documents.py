"""``coproduce export easy-read | minutes | you-said-we-did | person-pack``: real files,
reopened with python-docx; errors as one plain line and exit status 1 (2 for a mistyped
command), never a traceback."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from cli_support import Coproduce, Register
from docx.oxml.ns import qn

from coproduce.cli_documents import PICTURE_PIXELS
from coproduce.documents.easy_read import Built, build_easy_read
from coproduce.domain.records import AgendaItem, Contribution
from coproduce.domain.vocabulary import AttendanceStatus, Attribution, MeetingStatus
from coproduce.services import Services

GROUP = "Carers' Forum"


@pytest.fixture
def session_with_words(services: Services, register: Register) -> Register:
    """The register's session with Sam present and quoted (Sam never agreed to be named)."""
    session_id = register.session.id
    assert session_id is not None and register.sam.id is not None
    services.meetings.mark_attendance(
        session_id, register.sam.id, AttendanceStatus.PRESENT, is_guest=True
    )
    services.meetings.set_status(session_id, MeetingStatus.HELD)
    item = services.meetings.add_agenda_item(
        AgendaItem(meeting_id=session_id, title="Short breaks", easy_read="We talked about breaks.")
    )
    services.contributions.add(
        Contribution(
            meeting_id=session_id,
            text="Breaks are hard to book.",
            attribution=Attribution.PERSON,
            speaker_id=register.sam.id,
            agenda_item_id=item.id,
            in_summary=True,
        )
    )
    services.contributions.add(
        Contribution(
            meeting_id=session_id,
            text=(
                "Short breaks are hard to book because the respite assessment takes far too "
                "long for most of the carers in our group."
            ),
            attribution=Attribution.PERSON,
            speaker_id=register.sam.id,
            agenda_item_id=item.id,
            in_summary=True,
        )
    )
    return register


def _everywhere(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )


def test_every_export_writes_a_word_document_that_opens(
    coproduce: Coproduce, database_url: str, session_with_words: Register, tmp_path: Path
) -> None:
    made = session_with_words
    runs = {
        "easy-read.docx": ("easy-read", "--session", str(made.session.id)),
        "minutes.docx": ("minutes", "--session", str(made.session.id)),
        "document.docx": ("you-said-we-did", "--document", str(made.document.id)),
        "group.docx": (
            "you-said-we-did",
            "--group",
            str(made.group.id),
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--easy-read",
        ),
        "pack.docx": ("person-pack", "--person", str(made.sam.id), "--font-size", "18"),
    }
    titles = {
        "easy-read.docx": f"Easy read summary of our meeting: {GROUP}, Thursday 12 March 2026",
        "minutes.docx": "Minutes: Short breaks for carers",
        "document.docx": "You said, we did",
        "group.docx": (
            f"You said, we did: {GROUP} From Thursday 1 January 2026 to Thursday 31 December 2026"
        ),
        "pack.docx": "Your ideas and what happened to them: Sam Okafor",
    }
    for name, arguments in runs.items():
        target = tmp_path / name
        done = coproduce("export", *arguments, "--db", database_url, "-o", str(target))
        assert done.status == 0, done.err
        assert f"Saved {target}." in done.out
        document = docx.Document(str(target))
        assert document.core_properties.title == titles[name]
        assert document.core_properties.language == "en-GB"
        if name != "pack.docx":  # Sam's own pack carries Sam's own name
            assert "Sam Okafor" not in _everywhere(target), name
    text = "\n".join(
        p.text
        for t in docx.Document(str(tmp_path / "easy-read.docx")).tables
        for r in t.rows
        for c in r.cells
        for p in c.paragraphs
    )
    assert "A group member said:" in text and "Breaks are hard to book." in text
    # The 22-word sentence does not pass: it waits for easy words, it is never printed.
    assert "Short breaks are hard to book" not in text
    pack = docx.Document(str(tmp_path / "pack.docx"))
    assert pack.styles["Normal"].font.size.pt == 18
    assert "For Sam Okafor" in "\n".join(p.text for p in pack.paragraphs)


def test_findings_and_warnings_are_printed_not_hidden(
    coproduce: Coproduce, database_url: str, session_with_words: Register, tmp_path: Path
) -> None:
    done = coproduce(
        "export",
        "easy-read",
        "--session",
        str(session_with_words.session.id),
        "--db",
        database_url,
        "-o",
        str(tmp_path / "s.docx"),
    )
    assert done.status == 0, done.err
    assert "About 4 pages (at most 12)." in done.out
    assert "1 row was left out: they need easy words." in done.out
    assert "- What you told us: Short breaks are hard to book" in done.out
    assert "This sentence has 22 words." in done.out
    assert "Warning: Contact us has no name of a person to ask for." in done.out


def test_an_existing_file_is_replaced_only_with_force(
    coproduce: Coproduce, database_url: str, register: Register, tmp_path: Path
) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"keep me")
    args = ("export", "minutes", "--session", str(register.session.id), "--db", database_url)
    refused = coproduce(*args, "-o", str(target))
    assert refused.status == 1
    assert "already exists. Add --force to replace it" in refused.err
    assert "Traceback" not in refused.err
    assert target.read_bytes() == b"keep me"
    replaced = coproduce(*args, "-o", str(target), "--force")
    assert replaced.status == 0, replaced.err
    assert docx.Document(str(target)).core_properties.title.startswith("Minutes")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("minutes", "--session", "999"), "does not exist"),
        (("person-pack", "--person", "999"), "does not exist"),
        (("you-said-we-did", "--document", "999"), "does not exist"),
        (("minutes", "--session", "1", "-o", "notes.txt"), "does not end in .docx"),
    ],
)
def test_problems_are_one_plain_line_with_exit_status_1(
    coproduce: Coproduce,
    database_url: str,
    register: Register,
    tmp_path: Path,
    arguments: tuple[str, ...],
    message: str,
) -> None:
    output = () if "-o" in arguments else ("-o", str(tmp_path / "out.docx"))
    done = coproduce("export", *arguments, *output, "--db", database_url)
    assert done.status == 1
    assert message in done.err
    assert "Traceback" not in done.err
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize(
    "arguments",
    [
        ("you-said-we-did", "-o", "x.docx"),  # neither --document nor --group
        ("you-said-we-did", "--group", "1", "--from", "12/03/2026", "-o", "x.docx"),
        ("easy-read", "--session", "1", "--font-size", "30", "-o", "x.docx"),
        ("easy-read", "--session", "1", "--font", "Comic Sans MS", "-o", "x.docx"),
    ],
)
def test_mistyped_commands_exit_with_status_2(
    coproduce: Coproduce, database_url: str, arguments: tuple[str, ...]
) -> None:
    done = coproduce("export", *arguments, "--db", database_url)
    assert done.status == 2


def test_pdf_without_libreoffice_says_what_to_do_and_writes_nothing(
    coproduce: Coproduce,
    database_url: str,
    register: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    target = tmp_path / "minutes.docx"
    done = coproduce(
        "export",
        "minutes",
        "--session",
        str(register.session.id),
        "--db",
        database_url,
        "-o",
        str(target),
        "--pdf",
    )
    assert done.status == 1
    assert "--pdf needs LibreOffice" in done.err
    assert not target.exists()


def test_pdf_beside_the_document_through_libreoffice(
    coproduce: Coproduce, database_url: str, register: Register, tmp_path: Path
) -> None:
    if not shutil.which("soffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice must be installed in CI (see .ci/run).")
        pytest.skip("LibreOffice (soffice) is not installed")
    target = tmp_path / "minutes.docx"
    done = coproduce(
        "export",
        "minutes",
        "--session",
        str(register.session.id),
        "--db",
        database_url,
        "-o",
        str(target),
        "--pdf",
    )
    assert done.status == 0, done.err
    assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_a_missing_picture_file_is_replaced_by_the_library_picture_with_a_warning(
    coproduce: Coproduce,
    database_url: str,
    services: Services,
    session_with_words: Register,
    tmp_path: Path,
) -> None:
    from coproduce.domain.vocabulary import PictureSource

    gone = tmp_path / "our-meeting-photo.png"
    services.pictures.choose("contact us", PictureSource.FILE, str(gone), "Our office")
    target = tmp_path / "summary.docx"
    done = coproduce(
        "export",
        "easy-read",
        "--session",
        str(session_with_words.session.id),
        "--db",
        database_url,
        "-o",
        str(target),
    )
    assert done.status == 0, done.err
    assert "Warning:" in done.out and "The library's picture for 'contact us' was used." in done.out
    assert docx.Document(str(target)).inline_shapes


def test_words_left_out_are_listed_with_control_characters_shown_as_escapes(
    coproduce: Coproduce,
    services: Services,
    database_url: str,
    session_with_words: Register,
    tmp_path: Path,
) -> None:
    services.contributions.add(
        Contribution(
            meeting_id=session_with_words.session.id,
            text=(
                "\x1b[2JThe bus\u202e never comes on time so we miss the start of every "
                "group meeting in the town hall."
            ),
            in_summary=True,
        )
    )

    done = coproduce(
        "export",
        "easy-read",
        "--session",
        str(session_with_words.session.id),
        "--db",
        database_url,
        "-o",
        str(tmp_path / "s.docx"),
    )

    assert done.status == 0, done.err
    assert "\x1b" not in done.out and "\u202e" not in done.out
    # The ESC went with the other characters a Word file cannot hold; the override shows.
    assert "- What you told us: [2JThe bus\\u202e never comes" in done.out


def _run_probing_imports(*argv: str) -> tuple[int, str, set[str]]:
    """Run ``python -X importtime -m coproduce ARGV`` in a child process: its exit status,
    its output, and the top-level packages it imported (what Python's own import-time
    report lists, so nothing in the program has to cooperate)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "coproduce", *argv],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=240,
        check=False,
    )
    imported = {
        line.rsplit("|", 1)[-1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    return done.returncode, done.stdout + done.stderr, imported


def _picture_bytes(path: Path) -> list[bytes]:
    """The pictures of a .docx in the order they stand."""
    document = docx.Document(str(path))
    parts = document.part.related_parts
    embed = qn("r:embed")
    return [parts[blip.get(embed)].blob for blip in document.element.body.iter(qn("a:blip"))]


def _drawn_by_qt(built: Built, path: Path) -> list[bytes]:
    built.save(path)
    return _picture_bytes(path)


def test_picture_exports_start_no_qt_and_print_the_pictures_qt_draws(
    services: Services, database_url: str, session_with_words: Register, tmp_path: Path
) -> None:
    from coproduce.ui.pictures import render_png

    made = session_with_words
    qt = functools.lru_cache(maxsize=None)(lambda choice: render_png(choice, PICTURE_PIXELS))
    runs = {
        "summary": (
            ("easy-read", "--session", str(made.session.id)),
            lambda: services.handouts.session_summary(made.session.id),
        ),
        "report": (
            ("you-said-we-did", "--group", str(made.group.id), "--easy-read"),
            lambda: services.handouts.you_said_we_did(group_id=made.group.id),
        ),
        "pack": (
            ("person-pack", "--person", str(made.sam.id)),
            lambda: services.handouts.person_pack(made.sam.id),
        ),
    }
    for name, (arguments, content) in runs.items():
        target = tmp_path / f"{name}.docx"
        status, output, imported = _run_probing_imports(
            "export", *arguments, "--db", database_url, "-o", str(target)
        )
        assert status == 0, output
        assert "coproduce" in imported and "docx" in imported  # the probe sees imports
        assert "PySide6" not in imported, name
        pictures = _picture_bytes(target)
        assert len(pictures) > 5
        assert pictures == _drawn_by_qt(
            build_easy_read(content(), qt), tmp_path / f"qt-{name}.docx"
        )


def test_a_picture_file_of_the_facilitators_is_drawn_once_then_comes_from_the_cache(
    services: Services, database_url: str, session_with_words: Register, tmp_path: Path
) -> None:
    photo = tmp_path / "our-meeting-room.svg"
    photo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30">'
        '<rect width="40" height="30" fill="teal"/></svg>'
    )
    services.pictures.choose_file("meeting", photo, "Our meeting room")
    arguments = ("export", "easy-read", "--session", str(session_with_words.session.id))
    arguments += ("--db", database_url)
    status, output, imported = _run_probing_imports(*arguments, "-o", str(tmp_path / "1.docx"))
    assert status == 0, output
    assert "PySide6" in imported  # never drawn before: Qt draws it
    status, output, imported = _run_probing_imports(*arguments, "-o", str(tmp_path / "2.docx"))
    assert status == 0, output
    assert "PySide6" not in imported  # the second time it comes from the cache
    assert _picture_bytes(tmp_path / "1.docx") == _picture_bytes(tmp_path / "2.docx")
