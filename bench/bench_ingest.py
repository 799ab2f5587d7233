"""Ingest benchmark: N synthetic reports into a fresh SQLite file, with 1 and 2 workers.

    .venv/bin/python bench/bench_ingest.py --n 10000 --workers 1 2

Reports are generated from the sentence templates below (conflict and non-conflict mixed; no published
text).  Prints documents/second, peak memory (this process and its worker children) and the share of wall
time spent in extraction versus storage with merging, from the pipeline's own timers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PLACES = [
    ("Kunduz", "Afghanistan"),
    ("Kandahar", "Afghanistan"),
    ("Herat", "Afghanistan"),
    ("Ghazni", "Afghanistan"),
    ("Mogadishu", "Somalia"),
    ("Kismayo", "Somalia"),
    ("Maiduguri", "Nigeria"),
    ("Lagos", "Nigeria"),
    ("Goma", "DR Congo"),
    ("Bunia", "DR Congo"),
    ("Mosul", "Iraq"),
    ("Idlib", "Syria"),
]
ARMED = ["Taliban fighters", "Al Shabaab militants", "gunmen", "Islamic State fighters", "rebels"]
CONFLICT = [
    "{actor} attacked a police checkpoint in {place} on {day}, killing {n} officers, a local official said.",
    "A roadside bomb exploded near a market in {place} on {day}, killing {n} people and wounding {m}, police said.",
    "Government forces retook the district centre of {place} from {actor} on {day} after heavy fighting.",
    "Air strikes hit {actor} positions outside {place} on {day}, the defence ministry said, claiming {n} dead.",
    "Hundreds of protesters marched in {place} on {day} demanding the release of detained activists.",
    "Security forces arrested {n} suspected members of {actor} in a raid in {place} on {day}.",
]
OTHER = [
    "Heavy rains flooded parts of {place} on {day}, damaging homes and roads, the disaster agency said.",
    "The city council of {place} approved a new budget for schools and clinics on {day}.",
    "Traders in {place} said food prices rose sharply this month as the currency weakened.",
    "A football match in {place} on {day} drew a record crowd, the organisers said.",
]
FILLER = [
    "Residents described hearing gunfire through the night.",
    "The report could not be independently verified.",
    "Officials said an investigation was under way.",
    "Aid groups said families had left their homes.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_reports(n: int, seed: int = 7) -> list[dict]:
    """N synthetic reports: 70% conflict, 30% other; some texts repeat under a second URL (syndication)."""
    rng = random.Random(seed)
    start = dt.date(2021, 8, 1)
    out = []
    for i in range(n):
        place, country = rng.choice(PLACES)
        day = start + dt.timedelta(days=rng.randrange(30))
        templates = CONFLICT if rng.random() < 0.7 else OTHER
        fields = {
            "actor": rng.choice(ARMED),
            "place": place,
            "day": DAYS[day.weekday()],
            "n": rng.randint(1, 30),
            "m": rng.randint(1, 40),
        }
        body = " ".join([rng.choice(templates).format(**fields)] + rng.sample(FILLER, 2))
        text = f"{place.upper()}, {country} ({day:%b}. {day.day}, {day.year}) - {body} (item {i})"
        out.append(
            {
                "id": f"b{i}",
                "text": text,
                "date": day.isoformat(),
                "url": f"https://bench.example/{i}",
                "source": rng.choice(["Wire A", "Wire B", "Daily C"]),
            }
        )
    return out


def peak_mb() -> float:
    """Peak resident memory of this process and of its (waited-for) children, in MB (Linux: KB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def write_typical(path: Path, n: int) -> None:
    """N typical ~500-word news reports (one in five about conflict), from bench_scale's generator."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_scale", Path(__file__).with_name("bench_scale.py"))
    assert spec and spec.loader
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    scale.write_reports(path, n)


def run(n: int, workers: int, folder: Path, typical: bool = False) -> dict:
    from frontlines.ingest.pipeline import ingest
    from frontlines.store import Database, queries

    batch = folder / ("typical.jsonl" if typical else "reports.jsonl")
    if not batch.exists():
        if typical:
            write_typical(batch, n)
        else:
            batch.write_text("".join(json.dumps(r) + "\n" for r in make_reports(n)), encoding="utf-8")
    dbpath = folder / f"bench-{workers}.db"
    db = Database.open(dbpath)
    t0 = time.perf_counter()
    stats = ingest(db, [batch], workers=workers)
    wall = time.perf_counter() - t0
    with db.read() as conn:
        counts = queries.counts(conn)
    db.close()
    return {
        "n": n,
        "corpus": "typical ~500-word reports" if typical else "short ~40-word reports",
        "workers": workers,
        "seconds": round(wall, 2),
        "docs_per_second": round(n / wall, 1),
        "share_extraction": round(stats.extract_seconds / stats.seconds, 3),
        "share_storage_merging": round(stats.store_seconds / stats.seconds, 3),
        "share_reading": round(stats.read_seconds / stats.seconds, 3),
        "peak_rss_mb": round(peak_mb(), 1),
        "documents": counts["documents"],
        "event_mentions": counts["event_mentions"],
        "canonical_events": counts["canonical_events"],
        "failed": stats.failed,
        "db_mb": round(dbpath.stat().st_size / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of synthetic reports")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", metavar="DIR", help="keep the JSONL and databases here")
    parser.add_argument(
        "--typical",
        action="store_true",
        help="typical ~500-word news reports (one in five about conflict) instead of ~40-word snippets",
    )
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    folder.mkdir(parents=True, exist_ok=True)
    for workers in args.workers:
        print(json.dumps(run(args.n, workers, folder, args.typical)), flush=True)


if __name__ == "__main__":
    main()
