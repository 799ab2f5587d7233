"""``frontlines load``: result Parquet files into the store, idempotently, with clear errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from frontlines.cli import main
from frontlines.cli.load_cmd import iter_result_parquet, write_results_parquet
from frontlines.store import Database, queries

TEXTS = [
    "KUNDUZ, Afghanistan (Aug. 8, 2021) - Taliban fighters captured the city of Kunduz on Sunday after days "
    "of heavy fighting with government forces, a provincial council member said.",
    "The city council approved a new budget for road repairs on Monday after a long debate, the mayor said.",
]


def test_load_parquet_twice_changes_nothing(tmp_path, extractor):
    results = [extractor.extract(t, id=f"r{i}").to_dict() for i, t in enumerate(TEXTS)]
    results.append({"id": "line 3", "error": "line 3 is not valid JSON"})
    out = tmp_path / "results"
    out.mkdir()
    assert write_results_parquet(results, out / "part-0.parquet") == 3
    assert [r["id"] for r in iter_result_parquet([out])] == ["r0", "r1", "line 3"]

    db = tmp_path / "store.db"
    runner = CliRunner()
    first = runner.invoke(main, ["load", str(out), "--db", str(db), "--json"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.output)
    assert (summary["new"], summary["failed"]) == (2, 1)
    second = runner.invoke(main, ["load", str(out / "part-0.parquet"), "--db", str(db), "--json"])
    assert json.loads(second.output)["new"] == 0
    with Database.open(db) as store, store.read() as conn:
        counts = queries.counts(conn)
    assert counts["documents"] == 2 and counts["event_mentions"] >= 1 and counts["failed_inputs"] == 1


def test_load_refuses_what_is_not_a_result_file(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    other = tmp_path / "events.parquet"
    pq.write_table(pa.table({"event_date": ["2021-08-08"]}), other)
    runner = CliRunner()
    bad = runner.invoke(main, ["load", str(other), "--db", str(tmp_path / "s.db")])
    assert bad.exit_code == 1 and "not a Frontlines result file" in bad.output
    missing = runner.invoke(main, ["load", str(tmp_path / "nope.parquet"), "--db", str(tmp_path / "s.db")])
    assert missing.exit_code == 1 and "no such file" in missing.output
