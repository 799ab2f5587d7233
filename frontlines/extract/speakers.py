"""Speakers: the people a report quotes or interviews, with their role and organisation.

Sources, strongest first: interview turn labels ("Jamal: ..."), introductions ("a conversation with X, the
head of Y of Z"; "X, the spokesman for Y, said"; "said X, a police chief in Y"; "Y spokesman X"), and PERSON
entities next to a speech verb.  Spellings of one person are clustered by :func:`same_person` (fuzzy,
spacing-free, vowel-free and phonetic comparison; a lone surname joins the full name it ends), and each
cluster's fullest well-formed spelling becomes the canonical name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from frontlines.data.loader import load_yaml, require
from frontlines.extract import actors, names
from frontlines.extract.mentions import Analysis, SpeakerMention
from frontlines.ids import short_hash
from frontlines.model import Speaker

# A person's name: two to four capitalised words, allowing Arabic and other particles inside.
_PARTICLE = r"(?:al|el|bin|ibn|ul|abu|van|von|de|da|du)"
_CAP = r"[A-Z][a-zA-Z'’\-]+"
NAME = rf"{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t\-])?{_CAP}){{1,3}}"
_SPEECH = r"(?:said|says|told|added|stated|claimed|confirmed|denied|warned|explained|insisted|noted|tweeted|wrote|announced|declared)"
_DESC = r"(?:the|a|an|its|his|her)\s+[^,;:\n]+?"
_INTRO_PATTERNS = [
    # "a conversation with X, the head of international affairs of Y, ..."
    re.compile(
        rf"\b(?:conversation|interview|spoke|spoken|talked|talking|speaking|sat down|chat)\s+(?:with|to)\s+"
        rf"(?P<name>{NAME})\s*,\s*(?P<desc>{_DESC})\s*(?=[,.;]|\sto\s|\sabout\s|\son\s)"
    ),
    # "X, the spokesman for Y, said"
    re.compile(rf"(?P<name>{NAME}),\s*(?P<desc>{_DESC}),\s*(?:has\s+|had\s+)?{_SPEECH}\b"),
    # "said X, a police chief in Y." / "according to X, the governor of Y"
    re.compile(
        rf"\b(?:{_SPEECH}|according to)\s+(?P<name>{NAME}),\s*(?P<desc>{_DESC})\s*(?=[,.;]|$)", re.MULTILINE
    ),
    # "Taliban spokesman Zabihullah Mujahid" / "provincial police chief X"
    re.compile(
        rf"(?P<org>(?:[A-Z][\w'’\-]*\s+){{0,3}}?)(?P<role>[Ss]pokes(?:man|woman|person)|[Cc]ommander|"
        rf"[Pp]olice chief|[Gg]overnor|[Mm]inister|[Dd]eputy [Gg]overnor|[Ss]pokesperson)\s+(?P<name>{NAME})"
    ),
]
_SPEECH_AFTER = re.compile(rf"^[^.;:!?]{{0,80}}?\b{_SPEECH}\b")
_SPEECH_BEFORE = re.compile(rf"\b(?:{_SPEECH}|according to|quoted)\b[^.;:!?]{{0,40}}$")
_TITLES = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Gen|General|Col|Colonel|Maj|Major|Lt|Capt|Captain|Brig|Sheikh|Mullah|Maulvi|"
    r"President|Minister|Governor|Commander|Spokesman|Prof|Professor|Sen|Senator)\.?\s+)+"
)
_ROLE_SPLIT = re.compile(r"\s+(?P<prep>of|at|for|with|in|from)\s+(?:the\s+)?(?=[A-Z])")
_OUTLET_WORDS = re.compile(r"\b(?:News|TV|Television|Radio|Times|Post|Agency|Press|Tribune|Herald|Gazette)$")


@dataclass
class _Seen:
    """One occurrence of a person's name, with what the context says about them."""

    name: str
    start: int
    end: int
    strength: int  # 3 turn label, 2 introduction, 1 PERSON entity with a speech verb
    role: str | None = None
    organization: str | None = None


# -- outlets ----------------------------------------------------------------------------------------


@functools.cache
def _outlets() -> tuple[dict[str, str | None], frozenset[str]]:
    """Outlet names and aliases (normalised) -> affiliation; and interviewer labels (normalised)."""
    relpath = "actors/outlets.yaml"
    data = load_yaml(relpath)
    require(
        isinstance(data, dict) and isinstance(data.get("outlets"), list),
        relpath,
        "top level",
        "needs 'outlets'",
    )
    table: dict[str, str | None] = {}
    for i, raw in enumerate(data["outlets"]):
        where = f"outlet {i + 1}"
        require(isinstance(raw, dict) and isinstance(raw.get("name"), str), relpath, where, "needs a 'name'")
        aliases = raw.get("aliases") or []
        require(
            isinstance(aliases, list) and all(isinstance(a, str) for a in aliases),
            relpath,
            where,
            "bad 'aliases'",
        )
        affiliation = raw.get("affiliation")
        require(affiliation is None or isinstance(affiliation, str), relpath, where, "bad 'affiliation'")
        for n in [raw["name"], *aliases]:
            table[names.normalize_name(n)] = affiliation
    labels = data.get("interviewer_labels") or []
    require(isinstance(labels, list), relpath, "interviewer_labels", "expected a list")
    return table, frozenset(names.normalize_name(x) for x in labels)


def load_resources() -> None:
    """Load the outlets list once per process."""
    _outlets()


def is_outlet_label(label: str) -> bool:
    """True when an interview turn label names a news outlet ("Al Jazeera", "Reuters"), not a person."""
    norm = names.normalize_name(label)
    return norm in _outlets()[0] or bool(_OUTLET_WORDS.search(label.strip()))


def outlet_affiliation(name: str) -> str | None:
    """The party an outlet belongs to (the Taliban's own channel -> "Taliban"), or None."""
    return _outlets()[0].get(names.normalize_name(name))


def _is_interviewer_label(label: str) -> bool:
    return names.normalize_name(label) in _outlets()[1]


# -- names ------------------------------------------------------------------------------------------


def clean_person_name(name: str) -> str:
    """A name without titles ("Gen.", "Mullah"), possessive and surrounding punctuation."""
    name = _TITLES.sub("", name.strip(" \t,.;:\"'“”"))
    return re.sub(r"['’]s$", "", name).strip()


def _rest_alike(a: str, b: str) -> bool:
    """Surname parts alike, ignoring spaces, doubled letters, vowels, and l/r (transliteration swaps them)."""
    if names.letters_key(a) == names.letters_key(b):
        return True
    sa, sb = names.skeleton(a), names.skeleton(b)
    if min(len(sa), len(sb)) >= 3 and sa.replace("l", "r") == sb.replace("l", "r"):
        return True
    return names.similarity(a, b) >= 88 or names.sounds_alike(a, b)


def same_person(a: str, b: str) -> bool:
    """True when two spellings plausibly name one person: the same letters ignoring spacing
    ("Shujjamar"/"Shuja Jamar"), close first names and surnames (fuzzy, vowel-free, phonetic), a lone
    surname matching the other's last name, or a shorter full name contained in a longer one."""
    ta, tb = clean_person_name(a).split(), clean_person_name(b).split()
    if not ta or not tb:
        return False
    if names.letters_key(a) == names.letters_key(b):
        return True
    if len(ta) == 1 or len(tb) == 1:
        single, other = (ta, tb) if len(ta) == 1 else (tb, ta)
        return len(other) > 1 and names.letters_key(single[0]) == names.letters_key(other[-1])
    first_alike = names.similarity(ta[0], tb[0]) >= 75 or names.skeleton(ta[0]) == names.skeleton(tb[0])
    if not first_alike:
        return False
    if _rest_alike(" ".join(ta[1:]), " ".join(tb[1:])):
        return True
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    # "Mohammad Naeem" and "Mohammad Naeem Wardak": every word of the shorter in the longer, in order.
    it = iter(long_)
    return len(short) >= 2 and all(any(names.similarity(w, x) >= 88 for x in it) for w in short)


def _well_formed(name: str) -> bool:
    parts = name.split()
    return all(
        p[:1].isupper() or p.lower() in {"al", "el", "bin", "ibn", "ul", "abu", "van", "von", "de"}
        for p in parts
    )


def _is_not_person(name: str, analysis: Analysis) -> bool:
    """Names that are outlets, interviewer labels, actors or countries rather than people."""
    if is_outlet_label(name) or _is_interviewer_label(name):
        return True
    if actors.resolve_actor(name, country_iso2=analysis.country_iso2, on=analysis.published) is not None:
        return True
    key = names.normalize_name(name)
    return key in actors.lexicon().country_words or any(
        names.normalize_name(p.name) == key for p in analysis.places
    )


# -- finding people ---------------------------------------------------------------------------------


def _split_desc(desc: str) -> tuple[str | None, str | None]:
    """'the deputy head of press relations of the Kabul Provincial Council' ->
    ('deputy head of press relations', 'Kabul Provincial Council')."""
    desc = re.sub(r"^(?:the|a|an|its|his|her)\s+", "", desc.strip())
    m = _ROLE_SPLIT.search(desc)
    if not m:
        return (desc or None), None
    role = desc[: m.start()].strip() or None
    org = desc[m.end() :].strip(" .") or None
    if m.group("prep") in {"in", "from"}:  # "a police chief in Kunduz": a place, not an organisation
        return role, None
    return role, org


def _from_turns(analysis: Analysis) -> list[_Seen]:
    out = []
    for t in analysis.turns:
        if is_outlet_label(t.label) or _is_interviewer_label(t.label):
            continue
        out.append(_Seen(t.label, t.label_start, t.label_end, 3))
    return out


def _from_introductions(analysis: Analysis) -> list[_Seen]:
    out = []
    text = analysis.text
    for pattern in _INTRO_PATTERNS:
        for m in pattern.finditer(text):
            raw = m.group("name")
            name = clean_person_name(raw)
            if not name:
                continue
            start = m.start("name") + raw.find(name)
            if "desc" in pattern.groupindex:
                role, org = _split_desc(m.group("desc"))
            else:
                role, org = m.group("role").lower(), (m.group("org").strip() or None)
            out.append(_Seen(name, start, start + len(name), 2, role, org))
    return out


def _from_entities(analysis: Analysis) -> list[_Seen]:
    out = []
    text = analysis.text
    for ent in analysis.entities:
        if ent.label != "PERSON":
            continue
        sent = analysis.sentence_at(ent.start)
        lo = sent.start if sent else max(0, ent.start - 200)
        hi = sent.end if sent else min(len(text), ent.end + 200)
        if _SPEECH_AFTER.search(text[ent.end : hi]) or _SPEECH_BEFORE.search(text[lo : ent.start]):
            name = clean_person_name(ent.text)
            if name:
                start = ent.start + ent.text.find(name)
                out.append(_Seen(name, start, start + len(name), 1))
    return out


def _cluster(seen: list[_Seen]) -> list[list[_Seen]]:
    """Group occurrences by person: fuller names first, so a lone surname joins an existing full name."""
    clusters: list[list[_Seen]] = []
    for s in sorted(seen, key=lambda s: (-len(s.name.split()), -s.strength, s.start)):
        for c in clusters:
            if any(same_person(s.name, o.name) for o in c):
                c.append(s)
                break
        else:
            clusters.append([s])
    return clusters


def _canonical(cluster: list[_Seen]) -> str:
    """The fullest well-formed spelling: most words, then most often seen, then strongest evidence."""
    counts: dict[str, int] = {}
    for s in cluster:
        counts[s.name] = counts.get(s.name, 0) + 1
    strength = {s.name: max(o.strength for o in cluster if o.name == s.name) for s in cluster}
    return max(counts, key=lambda n: (_well_formed(n), len(n.split()), counts[n], strength[n], len(n)))


def find_speakers(analysis: Analysis) -> None:
    """Fill ``analysis.speakers`` and ``analysis.speaker_mentions``."""
    seen = [
        s
        for s in _from_turns(analysis) + _from_introductions(analysis) + _from_entities(analysis)
        if not _is_not_person(s.name, analysis)
    ]
    speakers: list[Speaker] = []
    mentions: list[SpeakerMention] = []
    for cluster in _cluster(seen):
        name = _canonical(cluster)
        # A lone surname seen only next to a speech verb is too weak to be a speaker on its own.
        if len(name.split()) == 1 and max(s.strength for s in cluster) < 2:
            continue
        described = [s for s in cluster if s.role or s.organization]
        best = max(described, key=lambda s: (s.strength, bool(s.organization)), default=None)
        spellings = sorted(
            {s.name for s in cluster if s.name != name},
            key=lambda n: min(o.start for o in cluster if o.name == n),
        )
        sp = Speaker(
            id="sp_" + short_hash(name),
            name=name,
            aliases=spellings,
            role=best.role if best else None,
            organization=best.organization if best else None,
        )
        speakers.append(sp)
        mentions.extend(_occurrences(analysis.text, sp))
    mentions.sort(key=lambda m: m.start)
    analysis.speakers = sorted(
        speakers, key=lambda s: min((m.start for m in mentions if m.speaker_id == s.id), default=0)
    )
    analysis.speaker_mentions = mentions


def _occurrences(text: str, sp: Speaker) -> list[SpeakerMention]:
    """Every place one of the speaker's spellings occurs as whole words, longest spelling first."""
    out: list[SpeakerMention] = []
    taken: list[tuple[int, int]] = []
    for spelling in sorted([sp.name, *sp.aliases], key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w]){re.escape(spelling)}(?![\w])", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(SpeakerMention(speaker_id=sp.id, start=m.start(), end=m.end(), text=m.group()))
    return out


def speaker_for_label(analysis: Analysis, label: str) -> Speaker | None:
    """The speaker an interview turn label ("Jamal") stands for; None for an outlet or interviewer label
    ("Al Jazeera", "Q") or a label matching no speaker."""
    if not label or is_outlet_label(label) or _is_interviewer_label(label):
        return None
    for sp in analysis.speakers:
        if label == sp.name or label in sp.aliases:
            return sp
    for sp in analysis.speakers:
        if same_person(label, sp.name):
            return sp
    return None
