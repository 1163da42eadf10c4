"""Line charts with a dashed horizontal reference line (a baseline, random chance) drawn
thick, as seaborn's "talk" context draws it at a high DPI (the ``refphotos`` chart look's
``rp-seaborn-baseline``): the line is a reference line, not a series. Each test renders its
chart and fails without its mechanism."""

from __future__ import annotations

from pathlib import Path

import pytest

from imgread.pipeline import read_image

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

XS = [0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0]
SERIES = {
    "Ours": [30.0, 34.0, 39.0, 45.0, 50.0, 56.0, 61.0, 66.0],
    "Llama 2": [28.0, 30.0, 33.0, 37.0, 41.0, 44.0, 49.0, 52.0],
}
BASELINE = 25.0


def _baseline_chart(path: Path, colour: str) -> Path:
    """Two series with markers in seaborn's "talk" context on its white grid, and a dashed
    horizontal line at :data:`BASELINE` in ``colour``, 2.5 points wide, drawn at 150 dpi
    (its dashes 5 pixels thick)."""
    import matplotlib.pyplot as plt

    seaborn = pytest.importorskip("seaborn")
    with seaborn.plotting_context("talk"), seaborn.axes_style("whitegrid"):
        figure, ax = plt.subplots(figsize=(9.0, 6.0))
        for marker, (name, ys) in zip("os", SERIES.items(), strict=True):
            ax.plot(XS, ys, marker=marker, label=name)
        ax.axhline(BASELINE, color=colour, linestyle="--", linewidth=2.5)
        ax.set_xlabel("Training steps (k)")
        ax.set_ylabel("Accuracy (%)")
        ax.legend()
        figure.tight_layout()
        figure.savefig(path, dpi=150)
        plt.close(figure)
    return path


@pytest.mark.parametrize("colour", ["black", "#555555"])
def test_a_thick_dashed_baseline_is_a_reference_line_not_a_series(
    tmp_path: Path, colour: str
) -> None:
    record = read_image(_baseline_chart(tmp_path / "baseline.png", colour))
    chart = next(chart for chart in record.charts if chart.kind == "line")
    assert len(chart.series) == len(SERIES)
    for series in chart.series:
        assert all(abs(point.y - BASELINE) > 2 for point in series.points if point.y is not None)
    levels = [line.value for line in chart.reference_lines if line.orientation == "horizontal"]
    assert any(level is not None and abs(level - BASELINE) < 1 for level in levels)
