"""What people said at a session, what it is about, and what happened to it.

Three records hang together here: the ``Contribution`` itself, its ``Link``s to the documents
(or sections) it is about, and its one ``Response`` ("You said, we did"). The rules that span
them live in this service:

- A named speaker must be marked present at the session: a contribution from someone who was
  not there is almost always the wrong person picked from the list.
- Linking and unlinking never change a response. Deciding what happened is a separate step.
- "Changed the document" must say which section changed, and that section must belong to a
  document the contribution is linked to, so "You said, we did" can point at the exact place.
  For the same reason a link cannot be removed while the response names a section of its
  document: change the response first.
- Deleting a contribution (for one entered by mistake) takes its tags, links and response with
  it. It is refused while a ladder assessment cites it as evidence, because that would quietly
  weaken the assessment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from coproduce.domain.attribution import attributed_name
from coproduce.domain.errors import ConflictError, ValidationError
from coproduce.domain.records import Contribution, Link, Page, Response, replace
from coproduce.domain.validation import check_contribution, check_link, check_response
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    ConsentPurpose,
    FeedbackMethod,
    ResponseStatus,
)
from coproduce.services.base import Service
from coproduce.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class ContributionFilter:
    """What the contributions list can be narrowed by; all optional."""

    meeting_id: int | None = None
    speaker_id: int | None = None
    agenda_item_id: int | None = None
    document_id: int | None = None
    """Contributions linked to this document (any section, or the whole document)."""


class ContributionService(Service):
    # --- contributions -------------------------------------------------------------------

    def add(self, contribution: Contribution) -> Contribution:
        """Record something said at a session; ``captured_at`` defaults to now."""
        contribution = check_contribution(contribution)
        if contribution.captured_at is None:
            contribution = replace(contribution, captured_at=self.now())
        with self._store.transaction() as unit:
            self._check_places(unit, contribution, check_speaker=True)
            return unit.contributions.add(contribution)

    def update(self, contribution: Contribution) -> Contribution:
        """Save an edited contribution. The speaker's attendance is checked again only when
        the speaker or the session changed, so fixing a typo is never refused because the
        attendance was edited afterwards."""
        contribution = check_contribution(contribution)
        if contribution.id is None:
            raise ValueError("update() needs a saved contribution; use add()")
        with self._store.transaction() as unit:
            stored = unit.contributions.get(contribution.id)
            moved = (stored.speaker_id, stored.meeting_id) != (
                contribution.speaker_id,
                contribution.meeting_id,
            )
            self._check_places(unit, contribution, check_speaker=moved)
            return unit.contributions.update(contribution)

    def get(self, contribution_id: int) -> Contribution:
        with self._store.transaction() as unit:
            return unit.contributions.get(contribution_id)

    def get_many(self, contribution_ids: Iterable[int]) -> list[Contribution]:
        with self._store.transaction() as unit:
            return unit.contributions.get_many(contribution_ids)

    def delete(self, contribution_id: int, expected_version: int | None = None) -> None:
        """Delete a contribution entered by mistake; its tags, links and response go with it.
        Refused while a ladder assessment cites it as evidence."""
        with self._store.transaction() as unit:
            unit.contributions.row(contribution_id)
            citing = unit.ladder.count_citing_contribution(contribution_id)
            if citing:
                raise ValidationError(
                    f"This contribution is evidence for {citing} ladder assessment(s), so it "
                    "cannot be deleted. Remove it from the evidence of those assessments first."
                )
            unit.contributions.delete(contribution_id, expected_version)

    def list(
        self,
        filters: ContributionFilter = ContributionFilter(),
        *,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[Contribution]:
        """Contributions matching ``filters`` in the order they were captured."""
        with self._store.transaction() as unit:
            return unit.contributions.list(offset=offset, limit=limit, **self._query(filters))

    def ids(self, filters: ContributionFilter = ContributionFilter()) -> list[int]:
        """Ids of every matching contribution, in list order (for lists that load lazily)."""
        with self._store.transaction() as unit:
            return unit.contributions.ids(unit.contributions.search_query(**self._query(filters)))

    def display_speakers(self, contribution_ids: Iterable[int]) -> dict[int, str]:
        """For each contribution id, the source to show beside it, obeying each speaker's
        'quoted by name' consent as it stands now. Unknown ids are left out."""
        with self._store.transaction() as unit:
            contributions = unit.contributions.get_many(dict.fromkeys(contribution_ids))
            speaker_ids = sorted({c.speaker_id for c in contributions if c.speaker_id})
            names = {p.id: p.display_name for p in unit.people.get_many(speaker_ids)}
            consenting = unit.consents.people_with(ConsentPurpose.QUOTED_BY_NAME, speaker_ids)
        shown: dict[int, str] = {}
        for contribution in contributions:
            speaker = contribution.speaker_id
            name = names.get(speaker) if speaker is not None else None
            assert contribution.id is not None
            shown[contribution.id] = attributed_name(contribution, name, speaker in consenting)
        return shown

    # --- links to documents --------------------------------------------------------------

    def link(self, link: Link) -> Link:
        """Say which document (or section) a contribution is about. Never changes its response."""
        link = check_link(link)
        with self._store.transaction() as unit:
            self._check_link(unit, link)
            return unit.links.add(link)

    def update_link(self, link: Link) -> Link:
        link = check_link(link)
        if link.id is None:
            raise ValueError("update_link() needs a saved link; use link()")
        with self._store.transaction() as unit:
            stored = unit.links.get(link.id)
            if stored.contribution_id != link.contribution_id:
                raise ValidationError(
                    "A link cannot be moved to another contribution. Remove it and link the "
                    "other contribution instead.",
                    "contribution_id",
                )
            self._check_link(unit, link)
            if stored.document_id != link.document_id:
                self._refuse_leaving_response_unlinked(unit, stored)
            return unit.links.update(link)

    def unlink(self, link_id: int, expected_version: int | None = None) -> None:
        """Remove a link. Never changes the response, so it is refused while the response
        names a section of this document and no other link to the document remains."""
        with self._store.transaction() as unit:
            link = unit.links.get(link_id)
            self._refuse_leaving_response_unlinked(unit, link)
            unit.links.delete(link_id, expected_version)

    def links_of(self, contribution_id: int) -> list[Link]:
        with self._store.transaction() as unit:
            unit.contributions.row(contribution_id)
            return unit.links.for_contribution(contribution_id)

    def links_to(self, document_id: int) -> list[Link]:
        """Every link to a document, oldest first."""
        with self._store.transaction() as unit:
            unit.documents.row(document_id)
            return unit.links.for_document(document_id)

    # --- responses ("You said, we did") --------------------------------------------------

    def respond(self, response: Response) -> Response:
        """Create or update the one response of a contribution.

        Pass the record ``response_of`` gave you, edited: a response with no id where one
        has been saved meanwhile (another user answered first) is a conflict, never a silent
        overwrite. Saving NOT_ANSWERED keeps a row that says so."""
        response = check_response(response)
        with self._store.transaction() as unit:
            unit.contributions.row(response.contribution_id)
            if response.id is None:
                existing = unit.responses.for_contribution(response.contribution_id)
                if existing is not None:
                    raise ConflictError("Response", existing.id or 0)
            elif unit.responses.get(response.id).contribution_id != response.contribution_id:
                raise ValidationError(
                    "This response belongs to a different contribution.", "contribution_id"
                )
            self._check_section(unit, response)
            if response.id is None:
                return unit.responses.add(response)
            return unit.responses.update(response)

    def response_of(self, contribution_id: int) -> Response:
        """The contribution's response; a NOT_ANSWERED record with ``id=None`` when none."""
        with self._store.transaction() as unit:
            unit.contributions.row(contribution_id)
            found = unit.responses.for_contribution(contribution_id)
        return found or Response(contribution_id=contribution_id)

    def responses_of(self, contribution_ids: Iterable[int]) -> dict[int, Response]:
        """Responses for many contributions; those without one get a NOT_ANSWERED record."""
        wanted = list(dict.fromkeys(contribution_ids))
        with self._store.transaction() as unit:
            found = unit.responses.for_contributions(wanted)
        return {cid: found.get(cid) or Response(contribution_id=cid) for cid in wanted}

    def respond_to_many(
        self, contribution_ids: Iterable[int], template: Response
    ) -> list[Response]:
        """Give several contributions the same response, replacing any they had, in one
        transaction: if any one is refused, none is changed. Returned in the order given."""
        wanted = list(dict.fromkeys(contribution_ids))
        if not wanted:
            return []
        checked = check_response(replace(template, contribution_id=wanted[0], id=None))
        with self._store.transaction() as unit:
            existing = unit.responses.for_contributions(wanted)
            saved = []
            for contribution_id in wanted:
                unit.contributions.row(contribution_id)
                before = existing.get(contribution_id)
                response = replace(
                    checked,
                    contribution_id=contribution_id,
                    id=before.id if before else None,
                    version=before.version if before else 0,
                )
                self._check_section(unit, response)
                saved.append(
                    unit.responses.update(response) if before else unit.responses.add(response)
                )
            return saved

    def mark_fed_back(
        self, contribution_ids: Iterable[int], on: date, how: FeedbackMethod
    ) -> list[Response]:
        """Record that the answers were told to the group. All or nothing: refused when any
        of the contributions has no answer yet."""
        wanted = list(dict.fromkeys(contribution_ids))
        with self._store.transaction() as unit:
            found = unit.responses.for_contributions(wanted)
            unanswered = [
                cid
                for cid in wanted
                if cid not in found or found[cid].status is ResponseStatus.NOT_ANSWERED
            ]
            if unanswered:
                raise ValidationError(
                    f"{len(unanswered)} of these contributions have no response yet, so there "
                    "is nothing to feed back. Record what happened to them first.",
                    "status",
                )
            return [
                unit.responses.update(
                    check_response(replace(found[cid], fed_back_on=on, fed_back_how=how))
                )
                for cid in wanted
            ]

    # --- rules ---------------------------------------------------------------------------

    @staticmethod
    def _query(filters: ContributionFilter) -> dict[str, object]:
        return {
            "meeting_id": filters.meeting_id,
            "speaker_id": filters.speaker_id,
            "agenda_item_id": filters.agenda_item_id,
            "document_id": filters.document_id,
        }

    @staticmethod
    def _check_places(unit: UnitOfWork, contribution: Contribution, *, check_speaker: bool) -> None:
        unit.meetings.row(contribution.meeting_id)
        if contribution.agenda_item_id is not None:
            item = unit.agenda_items.get(contribution.agenda_item_id)
            if item.meeting_id != contribution.meeting_id:
                raise ValidationError(
                    f"The agenda item '{item.title}' belongs to another session. Choose an "
                    "item from this session's agenda.",
                    "agenda_item_id",
                )
        # Any recorded speaker, named or kept anonymous, must have been in the room.
        if check_speaker and contribution.speaker_id is not None:
            person = unit.people.get(contribution.speaker_id)
            attendance = unit.attendance.find(contribution.meeting_id, contribution.speaker_id)
            if attendance is None or attendance.status is not AttendanceStatus.PRESENT:
                raise ValidationError(
                    f"{person.display_name} is not marked present at this session. "
                    "Mark them present first, then record what they said.",
                    "speaker_id",
                )

    @staticmethod
    def _check_link(unit: UnitOfWork, link: Link) -> None:
        unit.contributions.row(link.contribution_id)
        document = unit.documents.get(link.document_id)
        section_name = "the whole document"
        if link.section_id is not None:
            section = unit.sections.get(link.section_id)
            if section.document_id != link.document_id:
                raise ValidationError(
                    f"Section '{section.heading}' is not part of '{document.title}'. Choose a "
                    "section of this document, or link to the whole document.",
                    "section_id",
                )
            section_name = f"section '{f'{section.number} {section.heading}'.strip()}'"
        if unit.links.find(link.contribution_id, link.document_id, link.section_id, link.id):
            raise ValidationError(
                f"This contribution is already linked to {section_name} of '{document.title}'.",
                "section_id",
            )

    @staticmethod
    def _check_section(unit: UnitOfWork, response: Response) -> None:
        if response.section_id is None:
            if response.status is ResponseStatus.CHANGED_DOCUMENT:
                raise ValidationError(
                    "Choose the section that changed, so the group can see where. If the "
                    "document has no sections yet, add one first.",
                    "section_id",
                )
            return
        section = unit.sections.get(response.section_id)
        linked = {
            link.document_id for link in unit.links.for_contribution(response.contribution_id)
        }
        if section.document_id not in linked:
            document = unit.documents.get(section.document_id)
            raise ValidationError(
                f"This contribution is not linked to '{document.title}'. Link it to the "
                "document first, then say which section changed.",
                "section_id",
            )

    @staticmethod
    def _refuse_leaving_response_unlinked(unit: UnitOfWork, leaving: Link) -> None:
        response = unit.responses.for_contribution(leaving.contribution_id)
        if response is None or response.section_id is None:
            return
        section = unit.sections.get(response.section_id)
        if section.document_id != leaving.document_id:
            return
        others = [
            link
            for link in unit.links.for_contribution(leaving.contribution_id)
            if link.id != leaving.id and link.document_id == leaving.document_id
        ]
        if not others:
            document = unit.documents.get(leaving.document_id)
            raise ValidationError(
                f"The response to this contribution names a section of '{document.title}'. "
                "Change the response first, then remove the link."
            )
