"""Capitals and per-day/per-province aggregates on hand-built data."""

from __future__ import annotations

import datetime as dt

from frontlines.reconcile.aggregates import capitals, capitals_held, events_by_day_province, find_capital
from frontlines.reconcile.control import TerritoryObservation, build_timelines

D = dt.date
GOV = "Military Forces of Afghanistan (2004-2021)"


def test_all_34_afghan_capitals_and_spellings():
    caps = capitals()["AFG"]
    assert len(caps) == 34 and len({c.admin1 for c in caps}) == 34
    assert find_capital("Pul-i-Khumri", "Baghlan", "AFG").name == "Pul-e Khumri"
    assert find_capital("Sheberghan", "Jowzjan", "AFG").admin1 == "Jawzjan"
    assert find_capital("Lashkargah", None, "AFG").admin1 == "Helmand"
    assert find_capital("Kunduz", "Kandahar", "AFG") is None


def test_capitals_held_per_side():
    kunduz = find_capital("Kunduz", "Kunduz", "AFG")
    ob = TerritoryObservation(
        place="Kunduz",
        admin1="Kunduz",
        country="Afghanistan",
        iso3="AFG",
        latitude=None,
        longitude=None,
        date=D(2021, 8, 8),
        taker="Taliban",
        loser=GOV,
        independent_sources=1,
        place_id=kunduz.place_id,
    )
    rows = capitals_held(build_timelines([ob]), "AFG", D(2021, 8, 7), D(2021, 8, 8))
    assert rows[0]["holders"] == {GOV: 1} and rows[0]["unknown"] == 33
    assert rows[1]["holders"] == {"Taliban": 1}


def test_events_by_day_province():
    events = [
        {
            "event_date": "2021-08-10",
            "admin1": "Baghlan",
            "iso3": "AFG",
            "event_type": "Battles",
            "fatalities": 3,
            "fatalities_low": 3,
            "fatalities_high": 62,
        },
        {
            "event_date": "2021-08-10",
            "admin1": "Baghlan",
            "iso3": "AFG",
            "event_type": "Battles",
            "fatalities": 2,
        },
        {
            "event_date": "2021-08-07",
            "admin1": "Jowzjan",
            "iso3": "AFG",
            "event_type": "Strategic developments",
            "fatalities": 0,
        },
    ]
    types, rows = events_by_day_province(events)
    assert types == ["Battles", "Strategic developments"]
    assert rows[0]["admin1"] == "Jawzjan" and rows[0]["Strategic developments"] == 1
    assert rows[1] == {
        "date": "2021-08-10",
        "admin1": "Baghlan",
        "events": 2,
        "Battles": 2,
        "Strategic developments": 0,
        "fatalities_low": 5,
        "fatalities": 5,
        "fatalities_high": 64,
    }
