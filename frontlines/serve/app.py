"""The web application: the REST API under ``/api/``, the dashboard at ``/``, an offline API docs page.

``create_app(db, token)`` opens the store once and serves it; the OpenAPI description is at
``/openapi.json`` and ``/docs`` is a small page that lists the endpoints from it (no CDN, works offline).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from frontlines.serve import api_read, api_write, errors
from frontlines.serve.cache import Memo, ResponseCache, StoreVersion
from frontlines.serve.control_source import TimelineCache
from frontlines.store.database import Database
from frontlines.version import __version__

STATIC = Path(__file__).resolve().parent / "static"
TOKEN_ENV = "FRONTLINES_TOKEN"


def create_app(db: str | os.PathLike[str] | Database, token: str | None = None) -> FastAPI:
    """The app over the store at ``db`` (path, URL or an open Database).  ``token`` (else
    ``$FRONTLINES_TOKEN``) enables the write endpoints; without one they answer 403."""
    database = db if isinstance(db, Database) else Database.open(db)
    app = FastAPI(
        title="Frontlines API",
        version=__version__,
        description="Events, claims, documents and territorial control from the Frontlines store.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = database
    app.state.token = token if token is not None else (os.environ.get(TOKEN_ENV) or None)
    # one data generation for every cache, so that a write (or a change seen in the store) empties them all
    version = StoreVersion(database.read)
    app.state.version = version
    app.state.timelines = TimelineCache(version)
    app.state.responses = ResponseCache(version)
    app.state.counts = Memo(version, max_entries=4096)
    app.state.daily = Memo(version, max_entries=256)  # daily aggregates per country
    app.state.extractor = None
    errors.install(app)
    app.include_router(api_read.router)
    app.include_router(api_write.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> Any:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Any:
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    def docs() -> Any:
        return FileResponse(STATIC / "docs.html")

    app.add_middleware(SecurityHeaders)
    return app


SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
]


class SecurityHeaders:
    """Adds the Content-Security-Policy and X-Content-Type-Options headers to every HTTP response (where
    the response has not set them).  A plain ASGI middleware: Starlette's ``@app.middleware("http")`` runs
    each request through an extra task and stream, a measurable share of a cached response's cost."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in SECURITY_HEADERS if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def app_from_env() -> FastAPI:
    """The app for ``$FRONTLINES_DB`` and ``$FRONTLINES_TOKEN`` (uvicorn's factory with several workers)."""
    return create_app(os.environ.get("FRONTLINES_DB") or "frontlines.db")
