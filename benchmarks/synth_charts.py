"""Render varied charts with known data (matplotlib), for the chart-reading benchmark.

Each chart comes with its truth: kind, the series (name and points) and the y-axis range,
so that a reading can be scored as "within 2% of the axis range".
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

STYLES = ("default", "ggplot", "seaborn-v0_8", "dark_background", "bmh")
MODELS = ("LLaMA", "Mistral", "Qwen", "Gemma", "Falcon", "Phi", "Yi", "Baichuan")
BENCHMARKS = ("MMLU", "GSM8K", "HumanEval", "ARC", "HellaSwag", "BBH", "MATH")
MARKERS = ("o", "s", "^", "D")


@dataclass
class Truth:
    kind: str  # bar, line, scatter
    y_range: float
    series: dict[str, list[tuple[float | str, float]]] = field(default_factory=dict)
    log_x: bool = False
    horizontal: bool = False  # bars lying along the x axis


def render(seed: int) -> tuple[np.ndarray, Truth]:
    """One chart: an RGB array and its truth; the seed decides everything."""
    rng = random.Random(seed)
    kind = ("bar", "line", "scatter")[seed % 3]
    style = STYLES[rng.randrange(len(STYLES))]
    n_series = rng.randint(1, 4)
    names = rng.sample(MODELS, n_series)
    with plt.style.context(style):
        fig, ax = plt.subplots(figsize=(rng.uniform(5, 8), rng.uniform(3.5, 5)),
                               dpi=rng.choice((80, 100, 130)))
        truth = _bars(ax, rng, names) if kind == "bar" else _lines(ax, rng, names, kind)
        ax.set_ylabel("Accuracy (%)")
        outside = rng.random() < 0.3
        if outside:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
        else:
            ax.legend(loc="best")
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    if rng.random() < 0.3:
        jpeg = io.BytesIO()
        image.save(jpeg, format="JPEG", quality=rng.choice((70, 85, 95)))
        image = Image.open(io.BytesIO(jpeg.getvalue())).convert("RGB")
    return np.asarray(image), truth


def _bars(ax: plt.Axes, rng: random.Random, names: list[str]) -> Truth:
    groups = rng.sample(BENCHMARKS, rng.randint(2, 5))
    width = 0.8 / len(names)
    truth = Truth(kind="bar", y_range=0.0)
    labelled = rng.random() < 0.6
    horizontal = rng.random() < 0.25
    top = 0.0
    for index, name in enumerate(names):
        values = [round(rng.uniform(15, 90), 1) for _ in groups]
        top = max(top, *values)
        xs = np.arange(len(groups)) + (index - (len(names) - 1) / 2) * width
        bars = (ax.barh if horizontal else ax.bar)(xs, values, width, label=name)
        if labelled:
            ax.bar_label(bars, fmt="%.1f", fontsize=8)
        truth.series[name] = list(zip(groups, values, strict=True))
    if horizontal:
        truth.horizontal = True
        ax.set_yticks(np.arange(len(groups)), groups)
        ax.set_xlim(0, top * 1.15)
        truth.y_range = top * 1.15
        return truth
    ax.set_xticks(np.arange(len(groups)), groups, rotation=rng.choice((0, 0, 30)))
    ax.set_ylim(0, top * 1.15)
    truth.y_range = top * 1.15
    return truth


def _lines(ax: plt.Axes, rng: random.Random, names: list[str], kind: str) -> Truth:
    log_x = rng.random() < 0.4
    xs = [1, 3, 7, 13, 34, 70] if log_x else list(range(0, 60, rng.choice((10, 20))))
    truth = Truth(kind=kind, y_range=0.0, log_x=log_x)
    low, high = 100.0, 0.0
    for index, name in enumerate(names):
        start = rng.uniform(20, 60)
        ys = [round(start + rng.uniform(0, 8) * i, 2) for i in range(len(xs))]
        low, high = min(low, *ys), max(high, *ys)
        marker = MARKERS[index % len(MARKERS)] if kind == "scatter" or rng.random() < 0.5 else None
        if kind == "scatter":
            ax.scatter(xs, ys, label=name, marker=marker, s=30)
        else:
            ax.plot(xs, ys, label=name, marker=marker)
        truth.series[name] = list(zip(xs, ys, strict=True))
    if log_x:
        ax.set_xscale("log")
        if rng.random() < 0.5:  # else matplotlib's own tick text: 10⁰, 10¹, 2×10¹
            unit = "B" if rng.random() < 0.5 else ""  # sizes with their unit: "7B"
            ax.set_xticks(xs, [f"{x}{unit}" for x in xs])
            ax.minorticks_off()
    if rng.random() < 0.3:  # thick lines and markers
        for drawn in ax.get_lines():
            drawn.set_linewidth(3.5)
            drawn.set_markersize(9)
    ax.set_xlabel("Model size (billion parameters)" if log_x else "Training tokens (B)")
    y_low, y_high = ax.get_ylim()
    truth.y_range = y_high - y_low
    return truth
