"""Ingest end to end (real extraction, SQLite): idempotency, sources, failures, feeds, reprocess, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import update

from frontlines.cli import main
from frontlines.ingest.pipeline import ingest, reprocess
from frontlines.store import Database, queries
from frontlines.store.models import TABLES

CORPUS = Path(__file__).resolve().parent.parent / "frontlines" / "samples" / "corpus" / "august2021.jsonl"

REPORTS = [
    "KUNDUZ, Afghanistan (Aug. 8, 2021) - Taliban fighters captured the city of Kunduz on Sunday after days of "
    "heavy fighting with government forces, a provincial council member said.",
    "LAGOS, Nigeria (Aug. 10, 2021) - Police fired tear gas to disperse hundreds of traders protesting against "
    "new market fees in Lagos on Tuesday, witnesses said. Twelve people were arrested.",
    "MOGADISHU, Somalia (Aug. 12, 2021) - A roadside bomb killed four soldiers on the outskirts of Mogadishu on "
    "Thursday, a military officer said. Al Shabaab claimed responsibility for the attack.",
    "The city council approved a new budget for road repairs on Monday after a long debate, the mayor said.",
]


def write_reports(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(REPORTS):
        path = folder / f"report{i}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "ingest.db")
    yield database
    database.close()


def counts(db: Database) -> dict[str, int]:
    with db.read() as conn:
        return queries.counts(conn)


def test_ingesting_a_folder_twice_changes_nothing(db, tmp_path, extractor):
    write_reports(tmp_path / "in")
    first = ingest(db, [tmp_path / "in"], extractor=extractor)
    before = counts(db)
    second = ingest(db, [tmp_path / "in"], extractor=extractor)
    assert (first.read, first.new, first.failed) == (4, 4, 0)
    assert (second.new, second.unchanged, second.events) == (0, 4, 0)
    assert counts(db) == before
    assert before["documents"] == 4 and before["event_mentions"] >= 3


def test_the_same_text_under_two_urls_is_one_document(db, tmp_path, extractor):
    batch = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a", "text": REPORTS[0], "url": "https://one.example/kunduz", "source": "One"},
        {"id": "b", "text": REPORTS[0], "url": "https://two.example/kunduz", "source": "Two"},
    ]
    batch.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    stats = ingest(db, [batch], extractor=extractor)
    assert (stats.new, stats.unchanged) == (1, 1)
    c = counts(db)
    assert c["documents"] == 1 and c["document_sources"] == 2


def test_failed_inputs_are_recorded_and_the_rest_is_stored(db, tmp_path, extractor):
    folder = tmp_path / "in"
    write_reports(folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.rss").write_text("this is not XML at all")
    (folder / "batch.jsonl").write_text('{"id": "x", "text": ""}\nnot json\n')
    stats = ingest(db, [folder], extractor=extractor)
    assert stats.new == 4 and stats.failed == 4
    with db.read() as conn:
        failed = {
            Path(r["input_ref"].rsplit(":", 1)[0]).name: r["reason"] for r in queries.failed_inputs(conn)
        }
    assert "not an RSS or Atom feed" in failed["broken.rss"]
    assert "empty" in failed["empty.txt"]
    assert counts(db)["documents"] == 4


def test_a_feed_file_becomes_one_document_per_entry(db, tmp_path, extractor):
    feed = tmp_path / "wire.rss"
    items = "".join(
        f"<item><title>Report {i}</title><link>https://wire.example/{i}</link>"
        f"<pubDate>Tue, 10 Aug 2021 08:00:00 GMT</pubDate><description>{text}</description></item>"
        for i, text in enumerate(REPORTS[:3])
    )
    feed.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'
    )
    stats = ingest(db, [feed], extractor=extractor)
    assert stats.new == 3
    with db.read() as conn:
        docs = queries.documents(conn)
        doc = queries.document_detail(conn, docs[0]["document_key"])
    assert doc["sources"][0]["url"].startswith("https://wire.example/")
    assert doc["sources"][0]["source"] == "Wire"


def test_reprocess_replaces_old_extractions_and_keeps_event_uids(db, tmp_path, extractor):
    write_reports(tmp_path / "in")
    ingest(db, [tmp_path / "in"], extractor=extractor)
    with db.read() as conn:
        uids = sorted(e["uid"] for e in queries.canonical_events(conn))
    before = counts(db)
    docs, mentions = TABLES["documents"], TABLES["event_mentions"]
    db.write(
        lambda c: (
            c.execute(update(docs).values(extractor_version="0")),
            c.execute(update(mentions).values(extractor_version="0")),
        )
    )
    stats = reprocess(db, extractor=extractor)
    assert stats.replaced == 4 and stats.failed == 0
    with db.read() as conn:
        assert sorted(e["uid"] for e in queries.canonical_events(conn)) == uids
        assert {m["extractor_version"] for m in queries.mentions(conn)} == {"1"}
    assert counts(db) == before
    assert reprocess(db, extractor=extractor).read == 0  # nothing older is left


def test_api_ingests_report_dicts_and_returns_frames(tmp_path, extractor):
    from frontlines.api import open_store

    with open_store(tmp_path / "api.db") as store:
        stats = store.ingest([{"id": "k1", "text": REPORTS[0], "date": "2021-08-08"}], extractor=extractor)
        assert stats.new == 1
        frame = store.events(country="Afghanistan", as_="pandas")
        assert list(frame.columns[:3]) == ["event_id_cnty", "event_date", "year"]
        assert len(store.events(country="NG")) == 0


@pytest.mark.skipif(not CORPUS.exists(), reason="sample corpus not written yet")
def test_the_sample_corpus_ingests_with_merging(db, extractor):
    stats = ingest(db, [CORPUS], extractor=extractor)
    assert stats.failed == 0 and stats.new > 30
    with db.read() as conn:
        events = queries.canonical_events(conn)
        n_mentions = len(queries.mentions(conn))
    assert sum(e["mentions"] for e in events) == n_mentions
    assert len(events) < n_mentions  # reports of the same happening merged


def test_cli_ingest_and_listings(tmp_path):
    folder = tmp_path / "in"
    write_reports(folder)
    dbpath = str(tmp_path / "cli.db")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(folder), "--db", dbpath, "--quiet", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["new"] == 4

    out = runner.invoke(main, ["events", "--db", dbpath, "--format", "json"])
    assert out.exit_code == 0, out.output
    events = json.loads(out.output)
    assert events and events[0]["event_id_cnty"][:3].isalpha()

    shown = runner.invoke(
        main, ["events", "show", events[0]["event_uid"], "--db", dbpath, "--format", "json"]
    )
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["mention_list"][0]["merge_reasons"]

    docs = runner.invoke(main, ["documents", "--db", dbpath, "--format", "jsonl"])
    keys = [json.loads(line)["document_key"] for line in docs.output.splitlines()]
    assert len(keys) == 4
    one = runner.invoke(main, ["documents", "show", keys[0][:10], "--db", dbpath])
    assert json.loads(one.output)["document_key"] == keys[0]

    assert runner.invoke(main, ["claims", "--db", dbpath, "--format", "csv"]).exit_code == 0
    bad_country = runner.invoke(main, ["events", "--db", dbpath, "--country", "Narnia"])
    assert bad_country.exit_code == 1 and "--country" in bad_country.output
    assert runner.invoke(main, ["events", "--db", dbpath, "--format", "parquet"]).exit_code == 2
    parquet = tmp_path / "e.parquet"
    assert (
        runner.invoke(main, ["events", "--db", dbpath, "--format", "parquet", "-o", str(parquet)]).exit_code
        == 0
    )
    assert parquet.stat().st_size > 0
    missing = runner.invoke(main, ["events", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 1 and "no such database" in missing.output
