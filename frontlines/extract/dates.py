"""Placeholder: filled by the dates work."""

from frontlines.extract.mentions import Analysis


def load_resources() -> None:
    """Load lexicons and indexes once per process."""


def find_dates(analysis: Analysis) -> None:
    """Fill the analysis with what this step finds."""
