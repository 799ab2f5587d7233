"""The syndication index kept in step with the store, so copies get their group's origin key.

The index lives in memory (MinHash LSH); it is loaded from the stored signatures once and then topped up,
inside each write transaction, with the documents other processes stored since the last look.  Writers are
serialised (BEGIN IMMEDIATE / advisory lock), so the index is current when a document's origin is chosen.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, select
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
        """Add the signatures stored since the last sync (all of them the first time).

        After the first load only the keys of the documents stamped since the last look are read (an index
        range on ``(ingested_at, document_key)``, migration 0004); signatures are fetched only for the keys
        the index does not hold yet, which in a single-writer run are none: the writer indexed them itself.
        """
        synced_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        if self._since is None:
            stmt = select(DOCS.c.document_key, DOCS.c.minhash, DOCS.c.origin_key).where(
                DOCS.c.minhash.is_not(None)
            )
            rows = conn.execute(stmt.order_by(DOCS.c.ingested_at)).all()
        else:
            recent = conn.execute(_RECENT_KEYS, {"since": self._since - _SLACK}).scalars()
            unknown = [k for k in recent if k not in self._index]
            rows = []
            for i in range(0, len(unknown), _IN_CHUNK):
                rows.extend(conn.execute(_SIGNATURES, {"keys": unknown[i : i + _IN_CHUNK]}).all())
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


_IN_CHUNK = 500  # keys per IN (...) query
# Built once: constructing and compiling a statement costs more than running it on a few rows.
_RECENT_KEYS = (
    select(DOCS.c.document_key).where(DOCS.c.ingested_at >= bindparam("since")).order_by(DOCS.c.ingested_at)
)
_SIGNATURES = (
    select(DOCS.c.document_key, DOCS.c.minhash, DOCS.c.origin_key)
    .where(DOCS.c.document_key.in_(bindparam("keys", expanding=True)), DOCS.c.minhash.is_not(None))
    .order_by(DOCS.c.ingested_at)
)
