"""``frontlines load PARQUET...``: import extraction results from Parquet files into the store.

The files hold one result per row in a ``payload`` column (the result or ``{"id", "error"}`` dict as JSON
text), as written by :func:`frontlines.engines.ray_engine.extract_to_parquet` or
:func:`write_results_parquet`.  Rows are stored through one writer in groups of documents
(:func:`frontlines.store.bulk.load_results`); loading a file twice changes nothing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from frontlines.chunks import chunked
from frontlines.cli.common import db_option, fail, open_store
from frontlines.errors import FrontlinesError, InputError

PAYLOAD = "payload"


def iter_result_parquet(paths: Iterable[str | Path], *, batch_rows: int = 1024) -> Iterator[dict[str, Any]]:
    """Result dicts from Parquet files (or folders of them), streamed in record batches."""
    import pyarrow.parquet as pq

    for path in paths:
        p = Path(path)
        if not p.exists():
            raise InputError("no such file or folder", source=str(p))
        files = sorted(p.rglob("*.parquet")) if p.is_dir() else [p]
        for file in files:
            try:
                pf = pq.ParquetFile(file)
            except Exception as exc:  # pyarrow raises several kinds for a file that is not Parquet
                raise InputError(f"not a readable Parquet file ({exc})", source=str(file)) from None
            if PAYLOAD not in pf.schema_arrow.names:
                raise InputError(f"no {PAYLOAD!r} column: not a Frontlines result file", source=str(file))
            for batch in pf.iter_batches(batch_size=batch_rows, columns=[PAYLOAD]):
                for value in batch.column(0).to_pylist():
                    yield json.loads(value)


def write_results_parquet(
    results: Iterable[dict[str, Any]], path: str | Path, *, rows_per_group: int = 1024
) -> int:
    """Write result dicts to one Parquet file (``payload`` column); return the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([pa.field(PAYLOAD, pa.string())])
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for chunk in chunked((json.dumps(r, ensure_ascii=False) for r in results), rows_per_group):
            writer.write_table(pa.table({PAYLOAD: chunk}, schema=schema))
            count += len(chunk)
    return count


@click.command("load")
@click.argument("files", nargs=-1, required=True, metavar="PARQUET...")
@db_option
@click.option(
    "--group-size",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Documents per transaction.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def load_command(files: tuple[str, ...], db: str | None, group_size: int, as_json: bool) -> None:
    """Import result Parquet files (from the Ray engine) into the store."""
    from frontlines.store.bulk import load_results

    try:
        start = time.perf_counter()
        with open_store(db, create=True) as store:
            stats = load_results(store, iter_result_parquet(files), group_size=group_size)
        seconds = time.perf_counter() - start
    except FrontlinesError as exc:
        fail(str(exc))
    summary = {**stats.to_dict(), "seconds": round(seconds, 3)}
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"load: {stats.read} read, {stats.new} new, {stats.unchanged} unchanged, {stats.failed} failed; "
        f"{stats.events} events and {stats.claims} claims written, {seconds:.1f} s"
    )
    for ref, why in stats.failures[:50]:
        click.echo(f"  failed: {ref}: {why}")
