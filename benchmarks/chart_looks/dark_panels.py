"""Dark SVG panels of lines without markers, written by hand several ways and shot in
Chromium (``benchmarks/browser.py``) at device scales 1 to 2: a navy or charcoal page,
thin light gridlines (solid or dashed, level only or a full grid), 2 to 4 coloured
polylines (or paths) 1.5 to 3 px wide over training steps, no markers, a legend of
coloured dashes with names (above the plot, right of it, or inside a corner), light-grey
tick labels in thousands (``0 2k 4k``, ``10k 20k``) or plain (``0 500 1000``), a title
sometimes; scores in percent or a loss with decimals. Each data point bends its line; the
ticks stand at every point, every other point, or at round steps the points fall between.

- ``panel_top``: legend above the plot, the x ticks in thousands;
- ``panel_right``: legend right of the plot, a full grid;
- ``panel_inside``: legend inside a corner of the plot, dashed gridlines;
- ``panel_plain``: plain step numbers, ``<path>`` strokes, a title.

A tuning look: its images were looked at.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.curves import Curves, drawn_in_turn

STYLES = ("panel_top", "panel_right", "panel_inside", "panel_plain")
PAGES = (("#0b1220", "#24304a", "#9aa8bf"), ("#111827", "#2f3a4d", "#a3aab8"),
         ("#1e1e1e", "#3a3a3a", "#b0b0b0"), ("#0d1117", "#30363d", "#8b949e"),
         ("#15202b", "#38444d", "#aab8c2"), ("#222831", "#3d4450", "#c0c4cc"))
PALETTES = (("#38bdf8", "#f472b6", "#a3e635", "#fbbf24"),
            ("#5eead4", "#fb923c", "#c084fc", "#f87171"),
            ("#ff6b6b", "#4dabf7", "#ffd43b", "#69db7c"),
            ("#e879f9", "#22d3ee", "#facc15", "#fb7185"),
            ("#ffffff", "#f59e0b", "#10b981", "#60a5fa"))
FONTS = ("Inter, Roboto, sans-serif", "Roboto", "Open Sans", "DejaVu Sans Mono",
         "Liberation Sans", "Roboto Condensed", "FreeSans", "Helvetica, Arial, sans-serif")
RUNS = ("baseline", "ours", "no-warmup", "lr=3e-4", "lr=1e-3", "bs 512", "bs 2048", "MoE-8x",
        "dense", "+curriculum", "muP", "AdamW", "Lion", "seed 1", "seed 2")


@dataclass
class PanelCurves(Curves):
    """A panel's content with the tolerance its y unit asks for (a loss moves in
    hundredths)."""

    y_tolerance: float = 1.0

    def truth(self) -> dict[str, Any]:
        return {**super().truth(), "y_tolerance": self.y_tolerance}


def panel_content(rng: random.Random, style: str) -> PanelCurves:
    """2 to 4 runs over training steps, each point a bend (noise on a saturating curve); a
    score in percent rising, or a loss falling."""
    step = rng.choice((250, 500, 1000, 2000, 2500, 5000))
    count = rng.randint(5, 12)
    start = 0 if rng.random() < 0.5 else step
    xs = [float(start + step * i) for i in range(count)]
    loss = rng.random() < 0.35
    curves = PanelCurves(style=style, renderer="svg", xs=xs, tick_format="steps",
                         x_title=rng.choice(("training steps", "step", "Steps", "")),
                         y_title=("eval loss" if loss else
                                  rng.choice(("accuracy (%)", "win rate", "pass@1", "score"))))
    for name in rng.sample(RUNS, rng.randint(2, 4)):
        rate = rng.uniform(0.2, 0.7)
        if loss:
            top, floor = rng.uniform(2.6, 3.4), rng.uniform(1.6, 2.2)
            values = [round(floor + (top - floor) * math.exp(-rate * i)
                            + rng.uniform(-0.05, 0.05), 3) for i in range(count)]
        else:
            low, gain = rng.uniform(15, 40), rng.uniform(20, 45)
            values = [round(min(97.0, low + gain * (1 - math.exp(-rate * i))
                                + rng.uniform(-2.5, 2.5)), 1) for i in range(count)]
        curves.series[name] = values
    if loss:
        values = [v for ys in curves.series.values() for v in ys]
        curves.y_tolerance = 0.02 * (max(values) - min(values))
    return curves


def step_label(value: float, thousands: bool) -> str:
    if thousands and value:
        return f"{value / 1000:g}k"
    return f"{value:.0f}"


def x_ticks(xs: list[float], rng: random.Random) -> list[float]:
    """Ticks at every point, every other point, or at round steps over the data."""
    kind = rng.choice(("every", "other", "round"))
    if kind == "every" and len(xs) <= 8:
        return xs
    if kind == "other" or (kind == "every"):
        return xs[::2]
    span = xs[-1] - xs[0]
    step = next(s for s in (500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000)
                if span / s <= 6)
    first = math.ceil(xs[0] / step) * step
    return [float(first + step * i) for i in range(int((xs[-1] - first) / step) + 1)]


def y_ticks(low: float, high: float) -> tuple[list[float], str]:
    """Round level ticks over [low, high] and the format they print in."""
    span = high - low
    step = next(s for s in (0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 25) if span / s <= 7)
    first = math.ceil(low / step) * step
    ticks = [round(first + step * i, 3) for i in range(int((high - first) / step + 1e-9) + 1)]
    return ticks, ("{:.2f}" if step < 0.1 else "{:.1f}" if step < 1 else "{:.0f}")


def panel_page(curves: PanelCurves, rng: random.Random, width: int, height: int) -> str:
    page, grid, ink = rng.choice(PAGES)
    palette = rng.choice(PALETTES)
    font, size = rng.choice(FONTS), rng.choice((10, 11, 12, 13))
    stroke = rng.choice((1.5, 2.0, 2.5, 3.0))
    legend = {"panel_top": "top", "panel_right": "right", "panel_inside": "inside"}.get(
        curves.style, rng.choice(("top", "right", "inside")))
    dashed = curves.style == "panel_inside" or rng.random() < 0.3
    full_grid = curves.style == "panel_right" or rng.random() < 0.3
    thousands = curves.style != "panel_plain" and (max(curves.xs) >= 2000 or rng.random() < 0.5)
    title = curves.style == "panel_plain" or rng.random() < 0.3
    values = [v for ys in curves.series.values() for v in ys]
    pad = (max(values) - min(values)) * rng.uniform(0.06, 0.2)
    low, high = min(values) - pad, max(values) + pad
    ticks, fmt = y_ticks(low, high)
    low, high = min(low, ticks[0]), max(high, ticks[-1])
    names = list(curves.series)
    longest = max(len(n) for n in names)
    left = size * 4 + 8
    top = (size * 3 + 10 if legend == "top" else size + 14) + (size + 10 if title else 0)
    right = (longest * size * 0.6 + 48) if legend == "right" else 20
    bottom = size * 2 + 18 + (size + 6 if curves.x_title else 0)
    plot_w, plot_h = width - left - right, height - top - bottom
    x_low, x_high = curves.xs[0], curves.xs[-1]

    def px(x: float) -> float:
        return left + (x - x_low) / (x_high - x_low) * plot_w

    def py(y: float) -> float:
        return top + (high - y) / (high - low) * plot_h

    dash = f" stroke-dasharray='{rng.choice(('4 4', '3 3', '2 4', '6 3'))}'" if dashed else ""
    grid_w = rng.choice((0.5, 1.0, 1.0))
    parts = [f"<rect width='{width}' height='{height}' fill='{page}' "
             f"rx='{rng.choice((0, 6, 10))}'/>"]
    for value in ticks:
        parts.append(f"<line x1='{left}' x2='{left + plot_w:.1f}' y1='{py(value):.1f}' "
                     f"y2='{py(value):.1f}' stroke='{grid}' stroke-width='{grid_w}'{dash}/>")
        parts.append(f"<text x='{left - 8}' y='{py(value) + size * 0.35:.1f}' "
                     f"text-anchor='end' fill='{ink}'>{fmt.format(value)}</text>")
    for tick in x_ticks(curves.xs, rng):
        if full_grid:
            parts.append(f"<line x1='{px(tick):.1f}' x2='{px(tick):.1f}' y1='{top}' "
                         f"y2='{top + plot_h:.1f}' stroke='{grid}' stroke-width='{grid_w}'{dash}/>")
        parts.append(f"<text x='{px(tick):.1f}' y='{top + plot_h + size + 8:.1f}' "
                     f"text-anchor='middle' fill='{ink}'>{step_label(tick, thousands)}</text>")
    if curves.x_title:
        parts.append(f"<text x='{left + plot_w / 2:.1f}' y='{height - 8}' "
                     f"text-anchor='middle' fill='{ink}'>{curves.x_title}</text>")
    if title:
        parts.append(f"<text x='{left}' y='{size + 8}' fill='{ink}' font-weight='600' "
                     f"font-size='{size + 3}'>{curves.y_title} by step</text>")
    as_path = curves.style == "panel_plain" or rng.random() < 0.4
    join = rng.choice(("round", "miter", "bevel"))
    for index, ys in enumerate(curves.series.values()):
        colour = palette[index]
        points = [(px(x), py(y)) for x, y in zip(curves.xs, ys, strict=True)]
        if as_path:
            d = "M" + " L".join(f"{x:.2f} {y:.2f}" for x, y in points)
            parts.append(f"<path d='{d}' fill='none' stroke='{colour}' stroke-width='{stroke}' "
                         f"stroke-linejoin='{join}' stroke-linecap='round'/>")
        else:
            text = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f"<polyline points='{text}' fill='none' stroke='{colour}' "
                         f"stroke-width='{stroke}' stroke-linejoin='{join}'/>")
    parts += legend_parts(names, palette, legend, (left, top, plot_w, plot_h), size, ink,
                          stroke, rng)
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
           f"font-family='{font}' font-size='{size}'>{''.join(parts)}</svg>")
    return (f"<html><body style='margin:0;background:{page}'><div id='shot' "
            f"style='display:inline-block;padding:{rng.choice((0, 8, 16))}px;"
            f"background:{page}'>{svg}</div></body></html>")


def legend_parts(names: list[str], palette: tuple[str, ...], where: str,
                 plot: tuple[float, float, float, float], size: int, ink: str,
                 stroke: float, rng: random.Random) -> list[str]:
    """A dash of each series' colour and its name: in a row above the plot, a column right
    of it, or a column in the plot's upper or lower right corner."""
    left, top, plot_w, plot_h = plot
    dash_w = rng.choice((12, 16, 20))
    upper = rng.random() < 0.5
    parts = []
    for index, name in enumerate(names):
        if where == "top":
            x, y = left + index * (len(max(names, key=len)) * size * 0.62 + dash_w + 24), \
                top - size * 1.4
        elif where == "right":
            x, y = left + plot_w + 14, top + 8 + index * (size + 8)
        else:
            rows = len(names) * (size + 8)
            x = left + plot_w - (len(max(names, key=len)) * size * 0.62 + dash_w + 20)
            y = (top + 10 if upper else top + plot_h - rows) + index * (size + 8)
        parts.append(f"<line x1='{x:.1f}' x2='{x + dash_w:.1f}' y1='{y:.1f}' y2='{y:.1f}' "
                     f"stroke='{palette[index]}' stroke-width='{max(stroke, 2.0)}' "
                     "stroke-linecap='round'/>")
        parts.append(f"<text x='{x + dash_w + 6:.1f}' y='{y + size * 0.35:.1f}' "
                     f"fill='{ink}'>{name}</text>")
    return parts


def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    curves = panel_content(rng, style)
    width = rng.randint(480, 900)
    height = int(width * rng.uniform(0.5, 0.72))
    scale = rng.choice((1.0, 1.25, 1.5, 2.0))
    return browser.shoot(panel_page(curves, rng, width, height), scale), curves


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)
