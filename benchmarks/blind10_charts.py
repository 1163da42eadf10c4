"""The tenth blind test set of charts: eight looks written without reading the reader or any
other generator.

Looks, in turn:
- mpl_lollipop_hbar: matplotlib horizontal lollipops (a stem and a dot), each labelled;
- vega_area_steps: a Vega-Lite line over a shaded area against training steps, no markers;
- mpl_xkcd_columns: matplotlib's xkcd sketch style, wobbly unlabelled columns;
- pygal_xy_logx: pygal XY lines with dots on a log axis of parameters, shot in Chromium;
- seaborn_pointplot_sizes: seaborn point plots over model sizes printed as categories;
- mpl_tableau_grouped_hbar: grouped horizontal bars, "tableau-colorblind10", a legend;
- plotly_ggplot2_lines: plotly's "ggplot2" template, lines with markers on a log axis of
  training tokens, shot in Chromium;
- vega_dark_columns_jpeg: Vega-Lite "dark" grouped columns labelled above, saved as JPEG.

Truth per image: ``kind`` (bar, hbar or line), ``log_x``, ``series`` (name -> [[x, y]]:
a bar's x its category as printed, a line's x its number in the axis's own unit or the
category printed under it), ``style``. Labelled marks as printed, unlabelled at the value
drawn; a chart with one series names it after what it measures.

    python benchmarks/blind10_charts.py OUT_DIR [--count 24] [--seed 94000]
"""

from __future__ import annotations

import io
import json
import logging
import math
import random
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from blind10_tables import cli
from browser import Browser
from PIL import Image

FAMILIES = ["Marram", "Corvid", "Thistle", "Ostrea", "Lanternfly", "Pelion", "Sorrel",
            "Vireo", "Tamarack", "Nimbra", "Quillet", "Brackish"]
METRICS = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH", "MATH", "HellaSwag", "DROP"]
STYLES = ["mpl_lollipop_hbar", "vega_area_steps", "mpl_xkcd_columns", "pygal_xy_logx",
          "seaborn_pointplot_sizes", "mpl_tableau_grouped_hbar", "plotly_ggplot2_lines",
          "vega_dark_columns_jpeg"]


def models(rng: random.Random, n: int) -> list[str]:
    sizes = ["1B", "3B", "7B", "8B", "13B", "34B", "70B"]
    return [f"{family}-{rng.choice(sizes)}" for family in rng.sample(FAMILIES, n)]


def figure_image(fig) -> Image.Image:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=fig.dpi)
    plt.close(fig)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


def vega_image(spec: dict, scale: float) -> Image.Image:
    import vl_convert

    png = vl_convert.vegalite_to_png(spec, scale=scale)
    return Image.open(io.BytesIO(png)).convert("RGB")


def lollipop(rng, browser):
    names = models(rng, rng.randint(5, 8))
    metric = rng.choice(METRICS)
    values = [round(rng.uniform(25, 90), 1) for _ in names]
    with plt.style.context(rng.choice(["default", "seaborn-v0_8-white"])):
        fig, ax = plt.subplots(figsize=(rng.uniform(6, 8), rng.uniform(3.5, 5)), dpi=110)
        colour = rng.choice(["#e4572e", "#17becf", "#6a4c93"])
        ys = range(len(names))
        ax.hlines(ys, 0, values, color="#bbbbbb", linewidth=2)
        ax.plot(values, ys, "o", color=colour, markersize=9)
        for y, v in zip(ys, values, strict=True):
            ax.text(v + 1.5, y, f"{v:.1f}", va="center", fontsize=9)
        ax.set_yticks(list(ys), names)
        ax.set_xlim(0, 100)
        ax.set_xlabel(f"{metric} accuracy (%)")
        ax.set_title(f"{metric} by model")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
    truth = {metric: [[n, v] for n, v in zip(names, values, strict=True)]}
    return figure_image(fig), "hbar", False, truth


def area_steps(rng, browser):
    metric = rng.choice(["Validation loss", "HellaSwag accuracy", "MMLU accuracy"])
    steps = list(range(0, rng.choice([100, 200, 300]) + 1, rng.choice([10, 20, 25])))
    loss = metric.endswith("loss")
    points = []
    for i, step in enumerate(steps):
        t = i / (len(steps) - 1)
        value = (3.4 - 1.3 * t ** 0.5) if loss else (30 + 40 * t ** 0.6)
        points.append([step, round(value + rng.uniform(-0.02, 0.02) * (1 if loss else 20), 3)])
    colour = rng.choice(["#4c78a8", "#54a24b", "#b279a2"])
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.choice([420, 520]), "height": rng.choice([260, 300]),
        "title": f"{metric} during training",
        "data": {"values": [{"step": x, "v": y} for x, y in points]},
        "layer": [
            {"mark": {"type": "area", "opacity": 0.25, "color": colour},
             "encoding": {"x": {"field": "step", "type": "quantitative",
                                "title": "Training steps (k)"},
                          "y": {"field": "v", "type": "quantitative", "title": metric,
                                "scale": {"zero": False}}}},
            {"mark": {"type": "line", "color": colour, "strokeWidth": 2},
             "encoding": {"x": {"field": "step", "type": "quantitative"},
                          "y": {"field": "v", "type": "quantitative"}}},
        ],
    }
    return vega_image(spec, rng.choice([1.0, 1.5])), "line", False, {metric: points}


def xkcd_columns(rng, browser):
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # no Humor Sans
    names = models(rng, rng.randint(4, 6))
    metric = rng.choice(METRICS)
    values = [round(rng.uniform(20, 85)) for _ in names]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with plt.xkcd(scale=rng.uniform(0.6, 1.2)):
            fig, ax = plt.subplots(figsize=(rng.uniform(6, 8), 4.5), dpi=100)
            ax.bar(names, values, color=rng.choice(["#ffb3ba", "#bae1ff", "#baffc9"]),
                   edgecolor="black")
            ax.set_ylim(0, 100)
            ax.set_ylabel(f"{metric} score")
            ax.set_title(f"{metric}: our models vs the rest")
            ax.tick_params(axis="x", labelsize=9)
            fig.tight_layout()
            image = figure_image(fig)
    truth = {metric: [[n, v] for n, v in zip(names, values, strict=True)]}
    return image, "bar", False, truth


def pygal_logx(rng, browser):
    import pygal
    from pygal.style import LightStyle

    sizes = sorted(rng.sample([0.5, 1, 2, 3, 7, 13, 30, 70, 180], rng.randint(4, 6)))
    series = {}
    width, height = rng.choice([640, 760]), rng.choice([420, 480])
    chart = pygal.XY(logarithmic=True, style=LightStyle, width=width, height=height,
                     dots_size=4, show_x_guides=True, x_labels=[0.5, 1, 2, 5, 10, 20, 50, 100, 200],
                     x_title="Parameters (B)", y_title="Accuracy (%)",
                     title=rng.choice(["Scaling of open families", "Accuracy against size"]))
    for family in rng.sample(FAMILIES, rng.randint(2, 3)):
        base = rng.uniform(25, 40)
        points = [[s, round(base + rng.uniform(9, 13) * (math.log10(s) + 0.3), 1)]
                  for s in sizes]
        series[family] = points
        chart.add(family, [tuple(p) for p in points])
    svg = chart.render(is_unicode=True)
    markup = ("<!DOCTYPE html><html><body style='margin:0;background:#fff'>"
              f"<div id='shot' style='width:{width}px;height:{height}px'>{svg}</div>"
              "</body></html>")
    return browser.shoot(markup, rng.choice([1, 1.25])), "line", True, series


def pointplot_sizes(rng, browser):
    import pandas as pd
    import seaborn as sns

    sizes = ["1B", "3B", "7B", "13B", "34B", "70B"][: rng.randint(4, 6)]
    metric = rng.choice(METRICS)
    rows = []
    series = {}
    for family in rng.sample(FAMILIES, rng.randint(2, 3)):
        base = rng.uniform(20, 35)
        points = []
        for i, size in enumerate(sizes):
            value = round(base + i * rng.uniform(6, 10), 1)
            points.append([size, value])
            rows.append({"Model size": size, metric: value, "Family": family})
        series[family] = points
    sns.set_theme(style=rng.choice(["whitegrid", "white"]), context="notebook")
    fig, ax = plt.subplots(figsize=(rng.uniform(6, 8), 4.5), dpi=100)
    sns.pointplot(data=pd.DataFrame(rows), x="Model size", y=metric, hue="Family", ax=ax,
                  markers=["o", "s", "D"][: len(series)], errorbar=None)
    ax.set_title(f"{metric} as models grow")
    fig.tight_layout()
    image = figure_image(fig)
    sns.reset_orig()
    return image, "line", False, series


def tableau_hbar(rng, browser):
    import numpy as np

    names = models(rng, rng.randint(3, 5))
    metrics = rng.sample(METRICS, rng.randint(2, 3))
    series = {m: [[n, round(rng.uniform(20, 90), 1)] for n in names] for m in metrics}
    with plt.style.context("tableau-colorblind10"):
        fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8), rng.uniform(4, 5.5)), dpi=100)
        height = 0.8 / len(metrics)
        ys = np.arange(len(names))
        for i, metric in enumerate(metrics):
            ax.barh(ys + i * height, [v for _, v in series[metric]], height, label=metric)
        ax.set_yticks(ys + height * (len(metrics) - 1) / 2, names)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("Score")
        ax.legend(loc=rng.choice(["lower right", "upper right"]), frameon=True)
        ax.grid(axis="x", alpha=0.4)
        fig.tight_layout()
    return figure_image(fig), "hbar", False, series


def plotly_ggplot2(rng, browser):
    import plotly.graph_objects as go

    tokens = sorted(rng.sample([0.1, 0.3, 1, 2, 4, 8, 15], rng.randint(4, 6)))
    metric = rng.choice(METRICS)
    fig = go.Figure()
    series = {}
    for family in rng.sample(FAMILIES, rng.randint(2, 3)):
        base = rng.uniform(30, 45)
        points = [[t, round(base + rng.uniform(8, 12) * (math.log10(t) + 1), 1)] for t in tokens]
        series[family] = points
        fig.add_trace(go.Scatter(x=[p[0] for p in points], y=[p[1] for p in points],
                                 mode="lines+markers", name=family))
    fig.update_layout(template="ggplot2", width=rng.choice([700, 820]), height=460,
                      title=f"{metric} against training tokens",
                      xaxis_title="Training tokens (T)", yaxis_title=metric,
                      margin={"l": 60, "r": 20, "t": 60, "b": 60})
    fig.update_xaxes(type="log")
    div = fig.to_html(include_plotlyjs=True, full_html=False, config={"staticPlot": True})
    markup = ("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body style='margin:0'>"
              f"<div id='shot' style='display:inline-block'>{div}</div></body></html>")
    return browser.shoot(markup, 1), "line", True, series


def vega_dark(rng, browser):
    names = models(rng, rng.randint(3, 5))
    metrics = rng.sample(METRICS, rng.randint(1, 2))
    series = {m: [[n, round(rng.uniform(20, 90))] for n in names] for m in metrics}
    values = [{"model": n, "metric": m, "v": v} for m, pts in series.items() for n, v in pts]
    grouped = len(metrics) > 1
    encoding = {"x": {"field": "model", "type": "nominal", "title": None,
                      "axis": {"labelAngle": 0}},
                "y": {"field": "v", "type": "quantitative", "title": "Score",
                      "scale": {"domain": [0, 100]}}}
    if grouped:
        encoding["xOffset"] = {"field": "metric"}
        encoding["color"] = {"field": "metric", "title": None}
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": {"background": "#1e1e1e"}, "title": "Head to head",
        "width": rng.choice([420, 520]), "height": 280, "data": {"values": values},
        "layer": [{"mark": "bar", "encoding": encoding},
                  {"mark": {"type": "text", "dy": -7, "color": "#dddddd"},
                   "encoding": {**encoding, "text": {"field": "v"}}}],
    }
    if not grouped:
        spec["title"] = f"{metrics[0]} head to head"
    import vl_convert

    png = vl_convert.vegalite_to_png(spec, scale=1.5, theme="dark")
    return Image.open(io.BytesIO(png)).convert("RGB"), "bar", False, series


LOOKS = {
    "mpl_lollipop_hbar": lollipop, "vega_area_steps": area_steps,
    "mpl_xkcd_columns": xkcd_columns, "pygal_xy_logx": pygal_logx,
    "seaborn_pointplot_sizes": pointplot_sizes, "mpl_tableau_grouped_hbar": tableau_hbar,
    "plotly_ggplot2_lines": plotly_ggplot2, "vega_dark_columns_jpeg": vega_dark,
}


def generate(out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1200, 900))
    truth = {}
    try:
        for index in range(count):
            style = STYLES[index % len(STYLES)]
            rng = random.Random(f"blind10-charts/{seed}/{index}")
            image, kind, log_x, series = LOOKS[style](rng, browser)
            if style.endswith("jpeg"):
                name = f"{index:03d}_{style}.jpg"
                image.save(out / name, "JPEG", quality=rng.randint(60, 80))
            else:
                name = f"{index:03d}_{style}.png"
                image.save(out / name)
            truth[name] = {"kind": kind, "log_x": log_x, "series": series, "style": style}
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def main() -> None:
    cli(generate, __doc__ or "", 24, 94000)


if __name__ == "__main__":
    main()
