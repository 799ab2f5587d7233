"""In-process caches of the web server, all keyed by the store's data generation.

``StoreVersion`` turns the store's data fingerprint (``queries.data_version``: counts and latest changes of
the canonical events and claims) into a generation number.  It checks the fingerprint at most every
``CHECK_EVERY`` seconds (the fingerprint itself costs a few table scans, ~20 ms on 100,000 events), and at
once after ``invalidate()`` (the write endpoint calls it).  So a write through this server is seen by the
next request; a write by another process (``frontlines ingest`` on the same store) within ``CHECK_EVERY``
seconds, as the control timelines always were.

``ResponseCache`` keeps the JSON bodies of read endpoints for the current generation (a bounded LRU, cleared
when the generation moves on); ``Memo`` keeps small computed values (filtered counts) the same way.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from frontlines.serve import queries

T = TypeVar("T")
CHECK_EVERY = 2.0  # seconds between checks of the data fingerprint
CACHE_ENV = "FRONTLINES_API_CACHE"  # entries in the response cache; 0 turns it off
DEFAULT_ENTRIES = 4096
MAX_BYTES = 64 * 1024 * 1024  # the response cache's bodies together
MAX_BODY = 1024 * 1024  # larger bodies are not kept (exports, pages of 500 events)


class StoreVersion:
    """A number that changes whenever the store's data changes (see the module's docstring)."""

    def __init__(self, connect: Callable[[], Any], every: float = CHECK_EVERY) -> None:
        self.connect = connect  # opens a read transaction on the store
        self._every = every
        self._lock = threading.Lock()
        self._fingerprint: tuple[Any, ...] | None = None
        self._generation = 0
        self._checked = float("-inf")

    def current(self) -> int:
        """The current generation (re-reads the fingerprint when the last check is too old)."""
        if time.monotonic() - self._checked < self._every:
            return self._generation  # a plain read: the fast path takes no lock
        with self._lock:
            if time.monotonic() - self._checked >= self._every:
                with self.connect() as conn:
                    fingerprint = queries.data_version(conn)
                if fingerprint != self._fingerprint:
                    self._fingerprint = fingerprint
                    self._generation += 1
                self._checked = time.monotonic()
            return self._generation

    def peek(self) -> int | None:
        """The current generation when it was checked recently enough, else None (no database access:
        for the event loop, which must not wait on the store)."""
        if time.monotonic() - self._checked < self._every:
            return self._generation
        return None

    def invalidate(self) -> None:
        """The data changed (a write through this server): a new generation at once."""
        with self._lock:
            self._generation += 1
            self._fingerprint = None
            self._checked = float("-inf")


class _Generational(Generic[T]):
    """A bounded LRU of values for one generation; emptied when the generation changes."""

    def __init__(self, version: StoreVersion, max_entries: int) -> None:
        self.version = version
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._items: OrderedDict[Hashable, T] = OrderedDict()
        self._generation = -1
        self.hits = 0
        self.misses = 0

    def _lookup(self, generation: int, key: Hashable) -> T | None:
        with self._lock:
            if generation != self._generation:
                self._reset(generation)
                return None
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def _store(self, generation: int, key: Hashable, value: T) -> None:
        with self._lock:
            if generation != self._generation:
                return  # the data changed while the value was computed: it may be stale already
            self._items[key] = value
            self._evict()

    def _cached(self, generation: int, key: Hashable, build: Callable[[], T], keep: Callable[[T], bool]) -> T:
        """The value for ``key`` in this generation (a hit), else ``build()`` (a miss), stored when ``keep``
        says so; what ``build`` raises propagates and nothing is stored."""
        value = self._lookup(generation, key)
        if value is not None:
            self.hits += 1
            return value
        self.misses += 1
        value = build()
        if keep(value):
            self._store(generation, key, value)
        return value

    def _reset(self, generation: int) -> None:
        """Forget every value (called with the lock held when the generation moved on)."""
        self._items.clear()
        self._generation = generation

    def _evict(self) -> None:
        while len(self._items) > self.max_entries:
            self._items.popitem(last=False)

    def stats(self) -> dict[str, int]:
        """Entries, hits and misses (for the health endpoint and the load check)."""
        return {"entries": len(self._items), "hits": self.hits, "misses": self.misses}


class Memo(_Generational[Any]):
    """Small values computed from the store (e.g. filtered counts), kept for the current generation."""

    def get(self, key: Hashable, compute: Callable[[], Any], generation: int | None = None) -> Any:
        """The value for ``key``, computed by ``compute()`` when not known for this generation.

        Pass ``generation`` (read before opening a connection) when calling this with a connection open:
        checking the generation may need a connection of its own, and a request holding one while waiting
        for another can exhaust the pool (every worker thread holding one, none left for the check)."""
        if generation is None:
            generation = self.version.current()
        return self._cached(generation, key, compute, lambda value: value is not None)


class ResponseCache(_Generational[bytes]):
    """JSON bodies of read endpoints by (path, query string) for the current generation, bounded in
    entries and bytes.  ``max_entries=0`` turns it off (every request builds its body)."""

    def __init__(self, version: StoreVersion, max_entries: int | None = None) -> None:
        if max_entries is None:
            max_entries = int(os.environ.get(CACHE_ENV) or DEFAULT_ENTRIES)
        super().__init__(version, max_entries)
        self._bytes = 0

    def peek(self, key: Hashable) -> bytes | None:
        """The cached body for ``key`` when the data generation is known to be current, else None."""
        if self.max_entries <= 0:
            return None
        generation = self.version.peek()
        if generation is None:
            return None
        body = self._lookup(generation, key)
        if body is not None:
            self.hits += 1
        return body

    def body(self, key: Hashable, build: Callable[[], bytes]) -> bytes:
        """The body for ``key``: cached, or built by ``build()`` (errors propagate and are not kept)."""
        if self.max_entries <= 0:
            return build()
        return self._cached(self.version.current(), key, build, lambda body: len(body) <= MAX_BODY)

    def _reset(self, generation: int) -> None:
        super()._reset(generation)
        self._bytes = 0

    def _store(self, generation: int, key: Hashable, value: bytes) -> None:
        with self._lock:
            if generation != self._generation or key in self._items:
                return
            self._items[key] = value
            self._bytes += len(value)
            self._evict()

    def _evict(self) -> None:
        while self._items and (len(self._items) > self.max_entries or self._bytes > MAX_BYTES):
            _, old = self._items.popitem(last=False)
            self._bytes -= len(old)
