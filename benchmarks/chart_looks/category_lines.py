"""Line charts over a categorical x axis: scores across releases, versions, training stages,
months or named checkpoints, one kind per chart in turn (the kind is the style the
benchmark reports):

- ``mpl``: matplotlib ``plot`` with string x (matplotlib's category units), style sheets,
  markers, sometimes each point's value printed over it;
- ``mpl slanted``: the same with the category names turned 30 or 45 degrees (``ha="right"``);
- ``pygal``: ``pygal.Line`` with ``x_labels`` drawn in Chromium, light and dark styles,
  sometimes ``x_label_rotation``;
- ``plotly``: a ``category`` x axis (strings), templates, ``lines+markers``;
- ``vega``: Vega-Lite ``ordinal`` x with points, level or slanted names;
- ``svg``: a hand-written Chart.js-like SVG in Chromium, names under their ticks, light or
  dark, names sometimes wrapped on two lines;
- ``mpl dark``: matplotlib's ``dark_background`` with value labels at the points.

The categories are names as printed: versions with and without a "v" (numbers among
names: ``v1.0 v1.5 2.0 2.1``), bare release numbers that step unevenly (``1.0 1.5 2.0
3.0``), training stages (``Base SFT RLHF``), months (``Jan 24``, ``2024-03``), quarters and
checkpoints (``ckpt-2k``). The truth's x is the name as printed (the benchmark compares
letters and digits); a wrapped name's truth is its words joined by a space. Some charts
are resized or saved as JPEG. A tuning look: its images were looked at.
"""

from __future__ import annotations

import html
import io
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.common import FAMILIES, MODELS, Y_TITLES
from chart_looks.curves import finish

KINDS = ("mpl", "pygal", "plotly", "svg", "mpl slanted", "vega", "mpl dark", "pygal")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
STAGES = ("Base", "SFT", "DPO", "RLHF", "RLAIF", "Merged")
BENCHES = ("MMLU", "GSM8K", "HumanEval", "ARC-C", "HellaSwag", "TruthfulQA", "BBH", "MATH")


def categories(rng: random.Random) -> tuple[list[str], str]:
    """A row of category names and the x axis title."""
    kind = rng.choice(("versions", "numbers", "stages", "months", "iso months", "quarters",
                       "checkpoints"))
    count = rng.randint(4, 7)
    if kind == "versions":  # numbers among names: some printed with a "v", some without
        # (one "v" at least: a row of bare numbers stepping evenly is a numeric axis)
        marked = rng.sample(range(count), rng.randint(1, count))
        return [f"{'v' if i in marked else ''}{1 + i // 2}.{5 * (i % 2)}"
                for i in range(count)], "Version"
    if kind == "numbers":  # releases, evenly set apart though their numbers step unevenly
        steps = [rng.choice((0.5, 1.0, 0.1, 1.5)) for _ in range(count - 1)]
        if len(set(steps)) == 1:
            steps[rng.randrange(len(steps))] = 2.0
        out = [rng.choice((1.0, 2.0, 3.0))]
        for step in steps:
            out.append(round(out[-1] + step, 1))
        return [f"{value:.1f}" for value in out], "Release"
    if kind == "stages":
        return list(STAGES[: min(count, len(STAGES))]), "Training stage"
    if kind == "months":
        first, year = rng.randint(0, 11), rng.choice((23, 24))
        step = rng.choice((1, 2, 3))
        return [f"{MONTHS[(first + i * step) % 12]} {year + (first + i * step) // 12}"
                for i in range(count)], ""
    if kind == "iso months":
        first, year = rng.randint(0, 11), rng.choice((2023, 2024))
        return [f"{year + (first + i) // 12}-{(first + i) % 12 + 1:02d}"
                for i in range(count)], "Month"
    if kind == "quarters":
        first, year = rng.randint(0, 3), rng.choice((2023, 2024))
        return [f"Q{(first + i) % 4 + 1} {year + (first + i) // 4}"
                for i in range(count)], ""
    step = rng.choice((1, 2, 5))
    return [f"ckpt-{step * (i + 1)}k" for i in range(count)], "Checkpoint"


def content(rng: random.Random, style: str, renderer: str) -> dict[str, Any]:
    """The truth of one chart: 1 to 4 series of scores over the categories."""
    xs, x_title = categories(rng)
    names = rng.sample(FAMILIES + MODELS[:6] if rng.random() < 0.5 else BENCHES,
                       rng.randint(1, 4))
    low = rng.uniform(15, 55)
    series: dict[str, list[list[Any]]] = {}
    for name in names:
        value = low + rng.uniform(0, 12)
        points = []
        for x in xs:
            points.append([x, round(value, 1)])
            value = min(96.0, value + rng.uniform(-2.5, 9))
        series[name] = points
    return {"kind": "line", "renderer": renderer, "style": style, "log_x": False,
            "labelled": False, "x_title": x_title, "y_title": rng.choice(Y_TITLES),
            "series": series}


def _xs(truth: dict[str, Any]) -> list[str]:
    return [x for x, _ in next(iter(truth["series"].values()))]


# ---------------------------------------------------------------- matplotlib

MPL_SHEETS = ("default", "ggplot", "seaborn-v0_8-whitegrid", "bmh", "fivethirtyeight",
              "Solarize_Light2", "tableau-colorblind10", "seaborn-v0_8-darkgrid")


def mpl_image(truth: dict[str, Any], rng: random.Random, slant: int, dark: bool) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    values = dark or rng.random() < 0.3
    truth["labelled"] = values
    sheet = "dark_background" if dark else rng.choice(MPL_SHEETS)
    with plt.style.context(sheet):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8.5), rng.uniform(3.6, 5.0)),
                               dpi=rng.choice((90, 100, 120)))
        for index, (name, points) in enumerate(truth["series"].items()):
            xs, ys = [x for x, _ in points], [y for _, y in points]
            ax.plot(xs, ys, marker=("o", "s", "D", "^")[index % 4],
                    linewidth=rng.choice((1.5, 2.0, 2.5)), markersize=rng.choice((5, 6, 7)),
                    label=name)
            for x, y in zip(xs, ys, strict=True) if values else ():
                ax.annotate(f"{y:.1f}", (x, y), textcoords="offset points", xytext=(0, 7),
                            ha="center", fontsize=8)
        if slant:
            plt.setp(ax.get_xticklabels(), rotation=slant, ha="right")
        if truth["x_title"]:
            ax.set_xlabel(truth["x_title"])
        ax.set_ylabel(truth["y_title"])
        if len(truth["series"]) > 1:
            ax.legend(loc=rng.choice(("best", "upper left", "lower right")), fontsize=9)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
    return Image.open(buffer).convert("RGB")


# ---------------------------------------------------------------- pygal (in Chromium)

PYGAL_STYLES = ("DefaultStyle", "LightStyle", "CleanStyle", "DarkStyle", "NeonStyle",
                "LightColorizedStyle", "DarkSolarizedStyle", "BlueStyle")


def pygal_page(truth: dict[str, Any], rng: random.Random) -> str:
    import pygal
    import pygal.style

    style = getattr(pygal.style, rng.choice(PYGAL_STYLES))(
        label_font_size=rng.choice((11, 12, 14)), value_font_size=10,
        legend_font_size=rng.choice((12, 14)))
    printed = rng.random() < 0.3
    truth["labelled"] = printed
    chart = pygal.Line(
        style=style, width=rng.choice((640, 760, 900)), height=rng.choice((400, 460, 520)),
        x_label_rotation=rng.choice((0, 0, 30, 45)), show_y_guides=True,
        show_x_guides=rng.random() < 0.5, print_values=printed, dots_size=rng.choice((3, 4)),
        legend_at_bottom=rng.random() < 0.5, js=[], disable_xml_declaration=True,
        explicit_size=True, title=rng.choice((None, "Scores by release")))
    chart.x_labels = _xs(truth)
    for name, points in truth["series"].items():
        chart.add(name, [y for _, y in points])
    svg = chart.render(is_unicode=True)
    return ("<html><body style='margin:0'><div id='shot' style='display:inline-block'>"
            f"{svg}</div></body></html>")


# ---------------------------------------------------------------- plotly (in Chromium)

def plotly_page(truth: dict[str, Any], rng: random.Random) -> str:
    import plotly.graph_objects as go

    fig = go.Figure()
    markers = rng.random() < 0.8
    for name, points in truth["series"].items():
        fig.add_trace(go.Scatter(x=[x for x, _ in points], y=[y for _, y in points], name=name,
                                 mode="lines+markers" if markers else "lines",
                                 marker={"size": rng.choice((6, 8, 10))}))
    width, height = rng.choice((640, 760, 900)), rng.choice((420, 480, 540))
    fig.update_layout(
        xaxis={"type": "category", "title": {"text": truth["x_title"]},
               "tickangle": rng.choice((0, 0, -30, -45))},
        yaxis={"title": {"text": truth["y_title"]}},
        template=rng.choice(("plotly", "plotly_white", "plotly_dark", "ggplot2", "seaborn",
                             "simple_white")),
        width=width, height=height)
    return str(fig.to_html(full_html=True, include_plotlyjs=True, div_id="shot",
                           default_width=f"{width}px", default_height=f"{height}px",
                           config={"staticPlot": True, "displayModeBar": False}))


# ---------------------------------------------------------------- Vega-Lite

def vega_image(truth: dict[str, Any], rng: random.Random) -> Image.Image:
    import vl_convert as vlc

    rows = [{"series": name, "x": x, "score": y}
            for name, points in truth["series"].items() for x, y in points]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": rows},
        "mark": {"type": "line", "point": {"filled": True, "size": rng.choice((40, 70))}},
        "width": rng.choice((360, 440, 520)), "height": rng.choice((240, 300)),
        "encoding": {
            "x": {"field": "x", "type": "ordinal", "sort": _xs(truth),
                  "axis": {"title": truth["x_title"] or None,
                           "labelAngle": rng.choice((0, 0, -45, -30))}},
            "y": {"field": "score", "type": "quantitative", "title": truth["y_title"],
                  "scale": {"zero": False}},
            "color": {"field": "series", "type": "nominal", "sort": list(truth["series"])}},
    }
    theme = rng.choice(("dark", "excel", "googlecharts", "quartz", None))
    png = vlc.vegalite_to_png(spec, scale=rng.choice((1.0, 1.5, 2.0)), theme=theme)
    return Image.open(io.BytesIO(bytes(png))).convert("RGB")


# ---------------------------------------------------------------- hand-written SVG

def svg_page(truth: dict[str, Any], rng: random.Random) -> str:
    """Chart.js-like: category names centred under their ticks (a half step in from each
    end), horizontal gridlines, points as circles, a legend above; wrapped names on two
    lines."""
    dark = rng.random() < 0.4
    page, ink, grid = ("#1e1e2e", "#cdd6f4", "#45475a") if dark else (
        "#ffffff", rng.choice(("#666", "#444")), "#e5e5e5")
    width, height = rng.choice((640, 720, 820)), rng.choice((400, 460))
    left, right, top, bottom = 56, width - 24, 56, height - 64
    xs = _xs(truth)
    wrap = rng.random() < 0.3 and all(" " in x for x in xs)
    ys = [y for points in truth["series"].values() for _, y in points]
    low, high = 10 * int(min(ys) // 10), 10 * int(max(ys) // 10 + 1)
    step = (right - left) / len(xs)

    def fx(index: int) -> float:
        return left + step * (index + 0.5)

    def fy(y: float) -> float:
        return bottom - (y - low) / (high - low) * (bottom - top)

    size = rng.choice((11, 12, 13))
    font = rng.choice(("Arial, sans-serif", "DejaVu Sans, sans-serif"))
    text = f'font-size="{size}" fill="{ink}" font-family="{font}"'
    parts = [f'<rect width="{width}" height="{height}" fill="{page}"/>']
    for value in range(low, high + 1, 10):
        parts.append(f'<line x1="{left}" x2="{right}" y1="{fy(value):.1f}" y2="{fy(value):.1f}"'
                     f' stroke="{grid}"/>')
        parts.append(f'<text x="{left - 8}" y="{fy(value) + size / 3:.1f}" text-anchor="end" '
                     f'{text}>{value}</text>')
    for index, name in enumerate(xs):
        parts.append(f'<line x1="{fx(index):.1f}" x2="{fx(index):.1f}" y1="{bottom}" '
                     f'y2="{bottom + 5}" stroke="{grid}"/>')
        lines = name.split(" ", 1) if wrap else [name]
        for row, part in enumerate(lines):
            parts.append(f'<text x="{fx(index):.1f}" y="{bottom + size + 8 + row * (size + 3)}"'
                         f' text-anchor="middle" {text}>{html.escape(part)}</text>')
    palette = rng.choice((("#36a2eb", "#ff6384", "#4bc0c0", "#ff9f40"),
                          ("#3366cc", "#dc3912", "#ff9900", "#109618")))
    for index, (name, points) in enumerate(truth["series"].items()):
        colour = palette[index % len(palette)]
        path = " ".join(f"{'M' if i == 0 else 'L'}{fx(i):.1f},{fy(y):.1f}"
                        for i, (_, y) in enumerate(points))
        parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        parts += [f'<circle cx="{fx(i):.1f}" cy="{fy(y):.1f}" r="4" fill="{colour}"/>'
                  for i, (_, y) in enumerate(points)]
        lx = left + 20 + 150 * index
        parts.append(f'<rect x="{lx}" y="18" width="28" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 34}" y="{27}" {text}>{html.escape(name)}</text>')
    svg = (f'<svg id="shot" xmlns="http://www.w3.org/2000/svg" width="{width}" '
           f'height="{height}">' + "".join(parts) + "</svg>")
    return f'<!doctype html><html><body style="margin:0;background:{page}">{svg}</body></html>'


# ---------------------------------------------------------------- the look

def draw(kind: str, rng: random.Random, browser: Any) -> tuple[Image.Image, dict[str, Any]]:
    renderer = {"mpl": "matplotlib", "mpl slanted": "matplotlib", "mpl dark": "matplotlib",
                "svg": "svg"}.get(kind, kind)
    truth = content(rng, f"cat {kind}", renderer)
    if kind.startswith("mpl"):
        slant = rng.choice((30, 45)) if kind == "mpl slanted" else 0
        return mpl_image(truth, rng, slant, kind == "mpl dark"), truth
    if kind == "vega":
        return vega_image(truth, rng), truth
    page = {"pygal": pygal_page, "plotly": plotly_page, "svg": svg_page}[kind](truth, rng)
    return browser.shoot(page, rng.choice((1.0, 1.0, 1.5))), truth


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    return drawn_kinds(out, count, seed, KINDS, draw, "catline",
                       lambda kind: kind in ("pygal", "plotly", "svg"))


def drawn_kinds(out: Path, count: int, seed: int, kinds: tuple[str, ...],
                draw_one: Callable[[str, random.Random, Any], tuple[Image.Image, dict[str, Any]]],
                prefix: str, in_browser: Callable[[str], bool]) -> dict[str, dict[str, Any]]:
    """``count`` charts drawn by ``draw_one`` into ``out``, cycling through ``kinds`` (a
    browser opened for the first kind ``in_browser``), each finished as a reader receives
    it; returns the truth."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    browser: Any = None
    try:
        for index in range(count):
            rng = random.Random(seed * 1000 + index)
            kind = kinds[index % len(kinds)]
            if browser is None and in_browser(kind):
                from browser import Browser

                browser = Browser((1400, 1000))
            image, entry = draw_one(kind, rng, browser)
            data, ext = finish(image, rng)
            name = f"{prefix}_{seed}_{index:03d}.{ext}"
            (out / name).write_bytes(data)
            truth[name] = entry
    finally:
        if browser is not None:
            browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
