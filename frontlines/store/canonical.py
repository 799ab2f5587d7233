"""Merging a document's event mentions into canonical events (one per happening), inside its transaction.

For each event: candidates are the canonical events of the same country within ±3 days of the event's date
(an indexed, bounded query on ``(iso3, event_date)``); the merging module picks the match and says why.
A new happening gets ``canonical_uid(mention)``.  Afterwards every touched canonical event is summarised
again from all of its mentions, and one left with no mention is removed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnDefault, bindparam, delete, func, select, update
from sqlalchemy.engine import Connection

from frontlines.store import merging_api as merging
from frontlines.store.models import TABLES
from frontlines.store.sql import insert_ignore

CANON = TABLES["canonical_events"]
MENTIONS = TABLES["event_mentions"]
MAX_CANDIDATES = 500  # a date-and-country window holds far fewer in practice; this bounds the worst case

_CANON_COLUMNS = {c.name for c in CANON.columns} - {"id", "uid", "created_at", "updated_at"}
_DATE_COLUMNS = {"event_date", "published"}


def as_date(value: Any) -> dt.date | None:
    """A YYYY-MM-DD string (or date) as a date; None when missing or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def plain(row: Any) -> dict[str, Any]:
    """A row as a dict with dates as ISO strings (the form the contract and the merging code use)."""
    out = dict(row._mapping) if hasattr(row, "_mapping") else dict(row)
    for key in _DATE_COLUMNS:
        if isinstance(out.get(key), dt.date):
            out[key] = out[key].isoformat()
    return out


def candidates(
    conn: Connection, iso3: str | None, when: dt.date | None, sub_event_type: str | None
) -> list[dict[str, Any]]:
    """Canonical events of a related family in the same country within the merge window of ``when``.

    Only the columns the matching reads are fetched (uid, type, date, place, actors), with a statement
    built once: building and compiling a select per mention cost more than running it.
    """
    if when is None:
        return []
    window = dt.timedelta(days=merging.WINDOW_DAYS)
    params = {
        "lo": when - window,
        "hi": when + window,
        "subs": list(merging.related_sub_event_types(sub_event_type or "Other")),
    }
    if iso3 is None:
        return [plain(r) for r in conn.execute(_CANDIDATES_NO_COUNTRY, params)]
    return [plain(r) for r in conn.execute(_CANDIDATES, {**params, "iso3": iso3})]


# What ``merging.make_candidate`` (CanonicalSummary.from_summary) reads from a stored canonical event.
_CANDIDATE_COLUMNS = [
    CANON.c[name]
    for name in (
        "id",
        "uid",
        "sub_event_type",
        "event_date",
        "latitude",
        "longitude",
        "admin1",
        "iso3",
        "actor1",
        "actor2",
        "location",
        "geo_precision",
    )
]


def _candidate_stmt(country: Any) -> Any:
    # Served by ix_canonical_events_window (iso3, event_date): a range of a few days in one country.
    return (
        select(*_CANDIDATE_COLUMNS)
        .where(
            country,
            CANON.c.event_date.between(bindparam("lo"), bindparam("hi")),
            CANON.c.sub_event_type.in_(bindparam("subs", expanding=True)),
        )
        .order_by(CANON.c.id)
        .limit(MAX_CANDIDATES)
    )


_CANDIDATES = _candidate_stmt(CANON.c.iso3 == bindparam("iso3"))
_CANDIDATES_NO_COUNTRY = _candidate_stmt(CANON.c.iso3.is_(None))


def assign(
    conn: Connection,
    document_key: str,
    events: list[dict[str, Any]],
    *,
    origin_key: str,
    published: str | None,
    extractor_version: str,
    now: dt.datetime,
) -> set[str]:
    """Insert the document's event mentions, each linked to its canonical event; return the uids touched."""
    touched: set[str] = set()
    rows: list[dict[str, Any]] = []
    for rank, event in enumerate(events):
        mention = merging.make_mention(event, document_key, origin_key, published)
        when = as_date(event.get("event_date")) or as_date(published)
        pool = [
            merging.make_candidate(c)
            for c in candidates(conn, event.get("iso3"), when, event.get("sub_event_type"))
        ]
        uid, reasons = merging.find_match(mention, pool) if pool else (None, [])
        if uid is None:
            uid = merging.canonical_uid(mention)
            reasons = reasons or ["no stored event matched: a new happening"]
            _create(conn, uid, event, published, now)
        rows.append(
            _mention_row(event, rank, document_key, origin_key, published, extractor_version, uid, reasons)
        )
        touched.add(uid)
    # One executemany for the document's mentions: matching reads canonical events only, never mentions,
    # so a later event of the same document still sees the canonical event an earlier one created.
    if rows:
        conn.execute(MENTIONS.insert(), rows)
    return touched


def _create(
    conn: Connection, uid: str, event: dict[str, Any], published: str | None, now: dt.datetime
) -> None:
    row = {k: event.get(k) for k in _CANON_COLUMNS if k in event}
    row["event_date"] = as_date(event.get("event_date")) or as_date(published)
    row.update(uid=uid, created_at=now, updated_at=now, mentions=0, sources_independent=0)
    insert_ignore(conn, CANON, _fill_defaults(row))


def _fill_defaults(row: dict[str, Any]) -> dict[str, Any]:
    for col in CANON.columns:
        if row.get(col.name) is None and not col.nullable and isinstance(col.default, ColumnDefault):
            row[col.name] = col.default.arg
    return row


_MENTION_COLUMNS = {c.name for c in MENTIONS.columns}


def _mention_row(
    event: dict[str, Any],
    rank: int,
    document_key: str,
    origin_key: str,
    published: str | None,
    extractor_version: str,
    uid: str,
    reasons: list[str],
) -> dict[str, Any]:
    row = {k: v for k, v in event.items() if k in _MENTION_COLUMNS}
    row["event_id"] = event["id"]
    row["event_date"] = as_date(event.get("event_date"))
    row["published"] = as_date(published)
    row["evidence"] = list(event.get("evidence") or [])
    row["claims"] = list(event.get("claims") or [])
    row.update(
        document_key=document_key,
        rank=rank,
        origin_key=origin_key,
        extractor_version=extractor_version,
        canonical_uid=uid,
        merge_reasons=reasons,
    )
    for col in MENTIONS.columns:
        if row.get(col.name) is None and not col.nullable and isinstance(col.default, ColumnDefault):
            row[col.name] = col.default.arg
    return row


def refresh(conn: Connection, uids: Iterable[str], now: dt.datetime) -> None:
    """Summarise each canonical event again from its mentions; delete those left with none.

    The summary needs every mention (lowest credible figure, votes across independent sources), so it is
    recomputed, but only from the columns :func:`merging.summarise` reads (no evidence or claims JSON), with
    statements built once.
    """
    for uid in sorted(set(uids)):
        rows = [plain(r) for r in conn.execute(_MENTIONS_OF, {"uid": uid})]
        if not rows:
            conn.execute(_DELETE_CANON, {"uid": uid})
            continue
        summary = merging.summarise(rows)
        values = {k: v for k, v in summary.items() if k in _CANON_COLUMNS}
        values["merge_explanation"] = summary.get("merge_explanation")
        if "event_date" in values:
            values["event_date"] = as_date(values["event_date"])
        values["mentions"] = len(rows)
        values.setdefault("sources_independent", len({r["origin_key"] or r["document_key"] for r in rows}))
        values["updated_at"] = now
        conn.execute(_UPDATE_CANON, {**values, "b_uid": uid})


# What ``merging.summarise`` reads from a mention (as a contract event: ``id`` is the event id).
_SUMMARY_COLUMNS = [MENTIONS.c.event_id.label("id")] + [
    MENTIONS.c[name]
    for name in (
        "document_key",
        "origin_key",
        "published",
        "event_date",
        "time_precision",
        "sub_event_type",
        "actor1",
        "actor2",
        "assoc_actor_1",
        "assoc_actor_2",
        "inter1",
        "inter2",
        "country",
        "iso3",
        "admin1",
        "admin2",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
        "fatalities_low",
        "fatalities_high",
        "civilian_fatalities",
        "injured",
        "arrested",
        "modality",
        "historical",
        "source",
        "notes",
    )
]
_MENTIONS_OF = (
    select(*_SUMMARY_COLUMNS)
    .where(MENTIONS.c.canonical_uid == bindparam("uid"))
    .order_by(MENTIONS.c.document_key, MENTIONS.c.event_id)
)
_DELETE_CANON = delete(CANON).where(CANON.c.uid == bindparam("uid"))
# The SET columns come from the parameters; the uid's parameter needs a name that is not a column's.
_UPDATE_CANON = update(CANON).where(CANON.c.uid == bindparam("b_uid"))


def uids_of_document(conn: Connection, document_key: str) -> set[str]:
    """The canonical events a document's current mentions belong to."""
    stmt = select(func.distinct(MENTIONS.c.canonical_uid)).where(MENTIONS.c.document_key == document_key)
    return {u for (u,) in conn.execute(stmt) if u}
