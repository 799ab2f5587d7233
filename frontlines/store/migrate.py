"""Bringing a database to the current schema with Alembic, programmatically, when a store is opened."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from frontlines.errors import StoreError
from frontlines.store.engine import write_connection

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Tables every Frontlines database has; a database with other tables but none of these is someone else's.
_OURS = {"documents", "event_mentions", "canonical_events"}


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@functools.cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    """The newest migration this version of Frontlines knows."""
    head = _script().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> tuple[str | None, set[str]]:
    """The database's migration revision (None when it has none) and its table names."""
    with engine.connect() as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
    return revision, tables


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the head revision; refuse a database that is not Frontlines'.

    The upgrade runs inside a write transaction (``BEGIN IMMEDIATE`` or an advisory lock) so that two
    processes opening a new database at once do not both create it.
    """
    revision, tables = current_revision(engine)
    head = head_revision()
    if revision == head:
        return
    _check_ours(revision, tables)
    with write_connection(engine) as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
        if revision == head:
            return  # another process created it while we waited for the lock
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _check_ours(revision: str | None, tables: set[str]) -> None:
    if revision is None:
        if tables - {"alembic_version"}:
            raise StoreError("not a Frontlines database (it has other tables and no Frontlines schema)")
        return
    try:
        known = _script().get_revision(revision)
    except Exception:  # alembic raises several kinds for an unknown id
        known = None
    if known is None:
        if _OURS <= tables:
            raise StoreError(
                f"the database schema ({revision}) is newer than this version of Frontlines; upgrade Frontlines"
            )
        raise StoreError("not a Frontlines database (unknown schema revision)")
