"""A folder of screenshots in, one record per distinct image out: walk, dedupe, resume,
workers, progress, and crash-safe writing.

Crash safety: a record is committed to the database first and appended to the JSONL
second. The database is therefore always a superset of the JSONL; at the start and end of
every run the JSONL is checked against it and rewritten atomically when they differ (a torn
last line, a record missing after a kill, a record redone with ``--force``).
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .atomic import replacing, reporting_full_disk, write_text
from .config import Config
from .engines import pool, worker
from .engines.worker import Payload, imports_digest
from .errors import ImgreadError
from .faults import kill_mid_write, kill_point
from .images import sha256_file
from .locking import hold_folder_in_database, output_lock, shared_storage_warning
from .pipeline import now_iso
from .record import Record, StageError
from .store import DIGEST_MOD, RecordedImage, SqliteStore, open_store
from .store.postgres import redact_url


class RunError(ImgreadError):
    """The run as a whole cannot proceed (as opposed to one image failing)."""


@dataclass
class Item:
    """One distinct image content: its hash and every path it appears under."""

    sha256: str
    paths: list[Path]
    previous: str | None = None  # the earlier record's JSON, only while the image is queued
    first_seen: str | None = None  # when the earlier record first saw these bytes
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


def _import_keys(item: Item) -> list[str]:
    """An import may name an image by path, by file name, or by content hash."""
    return [str(path) for path in item.paths] + [p.name for p in item.paths] + [item.sha256]


def _payload(item: Item, store: SqliteStore) -> Payload:
    imported, _ = store.imported_for(_import_keys(item))
    previous, item.previous = item.previous, None  # the worker holds it from now on
    return (
        item.sha256,
        [str(path) for path in item.paths],
        previous,
        [description.model_dump_json() for description in imported],
    )


def _reload_previous(item: Item, store: SqliteStore) -> None:
    """A retried image takes its earlier record again (the first hand-over consumed it)."""
    item.previous = (store.previous(item.sha256) or (None,))[0]


def _first_seen(item: Item, store: SqliteStore, processed_at: str) -> str:
    _, imported_first = store.imported_for(_import_keys(item))
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
    writing all go at once, through a bounded queue (``_execute``), so the first record is
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
        queue = _Queue(store, config, current_hash, force, vlm_redo, summary)
        meter = Progress(None, enabled=progress)
        executed = _execute(queue.todo(paths), store, config, list(config.vlm.models), workers,
                            vlm_redo, announce=progress)
        # closing(): an error or Ctrl-C stops the workers at once (see _stop_workers).
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


# How many hashed images are looked up in the database at once: enough to make the query
# cheap per image, few enough that the first image starts at once.
LOOKUP_BATCH = 32


class _Queue:
    """Hashes the walked files, drops the copies and the images already recorded, and hands
    on the rest one by one, each with its earlier record (fetched only now) for reuse.

    What it keeps for the whole run is one 16-byte key per distinct image seen (to know a
    copy found later) and the images queued or in the workers; nothing else grows."""

    def __init__(self, store: SqliteStore, config: Config, config_hash: str, force: bool,
                 vlm_redo: list[str], summary: RunSummary) -> None:
        self.store, self.config, self.config_hash = store, config, config_hash
        self.force, self.vlm_redo, self.summary = force, vlm_redo, summary
        self.seen: set[bytes] = set()
        self.queued: dict[str, Item] = {}  # handed on, not yet written
        self.rewrite = False  # a record already in the JSONL changed: rewrite it at the end
        self.servers_checked = False

    def todo(self, paths: Iterable[Path]) -> Iterator[Item]:
        batch: dict[str, Item] = {}
        for path in paths:
            self.summary.seen += 1
            item = hash_item(path)
            key = bytes.fromhex(item.sha256[:32]) if item.error is None else None
            if item.sha256 in batch:
                batch[item.sha256].paths.append(path)
                self.summary.duplicates += 1
                continue
            if key is not None and key in self.seen:
                self.summary.duplicates += 1
                self._seen_again(item.sha256, path)
                continue
            if key is not None:
                self.seen.add(key)
            self.summary.distinct += 1
            batch[item.sha256] = item
            if len(batch) >= LOOKUP_BATCH:
                yield from self._decide(batch)
                batch = {}
        yield from self._decide(batch)

    def written(self, item: Item) -> None:
        self.queued.pop(item.sha256, None)

    def _decide(self, batch: dict[str, Item]) -> Iterator[Item]:
        readable = [sha for sha, item in batch.items() if item.error is None]
        recorded = {} if self.force or self.vlm_redo else self.store.recorded(
            readable, self.config_hash)
        for sha, item in batch.items():
            if self._already_recorded(item, recorded.get(sha)):
                continue
            if item.error is None:
                previous = self.store.previous(sha)
                if previous is not None:
                    item.previous, item.first_seen, _ = previous
                if self.config.vlm.models and not self.servers_checked:
                    from .vlm import check_servers

                    check_servers(self.config.vlm.models, self.config.vlm)  # stops here
                    self.servers_checked = True
            self.queued[sha] = item
            yield item

    def _already_recorded(self, item: Item, recorded: RecordedImage | None) -> bool:
        if recorded is None or item.error is not None:
            return False
        imported, _ = self.store.imported_for(_import_keys(item))
        if recorded.imports_digest != imports_digest([d.model_dump_json() for d in imported]):
            return False
        if self.config.vlm.models:
            previous = self.store.get(item.sha256)
            if previous is None or _vlm_failed(previous):
                return False
        self.summary.already_recorded += 1
        for path in item.paths:
            if str(path) not in recorded.paths:
                self._add_path(item.sha256, path)
        return True

    def _seen_again(self, sha: str, path: Path) -> None:
        """A copy of bytes met earlier in this run: queued ones take the path with them;
        for written or already recorded ones, the stored record is given it."""
        if sha in self.queued:
            self.queued[sha].paths.append(path)
        else:
            self._add_path(sha, path)

    def _add_path(self, sha: str, path: Path) -> None:
        previous = self.store.previous(sha)
        if previous is None:
            return
        record = Record.from_json(previous[0])
        if str(path) in record.image.paths:
            return
        record.image.paths = sorted({*record.image.paths, str(path)})
        self.store.put(record, previous[2])
        self.rewrite = True


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
    items: Iterator[Item], store: SqliteStore, config: Config, vlm_specs: list[str],
    workers: int | None, vlm_redo: list[str], announce: bool = False,
) -> Generator[list[tuple[Item, Record]], None, None]:
    """Yield finished records chunk by chunk, from worker processes when there are several
    (``announce``: the VLM processes say when their models are loaded).

    Chunks start at one image and double up to ``batch.chunk_size``: the first record comes
    after one image's work, later chunks cost less to hand over (and batch on a GPU)."""
    if config.batch.engine == "ray":
        yield from _execute_on_ray(items, store, config, vlm_specs, workers, vlm_redo)
        return
    count = workers if workers and workers > 0 else (config.batch.workers or os.cpu_count() or 1)
    chunks = _chunks(items, config, max(1, config.batch.chunk_size))
    config_json = config.model_dump_json()
    if count == 1:
        ready = False
        for chunk in chunks:
            if chunk[0].error is not None:
                yield [(chunk[0], _failed_record(chunk[0], config))]
                continue
            if not ready:  # no worker state at all on a run with nothing to do
                worker.init(config_json, vlm_specs, vlm_redo)
                ready = True
            results = worker.process_chunk([_payload(item, store) for item in chunk])
            yield [
                (item, Record.from_json(text)) for item, text in zip(chunk, results, strict=True)
            ]
        return
    handover = pool.Handover(
        payload=lambda item: _payload(item, store),
        failed=lambda item: _failed_record(item, config),
        reload=lambda item: _reload_previous(item, store),
    )
    yield from pool.execute(chunks, handover, config, config_json, (vlm_specs, vlm_redo), count,
                            announce=announce)


def _execute_on_ray(
    items: Iterator[Item], store: SqliteStore, config: Config, vlm_specs: list[str],
    workers: int | None, vlm_redo: list[str],
) -> Generator[list[tuple[Item, Record]], None, None]:
    """The Ray engine (``batch.engine = "ray"``): the images go to the cluster in blocks of
    ``batch.ray_block``, a dataset each, as the walk finds them, so the driver holds one
    block (and its earlier records) at a time, never the folder."""
    from .engines.ray_engine import execute as execute_on_ray

    def on_ray(block: list[Item]) -> Iterator[list[tuple[Item, Record]]]:
        by_sha = {item.sha256: item for item in block}
        for records in execute_on_ray([_payload(item, store) for item in block], config,
                                      vlm_specs, vlm_redo, workers):
            yield [(by_sha[record.image.sha256], record) for record in records]

    block: list[Item] = []
    for item in items:
        if item.error is not None:
            yield [(item, _failed_record(item, config))]
            continue
        block.append(item)
        if len(block) >= max(1, config.batch.ray_block):
            yield from on_ray(block)
            block = []
    if block:
        yield from on_ray(block)


def _chunks(items: Iterator[Item], config: Config, largest: int) -> Iterator[list[Item]]:
    """Readable images in growing chunks; an unreadable one alone, at once."""
    size, chunk = 1, []
    for item in items:
        if item.error is not None:
            yield [item]
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            size, chunk = min(size * 2, largest), []
    if chunk:
        yield chunk


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
        from .report import write_report
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
