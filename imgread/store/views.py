"""The questions people ask the results database, as SQL views; the full-text index; and the
Datasette metadata that labels and describes them (written beside the database).

The views read the tables ``rows.py`` writes and hold no data of their own, so they are
always current. The leaderboard is computed here once: ``imgread leaderboard``, the report
and Datasette all read the same view.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# One line per (model, benchmark, setting): the value most images agree on, the images that
# read it and those that read other values. Window functions and one join on the readings'
# keys, never a subquery per line, so it costs about the same per reading at 100 images or
# 100,000 (the first form, with correlated subqueries over the readings view, grew with the
# square of the readings: 9 s at 1,000 images). ``leaderboard.py`` runs this text, not the
# stored view, so a database created by an older imgread gets it too.
LEADERBOARD_SQL = """
WITH spelled AS MATERIALIZED (
    SELECT *, count(*) OVER (PARTITION BY model_key, benchmark_key, setting_key, model,
                                          benchmark_name, setting_name) AS n_spelled
    FROM leaderboard_readings
), lr AS MATERIALIZED (
    -- Each reading with the spelling most images of its line use.
    SELECT *, first_value(model) OVER spelling AS line_model,
           first_value(benchmark_name) OVER spelling AS line_benchmark,
           first_value(setting_name) OVER spelling AS line_setting
    FROM spelled
    WINDOW spelling AS (PARTITION BY model_key, benchmark_key, setting_key
                        ORDER BY n_spelled DESC, setting_name IS NULL, model)
), lv AS MATERIALIZED (
    SELECT model_key, benchmark_key, setting_key, value,
           max(line_model) AS line_model, max(line_benchmark) AS line_benchmark,
           max(line_setting) AS line_setting,
           count(DISTINCT sha256) AS n_images,
           max(sources_json LIKE '%"ocr%') AS read_by_ocr,
           json_group_array(json_object('path', path, 'sha256', sha256, 'value', value,
                                        'read_as', json(read_as_json))) AS images_json
    FROM lr GROUP BY model_key, benchmark_key, setting_key, value
), supported AS (
    -- How many images read each value, counting those within the conflicts' tolerance
    -- (0.051: 68.87 measured from a line agrees with 68.9 printed in a table), and which.
    SELECT v.model_key, v.benchmark_key, v.setting_key, v.value, v.line_model,
           v.line_benchmark, v.line_setting, v.n_images, v.read_by_ocr, v.images_json,
           count(DISTINCT r.sha256) AS support,
           json_group_array(json_object('path', r.path, 'sha256', r.sha256,
                                        'value', r.value, 'read_as', json(r.read_as_json)))
               AS supporting_json
    FROM lv v JOIN lr r ON r.model_key = v.model_key AND r.benchmark_key = v.benchmark_key
        AND r.setting_key = v.setting_key AND abs(r.value - v.value) <= 0.051
    GROUP BY v.model_key, v.benchmark_key, v.setting_key, v.value, v.line_model,
             v.line_benchmark, v.line_setting, v.n_images, v.read_by_ocr, v.images_json
), ranked AS MATERIALIZED (
    SELECT *, row_number() OVER best AS rank, first_value(value) OVER best AS agreed_value
    FROM supported
    WINDOW best AS (PARTITION BY model_key, benchmark_key, setting_key
                    ORDER BY support DESC, read_by_ocr DESC, n_images DESC, value DESC)
), lines AS (
    SELECT *,
           count(*) FILTER (WHERE abs(value - agreed_value) > 0.051) OVER line
               AS disagreeing,
           json_group_array(json_object('value', value, 'images', json(images_json)))
               FILTER (WHERE abs(value - agreed_value) > 0.051) OVER line AS disagreeing_json
    FROM ranked
    WINDOW line AS (PARTITION BY model_key, benchmark_key, setting_key)
)
SELECT line_model AS model, line_benchmark AS benchmark, line_setting AS setting, value,
       support AS images, disagreeing, supporting_json, disagreeing_json,
       model_key, benchmark_key, setting_key
FROM lines WHERE rank = 1
"""

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
""" + LEADERBOARD_SQL

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
