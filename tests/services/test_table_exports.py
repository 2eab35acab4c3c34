"""Table exports for Power BI (``services.tables``): each table's rows match the records they
come from, consent decides whose names leave the program, and odd text survives both formats
safely. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import os
import re
import stat
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from coproduce.documents.tables import TableFormat
from coproduce.domain.errors import ExportError, ValidationError
from coproduce.domain.records import (
    Action,
    Consent,
    Contribution,
    Document,
    Group,
    LadderAssessment,
    Link,
    Meeting,
    Payment,
    Person,
    Response,
    Section,
)
from coproduce.domain.vocabulary import (
    ActionStatus,
    AttendanceStatus,
    Attribution,
    ConsentPurpose,
    ConsentState,
    ContributionKind,
    CqcQualityStatement,
    FeedbackMethod,
    LadderRung,
    LinkRelation,
    MakingItRealTheme,
    PaymentMethod,
    ResponseStatus,
    Role,
)
from coproduce.services import Services
from coproduce.services.tables import TABLES
from coproduce.store.tables import TableQueries

DOCS = Path(__file__).resolve().parents[2] / "docs" / "tables.md"

FORMULA = '=HYPERLINK("http://example.com/steal","Click me")'
UNICODE = "Zoë said: «ça va» – 日本語 and 😊 too"
HEALTH_REASON = "In hospital for dialysis"
REGISTER_NOTE = "Needs a wheelchair-accessible taxi"
PAYMENT_NOTE = "Sort code 12-34-56, account 12345678"
STARTS = datetime(2026, 3, 12, 10, 0)


@dataclass
class Council:
    """A small register with one of everything an export shows, made through the services."""

    services: Services
    ann: Person  # consents to be quoted by name
    ben: Person  # never asked
    cat: Person  # gave consent, then withdrew it
    dee: Person  # staff, facilitator
    session: Meeting
    document: Document
    section: Section
    by_ann: Contribution
    by_ben: Contribution
    by_cat: Contribution
    anonymous_ann: Contribution
    whole_group: Contribution

    def rows(self, name: str) -> list[dict[str, Any]]:
        columns = TABLES[name].column_names
        return [dict(zip(columns, row, strict=True)) for row in self.services.tables.rows(name)]


def _consent(services: Services, person: Person, state: ConsentState, days_ago: int) -> None:
    services.people.record_consent(
        Consent(
            person_id=person.id,  # type: ignore[arg-type]
            purpose=ConsentPurpose.QUOTED_BY_NAME,
            state=state,
            on=date.today() - timedelta(days=days_ago),
        )
    )


@pytest.fixture
def council(services: Services) -> Council:
    group = services.groups.create(Group(name="Carers' Forum"))
    people = {}
    for name in ("Ann Ames", "Ben Bell", "Cat Cole"):
        person = services.people.create(
            Person(display_name=name, roles=frozenset({Role.UNPAID_CARER}))
        )
        services.groups.add_member(group.id, person.id, date(2025, 1, 1))  # type: ignore[arg-type]
        people[name] = person
    ann, ben, cat = people.values()
    dee = services.people.create(
        Person(display_name="Dee Dunn", roles=frozenset({Role.STAFF, Role.FACILITATOR}))
    )
    _consent(services, ann, ConsentState.GIVEN, 30)
    _consent(services, cat, ConsentState.GIVEN, 60)
    _consent(services, cat, ConsentState.WITHDRAWN, 10)
    session = services.meetings.create(
        Meeting(
            group_id=group.id,  # type: ignore[arg-type]
            title="March forum",
            starts_at=STARTS,
            ends_at=STARTS + timedelta(hours=2),
            place="Town Hall",
            online_link="https://meet.example.org/forum?pwd=secret",
        )
    )
    sid: int = session.id  # type: ignore[assignment]
    meetings = services.meetings
    meetings.mark_attendance(sid, ann.id, AttendanceStatus.PRESENT, arrived_late=True)  # type: ignore[arg-type]
    meetings.mark_attendance(
        sid,
        ben.id,  # type: ignore[arg-type]
        AttendanceStatus.PRESENT,
        access_needs_met=False,
        note=REGISTER_NOTE,
    )
    meetings.mark_attendance(sid, cat.id, AttendanceStatus.PRESENT)  # type: ignore[arg-type]
    meetings.mark_attendance(
        sid,
        dee.id,  # type: ignore[arg-type]
        AttendanceStatus.APOLOGIES,
        is_guest=True,
        apology_reason=HEALTH_REASON,
    )
    said = services.contributions.add

    def by(person: Person | None, text: str, attribution: Attribution, **more: Any) -> Any:
        return said(
            Contribution(
                meeting_id=sid,
                text=text,
                attribution=attribution,
                speaker_id=person.id if person else None,
                **more,
            )
        )

    by_ann = by(
        ann,
        FORMULA,
        Attribution.PERSON,
        kind=ContributionKind.CONCERN,
        themes=frozenset({MakingItRealTheme.WORKFORCE, MakingItRealTheme.INFORMATION_AND_ADVICE}),
        quality_statements=frozenset({CqcQualityStatement.LEARNING_IMPROVEMENT}),
    )
    by_ben = by(ben, UNICODE, Attribution.PERSON)
    by_cat = by(cat, "Carers need a break in the summer holidays.", Attribution.PERSON)
    anonymous_ann = by(ann, "I was not told about my assessment.", Attribution.ANONYMOUS)
    whole_group = by(None, "We all want letters in plain English.", Attribution.WHOLE_GROUP)
    document = services.documents.create(Document(title="Carers' strategy"))
    section = services.documents.add_section(
        Section(document_id=document.id, heading="Short breaks", number="2.1")  # type: ignore[arg-type]
    )
    services.contributions.link(
        Link(
            contribution_id=by_cat.id,
            document_id=document.id,  # type: ignore[arg-type]
            section_id=section.id,
            relation=LinkRelation.INFLUENCED,
            note="Led to the summer scheme",
        )
    )
    services.contributions.respond(
        Response(
            contribution_id=by_cat.id,
            status=ResponseStatus.CHANGED_DOCUMENT,
            text="We added a summer short-breaks scheme.",
            section_id=section.id,
            decided_by="Head of Carers' Services",
            decided_on=date(2026, 4, 1),
            fed_back_on=date(2026, 4, 9),
            fed_back_how=FeedbackMethod.AT_SESSION,
        )
    )
    return Council(
        services,
        ann,
        ben,
        cat,
        dee,
        session,
        document,
        section,
        by_ann,
        by_ben,
        by_cat,
        anonymous_ann,
        whole_group,
    )


def _assess(council: Council, assessor: Person | None, name: str, participant: bool) -> int:
    assessment = council.services.ladder.assess(
        LadderAssessment(
            document_id=council.document.id,  # type: ignore[arg-type]
            rung=LadderRung.CONSULTATION,
            planned_rung=LadderRung.CO_DESIGN,
            assessed_on=date(2026, 4, 2),
            assessor_name=name,
            assessor_id=assessor.id if assessor else None,
            assessor_is_participant=participant,
            rationale="Asked for views; others decided.",
            evidence_meeting_ids=(council.session.id,),  # type: ignore[arg-type]
            evidence_contribution_ids=(council.by_cat.id,),  # type: ignore[arg-type]
        )
    )
    return assessment.id  # type: ignore[return-value]


# --- each table matches its records ---------------------------------------------------------


def test_sessions_row_counts_the_register_and_what_was_said(council: Council) -> None:
    [row] = council.rows("sessions")

    assert row["session_id"] == council.session.id
    assert row["group_name"] == "Carers' Forum"
    assert row["session_date"] == date(2026, 3, 12)
    assert row["starts_at"] == STARTS
    assert (row["status"], row["status_label"]) == ("planned", "Planned")
    assert (row["present"], row["apologies"], row["absent"], row["expected"]) == (3, 1, 0, 0)
    assert row["contributions"] == 5
    assert row["online"] is True
    assert "secret" not in repr(row)


def test_attendance_rows_are_the_register(council: Council) -> None:
    register = council.services.meetings.attendance(council.session.id)  # type: ignore[arg-type]
    rows = council.rows("attendance")

    assert sorted(r["attendance_id"] for r in rows) == sorted(m.id for m in register)  # type: ignore[type-var]
    by_id = {r["person_id"]: r for r in rows}
    assert by_id[council.ann.id]["arrived_late"] is True
    assert by_id[council.ann.id]["person_name"] == "Ann Ames"
    assert (by_id[council.dee.id]["status"], by_id[council.dee.id]["is_guest"]) == (
        "apologies",
        True,
    )
    assert all(r["session_id"] == council.session.id for r in rows)


def test_contributions_carry_codes_labels_and_tags(council: Council) -> None:
    rows = {r["contribution_id"]: r for r in council.rows("contributions")}
    stored = council.services.contributions.get_many(rows)

    assert {c.id for c in stored} == set(rows)
    row = rows[council.by_ann.id]
    assert (row["kind"], row["kind_label"]) == ("concern", "Concern")
    assert row["themes"] == "information;workforce"
    assert row["cqc_statements"] == "learning"
    assert row["text"] == FORMULA
    assert row["captured_at"] == council.by_ann.captured_at


def test_links_and_responses_join_to_their_contributions(council: Council) -> None:
    [link] = council.rows("contribution_links")
    [response] = council.rows("responses")

    assert link["contribution_id"] == council.by_cat.id
    assert (link["document_id"], link["document_title"]) == (
        council.document.id,
        "Carers' strategy",
    )
    assert link["section"] == "2.1 Short breaks"
    assert (link["relation"], link["relation_label"]) == ("influenced", "Influenced")
    assert response["contribution_id"] == council.by_cat.id
    assert response["session_id"] == council.session.id
    assert response["status"] == "changed_document"
    assert response["is_answer"] is True
    assert response["decided_on"] == date(2026, 4, 1)
    assert response["days_to_decision"] == 20
    assert (response["fed_back_how"], response["fed_back_how_label"]) == (
        "at_session",
        "Told the group at a session",
    )


def test_ladder_history_shows_each_assessment_against_its_plan(council: Council) -> None:
    staff = _assess(council, council.dee, "Dee Dunn", participant=False)

    [row] = council.rows("ladder_history")

    assert row["assessment_id"] == staff
    assert (row["rung"], row["rung_label"], row["band"]) == (4, "Consultation", "doing_for")
    assert (row["planned_rung"], row["planned_rung_label"]) == (6, "Co-design")
    assert row["below_plan"] is True
    assert row["assessor"] == "Dee Dunn"
    assert (row["evidence_sessions"], row["evidence_contributions"]) == (1, 1)


def test_actions_say_which_are_overdue_today(council: Council) -> None:
    services = council.services
    late = services.actions.create(
        Action(
            meeting_id=council.session.id,  # type: ignore[arg-type]
            text="Send the minutes",
            owner_id=council.dee.id,
            due_on=date.today() - timedelta(days=3),
        )
    )
    done = services.actions.create(
        Action(
            meeting_id=council.session.id,  # type: ignore[arg-type]
            text="Book the room",
            due_on=date.today() - timedelta(days=3),
            status=ActionStatus.DONE,
            done_on=date.today() - timedelta(days=4),
        )
    )

    rows = {r["action_id"]: r for r in council.rows("actions")}

    assert set(rows) == {late.id, done.id}
    assert (rows[late.id]["overdue"], rows[late.id]["owner_name"]) == (True, "Dee Dunn")
    assert rows[done.id]["overdue"] is False
    assert rows[done.id]["status_label"] == "Done"


def test_payments_are_in_pounds_and_name_the_person(council: Council) -> None:
    payment = council.services.involvement.record_payment(
        Payment(
            person_id=council.ann.id,  # type: ignore[arg-type]
            meeting_id=council.session.id,
            hours=Decimal("2.5"),
            rate_pence=2000,
            expenses_pence=1250,
            method=PaymentMethod.VOUCHER,
            paid_on=date(2026, 3, 20),
            note=PAYMENT_NOTE,
        )
    )

    [row] = council.rows("payments")

    assert row["payment_id"] == payment.id
    assert (row["person_id"], row["person_name"]) == (council.ann.id, "Ann Ames")
    assert row["session_date"] == date(2026, 3, 12)
    assert (row["hours"], row["rate_gbp"], row["amount_gbp"]) == (
        Decimal("2.50"),
        Decimal("20.00"),
        Decimal("50.00"),
    )
    assert (row["expenses_gbp"], row["total_gbp"]) == (Decimal("12.50"), Decimal("62.50"))
    assert (row["method"], row["method_label"]) == ("voucher", "Shopping voucher")
    assert PAYMENT_NOTE not in repr(row)


def test_rows_read_in_small_chunks_are_the_same_as_in_one_go(council: Council) -> None:
    # Enough rows that a chunk of 2 takes several pages, and ids that are not consecutive.
    services = council.services
    for number in range(5):
        services.contributions.add(
            Contribution(meeting_id=council.session.id, text=f"Point {number}")  # type: ignore[arg-type]
        )
    services.contributions.delete(council.by_ben.id)  # type: ignore[arg-type]
    with services.store.transaction() as unit:
        whole = list(TableQueries(unit).contributions())
        chunked = list(TableQueries(unit, chunk_size=2).contributions())

    assert len(whole) == 9
    assert chunked == whole


# --- consent and personal data --------------------------------------------------------------


def test_contributions_name_only_speakers_who_consent_to_be_quoted_by_name(
    council: Council,
) -> None:
    rows = {r["contribution_id"]: r for r in council.rows("contributions")}

    def shown(contribution: Contribution) -> tuple[str, int | None]:
        row = rows[contribution.id]
        return row["said_by"], row["speaker_person_id"]

    assert shown(council.by_ann) == ("Ann Ames", council.ann.id)
    assert shown(council.by_ben) == ("A group member", None)  # never asked
    assert shown(council.by_cat) == ("A group member", None)  # withdrew
    assert shown(council.anonymous_ann) == ("A group member", None)  # recorded anonymously
    assert shown(council.whole_group) == ("The whole group", None)
    # The same words the screen and documents use.
    on_screen = council.services.contributions.display_speakers(rows)
    assert rows[council.by_ann.id]["said_by"] == on_screen[council.by_ann.id]
    assert on_screen[council.whole_group.id] == "The whole group"


def test_a_withdrawn_consent_takes_the_name_out_of_the_next_export(council: Council) -> None:
    _consent(council.services, council.ann, ConsentState.WITHDRAWN, 0)

    row = next(
        r for r in council.rows("contributions") if r["contribution_id"] == council.by_ann.id
    )

    assert (row["said_by"], row["speaker_person_id"]) == ("A group member", None)


def test_a_participant_rating_the_ladder_is_named_only_with_consent(council: Council) -> None:
    named = _assess(council, council.ann, "Ann Ames", participant=True)
    unnamed = _assess(council, council.ben, "Ben Bell", participant=True)
    typed = _assess(council, None, "Cat Cole", participant=True)

    rows = {r["assessment_id"]: r for r in council.rows("ladder_history")}

    assert rows[named]["assessor"] == "Ann Ames"
    assert rows[unnamed]["assessor"] == "A participant"
    assert rows[typed]["assessor"] == "A participant"
    assert all(r["assessor_is_participant"] is True for r in rows.values())


def test_no_table_holds_access_needs_health_details_or_private_notes(
    council: Council, tmp_path: Path
) -> None:
    council.services.involvement.record_payment(
        Payment(person_id=council.ben.id, meeting_id=council.session.id, note=PAYMENT_NOTE)  # type: ignore[arg-type]
    )
    path = tmp_path / "all.xlsx"
    council.services.tables.export(list(TABLES), TableFormat.XLSX, path)

    book = load_workbook(path, read_only=True)
    cells = [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    book.close()
    for private in (HEALTH_REASON, REGISTER_NOTE, PAYMENT_NOTE, "pwd=secret"):
        assert not any(private in cell for cell in cells), private
    # Without consent, Ben is on the register and the payment by person id only.
    assert not any("Ben Bell" in cell for cell in cells)
    for table in TABLES.values():
        assert not {"access_needs_met", "apology_reason", "email", "phone"} & set(
            table.column_names
        )


# --- files ----------------------------------------------------------------------------------


def test_formula_like_and_unicode_text_is_kept_as_text_in_both_formats(
    council: Council, tmp_path: Path
) -> None:
    tables = council.services.tables
    xlsx, csv_path = tmp_path / "said.xlsx", tmp_path / "said.csv"
    tables.export(["contributions"], TableFormat.XLSX, xlsx)
    tables.export(["contributions"], TableFormat.CSV, csv_path)

    sheet = load_workbook(xlsx)["contributions"]
    header = [cell.value for cell in sheet[1]]
    text_cells = {
        row[header.index("contribution_id")].value: row[header.index("text")]
        for row in sheet.iter_rows(min_row=2)
    }
    formula_cell = text_cells[council.by_ann.id]
    assert (formula_cell.value, formula_cell.data_type) == (FORMULA, "s")
    assert text_cells[council.by_ben.id].value == UNICODE
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        read = {int(r["contribution_id"]): r for r in csv.DictReader(handle)}
    assert read[council.by_ann.id]["text"] == "'" + FORMULA
    assert read[council.by_ben.id]["text"] == UNICODE
    assert read[council.by_ann.id]["session_date"] == "2026-03-12"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", read[council.by_ann.id]["captured_at"])
    assert read[council.by_ann.id]["in_summary"] == "false"


def test_an_export_is_private_and_replaces_a_file_only_when_asked(
    council: Council, tmp_path: Path
) -> None:
    tables = council.services.tables
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "sessions.csv"
    path.write_text("an older export\n", encoding="utf-8")

    with pytest.raises(ExportError, match="already exists"):
        tables.export(["sessions"], TableFormat.CSV, path)
    assert path.read_text(encoding="utf-8") == "an older export\n"

    result = tables.export(["sessions"], TableFormat.CSV, path, replace=True)

    assert result.rows == {"sessions": 1}
    assert "March forum" in path.read_text(encoding="utf-8-sig")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["sessions.csv"]  # no temporary left


def test_an_export_to_a_missing_folder_says_so_and_writes_nothing(
    council: Council, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(ExportError, match=f"The folder {missing} does not exist"):
        council.services.tables.export(["sessions"], TableFormat.XLSX, missing / "t.xlsx")
    assert not missing.exists()


def test_a_csv_file_holds_one_table(council: Council, tmp_path: Path) -> None:
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    with pytest.raises(ValidationError, match="A CSV file holds one table"):
        council.services.tables.export(
            ["sessions", "attendance"], TableFormat.CSV, tmp_path / "x.csv"
        )
    with pytest.raises(ValidationError, match="no table called 'people'"):
        council.services.tables.export(["people"], TableFormat.XLSX, tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


# --- the documentation ----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(TABLES))
def test_docs_describe_every_column_with_its_type_and_codes(name: str) -> None:
    docs = DOCS.read_text(encoding="utf-8")
    section = docs.split(f"### `{name}`", 1)[1].split("\n### ", 1)[0]
    for column in TABLES[name].columns:
        line = next(
            (ln for ln in section.splitlines() if ln.startswith(f"| `{column.name}` |")), None
        )
        assert line is not None, f"docs/tables.md does not describe {name}.{column.name}"
        assert f"| {column.type.value} |" in line
        for member in column.codes or ():
            code = str(int(member)) if isinstance(member, int) else member.value
            assert f"`{code}` {member.label}" in line


def test_a_file_open_in_another_program_is_explained_and_left_as_it_was(
    council: Council, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "tables.xlsx"
    path.write_bytes(b"open in Excel")

    def locked(source: object, target: object) -> None:
        # What Windows says when Excel holds the file open.
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="may be open in another program, such as Excel"):
        council.services.tables.export(list(TABLES), TableFormat.XLSX, path, replace=True)

    assert path.read_bytes() == b"open in Excel"
    assert [p.name for p in folder.iterdir()] == ["tables.xlsx"]


def test_a_folder_that_cannot_be_written_in_is_explained(
    council: Council, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    # The tests may run as an administrator, whom file permissions do not stop; ask the
    # system's own question the way a person without the right would hear it answered.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == folder else real_access(p, mode)
    )

    with pytest.raises(ExportError, match=f"cannot write in the folder {folder}"):
        council.services.tables.export(["sessions"], TableFormat.CSV, folder / "s.csv")
    assert list(folder.iterdir()) == []


# --- names: one rule with the documents -----------------------------------------------------

OUTSIDER = "Fay Ford"  # on the register, never asked, never at the session
LEAKS = (
    f"{OUTSIDER} told me the bus was always late",
    "Ben said the forms were too long",  # a first name of someone at the session
    "Eve O\u2019Neill asked about respite",  # curly apostrophe; O'Neill on the register
    "Ben\u00adBell wants a break",  # soft hyphen
    "Ben\u200b Bell had to leave",  # zero-width space
    "DEE DUNN WILL PHONE",  # staff are named as owners and facilitators only
)
FORBIDDEN = ("Fay", "Ford", "Ben", "Bell", "Eve", "O'Neill", "Cat", "Cole")


@pytest.fixture
def leaky(council: Council) -> Council:
    services = council.services
    sid: int = council.session.id  # type: ignore[assignment]
    services.people.create(Person(display_name=OUTSIDER, roles=frozenset({Role.UNPAID_CARER})))
    eve = services.people.create(
        Person(display_name="Eve O'Neill", roles=frozenset({Role.EXPERT_BY_EXPERIENCE}))
    )
    services.meetings.mark_attendance(sid, eve.id, AttendanceStatus.PRESENT, is_guest=True)  # type: ignore[arg-type]
    for text in LEAKS:
        said = services.contributions.add(Contribution(meeting_id=sid, text=text))
        services.contributions.respond(
            Response(
                contribution_id=said.id,  # type: ignore[arg-type]
                status=ResponseStatus.NOT_TAKEN_FORWARD,
                text=f"We asked {OUTSIDER} and Ben.",
                reason="Cat Cole said it was too dear.",
                decided_by="Ben",
            )
        )
    services.actions.create(
        Action(meeting_id=sid, text="Ring Ben Bell about transport.", owner_id=council.ben.id)
    )
    services.actions.create(Action(meeting_id=sid, text="Book a room.", owner_id=council.dee.id))
    services.involvement.record_payment(Payment(person_id=council.ben.id, meeting_id=sid))
    meeting = services.meetings.get(sid)
    services.meetings.update(
        replace(meeting, title=f"Session with {OUTSIDER}", facilitator_ids=(council.dee.id,))  # type: ignore[arg-type]
    )
    return council


def _found(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def _readable(value: object) -> str:
    text = str(value)
    for invisible in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
        text = text.replace(invisible, "")
    return text.replace("\u2019", "'")


def test_names_typed_into_free_text_are_in_no_csv_or_excel_cell(
    leaky: Council, tmp_path: Path
) -> None:
    tables = leaky.services.tables
    cells: list[tuple[str, str]] = []
    workbook = tmp_path / "all.xlsx"
    tables.export(list(TABLES), TableFormat.XLSX, workbook)
    book = load_workbook(workbook, read_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells.extend((sheet.title, _readable(v)) for v in row if v is not None)
    book.close()
    for name in TABLES:
        path = tmp_path / f"{name}.csv"
        tables.export([name], TableFormat.CSV, path)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            cells.extend((name, _readable(v)) for row in csv.reader(handle) for v in row)

    leaks = [(where, cell) for where, cell in cells for w in FORBIDDEN if _found(cell, w)]
    assert leaks == []
    texts = {cell for _, cell in cells}
    assert "Session with a group member" in texts
    assert "A group member said the forms were too long" in texts
    assert "A group member asked about respite" in texts
    assert "A group member WILL PHONE" in texts
    assert "We asked a group member and a group member." in texts


def test_staff_owners_and_facilitators_are_named_and_others_are_ids_only(leaky: Council) -> None:
    actions = {r["text"]: r for r in leaky.rows("actions")}
    assert (actions["Book a room."]["owner_person_id"], actions["Book a room."]["owner_name"]) == (
        leaky.dee.id,
        "Dee Dunn",
    )
    ring = actions["Ring a group member about transport."]
    assert (ring["owner_person_id"], ring["owner_name"]) == (leaky.ben.id, None)

    register = {r["person_id"]: r["person_name"] for r in leaky.rows("attendance")}
    assert register[leaky.ann.id] == "Ann Ames"  # consents
    assert register[leaky.dee.id] == "Dee Dunn"  # facilitates the session, in a staff role
    assert register[leaky.ben.id] is None  # never asked
    assert register[leaky.cat.id] is None  # withdrew

    [payment] = leaky.rows("payments")
    assert (payment["person_id"], payment["person_name"]) == (leaky.ben.id, None)


def test_a_name_alone_is_scrubbed_only_in_rows_of_a_session_its_owner_was_at(
    council: Council, tmp_path: Path
) -> None:
    """One name pattern serves the whole export, yet "Ben" alone is a person only at Ben's
    sessions; a full name on the register is scrubbed everywhere."""
    services = council.services
    other = services.meetings.create(
        Meeting(
            group_id=council.session.group_id,
            title="Transport drop-in",
            starts_at=datetime(2026, 2, 3, 10, 0),
            ends_at=datetime(2026, 2, 3, 11, 0),
        )
    )
    sid: int = council.session.id  # type: ignore[assignment]
    services.meetings.mark_attendance(sid, council.ben.id, AttendanceStatus.PRESENT)  # type: ignore[arg-type]
    for meeting_id in (sid, other.id):
        services.contributions.add(
            Contribution(meeting_id=meeting_id, text="Ben from the bus firm rang Ben Bell.")  # type: ignore[arg-type]
        )
    said = {
        (row["session_id"], row["text"])
        for row in council.rows("contributions")
        if row["text"].endswith("rang a group member.")
    }
    assert said == {
        (sid, "A group member from the bus firm rang a group member."),
        (other.id, "Ben from the bus firm rang a group member."),
    }


def test_one_name_pattern_and_one_register_query_serve_a_whole_export(
    council: Council, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: the export compiled a name pattern for each session and read each session's
    register with a query of its own. Now: one pattern, and the registers read at once."""
    from sqlalchemy import event

    from coproduce.services import reports

    services = council.services
    for day in range(1, 6):
        session = services.meetings.create(
            Meeting(
                group_id=council.session.group_id,
                title=f"Drop-in {day}",
                starts_at=datetime(2026, 3, day, 10, 0),
                ends_at=datetime(2026, 3, day, 11, 0),
            )
        )
        services.meetings.mark_attendance(session.id, council.ben.id, AttendanceStatus.PRESENT)  # type: ignore[arg-type]
        services.contributions.add(Contribution(meeting_id=session.id, text="Ben rang."))  # type: ignore[arg-type]

    made: list[object] = []
    real_init = reports.NameScrub.__init__

    def counted(self: object, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reports.NameScrub, "__init__", counted)
    registers: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "FROM attendance" in statement:
            registers.append(statement)

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        services.tables.export(list(TABLES), TableFormat.XLSX, tmp_path / "all.xlsx")
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert len(made) == 1
    # The register of every session at once, then the attendance table and the sessions'
    # counts (a query per 2,000 rows): never one per session.
    assert len(registers) == 3, registers
    rows = [r for r in council.rows("contributions") if r["text"].endswith("rang.")]
    assert {r["text"] for r in rows} == {"A group member rang."}
