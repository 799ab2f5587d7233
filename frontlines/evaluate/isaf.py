"""The ISAF press-release evaluation (``data/isaf/dev.jsonl``; see CONTRACT.md, "ISAF scoring").

Per release: the set of ``admin1`` over the events must equal the gold provinces (lowercase);
``events[0].event_date`` must equal ``start_date``; killed and detained are the sums of ``fatalities``
and ``arrested`` over the asserted or claimed, non-historical events, compared exactly with ``min_killed``
and ``min_captured``.  Run: ``python -m frontlines.evaluate.isaf PATH [--limit N]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from frontlines.evaluate.scoring import read_jsonl, share
from frontlines.model import Result

# Transliteration variants of Afghan province names (the gold uses one, the gazetteer another): the
# same province, so they compare equal.
_PROVINCE_VARIANTS = {
    "paktya": "paktia",
    "sar-e pul": "sar-e pol",
    "sari pul": "sar-e pol",
    "oruzgan": "uruzgan",
    "urozgan": "uruzgan",
    "wardak": "maidan wardak",
    "wardag": "maidan wardak",
    "maidan-wardak": "maidan wardak",
    "nimruz": "nimroz",
    "herat": "herat",
    "hilmand": "helmand",
    "kondoz": "kunduz",
    "konar": "kunar",
    "jowzjan": "jawzjan",
    "daykundi": "daikundi",
    "panjsher": "panjshir",
    "bamian": "bamyan",
}


def _norm(name: str | None) -> str:
    key = (name or "").strip().lower()
    return _PROVINCE_VARIANTS.get(key, key)


def score_result(result: Result, gold: dict[str, Any]) -> dict[str, bool]:
    """The four exact-match checks for one release."""
    provinces = {_norm(e.admin1) for e in result.events if e.admin1}
    gold_provinces = {_norm(p) for p in gold.get("province") or [] if p}
    counted = [e for e in result.events if e.modality in ("asserted", "claimed") and not e.historical]
    killed = sum(e.fatalities for e in counted)
    detained = sum(e.arrested or 0 for e in counted)
    first_date = result.events[0].event_date if result.events else None
    return {
        "provinces": provinces == gold_provinces,
        "date": first_date == gold.get("start_date"),
        "killed": killed == int(gold.get("min_killed") or 0),
        "detained": detained == int(gold.get("min_captured") or 0),
    }


def evaluate_isaf(path: str, limit: int | None = None, extractor: Any = None) -> dict[str, Any]:
    """Score the extractor on an ISAF-style JSONL file (``text``, ``gold``)."""
    from frontlines.extract.extractor import Extractor, ReportInput

    rows = list(read_jsonl(path, limit))
    ex = extractor or Extractor()
    reports = [ReportInput(text=r["text"], id=str(i)) for i, r in enumerate(rows)]
    checks = {"provinces": 0, "date": 0, "killed": 0, "detained": 0}
    failures: list[dict[str, Any]] = []
    no_events = 0
    for i, (row, result) in enumerate(zip(rows, ex.extract_batch(reports), strict=True)):
        ok = score_result(result, row["gold"])
        no_events += not result.events
        for k, v in ok.items():
            checks[k] += v
        if not all(ok.values()):
            counted = [e for e in result.events if e.modality in ("asserted", "claimed") and not e.historical]
            failures.append(
                {
                    "index": i,
                    "failed": [k for k, v in ok.items() if not v],
                    "predicted": {
                        "provinces": sorted({e.admin1 for e in result.events if e.admin1}),
                        "date": result.events[0].event_date if result.events else None,
                        "killed": sum(e.fatalities for e in counted),
                        "detained": sum(e.arrested or 0 for e in counted),
                        "events": [e.sub_event_type for e in result.events],
                    },
                    "gold": {
                        k: row["gold"].get(k)
                        for k in ("province", "start_date", "min_killed", "min_captured")
                    },
                }
            )
    n = len(rows)
    audit = audit_dates(rows, failures)
    return {
        "n": n,
        "provinces": share(checks["provinces"], n),
        "date": share(checks["date"], n),
        "killed": share(checks["killed"], n),
        "detained": share(checks["detained"], n),
        "no_events": no_events,
        "failures": failures,
        "date_audit": audit,
    }


def audit_dates(rows: list[dict[str, Any]], failures: list[dict[str, Any]]) -> dict[str, Any]:
    """Why start dates miss, counted: no date the text can give (a dateline without a year and nothing
    else), the gold one day before or after the text's own reading, or another date; and the months whose
    gold sits a day before the text in most releases (a shift in the annotation, not in the language)."""
    import datetime as dt
    from collections import Counter, defaultdict

    from frontlines.ingest.dateline import find_dateline

    missed = {f["index"]: f for f in failures if "date" in f["failed"]}
    kinds: Counter[str] = Counter()
    by_month: dict[str, Counter[str]] = defaultdict(Counter)
    for i, row in enumerate(rows):
        gold = row["gold"].get("start_date") or ""
        month = gold[:7]
        f = missed.get(i)
        if f is None:
            by_month[month]["right"] += 1
            continue
        got = f["predicted"]["date"]
        if got is None:
            kind = "no date in the text" if find_dateline(row["text"]) is None else "no event"
        else:
            delta = (dt.date.fromisoformat(gold) - dt.date.fromisoformat(got)).days
            kind = {-1: "gold one day earlier", 1: "gold one day later"}.get(delta, "other")
        kinds[kind] += 1
        by_month[month][kind] += 1
    shifted = {
        m: f"{c['gold one day earlier']}/{sum(c.values())}"
        for m, c in sorted(by_month.items())
        if sum(c.values()) >= 5 and c["gold one day earlier"] > c["right"]
    }
    return {"misses": dict(kinds), "months_gold_one_day_earlier": shifted}


def main(argv: Sequence[str] | None = None) -> int:
    """Print the ISAF figures (exact-match shares) and, with --show N, the first N failures."""
    ap = argparse.ArgumentParser(prog="frontlines.evaluate.isaf", description=__doc__)
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=0, help="print the first N failures")
    args = ap.parse_args(argv)
    r = evaluate_isaf(args.path, args.limit)
    print(
        f"ISAF n={r['n']}: provinces {r['provinces']:.3f}  start date {r['date']:.3f}  "
        f"killed {r['killed']:.3f}  detained {r['detained']:.3f}  (no events: {r['no_events']})"
    )
    print(f"  start-date misses: {r['date_audit']['misses']}")
    print(
        f"  months where the gold is a day earlier than the text: {r['date_audit']['months_gold_one_day_earlier']}"
    )
    for f in r["failures"][: args.show]:
        print(f"  #{f['index']} failed {f['failed']}: predicted {f['predicted']} gold {f['gold']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
