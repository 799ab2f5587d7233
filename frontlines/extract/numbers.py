"""Casualty counts: people killed, injured and arrested, read from each sentence by ACLED's rules.

Regex and lexicon only (``frontlines/data/numbers.yaml``), so it is cheap enough for every sentence.
The rules, in ACLED's terms:

* the lowest credible figure: "at least 12" and "more than 20" keep 12 and 20; "up to 30" keeps 30
  (the only figure reported); a range "five to seven" keeps low 5 and high 7;
* vague words by the lexicon: "several"/"a few" = 3, "dozens" = 12, "hundreds" = 100;
* "casualties" without a split into dead and wounded is not a count (0 dead), except "no casualties";
* shares ("two-thirds of", "80%"), ages ("a 12-year-old") and years are not counts;
* a singular noun with "a"/"an" counts 1 ("an insurgent was killed").

Three phrase shapes are read: a count followed by a passive verb ("two insurgents were detained",
"4 dead"), an active verb followed by its count ("killing two civilians and wounding five"), and a few
fixed frames ("death toll rose to 15", "the bodies of three men", "the death of <Name>", "no one was
hurt").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontlines.data.loader import load_yaml, require
from frontlines.extract.mentions import Analysis, CasualtyMention

_DATA = "numbers.yaml"
KINDS = ("killed", "injured", "arrested")

# Words that end a noun phrase's modifiers: a count's noun must come before any of these.
_STOP = (
    "were|was|is|are|be|been|being|had|have|has|and|or|but|in|on|at|of|by|during|who|that|which|with|"
    "from|to|for|after|when|while|the|a|an|as|than|into|near|killed|killing|wounded|wounding|injured|"
    "injuring|detained|detaining|captured|capturing|arrested|arresting|died|dead|said|says|percent|"
    "per|today|yesterday|year|years|days|day"
)
_MOD = rf"(?:(?!(?:{_STOP})\b)[\w'’-]+\.?\s+)"
# Auxiliaries and adverbs between a count and its passive verb; at least one word ("were", "was
# reportedly"), so that the bare reduced form ("four dead") can be told apart.
_PASSIVE_AUX = (
    r"(?:(?:who|that)\s+)?(?:(?:were|was|are|is|have|has|had|been|being|got|reportedly|also|allegedly|"
    r"later|all|both|each|subsequently|then|confirmed|initially|believed|to|be|reported|found)\s+){1,4}"
    r"(?:\w+ly\s+)?"
)
# After a count with no noun, only these may follow an active verb's count ("captured 500 pounds" is
# not an arrest).
_NOUNLESS_END = (
    r"(?=\s*(?:[,.;:)!?\"”]|$|(?:and|in|on|at|during|when|while|after|as|near|inside|outside|including|"
    r"overnight|today|yesterday|last|since|before|across|around|throughout|this|from)\b))"
)


@dataclass(frozen=True)
class _Lexicon:
    number_words: dict[str, int]
    vague: dict[str, int]
    qualifiers: tuple[str, ...]
    nouns: dict[str, bool | None]
    civilian_modifiers: frozenset[str]
    verbs: dict[str, dict[str, tuple[str, ...]]]
    measure_nouns: frozenset[str] = frozenset()
    tally_cues: tuple[re.Pattern[str], ...] = ()


def _alt(words: Any) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    items = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _validate(raw: Any) -> _Lexicon:
    require(isinstance(raw, dict), _DATA, "top level", "expected a mapping")
    for key in ("number_words", "vague", "qualifiers", "nouns", "civilian_modifiers", "verbs"):
        require(key in raw, _DATA, "top level", f"missing key {key!r}")
    for key in ("number_words", "vague"):
        for word, value in raw[key].items():
            require(isinstance(value, int) and value >= 0, _DATA, f"{key}.{word}", "expected an integer >= 0")
    for word, flag in raw["nouns"].items():
        require(flag in (True, False, None), _DATA, f"nouns.{word}", "expected true, false or null")
    require(set(raw["verbs"]) == set(KINDS), _DATA, "verbs", f"expected exactly the kinds {KINDS}")
    verbs: dict[str, dict[str, tuple[str, ...]]] = {}
    for kind, forms in raw["verbs"].items():
        for voice in ("active", "passive"):
            require(
                isinstance(forms.get(voice), list) and all(isinstance(v, str) for v in forms[voice]),
                _DATA,
                f"verbs.{kind}.{voice}",
                "expected a list of strings",
            )
        verbs[kind] = {voice: tuple(v.lower() for v in forms[voice]) for voice in ("active", "passive")}
    measures = raw.get("measure_nouns", [])
    require(isinstance(measures, list), _DATA, "measure_nouns", "expected a list of words")
    cues = raw.get("tally_cues", [])
    require(isinstance(cues, list), _DATA, "tally_cues", "expected a list of regexes")
    compiled = []
    for i, cue in enumerate(cues):
        try:
            compiled.append(re.compile(str(cue), re.IGNORECASE))
        except re.error as exc:
            require(False, _DATA, f"tally_cues entry {i + 1}", f"bad regex: {exc}")
    return _Lexicon(
        number_words={str(k).lower(): int(v) for k, v in raw["number_words"].items()},
        vague={str(k).lower(): int(v) for k, v in raw["vague"].items()},
        qualifiers=tuple(str(q).lower() for q in raw["qualifiers"]),
        nouns={str(k).lower(): v for k, v in raw["nouns"].items()},
        civilian_modifiers=frozenset(str(m).lower() for m in raw["civilian_modifiers"]),
        verbs=verbs,
        measure_nouns=frozenset(str(w).lower() for w in measures),
        tally_cues=tuple(compiled),
    )


@dataclass(frozen=True)
class _Patterns:
    single: str  # one number: digits or number words
    count: str  # a full count phrase: qualifier, range or single or vague word, or "a"/"an"
    noun: str
    passive: re.Pattern[str]
    active: re.Pattern[str]
    chain: re.Pattern[str]  # ", and three civilians" after an active count
    definite: re.Pattern[str]  # an active verb with an uncounted object: "detained the leader", "killed him"
    arrest_of: re.Pattern[str]  # "confirmed the capture of a Taliban leader"
    toll: re.Pattern[str]
    bodies: re.Pattern[str]
    death_of: re.Pattern[str]
    zero_verb: re.Pattern[str]
    zero_noun: re.Pattern[str]
    verb_kind: dict[str, dict[str, str]]  # voice -> verb form -> kind


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _validate(load_yaml(_DATA))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lex = _lexicon()
    words = _alt(lex.number_words)
    word_num = rf"(?:{words})(?:(?:\s+|-)(?:and\s+)?(?:{words}))*"
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\s+(?:hundred|thousand|million))?"
    single = rf"(?:{digits}|a\s+(?:hundred|thousand|dozen)|{word_num})"
    # A number must not run on into a share, an age or a unit ("two-thirds", "80%", "12-year-old").
    end = r"(?![\w-]|\s*(?:%|percent\b|per\s*cent\b))"
    number = rf"(?:between\s+{single}\s+and\s+{single}|{single}\s*(?:-|–|to|or)\s*{single}|{single}|{_alt(lex.vague)})"
    qual = rf"(?:(?:{_alt(lex.qualifiers)})\s+)?"
    count = rf"(?:\b{qual}{number}{end}|\b(?:a|an)\b)"
    noun = rf"(?:{_alt(lex.nouns)})\b"
    of_phrase = (
        rf"(?P<of>of\s+(?:(?:them|those|whom|us)\b|(?:the|his|her|their|its|our)\s+{_MOD}{{0,3}}{noun}))"
    )
    np = rf"(?P<count>{count})(?:\s+{of_phrase}|\s+(?P<mods>{_MOD}{{0,4}})(?P<noun>{noun}))?"
    verb_kind: dict[str, dict[str, str]] = {"active": {}, "passive": {}}
    for kind, forms in lex.verbs.items():
        for voice, verbs in forms.items():
            for v in verbs:
                verb_kind[voice].setdefault(re.sub(r"\s+", " ", v), kind)
    pverb = _alt(verb_kind["passive"])
    averb = _alt(verb_kind["active"])
    # The reduced form ("two soldiers killed in a blast") must not be an active clause with an object
    # ("two gunmen killed three police"): no count or determiner may follow the verb.
    no_object = rf"(?!\s+(?:{count}|the|his|her|their|its)\b)"
    flags = re.IGNORECASE
    return _Patterns(
        single=single,
        count=count,
        noun=noun,
        passive=re.compile(
            rf"{np}\s+(?:(?P<aux>{_PASSIVE_AUX})|(?:(?:\w+ly|also)\s+)?)(?P<verb>{pverb})\b(?!\s+or\s+(?:wounded|injured|hurt|captured|arrested|detained|missing|taken))"
            rf"(?(aux)|{no_object})",
            flags,
        ),
        active=re.compile(rf"\b(?P<verb>{averb})\s+(?:\w+ly\s+)?{np}", flags),
        chain=re.compile(
            rf"\s*(?:,\s*(?:and\s+)?|\s+(?:and|along\s+with|as\s+well\s+as|together\s+with)\s+)"
            rf"(?!(?:{averb})\b){np}",
            flags,
        ),
        definite=re.compile(
            rf"\b(?P<verb>{averb})\s+(?:him|her|the\s+(?:{_MOD}{{0,3}})(?:{noun})|(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}}))",
            flags,
        ),
        arrest_of=re.compile(
            rf"\b(?:arrest|capture|detention)\s+of\s+(?:{np}|(?P<name>(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})))",
            flags,
        ),
        toll=re.compile(
            rf"\b(?:death\s+)?toll\s+(?:\w+\s+){{0,3}}?(?:to|at|of|is|was|reached|hit)\s+(?P<count>{count})",
            flags,
        ),
        bodies=re.compile(
            rf"\bbod(?:y|ies)\s+of\s+{np}|(?P<count2>{count})\s+(?:{_MOD}{{0,2}})?bodies\b", flags
        ),
        death_of=re.compile(
            rf"\b(?:deaths?|killings?)\s+of\s+(?:{np}|(?P<name>(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})))",
            flags,
        ),
        zero_verb=re.compile(
            rf"\bno(?:\s+one|body|\s+(?P<mods>{_MOD}{{0,3}})(?P<noun>{noun}))\s+(?:was|were|has\s+been|have\s+been|had\s+been)"
            rf"\s+(?:\w+ly\s+|reported\s+)?(?P<verb>{pverb}|harmed)\b",
            flags,
        ),
        zero_noun=re.compile(
            r"\bno\s+(?:reported\s+|known\s+|immediate\s+|civilian\s+|other\s+|further\s+)*"
            r"(?P<what>casualties|injuries|deaths|fatalities|arrests)\b",
            flags,
        ),
        verb_kind=verb_kind,
    )


def load_resources() -> None:
    """Load and validate the lexicon and compile the patterns (once per process)."""
    _patterns()


# -- reading a count -----------------------------------------------------------------------------------


def _words_to_int(phrase: str) -> int | None:
    """ "twenty-five" -> 25, "one hundred and twenty" -> 120, "a dozen" -> 12, "3,200" -> 3200."""
    words = _lexicon().number_words
    phrase = phrase.strip().lower().replace(",", "")
    if phrase.isdigit():
        return int(phrase)
    total = current = 0
    seen = False
    for token in re.split(r"[\s-]+", phrase):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current = current or 1
            continue
        if token.isdigit():
            current += int(token)
            seen = True
            continue
        if token not in words:
            return None
        value = words[token]
        seen = True
        if value == 100:
            current = (current or 1) * 100
        elif value == 12 and token == "dozen":
            current = (current or 1) * 12
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        else:
            current += value
    return total + current if seen else None


def parse_count(phrase: str) -> tuple[int, int] | None:
    """The (low, high) of a count phrase: "dozens" -> (12, 12), "at least 12" -> (12, 12),
    "five to seven" -> (5, 7), "an" -> (1, 1); None when the phrase is not a count."""
    lex = _lexicon()
    text = re.sub(r"\s+", " ", phrase.strip().lower())
    for q in sorted(lex.qualifiers, key=len, reverse=True):
        if text.startswith(q + " ") and text[len(q) + 1 :].strip():
            text = text[len(q) + 1 :]
            break
    if text in ("a", "an"):
        return (1, 1)
    if text in lex.vague:
        return (lex.vague[text], lex.vague[text])
    m = re.fullmatch(r"between (.+) and (.+)", text) or re.fullmatch(r"([\d,]+)\s*[-–]\s*([\d,]+)", text)
    pairs = [m.groups()] if m else []
    value = None if pairs else _words_to_int(text)
    if value is not None:
        return (value, value)
    # "five to seven", "five or six", "twenty-five to thirty": split at the separator, not inside a number
    for sep in (" to ", " or ", "–", "-"):
        if sep in text:
            pairs.append(tuple(part.strip() for part in text.split(sep, 1)))
    for low_text, high_text in pairs:
        low, high = _words_to_int(low_text), _words_to_int(high_text)
        if low is not None and high is not None:
            return (min(low, high), max(low, high))
    return None


# -- finding counts in a sentence ----------------------------------------------------------------------


@dataclass
class _Found:
    kind: str
    low: int
    high: int
    start: int  # offsets within the sentence
    end: int
    count_start: int
    civilians: bool | None
    has_noun: bool


def _civilians(noun: str | None, mods: str | None) -> bool | None:
    lex = _lexicon()
    flag = lex.nouns.get(re.sub(r"\s+", " ", noun.lower())) if noun else None
    if flag is None and mods:
        if any(w.strip(".").lower() in lex.civilian_modifiers for w in mods.split()):
            return True
    return flag


def _is_year(count_text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", count_text.strip()))


def _make(
    kind: str, m: re.Match[str], group: str = "count", *, span: tuple[int, int] | None = None
) -> _Found | None:
    """A finding from a match with a ``count`` group (and optional ``noun``/``mods``); None if not a count."""
    text = m.group(group)
    groups = m.groupdict()
    noun = groups.get("noun")
    has_noun = bool(noun or groups.get("of"))
    if text is None:
        return None
    article = text.strip().lower() in ("a", "an")
    if article and not has_noun:
        return None  # "a" alone is not a count
    if not has_noun and _is_year(text):
        return None  # "in 2015 killed" is a year
    parsed = parse_count(text)
    if parsed is None:
        return None
    start, end = span or (m.start(), m.end())
    return _Found(
        kind, parsed[0], parsed[1], start, end, m.start(group), _civilians(noun, groups.get("mods")), has_noun
    )


def find_in_sentence(text: str) -> list[_Found]:
    """Every casualty count in one sentence's text, in order, each count phrase read once."""
    pats = _patterns()
    found: list[_Found] = []
    claimed: list[tuple[int, int]] = []  # spans already read: a count inside one is not read again

    def add(f: _Found | None) -> None:
        if f is not None and not any(s <= f.count_start < e for s, e in claimed):
            claimed.append((f.count_start, f.count_start + 1))
            found.append(f)

    for m in pats.zero_verb.finditer(text):
        verb = re.sub(r"\s+", " ", m.group("verb").lower())
        kind = pats.verb_kind["passive"].get(verb, "injured")
        kinds = ["killed", "injured"] if verb in ("hurt", "harmed") else [kind]
        for k in kinds:
            found.append(
                _Found(
                    k, 0, 0, m.start(), m.end(), m.start(), _civilians(m.group("noun"), m.group("mods")), True
                )
            )
        claimed.append((m.start(), m.end()))
    for m in pats.zero_noun.finditer(text):
        what = m.group("what").lower()
        kinds = {"casualties": ["killed", "injured"], "injuries": ["injured"], "arrests": ["arrested"]}.get(
            what, ["killed"]
        )
        for k in kinds:
            found.append(_Found(k, 0, 0, m.start(), m.end(), m.start(), None, True))
    for m in pats.toll.finditer(text):
        add(_make("killed", m))
    for m in pats.bodies.finditer(text):
        add(_make("killed", m, "count" if m.group("count") else "count2"))
    for m in pats.death_of.finditer(text):
        if m.group("name"):
            add(_Found("killed", 1, 1, m.start(), m.end(), m.start("name"), None, True))
        else:
            add(_make("killed", m))
    for m in pats.arrest_of.finditer(text):
        if m.group("name"):
            add(_Found("arrested", 1, 1, m.start(), m.end(), m.start("name"), None, True))
        else:
            add(_make("arrested", m))
    for m in pats.passive.finditer(text):
        kind = pats.verb_kind["passive"][re.sub(r"\s+", " ", m.group("verb").lower())]
        f = _make(kind, m)
        add(f)
        if f is not None:
            _coordinated_subjects(text, m.start(), kind, add)
    for m in pats.active.finditer(text):
        kind = pats.verb_kind["active"][re.sub(r"\s+", " ", m.group("verb").lower())]
        f = _make(kind, m)
        if f is not None and not f.has_noun and not re.match(_NOUNLESS_END, text[m.end() :]):
            continue  # "captured 500 pounds of hashish"
        add(f)
        if f is not None:
            _chain(text, m.end(), kind, add)
    for m in pats.definite.finditer(text):  # "detained the leader and two of his associates"
        _chain(text, m.end(), pats.verb_kind["active"][re.sub(r"\s+", " ", m.group("verb").lower())], add)
    found.sort(key=lambda f: f.start)
    _inherit_civilians(found)
    return found


def _chain(text: str, pos: int, kind: str, add: Any) -> None:
    """ "killed two soldiers and three civilians": the counts coordinated after an active verb's object."""
    pats = _patterns()
    while True:
        c = pats.chain.match(text, pos)
        if not c or not (c.group("noun") or c.group("of")):
            return
        f = _make(kind, c, span=(c.start("count"), c.end()))
        if f is None:
            return
        add(f)
        pos = c.end()


def _coordinated_subjects(text: str, verb_np_start: int, kind: str, add: Any) -> None:
    """ "Two soldiers and three civilians were killed": the counts coordinated before the one next to the verb."""
    pats = _patterns()
    head = text[:verb_np_start]
    tail = re.compile(
        rf"(?P<count>{pats.count})\s+(?P<mods>{_MOD}{{0,3}})(?P<noun>{pats.noun})\s*(?:,\s*(?:and\s+)?|\s+and\s+)$",
        re.IGNORECASE,
    )
    while True:
        m = tail.search(head)
        if not m:
            return
        add(_make(kind, m, span=(m.start(), m.end("noun"))))
        head = head[: m.start()]


def _inherit_civilians(found: list[_Found]) -> None:
    """ "killing two civilians and wounding five": a noun-less count takes the flag of the count before it."""
    for prev, cur in zip(found, found[1:], strict=False):
        if not cur.has_noun and cur.civilians is None:
            cur.civilians = prev.civilians


def is_measure(word: str) -> bool:
    """Is the word a unit of measure ("pounds", "kgs", "rounds"), whose count is an amount, not people?"""
    return word.lower() in _lexicon().measure_nouns


def is_tally(text: str) -> bool:
    """Does the sentence report a running total over a period ("have detained more than 25 leaders
    since December") rather than the people of one event?"""
    return any(rx.search(text) for rx in _lexicon().tally_cues)


def tally_spans(text: str) -> list[tuple[int, int]]:
    """The clauses of a sentence that report a running total: a comma-delimited clause with a tally cue,
    and the clause after a short opening one that is only the cue ("In the last month, we have ...")."""
    if not is_tally(text):
        return []
    chunks = [(m.start(), m.end()) for m in re.finditer(r"[^,;]+", text)]
    out: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(chunks):
        if is_tally(text[s:e]):
            out.append((s, e))
            if len(text[s:e].split()) <= 6 and i + 1 < len(chunks):
                out.append(chunks[i + 1])
    return out


def find_casualties(analysis: Analysis) -> None:
    """Fill ``analysis.casualties`` with the counts of killed, injured and arrested in every sentence
    (not those in a clause that reports a running total over a period)."""
    for sentence in analysis.sentences:
        tallies = tally_spans(sentence.text)
        for f in find_in_sentence(sentence.text):
            if any(s <= f.count_start < e for s, e in tallies):
                continue
            start, end = sentence.start + f.start, sentence.start + f.end
            analysis.casualties.append(
                CasualtyMention(f.kind, f.low, f.high, start, end, analysis.text[start:end], f.civilians)
            )
