"""The document-level pre-filters and how the extractor uses them."""

from __future__ import annotations

import pytest

from frontlines.extract.extractor import Extractor
from frontlines.extract.prefilter import REJECTED_WARNING, has_trigger_cue, is_conflict_candidate, passes

CONFLICT = "Army units clashed with rebels near the town of Marela on Sunday, killing four fighters."
QUIET = "The finance minister of Lisara presented the annual budget to parliament in Marela on Tuesday."


def test_word_list_needs_two_words_in_a_long_text():
    assert is_conflict_candidate(CONFLICT)
    assert not is_conflict_candidate(QUIET)
    assert not is_conflict_candidate("Shares rose two percent as the central bank held rates steady.")
    long_one_cue = "Police opened a new station. " + "The weather was mild and dry. " * 80
    assert len(long_one_cue) > 2000 and not is_conflict_candidate(long_one_cue)
    assert is_conflict_candidate(long_one_cue + " Two men were arrested.")
    assert is_conflict_candidate(long_one_cue, min_hits=1)


def test_ray_engine_imports_the_same_function():
    from frontlines.engines import ray_engine

    assert ray_engine.is_conflict_candidate is is_conflict_candidate


def test_trigger_cue_gate_and_modes():
    assert has_trigger_cue(CONFLICT) and not has_trigger_cue(QUIET)
    assert passes(QUIET, "off") and not passes(QUIET, "cues") and not passes(QUIET, "words")
    with pytest.raises(ValueError):
        passes(QUIET, "sometimes")


def test_rejected_report_gets_metadata_warning_and_no_events(extractor):
    result = extractor.extract(QUIET, published="2023-04-18")
    assert extractor.prefilter == "cues"
    assert result.events == [] and result.places == [] and result.actors == []
    assert result.language == "en" and result.published == "2023-04-18"
    assert REJECTED_WARNING in result.warnings


def test_prefilter_never_changes_a_conflict_report(extractor):
    """The default gate only sets aside reports without a trigger cue: a conflict report is extracted in
    full, the same as with the pre-filter off."""
    full = extractor.extract(CONFLICT, published="2023-04-16")
    assert full.events
    extractor.prefilter = "off"
    try:
        assert extractor.extract(CONFLICT, published="2023-04-16").to_dict() == full.to_dict()
        quiet = extractor.extract(QUIET, published="2023-04-18")
        assert REJECTED_WARNING not in quiet.warnings and quiet.events == []
    finally:
        extractor.prefilter = "cues"


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        Extractor(warm=False, prefilter="sometimes")
