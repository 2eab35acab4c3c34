"""Pictures of the window for the README and the docs, made without a display.

    .venv/bin/python docs/screenshots.py [--out docs/screenshots] [--only NAME ...]

Opens the main window offscreen at 1366x768 (a council laptop's screen) on a fresh small
example council in a scratch folder under the system's temporary folder (nothing of the
user's is read or written), with
the program's clock set to the example's own date, so the same code gives the same pictures.
Saves one PNG per page, each with a record open: ``sessions.png`` (the one the README shows),
``people.png`` (a person with access needs), ``groups.png`` (a member with needs selected),
``documents.png`` (a document and its sections), ``actions.png`` and ``dashboard.png``; then
each tab of a session: ``session-agenda.png``, ``session-carried.png``,
``session-preparation.png``, ``session-register.png``, a person's access needs and consent
tabs: ``person-access.png``, ``person-consent.png``; meeting mode on a session,
``meeting-mode.png``, and a search, ``search.png``; the tidy-up after a session,
``tidy-up.png``; a document's "What the groups said" with a response open,
``document-said.png``, and responding to several, ``respond-to-many.png``; its ladder,
``document-ladder.png``, a guided assessment, ``ladder-assessment.png``, and the drifting work,
``drifting-work.png``; the easy-read summary in the export dialog with its pages, a
contribution left out for want of easy words chosen and its easy words being written, at the
dialog's own size (it fits a 1366x768 laptop), ``export-easy-read.png``; the glossary,
``glossary.png``; the picture library, ``picture-chooser.png``; the table export,
``export-tables.png``; and the evidence pack's choices, ``evidence-pack.png``.
``--only export-easy-read`` (repeatable) replaces only the pictures named; the others are
made in a scratch folder and thrown away.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

REPOSITORY = Path(__file__).resolve().parents[1]
WINDOW_SIZE = (1366, 768)
"""A council laptop's screen (issue 11): what a facilitator sees, taskbar aside."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPOSITORY / "docs" / "screenshots")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="replace only this picture (its name without .png); may be given again",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    # A fixed folder, not a random one: its path shows in the status bar of every picture.
    home = Path(tempfile.gettempdir()) / "coproduce-screenshots"
    shutil.rmtree(home, ignore_errors=True)
    # Every user folder (the database, logs, backups) goes to the scratch folder.
    os.environ["COPRODUCE_HOME"] = str(home)
    os.environ.pop("COPRODUCE_DB", None)
    scratch = home.with_name("coproduce-screenshots-out")
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        if not args.only:
            for path in take_screenshots(args.out):
                print(path)
            return 0
        scratch.mkdir(parents=True)
        made = {path.stem: path for path in take_screenshots(scratch)}
        unknown = sorted(set(args.only) - made.keys())
        if unknown:
            raise SystemExit(f"No such picture: {', '.join(unknown)}")
        for name in args.only:
            target = args.out / f"{name}.png"
            shutil.copyfile(made[name], target)
            print(target)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def take_screenshots(out: Path) -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from coproduce import paths
    from coproduce.app import application_instance
    from coproduce.services import Services
    from coproduce.services.demo import ANCHOR, build_demo
    from coproduce.store.database import Database
    from coproduce.ui.main_window import MainWindow

    application = application_instance()
    database = Database.open(paths.default_database_url())
    try:
        build_demo(database, "small", today=ANCHOR)
        window = MainWindow(Services(database, today=lambda: ANCHOR))
        window.resize(*WINDOW_SIZE)
        window.show()

        def settle() -> None:
            # Icons arrive just after the first show; let every queued event run.
            for _ in range(5):
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

        settle()
        saved = []
        for entry in window.pages:
            window.show_page(entry.key)
            window.navigation.setFocus()
            settle()
            if entry.key == "dashboard":
                _wait_for_dashboard(window)
            show_at_work = PAGES_AT_WORK.get(entry.key)
            if show_at_work is not None:
                show_at_work(window)
                window.navigation.setFocus()
                settle()
            saved.append(_save(window, out / f"{entry.key}.png"))
        saved.extend(_session_tabs(window, out, settle))
        saved.extend(_person_tabs(window, out, settle))
        saved.extend(_meeting_mode_and_search(window, out, settle))
        saved.extend(_tidy_up(window, out, settle))
        saved.extend(_document_said(window, out, settle))
        saved.extend(_ladder(window, out, settle))
        saved.extend(_exports(window, out, settle))
        window.close()
        application.processEvents()
        return saved
    finally:
        database.close()


def _wait_for_dashboard(window: Any) -> None:
    """The dashboard loads its figures in the background: wait for them."""
    from PySide6.QtCore import QEventLoop

    page = window.page("dashboard")
    if page.loading:
        loop = QEventLoop()
        page.loaded.connect(loop.quit)
        loop.exec()
        page.loaded.disconnect(loop.quit)


def _save(window: Any, path: Path) -> Path:
    if not window.grab().save(str(path)):
        raise SystemExit(f"Could not save {path}")
    return path


FEATURED_SESSION = "Lived Experience Reference Group, 1 September 2026"


def _select_row(page: Any, text: str) -> None:
    """Select the first row whose first columns show ``text``."""
    model = page.model
    for row in range(model.total):
        for column in range(min(3, model.columnCount())):
            if model.index(row, column).data() == text:
                page.table.selectRow(row)
                return
    page.table.selectRow(0)


def show_sessions_at_work(window: Any) -> None:
    _select_row(window.list_page("sessions"), FEATURED_SESSION)


def _session_tabs(window: Any, out: Path, settle: Callable[[], None]) -> list[Path]:
    from coproduce.ui.sessions.session_detail import SessionDetail

    window.show_page("sessions")
    page = window.list_page("sessions")
    show_sessions_at_work(window)
    settle()
    saved = []
    for name, index in [
        ("agenda", SessionDetail.AGENDA),
        ("carried", SessionDetail.CARRIED),
        ("preparation", SessionDetail.PREPARATION),
        ("register", SessionDetail.REGISTER),
    ]:
        page.detail.open_tab(index)
        settle()
        saved.append(_save(window, out / f"session-{name}.png"))
    page.detail.open_tab(SessionDetail.DETAILS)
    return saved


def _first_with_needs(page: Any) -> None:
    for row in range(page.model.total):
        person = page.record_of(page.model.record(row))
        if not person.needs.is_empty and len(person.needs.labels()) > 1:
            page.table.selectRow(row)
            return
    page.table.selectRow(0)


def show_people_at_work(window: Any) -> None:
    _first_with_needs(window.list_page("people"))


def _person_tabs(window: Any, out: Path, settle: Callable[[], None]) -> list[Path]:
    window.show_page("people")
    page = window.list_page("people")
    show_people_at_work(window)
    settle()
    tabs = page.editor.tabs
    saved = []
    for name, index in [("access", 1), ("consent", 2)]:
        tabs.setCurrentIndex(index)
        settle()
        saved.append(_save(window, out / f"person-{name}.png"))
    tabs.setCurrentIndex(0)
    return saved


def _meeting_mode_and_search(window: Any, out: Path, settle: Callable[[], None]) -> list[Path]:
    """Meeting mode on the featured session, and Ctrl+F searching for 'transport'."""
    window.show_page("sessions")
    page = window.list_page("sessions")
    show_sessions_at_work(window)
    settle()
    page.run_session()
    view = page.capture_view
    view.resize(*WINDOW_SIZE)
    settle()
    saved = [_save(view, out / "meeting-mode.png")]
    view.close()
    settle()
    dialog = window.open_search()
    dialog.field.setText("transport")
    dialog.search_now()  # the pause after typing needs real time; the script has none
    for _ in range(3):
        settle()
    saved.append(_save(dialog, out / "search.png"))
    dialog.close()
    return saved


def _tidy_up(window: Any, out: Path, settle: Callable[[], None]) -> list[Path]:
    """The tidy-up of the featured session, one contribution chosen."""
    window.show_page("sessions")
    page = window.list_page("sessions")
    show_sessions_at_work(window)
    settle()
    page.tidy_up_session()
    view = page.tidy_up_view
    view.showNormal()  # it opens maximised; the picture needs the fixed size
    view.resize(*WINDOW_SIZE)
    view.table.selectRow(2)
    settle()
    saved = [_save(view, out / "tidy-up.png")]
    view.close()
    settle()
    return saved


def _document_said(window: Any, out: Path, settle: Callable[[], None]) -> list[Path]:
    """A document's "What the groups said" with an answered contribution open, then the
    dialog that responds to several at once."""
    from coproduce.domain.vocabulary import ResponseStatus

    window.show_page("documents")
    page = window.list_page("documents")
    page.table.selectRow(0)
    page.editor.tabs.setCurrentWidget(page.editor.said)
    view = page.editor.said
    journeys = [
        view.journey_at(view.model.index(row, 0, view.model.index(group, 0)))
        for group in range(view.model.rowCount())
        for row in range(view.model.rowCount(view.model.index(group, 0)))
    ]
    answered = next(j for j in journeys if j.status is ResponseStatus.CHANGED_DOCUMENT)
    view.choose([answered.contribution.id])
    settle()
    saved = [_save(window, out / "document-said.png")]
    view.choose([j.contribution.id for j in journeys[:3]])
    dialog = view.respond_to_chosen()
    dialog.fields.set_status(ResponseStatus.ALREADY_HAPPENING)
    dialog.adjustSize()
    settle()
    saved.append(_save(dialog, out / "respond-to-many.png"))
    dialog.reject()
    view.choose([])
    page.editor.tabs.setCurrentIndex(0)
    settle()
    return saved


LADDER_DOCUMENT = "Hartmoor Carers' Strategy 2026\u20132031"


def _ladder(window: Any, out: Path, settle: Callable[[], None]) -> list[Path]:
    """A document's Ladder tab, a guided assessment with its suggestion, the drifting work."""
    from coproduce.domain.ladder import QUESTIONS, Answer
    from coproduce.services.documents import DocumentFilter

    services = window.context.services
    window.show_page("documents")
    page = window.list_page("documents")
    document = next(
        d for d in services.documents.list(DocumentFilter()).items if d.title == LADDER_DOCUMENT
    )
    page.show_document(document.id)
    page.editor.tabs.setCurrentWidget(page.editor.ladder)
    settle()
    saved = [_save(window, out / "document-ladder.png")]
    dialog = page.editor.ladder.new_assessment()
    answers = [Answer.YES, Answer.YES, Answer.PARTLY, Answer.YES, Answer.NO]
    for question, answer in zip(QUESTIONS, answers + [Answer.YES] * len(QUESTIONS), strict=False):
        field = dialog.answer_fields[question.key]
        field.setCurrentIndex(field.findData(answer.value))
    settle()
    saved.append(_save(dialog, out / "ladder-assessment.png"))
    dialog.reject()
    drifting = page.show_drifting_work()
    drifting.adjustSize()
    settle()
    saved.append(_save(drifting, out / "drifting-work.png"))
    drifting.close()
    page.editor.tabs.setCurrentIndex(0)
    settle()
    return saved


EASY_WORDS_BEING_WRITTEN = (
    "We want Riverside Day Centre to stay open.\n"
    "People could use it in the evenings so that it earns some money to help pay for itself."
)
"""Typed into the export dialog's box for the picture: a first line that passes, and a second
the checker marks as too long, as a facilitator sees it half-way through."""


def _leave_out_a_contribution(services: Any, meeting_id: int) -> tuple[Any, Any]:
    """Tick for the session's summary a contribution whose easy words were never written and
    whose own words may not be printed in easy read, as a facilitator does during a session.
    Returns it as it was and as it is now, to put it back after the picture."""
    from coproduce.documents.plain_language import easy_read_problems
    from coproduce.domain.records import replace
    from coproduce.domain.vocabulary import ContributionKind
    from coproduce.services.contributions import ContributionFilter

    said = next(
        c
        for c in services.contributions.list(ContributionFilter(meeting_id=meeting_id)).items
        if not c.in_summary
        and c.kind is not ContributionKind.DECISION
        and easy_read_problems(c.text)
    )
    return said, services.contributions.update(replace(said, in_summary=True, easy_read=""))


def _exports(window: Any, out: Path, settle: Callable[[], None]) -> list[Path]:
    """The easy-read summary of the featured session in the export dialog, pages and all, with
    easy words being written for a contribution left out; the glossary, the picture library,
    the table export and the evidence pack's choices."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from coproduce.domain.records import replace
    from coproduce.ui.pictures.chooser import PictureChooser
    from coproduce.ui.printing.evidence_chooser import EvidenceChooser

    services = window.context.services
    window.show_page("sessions")
    show_sessions_at_work(window)
    settle()
    meeting = window.list_page("sessions").selected_record()
    was, left_out = _leave_out_a_contribution(services, meeting.id)
    dialog = window.print_easy_read_summary()  # at its own size: it fits a 1366x768 laptop
    waited = 0
    while dialog.result is None and waited < 240:  # LibreOffice makes the preview's pages
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 100)
        loop = QEventLoop()
        QTimer.singleShot(250, loop.quit)
        loop.exec()
        waited += 1
    settle()
    # Past the cover, to the rows: pictures left, words right.
    pages = dialog.preview.page_labels()
    if len(pages) > 2:
        dialog.preview.ensureWidgetVisible(pages[2], 0, 0)
        dialog.preview.verticalScrollBar().setValue(pages[2].y())
    panel = dialog.easy_words
    panel.list.setCurrentRow(
        next(i for i, need in enumerate(panel.needs) if need.origin.record_id == left_out.id)
    )
    panel.easy.edit.setPlainText(EASY_WORDS_BEING_WRITTEN)
    panel.easy.check_now()  # the pause after typing needs real time; the script has none
    panel.easy.edit.setFocus()
    settle()
    saved = [_save(dialog, out / "export-easy-read.png")]
    panel.forget_unsaved()  # or closing would ask about the words typed
    dialog.reject()
    now = services.contributions.get(left_out.id)
    services.contributions.update(replace(was, version=now.version))
    settle()
    glossary = window.open_glossary()
    settle()
    saved.append(_save(glossary, out / "glossary.png"))
    glossary.reject()
    chooser = PictureChooser(window.context, "bus", parent=window)
    chooser.show()
    settle()
    saved.append(_save(chooser, out / "picture-chooser.png"))
    chooser.reject()
    tables = window.open_table_export()
    settle()
    saved.append(_save(tables, out / "export-tables.png"))
    tables.reject()
    evidence = EvidenceChooser(window.context.services, parent=window)
    evidence.show()
    settle()
    saved.append(_save(evidence, out / "evidence-pack.png"))
    evidence.reject()
    settle()
    return saved


def show_documents_at_work(window: Any) -> None:
    window.list_page("documents").table.selectRow(0)


def show_actions_at_work(window: Any) -> None:
    window.list_page("actions").table.selectRow(0)


def show_groups_at_work(window: Any) -> None:
    """Open the first group and select the first member whose needs are flagged."""
    page = window.list_page("groups")
    page.table.selectRow(0)
    members = page.group_editor.members
    for row in range(members.model.total):
        member = members.model.record(row)
        if member is not None and not member.person.needs.is_empty:
            members.table.selectRow(row)
            break


# Pages pictured with something open rather than as they first appear.
PAGES_AT_WORK: dict[str, Callable[[Any], None]] = {
    "sessions": show_sessions_at_work,
    "people": show_people_at_work,
    "groups": show_groups_at_work,
    "documents": show_documents_at_work,
    "actions": show_actions_at_work,
}


if __name__ == "__main__":
    sys.path.insert(0, str(REPOSITORY / "src"))
    sys.exit(main())
