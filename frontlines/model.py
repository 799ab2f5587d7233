"""Typed results of extraction.  Field names follow ``CONTRACT.md`` (and so ACLED's CSV columns).

Every class serialises with :meth:`to_dict` to exactly the JSON the contract fixes; ``Result.from_dict``
reads it back (the store and the engines pass results around as dicts).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

Feature = Literal["populated place", "admin1", "admin2", "country", "other"]
Modality = Literal["asserted", "claimed", "denied", "hypothetical", "negated"]
Stance = Literal["asserts", "claims", "denies", "disputes"]
ClaimantKind = Literal["actor", "speaker", "outlet"]


@dataclass
class Evidence:
    """A stretch of the report's text an event or claim was read from; offsets index ``Result.text``."""

    text: str
    start: int
    end: int


@dataclass
class Speaker:
    """A person quoted or interviewed; ``aliases`` keeps every other spelling seen in the report."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    organization: str | None = None


@dataclass
class Actor:
    """A group or force, by its canonical name; ``inter`` is the ACLED code on the report's date."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    inter: int = 0
    iso3: str | None = None


@dataclass
class Place:
    """A resolved place; ``feature`` says whether it is a town, a province (admin1), a district or a country."""

    id: str
    name: str
    latitude: float | None
    longitude: float | None
    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    geonameid: int | None
    feature: Feature = "populated place"


@dataclass
class Event:
    """One event in the ACLED taxonomy (see CONTRACT.md, "An event")."""

    id: str
    event_date: str | None
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str = ""
    actor2: str = ""
    assoc_actor_1: str = ""
    assoc_actor_2: str = ""
    inter1: int = 0
    inter2: int = 0
    interaction: int = 0
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    fatalities: int = 0
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    civilian_fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None
    civilian_targeting: str = ""
    modality: Modality = "asserted"
    historical: bool = False
    claims: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    source: str | None = None
    notes: str = ""


@dataclass
class Claim:
    """Who says what about which event (or about a figure, with ``event`` null)."""

    id: str
    claimant: str
    claimant_kind: ClaimantKind
    stance: Stance
    event: str | None
    text: str
    start: int
    end: int
    contradicts: list[str] = field(default_factory=list)


@dataclass
class Result:
    """The contract's result for one report."""

    id: str
    text: str
    language: str | None
    published: str | None
    speakers: list[Speaker] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Extras beyond the contract (allowed: "developers may add fields").
    title: str | None = None
    url: str | None = None
    source: str | None = None
    document_key: str | None = None
    extractor_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict the contract fixes."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        """Rebuild a result from :meth:`to_dict` output (unknown keys are ignored)."""
        known = {f.name for f in dataclasses.fields(cls)}
        kw = {k: v for k, v in data.items() if k in known}
        kw["speakers"] = [_build(Speaker, s) for s in data.get("speakers") or []]
        kw["actors"] = [_build(Actor, a) for a in data.get("actors") or []]
        kw["places"] = [_build(Place, p) for p in data.get("places") or []]
        kw["claims"] = [_build(Claim, c) for c in data.get("claims") or []]
        events = []
        for e in data.get("events") or []:
            ev = _build(Event, e)
            ev.evidence = [_build(Evidence, x) for x in e.get("evidence") or []]
            events.append(ev)
        kw["events"] = events
        return cls(**kw)


def _build(cls: Any, data: dict[str, Any]) -> Any:
    known = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in known})


# The ACLED taxonomy: event type -> sub-event types, and disorder type by event type.
TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in TAXONOMY.items() for sub in subs}


def disorder_type_of(sub_event_type: str) -> str:
    """ACLED's disorder type for a sub-event type."""
    event_type = EVENT_TYPE_OF[sub_event_type]
    if sub_event_type == "Excessive force against protesters":
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED interaction: the two codes, smaller first; a lone actor gives inter1 * 10."""
    if not inter2:
        return inter1 * 10
    if not inter1:
        return inter2 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b
