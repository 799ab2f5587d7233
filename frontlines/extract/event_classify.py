"""The sub-event decision: which ACLED sub-event type (if any) a sentence reports.

:func:`decide` is the one place that decides.  It combines the trigger lexicon's scores with what the
parse says about who did what to whom (what a capture verb took: a place, people or weapons; whether the
people killed were civilians or combatants; whether the agent is a state force).  A learned classifier can
replace it or vote with it: it takes the same inputs and returns the same :class:`Decision`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from frontlines.extract.modality import doc_view, hypothetical_cue, tokens_at
from frontlines.extract.triggers import TriggerHit, lexicon, score

# Sub-event types the parse may move between: territory, arrests and weapons for capture verbs.
_TERRITORY = {
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Non-violent transfer of territory",
}
_CAPTURE_FAMILY = _TERRITORY | {"Arrests", "Disrupted weapons use"}
_VIOLENCE_FAMILY = {"Armed clash", "Attack"}
_NO_FIGHT = re.compile(
    r"without (?:a |any |much )?(?:fight|fighting|resistance|firing a (?:shot|gunshot)|a shot being fired|clashes|bloodshed)|"
    r"(?:handed|hand) over|handover|negotiated|withdr[ae]wn?\b|surrendered|peacefully|abandoned|"
    r"pull(?:ed|ing)? out|(?:not|no) (?:encounter\w* )?(?:any )?resistance|handed (?:\w+ ){0,3}(?:control|authority)",
    re.IGNORECASE,
)
# Fighting words ("fighters" is a noun for people, not fighting).
_FIGHT = re.compile(
    r"fight(?:ing|s)?\b|fought|clash\w*|battl\w*|attack\w*|offensive|assault|killed|heavy|fierce",
    re.IGNORECASE,
)


MIN_SCORE = 2  # a lone weak cue ("attack", "weapons") supports a decision but does not make an event


@dataclass
class Decision:
    """The sentence's sub-event type, how sure the rules are, and the trigger's span in the sentence."""

    sub_event_type: str
    score: int
    start: int
    end: int
    agent: Any = None  # the spaCy token of the doer, when the parse found one
    patient: Any = None  # the spaCy token of what/who it was done to


def _noun_class(token: Any, place_at: Callable[[int, int], bool] | None = None) -> str | None:
    """place | person | weapon for a noun token: a place the places step found there, its entity type,
    else its lemma in the noun classes."""
    if token is None:
        return None
    if place_at is not None and token.pos_ == "PROPN":
        # the whole name ("Maidan Shar"), not just its head word
        parts = [token] + [c for c in token.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
        lo, hi = min(t.idx for t in parts), max(t.idx + len(t.text) for t in parts)
        if place_at(lo, hi):
            return "place"
    classes = lexicon().noun_classes
    lemma = token.lemma_.lower()
    if lemma in classes.get("place", ()) or token.lower_ in classes.get("place", ()):
        return "place"
    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return "place"
    if lemma in classes.get("weapon", ()) or token.lower_ in classes.get("weapon", ()):
        return "weapon"
    if token.ent_type_ in ("NORP", "PERSON", "ORG", "CARDINAL") or lemma in classes.get("person", ()):
        return "person"
    return None


def _object_of(verb: Any) -> Any:
    """The verb's patient: direct object, passive subject, or object of "control of X"."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr"):
            if c.lemma_.lower() == "control":
                for p in c.children:
                    if p.dep_ == "prep":
                        for o in p.children:
                            if o.dep_ == "pobj":
                                return o
            return c
    if verb.lemma_.lower() == "fall":  # "X fell to the Taliban": X is the place
        for c in verb.children:
            if c.dep_ == "nsubj":
                return c
    return None


def _agent_of(verb: Any) -> Any:
    """The doer: active subject, the object of a passive "by", or X in "the city fell to X"."""
    if verb.lemma_.lower() == "fall":
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "into"):
                for o in c.children:
                    if o.dep_ == "pobj" and o.lower_ not in ("hands", "control"):
                        return o
                    for p in o.children:  # "fell into the hands of the Taliban"
                        if p.dep_ == "prep" and p.lower_ == "of":
                            return next((x for x in p.children if x.dep_ == "pobj"), None)
        return None
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
        if c.dep_ == "agent":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        return _agent_of(verb.head)
    return None


def _is_civilian(token: Any) -> bool | None:
    classes = lexicon().noun_classes
    lemma = token.lemma_.lower()
    words = {lemma, token.lower_} | {
        c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "conj")
    }
    if words & classes.get("combatant", frozenset()):
        return False
    if words & classes.get("civilian", frozenset()):
        return True
    return None


def _verbs(doc: Any, group: str) -> list[Any]:
    view = doc_view(doc)
    found = view.memo.get(("verbs", group))
    if found is None:
        lemmas = lexicon().verbs.get(group, frozenset())
        found = view.memo["verbs", group] = [
            t for t in view.tokens if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lemmas
        ]
    return list(found)


def _no_fight(sentence: str, context: str) -> bool:
    """Did the place change hands without fighting?  Said in the sentence itself (and no fighting there),
    or in a neighbouring sentence when none of them mentions fighting."""
    if _NO_FIGHT.search(sentence) and not _FIGHT.search(_NO_FIGHT.sub(" ", sentence)):
        return True
    return bool(_NO_FIGHT.search(context)) and not _FIGHT.search(_NO_FIGHT.sub(" ", context))


def _refine_capture(
    hit: TriggerHit,
    doc: Any,
    context: str,
    agent_is_state: bool | None,
    place_at: Callable[[int, int], bool] | None = None,
) -> tuple[str, Any, Any]:
    """A capture/seize/take verb: what was taken decides territory, arrests or weapons."""
    for verb in _verbs(doc, "capture") + _verbs(doc, "retake"):
        patient = _object_of(verb)
        kind = _noun_class(patient, place_at)
        agent = _agent_of(verb)
        if (
            kind == "person"
            and hit.sub_event_type in _TERRITORY
            and verb.lemma_.lower() in ("capture", "seize", "take", "nab")
        ):
            return "Arrests", agent, patient
        if kind == "weapon" and verb.lemma_.lower() in ("capture", "seize", "take"):
            return "Disrupted weapons use", agent, patient
        if kind == "place" and hit.sub_event_type in _CAPTURE_FAMILY | {"Armed clash"}:
            if _no_fight(doc.text, context):
                return "Non-violent transfer of territory", agent, patient
            if agent_is_state is False:
                # A rebel group "recapturing" a village from the army overtakes it: only the state regains.
                return "Non-state actor overtakes territory", agent, patient
            if verb.lemma_.lower() in lexicon().verbs.get("retake", ()) or agent_is_state:
                return "Government regains territory", agent, patient
            return "Non-state actor overtakes territory", agent, patient
    return hit.sub_event_type, None, None


def _refine_violence(hit: TriggerHit, doc: Any) -> tuple[str, Any, Any]:
    """Killing or attacking: civilian victims make an Attack, combatant victims an Armed clash."""
    for verb in _verbs(doc, "kill") + _verbs(doc, "attack"):
        patient = _object_of(verb)
        if patient is None:
            continue
        civ = _is_civilian(patient)
        agent = _agent_of(verb)
        if civ is True:
            return "Attack", agent, patient
        if civ is False:
            return "Armed clash", agent, patient
    return hit.sub_event_type, None, None


_SUBORDINATE = {"advcl", "acl", "relcl", "pcomp"}


_WEAPON_TYPES = {
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Chemical weapon",
}


def _how_they_died(hit: TriggerHit, token: Any) -> bool:
    """ "Nine civilians were killed when shells hit a camp": a "when"/"as" clause naming the weapon tells how
    the main clause's deaths came about; it is the event, not a side remark."""
    if hit.sub_event_type not in _WEAPON_TYPES:
        return False
    for a in [token, *token.ancestors]:
        if a.dep_ == "advcl":
            return any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as") for c in a.children)
    return False


def _demote_modifiers(hits: list[TriggerHit], doc: Any) -> list[TriggerHit]:
    """A participle that only describes a noun ("their detained commanders", "the wounded soldiers")
    reports a state, not an event: its cue counts for little.  A cue inside a subordinate clause ("three
    days after the government announced a push to retake it") yields to one in the main clause."""
    main_clause = {h.sub_event_type for h in hits if h.score >= MIN_SCORE}
    for h in hits:
        toks = tokens_at(doc, h.start, h.end)
        if toks and all(t.dep_ == "amod" for t in toks):
            h.score -= 4
        elif (
            toks
            and len(main_clause) > 1
            and any(a.dep_ in _SUBORDINATE for a in [toks[0], *toks[0].ancestors])
            and not _how_they_died(h, toks[0])
        ):
            h.score -= 2
    return sorted(hits, key=lambda h: (h.score, h.priority), reverse=True)


def has_conflict_cue(text: str) -> bool:
    """Does the text name an armed actor or a conflict act (militants, troops, air strike, protest ...)?"""
    return lexicon().conflict.search(text) is not None


def has_non_event_cue(text: str) -> bool:
    """Does the text speak of a disaster, an accident or an ordinary crime (with or without armed actors)?"""
    lex = lexicon()
    return bool(lex.disaster.search(text) or lex.crime.search(text))


def is_non_event(text: str) -> bool:
    """Disasters, accidents and ordinary crime with no armed actor: not events here."""
    lex = lexicon()
    if not (lex.disaster.search(text) or lex.crime.search(text)):
        return False
    return lex.conflict.search(text) is None


def decide(
    sentence: str,
    context: str,
    doc: Any = None,
    *,
    agent_is_state: bool | None = None,
    place_at: Callable[[int, int], bool] | None = None,
    hits: list[TriggerHit] | None = None,
) -> Decision | None:
    """The sub-event type a sentence reports, or None.

    ``context`` is the sentence with its neighbours (for co-occurring cues); ``doc`` the sentence's spaCy
    parse (None when unparsed: the lexicon decides alone); ``agent_is_state`` whether the sentence's first
    actor is a state force (turns a capture into "Government regains territory"); ``hits`` the lexicon's
    ``score(sentence, context)`` when the caller already has it (copied here: the parse adjusts scores).
    """
    if is_non_event(context):
        return None
    hits = score(sentence, context) if hits is None else [replace(h) for h in hits]
    if not hits:
        return None
    if doc is not None:
        hits = _demote_modifiers(hits, doc)
    if doc is not None and hits[0].score < MIN_SCORE:
        # A weak territory cue ("occupied") counts when the parse shows a place was taken.
        terr = next((h for h in hits if h.sub_event_type in _TERRITORY), None)
        if terr is not None:
            sub, agent, patient = _refine_capture(terr, doc, context, agent_is_state, place_at)
            if patient is not None and sub in _TERRITORY:
                return Decision(sub, 4, terr.start, terr.end, agent, patient)
    top = hits[0]
    if top.score < MIN_SCORE and not hypothetical_cue(sentence):
        # "threatened to attack the town": in a threat even a weak cue names the event threatened.
        return None
    sub, agent, patient = top.sub_event_type, None, None
    terr = next((h for h in hits if h.sub_event_type in _TERRITORY), None)
    if doc is not None and terr is not None and top.sub_event_type in _VIOLENCE_FAMILY | _TERRITORY:
        # A battle in which a place changes hands is the territorial event (ACLED): when the parse shows a
        # capture verb taking a place, territory wins over the clash around it.
        t_sub, t_agent, t_patient = _refine_capture(terr, doc, context, agent_is_state, place_at)
        if t_patient is not None and t_sub in _TERRITORY:
            return Decision(t_sub, max(top.score, 4), terr.start, terr.end, t_agent, t_patient)
    if doc is not None:
        if top.sub_event_type in _CAPTURE_FAMILY or any(
            h.sub_event_type in _TERRITORY and h.score >= top.score - 1 for h in hits[:3]
        ):
            sub, agent, patient = _refine_capture(top, doc, context, agent_is_state, place_at)
            if patient is not None:
                top.score = max(top.score, 4)  # the parse confirms what was taken
        elif top.sub_event_type in _VIOLENCE_FAMILY:
            sub, agent, patient = _refine_violence(top, doc)
    if sub == "Non-state actor overtakes territory" and agent_is_state:
        sub = "Government regains territory"
    if doc is not None and agent is None and patient is None:
        agent, patient = _roles_at(doc, top.start, top.end)
    return Decision(sub, top.score, top.start, top.end, agent, patient)


def cannot_be_event(hits: list[TriggerHit], sentence: str) -> bool:
    """True when :func:`decide` returns None for these hits whatever the parse says: no cue, or only weak
    cues (below ``MIN_SCORE``; the parse only lowers scores) with no territory cue (which a parse showing a
    place taken would raise) and no threat wording (where a weak cue names the event threatened)."""
    if not hits:
        return True
    if hits[0].score >= MIN_SCORE or any(h.sub_event_type in _TERRITORY for h in hits):
        return False
    return not hypothetical_cue(sentence)


def _roles_at(doc: Any, start: int, end: int) -> tuple[Any, Any]:
    """Agent and patient of the verb the trigger belongs to (the trigger itself or its head verb)."""
    toks = tokens_at(doc, start, end)
    if not toks:
        return None, None
    verb = toks[0]
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None, None
    return _agent_of(verb), _object_of(verb)
