"""The whole pipeline in one place: stages in order, each timed, each failure kept as data.

A stage is a plain function ``stage(work, config) -> None`` that enriches ``work.record``
(and may leave intermediate images on ``work``). The VLM stage works on a batch, so that
a GPU can generate for several images at once.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, charts, images, ocr, preprocess, reconcile, tables
from .config import Config
from .errors import ImgreadError
from .record import Record, StageError
from .work import Job, Work, now_iso

if TYPE_CHECKING:

    from .vlm import VlmRunner


Stage = Callable[[Work, Config], None]

# OCR, the slow stage, is reused from an earlier record of the same bytes when its chained
# hash is unchanged (a new --vlm model then costs no OCR). The other image stages are cheap
# and also add flags, so they always run.
REUSABLE_FIELDS: dict[str, tuple[str, ...]] = {
    "ocr": ("ocr",),
}

IMAGE_STAGES: tuple[tuple[str, Stage], ...] = (
    ("preprocess", preprocess.run),
    ("ocr", ocr.run),
    ("tables", tables.run),
    ("charts", charts.run),
)


def _run_stage(name: str, stage: Callable[[], None], work: Work) -> None:
    started = time.perf_counter()
    try:
        stage()
    except ImgreadError as error:
        work.record.errors.append(StageError(stage=name, message=str(error), hint=error.hint))
    except Exception as error:
        work.record.errors.append(
            StageError(
                stage=name,
                message=f"{type(error).__name__}: {error}",
                hint="unexpected error; please report it with this image",
            )
        )
    finally:
        work.record.timings_ms[name] = round((time.perf_counter() - started) * 1000, 2)


def _reusable(work: Work, stage: str) -> bool:
    previous = work.previous
    return (
        previous is not None
        and stage in REUSABLE_FIELDS
        and previous.stage_hashes.get(stage) == work.record.stage_hashes.get(stage)
        and not any(error.stage == stage for error in previous.errors)
    )


def start(job: Job, config: Config, vlm_inputs: dict[str, Any] | None = None) -> Work:
    hashes = config.stage_hashes({"vlm": vlm_inputs} if vlm_inputs else None)
    record = Record(
        imgread_version=__version__,
        stage_hashes=hashes,
        config_hash=hashes["reconcile"],
    )
    record.image.path = str(job.path)
    record.image.paths = [str(job.path)]
    record.image.sha256 = job.sha256
    record.descriptions = [description.model_copy(deep=True) for description in job.imported]
    # Earlier descriptions are kept, whatever models this run names; the VLM stage drops those
    # it redoes (vlm.VlmRunner._drop_stale).
    if job.previous is not None:
        record.descriptions += [description.model_copy(deep=True)
                                for description in job.previous.descriptions
                                if description.imported_from is None]
    return Work(path=job.path, record=record, previous=job.previous)


def run_image_stages(work: Work, config: Config) -> None:
    """Load, then every stage that reads pixels, in order."""
    _run_stage("load", lambda: images.load_into(work, config), work)
    if work.record.errors:
        work.failed = True
        return
    for name, stage in IMAGE_STAGES:
        if _reusable(work, name):
            assert work.previous is not None
            for field_name in REUSABLE_FIELDS[name]:
                value = getattr(work.previous, field_name)
                setattr(work.record, field_name, copy.deepcopy(value))
            work.record.timings_ms[name] = 0.0
            continue
        _run_stage(name, lambda stage=stage: stage(work, config), work)  # type: ignore[misc]


def finish(work: Work, config: Config) -> Record:
    """Reconcile, settle the status, and drop the pixels."""
    if not work.failed:
        _run_stage("reconcile", lambda: reconcile.run(work, config), work)
    record = work.record
    if work.failed:
        record.status = "failed"
    elif record.errors:
        record.status = "partial"
    else:
        record.status = "ok"
    record.processed_at = now_iso()
    work.image = None
    work.rgb = None
    work.prepared = None
    return record


def process_batch(
    jobs: Sequence[Job], config: Config, vlm: VlmRunner | None = None
) -> list[Record]:
    """Run every stage over a batch of images; one record per job, whatever happens."""
    vlm_inputs = vlm.hash_inputs() if vlm is not None else None
    return describe_and_finish(read_pixels(jobs, config, vlm_inputs), config, vlm)


def read_pixels(jobs: Sequence[Job], config: Config,
                vlm_inputs: dict[str, Any] | None = None) -> list[Work]:
    """The CPU half of the pipeline: start each record and run the image stages."""
    works = [start(job, config, vlm_inputs) for job in jobs]
    for work in works:
        run_image_stages(work, config)
    return works


def describe_and_finish(works: list[Work], config: Config,
                        vlm: VlmRunner | None = None) -> list[Record]:
    """The VLM stage over the batch (where a model is configured), then reconcile: the half
    of the pipeline that an engine can run where the model lives."""
    alive = [work for work in works if not work.failed]
    if vlm is not None:
        started = time.perf_counter()
        vlm.run(alive)
        per_image = (time.perf_counter() - started) * 1000 / max(len(alive), 1)
        for work in alive:
            work.record.timings_ms["vlm"] = round(per_image, 2)
    else:
        for work in alive:
            work.record.vlm.status = "skipped"
            work.record.vlm.reason = (
                "no VLM configured: pass --vlm MODEL (a Hugging Face id, a local model folder, "
                "or openai:URL#MODEL) to add descriptions"
            )
    return [finish(work, config) for work in works]


def read_image(
    path: str | Path, config: Config | None = None, vlm: VlmRunner | None = None
) -> Record:
    """Process one image and return its record (no database, no JSONL)."""
    return process_batch([Job(path=Path(path))], config or Config(), vlm)[0]
