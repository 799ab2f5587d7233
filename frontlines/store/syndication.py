"""The syndication index kept in step with the store, so copies get their group's origin key.

The index lives in memory (MinHash LSH); it is loaded from the stored signatures once and then topped up,
inside each write transaction, with the documents other processes stored since the last look.  Writers are
serialised (BEGIN IMMEDIATE / advisory lock), so the index is current when a document's origin is chosen.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.engine import Connection

from frontlines.reconcile.syndication import SyndicationIndex, minhash_signature
from frontlines.store.models import TABLES

DOCS = TABLES["documents"]
# Writers are serialised and stamp ingested_at inside their transaction, so a row we have not seen was
# stamped after our last sync; the slack only covers clock adjustments between processes on one machine.
_SLACK = dt.timedelta(seconds=2)


def signature_of(text: str) -> bytes:
    """The document's MinHash signature (what the syndication index compares)."""
    return minhash_signature(text)


class StoredSyndication:
    """A :class:`SyndicationIndex` that follows the documents table."""

    def __init__(self) -> None:
        self._index = SyndicationIndex()
        self._since: dt.datetime | None = None

    def sync(self, conn: Connection) -> None:
        """Add the signatures stored since the last sync (all of them the first time)."""
        stmt = select(DOCS.c.document_key, DOCS.c.minhash, DOCS.c.origin_key).where(
            DOCS.c.minhash.is_not(None)
        )
        if self._since is not None:
            stmt = stmt.where(DOCS.c.ingested_at >= self._since - _SLACK)
        synced_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = conn.execute(stmt.order_by(DOCS.c.ingested_at)).all()
        self._index.load(
            (r.document_key, r.minhash, r.origin_key) for r in rows if r.document_key not in self._index
        )
        self._since = synced_at

    def origin(self, conn: Connection, document_key: str, signature: bytes | None) -> str:
        """The origin key of a new document (its own key when it copies nothing stored)."""
        if signature is None:
            return document_key
        self.sync(conn)
        return self._index.add(document_key, signature)
