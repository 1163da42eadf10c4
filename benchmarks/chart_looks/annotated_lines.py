"""Line charts with annotations pointing at them: an arrow from a note ("best: 61.2", "lr
decay", "data mix changed") to a point of a line, drawn with matplotlib as a paper or a
slide draws it.

Styles:
- ``arrow_markers``: 1-3 series with markers and a legend, one or two notes whose arrows
  (black or grey, a plain or a filled head, straight) end at a point of a line; a title
  above the plot on some;
- ``arrow_plain``: the same without markers (lines of vertices), a dashed reference line
  across on some (no series), its label at the right;
- ``arrow_slide``: one series on a slide: a warm page, a large title over the chart, a
  logo at the top right, a footer line under it; one note and arrow.

The arrows and the notes are no series and no points of one.
"""

from __future__ import annotations

import functools
import io
import random
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from chart_looks.common import draw_look, line_data

STYLES = ["arrow_markers", "arrow_plain", "arrow_slide"]
NOTES = ("lr decay", "data mix changed", "warm-up ends", "context 8k", "new tokenizer",
         "plateau", "restart")
ARROWS = ("->", "-|>", "simple", "fancy", "-")
INKS = ("black", "#333333", "#555555", "#7a7a7a")
MARKERS = ("o", "s", "D", "^", "v")
FONT_ROOT = Path("/usr/share/fonts/truetype")


def _figure_image(figure: Any, dpi: int, face: str = "white") -> Image.Image:
    import matplotlib.pyplot as plt

    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor=face)
    plt.close(figure)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def _annotate(ax: Any, rng: random.Random, series: dict[str, list], log_x: bool) -> None:
    """One or two notes, each in free space off the lines, its arrow ending at a point."""
    names = list(series)
    count = 1 if len(names) == 1 and rng.random() < 0.5 else rng.randint(1, 2)
    xs = [x for x, _ in series[names[0]]]
    low, high = ax.get_ylim()
    for index in range(count):
        points = series[rng.choice(names)]
        x, y = points[rng.randint(1, len(points) - 1) if index == 0 else rng.randint(0, 1)]
        text = rng.choice(NOTES) if rng.random() < 0.5 else f"best: {y:.1f}"
        # the note below-left or above-left of its point, in axes fraction
        left = xs.index(x) >= len(xs) / 2
        target_x = rng.uniform(0.25, 0.45) if left else rng.uniform(0.55, 0.75)
        if log_x:
            import math

            span = math.log10(xs[-1]) - math.log10(xs[0])
            into = (math.log10(x) - math.log10(xs[0])) / (span or 1)
        else:
            into = (x - xs[0]) / ((xs[-1] - xs[0]) or 1)
        target_x = max(0.08, min(0.85, into + (-0.22 if left else 0.12)))
        share = (y - low) / (high - low)
        target_y = share - rng.uniform(0.18, 0.3) if share > 0.5 else share + rng.uniform(0.2, 0.3)
        ink = rng.choice(INKS)
        style = rng.choice(ARROWS)
        props: dict[str, Any] = {"arrowstyle": style, "color": ink,
                                 "lw": rng.choice((0.8, 1.0, 1.3))}
        if style in ("simple", "fancy"):
            props = {"arrowstyle": style, "color": ink, "lw": 0.5}
        ax.annotate(text, xy=(x, y), xytext=(target_x, target_y), textcoords="axes fraction",
                    fontsize=rng.choice((9, 10, 11)), color=ink, arrowprops=props)


def _draw_chart(style: str, rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    chart = line_data(rng, "mpl", style)
    if style == "arrow_slide":
        name = next(iter(chart.series))
        chart.series = {name: chart.series[name]}
    entry.update(chart.truth())
    theme = rng.choice(("default", "seaborn-v0_8-whitegrid", "bmh", "ggplot"))
    face = "#f6f3ec" if style == "arrow_slide" else "white"
    with plt.style.context(theme):
        figure, ax = plt.subplots(figsize=(rng.uniform(6.0, 8.5), rng.uniform(3.6, 4.8)),
                                  dpi=100)
        if style == "arrow_slide":
            figure.patch.set_facecolor(face)
        for index, (name, points) in enumerate(chart.series.items()):
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            marker = MARKERS[index % len(MARKERS)] if style != "arrow_plain" else None
            ax.plot(xs, ys, marker=marker, markersize=6, linewidth=2, label=name)
        if chart.log_x:
            ax.set_xscale("log")
        ax.set_xlabel(chart.x_title)
        ax.set_ylabel(chart.y_title)
        values = [y for points in chart.series.values() for _, y in points]
        ax.set_ylim(max(0, min(values) - 12), min(100, max(values) + 12))
        if style == "arrow_plain" and rng.random() < 0.6:
            level = round(min(99.0, max(values) + rng.uniform(3, 8)), 1)
            ax.axhline(level, linestyle="--", color=rng.choice(("#c0392b", "#888888")), lw=1.2)
            ax.text(0.99, level, f" reference {level}", transform=ax.get_yaxis_transform(),
                    ha="right", va="bottom", fontsize=9)
        _annotate(ax, rng, chart.series, chart.log_x)
        if len(chart.series) > 1 or rng.random() < 0.5:
            ax.legend(loc=rng.choice(("lower right", "upper left", "center right")))
        if style == "arrow_markers" and rng.random() < 0.5:
            ax.set_title(rng.choice(("Scores during training", "How far the gap closes",
                                     "Accuracy against scale")))
        dpi = rng.choice((80, 100, 120))
        image = _figure_image(figure, dpi, face)
    if style == "arrow_slide":
        image = _on_slide(image, rng, face)
    return image


def _on_slide(chart: Image.Image, rng: random.Random, face: str) -> Image.Image:
    width = chart.width + rng.randint(160, 300)
    slide = Image.new("RGB", (width, chart.height + 190), face)
    slide.paste(chart, ((width - chart.width) // 2, 95))
    draw = ImageDraw.Draw(slide)
    bold = ImageFont.truetype(str(FONT_ROOT / "dejavu/DejaVuSans-Bold.ttf"), 30)
    small = ImageFont.truetype(str(FONT_ROOT / "dejavu/DejaVuSans.ttf"), 13)
    draw.text((48, 28), rng.choice(("Training closes the gap", "Longer runs pay off",
                                    "What the extra steps bought")), fill="#222222", font=bold)
    draw.text((width - 170, 32), rng.choice(("Sandpiper AI", "Kestrel Lab", "Northwind")),
              fill="#1f5fa8", font=ImageFont.truetype(
                  str(FONT_ROOT / "dejavu/DejaVuSans-Bold.ttf"), 16))
    draw.line((48, slide.height - 48, width - 48, slide.height - 48), fill="#cccccc")
    draw.text((48, slide.height - 40), "Internal review", fill="#777777", font=small)
    draw.text((width - 70, slide.height - 40), str(rng.randint(3, 40)), fill="#777777",
              font=small)
    return slide


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, the styles in turn; returns the truth."""
    return draw_look(
        out, count, seed, "annotated", _draw_chart, STYLES,
        lambda style: {"kind": "line", "renderer": "mpl", "log_x": False, "labelled": False,
                       "style": style, "series": {}},
        (0.25, 70), lambda: None)


# each style's drawing, for tests that draw one chart (``conftest.drawn_look``)
DRAW = {style: functools.partial(_draw_chart, style) for style in STYLES}
