"""Meeting mode: the facilitator's capture view while a session runs (see ``view``)."""

from __future__ import annotations

from coproduce.ui.capture.view import KIND_KEYS, CaptureView

__all__ = ["KIND_KEYS", "CaptureView"]
