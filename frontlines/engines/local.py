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

from frontlines.chunks import chunked
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
    chunks = chunked(reports, batch_size)
    if workers == 1:
        ex = extractor or Extractor()
        for chunk in chunks:
            yield from process_chunk(ex, chunk)
        return
    yield from _run_pool(chunks, workers)


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


def preload_extractor() -> None:
    """Build the process's extractor now (models, gazetteer, lexicons) and freeze it for sharing.

    Run in the fork server (``PRELOAD_MODULE``) so that every worker forked from it starts with the models
    already loaded, in memory pages shared copy-on-write with its siblings, instead of loading its own copy
    (3-6 s and ~600 MB each).  ``gc.freeze`` moves the loaded objects out of the collector's reach, so that
    collections in the workers do not write to (and so copy) those shared pages.
    """
    import gc

    global _worker_extractor
    if _worker_extractor is None:
        _worker_extractor = Extractor()
        gc.collect()
        gc.freeze()


# A module whose import runs preload_extractor(); the fork server imports it once at its start.
PRELOAD_MODULE = "frontlines.nlp.preload"
# FRONTLINES_PRELOAD=0 makes each forkserver worker load its own models (as spawn workers always do).
PRELOAD = os.environ.get("FRONTLINES_PRELOAD", "1") != "0"


def _init_worker() -> None:
    """Pool initializer: the extractor the fork server preloaded, else a new one (spawn, or no preload)."""
    global _worker_extractor
    if _worker_extractor is None:
        _worker_extractor = Extractor()


def _work(chunk: list[Item]) -> list[dict[str, Any]]:
    assert _worker_extractor is not None, "worker not initialised"
    return process_chunk(_worker_extractor, chunk)


def _ready(pause: float) -> int:
    """A no-op task: this worker's pid once its initializer has run (used to wait for the pool)."""
    import time

    time.sleep(pause)
    return os.getpid()


class WorkerPool:
    """A pool of worker processes, each with one :class:`Extractor`, that can be started ahead of use.

    ``run_local`` makes one per call; a long-lived caller (or the benchmark, which times start-up and
    steady-state throughput apart) can keep one open and call :meth:`run` several times::

        with WorkerPool(2) as pool:
            pool.wait_ready()
            rows = list(pool.run(reports))
    """

    def __init__(self, workers: int, start_method: str | None = None, *, preload: bool | None = None) -> None:
        self.workers = workers
        self.start_method = start_method or START_METHOD
        self.preload = PRELOAD if preload is None else preload
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        ctx = multiprocessing.get_context(self.start_method)
        if self.start_method == "forkserver":
            # The fork server imports these once; workers fork from it with them loaded (and, with
            # preload, with the extractor built).  Fork from the server is safe where a plain fork of a
            # process already running spaCy/BLAS threads might deadlock: the server has run no model yet.
            modules = ["spacy", "frontlines.extract.extractor", "frontlines.engines.local"]
            ctx.set_forkserver_preload([*modules, PRELOAD_MODULE] if self.preload else modules)
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx, initializer=_init_worker)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def wait_ready(self, timeout: float = 600.0) -> None:
        """Block until every worker has started and built its extractor."""
        assert self._pool is not None, "use WorkerPool as a context manager"
        seen: set[int] = set()
        for _ in range(20):  # a finished no-op may be picked up twice by the same worker: try again
            futures = [self._pool.submit(_ready, 0.05) for _ in range(self.workers)]
            seen |= {f.result(timeout=timeout) for f in futures}
            if len(seen) >= self.workers:
                return

    def pids(self) -> list[int]:
        """The worker processes' ids (for measuring them)."""
        procs = getattr(self._pool, "_processes", None) or {}
        return sorted(procs)

    def run(self, reports: Iterable[Item], batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[dict[str, Any]]:
        """Result or error dicts for ``reports``, in input order (as :func:`run_local`)."""
        yield from self._run_chunks(chunked(reports, batch_size))

    def _run_chunks(self, chunks: Iterator[list[Item]]) -> Iterator[dict[str, Any]]:
        # Pool.imap would drain the whole input into its task queue at once; a bounded window of futures
        # keeps the order and the memory bounded, and a dead worker surfaces as an error instead of a hang.
        assert self._pool is not None, "use WorkerPool as a context manager"
        window = self.workers * 2
        pending: deque[Future[list[dict[str, Any]]]] = deque()
        try:
            for chunk in chunks:
                pending.append(self._pool.submit(_work, chunk))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool:
            raise FrontlinesError("a worker process died (out of memory?); the run is incomplete") from None
        finally:
            for fut in pending:
                fut.cancel()


def _run_pool(chunks: Iterator[list[Item]], workers: int) -> Iterator[dict[str, Any]]:
    with WorkerPool(workers) as pool:
        yield from pool._run_chunks(chunks)
