"""Possibilities about no place of the report's country are general statements, not hypothetical events;
threats and plans stay, marked hypothetical."""

from __future__ import annotations

REPORT = (
    "KANDAHAR, Afghanistan (Aug. 9, 2021) - Taliban fighters captured the centre of Lashkar Gah on Sunday "
    "after a week of fighting, residents said.\n\n"
    "An army officer said that any district may fall to the insurgents at some point this summer, and "
    "that the air force could make up for the bombers the foreign partners took home.\n\n"
    "A Taliban commander vowed to attack Kandahar city next week."
)


def test_possibility_without_a_place_is_not_an_event(extractor):
    r = extractor.extract(REPORT, published="2021-08-09")
    hypothetical = [e for e in r.events if e.modality == "hypothetical"]
    assert r.events[0].location == "Lashkar Gah" and r.events[0].modality == "asserted"
    assert all(e.location == "Kandahar" for e in hypothetical), [
        (e.sub_event_type, e.location) for e in hypothetical
    ]
    assert not any(e.sub_event_type == "Air/drone strike" for e in r.events)


def test_threat_is_kept_as_hypothetical(extractor):
    r = extractor.extract(REPORT, published="2021-08-09")
    assert any(e.modality == "hypothetical" and e.location == "Kandahar" for e in r.events), [
        (e.sub_event_type, e.location, e.modality) for e in r.events
    ]
