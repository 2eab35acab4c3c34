"""The picture library in the window: PNG rendering for documents and the picture chooser.

``render_png`` is importable without a window (the command line uses it); the chooser dialog
is imported from ``coproduce.ui.pictures.chooser`` only where the window needs it.
"""

from __future__ import annotations

from coproduce.ui.pictures.render import PictureFileError, render_png, render_with_fallback

__all__ = ["PictureFileError", "render_png", "render_with_fallback"]
