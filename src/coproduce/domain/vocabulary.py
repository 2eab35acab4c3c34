"""The words of the product: every controlled vocabulary as an enum with display text.

Each member's value is a short stable code (stored in the database, written to exports);
``label`` is what a facilitator reads. Codes never change once released: rename the label,
not the code. Ladder rungs carry their number, band, description and an easy-read sentence.
"""

from __future__ import annotations

from enum import Enum, IntEnum


class Vocabulary(str, Enum):
    """A string enum whose members carry a display label: ``Member = ("code", "Label")``."""

    label: str

    def __new__(cls, code: str, label: str) -> Vocabulary:
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        return member

    def __str__(self) -> str:
        return self.value

    @classmethod
    def from_code(cls, code: str) -> Vocabulary:
        """The member for a stored code; ValueError names the vocabulary when unknown."""
        try:
            return cls(code)
        except ValueError:
            raise ValueError(f"{code!r} is not a known {cls.__name__} code") from None


# --- the ladder of co-production ---------------------------------------------------------


class LadderBand(Vocabulary):
    DOING_TO = ("doing_to", "Doing to")
    DOING_FOR = ("doing_for", "Doing for")
    DOING_WITH = ("doing_with", "Doing with")


class LadderRung(IntEnum):
    """The 7 rungs, bottom (1, coercion) to top (7, co-production)."""

    label: str
    band: LadderBand
    description: str
    easy_read: str

    def __new__(
        cls, number: int, label: str, band: LadderBand, description: str, easy_read: str
    ) -> LadderRung:
        member = int.__new__(cls, number)
        member._value_ = number
        member.label = label
        member.band = band
        member.description = description
        member.easy_read = easy_read
        return member

    COERCION = (
        1,
        "Coercion",
        LadderBand.DOING_TO,
        "People attend only to be told what has already been decided; they have no say.",
        "You came to the meeting. But you could not change anything.",
    )
    EDUCATING = (
        2,
        "Educating",
        LadderBand.DOING_TO,
        "People are helped to understand a service or plan so that they accept it.",
        "We told you about our plans. We helped you understand them.",
    )
    INFORMING = (
        3,
        "Informing",
        LadderBand.DOING_FOR,
        "People are told what is happening and why, but cannot change it.",
        "We told you what we are doing and why.",
    )
    CONSULTATION = (
        4,
        "Consultation",
        LadderBand.DOING_FOR,
        "People are asked for their views, but others decide what to do with them.",
        "We asked what you think. We made the choices.",
    )
    ENGAGEMENT = (
        5,
        "Engagement",
        LadderBand.DOING_FOR,
        "People have more chance to express views and may influence some decisions.",
        "You told us your ideas. Some of your ideas changed our plans.",
    )
    CO_DESIGN = (
        6,
        "Co-design",
        LadderBand.DOING_WITH,
        "People help design the work from the start, but others deliver and decide at the end.",
        "You helped us plan the work from the start.",
    )
    CO_PRODUCTION = (
        7,
        "Co-production",
        LadderBand.DOING_WITH,
        "People share power as equals: they design, decide, deliver and review the work.",
        "We did the work together as equals. You helped decide and you helped do it.",
    )


# --- people ------------------------------------------------------------------------------


class Role(Vocabulary):
    EXPERT_BY_EXPERIENCE = ("expert_by_experience", "Expert by experience")
    UNPAID_CARER = ("unpaid_carer", "Unpaid carer")
    STAFF = ("staff", "Staff member (pioneer)")
    PARTNER = ("partner", "Partner organisation")
    FACILITATOR = ("facilitator", "Facilitator")
    ADVOCATE = ("advocate", "Advocate or supporter")

    @property
    def is_participant(self) -> bool:
        """People whose lived experience the group exists to hear."""
        return self in (Role.EXPERT_BY_EXPERIENCE, Role.UNPAID_CARER)


class PaymentPreference(Vocabulary):
    NOT_SET = ("not_set", "Not asked yet")
    BANK_TRANSFER = ("bank_transfer", "Bank transfer")
    VOUCHER = ("voucher", "Shopping voucher")
    CHEQUE = ("cheque", "Cheque")
    DECLINES_PAYMENT = ("declines", "Does not want payment")
    NOT_ELIGIBLE = ("not_eligible", "Not eligible (staff or partner)")


# Accessible Information Standard: the four groups, plus meeting access.


class ContactMethod(Vocabulary):
    LETTER = ("letter", "Letter")
    EMAIL = ("email", "Email")
    TEXT_ONLY = ("text_only", "Text message only")
    PHONE = ("phone", "Phone call")
    NO_PHONE_CALLS = ("no_phone_calls", "No phone calls")
    VIA_CARER = ("via_carer", "Through a carer or supporter")
    VIDEO_CALL = ("video_call", "Video call")


class InformationFormat(Vocabulary):
    STANDARD_PRINT = ("standard_print", "Reads standard print")
    EASY_READ = ("easy_read", "Easy read")
    LARGE_PRINT = ("large_print", "Large print")
    BRAILLE = ("braille", "Braille")
    AUDIO = ("audio", "Audio")
    BSL_VIDEO = ("bsl_video", "BSL video")
    ELECTRONIC = ("electronic", "Electronic format (screen reader)")


class CommunicationSupport(Vocabulary):
    LONGER_TIME = ("longer_time", "Longer time to talk")
    ADVOCATE = ("advocate", "Advocate or supporter")
    HEARING_LOOP = ("hearing_loop", "Hearing loop")
    LIP_READING = ("lip_reading", "Lip reading")
    COMMUNICATION_AID = ("communication_aid", "Communication aid")
    ONE_SPEAKER_AT_A_TIME = ("one_speaker", "One person speaking at a time")


class CommunicationProfessional(Vocabulary):
    BSL_INTERPRETER = ("bsl_interpreter", "BSL interpreter")
    DEAFBLIND_INTERPRETER = ("deafblind_interpreter", "Deafblind interpreter")
    LIPSPEAKER = ("lipspeaker", "Lipspeaker")
    NOTETAKER = ("notetaker", "Notetaker")
    SPEECH_TO_TEXT = ("speech_to_text", "Speech-to-text reporter")


class MeetingAccessNeed(Vocabulary):
    STEP_FREE = ("step_free", "Step-free access")
    QUIET_ROOM = ("quiet_room", "Quiet room")
    DIETARY = ("dietary", "Dietary needs")
    SUPPORT_WORKER = ("support_worker", "Brings a support worker")
    ACCESSIBLE_TOILET = ("accessible_toilet", "Accessible toilet")
    TRANSPORT = ("transport", "Transport to the meeting")
    REGULAR_BREAKS = ("regular_breaks", "Regular breaks")


# --- consent -----------------------------------------------------------------------------


class ConsentPurpose(Vocabulary):
    TAKING_PART = ("taking_part", "Taking part and being contacted")
    STORING_NEEDS = ("storing_needs", "Storing access needs")
    SHARING_NEEDS = ("sharing_needs", "Sharing needs with partners")
    QUOTED_BY_NAME = ("quoted_by_name", "Being quoted by name")
    QUOTED_ANONYMOUSLY = ("quoted_anonymously", "Being quoted anonymously")
    PHOTOGRAPHS = ("photographs", "Photographs")
    RECORDING = ("recording", "Audio or video recording")


class ConsentState(Vocabulary):
    GIVEN = ("given", "Given")
    REFUSED = ("refused", "Refused")
    WITHDRAWN = ("withdrawn", "Withdrawn")


class ConsentMethod(Vocabulary):
    WRITTEN_FORM = ("written_form", "Signed form")
    EASY_READ_FORM = ("easy_read_form", "Easy-read form")
    VERBAL = ("verbal", "Said so in person")
    PHONE = ("phone", "Said so on the phone")
    EMAIL = ("email", "Email")
    VIA_ADVOCATE = ("via_advocate", "Through an advocate or carer")


# --- groups and sessions -----------------------------------------------------------------


class GroupKind(Vocabulary):
    LIVED_EXPERIENCE = ("lived_experience", "Lived-experience reference group")
    CARERS_FORUM = ("carers_forum", "Carers' forum")
    STAFF_ENGAGEMENT = ("staff_engagement", "Staff engagement group")
    BOARD = ("board", "Board")
    TASK_AND_FINISH = ("task_and_finish", "Task and finish group")


class Cadence(Vocabulary):
    """How often a group meets; ``weeks``/``months`` step the next suggested session."""

    weeks: int
    months: int

    WEEKLY = ("weekly", "Every week")
    FORTNIGHTLY = ("fortnightly", "Every 2 weeks")
    MONTHLY = ("monthly", "Every month")
    EVERY_TWO_MONTHS = ("two_monthly", "Every 2 months")
    QUARTERLY = ("quarterly", "Every 3 months")
    TWICE_A_YEAR = ("six_monthly", "Every 6 months")
    AS_NEEDED = ("as_needed", "When needed")


_CADENCE_STEPS = {
    Cadence.WEEKLY: (1, 0),
    Cadence.FORTNIGHTLY: (2, 0),
    Cadence.MONTHLY: (0, 1),
    Cadence.EVERY_TWO_MONTHS: (0, 2),
    Cadence.QUARTERLY: (0, 3),
    Cadence.TWICE_A_YEAR: (0, 6),
    Cadence.AS_NEEDED: (0, 0),
}
for _cadence, (_weeks, _months) in _CADENCE_STEPS.items():
    _cadence.weeks = _weeks
    _cadence.months = _months


class MeetingStatus(Vocabulary):
    PLANNED = ("planned", "Planned")
    HELD = ("held", "Held")
    WRITTEN_UP = ("written_up", "Written up")
    SUMMARY_SHARED = ("summary_shared", "Summary shared")
    CANCELLED = ("cancelled", "Cancelled")


class AttendanceStatus(Vocabulary):
    EXPECTED = ("expected", "Expected")
    PRESENT = ("present", "Present")
    APOLOGIES = ("apologies", "Apologies")
    ABSENT = ("absent", "Absent")

    @property
    def was_there(self) -> bool:
        return self is AttendanceStatus.PRESENT


class ContributionKind(Vocabulary):
    IDEA = ("idea", "Idea")
    CONCERN = ("concern", "Concern")
    QUESTION = ("question", "Question")
    EXPERIENCE = ("experience", "Experience")
    PRAISE = ("praise", "Praise")
    DECISION = ("decision", "Decision")

    @property
    def expects_answer(self) -> bool:
        """Whether the group is owed a "we did" for it: ideas, concerns, questions and
        experiences are; praise and the group's own decisions are not."""
        return self not in (ContributionKind.PRAISE, ContributionKind.DECISION)


ANSWERABLE_KINDS = frozenset(kind for kind in ContributionKind if kind.expects_answer)
"""The kinds of contribution that expect an answer: what loop closure and the "You said, we
did" reports count."""


class Attribution(Vocabulary):
    """Who a contribution is recorded against. PERSON needs a speaker."""

    PERSON = ("person", "A named person")
    ANONYMOUS = ("anonymous", "Anonymous")
    WHOLE_GROUP = ("whole_group", "The whole group")


class MakingItRealTheme(Vocabulary):
    """Think Local Act Personal's Making it Real: the six themes."""

    WELLBEING_AND_INDEPENDENCE = ("wellbeing", "Wellbeing and independence")
    INFORMATION_AND_ADVICE = ("information", "Information and advice")
    ACTIVE_AND_SUPPORTIVE_COMMUNITIES = (
        "communities",
        "Active and supportive communities",
    )
    FLEXIBLE_AND_INTEGRATED_CARE = (
        "flexible_care",
        "Flexible and integrated care and support",
    )
    WORKFORCE = ("workforce", "Workforce")
    WHEN_THINGS_NEED_TO_CHANGE = ("change", "When things need to change")


class CqcQualityStatement(Vocabulary):
    """The CQC local authority assessment quality statements (nine, in four themes)."""

    theme: str

    ASSESSING_NEEDS = ("assessing_needs", "Assessing needs")
    SUPPORTING_HEALTHIER_LIVES = (
        "healthier_lives",
        "Supporting people to live healthier lives",
    )
    EQUITY_IN_EXPERIENCE = ("equity", "Equity in experience and outcomes")
    CARE_PROVISION = ("care_provision", "Care provision, integration and continuity")
    PARTNERSHIPS = ("partnerships", "Partnerships and communities")
    SAFE_SYSTEMS = ("safe_systems", "Safe pathways, systems and transitions")
    SAFEGUARDING = ("safeguarding", "Safeguarding")
    GOVERNANCE = ("governance", "Governance, management and sustainability")
    LEARNING_IMPROVEMENT = ("learning", "Learning, improvement and innovation")


for _statement, _theme in {
    CqcQualityStatement.ASSESSING_NEEDS: "Working with people",
    CqcQualityStatement.SUPPORTING_HEALTHIER_LIVES: "Working with people",
    CqcQualityStatement.EQUITY_IN_EXPERIENCE: "Working with people",
    CqcQualityStatement.CARE_PROVISION: "Providing support",
    CqcQualityStatement.PARTNERSHIPS: "Providing support",
    CqcQualityStatement.SAFE_SYSTEMS: "Ensuring safety",
    CqcQualityStatement.SAFEGUARDING: "Ensuring safety",
    CqcQualityStatement.GOVERNANCE: "Leadership",
    CqcQualityStatement.LEARNING_IMPROVEMENT: "Leadership",
}.items():
    _statement.theme = _theme


# --- documents, links and responses ------------------------------------------------------


class DocumentKind(Vocabulary):
    STRATEGY = ("strategy", "Strategy")
    POLICY = ("policy", "Policy")
    PRACTICE_STANDARD = ("practice_standard", "Practice standard")
    SERVICE_DESIGN = ("service_design", "Service design")
    PROJECT = ("project", "Project")


class DocumentStatus(Vocabulary):
    IN_DEVELOPMENT = ("in_development", "In development")
    CONSULTATION = ("consultation", "Out for consultation")
    APPROVED = ("approved", "Approved")
    IN_REVIEW = ("in_review", "Being reviewed")
    ARCHIVED = ("archived", "Archived")


class LinkRelation(Vocabulary):
    INFLUENCED = ("influenced", "Influenced")
    QUOTED = ("quoted", "Quoted")
    CONSIDERED = ("considered", "Considered")
    REFERRED_ELSEWHERE = ("referred_elsewhere", "Referred elsewhere")


class ResponseStatus(Vocabulary):
    NOT_ANSWERED = ("not_answered", "Not answered yet")
    UNDER_CONSIDERATION = ("under_consideration", "Under consideration")
    CHANGED_DOCUMENT = ("changed_document", "Changed the document")
    ALREADY_HAPPENING = ("already_happening", "Already happening")
    NOT_TAKEN_FORWARD = ("not_taken_forward", "Not taken forward")
    OUTSIDE_SCOPE = ("outside_scope", "Outside our scope")

    @property
    def is_answer(self) -> bool:
        """True when the group has been given an outcome, not just 'we are thinking'."""
        return self not in (
            ResponseStatus.NOT_ANSWERED,
            ResponseStatus.UNDER_CONSIDERATION,
        )


class FeedbackMethod(Vocabulary):
    AT_SESSION = ("at_session", "Told the group at a session")
    EASY_READ_SUMMARY = ("easy_read_summary", "Easy-read summary")
    LETTER = ("letter", "Letter")
    EMAIL = ("email", "Email")
    PHONE = ("phone", "Phone call")
    NEWSLETTER = ("newsletter", "Newsletter")


# --- actions, involvement and payments ---------------------------------------------------


class ActionStatus(Vocabulary):
    OPEN = ("open", "Open")
    IN_PROGRESS = ("in_progress", "In progress")
    DONE = ("done", "Done")
    DROPPED = ("dropped", "Dropped")

    @property
    def is_open(self) -> bool:
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ActivityKind(Vocabulary):
    INTERVIEW_PANEL = ("interview_panel", "Interview panel")
    CO_DELIVERED_TRAINING = ("co_delivered_training", "Co-delivered training")
    STAFF_INDUCTION = ("staff_induction", "Staff induction")
    AUDIT = ("audit", "Audit or quality check")
    WORKSHOP = ("workshop", "Workshop")


class PaymentMethod(Vocabulary):
    BANK_TRANSFER = ("bank_transfer", "Bank transfer")
    VOUCHER = ("voucher", "Shopping voucher")
    CHEQUE = ("cheque", "Cheque")
    CASH = ("cash", "Cash")


class AuditAction(Vocabulary):
    CREATED = ("created", "Created")
    UPDATED = ("updated", "Updated")
    ARCHIVED = ("archived", "Archived")
    DELETED = ("deleted", "Deleted")
    EXPORTED = ("exported", "Exported")
    """Personal data written to a file (a document, a table); the event's ``details`` say
    what kind, which records and how many rows, never what they say."""


class ExportKind(Vocabulary):
    """What an export wrote, as the audit trail names it."""

    EASY_READ_SUMMARY = ("easy_read_summary", "Easy-read summary")
    MINUTES = ("minutes", "Minutes")
    YOU_SAID_WE_DID = ("you_said_we_did", "You said, we did")
    YOU_SAID_WE_DID_EASY_READ = ("you_said_we_did_easy_read", "You said, we did (easy read)")
    PERSON_PACK = ("person_pack", "Your ideas and what happened to them")
    EVIDENCE_PACK = ("evidence_pack", "Evidence pack")
    TABLES = ("tables", "Tables")
    LIST = ("list", "List")


class PictureSource(Vocabulary):
    """Where a picture for an easy-read row comes from, and what its ``reference`` is."""

    OPENMOJI = ("openmoji", "Colour picture from OpenMoji")
    """A vendored OpenMoji picture (CC BY-SA 4.0): its code ('1F4B7') or a combined picture's
    name ('booking'), a file in resources/pictures/openmoji/."""
    ICON = ("icon", "Picture from the library")
    """A monochrome qtawesome icon: its name ('fa5s.bus')."""
    FILE = ("file", "Your own picture file")
    """The user's own picture file: its path (a copy in the data folder)."""


class RowKind(Vocabulary):
    """The records an easy-read row can stand for, each of which can carry a picture."""

    SESSION = ("session", "Session")
    AGENDA_ITEM = ("agenda_item", "Agenda item")
    CONTRIBUTION = ("contribution", "Contribution")
    RESPONSE = ("response", "Response")
    ACTION = ("action", "Action")
