"""The REST API (``frontlines serve``) over a store holding the sample corpus and a hand-made report."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from serve.sample_store import MINISTRY_QUOTE, SCRIPT_TEXT, TALIBAN_QUOTE, sample_store  # noqa: E402

from frontlines.cli import main as cli_main  # noqa: E402
from frontlines.cli.serve_cmd import is_loopback  # noqa: E402
from frontlines.export import ACLED_COLUMNS  # noqa: E402
from frontlines.serve.app import create_app  # noqa: E402


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, extractor):
    return sample_store(tmp_path_factory, extractor)


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path, token="")) as c:
        yield c


@pytest.fixture(scope="module")
def spin_boldak(client):
    items = client.get(
        "/api/events", params={"admin1": "Kandahar", "between": "2021-07-13..2021-07-13"}
    ).json()
    (event,) = [e for e in items["items"] if e["location"] == "Spin Boldak"]
    return event


def _db_count(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchone()[0]


def _error(resp, status):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error", "message", "input"}
    return body


def test_health(client, store_path):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["documents"] == 48 == _db_count(store_path, "select count(*) from documents")


def test_events_total_and_pagination(client, store_path):
    total = _db_count(store_path, "select count(*) from canonical_events")
    first = client.get("/api/events", params={"page_size": 7}).json()
    assert first["total"] == total and first["page_size"] == 7 and len(first["items"]) == 7
    assert first["pages"] == (total + 6) // 7 and first["total_capped"] is False
    seen = []
    for page in range(1, first["pages"] + 1):
        seen += [
            e["uid"] for e in client.get("/api/events", params={"page_size": 7, "page": page}).json()["items"]
        ]
    assert len(seen) == len(set(seen)) == total
    dates = [e["event_date"] or "" for e in first["items"]]
    assert dates == sorted(dates, reverse=True)


def test_events_sort(client):
    items = client.get("/api/events", params={"sort": "-fatalities", "page_size": 500}).json()["items"]
    fat = [e["fatalities"] for e in items]
    assert fat == sorted(fat, reverse=True)
    _error(client.get("/api/events", params={"sort": "colour"}), 422)


@pytest.mark.parametrize("country", ["AF", "AFG", "Afghanistan", "afghanistan"])
def test_events_country_spellings(client, store_path, country):
    expected = _db_count(store_path, "select count(*) from canonical_events where iso3 = 'AFG'")
    assert client.get("/api/events", params={"country": country}).json()["total"] == expected


def test_events_filters(client, spin_boldak):
    def items(**params):
        return client.get("/api/events", params={"page_size": 500, **params}).json()["items"]

    assert items(type="Battles") and all(e["event_type"] == "Battles" for e in items(type="battles"))
    assert all(e["sub_event_type"] == "Armed clash" for e in items(sub_type="Armed clash"))
    assert all(e["modality"] == "claimed" for e in items(modality="claimed"))
    assert spin_boldak["uid"] in {e["uid"] for e in items(modality="claimed")}
    assert all(e["sources_independent"] >= 2 for e in items(min_sources=2))
    assert all("taliban" in (e["actor1"] + e["actor2"]).lower() for e in items(actor="taliban"))
    period = items(between="2021-08-08..2021-08-09")
    assert period and all("2021-08-08" <= e["event_date"] <= "2021-08-09" for e in period)
    assert [e["uid"] for e in period] == [
        e["uid"] for e in items(date_from="2021-08-08", date_to="2021-08-09")
    ]
    assert all(e["admin1"] == "Kandahar" for e in items(admin1="kandahar"))


def test_event_errors(client):
    assert _error(client.get("/api/events", params={"page_size": 501}), 422)["input"] == "page_size"
    assert _error(client.get("/api/events", params={"page": 0}), 422)["input"] == "page"
    assert _error(client.get("/api/events", params={"country": "Narnia"}), 422)["input"] == "country"
    assert _error(client.get("/api/events", params={"between": "2021-08-09"}), 422)["input"] == "between"
    assert _error(client.get("/api/events", params={"type": "Parades"}), 422)["input"] == "type"
    assert (
        _error(client.get("/api/events", params={"min_sources": "many"}), 422)["error"] == "ValidationError"
    )
    assert _error(client.get("/api/events/ev_nope"), 404)["input"] == "ev_nope"
    assert _error(client.get("/api/no/such/thing"), 404)["error"] == "NotFound"


def test_event_detail(client, spin_boldak):
    e = client.get(f"/api/events/{spin_boldak['uid']}").json()
    assert e["uid"] == spin_boldak["uid"] and e["fatalities"] == 20
    assert [r["text"] for r in e["reports"]] == [SCRIPT_TEXT]
    assert e["mentions_detail"][0]["merge_reasons"]
    assert {c["text"] for c in e["claims_detail"]} == {MINISTRY_QUOTE, TALIBAN_QUOTE}
    (pair,) = e["contradictions"]
    assert {pair["a"]["stance"], pair["b"]["stance"]} == {"claims", "denies"}


def test_documents(client):
    page = client.get("/api/documents", params={"page_size": 10, "page": 2}).json()
    assert page["total"] == 48 and len(page["items"]) == 10 and "text" not in page["items"][0]
    keys = [
        d["document_key"]
        for p in range(1, 6)
        for d in client.get("/api/documents", params={"page_size": 10, "page": p}).json()["items"]
    ]
    assert len(set(keys)) == 48
    _error(client.get("/api/documents/0000000000"), 404)


def test_document_detail_spans_and_copies(client, spin_boldak):
    key = client.get(f"/api/events/{spin_boldak['uid']}").json()["reports"][0]["document_key"]
    doc = client.get(f"/api/documents/{key}").json()
    assert doc["text"] == SCRIPT_TEXT and doc["sources"][0]["url"] == "https://wire.test/x"
    kinds = {s["kind"] for s in doc["spans"]}
    assert {"actor", "place", "date", "event", "claim"} <= kinds
    quote = next(s for s in doc["spans"] if s["kind"] == "claim")
    assert doc["text"][quote["start"] : quote["end"]] in (MINISTRY_QUOTE, TALIBAN_QUOTE)
    # The sample corpus has syndicated copies: at least one document lists another as its copy.
    listed = client.get("/api/documents", params={"page_size": 100}).json()["items"]
    groups = {}
    for d in listed:
        groups.setdefault(d["origin_key"], []).append(d["document_key"])
    grouped = [keys for keys in groups.values() if len(keys) > 1]
    assert grouped, "no syndication group in the sample corpus"
    detail = client.get(f"/api/documents/{grouped[0][0]}").json()
    assert {c["document_key"] for c in detail["syndicated"]} == set(grouped[0][1:])


def test_claims(client, spin_boldak):
    body = client.get("/api/claims", params={"event": spin_boldak["uid"]}).json()
    assert body["total"] == 2 and {c["claim_id"] for c in body["items"]} == {"c1", "c2"}
    contested = client.get("/api/claims", params={"contested": "true"}).json()["items"]
    group = next(g for g in contested if g["event_uid"] == spin_boldak["uid"])
    assert group["event"]["location"] == "Spin Boldak" and len(group["pairs"]) == 1


def test_control_kunduz_changes_hands(client):
    def holder(day):
        states = client.get("/api/control", params={"country": "AF", "on": day}).json()
        return next(s for s in states if s["place"] == "Kunduz")

    before, after = holder("2021-08-07"), holder("2021-08-09")
    assert before["holder"] != after["holder"] and after["holder"] == "Taliban"
    contract = {
        "place",
        "admin1",
        "country",
        "iso3",
        "latitude",
        "longitude",
        "holder",
        "since",
        "contested",
        "confidence",
        "sources",
    }
    assert contract <= set(after) and 0 <= after["confidence"] <= 1
    place = client.get("/api/control/Kunduz", params={"on": "2021-08-09"}).json()
    assert place["state"]["holder"] == "Taliban" and len(place["timeline"]) >= 2
    changes = client.get("/api/control/changes", params={"between": "2021-08-07..2021-08-09"}).json()
    assert any(c["place"] == "Kunduz" and c["holder"] == "Taliban" for c in changes)
    assert all("2021-08-07" <= c["since"] <= "2021-08-09" for c in changes)
    _error(client.get("/api/control/Atlantis"), 404)
    _error(client.get("/api/control", params={"on": "9 Aug"}), 422)


def test_stats_daily(client):
    params = {"country": "AF", "between": "2021-08-05..2021-08-16"}
    stats = client.get("/api/stats/daily", params=params).json()
    total = client.get("/api/events", params=params).json()["total"]
    assert sum(d["events"] for d in stats["days"]) == total == sum(p["events"] for p in stats["provinces"])
    assert [d["date"] for d in stats["days"]] == sorted(d["date"] for d in stats["days"])
    day = stats["days"][0]
    assert set(day["fatalities"]) == {"low", "best", "high"} and sum(day["by_type"].values()) == day["events"]
    assert any(h["holders"] for h in stats["places_held"])


def test_exports(client):
    total = client.get("/api/events", params={"country": "AF"}).json()["total"]
    resp = client.get("/api/export/events.csv", params={"country": "AF"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert len(rows) == total and tuple(rows[0])[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    geo = client.get("/api/export/events.geojson", params={"country": "AF"}).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == total
    table = pq.read_table(
        io.BytesIO(client.get("/api/export/events.parquet", params={"country": "AF"}).content)
    )
    assert table.num_rows == total
    _error(client.get("/api/export/events.xlsx"), 404)


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/reports" in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text.lower()
    index = client.get("/")
    assert (
        index.status_code == 200
        and "/static/vendor/leaflet/leaflet.js" in index.text
        and "//cdn" not in index.text
    )


REPORT = {
    "id": "posted-1",
    "title": "Clashes in Maimana",
    "date": "2021-08-10",
    "source": "Test Post",
    "text": "MAIMANA, Afghanistan - Taliban fighters attacked the city of Maimana in Faryab province on Monday, "
    "and at least 12 soldiers were killed in the fighting, officials said.",
}


@pytest.fixture()
def writable(store_path, tmp_path, extractor):
    copy = tmp_path / "copy.db"
    shutil.copy(store_path, copy)

    def make(token):
        app = create_app(copy, token=token)
        app.state.extractor = extractor
        return TestClient(app)

    return make


def test_post_reports_without_configured_token_is_forbidden(writable):
    client = writable("")
    _error(client.post("/api/reports", json=REPORT), 403)
    _error(client.post("/api/reports", json=REPORT, headers={"Authorization": "Bearer x"}), 403)


def test_post_reports_wrong_token_is_unauthorised(writable):
    client = writable("s3cret")
    _error(client.post("/api/reports", json=REPORT), 401)
    body = _error(client.post("/api/reports", json=REPORT, headers={"Authorization": "Bearer nope"}), 401)
    assert body["input"] == "Authorization"


def test_post_reports_with_token(writable):
    client = writable("s3cret")
    auth = {"Authorization": "Bearer s3cret"}
    resp = client.post("/api/reports", json=REPORT, headers=auth)
    assert resp.status_code == 201, resp.text
    key = resp.json()["document_keys"][0]
    assert resp.json()["new"] == 1
    assert client.get(f"/api/documents/{key}").json()["title"] == "Clashes in Maimana"
    batch = "\n".join(
        json.dumps({**REPORT, "id": f"b{i}", "text": REPORT["text"] + f" Report {i}."}) for i in range(2)
    )
    resp = client.post(
        "/api/reports", content=batch, headers={**auth, "Content-Type": "application/x-ndjson"}
    )
    assert resp.status_code == 201 and resp.json()["new"] == 2
    assert client.get("/api/health").json()["counts"]["documents"] == 51
    assert _error(client.post("/api/reports", content="{not json\n", headers=auth), 422)["input"] == "line 1"
    assert (
        _error(client.post("/api/reports", json={"title": "no text"}, headers=auth), 422)["input"]
        == "report 1"
    )


def test_serve_refuses_public_host_without_token(monkeypatch, tmp_path):
    monkeypatch.delenv("FRONTLINES_TOKEN", raising=False)
    result = CliRunner().invoke(cli_main, ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "token" in result.output
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")
