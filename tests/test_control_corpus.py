"""Control, ledger and capital counts on the ingested sample corpus (``august2021.jsonl``).

These tests check the whole chain (extraction -> store -> timelines) against the corpus's expected files.
A failure here may come from the extractor (a capture it does not code, or codes with the wrong actors):
the assertion message names the place, the day and what the store holds, so the cause can be traced.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from frontlines.cli import main
from frontlines.reconcile.aggregates import capitals, capitals_held, fold
from frontlines.reconcile.control import CONTRACT_FIELDS

D = dt.date.fromisoformat
_json_cache: dict[tuple[str, str], list[dict]] = {}


def control_json(db: str, day: str) -> list[dict]:
    """``frontlines control --country AF --on DAY --format json`` (cached per day)."""
    key = (db, day)
    if key not in _json_cache:
        result = CliRunner().invoke(
            main, ["control", "--db", db, "--country", "AF", "--on", day, "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        _json_cache[key] = json.loads(result.output)
    return _json_cache[key]


def _expected_rows() -> list[dict[str, str]]:
    import csv

    with open(CORPUS / "expected_control.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _row_for(rows: list[dict], place: str, admin1: str) -> dict | None:
    for r in rows:
        if fold(r["place"]) == fold(place):
            return r
    return None


CASES = [
    pytest.param(r["place"], r["admin1"], day, r["holder"], id=f"{r['place']}-{day}")
    for r in _expected_rows()
    for day in (r["date_taken"], (D(r["date_taken"]) + dt.timedelta(days=1)).isoformat())
]


@pytest.mark.parametrize(("place", "admin1", "day", "holder"), CASES)
def test_capital_holder_on_day_taken_and_after(corpus_db, place, admin1, day, holder):
    rows = control_json(corpus_db, day)
    row = _row_for(rows, place, admin1)
    held = {r["place"]: r["holder"] for r in rows}
    assert row is not None, f"{place} ({admin1}) has no control state on {day}; the store has: {held}"
    assert row["holder"] == holder, f"{place} on {day}: {row}"


def test_json_shape_is_the_contract(corpus_db):
    rows = control_json(corpus_db, "2021-08-10")
    assert rows, "no control states at all on 2021-08-10"
    for r in rows:
        assert tuple(r) == CONTRACT_FIELDS
        assert isinstance(r["contested"], bool)
        assert 0 <= r["confidence"] <= 1
        assert isinstance(r["sources"], int) and r["sources"] >= 0
        assert r["since"] is None or D(r["since"])
        assert r["iso3"] == "AFG"


def test_kunduz_contested_until_settled(corpus_db, expected_contested):
    for c in expected_contested:
        start, end = c["contested_from"], c["contested_until"]
        start = start if isinstance(start, dt.date) else D(start)
        end = end if isinstance(end, dt.date) else D(end)
        before = _row_for(
            control_json(corpus_db, (start - dt.timedelta(days=1)).isoformat()), c["place"], c["admin1"]
        )
        assert before is not None and before["holder"] == c["holder"] and not before["contested"], before
        day = start
        while day < end:
            row = _row_for(control_json(corpus_db, day.isoformat()), c["place"], c["admin1"])
            assert row is not None and row["contested"] and row["holder"] == c["holder"], (day, row)
            day += dt.timedelta(days=1)
        settled = _row_for(control_json(corpus_db, end.isoformat()), c["place"], c["admin1"])
        assert settled is not None and not settled["contested"] and settled["holder"] == c["holder"], settled


def test_capitals_held_per_day(corpus_db):
    from frontlines.store import territory

    tls = territory.timelines(corpus_db, "AF")
    expected = _expected_rows()
    counts = capitals_held(tls, "AFG", D("2021-08-06"), D("2021-08-16"))
    assert all(c["total"] == len(capitals()["AFG"]) == 34 for c in counts)
    got = {c["date"]: c["holders"].get("Taliban", 0) for c in counts}
    want = {c["date"]: sum(1 for r in expected if r["date_taken"] <= c["date"]) for c in counts}
    assert got == want


def test_show_explains_state(corpus_db):
    result = CliRunner().invoke(main, ["control", "show", "Kunduz", "--on", "2021-08-10", "--db", corpus_db])
    assert result.exit_code == 0, result.output
    assert "rule:" in result.output and "evidence:" in result.output and "Kunduz" in result.output
    bad = CliRunner().invoke(main, ["control", "show", "Atlantis", "--on", "2021-08-10", "--db", corpus_db])
    assert bad.exit_code == 1


def _ledger(db: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["control", "ledger", "--db", db, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_ledger_kunduz_retake_vs_control(corpus_db):
    pairs = _ledger(corpus_db, "--place", "Kunduz", "--kind", "control")
    sides = [{p["a"]["taker"], p["b"]["taker"]} for p in pairs]
    assert any(
        "Taliban" in s and any(t and t.startswith("Military Forces of Afghanistan") for t in s) for s in sides
    ), pairs


def test_ledger_herat_held_vs_fell(corpus_db):
    pairs = _ledger(corpus_db, "--place", "Herat")
    assert any({p["a"]["document"], p["b"]["document"]} >= {"aug21-030", "aug21-031"} for p in pairs), pairs


def test_ledger_sheberghan_denial(corpus_db):
    pairs = _ledger(corpus_db, "--place", "Sheberghan", "--kind", "denial")
    assert any("aug21-010" in (p["a"]["document"], p["b"]["document"]) for p in pairs), pairs


def test_ledger_pul_e_khumri_death_tolls(corpus_db):
    pairs = _ledger(corpus_db, "--kind", "figure")
    docs = [{p["a"]["document"], p["b"]["document"]} for p in pairs]
    assert any(d >= {"aug21-021", "aug21-022"} for d in docs), pairs
    for p in pairs:
        assert p["low"] == min(p["values"]) and p["high"] == max(p["values"])


def test_stats_json(corpus_db):
    result = CliRunner().invoke(
        main,
        [
            "stats",
            "--db",
            corpus_db,
            "--country",
            "AF",
            "--between",
            "2021-08-06..2021-08-15",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert [d["date"] for d in out["capitals_held"]][0] == "2021-08-06" and len(out["capitals_held"]) == 10
    assert out["by_day_province"] and all(
        {"date", "admin1", "events", "fatalities"} <= set(r) for r in out["by_day_province"]
    )


def test_bad_input_exit_codes(corpus_db):
    assert CliRunner().invoke(main, ["control", "--db", corpus_db, "--on", "10 Aug"]).exit_code == 1
    assert CliRunner().invoke(main, ["control", "--db", corpus_db, "--country", "Narnia"]).exit_code == 1
    assert CliRunner().invoke(main, ["control", "--db", corpus_db, "--format", "xml"]).exit_code == 2


def _ingest_one(tmp_path, name: str, text: str) -> str:
    """A fresh store holding one report written to ``name``; its path."""
    report = tmp_path / name
    report.write_text(text + "\n", encoding="utf-8")
    db = str(tmp_path / "one.db")
    ingest = CliRunner().invoke(main, ["ingest", str(report), "--db", db, "-q"])
    assert ingest.exit_code == 0, ingest.output
    return db


def test_show_prints_stored_text_as_text_not_markup(tmp_path):
    """A document id that is a file path ("[/tmp/...]" reads as a closing tag to rich) and quotes with
    brackets are printed as they are."""
    db = _ingest_one(
        tmp_path,
        "[bold]kunduz.txt",
        "KUNDUZ, Afghanistan (Aug. 9, 2021) - Taliban fighters captured the city of Kunduz on Sunday "
        "[/red] after days of fighting, residents told the Northern Wire.",
    )
    result = CliRunner().invoke(main, ["control", "show", "Kunduz", "--on", "2021-08-10", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Taliban" in result.output
    assert "[/red]" in result.output


def test_a_capture_placed_only_at_its_province_holds_no_place(tmp_path):
    db = _ingest_one(
        tmp_path,
        "kivu.txt",
        "GOMA, Democratic Republic of Congo (April 30, 2024) - M23 rebels said on Tuesday they had captured "
        "the town of Kibirizaho after two days of fighting with the Congolese army.",
    )
    result = CliRunner().invoke(
        main, ["control", "--country", "COD", "--on", "2024-05-01", "--db", db, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert all(row["place"] != "North Kivu" for row in json.loads(result.output))
