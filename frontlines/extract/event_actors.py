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


# Event types where an unnamed doer is coded as an unidentified armed group.
_UNNAMED_TYPES = {"Explosions/Remote violence", "Violence against civilians"}


@dataclass
class Sides:
    """Actor 1 and actor 2 (canonical names, "" when none) and their inter codes."""

    actor1: str = ""
    inter1: int = 0
    actor2: str = ""
    inter2: int = 0


def inter_on(name: str, fallback: int, date: dt.date | None) -> int:
    """The actor's inter code on the event date (the Taliban were 2 until 14 Aug 2021, 1 after)."""
    fn = getattr(_actors_mod, "inter_on", None)
    if fn is not None and date is not None:
        try:
            value = fn(name, date)
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
        m
        for m in a.in_sentence(a.actor_mentions, s)
        if not any(lo <= m.start and m.end <= hi for lo, hi in exclude)
    ]
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
    if doer is None and not mentions and context_mentions:
        doer = context_mentions[0]
    out = Sides()
    if doer is not None:
        out.actor1 = doer.actor.name
        out.inter1 = inter_on(out.actor1, doer.actor.inter, date)
    elif event_type in _UNNAMED_TYPES or (agent is not None and agent.lemma_.lower() in _UNNAMED_ATTACKERS):
        # "A bomb exploded near a police station": the doer is unnamed; named actors are the targets.
        out.actor1, out.inter1 = f"Unidentified Armed Group{where}", 3
    second = next((m for m in rest if m.actor.name != out.actor1), None)
    if second is not None:
        out.actor2 = second.actor.name
        out.inter2 = inter_on(out.actor2, second.actor.inter, date)
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
            out.actor2, out.inter2 = state.actor.name, inter_on(state.actor.name, state.actor.inter, date)
    elif event_type == "Riots":
        state = next((m for m in mentions if m.actor.inter in (1, 2, 3)), None)
        out.actor1, out.inter1 = f"Rioters{where}", 5
        out.actor2, out.inter2 = ("", 0)
        if sub_event_type == "Mob violence":
            out.actor2, out.inter2 = f"Civilians{where}", 7
        elif state is not None:
            out.actor2, out.inter2 = state.actor.name, inter_on(state.actor.name, state.actor.inter, date)
    if out.actor1 == out.actor2:
        out.actor2, out.inter2 = "", 0
    return out
