"""Document-level pre-filters: which reports can skip the NLP because they cannot hold an event.

Two tests, both a regular-expression scan thousands of times cheaper than the NER pass:

- :func:`has_trigger_cue` is exact: the events step only looks at sentences in which an event trigger cue
  occurs (``events.candidate_sentences`` -> ``triggers.may_hold_event``), and a cue found in a sentence is
  found in the whole text, so a report with no cue anywhere cannot yield an event.  The extractor's default
  gate (``prefilter="cues"``).
- :func:`is_conflict_candidate` is a broad word list (``frontlines/data/prefilter.yaml``) that errs
  towards True but is not exact: on the CASE 2021 development set it rejects 3 snippets that hold events.
  Opt-in (``prefilter="words"``), for bulk runs over general news where that recall loss is acceptable.

A rejected report skips the NER pass, places, actors, speakers, the parse and events (the NER pass is most
of a quiet report's cost, and places or actors without it would be a different, worse answer), and gets
``events: []`` with a warning saying why.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from frontlines.data.loader import load_yaml, require

Mode = Literal["off", "cues", "words"]
MODES: tuple[str, ...] = ("off", "cues", "words")
REJECTED_WARNING = (
    "no conflict cue in the report (document pre-filter): no places, actors or events extracted"
)


@functools.cache
def _word_list() -> tuple[re.Pattern[str], int, int]:
    """The compiled stems, the minimum number of different cue words, and the short-text length."""
    rel = "prefilter.yaml"
    data = load_yaml(rel)
    require(isinstance(data, dict), rel, "top level", "expected a mapping")
    stems = data.get("stems")
    require(isinstance(stems, list) and bool(stems), rel, "stems", "expected a non-empty list")
    for stem in stems:
        require(isinstance(stem, str) and bool(stem.strip()), rel, "stems", f"{stem!r} is not a word stem")
        try:
            re.compile(stem)
        except re.error as exc:
            require(False, rel, "stems", f"{stem!r} is not a valid pattern ({exc})")
    min_hits, short_text = data.get("min_hits", 2), data.get("short_text", 2000)
    require(isinstance(min_hits, int) and min_hits >= 1, rel, "min_hits", "expected a positive integer")
    require(isinstance(short_text, int) and short_text >= 0, rel, "short_text", "expected an integer")
    pattern = re.compile(r"\b(?:" + "|".join(stems) + ")", re.IGNORECASE)
    return pattern, min_hits, short_text


def is_conflict_candidate(text: str, *, min_hits: int | None = None) -> bool:
    """Whether a report may hold a conflict event: at least ``min_hits`` different conflict cue words from
    ``prefilter.yaml`` (one for a text shorter than its ``short_text`` characters).

    It errs towards True (any report that mentions police twice passes), so it only saves work on clearly
    unrelated reports; it is not exact (see the module docstring).
    """
    pattern, default_hits, short_text = _word_list()
    needed = 1 if len(text) < short_text else (default_hits if min_hits is None else min_hits)
    seen: set[str] = set()
    for match in pattern.finditer(text):
        seen.add(match.group(0).lower())
        if len(seen) >= needed:
            return True
    return False


def has_trigger_cue(text: str) -> bool:
    """Whether any event trigger cue occurs in the text (exact: without one no sentence is a candidate)."""
    from frontlines.extract import triggers

    return triggers.may_hold_event(text)


def passes(text: str, mode: str) -> bool:
    """Whether a report goes through the NLP under a pre-filter mode ("off", "cues" or "words")."""
    if mode == "off":
        return True
    if mode == "cues":
        return has_trigger_cue(text)
    if mode == "words":
        return is_conflict_candidate(text)
    raise ValueError(f"unknown pre-filter mode {mode!r}: expected one of {', '.join(MODES)}")
