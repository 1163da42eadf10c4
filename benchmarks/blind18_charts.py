"""Blind test set 18, charts: bar, horizontal-bar and line charts of LLM benchmark numbers.

Usage: python benchmarks/blind18_charts.py OUT_DIR [--count 24] [--seed 131000]

Looks (STYLE in each file's name), in turn:
- chartjs_rounded_bars: a canvas chart drawn in Chromium the Chart.js way, rounded bars
  (columns or horizontal), legend boxes on top, light grid;
- plotly_dark_hbar_bottom: plotly "plotly_dark" grouped horizontal bars, legend below;
- paper_marker_lines: matplotlib "seaborn-v0_8-paper" lines, a different marker per series;
- numbers_area_lines: an Apple-Numbers-like SVG line chart, three series with shaded areas;
- family_scatter_logx: parameters (log x) against MMLU, one line per family, every point
  labelled with its model's name (matplotlib);
- vega_inside_top_columns: Vega-Lite columns (vl-convert) with each value in white inside
  the top of its bar;
- gradient_rotated_columns: an SVG dashboard card (dark), gradient columns, rotated labels;
- end_label_lines: Observable-Plot-like SVG lines named by labels at their right ends, no
  legend, JPEG.

Truth (truth.json, file name -> dict): kind ("bar", "hbar" or "line"), log_x (bool), series
(series name -> list of [x, y]; bars: x the category as printed, y the value; lines: x in the
x axis's own unit), style. A single-series bar chart's series is named by its axis title or
legend (e.g. "MMLU").
"""

from __future__ import annotations

import io
import json
import random
import sys
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from blind18_io import Ctx, Shot, esc, page, run_cli
from blind18_table_looks import BENCHES, FAMILIES, SIZES, resize, to_jpeg

PALETTES = [
    ["#36a2eb", "#ff6384", "#ffcd56", "#4bc0c0"],
    ["#4e79a7", "#f28e2b", "#59a14f", "#e15759"],
    ["#1b9e77", "#d95f02", "#7570b3", "#e7298a"],
    ["#0072b2", "#e69f00", "#009e73", "#cc79a7"],
]


def short_models(rng: random.Random, n: int) -> list[str]:
    names: list[str] = []
    while len(names) < n:
        name = f"{rng.choice(FAMILIES)}-{rng.choice(SIZES):g}B"
        if name not in names:
            names.append(name)
    return names


def values(rng: random.Random, n: int, low: float = 20, high: float = 90) -> list[float]:
    return [round(rng.uniform(low, high), 1) for _ in range(n)]


def fig_image(fig, dpi: int) -> Image.Image:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


def bar_data(rng: random.Random) -> tuple[list[str], dict[str, list[float]]]:
    """Categories and series (one series named after a benchmark, or several)."""
    if rng.random() < 0.5:
        cats = short_models(rng, rng.randint(4, 7))
        series = {rng.choice(["MMLU", "GSM8K", "HumanEval", "ARC-C"]): values(rng, len(cats))}
    else:
        cats = rng.sample(["MMLU", *BENCHES], rng.randint(3, 5))
        series = {m: values(rng, len(cats)) for m in short_models(rng, rng.randint(2, 3))}
    return cats, series


def bar_truth(kind: str, cats: list[str], series: dict[str, list[float]]) -> dict:
    return {"kind": kind, "log_x": False,
            "series": {name: [[c, v] for c, v in zip(cats, vals, strict=True)]
                       for name, vals in series.items()}}


# 1. chartjs_rounded_bars
def chartjs_rounded_bars(rng: random.Random, ctx: Ctx) -> Shot:
    cats, series = bar_data(rng)
    horizontal = rng.random() < 0.4
    colours = rng.choice(PALETTES)
    data = {"cats": cats, "series": [{"name": n, "vals": v, "c": colours[i]}
                                     for i, (n, v) in enumerate(series.items())],
            "horizontal": horizontal, "max": 100 if max(max(v) for v in series.values()) > 80
            else 80}
    w, h = (900, 560) if not horizontal else (860, 120 + 60 * len(cats) * len(series) ** 0.5)
    script = """
    const d = DATA, cv = document.getElementById('c'), g = cv.getContext('2d');
    const W = cv.width, H = cv.height; g.font = '13px Roboto'; g.fillStyle = '#fff';
    g.fillRect(0, 0, W, H);
    // legend
    let lx = W / 2 - d.series.length * 70;
    d.series.forEach(s => { g.fillStyle = s.c; g.fillRect(lx, 14, 36, 12);
      g.fillStyle = '#666'; g.fillText(s.name, lx + 42, 25);
      lx += 60 + g.measureText(s.name).width; });
    const L = d.horizontal ? 150 : 60, T = 50, R = W - 20, B = H - (d.horizontal ? 40 : 60);
    g.strokeStyle = '#e5e5e5'; g.fillStyle = '#666'; g.textAlign = 'center';
    for (let v = 0; v <= d.max; v += 20) {
      if (d.horizontal) { const x = L + (R - L) * v / d.max; g.beginPath(); g.moveTo(x, T);
        g.lineTo(x, B); g.stroke(); g.fillText(v, x, B + 18); }
      else { const y = B - (B - T) * v / d.max; g.beginPath(); g.moveTo(L, y); g.lineTo(R, y);
        g.stroke(); g.textAlign = 'right'; g.fillText(v, L - 8, y + 4); }
    }
    const n = d.cats.length, k = d.series.length;
    const span = ((d.horizontal ? B - T : R - L) / n), bw = span * 0.8 / k;
    d.cats.forEach((c, i) => {
      g.fillStyle = '#666';
      if (d.horizontal) { g.textAlign = 'right'; g.fillText(c, L - 8, T + span * (i + .5) + 4); }
      else { g.textAlign = 'center'; g.fillText(c, L + span * (i + .5), B + 20); }
      d.series.forEach((s, j) => {
        const v = s.vals[i]; g.fillStyle = s.c + 'cc'; g.strokeStyle = s.c; g.beginPath();
        if (d.horizontal) { const y = T + span * (i + .1) + bw * j;
          g.roundRect(L, y, (R - L) * v / d.max, bw - 2, [0, 8, 8, 0]); }
        else { const x = L + span * (i + .1) + bw * j, y = B - (B - T) * v / d.max;
          g.roundRect(x, y, bw - 3, B - y, [8, 8, 0, 0]); }
        g.fill(); g.stroke();
      });
    });
    """.replace("DATA", json.dumps(data))
    html = (f"<div id='shot' style='padding:10px;background:#fff'><canvas id='c' width='{w}' "
            f"height='{int(h)}'></canvas></div><script>{script}</script>")
    image = ctx.shoot(page(html), rng.choice([1.0, 1.5]))
    return Shot(image, bar_truth("hbar" if horizontal else "bar", cats, series))


# 2. plotly_dark_hbar_bottom
def plotly_dark_hbar_bottom(rng: random.Random, ctx: Ctx) -> Shot:
    import plotly.graph_objects as go

    cats = short_models(rng, rng.randint(4, 6))
    names = rng.sample(["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH"], rng.randint(2, 3))
    series = {n: values(rng, len(cats), 25, 88) for n in names}
    fig = go.Figure()
    for name in names:
        fig.add_bar(y=cats, x=series[name], name=name, orientation="h")
    fig.update_layout(
        template="plotly_dark", barmode="group", width=900, height=140 + 70 * len(cats),
        legend={"orientation": "h", "y": -0.15, "x": 0.5, "xanchor": "center"},
        title=rng.choice(["Benchmark scores", "Held-out evaluation", ""]),
        margin={"l": 140, "r": 30, "t": 60, "b": 80}, font={"family": "Open Sans"},
    )
    fig.update_yaxes(autorange="reversed")
    div = fig.to_html(include_plotlyjs=True, full_html=False, config={"staticPlot": True})
    image = ctx.shoot(page(f"<div id='shot'>{div}</div>", bg="#111"), 1.0)
    return Shot(image, bar_truth("hbar", cats, series))


# 3. paper_marker_lines
def paper_marker_lines(rng: random.Random, ctx: Ctx) -> Shot:
    step = rng.choice([100, 200, 250])
    xs = [step * (i + 1) for i in range(rng.randint(5, 9))]
    names = short_models(rng, rng.randint(2, 4))
    series = {}
    for name in names:
        y = rng.uniform(25, 40)
        pts = []
        for x in xs:
            y = min(92, y + rng.uniform(0.5, 7))
            pts.append([x, round(y, 1)])
        series[name] = pts
    with plt.style.context("seaborn-v0_8-paper"):
        fig, ax = plt.subplots(figsize=(rng.uniform(5, 6.5), rng.uniform(3.4, 4.2)))
        for name, marker in zip(names, ["o", "s", "^", "D"], strict=False):
            ax.plot([p[0] for p in series[name]], [p[1] for p in series[name]],
                    marker=marker, label=name)
        ax.set_xlabel("Training tokens (B)")
        ax.set_ylabel(rng.choice(["MMLU accuracy", "Average score", "GSM8K (%)"]))
        ax.legend(loc=rng.choice(["lower right", "upper left"]))
        image = fig_image(fig, rng.choice([150, 200]))
    return Shot(image, {"kind": "line", "log_x": False, "series": series})


# 4. numbers_area_lines
def numbers_area_lines(rng: random.Random, ctx: Ctx) -> Shot:
    xs = list(range(2019, 2019 + rng.randint(5, 7)))
    names = rng.sample(["Open weights", "API models", "Small models", "Research previews"], 3)
    series = {}
    for name in names:
        y = rng.uniform(25, 45)
        pts = []
        for x in xs:
            y = min(90, y + rng.uniform(-2, 9))
            pts.append([x, round(y, 1)])
        series[name] = pts
    w, h, left, top, right, bottom = 820, 480, 70, 70, 790, 420
    ymax = 100

    def sx(x: float) -> float:
        return left + (right - left) * (x - xs[0]) / (xs[-1] - xs[0])

    def sy(y: float) -> float:
        return bottom - (bottom - top) * y / ymax

    colours = ["#1f9ce4", "#f0a623", "#58b947"]
    parts = [f"<rect width='{w}' height='{h}' fill='#fff'/>"]
    for v in range(0, 101, 20):
        parts.append(f"<line x1='{left}' x2='{right}' y1='{sy(v)}' y2='{sy(v)}' stroke='#ddd'/>"
                     f"<text x='{left - 10}' y='{sy(v) + 4}' text-anchor='end'>{v}</text>")
    for x in xs:
        parts.append(f"<text x='{sx(x)}' y='{bottom + 22}' text-anchor='middle'>{x}</text>")
    for i, name in enumerate(names):
        pts = series[name]
        line = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in pts)
        area = f"{sx(xs[0])},{bottom} {line} {sx(xs[-1])},{bottom}"
        parts.append(f"<polygon points='{area}' fill='{colours[i]}' fill-opacity='0.14'/>"
                     f"<polyline points='{line}' fill='none' stroke='{colours[i]}' "
                     "stroke-width='2.5'/>")
        parts += [f"<circle cx='{sx(x):.1f}' cy='{sy(y):.1f}' r='3.5' fill='{colours[i]}'/>"
                  for x, y in pts]
        parts.append(f"<circle cx='{left + 10 + 170 * i}' cy='38' r='6' fill='{colours[i]}'/>"
                     f"<text x='{left + 22 + 170 * i}' y='43'>{esc(name)}</text>")
    title = rng.choice(["Best MMLU score by year", "Average benchmark score", "Top score"])
    parts.append(f"<text x='{left}' y='16' font-weight='700' font-size='16'>{title}</text>")
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{w}' height='{h}' "
           f"font-family='Liberation Sans' font-size='13' fill='#444'>{''.join(parts)}</svg>")
    html = f"<div id='shot' style='padding:16px;background:#fff'>{svg}</div>"
    image = ctx.shoot(page(html), rng.choice([1.0, 2.0]))
    return Shot(image, {"kind": "line", "log_x": False, "series": series})


# 5. family_scatter_logx
def family_scatter_logx(rng: random.Random, ctx: Ctx) -> Shot:
    families = rng.sample(FAMILIES, rng.randint(2, 3))
    series = {}
    labels = []
    for family in families:
        sizes = sorted(rng.sample([1, 1.8, 3, 7, 8, 13, 34, 70, 110], rng.randint(3, 5)))
        base = rng.uniform(-8, 8)
        pts = []
        for size in sizes:
            y = round(min(88, 30 + 11 * (size ** 0.35) + base + rng.uniform(-2, 2)), 1)
            pts.append([size, y])
            labels.append((size, y, f"{family}-{size:g}B"))
        series[family] = pts
    style = rng.choice(["default", "seaborn-v0_8-whitegrid", "seaborn-v0_8-ticks"])
    with plt.style.context(style):
        fig, ax = plt.subplots(figsize=(6.4, 4.4))
        for family, marker in zip(families, ["o", "s", "^"], strict=False):
            ax.plot([p[0] for p in series[family]], [p[1] for p in series[family]],
                    marker=marker, label=family, linewidth=1.4)
        for x, y, text in labels:
            ax.annotate(text, (x, y), textcoords="offset points", xytext=(5, -10), fontsize=7)
        ax.set_xscale("log")
        ax.set_xlabel("Parameters (B)")
        ax.set_ylabel("MMLU (5-shot)")
        ax.legend(title="Family", fontsize=8)
        image = fig_image(fig, rng.choice([130, 170]))
    return Shot(image, {"kind": "line", "log_x": True, "series": series})


# 6. vega_inside_top_columns
def vega_inside_top_columns(rng: random.Random, ctx: Ctx) -> Shot:
    import vl_convert as vlc

    cats = short_models(rng, rng.randint(4, 8))
    bench = rng.choice(["MMLU", "HellaSwag", "GSM8K", "WinoGrande"])
    vals = values(rng, len(cats), 30, 90)
    colour = rng.choice(["#3b5b92", "#8a3b92", "#2f7d5b", "#b5542a"])
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 70 * len(cats), "height": 320, "background": "#ffffff",
        "data": {"values": [{"model": c, "score": v} for c, v in zip(cats, vals, strict=True)]},
        "encoding": {"x": {"field": "model", "type": "nominal", "sort": None,
                           "axis": {"labelAngle": 0 if len(cats) < 6 else -30, "title": None}},
                     "y": {"field": "score", "type": "quantitative", "title": bench}},
        "layer": [
            {"mark": {"type": "bar", "color": colour}},
            {"mark": {"type": "text", "baseline": "top", "dy": 6, "color": "white",
                      "fontWeight": "bold", "fontSize": 12},
             "encoding": {"text": {"field": "score", "type": "quantitative", "format": ".1f"}}},
        ],
        "config": {"font": "DejaVu Sans", "axis": {"grid": rng.random() < 0.5},
                   "view": {"stroke": None}},
    }
    png = vlc.vegalite_to_png(spec, scale=rng.choice([1.5, 2.0]))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return Shot(image, bar_truth("bar", cats, {bench: vals}))


# 7. gradient_rotated_columns
def gradient_rotated_columns(rng: random.Random, ctx: Ctx) -> Shot:
    cats = short_models(rng, rng.randint(5, 9))
    bench = rng.choice(["MMLU", "ARC-C", "BBH", "TruthfulQA"])
    vals = values(rng, len(cats), 20, 85)
    w, h, left, top, right, bottom = 760, 470, 60, 60, 740, 350
    ymax = 100
    bw = (right - left) / len(cats)
    parts = ["<defs><linearGradient id='g' x1='0' y1='0' x2='0' y2='1'>"
             "<stop offset='0' stop-color='#7dd3fc'/><stop offset='1' stop-color='#6366f1'/>"
             "</linearGradient></defs>",
             f"<rect width='{w}' height='{h}' rx='14' fill='#0b1220'/>",
             f"<text x='{left}' y='34' font-size='17' font-weight='600' fill='#f1f5f9'>"
             f"{bench} by model</text>"]
    for v in range(0, 101, 25):
        y = bottom - (bottom - top) * v / ymax
        parts.append(f"<line x1='{left}' x2='{right}' y1='{y}' y2='{y}' stroke='#1e293b'/>"
                     f"<text x='{left - 8}' y='{y + 4}' text-anchor='end'>{v}</text>")
    for i, (c, v) in enumerate(zip(cats, vals, strict=True)):
        x = left + bw * i + bw * 0.18
        y = bottom - (bottom - top) * v / ymax
        parts.append(f"<rect x='{x:.1f}' y='{y:.1f}' width='{bw * 0.64:.1f}' "
                     f"height='{bottom - y:.1f}' rx='3' fill='url(#g)'/>")
        cx = left + bw * (i + 0.5)
        parts.append(f"<text transform='translate({cx:.1f},{bottom + 14}) rotate(-35)' "
                     f"text-anchor='end'>{esc(c)}</text>")
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{w}' height='{h}' "
           f"font-family='Roboto' font-size='12' fill='#94a3b8'>{''.join(parts)}</svg>")
    html = f"<div id='shot' style='padding:0;background:#fff'>{svg}</div>"
    image = ctx.shoot(page(html), rng.choice([1.0, 1.5]))
    return Shot(image, bar_truth("bar", cats, {bench: vals}))


# 8. end_label_lines
def end_label_lines(rng: random.Random, ctx: Ctx) -> Shot:
    xs = rng.choice([[0, 1, 2, 4, 8], [0, 1, 3, 5, 10], [1, 2, 4, 8, 16, 32]])
    names = short_models(rng, rng.randint(2, 4))
    series = {}
    for name in names:
        y = rng.uniform(20, 50)
        pts = []
        for x in xs:
            y = min(90, y + rng.uniform(0, 8))
            pts.append([x, round(y, 1)])
        series[name] = pts
    w, h, left, top, right, bottom = 760, 440, 50, 30, 600, 400
    ymin, ymax = 0, 100

    def sx(x: float) -> float:
        return left + (right - left) * (x - xs[0]) / (xs[-1] - xs[0])

    def sy(y: float) -> float:
        return bottom - (bottom - top) * (y - ymin) / (ymax - ymin)

    colours = rng.choice(PALETTES)
    parts = [f"<rect width='{w}' height='{h + 30}' fill='#fff'/>"]
    for v in range(0, 101, 10):
        parts.append(f"<line x1='{left}' x2='{left - 5}' y1='{sy(v)}' y2='{sy(v)}' "
                     f"stroke='#000'/><text x='{left - 8}' y='{sy(v) + 3}' "
                     f"text-anchor='end'>{v}</text>")
    for x in xs:
        parts.append(f"<line x1='{sx(x)}' x2='{sx(x)}' y1='{bottom}' y2='{bottom + 5}' "
                     f"stroke='#000'/><text x='{sx(x)}' y='{bottom + 18}' "
                     f"text-anchor='middle'>{x}</text>")
    parts.append(f"<line x1='{left}' x2='{right}' y1='{bottom}' y2='{bottom}' stroke='#000'/>")
    parts.append(f"<text x='{left - 40}' y='{top - 12}'>↑ Accuracy (%)</text>")
    parts.append(f"<text x='{right}' y='{bottom + 34}' text-anchor='end'>"
                 "Few-shot examples →</text>")
    for i, name in enumerate(names):
        pts = series[name]
        line = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in pts)
        parts.append(f"<polyline points='{line}' fill='none' stroke='{colours[i]}' "
                     "stroke-width='1.7'/>")
        x, y = pts[-1]
        parts.append(f"<text x='{sx(x) + 6}' y='{sy(y) + 4 + (i - 1.5) * 3}' "
                     f"fill='{colours[i]}'>{esc(name)}</text>")
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{w}' height='{h + 30}' "
           f"font-family='DejaVu Sans' font-size='11' fill='#222'>{''.join(parts)}</svg>")
    html = f"<div id='shot' style='background:#fff'>{svg}</div>"
    image = ctx.shoot(page(html), rng.choice([1.0, 2.0]))
    if rng.random() < 0.5:
        image = resize(image, 0.75)
    return Shot(to_jpeg(image, 92), {"kind": "line", "log_x": False, "series": series},
                rng.randint(75, 90))


LOOKS = [
    ("chartjs_rounded_bars", chartjs_rounded_bars),
    ("plotly_dark_hbar_bottom", plotly_dark_hbar_bottom),
    ("paper_marker_lines", paper_marker_lines),
    ("numbers_area_lines", numbers_area_lines),
    ("family_scatter_logx", family_scatter_logx),
    ("vega_inside_top_columns", vega_inside_top_columns),
    ("gradient_rotated_columns", gradient_rotated_columns),
    ("end_label_lines", end_label_lines),
]


def generate(out: Path, count: int = 24, seed: int = 131000) -> dict:
    from blind18_io import generate as _generate

    return _generate("charts", LOOKS, out, count, seed)


if __name__ == "__main__":
    run_cli("charts", LOOKS, 24, 131000)
