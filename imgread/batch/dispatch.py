"""Handing a run's images to an engine and getting their records back: in this process,
to the local worker processes (``engines/pool.py``) or to a Ray cluster
(``engines/ray_engine.py``), in chunks that grow from one image; a file that could not be
read gets its failed record here, without a worker."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator

from ..config import Config
from ..engines import pool, worker
from ..engines.worker import Payload
from ..pipeline import now_iso
from ..record import Record, StageError
from ..store import SqliteStore
from .walk import Item


def execute(
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
    from ..engines.ray_engine import execute as execute_on_ray

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


def _payload(item: Item, store: SqliteStore) -> Payload:
    imported, _ = store.imported_for(item.import_keys())
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
