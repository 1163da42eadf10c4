"""A fourth blind test set of LLM benchmark charts, written by its own rules.

    python benchmarks/blind4_charts.py OUT_DIR [--count 24] [--seed 34000]

Written without opening the reader or any other generator of this repository: eight styles,
evenly spread (``STYLES``): Chart.js-like canvas bars with printed values, ECharts-like
grouped bars with a legend on top (light or dark), plotly horizontal bars sorted by score,
a hand-written SVG of benchmark against training compute (log x in FLOPs, markers),
matplotlib scaling curves in a GitHub-dark theme (log x in billions of parameters), a
matplotlib bar chart inside a Google Slides editor, a horizontal bar chart in a LinkedIn
post (resized, JPEG), and a Weights & Biases-like panel of eval curves over training steps.
Everything is drawn in headless Chromium (``browser.py``) or by matplotlib, offline.

Truth (``truth.json``: file -> {"style", "kind", "log_x", "series"}), in the form
``benchmarks/charts.py`` scores: ``kind`` "bar" (vertical), "hbar" or "line"; ``series``
maps a series name (the legend's entry, or the benchmark a single-series chart shows) to
``[x, y]`` points. A bar's x is its category as printed under (or beside) it, its y the
value its label prints (or the drawn value where no label is printed). A line's x is in the
unit its ticks print (FLOPs for ``10^22``/``1e22``, billions for ``7B``, steps for
``2000``), its y the plotted value; ``log_x`` says whether the x axis is logarithmic.
Scores printed as fractions (0.492) carry ``y_tolerance`` 0.01.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import math
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

FAMILIES = ["Corvid", "Tessel", "Halcyon", "Marlin", "Quill", "Sable", "Lumo", "Kestrel",
            "Aster", "Brio", "Cobalt", "Dune", "Ember", "Fable", "Heron", "Iris", "Juniper",
            "Larch", "Mosaic", "Nimbus", "Onyx", "Pylon", "Rook", "Sorrel", "Wren", "Yarrow"]
CLOSED = ["Orbit-Pro", "Sable Ultra", "Nimbus Max", "Vesper-Turbo", "Kestrel Large",
          "Aster Opus", "Heron Prime"]
BENCHES = {"MMLU": (40, 86), "GSM8K": (15, 92), "MATH": (4, 58), "HumanEval": (12, 84),
           "MBPP": (20, 76), "ARC-C": (42, 93), "HellaSwag": (60, 89), "BBH": (28, 82),
           "GPQA": (22, 48), "IFEval": (30, 86), "TriviaQA": (40, 82), "DROP": (30, 80),
           "WinoGrande": (60, 85), "MMLU-Pro": (14, 62), "C-Eval": (30, 88)}
SIZES = [0.5, 1, 1.5, 3, 7, 8, 13, 14, 34, 70, 72]
SANS = ["Open Sans", "Roboto", "Liberation Sans", "DejaVu Sans", "FreeSans"]
ECHARTS_COLOURS = ["#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272"]
CHARTJS_COLOURS = ["#36a2eb", "#ff6384", "#4bc0c0", "#ff9f40", "#9966ff", "#ffcd56"]


def model_names(rng: random.Random, count: int, closed: bool = True) -> list[str]:
    """Distinct model names of one chart, a few families in several sizes."""
    families = rng.sample(FAMILIES, k=3)
    joiner = rng.choice(["-", " "])
    suffix = rng.choice(["", "", "-Chat", "-Instruct", " Base"])
    names: list[str] = []
    while len(names) < count:
        if closed and rng.random() < 0.15:
            name = rng.choice(CLOSED)
        else:
            version = rng.choice(["", "", "2", "1.5", "3"])
            family = rng.choice(families) + (joiner + version if version else "")
            name = f"{family}{joiner}{rng.choice(SIZES):g}B{suffix}"
        if name not in names:
            names.append(name)
    return names


def strength(name: str, rng: random.Random) -> float:
    """How good a model is, 0 to 1: larger models better, closed ones near the top."""
    found = re.search(r"(\d+(?:\.\d+)?)B", name)
    if not found:
        return rng.uniform(0.75, 0.95)
    share = 0.3 + 0.28 * math.log10(float(found.group(1))) + rng.gauss(0, 0.1)
    return min(0.95, max(0.05, share))


def score(rng: random.Random, bench: str, share: float) -> float:
    low, high = BENCHES[bench]
    share = min(1.0, max(0.0, share + rng.gauss(0, 0.05)))
    return round(low + (high - low) * share, 1)


def setting(bench: str, rng: random.Random) -> str:
    """The evaluation setting a caption names beside a benchmark."""
    if bench in ("HumanEval", "MBPP"):
        return "pass@1"
    return rng.choice(["0-shot", "5-shot"] if bench.startswith("MMLU") else ["0-shot", "few-shot"])


@dataclass
class Shot:
    image: Image.Image
    truth: dict
    quality: int | None = None  # saved as a JPEG of this quality, else as a PNG


Style = Callable[[random.Random, Browser], Shot]


def resize_width(image: Image.Image, width: int) -> Image.Image:
    height = round(image.height * width / image.width)
    return image.resize((width, height), Image.Resampling.LANCZOS)


def page(body: str, css: str = "", background: str = "#fff") -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>"
            f"html,body{{margin:0;background:{background}}} {css}</style></head>"
            f"<body>{body}</body></html>")


def png_uri(figure: object) -> str:
    """A matplotlib figure as a data URI, for pages that show it as a picture."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")  # type: ignore[attr-defined]
    plt.close(figure)  # type: ignore[arg-type]
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


# A small canvas charting script of this file's own: grouped vertical bars or lines over a
# numeric x, with a theme (fonts, colours, grid, legend shape and place, labels).
CANVAS_JS = r"""
function nice(lo, hi, n) {
  const raw = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw);
  const ticks = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 0.5; v += step)
    ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}
function draw(spec) {
  const t = spec.theme, dpr = window.devicePixelRatio || 1;
  const cv = document.getElementById('cv');
  cv.width = spec.w * dpr; cv.height = spec.h * dpr;
  cv.style.width = spec.w + 'px'; cv.style.height = spec.h + 'px';
  const g = cv.getContext('2d'); g.scale(dpr, dpr);
  g.fillStyle = t.bg; g.fillRect(0, 0, spec.w, spec.h);
  g.textBaseline = 'middle';
  let top = 20;
  if (spec.title) {
    g.font = `bold ${t.titleSize}px ${t.font}`; g.fillStyle = t.title;
    g.textAlign = t.titleAlign;
    g.fillText(spec.title, t.titleAlign === 'left' ? 16 : spec.w / 2, top + 6); top += 34;
  }
  // legend on top (ECharts, W&B) or at the bottom
  const names = spec.series.map(s => s.name);
  let legendY = null;
  if (spec.legend !== 'none' && names.length > 1) {
    g.font = `${t.size}px ${t.font}`;
    const widths = names.map(n => g.measureText(n).width + t.icon + 22);
    const total = widths.reduce((a, b) => a + b, 0);
    legendY = spec.legend === 'top' ? top + 4 : spec.h - 16;
    let x = (spec.w - total) / 2;
    names.forEach((n, i) => {
      g.fillStyle = spec.series[i].colour;
      if (t.iconShape === 'round') {
        g.beginPath(); g.roundRect(x, legendY - 7, t.icon, 14, 4); g.fill();
      } else if (t.iconShape === 'line') g.fillRect(x, legendY - 1.5, t.icon, 3);
      else g.fillRect(x, legendY - 6, t.icon, 12);
      g.fillStyle = t.text; g.textAlign = 'left'; g.fillText(n, x + t.icon + 6, legendY);
      x += widths[i];
    });
    if (spec.legend === 'top') top += 30;
  }
  const left = t.left, right = spec.w - 24;
  const bottom = spec.h - (spec.legend === 'bottom' && names.length > 1 ? 40 : 14) - spec.xRoom;
  const ys = nice(spec.yMin, spec.yMax, 5);
  const y0 = ys[0], y1 = ys[ys.length - 1];
  const Y = v => bottom - (v - y0) / (y1 - y0) * (bottom - top - 10);
  g.font = `${t.size}px ${t.font}`;
  ys.forEach(v => {
    g.strokeStyle = t.grid; g.lineWidth = 1; g.setLineDash(t.dash);
    g.beginPath(); g.moveTo(left, Y(v)); g.lineTo(right, Y(v)); g.stroke(); g.setLineDash([]);
    g.fillStyle = t.text; g.textAlign = 'right';
    g.fillText(v.toFixed(spec.yDecimals) + spec.ySuffix, left - 8, Y(v));
  });
  g.strokeStyle = t.axis; g.beginPath(); g.moveTo(left, bottom); g.lineTo(right, bottom);
  g.stroke();
  if (spec.yTitle) {
    g.save(); g.translate(16, (top + bottom) / 2); g.rotate(-Math.PI / 2);
    g.textAlign = 'center'; g.fillStyle = t.text; g.fillText(spec.yTitle, 0, 0); g.restore();
  }
  if (spec.kind === 'bar') {
    const cats = spec.categories, slot = (right - left) / cats.length;
    const inner = slot * spec.fill, each = inner / spec.series.length;
    cats.forEach((c, ci) => {
      spec.series.forEach((s, si) => {
        const v = s.values[ci], x = left + ci * slot + (slot - inner) / 2 + si * each;
        g.fillStyle = s.colour; g.beginPath();
        g.roundRect(x + 1, Y(v), each - 2, bottom - Y(v), [t.radius, t.radius, 0, 0]); g.fill();
        if (t.borderColour) { g.strokeStyle = s.border; g.lineWidth = 1.5; g.stroke(); }
        if (spec.labels) {
          g.fillStyle = t.label; g.textAlign = 'center'; g.font = `${t.labelSize}px ${t.font}`;
          g.fillText(s.labels[ci], x + each / 2, Y(v) - 9); g.font = `${t.size}px ${t.font}`;
        }
      });
      g.fillStyle = t.text; g.save();
      g.translate(left + ci * slot + slot / 2, bottom + 14);
      if (spec.rotate) { g.rotate(-spec.rotate * Math.PI / 180); g.textAlign = 'right'; }
      else g.textAlign = 'center';
      g.fillText(c, 0, 0); g.restore();
    });
  } else {
    const xs = nice(spec.xMin, spec.xMax, 6), x0 = xs[0], x1 = xs[xs.length - 1];
    const X = v => left + (v - x0) / (x1 - x0) * (right - left - 10);
    xs.forEach(v => {
      g.strokeStyle = t.grid; g.setLineDash(t.dash); g.beginPath();
      g.moveTo(X(v), top); g.lineTo(X(v), bottom); g.stroke(); g.setLineDash([]);
      g.fillStyle = t.text; g.textAlign = 'center'; g.fillText(String(v), X(v), bottom + 14);
    });
    if (spec.xTitle) {
      g.textAlign = 'center'; g.fillText(spec.xTitle, (left + right) / 2, bottom + 34);
    }
    spec.series.forEach(s => {
      g.strokeStyle = s.colour; g.lineWidth = t.lineWidth; g.beginPath();
      s.points.forEach(([x, y], i) => i ? g.lineTo(X(x), Y(y)) : g.moveTo(X(x), Y(y)));
      g.stroke(); g.fillStyle = s.colour;
      s.points.forEach(([x, y]) => { g.beginPath(); g.arc(X(x), Y(y), t.marker, 0, 7); g.fill(); });
    });
  }
}
"""


def canvas_page(spec: dict, frame_css: str = "", wrap: tuple[str, str] = ("", "")) -> str:
    body = (f"<div id=shot>{wrap[0]}<canvas id=cv></canvas>{wrap[1]}</div>"
            f"<script>{CANVAS_JS}\ndraw({json.dumps(spec)});</script>")
    return page(body, "#shot{display:inline-block} canvas{display:block} " + frame_css,
                spec["theme"]["bg"])


def fraction_truth(truth: dict, fraction: bool) -> dict:
    if fraction:
        truth["y_tolerance"] = 0.01
    return truth


# 1. Chart.js-like bars: one benchmark, a value over each bar, names under them.
def chartjs_bars(rng: random.Random, browser: Browser) -> Shot:
    bench = rng.choice(list(BENCHES))
    names = model_names(rng, rng.randint(3, 8))
    values = [score(rng, bench, strength(n, rng)) for n in names]
    style = rng.choice(["plain", "percent", "fraction"])
    labels = [f"{v:.1f}%" if style == "percent" else f"{v / 100:.3f}" if style == "fraction"
              else f"{v:.1f}" for v in values]
    shown = [v / 100 if style == "fraction" else v for v in values]
    colour = rng.choice(CHARTJS_COLOURS)
    rotate = 0 if len(names) <= 4 else rng.choice([30, 45])
    theme = {"bg": "#fff", "font": f"'{rng.choice(SANS)}'", "size": 12, "title": "#666",
             "titleSize": 16, "titleAlign": "center", "text": "#666", "grid": "#e5e5e5",
             "axis": "#ccc", "dash": [], "icon": 40, "iconShape": "box", "radius": 0,
             "label": "#444", "labelSize": 12, "left": 56, "lineWidth": 2, "marker": 3,
             "borderColour": True}
    spec = {"w": rng.randint(520, 860), "h": rng.randint(340, 460), "theme": theme,
            "title": rng.choice([f"{bench} accuracy", f"{bench} ({setting(bench, rng)})", None]),
            "kind": "bar", "categories": names, "legend": "none",
            "series": [{"name": bench, "values": shown, "labels": labels,
                        "colour": colour + "99", "border": colour}],
            "yMin": 0, "yMax": max(shown) * 1.1, "yDecimals": 1 if style == "fraction" else 0,
            "ySuffix": "%" if style == "percent" else "", "yTitle": None, "labels": True,
            "fill": 0.8, "rotate": rotate, "xRoom": 70 if rotate else 14}
    if style == "fraction":
        spec["yDecimals"] = 2
    image = browser.shoot(canvas_page(spec), rng.choice([1, 1.5, 2]))
    truth = {"style": "chartjs_bars", "kind": "bar", "log_x": False,
             "series": {bench: [[n, round(v, 4)] for n, v in zip(names, shown, strict=True)]}}
    return Shot(image, fraction_truth(truth, style == "fraction"))


# 2. ECharts-like grouped bars: legend on top with rounded swatches, dashed grid, maybe dark.
def echarts_grouped(rng: random.Random, browser: Browser) -> Shot:
    benches = rng.sample(list(BENCHES), k=rng.randint(3, 5))
    models = model_names(rng, rng.randint(2, 4))
    strengths = {m: strength(m, rng) for m in models}
    by_model = rng.random() < 0.5  # series are models, categories benchmarks; or turned
    series_names, categories = (models, benches) if by_model else (benches, models)
    values = {(s, c): score(rng, c if by_model else s, strengths[s if by_model else c])
              for s in series_names for c in categories}
    dark = rng.random() < 0.4
    with_labels = rng.random() < 0.6
    theme = {"bg": "#100c2a" if dark else "#fff", "font": f"'{rng.choice(SANS)}'", "size": 12,
             "title": "#eee" if dark else "#464646", "titleSize": 18, "titleAlign": "left",
             "text": "#b9b8ce" if dark else "#6e7079", "grid": "#484753" if dark else "#e0e6f1",
             "axis": "#b9b8ce" if dark else "#6e7079", "dash": [4, 4], "icon": 25,
             "iconShape": "round", "radius": 3, "label": "#eee" if dark else "#333",
             "labelSize": 11, "left": 50, "lineWidth": 2, "marker": 3, "borderColour": False}
    colours = (["#4992ff", "#7cffb2", "#fddd60", "#ff6e76", "#58d9f9"] if dark
               else ECHARTS_COLOURS)
    series = [{"name": s, "values": [values[(s, c)] for c in categories],
               "labels": [f"{values[(s, c)]:.1f}" for c in categories], "colour": colours[i]}
              for i, s in enumerate(series_names)]
    spec = {"w": rng.randint(700, 1000), "h": rng.randint(380, 500), "theme": theme,
            "title": rng.choice(["Benchmark comparison", "Open model evals", None]),
            "kind": "bar", "categories": categories, "legend": "top", "series": series,
            "yMin": 0, "yMax": max(values.values()) * 1.08, "yDecimals": 0, "ySuffix": "",
            "yTitle": rng.choice(["Score", "Accuracy (%)", None]), "labels": with_labels,
            "fill": 0.75, "rotate": 0 if len(categories) <= 4 else 20,
            "xRoom": 30 if len(categories) <= 4 else 60}
    image = browser.shoot(canvas_page(spec), rng.choice([1, 1.5, 2]))
    truth = {"style": "echarts_grouped", "kind": "bar", "log_x": False,
             "series": {s: [[c, values[(s, c)]] for c in categories] for s in series_names}}
    return Shot(image, truth)


# 3. plotly horizontal bars sorted by score, text outside each bar (bundled plotly.js).
def plotly_hbar(rng: random.Random, browser: Browser) -> Shot:
    import plotly.graph_objects as go

    bench = rng.choice(list(BENCHES))
    names = model_names(rng, rng.randint(5, 11))
    names = sorted(names, key=lambda n: strength(n, rng))
    values = sorted(score(rng, bench, strength(n, rng)) for n in names)
    percent = rng.random() < 0.4
    template = rng.choice(["plotly_white", "simple_white", "ggplot2", "seaborn", "plotly_dark"])
    figure = go.Figure(go.Bar(
        x=values, y=names, orientation="h",
        text=[f"{v:.1f}%" if percent else f"{v:.1f}" for v in values],
        textposition=rng.choice(["outside", "auto"]),
        marker_color=rng.choice(["#636efa", "#ef553b", "#00cc96", "#ab63fa", "#19d3f3"])))
    figure.update_layout(template=template, width=rng.randint(640, 900),
                         height=140 + 34 * len(names),
                         title=f"{bench} — {rng.choice(['higher is better', 'leaderboard'])}",
                         font={"family": rng.choice(SANS), "size": rng.choice([12, 13, 14])},
                         margin={"l": 20, "r": 40, "t": 60, "b": 40},
                         xaxis_title=f"{bench} (%)" if percent else bench)
    figure.update_yaxes(automargin=True)
    markup = figure.to_html(include_plotlyjs=True, full_html=False,
                            config={"displayModeBar": False, "staticPlot": True})
    background = "#111111" if template == "plotly_dark" else "#fff"
    image = browser.shoot(page(f"<div id=shot style='display:inline-block'>{markup}</div>",
                               background=background), rng.choice([1, 1.5]))
    truth = {"style": "plotly_hbar", "kind": "hbar", "log_x": False,
             "series": {bench: [[n, v] for n, v in zip(names, values, strict=True)]}}
    return Shot(image, truth)


# 4. Hand-written SVG: a benchmark against training compute, log x in FLOPs, markers.
def svg_compute_lines(rng: random.Random, browser: Browser) -> Shot:
    bench = rng.choice(["MMLU", "GSM8K", "BBH", "ARC-C", "HumanEval"])
    low, high = BENCHES[bench]
    families = rng.sample(FAMILIES, k=rng.randint(2, 3))
    start, stop = rng.choice([(20, 24), (21, 25), (19, 23)])
    series: dict[str, list[list[float]]] = {}
    for index, family in enumerate(families):
        count = rng.randint(4, 6)
        grid = [start + 0.2 + 0.4 * k for k in range(int((stop - start - 0.4) / 0.4) + 1)]
        exponents = sorted(e + rng.uniform(-0.1, 0.1) for e in rng.sample(grid, k=count))
        offset = rng.uniform(-0.1, 0.1) - 0.05 * index
        points = []
        for e in exponents:
            share = min(0.98, max(0.02, (e - start) / (stop - start) * 0.85 + 0.08 + offset))
            points.append([float(f"{10 ** e:.3g}"), round(low + (high - low) * share, 1)])
        series[family] = points
    width, height = rng.randint(620, 900), rng.randint(400, 520)
    left, right, top, bottom = 70, width - 30, 50, height - 60
    ys = [v for v in range(0, 101, 10) if low - 10 <= v <= high + 10]
    y0, y1 = ys[0], ys[-1]

    def X(value: float) -> float:
        return left + (math.log10(value) - start) / (stop - start) * (right - left)

    def Y(value: float) -> float:
        return bottom - (value - y0) / (y1 - y0) * (bottom - top)

    tick_style = rng.choice(["sup", "e", "plain"])
    font = rng.choice(SANS)
    parts = [f"<rect width='{width}' height='{height}' fill='#fff'/>",
             f"<text x='{left}' y='28' font-size='17' font-weight='600'>{bench} vs. "
             f"training compute</text>"]
    for v in ys:
        parts.append(f"<line x1='{left}' x2='{right}' y1='{Y(v):.1f}' y2='{Y(v):.1f}' "
                     f"stroke='#eee'/><text x='{left - 8}' y='{Y(v) + 4:.1f}' "
                     f"text-anchor='end' font-size='12'>{v}</text>")
    for e in range(start, stop + 1):
        label = {"sup": f"10<tspan dy='-6' font-size='9'>{e}</tspan>", "e": f"1e{e}",
                 "plain": f"1E+{e}"}[tick_style]
        parts.append(f"<line x1='{X(10 ** e):.1f}' x2='{X(10 ** e):.1f}' y1='{bottom}' "
                     f"y2='{bottom + 5}' stroke='#333'/><text x='{X(10 ** e):.1f}' "
                     f"y='{bottom + 20}' text-anchor='middle' font-size='12'>{label}</text>")
    parts.append(f"<line x1='{left}' x2='{right}' y1='{bottom}' y2='{bottom}' stroke='#333'/>"
                 f"<line x1='{left}' x2='{left}' y1='{top}' y2='{bottom}' stroke='#333'/>"
                 f"<text x='{(left + right) / 2}' y='{height - 18}' text-anchor='middle' "
                 f"font-size='13'>Training compute (FLOPs)</text>"
                 f"<text transform='translate(20 {(top + bottom) / 2}) rotate(-90)' "
                 f"text-anchor='middle' font-size='13'>{bench} accuracy (%)</text>")
    colours = rng.sample(["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"], 3)
    shapes = ["circle", "square", "diamond"]
    for index, (name, points) in enumerate(series.items()):
        colour = colours[index]
        path = " ".join(f"{'M' if i == 0 else 'L'}{X(x):.1f},{Y(y):.1f}"
                        for i, (x, y) in enumerate(points))
        parts.append(f"<path d='{path}' fill='none' stroke='{colour}' stroke-width='2'/>")
        for x, y in points:
            cx, cy = X(x), Y(y)
            if shapes[index] == "circle":
                parts.append(f"<circle cx='{cx:.1f}' cy='{cy:.1f}' r='4.5' fill='{colour}'/>")
            elif shapes[index] == "square":
                parts.append(f"<rect x='{cx - 4:.1f}' y='{cy - 4:.1f}' width='8' height='8' "
                             f"fill='{colour}'/>")
            else:
                parts.append(f"<path d='M{cx:.1f},{cy - 5.5:.1f} l5.5,5.5 l-5.5,5.5 l-5.5,-5.5z'"
                             f" fill='{colour}'/>")
        legend_y = top + 8 + 20 * index
        parts.append(f"<rect x='{left + 14}' y='{legend_y - 6}' width='14' height='3' "
                     f"fill='{colour}'/><text x='{left + 34}' y='{legend_y}' "
                     f"font-size='13'>{name}</text>")
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
           f"font-family=\"'{font}'\" fill='#222'>{''.join(parts)}</svg>")
    image = browser.shoot(page(f"<div id=shot style='display:inline-block'>{svg}</div>"),
                          rng.choice([1, 1.5, 2]))
    truth = {"style": "svg_compute_lines", "kind": "line", "log_x": True, "series": series}
    return Shot(image, truth)


# 5. matplotlib scaling curves in a GitHub-dark theme: log x in billions ("7B"), markers.
def mpl_dark_scaling(rng: random.Random, browser: Browser) -> Shot:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FixedLocator, NullLocator

    bench = rng.choice(["MMLU", "GSM8K", "HumanEval", "BBH", "C-Eval", "TriviaQA"])
    low, high = BENCHES[bench]
    families = rng.sample(FAMILIES, k=rng.randint(2, 4))
    ladder = [0.5, 1, 1.5, 3, 7, 14, 34, 70]
    series: dict[str, list[list[float]]] = {}
    for index, family in enumerate(families):
        sizes = sorted(rng.sample(ladder, k=rng.randint(3, 5)))
        offset = rng.uniform(-0.08, 0.08) - 0.04 * index
        series[f"{family}-{rng.choice(['Base', 'Chat', 'v2', ''])}".rstrip("-")] = [
            [s, round(low + (high - low) * min(0.97, max(0.03, 0.2 + 0.3 * math.log10(s * 2)
                                                         + offset + rng.gauss(0, 0.02))), 1)]
            for s in sizes]
    background = rng.choice(["#0d1117", "#161b22", "#1e1e2e"])
    params = {"figure.facecolor": background, "axes.facecolor": background,
              "axes.edgecolor": "#8b949e", "axes.labelcolor": "#c9d1d9", "text.color": "#c9d1d9",
              "xtick.color": "#8b949e", "ytick.color": "#8b949e", "grid.color": "#30363d",
              "font.family": rng.choice(["DejaVu Sans", "Liberation Sans", "Roboto"]),
              "font.size": rng.choice([10, 11, 12]), "axes.spines.top": False,
              "axes.spines.right": False}
    with plt.rc_context(params):
        figure, axes = plt.subplots(figsize=(rng.uniform(6, 8.5), rng.uniform(4, 5.2)),
                                    dpi=rng.choice([90, 110, 130]))
        palette = ["#58a6ff", "#3fb950", "#f778ba", "#d29922", "#a371f7"]
        markers = ["o", "s", "^", "D", "v"]
        for index, (name, points) in enumerate(series.items()):
            axes.plot([p[0] for p in points], [p[1] for p in points], marker=markers[index],
                      color=palette[index], label=name, linewidth=2, markersize=6)
        axes.set_xscale("log")
        used = sorted({p[0] for points in series.values() for p in points})
        axes.xaxis.set_major_locator(FixedLocator(used))
        axes.xaxis.set_minor_locator(NullLocator())
        axes.set_xticklabels([f"{s:g}B" for s in used])
        axes.grid(True, which="major", linestyle=rng.choice(["-", "--", ":"]))
        axes.set_xlabel("Parameters")
        axes.set_ylabel(f"{bench} (%)")
        axes.set_title(rng.choice([f"{bench} scaling", f"{bench} vs. model size", ""]),
                       loc=rng.choice(["left", "center"]))
        axes.legend(frameon=False, loc=rng.choice(["lower right", "upper left", "best"]))
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", facecolor=background)
        plt.close(figure)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    truth = {"style": "mpl_dark_scaling", "kind": "line", "log_x": True, "series": series}
    return Shot(image, truth)


# 6. A bar chart on a slide in the Google Slides editor (menus, filmstrip, speaker notes).
def gslides_bars(rng: random.Random, browser: Browser) -> Shot:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    bench = rng.choice(list(BENCHES))
    names = model_names(rng, rng.randint(3, 6))
    values = [score(rng, bench, strength(n, rng)) for n in names]
    ours = rng.randrange(len(names))
    accent = rng.choice(["#1a73e8", "#e8710a", "#188038", "#9334e6"])
    with plt.rc_context({"font.family": rng.choice(["Liberation Sans", "Open Sans",
                                                     "DejaVu Sans"]),
                         "font.size": 13, "axes.spines.top": False,
                         "axes.spines.right": False, "axes.spines.left": False}):
        figure, axes = plt.subplots(figsize=(7.5, 4.2), dpi=100)
        colours = [accent if i == ours else "#bdc1c6" for i in range(len(names))]
        bars = axes.bar(names, values, color=colours, width=0.6)
        percent = rng.random() < 0.5
        axes.bar_label(bars, labels=[f"{v:.1f}%" if percent else f"{v:.1f}" for v in values],
                       padding=3, fontsize=13, fontweight="bold")
        axes.set_yticks([])
        axes.set_ylim(0, max(values) * 1.15)
        axes.tick_params(axis="x", length=0)
        if max(len(n) for n in names) * len(names) > 70:
            axes.tick_params(axis="x", labelrotation=20)
        figure.tight_layout()
        uri = png_uri(figure)
    title = rng.choice([f"{bench}: best in class", f"Strong {bench} results",
                        f"{names[ours]} leads on {bench}"])
    menu = "File Edit View Insert Format Slide Arrange Tools Extensions Help"
    body = f"""<div id=shot><div class=top><b>Q3 model review</b> <span>{menu}</span></div>
      <div class=tool>Undo Redo Print 100% | Background Layout Theme Transition</div>
      <div class=main><div class=strip><div class=th></div><div class='th on'></div>
      <div class=th></div></div><div class=stage><div class=slide><h1>{title}</h1>
      <img src='{uri}'><div class=foot>{bench} accuracy, {setting(bench, rng)}
      </div></div><div class=notes>Click to add speaker notes</div></div></div></div>"""
    css = f"""#shot{{width:1280px;background:#f9fbfd;font-family:'Roboto';color:#333}}
      .top{{padding:10px 16px;font-size:17px}} .top span{{font-size:13px;margin-left:18px;
      color:#444}} .tool{{margin:0 10px;background:#edf2fa;border-radius:18px;padding:6px 14px;
      font-size:12px;color:#444}} .main{{display:flex;padding:10px}} .strip{{width:150px}}
      .th{{width:120px;height:68px;background:#fff;border:1px solid #ddd;margin:8px}}
      .on{{border:2px solid {accent}}} .stage{{flex:1;background:#e8eaed;padding:18px}}
      .slide{{background:#fff;width:960px;height:540px;margin:auto;position:relative;
      box-shadow:0 1px 3px #aaa}} h1{{margin:0;padding:28px 40px 6px;font-size:32px;
      color:#202124;font-weight:500}} img{{display:block;margin:0 auto;width:750px}}
      .foot{{position:absolute;bottom:14px;left:40px;font-size:12px;color:#777}}
      .notes{{width:960px;margin:14px auto 0;color:#888;font-size:13px}}"""
    image = browser.shoot(page(body, css, "#f9fbfd"), 1)
    if rng.random() < 0.5:
        image = resize_width(image, rng.randint(900, 1200))
    truth = {"style": "gslides_bars", "kind": "bar", "log_x": False,
             "series": {bench: [[n, v] for n, v in zip(names, values, strict=True)]}}
    return Shot(image, truth)


# 7. A LinkedIn post with a horizontal bar chart (matplotlib, minimal), resized and JPEG.
def linkedin_hbar(rng: random.Random, browser: Browser) -> Shot:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    bench = rng.choice(list(BENCHES))
    names = model_names(rng, rng.randint(4, 8))
    values = [score(rng, bench, strength(n, rng)) for n in names]
    order = sorted(range(len(names)), key=lambda i: values[i], reverse=rng.random() < 0.5)
    names, values = [names[i] for i in order], [values[i] for i in order]
    percent = rng.random() < 0.5
    with plt.rc_context({"font.family": rng.choice(["DejaVu Sans", "Liberation Sans",
                                                     "Open Sans"]),
                         "font.size": 12}):
        figure, axes = plt.subplots(figsize=(6.4, 0.55 * len(names) + 1.2), dpi=110)
        colour = rng.choice(["#0a66c2", "#057642", "#915907", "#5f3dc4"])
        bars = axes.barh(names, values, color=colour, height=0.65)
        axes.bar_label(bars, labels=[f"{v:.1f}%" if percent else f"{v:.1f}" for v in values],
                       padding=4)
        for side in ("top", "right", "bottom"):
            axes.spines[side].set_visible(False)
        axes.set_xticks([])
        axes.set_xlim(0, max(values) * 1.15)
        axes.set_title(f"{bench} ({setting(bench, rng)})", loc="left",
                       fontweight="bold")
        figure.tight_layout()
        uri = png_uri(figure)
    who = rng.choice(["Maya Lindqvist", "Tomás Ortega", "Wei Zhang", "Amara Okafor"])
    text = rng.choice(["Excited to share our latest results! Our model tops the chart on",
                       "We benchmarked the most popular open models on",
                       "New week, new leaderboard. Here is how open models do on"])
    body = f"""<div id=shot><div class=head><div class=av></div><div><b>{who}</b>
      <div class=sub>ML Engineer at {rng.choice(['Tessel Labs', 'Corvid AI', 'Halcyon'])}
      <br>{rng.randint(1, 6)}d · Edited</div></div></div>
      <div class=text>{text} {bench}. #LLM #AI #OpenSource</div><img src='{uri}'>
      <div class=counts>{rng.randint(40, 900)} reactions · {rng.randint(3, 80)}
      comments · {rng.randint(1, 40)} reposts</div><div class=acts><span>Like</span>
      <span>Comment</span><span>Repost</span><span>Send</span></div></div>"""
    css = f"""#shot{{width:560px;background:#fff;font-family:'{rng.choice(SANS)}';
      color:#191919;border:1px solid #e0dfdc;border-radius:8px}} .head{{display:flex;
      padding:12px 16px}} .av{{width:48px;height:48px;border-radius:24px;background:#c7d2de;
      margin-right:10px}} .sub{{color:#666;font-size:12px}} .text{{padding:0 16px 10px;
      font-size:14px}} img{{display:block;width:560px}} .counts{{color:#666;font-size:12px;
      padding:8px 16px;border-bottom:1px solid #e0dfdc}} .acts{{display:flex;
      justify-content:space-around;padding:10px;color:#666;font-weight:600;font-size:14px}}"""
    image = browser.shoot(page(body, css, "#f4f2ee"), rng.choice([1, 1.5, 2]))
    image = resize_width(image, rng.randint(480, 900))
    truth = {"style": "linkedin_hbar", "kind": "hbar", "log_x": False,
             "series": {bench: [[n, v] for n, v in zip(names, values, strict=True)]}}
    return Shot(image, truth, rng.randint(55, 85))


# 8. A Weights & Biases-like panel: eval accuracy of a few runs over training steps.
def wandb_panel(rng: random.Random, browser: Browser) -> Shot:
    bench = rng.choice(["mmlu", "gsm8k", "arc_challenge", "hellaswag", "humaneval"])
    runs = [f"{rng.choice(['sweet', 'brisk', 'lunar', 'amber', 'quiet', 'vivid'])}-"
            f"{rng.choice(['river', 'forest', 'comet', 'meadow', 'harbor'])}-{rng.randint(3, 99)}"
            for _ in range(rng.randint(2, 4))]
    runs = list(dict.fromkeys(runs))
    step = rng.choice([250, 500, 1000, 2000])
    count = rng.randint(6, 11)
    series: dict[str, list[list[float]]] = {}
    for index, run in enumerate(runs):
        start, gain = rng.uniform(25, 40), rng.uniform(15, 35) - 4 * index
        series[run] = [[float(step * (i + 1)), round(start + gain * (1 - math.exp(-i / 3))
                                                     + rng.gauss(0, 0.8), 1)]
                       for i in range(count)]
    dark = rng.random() < 0.5
    theme = {"bg": "#1a1c1f" if dark else "#fff", "font": "'Roboto'", "size": 11,
             "title": "#e3e3e3" if dark else "#333", "titleSize": 13, "titleAlign": "left",
             "text": "#a0a0a0" if dark else "#666", "grid": "#2c2f33" if dark else "#eee",
             "axis": "#555" if dark else "#ccc", "dash": [], "icon": 14, "iconShape": "line",
             "radius": 0, "label": "#333", "labelSize": 11, "left": 46, "lineWidth": 2,
             "marker": 3.2, "borderColour": False}
    colours = rng.sample(["#e87b9f", "#5387dd", "#7f54b3", "#da4c4c", "#479a5f", "#e6a23c"],
                         len(runs))
    values = [y for points in series.values() for _, y in points]
    spec = {"w": rng.randint(560, 820), "h": rng.randint(330, 430), "theme": theme,
            "title": f"eval/{bench}_acc", "kind": "line", "legend": "top",
            "series": [{"name": r, "points": series[r], "colour": c}
                       for r, c in zip(runs, colours, strict=True)],
            "yMin": min(values) - 3, "yMax": max(values) + 3, "yDecimals": 0, "ySuffix": "",
            "yTitle": None, "xMin": 0, "xMax": step * count, "xTitle": "Step", "xRoom": 40}
    frame = (f"#shot{{border:1px solid {'#333' if dark else '#e6e6e6'};border-radius:6px;"
             f"padding:8px;background:{theme['bg']}}}")
    image = browser.shoot(canvas_page(spec, frame), rng.choice([1, 2]))
    truth = {"style": "wandb_panel", "kind": "line", "log_x": False, "series": series}
    return Shot(image, truth)


STYLES: dict[str, Style] = {
    "chartjs_bars": chartjs_bars,
    "echarts_grouped": echarts_grouped,
    "plotly_hbar": plotly_hbar,
    "svg_compute_lines": svg_compute_lines,
    "mpl_dark_scaling": mpl_dark_scaling,
    "gslides_bars": gslides_bars,
    "linkedin_hbar": linkedin_hbar,
    "wandb_panel": wandb_panel,
}


def generate(out: Path, count: int, seed: int) -> dict:
    """Write ``count`` charts to ``out`` (styles in turn, each from its own seed) and
    ``out/truth.json``; return the truth."""
    out.mkdir(parents=True, exist_ok=True)
    names = list(STYLES)
    truth: dict[str, dict] = {}
    browser = Browser((1400, 1100))
    try:
        for index in range(count):
            style = names[index % len(names)]
            rng = random.Random(seed * 1000 + index)
            shot = STYLES[style](rng, browser)
            name = f"blind4_{index:03d}_{style}.{'png' if shot.quality is None else 'jpg'}"
            if shot.quality is not None:
                shot.image.save(out / name, "JPEG", quality=shot.quality)
            else:
                shot.image.save(out / name)
            truth[name] = shot.truth
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--seed", type=int, default=34000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} charts in {args.out}")


if __name__ == "__main__":
    main()
