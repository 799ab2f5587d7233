"""Salience: which of a report's events is its main event (``events[0]``).

The main event is the one the headline or lead reports: current events before background ones, asserted
or claimed events before denied, hypothetical or negated ones, then the earliest sentence; a more specific
sub-event type (higher trigger priority) or a deadlier event breaks ties.
"""

from __future__ import annotations

from frontlines.extract.triggers import lexicon
from frontlines.model import Event

_MODALITY_RANK = {"asserted": 0, "claimed": 0, "denied": 1, "negated": 2, "hypothetical": 2}


def _priority(sub_event_type: str) -> int:
    return max((r.priority for r in lexicon().rules if r.sub_event_type == sub_event_type), default=0)


def rank(events: list[Event], where: dict[int, tuple[int, int]], title: str | None = None) -> list[Event]:
    """The events, main event first.  ``where`` maps id(event) -> (first sentence index, trigger score)."""

    def key(ev: Event) -> tuple:
        sentence, score = where.get(id(ev), (10**6, 0))
        # A weak cue (score <= 1: a bare "attack", "killed") in the lead yields to a strong one nearby.
        weak = 1 if score <= 1 else 0
        return (
            ev.historical,
            _MODALITY_RANK.get(ev.modality, 3),
            weak,
            sentence,
            -_priority(ev.sub_event_type),
            -ev.fatalities,
        )

    return sorted(events, key=key)
