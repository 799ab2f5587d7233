"""Language identification: which language a report is written in, as an ISO 639-1 code.

py3langid (a fast naive-Bayes classifier over byte n-grams) reads a sample of the text. News reports are
full of foreign names (places, groups, people) that can pull a short English text towards another
language, so English wins whenever the sample is plainly English by its function words.
"""

from __future__ import annotations

import functools
import re
from typing import Any

SAMPLE_CHARS = 2000  # the first 2,000 characters decide: enough for a stable answer, cheap on long texts
MIN_LETTERS = 20  # below this the classifier is a coin toss; such fragments default to English
DEFAULT = "en"

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")
# The commonest English function words: their share of the words says "English" regardless of names.
_EN_FUNCTION = frozenset(
    "the of and to in a is that for on was with as by at from it said were are has have had been be not "
    "this which who their they an or after but its he she his her will would".split()
)


@functools.cache
def _identifier() -> Any:
    """The py3langid model with normalised probabilities, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the report's language ("en" for very short or ambiguous text)."""
    sample = _URL.sub(" ", text[:SAMPLE_CHARS])
    words = _WORD.findall(sample)
    if sum(len(w) for w in words) < MIN_LETTERS:
        return DEFAULT
    lowered = [w.lower() for w in words]
    english_share = sum(1 for w in lowered if w in _EN_FUNCTION) / len(lowered)
    if english_share >= 0.15:
        return "en"
    lang, prob = detect_with_confidence(sample)
    # A weak guess is more likely English crowded with foreign names than a foreign text: the extractor
    # then still runs, which costs less than silently dropping an English report's events.
    if lang != "en" and (prob < 0.5 or (prob < 0.7 and english_share >= 0.05)):
        return DEFAULT
    return lang


def detect_with_confidence(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability from 0 to 1) from the classifier alone, on the text's sample."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    if lang == "und":  # no features at all: nothing to go on
        return DEFAULT, 0.0
    return str(lang), float(prob)
