"""The territorial control timelines for the web server: built by ``frontlines.store.territory`` (the same
rule as the CLI's ``frontlines control``), cached per store and rebuilt when the data changes."""

from __future__ import annotations

import bisect
import heapq
import threading
from typing import Any

from sqlalchemy.engine import Connection

from frontlines.reconcile.control import (
    ControlState,
    TerritoryObservation,
    build_timelines,
    place_key,
)
from frontlines.serve.cache import StoreVersion
from frontlines.store import territory

Timelines = dict[str, list[ControlState]]


def observations(conn: Connection) -> list[TerritoryObservation]:
    """Observations of changes of hands, built by the store's territory module (one rule for CLI and web)."""
    return territory.observations(conn)


class HeldIndex:
    """How many places each holder held on any day, for one country (or all): a sweep over the states'
    starts and ends, so a day costs a binary search instead of a pass over every state.

    A state counts on day ``d`` when it has a holder, ``since <= d`` (or no ``since``) and ``d < until``
    (or no ``until``), compared as ISO dates.  Holders are listed in the order of the first counted state
    in timeline order, as the single pass over the states (``api_read.places_held``'s first version) did.
    """

    def __init__(self, timelines: Timelines, iso3: str | None) -> None:
        changes: list[tuple[str, int, int, str]] = []  # (day, +1/-1, state number, holder)
        n = 0
        for timeline in timelines.values():
            for st in timeline:
                if not st.holder or (iso3 is not None and st.iso3 != iso3):
                    continue
                since = st.since.isoformat() if st.since else ""
                until = st.until.isoformat() if st.until else None
                n += 1
                if until is not None and until <= since:
                    continue  # an empty interval never counts
                changes.append((since, 1, n, st.holder))
                if until is not None:
                    changes.append((until, -1, n, st.holder))
        changes.sort(key=lambda c: c[0])
        count: dict[str, int] = {}
        first: dict[str, list[int]] = {}  # holder -> heap of the numbers of its states in force
        ended: set[int] = set()
        self.days: list[str] = []
        self.held: list[dict[str, int]] = []
        i = 0
        while i < len(changes):
            day = changes[i][0]
            while i < len(changes) and changes[i][0] == day:
                _, step, number, holder = changes[i]
                count[holder] = count.get(holder, 0) + step
                if step > 0:
                    heapq.heappush(first.setdefault(holder, []), number)
                else:
                    ended.add(number)
                i += 1
            order = []
            for holder, heap in first.items():
                while heap and heap[0] in ended:
                    heapq.heappop(heap)
                if heap:
                    order.append((heap[0], holder))
            self.days.append(day)
            self.held.append({holder: count[holder] for _, holder in sorted(order)})

    def on(self, day: str) -> dict[str, int]:
        """Places per holder on ``day`` (an ISO date); a new dict the caller may keep."""
        i = bisect.bisect_right(self.days, day) - 1
        return dict(self.held[i]) if i >= 0 else {}


class TimelineCache:
    """Timelines for one store, rebuilt when the store's data generation changes."""

    def __init__(self, version: StoreVersion) -> None:
        self._version = version
        self._lock = threading.Lock()
        self._generation: int | None = None
        self._timelines: Timelines = {}
        self._held: dict[str | None, HeldIndex] = {}

    def get(self) -> Timelines:
        """The current timelines."""
        generation = self._version.current()
        with self._lock:
            return self._refresh(generation)

    def held(self, iso3: str | None) -> HeldIndex:
        """The places-held index of the current timelines for a country (None: all countries)."""
        generation = self._version.current()
        with self._lock:
            timelines = self._refresh(generation)
            index = self._held.get(iso3)
            if index is None:
                index = self._held[iso3] = HeldIndex(timelines, iso3)
            return index

    def _refresh(self, generation: int) -> Timelines:
        """Rebuild for a new generation (called with the lock held; one build at a time)."""
        if generation != self._generation:
            with self._version.connect() as conn:
                self._timelines = build_timelines(observations(conn))
            self._held = {}
            self._generation = generation
        return self._timelines

    def invalidate(self) -> None:
        """Force a rebuild on the next call (after a write)."""
        self._version.invalidate()


find_place = territory.find_place


def state_dict(st: ControlState, with_evidence: bool = False) -> dict[str, Any]:
    """The contract's control item, plus ``until``, ``why`` and ``key`` (and the evidence on request)."""
    out: dict[str, Any] = st.to_contract()
    out["until"] = st.until.isoformat() if st.until else None
    out["why"] = st.why
    out["key"] = place_key(st.place, st.admin1, st.iso3)
    if with_evidence:
        out["evidence"] = [vars(e) for e in st.evidence]
    return out
