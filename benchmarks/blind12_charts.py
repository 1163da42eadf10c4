"""The twelfth blind test set of charts, written without reading the reader or any other
generator. Eight looks, three charts each in turn:

- canvas_tooltip: columns drawn on a canvas the way Chart.js draws them (rounded tops, a
  legend box on top), a tooltip frozen open over one column;
- sheets_titlebar: grouped columns like a spreadsheet's chart, a title bar above, the
  legend on the right, no value labels;
- wrapped_hbar_jpeg: horizontal bars whose long names wrap over two lines, the value after
  each bar's end, saved as JPEG;
- broken_axis_columns: labelled columns on a y axis broken between zero and the scores;
- band_target_lines: lines with markers over training tokens, a shaded band around each,
  a dashed target line across;
- grafana_legend_table: a dark time-series panel of lines without markers, a legend table
  (mean, max, last) under the plot;
- loglog_upper_left: lines with markers on log-log axes (compute against perplexity), the
  legend inside the plot's upper left;
- logy_epochs: seaborn lines over epochs on a log y axis, no markers.

    python benchmarks/blind12_charts.py OUT_DIR [--count 24] [--seed 107000]
"""

from __future__ import annotations

import io
import json
import math
import random
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind12_data import Look, command_line, generate_set, make_models, page
from browser import Browser

PALETTES = [["#4285f4", "#ea4335", "#fbbc04", "#34a853"],
            ["#5470c6", "#91cc75", "#fac858", "#ee6666"],
            ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"],
            ["#6d28d9", "#0891b2", "#db2777", "#65a30d"]]
BENCH_NAMES = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "HellaSwag", "MATH", "BBH", "DROP",
               "MBPP", "GPQA", "IFEval", "TriviaQA"]


def model_names(rng: random.Random, count: int) -> list[str]:
    return [m.name for m in make_models(rng, count)]


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    step = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= step)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + 1e-9:
        ticks.append(round(value, 6))
        value += step
    return ticks


def saved_as(jpeg: bool) -> dict:
    return {"jpeg": jpeg, "scale": 1.0}


def figure_image(figure: plt.Figure, dpi: int) -> Image.Image:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", pad_inches=0.25,
                   facecolor=figure.get_facecolor())
    plt.close(figure)
    return Image.open(buffer).convert("RGB")


def canvas_tooltip(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    names = model_names(rng, rng.randint(4, 7))
    values = [round(rng.uniform(30, 80), 1) for _ in names]
    measure = rng.choice(["MMLU", "GSM8K", "HumanEval", "ARC-C", "MATH"])
    colour = rng.choice(["rgba(54,162,235,0.75)", "rgba(255,99,132,0.75)",
                         "rgba(75,192,192,0.8)", "rgba(153,102,255,0.75)"])
    # the tooltip opens over the tallest column, so that it hides no column's top
    tip = max(range(len(names)), key=lambda i: values[i])
    width, height = rng.choice([(720, 420), (860, 460), (640, 400)])
    data = json.dumps({"names": names, "values": values, "measure": measure, "colour": colour,
                       "tip": tip, "w": width, "h": height})
    # (a function of its own: the browser reuses one page, whose globals outlive a shot)
    script = """<script>(()=>{
const d=DATA;const c=document.getElementById('c');c.width=d.w;c.height=d.h;
const g=c.getContext('2d');g.fillStyle='#fff';g.fillRect(0,0,d.w,d.h);
const L=60,R=20,T=50,B=120;const ceil=100;const pw=d.w-L-R,ph=d.h-T-B;
g.font='12px "Open Sans"';g.textAlign='right';g.textBaseline='middle';
for(let v=0;v<=ceil;v+=20){const y=T+ph-(v/ceil)*ph;g.strokeStyle='rgba(0,0,0,0.1)';
g.beginPath();g.moveTo(L,y);g.lineTo(L+pw,y);g.stroke();g.fillStyle='#666';g.fillText(v,L-8,y);}
const n=d.names.length,slot=pw/n,bw=slot*0.6;
d.values.forEach((v,i)=>{const x=L+i*slot+(slot-bw)/2,h=(v/ceil)*ph,y=T+ph-h;
g.fillStyle=d.colour;g.beginPath();g.roundRect(x,y,bw,h,[6,6,0,0]);g.fill();
g.save();g.translate(L+i*slot+slot/2,T+ph+10);g.rotate(-0.5);g.textAlign='right';
g.textBaseline='top';g.fillStyle='#666';g.fillText(d.names[i],0,0);g.restore();});
g.fillStyle=d.colour;g.fillRect(d.w/2-40,16,36,12);g.fillStyle='#666';g.textAlign='left';
g.fillText(d.measure,d.w/2+2,22);
const i=d.tip,v=d.values[i],x=L+i*slot+slot/2,y=T+ph-(v/ceil)*ph;
const lines=[d.names[i],d.measure+': '+v.toFixed(1)];g.font='bold 12px "Open Sans"';
const tw=Math.max(...lines.map(s=>g.measureText(s).width))+36;
const tx=Math.min(Math.max(x-tw/2,4),d.w-tw-4),ty=y-52;
g.fillStyle='rgba(0,0,0,0.8)';g.beginPath();g.roundRect(tx,ty,tw,44,6);g.fill();
g.fillStyle='#fff';g.fillText(lines[0],tx+8,ty+13);g.font='12px "Open Sans"';
g.fillStyle=d.colour;g.fillRect(tx+8,ty+26,10,10);g.fillStyle='#fff';
g.fillText(lines[1],tx+24,ty+31);
})()</script>""".replace("DATA", data)
    shot = page(f"<div id='shot'><canvas id='c'></canvas></div>{script}", "")
    truth = {"kind": "bar", "log_x": False,
             "series": {measure: [[n, v] for n, v in zip(names, values, strict=True)]}}
    return browser.shoot(shot, 1.0), truth, saved_as(False)


def svg_text(x: float, y: float, text: str, size: int, anchor: str = "middle",
             fill: str = "#444", weight: str = "normal") -> str:
    return (f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' text-anchor='{anchor}' "
            f"fill='{fill}' font-weight='{weight}'>{text}</text>")


def sheets_titlebar(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    categories = rng.sample(BENCH_NAMES, rng.randint(3, 5))
    series = model_names(rng, rng.randint(2, 3))
    values = {s: [round(rng.uniform(20, 90), 1) for _ in categories] for s in series}
    colours = rng.choice(PALETTES)
    width, height = rng.choice([(800, 440), (900, 480), (700, 420)])
    left, right, top, bottom = 56, 190, 64, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    ceiling = 100
    parts = [f"<rect width='{width}' height='{height}' fill='#fff'/>"]
    title = rng.choice(["Benchmark scores by model", "Eval results", "Accuracy per benchmark"])
    parts.append(svg_text(left, 34, title, 18, "start", "#222"))
    for tick in range(0, ceiling + 1, 20):
        y = top + plot_h - tick / ceiling * plot_h
        parts.append(f"<line x1='{left}' x2='{left + plot_w}' y1='{y}' y2='{y}' "
                     "stroke='#e0e0e0'/>")
        parts.append(svg_text(left - 8, y + 4, str(tick), 12, "end", "#555"))
    slot = plot_w / len(categories)
    bar = slot * 0.7 / len(series)
    for c, category in enumerate(categories):
        for s, name in enumerate(series):
            value = values[name][c]
            x = left + c * slot + slot * 0.15 + s * bar
            h = value / ceiling * plot_h
            parts.append(f"<rect x='{x:.1f}' y='{top + plot_h - h:.1f}' width='{bar - 1:.1f}' "
                         f"height='{h:.1f}' fill='{colours[s]}'/>")
        parts.append(svg_text(left + c * slot + slot / 2, top + plot_h + 20, category, 12))
    for s, name in enumerate(series):
        y = top + 20 + s * 24
        parts.append(f"<circle cx='{left + plot_w + 24}' cy='{y - 4}' r='6' "
                     f"fill='{colours[s]}'/>")
        parts.append(svg_text(left + plot_w + 36, y, name, 12, "start", "#333"))
    bar_html = ("<div class='tb'><span>Chart editor</span><span>⋮</span></div>"
                if rng.random() < 0.6 else "")
    svg = (f"<svg width='{width}' height='{height}' font-family='Roboto'>{''.join(parts)}"
           "</svg>")
    css = ("#shot{border:1px solid #dadce0;background:#fff}.tb{display:flex;justify-content:"
           "space-between;padding:6px 12px;font:13px Roboto;color:#5f6368;background:#f8f9fa;"
           "border-bottom:1px solid #dadce0}")
    shot = page(f"<div id='shot'>{bar_html}{svg}</div>", css)
    truth = {"kind": "bar", "log_x": False,
             "series": {s: [[c, v] for c, v in zip(categories, values[s], strict=True)]
                        for s in series}}
    return browser.shoot(shot, rng.choice([1.0, 1.25])), truth, saved_as(False)


def wrapped_hbar_jpeg(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    base = model_names(rng, rng.randint(4, 7))
    tails = ["(preview)", "with tool use", "long-context edition", "reasoning mode",
             "distilled", "instruction tuned", "(April release)"]
    names = [f"{n} {rng.choice(tails)}" for n in base]
    values = [round(rng.uniform(25, 92), 1) for _ in names]
    measure = rng.choice(["GPQA accuracy (%)", "Pass@1 on HumanEval", "MATH score",
                          "Average score"])
    colour = rng.choice(["#0f766e", "#b45309", "#1d4ed8", "#9333ea"])
    width = rng.choice([620, 720, 820])
    rows = "".join(
        f"<div class='r'><div class='n'>{n}</div><div class='t'><div class='b' "
        f"style='width:{v}%'></div><span>{v:.1f}</span></div></div>"
        for n, v in zip(names, values, strict=True))
    css = (f"#shot{{width:{width}px;padding:20px;background:#fff;font-family:'Open Sans'}}"
           "h3{margin:0 0 14px;font-size:18px}.r{display:flex;align-items:center;"
           "margin:8px 0}.n{width:150px;font-size:13px;line-height:1.25;color:#333;"
           "text-align:right;padding-right:10px}.t{flex:1;display:flex;align-items:center;"
           f"border-left:1px solid #999}}.b{{height:26px;background:{colour}}}"
           ".t span{font-size:13px;margin-left:6px;color:#222}")
    shot = page(f"<div id='shot'><h3>{measure}</h3>{rows}</div>", css)
    truth = {"kind": "hbar", "log_x": False,
             "series": {measure: [[n, v] for n, v in zip(names, values, strict=True)]}}
    return browser.shoot(shot, 1.0), truth, saved_as(True)


def broken_axis_columns(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    names = model_names(rng, rng.randint(4, 6))
    values = [round(rng.uniform(62, 91), 1) for _ in names]
    measure = rng.choice(["MMLU", "HellaSwag", "ARC-C", "TriviaQA"])
    colour = rng.choice(["#4c72b0", "#dd8452", "#55a868", "#8172b3"])
    figure, (upper, lower) = plt.subplots(
        2, 1, sharex=True, figsize=(rng.uniform(6, 8), 4.6),
        gridspec_kw={"height_ratios": [4, 1], "hspace": 0.08})
    for axis in (upper, lower):
        axis.bar(names, values, color=colour, width=0.6)
    upper.set_ylim(55, 95)
    lower.set_ylim(0, 10)
    upper.spines["bottom"].set_visible(False)
    lower.spines["top"].set_visible(False)
    upper.tick_params(bottom=False)
    for axis in (upper, lower):
        axis.spines["right"].set_visible(False)
    upper.spines["top"].set_visible(False)
    marks = {"marker": [(-1, -0.5), (1, 0.5)], "markersize": 10, "linestyle": "none",
             "color": "k", "mec": "k", "mew": 1, "clip_on": False}
    upper.plot([0], [0], transform=upper.transAxes, **marks)
    lower.plot([0], [1], transform=lower.transAxes, **marks)
    for name, value in zip(names, values, strict=True):
        upper.text(name, value + 0.6, f"{value:.1f}", ha="center", fontsize=9)
    upper.set_ylabel(f"{measure} (%)")
    upper.set_title(f"{measure} accuracy", fontsize=12)
    plt.setp(lower.get_xticklabels(), rotation=rng.choice([0, 20]), fontsize=8)
    figure.subplots_adjust(bottom=0.18)
    truth = {"kind": "bar", "log_x": False,
             "series": {measure: [[n, v] for n, v in zip(names, values, strict=True)]}}
    return figure_image(figure, rng.choice([90, 110])), truth, saved_as(False)


def rising(rng: random.Random, xs: list[float], low: float, high: float) -> list[float]:
    """A score that rises with x and flattens, with a little noise, one decimal."""
    start, end = rng.uniform(low, low + 10), rng.uniform(high - 15, high)
    span = len(xs) - 1
    return [round(start + (end - start) * (1 - math.exp(-3 * i / span)) / (1 - math.exp(-3))
                  + rng.uniform(-1.5, 1.5), 1) for i in range(len(xs))]


def band_target_lines(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    xs = [float(x) for x in range(100, 100 * (rng.randint(6, 9) + 1), 100)]
    names = model_names(rng, rng.randint(2, 3))
    measure = rng.choice(["MMLU", "ARC-C", "GSM8K"])
    series = {n: rising(rng, xs, 30, 80) for n in names}
    target = rng.choice([60, 65, 70, 75])
    style = rng.choice(["default", "seaborn-v0_8-whitegrid", "ggplot"])
    with plt.style.context(style):
        figure, axis = plt.subplots(figsize=(rng.uniform(6.5, 8), 4.5))
        for name, ys in series.items():
            line, = axis.plot(xs, ys, marker=rng.choice(["o", "s", "D"]), label=name)
            axis.fill_between(xs, [y - 2.5 for y in ys], [y + 2.5 for y in ys],
                              color=line.get_color(), alpha=0.18, linewidth=0)
        axis.axhline(target, color="#555", linestyle="--", linewidth=1.2)
        axis.text(xs[0], target + 0.8, f"target {target}", color="#555", fontsize=9)
        axis.set_xlabel("Training tokens (B)")
        axis.set_ylabel(f"{measure} (%)")
        axis.legend(loc="lower right")
        image = figure_image(figure, 100)
    truth = {"kind": "line", "log_x": False,
             "series": {n: [[x, y] for x, y in zip(xs, ys, strict=True)]
                        for n, ys in series.items()}}
    return image, truth, saved_as(False)


def grafana_legend_table(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    xs = [float(x) for x in range(0, rng.choice([20, 25, 30]) + 1, rng.choice([1, 5]))]
    xs = xs if len(xs) > 4 else [float(x) for x in range(0, 21, 2)]
    names = [f"{rng.choice(['run', 'exp', 'job'])}-{n.lower().replace(' ', '-')}"
             for n in model_names(rng, rng.randint(2, 4))]
    measure = rng.choice(["eval accuracy", "MMLU", "pass rate"])
    series = {n: rising(rng, xs, 20, rng.uniform(55, 92)) for n in names}
    colours = ["#73bf69", "#f2cc0c", "#5794f2", "#ff780a"]
    figure = plt.figure(figsize=(8.5, 5.2), facecolor="#181b1f")
    axis = figure.add_axes((0.08, 0.38, 0.9, 0.52), facecolor="#181b1f")
    for i, ys in enumerate(series.values()):
        axis.plot(xs, ys, color=colours[i], linewidth=1.6)
        axis.fill_between(xs, ys, [0] * len(ys), color=colours[i], alpha=0.06)
    axis.set_ylim(0, 100)
    axis.grid(color="#2c3235")
    axis.tick_params(colors="#9fa7b3", labelsize=9)
    for spine in axis.spines.values():
        spine.set_visible(False)
    axis.set_xlabel("step (k)", color="#9fa7b3", fontsize=9)
    figure.text(0.02, 0.95, measure, color="#d8d9da", fontsize=12, weight="bold")
    columns = [0.12, 0.62, 0.75, 0.88]
    for x, head in zip(columns, ["Name", "Mean", "Max", "Last"], strict=True):
        figure.text(x, 0.25, head, color="#5794f2", fontsize=9)
    for i, (name, ys) in enumerate(series.items()):
        y = 0.2 - i * 0.05
        figure.patches.append(plt.Rectangle((0.09, y + 0.005), 0.02, 0.01, color=colours[i],
                                            transform=figure.transFigure, figure=figure))
        row = [name, f"{sum(ys) / len(ys):.1f}", f"{max(ys):.1f}", f"{ys[-1]:.1f}"]
        for x, text in zip(columns, row, strict=True):
            figure.text(x, y, text, color="#d8d9da", fontsize=9)
    truth = {"kind": "line", "log_x": False,
             "series": {n: [[x, y] for x, y in zip(xs, ys, strict=True)]
                        for n, ys in series.items()}}
    return figure_image(figure, 100), truth, saved_as(rng.random() < 0.3)


def loglog_upper_left(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    exponents = range(rng.choice([18, 19]), rng.choice([23, 24]))
    xs = [float(f"{m}e{e}") for e in exponents for m in (1, 3)]
    names = model_names(rng, rng.randint(2, 3))
    series = {}
    for name in names:
        scale, slope = rng.uniform(30, 60), rng.uniform(0.12, 0.2)
        series[name] = [round(scale * (x / xs[0]) ** -slope, 1) for x in xs]
    figure, axis = plt.subplots(figsize=(rng.uniform(6, 7.5), 4.6))
    for name, ys in series.items():
        axis.plot(xs, ys, marker=rng.choice(["o", "^", "s"]), label=name, linewidth=1.4)
    axis.set_xscale("log")
    axis.set_yscale("log")
    # room above the lines, so that the legend in the corner covers no point
    axis.set_ylim(min(min(ys) for ys in series.values()) * 0.8,
                  max(max(ys) for ys in series.values()) * 2.5)
    axis.set_xlabel("Training compute (FLOPs)")
    axis.set_ylabel("Validation perplexity")
    axis.grid(True, which="major", alpha=0.3)
    axis.legend(loc="upper left", fontsize=9)
    truth = {"kind": "line", "log_x": True, "log_y": True,
             "series": {n: [[x, y] for x, y in zip(xs, ys, strict=True)]
                        for n, ys in series.items()}}
    return figure_image(figure, rng.choice([90, 110])), truth, saved_as(False)


def logy_epochs(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    import seaborn as sns

    xs = [float(x) for x in range(1, rng.randint(8, 12) + 1)]
    names = model_names(rng, rng.randint(2, 4))
    series = {}
    for name in names:
        start, floor = rng.uniform(40, 90), rng.uniform(4, 12)
        series[name] = [round(floor + (start - floor) * math.exp(-0.45 * (x - 1)), 1)
                        for x in xs]
    with sns.axes_style(rng.choice(["whitegrid", "ticks", "darkgrid"])):
        figure, axis = plt.subplots(figsize=(rng.uniform(6, 7.5), 4.4))
        for name, ys in series.items():
            axis.plot(xs, ys, label=name, linewidth=2)
        axis.set_yscale("log")
        axis.set_xlabel("Epoch")
        axis.set_ylabel("Perplexity (log scale)")
        axis.legend(title=None, loc="upper right")
        sns.despine(figure)
        image = figure_image(figure, 100)
    truth = {"kind": "line", "log_x": False, "log_y": True,
             "series": {n: [[x, y] for x, y in zip(xs, ys, strict=True)]
                        for n, ys in series.items()}}
    return image, truth, saved_as(rng.random() < 0.4)


# a look's style is its function's name
LOOKS: list[tuple[str, Look]] = [(look.__name__, look) for look in [
    canvas_tooltip, band_target_lines, sheets_titlebar, grafana_legend_table,
    wrapped_hbar_jpeg, loglog_upper_left, broken_axis_columns, logy_epochs]]


def generate(out: Path, count: int, seed: int) -> dict:
    return generate_set(out, count, seed, "charts", LOOKS)


if __name__ == "__main__":
    command_line(__doc__, generate, 24, 107000)
