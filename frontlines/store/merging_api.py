"""How the store calls the event-merging module (``frontlines.reconcile.merging``).

The merging code is pure (dicts and dataclasses); this module converts stored rows into what it takes and
says which sub-event types may merge with a mention, so candidate queries stay small.
"""

from __future__ import annotations

import functools
from typing import Any

from frontlines.reconcile import merging

WINDOW_DAYS = 3  # candidates are canonical events within this many days of the mention


def make_mention(event: dict[str, Any], document_key: str, origin_key: str, published: str | None) -> Any:
    """The merging module's mention for one event of a document."""
    return merging.EventMention.from_event(event, document_key, origin_key, published)


def make_candidate(row: dict[str, Any]) -> merging.CanonicalSummary:
    """A stored canonical event row as a ``CanonicalSummary``."""
    return merging.CanonicalSummary.from_summary(row["uid"], row)


@functools.cache
def related_sub_event_types(sub_event_type: str) -> tuple[str, ...]:
    """Sub-event types whose canonical events a mention of ``sub_event_type`` may merge into."""
    families = merging.load_families()
    own = merging.family_of(sub_event_type)
    subs: set[str] = {sub_event_type}
    for fam in families.values():
        if merging.families_related(own, fam.name):
            subs.update(fam.sub_event_types)
    return tuple(sorted(subs))


def find_match(mention: Any, candidates: list[Any]) -> tuple[str | None, list[str]]:
    """The uid of the canonical event the mention reports (or None), and the reasons."""
    uid, reasons = merging.find_match(mention, candidates)
    return uid, list(reasons or [])


def canonical_uid(mention: Any) -> str:
    """The uid a new canonical event gets from its first mention."""
    return str(merging.canonical_uid(mention))


def summarise(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The canonical event's fields from all its mentions."""
    return dict(merging.summarise(mentions))
