"""Bar charts as others draw them (the ``bar_kinds`` chart look): stacked bars, bars stacked
to the plot's top, names set upright, labels printed to three decimals. Each chart is drawn
here by matplotlib and read through the whole pipeline (real Tesseract)."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

from imgread.pipeline import read_image
from imgread.record import Record

MODELS = ["Qwen2.5-72B", "Mistral-Large", "Gemma-2-27B", "Falcon-180B"]


def _save(figure: plt.Figure, path: Path) -> Path:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    Image.open(buffer).convert("RGB").save(path)
    return path


def _stacked(path: Path, parts: dict[str, list[float]], top: float, width: float) -> Path:
    figure, axes = plt.subplots(figsize=(7, 4.5), dpi=100)
    feet = np.zeros(len(MODELS))
    for name, values in parts.items():
        axes.bar(MODELS, values, width, bottom=feet, label=name)
        feet = feet + np.array(values)
    axes.set_ylim(0, top)
    axes.set_ylabel("Share of answers (%)")
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    return _save(figure, path)


def _points(record: Record) -> dict[tuple[str, str], float]:
    return {(series.name, str(point.x)): point.y for chart in record.charts
            for series in chart.series for point in series.points if point.y is not None}


def _by_series(record: Record) -> dict[str, list[float]]:
    """Each series' values from left to right (the names under the bars aside)."""
    return {series.name: [p.y for p in sorted(series.points, key=lambda p: p.px)
                          if p.y is not None]
            for chart in record.charts for series in chart.series}


def _near(read: list[float], wanted: list[float]) -> bool:
    return len(read) == len(wanted) and all(abs(a - b) <= 1.0 for a, b in zip(read, wanted,
                                                                             strict=True))


def test_stacked_bars_are_read_segment_by_segment(tmp_path: Path) -> None:
    """Each segment of a stacked bar is its series' value, measured from its own foot, not
    the stack's height from the axis (the whole stack was one bar of the lowest colour)."""
    parts = {"Correct": [52.0, 31.0, 44.0, 20.0], "Partial": [18.0, 27.0, 12.0, 35.0],
             "Wrong": [30.0, 42.0, 44.0, 45.0]}
    record = read_image(_stacked(tmp_path / "stacked.png", parts, 110, 0.6))
    read = _by_series(record)
    for name, values in parts.items():
        assert _near(read.get(name, []), values), (name, values, read)


def test_bars_stacked_to_the_top_leave_the_plot_face_its_colour(tmp_path: Path) -> None:
    """Stacks of 100% under a plot that ends at 100 cover most of the plot's top in their
    top segment's colour: the plot's face is still the page showing between them (read as
    the face, the stacks' top segments vanished and the gaps became bars)."""
    parts = {"Solved": [20.0, 15.0, 25.0, 10.0], "Unsolved": [80.0, 85.0, 75.0, 90.0]}
    record = read_image(_stacked(tmp_path / "full.png", parts, 100, 0.9))
    read = _by_series(record)
    assert _near(read.get("Unsolved", []), parts["Unsolved"]), read


def test_category_names_set_upright_are_read(tmp_path: Path) -> None:
    """Names turned a quarter under the bars (rotation=90) name their bars."""
    values = [61.5, 47.2, 72.9, 38.4]
    names = ["Llama-3.1-70B", "Mixtral-8x22B", "Qwen2.5-72B", "Phi-3-medium"]
    figure, axes = plt.subplots(figsize=(5, 5), dpi=100)
    axes.bar(names, values, 0.6, color="#4c72b0")
    axes.set_xticks(range(len(names)), names, rotation=90)
    axes.set_ylim(0, 100)
    figure.tight_layout()
    record = read_image(_save(figure, tmp_path / "upright.png"))
    read = {str(x): y for (_, x), y in _points(record).items()}
    for name, value in zip(names, values, strict=True):
        assert name in read and abs(read[name] - value) <= 1.0, (name, read)


def test_labels_printed_to_three_decimals_are_one_number(tmp_path: Path) -> None:
    """A label printed like 0.494 is that value (it was split as two labels run together,
    0.4 and 9.4, and the bar took 0.4). The tables stage sees a table over these three bars:
    they stay a chart because their heights say what their labels say, as no table's cells
    do (bars of many heights were needed before, four at least)."""
    values = [0.494, 0.718, 0.356]
    figure, axes = plt.subplots(figsize=(5, 4), dpi=100)
    bars = axes.bar(MODELS[:3], values, 0.6, color="#dd8452")
    axes.bar_label(bars, labels=[f"{v:.3f}" for v in values], padding=3)
    axes.set_ylim(0, 1.0)
    figure.tight_layout()
    record = read_image(_save(figure, tmp_path / "fractions.png"))
    assert record.ocr.tables
    read = {str(x): y for (_, x), y in _points(record).items()}
    assert [read.get(model) for model in MODELS[:3]] == values, read



def test_legend_patches_with_edges_name_their_series(tmp_path: Path) -> None:
    """Bars drawn with a dark edge have legend patches with that edge: the patch's fill,
    inside its rim, names the series (the rim's pixels made the patch no even colour)."""
    groups = ["MMLU", "GSM8K", "HumanEval"]
    series = {"Llama-3.1-70B": [71.2, 55.0, 48.3], "Qwen2.5-72B": [64.8, 80.1, 59.9],
              "Mixtral-8x22B": [52.6, 43.7, 66.4]}
    figure, axes = plt.subplots(figsize=(7, 4.5), dpi=100)
    for index, (name, values) in enumerate(series.items()):
        axes.bar(np.arange(3) + (index - 1) * 0.25, values, 0.25, label=name,
                 edgecolor="#222222", linewidth=1.5)
    axes.set_xticks(range(3), groups)
    axes.set_ylim(0, 100)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    record = read_image(_save(figure, tmp_path / "edged.png"))
    assert set(_by_series(record)) == set(series), _by_series(record)
