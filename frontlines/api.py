"""A small Python API over the store.

from frontlines.api import open_store

store = open_store("frontlines.db")          # or a postgresql:// URL; default $FRONTLINES_DB
store.ingest(["reports/", "https://example.org/story"], workers=2)
df = store.events(country="AF", between="2021-08-01..2021-08-31", as_="pandas")
store.close()
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, Literal

from frontlines.errors import UsageError
from frontlines.extract.extractor import Extractor
from frontlines.ingest.discover import InputLike
from frontlines.ingest.pipeline import IngestStats, ingest, reprocess
from frontlines.store import Database, queries
from frontlines.store.rows import event_export_row, mention_export_row

As = Literal["dicts", "pandas", "polars"]


def _frame(rows: list[dict[str, Any]], as_: As, columns: Iterable[str] | None = None) -> Any:
    """Rows as a list of dicts, a pandas DataFrame or a polars DataFrame."""
    if as_ == "dicts":
        return rows
    if as_ == "pandas":
        import pandas as pd

        return pd.DataFrame(rows, columns=list(columns) if columns and not rows else None)
    if as_ == "polars":
        try:
            import polars as pl
        except ImportError:
            raise UsageError("polars is not installed (pip install 'frontlines[polars]')") from None
        return pl.DataFrame(rows, infer_schema_length=None)
    raise UsageError(f"as_ must be 'dicts', 'pandas' or 'polars', not {as_!r}")


class Store:
    """An open Frontlines store: ingest reports, list events, claims and documents."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def close(self) -> None:
        """Release the database connections."""
        self.database.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(
        self,
        paths_or_reports: Iterable[InputLike] | InputLike,
        workers: int = 1,
        *,
        extractor: Extractor | None = None,
    ) -> IngestStats:
        """Ingest paths, folders, URLs, :class:`ReportInput` objects or report dicts (``text``, ``id``...)."""
        if isinstance(paths_or_reports, str | os.PathLike | dict) or not isinstance(
            paths_or_reports, Iterable
        ):
            paths_or_reports = [paths_or_reports]  # type: ignore[list-item]
        return ingest(self.database, paths_or_reports, workers=workers, extractor=extractor)

    def reprocess(self, *, all_documents: bool = False, workers: int = 1) -> IngestStats:
        """Re-extract documents made by an older extractor version (or all of them)."""
        return reprocess(self.database, all_documents=all_documents, workers=workers)

    def events(self, *, mentions: bool = False, as_: As = "dicts", **filters: Any) -> Any:
        """Canonical events with ACLED's columns then ours (or event mentions with ``mentions=True``).

        Filters: ``country`` (ISO2, ISO3 or name), ``admin1``, ``actor``, ``event_type``, ``sub_event_type``,
        ``between`` ("A..B" or a pair of dates), ``modality``, ``min_sources``, ``limit``.
        """
        from frontlines.export import EVENT_COLUMNS, event_row

        f = queries.EventFilter(**filters)
        with self.database.read() as conn:
            if mentions:
                rows = [event_row(mention_export_row(m)) for m in queries.mentions(conn, f)]
            else:
                rows = [event_row(event_export_row(e)) for e in queries.canonical_events(conn, f)]
        return _frame(rows, as_, EVENT_COLUMNS)

    def event(self, ident: str) -> dict[str, Any] | None:
        """One canonical event with its mentions (``mention_rows``), or None."""
        with self.database.read() as conn:
            return queries.event_detail(conn, ident)

    def claims(self, *, as_: As = "dicts", **filters: Any) -> Any:
        """Claims; filters ``document_key``, ``event_uid``, ``claimant``, ``limit``."""
        with self.database.read() as conn:
            rows = queries.claims(conn, **filters)
        return _frame(rows, as_)

    def documents(self, *, as_: As = "dicts", **filters: Any) -> Any:
        """Documents (without text); filters ``status``, ``limit``."""
        with self.database.read() as conn:
            rows = queries.documents(conn, **filters)
        return _frame(rows, as_)

    def document(self, key: str) -> dict[str, Any] | None:
        """One document with its text, sources, events and claims, or None."""
        with self.database.read() as conn:
            return queries.document_detail(conn, key)

    def failed_inputs(self, *, as_: As = "dicts") -> Any:
        """Inputs that could not be read or extracted."""
        with self.database.read() as conn:
            return _frame(queries.failed_inputs(conn), as_)

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        with self.database.read() as conn:
            return queries.counts(conn)


def open_store(db: str | os.PathLike[str] | None = None, *, timeout: float = 30.0) -> Store:
    """Open (creating or upgrading) the store at ``db``: an SQLite path or a database URL.

    Without ``db``: ``$FRONTLINES_DB``, else ``./frontlines.db``.
    """
    return Store(Database.open(db, timeout=timeout))
