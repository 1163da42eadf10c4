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
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from .conflicts import readings
from .errors import ConfigError, ImgreadError
from .faults import kill_point
from .normalise import (
    lexicon,
    normalise_benchmark,
    read_aliases,
)
from .readonly import QueryError, connect_read_only, stream_query
from .record import Description, Flag, Record
from .schema import SCHEMA, SCHEMA_VERSION
from .store_conflicts import ConflictQueries
from .views import VIEWS, write_metadata
from .work import now_iso

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


class SqliteStore(ConflictQueries):
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
