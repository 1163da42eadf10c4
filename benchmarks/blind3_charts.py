"""The third blind test set of LLM benchmark charts (``blind3``), written from scratch by its
own rules, without opening the reader or any other generator of this repository.

    python benchmarks/blind3_charts.py OUT_DIR [--count 24] [--seed 24000]

Eight styles, taken in turn (chart ``i`` has style ``STYLES[i % 8]``):

- ``vega_labels``: Vega-Lite (vl-convert) vertical bars, one benchmark, the value printed over
  each bar as ``49.2`` or ``49.2%``; light or dark theme, names sometimes slanted;
- ``pygal_grouped``: pygal grouped bars (SVG in Chromium), models along x and two to four
  benchmarks in a legend, values printed inside the bars on some; pygal's light, clean,
  colourised and dark styles;
- ``seaborn_hbar``: seaborn horizontal bars sorted by score, each bar's value printed at its
  end (``bar_label``), in one of seaborn's themes;
- ``bokeh_scaling``: bokeh lines with markers (inline BokehJS in Chromium): a benchmark
  against parameters on a log x axis (``Parameters (B)``), one line per family, a legend,
  sometimes the toolbar;
- ``mpl_dark_releases``: matplotlib with a dark house style: benchmarks over a model's
  releases (``v1.0`` … or ``Mar '24`` …) as category x, lines with markers and a legend;
- ``svg_slide``: a hand-written SVG bar chart on a 16:9 slide (a brand's title band, the
  team's model in the brand colour, the others grey, labels ``49.2%`` over the bars);
- ``post_grouped``: a grouped bar chart drawn with matplotlib in a house style, set inside a
  social post (avatar, name, text), screenshotted, resized and saved as JPEG 50-80;
- ``mpl_token_scaling``: matplotlib with paper-like rcParams (serif, ticks inside): a
  benchmark against training tokens (billions) on a log x axis, ticks ``10^k`` or plain,
  lines with markers per model size.

Truth (``truth.json``), per chart: ``kind`` (``bar``, ``hbar`` or ``line``), ``log_x``,
``series`` ({name: [[x, y], ...]}; a bar's x is its category as printed, a line's x its value
in the axis' own unit, or the category printed under it) and ``style``. Bars and markers are
the points; a single-series chart's series is named by its benchmark.
"""

from __future__ import annotations

import argparse
import base64
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
    "vega_labels",
    "pygal_grouped",
    "seaborn_hbar",
    "bokeh_scaling",
    "mpl_dark_releases",
    "svg_slide",
    "post_grouped",
    "mpl_token_scaling",
)

MODELS = ["Corvid-7B", "Halcyon-9B", "Tessera-14B", "Nimbus-20B", "Quokka-8B", "Saffron-13B",
          "Meridian-12B", "Juniper-22B", "Obsidian-32B", "Lumen-6B", "Kestrel-3B", "Wren-1.8B",
          "Pollux Ultra", "Orrery Large", "Sable Turbo", "Basalt-8x7B", "Marlin-70B",
          "Tern-34B", "Vireo-2B", "Heron-72B"]
FAMILIES = ["Corvid", "Halcyon", "Tessera", "Quokka", "Saffron", "Juniper", "Obsidian", "Lumen"]
BENCHMARKS = {"MMLU": (30, 86), "GSM8K": (12, 92), "HumanEval": (10, 88), "MATH": (4, 70),
              "BBH": (28, 84), "ARC-C": (40, 95), "C-Eval": (30, 88), "HellaSwag": (55, 92),
              "TriviaQA": (30, 84), "MBPP": (20, 80), "GPQA": (24, 52), "IFEval": (30, 88)}


def scores(rng: random.Random, names: list[str], bench: str, decimals: int = 1) -> list[float]:
    low, high = BENCHMARKS[bench]
    return [round(rng.uniform(low + 0.1 * (high - low), high), decimals) for _ in names]


def pick(rng: random.Random, pool: list[str], count: int) -> list[str]:
    return rng.sample(pool, count)


def png_bytes_to_image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def figure_image(fig: object, dpi: int) -> Image.Image:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)  # type: ignore[attr-defined]
    plt.close(fig)  # type: ignore[arg-type]
    return png_bytes_to_image(buffer.getvalue())


def bar_truth(kind: str, series: dict[str, list[tuple[str, float]]], style: str) -> dict:
    return {"kind": kind, "log_x": False, "style": style,
            "series": {name: [[x, y] for x, y in points] for name, points in series.items()}}


# ---------------------------------------------------------------- the styles


def vega_labels(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    import vl_convert

    names = pick(rng, MODELS, rng.randint(3, 7))
    bench = rng.choice(list(BENCHMARKS))
    values = scores(rng, names, bench)
    percent = rng.random() < 0.5
    dark = rng.random() < 0.3
    fmt = ".1f"
    rows = [{"model": n, "score": v, "label": f"{v:{fmt}}{'%' if percent else ''}"}
            for n, v in zip(names, values, strict=True)]
    colour = rng.choice(["#4c78a8", "#e45756", "#54a24b", "#b279a2", "#f58518"])
    by_model = rng.random() < 0.4
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": rng.choice([f"{bench} accuracy", f"Results on {bench}"]),
                  "fontSize": 16},
        "width": rng.choice([360, 460, 560]),
        "height": rng.choice([260, 320]),
        "data": {"values": rows},
        "layer": [
            {"mark": {"type": "bar", "color": colour, "cornerRadiusTopLeft": 3,
                      "cornerRadiusTopRight": 3},
             "encoding": {
                 "x": {"field": "model", "type": "nominal", "sort": None, "title": None,
                       "axis": {"labelAngle": rng.choice([0, -30, -45]), "labelFontSize": 12}},
                 "y": {"field": "score", "type": "quantitative", "title": bench,
                       "scale": {"domain": [0, 100]} if rng.random() < 0.5 else {},
                       "axis": {"format": ".0f",
                                "labelExpr": "datum.label + '%'" if percent else "datum.label"}},
                 **({"color": {"field": "model", "type": "nominal", "legend": None}}
                    if by_model else {}),
             }},
            {"mark": {"type": "text", "dy": -8, "fontSize": 12,
                      "color": "#eeeeee" if dark else "#222222"},
             "encoding": {"x": {"field": "model", "type": "nominal", "sort": None},
                          "y": {"field": "score", "type": "quantitative"},
                          "text": {"field": "label"}}},
        ],
    }
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice([1.0, 1.5, 2.0]),
                                     theme="dark" if dark else None)
    truth = bar_truth("bar", {bench: list(zip(names, values, strict=True))}, "vega_labels")
    return png_bytes_to_image(png), truth


def pygal_grouped(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    import pygal
    from pygal import style as styles

    names = pick(rng, MODELS, rng.randint(3, 6))
    benches = rng.sample(list(BENCHMARKS), rng.randint(2, 4))
    look = rng.choice(["DefaultStyle", "CleanStyle", "LightColorizedStyle", "DarkStyle",
                       "LightGreenStyle"])
    base = getattr(styles, look)
    style = base(label_font_size=rng.choice([12, 14]), major_label_font_size=13,
                 value_font_size=12, legend_font_size=14, title_font_size=18,
                 font_family=rng.choice(["DejaVu Sans", "Liberation Sans", "Open Sans"]))
    width, height = rng.choice([(800, 500), (900, 520), (720, 480)])
    chart = pygal.Bar(js=[], width=width, height=height, style=style,
                      print_values=rng.random() < 0.5,
                      legend_at_bottom=rng.random() < 0.5,
                      x_label_rotation=rng.choice([0, 0, 20]),
                      value_formatter=lambda v: f"{v:.1f}")
    chart.title = rng.choice(["Benchmark comparison", "Open models, same harness",
                              "Accuracy by benchmark"])
    chart.x_labels = names
    series: dict[str, list[tuple[str, float]]] = {}
    for bench in benches:
        values = scores(rng, names, bench)
        chart.add(bench, values)
        series[bench] = list(zip(names, values, strict=True))
    svg = chart.render(is_unicode=True)
    page = (f"<html><body style='margin:0'><div id=shot style='display:inline-block;"
            f"width:{width}px;height:{height}px'>{svg}</div></body></html>")
    image = browser.shoot(page, rng.choice([1.0, 1.5]))
    return image, bar_truth("bar", series, "pygal_grouped")


def seaborn_hbar(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import seaborn as sns

    names = pick(rng, MODELS, rng.randint(4, 9))
    bench = rng.choice(list(BENCHMARKS))
    values = scores(rng, names, bench)
    order = sorted(zip(values, names, strict=True), reverse=True)
    theme = rng.choice(["whitegrid", "ticks", "darkgrid", "white"])
    percent = rng.random() < 0.4
    with sns.axes_style(theme), sns.plotting_context(rng.choice(["notebook", "talk"])):
        fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8.5), 0.45 * len(names) + 1.6))
        palette = rng.choice(["viridis", "rocket", "crest", "Blues_r", "flare"])
        sns.barplot(x=[v for v, _ in order], y=[n for _, n in order], hue=[n for _, n in order],
                    palette=palette, legend=False, ax=ax, orient="h")
        for container in ax.containers:
            ax.bar_label(container, fmt="%.1f%%" if percent else "%.1f", padding=3,
                         fontsize=rng.choice([9, 10, 11]))
        ax.set_xlabel(f"{bench} accuracy{' (%)' if percent else ''}")
        ax.set_ylabel("")
        ax.set_xlim(0, max(v for v, _ in order) * 1.15)
        ax.set_title(rng.choice([f"{bench}, sorted", f"Who leads on {bench}?"]))
        if theme in ("ticks", "white"):
            sns.despine(left=True)
        fig.tight_layout()
        image = figure_image(fig, rng.choice([90, 110, 140]))
    truth = bar_truth("hbar", {bench: [(n, v) for v, n in order]}, "seaborn_hbar")
    return image, truth


def scaling_curve(rng: random.Random, xs: list[float], bench: str, shift: float) -> list[float]:
    """A benchmark rising in log x towards its ceiling (a logistic in log10 x)."""
    low, high = BENCHMARKS[bench]
    middle = rng.uniform(1.0, 1.3) + shift
    steep = rng.uniform(1.2, 2.2)
    return [round(low + (high - low) / (1 + math.exp(-steep * (math.log10(x) - middle))), 1)
            for x in xs]


def bokeh_scaling(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    from bokeh.embed import components
    from bokeh.models import Legend
    from bokeh.plotting import figure
    from bokeh.resources import INLINE

    bench = rng.choice(["MMLU", "GSM8K", "HumanEval", "BBH", "ARC-C"])
    families = rng.sample(FAMILIES, rng.randint(2, 4))
    sizes = [0.5, 1, 1.8, 3, 7, 13, 34, 70, 140]
    colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
    markers = ["circle", "square", "triangle", "diamond"]
    width, height = rng.choice([(720, 460), (820, 500), (640, 440)])
    toolbar = rng.choice([None, "right", "above"])
    plot = figure(width=width, height=height, x_axis_type="log", toolbar_location=toolbar,
                  title=rng.choice([f"{bench} vs model size", f"Scaling on {bench}"]),
                  x_axis_label="Parameters (B)", y_axis_label=f"{bench} (%)")
    plot.title.text_font_size = "15px"
    legend_items = []
    series: dict[str, list[list[float]]] = {}
    for i, family in enumerate(families):
        start = rng.randint(0, 3)
        xs = sizes[start:start + rng.randint(3, 5)]
        ys = scaling_curve(rng, xs, bench, rng.uniform(-0.3, 0.3))
        line = plot.line(xs, ys, line_width=2, color=colours[i])
        dots = plot.scatter(xs, ys, size=9, color=colours[i], marker=markers[i])
        legend_items.append((family, [line, dots]))
        series[family] = [[x, y] for x, y in zip(xs, ys, strict=True)]
    legend = Legend(items=legend_items, location=rng.choice(["bottom_right", "top_left"]))
    if rng.random() < 0.4:
        plot.add_layout(legend, "right")
    else:
        plot.add_layout(legend)
    script, div = components(plot)
    page = (f"<html><head>{INLINE.render_js()}{script}</head><body style='margin:0'>"
            f"<div id=shot style='display:inline-block'>{div}</div></body></html>")
    image = browser.shoot(page, rng.choice([1.0, 1.5, 2.0]))
    return image, {"kind": "line", "log_x": True, "style": "bokeh_scaling", "series": series}


def mpl_dark_releases(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if rng.random() < 0.5:
        labels = ["v1.0", "v1.5", "v2.0", "v2.5", "v3.0", "v3.5"][: rng.randint(4, 6)]
    else:
        labels = ["Sep '23", "Dec '23", "Mar '24", "Jun '24", "Sep '24", "Dec '24"][
            : rng.randint(4, 6)]
    benches = rng.sample(list(BENCHMARKS), rng.randint(1, 3))
    house = {
        "figure.facecolor": rng.choice(["#0d1117", "#111111", "#1e1e2e"]),
        "axes.facecolor": rng.choice(["#0d1117", "#161b22", "#1e1e2e"]),
        "axes.edgecolor": "#8b949e", "axes.labelcolor": "#c9d1d9", "text.color": "#e6edf3",
        "xtick.color": "#c9d1d9", "ytick.color": "#c9d1d9", "grid.color": "#30363d",
        "grid.linestyle": "--", "axes.grid": True, "axes.spines.top": False,
        "axes.spines.right": False, "font.family": rng.choice(["DejaVu Sans", "Roboto"]),
        "font.size": rng.choice([11, 12, 13]), "legend.frameon": False,
    }
    colours = ["#58a6ff", "#f78166", "#3fb950", "#d2a8ff"]
    series: dict[str, list[list]] = {}
    with plt.rc_context(house):
        fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8.5), rng.uniform(4.0, 5.0)))
        for i, bench in enumerate(benches):
            low, high = BENCHMARKS[bench]
            level = rng.uniform(low, low + 0.4 * (high - low))
            ys = []
            for _ in labels:
                level = min(level + rng.uniform(0.5, 0.12 * (high - low)), high)
                ys.append(round(level, 1))
            ax.plot(range(len(labels)), ys, marker=rng.choice(["o", "s", "D"]), markersize=6,
                    linewidth=2, color=colours[i], label=bench)
            series[bench] = [[label, y] for label, y in zip(labels, ys, strict=True)]
        ax.set_xticks(range(len(labels)), labels)
        ax.set_ylabel("Score")
        ax.set_title(rng.choice(["Progress across releases", "Every release, same evals"]),
                     loc="left", fontweight="bold")
        ax.legend(loc=rng.choice(["lower right", "upper left"]))
        fig.tight_layout()
        image = figure_image(fig, rng.choice([100, 130, 160]))
    return image, {"kind": "line", "log_x": False, "style": "mpl_dark_releases",
                   "series": series}


def svg_slide(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    names = pick(rng, MODELS, rng.randint(3, 6))
    bench = rng.choice(list(BENCHMARKS))
    values = scores(rng, names, bench)
    ours = rng.randrange(len(names))
    brand = rng.choice(["#6d28d9", "#0f766e", "#b91c1c", "#1d4ed8", "#c2410c"])
    font = rng.choice(["Open Sans", "Roboto", "Liberation Sans"])
    percent = rng.random() < 0.6
    top = rng.choice([100, 80]) if max(values) < 80 else 100
    left, bottom, plot_w, plot_h = 130, 600, 1020, 380
    step = plot_w / len(names)
    bar_w = step * rng.uniform(0.45, 0.65)
    marks = [f"<line x1={left} y1={bottom} x2={left + plot_w} y2={bottom} stroke='#444'/>"]
    for tick in range(0, top + 1, 20):
        y = bottom - plot_h * tick / top
        marks.append(f"<line x1={left} y1={y:.1f} x2={left + plot_w} y2={y:.1f} "
                     "stroke='#e5e5e5'/>")
        marks.append(f"<text x={left - 12} y={y + 6:.1f} text-anchor='end' font-size='18' "
                     f"fill='#666'>{tick}{'%' if percent else ''}</text>")
    for i, (name, value) in enumerate(zip(names, values, strict=True)):
        x = left + step * i + (step - bar_w) / 2
        height = plot_h * value / top
        colour = brand if i == ours else "#b8b8b8"
        marks.append(f"<rect x={x:.1f} y={bottom - height:.1f} width={bar_w:.1f} "
                     f"height={height:.1f} fill='{colour}' rx='4'/>")
        label = f"{value:.1f}{'%' if percent else ''}"
        marks.append(f"<text x={x + bar_w / 2:.1f} y={bottom - height - 10:.1f} "
                     f"text-anchor='middle' font-size='20' font-weight='700' "
                     f"fill='#222'>{label}</text>")
        marks.append(f"<text x={x + bar_w / 2:.1f} y={bottom + 30} text-anchor='middle' "
                     f"font-size='18' fill='#333'>{name}</text>")
    title = rng.choice([f"{names[ours]} tops {bench}", f"{bench}: ours vs. the field",
                        "Best in class"])
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='1280' height='720' "
           f"font-family=\"{font}\"><rect width='1280' height='720' fill='#ffffff'/>"
           f"<rect width='1280' height='110' fill='{brand}'/>"
           f"<text x='60' y='70' font-size='40' font-weight='700' fill='#fff'>{title}</text>"
           f"<text x='60' y='170' font-size='22' fill='#555'>{bench} accuracy, "
           f"{rng.choice(['5-shot', '0-shot', 'pass@1'])}</text>{''.join(marks)}"
           f"<text x='60' y='695' font-size='14' fill='#999'>Internal evaluation</text></svg>")
    page = f"<html><body style='margin:0'><div id=shot style='display:inline-block'>{svg}</div>"
    image = browser.shoot(page + "</body></html>", rng.choice([1.0, 1.5]))
    if rng.random() < 0.5:  # exported from the deck at another size
        width = rng.choice([960, 1280, 1600])
        image = image.resize((width, round(width * 720 / 1280)), Image.LANCZOS)
    truth = bar_truth("bar", {bench: list(zip(names, values, strict=True))}, "svg_slide")
    return image, truth


def post_grouped(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    names = pick(rng, MODELS, rng.randint(3, 5))
    benches = rng.sample(list(BENCHMARKS), rng.randint(2, 3))
    house = {"font.family": rng.choice(["Open Sans", "DejaVu Sans", "Liberation Sans"]),
             "axes.spines.top": False, "axes.spines.right": False, "axes.spines.left": False,
             "axes.grid": True, "axes.grid.axis": "y", "grid.color": "#dddddd",
             "font.size": rng.choice([11, 12]), "axes.facecolor": "#fbfaf7",
             "figure.facecolor": "#fbfaf7", "legend.frameon": False}
    palette = rng.choice([["#264653", "#2a9d8f", "#e9c46a"], ["#003f5c", "#bc5090", "#ffa600"],
                          ["#355070", "#e56b6f", "#b56576"]])
    labelled = rng.random() < 0.6
    series: dict[str, list[tuple[str, float]]] = {}
    with plt.rc_context(house):
        fig, ax = plt.subplots(figsize=(rng.uniform(7, 9), rng.uniform(4.2, 5.2)))
        width = 0.8 / len(benches)
        for i, bench in enumerate(benches):
            values = scores(rng, names, bench)
            xs = np.arange(len(names)) + (i - (len(benches) - 1) / 2) * width
            bars = ax.bar(xs, values, width * 0.92, label=bench, color=palette[i])
            if labelled:
                ax.bar_label(bars, fmt="%.1f", fontsize=9, padding=2)
            series[bench] = list(zip(names, values, strict=True))
        ax.set_xticks(range(len(names)), names)
        ax.set_ylabel("Accuracy (%)")
        ax.set_ylim(0, 100)
        ax.legend(ncols=len(benches), loc="lower left", bbox_to_anchor=(0, 1.0))
        fig.tight_layout()
        chart = figure_image(fig, rng.choice([100, 120]))
    buffer = io.BytesIO()
    chart.save(buffer, "PNG")
    data = base64.b64encode(buffer.getvalue()).decode()
    who = rng.choice(["Priya N. · ML Engineer", "Tomasz K. · Research Scientist",
                      "Alex Rivera · Founder"])
    text = rng.choice(["Our new checkpoint is out! Grouped results below.",
                       "Quick comparison from this week's eval run.",
                       "Same prompts, same harness, every model."])
    page = (
        "<html><body style='margin:0;background:#f3f2ef'><div id=shot style='display:"
        "inline-block;padding:16px;background:#f3f2ef;font-family:\"Open Sans\"'>"
        f"<div style='background:#fff;border:1px solid #e0dfdc;border-radius:8px;width:"
        f"{chart.width + 32}px'><div style='padding:14px 16px;display:flex;gap:10px'>"
        "<div style='width:48px;height:48px;border-radius:50%;background:#8a6d3b'></div>"
        f"<div><b style='font-size:14px'>{who}</b><div style='font-size:12px;color:#666'>"
        f"{rng.randint(1, 23)}h · Edited</div></div></div>"
        f"<div style='padding:0 16px 10px;font-size:14px'>{text}</div>"
        f"<div style='padding:0 16px'><img src='data:image/png;base64,{data}' "
        f"style='width:{chart.width}px'></div>"
        "<div style='padding:10px 16px;font-size:13px;color:#666;border-top:1px solid #eee;"
        f"margin-top:8px'>{rng.randint(40, 900)} reactions · {rng.randint(3, 80)} comments"
        "</div></div></div></body></html>"
    )
    image = browser.shoot(page, 1.0)
    width = rng.randint(620, 900)  # sent on smaller; saved as a JPEG 50-80 (generate)
    image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    return image, bar_truth("bar", series, "post_grouped")


def mpl_token_scaling(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, LogLocator

    bench = rng.choice(["MMLU", "HellaSwag", "ARC-C", "TriviaQA", "GSM8K"])
    # sizes whose names are not inside one another ("3B" is inside "13B")
    sizes = rng.sample([1, 3, 8, 14, 34, 70], rng.randint(2, 4))
    sizes.sort()
    tokens = [20, 50, 100, 200, 500, 1000, 2000, 5000]
    house = {"font.family": "serif",
             "font.serif": [rng.choice(["DejaVu Serif", "Liberation Serif", "FreeSerif"])],
             "xtick.direction": "in", "ytick.direction": "in", "xtick.top": True,
             "ytick.right": True, "font.size": rng.choice([10, 11, 12]),
             "axes.linewidth": 0.8, "legend.fontsize": 9}
    markers = ["o", "s", "^", "D"]
    series: dict[str, list[list[float]]] = {}
    with plt.rc_context(house):
        fig, ax = plt.subplots(figsize=(rng.uniform(4.8, 6.4), rng.uniform(3.6, 4.4)))
        for i, size in enumerate(sizes):
            start = rng.randint(0, 2)
            xs = tokens[start:start + rng.randint(4, 6)]
            ys = scaling_curve(rng, [x / 10 for x in xs], bench, 0.6 - 0.25 * math.log10(size))
            ax.plot(xs, ys, marker=markers[i], markersize=5, linewidth=1.3,
                    label=f"{size}B")
            series[f"{size}B"] = [[float(x), y] for x, y in zip(xs, ys, strict=True)]
        ax.set_xscale("log")
        if rng.random() < 0.5:  # plain numbers at the decades rather than 10^k
            ax.xaxis.set_major_locator(LogLocator(base=10))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        ax.set_xlabel("Training tokens (B)")
        ax.set_ylabel(f"{bench} accuracy (%)")
        ax.legend(title="Model size", loc="lower right")
        fig.tight_layout()
        image = figure_image(fig, rng.choice([120, 150, 200]))
    return image, {"kind": "line", "log_x": True, "style": "mpl_token_scaling",
                   "series": series}


# ---------------------------------------------------------------- the set

DRAW = {
    "vega_labels": vega_labels,
    "pygal_grouped": pygal_grouped,
    "seaborn_hbar": seaborn_hbar,
    "bokeh_scaling": bokeh_scaling,
    "mpl_dark_releases": mpl_dark_releases,
    "svg_slide": svg_slide,
    "post_grouped": post_grouped,
    "mpl_token_scaling": mpl_token_scaling,
}


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` charts into ``out`` and ``out/truth.json``; returns the truth by file name.
    The same seed draws the same charts."""
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict] = {}
    browser = Browser((1600, 1200))
    try:
        for i in range(count):
            style = STYLES[i % len(STYLES)]
            rng = random.Random(seed * 1013 + i)
            image, item = DRAW[style](rng, browser)
            name = f"b3c_{i:03d}.{'jpg' if style == 'post_grouped' else 'png'}"
            if name.endswith(".jpg"):
                image.save(out / name, "JPEG", quality=rng.randint(50, 80))
            else:
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
    parser.add_argument("--seed", type=int, default=24000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} charts in {args.out}")


if __name__ == "__main__":
    main()
