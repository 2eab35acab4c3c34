"""``python -m coproduce`` and the installed ``coproduce`` program: see ``cli.py``."""

from __future__ import annotations

import sys

from coproduce.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
