"""One series drawn in several colours (the look ``signed``): gains and losses around zero
coloured by their sign, and grey columns with one of them highlighted.

One kind per chart in turn (its ``style`` in the benchmark):

- ``sg-mpl-signed``: matplotlib columns around a zero line, green above and red below
  (or another pair), each signed value printed at its bar's end ("+8.7" above, "-2.5" or
  "−2.5" below), a bold title and a y axis title, ticks with matplotlib's minus (U+2212);
- ``sg-css-signed``: the same drawn with CSS and shot in Chromium (about 850 by 560): light
  gridlines, ticks "−4" ... "8", a dark zero line, the lowest bar sometimes running past the
  plot's bottom so that its label lies over its category's name;
- ``hl-mpl-grey``: matplotlib columns all in one grey but one in a saturated colour, values
  printed over them, a y axis in percent, blurred and saved as a JPEG (a phone's copy);
- ``hl-css-grey``: the same with CSS in Chromium, blurred and JPEG'd.

Truth: one series per chart, named by its y axis title (none of these charts has a legend).
The models' names are made up. ``generate(out, count, seed) -> truth`` in
``benchmarks/charts.py``'s format. A tuning look: tune on one seed, only score another.
"""

from __future__ import annotations

import html
import random
from pathlib import Path
from typing import Any

from PIL import Image, ImageFilter

from chart_looks.bound_bars import SANS, figure_image
from chart_looks.common import draw_look
from chart_looks.grey_bars import open_columns

NAMES = ["Astera-7B", "Borelli-13B", "Cobalt-2-9B", "Dunmore-34B", "Elmira-70B",
         "Fenwick-3B", "Galena-8x7B", "Harrow-1.5B", "Isola-22B", "Jarrah-14B",
         "Kestrel-32B", "Lumen-4B", "Marlow-72B", "Nerida-12B"]
SIGN_COLOURS = [("#2ca02c", "#d62728"), ("#16a34a", "#dc2626"), ("#22c55e", "#ef4444"),
                ("#1b9e77", "#d95f02"), ("#4caf50", "#f44336")]
GAIN_TITLES = ["Gain from tuning (pts)", "Change after RLHF", "Delta vs. base model",
               "Improvement over baseline"]
DELTA_AXES = ["Δ pts", "Δ accuracy (pts)", "Change (pts)", "Δ score"]
GREYS = ["#9e9e9e", "#b0b0b0", "#8c8c8c", "#bdbdbd", "#a3a3a3"]
ACCENTS = ["#e4572e", "#1f77b4", "#7b2cbf", "#f59e0b", "#0ea5e9", "#d62728"]
PERCENT_AXES = ["Accuracy (%)", "Pass rate (%)", "Win rate (%)", "Score (%)"]
MINUS = "\u2212"


def _signed_values(rng: random.Random, count: int) -> list[float]:
    """Gains and losses, two at least of each sign, none too near zero to draw."""
    while True:
        values = [round(rng.choice([-1, 1, 1]) * rng.uniform(0.6, 8.8), 1) for _ in range(count)]
        if sum(v < 0 for v in values) >= 2 and sum(v > 0 for v in values) >= 2:
            return values


def _signed_text(value: float, minus: str) -> str:
    return f"+{value:.1f}" if value > 0 else f"{minus}{abs(value):.1f}"


def _mpl_signed(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt
    import numpy as np

    names = rng.sample(NAMES, rng.randint(5, 8))
    values = _signed_values(rng, len(names))
    axis_title = rng.choice(DELTA_AXES)
    entry["series"][axis_title] = [[n, v] for n, v in zip(names, values, strict=True)]
    up, down = rng.choice(SIGN_COLOURS)
    minus = rng.choice(["-", MINUS])
    with plt.rc_context({"font.family": rng.choice(SANS), "font.size": rng.choice([9, 10, 11])}):
        fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8.5), rng.uniform(4.2, 5.2)))
        slots = np.arange(len(names)).astype(float)
        bars = ax.bar(slots, values, rng.choice([0.55, 0.65, 0.75]),
                      color=[up if v > 0 else down for v in values])
        ax.bar_label(bars, labels=[_signed_text(v, minus) for v in values], padding=2,
                     fontsize=rng.choice([8, 9]))
        ax.axhline(0, color=rng.choice(["#333333", "black", "#555555"]), linewidth=1.2)
        ax.set_xticks(slots, names, rotation=rng.choice([0, 20, 30]) if len(names) > 5 else 0,
                      ha="center")
        ax.set_ylim(min(-4.0, min(values) - 1.2), max(values) + rng.uniform(1.2, 2.0))
        ax.set_ylabel(axis_title)
        ax.set_title(rng.choice(GAIN_TITLES), fontweight="bold")
        ax.yaxis.grid(True, color="0.88")
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        return figure_image(fig, rng.choice([90, 100, 120]))


def _css_columns(values: list[float], names: list[str], colours: list[str],
                 labels: list[str], low: float, high: float, step: float,
                 scale: dict[str, Any]) -> str:
    """Columns from the value 0 (up or down) on a plot ``scale['height']`` pixels tall from
    ``low`` to ``high``, ticks every ``step`` (their text with a true minus), each label
    at its bar's far end, each name under the plot."""
    height, column, gap, grid = scale["height"], scale["column"], scale["gap"], scale["grid"]
    span = high - low

    def y(v: float) -> float:  # pixels up from the plot's bottom
        return (v - low) / span * height

    tick_values = [low + i * step for i in range(round(span / step) + 1)]
    ticks = "".join(
        f"<div style='position:absolute;left:0;right:0;bottom:{y(v):.1f}px;border-top:"
        f"{'2px solid ' + scale['zero'] if v == 0 else '1px solid ' + grid}'>"
        f"<span style='position:absolute;right:100%;margin-right:8px;transform:"
        f"translateY(-50%);color:#555'>{scale['tick'](v)}</span></div>" for v in tick_values)
    bars = []
    for i, (v, colour, label) in enumerate(zip(values, colours, labels, strict=True)):
        left = gap + i * (column + gap)
        bottom, top = sorted((y(0.0), y(v)))
        place = ("bottom:100%;margin-bottom:3px" if v >= 0 or scale["baseline_zero"]
                 else "top:100%;margin-top:3px")
        bars.append(
            f"<div style='position:absolute;left:{left}px;width:{column}px;bottom:{bottom:.1f}px;"
            f"height:{top - bottom:.1f}px;background:{colour};border-radius:{scale['round']}'>"
            f"<span style='position:absolute;{place};left:-10px;right:-10px;text-align:center;"
            f"font-weight:600;color:#222'>{html.escape(label)}</span></div>")
    names_row = "".join(
        f"<span style='position:absolute;top:8px;left:{gap + i * (column + gap) - 14}px;"
        f"width:{column + 28}px;text-align:center;font-size:{scale['size'] - 1}px;"
        f"color:#333'>{html.escape(n)}</span>" for i, n in enumerate(names))
    width = gap + len(values) * (column + gap)
    return (f"<div style='position:relative;width:{width}px;height:{height}px'>{ticks}"
            f"{''.join(bars)}<div style='position:absolute;top:100%;left:0;right:0'>"
            f"{names_row}</div></div>")


def _css_page(body: str, title: str, axis_title: str, font: str, size: int) -> str:
    return (f"<html><body style='margin:0;background:#fff'><div id='shot' style='display:"
            f"inline-block;position:relative;padding:22px 30px 96px 86px;background:#fff;"
            f"font-family:{font};font-size:{size}px;color:#222'>"
            f"<div style='font-weight:700;font-size:{size + 5}px;margin:0 0 20px -50px'>"
            f"{html.escape(title)}</div>"
            f"<div style='position:absolute;left:14px;top:50%;transform:rotate(-90deg);"
            f"transform-origin:left top;color:#444'>{html.escape(axis_title)}</div>"
            f"{body}</div></body></html>")


FONTS = ["Inter, Roboto, sans-serif", "'DejaVu Sans', sans-serif",
         "'Liberation Sans', Arial, sans-serif", "Roboto, sans-serif", "'Open Sans', sans-serif"]


def _css_signed(rng: random.Random, entry: dict[str, Any]) -> str:
    names = rng.sample(NAMES, rng.randint(5, 8))
    values = _signed_values(rng, len(names))
    axis_title = rng.choice(DELTA_AXES)
    entry["series"][axis_title] = [[n, v] for n, v in zip(names, values, strict=True)]
    up, down = rng.choice(SIGN_COLOURS)
    # the lowest bar may run past the plot's bottom by up to a step, onto its name (the
    # axis is not fitted to it)
    spill = rng.random() < 0.5
    low = (min(-2.0, 2 * ((min(values) + 0.3) // 2) + 2) if spill
           else min(-4.0, 2 * ((min(values) - 1) // 2)))
    high = 2 * ((max(values) + 1.9) // 2)
    size = rng.choice([12, 13, 14])
    scale = {"height": rng.choice([340, 380, 420]), "column": rng.choice([48, 56, 64]),
             "gap": rng.choice([22, 30, 38]), "grid": rng.choice(["#e5e7eb", "#eeeeee"]),
             "zero": rng.choice(["#333", "#111", "#444"]), "size": size,
             "round": rng.choice(["0", "3px", "4px 4px 0 0"]), "baseline_zero": False,
             "tick": lambda v: f"{MINUS}{abs(v):g}" if v < 0 else f"{v:g}"}
    minus = rng.choice(["-", MINUS])
    body = _css_columns(values, names, [up if v > 0 else down for v in values],
                        [_signed_text(v, minus) for v in values], low, high, 2.0, scale)
    return _css_page(body, rng.choice(GAIN_TITLES), axis_title, rng.choice(FONTS), size)


def _highlight_values(rng: random.Random) -> tuple[list[str], list[float], int]:
    names = rng.sample(NAMES, rng.randint(6, 8))
    values = [round(rng.uniform(28, 88), 1) for _ in names]
    return names, values, rng.randrange(len(names))


def _mpl_highlight(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.ticker import PercentFormatter

    names, values, special = _highlight_values(rng)
    axis_title = rng.choice(PERCENT_AXES)
    entry["series"][axis_title] = [[n, v] for n, v in zip(names, values, strict=True)]
    grey, accent = rng.choice(GREYS), rng.choice(ACCENTS)
    colours = [accent if i == special else grey for i in range(len(names))]
    with plt.rc_context({"font.family": rng.choice(SANS), "font.size": rng.choice([9, 10])}):
        fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8.5), rng.uniform(3.8, 4.8)))
        slots = np.arange(len(names)).astype(float)
        bars = ax.bar(slots, values, rng.choice([0.6, 0.7, 0.8]), color=colours)
        ax.bar_label(bars, labels=[f"{v:.1f}" for v in values], padding=2,
                     fontsize=rng.choice([8, 9]))
        ax.set_xticks(slots, names)
        ax.yaxis.set_major_formatter(PercentFormatter(decimals=0))
        ax.set_ylim(0, 100)
        ax.set_ylabel(axis_title)
        return open_columns(rng, fig, ax, [90, 100, 120])


def _css_highlight(rng: random.Random, entry: dict[str, Any]) -> str:
    names, values, special = _highlight_values(rng)
    axis_title = rng.choice(PERCENT_AXES)
    entry["series"][axis_title] = [[n, v] for n, v in zip(names, values, strict=True)]
    grey, accent = rng.choice(GREYS), rng.choice(ACCENTS)
    size = rng.choice([12, 13, 14])
    scale = {"height": rng.choice([300, 340, 380]), "column": rng.choice([52, 60, 68]),
             "gap": rng.choice([20, 26, 34]), "grid": rng.choice(["#e5e7eb", "#eeeeee"]),
             "zero": "#666", "size": size, "round": rng.choice(["0", "4px 4px 0 0"]),
             "baseline_zero": True, "tick": lambda v: f"{v:g}%"}
    colours = [accent if i == special else grey for i in range(len(names))]
    body = _css_columns(values, names, colours, [f"{v:.1f}" for v in values], 0.0, 100.0,
                        rng.choice([20.0, 25.0]), scale)
    title = rng.choice(["Benchmark results", "Pass rate by model", "Results"])
    return _css_page(body, title, axis_title, rng.choice(FONTS), size)


def _photographed(rng: random.Random, image: Image.Image) -> Image.Image:
    """A phone's copy: a little smaller, mildly blurred (saved as JPEG by the caller)."""
    factor = rng.uniform(0.8, 1.0)
    image = image.resize((round(image.width * factor), round(image.height * factor)),
                         Image.Resampling.BICUBIC)
    return image.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.9)))


DRAW = {"sg-mpl-signed": _mpl_signed, "sg-css-signed": _css_signed,
        "hl-mpl-grey": _mpl_highlight, "hl-css-grey": _css_highlight}


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts (the kinds in turn) under ``out``; their truth by file: the
    photographed kinds all as JPEG, a fifth of the others."""
    import matplotlib
    from browser import Browser

    matplotlib.use("Agg")
    browsers: list[Browser] = []

    def draw(style: str, rng: random.Random, entry: dict[str, Any]) -> Image.Image:
        if style.startswith(("sg-css", "hl-css")):
            browsers[:] = browsers or [Browser((1400, 1000))]
            image = browsers[0].shoot(DRAW[style](rng, entry), rng.choice([1.0, 1.25]))
        else:
            image = DRAW[style](rng, entry)
        return _photographed(rng, image) if style.startswith("hl-") else image

    def entry_for(style: str) -> dict[str, Any]:
        css = style.startswith(("sg-css", "hl-css"))
        return {"kind": "bar", "renderer": "html" if css else "mpl", "log_x": False,
                "labelled": True, "style": style, "series": {}}

    def close() -> None:
        for browser in browsers:
            browser.close()

    return draw_look(out, count, seed, "signed", draw, list(DRAW), entry_for,
                     (lambda style: 1.0 if style.startswith("hl-") else 0.2, 70), close)
