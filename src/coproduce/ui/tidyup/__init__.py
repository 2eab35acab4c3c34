"""Tidy up after a session: edit, merge, split, re-attribute, re-link and delete what was
said, every step undoable, then mark the session written up."""

from __future__ import annotations

from coproduce.ui.tidyup.view import TidyUpView

__all__ = ["TidyUpView"]
