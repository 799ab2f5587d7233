"""Date expressions in a report's sentences, resolved against the publication date.

Regexes (vocabulary in ``frontlines/data/dates.yaml``) find and resolve the common forms; dateparser is
used only by :func:`resolve_expression` as a fallback on a span no regex knows. Conventions:

* a weekday ("on Sunday", "late Saturday", "Saturday night") is the most recent such day on or before
  the publication date (a Sunday report's "on Sunday" is that day; "last Sunday" is strictly before);
* "today"/"this morning" are the publication date, "yesterday"/"last night" the day before;
* a month and day without a year ("on Aug. 8") is the most recent such date on or before publication;
* periods ("last week", "earlier this month", "in the past three days") give their first day as
  ``date`` and their last day (never after publication) as ``end_date``; precision 2 for a week or less,
  3 for a month or less, 4 beyond;
* years ("in 2015", "six years ago") are 1 January of that year with precision 4;
* without a publication date only absolute dates resolve.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontlines.data.loader import load_yaml, require
from frontlines.extract.mentions import Analysis, DateMention

_DATA = "dates.yaml"
_UNITS = ("day", "week", "weekend", "month", "year")


@dataclass(frozen=True)
class _Vocab:
    months: dict[str, int]  # spelling -> month number
    weekdays: dict[str, int]  # spelling -> weekday (Monday 0)
    weekday_blockers: frozenset[str]
    relative_days: dict[str, int]
    periods: dict[str, tuple[str, int, int]]  # phrase -> (unit, offset, precision)
    unit_precision: dict[str, int]


def _validate(raw: Any) -> _Vocab:
    require(isinstance(raw, dict), _DATA, "top level", "expected a mapping")
    for key in ("months", "weekdays", "weekday_blockers", "relative_days", "periods", "unit_precision"):
        require(key in raw, _DATA, "top level", f"missing key {key!r}")
    months: dict[str, int] = {}
    for number, names in raw["months"].items():
        require(
            isinstance(number, int) and 1 <= number <= 12, _DATA, f"months.{number}", "not a month number"
        )
        months.update({str(n).lower(): number for n in names})
    require(sorted(set(months.values())) == list(range(1, 13)), _DATA, "months", "every month needs a name")
    weekdays: dict[str, int] = {}
    for number, names in raw["weekdays"].items():
        require(isinstance(number, int) and 0 <= number <= 6, _DATA, f"weekdays.{number}", "not 0-6")
        weekdays.update({str(n).lower(): number for n in names})
    for phrase, offset in raw["relative_days"].items():
        require(
            isinstance(offset, int) and -31 <= offset <= 0,
            _DATA,
            f"relative_days.{phrase}",
            "expected -31..0",
        )
    periods: dict[str, tuple[str, int, int]] = {}
    for i, p in enumerate(raw["periods"]):
        where = f"periods entry {i + 1}"
        require(
            isinstance(p, dict) and {"phrase", "unit", "offset", "precision"} <= set(p),
            _DATA,
            where,
            "incomplete",
        )
        require(p["unit"] in _UNITS, _DATA, where, f"unit must be one of {_UNITS}")
        require(p["offset"] in (0, -1), _DATA, where, "offset must be 0 or -1")
        require(p["precision"] in (1, 2, 3, 4), _DATA, where, "precision must be 1-4")
        periods[str(p["phrase"]).lower()] = (p["unit"], p["offset"], p["precision"])
    return _Vocab(
        months=months,
        weekdays=weekdays,
        weekday_blockers=frozenset(str(w).lower() for w in raw["weekday_blockers"]),
        relative_days={str(k).lower(): v for k, v in raw["relative_days"].items()},
        periods=periods,
        unit_precision={str(k): int(v) for k, v in raw["unit_precision"].items()},
    )


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    return _validate(load_yaml(_DATA))


def _alt(words: Any) -> str:
    items = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "august"), else None."""
    return _vocab().months.get(name.strip().rstrip(".").lower())


@lru_cache(maxsize=1)
def month_regex() -> str:
    """A regex alternation of every month spelling, with an optional abbreviation dot."""
    return rf"(?:{_alt(_vocab().months)})\b\.?"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    from frontlines.extract.numbers import _patterns as number_patterns

    v = _vocab()
    mon = rf"(?P<month>{month_regex()})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:1[89]|20)\d\d)"
    num = rf"(?P<n>{number_patterns().single}|a|an)"
    wd = rf"(?P<wd>{_alt(v.weekdays)})"
    rules = [
        ("iso", rf"\b{year}-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)\b"),
        ("dmy", rf"\b{day}\s+(?:of\s+)?{mon},?\s+{year}\b"),
        ("mdy", rf"\b{mon}\s+{day},?\s+{year}\b"),
        ("my", rf"\b(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?{mon}\s+{year}\b"),
        ("md", rf"\b{mon}\s+{day}\b(?!\s*[,:]?\s*\d)"),
        ("dm", rf"\b{day}\s+(?:of\s+)?{mon}(?!\s*,?\s*\d)"),
        ("ago", rf"\b{num}\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)\b"),
        (
            "past",
            r"\b(?:in|over|during|within|for)\s+the\s+(?:past|last|previous)\s+"
            rf"(?:{num}(?:\s+or\s+(?P<n2>{number_patterns().single}))?\s+)?"
            r"(?P<unit>hour|day|week|month|year)s?\b",
        ),
        ("period", rf"\b(?P<phrase>{_alt(v.periods)})\b"),
        ("relday", rf"\b(?:(?:early|late)\s+)?(?P<phrase>{_alt(v.relative_days)})\b"),
        (
            "weekday",
            rf"\b(?:(?P<last>last|this\s+past|past)\s+)?(?:(?:early|late)\s+)?{wd}"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b",
        ),
        ("ordinal", r"\bon\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+of)"),
        (
            "monthname",
            rf"\b(?:in|during|since|early|late|mid-?|until|by)\s+(?P<month>{_alt(v.months)})\b(?!\.?\s*\d)",
        ),
        (
            "year",
            rf"\b(?:in|since|during|until|by|before|after|of)\s+{year}\b(?!\s*(?:%|-|people|civilians))",
        ),
    ]
    return [(name, re.compile(rx, re.IGNORECASE)) for name, rx in rules]


def load_resources() -> None:
    """Load and validate the vocabulary and compile the patterns (once per process)."""
    _patterns()


# -- resolution ----------------------------------------------------------------------------------------


@dataclass
class Resolved:
    """A resolved expression: offsets into the text it was found in."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: int
    end_date: dt.date | None = None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_day_before(month: int, day: int, published: dt.date) -> dt.date | None:
    """The most recent month/day on or before the publication date."""
    for year in (published.year, published.year - 1):
        d = _safe_date(year, month, day)
        if d is not None and d <= published:
            return d
    return None


def _add_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _number(text: str | None) -> int | None:
    from frontlines.extract.numbers import parse_count

    if text is None:
        return 1
    if text.strip().lower() in ("a", "an"):
        return 1
    parsed = parse_count(text)
    return parsed[1] if parsed else None


def _precision_for_days(days: int) -> int:
    return 1 if days <= 1 else 2 if days <= 7 else 3 if days <= 31 else 4


def _resolve(
    name: str, m: re.Match[str], published: dt.date | None
) -> tuple[dt.date, int, dt.date | None] | None:
    """(date, precision, end_date) for one match of the named rule, or None."""
    v = _vocab()
    g = m.groupdict()
    if name == "iso":
        d = _safe_date(int(g["year"]), int(g["mm"]), int(g["dd"]))
        return (d, 1, None) if d else None
    if name in ("dmy", "mdy"):
        mo = month_number(g["month"])
        d = _safe_date(int(g["year"]), mo, int(g["day"])) if mo else None
        return (d, 1, None) if d else None
    if name == "my":
        mo = month_number(g["month"])
        if not mo:
            return None
        y = int(g["year"])
        return dt.date(y, mo, 1), 3, dt.date(y, mo, calendar.monthrange(y, mo)[1])
    if published is None:
        return None  # everything below is relative to the publication date
    if name in ("md", "dm", "ordinal"):
        mo = month_number(g["month"]) if name != "ordinal" else None
        day_no = int(g["day"])
        if name == "ordinal":
            d = _safe_date(published.year, published.month, day_no)
            if d is None or d > published:
                prev = _add_months(published.replace(day=1), -1)
                d = _safe_date(prev.year, prev.month, day_no)
        else:
            d = _month_day_before(mo, day_no, published) if mo else None
        return (d, 1, None) if d else None
    if name == "monthname":
        if not m.group("month")[0].isupper():
            return None  # "in march" as a verb or noun, not the month
        mo = month_number(g["month"])
        if not mo:
            return None
        y = published.year if mo <= published.month else published.year - 1
        last = dt.date(y, mo, calendar.monthrange(y, mo)[1])
        return dt.date(y, mo, 1), 3, min(last, published)
    if name == "year":
        y = int(g["year"])
        return (dt.date(y, 1, 1), 4, None) if y <= published.year else None
    if name == "relday":
        offset = v.relative_days[re.sub(r"\s+", " ", g["phrase"].lower())]
        return published + dt.timedelta(days=offset), 1, None
    if name == "weekday":
        if m.start() > 0 and (m.string[: m.start()].split() or [""])[-1].lower() in v.weekday_blockers:
            return None
        target = v.weekdays[g["wd"].lower()]
        back = (published.weekday() - target) % 7
        if g.get("last") and back == 0:
            back = 7
        return published - dt.timedelta(days=back), 1, None
    if name == "ago":
        n = _number(g["n"])
        unit = g["unit"].lower()
        if n is None:
            return None
        if unit == "day":
            return published - dt.timedelta(days=n), v.unit_precision["day"], None
        if unit == "week":
            return published - dt.timedelta(weeks=n), v.unit_precision["week"], None
        if unit == "month":
            return _add_months(published, -n).replace(day=1), v.unit_precision["month"], None
        return dt.date(published.year - n, 1, 1), v.unit_precision["year"], None
    if name == "past":
        n = _number(g.get("n2") or g.get("n"))
        unit = g["unit"].lower()
        if n is None:
            return None
        if unit == "hour":
            start = published - dt.timedelta(days=max(1, (n + 23) // 24))
        elif unit in ("day", "week"):
            start = published - dt.timedelta(days=n * (7 if unit == "week" else 1))
        elif unit == "month":
            start = _add_months(published, -n)
        else:
            start = _add_months(published, -12 * n)
        return start, _precision_for_days((published - start).days), published
    if name == "period":
        unit, offset, precision = v.periods[re.sub(r"\s+", " ", g["phrase"].lower())]
        start, end = _period(unit, offset, published)
        return start, precision, end
    return None


def _period(unit: str, offset: int, published: dt.date) -> tuple[dt.date, dt.date]:
    """(first day, last day) of this/the previous week, weekend, month or year; never after publication."""
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
        start, end = monday, monday + dt.timedelta(days=6)
    elif unit == "weekend":
        # the most recent Saturday-Sunday on or before publication (a Saturday report: that Saturday)
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        start, end = saturday, saturday + dt.timedelta(days=1)
    elif unit == "month":
        first = _add_months(published.replace(day=1), offset)
        start, end = first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    else:
        y = published.year + offset
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
    return start, min(end, published)


def find_in_text(text: str, published: dt.date | None) -> list[Resolved]:
    """Every resolvable date expression in a text, in order; overlapping matches keep the longest."""
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for name, rx in _patterns():
        for m in rx.finditer(text):
            candidates.append((m.start(), m.end(), name, m))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[Resolved] = []
    taken: list[tuple[int, int]] = []
    for start, end, name, m in sorted(candidates, key=lambda c: -(c[1] - c[0])):
        if any(start < e and s < end for s, e in taken):
            continue
        r = _resolve(name, m, published)
        if r is None:
            continue
        taken.append((start, end))
        out.append(Resolved(start, end, m.group(), r[0], r[1], r[2]))
    out.sort(key=lambda r: r.start)
    return out


def resolve_expression(text: str, published: dt.date | None) -> tuple[dt.date, int] | None:
    """(date, precision) of one date expression ("on Sunday", "in 2015", "Aug. 8"), resolved against the
    publication date; dateparser is tried when no rule knows the expression. None when unresolvable."""
    found = find_in_text(text, published)
    if found:
        return found[0].date, found[0].precision
    return _dateparser_fallback(text, published)


def _dateparser_fallback(text: str, published: dt.date | None) -> tuple[dt.date, int] | None:
    import dateparser  # slow to import: only when a span defeats the regexes

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    elif not re.search(r"\d{4}", text):
        return None  # a relative expression with nothing to resolve it against
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if re.search(r"\b\d{1,2}\b|day|night|morning|today|yesterday", text, re.IGNORECASE):
        precision = 1
    elif re.search(month_regex(), text, re.IGNORECASE):
        precision = 3
    else:
        precision = 4
    return parsed.date(), precision


def find_dates(analysis: Analysis) -> None:
    """Fill ``analysis.dates`` with the date expressions of every sentence, resolved against
    ``analysis.published`` (relative ones are skipped when it is unknown)."""
    for sentence in analysis.sentences:
        for r in find_in_text(sentence.text, analysis.published):
            start, end = sentence.start + r.start, sentence.start + r.end
            analysis.dates.append(
                DateMention(start, end, analysis.text[start:end], r.date, r.precision, r.end_date)
            )
