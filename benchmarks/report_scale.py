"""How the HTML report scales with the number of images, on records as large as real ones.

    .venv/bin/python benchmarks/report_scale.py --images 20000

The samples in samples/ are read once through the real pipeline (Tesseract included); their
records are then copied ``--images`` times into a fresh database, each copy with its own
sha256, path and first-seen time, and its model names spread over ``--models`` variants (a
large folder reads many models, so the leaderboard has many lines). Then, with ``imgread
report`` in a child process each time:

- the report written from nothing (every page), and its peak memory;
- written again with nothing changed (no page is written; the overview is);
- written after ``--add`` new images (only the last page or two, and the new ones);
- sizes: index.html, one page, one page's data file, the whole folder;
- Chromium (Debian's, headless): time to open index.html and the first page (until the load
  event), and the time a search takes over every page's data file.

Timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from browser import BASE_ARGS, CHROMIUM, seconds_to_open

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from imgread.batch import run  # noqa: E402
from imgread.record import Record  # noqa: E402
from imgread.store import open_store  # noqa: E402


def copies(templates: list[str], start: int, count: int, models: int) -> Iterator[Record]:
    for index in range(start, start + count):
        record = Record.from_json(templates[index % len(templates)])
        name = Path(record.image.path).name
        record.image.sha256 = hashlib.sha256(f"report-copy {index}".encode()).hexdigest()
        record.image.path = f"shots/{index // 1000:04d}/{index:06d}_{name}"
        record.image.paths = [record.image.path]
        record.image.first_seen = f"2026-01-01T00:00:00.{index:06d}+00:00"
        variant = f" v{index % models}"
        for row in record.rows:
            row.model = row.model + variant if row.model else row.model
        for score in record.scores:
            score.model = score.model + variant if score.model else score.model
            score.model_normalised = (score.model_normalised + variant
                                      if score.model_normalised else score.model_normalised)
        yield record


def report(out: Path) -> tuple[float, float]:
    """``imgread report`` in a child process: seconds, and the peak RSS of the children so
    far (the first report is the largest)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "imgread.cli", "report", "--out", str(out)],
                   env={**os.environ, "PYTHONPATH": str(REPO)}, check=True,
                   stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def search_seconds(index: Path, words: str) -> tuple[float, str]:
    """Type ``words`` into the overview's search and wait until every page was searched."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=BASE_ARGS)
        page = browser.new_page()
        page.goto(index.resolve().as_uri(), wait_until="load")
        started = time.perf_counter()
        page.fill("#s-text", words)
        page.wait_for_function(
            "() => { const t = document.getElementById('s-count').textContent;"
            " return t && !t.includes('so far'); }", timeout=600_000)
        took = time.perf_counter() - started
        found = page.locator("#s-count").inner_text()
        browser.close()
    return took, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=2000)
    parser.add_argument("--models", type=int, default=200,
                        help="variants of every model name read (leaderboard lines)")
    parser.add_argument("--add", type=int, default=10, help="images added before a rerun")
    parser.add_argument("--scratch", type=Path, help="keep the database and report here")
    args = parser.parse_args()
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="imgread-report-scale-"))
    read = scratch / "samples-out"
    run(REPO / "samples", out_dir=read, workers=1, progress=False, report=False)
    with open_store(str(read / "results.sqlite"), read_only=True) as samples:
        templates = list(samples.record_texts())
    out = scratch / "out"
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with open_store(str(out / "results.sqlite")) as store:
        store.db.execute("PRAGMA synchronous = OFF")  # a scratch database: no fsync per record
        for record in copies(templates, 0, args.images, args.models):
            store.put(record)
    mean_kb = sum(len(t) for t in templates) / len(templates) / 1e3
    print(f"{args.images} records ({mean_kb:.0f} KB of JSON each, copies of {len(templates)} "
          f"samples, {args.models} model variants) stored in "
          f"{time.perf_counter() - started:.0f} s")

    root = out / "report"
    full, rss = report(out)
    unchanged, _ = report(out)
    stamps = {p.name: p.stat().st_mtime_ns for p in (root / "pages").glob("*.html")}
    with open_store(str(out / "results.sqlite")) as store:
        for record in copies(templates, args.images, args.add, args.models):
            store.put(record)
    added, _ = report(out)
    rewritten = sum(1 for p in (root / "pages").glob("*.html")
                    if stamps.get(p.name) != p.stat().st_mtime_ns)
    index = root / "index.html"
    pages = sorted((root / "pages").glob("*.html"))
    opened = seconds_to_open([index, pages[0]])
    searched, found = search_seconds(index, "mmlu")
    print(f"report from nothing:      {full:.1f} s ({len(pages)} pages), peak RSS {rss:.0f} MB")
    print(f"again, nothing changed:   {unchanged:.1f} s (no page written)")
    print(f"after {args.add} new images:    {added:.1f} s ({rewritten} pages written)")
    print(f"index.html:               {size_mb(index):.2f} MB; a page {size_mb(pages[0]):.2f} MB,"
          f" its data {size_mb(root / 'data' / '0001.js'):.2f} MB; report/ "
          f"{size_mb(root):.0f} MB")
    print(f"Chromium opens:           index.html in {opened[0]:.2f} s, a page in "
          f"{opened[1]:.2f} s")
    print(f"search 'mmlu', all pages: {searched:.1f} s ({found})")


if __name__ == "__main__":
    main()
