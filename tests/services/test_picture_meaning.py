"""Pictures chosen by what a row means, not by a keyword in it.

Each case is a sentence from adult social care in which a word misleads (a train in "train
staff", a book in "book respite", a wheelchair beside "learning disabilities"), the concept it
must get and, where a wrong picture is the risk, the concepts it must not get. A comment says
why when the choice needs deciding. The rules are data (``senses`` in
resources/pictures/concepts.json); these cases are what keeps them honest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from coproduce.domain.vocabulary import RowKind
from coproduce.paths import resources_dir
from coproduce.services import Services
from coproduce.services.pictures import curated_concept, curated_concepts


@dataclass(frozen=True)
class Case:
    text: str
    means: str
    never: tuple[str, ...] = ()
    kind: RowKind | None = None

    def __str__(self) -> str:
        return f"{self.text} (in a {self.kind.label.lower()})" if self.kind else self.text


CASES = [
    # --- the cases of issue 10 -------------------------------------------------------------
    Case("Train staff to use easy read", "training", ("train",)),
    Case("We will train all care workers in autism awareness", "training", ("train",)),
    Case("The council trains new volunteers every spring", "training", ("train", "council")),
    Case("Book respite before the summer holidays", "booking", ("read", "library")),
    Case("Please book a place on the course", "booking", ("read", "place")),
    Case("Book an appointment with the dentist", "booking", ("read",)),
    Case(
        "People with learning disabilities want more say",
        "learning disability",
        ("disability", "wheelchair", "learning", "people"),
    ),
    Case("Healthwatch is not run by the council", "independent", ("council",)),
    Case("The advocacy service is not part of the council", "independent", ("council",)),
    Case("Not run by the council", "independent", ("council",)),
    Case("We could not make this change", "no", ("change", "changed"), RowKind.RESPONSE),
    # An answer that says "we could not" is a no even when nobody says it is an answer.
    Case("We could not make this change", "no", ("change", "changed")),
    Case("We could not do this.", "no", (), RowKind.RESPONSE),
    # Cannot decide + passed on: the answer is that someone else decides, not a plain no.
    Case("We cannot decide this. We passed it on to the people who can.", "passed on", ("no",)),
    Case("We have passed your idea to the NHS", "passed on", ("idea", "health")),
    Case("We have not answered this yet. We will tell you when we have.", "waiting", ("no",)),
    Case(
        "We are still thinking about this. We will tell you what we decide.",
        "thinking",
        ("decision",),
    ),
    Case("We changed the document because of what you said.", "changed", ("change", "document")),
    Case("This is already happening.", "already happening"),
    Case("Thank you for all your ideas today", "thank you", ("idea", "more ideas")),
    Case("The group decided to meet every two months", "decision", ("meeting",)),
    Case("Other ideas you told us about", "more ideas", ("idea",)),
    Case("We will meet on Zoom next time", "online meeting", ("meeting", "video call")),
    Case("The meeting will be by phone", "phone meeting", ("meeting", "phone")),
    # --- adult social care: words with another sense ------------------------------------------
    # The complaint is about the form (too long); "bus pass" only says which form. A bus or
    # a ticket beside it would tell the reader the row is about travel.
    Case("The bus pass form is too long", "form", ("bus", "ticket")),
    # A lift to the meeting is a ride in a car; a lift at the day centre is the machine.
    Case("Can someone give me a lift to the meeting?", "car", ("lift",)),
    Case("The lift at the day centre is broken again", "lift", ("car",)),
    # What went up is the bill: the care home is only whose fees they are.
    Case("My care home fees went up", "bill", ("care home",)),
    # Council tax is a bill, not the council.
    Case("Council tax bills are hard to understand", "bill", ("council",)),
    Case("Is this the right bus for the hospital?", "bus", ("rights",)),
    Case("You have the right to an independent advocate", "rights", ("independent",)),
    Case("Take your tablets with food", "medicine", ("computer",)),
    Case("Please take my views into account", "feedback", ("bank",)),
    Case("It is hard to cross the road to the bus stop", "walk", ("angry",)),
    Case("I was cross when the taxi did not come", "angry", ("no",)),
    # The minutes are the notes of the meeting, not minutes on a clock.
    Case("The minutes of the last meeting were wrong", "document", ("time",)),
    Case("Who is in charge of the day centre?", "manager", ("bill",)),
    Case("Housing benefit stopped without a letter", "benefits", ("home",)),
    # Paying for care is the person's money; "payment" is what the council pays people
    # for taking part, which this is not.
    Case("Paying for care is worrying", "money", ("payment", "carer")),
    # The fare is the money the council pays back; the bus is how the person travels.
    Case("We will pay your bus fare", "payment", ("bus",)),
    Case("Direct payments help me live my life my way", "direct payments", ("home",)),
    Case("I live on my own and feel lonely", "lonely", ("home",)),
    Case("The key safe code was changed", "key", ("important",)),
    Case("Key points from the meeting", "important", ("key",)),
    Case("My key worker helps me with shopping", "care worker", ("key",)),
    Case("We need a new post for a carers lead", "work", ("letter",)),
    Case("The post comes too late to read", "letter", ("work",)),
    Case("Sign up for the cooking class", "booking", ("sign language",)),
    Case("Please sign the consent form", "consent", ("sign language", "form")),
    Case("BSL interpreters at every meeting", "sign language", ("meeting",)),
    Case("A Changing Places toilet in the town centre", "toilet", ("change", "changed")),
    Case("Meals on wheels stopped coming", "food", ("wheelchair", "stop")),
    Case("Care Act assessment for carers", "assessment", ("law", "carer")),
    Case("My annual review is next month", "review", ("calendar", "assessment")),
    Case(
        "The financial assessment says I must pay more",
        "financial assessment",
        ("assessment", "payment"),
    ),
    Case("A carers assessment looks at your needs", "assessment", ("carer",)),
    Case("Do not park in the disabled bays", "car", ("park",)),
    Case("We did not take this idea forward", "no", ("idea",)),
    Case("Staff training on safeguarding", "training", ("train", "safe")),
    Case("I want an easy read book about my rights", "read", ("booking",)),
    Case("The train to the city was late", "train", ("training",)),
    Case("Carers need a break", "carer"),
    # A contribution that says "could not" is about what the person could not do; the same
    # words as the council's answer are a no.
    Case("The team could not find a date", "calendar", ("no",), RowKind.CONTRIBUTION),
    Case("The team could not find a date", "no", ("calendar",), RowKind.RESPONSE),
    Case("I could not get a GP appointment for three weeks", "doctor", ("no",)),
    Case(
        "The hospital sets the times people leave. The council cannot decide them.",
        "passed on",
        ("council", "no"),
        RowKind.RESPONSE,
    ),
    Case("When things go wrong", "problem", ("no",)),
    # The fixed answers the "You said, we did" documents print for each response status.
    Case(
        "We have not answered this yet. We will tell you when we have.",
        "waiting",
        ("no",),
        RowKind.RESPONSE,
    ),
    Case("We changed the document because of what you said.", "changed", (), RowKind.RESPONSE),
    # "against" here is "compared with", not disagreeing: found printing the example council.
    Case(
        "We agreed to check the new leaflets against the easy read rules.",
        "read",
        ("disagree",),
    ),
    Case("Most people voted against the new times.", "disagree", ()),
    # "heard about" a plan is about the plan, not about ears (an agenda said in the past).
    Case("We heard about changes to the plan about care at home.", "plan", ("listen",)),
    Case("Please listen to us.", "listen", ()),
    Case(
        "We cannot decide this. We passed it on to the people who can.",
        "passed on",
        ("no",),
        RowKind.RESPONSE,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_rows_picture_follows_what_it_means(services: Services, case: Case) -> None:
    chosen = services.pictures.suggest_concept(case.text, kind=case.kind)

    assert chosen == case.means
    assert chosen not in case.never


def test_the_cases_name_concepts_the_library_has() -> None:
    # A misspelt concept here would make a case pass for the wrong reason.
    for case in CASES:
        for concept in (case.means, *case.never):
            assert curated_concept(concept) is not None, (case.text, concept)
    assert len(CASES) >= 40


REPORT_CONCEPTS = [
    # The fixed sections of the easy-read documents.
    "meeting",
    "about this meeting",
    "who came",
    "what we talked about",
    "what you told us",
    "what happens next",
    "next meeting",
    "hard words",
    "contact us",
    "another format",
    "information",
    "idea",
    "feedback",
    # Where and how a session is held.
    "online meeting",
    "phone meeting",
    "place",
    # What happened to what was said.
    "changed",
    "already happening",
    "no",
    "passed on",
    "thinking",
    "waiting",
    "thank you",
    "decision",
    "more ideas",
    "action",
    "question",
    "answer",
    # Words that used to get the wrong picture.
    "training",
    "booking",
    "learning disability",
    "independent",
    "assessment",
    "review",
    "financial assessment",
]


@pytest.mark.parametrize("concept", REPORT_CONCEPTS)
def test_the_concepts_documents_ask_for_by_name_exist_with_alt_text(
    services: Services, concept: str
) -> None:
    choice = services.pictures.for_concept(concept)

    assert curated_concept(concept) is not None
    assert choice.concept == concept and choice.alt_text and choice.reference


def test_related_ideas_get_different_pictures() -> None:
    groups = [
        ("assessment", "review", "financial assessment"),
        ("yes", "already happening", "done", "decision"),
        ("no", "disagree", "stop"),
        ("meeting", "online meeting", "phone meeting", "next meeting", "about this meeting"),
        ("thinking", "waiting", "time", "deadline"),
        ("idea", "more ideas"),
        ("learning disability", "disability", "wheelchair"),
        ("independent", "council"),
        ("money", "payment", "direct payments", "benefits", "bank", "bill"),
        ("carer", "care worker", "friends"),
        ("changed", "change", "document", "form"),
        ("booking", "appointment", "calendar"),
    ]
    pictures = {c.concept: (c.source, c.reference) for c in curated_concepts()}
    for group in groups:
        shown = [pictures[concept] for concept in group]
        assert len(set(shown)) == len(shown), group


def test_every_sense_says_why_it_exists() -> None:
    # The rules are data that people will edit: each carries its reason and an example.
    data = json.loads((resources_dir() / "pictures" / "concepts.json").read_text("utf-8"))
    for sense in data["senses"]:
        assert len(sense["why"]) > 20 and "'" in sense["why"], sense["pattern"]
