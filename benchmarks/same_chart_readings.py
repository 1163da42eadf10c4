"""Whether two versions of the chart stage read the same: every chart record written, then
compared (a speed change must change no reading).

    OMP_THREAD_LIMIT=1 python benchmarks/same_chart_readings.py write OUT.json \
        [--cache DIR] [--n 12] [--test 16] [--looks 6] [--tables 20] [--heldout 20] \
        [--table-looks 6]
    python benchmarks/same_chart_readings.py compare BEFORE.json AFTER.json

``write`` reads the tuning charts (``synth_charts``, ``unseen_charts`` at seed 5000, the
chart looks at seed 100), every image of ../shared/data/real, and table screenshots
(``synth_tables`` at seed 0, ``heldout_tables`` at seed 5000, the table looks at seed 300),
and writes each image's charts (series, points, values, names, provenance, axes) and the
chart stage's flags, with the stage's CPU time. ``compare`` prints the images whose readings
differ, how many charts were found on the table screenshots, and the CPU time of both.

It reads with the ``imgread`` of the checkout that holds the working directory: for the old
code, run this file (by its path here) from the old commit's worktree. ``--cache DIR`` keeps
the drawn images and each image as read up to the chart stage (pickled), so that a second
version reads the very same input and only its chart stage runs: valid where the two
versions differ in the chart stage alone.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import numpy as np
from PIL import Image

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import heldout_tables
import synth_tables
from chart_looks import LOOKS as CHART_LOOKS
from chart_speed import before_charts as read_up_to_charts
from looks import LOOKS as TABLE_LOOKS
from synth_charts import render
from unseen_charts import generate as generate_unseen

from imgread import charts
from imgread.config import Config
from imgread.ocr import rapid
from imgread.work import Work

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "real"
UNSEEN_SEED = 5000
CHART_LOOKS_SEED = 100
TABLE_LOOKS_SEED = 300
HELDOUT_SEED = 5000


def drawn_sets(folder: Path, args: argparse.Namespace) -> dict[str, list[Path]]:
    """The images of each set, drawn into ``folder`` (or found there, drawn before)."""
    def drawn(name: str, draw: Callable[[Path], object]) -> list[Path]:
        out = folder / name
        done = out / ".done"
        if not done.is_file():
            try:
                draw(out)
            except RuntimeError as error:  # no Chromium: a set drawn in it is left out
                print(f"{name} skipped: {error}", file=sys.stderr)
                return []
            done.write_text("")
        return sorted(p for p in out.iterdir() if p.suffix in (".png", ".jpg", ".jpeg"))

    def synth(out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        for seed in range(args.n):
            Image.fromarray(render(seed)[0]).save(out / f"chart_{seed}.png")

    sets = {"synth_charts": drawn("synth_charts", synth)}
    if args.test:
        sets["unseen_charts"] = drawn(
            "unseen_charts", lambda out: generate_unseen(out, args.test, UNSEEN_SEED))
    for look, module in CHART_LOOKS.items() if args.looks else ():
        sets[f"chart look {look}"] = drawn(
            f"chart_look_{look}",
            lambda out, m=module: m.generate(out, args.looks, CHART_LOOKS_SEED))
    if REAL.is_dir():
        sets["real"] = sorted((REAL / "images").iterdir())
    if args.tables:
        sets["tables tuning"] = drawn(
            "synth_tables", lambda out: synth_tables.generate(out, args.tables, 0))
    if args.heldout:
        sets["tables heldout"] = drawn(
            "heldout_tables", lambda out: heldout_tables.generate(out, args.heldout, HELDOUT_SEED))
    for look, module in TABLE_LOOKS.items() if args.table_looks else ():
        sets[f"table look {look}"] = drawn(
            f"table_look_{look}",
            lambda out, m=module: m.generate(out, args.table_looks, TABLE_LOOKS_SEED))
    return sets


def before_charts(path: Path, config: Config, cache: Path | None) -> Work:
    """The image read by every stage before the chart stage (from the cache, when there)."""
    pickled = cache / "works" / f"{path.parent.name}__{path.name}.pickle" if cache else None
    if pickled is not None and pickled.is_file():
        return pickle.loads(pickled.read_bytes())
    work = read_up_to_charts(path, config)
    if pickled is not None:
        pickled.parent.mkdir(parents=True, exist_ok=True)
        pickled.write_bytes(pickle.dumps(work))
    return work


def write(args: argparse.Namespace) -> None:
    config = Config()
    cache = Path(args.cache) if args.cache else None
    folder = cache / "images" if cache else Path(args.out).with_suffix(".images")
    folder.mkdir(parents=True, exist_ok=True)
    sets = drawn_sets(folder, args)
    # the engines loaded before any clock runs (the second one on first use otherwise)
    charts.run(before_charts(sets["synth_charts"][0], config, cache), config)
    if config.ocr.second_engine != "none" and rapid.available():
        rapid.texts([np.full((32, 96, 3), 255, np.uint8)])
    readings: dict[str, dict] = {}
    for label, paths in sets.items():
        for path in paths:
            work = before_charts(path, config, cache)
            started = time.process_time()
            charts.run(work, config)
            seconds = time.process_time() - started
            readings[f"{label}/{path.name}"] = {
                "set": label,
                "charts": [chart.model_dump(mode="json") for chart in work.record.charts],
                "flags": [flag.model_dump(mode="json") for flag in work.record.flags],
                "cpu_s": seconds,
            }
            print(f"{label}/{path.name}: {len(work.record.charts)} charts, "
                  f"{1000 * seconds:.0f} ms", flush=True)
    Path(args.out).write_text(json.dumps(readings, indent=1, sort_keys=True))


def compare(args: argparse.Namespace) -> None:
    before = json.loads(Path(args.before).read_text())
    after = json.loads(Path(args.after).read_text())
    differ = [name for name in sorted(set(before) | set(after))
              if name not in before or name not in after
              or {k: before[name][k] for k in ("charts", "flags")}
              != {k: after[name][k] for k in ("charts", "flags")}]
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(differ)} of {len(set(before) | set(after))} images read differently")
    print(f"{'set':<28}{'images':>7}{'charts before':>15}{'after':>7}"
          f"{'CPU ms before':>15}{'after':>7}")
    labels = sorted({item["set"] for item in (*before.values(), *after.values())})
    for label in labels:
        rows = [(before.get(n), after.get(n)) for n in sorted(set(before) | set(after))
                if (before.get(n) or after.get(n) or {}).get("set") == label]
        found = [sum(bool(r and r["charts"]) for r in side) for side in zip(*rows, strict=True)]
        ms = [1000 * sum(r["cpu_s"] for r in side if r) / max(1, sum(1 for r in side if r))
              for side in zip(*rows, strict=True)]
        print(f"{label:<28}{len(rows):>7}{found[0]:>15}{found[1]:>7}{ms[0]:>15.0f}{ms[1]:>7.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    writer = commands.add_parser("write", help="read every image and write its charts")
    writer.add_argument("out", help="the JSON file written")
    writer.add_argument("--cache", help="a folder for the images and pre-chart readings")
    writer.add_argument("--n", type=int, default=12, help="synth_charts (default 12)")
    writer.add_argument("--test", type=int, default=16, help="unseen_charts (default 16)")
    writer.add_argument("--looks", type=int, default=6, help="of each chart look (default 6)")
    writer.add_argument("--tables", type=int, default=20, help="synth_tables (default 20)")
    writer.add_argument("--heldout", type=int, default=20, help="heldout_tables (default 20)")
    writer.add_argument("--table-looks", type=int, default=6,
                        help="of each table look (default 6)")
    comparer = commands.add_parser("compare", help="the images read differently")
    comparer.add_argument("before")
    comparer.add_argument("after")
    args = parser.parse_args()
    write(args) if args.command == "write" else compare(args)


if __name__ == "__main__":
    main()
