"""Load check of the REST API: 100,000 synthetic events, 50 concurrent clients, a fixed request mix.

    .venv/bin/python bench/load_api.py [--events 100000] [--clients 50] [--duration 60] [--db PATH]

1. fills a new SQLite store (through the store's migrations) with synthetic canonical events, documents,
   event mentions and claims by bulk inserts (a few seconds);
2. starts ``frontlines serve`` on 127.0.0.1 (a free port) in a subprocess;
3. runs ``--clients`` concurrent clients (httpx, asyncio) for ``--duration`` seconds (at most 600) with a
   fixed mix: 4/10 filtered event lists (page size 50), 2/10 event pages, 2/10 control on a date,
   2/10 daily aggregates;
4. prints p50/p95 latency per kind and overall, and requests per second; stops the server.

The load generator runs on the same machine as the server and shares its CPUs: the figures are a floor.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from frontlines.model import EVENT_TYPE_OF, disorder_type_of  # noqa: E402
from frontlines.store.database import Database  # noqa: E402
from frontlines.store.models import TABLES  # noqa: E402

MAX_DURATION = 600
START = dt.date(2020, 1, 1)
DAYS = 4 * 365
COUNTRIES = {
    "AFG": (
        "Afghanistan",
        34.5,
        66.0,
        ["Kabul", "Kandahar", "Helmand", "Kunduz", "Herat", "Balkh", "Ghazni"],
    ),
    "SYR": ("Syria", 35.0, 38.5, ["Idlib", "Aleppo", "Damascus", "Homs", "Hama", "Deir-ez-Zor"]),
    "UKR": ("Ukraine", 48.5, 34.0, ["Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Kherson"]),
    "YEM": ("Yemen", 15.5, 46.0, ["Marib", "Taizz", "Al Hudaydah", "Sanaa", "Aden"]),
    "SOM": ("Somalia", 4.0, 45.5, ["Banadir", "Lower Shabelle", "Middle Shabelle", "Bay", "Hiraan"]),
}
COUNTRY_WEIGHTS = [0.5, 0.15, 0.15, 0.1, 0.1]
ACTORS = {
    "AFG": ["Taliban", "Military Forces of Afghanistan (2004-2021)", "Islamic State (Afghanistan)"],
    "SYR": ["Military Forces of Syria (2000-2024)", "Hayat Tahrir al-Sham", "Islamic State (Syria)"],
    "UKR": ["Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)", "Wagner Group"],
    "YEM": ["Houthis", "Military Forces of Yemen (2017-)", "Southern Transitional Council"],
    "SOM": ["Al Shabaab", "Military Forces of Somalia (2022-)", "AMISOM"],
}
SUB_TYPES = list(EVENT_TYPE_OF)
TERRITORY = [
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Non-violent transfer of territory",
]
TOWNS_PER_COUNTRY = 40
N_DOCS = 10_000


def fill(path: Path, n_events: int, seed: int = 7) -> list[str]:
    """Create the store and insert ``n_events`` canonical events (with documents, mentions, claims)."""
    rnd = random.Random(seed)
    db = Database.open(path)
    now = dt.datetime(2024, 1, 1)
    canon, docs, mentions, claims = (
        TABLES[n] for n in ("canonical_events", "documents", "event_mentions", "claims")
    )
    towns = {
        iso: [
            (
                f"{iso.title()} town {i}",
                rnd.choice(c[3]),
                c[1] + rnd.uniform(-3, 3),
                c[2] + rnd.uniform(-4, 4),
            )
            for i in range(TOWNS_PER_COUNTRY)
        ]
        for iso, c in COUNTRIES.items()
    }
    doc_rows = [
        {
            "document_key": f"{i:064x}",
            "text": f"Synthetic report {i}. "
            + "Fighting was reported near the town on Monday, officials said. " * 8,
            "title": f"Synthetic report {i}",
            "published": START + dt.timedelta(days=i % DAYS),
            "language": "en",
            "extractor_version": "bench",
            "status": "ok",
            "origin_key": f"{i:064x}",
            "ingested_at": now,
            "updated_at": now,
        }
        for i in range(N_DOCS)
    ]
    claim_rows = [
        {
            "document_key": f"{i:064x}",
            "claim_id": "c1",
            "extractor_version": "bench",
            "claimant": "Synthetic outlet",
            "claimant_kind": "outlet",
            "stance": "asserts",
            "event_id": "e0",
            "text": "Fighting was reported near the town",
            "start": 25,
            "end": 60,
        }
        for i in range(N_DOCS)
    ]
    rows, mention_rows, uids = [], [], []
    for i in range(n_events):
        iso = rnd.choices(list(COUNTRIES), COUNTRY_WEIGHTS)[0]
        name, _, _, _ = COUNTRIES[iso]
        sub = rnd.choice(TERRITORY) if rnd.random() < 0.1 else rnd.choice(SUB_TYPES)
        town, admin1, lat, lon = rnd.choice(towns[iso])
        a1, a2 = rnd.sample(ACTORS[iso], 2)
        day = START + dt.timedelta(days=rnd.randrange(DAYS))
        fat = rnd.choice([0, 0, 0, 1, 2, 3, 5, 12, 30])
        uid = f"ev_bench{i:012d}"
        uids.append(uid)
        row = {
            "uid": uid,
            "event_date": day,
            "time_precision": 1,
            "disorder_type": disorder_type_of(sub),
            "event_type": EVENT_TYPE_OF[sub],
            "sub_event_type": sub,
            "actor1": a1,
            "actor2": a2,
            "assoc_actor_1": "",
            "assoc_actor_2": "",
            "inter1": 2,
            "inter2": 1,
            "interaction": 12,
            "civilian_targeting": "",
            "country": name,
            "iso3": iso,
            "admin1": admin1,
            "admin2": None,
            "location": town,
            "latitude": lat + rnd.uniform(-0.05, 0.05),
            "longitude": lon + rnd.uniform(-0.05, 0.05),
            "geo_precision": 1,
            "source": "Synthetic outlet",
            "notes": f"On {day.isoformat()}, {a1} and {a2} clashed near {town}.",
            "modality": rnd.choice(["asserted"] * 8 + ["claimed", "denied"]),
            "fatalities": fat,
            "fatalities_low": fat,
            "fatalities_high": fat * 2,
            "sources_independent": rnd.choice([1, 1, 1, 2, 3]),
            "mentions": 1,
            "merge_explanation": "synthetic",
            "created_at": now,
            "updated_at": now,
        }
        rows.append(row)
        mention_rows.append(
            {
                **{k: v for k, v in row.items() if k in mentions.c and k not in ("mentions",)},
                "document_key": f"{i % N_DOCS:064x}",
                "event_id": f"e{i // N_DOCS}",
                "rank": i // N_DOCS,
                "extractor_version": "bench",
                "canonical_uid": uid,
                "merge_reasons": ["synthetic"],
                "origin_key": f"{i % N_DOCS:064x}",
                "published": day,
                "historical": False,
                "claims": [],
                "evidence": [{"text": "Fighting was reported near the town", "start": 25, "end": 60}],
            }
        )

    def work(conn: Any) -> None:
        conn.execute(docs.insert(), doc_rows)
        conn.execute(claims.insert(), claim_rows)
        for i in range(0, len(rows), 10_000):
            conn.execute(canon.insert(), rows[i : i + 10_000])
        for i in range(0, len(mention_rows), 10_000):
            conn.execute(mentions.insert(), mention_rows[i : i + 10_000])

    db.write(work)
    db.close()
    return uids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def analyze(db: Path) -> None:
    """Refresh SQLite's planner statistics (the store itself never runs ANALYZE)."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("ANALYZE")


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen:
    """``frontlines serve --workers N`` on 127.0.0.1 (N > 1: uvicorn's process manager over the app factory)."""
    exe = Path(sys.executable).parent / "frontlines"
    cmd = [str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--workers", str(workers), "--log-level", "warning"]
    env = dict(os.environ)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"server did not start: {proc.stderr.read().decode() if proc.stderr else ''}")


def request_for(kind: str, rnd: random.Random, uids: list[str]) -> tuple[str, dict[str, Any]]:
    """The path and parameters of one request of a kind."""
    iso = rnd.choices(list(COUNTRIES), COUNTRY_WEIGHTS)[0]
    day = START + dt.timedelta(days=rnd.randrange(DAYS))
    if kind == "events":
        params: dict[str, Any] = {"country": iso, "page_size": 50, "page": rnd.choice([1, 1, 2, 3])}
        choice = rnd.random()
        if choice < 0.4:
            params["between"] = f"{day}..{day + dt.timedelta(days=30)}"
        elif choice < 0.7:
            params["type"] = rnd.choice(["Battles", "Explosions/Remote violence", "Strategic developments"])
            params["date_from"] = day.isoformat()
        else:
            params["min_sources"] = 2
            params["modality"] = "asserted"
        return "/api/events", params
    if kind == "event":
        return f"/api/events/{rnd.choice(uids)}", {}
    if kind == "control":
        return "/api/control", {"country": iso, "on": day.isoformat()}
    return "/api/stats/daily", {
        "country": iso,
        "between": f"{day}..{day + dt.timedelta(days=rnd.choice([30, 90]))}",
    }


MIX = ["events", "events", "events", "events", "event", "event", "control", "control", "stats", "stats"]


async def client_loop(
    n: int,
    base: str,
    uids: list[str],
    deadline: float,
    out: dict[str, list[float]],
    errors: list[str],
    seen: dict[str, set[str]],
) -> None:
    rnd = random.Random(n)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        i = n
        while time.perf_counter() < deadline:
            kind = MIX[i % len(MIX)]
            i += 1
            path, params = request_for(kind, rnd, uids)
            seen.setdefault(kind, set()).add(f"{path}?{sorted(params.items())}")
            t0 = time.perf_counter()
            try:
                resp = await client.get(path, params=params)
                ok = resp.status_code == 200
            except httpx.HTTPError as exc:
                ok, resp = False, exc
            took = time.perf_counter() - t0
            if ok:
                out.setdefault(kind, []).append(took)
            else:
                errors.append(f"{kind} {path} {params}: {getattr(resp, 'status_code', resp)}")


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds so far of a process and its child processes (the workers), from Linux's
    /proc (NaN elsewhere)."""
    total = 0.0
    try:
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended meanwhile
            if stat.parent.name == str(pid) or fields[1] == str(pid):
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")
    return total


async def run_load(base: str, uids: list[str], clients: int, duration: float, server_pid: int) -> None:
    out: dict[str, list[float]] = {}
    errors: list[str] = []
    seen: dict[str, set[str]] = {}
    server0, self0, load0 = cpu_seconds(server_pid), time.process_time(), os.getloadavg()[0]
    t0 = time.perf_counter()
    deadline = t0 + duration
    await asyncio.gather(*(client_loop(n, base, uids, deadline, out, errors, seen) for n in range(clients)))
    wall = time.perf_counter() - t0
    server_cpu, self_cpu = cpu_seconds(server_pid) - server0, time.process_time() - self0
    every = [x for v in out.values() for x in v]
    # "repeated": requests whose exact URL an earlier request of the run already asked (what a response
    # cache can answer at best); the rest had to be computed
    print(f"{'kind':<8} {'n':>7} {'rps':>7} {'p50 ms':>8} {'p95 ms':>8} {'repeated':>9}")
    for kind in ("events", "event", "control", "stats"):
        v = out.get(kind, [])
        repeated = 1 - len(seen.get(kind, ())) / len(v) if v else 0.0
        row = f"{kind:<8} {len(v):>7} {len(v) / wall:>7.1f} {pct(v, 50):>8.1f} {pct(v, 95):>8.1f}"
        print(f"{row} {repeated:>9.0%}")
    print(
        f"{'all':<8} {len(every):>7} {len(every) / wall:>7.1f} {pct(every, 50):>8.1f} {pct(every, 95):>8.1f}"
    )
    print(
        f"requests/s: {len(every) / wall:.1f} over {wall:.1f} s with {clients} clients; errors: {len(errors)}"
    )
    for e in errors[:5]:
        print("  error:", e)
    if every:
        n = len(every)
        print(f"mean {statistics.mean(every) * 1000:.1f} ms")
        print(
            f"CPU per request: server {server_cpu / n * 1000:.2f} ms ({server_cpu / wall:.0%} of a core), "
            f"load generator {self_cpu / n * 1000:.2f} ms ({self_cpu / wall:.0%} of a core); "
            f"load average {load0:.2f} before, {os.getloadavg()[0]:.2f} after"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60.0, help=f"seconds (at most {MAX_DURATION})")
    ap.add_argument("--db", type=Path, default=None, help="store to create (default: a temporary file)")
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    ap.add_argument("--analyze", action="store_true", help="run ANALYZE before serving")
    ap.add_argument("--reuse", action="store_true", help="use an existing --db filled by an earlier run")
    args = ap.parse_args()
    duration = max(1.0, min(MAX_DURATION, args.duration))
    tmp = tempfile.TemporaryDirectory(prefix="frontlines-load-")
    db = args.db or Path(tmp.name) / "load.db"
    t0 = time.perf_counter()
    if db.exists() and args.reuse:
        import sqlite3

        with sqlite3.connect(db) as conn:
            uids = [u for (u,) in conn.execute("select uid from canonical_events")]
        print(f"reusing {db} ({len(uids)} events)")
    elif db.exists():
        raise SystemExit(f"{db} exists: give a new path (or --reuse)")
    else:
        uids = fill(db, args.events)
        print(f"filled {db} with {args.events} events in {time.perf_counter() - t0:.1f} s")
    if args.analyze:
        t0 = time.perf_counter()
        analyze(db)
        print(f"ANALYZE done in {time.perf_counter() - t0:.1f} s")
    port = free_port()
    proc = start_server(db, port, args.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        httpx.get(f"{base}/api/control", params={"country": "AFG"}, timeout=120)  # build the timeline cache
        print(
            f"server pid {proc.pid} on {base} ({args.workers} worker(s)); "
            f"{os.cpu_count()} CPUs shared by the server, the load generator and anything else running"
        )
        asyncio.run(run_load(base, uids, args.clients, duration, proc.pid))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        tmp.cleanup()


if __name__ == "__main__":
    main()
