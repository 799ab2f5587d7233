"""Event merging: mentions from several reports -> canonical events, with independence and ACLED's rules."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.errors import DataFileError
from frontlines.reconcile.merging import (
    CanonicalSummary,
    EventMention,
    canonical_uid,
    families_related,
    family_of,
    find_match,
    load_families,
    split_over_days,
    summarise,
)

KUNDUZ = (36.728, 68.868)
KUNDUZ_AIRPORT = (36.665, 68.911)  # about 8 km away
TALOQAN = (36.736, 69.534)  # about 60 km away


def event(**kw) -> dict:
    """A contract event dict with the Kunduz capture as defaults."""
    base = {
        "id": kw.pop("id", "e1"),
        "event_date": "2021-08-08",
        "time_precision": 1,
        "sub_event_type": "Non-state actor overtakes territory",
        "actor1": "Taliban",
        "actor2": "Military Forces of Afghanistan (2004-2021)",
        "inter1": 2,
        "inter2": 1,
        "country": "Afghanistan",
        "iso3": "AFG",
        "admin1": "Kunduz",
        "location": "Kunduz",
        "latitude": KUNDUZ[0],
        "longitude": KUNDUZ[1],
        "geo_precision": 1,
        "fatalities": 0,
        "modality": "asserted",
        "historical": False,
    }
    base.update(kw)
    return base


def mention(doc: str, origin: str | None = None, **kw) -> EventMention:
    return EventMention.from_event(event(id=f"{doc}-e", **kw), doc, origin or doc, "2021-08-09")


def cluster(mentions: list[EventMention], **match_kw) -> dict[str, list[EventMention]]:
    """What the store does: match each mention against the canonical events so far, else found a new one."""
    groups: dict[str, list[EventMention]] = {}
    for m in mentions:
        cands = [CanonicalSummary.from_summary(uid, summarise(ms)) for uid, ms in groups.items()]
        uid, _ = find_match(m, cands, **match_kw)
        groups.setdefault(uid or canonical_uid(m), []).append(m)
    return groups


def test_families_cover_the_taxonomy_and_merge_mutually():
    fams = load_families()
    assert family_of("Non-violent transfer of territory") == "territory"
    assert family_of("Armed clash") == "fighting"
    assert families_related("territory", "fighting") and families_related("fighting", "territory")
    assert not families_related("arrests", "looting")
    assert sum(len(f.sub_event_types) for f in fams.values()) == 25


def test_two_independent_outlets_one_event():
    a = mention("docA", fatalities=14)
    b = mention(
        "docB", location="Kunduz City", latitude=KUNDUZ_AIRPORT[0], longitude=KUNDUZ_AIRPORT[1], fatalities=20
    )
    groups = cluster([a, b])
    assert len(groups) == 1
    summary = summarise(next(iter(groups.values())))
    assert summary["sources_independent"] == 2
    assert summary["mentions"] == 2
    assert summary["sub_event_type"] == "Non-state actor overtakes territory"


def test_match_reasons_are_readable():
    a = mention("docA")
    cand = CanonicalSummary.from_summary("ev_x", summarise([a]))
    b = mention("docB", latitude=KUNDUZ_AIRPORT[0], longitude=KUNDUZ_AIRPORT[1])
    uid, reasons = find_match(b, [cand])
    assert uid == "ev_x"
    assert reasons[0] == "same family: territory"
    assert reasons[1] == "dates 2021-08-08 and 2021-08-08"
    assert reasons[2].startswith("places 8.") and "(Kunduz / Kunduz)" in reasons[2]
    assert reasons[3].startswith("actors compatible")


def test_syndicated_copy_is_a_mention_not_a_source():
    wire = mention("wire", fatalities=14)
    copy = mention("copy", origin="wire", fatalities=14)
    groups = cluster([wire, copy])
    assert len(groups) == 1
    summary = summarise(next(iter(groups.values())))
    assert summary["mentions"] == 2
    assert summary["sources_independent"] == 1


@pytest.mark.parametrize(
    "change",
    [
        {"location": "Taloqan", "admin1": "Takhar", "latitude": TALOQAN[0], "longitude": TALOQAN[1]},
        {"event_date": "2021-08-11"},
        {"sub_event_type": "Arrests"},
        {"actor1": "Islamic State (Afghanistan)", "actor2": "Civilians (Afghanistan)"},
    ],
    ids=["other town", "other day", "other family", "other actors"],
)
def test_different_happenings_stay_apart(change):
    groups = cluster([mention("docA"), mention("docB", **change)])
    assert len(groups) == 2


def test_no_match_explains_why():
    a = mention("docA")
    cand = CanonicalSummary.from_summary("ev_x", summarise([a]))
    uid, reasons = find_match(mention("docB", event_date="2021-08-12"), [cand])
    assert uid is None
    assert any("more than 1 day" in r for r in reasons)


def test_armed_clash_and_capture_merge_into_the_capture():
    clash = mention("docA", sub_event_type="Armed clash")
    capture = mention("docB")
    groups = cluster([clash, capture])
    assert len(groups) == 1
    assert summarise(next(iter(groups.values())))["sub_event_type"] == "Non-state actor overtakes territory"


def test_missing_coordinates_fall_back_to_place_name_and_province():
    a = mention("docA")
    b = mention("docB", latitude=None, longitude=None)
    c = mention("docC", location=None, latitude=None, longitude=None, geo_precision=3)
    assert len(cluster([a, b, c])) == 1


def test_one_side_unknown_is_compatible_and_victims_stay_actor2():
    a = mention("docA", actor2="")
    b = mention("docB")
    assert len(cluster([a, b])) == 1
    vac = dict(sub_event_type="Attack", actor1="Taliban", actor2="Civilians (Afghanistan)", inter2=7)
    s = summarise([mention("docA", **vac), mention("docB", **{**vac, "actor1": ""})])
    assert s["actor2"] == "Civilians (Afghanistan)"
    assert s["civilian_targeting"] == "Civilian targeting"
    other_victims = CanonicalSummary.from_summary("ev_v", s)
    uid, _ = find_match(mention("docC", **{**vac, "actor2": "Journalists (Afghanistan)"}), [other_victims])
    assert uid is None


def test_fatalities_lowest_credible_with_range_kept():
    a = mention("docA", fatalities=14)
    b = mention("docB", fatalities=30, fatalities_low=20, fatalities_high=30)
    c = mention("docC", fatalities=100, modality="claimed")  # a party's count, not credible when others exist
    d = mention("docD", fatalities=0)  # did not report a figure: not a "zero dead" source
    s = summarise([a, b, c, d])
    assert s["fatalities"] == 14
    assert (s["fatalities_low"], s["fatalities_high"]) == (14, 100)
    assert s["modality"] == "asserted"
    assert "lowest credible" in s["merge_explanation"]


def test_claimed_only_event_stays_claimed():
    s = summarise([mention("docA", modality="claimed", fatalities=40)])
    assert s["modality"] == "claimed"
    assert s["fatalities"] == 40


def test_trimmed_copy_keeps_the_figure_of_its_origin():
    s = summarise([mention("wire", fatalities=14), mention("copy", origin="wire", fatalities=0)])
    assert s["fatalities"] == 14


def test_date_most_supported_then_earliest():
    s = summarise([mention("a", event_date="2021-08-09"), mention("b"), mention("c")])
    assert s["event_date"] == "2021-08-08"
    s = summarise([mention("a", event_date="2021-08-09"), mention("b")])
    assert s["event_date"] == "2021-08-08"


def test_uid_is_stable_across_reruns_and_founders():
    first = canonical_uid(mention("docA"))
    assert first == canonical_uid(mention("docA"))
    # Another report of the same happening, another related family, actors in the other order: same uid.
    swapped = mention(
        "docB",
        sub_event_type="Armed clash",
        actor1="Military Forces of Afghanistan (2004-2021)",
        actor2="Taliban",
    )
    assert canonical_uid(swapped) == first
    assert canonical_uid(mention("docA", event_date="2021-08-09")) != first
    groups_1 = cluster([mention("a"), mention("b", event_date="2021-08-11")])
    groups_2 = cluster([mention("a"), mention("b", event_date="2021-08-11")])
    assert list(groups_1) == list(groups_2)


def test_summarise_accepts_dicts():
    m = mention("docA", fatalities=3)
    s = summarise([m.to_dict(), {**event(id="x", fatalities=5), "document_key": "docB"}])
    assert s["sources_independent"] == 2
    assert s["fatalities"] == 3


def test_split_over_days():
    parts = split_over_days(10, date(2021, 8, 6), date(2021, 8, 8))
    assert parts == [(date(2021, 8, 6), 4), (date(2021, 8, 7), 3), (date(2021, 8, 8), 3)]
    assert sum(n for _, n in parts) == 10
    assert split_over_days(5, date(2021, 8, 8), date(2021, 8, 8)) == [(date(2021, 8, 8), 5)]


def test_broken_family_file_fails_loudly(monkeypatch):
    import frontlines.reconcile.merging as merging

    monkeypatch.setattr(
        merging, "load_yaml", lambda _: {"families": {"x": {"priority": 1, "sub_event_types": ["Nope"]}}}
    )
    merging.load_families.cache_clear()
    try:
        with pytest.raises(DataFileError, match="unknown ACLED sub-event type"):
            merging.load_families()
    finally:
        monkeypatch.undo()
        merging.load_families.cache_clear()
