"""The thirteenth blind test set of charts, written without reading the reader or any other
generator. Eight looks, in turn:

- errorcap_labels: one series of columns with error bars, the value printed above each cap;
- stacked_area: two series stacked as areas over a numeric x (the truth is each series' own
  value, not the top of its band);
- mono_sorted_hbar: dark horizontal bars sorted by value, names right-aligned, values at
  the bar ends in a monospace face;
- twin_axis_lines: two lines, one per y axis (left and right, the truth in each axis' own
  unit), no markers;
- bokeh_toolbar: Bokeh lines with markers over a log x axis, its toolbar at the side;
- hatched_grouped_hbar: grouped horizontal bars told apart by hatching, not colour, the
  legend under the plot;
- notion_thousands: grouped columns (Vega-Lite) in a notes page with a caption under them,
  the y axis in thousands with separators ("1,000");
- lowdpi_logx_jpeg: lines with markers over a log x axis drawn at low DPI, enlarged and
  saved as JPEG.

Truth per image: ``kind`` (bar, hbar or line), ``log_x``, ``series`` (name -> [[x, y]]: a
bar's x is its category as printed, a line's x its number on the x axis), ``style``, and
``y_tolerance`` where the y axis runs in thousands.

    python benchmarks/blind13_charts.py OUT_DIR [--count 24] [--seed 111000]
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from blind13_data import FAMILIES, SIZES, cli, encode, write_shot_set
from browser import Browser
from PIL import Image

BENCHES = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "MATH", "BBH", "DROP", "IFEval"]


def family_names(rng: random.Random, count: int) -> list[str]:
    """Short model names of invented families ("Tessel-7B")."""
    names = []
    for family in rng.sample(FAMILIES, count):
        names.append(f"{family}{rng.choice(['', '-2', ' 3', '-X'])}-{rng.choice(SIZES):g}B")
    return names


def png_of(fig: plt.Figure, dpi: float) -> Image.Image:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    plt.close(fig)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


def errorcap_labels(rng: random.Random, browser: Browser):
    names = family_names(rng, rng.randint(4, 7))
    bench = rng.choice(BENCHES)
    values = [round(rng.uniform(20, 85), 1) for _ in names]
    errors = [rng.uniform(1.0, 4.5) for _ in names]
    fig, ax = plt.subplots(figsize=(rng.uniform(6, 9), rng.uniform(3.8, 5)))
    colour = rng.choice(["#4c72b0", "#dd8452", "#55a868", "#8172b3"])
    ax.bar(names, values, yerr=errors, capsize=6, color=colour, ecolor="#333")
    for i, (v, e) in enumerate(zip(values, errors, strict=True)):
        ax.text(i, v + e + 1.2, f"{v:.1f}", ha="center", va="bottom", fontsize=10)
    label = f"{bench} accuracy (%)"
    ax.set_ylabel(label)
    ax.set_ylim(0, 100)
    ax.set_title(f"{bench}: mean of five seeds, error bars one std")
    ax.spines[["top", "right"]].set_visible(False)
    if rng.random() < 0.5:
        plt.setp(ax.get_xticklabels(), rotation=20, ha="right")
    fig.tight_layout()
    image = png_of(fig, rng.choice([100, 130]))
    series = {label: [[n, v] for n, v in zip(names, values, strict=True)]}
    return *encode(image), {"kind": "bar", "log_x": False, "series": series}


def stacked_area(rng: random.Random, browser: Browser):
    xs = sorted(rng.sample([1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20], rng.randint(6, 9)))
    lower = [round(rng.uniform(10, 20) + 2.2 * x + rng.uniform(-2, 2), 1) for x in xs]
    upper = [round(rng.uniform(4, 8) + 0.8 * x + rng.uniform(-1, 1), 1) for x in xs]
    names = rng.choice([("Pre-training", "Post-training"), ("Web text", "Code"),
                        ("Dense layers", "Attention")])
    fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 9), rng.uniform(4, 5)))
    colours = rng.choice([("#9ecae1", "#fdae6b"), ("#a1d99b", "#bcbddc"), ("#c6dbef", "#fcbba1")])
    ax.stackplot(xs, lower, upper, labels=names, colors=colours, edgecolor="#555",
                 linewidth=0.8)
    ax.set_xlabel("Training tokens (T)" if rng.random() < 0.5 else "Week of training")
    ax.set_ylabel(rng.choice(["GPU hours (thousands)", "Cost (k$)"]))
    ax.set_xlim(xs[0], xs[-1])
    ax.set_ylim(0, 100)
    ax.legend(loc="upper left", frameon=False)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    image = png_of(fig, 110)
    series = {names[0]: [[x, y] for x, y in zip(xs, lower, strict=True)],
              names[1]: [[x, y] for x, y in zip(xs, upper, strict=True)]}
    return *encode(image), {"kind": "line", "log_x": False, "series": series}


def mono_sorted_hbar(rng: random.Random, browser: Browser):
    names = family_names(rng, rng.randint(5, 9))
    values = sorted((round(rng.uniform(15, 90), 1) for _ in names), reverse=True)
    bench = rng.choice(BENCHES)
    background = rng.choice(["#0d1117", "#161b22", "#1e1e2e"])
    fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8.5), 0.45 * len(names) + 1.2))
    fig.patch.set_facecolor(background)
    ax.set_facecolor(background)
    ys = list(range(len(names)))[::-1]
    ax.barh(ys, values, color=rng.choice(["#58a6ff", "#3fb950", "#f0883e"]), height=0.62)
    ax.set_yticks(ys, names, color="#e6edf3", fontsize=10)
    for y, v in zip(ys, values, strict=True):
        ax.text(v + 1, y, f"{v:5.1f}", va="center", color="#e6edf3", family="DejaVu Sans Mono",
                fontsize=10)
    ax.set_xlim(0, 100)
    ax.set_xticks([])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    label = f"{bench} score"
    ax.set_title(label, color="#e6edf3", loc="left", fontsize=12)
    fig.tight_layout()
    image = png_of(fig, rng.choice([100, 140]))
    series = {label: [[n, v] for n, v in zip(names, values, strict=True)]}
    return *encode(image), {"kind": "hbar", "log_x": False, "series": series}


def twin_axis_lines(rng: random.Random, browser: Browser):
    xs = sorted(rng.sample([0.5, 1, 1.5, 2, 3, 4, 5, 6, 8], rng.randint(5, 8)))
    accuracy = [round(35 + 30 * (i / len(xs)) + rng.uniform(-2, 2), 1) for i in range(len(xs))]
    latency = [round(20 + 60 * (i / len(xs)) + rng.uniform(-3, 3), 1) for i in range(len(xs))]
    dark = rng.random() < 0.5
    plt.style.use("dark_background" if dark else "default")
    fig, left = plt.subplots(figsize=(rng.uniform(6.5, 8.5), rng.uniform(4, 5)))
    right = left.twinx()
    names = (f"{rng.choice(BENCHES)} accuracy (%)", rng.choice(["Latency (ms)",
                                                                "Time per token (ms)"]))
    left.plot(xs, accuracy, color="#1f77b4", linewidth=2.2, label=names[0])
    right.plot(xs, latency, color="#d62728", linewidth=2.2, linestyle="--", label=names[1])
    left.set_ylabel(names[0], color="#1f77b4")
    right.set_ylabel(names[1], color="#d62728")
    left.set_ylim(30, 70)
    right.set_ylim(0, 100)
    left.set_xlabel("Training tokens (T)")
    handles = [*left.get_lines(), *right.get_lines()]
    left.legend(handles, names, loc="upper left", frameon=False)
    fig.tight_layout()
    image = png_of(fig, 110)
    plt.style.use("default")
    series = {names[0]: [[x, y] for x, y in zip(xs, accuracy, strict=True)],
              names[1]: [[x, y] for x, y in zip(xs, latency, strict=True)]}
    return *encode(image), {"kind": "line", "log_x": False, "series": series}


def bokeh_toolbar(rng: random.Random, browser: Browser):
    from bokeh.embed import components
    from bokeh.models import LogTickFormatter
    from bokeh.plotting import figure
    from bokeh.resources import INLINE

    xs = sorted(rng.sample([0.5, 1, 2, 3, 7, 13, 34, 70], rng.randint(5, 7)))
    benches = rng.sample(BENCHES, rng.randint(2, 3))
    plot = figure(width=rng.randint(620, 820), height=rng.randint(380, 460), x_axis_type="log",
                  title="Score against model size", x_axis_label="Parameters (B)",
                  y_axis_label="Score (%)", tools="pan,wheel_zoom,box_zoom,reset,save",
                  toolbar_location=rng.choice(["right", "above"]))
    if rng.random() < 0.5:
        plot.xaxis.formatter = LogTickFormatter(min_exponent=4)
    colours = ["#1f77b4", "#ff7f0e", "#2ca02c"]
    series = {}
    for k, bench in enumerate(benches):
        start = rng.uniform(15, 40)
        ys = [round(min(95, start + 9 * i + rng.uniform(-2, 2)), 1) for i in range(len(xs))]
        plot.line(xs, ys, legend_label=bench, line_width=2, color=colours[k])
        plot.scatter(xs, ys, size=8, color=colours[k], marker=["circle", "square", "triangle"][k])
        series[bench] = [[x, y] for x, y in zip(xs, ys, strict=True)]
    plot.legend.location = "top_left"
    script, div = components(plot)
    page = (f"<!doctype html><html><head><meta charset='utf-8'>{INLINE.render_js()}</head>"
            f"<body style='margin:0;background:#fff'><div id=shot style='display:inline-block;"
            f"padding:12px'>{div}</div>{script}</body></html>")
    image = browser.shoot(page, 1.0)
    return *encode(image), {"kind": "line", "log_x": True, "series": series}


def hatched_grouped_hbar(rng: random.Random, browser: Browser):
    names = family_names(rng, rng.randint(3, 5))
    benches = rng.sample(BENCHES, rng.randint(2, 3))
    hatches = ["//", "..", "xx", "\\\\"]
    height = 0.8 / len(benches)
    fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8), 0.9 * len(names) + 1.8))
    series = {}
    for k, bench in enumerate(benches):
        values = [round(rng.uniform(20, 90), 1) for _ in names]
        ys = [i + (k - (len(benches) - 1) / 2) * height for i in range(len(names))]
        ax.barh(ys, values, height=height, fill=False, hatch=hatches[k], edgecolor="#222",
                label=bench)
        series[bench] = [[n, v] for n, v in zip(names, values, strict=True)]
    ax.set_yticks(range(len(names)), names)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Accuracy (%)")
    ax.grid(axis="x", linestyle=":", color="#999")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=len(benches),
              frameon=False)
    fig.tight_layout()
    image = png_of(fig, rng.choice([100, 120]))
    return *encode(image), {"kind": "hbar", "log_x": False, "series": series}


def notion_thousands(rng: random.Random, browser: Browser):
    import vl_convert

    names = family_names(rng, rng.randint(3, 5))
    settings = sorted(rng.sample(["batch 1", "batch 8", "batch 32", "batch 64"], 2),
                      key=lambda setting: int(setting.split()[1]))
    rows, series = [], {}
    for setting in settings:
        scale = 1 if setting == settings[0] else rng.uniform(2.5, 4)
        values = [round(rng.uniform(300, 1100) * scale) for _ in names]
        series[setting] = [[n, v] for n, v in zip(names, values, strict=True)]
        rows += [{"model": n, "setting": setting, "tokens": v}
                 for n, v in zip(names, values, strict=True)]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.randint(380, 520), "height": 280, "data": {"values": rows},
        "mark": {"type": "bar", "cornerRadiusEnd": 2},
        "encoding": {
            "x": {"field": "model", "type": "nominal", "title": None,
                  "axis": {"labelAngle": 0, "labelFontSize": 11}},
            "xOffset": {"field": "setting"},
            "y": {"field": "tokens", "type": "quantitative", "title": "Tokens per second",
                  "axis": {"format": ",d"}},
            "color": {"field": "setting", "type": "nominal", "title": None,
                      "legend": {"orient": "top"},
                      "scale": {"range": rng.choice([["#2383e2", "#9b9a97"],
                                                     ["#0f7b6c", "#d9730d"]])}}},
        "config": {"font": "Roboto", "view": {"stroke": None}},
    }
    svg = vl_convert.vegalite_to_svg(spec)
    caption = rng.choice(["Decoding throughput on one GPU, higher is better.",
                          "Tokens per second at two batch sizes."])
    body = (f"<div class=pg><h1>Inference notes</h1><p>Measured with the same server "
            f"build for every model.</p><div class=fig>{svg}</div><div class=cap>{caption}"
            f"</div><p>Next: repeat with speculative decoding.</p></div>")
    css = ("body{margin:0;background:#fff;font-family:'Open Sans',sans-serif;color:#37352f}"
           ".pg{padding:30px 60px;width:720px}h1{font-size:30px}p{font-size:15px}"
           ".cap{font-size:13px;color:#787774;margin-top:4px}")
    page = (f"<!doctype html><html><head><meta charset='utf-8'><style>{css}</style></head>"
            f"<body><div id=shot style='display:inline-block'>{body}</div></body></html>")
    image = browser.shoot(page, rng.choice([1.0, 1.5]))
    top = max(v for points in series.values() for _, v in points)
    return *encode(image), {"kind": "bar", "log_x": False, "series": series,
                            "y_tolerance": round(0.01 * top, 1)}


def lowdpi_logx_jpeg(rng: random.Random, browser: Browser):
    xs = sorted(rng.sample([0.5, 1, 2, 3, 7, 13, 34, 70, 110], rng.randint(5, 7)))
    benches = rng.sample(BENCHES, rng.randint(2, 3))
    fig, ax = plt.subplots(figsize=(rng.uniform(6, 8), rng.uniform(4, 5)))
    series = {}
    for k, bench in enumerate(benches):
        start = rng.uniform(10, 35)
        ys = [round(min(95, start + 8 * i + rng.uniform(-2, 2)), 1) for i in range(len(xs))]
        ax.plot(xs, ys, marker="osD"[k], linewidth=1.6, label=bench)
        series[bench] = [[x, y] for x, y in zip(xs, ys, strict=True)]
    ax.set_xscale("log")
    ax.set_xticks(xs, [f"{x:g}B" for x in xs])
    ax.minorticks_off()
    ax.set_xlabel("Model size")
    ax.set_ylabel("Accuracy (%)")
    ax.set_ylim(0, 100)
    ax.grid(alpha=0.4)
    ax.legend()
    fig.tight_layout()
    small = png_of(fig, rng.choice([55, 62, 70]))
    factor = rng.uniform(1.6, 2.2)
    image = small.resize((round(small.width * factor), round(small.height * factor)),
                         Image.Resampling.BICUBIC)
    return *encode(image, jpeg=rng.randint(60, 80)), {"kind": "line", "log_x": True,
                                                      "series": series}


LOOKS = {
    "errorcap_labels": errorcap_labels,
    "stacked_area": stacked_area,
    "mono_sorted_hbar": mono_sorted_hbar,
    "twin_axis_lines": twin_axis_lines,
    "bokeh_toolbar": bokeh_toolbar,
    "hatched_grouped_hbar": hatched_grouped_hbar,
    "notion_thousands": notion_thousands,
    "lowdpi_logx_jpeg": lowdpi_logx_jpeg,
}


def generate(out: Path, count: int, seed: int) -> dict:
    return write_shot_set(out, count, seed, "charts", (1200, 900), LOOKS)


if __name__ == "__main__":
    cli(generate, __doc__, 24, 111000)
