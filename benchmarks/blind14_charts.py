"""The fourteenth blind test set of charts: written without reading the reader or any other
generator. The looks, one a line:

- grey_highlight_columns: grey columns with one in colour, white value labels inside the
  bar tops, photographed at a slight angle, JPEG;
- delta_gains: Vega-Lite bars around zero (gains green, losses red), signed labels at their ends;
- band_logx_lines: matplotlib lines over shaded confidence bands on a log x axis of tokens;
- highcharts_annotated: an SVG chart in the manner of Highcharts (title, subtitle, credits
  line) with marked lines and an annotation arrow with text inside the plot;
- jupyter_dark_percent: a dark notebook output cell holding marked lines on a y axis in "%";
- sheets_dates_lines: a spreadsheet's line chart with markers over printed dates;
- vega_four_legend_right: Vega-Lite grouped columns of four series, legend at the right,
  dotted gridlines and no axis lines, unlabelled;
- cleveland_dots: a dot plot (two series of dots on horizontal lines), kind ``hbar``.

Truth per image: ``kind``, ``log_x``, ``series`` (name -> [[x, y], ...]: a bar's x is its
category as printed, a line's x its number on the x axis or the date printed under it; y a
printed label as printed, else the value drawn) and ``style``. A chart of one series names
it after what it measures.

    python benchmarks/blind14_charts.py OUT_DIR [--count 24] [--seed 115000]
"""

from __future__ import annotations

import base64
import io
import random
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind14_render import cli, page, write_set
from browser import Browser

MODELS = ["Quillon-7B", "Varda-13B", "Myrtle-3B", "Orinth-8B", "Belluno-34B", "Tamsin-1B",
          "Corvane-14B", "Lumora-70B", "Pellan-2B", "Zephra-9B", "Norrow-4B", "Saffra-22B"]
SERIES = ["Quillon", "Varda", "Myrtle", "Orinth", "Belluno", "Tamsin", "Corvane", "Lumora"]
MEASURES = ["HumanEval pass@1 (%)", "MMLU accuracy (%)", "GSM8K accuracy (%)",
            "Win rate vs. baseline (%)", "ARC-C accuracy (%)"]

Drawn = tuple[Image.Image, dict, float, int | None]


def figure_image(fig, dpi: int) -> Image.Image:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    plt.close(fig)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def tilt(image: Image.Image, rng: random.Random) -> Image.Image:
    """A screen photographed slightly from one side: a small keystone, a dim frame, noise."""
    w, h = image.size
    d = rng.uniform(0.02, 0.045)
    framed = Image.new("RGB", (w + 60, h + 60), (38, 38, 42))
    framed.paste(image, (30, 30))
    w, h = framed.size
    # the far edge shrinks: each output corner taken from a point of the input
    coefficients = _perspective([(0, 0), (w, d * h), (w, h - d * h), (0, h)],
                                [(0, 0), (w, 0), (w, h), (0, h)])
    warped = framed.transform((w, h), Image.Transform.PERSPECTIVE, coefficients,
                              Image.Resampling.BICUBIC, fillcolor=(30, 30, 34))
    noisy = np.asarray(warped, dtype=np.float32) + np.random.default_rng(
        rng.randrange(1 << 30)).normal(0, 4, (h, w, 3))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def _perspective(source: list, target: list) -> list[float]:
    rows = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    b = np.array([c for point in source for c in point], dtype=float)
    return list(np.linalg.solve(np.array(rows, dtype=float), b))


def grey_highlight_columns(rng: random.Random, browser: Browser) -> Drawn:
    names = rng.sample(MODELS, rng.randint(5, 8))
    values = [round(rng.uniform(25, 88), 1) for _ in names]
    measure = rng.choice(MEASURES)
    picked = rng.randrange(len(names))
    colour = rng.choice(["#e4572e", "#1f77b4", "#2a9d8f", "#8e44ad"])
    fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8.5), rng.uniform(3.8, 4.6)))
    bars = ax.bar(names, values, color=["#b8bcc2"] * len(names), width=0.66)
    bars[picked].set_color(colour)
    for bar, value in zip(bars, values, strict=True):
        ax.text(bar.get_x() + bar.get_width() / 2, value - 2.5, f"{value:.1f}", ha="center",
                va="top", color="white", fontsize=10, fontweight="bold")
    ax.set_ylabel(measure)
    ax.set_ylim(0, 100)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(f"{measure.split(' (')[0]}: ours vs. open models", loc="left", fontsize=12)
    plt.xticks(fontsize=9)
    fig.tight_layout()
    image = tilt(figure_image(fig, rng.choice([90, 110])), rng)
    series = {measure: [[n, v] for n, v in zip(names, values, strict=True)]}
    return image, {"kind": "bar", "log_x": False, "series": series}, 1.0, rng.choice([70, 80])


def delta_gains(rng: random.Random, browser: Browser) -> Drawn:
    import vl_convert

    names = rng.sample(SERIES, rng.randint(5, 7))
    deltas = [round(rng.uniform(-6, 9), 1) for _ in names]
    measure = rng.choice(["Change vs. base (pts)", "Gain from tuning (pts)"])
    data = [{"m": n, "d": d, "t": f"{d:+.1f}"} for n, d in zip(names, deltas, strict=True)]
    x = {"field": "m", "type": "nominal", "sort": None, "title": None,
         "axis": {"labelAngle": 0, "labelFontSize": 12}}
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.choice([420, 520, 600]), "height": rng.choice([260, 320]),
        "title": {"text": measure, "anchor": "start", "fontSize": 15},
        "data": {"values": data},
        "layer": [
            {"mark": {"type": "bar", "width": {"band": 0.6}},
             "encoding": {"x": x, "y": {"field": "d", "type": "quantitative", "title": "Δ pts"},
                          "color": {"condition": {"test": "datum.d >= 0", "value": "#2e9e58"},
                                    "value": "#d04a3a"}}},
            *({"mark": {"type": "text", "fontSize": 11, "dy": dy},
               "transform": [{"filter": test}],
               "encoding": {"x": x, "y": {"field": "d", "type": "quantitative"},
                            "text": {"field": "t"}}}
              for test, dy in (("datum.d >= 0", -8), ("datum.d < 0", 10))),
            {"mark": {"type": "rule", "color": "#333"}, "encoding": {"y": {"datum": 0}}},
        ],
        "config": {"font": "Liberation Sans", "view": {"stroke": None}},
    }
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice([1.0, 1.5]))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    series = {measure: [[n, d] for n, d in zip(names, deltas, strict=True)]}
    return image, {"kind": "bar", "log_x": False, "series": series}, 1.0, None


def band_logx_lines(rng: random.Random, browser: Browser) -> Drawn:
    xs = [10, 30, 100, 300, 1000, 3000][: rng.randint(4, 6)]
    names = rng.sample(SERIES, rng.randint(2, 3))
    fig, ax = plt.subplots(figsize=(rng.uniform(6, 8), rng.uniform(4, 5)))
    series = {}
    for name in names:
        start, gain = rng.uniform(25, 40), rng.uniform(5, 11)
        ys = [round(start + gain * np.log10(x / xs[0]) + rng.uniform(-1.5, 1.5), 1) for x in xs]
        spread = [rng.uniform(1.5, 4) for _ in xs]
        line = ax.plot(xs, ys, linewidth=2, label=name)[0]
        ax.fill_between(xs, [y - s for y, s in zip(ys, spread, strict=True)],
                        [y + s for y, s in zip(ys, spread, strict=True)],
                        color=line.get_color(), alpha=0.2, linewidth=0)
        series[name] = [[x, y] for x, y in zip(xs, ys, strict=True)]
    ax.set_xscale("log")
    ax.set_xlabel("Training tokens (B)")
    ax.set_ylabel(rng.choice(["Average accuracy", "Accuracy (%)"]))
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(loc=rng.choice(["lower right", "upper left"]), frameon=False)
    fig.tight_layout()
    image = figure_image(fig, rng.choice([90, 120]))
    return image, {"kind": "line", "log_x": True, "series": series}, 1.0, None


def highcharts_annotated(rng: random.Random, browser: Browser) -> Drawn:
    from blind14_svg import highcharts_svg

    xs = sorted(rng.sample([1, 3, 7, 8, 13, 14, 22, 34, 40], rng.randint(5, 7)))
    names = rng.sample(SERIES, rng.randint(1, 3))
    measure = rng.choice(MEASURES)
    series = {}
    for name in names:
        start = rng.uniform(20, 40)
        series[name if len(names) > 1 else measure] = [
            [x, round(start + 32 * (x / 40) ** 0.6 + rng.uniform(-2, 2), 1)] for x in xs]
    svg = highcharts_svg(rng, series, measure)
    image = browser.shoot(page(f"<div id='shot'>{svg}</div>", ""), rng.choice([1.0, 1.5]))
    return image, {"kind": "line", "log_x": False, "series": series}, 1.0, None


def jupyter_dark_percent(rng: random.Random, browser: Browser) -> Drawn:
    from matplotlib.ticker import PercentFormatter

    last = rng.choice([50, 60, 100])
    xs = list(range(0, last + 1, 10 if last <= 60 else 20))
    names = rng.sample(SERIES, rng.randint(1, 2))
    measure = rng.choice(["Pass rate (%)", "Exact match (%)"])
    with plt.style.context("dark_background"):
        fig, ax = plt.subplots(figsize=(rng.uniform(6, 7.5), 3.8))
        series = {}
        for name in names:
            start = rng.uniform(20, 45)
            ys = [round(start + (85 - start) * (1 - np.exp(-x / 25)) + rng.uniform(-2, 2), 1)
                  for x in xs]
            ax.plot(xs, ys, marker=rng.choice(["o", "s", "D"]), markersize=5, label=name)
            series[name if len(names) > 1 else measure] = [[x, y] for x, y in zip(xs, ys,
                                                                                strict=True)]
        ax.yaxis.set_major_formatter(PercentFormatter(decimals=0))
        ax.set_xlabel("Step (k)")
        ax.grid(alpha=0.2)
        if len(names) > 1:
            ax.legend(frameon=False)
        else:
            ax.set_title(measure, fontsize=11)
        fig.tight_layout()
        chart = figure_image(fig, 100)
    buffer = io.BytesIO()
    chart.save(buffer, format="PNG")
    data = base64.b64encode(buffer.getvalue()).decode()
    number = rng.randint(3, 40)
    code = ("fig, ax = plt.subplots()<br>for name, run in runs.items():<br>"
            "&nbsp;&nbsp;&nbsp;&nbsp;ax.plot(run.step, run.score, marker='o', label=name)<br>"
            "ax.yaxis.set_major_formatter(PercentFormatter())")
    body = (f"<div id='shot'><div class='cell'><span class='p'>[{number}]:</span>"
            f"<div class='code'>{code}</div></div><div class='cell'><span class='p'>"
            f"[{number}]:</span><img src='data:image/png;base64,{data}'></div></div>")
    css = ("#shot{background:#1e1e1e;padding:10px 16px;width:820px}.cell{display:flex;"
           "margin:6px 0}.p{width:60px;color:#6e7681;font:12px 'DejaVu Sans Mono';"
           "padding-top:8px}.code{flex:1;background:#262626;border:1px solid #3a3a3a;"
           "padding:8px;color:#d4d4d4;font:12.5px/1.5 'DejaVu Sans Mono'}"
           "img{max-width:730px}")
    image = browser.shoot(page(body, css, "#1e1e1e"), 1.0)
    return image, {"kind": "line", "log_x": False, "series": series}, rng.choice([1.0, 0.85]), None


def sheets_dates_lines(rng: random.Random, browser: Browser) -> Drawn:
    start = date(2025, rng.choice([3, 4, 9, 10]), rng.randint(1, 28))
    dates = [(start + timedelta(weeks=i)).strftime("%b %-d") for i in range(rng.randint(4, 6))]
    names = rng.sample(SERIES, rng.randint(2, 3))
    colours = ["#4285f4", "#ea4335", "#fbbc04", "#34a853"]
    plt.rcParams["font.family"] = "Roboto"
    fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8), 4))
    series = {}
    for k, name in enumerate(names):
        ys = [round(rng.uniform(40, 80), 1) for _ in dates]
        ax.plot(range(len(dates)), ys, color=colours[k], marker="o", markersize=6,
                linewidth=2, label=name)
        series[name] = [[d, y] for d, y in zip(dates, ys, strict=True)]
    plt.rcParams["font.family"] = "DejaVu Sans"
    ax.set_xticks(range(len(dates)), dates, color="#444")
    ax.set_ylim(0, 100)
    ax.grid(axis="y", color="#e0e0e0")
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.spines["bottom"].set_color("#999")
    ax.tick_params(length=0, colors="#555")
    ax.set_title(rng.choice(["Weekly eval score", "Score by eval date"]), loc="left",
                 color="#333", fontsize=13)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 1.0), ncol=len(names), frameon=False,
              fontsize=9)
    fig.tight_layout()
    image = figure_image(fig, rng.choice([90, 110]))
    return image, {"kind": "line", "log_x": False, "series": series}, 1.0, None


def vega_four_legend_right(rng: random.Random, browser: Browser) -> Drawn:
    import vl_convert

    groups = rng.sample(["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH", "MATH"], rng.randint(3, 5))
    names = rng.sample(SERIES, 4)
    data = [{"g": g, "s": s, "v": round(rng.uniform(20, 90), 1)} for g in groups for s in names]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": data}, "height": rng.choice([240, 300]),
        "mark": "bar",
        "encoding": {
            "x": {"field": "g", "type": "nominal", "sort": None, "title": None,
                  "axis": {"labelAngle": 0}},
            "xOffset": {"field": "s", "sort": names},
            "y": {"field": "v", "type": "quantitative", "title": "Score",
                  "scale": {"domain": [0, 100]}},
            "color": {"field": "s", "type": "nominal", "sort": names, "title": "Model",
                      "legend": {"orient": "right"},
                      "scale": {"scheme": rng.choice(["tableau10", "set2", "dark2"])}},
        },
        "width": rng.choice([520, 640, 760]),
        "config": {"font": "Open Sans", "view": {"stroke": None},
                   "axis": {"domain": False, "ticks": False, "gridDash": [2, 3]}},
    }
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice([1.0, 1.25]))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    series = {s: [[d["g"], d["v"]] for d in data if d["s"] == s] for s in names}
    return image, {"kind": "bar", "log_x": False, "series": series}, 1.0, None


def cleveland_dots(rng: random.Random, browser: Browser) -> Drawn:
    names = rng.sample(MODELS, rng.randint(5, 8))
    pair = rng.choice([("Base", "Instruct"), ("0-shot", "5-shot"), ("Before", "After")])
    low = [round(rng.uniform(20, 60), 1) for _ in names]
    high = [round(v + rng.uniform(3, 20), 1) for v in low]
    fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 7), 0.45 * len(names) + 1.4))
    ys = range(len(names))
    ax.hlines(ys, 0, 100, color="#dddddd", linewidth=1, zorder=1)
    ax.scatter(low, ys, color="#7f8c8d", s=42, zorder=3, label=pair[0])
    ax.scatter(high, ys, color="#d35400", s=42, zorder=3, label=pair[1])
    ax.set_yticks(list(ys), names)
    ax.set_xlim(0, 100)
    ax.set_xlabel(rng.choice(["Accuracy (%)", "Score"]))
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, ncol=2)
    fig.tight_layout()
    image = figure_image(fig, rng.choice([90, 110]))
    series = {pair[0]: [[n, v] for n, v in zip(names, low, strict=True)],
              pair[1]: [[n, v] for n, v in zip(names, high, strict=True)]}
    return image, {"kind": "hbar", "log_x": False, "series": series}, 1.0, rng.choice([None, 85])


LOOKS: dict[str, Callable[[random.Random, Browser], Drawn]] = {
    "grey_highlight_columns": grey_highlight_columns,
    "delta_gains": delta_gains,
    "band_logx_lines": band_logx_lines,
    "highcharts_annotated": highcharts_annotated,
    "jupyter_dark_percent": jupyter_dark_percent,
    "sheets_dates_lines": sheets_dates_lines,
    "vega_four_legend_right": vega_four_legend_right,
    "cleveland_dots": cleveland_dots,
}


def generate(out: Path, count: int, seed: int) -> dict:
    def draw(style: str, rng: random.Random, browser: Browser) -> tuple:
        np.random.seed(rng.randrange(1 << 30))
        image, truth, scale, quality = LOOKS[style](rng, browser)
        return image, {**truth, "style": style}, scale, quality

    return write_set(out, count, seed, "charts", list(LOOKS), draw, (1400, 1100))


if __name__ == "__main__":
    cli(generate, __doc__ or "", 24, 115000, "charts")
