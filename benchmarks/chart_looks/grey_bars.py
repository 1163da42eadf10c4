"""Bars in neutral colours (issue 11, greybars): bars whose fill is a grey, black, or white
on a dark page, which gridlines, axes, frames and text share.

One kind per chart in turn (its ``style`` in the benchmark):

- ``gb-grayscale-hbar``: matplotlib's ``grayscale`` sheet, lying bars, each value printed
  past the bar's end;
- ``gb-classic-columns``: the ``classic`` sheet (a frame round the plot, inward ticks),
  upright bars in a grey or black, labelled or not;
- ``gb-bmh-hbar``: ``bmh`` (grey panel, white grid) with ``color='0.3'``-like greys, lying
  bars, labelled or not;
- ``gb-grouped-greys``: grouped columns, each series a grey, a legend of greys (inside the
  plot's top or beside it), gridlines or not;
- ``gb-paper-bw``: a black-and-white paper figure: serif, black and light grey (or white
  with a black edge) grouped columns, a framed legend, no grid;
- ``gb-dark-light``: ``dark_background``, light-grey or white bars (upright or lying),
  labelled;
- ``gb-highlight``: one series of columns in one grey, one of them ("ours" or a baseline)
  in another shade or a colour, labelled or not;
- ``gb-css-greys``: a CSS bar chart in greys shot in Chromium (``benchmarks/browser.py``):
  a y axis of ticks with light gridlines, upright bars in a grey, the value above each or
  not.

Sizes, fonts, dpi and value formats vary; about a quarter are JPEG.
``generate(out, count, seed) -> truth`` in ``benchmarks/charts.py``'s format. A tuning
look: tune on one seed, only score another.
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.bound_bars import (
    BENCHMARKS,
    MODELS,
    SANS,
    SERIF,
    figure_image,
    score_text,
    scores,
)
from chart_looks.common import save_shot

GREYS = ["0.15", "0.3", "0.4", "0.5", "0.6", "#444444", "#777777", "black", "dimgray"]
GREY_SETS = [["0.2", "0.5", "0.8"], ["black", "0.45", "0.75"], ["0.3", "0.65"],
             ["#252525", "#636363", "#969696", "#cccccc"], ["0.1", "0.7"]]
HIGHLIGHTS = ["#d62728", "#1f77b4", "#2ca02c", "black", "0.15", "#ff7f0e"]


def _one_series(rng: random.Random, entry: dict[str, Any], count: tuple[int, int]
                ) -> tuple[list[str], list[float]]:
    categories = rng.sample(MODELS if rng.random() < 0.6 else BENCHMARKS, rng.randint(*count))
    values = scores(rng, len(categories))
    name = rng.choice(BENCHMARKS if categories[0] in MODELS else MODELS)
    entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
    return categories, values


def _lying(rng: random.Random, ax: Any, categories: list[str], values: list[float],
           colour: Any, labelled: bool, ink: str) -> None:
    """Lying bars, the first on top, each value printed just past its end where labelled."""
    import numpy as np

    slots = np.arange(len(categories))[::-1].astype(float)
    bars = ax.barh(slots, values, rng.choice([0.55, 0.7, 0.8]), color=colour)
    if labelled:
        percent = rng.random() < 0.3
        ax.bar_label(bars, labels=[score_text(v, percent) for v in values], padding=3,
                     fontsize=rng.choice([8, 9, 10]), color=ink)
    ax.set_yticks(slots, categories)
    ax.set_xlim(0, min(100.0, max(values) * rng.uniform(1.12, 1.25)))


def _upright(rng: random.Random, ax: Any, categories: list[str], values: list[float],
             colour: Any, labelled: bool, ink: str) -> None:
    import numpy as np

    slots = np.arange(len(categories)).astype(float)
    bars = ax.bar(slots, values, rng.choice([0.5, 0.6, 0.8]), color=colour)
    if labelled:
        percent = rng.random() < 0.3
        ax.bar_label(bars, labels=[score_text(v, percent) for v in values], padding=2,
                     fontsize=rng.choice([8, 9, 10]), color=ink)
    long = max(len(c) for c in categories) > 8 and len(categories) > 4
    ax.set_xticks(slots, categories, rotation=30 if long else 0, ha="right" if long else "center")
    ax.set_ylim(0, min(100.0, max(values) * rng.uniform(1.1, 1.2)))


def _grayscale_hbar(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt

    categories, values = _one_series(rng, entry, (4, 9))
    if rng.random() < 0.6:
        order = sorted(range(len(values)), key=values.__getitem__, reverse=True)
        categories, values = [categories[i] for i in order], [values[i] for i in order]
        entry["series"] = {k: [[c, v] for c, v in zip(categories, values, strict=True)]
                           for k in entry["series"]}
    with plt.style.context("grayscale"), plt.rc_context({"font.family": rng.choice(SANS)}):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8.5), rng.uniform(3.2, 5.5)))
        _lying(rng, ax, categories, values, rng.choice([None, "0.5", "0.35"]), True, "black")
        ax.set_xlabel(rng.choice(["Accuracy (%)", "Score", "Pass@1 (%)"]))
        if rng.random() < 0.5:
            ax.set_title(rng.choice(["Benchmark results", "Model comparison"]))
        if rng.random() < 0.5:
            ax.grid(axis="x", alpha=rng.choice([0.3, 0.6]))
            ax.set_axisbelow(True)
        fig.tight_layout()
        return figure_image(fig, rng.choice([90, 110, 140]))


# matplotlib sheet: lying bars or not, the figure's width and height ranges (inches), the
# value axis's titles, the dpi
SHEET_BARS = {
    "classic": (False, (5.0, 8.0), (3.5, 5.0), ["Accuracy (%)", "Score", "Exact match"],
                [80, 100, 130]),
    "bmh": (True, (5.5, 8.5), (3.2, 5.0), ["Accuracy (%)", "Score", "Win rate (%)"],
            [90, 110, 140]),
}


def _sheet_bars(rng: random.Random, entry: dict[str, Any], sheet: str) -> Image.Image:
    """One series in a grey or black, in matplotlib's sheet ``sheet``, labelled or not."""
    import matplotlib.pyplot as plt

    lying, width, height, titles, dpis = SHEET_BARS[sheet]
    categories, values = _one_series(rng, entry, (4, 8) if lying else (3, 7))
    entry["labelled"] = rng.random() < 0.5
    with plt.style.context(sheet), plt.rc_context({"font.family": rng.choice(SANS)}):
        fig, ax = plt.subplots(figsize=(rng.uniform(*width), rng.uniform(*height)))
        draw, ink = (_lying, "#333333") if lying else (_upright, "black")
        draw(rng, ax, categories, values, rng.choice(GREYS), entry["labelled"], ink)
        (ax.set_xlabel if lying else ax.set_ylabel)(rng.choice(titles))
        fig.tight_layout()
        return figure_image(fig, rng.choice(dpis))


def _grouped(rng: random.Random, entry: dict[str, Any], paper: bool) -> Image.Image:
    import matplotlib.pyplot as plt
    import numpy as np

    categories = rng.sample(BENCHMARKS, rng.randint(3, 5))
    names = rng.sample(MODELS, rng.randint(2, 3))
    if paper:
        fills = rng.choice([["black", "0.75"], ["black", "white"], ["0.2", "0.6", "white"],
                            ["black", "0.5", "0.85"]])[: len(names)]
        names = names[: len(fills)]
        rc = {"font.family": "serif", "font.serif": [rng.choice(SERIF)],
              "font.size": rng.choice([9, 10, 11]), "axes.spines.top": False,
              "axes.spines.right": False}
        style = "default"
    else:
        fills = [g for g in rng.choice([s for s in GREY_SETS if len(s) >= len(names)])]
        fills = fills[: len(names)]
        rc = {"font.family": rng.choice(SANS), "font.size": rng.choice([9, 10, 11])}
        style = rng.choice(["default", "grayscale", "seaborn-v0_8-whitegrid"])
    with plt.style.context(style), plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8.5), rng.uniform(3.4, 4.8)))
        slots = np.arange(len(categories)).astype(float)
        step = 0.8 / len(names)
        top = 0.0
        for i, (name, fill) in enumerate(zip(names, fills, strict=True)):
            values = scores(rng, len(categories))
            top = max(top, *values)
            entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
            ax.bar(slots + (i - (len(names) - 1) / 2) * step, values, step, label=name,
                   color=fill, edgecolor="black" if fill == "white" or paper else None,
                   linewidth=0.8 if paper else 0)
        ax.set_xticks(slots, categories)
        ax.set_ylim(0, min(100.0, top * 1.2))
        ax.set_ylabel(rng.choice(["Accuracy (%)", "Score", "Exact match"]))
        if not paper and rng.random() < 0.5:
            ax.yaxis.grid(True, color="0.85")
            ax.set_axisbelow(True)
        if rng.random() < 0.5:
            ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.01), ncol=len(names),
                      frameon=paper, edgecolor="black", fancybox=False)
        else:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=paper,
                      edgecolor="black", fancybox=False)
        fig.tight_layout()
        return figure_image(fig, rng.choice([90, 110, 140]))


def _dark_light(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt

    lying = rng.random() < 0.5
    entry["kind"] = "hbar" if lying else "bar"
    categories, values = _one_series(rng, entry, (4, 8) if lying else (3, 6))
    colour = rng.choice(["white", "0.85", "0.7", "#d9d9d9", "0.6"])
    with plt.style.context("dark_background"), \
            plt.rc_context({"font.family": rng.choice(SANS)}):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8.5), rng.uniform(3.2, 5.0)))
        draw = _lying if lying else _upright
        draw(rng, ax, categories, values, colour, True, "white")
        if rng.random() < 0.5:
            ax.grid(axis="x" if lying else "y", color="0.35", linewidth=0.6)
            ax.set_axisbelow(True)
        (ax.set_xlabel if lying else ax.set_ylabel)(rng.choice(["Score", "Accuracy (%)"]))
        fig.tight_layout()
        return figure_image(fig, rng.choice([90, 110, 140]))


def _highlight(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt

    categories, values = _one_series(rng, entry, (4, 8))
    entry["labelled"] = rng.random() < 0.6
    base = rng.choice(["0.55", "0.7", "#888888", "0.4"])
    special = rng.choice(HIGHLIGHTS)
    colours = [base] * len(categories)
    colours[rng.randrange(len(categories))] = special
    with plt.rc_context({"font.family": rng.choice(SANS)}):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8.5), rng.uniform(3.4, 4.8)))
        _upright(rng, ax, categories, values, colours, entry["labelled"], "black")
        ax.set_ylabel(rng.choice(["Accuracy (%)", "Score", "Pass@1 (%)"]))
        return open_columns(rng, fig, ax, [90, 110, 140])


def open_columns(rng: random.Random, fig: Any, ax: Any, dpis: list[int]) -> Image.Image:
    """A column chart without its top and right spines, half the time light gridlines
    across, drawn at one of ``dpis``."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if rng.random() < 0.5:
        ax.yaxis.grid(True, color="0.9")
        ax.set_axisbelow(True)
    fig.tight_layout()
    return figure_image(fig, rng.choice(dpis))


def css_page(rng: random.Random, entry: dict[str, Any]) -> str:
    """An upright bar chart drawn with CSS: a y axis of ticks, light gridlines, grey
    columns and, where labelled, each value over its column."""
    categories, values = _one_series(rng, entry, (3, 7))
    entry["labelled"] = rng.random() < 0.6
    top, step = 100, rng.choice([20, 25])
    height = rng.choice([240, 300, 360])
    bar = rng.choice(["#6b7280", "#4b5563", "#9ca3af", "#374151", "#111827", "#a3a3a3"])
    grid = rng.choice(["#e5e7eb", "#eeeeee", "#d4d4d4"])
    font = rng.choice(["Inter, Roboto, sans-serif", "'DejaVu Sans', sans-serif",
                       "'Liberation Sans', Arial, sans-serif", "Roboto, sans-serif"])
    size = rng.choice([12, 13, 14])
    column = rng.choice([44, 56, 72])
    gap = rng.choice([18, 28, 40])
    ticks = "".join(
        f"<div style='position:absolute;left:0;right:0;bottom:{v / top * height:.1f}px;"
        f"border-top:1px solid {grid if v else '#6b7280'}'><span style='position:absolute;"
        f"right:100%;margin-right:8px;transform:translateY(-50%);color:#6b7280'>{v}</span>"
        f"</div>" for v in range(0, top + 1, step))
    bars = "".join(
        f"<div style='position:absolute;bottom:0;left:{gap + i * (column + gap)}px;"
        f"width:{column}px;height:{v / top * height:.1f}px;background:{bar}'>"
        + (f"<span style='position:absolute;bottom:100%;left:0;right:0;text-align:center;"
           f"margin-bottom:4px;color:#111827'>{v:.1f}</span>" if entry["labelled"] else "")
        + "</div>" for i, v in enumerate(values))
    names = "".join(
        f"<span style='position:absolute;top:6px;left:{gap + i * (column + gap) - 20}px;"
        f"width:{column + 40}px;text-align:center;font-size:{size - 1}px'>{html.escape(c)}"
        f"</span>" for i, c in enumerate(categories))
    width = gap + len(values) * (column + gap)
    title = html.escape(next(iter(entry["series"])))
    return (f"<html><body style='margin:0;background:#ffffff'><div id='shot' "
            f"style='display:inline-block;padding:24px 28px 44px 64px;background:#ffffff;"
            f"font-family:{font};font-size:{size}px;color:#111827'>"
            f"<div style='font-weight:700;margin:0 0 18px -36px'>{title}</div>"
            f"<div style='position:relative;width:{width}px;height:{height}px'>{ticks}{bars}"
            f"<div style='position:absolute;top:100%;left:0;right:0'>{names}</div></div>"
            f"</div></body></html>")


DRAW = {"gb-grayscale-hbar": _grayscale_hbar,
        "gb-classic-columns": lambda rng, entry: _sheet_bars(rng, entry, "classic"),
        "gb-bmh-hbar": lambda rng, entry: _sheet_bars(rng, entry, "bmh"),
        "gb-grouped-greys": lambda rng, entry: _grouped(rng, entry, paper=False),
        "gb-paper-bw": lambda rng, entry: _grouped(rng, entry, paper=True),
        "gb-dark-light": _dark_light, "gb-highlight": _highlight, "gb-css-greys": None}


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts (the kinds in turn) under ``out``; their truth by file."""
    import matplotlib
    from browser import Browser

    matplotlib.use("Agg")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    browser: Browser | None = None
    try:
        for index in range(count):
            rng = random.Random(seed * 1000 + index)
            style = list(DRAW)[index % len(DRAW)]
            entry: dict[str, Any] = {
                "kind": "hbar" if style.endswith("hbar") else "bar", "renderer": "mpl",
                "log_x": False, "labelled": style not in ("gb-grouped-greys", "gb-paper-bw"),
                "style": style, "series": {}}
            draw = DRAW[style]
            if draw is None:
                entry["renderer"] = "html"
                browser = browser or Browser((1400, 1000))
                image = browser.shoot(css_page(rng, entry), rng.choice([1.0, 1.5, 2.0]))
            else:
                image = draw(rng, entry)
            truth[save_shot(image, out, f"greybars_{seed}_{index:03d}.png", rng, 0.25)] = entry
    finally:
        if browser is not None:
            browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
