"""Cutting a stream of items into lists of a fixed size, lazily (engines, bulk loading, result files)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items in input order, the last one shorter; nothing for no items.

    Items are pulled only as each list fills, so a chunk is handed on before the next item is read.
    """
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
