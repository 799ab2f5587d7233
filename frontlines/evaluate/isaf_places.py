"""Place-province proxy on ISAF press releases: do the provinces of the places found equal the gold ones?

Each line of the JSONL file has ``text`` and ``gold.province`` (a list of lowercase province names).  The
text is segmented (spaCy NER) and :func:`frontlines.extract.places.find_places` runs on it; the set of the
admin1 names of the places found (places in the dateline "KABUL, Afghanistan (Jan. 8)" left out, countries
ignored) is compared with the gold set, province names compared loosely
(:func:`frontlines.extract.gazetteer.admin1_matches`).  Reads the file at run time; nothing is copied.

    python -m frontlines.evaluate.isaf_places PATH [LIMIT] [SHOW_FAILURES]
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from frontlines.errors import InputError
from frontlines.extract.gazetteer import admin1_matches

_DATELINE = re.compile(r"\b[A-Z][A-Z .'-]+,\s*Afghanistan\s*\([^)]*\)")


def _same_sets(found: set[str], gold: set[str]) -> bool:
    """Whether every found province matches a gold one and every gold one is found (loose names)."""
    ok_found = all(any(admin1_matches(f, None, g, "AF") for g in gold) for f in found)
    ok_gold = all(any(admin1_matches(f, None, g, "AF") for f in found) for g in gold)
    return ok_found and ok_gold


def evaluate_isaf_places(path: str, limit: int | None = None) -> dict[str, Any]:
    """Share of releases whose found province set equals the gold set; failures for error analysis."""
    from frontlines.extract import places
    from frontlines.extract.extractor import Extractor, ReportInput

    p = Path(path)
    if not p.exists():
        raise InputError("ISAF file not found", source=path)
    rows = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit is not None:
        rows = rows[:limit]
    ex = Extractor(warm=False)
    places.load_resources()
    analyses = [ex._prepare(ReportInput(text=r["text"])) for r in rows]
    ex._segment(analyses)
    n = ok = 0
    failures: list[dict[str, Any]] = []
    for row, a in zip(rows, analyses, strict=True):
        gold = {str(x).lower() for x in (row.get("gold") or {}).get("province") or []}
        places.find_places(a)
        dl = _DATELINE.search(a.text[:400])
        skip = (dl.start(), dl.end()) if dl else (0, 0)
        found = {
            m.place.admin1.lower()
            for m in a.place_mentions
            if m.place.admin1 and m.place.feature != "country" and not skip[0] <= m.start < skip[1]
        }
        n += 1
        if _same_sets(found, gold):
            ok += 1
        else:
            failures.append(
                {
                    "gold": sorted(gold),
                    "found": sorted(found),
                    "places": [(m.text, m.place.feature, m.place.admin1) for m in a.place_mentions],
                }
            )
    return {"n": n, "equal": ok / n if n else 0.0, "failures": failures}


def main(path: str, limit: int | None = None, show_failures: int = 0) -> int:
    """Print the share (and optionally some failures); returns an exit status."""
    t0 = time.perf_counter()
    res = evaluate_isaf_places(path, limit)
    print(f"releases: {res['n']}  ({time.perf_counter() - t0:.1f} s)")
    print(f"province set equal to gold: {res['equal']:.3f}")
    for f in res["failures"][:show_failures]:
        print(f)
    return 0


if __name__ == "__main__":
    raise SystemExit(
        main(
            sys.argv[1] if len(sys.argv) > 1 else "../shared/data/isaf/dev.jsonl",
            int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] != "all" else None,
            int(sys.argv[3]) if len(sys.argv) > 3 else 0,
        )
    )
