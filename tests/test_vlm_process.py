"""The local engine runs the VLM stage in one process per GPU (one on the CPU here), fed by
the CPU workers: with ``--workers 2`` and a VLM the model is loaded once, not once per
worker, and the records are those of a run in one process.

A real ``imgread run`` in a child process with a tiny random-weight model (built offline),
real Tesseract and real SQLite; the loads are counted from the run's own log lines.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, render_table

from imgread.batch import run
from imgread.config import Config

pytestmark = pytest.mark.slow

SETTINGS = '[vlm]\nkinds = ["simple"]\ndevice = "cpu"\n[vlm.max_new_tokens]\nsimple = 8\n'


def _records(out: Path) -> dict[str, dict[str, Any]]:
    """The records by sha256, without what only says when or how fast."""
    records = {}
    for line in (out / "records.jsonl").read_text().splitlines():
        record = json.loads(line)
        record.pop("processed_at")
        record.pop("timings_ms")
        record["image"].pop("first_seen")
        for description in record["descriptions"]:
            description.pop("latency_s")
        records[record["image"]["sha256"]] = record
    return records


def test_two_workers_share_one_model_and_give_the_records_of_one(tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="the VLM needs torch: pip install 'imgread[vlm]'")
    pytest.importorskip("transformers")
    from tiny_models import tiny_model

    model = str(tiny_model("llava"))
    folder = tmp_path / "shots"
    folder.mkdir()
    for index, (name, score) in enumerate([("Llama 2", "68.9"), ("Mistral", "60.1"),
                                           ("Qwen", "79.4"), ("Gemma", "64.3")]):
        render_table(folder / f"t{index}.png", ["Model", "MMLU"], [[name, score]], size=14)
    (folder / "copy.png").write_bytes((folder / "t0.png").read_bytes())
    settings = tmp_path / "settings.toml"
    settings.write_text(SETTINGS)

    config = Config()
    config.vlm.kinds, config.vlm.device = ["simple"], "cpu"
    config.vlm.max_new_tokens = {"simple": 8}
    one = run(folder, tmp_path / "one", workers=1, vlm=[model], config=config, progress=False,
              report=False)
    assert one.processed == 4

    result = subprocess.run(
        [sys.executable, "-m", "imgread.cli", "run", str(folder), "--out", str(tmp_path / "two"),
         "--workers", "2", "--vlm", model, "--config", str(settings), "--no-report"],
        env={**os.environ, "PYTHONPATH": str(REPO), "OMP_THREAD_LIMIT": "1"},
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    loads = [line for line in result.stderr.splitlines() if "VLM process" in line]
    assert len(loads) == 1, result.stderr
    assert f"loaded {model} on" in loads[0]

    two = _records(tmp_path / "two")
    assert two == _records(tmp_path / "one")
    described = [d for record in two.values() for d in record["descriptions"]]
    assert len(described) == 4 and all(d["text"] and d["error"] is None for d in described)
