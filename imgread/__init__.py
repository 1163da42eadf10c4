"""imgread: screenshots of LLM benchmark tables and charts in, verified records out.

The public API (typed; see README.md, "The Python API"):

- ``read_image(path, config=None) -> Record``: one image through every stage.
- ``run(folder, out_dir=..., ...) -> RunSummary``: a folder, with dedupe, resume and workers.
- ``open_results(db) -> SqliteStore``: the results database a run wrote: ``records()``,
  ``find()``, ``query()``, ``export()``, ``conflicts()``; ``imgread.leaderboard.leaderboard``
  and ``imgread.search.search`` take it.
"""

from __future__ import annotations

__version__ = "0.1.0"

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config, load_config
from .errors import ImgreadError
from .pipeline import read_image
from .record import Record

if TYPE_CHECKING:
    from .batch import RunSummary
    from .store import SqliteStore


def run(
    folder: Path | str,
    out_dir: Path | str = "imgread-out",
    db: str | None = None,
    workers: int | None = None,
    vlm: Sequence[str] = (),
    force: bool = False,
    config: Config | None = None,
    progress: bool = True,
    report: bool = True,
    log: Callable[[str], None] | None = None,
) -> RunSummary:
    """Process every image under ``folder`` into ``out_dir`` (records.jsonl, the results
    database ``db``, default ``out_dir/results.sqlite``, and the HTML report unless
    ``report=False``). ``vlm``: models to describe the images with; ``force``: redo images
    already recorded; ``workers``: processes (default: the number of cores). See
    ``imgread.batch.run`` for the guarantees (dedupe, resume, one record per image)."""
    from .batch import run as batch_run

    return batch_run(folder, out_dir=out_dir, db=db, workers=workers, vlm=vlm, force=force,
                     config=config, progress=progress, report=report, log=log)


def open_results(db: str | Path = "imgread-out/results.sqlite",
                 config: Config | None = None) -> SqliteStore:
    """The results database a run wrote (a path or sqlite:///path), to use in a ``with``
    block. Its benchmark aliases are those of ``config`` (``names.aliases``) if given."""
    from .store import open_store, sqlite_path
    from .store.postgres import is_postgres

    url = str(db)
    if not is_postgres(url) and not sqlite_path(url).exists():
        raise ImgreadError(f"{url}: no results database here",
                           hint="run imgread.run(folder) or `imgread run FOLDER` first")
    return open_store(url, aliases=config.names.aliases if config else None)


__all__ = ["Config", "ImgreadError", "Record", "__version__", "load_config", "open_results",
           "read_image", "run"]
