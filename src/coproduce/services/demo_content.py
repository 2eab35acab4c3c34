"""The words of the demo data: a made-up council, its groups, topics, people's names and phrases.

Everything here is written for Coproduce (no downloaded data, no lorem ipsum) so that a
facilitator opening the demo recognises their own work: carers' assessments, direct payments,
day centres, hospital discharge, charging letters and the rest of English adult social care.
The council, its places and organisations are invented ("Hartmoor"); email addresses use the
reserved ``.example`` domains and phone numbers the ranges Ofcom keeps for drama, so no demo
record can reach a real person.

``services.demo`` combines these pieces with a seeded random generator; nothing here is random.
``Issue.changed`` starts "Section {section}", filled in with the section the change is in.
"""

from __future__ import annotations

from dataclasses import dataclass

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

COUNCIL = "Hartmoor Council"
AREA = "Hartmoor"
LOCALITIES = ("Northfield", "Riverside", "Eastbrook", "Westmoor")
STAFF_EMAIL_DOMAIN = "hartmoor-council.example"
PERSONAL_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")


# --- topics: what the groups talk about ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Issue:
    """One thing people raise about a topic, in each of the ways they raise it, and what the
    council can say back."""

    idea: str
    concern: str
    question: str
    experience: str
    easy: str
    changed: str
    happening: str


@dataclass(frozen=True, slots=True)
class TopicDocument:
    title: str
    kind: DocumentKind
    summary: str


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    name: str
    easy: str
    owner: str
    themes: tuple[MakingItRealTheme, ...]
    quality_statements: tuple[CqcQualityStatement, ...]
    documents: tuple[TopicDocument, ...]
    sections: tuple[str, ...]
    issues: tuple[Issue, ...]
    decisions: tuple[str, ...]
    praise: tuple[str, ...]
    actions: tuple[str, ...]
    referrals: tuple[str, ...]
    reason: str


_T = MakingItRealTheme
_Q = CqcQualityStatement
_K = DocumentKind

TOPICS: dict[str, Topic] = {
    topic.key: topic
    for topic in (
        Topic(
            key="carers",
            name="Support for unpaid carers",
            easy="help for carers",
            owner="Carers Lead, Commissioning",
            themes=(
                _T.WELLBEING_AND_INDEPENDENCE,
                _T.INFORMATION_AND_ADVICE,
                _T.ACTIVE_AND_SUPPORTIVE_COMMUNITIES,
            ),
            quality_statements=(_Q.ASSESSING_NEEDS, _Q.SUPPORTING_HEALTHIER_LIVES),
            documents=(
                TopicDocument(
                    "Hartmoor Carers' Strategy 2026–2031",
                    _K.STRATEGY,
                    "How the council and NHS partners will recognise and support unpaid "
                    "carers over the next five years.",
                ),
                TopicDocument(
                    "Carer's Assessment Practice Standard",
                    _K.PRACTICE_STANDARD,
                    "What a good carer's assessment looks like, from the first conversation "
                    "to the support plan.",
                ),
                TopicDocument(
                    "Carers' Emergency Card Scheme",
                    _K.SERVICE_DESIGN,
                    "A card and a plan so the person a carer looks after is safe if the "
                    "carer is suddenly taken ill.",
                ),
                TopicDocument(
                    "Carers' Personal Budget Policy",
                    _K.POLICY,
                    "When carers can have a one-off payment or a personal budget, and how much.",
                ),
                TopicDocument(
                    "Young Adult Carers Project",
                    _K.PROJECT,
                    "Support for carers aged 18 to 25 juggling college, work and caring.",
                ),
                TopicDocument(
                    "Working Carers Employer Pledge",
                    _K.PROJECT,
                    "Local employers agreeing flexible leave for staff who care.",
                ),
            ),
            sections=(
                "Finding carers early",
                "Carers' assessments",
                "Breaks from caring",
                "Information and advice for carers",
                "Carers' own health and wellbeing",
                "Young adult carers",
                "Working carers",
                "Planning for emergencies",
            ),
            issues=(
                Issue(
                    idea="Let carers start their own assessment online or on paper, so the "
                    "wait is not wasted.",
                    concern="Carers are waiting months for an assessment, and by the time "
                    "someone rings they are already at breaking point.",
                    question="How long is the average wait for a carer's assessment now, and "
                    "is it getting shorter?",
                    experience="I waited five months for my carer's assessment. When it came, "
                    "the worker apologised because there was nothing left in the budget that "
                    "year.",
                    easy="Carers wait too long for an assessment.",
                    changed="Section {section} now promises a first conversation within 28 "
                    "days, and carers can start the form themselves online or on paper.",
                    happening="A self-assessment form went live in the spring; the carers' "
                    "centre helps people fill it in.",
                ),
                Issue(
                    idea="Every GP surgery should ask 'do you look after someone?' when people "
                    "register, and flag carers on the system.",
                    concern="Most carers do not call themselves carers. Nobody told me I was "
                    "one for six years.",
                    question="Which GP surgeries in Hartmoor have a carers' champion, and how "
                    "would I know?",
                    experience="My GP only found out I was caring for my dad when I broke down "
                    "in an appointment about my back.",
                    easy="Doctors should ask if you look after someone.",
                    changed="Section {section} now commits the council and the Integrated Care "
                    "Board to a carers' champion in every GP practice by 2027.",
                    happening="The carers' centre already trains reception staff in GP "
                    "practices; 19 practices have a carers' champion.",
                ),
                Issue(
                    idea="Give every carer an emergency card with a number to ring, so my son "
                    "is looked after if I collapse.",
                    concern="If I am rushed into hospital, nobody knows that my wife cannot be "
                    "left alone.",
                    question="Who answers the phone on the emergency card at a weekend?",
                    experience="Last winter I had a fall and my neighbour had to sit with my "
                    "husband all night because no one could come out.",
                    easy="Carers want a plan for emergencies.",
                    changed="Section {section} now describes an emergency card with a 24-hour "
                    "number and a short plan the carer writes with the carers' centre.",
                    happening="The emergency card scheme already runs; the team will visit to "
                    "show people how to sign up.",
                ),
                Issue(
                    idea="Offer carers a free health check and a flu jab at the same visit as "
                    "the person they look after.",
                    concern="Carers put their own health last. I have cancelled my own "
                    "hospital appointments three times this year.",
                    question="Is there anything for carers' mental health that does not have a "
                    "six-month waiting list?",
                    experience="After my mum died I was lost. Caring had been my whole life "
                    "for twelve years.",
                    easy="Carers need to look after their own health too.",
                    changed="Section {section} now includes support after caring ends, which "
                    "the group asked for.",
                    happening="The carers' centre runs a group for bereaved carers on the "
                    "first Thursday of each month.",
                ),
            ),
            decisions=(
                "The group agreed to test the new carer's assessment form with five carers "
                "before it goes live.",
                "The group agreed that two members will join the panel choosing the new "
                "carers' centre provider.",
            ),
            praise=(
                "The carers' centre staff were brilliant when my husband was diagnosed. They "
                "rang me back the same day.",
                "Thank you for printing the carers' strategy in large print without being asked.",
            ),
            actions=(
                "Find out the current average wait for a carer's assessment and report back.",
                "Send the draft carers' strategy priorities to members in easy read and large "
                "print.",
                "Ask the Integrated Care Board which GP practices have a carers' champion.",
            ),
            referrals=("NHS Hartmoor Integrated Care Board", "Hartmoor Carers' Centre"),
            reason="The Care Act sets out who is eligible for support; the council cannot "
            "change the eligibility rules locally.",
        ),
        Topic(
            key="direct_payments",
            name="Direct payments",
            easy="direct payments (money to pay for your own support)",
            owner="Direct Payments Team Manager",
            themes=(_T.WELLBEING_AND_INDEPENDENCE, _T.FLEXIBLE_AND_INTEGRATED_CARE),
            quality_statements=(_Q.CARE_PROVISION, _Q.EQUITY_IN_EXPERIENCE),
            documents=(
                TopicDocument(
                    "Direct Payments Policy",
                    _K.POLICY,
                    "How people can take their personal budget as money and use it to "
                    "arrange their own support.",
                ),
                TopicDocument(
                    "Personal Assistant Recruitment Toolkit",
                    _K.PROJECT,
                    "Help for people who employ their own personal assistants: adverts, "
                    "contracts, payroll and cover.",
                ),
                TopicDocument(
                    "Direct Payments Audit Procedure",
                    _K.PRACTICE_STANDARD,
                    "How and when the council checks direct payment accounts, written with "
                    "people who use them.",
                ),
                TopicDocument(
                    "Pre-paid Card Service Design",
                    _K.SERVICE_DESIGN,
                    "Moving direct payments onto pre-paid cards, and what people need for it "
                    "to work.",
                ),
                TopicDocument(
                    "Individual Service Funds Pilot",
                    _K.PROJECT,
                    "Letting a provider hold someone's budget flexibly on their behalf.",
                ),
            ),
            sections=(
                "What a direct payment can be spent on",
                "Employing a personal assistant",
                "Help with managing the money",
                "Checking how the money is spent",
                "Stopping a direct payment",
                "Pre-paid cards",
            ),
            issues=(
                Issue(
                    idea="Set up a register of personal assistants so we are not all "
                    "advertising on Facebook.",
                    concern="The hourly rate in my direct payment is lower than the "
                    "supermarket pays, so my personal assistants keep leaving.",
                    question="Can the direct payment rate go up with the minimum wage every April?",
                    experience="I have had four personal assistants in a year. Each time I "
                    "have to train someone new in my personal care.",
                    easy="It is hard to find personal assistants.",
                    changed="Section {section} now says the direct payment rate is reviewed "
                    "every April when the National Living Wage changes.",
                    happening="A personal assistant register started in January; 63 personal "
                    "assistants have joined so far.",
                ),
                Issue(
                    idea="Audit letters should say clearly what to send, with an example, "
                    "instead of quoting the policy.",
                    concern="The audit letter frightened me. It read as if I had stolen money.",
                    question="Why do I have to keep receipts for seven years when the letter "
                    "says two?",
                    experience="I was asked to pay back £900 because I bought a laptop to "
                    "manage my personal assistants' rota, which my social worker had agreed.",
                    easy="The letters about checking the money are frightening.",
                    changed="Section {section} now includes the audit letter rewritten with the "
                    "group: what to send, a worked example and a named person to ring.",
                    happening="Audits now start with a phone call before any letter is sent.",
                ),
                Issue(
                    idea="Let people use their budget flexibly over the year, so I can save "
                    "hours for when my carer is away.",
                    concern="I was told I could not use my direct payment for a gym pass, even "
                    "though the gym does more for my mental health than a sitting service.",
                    question="Who decides what counts as a reasonable use of a direct payment?",
                    experience="Using my direct payment for a season ticket at the football "
                    "with a personal assistant changed my life. I am out every other Saturday.",
                    easy="People want to choose how to spend their money.",
                    changed="Section {section} now says the test is whether spending meets the "
                    "outcomes in the support plan, not a list of banned items.",
                    happening="Social workers can already agree flexible use with their "
                    "manager; the team will publish examples.",
                ),
                Issue(
                    idea="Offer a free payroll service for the first year, so people can try "
                    "a direct payment without the paperwork.",
                    concern="People with learning disabilities are put off direct payments "
                    "because nobody explains them in easy read.",
                    question="Is there anyone who can help me with my personal assistant's "
                    "pension and holiday pay?",
                    experience="The support service sat with me for two hours and set up my "
                    "payroll. Without them I would have given up.",
                    easy="People need help to manage the money.",
                    changed="Section {section} now includes an easy-read guide to direct "
                    "payments, written with the group.",
                    happening="The direct payments support service already offers payroll and "
                    "help with employer duties, free of charge.",
                ),
            ),
            decisions=(
                "The group agreed to co-write the new audit letter at the next session.",
                "The group agreed to share their own examples of flexible spending, without "
                "names, for the guidance.",
            ),
            praise=(
                "The direct payments team answered my email within a day. That never used to "
                "happen.",
                "The pre-paid card has made things much easier; I can see my balance on my phone.",
            ),
            actions=(
                "Bring the current audit letter and the draft replacement to the next session.",
                "Check whether the direct payment hourly rate will rise in April and tell the "
                "group.",
                "Ask the support service to come and explain payroll and pensions.",
            ),
            referrals=(
                "HM Revenue and Customs (employer helpline)",
                "Hartmoor Independent Living Centre",
            ),
            reason="The direct payment rate is set with the council's budget each February; "
            "it could not change part way through the year.",
        ),
        Topic(
            key="day_opportunities",
            name="Day opportunities",
            easy="things to do in the day",
            owner="Commissioning Manager, Day Opportunities",
            themes=(_T.ACTIVE_AND_SUPPORTIVE_COMMUNITIES, _T.WELLBEING_AND_INDEPENDENCE),
            quality_statements=(_Q.CARE_PROVISION, _Q.PARTNERSHIPS),
            documents=(
                TopicDocument(
                    "Day Opportunities Strategy 2025–2028",
                    _K.STRATEGY,
                    "What people want from their days, and how day centres, community groups "
                    "and work fit together.",
                ),
                TopicDocument(
                    "Day Centre Modernisation Programme",
                    _K.PROJECT,
                    "Changes to the council's four day centres, including Riverside and Eastbrook.",
                ),
                TopicDocument(
                    "Community Day Opportunities Framework",
                    _K.SERVICE_DESIGN,
                    "How smaller community groups can be paid to offer day opportunities.",
                ),
                TopicDocument(
                    "Day Services Quality Standard",
                    _K.PRACTICE_STANDARD,
                    "What a good day at a day service looks like, written with the people "
                    "who go there.",
                ),
            ),
            sections=(
                "What a good day looks like",
                "Day centres",
                "Community groups and clubs",
                "Getting there and back",
                "Meals and activities",
                "Paid and voluntary work",
            ),
            issues=(
                Issue(
                    idea="Keep Riverside Day Centre open and open it to the community in the "
                    "evenings, so it earns its keep.",
                    concern="People are frightened that 'modernisation' means closing the day "
                    "centres. Nobody has said it will not.",
                    question="Is any day centre going to close, yes or no?",
                    experience="My brother has gone to Riverside for 22 years. The staff there "
                    "know him better than anyone except me.",
                    easy="People want the day centres to stay open.",
                    changed="Section {section} now says in plain words that no day centre will "
                    "close without a full consultation with the people who use it.",
                    happening="Eastbrook already hosts a community café on Friday evenings.",
                ),
                Issue(
                    idea="Ask people what they want to do each term, instead of the same bingo "
                    "and craft every week.",
                    concern="Young people with learning disabilities are bored at day centres "
                    "designed for older people.",
                    question="Can people split their week between the day centre and a college "
                    "course?",
                    experience="My daughter started gardening at the allotment project and now "
                    "she talks about it all week.",
                    easy="People want to choose what they do in the day.",
                    changed="Section {section} now asks every service to plan activities with "
                    "the people who attend, each term.",
                    happening="Day centres hold a members' meeting each month where people "
                    "choose the next activities.",
                ),
                Issue(
                    idea="Pay small community groups, like the men's shed and the allotment "
                    "project, to welcome people who need support.",
                    concern="Community groups are being asked to take people with high needs "
                    "without any training or extra staff.",
                    question="How does a small group get on the list to offer day opportunities?",
                    experience="My dad goes to the men's shed on Tuesdays. He fixes bikes and "
                    "nobody treats him like a patient.",
                    easy="Local groups could offer things to do.",
                    changed="Section {section} now includes a small grant and free training "
                    "for community groups, as the group suggested.",
                    happening="The council already funds the men's shed and the allotment "
                    "project through small grants.",
                ),
                Issue(
                    idea="Help people find paid work, not just volunteering. People want a "
                    "wage like everyone else.",
                    concern="People lose benefits when they try paid work, so families are "
                    "scared to let them try.",
                    question="Is there a job coach who understands benefits and learning "
                    "disabilities?",
                    experience="I work three mornings a week at the garden centre. I have my "
                    "own money now.",
                    easy="People want to have a job.",
                    changed="Section {section} now includes a supported employment target and "
                    "a benefits check for everyone who starts work.",
                    happening="The supported employment service already offers job coaches "
                    "and a benefits check.",
                ),
            ),
            decisions=(
                "The group agreed to visit Eastbrook Day Centre together and report back on "
                "the changes.",
                "The group agreed that the quality standard should be written in easy read first.",
            ),
            praise=(
                "The staff at Riverside threw my mum a birthday party. She talked about it for "
                "weeks.",
                "The new timetable at Eastbrook is much better. There is something different "
                "every day.",
            ),
            actions=(
                "Publish a clear statement on whether any day centre will close.",
                "Arrange a visit to Eastbrook Day Centre for group members.",
                "Share the list of community groups funded for day opportunities.",
            ),
            referrals=(
                "Department for Work and Pensions (Disability Employment Adviser)",
                "Hartmoor College",
            ),
            reason="The Westmoor building needs repairs the council cannot afford this year, "
            "so evening opening is not possible there.",
        ),
        Topic(
            key="hospital_discharge",
            name="Leaving hospital",
            easy="leaving hospital",
            owner="Head of Integrated Discharge",
            themes=(_T.FLEXIBLE_AND_INTEGRATED_CARE, _T.WHEN_THINGS_NEED_TO_CHANGE),
            quality_statements=(_Q.SAFE_SYSTEMS, _Q.CARE_PROVISION),
            documents=(
                TopicDocument(
                    "Hospital Discharge Pathway",
                    _K.SERVICE_DESIGN,
                    "How people leave Hartmoor General Hospital with the support they need, "
                    "and who does what.",
                ),
                TopicDocument(
                    "Home First Discharge Standard",
                    _K.PRACTICE_STANDARD,
                    "Getting people home first, with assessments done at home rather than on "
                    "the ward.",
                ),
                TopicDocument(
                    "Leaving Hospital Information Leaflet",
                    _K.PROJECT,
                    "A leaflet and easy-read guide for patients and families about leaving "
                    "hospital.",
                ),
                TopicDocument(
                    "Discharge to Assess Beds Review",
                    _K.PROJECT,
                    "A review of the short-term care home beds used while people are assessed.",
                ),
            ),
            sections=(
                "Planning to go home from the day you arrive",
                "Talking with families and carers",
                "Support in the first days at home",
                "Short stays in a care home",
                "Medicines and equipment",
                "When things go wrong",
            ),
            issues=(
                Issue(
                    idea="Ring the main carer before a discharge date is set, not on the morning.",
                    concern="My mother was sent home at 9pm with no food in the house, and "
                    "nobody told me until she rang.",
                    question="Who on the ward is responsible for telling the family about "
                    "discharge?",
                    experience="I found out my husband was being discharged when the "
                    "transport rang to ask if I would be in.",
                    easy="Families must be told before someone leaves hospital.",
                    changed="Section {section} now names a discharge coordinator on each ward "
                    "who must speak to the main carer before a date is set.",
                    happening="Carers can already ask for a carers' passport, which lets them "
                    "join ward rounds and planning meetings.",
                ),
                Issue(
                    idea="Do not discharge someone until the home care is confirmed for that "
                    "evening.",
                    concern="People are going home to care that has not started, and their "
                    "families are filling the gap.",
                    question="What happens if the home care agency cannot start on the day "
                    "someone comes home?",
                    experience="Dad came home on a Friday and the first care worker turned up "
                    "on Tuesday. I took three days off work.",
                    easy="Care at home should start on the day you leave hospital.",
                    changed="Section {section} now says discharge waits until the first visit "
                    "is confirmed, with a named person to ring if it does not happen.",
                    happening="The reablement team already covers the first visits while an "
                    "agency is found.",
                ),
                Issue(
                    idea="Tell people in writing that a discharge bed is short term, and when "
                    "the review will be.",
                    concern="People are put in a care home 'for two weeks' and are still there "
                    "six months later.",
                    question="Who pays for the care home bed after the first four weeks?",
                    experience="My aunt went to a care home for a few weeks after her hip "
                    "operation and never came home. We were never asked.",
                    easy="A short stay in a care home should stay short.",
                    changed="Section {section} now requires a written plan at admission with "
                    "a review date.",
                    happening="Each discharge bed already has a review at 14 days; the team "
                    "will report how many happen on time.",
                ),
                Issue(
                    idea="Send the equipment home before the person, so the bed and the "
                    "commode are there when they arrive.",
                    concern="Medicines are changed in hospital and the pharmacy and the GP are "
                    "not told.",
                    question="Can the hospital pharmacy send a copy of the new medicines list "
                    "to the carer?",
                    experience="The hospital bed arrived two days after my wife came home. She "
                    "slept in the armchair.",
                    easy="Equipment and medicines should be ready when you get home.",
                    changed="Section {section} now includes an equipment check the day before "
                    "discharge.",
                    happening="The community equipment service aims to deliver the day before "
                    "discharge; they will share their figures.",
                ),
            ),
            decisions=(
                "The group agreed to review the leaving hospital leaflet line by line.",
                "The group agreed to invite the ward discharge coordinators to the next session.",
            ),
            praise=(
                "The reablement team that came after my operation were kind and patient.",
                "The discharge coordinator on Ward 12 rang me every day. It made all the "
                "difference.",
            ),
            actions=(
                "Ask the hospital how many discharges last month happened after 8pm.",
                "Bring the draft leaving hospital leaflet to the next session.",
                "Find out who pays for discharge beds after four weeks and explain it in writing.",
            ),
            referrals=(
                "Hartmoor General Hospital Patient Advice and Liaison Service (PALS)",
                "NHS Hartmoor Integrated Care Board",
            ),
            reason="Discharge times are set by the hospital trust; the council cannot decide them.",
        ),
        Topic(
            key="charging",
            name="Paying for care and charging letters",
            easy="paying for care",
            owner="Financial Assessment and Charging Manager",
            themes=(_T.INFORMATION_AND_ADVICE, _T.WHEN_THINGS_NEED_TO_CHANGE),
            quality_statements=(_Q.EQUITY_IN_EXPERIENCE, _Q.GOVERNANCE),
            documents=(
                TopicDocument(
                    "Charging and Financial Assessment Policy",
                    _K.POLICY,
                    "How the council works out what people pay towards their care and support.",
                ),
                TopicDocument(
                    "Charging Letters Redesign",
                    _K.PROJECT,
                    "Rewriting the letters that tell people what they will pay, with the "
                    "people who receive them.",
                ),
                TopicDocument(
                    "Disability-Related Expenditure Guidance",
                    _K.PRACTICE_STANDARD,
                    "Which extra costs of disability are taken off before a charge is worked out.",
                ),
                TopicDocument(
                    "Care Charges Debt Procedure",
                    _K.POLICY,
                    "What happens when someone falls behind with care charges, and how to ask "
                    "for help.",
                ),
            ),
            sections=(
                "Who pays and how much",
                "The financial assessment",
                "Extra costs of disability",
                "The letters we send",
                "Falling behind with payments",
                "Asking for a review",
            ),
            issues=(
                Issue(
                    idea="Put the amount to pay and the date at the top of the letter, in "
                    "bold, and the explanation after.",
                    concern="The charging letter is four pages long and I still could not tell "
                    "what I had to pay.",
                    question="Why does the letter arrive after the charge has already started?",
                    experience="My mum received a bill for £2,300 backdated to March. She "
                    "thought it was a scam and tore it up.",
                    easy="Letters about paying for care are too hard to understand.",
                    changed="Section {section} now sets out the letter written with the group: "
                    "amount and date first, one page, easy read on request.",
                    happening="People can already ask for a phone call to explain their "
                    "letter; the number is now at the top.",
                ),
                Issue(
                    idea="Do the financial assessment before care starts, so nobody gets a "
                    "backdated bill.",
                    concern="Backdated bills cause real fear. Some people have cancelled their "
                    "care to avoid them.",
                    question="Can a backdated charge be paid in small amounts?",
                    experience="We were told the care was free for six weeks. Then a bill came "
                    "for four months.",
                    easy="Surprise bills for care are frightening.",
                    changed="Section {section} now says charges cannot be backdated more than "
                    "four weeks when the delay was the council's.",
                    happening="Anyone with a backdated charge can already agree a payment plan "
                    "over 12 months.",
                ),
                Issue(
                    idea="Give people a checklist of extra costs that can be taken off, like "
                    "extra heating and washing.",
                    concern="Nobody asked me about my extra costs, so I am paying more than I "
                    "should.",
                    question="Does the extra cost of a special diet count as "
                    "disability-related expenditure?",
                    experience="When a benefits adviser helped me list my extra costs, my "
                    "charge went down by £18 a week.",
                    easy="Extra costs because of disability should count.",
                    changed="Section {section} now says a checklist of extra disability costs "
                    "goes with every financial assessment form.",
                    happening="Financial assessment officers already ask about extra costs "
                    "during the home visit.",
                ),
                Issue(
                    idea="Social workers should give a simple estimate of the charge at the "
                    "first assessment.",
                    concern="People agree to care without knowing it costs anything.",
                    question="Is there an online calculator so families can check the charge "
                    "before agreeing?",
                    experience="Nobody mentioned a charge until the care had been going for "
                    "two months.",
                    easy="Tell people about charges at the start.",
                    changed="Section {section} now asks social workers to give a written "
                    "estimate at the first visit.",
                    happening="An online charging calculator is on the council website; the "
                    "team will make it easier to find.",
                ),
            ),
            decisions=(
                "The group agreed to test the new charging letter with ten people before it "
                "is used.",
                "The group agreed that the charging letter must fit on one page.",
            ),
            praise=(
                "The financial assessment officer who came out was patient and explained "
                "everything.",
                "The new one-page charging letter is so much clearer. My dad understood it on "
                "his own.",
            ),
            actions=(
                "Bring three real charging letters, with names removed, to the next session.",
                "Find out how many backdated bills were sent last quarter.",
                "Ask the finance team whether payment plans can be longer than 12 months.",
            ),
            referrals=(
                "Citizens Advice Hartmoor",
                "Department for Work and Pensions (Attendance Allowance)",
            ),
            reason="The minimum income guarantee is set nationally in the Care and Support "
            "Statutory Guidance; the council cannot change it.",
        ),
        Topic(
            key="transport",
            name="Transport to day centres",
            easy="getting to the day centre",
            owner="Passenger Transport Manager",
            themes=(_T.ACTIVE_AND_SUPPORTIVE_COMMUNITIES, _T.FLEXIBLE_AND_INTEGRATED_CARE),
            quality_statements=(_Q.CARE_PROVISION, _Q.EQUITY_IN_EXPERIENCE),
            documents=(
                TopicDocument(
                    "Transport to Day Services Policy",
                    _K.POLICY,
                    "Who can have council transport to day services, and how it is arranged.",
                ),
                TopicDocument(
                    "Community Transport Partnership Plan",
                    _K.PROJECT,
                    "Working with Hartmoor Community Transport and local taxi firms.",
                ),
                TopicDocument(
                    "Independent Travel Training Service",
                    _K.SERVICE_DESIGN,
                    "Helping people learn to travel on their own by bus and train.",
                ),
            ),
            sections=(
                "Who can have transport",
                "Pick-up and drop-off times",
                "Drivers and passenger assistants",
                "Travel training",
                "Using your own budget for transport",
            ),
            issues=(
                Issue(
                    idea="Plan the routes so nobody is on the bus for more than 45 minutes "
                    "each way.",
                    concern="My son is on the bus for an hour and a half each morning because "
                    "it goes round every village.",
                    question="Who plans the bus routes, and can families see them?",
                    experience="By the time my wife gets to the day centre she is exhausted "
                    "and needs the toilet urgently.",
                    easy="Bus journeys to the day centre are too long.",
                    changed="Section {section} now sets a 60-minute longest journey, with a "
                    "review if a route goes over.",
                    happening="Routes were planned again in September; the longest is now 55 "
                    "minutes.",
                ),
                Issue(
                    idea="Keep the same driver and passenger assistant on each route, so "
                    "people know who is coming.",
                    concern="New drivers do not know my brother has epilepsy or what to do if "
                    "he has a seizure.",
                    question="Do passenger assistants have training in autism and epilepsy?",
                    experience="When the regular driver was off, the new one would not wait "
                    "while my dad found his keys, and left without him.",
                    easy="People want the same drivers each day.",
                    changed="Section {section} now says drivers and assistants get a one-page "
                    "profile of each passenger, written with the family.",
                    happening="All passenger assistants already do epilepsy and autism "
                    "awareness training.",
                ),
                Issue(
                    idea="Offer travel training to young people before they leave college.",
                    concern="People are losing their transport without any help to travel "
                    "another way.",
                    question="Can a buddy travel with me on the bus for the first few weeks?",
                    experience="Travel training gave me my freedom. I get the 14 bus on my own "
                    "now.",
                    easy="Learning to use the bus can help people be independent.",
                    changed="Section {section} now says travel training is offered before any "
                    "transport is stopped, as the group asked.",
                    happening="The travel training service already offers a buddy for up to "
                    "eight weeks.",
                ),
            ),
            decisions=(
                "The group agreed to ride the Northfield route with the transport manager.",
                "The group agreed to help write the passenger profile form.",
            ),
            praise=(
                "Our driver Alan is wonderful. He always has a joke for my son.",
                "The text message telling me the bus is ten minutes away is brilliant.",
            ),
            actions=(
                "Share the current journey times for each day centre route.",
                "Ask whether drivers can have a copy of each passenger's profile.",
                "Arrange for the travel training team to visit.",
            ),
            referrals=("Hartmoor Community Transport", "the county bus operator"),
            reason="Public bus routes are run by the bus companies; the council cannot change "
            "their timetables.",
        ),
        Topic(
            key="short_breaks",
            name="Short breaks",
            easy="short breaks for carers",
            owner="Commissioning Manager, Carers and Short Breaks",
            themes=(_T.WELLBEING_AND_INDEPENDENCE, _T.FLEXIBLE_AND_INTEGRATED_CARE),
            quality_statements=(_Q.CARE_PROVISION, _Q.SUPPORTING_HEALTHIER_LIVES),
            documents=(
                TopicDocument(
                    "Short Breaks Service Design",
                    _K.SERVICE_DESIGN,
                    "Planned breaks for carers: overnight stays, day breaks, sitting services "
                    "and holidays.",
                ),
                TopicDocument(
                    "Short Breaks Eligibility Policy",
                    _K.POLICY,
                    "Who can have a short break and how many nights a year.",
                ),
                TopicDocument(
                    "Shared Lives Expansion Project",
                    _K.PROJECT,
                    "More Shared Lives carers offering short breaks in their own homes.",
                ),
            ),
            sections=(
                "Planned overnight breaks",
                "Breaks in an emergency",
                "Sitting services",
                "Shared Lives",
                "Booking a break",
                "Breaks that suit younger adults",
            ),
            issues=(
                Issue(
                    idea="Let carers book breaks online, and show which dates are free.",
                    concern="You have to book respite a year ahead, and then it gets cancelled "
                    "anyway.",
                    question="Why was my booked break cancelled two days before we were due to "
                    "go on holiday?",
                    experience="Our holiday was cancelled because the respite bed was given to "
                    "a hospital discharge. We lost the deposit.",
                    easy="Booking a break is too hard.",
                    changed="Section {section} now protects planned respite beds so they "
                    "cannot be used for hospital discharges.",
                    happening="An online booking calendar for the Maple House respite unit is "
                    "being tested with ten families.",
                ),
                Issue(
                    idea="Offer breaks that feel like a holiday for the person cared for, not "
                    "a care home.",
                    concern="My son is 24. Sending him to respite in a home for older people "
                    "is not right.",
                    question="Are there short breaks for younger autistic adults anywhere in "
                    "Hartmoor?",
                    experience="Shared Lives was perfect for my daughter. She stayed with a "
                    "family who took her to the seaside.",
                    easy="Breaks should suit the person.",
                    changed="Section {section} now includes breaks for younger adults and a "
                    "target to double Shared Lives places.",
                    happening="Shared Lives already offers short breaks; the team is "
                    "recruiting more carers.",
                ),
                Issue(
                    idea="Keep one emergency bed free in each area for when a carer is "
                    "suddenly ill.",
                    concern="There is no emergency respite at weekends. We are told to go to A&E.",
                    question="Who do I ring at a weekend if I cannot carry on caring?",
                    experience="When I had my operation, my husband had to go to a care home "
                    "30 miles away because nothing closer was free.",
                    easy="There should be breaks in an emergency.",
                    changed="Section {section} now keeps one emergency bed in each locality.",
                    happening="The out-of-hours team can already arrange an emergency break; "
                    "the number is on the carers' emergency card.",
                ),
            ),
            decisions=(
                "The group agreed to visit Maple House and give feedback on the rooms.",
                "The group agreed to support the Shared Lives recruitment campaign with their "
                "own stories.",
            ),
            praise=(
                "The sitting service means I can go to my choir again. Thank you.",
                "Maple House staff sent me photos of my wife enjoying the garden. It put my "
                "mind at rest.",
            ),
            actions=(
                "Find out how many planned breaks were cancelled last year and why.",
                "Ask the Shared Lives scheme to come and talk to the group.",
                "Send the short breaks booking guide in large print.",
            ),
            referrals=("Hartmoor Shared Lives scheme", "NHS continuing healthcare team"),
            reason="The number of respite nights is set by eligibility criteria agreed by "
            "councillors; this review could not increase them.",
        ),
        Topic(
            key="reablement",
            name="Reablement",
            easy="help to get back on your feet",
            owner="Reablement Service Manager",
            themes=(_T.WELLBEING_AND_INDEPENDENCE, _T.FLEXIBLE_AND_INTEGRATED_CARE),
            quality_statements=(_Q.SUPPORTING_HEALTHIER_LIVES, _Q.CARE_PROVISION),
            documents=(
                TopicDocument(
                    "Reablement Service Specification",
                    _K.SERVICE_DESIGN,
                    "Up to six weeks of free support at home to help people regain skills "
                    "after illness or a fall.",
                ),
                TopicDocument(
                    "Reablement Goals Practice Standard",
                    _K.PRACTICE_STANDARD,
                    "Setting goals that matter to the person, not just to the service.",
                ),
                TopicDocument(
                    "Falls Prevention Partnership Project",
                    _K.PROJECT,
                    "Joint work with the NHS to prevent falls and help people recover after one.",
                ),
            ),
            sections=(
                "What reablement is",
                "Setting goals together",
                "Equipment and adaptations",
                "Ending reablement well",
                "Reablement and carers",
            ),
            issues=(
                Issue(
                    idea="Ask people what they want to be able to do again, like getting to "
                    "church or cooking a Sunday roast.",
                    concern="Reablement goals are all about washing and dressing, not about "
                    "getting your life back.",
                    question="Can a reablement goal be getting back to the allotment?",
                    experience="My goal was to walk to the post office again. The team "
                    "practised with me every day and I did it in week four.",
                    easy="Goals should be about what you want to do.",
                    changed="Section {section} now starts with the question 'what matters to "
                    "you?' and records the person's own words.",
                    happening="The reablement team already uses a 'what matters to me' sheet "
                    "at the first visit.",
                ),
                Issue(
                    idea="Give people two weeks' notice before reablement ends and a plan for "
                    "what comes next.",
                    concern="Reablement ended on a Friday and the new agency started ten days "
                    "later.",
                    question="What happens if I still need help after six weeks?",
                    experience="Nobody told me reablement was free for six weeks only. Then a "
                    "bill arrived.",
                    easy="People need to know when the help will end.",
                    changed="Section {section} now requires a written plan and two weeks' "
                    "notice before reablement ends.",
                    happening="Reablement workers already hand over to the long-term agency "
                    "with a joint visit.",
                ),
                Issue(
                    idea="Bring the occupational therapist on the first visit, not in the "
                    "third week.",
                    concern="People wait weeks for grab rails while reablement is supposed to "
                    "be getting them moving.",
                    question="How long is the wait for an occupational therapy visit at the "
                    "moment?",
                    experience="The rail by my front step arrived in week five. Before that I "
                    "could not go out.",
                    easy="Equipment should come quickly.",
                    changed="Section {section} now lets reablement workers order small "
                    "equipment directly, without waiting for an occupational therapist.",
                    happening="An occupational therapist now works in the reablement team two "
                    "days a week.",
                ),
            ),
            decisions=(
                "The group agreed to help rewrite the reablement leaflet.",
                "The group agreed to share their own recovery goals as examples for training.",
            ),
            praise=(
                "The reablement team got me back on my feet after my stroke. I cannot thank "
                "them enough.",
                "My reablement worker Jasmine was patient and cheerful every single morning.",
            ),
            actions=(
                "Share how many people finished reablement needing no further care last year.",
                "Find out the current wait for an occupational therapy visit.",
                "Send the draft goals sheet to group members.",
            ),
            referrals=("NHS community therapy service", "Hartmoor Care and Repair"),
            reason="Reablement is limited to six weeks by the council's charging policy; "
            "longer would need a decision by councillors.",
        ),
        Topic(
            key="safeguarding",
            name="Safeguarding adults",
            easy="keeping people safe from abuse",
            owner="Principal Social Worker and Safeguarding Lead",
            themes=(_T.WHEN_THINGS_NEED_TO_CHANGE, _T.INFORMATION_AND_ADVICE),
            quality_statements=(_Q.SAFEGUARDING, _Q.SAFE_SYSTEMS),
            documents=(
                TopicDocument(
                    "Safeguarding Adults Policy and Procedures",
                    _K.POLICY,
                    "How the council and partners respond when an adult may be at risk of "
                    "abuse or neglect.",
                ),
                TopicDocument(
                    "Making Safeguarding Personal Standard",
                    _K.PRACTICE_STANDARD,
                    "Asking people what outcome they want from a safeguarding enquiry, and "
                    "keeping them involved.",
                ),
                TopicDocument(
                    "Easy-read Safeguarding Guide",
                    _K.PROJECT,
                    "An easy-read guide to what abuse is and how to report it.",
                ),
                TopicDocument(
                    "Self-neglect and Hoarding Protocol",
                    _K.POLICY,
                    "How agencies work together when someone is neglecting themselves.",
                ),
            ),
            sections=(
                "What abuse and neglect are",
                "How to raise a concern",
                "What happens after a concern",
                "Making safeguarding personal",
                "Working with families",
                "Learning from reviews",
            ),
            issues=(
                Issue(
                    idea="Tell the person who raised a concern what happened, even if it is "
                    "only 'we have looked into it'.",
                    concern="I reported a concern about my neighbour's care and never heard "
                    "anything again.",
                    question="How long does a safeguarding enquiry usually take?",
                    experience="When I reported the home care worker who took money from my "
                    "dad, the social worker kept me informed all the way through.",
                    easy="People want to know what happened after they report abuse.",
                    changed="Section {section} now says the person who raised the concern has "
                    "a reply within 10 working days.",
                    happening="Everyone who raises a concern already gets a reference number "
                    "and a named worker.",
                ),
                Issue(
                    idea="Ask the person at the start what they want to happen, and write it "
                    "down in their words.",
                    concern="Safeguarding felt like it was done to me. Nobody asked what I wanted.",
                    question="Can someone have an advocate during a safeguarding enquiry?",
                    experience="I did not want my son prosecuted; I wanted him to get help "
                    "with his drinking. They listened.",
                    easy="Ask people what they want to happen.",
                    changed="Section {section} now records the person's wishes at the start "
                    "and checks them at the end.",
                    happening="An independent advocate is already offered to anyone who needs "
                    "help to take part.",
                ),
                Issue(
                    idea="Run scam awareness sessions at day centres and carers' groups.",
                    concern="Older people are targeted by doorstep callers and phone scams, "
                    "and they are too ashamed to tell anyone.",
                    question="Who should I tell if I think my mum is being scammed on the phone?",
                    experience="My mum lost £4,000 to a man who said he was from her bank. She "
                    "did not tell us for months.",
                    easy="People need help to spot scams.",
                    changed="Section {section} now covers scams and financial abuse, with the "
                    "trading standards number.",
                    happening="Trading standards already runs scam awareness talks; the group "
                    "can book one.",
                ),
            ),
            decisions=(
                "The group agreed to test the easy-read safeguarding guide at two day centres.",
                "The group agreed to review the wording of the safeguarding leaflet.",
            ),
            praise=(
                "The safeguarding social worker was gentle and listened to my daughter.",
                "The easy-read safeguarding guide is really clear. The pictures help.",
            ),
            actions=(
                "Find out how many people who raised a concern were told the outcome last year.",
                "Book a scam awareness talk from trading standards.",
                "Share the draft easy-read guide with the group.",
            ),
            referrals=("Hartmoor Police (non-emergency 101)", "Hartmoor Trading Standards"),
            reason="Details of a safeguarding enquiry stay confidential to protect the person; "
            "they cannot be shared with the whole group.",
        ),
        Topic(
            key="home_care",
            name="Home care",
            easy="care at home",
            owner="Commissioning Manager, Home Care",
            themes=(_T.FLEXIBLE_AND_INTEGRATED_CARE, _T.WORKFORCE),
            quality_statements=(_Q.CARE_PROVISION, _Q.GOVERNANCE),
            documents=(
                TopicDocument(
                    "Home Care Commissioning Strategy",
                    _K.STRATEGY,
                    "How the council buys home care, including the move to "
                    "neighbourhood-based providers.",
                ),
                TopicDocument(
                    "Home Care Quality Standard",
                    _K.PRACTICE_STANDARD,
                    "What people can expect from home care visits, written with people who "
                    "receive them.",
                ),
                TopicDocument(
                    "Neighbourhood Home Care Model",
                    _K.SERVICE_DESIGN,
                    "Small teams of care workers in each neighbourhood, so people see the "
                    "same faces.",
                ),
                TopicDocument(
                    "Home Care Provider Framework",
                    _K.POLICY,
                    "The rules for agencies that provide home care for the council.",
                ),
            ),
            sections=(
                "Visit times and length",
                "The same care workers",
                "Rushed and missed visits",
                "Training for care workers",
                "Complaints about home care",
                "Neighbourhood teams",
            ),
            issues=(
                Issue(
                    idea="Pay care workers for travel time, so visits are not cut short to get "
                    "to the next one.",
                    concern="Fifteen-minute visits are not enough to help someone wash, dress "
                    "and have breakfast.",
                    question="What should I do if the care worker is more than an hour late?",
                    experience="My mum's lunch call came at half past ten in the morning, half "
                    "an hour after breakfast.",
                    easy="Care visits are too rushed.",
                    changed="Section {section} now says no personal care visit is shorter "
                    "than 30 minutes, and visit times are agreed with the person.",
                    happening="The framework already pays travel time; the team will check "
                    "agencies pass it on.",
                ),
                Issue(
                    idea="Give each person a small team of three or four care workers who know "
                    "them.",
                    concern="My dad had 27 different care workers in one month. He has "
                    "dementia and it frightened him.",
                    question="Can I ask the agency for a male or female care worker?",
                    experience="Since we have had the same two care workers, my wife smiles "
                    "when they arrive. She knows them.",
                    easy="People want the same care workers.",
                    changed="Section {section} now sets a target that most people see no more "
                    "than four regular care workers.",
                    happening="People can already ask for a male or female care worker; the "
                    "agency must record it.",
                ),
                Issue(
                    idea="Send a text when the care worker is running late.",
                    concern="Nobody answers the agency phone after 5pm.",
                    question="Can families see the visit notes online?",
                    experience="The agency app shows me when the care worker has been and what "
                    "they did. I live 100 miles away and it reassures me.",
                    easy="Agencies should tell you when care workers are late.",
                    changed="Section {section} now requires agencies to tell people when a "
                    "visit will be more than 30 minutes late.",
                    happening="Two of the main agencies already offer families an app with "
                    "visit notes.",
                ),
            ),
            decisions=(
                "The group agreed to help interview agencies bidding for the neighbourhood "
                "contracts.",
                "The group agreed the questions for the home care survey.",
            ),
            praise=(
                "Our regular care worker Grace is like family now. She even remembers my birthday.",
                "The agency sorted out the visit times within a week of my complaint.",
            ),
            actions=(
                "Ask agencies how many different care workers people saw last month.",
                "Share the home care survey results with the group.",
                "Check whether agencies pass travel time pay on to care workers.",
            ),
            referrals=("Care Quality Commission", "Local Government and Social Care Ombudsman"),
            reason="The hourly rate paid to agencies is fixed for two years in the contract; "
            "it can be looked at again at the next tender.",
        ),
        Topic(
            key="information",
            name="Information and advice",
            easy="information and advice",
            owner="Head of Customer Services, Adult Social Care",
            themes=(_T.INFORMATION_AND_ADVICE,),
            quality_statements=(_Q.ASSESSING_NEEDS, _Q.EQUITY_IN_EXPERIENCE),
            documents=(
                TopicDocument(
                    "Information and Advice Strategy",
                    _K.STRATEGY,
                    "How people find information and advice about care, in the formats they need.",
                ),
                TopicDocument(
                    "Adult Social Care Website Redesign",
                    _K.PROJECT,
                    "Rewriting the adult social care pages of the council website with the "
                    "people who use them.",
                ),
                TopicDocument(
                    "Accessible Information Standard Policy",
                    _K.POLICY,
                    "How the council records and meets people's communication needs.",
                ),
                TopicDocument(
                    "Front Door Contact Centre Model",
                    _K.SERVICE_DESIGN,
                    "The first contact with adult social care by phone, online or in person.",
                ),
            ),
            sections=(
                "Finding information",
                "Accessible formats",
                "The council website",
                "Contacting us by phone",
                "Information in community languages",
                "Advice from partners",
            ),
            issues=(
                Issue(
                    idea="Test the website with people who use screen readers before it goes live.",
                    concern="I cannot find anything on the adult social care pages. The search "
                    "brings up bin collections.",
                    question="Will there be a phone number on every page for people who are "
                    "not online?",
                    experience="I spent an hour on the website trying to find out about "
                    "respite, then gave up and rang my friend.",
                    easy="The website is hard to use.",
                    changed="Section {section} now includes testing with disabled people at "
                    "every stage, including screen reader users.",
                    happening="A plain-English rewrite of the 20 most-read pages is under way, "
                    "checked by the group.",
                ),
                Issue(
                    idea="Ask people once how they want letters, and remember it for every "
                    "letter after.",
                    concern="I have asked for large print four times and I still get standard "
                    "letters.",
                    question="Can letters come by email so my screen reader can read them?",
                    experience="I had my assessment in braille for the first time this year. "
                    "It is the first time I have read my own care plan.",
                    easy="Letters should come in the way you need.",
                    changed="Section {section} now says communication needs are flagged on the "
                    "case record and shown on every letter request.",
                    happening="Communication needs are already recorded on the case record; "
                    "the team will check it is being used.",
                ),
                Issue(
                    idea="Offer a call-back time instead of keeping people on hold.",
                    concern="I was on hold for 50 minutes and then got cut off.",
                    question="What are the busiest times on the phone line, so I can avoid them?",
                    experience="The person who answered was lovely, but it took three calls to "
                    "get through.",
                    easy="It is hard to get through on the phone.",
                    changed="Section {section} now includes a call-back option.",
                    happening="The contact centre already offers call-backs at busy times; the "
                    "message will be made clearer.",
                ),
            ),
            decisions=(
                "The group agreed to test five web pages each month.",
                "The group agreed to check the new leaflets against the easy-read rules.",
            ),
            praise=(
                "The new easy-read leaflets are excellent. My son read one on his own.",
                "The woman on the phone rang me back exactly when she said she would.",
            ),
            actions=(
                "Send the group the five most-visited web pages to check.",
                "Find out how many people have communication needs flagged on their record.",
                "Share the phone line waiting times for the last quarter.",
            ),
            referrals=("Hartmoor Libraries (digital help)", "Healthwatch Hartmoor"),
            reason="The website platform is shared by every council service; its layout "
            "cannot change for adult social care alone.",
        ),
        Topic(
            key="assessment",
            name="Assessments and reviews",
            easy="assessments (finding out what help you need)",
            owner="Head of Adult Social Work",
            themes=(
                _T.WELLBEING_AND_INDEPENDENCE,
                _T.INFORMATION_AND_ADVICE,
                _T.WHEN_THINGS_NEED_TO_CHANGE,
            ),
            quality_statements=(_Q.ASSESSING_NEEDS, _Q.EQUITY_IN_EXPERIENCE),
            documents=(
                TopicDocument(
                    "Assessment and Review Practice Framework",
                    _K.PRACTICE_STANDARD,
                    "How social workers assess needs and review care, starting with what "
                    "matters to the person.",
                ),
                TopicDocument(
                    "Waiting Well Policy",
                    _K.POLICY,
                    "How the council keeps people safe and informed while they wait for an "
                    "assessment.",
                ),
                TopicDocument(
                    "Strengths-based Practice Programme",
                    _K.PROJECT,
                    "Training and support for social workers to build on people's strengths "
                    "and networks.",
                ),
                TopicDocument(
                    "Adult Social Care Strategy 2025–2030",
                    _K.STRATEGY,
                    "The council's overall plan for adult social care, built on Making it Real.",
                ),
            ),
            sections=(
                "Starting with what matters",
                "Waiting for an assessment",
                "Your assessment",
                "Your support plan",
                "Reviews",
                "Telling your story once",
            ),
            issues=(
                Issue(
                    idea="Ring people on the waiting list every month, so they know they have "
                    "not been forgotten.",
                    concern="People are waiting over six months for an assessment and nobody "
                    "checks on them.",
                    question="How many people are on the waiting list today, and how long is "
                    "the longest wait?",
                    experience="I waited seven months for an assessment. In that time my "
                    "husband had two falls.",
                    easy="People wait too long for an assessment.",
                    changed="Section {section} now says everyone waiting is contacted at least "
                    "every four weeks and given a named contact.",
                    happening="People waiting already get a letter with a number to ring if "
                    "things get worse.",
                ),
                Issue(
                    idea="Share the assessment with health colleagues so people only tell "
                    "their story once.",
                    concern="I have told my story to seven different professionals this year. "
                    "It is exhausting and upsetting.",
                    question="Can I see and correct what is written about me before it is shared?",
                    experience="Each new social worker started from scratch. I had to explain "
                    "my son's autism every time.",
                    easy="People should only have to tell their story once.",
                    changed="Section {section} now includes a one-page profile, written with "
                    "the person, that goes with every referral.",
                    happening="People can already ask for a copy of their assessment and "
                    "correct mistakes.",
                ),
                Issue(
                    idea="Do reviews at home, with the carer there, not over the phone.",
                    concern="My mum's care has not been reviewed for three years, and her "
                    "needs have changed a lot.",
                    question="How often should care be reviewed, and how do I ask for a review?",
                    experience="My review was five minutes on the phone. The worker had not "
                    "read my file.",
                    easy="Care should be checked every year.",
                    changed="Section {section} now says reviews happen at least once a year, "
                    "face to face unless the person chooses otherwise.",
                    happening="A review team started in April to clear overdue reviews.",
                ),
                Issue(
                    idea="Ask what people are good at and who is in their life, not only what "
                    "they cannot do.",
                    concern="The assessment made me feel like a list of problems.",
                    question="What does 'strengths-based' actually mean for me?",
                    experience="The social worker helped me join a walking group instead of "
                    "just offering more care hours. I have made friends.",
                    easy="Assessments should ask what you are good at.",
                    changed="Section {section} now begins each assessment with the person's "
                    "strengths, interests and the people who matter to them.",
                    happening="All social workers are doing strengths-based practice training "
                    "this year.",
                ),
            ),
            decisions=(
                "The group agreed to co-deliver part of the strengths-based training for new "
                "social workers.",
                "The group agreed to test the one-page profile with their own details.",
            ),
            praise=(
                "My new social worker really listened. It was the first time I felt heard.",
                "The review team sorted out my mum's care in two weeks.",
            ),
            actions=(
                "Report the number of people waiting for an assessment and the longest wait.",
                "Share the draft one-page profile template.",
                "Ask how many reviews are overdue and what the plan is.",
            ),
            referrals=("NHS continuing healthcare team", "Hartmoor Advocacy Project"),
            reason="Assessments must be carried out by a qualified professional under the "
            "Care Act; a self-assessment alone cannot replace them.",
        ),
        Topic(
            key="learning_disability",
            name="Learning disability and autism",
            easy="good lives for people with a learning disability",
            owner="Learning Disability Commissioning Lead",
            themes=(_T.ACTIVE_AND_SUPPORTIVE_COMMUNITIES, _T.WELLBEING_AND_INDEPENDENCE),
            quality_statements=(_Q.EQUITY_IN_EXPERIENCE, _Q.SUPPORTING_HEALTHIER_LIVES),
            documents=(
                TopicDocument(
                    "Learning Disability and Autism Strategy",
                    _K.STRATEGY,
                    "How people with a learning disability and autistic people can have good "
                    "lives in Hartmoor.",
                ),
                TopicDocument(
                    "Supported Living Specification",
                    _K.SERVICE_DESIGN,
                    "What good supported living looks like: a home of your own with the right "
                    "support.",
                ),
                TopicDocument(
                    "Annual Health Check Project",
                    _K.PROJECT,
                    "Getting more people with a learning disability to have their annual "
                    "health check.",
                ),
            ),
            sections=(
                "A home of my own",
                "Friends and relationships",
                "Health",
                "Work and money",
                "Being safe in the community",
                "Autistic people",
            ),
            issues=(
                Issue(
                    idea="Let people meet possible housemates before they move in.",
                    concern="People are being moved into supported living with people they "
                    "have never met.",
                    question="Can I choose my own support staff where I live?",
                    experience="I moved into my own flat last year. I chose the curtains and "
                    "the staff helped me learn to cook.",
                    easy="You should choose who you live with.",
                    changed="Section {section} now says people meet possible housemates and "
                    "visit before any move.",
                    happening="Tenants already help interview support staff in two supported "
                    "living schemes.",
                ),
                Issue(
                    idea="Send the health check invitation in easy read, with a picture of the "
                    "nurse.",
                    concern="Most people I know have never had an annual health check.",
                    question="What happens at an annual health check?",
                    experience="At my health check the nurse found I had diabetes. Now I take "
                    "tablets and feel much better.",
                    easy="Health checks can keep you well.",
                    changed="Section {section} now includes an easy-read invitation and a "
                    "'what to expect' film made by the group.",
                    happening="GP practices already send reminders; the learning disability "
                    "nurses help surgeries with easy read.",
                ),
                Issue(
                    idea="Run evening clubs and discos, not just daytime activities.",
                    concern="Staff rotas mean people have to be home by 8pm, so they cannot go "
                    "out with friends.",
                    question="Is there support to help people with dating safely?",
                    experience="I met my girlfriend at the Friday disco. Staff help us plan "
                    "our dates.",
                    easy="People want friends and to go out in the evening.",
                    changed="Section {section} now covers friendships, relationships and "
                    "support in the evenings.",
                    happening="The Friday social club already runs twice a month; funding is "
                    "agreed for another year.",
                ),
            ),
            decisions=(
                "The group agreed to make an easy-read film about annual health checks.",
                "The group agreed to check the strategy in easy read before it goes to the board.",
            ),
            praise=(
                "The new easy-read strategy is brilliant. We understood it.",
                "The learning disability nurse helped me with my blood test. I was not scared.",
            ),
            actions=(
                "Find out how many people had an annual health check last year.",
                "Ask the supported living providers about staff rotas and evening support.",
                "Book a room for the health check film day.",
            ),
            referrals=(
                "NHS Hartmoor learning disability nursing team",
                "Hartmoor Housing Options",
            ),
            reason="The building for the new supported living scheme was bought before the "
            "group began; its location cannot change now.",
        ),
        Topic(
            key="mental_health",
            name="Mental health",
            easy="mental health",
            owner="Mental Health Social Care Lead",
            themes=(_T.WELLBEING_AND_INDEPENDENCE, _T.ACTIVE_AND_SUPPORTIVE_COMMUNITIES),
            quality_statements=(_Q.SUPPORTING_HEALTHIER_LIVES, _Q.PARTNERSHIPS),
            documents=(
                TopicDocument(
                    "Community Mental Health Social Care Plan",
                    _K.STRATEGY,
                    "Social care support for adults with mental health needs, alongside the NHS.",
                ),
                TopicDocument(
                    "Approved Mental Health Professional Service Standard",
                    _K.PRACTICE_STANDARD,
                    "How the AMHP service works with people and families during Mental "
                    "Health Act assessments.",
                ),
                TopicDocument(
                    "Crisis Café Project",
                    _K.PROJECT,
                    "An evening drop-in for people in distress, as an alternative to A&E.",
                ),
            ),
            sections=(
                "Support in a crisis",
                "Recovery and peer support",
                "Housing and mental health",
                "Families and carers",
                "Mental Health Act assessments",
            ),
            issues=(
                Issue(
                    idea="Open a crisis café in the evenings, run by people with lived experience.",
                    concern="In a crisis the only option is A&E, which is the worst place to be.",
                    question="Who do I call in a mental health crisis at two in the morning?",
                    experience="The crisis line told me to have a bath and call back. I felt "
                    "completely dismissed.",
                    easy="People need somewhere to go in a crisis.",
                    changed="Section {section} now includes a crisis café open four evenings a "
                    "week, with peer supporters on the team.",
                    happening="The NHS crisis line already runs 24 hours; the number will be "
                    "on all council leaflets.",
                ),
                Issue(
                    idea="Pay people with lived experience to work as peer supporters.",
                    concern="Peer support groups keep closing when their funding runs out.",
                    question="How can I train to become a peer supporter?",
                    experience="My peer supporter had been where I was. She was the first "
                    "person who did not judge me.",
                    easy="People who have been through it can help others.",
                    changed="Section {section} now funds peer support roles for three years "
                    "instead of one.",
                    happening="The recovery college already runs a peer support course each term.",
                ),
                Issue(
                    idea="Give families a leaflet explaining their rights as nearest relative.",
                    concern="Nobody explained to me what was happening when my son was sectioned.",
                    question="What is a nearest relative and what can they do?",
                    experience="The AMHP took time to explain everything to me, even at "
                    "midnight. I will never forget her kindness.",
                    easy="Families need information when someone is very unwell.",
                    changed="Section {section} now includes a nearest relative leaflet written "
                    "with carers.",
                    happening="AMHPs already give families a contact number after an assessment.",
                ),
            ),
            decisions=(
                "The group agreed to help choose the location for the crisis café.",
                "The group agreed to write the nearest relative leaflet with the AMHP team.",
            ),
            praise=(
                "The recovery college course gave me my confidence back.",
                "The AMHP treated my son with real dignity.",
            ),
            actions=(
                "Find out the opening hours and location options for the crisis café.",
                "Ask the recovery college to present at the next session.",
                "Share the draft nearest relative leaflet.",
            ),
            referrals=(
                "Hartmoor and District NHS Foundation Trust (mental health)",
                "Samaritans",
            ),
            reason="Decisions about clinical treatment are made by the NHS trust, not by "
            "adult social care.",
        ),
        Topic(
            key="technology",
            name="Technology enabled care",
            easy="technology that helps you stay safe at home",
            owner="Technology Enabled Care Lead",
            themes=(_T.WELLBEING_AND_INDEPENDENCE, _T.INFORMATION_AND_ADVICE),
            quality_statements=(_Q.LEARNING_IMPROVEMENT, _Q.SUPPORTING_HEALTHIER_LIVES),
            documents=(
                TopicDocument(
                    "Technology Enabled Care Strategy",
                    _K.STRATEGY,
                    "Using alarms, sensors and everyday technology to help people live safely "
                    "and independently.",
                ),
                TopicDocument(
                    "Digital Inclusion Project",
                    _K.PROJECT,
                    "Helping people who use care to get online, with devices, data and support.",
                ),
                TopicDocument(
                    "Telecare Response Service Specification",
                    _K.SERVICE_DESIGN,
                    "What happens when a pendant alarm or a sensor goes off.",
                ),
            ),
            sections=(
                "Alarms and sensors",
                "Responding to alerts",
                "Getting online",
                "Privacy and consent",
                "Technology and carers",
            ),
            issues=(
                Issue(
                    idea="Always ask the person, not just the family, before sensors are put "
                    "in their home.",
                    concern="Sensors in the bedroom feel like being watched. Where does the "
                    "information go?",
                    question="Who can see the information from the sensors in my mum's flat?",
                    experience="The door sensor means I can sleep at night, knowing I will be "
                    "told if Dad goes out in the small hours.",
                    easy="Ask people before putting sensors in their home.",
                    changed="Section {section} now includes a consent conversation, in easy "
                    "read, before any sensor is installed.",
                    happening="Installers already explain the equipment; a privacy leaflet is "
                    "being written with the group.",
                ),
                Issue(
                    idea="Lend tablets with free data for six months, with someone to show you "
                    "how.",
                    concern="Everything is moving online and people without the internet are "
                    "being left behind.",
                    question="Is there free help to learn how to do video calls?",
                    experience="My grandson set up video calls for me. Now I see my family in "
                    "Pakistan every week.",
                    easy="People need help to get online.",
                    changed="Section {section} now includes a tablet loan scheme with six "
                    "months of free data and weekly help sessions.",
                    happening="Libraries already run free digital help sessions every Tuesday.",
                ),
                Issue(
                    idea="Have a local responder who can come out and help someone up after a "
                    "fall.",
                    concern="When Mum pressed her alarm, she waited four hours on the floor "
                    "for an ambulance.",
                    question="What happens if nobody on the contact list answers when the "
                    "alarm goes off?",
                    experience="The responder came within 20 minutes and helped me up. I did "
                    "not need to go to hospital.",
                    easy="Help should come quickly when you press your alarm.",
                    changed="Section {section} now includes a mobile responder service with a "
                    "45-minute target.",
                    happening="A mobile responder service already covers the town centre; it "
                    "is expanding to the villages.",
                ),
            ),
            decisions=(
                "The group agreed to try three kinds of sensor at home and report back.",
                "The group agreed to help write the privacy leaflet.",
            ),
            praise=(
                "The pendant alarm has given my mother her confidence back.",
                "The digital help volunteer at the library was so patient with me.",
            ),
            actions=(
                "Share how long people waited for help after a fall last quarter.",
                "Find out how many tablets are available for the loan scheme.",
                "Ask the installers to bring sample equipment to the next session.",
            ),
            referrals=("NHS ambulance service", "Hartmoor Libraries (digital help)"),
            reason="The ambulance service sets its own response times; the council cannot "
            "change them.",
        ),
        Topic(
            key="housing",
            name="Housing with care and adaptations",
            easy="homes that suit you",
            owner="Housing and Care Strategy Manager",
            themes=(_T.WELLBEING_AND_INDEPENDENCE, _T.ACTIVE_AND_SUPPORTIVE_COMMUNITIES),
            quality_statements=(_Q.PARTNERSHIPS, _Q.SUPPORTING_HEALTHIER_LIVES),
            documents=(
                TopicDocument(
                    "Housing with Care Strategy",
                    _K.STRATEGY,
                    "Extra care housing, adaptations and supported housing for people who "
                    "need care.",
                ),
                TopicDocument(
                    "Disabled Facilities Grant Policy",
                    _K.POLICY,
                    "How people get adaptations such as level-access showers and stairlifts.",
                ),
                TopicDocument(
                    "Mill Lane Extra Care Scheme",
                    _K.PROJECT,
                    "A new extra care scheme of 60 flats, designed with future tenants.",
                ),
            ),
            sections=(
                "Adaptations at home",
                "Extra care housing",
                "Supported housing",
                "Moving home",
                "Designing new schemes",
            ),
            issues=(
                Issue(
                    idea="Use a simple fast track for small adaptations under £1,000.",
                    concern="People wait over a year for a level-access shower and wash at the "
                    "sink meanwhile.",
                    question="How long is the wait for a disabled facilities grant?",
                    experience="It took 14 months to get my stairlift. In that time I slept "
                    "downstairs on the sofa.",
                    easy="People wait too long for changes to their home.",
                    changed="Section {section} now includes a fast track for adaptations under "
                    "£1,000 without a full means test.",
                    happening="Hartmoor Care and Repair already fits small rails and ramps "
                    "within two weeks.",
                ),
                Issue(
                    idea="Put the shared lounge near the entrance so people can see who comes "
                    "and goes.",
                    concern="Extra care flats are too small for a couple with a wheelchair and "
                    "a hoist.",
                    question="Will tenants be able to bring their pets to Mill Lane?",
                    experience="Since moving to extra care, my mum has friends again. She eats "
                    "lunch with them every day.",
                    easy="New homes should be designed with the people who will live there.",
                    changed="Section {section} now includes larger flats for couples and a pet "
                    "policy written with future tenants.",
                    happening="Future tenants already sit on the Mill Lane design group.",
                ),
                Issue(
                    idea="Offer help with packing and moving when someone moves to extra care.",
                    concern="Moving is so stressful that people stay in homes that are unsafe "
                    "for them.",
                    question="Is there any help with the cost of moving?",
                    experience="The housing officer helped me sort through 40 years of "
                    "belongings. I could not have done it alone.",
                    easy="People need help to move home.",
                    changed="Section {section} now includes a moving support service for older "
                    "people moving to a home that suits them better.",
                    happening="The housing options team already offers a grant towards "
                    "removal costs.",
                ),
            ),
            decisions=(
                "The group agreed to visit the Mill Lane building site.",
                "The group agreed to review the adaptations leaflet.",
            ),
            praise=(
                "The level-access shower has changed my life. I can wash on my own again.",
                "The Care and Repair handyman fitted my rails the week after I asked.",
            ),
            actions=(
                "Find out the current waiting time for disabled facilities grants.",
                "Arrange a site visit to Mill Lane.",
                "Share the draft Mill Lane floor plans.",
            ),
            referrals=("Hartmoor Housing Association", "Hartmoor Care and Repair"),
            reason="The size of the Mill Lane flats is fixed by the planning permission "
            "already granted.",
        ),
        Topic(
            key="transitions",
            name="Preparing for adulthood",
            easy="growing up and moving to adult services",
            owner="Preparing for Adulthood Team Manager",
            themes=(_T.WELLBEING_AND_INDEPENDENCE, _T.INFORMATION_AND_ADVICE),
            quality_statements=(_Q.SAFE_SYSTEMS, _Q.EQUITY_IN_EXPERIENCE),
            documents=(
                TopicDocument(
                    "Preparing for Adulthood Pathway",
                    _K.SERVICE_DESIGN,
                    "How young people with special educational needs move from children's to "
                    "adults' services.",
                ),
                TopicDocument(
                    "Children's to Adults' Services Transitions Protocol",
                    _K.POLICY,
                    "Who does what, and when, from age 14 to 25.",
                ),
                TopicDocument(
                    "Young People's Voice in Transitions Project",
                    _K.PROJECT,
                    "Young people co-designing the information they get about growing up.",
                ),
            ),
            sections=(
                "Starting to plan at 14",
                "Moving from children's to adults' services",
                "Education, work and money",
                "Health at 18",
                "Families and young people's choices",
            ),
            issues=(
                Issue(
                    idea="Give young people a named adult social care worker from age 16.",
                    concern="Families hear nothing from adult services until the week of the "
                    "eighteenth birthday.",
                    question="When does planning for adult services start, and who starts it?",
                    experience="My son's support stopped on his 18th birthday and the new "
                    "package started four months later.",
                    easy="Planning for adult life should start early.",
                    changed="Section {section} now says a named adult social care worker is "
                    "allocated by age 17 at the latest.",
                    happening="The preparing for adulthood team already holds a transition "
                    "meeting at 17 for everyone with an EHC plan.",
                ),
                Issue(
                    idea="Make a simple chart showing what changes at 18: who pays, who "
                    "decides, and what stays the same.",
                    concern="Adult services talk about capacity and eligibility. Nobody "
                    "prepared us for the change in language.",
                    question="Does my daughter's EHC plan carry on after she turns 18?",
                    experience="Suddenly my son had to speak for himself in meetings. Nobody "
                    "had helped him practise.",
                    easy="Things change at 18. People need to know what changes.",
                    changed="Section {section} now includes a 'what changes at 18' chart "
                    "designed by young people in the group.",
                    happening="The local offer website already has a page on what changes at "
                    "18; the group will help rewrite it.",
                ),
            ),
            decisions=(
                "The group agreed to design the 'what changes at 18' chart together.",
                "The group agreed to run a session for parents at the special school.",
            ),
            praise=(
                "The transitions worker came to my son's college review. It really helped.",
                "The young people's film about turning 18 was fantastic.",
            ),
            actions=(
                "Find out how many young people had a transition plan by 17 last year.",
                "Share the draft 'what changes at 18' chart.",
                "Arrange a session with parents at the special school.",
            ),
            referrals=(
                "Hartmoor Special Educational Needs and Disabilities (SEND) team",
                "Hartmoor College student support",
            ),
            reason="Education, health and care plans belong to the SEND team under the "
            "Children and Families Act; adult social care cannot change them.",
        ),
        Topic(
            key="workforce",
            name="Workforce and co-production",
            easy="staff, training and working together",
            owner="Workforce Development Manager",
            themes=(_T.WORKFORCE,),
            quality_statements=(_Q.GOVERNANCE, _Q.LEARNING_IMPROVEMENT),
            documents=(
                TopicDocument(
                    "Adult Social Care Workforce Strategy",
                    _K.STRATEGY,
                    "Recruiting, training and keeping care workers and social care staff in "
                    "Hartmoor.",
                ),
                TopicDocument(
                    "Co-produced Training Programme",
                    _K.PROJECT,
                    "Training for staff designed and delivered with people who use services "
                    "and carers.",
                ),
                TopicDocument(
                    "Staff Induction Standard",
                    _K.PRACTICE_STANDARD,
                    "What every new adult social care staff member learns in their first "
                    "twelve weeks.",
                ),
                TopicDocument(
                    "Co-production Charter",
                    _K.POLICY,
                    "How Hartmoor adult social care works with people as equal partners, and "
                    "pays them for their time.",
                ),
            ),
            sections=(
                "Recruiting care workers",
                "Pay and conditions",
                "Training and development",
                "Involving people in recruitment",
                "Staff wellbeing",
                "Paying people for their involvement",
            ),
            issues=(
                Issue(
                    idea="Have an expert by experience on every interview panel for social "
                    "workers and managers.",
                    concern="People are invited onto interview panels, but then the decision "
                    "is made without them.",
                    question="Are people with lived experience paid for sitting on interview "
                    "panels?",
                    experience="I sat on the panel for the new team manager. My question about "
                    "listening changed who got the job.",
                    easy="People who use services should help choose staff.",
                    changed="Section {section} now says every panel for a social work or "
                    "manager post includes a paid expert by experience.",
                    happening="Experts by experience already sit on panels for senior posts "
                    "and are paid at the involvement rate.",
                ),
                Issue(
                    idea="Let carers deliver part of the induction for new social workers.",
                    concern="New staff do not understand what it is like to be a carer 24 "
                    "hours a day.",
                    question="Can I be trained to deliver training?",
                    experience="I told my story at the social work induction. Afterwards three "
                    "new workers said it would change how they work.",
                    easy="People with lived experience can train staff.",
                    changed="Section {section} now includes a session delivered by carers and "
                    "people who use services.",
                    happening="Carers already co-deliver the carer awareness module four times "
                    "a year.",
                ),
                Issue(
                    idea="Pay people within two weeks, and offer vouchers to those who prefer "
                    "them.",
                    concern="Waiting eight weeks for an involvement payment puts people off "
                    "taking part.",
                    question="Will involvement payments affect my benefits?",
                    experience="I was paid the week after the workshop, and the receipt "
                    "explained everything. That made me feel valued.",
                    easy="People should be paid quickly for their time.",
                    changed="Section {section} now promises payment within 14 days and a "
                    "benefits advice line for anyone worried.",
                    happening="Involvement payments can already be made as vouchers; the form "
                    "now asks which people prefer.",
                ),
            ),
            decisions=(
                "The group agreed to co-design the next induction session.",
                "The group agreed the wording of the Co-production Charter.",
            ),
            praise=(
                "The co-produced training day was the best training I have had in 15 years.",
                "Thank you for paying us so quickly after the interview panel.",
            ),
            actions=(
                "Check how long involvement payments took last quarter.",
                "Share the list of interview panels coming up.",
                "Ask the benefits adviser to write a note about involvement payments.",
            ),
            referrals=("Department for Work and Pensions", "Skills for Care"),
            reason="Care workers' pay is set by each agency; the council can only influence "
            "it through the contract rates.",
        ),
    )
}


# The section heading each issue belongs under, in the order of the topic's issues: documents
# of a topic always have these sections, so "you said, we did" points at the right one.
ISSUE_SECTIONS: dict[str, tuple[str, ...]] = {
    "carers": (
        "Carers' assessments",
        "Finding carers early",
        "Planning for emergencies",
        "Carers' own health and wellbeing",
    ),
    "direct_payments": (
        "Employing a personal assistant",
        "Checking how the money is spent",
        "What a direct payment can be spent on",
        "Help with managing the money",
    ),
    "day_opportunities": (
        "Day centres",
        "Meals and activities",
        "Community groups and clubs",
        "Paid and voluntary work",
    ),
    "hospital_discharge": (
        "Talking with families and carers",
        "Support in the first days at home",
        "Short stays in a care home",
        "Medicines and equipment",
    ),
    "charging": (
        "The letters we send",
        "The financial assessment",
        "Extra costs of disability",
        "Who pays and how much",
    ),
    "transport": (
        "Pick-up and drop-off times",
        "Drivers and passenger assistants",
        "Travel training",
    ),
    "short_breaks": (
        "Booking a break",
        "Breaks that suit younger adults",
        "Breaks in an emergency",
    ),
    "reablement": ("Setting goals together", "Ending reablement well", "Equipment and adaptations"),
    "safeguarding": (
        "What happens after a concern",
        "Making safeguarding personal",
        "What abuse and neglect are",
    ),
    "home_care": ("Visit times and length", "The same care workers", "Rushed and missed visits"),
    "information": ("The council website", "Accessible formats", "Contacting us by phone"),
    "assessment": (
        "Waiting for an assessment",
        "Telling your story once",
        "Reviews",
        "Starting with what matters",
    ),
    "learning_disability": ("A home of my own", "Health", "Friends and relationships"),
    "mental_health": ("Support in a crisis", "Recovery and peer support", "Families and carers"),
    "technology": ("Privacy and consent", "Getting online", "Responding to alerts"),
    "housing": ("Adaptations at home", "Designing new schemes", "Moving home"),
    "transitions": ("Starting to plan at 14", "Moving from children's to adults' services"),
    "workforce": (
        "Involving people in recruitment",
        "Training and development",
        "Paying people for their involvement",
    ),
}


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

STANDING_ITEMS = {
    "welcome": (
        "Welcome, introductions and access check",
        10,
        "We say hello. We check everyone has what they need.",
    ),
    "actions": (
        "Actions from last time",
        10,
        "We look at what we said we would do last time.",
    ),
    "aob": (
        "Any other business and date of the next session",
        10,
        "Anything else people want to talk about.",
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

DOCUMENT_STAGES = (
    "first look",
    "the draft",
    "what has changed since last time",
    "you said, we did",
    "final check before sign-off",
    "how is it working?",
)

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
    "The budget for this year is already agreed; we will raise it when next year's budget is set.",
    "This would need a change in the law, which the council cannot make.",
    "We looked at this carefully, but it would mean less money for direct support to people.",
    "The service is contracted until 2028; we will include this when it is re-tendered.",
    "Other members preferred a different option, which is the one we took forward.",
    "We tried this in 2023 and very few people used it.",
)

NOT_TAKEN_FORWARD_TEXTS = (
    "We are not taking this forward at the moment.",
    "We have decided not to do this for now.",
    "We could not make this change.",
)

UNDER_CONSIDERATION_TEXTS = (
    "{owner} is looking at this and will report back to the group.",
    "This is being considered as part of the review of the document.",
    "We have asked the team for costs and will bring them to a future session.",
)

OUTSIDE_SCOPE_TEXT = (
    "This is not something adult social care decides. We have passed it to {referred_to}, "
    "who will reply to the group."
)

EASY_READ_RESPONSES = {
    "under_consideration": "We are still thinking about this.",
    "changed_document": "We changed the plan because of what you said.",
    "already_happening": "We already do this.",
    "not_taken_forward": "We cannot do this now. We told you why.",
    "outside_scope": "Another organisation decides this. We asked them to answer.",
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
