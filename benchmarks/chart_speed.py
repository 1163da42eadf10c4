"""The chart stage's CPU time per chart on one core, per set (the goal: ≤ 0.5 s a chart).

    OMP_THREAD_LIMIT=1 python benchmarks/chart_speed.py [--n 12] [--test 16] [--profile]

Each image is loaded and read up to the chart stage once; then the chart stage alone runs
and its process CPU time is taken (Tesseract runs in-process through tesserocr, so its time
is counted; both OCR engines, Tesseract in each mode the stage reads in, are loaded before
the clock runs). CPU time varies far less than the wall time ``benchmarks/charts.py`` prints
on a machine other work shares. Sets: tuning charts (``synth_charts``), ``unseen_charts``
(tuning) and the labelled bar charts in ../shared/data/real. ``--profile`` prints the hot
spots over all the charts (cProfile on process CPU time, by cumulative time).

It runs the ``imgread`` of the checkout that holds the working directory: run it from the
worktree whose code is to be timed.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import numpy as np
from PIL import Image

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from charts import REAL, TEST_SEED, real_bar_charts
from synth_charts import render
from unseen_charts import generate as generate_unseen

from imgread import charts, images, ocr
from imgread.config import Config
from imgread.ocr import rapid
from imgread.pipeline import IMAGE_STAGES
from imgread.record import Record
from imgread.work import Work

# Tesseract's page segmentation modes the chart stage reads in, and whether digits only
CHART_MODES = ((11, False), (8, True), (7, False), (7, True), (6, False), (6, True))


def before_charts(path: Path, config: Config) -> Work:
    """The image read by every stage before the chart stage."""
    work = Work(path=path, record=Record())
    images.load_into(work, config)
    for name, stage in IMAGE_STAGES:
        if name == "charts":
            break
        stage(work, config)
    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=12, help="synth_charts (default 12)")
    parser.add_argument("--test", type=int, default=16, help="unseen_charts (default 16)")
    parser.add_argument("--profile", action="store_true", help="print the hot spots")
    args = parser.parse_args()
    config = Config()
    # (CPU time, not cProfile's wall clock, which other work on the machine inflates)
    profile = cProfile.Profile(time.process_time) if args.profile else None
    seconds: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        sets: dict[str, list[Path]] = {"synth_charts": [], "unseen_charts": [], "real": []}
        for seed in range(args.n):
            rgb, _ = render(seed)
            path = Path(folder) / f"chart_{seed}.png"
            Image.fromarray(rgb).save(path)
            sets["synth_charts"].append(path)
        if args.test:
            try:
                drawn = generate_unseen(Path(folder) / "unseen", args.test, TEST_SEED)
                sets["unseen_charts"] = [Path(folder) / "unseen" / name for name in drawn]
            except RuntimeError as error:  # no Chromium
                print(f"unseen charts skipped: {error}", file=sys.stderr)
        if REAL.is_dir():
            sets["real"] = [REAL / "images" / name for name in real_bar_charts()]
        if sets["synth_charts"]:  # the engines loaded before the clock runs
            charts.run(before_charts(sets["synth_charts"][0], config), config)
        # and Tesseract in each mode the chart stage reads crops in (a tenth of a second each
        # to load, once per process: no chart's cost either)
        blank = np.full((32, 96, 3), 255, np.uint8)
        for psm, numeric in CHART_MODES:
            with contextlib.suppress(RuntimeError):  # tesserocr: no text in the crop
                ocr.read_words(blank, ocr.page_settings(config.ocr, "eng"), psm=psm,
                               numeric=numeric)
        if config.ocr.second_engine != "none" and rapid.available():
            # and the second engine, which the labels' re-reads load on first use (about a
            # second, once per process: no chart's cost)
            rapid.texts([blank])
        for label, paths in sets.items():
            for path in paths:
                work = before_charts(path, config)
                started = time.process_time()
                if profile is not None:
                    profile.enable()
                charts.run(work, config)
                if profile is not None:
                    profile.disable()
                seconds.setdefault(label, []).append(time.process_time() - started)
    every = sorted(s for values in seconds.values() for s in values)
    print(f"{'chart stage, CPU ms a chart':<30}{'charts':>8}{'mean':>8}{'median':>8}{'max':>8}")
    for label, values in [*seconds.items(), ("all", every)]:
        ordered = sorted(values)
        print(f"  {label:<28}{len(ordered):>8}{1000 * sum(ordered) / len(ordered):>8.0f}"
              f"{1000 * ordered[len(ordered) // 2]:>8.0f}{1000 * ordered[-1]:>8.0f}")
    if profile is not None:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
