"""Lollipop charts (issue 12, lollipops): a thin stem from the value axis to a round head at
the value, one per category, drawn with matplotlib:

- ``lp-hbar``: lying lollipops (``hlines`` + ``plot(..., "o")``), the first model on top,
  its value printed beside its head or not;
- ``lp-columns``: upright lollipops (``vlines`` / ``stem``), labelled or not;
- ``lp-dumbbell``: two series per row, a head for each joined by a grey bar, a legend.

Heads of several sizes, stems thin (1 px) and thick, gridlines or none; some are JPEG.
``generate(out, count, seed) -> truth`` in ``benchmarks/charts.py``'s format. A tuning
look: tune on one seed, only score another.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.bound_bars import BENCHMARKS, MODELS, SANS, figure_image, one_series, score_text
from chart_looks.common import draw_bar_look

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "black", "#333333",
           "teal", "#e377c2"]


def _values(rng: random.Random, count: int) -> list[float]:
    return [round(rng.uniform(20, 92), 1) for _ in range(count)]


def _axes(rng: random.Random) -> tuple[Any, Any]:
    import matplotlib.pyplot as plt

    style = rng.choice(["default", "default", "seaborn-v0_8-whitegrid", "ggplot", "bmh"])
    plt.style.use(style)
    plt.rcParams["font.family"] = rng.choice(SANS)
    fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8.5), rng.uniform(3.4, 5.2)))
    if style == "default" and rng.random() < 0.5:
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    return fig, ax


def _lying(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import numpy as np

    categories, values = one_series(rng, entry, 4, 9, 0.6)
    fig, ax = _axes(rng)
    slots = np.arange(len(categories))[::-1].astype(float)
    colour = rng.choice(COLOURS)
    ax.hlines(slots, 0, values, color=rng.choice([colour, "0.6"]),
              linewidth=rng.choice([0.8, 1.0, 1.5, 2.5, 4.0]))
    ax.plot(values, slots, "o", color=colour, markersize=rng.choice([5, 7, 9, 12]))
    top = min(100.0, max(values) * rng.uniform(1.12, 1.25))
    if entry["labelled"]:
        for slot, value in zip(slots, values, strict=True):
            ax.text(value + 0.02 * top, slot, score_text(value, False), va="center",
                    fontsize=rng.choice([8, 9, 10]))
    ax.set_yticks(slots, categories)
    ax.set_xlim(0, top)
    ax.set_xlabel(rng.choice(["Accuracy (%)", "Score", "Pass@1 (%)"]))
    fig.tight_layout()
    return figure_image(fig, rng.choice([90, 110, 140]))


def _upright(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import numpy as np

    categories, values = one_series(rng, entry, 4, 7, 0.6)
    fig, ax = _axes(rng)
    slots = np.arange(len(categories)).astype(float)
    colour = rng.choice(COLOURS)
    if rng.random() < 0.5:
        ax.vlines(slots, 0, values, color=rng.choice([colour, "0.6"]),
                  linewidth=rng.choice([0.8, 1.0, 1.5, 2.5, 4.0]))
        ax.plot(slots, values, "o", color=colour, markersize=rng.choice([5, 7, 9, 12]))
    else:
        heads, lines, _ = ax.stem(slots, values, basefmt=" ")
        lines.set_color(colour)
        heads.set_color(colour)
        heads.set_markersize(rng.choice([5, 7, 9]))
    top = min(100.0, max(values) * rng.uniform(1.12, 1.25))
    if entry["labelled"]:
        for slot, value in zip(slots, values, strict=True):
            ax.annotate(score_text(value, False), (slot, value), xytext=(0, 7),
                        textcoords="offset points", ha="center", fontsize=rng.choice([8, 9]))
    long = max(len(c) for c in categories) > 8 and len(categories) > 4
    ax.set_xticks(slots, categories, rotation=30 if long else 0, ha="right" if long else "center")
    ax.set_ylim(0, top)
    ax.set_ylabel(rng.choice(["Accuracy (%)", "Score", "Pass@1 (%)"]))
    fig.tight_layout()
    return figure_image(fig, rng.choice([90, 110, 140]))


def _dumbbell(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import numpy as np

    categories = rng.sample(BENCHMARKS, rng.randint(4, 8))
    names = rng.sample(MODELS, 2)
    table = [_values(rng, len(categories)) for _ in names]
    for name, values in zip(names, table, strict=True):
        entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
    fig, ax = _axes(rng)
    slots = np.arange(len(categories))[::-1].astype(float)
    ax.hlines(slots, np.minimum(*table), np.maximum(*table), color="0.7",
              linewidth=rng.choice([1.0, 2.0, 4.0]))
    size = rng.choice([7, 9, 11])
    for name, values, colour in zip(names, table, rng.sample(COLOURS[:5], 2), strict=True):
        ax.plot(values, slots, "o", color=colour, markersize=size, label=name)
    ax.set_yticks(slots, categories)
    ax.set_xlim(0, 100)
    ax.set_xlabel(rng.choice(["Accuracy (%)", "Score"]))
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.01), ncol=2, frameon=False)
    fig.tight_layout()
    return figure_image(fig, rng.choice([90, 110, 140]))


DRAW = {"lp-hbar": _lying, "lp-columns": _upright, "lp-dumbbell": _dumbbell}


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts (the kinds in turn) under ``out``; their truth by file."""
    import matplotlib
    import matplotlib.pyplot as plt

    matplotlib.use("Agg")

    def drawn(style: str, rng: random.Random, entry: dict[str, Any]) -> Image.Image:
        with plt.rc_context():
            return DRAW[style](rng, entry)

    return draw_bar_look(out, count, seed, "lollipop", drawn, list(DRAW),
                         lambda style: "bar" if style == "lp-columns" else "hbar")
