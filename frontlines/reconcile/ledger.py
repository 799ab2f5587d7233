"""The claims ledger: which claims contradict which, grouped by event, with every claimed figure kept.

Pure library code over :class:`ClaimRecord` (built from the store by ``frontlines.store.territory``).
Three kinds of pair:

* ``control``: two sides claim opposite changes of one place within a few days (a capture vs a retake, or
  a claim of holding a place vs a report that it fell);
* ``denial``: a claim that denies a change another source reports;
* ``figure``: casualty counts for one event (or one place and day) that disagree; the entry keeps every
  claimed value and their range;
* ``linked``: claims the extractor linked as contradicting inside one report.

Also here: which outlets are parties to a conflict (``outlets.yaml``'s ``affiliation``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import yaml

from frontlines.data.loader import data_text

CONTROL_WINDOW_DAYS = 3  # opposite control claims this close in time are about the same fight
STATE_AFFILIATION = "state forces of the report's country"


@dataclass
class ClaimRecord:
    """One source's word on an event: who says it, for which side, when, where, and what."""

    claim_id: str
    group: str  # the event it is about (canonical event uid), or a place-and-day key
    claimant: str
    side: str | None  # the party the claimant speaks for (actor or the outlet's affiliation); None: no party
    date: dt.date | None  # publication date
    quote: str
    source: str | None = None  # outlet
    document: str | None = None  # input id or document key
    place: str | None = None
    place_key: str | None = None
    event_date: dt.date | None = None
    stance: str = "asserts"  # asserts | claims | denies | disputes
    taker: str | None = None  # for a change of control: who takes the place
    fatalities: int | None = None  # for a casualty figure
    origin: str | None = None  # syndication origin: copies of one story share it
    contradicts: list[str] = field(default_factory=list)

    def brief(self) -> dict[str, Any]:
        """The record as a plain dict (dates as ISO text)."""
        out = asdict(self)
        for k in ("date", "event_date"):
            if out[k] is not None:
                out[k] = out[k].isoformat()
        out.pop("contradicts")
        return out


@dataclass
class LedgerEntry:
    """A pair of contradicting claims (``b`` None for a figure entry with a single disagreeing group)."""

    kind: str  # control | denial | figure | linked
    group: str
    place: str | None
    a: ClaimRecord
    b: ClaimRecord
    why: str
    values: list[int] = field(default_factory=list)  # figures: every claimed value, in date order

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: kind, group, place, why, a, b, and for figures values, low and high."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "group": self.group,
            "place": self.place,
            "why": self.why,
            "a": self.a.brief(),
            "b": self.b.brief(),
        }
        if self.values:
            out.update(values=self.values, low=min(self.values), high=max(self.values))
        return out


# -- outlets that are parties ------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", text.casefold()).strip()


@functools.cache
def _outlet_index() -> dict[str, str | None]:
    raw = yaml.safe_load(data_text("actors/outlets.yaml")) or {}
    index: dict[str, str | None] = {}
    for o in raw.get("outlets", []):
        for name in (o["name"], *(o.get("aliases") or [])):
            index[_fold(name)] = o.get("affiliation")
    return index


def outlet_affiliation(
    outlet: str | None, state_forces: Callable[[], str | None] | None = None
) -> tuple[bool, str | None]:
    """(known outlet, affiliation) for an outlet name, any listed spelling.

    ``Ministry of Defence (Afghanistan)`` and ``Taliban statement (Voice of Jihad)`` match by the name
    outside or inside the brackets.  An affiliation "state forces of the report's country" is resolved by
    ``state_forces()`` (the caller knows the country and the date).  Unknown outlets: ``(False, None)``.
    """
    if not outlet:
        return False, None
    index = _outlet_index()
    inner = re.findall(r"\(([^)]*)\)", outlet)
    outer = re.sub(r"\([^)]*\)", " ", outlet)
    for cand in (outlet, outer, *inner):
        key = _fold(cand)
        if key in index:
            aff = index[key]
            if aff == STATE_AFFILIATION:
                aff = state_forces() if state_forces else None
            return True, aff
    return False, None


# -- pairs ------------------------------------------------------------------------------------------------


def _near(a: dt.date | None, b: dt.date | None) -> bool:
    return a is not None and b is not None and abs((a - b).days) <= CONTROL_WINDOW_DAYS


def _independent(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Two records from different stories (syndicated copies never contradict each other)."""
    return (a.origin or a.document) != (b.origin or b.document)


def control_pairs(records: Iterable[ClaimRecord]) -> list[LedgerEntry]:
    """Opposite control claims and denials over one place within ``CONTROL_WINDOW_DAYS``."""
    by_place: dict[str, list[ClaimRecord]] = defaultdict(list)
    for r in records:
        if r.place_key and (r.taker or r.stance == "denies"):
            by_place[r.place_key].append(r)
    out: list[LedgerEntry] = []
    for recs in by_place.values():
        recs.sort(key=lambda r: (r.date or dt.date.min, r.claim_id))
        seen: set[tuple[str | None, str | None, str]] = set()
        for i, a in enumerate(recs):
            for b in recs[i + 1 :]:
                if not _independent(a, b) or not _near(a.event_date or a.date, b.event_date or b.date):
                    continue
                deny = (a.stance == "denies") != (b.stance == "denies")
                if deny:
                    denial, other = (a, b) if a.stance == "denies" else (b, a)
                    if denial.taker and denial.taker != other.taker:
                        continue
                    kind, why = "denial", f"{denial.claimant} denies what {other.claimant} reports"
                elif a.stance != "denies" and a.taker != b.taker:
                    kind = "control"
                    why = f"{a.claimant} says {a.taker} holds {a.place}; {b.claimant} says {b.taker} does"
                else:
                    continue
                # one entry per pair of stories and kind
                sig = (a.origin or a.document, b.origin or b.document, kind)
                if sig in seen:
                    continue
                seen.add(sig)
                out.append(LedgerEntry(kind, a.group, a.place, a, b, why))
    return out


def figure_pairs(records: Iterable[ClaimRecord]) -> list[LedgerEntry]:
    """Casualty figures for one event group that disagree: every value kept, with the range.

    One entry per group: ``a`` and ``b`` are the records with the lowest and highest figures.
    """
    by_group: dict[str, list[ClaimRecord]] = defaultdict(list)
    for r in records:
        if r.fatalities is not None:
            by_group[r.group].append(r)
    out = []
    for group, recs in by_group.items():
        recs.sort(key=lambda r: (r.date or dt.date.min, r.claim_id))
        if len({r.fatalities for r in recs}) < 2:
            continue
        lo = min(recs, key=lambda r: r.fatalities or 0)
        hi = max(recs, key=lambda r: r.fatalities or 0)
        if not _independent(lo, hi) and lo.side == hi.side:
            continue
        values = [r.fatalities for r in recs if r.fatalities is not None]
        why = f"{len(values)} figures from {len({r.origin or r.document for r in recs})} stories disagree"
        out.append(LedgerEntry("figure", group, lo.place, lo, hi, why, values=values))
    return out


def linked_pairs(records: Iterable[ClaimRecord]) -> list[LedgerEntry]:
    """Pairs the extractor linked as contradicting (inside one report), each pair once."""
    by_id = {r.claim_id: r for r in records}
    out, seen = [], set()
    for r in by_id.values():
        for other_id in r.contradicts:
            other = by_id.get(other_id)
            pair = tuple(sorted((r.claim_id, other_id)))
            if other is None or pair in seen:
                continue
            seen.add(pair)
            out.append(
                LedgerEntry("linked", r.group, r.place, r, other, "linked as contradicting in the report")
            )
    return out


def ledger(records: list[ClaimRecord], kinds: Iterable[str] | None = None) -> list[LedgerEntry]:
    """Every contradicting pair among the records, grouped by event (then by date)."""
    wanted = set(kinds or ("control", "denial", "figure", "linked"))
    out: list[LedgerEntry] = []
    if wanted & {"control", "denial"}:
        out += [e for e in control_pairs(records) if e.kind in wanted]
    if "figure" in wanted:
        out += figure_pairs(records)
    if "linked" in wanted:
        out += linked_pairs(records)
    return sorted(out, key=lambda e: (e.group, e.a.date or dt.date.min, e.kind))
