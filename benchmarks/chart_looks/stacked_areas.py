"""Stacked area charts, a kind of line chart a clean test set read at about 0.15:

- ``mpl_stackplot``: matplotlib's ``stackplot``, two or three series as pastel bands one
  above the other from y = 0, each edged by a thin dark line, a legend of filled patches at
  the upper left, over a numeric x axis (training tokens 1 to 20 billion, vertices at
  uneven x);
- ``mpl_fill_between``: the same drawn with ``fill_between`` of cumulative sums and a line
  along each band's top;
- ``mpl_single_area``: one line over its own filled area (no stacking), the legend a line
  or a patch;
- ``plotly_stacked``: plotly's ``stackgroup`` (filled to the next trace, its line on top)
  in its templates, in Chromium.

The truth is each series' own value at each vertex: the lowest band's top, and for each
band above it the band's thickness (its top less the top of the band under it); a single
area's value is its line's. ``y_tolerance`` is 2% of the stack's top. Some charts are
resized or saved as JPEG (``curves.finish``). A tuning look: its images were looked at.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.curves import (
    Curves,
    drawn_in_turn,
    figure_image,
    plotly_font,
    plotly_html,
    plotly_shot,
)

STYLES = ("mpl_stackplot", "mpl_fill_between", "mpl_single_area", "plotly_stacked")
SHEETS = ("default", "seaborn-v0_8-whitegrid", "ggplot", "bmh", "seaborn-v0_8-paper", "fast",
          "classic")
FONTS = ("DejaVu Sans", "Liberation Sans", "Liberation Serif", "Roboto", "Open Sans")
PASTELS = (("#aec7e8", "#ffbb78", "#98df8a"), ("#a6cee3", "#b2df8a", "#fb9a99"),
           ("#8dd3c7", "#ffffb3", "#bebada"), ("#fbb4ae", "#b3cde3", "#ccebc5"),
           ("#b3e2cd", "#fdcdac", "#cbd5e8"), ("#c6dbef", "#fdd0a2", "#c7e9c0"))
EDGES = ("#333333", "#222222", "#444444", "#1f1f1f")
PARTS = ("Web", "Code", "Books", "Math", "Papers", "Dialogue", "Wikipedia", "Synthetic",
         "Multilingual", "Forums")
TOKENS = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.5, 8.0, 10.0, 12.0, 14.0, 16.0, 18.0, 20.0)


class Areas(Curves):
    """``Curves`` whose truth carries a tolerance of 2% of the stack's top."""

    def truth(self) -> dict[str, Any]:
        top = max(sum(values) for values in zip(*self.series.values(), strict=True))
        return {**super().truth(), "y_tolerance": round(0.02 * top, 3)}


def area_content(rng: random.Random, style: str, renderer: str, count: int) -> Areas:
    """``count`` series over training tokens at uneven vertices, each a share that drifts."""
    picked = sorted(rng.sample(TOKENS, rng.randint(6, 10)))
    xs = sorted({1.0, 20.0, *picked}) if rng.random() < 0.5 else picked
    areas = Areas(style=style, renderer=renderer, xs=xs, tick_format="plain",
                  x_title=rng.choice(("Training tokens (B)", "Tokens seen (billions)",
                                      "Training tokens [B]")),
                  y_title=rng.choice(("Share of batch (%)", "Tokens (B)", "Loss contribution",
                                      "Examples (thousands)", "Score")))
    for name in rng.sample(PARTS, count):
        start, end = rng.uniform(8, 40), rng.uniform(8, 40)
        areas.series[name] = [
            round(max(3.0, start + (end - start) * i / max(1, len(xs) - 1)
                      + rng.uniform(-4, 4)), 1) for i in range(len(xs))]
    return areas


def mpl_image(areas: Areas, rng: random.Random, how: str) -> Image.Image:
    """``areas`` drawn by ``stackplot`` or by ``fill_between`` (stacked or a single area)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    dpi = rng.choice((72, 100, 110, 150))
    width_px = rng.randint(520, 1100)
    height_px = int(width_px * rng.uniform(0.55, 0.75))
    names = list(areas.series)
    colours = list(rng.choice(PASTELS))
    edge = rng.choice(EDGES)
    width = rng.choice((0.6, 0.8, 1.0, 1.2))
    with plt.style.context(rng.choice(SHEETS)), plt.rc_context(
            {"font.family": rng.choice(FONTS), "font.size": rng.choice((9, 10, 11, 12))}):
        figure, ax = plt.subplots(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
        values = np.array([areas.series[name] for name in names])
        if how == "stackplot":
            ax.stackplot(areas.xs, *values, labels=names, colors=colours[:len(names)],
                         edgecolor=edge, linewidth=width)
        else:
            lower = np.zeros(len(areas.xs))
            for index, name in enumerate(names):
                upper = lower + values[index]
                line = edge if len(names) > 1 else rng.choice(("#1f77b4", "#d62728", "#2ca02c"))
                fill = colours[index] if len(names) > 1 else line
                ax.fill_between(areas.xs, lower, upper, color=fill, label=name,
                                alpha=1.0 if len(names) > 1 else rng.choice((0.2, 0.3, 0.4)),
                                linewidth=0)
                ax.plot(areas.xs, upper, color=line, linewidth=width + (len(names) == 1),
                        label="_" + name)
                lower = upper
        ax.set_xlim(min(areas.xs), max(areas.xs))
        ax.set_ylim(0, None)
        ax.set_xticks(rng.choice(((1, 5, 10, 15, 20), (2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20),
                                  (1, 4, 8, 12, 16, 20), (5, 10, 15, 20))))
        if rng.random() < 0.5:
            ax.grid(True, alpha=0.4)
        ax.set_xlabel(areas.x_title)
        ax.set_ylabel(areas.y_title)
        ax.legend(loc="upper left", fontsize=rng.choice((8, 9, 10)),
                  frameon=rng.random() < 0.7)
        if rng.random() < 0.4:
            ax.set_title(rng.choice(("Data mixture over training", "Tokens by source",
                                     "Composition")))
        return figure_image(figure, dpi)


PLOTLY_TEMPLATES = ("plotly", "plotly_white", "ggplot2", "seaborn", "simple_white")


def plotly_page(areas: Areas, rng: random.Random, width: int, height: int) -> str:
    """``areas`` stacked by plotly (``stackgroup``), the legend inside the upper left."""
    import plotly.graph_objects as go

    figure = go.Figure()
    colours = rng.choice(PASTELS)
    for index, (name, ys) in enumerate(areas.series.items()):
        figure.add_trace(go.Scatter(x=areas.xs, y=ys, name=name, mode="lines",
                                    stackgroup="one", fillcolor=colours[index],
                                    line={"width": rng.choice((1, 1.5)),
                                          "color": rng.choice(EDGES)}))
    figure.update_layout(
        template=rng.choice(PLOTLY_TEMPLATES), width=width, height=height,
        xaxis={"title": {"text": areas.x_title}, "dtick": rng.choice((2, 4, 5))},
        yaxis={"title": {"text": areas.y_title}},
        legend={"x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.8)"},
        margin={"l": 60, "r": 30, "t": 40, "b": 60},
        font=plotly_font(rng))
    return plotly_html(figure, width, height)


def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    if style == "mpl_single_area":
        areas = area_content(rng, style, "matplotlib", 1)
        return mpl_image(areas, rng, "fill_between"), areas
    count = rng.choice((2, 3, 3))
    if style == "plotly_stacked":
        areas = area_content(rng, style, "plotly", count)
        return plotly_shot(browser, rng, lambda w, h: plotly_page(areas, rng, w, h)), areas
    areas = area_content(rng, style, "matplotlib", count)
    return mpl_image(areas, rng, style.removeprefix("mpl_")), areas


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)
