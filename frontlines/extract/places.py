"""Place mentions: spaCy's place entities plus a scan of capitalised words against the gazetteer.

spaCy's small model misses many Afghan, Syrian or Somali names, so every run of capitalised words is also
looked up; those scan-only hits are guarded (no person names, no common words, only places in the report's
own country unless they are large or provinces/countries).  Fills ``analysis.place_mentions``,
``analysis.places`` and ``analysis.country_iso2``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

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


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < be and bs < e for bs, be in spans)


def _country_votes(a: Analysis, spans: list[tuple[int, int, str, bool]]) -> Counter[str]:
    """Votes for the report's country: places named (1 each, countries 2) and nationality words (0.5)."""
    votes: Counter[str] = Counter()
    gaz = gz.get_gazetteer()
    for _s, _e, text, _from_ner in spans:
        scored = gz.lookup(text, fuzzy=False)
        if scored:
            e = gaz.entries[scored[0][1]]
            # a country, or a name the text itself calls a province ("Baghlan province"), is strong evidence
            strong = e[gz.FEATURE] == "country" or (
                e[gz.FEATURE] == "admin1" and _FEATURE_AFTER.match(a.text[_e : _e + 40]) is not None
            )
            votes[e[gz.CC]] += 2.0 if strong else 1.0
    table = nationalities()
    for m in re.finditer(r"\b[A-Z][a-zé]+(?:\s[A-Z][a-z]+)?\b", a.text):
        iso2 = table.get(m.group(0)) or table.get(m.group(0).split()[0])
        if iso2:
            votes[iso2] += 0.5
    return votes


def _candidate_spans(a: Analysis) -> list[tuple[int, int, str, bool]]:
    """(start, end, text, from_ner) for place entities and for capitalised runs the gazetteer knows."""
    gaz = gz.get_gazetteer()
    stop = _not_places()
    spans: list[tuple[int, int, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for ent in a.entities:
        if ent.label in _PLACE_LABELS:
            text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
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
            if _overlaps(blocked, s, e) and not _FEATURE_AFTER.match(a.text[e : e + 40]):
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
    a: Analysis, s: int, e: int, text: str, from_ner: bool, country: str | None
) -> tuple[Place, int] | None:
    """The place a span names (and the end offset, extended over a following "province"/"district")."""
    gaz = gz.get_gazetteer()
    after = a.text[e : e + 80]
    feature_m = _FEATURE_AFTER.match(after)
    query, end, near = text, e, None
    if feature_m:
        query, end = f"{text} {feature_m.group(1)}", e + feature_m.end()
        near_m = _NEAR_AFTER.match(a.text[end : end + 80])
        if near_m:
            near = f"{near_m.group(1)} {near_m.group(2)}"
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
    entry = gaz.entries[scored[0][1]]
    if near and entry[gz.FEATURE] not in ("admin1", "country"):
        # "Khas district, Uruzgan province": the province the text states wins over a namesake elsewhere
        if not gz.admin1_matches(entry[gz.ADMIN1], None, near, entry[gz.CC]):
            return None
    if country and entry[gz.CC] != country and entry[gz.FEATURE] != "country":
        if feature_m:
            return None  # "Jadid district" in an Afghan report is no town in Morocco
        if entry[gz.FEATURE] == "populated place" and (entry[gz.POP] or 0) < _NER_MIN_POP:
            return None  # a village abroad is more likely a local name spaCy knows no better
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


def find_places(analysis: Analysis) -> None:
    """Find and resolve the report's places; set its dominant country (ISO2)."""
    a = analysis
    spans = _candidate_spans(a)
    votes = _country_votes(a, spans)
    country = votes.most_common(1)[0][0] if votes else None
    if country and find_country(country) is None:
        country = None
    a.country_iso2 = country
    seen: dict[str, Place] = {}
    mentions: list[PlaceMention] = []
    last_end = -1
    for s, e, text, from_ner in spans:
        if s < last_end:
            continue  # inside a span already extended ("Kunduz Province")
        resolved = _resolve(a, s, e, text, from_ner, country)
        if resolved is None:
            continue
        place, end = resolved
        place = seen.setdefault(place.id, place)
        mentions.append(PlaceMention(place=place, start=s, end=end, text=a.text[s:end]))
        last_end = end
    a.place_mentions = mentions
    a.places = list(seen.values())
