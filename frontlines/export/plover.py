"""PLOVER records (one JSON object per line) from canonical events, mapped by ``data/plover.yaml``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import IO, Any

import pycountry

from frontlines.data.loader import load_yaml, require
from frontlines.export.tabular import dumps
from frontlines.model import EVENT_TYPE_OF

PLOVER_FILE = "plover.yaml"
# "Military Forces of Afghanistan (2004-2021)", "Civilians (Afghanistan)", "Islamic State (Afghanistan)".
_OF_COUNTRY = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w' -]+?)\s*(?:\(|$)")
_PAREN = re.compile(r"\(([A-Za-z][\w' -]+)\)")


@lru_cache(maxsize=1)
def load_mapping() -> dict[str, dict[str, Any]]:
    """The ACLED -> PLOVER mapping, validated: every ACLED sub-event type, known event types and modes."""
    data = load_yaml(PLOVER_FILE)
    require(isinstance(data, dict), PLOVER_FILE, "top level", "expected a mapping")
    types = set(data.get("event_types") or [])
    modes: dict[str, list[str]] = data.get("modes") or {}
    mapping: dict[str, dict[str, Any]] = data.get("mapping") or {}
    for sub, entry in mapping.items():
        where = f"mapping {sub!r}"
        require(sub in EVENT_TYPE_OF, PLOVER_FILE, where, "not an ACLED sub-event type")
        require(isinstance(entry, dict), PLOVER_FILE, where, "expected a mapping")
        etype, mode = entry.get("event_type"), entry.get("mode")
        require(etype is None or etype in types, PLOVER_FILE, where, f"unknown PLOVER event type {etype!r}")
        require(
            mode is None or (etype is not None and mode in (modes.get(etype) or [])),
            PLOVER_FILE,
            where,
            f"mode {mode!r} is not a mode of {etype}",
        )
        require(isinstance(entry.get("context", []), list), PLOVER_FILE, where, "'context' must be a list")
    missing = sorted(set(EVENT_TYPE_OF) - set(mapping))
    require(not missing, PLOVER_FILE, "mapping", f"ACLED sub-event types not mapped: {missing}")
    return mapping


def actor_country(actor: str, inter: Any, event_iso3: str | None) -> str | None:
    """ISO3 of an ACLED-style actor name ("... of Afghanistan", "(Afghanistan)"); domestic actors default to
    the event's country, external forces (inter 8) to None when the name does not say."""
    if not actor:
        return None
    for pattern in (_OF_COUNTRY, _PAREN):
        match = pattern.search(actor)
        if match:
            try:
                return pycountry.countries.lookup(match.group(1).strip()).alpha_3
            except LookupError:
                continue
    return None if str(inter) == "8" else event_iso3


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One normalised event row (see ``columns.event_row``) as a PLOVER-style record."""
    entry = load_mapping().get(row.get("sub_event_type") or "", {})
    iso3 = row.get("iso3")
    return {
        "id": row.get("event_uid") or row.get("event_id_cnty"),
        "date": row.get("event_date"),
        "event_type": entry.get("event_type"),
        "mode": entry.get("mode"),
        "context": list(entry.get("context") or []),
        "actor": row.get("actor1") or None,
        "actor_country": actor_country(row.get("actor1") or "", row.get("inter1"), iso3),
        "recipient": row.get("actor2") or None,
        "recipient_country": actor_country(row.get("actor2") or "", row.get("inter2"), iso3),
        "location": {
            "name": row.get("location"),
            "lat": row.get("latitude"),
            "lon": row.get("longitude"),
            "admin1": row.get("admin1"),
            "country": row.get("country"),
        },
        "fatalities": row.get("fatalities") or 0,
        "source_text": row.get("notes") or "",
        # Ours, so a PLOVER user can go back to the ACLED coding and the evidence strength.
        "acled_sub_event_type": row.get("sub_event_type"),
        "modality": row.get("modality"),
        "sources_independent": row.get("sources_independent"),
    }


def write_plover(rows: Iterable[dict[str, Any]], fh: IO[str]) -> None:
    """PLOVER JSON Lines: one record per event."""
    for row in rows:
        fh.write(dumps(plover_record(row)) + "\n")
