"""Finding a run's images: the folder walked as a stream, each file hashed into the item
that stands for its content."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..images import sha256_file
from .summary import RunError


@dataclass
class Item:
    """One distinct image content: its hash and every path it appears under."""

    sha256: str
    paths: list[Path]
    previous: str | None = None  # the earlier record's JSON, only while the image is queued
    first_seen: str | None = None  # when the earlier record first saw these bytes
    error: str | None = None  # the file could not even be read to hash it

    def import_keys(self) -> list[str]:
        """An import may name an image by path, by file name, or by content hash."""
        return [str(path) for path in self.paths] + [p.name for p in self.paths] + [self.sha256]


def discover(folder: Path, extensions: Sequence[str],
             unreadable: list[str] | None = None) -> list[Path]:
    """Every image file under ``folder``, recursively, in a stable order. A subfolder that
    cannot be listed is added to ``unreadable`` (with why) rather than skipped silently."""
    check_folder(folder)
    return list(walk(folder, extensions, unreadable))


def check_folder(folder: Path) -> None:
    if not folder.exists():
        raise RunError(f"{folder}: no such folder", hint="check the path you passed to imgread run")
    if not folder.is_dir():
        raise RunError(f"{folder}: not a folder", hint="imgread run takes a folder of images")
    if not os.access(folder, os.R_OK | os.X_OK):
        raise RunError(f"{folder}: the folder cannot be read", hint="check its permissions")


def walk(folder: Path, extensions: Sequence[str],
         unreadable: list[str] | None = None) -> Iterator[Path]:
    """The image files under ``folder`` one by one, in a stable order, without listing the
    whole tree first: a run starts on the first image while the walk goes on."""
    wanted = {extension.lower() for extension in extensions}

    def note(error: OSError) -> None:
        if unreadable is not None:
            unreadable.append(f"{error.filename} ({error.strerror or error})")

    for root, dirs, files in os.walk(folder, onerror=note):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if Path(name).suffix.lower() in wanted and not name.startswith("."):
                yield Path(root) / name


def hash_item(path: Path) -> Item:
    """The item for one file; a file that cannot be read gets an item of its own."""
    try:
        return Item(sha256=sha256_file(path), paths=[path])
    except OSError as error:
        key = "unreadable-" + hashlib.sha256(str(path).encode()).hexdigest()[:48]
        return Item(sha256=key, paths=[path],
                    error=f"{path}: cannot read the file ({error.strerror or error})")
