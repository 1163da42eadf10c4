"""Blind test set 17, charts: bar, horizontal-bar and line charts of LLM benchmark numbers.

Usage: python benchmarks/blind17_charts.py OUT_DIR [--count 24] [--seed 127000]

Looks (STYLE in each file's name), in turn:
- fte_hbar_labels: matplotlib "fivethirtyeight" horizontal bars, value printed at each bar's end;
- vega_labelled_logx_lines: Vega-Lite lines over a log x axis (parameters), points labelled;
- bmh_grouped_columns: matplotlib "bmh" grouped columns with bar labels, legend on top;
- keynote_dark_columns: a dark keynote slide with CSS columns, values above, names below;
- excel_svg_line_labels: an Excel-like SVG line chart, markers and data labels, legend below;
- sns_talk_baseline_lines: seaborn "talk" lines on a grid (linear or log x), dashed baseline;
- pygal_neon_hbar: pygal horizontal bars (dark or neon style) with printed values, as SVG;
- screen_photo_columns: a matplotlib column chart photographed off a monitor (JPEG).

Truth (truth.json, file name -> dict): kind ("bar", "hbar" or "line"), log_x (bool), series
(series name -> list of [x, y]; bars: x the category as printed, y the value; lines: x in the
x axis's own unit), style. A dashed baseline/target line is not a series.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from blind17_io import Ctx, Shot, esc, page, run_cli
from blind17_table_looks import BENCHES, FAMILIES, SIZES, num

PALETTES = [
    ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f"],
    ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e"],
    ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9"],
]


def models(rng: random.Random, n: int) -> list[str]:
    fams = rng.sample(FAMILIES, 3)
    out: list[str] = []
    while len(out) < n:
        name = f"{rng.choice(fams)}-{num(rng.choice(SIZES))}B"
        if name not in out:
            out.append(name)
    return out


def values(rng: random.Random, n: int, lo: float = 20, hi: float = 90) -> list[float]:
    return [round(rng.uniform(lo, hi), 1) for _ in range(n)]


def fig_image(fig, dpi: int) -> Image.Image:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", pad_inches=0.15)
    plt.close(fig)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def truth(kind: str, series: dict[str, list], log_x: bool = False) -> dict:
    return {"kind": kind, "log_x": log_x, "series": series}


# ---------------------------------------------------------------- 1 fte_hbar_labels
def fte_hbar_labels(rng: random.Random, ctx: Ctx) -> Shot:
    n = rng.randint(5, 9)
    cats = models(rng, n)
    vals = values(rng, n, 25, 88)
    if rng.random() < 0.6:
        pairs = sorted(zip(cats, vals, strict=True), key=lambda p: p[1])
        cats, vals = [p[0] for p in pairs], [p[1] for p in pairs]
    bench = rng.choice(["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH"])
    with plt.style.context("fivethirtyeight"):
        fig, ax = plt.subplots(figsize=(rng.uniform(7, 10), 0.55 * n + 1.6))
        color = rng.choice(["#008fd5", "#fc4f30", "#e5ae38", "#6d904f"])
        ax.barh(cats, vals, color=color, height=0.65)
        for y, v in enumerate(vals):
            ax.text(v + 0.8, y, f"{v:.1f}", va="center", fontsize=12)
        ax.set_xlim(0, max(vals) * 1.15)
        ax.set_title(f"{bench} accuracy (%)", loc="left", fontsize=17, fontweight="bold")
        ax.tick_params(labelsize=12)
        ax.grid(axis="y", visible=False)
    image = fig_image(fig, rng.choice([80, 100, 120]))
    series = {bench: [[c, v] for c, v in zip(cats, vals, strict=True)]}
    return Shot(image, truth("hbar", series), rng.choice([None, 78]))


# ---------------------------------------------------------------- 2 vega_labelled_logx_lines
def vega_labelled_logx_lines(rng: random.Random, ctx: Ctx) -> Shot:
    import vl_convert as vlc

    xs = rng.choice([[1, 10, 100], [0.1, 1, 10, 100], [1, 10, 100, 1000], [0.1, 1, 10]])
    names = rng.sample(FAMILIES, rng.randint(2, 3))
    series = {}
    data = []
    for name in names:
        start = rng.uniform(25, 40)
        ys = []
        for _ in xs:
            start = round(min(92.0, start + rng.uniform(6, 18)), 1)
            ys.append(start)
        series[name] = [[x, y] for x, y in zip(xs, ys, strict=True)]
        data += [{"x": x, "y": y, "family": name} for x, y in zip(xs, ys, strict=True)]
    bench = rng.choice(["MMLU", "GSM8K", "ARC-C", "BBH"])
    dark = rng.random() < 0.4
    enc = {
        "x": {
            "field": "x",
            "type": "quantitative",
            "scale": {"type": "log"},
            "axis": {"values": xs, "title": "Parameters (B)", "format": "~g", "grid": True},
        },
        "y": {
            "field": "y",
            "type": "quantitative",
            "title": f"{bench} (%)",
            "scale": {"domain": [0, 100]},
        },
        "color": {"field": "family", "type": "nominal", "title": None},
    }
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.randint(380, 620),
        "height": rng.randint(260, 380),
        "title": f"{bench} vs. model size",
        "data": {"values": data},
        "encoding": enc,
        "layer": [
            {"mark": {"type": "line", "point": True, "strokeWidth": 2}},
            {
                "mark": {"type": "text", "dy": -10, "fontSize": 11},
                "encoding": {"text": {"field": "y", "format": ".1f"}},
            },
        ],
        "config": {"legend": {"orient": rng.choice(["right", "bottom", "top"])}},
    }
    if dark:
        spec["config"].update(
            {"background": "#1e1e1e", "axis": {"labelColor": "#ddd", "titleColor": "#ddd",
             "gridColor": "#444"}, "title": {"color": "#eee"},
             "legend": {**spec["config"]["legend"], "labelColor": "#ddd"},
             "text": {"color": "#eee"}}
        )  # fmt: skip
    png = vlc.vegalite_to_png(spec, scale=rng.choice([1.5, 2.0]))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return Shot(image, truth("line", series, True))


# ---------------------------------------------------------------- 3 bmh_grouped_columns
def bmh_grouped_columns(rng: random.Random, ctx: Ctx) -> Shot:
    cats = rng.sample(BENCHES, rng.randint(3, 5))
    names = models(rng, rng.randint(2, 3))
    with plt.style.context("bmh"):
        fig, ax = plt.subplots(figsize=(rng.uniform(7.5, 11), rng.uniform(4.2, 5.5)))
        width = 0.8 / len(names)
        series = {}
        for i, name in enumerate(names):
            vals = values(rng, len(cats), 15, 90)
            xs = np.arange(len(cats)) + (i - (len(names) - 1) / 2) * width
            bars = ax.bar(xs, vals, width * 0.95, label=name)
            ax.bar_label(bars, labels=[f"{v:.1f}" for v in vals], fontsize=9, padding=2)
            series[name] = [[c, v] for c, v in zip(cats, vals, strict=True)]
        ax.set_xticks(np.arange(len(cats)), cats, fontsize=11)
        ax.set_ylim(0, 100)
        ax.set_ylabel("Score (%)")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, 1.13), ncol=len(names), frameon=False)
    image = fig_image(fig, rng.choice([90, 110, 130]))
    return Shot(image, truth("bar", series), rng.choice([None, None, 65]))


# ---------------------------------------------------------------- 4 keynote_dark_columns
def keynote_dark_columns(rng: random.Random, ctx: Ctx) -> Shot:
    n = rng.randint(3, 6)
    cats = models(rng, n)
    vals = values(rng, n, 30, 92)
    bench = rng.choice(["MMLU", "HumanEval", "GSM8K", "MATH"])
    hi = rng.randrange(n)
    accent = rng.choice(["#0a84ff", "#ff9f0a", "#30d158", "#bf5af2"])
    h = 360
    cols = []
    for i, (c, v) in enumerate(zip(cats, vals, strict=True)):
        color = accent if i == hi else "#5a5a5e"
        cols.append(
            f"<div class='col'><div class='v'>{v:.1f}</div><div class='bar' "
            f"style='height:{v / 100 * h:.1f}px;background:{color}'></div>"
            f"<div class='c'>{esc(c)}</div></div>"
        )
    font = rng.choice(["Open Sans", "Roboto", "Liberation Sans"])
    css = f"""
    #shot{{width:1280px;height:720px;background:radial-gradient(#2c2c2e,#111);color:#fff;
      font-family:'{font}';position:relative}}
    h1{{font-size:40px;font-weight:600;margin:0;padding:46px 70px 4px}}
    .sub{{color:#a1a1a6;font-size:20px;padding:0 70px}}
    .plot{{position:absolute;left:90px;right:90px;bottom:70px;height:{h + 80}px;display:flex;
      align-items:flex-end;justify-content:space-around;border-bottom:2px solid #555}}
    .col{{display:flex;flex-direction:column;align-items:center;width:{900 // n}px;
      position:relative}}
    .bar{{width:70%;border-radius:6px 6px 0 0}} .v{{font-size:24px;font-weight:600;
      margin-bottom:8px}} .c{{position:absolute;bottom:-40px;font-size:17px;color:#d1d1d6;
      white-space:nowrap}}
    """
    body = f"""<div id='shot'><h1>{esc(bench)}</h1><div class='sub'>Accuracy, %
    ({rng.choice(["5-shot", "0-shot", "pass@1", "8-shot CoT"])})</div>
    <div class='plot'>{"".join(cols)}</div></div>"""
    image = ctx.shoot(page(body, css, "#111"), 1.0)
    target = rng.choice([960, 1120, 1280])
    image = image.resize((target, target * 9 // 16), Image.LANCZOS)
    series = {bench: [[c, v] for c, v in zip(cats, vals, strict=True)]}
    return Shot(image, truth("bar", series), rng.choice([None, 80]))


# ---------------------------------------------------------------- 5 excel_svg_line_labels
def excel_svg_line_labels(rng: random.Random, ctx: Ctx) -> Shot:
    unit, xs = rng.choice(
        [
            ("Epoch", [1, 2, 3, 4, 5, 6]),
            ("Training tokens (T)", [0.5, 1.0, 1.5, 2.0, 2.5, 3.0]),
            ("Checkpoint (k steps)", [10, 20, 30, 40, 50]),
            ("Shots", [0, 1, 2, 3, 4, 5, 8][: rng.randint(5, 7)]),
        ]
    )
    names = rng.sample(BENCHES, rng.randint(1, 3))
    colors = ["#4472c4", "#ed7d31", "#a5a5a5", "#ffc000"]
    w, h = rng.randint(620, 900), rng.randint(380, 480)
    left, right, top, bottom = 60, w - 30, 60, h - 90
    ymax = 100
    n = len(xs)

    def px(i: int) -> float:
        return left + (right - left) * (i + 0.5) / n

    def py(v: float) -> float:
        return bottom - (bottom - top) * v / ymax

    parts = []
    for g in range(0, ymax + 1, 20):
        parts.append(
            f"<line x1='{left}' x2='{right}' y1='{py(g)}' y2='{py(g)}' stroke='#d9d9d9'/>"
            f"<text x='{left - 8}' y='{py(g) + 4}' text-anchor='end' class='t'>{g}</text>"
        )
    for i, x in enumerate(xs):
        parts.append(
            f"<text x='{px(i)}' y='{bottom + 18}' text-anchor='middle' class='t'>{x:g}</text>"
        )
    parts.append(
        f"<text x='{(left + right) / 2}' y='{bottom + 40}' text-anchor='middle' "
        f"class='t'>{esc(unit)}</text>"
    )
    series = {}
    legend = []
    order = rng.sample(range(len(names)), len(names))  # bands far apart: labels never collide
    for k, name in enumerate(names):
        y = 8 + 28 * order[k] + rng.uniform(0, 6)
        ys = []
        for _ in xs:
            y = min(95.0, y + rng.uniform(0, 3.5))
            ys.append(round(y, 1))
        series[name] = [[x, v] for x, v in zip(xs, ys, strict=True)]
        pts = " ".join(f"{px(i):.1f},{py(v):.1f}" for i, v in enumerate(ys))
        c = colors[k]
        parts.append(f"<polyline points='{pts}' fill='none' stroke='{c}' stroke-width='2.5'/>")
        for i, v in enumerate(ys):
            parts.append(f"<circle cx='{px(i)}' cy='{py(v)}' r='4' fill='{c}'/>")
            dy = -10
            parts.append(
                f"<text x='{px(i)}' y='{py(v) + dy}' text-anchor='middle' class='d'>{v:.1f}</text>"
            )
        legend.append(
            f"<span style='margin:0 12px'><span style='display:inline-block;width:22px;"
            f"height:3px;background:{c};vertical-align:middle'></span> {esc(name)}</span>"
        )
    title = rng.choice(["Score by " + unit.split(" (")[0].lower(), "Chart Title", "Eval trend"])
    font = rng.choice(["Liberation Sans", "Open Sans", "DejaVu Sans"])
    css = f"""
    #shot{{background:#fff;border:1px solid #d9d9d9;font-family:'{font}';padding:6px}}
    .t{{font-size:12px;fill:#595959}} .d{{font-size:11px;fill:#404040}}
    .ti{{text-align:center;font-size:18px;color:#595959;margin-top:8px}}
    .lg{{text-align:center;font-size:13px;color:#595959;margin:-40px 0 10px}}
    """
    body = f"""<div id='shot'><div class='ti'>{esc(title)}</div><svg width='{w}'
    height='{h - 40}' viewBox='0 40 {w} {h - 40}'>{"".join(parts)}</svg>
    <div class='lg'>{"".join(legend)}</div></div>"""
    image = ctx.shoot(page(body, css), rng.choice([1.0, 1.25, 1.5]))
    return Shot(image, truth("line", series), rng.choice([None, 85]))


# ---------------------------------------------------------------- 6 sns_talk_baseline_lines
def sns_talk_baseline_lines(rng: random.Random, ctx: Ctx) -> Shot:
    import seaborn as sns

    log_x = rng.random() < 0.5
    if log_x:
        xs = rng.choice([[1, 2, 5, 10, 20, 50], [10, 20, 50, 100, 200, 500], [1, 3, 10, 30, 100]])
        xlabel = rng.choice(["Training compute (PF-days)", "Tokens seen (B)"])
    else:
        xs = rng.choice([[0, 10, 20, 30, 40, 50], [1, 2, 3, 4, 5, 6, 7, 8], [0, 25, 50, 75, 100]])
        xlabel = rng.choice(["Steps (k)", "Epoch", "Percent of data (%)"])
    names = models(rng, rng.randint(2, 3))
    sns.set_theme(context="talk", style=rng.choice(["whitegrid", "darkgrid", "ticks"]))
    fig, ax = plt.subplots(figsize=(rng.uniform(8, 11), rng.uniform(5, 6.5)))
    palette = rng.choice(PALETTES)
    series = {}
    trend = [rng.uniform(2, 9) for _ in xs]
    order = rng.sample(range(len(names)), len(names))  # offsets: lines never cross
    for k, name in enumerate(names):
        y = 10 + 11 * order[k] + rng.uniform(0, 3)
        ys = []
        for step in trend:
            y = min(95.0, y + step + rng.uniform(-1, 1))
            ys.append(round(y))
        series[name] = [[x, v] for x, v in zip(xs, ys, strict=True)]
        ax.plot(xs, ys, marker="o", label=name, color=palette[k], linewidth=2.5)
    base = rng.choice([50, 60, 70])
    ax.axhline(base, color="#555", linestyle="--", linewidth=1.5)
    ax.text(xs[0], base + 1.5, rng.choice(["human baseline", "target", "random-init best"]),
            fontsize=13, color="#555")  # fmt: skip
    if log_x:
        ax.set_xscale("log")
    ax.set_xticks(xs, [f"{x:g}" for x in xs])
    ax.minorticks_off()
    ax.set_ylim(0, 100)
    ax.set_yticks(range(0, 101, 10))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(rng.choice(["Accuracy (%)", "MMLU (%)", "Pass@1 (%)"]))
    ax.legend(fontsize=13, loc=rng.choice(["lower right", "upper left"]))
    sns.reset_orig()
    image = fig_image(fig, rng.choice([80, 100]))
    return Shot(image, truth("line", series, log_x), rng.choice([None, 75]))


# ---------------------------------------------------------------- 7 pygal_neon_hbar
def pygal_neon_hbar(rng: random.Random, ctx: Ctx) -> Shot:
    import pygal
    from pygal.style import DarkStyle, LightColorizedStyle, NeonStyle

    style_cls = rng.choice([DarkStyle, NeonStyle, LightColorizedStyle])
    style = style_cls(value_font_size=14, label_font_size=14, major_label_font_size=14,
                      legend_font_size=14, title_font_size=18,
                      font_family=rng.choice(["DejaVu Sans", "Roboto", "Open Sans"]))  # fmt: skip
    cats = rng.sample(BENCHES, rng.randint(3, 6))
    names = models(rng, rng.randint(1, 2))
    chart = pygal.HorizontalBar(
        style=style,
        width=rng.randint(700, 950),
        height=rng.randint(420, 560),
        print_values=True,
        value_formatter=lambda v: f"{v:.1f}",
        title=rng.choice(["Benchmark comparison", "Scores (%)", "Eval summary"]),
        legend_at_bottom=True,
        range=(0, 100),
        explicit_size=True,
        js=[],
    )
    chart.x_labels = cats
    series = {}
    for name in names:
        vals = values(rng, len(cats), 20, 90)
        chart.add(name, vals)
        series[name] = [[c, v] for c, v in zip(cats, vals, strict=True)]
    svg = chart.render(is_unicode=True)
    body = f"<div id='shot' style='width:{chart.config.width}px'>{svg}</div>"
    bg = "#000" if style_cls is not LightColorizedStyle else "#fff"
    image = ctx.shoot(page(body, "svg{display:block}", bg), rng.choice([1.0, 1.5]))
    return Shot(image, truth("hbar", series))


# ---------------------------------------------------------------- 8 screen_photo_columns
def screen_photo_columns(rng: random.Random, ctx: Ctx) -> Shot:
    n = rng.randint(4, 7)
    cats = models(rng, n)
    vals = values(rng, n, 20, 85)
    bench = rng.choice(["MMLU", "ARC-C", "HellaSwag", "GSM8K"])
    fig, ax = plt.subplots(figsize=(rng.uniform(8, 10), 5.2))
    ax.bar(range(n), vals, color=rng.choice(PALETTES)[:n] if rng.random() < 0.5 else "#4c72b0")
    for i, v in enumerate(vals):
        ax.text(i, v + 1.2, f"{v:.1f}", ha="center", fontsize=13)
    ax.set_xticks(range(n), cats, fontsize=11, rotation=rng.choice([0, 15]))
    ax.set_ylim(0, 100)
    ax.set_ylabel(f"{bench} (%)", fontsize=13)
    ax.set_title(f"{bench} by model", fontsize=15)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    src = np.asarray(fig_image(fig, 130)).astype(np.float32)
    w = src.shape[1]
    # A monitor photographed: bezel, keystone, screen glow, sensor noise, slight blur.
    bez = int(0.05 * w)
    screen = cv2.copyMakeBorder(src, bez, bez, bez, bez, cv2.BORDER_CONSTANT, value=(25, 25, 28))
    sh, sw = screen.shape[:2]
    pad = int(0.08 * sw)
    cw, ch = sw + 2 * pad, sh + 2 * pad
    k = rng.uniform(0.02, 0.06)
    quad = np.float32([[0, 0], [sw, 0], [sw, sh], [0, sh]])
    dst = np.float32(
        [
            [pad + sw * k, pad + sh * k * rng.uniform(0, 1)],
            [pad + sw * (1 - k * rng.uniform(0, 0.5)), pad],
            [pad + sw, pad + sh * (1 - k * rng.uniform(0, 1))],
            [pad, pad + sh],
        ]
    )
    m = cv2.getPerspectiveTransform(quad, dst)
    room = tuple(float(rng.uniform(30, 70)) for _ in range(3))
    photo = cv2.warpPerspective(screen * 0.92 + 10, m, (cw, ch), borderValue=room)
    yy, xx = np.mgrid[0:ch, 0:cw].astype(np.float32)
    stripes = 1.0 + 0.025 * np.sin((xx * 0.9 + yy * 0.35) * rng.uniform(0.8, 1.3))
    photo = photo * stripes[..., None] * np.array([1.0, rng.uniform(0.96, 1.02), 0.97])
    nprng = np.random.default_rng(rng.randrange(2**32))
    photo += nprng.normal(0, 5, photo.shape)
    image = Image.fromarray(np.clip(photo, 0, 255).astype(np.uint8))
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.0)))
    target = rng.randint(1000, 1400)
    image = image.resize((target, int(image.height * target / image.width)), Image.LANCZOS)
    series = {bench: [[c, v] for c, v in zip(cats, vals, strict=True)]}
    return Shot(image, truth("bar", series), rng.randint(60, 80))


LOOKS = [
    ("fte_hbar_labels", fte_hbar_labels),
    ("vega_labelled_logx_lines", vega_labelled_logx_lines),
    ("bmh_grouped_columns", bmh_grouped_columns),
    ("keynote_dark_columns", keynote_dark_columns),
    ("excel_svg_line_labels", excel_svg_line_labels),
    ("sns_talk_baseline_lines", sns_talk_baseline_lines),
    ("pygal_neon_hbar", pygal_neon_hbar),
    ("screen_photo_columns", screen_photo_columns),
]


def generate(out: Path, count: int = 24, seed: int = 127000) -> dict:
    from blind17_io import generate as _generate

    return _generate("charts", LOOKS, out, count, seed)


if __name__ == "__main__":
    run_cli("charts", LOOKS, 24, 127000)
