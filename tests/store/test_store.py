"""Store behaviour on SQLite and PostgreSQL: idempotency, sources, merging, replacement, atomicity, queries."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text, update

from frontlines.errors import InputError, StoreError
from frontlines.store import Database, SourceRef, queries
from frontlines.store.migrate import current_revision, head_revision
from frontlines.store.models import TABLES
from frontlines.store.syndication import StoredSyndication, signature_of
from frontlines.store.writer import record_failure, save_result
from store.factories import make_event, make_result

KUNDUZ = (
    "KUNDUZ, Afghanistan (Aug. 9, 2021) - Taliban fighters captured the city of Kunduz on Sunday after days of "
    "heavy fighting with government troops, a provincial council member said."
)
OTHER_OUTLET = (
    "Residents said the insurgents raised their flag over the governor's compound in Kunduz on Sunday as "
    "army units pulled back to the airport outside the northern city."
)
UNRELATED = (
    "Police in Lagos dispersed a crowd of traders protesting new market fees on Tuesday, witnesses said."
)


def save(db: Database, result: dict, source: SourceRef, synd: StoredSyndication | None = None, **kw):
    synd = synd or StoredSyndication()
    sig = signature_of(result["text"])
    return db.write(lambda c: save_result(c, result, source, syndication=synd, signature=sig, **kw))


def test_schema_is_at_head_and_reopening_changes_nothing(db_url):
    first = Database.open(db_url)
    revision, tables = current_revision(first.engine)
    assert revision == head_revision()
    assert {"documents", "document_sources", "event_mentions", "canonical_events", "claims"} <= tables
    first.close()
    again = Database.open(db_url)
    assert current_revision(again.engine)[0] == head_revision()
    again.close()


def test_saving_the_same_result_twice_changes_nothing(db):
    result = make_result(KUNDUZ)
    first = save(db, result, SourceRef(input_id="a.txt"))
    with db.read() as conn:
        before = queries.counts(conn)
    second = save(db, result, SourceRef(input_id="a.txt"))
    with db.read() as conn:
        after = queries.counts(conn)
    assert (first.status, second.status) == ("new", "unchanged")
    assert before == after
    assert after["documents"] == 1 and after["event_mentions"] == 1 and after["claims"] == 2
    assert after["claim_contradictions"] == 2 and after["speakers"] == 1 and after["places"] == 1


def test_same_text_under_two_urls_is_one_document_with_two_sources(db):
    result = make_result(KUNDUZ)
    save(db, result, SourceRef(input_id="https://a.example/1", url="https://a.example/1", source="Wire A"))
    outcome = save(
        db, result, SourceRef(input_id="https://b.example/2", url="https://b.example/2", source="B")
    )
    assert outcome.status == "unchanged" and outcome.source_added
    with db.read() as conn:
        counts = queries.counts(conn)
        doc = queries.document_detail(conn, result["document_key"])
    assert counts["documents"] == 1 and counts["document_sources"] == 2
    assert counts["event_mentions"] == 1
    assert sorted(s["url"] for s in doc["sources"]) == ["https://a.example/1", "https://b.example/2"]


def test_independent_reports_merge_and_copies_do_not_count_twice(db):
    synd = StoredSyndication()
    save(db, make_result(KUNDUZ), SourceRef(input_id="1"), synd)
    copy = KUNDUZ + "\nSource link"
    save(db, make_result(copy, [make_event(fatalities=5)]), SourceRef(input_id="2"), synd)
    save(db, make_result(OTHER_OUTLET, [make_event(fatalities=4)]), SourceRef(input_id="3"), synd)
    with db.read() as conn:
        events = queries.canonical_events(conn)
        detail = queries.event_detail(conn, events[0]["uid"])
    assert len(events) == 1
    event = events[0]
    assert event["mentions"] == 3
    assert event["sources_independent"] == 2  # the copy shares the original's syndication origin
    assert 3 <= event["fatalities"] <= 5
    assert len(detail["mention_rows"]) == 3
    assert all(m["merge_reasons"] for m in detail["mention_rows"])


def test_unrelated_events_stay_apart_and_filters_select_them(db):
    save(db, make_result(KUNDUZ), SourceRef(input_id="1"))
    protest = make_event(
        1,
        event_date="2021-08-10",
        disorder_type="Demonstrations",
        event_type="Protests",
        sub_event_type="Protest with intervention",
        actor1="Protesters (Nigeria)",
        actor2="Police Forces of Nigeria (2015-2023)",
        inter1=6,
        inter2=1,
        interaction=16,
        country="Nigeria",
        iso3="NGA",
        admin1="Lagos",
        location="Lagos",
        latitude=6.45,
        longitude=3.39,
        fatalities=0,
    )
    save(db, make_result(UNRELATED, [protest], claims=[]), SourceRef(input_id="2"))
    with db.read() as conn:
        assert len(queries.canonical_events(conn)) == 2
        for country in ("AF", "AFG", "Afghanistan"):
            rows = queries.canonical_events(conn, queries.EventFilter(country=country))
            assert [r["iso3"] for r in rows] == ["AFG"]
        assert len(queries.canonical_events(conn, queries.EventFilter(between="2021-08-09..2021-08-31"))) == 1
        assert (
            len(
                queries.canonical_events(
                    conn, queries.EventFilter(sub_event_type="protest with intervention")
                )
            )
            == 1
        )
        assert len(queries.canonical_events(conn, queries.EventFilter(actor="taliban"))) == 1
        assert len(queries.canonical_events(conn, queries.EventFilter(min_sources=2))) == 0
        with pytest.raises(InputError, match="--country"):
            queries.canonical_events(conn, queries.EventFilter(country="Atlantis"))
        with pytest.raises(InputError, match="--between"):
            queries.canonical_events(conn, queries.EventFilter(between="2021-13-01..2021-08-01"))
        with pytest.raises(InputError, match="--sub-type"):
            queries.canonical_events(conn, queries.EventFilter(sub_event_type="Skirmish"))


def test_a_newer_extraction_replaces_mentions_and_claims_and_keeps_the_uid(db):
    result = make_result(
        KUNDUZ,
        [
            make_event(1),
            make_event(
                2,
                sub_event_type="Air/drone strike",
                event_type="Explosions/Remote violence",
                location="Imam Sahib",
                event_date="2021-08-01",
            ),
        ],
    )
    save(db, result, SourceRef(input_id="a"))
    with db.read() as conn:
        uids_before = {r["uid"] for r in queries.canonical_events(conn)}
        kunduz_uid = conn.execute(
            select(TABLES["event_mentions"].c.canonical_uid).where(
                TABLES["event_mentions"].c.event_id == "ev1"
            )
        ).scalar()
    newer = make_result(
        KUNDUZ,
        [make_event(7, fatalities=6)],
        extractor_version="999",
        claims=[
            {
                "id": "c9",
                "claimant": "Reuters",
                "claimant_kind": "outlet",
                "stance": "asserts",
                "event": "ev7",
                "text": "captured",
                "start": 0,
                "end": 8,
                "contradicts": [],
            }
        ],
    )
    outcome = save(db, newer, SourceRef(input_id="a"))
    assert outcome.status == "replaced"
    with db.read() as conn:
        mentions = queries.mentions(conn)
        claims = queries.claims(conn)
        events = queries.canonical_events(conn)
    assert [m["event_id"] for m in mentions] == ["ev7"]
    assert mentions[0]["extractor_version"] == "999"
    assert [c["claim_id"] for c in claims] == ["c9"]
    assert [e["uid"] for e in events] == [kunduz_uid]  # same happening, same uid; the air strike is gone
    assert kunduz_uid in uids_before and len(uids_before) == 2
    assert events[0]["fatalities"] == 6


def test_a_failure_inside_the_transaction_leaves_nothing(db):
    broken = make_result(KUNDUZ, [make_event(1), {"no": "id"}])
    with pytest.raises((KeyError, StoreError)):
        save(db, broken, SourceRef(input_id="x"))
    with db.read() as conn:
        counts = queries.counts(conn)
    assert all(n == 0 for n in counts.values()), counts


def test_failed_inputs_are_recorded_and_nothing_else_changes(db):
    save(db, make_result(KUNDUZ), SourceRef(input_id="ok.txt"))
    with db.read() as conn:
        before = queries.counts(conn)
    db.write(lambda c: record_failure(c, "bad.rss", "not an RSS or Atom feed"))
    db.write(lambda c: record_failure(c, "bad.rss", "not an RSS or Atom feed"))
    with db.read() as conn:
        after = queries.counts(conn)
        failed = queries.failed_inputs(conn)
    assert after["failed_inputs"] == 1
    assert {k: v for k, v in after.items() if k != "failed_inputs"} == {
        k: v for k, v in before.items() if k != "failed_inputs"
    }
    assert failed[0]["reason"] == "not an RSS or Atom feed" and failed[0]["attempts"] == 2


def test_reprocess_candidates_follow_the_extractor_version(db):
    from frontlines.ingest.pipeline import count_stale

    save(db, make_result(KUNDUZ), SourceRef(input_id="a"))
    assert count_stale(db) == 0
    db.write(lambda c: c.execute(update(TABLES["documents"]).values(extractor_version="0")))
    assert count_stale(db) == 1
    assert db.current_keys([make_result(KUNDUZ)["document_key"]]) == set()


def test_raw_sql_sees_one_row_per_document(db):
    save(db, make_result(KUNDUZ), SourceRef(input_id="a"))
    save(db, make_result(KUNDUZ), SourceRef(input_id="b"))
    with db.read() as conn:
        n = conn.execute(text("SELECT COUNT(*) FROM documents")).scalar()
    assert n == 1


def test_the_syndication_top_up_sees_copies_another_writer_stored(db):
    """Two writers with their own in-memory indexes on one store: each finds the other's originals."""
    mine, theirs = StoredSyndication(), StoredSyndication()
    save(db, make_result(UNRELATED, []), SourceRef(input_id="0"), mine)  # first sync: full load
    save(db, make_result(KUNDUZ), SourceRef(input_id="1"), theirs)
    copy = make_result(KUNDUZ + "\nSource link", [make_event(fatalities=5)])
    save(db, copy, SourceRef(input_id="2"), mine)  # top-up: only the keys stored since, then their signatures
    with db.read() as conn:
        docs = {r.document_key: r.origin_key for r in conn.execute(select(TABLES["documents"]))}
    original = make_result(KUNDUZ)["document_key"]
    assert docs[copy["document_key"]] == original
    assert mine.origin(None, "unused", None) == "unused"  # no signature: its own origin, no query


def test_candidate_and_top_up_queries_use_their_indexes(db):
    """The per-document queries stay index range scans, not table scans, as the store grows."""
    if db.dialect != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")
    import datetime as dt

    from frontlines.store import canonical
    from frontlines.store import syndication as synd_mod

    def plan(stmt, **params):
        bound = stmt.params(**params).compile(
            dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}
        )
        with db.read() as conn:
            return " ".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {bound}"))

    day = dt.date(2021, 8, 9)
    window = plan(canonical._CANDIDATES, iso3="AFG", lo=day, hi=day, subs=["Armed clash"])
    assert "ix_canonical_events_window" in window or "ix_canonical_events_country_day_type" in window, window
    recent = plan(synd_mod._RECENT_KEYS, since=dt.datetime(2021, 1, 1))
    assert "USING COVERING INDEX ix_documents_ingested_at_document_key" in recent
