"""Ray Data as the engine: the same stages as the local engine, on a Ray cluster.

A dataset of work items (one per distinct image) flows through two steps, so that each
scales on its own resource:

1. the CPU stages (load, preprocess, OCR, tables, charts) as ``map_batches`` tasks, one CPU
   each, as many at once as the cluster has CPUs;
2. with ``--vlm``, the VLM stage and reconcile in an actor pool: one actor per GPU
   (``num_gpus=1``), each loading the model once, straight onto its GPU (``device_map``),
   and fed batches by the CPU tasks; one actor on a CPU when the cluster has no GPU.
   Without a VLM, reconcile ends step 1.

Records come back to the driver, which writes them through the same store as the local
engine (``imgread.batch``), so the database, JSONL and report do not depend on the engine.
Every node needs imgread installed and the images at the same paths (shared storage).

Install with ``pip install 'imgread[ray]'``.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import re
import socket
from collections.abc import Iterable, Iterator
from typing import Any

from ..config import Config
from ..errors import ConfigError
from ..pipeline import describe_and_finish, read_pixels
from ..record import Record
from .worker import Payload, imports_digest, jobs


def _settle(records: list[Record], payloads: list[Payload]) -> dict[str, list[str]]:
    """Every path of the bytes and the imports digest, as the local engine sets them."""
    for record, (_, paths, _, imported) in zip(records, payloads, strict=True):
        record.image.paths = paths
        record.stage_hashes["imports"] = imports_digest(imported)
    return {"record": [record.to_json() for record in records]}


def _payloads(batch: dict[str, Any]) -> list[Payload]:
    return [tuple(json.loads(text)) for text in batch["payload"]]  # type: ignore[misc]


def read_batch(batch: dict[str, Any], config_json: str,
               vlm_inputs: dict[str, Any] | None) -> dict[str, list[Any]]:
    """Step 1, a task per batch: the CPU stages. With a VLM the works go on to step 2
    (pickled: the record so far and the image the model is shown); without one they end
    here."""
    config = Config.model_validate_json(config_json)
    payloads = _payloads(batch)
    works = read_pixels(jobs(payloads), config, vlm_inputs)
    if vlm_inputs is None:
        return _settle(describe_and_finish(works, config), payloads)
    for work in works:
        # The VLM and reconcile need the record and the image: the arrays the CPU stages
        # worked on, and the earlier record (already reused), are not shipped.
        work.rgb, work.prepared, work.scratch, work.previous = None, None, {}, None
    return {"payload": list(batch["payload"]), "work": [pickle.dumps(work) for work in works]}


class Describe:
    """Step 2, in an actor: the model is loaded once per actor, on the actor's device."""

    def __init__(self, config_json: str, vlm_specs: list[str], vlm_redo: list[str]) -> None:
        from ..vlm import VlmRunner

        self.config = Config.model_validate_json(config_json)
        self.vlm = VlmRunner(vlm_specs, self.config.vlm, redo=vlm_redo)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        works = [pickle.loads(blob) for blob in batch["work"]]
        return _settle(describe_and_finish(works, self.config, self.vlm), _payloads(batch))


def connect(address: str | None, workers: int | None) -> None:
    """Join the cluster at ``address`` ("auto": the one this machine belongs to), or start a
    local one with ``workers`` CPUs; a Ray already started in this process is used as is."""
    try:
        import ray
    except ImportError as error:
        raise ConfigError("--engine ray needs Ray, which is not installed",
                          hint="pip install 'imgread[ray]'") from error
    if ray.is_initialized():
        return
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # imgread reports the progress
    # Tesseract's own threads would fight the tasks for the same cores.
    runtime_env = {"env_vars": {"OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}}
    hint = ("pass --ray-address HOST:PORT of a running cluster (`ray start --head` prints it), "
            "or leave it out for a local one")
    if address and (why := _unreachable(address)):
        # Ray itself would retry for minutes before it gives up.
        raise ConfigError(f"--engine ray: cannot reach the Ray cluster at {address} ({why})",
                          hint=hint)
    try:
        if address:
            ray.init(address=address, runtime_env=runtime_env, log_to_driver=False,
                     logging_level=logging.WARNING)
        else:
            ray.init(num_cpus=workers or None, include_dashboard=False,
                     runtime_env=runtime_env, log_to_driver=False, logging_level=logging.WARNING)
    except (ConnectionError, RuntimeError, ValueError) as error:
        raise ConfigError(f"--engine ray: cannot reach the Ray cluster at "
                          f"{address or 'a new local cluster'} ({error})", hint=hint) from error


def _unreachable(address: str, timeout_s: float = 5.0) -> str | None:
    """Why nothing answers at HOST:PORT (or ray://HOST:PORT), or None when something does;
    other forms ("auto") are left to Ray."""
    match = re.fullmatch(r"(?:ray://)?\[?([\w.:-]+?)\]?:(\d+)", address)
    if match is None:
        return None
    try:
        with socket.create_connection((match[1], int(match[2])), timeout=timeout_s):
            return None
    except OSError as error:
        return error.strerror or str(error)


def execute(payloads: Iterable[Payload], config: Config, vlm_specs: list[str],
            vlm_redo: list[str], workers: int | None = None) -> Iterator[list[Record]]:
    """Yield finished records in batches as the cluster finishes them (in any order)."""
    connect(config.batch.ray_address, workers)
    import ray
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # imgread prints its own progress
    context.print_on_execution_start = False
    rows = [{"payload": json.dumps(payload)} for payload in payloads]
    if not rows:
        return
    cpus = int(ray.cluster_resources().get("CPU", 1))
    gpus = int(ray.cluster_resources().get("GPU", 0))
    # Small CPU batches (as the local engine's chunks) keep every CPU busy to the end; an
    # image takes seconds, a task milliseconds. The VLM step batches for the GPU.
    size = max(1, min(config.batch.chunk_size, len(rows) // (cpus * 4)))
    vlm_size = max(1, config.batch.chunk_size)
    dataset: Any = ray.data.from_items(rows, override_num_blocks=-(-len(rows) // size))
    config_json = config.model_dump_json()
    vlm_inputs = None
    if vlm_specs:
        from ..vlm import VlmRunner

        vlm_inputs = VlmRunner(vlm_specs, config.vlm).hash_inputs()
    dataset = dataset.map_batches(read_batch, fn_args=(config_json, vlm_inputs),
                                  batch_size=size, batch_format="numpy", num_cpus=1)
    if vlm_specs:
        dataset = dataset.map_batches(
            Describe, fn_constructor_args=(config_json, vlm_specs, vlm_redo),
            batch_size=vlm_size, batch_format="numpy",
            # One actor per GPU, the model loaded once in each; one on a CPU without GPUs.
            concurrency=max(1, gpus), num_gpus=1 if gpus else 0, num_cpus=0 if gpus else 1)
    # Whole blocks as they finish (batch_size=None): a record is stored as soon as it is read.
    for batch in dataset.select_columns(["record"]).iter_batches(batch_size=None,
                                                                 batch_format="numpy"):
        yield [Record.from_json(text) for text in batch["record"]]
