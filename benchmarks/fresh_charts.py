"""A test set of LLM benchmark charts, drawn by rules written without looking at the chart
reader or at any other chart generator in this folder (issue 11). Score it only: never tune
on its images.

    python benchmarks/fresh_charts.py OUT_DIR [--count 24] [--seed 9000]

Renderers unlike matplotlib's defaults: Vega-Lite (``vl-convert-python``, offline), plotly
figures with their bundled plotly.js shot in Chromium, hand-written SVG in Chromium, and
matplotlib only under themes it does not use by default. Kinds: vertical bars with printed
value labels (``49.2`` or ``49.2%``), grouped bars with a legend, horizontal bars, and line
charts with markers, some on a log x axis (model size or training tokens); some dark themes,
some JPEG or resized.

Writes the images and ``OUT_DIR/truth.json``: per file ``kind`` (``bar``, ``hbar``,
``line``), ``log_x``, ``series`` ({name: [[x, y], ...]}: a bar's x is its category, a line
point's x its number) and ``style``.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFilter

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

STYLES = (
    "vega_bar",
    "vega_grouped",
    "vega_line",
    "plotly_bar",
    "plotly_hbar",
    "plotly_line",
    "svg_bar",
    "mpl_theme",
)

MODELS = (
    "Llama-3-8B",
    "Qwen2-7B",
    "Mistral-7B",
    "Gemma-7B",
    "Phi-3-mini",
    "Yi-9B",
    "Kestrel-7B",
    "Vireo-13B",
    "OLMo-7B",
    "DeepSeek-7B",
    "GPT-3.5",
    "Claude-3-Haiku",
    "Marlin-3B",
    "Osprey-14B",
    "InternLM2-7B",
    "Falcon-11B",
)
BENCHMARKS = {
    "MMLU": (40, 82),
    "GSM8K": (15, 85),
    "HumanEval": (10, 75),
    "MATH": (4, 50),
    "BBH": (30, 75),
    "ARC-C": (45, 90),
    "HellaSwag": (60, 88),
    "C-Eval": (35, 85),
    "MBPP": (20, 70),
    "TriviaQA": (40, 78),
}
FAMILIES = ("Kestrel", "Vireo", "Pythia", "OLMo", "Llama-2", "Tern", "Corvid")
# log-spaced x axes: model sizes (B) and training tokens (B)
SIZES = (0.07, 0.16, 0.41, 1.0, 1.4, 2.8, 6.9, 12.0, 30.0, 70.0)
TOKEN_STEPS = (50, 100, 200, 400, 800, 1600, 3200)
LINEAR_STEPS = (1, 2, 3, 4, 5, 6, 7, 8)  # epochs or checkpoints, on a linear axis
FONTS = ("Roboto", "Open Sans", "Liberation Sans", "DejaVu Sans")


@dataclass
class Chart:
    """What a chart shows: its truth and the words it prints."""

    kind: str  # "bar", "hbar" or "line"
    title: str
    value_title: str
    x_title: str
    categories: list[str]  # bars: the category axis; lines: unused
    series: dict[str, list[tuple[str | float, float]]]
    log_x: bool
    percent: bool  # labels printed as "49.2%"
    labels: bool  # values printed on the bars

    def truth(self, style: str) -> dict:
        return {
            "kind": self.kind,
            "log_x": self.log_x,
            "series": {name: [[x, y] for x, y in points] for name, points in self.series.items()},
            "style": style,
        }


def label(value: float, percent: bool) -> str:
    return f"{value:.1f}%" if percent else f"{value:.1f}"


def bar_chart(rng: random.Random, kind: str) -> Chart:
    bench = rng.choice(list(BENCHMARKS))
    low, high = BENCHMARKS[bench]
    models = rng.sample(MODELS, rng.randint(3, 7) if kind == "bar" else rng.randint(4, 8))
    points: list[tuple[str | float, float]] = [
        (m, round(rng.uniform(low, high), 1)) for m in models
    ]
    if kind == "hbar" and rng.random() < 0.6:
        points.sort(key=lambda p: -p[1])  # leaderboards sort their bars
    return Chart(
        kind,
        rng.choice([f"{bench} accuracy", f"{bench} ({rng.choice(['5-shot', '0-shot'])})", bench]),
        rng.choice(["Accuracy (%)", "Score", bench]),
        "",
        models,
        {bench: points},
        False,
        rng.random() < 0.35,
        rng.random() < 0.85,
    )


def grouped_chart(rng: random.Random) -> Chart:
    benches = rng.sample(list(BENCHMARKS), rng.randint(3, 5))
    models = rng.sample(MODELS, rng.randint(2, 3))
    series: dict[str, list[tuple[str | float, float]]] = {
        m: [(b, round(rng.uniform(*BENCHMARKS[b]), 1)) for b in benches] for m in models
    }
    return Chart(
        "bar",
        rng.choice(["Benchmark comparison", "Results across benchmarks", "Ours vs baselines"]),
        rng.choice(["Accuracy (%)", "Score"]),
        "",
        benches,
        series,
        False,
        rng.random() < 0.3,
        rng.random() < 0.6,
    )


def line_chart(rng: random.Random, log_x: bool | None = None) -> Chart:
    if log_x is None:
        log_x = rng.random() < 0.6
    bench = rng.choice(list(BENCHMARKS))
    low, high = BENCHMARKS[bench]
    pool: tuple[float, ...]
    if log_x:
        tokens = rng.random() < 0.4
        pool = TOKEN_STEPS if tokens else SIZES
        x_title = "Training tokens (B)" if tokens else "Parameters (B)"
    else:
        pool = LINEAR_STEPS
        x_title = rng.choice(["Epoch", "Checkpoint"])
    n = rng.randint(4, min(6, len(pool)))
    start = rng.randint(0, len(pool) - n)
    xs = list(pool[start : start + n])
    series: dict[str, list[tuple[str | float, float]]] = {}
    for family in rng.sample(FAMILIES, rng.randint(1, 3)):
        value = rng.uniform(low, (low + high) / 2)
        points: list[tuple[str | float, float]] = []
        for x in xs:
            points.append((float(x), round(min(value, high), 1)))
            value += rng.uniform(1.5, (high - low) / n)
        series[family] = points
    return Chart(
        "line",
        rng.choice([f"{bench} vs scale", f"Scaling on {bench}"])
        if log_x
        else f"{bench} during training",
        rng.choice([f"{bench} (%)", "Accuracy", bench]),
        x_title,
        [],
        series,
        log_x,
        False,
        False,
    )


def make_chart(rng: random.Random, style: str, round_: int) -> Chart:
    """The chart a style draws in its ``round_``-th image: kinds alternate by round so that
    every count spreads them evenly (two log axes in three line charts)."""
    log_x = round_ % 3 != 2
    if style in ("vega_bar", "plotly_bar"):
        return bar_chart(rng, "bar")
    if style == "plotly_hbar":
        return bar_chart(rng, "hbar")
    if style == "vega_grouped":
        return grouped_chart(rng)
    if style in ("vega_line", "plotly_line"):
        return line_chart(rng, log_x)
    if style == "svg_bar":
        return bar_chart(rng, ("bar", "hbar")[round_ % 2])
    return grouped_chart(rng) if round_ % 2 else line_chart(rng, log_x)


# ---------------------------------------------------------------- Vega-Lite


def vega(chart: Chart, rng: random.Random) -> Image.Image:
    import vl_convert

    dark = rng.random() < 0.3
    font = rng.choice(FONTS)
    rows = [
        {"series": name, "x": x, "y": y, "label": label(y, chart.percent)}
        for name, points in chart.series.items()
        for x, y in points
    ]
    several = len(chart.series) > 1
    config = {
        "font": font,
        "background": "#1e1e1e" if dark else rng.choice(["white", "#fafafa"]),
        "view": {"stroke": None},
        "axis": {
            "labelFontSize": rng.choice([11, 12, 13]),
            "titleFontSize": 13,
            "labelColor": "#ddd" if dark else "#333",
            "titleColor": "#ddd" if dark else "#333",
            "gridColor": "#444" if dark else "#e5e5e5",
            "domainColor": "#888",
            "tickColor": "#888",
            "labelLimit": 0,
        },
        "legend": {
            "labelColor": "#ddd" if dark else "#333",
            "titleColor": "#ddd" if dark else "#333",
            "labelFontSize": 12,
            "orient": rng.choice(["right", "top", "bottom"]),
        },
        "title": {"color": "#eee" if dark else "#111", "fontSize": 15},
        "text": {"color": "#eee" if dark else "#222"},
    }
    scheme = rng.choice(["tableau10", "set2", "dark2", "category10"])
    value_axis = {"field": "y", "type": "quantitative", "title": chart.value_title}
    if chart.kind == "line":
        x_scale = {"type": "log"} if chart.log_x else {"zero": False}
        encoding = {
            "x": {"field": "x", "type": "quantitative", "title": chart.x_title, "scale": x_scale},
            "y": {**value_axis, "scale": {"zero": False}},
            "color": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {"scheme": scheme},
            },
        }
        layers = [
            {
                "mark": {"type": "line", "point": {"size": 60, "filled": True}, "strokeWidth": 2},
                "encoding": encoding,
            }
        ]
    else:
        cat_axis = {
            "field": "x",
            "type": "nominal",
            "sort": None,
            "title": None,
            "axis": {"labelAngle": 0 if max(map(len, chart.categories)) < 10 else -30},
        }
        encoding = {"x": cat_axis, "y": value_axis}
        if several:
            encoding["xOffset"] = {"field": "series", "type": "nominal", "sort": None}
            encoding["color"] = {
                "field": "series",
                "type": "nominal",
                "title": None,
                "sort": None,
                "scale": {"scheme": scheme},
            }
        bar = {"type": "bar", "cornerRadiusEnd": rng.choice([0, 3])}
        if not several:
            bar["color"] = rng.choice(["#4c78a8", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"])
        layers = [{"mark": bar, "encoding": encoding}]
        if chart.labels:
            text = {**encoding, "text": {"field": "label"}}
            text.pop("color", None)
            layers.append(
                {
                    "mark": {"type": "text", "dy": -7, "fontSize": 10 if several else 12},
                    "encoding": text,
                }
            )
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": chart.title,
        "width": rng.randint(320, 620),
        "height": rng.randint(220, 380),
        "data": {"values": rows},
        "layer": layers,
        "config": config,
    }
    png = vl_convert.vegalite_to_png(vl_spec=spec, scale=rng.choice([1.0, 1.5, 2.0]))
    return Image.open(io.BytesIO(png)).convert("RGB")


# ---------------------------------------------------------------- plotly


def plotly(chart: Chart, rng: random.Random, browser: Browser) -> Image.Image:
    import plotly.graph_objects as go

    template = rng.choice(
        ["plotly_white", "plotly_dark", "ggplot2", "seaborn", "simple_white", "presentation"]
    )
    figure = go.Figure()
    for name, points in chart.series.items():
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        texts = [label(y, chart.percent) for y in ys] if chart.labels else None
        if chart.kind == "line":
            figure.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    name=name,
                    mode="lines+markers",
                    marker={"size": rng.choice([7, 9, 11])},
                )
            )
        elif chart.kind == "hbar":
            figure.add_trace(
                go.Bar(
                    x=ys,
                    y=xs,
                    name=name,
                    orientation="h",
                    text=texts,
                    textposition=rng.choice(["outside", "inside"]),
                )
            )
        else:
            figure.add_trace(go.Bar(x=xs, y=ys, name=name, text=texts, textposition="outside"))
    layout: dict = {
        "template": template,
        "title": {"text": chart.title},
        "width": rng.randint(560, 980),
        "height": rng.randint(380, 560),
        "font": {"family": rng.choice(FONTS), "size": rng.choice([12, 13, 14])},
        "showlegend": len(chart.series) > 1,
        "margin": {"l": 70, "r": 30, "t": 60, "b": 60},
    }
    if chart.kind == "line":
        layout["xaxis"] = {"type": "log" if chart.log_x else "linear", "title": chart.x_title}
        if chart.log_x and rng.random() < 0.5:  # ticks at the points, printed "2.8B"
            xs = [x for x, _ in next(iter(chart.series.values()))]
            layout["xaxis"] |= {"tickvals": xs, "ticktext": [f"{x:g}B" for x in xs]}
        layout["yaxis"] = {"title": chart.value_title}
    elif chart.kind == "hbar":
        layout["yaxis"] = {"autorange": "reversed"}
        layout["xaxis"] = {"title": chart.value_title}
    else:
        layout["yaxis"] = {"title": chart.value_title}
    figure.update_layout(**layout)
    div = figure.to_html(
        full_html=False, include_plotlyjs=True, config={"displayModeBar": False, "staticPlot": True}
    )
    page = (
        "<!doctype html><html><head><meta charset='utf-8'></head>"
        f"<body style='margin:0'><div id='shot' style='display:inline-block'>{div}</div>"
        "</body></html>"
    )
    return browser.shoot(page, rng.choice([1, 1.5, 2]))


# ---------------------------------------------------------------- hand-written SVG


def nice_step(span: float) -> float:
    raw = span / 5
    power = 10 ** math.floor(math.log10(raw))
    return next(s * power for s in (1, 2, 2.5, 5, 10) if s * power >= raw)


def svg_bars(chart: Chart, rng: random.Random, browser: Browser) -> Image.Image:
    """A blog's bar chart: rounded bars, light gridlines, values printed at the bar ends."""
    dark = rng.random() < 0.4
    bg, ink, grid = ("#111827", "#e5e7eb", "#374151") if dark else ("#ffffff", "#111", "#e5e7eb")
    colour = rng.choice(["#22c55e", "#6366f1", "#f97316", "#0ea5e9", "#ec4899"])
    font = rng.choice(FONTS)
    ((_, points),) = chart.series.items()
    top = max(y for _, y in points)
    step = nice_step(top)
    axis_max = step * math.ceil(top * 1.08 / step)
    ticks = [step * i for i in range(round(axis_max / step) + 1)]
    n = len(points)
    parts = []
    if chart.kind == "bar":
        width, height = rng.randint(480, 760), rng.randint(320, 460)
        left, right, top_m, bottom = 56, 20, 50, 50
        plot_w, plot_h = width - left - right, height - top_m - bottom
        for t in ticks:
            y = top_m + plot_h * (1 - t / axis_max)
            parts.append(
                f"<line x1='{left}' x2='{width - right}' y1='{y:.1f}' y2='{y:.1f}' "
                f"stroke='{grid}'/>"
            )
            parts.append(
                f"<text x='{left - 8}' y='{y + 4:.1f}' text-anchor='end' "
                f"font-size='12' fill='{ink}'>{t:g}</text>"
            )
        slot = plot_w / n
        bar_w = slot * rng.uniform(0.5, 0.75)
        for i, (name, value) in enumerate(points):
            x = left + slot * i + (slot - bar_w) / 2
            h = plot_h * value / axis_max
            y = top_m + plot_h - h
            parts.append(
                f"<rect x='{x:.1f}' y='{y:.1f}' width='{bar_w:.1f}' height='{h:.1f}' "
                f"rx='4' fill='{colour}'/>"
            )
            centre = x + bar_w / 2
            if chart.labels:
                parts.append(
                    f"<text x='{centre:.1f}' y='{y - 6:.1f}' text-anchor='middle' "
                    f"font-size='13' font-weight='bold' fill='{ink}'>"
                    f"{label(value, chart.percent)}</text>"
                )
            parts.append(
                f"<text x='{centre:.1f}' y='{top_m + plot_h + 18}' text-anchor='middle' "
                f"font-size='12' fill='{ink}'>{html.escape(str(name))}</text>"
            )
    else:
        width, height = rng.randint(520, 760), 70 + 34 * n
        left, right, top_m, bottom = 130, 60, 50, 30
        plot_w, plot_h = width - left - right, height - top_m - bottom
        for t in ticks:
            x = left + plot_w * t / axis_max
            parts.append(
                f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{top_m}' y2='{top_m + plot_h}' "
                f"stroke='{grid}'/>"
            )
            parts.append(
                f"<text x='{x:.1f}' y='{top_m + plot_h + 16}' text-anchor='middle' "
                f"font-size='12' fill='{ink}'>{t:g}</text>"
            )
        slot = plot_h / n
        bar_h = slot * 0.65
        for i, (name, value) in enumerate(points):
            y = top_m + slot * i + (slot - bar_h) / 2
            w = plot_w * value / axis_max
            parts.append(
                f"<rect x='{left}' y='{y:.1f}' width='{w:.1f}' height='{bar_h:.1f}' "
                f"rx='3' fill='{colour}'/>"
            )
            middle = y + bar_h / 2 + 4
            if chart.labels:
                parts.append(
                    f"<text x='{left + w + 6:.1f}' y='{middle:.1f}' font-size='13' "
                    f"fill='{ink}'>{label(value, chart.percent)}</text>"
                )
            parts.append(
                f"<text x='{left - 8}' y='{middle:.1f}' text-anchor='end' "
                f"font-size='13' fill='{ink}'>{html.escape(str(name))}</text>"
            )
    title = (
        f"<text x='20' y='28' font-size='17' font-weight='bold' fill='{ink}'>"
        f"{html.escape(chart.title)}</text>"
    )
    svg = (
        f"<svg id='shot' xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"font-family=\"{font}\"><rect width='100%' height='100%' fill='{bg}'/>{title}"
        + "".join(parts)
        + "</svg>"
    )
    page = f"<!doctype html><html><body style='margin:0'>{svg}</body></html>"
    return browser.shoot(page, rng.choice([1, 1.5, 2]))


# ---------------------------------------------------------------- matplotlib, themed


def mpl_theme(chart: Chart, rng: random.Random) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    theme = rng.choice(["fivethirtyeight", "Solarize_Light2", "grayscale", "tableau-colorblind10"])
    with plt.style.context(theme), matplotlib.rc_context({"font.family": rng.choice(FONTS)}):
        fig, ax = plt.subplots(figsize=(rng.uniform(6, 9), rng.uniform(3.8, 5.2)))
        if chart.kind == "line":
            for (name, points), marker in zip(chart.series.items(), "osD^v", strict=False):
                ax.plot([x for x, _ in points], [y for _, y in points], marker=marker, label=name)
            if chart.log_x:
                ax.set_xscale("log")
            ax.set_xlabel(chart.x_title)
        else:
            names = list(chart.series)
            slot = 0.8 / len(names)
            positions = np.arange(len(chart.categories))
            for k, name in enumerate(names):
                ys = [y for _, y in chart.series[name]]
                bars = ax.bar(
                    positions + (k - (len(names) - 1) / 2) * slot, ys, slot * 0.95, label=name
                )
                if chart.labels:
                    ax.bar_label(
                        bars, labels=[label(y, chart.percent) for y in ys], fontsize=8, padding=2
                    )
            ax.set_xticks(positions, chart.categories)
        ax.set_ylabel(chart.value_title)
        ax.set_title(chart.title)
        if len(chart.series) > 1:
            ax.legend(loc=rng.choice(["upper left", "lower right", "best"]), fontsize=9)
        buffer = io.BytesIO()
        fig.savefig(buffer, dpi=rng.choice([90, 110, 140]), bbox_inches="tight")
        plt.close(fig)
    return Image.open(buffer).convert("RGB")


# ---------------------------------------------------------------- the set


def degrade(image: Image.Image, rng: random.Random) -> tuple[Image.Image, bool, int]:
    """Resizing, a little blur and JPEG as charts travel; returns (image, as JPEG, quality)."""
    if image.width > 1600:
        scale = 1600 / image.width
        image = image.resize((1600, round(image.height * scale)), Image.Resampling.LANCZOS)
    if rng.random() < 0.3:
        factor = rng.uniform(0.7, 0.95)
        image = image.resize(
            (round(image.width * factor), round(image.height * factor)),
            Image.Resampling.BICUBIC,
        )
    if rng.random() < 0.1:
        image = image.filter(ImageFilter.GaussianBlur(0.5))
    return image, rng.random() < 0.35, rng.randint(65, 92)


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` charts in ``out`` and their truth, the same for the same seed."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1400, 1000))
    truth = {}
    try:
        for n in range(count):
            style = STYLES[n % len(STYLES)]
            rng = random.Random(f"{seed}:{n}")
            chart = make_chart(rng, style, n // len(STYLES))
            if style.startswith("vega"):
                image = vega(chart, rng)
            elif style.startswith("plotly"):
                image = plotly(chart, rng, browser)
            elif style == "svg_bar":
                image = svg_bars(chart, rng, browser)
            else:
                image = mpl_theme(chart, rng)
            image, jpeg, quality = degrade(image, rng)
            name = f"fresh_{n:03d}_{style}.{'jpg' if jpeg else 'png'}"
            if jpeg:
                image.save(out / name, quality=quality)
            else:
                image.save(out / name)
            truth[name] = chart.truth(style)
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--seed", type=int, default=9000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} charts and truth.json in {args.out}")


if __name__ == "__main__":
    main()
