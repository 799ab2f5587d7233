"""Helpers shared by the CLI commands: the store option, errors on stderr, output files."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import click

from frontlines.errors import FrontlinesError

DEFAULT_DB = "frontlines.db"


def resolve_db(db: str | None) -> str:
    """--db, else $FRONTLINES_DB, else ./frontlines.db."""
    return db or os.environ.get("FRONTLINES_DB") or DEFAULT_DB


db_option = click.option(
    "--db",
    "db",
    default=None,
    metavar="PATH_OR_URL",
    help="SQLite file or database URL (default $FRONTLINES_DB or ./frontlines.db).",
)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit with the given status."""
    click.echo(f"frontlines: {message}", err=True)
    sys.exit(code)


def fail_on(error: FrontlinesError) -> NoReturn:
    """Exit 1 with the error's one-line message."""
    fail(str(error), 1)
