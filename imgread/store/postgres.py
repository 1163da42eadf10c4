"""PostgreSQL as the results database, behind the same calls as ``SqliteStore``.

Several machines can write one database at once: a record is an upsert keyed by its sha256
(the image's bytes), serialised per image by an advisory lock, and every run has a row of
its own. The tables, the views and every statement are SQLite's, translated by a few
dialect rules (``postgres_sql.py``), so the two engines cannot drift apart: a change to
the SQLite store reaches PostgreSQL unless it uses SQLite-only syntax, which the tests (run
against both engines) then show.

Install with ``pip install 'imgread[postgres]'`` (psycopg 3). Passwords never appear in a
message: every URL shown is passed through ``redact_url`` first.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import ConfigError
from ..normalise import lexicon, read_aliases
from ..record import Record
from .base import BUSY_TIMEOUT_S, StoreError
from .postgres_sql import PgConnection, cursor_class, schema_statements
from .readonly import DEFAULT_QUERY_TIMEOUT_S
from .schema import SCHEMA_VERSION
from .sqlite import SqliteStore

SCHEMES = ("postgresql://", "postgres://")
# One number every imgread process agrees on: creating or re-deriving the tables is done by
# one of them at a time (pg_advisory_xact_lock takes a bigint).
SCHEMA_LOCK = 0x1D6_2EAD
# The first of the two keys of an output folder's lock (``try_folder_lock``); the second is
# the hash of the folder's id. Two-key advisory locks never meet the one-key ones above.
FOLDER_LOCK = 0x1D6_2EAE
# The server notices a vanished client (a machine that died) after about a minute, and then
# drops its locks.
KEEPALIVES = "-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3"


def is_postgres(url: str) -> bool:
    return url.startswith(SCHEMES)


def redact_url(url: str) -> str:
    """The URL with any password replaced by ***, in the user part or the query string."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return re.sub(r"//([^:/@]*):[^@/]*@", r"//\1:***@", url)
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        if ":" in user:
            user = user.split(":", 1)[0] + ":***"
        netloc = f"{user}@{host}"
    query = re.sub(r"(?i)(^|&)(password)=[^&]*", r"\1\2=***", parts.query)
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


class PostgresStore(SqliteStore):
    """The results database on a PostgreSQL server: ``postgresql://user:pass@host/db``."""

    def __init__(
        self,
        url: str,
        aliases: Path | None = None,
        read_only: bool = False,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> None:
        try:
            import psycopg
        except ImportError as error:
            raise ConfigError(
                f"{redact_url(url)}: PostgreSQL needs psycopg 3, which is not installed",
                hint="pip install 'imgread[postgres]'") from error
        self.url = url
        self.path = redact_url(url)  # type: ignore[assignment]  # shown in stats and messages
        self.aliases = ""
        self.busy_timeout_s = busy_timeout_s
        options = f"-c lock_timeout={int(busy_timeout_s * 1000)} {KEEPALIVES}"
        if read_only:
            options += " -c default_transaction_read_only=on"
        try:
            connection = psycopg.connect(
                url, autocommit=True, options=options, cursor_factory=cursor_class(),
                connect_timeout=10,
                # Named, so that a run waiting for this one can say which it is.
                application_name=f"imgread {socket.gethostname()} pid {os.getpid()}"[:63])
        except psycopg.Error as error:
            raise StoreError(
                f"{self.path}: cannot connect to the PostgreSQL database "
                f"({_reason(error, url)})",
                hint="check the host, port, user, password and database name in --db, and "
                     "that the server accepts connections from this machine") from None
            # (not chained: the driver's error may quote the connection string)
        self.db = PgConnection(connection)  # type: ignore[assignment]
        try:
            if read_only:
                self._check_version()
                self.aliases = self._meta().get("aliases", "")
                return
            self._upgrade()
            self._settle_aliases(aliases)
        except BaseException:
            self.db.close()
            raise

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        import psycopg

        try:
            with self.db.connection.transaction():  # type: ignore[attr-defined]
                yield self.db
        except psycopg.errors.LockNotAvailable as error:
            raise StoreError(
                f"{self.path}: another writer held a lock for over {self.busy_timeout_s:g} s",
                hint="wait for the other imgread run to finish, then run the same command "
                     "again") from error
        except psycopg.errors.ReadOnlySqlTransaction as error:
            raise StoreError(f"{self.path}: the database was opened to read only",
                             hint="the reading commands never write; use imgread run or "
                                  "import to change it") from error
        except psycopg.errors.DiskFull as error:
            raise StoreError(f"{self.path}: the database server's disk is full",
                             hint="free space on the server and run the same command again; "
                                  "every record committed so far is kept") from error

    # --- schema -----------------------------------------------------------------------------

    def _meta(self) -> dict[str, str]:
        if self.db.execute("SELECT to_regclass('meta')").fetchone()[0] is None:
            return {}
        return dict(self.db.execute("SELECT key, value FROM meta").fetchall())

    def _check_version(self) -> None:
        version = int(self._meta().get("schema_version", 0))
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: the database has schema version {version}; this imgread reads "
                f"version {SCHEMA_VERSION}",
                hint="run `imgread run` on it once with this imgread to create or upgrade it"
                if version < SCHEMA_VERSION else "upgrade imgread (pip install -U imgread)")

    def _upgrade(self) -> None:
        """Create the tables once, whichever writer comes first; refuse a layout we do not
        know. (Upgrades of older PostgreSQL layouts come with the first change of layout.)"""
        if int(self._meta().get("schema_version", 0)) == SCHEMA_VERSION:
            return
        with self._transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
            version = int(self._meta().get("schema_version", 0))
            if version == SCHEMA_VERSION:
                return
            tables = {name for (name,) in self.db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
            if version or tables:
                raise StoreError(
                    f"{self.path}: not an imgread database, or one of another schema version "
                    f"({version}; tables {sorted(tables)[:8]})",
                    hint="point --db at an empty database; imgread creates its tables")
            for statement in schema_statements():
                self.db.execute(statement)
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)",
                            (str(SCHEMA_VERSION),))

    def _settle_aliases(self, aliases: Path | None) -> None:
        text = read_aliases(aliases) if aliases is not None else None
        stored = self._meta()
        self.aliases = stored.get("aliases", "") if text is None else text
        wanted = lexicon(self.aliases).fingerprint
        if stored.get("lexicon") == wanted:
            return
        with self._transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
            now = self._meta().get("lexicon")
            if now != wanted:
                # Re-derive every normalised table from the records, under the new lexicon.
                rows = self.db.execute(
                    "SELECT record_json, run_id FROM image_records JOIN images USING (sha256)"
                ).fetchall()
                for record_json, run_id in rows:
                    self._write(Record.from_json(record_json), run_id)
                for key, value in (("aliases", self.aliases), ("lexicon", wanted)):
                    self.db.execute(
                        "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                        "SET value = excluded.value", (key, value))

    # --- writes: one writer per image at a time --------------------------------------------

    def _write(self, record: Record, run_id: int | None) -> None:
        """Writers of the same image wait for each other: delete-then-insert is then an
        upsert, whichever machine writes. A transaction that writes many images (re-deriving
        them under a new lexicon) holds the schema lock first and every other one writes a
        single image, so no two writers wait for each other in a circle."""
        if record.image.sha256:
            self.db.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                            (record.image.sha256,))
        super()._write(record, run_id)

    # --- one run per output folder, across machines (locking.hold_folder_in_database) ------

    def try_folder_lock(self, folder_id: str) -> bool:
        """Take the folder's lock for this connection's lifetime, if no one holds it."""
        return bool(self.db.execute("SELECT pg_try_advisory_lock(?::integer, hashtext(?))",
                                    (FOLDER_LOCK, folder_id)).fetchone()[0])

    def folder_lock_holder(self, folder_id: str) -> str:
        """Who holds the folder's lock, for the message: " (host NAME, pid N)", or "" where
        the server does not say (another user's session)."""
        row = self.db.execute(
            "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
            " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
            " AND l.classid::bigint = ? AND l.objid::bigint = hashtext(?)::bigint & 4294967295",
            (FOLDER_LOCK, folder_id)).fetchone()
        named = re.fullmatch(r"imgread (\S+) pid (\d+)", row[0] or "") if row else None
        return f" (host {named[1]}, pid {named[2]})" if named else ""

    # --- reads that SQLite words differently ---------------------------------------------

    def named(self, name: str) -> dict[str, str]:
        tail = "/" + name.lstrip("/")
        rows = self.db.execute(
            "SELECT sha256, min(path) FROM image_paths WHERE path = ? OR right(path, ?) = ?"
            " GROUP BY sha256 ORDER BY min(path)", (name, len(tail), tail))
        return dict(rows.fetchall())

    def stream_query(self, sql: str, timeout_s: float = DEFAULT_QUERY_TIMEOUT_S,
                     ) -> Iterator[tuple[Sequence[str], list[tuple[Any, ...]]]]:
        """One statement in a read-only transaction, rows in batches as they come."""
        import psycopg

        try:
            with self.db.connection.transaction():  # type: ignore[attr-defined]
                self.db.execute("SET TRANSACTION READ ONLY")
                self.db.execute(f"SET LOCAL statement_timeout = {int(timeout_s * 1000)}")
                cursor = self.db.execute(sql)
                names = [column[0] for column in cursor.description or ()]
                while True:
                    batch = cursor.fetchmany(1000)
                    yield names, [tuple(row) for row in batch]
                    if not batch:
                        break
        except psycopg.errors.QueryCanceled as error:
            raise StoreError(f"{self.path}: the query ran for over {timeout_s:g} s and was "
                             "stopped", hint="pass --timeout SECONDS for a longer limit (0: "
                                             "none), or narrow the query") from error
        except psycopg.errors.ReadOnlySqlTransaction as error:
            raise StoreError(f"{self.path}: imgread query is read-only ({_reason(error)})",
                             hint="change data with imgread run or import") from error
        except psycopg.Error as error:
            raise StoreError(f"{self.path}: the query failed ({_reason(error)})",
                             hint="check the SQL; docs/schema.md lists the tables") from error

    def search_texts(self, text: str, limit: int) -> list[tuple[Any, ...]]:
        """(path or key, sha256, kind, model, text, snippet) for the texts with every word
        of ``text``, best first: PostgreSQL's full-text search in place of FTS5."""
        return self.db.execute(
            "SELECT coalesce(i.path, p.path, s.key), i.sha256, s.kind, s.model, s.text,"
            " ts_headline('simple', s.text, q, 'StartSel=[, StopSel=], MaxWords=16')"
            " FROM search_text s CROSS JOIN plainto_tsquery('simple', ?) q"
            " LEFT JOIN images i ON i.sha256 = s.key"
            " LEFT JOIN image_paths p ON p.path = s.key"
            " WHERE to_tsvector('simple', s.text) @@ q"
            " ORDER BY ts_rank(to_tsvector('simple', s.text), q) DESC, s.key, s.kind LIMIT ?",
            (text, limit)).fetchall()


def _reason(error: Exception, url: str = "") -> str:
    """The server's or the driver's words for an error, first line only, with the password
    taken out should the driver have quoted the connection string."""
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else type(error).__name__
    # By hand, not urlsplit: a URL malformed enough to fail here must still lose its password.
    password = re.match(r"[\w+.-]+://[^/@:]*:([^/]*)@", url)
    return text.replace(password[1], "***") if password and password[1] else text
