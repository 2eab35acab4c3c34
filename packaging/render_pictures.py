"""Draw every vendored OpenMoji picture as the PNG documents use, into
``resources/pictures/rendered/<pixels>/<reference>.png``.

The command line reads these instead of starting Qt to draw (issue 12: Qt's start-up cost an
export command 1-2 s), and the window's export dialog may too. They are Qt's own drawing
(``coproduce.ui.pictures.render_png``), byte for byte: ``tests/ui/test_rendered_pictures.py``
fails when a picture is added, removed or drawn differently, and says to run this again:

    PYTHONPATH=src QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_pictures.py
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coproduce.domain.records import PictureChoice
from coproduce.domain.vocabulary import PictureSource
from coproduce.services.picture_png import RENDERED_SIZES, rendered_folder, shipped_references
from coproduce.ui.pictures import render_png


def main() -> int:
    for size in RENDERED_SIZES:
        folder = rendered_folder(size)
        folder.mkdir(parents=True, exist_ok=True)
        wanted = set(shipped_references())
        for stale in folder.glob("*.png"):
            if stale.stem not in wanted:
                stale.unlink()
        for reference in sorted(wanted):
            choice = PictureChoice(
                concept="", source=PictureSource.OPENMOJI, reference=reference, alt_text=""
            )
            (folder / f"{reference}.png").write_bytes(render_png(choice, size))
        print(f"{len(wanted)} pictures drawn at {size} px into {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
