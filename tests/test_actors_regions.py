"""Actor dictionaries for Israel, Palestine and Lebanon, Asia-Pacific, and Haiti and Latin America.

Every sentence here is synthetic, written for these tests in wire style; only the names of places and
armed groups are real.  Events go through the whole extractor (the session fixture ``extractor``).
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import actors

IDF = "Military Forces of Israel (2022-)"
PHL_ARMY = "Military Forces of Philippines (2022-)"


def _extract(extractor, text: str, published: str):
    result = extractor.extract(text, published=published)
    assert result.events, f"no event in: {text}"
    return result, result.events[0]


def _inter(result, name: str) -> int:
    """The report-level inter code of an actor (the one that knows the report's country)."""
    return next(a.inter for a in result.actors if a.name == name)


def test_new_countries_have_dated_governments():
    lex = actors.lexicon()
    for iso3 in ("PSE", "LBN", "PHL", "THA", "KHM", "BGD", "ARM", "AZE", "HTI", "VEN", "ECU"):
        assert lex.countries[iso3].governments, iso3
    on = dt.date(2023, 6, 1)
    assert actors.resolve_actor("Lebanese army", country_iso2="LB", on=on).name == (
        "Military Forces of Lebanon (2022-2025)"
    )
    assert (
        actors.resolve_actor("Haitian police", country_iso2="HT", on=on).name
        == "Police Forces of Haiti (2021-2024)"
    )
    assert (
        actors.resolve_actor("PNP", country_iso2="PH", on=on).name == "Police Forces of Philippines (2022-)"
    )


# -- Israel, Palestine, Lebanon ---------------------------------------------------------------------


def test_hezbollah_rockets_at_an_israeli_army_post(extractor):
    text = (
        "Hezbollah fired rockets at an Israeli army post near Metula on Tuesday, the Israeli military said."
    )
    _, ev = _extract(extractor, text, "2024-06-11")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert (ev.actor1, ev.inter1) == ("Hezbollah", 3)
    assert (ev.actor2, ev.inter2) == (IDF, 1)  # at home: state forces


def test_israeli_drone_strike_in_lebanon(extractor):
    text = (
        "An Israeli drone strike hit a car near Tyre in southern Lebanon on Wednesday, killing two Hezbollah "
        "members, the Lebanese army said."
    )
    result, ev = _extract(extractor, text, "2024-09-25")
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 == IDF
    assert (ev.actor2, ev.inter2) == ("Hezbollah", 3)
    assert ev.fatalities == 2
    assert _inter(result, IDF) == 8  # a state's forces outside their country
    assert _inter(result, "Military Forces of Lebanon (2022-2025)") == 1


def test_event_inter_of_forces_abroad_is_external(extractor):
    text = "Israeli tanks shelled the Jabalia refugee camp in the northern Gaza Strip on Tuesday, killing four people."
    _, ev = _extract(extractor, text, "2024-05-07")
    assert (ev.actor1, ev.inter1) == (IDF, 8)


def test_islamic_jihad_rockets_at_sderot(extractor):
    text = "Palestinian Islamic Jihad fired rockets at the Israeli town of Sderot on Wednesday, the Israeli army said."
    _, ev = _extract(extractor, text, "2023-05-10")
    assert (ev.actor1, ev.inter1) == ("PIJ: Palestinian Islamic Jihad", 2)


def test_hamas_and_its_armed_wing_are_one_actor(extractor):
    text = (
        "Hamas fighters clashed with Israeli troops in Beit Hanoun in the northern Gaza Strip on Sunday, "
        "the Al Qassam Brigades said."
    )
    result, ev = _extract(extractor, text, "2024-02-12")
    assert ev.sub_event_type == "Armed clash" and ev.country == "Palestine"
    assert (ev.actor1, ev.inter1) == ("Hamas Movement", 2)
    assert ev.actor2 == IDF and _inter(result, IDF) == 8
    hamas = [a for a in result.actors if a.name == "Hamas Movement"]
    assert len(hamas) == 1 and "Al Qassam Brigades" in hamas[0].aliases


def test_air_strikes_are_israels_and_the_health_ministry_is_no_party(extractor):
    text = "Israeli air strikes killed 12 people in Rafah on Tuesday, the Hamas-run health ministry said."
    _, ev = _extract(extractor, text, "2024-05-07")
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 == IDF and ev.actor2 != "Hamas Movement"
    assert ev.fatalities == 12


def test_settlers_are_an_identity_militia(extractor):
    text = "Israeli settlers shot dead a Palestinian man near Nablus on Monday, the Palestinian health ministry said."
    _, ev = _extract(extractor, text, "2024-03-05")
    assert (ev.actor1, ev.inter1) == ("Settlers (Israel)", 4)
    assert (ev.actor2, ev.inter2) == ("Civilians (Palestine)", 7)
    # bare "settlers" names them only in a report about Palestine or Israel
    assert actors.resolve_actor("settlers", country_iso2="PS").name == "Settlers (Israel)"
    assert actors.resolve_actor("settlers", country_iso2="NG") is None


def test_palestinian_authority_forces_and_al_aqsa_brigades(extractor):
    text = "PA security forces clashed with gunmen of the Al Aqsa Martyrs Brigades in Nablus on Thursday, residents said."
    _, ev = _extract(extractor, text, "2024-12-20")
    assert ev.sub_event_type == "Armed clash"
    assert (ev.actor1, ev.inter1) == ("Police Forces of Palestine (2007-)", 1)
    assert (ev.actor2, ev.inter2) == ("Al Aqsa Martyrs Brigades", 2)


def test_fatah_gunmen_in_a_lebanese_camp(extractor):
    text = "Fatah gunmen clashed with Islamist militants in the Ain al-Hilweh camp near Sidon on Monday, killing two."
    _, ev = _extract(extractor, text, "2023-07-31")
    assert ev.country == "Lebanon"
    assert (ev.actor1, ev.inter1) == ("Fatah Movement", 3)
    # "Fatah" alone is also a given name: it is the movement only in a Palestinian or Lebanese report
    assert actors.resolve_actor("Fatah", country_iso2="SD") is None


def test_iranian_and_israeli_forces_abroad_are_external():
    on = dt.date(2024, 4, 1)
    irgc = actors.resolve_actor("Revolutionary Guards", country_iso2="SY", on=on)
    assert (irgc.name, irgc.inter) == ("Military Forces of Iran (1989-)", 8)
    assert actors.resolve_actor("Basij", country_iso2="IR", on=on).inter == 1
    assert actors.resolve_actor("IAF", country_iso2="LB", on=on).name == IDF  # not the Indian Air Force
    assert actors.resolve_actor("Hezbollah", country_iso2="SY", on=on).inter == 3


# -- Philippines, Thailand, Bangladesh, Armenia and Azerbaijan --------------------------------------


@pytest.mark.parametrize(
    ("published", "army"),
    [("2024-05-10", PHL_ARMY), ("2021-05-10", "Military Forces of Philippines (2016-2022)")],
)
def test_npa_ambush_names_the_government_of_the_day(extractor, published, army):
    text = (
        "Militants of the New People's Army ambushed soldiers in Samar province on Thursday, killing two, "
        "the Philippine army said."
    )
    _, ev = _extract(extractor, text, published)
    assert (ev.actor1, ev.inter1) == ("NPA: New People's Army", 2)
    assert (ev.actor2, ev.inter2) == (army, 1)
    assert ev.fatalities == 2


def test_afp_byline_is_not_the_philippine_army(extractor):
    text = (
        "MANILA (AFP) - Communist rebels ambushed a police patrol in Northern Samar on Tuesday, killing two "
        "policemen, officials said."
    )
    result, ev = _extract(extractor, text, "2024-05-07")
    assert (ev.actor1, ev.actor2) == ("NPA: New People's Army", "Police Forces of Philippines (2022-)")
    assert PHL_ARMY not in {a.name for a in result.actors}


@pytest.mark.parametrize(
    ("text", "published", "actor1", "actor2"),
    [
        (
            "Soldiers clashed with Bangsamoro Islamic Freedom Fighters in Datu Saudi Ampatuan, Maguindanao, "
            "on Saturday, killing three militants.",
            "2023-06-10",
            PHL_ARMY,
            "BIFF: Bangsamoro Islamic Freedom Fighters",
        ),
        (
            "Dawlah Islamiyah militants detonated a bomb at a university gymnasium in Marawi on Sunday, "
            "killing four, police said.",
            "2023-12-04",
            "Islamic State (Philippines)",
            "",
        ),
        (
            "Abu Sayyaf gunmen abducted two fishermen off Jolo in Sulu province on Friday, the Philippine "
            "military said.",
            "2023-03-10",
            "Abu Sayyaf Group",
            "Civilians (Philippines)",
        ),
    ],
)
def test_moro_and_islamist_groups_in_mindanao(extractor, text, published, actor1, actor2):
    result, ev = _extract(extractor, text, published)
    assert (ev.actor1, ev.actor2) == (actor1, actor2)
    assert _inter(result, actor1 if actor1 != PHL_ARMY else actor2) == 2


def test_brn_bombing_in_thailands_deep_south(extractor):
    text = (
        "Suspected BRN insurgents detonated a bomb near a ranger base in Narathiwat province on Saturday, "
        "wounding three rangers."
    )
    _, ev = _extract(extractor, text, "2024-01-20")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert (ev.actor1, ev.inter1) == ("BRN: Barisan Revolusi Nasional", 2)
    assert (ev.actor2, ev.inter2) == ("Military Forces of Thailand (2023-2024)", 1)


def test_bangladesh_police_arrest_party_activists(extractor):
    text = (
        "Police and Rapid Action Battalion members raided a house in Gazipur on Sunday and arrested five "
        "BNP activists."
    )
    _, ev = _extract(extractor, text, "2025-02-10")
    assert ev.sub_event_type == "Arrests"
    assert (ev.actor1, ev.inter1) == ("Police Forces of Bangladesh (2024-)", 1)
    assert (ev.actor2, ev.inter2) == ("BNP: Bangladesh Nationalist Party", 3)
    assert actors.resolve_actor("BNP", country_iso2="FR") is None  # BNP Paribas


def test_azerbaijani_forces_in_armenia(extractor):
    text = (
        "Azerbaijani troops attacked Armenian army positions near Jermuk on Tuesday, the Armenian Defence "
        "Ministry said."
    )
    result, ev = _extract(extractor, text, "2022-09-13")
    assert ev.sub_event_type == "Armed clash" and ev.country == "Armenia"
    assert ev.actor1 == "Military Forces of Azerbaijan (2003-)"
    assert (ev.actor2, ev.inter2) == ("Military Forces of Armenia (2018-)", 1)
    assert _inter(result, "Military Forces of Azerbaijan (2003-)") == 8


# -- Haiti, Mexico, Ecuador -------------------------------------------------------------------------


def test_haitian_gang_coalitions_clash(extractor):
    text = "Fighters of the G9 alliance clashed with G-Pep gang members in Cite Soleil on Sunday, residents said."
    _, ev = _extract(extractor, text, "2023-07-10")
    assert ev.sub_event_type == "Armed clash" and ev.country == "Haiti"
    assert (ev.actor1, ev.inter1, ev.actor2, ev.inter2) == ("G9 an Fanmi e Alye", 3, "G-Pep", 3)


def test_haitian_gangs_attack_the_police(extractor):
    text = "Armed gangs attacked a police station in Port-au-Prince on Saturday, the Haitian National Police said."
    _, ev = _extract(extractor, text, "2024-03-10")
    assert (ev.actor1, ev.inter1) == ("Unidentified Armed Group (Haiti)", 3)
    assert (ev.actor2, ev.inter2) == ("Police Forces of Haiti (2021-2024)", 1)


def test_kenyan_led_mission_is_an_external_force(extractor):
    text = "Officers of the Kenyan-led multinational mission clashed with armed gangs in Port-au-Prince on Tuesday."
    _, ev = _extract(extractor, text, "2024-08-01")
    assert (ev.actor1, ev.inter1) == ("MSS: Multinational Security Support Mission", 8)
    assert ev.actor2 == "Unidentified Armed Group (Haiti)"


@pytest.mark.parametrize(
    ("text", "published", "actor1", "actor2"),
    [
        (
            "Members of La Familia Michoacana ambushed National Guard troops near Apatzingan in Michoacan on "
            "Thursday, killing four.",
            "2024-06-20",
            "La Familia Michoacana",
            "Military Forces of Mexico (2018-2024)",
        ),
        (
            "Los Choneros gunmen stormed a television station in Guayaquil on Tuesday, police said.",
            "2024-01-09",
            "Los Choneros",
            "Civilians (Ecuador)",
        ),
    ],
)
def test_mexican_and_ecuadorian_gangs(extractor, text, published, actor1, actor2):
    _, ev = _extract(extractor, text, published)
    assert (ev.actor1, ev.inter1, ev.actor2) == (actor1, 3, actor2)
