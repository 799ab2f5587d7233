"""A rough development check of datelines, date resolution and casualty counts on ISAF press releases.

    python -m frontlines.evaluate.isaf_dates ../shared/data/isaf/dev.jsonl [--show-failures]

Prints (a) the share of releases where the dateline plus the first date expression of the body
resolves to the gold ``start_date``, and (b) the shares where the summed killed and detained counts over
the text equal ``min_killed`` / ``min_captured``. Regex only (no spaCy): sentences are split by
punctuation. The real scoring over events is done by the events evaluation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from frontlines.extract.dates import find_in_text
from frontlines.extract.numbers import find_in_sentence
from frontlines.ingest.dateline import body_start, find_dateline

# A full stop after these does not end a sentence ("Dec. 11", "U.S. forces", "Lt. Col.").
_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Z]\.)+|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Gen|Lt|Col|Sgt|Capt|Maj|Dr|Mr|Mrs|St|No)\.$"
)


def sentences(text: str) -> list[str]:
    """A cheap sentence split: at . ! ? followed by space (not after an abbreviation), and at line ends."""
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    out: list[str] = []
    for line in text.split("\n"):
        for piece in re.split(r"(?<=[.!?])\s+", line):
            if out and out[-1] is not None and _ABBREV.search(out[-1]):
                out[-1] += " " + piece
            else:
                out.append(piece)
        out.append("")  # a line end always ends a sentence
    return [s.strip() for s in out if s.strip()]


def event_date(text: str) -> dt.date | None:
    """The dateline date moved by the first dated sentence of the body (its earliest date), or the
    dateline date itself when the body has no date expression."""
    published = find_dateline(text)
    body = text[body_start(text) :]
    for sentence in sentences(body):
        found = [r for r in find_in_text(sentence, published) if r.precision <= 2]
        if found:
            return min(r.date for r in found)
    return published


def counts(text: str) -> tuple[int, int]:
    """(killed, arrested): sums of the low figures over the body."""
    killed = arrested = 0
    for sentence in sentences(text[body_start(text) :]):
        for f in find_in_sentence(sentence):
            if f.kind == "killed":
                killed += f.low
            elif f.kind == "arrested":
                arrested += f.low
    return killed, arrested


def main(argv: list[str] | None = None) -> int:
    """Score a dev.jsonl file and print the three shares."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--show-failures", choices=["date", "killed", "captured"], default=None)
    args = ap.parse_args(argv)
    if not args.path.exists():
        print(f"{args.path}: not found", file=sys.stderr)
        return 1
    n = ok_date = ok_killed = ok_captured = has_dateline = 0
    for line in args.path.open(encoding="utf-8"):
        if not line.strip():
            continue
        item = json.loads(line)
        text, gold = item["text"], item["gold"]
        n += 1
        has_dateline += find_dateline(text) is not None
        d = event_date(text)
        killed, captured = counts(text)
        good = {
            "date": d is not None and d.isoformat() == gold["start_date"],
            "killed": killed == gold["min_killed"],
            "captured": captured == gold["min_captured"],
        }
        ok_date += good["date"]
        ok_killed += good["killed"]
        ok_captured += good["captured"]
        if args.show_failures and not good[args.show_failures]:
            got = {"date": d, "killed": killed, "captured": captured}[args.show_failures]
            want = {
                "date": gold["start_date"],
                "killed": gold["min_killed"],
                "captured": gold["min_captured"],
            }
            print(f"--- got {got} want {want[args.show_failures]}\n{text[:700]}\n")
    if n == 0:
        print("no releases read", file=sys.stderr)
        return 1
    print(f"releases: {n}")
    print(f"dateline found: {has_dateline / n:.1%}")
    print(f"(a) event date = gold start_date: {ok_date / n:.1%} ({ok_date}/{n})")
    print(f"(b) killed sum = min_killed: {ok_killed / n:.1%} ({ok_killed}/{n})")
    print(f"(b) detained sum = min_captured: {ok_captured / n:.1%} ({ok_captured}/{n})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
