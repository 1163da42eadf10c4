"""A real PostgreSQL server for the tests, started in a temporary folder on a free port.

Debian's ``postgresql`` package (installed by scripts/setup) puts initdb and pg_ctl under
/usr/lib/postgresql/VERSION/bin. PostgreSQL refuses to run as root, so as root the server
runs as the ``postgres`` user. Without the binaries or psycopg the tests that need the
server skip with a message saying what to install.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PASSWORD = "s3cret-pw"  # trust authentication ignores it; it is there to be redacted


def _binaries() -> Path | None:
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and shutil.which("initdb") else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Server:
    def __init__(self, binaries: Path, root: Path) -> None:
        self.binaries, self.data, self.port = binaries, root / "data", _free_port()
        self.log = root / "server.log"
        self.databases = 0

    def start(self) -> None:
        subprocess.run(_as_server_user([str(self.binaries / "initdb"), "-D", str(self.data),
                                        "-U", "imgread", "--auth=trust", "-E", "UTF8",
                                        "--no-sync"]),
                       check=True, capture_output=True)
        subprocess.run(_as_server_user([
            str(self.binaries / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
            "-o", f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off "
                  "-c full_page_writes=off -c synchronous_commit=off",
            "start"]), check=True, capture_output=True)

    def stop(self) -> None:
        subprocess.run(_as_server_user([str(self.binaries / "pg_ctl"), "-D", str(self.data),
                                        "-m", "immediate", "stop"]), capture_output=True)

    def new_database(self) -> str:
        """A fresh, empty database; its URL carries a password, to check it never shows."""
        import psycopg

        self.databases += 1
        name = f"imgread_{self.databases}"
        with psycopg.connect(f"postgresql://imgread@127.0.0.1:{self.port}/postgres",
                             autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        return f"postgresql://imgread:{PASSWORD}@127.0.0.1:{self.port}/{name}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    pytest.importorskip("psycopg", reason="psycopg 3 is not installed: pip install "
                                          "'imgread[postgres]'")
    binaries = _binaries()
    if binaries is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql; scripts/setup "
                    "does it)")
    root = Path(tempfile.mkdtemp(prefix="imgread-pg-"))
    os.chmod(root, 0o755)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    server = Server(binaries, root)
    try:
        server.start()
    except subprocess.CalledProcessError as error:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"PostgreSQL did not start: {error.stderr.decode(errors='replace')[-300:]}")
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
