"""Small dialect helpers: insert-or-ignore and insert-or-update that work on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def _insert(conn: Connection, table: Table) -> Any:
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]] | dict[str, Any]) -> int:
    """Insert rows, skipping any that collide with a unique key (``ON CONFLICT DO NOTHING``).

    Returns how many rows were inserted, counted with RETURNING: the driver's rowcount is not reliable
    for ``ON CONFLICT`` inserts on every backend.
    """
    if not rows:
        return 0
    stmt = _insert(conn, table).on_conflict_do_nothing().returning(*table.primary_key.columns)
    if isinstance(rows, dict):
        return len(conn.execute(stmt, rows).all())
    return len(conn.execute(stmt, list(rows)).all())


def upsert(
    conn: Connection, table: Table, row: dict[str, Any], keys: Sequence[str], update: Sequence[str]
) -> None:
    """Insert a row, or update the ``update`` columns of the row with the same ``keys``."""
    stmt = _insert(conn, table).values(row)
    stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_={c: stmt.excluded[c] for c in update})
    conn.execute(stmt)
