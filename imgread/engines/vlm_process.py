"""The local engine's VLM stage in processes of its own: one per GPU, or one on the CPU.

The CPU workers run load, preprocess, OCR, tables and charts and hand over what they read
(the record so far and the image, pickled); a VLM process describes a chunk at a time, with
every model loaded once, when the process starts, straight onto its device (``device_map``),
then reconciles, as the Ray engine's VLM actor does. So a machine with 16 cores and one GPU
holds one copy of the model, not 16, and the GPU gets whole chunks to batch.
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

from ..config import Config, VlmSettings

NVIDIA_GPUS = Path("/proc/driver/nvidia/gpus")  # one folder per GPU the driver sees

# The process's settings and models, for the whole run.
_STATE: dict[str, Any] = {}


def devices(specs: list[str], settings: VlmSettings) -> list[str | None]:
    """A CUDA_VISIBLE_DEVICES value for each VLM process: one per GPU when a local model is
    to run on whatever GPU there is; a single process (None: the environment as it is)
    without GPUs, for models behind a server, or on a device named in the settings."""
    from ..vlm.openai_backend import PREFIX as SERVED

    if settings.device not in ("auto", "cuda") or all(s.startswith(SERVED) for s in specs):
        return [None]
    visible = os.environ.get("CUDA_VISIBLE_DEVICES")
    if visible is not None:
        ids = [part.strip() for part in visible.split(",") if part.strip()]
        ids = [] if ids[:1] == ["-1"] else ids
    else:
        ids = sorted((p.name for p in NVIDIA_GPUS.iterdir()), key=str) if NVIDIA_GPUS.is_dir() \
            else []
        ids = [str(index) for index in range(len(ids))]
    return list(ids) or [None]


def start(config_json: str, specs: list[str], redo: list[str], device: str | None,
          announce: bool) -> None:
    """Pool initializer: see this process's GPU only, then load every model onto it."""
    if device is not None:
        os.environ["CUDA_VISIBLE_DEVICES"] = device
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    from ..lifecycle import exit_with_parent
    from ..vlm import VlmRunner

    exit_with_parent()
    config = Config.model_validate_json(config_json)
    runner = VlmRunner(specs, config.vlm, redo=redo)
    started = time.perf_counter()
    loaded = runner.load_models()
    if announce and loaded:
        where = f"GPU {device}" if device is not None else "its device"
        print(f"imgread: VLM process {os.getpid()} loaded {', '.join(loaded)} on {where} in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    _STATE["config"], _STATE["runner"] = config, runner


def describe(blob: bytes) -> list[str]:
    """A chunk the CPU workers read (``worker.read_chunk``): the VLM stage, reconcile, and the
    record's paths and imports digest as the one-process path sets them."""
    from ..pipeline import describe_and_finish

    works, settled = pickle.loads(blob)
    records = describe_and_finish(works, _STATE["config"], _STATE["runner"])
    for record, (paths, imports) in zip(records, settled, strict=True):
        record.image.paths = paths
        record.stage_hashes["imports"] = imports
    return [record.to_json() for record in records]
