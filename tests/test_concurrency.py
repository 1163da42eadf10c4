"""Runs that overlap, runs that are killed, and processes that must not outlive their run:
all with real processes, a real database and real images."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import REPO, render_table
from test_batch import assert_outputs_agree, jsonl_records

from imgread.batch import run
from imgread.faults import KILL_POINTS
from imgread.locking import output_lock
from imgread.store import open_store


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "imgread.cli", *args]


def child_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "OMP_THREAD_LIMIT": "1", **extra}


def make_folder(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        render_table(folder / f"t{index:02d}.png", ["model", "MMLU", "GSM8K"],
                     [[f"Model {index}", f"{40 + index / 10:.1f}", f"{index}.5"]] * 4, size=20)
    return folder


def processes_with(token: str) -> list[int]:
    """Live processes whose environment carries ``token``: a run and everything it started."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if token.encode() in environ and state != "Z":
            found.append(int(entry.name))
    return found


def wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def recorded(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with open_store(str(database), read_only=True) as store:
            return len(store.shas())
    except Exception:
        return 0


def test_a_run_waits_with_a_message_while_another_holds_the_folder(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "shots", 2)
    out = tmp_path / "out"
    out.mkdir()
    with output_lock(out):  # as a run in progress holds it
        waiting = subprocess.Popen(
            cli("run", str(folder), "--out", str(out), "--workers", "1", "--no-report",
                "--quiet"), env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
        assert waiting.stderr is not None
        line = waiting.stderr.readline()
        assert f"another imgread run (pid {os.getpid()}) is writing to {out}" in line
        assert "waiting" in line
        time.sleep(0.5)
        assert waiting.poll() is None and recorded(out / "results.sqlite") == 0
    _, err = waiting.communicate(timeout=180)
    assert waiting.returncode == 0, err
    assert_outputs_agree(out, 2)


def test_two_runs_started_together_on_one_output_folder(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "shots", 6)
    out = tmp_path / "out"
    command = cli("run", str(folder), "--out", str(out), "--workers", "1", "--no-report",
                  "--quiet")
    runs = [subprocess.Popen(command, env=child_env(), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [process.communicate(timeout=240) for process in runs]
    for process, (_, err) in zip(runs, results, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err
    assert_outputs_agree(out, 6)
    # One run read the images, the other found them recorded.
    assert sorted("6 already recorded" in out_text for out_text, _ in results) == [False, True]
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_temporary_names_are_never_shared(tmp_path: Path) -> None:
    """The old fixed names (.imgread-write-test, records.jsonl.tmp) made one run's files
    vanish under another; a stale one left in the way must not matter either."""
    folder = make_folder(tmp_path / "shots", 1)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".imgread-write-test").mkdir()
    (out / "records.jsonl.tmp").mkdir()
    run(folder, out_dir=out, workers=1, progress=False, report=False)
    (out / "records.jsonl").write_text("")  # forces a resync through a temporary file
    run(folder, out_dir=out, workers=1, progress=False, report=False)
    assert_outputs_agree(out, 1)


def test_a_database_locked_for_too_long_gives_a_message_and_exit_2(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "shots", 1)
    out = tmp_path / "out"
    run(folder, out_dir=out, workers=1, progress=False, report=False)
    render_table(folder / "new.png", ["model", "MMLU"], [["Other", "50.5"]])
    holder = sqlite3.connect(out / "results.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer that does not let go
    try:
        result = subprocess.run(
            cli("run", str(folder), "--out", str(out), "--workers", "1", "--no-report",
                "--quiet"),
            env=child_env(IMGREAD_BATCH__DB_BUSY_TIMEOUT_S="1"), capture_output=True,
            text=True, timeout=120)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2, result.stderr
    assert "held the database lock for over 1 s" in result.stderr
    assert "Traceback" not in result.stderr


def test_known_bytes_under_a_new_path_reach_the_jsonl(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "shots", 2)
    out = tmp_path / "out"
    run(folder, out_dir=out, workers=1, progress=False, report=False)
    shutil.copy(folder / "t00.png", folder / "copy.png")
    run(folder, out_dir=out, workers=1, progress=False, report=False)
    assert_outputs_agree(out, 2)
    paths = {tuple(r["image"]["paths"]) for r in jsonl_records(out)}
    assert (str(folder / "copy.png"), str(folder / "t00.png")) in paths


def test_jsonl_and_database_agree_on_everything_under_one_stamp(tmp_path: Path) -> None:
    """What concurrent runs left: the same processed_at, other timings in the database."""
    folder = make_folder(tmp_path / "shots", 1)
    out = tmp_path / "out"
    run(folder, out_dir=out, workers=1, progress=False, report=False)
    with open_store(str(out / "results.sqlite")) as store:
        record = next(store.records())
        record.timings_ms = {stage: ms + 1.0 for stage, ms in record.timings_ms.items()}
        store.put(record)
    run(folder, out_dir=out, workers=1, progress=False, report=False)
    assert_outputs_agree(out, 1)


def _start_run(folder: Path, out: Path, token: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        cli("run", str(folder), "--out", str(out), "--workers", "2", "--no-report", "--quiet"),
        env=child_env(IMGREAD_TEST_TOKEN=token), stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, start_new_session=True)


@pytest.fixture()
def many(tmp_path: Path) -> Path:
    return make_folder(tmp_path / "many", 16)


def test_sigterm_stops_the_run_with_a_message_and_leaves_no_process(
    many: Path, tmp_path: Path
) -> None:
    token = uuid.uuid4().hex
    out = tmp_path / "out"
    process = _start_run(many, out, token)
    try:
        assert wait_for(lambda: recorded(out / "results.sqlite") >= 1, 90)
        assert len(processes_with(token)) >= 3  # the run, its workers, the resource tracker
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
        assert process.returncode == 143, err
        assert "stopped by SIGTERM" in err and "Traceback" not in err
        assert wait_for(lambda: not processes_with(token), 15), processes_with(token)
    finally:
        for pid in processes_with(token):
            os.kill(pid, signal.SIGKILL)


def test_workers_exit_when_their_main_process_is_killed(many: Path, tmp_path: Path) -> None:
    token = uuid.uuid4().hex
    out = tmp_path / "out"
    process = _start_run(many, out, token)
    try:
        assert wait_for(lambda: recorded(out / "results.sqlite") >= 1, 90)
        assert len(processes_with(token)) >= 3
        os.kill(process.pid, signal.SIGKILL)  # the main process only, as the OOM killer does
        process.wait(timeout=10)
        # The kernel kills the workers (the resource tracker follows once their pipes close).
        assert wait_for(lambda: not processes_with(token), 30), processes_with(token)
    finally:
        for pid in processes_with(token):
            os.kill(pid, signal.SIGKILL)
    resumed = subprocess.run(cli("run", str(many), "--out", str(out), "--workers", "2",
                                 "--no-report", "--quiet"),
                             env=child_env(), capture_output=True, text=True, timeout=180)
    assert resumed.returncode == 0, resumed.stderr
    assert_outputs_agree(out, 16)


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_kill_at_each_named_point_loses_and_duplicates_nothing(
    point: str, tmp_path: Path
) -> None:
    folder = make_folder(tmp_path / "shots", 3)
    out = tmp_path / "out"
    command = cli("run", str(folder), "--out", str(out), "--workers", "1", "--no-report",
                  "--quiet")
    if point == "mid_resync":  # a resync happens when the JSONL lacks a record
        run(folder, out_dir=out, workers=1, progress=False, report=False)
        (out / "records.jsonl").write_text("")
        shutil.copy(folder / "t00.png", folder / "again.png")
    killed = subprocess.run(command, env=child_env(IMGREAD_KILL_AT=point),
                            capture_output=True, text=True, timeout=180)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    resumed = subprocess.run(command, env=child_env(), capture_output=True, text=True,
                             timeout=180)
    assert resumed.returncode == 0, resumed.stderr
    assert_outputs_agree(out, 3)
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


HOGGING_PARENT = """
import multiprocessing, re, sys
from pathlib import Path

def hog(flag):
    from imgread.lifecycle import exit_with_parent
    exit_with_parent()
    Path(flag).write_text("hogging")
    re.match(r"(a+)+$", "a" * 64 + "b")  # backtracks for ages without letting go of the GIL

if __name__ == "__main__":
    child = multiprocessing.get_context("spawn").Process(target=hog, args=(sys.argv[1],))
    child.start()
    child.join()
"""


def test_a_worker_stuck_in_native_code_still_dies_with_its_parent(tmp_path: Path) -> None:
    """The parent-polling thread needs a turn at the interpreter, which a native call can
    hold for minutes (a page read on a loaded machine held it past a minute in CI)."""
    token = uuid.uuid4().hex
    flag = tmp_path / "flag"
    script = tmp_path / "parent.py"
    script.write_text(HOGGING_PARENT)
    parent = subprocess.Popen([sys.executable, str(script), str(flag)],
                              env=child_env(IMGREAD_TEST_TOKEN=token), start_new_session=True)
    try:
        assert wait_for(flag.exists, 60)
        assert [pid for pid in processes_with(token) if pid != parent.pid]
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        assert wait_for(lambda: not processes_with(token), 10), processes_with(token)
    finally:
        for pid in processes_with(token):
            os.kill(pid, signal.SIGKILL)
