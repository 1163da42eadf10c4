"""Hostile input to every subcommand: each gets a message and exit 2 (or, for one image, a
failed record), never a traceback and never a hang. Found by benchmarks/hostile.py's sweep;
each case here failed (a traceback, a hang, or a misleading message) before its fix."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, render_table

from imgread.batch import run
from imgread.cli import main


def child_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "OMP_THREAD_LIMIT": "1", **extra}


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder with one real image read into it."""
    base = tmp_path_factory.mktemp("recorded")
    (base / "shots").mkdir()
    render_table(base / "shots" / "a.png", ["model", "MMLU"], [["Llama 2 70B", "68.9"]])
    run(base / "shots", out_dir=base / "out", workers=1, progress=False, report=False)
    return base


def error_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the command in this process (an uncaught exception fails the test), expect exit 2,
    and give its message."""
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's refusal of a flag
        code = int(stop.code or 0)
    assert code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(("env", "toml", "config", "message"), [
    ({}, b"\xff\xfe[ocr]\n", None, "imgread.toml: cannot read the settings file"),
    ({}, None, "image", "a.png: cannot read the settings file"),
    ({}, None, "folder", "shots: a folder, not a settings file"),
    ({"IMGREAD_BATCH": "notjson"}, None, None, "IMGREAD_BATCH or an IMGREAD_BATCH__* "
                                               "environment variable is not valid JSON"),
    ({"IMGREAD_BATCH__EXTENSIONS": "png"}, None, None, "is not valid JSON"),
    ({"IMGREAD_BATCH__DB_BUSY_TIMEOUT_S": "nan"}, None, None,
     "batch.db_busy_timeout_s: Input should be a finite number"),
    ({"IMGREAD_OCR__TIMEOUT_S": "inf"}, None, None, "ocr.timeout_s: Input should be a finite"),
    ({"IMGREAD_BATCH__WORKERS": "-2"}, None, None, "batch.workers: Input should be greater"),
    ({"IMGREAD_LOAD__MAX_PIXELS": "0"}, None, None, "load.max_pixels: Input should be greater"),
])
def test_settings_that_cannot_be_read_or_used_get_a_message(
        recorded: Path, tmp_path: Path, env: dict[str, str], toml: bytes | None,
        config: str | None, message: str) -> None:
    """Each of these was a traceback (a binary settings file, a non-JSON list, NaN, which
    reached the workers as null) or was taken silently (a negative count of workers)."""
    work = tmp_path / "work"
    work.mkdir()
    if toml is not None:
        (work / "imgread.toml").write_bytes(toml)
    flags = {None: [], "image": ["--config", str(recorded / "shots" / "a.png")],
             "folder": ["--config", str(recorded / "shots")]}[config]
    result = subprocess.run(
        [sys.executable, "-m", "imgread.cli", "run", str(recorded / "shots"), "--out",
         str(tmp_path / "o"), "--no-report", "--quiet", *flags], cwd=work,
        env=child_env(**env), capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") <= 3


@pytest.mark.parametrize(("argv", "message"), [
    (["run", "shots", "--workers", "0"], "--workers: 0 is not 1 or more"),
    (["run", "shots", "--workers", "-3"], "--workers: -3 is not 1 or more"),
    (["query", "SELECT 1", "--timeout", "-5"], "--timeout: -5 is not 0 or more seconds"),
    (["query", "SELECT 1", "--timeout", "nan"], "--timeout: nan is not 0 or more seconds"),
])
def test_numbers_a_flag_cannot_take_are_refused(
        recorded: Path, argv: list[str], message: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A negative count of workers ran with the default; a negative time limit meant none."""
    monkeypatch.chdir(recorded)
    assert message in error_of([*argv, "--out", "out"], capsys)


@pytest.mark.parametrize("sql", ["PRAGMA journal_mode=DELETE", "PRAGMA user_version = 3",
                                 "VACUUM INTO 'copy.sqlite'"])
def test_query_says_it_is_read_only_for_every_kind_of_write(
        recorded: Path, sql: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A pragma that sets something was a "disk I/O error" with a hint to check the SQL."""
    monkeypatch.chdir(recorded)
    database = recorded / "out" / "results.sqlite"
    err = error_of(["query", sql, "--db", str(database)], capsys)
    assert "imgread query is read-only" in err
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert not (Path.cwd() / "copy.sqlite").exists()
    assert main(["query", "PRAGMA table_info(images)", "--db", str(database)]) == 0
    assert "sha256" in capsys.readouterr().out  # a pragma that only reads still works


@pytest.mark.parametrize("sql", ["", "   ", "-- only a comment"])
def test_query_without_a_statement_says_so(recorded: Path, sql: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """It printed an empty table of "(0 rows)"."""
    err = error_of(["query", sql, "--db", str(recorded / "out" / "results.sqlite")], capsys)
    assert "the SQL returns no rows: it is empty, or not a query" in err


@pytest.mark.parametrize(("output", "fmt"), [("/dev/full", "csv"),
                                             ("/nonexistent-folder/rows.parquet", "parquet")])
def test_an_export_that_cannot_be_written_names_its_file(
        recorded: Path, output: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The Parquet writer's error named no file: the message began "a file: ..."."""
    err = error_of(["export", "--db", str(recorded / "out" / "results.sqlite"), "--format",
                    fmt, "--output", output], capsys)
    assert err.startswith(f"imgread: error: {output}: cannot write the export")


def test_show_with_a_key_too_long_to_be_a_path(recorded: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """It said "File name too long", with a hint about writable paths and disk space."""
    err = error_of(["show", "a" * 5000, "--db", str(recorded / "out" / "results.sqlite")],
                   capsys)
    assert "no record with this path, file name or sha256" in err


@pytest.mark.parametrize("make", ["empty", "proc"])
def test_a_file_with_no_tables_is_not_an_imgread_database(
        tmp_path: Path, make: str, capsys: pytest.CaptureFixture[str]) -> None:
    """An empty file read as "schema version 0", with a hint to upgrade it in place."""
    database = tmp_path / "empty.sqlite"
    database.write_bytes(b"")
    path = str(database) if make == "empty" else "/proc/self/status"
    for command in ("stats", "query", "export", "conflicts"):
        argv = [command, "SELECT 1"] if command == "query" else [command]
        err = error_of([*argv, "--db", path], capsys)
        assert "not an imgread database" in err and "upgrade" not in err


def test_an_output_folder_that_is_a_file_is_refused(recorded: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """It said "cannot write output here (File exists)"."""
    err = error_of(["run", str(recorded / "shots"), "--out", "/dev/null"], capsys)
    assert "/dev/null: exists and is not a folder" in err


def test_a_fifo_or_a_device_named_like_an_image_gets_a_failed_record(tmp_path: Path) -> None:
    """A FIFO named x.png made the run wait forever for a writer, and a link to /dev/zero
    made it read forever."""
    shots = tmp_path / "shots"
    shots.mkdir()
    render_table(shots / "a.png", ["model", "MMLU"], [["Mistral 7B", "60.1"]])
    os.mkfifo(shots / "pipe.png")
    (shots / "zero.png").symlink_to("/dev/zero")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "imgread.cli", "run", str(shots), "--out", str(out),
         "--workers", "1", "--no-report", "--quiet"],
        env=child_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(out / "results.sqlite") as db:
        found = dict(db.execute(
            "SELECT path, json_extract(record_json, '$.errors[0].message') FROM images "
            "JOIN image_records USING (sha256)").fetchall())
    assert found[str(shots / "a.png")] is None
    assert "not a regular file but a named pipe (FIFO)" in found[str(shots / "pipe.png")]
    assert "not a regular file but a device" in found[str(shots / "zero.png")]


@pytest.mark.parametrize(("argv", "message"), [
    (["run", "shots", "--force-vlm", ""], "--force-vlm was given an empty model name"),
    (["run", "shots", "--db", ""], "--db was given an empty path"),
    (["stats", "--db", " "], "--db was given an empty path"),
    (["import", "--out", "/dev/null", "shots/a.png"], "/dev/null: exists and is not a folder"),
    (["report", "--out", "/dev/null", "--db", "out/results.sqlite"],
     "/dev/null: exists and is not a folder"),
])
def test_empty_names_and_files_for_folders_are_refused(
        recorded: Path, argv: list[str], message: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """--force-vlm '' read the current folder as a model (each image's VLM then failed);
    --db '' was taken as the default; import and report said "File exists" or "Not a
    directory" with a hint about disk space."""
    monkeypatch.chdir(recorded)
    assert message in error_of(argv, capsys)


@pytest.mark.parametrize("make", ["fifo", "zero"])
def test_importing_a_fifo_or_an_endless_device_is_refused(tmp_path: Path, make: str) -> None:
    """A FIFO waited forever for a writer; /dev/zero (which says its size is 0) was read
    until the OOM killer ended the process. The child gets an address-space limit so that a
    regression fails this test rather than the machine."""
    source = tmp_path / "descriptions.txt"
    if make == "fifo":
        os.mkfifo(source)
    else:
        source.symlink_to("/dev/zero")
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30)); "
    result = subprocess.run(
        [sys.executable, "-c", limit + "import sys; from imgread.cli import main; "
         "sys.exit(main(sys.argv[1:]))", "import", "--db", str(tmp_path / "db.sqlite"),
         str(source)], env=child_env(), capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "not a regular file (a pipe, socket or device)" in result.stderr
