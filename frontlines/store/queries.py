"""Reading the store: canonical events, mentions, claims and documents, with the CLI's filters.

Filters are checked here (unknown country or sub-event type, bad period) and raise ``InputError`` naming
the option, so every caller (CLI, Python API, web) refuses bad values the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.engine import Connection

from frontlines.errors import InputError
from frontlines.model import EVENT_TYPE_OF, TAXONOMY
from frontlines.store.canonical import plain
from frontlines.store.models import TABLES

CANON = TABLES["canonical_events"]
MENTIONS = TABLES["event_mentions"]
DOCS = TABLES["documents"]
SOURCES = TABLES["document_sources"]
CLAIMS = TABLES["claims"]
CONTRA = TABLES["claim_contradictions"]
FAILED = TABLES["failed_inputs"]
MODALITIES = ("asserted", "claimed", "denied", "hypothetical", "negated")


@dataclass
class EventFilter:
    """The filters of ``frontlines events`` (all optional)."""

    country: str | None = None
    admin1: str | None = None
    actor: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    between: str | tuple[dt.date | None, dt.date | None] | None = None
    modality: str | None = None
    min_sources: int | None = None
    limit: int | None = None


def parse_between(value: str | tuple[Any, Any] | None) -> tuple[dt.date | None, dt.date | None]:
    """``A..B`` (either side may be empty) as two dates; InputError naming --between when unreadable."""
    if value is None or value == "":
        return None, None
    if isinstance(value, tuple):
        return tuple(_date(v, "--between") if v else None for v in value)  # type: ignore[return-value]
    if ".." not in value:
        raise InputError(f"period {value!r} is not START..END (YYYY-MM-DD..YYYY-MM-DD)", source="--between")
    start, end = (part.strip() for part in value.split("..", 1))
    a, b = (_date(start, "--between") if start else None), (_date(end, "--between") if end else None)
    if a and b and a > b:
        raise InputError(f"period {value!r} ends before it starts", source="--between")
    return a, b


def _date(value: Any, option: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{value!r} is not a YYYY-MM-DD date", source=option) from None


def country_iso3(value: str) -> str:
    """ISO3 for an ISO2/ISO3 code or English name; InputError naming --country when unknown."""
    from frontlines.extract.countries import resolve_country

    try:
        return resolve_country(value).iso3
    except InputError as exc:
        raise InputError(exc.message, source="--country") from None


def _spelled(value: str, choices: list[str] | tuple[str, ...], option: str) -> str:
    """The taxonomy's spelling of a value given in any case."""
    for choice in choices:
        if choice.lower() == value.strip().lower():
            return choice
    raise InputError(f"unknown value {value!r} (one of: {', '.join(choices)})", source=option)


def _event_conditions(table: Any, f: EventFilter) -> list[Any]:
    conds: list[Any] = []
    if f.country:
        conds.append(table.c.iso3 == country_iso3(f.country))
    if f.admin1:
        conds.append(func.lower(table.c.admin1) == f.admin1.strip().lower())
    if f.actor:
        pattern = f"%{f.actor.strip().lower()}%"
        conds.append(
            or_(
                *(
                    func.lower(col).like(pattern)
                    for col in (table.c.actor1, table.c.actor2, table.c.assoc_actor_1, table.c.assoc_actor_2)
                )
            )
        )
    if f.event_type:
        conds.append(table.c.event_type == _spelled(f.event_type, list(TAXONOMY), "--type"))
    if f.sub_event_type:
        conds.append(table.c.sub_event_type == _spelled(f.sub_event_type, list(EVENT_TYPE_OF), "--sub-type"))
    start, end = parse_between(f.between)
    if start:
        conds.append(table.c.event_date >= start)
    if end:
        conds.append(table.c.event_date <= end)
    if f.modality:
        conds.append(table.c.modality == _spelled(f.modality, MODALITIES, "--modality"))
    return conds


def _limited(stmt: Select, limit: int | None) -> Select:
    if limit is not None:
        if limit < 0:
            raise InputError("must be zero or more", source="--limit")
        stmt = stmt.limit(limit)
    return stmt


def canonical_events(conn: Connection, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Canonical events (store rows with ISO dates), newest first."""
    f = f or EventFilter()
    conds = _event_conditions(CANON, f)
    if f.min_sources is not None:
        conds.append(CANON.c.sources_independent >= f.min_sources)
    stmt = select(CANON).where(and_(True, *conds)).order_by(CANON.c.event_date.desc(), CANON.c.id)
    return [plain(r) for r in conn.execute(_limited(stmt, f.limit))]


def mentions(conn: Connection, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Event mentions (one per event per document), with the canonical uid they merged into."""
    f = f or EventFilter()
    conds = _event_conditions(MENTIONS, f)
    stmt = (
        select(MENTIONS)
        .where(and_(True, *conds))
        .order_by(MENTIONS.c.event_date.desc(), MENTIONS.c.document_key, MENTIONS.c.rank)
    )
    if f.min_sources is not None:
        stmt = stmt.join(CANON, CANON.c.uid == MENTIONS.c.canonical_uid).where(
            CANON.c.sources_independent >= f.min_sources
        )
    return [plain(r) for r in conn.execute(_limited(stmt, f.limit))]


def find_event(conn: Connection, ident: str) -> dict[str, Any] | None:
    """One canonical event by uid, by ``event_id_cnty`` (ISO3 + number) or by number."""
    stmt = select(CANON).where(CANON.c.uid == ident)
    row = conn.execute(stmt).first()
    if row is None:
        digits = ident[3:] if ident[:3].isalpha() else ident
        if digits.isdigit():
            row = conn.execute(select(CANON).where(CANON.c.id == int(digits))).first()
    return plain(row) if row else None


def event_detail(conn: Connection, ident: str) -> dict[str, Any] | None:
    """A canonical event with its mentions, each with its report (title, URLs) and merge reasons."""
    event = find_event(conn, ident)
    if event is None:
        return None
    stmt = (
        select(MENTIONS, DOCS.c.title, DOCS.c.published.label("document_published"))
        .join(DOCS, DOCS.c.document_key == MENTIONS.c.document_key)
        .where(MENTIONS.c.canonical_uid == event["uid"])
        .order_by(MENTIONS.c.document_key, MENTIONS.c.rank)
    )
    rows = [plain(r) for r in conn.execute(stmt)]
    keys = sorted({r["document_key"] for r in rows})
    urls: dict[str, list[dict[str, str]]] = {k: [] for k in keys}
    if keys:
        for s in conn.execute(select(SOURCES).where(SOURCES.c.document_key.in_(keys)).order_by(SOURCES.c.id)):
            urls[s.document_key].append({"url": s.url, "source": s.source, "input_id": s.input_id})
    for r in rows:
        r["sources"] = urls.get(r["document_key"], [])
        if isinstance(r.get("document_published"), dt.date):
            r["document_published"] = r["document_published"].isoformat()
    event["mention_rows"] = rows
    return event


def claims(
    conn: Connection,
    *,
    document_key: str | None = None,
    event_uid: str | None = None,
    claimant: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Claims, each with ``contradicts`` (ids in the same document) and the canonical event it is about."""
    stmt = (
        select(CLAIMS, MENTIONS.c.canonical_uid.label("event_uid"))
        .outerjoin(
            MENTIONS,
            and_(MENTIONS.c.document_key == CLAIMS.c.document_key, MENTIONS.c.event_id == CLAIMS.c.event_id),
        )
        .order_by(CLAIMS.c.document_key, CLAIMS.c.start)
    )
    if document_key:
        stmt = stmt.where(CLAIMS.c.document_key == document_key)
    if event_uid:
        stmt = stmt.where(MENTIONS.c.canonical_uid == event_uid)
    if claimant:
        stmt = stmt.where(func.lower(CLAIMS.c.claimant).like(f"%{claimant.strip().lower()}%"))
    rows = [plain(r) for r in conn.execute(_limited(stmt, limit))]
    if rows:
        keys = list({r["document_key"] for r in rows})
        links: dict[tuple[str, str], list[str]] = {}
        for link in conn.execute(select(CONTRA).where(CONTRA.c.document_key.in_(keys))):
            links.setdefault((link.document_key, link.claim_id), []).append(link.other_claim_id)
        for r in rows:
            r["contradicts"] = sorted(links.get((r["document_key"], r["claim_id"]), []))
    return rows


def document_listing() -> Select:
    """The query behind document listings: every document column but the text, the MinHash and the
    warnings, with counts of its sources (``sources``) and event mentions (``events``); no order, no filter."""
    n_sources = (
        select(func.count()).select_from(SOURCES).where(SOURCES.c.document_key == DOCS.c.document_key)
    ).scalar_subquery()
    n_events = (
        select(func.count()).select_from(MENTIONS).where(MENTIONS.c.document_key == DOCS.c.document_key)
    ).scalar_subquery()
    cols = [c for c in DOCS.c if c.name not in ("text", "minhash", "warnings")]
    return select(*cols, n_sources.label("sources"), n_events.label("events"))


def documents(
    conn: Connection, *, status: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Documents without their text: key, title, dates, versions, status, counts of sources and events."""
    stmt = document_listing().order_by(DOCS.c.ingested_at.desc(), DOCS.c.document_key)
    if status:
        stmt = stmt.where(DOCS.c.status == _spelled(status, ("ok", "failed"), "--status"))
    return [plain(r) for r in conn.execute(_limited(stmt, limit))]


def document_detail(conn: Connection, key: str) -> dict[str, Any] | None:
    """One document (a key or a unique key prefix of 6+ characters) with its sources, events and claims."""
    row = conn.execute(select(DOCS).where(DOCS.c.document_key == key)).first()
    if row is None and len(key) >= 6:
        found = conn.execute(select(DOCS).where(DOCS.c.document_key.like(f"{key}%")).limit(2)).all()
        row = found[0] if len(found) == 1 else None
    if row is None:
        return None
    doc = plain(row)
    doc.pop("minhash", None)
    k = doc["document_key"]
    doc["sources"] = [
        {"url": s.url, "source": s.source, "input_id": s.input_id, "added_at": s.added_at}
        for s in conn.execute(select(SOURCES).where(SOURCES.c.document_key == k).order_by(SOURCES.c.id))
    ]
    doc["events"] = [
        plain(r)
        for r in conn.execute(select(MENTIONS).where(MENTIONS.c.document_key == k).order_by(MENTIONS.c.rank))
    ]
    doc["claims"] = claims(conn, document_key=k)
    return doc


def failed_inputs(conn: Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """Inputs that could not be read or extracted, latest first."""
    stmt = select(FAILED).order_by(FAILED.c.failed_at.desc())
    return [plain(r) for r in conn.execute(_limited(stmt, limit))]


def counts(conn: Connection) -> dict[str, int]:
    """Row counts of the main tables."""
    out = {}
    for name in (
        "documents",
        "document_sources",
        "event_mentions",
        "canonical_events",
        "claims",
        "claim_contradictions",
        "speakers",
        "actors",
        "places",
        "failed_inputs",
    ):
        out[name] = int(conn.execute(select(func.count()).select_from(TABLES[name])).scalar() or 0)
    return out
