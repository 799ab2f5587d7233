"""Events round 2: one operation is one event, restatements and headlines add none, attributive dates.

Sentences are written for these tests in the style of military and police press releases (synthetic; no
published text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import events as ev_mod
from frontlines.extract.event_classify import Decision
from frontlines.extract.event_context import _names_other_event
from frontlines.extract.mentions import DateMention, Sentence
from frontlines.model import EVENT_TYPE_OF, Event, disorder_type_of

ARMY = "Military Forces of Afghanistan (2014-2021)"
NATO = "NATO: North Atlantic Treaty Organization"


def _ev(sub: str, actor1: str = ARMY, inter1: int = 1, **kw) -> Event:
    base = {
        "id": "",
        "event_date": "2013-04-02",
        "time_precision": 1,
        "disorder_type": disorder_type_of(sub),
        "event_type": EVENT_TYPE_OF[sub],
        "sub_event_type": sub,
        "actor1": actor1,
        "inter1": inter1,
        "country": "Afghanistan",
        "iso3": "AFG",
        "admin1": "Helmand",
        "location": "Nad-e Ali",
        "geo_precision": 1,
    }
    base.update(kw)
    return Event(**base)


# --- (1) one operation: arrests beside the fighting or strike of the same force ---------------------


def test_arrest_and_clash_of_one_raid_are_one_event() -> None:
    arrest = _ev("Arrests", arrested=2)
    clash = _ev("Armed clash", fatalities=1)
    assert ev_mod._same_event(arrest, clash)
    ev_mod._merge(arrest, clash)
    assert arrest.sub_event_type == "Armed clash"  # the fighting is the event; the arrests are told in it
    assert (arrest.fatalities, arrest.arrested) == (1, 2)


def test_joint_force_written_as_either_partner_is_one_side() -> None:
    # "an Afghan and coalition force" is read now as the army, now as NATO: both are forces (inter 1 / 8)
    assert ev_mod._same_event(_ev("Arrests", arrested=2), _ev("Armed clash", NATO, 8, fatalities=1))
    # a detail sentence that names no doer ("two men were detained during the operation")
    assert ev_mod._same_event(_ev("Armed clash", fatalities=1), _ev("Arrests", "", 0, arrested=2))


@pytest.mark.parametrize(
    ("x", "y"),
    [
        (_ev("Arrests", arrested=2), _ev("Armed clash", fatalities=1, event_date="2013-04-03")),  # other day
        (_ev("Arrests", arrested=2), _ev("Armed clash", fatalities=1, admin1="Kandahar")),  # other province
        (_ev("Arrests", arrested=2), _ev("Armed clash", fatalities=1, modality="hypothetical")),
        # a militia's raid and a police arrest: different actors
        (_ev("Arrests", arrested=2), _ev("Armed clash", "Lashkar Militia", 3, fatalities=1)),
    ],
)
def test_operation_merge_needs_day_place_actors_and_fact(x: Event, y: Event) -> None:
    assert not ev_mod._same_event(x, y)


def test_seizure_stays_its_own_event_unless_it_told_the_arrests_too() -> None:
    # "The patrol also seized a rifle": an event of its own beside the arrests
    assert not ev_mod._same_event(_ev("Arrests", arrested=3), _ev("Disrupted weapons use"))
    # "... found bomb parts and detained a suspect" read as a seizure, then "... detained the suspect"
    assert ev_mod._same_event(
        _ev("Disrupted weapons use", arrested=1), _ev("Arrests", "Taliban", 2, actor2=ARMY, arrested=1)
    )


# --- (2) restatements: a follow-up release or undated detail whose counts fit an earlier event -------


def test_confirming_follow_up_restates_the_arrest() -> None:
    lead = _ev("Arrests", arrested=2)
    follow = _ev("Arrests", NATO, 8, arrested=1, modality="claimed", event_date="2013-04-04")
    text = "Coalition forces confirmed today that a district leader was one of the men detained Tuesday."
    assert ev_mod._restates(lead, follow, True, text)


def test_undated_detail_with_the_same_count_restates() -> None:
    lead = _ev("Arrests", arrested=4)
    detail = _ev("Arrests", arrested=4, event_date="2013-03-30")  # date carried from a background mention
    assert ev_mod._restates(lead, detail, False, "Four suspects were detained after questioning.")


@pytest.mark.parametrize(
    ("later", "own_date", "text"),
    [
        # more people than the earlier event counted: new arrests
        (_ev("Arrests", arrested=5), False, "Five more suspects were detained."),
        # a dated sentence without a confirming word: a new report
        (_ev("Arrests", arrested=1), True, "Police detained a courier in the bazaar on Friday."),
        # another province
        (_ev("Arrests", arrested=1, admin1="Kandahar"), False, "One suspect was detained."),
        # no count to compare
        (_ev("Arrests"), False, "Suspects were detained."),
    ],
)
def test_not_a_restatement(later: Event, own_date: bool, text: str) -> None:
    assert not ev_mod._restates(_ev("Arrests", arrested=2), later, own_date, text)


# --- (3) headlines add no event of their own --------------------------------------------------------


def _decision_at(text: str, word: str) -> tuple[str, Sentence, Decision]:
    at = text.index(word)
    return text, Sentence(0, 0, len(text), text, 0), Decision("Arrests", 3, at, at + len(word))


def test_trigger_on_a_headline_line() -> None:
    text = "Insurgents Detained in Helmand and Farah Provinces\nPress Office\nHERAT (May 6) - Police detained two."
    assert ev_mod._in_title_line(*_decision_at(text, "Detained"))
    assert not ev_mod._in_title_line(*_decision_at(text, "detained"))


def test_wrapped_body_line_is_not_a_headline() -> None:
    text = "Afghan police detained a courier and seized two rifles in northern\nHelmand province on Monday."
    assert not ev_mod._in_title_line(*_decision_at(text, "detained"))
    assert not ev_mod._in_title_line(*_decision_at("Police detained two men.", "detained"))


def test_headline_lists_no_province_of_its_own(extractor) -> None:
    text = (
        "Suspects Detained in Helmand, Kandahar and Zabul Provinces\n"
        "Press Office 2013-04-PR-017\nFor Immediate Release\n"
        "KABUL, Afghanistan (April 3, 2013) - Afghan police detained two suspected insurgents during an "
        "operation in Nad-e Ali district, Helmand province, yesterday."
    )
    events = extractor.extract(text).events
    assert {e.admin1 for e in events} == {"Helmand"}
    assert sum(e.arrested or 0 for e in events) == 2


# --- dates: a date that names another happening does not date this one ----------------------------


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("the leader behind the Aug. 7 attack on the base", True),
        ("who claimed the July 2 car bomb attack in the city", True),
        ("was detained on Aug. 7 in the district", False),
        ("forces detained him Aug. 7, officials said", False),
    ],
)
def test_attributive_date_names_another_event(text: str, other: bool) -> None:
    month = "Aug. 7" if "Aug. 7" in text else "July 2"
    start = text.index(month)
    d = DateMention(start, start + len(month), month, dt.date(2013, 8, 7), 1)
    assert _names_other_event(text, d) is other


def test_detail_sentence_not_dated_by_an_attack_it_names(extractor) -> None:
    text = (
        "KABUL, Afghanistan (Sept. 19, 2013) - Afghan forces today confirmed the death of a bomb maker behind "
        "the Aug. 7 attack on a police post, following an operation in Khost province Monday. "
        "As the force approached, he opened fire and the force returned fire, killing him."
    )
    events = extractor.extract(text).events
    assert events and events[0].event_date == "2013-09-16"
