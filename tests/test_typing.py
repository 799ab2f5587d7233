"""The package type-checks: ``mypy frontlines`` (configured in pyproject.toml) reports no errors."""

from __future__ import annotations

from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api", reason="mypy is not installed (the dev extra)")

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_reports_no_errors():
    # About 10 s from a cold cache; the cache (git-ignored) makes later runs faster.
    stdout, stderr, status = mypy_api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            str(ROOT / "frontlines"),
        ]
    )
    assert status == 0, f"mypy found problems:\n{stdout}{stderr}"
    assert "Success: no issues found" in stdout
