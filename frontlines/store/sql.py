"""Small dialect helpers: insert-or-ignore and insert-or-update that work on SQLite and PostgreSQL."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def _insert(conn: Connection, table: Table) -> Any:
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)


def insert_ignore(
    conn: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]] | dict[str, Any],
    *,
    count: bool = True,
) -> int:
    """Insert rows, skipping any that collide with a unique key (``ON CONFLICT DO NOTHING``).

    Returns how many rows were inserted, counted with RETURNING: the driver's rowcount is not reliable
    for ``ON CONFLICT`` inserts on every backend.  ``count=False`` skips the RETURNING (one executemany,
    no rows fetched back) and returns how many rows were offered.
    """
    if not rows:
        return 0
    stmt = _insert_ignore_stmt(conn.dialect.name, table, count)
    if not count:
        conn.execute(stmt, rows if isinstance(rows, dict) else list(rows))
        return 1 if isinstance(rows, dict) else len(rows)
    if isinstance(rows, dict):
        return len(conn.execute(stmt, rows).all())
    return len(conn.execute(stmt, list(rows)).all())


@functools.cache
def _insert_ignore_stmt(dialect: str, table: Table, returning: bool) -> Any:
    # Built once per table: constructing the statement cost about as much as running it on a few rows.
    stmt = (postgresql if dialect == "postgresql" else sqlite).insert(table).on_conflict_do_nothing()
    return stmt.returning(*table.primary_key.columns) if returning else stmt


def upsert(
    conn: Connection, table: Table, row: dict[str, Any], keys: Sequence[str], update: Sequence[str]
) -> None:
    """Insert a row, or update the ``update`` columns of the row with the same ``keys``."""
    stmt = _insert(conn, table).values(row)
    stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_={c: stmt.excluded[c] for c in update})
    conn.execute(stmt)
