"""Invisible direction and control characters cannot reverse or hijack the text around them:
names and titles lose them when saved, every file closes what a text leaves open, and a
terminal is shown escapes instead of commands."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from coproduce.domain.records import Meeting, Person
from coproduce.domain.text_hygiene import balanced_bidi, visible_controls, without_bidi_controls
from coproduce.domain.validation import check_meeting, check_person

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
LRM, RLM = "\u200e", "\u200f"


def depth_never_negative_and_ends_at_zero(line: str) -> bool:
    """The Unicode Bidirectional Algorithm's pairing, written the plain way: a stack of the
    openers in force; a closer must match one."""
    stack: list[str] = []
    for char in line:
        if char in (LRE, RLE, LRO, RLO, LRI, RLI, FSI):
            stack.append(char)
        elif char == PDF:
            if not stack or stack[-1] in (LRI, RLI, FSI):
                return False
            stack.pop()
        elif char == PDI:
            if not any(opener in (LRI, RLI, FSI) for opener in stack):
                return False
            while stack.pop() not in (LRI, RLI, FSI):
                pass
    return not stack


def test_a_name_with_a_right_to_left_override_cannot_reverse_the_sentence_after_it() -> None:
    line = f"Tom{RLO} said: I had my point."
    assert balanced_bidi(line) == f"Tom{RLO} said: I had my point.{PDF}"
    # Saved as a name, the override is gone altogether.
    assert check_person(Person(display_name=f"Tom{RLO}")).display_name == "Tom"


def test_closers_that_close_nothing_are_dropped() -> None:
    assert balanced_bidi(f"{PDF}plain{PDI} words") == "plain words"


def test_each_line_closes_its_own_embeddings() -> None:
    assert balanced_bidi(f"a{RLE}b\nc{LRI}d") == f"a{RLE}b{PDF}\nc{LRI}d{PDI}"


def test_an_isolate_closes_the_embeddings_opened_inside_it() -> None:
    text = f"{RLI}x{RLO}y{PDI}z"
    assert balanced_bidi(text) == text
    # A PDF cannot close an embedding from outside the isolate it is in.
    assert balanced_bidi(f"{RLO}a{LRI}b{PDF}c") == f"{RLO}a{LRI}bc{PDI}{PDF}"


def test_balanced_text_and_direction_marks_are_kept_as_they_are() -> None:
    text = f"{RLM}شكرا{LRM} {RLE}مرحبا{PDF} {FSI}שלום{PDI}"
    assert balanced_bidi(text) == text


@given(st.text(st.sampled_from(f"ab \n{LRE}{RLE}{PDF}{LRO}{RLO}{LRI}{RLI}{FSI}{PDI}{RLM}")))
def test_any_text_comes_out_balanced_line_by_line_with_its_letters_in_order(text: str) -> None:
    balanced = balanced_bidi(text)
    assert all(depth_never_negative_and_ends_at_zero(line) for line in balanced.split("\n"))
    assert without_bidi_controls(balanced) == without_bidi_controls(text)
    assert balanced_bidi(balanced) == balanced


def test_names_and_titles_fold_line_breaks_and_lose_controls() -> None:
    person = check_person(Person(display_name=f" Ann\r\n\tAmes{LRI}\x1b[2J\x07 {RLM}"))
    assert person.display_name == f"Ann Ames[2J {RLM}"
    meeting = Meeting(
        group_id=1,
        title=f"March{RLO}\nforum",
        starts_at=datetime(2026, 3, 1, 10),
        ends_at=datetime(2026, 3, 1, 12),
    )
    assert check_meeting(meeting).title == "March forum"


def test_a_terminal_is_shown_escapes_not_commands() -> None:
    text = f"Ann\x1b[2J\x00\x9b{RLO}\tAmes\n"
    assert visible_controls(text) == "Ann\\x1b[2J\\x00\\x9b\\u202e\tAmes\n"
