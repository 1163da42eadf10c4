"""The runs table: one row per ``imgread run`` (or import), opened when it starts and
closed with its counts when it ends."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from ..work import now_iso
from .base import Connected, StoreError

RUN_COUNTS = ("todo", "processed", "ok", "partial", "failed", "duplicates")


class RunLog(Connected):
    def start_run(self, info: dict[str, Any]) -> int:
        """Open a run row. ``info`` may carry started (default now), config_hash,
        imgread_version, source (the folder), todo (images to process) and any other facts,
        all of which are kept in info_json."""
        with self._transaction():
            cursor = self.db.execute(
                "INSERT INTO runs (started, config_hash, imgread_version, source, todo,"
                " info_json) VALUES (?, ?, ?, ?, ?, ?)",
                (info.get("started") or now_iso(), info.get("config_hash"),
                 info.get("imgread_version"), _text(info.get("source")), info.get("todo"),
                 json.dumps(info, default=str, sort_keys=True)),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_run(self, run_id: int, info: dict[str, Any]) -> None:
        """Close a run: finished (default now), the counts RUN_COUNTS, elapsed_s (measured
        from ``started`` when not given) and any other facts (merged into info_json)."""
        row = self.db.execute("SELECT started, info_json FROM runs WHERE id = ?",
                              (run_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no run {run_id} to finish",
                             hint="finish_run takes the id start_run returned")
        finished = info.get("finished") or now_iso()
        elapsed = info.get("elapsed_s")
        if elapsed is None:
            elapsed = (datetime.fromisoformat(finished)
                       - datetime.fromisoformat(row[0])).total_seconds()
        merged = {**json.loads(row[1]), **info}
        counts = [info.get(name) for name in RUN_COUNTS]
        with self._transaction():
            self.db.execute(
                "UPDATE runs SET finished = ?, todo = coalesce(?, todo), processed = ?, ok = ?,"
                " partial = ?, failed = ?, duplicates = ?, elapsed_s = ?, info_json = ?"
                " WHERE id = ?",
                (finished, *counts, elapsed, json.dumps(merged, default=str, sort_keys=True),
                 run_id),
            )

    def runs(self) -> list[dict[str, Any]]:
        """Every run, newest first, with its throughput in images per second."""
        cursor = self.db.execute(
            "SELECT id, started, finished, config_hash, imgread_version, source, todo, processed,"
            " ok, partial, failed, duplicates, elapsed_s FROM runs ORDER BY id DESC"
        )
        names = [column[0] for column in cursor.description]
        runs = [dict(zip(names, row, strict=True)) for row in cursor]
        for run in runs:
            done, elapsed = run["processed"], run["elapsed_s"]
            run["images_per_s"] = round(done / elapsed, 3) if done and elapsed else None
        return runs


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
