"""Conflicts between images, asked of the results database: pairs of images that read the
same model, benchmark and setting differently, and the flags that say so.

A mixin of the stores rather than functions, because every store (SQLite, PostgreSQL) runs
the same queries on its own connection. The flags are computed when asked for, never stored
in the records: adding an image never rewrites another.
"""

from __future__ import annotations

import re
from typing import Any

from ..conflicts import conflict_pair, flags_by_image, unique_flags
from ..record import Flag
from .base import Connected


def name_key(text: str | None) -> str:
    """Compare names across images: case, spaces and punctuation do not matter."""
    return re.sub(r"[^a-z0-9.]+", "", (text or "").lower())


class ConflictQueries(Connected):
    """The conflict queries of a store, on its connection ``db``."""

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
        conflicts = [conflict_pair(*sorted((row[:8], row[8:]), key=lambda side: side[3]))
                     for row in cursor]
        return sorted(conflicts, key=lambda c: (name_key(c["model"]), name_key(c["benchmark"]),
                                                name_key(c["setting"]), c["path_a"], c["path_b"],
                                                c["value_a"], c["value_b"]))

    def conflict_flags(self, sha256: str, tolerance: float = 0.051) -> list[Flag]:
        """The ``conflicts_with_other_image`` flags this image has now, from the query: a
        run stores none in the records (adding an image never rewrites another); the report
        and ``imgread conflicts`` ask the database when they show them."""
        return unique_flags(flags_by_image(self._conflicts(sha256, tolerance)).get(sha256, []))

    def all_conflict_flags(self, conflicts: list[dict[str, Any]] | None = None,
                           tolerance: float = 0.051) -> dict[str, list[Flag]]:
        """``conflict_flags`` of every image that has any, from one query (the report's), or
        from ``conflicts`` (all of them, ``conflicts(include_ocr_errors=True)``) when the
        caller has them already."""
        pairs = self._conflicts("", tolerance) if conflicts is None else conflicts
        return {sha: unique_flags(flags) for sha, flags in flags_by_image(pairs).items()}
