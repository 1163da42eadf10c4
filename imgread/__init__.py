"""imgread: screenshots of LLM benchmark tables and charts in, verified records out.

The public API:

- ``read_image(path, config=None) -> Record``: one image through every stage.
- ``run(folder, out_dir=..., ...) -> RunSummary``: a folder, with dedupe, resume and workers.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Config, load_config
from .pipeline import read_image
from .record import Record


def run(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Process a folder; see ``imgread.batch.run``."""
    from .batch import run as batch_run

    return batch_run(*args, **kwargs)


__all__ = ["Config", "Record", "__version__", "load_config", "read_image", "run"]
