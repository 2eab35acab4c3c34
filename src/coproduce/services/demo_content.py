"""The words of the demo data: a made-up council, its groups, topics, people's names and phrases.

Everything here is written for Coproduce (no downloaded data, no lorem ipsum) so that a
facilitator opening the demo recognises their own work: carers' assessments, direct payments,
day centres, hospital discharge, charging letters and the rest of English adult social care.
The council, its places and organisations are invented ("Hartmoor"); email addresses use the
reserved ``.example`` domains and phone numbers the ranges Ofcom keeps for drama, so no demo
record can reach a real person.

The topics (what people say about carers' assessments, direct payments and the rest, and what
the council says back) are data: one JSON file a topic in ``resources/demo/topics/``, read once
by ``load_topics``. The rest is short enough to stay here.

``services.demo`` combines these pieces with a seeded random generator; nothing here is random.
``Issue.changed`` starts "Section {section}", filled in with the section the change is in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coproduce.domain.vocabulary import (
    Cadence,
    CommunicationProfessional,
    CommunicationSupport,
    ContactMethod,
    CqcQualityStatement,
    DocumentKind,
    GroupKind,
    InformationFormat,
    MakingItRealTheme,
    MeetingAccessNeed,
)
from coproduce.paths import resources_dir

COUNCIL = "Hartmoor Council"
AREA = "Hartmoor"
LOCALITIES = ("Northfield", "Riverside", "Eastbrook", "Westmoor")
STAFF_EMAIL_DOMAIN = "hartmoor-council.example"
PERSONAL_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")

# The person and team the easy-read handouts' "Contact us" page names (the setting
# "documents.contact", as ``services.reports.contact_details`` reads it).
CONTACT = {
    "name": "Rosie Pennington",
    "organisation": "Hartmoor Council, Co-production and Engagement Team",
    "phone": "01632 960418",
    "email": "involvement@hartmoor-council.example",
    "address": "Town Hall, 1 Market Street, Hartmoor",
    "other": "You can send a text to 07700 900418.",
}


# --- topics: what the groups talk about ------------------------------------------------------
#
# The words of each topic live in resources/demo/topics/<key>.json (data, not Python literals);
# the classes below say what a topic file holds and ``TOPICS`` reads them all once.

TOPICS_FOLDER = "demo/topics"


@dataclass(frozen=True, slots=True)
class Issue:
    """One thing people raise about a topic, in each of the ways they raise it, and what the
    council can say back, each with its easy-read words.

    ``section`` is the heading of the topic's sections the issue belongs under: documents of a
    topic always have that section, so "you said, we did" points at it. The raw texts are what
    a facilitator types; ``easy_<kind>`` says the same for an easy-read handout, no more."""

    section: str
    idea: str
    easy_idea: str
    concern: str
    easy_concern: str
    question: str
    easy_question: str
    experience: str
    easy_experience: str
    changed: str
    easy_changed: str
    happening: str
    easy_happening: str

    def easy(self, kind: str) -> str:
        """The easy-read words for ``kind`` (idea, concern, question, experience, changed or
        happening)."""
        return str(getattr(self, f"easy_{kind}"))


@dataclass(frozen=True, slots=True)
class Wording:
    """A text as a facilitator or officer writes it, and the same in easy-read words."""

    text: str
    easy: str


@dataclass(frozen=True, slots=True)
class Referral:
    """Who a point outside adult social care's scope is passed to, and how easy read says so
    ("We passed it to the local NHS.")."""

    name: str
    easy: str


@dataclass(frozen=True, slots=True)
class TopicDocument:
    title: str
    kind: DocumentKind
    summary: str


@dataclass(frozen=True, slots=True)
class Topic:
    """``easy`` names the topic in a few easy words ("help for carers") for agenda items and
    summaries; ``reason`` is why a point about the issues numbered ``reason_for`` (from 0) may
    not be taken forward."""

    key: str
    name: str
    easy: str
    owner: str
    themes: tuple[MakingItRealTheme, ...]
    quality_statements: tuple[CqcQualityStatement, ...]
    documents: tuple[TopicDocument, ...]
    sections: tuple[str, ...]
    issues: tuple[Issue, ...]
    decisions: tuple[Wording, ...]
    praise: tuple[Wording, ...]
    actions: tuple[Wording, ...]
    referrals: tuple[Referral, ...]
    reason: Wording
    reason_for: tuple[int, ...]


def _topic(data: dict[str, Any]) -> Topic:
    return Topic(
        key=data["key"],
        name=data["name"],
        easy=data["easy"],
        owner=data["owner"],
        themes=tuple(MakingItRealTheme(code) for code in data["themes"]),
        quality_statements=tuple(CqcQualityStatement(code) for code in data["quality_statements"]),
        documents=tuple(
            TopicDocument(d["title"], DocumentKind(d["kind"]), d["summary"])
            for d in data["documents"]
        ),
        sections=tuple(data["sections"]),
        issues=tuple(Issue(**issue) for issue in data["issues"]),
        decisions=tuple(Wording(**d) for d in data["decisions"]),
        praise=tuple(Wording(**p) for p in data["praise"]),
        actions=tuple(Wording(**a) for a in data["actions"]),
        referrals=tuple(Referral(**r) for r in data["referrals"]),
        reason=Wording(data["reason"]["text"], data["reason"]["easy"]),
        reason_for=tuple(data["reason"]["issues"]),
    )


def load_topics(folder: Path | None = None) -> dict[str, Topic]:
    """Every topic file of ``folder`` (default: the one in ``resources/``), by key."""
    folder = folder or resources_dir() / TOPICS_FOLDER
    topics = [
        _topic(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.json"))
    ]
    return {topic.key: topic for topic in topics}


TOPICS: dict[str, Topic] = load_topics()


# --- groups ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupPlan:
    name: str
    kind: GroupKind
    cadence: Cadence
    purpose: str
    topics: tuple[str, ...]
    venue: str
    weekday: int
    """0 = Monday."""
    start: tuple[int, int]
    minutes: int
    pays_participants: bool = False
    online: bool = False


_G = GroupKind
_C = Cadence

# The first three are the small demo; all twenty the large one. The cadences of the large
# set give exactly 1,000 sessions over two years (3 slow groups 24, 5 weekly 520,
# 6 fortnightly 312, 6 monthly 144).
GROUPS: tuple[GroupPlan, ...] = (
    GroupPlan(
        "Lived Experience Reference Group",
        _G.LIVED_EXPERIENCE,
        _C.EVERY_TWO_MONTHS,
        "People who use adult social care shape the council's strategies and policies, and "
        "check what changed because of what they said.",
        (
            "assessment",
            "direct_payments",
            "day_opportunities",
            "charging",
            "information",
            "home_care",
        ),
        "Hartmoor Town Hall, Committee Room 2",
        1,
        (10, 0),
        180,
        pays_participants=True,
    ),
    GroupPlan(
        "Carers' Forum",
        _G.CARERS_FORUM,
        _C.QUARTERLY,
        "Unpaid carers tell the council what helps and what gets in the way, and help write "
        "the carers' strategy.",
        ("carers", "short_breaks", "hospital_discharge", "transport", "charging"),
        "Hartmoor Carers' Centre, 14 Market Street",
        3,
        (10, 30),
        120,
    ),
    GroupPlan(
        "Staff Engagement Group (EQLs)",
        _G.STAFF_ENGAGEMENT,
        _C.TWICE_A_YEAR,
        "Frontline staff who champion co-production (the 'pioneers') share what they see and "
        "test new ways of working.",
        ("workforce", "reablement", "safeguarding", "technology", "assessment"),
        "Online",
        2,
        (14, 0),
        90,
        online=True,
    ),
    GroupPlan(
        "Carers' Café Drop-in",
        _G.CARERS_FORUM,
        _C.WEEKLY,
        "A weekly drop-in where carers meet, get advice and give their views on services.",
        ("carers", "short_breaks", "information", "technology"),
        "The Bridge Community Centre, Mill Lane",
        0,
        (13, 30),
        120,
    ),
    GroupPlan(
        "Direct Payments Peer Support Group",
        _G.LIVED_EXPERIENCE,
        _C.WEEKLY,
        "People who employ personal assistants support each other and improve the direct "
        "payments process.",
        ("direct_payments", "charging", "information"),
        "Hartmoor Independent Living Centre",
        2,
        (11, 0),
        90,
    ),
    GroupPlan(
        "Day Opportunities Co-design Group",
        _G.TASK_AND_FINISH,
        _C.WEEKLY,
        "People who go to day services, families and staff design the new day opportunities "
        "offer together.",
        ("day_opportunities", "transport", "learning_disability"),
        "Riverside Day Centre",
        3,
        (10, 0),
        120,
        pays_participants=True,
    ),
    GroupPlan(
        "Hospital Discharge Improvement Group",
        _G.TASK_AND_FINISH,
        _C.WEEKLY,
        "Patients, carers, ward staff and social workers fix the problems people meet when "
        "they leave hospital.",
        ("hospital_discharge", "reablement", "home_care"),
        "Hartmoor General Hospital, Education Centre",
        4,
        (12, 30),
        90,
    ),
    GroupPlan(
        "Deaf Community Forum",
        _G.LIVED_EXPERIENCE,
        _C.WEEKLY,
        "Deaf BSL users and people with hearing loss advise on access to information and services.",
        ("information", "technology", "safeguarding", "assessment"),
        "Hartmoor Deaf Centre, Station Road",
        1,
        (18, 0),
        90,
    ),
    GroupPlan(
        "Mental Health Lived Experience Panel",
        _G.LIVED_EXPERIENCE,
        _C.FORTNIGHTLY,
        "People with lived experience of mental ill health shape community mental health support.",
        ("mental_health", "housing", "workforce"),
        "Hartmoor Recovery College",
        2,
        (13, 0),
        120,
    ),
    GroupPlan(
        "Older People's Forum",
        _G.LIVED_EXPERIENCE,
        _C.FORTNIGHTLY,
        "Older residents give their views on care at home, technology and housing.",
        ("home_care", "technology", "hospital_discharge", "housing"),
        "Northfield Library, Meeting Room",
        1,
        (10, 30),
        120,
    ),
    GroupPlan(
        "Autism Voices Group",
        _G.LIVED_EXPERIENCE,
        _C.FORTNIGHTLY,
        "Autistic adults help the council make services and information work for them.",
        ("learning_disability", "transitions", "information"),
        "Online",
        3,
        (17, 30),
        75,
        online=True,
    ),
    GroupPlan(
        "Charging Letters Task and Finish Group",
        _G.TASK_AND_FINISH,
        _C.FORTNIGHTLY,
        "Rewriting the charging letters and financial assessment forms with the people who "
        "receive them.",
        ("charging", "information"),
        "Hartmoor Town Hall, Committee Room 4",
        0,
        (10, 0),
        120,
        pays_participants=True,
    ),
    GroupPlan(
        "Young Adult Carers Group",
        _G.CARERS_FORUM,
        _C.FORTNIGHTLY,
        "Carers aged 18 to 25 say what would make caring, study and work fit together.",
        ("carers", "transitions", "workforce"),
        "Hartmoor College, Student Hub",
        4,
        (16, 0),
        90,
    ),
    GroupPlan(
        "Home Care Quality Panel",
        _G.LIVED_EXPERIENCE,
        _C.FORTNIGHTLY,
        "People who receive home care and their families check quality and help choose providers.",
        ("home_care", "safeguarding", "workforce"),
        "Eastbrook Community Hub",
        2,
        (10, 0),
        120,
    ),
    GroupPlan(
        "Learning Disability Partnership Board",
        _G.BOARD,
        _C.MONTHLY,
        "People with a learning disability, family carers and partners agree priorities and "
        "check progress.",
        ("learning_disability", "day_opportunities", "transport", "housing"),
        "Hartmoor Town Hall, Council Chamber",
        1,
        (10, 0),
        150,
        pays_participants=True,
    ),
    GroupPlan(
        "Making it Real Board",
        _G.BOARD,
        _C.MONTHLY,
        "Holds adult social care to account against the Making it Real statements.",
        ("assessment", "workforce", "information", "safeguarding"),
        "Hartmoor Town Hall, Committee Room 1",
        3,
        (14, 0),
        120,
        pays_participants=True,
    ),
    GroupPlan(
        "Safeguarding Adults Board Community Reference Group",
        _G.BOARD,
        _C.MONTHLY,
        "Residents advise the Safeguarding Adults Board on how safeguarding feels to the "
        "people it protects.",
        ("safeguarding", "mental_health"),
        "Westmoor Police Station, Community Room",
        2,
        (14, 0),
        90,
    ),
    GroupPlan(
        "Physical Disability and Sensory Impairment Forum",
        _G.LIVED_EXPERIENCE,
        _C.MONTHLY,
        "Disabled residents advise on housing, equipment, transport and technology.",
        ("housing", "technology", "transport", "direct_payments"),
        "Hartmoor Independent Living Centre",
        4,
        (10, 30),
        120,
    ),
    GroupPlan(
        "Dementia Carers' Network",
        _G.CARERS_FORUM,
        _C.MONTHLY,
        "Family carers of people living with dementia share experience and shape services.",
        ("carers", "short_breaks", "home_care", "hospital_discharge"),
        "Riverside Memory Café",
        0,
        (14, 0),
        90,
    ),
    GroupPlan(
        "Transitions Parent Carer Forum",
        _G.CARERS_FORUM,
        _C.MONTHLY,
        "Parents of young people turning 18 improve the move from children's to adults' services.",
        ("transitions", "learning_disability", "short_breaks"),
        "Brookfield Special School, Parents' Room",
        3,
        (9, 30),
        90,
    ),
)

ONLINE_LINK = "https://meet.hartmoor-council.example/{slug}"


# --- people ----------------------------------------------------------------------------------

# fmt: off
FIRST_NAMES = (
    # English, Scottish, Welsh, Irish
    "Margaret", "David", "Susan", "Peter", "Janet", "Gary", "Karen", "Stephen", "Linda",
    "Keith", "Pauline", "Trevor", "Sharon", "Dean", "Kelly", "Liam", "Chloe", "Jade", "Ryan",
    "Amy", "Callum", "Hannah", "Tom", "Ellie", "Barbara", "Derek", "Maureen", "Graham", "Joan",
    "Colin", "Sheila", "Roy", "Brenda", "Lauren", "Jack", "Sophie", "Nathan", "Gemma", "Craig",
    "Tracey", "Paul", "Julie", "Mark", "Claire", "Alan", "Wendy", "Fiona", "Alasdair", "Morag",
    "Hamish", "Isla", "Euan", "Rhys", "Cerys", "Dafydd", "Bethan", "Gareth", "Siân", "Siobhan",
    "Declan", "Niamh", "Ciarán", "Aoife", "Patrick", "Bridget",
    # South Asian heritage
    "Priya", "Rajesh", "Anjali", "Sanjay", "Harpreet", "Gurpreet", "Mohammed", "Aisha", "Imran",
    "Nadia", "Tariq", "Farah", "Bilal", "Shabana", "Arjun", "Sunita", "Ravi", "Kamal",
    "Nasreen", "Zainab", "Yusuf", "Amir", "Rukhsana", "Deepak", "Meena", "Jaswinder",
    # Caribbean and African heritage
    "Marcia", "Delroy", "Winston", "Claudette", "Errol", "Beverley", "Chidi", "Ngozi", "Kwame",
    "Abena", "Tunde", "Folake", "Amara", "Kofi", "Blessing", "Precious", "Hodan", "Abdi",
    "Fadumo", "Yaw",
    # European and East Asian heritage
    "Agnieszka", "Tomasz", "Katarzyna", "Piotr", "Marek", "Ewa", "Andreas", "Eleni", "Giovanni",
    "Lucia", "Elif", "Mehmet", "Mei", "Wei", "Jun", "Thanh", "Lina", "Dragan",
)
# fmt: on

# fmt: off
SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
    "Jackson", "Clarke", "Hughes", "Morgan", "Griffiths", "Price", "Llewellyn", "O'Brien",
    "Murphy", "Kelly", "Byrne", "McLaughlin", "Doherty", "Macdonald", "Fraser", "Stewart",
    "Hamilton", "Barker", "Marsh", "Fletcher", "Holt", "Pearson", "Dixon", "Lambert", "Hart",
    "Booth", "Atkinson", "Whitehead", "Shaw", "Lloyd", "Harrison", "Bennett", "Francis",
    "Thomas", "Lewis", "Campbell", "Grant", "Patel", "Khan", "Begum", "Ahmed", "Hussain", "Ali",
    "Shah", "Singh", "Kaur", "Sharma", "Chaudhry", "Mistry", "Rahman", "Islam", "Miah", "Uddin",
    "Choudhury", "Bibi", "Okafor", "Adeyemi", "Mensah", "Boateng", "Osei", "Asante", "Nwosu",
    "Okonkwo", "Abdi", "Mohamed", "Warsame", "Kowalski", "Nowak", "Zielinski", "Chen", "Wong",
    "Li", "Nguyen", "Yilmaz", "Demir", "Georgiou", "Papadopoulos", "Rossi", "Esposito",
    "Petrović",
)
# fmt: on

# fmt: off
STREETS = (
    "Chapel Street", "Mill Lane", "Station Road", "Victoria Terrace", "Church Walk",
    "Orchard Close", "Park View", "Windsor Road", "Coronation Avenue", "Brook Street",
    "Elm Grove", "Meadow Way", "Castle Hill", "Alma Road", "Highfield Crescent",
)
# fmt: on

STAFF_TEAMS = (
    "Adult Social Care, Locality Team North",
    "Adult Social Care, Locality Team South",
    "Adult Social Care, Reablement",
    "Adult Social Care, Hospital Social Work Team",
    "Adult Social Care, Learning Disability Team",
    "Adult Social Care, Mental Health Social Work",
    "Adult Social Care, Commissioning",
    "Adult Social Care, Safeguarding Hub",
    "Adult Social Care, Occupational Therapy",
    "Adult Social Care, Direct Payments Team",
    "Adult Social Care, Financial Assessments",
    "Adult Social Care, Customer Contact Centre",
)

FACILITATOR_TEAM = "Adult Social Care, Co-production and Engagement"

PARTNER_ORGANISATIONS = (
    "Hartmoor Carers' Centre",
    "Healthwatch Hartmoor",
    "Age Concern Hartmoor",
    "Hartmoor Independent Living Centre",
    "People First Hartmoor",
    "Hartmoor Deaf Centre",
    "NHS Hartmoor Integrated Care Board",
    "Hartmoor General Hospital",
    "Hartmoor Community Transport",
    "Hartmoor Housing Association",
)

ADVOCACY_ORGANISATIONS = ("Hartmoor Advocacy Project", "People First Hartmoor")

DECIDED_BY = (
    "Adult Social Care Leadership Team",
    "Co-production Board",
    "Cabinet Member for Adult Social Care",
    "Commissioning Board",
)


# --- sessions --------------------------------------------------------------------------------

APOLOGY_REASONS = (
    "Hospital appointment.",
    "Unwell.",
    "Caring responsibilities: mum was unwell.",
    "On holiday.",
    "Transport fell through.",
    "Work commitments.",
    "Clashed with my son's annual review.",
    "Feeling too anxious today; will read the notes.",
    "Family funeral.",
    "Respite booking changed at short notice.",
    "Taxi did not arrive.",
    "GP appointment moved to the same morning.",
    "Support worker not available to come with me.",
    "Childcare fell through.",
)

STAFF_APOLOGY_REASONS = (
    "Covering duty for the team.",
    "Annual leave.",
    "Training day.",
    "Safeguarding meeting at the same time.",
    "Off sick.",
)

# Title, minutes and easy-read words. An agenda item's easy words are one sentence "We will
# <verb> ...", with a verb the easy-read summary can put in the past tense (talk about, look
# at, hear about, check, share, plan, decide, agree, choose, ask, tell, find out, vote on,
# welcome, learn about, read, write, think about, meet).
STANDING_ITEMS = {
    "welcome": ("Welcome, introductions and access check", 10, "We will welcome everyone."),
    "actions": ("Actions from last time", 10, "We will check the actions from last time."),
    "aob": (
        "Any other business and date of the next session",
        10,
        "We will talk about anything else and the next meeting.",
    ),
}

# Each document's outline: numbered headings, with "*" where the topic's own sections go
# (numbered under the heading before it).
SECTION_OUTLINES: dict[DocumentKind, tuple[tuple[str, str] | str, ...]] = {
    DocumentKind.STRATEGY: (
        ("1", "Introduction"),
        ("2", "What people told us"),
        ("3", "Our priorities"),
        "*",
        ("4", "How we will know it is working"),
        ("5", "Next steps"),
    ),
    DocumentKind.POLICY: (
        ("1", "Purpose"),
        ("2", "Who this policy is for"),
        ("3", "The policy"),
        "*",
        ("4", "Roles and responsibilities"),
        ("5", "Review"),
    ),
    DocumentKind.PRACTICE_STANDARD: (
        ("1", "Why this standard matters"),
        ("2", "The standard"),
        "*",
        ("3", "Checking practice"),
    ),
    DocumentKind.SERVICE_DESIGN: (
        ("1", "The service today"),
        ("2", "What people want"),
        ("3", "The new model"),
        "*",
        ("4", "Getting from here to there"),
    ),
    DocumentKind.PROJECT: (
        ("1", "Background"),
        ("2", "Aims"),
        ("3", "What we will do"),
        "*",
        ("4", "Timeline"),
        ("5", "How people are involved"),
    ),
}

DOCUMENT_FOLDERS = {
    DocumentKind.STRATEGY: "Strategies",
    DocumentKind.POLICY: "Policies",
    DocumentKind.PRACTICE_STANDARD: "Practice standards",
    DocumentKind.SERVICE_DESIGN: "Service designs",
    DocumentKind.PROJECT: "Projects",
}

# How far a document has got, each time a group has it on the agenda again: the words of the
# agenda item's title, and its easy-read words ({topic} is the topic's ``easy`` name).
DOCUMENT_STAGES = (
    ("first look", "We will look at a new plan about {topic}."),
    ("the draft", "We will read the draft plan about {topic}."),
    ("what has changed since last time", "We will hear about changes to the plan about {topic}."),
    ("you said, we did", "We will hear about what happened to your ideas on {topic}."),
    ("final check before sign-off", "We will check the plan about {topic} one last time."),
    ("how is it working?", "We will find out how the plan about {topic} is working."),
)
OPEN_DISCUSSION = ("open discussion", "We will talk about {topic}.")

CANCELLED_NOTES = (
    "Cancelled: too few people could come because of the rail strike.",
    "Cancelled: the venue flooded; members were told by phone and text.",
    "Cancelled: the facilitator was ill and no cover was available. Rearranged.",
    "Cancelled because of snow; the agenda moves to the next session.",
)

NOTE_OPENERS = (
    "A good turnout and a lively session.",
    "A smaller group today, but a focused discussion.",
    "Two new members joined and introduced themselves.",
    "The session ran over by ten minutes because people had a lot to say.",
    "We started with a short update from the commissioning team.",
)


# --- what happened to contributions ----------------------------------------------------------

OPENERS = {
    "idea": (
        "I have a suggestion. ",
        "Here is an idea. ",
        "Could we try this? ",
        "This worked where I used to live. ",
        "This is a practical one. ",
    ),
    "concern": (
        "I am worried about this. ",
        "I want to raise a concern. ",
        "This keeps coming up. ",
        "I have to be honest. ",
    ),
    "question": (
        "Can I ask something? ",
        "This is a question for the council. ",
        "I have been wondering about this. ",
    ),
    "experience": (
        "Can I share what happened to us? ",
        "I can speak from experience here. ",
        "This is my story. ",
    ),
}

TAILS = {
    "idea": (
        " It would not cost much.",
        " Other councils already do this.",
        " I think a lot of people would agree.",
        " It would save everyone time in the end.",
    ),
    "concern": (
        " I know I am not the only one.",
        " It needs sorting out.",
        " People are giving up because of it.",
        " Several people nodded at this.",
    ),
    "question": (
        " Could someone tell us at the next session?",
        " I would like the answer in writing, please.",
    ),
    "experience": (
        " I wanted the group to know.",
        " I hope it helps the work.",
        " I am happy for this to be shared.",
    ),
}

# Said again later in the same session, by someone else.
ECHO_OPENERS = (
    "I want to add my voice to this. ",
    "To come back to an earlier point. ",
    "This was said earlier, but it matters. ",
    "Same for us. ",
)

WHOLE_GROUP_OPENERS = (
    "Everyone agreed on this. ",
    "The group as a whole felt strongly about this. ",
    "Several members said the same thing. ",
)

NOT_TAKEN_FORWARD_REASONS = (
    Wording(
        "The budget for this year is already agreed; we will raise it when next year's budget "
        "is set.",
        "The money for this year is already planned. We will ask again when next year's money "
        "is agreed.",
    ),
    Wording(
        "This would need a change in the law, which the council cannot make.",
        "This would need a change in the law. The council cannot change the law.",
    ),
    Wording(
        "We looked at this carefully, but it would mean less money for direct support to people.",
        "We looked at this carefully. But it would mean less money for people's support.",
    ),
    Wording(
        "The service is contracted until 2028; we will include this when it is re-tendered.",
        "The contract for this service runs until 2028. We will add this to the next contract.",
    ),
    Wording(
        "Other members preferred a different option, which is the one we took forward.",
        "Other members liked a different idea more. We went with that one.",
    ),
    Wording(
        "We tried this in 2023 and very few people used it.",
        "We tried this in 2023. Very few people used it.",
    ),
)

NOT_TAKEN_FORWARD_TEXTS = (
    "We are not taking this forward at the moment.",
    "We have decided not to do this for now.",
    "We could not make this change.",
)

# Each with two ways of saying it in easy read, so a summary does not repeat one sentence.
UNDER_CONSIDERATION_TEXTS = (
    (
        "{owner} is looking at this and will report back to the group.",
        (
            "The team is looking at this. They will tell the group what they decide.",
            "We are looking at this with the team. We will tell you what we decide.",
        ),
    ),
    (
        "This is being considered as part of the review of the document.",
        (
            "We are thinking about this as we check the plan again.",
            "We will think about this when we look at the plan again.",
        ),
    ),
    (
        "We have asked the team for costs and will bring them to a future session.",
        (
            "We asked the team how much this would cost. We will tell you at a meeting.",
            "We are finding out what this would cost. We will bring the answer to a meeting.",
        ),
    ),
)

OUTSIDE_SCOPE_TEXT = (
    "This is not something adult social care decides. We have passed it to {referred_to}, "
    "who will reply to the group."
)

# What a session of each kind of group is for, as the first words of its easy-read summary
# (which never repeats the date, the place or how many came: the summary prints those itself).
SESSION_PURPOSES = {
    GroupKind.LIVED_EXPERIENCE: "We met to help the council make care and support better.",
    GroupKind.CARERS_FORUM: "We met so carers could tell the council what helps them.",
    GroupKind.STAFF_ENGAGEMENT: "We met so staff could share ideas about working with people.",
    GroupKind.BOARD: "We met to check the council's plans and agree what matters most.",
    GroupKind.TASK_AND_FINISH: "We met to carry on with the changes we are making together.",
}

DROPPED_ACTION_NOTES = (
    "No longer needed: covered by the new policy.",
    "Overtaken by the restructure of the team.",
    "The group agreed to drop this at the next session.",
)


# --- the ladder ------------------------------------------------------------------------------

RUNG_EVIDENCE = {
    2: "Officers presented the plan and answered questions at the {group}.",
    3: "The group was told about the work at the {group} and given the papers afterwards.",
    4: "The draft was shared with the {group} for comments; officers decided the changes.",
    5: "Members of the {group} discussed the draft in detail and several of their ideas "
    "changed it.",
    6: "Members of the {group} worked on the design from the first workshop and wrote parts of it.",
    7: "The {group} and officers wrote, decided and reviewed the work together as equals.",
}

RUNG_RATIONALE = {
    2: "People could not change anything: the decision was made before they saw it.",
    3: "People were told what was happening, but the plan was already fixed.",
    4: "People's views were asked for, but others decided what to do with them.",
    5: "People's ideas changed some decisions, but they were not there from the start.",
    6: "People helped design the work from the start, but others made the final decisions.",
    7: "People shared power from start to finish: they helped decide and deliver it.",
}

DRIFT_RATIONALE = (
    "Timescales were cut, so the group only saw the final draft.",
    "The lead officer changed and the working group stopped meeting.",
    "Budget decisions were taken before the group could be involved.",
    "Consultation replaced co-design when the deadline was brought forward.",
)


# --- involvement outside sessions ------------------------------------------------------------

INTERVIEW_POSTS = (
    "Team Manager, Reablement",
    "Head of Adult Social Work",
    "Social Worker, Learning Disability Team",
    "Carers Lead Commissioner",
    "Occupational Therapist",
    "Director of Adult Social Care",
    "Co-production Officer",
)

TRAINING_TITLES = (
    "Carer awareness for new social workers",
    "Making safeguarding personal",
    "Strengths-based conversations",
    "Easy read in practice",
    "Autism awareness for passenger assistants",
    "Deaf awareness and working with BSL interpreters",
)

AUDITED_SERVICES = (
    "Maple House respite unit",
    "Riverside Day Centre",
    "Brookside Care Home",
    "Hartmoor Home Care, north patch",
    "Sunrise Supported Living",
    "Eastbrook Day Centre",
)

ACTIVITY_NOTES = (
    "Papers sent a week before in easy read.",
    "Travel expenses claimed by two people.",
    "Feedback form completed by everyone.",
    "",
    "",
)


# --- access needs ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NeedsProfile:
    """A believable, consistent set of needs: never contradictory (see check_access_needs)."""

    name: str
    weight: int
    contact: tuple[ContactMethod, ...] = ()
    formats: tuple[InformationFormat, ...] = ()
    support: tuple[CommunicationSupport, ...] = ()
    professionals: tuple[CommunicationProfessional, ...] = ()
    access: tuple[MeetingAccessNeed, ...] = ()
    large_print_sizes: tuple[int, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()
    """(AccessNeeds notes field, text)."""
    not_met: str = ""
    """The attendance note when, one day, these needs were not met."""


_CM = ContactMethod
_IF = InformationFormat
_CS = CommunicationSupport
_CP = CommunicationProfessional
_MA = MeetingAccessNeed

NEEDS_PROFILES: tuple[NeedsProfile, ...] = (
    NeedsProfile(
        "wheelchair user",
        14,
        contact=(_CM.EMAIL, _CM.PHONE),
        formats=(_IF.STANDARD_PRINT,),
        access=(_MA.STEP_FREE, _MA.ACCESSIBLE_TOILET),
        notes=(("meeting_access_notes", "Uses a powered wheelchair; needs space at the table."),),
        not_met="The lift was out of order; we moved to a ground-floor room after 20 minutes.",
    ),
    NeedsProfile(
        "learning disability",
        14,
        contact=(_CM.VIA_CARER, _CM.LETTER),
        formats=(_IF.EASY_READ,),
        support=(_CS.LONGER_TIME, _CS.ADVOCATE),
        access=(_MA.SUPPORT_WORKER, _MA.REGULAR_BREAKS),
        notes=(
            ("communication_support_notes", "Likes questions one at a time and time to think."),
            (
                "contact_notes",
                "Letters go to the supported living scheme; staff read them with her.",
            ),
        ),
        not_met="Easy-read papers were not ready; the facilitator went through them one to one.",
    ),
    NeedsProfile(
        "Deaf BSL user",
        6,
        contact=(_CM.TEXT_ONLY,),
        formats=(_IF.BSL_VIDEO,),
        support=(_CS.ONE_SPEAKER_AT_A_TIME,),
        professionals=(_CP.BSL_INTERPRETER,),
        notes=(
            (
                "communication_professional_notes",
                "Prefers two interpreters for sessions over an hour.",
            ),
        ),
        not_met="The BSL interpreter cancelled on the morning; a replacement came for the "
        "second half.",
    ),
    NeedsProfile(
        "hard of hearing",
        10,
        contact=(_CM.LETTER, _CM.EMAIL),
        formats=(_IF.STANDARD_PRINT,),
        support=(_CS.HEARING_LOOP, _CS.ONE_SPEAKER_AT_A_TIME, _CS.LIP_READING),
        notes=(
            (
                "communication_support_notes",
                "Sit where she can see faces; hearing aid on T setting.",
            ),
        ),
        not_met="The hearing loop in the room was not working.",
    ),
    NeedsProfile(
        "partially sighted",
        9,
        contact=(_CM.PHONE, _CM.LETTER),
        formats=(_IF.LARGE_PRINT,),
        large_print_sizes=(16, 18, 20, 24, 28),
        access=(_MA.STEP_FREE,),
        notes=(("information_notes", "Yellow paper helps; no glossy paper."),),
        not_met="Papers were not sent in large print in time.",
    ),
    NeedsProfile(
        "blind",
        3,
        contact=(_CM.PHONE, _CM.EMAIL),
        formats=(_IF.ELECTRONIC, _IF.AUDIO),
        access=(_MA.STEP_FREE,),
        notes=(("information_notes", "Uses a screen reader: Word documents, not scanned PDFs."),),
        not_met="Papers arrived as a scanned PDF that the screen reader could not read.",
    ),
    NeedsProfile(
        "braille reader",
        2,
        contact=(_CM.PHONE,),
        formats=(_IF.BRAILLE, _IF.ELECTRONIC),
        notes=(("information_notes", "Grade 2 braille for papers; agenda by email as well."),),
        not_met="The braille copy of the papers arrived after the session.",
    ),
    NeedsProfile(
        "autistic",
        10,
        contact=(_CM.EMAIL, _CM.NO_PHONE_CALLS),
        formats=(_IF.STANDARD_PRINT,),
        support=(_CS.LONGER_TIME, _CS.ONE_SPEAKER_AT_A_TIME),
        access=(_MA.QUIET_ROOM, _MA.REGULAR_BREAKS),
        notes=(
            (
                "contact_notes",
                "Please do not phone; email with at least a week's notice of changes.",
            ),
            ("meeting_access_notes", "Likes to know the seating plan and the room in advance."),
        ),
        not_met="The room was changed on the day without notice.",
    ),
    NeedsProfile(
        "anxiety",
        8,
        contact=(_CM.TEXT_ONLY,),
        access=(_MA.QUIET_ROOM, _MA.REGULAR_BREAKS),
        notes=(("meeting_access_notes", "May step out for a few minutes; no need to follow."),),
        not_met="The quiet room was booked by another team.",
    ),
    NeedsProfile(
        "dietary",
        9,
        contact=(_CM.EMAIL,),
        access=(_MA.DIETARY,),
        notes=(("meeting_access_notes", "Coeliac: gluten-free lunch, kept separate."),),
        not_met="Lunch had no gluten-free option labelled.",
    ),
    NeedsProfile(
        "halal diet",
        5,
        contact=(_CM.PHONE,),
        access=(_MA.DIETARY,),
        notes=(("meeting_access_notes", "Halal food, please."),),
        not_met="The caterer did not bring halal food.",
    ),
    NeedsProfile(
        "older person needing transport",
        10,
        contact=(_CM.LETTER, _CM.PHONE),
        formats=(_IF.LARGE_PRINT,),
        large_print_sizes=(16, 18),
        access=(_MA.TRANSPORT, _MA.STEP_FREE, _MA.REGULAR_BREAKS),
        notes=(("meeting_access_notes", "Community transport booked for each session."),),
        not_met="Community transport was 40 minutes late.",
    ),
    NeedsProfile(
        "after a stroke",
        4,
        contact=(_CM.EMAIL, _CM.VIA_CARER),
        support=(_CS.LONGER_TIME, _CS.COMMUNICATION_AID),
        access=(_MA.STEP_FREE,),
        notes=(
            ("communication_support_notes", "Uses a text-to-speech app; give extra time to type."),
        ),
        not_met="The session moved too fast to type answers; follow-up call arranged.",
    ),
    NeedsProfile(
        "deafened adult",
        3,
        contact=(_CM.EMAIL,),
        formats=(_IF.STANDARD_PRINT,),
        professionals=(_CP.SPEECH_TO_TEXT, _CP.NOTETAKER),
        notes=(
            ("communication_professional_notes", "Live captions on screen for online sessions."),
        ),
        not_met="Live captions failed for the first half hour.",
    ),
    NeedsProfile(
        "deafblind",
        1,
        contact=(_CM.VIA_CARER,),
        formats=(_IF.BRAILLE,),
        professionals=(_CP.DEAFBLIND_INTERPRETER,),
        access=(_MA.SUPPORT_WORKER,),
        notes=(
            (
                "communication_professional_notes",
                "Hands-on signing; book the interpreter four weeks ahead.",
            ),
        ),
        not_met="The deafblind interpreter could not be booked in time.",
    ),
    NeedsProfile(
        "video calls",
        4,
        contact=(_CM.VIDEO_CALL, _CM.EMAIL),
        formats=(_IF.ELECTRONIC,),
        notes=(("contact_notes", "Prefers a video call to a phone call."),),
        not_met="The video link dropped twice.",
    ),
)
