"""Claims: who says what about which event, and which claims oppose each other.

Every event gets a claim for each sentence it was read from, attributed to the nearest source: a named
speaker or an actor the sentence quotes ("X said", "according to X", "the armed group claimed"), the
speaker of the interview turn, or else the outlet's own narration.  Death tolls outside event sentences
become claims about a figure (``event`` null).  Opposed claims are linked both ways (``contradicts``): a
capture against a retake of the same place, a claim against a denial, two different tolls for one event.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontlines.extract import claim_sources, modality
from frontlines.extract.mentions import Analysis, Sentence
from frontlines.ids import document_key, short_hash
from frontlines.model import Claim, Event

_GAIN = {"Non-state actor overtakes territory", "Non-violent transfer of territory"}
_COUNTER = {"Government regains territory", "Armed clash"}


@dataclass
class _Made:
    claim: Claim
    event: Event | None
    toll: int | None


def _source(a: Analysis, s: Sentence) -> claim_sources.Source:
    """The claimant of a sentence: a quoted speaker or actor, a speaking party, the turn's speaker, the outlet."""
    found = claim_sources.attributed_source(a, s) or claim_sources.turn_source(a, s)
    if found is None and s.index not in a.parsed:
        # No parse to find the speech verb's subject: a party word near "said" will do.
        found = claim_sources.generic_party(a, s)
    return found or _outlet(a)


def _stance(src: claim_sources.Source, ev: Event | None) -> str:
    if ev is not None and ev.modality == "denied":
        return "denies"
    if src.kind == "outlet":
        return "asserts"
    if src.party or src.kind == "actor":
        return "claims"
    return "asserts"


def _claim_id(key: str, claimant: str, stance: str, event_id: str | None, start: int) -> str:
    return "cl_" + short_hash(key, claimant, stance, event_id, start)


def _place(ev: Event) -> str | None:
    return (ev.admin1 or ev.location or "").lower() or None


def _opposed(x: _Made, y: _Made) -> bool:
    """Do two claims oppose each other?"""
    if x.claim.claimant == y.claim.claimant and x.claim.claimant_kind == y.claim.claimant_kind:
        return False
    ex, ey = x.event, y.event
    if ex is None or ey is None:
        return False
    if ex.historical or ey.historical:
        return False
    stances = {x.claim.stance, y.claim.stance}
    if ex is ey and stances & {"denies", "disputes"} and stances - {"denies", "disputes"}:
        return True
    if "denies" in stances and stances != {"denies"}:
        # "denied that the town had fallen" against "said they had captured the town": one change of hands
        return _kind(ex) == _kind(ey) and (_place(ex) == _place(ey) or not _place(ex) or not _place(ey))
    if ex is ey and x.toll is not None and y.toll is not None and x.toll != y.toll:
        return True
    pair = (ex.sub_event_type, ey.sub_event_type)
    territory = (pair[0] in _GAIN and pair[1] in _COUNTER) or (pair[1] in _GAIN and pair[0] in _COUNTER)
    if not territory or not _place(ex) or _place(ex) != _place(ey):
        return False
    for made, ev in ((x, ex), (y, ey)):
        if ev.sub_event_type == "Armed clash" and made.claim.claimant not in (ev.actor1, ev.actor2):
            # fighting goes on there, says one of the sides, against a capture; an onlooker's concern about
            # "the fighting" opposes nothing
            return False
    # Only reported happenings oppose each other: a threatened retake does not contradict a capture.
    return ex.modality not in ("hypothetical", "negated") and ey.modality not in ("hypothetical", "negated")


def _kind(ev: Event) -> str:
    """The sub-event type, with the three ways a place changes hands as one kind (a denial names the
    change, not the way it was made)."""
    return "territory" if ev.sub_event_type in _GAIN | {"Government regains territory"} else ev.sub_event_type


def _toll(a: Analysis, s: Sentence) -> int | None:
    killed = [m for m in a.in_sentence(a.casualties, s) if m.kind == "killed"]
    return sum(m.low for m in killed) if killed else None


def _outlet(a: Analysis) -> claim_sources.Source:
    return claim_sources.Source(a.source or "the report", "outlet", False)


def _about(events: list[Event], a: Analysis, s: Sentence) -> Event | None:
    """The event a statement without an event of its own is about: the nearest current event reported
    before it (else the main event)."""
    current = [e for e in events if not e.historical and e.modality in ("asserted", "claimed")]
    earlier = [e for e in current if e.evidence and e.evidence[0].start < s.start]
    if earlier:
        return max(earlier, key=lambda e: e.evidence[0].start)
    return current[0] if current else None


def _response_stance(src: claim_sources.Source, s: Sentence, ev: Event) -> str:
    """A party's statement about someone else's account: a denial, or a different version (disputes)."""
    if modality.denied_cue(s.text):
        return "denies"
    if src.name in (ev.actor1, ev.actor2):
        return "disputes"
    return "claims"


def extract_claims(analysis: Analysis, events: list[Event]) -> list[Claim]:
    """Who says what about which event; fills each event's ``claims`` with the ids of its claims."""
    a = analysis
    key = document_key(a.text) if a.text else a.id
    made: list[_Made] = []
    covered: set[int] = set()

    def add(src: claim_sources.Source, stance: str, ev: Event | None, s: Sentence, toll: int | None) -> None:
        cid = _claim_id(key, src.name, stance, ev.id if ev else None, s.start)
        if any(m.claim.id == cid for m in made):
            return
        claim = Claim(cid, src.name, src.kind, stance, ev.id if ev else None, s.text, s.start, s.end)  # type: ignore[arg-type]
        made.append(_Made(claim, ev, toll))
        if ev is not None:
            ev.claims.append(cid)

    for ev in events:
        outlet_done = False
        for evid in ev.evidence:
            s = a.sentence_at(evid.start)
            if s is None:
                continue
            covered.add(s.index)
            src = _source(a, s)
            add(src, _stance(src, ev), ev, s, _toll(a, s))
            outlet_done = outlet_done or src.kind == "outlet"
        first = a.sentence_at(ev.evidence[0].start) if ev.evidence else None
        in_turn = first is not None and claim_sources.turn_source(a, first) is not None
        if not outlet_done and first is not None and ev.modality == "asserted" and not in_turn:
            # The outlet asserts what it narrates as fact.  An event only a party claims is not asserted by
            # the outlet that relays the claim (the control timeline must see it as a claim, not a fact).
            add(_outlet(a), "asserts", ev, first, None)
    for s in a.sentences:
        if s.index in covered or s.is_question or claim_sources.is_interviewer(a, s.speaker_label):
            continue
        has_toll = any(c.kind == "killed" for c in a.in_sentence(a.casualties, s))
        said = claim_sources.attributed_source(a, s)
        if (
            said is not None
            and said.party
            and said.kind == "actor"
            and (
                modality.denied_cue(s.text) or said.name in {n for e in events for n in (e.actor1, e.actor2)}
            )
        ):
            # A party answering the report: a denial, or its own version of an event it took part in.
            about = _about(events, a, s)
            if about is not None:
                add(said, _response_stance(said, s, about), about, s, _toll(a, s))
                covered.add(s.index)
                continue
        if has_toll:
            # A death toll said outside any event sentence: a claim about a figure.
            src = said or _source(a, s)
            stance = "asserts" if src.kind == "outlet" or not src.party else "claims"
            add(src, stance, None, s, None)
            covered.add(s.index)
    for i, x in enumerate(made):
        for y in made[i + 1 :]:
            if _opposed(x, y):
                x.claim.contradicts.append(y.claim.id)
                y.claim.contradicts.append(x.claim.id)
    return [m.claim for m in made]
