"""What people said at a session, what it is about, and what happened to it.

Three records hang together here: the ``Contribution`` itself, its ``Link``s to the documents
(or sections) it is about, and its one ``Response`` ("You said, we did"). The rules that span
them live in this service:

- A named speaker must be marked present at the session: a contribution from someone who was
  not there is almost always the wrong person picked from the list.
- Linking and unlinking never change a response. Deciding what happened is a separate step.
  The other way round, a response that becomes "Changed the document" makes the links to
  that document say so: a link that only said "Considered" (or "Referred elsewhere") becomes
  "Influenced" in the same transaction, so a link and its response never tell two stories.
  The methods ending in ``_and_relink`` return the links they changed, as they were, so an
  undo puts back the response and the links in one step (``links_back``).
- "Changed the document" must say which section changed, and that section must belong to a
  document the contribution is linked to, so "You said, we did" can point at the exact place.
  For the same reason a link cannot be removed while the response names a section of its
  document: change the response first.
- Deleting a contribution (for one entered by mistake) takes its tags, links and response with
  it. It is refused while a ladder assessment cites it as evidence, because that would quietly
  weaken the assessment.

Tidying up after a session (merge, split, re-attribute, delete) returns what it changed, so
the window can undo it exactly (``unmerge``, ``unsplit``, ``restore``):

- Merge keeps the earliest contribution and folds the others into it: their words are joined
  in capture order (a repeat of the same words is kept once), links and tags are united, and
  the others are deleted (each deletion audited, with their links and responses). Only
  contributions from the same speaker merge (``attribution.merged_source``): each person's
  words stay theirs, so a merge across speakers is refused with their names. A response is
  kept when at most one different answer exists among them; two different answers are a
  conflict the facilitator must settle first, never a silent choice.
- Split cuts one contribution where the facilitator chooses: the first part keeps the
  contribution (its id, response and easy-read wording), the second is a new contribution
  with the same speaker, kind, item and tags and a copy of every link.
- Undo of a merge or split is refused when any of the records was changed afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from coproduce.domain.attribution import attributed_name, merged_source, source_words
from coproduce.domain.errors import ConflictError, ValidationError
from coproduce.domain.records import Contribution, Link, Page, Response, replace
from coproduce.domain.validation import check_contribution, check_link, check_response
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    ConsentPurpose,
    FeedbackMethod,
    LinkRelation,
    ResponseStatus,
    RowKind,
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


@dataclass(frozen=True, slots=True)
class DeletedContribution:
    """A deleted contribution with the links and response that went with it (for undo)."""

    contribution: Contribution
    links: tuple[Link, ...]
    response: Response | None
    picture_concept: str | None = None
    """The picture concept chosen for the contribution's easy-read row (None: none)."""
    response_picture_concept: str | None = None
    """The same for its response's row."""


@dataclass(frozen=True, slots=True)
class MergedContributions:
    """What a merge changed: enough for ``unmerge`` to put every record back as it was."""

    before: Contribution
    """The kept (earliest) contribution as it was before the merge."""
    link_ids_before: tuple[int, ...]
    response_before: Response | None
    """The kept contribution's own response before the merge (None: it had none)."""
    removed: tuple[DeletedContribution, ...]
    merged: Contribution
    """The kept contribution as the merge left it."""
    notes: tuple[str, ...] = ()
    """What the facilitator should know about the result, in plain words."""
    response_before_concept: str | None = None
    """The picture concept of that response's easy-read row (it goes if the response is
    replaced by another's answer)."""


@dataclass(frozen=True, slots=True)
class SplitContribution:
    """What a split changed: the contribution before, its first part and the new second."""

    before: Contribution
    first: Contribution
    second: Contribution
    at: int
    """Where the text was cut (a character position in ``before.text``)."""


@dataclass(frozen=True, slots=True)
class Answered:
    """Responses saved, with the links whose relation they changed (see the module notes)."""

    responses: tuple[Response, ...]
    links_before: tuple[Link, ...] = ()
    """The changed links as they were before (an undo puts these back)."""
    links_after: tuple[Link, ...] = ()
    """The same links as the responses left them, in the same order."""

    @property
    def response(self) -> Response:
        """The one response (for a single save)."""
        return self.responses[0]

    def links_back(self) -> tuple[Link, ...]:
        """What undo passes as ``links_back``: each link as it was, carrying the version the
        save left, so a link someone changed since is not overwritten unseen."""
        return tuple(
            replace(before, version=after.version)
            for before, after in zip(self.links_before, self.links_after, strict=True)
        )


@dataclass(frozen=True, slots=True)
class FollowUp:
    """What is left to do for one session's contributions: answers and feedback."""

    contributions: int
    unanswered: int
    """Contributions without an answer (none yet, or only "under consideration")."""
    not_fed_back: int
    """Contributions answered whose answer has not been fed back to the group yet."""


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
        with self._store.reading() as unit:
            return unit.contributions.get(contribution_id)

    def get_many(self, contribution_ids: Iterable[int]) -> list[Contribution]:
        with self._store.reading() as unit:
            return unit.contributions.get_many(contribution_ids)

    def delete(
        self, contribution_id: int, expected_version: int | None = None
    ) -> DeletedContribution:
        """Delete a contribution entered by mistake; its tags, links and response go with it.
        Refused while a ladder assessment cites it as evidence. Returns what was deleted, so
        ``restore`` can put it back (undo)."""
        with self._store.transaction() as unit:
            return self._delete(unit, contribution_id, expected_version)

    def restore(self, deleted: DeletedContribution) -> Contribution:
        """Put a deleted contribution back under its old id, with its links and response.
        A link to a document deleted since is left out; a section deleted since becomes
        the whole document (as deleting the section does to every link)."""
        with self._store.transaction() as unit:
            return self._restore(unit, deleted)

    def reattribute(
        self,
        contribution_id: int,
        attribution: Attribution,
        speaker_id: int | None,
        expected_version: int | None = None,
    ) -> Contribution:
        """Record a contribution against someone else: a person marked present (named, or
        kept anonymous), nobody (anonymous) or the whole group. The same rules as capture:
        a named speaker must be marked present at the session."""
        with self._store.reading() as unit:
            current = unit.contributions.get(contribution_id)
        if attribution is Attribution.WHOLE_GROUP:
            speaker_id = None  # the whole group has no one speaker
        changed = replace(
            current,
            attribution=attribution,
            speaker_id=speaker_id,
            version=current.version if expected_version is None else expected_version,
        )
        return self.update(changed)

    def merge(
        self,
        contribution_ids: Iterable[int],
        expected_versions: Mapping[int, int] | None = None,
    ) -> MergedContributions:
        """Fold duplicates into the earliest of them (see the module notes for the rules).

        ``expected_versions`` (id to version, as the facilitator saw them) makes a change by
        someone else meanwhile a ``ConflictError`` instead of a silent merge of old words."""
        wanted = list(dict.fromkeys(contribution_ids))
        if len(wanted) < 2:
            raise ValidationError("Choose two or more contributions to merge into one.")
        with self._store.transaction() as unit:
            found = unit.contributions.get_many(wanted)
            if len(found) != len(wanted):
                missing = sorted(set(wanted) - {c.id for c in found})
                unit.contributions.row(missing[0])
            for contribution in found:
                assert contribution.id is not None
                if expected_versions and contribution.id in expected_versions:
                    row = unit.contributions.row(contribution.id)
                    unit.contributions.check_version(row, expected_versions[contribution.id])
            if len({c.meeting_id for c in found}) != 1:
                raise ValidationError(
                    "These contributions were said at different sessions, so they are not "
                    "duplicates. Merge contributions of one session only."
                )
            ordered = sorted(found, key=_capture_order)
            kept, others = ordered[0], ordered[1:]
            assert kept.id is not None
            source = merged_source(ordered)
            if source is None:
                raise ValidationError(self._different_speakers(unit, ordered), "speaker_id")
            for other in others:
                assert other.id is not None
                if unit.ladder.count_citing_contribution(other.id):
                    raise ValidationError(
                        f"'{_short(other.text)}' is evidence for a ladder assessment, so it "
                        "cannot be merged away. Remove it from that assessment's evidence "
                        "first."
                    )
            responses = unit.responses.for_contributions(wanted)
            answer = self._one_answer(responses, [c.id for c in ordered if c.id])
            for other in others:
                going = responses.get(other.id or 0)
                if (
                    going is not None
                    and going != answer
                    and unit.responses.count_citing(going.id or 0)
                ):
                    raise ValidationError(
                        f"The response to '{_short(other.text)}' is evidence for a ladder "
                        "assessment, so it cannot be merged away. Remove it from that "
                        "assessment's evidence first."
                    )
            removed = tuple(
                self._snapshot(unit, other, responses.get(other.id or 0)) for other in others
            )
            kept_links = unit.links.for_contribution(kept.id)
            response_before = responses.get(kept.id)
            before_concept = (
                unit.row_pictures.concept(RowKind.RESPONSE, response_before.id or 0)
                if response_before is not None
                else None
            )

            # Links: one per document and section, the kept contribution's own first.
            places = {(link.document_id, link.section_id) for link in kept_links}
            for deleted in removed:
                for link in deleted.links:
                    if (link.document_id, link.section_id) not in places:
                        places.add((link.document_id, link.section_id))
                        unit.links.add(replace(link, id=None, version=0, contribution_id=kept.id))
            # The response: the one answer (if any) moves to the kept contribution.
            if answer is not None and answer.contribution_id != kept.id:
                if response_before is not None:
                    unit.responses.delete(response_before.id or 0)
                unit.responses.update(replace(answer, contribution_id=kept.id))
            for deleted in removed:
                if deleted.response is not None and deleted.response.id != (
                    answer.id if answer is not None else None
                ):
                    unit.responses.delete(deleted.response.id or 0)
                for link in deleted.links:
                    unit.links.delete(link.id or 0)
                unit.contributions.delete(deleted.contribution.id or 0)

            attribution, speaker_id = source
            merged = check_contribution(
                replace(
                    kept,
                    text=_joined(c.text for c in ordered),
                    easy_read=_joined(c.easy_read for c in ordered),
                    themes=frozenset().union(*(c.themes for c in ordered)),
                    quality_statements=frozenset().union(*(c.quality_statements for c in ordered)),
                    in_summary=any(c.in_summary for c in ordered),
                    agenda_item_id=next(
                        (c.agenda_item_id for c in ordered if c.agenda_item_id is not None),
                        None,
                    ),
                    attribution=attribution,
                    speaker_id=speaker_id,
                )
            )
            merged = unit.contributions.update(merged)
            notes: list[str] = []
            if attribution is Attribution.ANONYMOUS and any(
                c.attribution is Attribution.PERSON for c in ordered
            ):
                notes.append(
                    "Some of these were recorded by name and some kept anonymous: the merged "
                    "contribution is kept anonymous. Change the speaker if it should be named."
                )
            return MergedContributions(
                before=kept,
                link_ids_before=tuple(link.id for link in kept_links if link.id is not None),
                response_before=response_before,
                response_before_concept=before_concept,
                removed=removed,
                merged=merged,
                notes=tuple(notes),
            )

    def unmerge(self, merged: MergedContributions) -> list[Contribution]:
        """Undo a merge: the kept contribution as it was, the others back under their ids
        with their links and responses. Refused when the merged one was changed since."""
        with self._store.transaction() as unit:
            kept_id = merged.before.id or 0
            current = unit.contributions.get(kept_id)
            if replace(current, version=0) != replace(merged.merged, version=0):
                raise ConflictError(
                    "Contribution",
                    kept_id,
                    "it was changed after the merge; undo those changes first",
                )
            for link in unit.links.for_contribution(kept_id):
                if link.id not in merged.link_ids_before:
                    unit.links.delete(link.id or 0)
            response = unit.responses.for_contribution(kept_id)
            before = merged.response_before
            if response is not None and (before is None or response.id != before.id):
                unit.responses.delete(response.id or 0)
                response = None
            if before is not None and response is None:
                unit.responses.restore(before)
                if merged.response_before_concept is not None:
                    unit.row_pictures.set(
                        RowKind.RESPONSE, before.id or 0, merged.response_before_concept
                    )
            restored = [unit.contributions.update(replace(merged.before, version=current.version))]
            restored += [self._restore(unit, deleted) for deleted in merged.removed]
            return restored

    def split(
        self, contribution_id: int, at: int, expected_version: int | None = None
    ) -> SplitContribution:
        """Cut one contribution in two at character ``at`` of its text. The first part keeps
        the contribution (id, response, easy-read wording); the second is new, with the same
        speaker, kind, agenda item and tags and a copy of each link, listed just after it."""
        with self._store.transaction() as unit:
            row = unit.contributions.row(contribution_id)
            unit.contributions.check_version(row, expected_version)
            before = unit.contributions.to_record(row)
            first_text = before.text[: max(0, at)].strip()
            second_text = before.text[max(0, at) :].strip()
            if not first_text or not second_text:
                raise ValidationError(
                    "Put the cursor where the second contribution starts: there must be "
                    "words before it and after it.",
                    "text",
                )
            first = unit.contributions.update(check_contribution(replace(before, text=first_text)))
            second = unit.contributions.add(
                check_contribution(
                    replace(before, id=None, version=0, text=second_text, easy_read="")
                )
            )
            assert second.id is not None
            for link in unit.links.for_contribution(contribution_id):
                unit.links.add(replace(link, id=None, version=0, contribution_id=second.id))
            return SplitContribution(before=before, first=first, second=second, at=at)

    def unsplit(self, split: SplitContribution) -> Contribution:
        """Undo a split: delete the second part (with its links) and give the first its whole
        text again. Refused when either part was changed since, or the second now has a
        response or is cited as evidence (that work would be lost)."""
        with self._store.transaction() as unit:
            first_id = split.first.id or 0
            second_id = split.second.id or 0
            current_first = unit.contributions.get(first_id)
            current_second = unit.contributions.get(second_id)
            for current, expected in ((current_first, split.first), (current_second, split.second)):
                if replace(current, version=0) != replace(expected, version=0):
                    raise ConflictError(
                        "Contribution",
                        current.id or 0,
                        "it was changed after the split; undo those changes first",
                    )
            answer = unit.responses.for_contribution(second_id)
            if answer is not None and answer.status is not ResponseStatus.NOT_ANSWERED:
                raise ValidationError(
                    "The second part has been given a response since the split. Clear that "
                    "response first, or keep the two contributions."
                )
            self._delete(unit, second_id, None)
            return unit.contributions.update(replace(split.before, version=current_first.version))

    def list(
        self,
        filters: ContributionFilter = ContributionFilter(),
        *,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page[Contribution]:
        """Contributions matching ``filters`` in the order they were captured."""
        with self._store.reading() as unit:
            return unit.contributions.list(offset=offset, limit=limit, **self._query(filters))

    def ids(self, filters: ContributionFilter = ContributionFilter()) -> list[int]:
        """Ids of every matching contribution, in list order (for lists that load lazily)."""
        with self._store.reading() as unit:
            return unit.contributions.ids(unit.contributions.search_query(**self._query(filters)))

    def display_speakers(self, contribution_ids: Iterable[int]) -> dict[int, str]:
        """For each contribution id, the source to show beside it, obeying each speaker's
        'quoted by name' consent as it stands now. Unknown ids are left out."""
        with self._store.reading() as unit:
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
        with self._store.reading() as unit:
            unit.contributions.row(contribution_id)
            return unit.links.for_contribution(contribution_id)

    def links_to(self, document_id: int) -> list[Link]:
        """Every link to a document, oldest first."""
        with self._store.reading() as unit:
            unit.documents.row(document_id)
            return unit.links.for_document(document_id)

    # --- responses ("You said, we did") --------------------------------------------------

    def respond(self, response: Response) -> Response:
        """Create or update the one response of a contribution.

        Pass the record ``response_of`` gave you, edited: its version is checked, and a
        response with no id where one has been saved meanwhile (another user answered first)
        is a conflict, never a silent overwrite. Saving NOT_ANSWERED keeps a row that says so.
        A response that becomes "Changed the document" makes its links to that document
        Influenced (``respond_and_relink`` says which)."""
        return self.respond_and_relink(response).response

    def respond_and_relink(self, response: Response, links_back: Iterable[Link] = ()) -> Answered:
        """``respond``, returning the links the response changed as well.

        ``links_back`` are links to put back as they were first, in the same transaction:
        the undo of an earlier save that changed them (``Answered.links_back``). Each must
        still be as that save left it (its version), or nothing is saved."""
        response = check_response(response)
        with self._store.transaction() as unit:
            self._put_links_back(unit, links_back)
            saved, changed = self._answer(unit, response)
        return _answered([saved], changed)

    def respond_each(self, responses: Iterable[Response]) -> list[Response]:
        """Save several different responses in one transaction: all or none.

        The undo and redo of ``respond_to_many``. Each record carries the version its caller
        last saw (no id and version 0: it saw no response yet); when any of them has been
        changed since, nothing is saved and a ``ConflictError`` names the contributions whose
        responses changed. Returned in the order given."""
        return list(self.respond_each_and_relink(responses).responses)

    def respond_each_and_relink(
        self, responses: Iterable[Response], links_back: Iterable[Link] = ()
    ) -> Answered:
        """``respond_each``, returning the links the responses changed; ``links_back`` as for
        ``respond_and_relink``."""
        wanted = [check_response(response) for response in responses]
        ids = [response.contribution_id for response in wanted]
        if len(set(ids)) != len(ids):
            raise ValueError("respond_each was given two responses for one contribution")
        with self._store.transaction() as unit:
            for contribution_id in ids:
                unit.contributions.row(contribution_id)
            found = unit.responses.for_contributions(ids)
            self._refuse_changed(unit, ids, found, {r.contribution_id: r.version for r in wanted})
            self._put_links_back(unit, links_back)
            saved: list[Response] = []
            changed: list[tuple[Link, Link]] = []
            for response in wanted:
                answer, relinked = self._answer(unit, response)
                saved.append(answer)
                changed += relinked
        return _answered(saved, changed)

    def _put_response(self, unit: UnitOfWork, response: Response) -> Response:
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

    def _answer(
        self, unit: UnitOfWork, response: Response
    ) -> tuple[Response, list[tuple[Link, Link]]]:
        """Save one response and let its links follow it (see the module notes)."""
        before = unit.responses.for_contribution(response.contribution_id)
        saved = self._put_response(unit, response)
        return saved, self._links_follow(unit, before, saved)

    @staticmethod
    def _links_follow(
        unit: UnitOfWork, before: Response | None, saved: Response
    ) -> list[tuple[Link, Link]]:
        """A response that has just become "Changed the document" (or now names another
        section) makes its weaker links to that document Influenced; returns each changed
        link before and after. Any other save leaves the links alone: the facilitator may
        have chosen a relation on purpose."""
        if saved.status is not ResponseStatus.CHANGED_DOCUMENT or saved.section_id is None:
            return []
        if (
            before is not None
            and before.status is ResponseStatus.CHANGED_DOCUMENT
            and before.section_id == saved.section_id
        ):
            return []
        document_id = unit.sections.get(saved.section_id).document_id
        changed: list[tuple[Link, Link]] = []
        for link in unit.links.for_contribution(saved.contribution_id):
            if link.document_id == document_id and link.relation in FOLLOWS_A_CHANGE:
                changed.append(
                    (link, unit.links.update(replace(link, relation=LinkRelation.INFLUENCED)))
                )
        return changed

    @staticmethod
    def _put_links_back(unit: UnitOfWork, links: Iterable[Link]) -> None:
        """Links as they were before a response changed them (their versions are checked)."""
        for link in links:
            unit.links.update(check_link(link))

    def response_of(self, contribution_id: int) -> Response:
        """The contribution's response; a NOT_ANSWERED record with ``id=None`` when none."""
        with self._store.reading() as unit:
            unit.contributions.row(contribution_id)
            found = unit.responses.for_contribution(contribution_id)
        return found or Response(contribution_id=contribution_id)

    def responses_of(self, contribution_ids: Iterable[int]) -> dict[int, Response]:
        """Responses for many contributions; those without one get a NOT_ANSWERED record."""
        wanted = list(dict.fromkeys(contribution_ids))
        with self._store.reading() as unit:
            found = unit.responses.for_contributions(wanted)
        return {cid: found.get(cid) or Response(contribution_id=cid) for cid in wanted}

    def respond_to_many(
        self,
        contribution_ids: Iterable[int],
        template: Response,
        expected_versions: Mapping[int, int | None] | None = None,
    ) -> list[Response]:
        """Give several contributions the same response, replacing any they had, in one
        transaction: if any one is refused, none is changed. Returned in the order given.

        ``expected_versions`` holds, for every contribution, the version of its response the
        caller showed (``responses_of``), None or 0 for "no response yet". When any response
        has changed since (another user answered it, or added a feedback date), the whole
        batch is refused with a ``ConflictError`` naming those contributions and nothing is
        saved: a response someone else just wrote is never replaced unseen. Without it the
        responses are replaced whatever they now say (for callers that just read them)."""
        return list(
            self.respond_to_many_and_relink(contribution_ids, template, expected_versions).responses
        )

    def respond_to_many_and_relink(
        self,
        contribution_ids: Iterable[int],
        template: Response,
        expected_versions: Mapping[int, int | None] | None = None,
    ) -> Answered:
        """``respond_to_many``, returning the links the responses changed as well."""
        wanted = list(dict.fromkeys(contribution_ids))
        if not wanted:
            return Answered(())
        checked = check_response(replace(template, contribution_id=wanted[0], id=None))
        with self._store.transaction() as unit:
            for contribution_id in wanted:
                unit.contributions.row(contribution_id)
            existing = unit.responses.for_contributions(wanted)
            if expected_versions is not None:
                self._refuse_changed(unit, wanted, existing, expected_versions)
            saved: list[Response] = []
            changed: list[tuple[Link, Link]] = []
            for contribution_id in wanted:
                before = existing.get(contribution_id)
                response = replace(
                    checked,
                    contribution_id=contribution_id,
                    id=before.id if before else None,
                    version=before.version if before else 0,
                )
                answer, relinked = self._answer(unit, response)
                saved.append(answer)
                changed += relinked
        return _answered(saved, changed)

    def follow_up(self, meeting_id: int) -> FollowUp:
        """How many of a session's contributions still need an answer, and how many answers
        still need feeding back (for "Mark written up")."""
        with self._store.reading() as unit:
            unit.meetings.row(meeting_id)
            ids = unit.contributions.ids(unit.contributions.search_query(meeting_id=meeting_id))
            found = unit.responses.for_contributions(ids)
        answered = [r for r in found.values() if r.status.is_answer]
        return FollowUp(
            contributions=len(ids),
            unanswered=len(ids) - len(answered),
            not_fed_back=sum(1 for r in answered if r.fed_back_on is None),
        )

    def mark_fed_back(
        self,
        contribution_ids: Iterable[int],
        on: date,
        how: FeedbackMethod,
        expected_versions: Mapping[int, int | None] | None = None,
    ) -> list[Response]:
        """Record that the answers were told to the group. All or nothing: refused when any
        of the contributions has no answer yet.

        ``expected_versions`` (as for ``respond_to_many``): the response versions the caller
        showed; when any answer changed since, nothing is marked (``ConflictError``), so an
        answer nobody here has read is never recorded as fed back."""
        wanted = list(dict.fromkeys(contribution_ids))
        with self._store.transaction() as unit:
            found = unit.responses.for_contributions(wanted)
            if expected_versions is not None:
                for contribution_id in wanted:
                    unit.contributions.row(contribution_id)
                self._refuse_changed(unit, wanted, found, expected_versions)
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

    @staticmethod
    def _refuse_changed(
        unit: UnitOfWork,
        wanted: list[int],
        found: Mapping[int, Response],
        expected_versions: Mapping[int, int | None],
    ) -> None:
        """A ``ConflictError`` naming every contribution whose response is no longer the
        version its caller saw (0 or None: no response at all)."""
        unknown = [cid for cid in wanted if cid not in expected_versions]
        if unknown:
            raise ValueError(f"no expected response version given for contributions {unknown}")
        changed = [
            cid
            for cid in wanted
            if (found[cid].version if cid in found else 0) != (expected_versions[cid] or 0)
        ]
        if not changed:
            return
        said = {c.id: c.text for c in unit.contributions.get_many(changed)}
        named = ", ".join(f"“{_short(said.get(cid, ''), 40)}”" for cid in changed[:3])
        if len(changed) > 3:
            named += f" and {len(changed) - 3} more"
        first = found.get(changed[0])
        raise ConflictError("Response", (first.id or 0) if first else 0, f"to {named}")

    # --- rules ---------------------------------------------------------------------------

    @staticmethod
    def _delete(
        unit: UnitOfWork, contribution_id: int, expected_version: int | None
    ) -> DeletedContribution:
        row = unit.contributions.row(contribution_id)
        unit.contributions.check_version(row, expected_version)
        citing = unit.ladder.count_citing_contribution(contribution_id)
        response = unit.responses.for_contribution(contribution_id)
        if response is not None:
            citing += unit.responses.count_citing(response.id or 0)
        if citing:
            raise ValidationError(
                f"This contribution or its response is evidence for {citing} ladder "
                "assessment(s), so it cannot be deleted. Remove it from the evidence of "
                "those assessments first."
            )
        deleted = ContributionService._snapshot(unit, unit.contributions.to_record(row), response)
        # One by one rather than by the database's cascade, so each leaves an audit event.
        if deleted.response is not None:
            unit.responses.delete(deleted.response.id or 0)
        for link in deleted.links:
            unit.links.delete(link.id or 0)
        unit.contributions.delete(contribution_id, expected_version)
        return deleted

    @staticmethod
    def _snapshot(
        unit: UnitOfWork, contribution: Contribution, response: Response | None
    ) -> DeletedContribution:
        """What deleting ``contribution`` takes with it (the database deletes the pictures
        chosen for its row and its response's row with them), for ``_restore``."""
        contribution_id = contribution.id or 0
        return DeletedContribution(
            contribution,
            tuple(unit.links.for_contribution(contribution_id)),
            response,
            picture_concept=unit.row_pictures.concept(RowKind.CONTRIBUTION, contribution_id),
            response_picture_concept=(
                unit.row_pictures.concept(RowKind.RESPONSE, response.id or 0)
                if response is not None
                else None
            ),
        )

    @staticmethod
    def _restore(unit: UnitOfWork, deleted: DeletedContribution) -> Contribution:
        contribution = deleted.contribution
        unit.meetings.row(contribution.meeting_id)
        if contribution.agenda_item_id is not None and not unit.agenda_items.exists(
            contribution.agenda_item_id
        ):
            contribution = replace(contribution, agenda_item_id=None)
        restored = unit.contributions.restore(contribution)
        for link in deleted.links:
            if not unit.documents.exists(link.document_id):
                continue
            if link.section_id is not None and not unit.sections.exists(link.section_id):
                link = replace(link, section_id=None)
            if unit.links.find(link.contribution_id, link.document_id, link.section_id):
                continue
            unit.links.restore(link)
        if deleted.response is not None:
            response = deleted.response
            if response.section_id is not None and not unit.sections.exists(response.section_id):
                response = replace(response, section_id=None)
            unit.responses.restore(response)
            if deleted.response_picture_concept is not None:
                unit.row_pictures.set(
                    RowKind.RESPONSE, response.id or 0, deleted.response_picture_concept
                )
        if deleted.picture_concept is not None:
            unit.row_pictures.set(RowKind.CONTRIBUTION, restored.id or 0, deleted.picture_concept)
        return restored

    @staticmethod
    def _one_answer(responses: Mapping[int, Response], in_order: list[int]) -> Response | None:
        """The one answer among ``responses`` (the earliest contribution's when several say
        the same), None when none has one; refused when they say different things."""
        answers = [
            responses[cid]
            for cid in in_order
            if cid in responses
            and _substance(responses[cid]) != _substance(Response(contribution_id=0))
        ]
        if len({_substance(r) for r in answers}) > 1:
            raise ValidationError(
                'These contributions have different responses ("You said, we did"), so '
                "merging them would lose one. Make the responses the same, or clear one of "
                "them, then merge.",
                "status",
            )
        return answers[0] if answers else None

    @staticmethod
    def _different_speakers(unit: UnitOfWork, contributions: list[Contribution]) -> str:
        ids = sorted({c.speaker_id for c in contributions if c.speaker_id is not None})
        names = {p.id: p.display_name for p in unit.people.get_many(ids)}
        sources = list(
            dict.fromkeys(
                source_words(c, names.get(c.speaker_id) if c.speaker_id else None)
                for c in contributions
            )
        )
        return (
            f"These were said by different speakers ({', '.join(sources)}). Each person's "
            "words stay theirs, so only contributions from the same speaker can be merged. "
            "If one was recorded against the wrong speaker, change its speaker first."
        )

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


FOLLOWS_A_CHANGE = frozenset({LinkRelation.CONSIDERED, LinkRelation.REFERRED_ELSEWHERE})
"""Relations a "Changed the document" response overrides: both say it changed nothing."""


def _answered(saved: Iterable[Response], changed: Iterable[tuple[Link, Link]]) -> Answered:
    pairs = list(changed)
    return Answered(
        responses=tuple(saved),
        links_before=tuple(before for before, _after in pairs),
        links_after=tuple(after for _before, after in pairs),
    )


def _capture_order(contribution: Contribution) -> tuple[datetime, int]:
    return (contribution.captured_at or datetime.min, contribution.id or 0)


def _joined(texts: Iterable[str]) -> str:
    """Texts in order, one per line, each distinct wording once (repeats of the same words,
    however spaced or capitalised, are the duplicates being merged)."""
    seen: dict[str, str] = {}
    for text in texts:
        words = " ".join(text.split())
        if words and words.casefold() not in seen:
            seen[words.casefold()] = text.strip()
    return "\n".join(seen.values())


def _substance(response: Response) -> Response:
    """A response without what only says which contribution and row it is."""
    return replace(response, id=None, version=0, contribution_id=0)


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
