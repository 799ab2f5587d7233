"""Country resolution: codes, names, common names, nationality words."""

from __future__ import annotations

import pytest

from frontlines.errors import InputError
from frontlines.extract.countries import nationality_country, resolve_country


def test_codes_and_name_give_the_same_country():
    a, b, c = resolve_country("AF"), resolve_country("AFG"), resolve_country("Afghanistan")
    assert a == b == c
    assert (a.iso2, a.iso3, a.numeric, a.region) == ("AF", "AFG", 4, "South Asia")


@pytest.mark.parametrize(
    ("value", "iso2"),
    [
        ("DR Congo", "CD"),
        ("Burma", "MM"),
        ("Syria", "SY"),
        ("syr", "SY"),
        ("Myanmar (Burma)", "MM"),
        ("Yemen (North Yemen)", "YE"),
    ],
)
def test_common_names(value, iso2):
    assert resolve_country(value).iso2 == iso2


def test_display_names_and_regions():
    assert resolve_country("CD").name == "Democratic Republic of Congo"
    assert resolve_country("SY").region == "Middle East"
    assert resolve_country("Mali").region == "Western Africa"
    assert resolve_country("Mexico").region == "Central America"


@pytest.mark.parametrize("value", ["Narnia", "", "QQ", "ZZZ"])
def test_unknown_raises_input_error_naming_the_value(value):
    with pytest.raises(InputError) as err:
        resolve_country(value)
    if value:
        assert value in str(err.value)


def test_nationality_words():
    assert nationality_country("Afghan") == "AF"
    assert nationality_country("Pakistani") == "PK"
    assert nationality_country("Congolese") == "CD"
    assert nationality_country("Burkinabe") == "BF"
    assert nationality_country("Table") is None


@pytest.fixture(scope="module")
def report_country():
    """The country find_places gives a report (NER and gazetteer, without the later steps)."""
    from frontlines.extract import places
    from frontlines.extract.extractor import Extractor, ReportInput

    ex = Extractor(warm=False)
    places.load_resources()

    def run(text: str) -> str | None:
        a = ex._prepare(ReportInput(text=text, published="2024-01-09"))
        ex._segment([a])
        places.find_places(a)
        return a.country_iso2

    return run


def test_province_in_the_lead_outweighs_a_country_named_in_background(report_country):
    text = (
        "Resistance fighters said on Monday they had taken a border town in northern Chin State after "
        "a week of fighting with junta troops.\n\nSome residents crossed into Mizoram in India, and "
        "India reinforced its border posts, a local official in India said."
    )
    assert report_country(text) == "MM"


def test_dateline_city_outweighs_the_attacker_named_in_the_lead(report_country):
    text = (
        "KYIV - Air defences shot down most of the drones launched by Russia overnight, the military "
        "said. Debris fell on a house in the Darnytskyi district of Kyiv."
    )
    assert report_country(text) == "UA"


def test_somali_report(report_country):
    text = (
        "MOGADISHU, Somalia - Al-Shabaab fighters overran a military base near Bulo Burte in Hiraan "
        "region on Tuesday, local elders said."
    )
    assert report_country(text) == "SO"
