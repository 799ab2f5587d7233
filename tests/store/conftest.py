"""Store fixtures: a fresh database per test, on SQLite and (where FRONTLINES_TEST_PG is set) PostgreSQL.

Each PostgreSQL test gets its own schema (``search_path`` in the URL), dropped afterwards, so tests and
developers sharing the server do not see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest
from conftest import need_service

PG_URL = os.environ.get("FRONTLINES_TEST_PG", "")


def _pg_schema_url(base: str) -> tuple[str, str]:
    import sqlalchemy as sa

    schema = "t_" + uuid.uuid4().hex[:12]
    engine = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    finally:
        engine.dispose()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-csearch_path={schema}')}", schema


def _pg_drop(base: str, schema: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A URL or path of an empty database, for each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    need_service(bool(PG_URL), "FRONTLINES_TEST_PG is not set (run .ci/start-postgres.sh)")
    try:
        url, schema = _pg_schema_url(PG_URL)
    except Exception as exc:  # the server is not reachable
        need_service(False, f"PostgreSQL at FRONTLINES_TEST_PG is not reachable: {exc}")
        return
    yield url
    _pg_drop(PG_URL, schema)


@pytest.fixture
def db(db_url):
    """An open, migrated database."""
    from frontlines.store import Database

    database = Database.open(db_url, timeout=5)
    yield database
    database.close()
