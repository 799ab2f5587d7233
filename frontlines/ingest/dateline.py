"""The publication date from a report's dateline or header.

Only the top of the report counts (the first ~600 characters and first lines): a date deeper in the body
is an event date, not the publication date. Forms read, in order of trust:

1. a wire dateline: "KABUL, Afghanistan (Jan. 25, 2013)", "MOGADISHU, Aug 9 (Reuters) -";
2. a full date in the header: "Published on 9 August 2021", "August 9, 2021", "2021-08-09",
   "Evening Operational Update, Feb. 22, 2011", and "09/08/2021" only when day and month cannot be
   confused (one part over 12, or both equal);
3. a dateline or heading without a year ("(Jan. 8)", "Mar. 9: Operations in ...") takes its year from a
   release number ("2012-01-S-025", "2010-03-AO-046") or a full date elsewhere in the header; with
   neither, no date.

All regex; no dateparser (the month table comes from ``frontlines/data/dates.yaml``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from frontlines.extract.dates import month_number, month_regex

HEAD_CHARS = 600
HEAD_LINES = 12
_WIRES = r"(?:Reuters|AFP|AP|Xinhua|IANS|PTI|dpa|UPI|Anadolu|ANI|Bloomberg)"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    mon = rf"(?P<month>{month_regex()})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    flags = re.IGNORECASE
    return {
        # "(Jan. 25, 2013)", "(Sep. 14)", "(Dec 01, 2012)"; wire style "Aug 9 (Reuters)"
        "paren": re.compile(rf"\(\s*{mon}\s*{day}(?:,?\s*{year})?\s*\)", flags),
        "wire": re.compile(rf"\b{mon}\s*{day}(?:,?\s*{year})?\s*\(\s*{_WIRES}\s*\)", flags),
        "mdy": re.compile(rf"\b{mon}\s*{day},?\s+{year}\b", flags),
        "dmy": re.compile(rf"\b{day}\s+(?:of\s+)?{mon},?\s+{year}\b", flags),
        "iso": re.compile(rf"(?<![\d-]){year}-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)(?:\b|T)"),
        "numeric": re.compile(
            r"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)(?![\d/.])"
        ),
        # a heading that opens with a month and day: "Mar. 9: Afghan-ISAF Operations ..."
        # or closes it: "IJC Operational Update, July 16"
        "heading": re.compile(rf"^\s*{mon}\s*{day}\s*:", flags | re.MULTILINE),
        "heading_end": re.compile(rf"^[^\n]*?[,:]?\s+{mon}\s*{day}[ \t]*$", flags | re.MULTILINE),
        # "2012-01-S-025", "2010-08-CA-XXX" (a number not yet filled in)
        "release": re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mm>[01]\d)-[A-Z]{1,4}-(?:\d{1,4}|X{2,4})\b"),
    }


def _date(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _head(text: str) -> str:
    head = text[:HEAD_CHARS].replace("\u2028", "\n").replace("\u2029", "\n")
    return "\n".join(head.split("\n")[:HEAD_LINES])


def _full_dates(head: str) -> list[tuple[int, dt.date]]:
    """(offset, date) of every complete date in the header, in order."""
    pats = _patterns()
    found: list[tuple[int, dt.date]] = []
    for key in ("mdy", "dmy"):
        for m in pats[key].finditer(head):
            d = _date(int(m.group("year")), month_number(m.group("month")), int(m.group("day")))
            if d:
                found.append((m.start(), d))
    for m in pats["iso"].finditer(head):
        d = _date(int(m.group("year")), int(m.group("mm")), int(m.group("dd")))
        if d:
            found.append((m.start(), d))
    for m in pats["numeric"].finditer(head):
        a, b = int(m.group("a")), int(m.group("b"))
        if a == b or (a > 12) != (b > 12):  # unambiguous: "09/09/2021", "25/08/2021", "08/25/2021"
            day_, month_ = (a, b) if a > 12 or a == b else (b, a)
            d = _date(int(m.group("year")), month_, day_)
            if d:
                found.append((m.start(), d))
    return sorted(found)


def _year_for(month: int, head: str) -> int | None:
    """The year of a month-day dateline: from a release number, else from a full date in the header.
    A release numbered in December for a January dateline (or the reverse) crosses the year."""
    m = _patterns()["release"].search(head)
    if m:
        year, ref_month = int(m.group("year")), int(m.group("mm"))
    else:
        full = _full_dates(head)
        if not full:
            return None
        year, ref_month = full[0][1].year, full[0][1].month
    if ref_month == 12 and month == 1:
        return year + 1
    if ref_month == 1 and month == 12:
        return year - 1
    return year


_RELEASE_LINE = re.compile(r"for immediate release[^\n]*|download pdf[^\n]*", re.IGNORECASE)


def body_start(text: str) -> int:
    """Where the report's body starts: after a wire dateline, else after a "For Immediate Release" line
    in the header, else 0. Dates in a headline above it ("May 8: Operations in ...") are not event dates."""
    head = _head(text)
    pats = _patterns()
    for key in ("paren", "wire"):
        m = pats[key].search(head)
        if m and month_number(m.group("month")):
            # "(Aug. 9) - " / "(Reuters) -": skip the dash that closes the dateline too
            dash = re.match(r"\s*[-–—]+\s*", text[m.end() :])
            return m.end() + (dash.end() if dash else 0)
    ends = [m.end() for m in _RELEASE_LINE.finditer(head)]
    return ends[-1] if ends else 0


def find_dateline(text: str) -> dt.date | None:
    """The publication date given by a dateline or header at the top of the report, if any."""
    head = _head(text)
    pats = _patterns()
    for key in ("paren", "wire"):
        m = pats[key].search(head)
        if not m:
            continue
        month = month_number(m.group("month"))
        if month is None:
            continue
        year = int(m.group("year")) if m.group("year") else _year_for(month, head)
        d = _date(year, month, int(m.group("day"))) if year else None
        if d:
            return d
    full = _full_dates(head)
    if full:
        return full[0][1]
    m = pats["heading"].search(head) or pats["heading_end"].search(head.split("\n", 1)[0])
    if m:
        month = month_number(m.group("month"))
        year = _year_for(month, head) if month else None
        if year:
            return _date(year, month, int(m.group("day")))
    return None
