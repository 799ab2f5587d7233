"""Actors of Sudan, South Sudan, the Horn, Mozambique, the Central African Republic, Cameroon, Chad and Libya
(``frontlines/data/actors/sudan.yaml``, ``horn_of_africa.yaml``, ``southern_central_africa.yaml``): the main
event's actors and inter codes on short synthetic wire-style sentences written for these tests."""

from __future__ import annotations

from frontlines.extract import actors

RSF = "RSF: Rapid Support Forces"
SAF = "Military Forces of Sudan (2019-)"
ERITREA = "Military Forces of Eritrea (1993-)"


def main_event(extractor, text: str, published: str):
    events = extractor.extract(text, published=published).events
    assert events, f"no event in: {text}"
    return events[0]


def sides(ev) -> tuple[str, int, str, int]:
    return ev.actor1, ev.inter1, ev.actor2, ev.inter2


def actor_inter(extractor, text: str, published: str, name: str) -> int:
    found = {a.name: a.inter for a in extractor.extract(text, published=published).actors}
    assert name in found, f"{name} not among {sorted(found)}"
    return found[name]


# -- Sudan ----------------------------------------------------------------------------------------------


def test_rsf_in_the_war_are_a_rebel_group(extractor):
    ev = main_event(
        extractor,
        "RSF fighters shelled a market in El Fasher on Monday, killing 12 people, activists said.",
        "2024-05-14",
    )
    assert (ev.actor1, ev.inter1) == (RSF, 2)


def test_sudanese_army_against_the_rsf(extractor):
    ev = main_event(
        extractor,
        "The Sudanese army clashed with the Rapid Support Forces in Omdurman on Tuesday, leaving 15 fighters "
        "dead, a military source said.",
        "2024-02-07",
    )
    assert sides(ev) == (SAF, 1, RSF, 2)


def test_rsf_before_the_war_are_the_states_forces(extractor):
    ev = main_event(
        extractor,
        "RSF troops opened fire on protesters in Khartoum on Thursday, killing three people, medics said.",
        "2021-11-19",
    )
    assert sides(ev) == ("Protesters (Sudan)", 6, SAF, 1)


def test_jem_in_darfur_is_the_justice_and_equality_movement(extractor):
    ev = main_event(
        extractor,
        "JEM rebels attacked a Sudanese army convoy near Nyala in South Darfur on Wednesday, the army said.",
        "2011-05-12",
    )
    assert sides(ev) == ("JEM: Justice and Equality Movement", 2, "Military Forces of Sudan (1989-2019)", 1)
    # the acronym still means the Jaish-e-Mohammed in an Indian report
    assert actors.resolve_actor("JEM", country_iso2="IN").name == "JeM: Jaish-e-Mohammed"


def test_rsf_outside_sudan_is_not_the_paramilitary(extractor):
    result = extractor.extract(
        "Police arrested two journalists in Karachi on Tuesday, and RSF called for their release.",
        published="2024-03-05",
    )
    assert RSF not in {a.name for a in result.actors}


# -- South Sudan ----------------------------------------------------------------------------------------


def test_splm_io_against_the_sspdf(extractor):
    ev = main_event(
        extractor,
        "SPLA-IO forces clashed with SSPDF soldiers in Nasir, Upper Nile state, on Monday, killing 11, "
        "a military spokesman said.",
        "2025-03-05",
    )
    assert sides(ev) == (
        "SPLM/A-IO: Sudan People's Liberation Movement/Army-In Opposition",
        2,
        "Military Forces of South Sudan (2011-)",
        1,
    )


def test_white_army_is_a_nuer_identity_militia(extractor):
    ev = main_event(
        extractor,
        "The White Army overran an army garrison in Nasir, Upper Nile state, on Tuesday, local officials said.",
        "2025-03-05",
    )
    assert (ev.actor1, ev.inter1) == ("Nuer Ethnic Militia (South Sudan)", 4)


# -- Ethiopia, Eritrea, Kenya ---------------------------------------------------------------------------

ERITREANS_IN_TIGRAY = (
    "Eritrean troops killed 20 civilians in Axum, in Ethiopia's Tigray region, on Saturday, witnesses said."
)


def test_eritrean_troops_in_tigray_are_external_forces(extractor):
    ev = main_event(extractor, ERITREANS_IN_TIGRAY, "2021-03-01")
    assert (ev.actor1, ev.actor2, ev.inter2) == (ERITREA, "Civilians (Ethiopia)", 7)
    assert actor_inter(extractor, ERITREANS_IN_TIGRAY, "2021-03-01", ERITREA) == 8


def test_eritrean_troops_in_tigray_are_inter_8_on_the_event(extractor):
    assert main_event(extractor, ERITREANS_IN_TIGRAY, "2021-03-01").inter1 == 8


def test_fano_is_an_identity_militia(extractor):
    ev = main_event(
        extractor,
        "Fano militiamen attacked an Ethiopian army base near Gondar on Wednesday, killing nine soldiers, "
        "residents said.",
        "2023-08-10",
    )
    assert sides(ev) == ("Fano Militia", 4, "Military Forces of Ethiopia (2018-)", 1)


def test_tigrayan_forces_are_the_tplf(extractor):
    ev = main_event(
        extractor,
        "Tigrayan forces shelled the town of Kobo in Amhara region on Friday, killing four civilians, "
        "officials said.",
        "2021-09-04",
    )
    assert sides(ev) == ("TPLF: Tigray People's Liberation Front", 2, "Civilians (Ethiopia)", 7)


def test_ola_abduction_in_oromia(extractor):
    ev = main_event(
        extractor,
        "OLA fighters abducted 15 passengers from a bus near Nekemte in Oromia region on Sunday, police said.",
        "2022-06-20",
    )
    assert sides(ev) == ("OLA: Oromo Liberation Army", 2, "Civilians (Ethiopia)", 7)


def test_kenyan_troops_fight_al_shabaab_in_somalia(extractor):
    text = (
        "Kenyan troops killed 20 al-Shabaab militants in Gedo region, Somalia, on Sunday, "
        "the Kenya Defence Forces said."
    )
    ev = main_event(extractor, text, "2023-01-16")
    assert (ev.actor1, ev.actor2, ev.inter2) == ("Military Forces of Kenya (2022-)", "Al Shabaab", 2)
    assert actor_inter(extractor, text, "2023-01-16", "Military Forces of Kenya (2022-)") == 8


def test_kenyan_police_are_named_by_government(extractor):
    ev = main_event(
        extractor, "NAIROBI - Police fired tear gas at protesters in Nairobi on Monday.", "2023-03-21"
    )
    assert sides(ev) == ("Protesters (Kenya)", 6, "Police Forces of Kenya (2022-)", 1)


# -- Mozambique -----------------------------------------------------------------------------------------


def test_al_shabaab_in_cabo_delgado_is_islamic_state_mozambique(extractor):
    ev = main_event(
        extractor,
        "Al-Shabaab insurgents beheaded five villagers near Macomia in Cabo Delgado province on Tuesday, "
        "residents said.",
        "2022-06-09",
    )
    assert sides(ev) == ("Islamic State (Mozambique)", 2, "Civilians (Mozambique)", 7)


def test_rwandan_troops_in_cabo_delgado_are_external(extractor):
    text = (
        "Rwandan troops killed 12 insurgents near Mocimboa da Praia in Cabo Delgado on Sunday, "
        "the Rwandan army said."
    )
    ev = main_event(extractor, text, "2021-08-10")
    assert ev.actor1 == "Military Forces of Rwanda (2000-)"
    assert actor_inter(extractor, text, "2021-08-10", "Military Forces of Rwanda (2000-)") == 8


# -- Central African Republic ---------------------------------------------------------------------------


def test_anti_balaka_is_an_identity_militia(extractor):
    ev = main_event(
        extractor,
        "Anti-balaka militiamen killed seven civilians in Bangassou on Sunday, a local official said.",
        "2021-02-01",
    )
    assert sides(ev) == ("Anti-Balaka", 4, "Civilians (Central African Republic)", 7)


def test_3r_rebels_attack_minusca(extractor):
    ev = main_event(
        extractor,
        "3R rebels attacked a MINUSCA patrol near Bocaranga in the Central African Republic on Saturday, "
        "killing one peacekeeper, the UN mission said.",
        "2022-04-04",
    )
    assert sides(ev) == (
        "3R: Return, Reclamation, Rehabilitation",
        2,
        "MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
        8,
    )


def test_wagner_in_the_central_african_republic(extractor):
    ev = main_event(
        extractor,
        "Wagner fighters killed 10 civilians near Bambari, Central African Republic, on Friday, residents said.",
        "2024-07-01",
    )
    assert sides(ev) == ("Wagner Group", 8, "Civilians (Central African Republic)", 7)


# -- Cameroon, Chad, Libya ------------------------------------------------------------------------------


def test_amba_boys_against_gendarmes(extractor):
    ev = main_event(
        extractor,
        "Suspected Amba Boys attacked a gendarmerie post in Bamenda, Cameroon, on Monday, killing two "
        "gendarmes, officials said.",
        "2022-10-03",
    )
    assert sides(ev) == ("Ambazonian Separatists (Cameroon)", 2, "Police Forces of Cameroon (1982-)", 1)


def test_fact_rebels_against_the_chadian_army(extractor):
    ev = main_event(
        extractor,
        "FACT rebels clashed with the Chadian army near Mao in Kanem province on Saturday, the army said.",
        "2021-04-18",
    )
    assert sides(ev) == (
        "FACT: Front for Change and Concord in Chad",
        2,
        "Military Forces of Chad (1990-2021)",
        1,
    )


def test_haftar_forces_against_the_tripoli_government(extractor):
    ev = main_event(
        extractor,
        "LNA forces clashed with GNA forces near Tripoli, Libya, on Thursday, leaving eight fighters dead, "
        "a medical source said.",
        "2020-01-10",
    )
    assert sides(ev) == (
        "Military Forces of Libya (2014-) Khalifa Haftar Faction",
        1,
        "Military Forces of Libya (2016-2021)",
        1,
    )


def test_adf_in_the_congo_is_still_the_allied_democratic_forces(extractor):
    ev = main_event(
        extractor,
        "ADF rebels killed 12 villagers near Beni in North Kivu on Tuesday, local officials said.",
        "2023-06-13",
    )
    assert (ev.actor1, ev.inter1) == ("ADF: Allied Democratic Forces", 2)
