"""The ninth blind test set of charts (blind9), written without reading the reader or any
other generator. Eight looks, in turn:

- grayscale_labelled_hbars: matplotlib "grayscale" horizontal bars, each value at its end
- petroff_logx_markers: matplotlib "petroff10" lines with markers on a log axis of parameters
- css_grouped_columns: HTML/CSS grouped columns with a legend and a gridded value axis
- pastel_grouped_jpeg: seaborn-pastel grouped columns labelled on top, saved as JPEG
- svg_night_lines: a hand-written dark SVG panel of lines without markers against steps
- quarter_lines: lines over release quarters printed as categories, whitegrid style
- slide_gradient_hbars: labelled CSS horizontal bars on a dark gradient slide
- classic_logx_lines: matplotlib "classic" lines without markers against training tokens
  on a log axis

Truth rules: ``kind`` is bar, hbar or line; a bar's x is its category as printed, a line's
x its number in the axis's own unit (billions of parameters, thousands of steps, trillions
of tokens) or the category printed under it; y is the printed label where a bar has one,
else the value drawn. A chart with one series names it after what it measures.
"""

from __future__ import annotations

import io
import math
import random
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind9_data import BENCHES, FAMILIES, command_line, css, generate_looks, shoot


def figure_image(fig: plt.Figure, dpi: int) -> Image.Image:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return Image.open(buffer).convert("RGB")


def model_labels(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(FAMILIES)}{rng.choice(['', '-2', ' 3', '-Pro', ' Lite'])}"
        if name not in names:
            names.append(name)
    return names


def truth(kind: str, series: dict, log_x: bool = False) -> dict:
    return {"kind": kind, "log_x": log_x, "series": series}


def grayscale_labelled_hbars(rng: random.Random) -> tuple[Image.Image, dict]:
    metric = rng.choice(["MMLU", "GSM8K", "HumanEval", "ARC-C"])
    labels = model_labels(rng, rng.randint(4, 8))
    values = sorted(round(rng.uniform(25, 90), 1) for _ in labels)
    with plt.style.context("grayscale"):
        fig, ax = plt.subplots(figsize=(rng.uniform(5, 8), 0.45 * len(labels) + 1.2))
        bars = ax.barh(labels, values)
        ax.bar_label(bars, labels=[f"{v:.1f}" for v in values], padding=3)
        ax.set_xlabel(f"{metric} accuracy (%)")
        ax.set_xlim(0, 100)
        ax.set_title(f"{metric} by model")
    image = figure_image(fig, rng.choice([90, 110, 130]))
    return image, truth("hbar", {metric: [[n, v] for n, v in zip(labels, values, strict=True)]})


def petroff_logx_markers(rng: random.Random) -> tuple[Image.Image, dict]:
    sizes = sorted(rng.sample([0.5, 1, 2, 3, 7, 8, 14, 30, 70, 110, 180], rng.randint(4, 6)))
    series = {}
    style = "petroff10" if "petroff10" in plt.style.available else "tableau-colorblind10"
    with plt.style.context(style):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 7.5), rng.uniform(3.5, 4.8)))
        for family in model_labels(rng, rng.randint(2, 3)):
            start, slope = rng.uniform(25, 45), rng.uniform(5, 11)
            ys = [round(min(95.0, start + slope * (s / sizes[0]) ** 0.25 - slope), 1)
                  for s in sizes]
            ax.plot(sizes, ys, marker=rng.choice("osD^"), label=family)
            series[family] = [[s, y] for s, y in zip(sizes, ys, strict=True)]
        ax.set_xscale("log")
        if rng.random() < 0.5:  # the sizes themselves as ticks, not powers of ten
            ax.set_xticks(sizes, [f"{s:g}B" for s in sizes])
            ax.minorticks_off()
        ax.set_xlabel("Parameters (B)")
        ax.set_ylabel(rng.choice(["MMLU", "Average score"]))
        ax.legend()
        ax.grid(True, which="major", alpha=0.4)
    return figure_image(fig, rng.choice([100, 120])), truth("line", series, log_x=True)


# CSS grouped columns: $h the plot's height, $bar a column's width, $label the offset of
# the category names below the columns
COLUMNS_CSS = (
    "#shot{display:inline-block;padding:20px 30px;background:#fff;font-family:'Roboto';"
    "font-size:13px;color:#444}.leg span{margin-right:16px}.leg i{display:inline-block;"
    "width:11px;height:11px;margin-right:5px}.plot{position:relative;height:${h}px;"
    "margin:18px 0 0 34px;display:flex;gap:34px;align-items:flex-end;padding:0 20px;"
    "border-bottom:1px solid #999}.t{position:absolute;left:0;right:0;border-top:1px solid "
    "#e5e5e5}.t span{position:absolute;left:-32px;top:-8px;width:26px;text-align:right}"
    ".g{position:relative}.bars{display:flex;gap:3px;align-items:flex-end;height:${h}px}"
    ".b{width:${bar}px}.lab{position:absolute;top:${label}px;width:100%;text-align:center}"
)


def css_grouped_columns(rng: random.Random) -> tuple[Image.Image, dict]:
    models = model_labels(rng, rng.randint(2, 3))
    benches = rng.sample(["MMLU", *BENCHES[:8]], rng.randint(3, 5))
    colours = rng.sample(["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2"], len(models))
    values = {m: [round(rng.uniform(15, 95)) for _ in benches] for m in models}
    height = 300
    groups = "".join(
        "<div class=g><div class=bars>"
        + "".join(f"<div class=b style='height:{values[m][i] * height / 100}px;"
                  f"background:{c}'></div>" for m, c in zip(models, colours, strict=True))
        + f"</div><div class=lab>{b}</div></div>" for i, b in enumerate(benches))
    ticks = "".join(f"<div class=t style='bottom:{v * height / 100}px'><span>{v}</span></div>"
                    for v in range(0, 101, 20))
    legend = "".join(f"<span><i style='background:{c}'></i>{m}</span>"
                     for m, c in zip(models, colours, strict=True))
    style = css(COLUMNS_CSS, h=height, bar=rng.randint(18, 30), label=height + 6)
    title = rng.choice(["Benchmark scores", "Results (%)", "Head to head"])
    body = (f"<div id=shot><b style='font-size:16px'>{title}</b><div class=leg "
            f"style='margin-top:8px'>{legend}</div><div class=plot>{ticks}{groups}</div>"
            f"<div style='height:30px'></div></div>")
    series = {m: [[b, v] for b, v in zip(benches, values[m], strict=True)] for m in models}
    return shoot(body, style, rng.choice([1, 1.5])), truth("bar", series)


def pastel_grouped_jpeg(rng: random.Random) -> tuple[Image.Image, dict]:
    models = model_labels(rng, rng.randint(2, 4))
    benches = rng.sample(BENCHES[:10], rng.randint(2, 4))
    series = {}
    with plt.style.context("seaborn-v0_8-pastel"):
        fig, ax = plt.subplots(figsize=(rng.uniform(6, 9), rng.uniform(3.5, 4.5)))
        width = 0.8 / len(models)
        for k, model in enumerate(models):
            ys = [round(rng.uniform(20, 92), 1) for _ in benches]
            xs = [i + (k - (len(models) - 1) / 2) * width for i in range(len(benches))]
            bars = ax.bar(xs, ys, width, label=model)
            ax.bar_label(bars, labels=[f"{y:.1f}" for y in ys], fontsize=8, padding=2)
            series[model] = [[b, y] for b, y in zip(benches, ys, strict=True)]
        ax.set_xticks(range(len(benches)), benches)
        ax.set_ylim(0, 105)
        ax.set_ylabel("Score")
        ax.legend(ncol=len(models), loc="upper center", bbox_to_anchor=(0.5, 1.13), frameon=False)
    image = figure_image(fig, rng.choice([90, 110]))
    return image, truth("bar", series)


def svg_night_lines(rng: random.Random) -> tuple[Image.Image, dict]:
    width, height, left, top = 640, 360, 60, 40
    steps = list(range(0, 101, 10))
    colours = ["#7aa2f7", "#f7768e", "#9ece6a", "#e0af68"]
    series, paths, legend = {}, [], []
    for k, name in enumerate(model_labels(rng, rng.randint(2, 3))):
        start, gain = rng.uniform(10, 25), rng.uniform(30, 50)
        rate = rng.uniform(0.02, 0.06)
        ys = [round(start + gain * (1 - 2.718 ** (-rate * s)), 1) for s in steps]
        series[name] = [[s, y] for s, y in zip(steps, ys, strict=True)]
        points = " ".join(f"{left + s * width / 100:.1f},{top + height - y * height / 80:.1f}"
                          for s, y in zip(steps, ys, strict=True))
        paths.append(f"<polyline points='{points}' fill='none' stroke='{colours[k]}' "
                     "stroke-width='2.5'/>")
        legend.append(f"<rect x='{left + 20}' y='{top + 12 + 22 * k}' width='14' height='3' "
                      f"fill='{colours[k]}'/><text x='{left + 40}' y='{top + 18 + 22 * k}'>"
                      f"{name}</text>")
    grid = "".join(
        f"<line x1='{left}' x2='{left + width}' y1='{top + height - v * height / 80}' "
        f"y2='{top + height - v * height / 80}' stroke='#2f3549'/><text x='{left - 10}' "
        f"y='{top + height - v * height / 80 + 4}' text-anchor='end'>{v}</text>"
        for v in range(0, 81, 20))
    xticks = "".join(f"<text x='{left + s * width / 100}' y='{top + height + 20}' "
                     f"text-anchor='middle'>{s}k</text>" for s in range(0, 101, 20))
    metric = rng.choice(["GSM8K", "MATH", "HumanEval"])
    svg = (f"<svg width='{width + 100}' height='{height + 110}' font-family='DejaVu Sans' "
           f"font-size='12' fill='#a9b1d6'><rect width='100%' height='100%' fill='#1a1b26'/>"
           f"<text x='{left}' y='24' font-size='15' fill='#c0caf5'>{metric} during training"
           f"</text>{grid}{xticks}{''.join(paths)}{''.join(legend)}<text x='{left + width / 2}'"
           f" y='{top + height + 44}' text-anchor='middle'>training step</text></svg>")
    return shoot(f"<div id=shot style='display:inline-block'>{svg}</div>", "", 1), \
        truth("line", series)


def quarter_lines(rng: random.Random) -> tuple[Image.Image, dict]:
    start = rng.randint(22, 24)
    quarters = [f"Q{q} '{y}" for y in range(start, start + 3) for q in range(1, 5)]
    quarters = quarters[:rng.randint(5, 8)]
    metric = rng.choice(["MMLU", "GPQA", "Arena win rate"])
    series = {}
    with plt.style.context("seaborn-v0_8-whitegrid"):
        fig, ax = plt.subplots(figsize=(rng.uniform(6, 8), rng.uniform(3.5, 4.5)))
        lines = model_labels(rng, rng.randint(1, 3))
        for name in lines:
            y, ys = rng.uniform(30, 50), []
            for _ in quarters:
                y = min(95.0, y + rng.uniform(0, 8))
                ys.append(round(y, 1))
            label = metric if len(lines) == 1 else name
            ax.plot(quarters, ys, marker="o", label=label)
            series[label] = [[q, v] for q, v in zip(quarters, ys, strict=True)]
        ax.set_ylabel(metric)
        if len(lines) > 1:
            ax.legend()
        ax.set_title(f"Best open {metric} per quarter")
    return figure_image(fig, rng.choice([90, 110])), truth("line", series)


def slide_gradient_hbars(rng: random.Random) -> tuple[Image.Image, dict]:
    metric = rng.choice(["HumanEval", "MBPP", "GSM8K", "MMLU"])
    labels = model_labels(rng, rng.randint(4, 7))
    values = sorted((round(rng.uniform(20, 95), 1) for _ in labels), reverse=True)
    rows = "".join(
        f"<div class=r><div class=n>{n}</div><div class=track><div class=bar "
        f"style='width:{v}%'></div><span style='left:calc({v}% + 8px)'>{v:.1f}</span></div></div>"
        for n, v in zip(labels, values, strict=True))
    style = css("#shot{display:inline-block;width:${w}px;padding:40px 50px;"
                "background:linear-gradient(160deg,#0f2027,#203a43,#2c5364);color:#fff;"
                "font-family:'Open Sans'}h1{margin:0 0 26px;font-size:30px}"
                ".r{display:flex;align-items:center;margin:12px 0}.n{width:190px;"
                "font-size:18px}.track{position:relative;flex:1;height:28px}.bar{height:100%;"
                "background:#f9d56e;border-radius:0 6px 6px 0}.track span{position:absolute;"
                "top:2px;font-size:17px}", w=rng.randint(900, 1200))
    body = f"<div id=shot><h1>{metric} pass rate</h1>{rows}</div>"
    series = {metric: [[n, v] for n, v in zip(labels, values, strict=True)]}
    return shoot(body, style, 1), truth("hbar", series)


def classic_logx_lines(rng: random.Random) -> tuple[Image.Image, dict]:
    tokens = [0.1, 0.2, 0.5, 1, 2, 5, 10]
    series = {}
    with plt.style.context("classic"):
        fig, ax = plt.subplots(figsize=(rng.uniform(6, 8), rng.uniform(4, 5)))
        fig.patch.set_facecolor("white")
        for name in model_labels(rng, rng.randint(2, 4)):
            base, slope, bend = rng.uniform(25, 40), rng.uniform(8, 14), rng.uniform(0, 3)
            ys = [round(base + slope * math.log10(t / 0.1) - bend * math.log10(t / 0.1) ** 2, 1)
                  for t in tokens]
            ax.plot(tokens, ys, linewidth=2, label=name)
            series[name] = [[t, y] for t, y in zip(tokens, ys, strict=True)]
        ax.set_xscale("log")
        ax.set_xlim(0.1, 10)
        ax.set_xlabel("Training tokens (T)")
        ax.set_ylabel(rng.choice(["HellaSwag", "Average accuracy"]))
        ax.legend(loc="lower right", fontsize=10)
    return figure_image(fig, rng.choice([80, 100])), truth("line", series, log_x=True)


LOOKS = {look.__name__: look for look in (
    grayscale_labelled_hbars, petroff_logx_markers, css_grouped_columns, pastel_grouped_jpeg,
    svg_night_lines, quarter_lines, slide_gradient_hbars, classic_logx_lines)}


def generate(out: Path, count: int = 24, seed: int = 84000) -> dict:
    return generate_looks(out, count, seed, LOOKS, "charts",
                          lambda style: ".jpg" if style == "pastel_grouped_jpeg" else ".png")


if __name__ == "__main__":
    command_line(generate, 24, 84000)
