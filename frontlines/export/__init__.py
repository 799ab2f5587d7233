"""Exports of canonical events, claims and documents: CSV (ACLED's columns, then ours), JSON, JSON Lines,
GeoJSON, Parquet and PLOVER.  Pure library code: rows in, files out; no store, web or CLI imports."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from frontlines.errors import UsageError
from frontlines.export.columns import ACLED_COLUMNS, EVENT_COLUMNS, OUR_COLUMNS, event_row, iso_numeric
from frontlines.export.geojson import GEOJSON_SCHEMA, feature_collection
from frontlines.export.parquet_schema import EVENT_SCHEMA, arrow_ready
from frontlines.export.plover import plover_record, write_plover
from frontlines.export.tabular import TABULAR_FORMATS, Out, text_out, write_parquet, write_rows

EVENT_FORMATS = ("csv", "json", "jsonl", "geojson", "parquet", "plover")

__all__ = [
    "ACLED_COLUMNS",
    "EVENT_COLUMNS",
    "EVENT_FORMATS",
    "EVENT_SCHEMA",
    "GEOJSON_SCHEMA",
    "OUR_COLUMNS",
    "TABULAR_FORMATS",
    "event_row",
    "feature_collection",
    "iso_numeric",
    "plover_record",
    "write_events",
    "write_rows",
]


def write_events(rows: Iterable[dict[str, Any]], fmt: str, out: Out) -> None:
    """Write canonical events as csv | json | jsonl | geojson | parquet | plover.

    Each row is normalised to EVENT_COLUMNS first (see :func:`event_row`).  ``out`` is a text stream or a
    path; parquet needs a path (or a binary stream).  An unknown format raises UsageError naming it.
    """
    if fmt not in EVENT_FORMATS:
        raise UsageError(
            f"unsupported format {fmt!r} (choose one of {', '.join(EVENT_FORMATS)})", source="--format"
        )
    normalised = (event_row(r) for r in rows)
    if fmt == "parquet":
        write_parquet((arrow_ready(r) for r in normalised), EVENT_COLUMNS, out, schema=EVENT_SCHEMA)
    elif fmt == "geojson":
        with text_out(out) as fh:
            json.dump(feature_collection(normalised), fh, ensure_ascii=False)
            fh.write("\n")
    elif fmt == "plover":
        with text_out(out) as fh:
            write_plover(normalised, fh)
    else:
        write_rows(normalised, EVENT_COLUMNS, fmt, out)
