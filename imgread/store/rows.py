"""A record as the rows of the normalised tables (docs/schema.md): written from the record's
JSON in the same transaction as that JSON, so the two never disagree."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..conflicts import readings
from ..faults import kill_point
from ..normalise import normalise_benchmark
from ..record import Flag, Record
from .base import StoreError


def write_record(db: Any, record: Record, run_id: int | None, aliases: str) -> None:
    """Replace the image's record and every row derived from it (``aliases``: the benchmark
    alias text the names are normalised with). The caller holds the transaction."""
    sha = record.image.sha256
    if not sha:
        raise StoreError(
            f"{record.image.path or 'a record'}: no sha256, so it cannot be stored",
            hint="records come from imgread.read_image, which hashes the image",
        )
    # Deleting the image row cascades to every table that hangs off it.
    db.execute("DELETE FROM images WHERE sha256 = ?", (sha,))
    kill_point("mid_transaction")
    info = record.image
    db.execute(
        "INSERT INTO images VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (sha, info.path, info.first_seen, record.status, info.width, info.height,
         info.format, info.bytes, record.config_hash, record.processed_at,
         record.imgread_version, record.schema_version, run_id),
    )
    db.execute("INSERT INTO image_records VALUES (?, ?)", (sha, record.to_json()))
    # The full-text index is no foreign-key child: its rows go by hand.
    db.execute("DELETE FROM search_text WHERE key = ?", (sha,))
    db.executemany(
        "INSERT INTO search_text VALUES (?, ?, ?, ?)",
        [(sha, "ocr", record.ocr.engine, record.ocr.text)] * bool(record.ocr.text)
        + [(sha, d.kind, d.model, d.text) for d in record.descriptions if d.text])
    paths = dict.fromkeys([info.path, *info.paths])
    db.executemany("INSERT INTO image_paths VALUES (?, ?)",
                   [(sha, path) for path in paths if path])
    _write_ocr(db, sha, record)
    _write_descriptions(db, sha, record)
    names = [normalise_benchmark(s.benchmark, s.setting, aliases) for s in record.scores]
    db.executemany(
        "INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(sha, i, s.model, s.model_normalised, s.benchmark, s.setting, s.value, s.unit,
          s.source, json.dumps(s.sources), s.confidence, n.name, n.setting, n.quantity)
         for i, (s, n) in enumerate(zip(record.scores, names, strict=True))],
    )
    db.executemany(
        "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(sha, i, r.model, r.params_b, r.tokens_t, r.mmlu, int(r.params_from_name), r.index,
          r.source, json.dumps(r.sources), r.confidence) for i, r in enumerate(record.rows)],
    )
    insert_flags(db, sha, record.flags, start=0)
    db.executemany(
        "INSERT INTO readings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(sha, *key, value, f.model, f.benchmark, f.setting, json.dumps(f.sources),
          f.model_name, f.name.name, f.name.setting, f.name.unit, json.dumps(f.read_as))
         for (key, value), f in readings(record, aliases).items()],
    )
    db.executemany(
        "INSERT INTO errors VALUES (?, ?, ?, ?, ?)",
        [(sha, i, e.stage, e.message, e.hint) for i, e in enumerate(record.errors)],
    )


def _write_ocr(db: Any, sha: str, record: Record) -> None:
    ocr = record.ocr
    db.execute(
        "INSERT INTO ocr VALUES (?, ?, ?, ?, ?, ?, ?)",
        (sha, ocr.engine, ocr.version, ocr.mean_confidence, ocr.scale, len(ocr.words),
         ocr.text),
    )
    db.executemany(
        "INSERT INTO ocr_words VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(sha, i, w.text, w.confidence, w.box.x1, w.box.y1, w.box.x2, w.box.y2, w.line)
         for i, w in enumerate(ocr.words)],
    )
    for t, table in enumerate(ocr.tables):
        box = table.box
        db.execute(
            "INSERT INTO tables VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (sha, t, table.n_rows, table.n_cols, table.method, json.dumps(table.columns),
             json.dumps(table.settings), box.x1, box.y1, box.x2, box.y2),
        )
        cells = [("header", cell) for row in table.header_rows for cell in row]
        cells += [("body", cell) for row in table.body for cell in row]
        db.executemany(
            "INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(sha, t, part, c.row, c.col, c.text, c.value, c.confidence)
             for part, c in cells],
        )
    db.executemany(
        "INSERT INTO chart_points VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(sha, c, chart.kind, series.name, point.x, point.y, point.label, point.confidence)
         for c, chart in enumerate(record.charts)
         for series in chart.series for point in series.points],
    )


def _write_descriptions(db: Any, sha: str, record: Record) -> None:
    for i, d in enumerate(record.descriptions):
        cursor = db.execute(
            "INSERT INTO descriptions (sha256, idx, model, kind, prompt_name, prompt_sha256,"
            " backend, endpoint, revision, text, error, latency_s, input_tokens,"
            " output_tokens, finish_reason, imported_from)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (sha, i, d.model, d.kind, d.prompt.name, d.prompt.sha256, d.backend, d.endpoint,
             d.revision, d.text, d.error, d.latency_s, d.input_tokens, d.output_tokens,
             d.finish_reason, d.imported_from),
        )
        db.executemany(
            "INSERT INTO lenses VALUES (?, ?, ?)",
            [(cursor.lastrowid, lens, text) for lens, text in d.lenses.items()],
        )


def insert_flags(db: Any, sha: str, flags: Iterable[Flag], start: int) -> None:
    db.executemany(
        "INSERT INTO flags VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(sha, start + i, f.kind, f.severity, f.source, f.message, f.span,
          json.dumps(f.evidence, sort_keys=True)) for i, f in enumerate(flags)],
    )
