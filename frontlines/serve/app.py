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
    app.state.timelines = TimelineCache(database.read)
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

    @app.middleware("http")
    async def security_headers(request: Any, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    return app


def app_from_env() -> FastAPI:
    """The app for ``$FRONTLINES_DB`` and ``$FRONTLINES_TOKEN`` (uvicorn's factory with several workers)."""
    return create_app(os.environ.get("FRONTLINES_DB") or "frontlines.db")
