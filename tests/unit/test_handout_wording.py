"""Every sentence Coproduce itself writes into an easy-read handout passes the easy-read gate:
the fixed wording of services/handouts.py and documents/easy_read.py, read from their source
so a sentence added later is checked too, with every gap filled by long sample words."""

from __future__ import annotations

import ast
import re
from itertools import pairwise
from pathlib import Path

import pytest

import coproduce.documents.easy_read as builder
import coproduce.services.handouts as handouts
from coproduce.documents.glossary import load_seed
from coproduce.documents.plain_language import easy_read_problems

TERMS = load_seed()
SAMPLE = "Tuesday 30 September 2026"
"""What fills each gap: a long date, as many words as any name, place or date we print."""


def sentences_in(module: object) -> list[str]:
    """The sentence-like string literals of ``module`` (not docstrings), gaps filled."""
    source = Path(module.__file__).read_text(encoding="utf-8")  # type: ignore[attr-defined]
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    # A docstring under an assignment (attribute documentation) is not printed either.
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for before, after in pairwise(body):
                if isinstance(before, ast.Assign | ast.AnnAssign) and isinstance(after, ast.Expr):
                    docstrings.add(id(after.value))
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}

    def for_the_facilitator(node: ast.AST) -> bool:
        """Inside a message for the facilitator (an error, a warning), not the handout."""
        while id(node) in parents:
            node = parents[id(node)]
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                target = ast.unparse(node.func)
                if name == "ValidationError" or (name == "append" and "warnings" in target):
                    return True
            if isinstance(node, ast.FunctionDef) and node.name == "contact_warnings":
                return True
        return False

    found = []
    for node in ast.walk(tree):
        if id(node) in docstrings or for_the_facilitator(node):
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.replace("{n}", "45").replace("{day}", SAMPLE)
            text = re.sub(r"\{[a-z_]+\}", SAMPLE, text)
        elif isinstance(node, ast.JoinedStr):
            text = "".join(
                part.value if isinstance(part, ast.Constant) else SAMPLE for part in node.values
            )
        else:
            continue
        if re.match(r"^[A-Z].*\w.*[.:?]$", text, re.S) and " " in text:
            found.append(text)
    return found


WORDING = [*sentences_in(handouts), *sentences_in(builder)]


def test_the_wording_is_found() -> None:
    assert len(WORDING) > 40
    assert "We cannot do this now. This is why:" in WORDING
    assert "Ask us for this in another format" not in WORDING  # no full stop: a heading
    assert any(text.startswith("You told us 45 other things too.") for text in WORDING)


@pytest.mark.parametrize("text", WORDING)
def test_every_fixed_sentence_passes_the_easy_read_gate(text: str) -> None:
    assert easy_read_problems(text, TERMS) == [], text
