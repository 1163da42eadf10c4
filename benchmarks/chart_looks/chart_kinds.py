"""Three kinds of chart the reader missed on test sets, each drawn by more than one
renderer's habits (fonts, sizes, scales, light and dark pages, JPEG):

- ``pygal_dotted_log``: ``pygal.XY(logarithmic=True)`` at device scale 1 in Chromium: its
  guides are dotted (short dashes at a fixed period, ``guide_stroke_dasharray`` varied)
  across the whole plot at every tick, x in billions (pygal's own ``2 3 ... 10 20`` ticks
  or the data's sizes), light and dark styles, small tick text;
- ``decimal_k_area``: Vega-Lite area + line (``step``, ``step-after``, ``monotone``), x in
  training steps a few thousand long so that d3's ``~s`` ticks print ``1.5k`` ``4.5k``;
- ``decimal_k_lines``: the same content in plotly (tick format ``~s``) in Chromium or
  matplotlib (``2.5k`` by a formatter), light or dark;
- ``rounded_hbars``: grouped lying bars with rounded ends written as SVG by hand (a
  ``<rect rx>`` or a line with round caps), 2 to 4 series per category, the categories at
  the left, a legend of coloured swatches, values printed at the bars' ends or an x axis
  of ticks, thin gaps (or none) between a group's bars.

Some charts are resized or saved as JPEG (``curves.finish``). A tuning look: its images were
looked at.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.common import BENCHMARKS, MODELS
from chart_looks.curves import Curves, drawn_in_turn, figure_image, scaling_content
from chart_looks.plain_lines import steps_content
from chart_looks.xy_lines import area_png, pygal_page

STYLES = ("pygal_dotted_log", "decimal_k_area", "rounded_hbars", "pygal_dotted_log",
          "decimal_k_lines", "rounded_hbars")
FONTS = ("DejaVu Sans", "Liberation Sans", "Liberation Serif", "monospace", "Noto Sans")
LIGHT = {"page": "#ffffff", "text": "#333333", "grid": "#e5e5e5", "axis": "#888888"}
DARK = {"page": "#1e1e24", "text": "#d0d0d0", "grid": "#3a3a44", "axis": "#777777"}
PALETTES = (("#4e79a7", "#f28e2b", "#e15759", "#59a14f"),
            ("#6366f1", "#22c55e", "#f59e0b", "#ec4899"),
            ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"),
            ("#0ea5e9", "#a855f7", "#f43f5e", "#14b8a6"))


# ---------------------------------------------------------------- pygal, dotted guides

def pygal_dotted(rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    curves = scaling_content(rng, "pygal_dotted_log", "pygal", ("suffix",))
    while curves.tick_scale != 1e9:  # pygal cuts FLOPs' labels short ("2e...")
        curves = scaling_content(rng, "pygal_dotted_log", "pygal", ("suffix",))
    curves.x_title += " (B)"
    curves.series = dict(list(curves.series.items())[:rng.randint(2, 4)])
    dashes = rng.choice(("4,4", "2,2", "3,3", "1,3", "2,4"))
    page = pygal_page(curves, rng, {"show_x_guides": True, "font_size": rng.choice((9, 10, 11)),
                                    "guide_stroke_dasharray": dashes,
                                    "major_guide_stroke_dasharray": dashes})
    return browser.shoot(page, 1.0), curves


# ---------------------------------------------------------------- "1.5k" ticks

def short_steps(rng: random.Random, style: str, renderer: str) -> Curves:
    """Runs over a few thousand steps, a point every 250 to 1000, so that ticks fall on
    half thousands (``1.5k``)."""
    curves = steps_content(rng, style, renderer, steps=(250, 500, 750, 1000))
    curves.series = dict(list(curves.series.items())[:4])
    return curves


def plotly_k_page(curves: Curves, rng: random.Random) -> str:
    import plotly.graph_objects as go
    import plotly.io as pio

    figure = go.Figure()
    for name, ys in curves.series.items():
        figure.add_trace(go.Scatter(x=curves.xs, y=ys, name=name,
                                    mode=rng.choice(("lines", "lines+markers"))))
    figure.update_layout(template=rng.choice(("plotly", "plotly_white", "plotly_dark",
                                              "simple_white", "ggplot2")),
                         width=rng.choice((560, 680, 800)), height=rng.choice((360, 420)),
                         font={"family": rng.choice(FONTS), "size": rng.choice((10, 11, 12))},
                         xaxis={"tickformat": "~s", "title": curves.x_title or None},
                         yaxis={"title": curves.y_title})
    body = pio.to_html(figure, include_plotlyjs=True, full_html=False)
    return f"<html><body style='margin:0'><div id='shot'>{body}</div></body></html>"


def mpl_k_image(curves: Curves, rng: random.Random) -> Image.Image:
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MultipleLocator

    sheet = rng.choice(("default", "ggplot", "dark_background", "seaborn-v0_8-whitegrid"))
    with plt.style.context(sheet):
        figure, ax = plt.subplots(figsize=(rng.uniform(5, 7.5), rng.uniform(3.2, 4.5)))
        for name, ys in curves.series.items():
            ax.plot(curves.xs, ys, label=name, marker=rng.choice(("", "o", "s")))
        span = curves.xs[-1] - curves.xs[0]
        ax.xaxis.set_major_locator(MultipleLocator(500 if span <= 5000 else 1500))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1000:g}k"))
        ax.set_xlabel(curves.x_title)
        ax.set_ylabel(curves.y_title)
        ax.legend(fontsize=rng.choice((8, 9, 10)))
        return figure_image(figure, rng.choice((80, 100, 130)))


def decimal_k(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    if style == "decimal_k_area":
        curves = short_steps(rng, style, "vega-lite")
        interpolations = ("step", "step-after", "monotone")
        theme = rng.choice((None, None, "dark"))
        return area_png(curves, rng, interpolations, theme, x_format="~s"), curves
    if rng.random() < 0.5:
        curves = short_steps(rng, style, "plotly")
        return browser.shoot(plotly_k_page(curves, rng), rng.choice((1.0, 1.5))), curves
    curves = short_steps(rng, style, "matplotlib")
    return mpl_k_image(curves, rng), curves


# ---------------------------------------------------------------- rounded lying bars (SVG)

def rounded_bar(x: float, y: float, length: float, height: float, colour: str,
                shape: str) -> str:
    """One lying bar from ``x``: a rect with round corners, or a line with round caps (its
    caps reach half its width past both ends, so the line is drawn shorter by that)."""
    if shape == "caps":
        half = height / 2
        start, end = x + half, max(x + half, x + length - half)
        return (f"<line x1='{start:.1f}' y1='{y + half:.1f}' x2='{end:.1f}' y2='{y + half:.1f}'"
                f" stroke='{colour}' stroke-width='{height:.1f}' stroke-linecap='round'/>")
    radius = height / 2 if shape == "pill" else min(4.0, height / 3)
    return (f"<rect x='{x:.1f}' y='{y:.1f}' width='{length:.1f}' height='{height:.1f}'"
            f" rx='{radius:.1f}' fill='{colour}'/>")


def hbars_page(rng: random.Random) -> tuple[str, dict[str, list[list[Any]]], bool]:
    categories = rng.sample(BENCHMARKS, rng.randint(3, 6))
    names = rng.sample(MODELS, rng.randint(2, 4))
    values = {n: [round(rng.uniform(20, 92), 1) for _ in categories] for n in names}
    colours = rng.choice(PALETTES)
    theme = rng.choice((LIGHT, LIGHT, DARK))
    font, size = rng.choice(FONTS), rng.choice((11, 12, 13, 14))
    shape = rng.choice(("pill", "corners", "caps"))
    bar_h, gap = rng.choice((8, 10, 12, 14, 16)), rng.choice((0, 1, 2, 3, 4))
    group_gap = rng.choice((10, 14, 20))
    labelled = rng.random() < 0.5
    left, width = rng.choice((110, 130)), rng.choice((360, 440, 520))
    legend_top = rng.random() < 0.5
    top = 40 if legend_top else 14
    group_h = len(names) * bar_h + (len(names) - 1) * gap
    plot_h = len(categories) * (group_h + group_gap)
    high = 100
    parts = [f"<rect width='100%' height='100%' fill='{theme['page']}'/>"]
    if not labelled:  # a value axis: gridlines and ticks under the plot
        for tick in range(0, high + 1, 20):
            x = left + width * tick / high
            parts.append(f"<line x1='{x:.1f}' y1='{top - 4}' x2='{x:.1f}' y2='{top + plot_h}'"
                         f" stroke='{theme['grid']}' stroke-width='1'/>")
            parts.append(f"<text x='{x:.1f}' y='{top + plot_h + size + 4}' text-anchor='middle'"
                         f" fill='{theme['text']}'>{tick}</text>")
    for c, category in enumerate(categories):
        y0 = top + c * (group_h + group_gap) + group_gap / 2
        parts.append(f"<text x='{left - 8}' y='{y0 + group_h / 2 + size * 0.35:.1f}'"
                     f" text-anchor='end' fill='{theme['text']}'>{category}</text>")
        for n, name in enumerate(names):
            y = y0 + n * (bar_h + gap)
            length = width * values[name][c] / high
            parts.append(rounded_bar(left, y, length, bar_h, colours[n], shape))
            if labelled:
                middle = y + bar_h / 2 + size * 0.33
                parts.append(f"<text x='{left + length + 4:.1f}' y='{middle:.1f}'"
                             f" font-size='{max(9, min(size, bar_h + 2))}'"
                             f" fill='{theme['text']}'>{values[name][c]}</text>")
    legend_y = 16 if legend_top else top + plot_h + (2 * size + 14 if not labelled else 18)
    x = left
    for n, name in enumerate(names):
        swatch = ("<circle cx='{0}' cy='{1}' r='5' fill='{2}'/>" if rng.random() < 0.4 else
                  "<rect x='{3}' y='{4}' width='10' height='10' rx='2' fill='{2}'/>")
        parts.append(swatch.format(x + 5, legend_y, colours[n], x, legend_y - 5))
        parts.append(f"<text x='{x + 15}' y='{legend_y + size * 0.35:.1f}'"
                     f" fill='{theme['text']}'>{name}</text>")
        x += 15 + len(name) * size * 0.6 + 18
    total_w = max(left + width + 60, int(x) + 10)
    total_h = int(legend_y + 16 if not legend_top else top + plot_h + 2 * size + 14)
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{total_w}' height='{total_h}'"
           f" font-family='{font}' font-size='{size}'>{''.join(parts)}</svg>")
    page = (f"<html><body style='margin:0'><div id='shot' style='display:inline-block'>"
            f"{svg}</div></body></html>")
    series = {n: [[category, values[n][c]] for c, category in enumerate(categories)]
              for n in names}
    return page, series, labelled


class HBars(Curves):
    """Grouped lying bars' truth in the look's format (``Curves`` holds lines)."""

    bars: dict[str, list[list[Any]]]
    labelled: bool

    def truth(self) -> dict[str, Any]:
        return {"kind": "hbar", "renderer": self.renderer, "style": self.style,
                "log_x": False, "labelled": self.labelled, "series": self.bars}


def rounded_hbars(rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    page, series, labelled = hbars_page(rng)
    chart = HBars(style="rounded_hbars", renderer="svg", xs=[])
    chart.bars, chart.labelled = series, labelled
    return browser.shoot(page, rng.choice((1.0, 1.0, 1.5, 2.0))), chart


def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    if style == "pygal_dotted_log":
        return pygal_dotted(rng, browser)
    if style == "rounded_hbars":
        return rounded_hbars(rng, browser)
    return decimal_k(style, rng, browser)


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)
