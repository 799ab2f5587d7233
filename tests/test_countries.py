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
