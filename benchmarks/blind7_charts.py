"""The seventh blind test set of benchmark charts, written without reading the reader or any
other generator. Eight looks, in turn:

- ``mpl_ggplot_hbar``: matplotlib's ggplot style, sorted horizontal bars of one benchmark,
  each bar labelled with its value.
- ``seaborn_darkgrid_grouped``: seaborn darkgrid grouped columns (models by benchmark), a
  legend, no value labels, saved as JPEG.
- ``vega_dark_lines``: Vega-Lite's dark theme, lines without markers over release months
  (categories along x), a legend.
- ``plotly_endlabels_logx``: plotly (its bundled JS in Chromium), lines with markers on a
  log axis of parameters, each series named by a label at its line's end, no legend.
- ``pygal_dark_hbar``: pygal's dark style, grouped horizontal bars with a legend, its SVG
  drawn in Chromium.
- ``mpl_errorbar_groups``: paper-style matplotlib grouped columns with error bars and
  hatching, a framed legend, no value labels.
- ``mpl_solarized_lines``: matplotlib on a Solarized-light face, lines without markers
  against training tokens in trillions, a legend.
- ``svg_card_lines``: a hand-written SVG card (in Chromium), lines with markers and a value
  label at every point, against training steps.

Truth per image: ``kind`` (bar, hbar or line), ``log_x``, ``series`` (name -> [[x, y], ...];
a bar's x is its category as printed, a line's x its number in the axis's own unit or the
category printed under it; printed labels as printed, unlabelled marks at the value drawn;
one series is named after what it measures) and ``style``.

    python benchmarks/blind7_charts.py OUT_DIR [--count 24] [--seed 64000]
"""

from __future__ import annotations

import html
import io
import math
import random
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind7_data import BENCHMARKS, FAMILIES, command_line, write_set
from browser import Browser

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def models(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        family = rng.choice(FAMILIES)
        names.add(rng.choice([f"{family}-{rng.choice([3, 7, 8, 13, 34, 70])}B",
                              f"{family} {rng.choice(['2', '2.5', '3', 'v4'])}",
                              f"{family}-{rng.choice(['Mini', 'Pro', 'Lite', 'Max'])}"]))
    return sorted(names, key=lambda _: rng.random())


def score(rng: random.Random, low: float = 25, high: float = 90) -> float:
    return round(rng.uniform(low, high), 1)


def figure_image(figure: plt.Figure, dpi: int) -> Image.Image:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor=figure.get_facecolor())
    plt.close(figure)
    return Image.open(buffer).convert("RGB")


def mpl_ggplot_hbar(rng: random.Random, _browser: Browser) -> tuple[Image.Image, dict]:
    bench = rng.choice(BENCHMARKS)
    names = models(rng, rng.randint(4, 9))
    values = sorted((score(rng), name) for name in names)
    with plt.style.context("ggplot"):
        figure, axes = plt.subplots(figsize=(rng.uniform(6, 8.5), 0.45 * len(names) + 1.6))
        axes.barh([n for _, n in values], [v for v, _ in values],
                  color=rng.choice(["#348ABD", "#E24A33", "#988ED5", "#8EBA42"]))
        for position, (value, _) in enumerate(values):
            axes.text(value + 0.8, position, f"{value:.1f}", va="center", fontsize=9)
        axes.set_xlabel(f"{bench} accuracy (%)")
        axes.set_xlim(0, 100)
        axes.set_title(f"{bench}: who leads?", loc="left")
        figure.tight_layout()
    image = figure_image(figure, rng.choice([100, 130, 160]))
    return image, {"kind": "hbar", "log_x": False,
                   "series": {bench: [[n, v] for v, n in values]},
                   "style": "mpl_ggplot_hbar"}


def seaborn_darkgrid_grouped(rng: random.Random, _browser: Browser) -> tuple[Image.Image, dict]:
    import pandas as pd
    import seaborn as sns

    names = models(rng, rng.randint(2, 4))
    benches = rng.sample(BENCHMARKS, k=rng.randint(3, 5))
    data = [(name, bench, score(rng, 20, 92)) for name in names for bench in benches]
    frame = pd.DataFrame(data, columns=["model", "benchmark", "score"])
    sns.set_theme(style="darkgrid", palette=rng.choice(["deep", "muted", "Set2"]))
    figure, axes = plt.subplots(figsize=(rng.uniform(7, 10), rng.uniform(4, 5.5)))
    sns.barplot(frame, x="benchmark", y="score", hue="model", ax=axes, errorbar=None)
    axes.set_ylabel("Score")
    axes.set_xlabel("")
    axes.set_ylim(0, 100)
    axes.legend(title=None, loc="upper left", ncols=len(names), fontsize=9)
    figure.tight_layout()
    image = figure_image(figure, rng.choice([90, 110]))
    sns.reset_orig()
    series = {name: [[b, v] for n, b, v in data if n == name] for name in names}
    return image, {"kind": "bar", "log_x": False, "series": series,
                   "style": "seaborn_darkgrid_grouped"}


def vega_dark_lines(rng: random.Random, _browser: Browser) -> tuple[Image.Image, dict]:
    import vl_convert as vlc

    year = rng.choice([23, 24, 25])
    start = rng.randrange(0, 5)
    months = [f"{MONTHS[(start + i) % 12]} {year + (start + i) // 12}"
              for i in range(rng.randint(5, 8))]
    families = rng.sample(FAMILIES, k=rng.randint(2, 4))
    bench = rng.choice(BENCHMARKS)
    rows, series = [], {}
    for family in families:
        value = rng.uniform(30, 55)
        points = []
        for month in months:
            value = min(95.0, value + rng.uniform(-1, 7))
            points.append([month, round(value, 1)])
            rows.append({"month": month, "score": round(value, 1), "family": family})
        series[family] = points
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.choice([420, 520, 620]), "height": rng.choice([260, 320]),
        "title": f"Best open {bench} score per month",
        "data": {"values": rows},
        "mark": {"type": "line", "strokeWidth": 2.5},
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "sort": months,
                  "axis": {"labelAngle": 0, "title": None}},
            "y": {"field": "score", "type": "quantitative", "title": f"{bench} (%)",
                  "scale": {"zero": False}},
            "color": {"field": "family", "type": "nominal", "title": "Family"},
        },
    }
    png = vlc.vegalite_to_png(spec, scale=rng.choice([1.5, 2.0]),
                              config={"background": "#222"}, theme="dark")
    return Image.open(io.BytesIO(png)).convert("RGB"), {
        "kind": "line", "log_x": False, "series": series, "style": "vega_dark_lines"}


def plotly_endlabels_logx(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    import plotly.graph_objects as go
    import plotly.offline as po

    sizes = sorted(rng.sample([0.5, 1, 1.5, 3, 7, 8, 14, 32, 70, 110, 405], k=rng.randint(4, 6)))
    bench = rng.choice(BENCHMARKS)
    families = rng.sample(FAMILIES, k=rng.randint(2, 3))
    figure = go.Figure()
    series = {}
    for family in families:
        base, slope = rng.uniform(20, 40), rng.uniform(7, 13)
        ys = [round(min(95.0, base + slope * math.log10(s * 10)), 1) for s in sizes]
        series[family] = [[s, y] for s, y in zip(sizes, ys, strict=True)]
        figure.add_trace(go.Scatter(x=sizes, y=ys, mode="lines+markers", name=family,
                                    marker={"size": 8}))
        figure.add_annotation(x=math.log10(sizes[-1]), y=ys[-1], text=family,
                              showarrow=False, xanchor="left", xshift=8)
    figure.update_layout(
        template=rng.choice(["simple_white", "plotly_white"]), showlegend=False,
        width=rng.choice([640, 760]), height=rng.choice([420, 480]),
        title=f"{bench} vs. model size", margin={"r": 110},
        xaxis={"type": "log", "title": "Parameters (B)"}, yaxis={"title": f"{bench} (%)"})
    body = figure.to_html(full_html=False, include_plotlyjs=False,
                          config={"staticPlot": True})
    page = (f"<!doctype html><html><head><meta charset='utf-8'><script>{po.get_plotlyjs()}"
            f"</script></head><body style='margin:0'><div id='shot' style='width:fit-content'>"
            f"{body}</div></body></html>")
    image = browser.shoot(page, rng.choice([1.0, 1.5]))
    return image, {"kind": "line", "log_x": True, "series": series,
                   "style": "plotly_endlabels_logx"}


def pygal_dark_hbar(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    import pygal
    from pygal.style import DarkStyle

    names = models(rng, rng.randint(2, 3))
    benches = rng.sample(BENCHMARKS, k=rng.randint(3, 5))
    chart = pygal.HorizontalBar(style=DarkStyle, width=rng.choice([700, 800]),
                                height=rng.choice([460, 540]), legend_at_bottom=True,
                                title="Scores by benchmark", range=(0, 100),
                                print_values=rng.random() < 0.5, explicit_size=True)
    chart.x_labels = benches
    series = {}
    for name in names:
        values = [score(rng) for _ in benches]
        chart.add(name, values)
        series[name] = [[b, v] for b, v in zip(benches, values, strict=True)]
    svg = chart.render(is_unicode=True)
    page = (f"<!doctype html><html><head><meta charset='utf-8'></head><body style='margin:0'>"
            f"<div id='shot' style='width:fit-content'>{svg}</div></body></html>")
    image = browser.shoot(page, 1.0)
    return image, {"kind": "hbar", "log_x": False, "series": series, "style": "pygal_dark_hbar"}


def mpl_errorbar_groups(rng: random.Random, _browser: Browser) -> tuple[Image.Image, dict]:
    names = models(rng, rng.randint(2, 3))
    benches = rng.sample(BENCHMARKS, k=rng.randint(3, 5))
    plt.rcParams.update({"font.family": "serif", "font.serif": ["Liberation Serif"]})
    figure, axes = plt.subplots(figsize=(rng.uniform(5.5, 7.5), rng.uniform(3.2, 4.2)))
    width = 0.8 / len(names)
    hatches = ["", "//", "..", "xx"]
    greys = ["#222222", "#777777", "#bbbbbb"] if rng.random() < 0.5 else [None] * 3
    series = {}
    for k, name in enumerate(names):
        values = [score(rng, 30, 88) for _ in benches]
        errors = [rng.uniform(0.5, 3.5) for _ in benches]
        positions = [i + (k - (len(names) - 1) / 2) * width for i in range(len(benches))]
        axes.bar(positions, values, width, yerr=errors, capsize=3, label=name,
                 hatch=hatches[k], color=greys[k], edgecolor="black", linewidth=0.6)
        series[name] = [[b, v] for b, v in zip(benches, values, strict=True)]
    axes.set_xticks(range(len(benches)), benches)
    axes.set_ylabel("Accuracy (%)")
    axes.set_ylim(0, 100)
    axes.legend(frameon=True, edgecolor="black", fontsize=9, loc="upper right")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    image = figure_image(figure, rng.choice([120, 150, 200]))
    plt.rcdefaults()
    return image, {"kind": "bar", "log_x": False, "series": series,
                   "style": "mpl_errorbar_groups"}


def mpl_solarized_lines(rng: random.Random, _browser: Browser) -> tuple[Image.Image, dict]:
    tokens = sorted(rng.sample([0.5, 1, 2, 3, 4, 6, 8, 10, 12, 15], k=rng.randint(5, 7)))
    families = rng.sample(FAMILIES, k=rng.randint(2, 4))
    bench = rng.choice(BENCHMARKS)
    with plt.style.context("Solarize_Light2"):
        figure, axes = plt.subplots(figsize=(rng.uniform(6, 8), rng.uniform(3.8, 4.8)))
        series = {}
        for family in families:
            base, gain = rng.uniform(25, 45), rng.uniform(2, 4.5)
            ys = [round(min(95.0, base + gain * t ** 0.8), 1) for t in tokens]
            axes.plot(tokens, ys, linewidth=2, label=family)
            series[family] = [[t, y] for t, y in zip(tokens, ys, strict=True)]
        axes.set_xlabel("Training tokens (T)")
        axes.set_ylabel(f"{bench} (%)")
        axes.set_title(f"{bench} as pre-training goes on")
        axes.legend(loc=rng.choice(["lower right", "upper left"]))
        figure.tight_layout()
    image = figure_image(figure, rng.choice([100, 130]))
    return image, {"kind": "line", "log_x": False, "series": series,
                   "style": "mpl_solarized_lines"}


def svg_card_lines(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    last = rng.choice([50, 100, 200])
    count = rng.randint(5, 7)
    steps = [round(last * i / (count - 1)) for i in range(count)]
    names = rng.sample(["baseline", "+ curriculum", "+ longer context", "+ code data",
                        "distilled"], k=rng.randint(2, 3))
    bench = rng.choice(BENCHMARKS)
    width, height, left, right, top, bottom = 640, 400, 60, 150, 50, 50
    low, high = 0, 100

    def sx(x: float) -> float:
        return left + (x / last) * (width - left - right)

    def sy(y: float) -> float:
        return height - bottom - (y - low) / (high - low) * (height - top - bottom)

    colours = ["#0f766e", "#c2410c", "#6d28d9"]
    parts = [f"<rect width='{width}' height='{height}' rx='14' fill='#ffffff'/>",
             f"<text x='{left}' y='30' font-size='17' font-weight='600' fill='#111'>"
             f"{bench} during fine-tuning</text>"]
    for tick in range(0, 101, 20):
        parts.append(f"<line x1='{left}' x2='{width - right}' y1='{sy(tick)}' y2='{sy(tick)}'"
                     " stroke='#e5e7eb'/>")
        parts.append(f"<text x='{left - 8}' y='{sy(tick) + 4}' font-size='11' fill='#6b7280'"
                     f" text-anchor='end'>{tick}</text>")
    for step in steps:
        parts.append(f"<text x='{sx(step)}' y='{height - bottom + 18}' font-size='11'"
                     f" fill='#6b7280' text-anchor='middle'>{step}</text>")
    parts.append(f"<text x='{(left + width - right) / 2}' y='{height - 12}' font-size='12'"
                 " fill='#374151' text-anchor='middle'>Step (thousands)</text>")
    series = {}
    for k, name in enumerate(names):
        value = rng.uniform(15, 40)
        points = []
        for step in steps:
            points.append([step, round(value, 1)])
            value = min(92.0, value + rng.uniform(1, 9))
        series[name] = points
        path = " ".join(f"{sx(x)},{sy(y)}" for x, y in points)
        colour = colours[k]
        parts.append(f"<polyline points='{path}' fill='none' stroke='{colour}'"
                     " stroke-width='2.2'/>")
        for x, y in points:
            parts.append(f"<circle cx='{sx(x)}' cy='{sy(y)}' r='3.5' fill='{colour}'/>")
            # alternate series label above and below their points, as such cards do
            label_y = sy(y) - 8 if k % 2 == 0 else sy(y) + 16
            parts.append(f"<text x='{sx(x)}' y='{label_y}' font-size='10' fill='{colour}'"
                         f" text-anchor='middle'>{y:.1f}</text>")
        legend_y = top + 20 + 22 * k
        parts.append(f"<rect x='{width - right + 16}' y='{legend_y - 9}' width='12'"
                     f" height='12' fill='{colour}'/>")
        parts.append(f"<text x='{width - right + 34}' y='{legend_y + 1}' font-size='12'"
                     f" fill='#111'>{html.escape(name)}</text>")
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}'"
           f" font-family='Open Sans, sans-serif'>{''.join(parts)}</svg>")
    page = ("<!doctype html><html><head><meta charset='utf-8'></head>"
            "<body style='margin:0;background:#eef2f7'><div id='shot' style='padding:24px;"
            f"width:fit-content;background:#eef2f7'>{svg}</div></body></html>")
    image = browser.shoot(page, rng.choice([1.0, 1.5, 2.0]))
    return image, {"kind": "line", "log_x": False, "series": series, "style": "svg_card_lines"}


LOOKS = [mpl_ggplot_hbar, seaborn_darkgrid_grouped, vega_dark_lines, plotly_endlabels_logx,
         pygal_dark_hbar, mpl_errorbar_groups, mpl_solarized_lines, svg_card_lines]
JPEG_LOOKS = {"seaborn_darkgrid_grouped"}


def generate(out: Path, count: int, seed: int) -> dict:
    browser = Browser((1200, 900))
    try:
        return write_set(out, count, seed, "blind7-charts",
                         lambda rng, index: LOOKS[index % len(LOOKS)](rng, browser), JPEG_LOOKS)
    finally:
        browser.close()


if __name__ == "__main__":
    command_line(__doc__, generate, 24, 64000)
