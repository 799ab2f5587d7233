"""The web server's speed-ups give the same answers: the response cache and count memo (and when they are
emptied), the precomputed daily aggregates, the places-held index, and no request holding two connections."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from frontlines.reconcile.control import ControlState  # noqa: E402
from frontlines.serve import queries  # noqa: E402
from frontlines.serve.app import create_app  # noqa: E402
from frontlines.serve.control_source import HeldIndex  # noqa: E402
from frontlines.serve.daily import DailyIndex, applies  # noqa: E402
from frontlines.store import queries as sq  # noqa: E402
from frontlines.store.database import Database  # noqa: E402

START = dt.date(2021, 1, 1)
NOW = dt.datetime(2024, 1, 1)
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Strategic developments", "Non-state actor overtakes territory"),
]


def _event(i: int, rnd: random.Random) -> dict[str, Any]:
    """A canonical event with the awkward cases: no date, no or empty province, no fatality bounds."""
    event_type, sub = rnd.choice(TYPES)
    iso3 = rnd.choice(["AFG", "AFG", "SYR", None])
    fat = rnd.choice([0, 1, 5, 12])
    return {
        "uid": f"ev_test{i:08d}",
        "event_date": None if rnd.random() < 0.05 else START + dt.timedelta(days=rnd.randrange(60)),
        "disorder_type": "Political violence",
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": rnd.choice(["Taliban", "Islamic State (Syria)"]),
        "country": {"AFG": "Afghanistan", "SYR": "Syria", None: None}[iso3],
        "iso3": iso3,
        "admin1": rnd.choice(["Kabul", "Kunduz", "Idlib", "", None]),
        "location": f"Town {i % 7}",
        "modality": rnd.choice(["asserted", "claimed"]),
        "fatalities": fat,
        "fatalities_low": None if rnd.random() < 0.3 else fat,
        "fatalities_high": None if rnd.random() < 0.3 else fat * 2,
        "sources_independent": rnd.choice([1, 2]),
        "created_at": NOW,
        "updated_at": NOW,
    }


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "cache.db"
    db = Database.open(path)
    rnd = random.Random(11)
    rows = [_event(i, rnd) for i in range(600)]
    db.write(lambda conn: conn.execute(sq.CANON.insert(), rows))
    yield db
    db.close()


def test_daily_index_matches_the_query(store):
    filters = [
        sq.EventFilter(),
        sq.EventFilter(country="AFG"),
        sq.EventFilter(country="SYR", between="2021-01-10..2021-02-01"),
        sq.EventFilter(between="2021-01-05.."),
        sq.EventFilter(between="..2021-01-20"),
        sq.EventFilter(country="AFG", between=(START, START)),
        sq.EventFilter(country="AFG", between="2025-01-01..2025-02-01"),
    ]
    with store.read() as conn:
        indexes = {iso3: DailyIndex(conn, iso3) for iso3 in (None, "AFG", "SYR")}
        for f in filters:
            assert applies(f)
            iso3 = sq.country_iso3(f.country) if f.country else None
            expected = queries.daily_stats(conn, f)
            assert indexes[iso3].stats(*sq.parse_between(f.between)) == expected, f
    assert not applies(sq.EventFilter(country="AFG", admin1="Kabul"))
    assert not applies(sq.EventFilter(min_sources=0))


def _state(rnd: random.Random, n: int) -> ControlState:
    since = None if rnd.random() < 0.1 else START + dt.timedelta(days=rnd.randrange(40))
    until = None if rnd.random() < 0.3 else START + dt.timedelta(days=rnd.randrange(60))
    return ControlState(
        place=f"Town {n}",
        admin1="Kabul",
        country="Afghanistan",
        iso3=rnd.choice(["AFG", "SYR"]),
        latitude=None,
        longitude=None,
        holder=rnd.choice(["Taliban", "Government", "Militia", None]),
        since=since,
        until=until,
        contested=False,
        confidence=0.5,
        sources=1,
    )


def _held_by_brute_force(timelines: dict, day: str, iso3: str | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for timeline in timelines.values():
        for st in timeline:
            if not st.holder or (iso3 is not None and st.iso3 != iso3):
                continue
            if (st.since is None or st.since.isoformat() <= day) and (
                st.until is None or day < st.until.isoformat()
            ):
                out[st.holder] = out.get(st.holder, 0) + 1
    return out


def test_held_index_matches_a_pass_over_the_states():
    rnd = random.Random(3)
    timelines = {f"p{n}": [_state(rnd, n) for _ in range(rnd.randrange(1, 4))] for n in range(80)}
    for iso3 in (None, "AFG", "SYR"):
        index = HeldIndex(timelines, iso3)
        for offset in range(-2, 65):
            day = (START + dt.timedelta(days=offset)).isoformat()
            held = index.on(day)
            expected = _held_by_brute_force(timelines, day, iso3)
            assert held == expected and list(held) == list(expected), (iso3, day)


def _add_event(db: Database, uid: str) -> None:
    row = _event(10_000, random.Random(1)) | {"uid": uid, "iso3": "AFG", "event_date": START}
    db.write(lambda conn: conn.execute(sq.CANON.insert(), [row]))


def test_response_cache_serves_the_same_bytes_until_the_data_changes(store):
    app = create_app(store)
    params = {"country": "AFG", "page_size": 5, "between": "2021-01-01..2021-01-31"}
    with TestClient(app) as client:
        first = client.get("/api/events", params=params)
        hits = app.state.responses.hits
        again = client.get("/api/events", params=params)
        assert again.content == first.content and app.state.responses.hits == hits + 1
        assert again.headers["x-content-type-options"] == "nosniff"
        # a write through this server (POST /api/reports calls this): the next request sees it
        _add_event(store, "ev_added_here")
        app.state.version.invalidate()
        after = client.get("/api/events", params=params).json()
        assert after["total"] == first.json()["total"] + 1
        # a write by another process: seen once the fingerprint is checked again
        _add_event(store, "ev_added_elsewhere")
        app.state.version._every = 0.0
        assert client.get("/api/events", params=params).json()["total"] == after["total"] + 1
        stats = client.get("/api/stats/daily", params={"country": "AFG"}).json()
        with store.read() as conn:
            expected = queries.daily_stats(conn, sq.EventFilter(country="AFG"))
        assert stats["days"] == expected["days"] and stats["provinces"] == expected["provinces"]


def test_cache_off_gives_the_same_answers(store, monkeypatch):
    paths = [
        ("/api/events", {"country": "SYR", "sort": "-fatalities", "page": 2, "page_size": 7}),
        ("/api/stats/daily", {"between": "2021-01-03..2021-01-20"}),
        ("/api/control", {"on": "2021-01-10"}),
    ]
    with TestClient(create_app(store)) as client:
        cached = [client.get(p, params=q).content for p, q in paths * 2]
    monkeypatch.setenv("FRONTLINES_API_CACHE", "0")
    with TestClient(create_app(store)) as client:
        assert client.app.state.responses.max_entries == 0
        uncached = [client.get(p, params=q).content for p, q in paths * 2]
    assert cached == uncached


def test_a_request_never_holds_two_connections(store):
    """With one connection in the pool and the data checked on every request, the busy endpoints still
    answer (a request that waited for a second connection while holding one would time out)."""
    engine = create_engine(store.url, pool_size=1, max_overflow=0, pool_timeout=2)
    app = create_app(Database(store.url, engine))
    app.state.version._every = 0.0
    with TestClient(app) as client:
        for path, params in [
            ("/api/events", {"country": "AFG"}),
            ("/api/stats/daily", {"country": "AFG"}),
            ("/api/control", {"country": "AFG", "on": "2021-01-20"}),
            ("/api/events", {"country": "AFG", "page": 2, "page_size": 10}),
        ]:
            assert client.get(path, params=params).status_code == 200, path
    engine.dispose()
