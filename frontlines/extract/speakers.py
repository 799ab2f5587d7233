"""Placeholder: filled by the speakers work."""

from frontlines.extract.mentions import Analysis


def load_resources() -> None:
    """Load lexicons and indexes once per process."""


def find_speakers(analysis: Analysis) -> None:
    """Fill the analysis with what this step finds."""
