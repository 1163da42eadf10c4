"""Line charts with a dashed reference line, and column charts photographed off a screen:

- ``rp-seaborn-baseline``: seaborn in its "talk" context (big fonts, ``whitegrid`` or
  ``ticks``), 2 or 3 series with markers over model size or tokens (log x) or steps
  (linear x), and a dashed horizontal baseline in grey or black, with a note beside it
  ("random", "baseline", ...) or without one, never in the legend;
- ``rp-mpl-baseline``: the same in plain matplotlib (a paper's figure: serif or sans,
  smaller fonts), the baseline dashed or dash-dotted;
- ``rp-photo-columns``: one series of columns named by long model names (level, or
  turned 30 or 45 degrees), the screen photographed: keystoned and turned a little on a
  dark bezel or cropped to the screen, moire, blur, uneven light, a JPEG of quality 60-80.

Fonts, sizes, DPI and colours vary per chart. ``generate(out, count, seed) -> truth`` in
``benchmarks/charts.py``'s format (a reference line is no series of the truth). A tuning
look: tune on one seed, only score another.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from chart_looks.bound_bars import MODELS, SANS, SERIF, figure_image
from chart_looks.common import Y_TITLES, draw_look, line_data

NOTES = ["random", "baseline", "random chance", "human baseline", "target", "majority class"]
PALETTES = ["deep", "colorblind", "muted", "tab10", "Set1", "dark"]
MARKERS = ["o", "s", "^", "D", "v", "P"]
LONG_MODELS = [
    *MODELS,
    "Llama-3.1-405B-Instruct",
    "Qwen2.5-Coder-32B",
    "Mixtral-8x22B-v0.1",
    "DeepSeek-Coder-V2-Lite",
    "Phi-3-medium-128k",
    "Gemma-2-9B-it",
]


def _baseline_lines(rng: random.Random, entry: dict[str, Any], seaborn: bool) -> Image.Image:
    import matplotlib.pyplot as plt

    chart = line_data(rng, "mpl", entry["style"])
    while len(chart.series) < 2:
        chart = line_data(rng, "mpl", entry["style"])
    names = list(chart.series)[: rng.randint(2, 3)]
    series = {name: chart.series[name] for name in names}
    plt.rcdefaults()
    if seaborn:
        import seaborn as sns

        sns.set_theme(
            context="talk",
            style=rng.choice(["whitegrid", "whitegrid", "ticks"]),
            palette=rng.choice(PALETTES),
            font=rng.choice(SANS),
        )
        size = (rng.uniform(8, 11), rng.uniform(5.5, 7))
        dpi = rng.choice([70, 80, 100])
    else:
        serif = rng.random() < 0.5
        plt.rcParams.update(
            {
                "font.family": "serif" if serif else "sans-serif",
                **(
                    {"font.serif": [rng.choice(SERIF)]}
                    if serif
                    else {"font.sans-serif": [rng.choice(SANS)]}
                ),
                "font.size": rng.choice([10, 11, 12]),
            }
        )
        size = (rng.uniform(5.5, 7.5), rng.uniform(3.8, 5))
        dpi = rng.choice([110, 130, 160])
    fig, ax = plt.subplots(figsize=size)
    markers = rng.sample(MARKERS, len(series))
    lowest = min(y for points in series.values() for _, y in points)
    for (name, points), marker in zip(series.items(), markers, strict=True):
        ax.plot(
            [x for x, _ in points],
            [y for _, y in points],
            marker=marker,
            label=name,
            markersize=rng.choice([6, 7, 8]) if not seaborn else rng.choice([8, 10]),
            linewidth=rng.choice([1.5, 2.0, 2.5]),
        )
    level = round(rng.uniform(max(10.0, lowest - 12), lowest - 2), 1)
    ax.axhline(
        level,
        color=rng.choice(["grey", "black", "#555555", "#888888"]),
        linestyle=rng.choice(["--", "--", (0, (5, 5))] if seaborn else ["--", "-.", ":"]),
        linewidth=rng.choice([1.2, 1.5, 2.0]),
        zorder=1,
    )
    if chart.log_x:
        ax.set_xscale("log")
    if rng.random() < 0.7:
        xs = [x for x, _ in next(iter(series.values()))]
        at = xs[-1] if rng.random() < 0.5 else xs[0]
        ax.text(
            at,
            level + 0.8,
            rng.choice(NOTES),
            color="#444444",
            va="bottom",
            ha="right" if at == xs[-1] else "left",
            fontsize=rng.choice([10, 12, 14]) if seaborn else 9,
        )
    ax.set_xlabel(chart.x_title)
    ax.set_ylabel(rng.choice(Y_TITLES))
    ax.legend(loc=rng.choice(["upper left", "lower right", "best"]), frameon=rng.random() < 0.7)
    fig.tight_layout()
    entry["log_x"] = chart.log_x
    entry["series"] = {name: [list(p) for p in points] for name, points in series.items()}
    image = figure_image(fig, dpi)
    plt.rcdefaults()
    return image


def _moire(rng: random.Random, height: int, width: int) -> np.ndarray:
    """A screen's pixel grid beating against the camera's: faint slanted bands."""
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    turn = rng.uniform(0, math.pi)
    period = rng.uniform(3.0, 7.0)
    wave = np.sin((xx * math.cos(turn) + yy * math.sin(turn)) * 2 * math.pi / period)
    return wave * rng.uniform(3, 9)


def photographed(rng: random.Random, shot: Image.Image) -> Image.Image:
    """``shot`` photographed off a monitor: keystoned and turned a little (on its dark
    bezel, or cropped inside the screen), moire, uneven light, blur and noise."""
    import cv2

    screen = np.asarray(shot.convert("RGB"))
    height, width = screen.shape[:2]
    bezel = rng.random() < 0.6
    margin = rng.randint(40, 90) if bezel else -rng.randint(4, 14)
    out_w, out_h = width + 2 * margin, height + 2 * margin
    src = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    corners = src + margin
    taper = width * rng.uniform(0.02, 0.07) / 2
    if rng.random() < 0.5:
        corners[0, 0] += taper
        corners[1, 0] -= taper
    else:
        corners[3, 0] += taper
        corners[2, 0] -= taper
    corners += np.float32([[rng.uniform(-6, 6), rng.uniform(-6, 6)] for _ in range(4)])
    turn = math.radians(rng.uniform(-2.0, 2.0))
    centre = np.float32([out_w / 2, out_h / 2])
    rotation = np.float32([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]])
    corners = (corners - centre) @ rotation.T + centre
    matrix = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    ground = np.full((out_h, out_w, 3), rng.randint(15, 40), np.uint8)
    photo = cv2.warpPerspective(
        screen,
        matrix,
        (out_w, out_h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_TRANSPARENT,
        dst=ground,
    ).astype(np.float32)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    light_x, light_y = rng.uniform(0.2, 0.8) * out_w, rng.uniform(0.2, 0.8) * out_h
    light = 1 - rng.uniform(0.1, 0.25) * (
        ((xx - light_x) / out_w) ** 2 + ((yy - light_y) / out_h) ** 2
    )
    photo = (
        photo * light[..., None] * rng.uniform(0.85, 0.97) + _moire(rng, out_h, out_w)[..., None]
    )
    photo += rng.uniform(2, 5) * np.random.default_rng(rng.randint(0, 9999)).standard_normal(
        photo.shape
    ).astype(np.float32)
    photo = cv2.GaussianBlur(np.clip(photo, 0, 255).astype(np.uint8), (0, 0), rng.uniform(0.6, 1.2))
    shrink = rng.uniform(0.6, 0.9)  # the camera's pixels are fewer than the screen's
    return Image.fromarray(
        cv2.resize(photo, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA)
    )


def _photo_columns(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt

    plt.rcdefaults()
    plt.rcParams.update({"font.family": rng.choice(SANS), "font.size": rng.choice([10, 11, 12])})
    categories = rng.sample(LONG_MODELS, rng.randint(4, 7))
    values = [round(rng.uniform(20, 90), 1) for _ in categories]
    entry["series"] = {
        rng.choice(["MMLU", "GSM8K", "HumanEval", "MATH", "GPQA"]): [
            [c, v] for c, v in zip(categories, values, strict=True)
        ]
    }
    fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 9), rng.uniform(4, 5.5)))
    ax.bar(
        range(len(categories)),
        values,
        0.6,
        color=rng.choice(["#4c72b0", "#1f77b4", "#dd8452", "#55a868", "#8172b3"]),
    )
    crowded = sum(len(name) for name in categories) > 50
    slant = rng.choice([30, 45]) if crowded or rng.random() < 0.5 else 0
    ax.set_xticks(
        range(len(categories)),
        categories,
        rotation=slant,
        ha="right" if slant else "center",
        rotation_mode="anchor" if slant else "default",
    )
    ax.set_ylabel(rng.choice(["Accuracy (%)", "Score", "Pass@1 (%)"]))
    ax.set_ylim(0, 100)
    if rng.random() < 0.5:
        ax.yaxis.grid(True, color="#cccccc")
        ax.set_axisbelow(True)
    fig.tight_layout()
    return photographed(rng, figure_image(fig, rng.choice([100, 120, 140])))


DRAW = {
    "rp-seaborn-baseline": lambda rng, entry: _baseline_lines(rng, entry, seaborn=True),
    "rp-mpl-baseline": lambda rng, entry: _baseline_lines(rng, entry, seaborn=False),
    "rp-photo-columns": _photo_columns,
}
KINDS = {"rp-seaborn-baseline": "line", "rp-mpl-baseline": "line", "rp-photo-columns": "bar"}


def generate(out: Path, count: int, seed: int) -> dict[str, dict[str, Any]]:
    return draw_look(
        out,
        count,
        seed,
        "refphoto",
        lambda style, rng, entry: DRAW[style](rng, entry),
        list(DRAW),
        lambda style: {
            "kind": KINDS[style],
            "renderer": "mpl",
            "log_x": False,
            "labelled": False,
            "style": style,
            "series": {},
        },
        (lambda style: 1.0 if style == "rp-photo-columns" else 0.3, 60),
        lambda: None,
    )
