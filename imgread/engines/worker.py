"""The worker side of a run: what each worker process holds (its settings and VLM models,
loaded once per process, never once per image) and does with a chunk of images. Plain
strings cross the process boundary both ways: they pickle fast and cannot drift in type."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import signal
from pathlib import Path
from typing import Any

from ..config import Config
from ..lifecycle import exit_with_parent
from ..pipeline import Job, process_batch, read_pixels
from ..record import Description, Record

_WORKER: dict[str, Any] = {}


def init(config_json: str, vlm_specs: list[str], vlm_redo: list[str]) -> None:
    """Ready this process for the run: its settings, and the VLM models where the workers
    describe the images themselves (no VLM process beside them)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if multiprocessing.parent_process() is not None:  # a pool worker, not the main process
        exit_with_parent()
        # A forked worker inherits the main process's SIGTERM handler: it is ended, not
        # stopped with a message.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    config = Config.model_validate_json(config_json)
    _WORKER["config"] = config
    _WORKER["vlm"] = None
    if vlm_specs:
        from ..vlm import VlmRunner

        _WORKER["vlm"] = VlmRunner(vlm_specs, config.vlm, redo=vlm_redo)


Payload = tuple[str, list[str], str | None, list[str]]


def process_chunk(chunk: list[Payload]) -> list[str]:
    """(sha, paths, previous record JSON, imported descriptions JSON) per item in, record
    JSON per item out."""
    config: Config = _WORKER["config"]
    records = process_batch(jobs(chunk), config, _WORKER["vlm"])
    for record, (_, paths, _, imported) in zip(records, chunk, strict=True):
        record.image.paths = paths
        record.stage_hashes["imports"] = imports_digest(imported)
    return [record.to_json() for record in records]


def jobs(chunk: list[Payload]) -> list[Job]:
    return [
        Job(
            path=Path(paths[0]),
            sha256=sha,
            previous=Record.from_json(previous) if previous is not None else None,
            imported=[Description.model_validate_json(text) for text in imported],
        )
        for sha, paths, previous, imported in chunk
    ]


def read_chunk(chunk: list[Payload], vlm_inputs: dict[str, Any] | None) -> bytes:
    """When VLM processes describe the images (``vlm_process``): the
    CPU stages only. The record so far and the image go on, pickled; the arrays the stages
    worked on, and the earlier record (already reused), do not."""
    works = read_pixels(jobs(chunk), _WORKER["config"], vlm_inputs)
    for work in works:
        work.rgb, work.prepared, work.scratch, work.previous = None, None, {}, None
    settled = [(paths, imports_digest(imported)) for _, paths, _, imported in chunk]
    return pickle.dumps((works, settled))


def imports_digest(imported: list[str]) -> str:
    return hashlib.sha256("\n".join(imported).encode()).hexdigest()[:16] if imported else ""


def describe_chunk(blob: bytes) -> list[str]:
    """In a VLM process: a chunk the CPU workers read (``read_chunk``)."""
    from .vlm_process import describe

    return describe(blob)
