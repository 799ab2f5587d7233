"""Loads the package's YAML/CSV data files and validates them, so a broken lexicon fails loudly at load
time with the file and the entry named, never silently at extraction time."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from importlib import resources
from typing import Any

import yaml

from frontlines.errors import DataFileError


def data_text(relpath: str) -> str:
    """The text of a data file under ``frontlines/data`` (e.g. ``"actors/afghanistan.yaml"``)."""
    try:
        return resources.files("frontlines.data").joinpath(relpath).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError("data file is missing", source=f"frontlines/data/{relpath}") from None


def list_data_files(folder: str, suffix: str = ".yaml") -> list[str]:
    """Relative paths of the data files in a folder under ``frontlines/data``, sorted."""
    root = resources.files("frontlines.data").joinpath(folder)
    return sorted(f"{folder}/{p.name}" for p in root.iterdir() if p.name.endswith(suffix))


def load_yaml(relpath: str) -> Any:
    """Parse a YAML data file; DataFileError naming the file when it is not valid YAML."""
    try:
        return yaml.safe_load(data_text(relpath))
    except yaml.YAMLError as exc:
        raise DataFileError(f"not valid YAML: {exc}", source=f"frontlines/data/{relpath}") from None


def load_csv(relpath: str) -> list[dict[str, str]]:
    """Rows of a CSV data file (header row required)."""
    return list(csv.DictReader(io.StringIO(data_text(relpath))))


def require(condition: bool, relpath: str, where: str, problem: str) -> None:
    """Raise DataFileError('<file>: <where>: <problem>') unless the condition holds."""
    if not condition:
        raise DataFileError(f"{where}: {problem}", source=f"frontlines/data/{relpath}")


def validate_entries(
    relpath: str,
    entries: Any,
    required: dict[str, type | tuple[type, ...]],
    check: Callable[[dict[str, Any], str], None] | None = None,
) -> list[dict[str, Any]]:
    """Check a list of mapping entries has the required keys with the right types; returns the list."""
    require(isinstance(entries, list), relpath, "top level", "expected a list of entries")
    for i, entry in enumerate(entries):
        where = f"entry {i + 1}"
        require(isinstance(entry, dict), relpath, where, "expected a mapping")
        for key, typ in required.items():
            require(key in entry, relpath, where, f"missing key {key!r}")
            require(isinstance(entry[key], typ), relpath, where, f"{key!r} has the wrong type")
        if check:
            check(entry, where)
    return entries
