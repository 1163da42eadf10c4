"""Records as stored, and what a rerun, the JSONL check and the report ask of them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..normalise import lexicon
from ..record import Record
from .base import Connected

# records_digest sums the records' sha256 modulo this, so the JSONL's lines can be summed
# the same way in any order.
DIGEST_MOD = 2**256


@dataclass
class RecordedImage:
    """What a rerun needs to know of an image already recorded under its configuration."""

    imports_digest: str  # of the descriptions imported for it when it was read
    paths: set[str]  # every path it was seen at


class RecordReads(Connected):
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

    def records(self) -> Iterator[Record]:
        for text in self.record_texts():
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
