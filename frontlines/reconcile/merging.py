"""Event merging: mentions of one happening in several reports become one canonical event.

The store keeps every extracted event as a *mention* (with the document it came from and that document's
syndication origin) and asks :func:`find_match` whether a new mention belongs to an existing canonical
event; :func:`summarise` then recomputes the canonical event's fields from all its mentions.  Everything
here is pure: dicts and dataclasses in, dicts and dataclasses out.

Independence: mentions that share an ``origin_key`` are copies of one report (see ``syndication``), so
they count once in ``sources_independent`` and once in the fatality rule.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from frontlines.data.loader import load_yaml, require
from frontlines.ids import short_hash
from frontlines.model import EVENT_TYPE_OF, disorder_type_of, interaction_code

FAMILIES_FILE = "event_families.yaml"
VAC_FAMILY = "violence_against_civilians"
# Modalities from strongest to weakest support for "it happened".
MODALITY_ORDER = ("asserted", "claimed", "denied", "hypothetical", "negated")
SUPPORTING = ("asserted", "claimed")
EARTH_RADIUS_KM = 6371.0088


# --- families -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Family:
    """A family of sub-event types that can describe the same happening (see ``event_families.yaml``)."""

    name: str
    priority: int
    merges_with: tuple[str, ...]
    sub_event_types: tuple[str, ...]


@lru_cache(maxsize=1)
def load_families() -> dict[str, Family]:
    """The families from ``frontlines/data/event_families.yaml``, validated (DataFileError when broken)."""
    data = load_yaml(FAMILIES_FILE)
    require(
        isinstance(data, dict) and isinstance(data.get("families"), dict),
        FAMILIES_FILE,
        "top level",
        "expected 'families:' mapping",
    )
    families: dict[str, Family] = {}
    seen: dict[str, str] = {}
    for name, entry in data["families"].items():
        where = f"family {name!r}"
        require(isinstance(entry, dict), FAMILIES_FILE, where, "expected a mapping")
        subs = entry.get("sub_event_types")
        require(
            isinstance(subs, list) and bool(subs),
            FAMILIES_FILE,
            where,
            "'sub_event_types' must be a non-empty list",
        )
        require(isinstance(entry.get("priority"), int), FAMILIES_FILE, where, "'priority' must be an integer")
        merges = entry.get("merges_with") or []
        require(isinstance(merges, list), FAMILIES_FILE, where, "'merges_with' must be a list")
        for sub in subs:
            require(sub in EVENT_TYPE_OF, FAMILIES_FILE, where, f"unknown ACLED sub-event type {sub!r}")
            require(sub not in seen, FAMILIES_FILE, where, f"{sub!r} is already in family {seen.get(sub)!r}")
            seen[sub] = name
        families[name] = Family(name, entry["priority"], tuple(merges), tuple(subs))
    for fam in families.values():
        for other in fam.merges_with:
            require(
                other in families,
                FAMILIES_FILE,
                f"family {fam.name!r}",
                f"merges_with unknown family {other!r}",
            )
            require(
                fam.name in families[other].merges_with,
                FAMILIES_FILE,
                f"family {fam.name!r}",
                f"merges_with {other!r} is not mutual",
            )
    missing = sorted(set(EVENT_TYPE_OF) - set(seen))
    require(not missing, FAMILIES_FILE, "families", f"sub-event types without a family: {missing}")
    return families


def family_of(sub_event_type: str) -> str:
    """The family name of an ACLED sub-event type ("other" for anything unknown)."""
    for fam in load_families().values():
        if sub_event_type in fam.sub_event_types:
            return fam.name
    return "other"


def families_related(a: str, b: str) -> bool:
    """True when mentions of families ``a`` and ``b`` may describe the same happening."""
    if a == b:
        return True
    fam = load_families().get(a)
    return bool(fam and b in fam.merges_with)


def _merge_group(family: str) -> str:
    # The uid must not depend on which related family founded the event ("fighting+territory").
    fam = load_families().get(family)
    return "+".join(sorted({family, *(fam.merges_with if fam else ())}))


# --- mentions and canonical summaries ---------------------------------------------------------------------


def _parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class EventMention:
    """One event as one report states it, with the document and syndication origin it came from."""

    mention_id: str
    document_key: str
    origin_key: str
    sub_event_type: str
    family: str
    event_date: date | None
    latitude: float | None
    longitude: float | None
    admin1: str | None
    iso3: str | None
    location: str | None
    actor1: str
    actor2: str
    fatalities: int
    fatalities_low: int | None
    fatalities_high: int | None
    modality: str
    historical: bool
    published: str | None
    # Extras carried into the canonical event (all optional).
    geo_precision: int | None = None
    time_precision: int | None = None
    country: str | None = None
    admin2: str | None = None
    inter1: int = 0
    inter2: int = 0
    assoc_actor_1: str = ""
    assoc_actor_2: str = ""
    civilian_fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None
    source: str | None = None
    notes: str = ""

    @classmethod
    def from_event(
        cls, event: dict[str, Any], document_key: str, origin_key: str, published: str | None
    ) -> EventMention:
        """A mention from the contract's event JSON found in the document ``document_key``."""
        sub = event.get("sub_event_type") or "Other"
        return cls(
            mention_id=event.get("id")
            or short_hash(document_key, sub, event.get("event_date"), event.get("location")),
            document_key=document_key,
            origin_key=origin_key or document_key,
            sub_event_type=sub,
            family=family_of(sub),
            event_date=_parse_date(event.get("event_date")),
            latitude=event.get("latitude"),
            longitude=event.get("longitude"),
            admin1=event.get("admin1"),
            iso3=event.get("iso3"),
            location=event.get("location"),
            actor1=event.get("actor1") or "",
            actor2=event.get("actor2") or "",
            fatalities=int(event.get("fatalities") or 0),
            fatalities_low=event.get("fatalities_low"),
            fatalities_high=event.get("fatalities_high"),
            modality=event.get("modality") or "asserted",
            historical=bool(event.get("historical")),
            published=published,
            geo_precision=event.get("geo_precision"),
            time_precision=event.get("time_precision"),
            country=event.get("country"),
            admin2=event.get("admin2"),
            inter1=int(event.get("inter1") or 0),
            inter2=int(event.get("inter2") or 0),
            assoc_actor_1=event.get("assoc_actor_1") or "",
            assoc_actor_2=event.get("assoc_actor_2") or "",
            civilian_fatalities=event.get("civilian_fatalities"),
            injured=event.get("injured"),
            arrested=event.get("arrested"),
            source=event.get("source"),
            notes=event.get("notes") or "",
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (dates as ``YYYY-MM-DD``)."""
        out = dataclasses.asdict(self)
        out["event_date"] = self.event_date.isoformat() if self.event_date else None
        return out


@dataclass
class CanonicalSummary:
    """What :func:`find_match` needs to know about an existing canonical event."""

    uid: str
    family: str
    sub_event_type: str
    event_date: date | None
    latitude: float | None
    longitude: float | None
    admin1: str | None
    iso3: str | None
    actor1: str
    actor2: str
    location: str | None = None
    geo_precision: int | None = None

    @classmethod
    def from_summary(cls, uid: str, summary: dict[str, Any]) -> CanonicalSummary:
        """Build from :func:`summarise` output (or a stored canonical event row)."""
        sub = summary.get("sub_event_type") or "Other"
        return cls(
            uid=uid,
            family=summary.get("family") or family_of(sub),
            sub_event_type=sub,
            event_date=_parse_date(summary.get("event_date")),
            latitude=summary.get("latitude"),
            longitude=summary.get("longitude"),
            admin1=summary.get("admin1"),
            iso3=summary.get("iso3"),
            actor1=summary.get("actor1") or "",
            actor2=summary.get("actor2") or "",
            location=summary.get("location"),
            geo_precision=summary.get("geo_precision"),
        )


def _as_mention(item: EventMention | dict[str, Any]) -> EventMention:
    if isinstance(item, EventMention):
        return item
    if "mention_id" in item:
        known = {f.name for f in dataclasses.fields(EventMention)}
        kw = {k: v for k, v in item.items() if k in known}
        kw["event_date"] = _parse_date(kw.get("event_date"))
        kw.setdefault("family", family_of(kw.get("sub_event_type") or "Other"))
        return EventMention(**kw)
    doc = item.get("document_key") or ""
    return EventMention.from_event(item, doc, item.get("origin_key") or doc, item.get("published"))


# --- matching -------------------------------------------------------------------------------------------


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^\w]+", " ", text).strip()


def _known_actor(name: str) -> str:
    # "Unidentified Armed Group (X)" says no more than an empty slot: it never blocks a match.
    n = _norm(name)
    return "" if not n or n.startswith("unidentified") else n


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _has_point(obj: Any) -> bool:
    # Province-level coordinates (geo_precision 3) are a centroid, not the place: compare by name instead.
    return obj.latitude is not None and obj.longitude is not None and (obj.geo_precision or 1) < 3


def _place_check(m: EventMention, c: CanonicalSummary, max_km: float) -> tuple[bool, float, str]:
    """(compatible, distance penalty 0..1, reason)."""
    if m.iso3 and c.iso3 and m.iso3 != c.iso3:
        return False, 1.0, f"different countries ({m.iso3} / {c.iso3})"
    names = f"({m.location or m.admin1 or '?'} / {c.location or c.admin1 or '?'})"
    if _has_point(m) and _has_point(c):
        km = haversine_km(m.latitude, m.longitude, c.latitude, c.longitude)  # type: ignore[arg-type]
        if km <= max_km:
            return True, km / max_km, f"places {km:.1f} km apart {names}"
        return False, 1.0, f"places {km:.1f} km apart {names}, more than {max_km:g} km"
    if m.location and c.location and _norm(m.location) == _norm(c.location):
        return True, 0.2, f"same place name: {m.location}"
    if m.admin1 and c.admin1:
        if _norm(m.admin1) != _norm(c.admin1):
            return False, 1.0, f"different provinces ({m.admin1} / {c.admin1})"
        return True, 0.6, f"same province, no exact point: {m.admin1} {names}"
    return False, 1.0, f"places cannot be compared {names}"


def _actors_check(m: EventMention, c: CanonicalSummary) -> tuple[bool, float, str]:
    """(compatible, bonus 0..1, reason).  In violence against civilians actor2 is always the victims."""
    m1, m2, c1, c2 = (_known_actor(x) for x in (m.actor1, m.actor2, c.actor1, c.actor2))
    shown = f"{m.actor1 or '?'}{' vs ' + m.actor2 if m.actor2 else ''} / {c.actor1 or '?'}{' vs ' + c.actor2 if c.actor2 else ''}"
    if VAC_FAMILY in (m.family, c.family):
        perp_ok = not m1 or not c1 or m1 == c1
        victims_ok = not m2 or not c2 or m2 == c2
        if perp_ok and victims_ok:
            return (
                True,
                0.5 * ((m1 == c1 != "") + (m2 == c2 != "")),
                f"actors compatible (victims as actor 2): {shown}",
            )
        return False, 0.0, f"actors differ (perpetrators or victims): {shown}"
    ms, cs = {m1, m2} - {""}, {c1, c2} - {""}
    shared = ms & cs
    if shared:
        return True, min(1.0, 0.5 * len(shared)), f"actors compatible: {shown}"
    if not ms or not cs:
        return True, 0.0, f"actors compatible, one side unknown: {shown}"
    if len(ms) == 1 and len(cs) == 1:
        # Each report names only one party (often the two sides of one fight): not evidence against.
        return True, 0.0, f"actors compatible, each names one party: {shown}"
    return False, 0.0, f"actors differ: {shown}"


def _compare(
    m: EventMention, c: CanonicalSummary, max_km: float, max_days: int
) -> tuple[bool, float, list[str]]:
    reasons: list[str] = []
    if not families_related(m.family, c.family):
        return False, math.inf, [f"different families: {m.family} / {c.family}"]
    reasons.append(
        f"same family: {m.family}" if m.family == c.family else f"related families: {m.family} / {c.family}"
    )
    if m.event_date is None or c.event_date is None:
        return False, math.inf, [*reasons, "date unknown"]
    days = abs((m.event_date - c.event_date).days)
    if days > max_days:
        return (
            False,
            math.inf,
            [*reasons, f"dates {m.event_date} and {c.event_date} more than {max_days} day(s) apart"],
        )
    reasons.append(f"dates {m.event_date} and {c.event_date}")
    ok, place_pen, why = _place_check(m, c, max_km)
    reasons.append(why)
    if not ok:
        return False, math.inf, reasons
    ok, actor_bonus, why = _actors_check(m, c)
    reasons.append(why)
    if not ok:
        return False, math.inf, reasons
    score = (
        place_pen
        + 0.5 * days / max(max_days, 1)
        - 0.3 * actor_bonus
        - (0.2 if m.sub_event_type == c.sub_event_type else 0.0)
    )
    return True, score, reasons


def find_match(
    mention: EventMention, candidates: list[CanonicalSummary], *, max_km: float = 25.0, max_days: int = 1
) -> tuple[str | None, list[str]]:
    """The uid of the canonical event this mention belongs to, and the reasons in words.

    A match needs: related families, dates within ``max_days``, places within ``max_km`` (or the same place
    name / province when a point is missing), and compatible actors (one shared, or one side unknown).  Among
    several matches the closest in place, then date, then actors wins.  Without a match the uid is None and
    the reasons say why the nearest candidate was refused (empty when there were no candidates).
    """
    best: tuple[float, str, list[str]] | None = None
    nearest_refusal: list[str] = []
    for cand in candidates:
        ok, score, reasons = _compare(mention, cand, max_km, max_days)
        if ok and (best is None or score < best[0]):
            best = (score, cand.uid, reasons)
        elif not ok and len(reasons) > len(nearest_refusal):
            nearest_refusal = [f"no match with {cand.uid}", *reasons]
    if best is None:
        return None, nearest_refusal
    return best[1], best[2]


# --- canonical identity ---------------------------------------------------------------------------------


def location_key(mention: EventMention | CanonicalSummary) -> str:
    """A stable key for where: country + normalised place name, else rounded coordinates, else province."""
    iso = mention.iso3 or ""
    if mention.location:
        return f"{iso}:{_norm(mention.location)}"
    if mention.latitude is not None and mention.longitude is not None:
        # Two decimals (about 1 km), like a gazetteer point: re-geocoding the same name gives the same key.
        return f"{iso}:{mention.latitude:.2f},{mention.longitude:.2f}"
    return f"{iso}:admin1:{_norm(mention.admin1)}"


def canonical_uid(mention: EventMention) -> str:
    """A stable uid for the happening a mention founds: family group, date, place key and sorted actors.

    Re-extracting the same reports gives the same uid, because nothing in it depends on ids, order of
    arrival or extractor internals.
    """
    actors = sorted({_known_actor(mention.actor1), _known_actor(mention.actor2)} - {""})
    day = mention.event_date.isoformat() if mention.event_date else ""
    return "ev_" + short_hash(_merge_group(mention.family), day, location_key(mention), *actors, length=20)


# --- summarising ----------------------------------------------------------------------------------------


def split_over_days(total: int, start: date, end: date) -> list[tuple[date, int]]:
    """ACLED's rule: a total over several days is split evenly over them (remainder to the earliest days)."""
    if end < start:
        start, end = end, start
    n = (end - start).days + 1
    base, extra = divmod(int(total), n)
    return [(start + timedelta(days=i), base + (1 if i < extra else 0)) for i in range(n)]


def _origins(ms: Iterable[EventMention]) -> set[str]:
    return {m.origin_key for m in ms}


def _lowest_credible(ms: Sequence[EventMention], attr: str) -> tuple[int | None, dict[str, int]]:
    """Per-origin figure (the largest among copies: a trimmed copy may lose the number) and the lowest across
    origins, asserted reports first (a party's own count is only used when nobody else gives one)."""
    per_origin: dict[str, int] = {}
    asserted: dict[str, int] = {}
    for m in ms:
        value = getattr(m, attr)
        if value is None or value <= 0:  # 0 is how "not reported" usually arrives
            continue
        per_origin[m.origin_key] = max(per_origin.get(m.origin_key, 0), int(value))
        if m.modality == "asserted":
            asserted[m.origin_key] = max(asserted.get(m.origin_key, 0), int(value))
    pool = asserted or per_origin
    return (min(pool.values()) if pool else None), per_origin


def _fatalities(ms: Sequence[EventMention]) -> tuple[int, int | None, int | None, str]:
    lowest, per_origin = _lowest_credible(ms, "fatalities")
    if lowest is None:
        return 0, None, None, "no fatalities reported"
    lows = [m.fatalities_low for m in ms if m.fatalities_low is not None] + list(per_origin.values())
    highs = [m.fatalities_high for m in ms if m.fatalities_high is not None] + list(per_origin.values())
    low, high = min(lows), max(highs)
    figures = ", ".join(str(v) for v in sorted(per_origin.values()))
    return lowest, low, high, f"fatalities {lowest}: lowest credible of {figures} (range {low}-{high})"


def _choose_type(ms: Sequence[EventMention]) -> tuple[str, str]:
    families = load_families()
    asserted = [m for m in ms if m.modality == "asserted"]
    pool = asserted or ms
    by_type: dict[str, list[EventMention]] = defaultdict(list)
    for m in pool:
        by_type[m.sub_event_type].append(m)

    def rank(sub: str) -> tuple[int, int, int, int]:
        fam = families.get(family_of(sub))
        specificity = -fam.sub_event_types.index(sub) if fam and sub in fam.sub_event_types else -99
        return (fam.priority if fam else 0, len(_origins(by_type[sub])), len(by_type[sub]), specificity)

    sub = max(sorted(by_type), key=rank)
    n = len(_origins(by_type[sub]))
    basis = "asserted" if asserted else "all"
    return sub, f"sub-event type {sub} ({n} of {len(_origins(pool))} {basis} source(s))"


def _choose_date(ms: Sequence[EventMention]) -> tuple[date | None, int | None, str]:
    support: dict[date, set[str]] = defaultdict(set)
    for m in ms:
        if m.event_date:
            support[m.event_date].add(m.origin_key)
    if not support:
        return None, None, "date unknown"
    most = max(len(v) for v in support.values())
    day = min(d for d, v in support.items() if len(v) == most)
    precisions = [m.time_precision for m in ms if m.event_date == day and m.time_precision]
    others = sorted(d.isoformat() for d in support if d != day)
    extra = f"; also reported: {', '.join(others)}" if others else ""
    return day, (min(precisions) if precisions else None), f"date {day} ({most} source(s)){extra}"


def _choose_place(ms: Sequence[EventMention]) -> EventMention:
    names = Counter(_norm(m.location) for m in ms if m.location)

    def rank(m: EventMention) -> tuple[int, int, int, int]:
        precision = m.geo_precision or (1 if m.location and m.latitude is not None else 3)
        return (
            precision,
            0 if m.latitude is not None else 1,
            -names.get(_norm(m.location), 0),
            0 if m.modality == "asserted" else 1,
        )

    return min(ms, key=rank)


def _choose_actors(ms: Sequence[EventMention]) -> EventMention:
    pairs: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for m in ms:
        pairs[tuple(sorted({_known_actor(m.actor1), _known_actor(m.actor2)} - {""}))].add(m.origin_key)

    def rank(m: EventMention) -> tuple[int, int, int]:
        key = tuple(sorted({_known_actor(m.actor1), _known_actor(m.actor2)} - {""}))
        return (len(key), len(pairs[key]), 1 if m.modality == "asserted" else 0)

    return max(ms, key=rank)


def _choose_modality(ms: Sequence[EventMention]) -> str:
    present = {m.modality for m in ms}
    return next((mod for mod in MODALITY_ORDER if mod in present), "asserted")


def summarise(mentions: Sequence[EventMention | dict[str, Any]]) -> dict[str, Any]:
    """The canonical event's fields (contract names) computed from all its mentions.

    - ``sub_event_type``: the highest-priority family's reading, then the one most independent sources give,
      then the most specific; asserted mentions outvote claimed ones.
    - ``event_date``: the date most independent sources give, the earliest on ties.
    - place: the most precise mention's; actors: the mention naming the most actors, then the pair most
      sources give (its order kept, so victims stay actor 2).
    - ``fatalities``: ACLED's lowest credible figure across independent sources (copies count once),
      ``fatalities_low``/``fatalities_high`` the full reported range.
    - ``sources_independent``: distinct origin keys; ``mentions``: number of mentions.
    - ``modality``: asserted if any source asserts it, else claimed, denied, hypothetical, negated.
    """
    ms = [_as_mention(m) for m in mentions]
    if not ms:
        raise ValueError("summarise() needs at least one mention")
    # Denials, threats and background mentions locate the happening but do not define what happened.
    supporting = [m for m in ms if m.modality in SUPPORTING and not m.historical] or ms
    sub, type_why = _choose_type(supporting)
    family = family_of(sub)
    day, time_precision, date_why = _choose_date(supporting)
    place = _choose_place(supporting)
    who = _choose_actors([m for m in supporting if families_related(m.family, family)] or supporting)
    fatalities, f_low, f_high, fat_why = _fatalities(supporting)
    civ, _ = _lowest_credible(supporting, "civilian_fatalities")
    injured, _ = _lowest_credible(supporting, "injured")
    arrested, _ = _lowest_credible(supporting, "arrested")
    origins = sorted(_origins(ms))
    event_type = EVENT_TYPE_OF.get(sub, "Strategic developments")
    civilian = event_type == "Violence against civilians" or (who.actor2 or "").startswith("Civilians")
    outlets = sorted({m.source for m in ms if m.source})
    notes = next((m.notes for m in supporting if m.notes and m.sub_event_type == sub), "") or next(
        (m.notes for m in ms if m.notes), ""
    )
    explanation = (
        f"{len(ms)} mention(s) from {len(origins)} independent source(s); {type_why}; {date_why}; "
        f"place from the most precise report: {place.location or place.admin1 or 'unknown'}; "
        f"actors: {who.actor1 or '?'}{' / ' + who.actor2 if who.actor2 else ''}; {fat_why}."
    )
    return {
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": time_precision or (1 if day else 3),
        "disorder_type": disorder_type_of(sub) if sub in EVENT_TYPE_OF else "Strategic developments",
        "event_type": event_type,
        "sub_event_type": sub,
        "family": family,
        "actor1": who.actor1,
        "assoc_actor_1": who.assoc_actor_1,
        "inter1": who.inter1,
        "actor2": who.actor2,
        "assoc_actor_2": who.assoc_actor_2,
        "inter2": who.inter2,
        "interaction": interaction_code(who.inter1, who.inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "country": place.country or next((m.country for m in ms if m.country), None),
        "iso3": place.iso3 or next((m.iso3 for m in ms if m.iso3), None),
        "admin1": place.admin1 or next((m.admin1 for m in ms if m.admin1), None),
        "admin2": place.admin2,
        "location": place.location,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geo_precision": place.geo_precision or (1 if place.latitude is not None and place.location else 3),
        "fatalities": fatalities,
        "fatalities_low": f_low,
        "fatalities_high": f_high,
        "civilian_fatalities": civ,
        "injured": injured,
        "arrested": arrested,
        "modality": _choose_modality(ms),
        "historical": all(m.historical for m in ms),
        "source": "; ".join(outlets) or None,
        "notes": notes,
        "sources_independent": len(origins),
        "mentions": len(ms),
        "origin_keys": origins,
        "document_keys": sorted({m.document_key for m in ms}),
        "mention_ids": [m.mention_id for m in ms],
        "merge_explanation": explanation,
    }
