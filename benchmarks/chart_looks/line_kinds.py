"""Line charts as other people draw scaling curves and benchmarks over time, one kind per
chart in turn (the kind is the style the benchmark reports):

- ``mpl legend``: matplotlib style sheets, markers or none, dashed and dotted lines, 2 to 6
  series in close colours (one colour map), legends inside or beside, y starting away from
  zero, some saved as JPEG or resized;
- ``mpl end labels``: no legend, each series named by text at its line's end;
- ``mpl values``: every point's value printed beside it;
- ``seaborn``: ``sns.lineplot`` with ``hue`` and ``style`` (markers and dashes per series)
  and its legend, in seaborn's themes;
- ``plotly``: ``mode="lines+markers"`` or lines, templates, log x in plotly's SI ticks
  ("1B", "10B") or powers ("1e9"), or the data's sizes as tick text ("7B");
- ``vega``: Vega-Lite line + point through vl-convert, in its themes;
- ``svg``: hand-written SVG in Chromium, thin grey tick text, dense grids, a dark page;
- ``months``: scores over release months, the months as categories along x (the truth's x is
  the month's name: a read point must name it).

Truth in the format of ``unseen_charts.py``; a tuning look: its images were looked at."""

from __future__ import annotations

import html
import io
import json
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.common import FAMILIES, SIZES_B, STEPS_K, TOKENS_B, Y_TITLES, Chart

KINDS = ("mpl legend", "mpl end labels", "mpl values", "seaborn", "plotly", "vega", "svg",
         "months")
MPL_STYLES = ("default", "ggplot", "seaborn-v0_8-whitegrid", "seaborn-v0_8-darkgrid", "bmh",
              "fivethirtyeight", "dark_background", "Solarize_Light2", "grayscale",
              "tableau-colorblind10", "classic", "seaborn-v0_8-poster")
MARKERS = ("o", "s", "D", "^", "v", "P")
DASHES = ("-", "--", "-.", ":")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def line_series(rng: random.Random, style: str, renderer: str, most: int = 6) -> Chart:
    """2 to ``most`` families' scores over size or tokens (log x) or steps (linear x), the
    curves starting anywhere from 10 to 60 (a y axis away from zero)."""
    chart = Chart(kind="line", renderer=renderer, style=style, y_title=rng.choice(Y_TITLES))
    chart.x_unit = rng.choice(("size", "tokens", "steps"))
    if chart.x_unit == "size":
        start = rng.randint(0, 4)
        xs: list[float] = list(SIZES_B[start : start + rng.randint(4, 6)])
        chart.log_x, chart.x_title = True, "Parameters"
    elif chart.x_unit == "tokens":
        xs = sorted(rng.sample(TOKENS_B, rng.randint(4, 6)))
        chart.log_x, chart.x_title = True, "Training tokens"
    else:
        xs = [float(v) for v in STEPS_K[: rng.randint(5, 7)]]
        chart.x_title = "Training steps (k)"
    floor = rng.uniform(10, 55)
    for family in rng.sample(FAMILIES, rng.randint(2, most)):
        start, slope = floor + rng.uniform(0, 15), rng.uniform(2, 8)
        chart.series[family] = [
            (x, round(min(97.0, start + slope * i + rng.uniform(-2, 2)), 1))
            for i, x in enumerate(xs)]
    return chart


def month_series(rng: random.Random, style: str) -> Chart:
    """Scores over release months: the x axis names months ("Mar 23"), evenly set."""
    chart = Chart(kind="line", renderer="matplotlib", style=style,
                  y_title=rng.choice(Y_TITLES))
    first = rng.randint(0, 11)
    count = rng.randint(5, 8)
    step = rng.choice((1, 2, 3))
    labels = []
    for i in range(count):
        month = first + i * step
        labels.append(f"{MONTHS[month % 12]} {23 + month // 12}")
    floor = rng.uniform(20, 50)
    for family in rng.sample(FAMILIES, rng.randint(1, 4)):
        start = floor + rng.uniform(0, 10)
        chart.series[family] = [(label, round(min(97.0, start + 3.5 * i + rng.uniform(-2, 2)),
                                              1)) for i, label in enumerate(labels)]
    chart.x_title = "Release"
    return chart


def size_tick(billions: float) -> str:
    return f"{billions:g}B" if billions < 1000 else f"{billions / 1000:g}T"


def _palette(rng: random.Random, count: int) -> list[Any] | None:
    """Close colours from one colour map (a family of models), or None (the style's own)."""
    import matplotlib

    if rng.random() < 0.6:
        return None
    colormap = matplotlib.colormaps[rng.choice(("viridis", "Blues", "plasma", "tab10",
                                                "Dark2"))]
    if colormap.name in ("tab10", "Dark2"):
        return [colormap(i) for i in range(count)]
    return [colormap(0.25 + 0.7 * i / max(1, count - 1)) for i in range(count)]


def _finish(figure_png: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Some charts resized or saved as JPEG, as they travel through posts."""
    image = Image.open(io.BytesIO(figure_png)).convert("RGB")
    if rng.random() < 0.25:
        factor = rng.choice((0.75, 0.85, 1.25))
        image = image.resize((round(image.width * factor), round(image.height * factor)),
                             Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if rng.random() < 0.3:
        image.save(buffer, format="JPEG", quality=rng.choice((70, 80, 90)))
        return buffer.getvalue(), "jpg"
    image.save(buffer, format="PNG")
    return buffer.getvalue(), "png"


def mpl_line(chart: Chart, rng: random.Random, kind: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, NullFormatter

    style = rng.choice(MPL_STYLES)
    chart.style = kind
    with plt.style.context(style):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8), rng.uniform(3.6, 5)),
                               dpi=rng.choice((80, 100, 120)))
        colours = _palette(rng, len(chart.series))
        markers = kind != "mpl legend" or rng.random() < 0.7
        dashed = rng.random() < 0.4
        for index, (name, points) in enumerate(chart.series.items()):
            xs = [float(x) for x, _ in points] if not isinstance(points[0][0], str) else [
                str(x) for x, _ in points]
            ys = [y for _, y in points]
            line = ax.plot(xs, ys, label=name,
                           marker=MARKERS[index % len(MARKERS)] if markers else None,
                           markersize=rng.choice((5, 6, 7)),
                           linestyle=DASHES[index % len(DASHES)] if dashed else "-",
                           linewidth=rng.choice((1.5, 2.0)),
                           color=colours[index] if colours else None)[0]
            if kind == "mpl end labels":
                ax.annotate(name, (xs[-1], ys[-1]), xytext=(6, 0), textcoords="offset points",
                            va="center", color=line.get_color(),
                            fontsize=rng.choice((9, 10, 11)))
            if kind == "mpl values":
                for x, y in zip(xs, ys, strict=True):
                    ax.annotate(f"{y:.1f}", (x, y), xytext=(0, 6), textcoords="offset points",
                                ha="center", fontsize=rng.choice((7, 8, 9)))
        if chart.log_x:
            ax.set_xscale("log")
            ticks = rng.choice(("si", "si", "power"))
            if ticks == "si":
                ax.set_xticks([float(x) for x, _ in next(iter(chart.series.values()))])
                ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: size_tick(v)))
                ax.xaxis.set_minor_formatter(NullFormatter())
        if kind == "mpl end labels":
            ax.margins(x=0.18)
            ax.spines[["top", "right"]].set_visible(False)
        elif len(chart.series) > 1 or kind != "mpl values":
            where = rng.choice(("best", "outside", "upper left", "lower right"))
            if where == "outside":
                ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
            else:
                ax.legend(loc=where, fontsize=rng.choice((8, 9, 10)))
        ax.set_xlabel(chart.x_title)
        ax.set_ylabel(chart.y_title)
        if rng.random() < 0.4:
            ax.set_title(rng.choice(("Scaling", "Benchmark results", "Evaluation")))
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
    return buffer.getvalue()


def seaborn_line(chart: Chart, rng: random.Random) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd
    import seaborn as sns

    frame = pd.DataFrame([{"model": name, "x": float(x), "score": y}
                          for name, points in chart.series.items() for x, y in points])
    with sns.axes_style(rng.choice(("whitegrid", "darkgrid", "white", "ticks"))), \
            sns.plotting_context(rng.choice(("notebook", "paper", "talk"))):
        fig, ax = plt.subplots(figsize=(rng.uniform(6, 8.5), rng.uniform(4, 5.5)),
                               dpi=rng.choice((80, 100)))
        sns.lineplot(data=frame, x="x", y="score", hue="model", style="model",
                     markers=rng.random() < 0.8, dashes=rng.random() < 0.5, ax=ax,
                     hue_order=list(chart.series), style_order=list(chart.series),
                     palette=rng.choice(("deep", "muted", "colorblind", "rocket", "crest")))
        if chart.log_x:
            ax.set_xscale("log")
        ax.set_xlabel(chart.x_title)
        ax.set_ylabel(chart.y_title)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
    return buffer.getvalue()


def plotly_page(chart: Chart, rng: random.Random) -> tuple[str, int, int]:
    import plotly.graph_objects as go

    fig = go.Figure()
    markers = rng.random() < 0.7
    ticks = rng.choice(("si", "e", "named")) if chart.log_x else "plain"
    for index, (name, points) in enumerate(chart.series.items()):
        xs = [float(x) * (1e9 if ticks in ("si", "e") else 1.0) for x, _ in points]
        fig.add_trace(go.Scatter(
            x=xs, y=[y for _, y in points], name=name,
            mode="lines+markers" if markers else "lines",
            marker={"symbol": ("circle", "square", "diamond", "triangle-up")[index % 4],
                    "size": rng.choice((6, 8, 10))},
            line={"width": rng.choice((1.5, 2, 3)),
                  "dash": rng.choice(("solid", "solid", "dash", "dot"))}))
    xaxis: dict[str, Any] = {"title": {"text": chart.x_title}}
    if chart.log_x:
        xaxis["type"] = "log"
        if ticks == "e":  # the counts themselves ("1e9"): the truth too
            xaxis["exponentformat"] = "e"
            chart.series = {name: [(float(x) * 1e9, y) for x, y in points]
                            for name, points in chart.series.items()}
        elif ticks == "named":
            xs = [float(x) for x, _ in next(iter(chart.series.values()))]
            xaxis["tickvals"] = xs
            xaxis["ticktext"] = [size_tick(x) for x in xs]
    width, height = rng.choice((640, 760, 900)), rng.choice((420, 480, 540))
    fig.update_layout(xaxis=xaxis, yaxis={"title": {"text": chart.y_title}},
                      template=rng.choice(("plotly", "plotly_white", "plotly_dark", "ggplot2",
                                           "seaborn", "simple_white", "presentation")),
                      width=width, height=height,
                      legend={"orientation": "h", "y": -0.2} if rng.random() < 0.3 else {})
    page = fig.to_html(full_html=True, include_plotlyjs=True, div_id="shot",
                       default_width=f"{width}px", default_height=f"{height}px",
                       config={"staticPlot": True, "displayModeBar": False})
    return str(page), width, height


def vega_png(chart: Chart, rng: random.Random) -> bytes:
    import vl_convert as vlc

    si = chart.log_x and rng.random() < 0.6
    rows = [{"model": name, "x": float(x) * (1e9 if si else 1.0), "score": y}
            for name, points in chart.series.items() for x, y in points]
    x: dict[str, Any] = {"field": "x", "type": "quantitative",
                         "axis": {"title": chart.x_title, **({"format": "~s"} if si else {})}}
    if chart.log_x:
        x["scale"] = {"type": "log"}
    mark: dict[str, Any] = {"type": "line", "strokeWidth": rng.choice((1.5, 2, 3))}
    if rng.random() < 0.7:
        mark["point"] = {"filled": True, "size": rng.choice((40, 60, 90))}
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": rows}, "mark": mark,
        "width": rng.choice((360, 440, 520)), "height": rng.choice((240, 300)),
        "encoding": {"x": x,
                     "y": {"field": "score", "type": "quantitative", "title": chart.y_title,
                           "scale": {"zero": False}},
                     "color": {"field": "model", "type": "nominal", "sort": list(chart.series),
                               "legend": {"orient": rng.choice(("right", "top", "bottom"))}}},
    }
    theme = rng.choice(("dark", "fivethirtyeight", "excel", "googlecharts", "quartz", "vox",
                        None))
    return bytes(vlc.vegalite_to_png(spec, scale=rng.choice((1.0, 1.5, 2.0)), theme=theme))


SVG_PALETTES = (("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"),
                ("#08519c", "#3182bd", "#6baed6", "#9ecae1", "#c6dbef", "#deebf7"),
                ("#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628"))


def svg_page(chart: Chart, rng: random.Random) -> str:
    """A hand-written SVG: thin grey tick text, a dense grid, a legend, or a dark page."""
    import math

    dark = rng.random() < 0.3
    page, ink, grid = ("#111827", "#9ca3af", "#374151") if dark else (
        "#ffffff", rng.choice(("#666", "#888", "#333")), "#e5e7eb")
    width, height = rng.choice((640, 720, 820)), rng.choice((420, 480))
    left, right, top, bottom = 60, width - 150, 40, height - 60
    xs = [float(x) for x, _ in next(iter(chart.series.values()))]
    ys = [y for points in chart.series.values() for _, y in points]
    low, high = 10 * math.floor(min(ys) / 10), 10 * math.ceil(max(ys) / 10)
    if high - low < 20:
        high = low + 20

    def fx(x: float) -> float:
        if chart.log_x:
            lo, hi = math.log10(min(xs)), math.log10(max(xs))
            return left + (math.log10(x) - lo) / (hi - lo or 1) * (right - left)
        return left + (x - min(xs)) / (max(xs) - min(xs) or 1) * (right - left)

    def fy(y: float) -> float:
        return bottom - (y - low) / (high - low) * (bottom - top)

    font = rng.choice(("Arial, sans-serif", "DejaVu Sans, sans-serif", "Verdana, sans-serif"))
    size = rng.choice((11, 12, 13))
    weight = rng.choice(("300", "normal"))
    parts = [f'<rect width="{width}" height="{height}" fill="{page}"/>']
    step = (high - low) / rng.choice((4, 5, 10)) if (high - low) % 10 == 0 else 5
    value = low
    while value <= high + 1e-9:
        y = fy(value)
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="{grid}" stroke-width="1"/>')
        parts.append(f'<text x="{left - 8}" y="{y + size / 3:.1f}" text-anchor="end" '
                     f'font-size="{size}" font-weight="{weight}" fill="{ink}" '
                     f'font-family="{font}">{value:g}</text>')
        value += step
    for x in xs:
        parts.append(f'<line x1="{fx(x):.1f}" x2="{fx(x):.1f}" y1="{top}" y2="{bottom}" '
                     f'stroke="{grid}" stroke-width="1"/>')
        label = size_tick(x) if chart.log_x else f"{x:g}"
        parts.append(f'<text x="{fx(x):.1f}" y="{bottom + size + 6}" text-anchor="middle" '
                     f'font-size="{size}" font-weight="{weight}" fill="{ink}" '
                     f'font-family="{font}">{label}</text>')
    palette = rng.choice(SVG_PALETTES)
    marker = rng.random() < 0.7
    for index, (name, points) in enumerate(chart.series.items()):
        colour = palette[index % len(palette)]
        path = " ".join(f"{'M' if i == 0 else 'L'}{fx(float(x)):.1f},{fy(y):.1f}"
                        for i, (x, y) in enumerate(points))
        dash = ' stroke-dasharray="6 4"' if rng.random() < 0.25 else ""
        parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        if marker:
            for x, y in points:
                parts.append(f'<circle cx="{fx(float(x)):.1f}" cy="{fy(y):.1f}" r="4" '
                             f'fill="{colour}"/>')
        ly = top + 10 + 22 * index
        parts.append(f'<line x1="{right + 16}" x2="{right + 36}" y1="{ly}" y2="{ly}" '
                     f'stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<text x="{right + 42}" y="{ly + size / 3:.1f}" font-size="{size}" '
                     f'fill="{ink}" font-family="{font}">{html.escape(name)}</text>')
    parts.append(f'<text x="{(left + right) / 2}" y="{height - 14}" text-anchor="middle" '
                 f'font-size="{size}" fill="{ink}" font-family="{font}">'
                 f'{html.escape(chart.x_title)}</text>')
    svg = (f'<svg id="shot" xmlns="http://www.w3.org/2000/svg" width="{width}" '
           f'height="{height}">' + "".join(parts) + "</svg>")
    return f'<!doctype html><html><body style="margin:0;background:{page}">{svg}</body></html>'


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    browser: Any = None
    try:
        for index in range(count):
            rng = random.Random(seed + index)
            kind = KINDS[index % len(KINDS)]
            chart = (month_series(rng, kind) if kind == "months"
                     else line_series(rng, kind, kind.split()[0], 4 if kind == "svg" else 6))
            chart.style = kind
            if kind in ("plotly", "svg"):
                if browser is None:
                    from browser import Browser

                    browser = Browser((1400, 1000), None)
                page = plotly_page(chart, rng)[0] if kind == "plotly" else svg_page(chart, rng)
                image = browser.shoot(page, rng.choice((1.0, 1.0, 1.5, 2.0)))
                buffer = io.BytesIO()
                image.save(buffer, format="PNG")
                data, ext = buffer.getvalue(), "png"
            elif kind == "vega":
                data, ext = vega_png(chart, rng), "png"
            elif kind == "seaborn":
                data, ext = _finish(seaborn_line(chart, rng), rng)
            else:
                data, ext = _finish(mpl_line(chart, rng, kind), rng)
            name = f"line_{index:03d}.{ext}"
            (out / name).write_bytes(data)
            truth[name] = chart.truth()
    finally:
        if browser is not None:
            browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
