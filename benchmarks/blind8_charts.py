"""The eighth blind test set of benchmark charts, written without reading the reader or any
other generator. Eight looks, in turn:

- ``plotly_white_grouped``: plotly.js "simple_white" grouped columns, benchmarks as
  series in a horizontal legend above, no value labels.
- ``vega_rounded_hbar``: Vega-Lite horizontal bars with rounded ends, sorted, the value
  printed at each bar's end, no x axis.
- ``mpl_bmh_logx``: matplotlib "bmh" lines over parameters on a log x axis (0.5B..70B),
  a marker at each point, a legend.
- ``pygal_release_lines``: pygal lines over releases printed as categories under the axis
  (v1.0, v1.1, ...), dots, a legend at the bottom.
- ``css_dark_bars``: an HTML/CSS bar list on a dark card (name, track, bar, value), no axes
  at all.
- ``phone_columns_jpeg``: matplotlib labelled columns in a phone post, saved as JPEG.
- ``vega_dark_lines``: Vega-Lite dark lines over training tokens (T), no markers, a legend.
- ``seaborn_step_lines``: seaborn "ticks" lines over training steps (k) with markers,
  despined, a legend inside.

Truth per image: ``kind`` (bar, hbar or line), ``log_x``, ``series`` (name -> [[x, y], ...]:
a bar's x is its category as printed, a line's x its number in the axis's unit or the
category printed under it; one series is named after what it measures) and ``style``.

    python benchmarks/blind8_charts.py OUT_DIR [--count 24] [--seed 74000]
"""

from __future__ import annotations

import io
import json
import math
import random
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from blind8_data import FAMILIES, Look, camera, command_line, esc, generate_looks, page
from browser import Browser
from PIL import Image

Shot = tuple[Image.Image, dict, int | None]
BENCH_NAMES = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "MATH", "BBH", "GPQA", "MBPP"]


def truth(kind: str, series: dict, style: str, log_x: bool = False) -> dict:
    return {"kind": kind, "log_x": log_x, "series": series, "style": style}


def models(rng: random.Random, count: int) -> list[str]:
    families = rng.sample(FAMILIES, count)
    return [f"{f}-{rng.choice(('7B', '8B', '13B', '14B', 'Mini', 'Pro'))}" for f in families]


def figure_image(fig: plt.Figure, dpi: int) -> Image.Image:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    plt.close(fig)
    return Image.open(buffer).convert("RGB")


def plotly_white_grouped(rng: random.Random, browser: Browser) -> Shot:
    from plotly.offline import get_plotlyjs

    names = models(rng, rng.randint(3, 5))
    benches = rng.sample(BENCH_NAMES, rng.randint(2, 3))
    series = {b: [[m, round(rng.uniform(25, 88), 1)] for m in names] for b in benches}
    data = [{"type": "bar", "name": b, "x": [p[0] for p in pts], "y": [p[1] for p in pts]}
            for b, pts in series.items()]
    width, height = rng.randint(640, 900), rng.randint(400, 520)
    layout = {"template": None, "barmode": "group", "width": width, "height": height,
              "paper_bgcolor": "#fff", "plot_bgcolor": "#fff",
              "font": {"family": "Open Sans", "size": 13},
              "title": {"text": "Scores by benchmark"},
              "legend": {"orientation": "h", "y": 1.08, "x": 0},
              "yaxis": {"title": {"text": "Accuracy (%)"}, "showline": True, "ticks": "outside",
                        "range": [0, 100], "showgrid": False},
              "xaxis": {"showline": True, "ticks": "outside"},
              "colorway": rng.choice((["#1f77b4", "#ff7f0e", "#2ca02c"],
                                      ["#4c78a8", "#e45756", "#72b7b2"]))}
    body = (f"<div id='shot' style='width:{width}px;height:{height}px'></div>"
            f"<script>{get_plotlyjs()}</script><script>Plotly.newPlot('shot', "
            f"{json.dumps(data)}, {json.dumps(layout)}, {{staticPlot: true}});</script>")
    image = browser.shoot(page(body, ""), rng.choice((1.0, 1.5)))
    return image, truth("bar", series, "plotly_white_grouped"), None


def vega_rounded_hbar(rng: random.Random, browser: Browser) -> Shot:
    import vl_convert

    bench = rng.choice(BENCH_NAMES)
    names = models(rng, rng.randint(4, 8))
    values = [{"model": m, "score": round(rng.uniform(20, 90), 1)} for m in names]
    colour = rng.choice(("#6c5ce7", "#00a884", "#e17055"))
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": f"{bench} (%)", "width": rng.randint(360, 520), "height": 26 * len(names),
        "data": {"values": values},
        "encoding": {"y": {"field": "model", "type": "nominal", "sort": "-x", "title": None},
                     "x": {"field": "score", "type": "quantitative", "axis": None}},
        "layer": [{"mark": {"type": "bar", "cornerRadiusEnd": 6, "color": colour}},
                  {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                   "encoding": {"text": {"field": "score", "format": ".1f"}}}],
        "config": {"view": {"stroke": None}, "font": "Liberation Sans"},
    }
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice((1.5, 2.0)))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    series = {bench: [[v["model"], v["score"]] for v in values]}
    return image, truth("hbar", series, "vega_rounded_hbar"), None


def mpl_bmh_logx(rng: random.Random, browser: Browser) -> Shot:
    sizes = sorted(rng.sample([0.5, 1, 1.5, 3, 7, 13, 34, 70], rng.randint(4, 6)))
    families = rng.sample(FAMILIES, rng.randint(2, 4))
    bench = rng.choice(BENCH_NAMES)
    series = {}
    with plt.style.context("bmh"):
        fig, ax = plt.subplots(figsize=(rng.uniform(6, 8), rng.uniform(4, 5)))
        for family in families:
            base, slope = rng.uniform(20, 40), rng.uniform(4, 8)
            points = [[s, round(min(95, base + slope * math.log2(s + 1) + rng.uniform(-2, 2)), 1)]
                      for s in sizes]
            series[family] = points
            ax.plot([p[0] for p in points], [p[1] for p in points],
                    marker=rng.choice(("o", "s", "^", "D")), label=family)
        ax.set_xscale("log")
        ax.set_xticks(sizes, [f"{s:g}B" for s in sizes])
        ax.minorticks_off()
        ax.set_xlabel("Parameters")
        ax.set_ylabel(f"{bench} accuracy (%)")
        ax.legend(loc=rng.choice(("lower right", "upper left")))
        fig.tight_layout()
        image = figure_image(fig, rng.choice((90, 110, 130)))
    return image, truth("line", series, "mpl_bmh_logx", log_x=True), None


def pygal_release_lines(rng: random.Random, browser: Browser) -> Shot:
    import pygal
    from pygal.style import LightSolarizedStyle, LightStyle

    releases = [f"v1.{i}" for i in range(rng.randint(4, 7))]
    families = rng.sample(FAMILIES, rng.randint(2, 3))
    width, height = rng.randint(640, 860), rng.randint(400, 480)
    chart = pygal.Line(width=width, height=height,
                       style=rng.choice((LightStyle, LightSolarizedStyle)),
                       legend_at_bottom=True, title=f"{rng.choice(BENCH_NAMES)} by release",
                       y_title="Score", show_y_guides=True, dots_size=4)
    chart.x_labels = releases
    series = {}
    for family in families:
        value = rng.uniform(30, 55)
        values = []
        for _ in releases:
            value = min(95, value + rng.uniform(-1.5, 6))
            values.append(round(value, 1))
        chart.add(family, values)
        series[family] = [[r, v] for r, v in zip(releases, values, strict=True)]
    svg = chart.render().decode()
    svg = svg[svg.index("<svg"):]
    box = f"width:{width}px;height:{height}px"
    image = browser.shoot(page(f"<div id='shot' style='{box}'>{svg}</div>",
                               "#shot svg{width:100%;height:100%}"), 1.0)
    return image, truth("line", series, "pygal_release_lines"), None


def css_dark_bars(rng: random.Random, browser: Browser) -> Shot:
    bench = rng.choice(BENCH_NAMES)
    names = models(rng, rng.randint(4, 7))
    values = sorted((round(rng.uniform(15, 92), 1) for _ in names), reverse=True)
    top = rng.choice((100, max(values)))
    rows = "".join(
        f"<div class='row'><div class='name'>{esc(m)}</div><div class='track'><div class='bar' "
        f"style='width:{v / top * 100:.2f}%'></div></div><div class='val'>{v:.1f}</div></div>"
        for m, v in zip(names, values, strict=True))
    accent = rng.choice(("#58a6ff", "#f78166", "#7ee787", "#d2a8ff"))
    css = f"""#shot{{width:{rng.randint(480, 700)}px;background:#0d1117;color:#e6edf3;
    padding:22px 24px;border-radius:12px}} h3{{margin:0 0 16px;font-size:18px}}
    .row{{display:flex;align-items:center;margin:9px 0;font-size:14px}}
    .name{{width:130px}} .track{{flex:1;background:#21262d;height:14px;border-radius:7px}}
    .bar{{height:14px;border-radius:7px;background:{accent}}}
    .val{{width:52px;text-align:right;font-variant-numeric:tabular-nums}}"""
    body = f"<div id='shot'><h3>{bench} accuracy</h3>{rows}</div>"
    image = browser.shoot(page(body, css, "Roboto"), rng.choice((1.0, 2.0)))
    series = {bench: [[m, v] for m, v in zip(names, values, strict=True)]}
    return image, truth("hbar", series, "css_dark_bars"), None


def phone_columns_jpeg(rng: random.Random, browser: Browser) -> Shot:
    bench = rng.choice(BENCH_NAMES)
    names = [n.replace("-", "\n", 1) if rng.random() < 0.3 else n
             for n in models(rng, rng.randint(3, 5))]
    values = [round(rng.uniform(30, 90), 1) for _ in names]
    colour = rng.choice(("#ff6f3c", "#3c8dff", "#2bb673"))
    fig, ax = plt.subplots(figsize=(4.8, 3.4))
    bars = ax.bar(names, values, color=colour, width=0.6)
    ax.bar_label(bars, labels=[f"{v:.1f}" for v in values], padding=2, fontsize=9)
    ax.set_title(f"{bench} (%)", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(axis="x", labelsize=8)
    ax.set_ylim(0, 100)
    fig.tight_layout()
    plot = figure_image(fig, 150)
    post = Image.new("RGB", (plot.width + 40, plot.height + 190), (255, 255, 255))
    from PIL import ImageDraw, ImageFont

    draw = ImageDraw.Draw(post)
    draw.rectangle((0, 0, post.width, 70), fill=(245, 245, 247))
    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                              26)
    draw.text((20, 20), "9:41", fill=(0, 0, 0), font=font)
    draw.ellipse((20, 88, 68, 136), fill=(180, 190, 210))
    draw.text((82, 96), f"@{rng.choice(('evalnerd', 'tinyllm_fan', 'bench_daily'))}",
              fill=(40, 40, 40), font=font)
    post.paste(plot, (20, 160))
    image = camera(post, rng, noise=2.0) if rng.random() < 0.5 else post
    series = {bench: [[n.replace("\n", " "), v] for n, v in zip(names, values, strict=True)]}
    return image, truth("bar", series, "phone_columns_jpeg"), rng.choice((60, 70, 80))


def vega_dark_lines(rng: random.Random, browser: Browser) -> Shot:
    import vl_convert

    tokens = sorted(rng.sample([0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8], rng.randint(5, 7)))
    families = rng.sample(FAMILIES, rng.randint(2, 3))
    bench = rng.choice(BENCH_NAMES)
    values, series = [], {}
    for family in families:
        base, gain = rng.uniform(25, 42), rng.uniform(1.2, 4)
        points = [[t, round(min(92, base + gain * t ** 0.6 * 3), 1)] for t in tokens]
        series[family] = points
        values += [{"tokens": t, "score": y, "model": family} for t, y in points]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": f"{bench} during pre-training", "width": rng.randint(420, 600),
        "height": rng.randint(260, 340), "data": {"values": values},
        "mark": {"type": "line", "strokeWidth": 2.5},
        "encoding": {"x": {"field": "tokens", "type": "quantitative",
                           "title": "Training tokens (T)"},
                     "y": {"field": "score", "type": "quantitative", "title": "Accuracy (%)",
                           "scale": {"zero": False}},
                     "color": {"field": "model", "type": "nominal", "title": None}},
        "config": {"background": "#1e1e24", "view": {"stroke": None},
                   "axis": {"labelColor": "#ccc", "titleColor": "#ddd", "gridColor": "#3a3a44",
                            "domainColor": "#888", "tickColor": "#888"},
                   "legend": {"labelColor": "#ddd"}, "title": {"color": "#eee"},
                   "font": "Liberation Sans"},
    }
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice((1.0, 1.5)))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return image, truth("line", series, "vega_dark_lines"), rng.choice((None, 85))


def seaborn_step_lines(rng: random.Random, browser: Browser) -> Shot:
    import pandas as pd
    import seaborn as sns

    step = rng.choice((5, 10, 20))
    xs = [step * i for i in range(1, rng.randint(5, 9))]
    families = rng.sample(FAMILIES, rng.randint(2, 4))
    bench = rng.choice(BENCH_NAMES)
    records, series = [], {}
    for family in families:
        value = rng.uniform(20, 40)
        points = []
        for x in xs:
            value = min(90, value + rng.uniform(0, 7))
            points.append([x, round(value, 1)])
        series[family] = points
        records += [{"step (k)": x, bench: y, "model": family} for x, y in points]
    sns.set_theme(style="ticks", context=rng.choice(("notebook", "paper")))
    fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 7.5), rng.uniform(3.6, 4.6)))
    sns.lineplot(data=pd.DataFrame(records), x="step (k)", y=bench, hue="model",
                 style="model", markers=True, dashes=False, ax=ax)
    ax.set_xlabel("Training steps (k)")
    ax.legend(title=None, loc="lower right")
    sns.despine(fig)
    fig.tight_layout()
    image = figure_image(fig, rng.choice((100, 120)))
    sns.reset_orig()
    return image, truth("line", series, "seaborn_step_lines"), None


LOOKS: list[tuple[str, Look]] = [
    ("plotly_white_grouped", plotly_white_grouped), ("vega_rounded_hbar", vega_rounded_hbar),
    ("mpl_bmh_logx", mpl_bmh_logx), ("pygal_release_lines", pygal_release_lines),
    ("css_dark_bars", css_dark_bars), ("phone_columns_jpeg", phone_columns_jpeg),
    ("vega_dark_lines", vega_dark_lines), ("seaborn_step_lines", seaborn_step_lines),
]


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` charts in ``out`` (the looks in turn) and their truth, keyed by file name."""
    return generate_looks(out, count, seed, "blind8-charts", LOOKS, (1400, 1000))


if __name__ == "__main__":
    command_line(generate, __doc__ or "", 24, 74000)
