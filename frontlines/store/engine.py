"""Engines for SQLite and PostgreSQL, write transactions with retry, and database errors as StoreError.

SQLite runs in WAL mode with a busy timeout and foreign keys on.  Write transactions start with
``BEGIN IMMEDIATE`` so that a writer takes the file's write lock before it reads anything it will base its
writes on (the candidate canonical events): two ingests on one file then serialise per document instead of
deadlocking or merging on stale reads.  On PostgreSQL a transaction-level advisory lock plays that role.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import QueuePool

from frontlines.errors import StoreError
from frontlines.store.url import display

T = TypeVar("T")

DEFAULT_TIMEOUT = 30.0  # seconds a writer waits for another one before giving up
_PG_WRITE_LOCK = 0x46524F4E54  # "FRONT": the advisory lock key writers hold on PostgreSQL
_WRITE = "frontlines_write"


def make_engine(url: URL, *, timeout: float = DEFAULT_TIMEOUT) -> Engine:
    """An engine for ``url`` with Frontlines' connection settings."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, timeout)
    engine = create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": max(1, int(timeout))},
    )
    return engine


def _sqlite_engine(url: URL, timeout: float) -> Engine:
    # A small pool: opening the file and setting the pragmas on every transaction costs more than the
    # transaction.  Extraction workers never touch the database, so no connection crosses a fork.
    engine = create_engine(url, poolclass=QueuePool, pool_size=2, connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module; "begin" below emits our own BEGIN.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        cur.execute("PRAGMA foreign_keys = ON")
        try:
            cur.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            pass  # a read-only file can still be read; writes then fail with a clear message
        cur.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no committed data
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@contextmanager
def translate_errors(url: URL) -> Iterator[None]:
    """Turn database errors into a one-line :class:`StoreError` naming the database."""
    try:
        yield
    except StoreError:
        raise
    except SQLAlchemyError as exc:
        raise StoreError(describe_error(exc), source=display(url)) from exc


def describe_error(exc: BaseException) -> str:
    """A short human description of a database error."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    low = text.lower()
    if "database is locked" in low or "database table is locked" in low:
        return (
            "the database is locked by another process past the timeout; try again later or raise --timeout"
        )
    if "readonly database" in low or "read-only" in low:
        return "the database is not writable (read-only file or folder)"
    if "unable to open database file" in low:
        return "cannot open or create the database file (does the folder exist, is it writable?)"
    if "disk is full" in low or "no space left" in low:
        return "the disk is full: the database could not be written"
    if "file is not a database" in low or "malformed" in low:
        return "not a Frontlines database (the file is not an SQLite database, or it is corrupt)"
    if "connection refused" in low or "could not connect" in low or "connection failed" in low:
        return f"cannot connect to the database server: {text}"
    if "password authentication failed" in low:
        return "the database server refused the user name or password"
    return text


def is_locked(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's "database is locked" (worth retrying)."""
    return isinstance(exc, OperationalError) and "locked" in str(getattr(exc, "orig", exc)).lower()


def is_retryable(exc: BaseException) -> bool:
    """Locked SQLite files and PostgreSQL serialisation failures or deadlocks."""
    if is_locked(exc):
        return True
    if isinstance(exc, DBAPIError):
        code = getattr(getattr(exc, "orig", None), "sqlstate", None)
        return code in ("40001", "40P01")
    return False


@contextmanager
def write_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in a write transaction: ``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL."""
    with engine.connect() as conn:
        conn = conn.execution_options(**{_WRITE: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")
            yield conn


def run_write(engine: Engine, work: Callable[[Connection], T], *, attempts: int = 4) -> T:
    """Run ``work(conn)`` in one write transaction, retrying when the database is busy.

    Everything ``work`` writes commits together or not at all.  The busy timeout already waits for a
    lock; the retries cover the cases where SQLite reports "locked" at once (and PostgreSQL deadlocks).
    """
    for attempt in range(1, attempts + 1):
        try:
            with write_connection(engine) as conn:
                return work(conn)
        except SQLAlchemyError as exc:
            if attempt == attempts or not is_retryable(exc):
                raise
            time.sleep(min(2.0, 0.05 * 2**attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")
