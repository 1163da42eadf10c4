"""The results database's tables, as SQLite creates them (``postgres.py`` adapts them to
PostgreSQL). docs/schema.md documents each table for people who query it."""

# Bumped with every change to the layout below; migrations.py rebuilds older files in place.
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
