"""Shared fixtures: models and gazetteers load once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_c867dd87d83c40b5.txt"
IN_CI = os.environ.get("CI", "").lower() == "true"


def need_service(condition: bool, why: str) -> None:
    """Skip on a developer's machine, fail under CI=true: services must be there in CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {why}")
    pytest.skip(why)


@pytest.fixture(scope="session")
def extractor():
    """One Extractor (spaCy model, gazetteer, lexicons) for the whole session."""
    from frontlines.extract.extractor import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The reference report, read from ../shared (skipped where absent; never copied into the repo)."""
    if not SEED.exists():
        pytest.skip(f"reference report not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_result(extractor, seed_text):
    """The reference report extracted once, with the publication date of the interview."""
    return extractor.extract(seed_text, published="2021-08-09", id="seed-000")
