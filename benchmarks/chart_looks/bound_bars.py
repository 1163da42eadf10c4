"""Bar charts whose every bar must be bound to its category, its series and its value
(issue 11, bars6), three kinds drawn with matplotlib by hand:

- ``bb-dark-grouped-hbar``: grouped lying bars on a dark page, 2 or 3 series named by a
  legend (inside the plot or beside it), the category left of each group; about half the
  bars print their value, inside the bar near its end or just past it, the others are
  measured on the value axis;
- ``bb-paper-columns``: paper-style grouped columns in a serif font, each series hatched
  (``//``, ``..``, ``xx`` ...) with a dark edge, error bars with caps over every column, a
  framed legend; no printed values (a value is the column's top, not the cap);
- ``bb-ggplot-hbar``: one series of lying bars in matplotlib's ggplot sheet (grey panel,
  white grid), sorted or not, every value printed just past the bar's end.

Sizes, fonts, colours, value formats and legend places vary per chart; some are JPEG.
``generate(out, count, seed) -> truth`` in ``benchmarks/charts.py``'s format. A tuning
look: tune on one seed, only score another.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

from PIL import Image

MODELS = ["GPT-4o", "Claude 3.5 Sonnet", "Gemini 1.5 Pro", "Llama 3.1 70B", "Qwen2.5 72B",
          "Mistral Large", "DeepSeek V2.5", "Gemma 2 27B", "Phi-3.5 MoE", "Yi-Large",
          "Command R+", "Grok-2", "Nemotron 70B", "Jamba 1.5", "OLMo 2 13B", "Ours-8B"]
BENCHMARKS = ["MMLU", "GSM8K", "HumanEval", "MATH", "GPQA", "ARC-C", "HellaSwag", "MBPP",
              "BBH", "IFEval", "MMLU-Pro", "TruthfulQA", "WinoGrande", "DROP"]
SANS = ["DejaVu Sans", "Liberation Sans", "Roboto", "Open Sans"]
SERIF = ["DejaVu Serif", "Liberation Serif", "FreeSerif"]
DARK_PAGES = ["#121212", "#1e1e2e", "#0d1117", "#202124", "#2b2b2b"]
DARK_COLOURS = ["#4cc9f0", "#f72585", "#b5e48c", "#ffb703", "#9b5de5", "#00f5d4", "#fb8500"]
PAPER_FILLS = [["#ffffff", "#bdbdbd", "#636363"], ["#a6cee3", "#1f78b4", "#b2df8a", "#33a02c"],
               ["#fdd49e", "#fc8d59", "#d7301f"], ["#d9d9d9", "#969696", "#525252", "#f0f0f0"]]
HATCHES = ["//", "..", "xx", "\\\\", "--", "oo", "++"]


def scores(rng: random.Random, count: int) -> list[float]:
    return [round(rng.uniform(15, 92), 1) for _ in range(count)]


def one_series(rng: random.Random, entry: dict[str, Any], least: int, most: int,
               models_share: float) -> tuple[list[str], list[float]]:
    """One series of ``least`` to ``most`` models (``models_share`` of the time) or
    benchmarks with values from 20 to 92, named by one of the other kind, put in ``entry``'s
    truth; the chart is labelled half the time."""
    categories = rng.sample(MODELS if rng.random() < models_share else BENCHMARKS,
                            rng.randint(least, most))
    values = [round(rng.uniform(20, 92), 1) for _ in categories]
    name = rng.choice(BENCHMARKS if categories[0] in MODELS else MODELS)
    entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
    entry["labelled"] = rng.random() < 0.5
    return categories, values


def score_text(value: float, percent: bool) -> str:
    return f"{value:.1f}%" if percent else f"{value:.1f}"


def figure_image(fig: Any, dpi: int) -> Image.Image:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor=fig.get_facecolor())
    plt.close(fig)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def _dark_grouped_hbar(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt
    import numpy as np

    page, ink = rng.choice(DARK_PAGES), rng.choice(["#e6e6e6", "#cfd8dc", "#ffffff"])
    categories = rng.sample(MODELS if rng.random() < 0.5 else BENCHMARKS, rng.randint(3, 6))
    names = rng.sample(BENCHMARKS if categories[0] in MODELS else MODELS, rng.randint(2, 3))
    colours = rng.sample(DARK_COLOURS, len(names))
    percent, inside = rng.random() < 0.4, rng.random() < 0.5
    rc = {"font.family": rng.choice(SANS), "font.size": rng.choice([9, 10, 11]),
          "text.color": ink, "axes.labelcolor": ink, "xtick.color": ink, "ytick.color": ink,
          "axes.edgecolor": "#555555", "axes.facecolor": page, "figure.facecolor": page}
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(rng.uniform(6, 9), rng.uniform(3.8, 6)))
        slots = np.arange(len(categories))[::-1].astype(float)
        step = 0.8 / len(names)
        for i, (name, colour) in enumerate(zip(names, colours, strict=True)):
            values = scores(rng, len(categories))
            entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
            offsets = slots + ((len(names) - 1) / 2 - i) * step
            bars = ax.barh(offsets, values, step * rng.choice([0.85, 1.0]), color=colour,
                           label=name)
            for bar, value in zip(bars, values, strict=True):
                if rng.random() < 0.5:
                    continue
                y = bar.get_y() + bar.get_height() / 2
                if inside:
                    ax.text(value - 1, y, score_text(value, percent), ha="right", va="center",
                            color="#111111", fontsize=rc["font.size"] - 1)
                else:
                    ax.text(value + 1, y, score_text(value, percent), ha="left", va="center",
                            color=ink, fontsize=rc["font.size"] - 1)
        ax.set_yticks(slots, categories)
        ax.set_xlim(0, 100)
        ax.set_xlabel(rng.choice(["Accuracy (%)", "Score", "Pass@1 (%)"]))
        ax.grid(axis="x", color="#444444", linewidth=0.6, alpha=rng.choice([0.0, 1.0]))
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if rng.random() < 0.5:  # beside the plot: inside it would hide bars' ends
            ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), facecolor=page,
                      edgecolor="#666666", labelcolor=ink)
        else:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=len(names),
                      frameon=False, labelcolor=ink)
        fig.tight_layout()
        return figure_image(fig, rng.choice([100, 120, 150]))


def _paper_columns(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt
    import numpy as np

    categories = rng.sample(BENCHMARKS, rng.randint(3, 5))
    names = rng.sample(MODELS, rng.randint(2, 4))
    fills = rng.choice([f for f in PAPER_FILLS if len(f) >= len(names)])
    hatches = rng.sample(HATCHES, len(names))
    rc = {"font.family": "serif", "font.serif": [rng.choice(SERIF)],
          "font.size": rng.choice([9, 10, 11, 12]), "hatch.linewidth": rng.choice([0.6, 1.0]),
          "axes.spines.top": rng.random() < 0.5, "axes.spines.right": rng.random() < 0.5}
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(rng.uniform(5, 8), rng.uniform(3.2, 4.6)))
        slots = np.arange(len(categories)).astype(float)
        step = 0.8 / len(names)
        top = 0.0
        for i, name in enumerate(names):
            values = scores(rng, len(categories))
            errors = [rng.uniform(1.0, 5.0) for _ in values]
            top = max(top, *(v + e for v, e in zip(values, errors, strict=True)))
            entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
            ax.bar(slots + (i - (len(names) - 1) / 2) * step, values, step, label=name,
                   color=fills[i], hatch=hatches[i], edgecolor=rng.choice(["black", "#333333"]),
                   linewidth=0.8, yerr=errors, capsize=rng.choice([2, 3, 4]),
                   error_kw={"elinewidth": 0.9, "ecolor": "black"})
        ax.set_xticks(slots, categories)
        ax.set_ylim(0, min(100.0, top * 1.15) if top < 95 else top * 1.05)
        ax.set_ylabel(rng.choice(["Accuracy (%)", "Score", "Exact match"]))
        if rng.random() < 0.5:
            ax.yaxis.grid(True, linestyle=":", color="#999999")
            ax.set_axisbelow(True)
        # framed, above the plot or beside it (inside it, it would hide the tallest columns)
        if rng.random() < 0.5:
            ax.legend(frameon=True, edgecolor="black", fancybox=False, loc="lower center",
                      bbox_to_anchor=(0.5, 1.02), ncol=len(names))
        else:
            ax.legend(frameon=True, edgecolor="black", fancybox=False, loc="upper left",
                      bbox_to_anchor=(1.02, 1.0))
        fig.tight_layout()
        return figure_image(fig, rng.choice([100, 130, 160]))


def _ggplot_hbar(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt
    import numpy as np

    categories = rng.sample(MODELS, rng.randint(4, 10))
    values = scores(rng, len(categories))
    if rng.random() < 0.6:
        order = sorted(range(len(values)), key=values.__getitem__)
        categories, values = [categories[i] for i in order], [values[i] for i in order]
    percent = rng.random() < 0.4
    name = rng.choice(BENCHMARKS)
    entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
    with plt.style.context("ggplot"), plt.rc_context({"font.family": rng.choice(SANS)}):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8.5), rng.uniform(3.2, 5.5)))
        slots = np.arange(len(categories)).astype(float)
        colour = rng.choice(["#E24A33", "#348ABD", "#988ED5", "#777777", "#FBC15E", "#8EBA42"])
        ax.barh(slots, values, rng.choice([0.6, 0.7, 0.8]), color=colour)
        size = rng.choice([8, 9, 10])
        for slot, value in zip(slots, values, strict=True):
            ax.text(value + 0.8, slot, score_text(value, percent), va="center", ha="left",
                    fontsize=size, color="#333333")
        ax.set_yticks(slots, categories)
        ax.set_xlim(0, max(values) * rng.uniform(1.1, 1.25))
        ax.set_xlabel(f"{name} ({rng.choice(['%', 'accuracy', 'score'])})")
        if rng.random() < 0.5:
            ax.set_title(rng.choice(["Benchmark results", f"{name} by model"]))
        fig.tight_layout()
        return figure_image(fig, rng.choice([90, 110, 140]))


DRAW = {"bb-dark-grouped-hbar": _dark_grouped_hbar, "bb-paper-columns": _paper_columns,
        "bb-ggplot-hbar": _ggplot_hbar}


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts (the three kinds in turn) under ``out``; their truth by file."""
    import matplotlib

    matplotlib.use("Agg")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    for index in range(count):
        rng = random.Random(seed * 1000 + index)
        style = list(DRAW)[index % len(DRAW)]
        kind = "hbar" if style.endswith("hbar") else "bar"
        entry: dict[str, Any] = {"kind": kind, "renderer": "mpl", "log_x": False,
                                 "labelled": style != "bb-paper-columns", "style": style,
                                 "series": {}}
        image = DRAW[style](rng, entry)
        jpeg = rng.random() < 0.2  # some are passed around as JPEG
        name = f"bound_{seed}_{index:03d}.{'jpg' if jpeg else 'png'}"
        image.save(out / name, **({"quality": rng.randint(75, 92)} if jpeg else {}))
        truth[name] = entry
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
