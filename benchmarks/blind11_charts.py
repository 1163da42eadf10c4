"""The eleventh blind test set of charts, written without reading the reader or any other
generator. Eight looks, in turn:

- mpl_dark_hbar_inside: matplotlib "dark_background" horizontal bars, each value printed in
  white inside its bar's end;
- mpl_dashed_lines: lines told apart by dash patterns only (no markers), legend below the
  plot, over parameters in billions on a linear axis;
- plotly_white_grouped: plotly "simple_white" grouped columns, the legend in a row on top,
  no value labels (drawn in Chromium);
- vega_logx_points: Vega-Lite lines with filled points over training tokens on a log axis;
- seaborn_labelled_jpeg: seaborn "ticks" columns of one series, values above, the model
  names turned 30 degrees, saved as a low-quality JPEG;
- mpl_annotated_steps: matplotlib lines with square markers, each point's value written
  beside it, over training steps in thousands;
- svg_grouped_hbars: hand-written SVG grouped horizontal bars with rounded ends and a legend
  of swatches (drawn in Chromium);
- mpl_offset_columns: unlabelled columns on an axis that starts well above zero, with a
  dotted grid (matplotlib "seaborn-v0_8-whitegrid").

    python benchmarks/blind11_charts.py OUT_DIR [--count 24] [--seed 104000]
"""

from __future__ import annotations

import html
import io
import json
import random
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind11_data import BENCHMARKS, FAMILIES, size_text
from blind11_draw import draw_set, main
from browser import Browser

MEASURES = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH", "MATH", "WinoGrande", "DROP"]


def model_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(FAMILIES)}-{size_text(rng.choice([1.3, 3, 7, 8, 13, 34, 70]))}B"
        if name not in names:
            names.append(name)
    return names


def scores(rng: random.Random, measure: str, count: int) -> list[float]:
    low, high = BENCHMARKS[measure]
    return [round(rng.uniform(low, high), 1) for _ in range(count)]


def figure_image(fig, dpi: int) -> Image.Image:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight",
                facecolor=fig.get_facecolor())
    plt.close(fig)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def truth(kind: str, series: dict, log_x: bool = False) -> dict:
    return {"kind": kind, "log_x": log_x, "series": series}


# ---- the looks: each returns (image, truth without style, extension)

def mpl_dark_hbar_inside(rng, _browser):
    measure = rng.choice(MEASURES)
    names = model_names(rng, rng.randint(4, 8))
    values = scores(rng, measure, len(names))
    with plt.style.context("dark_background"):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 7.5), 0.45 * len(names) + 1.2))
        colour = rng.choice(["#4361ee", "#f72585", "#2a9d8f", "#e76f51"])
        bars = ax.barh(names, values, color=colour, height=0.65)
        for bar, value in zip(bars, values, strict=True):
            ax.text(bar.get_width() - 0.8, bar.get_y() + bar.get_height() / 2, f"{value:.1f}",
                    ha="right", va="center", color="white", fontsize=9, fontweight="bold")
        ax.invert_yaxis()
        ax.set_xlabel(f"{measure} accuracy (%)")
        ax.set_title(f"{measure}", loc="left", fontsize=12)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        image = figure_image(fig, rng.choice([100, 130]))
    series = {measure: [[n, v] for n, v in zip(names, values, strict=True)]}
    return image, truth("hbar", series), "png"


def mpl_dashed_lines(rng, _browser):
    measure = rng.choice(MEASURES)
    families = rng.sample(FAMILIES, rng.randint(2, 4))
    sizes = sorted(rng.sample([1, 3, 7, 13, 20, 34, 52, 70], rng.randint(4, 6)))
    dashes = ["-", "--", ":", "-."]
    low, high = BENCHMARKS[measure]
    fig, ax = plt.subplots(figsize=(rng.uniform(6, 8), rng.uniform(4, 5)))
    series = {}
    for family, dash in zip(families, dashes, strict=False):
        start = rng.uniform(low, (low + high) / 2)
        points = []
        for size in sizes:
            value = round(min(high, start + (high - start) * (size / 80) ** 0.6
                              + rng.uniform(-2, 2)), 1)
            points.append([size, value])
        ax.plot([p[0] for p in points], [p[1] for p in points], dash, color="black"
                if rng.random() < 0.3 else None, linewidth=2, label=family)
        series[family] = points
    ax.set_xlabel("Parameters (B)")
    ax.set_ylabel(measure)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=len(families),
              frameon=False)
    ax.grid(alpha=0.3)
    return figure_image(fig, rng.choice([90, 110])), truth("line", series), "png"


def plotly_white_grouped(rng, browser):
    import plotly.graph_objects as go
    import plotly.offline

    measures = rng.sample(MEASURES, rng.randint(2, 3))
    names = model_names(rng, rng.randint(3, 5))
    fig = go.Figure()
    series = {}
    for measure in measures:
        values = scores(rng, measure, len(names))
        fig.add_bar(name=measure, x=names, y=values)
        series[measure] = [[n, v] for n, v in zip(names, values, strict=True)]
    width, height = rng.choice([(760, 460), (900, 500), (640, 420)])
    fig.update_layout(template="simple_white", barmode="group", width=width, height=height,
                      legend={"orientation": "h", "y": 1.1, "x": 0},
                      title={"text": rng.choice(["Benchmark scores", "Accuracy by task"]),
                             "y": 0.97}, yaxis_title="Score", margin={"t": 90},
                      font={"family": rng.choice(["Open Sans", "Roboto", "Liberation Sans"])})
    div = fig.to_html(include_plotlyjs=False, full_html=False, config={"staticPlot": True})
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><script>"
            f"{plotly.offline.get_plotlyjs()}</script></head><body style='margin:0'>"
            f"<div id='shot' style='display:inline-block'>{div}</div></body></html>")
    return browser.shoot(page, 1.0), truth("bar", series), "png"


def vega_logx_points(rng, _browser):
    import vl_convert

    measure = rng.choice(MEASURES)
    families = rng.sample(FAMILIES, rng.randint(2, 3))
    tokens = sorted(rng.sample([0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 8, 15], rng.randint(4, 6)))
    low, high = BENCHMARKS[measure]
    rows, series = [], {}
    for family in families:
        start = rng.uniform(low, low + (high - low) * 0.4)
        points = []
        for count in tokens:
            share = (len([t for t in tokens if t <= count]) / len(tokens))
            points.append([count, round(start + (high - start) * 0.8 * share
                                        + rng.uniform(-1.5, 1.5), 1)])
        series[family] = points
        rows += [{"tokens": x, "score": y, "model": family} for x, y in points]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.choice([380, 460, 520]), "height": rng.choice([260, 300]),
        "title": f"{measure} vs. training tokens", "data": {"values": rows},
        "mark": {"type": "line", "point": {"filled": True, "size": 60}},
        "encoding": {
            "x": {"field": "tokens", "type": "quantitative", "scale": {"type": "log"},
                  "title": "Training tokens (T)"},
            "y": {"field": "score", "type": "quantitative", "title": measure,
                  "scale": {"zero": False}},
            "color": {"field": "model", "type": "nominal", "title": None}},
        "config": {"font": rng.choice(["Roboto", "Liberation Sans"])}}
    png = vl_convert.vegalite_to_png(json.dumps(spec), scale=rng.choice([1.5, 2]))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return image, truth("line", series, log_x=True), "png"


def seaborn_labelled_jpeg(rng, _browser):
    import seaborn as sns

    measure = rng.choice(MEASURES)
    names = model_names(rng, rng.randint(4, 7))
    values = scores(rng, measure, len(names))
    sns.set_theme(style="ticks", palette=rng.choice(["muted", "deep", "Set2"]))
    fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 7), 4.2))
    sns.barplot(x=names, y=values, ax=ax, color=sns.color_palette()[rng.randint(0, 4)])
    for patch, value in zip(ax.patches, values, strict=False):
        ax.annotate(f"{value:.1f}", (patch.get_x() + patch.get_width() / 2, patch.get_height()),
                    ha="center", va="bottom", fontsize=9, xytext=(0, 2),
                    textcoords="offset points")
    ax.set_ylabel(f"{measure} (%)")
    plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
    sns.despine()
    image = figure_image(fig, rng.choice([80, 100]))
    sns.reset_orig()
    series = {measure: [[n, v] for n, v in zip(names, values, strict=True)]}
    return image, truth("bar", series), "jpg"


def mpl_annotated_steps(rng, _browser):
    measure = rng.choice(MEASURES)
    runs = [f"{name} run" for name in rng.sample(FAMILIES, rng.randint(1, 2))]
    spacing = rng.choice([5, 10, 20, 25])
    steps = [spacing * (k + 1) for k in range(rng.randint(5, 8))]
    low, high = BENCHMARKS[measure]
    fig, ax = plt.subplots(figsize=(rng.uniform(6, 7.5), 4.2))
    series = {}
    for run in runs:
        value = rng.uniform(low, low + 10)
        points = []
        for step in steps:
            value = round(min(high, value + rng.uniform(0.5, (high - low) / len(steps))), 1)
            points.append([step, value])
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        ax.plot(xs, ys, marker="s", markersize=5, label=run)
        for x, y in points:
            ax.annotate(f"{y:.1f}", (x, y), xytext=(0, 6), textcoords="offset points",
                        ha="center", fontsize=8)
        series[run] = points
    name = measure if len(runs) == 1 else None
    if name:
        series = {measure: series[runs[0]]}
    else:
        ax.legend(loc="lower right")
    ax.set_xlabel("Training steps (k)")
    ax.set_ylabel(f"{measure} accuracy")
    ax.set_title(f"{measure} during training", fontsize=11)
    return figure_image(fig, rng.choice([90, 110])), truth("line", series), "png"


def svg_grouped_hbars(rng, browser):
    measures = rng.sample(MEASURES, rng.randint(2, 3))
    names = model_names(rng, rng.randint(3, 5))
    values = {m: scores(rng, m, len(names)) for m in measures}
    colours = rng.sample(["#3a86ff", "#ff006e", "#fb5607", "#8338ec", "#06d6a0", "#ffbe0b"],
                         len(measures))
    bar, gap = 14, 12
    left, width = 130, rng.choice([340, 420])
    top = 60
    group = bar * len(measures) + gap
    height = top + group * len(names) + 40
    parts = [f"<text x='16' y='26' font-size='16' font-weight='600'>"
             f"{rng.choice(['Model comparison', 'Scores by model'])}</text>"]
    for k, (measure, colour) in enumerate(zip(measures, colours, strict=True)):
        x = 16 + k * 120
        parts.append(f"<rect x='{x}' y='38' width='10' height='10' rx='2' fill='{colour}'/>"
                     f"<text x='{x + 15}' y='47' font-size='11'>{measure}</text>")
    for tick in range(0, 101, 20):
        x = left + width * tick / 100
        parts.append(f"<line x1='{x}' x2='{x}' y1='{top - 4}' y2='{height - 34}' "
                     "stroke='#e5e5e5'/>"
                     f"<text x='{x}' y='{height - 20}' font-size='10' text-anchor='middle' "
                     f"fill='#666'>{tick}</text>")
    for i, name in enumerate(names):
        y = top + i * group
        parts.append(f"<text x='{left - 8}' y='{y + group / 2}' font-size='12' "
                     f"text-anchor='end'>{html.escape(name)}</text>")
        for k, measure in enumerate(measures):
            length = width * values[measure][i] / 100
            parts.append(f"<rect x='{left}' y='{y + k * bar}' width='{length:.1f}' "
                         f"height='{bar - 2}' rx='6' fill='{colours[k]}'/>")
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{left + width + 30}' "
           f"height='{height}' font-family='{rng.choice(['Roboto', 'Open Sans'])}'>"
           f"{''.join(parts)}</svg>")
    page = (f"<!DOCTYPE html><html><body style='margin:0'><div id='shot' "
            f"style='display:inline-block;background:#fff'>{svg}</div></body></html>")
    series = {m: [[n, v] for n, v in zip(names, values[m], strict=True)] for m in measures}
    return browser.shoot(page, rng.choice([1.0, 1.5])), truth("hbar", series), "png"


def mpl_offset_columns(rng, _browser):
    measure = rng.choice(MEASURES)
    names = model_names(rng, rng.randint(4, 7))
    low, high = BENCHMARKS[measure]
    floor = round((low + 10) / 10) * 10
    values = [round(rng.uniform(floor + 3, high), 1) for _ in names]
    with plt.style.context("seaborn-v0_8-whitegrid"):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 7.5), 4.2))
        ax.bar(names, values, color=rng.choice(["#4c72b0", "#dd8452", "#55a868", "#8172b3"]),
               width=0.6)
        ax.set_ylim(floor, min(100, high + 5))
        ax.grid(axis="y", linestyle=":")
        ax.grid(axis="x", visible=False)
        ax.set_ylabel(f"{measure} (%)")
        plt.setp(ax.get_xticklabels(), fontsize=9)
        image = figure_image(fig, rng.choice([90, 110]))
    series = {measure: [[n, v] for n, v in zip(names, values, strict=True)]}
    return image, truth("bar", series), "png"


LOOKS = {"mpl_dark_hbar_inside": mpl_dark_hbar_inside, "mpl_dashed_lines": mpl_dashed_lines,
         "plotly_white_grouped": plotly_white_grouped, "vega_logx_points": vega_logx_points,
         "seaborn_labelled_jpeg": seaborn_labelled_jpeg,
         "mpl_annotated_steps": mpl_annotated_steps, "svg_grouped_hbars": svg_grouped_hbars,
         "mpl_offset_columns": mpl_offset_columns}


def draw(style: str, rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, str]:
    return LOOKS[style](rng, browser)


def generate(out: Path, count: int, seed: int) -> dict:
    return draw_set(out, count, seed, "charts", list(LOOKS), draw, jpeg_quality=(45, 65))


if __name__ == "__main__":
    main(__doc__, generate, 24, 104000)
