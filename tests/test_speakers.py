"""Speakers: interview turns, introductions, quoted people, and clustering of their spellings."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import speakers
from frontlines.extract.mentions import Analysis, EntitySpan
from frontlines.nlp.structure import find_turns

INTERVIEW = """Fighting continued on Monday around the provincial capital.

Reuters spoke with Maryam Nazarri, the deputy director of operations of the Kabul Relief Coordination Office, about the displaced families.

Reuters: How many families have arrived since the weekend?

Mariam Nazari: We have counted about four hundred families in the camps so far.

Reuters: Are the roads open?

Nazari: The main road is closed, so convoys go through the northern pass.
"""


def analyse(text: str, entities=(), country: str | None = None) -> Analysis:
    """find_speakers on a bare analysis; turns come from the structure module, entities are given by hand."""
    a = Analysis(id="t", text=text, published=dt.date(2021, 8, 9), language="en", country_iso2=country)
    a.turns = find_turns(text)
    a.entities = list(entities)
    speakers.find_speakers(a)
    return a


def span(text: str, phrase: str, label: str = "PERSON") -> EntitySpan:
    start = text.index(phrase)
    return EntitySpan(start, start + len(phrase), phrase, label)


def test_interview_spellings_cluster_into_one_speaker_with_role():
    a = analyse(INTERVIEW)
    assert len(a.speakers) == 1
    sp = a.speakers[0]
    assert sp.name == "Mariam Nazari" or sp.name == "Maryam Nazarri"
    assert {sp.name, *sp.aliases} == {"Maryam Nazarri", "Mariam Nazari", "Nazari"}
    assert sp.role == "deputy director of operations"
    assert sp.organization == "Kabul Relief Coordination Office"
    assert sp.id.startswith("sp_")
    # Every spelling in the text is a mention of the one speaker, with offsets into the text.
    assert len(a.speaker_mentions) == 3
    for m in a.speaker_mentions:
        assert a.text[m.start : m.end] == m.text and m.speaker_id == sp.id


def test_turn_labels_map_to_speakers_and_outlets_to_none():
    a = analyse(INTERVIEW)
    sp = a.speakers[0]
    assert speakers.speaker_for_label(a, "Nazari") is sp
    assert speakers.speaker_for_label(a, "Mariam Nazari") is sp
    assert speakers.speaker_for_label(a, "Reuters") is None
    assert speakers.speaker_for_label(a, "Q") is None
    assert speakers.is_outlet_label("Reuters") and speakers.is_outlet_label("Al Jazeera")
    assert speakers.is_outlet_label("Kabul Evening News")  # an unlisted outlet, by its form
    assert not speakers.is_outlet_label("Nazari")


def test_outlet_affiliation_for_party_outlets():
    assert speakers.outlet_affiliation("Al-Masirah") == "Houthi Movement"
    assert speakers.outlet_affiliation("Reuters") is None


def test_appositive_spokesman_said():
    text = (
        "Gunmen attacked a checkpoint overnight. Bilal Karimi, the spokesman for the Helmand Provincial Council, "
        "said four guards were wounded."
    )
    a = analyse(text, country="AF")
    assert [(s.name, s.role, s.organization) for s in a.speakers] == [
        ("Bilal Karimi", "spokesman", "Helmand Provincial Council")
    ]


def test_said_name_comma_role_in_place():
    text = "Three shops were burned, said Abdul Qadir Noori, a police chief in Baghlan."
    a = analyse(text, country="AF")
    assert [(s.name, s.role, s.organization) for s in a.speakers] == [
        ("Abdul Qadir Noori", "police chief", None)
    ]


def test_org_role_name_pattern():
    text = "Provincial council spokesman Hamid Rahimi told reporters the market had reopened."
    a = analyse(text, country="AF")
    sp = a.speakers[0]
    assert sp.name == "Hamid Rahimi" and sp.role == "spokesman"


def test_person_entities_need_a_speech_verb():
    text = "Karim Haidari said the district was quiet. Later, Sultan Wardak drove to the border crossing."
    ents = [span(text, "Karim Haidari"), span(text, "Sultan Wardak")]
    a = analyse(text, entities=ents, country="AF")
    assert [s.name for s in a.speakers] == ["Karim Haidari"]


def test_actors_and_places_are_not_speakers():
    text = "Taliban said they held the road. Kunduz said nothing."
    ents = [span(text, "Taliban"), span(text, "Kunduz")]
    a = analyse(text, entities=ents, country="AF")
    assert a.speakers == []


@pytest.mark.parametrize(
    "a, b",
    [
        ("Zabiullah Mujahid", "Zabihullah Mujahid"),
        ("Mohammad Yousuf Stanekzai", "Muhammad Yusuf Stanakzai"),
        ("Mohammad Naeem", "Mohammad Naeem Wardak"),
        ("Mujahid", "Zabihullah Mujahid"),
        ("Gen. Sami Sadat", "Sami Sadat"),
    ],
)
def test_same_person(a, b):
    assert speakers.same_person(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Ahmad Shah Massoud", "Ahmad Zia Massoud"),
        ("Abdul Rahman", "Abdul Rashid"),
        ("Mohammad Karimi", "Ali Karimi"),
        ("Wardak", "Mohammad Naeem"),
    ],
)
def test_different_people(a, b):
    assert not speakers.same_person(a, b)


# -- the reference report -------------------------------------------------------------------------


def test_reference_report_speaker(seed_result):
    people = seed_result.speakers
    jamal = [s for s in people if "Jamal" in {s.name, *s.aliases}]
    assert len(jamal) == 1
    sp = jamal[0]
    assert sp.name == "Ahmed Shuja Jamal"
    assert {"Ahmad Shujjamar", "Ahmed Shuja Jamal", "Jamal"} <= {sp.name, *sp.aliases}
    assert sp.role == "head of international affairs"
    assert sp.organization and "National Security Council" in sp.organization
    assert not any(s.name in {"Al Jazeera", "Kunduz", "Ansar Allah"} for s in people)
