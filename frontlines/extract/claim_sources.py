"""Who says a sentence: the interviewer, a named speaker, a party to the conflict, or the outlet.

Used by events (interviewer questions are not events; a party's words make an event "claimed") and by
claims (the claimant of each claim).  The speakers step's helpers (``speaker_for_label``,
``is_outlet_label``) are used when present; simple fallbacks stand in while they are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontlines.extract import modality
from frontlines.extract.mentions import Analysis, Sentence
from frontlines.model import Speaker

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


def attributed_source(a: Analysis, s: Sentence) -> Source | None:
    """ "X said", "according to X", "X claimed": the actor or person the sentence attributes its words to.

    The attribution must sit close to a speech verb (within ~60 characters), so an actor that is only
    the subject of the reported event is not taken for the claimant.
    """
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
            # "the armed group claimed that the Taliban ...": an actor right before the verb speaks.
            if 0 <= gap <= 40 and (m.end <= v_at or vm.group().lower() == "according to"):
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
