"""The control timeline rules, on observations shaped like the August 2021 sequence."""

from __future__ import annotations

import datetime as dt

from frontlines.reconcile.control import (
    TerritoryObservation,
    build_timelines,
    changes_between,
    combine_confidence,
    state_on,
    states_on,
)

GOV = "Military Forces of Afghanistan (2004-2021)"
D = dt.date


def ob(place, day, taker, *, loser=GOV, kind="capture", ind=1, party=0):
    return TerritoryObservation(
        place=place,
        admin1=place,
        country="Afghanistan",
        iso3="AFG",
        latitude=None,
        longitude=None,
        date=day,
        taker=taker,
        loser=loser,
        kind=kind,
        independent_sources=ind,
        party_sources=party,
    )


def kunduz_observations():
    return [
        ob("Kunduz", D(2021, 8, 8), "Taliban", ind=2),
        # 10 Aug: the ministry claims its forces are retaking the city (a party claim only)
        ob("Kunduz", D(2021, 8, 10), GOV, loser="Taliban", kind="retake", ind=0, party=1),
        # 12 Aug: an independent report settles it: the Taliban hold the city
        ob("Kunduz", D(2021, 8, 12), "Taliban", ind=1),
    ]


def test_holder_before_and_after_capture():
    tl = build_timelines(kunduz_observations())["kunduz|kunduz|afg"]
    assert state_on(tl, D(2021, 8, 7)).holder == GOV
    after = state_on(tl, D(2021, 8, 9))
    assert after.holder == "Taliban" and not after.contested and after.sources == 2


def test_retake_claim_contests_until_settled():
    tl = build_timelines(kunduz_observations())["kunduz|kunduz|afg"]
    for day in (D(2021, 8, 10), D(2021, 8, 11)):
        st = state_on(tl, day)
        assert st.contested and st.holder == "Taliban", day
    settled = state_on(tl, D(2021, 8, 12))
    assert not settled.contested and settled.holder == "Taliban"
    assert settled.confidence > state_on(tl, D(2021, 8, 11)).confidence


def test_claim_only_capture_has_lower_confidence_than_independent():
    claimed = build_timelines([ob("Aybak", D(2021, 8, 9), "Taliban", ind=0, party=1)])
    reported = build_timelines([ob("Aybak", D(2021, 8, 9), "Taliban", ind=1)])
    c = state_on(next(iter(claimed.values())), D(2021, 8, 9))
    r = state_on(next(iter(reported.values())), D(2021, 8, 9))
    assert c.holder == r.holder == "Taliban"
    assert c.confidence < r.confidence


def test_syndicated_copies_do_not_raise_confidence():
    # merged events carry distinct independent origins, never copy counts
    assert combine_confidence(1, 0) < combine_confidence(2, 0)
    assert combine_confidence(10, 0) <= 0.95


def test_states_on_and_changes_between():
    obs = kunduz_observations() + [ob("Sheberghan", D(2021, 8, 7), "Taliban")]
    tls = build_timelines(obs)
    day9 = {s.place: s.holder for s in states_on(tls, D(2021, 8, 9))}
    assert day9 == {"Kunduz": "Taliban", "Sheberghan": "Taliban"}
    changes = changes_between(tls, D(2021, 8, 6), D(2021, 8, 8))
    assert [(c.place, c.since) for c in changes] == [("Sheberghan", D(2021, 8, 7)), ("Kunduz", D(2021, 8, 8))]


def test_party_claim_counts_from_the_day_it_is_voiced():
    # a ministry claim published on the 9th about the 8th cannot contest the 8th
    claim = ob("Kunduz", D(2021, 8, 8), GOV, loser="Taliban", kind="retake", ind=0, party=1)
    claim.known_on = D(2021, 8, 9)
    tl = build_timelines([ob("Kunduz", D(2021, 8, 8), "Taliban"), claim])["kunduz|kunduz|afg"]
    assert not state_on(tl, D(2021, 8, 8)).contested
    assert state_on(tl, D(2021, 8, 9)).contested


def test_later_independent_report_overturns_same_day_claim():
    # Herat: the ministry says on the 12th it holds the city; a report of the 13th says it fell on the 12th
    held = ob("Herat", D(2021, 8, 12), GOV, loser=None, kind="retake", ind=0, party=1)
    held.known_on = D(2021, 8, 12)
    fell = ob("Herat", D(2021, 8, 12), "Taliban")
    fell.known_on = D(2021, 8, 13)
    tl = build_timelines([held, fell])["herat|herat|afg"]
    st = state_on(tl, D(2021, 8, 12))
    assert st.holder == "Taliban" and not st.contested


def test_denials():
    # a denial of a claim-only capture contests it; a denial aimed at another taker does not
    cap = ob("Aybak", D(2021, 8, 9), "Taliban", ind=0, party=1)
    deny = ob("Aybak", D(2021, 8, 10), "Taliban", kind="denial", ind=0, party=1)
    tl = build_timelines([cap, deny])["aybak|aybak|afg"]
    assert state_on(tl, D(2021, 8, 10)).contested and state_on(tl, D(2021, 8, 10)).holder == "Taliban"
    other = ob("Aybak", D(2021, 8, 10), GOV, kind="denial", ind=0, party=1)
    tl = build_timelines([cap, other])["aybak|aybak|afg"]
    assert not state_on(tl, D(2021, 8, 10)).contested
    # a denial of an independently reported capture changes nothing
    tl = build_timelines([ob("Sheberghan", D(2021, 8, 7), "Taliban"), deny])
    assert not state_on(next(iter(tl.values())), D(2021, 8, 10)).contested


def test_repeated_fighting_leaves_final_capture_and_place_ids_merge_spellings():
    a = ob("Pul-e Khumri", D(2021, 8, 5), "Taliban")
    b = ob("Pul-i-Khumri", D(2021, 8, 6), GOV, loser="Taliban", kind="retake")
    c = ob("Pule Khumri", D(2021, 8, 10), "Taliban")
    for o in (a, b, c):
        o.place_id = "capital:AFG:baghlan"
    tls = build_timelines([a, b, c])
    assert list(tls) == ["capital:AFG:baghlan"]
    tl = tls["capital:AFG:baghlan"]
    assert [s.holder for s in tl] == [GOV, "Taliban", GOV, "Taliban"]
    assert state_on(tl, D(2021, 8, 11)).since == D(2021, 8, 10)
