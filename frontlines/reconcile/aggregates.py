"""Aggregates per day and province: events by type, fatalities (low/best/high), capitals held per side.

Pure library code over event rows (dicts with the contract's event fields) and control timelines; the
provincial capitals come from ``frontlines/data/capitals.yaml``.  No store, web or CLI imports.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from frontlines.data.loader import data_text
from frontlines.reconcile.control import ControlState, state_on


@dataclass(frozen=True)
class Capital:
    """A provincial capital: the province, the town, other spellings and coordinates."""

    iso3: str
    admin1: str
    name: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...] = ()
    admin1_aliases: tuple[str, ...] = ()

    @property
    def place_id(self) -> str:
        """The stable place identity used by the control timelines."""
        return f"capital:{self.iso3}:{fold(self.admin1)}"


def fold(text: str | None) -> str:
    """A name folded for matching: no accents, case, spaces, hyphens or apostrophes."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


@functools.cache
def capitals() -> dict[str, tuple[Capital, ...]]:
    """Provincial capitals by ISO3 country code."""
    raw = yaml.safe_load(data_text("capitals.yaml")) or {}
    out: dict[str, tuple[Capital, ...]] = {}
    for iso3, entries in raw.items():
        out[iso3] = tuple(
            Capital(
                iso3=iso3,
                admin1=e["admin1"],
                name=e["capital"],
                latitude=float(e["latitude"]),
                longitude=float(e["longitude"]),
                aliases=tuple(e.get("aliases") or ()),
                admin1_aliases=tuple(e.get("admin1_aliases") or ()),
            )
            for e in entries
        )
    return out


@functools.cache
def _capital_index() -> dict[tuple[str, str], list[Capital]]:
    index: dict[tuple[str, str], list[Capital]] = defaultdict(list)
    for iso3, caps in capitals().items():
        for cap in caps:
            for name in (cap.name, *cap.aliases):
                index[(iso3, fold(name))].append(cap)
    return index


def _province_matches(cap: Capital, admin1: str | None) -> bool:
    return not admin1 or fold(admin1) in {fold(n) for n in (cap.admin1, *cap.admin1_aliases)}


def find_capital(place: str | None, admin1: str | None, iso3: str | None) -> Capital | None:
    """The provincial capital a place name means (any spelling), checked against its province when given."""
    if not place or not iso3:
        return None
    cands = _capital_index().get((iso3, fold(place)), [])
    for cap in cands:
        if _province_matches(cap, admin1):
            return cap
    return None


def province_name(admin1: str | None, iso3: str | None) -> str | None:
    """The capitals file's spelling of a province (``Jowzjan`` -> ``Jawzjan``), else the name given."""
    if admin1 and iso3:
        for cap in capitals().get(iso3, ()):
            if _province_matches(cap, admin1):
                return cap.admin1
    return admin1


def days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """Every day from ``start`` to ``end`` inclusive."""
    for n in range((end - start).days + 1):
        yield start + dt.timedelta(days=n)


def capitals_held(
    timelines: dict[str, list[ControlState]], iso3: str, start: dt.date, end: dt.date
) -> list[dict[str, Any]]:
    """Per day, the number of the country's provincial capitals held by each side (``unknown``: no state).

    Returns one row per day: ``{"date", "holders": {holder: n}, "contested": n, "unknown": n, "total": n}``.
    """
    caps = capitals().get(iso3, ())
    rows = []
    for day in days(start, end):
        held: Counter[str] = Counter()
        contested = unknown = 0
        for cap in caps:
            st = state_on(timelines.get(cap.place_id, []), day)
            if st is None or st.holder is None:
                unknown += 1
                continue
            held[st.holder] += 1
            contested += int(st.contested)
        rows.append(
            {
                "date": day.isoformat(),
                "holders": dict(sorted(held.items())),
                "contested": contested,
                "unknown": unknown,
                "total": len(caps),
            }
        )
    return rows


@dataclass
class DayProvince:
    """The aggregate of one day in one province."""

    date: str
    admin1: str
    events: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    fatalities_low: int = 0
    fatalities: int = 0
    fatalities_high: int = 0

    def row(self, types: list[str]) -> dict[str, Any]:
        """A flat row: date, admin1, events, one column per event type, fatalities low/best/high."""
        out: dict[str, Any] = {"date": self.date, "admin1": self.admin1, "events": self.events}
        out.update({t: self.by_type.get(t, 0) for t in types})
        out.update(
            fatalities_low=self.fatalities_low,
            fatalities=self.fatalities,
            fatalities_high=self.fatalities_high,
        )
        return out


def _int(value: Any, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except (TypeError, ValueError):
        return default


def events_by_day_province(events: Iterable[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]]]:
    """Canonical events summed per (day, province): counts by event type and fatalities low/best/high.

    ``fatalities`` is the contract's best (lowest credible) figure; ``fatalities_low``/``_high`` the reported
    range, falling back to the best figure when a range is missing.  Returns (event types seen, rows).
    """
    cells: dict[tuple[str, str], DayProvince] = {}
    types: set[str] = set()
    for ev in events:
        day = str(ev.get("event_date") or "")[:10]
        if not day:
            continue
        admin1 = province_name(ev.get("admin1"), ev.get("iso3")) or ""
        cell = cells.setdefault((day, admin1), DayProvince(day, admin1))
        etype = ev.get("event_type") or "Unknown"
        types.add(etype)
        best = _int(ev.get("fatalities"), 0)
        cell.events += 1
        cell.by_type[etype] += 1
        cell.fatalities += best
        cell.fatalities_low += _int(ev.get("fatalities_low"), best)
        cell.fatalities_high += max(_int(ev.get("fatalities_high"), best), best)
    order = sorted(types)
    return order, [cells[k].row(order) for k in sorted(cells)]
