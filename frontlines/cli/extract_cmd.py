"""`frontlines extract`: one report to one JSON result, or a JSONL batch to a JSONL file of results."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from typing import IO, Any

import click

from frontlines.cli.common import cannot_write, fail
from frontlines.errors import FrontlinesError

_EPILOG = """\b
Examples:
  frontlines extract report.html
  frontlines extract --date 2021-08-09 report.txt
  cat report.txt | frontlines extract -
  frontlines extract --input reports.jsonl --output results.jsonl --workers 2

\b
Batch mode writes one output line per input line, in order and with the same id. A line that cannot be
read (not JSON, no text, bad date) or extracted gets {"id": ..., "error": "..."} in its place and the
run goes on; such a run still exits 0. A summary goes to stderr.

\b
Exit status: 0 success, 1 bad input or a failed run, 2 wrong usage.
"""


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from None


@click.command("extract", epilog=_EPILOG)
@click.argument("file", required=False, metavar="[FILE]")
@click.option(
    "--input",
    "input_path",
    default=None,
    metavar="REPORTS.jsonl",
    help="Batch mode: one report per line (JSONL, or .csv with the same columns); - for stdin.",
)
@click.option(
    "--output",
    "output_path",
    default=None,
    metavar="OUT.jsonl",
    help="Batch mode: where to write the results (default stdout).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes in batch mode.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=32,
    show_default=True,
    help="Reports per worker chunk.",
)
@click.option(
    "--date",
    "date",
    default=None,
    callback=_check_date,
    metavar="YYYY-MM-DD",
    help="Publication date; wins over a date found in the report. In batch mode, for lines without a date.",
)
@click.option(
    "--source", default=None, metavar="NAME", help="Outlet name (in batch mode, for lines without one)."
)
@click.option(
    "--id",
    "report_id",
    default=None,
    metavar="ID",
    help="Id of the single report (default: its document key).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl"]),
    default="json",
    show_default=True,
    help="Single report: indented JSON or one line.",
)
def extract_command(
    file: str | None,
    input_path: str | None,
    output_path: str | None,
    workers: int,
    batch_size: int,
    date: dt.date | None,
    source: str | None,
    report_id: str | None,
    fmt: str,
) -> None:
    """Extract events, claims, actors and places from one report (FILE: .txt, .md, .html, or - for
    stdin) and print one JSON result; or, with --input, from a JSONL batch."""
    if file and input_path:
        raise click.UsageError("give either FILE or --input, not both")
    if output_path and not input_path:
        raise click.UsageError("--output needs --input (a single report is printed on stdout)")
    if not file and not input_path:
        raise click.UsageError("no input: give FILE (or - for stdin) or --input REPORTS.jsonl")
    if input_path:
        if report_id:
            raise click.UsageError("--id is for a single report; batch lines carry their own ids")
        _run_batch(input_path, output_path, workers, batch_size, date, source)
    else:
        assert file is not None
        _run_single(file, date, source, report_id, fmt)


def _run_single(file: str, date: dt.date | None, source: str | None, report_id: str | None, fmt: str) -> None:
    from frontlines.ingest.read import read_path

    label = "<stdin>" if file == "-" else file
    try:
        raw = read_path(file)
    except FrontlinesError as exc:
        fail(str(exc))
    # Loaded only now: bad input and usage errors answer at once, without loading the models.
    from frontlines.extract.extractor import default_extractor

    try:
        result = default_extractor().extract(
            raw.text,
            published=date or raw.published,
            source=source or raw.source,
            id=report_id,
            title=raw.title,
            url=raw.url,
        )
    except FrontlinesError as exc:
        fail(f"{label}: {exc.message}")
    data = result.to_dict()
    if fmt == "jsonl":
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _run_batch(
    input_path: str,
    output_path: str | None,
    workers: int,
    batch_size: int,
    date: dt.date | None,
    source: str | None,
) -> None:
    from frontlines.engines.local import run_local
    from frontlines.ingest.batch import iter_batch

    items = iter_batch(input_path, default_date=date.isoformat() if date else None, default_source=source)
    try:
        first = next(items, None)  # opens the input: a missing file fails here, before models load
    except FrontlinesError as exc:
        fail(str(exc))
    out: IO[str]
    try:
        out = (
            sys.stdout
            if output_path in (None, "-")
            else open(output_path, "w", encoding="utf-8", newline="\n")
        )
    except OSError as exc:
        cannot_write(str(output_path), exc)
    started = time.monotonic()
    counts = {"read": 0, "ok": 0, "failed": 0}

    def counted() -> Any:
        for item in _prepend(first, items):
            counts["read"] += 1
            yield item

    extractor = None
    if workers == 1:  # the process-wide extractor: built once however many commands run in-process
        from frontlines.extract.extractor import default_extractor

        extractor = default_extractor()
    try:
        for row in run_local(counted(), workers=workers, batch_size=batch_size, extractor=extractor):
            counts["failed" if "error" in row else "ok"] += 1
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            if out is sys.stdout:  # a reader on a pipe sees each result as it is made
                out.flush()
    except FrontlinesError as exc:
        fail(f"{input_path}: {exc}")
    finally:
        if out is not sys.stdout:
            out.close()
    seconds = time.monotonic() - started
    click.echo(
        f"frontlines: {input_path}: {counts['read']} read, {counts['ok']} ok, {counts['failed']} failed, {seconds:.1f} s",
        err=True,
    )


def _prepend(first: Any, rest: Any) -> Any:
    if first is not None:
        yield first
    yield from rest
