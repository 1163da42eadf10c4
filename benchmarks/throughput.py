"""Images/s and per-stage milliseconds of the OCR-only pipeline, with 1 and 2 workers.

    .venv/bin/python benchmarks/throughput.py [--images 200] [--folder samples]

The sample images are repeated until there are at least --images files; each copy gets a
different PNG text chunk (or JPEG comment) so that its bytes differ and deduplication does
not skip it, while its pixels stay the same.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, PngImagePlugin

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from imgread.batch import discover, run  # noqa: E402
from imgread.config import Config  # noqa: E402


def make_distinct_copies(source: Path, target: Path, count: int) -> list[Path]:
    originals = discover(source, Config().batch.extensions)
    if not originals:
        raise SystemExit(f"no images under {source}")
    made: list[Path] = []
    index = 0
    while len(made) < count:
        original = originals[index % len(originals)]
        image = Image.open(original)
        destination = target / f"{index:04d}_{original.stem}.png"
        info = PngImagePlugin.PngInfo()
        info.add_text("imgread-benchmark-copy", str(index))
        image.save(destination, pnginfo=info)
        made.append(destination)
        index += 1
    return made


def stage_means(out: Path) -> dict[str, float]:
    per_stage: dict[str, list[float]] = {}
    for line in (out / "records.jsonl").read_text().splitlines():
        for stage, ms in json.loads(line)["timings_ms"].items():
            per_stage.setdefault(stage, []).append(ms)
    return {stage: statistics.mean(values) for stage, values in per_stage.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--folder", type=Path, default=REPO / "samples")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "images"
        folder.mkdir()
        paths = make_distinct_copies(args.folder, folder, args.images)
        sizes = [Image.open(p).size for p in paths]
        mean_w = statistics.mean(w for w, _ in sizes)
        mean_h = statistics.mean(h for _, h in sizes)
        print(f"{len(paths)} images from {args.folder} (mean {mean_w:.0f}x{mean_h:.0f}), "
              f"{os.cpu_count()} cores, OCR only (no VLM)")
        results = []
        for workers in args.workers:
            out = Path(scratch) / f"out-{workers}"
            started = time.perf_counter()
            summary = run(folder, out_dir=out, workers=workers, progress=False, report=False)
            elapsed = time.perf_counter() - started
            results.append((workers, summary.processed / elapsed, elapsed, stage_means(out),
                            summary.statuses))
        stages = list(results[0][3])
        print()
        print(f"{'workers':>7} {'images/s':>9} {'wall s':>7} " +
              " ".join(f"{s + ' ms':>14}" for s in stages) + "  statuses")
        for workers, rate, elapsed, means, statuses in results:
            print(f"{workers:>7} {rate:>9.2f} {elapsed:>7.1f} " +
                  " ".join(f"{means.get(s, 0.0):>14.1f}" for s in stages) + f"  {statuses}")


if __name__ == "__main__":
    main()
