"""RSS and Atom feeds: each entry becomes one report (its content, else its summary) with link, title, date.

A file or page that is not a feed (not XML, or XML with no RSS/Atom structure) raises :class:`InputError`;
an entry with no text becomes an error item for that entry and the others go on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import feedparser

from frontlines.errors import InputError
from frontlines.ingest.read import RawReport, read_bytes

_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")


@dataclass
class FeedEntry:
    """One entry of a feed as a report, or the reason it cannot be one."""

    ref: str  # the entry's link, else "<feed>#<n>"
    report: RawReport | None
    error: str | None = None


def parse_feed(data: bytes, name: str) -> Iterator[FeedEntry]:
    """The entries of an RSS/Atom document (bytes); InputError when it is not a feed."""
    if not data.strip():
        raise InputError("the feed is empty", source=name)
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        detail = f" ({str(why).splitlines()[0]})" if why else ""
        raise InputError(f"not an RSS or Atom feed{detail}", source=name)
    outlet = _clean(parsed.feed.get("title"))
    for n, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or None
        ref = link or f"{name}#{n}"
        body = _entry_body(entry)
        if not body:
            yield FeedEntry(ref, None, "the feed entry has no content or summary")
            continue
        try:
            text = _entry_text(body, ref)
        except InputError as exc:
            yield FeedEntry(ref, None, exc.message)
            continue
        report = RawReport(
            text=text,
            title=_clean(entry.get("title")),
            published=_entry_date(entry),
            url=link,
            source=outlet,
            format="feed",
        )
        yield FeedEntry(ref, report)


def looks_like_feed(data: bytes, content_type: str | None = None) -> bool:
    """Whether fetched bytes are a feed rather than a page (by content type, else by the first tags)."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    if ctype in ("text/html", "application/xhtml+xml"):
        return False
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def _entry_body(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = (content.get("value") or "").strip()
        if value:
            return value
    return (entry.get("summary") or entry.get("description") or "").strip()


def _entry_text(body: str, ref: str) -> str:
    """Plain text of an entry body, which feeds often carry as HTML."""
    if not _TAG.search(body):
        return body
    try:
        return read_bytes(body.encode("utf-8"), ref, "text/html").text
    except InputError:
        # Short HTML snippets can be too small for main-text extraction: strip the tags instead.
        import html

        text = html.unescape(_TAG.sub(" ", body))
        text = re.sub(r"[ \t]+", " ", text).strip()
        if not text:
            raise InputError("the feed entry has no readable text", source=ref) from None
        return text


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _clean(value: Any) -> str | None:
    text = str(value).strip() if value else ""
    return text or None
