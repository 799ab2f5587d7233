"""Merging event mentions into canonical events in partitions, so that a re-merge scales past memory.

The ingest writer merges each document as it arrives.  :func:`remerge` recomputes the grouping of every
stored mention (after a bulk load, a change to the merging rules, or to make the grouping independent of
the order documents arrived in), one partition at a time: one country and one window of dates
(``window_days``), each in its own transaction.  Mentions are matched in date order with the merging
module's :func:`find_match` against the canonical events of the last ``WINDOW_DAYS`` days, which are
carried from one window to the next, so a happening on a window's edge is still found; memory holds one
window plus that margin.  New happenings get :func:`canonical_uid`, and every touched canonical event is
summarised again from its mentions (:func:`summarise`, through :func:`frontlines.store.canonical.refresh`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select, update
from sqlalchemy.engine import Connection

from frontlines.store import canonical
from frontlines.store import merging_api as merging
from frontlines.store.database import Database
from frontlines.store.models import TABLES
from frontlines.store.writer import utcnow

MENTIONS = TABLES["event_mentions"]
CANON = TABLES["canonical_events"]
DEFAULT_WINDOW_DAYS = 31


@dataclass
class RemergeStats:
    """What a re-merge did."""

    partitions: int = 0
    mentions: int = 0
    moved: int = 0  # mentions whose canonical event changed
    canonical_before: int = 0
    canonical_after: int = 0


@dataclass
class _Cluster:
    uid: str
    day: dt.date | None
    mentions: list[dict[str, Any]] = field(default_factory=list)
    summary: Any = None

    def add(self, row: dict[str, Any]) -> None:
        self.mentions.append(row)
        self.summary = merging.make_candidate({"uid": self.uid, **merging.summarise(self.mentions)})
        self.day = self.summary.event_date


def partitions(conn: Connection, window_days: int, iso3: str | None = None) -> Iterator[tuple[Any, Any, Any]]:
    """``(iso3, start, end)`` windows covering the stored mentions, by country then date.

    Mentions with no date form one partition per country, ``(iso3, None, None)``.
    """
    stmt = select(MENTIONS.c.iso3, func.min(MENTIONS.c.event_date), func.max(MENTIONS.c.event_date))
    if iso3 is not None:
        stmt = stmt.where(MENTIONS.c.iso3 == iso3)
    rows = conn.execute(stmt.group_by(MENTIONS.c.iso3)).all()
    for country, first, last in sorted(rows, key=lambda r: r[0] or ""):
        yield country, None, None
        if first is None:
            continue
        start = first
        while start <= last:
            end = start + dt.timedelta(days=window_days)
            yield country, start, end
            start = end


def remerge(db: Database, *, iso3: str | None = None, window_days: int = DEFAULT_WINDOW_DAYS) -> RemergeStats:
    """Recompute the canonical events of every stored mention (or one country's), partition by partition."""
    stats = RemergeStats()
    with db.read() as conn:
        stats.canonical_before = int(conn.execute(select(func.count()).select_from(CANON)).scalar() or 0)
        parts = list(partitions(conn, window_days, iso3))
    carried: dict[str | None, list[_Cluster]] = {}
    for country, start, end in parts:
        with db.read() as conn:
            rows = _mentions(conn, country, start, end)
        if not rows:
            continue
        stats.partitions += 1
        stats.mentions += len(rows)
        if start is None:
            clusters = _group(rows, [])
        else:
            keep = [c for c in carried.get(country, []) if c.day and c.day >= start - _margin()]
            clusters = _group(rows, keep)
            carried[country] = [c for c in clusters if c.day and c.day >= end - _margin()]
        stats.moved += db.write(functools.partial(_write, clusters=clusters))
    with db.read() as conn:
        stats.canonical_after = int(conn.execute(select(func.count()).select_from(CANON)).scalar() or 0)
    return stats


def _margin() -> dt.timedelta:
    return dt.timedelta(days=merging.WINDOW_DAYS)


def _mentions(conn: Connection, iso3: str | None, start: Any, end: Any) -> list[dict[str, Any]]:
    country = MENTIONS.c.iso3.is_(None) if iso3 is None else MENTIONS.c.iso3 == iso3
    when: ColumnElement[bool]
    if start is None:
        when = MENTIONS.c.event_date.is_(None)
    else:
        when = and_(MENTIONS.c.event_date >= start, MENTIONS.c.event_date < end)
    stmt = (
        select(MENTIONS)
        .where(and_(country, when))
        .order_by(MENTIONS.c.event_date, MENTIONS.c.document_key, MENTIONS.c.rank)
    )
    rows = [canonical.plain(r) for r in conn.execute(stmt)]
    for r in rows:
        r["id"] = r["event_id"]  # the merging code reads mentions as contract events
    return rows


def _group(rows: list[dict[str, Any]], carried: list[_Cluster]) -> list[_Cluster]:
    """Assign each mention (in date order) to a cluster: a match among recent clusters, or a new one."""
    clusters = list(carried)
    by_uid = {c.uid: c for c in clusters}
    for row in rows:
        mention = merging.make_mention(
            row, row["document_key"], row["origin_key"] or "", row.get("published")
        )
        day = mention.event_date
        related = set(merging.related_sub_event_types(row.get("sub_event_type") or "Other"))
        pool = [
            c.summary
            for c in clusters
            if day is not None
            and c.day is not None
            and abs((c.day - day).days) <= merging.WINDOW_DAYS
            and c.summary.sub_event_type in related
        ]
        uid, _reasons = merging.find_match(mention, pool) if pool else (None, [])
        if uid is None:
            uid = merging.canonical_uid(mention)
        cluster = by_uid.get(uid)
        if cluster is None:
            cluster = by_uid[uid] = _Cluster(uid, day)
            clusters.append(cluster)
        cluster.add(row)
    return [c for c in clusters if c.mentions]


def _write(conn: Connection, clusters: list[_Cluster]) -> int:
    """Point each mention at its cluster's canonical event and summarise the touched ones again."""
    now = utcnow()
    touched: set[str] = set()
    moved = 0
    existing = set(
        conn.execute(select(CANON.c.uid).where(CANON.c.uid.in_([c.uid for c in clusters]))).scalars()
    )
    for cluster in clusters:
        if cluster.uid not in existing:
            first = cluster.mentions[0]
            canonical._create(conn, cluster.uid, first, first.get("published"), now)
        touched.add(cluster.uid)
        for m in cluster.mentions:
            if m.get("canonical_uid") == cluster.uid:
                continue
            if m.get("canonical_uid"):
                touched.add(m["canonical_uid"])
            conn.execute(
                update(MENTIONS)
                .where(
                    and_(MENTIONS.c.document_key == m["document_key"], MENTIONS.c.event_id == m["event_id"])
                )
                .values(canonical_uid=cluster.uid)
            )
            m["canonical_uid"] = cluster.uid
            moved += 1
    canonical.refresh(conn, touched, now)
    return moved
