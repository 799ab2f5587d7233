"""Opening a store: the engine, the schema check/upgrade, and read and write transactions."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.engine import URL, Connection, Engine

from frontlines.errors import StoreError
from frontlines.store import migrate
from frontlines.store.engine import DEFAULT_TIMEOUT, make_engine, run_write, translate_errors
from frontlines.store.models import TABLES
from frontlines.store.url import display, normalise_url
from frontlines.version import EXTRACTOR_VERSION

T = TypeVar("T")
DOCS = TABLES["documents"]
_IN_CHUNK = 500  # keys per IN (...) query: well under SQLite's variable limit


class Database:
    """An open Frontlines database (SQLite file or PostgreSQL)."""

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine

    @classmethod
    def open(
        cls,
        db: str | os.PathLike[str] | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        create: bool = True,
    ) -> Database:
        """Open (and create or upgrade) the store at ``db`` (path or URL; default $FRONTLINES_DB or
        ./frontlines.db).  ``create=False`` refuses an SQLite file that does not exist yet."""
        url = normalise_url(db)
        if url.get_backend_name() == "sqlite" and url.database:
            path = Path(url.database)
            if not path.exists() and not create:
                raise StoreError("no such database file (run `frontlines ingest` first)", source=str(path))
            if not path.parent.is_dir():
                raise StoreError("cannot create the database: its folder does not exist", source=str(path))
        engine = make_engine(url, timeout=timeout)
        with translate_errors(url):
            try:
                migrate.upgrade(engine)
            except StoreError as exc:
                engine.dispose()
                raise StoreError(exc.message, source=display(url)) from None
            except BaseException:
                engine.dispose()
                raise
        return cls(url, engine)

    @property
    def name(self) -> str:
        """The database as named in messages (file path, or URL without password)."""
        return display(self.url)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work(conn)`` in one write transaction (all or nothing), retrying while the database is busy."""
        with translate_errors(self.url):
            return run_write(self.engine, work)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading (a consistent snapshot while it is open)."""
        with translate_errors(self.url), self.engine.connect() as conn, conn.begin():
            yield conn

    def current_keys(self, keys: Iterable[str], version: str = EXTRACTOR_VERSION) -> set[str]:
        """Those of ``keys`` already stored OK by extractor ``version``: the cheap check before extraction."""
        keys = list(dict.fromkeys(keys))
        found: set[str] = set()
        with self.read() as conn:
            for i in range(0, len(keys), _IN_CHUNK):
                chunk = keys[i : i + _IN_CHUNK]
                stmt = select(DOCS.c.document_key).where(
                    DOCS.c.document_key.in_(chunk), DOCS.c.status == "ok", DOCS.c.extractor_version == version
                )
                found.update(conn.execute(stmt).scalars())
        return found
