"""How the processes of a run end: SIGTERM stops the main process like Ctrl-C (with a
message, workers stopped), and a worker whose main process died, however it died, exits
instead of waiting forever for work that will never come."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

PARENT_POLL_S = 0.5


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived. A KeyboardInterrupt, so that every cleanup Ctrl-C runs runs too."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


@contextmanager
def stopping_on_sigterm() -> Iterator[None]:
    """In the main thread: SIGTERM raises ``Terminated`` inside the block."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _killed_with_parent() -> bool:
    """Linux: ask the kernel to SIGKILL this process when the thread that started it ends
    (the pool is driven, and its processes started, by one thread that outlives them).
    Unlike a polling thread, this needs no turn at the interpreter: a worker stuck in a
    native call that holds it still dies."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def exit_with_parent() -> None:
    """In a worker process: exit as soon as the process that started it is gone.

    A worker blocked on its task queue would never notice: the other workers keep that
    pipe open. On Linux the kernel kills it; elsewhere, and in case the parent died before
    that was asked, its parent id changes when the parent dies (it is re-parented), so a
    small thread polls it. Ctrl-C goes to the whole process group; the main process
    handles it and stops the workers, so they ignore it themselves."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    started_by = multiprocessing.parent_process()
    parent = started_by.pid if started_by is not None and started_by.pid else os.getppid()
    _killed_with_parent()
    if os.getppid() != parent:  # gone before the kernel was asked
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="imgread-parent-watch", daemon=True).start()
