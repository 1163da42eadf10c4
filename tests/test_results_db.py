"""The results database people use: the leaderboard, search, Datasette, typed exports and
the `show`/`export` conveniences, on records stored in real SQLite and on the samples read
by the real pipeline."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SAMPLES, SHARED

from imgread.cli import main
from imgread.importer import import_files
from imgread.leaderboard import leaderboard
from imgread.normalise import fold, model_key
from imgread.record import ImageInfo, OcrResult, Record, Row, Score
from imgread.search import search
from imgread.store import SCHEMA_VERSION, SqliteStore, open_store
from imgread.store.exports import parquet_schema
from imgread.store.views import METADATA_NAME
from imgread.units import column_quantity

EXPECTED = json.loads((SAMPLES / "expected.json").read_text())


def table_record(name: str, sha: str, scores: list[tuple[str, str, str | None, float]],
                 rows: list[Row] | None = None, text: str = "") -> Record:
    """A record of one table: (model, benchmark as printed, setting, value) scores."""
    return Record(
        image=ImageInfo(path=f"shots/{name}", paths=[f"shots/{name}"], sha256=sha, bytes=10,
                        width=100, height=100, format="png", mode="RGB",
                        first_seen="2026-11-25T10:00:00+00:00"),
        ocr=OcrResult(engine="tesseract", version="5", text=text),
        scores=[Score(model=model, benchmark=benchmark, setting=setting, value=value,
                      sources=["ocr:table0"], evidence={"table": 0, "row": r, "col": 1})
                for r, (model, benchmark, setting, value) in enumerate(scores)],
        rows=rows or [],
    )


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(str(tmp_path / "results.sqlite")) as opened:
        yield opened


def test_spellings_of_one_reading_make_one_leaderboard_line(store: SqliteStore) -> None:
    store.put(table_record("a.png", "a" * 64, [("Llama-2-70B", "MMLU (5-shot)", None, 68.9),
                                              ("Mistral 7B", "mmlu", "5-shot", 60.1)]))
    store.put(table_record("b.png", "b" * 64, [("Llama 2 70B", "MMLU", None, 68.9),
                                              ("Mistral-7B", "MMLU 5-shot", None, 62.5)]))
    store.put(table_record("c.png", "c" * 64, [("LLaMA2 70b", "mmlu", "5 shot", 69.8)]))
    lines = {line.model_key: line for line in leaderboard(store, "MMLU")}
    assert set(lines) == {"llama-2-70b", "mistral-7b"}
    llama = lines["llama-2-70b"]
    # Two images agree on 68.9 (one printed no setting: it joins the one other images state).
    assert (llama.benchmark, llama.setting, llama.value) == ("MMLU", "5-shot", 68.9)
    assert [e.path for e in llama.supporting] == ["shots/a.png", "shots/b.png"]
    assert [e.sha256 for e in llama.supporting] == ["a" * 64, "b" * 64]
    assert {value: [e.path for e in ev] for value, ev in llama.disagreeing.items()} == {
        69.8: ["shots/c.png"]}
    assert llama.supporting[0].read_as == ["OCR table"]
    # One image each: one value leads, the other is listed beside it, so nothing is hidden.
    mistral = lines["mistral-7b"]
    assert len(mistral.supporting) == 1 and len(mistral.disagreeing) == 1
    assert leaderboard(store, "mmlu (5-shot)") == leaderboard(store, "MMLU")
    assert leaderboard(store, "GSM8K") == []


def test_a_value_within_the_conflicts_tolerance_supports_the_line(store: SqliteStore) -> None:
    store.put(table_record("table.png", "a" * 64, [("Llama 2 70B", "MMLU", None, 68.9)]))
    measured = table_record("chart.png", "b" * 64, [])
    measured.scores = [Score(model="Llama 2 70B", benchmark="MMLU", value=68.87, source="chart",
                             sources=["chart:line"], evidence={"px": 10.0, "py": 20.0})]
    store.put(measured)
    [line] = leaderboard(store)
    assert line.value == 68.9 and line.disagreeing == {}  # the printed value leads
    assert [(e.value, e.read_as) for e in line.supporting] == [
        (68.87, ["measured line"]), (68.9, ["OCR table"])]
    assert store.conflicts() == []  # the same tolerance as the conflicts between images


def test_sizes_and_tokens_are_row_fields_never_benchmark_scores(store: SqliteStore) -> None:
    record = table_record("q.png", "d" * 64, [("Falcon", "Params", None, 180.0),
                                              ("Falcon", "training tokens", None, 3.5),
                                              ("Falcon", "MMLU", None, 70.6)],
                          rows=[Row(model="Falcon", params_b=180.0, tokens_t=3.5, mmlu=70.6,
                                    evidence={"table": 0, "row": 2})])
    store.put(record)
    assert store.stats()["scores_by_benchmark"] == {"MMLU": 1}
    [line] = leaderboard(store)
    # The name states no size; the size read beside it names the model.
    assert (line.model, line.benchmark, line.value) == ("Falcon 180B", "MMLU", 70.6)
    units = dict(store.db.execute("SELECT benchmark_key, unit FROM readings").fetchall())
    assert units == {"params": "B", "tokens": "T", "mmlu": "%"}


def test_a_changed_alias_file_renormalises_the_stored_readings(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite"
    with open_store(str(path)) as store:
        store.put(table_record("a.png", "a" * 64, [("Yi-6B", "ZLB", None, 31.0)]))
        store.put(table_record("b.png", "b" * 64, [("Yi-6B", "Zebra Logic", None, 31.0)]))
        assert len(leaderboard(store)) == 2
    aliases = tmp_path / "aliases.txt"
    aliases.write_text("ZebraLogic = ZLB, Zebra Logic\n")
    with open_store(str(path), aliases=aliases) as store:
        [line] = leaderboard(store)
        assert (line.benchmark, len(line.supporting)) == ("ZebraLogic", 2)
    with open_store(str(path)) as store:  # the database remembers the aliases it was given
        assert [line.benchmark for line in leaderboard(store)] == ["ZebraLogic"]


def test_search_finds_text_in_ocr_and_descriptions(store: SqliteStore) -> None:
    store.put(table_record("a.png", "a" * 64, [], text="Results reported by Meta AI in 2023"))
    [hit] = search(store, "meta ai")
    assert (hit.path, hit.sha256, hit.kind) == ("shots/a.png", "a" * 64, "ocr")
    assert "[Meta] [AI]" in hit.snippet
    assert search(store, "Gemini") == []


def seed(prefix: str) -> Path:
    found = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip("shared/seeds is not beside the repository")
    return found[0]


def test_search_finds_meta_ai_in_the_seed_000_import(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "results.sqlite")
    assert main(["import", str(seed("000")), "--db", db]) == 0
    capsys.readouterr()
    assert main(["search", "Meta AI", "--db", db]) == 0
    printed = capsys.readouterr().out
    assert "imported simple by llama3.2-vision" in printed and "[Meta] [AI]" in printed


def test_parquet_exports_are_typed_even_when_empty(store: SqliteStore, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    for what in ("rows", "scores", "flags", "descriptions"):
        target = tmp_path / f"{what}.parquet"
        assert store.export("parquet", what, target) == 0
        schema = pq.read_schema(target)
        assert schema.equals(parquet_schema(what, SCHEMA_VERSION))
        assert not any(pa.types.is_null(field.type) for field in schema), what
        assert schema.metadata[b"imgread_version"] and schema.metadata[b"schema_version"] == (
            str(SCHEMA_VERSION).encode())
    assert pq.read_schema(tmp_path / "scores.parquet").field("sources").type == pa.list_(
        pa.string())


def test_export_into_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    with open_store(str(db)) as store:  # enough rows to fill a pipe many times over
        store.put(table_record("big.png", "e" * 64,
                               [(f"Model {n}", "MMLU", None, n / 100) for n in range(4000)]))
    command = (f"{sys.executable} -m imgread.cli export --what scores --db {db} | head -n 2")
    done = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=REPO,
                          check=False)
    assert done.stdout.startswith("sha256,path,idx,model") and done.stdout.count("\n") == 2
    assert done.stderr == ""


def test_show_takes_a_bare_file_name_and_lists_namesakes(
        store: SqliteStore, capsys: pytest.CaptureFixture[str]) -> None:
    store.put(table_record("a.png", "a" * 64, [("Gemma 7B", "MMLU", None, 64.3)]))
    other = table_record("a.png", "b" * 64, [])
    other.image.path, other.image.paths = "elsewhere/a.png", ["elsewhere/a.png"]
    store.put(other)
    store.put(table_record("only.png", "c" * 64, [("Phi-2", "MMLU", None, 56.7)]))
    db = str(store.path)
    assert main(["show", "only.png", "--db", db]) == 0
    assert "shots/only.png  [ok]" in capsys.readouterr().out
    assert main(["show", "a.png", "--db", db]) == 2
    error = capsys.readouterr().err
    assert "2 images have this name" in error and "elsewhere/a.png" in error
    assert main(["show", "missing.png", "--db", db]) == 2
    assert "FROM images" in capsys.readouterr().err  # the hint names a real table


# --- the samples through the real pipeline --------------------------------------------------


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import imgread

    out = tmp_path_factory.mktemp("samples-db")
    database = out / "results.sqlite"
    seeds = sorted((SHARED / "seeds").glob("00[01]_*.txt"))
    with open_store(str(database)) as store:
        for path, sample in zip(seeds, ("seed000_llama_table.png",
                                        "seed001_llama2_mistral_chart.png"), strict=False):
            import_files([path], store, image=str(SAMPLES / sample))
    imgread.run(SAMPLES, out_dir=out, db=str(database), workers=2, progress=False,
                report=False)
    return database


@pytest.mark.slow
def test_stats_on_the_samples_show_no_alias_or_unit_duplicates(samples_db: Path) -> None:
    with open_store(str(samples_db)) as store:
        names = list(store.stats()["scores_by_benchmark"])
    assert len({fold(name) for name in names}) == len(names), names
    assert [name for name in names if column_quantity(name)] == []
    assert "MMLU" in names and "mmlu" not in names


@pytest.mark.slow
def test_the_mmlu_leaderboard_lists_each_model_once_with_its_images(samples_db: Path) -> None:
    with open_store(str(samples_db)) as store:
        lines = leaderboard(store, "MMLU")
        paths = dict(store.db.execute("SELECT sha256, path FROM images").fetchall())
    keys = [line.model_key for line in lines]
    assert len(keys) == len(set(keys)), keys
    for line in lines:
        assert line.supporting and all(paths[e.sha256] == e.path for e in line.supporting)
    # Every sample table that prints a model's MMLU is among that model's images.
    by_key = {line.model_key: line for line in lines}
    for name, expected in EXPECTED.items():
        if expected["kind"] != "table":
            continue
        for row in expected["rows"]:
            key = model_key(row["model"])
            if key and row.get("mmlu") is not None and key in by_key:
                line = by_key[key]
                images = [Path(e.path).name for e in line.supporting] + [
                    Path(e.path).name for ev in line.disagreeing.values() for e in ev]
                assert name in images, (key, name)
    assert len(by_key) >= 8


@pytest.mark.slow
def test_search_lists_an_attached_import_once_under_its_image(samples_db: Path) -> None:
    with open_store(str(samples_db)) as store:
        hits = search(store, "Meta AI")
    assert [Path(hit.path).name for hit in hits] == ["seed000_llama_table.png"]
    assert hits[0].sha256 and hits[0].kind == "simple"


@pytest.mark.slow
def test_datasette_shows_the_views_and_labels(samples_db: Path) -> None:
    datasette_app = pytest.importorskip("datasette.app")
    metadata = json.loads((samples_db.parent / METADATA_NAME).read_text())

    async def fetch() -> tuple[dict, dict, dict]:
        ds = datasette_app.Datasette([str(samples_db)], metadata=metadata)
        await ds.invoke_startup()
        name = samples_db.stem
        database = (await ds.client.get(f"/{name}.json")).json()
        scores = (await ds.client.get(f"/{name}/scores.json?_labels=on&_size=1")).json()
        images = (await ds.client.get(f"/{name}/images.json?_size=1")).json()
        return database, scores, images

    database, scores, images = asyncio.run(fetch())
    views = {view["name"] for view in database["views"]}
    assert {"leaderboard", "rows_view", "scores_view", "flags_view"} <= views
    tables = {table["name"]: table for table in database["tables"]}
    assert tables["image_records"]["hidden"] and not tables["images"]["hidden"]
    assert "record_json" not in images["columns"]
    sha = scores["rows"][0]["sha256"]
    assert sha["label"].endswith(".png") or sha["label"].endswith(".jpg")
    assert len(sha["value"]) == 64
