"""Reconciliation across reports: syndicated copies (origin keys) and the merging of event mentions into
canonical events.  Pure library code over dicts and dataclasses; no store, web or CLI imports."""

from frontlines.reconcile.merging import (
    CanonicalSummary,
    EventMention,
    canonical_uid,
    family_of,
    find_match,
    load_families,
    split_over_days,
    summarise,
)
from frontlines.reconcile.syndication import SyndicationIndex, minhash_signature, similarity

__all__ = [
    "CanonicalSummary",
    "EventMention",
    "SyndicationIndex",
    "canonical_uid",
    "family_of",
    "find_match",
    "load_families",
    "minhash_signature",
    "similarity",
    "split_over_days",
    "summarise",
]
