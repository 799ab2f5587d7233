"""The reference report (read from ../shared; skipped where absent): what events and claims it must give."""

from __future__ import annotations

import math


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def _capture(seed_result):
    hits = [
        e
        for e in seed_result.events
        if e.sub_event_type == "Non-state actor overtakes territory"
        and not e.historical
        and e.actor1 == "Taliban"
    ]
    assert hits, [(e.sub_event_type, e.actor1, e.historical) for e in seed_result.events]
    return hits[0]


def test_main_event_is_the_kunduz_capture(seed_result):
    ev = seed_result.events[0]
    assert ev is _capture(seed_result)
    assert ev.event_type == "Battles"
    assert ev.inter1 == 2  # before 15 August 2021 the Taliban are a rebel group
    assert ev.location == "Kunduz"
    assert ev.admin1 == "Kunduz"
    assert ev.country == "Afghanistan"
    assert ev.geo_precision == 1
    assert ev.latitude is not None and _km(ev.latitude, ev.longitude, 36.73, 68.86) <= 25
    assert ev.event_date == "2021-08-08"
    assert ev.modality == "claimed"
    assert ev.notes.startswith("On 8 August 2021, Taliban captured Kunduz")


def test_capture_claimed_by_the_taliban(seed_result):
    ev = _capture(seed_result)
    claims = {c.id: c for c in seed_result.claims}
    taliban = [claims[i] for i in ev.claims if claims[i].claimant == "Taliban"]
    assert taliban and taliban[0].claimant_kind == "actor" and taliban[0].stance == "claims"


def test_speaker_counter_claim_contradicts_capture(seed_result):
    ev = _capture(seed_result)
    claims = {c.id: c for c in seed_result.claims}
    capture_claims = {i for i in ev.claims if claims[i].claimant == "Taliban"}
    jamal = [
        c
        for c in seed_result.claims
        if c.claimant == "Ahmed Shuja Jamal" and "driving the Taliban out of Kunduz" in c.text
    ]
    assert jamal, [(c.claimant, c.text[:60]) for c in seed_result.claims]
    assert jamal[0].claimant_kind == "speaker"
    assert capture_claims & set(jamal[0].contradicts)
    for cid in capture_claims & set(jamal[0].contradicts):
        assert jamal[0].id in claims[cid].contradicts


def test_only_a_handful_of_current_events(seed_result):
    current = [
        e
        for e in seed_result.events
        if not e.historical
        and e.modality in ("asserted", "claimed")
        and (e.event_date or "").startswith("2021")
    ]
    assert 1 <= len(current) <= 5
    for e in seed_result.events:
        if e.event_date and e.event_date.startswith("2015"):
            assert e.historical


def test_interviewer_questions_give_no_events(seed_result):
    for e in seed_result.events:
        assert not e.evidence[0].text.rstrip().endswith("?")
