"""Placeholder: filled by the places work."""

from frontlines.extract.mentions import Analysis


def load_resources() -> None:
    """Load lexicons and indexes once per process."""


def find_places(analysis: Analysis) -> None:
    """Fill the analysis with what this step finds."""
