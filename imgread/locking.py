"""One run at a time per output folder.

Two runs writing one ``--out`` would interleave their JSONL appends with each other's
rewrites. The second run therefore waits for the first, saying so, and then goes on: it
finds the images the first one recorded and skips them. The lock is an ``flock`` on
``OUT/.imgread.lock``: the kernel releases it when its holder exits, however it exits
(a kill -9 included), so a stale lock never blocks a later run. ``flock`` is reliable on
local file systems (and on NFS mounted with locking, where Linux turns it into an NFS lock).

Runs on two machines that share a PostgreSQL database and reach one ``--out`` on shared
storage are kept apart by the database as well (``hold_folder_in_database``): a session
advisory lock keyed by the folder's identity, a random id kept in ``OUT/.imgread-id``, so
the same folder is the same key whatever path each machine mounts it at. The server drops
the lock when the holder's connection ends: at once when its process dies, within about a
minute (TCP keepalives) when its machine does.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

LOCK_NAME = ".imgread.lock"
FOLDER_ID_NAME = ".imgread-id"
# How often a run waiting for another machine's run asks the database again.
DATABASE_LOCK_POLL_S = 1.0


def _holder(fd: int) -> str:
    """The pid the current holder wrote into the lock file, for the message."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (pid {text})" if text.isdigit() else ""


@contextmanager
def output_lock(out_dir: Path, log: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold ``out_dir``'s lock for the block, waiting (with a message) while another run
    holds it. Ctrl-C while waiting stops the wait."""
    fd = os.open(out_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if log is not None:
                log(f"imgread: another imgread run{_holder(fd)} is writing to {out_dir}; "
                    "waiting for it to finish (Ctrl-C to stop)")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def folder_id(out_dir: Path) -> str:
    """The folder's identity, the same from every machine that mounts it: a random id
    written once. It is linked into place whole, so two machines creating it at once agree
    on one (``link`` fails when the name exists, as it does on NFS too)."""
    target = out_dir / FOLDER_ID_NAME
    try:
        return target.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    draft = out_dir / f".{FOLDER_ID_NAME}.{os.getpid()}.{secrets.token_hex(6)}.tmp"
    draft.write_text(secrets.token_hex(16) + "\n", encoding="ascii")
    try:
        os.link(draft, target)
    except FileExistsError:
        pass  # another run made it first: its id is the folder's
    finally:
        draft.unlink(missing_ok=True)
    return target.read_text(encoding="ascii").strip()


def hold_folder_in_database(store: Any, out_dir: Path,
                            log: Callable[[str], None] | None = None) -> None:
    """Where the database is shared between machines (PostgreSQL), take ``out_dir``'s lock
    in it too, waiting (with a message) while a run on another machine holds it. The lock
    lasts as long as the store's connection: closing the store, or the process dying,
    releases it. SQLite needs nothing more: two machines cannot share one safely anyway."""
    take = getattr(store, "try_folder_lock", None)
    if take is None:
        return
    key = folder_id(out_dir)
    if take(key):
        return
    if log is not None:
        log(f"imgread: another imgread run{store.folder_lock_holder(key)} is writing to "
            f"{out_dir} through the database {store.path}; waiting for it to finish "
            "(Ctrl-C to stop)")
    while not take(key):
        time.sleep(DATABASE_LOCK_POLL_S)


# File system types whose files other machines can open too: SQLite's WAL journal (its
# index lives in shared memory, which is per machine) is not safe on them from two machines.
NETWORK_FILE_SYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "ceph",
                                  "glusterfs", "lustre", "gpfs", "beegfs", "afs", "ocfs2",
                                  "gfs2", "fuse.sshfs", "fuse.glusterfs", "fuse.cephfs"})


def file_system_type(path: Path, mountinfo: str | None = None) -> str | None:
    """The type of the file system ``path`` is on (``nfs4``, ``ext4``...), from the mount
    table (``/proc/self/mountinfo``, or the text given); None where it cannot tell."""
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text()
        except OSError:
            return None
    target = str(path.resolve())
    best, kind = "", None
    for line in mountinfo.splitlines():
        fields, _, after = line.partition(" - ")
        parts = fields.split()
        if len(parts) < 5 or not after:
            continue
        # Spaces and such in a mount point are written as octal escapes (\040).
        point = re.sub(r"\\([0-7]{3})", lambda code: chr(int(code[1], 8)), parts[4])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, after.split()[0]
    return kind


def shared_storage_warning(database: Path, mountinfo: str | None = None) -> str | None:
    """A warning for a SQLite database on a network file system, or None."""
    kind = file_system_type(database.parent, mountinfo)
    if kind not in NETWORK_FILE_SYSTEMS:
        return None
    return (f"imgread: warning: the database {database} is on a network file system ({kind}): "
            "SQLite is safe there for one machine at a time only (not a run on one machine "
            "while another reads or writes it); for several machines use PostgreSQL "
            "(--db postgresql://...)")
