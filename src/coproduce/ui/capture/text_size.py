"""How large meeting mode's text is: a setting of the person at this computer.

Meeting mode is read at arm's length while listening to a room, so its text is larger than
the rest of the program by default (125 %); the facilitator makes it larger or smaller in the
view (Ctrl+= and Ctrl+-) and it stays so next time. Kept with Qt's ``QSettings`` (the user's
settings file), in ``COPRODUCE_HOME`` when that is set, as every other file of a test run is.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from coproduce.paths import ENV_HOME

SIZES = (100, 125, 150, 175)
"""The text sizes offered, in percent of the program's own."""
DEFAULT_SIZE = 125
KEY = "meeting_mode/text_percent"


def user_settings() -> QSettings:
    """The settings of the person at this computer (a file of their own in a test run)."""
    home = os.environ.get(ENV_HOME)
    if home:
        Path(home).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings()


def text_size() -> int:
    """The chosen size in percent (one of ``SIZES``); the default when none was chosen."""
    try:
        chosen = int(user_settings().value(KEY, DEFAULT_SIZE))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_SIZE
    return chosen if chosen in SIZES else DEFAULT_SIZE


def set_text_size(percent: int) -> None:
    settings = user_settings()
    settings.setValue(KEY, percent if percent in SIZES else DEFAULT_SIZE)
    settings.sync()
