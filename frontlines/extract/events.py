"""Events in the ACLED taxonomy, read sentence by sentence from a report's analysis.

Steps, for each candidate sentence (cheap regex pre-filter, then full parse):
  1. the sub-event decision (``event_classify.decide``: trigger lexicon + parse);
  2. skip what is not an event: interviewer questions, generic/habitual statements;
  3. who (``event_actors``), where and when (``event_context``), how many (``event_counts``),
     modality and background status (``modality``);
then duplicates are merged by ACLED's rules (one event per actors-place-day; air strikes inside a ground
battle belong to the battle) and the events are ordered by salience (``salience``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from frontlines.extract import (
    claim_sources,
    event_actors,
    event_context,
    event_counts,
    event_vote,
    modality,
    salience,
    triggers,
)

try:  # the gazetteer's public geocoder (the places step's; may be absent in a minimal install)
    from frontlines.extract import gazetteer as _gazetteer
except ImportError:  # pragma: no cover
    _gazetteer = None  # type: ignore[assignment]
from frontlines.data.loader import load_yaml, require
from frontlines.extract.event_classify import (
    Decision,
    cannot_be_event,
    decide,
    has_conflict_cue,
    is_non_event,
)
from frontlines.extract.mentions import Analysis, Sentence
from frontlines.extract.notes import note_for
from frontlines.ids import document_key, short_hash
from frontlines.model import EVENT_TYPE_OF, Event, Evidence, disorder_type_of, interaction_code

_CIVILIAN_TYPES = {"Violence against civilians"}
# Remote violence reported inside a ground battle belongs to the battle (ACLED); territory taken in the
# fighting makes the battle a territorial event.
_MERGE_INTO_BATTLE = {
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
}
_LEAVE_VERBS = {"withdraw", "retreat", "leave", "abandon", "flee", "pull", "fall"}
# One demonstration is one event (ACLED: one per actors, place and day): its readings as a peaceful
# protest, a protest broken up, force against it or a riot fold into one, the lead's reading first.
_DEMONSTRATION = {
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
}
_TERRITORY = {
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Non-violent transfer of territory",
}
_BATTLES = {"Armed clash", "Non-state actor overtakes territory", "Government regains territory"}
# What a security operation reports beside its fighting: the people it detained, the weapons it seized.
# ACLED codes one event per actors, place and day, so these join the battle or strike of the same force.
_OPERATION = {"Arrests", "Disrupted weapons use"}
_OPERATION_PARTNERS = _BATTLES | _MERGE_INTO_BATTLE | _OPERATION | {"Air/drone strike"}
_COUNTED = ("asserted", "claimed")
_FORCES = {1, 8}  # ACLED inter codes of state forces and external (foreign) forces


@functools.cache
def restatement_cue() -> re.Pattern[str]:
    """The words of ``data/events/restatement.yaml`` (a follow-up that retells an event) as one pattern."""
    data = load_yaml("events/restatement.yaml") or {}
    require(isinstance(data, dict), "events/restatement.yaml", "top level", "expected a mapping")
    cues = data.get("cues") or []
    require(
        isinstance(cues, list) and all(isinstance(c, str) for c in cues) and bool(cues),
        "events/restatement.yaml",
        "cues",
        "expected a non-empty list of words",
    )
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


@functools.cache
def similar_elsewhere_cue() -> tuple[re.Pattern[str], int]:
    """The pattern of ``data/events/similar_elsewhere.yaml`` ("similar actions are taking place in") and
    how many sentences back the repeated event may be."""
    name = "events/similar_elsewhere.yaml"
    data = load_yaml(name) or {}
    require(isinstance(data, dict), name, "top level", "expected a mapping")
    words = {}
    for key in ("nouns", "verbs"):
        value = data.get(key) or []
        require(
            isinstance(value, list) and bool(value) and all(isinstance(v, str) and v.strip() for v in value),
            name,
            key,
            "expected a non-empty list of words",
        )
        words[key] = "|".join(re.escape(v.strip()) for v in sorted(value, key=len, reverse=True))
    window = data.get("window", 3)
    require(isinstance(window, int) and 1 <= window <= 10, name, "window", "expected an integer 1-10")
    pattern = re.compile(
        rf"\b(?:(?:similar|the same)\s+(?:{words['nouns']})|the same)\s+(?:{words['verbs']})\s+in\b",
        re.IGNORECASE,
    )
    return pattern, window


@functools.cache
def admin1_names() -> dict[str, dict[str, str]]:
    """{ISO3: {gazetteer admin1: common English name}} from ``data/events/admin1_names.yaml``."""
    data = load_yaml("events/admin1_names.yaml") or {}
    require(isinstance(data, dict), "events/admin1_names.yaml", "top level", "expected a mapping")
    out: dict[str, dict[str, str]] = {}
    for iso3, names in data.items():
        require(isinstance(names, dict), "events/admin1_names.yaml", str(iso3), "expected a mapping")
        out[str(iso3)] = {str(k): str(v) for k, v in names.items()}
    return out


def common_admin1(admin1: str | None, iso3: str | None) -> str | None:
    """The province's common English name (``Idleb`` -> ``Idlib``), else the name given."""
    if not admin1 or not iso3:
        return admin1
    named = admin1_names().get(iso3, {}).get(admin1)
    if named:
        return named
    if _TRANSLITERATION_MARKS.search(admin1):
        return _plain_latin(admin1)
    return admin1


# Scholarly transliteration marks in GeoNames' admin1 names ("Jammu and Kashmīr", "Ḩā'il", "‘Ajlūn"):
# English-language reporting and ACLED write them without (an acute or a cedilla in "Mérida" stays).
_TRANSLITERATION_MARKS = re.compile(
    "[\u0100\u0101\u0112\u0113\u012a\u012b\u014c\u014d\u016a\u016b\u1e00-\u1eff\u2018\u02bf\u02be]"
)


def _plain_latin(name: str) -> str:
    """The name without macrons, under-dots and ayn/hamza marks."""
    name = re.sub("[\u2018\u2019\u02bb\u02bf\u02be]", "", name)
    folded = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(ch for ch in folded if not unicodedata.combining(ch)))


def load_resources() -> None:
    """Load trigger lexicons, modality cues and note templates once per process."""
    admin1_names()
    restatement_cue()
    triggers.lexicon()
    modality.cues()
    event_vote.load_resources()
    from frontlines.extract.notes import templates

    templates()


# Any word whose lemma may be one of the speech verbs ``claim_sources`` reads from a parse (stems, matched
# anywhere in a word: the test only has to never miss one).
_SPEECH_STEMS = re.compile(
    r"inform|sa[iy]|claim|tell|told|stat|announc|confirm|den[iy]|insist|report|add|alleg|assert|tweet|"
    r"writ|wrote|reject|dismiss|accord",
    re.IGNORECASE,
)
_HITS_ATTR = "_trigger_hits"  # the per-report cache of trigger scores (see _trigger_hits)


def _trigger_hits(a: Analysis) -> dict[int, list[triggers.TriggerHit]]:
    """The report's trigger scores by sentence index, kept on the analysis: ``candidate_sentences`` scores
    each sentence once (scoring costs about a third of a parse) and the decision step reuses the score."""
    cache = a.__dict__.get(_HITS_ATTR)
    if cache is None:
        cache = a.__dict__[_HITS_ATTR] = {}
    return cache


def _parse_needed_elsewhere(a: Analysis, s: Sentence) -> bool:
    """Does a sentence's parse change what the claims read from it: who it is attributed to ("X said") or
    the claimant of a death toll told outside any event?"""
    return _SPEECH_STEMS.search(s.text) is not None or any(
        c.kind == "killed" for c in a.in_sentence(a.casualties, s)
    )


def candidate_sentences(analysis: Analysis) -> list[int]:
    """Indices of the sentences that may hold an event (these get a full parse): any trigger cue, and not
    an interviewer's question.

    A sentence whose cues cannot make an event whatever its parse (``event_classify.cannot_be_event``:
    only weak cues, no territory cue) is left out, unless the claims read its parse.
    """
    a = analysis
    cache = _trigger_hits(a)
    out = []
    for s in a.sentences:
        if s.is_question or claim_sources.is_interviewer(a, s.speaker_label):
            continue
        if not triggers.may_hold_event(s.text):
            continue
        hits = cache.get(s.index)
        if hits is None:
            context = _context(a, s)
            hits = cache[s.index] = [] if is_non_event(context) else triggers.score(s.text, context)
        if cannot_be_event(hits, s.text) and not _parse_needed_elsewhere(a, s):
            continue
        out.append(s.index)
    return out


def _context(a: Analysis, s: Sentence) -> str:
    """The sentence with its neighbours in the same paragraph (where co-occurring cues are looked for)."""
    parts = []
    for i in (s.index - 1, s.index, s.index + 1):
        if 0 <= i < len(a.sentences) and a.sentences[i].paragraph == s.paragraph:
            parts.append(a.sentences[i].text)
    return " ".join(parts)


def _agent_is_state(a: Analysis, s: Sentence, trigger_at: int, agent: Any = None) -> bool | None:
    """Is the doer a state force?  The actor covering the parse's agent, else the first actor named before
    the trigger (outside "X said"); None when no actor is known."""
    spans = claim_sources.attribution_spans(a, s)
    mentions = [
        m
        for m in a.in_sentence(a.actor_mentions, s)
        if not any(lo <= m.start and m.end <= hi for lo, hi in spans)
    ]
    doer = event_actors.mention_at(mentions, s.start, agent)
    if doer is None:
        before = [m for m in mentions if m.start < trigger_at]
        doer = before[0] if before else None
    if doer is None or doer.actor.inter == 7:
        return None
    state = event_actors.is_state(doer)
    doc = a.parsed.get(s.index)
    if doc is not None and agent is None:
        # "Government forces fell back, and the compound was taken": the side that left did not take it.
        tok = next((t for t in doc if s.start + t.idx >= doer.start), None)
        while tok is not None and tok.dep_ in ("compound", "amod", "det"):
            tok = tok.head
        if tok is not None and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _LEAVE_VERBS:
            return not state
    return state


def _counts(a: Analysis, s: Sentence, doc: Any, next_free: Sentence | None) -> event_counts.Counts:
    mentions = a.in_sentence(a.casualties, s)
    if not mentions and next_free is not None:
        mentions = a.in_sentence(a.casualties, next_free)
    counts = event_counts.from_mentions(mentions) if mentions else None
    if counts is None or (not counts.fatalities and counts.arrested is None and counts.injured is None):
        if doc is not None:
            parsed = event_counts.from_parse(doc)
            counts = parsed if counts is None else event_counts.merge_counts(counts, parsed, "")
    elif not counts.fatalities and doc is not None:
        # "62 Taliban were killed and 40 others wounded": the wounded were read, the dead (a group's name,
        # not a person noun) only by the parse; take only the dead from it.
        parsed = event_counts.from_parse(doc)
        if parsed.fatalities:
            counts.fatalities, counts.low, counts.high = parsed.fatalities, parsed.low, parsed.high
    counts = counts or event_counts.Counts()
    if modality.no_casualties(s.text):
        counts.injured = counts.injured or 0
    return counts


def _report_party(a: Analysis) -> claim_sources.Source | None:
    """``claim_sources.report_party``, worked out once per report (the parses are done by now; it reads
    the first sentence's and was asked again for every event)."""
    if "_report_party" not in a.__dict__:
        a.__dict__["_report_party"] = claim_sources.report_party(a)
    return a.__dict__["_report_party"]


# Triggers that are only the casualty verb: with "no one was killed" such an event did not happen.
_CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "hurt", "harm", "die"})


def _modality(a: Analysis, s: Sentence, doc: Any, d: Decision) -> str:
    """asserted | claimed | denied | hypothetical | negated for the event a sentence reports."""
    from_parse = modality.modality_from_parse(doc, d.start, d.end) if doc is not None else None
    if modality.no_casualties(s.text):
        trigger = modality.tokens_at(doc, d.start, d.end) if doc is not None else []
        verbs = [t for t in trigger if t.pos_ == "VERB"]
        if verbs and all(t.lemma_.lower() in _CASUALTY_VERBS for t in verbs):
            # "No civilians were killed in the strike": the killing itself is what is negated.
            return "negated"
        if from_parse == "negated":
            from_parse = None  # "no one was hurt in the blast": the blast happened, without casualties
    if modality.denied_cue(s.text):
        return "denied"
    if from_parse in ("negated", "hypothetical", "denied"):
        return from_parse
    if modality.negated_cue(s.text):
        return "negated"
    # A threat or plan word governs the trigger only when it comes shortly before it ("threatened to attack").
    if modality.hypothetical_cue(s.text[max(0, d.start - 60) : d.start]):
        return "hypothetical"
    src = claim_sources.attributed_source(a, s)
    if src is not None:
        return "claimed" if src.party else "asserted"
    if claim_sources.party_speaker(a, s) or claim_sources.pronoun_speaker(a, s):
        return "claimed"
    if _report_party(a) is not None:
        return "claimed"  # the whole report is a party's statement
    if doc is None and modality.is_party_claim(s.text):
        return "claimed"
    if modality.strong_claim_cue(s.text):
        return "claimed"
    return "asserted"


_REFERENCE_BEFORE = re.compile(
    r"(?:from|of|to|toward|towards|near|outside|km|kilometres|kilometers|miles|north|south|east|west|"
    r"between|and the)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _towns_taken(a: Analysis, s: Sentence) -> list[event_context.Where]:
    """Several towns named in a territorial sentence (see :func:`_sentence_towns`), else none."""
    towns = _sentence_towns(a, s)
    return towns if len(towns) > 1 else []


def _sentence_towns(a: Analysis, s: Sentence) -> list[event_context.Where]:
    """The towns a sentence names ("captured Farah and Pul-e Khumri": one event per place, as ACLED codes
    them).  Towns given as reference points ("50 km from Kabul", "toward Mazar") are left out."""
    towns: dict[str, event_context.Where] = {}
    for m in a.in_sentence(a.place_mentions, s):
        if (
            m.place is None
            or m.place.feature != "populated place"
            or event_context.in_dateline(a.text, m.start, m.end)
        ):
            continue
        if _REFERENCE_BEFORE.search(a.text[max(0, m.start - 20) : m.start]):
            continue
        towns.setdefault(m.place.id, event_context.Where(m.place, 1, m))
    return list(towns.values())


def _is_town_name(a: Analysis, name: str) -> bool:
    """Is a name the places step missed a town the gazetteer knows in the report's country?"""
    geocode = getattr(_gazetteer, "geocode", None)
    if geocode is None or not a.country_iso2 or len(name) < 3:
        return False
    try:
        found = geocode(name, a.country_iso2)
    except Exception:
        return False
    return found is not None and found.feature == "populated place"


def _is_the_town(d: Decision) -> bool:
    """Is what was taken "the city" / "the town" (the report's town, named elsewhere)?"""
    p = d.patient
    return (
        d.sub_event_type in _TERRITORY
        and p is not None
        and p.lemma_.lower() in ("city", "town", "capital")
        and any(c.lower_ == "the" for c in p.children)
        and not any(c.dep_ in ("compound", "prep") for c in p.children)
    )


def _is_tally(d: Decision, towns: list[event_context.Where]) -> bool:
    """A count of places taken with none named ("three more provincial capitals fell")."""
    p = d.patient
    return (
        d.sub_event_type in _TERRITORY
        and not towns
        and p is not None
        and p.tag_ == "NNS"
        and any(c.dep_ == "nummod" for c in p.children)
    )


def _span_text(token: Any) -> tuple[int, int]:
    """The character span of a proper name headed by ``token`` (its compound and flat dependents)."""
    parts = [token]
    for t in parts:  # the name's own words only, not the appositions hanging from it
        parts.extend(c for c in t.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN")
    return min(t.idx for t in parts), max(t.idx + len(t.text) for t in parts)


def _places_taken(a: Analysis, s: Sentence, d: Decision) -> list[event_context.Where]:
    """The towns the parse says were taken (the capture verb's object and the names joined to it), each as
    a town: the places step's mention when it has one, else the gazetteer's populated place of that name
    ("Faizabad, the capital of Badakhshan" is the town, not the province)."""
    if d.patient is None:
        return []
    geocode = getattr(_gazetteer, "geocode", None)
    verbs = triggers.lexicon().verbs.get("capture", frozenset()) | triggers.lexicon().verbs.get(
        "retake", frozenset()
    )
    objects = [d.patient] + [
        o
        for t in d.patient.doc
        if t.pos_ == "VERB" and t.lemma_.lower() in verbs
        for o in t.children
        if o.dep_ in ("dobj", "nsubjpass") and o is not d.patient
    ]
    heads: list[Any] = []
    for o in list(objects):
        # "Maidan Shar, the capital of Wardak, was captured": the name the common noun stands beside
        if o.pos_ != "PROPN" and o.dep_ == "appos" and o.head.pos_ == "PROPN":
            objects.append(o.head)
        # "In Sharana, ... the Taliban took the governor's office": the town the taking happened in
        if o.lemma_.lower() in ("office", "compound", "headquarters", "building", "centre", "center"):
            verb = o.head
            objects.extend(
                p
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "in"
                for p in c.children
                if p.dep_ == "pobj" and p.pos_ == "PROPN"
            )
    for o in objects:
        named = next((c for c in o.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if o.pos_ != "PROPN" and named is not None:
            o = named  # "Ghazni city"
        if o.pos_ != "PROPN":
            # "the city of Ghazni", "parts of Kunduz city": the name hangs from the common noun
            of = next(
                (
                    p
                    for c in o.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
            if of is not None and of.pos_ != "PROPN":
                of = next((c for c in of.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
            if of is not None:
                heads.append(of)
                continue
            o = next(
                (
                    p
                    for c in o.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    if p.dep_ == "pobj" and p.pos_ == "PROPN"
                ),
                None,
            )
        if o is None:
            continue
        heads.append(o)
        # "Kandahar, the second city, and Lashkar Gah": names joined to it or to its apposition
        for x in [o, *(c for c in o.children if c.dep_ == "appos")]:
            heads += [c for c in x.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    out: dict[str, event_context.Where] = {}
    for h in heads:
        lo, hi = _span_text(h)
        lo, hi = s.start + lo, s.start + hi
        mention = next(
            (m for m in a.place_mentions if m.start < hi and m.end > lo and m.place is not None), None
        )
        place = mention.place if mention is not None else None
        if (place is None or place.feature != "populated place") and geocode is not None:
            try:
                found = geocode(a.text[lo:hi], a.country_iso2)
            except Exception:
                found = None
            if (
                found is not None
                and found.feature == "populated place"
                and (
                    place is None
                    or not place.admin1
                    or found.admin1 == place.admin1
                    or place.feature == "admin1"
                )
            ):
                place = found
        if place is not None and place.feature == "populated place":
            out.setdefault(place.id, event_context.Where(place, 1, mention))
    return list(out.values())


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def _in_title_line(text: str, s: Sentence, d: Decision) -> bool:
    """Is the trigger on a headline line ("Militants Detained in Two Provinces") rather than in the body?  A line of its own in the report, without closing punctuation,
    whose longer words are capitalised."""
    at = s.start + d.start
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    if hi == -1:
        return False  # the report's last line (or its only one): body text
    line = text[lo:hi].strip()
    if not line or line[-1] in '.!?"”:;,':
        return False
    words = _TITLE_WORD.findall(line)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _retold_in_title(body: Event, title: Event) -> bool:
    """Does a headline retell a body event?  Same type and province; the headline's date may be the
    release's own, so only the place and the kind are compared."""
    return (
        body.sub_event_type == title.sub_event_type
        and bool(body.admin1)
        and body.admin1 == title.admin1
        and body.modality in _COUNTED
        and not body.historical
    )


def _carry_dates(found: list[tuple[Event, Decision, Sentence, str]]) -> None:
    """An event whose sentence has no date of its own takes the date of the nearest earlier event that
    has one (a follow-up sentence usually tells more of the main event), instead of a fallback date."""
    last: tuple[str | None, int] | None = None
    for ev, _d, _s, level in sorted(found, key=lambda f: f[2].index):
        if ev.historical:
            continue
        if level in ("sentence", "speech"):  # the sentence dates itself
            last = (ev.event_date, ev.time_precision)
        elif last is not None:
            ev.event_date, ev.time_precision = last


_PLACE_FIELDS = ("country", "iso3", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")


def _carry_places(a: Analysis, found: list[tuple[Event, Decision, Sentence, str]]) -> None:
    """An event whose sentence names no place of its own ("The security force detained one additional
    insurgent") happened where the nearest earlier event of its paragraph did, not at the paragraph's most
    precise place (which may be a background list: "attacks in Kabul, Kandahar and Herat")."""
    last: tuple[Event, int] | None = None
    for ev, _d, s, _level in sorted(found, key=lambda f: f[2].index):
        if ev.historical:
            continue
        names = {m.place.name for m in a.in_sentence(a.place_mentions, s) if m.place is not None}
        own = ev.location is not None and ev.location in names
        if own:
            last = (ev, s.paragraph)
        elif last is not None and last[1] == s.paragraph and last[0].country == ev.country:
            for f in _PLACE_FIELDS:
                setattr(ev, f, getattr(last[0], f))


_THREAT = re.compile(r"\b(?:threat\w*|vow\w*|warn\w*|plan\w*|pledg\w*|promis\w*|ultimatum)\b", re.I)


def _names_home_place(a: Analysis, s: Sentence) -> bool:
    """Does the sentence itself name a place in the report's dominant country?"""
    home = event_context.dominant_country(a)
    return any(
        m.place and (home is None or m.place.country == home) for m in a.in_sentence(a.place_mentions, s)
    )


_STATE_INTER = {1}  # state forces (a foreign army taking ground is left as the wording gave it)
_NON_STATE_INTER = {2, 3, 4}  # rebels, political militias, identity militias


def _territory_by_taker(sub_event_type: str, inter1: int, inter2: int) -> str:
    """Who took the place decides which of ACLED's two territory types it is: the type read from the
    wording ("captured") gives way to the taker the actors step found ("the Arakan Army said it had
    captured Paletwa" is a non-state gain, whatever the pronoun suggested)."""
    if (
        sub_event_type == "Government regains territory"
        and inter1 in _NON_STATE_INTER
        and inter2 not in _NON_STATE_INTER
    ):
        return "Non-state actor overtakes territory"
    if (
        sub_event_type == "Non-state actor overtakes territory"
        and inter1 in _STATE_INTER
        and inter2 not in _STATE_INTER
    ):
        return "Government regains territory"
    return sub_event_type


def _build(
    a: Analysis,
    s: Sentence,
    d: Decision,
    doc: Any,
    next_free: Sentence | None,
    lead: bool,
    at: event_context.Where | None = None,
) -> tuple[Event, str] | None:
    """The event a decided sentence reports, and where its date came from (None: not a dated event).
    ``at`` fixes the place (one of several towns taken in one sentence)."""
    place = at or event_context.where(a, s)
    time = event_context.when(a, s, s.start + d.start)
    historical = event_context.is_historical(a, time.date, time.precision if time.level == "sentence" else 1)
    if not historical and time.level != "sentence" and modality.historical_cue(s.text):
        # "The RSF captured most of Khartoum in the first weeks of the war": background with no date
        historical = True
    if not historical and time.level != "sentence":
        # "They are installing explosives on the streets": habitual or ongoing in general, no dated event.
        # (The report's first event sentence is its lead or headline, not a habit: it is exempt.)
        if not lead and (
            modality.generic_cue(s.text) or (doc is not None and modality.is_generic_parse(doc))
        ):
            return None
    if not historical and time.span_days > 7:
        return None  # "in the past four months they fought ...": a campaign summary, not a dated event
    country = place.place.country if place.place else None
    context_mentions = [
        m
        for m in a.actor_mentions
        if (st := a.sentence_at(m.start)) is not None and st.paragraph == s.paragraph and st.index != s.index
    ]
    who = event_actors.sides(
        a,
        s,
        d.sub_event_type,
        d.agent,
        d.patient,
        context_mentions,
        event_actors.country_name(a, country),
        time.date,
        trigger_at=s.start + d.start,
        exclude=claim_sources.attribution_spans(a, s),
    )
    sub_event_type = _territory_by_taker(d.sub_event_type, who.inter1, who.inter2)
    counts = _counts(a, s, doc, next_free)
    mod = _modality(a, s, doc, d)
    if mod == "hypothetical" and not _names_home_place(a, s) and not _THREAT.search(s.text):
        # "a province may already be under their control", "the air force can make up for the bombers":
        # a possibility about no place of the report's country is a general statement, not an event; a
        # threat or a plan ("vowed to attack", "plans an offensive") stays, marked hypothetical.
        return None
    event_type = EVENT_TYPE_OF[sub_event_type]
    p = place.place
    ev = Event(
        id="",
        event_date=time.date.isoformat() if time.date else None,
        time_precision=time.precision,
        disorder_type=disorder_type_of(sub_event_type),
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=who.actor1,
        actor2=who.actor2,
        inter1=who.inter1,
        inter2=who.inter2,
        interaction=interaction_code(who.inter1, who.inter2),
        country=p.country if p else None,
        iso3=p.iso3 if p else None,
        admin1=common_admin1(p.admin1, p.iso3) if p else None,
        admin2=p.admin2 if p else None,
        location=(common_admin1(p.name, p.iso3) if p.feature == "admin1" else p.name) if p else None,
        latitude=p.latitude if p else None,
        longitude=p.longitude if p else None,
        geo_precision=place.precision,
        fatalities=counts.fatalities,
        fatalities_low=counts.low,
        fatalities_high=counts.high,
        civilian_fatalities=counts.civilian,
        injured=counts.injured,
        arrested=counts.arrested,
        civilian_targeting="Civilian targeting" if event_type in _CIVILIAN_TYPES else "",
        modality=mod,  # type: ignore[arg-type]
        historical=historical,
        evidence=[Evidence(s.text, s.start, s.end)],
        source=a.source,
    )
    if p is not None and p.feature == "admin1" and not ev.admin1:
        ev.admin1 = common_admin1(p.name, p.iso3)
    if a.published is not None and not historical and _present_hold(d, doc, s.text):
        ev.event_date, ev.time_precision = a.published.isoformat(), 1
        return ev, "sentence"
    return ev, time.level


_HOLD_CUE = re.compile(r"under\b|in the hands\b", re.IGNORECASE)
_HOLD_VERBS = {"be", "remain", "stay"}


def _present_hold(d: Decision, doc: Any, sentence: str) -> bool:
    """ "Kunduz is under the full control of X": a present-tense statement of who holds a place.  It tells
    the state on the day it is reported, not the day the place changed hands (dates told elsewhere in the
    sentence, "three days after ...", belong to other happenings)."""
    if doc is None or d.sub_event_type not in _TERRITORY or not _HOLD_CUE.match(sentence[d.start : d.end]):
        return False
    tok = next((t for t in doc if t.idx >= d.start), None)
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head is not tok:
        tok = tok.head
    return tok is not None and tok.lemma_.lower() in _HOLD_VERBS and tok.tag_ in ("VBZ", "VBP")


def _places_compatible(x: Event, y: Event) -> bool:
    """Same place, or one of them only known less precisely within the same province."""
    if x.admin1 and y.admin1 and x.admin1 != y.admin1:
        return False
    if not x.location or not y.location or x.location == y.location:
        return True
    # Two different towns are two events; a town and its province, or a place only inferred from the
    # paragraph (precision 2+), are one.
    return x.geo_precision >= 2 or y.geo_precision >= 2


def _same_event(x: Event, y: Event) -> bool:
    """ACLED's one event per actors-place-day (within one report)."""
    if x.historical != y.historical or x.event_date != y.event_date:
        return False
    if (x.modality in ("asserted", "claimed")) != (y.modality in ("asserted", "claimed")):
        return False
    if not _places_compatible(x, y):
        return False
    if x.sub_event_type == y.sub_event_type:
        return True
    pair = {x.sub_event_type, y.sub_event_type}
    if pair <= _DEMONSTRATION:
        return True
    if "Non-violent transfer of territory" in pair and pair <= _TERRITORY and x.location == y.location:
        # A withdrawal told beside the capture it made possible; a retake claim against a capture stays apart.
        return True  # "the Taliban captured the town" and "government forces withdrew from it": one change of hands
    if _one_operation(x, y):
        return True  # checked before the doers: a joint force is written now as one force, now the other
    if x.actor1 and y.actor1 and x.actor1 not in (y.actor1, y.actor2):
        return False
    pair = {x.sub_event_type, y.sub_event_type}
    if len(pair & _BATTLES) == 2 and "Armed clash" in pair:
        return True  # the clashes in which a place was taken
    if _one_operation(x, y):
        return True
    return bool(pair & _BATTLES) and bool(pair & _MERGE_INTO_BATTLE)


def _same_sides(x: Event, y: Event) -> bool:
    """Are two events between the same actors?  One of them names no doer ("several individuals were
    detained during the operation"), they share an actor (the force that fought is the one that arrested,
    or the group it fought is the one it detained), or both doers are state or foreign forces (a joint
    Afghan and coalition force is written now as one, now as the other)."""
    if not x.actor1 or not y.actor1:
        return True
    if {x.actor1, x.actor2} & {y.actor1, y.actor2} - {""}:
        return True
    return x.inter1 in _FORCES and y.inter1 in _FORCES


def _one_operation(x: Event, y: Event) -> bool:
    """An arrest or seizure and the fighting, strike or other arrests between the same actors, both
    reported as having happened: one operation, one event (ACLED: one event per actors, place and day), so
    its dead and detained are not summed twice.  Date and place are checked by the caller."""
    pair = {x.sub_event_type, y.sub_event_type}
    if not (pair & _OPERATION and pair <= _OPERATION_PARTNERS):
        return False
    if x.modality not in _COUNTED or y.modality not in _COUNTED or not _same_sides(x, y):
        return False
    # A seizure is an event of its own ("also seized a rifle"), unless its sentence told the operation's
    # arrests or deaths too and so does the other's: then it is the operation, read under another type,
    # and its people would be counted twice.
    return "Disrupted weapons use" not in pair or (_has_people(x) and _has_people(y))


def _has_people(ev: Event) -> bool:
    return bool(ev.arrested or ev.fatalities)


def _restates(earlier: Event, later: Event, own_date: bool, text: str) -> bool:
    """Does a later sentence retell an earlier event rather than report a new one?  It must be of the same
    kind (same sub-event type, or one operation), in the same province, with every count it gives already
    inside the earlier event's ("six suspected insurgents were detained" after "... detaining six"), and
    either have no date of its own (a detail sentence) or confirm what was reported (a follow-up release:
    "forces confirmed today that a leader was arrested ...")."""
    if earlier.historical or later.historical:
        return False
    if earlier.modality not in _COUNTED or later.modality not in _COUNTED:
        return False
    if own_date and not restatement_cue().search(text):
        return False
    if not earlier.admin1 or earlier.admin1 != later.admin1:
        return False
    if later.sub_event_type != earlier.sub_event_type and not _one_operation(earlier, later):
        return False
    counts = [(later.arrested or 0, earlier.arrested or 0), (later.fatalities or 0, earlier.fatalities or 0)]
    return any(n for n, _ in counts) and all(n <= m for n, m in counts)


_COUNT_FIELDS = (
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "civilian_fatalities",
    "injured",
    "arrested",
)


# "after the blast", "during the attack", "in this strike": a definite noun that points back to a
# happening the report has told, not a new one.
_BACK_REFERENCE = re.compile(
    r"\b(?:after|following|since|before|during|in|from|by|of|at|despite|for|over)\s+(?:the|this|that|these|those)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_HAPPENING_NOUN = re.compile(
    r"(?:blasts?|explosions?|attacks?|bombings?|strikes?|raids?|ambush(?:es)?|clash(?:es)?|fighting|shelling|"
    r"assaults?|incidents?|violence|unrest|riots?|protests?)\b",
    re.IGNORECASE,
)


def _refers_back(sentence: str, d: Decision) -> bool:
    """Is the trigger a definite noun pointing back ("pulled down their shutters after the blast")?"""
    return bool(
        _BACK_REFERENCE.search(sentence[: d.start]) and _HAPPENING_NOUN.match(sentence[d.start : d.end])
    )


def _same_happening(earlier: Event, later: Event, own_date: bool) -> bool:
    """Can a back-reference be to this earlier event: same event type, a compatible place, and the same
    day (or no day of its own)?"""
    if earlier.historical or later.historical or earlier.event_type != later.event_type:
        return False
    if own_date and earlier.event_date != later.event_date:
        return False
    return _places_compatible(earlier, later)


def _merge(into: Event, other: Event) -> None:
    """Fold a duplicate mention into the event (the battle wins over an air strike inside it)."""
    battle_wins = other.sub_event_type in _BATTLES and (
        into.sub_event_type in _MERGE_INTO_BATTLE | _OPERATION
        or (into.sub_event_type == "Armed clash" and other.sub_event_type != into.sub_event_type)
    )
    # "students marched ..." then "police fired tear gas at them": the protest was not left alone
    protest_met = into.sub_event_type == "Peaceful protest" and other.sub_event_type in _DEMONSTRATION
    if battle_wins or protest_met:
        into.sub_event_type, into.event_type = other.sub_event_type, other.event_type
        into.disorder_type = other.disorder_type
    a = event_counts.Counts(
        into.fatalities,
        into.fatalities_low,
        into.fatalities_high,
        into.civilian_fatalities,
        into.injured,
        into.arrested,
    )
    b = event_counts.Counts(
        other.fatalities,
        other.fatalities_low,
        other.fatalities_high,
        other.civilian_fatalities,
        other.injured,
        other.arrested,
    )
    earlier = " ".join(e.text for e in into.evidence)
    m = event_counts.merge_counts(a, b, other.evidence[0].text if other.evidence else "", earlier)
    into.fatalities, into.fatalities_low, into.fatalities_high = m.fatalities, m.low, m.high
    into.civilian_fatalities, into.injured, into.arrested = m.civilian, m.injured, m.arrested
    for f in ("actor1", "actor2", "location", "admin1", "admin2", "country", "iso3", "latitude", "longitude"):
        if not getattr(into, f) and getattr(other, f):
            setattr(into, f, getattr(other, f))
    if not into.actor2 and other.actor1 and other.actor1 != into.actor1:
        into.actor2, into.inter2 = other.actor1, other.inter1
    if into.actor1 == other.actor1 and not into.inter1:
        into.inter1 = other.inter1
    if into.modality == "asserted" and other.modality == "claimed":
        into.modality = "claimed"
    into.geo_precision = min(into.geo_precision, other.geo_precision)
    into.time_precision = min(into.time_precision, other.time_precision)
    into.evidence.extend(other.evidence)


def _finalise(a: Analysis, ev: Event) -> None:
    if ev.actor2 == ev.actor1:
        ev.actor2, ev.inter2 = "", 0
    ev.interaction = interaction_code(ev.inter1, ev.inter2)
    ev.fatalities = int(ev.fatalities or 0)
    key = document_key(a.text) if a.text else a.id
    start = ev.evidence[0].start if ev.evidence else None
    ev.id = "ev_" + short_hash(key, ev.sub_event_type, ev.event_date, ev.location, ev.actor1, start)
    town = None
    if ev.geo_precision >= 3 and ev.evidence:
        town = event_context.unknown_town_name(a, ev.evidence[0].start, ev.evidence[0].end)
    ev.notes = note_for(ev, town)


def _similar_elsewhere(
    a: Analysis,
    decided: dict[int, tuple[Decision, Any]],
    found: list[tuple[Event, Decision, Sentence, str]],
) -> list[tuple[Event, Decision, Sentence, str]]:
    """Events repeated at other places by "similar actions are taking place in X" sentences: the nearest
    earlier event (within the configured window), at each place the sentence names after the cue."""
    pattern, window = similar_elsewhere_cue()
    out: list[tuple[Event, Decision, Sentence, str]] = []
    for s in a.sentences:
        if s.index in decided or s.is_question:
            continue
        m = pattern.search(s.text)
        if m is None:
            continue
        earlier = [si for si in decided if s.index - window <= si < s.index]
        if not earlier:
            continue
        si = max(earlier)
        d, doc = decided[si]
        told = [f[0] for f in found if f[2].index == si and not f[0].historical]
        if not told:
            continue
        places = {  # each place once, none already told
            p.place.id: p
            for p in a.in_sentence(a.place_mentions, s)
            if p.place is not None
            and p.start >= s.start + m.end()
            and p.place.name not in {t.location for t in told}
        }
        for p in places.values():
            place = p.place
            assert place is not None
            precision = 1 if place.feature == "populated place" else 3
            built = _build(
                a, a.sentences[si], d, doc, None, lead=False, at=event_context.Where(place, precision, p)
            )
            if built is None:
                continue
            ev = built[0]
            # the place and the quote come from this sentence; the earlier one's counts are not repeated
            ev.evidence = [Evidence(s.text, s.start, s.end)]
            ev.fatalities, ev.fatalities_low, ev.fatalities_high = 0, None, None
            ev.civilian_fatalities, ev.injured, ev.arrested = 0, None, None
            out.append((ev, d, s, built[1]))
    return out


def extract_events(analysis: Analysis) -> list[Event]:
    """The report's events, main event first."""
    a = analysis
    found: list[tuple[Event, Decision, Sentence, str]] = []
    candidates = candidate_sentences(a) if not a.parsed else sorted(a.parsed)
    decided: dict[int, tuple[Decision, Any]] = {}
    cached = _trigger_hits(a)
    # A report that opens on a disaster or an ordinary crime keeps only sentences with a conflict cue of
    # their own ("crops were destroyed" in a flood report is not looting).
    lead = " ".join(x.text for x in a.sentences[: event_context.LEAD_SENTENCES])
    non_event_report = is_non_event(lead)
    for si in candidates:
        s = a.sentences[si]
        if s.is_question or claim_sources.is_interviewer(a, s.speaker_label):
            continue
        if non_event_report and not has_conflict_cue(s.text):
            continue
        doc = a.parsed.get(si)
        spans: list[tuple[int, int]] = []
        filed: list[tuple[int, int]] = []
        for m in a.in_sentence(a.place_mentions, s):
            # "KABUL, Afghanistan (Nov. 23) - A leader was captured ...": where the report was filed is
            # never what was taken
            dateline = event_context.in_dateline(a.text, m.start, m.end)
            (filed if dateline else spans).append((m.start - s.start, m.end - s.start))

        def place_at(
            lo: int,
            hi: int,
            spans: list[tuple[int, int]] = spans,
            filed: list[tuple[int, int]] = filed,
            s: Sentence = s,
        ) -> bool:
            if any(a0 < hi and lo < b0 for a0, b0 in filed):
                return False
            if any(a0 < hi and lo < b0 for a0, b0 in spans):
                return True
            return _is_town_name(a, s.text[lo:hi])

        context = _context(a, s)
        hits = cached.get(si)
        if hits is None:
            hits = cached[si] = [] if is_non_event(context) else triggers.score(s.text, context)
        d0 = decide(s.text, context, doc, place_at=place_at, hits=hits)
        if d0 is None:
            continue
        state = _agent_is_state(a, s, s.start + d0.start, d0.agent)
        if state is not None and d0.agent is not None and d0.agent.head.lemma_.lower() in _LEAVE_VERBS:
            state = not state  # "government troops retreated": the side that took the place is the other one
        d = (
            decide(s.text, context, doc, agent_is_state=state, place_at=place_at, hits=hits)
            if state is not None
            else d0
        )
        if d is not None:
            decided[si] = (d, doc)
    for si, (d, doc) in decided.items():
        s = a.sentences[si]
        nxt = a.sentences[si + 1] if si + 1 < len(a.sentences) else None
        next_free = (
            nxt if nxt is not None and nxt.paragraph == s.paragraph and nxt.index not in decided else None
        )
        towns = (_places_taken(a, s, d) or _towns_taken(a, s)) if d.sub_event_type in _TERRITORY else []
        if not towns and _is_the_town(d):
            # "the city fell": the town this sentence names (not as a reference point), else the report's
            here = _sentence_towns(a, s)
            main = event_context.main_place(a)
            if here:
                towns = here[:1]
            elif (
                main is not None
                and main.feature == "populated place"
                and not event_context.names_unknown_town(a, s)
            ):
                towns = [event_context.Where(main, 1)]
        if _is_tally(d, towns) and len(a.sentences) > 3:
            continue  # "took five more provincial capitals": a tally; the towns come in their own sentences
        for at in towns if towns else [None]:
            built = _build(a, s, d, doc, next_free, lead=si == min(decided), at=at)
            if built is not None:
                found.append((built[0], d, s, built[1]))
    found.extend(_similar_elsewhere(a, decided, found))
    # A headline sums up what the body tells; where the body has events, the headline adds none (it would
    # add the provinces it lists and its own reading of the type): it only joins the body event it retells
    # ("Several Suspected Insurgents Detained" gives the count the body leaves vague).
    titles = [f for f in found if _in_title_line(a.text, f[2], f[1])]
    body = [f for f in found if not _in_title_line(a.text, f[2], f[1])]
    if not body:
        body, titles = titles, []
    found = body
    _carry_dates(found)
    _carry_places(a, found)
    events: list[Event] = []
    order: dict[int, tuple[int, int]] = {}  # id(event) -> (first sentence index, trigger score)
    pointing_back: list[tuple[Event, Sentence]] = []
    for ev, d, s, level in found:
        if _refers_back(s.text, d) and level != "sentence":
            # "concerned by the fighting", "In this clash, 62 were killed": a happening told elsewhere in
            # the report (or only alluded to), with no date of its own: no new event; handled below
            pointing_back.append((ev, s))
            continue
        target = next((e for e in events if _same_event(e, ev)), None)
        if target is None:
            target = next((e for e in events if _restates(e, ev, level == "sentence", s.text)), None)
        if target is None and _refers_back(s.text, d):
            target = next((e for e in events if _same_happening(e, ev, True)), None)
        if target is not None:
            _merge(target, ev)
            continue
        events.append(ev)
        order[id(ev)] = (s.index, d.score)
    for ev, s in pointing_back:
        # It must not retype or take over another event, and what a party says of it is left to the claims
        # step; its counts ("three people were killed in the attack") and the outlet's own narration of it
        # ("shops closed after the blast") join the nearest happening of its kind.
        near = sorted(
            (e for e in events if _same_happening(e, ev, False)),
            key=lambda e: abs(e.evidence[0].start - s.start) if e.evidence else 1 << 30,
        )
        narrated = claim_sources.attributed_source(a, s) is None
        counted = ev.fatalities or ev.injured is not None or ev.arrested is not None  # "no one was hurt" too
        if near and (counted or narrated):
            _merge(near[0], ev)
    for ev, _d, _s, _level in titles:
        target = next((e for e in events if _same_event(e, ev) or _retold_in_title(e, ev)), None)
        if target is not None:
            _merge(target, ev)
    for ev in events:
        _finalise(a, ev)
    ranked = salience.rank(events, {id(e): order[id(e)] for e in events}, a.title)
    ranked, retyped = event_vote.vote(ranked, {id(e): order[id(e)][1] for e in events}, lead)
    if retyped:
        _finalise(a, ranked[0])  # a new type: a new id and note
    return ranked
