"""A column chart photographed off a monitor (the tuning look
``benchmarks/chart_looks/reference_photos.py``'s ``rp-photo-columns``: keystoned and
turned on its dark bezel, moire, uneven light, blur, a JPEG), read through real
Tesseract: the page is flattened, and where Tesseract reads the smeared names under the
columns unsurely the second engine reads the page."""

from __future__ import annotations

import random
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from imgread.ocr import rapid
from imgread.pipeline import read_image

pytest.importorskip("matplotlib")


def _alike(read: str, true: str) -> bool:
    def norm(text: str) -> str:
        return re.sub(r"[^a-z0-9]", "", text.lower())

    return SequenceMatcher(None, norm(read), norm(true)).ratio() >= 0.8


@pytest.mark.skipif(not rapid.available(), reason="the second OCR engine is not installed")
def test_names_under_photographed_columns_are_read(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from chart_looks import reference_photos

    entry: dict[str, Any] = {"series": {}}
    image = reference_photos.DRAW["rp-photo-columns"](random.Random(100011), entry)
    path = tmp_path / "photo.jpg"
    image.save(path, quality=70)
    (truth,) = entry["series"].values()
    record = read_image(path)
    read = [(p.x, p.y) for chart in record.charts for s in chart.series for p in s.points]
    right = sum(
        any(
            isinstance(x, str) and _alike(x, name) and y is not None and abs(y - value) <= 2
            for x, y in read
        )
        for name, value in truth
    )
    assert right >= len(truth) - 1
