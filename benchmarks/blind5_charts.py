"""A fifth blind test set of benchmark charts (``blind5``), written by its own rules.

    python benchmarks/blind5_charts.py OUT_DIR [--count 24] [--seed 44000]

Written without reading the reader or any other generator. Eight styles, spread evenly
(chart ``i`` has style ``i % 8``):

- ``datawrapper_hbar``: a Datawrapper-like chart of horizontal bars sorted by score, drawn as
  HTML, a value at the end of each bar, no axis, title, subtitle and source line;
- ``excel_columns``: an Excel clustered column chart (2–4 series, legend below, Office
  colours, gridlines, data labels on some), drawn as SVG;
- ``keynote_dark``: a dark keynote slide with rounded grey bars and one accent bar, values
  above the bars ("49.2" or "49.2%"), no axis;
- ``observable_versions``: an Observable-Plot-like line chart of a benchmark over releases
  (versions or months along x, as categories), dotted markers, swatch legend on top, SVG;
- ``mpl_log_params``: matplotlib with its own rcParams (serif or sans fonts, no top and right
  spines), a benchmark against parameters on a log x axis (ticks 10⁰, 10¹, 10²), 2–4 model
  families with markers;
- ``seaborn_doc``: a seaborn grouped bar chart (hue) set in a Google-Docs-like page with a
  heading, text and a caption;
- ``reddit_jpeg``: bars drawn with PIL, posted in a Reddit-like post, then shrunk to
  480–680 px and saved as a rough JPEG;
- ``plotly_dark_tokens``: plotly's dark template (plotly.js bundled, nothing fetched), a
  benchmark against training tokens on a log x axis, lines with markers.

Truth (``OUT_DIR/truth.json``, file -> truth, the shape ``benchmarks/charts.py`` scores):
``kind`` ("bar", "hbar" or "line"), ``log_x``, ``series`` ({name: [[x, y], ...]}: a bar's x
is its category as printed, a line point's x its number, or its category where x is one),
``style``. A one-series bar chart's series is named after its benchmark; a line's series
after its legend entry. Line charts' x values are in the axis' own units (billions of
parameters or of tokens, as the axis title says).
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

from PIL import Image, ImageDraw, ImageFont

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

STYLES = ["datawrapper_hbar", "excel_columns", "keynote_dark", "observable_versions",
          "mpl_log_params", "seaborn_doc", "reddit_jpeg", "plotly_dark_tokens"]

MODELS = ["Kestrel-7B", "Marrow-8B", "Quillfin-6.7B", "Basalt-14B", "Tarn-20B", "Vireo-13B",
          "Halyard-40B", "Sorrel-65B", "Umbra-34B", "Lindqvist-70B", "Ostrea-9B", "Pennant-12B",
          "Cairn-32B", "Llama-2-13B", "Qwen1.5-7B", "Mistral-7B", "Yi-34B", "Gemma-7B"]
FAMILIES = ["Kestrel", "Marrow", "Basalt", "Tarn", "Vireo", "Sorrel", "Umbra", "Ostrea"]
BENCHMARKS = {"MMLU": (40, 82), "GSM8K": (15, 88), "HumanEval": (10, 72), "MATH": (4, 48),
              "ARC-C": (45, 90), "BBH": (30, 75), "C-Eval": (40, 85), "GPQA": (22, 42),
              "HellaSwag": (62, 89), "TriviaQA": (40, 78)}
OFFICE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"]
TABLEAU = ["#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#59a14f", "#edc949"]


def score(rng: random.Random, bench: str, strength: float) -> float:
    low, high = BENCHMARKS[bench]
    share = min(0.97, max(0.03, strength + rng.uniform(-0.12, 0.12)))
    return round(low + (high - low) * share, 1)


def label(value: float, percent: bool) -> str:
    return f"{value:.1f}%" if percent else f"{value:.1f}"


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """0 up to a round number above ``top``, in round steps."""
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < top:
        ticks.append(round(ticks[-1] + step, 6))
    return ticks


def tick_text(value: float) -> str:
    return f"{value:g}"


def png_uri(image: Image.Image) -> str:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def page(body: str, css: str, background: str = "#fff") -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>body{{margin:0;"
            f"background:{background}}} #shot{{display:inline-block}} {css}</style></head>"
            f"<body>{body}</body></html>")


def jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def resize_to(image: Image.Image, width: int) -> Image.Image:
    return image.resize((width, round(image.height * width / image.width)),
                        Image.Resampling.LANCZOS)


# --- bars ----------------------------------------------------------------------------------


def one_series(rng: random.Random, count: int) -> tuple[str, dict[str, float]]:
    bench = rng.choice(list(BENCHMARKS))
    models = rng.sample(MODELS, count)
    return bench, {m: score(rng, bench, rng.uniform(0.2, 0.9)) for m in models}


def grouped(rng: random.Random) -> tuple[list[str], dict[str, dict[str, float]]]:
    """Categories (benchmarks) and series (models), each model a little stronger or weaker
    than the others across the board."""
    benches = rng.sample(list(BENCHMARKS), rng.randint(3, 5))
    models = rng.sample(MODELS, rng.randint(2, 4))
    series = {}
    for model in models:
        strength = rng.uniform(0.25, 0.85)
        series[model] = {b: score(rng, b, strength) for b in benches}
    return benches, series


def datawrapper_hbar(rng: random.Random) -> tuple[str, dict]:
    bench, values = one_series(rng, rng.randint(5, 9))
    ordered = sorted(values.items(), key=lambda kv: -kv[1])
    highlight = rng.choice([m for m, _ in ordered])
    top = max(values.values())
    percent = rng.random() < 0.4
    font = rng.choice(["Roboto", "Open Sans", "Liberation Sans"])
    colour = rng.choice(["#1d81a2", "#3a6e8f", "#8a8a8a"])
    rows = "".join(
        f"<div class='r'><div class='n'>{m}</div><div class='b' style='width:{v / top * 360:.0f}px;"
        f"background:{'#c71e1d' if m == highlight else colour}'></div>"
        f"<div class='v'>{label(v, percent)}</div></div>" for m, v in ordered)
    css = f"""
    #shot {{padding:20px 24px;background:#fff;font-family:'{font}';color:#333;width:620px}}
    h3 {{margin:0 0 4px;font-size:19px}} .s {{color:#888;font-size:13px;margin-bottom:14px}}
    .r {{display:flex;align-items:center;height:30px}}
    .n {{width:150px;text-align:right;padding-right:10px;font-size:13px}}
    .b {{height:20px}} .v {{padding-left:6px;font-size:12px;font-weight:600}}
    .f {{color:#aaa;font-size:11px;margin-top:14px}}"""
    html = page(f"<div id='shot'><h3>{bench}: open models compared</h3><div class='s'>"
                f"Accuracy{' in %' if percent else ''}, higher is better</div>{rows}"
                "<div class='f'>Chart: eval team • Source: own runs • Created with "
                "Datawrapper</div></div>", css)
    return html, {"kind": "hbar", "log_x": False,
                  "series": {bench: [[m, v] for m, v in ordered]}}


def excel_columns(rng: random.Random) -> tuple[str, dict]:
    benches, series = grouped(rng)
    width, height = rng.choice([(720, 430), (860, 480), (960, 520)])
    left, right, top, bottom = 56, 20, 56, 96
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = nice_ticks(max(v for s in series.values() for v in s.values()) * 1.05)
    scale = plot_h / ticks[-1]
    labels = rng.random() < 0.5
    parts = [f"<rect width='{width}' height='{height}' fill='#fff' stroke='#d9d9d9'/>",
             f"<text x='{width / 2}' y='32' font-size='18' text-anchor='middle' "
             f"fill='#595959'>{rng.choice(['Benchmark results', 'Scores by benchmark'])}</text>"]
    for t in ticks:
        y = top + plot_h - t * scale
        parts.append(f"<line x1='{left}' x2='{left + plot_w}' y1='{y:.1f}' y2='{y:.1f}' "
                     "stroke='#d9d9d9'/>")
        parts.append(f"<text x='{left - 8}' y='{y + 4:.1f}' font-size='12' text-anchor='end' "
                     f"fill='#595959'>{tick_text(t)}</text>")
    group_w = plot_w / len(benches)
    bar_w = group_w * 0.7 / len(series)
    for g, bench in enumerate(benches):
        x0 = left + g * group_w + group_w * 0.15
        for k, values in enumerate(series.values()):
            v = values[bench]
            x, h = x0 + k * bar_w, v * scale
            parts.append(f"<rect x='{x:.1f}' y='{top + plot_h - h:.1f}' width='{bar_w:.1f}' "
                         f"height='{h:.1f}' fill='{OFFICE[k]}'/>")
            if labels:
                parts.append(f"<text x='{x + bar_w / 2:.1f}' y='{top + plot_h - h - 4:.1f}' "
                             "font-size='10' text-anchor='middle' fill='#404040'>"
                             f"{v:.1f}</text>")
        parts.append(f"<text x='{left + (g + 0.5) * group_w:.1f}' y='{top + plot_h + 18}' "
                     f"font-size='12' text-anchor='middle' fill='#595959'>{bench}</text>")
    x = width / 2 - len(series) * 60
    for k, model in enumerate(series):
        parts.append(f"<rect x='{x:.0f}' y='{height - 34}' width='9' height='9' "
                     f"fill='{OFFICE[k]}'/><text x='{x + 13:.0f}' y='{height - 25}' "
                     f"font-size='12' fill='#595959'>{model}</text>")
        x += 120
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
           f"font-family='Liberation Sans'>{''.join(parts)}</svg>")
    return page(f"<div id='shot'>{svg}</div>", ""), {
        "kind": "bar", "log_x": False,
        "series": {m: [[b, v[b]] for b in benches] for m, v in series.items()}}


def keynote_dark(rng: random.Random) -> tuple[str, dict]:
    bench, values = one_series(rng, rng.randint(3, 6))
    ours = max(values, key=lambda m: values[m])
    accent = rng.choice(["#0a84ff", "#30d158", "#ff9f0a", "#bf5af2"])
    percent = rng.random() < 0.5
    width, height = 1280, 720
    base, plot_h = 600, 380
    top = max(values.values())
    slot = (width - 240) / len(values)
    parts = [f"<rect width='{width}' height='{height}' fill='url(#g)'/>",
             "<defs><linearGradient id='g' x1='0' y1='0' x2='0' y2='1'><stop offset='0' "
             "stop-color='#1c1c1e'/><stop offset='1' stop-color='#000'/></linearGradient></defs>",
             f"<text x='120' y='110' font-size='46' font-weight='700' fill='#fff'>{ours} "
             f"leads on {bench}</text>"]
    for k, (model, v) in enumerate(values.items()):
        x = 120 + k * slot + slot * 0.2
        w, h = slot * 0.6, v / top * plot_h
        fill = accent if model == ours else "#48484a"
        parts.append(f"<rect x='{x:.1f}' y='{base - h:.1f}' width='{w:.1f}' height='{h:.1f}'"
                     f" rx='8' fill='{fill}'/><rect x='{x:.1f}' y='{base - 10}' width='{w:.1f}'"
                     f" height='10' fill='{fill}'/>")  # rounded at the top only
        parts.append(f"<text x='{x + w / 2:.1f}' y='{base - h - 14:.1f}' font-size='30' "
                     f"font-weight='600' text-anchor='middle' fill='#fff'>{label(v, percent)}"
                     "</text>")
        parts.append(f"<text x='{x + w / 2:.1f}' y='{base + 40}' font-size='22' "
                     f"text-anchor='middle' fill='#aeaeb2'>{model}</text>")
    font = rng.choice(["Open Sans", "Roboto"])
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
           f"font-family='{font}'>{''.join(parts)}</svg>")
    return page(f"<div id='shot'>{svg}</div>", "", "#000"), {
        "kind": "bar", "log_x": False, "series": {bench: [[m, v] for m, v in values.items()]}}


# --- lines ---------------------------------------------------------------------------------


def observable_versions(rng: random.Random) -> tuple[str, dict]:
    if rng.random() < 0.5:
        xs = ["v1.0", "v1.5", "v2.0", "v2.5", "v3.0", "v3.5"][: rng.randint(4, 6)]
        x_title = "release"
    else:
        months = ["Jan 2023", "Apr 2023", "Jul 2023", "Oct 2023", "Jan 2024", "Apr 2024"]
        xs = months[: rng.randint(4, 6)]
        x_title = "date"
    bench = rng.choice(["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH"])
    low, high = BENCHMARKS[bench]
    names = rng.sample(FAMILIES, rng.randint(2, 3))
    series: dict[str, list[list]] = {}
    for name in names:
        level = rng.uniform(0.1, 0.4)
        points = []
        for x in xs:
            level = min(0.97, level + rng.uniform(0.02, 0.14))
            points.append([x, round(low + (high - low) * level, 1)])
        series[name] = points
    width, height = rng.choice([(640, 400), (760, 440), (900, 480)])
    left, right, top, bottom = 48, 30, 60, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    ys = [y for pts in series.values() for _, y in pts]
    start = math.floor(min(ys) / 10) * 10
    ticks = [t + start for t in nice_ticks(max(ys) - start + 2)]
    scale = plot_h / (ticks[-1] - ticks[0])
    step = plot_w / (len(xs) - 1)
    font = rng.choice(["Open Sans", "Roboto", "Liberation Sans"])
    parts = [f"<rect width='{width}' height='{height}' fill='#fff'/>"]
    x_swatch = left
    for k, name in enumerate(series):
        parts.append(f"<rect x='{x_swatch}' y='14' width='14' height='14' fill='{TABLEAU[k]}'/>"
                     f"<text x='{x_swatch + 19}' y='26' font-size='12'>{name}</text>")
        x_swatch += 30 + 8 * len(name)
    for t in ticks:
        y = top + plot_h - (t - ticks[0]) * scale
        parts.append(f"<line x1='{left}' x2='{left + plot_w}' y1='{y:.1f}' y2='{y:.1f}' "
                     "stroke='#000' stroke-opacity='0.1'/><text x='{0}' y='{1:.1f}' "
                     "font-size='11' text-anchor='end' fill='#333'>{2}</text>".format(
                         left - 6, y + 4, tick_text(t)))
    parts.append(f"<text x='{left - 40}' y='{top - 12}' font-size='11' fill='#333'>↑ {bench}"
                 "</text>")
    for i, x in enumerate(xs):
        px = left + i * step
        parts.append(f"<line x1='{px:.1f}' x2='{px:.1f}' y1='{top + plot_h}' "
                     f"y2='{top + plot_h + 5}' stroke='#333'/><text x='{px:.1f}' "
                     f"y='{top + plot_h + 19}' font-size='11' text-anchor='middle' fill='#333'>"
                     f"{x}</text>")
    parts.append(f"<text x='{left + plot_w}' y='{height - 4}' font-size='11' text-anchor='end'"
                 f" fill='#333'>{x_title} →</text>")
    for k, points in enumerate(series.values()):
        coords = [(left + i * step, top + plot_h - (y - ticks[0]) * scale)
                  for i, (_, y) in enumerate(points)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f"<polyline points='{path}' fill='none' stroke='{TABLEAU[k]}' "
                     "stroke-width='1.8'/>")
        parts += [f"<circle cx='{x:.1f}' cy='{y:.1f}' r='3.5' fill='#fff' "
                  f"stroke='{TABLEAU[k]}' stroke-width='1.6'/>" for x, y in coords]
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
           f"font-family='{font}'>{''.join(parts)}</svg>")
    return page(f"<div id='shot'>{svg}</div>", ""), {
        "kind": "line", "log_x": False, "series": series}


def scaling_series(rng: random.Random, xs_pool: list[float], bench: str,
                   names: list[str], ordered: bool = False) -> dict[str, list[list[float]]]:
    """Scores rising with log x, each series offset from the others (rising along
    ``names`` where they are ``ordered``, as sizes of one family are)."""
    low, high = BENCHMARKS[bench]
    offsets = [rng.uniform(-0.12, 0.1) for _ in names]
    if ordered:
        offsets.sort()
    series = {}
    for name, offset in zip(names, offsets, strict=True):
        xs = sorted(rng.sample(xs_pool, rng.randint(3, min(5, len(xs_pool)))))
        span = math.log10(xs_pool[-1] / xs_pool[0])
        series[name] = [[x, round(low + (high - low) * min(0.97, max(
            0.03, 0.15 + 0.7 * math.log10(x / xs_pool[0]) / span + offset
            + rng.uniform(-0.03, 0.03))), 1)] for x in xs]
    return series


def mpl_log_params(rng: random.Random) -> tuple[Image.Image, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    bench = rng.choice(["MMLU", "GSM8K", "ARC-C", "HellaSwag", "TriviaQA"])
    names = rng.sample(FAMILIES, rng.randint(2, 4))
    series = scaling_series(rng, [0.5, 1.0, 1.8, 3.0, 7.0, 14.0, 34.0, 70.0], bench, names)
    style = {
        "font.family": rng.choice(["Liberation Serif", "DejaVu Serif", "Open Sans",
                                   "Liberation Sans"]),
        "font.size": rng.choice([10, 11, 12]),
        "axes.spines.top": False, "axes.spines.right": False,
        "xtick.direction": "in", "ytick.direction": "in",
        "axes.grid": rng.random() < 0.5, "grid.alpha": 0.3,
        "axes.prop_cycle": matplotlib.cycler(color=rng.choice(
            [["#1b9e77", "#d95f02", "#7570b3", "#e7298a"],
             ["#000000", "#e69f00", "#56b4e9", "#009e73"],
             ["#264653", "#e76f51", "#2a9d8f", "#e9c46a"]])),
    }
    markers = ["o", "s", "^", "D"]
    with plt.rc_context(style):
        fig, ax = plt.subplots(figsize=rng.choice([(5.5, 4), (6.4, 4.2), (7, 4.6)]))
        for k, (name, points) in enumerate(series.items()):
            ax.plot([p[0] for p in points], [p[1] for p in points], marker=markers[k],
                    linewidth=1.6, markersize=6, label=name)
        ax.set_xscale("log")
        ax.set_xlabel("Parameters (B)")
        ax.set_ylabel(f"{bench} accuracy (%)")
        ax.set_title(f"{bench} vs. model size")
        ax.legend(frameon=rng.random() < 0.5, loc="lower right")
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, dpi=rng.choice([100, 130, 160]), format="png")
        plt.close(fig)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    return image, {"kind": "line", "log_x": True, "series": series}


def plotly_dark_tokens(rng: random.Random) -> tuple[str, dict]:
    import plotly.graph_objects as go
    import plotly.offline

    bench = rng.choice(["MMLU", "GSM8K", "HumanEval", "BBH", "ARC-C"])
    sizes = rng.sample(["1B", "3B", "7B", "13B"], rng.randint(2, 3))
    family = rng.choice(FAMILIES)
    names = [f"{family}-{s}" for s in sorted(sizes, key=lambda s: int(s[:-1]))]
    series = scaling_series(rng, [50.0, 100.0, 200.0, 400.0, 1000.0, 2000.0], bench, names,
                            ordered=True)
    fig = go.Figure()
    for name, points in series.items():
        fig.add_trace(go.Scatter(x=[p[0] for p in points], y=[p[1] for p in points],
                                 mode="lines+markers", name=name,
                                 marker={"size": rng.choice([7, 9])}))
    width, height = rng.choice([(720, 440), (860, 500), (1000, 560)])
    fig.update_layout(template="plotly_dark", width=width, height=height,
                      title=f"{bench} during pre-training",
                      xaxis={"type": "log", "title": "Training tokens (B)"},
                      yaxis={"title": f"{bench} (%)"},
                      margin={"l": 70, "r": 30, "t": 70, "b": 60})
    script = plotly.offline.get_plotlyjs()
    body = (f"<div id='shot'><div id='plot'></div></div><script>{script}</script><script>"
            f"const figure = {fig.to_json()};"
            "Plotly.newPlot('plot', figure.data, figure.layout, {staticPlot: true});</script>")
    return page(body, "", "#111"), {"kind": "line", "log_x": True, "series": series}


# --- bars in frames --------------------------------------------------------------------------


def seaborn_doc(rng: random.Random) -> tuple[str, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd
    import seaborn as sns

    benches, series = grouped(rng)
    frame = pd.DataFrame([{"benchmark": b, "model": m, "score": v[b]}
                          for m, v in series.items() for b in benches])
    sns.set_theme(style=rng.choice(["white", "ticks", "whitegrid"]),
                  palette=rng.choice(["muted", "Set2", "deep", "colorblind"]),
                  font=rng.choice(["DejaVu Sans", "Liberation Sans", "Roboto"]))
    fig, ax = plt.subplots(figsize=(rng.choice([6.5, 7.5]), 3.8))
    sns.barplot(data=frame, x="benchmark", y="score", hue="model", ax=ax)
    if rng.random() < 0.6:
        for container in ax.containers:
            ax.bar_label(container, fmt="%.1f", fontsize=8, padding=2)
    ax.set_xlabel("")
    ax.set_ylabel("Score")
    ax.legend(title="", frameon=False, ncols=len(series), loc="upper center",
              bbox_to_anchor=(0.5, 1.15))
    sns.despine()
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, dpi=110, format="png")
    plt.close(fig)
    sns.reset_defaults()
    chart = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    css = """
    #shot {padding:30px 0;background:#f8f9fa}
    .pg {background:#fff;width:760px;margin:0 30px;padding:50px 60px;
         box-shadow:0 1px 3px rgba(0,0,0,.2);font-family:'Liberation Serif';color:#222}
    h2 {font-family:'Liberation Sans';font-size:20px} p {font-size:15px;line-height:1.5}
    img {width:100%} .c {text-align:center;font-size:13px;color:#555}"""
    html = page(f"<div id='shot'><div class='pg'><h2>{rng.randint(3, 5)}.{rng.randint(1, 4)} "
                "Results</h2><p>Figure 2 compares the candidates on the core suite. Scores "
                "are accuracies from a single run with the standard prompts.</p>"
                f"<img src='{png_uri(chart)}'><div class='c'>Figure 2: scores per benchmark."
                "</div><p>The gap is largest on the reasoning benchmarks.</p></div></div>",
                css, "#f8f9fa")
    return html, {"kind": "bar", "log_x": False,
                  "series": {m: [[b, v[b]] for b in benches] for m, v in series.items()}}


def pil_bars(rng: random.Random, bench: str, values: dict[str, float], percent: bool
             ) -> Image.Image:
    width, height = 900, 560
    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    font_path = rng.choice(["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"])
    font = ImageFont.truetype(font_path, 20)
    small = ImageFont.truetype(font_path, 18)
    big = ImageFont.truetype(font_path, 28)
    left, top, base = 80, 90, 470
    ticks = nice_ticks(max(values.values()) * 1.08)
    scale = (base - top) / ticks[-1]
    draw.text((width / 2, 40), f"{bench} scores", font=big, fill="#111", anchor="mm")
    for t in ticks:
        y = base - t * scale
        draw.line([(left, y), (width - 30, y)], fill="#e3e3e3", width=1)
        draw.text((left - 10, y), tick_text(t), font=small, fill="#444", anchor="rm")
    draw.line([(left, top - 10), (left, base)], fill="#222", width=2)
    draw.line([(left, base), (width - 30, base)], fill="#222", width=2)
    slot = (width - 30 - left) / len(values)
    colour = rng.choice(["#3c78d8", "#e06666", "#6aa84f", "#8e7cc3"])
    for k, (model, v) in enumerate(values.items()):
        x = left + k * slot + slot * 0.18
        draw.rectangle([x, base - v * scale, x + slot * 0.64, base - 1], fill=colour)
        draw.text((x + slot * 0.32, base - v * scale - 8), label(v, percent), font=font,
                  fill="#111", anchor="mb")
        draw.text((x + slot * 0.32, base + 12), model, font=small, fill="#222", anchor="mt")
    return image


def reddit_jpeg(rng: random.Random) -> tuple[str, dict]:
    bench, values = one_series(rng, rng.randint(3, 6))
    percent = rng.random() < 0.4
    chart = pil_bars(rng, bench, values, percent)
    dark = rng.random() < 0.4
    bg, card, ink, muted = (("#030303", "#0e1113", "#d7dadc", "#818384") if dark else
                            ("#dae0e6", "#fff", "#1c1c1c", "#787c7e"))
    best = max(values, key=lambda m: values[m])
    css = f"""
    #shot {{padding:16px;background:{bg};font-family:'Liberation Sans'}}
    .card {{background:{card};width:660px;border-radius:6px;padding:10px 14px;color:{ink}}}
    .m {{color:{muted};font-size:12px}} h3 {{font-size:18px;margin:6px 0 10px}}
    img {{width:100%;border-radius:4px}} .a {{color:{muted};font-size:12px;margin-top:8px;
    font-weight:bold}}"""
    html = page(f"<div id='shot'><div class='card'><div class='m'>r/LocalLLaMA · Posted by "
                f"u/{rng.choice(['quant_enjoyer', 'gguf_goblin', 'tokenmaxxer'])} "
                f"{rng.randint(2, 20)}h</div><h3>{best} tops {bench} in my runs</h3>"
                f"<img src='{png_uri(chart)}'><div class='a'>▲ {rng.randint(120, 2400)} ▼ "
                f"&nbsp; {rng.randint(20, 300)} Comments &nbsp; Share</div></div></div>",
                css, bg)
    return html, {"kind": "bar", "log_x": False,
                  "series": {bench: [[m, v] for m, v in values.items()]}}


def draw(browser: Browser, style: str, rng: random.Random) -> tuple[Image.Image, dict]:
    if style == "mpl_log_params":
        return mpl_log_params(rng)
    maker = {"datawrapper_hbar": datawrapper_hbar, "excel_columns": excel_columns,
             "keynote_dark": keynote_dark, "observable_versions": observable_versions,
             "seaborn_doc": seaborn_doc, "reddit_jpeg": reddit_jpeg,
             "plotly_dark_tokens": plotly_dark_tokens}[style]
    html, truth = maker(rng)
    scale = rng.choice([1.0, 1.0, 1.5, 2.0]) if style not in ("keynote_dark",
                                                               "reddit_jpeg") else 1.0
    return browser.shoot(html, scale), truth


def finish(image: Image.Image, style: str, rng: random.Random) -> tuple[Image.Image, str]:
    """What sharing does: the Reddit post shrunk and recompressed, a slide exported smaller,
    some others saved as JPEG."""
    if style == "reddit_jpeg":
        return jpeg(resize_to(image, rng.randint(480, 680)), rng.randint(50, 70)), "jpg"
    if style == "keynote_dark":
        image = resize_to(image, rng.choice([800, 960, 1280]))
    if image.width > 1800:
        image = resize_to(image, 1800)
    if rng.random() < 0.3:
        return jpeg(image, rng.randint(70, 90)), "jpg"
    return image, "png"


def generate(out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1400, 1000))
    truth: dict[str, dict] = {}
    try:
        for i in range(count):
            style = STYLES[i % len(STYLES)]
            rng = random.Random(seed * 7919 + i)
            image, item = draw(browser, style, rng)
            image, suffix = finish(image, style, rng)
            name = f"blind5_{i:03d}_{style}.{suffix}"
            if suffix == "jpg":
                image.save(out / name, "JPEG", quality=95)  # already compressed as it shows
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
    parser.add_argument("--seed", type=int, default=44000)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
