"""Scale benchmark: N typical news reports ingested by the local engine (1 and 2 workers) and by Ray.

    .venv/bin/python bench/bench_scale.py --n 20000                 # the full run (hours on 2 cores)
    .venv/bin/python bench/bench_scale.py --n 300 --modes local1 local2 ray2 prefilter1

Reports (about 500 words; one in five about conflict, the rest politics, sport, business and weather) are
generated from this script's own templates: no published text.  Each mode runs in a fresh subprocess on
a fresh SQLite store and prints reports/second, peak memory of the whole process tree (driver, worker
processes, Ray's raylet and actors; sampled from /proc), and, for the in-process modes, the per-stage
split of the wall time: read (input + "already stored?" check), pre-filter, NLP (spaCy NER over every
paragraph + the parse of candidate sentences), rules (dateline/language, places, actors, dates, numbers,
events, claims) and write (transactions with merging).

``prefilter1`` is the local engine with a document-level pre-filter
(:func:`frontlines.engines.ray_engine.is_conflict_candidate`): reports with no conflict cue skip the NLP
and rules and are stored with ``events: []``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# -- report generator ---------------------------------------------------------------------------------------

TOWNS = [
    ("KUNDUZ", "Afghanistan", "Kunduz"),
    ("HERAT", "Afghanistan", "Herat"),
    ("MOGADISHU", "Somalia", "Mogadishu"),
    ("BAIDOA", "Somalia", "Baidoa"),
    ("MAIDUGURI", "Nigeria", "Maiduguri"),
    ("GOMA", "Democratic Republic of Congo", "Goma"),
    ("MOSUL", "Iraq", "Mosul"),
    ("KHARKIV", "Ukraine", "Kharkiv"),
]
GROUPS = ["Taliban fighters", "Al Shabaab militants", "Boko Haram insurgents", "M23 rebels", "gunmen"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["two", "three", "five", "seven", "nine", "eleven", "fourteen", "twenty"]

CONFLICT_LEADS = [
    "{group} stormed an army outpost near {town} on {day}, killing {n} soldiers, a regional official said.",
    "A car bomb exploded outside a district office in {town} on {day}, killing {n} people, police said.",
    "Security forces clashed with {group} on the outskirts of {town} on {day}; {n} fighters were killed.",
    "Troops detained {n} suspected members of {group} during a night raid in {town} on {day}.",
    "Hundreds of residents protested in {town} on {day} against the killing of {n} farmers by {group}.",
]
CONFLICT_BODY = [
    "Witnesses described hearing gunfire for several hours before the area fell silent.",
    "The defence ministry said reinforcements had been sent and the situation was under control.",
    "A spokesman for the group claimed responsibility in a statement posted online.",
    "Aid workers said families had fled towards neighbouring villages carrying what they could.",
    "Hospital staff said they had received {n} wounded people, several in a critical condition.",
    "The attack was the latest in a series of raids on the province this year.",
    "Local elders called on both sides to allow humanitarian access to the affected area.",
]
TOPICS: dict[str, tuple[list[str], list[str]]] = {
    "politics": (
        [
            "Parliament in {capital} approved a revised education budget on {day} after a long debate.",
            "The governing coalition in {capital} named a new finance minister on {day}.",
        ],
        [
            "Opposition members said the plan did not go far enough to support rural schools.",
            "The minister told reporters the reform would be phased in over three years.",
            "Analysts expect the committee to publish its recommendations before the summer recess.",
            "Several members abstained, citing concerns about the cost of the programme.",
            "The speaker scheduled a further reading of the bill for the following month.",
        ],
    ),
    "sport": (
        [
            "The national team beat its rivals 3-1 in {capital} on {day} to reach the cup final.",
            "A young midfielder scored twice as the home side won the derby on {day}.",
        ],
        [
            "The coach praised the discipline of his defence and the energy of the substitutes.",
            "Fans filled the stadium hours before kick-off, singing and waving flags.",
            "The captain said the squad would rest before the next match on Saturday.",
            "The league leaders now hold a four-point advantage with six games remaining.",
            "The club confirmed that two players would miss the final through injury.",
        ],
    ),
    "business": (
        [
            "Shares in the country's largest telecoms company rose {pct} percent in {capital} on {day}.",
            "The central bank in {capital} held its main interest rate steady on {day}.",
        ],
        [
            "Traders said the decision had been widely expected after last month's inflation figures.",
            "The company reported higher quarterly revenue driven by mobile data subscriptions.",
            "Economists said consumer spending remained resilient despite higher food prices.",
            "The currency was little changed against the dollar in afternoon trading.",
            "Exporters welcomed the stability but warned about rising shipping costs.",
        ],
    ),
    "weather": (
        [
            "Forecasters in {capital} warned of heavy rain and strong winds from {day}.",
            "Temperatures in {capital} reached a record high for the month on {day}.",
        ],
        [
            "Farmers said the rain would help the maize crop after a dry start to the season.",
            "The meteorological service advised residents to avoid low-lying roads.",
            "Schools in the northern districts are expected to remain open.",
            "Cooler conditions are forecast to return by the end of the week.",
            "Water authorities said reservoir levels were above the seasonal average.",
        ],
    ),
}
CAPITALS = ["Nairobi", "Accra", "Lima", "Hanoi", "Oslo", "Lisbon", "Quito", "Dakar"]


def make_report(i: int, rng: random.Random, words: int = 500) -> dict[str, Any]:
    """One report of about ``words`` words: conflict for one in five, else politics/sport/business/weather."""
    day = rng.choice(WEEKDAYS)
    date = f"2021-08-{rng.randint(10, 28):02d}"
    fill = {"day": day, "n": rng.choice(NUMBERS), "pct": rng.randint(1, 9), "capital": rng.choice(CAPITALS)}
    if i % 5 == 0:
        dateline, country, town = rng.choice(TOWNS)
        fill.update(town=town, group=rng.choice(GROUPS))
        lead, body, kind = rng.choice(CONFLICT_LEADS), CONFLICT_BODY, "conflict"
        head = f"{dateline}, {country} - "
    else:
        kind = rng.choice(sorted(TOPICS))
        leads, body = TOPICS[kind]
        lead = rng.choice(leads)
        head = f"{fill['capital'].upper()} - "
    paragraphs = [head + lead.format(**fill)]
    count = len(paragraphs[0].split())
    while count < words:
        para = " ".join(rng.choice(body).format(**fill) for _ in range(3))
        paragraphs.append(para)
        count += len(para.split())
    text = "\n\n".join(paragraphs)
    return {"id": f"bench-{i}", "text": text, "date": date, "source": f"Bench Wire {i % 7}", "kind": kind}


def write_reports(path: Path, n: int, seed: int = 11) -> None:
    """N reports as JSONL (``kind`` is kept for the pre-filter check; ingest ignores it)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(make_report(i, rng)) + "\n")


# -- measurement ----------------------------------------------------------------------------------------------


class TreeMemory:
    """Peak resident memory of this process and all its descendants, sampled from /proc."""

    def __init__(self, interval: float = 0.5) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self, interval: float) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(os.getpid()))
            self._stop.wait(interval)


def _tree_rss(root: int) -> int:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == pid and p not in tree]
        tree.update(kids)
        frontier.extend(kids)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def timed_extractor(prefilter: bool) -> tuple[Any, dict[str, float]]:
    """An Extractor whose steps add their time to a dict (NLP vs rules), optionally pre-filtered."""
    from frontlines.engines.ray_engine import is_conflict_candidate
    from frontlines.extract.extractor import Extractor

    times = {"prefilter": 0.0, "nlp": 0.0, "rules": 0.0}

    class Timed(Extractor):
        def _run_batch(self, reports: list[Any]) -> list[Any]:
            t = time.perf_counter()
            analyses = [self._prepare(r) for r in reports]
            times["rules"] += time.perf_counter() - t
            t = time.perf_counter()
            keep = [a for a in analyses if a.language == "en"]
            if prefilter:
                keep = [a for a in keep if is_conflict_candidate(a.text)]
            times["prefilter"] += time.perf_counter() - t
            t = time.perf_counter()
            self._segment(keep)
            times["nlp"] += time.perf_counter() - t
            t = time.perf_counter()
            for a in keep:
                self._resolve(a)
            times["rules"] += time.perf_counter() - t
            t = time.perf_counter()
            self._parse_candidates(keep)
            times["nlp"] += time.perf_counter() - t
            t = time.perf_counter()
            out = [self._finish(a) for a in analyses]
            times["rules"] += time.perf_counter() - t
            return out

    return Timed(), times


def run_mode(mode: str, inputs: Path, store: Path, address: str | None) -> dict[str, Any]:
    """One measured ingest (this is what the subprocess runs)."""
    from frontlines.store import Database

    if mode == "kinds":
        return cost_by_kind(inputs)
    workers = int(mode[-1])
    db = Database.open(store)
    times: dict[str, float] = {}
    stamps: list[float] = []  # when each report was settled: the steady rate excludes start-up

    def progress(n: int) -> None:
        stamps.append(time.perf_counter())

    with TreeMemory() as mem:
        cpu = time.process_time()
        start = time.perf_counter()
        if mode.startswith("ray"):
            from frontlines.engines.ray_engine import ingest_ray, init_ray

            init_ray(address, num_cpus=None if address else workers)
            stats = ingest_ray(db, [inputs], address=address, num_workers=workers, progress=progress)
        else:
            from frontlines.ingest.pipeline import ingest

            extractor = None
            if workers == 1:
                t = time.perf_counter()
                extractor, times = timed_extractor(prefilter=mode.startswith("prefilter"))
                times["load"] = time.perf_counter() - t
            stats = ingest(db, [inputs], workers=workers, extractor=extractor, progress=progress)
        wall = time.perf_counter() - start
        cpu = time.process_time() - cpu
    db.close()
    out: dict[str, Any] = {
        "mode": mode,
        "reports": stats.read,
        "new": stats.new,
        "failed": stats.failed,
        "events": stats.events,
        "seconds": round(wall, 2),
        "reports_per_second": round(stats.read / wall, 3),
        "steady_reports_per_second": _steady(stamps),
        "startup_s": round(stamps[0] - start, 2) if stamps else None,
        "peak_memory_mb": round(mem.peak / 2**20),
        "read_s": round(stats.read_seconds, 2),
        "write_s": round(stats.store_seconds, 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    if times:
        # CPU seconds of this process: what the rate would be on an otherwise idle core
        out["driver_cpu_s"] = round(cpu, 2)
        out["reports_per_cpu_second"] = round(stats.read / (cpu - times["load"]), 3)
        out.update({f"{k}_s": round(v, 2) for k, v in times.items()})
        other = wall - stats.read_seconds - stats.store_seconds - sum(times.values())
        out["other_s"] = round(max(0.0, other), 2)  # batching, result conversion, merging outside writes
        steady = wall - times["load"]
        out["reports_per_second_after_load"] = round(stats.read / steady, 3)
    return out


def _steady(stamps: list[float]) -> float | None:
    """Reports per second between the first 10% and the last report settled (after models are loaded)."""
    if len(stamps) < 20:
        return None
    first = stamps[len(stamps) // 10]
    return round((len(stamps) - 1 - len(stamps) // 10) / (stamps[-1] - first), 3)


def cost_by_kind(inputs: Path, per_kind: int = 40) -> dict[str, Any]:
    """CPU seconds per report and the stage split, for conflict and for other reports separately.

    CPU time (not wall time) of this one process: robust to other load on the machine.
    """
    from frontlines.extract.extractor import ReportInput

    extractor, times = timed_extractor(prefilter=False)
    rows = [json.loads(x) for x in inputs.open(encoding="utf-8")]
    out: dict[str, Any] = {"mode": "kinds"}
    for kind in ("conflict", "other"):
        chosen = [r for r in rows if (r["kind"] == "conflict") == (kind == "conflict")][:per_kind]
        reports = [ReportInput(text=r["text"], id=r["id"], published=r["date"]) for r in chosen]
        for k in times:
            times[k] = 0.0
        cpu = time.process_time()
        for i in range(0, len(reports), 32):
            list(extractor.extract_batch(reports[i : i + 32], batch_size=32))
        cpu = time.process_time() - cpu
        out[kind] = {
            "reports": len(reports),
            "cpu_ms_per_report": round(1000 * cpu / max(1, len(reports)), 1),
            **{f"{k}_ms_per_report": round(1000 * v / max(1, len(reports)), 1) for k, v in times.items()},
        }
    return out


def prefilter_check(inputs: Path) -> dict[str, Any]:
    """How the pre-filter sorts the generated reports (conflict kept, the rest skipped)."""
    from frontlines.engines.ray_engine import is_conflict_candidate

    kept = {"conflict": [0, 0], "other": [0, 0]}
    t = time.perf_counter()
    for line in inputs.open(encoding="utf-8"):
        obj = json.loads(line)
        k = "conflict" if obj["kind"] == "conflict" else "other"
        kept[k][0] += int(is_conflict_candidate(obj["text"]))
        kept[k][1] += 1
    return {
        "conflict_kept": f"{kept['conflict'][0]}/{kept['conflict'][1]}",
        "other_kept": f"{kept['other'][0]}/{kept['other'][1]}",
        "seconds": round(time.perf_counter() - t, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20_000, help="reports to generate (default 20000)")
    parser.add_argument(
        "--modes",
        nargs="+",
        default=["local1", "local2", "ray1", "ray2", "prefilter1"],
        help="local1 local2 ray1 ray2 prefilter1 kinds (CPU cost per conflict / other report)",
    )
    parser.add_argument("--address", default=None, help="Ray cluster address (default: a local Ray)")
    parser.add_argument("--run-mode", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--inputs", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--store", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_mode:
        print(json.dumps(run_mode(args.run_mode, Path(args.inputs), Path(args.store), args.address)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "reports.jsonl"
        write_reports(inputs, args.n)
        words = sum(len(json.loads(x)["text"].split()) for x in inputs.open()) / args.n
        print(json.dumps({"n": args.n, "mean_words": round(words), "prefilter": prefilter_check(inputs)}))
        for mode in args.modes:
            cmd = [sys.executable, __file__, "--run-mode", mode, "--inputs", str(inputs)]
            cmd += ["--store", str(Path(tmp) / f"{mode}.db")]
            if args.address:
                cmd += ["--address", args.address]
            env = {**os.environ, "RAY_memory_monitor_refresh_ms": "0"}
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
            lines = [x for x in proc.stdout.splitlines() if x.startswith("{")]
            print(
                lines[-1] if lines else json.dumps({"mode": mode, "error": proc.stderr[-2000:]}), flush=True
            )


if __name__ == "__main__":
    main()
