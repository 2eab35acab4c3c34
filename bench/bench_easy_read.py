"""How long the easy-read summary of a 40-row session takes, pictures included, beside a bare
python-docx document of the same rows.

A session is made through the services in a fresh SQLite database: 10 agenda items, 20
contributions chosen for the summary and 10 actions (40 picture rows, plus the fixed
sections). Then, each run:

- *gather*: ``services.handouts.session_summary`` (consent, pictures' concepts, glossary);
- *pictures*: drawing each distinct picture the document uses with
  ``coproduce.ui.pictures.render_png`` at the command line's size, from scratch each run;
- *build and save*: ``documents.easy_read.build_easy_read`` and the atomic save, including
  the easy-read gate, the choice within the page budget, the plain-language check and the
  hard words (drawing time taken out);
- *total*: all three, which is what the facilitator waits for;
- *bare python-docx*: the same 40 rows' words, each with the same picture PNG, as plain
  paragraphs in a default python-docx document, saved: the floor for this much content.

The first run also pays for starting Qt's offscreen platform (reported apart). Prints
Markdown rows for bench/README.md.

    .venv/bin/python bench/bench_easy_read.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import docx
from docx.shared import Cm

from coproduce.cli_documents import PICTURE_PIXELS
from coproduce.documents.easy_read import build_easy_read
from coproduce.domain.records import (
    Action,
    AgendaItem,
    Contribution,
    Group,
    Meeting,
    Person,
    PictureChoice,
)
from coproduce.domain.vocabulary import AttendanceStatus, Attribution, MeetingStatus
from coproduce.services import Services
from coproduce.store.database import Database

WORDS = [
    "The bus to the day centre is often late.",
    "We want more short breaks for carers.",
    "Letters about money are too long and hard to read.",
    "It is hard to get through on the phone.",
    "Care workers should stay longer on each visit.",
    "We would like the meetings in the library.",
    "Direct payments help people choose their own support.",
    "People want the same care workers every week.",
    "The doctor's surgery needs a hearing loop.",
    "Safeguarding leaflets should be in easy read.",
]


def make_session(services: Services) -> int:
    today = date.today()
    group = services.groups.create(Group(name="Carers' Forum"))
    start = datetime.combine(today - timedelta(days=2), datetime.min.time()).replace(hour=10)
    meeting = services.meetings.create(
        Meeting(
            group_id=group.id,  # type: ignore[arg-type]
            title="Short breaks for carers",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place="Town Hall",
        )
    )
    assert meeting.id is not None
    people = []
    for n in range(12):
        person = services.people.create(Person(display_name=f"Member {n + 1}"))
        services.groups.add_member(group.id, person.id, today - timedelta(days=100))  # type: ignore[arg-type]
        services.meetings.mark_attendance(meeting.id, person.id, AttendanceStatus.PRESENT)  # type: ignore[arg-type]
        people.append(person)
    items = [
        services.meetings.add_agenda_item(
            AgendaItem(meeting_id=meeting.id, title=f"Topic {n + 1}", easy_read=WORDS[n % 10])
        )
        for n in range(10)
    ]
    for n in range(20):
        services.contributions.add(
            Contribution(
                meeting_id=meeting.id,
                text=WORDS[(n + 3) % 10],
                easy_read=WORDS[(n + 3) % 10],
                attribution=Attribution.PERSON,
                speaker_id=people[n % 12].id,
                agenda_item_id=items[n % 10].id,
                in_summary=True,
            )
        )
    for n in range(10):
        services.actions.create(
            Action(
                meeting_id=meeting.id,
                text=f"Find out more about this: {WORDS[(n + 5) % 10]}",
                due_on=today + timedelta(days=14),
            )
        )
    services.meetings.set_status(meeting.id, MeetingStatus.HELD)
    return meeting.id


def bare(rows: list[str], png: bytes, target: Path) -> None:
    document = docx.Document()
    for text in rows:
        document.add_paragraph().add_run().add_picture(io.BytesIO(png), width=Cm(3.5))
        document.add_paragraph(text)
    document.save(str(target))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        database = Database.open(f"sqlite:///{folder / 'bench.sqlite3'}")
        services = Services(database)
        meeting_id = make_session(services)

        from coproduce.ui.pictures import render_png

        started = time.perf_counter()
        content = services.handouts.session_summary(meeting_id)
        render_png(content.cover.picture, PICTURE_PIXELS)
        first = time.perf_counter() - started

        timings: dict[str, list[float]] = {k: [] for k in ("gather", "pictures", "build", "bare")}
        rows = pictures = pages = 0
        for run in range(args.runs):
            t0 = time.perf_counter()
            content = services.handouts.session_summary(meeting_id)
            t1 = time.perf_counter()
            drawing = [0.0]
            drawn: set[object] = set()

            def draw(
                choice: PictureChoice, drawing: list[float] = drawing, drawn: set[object] = drawn
            ) -> bytes:
                # What the command line passes: the builder asks once per distinct picture.
                start = time.perf_counter()
                png = render_png(choice, PICTURE_PIXELS)
                drawing[0] += time.perf_counter() - start
                drawn.add(choice)
                return png

            t2 = time.perf_counter()
            built = build_easy_read(content, draw)
            built.save(folder / f"summary-{run}.docx")
            t3 = time.perf_counter()
            words = [
                words.text
                for section in content.sections
                for entry in section.entries
                for row in entry.rows
                for words in row.words
            ]
            bare(
                words,
                render_png(content.cover.picture, PICTURE_PIXELS),
                folder / f"bare-{run}.docx",
            )
            t4 = time.perf_counter()
            timings["gather"].append(t1 - t0)
            timings["pictures"].append(drawing[0])
            timings["build"].append(t3 - t2 - drawing[0])
            timings["bare"].append(t4 - t3)
            rows, pictures, pages = len(words), len(drawn), built.estimated_pages
        # The worst case: every row with a picture of its own (40 different library pictures).
        library = services.pictures.library()[:40]
        worst = []
        for _run in range(args.runs):
            start = time.perf_counter()
            for choice in library:
                render_png(choice, PICTURE_PIXELS)
            worst.append(time.perf_counter() - start)
        database.close()

    def median(key: str) -> float:
        return statistics.median(timings[key])

    total = median("gather") + median("pictures") + median("build")
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} cores; {rows} rows, "
        f"{pictures} distinct pictures, about {pages} pages; median of {args.runs} runs; "
        f"first run's Qt start and first picture: {first:.2f} s"
    )
    print()
    print("| step | seconds |")
    print("|---|---|")
    print(f"| gather (services.handouts) | {median('gather'):.3f} |")
    print(f"| draw the pictures (render_png) | {median('pictures'):.3f} |")
    print(f"| build and save the .docx | {median('build'):.3f} |")
    print(f"| **total** | **{total:.3f}** |")
    print(f"| bare python-docx, same rows and pictures | {median('bare'):.3f} |")
    print(
        f"| worst case: total if all {len(library)} rows had different pictures | "
        f"{total - median('pictures') + statistics.median(worst):.3f} |"
    )


if __name__ == "__main__":
    main()
