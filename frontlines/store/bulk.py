"""Bulk loading: many rows or many results into the store through one writer.

- :func:`bulk_insert` inserts rows and skips those that collide with a unique key.  On PostgreSQL the rows
  are streamed with ``COPY`` into a temporary staging table and moved with one
  ``INSERT ... SELECT ... ON CONFLICT DO NOTHING``; on SQLite it is one ``executemany`` of
  ``INSERT OR IGNORE``.
- :func:`load_results` stores extraction results (the Ray engine's output, or result Parquet files read by
  ``frontlines load``) in groups: one transaction per group of documents instead of one per document,
  the "already stored?" check done for the whole group in one query, and sources of already stored
  documents added with :func:`bulk_insert`.  Each new document still goes through
  :func:`frontlines.store.writer.save_result`, so syndication and event merging are exactly the ingest
  path's.  It is idempotent by document key: a load stopped halfway and run again stores each document once.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Table, text
from sqlalchemy.engine import Connection

from frontlines.chunks import chunked
from frontlines.ids import document_key as make_document_key
from frontlines.run_counts import RunCounts
from frontlines.store.database import Database
from frontlines.store.models import TABLES
from frontlines.store.sql import insert_ignore
from frontlines.store.syndication import StoredSyndication, signature_of
from frontlines.store.writer import SourceRef, record_failure, save_result, utcnow

DEFAULT_GROUP = 50  # documents per transaction in load_results


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert ``rows`` into ``table``, skipping rows that collide with a unique key; return rows inserted.

    Every row must have the same keys.  Columns not given take their server default (or NULL).
    """
    if not rows:
        return 0
    if conn.dialect.name != "postgresql":
        return insert_ignore(conn, table, list(rows))
    return _pg_copy_insert(conn, table, rows)


def _pg_copy_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    columns = [c for c in table.columns if c.name in rows[0]]
    names = ", ".join(f'"{c.name}"' for c in columns)
    stage = f"stage_{uuid.uuid4().hex[:12]}"
    conn.exec_driver_sql(
        f'CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {names} FROM "{table.name}" WITH NO DATA'
    )
    is_json = [isinstance(c.type, JSON) for c in columns]
    raw = conn.connection.driver_connection  # the psycopg connection, inside our transaction
    assert raw is not None  # an open connection always has its driver connection
    with raw.cursor() as cur, cur.copy(f"COPY {stage} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(
                [
                    json.dumps(row[c.name]) if js and row[c.name] is not None else row[c.name]
                    for c, js in zip(columns, is_json, strict=True)
                ]
            )
    done = conn.execute(
        text(f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM {stage} ON CONFLICT DO NOTHING')
    )
    conn.exec_driver_sql(f"DROP TABLE {stage}")
    return int(done.rowcount or 0)


@dataclass
class LoadStats(RunCounts):
    """What :func:`load_results` did."""


def load_results(
    db: Database,
    results: Iterable[dict[str, Any]],
    *,
    group_size: int = DEFAULT_GROUP,
    source: str | None = None,
) -> LoadStats:
    """Store result dicts (and ``{"id", "error"}`` dicts, recorded as failed) in groups of documents.

    ``source`` names the outlet for results that carry none.  Returns the counts.
    """
    stats = LoadStats()
    syndication = StoredSyndication()
    for group in chunked(results, group_size):
        keys = [_key(r) for r in group if "error" not in r]
        current = db.current_keys(k for k in keys if k)
        done = db.write(
            functools.partial(
                _write_group, group=group, current=current, syndication=syndication, default_source=source
            )
        )
        stats.add(done)
    return stats


def _write_group(
    conn: Connection,
    group: list[dict[str, Any]],
    current: set[str],
    syndication: StoredSyndication,
    default_source: str | None,
) -> LoadStats:
    """One transaction's work: the group's counts (added up by the caller once it has committed)."""
    local = LoadStats()
    seen: set[str] = set()
    sources: list[dict[str, Any]] = []
    now = utcnow()
    for result in group:
        local.read += 1
        ref = str(result.get("id") or "")
        if "error" in result:
            record_failure(conn, ref or "result", str(result["error"]), "ExtractionError")
            local.fail(ref, str(result["error"]))
            continue
        key = _key(result)
        src = SourceRef(
            input_id=ref, url=result.get("url") or "", source=result.get("source") or default_source or ""
        )
        if key in current or key in seen:
            sources.append(src.row(key, now))
            local.unchanged += 1
            continue
        seen.add(key)
        outcome = save_result(
            conn, result, src, syndication=syndication, signature=signature_of(result["text"])
        )
        local.new += int(outcome.status != "unchanged")
        local.unchanged += int(outcome.status == "unchanged")
        local.sources_added += int(outcome.source_added)
        local.events += outcome.events
        local.claims += outcome.claims
    local.sources_added += bulk_insert(conn, TABLES["document_sources"], sources)
    return local


def _key(result: dict[str, Any]) -> str:
    return str(result.get("document_key") or make_document_key(result.get("text") or ""))
