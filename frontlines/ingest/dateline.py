"""Datelines (placeholder until the dates work lands)."""

import datetime as dt


def find_dateline(text: str) -> dt.date | None:
    """The publication date given by a dateline at the top of the report, if any."""
    return None
