"""samples/make_samples.py regenerates every sample image and a truth file that matches samples/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
KINDS = {"table", "chart", "meme", "other"}
ROW_KEYS = {"model", "params_b", "tokens_t", "mmlu", "params_from_name"}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    subprocess.run(
        [sys.executable, str(SAMPLES / "make_samples.py"), "--out", str(out)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return out


def load_expected(folder: Path) -> dict[str, dict]:
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))


def test_every_listed_image_is_written_and_readable(generated: Path) -> None:
    expected = load_expected(generated)
    assert len(expected) >= 6
    for name, entry in expected.items():
        path = generated / name
        assert path.stat().st_size < 400_000, name
        with Image.open(path) as image:
            image.verify()
        with Image.open(path) as image:
            assert 500 <= image.width <= 1400, name
            assert image.mode == "RGB", name
        assert entry["kind"] in KINDS
        assert set(entry) == {"kind", "title", "rows", "scores", "series", "reference_lines"}
        assert all(set(row) == ROW_KEYS for row in entry["rows"]), name


def test_committed_samples_match_the_script(generated: Path) -> None:
    assert load_expected(SAMPLES) == load_expected(generated)
    committed = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".png", ".jpg"})
    assert committed == sorted(load_expected(generated))


def test_seed000_table_expects_the_six_rows_of_the_issue(generated: Path) -> None:
    entry = load_expected(generated)["seed000_llama_table.png"]
    rows = [(r["model"], r["params_b"], r["tokens_t"], r["mmlu"]) for r in entry["rows"]]
    assert rows == [
        ("1", 8.0, 15.0, 66.6),
        ("2", 70.0, 15.0, 79.5),
        ("3", 7.0, 2.0, 45.7),
        ("4", 13.0, 2.0, 53.8),
        ("5", 70.0, 2.0, 69.7),
        ("6", 65.0, 1.4, 63.4),
    ]


def test_seed001_chart_expects_four_panels_with_dashed_reference_lines(generated: Path) -> None:
    entry = load_expected(generated)["seed001_llama2_mistral_chart.png"]
    panels = {s["panel"] for s in entry["series"]}
    assert panels == {"MMLU", "Reasoning", "Knowledge", "Comprehension"}
    vertical = {r["panel"]: r for r in entry["reference_lines"] if r["orientation"] == "vertical"}
    assert sorted(r["value"] for r in vertical.values()) == [13.0, 21.0, 23.0, 38.0]
    assert vertical["MMLU"]["label"] == "Effective LLaMA size 23B (3.3x)"
    llama = [s for s in entry["series"] if s["name"] == "LLaMA 2"]
    assert all([p[0] for p in s["points"]] == [7.0, 13.0, 34.0, 70.0] for s in llama)


def test_missing_value_stays_missing(generated: Path) -> None:
    entry = load_expected(generated)["dark_table.png"]
    mistral = next(r for r in entry["rows"] if r["model"] == "Mistral 7B")
    assert mistral["tokens_t"] is None
    gopher = next(r for r in entry["rows"] if r["model"] == "Gopher 280B")
    assert gopher["tokens_t"] == pytest.approx(0.3)
