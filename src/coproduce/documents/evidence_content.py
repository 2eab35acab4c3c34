"""What goes into the evidence pack for assurance, as plain frozen dataclasses.

``services.evidence`` fills these from the dashboard's figures and the records, with consent
already applied (every name in them may be printed); ``documents.evidence_pack`` writes them.
Every picture in the pack (the ladder of the portfolio, the charts) is an ``EvidenceFigure``:
its key names the PNG the window rendered for it, and its table holds the same numbers, so a
reader who cannot see the picture loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureTable:
    """Numbers as a table: a header row, then rows of the same length (all text)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidenceFigure:
    """A picture (chart or ladder) with its alt text and the table of the same numbers."""

    key: str
    """Names the picture in the images the builder is given (``LADDER``, ``RUNGS_OVER_TIME``...)."""
    title: str
    alt_text: str
    """What the picture shows, in sentences (the picture's description for screen readers)."""
    table: FigureTable


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidenceExample:
    """One "You said, we did": a thing said and what was done, names as consent allows."""

    contribution_id: int
    said: str
    source: str
    """"A group member said", "The whole group said" or "<name> said" (with consent)."""
    did: str
    outcome: str
    """The response's status in words ("Changed the document")."""
    changed_document: bool
    said_on: date
    decided_on: date | None
    group: str
    document: str = ""
    """The title of the document it was linked to, when there is one."""
    statements: tuple[str, ...] = ()
    """The CQC quality statements it was tagged with, in words."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StatementEvidence:
    """What was said under one CQC quality statement, and what came of it."""

    code: str
    statement: str
    theme: str
    contributions: int
    responded: int
    """with a response other than "Not answered yet" (as the dashboard counts)"""
    changed_document: int
    fed_back: int
    examples: tuple[EvidenceExample, ...] = ()
    """the chosen examples tagged with this statement"""


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidencePack:
    """Co-production activity and its impact, for a board, scrutiny or the CQC."""

    title: str
    organisation: str
    groups: tuple[str, ...]
    """the groups it covers, by name"""
    all_groups: bool
    """True when no group was chosen: it covers every group"""
    date_from: date | None
    date_to: date | None
    as_on: date
    """the day the figures that describe a state ("now") describe"""
    made_on: date
    key_figures: FigureTable
    loop_closure: FigureTable
    reach: FigureTable
    contributions: int
    """things said in scope (each counted once, whatever its tags)"""
    untagged: int
    """of those, tagged with no CQC quality statement"""
    statements: tuple[StatementEvidence, ...]
    """the nine statements, "Learning, improvement and innovation" first, then the CQC order"""
    ladder: EvidenceFigure
    figures: tuple[EvidenceFigure, ...]
    """the charts: the ladder over time, attendance, overdue actions"""
    examples: tuple[EvidenceExample, ...]
    """the chosen "You said, we did" examples, newest first"""
