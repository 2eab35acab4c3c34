"""What the command-line tests share besides fixtures: outcomes of a run, and running the
installed program in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coproduce.domain.records import Document, Group, Meeting, Person

# The console script installed (editable) beside the interpreter running the tests.
INSTALLED_PROGRAM = Path(sys.executable).with_name("coproduce")


@dataclass(frozen=True)
class Outcome:
    status: int
    out: str
    err: str


Coproduce = Callable[..., Outcome]


def run_program(*argv: str, module: bool = False, cwd: Path | None = None) -> Outcome:
    """Run the installed ``coproduce`` (or ``python -m coproduce``) in a child process.

    The child inherits this test's environment, so ``COPRODUCE_HOME`` keeps it away from the
    real user folders.
    """
    command = (
        [sys.executable, "-m", "coproduce", *argv] if module else [str(INSTALLED_PROGRAM), *argv]
    )
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ),
        cwd=cwd,
        timeout=240,
        check=False,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


@dataclass(frozen=True)
class Register:
    """The records ``register`` made: one of each kind a list shows, plus a second person."""

    group: Group
    sam: Person
    ada: Person
    session: Meeting
    document: Document
