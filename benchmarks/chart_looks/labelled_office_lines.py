"""Office-suite line charts with every point's value printed by its marker, as Excel,
LibreOffice Calc and Google Sheets draw them (SVG shot in Chromium at device scales 1 to 2)
and as matplotlib imitates them.

A white plot, light level gridlines and no axis lines (or a faint base line), an x axis of
small integer positions (``0 .. 4``, ``1 .. 6``) or half steps (``0.5 1.0 1.5``), 1 to 3
series, each a line with round or square markers at every point and the point's value
(``43.6``) printed just above its marker (or right of it), a chart title above the plot, a
y axis title turned sometimes, a legend of swatches and names in a row below the plot (or a
column right of it).

- ``excel``: Excel's palette and Calibri-like fonts, round markers, legend below;
- ``calc``: LibreOffice's palette, square markers, values right of the markers sometimes;
- ``sheets``: Google Sheets' palette, legend below or right, half-step x sometimes;
- ``office_mpl``: matplotlib drawn in the same manner.

Colours, fonts, sizes and scales are drawn at random; a share is saved as JPEG. A tuning
look: its images were looked at.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.curves import Curves, drawn_in_turn, figure_image

STYLES = ("excel", "calc", "sheets", "office_mpl")
PALETTES = {
    "excel": ("#4472c4", "#ed7d31", "#a5a5a5", "#ffc000", "#5b9bd5", "#70ad47"),
    "calc": ("#004586", "#ff420e", "#ffd320", "#579d1c", "#7e0021", "#83caff"),
    "sheets": ("#4285f4", "#db4437", "#f4b400", "#0f9d58", "#ab47bc", "#00acc1"),
}
FONTS = (
    "Carlito, Calibri, sans-serif",
    "Liberation Sans",
    "Arial, sans-serif",
    "DejaVu Sans",
    "Roboto, sans-serif",
    "Open Sans",
)
NAMES = (
    "Model A",
    "Model B",
    "Baseline",
    "Ours",
    "Zero-shot",
    "Few-shot",
    "Accuracy",
    "F1",
    "Precision",
    "Recall",
    "Run 1",
    "Run 2",
    "GPT-4",
    "Llama 3",
    "Qwen2",
)
TITLES = (
    "Accuracy by round",
    "Score per setting",
    "Results",
    "Evaluation score",
    "Performance by epoch",
    "Pass rate",
    "Benchmark results",
)
Y_TITLES = ("Accuracy (%)", "Score", "Pass@1 (%)", "F1", "Win rate (%)")


def content(rng: random.Random, style: str) -> Curves:
    """1 to 3 series over 4 to 8 integer or half-step positions, one decimal each."""
    count = rng.randint(4, 8)
    start = rng.choice((0.0, 1.0, 1.0)) if style != "sheets" or rng.random() < 0.5 else 0.5
    step = 0.5 if start == 0.5 else 1.0
    curves = Curves(
        style=style,
        renderer="svg" if style != "office_mpl" else "matplotlib",
        xs=[start + step * i for i in range(count)],
        tick_format="plain",
        y_title=rng.choice(Y_TITLES),
    )
    low = rng.uniform(10, 60)
    for name in rng.sample(NAMES, rng.choice((1, 2, 2, 3))):
        base = low + rng.uniform(-8, 8)
        trend = rng.uniform(-3, 6)
        curves.series[name] = [
            round(base + trend * i + rng.uniform(-4, 4), 1) for i in range(count)
        ]
    return curves


def y_ticks(values: list[float]) -> tuple[list[float], float, float]:
    """Round level ticks over the values with room above for the printed labels."""
    low, high = min(values), max(values)
    span = max(high - low, 1.0)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50) if (span * 1.3) / s <= 7)
    first = math.floor((low - span * 0.1) / step) * step
    last = math.ceil((high + span * 0.15) / step) * step
    ticks = [first + step * i for i in range(round((last - first) / step) + 1)]
    return ticks, first, last


def office_page(curves: Curves, rng: random.Random, width: int, height: int) -> str:
    palette = PALETTES[curves.style]
    font, size = rng.choice(FONTS), rng.choice((11, 12, 13, 14))
    grid = rng.choice(("#d9d9d9", "#e0e0e0", "#cccccc", "#b3b3b3", "#ebebeb"))
    ink = rng.choice(("#595959", "#404040", "#333333", "#757575"))
    square = curves.style == "calc" or rng.random() < 0.2
    beside = curves.style == "calc" and rng.random() < 0.5
    legend_right = curves.style == "sheets" and rng.random() < 0.5
    y_title = rng.random() < 0.5
    base_line = rng.random() < 0.4
    values = [v for ys in curves.series.values() for v in ys]
    ticks, low, high = y_ticks(values)
    names = list(curves.series)
    longest = max(len(n) for n in names)
    left = size * 3 + 14 + (size + 10 if y_title else 0)
    top = size * 2 + 24
    right = longest * size * 0.6 + 50 if legend_right else 24
    bottom = size * 2 + 16 + (0 if legend_right else size + 20)
    plot_w, plot_h = width - left - right, height - top - bottom
    slots = len(curves.xs)

    def px(index: int) -> float:
        return left + (index + 0.5) / slots * plot_w

    def py(y: float) -> float:
        return top + (high - y) / (high - low) * plot_h

    parts = [
        f"<rect width='{width}' height='{height}' fill='white'/>",
        f"<text x='{width / 2:.1f}' y='{size + 12}' text-anchor='middle' fill='{ink}' "
        f"font-size='{size + 4}'>{rng.choice(TITLES)}</text>",
    ]
    for value in ticks:
        parts.append(
            f"<line x1='{left}' x2='{left + plot_w:.1f}' y1='{py(value):.1f}' "
            f"y2='{py(value):.1f}' stroke='{grid}' stroke-width='1'/>"
        )
        parts.append(
            f"<text x='{left - 6}' y='{py(value) + size * 0.35:.1f}' "
            f"text-anchor='end' fill='{ink}'>{value:g}</text>"
        )
    if base_line:
        parts.append(
            f"<line x1='{left}' x2='{left + plot_w:.1f}' y1='{py(low):.1f}' "
            f"y2='{py(low):.1f}' stroke='#bfbfbf' stroke-width='1'/>"
        )
    for index, x in enumerate(curves.xs):
        parts.append(
            f"<text x='{px(index):.1f}' y='{top + plot_h + size + 6:.1f}' "
            f"text-anchor='middle' fill='{ink}'>{x:g}</text>"
        )
    if y_title:
        middle = top + plot_h / 2
        parts.append(
            f"<text x='{size + 4}' y='{middle:.1f}' text-anchor='middle' "
            f"fill='{ink}' transform='rotate(-90 {size + 4} {middle:.1f})'>"
            f"{curves.y_title}</text>"
        )
    stroke = rng.choice((2.0, 2.25, 3.0))
    radius = rng.choice((3.0, 3.5, 4.0, 5.0))
    label_size = size - rng.choice((0, 1, 2))
    for colour, ys in zip(palette, curves.series.values(), strict=False):
        points = [(px(i), py(y)) for i, y in enumerate(ys)]
        text = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(
            f"<polyline points='{text}' fill='none' stroke='{colour}' "
            f"stroke-width='{stroke}' stroke-linejoin='round'/>"
        )
        for (x, y), value in zip(points, ys, strict=True):
            if square:
                parts.append(
                    f"<rect x='{x - radius:.1f}' y='{y - radius:.1f}' "
                    f"width='{2 * radius}' height='{2 * radius}' fill='{colour}'/>"
                )
            else:
                parts.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{radius}' fill='{colour}'/>")
            if beside:
                where = f"x='{x + radius + 3:.1f}' y='{y + label_size * 0.35:.1f}'"
            else:
                where = f"x='{x:.1f}' y='{y - radius - 4:.1f}' text-anchor='middle'"
            parts.append(f"<text {where} fill='{ink}' font-size='{label_size}'>{value:.1f}</text>")
    parts += legend_parts(
        names, palette, (left, top, plot_w, plot_h), height, size, ink, square, legend_right
    )
    svg = (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"font-family='{font}' font-size='{size}'>{''.join(parts)}</svg>"
    )
    border = "1px solid #d9d9d9" if rng.random() < 0.5 else "none"
    return (
        f"<html><body style='margin:0;background:white'><div id='shot' "
        f"style='display:inline-block;padding:{rng.choice((0, 6, 12))}px;"
        f"border:{border};background:white'>{svg}</div></body></html>"
    )


def legend_parts(
    names: list[str],
    palette: tuple[str, ...],
    plot: tuple[float, float, float, float],
    height: int,
    size: int,
    ink: str,
    square: bool,
    right: bool,
) -> list[str]:
    """A swatch (a short line through a marker) and a name per series: in a row centred
    below the plot, or a column right of it."""
    left, top, plot_w, plot_h = plot
    widths = [len(name) * size * 0.6 + 40 for name in names]
    x = left + (plot_w - sum(widths)) / 2
    parts = []
    for index, name in enumerate(names):
        if right:
            sx, sy = left + plot_w + 14, top + plot_h / 2 + (index - len(names) / 2) * (size + 10)
        else:
            sx, sy = x + sum(widths[:index]), height - size
        colour = palette[index]
        parts.append(
            f"<line x1='{sx:.1f}' x2='{sx + 22:.1f}' y1='{sy:.1f}' y2='{sy:.1f}' "
            f"stroke='{colour}' stroke-width='2'/>"
        )
        marker = (
            f"<rect x='{sx + 8:.1f}' y='{sy - 3:.1f}' width='6' height='6' fill='{colour}'/>"
            if square
            else f"<circle cx='{sx + 11:.1f}' cy='{sy:.1f}' r='3' fill='{colour}'/>"
        )
        parts.append(marker)
        parts.append(
            f"<text x='{sx + 28:.1f}' y='{sy + size * 0.35:.1f}' fill='{ink}'>{name}</text>"
        )
    return parts


def mpl_image(curves: Curves, rng: random.Random) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    palette = PALETTES[rng.choice(("excel", "calc", "sheets"))]
    size = rng.choice((9, 10, 11))
    square = rng.random() < 0.4
    values = [v for ys in curves.series.values() for v in ys]
    ticks, low, high = y_ticks(values)
    font = rng.choice(("DejaVu Sans", "Liberation Sans", "Liberation Serif"))
    with plt.rc_context({"font.family": font, "font.size": size}):
        figure, ax = plt.subplots(figsize=(rng.uniform(6.0, 8.0), rng.uniform(3.8, 4.8)))
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.yaxis.grid(True, color=rng.choice(("#d9d9d9", "#e0e0e0", "#cccccc")))
        ax.set_axisbelow(True)
        ax.set_yticks(ticks)
        ax.set_ylim(low, high)
        ax.set_xticks(curves.xs)
        ax.set_xticklabels([f"{x:g}" for x in curves.xs])
        step = curves.xs[1] - curves.xs[0]
        ax.set_xlim(curves.xs[0] - step / 2, curves.xs[-1] + step / 2)
        ax.tick_params(length=0, colors="#595959")
        for (name, ys), colour in zip(curves.series.items(), palette, strict=False):
            ax.plot(
                curves.xs,
                ys,
                color=colour,
                marker="s" if square else "o",
                markersize=rng.choice((5, 6, 7)),
                linewidth=2,
                label=name,
            )
            for x, y in zip(curves.xs, ys, strict=True):
                ax.annotate(
                    f"{y:.1f}",
                    (x, y),
                    textcoords="offset points",
                    xytext=(0, 6),
                    ha="center",
                    color="#404040",
                    fontsize=size - 1,
                )
        ax.set_title(rng.choice(TITLES), color="#595959", fontsize=size + 3)
        if rng.random() < 0.5:
            ax.set_ylabel(curves.y_title, color="#595959")
        ax.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=len(curves.series), frameon=False
        )
        return figure_image(figure, rng.choice((90, 100, 110)))


def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    curves = content(rng, style)
    if style == "office_mpl":
        return mpl_image(curves, rng), curves
    width = rng.randint(480, 860)
    height = int(width * rng.uniform(0.55, 0.72))
    scale = rng.choice((1.0, 1.25, 1.5, 2.0))
    return browser.shoot(office_page(curves, rng, width, height), scale), curves


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)
