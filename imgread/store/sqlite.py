"""The results database in one SQLite file: opening it (read-only for the commands that only
read), its transactions, and what to tell the user when a write cannot be made.

The full record is kept as JSON beside the queryable tables, so records can always be
rebuilt exactly from the database, and the database is the source of truth for the JSONL.
The normalised tables (documented in docs/schema.md) are derived from that JSON in the same
transaction (``rows.py``), so they never disagree with it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import ImgreadError
from ..record import Record
from .base import BUSY_TIMEOUT_S, StoreError
from .imports import ImportedDescriptions
from .migrations import SqliteMigrations
from .readonly import connect_read_only
from .reads import RecordReads
from .rows import write_record
from .schema import SCHEMA_VERSION
from .summaries import Summaries


class SqliteStore(SqliteMigrations, RecordReads, ImportedDescriptions, Summaries):
    """Every call of the results database, on SQLite; ``postgres.PostgresStore`` answers the
    same calls on a PostgreSQL server."""

    def __init__(
        self,
        path: Path,
        aliases: Path | None = None,
        read_only: bool = False,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> None:
        """Open or create the database at ``path``. ``aliases``: a user's benchmark alias
        file (the ``names.aliases`` setting); without one, the aliases the database was last
        normalised with stay in force. ``read_only``: for the commands that only read."""
        self.path = path
        self.aliases = ""  # the alias text in force; settled once the layout is current
        self.busy_timeout_s = busy_timeout_s
        if path.exists() and not path.is_file():
            raise StoreError(f"{path}: not a regular file, so it cannot hold a database",
                             hint="point --db at an imgread SQLite file or a new path")
        if read_only:
            self.db = self._open_read_only()
            stored = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
            self.aliases = stored.get("aliases", "")
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: every write goes through _transaction(), which says BEGIN itself,
        # so schema changes and data changes share one transaction.
        self.db = sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None)
        try:
            self.db.execute("PRAGMA foreign_keys=ON")
            self._upgrade()
            self._settle_aliases(aliases)
            self._use_wal()
        except ImgreadError:
            self.db.close()  # an open file would keep its file system busy
            raise
        except sqlite3.DatabaseError as error:
            self.db.close()
            known = self._explain(error) if isinstance(error, sqlite3.OperationalError) else None
            if known is not None:
                raise known from error  # a full disk, a lock held too long
            raise StoreError(f"{path}: cannot open the database: {error}",
                             hint="point --db at an imgread SQLite file or a new path") from error

    def _use_wal(self) -> None:
        """WAL lets readers (imgread query, Datasette) work while a run writes. It is stored
        in the file, so a current database needs no write just to be opened.

        The switch needs the file to itself, and SQLite refuses it at once, without waiting,
        when another process is opening the same new file at that moment (two connections
        that both read would otherwise wait for each other forever): so it is tried again
        until the busy timeout, and a failure says what really happened."""
        started = time.monotonic()
        while self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
                if time.monotonic() - started > self.busy_timeout_s:
                    raise StoreError(
                        f"{self.path}: cannot switch the database's journal to WAL: another "
                        f"process kept the file open for the {time.monotonic() - started:.0f} "
                        f"s imgread tried ({error})",
                        hint="close the other program that has the database open (or wait for "
                             "the other imgread run to finish), then run the same command "
                             "again") from error
                time.sleep(0.05)

    def _open_read_only(self) -> sqlite3.Connection:
        """For the commands that only read: never upgrades, never changes the journal."""
        try:
            db = connect_read_only(self.path, self.busy_timeout_s)
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot open the database: {error}",
                             hint="point --db at an imgread SQLite file") from error
        if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            db.close()  # an empty file (or /proc, a pipe...) reads as an empty database
            raise StoreError(f"{self.path}: not an imgread database (it holds no tables)",
                             hint="point --db at the results.sqlite an imgread run wrote")
        if version != SCHEMA_VERSION:
            db.close()
            newer = version > SCHEMA_VERSION
            raise StoreError(
                f"{self.path}: the database has schema version {version}; this imgread reads "
                f"version {SCHEMA_VERSION}, and a reading command never upgrades it",
                hint="upgrade imgread (pip install -U imgread)" if newer else
                "run `imgread run` or `imgread import` on it once (on writable media) to "
                "upgrade it in place",
            )
        return db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as error:
            raise self._write_failure(error) from error

    def _write_failure(self, error: sqlite3.OperationalError) -> StoreError:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        return self._explain(error) or StoreError(
            f"{self.path}: cannot write the database ({error})",
            hint="check that the file and its folder may be written")

    def _explain(self, error: sqlite3.OperationalError) -> StoreError | None:
        """A clear message for what stops a write: a lock held too long, a full disk."""
        text = str(error)
        if "locked" in text or "busy" in text:
            return StoreError(
                f"{self.path}: another process held the database lock for over "
                f"{self.busy_timeout_s:g} s ({text})",
                hint="wait for the other imgread run (or the program holding the database "
                     "open for writing) to finish, then run the same command again")
        if "full" in text or "disk I/O" in text:
            return StoreError(
                f"{self.path}: cannot write the database: the disk is full, or a quota or "
                f"file-size limit was reached ({text})",
                hint="free some space and run the same command again; every record "
                     "committed so far is kept")
        return None

    def put(self, record: Record, run_id: int | None = None) -> None:
        """Insert or replace one record and all its normalised rows in one transaction."""
        with self._transaction():
            self._write(record, run_id)

    def _write(self, record: Record, run_id: int | None) -> None:
        write_record(self.db, record, run_id, self.aliases)
