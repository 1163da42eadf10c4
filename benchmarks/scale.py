"""How a run scales with the folder: parent memory, time to the first record, images/s early
and late, a no-op rerun, output sizes, and the report.

    .venv/bin/python benchmarks/scale.py --images 600            # copies of samples/
    .venv/bin/python benchmarks/scale.py --images 20000 --fast   # small synthetic tables

Every image has distinct bytes, so deduplication skips none. Two kinds of input:

- default: the screenshots in samples/, each copy with its own PNG text chunk (same pixels,
  different bytes): the real per-image cost, about 1.5 images/s on 2 cores;
- ``--fast``: small synthetic tables (a few rows, about 300x90 px, distinct numbers): every
  stage still runs for real, but OCR has little to read, so the figures measure the
  orchestration (walk, hash, look-up, queue, workers, database, JSONL) far more than OCR.

The run is ``imgread run --no-report`` in a child process (the parent's peak RSS is its
VmHWM, sampled every 0.2 s); the report is then written by ``imgread report`` and measured
on its own. Timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from browser import seconds_to_open
from PIL import Image, ImageDraw, PngImagePlugin

REPO = Path(__file__).resolve().parents[1]
EXTENSIONS = (".png", ".jpg", ".jpeg")


def sample_copies(source: Path, target: Path, count: int) -> None:
    originals = sorted(p for p in source.iterdir() if p.suffix.lower() in EXTENSIONS)
    for index in range(count):
        original = originals[index % len(originals)]
        info = PngImagePlugin.PngInfo()
        info.add_text("imgread-benchmark-copy", str(index))
        folder = target / f"{index // 1000:04d}"  # a thousand files a folder, as people keep them
        folder.mkdir(exist_ok=True)
        Image.open(original).convert("RGB").save(folder / f"{index:06d}_{original.stem}.png",
                                                 pnginfo=info)


def synthetic_tables(target: Path, count: int, seed: int = 0) -> None:
    """Small tables of three rows from a pool of models whose scores mostly agree between
    images (as screenshots of the same leaderboards do); one row in fifty is misread."""
    rng = random.Random(seed)
    models = [f"Model {index} {size}B" for index in range(300) for size in (7, 13, 70)]
    truth = {model: round(rng.uniform(20, 80), 1) for model in models}
    for index in range(count):
        image = Image.new("RGB", (240, 80), "white")
        draw = ImageDraw.Draw(image)
        draw.text((6, 4), f"model   MMLU   #{index}", fill="black")
        draw.line((4, 18, 236, 18), fill="black")
        for row in range(3):
            model = rng.choice(models)
            value = truth[model] if rng.random() > 0.02 else round(rng.uniform(20, 80), 1)
            draw.text((6, 24 + row * 17), model, fill="black")
            draw.text((160, 24 + row * 17), f"{value:.1f}", fill="black")
        folder = target / f"{index // 1000:04d}"
        folder.mkdir(exist_ok=True)
        image.save(folder / f"{index:06d}.png")


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def imgread(*args: str) -> list[str]:
    return [sys.executable, "-m", "imgread.cli", *args]


def watch_run(command: list[str], jsonl: Path, checkpoint: int) -> dict[str, float | None]:
    """Run ``command``; note when the JSONL gets its first line and its checkpoint-th line."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "OMP_THREAD_LIMIT": "1"}
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    first = at_checkpoint = None
    lines, offset, peak = 0, jsonl.stat().st_size if jsonl.exists() else 0, 0.0
    start_lines = lines
    while True:
        finished = process.poll() is not None
        peak = max(peak, peak_rss_mb(process.pid) or 0.0)
        if jsonl.exists():
            with jsonl.open("rb") as handle:
                handle.seek(offset)
                chunk = handle.read()
            offset += len(chunk)
            lines += chunk.count(b"\n")
            now = time.perf_counter() - started
            if first is None and lines > start_lines:
                first = now
            if at_checkpoint is None and lines >= checkpoint:
                at_checkpoint = now
        if finished:
            break
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {stderr}")
    return {"elapsed_s": elapsed, "first_record_s": first, "checkpoint_s": at_checkpoint,
            "records": lines - start_lines, "peak_rss_mb": peak}


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=600)
    parser.add_argument("--fast", action="store_true",
                        help="small synthetic tables: measures the orchestration, not OCR")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--checkpoint", type=int, default=600,
                        help="images/s is also reported over the first this many images")
    parser.add_argument("--no-report", action="store_true", help="skip the report step")
    parser.add_argument("--scratch", type=Path, help="keep the images and outputs here")
    args = parser.parse_args()
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="imgread-scale-"))
    folder, out = scratch / "images", scratch / "out"
    if not folder.exists():
        folder.mkdir(parents=True)
        made = time.perf_counter()
        if args.fast:
            synthetic_tables(folder, args.images)
        else:
            sample_copies(REPO / "samples", folder, args.images)
        print(f"generated {args.images} images in {time.perf_counter() - made:.0f} s "
              f"({size_mb(folder):.0f} MB) under {folder}")
    kind = (
        "synthetic small tables, OCR skipped (--fast: orchestration only)" if args.fast
        else "samples/ copies")
    print(f"{args.images} distinct images, {kind}; --workers {args.workers}, "
          f"{os.cpu_count()} cores")

    jsonl = out / "records.jsonl"
    command = imgread("run", str(folder), "--out", str(out), "--workers", str(args.workers),
                      "--no-report", "--quiet")
    if args.fast:
        settings = scratch / "fast.toml"
        # An engine that does not exist: the OCR stage stops at once with a stage error (the
        # record is "partial"); loading, preprocessing, tables, charts, reconciling, the
        # database and the JSONL all run as usual.
        settings.write_text('[ocr]\nengine = "skipped-by-benchmark"\n')
        command += ["--config", str(settings)]
    first = watch_run(command, jsonl, args.checkpoint)
    rerun = watch_run(command, jsonl, 1)
    results: dict[str, object] = {
        "images": args.images, "fast": args.fast, "workers": args.workers,
        "peak_parent_rss_mb": round(first["peak_rss_mb"] or 0, 1),
        "first_record_s": first["first_record_s"],
        "images_per_s_first_checkpoint": (
            args.checkpoint / first["checkpoint_s"] if first["checkpoint_s"] else None),
        "images_per_s_all": (first["records"] or 0) / (first["elapsed_s"] or 1),
        "run_s": first["elapsed_s"],
        "noop_rerun_s": rerun["elapsed_s"],
        "noop_rerun_peak_rss_mb": round(rerun["peak_rss_mb"] or 0, 1),
        "records_jsonl_mb": size_mb(jsonl),
        "results_sqlite_mb": size_mb(out / "results.sqlite"),
    }
    if not args.no_report:
        report = watch_run(imgread("report", "--out", str(out)), out / "none", 1)
        # Again, with nothing changed: only the overview is written, no page.
        again = watch_run(imgread("report", "--out", str(out)), out / "none", 1)
        root = out / "report"
        pages = sorted((root / "pages").glob("*.html"))
        opened = seconds_to_open([root / "index.html", *pages[:1]])
        results |= {"report_s": report["elapsed_s"],
                    "report_peak_rss_mb": round(report["peak_rss_mb"] or 0, 1),
                    "report_again_s": again["elapsed_s"],
                    "report_index_mb": size_mb(root / "index.html"),
                    "report_pages": len(pages),
                    "report_page_mb": size_mb(pages[0]) if pages else 0.0,
                    "report_total_mb": size_mb(root),
                    "chromium_index_s": opened[0],
                    "chromium_page_s": opened[1] if len(opened) > 1 else None}
    print(f"parent RSS (peak):        {results['peak_parent_rss_mb']} MB")
    print(f"first record:             {results['first_record_s']:.1f} s after the start")
    if results["images_per_s_first_checkpoint"]:
        print(f"images/s, first {args.checkpoint}:     "
              f"{results['images_per_s_first_checkpoint']:.2f}")
    print(f"images/s, all {args.images}:      {results['images_per_s_all']:.2f} "
          f"({results['run_s']:.0f} s)")
    print(f"no-op rerun:              {results['noop_rerun_s']:.1f} s "
          f"(peak RSS {results['noop_rerun_peak_rss_mb']} MB)")
    print(f"records.jsonl:            {results['records_jsonl_mb']:.1f} MB")
    print(f"results.sqlite:           {results['results_sqlite_mb']:.1f} MB")
    if "report_s" in results:
        print(f"report:                   {results['report_s']:.1f} s, peak RSS "
              f"{results['report_peak_rss_mb']} MB, index.html {results['report_index_mb']:.2f}"
              f" MB, {results['report_pages']} pages (the first {results['report_page_mb']:.1f}"
              f" MB), report/ {results['report_total_mb']:.1f} MB")
        print(f"report, nothing changed:  {results['report_again_s']:.1f} s")
        print(f"Chromium opens:           index.html in {results['chromium_index_s']:.2f} s, "
              f"pages/0001.html in {results['chromium_page_s'] or 0:.2f} s")
    print(json.dumps(results, default=lambda v: round(v, 3) if isinstance(v, float) else v))


if __name__ == "__main__":
    main()
