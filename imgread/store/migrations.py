"""The SQLite file's layout over time: create it, upgrade an older one in place, or refuse
one we do not know; and re-derive the normalised tables when the names change.
(PostgreSQL's layout is settled in ``postgres.py``.)"""

from __future__ import annotations

import json
import re
from contextlib import suppress
from pathlib import Path

from ..normalise import lexicon, read_aliases
from ..record import Description, Record
from .base import Connected, StoreError
from .imports import index_imported
from .rows import write_record
from .runs import RUN_COUNTS
from .schema import SCHEMA, SCHEMA_VERSION
from .views import VIEWS, write_metadata


class SqliteMigrations(Connected):
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
            write_record(self.db, Record.from_json(text), run_id, self.aliases)
        self.db.executemany("INSERT INTO imported_descriptions VALUES (?, ?, ?, ?, ?)", imported)
        for _, key, _, description, _ in imported:
            index_imported(self.db, key, Description.model_validate_json(description))
