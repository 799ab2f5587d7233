"""Helpers shared by the CLI commands: the store option and the store, errors on stderr, output files."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any, NoReturn, TypeVar

import click

from frontlines.errors import FrontlinesError, UsageError

DEFAULT_DB = "frontlines.db"

_T = TypeVar("_T")

# A rich table spec: its rows, its columns as (row key, header), its title.
TableSpec = tuple[list[dict[str, Any]], list[tuple[str, str]], str]


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
# Options several commands share.
output_option = click.option("--output", "-o", "output", default=None, metavar="FILE", help="Write to FILE.")
country_option = click.option("--country", default=None, help="ISO2, ISO3 or English name.")
between_option = click.option(
    "--between", default=None, metavar="START..END", help="Period, YYYY-MM-DD..YYYY-MM-DD."
)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit with the given status."""
    click.echo(f"frontlines: {message}", err=True)
    sys.exit(code)


def fail_on(error: FrontlinesError) -> NoReturn:
    """Exit 1 with the error's one-line message."""
    fail(str(error), 1)


@contextmanager
def cli_errors() -> Iterator[None]:
    """Frontlines errors as one line on stderr and exit 1; a ``UsageError`` as click's (exit 2)."""
    try:
        yield
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    except FrontlinesError as exc:
        fail(str(exc))


# -- the store ---------------------------------------------------------------------------------------------


def open_store(db: str | None, *, create: bool = False, timeout: float = 30.0) -> Any:
    """Open the store named by ``--db`` (see :func:`resolve_db`); without ``create`` it must exist."""
    from frontlines.store import Database

    return Database.open(resolve_db(db), create=create, timeout=timeout)


def with_store(db: str | None, work: Callable[[Any], _T]) -> _T:
    """Open the store, run ``work(store)``, close the store."""
    store = open_store(db)
    try:
        return work(store)
    finally:
        store.close()


def read_store(db: str | None, query: Callable[[Any], _T]) -> _T:
    """Open the store, run one read-only query on a connection, close the store."""

    def read(store: Any) -> _T:
        with store.read() as conn:
            return query(conn)

    return with_store(db, read)


# -- output ------------------------------------------------------------------------------------------------


def cannot_write(output: str, exc: OSError) -> NoReturn:
    """Exit 1 saying that the output file cannot be written, and why."""
    fail(f"{output}: cannot be written ({exc.strerror or exc})")


def emit(write: Callable[[IO[str]], object], output: str | None) -> None:
    """Run ``write`` on stdout, or on the file ``output`` (UTF-8, opened and closed here)."""
    if not output:
        write(sys.stdout)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            write(fh)
    except OSError as exc:
        cannot_write(output, exc)


def emit_to(writer: Callable[[Any], None], output: str | None) -> None:
    """Run ``writer`` on stdout, or on the path ``output`` (for writers that open paths themselves)."""
    if not output:
        writer(sys.stdout)
        return
    try:
        writer(output)
    except OSError as exc:
        cannot_write(output, exc)


def emit_json(value: Any, output: str | None) -> None:
    """``value`` as indented JSON (UTF-8, not escaped) and a newline, to stdout or the file ``output``."""
    emit(lambda fh: fh.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n"), output)


def emit_jsonl(rows: list[dict[str, Any]], output: str | None) -> None:
    """One JSON object a line, to stdout or the file ``output``."""
    emit(lambda fh: fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), output)


def print_tables(specs: list[TableSpec], output: str | None, *, file_width: int) -> None:
    """Rich tables (rows, columns as (key, header), title), one after the other, for people.

    None shows as an empty cell.  On stdout the console's own width is used; in the file ``output``,
    ``file_width`` columns.
    """
    from rich.console import Console
    from rich.table import Table

    tables = []
    for rows, columns, title in specs:
        table = Table(title=title)
        for _key, header in columns:
            table.add_column(header, overflow="fold")
        for row in rows:
            table.add_row(*("" if row.get(k) is None else str(row.get(k)) for k, _ in columns))
        tables.append(table)

    def write(fh: IO[str]) -> None:
        console = Console(file=fh, width=file_width if output else None)
        for table in tables:
            console.print(table)

    emit(write, output)


def print_table(
    rows: list[dict[str, Any]],
    columns: list[tuple[str, str]],
    title: str,
    output: str | None,
    *,
    file_width: int,
) -> None:
    """One rich table (see :func:`print_tables`)."""
    print_tables([(rows, columns, title)], output, file_width=file_width)
