"""Session fixtures over the ingested sample corpus (``frontlines/samples/corpus/august2021.jsonl``).

The corpus is ingested once per test session into a temporary SQLite file.  Tests under ``tests/corpus``
get the fixtures directly; a test module elsewhere loads this file with importlib and binds the fixtures
at module level (see ``tests/test_control_corpus.py``).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parents[2] / "frontlines" / "samples" / "corpus"


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
