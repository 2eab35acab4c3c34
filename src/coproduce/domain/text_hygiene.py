"""Invisible characters that change how the text around them is shown, made harmless.

Unicode's bidirectional controls tell a reader which way text runs. An *embedding* or
*override* (U+202A-U+202E) lasts until a POP DIRECTIONAL FORMATTING (U+202C) and an *isolate*
(U+2066-U+2068) until a POP DIRECTIONAL ISOLATE (U+2069), or else to the end of the paragraph:
a name typed as "Tom" + U+202E turns the rest of its line backwards ("Tom ym dah I .tniop").
The marks U+200E, U+200F and U+061C (left-to-right, right-to-left and Arabic letter marks)
have no extent: they only settle the direction of the characters beside them, which people
writing Arabic or Hebrew names use, so they are kept everywhere.

- ``without_bidi_controls``: names and titles are one short line and never need an
  embedding, override or isolate; they are removed when saved (``domain.validation``).
- ``balanced_bidi``: free text keeps what was typed, but every line ends with its own
  embeddings and isolates closed and never closes one it did not open, so nothing it holds
  reaches past it. Every Word and spreadsheet file goes through it
  (``documents.docx_base.clean_text``).
- ``visible_controls``: for a terminal, where control characters (ESC starts a terminal
  command, NUL and the C1 controls confuse it) and bidirectional controls are shown as
  ``\\x1b`` or ``\\u202e`` instead of acting.
"""

from __future__ import annotations

import re

__all__ = ["balanced_bidi", "visible_controls", "without_bidi_controls"]

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
EMBEDDINGS = frozenset((LRE, RLE, LRO, RLO))
ISOLATES = frozenset((LRI, RLI, FSI))

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def without_bidi_controls(text: str) -> str:
    """``text`` without embeddings, overrides and isolates (the marks are kept)."""
    return _BIDI_CONTROLS.sub("", text)


def balanced_bidi(text: str) -> str:
    """Each line of ``text`` with a closer for every embedding and isolate it leaves open,
    and without closers that match nothing (the Unicode Bidirectional Algorithm's pairing:
    PDF closes the latest embedding inside the current isolate; PDI closes the latest
    isolate and every embedding opened inside it)."""
    if not _BIDI_CONTROLS.search(text):
        return text
    return "\n".join(_balanced_line(line) for line in text.split("\n"))


def _balanced_line(line: str) -> str:
    kept: list[str] = []
    open_: list[str] = []  # the openers in force, innermost last
    for char in line:
        if char in EMBEDDINGS or char in ISOLATES:
            open_.append(char)
        elif char == PDF:
            if not open_ or open_[-1] not in EMBEDDINGS:
                continue  # closes nothing (or would cross an isolate): dropped
            open_.pop()
        elif char == PDI:
            if not any(opener in ISOLATES for opener in open_):
                continue
            while open_.pop() not in ISOLATES:
                pass
        kept.append(char)
    kept.extend(PDI if opener in ISOLATES else PDF for opener in reversed(open_))
    return "".join(kept)


def visible_controls(text: str) -> str:
    """``text`` for a terminal: control and bidirectional-control characters written as
    escapes (``\\x1b``, ``\\u202e``); tabs and line breaks are kept."""
    return _TERMINAL_UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
