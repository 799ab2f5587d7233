"""Placeholder: filled by the claims work."""

from frontlines.extract.mentions import Analysis
from frontlines.model import Claim, Event


def extract_claims(analysis: Analysis, events: list[Event]) -> list[Claim]:
    """Who says what about which event."""
    return []
