"""What goes into each easy-read handout: a session's summary, "You said, we did" and a
person's own pack, gathered from the records with consent applied.

The people who gave their time hold these in their hands, so they are written as an easy-read
writer would write them (DESIGN.md section 5), not printed from the records:

- Every sentence is either easy-read wording a person wrote for that record, or fixed wording
  from this module (``tests/unit/test_handout_wording.py`` checks every one of them against
  the plain-language gate). A record's own text (notes, a response's reason) is offered only
  as a candidate: the builder prints it if it passes the gate and otherwise leaves the entry
  out and lists it for easy words.
- Every answer says what happened and why: "not taken forward" gives its reason, "changed the
  document" what changed, a question its answer. Thanks are acknowledged, never left
  "waiting for an answer"; decisions say what was decided.
- Facts are said once, in the right tense: a summary is only for a session that was held,
  the agenda is told in the past tense, an online or phone meeting is worded as such, actions
  come in date order with who will do them (staff by name: the consent rule protects
  participants, not officers doing their job).
- Each entry carries how much it matters (``rank``), so the builder can keep the page budget
  by taking the most important first: decisions, what changed, answers to questions, other
  answers, then one thing per topic, newest first.

Consent is applied as in ``services.reports`` (``ConsentNames``): names only with consent to be
quoted by name, names typed into free text scrubbed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from coproduce.documents.content import (
    Contact,
    Counted,
    Cover,
    EasyReadDocument,
    Entry,
    HardWord,
    Row,
    Section,
    Words,
    WordsFrom,
    row,
)
from coproduce.documents.docx_base import date_in_words, time_in_words, when_in_words
from coproduce.documents.easy_words import lower_first, past_tense
from coproduce.domain.attribution import GROUP_MEMBER, WHOLE_GROUP
from coproduce.domain.errors import ValidationError
from coproduce.domain.records import (
    Action,
    AgendaItem,
    Contribution,
    GlossaryTerm,
    Meeting,
    PictureChoice,
    Response,
)
from coproduce.domain.vocabulary import (
    ANSWERABLE_KINDS,
    ActionStatus,
    AttendanceStatus,
    ContributionKind,
    DocumentKind,
    MeetingStatus,
    ResponseStatus,
    RowKind,
)
from coproduce.services.base import Service
from coproduce.services.glossary import GlossaryService
from coproduce.services.pictures import PictureService
from coproduce.services.reports import (
    ConsentNames,
    check_report_choice,
    contact_details,
    document_titles,
    involved_people,
    known_phrases,
    next_session,
    said_about,
)
from coproduce.store.unit_of_work import UnitOfWork

SUMMARY_PAGES = 12
PACK_PAGES = 12
REPORT_PAGES = 20
"""Page budgets (DESIGN.md section 5)."""

EARLIER_ANSWERS_READ = 150
"""A summary reads at most this many of the newest answers to earlier sessions (plus those
chosen): it prints a handful, and counts the rest."""

NAMES_LISTED = 12
"""At most this many names under "Who came"; the rest are counted."""

# The concepts of the fixed parts (curated in resources/pictures/concepts.json).
COVER = "meeting"
ABOUT = "about this meeting"
WHO_CAME = "who came"
TOPICS = "what we talked about"
TOLD_US = "what you told us"
NEXT_STEPS = "what happens next"
NEXT_MEETING = "next meeting"
HARD_WORDS = "hard words"
CONTACT_US = "contact us"
ANOTHER_FORMAT = "another format"
YOUR_IDEAS = "idea"
YOU_SAID_WE_DID = "feedback"
ONLINE = "online meeting"
BY_PHONE = "phone meeting"
PLACE = "place"
THANKS = "thank you"
DECISION = "decision"
MORE = "more ideas"
ACTION = "action"
QUESTION = "question"
GENERAL = "information"

STATUS_CONCEPT = {
    ResponseStatus.NOT_ANSWERED: "waiting",
    ResponseStatus.UNDER_CONSIDERATION: "thinking",
    ResponseStatus.CHANGED_DOCUMENT: "changed",
    ResponseStatus.ALREADY_HAPPENING: "already happening",
    ResponseStatus.NOT_TAKEN_FORWARD: "no",
    ResponseStatus.OUTSIDE_SCOPE: "passed on",
}

# --- the fixed wording ---------------------------------------------------------------------
# Every string here passes the plain-language gate with any value put in its {gaps}
# (tests/unit/test_handout_wording.py).

ANSWER_LEAD = {
    ResponseStatus.NOT_ANSWERED: "We have not answered this yet.",
    ResponseStatus.UNDER_CONSIDERATION: "We are still thinking about this.",
    ResponseStatus.CHANGED_DOCUMENT: "What we changed:",
    ResponseStatus.ALREADY_HAPPENING: "This already happens:",
    ResponseStatus.NOT_TAKEN_FORWARD: "We cannot do this now. This is why:",
    ResponseStatus.OUTSIDE_SCOPE: "We passed this on:",
}
QUESTION_ANSWER_LEAD = "Our answer:"
ANSWER_WITHOUT_WORDS = {
    ResponseStatus.NOT_ANSWERED: "We will tell you when we have an answer.",
    ResponseStatus.UNDER_CONSIDERATION: "We will tell you what we decide.",
}
PASSED_TO = "We passed it to {whom}."
PASSED_TO_SOMEONE = "We passed it to the people who can decide."
THANKS_REPLY = "Thank you. We will pass this on to the team."
THANKS_PASSED = "Thank you. We passed this on to the team."
UNANSWERED_AFTER = "We will tell you what we do about the things you told us."
SAID_ON = "You told us this on {day}."
YOU_SAID_ON = "You said this on {day}."
ABOUT_DOCUMENT = "This was about {title}."
RANKS = {
    ResponseStatus.CHANGED_DOCUMENT: 1,
    ResponseStatus.ALREADY_HAPPENING: 3,
    ResponseStatus.NOT_TAKEN_FORWARD: 3,
    ResponseStatus.OUTSIDE_SCOPE: 3,
    ResponseStatus.UNDER_CONSIDERATION: 4,
    ResponseStatus.NOT_ANSWERED: 5,
}
"""How much an entry matters by its answer (0 most): decisions 0, what changed 1, answers to
questions 2, other answers 3, the rest after."""

_ONLINE_WORDS = re.compile(r"\b(?:online|on-line|on line|zoom|teams|video|virtual|web)\b", re.I)
_PHONE_WORDS = re.compile(r"\b(?:phone|telephone|conference call|by call)\b", re.I)


@dataclass(frozen=True, slots=True)
class Where:
    """How a session was held, as a concept and sentences."""

    concept: str
    met: Words
    next: Words


def where_words(place: str, online_link: str, *, same_as: str | None = None) -> Where:
    """ "We met online.", "We met by phone." or "We met at <place>."; and how the next meeting
    says it ("It will be in the same place.")."""
    place = " ".join(place.split())
    if _PHONE_WORDS.search(place):
        return Where(BY_PHONE, Words(text="We met by phone."), Words(text="It will be by phone."))
    if _ONLINE_WORDS.search(place) or (online_link.strip() and not place):
        return Where(ONLINE, Words(text="We met online."), Words(text="It will be online."))
    if not place:
        return Where(
            PLACE,
            Words(text="We met in person."),
            Words(text="We will tell you where it will be."),
        )
    same = same_as is not None and " ".join(same_as.split()).casefold() == place.casefold()
    return Where(
        PLACE,
        Words(text=f"We met at {place}.", fallback="We met in person."),
        Words(
            text="It will be in the same place." if same else f"It will be at {place}.",
            fallback="We will tell you where it will be.",
        ),
    )


def people_count(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def _said_lead(attributed: str, kind: ContributionKind) -> str:
    """ "Amy Wright said:", "A group member asked:", "The whole group decided:"."""
    verb = {
        ContributionKind.QUESTION: "asked",
        ContributionKind.DECISION: "decided",
    }.get(kind, "said")
    if attributed in (GROUP_MEMBER, ""):
        who = "A group member"
    elif attributed == WHOLE_GROUP:
        who = "The whole group"
    else:
        who = attributed
    if kind is ContributionKind.DECISION and who == "A group member":
        who = "The group"
    return f"{who} {verb}:"


def _you_lead(kind: ContributionKind) -> str:
    return {
        ContributionKind.QUESTION: "You asked:",
        ContributionKind.DECISION: "The group decided:",
        ContributionKind.PRAISE: "You said:",
    }.get(kind, "You said:")


def _rank(contribution: Contribution, response: Response | None) -> int:
    if contribution.kind is ContributionKind.DECISION:
        return 0
    status = response.status if response else ResponseStatus.NOT_ANSWERED
    if contribution.kind is ContributionKind.QUESTION and status.is_answer:
        return 2
    if contribution.kind is ContributionKind.PRAISE:
        return 4
    return RANKS[status]


class HandoutService(Service):
    """Gathers the easy-read handouts; ``documents.easy_read.build_easy_read`` writes them."""

    # --- a session's summary -------------------------------------------------------------

    def session_summary(self, meeting_id: int) -> EasyReadDocument:
        """The easy-read summary of a session that was held: what it was for, who came, what
        we talked about, decided and heard, what we did about what was said before, what
        happens next and the next meeting. Refused for a session not held yet."""
        with self._store.reading() as unit:
            meeting = unit.meetings.get(meeting_id)
            self._refuse_unless_held(meeting)
            group = unit.groups.get(meeting.group_id)
            items = unit.agenda_items.for_meeting(meeting_id)
            attendance = unit.attendance.for_meeting(meeting_id)
            said = list(unit.contributions.list(meeting_id=meeting_id).items)
            actions = [
                a
                for a in unit.actions.list(meeting_id=meeting_id).items
                if a.status is not ActionStatus.DROPPED
            ]
            earlier, earlier_meetings, unread = self._earlier_answers(unit, meeting)
            responses = unit.responses.for_contributions([c.id for c in said if c.id is not None])
            following = next_session(unit, meeting)
            people = ConsentNames(
                unit,
                involved_people(unit, [meeting])
                + [c.speaker_id for c in said]
                + [c.speaker_id for c, _ in earlier]
                + [a.owner_id for a in actions],
                phrases=known_phrases(unit, [meeting, *(m for m in [following] if m)]),
            )
            contact = contact_details(unit)

        pictures = _Pictures(self, self._glossary())
        # The cover shows a meeting, or the picture the facilitator chose for the session: not
        # a picture guessed from what the meeting was for ("care and support" is no cover).
        pictures.rows(RowKind.SESSION, [(meeting.id, "")])
        pictures.rows(RowKind.AGENDA_ITEM, [(i.id, i.easy_read or i.title) for i in items])
        pictures.contributions([*said, *(c for c, _ in earlier)])
        pictures.responses([*responses.values(), *(r for _, r in earlier)])
        pictures.rows(RowKind.ACTION, [(a.id, a.easy_read or a.text) for a in actions])
        where = where_words(meeting.place, meeting.online_link)
        pictures.need(
            COVER, ABOUT, WHO_CAME, TOPICS, TOLD_US, NEXT_STEPS, NEXT_MEETING, DECISION,
            THANKS, MORE, ACTION, QUESTION, YOU_SAID_WE_DID, where.concept,
        )  # fmt: skip
        pictures.resolve()

        day = meeting.starts_at.date()
        group_name = group.name
        group_kind = group.kind.label
        sections = [
            self._about(meeting, where, pictures),
            self._who_came(attendance, people, pictures),
            self._topics(items, pictures),
            Section(
                heading="What we decided",
                entries=tuple(
                    self._said_entry(c, responses.get(c.id or 0), people, pictures, chosen=True)
                    for c in said
                    if c.kind is ContributionKind.DECISION
                ),
                counted=Counted(
                    picture=pictures.fixed(MORE),
                    many="We made {n} other decisions too.",
                    one="We made 1 other decision too.",
                    then="Ask us about them.",
                ),
            ),
            Section(
                heading="What you told us",
                entries=tuple(
                    self._said_entry(c, responses.get(c.id or 0), people, pictures)
                    for c in said
                    if c.kind is not ContributionKind.DECISION
                ),
                after=(
                    (row(pictures.fixed(NEXT_STEPS), UNANSWERED_AFTER, decorative=True),)
                    if any(
                        c.kind in ANSWERABLE_KINDS and not _answered(responses.get(c.id or 0))
                        for c in said
                    )
                    else ()
                ),
                counted=Counted(
                    picture=pictures.fixed(MORE),
                    many="You told us {n} other things too.",
                    one="You told us 1 other thing too.",
                    then="Ask us if you want to know about them.",
                    waiting="We are still looking at them.",
                ),
            ),
            Section(
                heading="Answers to what you told us before",
                entries=tuple(
                    self._earlier_entry(c, r, people, pictures, earlier_meetings)
                    for c, r in earlier
                ),
                unlisted=unread,
                counted=Counted(
                    picture=pictures.fixed(MORE),
                    many="We have {n} other answers for you too.",
                    one="We have 1 other answer for you too.",
                    then="Ask us about them.",
                ),
            ),
            self._actions(actions, people, pictures),
            self._next_meeting(meeting, following, pictures),
        ]
        # The choice is the facilitator's for this session: answers to earlier sessions come
        # with it when they were chosen for their own session's summary.
        chosen = any(c.in_summary for c in said)
        return people.scrubbed(
            EasyReadDocument(
                title="Easy read summary of our meeting",
                subject=f"{group_name}, {date_in_words(day)}",
                cover=Cover(
                    title=f"Our meeting on {date_in_words(day)}",
                    lines=(Words(text=group_name, fallback=group_kind),),
                    picture=pictures.of(RowKind.SESSION, meeting.id, COVER),
                    note="This tells you what happened at our meeting.",
                ),
                sections=tuple(sections),
                budget=SUMMARY_PAGES,
                **pictures.contact_and_glossary(contact),
                chosen_by_facilitator=chosen,
            )
        )

    def _refuse_unless_held(self, meeting: Meeting) -> None:
        if meeting.status is MeetingStatus.CANCELLED:
            raise ValidationError("This session was cancelled, so there is nothing to summarise.")
        if meeting.status is MeetingStatus.PLANNED or meeting.starts_at > self.now():
            raise ValidationError(
                "This session has not been held yet, so there is nothing to summarise. "
                "After the session, mark it as held, then make the summary."
            )

    def _about(self, meeting: Meeting, where: Where, pictures: _Pictures) -> Section:
        rows = []
        if meeting.easy_read.strip():
            rows.append(
                Row(
                    picture=pictures.fixed(ABOUT),
                    decorative=True,
                    words=(
                        Words(
                            text=past_tense(meeting.easy_read.strip()),
                            origin=WordsFrom(
                                kind=RowKind.SESSION,
                                record_id=meeting.id or 0,
                                written=True,
                                raw=meeting.notes,
                            ),
                        ),
                    ),
                )
            )
        start, end = meeting.starts_at, meeting.ends_at
        times = (
            f"The meeting was from {time_in_words(start.time())} to {time_in_words(end.time())}."
            if end.date() == start.date() and end > start
            else f"The meeting started at {time_in_words(start.time())}."
        )
        rows.append(
            Row(
                picture=pictures.fixed(where.concept),
                words=(where.met, Words(text=times)),
            )
        )
        return Section(heading="About this meeting", rows=tuple(rows))

    def _who_came(self, attendance: Sequence, people: ConsentNames, pictures: _Pictures) -> Section:
        present = [a for a in attendance if a.status is AttendanceStatus.PRESENT]
        apologies = [a for a in attendance if a.status is AttendanceStatus.APOLOGIES]
        lines = [
            f"{people_count(len(present))} came." if present else "We did not write down who came."
        ]
        if apologies:
            lines.append(f"{people_count(len(apologies))} told us they could not come.")
        names = sorted(filter(None, (people.name(a.person_id) for a in present)), key=str.casefold)
        if names:
            lines.append(
                "These people came:"
                if len(names) == len(present)
                else "Some of the people who came:"
            )
            lines.extend(names[:NAMES_LISTED])
            others = len(names) - NAMES_LISTED
            if others > 0:
                lines.append(f"And {people_count(others)} more.")
        return Section(heading="Who came", rows=(row(pictures.fixed(WHO_CAME), *lines),))

    def _topics(self, items: Sequence[AgendaItem], pictures: _Pictures) -> Section:
        entries = []
        for item in items:
            if item.easy_read.strip():
                words = Words(
                    text=past_tense(item.easy_read.strip()),
                    origin=WordsFrom(
                        kind=RowKind.AGENDA_ITEM, record_id=item.id or 0, written=True,
                        raw=item.title,
                    ),
                )  # fmt: skip
            else:
                title = " ".join(item.title.split()).rstrip(".")
                words = Words(
                    text=f"We talked about {lower_first(title)}.",
                    origin=WordsFrom(
                        kind=RowKind.AGENDA_ITEM, record_id=item.id or 0, written=False,
                        raw=item.title,
                    ),
                )  # fmt: skip
            picture, decorative = pictures.row_picture(RowKind.AGENDA_ITEM, item.id, TOPICS)
            entries.append(
                Entry(
                    rows=(Row(picture=picture, decorative=decorative, words=(words,)),),
                    rank=-1,
                    chosen=True,
                    topic=item.id,
                    when=None,
                )
            )
        return Section(
            heading="What we talked about",
            entries=tuple(entries),
            counted=Counted(
                picture=pictures.fixed(MORE),
                many="We talked about {n} other things too.",
                one="We talked about 1 other thing too.",
            ),
        )

    def _actions(
        self, actions: Sequence[Action], people: ConsentNames, pictures: _Pictures
    ) -> Section:
        ordered = sorted(actions, key=lambda a: (a.due_on is None, a.due_on or date.max, a.id or 0))
        entries = []
        for action in ordered:
            picture, decorative = pictures.row_picture(RowKind.ACTION, action.id, ACTION)
            who = people.in_job(action.owner_id) if action.owner_id is not None else None
            if action.owner_id is not None and not who:
                who = "A group member"
            if action.status is ActionStatus.DONE:
                when = "This is done now."
            elif who and action.due_on:
                when = f"{who} will do this by {date_in_words(action.due_on)}."
            elif who:
                when = f"{who} will do this."
            elif action.due_on:
                when = f"We will do this by {date_in_words(action.due_on)}."
            else:
                when = "We will tell you when this is done."
            easy = action.easy_read.strip()
            words = Words(
                text=easy or action.text,
                origin=WordsFrom(
                    kind=RowKind.ACTION, record_id=action.id or 0, written=bool(easy),
                    raw=action.text,
                ),
            )  # fmt: skip
            entries.append(
                Entry(
                    rows=(
                        Row(
                            picture=picture,
                            decorative=decorative,
                            words=(
                                words,
                                Words(
                                    text=when,
                                    name_decided=True,
                                    fallback=(
                                        f"We will do this by {date_in_words(action.due_on)}."
                                        if action.due_on
                                        else "We will tell you when this is done."
                                    ),
                                ),
                            ),
                        ),
                    ),
                    rank=1,
                    chosen=True,
                    when=datetime.combine(action.due_on, time.min) if action.due_on else None,
                )
            )
        return Section(
            heading="What happens next",
            entries=tuple(entries),
            counted=Counted(
                picture=pictures.fixed(MORE),
                many="We agreed {n} other jobs too.",
                one="We agreed 1 other job too.",
                then="Ask us about them.",
            ),
        )

    def _next_meeting(
        self, meeting: Meeting, following: Meeting | None, pictures: _Pictures
    ) -> Section:
        picture = pictures.fixed(NEXT_MEETING)
        if following is None:
            lines = (Words(text="We will tell you the date of our next meeting soon."),)
        elif following.starts_at <= self.now():
            return Section(heading="Next meeting")  # it has happened: nothing to tell
        else:
            where = where_words(following.place, following.online_link, same_as=meeting.place)
            lines = (
                Words(
                    text="Our next meeting is on "
                    f"{when_in_words(following.starts_at, following.ends_at)}."
                ),
                where.next,
            )
        return Section(heading="Next meeting", rows=(Row(picture=picture, words=lines),))

    @staticmethod
    def _earlier_answers(
        unit: UnitOfWork, meeting: Meeting
    ) -> tuple[list[tuple[Contribution, Response]], dict[int | None, Meeting], int]:
        """Answers to what the group said at earlier sessions, not yet fed back: told at this
        one (with the day each was said). The newest of them and those chosen for their
        session's summary are read (a handout prints a few), and the rest only counted."""
        pairs, total = unit.responses.answers_not_fed_back(
            meeting.group_id,
            meeting.starts_at,
            kinds=[kind.value for kind in ANSWERABLE_KINDS],
            waiting=[s.value for s in ResponseStatus if not s.is_answer],
            newest=EARLIER_ANSWERS_READ,
        )
        meetings = {m.id: m for m in unit.meetings.get_many({c.meeting_id for c, _ in pairs})}
        return pairs, meetings, total - len(pairs)

    # --- entries ---------------------------------------------------------------------------

    def _said_row(
        self,
        contribution: Contribution,
        lead: str,
        pictures: _Pictures,
        extra: Iterable[Words] = (),
    ) -> Row:
        easy = contribution.easy_read.strip()
        fallback = {ContributionKind.PRAISE: THANKS, ContributionKind.DECISION: DECISION}.get(
            contribution.kind, TOLD_US
        )
        picture, decorative = pictures.row_picture(RowKind.CONTRIBUTION, contribution.id, fallback)
        return Row(
            picture=picture,
            decorative=decorative,
            lead=lead,
            words=(
                Words(
                    text=easy or contribution.text,
                    origin=WordsFrom(
                        kind=RowKind.CONTRIBUTION,
                        record_id=contribution.id or 0,
                        written=bool(easy),
                        raw=contribution.text,
                    ),
                ),
                *extra,
            ),
        )

    def _answer_row(
        self, contribution: Contribution, response: Response, pictures: _Pictures
    ) -> Row | None:
        """What we did, with why: ``None`` for praise and decisions (they need no answer)."""
        if contribution.kind not in ANSWERABLE_KINDS:
            return None
        status = response.status
        lead = ANSWER_LEAD[status]
        if contribution.kind is ContributionKind.QUESTION and status.is_answer:
            lead = QUESTION_ANSWER_LEAD
        easy = response.easy_read.strip()
        origin_raw = response.reason if status is ResponseStatus.NOT_TAKEN_FORWARD else ""
        raw = (origin_raw or response.text).strip()
        words: list[Words] = []
        origin = WordsFrom(
            kind=RowKind.RESPONSE, record_id=response.id or 0, written=bool(easy),
            raw="\n".join(filter(None, (response.text, response.reason, response.referred_to))),
        )  # fmt: skip
        if easy:
            words.append(Words(text=easy, origin=origin))
        elif raw and _same_words(raw, lead):
            words.append(Words(text=ANSWER_WITHOUT_WORDS.get(status, raw), origin=origin))
        elif status is ResponseStatus.OUTSIDE_SCOPE:
            whom = " ".join(response.referred_to.split())
            words.append(
                Words(
                    text=PASSED_TO.format(whom=whom) if whom else PASSED_TO_SOMEONE,
                    fallback=PASSED_TO_SOMEONE,
                )
            )
        elif raw:
            words.append(Words(text=raw, origin=origin))
        elif status in ANSWER_WITHOUT_WORDS:
            words.append(Words(text=ANSWER_WITHOUT_WORDS[status]))
        else:
            # An answer must say what happened and why: without words it cannot be printed.
            words.append(Words(text=ANSWER_LEAD[status] + " ...", origin=origin))
        picture, decorative = pictures.row_picture(
            RowKind.RESPONSE, response.id, STATUS_CONCEPT[status], decorative_fallback=False
        )
        return Row(picture=picture, decorative=decorative, lead=lead, words=tuple(words))

    def _said_entry(
        self,
        contribution: Contribution,
        response: Response | None,
        people: ConsentNames,
        pictures: _Pictures,
        *,
        chosen: bool | None = None,
    ) -> Entry:
        extra: list[Words] = []
        if contribution.kind is ContributionKind.PRAISE:
            extra.append(Words(text=THANKS_REPLY))
        said = self._said_row(
            contribution, _said_lead(people.attributed(contribution), contribution.kind),
            pictures, extra,
        )  # fmt: skip
        rows = [said]
        if response is not None and response.status is not ResponseStatus.NOT_ANSWERED:
            answer = self._answer_row(contribution, response, pictures)
            if answer is not None:
                rows.append(answer)
        return Entry(
            rows=tuple(rows),
            rank=_rank(contribution, response),
            when=contribution.captured_at,
            topic=contribution.agenda_item_id,
            chosen=contribution.in_summary if chosen is None else chosen,
            answered=_answered(response) or contribution.kind not in ANSWERABLE_KINDS,
        )

    def _earlier_entry(
        self,
        contribution: Contribution,
        response: Response,
        people: ConsentNames,
        pictures: _Pictures,
        meetings: Mapping[int | None, Meeting],
    ) -> Entry:
        meeting = meetings.get(contribution.meeting_id)
        extra = (
            [Words(text=SAID_ON.format(day=date_in_words(meeting.starts_at.date())))]
            if meeting
            else []
        )
        said = self._said_row(
            contribution, _said_lead(people.attributed(contribution), contribution.kind),
            pictures, extra,
        )  # fmt: skip
        answer = self._answer_row(contribution, response, pictures)
        return Entry(
            rows=(said, answer) if answer else (said,),
            rank=_rank(contribution, response),
            when=contribution.captured_at or (meeting.starts_at if meeting else None),
            topic=contribution.agenda_item_id,
            chosen=contribution.in_summary,
            answered=True,
        )

    # --- "You said, we did" ----------------------------------------------------------------

    def you_said_we_did(
        self,
        *,
        document_id: int | None = None,
        group_id: int | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> EasyReadDocument:
        """What was said about a document (or by a group) between two dates and what we did,
        in easy read: what we changed, what already happens, what we cannot do and why,
        what we passed on, what we are still thinking about."""
        check_report_choice(document_id, group_id, date_from, date_to)
        with self._store.reading() as unit:
            found, meetings, subject = said_about(
                unit, document_id=document_id, group_id=group_id,
                date_from=date_from, date_to=date_to, until=self.today(),
            )  # fmt: skip
            if document_id is not None:
                fallback = KIND_IN_WORDS[unit.documents.get(document_id).kind]
            else:
                kind = unit.groups.get(group_id or 0).kind
                fallback = kind.label
            responses = unit.responses.for_contributions([c.id for c in found if c.id])
            people = ConsentNames(
                unit,
                involved_people(unit, list(meetings.values())) + [c.speaker_id for c in found],
                phrases=known_phrases(unit, list(meetings.values())),
            )
            titles = document_titles(unit, found) if group_id is not None else {}
            contact = contact_details(unit)

        pictures = _Pictures(self, self._glossary())
        pictures.contributions(found)
        pictures.responses(list(responses.values()))
        pictures.need(YOU_SAID_WE_DID, MORE, HARD_WORDS, CONTACT_US, ANOTHER_FORMAT)
        pictures.resolve()
        by_status: dict[ResponseStatus, list[Entry]] = {status: [] for status in SECTION_OF}
        topics: dict[str, int] = {}
        for contribution in found:
            response = responses.get(contribution.id or 0) or Response(
                contribution_id=contribution.id or 0
            )
            meeting = meetings.get(contribution.meeting_id)
            extra = []
            if meeting:
                extra.append(
                    Words(text=SAID_ON.format(day=date_in_words(meeting.starts_at.date())))
                )
            title = titles.get(contribution.id or 0, "")
            if title:
                extra.append(Words(text=ABOUT_DOCUMENT.format(title=title), optional=True))
            said = self._said_row(
                contribution, _said_lead(people.attributed(contribution), contribution.kind),
                pictures, extra,
            )  # fmt: skip
            answer = self._answer_row(contribution, response, pictures)
            by_status[response.status].append(
                Entry(
                    rows=(said, answer) if answer else (said,),
                    rank=_rank(contribution, response),
                    when=contribution.captured_at or (meeting.starts_at if meeting else None),
                    topic=topics.setdefault(title, len(topics)) if title else None,
                    answered=response.status.is_answer,
                )
            )
        sections = [
            Section(
                heading=heading,
                entries=tuple(by_status[status]),
                counted=Counted(
                    picture=pictures.fixed(MORE), many=many, one=one, then="Ask us about them."
                ),
            )
            for status, (heading, many, one) in SECTION_OF.items()
        ]
        if not found:
            sections.insert(
                0,
                Section(
                    heading="What you said and what we did",
                    rows=(
                        row(
                            pictures.fixed(YOU_SAID_WE_DID),
                            "We have nothing to tell you about yet.",
                        ),
                    ),
                ),
            )
        lines = [Words(text=subject, fallback=fallback)]
        period = period_in_words(date_from, date_to)
        if period:
            lines.append(Words(text=period))
        return people.scrubbed(
            EasyReadDocument(
                title="You said, we did",
                subject=" ".join(filter(None, (subject, period))),
                cover=Cover(
                    title="You said, we did",
                    lines=tuple(lines),
                    picture=pictures.fixed(YOU_SAID_WE_DID),
                    note="This tells you what you said and what we did about it.",
                ),
                sections=tuple(sections),
                budget=REPORT_PAGES,
                **pictures.contact_and_glossary(contact),
            )
        )

    # --- a person's own pack -------------------------------------------------------------

    def person_pack(self, person_id: int) -> EasyReadDocument:
        """Everything ``person_id`` said (named or anonymous: it is theirs either way) and what
        happened to it, newest and answered first. Their own name is printed; nobody else's."""
        with self._store.reading() as unit:
            person = unit.people.get(person_id)
            found = list(unit.contributions.list(speaker_id=person_id).items)
            meetings = {m.id: m for m in unit.meetings.get_many({c.meeting_id for c in found})}
            responses = unit.responses.for_contributions([c.id for c in found if c.id])
            contact = contact_details(unit)
            others = ConsentNames(
                unit,
                involved_people(unit, list(meetings.values())),
                keep={person_id},
                phrases=known_phrases(unit, list(meetings.values())),
            )
        pictures = _Pictures(self, self._glossary())
        pictures.contributions(found)
        pictures.responses(list(responses.values()))
        pictures.need(YOUR_IDEAS, MORE, HARD_WORDS, CONTACT_US, ANOTHER_FORMAT)
        pictures.resolve()
        found.sort(key=lambda c: (meetings[c.meeting_id].starts_at, c.captured_at or datetime.min))
        entries = []
        for contribution in found:
            response = responses.get(contribution.id or 0)
            meeting = meetings.get(contribution.meeting_id)
            extra = []
            if contribution.kind is ContributionKind.PRAISE:
                extra.append(Words(text=THANKS_PASSED))
            if meeting:
                extra.append(
                    Words(text=YOU_SAID_ON.format(day=date_in_words(meeting.starts_at.date())))
                )
            said = self._said_row(contribution, _you_lead(contribution.kind), pictures, extra)
            rows = [said]
            answer = self._answer_row(
                contribution, response or Response(contribution_id=contribution.id or 0), pictures
            )
            if answer is not None:
                rows.append(answer)
            entries.append(
                Entry(
                    rows=tuple(rows),
                    rank=_rank(contribution, response),
                    when=contribution.captured_at or (meeting.starts_at if meeting else None),
                    topic=contribution.agenda_item_id,
                    answered=_answered(response) or contribution.kind not in ANSWERABLE_KINDS,
                )
            )
        count = len(found)
        intro = (
            (f"You gave us {count} {'idea' if count == 1 else 'ideas'}.", "Thank you.")
            if count
            else (
                "We do not have any of your ideas written down yet.",
                "Tell us your ideas at a meeting.",
                "Then they will be in your next pack.",
            )
        )
        name = " ".join(person.display_name.split())
        return others.scrubbed(
            EasyReadDocument(
                title="Your ideas and what happened to them",
                subject=name,
                cover=Cover(
                    title="Your ideas and what happened to them",
                    lines=(
                        Words(text=f"For {name}", fallback="For you"),
                        Words(text=date_in_words(self.today())),
                    ),
                    picture=pictures.fixed(YOUR_IDEAS),
                    note="This pack tells you about the ideas you gave us.",
                ),
                sections=(
                    Section(
                        heading="Your ideas",
                        rows=(row(pictures.fixed(YOUR_IDEAS), *intro),),
                        entries=tuple(entries),
                        counted=Counted(
                            picture=pictures.fixed(MORE),
                            many="You gave us {n} other ideas too.",
                            one="You gave us 1 other idea too.",
                            then="Ask us what happened to them.",
                        ),
                    ),
                ),
                budget=PACK_PAGES,
                **pictures.contact_and_glossary(contact),
            )
        )

    # --- shared ----------------------------------------------------------------------------

    def _glossary(self) -> list[GlossaryTerm]:
        # The facilitator's glossary (seeded with the standard terms on first use).
        return GlossaryService(self._store, self._today).terms()


KIND_IN_WORDS = {
    DocumentKind.STRATEGY: "About one of our plans",
    DocumentKind.POLICY: "About one of our rules",
    DocumentKind.PRACTICE_STANDARD: "About how our staff work",
    DocumentKind.SERVICE_DESIGN: "About a new service",
    DocumentKind.PROJECT: "About one of our projects",
}
"""What a report's cover says a document is when its title is not easy read."""

SECTION_OF: dict[ResponseStatus, tuple[str, str, str]] = {
    ResponseStatus.CHANGED_DOCUMENT: (
        "What we changed",
        "We changed {n} other things too.",
        "We changed 1 other thing too.",
    ),
    ResponseStatus.ALREADY_HAPPENING: (
        "What already happens",
        "{n} other things you asked for already happen.",
        "1 other thing you asked for already happens.",
    ),
    ResponseStatus.NOT_TAKEN_FORWARD: (
        "What we cannot do now, and why",
        "There are {n} other things we cannot do now.",
        "There is 1 other thing we cannot do now.",
    ),
    ResponseStatus.OUTSIDE_SCOPE: (
        "What we passed on",
        "We passed on {n} other things too.",
        "We passed on 1 other thing too.",
    ),
    ResponseStatus.UNDER_CONSIDERATION: (
        "What we are still thinking about",
        "We are thinking about {n} other things too.",
        "We are thinking about 1 other thing too.",
    ),
    ResponseStatus.NOT_ANSWERED: (
        "What we have not answered yet",
        "We have not answered {n} other things yet.",
        "We have not answered 1 other thing yet.",
    ),
}
"""The sections of an easy-read "You said, we did", by what happened: heading, and how the
entries left out are counted."""


def period_in_words(start: date | None, end: date | None) -> str:
    """``From 1 January 2026 to 31 March 2026``, or "" for all time."""
    if start and end:
        return f"From {date_in_words(start)} to {date_in_words(end)}"
    if start:
        return f"From {date_in_words(start)}"
    if end:
        return f"Up to {date_in_words(end)}"
    return ""


def _same_words(one: str, other: str) -> bool:
    def plain(text: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())

    return plain(one) == plain(other)


def _answered(response: Response | None) -> bool:
    return response is not None and response.status.is_answer


class _Pictures:
    """The picture for every row of one handout, looked up in as few queries as possible:
    first say which rows and fixed concepts are needed, then ``resolve`` once.

    A row gets the concept the facilitator chose for it; else the concept its words mean
    (``PictureService.suggest_concept``); else the picture of its part of the document, which
    then only repeats what the part is about and is marked decorative. An answer's picture
    says what happened (a tick, a cross, a change), not what its words mention."""

    def __init__(self, service: Service, glossary: list[GlossaryTerm]) -> None:
        self._service = PictureService(service._store, service._today)
        self._glossary = glossary
        self._general = self._service.suggest_concept("")
        self._wanted: dict[RowKind, list[tuple[int, str]]] = {}
        self._rows: dict[tuple[RowKind, int], str | None] = {}
        self._choices: dict[str, PictureChoice] = {}
        self._fixed: set[str] = {
            *STATUS_CONCEPT.values(), GENERAL, TOLD_US, THANKS, DECISION, ACTION, MORE,
            HARD_WORDS, CONTACT_US, ANOTHER_FORMAT, NEXT_STEPS,
        }  # fmt: skip
        self._term_concepts: dict[str, str] = {}
        self._status: dict[int, ResponseStatus] = {}

    def rows(self, kind: RowKind, rows: Iterable[tuple[int | None, str]]) -> None:
        for record_id, text in rows:
            if record_id is not None:
                self._wanted.setdefault(kind, []).append((record_id, text))

    def contributions(self, contributions: Iterable[Contribution]) -> None:
        self.rows(RowKind.CONTRIBUTION, [(c.id, c.easy_read or c.text) for c in contributions])

    def responses(self, responses: Iterable[Response]) -> None:
        # An answer's picture is chosen by the facilitator or by what happened, never by the
        # words of its reason ("We could not make this change" is a no, not a change).
        for response in responses:
            if response.id is not None:
                self._wanted.setdefault(RowKind.RESPONSE, []).append((response.id, ""))
                self._status[response.id] = response.status

    def need(self, *concepts: str) -> None:
        self._fixed.update(concepts)

    def resolve(self) -> None:
        suggested: dict[str, str] = {}  # the same words often come back (a group's refrain)
        for kind, rows in self._wanted.items():
            chosen = self._service.rows_concepts(kind, [record_id for record_id, _ in rows])
            for record_id, text in rows:
                concept = chosen.get(record_id)
                if concept is None and text.strip():
                    if text not in suggested:
                        suggested[text] = self._service.suggest_concept(text)
                    concept = None if suggested[text] == self._general else suggested[text]
                self._rows[(kind, record_id)] = concept
        self._term_concepts = {
            term.term: self._service.suggest_concept(f"{term.term} {term.plain}")
            for term in self._glossary
        }
        concepts = {
            *(c for c in self._rows.values() if c),
            *self._fixed,
            *self._term_concepts.values(),
        }
        self._choices = self._service.for_concepts(sorted(concepts))

    def fixed(self, concept: str) -> PictureChoice:
        return self._choices[concept]

    def row_picture(
        self,
        kind: RowKind,
        record_id: int | None,
        fallback: str,
        *,
        decorative_fallback: bool = True,
    ) -> tuple[PictureChoice, bool]:
        """The row's picture, and whether it is only decorative (the fallback)."""
        concept = self._rows.get((kind, record_id or 0)) if record_id is not None else None
        if concept:
            return self._choices[concept], False
        return self._choices[fallback], decorative_fallback

    def of(self, kind: RowKind, record_id: int | None, fallback: str) -> PictureChoice:
        return self.row_picture(kind, record_id, fallback)[0]

    def credits(self) -> str:
        return PictureService.credits(self._choices.values())

    def contact_and_glossary(self, contact: Contact) -> dict[str, Any]:
        """What every handout ends with: its hard words, the contact page and the pictures'
        credits (keyword arguments of ``EasyReadDocument``)."""
        return {
            "glossary": self.hard_words(),
            "hard_words_picture": self.fixed(HARD_WORDS),
            "contact": contact,
            "contact_picture": self.fixed(CONTACT_US),
            "format_picture": self.fixed(ANOTHER_FORMAT),
            "credits": self.credits(),
        }

    def hard_words(self) -> tuple[HardWord, ...]:
        return tuple(
            HardWord(term=term, picture=self._choices[self._term_concepts[term.term]])
            for term in self._glossary
        )


__all__ = [
    "Contact",
    "HandoutService",
    "people_count",
    "period_in_words",
    "where_words",
]
