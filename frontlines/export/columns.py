"""The event table's columns (CONTRACT.md, "Store-level outputs") and the normalisation of one row to them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pycountry

# ACLED's public CSV columns, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
# Ours, after ACLED's.
OUR_COLUMNS: tuple[str, ...] = (
    "iso3",
    "modality",
    "fatalities_low",
    "fatalities_high",
    "civilian_fatalities",
    "injured",
    "arrested",
    "sources_independent",
    "mentions",
    "event_uid",
)
EVENT_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + OUR_COLUMNS

INT_COLUMNS = frozenset(
    {
        "year",
        "time_precision",
        "inter1",
        "inter2",
        "interaction",
        "iso",
        "geo_precision",
        "fatalities",
        "timestamp",
        "fatalities_low",
        "fatalities_high",
        "civilian_fatalities",
        "injured",
        "arrested",
        "sources_independent",
        "mentions",
    }
)
FLOAT_COLUMNS = frozenset({"latitude", "longitude"})
DATE_COLUMNS = frozenset({"event_date"})
# Columns that are never null: ACLED writes "" for a missing actor and 0 for no fatalities.
_EMPTY_STRING = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "civilian_targeting", "tags", "notes")


def iso_numeric(iso3: str | None) -> int | None:
    """The ISO 3166 numeric code (ACLED's ``iso``) of an ISO3 code, or None."""
    if not iso3:
        return None
    country = pycountry.countries.get(alpha_3=iso3.upper())
    return int(country.numeric) if country else None


def _to_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _to_float(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _to_date_text(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10] if value else None


def _to_timestamp(value: Any) -> int | None:
    # ACLED's timestamp is Unix seconds of the row's last change.
    if isinstance(value, datetime):
        return int(value.timestamp())
    if isinstance(value, str) and not value.strip().lstrip("-").isdigit():
        try:
            return int(datetime.fromisoformat(value).timestamp())
        except ValueError:
            return None
    return _to_int(value)


def event_row(row: dict[str, Any]) -> dict[str, Any]:
    """One canonical event (a store row or :func:`summarise` output) as a dict with exactly EVENT_COLUMNS.

    Derived columns are filled when absent: ``year`` from the date, ``iso`` from ``iso3``,
    ``event_id_cnty`` from ``iso3`` and the uid.  Values are typed (ints, floats, ``YYYY-MM-DD``) and
    missing values are None, except the ACLED columns that are "" or 0 when empty.
    """
    uid = row.get("event_uid") or row.get("uid")
    out: dict[str, Any] = {}
    for col in EVENT_COLUMNS:
        value = row.get(col)
        if isinstance(value, list | tuple | set):
            value = "; ".join(str(v) for v in value)
        out[col] = value
    out["event_uid"] = uid
    out["event_date"] = _to_date_text(out["event_date"])
    if out["year"] in (None, "") and out["event_date"]:
        out["year"] = int(out["event_date"][:4])
    if out["iso"] in (None, ""):
        out["iso"] = iso_numeric(out["iso3"])
    if not out["event_id_cnty"] and uid:
        out["event_id_cnty"] = f"{out['iso3'] or 'XXX'}-{uid}"
    out["timestamp"] = _to_timestamp(out["timestamp"])
    for col in INT_COLUMNS - {"timestamp"}:
        out[col] = _to_int(out[col])
    for col in FLOAT_COLUMNS:
        out[col] = _to_float(out[col])
    for col in ("inter1", "inter2", "interaction", "fatalities"):
        out[col] = out[col] or 0
    for col in _EMPTY_STRING:
        out[col] = out[col] or ""
    return out
