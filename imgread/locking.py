"""One run at a time per output folder.

Two runs writing one ``--out`` would interleave their JSONL appends with each other's
rewrites. The second run therefore waits for the first, saying so, and then goes on: it
finds the images the first one recorded and skips them. The lock is an ``flock`` on
``OUT/.imgread.lock``: the kernel releases it when its holder exits, however it exits
(a kill -9 included), so a stale lock never blocks a later run. ``flock`` is reliable on
local file systems only; on a network file system shared between machines, give each
machine its own ``--out`` (the database's own locking still keeps a shared ``--db``
consistent).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".imgread.lock"


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
