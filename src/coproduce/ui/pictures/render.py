"""Pictures as PNG bytes for documents: a library picture (an OpenMoji colour drawing, or an
icon drawn from its font), or the user's own picture file scaled to fit.

Documents never touch Qt; they receive PNG bytes. ``render_png`` is the one place that makes
them, for the window and for the command line alike: without a running application it starts
a ``QGuiApplication`` (on the offscreen platform when there is no display), so
``coproduce export easy-read`` works on a server. Every picture is a square of the size asked
for, the picture centred in it with a small margin, on a transparent background, so the
picture column of an easy-read table lines up whatever the picture's own shape.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QRectF,
    Qt,
    QXmlStreamReader,
)
from PySide6.QtGui import QColor, QGuiApplication, QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from coproduce.domain.errors import ExportError
from coproduce.domain.records import PictureChoice
from coproduce.domain.vocabulary import PictureSource
from coproduce.services.pictures import PICTURE_FILE_TYPES, curated_concept, openmoji_file

__all__ = [
    "ICON_COLOUR",
    "PictureFileError",
    "ensure_gui_application",
    "qtawesome_module",
    "render_png",
    "render_with_fallback",
]

ICON_COLOUR = "#1f3a5f"
"""Library pictures are dark blue: strong contrast on white paper, softer than black."""

MIN_SIZE_PX = 16
MAX_SIZE_PX = 2400
MARGIN = 0.06
"""Space around the picture, as a share of the square: pictures never touch the cell edge."""

_application: QGuiApplication | None = None


class PictureFileError(ExportError):
    """A chosen picture file that is missing or cannot be read; the message says what to do.

    ``choice`` is the picture that failed, so a document can use the library's picture for
    the same concept instead and tell the facilitator."""

    def __init__(self, message: str, choice: PictureChoice) -> None:
        super().__init__(message)
        self.choice = choice


@cache
def qtawesome_module() -> ModuleType:
    """qtawesome, imported on first use (it is slow to import) and bound to PySide6."""
    os.environ.setdefault("QT_API", "pyside6")
    import qtawesome

    return qtawesome


def ensure_gui_application() -> None:
    """Make sure Qt can draw: the window's application when there is one; otherwise an
    application of our own, kept for the life of the process (the command line).

    It is a QApplication, not the lighter QGuiApplication: Qt allows one application per
    process, and a QGuiApplication would make every later window fail (Qt aborts the process
    when a widget is made without a QApplication). An export run in-process, as the tests do,
    must leave the process able to open windows."""
    global _application
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("Pictures need a QGuiApplication, not a QCoreApplication")
        return
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _application = QApplication(["coproduce"])


def render_png(choice: PictureChoice, size_px: int = 300) -> bytes:
    """The picture of ``choice`` as PNG bytes, ``size_px`` pixels square.

    A picture file that is missing or unreadable raises ``PictureFileError`` with a message
    a facilitator can act on."""
    if not MIN_SIZE_PX <= size_px <= MAX_SIZE_PX:
        raise ValueError(f"size_px must be from {MIN_SIZE_PX} to {MAX_SIZE_PX}, not {size_px}")
    ensure_gui_application()
    canvas = QImage(size_px, size_px, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(Qt.GlobalColor.transparent)
    margin = round(size_px * MARGIN)
    target = QRect(margin, margin, size_px - 2 * margin, size_px - 2 * margin)
    if choice.source is PictureSource.OPENMOJI:
        _paint_openmoji(canvas, target, choice)
    elif choice.source is PictureSource.ICON:
        _paint_icon(canvas, target, choice)
    else:
        _paint_file(canvas, target, choice)
    return _png_bytes(canvas)


def render_with_fallback(
    choice: PictureChoice, fallback: PictureChoice, size_px: int = 300
) -> tuple[bytes, str]:
    """``render_png(choice)``, or, when its picture file is missing or damaged, the
    ``fallback`` picture (``services.pictures.default_for(choice.concept)``) and the message
    to show the facilitator ('' when the chosen picture was used). For documents: one lost
    photo must not stop the whole summary, but nobody may be left unaware of it."""
    try:
        return render_png(choice, size_px), ""
    except PictureFileError as error:
        message = f"{error} The library's picture was used instead."
        return render_png(fallback, size_px), message


@cache
def _openmoji_drawing(reference: str) -> bytes | None:
    """The SVG of a vendored OpenMoji picture, read once; None when there is no such file."""
    path = openmoji_file(reference)
    if "/" in reference or "\\" in reference or not path.is_file():
        return None
    return path.read_bytes()


def _paint_openmoji(canvas: QImage, target: QRect, choice: PictureChoice) -> None:
    content = _openmoji_drawing(choice.reference)
    renderer = QSvgRenderer(QByteArray(content)) if content else None
    if renderer is None or not renderer.isValid():
        # Only a damaged installation gets here: the library's files ship with the program.
        raise ExportError(
            f"The library no longer has the picture for '{choice.concept}' "
            f"({choice.alt_text or 'no description'}). Choose its picture again in the "
            "picture library."
        )
    painter = QPainter(canvas)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # OpenMoji pictures are square with their own margin: they fill the target.
        renderer.render(painter, QRectF(target))
    finally:
        painter.end()


def _paint_icon(canvas: QImage, target: QRect, choice: PictureChoice) -> None:
    curated = curated_concept(choice.concept)
    colour = ICON_COLOUR
    if curated is not None and curated.reference == choice.reference and curated.color:
        colour = curated.color
    try:
        icon = qtawesome_module().icon(choice.reference, color=QColor(colour))
    except Exception as exc:  # qtawesome raises plain Exception for an unknown name
        raise ExportError(
            f"The library no longer has the picture for '{choice.concept}' "
            f"({choice.alt_text or 'no description'}). Choose its picture again in the "
            "picture library."
        ) from exc
    painter = QPainter(canvas)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        icon.paint(painter, target)
    finally:
        painter.end()


def _paint_file(canvas: QImage, target: QRect, choice: PictureChoice) -> None:
    path = Path(choice.reference)
    where = f"The picture for '{choice.concept}' ({path.name})"
    if not path.is_file():
        raise PictureFileError(
            f"{where} is missing: it is no longer at {path}. Choose the picture again in the "
            "picture library, or pick another one.",
            choice,
        )
    if path.suffix.casefold() not in PICTURE_FILE_TYPES:
        raise PictureFileError(
            f"{where} is not a PNG, JPEG or SVG file. Choose another picture.", choice
        )
    if path.suffix.casefold() == ".svg":
        content = _read(path, where, choice)
        # Checked first: Qt's SVG reader logs a warning for a damaged drawing.
        renderer = QSvgRenderer(QByteArray(content)) if _is_svg(content) else None
        if renderer is None or not renderer.isValid():
            raise PictureFileError(
                f"{where} could not be read as a drawing (SVG). It may be damaged; choose "
                "another picture.",
                choice,
            )
        size = renderer.defaultSize()
        painter = QPainter(canvas)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, _fit(size.width(), size.height(), target))
        finally:
            painter.end()
        return
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # photos taken on a phone stand the right way up
    if not reader.canRead():
        raise PictureFileError(
            f"{where} could not be read as a picture. It may be damaged or not really a "
            "picture; choose another one.",
            choice,
        )
    image = reader.read()
    if image.isNull():
        raise PictureFileError(
            f"{where} could not be read ({reader.errorString()}). Choose another picture.",
            choice,
        )
    scaled = image.scaled(
        target.size(),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    painter = QPainter(canvas)
    try:
        x = target.x() + (target.width() - scaled.width()) // 2
        y = target.y() + (target.height() - scaled.height()) // 2
        painter.drawImage(x, y, scaled)
    finally:
        painter.end()


def _read(path: Path, where: str, choice: PictureChoice) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PictureFileError(
            f"{where} could not be opened ({exc.strerror or exc}). Check that you may open "
            "it, or choose another picture.",
            choice,
        ) from exc


def _is_svg(content: bytes) -> bool:
    """Whether ``content`` is well-formed XML whose first element is <svg>."""
    data = QByteArray(content)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QXmlStreamReader(buffer)
    root = ""
    while not reader.atEnd():
        reader.readNext()
        if not root and reader.isStartElement():
            root = reader.name()
    return not reader.hasError() and root == "svg"


def _fit(width: int, height: int, target: QRect) -> QRectF:
    """The largest rectangle of the picture's shape that fits in ``target``, centred."""
    if width <= 0 or height <= 0:
        return QRectF(target)
    scale = min(target.width() / width, target.height() / height)
    w, h = width * scale, height * scale
    return QRectF(
        target.x() + (target.width() - w) / 2, target.y() + (target.height() - h) / 2, w, h
    )


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("A picture could not be turned into PNG. Try the export again.")
    buffer.close()
    return bytes(data.data())
