"""The library's pictures shipped drawn (``resources/pictures/rendered/``, read by the command
line so it need not start Qt) are exactly what Qt draws now: one PNG for every vendored
OpenMoji drawing and no other, each byte for byte ``render_png``'s. When this fails, run
``packaging/render_pictures.py`` (its docstring says how)."""

from __future__ import annotations

from pathlib import Path

from coproduce.domain.records import PictureChoice
from coproduce.domain.vocabulary import PictureSource
from coproduce.services.picture_png import (
    RENDERED_SIZES,
    DocumentPictures,
    rendered_folder,
    shipped_references,
)
from coproduce.services.pictures import curated_concepts, openmoji_file
from coproduce.ui.pictures import render_png


def _openmoji(reference: str, concept: str = "") -> PictureChoice:
    return PictureChoice(
        concept=concept, source=PictureSource.OPENMOJI, reference=reference, alt_text="a picture"
    )


def test_one_shipped_png_for_every_vendored_drawing_and_no_other() -> None:
    drawings = {path.stem for path in openmoji_file("x").parent.glob("*.svg")}
    assert len(drawings) > 200
    assert set(shipped_references()) == drawings
    for size in RENDERED_SIZES:
        shipped = {path.stem for path in rendered_folder(size).glob("*.png")}
        assert shipped == drawings, (
            f"missing: {sorted(drawings - shipped)}, extra: {sorted(shipped - drawings)}; "
            "run packaging/render_pictures.py"
        )


def test_every_shipped_png_is_what_qt_draws_now(qapp: object) -> None:
    for size in RENDERED_SIZES:
        folder = rendered_folder(size)
        different = [
            reference
            for reference in shipped_references()
            if (folder / f"{reference}.png").read_bytes() != render_png(_openmoji(reference), size)
        ]
        assert different == [], "run packaging/render_pictures.py"


def test_every_library_picture_comes_without_drawing() -> None:
    def must_not_draw(choice: PictureChoice, size: int) -> bytes:
        raise AssertionError(f"drew {choice.reference}")

    pictures = DocumentPictures(must_not_draw, 300)
    for concept in curated_concepts():
        assert pictures(concept.default_choice()).startswith(b"\x89PNG")
    assert pictures.drawn == 0


def test_a_picture_file_is_drawn_once_then_read_from_the_cache(
    qapp: object, tmp_path: Path
) -> None:
    photo = tmp_path / "our-garden.svg"
    photo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect width="40" height="20" fill="green"/></svg>'
    )
    choice = PictureChoice(
        concept="garden", source=PictureSource.FILE, reference=str(photo), alt_text="Our garden"
    )
    first = DocumentPictures(render_png, 300, tmp_path / "cache")
    drawn = first(choice)
    assert drawn == render_png(choice, 300)
    assert first.drawn == 1

    def must_not_draw(choice: PictureChoice, size: int) -> bytes:
        raise AssertionError("drew it again")

    again = DocumentPictures(must_not_draw, 300, tmp_path / "cache")
    assert again(choice) == drawn

    # The same file changed in place is a new picture: drawn again, never the old one.
    photo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
        '<circle cx="10" cy="10" r="9" fill="red"/></svg>'
    )
    changed = DocumentPictures(render_png, 300, tmp_path / "cache")
    assert changed(choice) == render_png(choice, 300) != drawn
    assert changed.drawn == 1
