"""What hostile input costs: the report's highlighting of a huge description, and the peak
memory of `imgread query` on a large result.

    OMP_THREAD_LIMIT=1 python benchmarks/hostile.py [--rows 300000]

Prints: seconds to highlight descriptions of growing size with flags whose spans match all
over them (linear: ten times the text, about ten times the time), seconds for a one-image
run (OCR, reconcile, report) with an imported description of growing size up to the import
limit, and the peak memory of `imgread query` printing ROWS rows of 200 characters
(streamed: flat in ROWS).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the table renderer the tests use

from imgread.importer import MAX_DESCRIPTION_CHARS  # noqa: E402
from imgread.record import Flag, Record  # noqa: E402
from imgread.report import highlight  # noqa: E402
from imgread.store import open_store  # noqa: E402

MEASURE = """import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"""


def highlight_seconds(chars: int) -> tuple[float, int]:
    sentence = "Llama 2 70B scores 68.9 on MMLU and 56.8 on GSM8K. "
    text = (sentence * (chars // len(sentence) + 1))[:chars]
    flags = [Flag(kind="number_not_in_image", message="not in the image", span=span)
             for span in ("68.9", "MMLU", "Llama 2 70B scores")]
    started = time.perf_counter()
    page = highlight(text, flags)
    return time.perf_counter() - started, page.count("<mark")


def run_seconds(chars: int) -> float:
    """A one-image run with an imported description of ``chars`` characters."""
    from conftest import render_table

    from imgread.batch import run
    from imgread.importer import import_files

    sentence = "Llama 2 70B scores 68.9 on MMLU and 71.3 on GSM8K, Mistral 7B 60.1 and 52.2. "
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "shots").mkdir()
        render_table(base / "shots" / "a.png", ["model", "MMLU"],
                     [["Llama 2 70B", "68.9"], ["Mistral 7B", "60.1"]])
        seed = base / "seed.txt"
        seed.write_text("qwen2-vl-2b\n" + (sentence * (chars // len(sentence) + 1))[:chars])
        with open_store(str(base / "out" / "results.sqlite")) as store:
            import_files([seed], store, image="a.png")
        started = time.perf_counter()
        run(base / "shots", out_dir=base / "out", workers=1, progress=False)
        return time.perf_counter() - started


def query_peak_mib(rows: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "results.sqlite"
        with open_store(str(db)) as store:
            record = Record()
            record.image.sha256 = "0" * 64
            store.put(record)
        sql = (f"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT {rows}) "
               "SELECT x, printf('%.200c', 'a') FROM c")
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, sys.executable, "-m", "imgread.cli", "query",
             "--db", str(db), "--timeout", "0", sql],
            env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
            check=True)
        code, peak_kib = map(int, result.stdout.split())
        assert code == 0, result.stderr
        return peak_kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=300_000)
    args = parser.parse_args()
    print("highlight: characters  marks  seconds")
    for chars in (10_000, 100_000, 1_000_000):
        seconds, marks = highlight_seconds(chars)
        print(f"           {chars:>10,}  {marks:>5}  {seconds:7.3f}")
    print("run:       description  seconds (one image, OCR to report)")
    for chars in (2_500, 25_000, MAX_DESCRIPTION_CHARS):
        print(f"           {chars:>11,}  {run_seconds(chars):7.2f}")
    print("query:     rows        peak MiB")
    for rows in (args.rows // 10, args.rows):
        print(f"           {rows:>10,}  {query_peak_mib(rows):8.1f}")


if __name__ == "__main__":
    main()
