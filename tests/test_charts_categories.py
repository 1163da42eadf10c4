"""Line charts over a categorical x axis (releases, versions, checkpoints), rendered here with
matplotlib's string x and read through real Tesseract: each test one mechanism of
``imgread.charts.categories`` (or the axis fix it needed), failing without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from imgread.pipeline import read_image
from imgread.record import Record

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


def _render(path: Path, xs: list[str], series: dict[str, list[float]],
            sheet: str = "default") -> Path:
    import matplotlib.pyplot as plt

    with plt.style.context(sheet):
        fig, ax = plt.subplots(figsize=(7, 4.2), dpi=100)
        for index, (name, ys) in enumerate(series.items()):
            ax.plot(xs, ys, marker="os"[index % 2], linewidth=2, markersize=6, label=name)
        ax.set_xlabel("Release")
        ax.set_ylabel("Accuracy (%)")
        if len(series) > 1:
            ax.legend(loc="upper left")
        fig.tight_layout()
        fig.savefig(path)
        plt.close(fig)
    return path


def _points(record: Record) -> dict[str, list[tuple[object, float | None]]]:
    return {s.name: [(p.x, p.y) for p in s.points] for c in record.charts for s in c.series}


def _reads(record: Record, xs: list[str], ys: list[float]) -> None:
    """One series read with each point at its category's name, as printed, and its value."""
    read = [p for points in _points(record).values() for p in points]
    for x, y in zip(xs, ys, strict=True):
        assert any(p[0] == x and p[1] is not None and abs(p[1] - y) <= 1.0 for p in read), (
            x, y, read)


def test_a_name_among_numbers_makes_them_names(tmp_path: Path) -> None:
    """ "v1.0 1.5 2.0 2.5 3.0": the plain numbers fit a linear axis, and "v1.0", left out of
    the fit, prints the number the fit reads under it: the row is version names, and the
    first point is "v1.0" (before: x read 1.0, 1.5, ... as numbers)."""
    xs = ["v1.0", "1.5", "2.0", "2.5", "3.0"]
    ys = [42.0, 47.5, 55.0, 61.0, 66.5]
    _reads(read_image(_render(tmp_path / "versions.png", xs, {"Ours": ys})), xs, ys)


def test_numbers_set_evenly_but_stepping_unevenly_are_names(tmp_path: Path) -> None:
    """Releases "1.0 1.5 2.0 3.0 3.6" evenly set apart: no linear scale runs through them,
    so each is the name of the place it stands at, as printed ("3.0", not 3.0)."""
    xs = ["1.0", "1.5", "2.0", "3.0", "3.6"]
    ys = [35.0, 41.0, 44.5, 52.0, 60.5]
    _reads(read_image(_render(tmp_path / "releases.png", xs, {"Ours": ys})), xs, ys)


FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def test_checkpoint_names_on_a_dark_page_have_values() -> None:
    """matplotlib's dark_background, checkpoints as categories (a render of the categories
    look): the y axis's rules were found at two offsets from their labels far apart, and
    the median of the two agreed with neither, leaving every value NaN."""
    record = read_image(FIXTURES / "categories_dark_checkpoints.png")
    values = [y for points in _points(record).values() for _, y in points]
    assert values and all(y is not None and y == y for y in values), values
    _reads(record, ["ckpt-2k", "ckpt-4k", "ckpt-6k", "ckpt-8k"], [58.1, 66.8, 64.8, 67.6])


def test_a_label_row_above_the_plots_foot_is_still_the_category_row() -> None:
    """Vega, an ordinal axis of releases (a render of the categories look): the plot's foot
    was placed below the label row (the y axis reaching past its lowest label), so no row
    stood under the plot; a row below the lowest y label counts, and "4.1" (read "41")
    names its points. Before, every x was a pixel."""
    record = read_image(FIXTURES / "categories_vega_releases.jpg")
    named = [x for points in _points(record).values() for x, _ in points if isinstance(x, str)]
    assert {"3.0", "4.0", "5.6"} <= set(named), named
