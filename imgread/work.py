"""The work item that travels through the stages, and what the batch knows before they run.

Stages import these from here, not from ``pipeline`` (which imports every stage): a stage
depends on the record and the work item only, so there is no import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .record import Description, Record

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image


@dataclass
class Work:
    """One image on its way through the stages."""

    path: Path
    record: Record
    previous: Record | None = None  # an earlier record of the same bytes, for reuse
    image: Image.Image | None = None  # normalised RGB
    rgb: np.ndarray | None = None  # the same as an array (H, W, 3) uint8
    prepared: Any = None  # preprocess.Prepared: the grey image OCR reads, and its scale
    failed: bool = False
    scratch: dict[str, Any] = field(default_factory=dict)


@dataclass
class Job:
    """What the batch knows about an image before the stages run."""

    path: Path
    sha256: str = ""
    previous: Record | None = None  # an earlier record of the same bytes, for reuse
    imported: list[Description] = field(default_factory=list)  # from `imgread import`


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
