"""Who did it to whom: actor 1 and actor 2 of an event, with their ACLED inter codes on the event date.

The actor mentions come from the actors step; the parse (agent and patient of the trigger verb) orders
them.  Generic actors follow ACLED's conventions: victims in Violence against civilians are
``Civilians (<Country>)`` when unnamed, demonstrators ``Protesters (<Country>)`` / ``Rioters (<Country>)``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from frontlines.extract.mentions import ActorMention, Analysis, Sentence
from frontlines.model import EVENT_TYPE_OF

try:  # the actors step's public helpers (may still be a placeholder)
    from frontlines.extract import actors as _actors_mod
except ImportError:  # pragma: no cover
    _actors_mod = None  # type: ignore[assignment]


# Doers the report leaves unnamed: the event's actor 1 is an unidentified armed group.
_UNNAMED_ATTACKERS = {
    "bomber",
    "gunman",
    "gunmen",
    "attacker",
    "assailant",
    "man",
    "men",
    "militant",
    "insurgent",
    "terrorist",
    "fighter",
    "unknown",
    "suspect",
}


_TERRITORY_TYPES = {
    "Non-violent transfer of territory",
    "Non-state actor overtakes territory",
    "Government regains territory",
}
_LEAVE_VERBS = {"withdraw", "retreat", "leave", "abandon", "evacuate", "flee", "pull", "surrender", "hand"}

# Event types where an unnamed doer is coded as an unidentified armed group.
_UNNAMED_TYPES = {"Explosions/Remote violence", "Violence against civilians"}


@dataclass
class Sides:
    """Actor 1 and actor 2 (canonical names, "" when none) and their inter codes."""

    actor1: str = ""
    inter1: int = 0
    actor2: str = ""
    inter2: int = 0


def inter_on(name: str, fallback: int, date: dt.date | None, country_iso2: str | None = None) -> int:
    """The actor's inter code on the event date (the Taliban were 2 until 14 Aug 2021, 1 after); with the
    country the event is in, a state's forces abroad are external forces (8)."""
    fn = getattr(_actors_mod, "inter_on", None)
    if fn is not None and date is not None:
        try:
            value = fn(name, date, country_iso2=country_iso2)
        except Exception:  # a lookup failure must not lose the event
            value = None
        if isinstance(value, int) and value:
            return value
    return fallback


def mention_at(mentions: list[ActorMention], sent_start: int, token: Any) -> ActorMention | None:
    """The actor mention covering a token or its subtree (character offsets in the report)."""
    if token is None:
        return None
    lo = sent_start + min(t.idx for t in token.subtree)
    hi = sent_start + max(t.idx + len(t.text) for t in token.subtree)
    inside = [m for m in mentions if m.start < hi and m.end > lo]
    if not inside:
        return None
    head = sent_start + token.idx
    return min(inside, key=lambda m: abs(m.start - head))


def country_name(a: Analysis, place_country: str | None) -> str | None:
    """The country named in generic actors: the event place's, else the report's."""
    if place_country:
        return place_country
    if a.country_iso2:
        try:
            from frontlines.extract.countries import find_country

            c = find_country(a.country_iso2)
            return c.name if c else None
        except Exception:
            return None
    return None


def _corefer(a: Analysis, m: ActorMention) -> ActorMention:
    """ "The insurgents", "the militants" (an unidentified armed group) in a report about one named armed
    group are that group."""
    if not m.actor.name.startswith("Unidentified Armed Group"):
        return m
    named = {
        x.actor.name
        for x in a.actor_mentions
        if x.actor.inter in (2, 3, 4) and not x.actor.name.startswith("Unidentified")
    }
    if len(named) != 1:
        return m
    group = _main_armed_group(a)
    return ActorMention(group.actor, m.start, m.end, m.text) if group is not None else m


def _main_armed_group(a: Analysis) -> ActorMention | None:
    """The non-state armed group the report names most (None when it names none)."""
    groups = [
        m
        for m in a.actor_mentions
        if m.actor.inter in (2, 3, 4) and not m.actor.name.startswith("Unidentified")
    ]
    if not groups:
        return None
    counts: dict[str, int] = {}
    for m in groups:
        counts[m.actor.name] = counts.get(m.actor.name, 0) + 1
    best = max(counts, key=lambda n: counts[n])
    return next(m for m in groups if m.actor.name == best)


def is_state(mention: ActorMention) -> bool:
    """Is the actor a state force (inter 1)?"""
    return mention.actor.inter == 1


def sides(
    a: Analysis,
    s: Sentence,
    sub_event_type: str,
    agent: Any,
    patient: Any,
    context_mentions: list[ActorMention],
    country: str | None,
    date: dt.date | None,
    trigger_at: int | None = None,
    exclude: list[tuple[int, int]] | None = None,
) -> Sides:
    """Actor 1 and 2 for an event read from sentence ``s``.

    ``agent``/``patient`` are the trigger verb's parse tokens (or None); ``trigger_at`` the trigger's
    offset in the report (actors named before it are candidate doers, after it candidate targets);
    ``exclude`` spans of attribution ("the army said") whose actors speak rather than take part.
    """
    exclude = exclude or []
    mentions = [
        _corefer(a, m)
        for m in a.in_sentence(a.actor_mentions, s)
        if not any(lo <= m.start and m.end <= hi for lo, hi in exclude)
    ]
    context_mentions = [_corefer(a, m) for m in context_mentions]
    event_type = EVENT_TYPE_OF[sub_event_type]
    where = f" ({country})" if country else ""
    at = trigger_at if trigger_at is not None else s.end
    doer = mention_at(mentions, s.start, agent)
    target = mention_at(mentions, s.start, patient)
    before = [m for m in mentions if m.start < at]
    after = [m for m in mentions if m.start >= at]
    if doer is None and agent is not None and agent.pos_ == "PRON":
        # "The Taliban said they had captured the city": the speaker named in the attribution is the doer.
        quoted = [m for m in a.in_sentence(a.actor_mentions, s) if m not in mentions and m.actor.inter != 7]
        doer = quoted[0] if quoted else None
    if doer is None and before:
        doer = before[0]
    rest = [m for m in [target, *after, *before] if m is not None and m is not doer]
    if doer is None and not mentions and context_mentions and sub_event_type not in _TERRITORY_TYPES:
        doer = context_mentions[0]
    out = Sides()
    if doer is None and sub_event_type in _TERRITORY_TYPES:
        # "the town came under Taliban control", "fell to the Taliban": the group named after the verb took
        # it; a town that "fell after government forces retreated" fell to the report's armed group.
        state_taker = sub_event_type == "Government regains territory"
        doer = next((m for m in after if m.actor.inter != 7 and (m.actor.inter == 1) == state_taker), None)
        if doer is None and not state_taker:
            doer = _main_armed_group(a)
    if (
        doer is None
        and event_type == "Battles"
        and agent is not None
        and agent.lemma_.lower() in _UNNAMED_ATTACKERS
    ):
        # "the insurgents overran the town" in a report about one armed group: that group.
        doer = _main_armed_group(a)
    if doer is not None:
        out.actor1 = doer.actor.name
        out.inter1 = inter_on(out.actor1, doer.actor.inter, date, a.country_iso2)
    elif event_type in _UNNAMED_TYPES or (agent is not None and agent.lemma_.lower() in _UNNAMED_ATTACKERS):
        # "A bomb exploded near a police station": the doer is unnamed; named actors are the targets.
        out.actor1, out.inter1 = f"Unidentified Armed Group{where}", 3
    second = next((m for m in rest if m.actor.name != out.actor1), None)
    if second is not None:
        out.actor2 = second.actor.name
        out.inter2 = inter_on(out.actor2, second.actor.inter, date, a.country_iso2)
    if event_type == "Violence against civilians":
        if out.inter1 == 7:  # victims are always actor 2
            out.actor1, out.inter1 = f"Unidentified Armed Group{where}", 3
        victims = [m for m in mentions if m.actor.inter == 7]
        out.actor2 = victims[0].actor.name if victims else f"Civilians{where}"
        out.inter2 = 7
    elif event_type == "Protests":
        state = next((m for m in mentions if m.actor.inter in (1, 3)), None)
        out.actor1, out.inter1 = f"Protesters{where}", 6
        out.actor2, out.inter2 = ("", 0)
        if sub_event_type != "Peaceful protest" and state is not None:
            out.actor2, out.inter2 = (
                state.actor.name,
                inter_on(state.actor.name, state.actor.inter, date, a.country_iso2),
            )
    elif event_type == "Riots":
        state = next((m for m in mentions if m.actor.inter in (1, 2, 3)), None)
        out.actor1, out.inter1 = f"Rioters{where}", 5
        out.actor2, out.inter2 = ("", 0)
        if sub_event_type == "Mob violence":
            out.actor2, out.inter2 = f"Civilians{where}", 7
        elif state is not None:
            out.actor2, out.inter2 = (
                state.actor.name,
                inter_on(state.actor.name, state.actor.inter, date, a.country_iso2),
            )
    if sub_event_type in _TERRITORY_TYPES and agent is not None and agent.head.lemma_.lower() in _LEAVE_VERBS:
        # "Government forces withdrew from the town": the side that left is actor 2; actor 1 took over.
        taker = next((m for m in [*after, *context_mentions] if m.actor.name != out.actor1), None)
        out.actor1, out.inter1, out.actor2, out.inter2 = "", 0, out.actor1, out.inter1
        if taker is not None:
            out.actor1 = taker.actor.name
            out.inter1 = inter_on(out.actor1, taker.actor.inter, date, a.country_iso2)
    if out.inter1 == 7 and event_type not in ("Protests", "Riots", "Strategic developments"):
        # "nine civilians were killed when shells hit a camp": the dead are the targets, never the doers
        if not out.actor2:
            out.actor2, out.inter2 = out.actor1, 7
        out.actor1, out.inter1 = f"Unidentified Armed Group{where}", 3
    if out.actor1 == out.actor2:
        out.actor2, out.inter2 = "", 0
    return out
