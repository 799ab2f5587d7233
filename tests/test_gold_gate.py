"""The accuracy gate: the extractor's scores on the project's own gold set may not fall below the floors
pinned in ``tests/gold/floors.json``.  Floors only rise: each raise appends to the file's history, and the
history must never go down (see tests/gold/README.md).  Re-measure with ``frontlines eval gold``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parent / "gold"
FLOORS = json.loads((GOLD_DIR / "floors.json").read_text(encoding="utf-8"))
METRICS = ("main_event_accuracy", "event_set_f1", "fatalities_exact", "claims_recall")


@pytest.fixture(scope="module")
def gold_scores(extractor):
    from frontlines.evaluate.gold import evaluate_gold

    r = evaluate_gold(str(GOLD_DIR / "gold.jsonl"), extractor=extractor)
    r["event_set_f1"] = r["event_set"]["f1"]
    return r


@pytest.mark.parametrize("metric", METRICS)
def test_gold_score_at_or_above_floor(gold_scores, metric):
    floor = FLOORS["floors"][metric]
    assert gold_scores[metric] >= floor, (
        f"{metric} fell to {gold_scores[metric]:.3f}, below its floor {floor:.3f}; misses: {gold_scores['misses'][:10]}"
    )


def test_floors_only_rise():
    history = FLOORS["history"]
    assert history and history[-1]["floors"] == FLOORS["floors"], (
        "the current floors must be the last history entry"
    )
    for before, after in zip(history, history[1:], strict=False):
        for metric in METRICS:
            assert after["floors"][metric] >= before["floors"][metric], (
                f"{metric} floor lowered on {after['date']}: {before['floors'][metric]} -> {after['floors'][metric]}"
            )
