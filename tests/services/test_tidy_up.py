"""Tidying up after a session: merge duplicates, split one in two, re-attribute and delete,
each undone exactly, with links, tags, responses and audit events kept right."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coproduce.domain.errors import ConflictError, ValidationError
from coproduce.domain.records import (
    AgendaItem,
    Contribution,
    Document,
    Group,
    LadderAssessment,
    Link,
    Meeting,
    Person,
    Response,
    Section,
    replace,
)
from coproduce.domain.vocabulary import (
    AttendanceStatus,
    Attribution,
    AuditAction,
    ContributionKind,
    CqcQualityStatement,
    LadderRung,
    LinkRelation,
    MakingItRealTheme,
    ResponseStatus,
)
from coproduce.services import Services
from coproduce.services.contributions import ContributionFilter

JOINED = date(2025, 1, 1)
STARTS = datetime(2026, 3, 12, 10)


class Room:
    """A session about two documents (the strategy has a section); Ann and Ben present,
    Cat not there."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.group = services.groups.create(Group(name="Carers' Forum"))
        self.ann = self.member("Ann Ames")
        self.ben = self.member("Ben Bell")
        self.cat = self.member("Cat Cole")
        self.session = services.meetings.create(
            Meeting(
                group_id=self.group.id,
                title="March forum",
                starts_at=STARTS,
                ends_at=STARTS + timedelta(hours=2),
            )
        )
        self.strategy = services.documents.create(Document(title="Carers strategy"))
        self.charging = services.documents.create(Document(title="Charging policy"))
        self.breaks = services.documents.add_section(
            Section(document_id=self.strategy.id, heading="Short breaks", number="4")
        )
        self.respite = services.meetings.add_agenda_item(
            AgendaItem(meeting_id=self.session.id, title="Respite")
        )
        self.transport = services.meetings.add_agenda_item(
            AgendaItem(meeting_id=self.session.id, title="Transport")
        )
        for person in (self.ann, self.ben):
            services.meetings.mark_attendance(self.session.id, person.id, AttendanceStatus.PRESENT)
        self.minute = 0

    def member(self, name: str) -> Person:
        person = self.services.people.create(Person(display_name=name))
        self.services.groups.add_member(self.group.id, person.id, JOINED)
        return person

    def said(self, text: str, speaker: Person | None = None, **fields: object) -> Contribution:
        """Saved in capture order, one minute apart."""
        self.minute += 1
        values: dict[str, object] = {
            "attribution": Attribution.PERSON if speaker else Attribution.ANONYMOUS,
            "speaker_id": speaker.id if speaker else None,
            "captured_at": STARTS + timedelta(minutes=self.minute),
            "agenda_item_id": self.respite.id,
        }
        values.update(fields)
        return self.services.contributions.add(
            Contribution(meeting_id=self.session.id, text=text, **values)  # type: ignore[arg-type]
        )

    def link(self, contribution: Contribution, document: Document, section=None) -> Link:  # type: ignore[no-untyped-def]
        return self.services.contributions.link(
            Link(
                contribution_id=contribution.id,
                document_id=document.id,
                section_id=section.id if section else None,
                relation=LinkRelation.INFLUENCED,
            )
        )

    def texts(self) -> list[str]:
        found = self.services.contributions.list(ContributionFilter(meeting_id=self.session.id))
        return [c.text for c in found.items]

    def events(self, record_type: str, record_id: int) -> list[AuditAction]:
        with self.services.store.transaction() as unit:
            found = unit.audit_events.list(record_type=record_type, record_id=record_id)
        return [e.action for e in found.items]


def answered(contribution: Contribution, text: str = "We added it to the plan") -> Response:
    return Response(
        contribution_id=contribution.id,
        status=ResponseStatus.ALREADY_HAPPENING,
        text=text,
        decided_by="Head of commissioning",
        decided_on=date(2026, 4, 1),
    )


# --- merge ----------------------------------------------------------------------------------


def test_a_merge_joins_the_words_unites_links_and_tags_and_undoes_exactly(
    services: Services,
) -> None:
    room = Room(services)
    first = room.said(
        "Respite is hard to book",
        room.ann,
        themes=frozenset({MakingItRealTheme.WORKFORCE}),
    )
    room.said("Something else", room.ben)
    second = room.said(
        "You wait weeks for a respite place",
        room.ann,
        kind=ContributionKind.CONCERN,
        quality_statements=frozenset({CqcQualityStatement.SAFE_SYSTEMS}),
        easy_read="Waiting is too long",
    )
    third = room.said("respite is  HARD to book", room.ann)  # the same words again
    kept_link = room.link(first, room.strategy)
    moved_link = room.link(second, room.charging)
    same_place = room.link(third, room.strategy)  # first already links the whole strategy

    merged = services.contributions.merge([third.id, second.id, first.id])

    result = services.contributions.get(first.id)
    assert result.text == "Respite is hard to book\nYou wait weeks for a respite place"
    assert result.easy_read == "Waiting is too long"
    assert result.kind is ContributionKind.IDEA  # the earliest contribution's kind
    assert result.themes == {MakingItRealTheme.WORKFORCE}
    assert result.quality_statements == {CqcQualityStatement.SAFE_SYSTEMS}
    assert (result.attribution, result.speaker_id) == (Attribution.PERSON, room.ann.id)
    assert merged.merged == result
    assert room.texts() == [result.text, "Something else"]
    links = services.contributions.links_of(first.id)
    assert [(link.document_id, link.relation) for link in links] == [
        (room.strategy.id, LinkRelation.INFLUENCED),
        (room.charging.id, LinkRelation.INFLUENCED),
    ]
    # Every step is in the audit log: the kept one updated, the others and their links deleted.
    assert room.events("contribution", first.id)[-1] is AuditAction.UPDATED
    assert room.events("contribution", second.id)[-1] is AuditAction.DELETED
    assert room.events("link", moved_link.id)[-1] is AuditAction.DELETED
    assert room.events("link", same_place.id)[-1] is AuditAction.DELETED

    services.contributions.unmerge(merged)

    assert room.texts() == [
        "Respite is hard to book",
        "Something else",
        "You wait weeks for a respite place",
        "respite is  HARD to book",
    ]
    assert replace(services.contributions.get(second.id), version=0) == replace(second, version=0)
    assert services.contributions.get(first.id).themes == {MakingItRealTheme.WORKFORCE}
    assert [link.id for link in services.contributions.links_of(first.id)] == [kept_link.id]
    assert services.contributions.links_of(second.id) == [replace(moved_link, version=1)]
    assert [link.id for link in services.contributions.links_of(third.id)] == [same_place.id]
    assert room.events("contribution", second.id) == [
        AuditAction.CREATED,
        AuditAction.DELETED,
        AuditAction.CREATED,
    ]


def test_the_one_response_among_merged_contributions_moves_to_the_kept_one_and_back(
    services: Services,
) -> None:
    room = Room(services)
    first = room.said("Buses stop at six", room.ben)
    second = room.said("No bus after six", room.ben)
    room.link(second, room.strategy, room.breaks)
    response = services.contributions.respond(
        replace(
            answered(second),
            status=ResponseStatus.CHANGED_DOCUMENT,
            section_id=room.breaks.id,
        )
    )

    merged = services.contributions.merge([first.id, second.id])

    kept = services.contributions.response_of(first.id)
    assert (kept.id, kept.status, kept.section_id) == (
        response.id,
        ResponseStatus.CHANGED_DOCUMENT,
        room.breaks.id,
    )
    assert room.events("response", response.id)[-1] is AuditAction.UPDATED

    services.contributions.unmerge(merged)

    assert services.contributions.response_of(first.id).id is None
    back = services.contributions.response_of(second.id)
    assert (back.id, back.text, back.section_id) == (response.id, response.text, room.breaks.id)


def test_merging_contributions_with_different_responses_is_refused_and_changes_nothing(
    services: Services,
) -> None:
    room = Room(services)
    first = room.said("Buses stop at six", room.ben)
    second = room.said("No bus after six", room.ben)
    services.contributions.respond(answered(first, "We asked the bus company"))
    services.contributions.respond(answered(second, "Out of our hands"))
    with pytest.raises(ValidationError, match="different responses"):
        services.contributions.merge([first.id, second.id])
    assert room.texts() == ["Buses stop at six", "No bus after six"]


def test_the_same_response_on_both_is_kept_once(services: Services) -> None:
    room = Room(services)
    first = room.said("Buses stop at six", room.ben)
    second = room.said("No bus after six", room.ben)
    services.contributions.respond(answered(first))
    services.contributions.respond(answered(second))
    merged = services.contributions.merge([first.id, second.id])
    assert services.contributions.response_of(first.id).text == "We added it to the plan"
    services.contributions.unmerge(merged)
    assert services.contributions.response_of(second.id).text == "We added it to the plan"


def test_words_of_different_speakers_are_never_merged(services: Services) -> None:
    room = Room(services)
    ann = room.said("Respite is hard to book", room.ann)
    ben = room.said("Respite is hard to book", room.ben)
    group = room.said("We all agree", None, attribution=Attribution.WHOLE_GROUP)
    with pytest.raises(ValidationError, match=r"different speakers \(Ann Ames, Ben Bell\)"):
        services.contributions.merge([ann.id, ben.id])
    with pytest.raises(ValidationError, match=r"\(Ann Ames, The whole group\)"):
        services.contributions.merge([ann.id, group.id])
    assert len(room.texts()) == 3


def test_one_speaker_named_once_and_kept_anonymous_once_merges_as_anonymous(
    services: Services,
) -> None:
    room = Room(services)
    named = room.said("Respite is hard to book", room.ann)
    quiet = room.said("It took me a month", room.ann, attribution=Attribution.ANONYMOUS)
    merged = services.contributions.merge([named.id, quiet.id])
    assert (merged.merged.attribution, merged.merged.speaker_id) == (
        Attribution.ANONYMOUS,
        room.ann.id,
    )
    assert "kept anonymous" in merged.notes[0]


def test_a_merge_of_records_changed_meanwhile_is_a_conflict(services: Services) -> None:
    room = Room(services)
    first = room.said("Buses stop at six", room.ben)
    second = room.said("No bus after six", room.ben)
    services.contributions.update(replace(second, text="No buses after six at all"))
    with pytest.raises(ConflictError):
        services.contributions.merge(
            [first.id, second.id], {first.id: first.version, second.id: second.version}
        )
    merged = services.contributions.merge([first.id, second.id])
    edited = services.contributions.update(replace(merged.merged, kind=ContributionKind.CONCERN))
    with pytest.raises(ConflictError):
        services.contributions.unmerge(merged)
    services.contributions.update(replace(edited, kind=ContributionKind.IDEA))
    services.contributions.unmerge(merged)  # once the later edit is undone, the merge is too
    assert room.texts() == ["Buses stop at six", "No buses after six at all"]


def test_merging_needs_two_contributions_of_one_session(services: Services) -> None:
    room = Room(services)
    first = room.said("Buses stop at six", room.ben)
    with pytest.raises(ValidationError, match="two or more"):
        services.contributions.merge([first.id, first.id])


def test_words_cited_as_ladder_evidence_are_never_merged_away(services: Services) -> None:
    room = Room(services)
    first = room.said("Buses stop at six", room.ben)
    second = room.said("No bus after six", room.ben)
    third = room.said("Buses stop too early", room.ben)
    services.contributions.respond(answered(first))
    answer = services.contributions.respond(answered(third))  # the same answer, cited
    services.ladder.assess(
        LadderAssessment(
            document_id=room.strategy.id,
            rung=LadderRung.CO_DESIGN,
            assessed_on=date(2026, 4, 1),
            assessor_name="Co-production lead",
            evidence_contribution_ids=(second.id,),
            evidence_response_ids=(answer.id,),
        )
    )
    with pytest.raises(ValidationError, match="'No bus after six' is evidence"):
        services.contributions.merge([first.id, second.id])
    with pytest.raises(ValidationError, match="response to 'Buses stop too early' is evidence"):
        services.contributions.merge([first.id, third.id, first.id])
    with pytest.raises(ValidationError, match="evidence for 1 ladder"):
        services.contributions.delete(third.id)
    assert len(room.texts()) == 3


# --- split ----------------------------------------------------------------------------------


def test_a_split_copies_links_and_tags_keeps_the_response_first_and_undoes(
    services: Services,
) -> None:
    room = Room(services)
    whole = room.said(
        "Buses stop at six. And the café shuts early.",
        room.ben,
        kind=ContributionKind.CONCERN,
        themes=frozenset({MakingItRealTheme.ACTIVE_AND_SUPPORTIVE_COMMUNITIES}),
        easy_read="Buses and café close early",
    )
    room.said("Later words", room.ann)
    link = room.link(whole, room.strategy, room.breaks)
    response = services.contributions.respond(answered(whole))

    split = services.contributions.split(whole.id, whole.text.index("And"), whole.version)

    first, second = split.first, split.second
    assert (first.id, first.text, first.easy_read) == (
        whole.id,
        "Buses stop at six.",
        "Buses and café close early",
    )
    assert (second.text, second.easy_read) == ("And the café shuts early.", "")
    assert (second.kind, second.speaker_id, second.agenda_item_id, second.themes) == (
        ContributionKind.CONCERN,
        room.ben.id,
        room.respite.id,
        whole.themes,
    )
    assert room.texts() == ["Buses stop at six.", "And the café shuts early.", "Later words"]
    copied = services.contributions.links_of(second.id)
    assert [(c.document_id, c.section_id, c.relation) for c in copied] == [
        (link.document_id, link.section_id, link.relation)
    ]
    assert services.contributions.response_of(first.id).id == response.id
    assert services.contributions.response_of(second.id).id is None
    assert room.events("contribution", second.id) == [AuditAction.CREATED]

    services.contributions.unsplit(split)

    assert room.texts() == ["Buses stop at six. And the café shuts early.", "Later words"]
    assert services.contributions.links_of(whole.id) == [link]
    assert room.events("contribution", second.id) == [AuditAction.CREATED, AuditAction.DELETED]
    assert room.events("link", copied[0].id) == [AuditAction.CREATED, AuditAction.DELETED]


def test_a_split_needs_words_on_both_sides_and_the_version_seen(services: Services) -> None:
    room = Room(services)
    whole = room.said("Buses stop at six", room.ben)
    with pytest.raises(ValidationError, match="words before it and after it") as refused:
        services.contributions.split(whole.id, len(whole.text), whole.version)
    assert refused.value.field == "text"
    services.contributions.update(replace(whole, text="Buses stop at six. Trains too."))
    with pytest.raises(ConflictError):
        services.contributions.split(whole.id, 5, whole.version)


def test_undoing_a_split_is_refused_once_the_second_part_was_answered(
    services: Services,
) -> None:
    room = Room(services)
    whole = room.said("Buses stop at six. Trains too.", room.ben)
    split = services.contributions.split(whole.id, whole.text.index("Trains"))
    services.contributions.respond(answered(split.second))
    with pytest.raises(ValidationError, match="given a response"):
        services.contributions.unsplit(split)
    assert len(room.texts()) == 2


# --- re-attribute and delete ------------------------------------------------------------------


def test_reattributing_follows_the_capture_rules(services: Services) -> None:
    room = Room(services)
    said = room.said("Respite is hard to book", room.ann)
    moved = services.contributions.reattribute(said.id, Attribution.PERSON, room.ben.id)
    assert (moved.attribution, moved.speaker_id) == (Attribution.PERSON, room.ben.id)
    with pytest.raises(ValidationError, match="Cat Cole is not marked present") as refused:
        services.contributions.reattribute(said.id, Attribution.PERSON, room.cat.id)
    assert refused.value.field == "speaker_id"
    group = services.contributions.reattribute(said.id, Attribution.WHOLE_GROUP, room.ben.id)
    assert (group.attribution, group.speaker_id) == (Attribution.WHOLE_GROUP, None)
    nobody = services.contributions.reattribute(said.id, Attribution.ANONYMOUS, None)
    assert (nobody.attribution, nobody.speaker_id) == (Attribution.ANONYMOUS, None)
    with pytest.raises(ConflictError):
        services.contributions.reattribute(said.id, Attribution.PERSON, room.ann.id, said.version)


def test_a_deleted_contribution_comes_back_with_its_links_and_response(
    services: Services,
) -> None:
    room = Room(services)
    said = room.said("Respite is hard to book", room.ann)
    link = room.link(said, room.strategy, room.breaks)
    response = services.contributions.respond(
        replace(answered(said), status=ResponseStatus.CHANGED_DOCUMENT, section_id=room.breaks.id)
    )
    deleted = services.contributions.delete(said.id, said.version)
    assert room.texts() == []
    assert room.events("response", response.id)[-1] is AuditAction.DELETED
    restored = services.contributions.restore(deleted)
    assert replace(restored, version=0) == replace(said, version=0)
    assert [x.id for x in services.contributions.links_of(said.id)] == [link.id]
    assert services.contributions.response_of(said.id).section_id == room.breaks.id
