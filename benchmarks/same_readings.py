"""Whether a change to the reader changes any reading, and what each image costs in CPU.

    OMP_THREAD_LIMIT=1 PYTHONPATH=. python benchmarks/same_readings.py --out A.json
        [--images /tmp/readings-images] [--count 20] [--heldout-count 20] [--looks-count 6]
        [--profile | --calls] [--steps]
    python benchmarks/same_readings.py --compare A.json B.json

Reads the table tuning sets (``synth_tables`` at seed 0, ``heldout_tables`` at seed 5000,
every look at seed 300, the real tables in ../shared/data/real; on request ``blind5`` at its
tuning seed 43100, ``--count`` images) one image at a time through
``process_batch`` and writes, per image, its record without what varies from run to run
(timings, dates) and the CPU seconds it took: the process's own (Tesseract and RapidOCR run
in-process, their threads included) plus its children's. The images are drawn once into
``--images`` and reused, so that two versions of the code (run each with ``PYTHONPATH`` set
to its checkout: the editable install points at the main checkout) read the same files.

``--compare`` prints, per set, the images whose tables, rows, scores, charts or flags
differ, those whose page words alone differ, and the CPU seconds per image of each run.
``--profile`` adds where the CPU goes: cProfile by process time, summed by stage and by
the OCR calls each stage makes (calls, pixels read and CPU, by page mode and language);
``--calls`` prints the stages' CPU and the OCR calls alone, without cProfile; ``--steps``
adds the CPU of each costly step inside the stages (:data:`STEPS`: the tables stage's
re-reads, the chart stage's passes on table pages, preprocessing's parts), timed around
the function wherever a module calls it, nested steps inside their callers' figures.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import blind5_tables
import heldout_tables
import synth_tables
from looks import LOOKS

# The retired fifth blind set at its tuning seed (never the coordinator's 43000): large
# Chromium-rendered pages, where the page read costs most.
BLIND5_TUNING_SEED = 43100
REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "real"
# What a record holds that is not a reading: wall times, dates, and the stage hashes (they
# name the code's version).
VOLATILE = {"timings_ms", "processed_at", "stage_hashes", "config_hash", "imgread_version"}
READING_FIELDS = ("status", "errors", "rows", "scores", "charts", "flags")


def _generated(module: Any, folder: Path, count: int, seed: int) -> list[Path]:
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        names = sorted(module.generate(folder, count, seed))
        manifest.write_text(json.dumps(names))
    return [folder / name for name in json.loads(manifest.read_text())]


def image_sets(images: Path, wanted: list[str], count: int, heldout_count: int,
               looks_count: int) -> dict[str, list[Path]]:
    """The images of each wanted set, drawn into ``images`` on first use."""
    sets = {}
    if "tuning" in wanted:
        sets["tuning"] = _generated(synth_tables, images / "tuning", count, 0)
    if "heldout" in wanted:
        sets["heldout"] = _generated(heldout_tables, images / "heldout", heldout_count, 5000)
    if "looks" in wanted:
        sets["looks"] = [
            path for name, module in LOOKS.items()
            for path in _generated(module, images / "looks" / name, looks_count, 300)
        ]
    if "blind5" in wanted:
        sets["blind5"] = _generated(blind5_tables, images / "blind5", count, BLIND5_TUNING_SEED)
    truth = REAL / "truth.json"
    if "real" in wanted and truth.is_file():
        tables = [n for n, t in json.loads(truth.read_text()).items() if t.get("kind") == "table"]
        sets["real"] = [REAL / "images" / name for name in tables]
    return sets


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _readings(record: Any) -> dict[str, Any]:
    data = record.model_dump(mode="json", exclude=VOLATILE)
    data["image"].pop("first_seen", None)
    return data


class OcrCalls:
    """Counts the OCR engine calls, the pixels each reads and the CPU each takes, by the module
    that asked and, for Tesseract, the page mode, language and whether digits only."""

    def __init__(self) -> None:
        self.calls: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])

    def wrap(self, module: Any, name: str, engine: str) -> None:
        original = getattr(module, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            caller = sys._getframe(1)
            # (past the engine's own modules and the wrappers ``--steps`` puts round steps)
            while caller.f_back is not None and (
                caller.f_globals.get("__name__", "").startswith("imgread.ocr")
                or caller.f_code is StepCosts.TIMED
            ):
                caller = caller.f_back
            started = time.process_time()
            result = original(*args, **kwargs)
            key = f"{engine}{_mode(args, kwargs)} <- {caller.f_globals.get('__name__', '?')}"
            entry = self.calls[key]
            entry[0] += 1
            entry[1] += _pixels(args[0]) if args else 0
            entry[2] += time.process_time() - started
            return result

        setattr(module, name, counted)


def _mode(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """How a Tesseract call reads: " psm 11 eng", " psm 6 eng digits" (nothing for RapidOCR,
    whose calls take no settings)."""
    settings = args[1] if len(args) > 1 else kwargs.get("settings")
    if settings is None or not hasattr(settings, "psm"):
        return ""
    psm = kwargs.get("psm", args[2] if len(args) > 2 else None)
    numeric = kwargs.get("numeric", args[3] if len(args) > 3 else False)
    mode = f" psm {settings.psm if psm is None else psm} {settings.lang}"
    return mode + (" digits" if numeric else "")


def _pixels(image: Any) -> int:
    if hasattr(image, "shape"):
        return int(image.shape[0] * image.shape[1])
    if isinstance(image, list | tuple):
        return sum(_pixels(item) for item in image)
    return 0


def read(sets: dict[str, list[Path]], profile: bool, out_path: Path,
         calls: bool = False, steps: bool = False) -> dict[str, Any]:
    """Every image of ``sets`` read; the result is written to ``out_path`` after each image,
    so that a run stopped early still compares on what it read. ``calls`` counts the OCR
    calls and times each stage without cProfile, whose overhead inflates Python code."""
    from imgread import ocr, pipeline
    from imgread.config import load_config
    from imgread.ocr import rapid, tesseract
    from imgread.pipeline import Job, process_batch

    config = load_config()
    counter = OcrCalls()
    profiler = cProfile.Profile(time.process_time) if profile else None
    stages = _time_stages(pipeline) if calls or steps else {}
    step_costs = StepCosts() if steps else None
    if step_costs is not None:
        for step in STEPS:
            step_costs.wrap(step)
    if profiler is not None or calls or steps:
        counter.wrap(tesseract, "words", "tesseract")
        ocr.ENGINES["tesseract"] = (tesseract.words, tesseract.version)
        counter.wrap(rapid, "read", "rapid")
        counter.wrap(rapid, "texts", "rapid batch")
    out: dict[str, Any] = {"code": str(Path(ocr.__file__).resolve().parents[2]), "sets": {}}
    for set_name, paths in sets.items():
        images: dict[str, Any] = {}
        out["sets"][set_name] = images
        for path in paths:
            started = _cpu()
            if profiler is not None:
                profiler.enable()
            [record] = process_batch([Job(path=path)], config)
            if profiler is not None:
                profiler.disable()
            images[str(path.relative_to(path.parents[1]))] = {
                "cpu_s": round(_cpu() - started, 4),
                "record": _readings(record),
            }
            out_path.write_text(json.dumps(out, sort_keys=True))
        cpu = sum(image["cpu_s"] for image in images.values())
        print(f"{set_name}: {len(images)} images, {cpu / max(1, len(images)):.3f} CPU-s/image",
              flush=True)
    if profiler is not None:
        _print_profile(profiler, counter)
    elif calls or steps:
        total = sum(stages.values())
        print(f"\nCPU-s by stage (of {total:.1f} s in stages):")
        for name, cpu in sorted(stages.items(), key=lambda item: -item[1]):
            print(f"  {name:20s} {cpu:8.2f} {cpu / max(total, 1e-9):6.1%}")
        _print_calls(counter, total)
        if step_costs is not None:
            step_costs.print(total, sum(len(images) for images in out["sets"].values()))
    return out


def _time_stages(pipeline: Any) -> dict[str, float]:
    """CPU seconds by pipeline stage, summed over the images read (filled as they are)."""
    stages: dict[str, float] = defaultdict(float)
    original = pipeline._run_stage

    def timed(name: str, stage: Any, work: Any) -> None:
        started = time.process_time()
        original(name, stage, work)
        stages[name] += time.process_time() - started

    pipeline._run_stage = timed
    return stages


# The steps inside the stages that ``--steps`` times: "module:function", the module where the
# function is defined (every module that imported it calls the timed one).
STEPS = (
    "imgread.images:load_into",
    "imgread.preprocess:prepare",
    "imgread.preprocess.cell_bars:flatten_cell_bars",
    "imgread.preprocess.fills:flatten_fills",
    "imgread.preprocess.rules:rule_masks",
    "imgread.ocr:read_words_lang",
    "imgread.ocr:detect_han",
    "imgread.tables:extract_tables",
    "imgread.tables.sheet:read_frame",
    "imgread.tables.grid:read_grid",
    "imgread.tables.panes:split_panes",
    "imgread.tables.layout:find_layouts",
    "imgread.tables.sublines:without_subtitles",
    "imgread.tables.cells:recover_left_column",
    "imgread.tables.name_rereads:reread_headers",
    "imgread.tables.han_headers:complete_headers",
    "imgread.tables.rotated:read_turned_names",
    "imgread.tables.turned_headers:read_turned_headers",
    "imgread.tables.name_rereads:reread_names",
    "imgread.tables.name_rereads:reread_wrapped_names",
    "imgread.tables.cells:reread_numbers",
    "imgread.tables.tinted:reread_tinted_numbers",
    "imgread.tables.highlights:reread_highlighted_numbers",
    "imgread.tables.second:second_opinion",
    "imgread.tables.repairs:finish_numbers",
    "imgread.tables.marks:strip_raised_tails",
    "imgread.tables.rank_badges:strip_rank_badges",
    "imgread.tables.badges:strip_badges",
    "imgread.tables.type_icons:strip_type_icon_ink",
    "imgread.charts.guides:without_dotted_guides",
    "imgread.charts.hatches:textures_as_colours",
    "imgread.charts:_looks_like_chart",
    "imgread.charts:_plainly_a_table",
    "imgread.charts:read_charts",
    "imgread.charts.text:reread",
    "imgread.charts.strips:axis_strip_words",
    "imgread.charts.gaps:tick_gap_words",
    "imgread.charts.texture:flatten_texture",
    "imgread.charts.bars:find_bars",
    "imgread.charts.series:bar_chart",
    "imgread.charts.series:line_chart",
    "imgread.charts.hbars:read_hbars",
    "imgread.charts.printed:read_printed_bars",
    "imgread.charts.printed:bars_at_numbers",
    "imgread.charts.bar_lists:bar_rows",
    "imgread.charts.bar_lists:read_bar_list",
    "imgread.charts.boxes:read_lying_boxes",
    "imgread.reconcile:reconcile_texts",
)


class StepCosts:
    """CPU seconds, calls and the images that made any, per step of :data:`STEPS`."""

    TIMED: Any = None  # the wrappers' code object: no caller of an OCR call

    def __init__(self) -> None:
        self.costs: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])

    def wrap(self, step: str) -> None:
        import importlib

        module_name, name = step.split(":")
        original = getattr(importlib.import_module(module_name), name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                entry = self.costs[step]
                entry[0] += 1
                entry[1] += time.process_time() - started

        StepCosts.TIMED = timed.__code__
        # every module of the package that took the function under its name calls this one
        for module in list(sys.modules.values()):
            if getattr(module, "__name__", "").startswith("imgread") \
                    and getattr(module, name, None) is original:
                setattr(module, name, timed)

    def print(self, total: float, images: int) -> None:
        print(f"\nCPU-s by step (nested steps count in their callers too; of {total:.1f} s "
              f"in stages, {images} images; calls, CPU-s, ms an image, share):")
        for step, (calls, cpu) in sorted(self.costs.items(), key=lambda item: -item[1][1]):
            print(f"  {step:60s} {calls:6.0f} {cpu:8.2f} {1000 * cpu / max(images, 1):8.1f} "
                  f"{cpu / max(total, 1e-9):6.1%}")


# The stages and the costly steps inside them whose cumulative CPU the profile prints.
PROFILED = (
    "preprocess/__init__.py:run", "ocr/__init__.py:run", "tables/__init__.py:run",
    "charts/__init__.py:run", "reconcile/__init__.py:run", "images.py:load_into",
    "ocr/__init__.py:detect_han", "ocr/tesseract.py:_words_tesserocr", "ocr/rapid.py:read",
    "ocr/rapid.py:texts", "charts/marks_ink.py:may_hold_marks",
)


def _print_profile(profiler: cProfile.Profile, counter: OcrCalls) -> None:
    stats = pstats.Stats(profiler)
    profiler.dump_stats("/tmp/same_readings.prof")
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\ncumulative CPU-s by step (and share of the {total:.1f} s profiled):")
    for (filename, _, function), entry in stats.stats.items():  # type: ignore[attr-defined]
        label = f"{'/'.join(Path(filename).parts[-2:])}:{function}"
        if any(label.endswith(step) for step in PROFILED):
            print(f"  {label:60s} {entry[1]:6d} calls {entry[3]:8.2f} s "
                  f"{entry[3] / max(total, 1e-9):6.1%}")
    _print_calls(counter, total)
    print("\ntop 40 by cumulative CPU (all of it in /tmp/same_readings.prof):")
    stats.sort_stats("cumulative").print_stats(40)


def _print_calls(counter: OcrCalls, total: float) -> None:
    print("\nOCR calls by mode and the module that asked (calls, megapixels, CPU-s, share):")
    for who, (calls, pixels, cpu) in sorted(counter.calls.items(), key=lambda item: -item[1][2]):
        print(f"  {who:72s} {calls:6.0f} {pixels / 1e6:8.2f} {cpu:8.2f} "
              f"{cpu / max(total, 1e-9):6.1%}")


def compare(before_path: Path, after_path: Path) -> int:
    before, after = (json.loads(p.read_text()) for p in (before_path, after_path))
    changed = 0
    for set_name, images in before["sets"].items():
        other = after["sets"].get(set_name, {})
        readings = [n for n in images if n in other and _part(images[n], True)
                    != _part(other[n], True)]
        words = [n for n in images if n in other and n not in readings
                 and _part(images[n], False) != _part(other[n], False)]
        both = [n for n in images if n in other]
        cpu_before = sum(images[n]["cpu_s"] for n in both) / max(1, len(both))
        cpu_after = sum(other[n]["cpu_s"] for n in both) / max(1, len(both))
        print(f"{set_name}: {len(both)} images, readings differ in {len(readings)}, page "
              f"words alone in {len(words)}; CPU-s/image {cpu_before:.3f} -> {cpu_after:.3f}")
        for name in readings:
            print(f"  readings differ: {name}")
        for name in words:
            print(f"  words differ: {name}")
        changed += len(readings)
    return 1 if changed else 0


def _part(image: dict[str, Any], readings: bool) -> Any:
    record = image["record"]
    if readings:
        return [record.get(name) for name in READING_FIELDS] + [record["ocr"].get("tables")]
    return {key: value for key, value in record.items() if key not in READING_FIELDS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--images", type=Path, default=Path("/tmp/readings-images"))
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--heldout-count", type=int, default=20)
    parser.add_argument("--looks-count", type=int, default=6)
    parser.add_argument("--sets", default="tuning,heldout,looks,real")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--calls", action="store_true",
                        help="CPU by stage and by OCR call, without cProfile's overhead")
    parser.add_argument("--steps", action="store_true",
                        help="as --calls, and the CPU of each costly step inside the stages")
    parser.add_argument("--compare", type=Path, nargs=2)
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare))
    if args.out is None:
        parser.error("--out (or --compare) is needed")
    wanted = args.sets.split(",")
    sets = image_sets(args.images, wanted, args.count, args.heldout_count, args.looks_count)
    read({name: sets[name] for name in wanted if name in sets}, args.profile, args.out,
         args.calls, args.steps)


if __name__ == "__main__":
    main()
