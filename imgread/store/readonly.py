"""Reading the results database without ever writing to it: the read-only connection the
reading commands (show, stats, query, export, conflicts, leaderboard, search, report) use,
and the time-limited, interruptible, streamed SQL of ``imgread query``.

A read-only connection opens the file with ``mode=ro``: it cannot upgrade the schema or
switch the journal mode, and it works on read-only media. There, a WAL database whose
``-shm`` file cannot be created is opened as ``immutable`` (nothing can change it anyway).
"""

from __future__ import annotations

import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .base import StoreError

DEFAULT_QUERY_TIMEOUT_S = 60.0
# SQLite calls the progress handler every this many virtual-machine steps: often enough to
# stop within milliseconds, rarely enough to cost nothing measurable.
PROGRESS_STEPS = 10_000
FETCH_ROWS = 500


class QueryError(StoreError):
    """A query that failed, ran out of time, or tried to write."""


def _uri(path: Path, **options: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in {"mode": "ro", **options}.items())
    return f"{path.resolve().as_uri().replace('file://', 'file:', 1)}?{query}"


def connect_read_only(path: Path, busy_timeout_s: float = 60.0) -> sqlite3.Connection:
    """A connection that cannot write ``path``; raises sqlite3.Error when it cannot open."""
    try:
        return _connect(_uri(path), busy_timeout_s)
    except sqlite3.OperationalError:
        # Read-only media: a WAL database needs its -shm file, which cannot be created.
        return _connect(_uri(path, immutable="1"), busy_timeout_s)


def _connect(uri: str, busy_timeout_s: float) -> sqlite3.Connection:
    db = sqlite3.connect(uri, uri=True, timeout=busy_timeout_s, isolation_level=None)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        db.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        db.close()  # an open file would keep its file system busy
        raise
    return db


# The pragmas whose argument names what to read (a table, an index), not a value to set.
READING_PRAGMAS = frozenset({"table_info", "table_xinfo", "table_list", "index_info",
                             "index_xinfo", "index_list", "foreign_key_list",
                             "foreign_key_check", "integrity_check", "quick_check"})


def _no_attach(action: int, first: str | None, second: str | None, *_: object) -> int:
    """Refuse ATTACH (it would create and open files beside the database) and a pragma that
    sets something (``PRAGMA journal_mode=DELETE``: on a read-only connection SQLite's own
    answer is a misleading "disk I/O error")."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and second is not None \
            and (first or "").lower() not in READING_PRAGMAS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


@contextmanager
def _interruptible(db: sqlite3.Connection, timeout_s: float) -> Iterator[Callable[[], str]]:
    """Stop the statement at the deadline or on Ctrl-C; yields what stopped it ("" if
    nothing did). SQLite runs the statement with Python's signal handlers idle, so Ctrl-C
    only sets a flag that the progress handler reads."""
    deadline = time.monotonic() + timeout_s if timeout_s > 0 else float("inf")
    stopped = {"why": ""}

    def on_sigint(signum: int, frame: object) -> None:
        stopped["why"] = "interrupt"
        db.interrupt()

    def progress() -> int:
        if not stopped["why"] and time.monotonic() > deadline:
            stopped["why"] = "timeout"
        return 1 if stopped["why"] else 0

    db.set_progress_handler(progress, PROGRESS_STEPS)
    # Signal handlers belong to the main thread; elsewhere Ctrl-C is not ours to catch.
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, on_sigint) if main else None
    try:
        yield lambda: stopped["why"]
    finally:
        if main:
            signal.signal(signal.SIGINT, previous)
        db.set_progress_handler(None, 0)


def stream_query(path: Path, sql: str, timeout_s: float = DEFAULT_QUERY_TIMEOUT_S,
                 ) -> Iterator[tuple[Sequence[str], list[tuple[Any, ...]]]]:
    """Run one statement read-only; yield (column names, a batch of rows) as rows come,
    so a result of any size takes the memory of one batch. Raises QueryError on a bad
    statement, a write, or the time limit; KeyboardInterrupt on Ctrl-C."""
    try:
        db = connect_read_only(path)
    except sqlite3.Error as error:
        raise QueryError(f"{path}: cannot open the database: {error}",
                         hint="check the path given to --db") from error
    try:
        db.set_authorizer(_no_attach)
        with _interruptible(db, timeout_s) as stopped:
            try:
                cursor = db.execute(sql)
                if cursor.description is None:
                    raise QueryError(f"{path}: the SQL returns no rows: it is empty, or not a "
                                     "query", hint='give one SELECT statement, e.g. imgread '
                                     'query "SELECT path, status FROM images"')
                names = [column[0] for column in cursor.description]
                while True:
                    rows = cursor.fetchmany(FETCH_ROWS)
                    yield names, [tuple(row) for row in rows]
                    if not rows:
                        break
            except sqlite3.Error as error:
                why = stopped()
                if why == "interrupt":
                    raise KeyboardInterrupt from error
                if why == "timeout":
                    raise QueryError(
                        f"{path}: the query ran for over {timeout_s:g} s and was stopped",
                        hint="pass --timeout SECONDS for a longer limit (0: none), or narrow "
                             "the query") from error
                hint = ("imgread query is read-only; change data with imgread run or import"
                        if "readonly" in str(error) or "read-only" in str(error)
                        or "authoriz" in str(error)
                        else "check the SQL; docs/schema.md lists the tables and columns")
                raise QueryError(f"{path}: query failed: {error}", hint=hint) from error
    finally:
        db.close()
