"""Named points where a test can kill the process, to prove that a kill there loses and
duplicates nothing. ``IMGREAD_KILL_AT=NAME`` kills the process (SIGKILL, as the OOM killer
or a power cut would) the first time it reaches the point of that name; unset, a point
costs one dictionary look-up.

The points: ``after_commit`` (a record is in the database, not yet in the JSONL),
``mid_line`` (half a JSONL line is written and flushed), ``mid_resync`` (half of the
rewritten JSONL is in its temporary file), ``mid_transaction`` (inside a database write).
"""

from __future__ import annotations

import os
import signal
from typing import IO

KILL_POINTS = ("after_commit", "mid_line", "mid_resync", "mid_transaction")


def kill_point(name: str) -> None:
    """Die here if the environment names this point."""
    if os.environ.get("IMGREAD_KILL_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def kill_mid_write(out: IO[str], text: str, name: str) -> None:
    """Write half of ``text``, flush it, and die, if the environment names this point."""
    if os.environ.get("IMGREAD_KILL_AT") == name:
        out.write(text[: len(text) // 2])
        out.flush()
        kill_point(name)
