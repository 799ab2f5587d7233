"""Generic tabular writers: CSV, JSON (a list), JSON Lines and Parquet over rows with fixed columns."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from frontlines.errors import UsageError

TABULAR_FORMATS = ("csv", "json", "jsonl", "parquet")
Out = IO[str] | IO[bytes] | str | os.PathLike[str]


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | tuple):
        return list(value)
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dumps(value: Any) -> str:
    """Compact UTF-8 JSON as every writer here emits it (dates as ``YYYY-MM-DD``)."""
    return json.dumps(value, ensure_ascii=False, default=_json_default)


@contextmanager
def text_out(out: Out):
    """A text stream for ``out``: the stream itself, or a file opened (and closed) at the given path."""
    if isinstance(out, str | os.PathLike):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield out


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict | tuple | set):
        return dumps(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: Out) -> None:
    """CSV with a header of exactly ``columns``; None as an empty cell, lists/dicts as JSON text."""
    with text_out(out) as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])


def write_json(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: Out) -> None:
    """One JSON array of objects with ``columns`` as keys, in that order."""
    with text_out(out) as fh:
        fh.write("[")
        for i, row in enumerate(rows):
            fh.write(",\n" if i else "\n")
            fh.write(dumps({c: row.get(c) for c in columns}))
        fh.write("\n]\n")


def write_jsonl(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: Out) -> None:
    """One JSON object per line."""
    with text_out(out) as fh:
        for row in rows:
            fh.write(dumps({c: row.get(c) for c in columns}) + "\n")


def write_parquet(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], out: Out, schema: pa.Schema | None = None
) -> None:
    """Parquet via pyarrow; ``out`` is a path or a binary stream.  Without ``schema`` types are inferred."""
    if not isinstance(out, str | os.PathLike) and hasattr(out, "encoding"):  # a text stream
        raise UsageError("parquet is binary: give an output file (--output FILE)", source="parquet")
    data = [{c: row.get(c) for c in columns} for row in rows]
    if schema is not None:
        table = pa.Table.from_pylist(data, schema=schema)
    elif data:
        table = pa.Table.from_pylist(data).select(list(columns))
    else:
        table = pa.table({c: pa.array([], type=pa.string()) for c in columns})
    pq.write_table(table, out)


def write_rows(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None, fmt: str, out: Out) -> None:
    """Write rows (claims, documents, anything tabular) as csv | json | jsonl | parquet.

    ``columns`` fixes the fields and their order (None: the keys of the first row).  ``out`` is a text
    stream or a path; parquet needs a path or a binary stream.  An unknown format raises UsageError.
    """
    if fmt not in TABULAR_FORMATS:
        raise UsageError(
            f"unsupported format {fmt!r} (choose one of {', '.join(TABULAR_FORMATS)})", source="--format"
        )
    rows = list(rows)
    cols = list(columns) if columns is not None else list(rows[0]) if rows else []
    {"csv": write_csv, "json": write_json, "jsonl": write_jsonl, "parquet": write_parquet}[fmt](
        rows, cols, out
    )
