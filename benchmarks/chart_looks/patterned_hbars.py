"""Two kinds of grouped lying bars a clean test set read nothing of, drawn here by their own
renderers so that a fix is made for the kind, never for one picture:

- ``ph-mpl-hatched``: matplotlib ``barh``, two or three series per model, each told apart
  by its hatch alone (``//``, ``\\\\``, ``xx``, ``..``, ``oo``, ``++``, ``x``, ``/`` ...)
  on one fill (white most often, else a light grey or a pale colour) with a dark outline;
  model names as y tick labels, a numeric x axis with dotted vertical gridlines, the legend
  under the plot, frameless (its swatches show the patterns); fonts, sizes, resolutions,
  hatch densities and line widths vary;
- ``ph-svg-rounded``: an SVG/web chart shot in Chromium, about 580x300 px: a bold title
  top left, a legend at the top with small square swatches, two series in flat saturated
  colours, bars with fully rounded ends, the model names right-aligned in grey left of
  each pair, a light vertical grid with x tick numbers 0..100 under it and no axis lines.

``generate(out, count, seed) -> truth`` in ``benchmarks/charts.py``'s format. A tuning
look: tune on one seed, only score another.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.bound_bars import figure_image
from chart_looks.broken_bars import Drawn
from chart_looks.curves import Curves, drawn_in_turn

MODELS = ["GPT-4o", "Claude 3.5 Sonnet", "Gemini 1.5 Pro", "Llama 3.1 70B", "Qwen2.5 72B",
          "Mistral Large", "DeepSeek V2.5", "Gemma 2 27B", "Phi-3.5 MoE", "Yi-Large",
          "Command R+", "Grok-2", "Nemotron 70B", "OLMo 2 13B", "Ours-8B"]
BENCHMARKS = ["MMLU", "GSM8K", "HumanEval", "MATH", "GPQA", "ARC-C", "HellaSwag", "MBPP",
              "BBH", "IFEval", "MMLU-Pro", "TruthfulQA", "Ours (SFT)", "Baseline"]
SANS = ["DejaVu Sans", "Liberation Sans", "Roboto", "Open Sans"]
SERIF = ["DejaVu Serif", "Liberation Serif"]
HATCHES = ["//", "\\\\", "xx", "..", "oo", "++", "x", "/", "\\", "o", "...", "///"]
FILLS = ["white", "white", "white", "#e8e8e8", "#d0d0d0", "#dbe9f6", "#fde0c5"]
WEB_FONTS = ["DejaVu Sans", "Liberation Sans", "Roboto", "Open Sans", "Noto Sans"]
WEB_PAIRS = [("#f97316", "#14b8a6"), ("#f59e0b", "#0ea5e9"), ("#ef4444", "#3b82f6"),
             ("#8b5cf6", "#10b981"), ("#ec4899", "#06b6d4"), ("#ea580c", "#0d9488")]
GREYS = ["#6b7280", "#64748b", "#71717a", "#737373", "#9ca3af"]


def _grouped_content(rng: random.Random, entry: dict[str, Any], series: int
                     ) -> tuple[list[str], list[str], dict[str, list[float]]]:
    """Models (categories), series names and each series' scores, written into the truth."""
    categories = rng.sample(MODELS, rng.randint(3, 6))
    names = rng.sample(BENCHMARKS, series)
    values = {n: [round(rng.uniform(12, 95), 1) for _ in categories] for n in names}
    for name in names:
        entry["series"][name] = [[c, v] for c, v in zip(categories, values[name], strict=True)]
    return categories, names, values


# ---------------------------------------------------------------- hatched, matplotlib

def _hatched(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt
    import numpy as np

    categories, names, values = _grouped_content(rng, entry, rng.choice([2, 2, 3]))
    hatches = rng.sample(HATCHES, len(names))
    fill = rng.choice(FILLS)
    edge = rng.choice(["black", "black", "#333333", "#555555"])
    size = rng.choice([8, 9, 10, 11])
    rc = {"font.family": rng.choice(SANS + SERIF), "font.size": size,
          "hatch.linewidth": rng.choice([0.6, 0.8, 1.0, 1.4]), "hatch.color": edge}
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8.0),
                                        rng.uniform(0.32, 0.45) * len(categories) * len(names)
                                        + 1.6))
        slots = np.arange(len(categories))
        thickness = rng.choice([0.7, 0.8, 0.85]) / len(names)
        for n, name in enumerate(names):
            ax.barh(slots - 0.5 * thickness * (len(names) - 1) + n * thickness, values[name],
                    thickness, color=fill, edgecolor=edge, hatch=hatches[n], label=name,
                    linewidth=rng.choice([0.6, 0.8, 1.0]))
        ax.set_yticks(slots, categories)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.xaxis.grid(True, linestyle=rng.choice([":", ":", "--"]), color="#999999",
                      linewidth=0.7)
        ax.set_axisbelow(True)
        if rng.random() < 0.5:
            ax.set_xlabel(rng.choice(["Accuracy (%)", "Score", "Pass@1 (%)"]))
        if rng.random() < 0.5:
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, rng.choice([-0.12, -0.16, -0.2])),
                  ncol=len(names), frameon=False, handlelength=rng.choice([1.6, 2.0, 2.4]),
                  handleheight=rng.choice([0.8, 1.0, 1.2]))
        fig.tight_layout()
        return figure_image(fig, rng.choice([90, 100, 120, 150]))


# ---------------------------------------------------------------- rounded, SVG in Chromium

def _rounded_page(rng: random.Random, entry: dict[str, Any]) -> str:
    categories, names, values = _grouped_content(rng, entry, 2)
    colours = rng.choice(WEB_PAIRS)
    font = rng.choice(WEB_FONTS)
    grey = rng.choice(GREYS)
    width, height = rng.randint(540, 620), rng.randint(280, 330)
    left = rng.randint(115, 140)
    right, top, bottom = width - rng.randint(16, 30), rng.randint(56, 66), height - 28
    pitch = (bottom - top) / len(categories)
    bar = min(rng.choice([8.0, 10.0, 12.0]), pitch / 2.8)
    gap = rng.choice([1.0, 2.0, 3.0])
    size = rng.choice([11, 11, 12])
    title = rng.choice(["Benchmark scores", "Model comparison", "Results by model",
                        "Accuracy on reasoning tasks"])
    parts = [f"<rect width='{width}' height='{height}' fill='#ffffff'/>",
             f"<text x='16' y='24' font-size='{rng.choice([14, 15, 16])}' font-weight='bold'"
             f" fill='#111827'>{title}</text>"]
    x = 16.0
    for name, colour in zip(names, colours, strict=True):
        parts.append(f"<rect x='{x:.1f}' y='36' width='10' height='10' rx='2'"
                     f" fill='{colour}'/>")
        parts.append(f"<text x='{x + 14:.1f}' y='45' font-size='{size}'"
                     f" fill='#374151'>{name}</text>")
        x += 14 + len(name) * size * 0.62 + 16
    for tick in range(0, 101, 20):
        tx = left + (right - left) * tick / 100
        parts.append(f"<line x1='{tx:.1f}' y1='{top}' x2='{tx:.1f}' y2='{bottom}'"
                     f" stroke='{rng.choice(['#e5e7eb', '#eeeeee', '#e2e8f0'])}'/>")
        parts.append(f"<text x='{tx:.1f}' y='{bottom + 16}' font-size='{size}' fill='{grey}'"
                     f" text-anchor='middle'>{tick}</text>")
    for c, category in enumerate(categories):
        middle = top + pitch * (c + 0.5)
        parts.append(f"<text x='{left - 8}' y='{middle + size * 0.35:.1f}' font-size='{size}'"
                     f" fill='{grey}' text-anchor='end'>{category}</text>")
        for n, (name, colour) in enumerate(zip(names, colours, strict=True)):
            y = middle - bar - gap / 2 + n * (bar + gap)
            length = max(bar, (right - left) * values[name][c] / 100)
            parts.append(f"<rect x='{left}' y='{y:.1f}' width='{length:.1f}' height='{bar}'"
                         f" rx='{bar / 2}' fill='{colour}'/>")
    return _page(width, height, font, parts)


def _page(width: int, height: int, font: str, parts: list[str]) -> str:
    """The SVG's parts as a page whose element ``#shot`` the browser shoots."""
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}'"
           f" font-family='{font}'>{''.join(parts)}</svg>")
    return ("<html><body style='margin:0'><div id='shot' style='display:inline-block'>"
            f"{svg}</div></body></html>")


STYLES = ("ph-mpl-hatched", "ph-svg-rounded")


def _draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    import matplotlib

    matplotlib.use("Agg")
    entry: dict[str, Any] = {"kind": "hbar", "renderer": "mpl", "log_x": False,
                             "labelled": False, "style": style, "series": {}}
    if style == "ph-svg-rounded":
        entry["renderer"] = "svg"
        image = browser.shoot(_rounded_page(rng, entry), rng.choice([1.0, 1.0, 1.5, 2.0]))
    else:
        image = _hatched(rng, entry)
    drawn = Drawn(style=style, renderer=entry["renderer"], xs=[])
    drawn.entry = entry
    return image, drawn


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts (the two kinds in turn) under ``out``, each finished as a reader
    receives it (resized, some JPEG); their truth by file. The SVG kind needs Chromium
    (``benchmarks/browser.py``)."""
    return drawn_in_turn(Path(out), count, seed, STYLES, _draw)
