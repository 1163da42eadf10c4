"""The results database: round trips, migrations, read-only queries, exports, conflicts."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from imgread.conflicts import CONFLICT_KIND
from imgread.errors import ConfigError, ImgreadError
from imgread.record import (
    Box,
    Cell,
    Description,
    Flag,
    ImageInfo,
    Line,
    OcrResult,
    PromptRef,
    Record,
    Row,
    Score,
    StageError,
    Table,
    Word,
)
from imgread.store import SCHEMA_VERSION, StoreError, open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL_IMAGES = SHARED / "data" / "real" / "images"

# The layout the first store.py wrote (user_version never set), kept here verbatim so the
# migration is tested against the real thing.
V1_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    status TEXT NOT NULL,
    config_hash TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    record_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS imported_descriptions (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    first_seen TEXT,
    description_json TEXT NOT NULL,
    source_file TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS imported_key ON imported_descriptions(key);
"""


def _words(lines: list[list[tuple[str, int, int]]], height: int = 22) -> list[Word]:
    """Words laid out on lines: (text, x, width) per word, one line every 40 px."""
    words = []
    for number, line in enumerate(lines):
        top = 20 + 40 * number
        for text, x, width in line:
            words.append(Word(text=text, confidence=91.0, line=number,
                              box=Box(x1=x, y1=top, x2=x + width, y2=top + height)))
    return words


def make_record(
    name: str = "llama_table.png",
    sha: str = "a1" * 32,
    rows: list[tuple[str, float, float]] | None = None,
    title: str = "Open models on MMLU",
    vlm_text: str | None = None,
) -> Record:
    """A realistic table record: OCR words and a table, rows, scores, two VLMs, flags."""
    rows = rows if rows is not None else [("Llama 2", 70, 68.9), ("Mistral", 7, 60.1),
                                          ("Falcon", 40, 55.4)]
    lines = [[(title, 20, 300)], [("Model", 20, 80), ("Params", 200, 70), ("MMLU", 320, 60)]]
    lines += [[(model, 20, 90), (f"{params:g}B", 200, 40), (f"{mmlu:.1f}", 320, 40)]
              for model, params, mmlu in rows]
    words = _words(lines)
    header = [Cell(row=0, col=c, text=t, confidence=93.0) for c, t in
              enumerate(("Model", "Params", "MMLU"))]
    body = [[Cell(row=r + 1, col=0, text=model, confidence=90.0),
             Cell(row=r + 1, col=1, text=f"{params:g}B", value=params, confidence=88.0),
             Cell(row=r + 1, col=2, text=f"{mmlu:.1f}", value=mmlu, confidence=86.0)]
            for r, (model, params, mmlu) in enumerate(rows)]
    ocr_text = "\n".join(" ".join(text for text, _, _ in line) for line in lines)
    vlm_text = vlm_text or (
        f"A table titled \"{title}\" lists {len(rows)} models. The table compares models on "
        "reading comprehension and sentiment analysis. Llama 2 performs best."
    )
    prompt = PromptRef(name="simple-v1", sha256="0" * 64)
    return Record(
        imgread_version="0.1.0",
        image=ImageInfo(path=f"samples/{name}", paths=[f"samples/{name}", f"copy/{name}"],
                        sha256=sha, bytes=48213, width=420, height=40 * len(lines) + 40,
                        format="png", mode="RGB", first_seen="2026-11-25T10:00:00+00:00"),
        ocr=OcrResult(engine="tesseract", version="5.3.0", text=ocr_text, mean_confidence=89.5,
                      words=words,
                      lines=[Line(text=ocr_text.splitlines()[0], confidence=90.0,
                                  box=words[0].box, word_ids=[0])],
                      tables=[Table(box=Box(x1=10, y1=50, x2=410, y2=40 * len(lines) + 30),
                                    n_rows=len(rows) + 1, n_cols=3, header_rows=[header],
                                    body=body, columns=["Model", "Params", "MMLU"],
                                    settings=[None, None, "5-shot"], method="rules")]),
        descriptions=[
            Description(model="llava-1.6", kind="simple", prompt=prompt, text=vlm_text,
                        backend="transformers", latency_s=2.5, output_tokens=41),
            Description(model="qwen2-vl", kind="detailed", prompt=prompt,
                        text=f"**Visual Description** The table has {len(rows)} rows.",
                        lenses={"Visual Description": f"The table has {len(rows)} rows.",
                                "Postmodernism": None},
                        missing_lenses=["Postmodernism"], backend="openai"),
        ],
        scores=[Score(model=model, model_normalised=model.lower().replace(" ", "-"),
                      benchmark="MMLU", setting="5-shot", value=mmlu, source="both",
                      sources=["ocr:table0", "vlm:llava-1.6"], confidence=0.9)
                for model, _, mmlu in rows],
        rows=[Row(model=model, params_b=params, mmlu=mmlu, index=r + 1, source="ocr",
                  sources=["ocr:table0"], confidence=0.85)
              for r, (model, params, mmlu) in enumerate(rows)],
        flags=[
            Flag(kind="entity_not_in_image", source="llava-1.6",
                 span="reading comprehension and sentiment analysis",
                 message="tasks named by the VLM appear nowhere in the OCR text",
                 evidence={"ocr_best_match": 0.21}),
            Flag(kind="ocr_repaired", severity="info", source="reconcile", span="68.9",
                 message="decimal point restored from the column's precision",
                 evidence={"before": "689", "after": "68.9"}),
        ],
        status="partial",
        errors=[StageError(stage="charts", message="no axes found", hint="not a chart")],
        timings_ms={"ocr": 812.5, "tables": 12.0},
        config_hash="c0ffee",
        processed_at="2026-11-25T10:00:05+00:00",
    )


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(str(tmp_path / "imgread.sqlite")) as opened:
        yield opened


def test_round_trip_rebuilds_the_record_exactly_and_fills_the_tables(store) -> None:  # type: ignore[no-untyped-def]
    record = make_record()
    store.put(record)
    assert store.get(record.image.sha256) == record
    assert store.find("copy/llama_table.png") == record  # a second path the bytes were seen at
    assert store.find(record.image.sha256[:8]) == record
    assert store.find("nowhere.png") is None
    assert store.db.execute("SELECT sha256, processed_at FROM images").fetchall() == [
        (record.image.sha256, record.processed_at)]

    def count(table: str) -> int:
        return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    assert count("ocr_words") == len(record.ocr.words)
    assert count("cells") == 3 + 9
    assert count("lenses") == 2
    assert count("descriptions") == 2
    assert store.db.execute("SELECT text FROM lenses WHERE lens = 'Postmodernism'").fetchone() \
        == (None,)
    assert store.db.execute("SELECT model, mmlu FROM rows ORDER BY idx").fetchall() == [
        ("Llama 2", 68.9), ("Mistral", 60.1), ("Falcon", 55.4)]
    evidence = store.db.execute(
        "SELECT evidence_json FROM flags WHERE kind = 'ocr_repaired'").fetchone()[0]
    assert json.loads(evidence) == {"before": "689", "after": "68.9"}


def test_put_replaces_every_old_row_of_the_image(store) -> None:  # type: ignore[no-untyped-def]
    store.put(make_record())
    store.put(make_record(rows=[("Gemma", 7, 64.3)]))
    assert store.db.execute("SELECT model FROM rows").fetchall() == [("Gemma",)]
    assert store.db.execute("SELECT count(*) FROM cells").fetchone()[0] == 3 + 3
    assert store.db.execute("SELECT count(*) FROM images").fetchone()[0] == 1
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_failing_put_leaves_the_old_record_whole(store) -> None:  # type: ignore[no-untyped-def]
    record = make_record()
    store.put(record)
    broken = make_record(rows=[("Gemma", 7, 64.3)])
    broken.status = "exploded"  # type: ignore[assignment]  # the CHECK constraint refuses it
    with pytest.raises(sqlite3.IntegrityError):
        store.put(broken)
    assert store.get(record.image.sha256) == record
    assert store.db.execute("SELECT count(*) FROM rows").fetchone()[0] == 3


@pytest.mark.skipif(not REAL_IMAGES.is_dir(), reason="shared/ real images are not present")
def test_a_pipeline_record_of_a_real_image_round_trips(store) -> None:  # type: ignore[no-untyped-def]
    from imgread.pipeline import read_image

    record = read_image(REAL_IMAGES / "yi_base_table.png")
    store.put(record)
    assert store.get(record.image.sha256) == record
    assert store.db.execute("SELECT width, height, format FROM images").fetchone() == (
        record.image.width, record.image.height, "png")


def test_a_v1_database_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    record = make_record()
    old = sqlite3.connect(path)
    old.executescript(V1_SCHEMA)
    old.execute("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?)",
                (record.image.sha256, record.image.path, record.image.first_seen,
                 record.status, record.config_hash, record.processed_at, record.to_json()))
    imported = Description(model="gemma3-27b", kind="detailed",
                           prompt=PromptRef(name="imported", sha256=""), text="A table.")
    old.execute("INSERT INTO imported_descriptions (key, first_seen, description_json, "
                "source_file) VALUES (?, ?, ?, ?)",
                ("samples/llama_table.png", "2024-05-22T06:22:56+00:00",
                 imported.model_dump_json(), "seed.txt"))
    old.commit()
    old.close()

    with open_store(str(path)) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.get(record.image.sha256) == record
        assert store.db.execute("SELECT count(*) FROM rows").fetchone()[0] == 3
        assert store.imported_for(["samples/llama_table.png"]) == (
            [imported], "2024-05-22T06:22:56+00:00")
    with open_store(str(path)) as again:  # a second open finds it current and changes nothing
        assert list(again.records()) == [record]


def test_a_v2_database_gains_the_readings_table(tmp_path: Path) -> None:
    """Version 2 was this layout without ``readings``; the upgrade derives it from the JSON."""
    path = tmp_path / "v2.sqlite"
    with open_store(str(path)) as store:
        run = store.start_run({"todo": 2})
        store.put(make_record(name="a.png", sha="a1" * 32), run_id=run)
        store.put(make_record(name="b.png", sha="b2" * 32, rows=[("Llama 2", 70, 69.8)]))
        store.finish_run(run, {"processed": 2, "elapsed_s": 4.0})
        # Versions 2 and 3 kept each record's JSON in ``images``.
        store.db.execute("ALTER TABLE images ADD COLUMN record_json TEXT")
        store.db.execute("UPDATE images SET record_json = (SELECT record_json FROM image_records"
                         " r WHERE r.sha256 = images.sha256)")
        store.db.execute("DROP TABLE image_records")
        store.db.execute("DROP TABLE readings")
        store.db.execute("PRAGMA user_version = 2")
    with open_store(str(path)) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [(c["value_a"], c["value_b"]) for c in store.conflicts()] == [(68.9, 69.8)]
        assert store.runs()[0]["images_per_s"] == 0.5
        assert store.db.execute("SELECT run_id FROM images ORDER BY path").fetchall() == [
            (run,), (None,)]


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    with open_store(str(path)) as store:
        store.put(make_record())
        store.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer imgread") as error:
        open_store(str(path))
    assert "upgrade imgread" in error.value.hint


def test_a_file_that_is_not_an_imgread_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE notes (text TEXT)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not an imgread database"):
        open_store(str(other))
    text = tmp_path / "text.sqlite"
    text.write_text("hello, I am not SQLite at all " * 100)
    with pytest.raises(StoreError, match="cannot open the database"):
        open_store(str(text))


def test_query_reads_and_refuses_to_write(store) -> None:  # type: ignore[no-untyped-def]
    store.put(make_record())
    names, rows = store.query("SELECT model, mmlu FROM rows WHERE mmlu > 60 ORDER BY mmlu")
    assert names == ["model", "mmlu"]
    assert rows == [("Mistral", 60.1), ("Llama 2", 68.9)]
    for sql in ("DELETE FROM rows", "DROP TABLE flags", "UPDATE images SET status = 'ok'"):
        with pytest.raises(StoreError, match=r"readonly|read-only") as error:
            store.query(sql)
        assert "read-only" in error.value.hint
    assert store.db.execute("SELECT count(*) FROM rows").fetchone()[0] == 3
    attached = store.path.parent / "attached.sqlite"
    with pytest.raises(StoreError, match="not authorized"):
        store.query(f"ATTACH DATABASE '{attached}' AS other")
    assert not attached.exists()
    with pytest.raises(StoreError, match="no such table"):
        store.query("SELECT * FROM missing_table")


def test_export_csv_jsonl_and_parquet(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store.put(make_record())
    buffer = io.StringIO()
    assert store.export("csv", "rows", buffer) == 3
    table = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert [(row["model"], float(row["mmlu"])) for row in table] == [
        ("Llama 2", 68.9), ("Mistral", 60.1), ("Falcon", 55.4)]
    assert json.loads(table[0]["sources"]) == ["ocr:table0"]

    flags = tmp_path / "flags.jsonl"
    assert store.export("jsonl", "flags", flags) == 2
    lines = [json.loads(line) for line in flags.read_text().splitlines()]
    assert lines[1]["evidence"] == {"before": "689", "after": "68.9"}
    assert lines[0]["path"] == "samples/llama_table.png"

    with pytest.raises(ConfigError, match="not possible"):
        store.export("xlsx", "rows", buffer)

    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "scores.parquet"
    assert store.export("parquet", "scores", target) == 3
    assert pq.read_table(target).column("value").to_pylist() == [68.9, 60.1, 55.4]


def test_parquet_without_pyarrow_names_the_install(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(ImgreadError) as error:
        store.export("parquet", "rows", io.BytesIO())
    assert "pip install pyarrow" in error.value.hint


def test_runs_and_stats(store) -> None:  # type: ignore[no-untyped-def]
    run = store.start_run({"config_hash": "c0ffee", "source": Path("samples"),
                           "started": "2026-11-25T10:00:00+00:00"})
    store.put(make_record(), run_id=run)
    store.put(make_record(name="b.png", sha="b2" * 32, rows=[("Gemma", 7, 64.3)]))
    store.finish_run(run, {"todo": 2, "processed": 2, "ok": 0, "partial": 2, "failed": 0,
                           "finished": "2026-11-25T10:00:04+00:00"})
    [summary] = store.runs()
    assert summary["elapsed_s"] == 4.0 and summary["images_per_s"] == 0.5
    assert summary["source"] == "samples"
    stats = store.stats()
    assert stats["images"] == 2
    assert stats["by_status"] == {"partial": 2}
    assert stats["flags_by_kind"] == {"entity_not_in_image": 2, "ocr_repaired": 2}
    assert stats["descriptions_by_model"] == {"llava-1.6": {"simple": 2},
                                              "qwen2-vl": {"detailed": 2}}
    assert stats["rows"] == 4 and stats["scores"] == 4
    assert stats["errors_by_stage"] == {"charts": 2}
    assert stats["last_run"]["processed"] == 2
    with pytest.raises(StoreError, match="no run 99"):
        store.finish_run(99, {})


def test_conflicts_between_images_are_flagged_on_both_once(store) -> None:  # type: ignore[no-untyped-def]
    first = make_record(name="a.png", sha="a1" * 32)
    second = make_record(name="b.png", sha="b2" * 32,
                         rows=[("Llama-2", 70, 69.8), ("Mistral", 7, 60.1)])
    # A benchmark known only by its column ("column 3": no header read) is nothing to compare.
    for record, value in ((first, 31.7), (second, 27.1)):
        record.scores.append(Score(model="Llama 2", benchmark="column 3", value=value))
    store.put(first)
    assert store.conflict_flags(first.image.sha256) == []
    store.put(second)

    [conflict] = store.conflicts()  # Llama 2 differs; Mistral agrees; Falcon is only in one
    assert (conflict["model"], conflict["setting"]) == ("Llama 2", "5-shot")
    assert {conflict["value_a"], conflict["value_b"]} == {68.9, 69.8}
    assert {conflict["path_a"], conflict["path_b"]} == {"samples/a.png", "samples/b.png"}
    assert conflict["sources_a"] == ["ocr:table0", "vlm:llava-1.6"]

    # One flag on each image, the same whether one image's or every image's are asked for.
    every = store.all_conflict_flags()
    assert sorted(every) == sorted([first.image.sha256, second.image.sha256])
    for record, other, value in ((first, second, 69.8), (second, first, 68.9)):
        [flag] = store.conflict_flags(record.image.sha256)
        assert every[record.image.sha256] == [flag]
        assert flag.evidence["other_sha256"] == other.image.sha256
        assert flag.evidence["other_value"] == value
        assert flag.evidence["other_sources"] == ["ocr:table0", "vlm:llava-1.6"]
        # Shown, not stored: adding the second image rewrote neither record.
        assert not [f for f in store.get(record.image.sha256).flags if f.kind == CONFLICT_KIND]
    assert store.stats()["conflicts"] == 1
    assert CONFLICT_KIND not in store.stats()["flags_by_kind"]

    # Re-reading the second image with the same value as the first clears both flags.
    store.put(make_record(name="b.png", sha="b2" * 32, rows=[("Llama 2", 70, 68.9)]))
    assert store.conflicts() == []
    assert store.all_conflict_flags() == {}
    assert store.conflict_flags(first.image.sha256) == []
    assert store.db.execute("SELECT count(*) FROM flags WHERE kind = ?",
                            (CONFLICT_KIND,)).fetchone()[0] == 0


def _quantity_scores(model: str, cells: list[tuple[str, str, float]]) -> list[Score]:
    """Scores as the tables stage writes them for size and tokens columns: the header as the
    benchmark, the number as parse_number reads it (unit letter dropped), the printed text."""
    return [Score(model=model, model_normalised=model.lower().replace(" ", "-"),
                  benchmark=header, value=value, source="ocr", sources=["ocr:table0"],
                  evidence={"text": text}) for header, text, value in cells]


def test_sizes_and_tokens_are_compared_after_their_units(store) -> None:  # type: ignore[no-untyped-def]
    first = make_record(name="a.png", sha="a1" * 32, rows=[])
    second = make_record(name="b.png", sha="b2" * 32, rows=[])
    # "1,000B" tokens is 1.0T; 1,400 under "Tokens (B)" is 1.4T; "65B" is "0.065T" params.
    first.scores = _quantity_scores("LLaMA 7B", [("Training tokens", "1,000B", 1000.0)])
    first.scores += _quantity_scores("LLaMA 65B", [("Tokens (B)", "1,400", 1400.0),
                                                   ("Params", "65B", 65.0)])
    second.scores = _quantity_scores("LLaMA 7B", [("Tokens", "1.0", 1.0)])
    second.scores += _quantity_scores("LLaMA 65B", [("Tokens (T)", "1.4", 1.4),
                                                    ("Size (T)", "0.065", 0.065)])
    for record in (first, second):
        store.put(record)
    assert store.conflicts() == []
    assert store.all_conflict_flags() == {}
    keys = store.db.execute("SELECT DISTINCT benchmark_key FROM readings ORDER BY 1").fetchall()
    assert keys == [("params",), ("tokens",)]

    # A real difference is still one, reported in the unit compared.
    second.scores[0] = _quantity_scores("LLaMA 7B", [("Tokens", "2T", 2.0)])[0]
    store.put(second)
    [conflict] = store.conflicts()
    assert conflict["quantity"] == "tokens"
    assert {conflict["value_a"], conflict["value_b"]} == {1.0, 2.0}
    [flag] = store.conflict_flags(first.image.sha256)
    assert flag.severity == "warning" and flag.evidence["unit"] == "T"
    assert "reads 1T here but 2T in samples/b.png" in flag.message


def test_chinese_size_and_token_columns_are_compared_with_english_ones(store) -> None:  # type: ignore[no-untyped-def]
    """参数量（亿）is a size in units of 100M and 训练数据 training data: the same quantities
    as "Params (B)" and "Tokens (T)", compared after their units."""
    first = make_record(name="a.png", sha="a1" * 32, rows=[])
    second = make_record(name="b.png", sha="b2" * 32, rows=[])
    first.scores = _quantity_scores("Qwen 7B", [("参数量（亿）", "70", 70.0),
                                                ("训练数据 (T)", "2.4", 2.4)])
    second.scores = _quantity_scores("Qwen 7B", [("Params (B)", "7", 7.0),
                                                 ("Tokens (T)", "3.0", 3.0)])
    for record in (first, second):
        store.put(record)
    [conflict] = store.conflicts()  # 70亿 is 7B; 2.4T against 3.0T is a real difference
    assert (conflict["quantity"], {conflict["value_a"], conflict["value_b"]}) == (
        "tokens", {2.4, 3.0})
    keys = store.db.execute("SELECT DISTINCT benchmark_key FROM readings ORDER BY 1").fetchall()
    assert keys == [("params",), ("tokens",)]


def test_a_bare_size_or_token_count_is_compared_only_where_plausible(store) -> None:  # type: ignore[no-untyped-def]
    """No unit printed or declared: 1,400 "tokens" would be 1400T, which no model was
    trained on (it is 1,400B), so it is left out rather than made a conflict with 1.4."""
    first = make_record(name="a.png", sha="a1" * 32, rows=[])
    second = make_record(name="b.png", sha="b2" * 32, rows=[])
    first.scores = _quantity_scores("LLaMA 65B", [("Tokens", "1,400", 1400.0),
                                                  ("Params", "65", 65.0)])
    second.scores = _quantity_scores("LLaMA 65B", [("Tokens", "1.4", 1.4),
                                                   ("Params", "33", 33.0)])
    for record in (first, second):
        store.put(record)
    [conflict] = store.conflicts()  # bare params of 65 and 33 are plausible billions
    assert (conflict["quantity"], conflict["value_a"], conflict["value_b"]) == ("params", 65, 33)
    tokens = store.db.execute(
        "SELECT sha256, value FROM readings WHERE benchmark_key = 'tokens'").fetchall()
    assert tokens == [(second.image.sha256, 1.4)]


@pytest.mark.parametrize(("misread", "printed"), [(675.0, 67.5), (666.0, 66.6),
                                                  (1234.0, 12.34)])
def test_a_lost_decimal_point_is_an_ocr_error_not_a_conflict(
    store, misread: float, printed: float  # type: ignore[no-untyped-def]
) -> None:
    good = make_record(name="a.png", sha="a1" * 32, rows=[("Llama 2", 70, printed)])
    bad = make_record(name="b.png", sha="b2" * 32, rows=[("Llama 2", 70, misread)])
    store.put(good)
    store.put(bad)
    assert store.conflicts() == []
    [pair] = store.conflicts(include_ocr_errors=True)
    assert pair["likely_ocr_error"] == "b" and pair["value_b"] == misread
    assert list(store.all_conflict_flags()) == [bad.image.sha256]
    # The image that lost the point gets an info flag saying so; the other one nothing.
    [flag] = store.conflict_flags(bad.image.sha256)
    assert flag.severity == "info" and flag.evidence["likely_ocr_error"] == "lost_decimal"
    assert f"likely {printed:g} with its decimal point lost by OCR" in flag.message
    assert store.conflict_flags(good.image.sha256) == []
    assert store.stats()["conflicts"] == 0
    # Read again correctly, nothing is left to flag.
    store.put(make_record(name="b.png", sha="b2" * 32, rows=[("Llama 2", 70, printed)]))
    assert store.conflict_flags(bad.image.sha256) == []
    assert store.conflicts(include_ocr_errors=True) == []
    assert store.db.execute("SELECT count(*) FROM flags WHERE kind = ?",
                            (CONFLICT_KIND,)).fetchone()[0] == 0


def test_a_lost_decimal_needs_an_ocr_reading_and_decimals_on_the_other_side(store) -> None:  # type: ignore[no-untyped-def]
    """70 against 7 is two numbers, not a lost point; a VLM does not lose decimal points."""
    first = make_record(name="a.png", sha="a1" * 32, rows=[("Llama 2", 70, 7.0)])
    second = make_record(name="b.png", sha="b2" * 32, rows=[("Llama 2", 70, 70.0)])
    third = make_record(name="c.png", sha="c3" * 32, rows=[("Llama 2", 70, 675.0)])
    third.scores[0].sources = ["vlm:llava-1.6"]
    third.scores[0].value = 675.0
    for record in (first, second, third):
        store.put(record)
    pairs = store.conflicts(include_ocr_errors=True)
    assert [p["likely_ocr_error"] for p in pairs] == [None, None, None]
    assert len(store.conflicts()) == 3
