"""A learned ACLED sub-event classifier for short news snippets (CPU, no network, no pickle).

A linear model over TF-IDF features (word 1-2 grams and character 3-5 grams within word boundaries), trained
by ``scripts/train_classifier.py`` on the project's synthetic reports (``frontlines/data/training``). The
artefact ``frontlines/data/classifier/model.npz`` holds the two vocabularies, their IDF weights, the
coefficients and the class names; ``meta.json`` records how it was trained. It is loaded once per process.

Labels are ACLED sub-event types spelled as in the taxonomy, plus ``NONE`` for a snippet that holds no
political-violence, demonstration or strategic-development event (disasters, ordinary crime, politics).

Public API::

    predict(texts)      -> [(label, probability), ...]
    predict_proba(text) -> {label: probability, ...}   (all labels, summing to 1)
    labels()            -> the label list, in the model's order
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "classifier"
NONE = "NONE"

# The featurisation settings: shared by training and prediction (training imports them from here).
WORD_PARAMS: dict[str, object] = {"analyzer": "word", "ngram_range": (1, 2), "lowercase": True}
CHAR_PARAMS: dict[str, object] = {"analyzer": "char_wb", "ngram_range": (3, 5), "lowercase": True}

_DIGITS = re.compile(r"\d")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text as the model sees it: digits folded to 0, whitespace collapsed."""
    return _SPACE.sub(" ", _DIGITS.sub("0", text)).strip()


@dataclass(frozen=True)
class LinearTextModel:
    """Vocabularies, IDF weights and a linear decision function over the stacked feature blocks."""

    word_vocab: list[str]
    char_vocab: list[str]
    word_idf: np.ndarray
    char_idf: np.ndarray
    coef: np.ndarray  # (n_classes, n_word + n_char), float32
    intercept: np.ndarray  # (n_classes,)
    classes: list[str]
    temperature: float = 1.0

    @functools.cached_property
    def _vectorisers(self) -> tuple[CountVectorizer, CountVectorizer]:
        word = CountVectorizer(vocabulary={t: i for i, t in enumerate(self.word_vocab)}, **WORD_PARAMS)
        char = CountVectorizer(vocabulary={t: i for i, t in enumerate(self.char_vocab)}, **CHAR_PARAMS)
        return word, char

    def features(self, texts: list[str]) -> sp.csr_matrix:
        """Sublinear TF-IDF, L2-normalised per block, blocks stacked side by side."""
        word, char = self._vectorisers
        docs = [normalise(t) for t in texts]
        blocks = []
        for vec, idf in ((word, self.word_idf), (char, self.char_idf)):
            x = vec.transform(docs).astype(np.float64)
            x.data = 1.0 + np.log(x.data)
            x = x @ sp.diags(idf.astype(np.float64))
            norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
            norms[norms == 0] = 1.0
            blocks.append(sp.diags(1.0 / norms) @ x)
        return sp.hstack(blocks, format="csr")

    def decision(self, texts: list[str]) -> np.ndarray:
        """Raw class scores, shape (len(texts), n_classes)."""
        return np.asarray(self.features(texts) @ self.coef.T.astype(np.float64)) + self.intercept

    def proba(self, texts: list[str]) -> np.ndarray:
        """Softmax of the scores divided by the calibrated temperature."""
        z = self.decision(texts) / self.temperature
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def save(self, directory: Path, meta: dict[str, object]) -> None:
        """Write ``model.npz`` (no pickled objects) and ``meta.json``."""
        directory.mkdir(parents=True, exist_ok=True)
        with (directory / "model.npz").open("wb") as fh:
            np.savez_compressed(
                fh,
                word_vocab=np.array(self.word_vocab, dtype=np.str_),
                char_vocab=np.array(self.char_vocab, dtype=np.str_),
                word_idf=self.word_idf.astype(np.float32),
                char_idf=self.char_idf.astype(np.float32),
                coef=self.coef.astype(np.float16),
                intercept=self.intercept.astype(np.float32),
                classes=np.array(self.classes, dtype=np.str_),
                temperature=np.array([self.temperature], dtype=np.float32),
            )
        (directory / "meta.json").write_text(
            json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, directory: Path) -> LinearTextModel:
        """Read an artefact written by :meth:`save` (``allow_pickle=False``)."""
        with np.load(directory / "model.npz", allow_pickle=False) as z:
            return cls(
                word_vocab=[str(t) for t in z["word_vocab"]],
                char_vocab=[str(t) for t in z["char_vocab"]],
                word_idf=z["word_idf"].astype(np.float64),
                char_idf=z["char_idf"].astype(np.float64),
                coef=z["coef"].astype(np.float32),
                intercept=z["intercept"].astype(np.float64),
                classes=[str(c) for c in z["classes"]],
                temperature=float(z["temperature"][0]),
            )


@functools.cache
def model(directory: str | None = None) -> LinearTextModel:
    """The packaged model (or one from ``directory``), loaded once per process."""
    return LinearTextModel.load(Path(directory) if directory else MODEL_DIR)


def labels() -> list[str]:
    """The model's labels: ACLED sub-event types and ``NONE``."""
    return list(model().classes)


def predict(texts: list[str]) -> list[tuple[str, float]]:
    """The most likely label of each text, with its probability."""
    if not texts:
        return []
    m = model()
    p = m.proba(list(texts))
    best = p.argmax(axis=1)
    return [(m.classes[int(i)], float(p[row, i])) for row, i in enumerate(best)]


def predict_proba(text: str) -> dict[str, float]:
    """Every label's probability for one text, most likely first."""
    m = model()
    p = m.proba([text])[0]
    order = np.argsort(-p, kind="stable")
    return {m.classes[int(i)]: float(p[i]) for i in order}
