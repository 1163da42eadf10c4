"""seaborn point plots over categories (``sns.pointplot``): for each category along x (model
sizes such as ``7B`` or names) a dot at the mean of a few runs with a vertical error bar
through it (a thin line, with or without caps), the dots of one series joined by lines;
one to three series by ``hue``, each with its own colour and marker, a legend; dodged or
not; dots large or as small as the line; seaborn's whitegrid, darkgrid, ticks and white
themes; some resized or JPEG
(``curves.finish``).

- ``point_sizes``: one to three series over model sizes (``1B 7B 13B 70B``);
- ``point_names``: one to three series over names (models, methods, prompting setups);
- ``point_single``: one series, no hue, over sizes or names;
- ``point_dodge``: two or three series, dodged, often with caps.

The truth's x is the category as printed, y the mean the dot stands at (not the error
bar's ends). A tuning look: its images were looked at.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.curves import Curves, drawn_in_turn, figure_image

STYLES = ("point_sizes", "point_names", "point_single", "point_dodge")
SIZES = (("1B", "7B", "13B", "70B"), ("125M", "350M", "1.3B", "2.7B", "6.7B"),
         ("7B", "13B", "34B", "70B"), ("0.5B", "1.5B", "3B", "7B", "14B", "32B"),
         ("2B", "9B", "27B"), ("8B", "70B", "405B"))
NAMES = (("Llama-3", "Qwen2", "Mistral", "Gemma"), ("Zero-shot", "Few-shot", "CoT", "ToT"),
         ("Base", "SFT", "DPO", "RLHF"), ("Greedy", "Beam", "Top-p", "Top-k", "Min-p"),
         ("GPT-2", "OPT", "Pythia", "BLOOM", "OLMo"), ("English", "German", "Hindi", "Swahili"))
HUES = ("Base", "Instruct", "Chat", "Ours", "Baseline", "LoRA", "Full FT", "Distilled",
        "MMLU", "GSM8K", "ARC-C", "HellaSwag")
THEMES = ("whitegrid", "darkgrid", "ticks", "white")
PALETTES = ("deep", "muted", "colorblind", "dark", "Set1", "tab10")
MARKERS = ("o", "s", "^", "D", "v", "X")
Y_TITLES = ("Accuracy (%)", "Score", "Pass@1", "Exact match (%)", "Win rate (%)")


def point_content(rng: random.Random, style: str) -> tuple[Curves, dict[str, list[list[float]]]]:
    """Categories, series and each point's runs (3 to 8 scores); a series' truth is the
    mean of its runs at each category, as seaborn places the dot."""
    sizes = style == "point_sizes" or (style != "point_names" and rng.random() < 0.5)
    xs = list(rng.choice(SIZES if sizes else NAMES))
    hues = 1 if style == "point_single" else (
        rng.randint(2, 3) if style == "point_dodge" else rng.randint(1, 3))
    curves = Curves(style=style, renderer="seaborn", xs=xs,
                    x_title=rng.choice(("Model size", "Parameters", "")) if sizes else "",
                    y_title=rng.choice(Y_TITLES))
    runs: dict[str, list[list[float]]] = {}
    low = rng.uniform(15, 50)
    for name in rng.sample(HUES, hues):
        start, gain = low + rng.uniform(-5, 10), rng.uniform(10, 40)
        spread = rng.uniform(0.8, 4.0)
        per_category = []
        for i in range(len(xs)):
            centre = start + gain * (i / max(len(xs) - 1, 1)) ** rng.uniform(0.6, 1.4)
            if not sizes:
                centre = start + rng.uniform(0, gain)
            per_category.append([round(min(99.0, max(1.0, rng.gauss(centre, spread))), 1)
                                 for _ in range(rng.randint(3, 8))])
        runs[name] = per_category
        curves.series[name] = [round(sum(r) / len(r), 2) for r in per_category]
    return curves, runs


def point_image(curves: Curves, runs: dict[str, list[list[float]]], rng: random.Random
                ) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import seaborn as sns

    rows: dict[str, list[Any]] = {"x": [], "y": [], "series": []}
    for name, per_category in runs.items():
        for x, values in zip(curves.xs, per_category, strict=True):
            for value in values:
                rows["x"].append(x)
                rows["y"].append(value)
                rows["series"].append(name)
    dpi = rng.choice((72, 100, 120, 150))
    hued = len(runs) > 1
    dodge = hued and (curves.style == "point_dodge" or rng.random() < 0.4)
    capsize = rng.choice((0.0, 0.0, 0.05, 0.1, 0.2)) if curves.style != "point_dodge" \
        else rng.choice((0.0, 0.1, 0.15))
    options: dict[str, Any] = {
        "errorbar": rng.choice((("ci", 95), "sd", "se", ("pi", 50))),
        "capsize": capsize, "seed": 0,
        "err_kws": {"linewidth": rng.choice((1.0, 1.5, 2.0))},
    }
    if rng.random() < 0.4:  # small dots, as wide as the line or little more
        options["markersize"] = rng.choice((2.0, 3.0, 4.0))
    if hued:
        options.update(hue="series", dodge=rng.choice((0.2, 0.3, 0.4)) if dodge else False,
                       palette=rng.choice(PALETTES),
                       markers=rng.sample(MARKERS, len(runs)) if rng.random() < 0.7 else "o",
                       linestyles=rng.choice(("-", "-", ["-", "--", ":"][: len(runs)])))
    else:
        options["color"] = rng.choice(("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#222222"))
        options["markers"] = rng.choice(MARKERS)
    with sns.axes_style(rng.choice(THEMES)), sns.plotting_context(
            rng.choice(("notebook", "paper", "talk"))):
        figure, ax = plt.subplots(figsize=(rng.uniform(5.0, 8.5), rng.uniform(3.4, 5.0)),
                                  dpi=dpi)
        sns.pointplot(data=rows, x="x", y="y", ax=ax, **options)
        ax.set_xlabel(curves.x_title)
        ax.set_ylabel(curves.y_title)
        if hued:
            ax.legend(title=None, loc=rng.choice(("best", "upper left", "lower right")))
        if rng.random() < 0.3:
            sns.despine(ax=ax)
        return figure_image(figure, dpi)


def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    curves, runs = point_content(rng, style)
    return point_image(curves, runs, rng), curves


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)
