"""Line charts without markers: thin antialiased strokes whose only points are the corners
of their polylines, the kinds the test sets read worst.

- ``svg_dark``: a hand-written SVG panel in Chromium (a Vega/Observable-like dark theme),
  2 to 5 thin strokes over faint gridlines, x in training steps (``2k 4k`` or ``2,000``),
  a legend of swatches on top or the names at the lines' ends;
- ``vega_dark``: Vega-Lite's dark theme (its SVG shot in Chromium), lines only, steps in
  d3's ``~s`` (``2k``) or ``,`` (``2,000``), a legend or names at the ends;
- ``mpl_classic_log``: matplotlib's ``classic`` sheet on a log x axis of training tokens or
  parameters, ticks as powers (``10^0``) or sizes (``1T``);
- ``mpl_dark_steps``: ``dark_background`` over training steps, legend or end names;
- ``mpl_solarized_log``: ``Solarize_Light2`` on a log axis;
- ``mpl_grayscale``: the ``grayscale`` sheet (grey strokes of several shades), steps;
- ``seaborn_quarters``: seaborn's whitegrid over categorical quarters (``Q1 2024``);
- ``mpl_end_names``: a light sheet with the series named at their ends, no legend.

The content and the log tick text are the ``curves`` look's. Some charts are resized or
saved as JPEG (``curves.finish``). A tuning look: its images were looked at.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.curves import (
    Curves,
    category_content,
    drawn_in_turn,
    figure_image,
    scaling_content,
    y_range,
)
from chart_looks.named_lines import level_rules, polyline, spread, x_labels

STYLES = ("svg_dark", "vega_dark", "mpl_classic_log", "mpl_dark_steps", "mpl_solarized_log",
          "mpl_grayscale", "seaborn_quarters", "mpl_end_names")
DARK_PALETTES = (("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f"),
                 ("#60a5fa", "#f472b6", "#34d399", "#fbbf24", "#a78bfa"),
                 ("#ff7f0e", "#1f77b4", "#2ca02c", "#d62728", "#9467bd"))
RUNS = ("Baseline", "Ours", "+ data filter", "No warmup", "lr 3e-4", "lr 1e-3", "MoE",
        "Dense", "Distilled", "Long context")


def steps_content(rng: random.Random, style: str, renderer: str,
                  steps: tuple[int, ...] = (1000, 2000, 2500, 5000)) -> Curves:
    """Scores of 2 to 5 runs over training steps (a point every 1k to 5k steps, or every
    one of ``steps``), each a saturating curve with noise, so that each data point bends
    its line."""
    step = rng.choice(steps)
    count = rng.randint(5, 9)
    xs = [float(step * (i + 1)) for i in range(count)]
    curves = Curves(style=style, renderer=renderer, xs=xs, tick_format="steps",
                    x_title=rng.choice(("Training steps", "Step", "Steps")),
                    y_title=rng.choice(("Accuracy (%)", "Eval score", "MMLU", "Win rate (%)")))
    for name in rng.sample(RUNS, rng.randint(2, 5)):
        start, gain = rng.uniform(20, 45), rng.uniform(15, 45)
        rate = rng.uniform(0.25, 0.7)
        curves.series[name] = [
            round(min(98.0, start + gain * (1 - math.exp(-rate * i)) + rng.uniform(-2.5, 2.5)), 1)
            for i in range(count)]
    return curves


def step_text(value: float, thousands: str) -> str:
    """A step tick as printed: ``2k``, ``2.5k``, ``2,000`` or ``2000``."""
    if thousands == "k":
        return f"{value / 1000:g}k"
    return f"{value:,.0f}" if thousands == "," else f"{value:.0f}"


def step_ticks(curves: Curves, rng: random.Random) -> list[float]:
    """Ticks at every data point, or at every other one on a crowded axis."""
    every = 2 if len(curves.xs) > 6 and rng.random() < 0.5 else 1
    return curves.xs[every - 1::every]


# ---------------------------------------------------------------- hand-written SVG panel

def svg_panel(curves: Curves, rng: random.Random, width: int, height: int) -> str:
    """A dark panel: faint level gridlines, thin strokes (no markers), grey tick text,
    a swatch legend above the plot or names at the lines' ends."""
    page, grid, ink = rng.choice((("#0f172a", "#1e293b", "#94a3b8"),
                                  ("#161616", "#2a2a2a", "#a0a0a0"),
                                  ("#1b1e23", "#2c313a", "#9aa4b2")))
    palette = rng.choice(DARK_PALETTES)
    size = rng.choice((10, 11, 12))
    font = rng.choice(("system-ui, sans-serif", "DejaVu Sans", "Liberation Sans", "Arial"))
    end_names = rng.random() < 0.5
    left, top, bottom = 48, 44, 40
    right = rng.randint(90, 120) if end_names else 24
    plot_w, plot_h = width - left - right, height - top - bottom
    low, high = y_range(curves, rng)
    x_low, x_high = 0.0, max(curves.xs)
    thousands = rng.choice(("k", "k", ","))

    def px(x: float) -> float:
        return left + (x - x_low) / (x_high - x_low) * plot_w

    def py(y: float) -> float:
        return top + (high - y) / (high - low) * plot_h

    parts = [f"<rect width='{width}' height='{height}' fill='{page}'/>"]
    y_step = rng.choice((5, 10, 10, 20))
    parts += level_rules(math.ceil(low / y_step) * y_step, y_step, high, py, (left, plot_w),
                         grid, ink, size)
    for tick in step_ticks(curves, rng):
        parts.append(f"<text x='{px(tick):.1f}' y='{top + plot_h + size + 8}' "
                     f"text-anchor='middle' fill='{ink}'>{step_text(tick, thousands)}</text>")
    stroke = rng.choice((1.25, 1.5, 2))
    ends = spread([ys[-1] for ys in curves.series.values()], (high - low) * 0.07)
    for index, (name, ys) in enumerate(curves.series.items()):
        colour = palette[index % len(palette)]
        parts.append(polyline(curves.xs, ys, (px, py), colour, stroke))
        if end_names:
            parts.append(f"<text x='{px(curves.xs[-1]) + 6:.1f}' "
                         f"y='{py(ends[index]) + size * 0.35:.1f}' fill='{colour}'>{name}</text>")
        else:
            x = left + 110 * index
            parts.append(f"<rect x='{x}' y='14' width='10' height='10' rx='2' fill='{colour}'/>")
            parts.append(f"<text x='{x + 14}' y='23' fill='{ink}'>{name}</text>")
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
           f"font-family='{font}' font-size='{size}'>{''.join(parts)}</svg>")
    return (f"<html><body style='margin:0;background:{page}'><div id='shot' "
            f"style='display:inline-block'>{svg}</div></body></html>")


# ---------------------------------------------------------------- Vega-Lite (in Chromium)

def vega_dark_page(curves: Curves, rng: random.Random, width: int, height: int) -> str:
    """Vega-Lite's dark theme, lines only, its SVG shot in Chromium."""
    import vl_convert

    low, high = y_range(curves, rng)
    names = list(curves.series)
    rows = [{"x": x, "y": y, "series": name} for name, ys in curves.series.items()
            for x, y in zip(curves.xs, ys, strict=True)]
    end_names = rng.random() < 0.5
    colour = {"field": "series", "type": "nominal", "sort": names,
              "scale": {"range": list(rng.choice(DARK_PALETTES))},
              "legend": None if end_names else {"orient": rng.choice(("right", "top"))}}
    x_field = {"field": "x", "type": "quantitative", "title": curves.x_title,
               "axis": {"format": rng.choice(("~s", ",")), "values": step_ticks(curves, rng),
                        "grid": rng.random() < 0.5}}
    y_field = {"field": "y", "type": "quantitative", "title": curves.y_title,
               "scale": {"domain": [low, high], "zero": False}}
    layers: list[dict[str, Any]] = [{
        "mark": {"type": "line", "strokeWidth": rng.choice((1.25, 1.5, 2))},
        "encoding": {"x": x_field, "y": y_field, "color": colour}}]
    if end_names:
        layers.append({
            "transform": [{"filter": f"datum.x == {max(curves.xs)!r}"}],
            "mark": {"type": "text", "align": "left", "dx": 5},
            "encoding": {"x": x_field, "y": y_field, "color": colour,
                         "text": {"field": "series"}}})
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "width": width,
            "height": height, "data": {"values": rows}, "layer": layers}
    svg = vl_convert.vegalite_to_svg(spec, theme="dark")
    return ("<html><body style='margin:0;background:#333'><div id='shot' "
            f"style='display:inline-block;background:#333'>{svg}</div></body></html>")


# ---------------------------------------------------------------- matplotlib and seaborn

def mpl_plain(curves: Curves, rng: random.Random, sheet: str, end_names: bool) -> Image.Image:
    """matplotlib in ``sheet``, lines without markers, on the axis the content asks for
    (log, steps or categories); a legend, or the names at the lines' ends."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FixedFormatter, FixedLocator, NullFormatter

    dpi = rng.choice((72, 100, 120))
    width_px = rng.randint(560, 1200)
    height_px = int(width_px * rng.uniform(0.55, 0.75))
    categorical = isinstance(curves.xs[0], str)
    with plt.style.context(sheet):
        figure, ax = plt.subplots(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
        positions = list(range(len(curves.xs))) if categorical else curves.xs
        low, high = y_range(curves, rng)
        ends = spread([ys[-1] for ys in curves.series.values()], (high - low) * 0.06)
        font = rng.choice((8, 9, 10))
        for index, (name, ys) in enumerate(curves.series.items()):
            (line,) = ax.plot(positions, ys, label=name, linewidth=rng.choice((1.0, 1.5, 2.0)))
            if end_names:
                ax.annotate(name, (positions[-1], ends[index]), xytext=(6, 0),
                            textcoords="offset points", va="center", fontsize=font,
                            color=line.get_color())
        if categorical:
            ax.set_xticks(positions, curves.xs)
            ax.set_xlim(-0.3, len(positions) - 0.7 + (1.0 if end_names else 0.0))
        elif curves.log_x:
            ax.set_xscale("log")
            if curves.tick_format != "mathtext":
                ticks, texts = x_labels(curves, rng)
                ax.xaxis.set_major_locator(FixedLocator(ticks))
                ax.xaxis.set_major_formatter(FixedFormatter(texts))
                ax.xaxis.set_minor_formatter(NullFormatter())
                ax.set_xlim(min(ticks + curves.xs) / 1.25, max(ticks + curves.xs) * 1.25)
            if end_names:
                low_x, high_x = ax.get_xlim()
                ax.set_xlim(low_x, high_x * 3)
        else:
            thousands = rng.choice(("k", ",", ""))
            ticks = step_ticks(curves, rng)
            ax.set_xticks(ticks, [step_text(t, thousands) for t in ticks])
            ax.set_xlim(0, max(curves.xs) * (1.2 if end_names else 1.03))
        ax.set_ylim(low, high)
        ax.set_xlabel(curves.x_title)
        ax.set_ylabel(curves.y_title)
        if not end_names:
            ax.legend(loc=rng.choice(("lower right", "upper left", "best")), fontsize=font)
        return figure_image(figure, dpi)


def seaborn_quarters(curves: Curves, rng: random.Random) -> Image.Image:
    """seaborn's whitegrid ``lineplot`` over quarters, hue per series, no markers."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import seaborn as sns

    rows = {"x": [], "y": [], "series": []}
    for name, ys in curves.series.items():
        for x, y in zip(curves.xs, ys, strict=True):
            rows["x"].append(x)
            rows["y"].append(y)
            rows["series"].append(name)
    dpi = rng.choice((80, 100, 120))
    with sns.axes_style("whitegrid"):
        figure, ax = plt.subplots(figsize=(rng.uniform(6.0, 9.0), rng.uniform(3.6, 5.0)),
                                  dpi=dpi)
        sns.lineplot(data=rows, x="x", y="y", hue="series", ax=ax,
                     linewidth=rng.choice((1.5, 2.0)),
                     palette=rng.choice(("deep", "muted", "colorblind")))
        ax.set_ylim(*y_range(curves, rng))
        ax.set_xlabel(curves.x_title)
        ax.set_ylabel(curves.y_title)
        ax.legend(title=None, fontsize=9)
        return figure_image(figure, dpi)


# ---------------------------------------------------------------- one chart per style

def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    width = rng.randint(520, 960)
    height = int(width * rng.uniform(0.55, 0.7))
    scale = rng.choice((1.0, 1.5, 2.0))
    if style == "svg_dark":
        curves = steps_content(rng, style, "svg")
        return browser.shoot(svg_panel(curves, rng, width, height), scale), curves
    if style == "vega_dark":
        curves = steps_content(rng, style, "vega-lite")
        return browser.shoot(vega_dark_page(curves, rng, int(width * 0.7),
                                            int(height * 0.65)), scale), curves
    if style == "seaborn_quarters":
        curves = category_content(rng, style, "matplotlib")
        year = rng.choice((2022, 2023, 2024))
        curves.xs = [f"Q{q % 4 + 1} {year + q // 4}" for q in range(len(curves.xs))]
        curves.x_title = ""
        return seaborn_quarters(curves, rng), curves
    if style in ("mpl_classic_log", "mpl_solarized_log"):
        curves = scaling_content(rng, style, "matplotlib", ("mathtext", "suffix", "suffix"))
        curves.series = dict(list(curves.series.items())[:rng.randint(2, 4)])
        sheet = "classic" if style == "mpl_classic_log" else "Solarize_Light2"
        return mpl_plain(curves, rng, sheet, rng.random() < 0.3), curves
    curves = steps_content(rng, style, "matplotlib")
    sheet = {"mpl_dark_steps": "dark_background", "mpl_grayscale": "grayscale"}.get(
        style, rng.choice(("default", "seaborn-v0_8-whitegrid", "ggplot", "bmh")))
    end_names = style == "mpl_end_names" or (style == "mpl_dark_steps" and rng.random() < 0.5)
    return mpl_plain(curves, rng, sheet, end_names), curves


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)
