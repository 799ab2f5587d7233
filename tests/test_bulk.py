"""Bulk loading on SQLite and PostgreSQL: COPY/executemany inserts, grouped result loading, partitioned merging."""

from __future__ import annotations

import pytest
import test_ray_engine
from sqlalchemy import select
from test_ray_engine import REPORTS, snapshot

from frontlines.ingest.pipeline import ingest
from frontlines.store import queries
from frontlines.store.bulk import bulk_insert, load_results
from frontlines.store.models import TABLES
from frontlines.store.writer import utcnow

open_db = test_ray_engine.open_db  # the fixture: a fresh database per backend (SQLite, PostgreSQL)


@pytest.fixture(scope="module")
def results(extractor):
    """The reports' results, a repeated text under another id, and one error."""
    out = [
        extractor.extract(t, id=f"r{i}", source=f"Outlet {i % 3}").to_dict() for i, t in enumerate(REPORTS)
    ]
    copy = dict(out[0], id="copy", source="Wire")
    return [*out[:3], copy, *out[3:], {"id": "blank", "error": "the report is empty"}]


def test_bulk_insert_skips_conflicts(open_db):
    db = open_db("bulk")
    docs, sources = TABLES["documents"], TABLES["document_sources"]
    now = utcnow()
    doc = {
        "document_key": "k" * 64,
        "text": "x",
        "extractor_version": "t",
        "lexicon_version": "t",
        "status": "ok",
        "warnings": ["a", "b"],
        "ingested_at": now,
        "updated_at": now,
    }
    rows = [
        {
            "document_key": "k" * 64,
            "url": f"https://e.example/{i % 3}",
            "source": "",
            "input_id": "",
            "added_at": now,
        }
        for i in range(7)
    ]
    assert db.write(lambda c: bulk_insert(c, docs, [doc])) == 1
    assert db.write(lambda c: bulk_insert(c, sources, rows)) == 3
    assert db.write(lambda c: bulk_insert(c, sources, rows)) == 0
    with db.read() as conn:
        assert conn.execute(select(docs.c.warnings)).scalar() == ["a", "b"]
        assert queries.counts(conn)["document_sources"] == 3


def test_load_results_stores_what_ingest_stores(open_db, results, tmp_path, extractor):
    import json

    batch = tmp_path / "batch.jsonl"
    lines = [{"id": r["id"], "text": r["text"], "source": r["source"]} for r in results if "error" not in r]
    batch.write_text(
        "\n".join(json.dumps(x) for x in lines) + "\n" + json.dumps({"id": "blank", "text": " "}) + "\n"
    )
    ingested = open_db("ingested")
    ingest(ingested, [batch], extractor=extractor)

    loaded = open_db("loaded")
    first = load_results(loaded, results[:4], group_size=3)  # a load stopped after four results ...
    again = load_results(loaded, results, group_size=3)  # ... and run again over everything
    assert (first.new, first.unchanged) == (3, 1)
    assert (again.new, again.failed) == (len(REPORTS) - 3, 1)
    got, want = snapshot(loaded), snapshot(ingested)
    for name in (
        "documents",
        "document_sources",
        "event_mentions",
        "canonical_events",
        "claims",
        "failed_inputs",
    ):
        assert got[name] == want[name], name
    assert got["event_ids"] == want["event_ids"] and got["uids"] == want["uids"]


@pytest.mark.parametrize("window_days", [31, 1])
def test_partitioned_remerge_keeps_the_grouping(open_db, results, window_days):
    from frontlines.store.scale import remerge

    db = open_db("merge")
    load_results(db, results)
    before = snapshot(db)
    # Undo the writer's grouping: each mention its own canonical event, then merge again by partition.
    mentions = TABLES["event_mentions"]

    def split(conn):
        from sqlalchemy import update

        from frontlines.store import canonical

        now = utcnow()
        old = set(conn.execute(select(mentions.c.canonical_uid)).scalars())
        for key, eid, rank in conn.execute(
            select(mentions.c.document_key, mentions.c.event_id, mentions.c.rank)
        ).all():
            uid = f"ev_split_{key[:8]}_{rank}"
            row = canonical.plain(
                conn.execute(
                    select(mentions).where(mentions.c.document_key == key, mentions.c.event_id == eid)
                ).one()
            )
            canonical._create(conn, uid, row, None, now)
            conn.execute(
                update(mentions)
                .where(mentions.c.document_key == key, mentions.c.event_id == eid)
                .values(canonical_uid=uid)
            )
        canonical.refresh(conn, old, now)

    db.write(split)
    assert snapshot(db)["canonical_events"] == before["event_mentions"]
    stats = remerge(db, window_days=window_days)
    after = snapshot(db)
    assert after["uids"] == before["uids"] and after["canonical_events"] == before["canonical_events"]
    assert stats.mentions == before["event_mentions"] and stats.partitions >= 1
    assert remerge(db, window_days=window_days).moved == 0  # a second run changes nothing
