"""Counts of a run that stores reports, shared by ingest and bulk loading.

:class:`frontlines.ingest.pipeline.IngestStats` and :class:`frontlines.store.bulk.LoadStats` both extend
:class:`RunCounts`.  It lives at the package's top level, with no imports from the package, because the store
may not import ingest code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

MAX_LISTED_FAILURES = 1000  # failures kept in a summary (all of them are in the failed_inputs table)


@dataclass
class RunCounts:
    """Reports read, documents new, unchanged or failed, what was written, and the first failures.

    ``COUNTS`` names the counters in the order :meth:`to_dict` writes them; a subclass with more counters
    names them all.
    """

    COUNTS: ClassVar[tuple[str, ...]] = (
        "read",
        "new",
        "unchanged",
        "failed",
        "sources_added",
        "events",
        "claims",
    )

    read: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    sources_added: int = 0
    events: int = 0
    claims: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def fail(self, ref: str, reason: str) -> None:
        """Count a failed input and keep its reason for the summary (the first ``MAX_LISTED_FAILURES``)."""
        self.failed += 1
        if len(self.failures) < MAX_LISTED_FAILURES:
            self.failures.append((ref, reason))

    def add(self, other: RunCounts) -> None:
        """Add another run's counters to these, and its failures as far as the listing has room."""
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.extend(other.failures[: max(0, MAX_LISTED_FAILURES - len(self.failures))])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary: the counters in ``COUNTS`` order, then the listed failures."""
        out: dict[str, Any] = {name: getattr(self, name) for name in self.COUNTS}
        out["failures"] = [{"input": r, "reason": why} for r, why in self.failures]
        return out
