"""The learned classifier's vote on the report's main event (``frontlines/extract/classifier.py``).

The rules (``event_classify.decide``) stay the decider; the classifier only reads the main event's own
evidence sentences (already selected, so one short text per report, ~1 ms) and may:

* **retype** the main event when the rules are unsure (no strong cue and no parse confirmation: score
  below ``STRONG_RULE``) and the classifier is confident (``p >= RETYPE_P``) of another ACLED type.  The
  classifier's calibration (``docs/accuracy.md``): at p >= 0.95 it is right 97% of the time; below 0.8
  it is not better than the rules.  Territory types are never moved into or out of: ACLED decides them by
  who takes the place, which the parse knows and a bag of words does not.
* **suppress** the events of a report whose lead reads as a disaster or an ordinary crime, when the
  classifier is confident (``p >= NONE_P``) that the main event's sentences hold no event and the rules'
  evidence for it is weak (a lone cue such as "fire" or "blast" in a flood or accident report).

The thresholds were fixed from that calibration table before measuring on CASE, and not tuned on it.
Measured once, the vote did not help the current rules, so it is off by default (:func:`enabled`).
"""

from __future__ import annotations

import os

from frontlines.extract.event_classify import has_non_event_cue
from frontlines.model import EVENT_TYPE_OF, Event, disorder_type_of

RETYPE_P = 0.95
NONE_P = 0.9
STRONG_RULE = 4  # a decision score of 4+ is a strong cue or a parse-confirmed one
_TERRITORY = {
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Non-violent transfer of territory",
}
_CIVILIAN_TYPES = {"Violence against civilians"}


def enabled() -> bool:
    """The vote is off unless ``FRONTLINES_CLASSIFIER_VOTE=1``: measured once on CASE dev it did not help
    the current rules (weighted F1 0.835 -> 0.831, no-event share unchanged; docs/accuracy.md)."""
    return os.environ.get("FRONTLINES_CLASSIFIER_VOTE", "0") == "1"


def load_resources() -> None:
    """Load the classifier now rather than on the first report."""
    if enabled():
        try:
            from frontlines.extract import classifier

            classifier.model()
        except Exception:  # pragma: no cover - a minimal install without the model: rules only
            pass


def _predict(text: str) -> tuple[str, float] | None:
    try:
        from frontlines.extract import classifier

        return classifier.predict([text])[0]
    except Exception:  # pragma: no cover - no model or numpy: the rules decide alone
        return None


def vote(events: list[Event], scores: dict[int, int], lead: str) -> tuple[list[Event], bool]:
    """The events after the classifier's vote on ``events[0]``, and whether the main event was retyped.

    ``scores`` maps ``id(event)`` to the rules' decision score; ``lead`` is the report's first sentences.
    """
    if not events or not enabled():
        return events, False
    main = events[0]
    text = " ".join(e.text for e in main.evidence)
    got = _predict(text)
    if got is None:
        return events, False
    label, p = got
    rule_score = scores.get(id(main), STRONG_RULE)
    if label == "NONE":
        if p >= NONE_P and rule_score < STRONG_RULE and has_non_event_cue(lead):
            return [], False
        return events, False
    if (
        label != main.sub_event_type
        and label in EVENT_TYPE_OF
        and p >= RETYPE_P
        and rule_score < STRONG_RULE
        and label not in _TERRITORY
        and main.sub_event_type not in _TERRITORY
    ):
        retype(main, label)
        return events, True
    return events, False


def retype(ev: Event, sub_event_type: str) -> None:
    """Give an event another sub-event type (and the event type, disorder type and targeting it implies)."""
    ev.sub_event_type = sub_event_type
    ev.event_type = EVENT_TYPE_OF[sub_event_type]
    ev.disorder_type = disorder_type_of(sub_event_type)
    ev.civilian_targeting = "Civilian targeting" if ev.event_type in _CIVILIAN_TYPES else ""
