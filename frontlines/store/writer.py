"""Writing one document's result (and its failures) to the store, inside one transaction.

``save_result`` writes the document, its source, speakers, actors, places, event mentions, claims and
contradiction links, and re-summarises the canonical events it touches.  The caller runs it inside
:func:`frontlines.store.engine.run_write`, so all of it commits together or not at all: a process killed
halfway leaves either the whole document or nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.engine import Connection

from frontlines.ids import document_key as make_document_key
from frontlines.store import canonical
from frontlines.store.models import TABLES
from frontlines.store.sql import insert_ignore
from frontlines.store.syndication import StoredSyndication
from frontlines.version import EXTRACTOR_VERSION

DOCS = TABLES["documents"]
SOURCES = TABLES["document_sources"]
SPEAKERS = TABLES["speakers"]
ACTORS = TABLES["actors"]
PLACES = TABLES["places"]
MENTIONS = TABLES["event_mentions"]
CLAIMS = TABLES["claims"]
CONTRA = TABLES["claim_contradictions"]
FAILED = TABLES["failed_inputs"]


def utcnow() -> dt.datetime:
    """Now, in UTC, without tzinfo (stored the same way on SQLite and PostgreSQL)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@functools.cache
def lexicon_version() -> str:
    """A short hash of the packaged data files (lexicons, gazetteers): stored with each document."""
    from importlib import resources

    digest = hashlib.sha256()
    root = resources.files("frontlines.data")

    def walk(node: Any, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith((".yaml", ".yml", ".csv", ".json", ".tsv", ".txt")):
                digest.update(f"{prefix}{child.name}".encode())
                digest.update(child.read_bytes())

    walk(root, "")
    return digest.hexdigest()[:12]


@dataclass
class SourceRef:
    """Where one input came from: its URL, outlet and input id (file path, batch id or line)."""

    input_id: str = ""
    url: str = ""
    source: str = ""

    def row(self, key: str, now: dt.datetime) -> dict[str, Any]:
        """The document_sources row for a document."""
        return {
            "document_key": key,
            "url": self.url or "",
            "source": self.source or "",
            "input_id": self.input_id or "",
            "added_at": now,
        }


@dataclass
class SaveOutcome:
    """What saving one result did: ``new``, ``replaced`` (re-extracted) or ``unchanged``."""

    document_key: str
    status: str
    events: int = 0
    claims: int = 0
    source_added: bool = False


def stored_state(conn: Connection, key: str) -> tuple[str, str] | None:
    """(status, extractor_version) of a stored document, or None when it is not stored."""
    row = conn.execute(_STATE, {"key": key}).first()
    return (row.status, row.extractor_version) if row else None


# Statements run once per document, built once (building and compiling one costs about as much as running it).
_STATE = select(DOCS.c.status, DOCS.c.extractor_version, DOCS.c.origin_key).where(
    DOCS.c.document_key == bindparam("key")
)
_CLEAR_FAILURE = delete(FAILED).where(FAILED.c.input_ref == bindparam("ref"))


def is_current(state: tuple[str, str] | None, version: str = EXTRACTOR_VERSION) -> bool:
    """Whether a stored document needs no extraction: stored OK by this extractor version."""
    return state is not None and state[0] == "ok" and state[1] == version


def add_source(conn: Connection, key: str, source: SourceRef) -> bool:
    """Record one more place the document was seen; False when that source was known already."""
    return insert_ignore(conn, SOURCES, source.row(key, utcnow())) > 0


def save_result(
    conn: Connection,
    result: dict[str, Any],
    source: SourceRef,
    *,
    syndication: StoredSyndication | None = None,
    signature: bytes | None = None,
    force: bool = False,
) -> SaveOutcome:
    """Store one extraction result with its source; replace an older extraction of the same document.

    A document already stored by the same extractor version only gains the source (the second ingest of
    an input changes nothing) unless ``force`` (reprocess --all).  Call inside a write transaction.
    """
    now = utcnow()
    key = result.get("document_key") or make_document_key(result["text"])
    version = result.get("extractor_version") or EXTRACTOR_VERSION
    stored = conn.execute(_STATE, {"key": key}).first()
    state = (stored.status, stored.extractor_version) if stored else None
    if is_current(state, version) and not force:
        return SaveOutcome(key, "unchanged", source_added=add_source(conn, key, source))

    old_uids: set[str] = set()
    origin_key: str | None = None
    if state is None:
        origin_key = syndication.origin(conn, key, signature) if syndication else key
        conn.execute(DOCS.insert(), _document_row(result, key, version, now, origin_key, signature, now))
    else:
        old_uids = canonical.uids_of_document(conn, key)
        origin_key = stored.origin_key if stored else None
        if origin_key is None:  # stored as failed before: it was never placed in a syndication group
            origin_key = syndication.origin(conn, key, signature) if syndication else key
        _delete_children(conn, key)
        row = _document_row(result, key, version, now, origin_key, signature, None)
        row.pop("ingested_at")
        if signature is None:
            row.pop("minhash")
        conn.execute(update(DOCS).where(DOCS.c.document_key == key).values(**row))

    added = add_source(conn, key, source)
    _write_entities(conn, key, result)
    claims = _write_claims(conn, key, result, version)
    touched = canonical.assign(
        conn,
        key,
        list(result.get("events") or []),
        origin_key=origin_key,
        published=result.get("published"),
        extractor_version=version,
        now=now,
    )
    canonical.refresh(conn, touched | old_uids, now)
    if source.input_id:
        conn.execute(_CLEAR_FAILURE, {"ref": source.input_id})
    status = "new" if state is None else "replaced"
    return SaveOutcome(key, status, len(result.get("events") or []), claims, added)


def _document_row(
    result: dict[str, Any],
    key: str,
    version: str,
    now: dt.datetime,
    origin_key: str | None,
    signature: bytes | None,
    ingested_at: dt.datetime | None,
) -> dict[str, Any]:
    return {
        "document_key": key,
        "text": result["text"],
        "title": result.get("title"),
        "published": canonical.as_date(result.get("published")),
        "language": result.get("language"),
        "extractor_version": version,
        "lexicon_version": lexicon_version(),
        "status": "ok",
        "error": None,
        "warnings": list(result.get("warnings") or []),
        "origin_key": origin_key,
        "minhash": signature,
        "ingested_at": ingested_at,
        "updated_at": now,
    }


def _delete_children(conn: Connection, key: str) -> None:
    """Remove everything a previous extraction of the document wrote (its sources stay)."""
    conn.execute(delete(CONTRA).where(CONTRA.c.document_key == key))
    for table in (MENTIONS, CLAIMS, SPEAKERS, ACTORS, PLACES):
        conn.execute(delete(table).where(table.c.document_key == key))


def _write_entities(conn: Connection, key: str, result: dict[str, Any]) -> None:
    speakers = [
        {
            "document_key": key,
            "speaker_id": s["id"],
            "name": s["name"],
            "aliases": list(s.get("aliases") or []),
            "role": s.get("role"),
            "organization": s.get("organization"),
        }
        for s in result.get("speakers") or []
    ]
    actors = [
        {
            "document_key": key,
            "actor_id": a["id"],
            "name": a["name"],
            "aliases": list(a.get("aliases") or []),
            "inter": a.get("inter") or 0,
            "iso3": a.get("iso3"),
        }
        for a in result.get("actors") or []
    ]
    place_cols = (
        "name",
        "latitude",
        "longitude",
        "country",
        "iso3",
        "admin1",
        "admin2",
        "geonameid",
        "feature",
    )
    places = [
        {"document_key": key, "place_id": p["id"], **{c: p.get(c) for c in place_cols}}
        for p in result.get("places") or []
    ]
    # insert_ignore: an extractor that repeats an id must not fail the whole document.
    insert_ignore(conn, SPEAKERS, speakers, count=False)
    insert_ignore(conn, ACTORS, actors, count=False)
    insert_ignore(conn, PLACES, places, count=False)


def _write_claims(conn: Connection, key: str, result: dict[str, Any], version: str) -> int:
    claims = result.get("claims") or []
    rows = [
        {
            "document_key": key,
            "claim_id": c["id"],
            "extractor_version": version,
            "claimant": c.get("claimant") or "",
            "claimant_kind": c.get("claimant_kind") or "outlet",
            "stance": c.get("stance") or "asserts",
            "event_id": c.get("event"),
            "text": c.get("text") or "",
            "start": c.get("start") or 0,
            "end": c.get("end") or 0,
        }
        for c in claims
    ]
    insert_ignore(conn, CLAIMS, rows, count=False)
    links = [
        {"document_key": key, "claim_id": c["id"], "other_claim_id": other}
        for c in claims
        for other in c.get("contradicts") or []
    ]
    insert_ignore(conn, CONTRA, links, count=False)
    return len(rows)


def record_failure(conn: Connection, input_ref: str, reason: str, error_type: str | None = None) -> None:
    """Record (or refresh) an input that could not be read or extracted."""
    now = utcnow()
    values = {"reason": reason, "error_type": error_type, "failed_at": now}
    done = conn.execute(
        update(FAILED).where(FAILED.c.input_ref == input_ref).values(attempts=FAILED.c.attempts + 1, **values)
    )
    if not done.rowcount:
        insert_ignore(conn, FAILED, {"input_ref": input_ref, "attempts": 1, **values})


def mark_failed_document(
    conn: Connection, key: str, text: str, error: str, *, title: str | None = None
) -> None:
    """Keep a text whose extraction failed, with status ``failed``, so the next run retries it."""
    now = utcnow()
    if stored_state(conn, key) is not None:
        return  # never downgrade a stored extraction because a later attempt failed
    conn.execute(
        DOCS.insert(),
        {
            "document_key": key,
            "text": text,
            "title": title,
            "extractor_version": EXTRACTOR_VERSION,
            "lexicon_version": lexicon_version(),
            "status": "failed",
            "error": error,
            "ingested_at": now,
            "updated_at": now,
        },
    )
