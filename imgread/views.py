"""The questions people ask the results database, as SQL views; the full-text index; and the
Datasette metadata that labels and describes them (written beside the database).

The views read the tables ``store.py`` writes and hold no data of their own, so they are
always current. The leaderboard is computed here once: ``imgread leaderboard``, the report
and Datasette all read the same view.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Statements separated by ";" (the store runs them one by one inside its transaction).
VIEWS = """
CREATE VIRTUAL TABLE search_text USING fts5(
    key UNINDEXED, kind UNINDEXED, model UNINDEXED, text, tokenize = 'unicode61'
);
CREATE VIEW rows_view AS
SELECT i.path, r.model, r.params_b, r.tokens_t, r.mmlu, r.params_from_name, r.source,
       r.confidence, r.sha256, r.idx
FROM rows r JOIN images i USING (sha256);
CREATE VIEW scores_view AS
SELECT i.path, s.model, s.benchmark_name AS benchmark, s.setting_name AS setting, s.value,
       s.benchmark AS benchmark_as_printed, s.setting AS setting_as_printed, s.source,
       s.confidence, s.sha256, s.idx
FROM scores s JOIN images i USING (sha256)
WHERE s.quantity IS NULL;
CREATE VIEW flags_view AS
SELECT i.path, f.kind, f.severity, f.source, f.message, f.span, f.sha256, f.idx
FROM flags f JOIN images i USING (sha256);
CREATE VIEW leaderboard_readings AS
WITH stated AS (
    SELECT model_key, benchmark_key, min(setting_key) AS setting_key,
           min(setting_name) AS setting_name
    FROM readings WHERE unit = '%' AND setting_key != ''
    GROUP BY model_key, benchmark_key HAVING count(DISTINCT setting_key) = 1
)
SELECT r.sha256, i.path, r.model_key, r.benchmark_key,
       CASE WHEN r.setting_key = '' THEN coalesce(s.setting_key, '') ELSE r.setting_key END
           AS setting_key,
       CASE WHEN r.setting_key = '' THEN s.setting_name ELSE r.setting_name END AS setting_name,
       r.model_name AS model, r.benchmark_name, r.value, r.sources_json, r.read_as_json
FROM readings r JOIN images i USING (sha256)
LEFT JOIN stated s ON s.model_key = r.model_key AND s.benchmark_key = r.benchmark_key
WHERE r.unit = '%';
CREATE VIEW leaderboard_values AS
SELECT model_key, benchmark_key, setting_key, value,
       count(DISTINCT sha256) AS n_images,
       max(sources_json LIKE '%"ocr%') AS read_by_ocr,
       json_group_array(json_object('path', path, 'sha256', sha256, 'value', value,
                                    'read_as', json(read_as_json))) AS images_json
FROM leaderboard_readings
GROUP BY model_key, benchmark_key, setting_key, value;
CREATE VIEW leaderboard AS
WITH supported AS (
    -- How many images read each value, counting those within the conflicts' tolerance
    -- (0.051: 68.87 measured from a line agrees with 68.9 printed in a table).
    SELECT v.*, (SELECT count(DISTINCT r.sha256) FROM leaderboard_readings r
                 WHERE r.model_key = v.model_key AND r.benchmark_key = v.benchmark_key
                 AND r.setting_key = v.setting_key AND abs(r.value - v.value) <= 0.051)
                AS support
    FROM leaderboard_values v
), agreed AS (
    SELECT * FROM (
        SELECT *, row_number() OVER (PARTITION BY model_key, benchmark_key, setting_key
                                     ORDER BY support DESC, read_by_ocr DESC, n_images DESC,
                                              value DESC) AS rank
        FROM supported) WHERE rank = 1
), spelling AS (
    SELECT model_key, benchmark_key, setting_key, model, benchmark_name, setting_name,
           row_number() OVER (PARTITION BY model_key, benchmark_key, setting_key
                              ORDER BY count(*) DESC, setting_name IS NULL, model) AS rank
    FROM leaderboard_readings
    GROUP BY model_key, benchmark_key, setting_key, model, benchmark_name, setting_name
)
SELECT s.model, s.benchmark_name AS benchmark, s.setting_name AS setting, a.value,
       a.support AS images,
       (SELECT count(*) FROM leaderboard_values o WHERE o.model_key = a.model_key
            AND o.benchmark_key = a.benchmark_key AND o.setting_key = a.setting_key
            AND abs(o.value - a.value) > 0.051) AS disagreeing,
       (SELECT json_group_array(json_object('path', r.path, 'sha256', r.sha256,
                                            'value', r.value, 'read_as', json(r.read_as_json)))
            FROM leaderboard_readings r WHERE r.model_key = a.model_key
            AND r.benchmark_key = a.benchmark_key AND r.setting_key = a.setting_key
            AND abs(r.value - a.value) <= 0.051) AS supporting_json,
       (SELECT json_group_array(json_object('value', o.value, 'images', json(o.images_json)))
            FROM leaderboard_values o WHERE o.model_key = a.model_key
            AND o.benchmark_key = a.benchmark_key AND o.setting_key = a.setting_key
            AND abs(o.value - a.value) > 0.051) AS disagreeing_json,
       a.model_key, a.benchmark_key, a.setting_key
FROM agreed a JOIN spelling s ON s.model_key = a.model_key
    AND s.benchmark_key = a.benchmark_key AND s.setting_key = a.setting_key AND s.rank = 1
"""

METADATA_NAME = "metadata.json"

_TABLES: dict[str, dict[str, Any]] = {
    "images": {"label_column": "path",
               "description": "One row per distinct image (identical bytes are one image)."},
    "image_records": {"hidden": True,
                      "description": "Each image's full record as JSON, the source of truth."},
    "image_paths": {"description": "Every path an image's bytes were seen at."},
    "runs": {"label_column": "started", "description": "One row per `imgread run`."},
    "ocr": {"description": "Each image's OCR text and engine."},
    "ocr_words": {"hidden": True, "description": "Every OCR word with its box."},
    "cells": {"hidden": True, "description": "Every table cell OCR read."},
    "tables": {"description": "The tables found in each image."},
    "chart_points": {"description": "The points and bars read from charts."},
    "descriptions": {"label_column": "model",
                     "description": "What each vision-language model said about an image."},
    "scores": {"description": "Every (model, benchmark, setting, value) read, names as printed "
                              "and normalised (benchmark_name, setting_name)."},
    "rows": {"description": "(model, params in B, tokens in T, MMLU) rows."},
    "flags": {"description": "Disagreements and repairs, one per row."},
    "readings": {"description": "Normalised readings compared across images: the conflicts "
                                "and the leaderboard are computed from these."},
    "meta": {"hidden": True},
    "rows_view": {"description": "Rows with their image path."},
    "scores_view": {"description": "Benchmark scores (sizes and token counts left out), "
                                   "normalised names first, then the names as printed."},
    "flags_view": {"description": "Flags with their image path."},
    "leaderboard": {"description": "One line per (model, benchmark, setting): the value most "
                                   "images agree on, the images behind it, and the values "
                                   "other images read instead."},
    "leaderboard_readings": {"hidden": True},
    "leaderboard_values": {"hidden": True},
}


def datasette_metadata(database: Path) -> dict[str, Any]:
    """Titles, descriptions and label columns for Datasette, keyed by the database's name
    as Datasette names it (the file name without its extension)."""
    return {
        "title": "imgread results",
        "description": "Benchmark scores read from screenshots of tables and charts, with "
                       "the images behind every value.",
        "databases": {database.stem: {"tables": _TABLES}},
    }


def write_metadata(database: Path) -> Path:
    """Write ``metadata.json`` beside the database (``datasette DB --metadata`` it)."""
    path = database.parent / METADATA_NAME
    text = json.dumps(datasette_metadata(database), indent=2) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
