"""Several processes opening one database at once, and runs on two machines sharing one
PostgreSQL database: real processes, a real SQLite file, a real server."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from imgread.store import StoreError, open_store

ROUNDS = 30
OPENERS = 3


def _open(path: str, go: multiprocessing.synchronize.Barrier,
          answers: multiprocessing.queues.Queue) -> None:  # type: ignore[type-arg]
    go.wait()  # every opener starts at the same moment
    try:
        with open_store(path, busy_timeout_s=10):
            answers.put("ok")
    except StoreError as error:
        answers.put(str(error))


def test_processes_creating_one_new_database_together_all_open_it(tmp_path: Path) -> None:
    """SQLite refuses the switch to WAL at once, without waiting, when another process opens
    the same new file at that moment; that was reported as a lock "held for over 60 s"."""
    context = multiprocessing.get_context("fork")
    answers = []
    for round_ in range(ROUNDS):
        go, queue = context.Barrier(OPENERS), context.Queue()
        openers = [context.Process(target=_open, args=(str(tmp_path / f"{round_}.sqlite"),
                                                       go, queue)) for _ in range(OPENERS)]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join(timeout=60)
        answers += [queue.get(timeout=5) for _ in openers]
    assert answers == ["ok"] * ROUNDS * OPENERS
    for round_ in range(ROUNDS):
        with sqlite3.connect(tmp_path / f"{round_}.sqlite") as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_journal_switch_that_cannot_happen_says_why(tmp_path: Path) -> None:
    database = tmp_path / "results.sqlite"
    open_store(str(database)).close()
    with sqlite3.connect(database, isolation_level=None) as db:
        db.execute("PRAGMA journal_mode=DELETE")
    reader = sqlite3.connect(database, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM images").fetchone()  # holds the file open
    try:
        with pytest.raises(StoreError) as raised:
            open_store(str(database), busy_timeout_s=0.5)
    finally:
        reader.close()
    assert "cannot switch the database's journal to WAL" in str(raised.value)
    assert "another process kept the file open" in str(raised.value)
    with open_store(str(database)):  # once the other process let go, it opens
        pass
