"""A full disk, and the other conditions a user causes, give a message and exit 2 (or a
failed record for one image), never a traceback, and never lose a committed record."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import REPO, mounted_tmpfs, render_table
from PIL import Image
from test_batch import assert_outputs_agree

from imgread.batch import run
from imgread.cli import main
from imgread.store import open_store


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "OMP_THREAD_LIMIT": "1"}


def file_size_limit(limit: int) -> Callable[[], None]:
    """For a child process: writes past ``limit`` bytes fail with EFBIG (as on a full disk)
    instead of killing the process with SIGXFSZ."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def run_cli(args: list[str], limit: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "imgread.cli", *args], env=child_env(),
                          capture_output=True, text=True, timeout=180,
                          preexec_fn=file_size_limit(limit) if limit else None)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shots = tmp_path / "shots"
    shots.mkdir()
    for index in range(3):
        render_table(shots / f"t{index}.png", ["model", "MMLU"],
                     [[f"Model {index}", f"{50 + index}.5"]] * 3)
    return shots


def test_a_full_disk_during_a_database_commit(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (tmp_path / "empty").mkdir()
    run(tmp_path / "empty", out_dir=out, workers=1, progress=False, report=False)  # no records
    size = (out / "results.sqlite").stat().st_size
    result = run_cli(["run", str(folder), "--out", str(out), "--workers", "1", "--no-report",
                      "--quiet"], limit=size + 16_384)
    assert result.returncode == 2, result.stderr
    assert "disk is full" in result.stderr and "Traceback" not in result.stderr
    # What was committed before the disk filled is whole, and the next run completes it.
    run(folder, out_dir=out, workers=1, progress=False, report=False)
    assert_outputs_agree(out, 3)


def test_a_full_disk_during_the_jsonl_resync(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(folder, out_dir=out, workers=1, progress=False, report=False)
    (out / "records.jsonl").unlink()  # as after a lost file: the run rewrites it first
    # A reader keeps the database's shared-memory file in place, so that the run opens the
    # database without writing and fails only on the JSONL.
    reader = open_store(str(out / "results.sqlite"), read_only=True)
    try:
        result = run_cli(["run", str(folder), "--out", str(out), "--workers", "1",
                          "--no-report", "--quiet"], limit=4096)
    finally:
        reader.close()
    assert result.returncode == 2, result.stderr
    assert "records.jsonl: cannot write: the disk is full" in result.stderr
    assert "Traceback" not in result.stderr
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture()
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "small"
    target.mkdir()
    with mounted_tmpfs(target, "256k"):
        yield target


def test_a_really_full_disk(folder: Path, small_tmpfs: Path) -> None:
    result = run_cli(["run", str(folder), "--out", str(small_tmpfs), "--workers", "1",
                      "--no-report", "--quiet"])
    assert result.returncode == 2, result.stderr
    assert "disk is full" in result.stderr and "Traceback" not in result.stderr


def test_a_one_pixel_image_gets_a_failed_record_that_says_why(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    Image.new("RGB", (1, 1), "white").save(shots / "dot.png")
    out = tmp_path / "out"
    run(shots, out_dir=out, workers=1, progress=False, report=False)
    with open_store(str(out / "results.sqlite")) as store:
        (record,) = store.records()
    assert record.status == "failed"
    assert "1x1 pixels is too small" in record.errors[0].message
    assert "OpenCV" not in record.errors[0].message


def test_an_empty_vlm_name_is_refused(folder: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--vlm", ""]) == 2
    assert "--vlm was given an empty model name" in capsys.readouterr().err


def test_a_database_that_is_not_a_file_is_refused(folder: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    journal = Path("/dev/null-journal")
    left_before = journal.exists()  # by an older imgread, or by another program
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--db", "/dev/null",
                 "--no-report", "--quiet"]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert journal.exists() == left_before
    assert main(["stats", "--db", "/dev/null"]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_records_file_that_is_a_folder_is_refused(folder: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    (out / "records.jsonl").mkdir(parents=True)
    assert main(["run", str(folder), "--out", str(out), "--no-report", "--quiet"]) == 2
    assert "records.jsonl: exists and is not a file" in capsys.readouterr().err


def without_root_privilege() -> list[str]:
    """A command prefix under which file permissions bind, even for root."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root ignores file permissions, and setpriv is not installed")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def test_an_unreadable_subfolder_is_named_not_skipped_silently(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    (shots / "locked").mkdir(parents=True)
    render_table(shots / "a.png", ["model", "MMLU"], [["Model", "50.5"]])
    render_table(shots / "locked" / "b.png", ["model", "MMLU"], [["Other", "60.5"]])
    (shots / "locked").chmod(0o000)
    try:
        result = subprocess.run(
            [*without_root_privilege(), sys.executable, "-m", "imgread.cli", "run", str(shots),
             "--out", str(tmp_path / "out"), "--workers", "1", "--no-report", "--quiet"],
            env=child_env(), capture_output=True, text=True, timeout=180)
    finally:
        (shots / "locked").chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert "warning: cannot read the folder" in result.stderr
    assert "locked (Permission denied)" in result.stderr
    assert "1 folder(s) could not be read" in result.stdout


@pytest.mark.parametrize(("env", "toml", "message"), [
    ({"IMGREAD_OCR__PSN": "6"}, None, "settings: ocr.psn: Extra inputs are not permitted"),
    ({"IMGREAD_OCR__PSM": "six"}, None, "settings: ocr.psm:"),
    ({}, "[ocr\npsm = 6\n", "imgread.toml: not valid TOML"),
])
def test_wrong_settings_get_a_message_not_a_traceback(
    folder: Path, tmp_path: Path, env: dict[str, str], toml: str | None, message: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    if toml is not None:
        (work / "imgread.toml").write_text(toml)
    result = subprocess.run(
        [sys.executable, "-m", "imgread.cli", "run", str(folder), "--out", str(tmp_path / "o"),
         "--no-report", "--quiet"], cwd=work, env={**child_env(), **env},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") <= 3  # a line that names it, and a hint


def test_a_report_that_cannot_be_written_gets_a_message(folder: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    run(folder, out_dir=out, workers=1, progress=False, report=False)
    (out / "report").write_text("a file where the report folder goes")
    assert main(["report", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "report" in err and "may be written" in err


MEMORY_CHILD = """
import resource, sys
from imgread import read_image
from imgread.memory import _meminfo
from pathlib import Path
used = _meminfo("VmSize", Path("/proc/self/status"))
limit = used + 250 * 2**20
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
record = read_image(sys.argv[1])
print(record.status)
print(record.errors[0].message if record.errors else "")
"""


def test_an_image_that_needs_more_memory_than_is_left_is_refused_from_its_header(
    tmp_path: Path
) -> None:
    """A small PNG of 30 million blank pixels needs about 600 MB to read; with 250 MB of
    address space left it gets a failed record saying so, before any decoding."""
    path = tmp_path / "blank.png"
    Image.new("L", (6000, 5000), 255).save(path)
    assert path.stat().st_size < 100_000
    result = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(path)], env=child_env(),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    status, message = result.stdout.splitlines()[:2]
    assert status == "failed"
    assert "reading 6000x5000 pixels needs about 572 MiB of memory" in message
