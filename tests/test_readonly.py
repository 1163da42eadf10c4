"""The reading commands (query, show, stats, export) never write the database, work on
read-only media, and `imgread query` has a time limit, stops on Ctrl-C and streams."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, mounted_tmpfs
from test_store import make_record

from imgread.cli import main
from imgread.store import SCHEMA_VERSION, open_store

ENDLESS = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
           "SELECT count(*) FROM c")


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "OMP_THREAD_LIMIT": "1"}


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "imgread.cli", *args]


@pytest.fixture()
def database(tmp_path: Path) -> Path:
    path = tmp_path / "results.sqlite"
    with open_store(str(path)) as store:
        store.put(make_record())
    return path


def test_query_stops_at_its_time_limit_with_a_message(
        database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The query counts for ever, so only the limit can end it, however loaded the machine:
    the outcome does not depend on how fast the query runs or how long the start takes."""
    assert main(["query", "--db", str(database), "--timeout", "0.2", ENDLESS]) == 2
    err = capsys.readouterr().err
    assert "ran for over 0.2 s and was stopped" in err
    assert "--timeout" in err and "Traceback" not in err


def _times_open(pid: int, path: Path) -> int:
    folder = Path(f"/proc/{pid}/fd")
    try:
        return sum(Path(os.readlink(folder / fd)) == path.resolve() for fd in os.listdir(folder))
    except OSError:
        return 0


def test_ctrl_c_stops_a_query(database: Path) -> None:
    process = subprocess.Popen(cli("query", "--db", str(database), "--timeout", "0", ENDLESS),
                               env=child_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    # The query is running once the process has the database open twice, the store's
    # connection and the query's own (imports take seconds on a loaded machine, and a signal
    # during them is another case).
    deadline = time.monotonic() + 60
    while _times_open(process.pid, database) < 2 and time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        time.sleep(0.1)
    time.sleep(0.5)
    assert process.poll() is None
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=15)
    assert process.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err


def test_query_output_is_streamed(database: Path, tmp_path: Path) -> None:
    """Three hundred thousand wide rows printed in the memory of one batch: the query's
    peak memory stays far under what holding them all takes (285 MB before streaming)."""
    sql = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 300000) "
           "SELECT x, printf('%.200c', 'a') AS pad FROM c")
    printed = tmp_path / "printed.txt"
    # A fresh parent measures the query's process alone (RUSAGE_CHILDREN keeps a maximum).
    measure = ("import resource, subprocess, sys\n"
               "with open(sys.argv[1], 'w') as out:\n"
               "    code = subprocess.run(sys.argv[2:], stdout=out).returncode\n"
               "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", measure, str(printed),
                             *cli("query", "--db", str(database), sql)],
                            env=child_env(), capture_output=True, text=True, timeout=120)
    code, peak_kib = map(int, result.stdout.split())
    assert code == 0, result.stderr
    with printed.open() as handle:
        assert sum(1 for _ in handle) == 300_000 + 3  # header, rule, rows, count
    assert peak_kib < 130_000


def test_query_piped_into_head_ends_quietly(database: Path) -> None:
    result = subprocess.run(
        f"{sys.executable} -m imgread.cli query --db {database} --timeout 0 "
        f"\"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c\" "
        "| head -3", shell=True, env=child_env(), capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[2].strip() == "1"
    assert "Traceback" not in result.stderr


def _journal_and_version(path: Path) -> tuple[str, int]:
    db = sqlite3.connect(path)
    try:
        return (db.execute("PRAGMA journal_mode").fetchone()[0],
                db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def _reading_commands(db: Path, tmp_path: Path) -> list[list[str]]:
    return [["query", "--db", str(db), "SELECT count(*) FROM images"],
            ["show", "--db", str(db), make_record().image.sha256],
            ["stats", "--db", str(db)],
            ["export", "--db", str(db), "--what", "scores", "-o", str(tmp_path / "s.csv")],
            ["conflicts", "--db", str(db)]]


def test_reading_commands_never_switch_the_journal(database: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=DELETE")  # as another tool may leave it
    db.close()
    before = database.read_bytes()
    for command in _reading_commands(database, tmp_path):
        assert main(command) == 0, capsys.readouterr().err
    assert _journal_and_version(database) == ("delete", SCHEMA_VERSION)
    assert database.read_bytes() == before


def test_reading_commands_never_upgrade_an_old_schema(database: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = sqlite3.connect(database)
    db.execute("DROP TABLE readings")
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    for command in _reading_commands(database, tmp_path):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "schema version 2" in err and "imgread run" in err
    assert _journal_and_version(database)[1] == 2


@pytest.fixture()
def read_only_media(tmp_path: Path) -> Iterator[Path]:
    """A folder on a file system mounted read-only (root), else a folder without write
    permission (which binds every other user)."""
    target = tmp_path / "media"
    target.mkdir()
    if os.geteuid() != 0:
        yield target
        target.chmod(0o755)
        return
    with mounted_tmpfs(target, "8m"):
        yield target


def _make_read_only(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)


def test_reading_commands_work_on_read_only_media(database: Path, read_only_media: Path,
                                                  tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(database, read_only_media / "results.sqlite")
    _make_read_only(read_only_media)
    copy = read_only_media / "results.sqlite"
    for command in _reading_commands(copy, tmp_path):
        assert main(command) == 0, capsys.readouterr().err
    assert sorted(p.name for p in read_only_media.iterdir()) == ["results.sqlite"]
