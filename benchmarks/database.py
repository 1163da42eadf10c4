"""The results database's goals (issue 15), measured on the samples plus ../shared/data/real.

    python benchmarks/database.py                  # run the pipeline into a fresh database
    python benchmarks/database.py --db FILE        # measure a database already written

It reads every image with the real pipeline (no VLM; two workers: a couple of minutes),
imports the seed-000 record's descriptions, then prints:

- stats: benchmark names that are one name in two spellings (folded letters equal), and
  size or token columns counted as benchmarks (both should be 0);
- the MMLU leaderboard: lines, models listed more than once (should be 0), lines read in
  two or more images, lines where images disagree;
- search: matches for "Meta AI" (the seed-000 import says it);
- Parquet: every export of an empty database typed (no null-typed column);
- how long the leaderboard and a search take.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import imgread
from imgread.importer import import_files
from imgread.leaderboard import leaderboard
from imgread.normalise import fold
from imgread.search import search
from imgread.store import open_store
from imgread.units import column_quantity

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def build(folder: Path) -> Path:
    images = folder / "images"
    images.mkdir(parents=True)
    for path in sorted((REPO / "samples").glob("*")):
        if path.suffix in (".png", ".jpg"):
            shutil.copy(path, images / path.name)
    real = SHARED / "data" / "real" / "images"
    if real.is_dir():
        shutil.copytree(real, images / "real")
    database = folder / "results.sqlite"
    seeds = sorted((SHARED / "seeds").glob("000_*.txt"))
    with open_store(str(database)) as store:
        if seeds:
            import_files(seeds, store, image=str(images / "seed000_llama_table.png"))
    imgread.run(images, out_dir=folder, db=str(database), workers=2, progress=False,
                report=False)
    return database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="measure this database instead of building one")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="imgread-db-"))
    database = args.db or build(scratch)

    with open_store(str(database)) as store:
        stats = store.stats()
        names = list(stats["scores_by_benchmark"])
        folded = Counter(fold(name) for name in names)
        started = time.perf_counter()
        lines = leaderboard(store, "MMLU")
        board_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        hits = search(store, "Meta AI")
        search_ms = (time.perf_counter() - started) * 1000
        images = stats["images"]
    with open_store(str(scratch / "empty.sqlite")) as empty:
        import pyarrow as pa
        import pyarrow.parquet as pq

        typed = 0
        for what in ("rows", "scores", "flags", "descriptions"):
            empty.export("parquet", what, scratch / f"{what}.parquet")
            schema = pq.read_schema(scratch / f"{what}.parquet")
            typed += not any(pa.types.is_null(field.type) for field in schema)
    models = Counter(line.model_key for line in lines)
    print(f"database: {database} ({images} images)")
    print("| goal | measured |")
    print("|---|---|")
    print(f"| benchmark names in stats | {len(names)} |")
    print(f"| of them, one name spelt two ways | {sum(n - 1 for n in folded.values())} |")
    print(f"| of them, size or token columns | {sum(bool(column_quantity(n)) for n in names)} |")
    print(f"| MMLU leaderboard lines | {len(lines)} |")
    print(f"| models listed more than once | {sum(n > 1 for n in models.values())} |")
    print(f"| lines read in 2+ images | {sum(len(line.supporting) > 1 for line in lines)} |")
    print(f"| lines where images disagree | {sum(line.conflicted for line in lines)} |")
    print(f"| lines without a supporting image | {sum(not line.supporting for line in lines)} |")
    print(f'| search "Meta AI" matches | {len(hits)} ({", ".join(h.path for h in hits)}) |')
    print(f"| empty Parquet exports typed | {typed} of 4 |")
    print(f"| leaderboard query | {board_ms:.0f} ms |")
    print(f"| search query | {search_ms:.0f} ms |")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
