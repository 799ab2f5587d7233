"""Ingest under real process trouble: SIGKILL halfway then a rerun, and two ingests on one SQLite file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from frontlines.store import Database, queries

REPO = Path(__file__).resolve().parent.parent
PLACES = ["Kunduz", "Kandahar", "Herat", "Ghazni", "Lashkar Gah", "Mazar-i-Sharif", "Jalalabad", "Kabul"]

# The child ingests a folder; with FRONTLINES_TEST_SLOW each document's transaction sleeps after its event
# mentions are written, so a kill lands inside transactions (the test harness slows it, not the product).
CHILD = """
import os, sys, time
from frontlines.store import canonical
if os.environ.get("FRONTLINES_TEST_SLOW"):
    _assign = canonical.assign
    def slow_assign(*a, **kw):
        out = _assign(*a, **kw)
        time.sleep(float(os.environ["FRONTLINES_TEST_SLOW"]))
        return out
    canonical.assign = slow_assign
from frontlines.store import Database
from frontlines.ingest.pipeline import ingest
db = Database.open(sys.argv[1], timeout=60)
stats = ingest(db, [sys.argv[2]])
print(stats.new, stats.unchanged, stats.failed, flush=True)
"""


def make_folder(folder: Path, n: int = 30) -> None:
    folder.mkdir()
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        text = (
            f"{place.upper()}, Afghanistan (Aug. {1 + i % 20}, 2021) - Taliban fighters attacked a police post in "
            f"{place} on Sunday, killing {i % 5 + 1} officers, a local official said in report number {i}."
        )
        (folder / f"r{i:02d}.txt").write_text(text, encoding="utf-8")


def child(dbpath: Path, folder: Path, slow: float = 0.0) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    if slow:
        env["FRONTLINES_TEST_SLOW"] = str(slow)
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(dbpath), str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_documents(dbpath: Path) -> int:
    if not dbpath.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{dbpath}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0  # not created yet


def check_consistent(dbpath: Path, n: int) -> None:
    """Every document once, and nothing that belongs to no document or to no canonical event."""
    db = Database.open(dbpath)
    try:
        with db.read() as conn:
            c = queries.counts(conn)
            sql = conn.exec_driver_sql
            assert c["documents"] == n
            assert c["document_sources"] == n
            assert sql("SELECT COUNT(*) FROM documents WHERE status != 'ok'").scalar() == 0
            for table in ("event_mentions", "claims", "actors", "places", "document_sources"):
                orphans = sql(
                    f"SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS "
                    "(SELECT 1 FROM documents d WHERE d.document_key = t.document_key)"
                ).scalar()
                assert orphans == 0, table
            # every document of this folder reports one event
            assert sql("SELECT COUNT(DISTINCT document_key) FROM event_mentions").scalar() == n
            assert sql("SELECT COUNT(*) FROM event_mentions WHERE canonical_uid IS NULL").scalar() == 0
            total = sql("SELECT COALESCE(SUM(mentions), 0) FROM canonical_events").scalar()
            assert total == c["event_mentions"]
            assert sql("SELECT COUNT(*) FROM canonical_events WHERE mentions = 0").scalar() == 0
    finally:
        db.close()


@pytest.mark.slow
def test_killed_halfway_then_resumed(tmp_path):
    folder, dbpath = tmp_path / "in", tmp_path / "crash.db"
    make_folder(folder)
    proc = child(dbpath, folder, slow=0.15)
    deadline = time.monotonic() + 120
    while stored_documents(dbpath) < 8 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed: " + proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = stored_documents(dbpath)
    assert 8 <= partial < 30

    rerun = child(dbpath, folder)
    out, err = rerun.communicate(timeout=180)
    assert rerun.returncode == 0, err
    new, unchanged, failed = map(int, out.split())
    assert (new, unchanged, failed) == (30 - partial, partial, 0)
    check_consistent(dbpath, 30)


@pytest.mark.slow
def test_two_ingests_on_one_sqlite_file(tmp_path):
    folder, dbpath = tmp_path / "in", tmp_path / "shared.db"
    make_folder(folder)
    a, b = child(dbpath, folder, slow=0.02), child(dbpath, folder, slow=0.02)
    results = []
    for proc in (a, b):
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        results.append(tuple(map(int, out.split())))
    # Between them every document is new exactly once; the other run saw it as already stored.
    assert sum(r[0] for r in results) == 30
    assert all(r[0] + r[1] == 30 and r[2] == 0 for r in results)
    check_consistent(dbpath, 30)
