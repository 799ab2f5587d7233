"""Shared fixtures: models and gazetteers load once per test session."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_c867dd87d83c40b5.txt"
IN_CI = os.environ.get("CI", "").lower() == "true"
CORPUS = REPO / "frontlines" / "samples" / "corpus"


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


# -- the sample corpus, ingested once per session (used by the control, ledger and stats tests) --


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Path of an SQLite store holding the 47 ingested sample reports (ingested once per session)."""
    from click.testing import CliRunner

    from frontlines.cli import main

    path = tmp_path_factory.mktemp("corpus") / "august2021.db"
    result = CliRunner().invoke(main, ["ingest", str(CORPUS / "august2021.jsonl"), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return str(path)


@pytest.fixture(scope="session")
def expected_control() -> list[dict[str, str]]:
    """Rows of ``expected_control.csv``: place, admin1, date_taken, holder, how."""
    with open(CORPUS / "expected_control.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def expected_contested() -> list[dict[str, object]]:
    """Entries of ``expected_contested.yaml``."""
    return yaml.safe_load((CORPUS / "expected_contested.yaml").read_text(encoding="utf-8"))["contested"]
