"""Measure the sub-event classifier alone on CASE 2021 snippets (development figures only).

Prints the weighted F1 of the predicted sub-event type over the 25 ACLED classes (a ``NONE`` prediction on an
event snippet counts as wrong), the no-event share on NATURAL_DISASTER / MAN_MADE_DISASTER / ORG_CRIME
snippets (share predicted ``NONE``), the most frequent confusions, per-class F1, and milliseconds per snippet.
DIPLO and ATTRIB snippets are outside both scores.

Usage::

    python -m frontlines.evaluate.classifier_case PATH/TO/dev.jsonl [--confusions 15] [--model-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TypedDict

from sklearn.metrics import f1_score, precision_recall_fscore_support

from frontlines.evaluate.case import CODES, NO_EVENT_CODES, UNSCORED

# The CASE code mapping is the one `frontlines eval case` uses.
CODE_TO_SUB: dict[str, str] = CODES
UNSCORED_CODES = UNSCORED


def read(path: Path) -> list[dict[str, str]]:
    """The snippets of a CASE-style JSONL file (``text`` and ``sub_type``)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class Scores(TypedDict):
    """What :func:`score` returns."""

    weighted_f1: float
    accuracy: float
    n_event: int
    no_event_share: float
    n_no_event: int
    no_event_mistakes: Counter[str]
    per_class: dict[str, dict[str, float]]
    confusions: Counter[tuple[str, str]]


def score(gold: list[str], pred: list[str]) -> Scores:
    """Scores from CASE codes (``gold``) and predicted labels (ACLED names or ``NONE``)."""
    ev = [(CODE_TO_SUB[g], p) for g, p in zip(gold, pred, strict=True) if g in CODE_TO_SUB]
    ne = [p for g, p in zip(gold, pred, strict=True) if g in NO_EVENT_CODES]
    classes = sorted(set(CODE_TO_SUB.values()))
    yt = [g for g, _ in ev]
    yp = [p for _, p in ev]
    weighted = f1_score(yt, yp, labels=classes, average="weighted", zero_division=0)
    p, r, f, s = precision_recall_fscore_support(yt, yp, labels=classes, zero_division=0)
    per_class = {
        c: {"p": float(p[i]), "r": float(r[i]), "f1": float(f[i]), "n": int(s[i])}
        for i, c in enumerate(classes)
    }
    confusions = Counter((g, q) for g, q in ev if g != q)
    return {
        "weighted_f1": float(weighted),
        "accuracy": sum(g == q for g, q in ev) / max(len(ev), 1),
        "n_event": len(ev),
        "no_event_share": sum(q == "NONE" for q in ne) / max(len(ne), 1),
        "n_no_event": len(ne),
        "no_event_mistakes": Counter(q for q in ne if q != "NONE"),
        "per_class": per_class,
        "confusions": confusions,
    }


def main(argv: list[str] | None = None) -> int:
    """Evaluate and print a report; exit 1 when the file is missing."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--confusions", type=int, default=15)
    ap.add_argument("--model-dir", default=None, help="evaluate another artefact directory")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    if not args.path.exists():
        print(f"{args.path}: no such file", file=sys.stderr)
        return 1
    from frontlines.extract import classifier

    rows = [r for r in read(args.path) if r["sub_type"] not in UNSCORED_CODES]
    m = classifier.model(args.model_dir)
    m.proba(["warm-up"])  # loading and vectoriser set-up are not counted in the timing
    t0 = time.perf_counter()
    pred = [m.classes[int(i)] for i in m.proba([r["text"] for r in rows]).argmax(axis=1)]
    batch_ms = (time.perf_counter() - t0) * 1000 / max(len(rows), 1)
    t0 = time.perf_counter()
    for r in rows[:100]:
        m.proba([r["text"]])
    single_ms = (time.perf_counter() - t0) * 1000 / max(min(len(rows), 100), 1)
    s = score([r["sub_type"] for r in rows], pred)
    if args.json:
        out = {k: v for k, v in s.items() if k not in ("confusions", "no_event_mistakes")}
        out["confusions"] = [[g, p, n] for (g, p), n in s["confusions"].most_common()]
        out.update(ms_per_snippet_batch=batch_ms, ms_per_snippet_single=single_ms)
        print(json.dumps(out, indent=2))
        return 0
    print(
        f"event snippets: {s['n_event']}  weighted F1 (25 classes): {s['weighted_f1']:.3f}  accuracy: {s['accuracy']:.3f}"
    )
    print(
        f"no-event snippets: {s['n_no_event']}  no-event share: {s['no_event_share']:.3f}  wrongly given: {dict(s['no_event_mistakes'])}"
    )
    print(f"speed: {batch_ms:.2f} ms/snippet in one batch, {single_ms:.2f} ms/snippet one at a time")
    print("per class (p / r / f1 / n):")
    for c, v in s["per_class"].items():
        print(f"  {c:38s} {v['p']:.2f} {v['r']:.2f} {v['f1']:.2f} {v['n']:3d}")
    print("top confusions (gold -> predicted):")
    for (g, p), n in s["confusions"].most_common(args.confusions):
        print(f"  {n:3d}  {g} -> {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
