"""Expanding what ``frontlines ingest`` is given (files, folders, batches, feeds, URLs, reports) into items.

Every item is either a :class:`Pending` report with the :class:`SourceRef` it came from, or a
:class:`Failed` input with the reason; a bad input never stops the run.  Items are produced lazily, so a
folder of a million files or a huge JSONL streams through.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontlines.errors import FrontlinesError, InputError
from frontlines.extract.extractor import ReportInput
from frontlines.ingest import batch, feeds
from frontlines.ingest.read import RawReport, read_bytes, read_path
from frontlines.store.writer import SourceRef

TEXT_EXT = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
BATCH_EXT = {".jsonl", ".ndjson", ".csv", ".tsv"}
FEED_EXT = {".xml", ".rss", ".atom"}
SUPPORTED = TEXT_EXT | BATCH_EXT | FEED_EXT
MAX_FEED_BYTES = 50 * 1024 * 1024


@dataclass
class Pending:
    """A report to extract and store, with where it came from."""

    report: ReportInput
    source: SourceRef


@dataclass
class Failed:
    """An input that could not be read, and why."""

    ref: str
    reason: str
    kind: str = "InputError"


Item = Pending | Failed
InputLike = str | os.PathLike[str] | ReportInput | dict[str, Any]


def is_url(value: str) -> bool:
    """Whether an argument is a URL rather than a path."""
    return value.startswith(("http://", "https://"))


def discover(inputs: Iterable[InputLike], *, client: Any = None, resolver: Any = None) -> Iterator[Item]:
    """Items for every input: paths (files and folders, recursively), URLs, ReportInputs or report dicts."""
    for value in inputs:
        if isinstance(value, ReportInput):
            yield Pending(
                value, SourceRef(input_id=value.id or "", url=value.url or "", source=value.source or "")
            )
        elif isinstance(value, dict):
            yield _from_dict(value)
        elif is_url(str(value)):
            yield from _from_url(str(value), client, resolver)
        else:
            yield from _from_path(Path(value))


def _from_dict(obj: dict[str, Any]) -> Item:
    item = batch.record_to_report(obj, 0)
    if isinstance(item, dict):
        ref = str(obj.get("id") or "report")
        return Failed(ref, item["error"].replace("line 0", "the report"))
    return Pending(item, SourceRef(input_id=item.id or "", url=item.url or "", source=item.source or ""))


def iter_files(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder``, recursively, in a stable order, skipping hidden ones."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED:
                yield Path(root) / name


def _from_path(path: Path) -> Iterator[Item]:
    if path.is_dir():
        for file in iter_files(path):
            yield from _from_file(file)
    elif not path.exists():
        yield Failed(str(path), "no such file or folder")
    else:
        yield from _from_file(path)


def _from_file(path: Path) -> Iterator[Item]:
    ref = str(path.resolve())
    suffix = path.suffix.lower()
    try:
        if suffix in BATCH_EXT:
            yield from _from_batch(path, ref)
        elif suffix in FEED_EXT:
            yield from _from_feed(_read_capped(path), ref)
        else:
            yield Pending(_report(read_path(path)), SourceRef(input_id=ref))
    except FrontlinesError as exc:
        yield Failed(ref, exc.message, type(exc).__name__)
    except OSError as exc:
        yield Failed(ref, f"cannot be read ({exc.strerror or exc})", "InputError")


def _read_capped(path: Path) -> bytes:
    if path.stat().st_size > MAX_FEED_BYTES:
        raise InputError(f"the feed is over the {MAX_FEED_BYTES // 1024 // 1024} MB limit", source=str(path))
    return path.read_bytes()


def _from_batch(path: Path, ref: str) -> Iterator[Item]:
    for item in batch.iter_batch(path):
        if isinstance(item, dict):
            yield Failed(f"{ref}:{item.get('line', '?')}", item["error"])
            continue
        input_id = item.id or f"{ref}:{item.line}"
        yield Pending(item, SourceRef(input_id=input_id, url=item.url or "", source=item.source or ""))


def _from_feed(data: bytes, ref: str) -> Iterator[Item]:
    for entry in feeds.parse_feed(data, ref):
        if entry.report is None:
            yield Failed(entry.ref, entry.error or "unreadable feed entry")
            continue
        source = SourceRef(input_id=entry.ref, url=entry.report.url or "", source=entry.report.source or "")
        yield Pending(_report(entry.report), source)


def _from_url(url: str, client: Any, resolver: Any) -> Iterator[Item]:
    from frontlines.ingest.fetch import fetch_url, system_resolver

    try:
        page = fetch_url(url, client, resolver=resolver or system_resolver)
        if feeds.looks_like_feed(page.content, page.content_type):
            yield from _from_feed(page.content, url)
            return
        raw = read_bytes(page.content, page.url, page.content_type)
        raw.url = raw.url or page.url
        yield Pending(_report(raw), SourceRef(input_id=url, url=page.url, source=raw.source or ""))
    except FrontlinesError as exc:
        yield Failed(url, exc.message, type(exc).__name__)


def _report(raw: RawReport) -> ReportInput:
    return ReportInput(
        text=raw.text, title=raw.title, published=raw.published, url=raw.url, source=raw.source
    )


def estimate_total(inputs: Iterable[InputLike]) -> int | None:
    """About how many reports the inputs hold (files count one, batch files their lines); None if unknown."""
    total = 0
    for value in inputs:
        if isinstance(value, ReportInput | dict):
            total += 1
        elif is_url(str(value)):
            total += 1
        else:
            path = Path(value)
            files = iter_files(path) if path.is_dir() else [path]
            for file in files:
                total += _count(file)
    return total


def _count(file: Path) -> int:
    if file.suffix.lower() not in BATCH_EXT:
        return 1
    try:
        with file.open("rb") as fh:
            lines = sum(1 for line in fh if line.strip())
    except OSError:
        return 1
    return max(1, lines - (1 if file.suffix.lower() in (".csv", ".tsv") else 0))
