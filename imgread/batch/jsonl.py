"""The run's records.jsonl, kept equal to the database: the database is written first, so
at the start and end of every run the JSONL is compared with it and rewritten atomically
when they differ (a torn last line, a record missing after a kill, a record redone)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..atomic import replacing, reporting_full_disk
from ..faults import kill_mid_write
from ..store import DIGEST_MOD, SqliteStore


def sync_jsonl(store: SqliteStore, jsonl: Path, force: bool = False) -> bool:
    """Make the JSONL hold exactly the database's records; returns True when it rewrote it.

    Every line is compared whole (by digest) with the stored JSON, so any difference counts:
    a path added to known bytes, other timings under the same stamp, a torn last line. Both
    sides are read as streams and summed (``SqliteStore.records_digest``): memory stays flat
    whatever the number of records."""
    if not force and _jsonl_digest(jsonl) == store.records_digest():
        return False
    with reporting_full_disk(jsonl), replacing(jsonl) as handle:
        for text in store.record_texts():
            kill_mid_write(handle, text + "\n", "mid_resync")
            handle.write(text + "\n")
    return True


def _jsonl_digest(jsonl: Path) -> tuple[int, int] | None:
    """The count and digest sum of the JSONL's lines, as ``records_digest`` sums records;
    None for a torn last line (a kill mid-write), which matches no database."""
    count = total = 0
    if jsonl.exists():
        with jsonl.open("rb") as handle:
            for raw in handle:
                if not raw.endswith(b"\n"):
                    return None
                count += 1
                total = (total + int.from_bytes(hashlib.sha256(raw[:-1]).digest())) % DIGEST_MOD
    return count, total
