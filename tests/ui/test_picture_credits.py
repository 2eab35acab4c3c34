"""The picture sets are credited where their licences ask: in the About box of the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction

from coproduce.services import Services
from coproduce.services.pictures import OPENMOJI_CREDIT
from coproduce.store.database import Database
from coproduce.ui.main_window import MainWindow


def test_the_about_box_names_openmoji_and_the_icon_sets_with_their_licences(
    open_window: Callable[[Services], MainWindow], sqlite_database: Database, prompts: Any
) -> None:
    window = open_window(Services(sqlite_database))
    about = next(
        action
        for action in window.findChildren(QAction)
        if action.text().replace("&", "") == "About Coproduce"
    )
    prompts.expect_message("information")

    about.trigger()

    text = prompts.shown[-1].text
    # The same words as the documents' credits line: OpenMoji's name, address and licence.
    assert OPENMOJI_CREDIT.removesuffix(" (CC BY-SA 4.0)") in text
    assert "CC BY-SA 4.0" in text
    assert "Font Awesome Free 5 (CC BY 4.0)" in text
    assert "Material Design Icons (Apache License 2.0)" in text
