"""Dark line charts with each point's value printed over its marker (the ``darkvalues`` chart
look): a frameless dark card whose dim grid ends where its lone x digits stand, a legend
that cuts some gridlines short, and thick lines whose markers are barely twice their
width. Each chart is drawn by the look's own functions; each test fails without its
mechanism."""

from __future__ import annotations

import random
import sys
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pytest
from conftest import REPO
from PIL import Image, ImageDraw
from test_charts_lines import _chart, _has

from imgread.charts.strips import gridline_feet
from imgread.pipeline import read_image
from imgread.record import Record

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


def _card(folder: Path, index: int, seed: int = 100) -> tuple[Path, dict[str, list[list[float]]]]:
    """The look's chart ``index`` at ``seed`` (as ``charts.py --look darkvalues`` draws it):
    its file and its series."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from chart_looks.curves import finish
    from chart_looks.dark_value_lines import STYLES, draw

    rng = random.Random(seed * 1000 + index)
    image, curves = draw(STYLES[index % len(STYLES)], rng, None)
    data, ext = finish(image, rng)
    path = folder / f"card_{index}.{ext}"
    path.write_bytes(data)
    return path, curves.truth()["series"]


def _all_read(record: Record, series: dict[str, list[list[float]]]) -> list[str]:
    """The true points not read (x within a twentieth of the span, y within 1), each
    series the one read under the most alike name (small legend text is read with a
    letter off: "Cuniculum")."""
    chart = _chart(record)
    missed = []
    for name, points in series.items():
        read = max(
            chart.series, key=lambda s: SequenceMatcher(None, s.name.lower(), name.lower()).ratio()
        )
        span = max(x for x, _ in points) - min(x for x, _ in points)
        missed += [f"{name} {x} {y}" for x, y in points if not _has(read, x, y, x_span=span)]
    return missed


def test_lone_x_digits_under_a_dim_grid_calibrate_x(tmp_path: Path) -> None:
    """The page reading kept one of the x digits "1" ... "7" under a frameless dark plot
    and no axis line is drawn (the grid is too dim for one): the row under the upright
    gridlines' feet, read again, is the x axis (before, x stayed in pixels: 116, 244 ...)."""
    path, series = _card(tmp_path, 2)
    assert not _all_read(read_image(path), series)


def test_a_legend_cutting_gridlines_leaves_their_feet(tmp_path: Path) -> None:
    """A legend inside the plot cuts one gridline short and its frame adds short uprights:
    the feet are where most gridlines end (before, their median fell between two levels and
    no row was found: no x axis, no chart)."""
    path, series = _card(tmp_path, 7)
    assert not _all_read(read_image(path), series)


def test_gridline_feet_are_where_most_end() -> None:
    page = Image.new("RGB", (400, 300), (21, 23, 28))
    draw = ImageDraw.Draw(page)
    for x in (60, 150, 240, 330):
        draw.line([(x, 10), (x, 250)], fill=(48, 52, 60))
    draw.rectangle([300, 200, 390, 240], fill=(21, 23, 28), outline=(48, 52, 60))
    grey = np.asarray(page.convert("L"))
    feet = gridline_feet(grey)
    assert feet is not None and abs(feet[0] - 250) <= 1, feet


def test_thick_line_with_small_markers_is_read_at_its_markers(tmp_path: Path) -> None:
    """A line 2.4 points wide with markers 5 points across (barely twice its width) and
    its values printed over them in its colour: the markers are its points (before, the
    usual opening left no marker, the trace ran into a printed value and the line was
    dropped)."""
    path, series = _card(tmp_path, 0)
    assert not _all_read(read_image(path), series)


def test_printed_values_are_the_points_values(tmp_path: Path) -> None:
    """Each point's value printed over its marker ("55.6"), which the axis confirms, is its
    y as printed (before, the y measured on the axis: 55.61, 62.58 ...); a label OCR read
    short ("55") leaves the measured y."""
    path, series = _card(tmp_path, 2)
    chart = _chart(read_image(path))
    printed = {y for points in series.values() for _, y in points}
    labelled = [p.y for s in chart.series for p in s.points if p.provenance == "label"]
    assert len(labelled) >= len(printed) - 2, labelled
    assert set(labelled) <= printed, labelled
