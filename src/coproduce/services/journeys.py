"""Journeys: what happened to each thing people said, told from the session to the feedback.

Two views read these: a document's ("What the groups said": every contribution linked to it,
grouped by section, with the document's figures) and a person's ("What happened to your
ideas"). A journey is read-only; changing any step is done where that step is recorded.

Decisions that shape the figures (the same everywhere they are shown):

- A contribution is *responded* when its response is an outcome (``ResponseStatus.is_answer``):
  "under consideration" is not yet an answer, so it still counts as unanswered.
- *Fed back* counts every response with a feedback date, whatever its status.
- The figures count only what has happened by today: contributions at sessions that have
  started by the end of today (a session still to come has said nothing yet, whatever was
  typed for it in advance), and decisions dated on or before today. The journeys themselves
  list everything linked, so nothing typed is hidden.
- *Days to a response* run from the session's date to the decision date, for answered
  contributions whose decision has a date; a decision dated before its session (the session
  was moved later) counts as 0 days, never fewer. The median of an even count is the mean of
  the middle two.
- The *oldest unanswered* contribution is the one from the earliest session; its age is counted
  in days from that session to today.
- A contribution linked to two sections of the document appears under both, and is counted
  once in the figures.

Names follow ``domain.attribution``: a speaker's name shows only with their 'quoted by name'
consent in force today.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date

from coproduce.domain.attribution import attributed_name
from coproduce.domain.records import Contribution, Response
from coproduce.domain.vocabulary import ConsentPurpose, FeedbackMethod, LinkRelation, ResponseStatus
from coproduce.services.base import Service
from coproduce.store.journeys import JourneyParts
from coproduce.store.unit_of_work import UnitOfWork

WHOLE_DOCUMENT = "The whole document"


def section_name(number: str, heading: str) -> str:
    """``2.1 Housing``; a section with no number is just its heading."""
    return f"{number} {heading}".strip()


@dataclass(frozen=True, slots=True)
class JourneyLink:
    """Where a contribution was linked: a document, and a section of it or the whole of it."""

    document_id: int
    document_title: str
    section_id: int | None
    section: str
    """The section's number and heading, or "The whole document"."""
    relation: LinkRelation

    @property
    def place(self) -> str:
        """``Carers strategy, 2 Housing`` or ``Carers strategy (the whole document)``."""
        if self.section_id is None:
            return f"{self.document_title} (the whole document)"
        return f"{self.document_title}, {self.section}"


@dataclass(frozen=True, slots=True)
class Journey:
    """One contribution and everything that happened to it."""

    contribution: Contribution
    session_id: int
    session_title: str
    session_date: date
    agenda_item: str
    """The agenda item's title; empty when the contribution is not tied to one."""
    speaker: str
    """Who said it, as the speaker's consent allows ("A group member said" otherwise)."""
    links: tuple[JourneyLink, ...]
    response: Response
    """A NOT_ANSWERED record with ``id=None`` when nothing has been recorded."""
    changed_section: str
    """The section the response names (for "changed the document"), or empty."""

    @property
    def status(self) -> ResponseStatus:
        return self.response.status

    @property
    def response_text(self) -> str:
        return self.response.text

    @property
    def decided_by(self) -> str:
        return self.response.decided_by

    @property
    def decided_on(self) -> date | None:
        return self.response.decided_on

    @property
    def fed_back_on(self) -> date | None:
        return self.response.fed_back_on

    @property
    def fed_back_how(self) -> FeedbackMethod | None:
        return self.response.fed_back_how

    @property
    def is_answered(self) -> bool:
        return self.response.status.is_answer


@dataclass(frozen=True, slots=True)
class SectionJourneys:
    """The journeys of the contributions linked to one section (or the whole document)."""

    section_id: int | None
    title: str
    journeys: tuple[Journey, ...]


@dataclass(frozen=True, slots=True)
class DocumentFigures:
    """How well the groups' contributions about one document have been answered."""

    contributions: int
    responded: int
    fed_back: int
    median_days_to_response: float | None
    """None when nothing has an answer with a decision date yet."""
    oldest_unanswered: Contribution | None
    oldest_unanswered_days: int | None

    @property
    def responded_share(self) -> float | None:
        """Between 0 and 1; None when there are no contributions (nothing to share out)."""
        return self.responded / self.contributions if self.contributions else None

    @property
    def fed_back_share(self) -> float | None:
        return self.fed_back / self.contributions if self.contributions else None


class JourneyService(Service):
    def document_journeys(self, document_id: int) -> list[SectionJourneys]:
        """Every contribution linked to the document, grouped: the whole document first, then
        each section in the document's order (sections with nothing linked included, so gaps
        show). Within a group, oldest session first."""
        with self._store.reading() as unit:
            unit.documents.row(document_id)
            sections = unit.sections.for_document(document_id)
            journeys = self._journeys(unit, unit.journeys.parts_for_document(document_id))
        groups: dict[int | None, list[Journey]] = {None: []}
        groups.update({s.id: [] for s in sections})
        for journey in journeys:
            placed: set[int | None] = set()
            for link in journey.links:
                if link.document_id == document_id and link.section_id not in placed:
                    placed.add(link.section_id)
                    groups.setdefault(link.section_id, []).append(journey)
        result = [SectionJourneys(None, WHOLE_DOCUMENT, tuple(groups[None]))]
        for section in sections:
            result.append(
                SectionJourneys(
                    section.id,
                    section_name(section.number, section.heading),
                    tuple(groups[section.id]),
                )
            )
        return result

    def document_figures(self, document_id: int, today: date | None = None) -> DocumentFigures:
        """The document's figures over what has happened by ``today`` (the service's today
        when not given), counted by the database; ages are counted to ``today``."""
        today = today or self.today()
        with self._store.reading() as unit:
            unit.documents.row(document_id)
            counts = unit.journeys.document_counts(document_id, today)
        waits = [max(0, (decided - starts.date()).days) for starts, decided in counts.waits]
        oldest_days = (
            (today - counts.oldest_unanswered_session.date()).days
            if counts.oldest_unanswered_session is not None
            else None
        )
        return DocumentFigures(
            contributions=counts.contributions,
            responded=counts.responded,
            fed_back=counts.fed_back,
            median_days_to_response=float(statistics.median(waits)) if waits else None,
            oldest_unanswered=counts.oldest_unanswered,
            oldest_unanswered_days=oldest_days,
        )

    def person_journeys(self, person_id: int) -> list[Journey]:
        """Everything the person said, newest session first, each with its journey."""
        with self._store.reading() as unit:
            unit.people.row(person_id)
            journeys = self._journeys(unit, unit.journeys.parts_for_person(person_id))
        journeys.reverse()
        return journeys

    # --- assembling ----------------------------------------------------------------------

    def _journeys(self, unit: UnitOfWork, parts: JourneyParts) -> list[Journey]:
        consenting = unit.consents.people_with(
            ConsentPurpose.QUOTED_BY_NAME, sorted(parts.speakers)
        )
        journeys = []
        for contribution in parts.contributions:
            assert contribution.id is not None
            title, starts_at = parts.sessions[contribution.meeting_id]
            speaker = contribution.speaker_id
            response = parts.responses.get(contribution.id) or Response(
                contribution_id=contribution.id
            )
            links = tuple(
                JourneyLink(
                    named.link.document_id,
                    named.document_title,
                    named.link.section_id,
                    section_name(named.section_number, named.section_heading)
                    if named.link.section_id is not None
                    else WHOLE_DOCUMENT,
                    named.link.relation,
                )
                for named in parts.links.get(contribution.id, ())
            )
            journeys.append(
                Journey(
                    contribution=contribution,
                    session_id=contribution.meeting_id,
                    session_title=title,
                    session_date=starts_at.date(),
                    agenda_item=parts.agenda_items.get(contribution.agenda_item_id or 0, ""),
                    speaker=attributed_name(
                        contribution,
                        parts.speakers.get(speaker) if speaker is not None else None,
                        speaker in consenting,
                    ),
                    links=links,
                    response=response,
                    changed_section=parts.sections.get(response.section_id or 0, ""),
                )
            )
        return journeys
