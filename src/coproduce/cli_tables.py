"""``coproduce export`` commands for tables as CSV or Excel files."""

from __future__ import annotations

import argparse


def add_commands(
    exports: argparse._SubParsersAction, database_option: argparse.ArgumentParser
) -> None:
    """Add this module's ``export`` subcommands; each takes ``--db`` through database_option."""
