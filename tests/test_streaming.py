"""The run streams: the first record is written while the folder is still being walked and
hashed, a rerun decides "already recorded" without reading records back into Python, and
copies of an image met late in the walk still end up in its one record."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import render_table, report_html

from imgread.batch import run, work_queue
from imgread.record import Record
from imgread.store import open_store


def small_tables(folder: Path, count: int, prefix: str = "t") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [render_table(folder / f"{prefix}{index:03d}.png", ["model", "MMLU"],
                         [[f"Model {index}", f"{40 + index / 10:.1f}"]], size=14)
            for index in range(count)]


def test_first_record_is_written_before_the_last_file_is_hashed(tmp_path: Path) -> None:
    """The last file of the walk is a named pipe that nobody writes: hashing it blocks for
    ever. A run that hashes the whole folder before it starts never writes a record."""
    folder = tmp_path / "shots"
    small_tables(folder, work_queue.LOOKUP_BATCH + 4)
    os.mkfifo(folder / "zzz-never-written.png")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "imgread.cli", "run", str(folder), "--out", str(out),
         "--workers", "2", "--no-report", "--quiet"],
        start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    jsonl = out / "records.jsonl"
    first: dict | None = None
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline and process.poll() is None and first is None:
            if jsonl.exists():
                lines = jsonl.read_text().splitlines()
                first = json.loads(lines[0]) if lines else None
            time.sleep(0.05)
        still_running = process.poll() is None
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert still_running, process.stderr.read() if process.stderr else ""
    assert first is not None, "no record was written while the walk was still hashing"
    assert first["status"] == "ok" and Path(first["image"]["path"]).name.startswith("t")


def test_rerun_reads_no_earlier_record_back(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "shots"
    small_tables(folder, 12)
    out = tmp_path / "out"
    first = run(folder, out, workers=1, progress=False, report=False)
    assert first.processed == 12

    calls = [0]
    parse = Record.from_json.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Record], text: str) -> Record:
        calls[0] += 1
        return parse(cls, text)

    monkeypatch.setattr(Record, "from_json", classmethod(counting))
    again = run(folder, out, workers=1, progress=False, report=False)
    assert (again.already_recorded, again.processed) == (12, 0)
    assert calls[0] == 0  # the look-up is a query on (sha256, config hash), nothing parsed

    render_table(folder / "new.png", ["model", "GSM8K"], [["Model new", "12.5"]], size=14)
    calls[0] = 0
    added = run(folder, out, workers=1, progress=False, report=False)
    assert (added.already_recorded, added.processed) == (12, 1)
    # The new image's own result only: the twelve earlier records stay in the database.
    assert calls[0] <= 2


def test_copies_met_late_in_the_walk_join_their_record(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """With look-ups of one image at a time, copies in a later folder are met after their
    original was queued or written; each record still lists every path, once."""
    monkeypatch.setattr(work_queue, "LOOKUP_BATCH", 1)
    folder = tmp_path / "shots"
    originals = small_tables(folder, 5)
    (folder / "zz").mkdir()
    for original in originals[::2]:
        shutil.copy(original, folder / "zz" / original.name)
    out = tmp_path / "out"
    summary = run(folder, out, workers=1, progress=False, report=False)
    assert (summary.seen, summary.distinct, summary.duplicates) == (8, 5, 3)
    lines = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    paths = {Path(line["image"]["path"]).name: sorted(line["image"]["paths"]) for line in lines}
    assert len(lines) == 5
    for index, original in enumerate(originals):
        expected = [str(original)] + ([str(folder / "zz" / original.name)]
                                      if index % 2 == 0 else [])
        assert paths[original.name] == sorted(expected)
    with open_store(str(out / "results.sqlite")) as store:
        assert sorted(store.record_texts()) == sorted(
            (out / "records.jsonl").read_text().splitlines())


def test_a_conflicting_image_rewrites_no_other_record(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Conflicts are a query over the normalised readings: the second image that reads
    Llama 2 7B's MMLU differently is flagged by the query, and the first image's stored
    record and JSONL line stay exactly as they were written."""
    from imgread.cli import main
    from imgread.conflicts import CONFLICT_KIND

    folder, out = tmp_path / "shots", tmp_path / "out"
    folder.mkdir()
    render_table(folder / "a.png", ["model", "MMLU"],
                 [["Mistral 7B", "60.1"], ["Llama 2 7B", "45.3"], ["Falcon 7B", "27.8"]])
    run(folder, out, workers=1, progress=False, report=False)
    jsonl = out / "records.jsonl"
    [first_line] = jsonl.read_text().splitlines()
    with open_store(str(out / "results.sqlite")) as store:
        [first_stored] = store.record_texts()
    assert first_line == first_stored

    render_table(folder / "b.png", ["model", "MMLU"],
                 [["Mistral 7B", "60.1"], ["Llama 2 7B", "47.9"], ["Vicuna 7B", "49.8"]])
    run(folder, out, workers=1, progress=False, report=True)
    lines = jsonl.read_text().splitlines()
    assert lines[0] == first_line and len(lines) == 2
    first = json.loads(first_line)
    with open_store(str(out / "results.sqlite")) as store:
        assert first_line in list(store.record_texts())
        [conflict] = store.conflicts()
        assert sorted((conflict["value_a"], conflict["value_b"])) == [45.3, 47.9]
        [flag] = store.conflict_flags(first["image"]["sha256"])
        assert flag.kind == CONFLICT_KIND and flag.evidence["other_value"] == 47.9
    assert main(["conflicts", "--db", str(out / "results.sqlite")]) == 0
    printed = capsys.readouterr().out
    assert "45.3" in printed and "47.9" in printed
    assert "reads 45.3 here but 47.9" in report_html(out)


def test_a_rerun_that_changes_no_record_leaves_the_report_alone(tmp_path: Path) -> None:
    folder, out = tmp_path / "shots", tmp_path / "out"
    small_tables(folder, 3)
    run(folder, out, workers=1, progress=False)
    index = out / "report" / "index.html"
    written = index.stat()
    again = run(folder, out, workers=1, progress=False)
    assert again.report == index and again.already_recorded == 3
    same = index.stat()
    assert (same.st_ino, same.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)

    render_table(folder / "new.png", ["model", "GSM8K"], [["Model new", "12.5"]], size=14)
    run(folder, out, workers=1, progress=False)
    assert index.stat().st_ino != written.st_ino  # replaced atomically, with the new image
    assert "new.png" in report_html(out)
