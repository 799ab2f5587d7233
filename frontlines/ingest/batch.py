"""Batch input: one report per JSONL line or CSV row, streamed, with a per-line error for bad lines.

Each item is either a :class:`BatchReport` (a :class:`ReportInput` that remembers its line) or an error
dict ``{"id": <its id, or "line N">, "error": "...", "line": N}``; the caller writes the error in the
output at that position and goes on. Line numbers count every physical line (blank ones too), from 1.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from frontlines.errors import InputError
from frontlines.extract.extractor import ReportInput, parse_date
from frontlines.ingest.read import existing_file

FIELDS = ("text", "id", "title", "date", "url", "source")
MAX_LINE_BYTES = 20 * 1024 * 1024  # one line is one report: the same limit as a single file


@dataclass
class BatchReport(ReportInput):
    """A report read from a batch, with the line (or CSV row start line) it came from."""

    line: int = 0


BatchItem = BatchReport | dict[str, Any]  # a report, or the error item that takes its place


def error_item(line: int, message: str, id: str | None = None) -> dict[str, Any]:
    """The per-line error the output carries in place of a result."""
    return {"id": id if id else f"line {line}", "error": message, "line": line}


def iter_batch(
    path: str | os.PathLike[str], *, default_date: str | None = None, default_source: str | None = None
) -> Iterator[BatchItem]:
    """Reports from a JSONL file (or CSV when the name ends in .csv); ``-`` reads JSONL from stdin.

    Raises InputError only for problems with the whole input (missing file, CSV without a ``text``
    column); every problem with one line becomes an error item and reading goes on.
    ``default_date``/``default_source`` fill lines that have no ``date``/``source`` of their own.
    """
    name = str(path)
    defaults = {"date": default_date, "source": default_source}
    if name == "-":
        yield from iter_jsonl(sys.stdin.buffer, defaults=defaults)
        return
    p = existing_file(name)
    try:
        fh = p.open("rb")
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", source=name) from None
    with fh:
        if p.suffix.lower() in (".csv", ".tsv"):
            yield from iter_csv(
                fh, name=name, delimiter="\t" if p.suffix.lower() == ".tsv" else ",", defaults=defaults
            )
        else:
            yield from iter_jsonl(fh, defaults=defaults)


def iter_jsonl(
    stream: BinaryIO | Iterable[bytes], *, defaults: dict[str, str | None] | None = None
) -> Iterator[BatchItem]:
    """One item per non-blank line of a binary JSONL stream (a UTF-8 BOM on the first line is allowed)."""
    for number, raw in enumerate(stream, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        if len(raw) > MAX_LINE_BYTES:
            yield error_item(number, f"line {number} is over the {MAX_LINE_BYTES // 1024 // 1024} MB limit")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield error_item(number, f"line {number} is not UTF-8 text")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield error_item(number, f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield error_item(number, f"line {number} is not a JSON object")
            continue
        yield record_to_report(obj, number, defaults)


def iter_csv(
    stream: BinaryIO,
    *,
    name: str = "<csv>",
    delimiter: str = ",",
    defaults: dict[str, str | None] | None = None,
) -> Iterator[BatchItem]:
    """One item per CSV row, with the JSONL field names as column headers (``text`` is required)."""
    bad_lines: set[int] = set()
    reader = csv.DictReader(_decoded_lines(stream, bad_lines), delimiter=delimiter)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        raise InputError(f"not a readable CSV file ({exc})", source=name) from None
    if not header or "text" not in [h.strip() for h in header]:
        raise InputError("the CSV has no 'text' column", source=name)
    reader.fieldnames = [h.strip() for h in header]
    last = reader.line_num
    while True:
        start = last + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            last = reader.line_num
            yield error_item(start, f"line {start} is not a valid CSV row ({exc})")
            continue
        last = reader.line_num
        if any(start <= n <= last for n in bad_lines):
            yield error_item(
                start, f"line {start} is not UTF-8 text", id=(row.get("id") or "").strip() or None
            )
            continue
        if None in row:  # more cells than headers
            row.pop(None)
        yield record_to_report(row, start, defaults, blank_is_missing=True)


def _decoded_lines(stream: Iterable[bytes], bad_lines: set[int]) -> Iterator[str]:
    """Decode line by line so one bad byte spoils one row, not the whole file."""
    for number, raw in enumerate(stream, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            bad_lines.add(number)
            yield raw.decode("utf-8", errors="replace")


def record_to_report(
    obj: dict[str, Any],
    line: int,
    defaults: dict[str, str | None] | None = None,
    *,
    blank_is_missing: bool = False,
) -> BatchItem:
    """A JSON object or CSV row as a report, or the line's error item."""
    raw_id = obj.get("id")
    rid = None if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()) else str(raw_id)
    text = obj.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        return error_item(line, f"line {line} has no text", id=rid)
    if not isinstance(text, str):
        return error_item(line, f"line {line}: text is not a string", id=rid)
    fields: dict[str, str | None] = {}
    for key in ("title", "url", "source", "date"):
        value = obj.get(key)
        if blank_is_missing and isinstance(value, str) and not value.strip():
            value = None
        if value is not None and not isinstance(value, str):
            if key == "date":
                return error_item(line, f"line {line}: date {value!r} is not a YYYY-MM-DD date", id=rid)
            value = str(value)
        if value is None and defaults:
            value = defaults.get(key)
        fields[key] = value
    try:
        published = parse_date(fields["date"], what="date")
    except InputError as exc:
        return error_item(line, f"line {line}: {exc.message}", id=rid)
    return BatchReport(
        text=text,
        id=rid,
        title=fields["title"],
        published=published,
        url=fields["url"],
        source=fields["source"],
        line=line,
    )


def read_jsonl_text(text: str) -> list[BatchItem]:
    """All items of a JSONL string (for tests and small in-memory batches)."""
    return list(iter_jsonl(io.BytesIO(text.encode("utf-8"))))
