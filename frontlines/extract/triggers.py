"""Trigger lexicons: which ACLED sub-event types a stretch of text points to, and how strongly.

The rules are data (``frontlines/data/triggers.yaml``); this module validates and compiles them once per
process and scores text against them.  The parse-aware decision lives in ``event_classify``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from frontlines.data.loader import load_yaml, require
from frontlines.model import EVENT_TYPE_OF

TRIGGERS_FILE = "triggers.yaml"


@dataclass(frozen=True)
class Rule:
    """One sub-event type's cues (compiled)."""

    sub_event_type: str
    priority: int
    cues: tuple[tuple[re.Pattern[str], int], ...]
    requires: tuple[re.Pattern[str], ...]
    forbids: re.Pattern[str] | None
    scope: str  # "sentence" | "context"


@dataclass(frozen=True)
class Lexicon:
    """Everything in triggers.yaml, compiled."""

    rules: tuple[Rule, ...]
    prefilter: re.Pattern[str]
    disaster: re.Pattern[str]
    crime: re.Pattern[str]
    conflict: re.Pattern[str]
    noun_classes: dict[str, frozenset[str]]
    verbs: dict[str, frozenset[str]]


@dataclass
class TriggerHit:
    """A sub-event type the text points to: its score and the strongest cue's span in the text."""

    sub_event_type: str
    score: int
    priority: int
    start: int
    end: int


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        # \b at the start only: cues are stems ("abduct" matches "abducted").
        return re.compile(r"(?<![\w])(?:" + pattern + ")", re.IGNORECASE)
    except re.error as exc:
        require(False, TRIGGERS_FILE, where, f"bad regex {pattern!r}: {exc}")
        raise  # unreachable


def _join(patterns: list[str], where: str) -> re.Pattern[str]:
    require(
        isinstance(patterns, list) and all(isinstance(p, str) for p in patterns),
        TRIGGERS_FILE,
        where,
        "expected a list of regex strings",
    )
    return _compile("|".join(f"(?:{p})" for p in patterns), where)


def _rule(entry: Any, i: int) -> Rule:
    where = f"rule {i + 1}"
    require(isinstance(entry, dict), TRIGGERS_FILE, where, "expected a mapping")
    sub = entry.get("sub_event_type")
    require(sub in EVENT_TYPE_OF, TRIGGERS_FILE, where, f"unknown sub_event_type {sub!r}")
    where = f"rule {i + 1} ({sub})"
    cues: list[tuple[re.Pattern[str], int]] = []
    raw_cues = entry.get("cues")
    require(
        isinstance(raw_cues, list) and bool(raw_cues), TRIGGERS_FILE, where, "needs a non-empty list of cues"
    )
    for j, cue in enumerate(raw_cues):
        if isinstance(cue, str):
            cues.append((_compile(cue, f"{where} cue {j + 1}"), 2))
        else:
            require(
                isinstance(cue, dict) and isinstance(cue.get("re"), str) and isinstance(cue.get("w", 2), int),
                TRIGGERS_FILE,
                f"{where} cue {j + 1}",
                "expected a regex string or {re: str, w: int}",
            )
            cues.append((_compile(cue["re"], f"{where} cue {j + 1}"), int(cue.get("w", 2))))
    requires = tuple(_join(group, f"{where} requires") for group in entry.get("requires") or [])
    forbids = _join(entry["forbids"], f"{where} forbids") if entry.get("forbids") else None
    scope = entry.get("scope", "sentence")
    require(scope in ("sentence", "context"), TRIGGERS_FILE, where, "scope must be sentence or context")
    priority = entry.get("priority", 0)
    require(isinstance(priority, int), TRIGGERS_FILE, where, "priority must be an integer")
    return Rule(sub, priority, tuple(cues), requires, forbids, scope)


@functools.cache
def lexicon() -> Lexicon:
    """The compiled trigger lexicon (loaded once per process; DataFileError when invalid)."""
    data = load_yaml(TRIGGERS_FILE)
    require(isinstance(data, dict), TRIGGERS_FILE, "top level", "expected a mapping")
    raw_rules = data.get("rules")
    require(isinstance(raw_rules, list) and bool(raw_rules), TRIGGERS_FILE, "rules", "expected a list")
    rules = tuple(_rule(e, i) for i, e in enumerate(raw_rules))
    non = data.get("non_events") or {}
    require(isinstance(non, dict), TRIGGERS_FILE, "non_events", "expected a mapping")
    for key in ("disaster", "crime", "conflict_cues"):
        require(key in non, TRIGGERS_FILE, "non_events", f"missing key {key!r}")
    nouns = data.get("noun_classes") or {}
    verbs = data.get("verbs") or {}
    for name, table in (("noun_classes", nouns), ("verbs", verbs)):
        require(isinstance(table, dict), TRIGGERS_FILE, name, "expected a mapping of lists")
        for k, v in table.items():
            require(isinstance(v, list), TRIGGERS_FILE, f"{name}.{k}", "expected a list of words")
    all_cues = [c.pattern for r in rules for c, _ in r.cues]
    return Lexicon(
        rules=rules,
        prefilter=re.compile("|".join(all_cues), re.IGNORECASE),
        disaster=_join(non["disaster"], "non_events.disaster"),
        crime=_join(non["crime"], "non_events.crime"),
        conflict=_join(non["conflict_cues"], "non_events.conflict_cues"),
        noun_classes={k: frozenset(str(w).lower() for w in v) for k, v in nouns.items()},
        verbs={k: frozenset(str(w).lower() for w in v) for k, v in verbs.items()},
    )


def may_hold_event(text: str) -> bool:
    """The cheap pre-filter: does any trigger cue occur in the text?"""
    return lexicon().prefilter.search(text) is not None


def score(sentence: str, context: str | None = None) -> list[TriggerHit]:
    """Every sub-event type whose cues fire in ``sentence``, best first.

    ``context`` (the sentence with its neighbours) is where rules with ``scope: context`` look for their
    required co-occurring cues (e.g. tear gas mentioned one sentence after the protest).
    """
    context = context if context is not None else sentence
    hits: list[TriggerHit] = []
    for rule in lexicon().rules:
        if rule.forbids is not None and rule.forbids.search(sentence):
            continue
        total, best, span = 0, -1, (0, 0)
        for pattern, weight in rule.cues:
            m = pattern.search(sentence)
            if m is None:
                continue
            total = max(total, weight) + (1 if total and weight >= 2 else 0)  # extra cues add a little
            if weight > best:
                best, span = weight, m.span()
        if total <= 0:
            continue
        scope_text = context if rule.scope == "context" else sentence
        if any(req.search(scope_text) is None for req in rule.requires):
            continue
        if rule.requires:
            total += 2  # a rule whose co-occurrence condition holds is more specific than its base cue
        hits.append(TriggerHit(rule.sub_event_type, total, rule.priority, span[0], span[1]))
    hits.sort(key=lambda h: (h.score, h.priority), reverse=True)
    return hits
