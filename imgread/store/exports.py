"""Exports of rows, scores, flags and descriptions as CSV, JSON lines or Parquet, streamed in
batches from a database cursor (never the whole table in memory).

Parquet files carry an explicit schema, so that an empty export is as typed as a full one,
and say in their metadata which imgread and which database schema wrote them. Lists of
sources are Parquet lists of strings; a flag's ``evidence``, whose shape varies from kind to
kind, is JSON text (the field's metadata says so: ``{"format": "json"}``).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .. import __version__
from ..errors import ConfigError

BATCH_ROWS = 2000
# Columns holding JSON: decoded in JSON lines and Parquet, JSON text in CSV.
JSON_COLUMNS = {"sources", "evidence"}
# Columns kept as JSON text in Parquet, whose shape varies from row to row.
JSON_TEXT_COLUMNS = {"evidence"}

_TYPES: dict[str, dict[str, str]] = {
    "rows": {"sha256": "string", "path": "string", "idx": "int64", "model": "string",
             "params_b": "float64", "tokens_t": "float64", "mmlu": "float64",
             "params_from_name": "bool", "row_index": "int64", "source": "string",
             "sources": "list<string>", "confidence": "float64"},
    "scores": {"sha256": "string", "path": "string", "idx": "int64", "model": "string",
               "model_normalised": "string", "benchmark": "string", "setting": "string",
               "value": "float64", "unit": "string", "source": "string",
               "sources": "list<string>", "confidence": "float64",
               "benchmark_name": "string", "setting_name": "string", "quantity": "string"},
    "flags": {"sha256": "string", "path": "string", "idx": "int64", "kind": "string",
              "severity": "string", "source": "string", "message": "string", "span": "string",
              "evidence": "json"},
    "descriptions": {"sha256": "string", "path": "string", "model": "string", "kind": "string",
                     "prompt_name": "string", "backend": "string", "endpoint": "string",
                     "text": "string", "error": "string", "latency_s": "float64",
                     "input_tokens": "int64", "output_tokens": "int64",
                     "finish_reason": "string", "imported_from": "string"},
}


def parquet_schema(what: str, schema_version: int) -> Any:
    """The Parquet schema of one export, with imgread's version in its metadata."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(),
             "bool": pa.bool_(), "list<string>": pa.list_(pa.string()), "json": pa.string()}
    fields = [pa.field(name, types[kind], metadata={"format": "json"} if kind == "json" else None)
              for name, kind in _TYPES[what].items()]
    return pa.schema(fields, metadata={"imgread_version": __version__,
                                       "schema_version": str(schema_version),
                                       "export": what})


def _items(names: list[str], cursor: sqlite3.Cursor) -> Iterator[list[dict[str, Any]]]:
    while batch := cursor.fetchmany(BATCH_ROWS):
        items = [dict(zip(names, row, strict=True)) for row in batch]
        for item in items:
            for name in JSON_COLUMNS & item.keys():
                item[name] = json.loads(item[name])
        yield items


def write_export(fmt: str, what: str, cursor: sqlite3.Cursor, out: IO[Any] | Path,
                 schema_version: int) -> int:
    """Write the cursor's rows to ``out`` (a path, or an open file: binary for Parquet);
    returns how many were written."""
    names = [column[0] for column in cursor.description]
    if fmt == "parquet":
        return _write_parquet(what, names, cursor, out, schema_version)
    if isinstance(out, Path):
        with out.open("w", newline="", encoding="utf-8") as handle:
            return _write_text(fmt, names, cursor, handle)
    return _write_text(fmt, names, cursor, out)


def _write_text(fmt: str, names: list[str], cursor: sqlite3.Cursor, out: IO[str]) -> int:
    written = 0
    writer = csv.DictWriter(out, fieldnames=names) if fmt == "csv" else None
    if writer is not None:
        writer.writeheader()
    for items in _items(names, cursor):
        for item in items:
            if writer is None:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
            else:
                writer.writerow({key: json.dumps(value) if key in JSON_COLUMNS else value
                                 for key, value in item.items()})
        written += len(items)
    return written


def _write_parquet(what: str, names: list[str], cursor: sqlite3.Cursor, out: IO[Any] | Path,
                   schema_version: int) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ConfigError(
            "export --format parquet needs pyarrow, which is not installed",
            hint="pip install 'imgread[parquet]' (or pip install pyarrow), "
                 "or export as csv or jsonl",
        ) from error
    schema = parquet_schema(what, schema_version)
    target = out if isinstance(out, Path) else getattr(out, "buffer", out)
    written = 0
    with pq.ParquetWriter(target, schema) as writer:
        for items in _items(names, cursor):
            for item in items:
                for name in JSON_TEXT_COLUMNS & item.keys():
                    item[name] = json.dumps(item[name], sort_keys=True)
            writer.write_batch(pa.RecordBatch.from_pylist(items, schema=schema))
            written += len(items)
    return written
