"""One JSON error shape for every error the API returns: ``{"error", "message", "input"}``.

FastAPI's own handlers (404, 405, 422 validation, HTTPException) are replaced so that a client sees the same
shape as ``FrontlinesError.to_dict()`` whatever went wrong, including an unexpected 500.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontlines.errors import FrontlinesError, InputError, StoreError, UsageError

log = logging.getLogger("frontlines.serve")


def error_body(error: str, message: str, source: Any = None) -> dict[str, Any]:
    """The error shape."""
    return {"error": error, "message": message, "input": source}


class ApiError(Exception):
    """An error with an HTTP status, raised by the API's own code (404 for an unknown id, 401, 403)."""

    def __init__(
        self, status: int, error: str, message: str, source: Any = None, headers: dict | None = None
    ):
        super().__init__(message)
        self.status, self.error, self.message, self.source, self.headers = (
            status,
            error,
            message,
            source,
            headers,
        )


def not_found(what: str, ident: str) -> ApiError:
    """404 for an unknown id."""
    return ApiError(404, "NotFound", f"no {what} {ident!r}", ident)


def _option_name(source: str | None) -> str | None:
    """The store names CLI options (``--country``); the API names query parameters (``country``)."""
    if source and source.startswith("--"):
        return {"type": "type", "sub-type": "sub_type"}.get(source[2:], source[2:].replace("-", "_"))
    return source


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.error, exc.message, exc.source), exc.status, headers=exc.headers)

    @app.exception_handler(FrontlinesError)
    async def _frontlines(_: Request, exc: FrontlinesError) -> JSONResponse:
        status = (
            422 if isinstance(exc, InputError | UsageError) else 503 if isinstance(exc, StoreError) else 500
        )
        body = exc.to_dict()
        body["input"] = _option_name(exc.source)
        return JSONResponse(body, status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        loc = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body"))
        message = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in errors)
        return JSONResponse(error_body("ValidationError", message or "invalid request", loc or None), 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        name = (
            HTTPStatus(exc.status_code).phrase.replace(" ", "")
            if exc.status_code in HTTPStatus._value2member_map_
            else "HTTPError"
        )
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
        return JSONResponse(error_body(name, message, request.url.path), exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse(
            error_body("InternalError", f"{type(exc).__name__}: unexpected server error", request.url.path),
            500,
        )
