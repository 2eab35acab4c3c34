"""Pictures rendered to PNG for documents: every library picture, the user's own files, a
missing file, and the command line's use without a window."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from coproduce.domain.errors import ExportError
from coproduce.domain.records import PictureChoice
from coproduce.domain.vocabulary import PictureSource
from coproduce.services.pictures import curated_concept, curated_concepts, openmoji_pictures
from coproduce.ui.pictures import PictureFileError, render_png, render_with_fallback
from coproduce.ui.pictures.render import ICON_COLOUR

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (the IHDR chunk), checking its CRC."""
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    body = data[16 : 16 + length]
    (crc,) = struct.unpack(">I", data[16 + length : 20 + length])
    assert zlib.crc32(kind + body) == crc
    width, height = struct.unpack(">II", body[:8])
    return width, height


def inked_share(image: QImage) -> float:
    """The share of pixels that are not transparent: a blank picture has none."""
    inked = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).alpha() > 64
    )
    return inked / ((image.width() // 4) * (image.height() // 4))


def icon(reference: str, concept: str = "test") -> PictureChoice:
    return PictureChoice(
        concept=concept, source=PictureSource.ICON, reference=reference, alt_text="A test"
    )


def picture_file(path: Path, concept: str = "bus") -> PictureChoice:
    return PictureChoice(
        concept=concept, source=PictureSource.FILE, reference=str(path), alt_text="Our bus"
    )


def save_image(image: QImage, path: Path, kind: str) -> None:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, kind)
    path.write_bytes(bytes(data.data()))


@pytest.mark.parametrize("concept", curated_concepts(), ids=lambda c: c.concept)
def test_every_library_picture_renders_as_a_png_of_the_size_asked(
    qapp: QApplication, concept
) -> None:
    data = render_png(concept.default_choice(), 120)

    assert png_size(data) == (120, 120)
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    # A real picture, not an empty square (a wrong icon name would draw nothing).
    assert 0.05 < inked_share(image) < 0.95, concept.concept


def colours(choice: PictureChoice, size: int = 64) -> set[str]:
    image = QImage.fromData(render_png(choice, size), "PNG")
    return {
        image.pixelColor(x, y).name()
        for y in range(size)
        for x in range(size)
        if image.pixelColor(x, y).alpha() == 255
    }


def library(concept: str) -> PictureChoice:
    entry = curated_concept(concept)
    assert entry is not None, concept
    return entry.default_choice()


def test_monochrome_icons_are_dark_blue(qapp: QApplication) -> None:
    assert colours(icon("fa5s.bus", "bus")) == {ICON_COLOUR}


def test_openmoji_pictures_keep_their_colours_a_green_tick_and_a_red_cross(
    qapp: QApplication,
) -> None:
    def has(choice: PictureChoice, wanted: str) -> bool:
        tests = {
            "green": lambda c: c.green() > 150 and c.red() < 200 and c.blue() < 100,
            "red": lambda c: c.red() > 200 and c.green() < 120 and c.blue() < 120,
        }[wanted]
        image = QImage.fromData(render_png(choice, 64), "PNG")
        return any(
            tests(image.pixelColor(x, y))
            for y in range(64)
            for x in range(64)
            if image.pixelColor(x, y).alpha() == 255
        )

    assert library("already happening").source is PictureSource.OPENMOJI
    assert has(library("already happening"), "green")
    assert has(library("no"), "red") and not has(library("no"), "green")
    # A colour picture, not one colour: the bus has more than a dozen.
    assert len(colours(library("bus"), 120)) > 12


def test_every_vendored_openmoji_picture_renders(qapp: QApplication) -> None:
    for picture in openmoji_pictures():
        choice = PictureChoice(
            concept="test",
            source=PictureSource.OPENMOJI,
            reference=picture.reference,
            alt_text=picture.name,
        )
        image = QImage.fromData(render_png(choice, 48), "PNG")
        assert 0.02 < inked_share(image) < 0.95, picture.name


def test_a_missing_openmoji_picture_gives_a_plain_message(qapp: QApplication) -> None:
    missing = PictureChoice(
        concept="money", source=PictureSource.OPENMOJI, reference="1F4B5", alt_text="Dollars"
    )
    with pytest.raises(ExportError, match=r"no longer has the picture for 'money' \(Dollars\)"):
        render_png(missing)
    with pytest.raises(ExportError) as raised:
        render_png(missing)
    assert "1F4B5" not in str(raised.value)  # an internal name tells a facilitator nothing


def test_the_size_asked_for_is_the_size_given(qapp: QApplication) -> None:
    assert png_size(render_png(icon("fa5s.home"), 300)) == (300, 300)
    assert png_size(render_png(icon("fa5s.home"), 17)) == (17, 17)
    with pytest.raises(ValueError, match="size_px"):
        render_png(icon("fa5s.home"), 0)


def test_an_unknown_icon_name_gives_a_plain_message(qapp: QApplication) -> None:
    with pytest.raises(ExportError, match=r"no longer has the picture for 'money'") as raised:
        render_png(icon("fa5s.no-such-picture", "money"))
    assert "fa5s" not in str(raised.value) and "no-such-picture" not in str(raised.value)


def test_a_photo_is_scaled_to_fit_the_square_and_centred(
    qapp: QApplication, tmp_path: Path
) -> None:
    photo = QImage(400, 200, QImage.Format.Format_RGB32)
    photo.fill(QColor("#c0392b"))
    path = tmp_path / "minibus.jpg"
    save_image(photo, path, "JPEG")

    image = QImage.fromData(render_png(picture_file(path), 200), "PNG")

    assert (image.width(), image.height()) == (200, 200)
    # Wider than tall: red across the middle, transparent above and below.
    middle = image.pixelColor(100, 100)
    assert middle.alpha() == 255 and middle.red() > 150 and middle.green() < 100
    assert image.pixelColor(100, 5).alpha() == 0
    assert image.pixelColor(100, 195).alpha() == 0


def test_png_and_svg_files_render(qapp: QApplication, tmp_path: Path) -> None:
    square = QImage(50, 50, QImage.Format.Format_ARGB32)
    square.fill(Qt.GlobalColor.darkGreen)
    png = tmp_path / "symbol.png"
    save_image(square, png, "PNG")
    svg = tmp_path / "symbol.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10" fill="#0000ff"/></svg>',
        encoding="utf-8",
    )

    for path in (png, svg):
        image = QImage.fromData(render_png(picture_file(path), 100), "PNG")
        assert image.size().width() == 100
        assert image.pixelColor(50, 50).alpha() == 255, path.name


def test_a_missing_picture_file_gives_a_plain_message(qapp: QApplication, tmp_path: Path) -> None:
    gone = picture_file(tmp_path / "Our minibus.png")

    with pytest.raises(PictureFileError) as error:
        render_png(gone)

    message = str(error.value)
    assert "The picture for 'bus' (Our minibus.png) is missing" in message
    assert "Choose the picture again" in message
    assert error.value.choice == gone
    assert isinstance(error.value, ExportError)


def test_a_document_can_fall_back_to_the_library_picture_and_say_so(
    qapp: QApplication, tmp_path: Path
) -> None:
    library_bus = next(c for c in curated_concepts() if c.concept == "bus").default_choice()
    gone = picture_file(tmp_path / "Our minibus.png")

    data, message = render_with_fallback(gone, library_bus, 64)

    assert data == render_png(library_bus, 64)
    assert "is missing" in message and "The library's picture was used instead." in message
    assert render_with_fallback(library_bus, library_bus, 64)[1] == ""


def test_a_damaged_picture_file_gives_a_plain_message(qapp: QApplication, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.png"
    damaged.write_bytes(b"this was never a picture")
    broken_drawing = tmp_path / "broken.svg"
    broken_drawing.write_text("<svg", encoding="utf-8")

    with pytest.raises(PictureFileError, match="could not be read as a picture"):
        render_png(picture_file(damaged))
    with pytest.raises(PictureFileError, match="could not be read as a drawing"):
        render_png(picture_file(broken_drawing))


def test_pictures_render_without_a_window_as_the_command_line_needs(tmp_path: Path) -> None:
    out = tmp_path / "bus.png"
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from coproduce.services.pictures import curated_concepts\n"
        "from coproduce.ui.pictures import render_png\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "assert QCoreApplication.instance() is None\n"
        "bus = next(c for c in curated_concepts() if c.concept == 'bus')\n"
        "Path(sys.argv[1]).write_bytes(render_png(bus.default_choice(), 90))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(out)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert png_size(data) == (90, 90)
