"""A folder of screenshots in, one record per distinct image out: walk, dedupe, resume,
workers, progress, and crash-safe writing.

Crash safety: a record is committed to the database first and appended to the JSONL
second. The database is therefore always a superset of the JSONL; at the start and end of
every run the JSONL is checked against it and rewritten atomically when they differ (a torn
last line, a record missing after a kill, a record redone with ``--force``).

The parts, in the order a run uses them: ``walk.py`` (the files and their hashes),
``work_queue.py`` (copies folded, images already recorded skipped), ``dispatch.py`` (the
engines), ``jsonl.py`` (the records file kept equal to the database), ``summary.py``
(progress, the summary, the error that stops a run) and ``runner.py`` (the run, in order).
"""

from __future__ import annotations

from .jsonl import sync_jsonl
from .runner import run
from .summary import Progress, RunError, RunSummary
from .walk import Item, check_folder, discover, hash_item, walk
from .work_queue import LOOKUP_BATCH

__all__ = ["LOOKUP_BATCH", "Item", "Progress", "RunError", "RunSummary", "check_folder",
           "discover", "hash_item", "run", "sync_jsonl", "walk"]
