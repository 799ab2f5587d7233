"""The Ray engine: the same contract as :func:`frontlines.engines.local.run_local`, on a Ray cluster.

``run_ray(items)`` takes reports (or error items already made by the batch reader) and yields one dict per
item, in input order: ``Result.to_dict()`` for a report, ``{"id", "error"}`` for a failed one.  Reports go
through Ray Data in windows of ``window`` items: ``from_items`` -> ``map_batches`` with
:class:`ExtractBatch` (a callable class: one :class:`Extractor` per actor, built once) ->
``iter_rows`` back on the driver, where the caller's one writer stores them.  ``run_ray`` also takes input
paths (``.jsonl``/``.json`` read with ``read_text``, ``.parquet`` with ``read_parquet``), which streams
files the driver never reads itself.

Fault tolerance: a report that raises becomes an error dict (``process_chunk`` retries the batch report by
report); an actor that dies is restarted by Ray and its batch redone (``max_restarts=-1``,
``max_task_retries=-1``); a job stopped and restarted skips stored documents because the ingest pipeline
checks document keys against the store before anything reaches the engine.

Ray is optional (``pip install 'frontlines[ray]'``): this module imports without it, and using the engine
then raises a :class:`~frontlines.errors.UsageError`.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeGuard, cast

from frontlines.errors import FrontlinesError, UsageError
from frontlines.extract.extractor import ReportInput
from frontlines.extract.prefilter import is_conflict_candidate  # noqa: F401  (moved there; callers import it here)

Item = ReportInput | dict[str, Any]

DEFAULT_BATCH_SIZE = 32  # reports per map_batches call (the same chunk size as the local engine)
DEFAULT_WINDOW = 4096  # in-memory items per Ray Data dataset: bounds driver and object-store memory
CRASH_MARKER_ENV = "FRONTLINES_TEST_CRASH_MARKER"  # test-only: an actor exits hard once if this file exists
_FIELDS = ("text", "id", "title", "published", "url", "source")


def require_ray() -> Any:
    """The ``ray`` module, or a UsageError saying how to install it."""
    try:
        import ray
    except ImportError:
        raise UsageError("Ray is not installed: pip install 'frontlines[ray]'") from None
    return ray


def init_ray(address: str | None = None, *, num_cpus: int | None = None) -> Any:
    """Connect to the Ray cluster at ``address`` (or start a local one) unless connected already."""
    ray = require_ray()
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {
            "address": address,
            "include_dashboard": False,
            "ignore_reinit_error": True,
            "log_to_driver": False,
        }
        if address is None and num_cpus is not None:
            kwargs["num_cpus"] = num_cpus
        ray.init(**kwargs)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # results come back in input order
    ctx.enable_progress_bars = False
    return ray


class ExtractBatch:
    """Ray Data callable class: builds one Extractor per actor and extracts a batch of report rows.

    Input rows carry ``seq`` and the report fields; output rows are ``seq`` and ``payload`` (the result or
    error dict as a JSON string, so nested lists survive the Arrow batch unchanged).
    """

    def __init__(self, crash_marker: str | None = None) -> None:
        from frontlines.extract.extractor import Extractor

        self.extractor = Extractor()
        self.crash_marker = crash_marker

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        """Extract the batch (a pyarrow Table); one output row per input row."""
        from frontlines.engines.local import process_chunk
        from frontlines.ingest.batch import BatchReport

        self._maybe_crash()
        rows = batch.to_pylist()
        items: list[Any] = [
            {"id": r.get("id") or "line ?", "error": f"the input line is {r['bad']}"}
            if r.get("bad")
            else BatchReport(
                text=r["text"],
                id=r.get("id"),
                title=r.get("title"),
                published=r.get("published"),
                url=r.get("url"),
                source=r.get("source"),
                line=int(r.get("line") or 0),
            )
            for r in rows
        ]
        done = process_chunk(self.extractor, items)
        return {
            "seq": [r["seq"] for r in rows],
            "payload": [json.dumps(d, ensure_ascii=False) for d in done],
        }

    def _maybe_crash(self) -> None:
        """Test hook: exit the actor process hard (as if killed) once, consuming the marker file."""
        if self.crash_marker and os.path.exists(self.crash_marker):
            try:
                os.remove(self.crash_marker)
            except FileNotFoundError:
                return  # another actor took it
            os._exit(1)


def run_ray(
    reports: Iterable[Item] | Sequence[str | os.PathLike[str]],
    *,
    address: str | None = None,
    num_workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    window: int = DEFAULT_WINDOW,
) -> Iterator[dict[str, Any]]:
    """Extract with Ray actors; yield result or error dicts in input order (the ``run_local`` contract).

    ``reports`` is an iterable of :class:`ReportInput` / error dicts, or a list of input file paths.
    ``num_workers`` actors (default: the cluster's CPUs) each load the models once.
    """
    if batch_size < 1 or window < 1:
        raise ValueError("batch_size and window must be at least 1")
    if num_workers is not None and num_workers < 1:
        raise ValueError("num_workers must be at least 1")
    ray = init_ray(address)
    workers = num_workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    if _are_paths(reports):
        yield from _run_dataset(_read_paths(ray, [str(p) for p in reports]), workers, batch_size)
        return
    items = cast(Iterable[Item], reports)  # not a list of paths: reports and error dicts
    buffer: list[Item] = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= window:
            yield from _run_window(ray, buffer, workers, batch_size)
            buffer = []
    if buffer:
        yield from _run_window(ray, buffer, workers, batch_size)


def _are_paths(reports: object) -> TypeGuard[Sequence[str | os.PathLike[str]]]:
    return (
        isinstance(reports, (list, tuple))
        and bool(reports)
        and all(isinstance(p, (str, os.PathLike)) for p in reports)
    )


def _run_window(ray: Any, items: list[Item], workers: int, batch_size: int) -> Iterator[dict[str, Any]]:
    """One window: reports through Ray Data, error items passed through, all in input order.

    Results are yielded as they arrive (the writer stores them while the actors go on extracting);
    one that arrives ahead of its turn waits in a small buffer.
    """
    rows = [_report_row(i, item) for i, item in enumerate(items) if isinstance(item, ReportInput)]
    stream: Iterator[tuple[int, dict[str, Any]]] = iter(())
    if rows:
        ds = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // batch_size)))
        stream = _run_dataset(ds, min(workers, len(rows)), batch_size, keyed=True)
    early: dict[int, dict[str, Any]] = {}
    for i, item in enumerate(items):
        if not isinstance(item, ReportInput):
            yield item
            continue
        while i not in early:
            got = next(stream, None)
            if got is None:
                raise FrontlinesError(f"the Ray job ended without a result for report {i + 1} of its window")
            early[got[0]] = got[1]
        yield early.pop(i)


def _report_row(seq: int, report: ReportInput) -> dict[str, Any]:
    row: dict[str, Any] = {"seq": seq, "line": int(getattr(report, "line", 0) or 0)}
    for name in _FIELDS:
        value = getattr(report, name)
        row[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return row


def _run_dataset(ds: Any, workers: int, batch_size: int, *, keyed: bool = False) -> Iterator[Any]:
    """Map the dataset through the extractor actors and decode the rows on the driver."""
    for row in _extracted(ds, workers, batch_size).iter_rows():
        result = json.loads(row["payload"])
        yield (int(row["seq"]), result) if keyed else result


def _extracted(ds: Any, workers: int, batch_size: int) -> Any:
    """The dataset of ``seq``/``payload`` rows: report rows mapped through the extractor actors."""
    from ray.data import ActorPoolStrategy

    # Ray Data gives actor pools max_restarts=-1 and max_task_retries=-1: an actor that dies is replaced
    # and the batch it held is redone on another one (tested in tests/test_ray_engine.py).
    return ds.map_batches(
        ExtractBatch,
        fn_constructor_kwargs={"crash_marker": os.environ.get(CRASH_MARKER_ENV) or None},
        batch_size=batch_size,
        batch_format="pyarrow",
        compute=ActorPoolStrategy(size=workers),
        num_cpus=1,
    )


def extract_to_parquet(
    inputs: Sequence[str | os.PathLike[str]],
    output_dir: str | os.PathLike[str],
    *,
    address: str | None = None,
    num_workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> None:
    """Extract JSONL or Parquet report files into result Parquet files (``payload`` column) in ``output_dir``.

    Nothing passes through the driver: each actor's results are written by Ray Data.  Import the files
    with ``frontlines load OUTPUT_DIR``.
    """
    ray = init_ray(address)
    workers = num_workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    ds = _extracted(_read_paths(ray, [str(p) for p in inputs]), workers, batch_size)
    ds.select_columns(["payload"]).write_parquet(str(output_dir))


def _read_paths(ray: Any, paths: list[str]) -> Any:
    """A dataset of report rows (``seq`` + report fields) from JSONL or Parquet files."""
    parquet = [p for p in paths if p.lower().endswith(".parquet") or Path(p).is_dir()]
    jsonl = [p for p in paths if p not in parquet]
    if parquet and jsonl:
        raise UsageError("give either JSONL or Parquet inputs to the Ray engine, not both")
    if parquet:
        ds = ray.data.read_parquet(parquet)
    else:
        ds = ray.data.read_text(jsonl).map_batches(_jsonl_rows, batch_format="pyarrow")
    return ds.map_batches(_with_seq, batch_format="pyarrow")


def _jsonl_rows(batch: Any) -> Any:
    """JSONL lines as report rows (a line that is not a JSON object keeps its raw text as an error)."""
    import pyarrow as pa

    out: dict[str, list[Any]] = {name: [] for name in (*_FIELDS, "date", "bad")}
    for line in batch.column("text").to_pylist():
        try:
            obj = json.loads(line)
            bad = "" if isinstance(obj, dict) else "not a JSON object"
        except json.JSONDecodeError as exc:
            obj, bad = {}, f"not valid JSON ({exc.msg})"
        obj = obj if isinstance(obj, dict) else {}
        for name in out:
            out[name].append(None)
        for name in (*_FIELDS, "date"):
            value = obj.get(name)
            out[name][-1] = None if value is None else str(value)
        out["bad"][-1] = bad or None
    return pa.table({k: pa.array(v, type=pa.string()) for k, v in out.items()})


def _with_seq(batch: Any) -> Any:
    import pyarrow as pa

    rows = batch.to_pylist()
    for row in rows:
        if not row.get("published"):
            row["published"] = row.get("date")
        row["text"] = row.get("text") or ""  # no text: the extractor reports "the report is empty"
    table = pa.Table.from_pylist(rows)
    return table.append_column("seq", pa.array([0] * len(rows), type=pa.int64()))


# -- ingest into the store -------------------------------------------------------------------------------


def ingest_ray(
    db: Any,
    inputs: Iterable[Any],
    *,
    address: str | None = None,
    num_workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    window: int = DEFAULT_WINDOW,
    progress: Any = None,
) -> Any:
    """``frontlines.ingest.pipeline.ingest`` with the Ray engine: same checks, same one writer.

    Documents already stored by this extractor version are settled before extraction (a restarted job
    redoes nothing); results are written one transaction per document on the driver.
    """
    from frontlines.ingest.discover import discover
    from frontlines.ingest.pipeline import _Run

    run = _Run(db, progress)
    jobs = run.jobs(discover(inputs))
    start = time.perf_counter()
    try:
        run.consume(
            run_ray(jobs, address=address, num_workers=num_workers, batch_size=batch_size, window=window)
        )
    finally:
        run.stats.seconds = time.perf_counter() - start
    return run.stats
