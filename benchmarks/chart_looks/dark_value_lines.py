"""Dark line charts with every point's value printed over its marker, as a training report's
card draws them.

- ``values``: matplotlib on a near-black blue-grey card (no frame, thin dim gridlines both
  ways, light grey tick labels), 2 or 3 lines with round markers in distinct colours, each
  point's value printed in its series' colour just above its marker (``54.2``); x ticks small
  integers (epochs, steps, rounds), y ticks every 2, 5 or 10 with a y title; a legend of line
  and marker swatches inside the plot (a corner), light text.
- ``values_right``: the same card with its y axis printed only at the plot's right (ticks and
  labels on the right side, nothing at the left).

Colours, fonts, sizes and card tints are drawn at random. A tuning look: its images were
looked at.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.curves import Curves, drawn_in_turn, figure_image

STYLES = ("values", "values_right")
CARDS = ("#15171c", "#111318", "#1b1e24", "#181a20", "#0f1115", "#1e2128")
PAIRS = (
    ("#4c9be8", "#f5a142"),
    ("#5aa9f0", "#ff8c3a"),
    ("#3fa7d6", "#f29e4c"),
    ("#6ea8fe", "#fd9843"),
    ("#58a6ff", "#f0883e"),
    ("#64b5f6", "#ffb74d"),
)
THIRDS = ("#4cd18a", "#e05d6f", "#b48ef0")
NAMES = (
    "Baseline",
    "Ours",
    "SFT",
    "SFT + RL",
    "Full data",
    "Filtered data",
    "LoRA",
    "Full fine-tune",
    "Teacher",
    "Student",
    "Run A",
    "Run B",
    "Curriculum",
    "Random order",
)
X_TITLES = ("Epoch", "Epochs", "Round", "Training round", "Iteration", "Stage")
Y_TITLES = (
    "Eval accuracy (%)",
    "Accuracy (%)",
    "Pass@1 (%)",
    "Validation score",
    "Win rate (%)",
    "Exact match (%)",
)
FONTS = ("DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Sans Mono")


def content(rng: random.Random, style: str) -> Curves:
    count = rng.randint(4, 7)
    xs = [float(x) for x in range(1, count + 1)]
    curves = Curves(
        style=style,
        renderer="matplotlib",
        xs=xs,
        tick_format="plain",
        x_title=rng.choice(X_TITLES),
        y_title=rng.choice(Y_TITLES),
    )
    low = rng.uniform(30, 65)
    for name in rng.sample(NAMES, rng.choice((2, 2, 2, 3))):
        start = low + rng.uniform(-4, 4)
        gain = rng.uniform(6, 22)
        bend = rng.uniform(0.5, 1.4)
        curves.series[name] = [
            round(start + gain * (i / (count - 1)) ** bend + rng.uniform(-0.8, 0.8), 1)
            for i in range(count)
        ]
    return curves


def card_image(curves: Curves, rng: random.Random) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MultipleLocator

    card = rng.choice(CARDS)
    tick_colour = rng.choice(("#b8bcc6", "#c9cdd6", "#a9adb8", "#d0d3da"))
    grid_colour = rng.choice(("#2a2e37", "#30343d", "#262a32", "#343843"))
    colours = list(rng.choice(PAIRS)) + list(rng.sample(THIRDS, 1))
    size = rng.choice((9, 10, 11))
    with plt.rc_context({"font.family": rng.choice(FONTS), "font.size": size}):
        figure, ax = plt.subplots(figsize=(rng.uniform(7.6, 8.8), rng.uniform(4.5, 5.2)))
        figure.patch.set_facecolor(card)
        ax.set_facecolor(card)
        for spine in ax.spines.values():
            spine.set_visible(False)
        values = [v for ys in curves.series.values() for v in ys]
        span = max(values) - min(values)
        step = 2 if span < 12 else (5 if span < 35 else 10)
        ax.yaxis.set_major_locator(MultipleLocator(step))
        ax.xaxis.set_major_locator(MultipleLocator(1))
        ax.grid(True, color=grid_colour, linewidth=rng.choice((0.6, 0.8, 1.0)))
        ax.set_axisbelow(True)
        marker_size = rng.choice((5, 6, 7))
        for (name, ys), colour in zip(curves.series.items(), colours, strict=False):
            ax.plot(
                curves.xs,
                ys,
                color=colour,
                marker="o",
                markersize=marker_size,
                linewidth=rng.choice((1.6, 2.0, 2.4)),
                label=name,
            )
            for x, y in zip(curves.xs, ys, strict=True):
                ax.annotate(
                    f"{y:.1f}",
                    (x, y),
                    textcoords="offset points",
                    xytext=(0, rng.choice((6, 7, 8))),
                    ha="center",
                    color=colour,
                    fontsize=size - rng.choice((1, 2)),
                )
        ax.set_xlim(curves.xs[0] - 0.4, curves.xs[-1] + 0.4)
        ax.set_ylim(min(values) - span * 0.25 - 1, max(values) + span * 0.15 + 2)
        ax.tick_params(colors=tick_colour, length=0)
        ax.set_xlabel(curves.x_title, color=tick_colour)
        ax.set_ylabel(curves.y_title, color=tick_colour)
        if curves.style == "values_right":
            ax.yaxis.tick_right()
            ax.yaxis.set_label_position("right")
        legend = ax.legend(
            loc="lower right",
            frameon=rng.random() < 0.5,
            facecolor=card,
            edgecolor=grid_colour,
            fontsize=size - 1,
        )
        for text in legend.get_texts():
            text.set_color(tick_colour)
        return figure_image(figure, rng.choice((95, 100, 105)))


def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    curves = content(rng, style)
    return card_image(curves, rng), curves


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)
