"""The sixteenth blind test set of charts, written without reading the reader or any other
generator.

    python benchmarks/blind16_charts.py OUT_DIR [--count 24] [--seed 123000]

Looks (``STYLE`` in each file's name), in turn:

- inside_white_hbar: sorted horizontal bars, each value printed in white inside its bar;
- band_log_tokens: lines with markers and a shaded band over log "training tokens (B)",
  ticks printed as powers of ten, a legend;
- legend_two_rows: Vega-Lite grouped columns with the legend under the chart in two rows;
- svg_lollipop: a column chart of stems and dots drawn as SVG, values over the dots;
- hatched_grey_jpeg: grouped columns in greys with hatching, saved as JPEG;
- dark_labelled_lines: a dark card of lines with every point's value printed, gridlines;
- slide_baseline: a line chart on a slide with a logo and footer, a dashed human baseline
  across it (a reference, not a series) and an annotation arrow;
- faded_highlight: Vega-Lite lines, one series highlighted, the others faded.

Truth per image: ``kind`` (bar, hbar or line), ``log_x``, ``series`` (name -> [[x, y]]: a
bar's category as printed, a line's x in its axis's unit) and ``style``.
"""

from __future__ import annotations

import base64
import io
import json
import random
from pathlib import Path

import blind16_io
import matplotlib
from blind16_tables import FAMILIES
from PIL import Image

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import LogFormatterMathtext

SIZES = ["1B", "3B", "7B", "8B", "13B", "34B", "70B"]
MEASURES = ["GSM8K accuracy (%)", "HumanEval pass@1", "MMLU (5-shot)", "ARC-C accuracy",
            "Win rate (%)", "BBH score"]


def models(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(FAMILIES)}-{rng.choice(SIZES)}"
        if name not in names:
            names.append(name)
    return names


def figure_image(fig: plt.Figure, dpi: int) -> Image.Image:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    plt.close(fig)
    return Image.open(buffer).convert("RGB")


def inside_white_hbar(rng: random.Random) -> tuple:
    names = models(rng, rng.randint(5, 8))
    measure = rng.choice(MEASURES)
    values = sorted((round(rng.uniform(25, 90), 1) for _ in names), reverse=False)
    fig, ax = plt.subplots(figsize=(rng.uniform(6, 8), 0.5 * len(names) + 1.2))
    colour = rng.choice(["#2f6db5", "#7a3fa0", "#1c8a6e", "#c4532b"])
    bars = ax.barh(names, values, color=colour, height=0.7)
    for bar, value in zip(bars, values, strict=True):
        ax.text(bar.get_width() - 1, bar.get_y() + bar.get_height() / 2, f"{value:.1f}",
                ha="right", va="center", color="white", fontsize=10, fontweight="bold")
    ax.set_xlabel(measure)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlim(0, 100)
    fig.tight_layout()
    series = {measure: [[n, v] for n, v in zip(names, values, strict=True)]}
    return figure_image(fig, rng.choice([100, 130])), "hbar", False, series, 0


def band_log_tokens(rng: random.Random) -> tuple:
    xs = sorted(rng.sample([10, 20, 50, 100, 200, 500, 1000, 2000, 5000], rng.randint(5, 7)))
    names = models(rng, rng.randint(2, 3))
    fig, ax = plt.subplots(figsize=(7.5, 4.6))
    series = {}
    for i, name in enumerate(names):
        start, gain = rng.uniform(25, 40), rng.uniform(5, 11)
        ys = [round(start + gain * (j + rng.uniform(-0.2, 0.2)), 1) for j in range(len(xs))]
        spread = [rng.uniform(1, 3) for _ in xs]
        line = ax.plot(xs, ys, marker="os^"[i], label=name, linewidth=1.8)[0]
        ax.fill_between(xs, [y - s for y, s in zip(ys, spread, strict=True)],
                        [y + s for y, s in zip(ys, spread, strict=True)],
                        color=line.get_color(), alpha=0.18)
        series[name] = [[x, y] for x, y in zip(xs, ys, strict=True)]
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(LogFormatterMathtext())
    ax.set_xlabel("Training tokens (B)")
    ax.set_ylabel(rng.choice(MEASURES))
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(loc="upper left", frameon=False)
    fig.tight_layout()
    return figure_image(fig, 110), "line", True, series, 0


def legend_two_rows(rng: random.Random) -> tuple:
    import vl_convert

    benchmarks = rng.sample(["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH", "MATH", "DROP"], 5)
    names = models(rng, rng.randint(3, 4))
    data = [{"model": m, "bench": b, "score": round(rng.uniform(20, 90), 1)}
            for m in names for b in benchmarks]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": {"step": 16}, "height": 260, "data": {"values": data},
        "mark": "bar",
        "encoding": {
            "x": {"field": "model", "type": "nominal", "title": None, "sort": None,
                  "axis": {"labelAngle": 0}},
            "xOffset": {"field": "bench", "sort": None},
            "y": {"field": "score", "type": "quantitative", "title": "Score"},
            "color": {"field": "bench", "sort": None, "title": None,
                      "legend": {"orient": "bottom", "columns": 3, "direction": "horizontal"}},
        },
        "config": {"font": "Liberation Sans"},
    }
    png = vl_convert.vegalite_to_png(json.dumps(spec), scale=rng.choice([1.5, 2.0]))
    series: dict[str, list] = {b: [] for b in benchmarks}
    for row in data:
        series[row["bench"]].append([row["model"], row["score"]])
    return Image.open(io.BytesIO(png)).convert("RGB"), "bar", False, series, 0


def svg_lollipop(rng: random.Random) -> tuple:
    names = models(rng, rng.randint(4, 7))
    measure = rng.choice(MEASURES)
    values = [round(rng.uniform(15, 85), 1) for _ in names]
    width, height, left, bottom, top = 110 * len(names) + 80, 380, 60, 330, 40
    scale = (bottom - top) / 100
    parts = [f"<svg width='{width}' height='{height}' xmlns='http://www.w3.org/2000/svg' "
             "font-family='Open Sans' font-size='12'>"]
    for tick in range(0, 101, 20):
        y = bottom - tick * scale
        parts.append(f"<line x1='{left}' x2='{width - 20}' y1='{y}' y2='{y}' stroke='#e6e6e6'/>"
                     f"<text x='{left - 8}' y='{y + 4}' text-anchor='end' fill='#555'>{tick}"
                     "</text>")
    colour = rng.choice(["#d1495b", "#00798c", "#edae49", "#30638e"])
    for i, (name, value) in enumerate(zip(names, values, strict=True)):
        x = left + 50 + i * 110
        y = bottom - value * scale
        parts.append(
            f"<line x1='{x}' x2='{x}' y1='{bottom}' y2='{y}' stroke='{colour}' stroke-width='3'/>"
            f"<circle cx='{x}' cy='{y}' r='9' fill='{colour}'/>"
            f"<text x='{x}' y='{y - 15}' text-anchor='middle' font-weight='600'>{value:.1f}</text>"
            f"<text x='{x}' y='{bottom + 20}' text-anchor='middle'>{name}</text>"
        )
    parts.append(f"<text x='16' y='{(top + bottom) / 2}' transform='rotate(-90 16 "
                 f"{(top + bottom) / 2})' text-anchor='middle'>{measure}</text></svg>")
    body = f"<div id='shot'>{''.join(parts)}</div>"
    image = blind16_io.shoot(body, "#shot{width:max-content;padding:10px}", 1.0)
    series = {measure: [[n, v] for n, v in zip(names, values, strict=True)]}
    return image, "bar", False, series, 0


def hatched_grey_jpeg(rng: random.Random) -> tuple:
    names = models(rng, rng.randint(3, 5))
    benchmarks = rng.sample(["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH"], rng.randint(2, 3))
    fig, ax = plt.subplots(figsize=(7, 4.2))
    width = 0.8 / len(benchmarks)
    greys, hatches = ["#333333", "#8c8c8c", "#d0d0d0"], ["", "//", ".."]
    series = {}
    for j, bench in enumerate(benchmarks):
        values = [round(rng.uniform(20, 88), 1) for _ in names]
        ax.bar([i + (j - (len(benchmarks) - 1) / 2) * width for i in range(len(names))], values,
               width, color=greys[j], hatch=hatches[j], edgecolor="black", label=bench)
        series[bench] = [[n, v] for n, v in zip(names, values, strict=True)]
    ax.set_xticks(range(len(names)), names)
    ax.set_ylabel("Accuracy (%)")
    ax.set_ylim(0, 100)
    ax.legend(ncol=len(benchmarks), loc="upper left", frameon=False)
    fig.tight_layout()
    image = figure_image(fig, rng.choice([90, 110])).convert("L").convert("RGB")
    return image, "bar", False, series, rng.randint(55, 75)


def dark_labelled_lines(rng: random.Random) -> tuple:
    epochs = list(range(1, rng.randint(5, 8)))
    names = models(rng, 2)
    with plt.style.context("dark_background"):
        fig, ax = plt.subplots(figsize=(7.5, 4.5))
        fig.patch.set_facecolor("#15181e")
        ax.set_facecolor("#15181e")
        series = {}
        for name, colour in zip(names, ["#56b4e9", "#f0a35e"], strict=True):
            base = rng.uniform(30, 50)
            ys = [round(base + 6 * (e ** 0.8) + rng.uniform(-1.5, 1.5), 1) for e in epochs]
            ax.plot(epochs, ys, color=colour, marker="o", label=name)
            for x, y in zip(epochs, ys, strict=True):
                ax.annotate(f"{y:.1f}", (x, y), textcoords="offset points", xytext=(0, 8),
                            ha="center", color=colour, fontsize=9)
            series[name] = [[x, y] for x, y in zip(epochs, ys, strict=True)]
        ax.grid(True, color="#2e3440")
        ax.set_xticks(epochs)
        ax.set_xlabel("Epoch")
        ax.set_ylabel("Eval accuracy (%)")
        ax.legend(loc="lower right", frameon=False)
        for spine in ax.spines.values():
            spine.set_visible(False)
        fig.tight_layout()
        return figure_image(fig, 110), "line", False, series, 0


def slide_baseline(rng: random.Random) -> tuple:
    steps = [0, 20, 40, 60, 80, 100, 120][: rng.randint(5, 7)]
    name = rng.choice(FAMILIES) + " " + rng.choice(["Pro", "Base", "Chat"])
    start = rng.uniform(40, 55)
    ys = [round(start + 32 * (1 - 0.97 ** s) + rng.uniform(-1, 1), 1) for s in steps]
    baseline = round(rng.uniform(80, 92), 1)
    fig, ax = plt.subplots(figsize=(7.5, 4))
    ax.plot(steps, ys, color="#1f5fa8", linewidth=2.2, marker="D", markersize=5, label=name)
    ax.axhline(baseline, color="#c0392b", linestyle="--")
    ax.text(steps[0], baseline + 1, f"human baseline {baseline}", color="#c0392b", fontsize=10)
    best = max(range(len(ys)), key=ys.__getitem__)
    ax.annotate(f"best: {ys[best]}", (steps[best], ys[best]),
                xytext=(steps[best] - 30, ys[best] - 18),
                arrowprops={"arrowstyle": "->", "color": "#333"}, fontsize=10)
    ax.set_xlabel("Training steps (k)")
    ax.set_ylabel(rng.choice(MEASURES))
    ax.set_ylim(min(ys) - 25, 100)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right")
    fig.tight_layout()
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=100)
    plt.close(fig)
    data = base64.b64encode(png.getvalue()).decode()
    body = (
        "<div id='shot'><div class='logo'>&#9670; Lattice Labs</div>"
        f"<h1>Longer training closes the gap</h1><img src='data:image/png;base64,{data}'>"
        f"<div class='foot'><span>Internal review · Q{rng.randint(1, 4)}</span>"
        f"<span>{rng.randint(3, 40)}</span></div></div>"
    )
    css = (
        "#shot{width:1100px;height:640px;position:relative;background:#f7f4ee;"
        "font-family:'Roboto';padding:28px 50px;box-sizing:border-box}"
        "h1{margin:0 0 10px;font-size:32px;color:#222}.logo{position:absolute;right:40px;"
        "top:30px;color:#1f5fa8;font-weight:700}img{display:block;margin:0 auto}"
        ".foot{position:absolute;left:50px;right:40px;bottom:14px;display:flex;"
        "justify-content:space-between;color:#777;font-size:13px;border-top:1px solid #ccc;"
        "padding-top:6px}"
    )
    image = blind16_io.shoot(body, css, 1.0)
    series = {name: [[x, y] for x, y in zip(steps, ys, strict=True)]}
    return image, "line", False, series, 0


def faded_highlight(rng: random.Random) -> tuple:
    import vl_convert

    names = models(rng, rng.randint(3, 5))
    steps = list(range(10, 10 * rng.randint(6, 9) + 1, 10))
    chosen = rng.choice(names)
    data = []
    for name in names:
        base = rng.uniform(20, 45)
        for s in steps:
            data.append({"model": name, "step": s,
                         "score": round(base + 0.35 * s + rng.uniform(-2, 2), 1)})
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 480, "height": 280, "data": {"values": data},
        "mark": {"type": "line", "strokeWidth": 2.5},
        "encoding": {
            "x": {"field": "step", "type": "quantitative", "title": "Training steps (k)"},
            "y": {"field": "score", "type": "quantitative", "title": "Accuracy"},
            "color": {"field": "model", "type": "nominal", "title": "Model"},
            "opacity": {"condition": {"test": f"datum.model === '{chosen}'", "value": 1},
                        "value": 0.22},
        },
        "config": {"font": "DejaVu Sans"},
    }
    png = vl_convert.vegalite_to_png(json.dumps(spec), scale=rng.choice([1.5, 2.0]))
    series: dict[str, list] = {n: [] for n in names}
    for row in data:
        series[row["model"]].append([row["step"], row["score"]])
    return Image.open(io.BytesIO(png)).convert("RGB"), "line", False, series, 0


LOOKS = {
    "inside_white_hbar": inside_white_hbar,
    "band_log_tokens": band_log_tokens,
    "legend_two_rows": legend_two_rows,
    "svg_lollipop": svg_lollipop,
    "hatched_grey_jpeg": hatched_grey_jpeg,
    "dark_labelled_lines": dark_labelled_lines,
    "slide_baseline": slide_baseline,
    "faded_highlight": faded_highlight,
}


def draw(style: str, rng: random.Random) -> tuple:
    image, kind, log_x, series, quality = LOOKS[style](rng)
    return image, quality, {"kind": kind, "log_x": log_x, "series": series}


def generate(out: Path, count: int, seed: int) -> dict:
    return blind16_io.generate_looks(out, count, seed, "charts", list(LOOKS), draw)


if __name__ == "__main__":
    blind16_io.command_line(__doc__, generate, 24, 123000)
