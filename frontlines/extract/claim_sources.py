"""Who says a sentence: the interviewer, a named speaker, a party to the conflict, or the outlet.

Used by events (interviewer questions are not events; a party's words make an event "claimed") and by
claims (the claimant of each claim).  The speakers step's helpers (``speaker_for_label``,
``is_outlet_label``) are used when present; simple fallbacks stand in while they are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from frontlines.extract import modality
from frontlines.extract.mentions import Analysis, Sentence
from frontlines.model import Speaker

try:  # the actors step's resolver (may still be a placeholder)
    from frontlines.extract import actors as _actors_mod
except ImportError:  # pragma: no cover
    _actors_mod = None  # type: ignore[assignment]

try:  # the speakers step's public helpers (may still be a placeholder)
    from frontlines.extract import speakers as _speakers_mod
except ImportError:  # pragma: no cover
    _speakers_mod = None  # type: ignore[assignment]

_OUTLET_WORDS = re.compile(
    r"\b(?:al jazeera|bbc|cnn|reuters|afp|ap|associated press|tolo\w*|interviewer|host|q|question|"
    r"anchor|reporter|correspondent|times|post|news|radio|tv|press)\b",
    re.IGNORECASE,
)
_PARTY_ROLE = re.compile(
    r"security|defen[cs]e|interior|army|military|police|forces|ministry|minister|government|governor|"
    r"commander|spokes|taliban|national security council|armed group|militia|rebel|insurgent|nato|isaf",
    re.IGNORECASE,
)


@dataclass
class Source:
    """A claimant: name, kind (actor | speaker | outlet) and whether it is a party to the conflict."""

    name: str
    kind: str
    party: bool


def is_interviewer(a: Analysis, label: str | None) -> bool:
    """Is an interview turn label the interviewer (the outlet)?"""
    if not label:
        return False
    fn = getattr(_speakers_mod, "is_outlet_label", None)
    if fn is not None:
        try:
            return bool(fn(label))
        except Exception:
            pass
    if a.source and label.lower() in a.source.lower():
        return True
    if _OUTLET_WORDS.search(label):
        return True
    mine = [s for s in a.sentences if s.speaker_label == label]
    return bool(mine) and sum(s.is_question for s in mine) * 2 >= len(mine)


def speaker_for(a: Analysis, label: str | None) -> Speaker | None:
    """The speaker behind an interview turn label (the speakers step, else a match on names)."""
    if not label:
        return None
    fn = getattr(_speakers_mod, "speaker_for_label", None)
    if fn is not None:
        try:
            sp = fn(a, label)
            if sp is not None:
                return sp
        except Exception:
            pass
    low = label.lower()
    for sp in a.speakers:
        names = [sp.name, *sp.aliases]
        if any(low == n.lower() or low in n.lower().split() for n in names if n):
            return sp
    return None


def _is_party_speaker(sp: Speaker | None, label: str) -> bool:
    if sp is None:
        return False
    text = " ".join(x for x in (sp.role, sp.organization) if x)
    return bool(_PARTY_ROLE.search(text))


def party_speaker(a: Analysis, s: Sentence) -> bool:
    """Is the sentence said, in an interview turn, by someone speaking for a party to the conflict?"""
    if not s.speaker_label or is_interviewer(a, s.speaker_label):
        return False
    return _is_party_speaker(speaker_for(a, s.speaker_label), s.speaker_label)


def turn_source(a: Analysis, s: Sentence) -> Source | None:
    """The speaker of an interview turn (None outside turns, or for the interviewer)."""
    if not s.speaker_label or is_interviewer(a, s.speaker_label):
        return None
    sp = speaker_for(a, s.speaker_label)
    if sp is not None:
        return Source(sp.name, "speaker", _is_party_speaker(sp, s.speaker_label))
    return Source(s.speaker_label, "speaker", False)


_SAY = re.compile(
    r"\b(?:said|says|say|claimed|claims|claim|told|stated|announced|confirmed|denied|denies|insisted|"
    r"reported|added|according to)\b",
    re.IGNORECASE,
)


_SAY_LEMMAS = {
    "inform",
    "say",
    "claim",
    "tell",
    "state",
    "announce",
    "confirm",
    "deny",
    "insist",
    "report",
    "add",
    "allege",
    "assert",
    "tweet",
    "write",
    "reject",
    "dismiss",
}
_PARTY_NOUNS = {
    "army",
    "military",
    "ministry",
    "police",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "government",
    "commander",
    "militants",
    "insurgents",
    "rebels",
    "forces",
    "troops",
    "command",
    "authorities",
    "coalition",
    "isaf",
    "nato",
    "militia",
    "taliban",
    "statement",
}
_ARMED = re.compile(r"armed|militant|insurgent|rebel|jihadi|terror|extremist", re.IGNORECASE)
_GENERIC_GROUPS = {
    "group",
    "militants",
    "militant",
    "insurgents",
    "rebels",
    "organization",
    "movement",
    "militia",
}
_STATE_WORDS = re.compile(r"military|security|defen[cs]e|police|army|interior|ministry", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}


def _subjects(doc: Any) -> list[tuple[Any, Any]]:
    """(speech verb, subject token) pairs: "X said", "X told", and "according to X".

    A speech verb inside an adverbial or relative clause ("..., residents said, three days after the
    government announced an operation") does not attribute the sentence when a main-clause one does.
    """
    view = modality.doc_view(doc)
    memo = view.memo.get("subjects")
    if memo is not None:
        return list(memo)
    out = []
    for t in view.tokens:
        if t.lemma_.lower() in _SAY_LEMMAS and t.pos_ in ("VERB", "AUX"):
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _PRONOUNS:
                    out.append((t, c))
        if t.lower_ == "according":
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    out.extend((t, o) for o in p.children if o.dep_ == "pobj")
    main = [(v, c) for v, c in out if not _subordinate(v)]
    view.memo["subjects"] = main or out
    return list(main or out)


_SUBORDINATE_DEPS = {"advcl", "relcl", "acl", "pcomp"}


def _subordinate(verb: Any) -> bool:
    """Is the verb inside an adverbial, relative or prepositional clause?"""
    return any(t.dep_ in _SUBORDINATE_DEPS for t in [verb, *verb.ancestors])


def pronoun_speaker(a: Analysis, s: Sentence) -> bool:
    """Is the sentence said by a pronoun ("it said its forces ...") whose sentence names a party?"""
    doc = a.parsed.get(s.index)
    if doc is None:
        return False
    for t in doc:
        if t.lemma_.lower() in _SAY_LEMMAS and t.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "nsubj" and c.lower_ in ("it", "they", "he", "she", "we") for c in t.children):
                return modality.is_party_claim(s.text)
    return False


def report_party(a: Analysis) -> Source | None:
    """A report that is itself a party's statement ("The Ministry of Defence informs ...", "Statement of the
    Islamic Emirate"): the party, whose every event is a claim."""
    if not a.sentences:
        return None
    first = a.sentences[0]
    src = attributed_source(a, first)
    if src is not None and src.party and src.kind == "actor":
        return src
    if re.match(r"\s*(?:statement|press release|communiqu)", a.text, re.IGNORECASE):
        named = [m for m in a.actor_mentions if m.actor.inter != 7]
        return Source(named[0].actor.name, "actor", True) if named else None
    return None


def attribution_spans(a: Analysis, s: Sentence) -> list[tuple[int, int]]:
    """Character spans (in the report) of who a sentence quotes ("the army said"): actors named there
    speak about the event rather than take part in it."""
    doc = a.parsed.get(s.index)
    if doc is None:
        return []
    spans = []
    for _verb, subj in _subjects(doc):
        sub = list(subj.subtree)
        spans.append((s.start + sub[0].idx, s.start + sub[-1].idx + len(sub[-1].text)))
    return spans


_DEFENCE = re.compile(r"defen[cs]e|army|military|troops|armed forces|soldiers", re.IGNORECASE)
_POLICE = re.compile(r"police|interior", re.IGNORECASE)


def _state_force(resolve: Any, text: str, a: Analysis) -> Any:
    """ "The defence ministry", "the military": the report's country's state forces, via its nationality
    adjective ("Afghan army") so that the actors step picks the forces of the time."""
    if not a.country_iso2:
        return None
    kind = "army" if _DEFENCE.search(text) else "police" if _POLICE.search(text) else None
    if kind is None:
        return None
    try:
        from frontlines.extract.countries import nationalities

        adjective = next((w for w, iso in nationalities().items() if iso == a.country_iso2), None)
        return (
            resolve(f"{adjective} {kind}", country_iso2=a.country_iso2, on=a.published) if adjective else None
        )
    except Exception:
        return None


def _source_from_subject(a: Analysis, s: Sentence, subj: Any) -> Source | None:
    sub = list(subj.subtree)
    lo, hi = s.start + sub[0].idx, s.start + sub[-1].idx + len(sub[-1].text)
    for m in a.speaker_mentions:
        if m.start < hi and m.end > lo:
            sp = next((x for x in a.speakers if x.id == m.speaker_id), None)
            name = sp.name if sp else m.text
            return Source(name, "speaker", _is_party_speaker(sp, name))
    for am in a.actor_mentions:
        if am.start < hi and am.end > lo and am.actor.inter != 7:
            return Source(am.actor.name, "actor", True)
    text = a.text[lo:hi]
    head = subj.lemma_.lower()
    if head in _GENERIC_GROUPS and (
        head != "group" or _ARMED.search(text) or text.lower() in ("the group", "group")
    ):
        # "the armed group claimed ...": the group the report is about (named in the sentence or before it).
        named = [m for m in a.actor_mentions if m.actor.inter in (2, 3, 4, 8) and m.start < s.end]
        in_sentence = [m for m in named if m.start >= s.start]
        pick = in_sentence[0] if in_sentence else (named[-1] if named else None)
        if pick is not None:
            return Source(pick.actor.name, "actor", True)
    if (head in _PARTY_NOUNS and (head != "group" or _ARMED.search(text))) or (
        head in ("official", "officer", "source") and _STATE_WORDS.search(text)
    ):
        resolve = getattr(_actors_mod, "resolve_actor", None)
        actor = None
        if resolve is not None:
            try:
                actor = resolve(text, country_iso2=a.country_iso2, on=a.published)
            except Exception:
                actor = None
        if actor is None and resolve is not None:
            actor = _state_force(resolve, text, a)
        if actor is not None and actor.inter != 7:
            return Source(actor.name, "actor", True)
        return Source(re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE), "actor", True)
    if subj.pos_ == "PROPN" and subj.ent_type_ == "PERSON":
        return Source(text, "speaker", False)
    # Unnamed witnesses, residents, officials, sources: the outlet's own reporting, not a party's claim.
    return None


def attributed_source(a: Analysis, s: Sentence) -> Source | None:
    """ "X said", "according to X", "X claimed": the actor or person the sentence attributes its words to.

    With the sentence's parse, X is the subject of the speech verb; without it, a mention within a few
    words of the verb.
    """
    doc = a.parsed.get(s.index)
    if doc is not None:
        for _verb, subj in _subjects(doc):
            src = _source_from_subject(a, s, subj)
            if src is not None:
                return src
        return None
    verbs = list(_SAY.finditer(s.text))
    if not verbs:
        return None
    cands: list[tuple[int, Source]] = []
    for vm in verbs:
        v_at = s.start + vm.start()
        v_end = s.start + vm.end()
        for m in a.in_sentence(a.speaker_mentions, s):
            gap = v_at - m.end if m.end <= v_at else m.start - v_end
            if 0 <= gap <= 60:
                sp = next((x for x in a.speakers if x.id == m.speaker_id), None)
                name = sp.name if sp else m.text
                cands.append((gap, Source(name, "speaker", _is_party_speaker(sp, name))))
        for m in a.in_sentence(a.actor_mentions, s):
            gap = v_at - m.end if m.end <= v_at else m.start - v_end
            if (
                m.actor.inter != 7
                and 0 <= gap <= 25
                and (m.end <= v_at or vm.group().lower() == "according to")
            ):
                cands.append((gap, Source(m.actor.name, "actor", True)))
    if cands:
        return min(cands, key=lambda c: c[0])[1]
    return None


def generic_party(a: Analysis, s: Sentence) -> Source | None:
    """An unnamed party that speaks ("the armed group claimed", "the ministry said"): named by the
    sentence's (or paragraph's) main actor when there is one."""
    if not modality.is_party_claim(s.text):
        return None
    mentions = a.in_sentence(a.actor_mentions, s)
    if mentions:
        return Source(mentions[0].actor.name, "actor", True)
    m = re.search(
        r"\b(?:the )?(armed group|ministry of \w+|\w+ ministry|military|army|militants|insurgents|"
        r"rebels|group|police)\b",
        s.text,
        re.IGNORECASE,
    )
    return Source(m.group(0) if m else "a party to the conflict", "actor", True)
