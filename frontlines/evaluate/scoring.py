"""Scoring helpers shared by the evaluations: weighted F1, confusion summaries, set F1, JSONL reading."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from frontlines.errors import InputError


def read_jsonl(path: str | Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file (InputError naming the line when one is not JSON)."""
    p = Path(path)
    if not p.exists():
        raise InputError("file not found", source=str(path))
    with p.open(encoding="utf-8") as fh:
        n = 0
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"line {i} is not JSON: {exc.msg}", source=str(path)) from None
            n += 1
            if limit is not None and n >= limit:
                return


def weighted_f1(
    gold: list[str], pred: list[str], labels: Iterable[str]
) -> tuple[float, dict[str, dict[str, float]]]:
    """Support-weighted F1 over ``labels`` (predictions outside them, like "none", count as misses),
    and per-label precision, recall, F1 and support."""
    labels = list(labels)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    per: dict[str, dict[str, float]] = {}
    total = 0
    acc = 0.0
    for lab in labels:
        support = tp[lab] + fn[lab]
        prec = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        rec = tp[lab] / support if support else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = {"precision": prec, "recall": rec, "f1": f1, "support": support}
        total += support
        acc += f1 * support
    return (acc / total if total else 0.0), per


def confusion(gold: list[str], pred: list[str]) -> dict[str, dict[str, int]]:
    """gold label -> predicted label -> count (errors and hits)."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for g, p in zip(gold, pred, strict=True):
        out[g][p] = out[g].get(p, 0) + 1
    return dict(out)


def set_f1(gold: set[Any], pred: set[Any]) -> tuple[int, int, int]:
    """True positives, false positives, false negatives of two sets."""
    tp = len(gold & pred)
    return tp, len(pred - gold), len(gold - pred)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def share(hits: int, total: int) -> float:
    """hits / total (0 when there is nothing to count)."""
    return hits / total if total else 0.0
