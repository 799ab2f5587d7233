"""Alembic environment for the Frontlines store.

Run programmatically by :func:`frontlines.store.migrate.upgrade`, which passes an open connection in
``config.attributes["connection"]``; a URL in ``sqlalchemy.url`` works too (for ``alembic`` by hand).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from frontlines.store.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode rebuilds tables when a later migration needs it.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_online() -> None:
    """Run against the given connection (or a fresh engine on sqlalchemy.url)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("no connection in config.attributes and no sqlalchemy.url to connect to")
    engine = create_engine(url)
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run them against a database")
run_migrations_online()
