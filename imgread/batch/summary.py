"""What a run tells its user: the progress as it goes, the summary at the end, and the
error that stops a run as a whole."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import ImgreadError


class RunError(ImgreadError):
    """The run as a whole cannot proceed (as opposed to one image failing)."""


@dataclass
class RunSummary:
    seen: int = 0
    distinct: int = 0
    duplicates: int = 0
    already_recorded: int = 0
    processed: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    elapsed_s: float = 0.0
    out_dir: Path = Path()
    jsonl: Path = Path()
    db: str = ""
    report: Path | None = None
    statuses: dict[str, int] = field(default_factory=dict)
    unreadable_folders: list[str] = field(default_factory=list)

    @property
    def images_per_s(self) -> float:
        return self.processed / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def lines(self) -> list[str]:
        return [
            f"{self.seen} files seen, {self.distinct} distinct images "
            f"({self.duplicates} duplicates), {self.already_recorded} already recorded",
            f"processed {self.processed}: ok {self.ok}, partial {self.partial}, failed "
            f"{self.failed} in {self.elapsed_s:.1f} s ({self.images_per_s:.2f} images/s)",
            f"records:  {self.jsonl}",
            f"database: {self.db}",
            *([f"report:   {self.report}"] if self.report else []),
            *([f"warning:  {len(self.unreadable_folders)} folder(s) could not be read, their "
               f"images are missing: {', '.join(self.unreadable_folders)}"]
              if self.unreadable_folders else []),
        ]


class Progress:
    """A tqdm bar on a terminal; plain log lines with rate (and ETA, when the total is known)
    otherwise. A streaming run does not know its total: it counts what it has done."""

    def __init__(self, total: int | None, stream: TextIO = sys.stderr,
                 enabled: bool = True) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.started = self.last_log = time.monotonic()
        self.enabled = enabled and total != 0
        self.bar: Any = None

    def update(self, count: int, status: str) -> None:
        self.done += count
        if not self.enabled:
            return
        if self.bar is None and self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, initial=self.done - count, unit="img",
                            file=self.stream, dynamic_ncols=True)
        if self.bar is not None:
            self.bar.update(count)
            self.bar.set_postfix_str(status, refresh=False)
            return
        now = time.monotonic()
        if now - self.last_log >= 2.0 or self.done == self.total:
            self.last_log = now
            rate = self.done / max(now - self.started, 1e-9)
            if self.total is None:
                counted = f"{self.done} images, {rate:.2f} images/s"
            else:
                eta = (self.total - self.done) / rate if rate > 0 else 0.0
                counted = f"{self.done}/{self.total} images, {rate:.2f} images/s, ETA {eta:.0f} s"
            print(f"imgread: {counted} ({status})", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
