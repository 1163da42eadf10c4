"""The run, in order: check the folder and the output, take the output folder's lock, open
the database, then stream the images through the work queue (``work_queue.py``) and an
engine (``dispatch.py``), writing each record to the database and then the JSONL, and last
the run's row and the report."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from pathlib import Path

from .. import __version__
from ..atomic import reporting_full_disk, write_text
from ..config import Config
from ..errors import ImgreadError
from ..faults import kill_mid_write, kill_point
from ..locking import hold_folder_in_database, output_lock, shared_storage_warning
from ..pipeline import now_iso
from ..store import SqliteStore, open_store
from ..store.postgres import redact_url
from .dispatch import execute
from .jsonl import sync_jsonl
from .summary import Progress, RunError, RunSummary
from .walk import Item, check_folder, walk
from .work_queue import WorkQueue


def run(
    folder: Path | str,
    out_dir: Path | str = "imgread-out",
    db: str | None = None,
    workers: int | None = None,
    vlm: Sequence[str] = (),
    force: bool = False,
    config: Config | None = None,
    force_vlm: Sequence[str] = (),
    progress: bool = True,
    report: bool = True,
    log: Callable[[str], None] | None = None,
) -> RunSummary:
    """Process every image under ``folder``; see ``imgread.batch`` for the guarantees."""
    started = time.perf_counter()
    config = (config or Config()).model_copy(deep=True)
    if vlm or force_vlm:
        config.vlm.models = list(dict.fromkeys([*vlm, *force_vlm]))
    # Models whose earlier descriptions are generated again rather than kept.
    vlm_redo = list(config.vlm.models) if force else list(force_vlm)
    folder, out_dir = Path(folder), Path(out_dir)
    unreadable: list[str] = []
    check_folder(folder)
    paths = walk(folder, config.batch.extensions, unreadable)
    _check_writable(out_dir)
    jsonl = out_dir / "records.jsonl"
    if jsonl.exists() and not jsonl.is_file():
        raise RunError(f"{jsonl}: exists and is not a file, so the records cannot be written",
                       hint="move it away, or pass another --out")
    with output_lock(out_dir, log):
        summary = _run_locked(folder, out_dir, jsonl, paths, db, workers, force, vlm_redo,
                              config, progress, report, log, started)
    # The walk goes on while images are read, so a folder it could not list is known last.
    for folder_error in unreadable:
        if log is not None:
            log(f"imgread: warning: cannot read the folder {folder_error}; its images are "
                "not read")
    summary.unreadable_folders = unreadable
    return summary


def _run_locked(
    folder: Path, out_dir: Path, jsonl: Path, paths: Iterator[Path], db: str | None,
    workers: int | None, force: bool, vlm_redo: list[str], config: Config, progress: bool,
    report: bool,
    log: Callable[[str], None] | None, started: float,
) -> RunSummary:
    """The run, while this process alone writes ``out_dir``.

    It streams: the walk, hashing, the "already recorded" look-up, the workers and the
    writing all go at once, through a bounded queue (``dispatch.execute``), so the first record is
    written seconds after the start and the memory held does not grow with the folder."""
    db_url = db or str(out_dir / "results.sqlite")
    try:
        store = open_store(db_url, aliases=config.names.aliases,
                           busy_timeout_s=config.batch.db_busy_timeout_s)
    except ImgreadError:
        raise  # already says what is wrong and what to do
    except Exception as error:
        raise RunError(
            f"{redact_url(db_url)}: cannot open the results database ({error})",
            hint="pass --db with a SQLite path you may write to",
        ) from error
    summary = RunSummary(out_dir=out_dir, jsonl=jsonl, db=redact_url(db_url))
    try:
        hold_folder_in_database(store, out_dir, log)  # runs on other machines, same --out
        warning = shared_storage_warning(store.path) if type(store) is SqliteStore else None
        if warning and log is not None:
            log(warning)
        for stale in out_dir.glob(f".{jsonl.name}.*.tmp"):
            stale.unlink(missing_ok=True)  # left by a run killed mid-resync: we hold the lock
        sync_jsonl(store, jsonl)
        current_hash = _current_config_hash(config)
        run_id = _start_run(store, config, current_hash, None, str(folder))
        queue = WorkQueue(store, config, current_hash, force, vlm_redo, summary)
        meter = Progress(None, enabled=progress)
        executed = execute(queue.todo(paths), store, config, list(config.vlm.models), workers,
                           vlm_redo, announce=progress)
        # closing(): an error or Ctrl-C stops the workers at once (engines.pool.stop_workers).
        with reporting_full_disk(jsonl), jsonl.open("a", encoding="utf-8") as out, \
                closing(executed):
            for records in executed:
                for item, record in records:
                    # Paths of the same bytes found after the image was queued are added here.
                    record.image.paths = [str(path) for path in item.paths]
                    record.image.first_seen = _first_seen(item, store, record.processed_at)
                    store.put(record, run_id)
                    kill_point("after_commit")
                    # Conflicts with other images are a query on the readings table
                    # (``SqliteStore.conflict_flags``): no other record is rewritten here.
                    line = record.to_json() + "\n"
                    kill_mid_write(out, line, "mid_line")
                    out.write(line)
                    out.flush()
                    queue.written(item)
                    summary.processed += 1
                    summary.statuses[record.status] = summary.statuses.get(record.status, 0) + 1
                    meter.update(1, f"{Path(record.image.path).name}: {record.status}")
        meter.close()
        summary.ok = summary.statuses.get("ok", 0)
        summary.partial = summary.statuses.get("partial", 0)
        summary.failed = summary.statuses.get("failed", 0)
        sync_jsonl(store, jsonl, force=queue.rewrite)
        summary.elapsed_s = time.perf_counter() - started
        _finish_run(store, run_id, summary)
        if report:
            summary.report = _write_report(out_dir, store, log)
    finally:
        store.close()
    return summary


def _check_writable(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise RunError(f"{out_dir}: exists and is not a folder, so output cannot go there",
                       hint="pass --out with a folder (a new one is created)")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        # A name of its own: a probe shared with another run would vanish under it.
        handle, probe = tempfile.mkstemp(prefix=".imgread-write-test-", dir=out_dir)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise RunError(
            f"{out_dir}: cannot write output here ({error.strerror or error})",
            hint="pass --out with a folder you may write to",
        ) from error


def _first_seen(item: Item, store: SqliteStore, processed_at: str) -> str:
    _, imported_first = store.imported_for(item.import_keys())
    candidates = [processed_at]
    if item.first_seen:
        candidates.append(item.first_seen)
    if imported_first:
        candidates.append(imported_first)
    return min(candidates, key=_instant)


def _instant(stamp: str) -> float:
    from datetime import datetime

    try:
        return datetime.fromisoformat(stamp).timestamp()
    except ValueError:
        return float("inf")


def _current_config_hash(config: Config) -> str:
    if not config.vlm.models:
        return config.config_hash()
    from ..vlm import VlmRunner

    return config.config_hash({"vlm": VlmRunner(list(config.vlm.models), config.vlm).hash_inputs()})


def _start_run(store: SqliteStore, config: Config, config_hash: str, todo: int | None,
               source: str) -> int:
    return store.start_run(
        {
            "started": now_iso(),
            "config_hash": config_hash,
            "todo": todo,
            "source": source,
            "imgread_version": __version__,
            "config": config.model_dump(mode="json"),
        }
    )


def _finish_run(store: SqliteStore, run_id: int, summary: RunSummary) -> None:
    store.finish_run(
        run_id,
        {
            "finished": now_iso(),
            "todo": summary.processed,  # a streaming run knows what it had to do at the end
            "processed": summary.processed,
            "ok": summary.ok,
            "partial": summary.partial,
            "failed": summary.failed,
            "duplicates": summary.duplicates,
            "elapsed_s": round(summary.elapsed_s, 3),
            "images_per_s": round(summary.images_per_s, 3),
        },
    )


# The records a report was last written from (their digest), beside it.
REPORT_STAMP = ".records-digest"


def _write_report(
    out_dir: Path, store: SqliteStore, log: Callable[[str], None] | None
) -> Path | None:
    try:
        from ..report import write_report
    except ImportError:
        return None
    # A rerun that changed no record leaves the report as it is: rewriting it costs time
    # that grows with the folder, for the same pages.
    index, stamp = out_dir / "report" / "index.html", out_dir / "report" / REPORT_STAMP
    count, total = store.records_digest()
    fingerprint = f"{__version__} {store.aliases_fingerprint()} {count} {total:x}"
    try:
        if index.is_file() and stamp.is_file() and stamp.read_text() == fingerprint:
            return index
        written = write_report(out_dir, store)
        write_text(stamp, fingerprint)
        return written
    except Exception as error:
        if log is not None:
            log(f"imgread: the HTML report could not be written ({error}); the records are "
                f"complete: `imgread report --out {out_dir}` writes it once that is fixed")
        return None
