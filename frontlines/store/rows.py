"""Canonical events as rows with ACLED's CSV columns (then ours), for the export writers."""

from __future__ import annotations

import datetime as dt
from typing import Any


def _country(iso3: str | None) -> Any:
    if not iso3:
        return None
    try:
        from frontlines.extract.countries import find_country
    except ImportError:  # pragma: no cover - the countries module ships with the package
        return None
    return find_country(iso3)


def _export_row(record: dict[str, Any], event_id_cnty: str, **own: Any) -> dict[str, Any]:
    """``record`` with the columns an event and a mention derive alike: the id, ``year`` of the event date,
    ``iso`` and ``region`` of its country, the empty ACLED columns; then ``own`` (in this order)."""
    country = _country(record.get("iso3"))
    day = record.get("event_date")
    row = dict(record)
    row.update(
        event_id_cnty=event_id_cnty,
        year=int(str(day)[:4]) if day else None,
        iso=country.numeric if country else None,
        region=country.region if country else None,
        admin3="",
        source_scale="",
        tags="",
        **own,
    )
    return row


def event_export_row(event: dict[str, Any]) -> dict[str, Any]:
    """A canonical event (store row) as a dict with the contract's event columns.

    ``event_id_cnty`` is the ISO3 code and the event's number (``AFG12``), ACLED's form; ``iso`` the ISO 3166
    numeric code and ``region`` ACLED's region; ``timestamp`` the Unix time of the last change.
    """
    updated = event.get("updated_at")
    if isinstance(updated, str):
        updated = dt.datetime.fromisoformat(updated)
    return _export_row(
        event,
        f"{event.get('iso3') or 'XXX'}{event['id']}",
        timestamp=int(updated.replace(tzinfo=dt.UTC).timestamp())
        if isinstance(updated, dt.datetime)
        else None,
        event_uid=event["uid"],
    )


def mention_export_row(mention: dict[str, Any]) -> dict[str, Any]:
    """An event mention as an event row (for ``events --mentions``): its own fields, one source."""
    return _export_row(
        mention,
        f"{mention.get('iso3') or 'XXX'}-{mention['document_key'][:12]}-{mention['event_id']}",
        timestamp=None,
        sources_independent=1,
        mentions=1,
        event_uid=mention.get("canonical_uid"),
    )
