"""The results database: one interface on two engines, SQLite (one file, the default) and
PostgreSQL (several machines writing at once). ``open_store`` picks the engine by URL.

``sqlite.py`` and ``postgres.py`` are the engines (``postgres_sql.py``: SQLite's SQL as
PostgreSQL runs it). The calls they share are grouped by what they are for: ``rows.py`` (a
record as the normalised tables' rows), ``migrations.py`` (the SQLite layout over time),
``reads.py`` (records as stored), ``imports.py`` (descriptions imported from elsewhere),
``runs.py``, ``summaries.py`` (query, export, stats) and ``conflict_queries.py``.
``schema.py`` and ``views.py`` hold the tables' and views' SQL, ``readonly.py`` the
read-only connection of ``imgread query``, ``exports.py`` the files ``imgread export``
writes.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from .base import BUSY_TIMEOUT_S, StoreError
from .postgres import PostgresStore, is_postgres, redact_url
from .reads import DIGEST_MOD, RecordedImage
from .schema import SCHEMA_VERSION
from .sqlite import SqliteStore

__all__ = ["BUSY_TIMEOUT_S", "DIGEST_MOD", "SCHEMA_VERSION", "RecordedImage", "SqliteStore",
           "StoreError", "open_store", "sqlite_path"]


def sqlite_path(url: str) -> Path:
    """Accept a plain path or sqlite:///path; refuse engines that are not built yet."""
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///") :])
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise ConfigError(
            f"database URL {redact_url(url)!r}: the {scheme!r} engine is not supported",
            hint="use a SQLite path, sqlite:///path or postgresql://user:password@host/db",
        )
    return Path(url)


def open_store(
    url: str,
    aliases: Path | None = None,
    read_only: bool = False,
    busy_timeout_s: float = BUSY_TIMEOUT_S,
) -> SqliteStore:
    """The results database at ``url``: a SQLite path or sqlite:///path, or a PostgreSQL
    server (postgresql://user:password@host/db, ``postgres.py``)."""
    if is_postgres(url):
        return PostgresStore(url, aliases, read_only=read_only, busy_timeout_s=busy_timeout_s)
    return SqliteStore(sqlite_path(url), aliases, read_only=read_only,
                       busy_timeout_s=busy_timeout_s)
