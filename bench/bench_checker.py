"""How long the plain-language checker takes on 10,000 words of ordinary easy-read wording,
and on pathological text a paste can bring (long runs of dots, thousands of digits, initials,
a megabyte of mixed text).

The checker runs on every easy-read document Coproduce makes and as the facilitator types, so
it must stay close to linear in the length of the text. Prints Markdown rows (median seconds
of the runs) for bench/README.md.

    .venv/bin/python bench/bench_checker.py [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from coproduce.documents.glossary import load_seed
from coproduce.documents.plain_language import check

SENTENCES = (
    "We met on Tuesday.",
    "We talked about the buses to the day centre.",
    "You told us the buses are often late.",
    "The NHS and the council will look at the timetable.",
    "It costs £2,450,000 a year and 45% of people use it.",
    "The form was completed by the team.",
    "We couldn't agree about reablement and safeguarding.",
    "Dr. Patel will write to us by Friday.",
)


def ordinary_words(count: int) -> str:
    chooser = random.Random(10)
    parts: list[str] = []
    words = 0
    while words < count:
        sentence = chooser.choice(SENTENCES)
        parts.append(sentence)
        words += len(sentence.split())
    return "\n".join(parts)


def inputs() -> dict[str, str]:
    ordinary = ordinary_words(10_000)
    return {
        "10,000 words of easy-read wording": ordinary,
        "100,000 dots": "." * 100_000,
        "10,000 digits": "1" * 10_000,
        "50,000 initials (A. A. A. ...)": "A. " * 50_000,
        "1 MB of mixed text": (ordinary + " .......... 12345678901234567890 مرحبا 👩🏽‍🦯 ")
        * (1_000_000 // (len(ordinary) + 40) + 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    terms = load_seed()
    print("| text | characters | findings | seconds |")
    print("|---|---|---|---|")
    for name, text in inputs().items():
        times = []
        findings = 0
        for _ in range(runs):
            started = time.perf_counter()
            findings = len(check(text, terms))
            times.append(time.perf_counter() - started)
        print(f"| {name} | {len(text):,} | {findings:,} | {statistics.median(times):.3f} |")


if __name__ == "__main__":
    main()
