"""Clear StoreErrors: not a database, someone else's database, unwritable, locked, bad URLs."""

from __future__ import annotations

import os
import sqlite3

import pytest

from frontlines.errors import StoreError
from frontlines.store import Database, SourceRef
from frontlines.store.url import normalise_url
from frontlines.store.writer import save_result
from store.factories import make_result


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a Frontlines database"):
        Database.open(path)


def test_an_sqlite_database_of_another_program(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a Frontlines database"):
        Database.open(path)


def test_a_folder_that_does_not_exist(tmp_path):
    with pytest.raises(StoreError, match="folder does not exist"):
        Database.open(tmp_path / "missing" / "x.db")


def test_a_missing_file_when_creation_is_not_wanted(tmp_path):
    with pytest.raises(StoreError, match="no such database file"):
        Database.open(tmp_path / "x.db", create=False)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write read-only files")
def test_a_read_only_database(tmp_path):
    path = tmp_path / "ro.db"
    Database.open(path).close()
    os.chmod(path, 0o444)
    os.chmod(tmp_path, 0o555)
    try:
        db = Database.open(path)
        with pytest.raises(StoreError, match="not writable|cannot open"):
            db.write(lambda c: save_result(c, make_result("A short report."), SourceRef()))
    finally:
        os.chmod(tmp_path, 0o755)


def test_locked_past_the_timeout(tmp_path):
    path = tmp_path / "busy.db"
    Database.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock and does not let go
    try:
        db = Database.open(path, timeout=0.2)
        with pytest.raises(StoreError, match="locked"):
            db.write(lambda c: save_result(c, make_result("A short report."), SourceRef()))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_urls_are_normalised():
    assert normalise_url("postgres://u:p@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("postgresql://u:p@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("some/file.db").drivername == "sqlite"
    with pytest.raises(StoreError, match="unsupported database"):
        normalise_url("mysql://u:p@h/db")


def test_the_environment_names_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTLINES_DB", str(tmp_path / "env.db"))
    db = Database.open()
    assert db.name == str(tmp_path / "env.db")
    db.close()
