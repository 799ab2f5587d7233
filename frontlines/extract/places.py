"""Place mentions: spaCy's place entities plus a scan of capitalised words against the gazetteer.

spaCy's small model misses many Afghan, Syrian or Somali names, so every run of capitalised words is also
looked up; those scan-only hits are guarded (no person names, no common words, only places in the report's
own country unless they are large or provinces/countries).  Fills ``analysis.place_mentions``,
``analysis.places`` and ``analysis.country_iso2``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from typing import Any

from frontlines.data.loader import load_yaml, require
from frontlines.extract import gazetteer as gz
from frontlines.extract.countries import find_country, nationalities
from frontlines.extract.mentions import Analysis, PlaceMention
from frontlines.model import Place

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_BLOCKING_LABELS = {"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT"}
_NOT_PLACES_FILE = "places/not_places.yaml"
_SCAN_MIN_POP = 100_000  # a scan-only town outside the report's country must be at least this large
_NER_MIN_POP = 15_000  # a spaCy place outside the report's country must be at least this large

# A run of capitalised words, allowing Afghan/Arabic connectors ("Mazar-e Sharif", "Pul-i-Khumri", "Deir ez-Zor")
_CAP_RUN = re.compile(
    r"\b[A-Z][\w'’]*(?:-[\w'’]+)*(?:\s+(?:(?:e|i|al|el|ez|ul|us|as|ad|de|du|del)[\s-]+)?[A-Z][\w'’]*(?:-[\w'’]+)*){0,3}"
)
_FEATURE_AFTER = re.compile(
    r"^\s+(province|governorate|district|city|town|village|region|state|oblast)\b", re.I
)
_NEAR_AFTER = re.compile(
    r"^\s*(?:district|town|village)?\s*,?\s*(?:in\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(province|governorate|state|region)\b"
)
# "Mahaas in Hiraan region", "Lere, in the Timbuktu region", "Zurmat, Paktika province": the enclosing
# province the text states for a town
_IN_PROVINCE_AFTER = re.compile(
    r"^\s*,?\s*(?:in\s+)?(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(province|governorate|state|region)\b"
)
# "an accusation Kigali has repeatedly denied", "Moscow said": a capital standing for its government
_SPEAKS_AFTER = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:said|says|denied|denies|accused|accuses|warned|warns|"
    r"claimed|claims|insisted|insists|rejected|rejects|condemned|condemns|blamed|blames|responded|"
    r"announced|demanded|demands|called\s+for|threatened|vowed)\b"
)


@functools.cache
def _not_places() -> frozenset[str]:
    data = load_yaml(_NOT_PLACES_FILE)
    require(
        isinstance(data, list) and all(isinstance(w, str) for w in data),
        _NOT_PLACES_FILE,
        "top level",
        "expected a list of words",
    )
    return frozenset(w.lower() for w in data)


def load_resources() -> None:
    """Load the gazetteer and word lists once per process."""
    gz.get_gazetteer()
    _not_places()
    nationalities()


def _sub_ngrams(text: str, start: int) -> list[tuple[int, int, str]]:
    """All word n-grams of a capitalised run, longest first, as (start, end, text)."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text)]
    out = []
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            s, e = words[i][0], words[i + n - 1][1]
            out.append((s, e, text[s - start : e - start]))
    return out


def _blocked(a: Analysis) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in a.entities if e.label in _BLOCKING_LABELS]


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|to|into|from|of|outside|around|toward|towards)\s+$", re.IGNORECASE
)
_LOCATIVE_MIN_POP = 20_000  # a name spaCy calls a person is a town only when the town is sizeable


def _town_after_locative(text: str, start: int, name: str) -> bool:
    """ "control of Wad Madani", "fled to Wad Madani": a sizeable town the gazetteer knows by exactly this
    name, after a locative preposition, is a place even where spaCy tagged the name as a person."""
    if not _LOCATIVE_BEFORE.search(text[max(0, start - 12) : start]):
        return False
    gaz = gz.get_gazetteer()
    for v in gaz.codes(fold(name)):
        e = gaz.entries[v >> 3]
        if e[gz.FEATURE] == "populated place" and (e[gz.POP] or 0) >= _LOCATIVE_MIN_POP:
            return True
    return False


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < be and bs < e for bs, be in spans)


def _country_votes(a: Analysis, spans: list[tuple[int, int, str, bool]]) -> tuple[dict[str, float], set[str]]:
    """Votes for the report's country, and the countries the text names (by name or nationality word).

    Places named vote 1, countries and names the text calls a province 2, nationality words 0.5.  A name
    repeated adds a quarter of its weight ("India" twice in background sentences does not outvote "Chin
    State" once).  Where the news happened weighs more: a dateline place ("KYIV —") triple, other places
    of the lead sentence double (not country names there: "missiles fired by Russia" names an actor).
    """
    votes: dict[str, float] = defaultdict(float)
    named: set[str] = set()
    seen: Counter[str] = Counter()
    gaz = gz.get_gazetteer()
    lead_end = a.sentences[0].end if a.sentences else 300
    for _s, _e, text, _from_ner in spans:
        feature_m = _FEATURE_AFTER.match(a.text[_e : _e + 40])
        query = f"{text} {feature_m.group(1)}" if feature_m else text  # "Chin State" is no town in China
        scored = gz.lookup(query, fuzzy=False)
        if scored:
            e = gaz.entries[scored[0][1]]
            # a country, or a name the text itself calls a province ("Baghlan province"), is strong evidence
            strong = e[gz.FEATURE] == "country" or (
                e[gz.FEATURE] == "admin1" and gz.split_feature(query)[1] == "admin1"
            )
            if e[gz.FEATURE] == "country":
                named.add(e[gz.CC])
            weight = 2.0 if strong else 1.0
            key = fold(text)
            if seen[key]:
                weight *= 0.25
            seen[key] += 1
            if _s < 40 and text.isupper() and e[gz.FEATURE] != "country":
                weight *= 3.0
            elif _s < lead_end and e[gz.FEATURE] != "country":
                weight *= 2.0
            votes[e[gz.CC]] += weight
    table = nationalities()
    for m in re.finditer(r"\b[A-Z][a-zé]+(?:\s[A-Z][a-z]+)?\b", a.text):
        iso2 = table.get(m.group(0)) or table.get(m.group(0).split()[0])
        if iso2:
            votes[iso2] += 0.5
            named.add(iso2)
    return votes, named


@functools.cache
def _capital_points() -> dict[str, tuple[float, float]]:
    """ISO2 -> the capital's position (the gazetteer places each country at its capital)."""
    gaz = gz.get_gazetteer()
    return {
        e[gz.CC]: (e[gz.LAT], e[gz.LON])
        for e in gaz.entries
        if e[gz.FEATURE] == "country" and e[gz.LAT] is not None
    }


def _is_capital(entry: tuple) -> bool:
    """Whether a gazetteer entry is its country's capital city."""
    point = _capital_points().get(entry[gz.CC])
    return entry[gz.FEATURE] == "populated place" and point == (entry[gz.LAT], entry[gz.LON])


def _candidate_spans(a: Analysis) -> list[tuple[int, int, str, bool]]:
    """(start, end, text, from_ner) for place entities and for capitalised runs the gazetteer knows."""
    gaz = gz.get_gazetteer()
    stop = _not_places()
    spans: list[tuple[int, int, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for ent in a.entities:
        if ent.label in _PLACE_LABELS:
            text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
            if not text[:1].isupper():
                continue  # "metro stations": a common word spaCy tagged, not a proper name
            start = ent.start + (len(ent.text) - len(text))
            if "," in text and fold(text) not in gaz.index:
                # "Chimtal district, Balkh province" as one entity: each part is a place of its own
                for part in re.finditer(r"[^,]+", text):
                    ps = start + part.start() + (len(part.group()) - len(part.group().lstrip()))
                    pe = start + part.end() - (len(part.group()) - len(part.group().rstrip()))
                    if pe > ps:
                        spans.append((ps, pe, a.text[ps:pe], True))
                        taken.append((ps, pe))
                continue
            spans.append((start, ent.end, text, True))
            taken.append((start, ent.end))
    blocked = _blocked(a)
    # spaCy's small model often tags an unfamiliar town as ORG ("Lashkargah"): a whole ORG entity the
    # gazetteer knows is a candidate, with the scan's guards (in the report's country, or large)
    for ent in a.entities:
        if (
            ent.label == "ORG"
            and len(ent.text) >= 4
            and ent.text.lower() not in stop
            and fold(ent.text) in gaz.index
        ):
            spans.append((ent.start, ent.end, ent.text, False))
            taken.append((ent.start, ent.end))
    for m in _CAP_RUN.finditer(a.text):
        for s, e, text in _sub_ngrams(m.group(0), m.start()):
            if _overlaps(taken, s, e):
                continue
            if (
                _overlaps(blocked, s, e)
                and not _FEATURE_AFTER.match(a.text[e : e + 40])
                and not ((s, e) in blocked and _town_after_locative(a.text, s, text))
            ):
                # a name the text itself calls a district or province ("Balkh province") is a place
                # whatever spaCy tagged it (PERSON, NORP)
                continue
            words = text.split()
            if len(words) == 1 and (text.lower() in stop or len(text) < 4):
                continue
            if words[0].lower() in stop and len(words) > 1:
                continue
            if fold(text) in gaz.index:
                spans.append((s, e, text, False))
                taken.append((s, e))
    return sorted(spans)


def fold(text: str) -> str:
    """The gazetteer's name key (see :func:`frontlines.extract.gazetteer.fold`)."""
    return gz.fold(text)


def _resolve(
    a: Analysis,
    s: int,
    e: int,
    text: str,
    from_ner: bool,
    country: str | None,
    named: frozenset[str] | set[str] = frozenset(),
) -> tuple[Place, int] | None:
    """The place a span names (and the end offset, extended over a following "province"/"district").

    ``named``: the countries the report names; a place abroad in a country it does not name must be an
    exact match of a large town or a capital (country context dominates: "Mahaas" in a Somali report is
    no town in Jordan).
    """
    gaz = gz.get_gazetteer()
    after = a.text[e : e + 80]
    feature_m = _FEATURE_AFTER.match(after)
    query, end, near = text, e, None
    if feature_m:
        query, end = f"{text} {feature_m.group(1)}", e + feature_m.end()
        near_m = _NEAR_AFTER.match(a.text[end : end + 80])
        if near_m:
            near = f"{near_m.group(1)} {near_m.group(2)}"
    else:
        in_m = _IN_PROVINCE_AFTER.match(after)
        if in_m and fold(in_m.group(1)) != fold(text):
            near = f"{in_m.group(1)} {in_m.group(2)}"
    scored = gz.lookup(query, country, near=near, fuzzy=False) if country else []
    if not scored:
        scored = gz.lookup(query, near=near, fuzzy=False)
    if not scored:
        if near and feature_m and feature_m.group(1).lower() == "district":
            place = gz.geocode(query, country, near=near)
            if place is None or not gz.admin1_matches(place.admin1, None, near, country):
                return None
            return place, end
        return None
    scored = _prefer_named_province(a, scored)
    entry = gaz.entries[scored[0][1]]
    if _is_capital(entry) and entry[gz.CC] != country and _SPEAKS_AFTER.match(after):
        return None  # "Kigali has repeatedly denied": the government, not a place of the events
    if near and entry[gz.FEATURE] not in ("admin1", "country"):
        # "Khas district, Uruzgan province": the province the text states wins over a namesake elsewhere
        if not gz.admin1_matches(entry[gz.ADMIN1], None, near, entry[gz.CC]):
            return None
    if country and entry[gz.CC] != country and entry[gz.FEATURE] != "country":
        if feature_m:
            return None  # "Jadid district" in an Afghan report is no town in Morocco
        if entry[gz.FEATURE] == "populated place" and (entry[gz.POP] or 0) < _NER_MIN_POP:
            return None  # a village abroad is more likely a local name spaCy knows no better
        if entry[gz.CC] not in named and not _is_capital(entry):
            base = gz.split_feature(query)[0]
            kind = next((k for i, k in gaz.candidates(base) if i == scored[0][1]), None)
            if entry[gz.FEATURE] != "populated place" or kind not in (gz.EXACT_PRIMARY, gz.CURATED):
                # a province, district or alternate-name match in a country the report never names:
                # "North" (Cameroon), "Chahar" (an alternate name of Cairo), "Taraka" (Kenya's Tharaka)
                return None
            if (entry[gz.POP] or 0) < _SCAN_MIN_POP:
                return None
    if not from_ner:
        # guards for scan-only hits: stay in the report's country unless the place is big or administrative
        if (
            entry[gz.FEATURE] == "populated place"
            and entry[gz.CC] != country
            and (entry[gz.POP] or 0) < _SCAN_MIN_POP
        ):
            return None
        if entry[gz.FEATURE] in ("admin1", "admin2") and country and entry[gz.CC] != country:
            return None  # a foreign province or district named like a word ("Capital", "Jadid")
    return gaz.place(scored[0][1]), end


def _prefer_named_province(a: Analysis, scored: list[tuple[Any, int]]) -> list[tuple[Any, int]]:
    """Among equally good namesakes in different provinces (Sarobi in Kabul and in Paktika), the one in a
    province the report names ("east of Kabul", "in Paktika province") comes first."""
    if len(scored) < 2 or scored[1][0] != scored[0][0]:
        return scored
    gaz = gz.get_gazetteer()
    top = [x for x in scored if x[0] == scored[0][0]]
    if len({gaz.entries[i][gz.ADMIN1] for _, i in top}) < 2:
        return scored
    words = a.__dict__.get("_folded_words")
    if words is None:  # once per report: several names may need it
        words = a.__dict__["_folded_words"] = " ".join(fold(w) for w in re.findall(r"[^\W\d_]+", a.text))

    def named(x: tuple[Any, int]) -> bool:
        admin1 = gaz.entries[x[1]][gz.ADMIN1]
        key = " ".join(fold(w) for w in re.findall(r"[^\W\d_]+", admin1 or ""))
        return bool(key) and re.search(rf"(?<!\S){re.escape(key)}(?!\S)", words) is not None

    first = [x for x in top if named(x)]
    if not first:
        return scored
    return first + [x for x in scored if x not in first]


def find_places(analysis: Analysis) -> None:
    """Find and resolve the report's places; set its dominant country (ISO2)."""
    a = analysis
    spans = _candidate_spans(a)
    votes, named = _country_votes(a, spans)
    country = max(votes, key=votes.__getitem__) if votes else None  # the first of equals, as most_common
    if country and find_country(country) is None:
        country = None
    a.country_iso2 = country
    seen: dict[str, Place] = {}
    mentions: list[PlaceMention] = []
    last_end = -1
    for s, e, text, from_ner in spans:
        if s < last_end:
            continue  # inside a span already extended ("Kunduz Province")
        resolved = _resolve(a, s, e, text, from_ner, country, named)
        if resolved is None:
            continue
        place, end = resolved
        place = seen.setdefault(place.id, place)
        mentions.append(PlaceMention(place=place, start=s, end=end, text=a.text[s:end]))
        last_end = end
    a.place_mentions = mentions
    a.places = list(seen.values())
