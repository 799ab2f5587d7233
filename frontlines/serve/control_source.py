"""The territorial control timelines for the web server: built by ``frontlines.store.territory`` (the same
rule as the CLI's ``frontlines control``), cached per store and rebuilt when the data changes."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import Connection

from frontlines.reconcile.control import (
    ControlState,
    TerritoryObservation,
    build_timelines,
    place_key,
)
from frontlines.serve import queries
from frontlines.store import territory

Timelines = dict[str, list[ControlState]]
CHECK_EVERY = 2.0  # seconds between checks of the data fingerprint


def observations(conn: Connection) -> list[TerritoryObservation]:
    """Observations of changes of hands, built by the store's territory module (one rule for CLI and web)."""
    return territory.observations(conn)


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
