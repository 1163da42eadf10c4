"""The results database. SQLite by default; other engines go behind the same calls.

The full record is kept as JSON beside the queryable tables, so records can always be
rebuilt exactly from the database, and the database is the source of truth for the JSONL.
The normalised tables (documented in docs/schema.md) are derived from that JSON in the same
transaction, so they never disagree with it.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from .errors import ConfigError, ImgreadError
from .faults import kill_point
from .normalise import (
    BenchmarkName,
    lexicon,
    model_key,
    normalise_benchmark,
    read_aliases,
    sized_name,
)
from .readonly import QueryError, connect_read_only, stream_query
from .record import Description, Flag, Record, Row, Score
from .units import QUANTITY_UNITS, column_quantity, normalised_quantity
from .views import VIEWS, write_metadata
from .work import now_iso

# Bumped with every change to the layout below; _upgrade() rebuilds older files in place.
# Version 1 is the first layout (a single ``records`` table); it never set user_version.
# Version 2 had no ``readings`` table. Version 3 kept ``record_json`` in ``images``, had no
# normalised names, views or full-text search, and no endpoint or finish reason for descriptions.
# Version 4 indexed readings by (model, benchmark, setting) without the value.
SCHEMA_VERSION = 5

SCHEMA = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    config_hash TEXT,
    imgread_version TEXT,
    source TEXT,
    todo INTEGER,
    processed INTEGER,
    ok INTEGER,
    partial INTEGER,
    failed INTEGER,
    duplicates INTEGER,
    elapsed_s REAL,
    info_json TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE images (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'failed')),
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    format TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    config_hash TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    imgread_version TEXT NOT NULL,
    record_schema INTEGER NOT NULL,
    run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL
);
CREATE INDEX images_status ON images(status);
CREATE TABLE image_records (
    sha256 TEXT PRIMARY KEY REFERENCES images(sha256) ON DELETE CASCADE,
    record_json TEXT NOT NULL
);
CREATE INDEX images_path ON images(path);
CREATE TABLE image_paths (
    sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
    path TEXT NOT NULL,
    PRIMARY KEY (sha256, path)
);
CREATE INDEX image_paths_path ON image_paths(path);
CREATE TABLE ocr (
    sha256 TEXT PRIMARY KEY REFERENCES images(sha256) ON DELETE CASCADE,
    engine TEXT NOT NULL,
    version TEXT NOT NULL,
    mean_confidence REAL NOT NULL,
    scale REAL NOT NULL,
    n_words INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE ocr_words (
    sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    confidence REAL NOT NULL,
    x1 INTEGER NOT NULL, y1 INTEGER NOT NULL, x2 INTEGER NOT NULL, y2 INTEGER NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (sha256, idx)
);
CREATE TABLE tables (
    sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    n_rows INTEGER NOT NULL,
    n_cols INTEGER NOT NULL,
    method TEXT NOT NULL,
    columns_json TEXT NOT NULL,
    settings_json TEXT NOT NULL,
    x1 INTEGER NOT NULL, y1 INTEGER NOT NULL, x2 INTEGER NOT NULL, y2 INTEGER NOT NULL,
    PRIMARY KEY (sha256, idx)
);
CREATE TABLE cells (
    sha256 TEXT NOT NULL,
    table_idx INTEGER NOT NULL,
    part TEXT NOT NULL CHECK (part IN ('header', 'body')),
    row INTEGER NOT NULL,
    col INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    confidence REAL NOT NULL,
    FOREIGN KEY (sha256, table_idx) REFERENCES tables(sha256, idx) ON DELETE CASCADE
);
CREATE INDEX cells_table ON cells(sha256, table_idx);
CREATE TABLE chart_points (
    sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
    chart_idx INTEGER NOT NULL,
    chart_kind TEXT NOT NULL,
    series TEXT NOT NULL,
    x,
    y REAL,
    label TEXT,
    confidence REAL NOT NULL
);
CREATE INDEX chart_points_image ON chart_points(sha256);
CREATE TABLE descriptions (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    model TEXT NOT NULL,
    kind TEXT NOT NULL,
    prompt_name TEXT NOT NULL,
    prompt_sha256 TEXT NOT NULL,
    backend TEXT NOT NULL,
    endpoint TEXT,
    revision TEXT,
    text TEXT NOT NULL,
    error TEXT,
    latency_s REAL,
    input_tokens INTEGER,
    output_tokens INTEGER,
    finish_reason TEXT,
    imported_from TEXT,
    UNIQUE (sha256, idx)
);
CREATE INDEX descriptions_model ON descriptions(model, kind);
CREATE TABLE lenses (
    description_id INTEGER NOT NULL REFERENCES descriptions(id) ON DELETE CASCADE,
    lens TEXT NOT NULL,
    text TEXT,
    PRIMARY KEY (description_id, lens)
);
CREATE TABLE scores (
    sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    model TEXT NOT NULL,
    model_normalised TEXT NOT NULL,
    benchmark TEXT NOT NULL,
    setting TEXT,
    value REAL,
    unit TEXT NOT NULL,
    source TEXT NOT NULL,
    sources_json TEXT NOT NULL,
    confidence REAL NOT NULL,
    benchmark_name TEXT NOT NULL,
    setting_name TEXT,
    quantity TEXT,
    PRIMARY KEY (sha256, idx)
);
CREATE INDEX scores_lookup ON scores(model_normalised, benchmark, setting);
CREATE TABLE rows (
    sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    model TEXT NOT NULL,
    params_b REAL,
    tokens_t REAL,
    mmlu REAL,
    params_from_name INTEGER NOT NULL,
    row_index INTEGER,
    source TEXT NOT NULL,
    sources_json TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (sha256, idx)
);
CREATE INDEX rows_model ON rows(model);
CREATE TABLE flags (
    sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    source TEXT NOT NULL,
    message TEXT NOT NULL,
    span TEXT,
    evidence_json TEXT NOT NULL,
    PRIMARY KEY (sha256, idx)
);
CREATE INDEX flags_kind ON flags(kind);
CREATE INDEX flags_other_image ON flags(json_extract(evidence_json, '$.other_sha256'))
    WHERE kind = 'conflicts_with_other_image';
CREATE TABLE readings (
    sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
    model_key TEXT NOT NULL,
    benchmark_key TEXT NOT NULL,
    setting_key TEXT NOT NULL,
    value REAL NOT NULL,
    model TEXT NOT NULL,
    benchmark TEXT NOT NULL,
    setting TEXT,
    sources_json TEXT NOT NULL,
    model_name TEXT NOT NULL,
    benchmark_name TEXT NOT NULL,
    setting_name TEXT,
    unit TEXT NOT NULL,
    read_as_json TEXT NOT NULL,
    PRIMARY KEY (sha256, model_key, benchmark_key, setting_key, value)
);
-- With the value: an image's conflicts are two range scans of its groups, whatever their size.
CREATE INDEX readings_key ON readings(model_key, benchmark_key, setting_key, value);
CREATE TABLE errors (
    sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    stage TEXT NOT NULL,
    message TEXT NOT NULL,
    hint TEXT NOT NULL,
    PRIMARY KEY (sha256, idx)
);
CREATE TABLE imported_descriptions (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    first_seen TEXT,
    description_json TEXT NOT NULL,
    source_file TEXT NOT NULL
);
CREATE INDEX imported_key ON imported_descriptions(key);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


CONFLICT_KIND = "conflicts_with_other_image"
# A benchmark named only by its position ("column 3": the header was not read) names
# nothing that two images could share.
PLACEHOLDER_BENCHMARK = re.compile(r"(col|column)?\d*")
RUN_COUNTS = ("todo", "processed", "ok", "partial", "failed", "duplicates")
EXPORTS = ("rows", "scores", "flags", "descriptions")
EXPORT_FORMATS = ("csv", "parquet", "jsonl")

EXPORT_SQL = {
    "rows": "SELECT r.sha256, i.path, r.idx, r.model, r.params_b, r.tokens_t, r.mmlu, "
    "r.params_from_name, r.row_index, r.source, r.sources_json AS sources, r.confidence "
    "FROM rows r JOIN images i USING (sha256) ORDER BY i.path, r.idx",
    "scores": "SELECT s.sha256, i.path, s.idx, s.model, s.model_normalised, s.benchmark, "
    "s.setting, s.value, s.unit, s.source, s.sources_json AS sources, s.confidence, "
    "s.benchmark_name, s.setting_name, s.quantity "
    "FROM scores s JOIN images i USING (sha256) ORDER BY i.path, s.idx",
    "flags": "SELECT f.sha256, i.path, f.idx, f.kind, f.severity, f.source, f.message, f.span, "
    "f.evidence_json AS evidence FROM flags f JOIN images i USING (sha256) "
    "ORDER BY i.path, f.idx",
    "descriptions": "SELECT d.sha256, i.path, d.model, d.kind, d.prompt_name, d.backend, "
    "d.endpoint, d.text, d.error, d.latency_s, d.input_tokens, d.output_tokens, "
    "d.finish_reason, d.imported_from "
    "FROM descriptions d JOIN images i USING (sha256) ORDER BY i.path, d.idx",
}
# How long a write waits for another process's lock before it gives up with a message.
BUSY_TIMEOUT_S = 60.0


DIGEST_MOD = 2**256


@dataclass
class RecordedImage:
    """What a rerun needs to know of an image already recorded under its configuration."""

    imports_digest: str  # of the descriptions imported for it when it was read
    paths: set[str]  # every path it was seen at


class StoreError(ImgreadError):
    """The database cannot be opened, upgraded or queried as asked."""


def sqlite_path(url: str) -> Path:
    """Accept a plain path or sqlite:///path; refuse engines that are not built yet."""
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///") :])
    if "://" in url:
        scheme = url.split("://", 1)[0]
        from .store_pg import redact_url

        raise ConfigError(
            f"database URL {redact_url(url)!r}: the {scheme!r} engine is not supported",
            hint="use a SQLite path, sqlite:///path or postgresql://user:password@host/db",
        )
    return Path(url)


def name_key(text: str | None) -> str:
    """Compare names across images: case, spaces and punctuation do not matter."""
    return re.sub(r"[^a-z0-9.]+", "", (text or "").lower())


class SqliteStore:
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

    # --- schema versions -------------------------------------------------------------

    def _table_names(self) -> set[str]:
        rows = self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}

    def _upgrade(self) -> None:
        """Create, or upgrade in place, or refuse: never read a layout we do not know.

        Every table but ``runs`` and ``imported_descriptions`` derives from the records'
        JSON, so an upgrade keeps those three and rebuilds everything else from them.
        """
        if self.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return  # the common case takes no write lock
        with self._transaction():
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: the database has schema version {version}, written by a "
                    f"newer imgread; this one reads up to version {SCHEMA_VERSION}",
                    hint="upgrade imgread (pip install -U imgread), or use another --db file",
                )
            if version == SCHEMA_VERSION:
                return
            tables = self._table_names()
            if version == 0 and not tables:
                self._create()
            elif (version == 0 and "records" in tables) or version in (2, 3, 4):
                self._rebuild(version, tables)
            else:
                raise StoreError(
                    f"{self.path}: not an imgread database, or one of an unknown layout "
                    f"(user_version {version}, tables {sorted(tables)})",
                    hint="point --db at a new file; imgread creates it",
                )
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _settle_aliases(self, aliases: Path | None) -> None:
        """Normalise with the alias file given, else with the aliases stored in the database.
        A changed lexicon (a new file, or new built-in names) re-derives every normalised
        table from the records, so the stored names never mix two lexicons."""
        text = read_aliases(aliases) if aliases is not None else None
        stored = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        self.aliases = stored.get("aliases", "") if text is None else text
        wanted = lexicon(self.aliases).fingerprint
        if stored.get("lexicon") != wanted:
            with self._transaction():
                # Another process may have re-derived them while this one waited.
                now = self.db.execute("SELECT value FROM meta WHERE key = 'lexicon'").fetchone()
                if now is None or now[0] != wanted:
                    self._rebuild(SCHEMA_VERSION, self._table_names())
                    self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                        [("aliases", self.aliases), ("lexicon", wanted)])
        # Datasette's labels are a convenience: a database in a read-only folder still opens.
        with suppress(OSError):
            write_metadata(self.path)

    def _create(self) -> None:
        # executescript() would COMMIT the open transaction; run the statements one by one.
        for statement in (SCHEMA + VIEWS).split(";"):
            if statement.strip():
                self.db.execute(statement)

    def _rebuild(self, version: int, tables: set[str]) -> None:
        """Read what an older layout holds, drop it, and write it again in this one."""
        source = {0: "SELECT record_json, NULL FROM records",
                  2: "SELECT record_json, run_id FROM images",
                  3: "SELECT record_json, run_id FROM images",
                  }.get(version, "SELECT record_json, run_id FROM image_records JOIN images"
                                 " USING (sha256)")
        records = self.db.execute(source).fetchall()
        runs = self.db.execute(
            "SELECT id, started, finished, config_hash, imgread_version, source, elapsed_s,"
            " info_json FROM runs").fetchall() if "runs" in tables else []
        imported = self.db.execute(
            "SELECT id, key, first_seen, description_json, source_file "
            "FROM imported_descriptions").fetchall() if "imported_descriptions" in tables else []
        views = self.db.execute("SELECT name FROM sqlite_master WHERE type = 'view'").fetchall()
        for (view,) in views:
            self.db.execute(f"DROP VIEW {view}")
        # Children before parents, so that no foreign key is left dangling on the way.
        created = re.findall(r"CREATE (?:VIRTUAL )?TABLE (\w+)", SCHEMA + VIEWS)
        for name in [*reversed(created), "records"]:
            self.db.execute(f"DROP TABLE IF EXISTS {name}")
        self._create()
        for run_id, started, finished, config_hash, version_, source_, elapsed, info in runs:
            facts = json.loads(info or "{}")
            self.db.execute(
                "INSERT INTO runs (id, started, finished, config_hash, imgread_version, source,"
                " todo, processed, ok, partial, failed, duplicates, elapsed_s, info_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, started, finished, config_hash, version_, source_,
                 *(facts.get(name) for name in RUN_COUNTS), elapsed, info or "{}"),
            )
        for text, run_id in records:
            self._write(Record.from_json(text), run_id)
        self.db.executemany("INSERT INTO imported_descriptions VALUES (?, ?, ?, ?, ?)", imported)
        for _, key, _, description, _ in imported:
            self._index_imported(key, Description.model_validate_json(description))

    # --- records ---------------------------------------------------------------------

    def get(self, sha256: str) -> Record | None:
        row = self.db.execute(
            "SELECT record_json FROM image_records WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return Record.from_json(row[0]) if row else None

    def find(self, key: str) -> Record | None:
        """A record by path (any path the bytes were seen at), sha256, or unique sha prefix."""
        row = self.db.execute(
            "SELECT record_json FROM images JOIN image_records USING (sha256)"
            " WHERE path = ? OR sha256 = ? UNION ALL "
            "SELECT r.record_json FROM image_paths p JOIN image_records r USING (sha256) "
            "WHERE p.path = ? LIMIT 1",
            (key, key, key),
        ).fetchone()
        if row is None and len(key) >= 6:
            rows = self.db.execute(
                "SELECT record_json FROM image_records WHERE sha256 LIKE ?", (key + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return Record.from_json(row[0]) if row else None

    def named(self, name: str) -> dict[str, str]:
        """Images seen at a path whose file name is ``name`` (or that ends with it, for a
        name with folders): sha256 -> one such path."""
        tail = "/" + name.lstrip("/")
        rows = self.db.execute(
            "SELECT sha256, min(path) FROM image_paths WHERE path = ? OR substr(path, ?) = ?"
            " GROUP BY sha256 ORDER BY min(path)", (name, -len(tail), tail))
        return dict(rows.fetchall())

    def put(self, record: Record, run_id: int | None = None) -> None:
        """Insert or replace one record and all its normalised rows in one transaction."""
        with self._transaction():
            self._write(record, run_id)

    def _write(self, record: Record, run_id: int | None) -> None:
        sha = record.image.sha256
        if not sha:
            raise StoreError(
                f"{record.image.path or 'a record'}: no sha256, so it cannot be stored",
                hint="records come from imgread.read_image, which hashes the image",
            )
        # Deleting the image row cascades to every table that hangs off it.
        self.db.execute("DELETE FROM images WHERE sha256 = ?", (sha,))
        kill_point("mid_transaction")
        info = record.image
        self.db.execute(
            "INSERT INTO images VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (sha, info.path, info.first_seen, record.status, info.width, info.height,
             info.format, info.bytes, record.config_hash, record.processed_at,
             record.imgread_version, record.schema_version, run_id),
        )
        self.db.execute("INSERT INTO image_records VALUES (?, ?)", (sha, record.to_json()))
        # The full-text index is no foreign-key child: its rows go by hand.
        self.db.execute("DELETE FROM search_text WHERE key = ?", (sha,))
        self.db.executemany(
            "INSERT INTO search_text VALUES (?, ?, ?, ?)",
            [(sha, "ocr", record.ocr.engine, record.ocr.text)] * bool(record.ocr.text)
            + [(sha, d.kind, d.model, d.text) for d in record.descriptions if d.text])
        paths = dict.fromkeys([info.path, *info.paths])
        self.db.executemany("INSERT INTO image_paths VALUES (?, ?)",
                            [(sha, path) for path in paths if path])
        self._write_ocr(sha, record)
        self._write_descriptions(sha, record)
        names = [normalise_benchmark(s.benchmark, s.setting, self.aliases) for s in record.scores]
        self.db.executemany(
            "INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(sha, i, s.model, s.model_normalised, s.benchmark, s.setting, s.value, s.unit,
              s.source, json.dumps(s.sources), s.confidence, n.name, n.setting, n.quantity)
             for i, (s, n) in enumerate(zip(record.scores, names, strict=True))],
        )
        self.db.executemany(
            "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(sha, i, r.model, r.params_b, r.tokens_t, r.mmlu, int(r.params_from_name), r.index,
              r.source, json.dumps(r.sources), r.confidence) for i, r in enumerate(record.rows)],
        )
        self._insert_flags(sha, record.flags, start=0)
        self.db.executemany(
            "INSERT INTO readings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(sha, *key, value, f.model, f.benchmark, f.setting, json.dumps(f.sources),
              f.model_name, f.name.name, f.name.setting, f.name.unit, json.dumps(f.read_as))
             for (key, value), f in readings(record, self.aliases).items()],
        )
        self.db.executemany(
            "INSERT INTO errors VALUES (?, ?, ?, ?, ?)",
            [(sha, i, e.stage, e.message, e.hint) for i, e in enumerate(record.errors)],
        )

    def _write_ocr(self, sha: str, record: Record) -> None:
        ocr = record.ocr
        self.db.execute(
            "INSERT INTO ocr VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sha, ocr.engine, ocr.version, ocr.mean_confidence, ocr.scale, len(ocr.words),
             ocr.text),
        )
        self.db.executemany(
            "INSERT INTO ocr_words VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(sha, i, w.text, w.confidence, w.box.x1, w.box.y1, w.box.x2, w.box.y2, w.line)
             for i, w in enumerate(ocr.words)],
        )
        for t, table in enumerate(ocr.tables):
            box = table.box
            self.db.execute(
                "INSERT INTO tables VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sha, t, table.n_rows, table.n_cols, table.method, json.dumps(table.columns),
                 json.dumps(table.settings), box.x1, box.y1, box.x2, box.y2),
            )
            cells = [("header", cell) for row in table.header_rows for cell in row]
            cells += [("body", cell) for row in table.body for cell in row]
            self.db.executemany(
                "INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(sha, t, part, c.row, c.col, c.text, c.value, c.confidence)
                 for part, c in cells],
            )
        self.db.executemany(
            "INSERT INTO chart_points VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(sha, c, chart.kind, series.name, point.x, point.y, point.label, point.confidence)
             for c, chart in enumerate(record.charts)
             for series in chart.series for point in series.points],
        )

    def _write_descriptions(self, sha: str, record: Record) -> None:
        for i, d in enumerate(record.descriptions):
            cursor = self.db.execute(
                "INSERT INTO descriptions (sha256, idx, model, kind, prompt_name, prompt_sha256,"
                " backend, endpoint, revision, text, error, latency_s, input_tokens,"
                " output_tokens, finish_reason, imported_from)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sha, i, d.model, d.kind, d.prompt.name, d.prompt.sha256, d.backend, d.endpoint,
                 d.revision, d.text, d.error, d.latency_s, d.input_tokens, d.output_tokens,
                 d.finish_reason, d.imported_from),
            )
            self.db.executemany(
                "INSERT INTO lenses VALUES (?, ?, ?)",
                [(cursor.lastrowid, lens, text) for lens, text in d.lenses.items()],
            )

    def _insert_flags(self, sha: str, flags: Iterable[Flag], start: int) -> None:
        self.db.executemany(
            "INSERT INTO flags VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(sha, start + i, f.kind, f.severity, f.source, f.message, f.span,
              json.dumps(f.evidence, sort_keys=True)) for i, f in enumerate(flags)],
        )

    def records(self) -> Iterator[Record]:
        for (text,) in self.db.execute(
                "SELECT record_json FROM images JOIN image_records USING (sha256) ORDER BY path"):
            yield Record.from_json(text)

    def shas(self) -> set[str]:
        return {sha for (sha,) in self.db.execute("SELECT sha256 FROM images")}

    def record_texts(self) -> Iterator[str]:
        """Every record's JSON text exactly as stored: the lines of the JSONL."""
        for (text,) in self.db.execute(
                "SELECT record_json FROM images JOIN image_records USING (sha256) ORDER BY path"):
            yield text

    def shas_in_order_seen(self) -> list[str]:
        """Every image's sha256, the first seen first: the report's stable page order (a new
        image lands on the last page, so earlier pages keep their content)."""
        return [sha for (sha,) in self.db.execute(
            "SELECT sha256 FROM images ORDER BY first_seen, sha256")]

    def record_texts_of(self, shas: Sequence[str]) -> dict[str, str]:
        """sha256 -> stored record JSON text, for these images only."""
        if not shas:
            return {}
        marks = ",".join("?" * len(shas))
        return dict(self.db.execute(
            f"SELECT sha256, record_json FROM image_records WHERE sha256 IN ({marks})",
            tuple(shas)).fetchall())

    def plot_rows(self) -> Iterator[tuple[str, str, str, float, float]]:
        """(sha256, path, model, params_b, mmlu) of every row with both a size and MMLU."""
        yield from self.db.execute(
            "SELECT r.sha256, i.path, r.model, r.params_b, r.mmlu FROM rows r"
            " JOIN images i USING (sha256) WHERE r.params_b > 0 AND r.mmlu IS NOT NULL"
            " ORDER BY i.first_seen, r.sha256, r.idx")

    def record_digests(self) -> list[str]:
        """The sha256 of every stored record's JSON text: the JSONL holds exactly these
        lines when it agrees with the database, whatever changed in a record."""
        return [hashlib.sha256(text.encode()).hexdigest()
                for (text,) in self.db.execute("SELECT record_json FROM image_records")]

    def records_digest(self) -> tuple[int, int]:
        """The count and the sum (mod 2**256) of the sha256 of every stored record's JSON
        text: equal to the JSONL's when it holds exactly these lines, in any order. Streamed,
        so that checking the JSONL costs no memory however many records there are."""
        count = total = 0
        for (text,) in self.db.execute("SELECT record_json FROM image_records"):
            count += 1
            total = (total + int.from_bytes(hashlib.sha256(text.encode()).digest())) % DIGEST_MOD
        return count, total

    def aliases_fingerprint(self) -> str:
        """Which names the normalised tables were derived with (the report shows them)."""
        return lexicon(self.aliases).fingerprint

    def recorded(self, shas: Sequence[str], config_hash: str) -> dict[str, RecordedImage]:
        """Of these images, those recorded under ``config_hash``: one query on the images'
        primary key, reading no record into Python (a rerun's "already recorded" check)."""
        if not shas:
            return {}
        marks = ",".join("?" * len(shas))
        rows = self.db.execute(
            "SELECT i.sha256, json_extract(r.record_json, '$.stage_hashes.imports'),"
            " (SELECT json_group_array(p.path) FROM image_paths p WHERE p.sha256 = i.sha256)"
            " FROM images i JOIN image_records r USING (sha256)"
            f" WHERE i.sha256 IN ({marks}) AND i.config_hash = ?", (*shas, config_hash))
        return {sha: RecordedImage(imports or "", set(json.loads(paths)))
                for sha, imports, paths in rows}

    def previous(self, sha256: str) -> tuple[str, str | None, int | None] | None:
        """An image's stored record as JSON text (not parsed: it goes to a worker), its
        first-seen time and the run that wrote it; None when it has no record."""
        row = self.db.execute(
            "SELECT r.record_json, json_extract(r.record_json, '$.image.first_seen'), i.run_id"
            " FROM image_records r JOIN images i USING (sha256) WHERE sha256 = ?",
            (sha256,)).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    def processed_stamps(self) -> dict[str, str]:
        """sha256 -> processed_at for every record: enough to check the JSONL against."""
        return dict(self.db.execute("SELECT sha256, processed_at FROM images").fetchall())

    # --- descriptions imported from elsewhere ------------------------------------------

    def add_imported(
        self, key: str, description: Description, first_seen: str | None, source_file: str
    ) -> None:
        self.add_imported_many([(key, description, first_seen, source_file)])

    def add_imported_many(
        self, entries: Sequence[tuple[str, Description, str | None, str]]
    ) -> list[bool]:
        """Store imported descriptions in one transaction, all or none; one already stored
        under the same key is not stored again (importing a file twice changes nothing).
        Returns, per entry, whether it was new."""
        added: list[bool] = []
        with self._transaction():
            for key, description, first_seen, source_file in entries:
                text = description.model_dump_json()
                if self.db.execute(
                    "SELECT 1 FROM imported_descriptions WHERE key = ? AND description_json = ?",
                    (key, text),
                ).fetchone():
                    added.append(False)
                    continue
                self.db.execute(
                    "INSERT INTO imported_descriptions (key, first_seen, description_json,"
                    " source_file) VALUES (?, ?, ?, ?)",
                    (key, first_seen, text, source_file),
                )
                self._index_imported(key, description)
                added.append(True)
        return added

    def _index_imported(self, key: str, description: Description) -> None:
        """Imported text is searchable before any run attaches it to its image."""
        if description.text:
            self.db.execute("INSERT INTO search_text VALUES (?, ?, ?, ?)",
                            (key, f"imported {description.kind}", description.model,
                             description.text))

    def imported_for(self, keys: list[str]) -> tuple[list[Description], str | None]:
        """Descriptions imported for any of ``keys`` (paths, sha256); the earliest first-seen."""
        if not keys:
            return [], None
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT description_json, first_seen FROM imported_descriptions "
            f"WHERE key IN ({marks}) ORDER BY id",
            keys,
        ).fetchall()
        descriptions = [Description.model_validate(json.loads(text)) for text, _ in rows]
        seen = sorted(first for _, first in rows if first)
        return descriptions, (seen[0] if seen else None)

    # --- runs ------------------------------------------------------------------------

    def start_run(self, info: dict[str, Any]) -> int:
        """Open a run row. ``info`` may carry started (default now), config_hash,
        imgread_version, source (the folder), todo (images to process) and any other facts,
        all of which are kept in info_json."""
        with self._transaction():
            cursor = self.db.execute(
                "INSERT INTO runs (started, config_hash, imgread_version, source, todo,"
                " info_json) VALUES (?, ?, ?, ?, ?, ?)",
                (info.get("started") or now_iso(), info.get("config_hash"),
                 info.get("imgread_version"), _text(info.get("source")), info.get("todo"),
                 json.dumps(info, default=str, sort_keys=True)),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_run(self, run_id: int, info: dict[str, Any]) -> None:
        """Close a run: finished (default now), the counts RUN_COUNTS, elapsed_s (measured
        from ``started`` when not given) and any other facts (merged into info_json)."""
        row = self.db.execute("SELECT started, info_json FROM runs WHERE id = ?",
                              (run_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no run {run_id} to finish",
                             hint="finish_run takes the id start_run returned")
        finished = info.get("finished") or now_iso()
        elapsed = info.get("elapsed_s")
        if elapsed is None:
            elapsed = (datetime.fromisoformat(finished)
                       - datetime.fromisoformat(row[0])).total_seconds()
        merged = {**json.loads(row[1]), **info}
        counts = [info.get(name) for name in RUN_COUNTS]
        with self._transaction():
            self.db.execute(
                "UPDATE runs SET finished = ?, todo = coalesce(?, todo), processed = ?, ok = ?,"
                " partial = ?, failed = ?, duplicates = ?, elapsed_s = ?, info_json = ?"
                " WHERE id = ?",
                (finished, *counts, elapsed, json.dumps(merged, default=str, sort_keys=True),
                 run_id),
            )

    def runs(self) -> list[dict[str, Any]]:
        """Every run, newest first, with its throughput in images per second."""
        cursor = self.db.execute(
            "SELECT id, started, finished, config_hash, imgread_version, source, todo, processed,"
            " ok, partial, failed, duplicates, elapsed_s FROM runs ORDER BY id DESC"
        )
        names = [column[0] for column in cursor.description]
        runs = [dict(zip(names, row, strict=True)) for row in cursor]
        for run in runs:
            done, elapsed = run["processed"], run["elapsed_s"]
            run["images_per_s"] = round(done / elapsed, 3) if done and elapsed else None
        return runs

    # --- reading for people --------------------------------------------------------------

    def query(self, sql: str, timeout_s: float = 0) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one SQL statement on a read-only connection: column names and rows
        (``imgread query`` streams them instead: ``readonly.stream_query``)."""
        names: list[str] = []
        rows: list[tuple[Any, ...]] = []
        try:
            for names_, batch in stream_query(self.path, sql, timeout_s):
                names = list(names_)
                rows += batch
        except QueryError as error:
            raise StoreError(str(error), hint=error.hint) from error
        return names, rows

    def export(self, fmt: str, what: str, out: IO[Any] | Path) -> int:
        """Write rows, scores, flags or descriptions as csv, parquet or jsonl; returns the
        number of rows written. ``out`` is a path or an open file (binary for parquet)."""
        if what not in EXPORTS or fmt not in EXPORT_FORMATS:
            raise ConfigError(
                f"export {fmt!r} of {what!r} is not possible",
                hint=f"formats: {', '.join(EXPORT_FORMATS)}; what: {', '.join(EXPORTS)}",
            )
        from .exports import write_export

        return write_export(fmt, what, self.db.execute(EXPORT_SQL[what]), out, SCHEMA_VERSION)

    def stats(self) -> dict[str, Any]:
        """A summary for people: counts by status, flag kind, model, stage error."""

        def counts(sql: str) -> dict[str, int]:
            return {str(key): n for key, n in self.db.execute(sql)}

        descriptions: dict[str, dict[str, int]] = {}
        for model, kind, n in self.db.execute(
            "SELECT model, kind, count(*) FROM descriptions GROUP BY model, kind ORDER BY model"
        ):
            descriptions.setdefault(model, {})[kind] = n

        def one(sql: str) -> int:
            return int(self.db.execute(sql).fetchone()[0])

        runs = self.runs()
        return {
            "database": str(self.path),
            "schema_version": SCHEMA_VERSION,
            "images": one("SELECT count(*) FROM images"),
            "by_status": counts("SELECT status, count(*) FROM images GROUP BY status"),
            "flags_by_kind": counts(
                "SELECT kind, count(*) FROM flags GROUP BY kind ORDER BY count(*) DESC"),
            "images_with_flags": one("SELECT count(DISTINCT sha256) FROM flags"),
            "descriptions_by_model": descriptions,
            "rows": one("SELECT count(*) FROM rows"),
            "scores": one("SELECT count(*) FROM scores"),
            # Normalised names ("mmlu" and "MMLU (5-shot)" are MMLU); sizes and token
            # counts are row fields, not benchmarks.
            "scores_by_benchmark": counts(
                "SELECT benchmark_name, count(*) FROM scores WHERE quantity IS NULL "
                "GROUP BY benchmark_name ORDER BY count(*) DESC, benchmark_name"),
            "models_read": one("SELECT count(DISTINCT model) FROM rows WHERE model != ''"),
            "errors_by_stage": counts("SELECT stage, count(*) FROM errors GROUP BY stage"),
            "imported_descriptions": one("SELECT count(*) FROM imported_descriptions"),
            "conflicts": len(self.conflicts()),
            "runs": len(runs),
            "last_run": runs[0] if runs else None,
        }

    # --- conflicts between images -----------------------------------------------------------

    def conflicts(self, tolerance: float = 0.051,
                  include_ocr_errors: bool = False) -> list[dict[str, Any]]:
        """Pairs of images that read the same model, benchmark and setting differently,
        sizes and token counts compared in billions and trillions. A pair where one OCR
        reading is the other value with its decimal point lost (``likely_ocr_error``) is a
        misreading, not a conflict: listed only with ``include_ocr_errors``."""
        return [conflict for conflict in self._conflicts(None, tolerance)
                if include_ocr_errors or conflict["likely_ocr_error"] is None]

    def _conflicts(self, sha256: str | None, tolerance: float) -> list[dict[str, Any]]:
        """Every differing pair, or only those involving ``sha256``, likely OCR errors included.

        Both are queries over the (model, benchmark, setting, value) index of ``readings``:
        values are compared once per distinct value, not once per image, and one image's
        conflicts are two range scans of its groups (values above and below its own), so
        agreeing images cost nothing however many there are."""
        side = "model, benchmark, setting, sha256, path, value, sources_json, benchmark_key"
        columns = (", ".join("a." + c for c in side.split(", ")) + ", "
                   + ", ".join("b." + c for c in side.split(", ")))
        sides = "(readings JOIN images USING (sha256))"
        if sha256:
            cursor = self.db.execute(
                f"SELECT {columns} FROM {sides} a JOIN {sides} b"
                " ON a.model_key = b.model_key AND a.benchmark_key = b.benchmark_key"
                " AND a.setting_key = b.setting_key"
                " AND (b.value > a.value + ? OR b.value < a.value - ?)"
                " AND a.sha256 != b.sha256 WHERE a.sha256 = ?",
                (tolerance, tolerance, sha256))
        else:
            cursor = self.db.execute(
                "WITH v AS (SELECT DISTINCT model_key, benchmark_key, setting_key, value"
                " FROM readings),"
                " p AS (SELECT low.model_key AS mk, low.benchmark_key AS bk,"
                " low.setting_key AS sk, low.value AS va, high.value AS vb FROM v low JOIN v high"
                " ON low.model_key = high.model_key AND low.benchmark_key = high.benchmark_key"
                " AND low.setting_key = high.setting_key AND high.value > low.value + ?)"
                f" SELECT {columns} FROM p JOIN {sides} a ON a.model_key = p.mk"
                " AND a.benchmark_key = p.bk AND a.setting_key = p.sk AND a.value = p.va"
                f" JOIN {sides} b ON b.model_key = p.mk AND b.benchmark_key = p.bk"
                " AND b.setting_key = p.sk AND b.value = p.vb AND b.sha256 != a.sha256",
                (tolerance,))
        conflicts = [_pair(*sorted((row[:8], row[8:]), key=lambda side: side[3]))
                     for row in cursor]
        return sorted(conflicts, key=lambda c: (name_key(c["model"]), name_key(c["benchmark"]),
                                                name_key(c["setting"]), c["path_a"], c["path_b"],
                                                c["value_a"], c["value_b"]))

    def conflict_flags(self, sha256: str, tolerance: float = 0.051) -> list[Flag]:
        """The ``conflicts_with_other_image`` flags this image has now, from the query: a
        run stores none in the records (adding an image never rewrites another); the report
        and ``imgread conflicts`` ask the database when they show them."""
        return _unique(self._wanted_flags(sha256, tolerance).get(sha256, []))

    def all_conflict_flags(self, conflicts: list[dict[str, Any]] | None = None,
                           tolerance: float = 0.051) -> dict[str, list[Flag]]:
        """``conflict_flags`` of every image that has any, from one query (the report's), or
        from ``conflicts`` (all of them, ``conflicts(include_ocr_errors=True)``) when the
        caller has them already."""
        pairs = self._conflicts("", tolerance) if conflicts is None else conflicts
        return {sha: _unique(flags) for sha, flags in _flags_of(pairs).items()}

    def _wanted_flags(self, sha256: str, tolerance: float) -> dict[str, list[Flag]]:
        return _flags_of(self._conflicts(sha256, tolerance))

    def flag_conflicts(self, sha256: str, tolerance: float = 0.051) -> list[str]:
        """Bring the conflicts_with_other_image flags of this image, and of the images it
        conflicts with, up to date in the stored records; returns the sha256 of every record
        that changed. A run no longer calls this (its cost grows with the images that
        conflict): ``conflict_flags`` reads the same flags from the query instead."""
        wanted = self._wanted_flags(sha256, tolerance)
        # Images that had a flag about this one, which the new reading no longer supports.
        # The literal kind and expression let SQLite use the flags_other_image index.
        stale = {sha for (sha,) in self.db.execute(
            f"SELECT DISTINCT sha256 FROM flags WHERE kind = '{CONFLICT_KIND}' AND "
            "json_extract(evidence_json, '$.other_sha256') = ?", (sha256,))}
        touched = []
        with self._transaction():
            for sha in sorted({sha256, *wanted, *stale}):
                if self._sync_conflict_flags(sha, sha256, wanted.get(sha, [])):
                    touched.append(sha)
        return touched

    def _sync_conflict_flags(self, sha: str, about: str, flags: list[Flag]) -> bool:
        """Replace the flags of ``sha`` that involve image ``about`` with ``flags``."""
        row = self.db.execute("SELECT record_json FROM image_records WHERE sha256 = ?",
                              (sha,)).fetchone()
        if row is None:
            return False
        record = Record.from_json(row[0])

        def involves(flag: Flag) -> bool:
            return flag.kind == CONFLICT_KIND and (
                sha == about or flag.evidence.get("other_sha256") == about)

        kept = [flag for flag in record.flags if not involves(flag)]
        new = kept + [flag for flag in _unique(flags) if flag not in kept]
        if new == record.flags:
            return False
        record.flags = new
        self.db.execute("UPDATE image_records SET record_json = ? WHERE sha256 = ?",
                        (record.to_json(), sha))
        self.db.execute("DELETE FROM flags WHERE sha256 = ?", (sha,))
        self._insert_flags(sha, new, start=0)
        return True


Reading = tuple[tuple[str, str, str], float]


@dataclass
class ReadingFacts:
    """A reading's names as printed, their normalised forms, and who read it.
    ``read_as`` names the kinds of evidence for people: "OCR table", "chart label",
    "measured bar", "VLM"."""

    model: str
    benchmark: str
    setting: str | None
    sources: list[str]
    name: BenchmarkName
    read_as: list[str]
    model_name: str  # with the size read beside it, where the name states none


def readings(record: Record, aliases: str = "") -> dict[Reading, ReadingFacts]:
    """What a record reads, for comparing images: (model, benchmark, setting) keys and values,
    normalised by ``imgread.normalise`` (``aliases``: a user's alias text), each with the names
    as printed and the sources. A row's MMLU counts only where the record
    has no MMLU score for that model: the reconciler usually writes both, and the score
    also knows the setting. A row's size and training tokens count the same way.

    A column of sizes or training tokens ("Params (B)", "Tokens") is compared as its
    quantity, after its unit: the key is "params" or "tokens" whatever the header says, and
    the value is in billions or trillions (see ``compared_value``), so that "1,000B" in one
    image and "1.0" under "Tokens (T)" in another are one reading, not 1000 against 1."""
    found: dict[Reading, ReadingFacts] = {}

    def add(model: str, size: float | None, benchmark: str, setting: str | None,
            value: float | None, sources: list[str], read_as: str) -> None:
        name = normalise_benchmark(benchmark, setting, aliases)
        sized = sized_name(model, size)
        key = (model_key(sized), name.key, name.setting_key)
        if value is None or not key[0] or PLACEHOLDER_BENCHMARK.fullmatch(key[1]):
            return
        facts = found.setdefault((key, float(value)),
                                 ReadingFacts(model, benchmark, setting, [], name, [], sized))
        facts.sources += [source for source in sources if source not in facts.sources]
        if read_as not in facts.read_as:
            facts.read_as.append(read_as)

    # Sizes read beside a model (a size column, a chart's size axis), by where they were
    # read: a model named without its size is named with it (``sized_name``).
    sized = [row for row in record.rows if row.params_b and not row.params_from_name]
    sizes = {_position(row): row.params_b for row in sized if _position(row)}
    # Where positions do not match (a table read across), a row's own MMLU finds its score.
    by_value = Counter((model_key(row.model), row.mmlu) for row in sized)
    sizes |= {(model_key(row.model), row.mmlu): row.params_b for row in sized
              if by_value[(model_key(row.model), row.mmlu)] == 1}
    for score in record.scores:
        quantity = column_quantity(score.benchmark)
        size = sizes.get(_position(score)) or sizes.get((model_key(score.model), score.value))
        # On a scaling chart the x of a point is the size, now in the name, not a setting.
        setting = None if size and score.setting == f"x={size:g}" else score.setting
        add(score.model or score.model_normalised, size, score.benchmark, setting,
            compared_value(score, quantity), score.sources, _read_as(score))
    scored = {model for (model, benchmark, _), _ in found if benchmark == "mmlu"}
    quantities = {(model, benchmark) for (model, benchmark, _), _ in found}
    for row in record.rows:
        read_as = _read_as(row)
        size = None if row.params_from_name else row.params_b
        key = model_key(sized_name(row.model, size))
        if key not in scored:
            add(row.model, size, "MMLU", None, row.mmlu, row.sources, read_as)
        # Rows carry sizes and tokens already in billions and trillions; a size taken from
        # the model's name is the name, not a reading.
        if not row.params_from_name and (key, "params") not in quantities:
            add(row.model, size, "params", None, row.params_b, row.sources, read_as)
        if (key, "tokens") not in quantities:
            add(row.model, size, "tokens", None, row.tokens_t, row.sources, read_as)
    return found


def _position(item: Score | Row) -> tuple[Any, ...] | None:
    """Where a score or row was read: a table's body row, or a chart's point."""
    evidence = item.evidence
    if "table" in evidence and "row" in evidence:
        return ("table", evidence["table"], evidence["row"])
    if "px" in evidence and "py" in evidence:
        return ("point", evidence["px"], evidence["py"])
    return None


def _read_as(item: Score | Row) -> str:
    """The kind of evidence behind a score or row, as people name it."""
    if item.source == "chart":
        kind = next((s.split(":", 1)[1] for s in item.sources if s.startswith("chart:")), "")
        return "chart label" if item.evidence.get("label") else f"measured {kind or 'chart'}"
    return {"ocr": "OCR table", "vlm": "VLM", "both": "OCR table and VLM"}.get(item.source,
                                                                             item.source)


def compared_value(score: Score, quantity: str | None) -> float | None:
    """The value a score is compared with other images in: as read for a benchmark; for a
    size or tokens column, in billions or trillions read from the printed text and the
    header's unit. A size or token count whose unit is nowhere printed is compared only
    where it is plausible in billions or trillions (``units.PLAUSIBLE``); otherwise it is
    left out: a missed comparison costs less than a conflict that is only a unit."""
    if quantity is None:
        return score.value
    text = score.evidence.get("text")
    return normalised_quantity(quantity, score.value, text if isinstance(text, str) else None,
                               score.benchmark, score.unit)


def lost_decimal(read: float, other: float) -> bool:
    """Whether ``read`` is ``other`` with its decimal point lost, as OCR drops it: 675 for
    67.5, 666 for 66.6, 1234 for 12.34. ``other`` must print decimals and ``read`` none,
    so 70 against 7 (two sizes) is not one."""
    if read != int(read) or other == int(other) or read <= 0 or other <= 0:
        return False
    for places in (1, 2):
        if round(other, places) == other and round(other * 10**places) == read:
            return True
    return False


def _read_by_ocr(sources: list[str]) -> bool:
    """OCR read it (or nothing says who did): the reader that loses decimal points."""
    return not sources or any(source.startswith("ocr") for source in sources)


def _pair(first: tuple[Any, ...], second: tuple[Any, ...]) -> dict[str, Any]:
    """One conflict: the names as printed in the first image, then each side's facts.

    ``quantity`` is "params" or "tokens" where the values are sizes in billions or token
    counts in trillions, else None. ``likely_ocr_error`` names the side whose OCR reading is
    the other's value with its decimal point lost ("a" or "b"), else None: such a pair is a
    misreading of one image, not two images that disagree."""
    pair = {"model": first[0], "benchmark": first[1], "setting": first[2]}
    for label, (_, _, _, sha, path, value, sources, _) in (("a", first), ("b", second)):
        pair |= {f"sha256_{label}": sha, f"path_{label}": path, f"value_{label}": value,
                 f"sources_{label}": json.loads(sources)}
    quantity = first[7]
    pair["quantity"] = quantity if quantity in QUANTITY_UNITS else None
    pair["likely_ocr_error"] = None
    for side, other in (("a", "b"), ("b", "a")):
        if lost_decimal(pair[f"value_{side}"], pair[f"value_{other}"]) and _read_by_ocr(
                pair[f"sources_{side}"]):
            pair["likely_ocr_error"] = side
    return pair


def _conflict_flag(conflict: dict[str, Any], side: str, other: str) -> Flag:
    setting = f" ({conflict['setting']})" if conflict["setting"] else ""
    what = f"{conflict['model']} {conflict['benchmark']}{setting}"
    unit = QUANTITY_UNITS.get(conflict["quantity"] or "", "")
    here, there = conflict[f"value_{side}"], conflict[f"value_{other}"]
    evidence = {
        "model": conflict["model"], "benchmark": conflict["benchmark"],
        "setting": conflict["setting"],
        "value": here, "sources": conflict[f"sources_{side}"],
        "other_sha256": conflict[f"sha256_{other}"], "other_path": conflict[f"path_{other}"],
        "other_value": there,
        "other_sources": conflict[f"sources_{other}"],
    }
    if unit:
        evidence["unit"] = unit
    if conflict["likely_ocr_error"] == side:
        evidence["likely_ocr_error"] = "lost_decimal"
        return Flag(
            kind=CONFLICT_KIND, severity="info", source="store", span=what,
            message=(f"{what} reads {here:g}{unit} here but {there:g}{unit} in "
                     f"{conflict[f'path_{other}']}: likely {there:g} with its decimal point "
                     "lost by OCR in this image, not a disagreement between the images"),
            evidence=evidence,
        )
    return Flag(
        kind=CONFLICT_KIND,
        severity="warning",
        source="store",
        message=f"{what} reads {here:g}{unit} here but {there:g}{unit} in "
                f"{conflict[f'path_{other}']}",
        span=what,
        evidence=evidence,
    )


def _flags_of(conflicts: Iterable[dict[str, Any]]) -> dict[str, list[Flag]]:
    """The conflict flags each image gets from these pairs."""
    wanted: dict[str, list[Flag]] = {}
    for conflict in conflicts:
        misread = conflict["likely_ocr_error"]
        for side, other in (("a", "b"), ("b", "a")):
            # A lost decimal point is flagged (as info) on the image that lost it only.
            if misread in (None, side):
                wanted.setdefault(conflict[f"sha256_{side}"], []).append(
                    _conflict_flag(conflict, side, other))
    return wanted


def _unique(flags: list[Flag]) -> list[Flag]:
    """The flags without repeats, in order (compared by their JSON: an image with hundreds
    of conflicts costs hundreds of comparisons, not their square)."""
    unique: dict[str, Flag] = {}
    for flag in flags:
        unique.setdefault(flag.model_dump_json(), flag)
    return list(unique.values())


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def open_store(
    url: str,
    aliases: Path | None = None,
    read_only: bool = False,
    busy_timeout_s: float = BUSY_TIMEOUT_S,
) -> SqliteStore:
    """The results database at ``url``: a SQLite path or sqlite:///path, or a PostgreSQL
    server (postgresql://user:password@host/db, imgread/store_pg.py)."""
    from .store_pg import PostgresStore, is_postgres

    if is_postgres(url):
        return PostgresStore(url, aliases, read_only=read_only, busy_timeout_s=busy_timeout_s)
    return SqliteStore(sqlite_path(url), aliases, read_only=read_only,
                       busy_timeout_s=busy_timeout_s)
