"""The local engine: run the extractor in this process or in a pool of worker processes.

``run_local`` takes reports (or error items already made by the batch reader), and yields one dict per
item in input order: ``Result.to_dict()`` for a report, ``{"id", "error"}`` for a failed one. A report
that raises is reported and the run goes on. Each worker process builds one :class:`Extractor` in its
initializer and reuses it for every chunk it is given.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from frontlines.errors import FrontlinesError
from frontlines.extract.extractor import Extractor, ReportInput
from frontlines.ids import document_key

log = logging.getLogger(__name__)

Item = ReportInput | dict[str, Any]

DEFAULT_BATCH_SIZE = 32  # reports per chunk: big enough for spaCy's batching, small enough to balance
# Start method for worker processes. forkserver starts each worker from a clean, single-threaded server
# (fork from a process that already runs spaCy/BLAS threads can deadlock); see bench/README.md for
# the measured difference with spawn.
START_METHOD = os.environ.get("FRONTLINES_START_METHOD", "forkserver")


def run_local(
    reports: Iterable[Item],
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    *,
    extractor: Extractor | None = None,
) -> Iterator[dict[str, Any]]:
    """Extract reports with ``workers`` processes; yield result or error dicts in input order.

    ``workers=1`` runs here, with ``extractor`` or a new :class:`Extractor`; more workers use a process
    pool with one extractor per process. Input is consumed lazily (at most a few chunks per worker are in
    flight), so a large file streams through in bounded memory.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    chunks = _chunks(reports, batch_size)
    if workers == 1:
        ex = extractor or Extractor()
        for chunk in chunks:
            yield from process_chunk(ex, chunk)
        return
    yield from _run_pool(chunks, workers)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def process_chunk(extractor: Extractor, chunk: list[Item]) -> list[dict[str, Any]]:
    """Results for one chunk, in order; error items pass through, failing reports become error dicts.

    The chunk's reports go through spaCy together; if that fails (one bad report spoils the batch), each
    report is retried alone so that only the bad one is lost.
    """
    reports = [item for item in chunk if isinstance(item, ReportInput)]
    done: list[dict[str, Any]]
    try:
        done = [r.to_dict() for r in extractor.extract_batch(reports, batch_size=max(1, len(reports)))]
    except Exception:
        done = [_extract_one(extractor, r) for r in reports]
    out: list[dict[str, Any]] = []
    it = iter(done)
    for item in chunk:
        out.append(next(it) if isinstance(item, ReportInput) else item)
    return out


def _extract_one(extractor: Extractor, report: ReportInput) -> dict[str, Any]:
    try:
        return next(iter(extractor.extract_batch([report], batch_size=1))).to_dict()
    except FrontlinesError as exc:
        return error_dict(report, exc.message)
    except Exception as exc:  # a bug in one extraction step must not stop a batch of thousands
        log.exception("extraction failed for %s", report_label(report))
        return error_dict(report, f"extraction failed ({type(exc).__name__}: {exc})")


def report_label(report: ReportInput) -> str:
    """The id an error for this report carries: its id, else its line, else its document key."""
    if report.id:
        return str(report.id)
    line = getattr(report, "line", None)
    if line:
        return f"line {line}"
    if isinstance(report.text, str):
        return document_key(report.text)
    return "report"


def error_dict(report: ReportInput, message: str) -> dict[str, Any]:
    """The error item for a report that could not be extracted."""
    out: dict[str, Any] = {"id": report_label(report), "error": message}
    line = getattr(report, "line", None)
    if line:
        out["line"] = line
    return out


# -- worker processes --------------------------------------------------------------------------------

_worker_extractor: Extractor | None = None


def _init_worker() -> None:
    """Pool initializer: build this process's one extractor (models load once per worker)."""
    global _worker_extractor
    _worker_extractor = Extractor()


def _work(chunk: list[Item]) -> list[dict[str, Any]]:
    assert _worker_extractor is not None, "worker not initialised"
    return process_chunk(_worker_extractor, chunk)


def _run_pool(chunks: Iterator[list[Item]], workers: int) -> Iterator[dict[str, Any]]:
    # Pool.imap would drain the whole input into its task queue at once; a bounded window of futures
    # keeps the order and the memory bounded, and a dead worker surfaces as an error instead of a hang.
    ctx = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        # Import the heavy modules once in the fork server, so each worker starts with them loaded.
        ctx.set_forkserver_preload(["spacy", "frontlines.extract.extractor", "frontlines.engines.local"])
    window = workers * 2
    pending: deque[Future[list[dict[str, Any]]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker) as pool:
        try:
            for chunk in chunks:
                pending.append(pool.submit(_work, chunk))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool:
            raise FrontlinesError("a worker process died (out of memory?); the run is incomplete") from None
        finally:
            for fut in pending:
                fut.cancel()
