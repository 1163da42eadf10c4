"""The sixth blind test set of benchmark charts (``blind6``): eight looks, drawn by rules of
their own, written without reading the reader or any other generator.

    python benchmarks/blind6_charts.py OUT_DIR [--count 24] [--seed 54000]

Writes ``OUT_DIR/NNN_STYLE.png`` (or ``.jpg``) and ``OUT_DIR/truth.json``: per image its
``kind`` (``bar``, ``hbar`` or ``line``), ``log_x``, ``series`` (name -> ``[[x, y], ...]``:
a bar's x is its category as printed, a line's x its number on the x axis in the axis's own
unit, or the category printed under it) and ``style``.

The truth is what the chart shows: printed labels as printed, unlabelled marks at the value
they were drawn at. A chart with one series names it after what it measures; its name is
not scored. Looks, in turn:

- ``fivethirtyeight_columns``: matplotlib's fivethirtyeight style, labelled columns, some
  labels with a percent sign;
- ``vegalite_grouped``: Vega-Lite grouped bars (2-4 models over benchmarks) with a legend,
  through vl-convert;
- ``flourish_hbars``: a hand-written SVG of horizontal bars sorted by score, names left,
  values at the bars' ends, in Chromium;
- ``plotly_compute_log``: plotly lines with markers, score against training compute on a log
  axis (ticks as powers of ten), a legend, in Chromium with its bundled script;
- ``seaborn_releases``: seaborn lines with markers, a benchmark over release months;
- ``grafana_dark_bars``: a dark dashboard panel drawn as SVG, labelled columns;
- ``post_embedded_lines``: matplotlib scaling curves (log x of parameters in billions)
  inside a blog post's page, shot in Chromium;
- ``pygal_jpeg_columns``: pygal columns with printed values, shot, shrunk and saved as JPEG.
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
from collections.abc import Callable
from pathlib import Path

from PIL import Image

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

MODELS = ["Pellucid-7B", "Sabre-13B", "Juniper 2 34B", "Wren-70B", "Basalt-8B", "Cirrus-3B",
          "Fennec-72B", "Lyra 1.5 14B", "Mako-32B", "Tundra-9B", "Obsidian-20B", "Quill-2-7B",
          "Heron 65B", "Ember-110B", "Vesper-40B", "Kodiak-1.8B"]
FAMILIES = ["Pellucid", "Sabre", "Juniper", "Wren", "Basalt", "Heron", "Lyra", "Tundra"]
BENCHMARKS = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "HellaSwag", "MATH", "BBH", "GPQA",
              "TriviaQA", "MBPP", "IFEval", "DROP"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

Truth = dict


def scores(rng: random.Random, n: int, low: float = 25, high: float = 90) -> list[float]:
    return [round(rng.uniform(low, high), 1) for _ in range(n)]


def label(value: float, percent: bool) -> str:
    return f"{value:.1f}%" if percent else f"{value:.1f}"


# --- the looks ------------------------------------------------------------------------------


def fivethirtyeight_columns(rng: random.Random, browser: Browser) -> tuple[Image.Image, Truth]:
    del browser
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = rng.sample(MODELS, rng.randint(3, 6))
    values = scores(rng, len(names))
    bench = rng.choice(BENCHMARKS)
    percent = rng.random() < 0.5
    with plt.style.context("fivethirtyeight"):
        fig, ax = plt.subplots(figsize=(rng.uniform(6, 8.5), rng.uniform(4, 5)),
                               dpi=rng.choice([90, 110, 130]))
        colour = rng.choice(["#008fd5", "#fc4f30", "#e5ae38", "#6d904f", "#810f7c"])
        bars = ax.bar(names, values, color=colour, width=0.6)
        for bar, value in zip(bars, values, strict=True):
            ax.text(bar.get_x() + bar.get_width() / 2, value + 1.2, label(value, percent),
                    ha="center", va="bottom", fontsize=12, fontweight="bold")
        ax.set_ylim(0, 100)
        ax.set_title(f"{bench} accuracy" + (" (%)" if percent else ""), fontsize=15)
        ax.tick_params(axis="x", labelsize=11)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
    truth = {"kind": "bar", "log_x": False,
             "series": {bench: [[n, v] for n, v in zip(names, values, strict=True)]}}
    return Image.open(buffer).convert("RGB"), truth


def vegalite_grouped(rng: random.Random, browser: Browser) -> tuple[Image.Image, Truth]:
    del browser
    import vl_convert

    models = rng.sample(MODELS, rng.randint(2, 4))
    benches = rng.sample(BENCHMARKS, rng.randint(3, 5))
    rows = []
    series: dict[str, list] = {}
    for model in models:
        skill = rng.uniform(-12, 12)
        for bench in benches:
            value = round(min(96.0, max(8.0, rng.uniform(35, 80) + skill)), 1)
            rows.append({"model": model, "benchmark": bench, "score": value})
            series.setdefault(model, []).append([bench, value])
    labelled = rng.random() < 0.6
    bar = {"mark": {"type": "bar"},
           "encoding": {"x": {"field": "benchmark", "type": "nominal", "title": None,
                              "axis": {"labelAngle": 0, "labelFontSize": 12}},
                        "xOffset": {"field": "model"},
                        "y": {"field": "score", "type": "quantitative", "title": "Score",
                              "scale": {"domain": [0, 100]}},
                        "color": {"field": "model", "type": "nominal", "title": None,
                                  "scale": {"scheme": rng.choice(["tableau10", "set2",
                                                                  "dark2"])},
                                  "legend": {"orient": rng.choice(["top", "right",
                                                                    "bottom"]),
                                             "labelFontSize": 12}}}}
    layers = [bar]
    if labelled:
        layers.append({"mark": {"type": "text", "dy": -6, "fontSize": 10},
                       "encoding": {"x": {"field": "benchmark", "type": "nominal"},
                                    "xOffset": {"field": "model"},
                                    "y": {"field": "score", "type": "quantitative"},
                                    "text": {"field": "score", "type": "quantitative",
                                             "format": ".1f"}}})
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "data": {"values": rows}, "width": rng.choice([420, 520, 640]), "height": 300,
            "title": rng.choice(["Benchmark comparison", "Zero-shot results", ""]),
            "layer": layers,
            "config": {"font": rng.choice(["Roboto", "Open Sans", "Liberation Sans"])}}
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice([1.5, 2]))
    image = Image.open(io.BytesIO(png))
    if image.mode in ("RGBA", "LA"):
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    return image.convert("RGB"), {"kind": "bar", "log_x": False, "series": series}


def flourish_hbars(rng: random.Random, browser: Browser) -> tuple[Image.Image, Truth]:
    names = rng.sample(MODELS, rng.randint(5, 9))
    values = scores(rng, len(names), 20, 92)
    ranked = sorted(zip(names, values, strict=True), key=lambda p: -p[1])
    bench = rng.choice(BENCHMARKS)
    percent = rng.random() < 0.4
    width, row, left, top = 720, rng.choice([34, 40, 46]), 170, 80
    scale = (width - left - 90) / 100
    colour = rng.choice(["#1d6996", "#73af48", "#cc503e", "#5f4690", "#0f8554"])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{top + row * len(ranked) + 50}" font-family="Open Sans">',
             '<rect width="100%" height="100%" fill="#fff"/>',
             f'<text x="20" y="34" font-size="22" font-weight="700" fill="#333">'
             f"Who leads on {html.escape(bench)}?</text>",
             '<text x="20" y="58" font-size="14" fill="#777">Score, higher is better</text>']
    for index, (name, value) in enumerate(ranked):
        y = top + index * row
        bar_w = value * scale
        fill = colour if index else rng.choice([colour, "#e8a33d"])
        parts += [f'<text x="{left - 10}" y="{y + row * 0.62}" font-size="14" '
                  f'text-anchor="end" fill="#333">{html.escape(name)}</text>',
                  f'<rect x="{left}" y="{y + 4}" width="{bar_w:.1f}" height="{row - 10}" '
                  f'fill="{fill}"/>',
                  f'<text x="{left + bar_w + 6:.1f}" y="{y + row * 0.62}" font-size="14" '
                  f'font-weight="600" fill="#333">{label(value, percent)}</text>']
    parts.append(f'<text x="20" y="{top + row * len(ranked) + 34}" font-size="11" '
                 f'fill="#999">Source: own evaluation · Made with Flourish</text></svg>')
    page = ("<!doctype html><html><body style='margin:0'><div id='shot' "
            "style='display:inline-block'>" + "".join(parts) + "</div></body></html>")
    image = browser.shoot(page, rng.choice([1, 1.5, 2]))
    truth = {"kind": "hbar", "log_x": False, "series": {bench: [[n, v] for n, v in ranked]}}
    return image, truth


def plotly_compute_log(rng: random.Random, browser: Browser) -> tuple[Image.Image, Truth]:
    import plotly.graph_objects as go

    families = rng.sample(FAMILIES, rng.randint(2, 3))
    bench = rng.choice(["MMLU", "GSM8K", "BBH", "ARC-C"])
    fig = go.Figure()
    series: dict[str, list] = {}
    start = rng.choice([20, 21])
    for family in families:
        points = sorted(rng.sample(range(start * 2, (start + 4) * 2 + 1), rng.randint(4, 6)))
        base, slope = rng.uniform(20, 35), rng.uniform(8, 14)
        xs = [10 ** (p / 2) for p in points]
        ys = [round(min(95.0, base + slope * (p / 2 - start) + rng.uniform(-2, 2)), 1)
              for p in points]
        series[family] = [[x, y] for x, y in zip(xs, ys, strict=True)]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines+markers", name=family,
                                 marker={"size": 9, "symbol": rng.choice(["circle", "square",
                                                                          "diamond"])}))
    fig.update_layout(template=rng.choice(["ggplot2", "simple_white", "seaborn"]),
                      width=rng.choice([640, 760, 880]), height=rng.choice([420, 480]),
                      title=f"{bench} vs. training compute",
                      xaxis={"type": "log", "title": "Training compute (FLOPs)",
                             "exponentformat": "power", "dtick": 1},
                      yaxis={"title": f"{bench} (%)", "range": [0, 100]},
                      font={"family": rng.choice(["Roboto", "DejaVu Sans"]), "size": 13},
                      margin={"l": 70, "r": 30, "t": 60, "b": 60})
    chart = fig.to_html(include_plotlyjs=True, full_html=False,
                        config={"displayModeBar": False, "staticPlot": True})
    page = ("<!doctype html><html><head><meta charset='utf-8'></head><body style='margin:0'>"
            f"<div id='shot' style='display:inline-block'>{chart}</div></body></html>")
    image = browser.shoot(page, rng.choice([1, 1.5]))
    return image, {"kind": "line", "log_x": True, "series": series}


def seaborn_releases(rng: random.Random, browser: Browser) -> tuple[Image.Image, Truth]:
    del browser
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import seaborn as sns

    year = rng.choice([23, 24])
    first = rng.randint(0, 5)
    months = [f"{MONTHS[(first + 2 * i) % 12]} {year + (first + 2 * i) // 12}"
              for i in range(rng.randint(4, 6))]
    families = rng.sample(FAMILIES, rng.randint(1, 3))
    bench = rng.choice(BENCHMARKS[:6])
    series: dict[str, list] = {}
    sns.set_theme(style=rng.choice(["darkgrid", "whitegrid", "ticks"]),
                  context=rng.choice(["notebook", "talk"]),
                  font=rng.choice(["DejaVu Sans", "Liberation Sans"]))
    fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8.5), rng.uniform(4, 5)), dpi=100)
    markers = ["o", "s", "^", "D"]
    for index, family in enumerate(families):
        value = rng.uniform(30, 55)
        ys = []
        for _ in months:
            value = min(95.0, value + rng.uniform(1, 8))
            ys.append(round(value, 1))
        series[family] = [[m, y] for m, y in zip(months, ys, strict=True)]
        ax.plot(months, ys, marker=markers[index], label=family, linewidth=2, markersize=8)
    ax.set_ylim(0, 100)
    ax.set_ylabel(f"{bench} score")
    ax.set_title(f"{bench} across releases")
    if len(families) > 1:
        ax.legend(loc=rng.choice(["lower right", "upper left"]))
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    sns.reset_orig()
    return Image.open(buffer).convert("RGB"), {"kind": "line", "log_x": False,
                                               "series": series}


def grafana_dark_bars(rng: random.Random, browser: Browser) -> tuple[Image.Image, Truth]:
    names = rng.sample(MODELS, rng.randint(3, 6))
    values = scores(rng, len(names), 15, 88)
    bench = rng.choice(BENCHMARKS)
    percent = rng.random() < 0.5
    width, height = rng.choice([640, 760]), rng.choice([360, 420])
    left, right, top, bottom = 56, 20, 56, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    colour = rng.choice(["#73bf69", "#5794f2", "#f2cc0c", "#ff9830", "#b877d9"])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="Roboto">',
             '<rect width="100%" height="100%" fill="#181b1f" rx="4"/>',
             f'<text x="14" y="26" font-size="15" fill="#ccccdc">{html.escape(bench)} by model'
             f"</text>"]
    for tick in range(0, 101, 20):
        y = top + plot_h * (1 - tick / 100)
        parts += [f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                  f'stroke="#2c3235"/>',
                  f'<text x="{left - 8}" y="{y + 4:.1f}" font-size="12" text-anchor="end" '
                  f'fill="#8e8e8e">{tick}{"%" if percent else ""}</text>']
    slot = plot_w / len(names)
    for index, (name, value) in enumerate(zip(names, values, strict=True)):
        x = left + slot * index + slot * 0.2
        bar_h = plot_h * value / 100
        y = top + plot_h - bar_h
        parts += [f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.6:.1f}" '
                  f'height="{bar_h:.1f}" fill="{colour}" fill-opacity="0.85"/>',
                  f'<text x="{x + slot * 0.3:.1f}" y="{y - 6:.1f}" font-size="13" '
                  f'text-anchor="middle" fill="#d8d9da">{label(value, percent)}</text>',
                  f'<text x="{x + slot * 0.3:.1f}" y="{top + plot_h + 20}" font-size="12" '
                  f'text-anchor="middle" fill="#ccccdc">{html.escape(name)}</text>']
    parts.append("</svg>")
    page = ("<!doctype html><html><body style='margin:0;background:#111217'>"
            "<div id='shot' style='display:inline-block;padding:8px;background:#111217'>"
            + "".join(parts) + "</div></body></html>")
    image = browser.shoot(page, rng.choice([1, 1.5, 2]))
    truth = {"kind": "bar", "log_x": False,
             "series": {bench: [[n, v] for n, v in zip(names, values, strict=True)]}}
    return image, truth


def post_embedded_lines(rng: random.Random, browser: Browser) -> tuple[Image.Image, Truth]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    families = rng.sample(FAMILIES, rng.randint(2, 3))
    bench = rng.choice(["MMLU", "GSM8K", "HumanEval", "HellaSwag"])
    sizes = [1, 3, 7, 13, 34, 70, 110]
    series: dict[str, list] = {}
    rc = {"font.family": rng.choice(["Liberation Serif", "Open Sans", "DejaVu Sans"]),
          "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
          "grid.linestyle": ":", "grid.alpha": 0.7, "font.size": 12}
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=rng.choice([100, 120]))
        for index, family in enumerate(families):
            chosen = sorted(rng.sample(sizes, rng.randint(3, 5)))
            base, slope = rng.uniform(25, 40), rng.uniform(10, 18)
            ys = [round(min(92.0, base + slope * math.log10(s) + rng.uniform(-2, 2)), 1)
                  for s in chosen]
            series[family] = [[float(s), y] for s, y in zip(chosen, ys, strict=True)]
            ax.plot(chosen, ys, marker="os^"[index], label=family, linewidth=1.8,
                    markersize=7)
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        ax.set_xticks([1, 3, 10, 30, 100])
        ax.set_xlabel("Parameters (billions)")
        ax.set_ylabel(f"{bench} accuracy")
        ax.set_ylim(0, 100)
        ax.legend(frameon=False)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode()
    author = rng.choice(["Dana Ortiz", "Kenji Mori", "Sam Whitfield"])
    page = f"""<!doctype html><html><head><meta charset='utf-8'><style>
    body{{margin:0;background:#fff;font-family:'Liberation Serif';color:#222;}}
    #shot{{width:{rng.choice([680, 720])}px;padding:28px 40px;}}
    h1{{font-family:'Open Sans';font-size:28px;margin:0 0 6px;}}
    .by{{color:#777;font:13px 'Open Sans';margin-bottom:18px;}}
    p{{font-size:18px;line-height:1.55;}}
    img{{width:100%;}}
    .cap{{font-size:14px;color:#666;text-align:center;}}
    </style></head><body><div id='shot'><h1>Does scale still pay off?</h1>
    <div class='by'>{author} · {rng.randint(4, 12)} min read</div>
    <p>We trained a few families at several sizes and measured them the same way.</p>
    <img src='data:image/png;base64,{data}'>
    <p class='cap'>Figure 1: {bench} against model size.</p>
    <p>The curves flatten less than we expected.</p></div></body></html>"""
    image = browser.shoot(page, rng.choice([1, 1.5]))
    return image, {"kind": "line", "log_x": True, "series": series}


def pygal_jpeg_columns(rng: random.Random, browser: Browser) -> tuple[Image.Image, Truth]:
    import pygal
    from pygal.style import Style

    names = rng.sample(MODELS, rng.randint(3, 6))
    values = scores(rng, len(names), 20, 90)
    bench = rng.choice(BENCHMARKS)
    style = Style(background="white", plot_background="white", foreground="#333",
                  foreground_strong="#111", foreground_subtle="#ddd",
                  colors=(rng.choice(["#3366cc", "#dc3912", "#109618", "#990099"]),),
                  font_family=rng.choice(["DejaVu Sans", "Liberation Sans"]),
                  label_font_size=13, major_label_font_size=13, value_font_size=13,
                  title_font_size=18, value_label_font_size=13)
    width, height = rng.choice([640, 760]), rng.choice([400, 460])
    chart = pygal.Bar(style=style, width=width, height=height,
                      show_legend=False, print_values=True, range=(0, 100),
                      title=f"{bench} (higher is better)", value_formatter=lambda v: f"{v:.1f}")
    chart.x_labels = names
    chart.add(bench, values)
    svg = chart.render(is_unicode=True, disable_xml_declaration=True)
    page = ("<!doctype html><html><body style='margin:0'><div id='shot' "
            f"style='width:{width}px;height:{height}px'>{svg}</div></body></html>")
    image = browser.shoot(page, 1)
    target = rng.randint(420, 640)
    image = image.resize((target, round(image.height * target / image.width)), Image.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=rng.randint(50, 75))
    truth = {"kind": "bar", "log_x": False,
             "series": {bench: [[n, v] for n, v in zip(names, values, strict=True)]}}
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"), truth


STYLES: dict[str, Callable[[random.Random, Browser], tuple[Image.Image, Truth]]] = {
    "fivethirtyeight_columns": fivethirtyeight_columns,
    "vegalite_grouped": vegalite_grouped,
    "flourish_hbars": flourish_hbars,
    "plotly_compute_log": plotly_compute_log,
    "seaborn_releases": seaborn_releases,
    "grafana_dark_bars": grafana_dark_bars,
    "post_embedded_lines": post_embedded_lines,
    "pygal_jpeg_columns": pygal_jpeg_columns,
}


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` charts, the styles in turn, deterministic per seed; returns the truth."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1200, 900))
    truth: dict[str, dict] = {}
    names = list(STYLES)
    try:
        for index in range(count):
            style = names[index % len(names)]
            rng = random.Random(f"blind6-charts/{seed}/{index}")
            image, item = STYLES[style](rng, browser)
            jpeg = style == "pygal_jpeg_columns"
            name = f"{index:03d}_{style}.{'jpg' if jpeg else 'png'}"
            if jpeg:
                image.save(out / name, "JPEG", quality=rng.randint(60, 85))
            else:
                image.save(out / name)
            truth[name] = {**item, "style": style}
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--seed", type=int, default=54000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} charts in {args.out}")


if __name__ == "__main__":
    main()
