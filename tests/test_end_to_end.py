"""samples/ through the real command, the real Tesseract and the real database."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from conftest import SAMPLES

from imgread.cli import main
from imgread.store import open_store

EXPECTED = json.loads((SAMPLES / "expected.json").read_text())


def row_key(row: dict) -> tuple:
    return tuple(
        None if row.get(name) is None else round(float(row[name]), 2)
        for name in ("params_b", "tokens_t", "mmlu")
    )


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("samples-out")
    assert main(["run", str(SAMPLES), "--out", str(out), "--workers", "2", "--quiet"]) == 0
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    by_name = {Path(record["image"]["path"]).name: record for record in records}
    by_name["__out__"] = {"path": str(out)}
    return by_name


def test_every_sample_has_a_complete_ok_record(sample_run: dict[str, dict]) -> None:
    names = set(EXPECTED)
    assert names <= set(sample_run)
    for name in names:
        record = sample_run[name]
        assert record["status"] == "ok", (name, record["errors"])
        assert record["ocr"]["engine"] == "tesseract" and record["ocr"]["version"]
        assert record["vlm"]["status"] == "skipped" and "--vlm" in record["vlm"]["reason"]
        for key in ("descriptions", "scores", "rows", "flags", "errors", "charts"):
            assert isinstance(record[key], list)
        assert record["image"]["first_seen"].endswith("+00:00")


def test_seed_000_table_yields_its_six_rows_exactly(sample_run: dict[str, dict]) -> None:
    record = sample_run["seed000_llama_table.png"]
    expected = [row_key(row) for row in EXPECTED["seed000_llama_table.png"]["rows"]]
    assert [row_key(row) for row in record["rows"]] == expected
    assert len(record["ocr"]["tables"]) == 1
    assert "LLaMA Models Hyperparameters" in record["ocr"]["text"]


def test_a_picture_that_is_no_chart_yields_no_data(sample_run: dict[str, dict]) -> None:
    record = sample_run["not_a_chart.png"]
    assert record["rows"] == [] and record["scores"] == [] and record["charts"] == []
    assert record["ocr"]["tables"] == []


def test_database_and_jsonl_hold_the_same_records(sample_run: dict[str, dict]) -> None:
    out = Path(sample_run["__out__"]["path"])
    with open_store(str(out / "results.sqlite")) as store:
        stored = {record.image.sha256: record.to_dict() for record in store.records()}
    from_jsonl = {r["image"]["sha256"]: r for name, r in sample_run.items() if name != "__out__"}
    assert stored == from_jsonl


def test_show_prints_a_record_readably(sample_run: dict[str, dict],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = sample_run["__out__"]["path"]
    record = sample_run["seed000_llama_table.png"]
    assert main(["show", record["image"]["sha256"][:12], "--out", out]) == 0
    printed = capsys.readouterr().out
    assert "seed000_llama_table.png  [ok]" in printed
    assert "66.6" in printed and "rows (model, params B, tokens T, MMLU %)" in printed


def table_rows_read_right(record: dict, expected: list[dict]) -> int:
    got = {row_key(row) for row in record["rows"]}
    return sum(1 for row in expected if row_key(row) in got)


@pytest.mark.parametrize("name", ["dark_table.png", "meme_table.png", "rotated_lowres_table.jpg"])
def test_other_tables_yield_most_of_their_rows(sample_run: dict[str, dict], name: str) -> None:
    expected = EXPECTED[name]["rows"]
    found = table_rows_read_right(sample_run[name], expected)
    assert found >= math.ceil(len(expected) * 0.8), (name, sample_run[name]["rows"])
