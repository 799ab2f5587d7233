"""Modality of an event mention: asserted, claimed, denied, hypothetical or negated; plus background
(historical) and generic (habitual, undated) statements.

Cue words are data (``frontlines/data/modality.yaml``).  The parse, when there is one, sharpens the
decision: a modal or "threaten to" governing the trigger verb makes it hypothetical; a ``neg`` dependent
of the trigger verb makes it negated.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from frontlines.data.loader import load_yaml, require

MODALITY_FILE = "modality.yaml"


@dataclass(frozen=True)
class Cues:
    """modality.yaml, compiled."""

    claim_verbs: re.Pattern[str]
    claim_strong: re.Pattern[str]
    party: re.Pattern[str]
    denied: re.Pattern[str]
    hypothetical: re.Pattern[str]
    negated: re.Pattern[str]
    no_casualties: re.Pattern[str]
    historical: re.Pattern[str]
    generic: re.Pattern[str]


def _join(patterns: Any, where: str) -> re.Pattern[str]:
    require(
        isinstance(patterns, list) and bool(patterns) and all(isinstance(p, str) for p in patterns),
        MODALITY_FILE,
        where,
        "expected a non-empty list of regex strings",
    )
    try:
        return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", re.IGNORECASE)
    except re.error as exc:
        require(False, MODALITY_FILE, where, f"bad regex: {exc}")
        raise


@functools.cache
def cues() -> Cues:
    """The compiled modality cues (loaded once per process; DataFileError when invalid)."""
    data = load_yaml(MODALITY_FILE)
    require(isinstance(data, dict), MODALITY_FILE, "top level", "expected a mapping")
    claimed = data.get("claimed")
    require(
        isinstance(claimed, dict), MODALITY_FILE, "claimed", "expected a mapping with verbs, strong, party"
    )
    return Cues(
        claim_verbs=_join(claimed.get("verbs"), "claimed.verbs"),
        claim_strong=_join(claimed.get("strong"), "claimed.strong"),
        party=_join(claimed.get("party"), "claimed.party"),
        denied=_join(data.get("denied"), "denied"),
        hypothetical=_join(data.get("hypothetical"), "hypothetical"),
        negated=_join(data.get("negated"), "negated"),
        no_casualties=_join(data.get("no_casualties"), "no_casualties"),
        historical=_join(data.get("historical"), "historical"),
        generic=_join(data.get("generic"), "generic"),
    )


_MODALS = {"will", "would", "could", "might", "may", "shall", "should", "can"}
_HYPO_HEADS = {
    "threaten",
    "plan",
    "vow",
    "intend",
    "prepare",
    "aim",
    "seek",
    "try",
    "warn",
    "pledge",
    "promise",
    "want",
    "hope",
    "attempt",
    "urge",
    "demand",
    "propose",
    "consider",
}
_DENY_HEADS = {"deny", "reject", "dismiss", "refute"}


def _governors(token: Any) -> list[Any]:
    """The trigger token and the verbs above it (xcomp/ccomp chains), nearest first."""
    out = [token]
    t = token
    while (
        t.dep_
        in (
            "xcomp",
            "ccomp",
            "advcl",
            "conj",
            "dobj",
            "pobj",
            "prep",
            "acl",
            "relcl",
            "nsubj",
            "nsubjpass",
            "compound",
            "amod",
        )
        and t.head is not t
    ):
        t = t.head
        out.append(t)
        if len(out) > 6:
            break
    return out


class _DocView:
    """A parsed sentence's tokens with their character spans, made once: iterating a spaCy doc creates a
    new Token object per token each time, and the events step reads the same doc a dozen times."""

    __slots__ = ("doc", "tokens", "spans", "memo")

    def __init__(self, doc: Any) -> None:
        self.doc = doc  # held so that id(doc) cannot be reused while the view is cached
        self.tokens = list(doc)
        self.spans = [(t.idx, t.idx + len(t.text)) for t in self.tokens]
        self.memo: dict[Any, Any] = {}  # per-doc results of callers (e.g. the verbs of a lemma group)


_VIEWS: dict[int, _DocView] = {}
_MAX_VIEWS = 256  # a batch's worth of candidate sentences; the cache is emptied when full


def doc_view(doc: Any) -> _DocView:
    """The cached token view of a parsed sentence."""
    view = _VIEWS.get(id(doc))
    if view is None or view.doc is not doc:
        if len(_VIEWS) >= _MAX_VIEWS:
            _VIEWS.clear()
        view = _VIEWS[id(doc)] = _DocView(doc)
    return view


def tokens_at(doc: Any, start: int, end: int) -> list[Any]:
    """The doc's tokens that overlap the character span [start, end), in order."""
    view = doc_view(doc)
    return [t for t, (lo, hi) in zip(view.tokens, view.spans, strict=True) if lo < end and hi > start]


def modality_from_parse(doc: Any, trigger_start: int, trigger_end: int) -> str | None:
    """Modality read from the dependency parse around the trigger (character offsets into the doc)."""
    trig = tokens_at(doc, trigger_start, trigger_end)
    if not trig:
        return None
    # The verb the trigger belongs to: the trigger itself if a verb, else its head verb.
    tok = next((t for t in trig if t.pos_ in ("VERB", "AUX")), trig[0])
    for gov in _governors(tok):
        children = list(gov.children)
        if gov.lemma_.lower() in _DENY_HEADS:
            return "denied"
        if gov is not tok and gov.lemma_.lower() in _HYPO_HEADS:
            return "hypothetical"
        if gov.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "neg" for c in children):
                return "negated"
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
                return "hypothetical"
    return None


def modality_from_text(sentence: str) -> str:
    """Modality from cue words alone (no parse): denied > negated > hypothetical > claimed > asserted."""
    c = cues()
    if c.denied.search(sentence):
        return "denied"
    if c.negated.search(sentence) and not c.no_casualties.search(sentence):
        return "negated"
    if c.hypothetical.search(sentence):
        return "hypothetical"
    if is_party_claim(sentence):
        return "claimed"
    return "asserted"


def is_party_claim(text: str) -> bool:
    """Does the text attribute what it says to a party to the conflict ("the armed group claimed")?"""
    c = cues()
    if c.claim_strong.search(text):
        return True
    verb = c.claim_verbs.search(text)
    return bool(verb and c.party.search(text))


def no_casualties(sentence: str) -> bool:
    """ "No one was hurt" and the like: the event stands, with zero casualties."""
    return cues().no_casualties.search(sentence) is not None


def historical_cue(sentence: str) -> bool:
    """Background wording ("the last time ...", "years ago", "in 2015")."""
    return cues().historical.search(sentence) is not None


def denied_cue(sentence: str) -> bool:
    """Denial wording ("denied", "rejected the claims")."""
    return cues().denied.search(sentence) is not None


def negated_cue(sentence: str) -> bool:
    """Wording that says an event did not happen ("no clashes took place")."""
    return cues().negated.search(sentence) is not None and not no_casualties(sentence)


def strong_claim_cue(sentence: str) -> bool:
    """ "claimed that", "claimed responsibility": a party's claim whoever the subject is."""
    return cues().claim_strong.search(sentence) is not None


def hypothetical_cue(sentence: str) -> bool:
    """Threat or plan wording ("threatened to", "plans to")."""
    return cues().hypothetical.search(sentence) is not None


def generic_cue(sentence: str) -> bool:
    """Habitual wording ("usually", "regularly", "continue to")."""
    return cues().generic.search(sentence) is not None


def is_generic_parse(doc: Any) -> bool:
    """A present-tense statement with no past-tense verb ("They are installing explosives on the streets"):
    habitual or ongoing in general, not a dated event."""
    # "improvised" in "improvised explosive devices" is a VBN too: only verbal past forms count.
    if any(t.tag_ == "VBD" or (t.tag_ == "VBN" and t.dep_ not in ("amod", "compound")) for t in doc):
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    return root.tag_ in ("VBP", "VBZ", "VBG") or any(
        c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") for c in root.children
    )
