"""Sketch-style bar charts (issue 12, xkcd): matplotlib's ``plt.xkcd()``: wobbly hand-drawn
outlines and axes, a comic font (Humor Sans where installed, else a fallback), white or
pale fills with a dark outline, or coloured ones:

- ``xk-columns``: upright bars, each value on top or none, now and then a slanted
  annotation arrow pointing at one bar;
- ``xk-hbar``: lying bars, each value past the bar's end or none;
- ``xk-grouped``: two series of columns side by side, a legend.

``generate(out, count, seed) -> truth`` in ``benchmarks/charts.py``'s format. A tuning
look: tune on one seed, only score another.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.bound_bars import BENCHMARKS, MODELS, figure_image, one_series, score_text
from chart_looks.common import draw_bar_look

FILLS = ["white", "white", "#f0f0f0", "#dddddd", "#ffe9a8", "#cfe3f5", "#1f77b4", "#ff7f0e",
         "0.5"]
NOTES = ["our model!", "best", "SOTA?", "huh", "wait what", "new!"]


def _values(rng: random.Random, count: int) -> list[float]:
    return [round(rng.uniform(20, 92), 1) for _ in range(count)]


def _figure(rng: random.Random) -> tuple[Any, Any]:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8.0), rng.uniform(3.6, 5.0)))
    for side in ("top", "right"):
        ax.spines[side].set_visible(rng.random() < 0.3)
    return fig, ax


def _columns(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import numpy as np

    categories, values = one_series(rng, entry, 3, 6, 0.5)
    fig, ax = _figure(rng)
    slots = np.arange(len(categories)).astype(float)
    bars = ax.bar(slots, values, rng.choice([0.5, 0.6, 0.7]), color=rng.choice(FILLS),
                  edgecolor="black", linewidth=rng.choice([1.5, 2.0]))
    if entry["labelled"]:
        ax.bar_label(bars, labels=[score_text(v, False) for v in values], padding=3)
    top = min(100.0, max(values) * rng.uniform(1.2, 1.35))
    ax.set_ylim(0, top)
    if rng.random() < 0.6:
        best = int(np.argmax(values))
        ax.annotate(rng.choice(NOTES), xy=(slots[best], values[best]),
                    xytext=(slots[best] + rng.choice([-1.2, 0.8]), top * 0.95),
                    arrowprops={"arrowstyle": "->"})
    ax.set_xticks(slots, categories, rotation=rng.choice([0, 0, 20]))
    ax.set_ylabel(rng.choice(["Accuracy (%)", "Score", "vibes"]))
    if rng.random() < 0.5:
        ax.set_title(rng.choice(["Benchmark results", "Model comparison"]))
    fig.tight_layout()
    return figure_image(fig, rng.choice([90, 110, 130]))


def _lying(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import numpy as np

    categories, values = one_series(rng, entry, 3, 7, 0.5)
    fig, ax = _figure(rng)
    slots = np.arange(len(categories))[::-1].astype(float)
    bars = ax.barh(slots, values, rng.choice([0.5, 0.6, 0.7]), color=rng.choice(FILLS),
                   edgecolor="black", linewidth=rng.choice([1.5, 2.0]))
    if entry["labelled"]:
        ax.bar_label(bars, labels=[score_text(v, False) for v in values], padding=4)
    ax.set_xlim(0, min(100.0, max(values) * rng.uniform(1.15, 1.3)))
    ax.set_yticks(slots, categories)
    ax.set_xlabel(rng.choice(["Accuracy (%)", "Score"]))
    fig.tight_layout()
    return figure_image(fig, rng.choice([90, 110, 130]))


def _grouped(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import numpy as np

    categories = rng.sample(BENCHMARKS, rng.randint(3, 5))
    names = rng.sample(MODELS, 2)
    fig, ax = _figure(rng)
    slots = np.arange(len(categories)).astype(float)
    fills = rng.choice([["white", "0.6"], ["#cfe3f5", "#ffe9a8"], ["#1f77b4", "#ff7f0e"]])
    top = 0.0
    for i, (name, fill) in enumerate(zip(names, fills, strict=True)):
        values = _values(rng, len(categories))
        top = max(top, *values)
        entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
        ax.bar(slots + (i - 0.5) * 0.38, values, 0.38, color=fill, edgecolor="black",
               label=name)
    ax.set_ylim(0, min(100.0, top * 1.25))
    ax.set_xticks(slots, categories)
    ax.set_ylabel(rng.choice(["Accuracy (%)", "Score"]))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return figure_image(fig, rng.choice([90, 110, 130]))


DRAW = {"xk-columns": _columns, "xk-hbar": _lying, "xk-grouped": _grouped}


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts (the kinds in turn) under ``out``; their truth by file."""
    import logging

    import matplotlib
    import matplotlib.pyplot as plt

    matplotlib.use("Agg")
    # (xkcd asks for Humor Sans and its fallbacks: each miss is logged)
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

    def drawn(style: str, rng: random.Random, entry: dict[str, Any]) -> Image.Image:
        with plt.xkcd(scale=rng.choice([0.8, 1.0, 1.5]), randomness=rng.choice([1.5, 2.0])):
            return DRAW[style](rng, entry)

    return draw_bar_look(out, count, seed, "sketch", drawn, list(DRAW),
                         lambda style: "hbar" if style == "xk-hbar" else "bar")
