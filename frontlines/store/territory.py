"""Who holds what, read from the store: territory observations, control timelines and the claims ledger.

Read-only queries.  Every function takes a :class:`~frontlines.store.Database`, an open SQLAlchemy
``Connection``, or a path/URL (opened and closed here).

Building observations (the rules; the timeline rules themselves are in ``frontlines.reconcile.control``):

* One report per event mention of a territory sub-event (overtakes, regains, non-violent transfer) that is
  neither historical nor hypothetical/negated.  Taker = ``actor1``; loser = ``actor2`` when it is an
  identified armed actor, else, for a non-state taker, the country's state forces of the day before.
  A "regains" by a non-state actor is read as a capture (only the state regains).
* A report is a *party's* when its outlet is affiliated with a party (``outlets.yaml``: an armed group's own
  channel, a ministry of defence), or when nobody but parties to the conflict is cited for it (its claims
  are all by armed actors, or its modality is ``claimed`` with no other claimant).  Otherwise it is
  independent.  Syndicated copies share one origin and count once.
* A mention with modality ``denied``, and a claim with stance ``denies`` about a territory event, become
  ``kind="denial"`` observations against the taker they deny.
* Place identity: a provincial capital (``capitals.yaml``, any spelling) is one place; else the gazetteer's
  geonameid; else name + province.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection

from frontlines.reconcile.aggregates import find_capital, fold, province_name
from frontlines.reconcile.control import (
    CAPTURE_TYPES,
    CONTRACT_FIELDS,
    ControlState,
    Evidence,
    TerritoryObservation,
    build_timelines,
    changes_between,
    place_key,
    state_on,
    states_on,
    where_fields,
)
from frontlines.reconcile.ledger import ClaimRecord, LedgerEntry, ledger, outlet_affiliation
from frontlines.store.models import TABLES

MENTIONS = TABLES["event_mentions"]
DOCS = TABLES["documents"]
SOURCES = TABLES["document_sources"]
CLAIMS = TABLES["claims"]
CONTRA = TABLES["claim_contradictions"]
PLACES = TABLES["places"]
NOT_PARTY_INTER = {5, 6, 7}  # rioters, protesters, civilians: witnesses, never parties
SKIP_MODALITIES = {"hypothetical", "negated"}


@contextmanager
def _conn(db: Any) -> Iterator[Connection]:
    """A read connection for a Database, a Connection or a path/URL."""
    if isinstance(db, Connection):
        yield db
        return
    from frontlines.store.database import Database

    if isinstance(db, Database):
        with db.read() as conn:
            yield conn
        return
    store = Database.open(db, create=False)
    try:
        with store.read() as conn:
            yield conn
    finally:
        store.close()


def _iso3(country: str | None) -> str | None:
    if not country:
        return None
    from frontlines.store.queries import country_iso3

    return country_iso3(country)


# -- actors ---------------------------------------------------------------------------------------------


@functools.cache
def state_forces(iso3: str | None, day: dt.date | None) -> str | None:
    """The canonical name of a country's military forces on a day (None when unknown)."""
    if not iso3:
        return None
    from frontlines.extract.actors import resolve_actor
    from frontlines.extract.countries import find_country

    country = find_country(iso3)
    actor = resolve_actor("soldiers", country_iso2=country.iso2 if country else None, on=day)
    return actor.name if actor else None


@functools.cache
def _inter(name: str, day: dt.date | None) -> int:
    from frontlines.extract.actors import inter_on

    return inter_on(name, day)


def is_party(actor: str | None, day: dt.date | None) -> bool:
    """True for an actor that is a party to the fighting (not civilians, protesters or rioters)."""
    return bool(actor) and _inter(actor, day) not in NOT_PARTY_INTER  # type: ignore[arg-type]


def _armed_identified(actor: str | None, day: dt.date | None) -> bool:
    return bool(actor) and is_party(actor, day) and not actor.startswith("Unidentified")  # type: ignore[union-attr]


# -- reading the store ----------------------------------------------------------------------------------


@dataclass
class _Report:
    """One mention of a territory event in one document, read for the timeline."""

    place: str
    admin1: str | None
    country: str | None
    iso3: str | None
    latitude: float | None
    longitude: float | None
    place_id: str | None
    date: dt.date
    published: dt.date | None
    taker: str
    loser: str | None
    kind: str
    party: bool
    origin: str
    evidence: Evidence


def _doc_info(conn: Connection, keys: list[str]) -> dict[str, dict[str, Any]]:
    info: dict[str, dict[str, Any]] = {k: {"outlet": None, "input": None} for k in keys}
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        for s in conn.execute(
            select(SOURCES).where(SOURCES.c.document_key.in_(chunk)).order_by(SOURCES.c.id)
        ):
            d = info[s.document_key]
            d["outlet"] = d["outlet"] or s.source or None
            d["input"] = d["input"] or s.input_id or s.url or None
        for p in conn.execute(
            select(PLACES.c.document_key, PLACES.c.name, PLACES.c.geonameid).where(
                PLACES.c.document_key.in_(chunk)
            )
        ):
            if p.geonameid:
                info[p.document_key].setdefault("geo", {})[p.name] = p.geonameid
    return info


def _claims_by_event(conn: Connection, keys: list[str]) -> dict[tuple[str, str], list[Any]]:
    out: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for i in range(0, len(keys), 500):
        stmt = select(CLAIMS).where(CLAIMS.c.document_key.in_(keys[i : i + 500])).order_by(CLAIMS.c.start)
        for c in conn.execute(stmt):
            out[(c.document_key, c.event_id or "")].append(c)
    return out


def _territory_mentions(conn: Connection, iso3: str | None) -> list[Any]:
    stmt = (
        select(MENTIONS, DOCS.c.published.label("doc_published"), DOCS.c.origin_key.label("doc_origin"))
        .join(DOCS, DOCS.c.document_key == MENTIONS.c.document_key)
        .where(MENTIONS.c.sub_event_type.in_(list(CAPTURE_TYPES)), MENTIONS.c.historical.is_(False))
        .order_by(MENTIONS.c.event_date, MENTIONS.c.document_key, MENTIONS.c.rank)
    )
    if iso3:
        stmt = stmt.where(MENTIONS.c.iso3 == iso3)
    return [r for r in conn.execute(stmt) if r.event_date is not None and r.modality not in SKIP_MODALITIES]


def _place(m: Any, doc: dict[str, Any]) -> dict[str, Any]:
    """The place of a mention, with a stable identity (capital, geonameid, or name + province)."""
    cap = find_capital(m.location, m.admin1, m.iso3)
    if cap is not None:
        return dict(
            place=cap.name,
            admin1=cap.admin1,
            latitude=cap.latitude,
            longitude=cap.longitude,
            place_id=cap.place_id,
        )
    geo = (doc.get("geo") or {}).get(m.location)
    admin1 = province_name(m.admin1, m.iso3)
    return dict(
        place=m.location or admin1 or m.country or "",
        admin1=admin1,
        latitude=m.latitude,
        longitude=m.longitude,
        place_id=f"geonames:{geo}" if geo else None,
    )


def _claimant_party(c: Any, day: dt.date | None) -> bool | None:
    """True: a party's claim; False: an independent voice; None: the outlet's own narration (decided by
    the outlet's affiliation)."""
    if c.claimant_kind == "outlet":
        return None
    if c.claimant_kind == "actor":
        return is_party(c.claimant, day)
    return False  # a speaker not resolved to an armed actor: a witness, an official named as a person


def _report_party(m: Any, doc: dict[str, Any], claims: list[Any]) -> tuple[bool, str | None, Any | None]:
    """(party?, claimant name, the main claim) for a mention: see the module docstring."""
    day = m.doc_published or m.event_date
    known, affiliation = outlet_affiliation(doc["outlet"], lambda: state_forces(m.iso3, day))
    main = claims[0] if claims else None
    if affiliation:
        return True, affiliation, main
    verdicts = [(_claimant_party(c, day), c) for c in claims]
    for verdict, c in verdicts:
        if verdict is None or verdict is False:
            return False, c.claimant, c
    if verdicts:
        return True, verdicts[0][1].claimant, verdicts[0][1]
    return m.modality == "claimed", doc["outlet"], main


def _kind(m: Any, taker: str) -> str:
    kind = CAPTURE_TYPES[m.sub_event_type]
    state = _inter(taker, m.event_date) == 1
    if kind == "retake" and not state:
        return "capture"  # only the state regains territory: a non-state "regain" is a capture
    if kind == "capture" and state:
        return "retake"
    return kind


def _quote(m: Any, claim: Any | None) -> str | None:
    if claim is not None and claim.text:
        return claim.text
    ev = m.evidence or []
    return ev[0].get("text") if ev and isinstance(ev[0], dict) else (m.notes or None)


def _reports(conn: Connection, iso3: str | None) -> tuple[list[_Report], list[ClaimRecord]]:
    """Territory reports (for the timelines) and claim records (for the ledger)."""
    mentions = _territory_mentions(conn, iso3)
    keys = sorted({m.document_key for m in mentions})
    docs = _doc_info(conn, keys)
    claims = _claims_by_event(conn, keys)
    reports: list[_Report] = []
    records: list[ClaimRecord] = []
    for m in mentions:
        doc = docs[m.document_key]
        day = m.event_date
        published = m.doc_published or m.published
        origin = m.origin_key or m.doc_origin or m.document_key
        ev_claims = claims.get((m.document_key, m.event_id), [])
        party, claimant, main = _report_party(m, doc, ev_claims)
        where = _place(m, doc)
        if where["place_id"] is None and (m.geo_precision or 3) >= 3 and m.location == where["admin1"]:
            # a capture placed only at its province ("took a town" the gazetteer lacks): no town to hold
            continue
        taker = m.actor1 or ""
        if not taker and party and claimant and is_party(claimant, day):
            taker = claimant  # a party's own statement of a capture with no named taker claims it for itself
        if not taker or not is_party(taker, day):
            continue
        loser = m.actor2 if _armed_identified(m.actor2, day) and m.actor2 != taker else None
        if loser is None and _inter(taker, day - dt.timedelta(days=1)) != 1:
            loser = state_forces(m.iso3, day - dt.timedelta(days=1))
        denied = m.modality == "denied"
        kind = "denial" if denied else _kind(m, taker)
        evidence = Evidence(
            event_id=m.canonical_uid,
            claimant=claimant,
            source=doc["outlet"],
            published=published.isoformat() if published else None,
            quote=_quote(m, main),
            stance="denies" if denied else (main.stance if main is not None else "asserts"),
            party=party,
            document=doc["input"] or m.document_key[:12],
        )
        common = dict(country=m.country, iso3=m.iso3, date=day, published=published, origin=origin)
        reports.append(
            _Report(**where, **common, taker=taker, loser=loser, kind=kind, party=party, evidence=evidence)
        )  # type: ignore[arg-type]
        pkey = where["place_id"] or place_key(where["place"], where["admin1"], m.iso3)
        for c in ev_claims or [None]:
            c_party = party if c is None else (_claimant_party(c, published) is not False and party)
            side = (claimant if party else None) if c is None or c_party else None
            stance = "denies" if denied else (c.stance if c is not None else "asserts")
            records.append(
                ClaimRecord(
                    claim_id=f"{m.document_key[:12]}:{c.claim_id if c is not None else m.event_id}",
                    group=m.canonical_uid or f"{pkey}|{day.isoformat()}",
                    claimant=(c.claimant if c is not None else claimant) or "",
                    side=side,
                    date=published,
                    quote=(c.text if c is not None else _quote(m, None)) or "",
                    source=doc["outlet"],
                    document=doc["input"],
                    place=where["place"],
                    place_key=pkey,
                    event_date=day,
                    stance=stance,
                    taker=taker,
                    origin=origin,
                )
            )
            if stance == "denies" and not denied and c is not None:
                reports.append(
                    _Report(
                        **where,  # type: ignore[arg-type]
                        **common,  # type: ignore[arg-type]
                        taker=taker,
                        loser=None,
                        kind="denial",
                        party=is_party(c.claimant, day) or bool(doc["outlet"] and party),
                        evidence=Evidence(
                            m.canonical_uid,
                            c.claimant,
                            doc["outlet"],
                            evidence.published,
                            c.text,
                            "denies",
                            True,
                            document=evidence.document,
                        ),
                    )
                )
    return reports, records


def _observations(reports: list[_Report]) -> list[TerritoryObservation]:
    """Reports merged per place, day, taker, kind and party-ness, counting distinct origins."""
    groups: dict[tuple[Any, ...], list[_Report]] = defaultdict(list)
    for r in reports:
        pkey = r.place_id or place_key(r.place, r.admin1, r.iso3)
        groups[(pkey, r.date, r.taker, r.kind, r.party)].append(r)
    out = []
    for (_pkey, day, taker, kind, party), rs in groups.items():
        first = rs[0]
        origins = {r.origin for r in rs}
        losers = [r.loser for r in rs if r.loser]
        published = [r.published for r in rs if r.published]
        out.append(
            TerritoryObservation(
                **where_fields(first),
                date=day,
                taker=taker,
                loser=max(dict.fromkeys(losers), key=losers.count)
                if losers
                else None,  # ties: first seen, not hash order
                kind=kind,
                independent_sources=0 if party else len(origins),
                party_sources=len(origins) if party else 0,
                known_on=min(published) if published else None,
                evidence=[r.evidence for r in rs],
                place_id=first.place_id,
            )
        )
    return sorted(out, key=lambda o: (o.date, o.place))


# -- public API -----------------------------------------------------------------------------------------


def observations(db: Any, *, country: str | None = None) -> list[TerritoryObservation]:
    """Territory observations from the store's event mentions and claims (see the module docstring)."""
    with _conn(db) as conn:
        reports, _ = _reports(conn, _iso3(country))
    return _observations(reports)


def timelines(db: Any, country: str | None = None) -> dict[str, list[ControlState]]:
    """Control timelines per place (keyed by place identity), from the store."""
    return build_timelines(observations(db, country=country))


def _as(states: list[ControlState], as_: str | None) -> Any:
    if as_ is None or as_ == "states":
        return states
    rows = [s.to_contract() for s in states]
    if as_ == "dicts":
        return rows
    if as_ == "pandas":
        import pandas as pd

        return pd.DataFrame(rows, columns=list(CONTRACT_FIELDS))
    raise ValueError(f"as_ must be None, 'states', 'dicts' or 'pandas', not {as_!r}")


def control_on(db: Any, day: dt.date | str, country: str | None = None, *, as_: str | None = None) -> Any:
    """Every known place's control on a day: ``ControlState``s, or contract dicts/a DataFrame with ``as_``."""
    return _as(states_on(timelines(db, country), _day(day)), as_)


def control_changes(
    db: Any, start: dt.date | str, end: dt.date | str, country: str | None = None, *, as_: str | None = None
) -> Any:
    """The states that began within ``[start, end]`` (the changes of a period), in date order."""
    return _as(changes_between(timelines(db, country), _day(start), _day(end)), as_)


def find_place(tls: dict[str, list[ControlState]], place: str) -> list[ControlState] | None:
    """The timeline of a place named in any spelling (a capital's alias, or the stored name)."""
    want = fold(place)
    for tl in tls.values():
        if tl and fold(tl[0].place) == want:
            return tl
    for tl in tls.values():
        cap = find_capital(place, tl[0].admin1, tl[0].iso3) if tl else None
        if cap is not None and cap.place_id == tl[0].key:
            return tl
    return None


def control_show(
    db: Any, place: str, day: dt.date | str, country: str | None = None
) -> tuple[ControlState | None, list[ControlState]]:
    """(the state of one place on a day, its whole timeline); ``(None, [])`` when the place is unknown."""
    tl = find_place(timelines(db, country), place) or []
    return state_on(tl, _day(day)), tl


def contested_pairs(
    db: Any,
    *,
    country: str | None = None,
    kinds: list[str] | None = None,
    between: str | tuple[Any, Any] | None = None,
    place: str | None = None,
) -> list[LedgerEntry]:
    """The claims ledger: pairs of contradicting claims (control, denial, figure, linked), grouped by event.

    Territory claims come from territory mentions; figures from the casualty counts of every mention of one
    canonical event (every value kept, with the range); ``linked`` from the extractor's contradiction links.
    """
    from frontlines.store.queries import parse_between

    iso3 = _iso3(country)
    start, end = parse_between(between)
    with _conn(db) as conn:
        _, records = _reports(conn, iso3)
        records += _figure_records(conn, iso3)
        records += _linked_records(conn, iso3)
    entries = ledger(records, kinds)

    def keep(e: LedgerEntry) -> bool:
        d = e.a.event_date or e.a.date
        if start and d and d < start or end and d and d > end:
            return False
        return not place or fold(e.place) == fold(place)

    return [e for e in entries if keep(e)]


def _figure_records(conn: Connection, iso3: str | None) -> list[ClaimRecord]:
    stmt = (
        select(MENTIONS, DOCS.c.published.label("doc_published"), DOCS.c.origin_key.label("doc_origin"))
        .join(DOCS, DOCS.c.document_key == MENTIONS.c.document_key)
        .where(
            MENTIONS.c.fatalities > 0, MENTIONS.c.historical.is_(False), MENTIONS.c.canonical_uid.is_not(None)
        )
    )
    if iso3:
        stmt = stmt.where(MENTIONS.c.iso3 == iso3)
    rows = list(conn.execute(stmt))
    docs = _doc_info(conn, sorted({r.document_key for r in rows}))
    out = []
    for m in rows:
        doc = docs[m.document_key]
        day = m.doc_published or m.event_date
        _, aff = outlet_affiliation(doc["outlet"], functools.partial(state_forces, m.iso3, day))
        out.append(
            ClaimRecord(
                claim_id=f"{m.document_key[:12]}:{m.event_id}:fatalities",
                group=m.canonical_uid,
                claimant=aff or doc["outlet"] or "",
                side=aff,
                date=m.doc_published,
                quote=_quote(m, None) or "",
                source=doc["outlet"],
                document=doc["input"],
                place=m.location,
                event_date=m.event_date,
                fatalities=m.fatalities,
                origin=m.origin_key or m.doc_origin or m.document_key,
            )
        )
    return out


def _linked_records(conn: Connection, iso3: str | None) -> list[ClaimRecord]:
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    for link in conn.execute(select(CONTRA)):
        links[(link.document_key, link.claim_id)].append(f"{link.document_key[:12]}:{link.other_claim_id}")
    if not links:
        return []
    keys = sorted({k for k, _ in links})
    stmt = (
        select(
            CLAIMS,
            MENTIONS.c.canonical_uid,
            MENTIONS.c.location,
            MENTIONS.c.iso3,
            MENTIONS.c.event_date,
            DOCS.c.published,
            DOCS.c.origin_key,
        )
        .join(DOCS, DOCS.c.document_key == CLAIMS.c.document_key)
        .outerjoin(
            MENTIONS,
            and_(MENTIONS.c.document_key == CLAIMS.c.document_key, MENTIONS.c.event_id == CLAIMS.c.event_id),
        )
        .where(CLAIMS.c.document_key.in_(keys))
    )
    docs = _doc_info(conn, keys)
    out = []
    for c in conn.execute(stmt):
        if iso3 and c.iso3 and c.iso3 != iso3:
            continue
        day = c.published or c.event_date
        out.append(
            ClaimRecord(
                claim_id=f"{c.document_key[:12]}:{c.claim_id}",
                group=c.canonical_uid or c.document_key,
                claimant=c.claimant,
                side=c.claimant if c.claimant_kind == "actor" and is_party(c.claimant, day) else None,
                date=c.published,
                quote=c.text,
                source=docs[c.document_key]["outlet"],
                document=docs[c.document_key]["input"],
                place=c.location,
                event_date=c.event_date,
                stance=c.stance,
                origin=c.origin_key or c.document_key,
                contradicts=links.get((c.document_key, c.claim_id), []),
            )
        )
    return out


def _day(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    from frontlines.store.queries import _date

    return _date(value, "--on")
