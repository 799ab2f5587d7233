"""Placeholder: filled by the events work."""

from frontlines.extract.mentions import Analysis
from frontlines.model import Event


def load_resources() -> None:
    """Load trigger lexicons once per process."""


def candidate_sentences(analysis: Analysis) -> list[int]:
    """Indices of the sentences that may hold an event (these get a full parse)."""
    return []


def extract_events(analysis: Analysis) -> list[Event]:
    """The report's events, main event first."""
    return []
