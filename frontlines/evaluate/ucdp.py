"""Geocoding evaluation on UCDP GED rows: does ``where_description`` resolve to the right point and province?

Reads a GED CSV (``where_description``, ``country``, ``latitude``, ``longitude``, ``where_prec``, ``adm_1``)
at run time; no row is ever copied into the project.  ``frontlines eval ucdp PATH`` calls :func:`main`.
"""

from __future__ import annotations

import csv
import math
import re
import sys
from pathlib import Path
from typing import Any

from frontlines.errors import InputError
from frontlines.extract.countries import also_covers, find_country
from frontlines.extract.gazetteer import (
    admin1_matches,
    clean_admin_name,
    fold,
    geocode,
    get_gazetteer,
    split_feature,
)
from frontlines.model import Place

# Words that describe a place rather than name it; dropped from a description's pieces.
_NOISE = re.compile(
    r"\b(the|a|an|vicinity|outskirts|area|areas|surroundings|near|nearby|around|close to|outside|inside|"
    r"centre|center|downtown|old|new city|countryside|rural|suburbs?|neighbou?rhood|quarter|camp|"
    r"northern|southern|eastern|western|north|south|east|west|north-?east|north-?west|south-?east|"
    r"south-?west|central|part|parts|km|kms|kilometers?|kilometres?|miles?|barangay|sitio|purok|"
    r"hamlet|locality|location|road|highway|checkpoint|market|mosque|base|border|crossing|"
    r"village|town|city|settlement|neighborhood|municipality|sector|groupement|chiefdom|"
    r"tehsil|thesil|tehseel|sub-?district|subdistrict|upazila|lga|zone|valley|mountains?|hills?|forest|river|"
    r"region|district|province|governorate|state|county|department|prefecture|oblast|territory|commune|"
    r"at|on|by|and|between|from|to|in|of|near)\b",
    re.I,
)
_ADMIN_WORD = re.compile(
    r"\b(province|governorate|state|region|oblast|department|prefecture|district|county|municipality|"
    r"territory|lga|commune|tehsil|thesil)\b",
    re.I,
)


_COUNTRYSIDE = re.compile(
    r"\b(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+)?"
    r"(?:countryside|suburbs|outskirts|rural\s+areas?)\s+of\s+([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)"
)
_COUNTRYSIDE_AFTER = re.compile(r"\b([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\s+(?:countryside|suburbs)\b")
_LABEL = re.compile(
    r"\b(?:DEPARTMENT|MUNICIPALITY|PROVINCE|DISTRICT|Tabia|Woreda|Zone|Region|State|Kebele|wilaya)\s*:\s*",
    re.I,
)


_SUBCITY = re.compile(
    r"\b(neighbou?rhoods?|suburb|quarter|colonia|barrio|bairro|street|rua|avenue|township|subdivision|"
    r"fraccionamiento|sector|block|ward)\b",
    re.I,
)


def _normalise(text: str) -> str:
    """Flatten a description: newlines to commas, "the countryside of Hama" to "Hama province"."""
    text = (text or "").replace("’", "'")
    text = re.sub(r"\s*[\r\n]+\s*", ", ", text)
    text = _LABEL.sub(", ", text)
    text = _COUNTRYSIDE.sub(lambda m: f", {m.group(1)} province,", text)
    text = _COUNTRYSIDE_AFTER.sub(lambda m: f"{m.group(1)} province", text)
    return text


def description_pieces(text: str) -> list[tuple[str, str | None]]:
    """Candidate names in a description, most specific first, each with the feature its words suggest."""
    text = _normalise(text)
    text = re.sub(r"\([^)]*\)", ",", text)
    text = re.sub(r"['’]s\b", ",", text)  # "Srinagar's old city" -> "Srinagar"
    text = re.sub(r"\d+(\.\d+)?\s*(km|kms|kilometers?|kilometres?|miles?)\b", ",", text, flags=re.I)
    parts = re.split(
        r"[,;:\t/]|\s+-\s+|\b(?:in|of|near|between|and|from|to|at|outside|within|under|towards?|direction)\b",
        text,
    )
    out: list[tuple[str, str | None]] = []
    for part in parts:
        if not part or not part.strip():
            continue
        m = _ADMIN_WORD.search(part)
        feature = None
        if _SUBCITY.search(part):
            feature = "subcity"  # a neighbourhood or street: inside the town the description also names
        elif m:
            feature = {
                "district": "admin2",
                "county": "admin2",
                "municipality": "admin2",
                "territory": "admin2",
                "lga": "admin2",
                "commune": "admin2",
                "tehsil": "admin2",
                "thesil": "admin2",
            }.get(m.group(1).lower(), "admin1")
        raw = re.sub(r"\s+", " ", re.sub(r"[^\w'\- ]", " ", part)).strip(" -'")
        if raw and len(raw.split()) <= 4 and raw[0].isupper() and not _NOISE.fullmatch(raw.split()[-1]):
            out.append((raw, None))
        name = _NOISE.sub(" ", part)
        name = re.sub(r"[^\w'\- ]", " ", name)
        name = re.sub(r"\s+", " ", name).strip(" -'")
        if len(name) < 3 or not any(ch.isupper() for ch in name) and not name.isalpha():
            continue
        if (name, None) in out:
            out.remove((name, None))
        out.append((name, feature))
    return out


def _resolve_piece(name: str, feature: str | None, countries: list[str], near: str | None) -> Place | None:
    feature = None if feature == "subcity" else feature
    query = f"{name} province" if feature == "admin1" else f"{name} district" if feature == "admin2" else name
    for cc in countries if countries else [None]:
        place = geocode(query, cc, near=near)
        if place is None and feature:
            place = geocode(name, cc, near=near)
        if place is not None:
            return place
    return None


def _province_named(name: str, feature: str | None, cc: str | None) -> Place | None:
    """The province a piece names ("Hama", "Idlib governorate"), when it names one; else None."""
    if feature == "admin2" or not cc:
        return None
    gaz = get_gazetteer()
    eid = gaz.admin1_ids.get((cc, fold(clean_admin_name(name))))
    return gaz.place(eid) if eid is not None else None


def _countries(country: str | None) -> list[str]:
    c = find_country(country) if country else None
    return [c.iso2, *also_covers(c.iso2)] if c else []


def geocode_description(text: str, country: str | None) -> Place | None:
    """The most specific place a GED-style description names, kept inside the province it also names.

    Pieces that name a province ("Aleppo: Afrin", "Salma town in Lattakia countryside") give the context
    and are used themselves only when nothing more specific resolves; the other pieces are resolved inside
    that province.  Towns beat districts beat provinces; an unknown village in a named district gives the
    district.
    """
    pieces = description_pieces(text)
    if not pieces:
        return None
    countries = _countries(country)
    cc = countries[0] if countries else None
    provinces = [_province_named(n, f, cc) for n, f in pieces]
    context = next((p.name for p in reversed(provinces) if p is not None), None)
    alone = [_resolve_piece(n, f, countries, None) for n, f in pieces]
    if context is None:
        context = next(
            (
                p.admin1
                for p in reversed(alone)
                if p is not None and p.feature in ("admin1", "admin2") and p.admin1
            ),
            None,
        )
    best: Place | None = None
    fallback: Place | None = None
    subcity: Place | None = None
    for (name, feature), first, prov in zip(pieces, alone, provinces, strict=True):
        if feature == "subcity" and len(pieces) > 1:
            if subcity is None and first is not None:
                subcity = first if not context else _resolve_piece(name, feature, countries, context)
            continue  # a neighbourhood's name is often a town's elsewhere: the enclosing town first
        place = _resolve_piece(name, feature, countries, context) if context else first
        if place is None:
            continue
        if (
            context
            and place.admin1
            and place.feature != "admin1"
            and not admin1_matches(place.admin1, None, context, cc)
        ):
            continue  # a same-named place in another province than the description names (or its successors)
        if prov is not None and len(pieces) > 1:
            fallback = fallback or (place if feature is None else prov)
            continue  # the province's own name: context, not the answer, while other pieces remain
        if place.feature == "populated place":
            return place
        if best is None or _rank(place) < _rank(best):
            best = place
    if best is None and subcity is not None:
        if not context or not subcity.admin1 or admin1_matches(subcity.admin1, None, context, cc):
            return subcity
    if best is None and fallback is not None:
        return fallback
    if best is None and context:
        return next((p for p in alone if p is not None and p.admin1 == context), None)
    return best


def _rank(place: Place) -> int:
    return {"populated place": 0, "admin2": 1, "admin1": 2, "country": 3}.get(place.feature, 4)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def same_admin1(place: Place, gold: str, country: str | None) -> bool:
    """Loose province comparison (see :func:`frontlines.extract.gazetteer.admin1_matches`)."""
    c = find_country(country) if country else None
    cc = c.iso2 if c else None
    if place.iso3 and c and place.iso3 != c.iso3:
        other = find_country(place.iso3)
        cc = other.iso2 if other else cc
    admin1 = place.admin1 or (place.name if place.feature == "admin1" else None)
    return admin1_matches(admin1, place.admin2, gold, cc)


def evaluate_ucdp(path: str, limit: int | None = None) -> dict[str, Any]:
    """Geocode each row's ``where_description`` in its country and score it against the row's coordinates.

    Returns n, ``within_25km`` (share, on rows with ``where_prec`` 1 or 2), ``admin1_accuracy`` (share of
    rows with an ``adm_1``), counts, and ``failures`` (lists of dicts) for error analysis.
    """
    p = Path(path)
    if not p.exists():
        raise InputError("UCDP GED file not found", source=path)
    with p.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for col in ("where_description", "country", "latitude", "longitude", "where_prec", "adm_1"):
        if rows and col not in rows[0]:
            raise InputError(f"missing column {col!r}", source=path)
    if limit is not None:
        rows = rows[:limit]
    near_n = near_ok = a1_n = a1_ok = resolved = 0
    dist_fail: list[dict[str, Any]] = []
    a1_fail: list[dict[str, Any]] = []
    for row in rows:
        place = geocode_description(row["where_description"], row["country"] or None)
        resolved += place is not None
        if row["where_prec"] in ("1", "2"):
            near_n += 1
            d = None
            if place is not None and place.latitude is not None and place.longitude is not None:
                d = haversine_km(
                    place.latitude, place.longitude, float(row["latitude"]), float(row["longitude"])
                )
            if d is not None and d <= 25.0:
                near_ok += 1
            else:
                dist_fail.append(
                    {
                        "description": row["where_description"],
                        "country": row["country"],
                        "got": place.name if place else None,
                        "feature": place.feature if place else None,
                        "km": round(d, 1) if d is not None else None,
                    }
                )
        if row["adm_1"].strip():
            a1_n += 1
            if place is not None and same_admin1(place, row["adm_1"], row["country"]):
                a1_ok += 1
            else:
                a1_fail.append(
                    {
                        "description": row["where_description"],
                        "country": row["country"],
                        "gold": row["adm_1"],
                        "got": place.admin1 if place else None,
                    }
                )
    return {
        "n": len(rows),
        "resolved": resolved,
        "prec12_n": near_n,
        "within_25km": near_ok / near_n if near_n else 0.0,
        "admin1_n": a1_n,
        "admin1_accuracy": a1_ok / a1_n if a1_n else 0.0,
        "failures": {"distance": dist_fail, "admin1": a1_fail},
    }


def classify_failures(path: str, limit: int | None = None) -> dict[str, int]:
    """Counted causes of the failing rows (too far on where_prec 1-2, or wrong province), for docs/geocoding.md.

    A failure's cause is read off the gazetteer: is there an entry within 25 km of UCDP's point whose name
    (folded, or fuzzy >= 85) is one of the description's pieces?  If so the right place was in the data and
    parsing or disambiguation missed it; if not, the name is missing (a village, a neighbourhood, free text).
    """
    import numpy as np
    from rapidfuzz import fuzz

    from frontlines.extract import gazetteer as gz

    with Path(path).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:limit]
    g = get_gazetteer()
    lat = np.array([e[gz.LAT] if e[gz.LAT] is not None else np.nan for e in g.entries])
    lon = np.array([e[gz.LON] if e[gz.LON] is not None else np.nan for e in g.entries])
    names: dict[int, set[str]] = {}
    for k in g.index:
        for v in g.codes(k):
            names.setdefault(v >> 3, set()).add(k)
    causes: dict[str, int] = {}
    for r in rows:
        desc, prec12 = r["where_description"], r["where_prec"] in ("1", "2")
        p = geocode_description(desc, r["country"] or None)
        glat, glon = float(r["latitude"]), float(r["longitude"])
        d = (
            haversine_km(p.latitude, p.longitude, glat, glon)
            if p and p.latitude is not None and p.longitude is not None
            else None
        )
        has_a1 = bool(r["adm_1"].strip())
        a1ok = has_a1 and p is not None and same_admin1(p, r["adm_1"], r["country"])
        distok = d is not None and d <= 25.0
        if (not prec12 or distok) and (not has_a1 or a1ok):
            continue
        keys = {fold(x) for n, _f in description_pieces(desc) for x in (n, split_feature(n)[0]) if fold(x)}
        km = 6371 * np.sqrt(
            np.radians(lat - glat) ** 2 + (np.cos(np.radians(glat)) * np.radians(lon - glon)) ** 2
        )
        in_data = any(
            k in names.get(int(i), ())
            or any(len(k) >= 4 and fuzz.ratio(k, n) >= 85 for n in names.get(int(i), ()))
            for i in np.where(km <= 25.0)[0]
            for k in keys
        )
        admin = p is not None and p.feature in ("admin1", "admin2")
        if not desc.strip():
            c = "empty description"
        elif prec12 and distok:
            c = "right place, province named differently"
        elif not prec12:
            c = "where_prec 3+: nothing resolved" if p is None else "where_prec 3+: wrong province"
        elif p is None:
            c = (
                "not found: name in the data (parsing/lookup)"
                if in_data
                else "not found: name not in the data"
            )
        elif in_data:
            c = (
                "province/district returned, town in the data"
                if admin
                else "wrong place, right one in the data"
            )
        else:
            c = (
                "province/district centroid, town not in the data"
                if admin
                else "same-name place, town not in the data"
            )
        causes[c] = causes.get(c, 0) + 1
    return dict(sorted(causes.items(), key=lambda kv: -kv[1]))


def main(path: str | None = None, limit: int | None = None, show_failures: int = 0) -> int:
    """Print the figures (and optionally some failures); returns an exit status."""
    import time

    path = path or (sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ucdp/ged_sample_dev.csv")
    t0 = time.perf_counter()
    res = evaluate_ucdp(path, limit)
    secs = time.perf_counter() - t0
    print(f"rows: {res['n']}  resolved: {res['resolved']}  ({secs:.1f} s)")
    print(f"within 25 km (where_prec 1-2, n={res['prec12_n']}): {res['within_25km']:.3f}")
    print(f"admin1 right (n={res['admin1_n']}): {res['admin1_accuracy']:.3f}")
    for kind in ("distance", "admin1"):
        for f in res["failures"][kind][:show_failures]:
            print(kind, f)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "causes":
        for cause, count in classify_failures(sys.argv[1]).items():
            print(f"{count:4d}  {cause}")
        raise SystemExit(0)
    raise SystemExit(main(show_failures=int(sys.argv[2]) if len(sys.argv) > 2 else 0))
