"""Name normalisation and fuzzy, phonetic and acronym matching, shared by the actor and speaker steps.

Machine-translated and transliterated reports spell the same name many ways ("al-Shabab", "Al-Shabaab";
"Ahmad Shujjamar", "Ahmed Shuja Jamal"), so names are compared through several keys that each forgive one
kind of variation: spacing and punctuation (:func:`letters_key`), doubled letters, vowels
(:func:`skeleton`), and pronunciation (:func:`phonetic_key`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import jellyfish
from rapidfuzz import fuzz

# Words that do not count when forming an acronym from a full name ("Afghan National Defense *and*
# Security Forces" -> ANDSF).
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "de", "del", "la", "e", "al", "el", "&"})
_WORD = re.compile(r"[^\W_]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")


def strip_accents(text: str) -> str:
    """The text without diacritics ("Burkinabé" -> "Burkinabe")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The word tokens of a name, lowercased and accent-free; punctuation and hyphens separate words."""
    return _WORD.findall(strip_accents(text).lower())


def strip_article(text: str) -> str:
    """The text without a leading "the", "a" or "an"."""
    return _LEADING_ARTICLE.sub("", text)


def normalize_name(text: str) -> str:
    """A comparison form: no leading article or possessive, lowercase, accent-free, single spaces."""
    text = _LEADING_ARTICLE.sub("", text.strip())
    text = _POSSESSIVE.sub("", text)
    return " ".join(words(text))


def letters_key(text: str) -> str:
    """Letters only, doubled letters collapsed: insensitive to spacing, punctuation and gemination
    ("Shujjamar" and "Shuja Jamar" give the same key)."""
    return _DOUBLED.sub(r"\1", "".join(words(text)))


def skeleton(text: str) -> str:
    """The consonant skeleton of :func:`letters_key` (first letter kept): insensitive to vowel spelling
    ("Ahmad"/"Ahmed", "Shabab"/"Shebab")."""
    key = letters_key(text)
    if not key:
        return ""
    return _DOUBLED.sub(r"\1", key[0] + _VOWELS.sub("", key[1:]))


def phonetic_key(text: str) -> str:
    """Metaphone of the letters-only form: names that sound alike share it."""
    key = letters_key(text)
    return jellyfish.metaphone(key) if key else ""


def similarity(a: str, b: str) -> float:
    """0-100: how alike two names are, the best of plain, spacing-free and vowel-free comparisons."""
    na, nb = normalize_name(a), normalize_name(b)
    if not na or not nb:
        return 0.0
    scores = [fuzz.ratio(na, nb), fuzz.ratio(letters_key(a), letters_key(b))]
    sa, sb = skeleton(a), skeleton(b)
    if min(len(sa), len(sb)) >= 4:
        # Skeletons are short, so a skeleton score counts for a little less than a full-letter score.
        scores.append(fuzz.ratio(sa, sb) - 5)
    return max(scores)


def sounds_alike(a: str, b: str) -> bool:
    """True when two names have the same metaphone and the same match-rating code (both phonetic
    keys must agree: one alone conflates too much)."""
    ka, kb = letters_key(a), letters_key(b)
    if min(len(ka), len(kb)) < 5:
        return False
    if jellyfish.metaphone(ka) != jellyfish.metaphone(kb):
        return False
    return bool(jellyfish.match_rating_comparison(ka, kb))


# -- acronyms ---------------------------------------------------------------------------------------


def acronym_text(token: str) -> str | None:
    """The letters of an acronym as written ("A.N.D.S.F." -> "ANDSF", "ISKP" -> "ISKP"); None when the
    token does not look like an acronym (too short, lowercase letters, digits)."""
    letters = token.replace(".", "").replace("-", "")
    if 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper():
        return letters
    return None


def initials(name: str) -> list[str]:
    """Acronyms a multi-word name may be shortened to: the initials without the small words, and with
    them ("Afghan National Defense and Security Forces" -> ["ANDSF", "ANDASF"])."""
    toks = words(name)
    if len(toks) < 2:
        return []
    content = "".join(t[0] for t in toks if t not in ACRONYM_STOPWORDS).upper()
    every = "".join(t[0] for t in toks).upper()
    out = [content] if len(content) >= 2 else []
    if every != content:
        out.append(every)
    return out


def near_acronyms(acronym: str) -> set[str]:
    """Misspellings of an acronym a report may print: one letter dropped ("NDSF" for "ANDSF") and two
    neighbouring letters swapped ("ANSDF").  Only for acronyms of five letters or more: shorter ones
    have too many near neighbours among real acronyms."""
    out: set[str] = set()
    if len(acronym) < 5:
        return out
    for i in range(len(acronym)):
        out.add(acronym[:i] + acronym[i + 1 :])
    for i in range(1, len(acronym) - 1):  # the first letter stays: it is the one writers get right
        out.add(acronym[:i] + acronym[i + 1] + acronym[i] + acronym[i + 2 :])
    out.discard(acronym)
    return out


def best_match(query: str, candidates: Iterable[str], *, cutoff: float = 88.0) -> tuple[str, float] | None:
    """The candidate most similar to ``query`` by :func:`similarity`, if it reaches ``cutoff``."""
    best: tuple[str, float] | None = None
    for cand in candidates:
        score = similarity(query, cand)
        if score >= cutoff and (best is None or score > best[1]):
            best = (cand, score)
    return best
