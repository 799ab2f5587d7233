"""Read-only queries the web API needs beyond the store's own (pagination, sorting, counts, aggregates).

They reuse the store's tables and its filter semantics (``frontlines.store.queries``), so a filter means the
same in ``frontlines events`` and in ``GET /api/events``.  Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from frontlines.errors import InputError
from frontlines.store import queries as sq
from frontlines.store.canonical import plain

CANON = sq.CANON
MENTIONS = sq.MENTIONS
DOCS = sq.DOCS
SOURCES = sq.SOURCES
CLAIMS = sq.CLAIMS
CONTRA = sq.CONTRA
ACTORS = sq.TABLES["actors"]
PLACES = sq.TABLES["places"]

MAX_PAGE_SIZE = 500
MAX_COUNT = 10_000  # listings count matches up to this many; beyond it ``total_capped`` is true
SORTS = {
    "event_date": (CANON.c.event_date.asc(), CANON.c.id.asc()),
    "-event_date": (CANON.c.event_date.desc(), CANON.c.id.desc()),
    "fatalities": (CANON.c.fatalities.asc(), CANON.c.id.asc()),
    "-fatalities": (CANON.c.fatalities.desc(), CANON.c.id.desc()),
    "sources": (CANON.c.sources_independent.asc(), CANON.c.id.asc()),
    "-sources": (CANON.c.sources_independent.desc(), CANON.c.id.desc()),
    "id": (CANON.c.id.asc(),),
    "-id": (CANON.c.id.desc(),),
}
OPPOSING = {"denies", "disputes"}
SUPPORTING = {"asserts", "claims"}


@dataclass
class Page:
    """One page of a listing: the items, the total count, and where the page is."""

    items: list[dict[str, Any]]
    total: int
    page: int
    page_size: int
    capped: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON body of a paginated listing."""
        pages = (self.total + self.page_size - 1) // self.page_size if self.page_size else 0
        return {
            "items": self.items,
            "total": self.total,
            "page": self.page,
            "page_size": self.page_size,
            "pages": pages,
            "total_capped": self.capped,
        }


def check_page(page: int, page_size: int) -> tuple[int, int]:
    """Validate pagination (page from 1, page_size 1..500); InputError naming the parameter."""
    if page < 1:
        raise InputError("must be 1 or more", source="page")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise InputError(f"must be between 1 and {MAX_PAGE_SIZE}", source="page_size")
    return page, page_size


def event_conditions(f: sq.EventFilter) -> list[Any]:
    """The store's filter conditions on canonical events (same meaning as the CLI), plus min_sources."""
    conds = sq._event_conditions(CANON, f)  # the store's own filter semantics
    if f.min_sources is not None:
        conds.append(CANON.c.sources_independent >= f.min_sources)
    return conds


def event_count(conn: Connection, f: sq.EventFilter) -> int:
    """How many canonical events match ``f``, counted up to ``MAX_COUNT + 1`` (more is "over the cap")."""
    where = and_(True, *event_conditions(f))
    capped = select(CANON.c.id).where(where).limit(MAX_COUNT + 1).subquery()
    return int(conn.execute(select(func.count()).select_from(capped)).scalar() or 0)


def event_page(
    conn: Connection,
    f: sq.EventFilter,
    page: int,
    page_size: int,
    sort: str,
    count: Callable[[], int] | None = None,
) -> Page:
    """Canonical events matching ``f``, sorted, one page of them, with the total count (``count()`` when
    given, e.g. a cached ``event_count``; else counted here)."""
    page, page_size = check_page(page, page_size)
    if sort not in SORTS:
        raise InputError(f"unknown sort {sort!r} (one of: {', '.join(SORTS)})", source="sort")
    where = and_(True, *event_conditions(f))
    total = count() if count is not None else event_count(conn, f)
    stmt = select(CANON).where(where).order_by(*SORTS[sort]).limit(page_size).offset((page - 1) * page_size)
    out = Page([plain(r) for r in conn.execute(stmt)], min(total, MAX_COUNT), page, page_size)
    out.capped = total > MAX_COUNT
    return out


def all_events(conn: Connection, f: sq.EventFilter, limit: int | None = None) -> list[dict[str, Any]]:
    """Every canonical event matching ``f`` (for exports), newest first."""
    stmt = (
        select(CANON).where(and_(True, *event_conditions(f))).order_by(CANON.c.event_date.desc(), CANON.c.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [plain(r) for r in conn.execute(stmt)]


def document_page(conn: Connection, page: int, page_size: int, status: str | None = None) -> Page:
    """Documents without their text, newest ingest first, one page, with counts of sources and events."""
    page, page_size = check_page(page, page_size)
    stmt = sq.document_listing()
    count = select(func.count()).select_from(DOCS)
    if status:
        if status not in ("ok", "failed"):
            raise InputError(f"unknown status {status!r} (one of: ok, failed)", source="status")
        stmt = stmt.where(DOCS.c.status == status)
        count = count.where(DOCS.c.status == status)
    stmt = stmt.order_by(DOCS.c.ingested_at.desc(), DOCS.c.document_key)
    stmt = stmt.limit(page_size).offset((page - 1) * page_size)
    total = int(conn.execute(count).scalar() or 0)
    return Page([plain(r) for r in conn.execute(stmt)], total, page, page_size)


def syndicated_copies(conn: Connection, key: str, origin_key: str | None) -> list[dict[str, Any]]:
    """Other documents in the same syndication group (same origin), with their title and sources."""
    if not origin_key:
        return []
    stmt = (
        select(DOCS.c.document_key, DOCS.c.title, DOCS.c.published, DOCS.c.origin_key)
        .where(DOCS.c.origin_key == origin_key, DOCS.c.document_key != key)
        .order_by(DOCS.c.ingested_at)
    )
    out = []
    for r in conn.execute(stmt):
        row = plain(r)
        row["is_origin"] = r.document_key == origin_key
        row["sources"] = [
            {"url": s.url, "source": s.source}
            for s in conn.execute(select(SOURCES).where(SOURCES.c.document_key == r.document_key))
        ]
        out.append(row)
    return out


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
DATE_RE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|(?:\d{{1,2}} )?(?:{_MONTHS})\.?(?: \d{{1,2}})?(?:,? \d{{4}})?|"
    rf"(?:on |last |this )?(?:{_DAYS})|yesterday|today|last week|last night)\b"
)


def _name_spans(text: str, names: dict[str, str], kind: str) -> list[dict[str, Any]]:
    """Every whole-word occurrence of each name (longest names first, no overlaps within a kind)."""
    spans: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 3:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            spans.append({"kind": kind, "start": m.start(), "end": m.end(), "label": names[name]})
    return spans


def document_spans(conn: Connection, doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Spans to highlight in a document: actors, places, dates, event evidence and claims.

    The store keeps no entity offsets, so actors and places are found by their stored names and aliases
    (plain string search), dates by a small pattern; event evidence and claims use their stored offsets.
    """
    text = doc["text"] or ""
    key = doc["document_key"]
    actors: dict[str, str] = {}
    for a in conn.execute(select(ACTORS).where(ACTORS.c.document_key == key)):
        for alias in [a.name, *(a.aliases or [])]:
            actors.setdefault(alias, a.name)
    places: dict[str, str] = {}
    for p in conn.execute(select(PLACES).where(PLACES.c.document_key == key)):
        places.setdefault(p.name, p.name)
    spans = _name_spans(text, actors, "actor") + _name_spans(text, places, "place")
    spans += [
        {"kind": "date", "start": m.start(), "end": m.end(), "label": m.group(0)}
        for m in DATE_RE.finditer(text)
    ]
    for ev in doc.get("events") or []:
        for e in ev.get("evidence") or []:
            if isinstance(e, dict) and 0 <= e.get("start", -1) < e.get("end", -1) <= len(text):
                label = f"{ev.get('sub_event_type')} ({ev.get('event_id')})"
                spans.append({"kind": "event", "start": e["start"], "end": e["end"], "label": label})
    for c in doc.get("claims") or []:
        if 0 <= c["start"] < c["end"] <= len(text):
            spans.append(
                {
                    "kind": "claim",
                    "start": c["start"],
                    "end": c["end"],
                    "label": f"{c['claimant']} {c['stance']}",
                }
            )
    return sorted(spans, key=lambda s: (s["start"], -s["end"]))


def contradicting_pairs(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pairs of opposed claims: the store's links (same document) and, across documents, claims on the same
    canonical event whose stances oppose (asserts/claims against denies/disputes)."""
    by_id = {(c["document_key"], c["claim_id"]): c for c in claims}
    seen: set[tuple[tuple[Any, Any], ...]] = set()
    pairs = []
    for c in claims:
        for other in c.get("contradicts") or []:
            o = by_id.get((c["document_key"], other))
            if o is None:
                continue
            k = tuple(sorted([(c["document_key"], c["claim_id"]), (o["document_key"], o["claim_id"])]))
            if k not in seen:
                seen.add(k)
                pairs.append({"a": c, "b": o, "why": "linked by the extractor (same report)"})
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        if c.get("event_uid"):
            by_event[c["event_uid"]].append(c)
    for group in by_event.values():
        pro = [c for c in group if c["stance"] in SUPPORTING]
        con = [c for c in group if c["stance"] in OPPOSING]
        for a in pro:
            for b in con:
                if a["document_key"] == b["document_key"]:
                    continue
                k = tuple(sorted([(a["document_key"], a["claim_id"]), (b["document_key"], b["claim_id"])]))
                if k not in seen:
                    seen.add(k)
                    pairs.append({"a": a, "b": b, "why": "opposite stances on the same event (two reports)"})
    return pairs


def claim_page(
    conn: Connection,
    page: int,
    page_size: int,
    *,
    document_key: str | None = None,
    event_uid: str | None = None,
    claimant: str | None = None,
    stance: str | None = None,
) -> Page:
    """Claims with their contradiction links and canonical event, one page."""
    page, page_size = check_page(page, page_size)
    rows = sq.claims(conn, document_key=document_key, event_uid=event_uid, claimant=claimant)
    if stance:
        rows = [r for r in rows if r["stance"] == stance]
    start = (page - 1) * page_size
    return Page(rows[start : start + page_size], len(rows), page, page_size)


def contested_by_event(conn: Connection, *, event_uid: str | None = None) -> list[dict[str, Any]]:
    """Contradicting claim pairs grouped by canonical event (pairs about no event under ``event: null``)."""
    pairs = contradicting_pairs(sq.claims(conn, event_uid=event_uid))
    groups: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for p in pairs:
        groups[p["a"].get("event_uid") or p["b"].get("event_uid")].append(p)
    uids = [u for u in groups if u]
    events = {}
    if uids:
        for r in conn.execute(select(CANON).where(CANON.c.uid.in_(uids))):
            events[r.uid] = plain(r)
    return [
        {"event_uid": uid, "event": events.get(uid) if uid else None, "pairs": ps}
        for uid, ps in groups.items()
    ]


def daily_stats(conn: Connection, f: sq.EventFilter) -> dict[str, Any]:
    """Per day and per province: events by type and fatalities (low, best, high)."""
    where = and_(True, *event_conditions(f))
    low = func.sum(func.coalesce(CANON.c.fatalities_low, CANON.c.fatalities))
    high = func.sum(func.coalesce(CANON.c.fatalities_high, CANON.c.fatalities))
    measures = (
        func.count().label("n"),
        low.label("low"),
        func.sum(CANON.c.fatalities).label("best"),
        high.label("high"),
    )

    def grouped(column: Any) -> dict[str, dict[str, Any]]:
        stmt = (
            select(column.label("k"), CANON.c.event_type, *measures)
            .where(where)
            .group_by(column, CANON.c.event_type)
        )
        out: dict[str, dict[str, Any]] = {}
        # hundreds of rows per request: plain tuples and local lookups (attribute access on rows and a
        # loop over the measure names took most of this endpoint's time)
        for k, event_type, n, low_, best, high_ in conn.execute(stmt).all():
            key = k.isoformat() if isinstance(k, dt.date) else (k or "")
            b = out.get(key)
            if b is None:
                b = out[key] = {"events": 0, "by_type": {}, "fatalities": {"low": 0, "best": 0, "high": 0}}
            b["events"] += n
            by_type = b["by_type"]
            by_type[event_type] = by_type.get(event_type, 0) + n
            fatalities = b["fatalities"]
            fatalities["low"] += int(low_ or 0)
            fatalities["best"] += int(best or 0)
            fatalities["high"] += int(high_ or 0)
        return out

    days, provinces = grouped(CANON.c.event_date), grouped(CANON.c.admin1)
    return {
        "days": [{"date": k or "unknown", **v} for k, v in sorted(days.items())],
        "provinces": [{"admin1": k, **v} for k, v in sorted(provinces.items())],
    }


def data_version(conn: Connection) -> tuple[Any, ...]:
    """A cheap fingerprint of the canonical events and claims (changes whenever either changes)."""
    canon = conn.execute(select(func.count(), func.max(CANON.c.updated_at), func.max(CANON.c.id))).one()
    n_claims = conn.execute(select(func.count()).select_from(CLAIMS)).scalar()
    return (*tuple(canon), n_claims)


def territory_rows(conn: Connection, sub_types: list[str]) -> list[dict[str, Any]]:
    """Canonical territory events (captures, retakes, handovers) in date order."""
    stmt = select(CANON).where(CANON.c.sub_event_type.in_(sub_types)).order_by(CANON.c.event_date, CANON.c.id)
    return [plain(r) for r in conn.execute(stmt)]


def party_claims(conn: Connection, uids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Claims by actors (parties to the fight) about the given canonical events, by event uid."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not uids:
        return out
    stmt = (
        select(CLAIMS, MENTIONS.c.canonical_uid, DOCS.c.published)
        .join(
            MENTIONS,
            and_(MENTIONS.c.document_key == CLAIMS.c.document_key, MENTIONS.c.event_id == CLAIMS.c.event_id),
        )
        .join(DOCS, DOCS.c.document_key == CLAIMS.c.document_key)
        .where(CLAIMS.c.claimant_kind == "actor")
    )
    for i in range(0, len(uids), 500):
        chunk = uids[i : i + 500]
        for r in conn.execute(stmt.where(MENTIONS.c.canonical_uid.in_(chunk))):
            out[r.canonical_uid].append(plain(r))
    return out


def actor_names(conn: Connection, prefix: str, limit: int = 20) -> list[str]:
    """Actor names (canonical) that contain ``prefix``, for the dashboard's filter suggestions."""
    pattern = f"%{prefix.strip().lower()}%"
    stmt = (
        select(CANON.c.actor1)
        .where(or_(func.lower(CANON.c.actor1).like(pattern)), CANON.c.actor1 != "")
        .group_by(CANON.c.actor1)
        .order_by(func.count().desc())
        .limit(limit)
    )
    return [r[0] for r in conn.execute(stmt)]
