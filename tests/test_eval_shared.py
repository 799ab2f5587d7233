"""The evaluations: scoring helpers, and small runs on the shared sets (skipped where ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.evaluate.scoring import prf, set_f1, weighted_f1

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CASE = SHARED / "data" / "case2021" / "dev.jsonl"
ISAF = SHARED / "data" / "isaf" / "dev.jsonl"
GOLD = REPO / "tests" / "gold" / "gold.jsonl"


def test_weighted_f1_counts_none_as_a_miss():
    gold = ["Attack", "Attack", "Arrests", "Grenade"]
    pred = ["Attack", "none", "Arrests", "Attack"]
    f1, per = weighted_f1(gold, pred, ["Attack", "Arrests", "Grenade"])
    assert per["Arrests"]["f1"] == 1.0
    assert per["Grenade"]["f1"] == 0.0
    assert per["Attack"]["precision"] == 0.5 and per["Attack"]["recall"] == 0.5
    assert f1 == pytest.approx((0.5 * 2 + 1.0 * 1 + 0.0 * 1) / 4)


def test_set_f1_and_prf():
    tp, fp, fn = set_f1(
        {("Attack", "2021-08-01", "kabul")}, {("Attack", "2021-08-01", "kabul"), ("Arrests", None, "")}
    )
    assert (tp, fp, fn) == (1, 1, 0)
    assert prf(tp, fp, fn)["precision"] == 0.5


@pytest.mark.skipif(not CASE.exists(), reason=f"CASE dev set not found at {CASE}")
def test_case_evaluation_runs_on_a_subset(extractor):
    from frontlines.evaluate.case import evaluate_case

    r = evaluate_case(str(CASE), limit=60, extractor=extractor)
    assert 0.0 <= r["weighted_f1"] <= 1.0
    assert r["scored"] > 30
    assert r["weighted_f1"] > 0.5  # far below the full-set figure: a floor against breakage, not a target


@pytest.mark.skipif(not ISAF.exists(), reason=f"ISAF dev set not found at {ISAF}")
def test_isaf_evaluation_runs_on_a_subset(extractor):
    from frontlines.evaluate.isaf import evaluate_isaf

    r = evaluate_isaf(str(ISAF), limit=30, extractor=extractor)
    assert r["n"] == 30
    for key in ("provinces", "date", "killed", "detained"):
        assert 0.0 <= r[key] <= 1.0
    assert r["provinces"] > 0.6


@pytest.mark.skipif(not GOLD.exists(), reason="no gold set")
def test_gold_evaluation_runs(extractor):
    from frontlines.evaluate.gold import evaluate_gold

    r = evaluate_gold(str(GOLD), limit=12, extractor=extractor)
    assert r["n"] == 12
    assert 0.0 <= r["main_event_accuracy"] <= 1.0
    assert 0.0 <= r["claims_recall"] <= 1.0


def test_eval_command_is_registered():
    from click.testing import CliRunner

    from frontlines.cli import main

    out = CliRunner().invoke(main, ["eval", "--help"])
    assert out.exit_code == 0
    for sub in ("case", "isaf", "ucdp", "gold"):
        assert sub in out.output
    missing = CliRunner().invoke(main, ["eval", "case", "/nonexistent/dev.jsonl"])
    assert missing.exit_code == 2
