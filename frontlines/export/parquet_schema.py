"""The typed Arrow schema of the event table (dates as date32, nullable ints, float coordinates)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pyarrow as pa

from frontlines.export.columns import DATE_COLUMNS, EVENT_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS


def _type(col: str) -> pa.DataType:
    if col in DATE_COLUMNS:
        return pa.date32()
    if col in FLOAT_COLUMNS:
        return pa.float64()
    if col in INT_COLUMNS:
        return pa.int64()
    return pa.string()


EVENT_SCHEMA = pa.schema([pa.field(c, _type(c), nullable=True) for c in EVENT_COLUMNS])


def arrow_ready(row: dict[str, Any]) -> dict[str, Any]:
    """A normalised event row with ``event_date`` as a ``date`` (Arrow's date32 wants one)."""
    out = dict(row)
    if out.get("event_date"):
        out["event_date"] = date.fromisoformat(out["event_date"])
    return out
