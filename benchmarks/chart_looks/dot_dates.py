"""Cleveland dot plots and line charts over dates (issue 16, dots), one kind per chart in
turn (the kind is the style the benchmark reports):

- ``dots mpl``: matplotlib: model names as y tick labels, a light line across the plot per
  model, two or three dots on each (grey "Base" / orange "Instruct", "0-shot" / "5-shot"),
  an x axis 0..100 with "Score" under it, a frameless legend of dots at the lower right;
  sometimes the dots of a row joined by a bar (a dumbbell);
- ``dots svg``: the same drawn as SVG in Chromium (web fonts, thin rules, round dots);
- ``dots plotly``: plotly ``markers`` with a category y axis, in its templates;
- ``dates mpl``: matplotlib lines with round markers over weekly dates ("Sep 18",
  "Sep 25", "Oct 2"), the dates categories one under each point;
- ``dates svg``: a Google-Sheets-like chart in Chromium: a title at the top left, a legend
  of line-and-dot swatches at the top, y 0..100, a date under each point;
- ``dates plotly``: plotly ``lines+markers`` over a category axis of dates.

Truth: a dot plot is ``hbar`` (a series per legend entry, a dot's category the name on its
row, its value on the x axis); a date chart is ``line`` with the date as printed as x.
Some charts are resized or saved as JPEG (``curves.finish``). A tuning look: its images
were looked at.
"""

from __future__ import annotations

import html
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.category_lines import drawn_kinds
from chart_looks.category_lines import plotly_page as category_plotly_page
from chart_looks.common import FAMILIES, MODELS
from chart_looks.curves import figure_image

KINDS = ("dots mpl", "dates svg", "dots svg", "dates mpl", "dots plotly", "dates plotly")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
PAIRS = (("Base", "Instruct"), ("0-shot", "5-shot"), ("Before", "After"),
         ("Zero-shot", "Few-shot", "CoT"))
SERIES_COLOURS = (("#9e9e9e", "#ff7f0e", "#1f77b4"), ("#b0b0b0", "#e6550d", "#3182bd"),
                  ("#1f77b4", "#ff7f0e", "#2ca02c"), ("#7f7f7f", "#d62728", "#17becf"))
FONTS = ("DejaVu Sans", "Liberation Sans", "Roboto", "Open Sans")


def dot_content(rng: random.Random, style: str, renderer: str) -> dict[str, Any]:
    """Scores of 4 to 9 models under two or three settings (a series each)."""
    models = rng.sample(MODELS, rng.randint(4, 9))
    names = rng.choice(PAIRS)
    series: dict[str, list[list[Any]]] = {name: [] for name in names}
    for model in models:
        value = rng.uniform(15, 70)
        for name in names:
            series[name].append([model, round(value, 1)])
            value = min(97.0, value + rng.uniform(3, 20))
    return {"kind": "hbar", "renderer": renderer, "style": style, "log_x": False,
            "labelled": False, "series": series}


def dates(rng: random.Random, count: int) -> list[str]:
    """``count`` dates a week (or two) apart, printed "Sep 18"."""
    month, day = rng.randrange(12), rng.randint(1, 28)
    step = rng.choice((7, 7, 14))
    out = []
    for _ in range(count):
        out.append(f"{MONTHS[month]} {day}")
        day += step
        while day > DAYS[month]:
            day -= DAYS[month]
            month = (month + 1) % 12
    return out


def date_content(rng: random.Random, style: str, renderer: str) -> dict[str, Any]:
    """One to three series of weekly scores."""
    xs = dates(rng, rng.randint(5, 9))
    series: dict[str, list[list[Any]]] = {}
    for name in rng.sample(FAMILIES + MODELS[:6], rng.randint(1, 3)):
        value = rng.uniform(20, 60)
        points = []
        for x in xs:
            points.append([x, round(value, 1)])
            value = min(96.0, max(5.0, value + rng.uniform(-4, 9)))
        series[name] = points
    return {"kind": "line", "renderer": renderer, "style": style, "log_x": False,
            "labelled": False, "x_title": "", "y_title": "Score",
            "title": rng.choice(("Weekly eval score", "Eval score by week", "Pass rate")),
            "series": series}


# ---------------------------------------------------------------- matplotlib

def dots_mpl(truth: dict[str, Any], rng: random.Random, dumbbell: bool | None = None
             ) -> Image.Image:
    """``dumbbell``: the row's dots joined by a bar (by default, for three charts in ten)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(truth["series"])
    models = [m for m, _ in truth["series"][names[0]]]
    colours = rng.choice(SERIES_COLOURS)
    with plt.rc_context({"font.family": rng.choice(FONTS)}):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.8, 7.4), rng.uniform(3.4, 4.6)))
        rows = list(range(len(models)))[::-1]
        ax.hlines(rows, 0, 100, color=rng.choice(("#e0e0e0", "#d9d9d9", "#eeeeee")),
                  linewidth=rng.choice((0.8, 1.0, 1.5)), zorder=0)
        if rng.random() < 0.3 if dumbbell is None else dumbbell:
            lows = [min(truth["series"][n][i][1] for n in names) for i in range(len(models))]
            highs = [max(truth["series"][n][i][1] for n in names) for i in range(len(models))]
            ax.hlines(rows, lows, highs, color="#bbbbbb", linewidth=3, zorder=1)
        size = rng.choice((6, 7, 8, 9))
        for name, colour in zip(names, colours, strict=False):
            ax.plot([v for _, v in truth["series"][name]], rows, "o", color=colour,
                    markersize=size, label=name, zorder=2)
        ax.set_yticks(rows, models)
        ax.set_xlim(0, 100)
        ax.set_xlabel("Score")
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0)
        ax.legend(loc="lower right", frameon=False, fontsize=rng.choice((8, 9, 10)))
        return figure_image(fig, rng.choice((90, 100, 110)))


def dates_mpl(truth: dict[str, Any], rng: random.Random) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sheet = rng.choice(("default", "seaborn-v0_8-whitegrid", "ggplot", "bmh"))
    with plt.style.context(sheet), plt.rc_context({"font.family": rng.choice(FONTS)}):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.6, 7.6), rng.uniform(3.2, 4.2)))
        for name, points in truth["series"].items():
            ax.plot([x for x, _ in points], [y for _, y in points], marker="o",
                    markersize=rng.choice((4, 5, 6)), linewidth=rng.choice((1.5, 2.0)),
                    label=name)
        ax.set_ylim(0, 100)
        ax.set_ylabel("Score")
        ax.set_title(truth["title"], loc=rng.choice(("left", "center")))
        if len(truth["series"]) > 1:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False,
                      fontsize=9)
        return figure_image(fig, rng.choice((90, 100, 110)))


# ---------------------------------------------------------------- plotly (in Chromium)

def dots_plotly(truth: dict[str, Any], rng: random.Random) -> str:
    import plotly.graph_objects as go

    fig = go.Figure()
    colours = rng.choice(SERIES_COLOURS)
    for (name, points), colour in zip(truth["series"].items(), colours, strict=False):
        fig.add_trace(go.Scatter(x=[v for _, v in points], y=[m for m, _ in points],
                                 mode="markers", name=name,
                                 marker={"size": rng.choice((9, 11, 13)), "color": colour}))
    width, height = rng.choice((620, 700, 800)), rng.choice((370, 420, 480))
    fig.update_layout(
        xaxis={"range": [0, 100], "title": {"text": "Score"}},
        yaxis={"type": "category", "autorange": "reversed", "showgrid": True},
        legend={"x": 0.98, "y": 0.02, "xanchor": "right", "yanchor": "bottom"},
        template=rng.choice(("plotly_white", "simple_white", "ggplot2", "seaborn", "plotly")),
        width=width, height=height, margin={"l": 120, "r": 20, "t": 30, "b": 50})
    return str(fig.to_html(full_html=True, include_plotlyjs=True, div_id="shot",
                           default_width=f"{width}px", default_height=f"{height}px",
                           config={"staticPlot": True, "displayModeBar": False}))


# ---------------------------------------------------------------- hand-written SVG

def _svg(width: int, height: int, parts: list[str]) -> str:
    svg = (f'<svg id="shot" xmlns="http://www.w3.org/2000/svg" width="{width}" '
           f'height="{height}">' + "".join(parts) + "</svg>")
    return f'<!doctype html><html><body style="margin:0;background:#fff">{svg}</body></html>'


def dots_svg(truth: dict[str, Any], rng: random.Random) -> str:
    names = list(truth["series"])
    models = [m for m, _ in truth["series"][names[0]]]
    colours = rng.choice(SERIES_COLOURS)
    width, height = rng.choice((620, 680, 740)), 90 + 34 * len(models)
    left, right, top, bottom = 130, width - 24, 24, height - 56
    size = rng.choice((12, 13))
    font = rng.choice(("Arial, sans-serif", "Roboto, sans-serif", "Open Sans, sans-serif"))
    text = f'font-size="{size}" fill="#444" font-family="{font}"'
    step = (bottom - top) / len(models)

    def fx(value: float) -> float:
        return left + value / 100 * (right - left)

    parts = [f'<rect width="{width}" height="{height}" fill="#fff"/>',
             f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="#888"/>']
    for value in range(0, 101, 20):
        parts.append(f'<text x="{fx(value):.1f}" y="{bottom + size + 6}" text-anchor="middle" '
                     f'{text}>{value}</text>')
    parts.append(f'<text x="{(left + right) / 2:.1f}" y="{bottom + 2 * size + 18}" '
                 f'text-anchor="middle" {text}>Score</text>')
    radius = rng.choice((4, 5, 6))
    for row, model in enumerate(models):
        y = top + step * (row + 0.5)
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#e3e3e3"/>')
        parts.append(f'<text x="{left - 10}" y="{y + size / 3:.1f}" text-anchor="end" {text}>'
                     f'{html.escape(model)}</text>')
        for name, colour in zip(names, colours, strict=False):
            value = truth["series"][name][row][1]
            parts.append(f'<circle cx="{fx(value):.1f}" cy="{y:.1f}" r="{radius}" '
                         f'fill="{colour}"/>')
    for index, (name, colour) in enumerate(zip(names, colours, strict=False)):
        lx, ly = right - 90 * (len(names) - index), bottom - 14
        parts.append(f'<circle cx="{lx}" cy="{ly}" r="{radius}" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 10}" y="{ly + size / 3:.1f}" {text}>'
                     f'{html.escape(name)}</text>')
    return _svg(width, height, parts)


def dates_svg(truth: dict[str, Any], rng: random.Random) -> str:
    """Google-Sheets-like: a title at the top left, a legend of line-and-dot swatches at
    the top, gridlines at every 20, a date under each point."""
    width, height = rng.choice((600, 640, 700)), rng.choice((350, 380))
    left, right, top, bottom = 50, width - 24, 70, height - 40
    size = rng.choice((11, 12, 13))
    font = rng.choice(("Roboto, sans-serif", "Arial, sans-serif", "Open Sans, sans-serif"))
    text = f'font-size="{size}" fill="#555" font-family="{font}"'
    xs = [x for x, _ in next(iter(truth["series"].values()))]
    step = (right - left) / len(xs)

    def fx(index: int) -> float:
        return left + step * (index + 0.5)

    def fy(value: float) -> float:
        return bottom - value / 100 * (bottom - top)

    parts = [f'<rect width="{width}" height="{height}" fill="#fff"/>',
             f'<text x="16" y="26" font-size="{size + 4}" fill="#222" font-family="{font}">'
             f'{html.escape(truth["title"])}</text>']
    for value in range(0, 101, 20):
        parts.append(f'<line x1="{left}" x2="{right}" y1="{fy(value):.1f}" y2="{fy(value):.1f}"'
                     f' stroke="{"#333" if value == 0 else "#e0e0e0"}"/>')
        parts.append(f'<text x="{left - 8}" y="{fy(value) + size / 3:.1f}" text-anchor="end" '
                     f'{text}>{value}</text>')
    for index, x in enumerate(xs):
        parts.append(f'<text x="{fx(index):.1f}" y="{bottom + size + 8}" text-anchor="middle" '
                     f'{text}>{x}</text>')
    palette = rng.choice((("#4285f4", "#ea4335", "#fbbc04"), ("#3366cc", "#dc3912", "#ff9900")))
    lx = left + 10
    for (name, points), colour in zip(truth["series"].items(), palette, strict=False):
        path = " ".join(f"{'M' if i == 0 else 'L'}{fx(i):.1f},{fy(y):.1f}"
                        for i, (_, y) in enumerate(points))
        parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [f'<circle cx="{fx(i):.1f}" cy="{fy(y):.1f}" r="4" fill="{colour}"/>'
                  for i, (_, y) in enumerate(points)]
        parts.append(f'<line x1="{lx}" x2="{lx + 24}" y1="48" y2="48" stroke="{colour}" '
                     f'stroke-width="2"/><circle cx="{lx + 12}" cy="48" r="4" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 30}" y="{48 + size / 3:.1f}" {text}>'
                     f'{html.escape(name)}</text>')
        lx += 40 + 8 * len(name)
    return _svg(width, height, parts)


def dates_plotly(truth: dict[str, Any], rng: random.Random) -> str:
    truth["x_title"] = ""
    return category_plotly_page(truth, rng)


# ---------------------------------------------------------------- the look

def draw(kind: str, rng: random.Random, browser: Any) -> tuple[Image.Image, dict[str, Any]]:
    shape, renderer = kind.split(" ")
    content = dot_content if shape == "dots" else date_content
    truth = content(rng, kind, renderer)
    if renderer == "mpl":
        return (dots_mpl if shape == "dots" else dates_mpl)(truth, rng), truth
    page = {("dots", "svg"): dots_svg, ("dates", "svg"): dates_svg,
            ("dots", "plotly"): dots_plotly, ("dates", "plotly"): dates_plotly}[
        (shape, renderer)](truth, rng)
    return browser.shoot(page, rng.choice((1.0, 1.0, 1.5))), truth


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    return drawn_kinds(out, count, seed, KINDS, draw, "dotdate",
                       lambda kind: not kind.endswith("mpl"))
