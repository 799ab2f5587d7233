"""Who holds what: an event-sourced timeline of territorial control per place.

The input is a list of :class:`TerritoryObservation` — one per canonical territory event (a capture, a
retake, a handover) or per claim about one — and the output, per place, is a list of
:class:`ControlState` intervals.  The rule, in order of the observations' dates:

* An observation reported by at least one independent source (an outlet not affiliated with a party) is a
  *fact*: its taker becomes the holder and the place stops being contested.
* An observation known only from a party to the fight (a spokesman, a ministry, the group's own channel)
  is a *claim*.  If nobody is known to hold the place, the claimant's side becomes the holder with low
  confidence.  If the claim opposes the current holder (a retake claim against a capture), the place
  becomes *contested*: the holder stays set (the last holder), until a later fact settles it.
* Denials of a capture known only from claims also make the place contested (a denial names the taker
  whose capture it denies; a denial of someone who does not hold the place only adds evidence).
* Before its first observation, a place taken from an actor is held by that actor (the loser of the first
  capture), with no start date.
* Dates: an independent report counts from the day of the event it reports, even when published later (a
  later report can overturn an earlier state); a party's claim or denial counts from the day it was made
  (its publication), so a claim dated back cannot contest a state before anyone voiced it.  Observations are
  applied in order of that effective date, then of publication, facts before claims on the same day; so a
  ministry's claim of 12 August is overturned by an independent report of 13 August about the 12th.

Confidence combines the evidence behind the current state: each independent source adds weight 0.6,
each party claim 0.25 (``1 - prod(1 - w)``), capped at 0.95; a contested state halves it.  Syndicated
copies never count twice: callers pass the number of *independent* sources (distinct syndication origins).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

CAPTURE_TYPES = {
    "Non-state actor overtakes territory": "capture",
    "Government regains territory": "retake",
    "Non-violent transfer of territory": "transfer",
}
CONTRACT_FIELDS = (
    "place",
    "admin1",
    "country",
    "iso3",
    "latitude",
    "longitude",
    "holder",
    "since",
    "contested",
    "confidence",
    "sources",
)
INDEPENDENT_WEIGHT = 0.6
PARTY_WEIGHT = 0.25
MAX_CONFIDENCE = 0.95


@dataclass
class Evidence:
    """One piece of evidence behind a state: the quote, who said it, where and when it was published."""

    event_id: str | None
    claimant: str | None
    source: str | None
    published: str | None
    quote: str | None
    stance: str | None = None
    party: bool = False
    document: str | None = None  # the report's input id (or document key)


@dataclass
class TerritoryObservation:
    """A report (or a set of merged reports) that a place changed hands, or a claim or denial that it did."""

    place: str
    admin1: str | None
    country: str | None
    iso3: str | None
    latitude: float | None
    longitude: float | None
    date: dt.date
    taker: str | None
    loser: str | None = None
    kind: str = "capture"  # capture | retake | transfer | denial
    independent_sources: int = 0  # distinct non-party origins that assert it
    party_sources: int = 0  # distinct party-affiliated origins that claim it
    known_on: dt.date | None = None  # earliest publication date of a report telling it
    evidence: list[Evidence] = field(default_factory=list)
    place_id: str | None = None  # a stable place identity (geonameid, gazetteer id); else name + admin1

    @property
    def is_fact(self) -> bool:
        """True when an independent source asserts it (not only a party's claim)."""
        return self.independent_sources > 0 and self.kind != "denial"

    @property
    def effective(self) -> dt.date:
        """The day it takes effect: the event's day for a fact, the day it was voiced for a claim."""
        if self.is_fact or self.known_on is None:
            return self.date
        return max(self.date, self.known_on)

    @property
    def key(self) -> str:
        """The place key: ``place_id`` when known, else name, province and country, case-folded."""
        return self.place_id or place_key(self.place, self.admin1, self.iso3)


WHERE_FIELDS = ("place", "admin1", "country", "iso3", "latitude", "longitude")


def where_fields(item: Any) -> dict[str, Any]:
    """The place fields an observation, a report or a state carry alike."""
    return {name: getattr(item, name) for name in WHERE_FIELDS}


def place_key(place: str, admin1: str | None, iso3: str | None) -> str:
    """A stable key for a place across reports."""
    return "|".join(p.strip().casefold() for p in (place, admin1 or "", iso3 or ""))


@dataclass
class ControlState:
    """The control of one place over an interval ``[since, until)`` (``until`` None: still in force)."""

    place: str
    admin1: str | None
    country: str | None
    iso3: str | None
    latitude: float | None
    longitude: float | None
    holder: str | None
    since: dt.date | None
    until: dt.date | None
    contested: bool
    confidence: float
    sources: int
    evidence: list[Evidence] = field(default_factory=list)
    why: str = ""
    key: str = ""

    def covers(self, day: dt.date) -> bool:
        """True when the state is in force on a day."""
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)

    def to_contract(self) -> dict[str, object]:
        """The contract's ``frontlines control --format json`` item."""
        return {
            "place": self.place,
            "admin1": self.admin1,
            "country": self.country,
            "iso3": self.iso3,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "holder": self.holder,
            "since": self.since.isoformat() if self.since else None,
            "contested": self.contested,
            "confidence": round(self.confidence, 3),
            "sources": self.sources,
        }


def combine_confidence(independent: int, party: int) -> float:
    """1 - prod(1 - w) over the sources, capped; see the module docstring."""
    miss = (1 - INDEPENDENT_WEIGHT) ** independent * (1 - PARTY_WEIGHT) ** party
    return min(MAX_CONFIDENCE, 1 - miss)


def build_timelines(observations: Iterable[TerritoryObservation]) -> dict[str, list[ControlState]]:
    """Control timelines for every place, keyed by :func:`place_key`, each sorted by ``since``."""
    by_place: dict[str, list[TerritoryObservation]] = defaultdict(list)
    for ob in observations:
        by_place[ob.key].append(ob)
    return {key: _timeline(obs) for key, obs in by_place.items()}


def _timeline(observations: list[TerritoryObservation]) -> list[ControlState]:
    # Effective day, then publication, then facts before claims: a claim voiced after the day's fact
    # contests it; a fact known later than a same-day claim overturns the claim.
    obs = sorted(observations, key=lambda o: (o.effective, o.known_on or o.date, not o.is_fact))
    first = obs[0]
    states: list[ControlState] = []
    holder: str | None = None
    contested = False
    independent = party = 0
    evidence: list[Evidence] = []
    since: dt.date | None = None
    why = ""

    def close(day: dt.date) -> None:
        if states and states[-1].until is None and states[-1].since is not None and states[-1].since >= day:
            states.pop()  # a state replaced on its own first day never held
        elif states and states[-1].until is None:
            states[-1].until = day

    def open_state(day: dt.date | None) -> None:
        conf = combine_confidence(independent, party) * (0.5 if contested else 1.0)
        states.append(
            ControlState(
                **where_fields(first),
                holder=holder,
                since=day,
                until=None,
                contested=contested,
                confidence=conf,
                sources=independent,
                evidence=list(evidence),
                why=why,
                key=first.key,
            )
        )

    inferred = False  # the holder is only inferred (the loser of the first change), never reported
    captures = [o for o in obs if o.kind != "denial" and o.loser]
    if captures and captures[0].loser != captures[0].taker:
        holder, inferred = captures[0].loser, True
        why = f"held by {holder} before it was taken (the loser of the first reported change of hands)"
        open_state(None)
        states[-1].confidence = 0.3

    for ob in obs:
        day = ob.effective
        if ob.kind == "denial":
            denied_holder = ob.taker is None or ob.taker == holder
            if holder is not None and not inferred and independent == 0 and denied_holder and not contested:
                close(day)
                contested = True
                evidence = evidence + ob.evidence
                why = f"{holder}'s hold is known only from party claims and is denied"
                open_state(day)
            elif states:
                evidence = evidence + ob.evidence
                _refresh(states, independent, party, contested, evidence)
            continue
        if ob.is_fact:
            if ob.taker == holder and not contested:
                independent += ob.independent_sources
                party += ob.party_sources
                evidence = evidence + ob.evidence
                _refresh(states, independent, party, contested, evidence)
                continue
            close(day)
            changed = ob.taker != holder
            if changed:
                independent, party, evidence = ob.independent_sources, ob.party_sources, list(ob.evidence)
            else:
                independent += ob.independent_sources
                party += ob.party_sources
                evidence = evidence + ob.evidence
            holder, contested, since, inferred = ob.taker, False, day, False
            why = (
                f"{ob.kind} by {ob.taker} reported by {ob.independent_sources} independent source(s)"
                if changed
                else f"{ob.taker}'s hold confirmed by an independent report, settling the dispute"
            )
            open_state(since)
            continue
        # A claim by a party to the fight.
        if holder is None or inferred:
            close(day)
            holder, since, inferred = ob.taker, day, False
            independent, party, evidence = 0, ob.party_sources or 1, list(ob.evidence)
            why = f"{ob.kind} claimed by a party ({ob.taker}); no independent report yet"
            open_state(since)
        elif ob.taker != holder and contested:
            party += ob.party_sources or 1  # one more claim in a dispute already open
            evidence = evidence + ob.evidence
            _refresh(states, independent, party, contested, evidence)
        elif ob.taker != holder:
            close(day)
            contested = True
            party += ob.party_sources or 1
            evidence = evidence + ob.evidence
            why = f"{ob.taker} claims a {ob.kind} against {holder}'s hold; unresolved"
            open_state(day)
        else:
            party += ob.party_sources or 1
            evidence = evidence + ob.evidence
            _refresh(states, independent, party, contested, evidence)
    return states


def _refresh(
    states: list[ControlState], independent: int, party: int, contested: bool, evidence: list[Evidence]
) -> None:
    """More evidence for the state in force: update its confidence and evidence in place."""
    if not states:
        return
    st = states[-1]
    st.confidence = combine_confidence(independent, party) * (0.5 if contested else 1.0)
    st.sources = independent
    st.evidence = list(evidence)


def state_on(timeline: list[ControlState], day: dt.date) -> ControlState | None:
    """The state in force on a day, or None when the place's control is unknown then."""
    for st in timeline:
        if st.covers(day):
            return st
    return None


def states_on(timelines: dict[str, list[ControlState]], day: dt.date) -> list[ControlState]:
    """Every place's state on a day (places unknown on that day are left out), sorted by place."""
    out = [st for tl in timelines.values() if (st := state_on(tl, day)) is not None]
    return sorted(out, key=lambda s: (s.iso3 or "", s.admin1 or "", s.place))


def changes_between(
    timelines: dict[str, list[ControlState]], start: dt.date, end: dt.date
) -> list[ControlState]:
    """States that began within ``[start, end]``: the changes of a period, in date order."""
    out = [st for tl in timelines.values() for st in tl if st.since is not None and start <= st.since <= end]
    return sorted(out, key=lambda s: (s.since or dt.date.min, s.place))
