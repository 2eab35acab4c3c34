"""The ladder picture: what it says in words (to a screen reader and on screen), and what
it paints."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coproduce.domain.records import LadderAssessment
from coproduce.domain.vocabulary import LadderRung
from coproduce.ui.ladder.ladder_widget import LadderPicture, LadderWidget

R = LadderRung


def assessed(rung: LadderRung, on: date, participants: bool = False, who: str = "Sam Lee"):
    return LadderAssessment(
        document_id=1,
        rung=rung,
        assessed_on=on,
        assessor_name=who,
        assessor_is_participant=participants,
    )


HISTORY = [
    assessed(R.INFORMING, date(2025, 9, 3)),
    assessed(R.ENGAGEMENT, date(2026, 1, 20), participants=True, who="Carers' forum"),
    assessed(R.CO_DESIGN, date(2026, 4, 2)),
    assessed(R.CONSULTATION, date(2026, 9, 1)),
]


def shown(
    qtbot: QtBot, planned: LadderRung | None, history: list[LadderAssessment]
) -> LadderWidget:
    widget = LadderWidget()
    qtbot.addWidget(widget)
    widget.set_ladder(planned, history)
    widget.resize(720, 460)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_picture_is_said_in_words_to_screen_readers_and_on_screen(qtbot: QtBot) -> None:
    widget = shown(qtbot, R.CO_PRODUCTION, HISTORY)
    words = widget.picture.accessibleDescription()
    assert words.startswith("Planned: Co-production (rung 7 of 7, doing with).")
    assert (
        "Now, by staff: Consultation (rung 4 of 7, doing for), on 1 Sep 2026 by Sam Lee." in words
    )
    assert (
        "Participants' own rating: Engagement (rung 5 of 7, doing for), on 20 Jan 2026 by "
        "Carers' forum." in words
    )
    assert "Drifting: The latest assessment (Consultation, 1 September 2026) is 3 rungs" in words
    assert "It also fell from Co-design (2 April 2026) to Consultation." in words
    assert words.endswith(
        "History, oldest first: 3 Sep 2025 Informing (staff); 20 Jan 2026 Engagement "
        "(participants); 2 Apr 2026 Co-design (staff); 1 Sep 2026 Consultation (staff)."
    )
    assert widget.picture.accessibleName() == "Ladder of co-production"
    # The same words are visible below the picture, a line for each part.
    assert widget.text.isVisible()
    assert widget.text.text().split("\n")[0] == "Planned: Co-production (rung 7 of 7, doing with)."
    assert " ".join(widget.text.text().split("\n")) == words
    assert widget.accessibleDescription() == words


def test_a_document_never_assessed_says_so(qtbot: QtBot) -> None:
    widget = shown(qtbot, None, [])
    assert widget.description() == "Planned: no planned rung is set yet.\nNot assessed yet."
    widget.set_ladder(R.CO_DESIGN, [assessed(R.CO_DESIGN, date(2026, 2, 1))])
    assert widget.description().split("\n") == [
        "Planned: Co-design (rung 6 of 7, doing with).",
        "Now, by staff: Co-design (rung 6 of 7, doing with), on 1 Feb 2026 by Sam Lee.",
        "Participants' own rating: none yet.",
        "History, oldest first: 1 Feb 2026 Co-design (staff).",
    ]


def _has_colour(image: QImage, colour: QColor, picture: LadderPicture, rung: LadderRung) -> bool:
    rect = picture.rung_rect(rung).toRect()
    ratio = image.devicePixelRatio()
    for y in range(int(rect.top() * ratio) + 2, int(rect.bottom() * ratio) - 2):
        for x in range(int(rect.left() * ratio), min(image.width(), int(rect.right() * ratio))):
            if image.pixelColor(x, y) == colour:
                return True
    return False


def test_the_latest_staff_mark_is_painted_on_its_rung(qtbot: QtBot) -> None:
    widget = shown(qtbot, R.CO_PRODUCTION, HISTORY)
    picture = widget.picture
    image = picture.grab().toImage()
    highlight = picture.palette().color(QPalette.ColorRole.Highlight)
    # The staff marks are painted in the highlight colour: on the latest (consultation)...
    assert _has_colour(image, highlight, picture, R.CONSULTATION)
    # ...and on no rung that staff never chose.
    assert not _has_colour(image, highlight, picture, R.COERCION)
    assert not _has_colour(image, highlight, picture, R.CO_PRODUCTION)

    widget.set_ladder(R.CO_PRODUCTION, [*HISTORY, assessed(R.CO_PRODUCTION, date(2026, 10, 1))])
    moved = picture.grab().toImage()
    assert _has_colour(moved, highlight, picture, R.CO_PRODUCTION)
    assert moved != image


def test_the_picture_grows_with_the_system_font(qtbot: QtBot) -> None:
    widget = shown(qtbot, R.CO_DESIGN, HISTORY)
    normal = widget.picture.sizeHint()
    bigger = QFont(QApplication.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 1.6)
    widget.picture.setFont(bigger)
    large = widget.picture.sizeHint()
    assert large.height() > normal.height() * 1.4
    assert large.width() > normal.width()
    widget.picture.grab()  # paints at the larger size without a warning
