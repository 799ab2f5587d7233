"""Syndication: group near-duplicate reports (wire copies, re-headlined, trimmed or scraped republications).

A copy of a report is not an independent source.  Every document gets a MinHash signature of its word
shingles; documents whose estimated Jaccard similarity reaches the threshold join the group of their most
similar earlier document, and every member of a group carries the group's **origin key**.

Origin choice: the origin of a group is its *first member added* and never changes afterwards.  We do not
re-elect an earlier-published copy that arrives later, because origin keys are persisted by the store and
re-electing would silently rewrite stored rows; the number of distinct origins (what independence counting
needs) is the same either way.

Threshold: measured on the texts in ``tests/test_syndication.py`` (see that file and the module constant
below): a re-headlined copy with its last paragraph trimmed and "Source link" appended scored 0.76 (exact
Jaccard 0.72), a machine-translation round trip of the story 0.62 (exact 0.59), the copy against the
translation 0.48, an independent report of the same capture by another outlet 0.02, an unrelated report 0.0.
0.5 sits between the two populations with room on both sides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_SIZE = 3
DEFAULT_THRESHOLD = 0.5
# LSH only proposes candidates; it runs below the threshold so that pairs just above it are not missed
# (banding is probabilistic), and the signature estimate then decides.
_LSH_SLACK = 0.15
# One version byte in front of the hash values, so a later change of scheme can be recognised in the store.
_SIG_VERSION = 1
_SCHEME = "affine32"
_DTYPE = np.dtype("<u4")
_EMPTY = int(np.iinfo(np.uint32).max)

# Lines that scrapers, aggregators and wire services add around the story: they say nothing about the event
# and would make copies look less alike (or unrelated stories from one site look alike).
_BOILERPLATE_LINE = re.compile(
    r"""^\s*(
        source\s*(link|:.*)?
      | read\s+(more|the\s+original|full\s+(story|article)).*
      | (click|tap)\s+here.*
      | (share|follow\s+us|subscribe|sign\s+up)\b.*
      | advertisement | sponsored(\s+content)?
      | (photo|image|picture|video|file\s+photo)\s*(:|credit|\().*
      | (copyright|©|\(c\)).* | all\s+rights\s+reserved.*
      | (by|reporting\s+by|writing\s+by|editing\s+by|additional\s+reporting\s+by)\s+[^.!?]{0,80}
      | (originally\s+)?published\s+(on|by|at)\b.*
      | related(\s+(articles|stories|news))?\s*:?.*
      | (this\s+(article|story)\s+(was|has\s+been)\s+(machine[-\s])?translated).*
      | (tags?|topics?)\s*:.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"\w+", re.UNICODE)


def strip_boilerplate(text: str) -> str:
    """The text without scraper/wire boilerplate lines ("Source link", "Read more", bylines, credits)."""
    kept = [line for line in text.splitlines() if line.strip() and not _BOILERPLATE_LINE.match(line)]
    return "\n".join(kept)


def normalise_words(text: str) -> list[str]:
    """Lower-cased word tokens of the text after NFKC and boilerplate stripping (punctuation dropped)."""
    text = unicodedata.normalize("NFKC", strip_boilerplate(text)).casefold()
    return _WORD.findall(text)


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """Word ``size``-grams of the normalised text; a text shorter than ``size`` words is one shingle."""
    words = normalise_words(text)
    if not words:
        return set()
    if len(words) < size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _minhash(values: np.ndarray | None = None) -> MinHash:
    if values is None:
        return MinHash(num_perm=NUM_PERM, scheme=_SCHEME)
    return MinHash(num_perm=NUM_PERM, scheme=_SCHEME, hashvalues=values)


def minhash_signature(text: str) -> bytes:
    """A serialisable MinHash signature (1 version byte + 128 little-endian uint32) of the text's shingles."""
    mh = _minhash()
    mh.update_batch(s.encode("utf-8") for s in shingles(text))
    return bytes([_SIG_VERSION]) + np.asarray(mh.hashvalues, dtype=_DTYPE).tobytes()


def _decode(signature: bytes) -> MinHash:
    if len(signature) != 1 + NUM_PERM * _DTYPE.itemsize or signature[0] != _SIG_VERSION:
        raise ValueError("not a Frontlines MinHash signature (wrong length or version)")
    return _minhash(np.frombuffer(signature, dtype=_DTYPE, offset=1).astype(np.uint32))


def _is_empty(mh: MinHash) -> bool:
    # A text with no words: every slot still holds the sentinel; two empty texts must not look identical.
    return bool(np.all(mh.hashvalues == _EMPTY))


def similarity(sig_a: bytes, sig_b: bytes) -> float:
    """Estimated Jaccard similarity of the two documents' shingle sets (0.0 when either is empty)."""
    a, b = _decode(sig_a), _decode(sig_b)
    if _is_empty(a) or _is_empty(b):
        return 0.0
    return float(a.jaccard(b))


class SyndicationIndex:
    """Groups documents whose signatures are near-duplicates; each group is identified by its origin key."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=max(0.1, threshold - _LSH_SLACK), num_perm=NUM_PERM)
        self._sketch: dict[str, MinHash] = {}
        self._origin: dict[str, str] = {}
        self._seq: dict[str, int] = {}  # arrival order, for "earliest group wins" ties

    def __len__(self) -> int:
        return len(self._origin)

    def __contains__(self, doc_key: object) -> bool:
        return doc_key in self._origin

    def add(self, doc_key: str, signature: bytes) -> str:
        """Index a document and return its origin key (its own key when it copies nothing indexed).

        Adding a key twice returns the origin it already has.  When the document resembles several groups,
        it joins the group of its single most similar document (ties: the earliest added group).
        """
        if doc_key in self._origin:
            return self._origin[doc_key]
        mh = _decode(signature)
        origin = doc_key
        if not _is_empty(mh):
            best = self._best_match(mh)
            if best is not None:
                origin = self._origin[best]
        self._remember(doc_key, mh, origin)
        return origin

    def _best_match(self, mh: MinHash) -> str | None:
        # LSH gives candidates; the exact signature estimate filters its false positives.
        # All candidates' estimates in one numpy step (templated or syndicated feeds give hundreds of
        # candidates; one jaccard() call each dominated the writer).  Same value as MinHash.jaccard.
        best: tuple[float, int, str] | None = None
        candidates = list(self._lsh.query(mh))
        if not candidates:
            return None
        stacked = np.stack([self._sketch[key].hashvalues for key in candidates])
        scores = np.count_nonzero(stacked == mh.hashvalues, axis=1) / float(len(mh.hashvalues))
        for key, value in zip(candidates, scores, strict=True):
            score = float(value)
            if score < self.threshold:
                continue
            rank = (score, -self._seq.get(self._origin[key], 0), key)
            if best is None or rank[:2] > best[:2]:
                best = rank
        return best[2] if best else None

    def _remember(self, doc_key: str, mh: MinHash, origin: str) -> None:
        self._origin[doc_key] = origin
        self._seq[doc_key] = len(self._seq)
        if not _is_empty(mh):
            self._sketch[doc_key] = mh
            self._lsh.insert(doc_key, mh)

    def load(self, rows: Iterable[tuple[str, bytes, str]]) -> None:
        """Rebuild from stored ``(doc_key, signature, origin_key)`` rows, keeping the stored origins."""
        for doc_key, signature, origin_key in rows:
            if doc_key in self._origin:
                continue
            self._remember(doc_key, _decode(signature), origin_key or doc_key)

    def origin_of(self, doc_key: str) -> str | None:
        """The origin key of an indexed document, or None when the key was never added."""
        return self._origin.get(doc_key)

    def members(self, origin_key: str) -> list[str]:
        """The documents of one group (origin first), in the order they were added."""
        return [k for k, o in self._origin.items() if o == origin_key]

    @staticmethod
    def similarity(sig_a: bytes, sig_b: bytes) -> float:
        """Estimated Jaccard similarity of two signatures (see :func:`similarity`)."""
        return similarity(sig_a, sig_b)
