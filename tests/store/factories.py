"""Hand-built contract results for store tests (no extraction needed)."""

from __future__ import annotations

from typing import Any


def make_event(n: int = 1, **fields: Any) -> dict[str, Any]:
    """A contract event dict (a battle for Kunduz unless fields say otherwise)."""
    event = {
        "id": f"ev{n}",
        "event_date": "2021-08-08",
        "time_precision": 1,
        "disorder_type": "Political violence",
        "event_type": "Battles",
        "sub_event_type": "Non-state actor overtakes territory",
        "actor1": "Taliban",
        "actor2": "Military Forces of Afghanistan (2004-2021)",
        "inter1": 2,
        "inter2": 1,
        "interaction": 12,
        "country": "Afghanistan",
        "iso3": "AFG",
        "admin1": "Kunduz",
        "location": "Kunduz",
        "latitude": 36.73,
        "longitude": 68.86,
        "geo_precision": 1,
        "fatalities": 3,
        "modality": "asserted",
        "historical": False,
        "claims": [],
        "evidence": [{"text": "The Taliban captured Kunduz.", "start": 0, "end": 28}],
        "notes": "On 8 August 2021, the Taliban captured Kunduz.",
    }
    event.update(fields)
    return event


def make_result(text: str, events: list[dict[str, Any]] | None = None, **fields: Any) -> dict[str, Any]:
    """A contract result dict for ``text`` (document key and extractor version filled in)."""
    from frontlines.ids import document_key
    from frontlines.version import EXTRACTOR_VERSION

    result = {
        "id": fields.pop("id", None) or document_key(text),
        "text": text,
        "language": "en",
        "published": "2021-08-09",
        "speakers": [
            {"id": "s1", "name": "Ahmad Karimi", "aliases": [], "role": "spokesman", "organization": None}
        ],
        "actors": [{"id": "a1", "name": "Taliban", "aliases": ["the militants"], "inter": 2, "iso3": "AFG"}],
        "places": [
            {
                "id": "p1",
                "name": "Kunduz",
                "latitude": 36.73,
                "longitude": 68.86,
                "country": "Afghanistan",
                "iso3": "AFG",
                "admin1": "Kunduz",
                "admin2": None,
                "geonameid": 1135689,
                "feature": "populated place",
            }
        ],
        "events": events if events is not None else [make_event()],
        "claims": [
            {
                "id": "c1",
                "claimant": "Taliban",
                "claimant_kind": "actor",
                "stance": "claims",
                "event": "ev1",
                "text": "we captured the city",
                "start": 0,
                "end": 10,
                "contradicts": ["c2"],
            },
            {
                "id": "c2",
                "claimant": "Ministry of Defence",
                "claimant_kind": "actor",
                "stance": "denies",
                "event": "ev1",
                "text": "the city has not fallen",
                "start": 11,
                "end": 20,
                "contradicts": ["c1"],
            },
        ],
        "warnings": [],
        "document_key": document_key(text),
        "extractor_version": EXTRACTOR_VERSION,
    }
    result.update(fields)
    return result
