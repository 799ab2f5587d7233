"""The CASE 2021 sub-event evaluation (``data/case2021/dev.jsonl``; see CONTRACT.md).

Scores: the weighted F1 of ``events[0].sub_event_type`` over the 25 ACLED classes (a snippet with no
events predicts "none"); the share of disaster and crime snippets given ``events: []``.  DIPLO and ATTRIB
snippets are left out of both.  Run: ``python -m frontlines.evaluate.case PATH [--limit N]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from frontlines.evaluate.scoring import confusion, read_jsonl, share, weighted_f1

CODES = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
NO_EVENT_CODES = {"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME"}
UNSCORED = {"DIPLO", "ATTRIB"}


def evaluate_case(path: str, limit: int | None = None, extractor: Any = None) -> dict[str, Any]:
    """Score the extractor on a CASE-style JSONL file (``text``, ``sub_type``)."""
    from frontlines.extract.extractor import Extractor, ReportInput

    rows = [r for r in read_jsonl(path, limit) if r.get("sub_type") not in UNSCORED]
    ex = extractor or Extractor()
    reports = [ReportInput(text=r["text"], id=str(r.get("id", i))) for i, r in enumerate(rows)]
    gold: list[str] = []
    pred: list[str] = []
    no_event_hits = no_event_total = 0
    errors: list[dict[str, str]] = []
    for row, result in zip(rows, ex.extract_batch(reports), strict=True):
        predicted = result.events[0].sub_event_type if result.events else "none"
        code = row["sub_type"]
        if code in NO_EVENT_CODES:
            no_event_total += 1
            no_event_hits += not result.events
            continue
        if code not in CODES:
            continue
        gold.append(CODES[code])
        pred.append(predicted)
        if predicted != CODES[code]:
            errors.append({"id": str(row.get("id")), "gold": CODES[code], "predicted": predicted})
    f1, per_class = weighted_f1(gold, pred, CODES.values())
    return {
        "weighted_f1": f1,
        "accuracy": share(sum(g == p for g, p in zip(gold, pred, strict=True)), len(gold)),
        "scored": len(gold),
        "no_event_share": share(no_event_hits, no_event_total),
        "no_event_total": no_event_total,
        "per_class": per_class,
        "confusion": confusion(gold, pred),
        "errors": errors,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print the CASE figures: weighted F1, no-event share, per-class F1 and the commonest confusions."""
    ap = argparse.ArgumentParser(prog="frontlines.evaluate.case", description=__doc__)
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    r = evaluate_case(args.path, args.limit)
    print(f"CASE weighted F1 {r['weighted_f1']:.3f} (accuracy {r['accuracy']:.3f}, n={r['scored']})")
    print(f"no-event share {r['no_event_share']:.3f} (n={r['no_event_total']})")
    for label, m in sorted(r["per_class"].items(), key=lambda kv: kv[1]["f1"]):
        if m["support"]:
            print(f"  {m['f1']:.2f}  P {m['precision']:.2f} R {m['recall']:.2f}  n={m['support']:<3} {label}")
    pairs = [(n, g, p) for g, row in r["confusion"].items() for p, n in row.items() if g != p]
    print("commonest confusions (gold -> predicted):")
    for n, g, p in sorted(pairs, reverse=True)[:15]:
        print(f"  {n:>3}  {g} -> {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
