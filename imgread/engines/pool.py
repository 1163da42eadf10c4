"""The local engine: worker processes on this machine, fed chunks of images by the run
(``imgread.batch``), with the VLM processes beside them when a VLM describes the images.

What it hands over and gets back is the run's business (``Handover``): the engine only
moves chunks, restarts dead workers, and stops every process with the run."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..record import Record
from . import worker
from .worker import Payload

if TYPE_CHECKING:
    from ..batch import Item

# The first chunk goes to a fork of the main process (ready at once) while the workers start;
# only where fork exists.
FORK_FIRST = "fork" in multiprocessing.get_all_start_methods()


@dataclass(frozen=True)
class Handover:
    """What the run gives the engine for an image, and what it records for one that fails."""

    payload: Callable[[Item], Payload]  # what a worker is sent for the image
    failed: Callable[[Item], Record]  # the record of an image no worker could read
    reload: Callable[[Item], None]  # fetch its earlier record again, for a retry


def execute(
    chunks: Iterator[list[Item]],
    handover: Handover,
    config: Config,
    config_json: str,
    vlm: tuple[list[str], list[str]],
    count: int,
    one_by_one: bool = False,
    announce: bool = False,
) -> Iterator[list[tuple[Item, Record]]]:
    """Run chunks in worker processes, at most two per worker in flight: the parent holds
    only those, whatever the folder's size. With a VLM, the workers run the CPU stages and
    hand each chunk to a VLM process (one per GPU, or one on the CPU: ``vlm_process``)
    that holds the only copy of the models. A worker that dies (a crash inside a native
    library) costs only the chunks in flight: those images are retried one by one in fresh
    processes, and one that kills a worker again gets a failed record instead of stopping
    the batch. The processes start with the first readable image (a no-op rerun starts
    none)."""
    context = multiprocessing.get_context("spawn")
    pool: ProcessPoolExecutor | None = None
    first: ProcessPoolExecutor | None = None  # a fork of this process for the first chunk
    describers: list[ProcessPoolExecutor] = []
    vlm_inputs: dict[str, Any] | None = None
    pending: dict[Future[Any], list[Item]] = {}  # reading, then (with a VLM) describing
    describing: dict[Future[Any], ProcessPoolExecutor] = {}  # and the process it went to
    finished = False
    try:
        more = True
        while True:
            limit = 1 if one_by_one else 2 * (count + len(describers))
            while more and len(pending) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    more = False
                elif chunk[0].error is not None:
                    yield [(chunk[0], handover.failed(chunk[0]))]
                else:
                    payloads = [handover.payload(item) for item in chunk]
                    if pool is None and not vlm[0] and not one_by_one and FORK_FIRST:
                        # The first image does not wait for the workers to start (their
                        # imports take seconds): a fork of this process, which has imported
                        # everything, reads it meanwhile. Forked before any pool thread runs.
                        first = ProcessPoolExecutor(
                            1, mp_context=multiprocessing.get_context("fork"),
                            initializer=worker.init, initargs=(config_json, [], []))
                        pending[first.submit(worker.process_chunk, payloads)] = chunk
                    if pool is None:
                        pool = ProcessPoolExecutor(
                            count, mp_context=context, initializer=worker.init,
                            initargs=(config_json, *(((), ()) if vlm[0] else vlm)))
                        if vlm[0]:
                            vlm_inputs, describers = start_describers(
                                config, config_json, vlm, context, announce)
                        if first is not None:
                            continue
                    future = (pool.submit(worker.read_chunk, payloads, vlm_inputs) if describers
                              else pool.submit(worker.process_chunk, payloads))
                    pending[future] = chunk
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken: list[Item] = []
            for future in done:
                chunk = pending.pop(future)
                try:
                    results: Any = future.result()  # pickled works when read for a VLM
                except BrokenProcessPool:
                    broken.extend(chunk)
                    continue
                if describers and future not in describing:
                    # Read: on to the VLM process with the fewest chunks waiting.
                    describer = min(describers, key=lambda d: list(describing.values()).count(d))
                    described = describer.submit(worker.describe_chunk, results)
                    describing[described] = describer
                    pending[described] = chunk
                    continue
                describing.pop(future, None)
                yield [(item, Record.from_json(text))
                       for item, text in zip(chunk, results, strict=True)]
            if not broken:
                continue
            # A pool is dead, and with it every chunk still in it: start afresh.
            for chunk in pending.values():
                broken.extend(chunk)
            pending.clear()
            describing.clear()
            for executor in executors(pool, first, describers):
                executor.shutdown(wait=True, cancel_futures=True)
            pool, first, describers = None, None, []
            if one_by_one:  # one image in flight: this one killed its worker twice
                for item in broken:
                    item.error = (
                        f"{item.paths[0]}: the worker process died while reading this image "
                        "(a crash in a native library, or out of memory)"
                    )
                    yield [(item, handover.failed(item))]
                continue
            for item in broken:
                handover.reload(item)
            yield from execute(iter([[item] for item in broken]), handover, config,
                                        config_json, vlm, 1, one_by_one=True, announce=announce)
        finished = True
    finally:
        for executor in executors(pool, first, describers):
            if not finished:
                stop_workers(executor)
            executor.shutdown(wait=finished, cancel_futures=not finished)


def executors(pool: ProcessPoolExecutor | None, first: ProcessPoolExecutor | None,
               describers: list[ProcessPoolExecutor]) -> list[ProcessPoolExecutor]:
    return [executor for executor in (pool, first) if executor is not None] + describers


def start_describers(
    config: Config, config_json: str, vlm: tuple[list[str], list[str]], context: Any,
    announce: bool,
) -> tuple[dict[str, Any], list[ProcessPoolExecutor]]:
    """The VLM processes, one per GPU (one without), each loading the models as it starts,
    while the CPU workers read the first images; and what the workers hash the VLM stage by."""
    from ..vlm import VlmRunner
    from . import vlm_process

    specs, redo = vlm
    inputs = VlmRunner(specs, config.vlm).hash_inputs()
    return inputs, [
        ProcessPoolExecutor(1, mp_context=context, initializer=vlm_process.start,
                            initargs=(config_json, specs, redo, device, announce))
        for device in vlm_process.devices(specs, config.vlm)]


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Ctrl-C, SIGTERM or an error stops the run: end the workers now rather than wait for
    their chunks (which may take minutes), so that no process outlives the run."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()
