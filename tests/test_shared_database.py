"""Several processes opening one database at once, and runs on two machines sharing one
PostgreSQL database: real processes, a real SQLite file, a real server."""

from __future__ import annotations

import json
import multiprocessing
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pg_server import PASSWORD, Server, postgres_server  # noqa: F401  (a fixture)
from test_concurrency import child_env, cli, make_folder

from imgread.locking import file_system_type, shared_storage_warning
from imgread.store import StoreError, open_store

ROUNDS = 30
OPENERS = 3


def _open(path: str, go: multiprocessing.synchronize.Barrier,
          answers: multiprocessing.queues.Queue) -> None:  # type: ignore[type-arg]
    go.wait()  # every opener starts at the same moment
    try:
        with open_store(path, busy_timeout_s=10):
            answers.put("ok")
    except StoreError as error:
        answers.put(str(error))


def test_processes_creating_one_new_database_together_all_open_it(tmp_path: Path) -> None:
    """SQLite refuses the switch to WAL at once, without waiting, when another process opens
    the same new file at that moment; that was reported as a lock "held for over 60 s"."""
    context = multiprocessing.get_context("fork")
    answers = []
    for round_ in range(ROUNDS):
        go, queue = context.Barrier(OPENERS), context.Queue()
        openers = [context.Process(target=_open, args=(str(tmp_path / f"{round_}.sqlite"),
                                                       go, queue)) for _ in range(OPENERS)]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join(timeout=60)
        answers += [queue.get(timeout=5) for _ in openers]
    assert answers == ["ok"] * ROUNDS * OPENERS
    for round_ in range(ROUNDS):
        with sqlite3.connect(tmp_path / f"{round_}.sqlite") as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_journal_switch_that_cannot_happen_says_why(tmp_path: Path) -> None:
    database = tmp_path / "results.sqlite"
    open_store(str(database)).close()
    with sqlite3.connect(database, isolation_level=None) as db:
        db.execute("PRAGMA journal_mode=DELETE")
    reader = sqlite3.connect(database, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM images").fetchone()  # holds the file open
    try:
        with pytest.raises(StoreError) as raised:
            open_store(str(database), busy_timeout_s=0.5)
    finally:
        reader.close()
    assert "cannot switch the database's journal to WAL" in str(raised.value)
    assert "another process kept the file open" in str(raised.value)
    with open_store(str(database)):  # once the other process let go, it opens
        pass


HOLDER = """import sys, time
from pathlib import Path
from imgread.locking import hold_folder_in_database
from imgread.store import open_store
store = open_store(sys.argv[1])
hold_folder_in_database(store, Path(sys.argv[2]))
print("holding", flush=True)
time.sleep(600)
"""


def test_a_run_on_another_machine_holds_the_folder_through_postgres(
        postgres_server: Server, tmp_path: Path) -> None:  # noqa: F811
    """Two machines, one PostgreSQL database, one --out on shared storage, each mounting it
    at its own path: neither sees the other's flock, so the database keeps them apart. The
    other machine's run is a process holding the lock in the database only; kill -9 of it
    lets the waiting run go on."""
    url = postgres_server.new_database()
    folder = make_folder(tmp_path / "shots", 2)
    out = tmp_path / "out"
    out.mkdir()
    mounted_elsewhere = tmp_path / "mnt-out"
    mounted_elsewhere.symlink_to(out)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url, str(out)], env=child_env(),
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        # A run on another folder with the same database is not held up.
        other = subprocess.run(cli("run", str(folder), "--out", str(tmp_path / "own-out"),
                                   "--db", url, "--workers", "1", "--no-report", "--quiet"),
                               env=child_env(), capture_output=True, text=True, timeout=180)
        assert other.returncode == 0, other.stderr
        assert "waiting" not in other.stderr
        waiting = subprocess.Popen(
            cli("run", str(folder), "--out", str(mounted_elsewhere), "--db", url,
                "--workers", "1", "--no-report", "--quiet"),
            env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert waiting.stderr is not None
        line = waiting.stderr.readline()
        assert f"another imgread run (host {socket.gethostname()}, pid {holder.pid}) is " \
               f"writing to {mounted_elsewhere} through the database " in line
        assert "waiting" in line and PASSWORD not in line and "imgread:***@" in line
        time.sleep(2)
        assert waiting.poll() is None
        assert not (out / "records.jsonl").exists()  # it wrote nothing while it waited
    finally:
        holder.kill()  # kill -9: the server drops the lock with the connection
        holder.wait()
    _, err = waiting.communicate(timeout=180)
    assert waiting.returncode == 0, err
    assert "Traceback" not in err
    lines = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    with open_store(url, read_only=True) as store:
        assert sorted(record["image"]["sha256"] for record in lines) == sorted(store.shas())
    assert len(lines) == 2


# A mount table as /proc/self/mountinfo gives it (recorded on a machine with an NFS share).
MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
31 22 0:45 / /mnt/shared rw,relatime shared:20 - nfs4 files:/export rw,vers=4.2
32 31 0:46 / /mnt/shared/local\\040disk rw,relatime - ext4 /dev/sdb1 rw
33 22 0:47 / /mnt/shared\\040drive rw,relatime - cifs //nas/share rw
"""


@pytest.mark.parametrize(("database", "kind"), [
    ("/mnt/shared/run/out/results.sqlite", "nfs4"),
    ("/mnt/shared/local disk/results.sqlite", None),  # a local disk mounted inside the share
    ("/mnt/shared drive/results.sqlite", "cifs"),
    ("/mnt/sharedother/results.sqlite", None),
    ("/home/me/out/results.sqlite", None),
])
def test_a_sqlite_database_on_a_network_file_system_gets_a_warning(
        database: str, kind: str | None) -> None:
    warning = shared_storage_warning(Path(database), MOUNTINFO)
    if kind is None:
        assert warning is None
    else:
        assert warning is not None and f"on a network file system ({kind})" in warning
        assert "use PostgreSQL" in warning


def test_this_machines_own_disk_gets_no_warning(tmp_path: Path) -> None:
    assert file_system_type(tmp_path) is not None  # the real mount table was read
    assert shared_storage_warning(tmp_path / "results.sqlite") is None
