"""Clustered columns with the chart's data table printed beneath (the look ``datatable``), as
a spreadsheet draws them: grey gridlines, 2-3 series of columns per category, no legend;
under the plot a grid table whose first column holds each series' colour key (a small
filled square) and name, and whose cells hold each series' value per category, set under
the categories.

One kind per chart in turn (its ``style`` in the benchmark):

- ``dt-header``: the table's first row holds the category names (the axis has none);
- ``dt-ticks``: the category names under the x axis, the table's rows under them;

both drawn with matplotlib in several fonts, sizes, palettes and decimals (``39.3`` or
``39``). Truth: each series named by its row of the table, valued by its printed cell.
``generate(out, count, seed) -> truth`` in ``benchmarks/charts.py``'s format. A tuning look:
tune on one seed, only score another.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.bound_bars import SANS, figure_image
from chart_looks.common import BENCHMARKS, MODELS, draw_look

PALETTES = [["#4472c4", "#ed7d31", "#a5a5a5"], ["#5b9bd5", "#70ad47", "#ffc000"],
            ["#1f77b4", "#ff7f0e", "#2ca02c"], ["#264478", "#9e480e", "#636363"],
            ["#4e79a7", "#f28e2b", "#e15759"]]


def _draw(rng: random.Random, entry: dict[str, Any], header: bool, misprint: float = 0.0
          ) -> Image.Image:
    """One chart; ``misprint`` is added to the first cell printed (a table that disagrees
    with its bar; the truth is the bar's)."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    categories = list(rng.sample(BENCHMARKS, rng.randint(3, 5)))
    series = list(rng.sample(MODELS, rng.randint(2, 3)))
    colours = rng.choice(PALETTES)[: len(series)]
    decimals = rng.choice([1, 1, 0])
    values = {name: [round(rng.uniform(18, 92), decimals) for _ in categories]
              for name in series}
    entry["series"] = {name: [[c, v] for c, v in zip(categories, vals, strict=True)]
                       for name, vals in values.items()}
    size = rng.choice([8, 9, 10])
    rule = rng.choice(["#bfbfbf", "#a6a6a6", "#d0d0d0"])
    rows = len(series) + header
    with plt.rc_context({"font.family": rng.choice(SANS), "font.size": size}):
        fig = plt.figure(figsize=(rng.uniform(6.5, 8.5), rng.uniform(4.6, 5.6)))
        row_height = 0.045 * rng.choice([1.0, 1.15])
        bottom = 0.04 + rows * row_height + (0.0 if header else 0.06)
        ax = fig.add_axes((0.26, bottom, 0.70, 0.86 - bottom))
        below = fig.add_axes((0.26, 0.04, 0.70, rows * row_height), sharex=ax)
        width = 0.8 / len(series)
        for index, (name, colour) in enumerate(zip(series, colours, strict=True)):
            slots = [i - 0.4 + width * (index + 0.5) for i in range(len(categories))]
            ax.bar(slots, values[name], width * rng.choice([0.85, 1.0]), color=colour)
        ax.set_xlim(-0.5, len(categories) - 0.5)
        ax.set_ylim(0, 100)
        ax.yaxis.grid(True, color=rng.choice(["#d9d9d9", "#bfbfbf", "#e0e0e0"]))
        ax.set_axisbelow(True)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0)
        ax.tick_params(axis="x", length=0)
        if header:
            ax.tick_params(axis="x", labelbottom=False)
        else:
            ax.set_xticks(range(len(categories)), categories)
        # the table: a column of keys and names left of the plot, a cell under each category
        below.axis("off")
        below.set_ylim(rows, 0)
        left = -0.5 - 0.23 / 0.70 * len(categories)  # the name column, in category units
        for line in range(rows + 1):
            below.plot([left, len(categories) - 0.5], [line, line], color=rule, lw=0.8,
                       clip_on=False)
        for edge in [left, *(i - 0.5 for i in range(len(categories) + 1))]:
            # (the header row's corner over the names is left open)
            below.plot([edge, edge], [1 if header and edge == left else 0, rows], color=rule,
                       lw=0.8, clip_on=False)
        if header:
            for i, category in enumerate(categories):
                below.text(i, 0.5, category, ha="center", va="center")
        key = 0.35
        for row, (name, colour) in enumerate(zip(series, colours, strict=True), start=header):
            below.add_patch(Rectangle((left + 0.08, row + 0.5 - key / 2), key * 0.55, key,
                                      color=colour, clip_on=False))
            below.text(left + 0.08 + key * 0.55 + 0.08, row + 0.5, name, va="center")
            for i, value in enumerate(values[name]):
                shown = value + (misprint if (row, i) == (header, 0) else 0.0)
                below.text(i, row + 0.5, f"{shown:.{decimals}f}", ha="center", va="center")
        if rng.random() < 0.5:
            ax.set_title(rng.choice(["Benchmark results", "Accuracy by benchmark (%)",
                                     "Evaluation summary"]))
        return figure_image(fig, rng.choice([90, 110, 130]))


DRAW = {
    "dt-header": lambda rng, entry: _draw(rng, entry, True),
    "dt-ticks": lambda rng, entry: _draw(rng, entry, False),
}


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts (the kinds in turn) under ``out``; their truth by file, a fifth
    of them saved as JPEG."""
    import matplotlib

    matplotlib.use("Agg")
    return draw_look(out, count, seed, "datatable", lambda style, rng, entry: DRAW[style](
        rng, entry), list(DRAW), lambda style: {
            "kind": "bar", "renderer": "mpl", "log_x": False, "labelled": True,
            "style": style, "series": {}}, (0.2, 75), lambda: None)
