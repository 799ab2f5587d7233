"""Ingest orchestration: inputs -> cheap "already stored?" check -> extraction -> one transaction per document.

The order of work for each report:

1. its document key is computed from the text (no extraction yet);
2. a document already stored OK by the current extractor version is not extracted again: only the place it
   was seen (URL, outlet, input id) is added, which is what makes a second ingest change nothing;
3. the rest go through the local engine (``run_local``: in this process or in worker processes);
4. each result is written in its own transaction (document, sources, entities, mentions, claims, canonical
   events), so a run killed at any point leaves whole documents only, and a rerun finishes the rest.

``reprocess`` feeds stored texts back through the same path, replacing each document's mentions and claims
in one transaction.  Timers split the wall time into reading, extraction, and storage with merging.
"""

from __future__ import annotations

import functools
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import Row, or_, select

from frontlines.extract.extractor import Extractor, ReportInput, clean_text
from frontlines.ids import document_key
from frontlines.ingest.discover import Failed, InputLike, Item, Pending, discover
from frontlines.run_counts import RunCounts
from frontlines.store.database import Database
from frontlines.store.models import TABLES
from frontlines.store.syndication import StoredSyndication, signature_of
from frontlines.store.writer import (
    SourceRef,
    add_source,
    mark_failed_document,
    record_failure,
    save_result,
)
from frontlines.version import EXTRACTOR_VERSION

CHECK_CHUNK = 64  # reports looked up together in the cheap "already stored?" check

Progress = Callable[[int], None]


@dataclass
class IngestStats(RunCounts):
    """What a run did, and where its time went."""

    COUNTS: ClassVar[tuple[str, ...]] = ("read", "new", "replaced", *RunCounts.COUNTS[2:])

    replaced: int = 0
    seconds: float = 0.0
    read_seconds: float = 0.0  # reading files, fetching, cheap checks
    store_seconds: float = 0.0  # signatures, transactions, merging

    @property
    def extract_seconds(self) -> float:
        """Wall time spent waiting for extraction (the rest of the run)."""
        return max(0.0, self.seconds - self.read_seconds - self.store_seconds)

    @property
    def docs_per_second(self) -> float:
        """Reports handled per second of wall time."""
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary: the counts and failures, then the time split."""
        return {
            **super().to_dict(),
            "seconds": round(self.seconds, 3),
            "seconds_reading": round(self.read_seconds, 3),
            "seconds_extracting": round(self.extract_seconds, 3),
            "seconds_storing": round(self.store_seconds, 3),
        }


@dataclass
class _Job:
    key: str
    source: SourceRef
    report: ReportInput


class _Run:
    """One ingest or reprocess run against a database."""

    def __init__(self, db: Database, progress: Progress | None, force: bool = False) -> None:
        self.db = db
        self.stats = IngestStats()
        self.progress = progress or (lambda n: None)
        self.syndication = StoredSyndication()
        self.force = force  # reprocess --all: replace even current extractions
        self.in_flight: deque[_Job] = deque()
        self.queued: set[str] = set()  # keys sent to extraction and not stored yet
        self.saved: set[str] = set()  # keys stored (or settled) in this run
        self.deferred: dict[str, list[_Job]] = {}  # repeats of a queued text, waiting for it to be stored

    # -- the "already stored?" check, before extraction ----------------------------------------------

    def jobs(self, items: Iterable[Item]) -> Iterator[ReportInput]:
        """Reports that need extraction; everything else is settled here, as the items stream by."""
        it = iter(items)
        while True:
            t0 = time.perf_counter()
            chunk = _take(it, CHECK_CHUNK)
            if not chunk:
                self.stats.read_seconds += time.perf_counter() - t0
                return
            pending: list[_Job] = []
            for item in chunk:
                self.stats.read += 1
                if isinstance(item, Failed):
                    self._failed_input(item.ref, item.reason, item.kind)
                    continue
                text = item.report.text
                key = document_key(clean_text(text)) if isinstance(text, str) else ""
                pending.append(_Job(key, item.source, item.report))
            current = set() if self.force else self.db.current_keys(j.key for j in pending if j.key)
            ready: list[_Job] = []
            for job in pending:
                if job.key in current or job.key in self.saved:
                    self._add_source(job)
                elif job.key in self.queued:
                    # The same text is still being extracted: its source is added once it is stored.
                    self.deferred.setdefault(job.key, []).append(job)
                else:
                    self.queued.add(job.key)
                    ready.append(job)
            self.stats.read_seconds += time.perf_counter() - t0
            for job in ready:
                self.in_flight.append(job)
                yield job.report

    # -- writing ------------------------------------------------------------------------------------

    def consume(self, results: Iterable[dict[str, Any]]) -> None:
        """Store each result as it comes back from extraction (same order as the jobs)."""
        for result in results:
            job = self.in_flight.popleft()
            self.queued.discard(job.key)
            if "error" in result:
                self._failed_extraction(job, str(result["error"]))
                for repeat in self.deferred.pop(job.key, []):
                    self._failed_extraction(repeat, str(result["error"]))
                continue
            self.saved.add(job.key)
            t0 = time.perf_counter()
            signature = signature_of(result["text"])
            outcome = self.db.write(
                functools.partial(
                    save_result,
                    result=result,
                    source=job.source,
                    syndication=self.syndication,
                    signature=signature,
                    force=self.force,
                )
            )
            self.stats.store_seconds += time.perf_counter() - t0
            if outcome.status == "new":
                self.stats.new += 1
            elif outcome.status == "replaced":
                self.stats.replaced += 1
            else:
                self.stats.unchanged += 1
            self.stats.sources_added += int(outcome.source_added)
            self.stats.events += outcome.events
            self.stats.claims += outcome.claims
            self.progress(1)
            for repeat in self.deferred.pop(job.key, []):
                self._add_source(repeat)

    def _add_source(self, job: _Job) -> None:
        """A text already stored: record where it was seen this time, nothing else."""
        t0 = time.perf_counter()
        added = self.db.write(lambda c: add_source(c, job.key, job.source))
        self.stats.store_seconds += time.perf_counter() - t0
        self.stats.unchanged += 1
        self.stats.sources_added += int(bool(added))
        self.progress(1)

    def _failed_input(self, ref: str, reason: str, kind: str = "InputError") -> None:
        t0 = time.perf_counter()
        self.db.write(lambda c: record_failure(c, ref, reason, kind))
        self.stats.store_seconds += time.perf_counter() - t0
        self.stats.fail(ref, reason)
        self.progress(1)

    def _failed_extraction(self, job: _Job, reason: str) -> None:
        ref = job.source.input_id or job.source.url or job.key
        text = job.report.text if isinstance(job.report.text, str) else ""

        def work(conn: Any) -> None:
            record_failure(conn, ref, reason, "ExtractionError")
            # A text the extractor crashed on is kept (status failed) so the next run retries it.
            if job.key and text.strip() and reason.startswith("extraction failed"):
                mark_failed_document(conn, job.key, clean_text(text), reason, title=job.report.title)

        t0 = time.perf_counter()
        self.db.write(work)
        self.stats.store_seconds += time.perf_counter() - t0
        self.stats.fail(ref, reason)
        self.progress(1)

    def run(
        self,
        items: Iterable[Item],
        workers: int,
        extractor: Extractor | None,
        engine: str = "local",
        address: str | None = None,
    ) -> IngestStats:
        start = time.perf_counter()
        try:
            if engine == "ray":
                from frontlines.engines.ray_engine import run_ray

                results = run_ray(self.jobs(items), address=address, num_workers=workers)
            else:
                from frontlines.engines.local import run_local

                results = run_local(self.jobs(items), workers=workers, extractor=extractor)
            self.consume(results)
        finally:
            self.stats.seconds = time.perf_counter() - start
        return self.stats


def _take(it: Iterator[Item], n: int) -> list[Item]:
    out: list[Item] = []
    for item in it:
        out.append(item)
        if len(out) >= n:
            break
    return out


def ingest(
    db: Database,
    inputs: Iterable[InputLike],
    *,
    workers: int = 1,
    extractor: Extractor | None = None,
    progress: Progress | None = None,
    client: Any = None,
    resolver: Any = None,
    engine: str = "local",
    address: str | None = None,
) -> IngestStats:
    """Read, extract and store ``inputs`` (paths, folders, URLs, ReportInputs or report dicts).

    ``engine`` is ``"local"`` (this process or worker processes) or ``"ray"`` (Ray Data actors, on a cluster
    at ``address`` or a local Ray instance); either way one writer in this process stores the results.
    ``client``/``resolver`` are passed to URL fetching (tests inject a mock transport and resolver).
    """
    items = discover(inputs, client=client, resolver=resolver)
    return _Run(db, progress).run(items, workers, extractor, engine, address)


def stale_documents(db: Database, *, include_current: bool = False, page: int = 200) -> Iterator[Pending]:
    """Stored documents whose extraction is older than this extractor (or all of them), as reports."""
    docs = TABLES["documents"]
    sources = TABLES["document_sources"]
    last = ""
    while True:
        cond = docs.c.document_key > last
        if not include_current:
            cond = cond & or_(docs.c.extractor_version != EXTRACTOR_VERSION, docs.c.status != "ok")
        stmt = select(docs).where(cond).order_by(docs.c.document_key).limit(page)
        with db.read() as conn:
            rows = conn.execute(stmt).all()
            firsts: dict[str, Row[Any]] = {}  # document key -> its first source
            if rows:
                src = (
                    select(sources)
                    .where(sources.c.document_key.in_([r.document_key for r in rows]))
                    .order_by(sources.c.id)
                )
                for s in conn.execute(src):
                    firsts.setdefault(s.document_key, s)
        if not rows:
            return
        for row in rows:
            first = firsts.get(row.document_key)
            source = (
                SourceRef(input_id=first.input_id, url=first.url, source=first.source)
                if first
                else SourceRef()
            )
            report = ReportInput(
                text=row.text,
                title=row.title,
                published=row.published,
                url=source.url or None,
                source=source.source or None,
            )
            yield Pending(report, source)
        last = rows[-1].document_key


def reprocess(
    db: Database,
    *,
    all_documents: bool = False,
    workers: int = 1,
    extractor: Extractor | None = None,
    progress: Progress | None = None,
) -> IngestStats:
    """Re-extract stored documents made by an older extractor version (or every one with ``all_documents``).

    Each document's mentions and claims are replaced in one transaction; canonical events keep their uid
    when the merged happening is the same.
    """
    items = stale_documents(db, include_current=all_documents)
    return _Run(db, progress, force=all_documents).run(items, workers, extractor)


def count_stale(db: Database, *, include_current: bool = False) -> int:
    """How many documents :func:`reprocess` would re-extract."""
    from sqlalchemy import func

    docs = TABLES["documents"]
    stmt = select(func.count()).select_from(docs)
    if not include_current:
        stmt = stmt.where(or_(docs.c.extractor_version != EXTRACTOR_VERSION, docs.c.status != "ok"))
    with db.read() as conn:
        return int(conn.execute(stmt).scalar() or 0)
