"""Shared test helpers: where the repository and the read-only shared data live, a small
renderer for table screenshots with known content, a reading that stops before the chart
stage, how chart tests compare names read with names printed, a chart drawn as a chart
look draws it, and a small file system of its own (a tmpfs) for the tests of full disks
and read-only media."""

from __future__ import annotations

import functools
import importlib
import os
import random
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image, ImageDraw, ImageFont

if TYPE_CHECKING:
    from imgread.record import Chart, Record, Table
    from imgread.work import Work

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


def look_chart(look: str, style: str, index: int, seed: int, folder: Path
               ) -> tuple[Path, Any]:
    """Chart ``index`` of the chart look module ``look`` at ``seed``, in ``style``, saved
    into ``folder`` as its benchmark saves it (resized, perhaps a JPEG); and its content."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from chart_looks.curves import finish

    module = importlib.import_module(f"chart_looks.{look}")
    rng = random.Random(seed * 1000 + index)
    image, curves = module.draw(style, rng, None)
    data, ext = finish(image, rng)
    path = folder / f"{style}.{ext}"
    path.write_bytes(data)
    return path, curves


def drawn_look(look: str, style: str, index: int, seed: int, folder: Path
               ) -> tuple[Path, dict[str, Any]]:
    """Chart ``index`` of the chart look module ``look`` at ``seed``, drawn by its
    ``DRAW[style]`` and saved into ``folder`` as a PNG; and its truth entry."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import matplotlib

    matplotlib.use("Agg")
    module = importlib.import_module(f"chart_looks.{look}")
    entry: dict[str, Any] = {"series": {}}
    image = module.DRAW[style](random.Random(seed * 1000 + index), entry)
    path = folder / f"{style}.png"
    image.save(path)
    return path, entry


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)


def render_table(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    title: str = "",
    size: int = 18,
    dark: bool = False,
) -> Path:
    """A plain, ruled table screenshot with the given cells."""
    face = font(size)
    column_width = max(140, size * 8)
    row_height = int(size * 2.2)
    top = row_height if title else 0
    width = column_width * len(header) + 40
    height = top + row_height * (len(rows) + 1) + 40
    background, ink = ((24, 26, 30), (230, 230, 230)) if dark else ((255, 255, 255), (20, 20, 20))
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    if title:
        draw.text((20, 10), title, fill=ink, font=face)
    for r, cells in enumerate([header, *rows]):
        y = 20 + top + r * row_height
        for c, text in enumerate(cells):
            draw.text((20 + c * column_width + 10, y + size // 3), str(text), fill=ink, font=face)
        draw.line((20, y, width - 20, y), fill=ink, width=1)
    draw.line((20, 20 + top + (len(rows) + 1) * row_height, width - 20,
               20 + top + (len(rows) + 1) * row_height), fill=ink, width=1)
    image.save(path)
    return path


@functools.cache
def read_real(shared: Path, name: str) -> Record:
    """A real screenshot of ../shared read once a session through the whole pipeline: the
    large real banners take seconds each, and several tests look at one reading (none
    changes it)."""
    from imgread.pipeline import read_image

    return read_image(shared / "data" / "real" / "images" / name)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the shared data folder {SHARED} is absent")
    return SHARED


def report_html(out_dir: Path) -> str:
    """The text of a report's overview and every page of cards, one after another."""
    root = out_dir / "report"
    pages = sorted((root / "pages").glob("*.html"))
    return "\n".join(path.read_text() for path in [root / "index.html", *pages])


def read_up_to_charts(path: Path) -> Work:
    """An image read by every stage before the chart stage, with the default settings."""
    from imgread import images
    from imgread.config import load_config
    from imgread.pipeline import IMAGE_STAGES, start
    from imgread.work import Job

    config = load_config()
    work = start(Job(path=path), config)
    images.load_into(work, config)
    for name, stage in IMAGE_STAGES:
        if name != "charts":
            stage(work, config)
    return work


def read_one_table(path: Path) -> Table:
    """The one table the whole pipeline reads in an image, with the default settings."""
    from imgread.config import load_config
    from imgread.pipeline import Job, process_batch

    (table,) = process_batch([Job(path=path)], load_config())[0].ocr.tables
    return table


def name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def names_alike(a: str, b: str) -> bool:
    """A name read as printed but for a letter or two (what chart tests accept)."""
    a, b = name_key(a), name_key(b)
    return bool(a and b) and (a == b or SequenceMatcher(None, a, b).ratio() >= 0.8)


def first_bar_chart(record: Record) -> Chart:
    return next(c for c in record.charts if c.kind == "bar")


@contextmanager
def mounted_tmpfs(target: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` ("256k", "8m") mounted at the folder ``target`` for the block, and
    unmounted after; the test is skipped where it cannot be mounted (that needs root)."""
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)],
            capture_output=True).returncode != 0:
        pytest.skip(f"cannot mount a tmpfs at {target} (it needs root)")
    try:
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=False)
