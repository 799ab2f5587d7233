"""Extraction engines: ``local`` (this process or a process pool) and ``ray`` (a Ray cluster).

Every engine has the same contract: take reports (or error items from the batch reader) and yield one
result or error dict per item, in input order.  :func:`get_engine` picks one by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from frontlines.errors import UsageError

ENGINES = ("local", "ray")
EngineFn = Callable[[Iterable[Any], int], Iterator[dict[str, Any]]]


def get_engine(name: str, *, address: str | None = None, batch_size: int | None = None) -> EngineFn:
    """``fn(items, workers)`` for the engine called ``name`` (``address``: the Ray cluster, ray only)."""
    if name == "local":
        from frontlines.engines.local import DEFAULT_BATCH_SIZE, run_local

        if address:
            raise UsageError("--address is only for --engine ray")
        size = batch_size or DEFAULT_BATCH_SIZE
        return lambda items, workers: run_local(items, workers=workers, batch_size=size)
    if name == "ray":
        from frontlines.engines import ray_engine

        ray_engine.require_ray()
        size = batch_size or ray_engine.DEFAULT_BATCH_SIZE
        return lambda items, workers: ray_engine.run_ray(
            items, address=address, num_workers=workers, batch_size=size
        )
    raise UsageError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
