"""Precomputed daily aggregates for ``GET /api/stats/daily`` when it is filtered by country and period only.

One ``GROUP BY event_date, admin1, event_type`` over a country's events (or all events) gives every day's
counts and fatalities; a request for a period then takes a slice of the days and, per province and event
type, the difference of two running sums.  That replaces two aggregate queries over the period (a few
milliseconds each on 100,000 events; the province one sorts) by a few binary searches.  The server keeps
one ``DailyIndex`` per country for the store's current data generation (``frontlines.serve.cache.Memo``):
the first request after the data changed rebuilds it (tens of milliseconds per country).

The answer is ``queries.daily_stats``'s, with the same sums: SQL's ``SUM`` ignores NULLs and gives NULL
for none, counted as 0, and a sum of per-group sums is the sum over the union of the groups.  Other
filters (province, actor, type, modality, sources) go to ``queries.daily_stats``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from frontlines.store import queries as sq

CANON = sq.CANON
MEASURES = ("low", "best", "high")


def applies(f: sq.EventFilter) -> bool:
    """Whether ``f`` filters by country and period only (what the index answers)."""
    return not (
        f.admin1 or f.actor or f.event_type or f.sub_event_type or f.modality or f.min_sources is not None
    )


@dataclass
class _Series:
    """Running sums of one (province, event type) over the days it has events on."""

    days: list[int] = field(default_factory=list)  # day numbers (index into DailyIndex.dates), ascending
    sums: list[tuple[int, int, int, int]] = field(
        default_factory=lambda: [(0, 0, 0, 0)]
    )  # n, low, best, high
    undated: tuple[int, int, int, int] = (0, 0, 0, 0)  # events without a date

    def add(self, day: int | None, row: tuple[int, int, int, int]) -> None:
        if day is None:
            self.undated = _plus(self.undated, row)
            return
        if self.days and self.days[-1] == day:  # "" and NULL provinces of the same day share a series
            self.sums[-1] = _plus(self.sums[-1], row)
            return
        self.days.append(day)
        self.sums.append(_plus(self.sums[-1], row))

    def between(self, lo: int, hi: int) -> tuple[int, int, int, int]:
        """Totals over day numbers ``lo <= day < hi``."""
        a, b = bisect.bisect_left(self.days, lo), bisect.bisect_left(self.days, hi)
        return _minus(self.sums[b], self.sums[a])


def _plus(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, int, int, int]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


def _minus(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, int, int, int]:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3])


def _bucket() -> dict[str, Any]:
    return {"events": 0, "by_type": {}, "fatalities": {"low": 0, "best": 0, "high": 0}}


def _fill(bucket: dict[str, Any], event_type: str, row: tuple[int, int, int, int]) -> None:
    bucket["events"] += row[0]
    bucket["by_type"][event_type] = bucket["by_type"].get(event_type, 0) + row[0]
    fatalities = bucket["fatalities"]
    fatalities["low"] += row[1]
    fatalities["best"] += row[2]
    fatalities["high"] += row[3]


class DailyIndex:
    """Every day's and every province's aggregates of one country's events (``iso3`` None: all events)."""

    def __init__(self, conn: Connection, iso3: str | None) -> None:
        low = func.sum(func.coalesce(CANON.c.fatalities_low, CANON.c.fatalities))
        high = func.sum(func.coalesce(CANON.c.fatalities_high, CANON.c.fatalities))
        stmt = select(
            CANON.c.event_date,
            CANON.c.admin1,
            CANON.c.event_type,
            func.count(),
            low,
            func.sum(CANON.c.fatalities),
            high,
        ).group_by(CANON.c.event_date, CANON.c.admin1, CANON.c.event_type)
        if iso3 is not None:
            stmt = stmt.where(CANON.c.iso3 == iso3)
        rows = []
        for day, admin1, event_type, n, lo, best, hi in conn.execute(stmt).all():
            key = day.isoformat() if isinstance(day, dt.date) else (day or "")
            rows.append((key, admin1 or "", event_type, (n, int(lo or 0), int(best or 0), int(hi or 0))))
        # by date, then type (the order of the per-request query's groups, and so of the by_type keys)
        rows.sort(key=lambda r: (r[0], r[2], r[1]))
        self.dates: list[str] = []  # days with events, ascending ISO dates
        self.days: list[dict[str, Any]] = []  # their aggregates, as in the response
        self.undated: dict[str, Any] | None = None  # events without a date
        self.series: dict[str, dict[str, _Series]] = {}  # province -> event type -> running sums
        for key, _admin1, event_type, row in rows:
            if key:
                if not self.dates or self.dates[-1] != key:
                    self.dates.append(key)
                    self.days.append(_bucket())
                bucket, day = self.days[-1], len(self.dates) - 1
            else:
                if self.undated is None:
                    self.undated = _bucket()
                bucket, day = self.undated, None
            _fill(bucket, event_type, row)
        # running sums in day order, per province and type
        for key, admin1, event_type, row in sorted(rows, key=lambda r: (r[1], r[2], r[0])):
            day = bisect.bisect_left(self.dates, key) if key else None
            self.series.setdefault(admin1, {}).setdefault(event_type, _Series()).add(day, row)

    def stats(self, start: dt.date | None, end: dt.date | None) -> dict[str, Any]:
        """``queries.daily_stats``'s answer for the period ``[start, end]`` (either end open)."""
        lo = bisect.bisect_left(self.dates, start.isoformat()) if start else 0
        hi = bisect.bisect_right(self.dates, end.isoformat()) if end else len(self.dates)
        dated_only = start is not None or end is not None  # a bound leaves out events without a date
        days = [{"date": d, **v} for d, v in zip(self.dates[lo:hi], self.days[lo:hi], strict=True)]
        if self.undated is not None and not dated_only:
            days.insert(0, {"date": "unknown", **self.undated})
        provinces = []
        for admin1 in sorted(self.series):
            bucket = _bucket()
            for event_type in sorted(self.series[admin1]):
                s = self.series[admin1][event_type]
                row = s.between(lo, hi) if hi > lo else (0, 0, 0, 0)
                if not dated_only:
                    row = _plus(row, s.undated)
                if row[0]:
                    _fill(bucket, event_type, row)
            if bucket["events"]:
                provinces.append({"admin1": admin1, **bucket})
        return {"days": days, "provinces": provinces}
