"""How many: fatalities (by ACLED's rules), injured and arrested for an event.

The counts come from the numbers step's casualty mentions in the event's sentence (and in the next
sentence of the paragraph when that one reports no event of its own).  When the numbers step found nothing
in the sentence, the parse gives a fallback: the number attached to the patient of a kill or arrest verb
("captured two facilitators", "a leader was detained").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from frontlines.extract.mentions import CasualtyMention
from frontlines.extract.numbers import is_measure, is_tally
from frontlines.extract.triggers import lexicon

_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 3,
    "few": 3,
    "dozens": 12,
    "dozen": 12,
    "hundreds": 100,
    "numerous": 3,
    "multiple": 3,
    "some": 3,
    "both": 2,
    "couple": 2,
}
_KILL = {"kill", "shoot", "murder", "execute", "behead", "massacre", "slaughter", "die", "gun"}
_INJURE = {"wound", "injure", "hurt"}
_ARREST = {"arrest", "detain", "apprehend", "capture", "nab", "hold", "round", "seize"}
_ADDITIONAL = re.compile(r"\b(?:additional|another|also|more)\b(?:\s+\w+){0,2}", re.IGNORECASE)
# The people an "additional ..." phrase is about: the (up to two) words after the cue, stopping at a
# verb or preposition ("two additional suspects based on ..." -> "suspects").
_ADDED_WHO = re.compile(
    r"\b(?:additional|another|more)\s+((?:(?!(?:were|was|are|is|had|have|has|in|on|at|during|based|for|"
    r"from|with|by|after|and|who|that)\b)[a-z'’-]+\s*){1,2})",
    re.IGNORECASE,
)
# "several more insurgents were killed", "two more": always more people than before.
_MORE = re.compile(r"\b(?:several|two|three|four|five|six|\d+|many|a\s+few)\s+more\b", re.IGNORECASE)
_YEARLIKE = re.compile(r"(?:19|20)\d\d")


@dataclass
class Counts:
    """Fatalities (never None), its reported range, civilians among them, injured and arrested."""

    fatalities: int = 0
    low: int | None = None
    high: int | None = None
    civilian: int | None = None
    injured: int | None = None
    arrested: int | None = None


def _sum(mentions: list[CasualtyMention]) -> tuple[int, int]:
    return sum(m.low for m in mentions), sum(m.high for m in mentions)


def from_mentions(mentions: list[CasualtyMention]) -> Counts:
    """Counts from casualty mentions: the lowest credible figure; civilians kept apart."""
    out = Counts()
    killed = [m for m in mentions if m.kind == "killed"]
    if killed:
        civ = [m for m in killed if m.civilians]
        other = [m for m in killed if not m.civilians]
        lo, hi = _sum(other)
        clo, chi = _sum(civ)
        if other and civ and clo <= lo:
            # "12 people were killed, including 5 civilians": the civilians are inside the total.
            total_lo, total_hi = lo, hi
        else:
            total_lo, total_hi = lo + clo, hi + chi
        out.fatalities, out.low, out.high = total_lo, total_lo, max(total_hi, total_lo)
        out.civilian = clo if civ else None
    injured = [m for m in mentions if m.kind == "injured"]
    if injured:
        out.injured = _sum(injured)[0]
    arrested = [m for m in mentions if m.kind == "arrested"]
    if arrested:
        out.arrested = _sum(arrested)[0]
    return out


def _number(token: Any) -> int | None:
    """The count a noun carries: "two facilitators", "a leader", "several insurgents", "15 people"."""
    if any(c.lower_ in ("no", "none") for c in token.children) or token.lower_ in ("nobody", "none"):
        return 0  # "no one was killed", "no civilians were hurt": a count of zero, not one
    for c in token.children:
        if c.dep_ in ("nummod", "det", "amod", "quantmod") or c.like_num:
            word = c.lower_.replace(",", "")
            if word.isdigit():
                # "2010-11-S-277" (a release number) or a year is not a count of people
                return None if _YEARLIKE.fullmatch(c.text) else int(word)
            if word in _WORDS:
                return _WORDS[word]
    if token.lower_ in ("he", "she", "him", "her"):
        return 1  # "he was killed": one person
    if token.lower_ in _WORDS and token.lower_ not in ("a", "an"):
        return _WORDS[token.lower_]
    if token.like_num and token.lower_.replace(",", "").isdigit() and not _YEARLIKE.fullmatch(token.text):
        return int(token.lower_.replace(",", ""))
    return None


def from_parse(doc: Any) -> Counts:
    """Fallback counts from the parse: numbers on the patients of kill/injure/arrest verbs.  Amounts
    ("seized 500 pounds of opium") are not people, and a running total over a period is not one event's."""
    out = Counts()
    if is_tally(doc.text):
        return out
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in _KILL | _INJURE | _ARREST:
            continue
        if any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.children):
            continue  # "dozens were killed or captured": how many of them died is not said
        patients = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if lemma == "die":
            patients = [c for c in verb.children if c.dep_ == "nsubj"]
        for p in patients:
            if is_measure(p.text):
                continue
            group = [p] + [c for c in p.children if c.dep_ == "conj" and not is_measure(c.text)]
            n = 0
            for g in group:
                value = _number(g)
                if value is not None:
                    n += value
            if not n:
                continue
            if lemma in _KILL:
                out.fatalities += n
                out.low = out.high = out.fatalities
            elif lemma in _INJURE:
                out.injured = (out.injured or 0) + n
            elif lemma in _ARREST and p.lemma_.lower() not in lexicon().noun_classes.get("weapon", ()):
                out.arrested = (out.arrested or 0) + n
    return out


def _stem_words(text: str) -> list[str]:
    return [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in re.findall(r"[a-z'’-]+", text.lower())]


def _mentions_people(earlier: str, who: str) -> bool:
    """Does the earlier text already name these people ("suspected insurgents", "suspects"), plural or not?"""
    words, target = _stem_words(earlier), _stem_words(who)
    n = len(target)
    return n > 0 and any(words[i : i + n] == target for i in range(len(words) - n + 1))


def adds_to(first_text: str, second_text: str) -> bool:
    """Does the second mention add people to the first ("one additional suspect was detained", "several
    more insurgents were killed") rather than restate it?  In a press release the lead sentence sums up and the detail sentences retell it, so an
    "additional ..." phrase whose people the earlier text already named ("detained a leader and two
    additional suspects" ... "detained the targeted individual and two additional suspects"; "one
    suspected insurgent" ... "an additional suspected insurgent") is a restatement; people not named
    before ("a leader was captured" ... "one additional suspected insurgent was detained") are added."""
    m = _ADDITIONAL.search(second_text)
    if not m or m.group(0).lower() in first_text.lower():
        return False
    who = _ADDED_WHO.search(second_text)
    if who and first_text and _mentions_people(first_text, who.group(1)) and not _MORE.search(second_text):
        return False
    return True


def merge_counts(first: Counts, second: Counts, second_text: str, first_text: str = "") -> Counts:
    """Counts of two mentions of one event: the larger figure, or the sum when the second adds people."""
    add = adds_to(first_text, second_text)

    def pick(x: int | None, y: int | None) -> int | None:
        if x is None:
            return y
        if y is None:
            return x
        return x + y if add else max(x, y)

    fat = pick(first.fatalities or None, second.fatalities or None) or 0
    return Counts(
        fatalities=fat,
        low=pick(first.low, second.low),
        high=max(v for v in (first.high, second.high, fat) if v is not None)
        if fat
        else pick(first.high, second.high),
        civilian=pick(first.civilian, second.civilian),
        injured=pick(first.injured, second.injured),
        arrested=pick(first.arrested, second.arrested),
    )
