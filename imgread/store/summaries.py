"""What people ask of the results database as a whole: one SQL statement, an export of a
table, and a summary of everything in it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError
from .conflict_queries import ConflictQueries
from .readonly import DEFAULT_QUERY_TIMEOUT_S, stream_query
from .runs import RunLog
from .schema import SCHEMA_VERSION

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


class Summaries(RunLog, ConflictQueries):
    """Reads for people; the summary counts the runs and the conflicts, so it has both."""

    def stream_query(self, sql: str, timeout_s: float = DEFAULT_QUERY_TIMEOUT_S,
                     ) -> Iterator[tuple[Sequence[str], list[tuple[Any, ...]]]]:
        """Run one SQL statement read-only; yield (column names, a batch of rows) as rows
        come (``imgread query``), stopped after ``timeout_s`` seconds (0: no limit) with a
        StoreError. SQLite runs it on a connection of its own that cannot write
        (``readonly.stream_query``); PostgreSQL in a read-only transaction."""
        return stream_query(self.path, sql, timeout_s)

    def query(self, sql: str, timeout_s: float = 0) -> tuple[list[str], list[tuple[Any, ...]]]:
        """``stream_query``'s column names and all its rows at once."""
        names: list[str] = []
        rows: list[tuple[Any, ...]] = []
        for names_, batch in self.stream_query(sql, timeout_s):
            names = list(names_)
            rows += batch
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

