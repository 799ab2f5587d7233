"""The Ray engine: same rows as the local engine, a killed actor replaced, a stopped job resumed.

One Ray instance (2 CPUs, no dashboard) serves the whole session; each test runs few, small jobs because
every Ray Data job starts actors that each load the models (seconds).
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import need_service
from sqlalchemy import select

from frontlines.ingest.pipeline import ingest
from frontlines.store import Database, queries
from frontlines.store.models import TABLES

pytestmark = pytest.mark.ray
PG_URL = os.environ.get("FRONTLINES_TEST_PG", "")

REPORTS = [
    "KUNDUZ, Afghanistan (Aug. 8, 2021) - Taliban fighters captured the city of Kunduz on Sunday after days "
    "of heavy fighting with government forces, a provincial council member said.",
    "KABUL (Aug. 9, 2021) - The Taliban took Kunduz on Sunday after fierce fighting with the Afghan army, "
    "officials said. Three civilians were killed.",
    "LAGOS, Nigeria (Aug. 10, 2021) - Police fired tear gas to disperse hundreds of traders protesting "
    "against new market fees in Lagos on Tuesday, witnesses said. Twelve people were arrested.",
    "MOGADISHU, Somalia (Aug. 12, 2021) - A roadside bomb killed four soldiers on the outskirts of "
    "Mogadishu on Thursday, a military officer said. Al Shabaab claimed responsibility for the attack.",
    "The city council approved a new budget for road repairs on Monday after a long debate, the mayor said.",
    "MAIDUGURI, Nigeria (Aug. 14, 2021) - Gunmen abducted twenty passengers from a bus near Maiduguri on "
    "Saturday, police said.",
]


@pytest.fixture(scope="session")
def ray_session():
    """One local Ray instance for the session (started on first use, shut down at the end)."""
    ray = pytest.importorskip("ray")
    os.environ.setdefault("RAY_memory_monitor_refresh_ms", "0")
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        ignore_reinit_error=True,
        log_to_driver=False,
        object_store_memory=200 * 1024 * 1024,
    )
    yield ray
    ray.shutdown()


def _pg_schema() -> tuple[str, str]:
    import sqlalchemy as sa

    schema = "ray_" + uuid.uuid4().hex[:12]
    engine = sa.create_engine(PG_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine.dispose()
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}", schema


def _pg_drop(schema: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(PG_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def open_db(request, tmp_path):
    """A function opening a fresh, empty database of the parametrised backend."""
    schemas: list[str] = []
    opened: list[Database] = []

    def make(name: str) -> Database:
        if request.param == "sqlite":
            db = Database.open(tmp_path / f"{name}.db")
        else:
            url, schema = _pg_schema()
            schemas.append(schema)
            db = Database.open(url)
        opened.append(db)
        return db

    if request.param == "postgresql":
        need_service(bool(PG_URL), "FRONTLINES_TEST_PG is not set (run .ci/start-postgres.sh)")
    yield make
    for db in opened:
        db.close()
    for schema in schemas:
        _pg_drop(schema)


def write_batch(path: Path) -> Path:
    """The reports as JSONL, plus a repeated text under another id and a line with no text."""
    lines = [{"id": f"r{i}", "text": t, "source": f"Outlet {i % 3}"} for i, t in enumerate(REPORTS)]
    lines.insert(3, {"id": "copy", "text": REPORTS[0], "source": "Wire"})
    lines.append({"id": "blank", "text": "   "})
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def snapshot(db: Database) -> dict[str, object]:
    """Row counts and the ids that must match between engines."""
    with db.read() as conn:
        out: dict[str, object] = dict(queries.counts(conn))
        out["event_ids"] = sorted(conn.execute(select(TABLES["event_mentions"].c.event_id)).scalars())
        out["uids"] = sorted(conn.execute(select(TABLES["canonical_events"].c.uid)).scalars())
        claims = TABLES["claims"]
        out["claims_rows"] = sorted(
            tuple(r) for r in conn.execute(select(claims.c.document_key, claims.c.claim_id, claims.c.text))
        )
    return out


class Stop(Exception):
    """Raised from the progress callback to stop a job halfway."""


def test_ray_matches_local_with_a_killed_actor_and_a_restart(
    ray_session, open_db, tmp_path, monkeypatch, extractor
):
    from frontlines.engines.ray_engine import CRASH_MARKER_ENV, ingest_ray

    batch = write_batch(tmp_path / "batch.jsonl")
    local_db = open_db("local")
    local = ingest(local_db, [batch], extractor=extractor)
    expected = snapshot(local_db)
    assert local.failed == 1 and expected["documents"] == len(REPORTS)

    ray_db = open_db("ray")
    marker = tmp_path / "crash-once"
    marker.write_text("")
    monkeypatch.setenv(CRASH_MARKER_ENV, str(marker))
    seen = []

    def stop_after_three(n: int) -> None:
        seen.append(n)
        if len(seen) == 3:
            raise Stop

    # First job: one actor dies on its first batch (replaced, batch redone); the job is stopped after
    # three inputs are settled.
    with pytest.raises(Stop):
        ingest_ray(ray_db, [batch], num_workers=2, batch_size=2, progress=stop_after_three)
    assert not marker.exists(), "the test hook should have killed one actor"
    with ray_db.read() as conn:
        stored_first = queries.counts(conn)["documents"]
    assert 1 <= stored_first <= 3

    # Restarted job: stored documents are skipped before extraction, the rest is extracted once.
    monkeypatch.delenv(CRASH_MARKER_ENV)
    second = ingest_ray(ray_db, [batch], num_workers=2, batch_size=2)
    assert second.new == len(REPORTS) - stored_first
    assert second.failed == 1
    assert snapshot(ray_db) == expected


def test_run_ray_keeps_order_and_passes_errors_through(ray_session):
    from frontlines.engines.ray_engine import run_ray
    from frontlines.extract.extractor import ReportInput

    items = [ReportInput(text=t, id=f"r{i}") for i, t in enumerate(REPORTS[:3])]
    items.insert(1, {"id": "line 2", "error": "line 2 is not valid JSON"})
    items.append(ReportInput(text="  ", id="empty"))
    out = list(run_ray(items, num_workers=1, batch_size=2, window=3))
    assert [o["id"] for o in out] == ["r0", "line 2", "r1", "r2", "empty"]
    assert out[1]["error"] == "line 2 is not valid JSON"
    assert "empty" in out[4]["error"] and out[0]["events"]


def test_without_ray_the_engine_says_how_to_install_it(monkeypatch):
    from frontlines.engines import get_engine
    from frontlines.errors import UsageError

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(UsageError, match=r"pip install 'frontlines\[ray\]'"):
        get_engine("ray")


def test_is_conflict_candidate():
    from frontlines.engines.ray_engine import is_conflict_candidate

    assert is_conflict_candidate(REPORTS[0]) and is_conflict_candidate(REPORTS[3])
    assert not is_conflict_candidate(REPORTS[4])
    assert not is_conflict_candidate("Shares rose two percent as the central bank held rates steady.")


def test_extract_to_parquet_then_load(ray_session, tmp_path, extractor):
    from frontlines.cli.load_cmd import iter_result_parquet
    from frontlines.engines.ray_engine import extract_to_parquet
    from frontlines.store.bulk import load_results

    batch = write_batch(tmp_path / "batch.jsonl")
    with batch.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    local_db = Database.open(tmp_path / "local.db")
    ingest(local_db, [batch], extractor=extractor)
    out = tmp_path / "results"
    extract_to_parquet([batch], out, num_workers=1, batch_size=4)
    loaded = Database.open(tmp_path / "loaded.db")
    stats = load_results(loaded, iter_result_parquet([out]))
    assert (stats.new, stats.failed) == (len(REPORTS), 2)
    got, want = snapshot(loaded), snapshot(local_db)
    local_db.close()
    loaded.close()
    for name in ("documents", "event_mentions", "canonical_events", "claims", "event_ids", "uids"):
        assert got[name] == want[name], name
