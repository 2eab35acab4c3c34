"""The glossary of hard words: the seeded adult social care terms and the facilitator's edits."""

from __future__ import annotations

from coproduce.services.base import Service


class GlossaryService(Service):
    pass
