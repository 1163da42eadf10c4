"""Table reading speed: images per CPU-second, the OCR calls behind it, and a fingerprint of
every record so that a change meant to save time can be shown to read the same.

    OMP_THREAD_LIMIT=1 python benchmarks/table_speed.py [--count 20] [--heldout-count 20]
        [--looks-count 2] [--calls] [--save FILE] [--compare FILE]

The images (tuning ``synth_tables``, ``heldout_tables`` and every tuning look, with the seeds
of ``benchmarks/tables.py``) are rendered once into ``--cache`` and read in one process.
CPU time is the process's own (Tesseract runs in-process through ``tesserocr`` and ONNX
Runtime on one thread, so both are counted) plus any children's. ``--calls`` counts the
Tesseract and RapidOCR calls per caller and the pixels each saw. ``--save`` writes each
image's record (less timings) as JSON; ``--compare`` names the images whose record differs
from a saved run's.

It runs the ``imgread`` of the checkout that holds the working directory: run it from the
worktree whose code is to be timed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sys
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import heldout_tables
import synth_tables
from looks import LOOKS

from imgread.config import load_config
from imgread.ocr import rapid, tesseract
from imgread.pipeline import Job, process_batch

PACKAGE = str(Path(__file__).resolve().parents[1] / "imgread")
VOLATILE = ("timings_ms", "processed_at", "started_at")


def render(cache: Path, count: int, heldout_count: int, looks_count: int) -> dict[str, Path]:
    """Each set's images by set name, rendered once per count."""
    sets = {"tuning": (synth_tables, count, 0), "heldout": (heldout_tables, heldout_count, 5000)}
    sets |= {f"looks/{name}": (module, looks_count, 300) for name, module in LOOKS.items()}
    folders = {}
    for name, (module, n, seed) in sets.items():
        folder = cache / f"{name}-{n}-{seed}"
        if not (folder / "done").is_file():
            module.generate(folder, n, seed)
            (folder / "done").write_text("")
        folders[name] = folder
    return folders


def caller() -> str:
    """The innermost imgread function outside the OCR package that asked for the reading."""
    for frame in reversed(traceback.extract_stack()[:-2]):
        if frame.filename.startswith(PACKAGE) and "/ocr/" not in frame.filename:
            return f"{Path(frame.filename).stem}.{frame.name}"
    return "?"


def counted(function: Callable[..., Any], engine: str, calls: dict) -> Callable[..., Any]:
    seen: set[str] = set()

    def wrapper(image: Any, *args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        result = function(image, *args, **kwargs)
        images = image if isinstance(image, list) else [image]
        entry = calls[(engine, caller())]
        entry["calls"] += 1
        entry["pixels"] += sum(i.shape[0] * i.shape[1] for i in images)
        entry["cpu"] += time.process_time() - started
        digest = hashlib.sha1(repr((args, kwargs)).encode())
        for i in images:
            digest.update(np.ascontiguousarray(i).tobytes())
        if digest.hexdigest() in seen:
            entry["repeated"] += 1  # the very pixels and settings read before
        seen.add(digest.hexdigest())
        return result

    return wrapper


def cpu_now() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def fingerprint(record: Any) -> str:
    data = record.model_dump(mode="json")
    for name in VOLATILE:
        data.pop(name, None)
    return json.dumps(data, sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20, help="tuning tables")
    parser.add_argument("--heldout-count", type=int, default=20)
    parser.add_argument("--looks-count", type=int, default=2, help="images of each look")
    parser.add_argument("--only", help="sets to read, comma-separated (tuning,heldout,looks)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/imgread-table-speed"))
    parser.add_argument("--calls", action="store_true", help="count OCR calls per caller")
    parser.add_argument("--save", type=Path, help="write each image's record here (JSON)")
    parser.add_argument("--compare", type=Path, help="a --save file to compare records with")
    args = parser.parse_args()
    folders = render(args.cache, args.count, args.heldout_count, args.looks_count)
    if args.only:
        wanted = args.only.split(",")
        folders = {n: f for n, f in folders.items() if n.split("/")[0] in wanted}
    calls: dict[tuple[str, str], Counter] = defaultdict(Counter)
    if args.calls:
        tesseract._words_tesserocr = counted(tesseract._words_tesserocr, "tesseract", calls)
        rapid.texts = counted(rapid.texts, "rapidocr", calls)
        rapid.text = counted(rapid.text, "rapidocr", calls)
    config = load_config()
    # engines and models load before the clock runs
    process_batch([Job(path=next(iter(sorted(folders["tuning"].glob("*.png")))))], config)
    calls.clear()
    prints: dict[str, str] = {}
    stages: Counter = Counter()
    per_set: dict[str, tuple[int, float]] = {}
    for name, folder in folders.items():
        paths = sorted(p for p in folder.iterdir() if p.suffix in (".png", ".jpg", ".jpeg"))
        started = cpu_now()
        records = process_batch([Job(path=p) for p in paths], config)
        per_set[name] = (len(paths), cpu_now() - started)
        for path, record in zip(paths, records, strict=True):
            prints[f"{name}/{path.name}"] = fingerprint(record)
            stages.update(record.timings_ms)
    groups: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for name, (n, cpu) in per_set.items():
        group = name.split("/")[0]
        groups[group][0] += n
        groups[group][1] += cpu
    print(f"{'set':<10} {'images':>6} {'CPU-s':>8} {'img/CPU-s':>10}")
    for group, (n, cpu) in groups.items():
        print(f"{group:<10} {n:>6} {cpu:>8.1f} {n / cpu:>10.3f}")
    total_n = sum(n for n, _ in groups.values())
    total_cpu = sum(cpu for _, cpu in groups.values())
    print(f"{'all':<10} {total_n:>6} {total_cpu:>8.1f} {total_n / total_cpu:>10.3f}")
    print("wall ms per stage: " + ", ".join(f"{s} {ms / 1000:.1f}s" for s, ms in stages.items()))
    if args.calls:
        print(f"{'engine':<10} {'caller':<44} {'calls':>6} {'again':>6} {'Mpx':>8} {'CPU-s':>7}")
        for (engine, where), entry in sorted(calls.items(), key=lambda kv: -kv[1]["cpu"]):
            print(
                f"{engine:<10} {where:<44} {entry['calls']:>6} {entry['repeated']:>6} "
                f"{entry['pixels'] / 1e6:>8.1f} {entry['cpu']:>7.1f}"
            )
    if args.save:
        args.save.write_text(json.dumps(prints))
    if args.compare:
        saved = json.loads(args.compare.read_text())
        changed = [name for name, text in prints.items() if saved.get(name) != text]
        print(f"records differing from {args.compare}: {len(changed)} of {len(prints)}")
        for name in changed:
            print("  " + name)


if __name__ == "__main__":
    main()
