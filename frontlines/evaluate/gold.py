"""Scores against a hand-made gold set (``tests/gold/gold.jsonl`` style; see tests/gold/README.md).

Per report ``{id, text, date, source, expected: {events, claims}}``:
- main-event accuracy: ``events[0].sub_event_type`` equals the expected one (``events: []`` expected and
  given also counts as right);
- event-set F1 over (sub_event_type, event_date, admin1) triples;
- fatalities: the main event's fatalities equal the expected main event's;
- claims recall: the share of expected claims matched by a predicted claim with the same
  (claimant_kind, stance), each predicted claim used once.
Run: ``python -m frontlines.evaluate.gold PATH``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

from frontlines.evaluate.scoring import prf, read_jsonl, set_f1, share


def _triple(ev: dict[str, Any]) -> tuple[str, str | None, str]:
    return (ev.get("sub_event_type") or "", ev.get("event_date"), (ev.get("admin1") or "").lower())


def evaluate_gold(path: str, limit: int | None = None, extractor: Any = None) -> dict[str, Any]:
    """Score the extractor on a gold JSONL file."""
    from frontlines.extract.extractor import Extractor, ReportInput

    rows = list(read_jsonl(path, limit))
    ex = extractor or Extractor()
    reports = [
        ReportInput(text=r["text"], id=r.get("id"), published=r.get("date"), source=r.get("source"))
        for r in rows
    ]
    main_ok = fat_ok = fat_n = 0
    tp = fp = fn = 0
    claims_hit = claims_total = 0
    misses: list[dict[str, Any]] = []
    for row, result in zip(rows, ex.extract_batch(reports), strict=True):
        expected = row.get("expected") or {}
        gold_events = expected.get("events") or []
        predicted = [e.__dict__ for e in result.events]
        gold_main = gold_events[0]["sub_event_type"] if gold_events else "none"
        pred_main = result.events[0].sub_event_type if result.events else "none"
        main_ok += gold_main == pred_main
        if gold_main != pred_main:
            misses.append({"id": row.get("id"), "gold": gold_main, "predicted": pred_main})
        if gold_events and result.events:
            fat_n += 1
            fat_ok += int(gold_events[0].get("fatalities") or 0) == result.events[0].fatalities
        elif gold_events:
            fat_n += 1
        t, p, n = set_f1({_triple(e) for e in gold_events}, {_triple(e) for e in predicted})
        tp, fp, fn = tp + t, fp + p, fn + n
        available = Counter((c.claimant_kind, c.stance) for c in result.claims)
        for c in expected.get("claims") or []:
            claims_total += 1
            key = (c.get("claimant_kind"), c.get("stance"))
            if available[key] > 0:
                available[key] -= 1
                claims_hit += 1
    n = len(rows)
    return {
        "n": n,
        "main_event_accuracy": share(main_ok, n),
        "event_set": prf(tp, fp, fn),
        "fatalities_exact": share(fat_ok, fat_n),
        "claims_recall": share(claims_hit, claims_total),
        "misses": misses,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print the gold-set figures."""
    ap = argparse.ArgumentParser(prog="frontlines.evaluate.gold", description=__doc__)
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=0, help="print the first N main-event misses")
    args = ap.parse_args(argv)
    r = evaluate_gold(args.path, args.limit)
    es = r["event_set"]
    print(
        f"gold n={r['n']}: main event {r['main_event_accuracy']:.3f}  event set F1 {es['f1']:.3f} "
        f"(P {es['precision']:.3f} R {es['recall']:.3f})  fatalities {r['fatalities_exact']:.3f}  "
        f"claims recall {r['claims_recall']:.3f}"
    )
    for m in r["misses"][: args.show]:
        print(f"  {m['id']}: gold {m['gold']} -> predicted {m['predicted']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
