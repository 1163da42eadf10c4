"""The batch: bad input never stops it, duplicates are read once, re-runs resume, and a kill at
any moment leaves exactly one complete record per image in both outputs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import render_table
from PIL import Image
from test_images import png_header_only

from imgread.batch import RunError, run
from imgread.cli import main
from imgread.config import Config
from imgread.store import StoreError, open_store


def jsonl_records(out: Path) -> list[dict]:
    lines = (out / "records.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines]


def db_records(out: Path) -> dict[str, dict]:
    with open_store(str(out / "results.sqlite")) as store:
        return {record.image.sha256: record.to_dict() for record in store.records()}


def assert_outputs_agree(out: Path, distinct: int) -> None:
    from_jsonl = jsonl_records(out)
    shas = [record["image"]["sha256"] for record in from_jsonl]
    assert len(shas) == len(set(shas)) == distinct
    assert {record["image"]["sha256"]: record for record in from_jsonl} == db_records(out)


@pytest.fixture()
def table_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "shots"
    (folder / "nested").mkdir(parents=True)
    render_table(
        folder / "a.png", ["model", "MMLU"], [["Mistral 7B", "60.1"], ["Llama 2 7B", "45.3"]]
    )
    render_table(folder / "nested" / "b.png", ["model", "GSM8K"], [["Llama 2 13B", "28.7"]])
    return folder


def test_bad_input_gets_failed_records_and_never_stops_the_batch(
    table_folder: Path, tmp_path: Path
) -> None:
    (table_folder / "empty.png").write_bytes(b"")
    (table_folder / "notes.png").write_text("not an image at all\n")
    whole = (table_folder / "a.png").read_bytes()
    (table_folder / "truncated.png").write_bytes(whole[: len(whole) // 3])
    Image.new("RGB", (64, 64), "white").save(table_folder / "ok.jpg", quality=40)
    (table_folder / "cut.jpg").write_bytes((table_folder / "ok.jpg").read_bytes()[:200])
    png_header_only(table_folder / "bomb.png", 30000, 30000)
    (table_folder / "gone.png").symlink_to(tmp_path / "missing-target.png")
    out = tmp_path / "out"

    summary = run(table_folder, out_dir=out, workers=2, progress=False, report=False)

    by_name = {Path(r["image"]["path"]).name: r for r in jsonl_records(out)}
    assert summary.seen == 9 and summary.processed == 9
    for name, words in {
        "empty.png": "empty",
        "notes.png": "not an image",
        "truncated.png": "truncated",
        "cut.jpg": "truncated",
        "bomb.png": "pixel limit",
        "gone.png": "cannot read",
    }.items():
        record = by_name[name]
        assert record["status"] == "failed", name
        assert words in record["errors"][0]["message"], (name, record["errors"])
        assert name in record["errors"][0]["message"]
    assert by_name["a.png"]["status"] == "ok"
    assert by_name["ok.jpg"]["status"] == "ok"
    assert summary.failed == 6
    assert_outputs_agree(out, 9)


def test_duplicates_are_read_once_and_list_every_path(table_folder: Path, tmp_path: Path) -> None:
    shutil.copy(table_folder / "a.png", table_folder / "a-copy.png")
    out = tmp_path / "out"
    summary = run(table_folder, out_dir=out, workers=1, progress=False, report=False)
    assert (summary.seen, summary.distinct, summary.duplicates) == (3, 2, 1)
    records = jsonl_records(out)
    copied = next(r for r in records if len(r["image"]["paths"]) == 2)
    assert sorted(Path(p).name for p in copied["image"]["paths"]) == ["a-copy.png", "a.png"]
    assert_outputs_agree(out, 2)


def test_rerun_skips_keeps_first_seen_and_force_redoes(table_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(table_folder, out_dir=out, workers=1, progress=False, report=False)
    first = {r["image"]["sha256"]: r for r in jsonl_records(out)}

    again = run(table_folder, out_dir=out, workers=1, progress=False, report=False)
    assert (again.already_recorded, again.processed) == (2, 0)

    time.sleep(1.1)  # so that a new processing time would differ from the first
    forced = run(table_folder, out_dir=out, workers=1, force=True, progress=False, report=False)
    assert forced.processed == 2
    redone = {r["image"]["sha256"]: r for r in jsonl_records(out)}
    for sha, record in redone.items():
        assert record["image"]["first_seen"] == first[sha]["image"]["first_seen"]
        assert record["processed_at"] > first[sha]["processed_at"]
    assert_outputs_agree(out, 2)


def test_changed_settings_redo_only_what_they_affect(table_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(table_folder, out_dir=out, workers=1, progress=False, report=False)
    changed = Config()
    changed.reconcile.quote_match_threshold = 0.5  # affects reconciliation only
    summary = run(
        table_folder, out_dir=out, workers=1, config=changed, progress=False, report=False
    )
    assert summary.processed == 2
    for record in jsonl_records(out):
        assert record["timings_ms"]["ocr"] == 0.0  # OCR reused from the first run
        assert record["ocr"]["engine"] == "tesseract"


def test_run_level_errors_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(RunError, match="no such folder"):
        run(tmp_path / "nope", out_dir=tmp_path / "out", progress=False)
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    (tmp_path / "in").mkdir()
    assert main(["run", str(tmp_path / "in"), "--out", str(blocker / "sub")]) == 2
    assert "cannot write output" in capsys.readouterr().err


def test_kill_at_any_moment_then_resume_gives_one_record_each(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    count = 24
    for index in range(count):
        render_table(
            folder / f"t{index:02d}.png",
            ["model", "MMLU", "GSM8K"],
            [[f"Model {index}", f"{40 + index / 10:.1f}", f"{index}.5"]] * 6,
            size=20,
        )
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "imgread.cli",
        "run",
        str(folder),
        "--out",
        str(out),
        "--workers",
        "2",
        "--no-report",
        "--quiet",
    ]
    process = subprocess.Popen(
        command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    database = out / "results.sqlite"
    deadline = time.monotonic() + 60
    done = 0
    while time.monotonic() < deadline and process.poll() is None:
        if database.exists():
            try:
                with open_store(str(database)) as store:
                    done = len(store.shas())
            except (sqlite3.OperationalError, StoreError):
                done = 0  # the run is creating the file or switching its journal just now
            if done >= 3:
                break
        time.sleep(0.02)
    assert process.poll() is None, "the run finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert 3 <= done < count

    resumed = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert_outputs_agree(out, count)
    assert all(r["status"] == "ok" for r in jsonl_records(out))


def test_torn_jsonl_line_is_repaired_from_the_database(table_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(table_folder, out_dir=out, workers=1, progress=False, report=False)
    jsonl = out / "records.jsonl"
    jsonl.write_text(jsonl.read_text()[:-40])  # what a kill mid-write leaves
    run(table_folder, out_dir=out, workers=1, progress=False, report=False)
    assert_outputs_agree(out, 2)
