"""The Ray Data engine gives the same records as the local engine, on a local Ray cluster
with 2 CPUs (started once for this module), without and with a tiny VLM.

These are the only tests that start Ray (marked ``ray``: ``pytest -m "not ray"`` leaves them
out); each runs the real pipeline on a few small images, so they take seconds, not minutes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES, render_table

from imgread.batch import run
from imgread.config import Config

pytestmark = [pytest.mark.ray, pytest.mark.slow]

# What differs between two runs of the same images whatever the engine: when and how fast.
VOLATILE = ("processed_at", "timings_ms")


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    ray = pytest.importorskip("ray", reason="the Ray engine needs Ray: pip install "
                                            "'imgread[ray]'")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"OMP_THREAD_LIMIT": "1"}})
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two rendered tables, a copy of one (a duplicate), and two sample screenshots."""
    root = tmp_path_factory.mktemp("engines") / "shots"
    root.mkdir()
    render_table(root / "open.png", ["Model", "Params", "MMLU"],
                 [["Llama 2", "70B", "68.9"], ["Mistral", "7B", "60.1"]], title="Open models")
    render_table(root / "dark.png", ["Model", "GSM8K"], [["Qwen", "79.4"], ["Yi", "67.2"]],
                 dark=True)
    (root / "copy.png").write_bytes((root / "open.png").read_bytes())
    for sample in ("bar_chart.png", "not_a_chart.png"):
        (root / sample).write_bytes((SAMPLES / sample).read_bytes())
    return root


def _records(out: Path) -> dict[str, dict[str, Any]]:
    """The records of a run by sha256, without what only says when or how fast."""
    records = {}
    for line in (out / "records.jsonl").read_text().splitlines():
        record = json.loads(line)
        for key in VOLATILE:
            record.pop(key)
        record["image"].pop("first_seen")
        for description in record["descriptions"]:
            description.pop("latency_s")
        records[record["image"]["sha256"]] = record
    return records


def _both_engines(folder: Path, out: Path, config: Config,
                  vlm: list[str] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    local = run(folder, out_dir=out / "local", workers=1, vlm=vlm or [], config=config,
                progress=False, report=False)
    ray_config = config.model_copy(deep=True)
    ray_config.batch.engine = "ray"
    on_ray = run(folder, out_dir=out / "ray", vlm=vlm or [], config=ray_config,
                 progress=False, report=False)
    assert (local.processed, on_ray.processed) == (4, 4)
    assert on_ray.duplicates == 1
    return _records(out / "local"), _records(out / "ray")


def test_an_unreachable_ray_cluster_is_a_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("ray", reason="the Ray engine needs Ray")
    from imgread.cli import main

    (tmp_path / "in").mkdir()
    render_table(tmp_path / "in" / "one.png", ["Model", "MMLU"], [["Yi", "64.3"]])
    code = main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet",
                 "--engine", "ray", "--ray-address", "127.0.0.1:1", "--no-report"])
    assert code == 2
    assert "cannot reach the Ray cluster at 127.0.0.1:1" in capsys.readouterr().err


def test_ray_and_local_engines_give_identical_records(
        ray_cluster: None, folder: Path, tmp_path: Path) -> None:
    local, on_ray = _both_engines(folder, tmp_path, Config())
    assert len(local) == 4
    assert on_ray == local
    # Not four empty records: the tables were read, with both paths of the duplicate.
    rows = {row["model"] for record in on_ray.values() for row in record["rows"]}
    assert {"Llama 2", "Mistral"} <= rows
    assert any(len(record["image"]["paths"]) == 2 for record in on_ray.values())


def test_ray_and_local_engines_agree_with_a_tiny_vlm(
        ray_cluster: None, folder: Path, tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="the VLM needs torch: pip install 'imgread[vlm]'")
    pytest.importorskip("transformers", reason="the VLM needs transformers")
    from tiny_models import tiny_model

    config = Config()
    config.vlm.kinds = ["simple"]
    config.vlm.max_new_tokens = {"simple": 8}
    config.vlm.device = "cpu"
    local, on_ray = _both_engines(folder, tmp_path, config, vlm=[str(tiny_model("llava"))])
    assert on_ray == local
    described = [d for record in on_ray.values() for d in record["descriptions"]]
    assert len(described) == 4 and all(d["error"] is None for d in described)


def test_the_ray_engine_streams_the_folder_in_blocks(
        ray_cluster: None, folder: Path, tmp_path: Path) -> None:
    """Blocks of two images (a dataset each, the duplicate met in a later block than its
    original): the same records as the local engine."""
    config = Config()
    config.batch.ray_block = 2
    local, on_ray = _both_engines(folder, tmp_path, config)
    assert on_ray == local
    assert any(len(record["image"]["paths"]) == 2 for record in on_ray.values())
