"""The blind test set of charts: LLM benchmark charts as they are posted and shared.

    python benchmarks/blind_charts.py OUT_DIR [--count 24] [--seed 12000]

Written by rules of its own, without reading the reader or any other chart generator, and
never tuned on: ``benchmarks/charts.py --only-blind`` scores it. Eight styles, taken in
turn, from four renderers (plotly with its bundled script in Chromium, Vega-Lite through
vl-convert, matplotlib with rcParams of its own, hand-written SVG in Chromium):

- ``plotly_labels``: vertical bars with their values printed on top ("49.2" or "49.2%");
- ``plotly_grouped_dark``: grouped bars with a legend on plotly's dark template;
- ``vega_hbar``: horizontal bars sorted by score, values at their ends;
- ``vega_scaling``: scaling curves with markers against a log axis of parameters;
- ``mpl_tokens``: matplotlib scaling curves over training tokens (log axis, ``10^k``
  ticks), a house style of thin spines and large markers;
- ``svg_slide``: a hand-drawn SVG bar chart on a presentation slide;
- ``tweet_chart``: a chart as the picture of a post, JPEG;
- ``mpl_dark_grouped``: matplotlib grouped bars on a dark page, labels on every bar, JPEG.

``truth.json`` maps each file to ``kind`` (``bar``, ``hbar`` or ``line``), ``log_x``,
``series`` ({legend name: [[x, y], ...]}; bars' x is the category as printed, lines' x the
number on the x axis) and ``style``. Values are those printed, or drawn where nothing is
printed.
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import json
import math
import random
import sys
from pathlib import Path

from PIL import Image

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

STYLES = (
    "plotly_labels",
    "plotly_grouped_dark",
    "vega_hbar",
    "vega_scaling",
    "mpl_tokens",
    "svg_slide",
    "tweet_chart",
    "mpl_dark_grouped",
)

MODELS = [
    "Llama-3-8B", "Llama-3-70B", "Mistral-7B", "Mixtral-8x22B", "Qwen2-7B", "Qwen2-72B",
    "Gemma-2-9B", "Gemma-2-27B", "Phi-3-medium", "Yi-1.5-34B", "DeepSeek-V2", "GLM-4-9B",
    "InternLM2.5-7B", "Command-R+", "GPT-4o", "GPT-4-Turbo", "Claude-3.5-Sonnet",
    "Gemini-1.5-Pro", "Claude-3-Haiku", "GPT-3.5-Turbo", "DBRX", "Falcon-2-11B",
]
BENCHMARKS = {
    "MMLU": (45.0, 89.0), "GSM8K": (30.0, 96.0), "MATH": (10.0, 76.0),
    "HumanEval": (20.0, 92.0), "GPQA": (20.0, 54.0), "MMLU-Pro": (20.0, 73.0),
    "ARC-C": (50.0, 96.0), "BBH": (40.0, 88.0), "IFEval": (40.0, 88.0), "MBPP": (30.0, 85.0),
    "DROP": (50.0, 88.0), "C-Eval": (40.0, 88.0),
}
FAMILIES = ["Llama 2", "Pythia", "OPT", "Ours", "Chinchilla-style", "Baseline", "Qwen1.5",
            "Gemma"]
FONTS = ["Roboto", "Open Sans", "Liberation Sans", "DejaVu Sans"]
PALETTES = [
    ["#4C78A8", "#F58518", "#54A24B", "#E45756", "#72B7B2"],
    ["#6366f1", "#f43f5e", "#10b981", "#f59e0b", "#0ea5e9"],
    ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e"],
    ["#2f4b7c", "#ff7c43", "#a05195", "#665191", "#ffa600"],
]


def strength(model: str) -> float:
    """Where a model stands among those listed (0 weakest, 1 strongest): its place in
    ``MODELS`` is not its rank, so a fixed hash of the name decides, the same in every chart."""
    ranked = ["GPT-4o", "Claude-3.5-Sonnet", "Gemini-1.5-Pro", "GPT-4-Turbo", "Llama-3-70B",
              "Qwen2-72B", "DeepSeek-V2", "Mixtral-8x22B", "Command-R+", "Yi-1.5-34B",
              "Gemma-2-27B", "Phi-3-medium", "DBRX", "Claude-3-Haiku", "GPT-3.5-Turbo",
              "Gemma-2-9B", "GLM-4-9B", "Llama-3-8B", "Qwen2-7B", "InternLM2.5-7B",
              "Falcon-2-11B", "Mistral-7B"]
    return 1.0 - ranked.index(model) / len(ranked)


def scores(rng: random.Random, models: list[str], bench: str) -> list[float]:
    """Each model's score on ``bench``: its strength, a little noise, within the range the
    benchmark spans."""
    low, high = BENCHMARKS[bench]
    return [round(low + (high - low) * min(1.0, max(0.0, strength(m) + rng.gauss(0, 0.08))), 1)
            for m in models]


def bar_truth(kind: str, series: dict[str, list[tuple[str, float]]], style: str) -> dict:
    return {"kind": kind, "log_x": False,
            "series": {name: [[x, y] for x, y in points] for name, points in series.items()},
            "style": style}


def jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def scaling_curves(
    rng: random.Random, xs: list[float], families: int
) -> dict[str, list[tuple[float, float]]]:
    """Scores that rise with log x, one curve per family, each with its own offset."""
    names = rng.sample(FAMILIES, families)
    curves = {}
    span = math.log10(xs[-1] / xs[0])
    for name in names:
        base, gain = rng.uniform(25, 45), rng.uniform(18, 40)
        points = []
        for x in xs:
            y = base + gain * math.log10(x / xs[0]) / span + rng.uniform(-1.5, 1.5)
            points.append((x, round(y, 1)))
        curves[name] = points
    return curves


# --- plotly in Chromium --------------------------------------------------------------------

_PLOTLY_JS: str | None = None


def plotly_page(figure: object, width: int, height: int) -> str:
    """A page that draws ``figure`` with plotly's bundled script (no network)."""
    global _PLOTLY_JS
    import plotly.io as pio
    import plotly.offline

    if _PLOTLY_JS is None:
        _PLOTLY_JS = plotly.offline.get_plotlyjs()
    div = pio.to_html(figure, include_plotlyjs=False, full_html=False,
                      config={"staticPlot": True}, default_width=width, default_height=height)
    return (f"<!doctype html><html><head><meta charset=utf-8><script>{_PLOTLY_JS}</script>"
            f"</head><body style='margin:0'><div id=shot style='display:inline-block'>{div}"
            "</div></body></html>")


def style_plotly_labels(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    import plotly.graph_objects as go

    bench = rng.choice(list(BENCHMARKS))
    models = rng.sample(MODELS, rng.randint(3, 7))
    values = scores(rng, models, bench)
    percent = rng.random() < 0.5
    colour = rng.choice([p[0] for p in PALETTES])
    figure = go.Figure(go.Bar(
        x=models, y=values, marker_color=colour,
        text=[f"{v:.1f}%" if percent else f"{v:.1f}" for v in values], textposition="outside",
    ))
    template = rng.choice(["plotly_white", "simple_white", "ggplot2", "seaborn", "plotly"])
    figure.update_layout(
        template=template, title=f"{bench} ({'accuracy, %' if percent else 'score'})",
        font={"family": rng.choice(FONTS), "size": rng.choice([12, 14, 16])},
        yaxis={"range": [0, 100], "ticksuffix": "%" if percent else ""},
        margin={"l": 60, "r": 30, "t": 70, "b": 90}, showlegend=False,
    )
    width, height = rng.choice([(640, 420), (800, 480), (900, 520)])
    image = browser.shoot(plotly_page(figure, width, height), rng.choice([1.0, 2.0]))
    return image, bar_truth("bar", {bench: list(zip(models, values, strict=True))},
                            "plotly_labels")


def style_plotly_grouped(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    import plotly.graph_objects as go

    models = rng.sample(MODELS, rng.randint(2, 4))
    benches = rng.sample(list(BENCHMARKS), rng.randint(3, 5))
    palette = rng.choice(PALETTES)
    labelled = rng.random() < 0.6
    series = {}
    figure = go.Figure()
    for index, model in enumerate(models):
        values = [scores(rng, [model], b)[0] for b in benches]
        series[model] = list(zip(benches, values, strict=True))
        figure.add_trace(go.Bar(
            name=model, x=benches, y=values, marker_color=palette[index],
            text=[f"{v:.1f}" for v in values] if labelled else None,
            textposition="outside", textfont={"size": 11},
        ))
    figure.update_layout(
        template="plotly_dark", barmode="group", title="Benchmark comparison",
        font={"family": rng.choice(FONTS), "size": 13},
        legend={"orientation": "h", "y": 1.08, "x": 0} if rng.random() < 0.5 else {},
        yaxis={"range": [0, 100]}, margin={"l": 60, "r": 30, "t": 90, "b": 60},
    )
    width, height = rng.choice([(800, 480), (960, 540)])
    image = browser.shoot(plotly_page(figure, width, height), rng.choice([1.0, 1.5]))
    return image, bar_truth("bar", series, "plotly_grouped_dark")


# --- Vega-Lite through vl-convert --------------------------------------------------------


def vega_png(spec: dict, scale: float) -> Image.Image:
    import vl_convert

    png = vl_convert.vegalite_to_png(spec, scale=scale)
    return Image.open(io.BytesIO(png)).convert("RGB")


def style_vega_hbar(rng: random.Random, _browser: Browser) -> tuple[Image.Image, dict]:
    bench = rng.choice(list(BENCHMARKS))
    models = rng.sample(MODELS, rng.randint(6, 11))
    values = scores(rng, models, bench)
    rows = sorted(({"model": m, "score": v} for m, v in zip(models, values, strict=True)),
                  key=lambda row: -float(row["score"]))
    percent = rng.random() < 0.4
    font = rng.choice(FONTS)
    label = "format(datum.score, '.1f')" + (" + '%'" if percent else "")
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": f"{bench} leaderboard", "anchor": "start", "fontSize": 16},
        "width": rng.choice([360, 440, 520]),
        "height": {"step": rng.choice([22, 26, 30])},
        "data": {"values": rows},
        "encoding": {
            "y": {"field": "model", "type": "nominal", "sort": None, "title": None},
            "x": {"field": "score", "type": "quantitative", "title": f"{bench} (%)",
                  "scale": {"domain": [0, 100]}},
        },
        "layer": [
            {"mark": {"type": "bar", "color": rng.choice([p[1] for p in PALETTES]),
                      "cornerRadiusEnd": rng.choice([0, 3])}},
            {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
             "encoding": {"text": {"field": "label", "type": "nominal"}},
             "transform": [{"calculate": label, "as": "label"}]},
        ],
        "config": {"font": font, "view": {"stroke": None},
                   "axis": {"labelFontSize": 12, "titleFontSize": 12, "grid": rng.random() < 0.5}},
    }
    image = vega_png(spec, rng.choice([1.0, 1.5, 2.0]))
    return image, bar_truth("hbar", {bench: list(zip(models, values, strict=True))}, "vega_hbar")


def style_vega_scaling(rng: random.Random, _browser: Browser) -> tuple[Image.Image, dict]:
    xs = rng.choice([[0.5, 1.5, 7, 13, 70], [1, 3, 7, 14, 34, 72], [0.35, 1.3, 2.7, 6.7, 13, 30]])
    curves = scaling_curves(rng, xs, rng.randint(2, 3))
    bench = rng.choice(["MMLU", "ARC-C", "BBH", "average accuracy"])
    rows = [{"family": name, "params": x, "score": y}
            for name, points in curves.items() for x, y in points]
    font = rng.choice(FONTS)
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": f"Scaling: {bench}",
        "width": rng.choice([420, 520, 600]), "height": rng.choice([300, 360]),
        "data": {"values": rows},
        "mark": {"type": "line", "point": {"size": rng.choice([50, 80])}, "strokeWidth": 2},
        "encoding": {
            "x": {"field": "params", "type": "quantitative", "title": "Parameters (B)",
                  "scale": {"type": "log"}, "axis": {"values": [0.1, 1, 10, 100],
                                                     "format": "~g"}},
            "y": {"field": "score", "type": "quantitative", "title": f"{bench} (%)",
                  "scale": {"zero": False}},
            "color": {"field": "family", "type": "nominal", "title": None,
                      "scale": {"range": rng.choice(PALETTES)}},
        },
        "config": {"font": font, "legend": {"orient": rng.choice(["right", "bottom"])}},
    }
    image = vega_png(spec, rng.choice([1.0, 2.0]))
    truth = {"kind": "line", "log_x": True,
             "series": {k: [[x, y] for x, y in v] for k, v in curves.items()},
             "style": "vega_scaling"}
    return image, truth


# --- matplotlib with rcParams of its own ---------------------------------------------------


def figure_image(figure: object, dpi: int) -> Image.Image:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)  # type: ignore[attr-defined]
    plt.close(figure)  # type: ignore[arg-type]
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def style_mpl_tokens(rng: random.Random, _browser: Browser) -> tuple[Image.Image, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = rng.choice([[0.05, 0.1, 0.3, 1.0, 3.0], [0.02, 0.2, 0.5, 2.0, 8.0, 15.0],
                     [0.1, 0.4, 1.0, 2.0, 4.0]])
    curves = scaling_curves(rng, xs, rng.randint(2, 4))
    palette = rng.choice(PALETTES)
    markers = ["o", "s", "D", "^"]
    rc = {
        "font.family": rng.choice(["DejaVu Sans", "Liberation Sans", "Roboto"]),
        "font.size": rng.choice([11, 12, 13]),
        "axes.spines.top": False, "axes.spines.right": False,
        "axes.linewidth": 0.8, "axes.grid": rng.random() < 0.6, "grid.alpha": 0.3,
        "grid.linestyle": "--", "axes.facecolor": rng.choice(["white", "#fafafa", "#f4f1ea"]),
        "figure.facecolor": "white", "lines.linewidth": 2.2, "lines.markersize": 8,
    }
    with plt.rc_context(rc):
        figure, axes = plt.subplots(figsize=(rng.choice([6.0, 7.0]), rng.choice([4.0, 4.5])))
        for index, (name, points) in enumerate(curves.items()):
            axes.plot([p[0] for p in points], [p[1] for p in points], marker=markers[index],
                      color=palette[index], label=name)
        axes.set_xscale("log")
        axes.set_xlabel("Training tokens (T)")
        axes.set_ylabel(rng.choice(["MMLU accuracy (%)", "Average score"]))
        axes.legend(frameon=False, loc="lower right")
        axes.set_title("Performance vs. training data", loc="left", fontweight="bold")
        figure.tight_layout()
        image = figure_image(figure, rng.choice([100, 130, 160]))
    truth = {"kind": "line", "log_x": True,
             "series": {k: [[x, y] for x, y in v] for k, v in curves.items()},
             "style": "mpl_tokens"}
    return image, truth


def mpl_grouped(rng: random.Random, dark: bool) -> tuple[Image.Image, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    models = rng.sample(MODELS, rng.randint(2, 3))
    benches = rng.sample(list(BENCHMARKS), rng.randint(3, 5))
    palette = rng.choice(PALETTES)
    fg, bg = ("#e5e7eb", "#111827") if dark else ("#111111", "#ffffff")
    rc = {"font.family": rng.choice(["DejaVu Sans", "Liberation Sans", "Open Sans"]),
          "font.size": 11, "text.color": fg, "axes.labelcolor": fg, "xtick.color": fg,
          "ytick.color": fg, "axes.edgecolor": "#4b5563", "axes.facecolor": bg,
          "figure.facecolor": bg, "axes.spines.top": False, "axes.spines.right": False}
    series = {}
    with plt.rc_context(rc):
        figure, axes = plt.subplots(figsize=(rng.choice([7.0, 8.0]), 4.2))
        width = 0.8 / len(models)
        for index, model in enumerate(models):
            values = [scores(rng, [model], b)[0] for b in benches]
            series[model] = list(zip(benches, values, strict=True))
            offsets = [i + (index - (len(models) - 1) / 2) * width for i in range(len(benches))]
            bars = axes.bar(offsets, values, width * 0.92, color=palette[index], label=model)
            axes.bar_label(bars, labels=[f"{v:.1f}" for v in values], padding=2, fontsize=9,
                           color=fg)
        axes.set_xticks(range(len(benches)), benches)
        axes.set_ylim(0, 105)
        axes.set_ylabel("Score")
        axes.legend(frameon=False, ncols=len(models), loc="upper left",
                    bbox_to_anchor=(0, 1.12))
        figure.tight_layout()
        image = figure_image(figure, rng.choice([100, 120, 150]))
    return image, bar_truth("bar", series, "")


def style_mpl_dark_grouped(rng: random.Random, _browser: Browser) -> tuple[Image.Image, dict]:
    image, truth = mpl_grouped(rng, dark=True)
    truth["style"] = "mpl_dark_grouped"
    return jpeg(image, rng.randint(70, 88)), truth


# --- hand-written SVG in Chromium ----------------------------------------------------------


def svg_bars(rng: random.Random, models: list[str], values: list[float], colours: list[str],
             width: int, height: int, fg: str, grid: str, percent: bool) -> str:
    """A bar chart drawn by hand: gridlines every 20, values on the bars, names under them."""
    left, right, top, bottom = 50, 20, 30, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / len(models)
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
             f"font-family='{rng.choice(FONTS)}'>"]
    for tick in range(0, 101, 20):
        y = top + plot_h * (1 - tick / 100)
        parts.append(f"<line x1='{left}' x2='{width - right}' y1='{y:.1f}' y2='{y:.1f}' "
                     f"stroke='{grid}' stroke-width='1'/>")
        parts.append(f"<text x='{left - 8}' y='{y + 4:.1f}' font-size='12' fill='{fg}' "
                     f"text-anchor='end'>{tick}</text>")
    for index, (model, value) in enumerate(zip(models, values, strict=True)):
        bar_w = step * 0.62
        x = left + step * index + (step - bar_w) / 2
        h = plot_h * value / 100
        y = top + plot_h - h
        parts.append(f"<rect x='{x:.1f}' y='{y:.1f}' width='{bar_w:.1f}' height='{h:.1f}' "
                     f"rx='4' fill='{colours[index % len(colours)]}'/>")
        text = f"{value:.1f}%" if percent else f"{value:.1f}"
        parts.append(f"<text x='{x + bar_w / 2:.1f}' y='{y - 7:.1f}' font-size='15' "
                     f"font-weight='700' fill='{fg}' text-anchor='middle'>{text}</text>")
        parts.append(f"<text x='{x + bar_w / 2:.1f}' y='{top + plot_h + 22:.1f}' font-size='13' "
                     f"fill='{fg}' text-anchor='middle'>{html.escape(model)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def style_svg_slide(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    bench = rng.choice(list(BENCHMARKS))
    models = rng.sample(MODELS, rng.randint(3, 6))
    values = scores(rng, models, bench)
    dark = rng.random() < 0.4
    fg, bg, grid = (("#f9fafb", "#0f172a", "#334155") if dark else ("#1f2937", "#ffffff",
                                                                   "#e5e7eb"))
    palette = rng.choice(PALETTES)
    highlight = rng.random() < 0.5  # "ours" in the brand colour, the rest grey
    colours = ([palette[0]] + ["#9ca3af"] * (len(models) - 1)) if highlight else palette
    percent = rng.random() < 0.5
    chart = svg_bars(rng, models, values, colours, 860, 440, fg, grid, percent)
    font = rng.choice(FONTS)
    body = (f"<div id=shot style='width:1280px;height:720px;background:{bg};color:{fg};"
            f"font-family:\"{font}\";box-sizing:border-box;padding:48px 64px;position:relative'>"
            f"<div style='font-size:38px;font-weight:700'>{bench}: how we compare</div>"
            f"<div style='font-size:18px;opacity:.7;margin:8px 0 24px'>"
            f"{'Accuracy (%)' if percent else 'Score'}, higher is better</div>{chart}"
            f"<div style='position:absolute;bottom:22px;right:64px;font-size:14px;opacity:.6'>"
            f"{rng.randint(3, 28)}</div></div>")
    image = browser.shoot(f"<html><body style='margin:0'>{body}</body></html>", 1.0)
    target = rng.choice([960, 1280, 1440])
    image = image.resize((target, target * 9 // 16), Image.Resampling.LANCZOS)
    return image, bar_truth("bar", {bench: list(zip(models, values, strict=True))}, "svg_slide")


def style_tweet_chart(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    if rng.random() < 0.5:
        chart, truth = mpl_grouped(rng, dark=False)
    else:
        bench = rng.choice(list(BENCHMARKS))
        models = rng.sample(MODELS, rng.randint(3, 5))
        values = scores(rng, models, bench)
        svg = svg_bars(rng, models, values, rng.choice(PALETTES), 700, 400, "#111", "#e5e7eb",
                       rng.random() < 0.5)
        chart = browser.shoot(f"<html><body style='margin:0'><div id=shot "
                              f"style='display:inline-block;background:#fff;padding:10px'>"
                              f"<div style='font:700 18px Roboto;margin:0 0 6px 10px'>{bench}"
                              f"</div>{svg}</div></body></html>", 1.0)
        truth = bar_truth("bar", {bench: list(zip(models, values, strict=True))}, "")
    truth["style"] = "tweet_chart"
    buffer = io.BytesIO()
    chart.save(buffer, "PNG")
    data = base64.b64encode(buffer.getvalue()).decode()
    dark = rng.random() < 0.5
    fg, bg, muted, border = (("#e7e9ea", "#000", "#71767b", "#2f3336") if dark
                             else ("#0f1419", "#fff", "#536471", "#cfd9de"))
    handle = rng.choice(["evals_daily", "open_llm_news", "ml_charts"])
    text = rng.choice(["New model, new chart. Same eval harness for everyone.",
                       "How the latest releases stack up:",
                       "Benchmarks are saturating fast. Here is where things stand."])
    body = (f"<div id=shot style='width:560px;background:{bg};color:{fg};font:15px Roboto;"
            f"padding:12px 16px'><div style='display:flex;gap:10px;align-items:center'>"
            f"<div style='width:40px;height:40px;border-radius:50%;background:#0ea5e9'></div>"
            f"<div><b>{handle.replace('_', ' ').title()}</b><div style='color:{muted}'>@{handle}"
            f"</div></div></div><div style='margin:10px 0'>{html.escape(text)}</div>"
            f"<img src='data:image/png;base64,{data}' style='width:100%;border-radius:16px;"
            f"border:1px solid {border};display:block'><div style='color:{muted};margin-top:10px'>"
            f"9:0{rng.randint(0, 9)} PM · Jun {rng.randint(1, 28)}, 2024</div></div>")
    image = browser.shoot(f"<html><body style='margin:0'>{body}</body></html>",
                          rng.choice([1.0, 2.0]))
    return jpeg(image, rng.randint(65, 85)), truth


# --- the set -------------------------------------------------------------------------------

RENDERERS = {
    "plotly_labels": style_plotly_labels,
    "plotly_grouped_dark": style_plotly_grouped,
    "vega_hbar": style_vega_hbar,
    "vega_scaling": style_vega_scaling,
    "mpl_tokens": style_mpl_tokens,
    "svg_slide": style_svg_slide,
    "tweet_chart": style_tweet_chart,
    "mpl_dark_grouped": style_mpl_dark_grouped,
}


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` charts (the styles in turn) and their truth in ``out``; the same seed gives
    the same charts."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1600, 1200))
    truth = {}
    try:
        for index in range(count):
            style = STYLES[index % len(STYLES)]
            rng = random.Random(seed * 1000 + index)
            image, item = RENDERERS[style](rng, browser)
            name = f"blind_{seed}_{index:03d}_{style}.png"
            image.save(out / name)
            truth[name] = item
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--seed", type=int, default=12000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} charts in {args.out}")


if __name__ == "__main__":
    main()
