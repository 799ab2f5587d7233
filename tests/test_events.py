"""Events on short reports written for these tests (synthetic; no published text)."""

from __future__ import annotations

import pytest

from frontlines.model import EVENT_TYPE_OF, disorder_type_of

PUBLISHED = "2021-08-10"  # a Tuesday


def _events(extractor, text: str, published: str = PUBLISHED, source: str = "Test Wire"):
    return extractor.extract(text, published=published, source=source).events


def _check_taxonomy(ev) -> None:
    assert EVENT_TYPE_OF[ev.sub_event_type] == ev.event_type
    assert disorder_type_of(ev.sub_event_type) == ev.disorder_type
    assert isinstance(ev.fatalities, int)
    assert ev.id.startswith("ev_")
    assert ev.notes.startswith("On ")


def test_suicide_bombing_at_checkpoint(extractor):
    text = (
        "KANDAHAR, Afghanistan - A suicide bomber detonated an explosives-laden car at a police checkpoint "
        "on the outskirts of Kandahar city on Monday, killing five policemen and wounding three passers-by, "
        "provincial officials said."
    )
    events = _events(extractor, text)
    assert events, "a suicide bombing is an event"
    ev = events[0]
    _check_taxonomy(ev)
    assert ev.sub_event_type == "Suicide bomb"
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.event_date == "2021-08-09"
    assert ev.fatalities == 5
    assert ev.modality == "asserted"
    assert ev.actor1.startswith("Unidentified Armed Group")
    assert ev.evidence and text[ev.evidence[0].start : ev.evidence[0].end] == ev.evidence[0].text


def test_air_strike_on_market(extractor):
    text = (
        "Warplanes of the Syrian government bombed a market in the town of Maarat al-Numan in Idlib province "
        "on Monday, killing nine civilians, a local rescue group said."
    )
    ev = _events(extractor, text)[0]
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.fatalities == 9
    assert ev.country == "Syria"


def test_protest_dispersed_with_tear_gas(extractor):
    text = (
        "Police fired tear gas and water cannon to disperse several thousand protesters who had gathered "
        "outside the parliament in Nairobi on Thursday to denounce a new finance bill."
    )
    ev = _events(extractor, text)[0]
    assert ev.sub_event_type == "Protest with intervention"
    assert ev.disorder_type == "Demonstrations"
    assert ev.actor1.startswith("Protesters")
    assert ev.inter1 == 6
    assert ev.event_date == "2021-08-05"


def test_capture_of_town_after_fighting(extractor):
    text = (
        "Al Shabaab fighters captured the town of Moqokori in Hiiraan region on Wednesday after hours of "
        "heavy fighting with government troops, residents said."
    )
    ev = _events(extractor, text)[0]
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert ev.event_type == "Battles"
    assert ev.actor1 == "Al Shabaab"
    assert ev.inter1 == 2
    assert ev.modality == "asserted"  # residents are not a party to the conflict


def test_negotiated_handover_is_non_violent_transfer(extractor):
    text = (
        "Afghan government troops withdrew from the district centre of Baraki Barak in Logar province on "
        "Friday and handed over their positions to the Taliban without a fight, local elders said."
    )
    ev = _events(extractor, text)[0]
    assert ev.sub_event_type == "Non-violent transfer of territory"
    assert ev.disorder_type == "Strategic developments"
    assert ev.admin1 == "Logar"


def test_arrests_in_raid(extractor):
    text = (
        "Afghan special forces arrested six suspected members of the Islamic State in a night raid on a house "
        "in Jalalabad, Nangarhar province, on Sunday, the interior ministry said."
    )
    ev = _events(extractor, text)[0]
    assert ev.sub_event_type == "Arrests"
    assert ev.arrested == 6
    assert ev.fatalities == 0
    assert ev.modality == "claimed"  # the ministry is a party to the conflict
    assert ev.admin1 == "Nangarhar"


def test_foiled_ied_is_disrupted_weapons_use(extractor):
    text = (
        "Army engineers defused a roadside bomb planted on the main road near Ghazni city on Saturday, "
        "averting a possible attack on a military convoy, officials said."
    )
    ev = _events(extractor, text)[0]
    assert ev.sub_event_type == "Disrupted weapons use"
    assert ev.modality != "hypothetical"  # the defusing happened; only the averted attack was possible
    assert ev.geo_precision == 2  # near the town


@pytest.mark.parametrize(
    "text",
    [
        "Flash floods swept through villages in Kunar province on Monday after days of heavy rain, killing at "
        "least 12 people and destroying hundreds of homes, disaster officials said.",
        "Two armed robbers held up a bank branch in downtown Lagos on Tuesday and escaped with cash, police "
        "said. No one was injured in the robbery.",
        "A gas tank exploded at a fertiliser plant outside Karachi on Sunday, injuring four workers, the "
        "company said.",
    ],
    ids=["flood", "robbery", "industrial-accident"],
)
def test_disasters_and_crime_are_not_events(extractor, text):
    assert _events(extractor, text) == []


def test_threat_is_hypothetical(extractor):
    text = (
        "The Pakistani Taliban threatened on Wednesday to attack government offices in Peshawar if the "
        "authorities did not release their detained commanders."
    )
    events = _events(extractor, text)
    assert events
    assert all(e.modality == "hypothetical" for e in events)
    assert events[0].sub_event_type != "Arrests"  # "detained commanders" describes, it reports no arrest


def test_no_one_hurt_keeps_the_event_with_zero_casualties(extractor):
    text = (
        "A bomb exploded near a police station in Quetta, Balochistan, on Friday. No one was hurt in the "
        "blast, police said."
    )
    events = _events(extractor, text)
    assert len(events) == 1  # the two sentences tell one event
    ev = events[0]
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.modality in ("asserted", "claimed")
    assert ev.fatalities == 0
    assert ev.injured == 0
    assert ev.actor2.startswith("Police Forces of Pakistan")


def test_event_that_did_not_happen_is_negated(extractor):
    text = (
        "Police in Jalalabad said on Thursday that no clashes took place in the city overnight despite "
        "rumours of fighting on social media."
    )
    events = _events(extractor, text)
    assert events and events[0].modality == "negated"


def test_background_mention_is_historical(extractor):
    text = (
        "Militants attacked an army base in Mopti, Mali on Monday, killing four soldiers, the army said. "
        "The last time the base was attacked was in 2015, when 12 soldiers were killed."
    )
    events = _events(extractor, text)
    main = events[0]
    assert not main.historical
    assert main.event_date == "2021-08-09"
    assert main.fatalities == 4
    background = [e for e in events if e.historical]
    assert background and background[0].event_date.startswith("2015")
    assert background[0].fatalities == 12


def test_habitual_statements_give_no_dated_event(extractor):
    text = (
        "The governor of Helmand spoke to reporters on Monday.\n\n"
        "He said the insurgents usually plant explosives on the roads at night. They are installing mines in "
        "the fields near the villages."
    )
    assert [e for e in _events(extractor, text) if not e.historical and e.modality == "asserted"] == []


def test_interviewer_questions_are_not_events(extractor):
    text = (
        "Reporter: Did the army lose control of Kunduz after the attack yesterday?\n\n"
        "Ahmad Karimi: No. Our forces repelled the attack and pushed the Taliban out of the city on Sunday.\n\n"
        "Reporter: Were civilians killed in the fighting?\n\n"
        "Ahmad Karimi: I cannot give figures."
    )
    events = _events(extractor, text)
    assert events
    for ev in events:
        assert not ev.evidence[0].text.rstrip().endswith("?")
    assert events[0].sub_event_type == "Government regains territory"


def test_ids_are_stable_and_duplicates_merge(extractor):
    text = (
        "Security forces arrested 14 suspected members of Boko Haram in a raid in Maiduguri, Borno State, on "
        "Sunday, the army said. The suspects were arrested in the raid after a tip-off, the army added."
    )
    first = _events(extractor, text)
    second = _events(extractor, text)
    assert [e.id for e in first] == [e.id for e in second]
    arrests = [e for e in first if e.sub_event_type == "Arrests"]
    assert len(arrests) == 1  # one event per actors-place-day
    assert arrests[0].arrested == 14
    assert len(arrests[0].evidence) == 2


def test_candidate_prefilter_and_report_without_triggers(extractor):
    from frontlines.extract import events

    text = "The finance minister presented the annual budget to parliament on Tuesday."
    result = extractor.extract(text, published=PUBLISHED)
    assert result.events == []
    events.load_resources()  # idempotent


def test_taliban_inter_code_follows_the_event_date(extractor):
    before = _events(
        extractor,
        "Taliban fighters captured the city of Ghazni on Thursday after heavy fighting with Afghan forces.",
        published="2021-08-13",
    )[0]
    after = _events(
        extractor,
        "Taliban fighters detained three former police officers in a raid in Kabul on Friday, residents said.",
        published="2021-08-21",
    )[0]
    assert before.actor1 == "Taliban" and before.inter1 == 2
    assert after.actor1 == "Taliban" and after.inter1 == 1


def test_insurgents_are_the_reports_one_named_group(extractor):
    text = (
        "The Taliban captured Ghazni city on Thursday, officials said. On Friday the insurgents attacked a "
        "police checkpoint in Kandahar, killing three policemen."
    )
    events = _events(extractor, text)
    assert {e.actor1 for e in events} == {"Taliban"}, [(e.actor1, e.sub_event_type) for e in events]


def test_present_control_statement_is_the_holders_not_a_retake(extractor):
    text = (
        "Kunduz city is under the full control of the Taliban, residents said on Wednesday, three days after "
        "the government announced an operation to retake it."
    )
    ev = _events(extractor, text)[0]
    assert ev.sub_event_type == "Non-state actor overtakes territory" and ev.actor1 == "Taliban"


def test_still_held_by_the_army_denies_the_fall(extractor):
    text = (
        "The defence ministry rejected the Taliban propaganda that the city had fallen. The city remains under "
        "the control of the security forces, it said."
    )
    events = _events(extractor, text)
    assert events and all(e.modality == "denied" for e in events), [
        (e.sub_event_type, e.modality) for e in events
    ]
