"""Content-hash identifiers: documents, events and claims get ids derived from what they are."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")


def normalize_for_key(text: str) -> str:
    """Unicode NFC and whitespace collapsed to single spaces, stripped: the text the document key hashes."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def document_key(text: str) -> str:
    """The contract's document key: sha256 (hex) of the normalised text."""
    return hashlib.sha256(normalize_for_key(text).encode("utf-8")).hexdigest()


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable short hex hash of the given parts (joined with a unit separator)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]
