"""Zero-casualty statements, dates that name another event, and a sentence's own week (synthetic reports)."""

from __future__ import annotations

import pytest

PUBLISHED = "2010-07-15"  # a Thursday


def _events(extractor, text: str, published: str = PUBLISHED):
    return extractor.extract(text, published=published, source="Test Wire").events


def test_no_one_killed_is_zero_not_one(extractor):
    events = _events(extractor, "Police said no one was killed in the blast at a market in Kabul on Monday.")
    assert events and events[0].sub_event_type == "Remote explosive/landmine/IED"
    assert events[0].fatalities == 0
    assert events[0].event_date == "2010-07-12"


def test_no_civilians_killed_in_the_strike_is_not_an_attack(extractor):
    text = (
        "KABUL, Afghanistan (July 15, 2010) - Coalition forces conducted a precision strike on a Taliban "
        "commander in Kunduz province today.\n\n"
        "No civilians were wounded or killed in this precision strike."
    )
    events = _events(extractor, text)
    assert events[0].sub_event_type == "Air/drone strike"
    counted = [e for e in events if e.modality in ("asserted", "claimed")]
    assert all(e.sub_event_type != "Attack" for e in counted), [
        (e.sub_event_type, e.modality) for e in events
    ]
    negated = [e for e in events if e.sub_event_type == "Attack"]
    assert all(e.modality == "negated" for e in negated)


def test_no_one_hurt_keeps_the_blast(extractor):
    text = "A roadside bomb exploded next to a police vehicle in Kandahar on Monday. No one was hurt in the blast."
    events = _events(extractor, text)
    assert events[0].sub_event_type == "Remote explosive/landmine/IED"
    assert events[0].modality == "asserted"
    assert events[0].fatalities == 0


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # "July 2" names another attack: the strike is dated by "today"
        (
            "KABUL, Afghanistan (July 15, 2010) - Afghan and coalition forces killed a Taliban commander "
            "linked to the July 2 bombing of a aid compound in Kunduz province today.",
            "2010-07-15",
        ),
        # the named attack is the event itself: it keeps its date
        (
            "KABUL, Afghanistan (July 15, 2010) - The Taliban claimed the July 2 bombing of an aid compound in "
            "Kunduz city that killed two guards.",
            "2010-07-02",
        ),
    ],
)
def test_a_date_naming_an_attack_dates_that_attack_only(extractor, text, date):
    events = _events(extractor, text)
    assert events and events[0].event_date == date


def test_last_week_dates_its_own_sentence(extractor):
    text = (
        "KABUL, Afghanistan (July 15, 2010) - Coalition aircraft struck a Taliban sub-commander in "
        "Baghlan province today.\n\n"
        "Last week coalition forces conducted an air strike in Kunduz province against the commander "
        "behind the July 2 attack."
    )
    events = _events(extractor, text)
    kunduz = [e for e in events if e.admin1 == "Kunduz"]
    assert kunduz, [(e.sub_event_type, e.admin1, e.event_date) for e in events]
    assert kunduz[0].event_date == "2010-07-05"  # the Monday of the previous week
    assert kunduz[0].time_precision == 2


def test_similar_actions_elsewhere_repeat_the_event_at_the_new_place(extractor):
    text = (
        "KABUL, Afghanistan (Aug. 10, 2021) - Government forces recaptured the town of Pul-e Khumri from the "
        "Taliban on Monday, the defence ministry said. Similar operations are under way in Aybak, a ministry "
        "spokesman added, without giving figures."
    )
    events = _events(extractor, text, published="2021-08-10")
    by_place = {e.location: e for e in events}
    assert "Aybak" in by_place, [(e.sub_event_type, e.location) for e in events]
    aybak = by_place["Aybak"]
    first = events[0]
    assert aybak.sub_event_type == first.sub_event_type == "Government regains territory"
    assert aybak.event_date == first.event_date == "2021-08-09"
    assert aybak.admin1 == "Samangan"
    assert aybak.fatalities == 0
    assert "Aybak" in aybak.evidence[0].text


def test_similar_wording_without_an_earlier_event_adds_nothing(extractor):
    text = "Similar operations are under way in Aybak, officials said, as the harvest season begins."
    assert _events(extractor, text, published="2021-08-10") == []


def test_the_day_the_source_spoke_dates_an_announced_deployment(extractor):
    text = (
        "MAIDUGURI, Nigeria - The Nigerian army has sent about 800 more soldiers to Borno State to protect "
        "farming villages from insurgents, an army spokesman said on Wednesday."
    )
    events = _events(extractor, text, published="2022-07-15")  # a Friday
    assert events and events[0].sub_event_type == "Change to group/activity"
    assert events[0].event_date == "2022-07-13"


def test_an_event_day_still_beats_the_day_it_was_told(extractor):
    text = "Gunmen killed four farmers near Gwoza in Borno State on Monday, a police spokesman said on Wednesday."
    events = _events(extractor, text, published="2022-07-15")
    assert events and events[0].event_date == "2022-07-11"


def test_where_residents_fled_is_not_where_the_town_fell(extractor):
    text = (
        "The Arakan Army said on Tuesday that it had captured Paletwa, a township in southern Chin State, "
        "after weeks of fighting with the military.\n\n"
        "The group said its fighters overran the last army outpost in the township on Monday and that dozens "
        "of soldiers had been killed or captured. A teacher who fled to Mizoram in India said the shelling "
        "had gone on for days."
    )
    events = _events(extractor, text, published="2024-01-17")
    assert events[0].sub_event_type == "Non-state actor overtakes territory"
    assert events[0].actor1 == "AA: Arakan Army"
    assert {e.country for e in events if e.modality in ("asserted", "claimed")} == {"Myanmar"}
    assert events[0].fatalities == 0  # "killed or captured" does not say how many died


def test_after_the_blast_points_back_to_the_grenade_attack(extractor):
    text = (
        "SRINAGAR - Suspected militants threw a grenade at a police patrol in a crowded market in Srinagar "
        "on Thursday, but it exploded on the road and no one was hurt, police said.\n\n"
        "Traders closed their shops after the blast and the area was cordoned off."
    )
    events = _events(extractor, text, published="2022-05-13")
    counted = [e for e in events if e.modality in ("asserted", "claimed")]
    assert [e.sub_event_type for e in counted] == ["Grenade"], [(e.sub_event_type, e.actor1) for e in events]
    assert counted[0].admin1 == "Jammu and Kashmir"  # without GeoNames' macron


def test_one_demonstration_is_one_event(extractor):
    text = (
        "NASIRIYAH, Iraq - Security forces opened fire on demonstrators blocking a bridge in Nasiriyah on "
        "Thursday, killing four people, medical sources said.\n\n"
        "Hundreds of young men had gathered at the bridge since the morning to demand jobs and an end to "
        "corruption, chanting slogans and waving flags."
    )
    events = _events(extractor, text, published="2019-11-29")
    counted = [e for e in events if e.modality in ("asserted", "claimed")]
    assert len(counted) == 1, [(e.sub_event_type, e.event_date) for e in events]
    assert counted[0].sub_event_type == "Excessive force against protesters"
    assert counted[0].fatalities == 4


def test_a_prisoner_exchange_is_an_agreement_and_its_talks_are_dated_to_their_month(extractor):
    text = (
        "SANAA, Yemen - The government and the Houthis completed a prisoner exchange on Sunday, with more "
        "than 300 detainees flown between Sanaa and Marib, the Red Cross said.\n\n"
        "The swap was agreed at talks in Geneva last month."
    )
    events = _events(extractor, text, published="2023-04-17")
    assert events[0].sub_event_type == "Agreement"
    assert events[0].event_date == "2023-04-16"
    assert all(e.sub_event_type != "Arrests" for e in events)
    talks = [e for e in events if e.event_date and e.event_date.startswith("2023-03")]
    assert talks and talks[0].time_precision == 3


def test_the_dateline_town_is_not_what_a_capture_took(extractor):
    text = (
        "KABUL, Afghanistan (Nov. 23, 2011) - A Haqqani network leader was captured by a combined Afghan "
        "and coalition security force during an operation in Zarghun Shahr district, Paktika province, "
        "yesterday."
    )
    events = _events(extractor, text, published="2011-11-23")
    assert [e.sub_event_type for e in events] == ["Arrests"]
    assert events[0].admin1 == "Paktika"


def test_a_district_namesake_in_the_province_the_report_names(extractor):
    paktika = "In Paktika province, a combined force detained two suspected insurgents in Sarobi district yesterday."
    kabul = "Gunmen attacked a police checkpoint in Sarobi district east of Kabul on Monday, killing two policemen."
    assert _events(extractor, paktika, published="2011-07-02")[0].admin1 == "Paktika"
    assert _events(extractor, kabul, published="2011-07-02")[0].admin1 == "Kabul"


def test_a_follow_up_sentence_stays_where_the_operation_was(extractor):
    text = (
        "KABUL, Afghanistan (Apr. 29, 2012) - In Qalat district, Zabul province, an Afghan and coalition "
        "security force detained a senior Taliban leader during an operation today. The leader organized "
        "attacks in Kabul, Kandahar and Herat provinces. The security force detained one additional "
        "insurgent as a result of this operation."
    )
    events = _events(extractor, text, published="2012-04-29")
    assert {e.admin1 for e in events} == {"Zabul"}, [(e.sub_event_type, e.admin1) for e in events]


def test_a_town_spacy_calls_a_person_and_background_without_a_date(extractor):
    text = (
        "Sudan's paramilitary fighters said on Saturday they had taken full control of Wad Madani, the capital "
        "of Al Jazirah state, after the army withdrew from the city overnight.\n\n"
        "The army did not comment, but a military source said troops had moved south to protect the road to "
        "Sennar. Residents reported heavy shelling in the eastern districts on Friday, and at least 12 "
        "civilians were killed when a shell hit a market.\n\n"
        "The paramilitaries captured most of the capital in the first weeks of the war."
    )
    events = _events(extractor, text, published="2023-12-19")
    assert events[0].location == "Wad Medani"
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and shelling[0].location == "Wad Medani"  # not the road's end, Sennar
    assert shelling[0].fatalities == 12
    background = [e for e in events if "first weeks" in e.evidence[0].text]
    assert all(e.historical for e in background)


def test_killed_when_shells_hit_is_shelling(extractor):
    text = (
        "Health officials said at least 9 civilians were killed and 30 wounded when shells hit a camp for "
        "displaced people near Sake on Monday."
    )
    events = _events(extractor, text, published="2024-04-30")
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert events[0].fatalities == 9


def test_smoke_grenades_are_crowd_control(extractor):
    text = (
        "Police fired smoke grenades and pepper balls to disperse hundreds of protesters marching on the "
        "parliament in Nairobi on Tuesday."
    )
    events = _events(extractor, text, published="2023-03-22")
    assert events and events[0].event_type == "Protests"


def test_a_denial_that_the_town_fell_contradicts_the_capture_claim(extractor):
    text = (
        "GOMA - M23 rebels said on Tuesday they had captured the town of Sake after two days of fighting "
        "with the Congolese army.\n\n"
        "A spokesman for the Congolese army denied that the town had fallen, saying troops still held the "
        "hills above it. The UN mission said it was deeply concerned by the fighting."
    )
    result = extractor.extract(text, published="2024-04-30", source="Test Wire")
    by_id = {c.id: c for c in result.claims}
    denial = [c for c in result.claims if c.stance == "denies"]
    assert denial, [(c.claimant, c.stance) for c in result.claims]
    opposed = [by_id[i] for i in denial[0].contradicts]
    assert any("M23" in c.claimant for c in opposed)
    un = [c for c in result.claims if c.claimant.startswith("UN")]
    assert all(not c.contradicts for c in un)


def test_a_town_the_gazetteer_lacks_is_placed_at_its_province_not_at_another_town(extractor):
    text = (
        "GOMA - M23 rebels said on Tuesday they had captured the town of Kibirizaho after two days of "
        "fighting with the Congolese army.\n\n"
        "Separately, at least 9 civilians were killed and 30 wounded when shells hit a camp for displaced "
        "people near Sake on Monday, health officials said."
    )
    events = _events(extractor, text, published="2024-04-30")
    capture = events[0]
    assert capture.sub_event_type == "Non-state actor overtakes territory"
    assert capture.location == "North Kivu" and capture.geo_precision == 3
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and shelling[0].location == "Sake"
    assert shelling[0].actor1.startswith("Unidentified Armed Group") and shelling[0].inter2 == 7
    assert shelling[0].injured == 30


def test_forces_abroad_are_external_on_the_event(extractor):
    text = "Ethiopian troops clashed with al-Shabaab fighters near Baidoa on Monday, killing 12 militants."
    ev = _events(extractor, text, published="2023-05-10")[0]
    assert ev.inter1 == 8 and ev.inter2 == 2 and ev.interaction == 28


def test_counts_told_after_the_event_they_belong_to(extractor):
    text = (
        "In Pul-e Khumri, the security forces fought the Taliban today. In this clash, 62 Taliban were "
        "killed and 40 others wounded. The security forces have taken new positions outside the city."
    )
    events = _events(extractor, text, published="2021-08-10")
    assert sum(e.fatalities for e in events) == 62
    assert len(events) == 1
