"""Write endpoints: ``POST /api/reports`` extracts and stores reports; a bearer token is required.

Without a configured token (``FRONTLINES_TOKEN`` or ``--token``) every write endpoint answers 403; a missing
or wrong token answers 401.
"""

from __future__ import annotations

import hmac
import json
import threading
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from frontlines.errors import InputError
from frontlines.serve.errors import ApiError

router = APIRouter(prefix="/api")
MAX_BODY = 20 * 1024 * 1024
MAX_REPORTS = 1000
_extractor_lock = threading.Lock()


def require_token(request: Request) -> None:
    """403 when the server has no token; 401 when the request's bearer token is missing or wrong."""
    expected = request.app.state.token
    if not expected:
        raise ApiError(
            403, "Forbidden", "write endpoints are disabled: start the server with a token", "token"
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(
            401,
            "Unauthorized",
            "missing or wrong bearer token",
            "Authorization",
            {"WWW-Authenticate": "Bearer"},
        )


def parse_reports(body: bytes) -> list[dict[str, Any]]:
    """One report JSON object, a JSON list of them, or JSON Lines; InputError naming the bad line."""
    if len(body) > MAX_BODY:
        raise InputError(f"body larger than {MAX_BODY} bytes", source="body")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("body is not UTF-8", source="body") from None
    if not text.strip():
        raise InputError("empty body: send a report JSON object or JSON Lines", source="body")
    try:
        whole = json.loads(text)
        items = whole if isinstance(whole, list) else [whole]
    except json.JSONDecodeError:
        items = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"not valid JSON: {exc.msg}", source=f"line {n}") from None
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            raise InputError("a report must be a JSON object with a non-empty text", source=f"report {n}")
    if len(items) > MAX_REPORTS:
        raise InputError(f"more than {MAX_REPORTS} reports in one request", source="body")
    return items


def _extractor(request: Request) -> Any:
    """One extractor per app, loaded on first use (spaCy models take a few seconds)."""
    with _extractor_lock:
        if getattr(request.app.state, "extractor", None) is None:
            from frontlines.extract.extractor import Extractor

            request.app.state.extractor = Extractor()
        return request.app.state.extractor


@router.post("/reports", status_code=201)
async def post_reports(request: Request) -> JSONResponse:
    """Extract and store one report (JSON) or a batch (JSON Lines); answers the ingest summary."""
    require_token(request)
    reports = parse_reports(await request.body())
    from starlette.concurrency import run_in_threadpool

    stats = await run_in_threadpool(_ingest, request, reports)
    return JSONResponse(stats, status_code=201)


def _ingest(request: Request, reports: list[dict[str, Any]]) -> dict[str, Any]:
    from frontlines.extract.extractor import clean_text
    from frontlines.ids import document_key
    from frontlines.ingest.pipeline import ingest

    stats = ingest(request.app.state.db, reports, extractor=_extractor(request)).to_dict()
    stats["document_keys"] = [document_key(clean_text(r["text"])) for r in reports]
    request.app.state.version.invalidate()  # timelines, cached responses and counts
    return stats
