"""Read endpoints under ``/api/``: health, documents, events, claims, control, daily stats, exports.

The busiest endpoints (event lists and pages, control, daily stats) answer pre-serialised JSON bytes
(pydantic-core's serialiser, the one FastAPI itself uses, so the bytes are the same) instead of returning a
dict for FastAPI to validate and serialise in a second thread hop; their declared response models keep the
OpenAPI description as it was.  Event lists, control and daily stats are also kept in the response cache
(``frontlines.serve.cache``) for the store's current data generation: a repeated request costs a lookup.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import tempfile
from collections.abc import Callable
from typing import Annotated, Any

import pydantic_core
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from frontlines.errors import InputError
from frontlines.export import write_events
from frontlines.reconcile.control import changes_between, state_on, states_on
from frontlines.serve import control_source, daily, queries
from frontlines.serve.errors import ApiError, not_found
from frontlines.store import queries as sq
from frontlines.store.rows import event_export_row
from frontlines.version import __version__

router = APIRouter(prefix="/api")
MAX_EXPORT = 200_000
JSON = "application/json"


def store(request: Request) -> Any:
    """The app's open database."""
    return request.app.state.db


def json_bytes(data: Any) -> bytes:
    """``data`` as JSON exactly as FastAPI would send it (dates as ISO strings, NaN and infinities as null)."""
    return pydantic_core.to_json(data, inf_nan_mode="null")


async def cached_json(request: Request, build: Callable[[], Any]) -> Response:
    """The JSON of ``build()`` for this request's path and query, from the response cache when the store's
    data has not changed since it was built.  ``build`` (and a stale data check) runs in a worker thread."""
    cache = request.app.state.responses
    # today's date is part of the key: control defaults ``on`` to today
    key = (request.url.path, request.url.query, dt.date.today().toordinal())
    body = cache.peek(key)
    if body is None:
        body = await run_in_threadpool(cache.body, key, lambda: json_bytes(build()))
    return Response(body, media_type=JSON)


async def event_filter(
    country: Annotated[str | None, Query(description="ISO2, ISO3 or English name")] = None,
    admin1: str | None = None,
    actor: Annotated[str | None, Query(description="substring of any actor")] = None,
    type: Annotated[str | None, Query(description="ACLED event type")] = None,
    sub_type: Annotated[str | None, Query(description="ACLED sub-event type")] = None,
    between: Annotated[str | None, Query(description="YYYY-MM-DD..YYYY-MM-DD")] = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    modality: str | None = None,
    min_sources: Annotated[int | None, Query(ge=0)] = None,
) -> sq.EventFilter:
    """The CLI's event filters as query parameters (async: plain checks, no thread hop needed)."""
    period: Any = between
    if date_from or date_to:
        if between:
            raise InputError("give either between or date_from/date_to, not both", source="between")
        if date_from and date_to and date_from > date_to:
            raise InputError("date_to is before date_from", source="date_to")
        period = (date_from, date_to)
    return sq.EventFilter(
        country=country or None,
        admin1=admin1 or None,
        actor=actor or None,
        event_type=type or None,
        sub_event_type=sub_type or None,
        between=period or None,
        modality=modality or None,
        min_sources=min_sources,
    )


Filters = Annotated[sq.EventFilter, Depends(event_filter)]
PageNo = Annotated[int, Query(ge=1)]
PageSize = Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE)]


@router.get("/health")
def health(request: Request) -> dict[str, Any]:
    """Liveness and the store's row counts."""
    with store(request).read() as conn:
        counts = sq.counts(conn)
    return {"status": "ok", "version": __version__, "db": store(request).name, "counts": counts}


@router.get("/documents")
def list_documents(
    request: Request, page: PageNo = 1, page_size: PageSize = 50, status: str | None = None
) -> dict[str, Any]:
    """Documents (without their text), newest first, paginated."""
    with store(request).read() as conn:
        return queries.document_page(conn, page, page_size, status).to_dict()


@router.get("/documents/{key}")
def get_document(request: Request, key: str) -> dict[str, Any]:
    """One document: text, sources, syndicated copies, events, claims and the spans to highlight."""
    with store(request).read() as conn:
        doc = sq.document_detail(conn, key)
        if doc is None:
            raise not_found("document", key)
        doc["syndicated"] = queries.syndicated_copies(conn, doc["document_key"], doc.get("origin_key"))
        doc["spans"] = queries.document_spans(conn, doc)
    return doc


@router.get("/events", response_model=dict[str, Any])
async def list_events(
    request: Request, f: Filters, page: PageNo = 1, page_size: PageSize = 50, sort: str = "-event_date"
) -> Response:
    """Canonical events with the CLI's filters, paginated and sorted (``-event_date``, ``fatalities``, ...)."""
    counts = request.app.state.counts

    def build() -> dict[str, Any]:
        generation = request.app.state.version.current()  # before taking a connection (see Memo.get)
        with store(request).read() as conn:

            def count() -> int:
                # the total is the same for every page and sort of a filter: counted once per generation
                return counts.get(dataclasses.astuple(f), lambda: queries.event_count(conn, f), generation)

            return queries.event_page(conn, f, page, page_size, sort, count=count).to_dict()

    return await cached_json(request, build)


@router.get("/events/{uid}", response_model=dict[str, Any])
def get_event(request: Request, uid: str) -> Response:
    """A canonical event with its mentions, their reports (with text), merge reasons, claims and
    contradicting pairs."""
    return Response(json_bytes(event_page_body(request, uid)), media_type=JSON)


def event_page_body(request: Request, uid: str) -> dict[str, Any]:
    """The body of ``GET /api/events/{uid}`` (not cached: it shows documents, which the data generation
    does not follow)."""
    with store(request).read() as conn:
        event = sq.event_detail(conn, uid)
        if event is None:
            raise not_found("event", uid)
        mentions = event.pop("mention_rows")
        keys = list(dict.fromkeys(m["document_key"] for m in mentions))
        reports = []
        for k in keys:
            doc = sq.document_detail(conn, k) or {}
            reports.append(
                {
                    "document_key": k,
                    "title": doc.get("title"),
                    "published": doc.get("published"),
                    "text": doc.get("text"),
                    "sources": doc.get("sources", []),
                    "origin_key": doc.get("origin_key"),
                }
            )
        claims = sq.claims(conn, event_uid=event["uid"])
    event["mentions_detail"] = mentions
    event["reports"] = reports
    event["claims_detail"] = claims
    event["contradictions"] = queries.contradicting_pairs(claims)
    return event


@router.get("/claims")
def list_claims(
    request: Request,
    page: PageNo = 1,
    page_size: PageSize = 50,
    contested: bool = False,
    document: str | None = None,
    event: str | None = None,
    claimant: str | None = None,
    stance: str | None = None,
) -> dict[str, Any]:
    """Claims, paginated; ``contested=true`` gives contradicting pairs grouped by event instead."""
    with store(request).read() as conn:
        if contested:
            groups = queries.contested_by_event(conn, event_uid=event)
            return {"items": groups, "total": len(groups), "page": 1, "page_size": len(groups), "pages": 1}
        return queries.claim_page(
            conn, page, page_size, document_key=document, event_uid=event, claimant=claimant, stance=stance
        ).to_dict()


def _day(value: str | None, name: str) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{value!r} is not a YYYY-MM-DD date", source=name) from None


def _timelines(request: Request) -> control_source.Timelines:
    return request.app.state.timelines.get()


def _in_country(st: Any, iso3: str | None) -> bool:
    return iso3 is None or st.iso3 == iso3


@router.get("/control", response_model=list[dict[str, Any]])
async def control(request: Request, country: str | None = None, on: str | None = None) -> Response:
    """Every place's control on a day (default today): the contract's list, plus ``until``/``why``/``key``."""

    def build() -> list[dict[str, Any]]:
        iso3 = sq.country_iso3(country) if country else None
        day = _day(on, "on")
        states = states_on(_timelines(request), day)
        return [control_source.state_dict(s) for s in states if _in_country(s, iso3)]

    return await cached_json(request, build)


@router.get("/control/changes", response_model=list[dict[str, Any]])
async def control_changes(
    request: Request, between: str | None = None, country: str | None = None
) -> Response:
    """States that began within the period: the changes of hands (and disputes) in date order."""

    def build() -> list[dict[str, Any]]:
        start, end = sq.parse_between(between)
        iso3 = sq.country_iso3(country) if country else None
        states = changes_between(_timelines(request), start or dt.date.min, end or dt.date.max)
        return [control_source.state_dict(s, with_evidence=True) for s in states if _in_country(s, iso3)]

    return await cached_json(request, build)


@router.get("/control/{place}", response_model=dict[str, Any])
async def control_place(request: Request, place: str, on: str | None = None) -> Response:
    """One place: its state on a day (null when unknown then) and its whole timeline."""

    def build() -> dict[str, Any]:
        timeline = control_source.find_place(_timelines(request), place)
        if timeline is None:
            raise not_found("place", place)
        st = state_on(timeline, _day(on, "on"))
        return {
            "place": timeline[0].place,
            "on": _day(on, "on").isoformat(),
            "state": control_source.state_dict(st, with_evidence=True) if st else None,
            "timeline": [control_source.state_dict(s, with_evidence=True) for s in timeline],
        }

    return await cached_json(request, build)


@router.get("/stats/daily", response_model=dict[str, Any])
async def stats_daily(request: Request, f: Filters) -> Response:
    """Per day and per province: events by type and fatalities (low/best/high); places held per side."""

    def build() -> dict[str, Any]:
        iso3 = sq.country_iso3(f.country) if f.country else None
        generation = request.app.state.version.current()  # before taking a connection (see Memo.get)
        with store(request).read() as conn:
            if daily.applies(f):
                queries.event_conditions(f)  # the query's checks of the filter, with its errors
                index = request.app.state.daily.get(iso3, lambda: daily.DailyIndex(conn, iso3), generation)
                out = index.stats(*sq.parse_between(f.between))
            else:
                out = queries.daily_stats(conn, f)
        held = places_held(request.app.state.timelines.held(iso3), [d["date"] for d in out["days"]])
        out["places_held"] = held
        out["places_held_note"] = (
            "places in the control timeline per holder (the store has no list of capitals)"
        )
        return out

    return await cached_json(request, build)


def places_held(index: control_source.HeldIndex, days: list[str]) -> list[dict[str, Any]]:
    """For each day (ISO dates; others such as ``unknown`` are left out), how many places of the control
    timeline each holder held, from the country's places-held index."""
    dates = sorted(d for d in days if len(d) == 10 and d[4] == "-")
    return [{"date": d, "holders": index.on(d)} for d in dates]


EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}


@router.get("/export/events.{fmt}")
def export_events(request: Request, fmt: str, f: Filters) -> Response:
    """Canonical events as CSV (ACLED's columns, then ours), GeoJSON or Parquet, via the export writers."""
    if fmt not in EXPORT_TYPES:
        raise ApiError(404, "NotFound", f"no export format {fmt!r} (csv, geojson, parquet)", fmt)
    with store(request).read() as conn:
        rows = [event_export_row(r) for r in queries.all_events(conn, f, MAX_EXPORT)]
    headers = {"Content-Disposition": f'attachment; filename="events.{fmt}"'}
    if fmt == "parquet":
        fd, path = tempfile.mkstemp(suffix=".parquet")
        os.close(fd)
        try:
            write_events(rows, "parquet", path)
            with open(path, "rb") as fh:
                body = fh.read()
        finally:
            os.unlink(path)
        return Response(body, media_type=EXPORT_TYPES[fmt], headers=headers)
    buf = io.StringIO()
    write_events(rows, fmt, buf)
    return Response(buf.getvalue(), media_type=EXPORT_TYPES[fmt], headers=headers)


@router.get("/actors")
def actors(request: Request, q: str = "", limit: Annotated[int, Query(ge=1, le=100)] = 20) -> list[str]:
    """Actor names containing ``q`` (for the dashboard's filter suggestions)."""
    with store(request).read() as conn:
        return queries.actor_names(conn, q, limit)
