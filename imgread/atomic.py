"""Files written whole or not at all, under temporary names no other process uses, and
the errors of a full disk turned into a message for the user.

A reader of an output file (a person, a second run, a browser) sees the old file or the
new one, never half of one: every file is written beside its target under a unique name,
flushed to disk, and renamed over the target with ``os.replace``, which is atomic on one
file system. A kill part-way leaves at most a hidden ``.NAME.*.tmp`` file, never a torn
target.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import ImgreadError

# ENOSPC: no space left; EFBIG: over a file-size limit (ulimit -f); EDQUOT: over a quota.
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})


class DiskFull(ImgreadError):
    """A write failed for want of space (or of quota, or under a file-size limit)."""


def temporary_beside(target: Path) -> Path:
    """A name in the target's folder (so the rename stays on one file system) that no
    other process or thread picks: the pid and random bits."""
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(6)}.tmp")


@contextmanager
def replacing(target: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """Write ``target`` through a temporary file that replaces it only when complete."""
    temporary = temporary_beside(target)
    try:
        with temporary.open("wb") if binary else temporary.open("w", encoding="utf-8") \
                as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text(target: Path, text: str) -> None:
    with replacing(target) as handle:
        handle.write(text)


def write_bytes(target: Path, data: bytes) -> None:
    with replacing(target, binary=True) as handle:
        handle.write(data)


def is_disk_full(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in DISK_FULL_ERRNOS


def disk_full(where: Path | str, error: OSError) -> DiskFull:
    """The message for a write that found no space."""
    return DiskFull(
        f"{where}: cannot write: the disk is full, or a quota or file-size limit was reached "
        f"({error.strerror or error})",
        hint="free some space (or pass --out on another disk) and run the same command "
             "again; every record committed so far is kept",
    )


@contextmanager
def reporting_full_disk(where: Path | str) -> Iterator[None]:
    """Turn a full disk inside the block into ``DiskFull`` naming ``where``."""
    try:
        yield
    except OSError as error:
        if is_disk_full(error):
            raise disk_full(where, error) from error
        raise
