"""The Ray Data engine against the local engine on the same images and cores: seconds, images/s,
and Ray's overhead per image.

    .venv/bin/python benchmarks/engines.py [--images 48] [--cpus 2] [--folder samples]

Both engines get the same distinct copies of the sample screenshots (throughput.py's copies)
and the same number of CPUs: the local engine ``--workers CPUS``, Ray a local cluster with
``num_cpus=CPUS`` started before the clock starts (a real cluster is already running when a
run begins). The cluster's start is timed and printed on its own. Each engine runs twice,
alternately, into fresh output folders; the faster run of each counts, since other processes
on a shared machine only ever add time. Goal (issue 12): Ray's overhead per image at most 20%.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from throughput import make_distinct_copies  # noqa: E402

from imgread.batch import run  # noqa: E402
from imgread.config import Config  # noqa: E402


def stage_seconds(out: Path) -> float:
    """Seconds spent inside the stages, all images together: what is left of the wall time
    times the CPUs is waiting (scheduling, transfers, a worker idle)."""
    return sum(sum(json.loads(line)["timings_ms"].values())
               for line in (out / "records.jsonl").read_text().splitlines()) / 1000


def timed_run(folder: Path, out: Path, engine: str, cpus: int) -> tuple[float, float]:
    config = Config()
    config.batch.engine = engine  # type: ignore[assignment]
    started = time.perf_counter()
    summary = run(folder, out_dir=out, workers=cpus, config=config, progress=False, report=False)
    elapsed = time.perf_counter() - started
    assert summary.processed == summary.distinct, "every image is processed once"
    return elapsed, stage_seconds(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--images", type=int, default=48)
    parser.add_argument("--cpus", type=int, default=2)
    parser.add_argument("--folder", type=Path, default=REPO / "samples")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    import ray

    with tempfile.TemporaryDirectory(prefix="imgread-engines-") as scratch:
        root = Path(scratch)
        (root / "images").mkdir()
        make_distinct_copies(args.folder, root / "images", args.images)
        started = time.perf_counter()
        ray.init(num_cpus=args.cpus, include_dashboard=False, log_to_driver=False,
                 runtime_env={"env_vars": {"OMP_THREAD_LIMIT": "1"}})
        cluster_start = time.perf_counter() - started
        times: dict[str, list[tuple[float, float]]] = {"local": [], "ray": []}
        for round_ in range(args.rounds):
            for engine in ("local", "ray"):
                out = root / f"out-{engine}-{round_}"
                times[engine].append(timed_run(root / "images", out, engine, args.cpus))
        ray.shutdown()
    (local, local_stages), (on_ray, ray_stages) = min(times["local"]), min(times["ray"])
    per_image_ms = (on_ray - local) * 1000 / args.images
    print(f"{args.images} distinct images, {args.cpus} CPUs, best of {args.rounds} runs each "
          f"(os.cpu_count() = {os.cpu_count()})")
    print(f"{'engine':8} {'seconds':>8} {'images/s':>9} {'in stages':>10} {'busy':>5}   "
          "all runs (s)")
    for engine, best, stages in (("local", local, local_stages), ("ray", on_ray, ray_stages)):
        runs = ", ".join(f"{t:.1f}" for t, _ in times[engine])
        busy = stages / (best * args.cpus)
        print(f"{engine:8} {best:8.1f} {args.images / best:9.2f} {stages:9.1f}s {busy:5.0%}   "
              f"{runs}")
    print(f"Ray's overhead: {per_image_ms:+.0f} ms per image, {100 * (on_ray / local - 1):+.0f}% "
          f"(goal: at most +20%); starting the local cluster took {cluster_start:.1f} s more")


if __name__ == "__main__":
    main()
