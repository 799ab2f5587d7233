"""Turning ``--db PATH_OR_URL`` into an SQLAlchemy URL."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from frontlines.errors import StoreError

DEFAULT_DB = "frontlines.db"
_SCHEMES = ("sqlite", "postgresql", "postgres")


def resolve_db(db: str | os.PathLike[str] | None) -> str:
    """``db``, else ``$FRONTLINES_DB``, else ``./frontlines.db``."""
    return str(db or os.environ.get("FRONTLINES_DB") or DEFAULT_DB)


def normalise_url(db: str | os.PathLike[str] | None) -> URL:
    """A path or URL as an SQLAlchemy URL: paths become SQLite files, PostgreSQL uses psycopg 3.

    ``postgres://`` and ``postgresql://`` (the forms services print) are rewritten to
    ``postgresql+psycopg://``; other schemes are refused with a :class:`StoreError`.
    """
    raw = resolve_db(db)
    if "://" not in raw:
        path = Path(raw).expanduser()
        if path.is_dir():
            raise StoreError("is a directory, not a database file", source=raw)
        return URL.create("sqlite", database=str(path.resolve()))
    try:
        url = make_url(raw)
    except ArgumentError:
        raise StoreError("not a database URL", source=_safe(raw)) from None
    backend = url.get_backend_name()
    if backend not in _SCHEMES:
        raise StoreError(
            f"unsupported database {backend!r}: use an SQLite path or a postgresql:// URL", source=_safe(raw)
        )
    if backend in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _safe(raw: str) -> str:
    """The URL without its password, for error messages."""
    try:
        return make_url(raw).render_as_string(hide_password=True)
    except ArgumentError:
        return raw.split("@")[-1]


def display(url: URL) -> str:
    """How a database is named in messages: the file for SQLite, the URL without password otherwise."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)
