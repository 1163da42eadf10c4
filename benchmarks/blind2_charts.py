"""The second blind test set of chart screenshots (``blind2``): LLM benchmark charts as labs
and posters publish them, drawn by rules of their own; nobody tunes on them.

    python benchmarks/blind2_charts.py OUT_DIR [--count 24] [--seed 14000]

Eight styles, evenly spread (``style`` in ``truth.json``):

- ``plotly_labels``: plotly (its bundled script, in Chromium), one series of vertical bars,
  each with its value printed on top (``49.2`` or ``49.2%``);
- ``vega_grouped``: Vega-Lite through vl-convert, bars grouped by benchmark, one colour per
  model named in a legend, values printed on some;
- ``seaborn_hbar``: seaborn horizontal bars sorted by score, values at the bars' ends;
- ``mpl_tokens``: matplotlib with a house style, lines with markers over training tokens on
  a log axis (``10^11`` ticks), one line per model size, a legend;
- ``plotly_dark_lines``: plotly's dark template, benchmarks over training checkpoints
  (linear x, markers), a legend;
- ``vega_scaling``: Vega-Lite scaling curves, score against parameters on a log axis ticked
  ``1B``/``10B``, one line per family;
- ``svg_slide``: a hand-written SVG bar chart on a 16:9 slide, labelled bars in brand colours;
- ``post_chart``: a dark matplotlib grouped bar chart with labels, inside a post on X, saved as
  a JPEG and resized.

The truth (``OUT_DIR/truth.json``) is, per image: ``kind`` (``bar``, ``hbar`` or ``line``),
``log_x``, ``series`` (name -> ``[[x, y], ...]``; a bar's x is its category as printed, a
line's x the number on the x axis in the units its ticks print: tokens as counts under
``10^k`` ticks, parameters in billions under ``B`` ticks) and ``style``.
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import json
import math
import random
from collections.abc import Callable
from pathlib import Path

from browser import Browser
from PIL import Image

STYLES = (
    "plotly_labels",
    "vega_grouped",
    "seaborn_hbar",
    "mpl_tokens",
    "plotly_dark_lines",
    "vega_scaling",
    "svg_slide",
    "post_chart",
)

MODELS = [
    "Llama-3-8B", "Qwen2-7B", "Mistral-7B", "Gemma-7B", "Phi-3-small", "OLMo-7B", "Yi-9B",
    "InternLM2-7B", "DeepSeek-7B", "Falcon-11B", "GPT-3.5", "GPT-4o mini", "Claude 3 Haiku",
    "Gemini Flash", "Granite-8B", "Kestrel-6B", "Marlin-9B", "Orbit-8B", "Solar-10.7B",
    "MiniCPM-4B", "Nemotron-15B", "Baichuan2-13B",
]
BENCHMARKS = {
    "MMLU": (45, 82), "GSM8K": (30, 90), "MATH": (8, 55), "HumanEval": (20, 80),
    "ARC-C": (50, 92), "HellaSwag": (70, 88), "BBH": (35, 78), "GPQA": (22, 45),
    "TruthfulQA": (38, 64), "MBPP": (30, 72), "IFEval": (40, 85), "DROP": (40, 80),
}
FAMILIES = {
    "Pythia": [0.07, 0.16, 0.41, 1.0, 2.8, 6.9, 12],
    "Qwen1.5": [0.5, 1.8, 4, 7, 14, 32, 72],
    "Llama 2": [7, 13, 70],
    "OPT": [0.125, 0.35, 1.3, 2.7, 6.7, 13, 30, 66],
    "Gemma": [2, 7],
    "Orbit": [0.3, 1.5, 8, 40],
    "Kestrel": [0.6, 2, 6, 14],
}
PALETTES = [
    ["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3"],
    ["#0f766e", "#f59e0b", "#6366f1", "#ef4444", "#10b981"],
    ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"],
    ["#7c3aed", "#06b6d4", "#f97316", "#84cc16", "#e11d48"],
]
PLOTLY_FONTS = ["Open Sans", "Roboto", "Liberation Sans", "DejaVu Sans"]


def score(rng: random.Random, benchmark: str, skill: float) -> float:
    low, high = BENCHMARKS[benchmark]
    spot = 4 * (skill - 0.5) + rng.gauss(0, 0.4)
    return round(low + (high - low) / (1 + math.exp(-spot)), 1)


def label(value: float, percent: bool) -> str:
    return f"{value:.1f}%" if percent else f"{value:.1f}"


def to_png(figure) -> Image.Image:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=figure.dpi, facecolor=figure.get_facecolor())
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


def shoot_plotly(browser: Browser, figure, width: int, height: int, scale: float,
                 background: str) -> Image.Image:
    import plotly.io as pio

    body = pio.to_html(figure, include_plotlyjs=True, full_html=False,
                       config={"staticPlot": True, "displayModeBar": False},
                       default_width=f"{width}px", default_height=f"{height}px")
    document = (f"<!doctype html><html><head><meta charset='utf-8'></head>"
                f"<body style='margin:0;background:{background}'><div id='shot' "
                f"style='display:inline-block;width:{width}px;height:{height}px'>{body}</div>"
                "</body></html>")
    return browser.shoot(document, scale)


# ---------------------------------------------------------------- styles


def plotly_labels(rng: random.Random, browser: Browser) -> tuple[dict, Image.Image]:
    import plotly.graph_objects as go

    benchmark = rng.choice(list(BENCHMARKS))
    models = rng.sample(MODELS, rng.randint(3, 7))
    values = [score(rng, benchmark, rng.random()) for _ in models]
    percent = rng.random() < 0.4
    colour = rng.choice(["#16a34a", "#2563eb", "#9333ea", "#ea580c", "#0891b2"])
    highlight = rng.random() < 0.5
    colours = [colour if not highlight or i == 0 else "#9ca3af" for i in range(len(models))]
    figure = go.Figure(go.Bar(
        x=models, y=values, marker_color=colours, text=[label(v, percent) for v in values],
        textposition="outside", textfont={"size": rng.choice([12, 13, 14])},
    ))
    font = rng.choice(PLOTLY_FONTS)
    top = max(values)
    figure.update_layout(
        template=rng.choice(["plotly_white", "simple_white", "plotly"]),
        title={"text": f"{benchmark} ({rng.choice(['5-shot', '0-shot', 'accuracy'])})"},
        font={"family": font, "size": rng.choice([12, 13, 14])},
        yaxis={"range": [0, min(100, top * 1.15 + 2)] if rng.random() < 0.5 else [0, 100],
               "title": {"text": "Accuracy (%)" if percent else "Score"}},
        showlegend=False, margin={"l": 60, "r": 20, "t": 60, "b": 60},
    )
    width, height = rng.randint(560, 900), rng.randint(380, 520)
    image = shoot_plotly(browser, figure, width, height, rng.choice([1, 1.5, 2]), "#fff")
    truth = {"kind": "bar", "log_x": False,
             "series": {benchmark: [[m, v] for m, v in zip(models, values, strict=True)]}}
    return truth, image


def vega_grouped(rng: random.Random, browser: Browser) -> tuple[dict, Image.Image]:
    import vl_convert

    benchmarks = rng.sample(list(BENCHMARKS), rng.randint(3, 5))
    models = rng.sample(MODELS, rng.randint(2, 4))
    skills = {m: rng.random() for m in models}
    rows = [{"benchmark": b, "model": m, "score": score(rng, b, skills[m])}
            for b in benchmarks for m in models]
    labelled = rng.random() < 0.6
    palette = rng.choice(PALETTES)[: len(models)]
    bars = {"mark": {"type": "bar"},
            "encoding": {"x": {"field": "benchmark", "type": "nominal", "sort": benchmarks,
                               "axis": {"labelAngle": 0, "title": None}},
                         "xOffset": {"field": "model", "sort": models},
                         "y": {"field": "score", "type": "quantitative",
                               "title": rng.choice(["Score", "Accuracy (%)", ""]),
                               "scale": {"domain": [0, 100]}},
                         "color": {"field": "model", "sort": models,
                                   "scale": {"range": palette},
                                   "legend": {"title": None, "orient": rng.choice(
                                       ["right", "top", "bottom"])}}}}
    layers = [bars]
    if labelled:
        layers.append({"mark": {"type": "text", "dy": -6, "fontSize": 10},
                       "encoding": {"x": {"field": "benchmark", "type": "nominal",
                                          "sort": benchmarks},
                                    "xOffset": {"field": "model", "sort": models},
                                    "y": {"field": "score", "type": "quantitative"},
                                    "text": {"field": "score", "type": "quantitative",
                                             "format": ".1f"}}})
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.randint(420, 700), "height": rng.randint(260, 380),
        "data": {"values": rows}, "layer": layers,
        "title": rng.choice(["", "Benchmark comparison", "Base models, same harness"]),
        "config": {"font": rng.choice(["Liberation Sans", "DejaVu Sans", "Roboto"]),
                   "background": "#ffffff", "view": {"stroke": None}},
    }
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice([1, 1.5, 2]))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    truth = {"kind": "bar", "log_x": False,
             "series": {m: [[r["benchmark"], r["score"]] for r in rows if r["model"] == m]
                        for m in models}}
    return truth, image


def seaborn_hbar(rng: random.Random, browser: Browser) -> tuple[dict, Image.Image]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import seaborn as sns

    benchmark = rng.choice(list(BENCHMARKS))
    models = rng.sample(MODELS, rng.randint(5, 10))
    values = sorted((score(rng, benchmark, rng.random()) for _ in models), reverse=True)
    percent = rng.random() < 0.3
    sns.set_theme(style=rng.choice(["whitegrid", "white", "ticks", "darkgrid"]),
                  font=rng.choice(["DejaVu Sans", "Liberation Sans", "Roboto"]),
                  font_scale=rng.choice([0.9, 1.0, 1.1]))
    figure, axes = plt.subplots(figsize=(rng.uniform(6, 8.5), 0.45 * len(models) + 1.4),
                                dpi=rng.choice([100, 130, 160]))
    sns.barplot(x=values, y=models, hue=models, legend=False, ax=axes,
                palette=rng.choice(["viridis", "crest", "flare", "Blues_r", "mako"]),
                orient="h")
    for y, value in enumerate(values):
        axes.text(value + 0.8, y, label(value, percent), va="center",
                  fontsize=plt.rcParams["font.size"] * 0.9)
    axes.set_xlim(0, max(values) * 1.15)
    axes.set_xlabel(f"{benchmark} {'accuracy (%)' if percent else 'score'}")
    axes.set_ylabel("")
    axes.set_title(rng.choice([f"{benchmark} leaderboard", f"Who leads on {benchmark}?", ""]))
    figure.tight_layout()
    image = to_png(figure)
    plt.close(figure)
    sns.reset_defaults()
    truth = {"kind": "hbar", "log_x": False,
             "series": {benchmark: [[m, v] for m, v in zip(models, values, strict=True)]}}
    return truth, image


def mpl_tokens(rng: random.Random, browser: Browser) -> tuple[dict, Image.Image]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    benchmark = rng.choice(["MMLU", "HellaSwag", "ARC-C", "BBH"])
    low, high = BENCHMARKS[benchmark]
    sizes = sorted(rng.sample(["150M", "410M", "1B", "3B", "7B", "13B"], rng.randint(2, 4)),
                   key=lambda s: float(s[:-1]) * (0.001 if s.endswith("M") else 1))
    exponents = sorted(rng.sample([9.5, 10, 10.5, 11, 11.5, 12, 12.3], rng.randint(4, 6)))
    tokens = [round(10 ** e, -8) for e in exponents]
    series = {}
    for rank, size in enumerate(sizes):
        ceiling = low + (high - low) * (0.45 + 0.5 * (rank + 1) / len(sizes))
        points = []
        for t in tokens:
            progress = (math.log10(t) - 9) / 3.5
            points.append([t, round(low * 0.6 + (ceiling - low * 0.6) * progress
                                    + rng.gauss(0, 0.6), 1)])
        series[f"{size} model" if rng.random() < 0.5 else size] = points
    rc = {
        "font.family": rng.choice(["DejaVu Sans", "Liberation Sans", "Roboto"]),
        "axes.spines.top": False, "axes.spines.right": False,
        "axes.grid": True, "grid.alpha": 0.35, "grid.linestyle": rng.choice(["-", "--", ":"]),
        "axes.prop_cycle": matplotlib.cycler(color=rng.choice(PALETTES)),
        "font.size": rng.choice([10, 11, 12]),
    }
    with plt.rc_context(rc):
        figure, axes = plt.subplots(figsize=(rng.uniform(5.5, 8), rng.uniform(3.8, 5)),
                                    dpi=rng.choice([100, 120, 150]))
        markers = ["o", "s", "^", "D"]
        for (name, points), marker in zip(series.items(), markers, strict=False):
            axes.plot([p[0] for p in points], [p[1] for p in points], marker=marker,
                      markersize=6, linewidth=1.8, label=name)
        axes.set_xscale("log")
        axes.set_xlabel(rng.choice(["Training tokens", "Tokens seen", "Pre-training tokens"]))
        axes.set_ylabel(f"{benchmark} accuracy")
        axes.legend(title=rng.choice([None, "Model size"]), frameon=False)
        axes.set_title(rng.choice(["", f"{benchmark} keeps improving with more data"]))
        figure.tight_layout()
        image = to_png(figure)
        plt.close(figure)
    return {"kind": "line", "log_x": True, "series": series}, image


def plotly_dark_lines(rng: random.Random, browser: Browser) -> tuple[dict, Image.Image]:
    import plotly.graph_objects as go

    benchmarks = rng.sample(["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH", "MATH"],
                            rng.randint(2, 4))
    step = rng.choice([200, 250, 500])
    checkpoints = [step * i for i in range(1, rng.randint(5, 8))]
    series = {}
    for benchmark in benchmarks:
        low, high = BENCHMARKS[benchmark]
        start = low + (high - low) * rng.uniform(0.0, 0.25)
        end = low + (high - low) * rng.uniform(0.6, 0.95)
        points = []
        for i, x in enumerate(checkpoints):
            share = 1 - math.exp(-3 * (i + 1) / len(checkpoints))
            points.append([x, round(start + (end - start) * share + rng.gauss(0, 0.5), 1)])
        series[benchmark] = points
    figure = go.Figure()
    for name, points in series.items():
        figure.add_trace(go.Scatter(x=[p[0] for p in points], y=[p[1] for p in points],
                                    mode="lines+markers", name=name,
                                    marker={"size": rng.choice([7, 8, 9])}))
    figure.update_layout(
        template="plotly_dark",
        font={"family": rng.choice(PLOTLY_FONTS), "size": rng.choice([12, 13, 14])},
        title={"text": rng.choice(["Scores during pre-training", "Checkpoint evaluation"])},
        xaxis={"title": {"text": "Training tokens (B)"}},
        yaxis={"title": {"text": "Score"}},
        legend={"orientation": rng.choice(["v", "h"])},
        margin={"l": 60, "r": 20, "t": 60, "b": 60},
    )
    width, height = rng.randint(640, 960), rng.randint(400, 560)
    image = shoot_plotly(browser, figure, width, height, rng.choice([1, 2]), "#111111")
    return {"kind": "line", "log_x": False, "series": series}, image


def vega_scaling(rng: random.Random, browser: Browser) -> tuple[dict, Image.Image]:
    import vl_convert

    benchmark = rng.choice(["MMLU", "ARC-C", "HellaSwag", "GSM8K"])
    low, high = BENCHMARKS[benchmark]
    families = rng.sample(list(FAMILIES), rng.randint(2, 3))
    rows = []
    series: dict[str, list[list]] = {}
    for family in families:
        quality = rng.uniform(0.6, 1.0)
        for size in FAMILIES[family]:
            progress = (math.log10(size) + 1.2) / 3.2
            value = round(low * 0.55 + (high - low * 0.55) * quality * min(1.0, progress)
                          + rng.gauss(0, 0.8), 1)
            rows.append({"family": family, "params": size, "score": value})
            series.setdefault(family, []).append([size, value])
    sizes = [r["params"] for r in rows]
    ticks = [t for t in (0.01, 0.1, 1, 10, 100) if min(sizes) / 3 <= t <= max(sizes) * 3]
    suffix = rng.random() < 0.6
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.randint(380, 620), "height": rng.randint(260, 380),
        "data": {"values": rows},
        "mark": {"type": "line", "point": {"filled": True, "size": rng.choice([50, 70, 90])},
                 "strokeWidth": 2},
        "encoding": {
            "x": {"field": "params", "type": "quantitative",
                  "scale": {"type": "log"},
                  "axis": {"values": ticks, "title": "Parameters" + ("" if suffix else " (B)"),
                           "labelExpr": "datum.value + 'B'" if suffix else "datum.label",
                           "grid": True}},
            "y": {"field": "score", "type": "quantitative", "title": benchmark,
                  "scale": {"zero": False}},
            "color": {"field": "family", "type": "nominal", "sort": families,
                      "scale": {"range": rng.choice(PALETTES)},
                      "legend": {"title": None, "orient": rng.choice(["right", "bottom"])}},
        },
        "config": {"font": rng.choice(["Liberation Sans", "DejaVu Sans", "Roboto"]),
                   "background": rng.choice(["#ffffff", "#fbfbf8"])},
    }
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice([1, 1.5, 2]))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return {"kind": "line", "log_x": True, "series": series}, image


def svg_slide(rng: random.Random, browser: Browser) -> tuple[dict, Image.Image]:
    benchmark = rng.choice(list(BENCHMARKS))
    models = rng.sample(MODELS, rng.randint(3, 6))
    values = [score(rng, benchmark, rng.random()) for _ in models]
    percent = rng.random() < 0.4
    brand = rng.choice(["#5b21b6", "#0f766e", "#b91c1c", "#1d4ed8", "#c2410c"])
    width, height, left, bottom, top = 760, 420, 70, 360, 30
    top_value = 100 if rng.random() < 0.5 else math.ceil(max(values) / 20 + 0.5) * 20
    slot = (width - left - 20) / len(models)
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height + 20}' "
             f"font-family=\"{rng.choice(['Open Sans', 'Roboto', 'Liberation Sans'])}\">"]
    for tick in range(0, top_value + 1, 20):
        y = bottom - (bottom - top) * tick / top_value
        parts.append(f"<line x1='{left}' x2='{width - 20}' y1='{y:.1f}' y2='{y:.1f}' "
                     "stroke='#e5e7eb'/>")
        parts.append(f"<text x='{left - 10}' y='{y + 5:.1f}' text-anchor='end' font-size='14' "
                     f"fill='#6b7280'>{tick}</text>")
    parts.append(f"<line x1='{left}' x2='{width - 20}' y1='{bottom}' y2='{bottom}' "
                 "stroke='#374151' stroke-width='1.5'/>")
    ours = rng.randrange(len(models))
    for i, (model, value) in enumerate(zip(models, values, strict=True)):
        x = left + slot * i + slot * 0.2
        bar_height = (bottom - top) * value / top_value
        fill = brand if i == ours else f"{brand}66"
        parts.append(f"<rect x='{x:.1f}' y='{bottom - bar_height:.1f}' width='{slot * 0.6:.1f}' "
                     f"height='{bar_height:.1f}' rx='4' fill='{fill}'/>")
        parts.append(f"<text x='{x + slot * 0.3:.1f}' y='{bottom - bar_height - 8:.1f}' "
                     f"text-anchor='middle' font-size='17' font-weight='bold' fill='#111827'>"
                     f"{label(value, percent)}</text>")
        parts.append(f"<text x='{x + slot * 0.3:.1f}' y='{bottom + 24}' text-anchor='middle' "
                     f"font-size='15' fill='#374151'>{html.escape(model)}</text>")
    parts.append("</svg>")
    title = rng.choice([f"{benchmark}: best in class", f"{benchmark} results", "Head to head"])
    document = (
        "<!doctype html><html><head><meta charset='utf-8'><style>body{margin:0}"
        "#shot{width:1280px;height:720px;position:relative;background:#fff;"
        "font-family:'Open Sans','DejaVu Sans';}"
        f"h1{{position:absolute;left:64px;top:28px;margin:0;font-size:42px;color:{brand}}}"
        ".chart{position:absolute;left:64px;top:130px}"
        ".note{position:absolute;right:64px;top:200px;width:330px;font-size:22px;color:#374151;"
        "line-height:1.5}"
        f".band{{position:absolute;left:0;right:0;bottom:0;height:36px;background:{brand}}}"
        "</style></head><body><div id='shot'>"
        f"<h1>{html.escape(title)}</h1><div class='chart'>{''.join(parts)}</div>"
        "<div class='note'>Same prompts and decoding for every model. Higher is better.</div>"
        "<div class='band'></div></div></body></html>")
    image = browser.shoot(document, rng.choice([1, 1.5]))
    truth = {"kind": "bar", "log_x": False,
             "series": {benchmark: [[m, v] for m, v in zip(models, values, strict=True)]}}
    return truth, image


def post_chart(rng: random.Random, browser: Browser) -> tuple[dict, Image.Image]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    benchmarks = rng.sample(list(BENCHMARKS), rng.randint(2, 4))
    models = rng.sample(MODELS, rng.randint(2, 3))
    skills = {m: rng.random() for m in models}
    values = {m: [score(rng, b, skills[m]) for b in benchmarks] for m in models}
    percent = rng.random() < 0.5
    rc = {"font.family": rng.choice(["DejaVu Sans", "Roboto", "Open Sans"]),
          "font.size": 11, "axes.spines.top": False, "axes.spines.right": False}
    with plt.style.context("dark_background"), plt.rc_context(rc):
        figure, axes = plt.subplots(figsize=(rng.uniform(6, 8), rng.uniform(3.6, 4.6)),
                                    dpi=rng.choice([110, 140]))
        palette = rng.choice(PALETTES)
        width = 0.8 / len(models)
        for k, model in enumerate(models):
            xs = [i - 0.4 + width * (k + 0.5) for i in range(len(benchmarks))]
            bars = axes.bar(xs, values[model], width * 0.92, label=model, color=palette[k])
            axes.bar_label(bars, labels=[label(v, percent) for v in values[model]],
                           padding=2, fontsize=9)
        axes.set_xticks(range(len(benchmarks)), benchmarks)
        axes.set_ylim(0, 100)
        axes.set_ylabel("Accuracy (%)" if percent else "Score")
        axes.legend(frameon=False, ncols=len(models), loc="upper left")
        figure.tight_layout()
        chart = to_png(figure)
        plt.close(figure)
    buffer = io.BytesIO()
    chart.save(buffer, format="PNG")
    data = base64.b64encode(buffer.getvalue()).decode()
    dark = rng.random() < 0.5
    bg, fg, sub = ("#000", "#e7e9ea", "#71767b") if dark else ("#fff", "#0f1419", "#536471")
    text = rng.choice(["Our new model vs. the usual suspects. Not bad for its size!",
                       "Benchmarks are in. Thoughts?", "Open weights, numbers below."])
    document = (
        "<!doctype html><html><head><meta charset='utf-8'><style>body{margin:0}"
        f"#shot{{display:inline-block;width:600px;padding:14px 16px;background:{bg};color:{fg};"
        "font-family:'Roboto','DejaVu Sans';font-size:15px}"
        ".who{display:flex;gap:10px;align-items:center}"
        ".avatar{width:40px;height:40px;border-radius:50%;background:#f59e0b}"
        f".sub{{color:{sub}}}img{{width:100%;border-radius:16px;margin-top:10px;"
        "border:1px solid #2f3336}"
        f".foot{{color:{sub};font-size:13px;margin-top:8px}}"
        "</style></head><body><div id='shot'><div class='who'><div class='avatar'></div>"
        f"<div><b>Open Weights Daily</b><br><span class='sub'>@openweights · "
        f"{rng.randint(1, 20)}h</span></div></div><div style='margin-top:10px'>{text}</div>"
        f"<img src='data:image/png;base64,{data}'><div class='foot'>"
        f"{rng.randint(2, 99)}K views</div></div></body></html>")
    image = browser.shoot(document, rng.choice([1, 1.5, 2]))
    truth = {"kind": "bar", "log_x": False,
             "series": {m: [[b, v] for b, v in zip(benchmarks, values[m], strict=True)]
                        for m in models}}
    return truth, image


DRAW: dict[str, Callable[[random.Random, Browser], tuple[dict, Image.Image]]] = {
    "plotly_labels": plotly_labels,
    "vega_grouped": vega_grouped,
    "seaborn_hbar": seaborn_hbar,
    "mpl_tokens": mpl_tokens,
    "plotly_dark_lines": plotly_dark_lines,
    "vega_scaling": vega_scaling,
    "svg_slide": svg_slide,
    "post_chart": post_chart,
}


def save(rng: random.Random, image: Image.Image, style: str, stem: Path) -> Path:
    """Resize some images and save some as JPEG, as they are when shared."""
    if style == "post_chart" or rng.random() < 0.3:
        factor = rng.uniform(0.6, 0.95)
        image = image.resize((round(image.width * factor), round(image.height * factor)),
                             Image.LANCZOS)
    if style == "post_chart" or rng.random() < 0.3:
        path = stem.with_suffix(".jpg")
        image.save(path, quality=rng.randint(55, 90))
    else:
        path = stem.with_suffix(".png")
        image.save(path)
    return path


def generate(out: Path, count: int, seed: int) -> dict:
    """Write ``count`` charts and ``truth.json`` into ``out``; the same seed gives the same
    charts. Returns the truth: file name -> chart truth."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1600, 1000))
    truth: dict[str, dict] = {}
    try:
        for index in range(count):
            style = STYLES[index % len(STYLES)]
            rng = random.Random(f"blind2-charts:{seed}:{index}")
            chart, image = DRAW[style](rng, browser)
            path = save(rng, image, style, out / f"b2c_{seed}_{index:03d}_{style}")
            truth[path.name] = {**chart, "style": style}
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--seed", type=int, default=14000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} charts in {args.out}")


if __name__ == "__main__":
    main()
