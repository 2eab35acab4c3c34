"""Pictures for documents as PNG bytes without starting Qt, wherever that is possible.

Drawing needs Qt (``coproduce.ui.pictures.render_png``), and starting Qt cost every export
command 1-2 s (issue 12). So a picture is looked for, in order:

1. among the library's pictures drawn in advance, shipped in
   ``resources/pictures/rendered/<pixels>/<reference>.png`` (``packaging/render_pictures.py``
   draws them with ``render_png`` itself; ``tests/ui/test_rendered_pictures.py`` proves they
   are byte for byte what Qt draws now);
2. in the per-user cache (``paths.cache_dir()/pictures``), where every other picture (the
   facilitator's own picture file, an icon) is kept once drawn, under a name made from what
   it is drawn from: a picture file's content, not its path, so a file changed in place is
   drawn again;
3. drawn by ``draw`` (Qt, imported by the caller only then) and kept in the cache.

Nothing here imports Qt; the window, which has Qt running, may use it too.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from coproduce import paths
from coproduce.domain.records import PictureChoice
from coproduce.domain.vocabulary import PictureSource
from coproduce.services.pictures import curated_concept, openmoji_file

__all__ = [
    "RENDERED_SIZES",
    "DocumentPictures",
    "rendered_folder",
    "shipped_png",
    "shipped_references",
]

RENDERED_SIZES = (300,)
"""The sizes the library's pictures are shipped drawn at: the documents' 300 px
(``cli_documents.PICTURE_PIXELS`` and the export dialog's ``PICTURE_PX``)."""

CACHE_VERSION = "1"
"""Part of every cached picture's name: raised when the drawing changes, so nothing drawn the
old way is used again."""

_REFERENCE = re.compile(r"^[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$")

Draw = Callable[[PictureChoice, int], bytes]


def rendered_folder(size: int) -> Path:
    return paths.resources_dir() / "pictures" / "rendered" / str(size)


def shipped_references() -> list[str]:
    """Every vendored OpenMoji picture: the ones shipped drawn."""
    return sorted(path.stem for path in openmoji_file("x").parent.glob("*.svg"))


def shipped_png(choice: PictureChoice, size: int) -> bytes | None:
    """The library picture of ``choice`` as shipped drawn at ``size``, or None."""
    if (
        choice.source is not PictureSource.OPENMOJI
        or size not in RENDERED_SIZES
        or not _REFERENCE.match(choice.reference)
    ):
        return None
    try:
        return (rendered_folder(size) / f"{choice.reference}.png").read_bytes()
    except OSError:
        return None


def _cache_name(choice: PictureChoice, size: int) -> str | None:
    """The cached picture's file name: a digest of everything its drawing depends on; None
    when it cannot be told without drawing (a picture file that cannot be read)."""
    if choice.source is PictureSource.OPENMOJI:
        made_from = f"openmoji\0{choice.reference}\0{_svg_digest(choice.reference)}"
    elif choice.source is PictureSource.ICON:
        curated = curated_concept(choice.concept)
        colour = curated.color if curated and curated.reference == choice.reference else ""
        made_from = f"icon\0{choice.reference}\0{colour}"
    else:
        path = Path(choice.reference)
        try:
            content = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None  # missing or unreadable: drawing says so in plain words
        made_from = f"file\0{path.suffix.casefold()}\0{content}"
    key = f"{CACHE_VERSION}\0{size}\0{made_from}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(key).hexdigest() + ".png"


@cache
def _svg_digest(reference: str) -> str:
    try:
        return hashlib.sha256(openmoji_file(reference).read_bytes()).hexdigest()
    except OSError:
        return "missing"


class DocumentPictures:
    """A document's pictures as PNG bytes, ``size`` pixels square, each found once per
    document: shipped, cached, or drawn by ``draw`` (and then cached). Call it with a
    ``PictureChoice``; errors from ``draw`` (a missing picture file) pass through."""

    def __init__(self, draw: Draw, size: int = 300, cache_folder: Path | None = None) -> None:
        self._draw = draw
        self._size = size
        self._cache_folder = cache_folder
        self._found: dict[PictureChoice, bytes] = {}
        self.drawn = 0
        """How many pictures had to be drawn (neither shipped nor cached)."""

    def __call__(self, choice: PictureChoice) -> bytes:
        found = self._found.get(choice)
        if found is None:
            found = self._found[choice] = self._find(choice)
        return found

    def _find(self, choice: PictureChoice) -> bytes:
        shipped = shipped_png(choice, self._size)
        if shipped is not None:
            return shipped
        name = _cache_name(choice, self._size)
        folder = self._folder()
        if name is not None:
            try:
                return (folder / name).read_bytes()
            except OSError:
                pass
        png = bytes(self._draw(choice, self._size))
        self.drawn += 1
        if name is not None:
            _write_atomically(folder / name, png)
        return png

    def _folder(self) -> Path:
        if self._cache_folder is None:
            self._cache_folder = paths.cache_dir() / "pictures"
        return self._cache_folder


def _write_atomically(path: Path, data: bytes) -> None:
    """Keep ``data`` at ``path``; a cache that cannot be written is only slower."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(prefix=".picture-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
