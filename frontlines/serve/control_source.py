"""The territorial control timeline from the store: canonical territory events -> observations -> timelines.

One :class:`TerritoryObservation` per canonical territory event (Non-state actor overtakes territory,
Government regains territory, Non-violent transfer of territory): the taker is ``actor1``, the loser
``actor2``; an asserted event counts its ``sources_independent`` as independent sources, a claimed one counts
them as party sources, a denied one is a denial.  Claims by actors (parties to the fight) add party sources,
or a denial when they deny or dispute.  Timelines are cached per store and rebuilt when the data changes.
(The lead may move this into the store later.)
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import Connection

from frontlines.reconcile.control import (
    CAPTURE_TYPES,
    ControlState,
    Evidence,
    TerritoryObservation,
    build_timelines,
    place_key,
)
from frontlines.serve import queries

Timelines = dict[str, list[ControlState]]
CHECK_EVERY = 2.0  # seconds between checks of the data fingerprint


def observations(conn: Connection) -> list[TerritoryObservation]:
    """Observations of changes of hands built from the store's canonical territory events and claims."""
    rows = queries.territory_rows(conn, list(CAPTURE_TYPES))
    claims = queries.party_claims(conn, [r["uid"] for r in rows])
    out: list[TerritoryObservation] = []
    for r in rows:
        if not r.get("event_date") or not (r.get("location") or r.get("admin1")) or not r.get("actor1"):
            continue
        modality = r.get("modality") or "asserted"
        if modality in ("hypothetical", "negated"):
            continue
        day = dt.date.fromisoformat(r["event_date"])
        base = {
            "place": r.get("location") or r.get("admin1"),
            "admin1": r.get("admin1"),
            "country": r.get("country"),
            "iso3": r.get("iso3"),
            "latitude": r.get("latitude"),
            "longitude": r.get("longitude"),
            "date": day,
            "taker": r["actor1"],
            "loser": r.get("actor2") or None,
        }
        kind = CAPTURE_TYPES[r["sub_event_type"]]
        sources = int(r.get("sources_independent") or 0)
        ev = Evidence(r["uid"], None, r.get("source"), r.get("event_date"), r.get("notes") or None)
        if modality == "denied":
            out.append(
                TerritoryObservation(**base, kind="denial", party_sources=max(1, sources), evidence=[ev])
            )
            continue
        independent, party = (sources, 0) if modality == "asserted" else (0, max(1, sources))
        supporting = [c for c in claims.get(r["uid"], []) if c["stance"] in queries.SUPPORTING]
        party += len(supporting)
        evidence = [ev] + [
            Evidence(r["uid"], c["claimant"], None, c.get("published"), c["text"], c["stance"], True)
            for c in supporting
        ]
        out.append(
            TerritoryObservation(
                **base, kind=kind, independent_sources=independent, party_sources=party, evidence=evidence
            )
        )
        for c in claims.get(r["uid"], []):
            if c["stance"] in queries.OPPOSING:
                published = c.get("published")
                out.append(
                    TerritoryObservation(
                        **{**base, "date": dt.date.fromisoformat(published) if published else day},
                        kind="denial",
                        party_sources=1,
                        evidence=[
                            Evidence(r["uid"], c["claimant"], None, published, c["text"], c["stance"], True)
                        ],
                    )
                )
    return out


class TimelineCache:
    """Timelines for one store, rebuilt when the data fingerprint changes (checked every few seconds)."""

    def __init__(self, connect: Callable[[], Any]) -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self._version: tuple[Any, ...] | None = None
        self._timelines: Timelines = {}
        self._checked = 0.0

    def get(self) -> Timelines:
        """The current timelines."""
        with self._lock:
            if time.monotonic() - self._checked < CHECK_EVERY and self._version is not None:
                return self._timelines
            with self._connect() as conn:
                version = queries.data_version(conn)
                if version != self._version:
                    self._timelines = build_timelines(observations(conn))
                    self._version = version
            self._checked = time.monotonic()
            return self._timelines

    def invalidate(self) -> None:
        """Force a rebuild on the next call (after a write)."""
        with self._lock:
            self._version = None
            self._checked = 0.0


def find_place(timelines: Timelines, place: str) -> list[ControlState] | None:
    """The timeline of a place given by name (case-insensitive) or by its key."""
    if place in timelines:
        return timelines[place]
    want = place.strip().casefold()
    for key, tl in timelines.items():
        if tl and (tl[0].place.casefold() == want or key.split("|", 1)[0] == want):
            return tl
    return None


def state_dict(st: ControlState, with_evidence: bool = False) -> dict[str, Any]:
    """The contract's control item, plus ``until``, ``why`` and ``key`` (and the evidence on request)."""
    out: dict[str, Any] = st.to_contract()
    out["until"] = st.until.isoformat() if st.until else None
    out["why"] = st.why
    out["key"] = place_key(st.place, st.admin1, st.iso3)
    if with_evidence:
        out["evidence"] = [vars(e) for e in st.evidence]
    return out
