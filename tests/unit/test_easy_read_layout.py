"""The page model that keeps easy-read documents within their budget: words wrap as Word wraps
them, a row never splits, a heading stays with what follows, a page break starts a page.
(tests/documents/test_pdf_rendering.py checks the model against LibreOffice's real pages.)"""

from __future__ import annotations

from coproduce.documents.easy_read_layout import (
    Block,
    Layout,
    PageGeometry,
    Para,
    count_pages,
    line_count,
    metrics,
)


def test_arial_widths_are_arials() -> None:
    # Helvetica's (and so Arial's) advance widths: "i" is narrow, "m" and "W" wide.
    arial = metrics("Arial")
    assert arial.width("i", 1000) == 222
    assert arial.width("m", 1000) == 833
    assert arial.width("W", 1000, bold=True) == 944
    assert arial.width("Hello", 16) == (722 + 556 + 222 + 222 + 556) * 16 / 1000


def test_a_font_we_only_approximate_errs_on_the_wide_side() -> None:
    text = "We talked about the buses and the trains."
    assert metrics("Verdana").width(text, 16) > metrics("Arial").width(text, 16)
    assert metrics("Century Gothic").width(text, 16) > metrics("Verdana").width(text, 16)


def test_words_wrap_whole_and_a_word_longer_than_a_line_is_broken() -> None:
    assert line_count("We met.", 300, 16, "Arial") == 1
    long = " ".join(["buses"] * 40)
    # "buses " is 47 points wide at 16 pt: 6 fit in 300 points, so 40 take 7 lines.
    assert line_count(long, 300, 16, "Arial") == 7
    assert line_count("x" * 200, 100, 16, "Arial") >= 10
    assert line_count("one\ntwo\nthree", 300, 16, "Arial") == 3
    assert line_count("", 300, 16, "Arial") == 1


def row(lines: int = 1, *, picture: float = 111.2) -> Block:
    return Block(paras=(Para("word " * (lines * 9), 16),), picture_pt=picture, width_pt=349)


def test_rows_fill_a_page_then_start_the_next_whole() -> None:
    room = PageGeometry().usable_pt
    per_page = int(room // Layout(font="Arial").height(row()))
    assert per_page >= 5
    assert count_pages([row()] * per_page, "Arial") == 1
    assert count_pages([row()] * (per_page + 1), "Arial") == 2


def test_a_heading_is_never_left_alone_at_the_foot_of_a_page() -> None:
    layout = Layout(font="Arial")
    heading = Block(
        paras=(Para("What you told us", 24, bold=True),), width_pt=482, keep_with_next=True
    )
    filler = Block(paras=(Para("x", 16),), width_pt=482, slack_pt=layout.geometry.usable_pt - 60)
    layout.add(filler)
    layout.add(heading)
    layout.add(row())
    assert layout.finish() == 2
    assert layout.used_pt == layout.height(heading) + layout.height(row())


def test_a_page_break_starts_a_page_but_never_an_empty_one() -> None:
    first = Block(paras=(Para("Hard words", 24),), width_pt=482, page_break_before=True)
    assert count_pages([row(), first, row()], "Arial") == 2
    assert count_pages([first, row()], "Arial") == 1  # already at the top of a page


def test_taller_text_takes_more_room_than_the_picture() -> None:
    layout = Layout(font="Arial")
    assert layout.height(row(1)) == layout.height(row(2))  # both under the picture
    assert layout.height(row(8)) > layout.height(row(1))
