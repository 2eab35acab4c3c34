"""Small, exact changes to easy-read wording that a document needs and a person would make.

An agenda item's easy words are usually written before the meeting ("We will talk about care at
home."), for the invitation; the summary of the meeting that was held says what happened
("We talked about care at home."). ``past_tense`` makes that change for the verbs agendas use,
and for any other verb says "We planned to ..." rather than guess a verb's past form: it
never invents what happened.
"""

from __future__ import annotations

import re

PAST = {
    "talk about": "talked about",
    "talk": "talked",
    "look at": "looked at",
    "look": "looked",
    "hear about": "heard about",
    "hear from": "heard from",
    "hear": "heard",
    "check": "checked",
    "share": "shared",
    "plan": "planned",
    "decide": "decided",
    "agree": "agreed",
    "choose": "chose",
    "ask": "asked",
    "tell": "told",
    "find out": "found out",
    "vote on": "voted on",
    "vote": "voted",
    "welcome": "welcomed",
    "learn about": "learned about",
    "learn": "learned",
    "read": "read",
    "write": "wrote",
    "think about": "thought about",
    "meet": "met",
    "say hello": "said hello",
    "say": "said",
    "start": "started",
    "end": "ended",
    "finish": "finished",
    "show": "showed",
    "explain": "explained",
    "discuss": "discussed",
    "go through": "went through",
    "go over": "went over",
    "introduce": "introduced",
    "thank": "thanked",
    "listen to": "listened to",
    "watch": "watched",
    "have": "had",
    "get": "got",
    "give": "gave",
    "make": "made",
    "see": "saw",
    "take": "took",
    "work on": "worked on",
}
"""Agenda verbs and their past forms (longest phrases are tried first)."""

_FUTURE = re.compile(
    r"^(?P<we>we)\s+(?:will|shall|are\s+going\s+to|['’]ll)\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_WE_LL = re.compile(r"^(?P<we>we)['’]ll\s+(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)
_PRESENT = re.compile(r"^(?P<we>we)\s+(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)
_VERBS = sorted(PAST, key=len, reverse=True)


def _past(rest: str) -> str | None:
    folded = rest.casefold()
    for verb in _VERBS:
        if folded.startswith(verb) and (len(rest) == len(verb) or not rest[len(verb)].isalpha()):
            return PAST[verb] + rest[len(verb) :]
    return None


def past_sentence(sentence: str) -> str:
    """One sentence about the meeting in the past tense, if it was about the future or the
    agenda's present ("We say hello."): "We will talk about X." -> "We talked about X."."""
    found = _FUTURE.match(sentence) or _WE_LL.match(sentence)
    if found:
        rest = found.group("rest")
        past = _past(rest)
        return f"{found.group('we')} {past}" if past else f"{found.group('we')} planned to {rest}"
    found = _PRESENT.match(sentence)
    if found:
        past = _past(found.group("rest"))
        if past:
            return f"{found.group('we')} {past}"
    return sentence


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def past_tense(text: str) -> str:
    """``text`` with each sentence about the meeting in the past tense (see
    ``past_sentence``); other sentences are left as written."""
    lines = []
    for line in text.split("\n"):
        parts = []
        for found in _SENTENCE.finditer(line):
            chunk = found.group()
            stripped = chunk.strip()
            if not stripped:
                continue
            parts.append(past_sentence(stripped))
        lines.append(" ".join(parts))
    return "\n".join(lines)


def lower_first(title: str) -> str:
    """A title as it reads inside a sentence: "Care at home" -> "care at home", but
    "Hartmoor Carers' Strategy" (its own name) and "NHS dentists" stay as they are."""
    words = title.split()
    if not words:
        return title
    first = words[0]
    rest_lower = all(not w[:1].isupper() for w in words[1:])
    if first[:1].isupper() and first[1:2].islower() and rest_lower:
        return first[:1].lower() + title[1:]
    return title
