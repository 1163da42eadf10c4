"""Grouped lying bars told apart by their hatch alone (``imgread/charts/hatches.py``),
rendered here with matplotlib as ``benchmarks/chart_looks/patterned_hbars.py`` draws them,
read through real Tesseract."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from imgread.charts.hatches import textures_as_colours
from imgread.pipeline import read_image

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

MODELS = ["Gemma 2 27B", "Llama 3.1 70B", "Qwen2.5 72B", "Mistral Large"]
VALUES = {"MMLU": [56.6, 87.0, 49.2, 65.6], "GSM8K": [77.5, 72.2, 40.0, 80.1],
          "HumanEval": [64.3, 27.7, 43.8, 21.7]}


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _hatched_hbars(hatches: list[str], fill: str, dpi: int) -> Image.Image:
    """Grouped lying bars, one hatch per series on one fill with a black outline, model
    names at the left, dotted vertical gridlines, the legend under the plot, frameless."""
    import matplotlib.pyplot as plt

    names = list(VALUES)[: len(hatches)]
    fig, ax = plt.subplots(figsize=(7, 4.6))
    slots = np.arange(len(MODELS))
    thickness = 0.8 / len(names)
    for n, (name, hatch) in enumerate(zip(names, hatches, strict=True)):
        ax.barh(slots - 0.4 + thickness * (n + 0.5), VALUES[name], thickness, color=fill,
                edgecolor="black", hatch=hatch, label=name)
    ax.set_yticks(slots, MODELS)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.xaxis.grid(True, linestyle=":")
    ax.set_axisbelow(True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=len(names), frameon=False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    plt.close(fig)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def _right(path: Path, series: list[str]) -> int:
    """Points read with their series' name, their model and their value (within 1)."""
    record = read_image(path)
    read = {(_norm(s.name), _norm(str(p.x))): p.y for chart in record.charts
            for s in chart.series for p in s.points if p.y is not None}
    return sum(any(key[0] == _norm(name) and key[1] == _norm(model) and abs(y - value) <= 1
                   for key, y in read.items())
               for name in series for model, value in zip(MODELS, VALUES[name], strict=True))


@pytest.mark.parametrize(("hatches", "fill", "dpi"), [
    (["oo", "..", "//"], "white", 100),
    (["xx", "\\\\"], "#d0d0d0", 120),
])
def test_hatched_series_are_read_and_named_by_their_texture(
        tmp_path: Path, hatches: list[str], fill: str, dpi: int) -> None:
    """Every series drawn in one fill, told apart by its hatch: the colour reader saw one
    series (or none: hatch lines split the bars into slivers). Each texture's cells, the
    legend's swatches among them, painted in a colour of their own: each bar is read with
    its model, its value and the series its swatch names."""
    path = tmp_path / "hatched.png"
    _hatched_hbars(hatches, fill, dpi).save(path)
    series = list(VALUES)[: len(hatches)]
    assert _right(path, series) >= len(series) * len(MODELS) - 2


def test_a_texture_and_its_legend_swatch_are_painted_alike() -> None:
    """The bars of one hatch and the swatch beside its legend name take one flat colour,
    each hatch its own (a coloured fill under the hatch as well)."""
    rgb = np.asarray(_hatched_hbars(["//", "oo"], "#fde0c5", 100))
    painted = textures_as_colours(rgb, [])
    assert painted is not None
    changed = np.any(painted != rgb, axis=2)
    colours = {tuple(int(v) for v in c) for c in painted[changed].reshape(-1, 3)}
    assert len(colours) == 2
    # the legend (its swatches) lies under the plot: both colours show there too
    legend = painted[int(0.85 * rgb.shape[0]) :][changed[int(0.85 * rgb.shape[0]) :]]
    assert {tuple(int(v) for v in c) for c in legend.reshape(-1, 3)} == colours


def test_a_table_of_words_is_no_texture() -> None:
    """A ruled table's cells hold words, not a texture: nothing is painted."""
    from PIL import ImageDraw

    image = Image.new("RGB", (520, 200), "white")
    draw = ImageDraw.Draw(image)
    for row in range(5):
        for column in range(4):
            x, y = 10 + 125 * column, 10 + 36 * row
            draw.rectangle((x, y, x + 125, y + 36), outline="black")
            draw.text((x + 8, y + 12), f"Model {row}{column} 71.{row}", fill="black")
    assert textures_as_colours(np.asarray(image), []) is None
