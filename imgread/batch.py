"""A folder of screenshots in, one record per distinct image out: walk, dedupe, resume,
workers, progress, and crash-safe writing.

Crash safety: a record is committed to the database first and appended to the JSONL
second. The database is therefore always a superset of the JSONL; at the start and end of
every run the JSONL is checked against it and rewritten atomically when they differ (a torn
last line, a record missing after a kill, a record redone with ``--force``).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .atomic import replacing, reporting_full_disk
from .config import Config
from .errors import ImgreadError
from .faults import kill_mid_write, kill_point
from .images import sha256_file
from .lifecycle import exit_with_parent
from .locking import output_lock
from .pipeline import Job, now_iso, process_batch
from .record import Description, Record, StageError
from .store import SqliteStore, open_store
from .store_pg import redact_url


class RunError(ImgreadError):
    """The run as a whole cannot proceed (as opposed to one image failing)."""


@dataclass
class Item:
    """One distinct image content: its hash and every path it appears under."""

    sha256: str
    paths: list[Path]
    previous: Record | None = None
    error: str | None = None  # the file could not even be read to hash it


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


def discover(folder: Path, extensions: Sequence[str],
             unreadable: list[str] | None = None) -> list[Path]:
    """Every image file under ``folder``, recursively, in a stable order. A subfolder that
    cannot be listed is added to ``unreadable`` (with why) rather than skipped silently."""
    if not folder.exists():
        raise RunError(f"{folder}: no such folder", hint="check the path you passed to imgread run")
    if not folder.is_dir():
        raise RunError(f"{folder}: not a folder", hint="imgread run takes a folder of images")
    if not os.access(folder, os.R_OK | os.X_OK):
        raise RunError(f"{folder}: the folder cannot be read", hint="check its permissions")
    wanted = {extension.lower() for extension in extensions}
    found: list[Path] = []

    def note(error: OSError) -> None:
        if unreadable is not None:
            unreadable.append(f"{error.filename} ({error.strerror or error})")

    for root, dirs, files in os.walk(folder, onerror=note):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if Path(name).suffix.lower() in wanted and not name.startswith("."):
                found.append(Path(root) / name)
    return found


def group_by_content(paths: Sequence[Path]) -> list[Item]:
    """Identical bytes become one item; a file that cannot be read keeps an item of its own."""
    by_sha: dict[str, Item] = {}
    for path in paths:
        try:
            sha = sha256_file(path)
        except OSError as error:
            key = "unreadable-" + hashlib.sha256(str(path).encode()).hexdigest()[:48]
            by_sha[key] = Item(
                sha256=key,
                paths=[path],
                error=f"{path}: cannot read the file ({error.strerror or error})",
            )
            continue
        by_sha.setdefault(sha, Item(sha256=sha, paths=[])).paths.append(path)
    return list(by_sha.values())


def _check_writable(out_dir: Path) -> None:
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


def sync_jsonl(store: SqliteStore, jsonl: Path, force: bool = False) -> bool:
    """Make the JSONL hold exactly the database's records; returns True when it rewrote it.

    Every line is compared whole (by digest) with the stored JSON, so any difference counts:
    a path added to known bytes, other timings under the same stamp, a torn last line."""
    lines: list[str] = []
    if jsonl.exists():
        with jsonl.open("rb") as handle:
            for raw in handle:
                if not raw.endswith(b"\n"):
                    lines.append("torn")  # a kill mid-write: matches no record
                    break
                lines.append(hashlib.sha256(raw[:-1]).hexdigest())
    if not force and sorted(lines) == sorted(store.record_digests()):
        return False
    with reporting_full_disk(jsonl), replacing(jsonl) as handle:
        for text in store.record_texts():
            kill_mid_write(handle, text + "\n", "mid_resync")
            handle.write(text + "\n")
    return True


def _failed_record(item: Item, config: Config) -> Record:
    """A record for a file that could not even be read: the batch never loses it."""
    hashes = config.stage_hashes()
    record = Record(status="failed", stage_hashes=hashes, config_hash=hashes["reconcile"])
    record.image.sha256 = item.sha256
    record.image.path = str(item.paths[0])
    record.image.paths = [str(path) for path in item.paths]
    record.errors.append(
        StageError(
            stage="load",
            message=item.error or "unreadable",
            hint="check that the file exists and that you may read it",
        )
    )
    record.processed_at = now_iso()
    return record


# Worker processes keep their settings and VLM models for the whole run: a model is loaded
# once per worker, never once per image.
_WORKER: dict[str, Any] = {}


def _init_worker(config_json: str, vlm_specs: list[str], vlm_redo: list[str]) -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if multiprocessing.parent_process() is not None:  # a pool worker, not the main process
        exit_with_parent()
    config = Config.model_validate_json(config_json)
    _WORKER["config"] = config
    _WORKER["vlm"] = None
    if vlm_specs:
        from .vlm import VlmRunner

        _WORKER["vlm"] = VlmRunner(vlm_specs, config.vlm, redo=vlm_redo)


Payload = tuple[str, list[str], str | None, list[str]]


def _process_chunk(chunk: list[Payload]) -> list[str]:
    """Worker side: (sha, paths, previous record JSON, imported descriptions JSON) per item.

    Plain strings cross the process boundary: they pickle fast and cannot drift in type.
    """
    config: Config = _WORKER["config"]
    jobs = [
        Job(
            path=Path(paths[0]),
            sha256=sha,
            previous=Record.from_json(previous) if previous is not None else None,
            imported=[Description.model_validate_json(text) for text in imported],
        )
        for sha, paths, previous, imported in chunk
    ]
    records = process_batch(jobs, config, _WORKER["vlm"])
    for record, (_, paths, _, imported) in zip(records, chunk, strict=True):
        record.image.paths = paths
        record.stage_hashes["imports"] = _imports_digest(imported)
    return [record.to_json() for record in records]


def _imports_digest(imported: list[str]) -> str:
    return hashlib.sha256("\n".join(imported).encode()).hexdigest()[:16] if imported else ""


class Progress:
    """A tqdm bar on a terminal; plain log lines with rate and ETA otherwise."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, enabled: bool = True) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.started = self.last_log = time.monotonic()
        self.enabled = enabled and total > 0
        self.bar = None
        if self.enabled and stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="img", file=stream, dynamic_ncols=True)

    def update(self, count: int, status: str) -> None:
        self.done += count
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(count)
            self.bar.set_postfix_str(status, refresh=False)
            return
        now = time.monotonic()
        if now - self.last_log >= 2.0 or self.done == self.total:
            self.last_log = now
            rate = self.done / max(now - self.started, 1e-9)
            eta = (self.total - self.done) / rate if rate > 0 else 0.0
            print(
                f"imgread: {self.done}/{self.total} images, {rate:.2f} images/s, "
                f"ETA {eta:.0f} s ({status})",
                file=self.stream,
                flush=True,
            )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _chunks(items: list[Item], size: int) -> Iterator[list[Item]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _import_keys(item: Item) -> list[str]:
    """An import may name an image by path, by file name, or by content hash."""
    return [str(path) for path in item.paths] + [p.name for p in item.paths] + [item.sha256]


def _payload(item: Item, store: SqliteStore) -> Payload:
    imported, _ = store.imported_for(_import_keys(item))
    previous = item.previous.to_json() if item.previous is not None else None
    return (
        item.sha256,
        [str(path) for path in item.paths],
        previous,
        [description.model_dump_json() for description in imported],
    )


def _first_seen(item: Item, store: SqliteStore, processed_at: str) -> str:
    _, imported_first = store.imported_for(_import_keys(item))
    candidates = [processed_at]
    if item.previous is not None and item.previous.image.first_seen:
        candidates.append(item.previous.image.first_seen)
    if imported_first:
        candidates.append(imported_first)
    return min(candidates, key=_instant)


def _instant(stamp: str) -> float:
    from datetime import datetime

    try:
        return datetime.fromisoformat(stamp).timestamp()
    except ValueError:
        return float("inf")


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
    """Process every image under ``folder``; see the module docstring for the guarantees."""
    started = time.perf_counter()
    config = (config or Config()).model_copy(deep=True)
    if vlm or force_vlm:
        config.vlm.models = list(dict.fromkeys([*vlm, *force_vlm]))
    # Models whose earlier descriptions are generated again rather than kept.
    vlm_redo = list(config.vlm.models) if force else list(force_vlm)
    folder, out_dir = Path(folder), Path(out_dir)
    unreadable: list[str] = []
    paths = discover(folder, config.batch.extensions, unreadable)
    for folder_error in unreadable:
        if log is not None:
            log(f"imgread: warning: cannot read the folder {folder_error}; its images are "
                "not read")
    _check_writable(out_dir)
    jsonl = out_dir / "records.jsonl"
    if jsonl.exists() and not jsonl.is_file():
        raise RunError(f"{jsonl}: exists and is not a file, so the records cannot be written",
                       hint="move it away, or pass another --out")
    with output_lock(out_dir, log):
        summary = _run_locked(folder, out_dir, jsonl, paths, db, workers, force, vlm_redo,
                              config, progress, report, log, started)
    summary.unreadable_folders = unreadable
    return summary


def _run_locked(
    folder: Path, out_dir: Path, jsonl: Path, paths: list[Path], db: str | None,
    workers: int | None, force: bool, vlm_redo: list[str], config: Config, progress: bool,
    report: bool,
    log: Callable[[str], None] | None, started: float,
) -> RunSummary:
    """The run, while this process alone writes ``out_dir``."""
    for stale in out_dir.glob(f".{jsonl.name}.*.tmp"):
        stale.unlink(missing_ok=True)  # left by a run killed mid-resync: we hold the lock
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
    summary = RunSummary(seen=len(paths), out_dir=out_dir, jsonl=jsonl, db=redact_url(db_url))
    try:
        sync_jsonl(store, jsonl)
        items = group_by_content(paths)
        summary.distinct = len(items)
        summary.duplicates = len(paths) - len(items)
        current_hash = _current_config_hash(config)
        todo: list[Item] = []
        for item in items:
            item.previous = store.get(item.sha256)
            previous = item.previous
            imported, _ = store.imported_for(_import_keys(item))
            imports = _imports_digest([d.model_dump_json() for d in imported])
            if (
                previous is not None
                and not force
                and previous.config_hash == current_hash
                and previous.stage_hashes.get("imports", "") == imports
                and item.error is None
                and not vlm_redo
                and not (config.vlm.models and _vlm_failed(previous))
            ):
                if sorted(previous.image.paths) != sorted(str(p) for p in item.paths):
                    previous.image.paths = sorted(
                        set(previous.image.paths) | {str(p) for p in item.paths}
                    )
                    store.put(previous)
                summary.already_recorded += 1
                continue
            todo.append(item)
        if todo and config.vlm.models:
            from .vlm import check_servers

            check_servers(config.vlm.models, config.vlm)  # a model no server serves stops here
        run_id = _start_run(store, config, current_hash, len(todo), str(folder))
        meter = Progress(len(todo), enabled=progress)
        rewrite = False
        executed = _execute(todo, store, config, list(config.vlm.models), workers, vlm_redo)
        # closing(): an error or Ctrl-C stops the workers at once (see _stop_workers).
        with reporting_full_disk(jsonl), jsonl.open("a", encoding="utf-8") as out, \
                closing(executed):
            for records in executed:
                for item, record in records:
                    record.image.first_seen = _first_seen(item, store, record.processed_at)
                    store.put(record, run_id)
                    kill_point("after_commit")
                    # Conflict flags change the stored record, and maybe others already
                    # written; the JSONL line is taken from the database, others resynced.
                    touched = store.flag_conflicts(record.image.sha256)
                    if touched:
                        record = store.get(record.image.sha256) or record
                        rewrite = rewrite or any(sha != record.image.sha256 for sha in touched)
                    line = record.to_json() + "\n"
                    kill_mid_write(out, line, "mid_line")
                    out.write(line)
                    out.flush()
                    summary.processed += 1
                    summary.statuses[record.status] = summary.statuses.get(record.status, 0) + 1
                    meter.update(1, f"{Path(record.image.path).name}: {record.status}")
        meter.close()
        summary.ok = summary.statuses.get("ok", 0)
        summary.partial = summary.statuses.get("partial", 0)
        summary.failed = summary.statuses.get("failed", 0)
        sync_jsonl(store, jsonl, force=rewrite)
        summary.elapsed_s = time.perf_counter() - started
        _finish_run(store, run_id, summary)
        if report:
            summary.report = _write_report(out_dir, store, log)
    finally:
        store.close()
    return summary


def _vlm_failed(record: Record) -> bool:
    """A model failed on this image last time (server down, missing dependency): retry it."""
    from .vlm import needs_retry

    return needs_retry(record)


def _current_config_hash(config: Config) -> str:
    if not config.vlm.models:
        return config.config_hash()
    from .vlm import VlmRunner

    return config.config_hash({"vlm": VlmRunner(list(config.vlm.models), config.vlm).hash_inputs()})


def _execute(
    todo: list[Item], store: SqliteStore, config: Config, vlm_specs: list[str], workers: int | None,
    vlm_redo: list[str],
) -> Generator[list[tuple[Item, Record]], None, None]:
    """Yield finished records chunk by chunk, from worker processes when there are several."""
    for item in todo:
        if item.error is not None:
            yield [(item, _failed_record(item, config))]
    readable = [item for item in todo if item.error is None]
    if config.batch.engine == "ray":
        from .engines.ray_engine import execute as execute_on_ray

        by_sha = {item.sha256: item for item in readable}
        for records in execute_on_ray([_payload(item, store) for item in readable], config,
                                      vlm_specs, vlm_redo, workers):
            yield [(by_sha[record.image.sha256], record) for record in records]
        return
    count = workers if workers and workers > 0 else (config.batch.workers or os.cpu_count() or 1)
    count = max(1, min(count, len(readable)))
    # Small chunks keep every worker busy; the VLM stage wants bigger ones to batch on a GPU.
    size = (
        config.batch.chunk_size
        if vlm_specs
        else max(1, min(config.batch.chunk_size, len(readable) // (count * 4) or 1))
    )
    config_json = config.model_dump_json()
    if count == 1:
        _init_worker(config_json, vlm_specs, vlm_redo)
        for chunk in _chunks(readable, size):
            results = _process_chunk([_payload(item, store) for item in chunk])
            yield [
                (item, Record.from_json(text)) for item, text in zip(chunk, results, strict=True)
            ]
        return
    yield from _execute_in_pool(readable, store, config, config_json, (vlm_specs, vlm_redo),
                                count, size)


def _execute_in_pool(
    items: list[Item],
    store: SqliteStore,
    config: Config,
    config_json: str,
    vlm: tuple[list[str], list[str]],
    count: int,
    size: int,
) -> Iterator[list[tuple[Item, Record]]]:
    """Run chunks in worker processes. A worker that dies (a crash inside a native library)
    costs only its chunk: those images are retried one by one in a fresh pool, and one that
    kills a worker again gets a failed record instead of stopping the batch."""
    context = multiprocessing.get_context("spawn")
    retry: list[Item] = []
    pool = ProcessPoolExecutor(
        count, mp_context=context, initializer=_init_worker, initargs=(config_json, *vlm)
    )
    finished = False
    try:
        futures = {
            pool.submit(_process_chunk, [_payload(item, store) for item in chunk]): chunk
            for chunk in _chunks(items, size)
        }
        for future in as_completed(futures):
            chunk = futures[future]
            try:
                results = future.result()
            except BrokenProcessPool:
                retry.extend(chunk)
                continue
            yield [
                (item, Record.from_json(text)) for item, text in zip(chunk, results, strict=True)
            ]
        finished = True
    finally:
        if not finished:
            _stop_workers(pool)
        pool.shutdown(wait=finished, cancel_futures=not finished)
    if not retry:
        return
    if size == 1:
        for item in retry:
            item.error = (
                f"{item.paths[0]}: the worker process died while reading this image "
                "(a crash in a native library, or out of memory)"
            )
            yield [(item, _failed_record(item, config))]
        return
    yield from _execute_in_pool(retry, store, config, config_json, vlm, count, 1)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Ctrl-C, SIGTERM or an error stops the run: end the workers now rather than wait for
    their chunks (which may take minutes), so that no process outlives the run."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()


def _start_run(store: SqliteStore, config: Config, config_hash: str, todo: int, source: str) -> int:
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
            "processed": summary.processed,
            "ok": summary.ok,
            "partial": summary.partial,
            "failed": summary.failed,
            "duplicates": summary.duplicates,
            "elapsed_s": round(summary.elapsed_s, 3),
            "images_per_s": round(summary.images_per_s, 3),
        },
    )


def _write_report(
    out_dir: Path, store: SqliteStore, log: Callable[[str], None] | None
) -> Path | None:
    try:
        from .report import write_report
    except ImportError:
        return None
    try:
        return write_report(out_dir, store)
    except Exception as error:
        if log is not None:
            log(f"imgread: the HTML report could not be written ({error})")
        return None
