"""The example council's easy-read words: everything a handout prints from the demo passes the
easy-read gate, says what the raw text says (a question stays a question, a decision says what
was decided, thanks say what for), and the facilitator's choice for each summary is varied.

Most checks read the rows ``demo_rows`` makes (nothing written); the contact details go through
a database, as the handouts read them."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import pytest

from coproduce.documents.glossary import load_seed
from coproduce.documents.plain_language import easy_read_problems, is_easy_read
from coproduce.domain.calendar_words import MONTHS, WEEKDAYS
from coproduce.domain.vocabulary import ContributionKind, MeetingStatus, ResponseStatus
from coproduce.services import Services
from coproduce.services import demo_content as words
from coproduce.services.demo import (
    CONTACT_SETTING,
    SUMMARY_LEAST,
    SUMMARY_MOST,
    SUMMARY_SHARE,
    build_demo,
    demo_rows,
)
from coproduce.services.reports import contact_details

Rows = dict[str, list[dict[str, Any]]]
EASY_TABLES = ("contributions", "responses", "actions", "agenda_items", "meetings")
AGENDA_VERBS = (
    "talk about|look at|hear about|check|share|plan|decide|agree|choose|ask|tell|find out|"
    "vote on|welcome|learn about|read|write|think about|meet"
)
AGENDA_SENTENCE = re.compile(rf"We will (?:{AGENDA_VERBS}) [^.?!]+\.")
SECTION_NUMBER = re.compile(r"\d+\.\d+|\bsection\b", re.IGNORECASE)
ISSUE_KINDS = ("idea", "concern", "question", "experience", "changed", "happening")
HELD = {
    MeetingStatus.HELD.value,
    MeetingStatus.WRITTEN_UP.value,
    MeetingStatus.SUMMARY_SHARED.value,
}


@pytest.fixture(scope="module")
def small() -> Rows:
    return demo_rows("small")


@pytest.fixture(scope="module")
def terms() -> list:
    return load_seed()


def _easy_texts(rows: Rows) -> set[str]:
    return {row["easy_read"] for table in EASY_TABLES for row in rows[table] if row["easy_read"]}


def _refused(texts: set[str], terms: list) -> dict[str, list[str]]:
    return {
        text: [f"{f.kind.value}: {text[f.start : f.end]!r}" for f in problems]
        for text in sorted(texts)
        if (problems := easy_read_problems(text, terms))
    }


def _responses(rows: Rows) -> dict[int, dict[str, Any]]:
    return {row["contribution_id"]: row for row in rows["responses"]}


def test_every_easy_read_text_of_the_small_demo_passes_the_gate(small: Rows, terms: list) -> None:
    texts = _easy_texts(small)
    assert len(texts) > 200
    assert _refused(texts, terms) == {}


@pytest.mark.slow
def test_every_distinct_easy_read_text_of_the_large_demo_passes_the_gate(terms: list) -> None:
    large = demo_rows("large")
    texts = _easy_texts(large)
    assert len(texts) > 500
    assert _refused(texts, terms) == {}
    assert _chosen_by_session(large) > 900  # the choice rules hold at scale too


def test_every_topics_words_pass_the_gate_and_say_what_the_raw_text_says(terms: list) -> None:
    assert len(words.TOPICS) == 18
    for topic in words.TOPICS.values():
        easy = [topic.reason.easy]
        for issue in topic.issues:
            assert issue.section in topic.sections
            assert issue.changed.startswith("Section {section} ")
            assert issue.question.endswith("?") and issue.easy_question.endswith("?")
            easy += [issue.easy(kind) for kind in ISSUE_KINDS]
        assert all(d.easy.startswith("We agreed") for d in topic.decisions), topic.key
        easy += [d.easy for d in topic.decisions] + [p.easy for p in topic.praise]
        easy += [a.easy for a in topic.actions] + [r.easy for r in topic.referrals]
        assert all(r.easy.startswith("We passed it to ") for r in topic.referrals)
        assert len(set(easy)) == len(easy), f"{topic.key}: each easy text is said once"
        assert not [t for t in easy if SECTION_NUMBER.search(t)], topic.key
        assert _refused(set(easy), terms) == {}, topic.key
        assert topic.reason_for and all(0 <= n < len(topic.issues) for n in topic.reason_for)
        assert len(topic.easy.split()) <= 5, "short enough for every agenda sentence"


def test_contributions_have_easy_words_by_kind(small: Rows) -> None:
    by_kind: dict[str, set[str]] = defaultdict(set)
    for row in small["contributions"]:
        assert row["easy_read"], row["text"]
        by_kind[row["kind"]].add(row["easy_read"])
    assert all(text.endswith("?") for text in by_kind[ContributionKind.QUESTION.value])
    decisions = by_kind[ContributionKind.DECISION.value]
    assert decisions and all(text.startswith("We agreed") for text in decisions)
    assert not any("made a decision about" in text for text in decisions)
    praise = by_kind[ContributionKind.PRAISE.value]
    assert len(praise) > 5, "thanks say what for, so they differ"
    assert "Someone said thank you to the team." not in praise
    # The four kinds of one issue say different things.
    for kind in ContributionKind:
        for other in ContributionKind:
            if kind is not other:
                assert not by_kind[kind.value] & by_kind[other.value], (kind, other)


def test_every_answered_response_has_easy_words_and_names_no_section(small: Rows) -> None:
    topics = words.TOPICS.values()
    reasons = {t.reason.easy for t in topics} | {r.easy for r in words.NOT_TAKEN_FORWARD_REASONS}
    referrals = {r.easy for t in topics for r in t.referrals}
    considering: set[str] = set()
    for row in small["responses"]:
        status = ResponseStatus(row["status"])
        if status is ResponseStatus.NOT_ANSWERED:
            continue
        assert row["easy_read"], row
        assert not SECTION_NUMBER.search(row["easy_read"]), row["easy_read"]
        if status is ResponseStatus.NOT_TAKEN_FORWARD:
            assert row["reason"] and row["easy_read"] in reasons
        elif status is ResponseStatus.OUTSIDE_SCOPE:
            assert row["easy_read"] in referrals
        elif status is ResponseStatus.UNDER_CONSIDERATION:
            considering.add(row["easy_read"])
    assert len(considering) >= 3, "under consideration is said in more than one way"


def _rank(row: dict[str, Any], response: dict[str, Any] | None) -> int:
    if row["kind"] == ContributionKind.DECISION.value:
        return 0
    if response is not None and ResponseStatus(response["status"]).is_answer:
        return 1
    return 2 if row["kind"] == ContributionKind.PRAISE.value else 3


def _chosen_by_session(rows: Rows) -> int:
    """Check the facilitator's choice in every held session; return how many were checked."""
    responses = _responses(rows)
    said: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows["contributions"]:
        said[row["meeting_id"]].append(row)
    items: dict[int, list[int]] = defaultdict(list)
    standing = {title for title, _, _ in words.STANDING_ITEMS.values()}
    for item in rows["agenda_items"]:
        if item["title"] not in standing:  # the topics, not "any other business"
            items[item["meeting_id"]].append(item["id"])
    checked = 0
    for meeting in rows["meetings"]:
        if meeting["status"] not in HELD or not said[meeting["id"]]:
            continue
        everything = said[meeting["id"]]
        chosen = [row for row in everything if row["in_summary"]]
        easy = [row["easy_read"] for row in chosen]
        assert len(set(easy)) == len(easy), "no two chosen points with the same easy words"
        distinct = len({row["easy_read"] for row in everything})
        wanted = min(SUMMARY_MOST, max(SUMMARY_LEAST, round(len(everything) * SUMMARY_SHARE)))
        assert len(chosen) == min(wanted, distinct)
        assert SUMMARY_LEAST <= len(chosen) <= SUMMARY_MOST or len(chosen) == distinct
        on_item = {row["agenda_item_id"] for row in chosen}
        for item_id in items[meeting["id"]]:
            if any(row["agenda_item_id"] == item_id for row in everything):
                assert item_id in on_item, "every agenda item people spoke to is covered"
        # Decisions, then answered points, then thanks come before the rest: a point is left
        # out for a less urgent one only to cover an agenda item nothing better covers.
        for row in chosen:
            rank = _rank(row, responses.get(row["id"]))
            same_item = [c for c in chosen if c["agenda_item_id"] == row["agenda_item_id"]]
            if len(same_item) == 1:
                continue
            better_left_out = [
                other
                for other in everything
                if not other["in_summary"]
                and other["easy_read"] not in easy
                and _rank(other, responses.get(other["id"])) < rank
            ]
            assert not better_left_out, (row["easy_read"], better_left_out[0]["easy_read"])
        checked += 1
    return checked


def test_the_facilitator_chooses_6_to_14_varied_points_for_each_held_session(small: Rows) -> None:
    assert _chosen_by_session(small) == 9


def test_agenda_items_and_actions_say_what_will_be_done_in_one_easy_sentence(small: Rows) -> None:
    for item in small["agenda_items"]:
        assert AGENDA_SENTENCE.fullmatch(item["easy_read"]), item["easy_read"]
    assert small["actions"]
    for action in small["actions"]:
        assert action["easy_read"], action["text"]


def test_sessions_easy_words_say_what_it_was_for_not_when_where_or_how_many(
    small: Rows,
) -> None:
    shared = [m for m in small["meetings"] if m["status"] == MeetingStatus.SUMMARY_SHARED.value]
    assert shared
    for meeting in shared:
        easy = meeting["easy_read"]
        day = meeting["starts_at"].date()
        assert easy.startswith("We met ")
        assert not re.search(r"\d", easy), easy  # no date, year or head count
        for word in (MONTHS[day.month - 1], WEEKDAYS[day.weekday()], "came", meeting["place"]):
            assert word not in easy, (word, easy)
    for meeting in small["meetings"]:
        assert not meeting["notes"].startswith("Chair:")
        assert "people came" not in meeting["notes"]


def test_the_contact_page_has_the_demo_councils_contact(services: Services) -> None:
    build_demo(services.database, "small")
    with services.store.transaction() as unit:
        contact = contact_details(unit)
    assert contact.name and contact.organisation.startswith("Hartmoor Council")
    assert re.fullmatch(r"01632 960\d{3}", contact.phone), "Ofcom's drama range"
    assert contact.email.endswith(".example")
    assert is_easy_read(contact.other)


def test_contact_details_set_before_the_demo_stay(services: Services) -> None:
    with services.store.transaction() as unit:
        unit.settings.set(CONTACT_SETTING, {"name": "Ours", "phone": "01632 960001"})
    build_demo(services.database, "small")
    with services.store.transaction() as unit:
        assert contact_details(unit).name == "Ours"
