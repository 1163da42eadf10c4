"""Line charts whose marks are easily read as more points than they hold (the ``xylines``
chart look): lines over a shaded area of their own hue, step lines, and dots on a thin
faded line. Each test renders its chart and fails without its mechanism."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from test_charts_lines import _chart, _has, _series

from imgread.charts.steps import step_points
from imgread.pipeline import read_image

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

XS = [2000.0 * i for i in range(1, 9)]  # training steps, printed "2k" ... "16k"
SERIES = {"Baseline": [31.0, 44.0, 40.0, 52.0, 49.0, 58.0, 55.0, 61.0],
          "Ours": [24.0, 30.0, 38.0, 35.0, 43.0, 41.0, 47.0, 45.0]}


def _figure(path: Path, draw: object) -> Path:
    """A chart drawn by ``draw(ax, name, ys, colour)`` per series in matplotlib's default
    sheet, a legend in the upper left, x in training steps."""
    import matplotlib.pyplot as plt

    figure, ax = plt.subplots(figsize=(8.0, 5.0), dpi=100)
    for (name, ys), colour in zip(SERIES.items(), ("#1f77b4", "#d62728"), strict=True):
        draw(ax, name, ys, colour)  # type: ignore[operator]
    ax.set_xticks(XS, [f"{x / 1000:g}k" for x in XS])
    ax.set(xlim=(1200, 16800), ylim=(15, 70), xlabel="Training steps", ylabel="Accuracy (%)")
    ax.legend(loc="upper left")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return path


def _right(series_name: str, record: object, truth: list[tuple[float, float]]) -> int:
    series = _series(_chart(record), series_name)  # type: ignore[arg-type]
    return sum(_has(series, x, y, x_span=14000.0) for x, y in truth)


def test_a_line_over_its_shaded_area_is_read(tmp_path: Path) -> None:
    """The region under each line filled with its colour at low opacity (overlapping,
    so one fill lies over the other): the fills are thick, as bars are, and went with the
    lines on their edges; the lines are read, the fills are no series."""
    def draw(ax: object, name: str, ys: list[float], colour: str) -> None:
        ax.fill_between(XS, ys, 15, color=colour, alpha=0.25, linewidth=0)  # type: ignore[attr-defined]
        ax.plot(XS, ys, color=colour, linewidth=2, label=name)  # type: ignore[attr-defined]

    record = read_image(_figure(tmp_path / "area.png", draw))
    chart = _chart(record)
    assert len(chart.series) == 2, [s.name for s in chart.series]
    for name, ys in SERIES.items():
        assert _right(name, record, list(zip(XS, ys, strict=True))) >= 6


@pytest.mark.parametrize("where", ["post", "mid"])
def test_a_step_line_gives_its_points_at_the_steps(tmp_path: Path, where: str) -> None:
    """A line drawn in steps: its corners are the risers' ends, two stacked in a column
    per value (they were dropped as a box's sides); each flat run is one point, at its
    start where the line steps after its points, at its centre where it steps midway."""
    def draw(ax: object, name: str, ys: list[float], colour: str) -> None:
        ax.step(XS, ys, where=where, color=colour, linewidth=2, label=name)  # type: ignore[attr-defined]

    record = read_image(_figure(tmp_path / f"step_{where}.png", draw))
    for name, ys in SERIES.items():
        series = _series(_chart(record), name)
        assert len(series.points) <= len(ys)  # never more points than the steps
        assert _right(name, record, list(zip(XS, ys, strict=True))) >= 6


def test_step_points_need_flat_runs() -> None:
    """A sloping line with flat stretches between slopes is no step line."""
    own = np.zeros((60, 100), bool)
    rows = [40.0 - 0.3 * x for x in range(100)]
    for x, row in enumerate(rows):
        own[round(row), x] = True
    assert step_points(own, np.arange(100), rows, 1.0) is None


PYGAL_DOTS = {"Transformer++": [(2.8, 45.4), (6.9, 49.7), (12.0, 52.4), (30.0, 54.9), (66.0, 59.9)],
              "StableLM": [(2.8, 51.7), (6.9, 54.0), (12.0, 56.1), (30.0, 59.6), (66.0, 64.4)]}


def test_dots_on_a_thin_faded_line_are_its_points() -> None:
    """pygal's XY chart (both axes log) drawn at scale 1.5 through JPEG: dots in a series'
    pure colour on a one-pixel line of its faded colour. The line, too thin to open markers
    out of, bent around every dot (three corners at each: 14 points for 5); the dots on its
    path are its points, one a dot."""
    record = read_image(Path(__file__).parent / "fixtures" / "charts"
                        / "xylines_pygal_dots_log.jpg")
    chart = _chart(record)
    for name, truth in PYGAL_DOTS.items():
        series = _series(chart, name)
        assert len(series.points) <= len(truth), series.points
        assert sum(_has(series, x, y, log_x=True) for x, y in truth) == len(truth)


STEPS = [500.0 * i for i in range(1, 7)]
RUNS = {"Baseline": [31.0, 44.0, 40.0, 52.0, 49.0, 58.0],
        "Ours": [24.0, 30.0, 38.0, 35.0, 43.0, 41.0],
        "Long context": [45.0, 52.0, 55.0, 61.0, 60.0, 66.0]}


def test_step_lines_over_their_shaded_steps_are_read(tmp_path: Path) -> None:
    """Vega-Lite step lines over the region under each, filled in its colour: the fills
    are flat topped and touch, side by side across the whole plot, as no bar chart's bars
    do (they were read as two wide bars); read as lines, the steps give the points."""
    vl_convert = pytest.importorskip("vl_convert")
    rows = [{"x": x, "y": y, "run": name} for name, ys in RUNS.items()
            for x, y in zip(STEPS, ys, strict=True)]
    encoding = {"x": {"field": "x", "type": "quantitative", "title": "Step"},
                "y": {"field": "y", "type": "quantitative", "title": "Accuracy (%)",
                      "scale": {"domain": [20, 70], "zero": False}, "stack": None},
                "color": {"field": "run", "type": "nominal", "sort": None}}
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "width": 460,
            "height": 300, "data": {"values": rows}, "encoding": encoding,
            "layer": [{"mark": {"type": "area", "interpolate": "step-after", "opacity": 0.3}},
                      {"mark": {"type": "line", "interpolate": "step-after", "strokeWidth": 2}}]}
    drawn = Image.open(io.BytesIO(vl_convert.vegalite_to_png(spec, scale=1.5)))
    page = Image.new("RGB", drawn.size, "white")
    page.paste(drawn, mask=drawn.getchannel("A") if drawn.mode == "RGBA" else None)
    page.save(tmp_path / "steps.png")
    record = read_image(tmp_path / "steps.png")
    assert not any(chart.kind == "bar" for chart in record.charts)
    chart = _chart(record)
    right = sum(_has(series, x, y, x_span=2500.0) for series in chart.series
                for ys in RUNS.values() for x, y in zip(STEPS, ys, strict=True))
    assert right >= 9, [(s.name, [(p.x, p.y) for p in s.points]) for s in chart.series]
