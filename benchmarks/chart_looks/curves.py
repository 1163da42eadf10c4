"""Line charts as people outside this project draw them: scaling curves and scores over time.

Written before reading the chart reader or the other looks, from how papers, blogs and model
cards draw line charts:

- scaling curves: a score against parameters, training tokens or training compute on a log
  axis, its ticks printed as ``1B 10B 100B`` (the truth's x then in billions), ``10⁹`` or
  ``1e9`` (x in plain units), or ``1,000 10,000`` (x in the unit the title states);
- model sizes as equally spaced categories (``7B 13B 70B``), and scores over months, versions
  or quarters along x (the truth's x is then the category's text);
- drawn by plotly in Chromium (several templates, ``lines+markers`` or lines only), Vega-Lite
  through vl-convert (points overlaid, themes, log scales), seaborn ``lineplot`` with hue and
  style, and matplotlib with its style sheets; names in a legend or at the lines' ends,
  values printed at points, dashed lines, 2 to 6 series in close colours, y not starting at
  0, dense grids, dark themes, 400 to 1600 px wide, some resized or saved as JPEG.

``generate(out, count, seed)`` cycles through the styles; the truth is in the format of
``unseen_charts.py``. A tuning look: tune on one seed, score another.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

FAMILIES = ("Pythia", "OPT", "BLOOM", "Llama", "Qwen2.5", "Gemma 2", "Falcon", "OLMo",
            "Cerebras-GPT", "StableLM", "Ours", "Ours (MoE)", "Dense baseline", "Chinchilla",
            "Mamba", "RWKV", "Transformer++", "SmolLM", "Phi", "MiniCPM")
TRACKED = ("GPT-4", "Claude", "Gemini", "Best open model", "Llama", "Mistral", "DeepSeek",
           "Qwen", "Top-10 average", "Median model")
BENCHES = ("MMLU", "GSM8K", "HumanEval", "MATH", "ARC-Challenge", "HellaSwag", "BBH", "GPQA",
           "MBPP", "TriviaQA", "DROP", "IFEval")
Y_TITLES = ("Accuracy (%)", "Score", "MMLU 5-shot", "Pass@1 (%)", "Average accuracy",
            "Exact match", "Win rate vs. baseline (%)", "")
PARAMS_B = (0.07, 0.16, 0.41, 1.0, 1.4, 2.8, 6.9, 12.0, 30.0, 66.0, 175.0, 540.0)
TOKENS_B = (5.0, 20.0, 50.0, 100.0, 300.0, 600.0, 1400.0, 3000.0, 8000.0, 15000.0)
FLOPS = (3e18, 1e19, 6e19, 2e20, 8e20, 3e21, 1e22, 5e22, 2e23, 1e24)
SIZE_CATEGORIES = (("1B", "3B", "8B", "70B"), ("7B", "13B", "70B"), ("7B", "13B", "34B", "70B"),
                   ("0.5B", "1.5B", "3B", "7B", "14B", "32B", "72B"), ("2B", "9B", "27B"),
                   ("125M", "350M", "1.3B", "2.7B", "6.7B"), ("S", "M", "L", "XL"))
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
VERSIONS = ("v0.1", "v0.2", "v0.3", "v1.0", "v1.1", "v1.5", "v2.0", "v2.1", "v3.0")
CLOSE_PALETTES = (("#1f3b73", "#2f5597", "#4472c4", "#6f93d6", "#9fb7e6", "#c5d4f0"),
                  ("#7a1d1d", "#a32a2a", "#c83e3e", "#e06666", "#ea9999", "#f4c7c7"),
                  ("#0b5d1e", "#1e7b34", "#2f9e4a", "#53b96a", "#85d096", "#b4e3bd"),
                  ("#ff7f0e", "#ff9933", "#e6550d", "#fd8d3c", "#d94801", "#fdae6b"))
STYLES = ("plotly_log", "plotly_categories", "vega_log", "vega_categories", "seaborn",
          "mpl_log", "mpl_categories", "mpl_end_labels", "mpl_value_labels")


@dataclass
class Curves:
    """One chart's content: x positions, series, and how the x ticks are printed."""

    style: str
    renderer: str
    xs: list[Any]  # floats in the truth's unit on a numeric axis, strings on a category axis
    series: dict[str, list[float]] = field(default_factory=dict)
    log_x: bool = False
    tick_format: str = "category"  # suffix, power, mathtext, e, plain, default, category
    tick_scale: float = 1.0  # plain value of one truth unit (1e9 when x is in billions)
    x_title: str = ""
    y_title: str = ""
    y_suffix: str = ""

    def truth(self) -> dict[str, Any]:
        return {"kind": "line", "renderer": self.renderer, "style": self.style,
                "log_x": self.log_x, "labelled": False,
                "series": {name: [[x, y] for x, y in zip(self.xs, ys, strict=True)]
                           for name, ys in self.series.items()}}


def _rising(rng: random.Random, count: int, low: float, high: float) -> list[float]:
    """A score that climbs from near ``low`` to near ``high``, with a little noise and a
    possible plateau, rounded to one decimal as papers print."""
    start = rng.uniform(low, low + (high - low) * 0.3)
    end = rng.uniform(start + (high - low) * 0.2, high)
    bend = rng.uniform(0.6, 1.6)
    values = []
    for i in range(count):
        t = (i / max(count - 1, 1)) ** bend
        values.append(round(min(99.0, max(1.0, start + (end - start) * t
                                          + rng.uniform(-1.5, 1.5))), 1))
    return values


def scaling_content(rng: random.Random, style: str, renderer: str,
                    formats: tuple[str, ...]) -> Curves:
    """Scores against parameters, tokens or compute on a log axis."""
    axis = rng.choice(("params", "tokens", "flops"))
    tick_format = rng.choice(formats)
    if axis == "flops":
        tick_format = tick_format if tick_format in ("power", "mathtext", "e", "default") \
            else "e"
        start = rng.randint(0, len(FLOPS) - 5)
        raw = list(FLOPS[start:start + rng.randint(4, len(FLOPS) - start)])[:7]
        x_title = rng.choice(("Training compute (FLOPs)", "FLOPs", "Compute (FLOPs)"))
        scale = 1.0
    else:
        pool = PARAMS_B if axis == "params" else TOKENS_B
        start = rng.randint(0, len(pool) - 4)
        raw = [v * 1e9 for v in pool[start:start + rng.randint(4, 7)]]
        x_title = ("Parameters" if axis == "params" else "Training tokens")
        # (plotly's own ticks print a billion as "1B": the truth is then in billions)
        scale = 1e9 if tick_format in ("suffix", "plain") or (
            tick_format == "default" and renderer == "plotly") else 1.0
        if tick_format == "plain":
            x_title += " (billions)"
    xs = [round(v / scale, 6) for v in raw]
    curves = Curves(style=style, renderer=renderer, xs=xs, log_x=True,
                    tick_format=tick_format, tick_scale=scale, x_title=x_title,
                    y_title=rng.choice(Y_TITLES))
    names = rng.sample(FAMILIES, rng.randint(2, 6))
    low = rng.uniform(20, 45)
    for name in names:
        curves.series[name] = _rising(rng, len(xs), low, rng.uniform(low + 20, 90))
    return curves


def category_content(rng: random.Random, style: str, renderer: str) -> Curves:
    """Scores over model sizes (equally spaced), months, versions or quarters."""
    kind = rng.choice(("sizes", "months", "versions", "quarters"))
    if kind == "sizes":
        xs = list(rng.choice(SIZE_CATEGORIES))
        x_title, names = "Model size", rng.sample(BENCHES, rng.randint(2, 5))
    elif kind == "months":
        year = rng.choice((23, 24, 25))
        first, with_year = rng.randint(0, 5), rng.random() < 0.6
        xs = [f"{MONTHS[m]} {year}" if with_year else MONTHS[m]
              for m in range(first, first + rng.randint(4, 7))]
        x_title, names = "", rng.sample(TRACKED, rng.randint(2, 5))
    elif kind == "versions":
        first = rng.randint(0, 4)
        xs = list(VERSIONS[first:first + rng.randint(4, 5)])
        x_title, names = "Release", rng.sample(BENCHES, rng.randint(2, 4))
    else:
        year = rng.choice((2022, 2023, 2024))
        xs = [f"Q{q % 4 + 1} {year + q // 4}" for q in range(rng.randint(4, 8))]
        x_title, names = "", rng.sample(TRACKED, rng.randint(2, 4))
    curves = Curves(style=style, renderer=renderer, xs=xs, x_title=x_title,
                    y_title=rng.choice(Y_TITLES))
    low = rng.uniform(15, 50)
    for name in names:
        curves.series[name] = _rising(rng, len(xs), low, rng.uniform(low + 15, 95))
    return curves


def tick_text(value: float, curves: Curves) -> str:
    """A log tick's text (``value`` in the truth's unit) as the chart prints it."""
    if curves.tick_format == "suffix":
        if value >= 1000:
            return f"{value / 1000:g}T"
        if value >= 1:
            return f"{value:g}B"
        return f"{value * 1000:g}M"
    if curves.tick_format == "plain":
        return f"{value:,g}"
    exponent = math.floor(math.log10(value) + 1e-9)
    mantissa = value / 10 ** exponent
    if curves.tick_format == "e":
        return f"{mantissa:g}e{exponent}"
    superscript = str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"10{superscript}" if abs(mantissa - 1) < 1e-9 else f"{mantissa:g}×10{superscript}"


def log_ticks(curves: Curves, rng: random.Random, steps: tuple[int, ...] | None = None
              ) -> list[float]:
    """Decade ticks (or 1-2-5 ticks) covering the data, in the truth's unit."""
    low, high = min(curves.xs), max(curves.xs)
    steps = steps or rng.choice(((1,), (1,), (1, 3), (1, 2, 5)))
    ticks = []
    for exponent in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1):
        for step in steps:
            value = step * 10.0 ** exponent
            if low / 1.6 <= value <= high * 1.6:
                ticks.append(float(f"{value:.6g}"))
    return ticks


def y_range(curves: Curves, rng: random.Random) -> tuple[float, float]:
    """The y range a chart shows: around the data, seldom from 0."""
    values = [v for ys in curves.series.values() for v in ys]
    low, high = min(values), max(values)
    if rng.random() < 0.2:
        return 0.0, min(100.0, high + rng.uniform(3, 10))
    return max(0.0, math.floor((low - rng.uniform(2, 8)) / 5) * 5), high + rng.uniform(2, 8)


def figure_image(figure: Any, dpi: int) -> Image.Image:
    """A matplotlib figure laid out, saved as a PNG at ``dpi`` and closed."""
    import matplotlib.pyplot as plt

    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    plt.close(figure)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def finish(image: Image.Image, rng: random.Random) -> tuple[bytes, str]:
    """The image as a reader receives it: 400 to 1600 px wide, perhaps resized, perhaps a
    JPEG."""
    width = image.width
    target = min(1600, max(400, int(width * rng.choice((1.0, 1.0, 0.7, 0.85, 1.2)))))
    if target != width:
        image = image.resize((target, round(image.height * target / width)),
                             rng.choice((Image.Resampling.BILINEAR, Image.Resampling.LANCZOS)))
    buffer = io.BytesIO()
    if rng.random() < 0.3:
        image.convert("RGB").save(buffer, "JPEG", quality=rng.randint(60, 90))
        return buffer.getvalue(), "jpg"
    image.convert("RGB").save(buffer, "PNG")
    return buffer.getvalue(), "png"


# ---------------------------------------------------------------- plotly (in Chromium)

PLOTLY_TEMPLATES = ("plotly", "plotly_white", "plotly_dark", "ggplot2", "seaborn",
                    "simple_white", "presentation", "none")


def plotly_page(curves: Curves, rng: random.Random, width: int, height: int) -> str:
    import plotly.graph_objects as go

    template = rng.choice(PLOTLY_TEMPLATES)
    mode = rng.choice(("lines+markers", "lines+markers", "lines"))
    close = rng.random() < 0.3
    palette = rng.choice(CLOSE_PALETTES)
    dashes = rng.random() < 0.3
    figure = go.Figure()
    for index, (name, ys) in enumerate(curves.series.items()):
        line: dict[str, Any] = {"width": rng.choice((1.5, 2, 3))}
        if close:
            line["color"] = palette[index % len(palette)]
        if dashes:
            line["dash"] = ("solid", "dash", "dot", "dashdot")[index % 4]
        figure.add_trace(go.Scatter(
            x=[x * curves.tick_scale for x in curves.xs]
            if curves.tick_format == "default" else curves.xs,
            y=ys, name=name, mode=mode, line=line,
            marker={"size": rng.choice((6, 8, 10)),
                    "symbol": rng.choice(("circle", "square", "diamond", "circle"))}))
    low, high = y_range(curves, rng)
    xaxis: dict[str, Any] = {"title": {"text": curves.x_title}}
    if curves.log_x:
        xaxis["type"] = "log"
        if curves.tick_format == "default":  # plotly's own ticks ("1B", "2", "5", "10B")
            if curves.tick_scale == 1.0:
                xaxis["exponentformat"] = "e"  # compute: "1e+21"
        elif curves.tick_format == "power" and rng.random() < 0.5:
            xaxis["exponentformat"] = "power"  # plotly's own 10⁹ ticks
            xaxis["dtick"] = 1
        else:
            ticks = log_ticks(curves, rng)
            xaxis["tickvals"] = ticks
            xaxis["ticktext"] = [tick_text(t, curves) for t in ticks]
    else:
        xaxis["type"] = "category"
    if rng.random() < 0.3:
        xaxis["showgrid"] = True
        xaxis["gridcolor"] = rng.choice(("#e5e5e5", "#cccccc", "#444444"))
    yaxis: dict[str, Any] = {"title": {"text": curves.y_title}, "range": [low, high]}
    if rng.random() < 0.3:
        yaxis["dtick"] = rng.choice((2, 5))  # a dense grid
    if rng.random() < 0.2:
        yaxis["ticksuffix"] = "%"
    legend: dict[str, Any] = {}
    if rng.random() < 0.4:
        legend = {"orientation": "h", "y": -0.2 if rng.random() < 0.5 else 1.08, "x": 0}
    figure.update_layout(template=template, width=width, height=height, xaxis=xaxis,
                         yaxis=yaxis, legend=legend, title=rng.choice(
                             ("", "Scaling", "Benchmark accuracy", curves.y_title)),
                         margin={"l": 60, "r": 30, "t": 50, "b": 60},
                         font={"family": rng.choice(("Arial", "DejaVu Sans", "Liberation Serif",
                                                     "Open Sans, sans-serif")),
                               "size": rng.choice((11, 12, 14))})
    return plotly_html(figure, width, height)


def plotly_shot(browser: Any, rng: random.Random, page: Callable[[int, int], str]
                ) -> Image.Image:
    """The plotly page ``page(width, height)`` shot in Chromium, 560 to 1000 px wide at a
    device scale of 1 or 1.5."""
    width = rng.randint(560, 1000)
    html = page(width, int(width * rng.uniform(0.6, 0.75)))
    return browser.shoot(html, rng.choice((1.0, 1.5)))


def plotly_font(rng: random.Random) -> dict[str, Any]:
    return {"family": rng.choice(("Arial", "DejaVu Sans", "Liberation Serif")),
            "size": rng.choice((11, 12, 14))}


def plotly_html(figure: Any, width: int, height: int) -> str:
    """A plotly figure as a static page, plotly.js inlined, the figure in ``#shot``."""
    import plotly.offline

    div = figure.to_html(include_plotlyjs=False, full_html=False,
                         config={"staticPlot": True, "displayModeBar": False})
    return (f"<html><head><meta charset='utf-8'><script>{plotly.offline.get_plotlyjs()}"
            f"</script></head><body style='margin:0'><div id='shot' style='width:{width}px;"
            f"height:{height}px'>{div}</div></body></html>")


# ---------------------------------------------------------------- Vega-Lite (vl-convert)

VEGA_THEMES = (None, None, "dark", "excel", "fivethirtyeight", "ggplot2", "googlecharts",
               "latimes", "quartz", "urbaninstitute", "vox", "powerbi", "carbonwhite",
               "carbong100")
# vl-convert draws no text in a font it lacks (a browser would fall back): these themes'
# fonts are swapped for an installed one
FONTLESS_THEMES = ("urbaninstitute", "powerbi", "carbonwhite", "carbong100")


def vega_png(curves: Curves, rng: random.Random, width: int, height: int) -> Image.Image:
    import vl_convert

    rows = [{"x": x, "y": y, "series": name} for name, ys in curves.series.items()
            for x, y in zip(curves.xs, ys, strict=True)]
    low, high = y_range(curves, rng)
    x_field: dict[str, Any] = {"field": "x", "title": curves.x_title or None}
    if curves.log_x:
        x_field["type"] = "quantitative"
        x_field["scale"] = {"type": "log"}
        axis: dict[str, Any] = {"grid": rng.random() < 0.6}
        if curves.tick_format == "default":
            pass  # Vega's own ticks: "1,000,000,000", "1e+21", minor ones at 2, 3, 5
        elif curves.tick_format == "plain" and rng.random() < 0.5:
            axis["format"] = ",~g"  # Vega's own ticks, printed with thousands separators
        else:
            ticks = log_ticks(curves, rng)
            axis["values"] = ticks
            axis["labelExpr"] = " : ".join(
                [f"abs(datum.value - {t!r}) <= {t * 1e-6!r} ? '{tick_text(t, curves)}'"
                 for t in ticks] + ["''"])
        x_field["axis"] = axis
    else:
        x_field["type"] = "ordinal"
        x_field["sort"] = None
        x_field["axis"] = {"labelAngle": rng.choice((0, 0, -45))}
    encoding: dict[str, Any] = {
        "x": x_field,
        "y": {"field": "y", "type": "quantitative", "title": curves.y_title or None,
              "scale": {"domain": [low, high], "zero": False}},
        "color": {"field": "series", "type": "nominal", "sort": None,
                  "title": rng.choice((None, "Model", "Family"))},
    }
    if rng.random() < 0.3:
        encoding["color"]["scale"] = {"range": list(rng.choice(CLOSE_PALETTES))}
    if rng.random() < 0.3:
        encoding["strokeDash"] = {"field": "series", "type": "nominal", "sort": None,
                                  "legend": None}
    points = rng.choice((True, True, False, "filled"))
    mark: dict[str, Any] = {"type": "line", "strokeWidth": rng.choice((1.5, 2, 3))}
    if points == "filled":
        mark["point"] = {"filled": True, "size": rng.choice((40, 70))}
    elif points:
        mark["point"] = True
    legend_spot = rng.choice(("right", "right", "bottom", "top"))
    encoding["color"]["legend"] = {"orient": legend_spot}
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "width": width, "height": height, "data": {"values": rows},
            "mark": mark, "encoding": encoding,
            "title": rng.choice(("", "Accuracy vs. scale", "Progress over time", ""))}
    theme = rng.choice(VEGA_THEMES)
    font = rng.choice(("Roboto", "Open Sans", "Liberation Sans", "DejaVu Sans"))
    config = ({"font": font, "axis": {"labelFont": font, "titleFont": font},
               "legend": {"labelFont": font, "titleFont": font}}
              if theme in FONTLESS_THEMES else None)
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice((1.0, 1.5, 2.0)), theme=theme,
                                     config=config)
    image = Image.open(io.BytesIO(png))
    if image.mode in ("RGBA", "LA"):  # vl-convert leaves the background transparent
        white = Image.new("RGB", image.size, "white")
        white.paste(image, mask=image.getchannel("A"))
        return white
    return image.convert("RGB")


# ---------------------------------------------------------------- matplotlib and seaborn

MPL_SHEETS = ("default", "ggplot", "bmh", "fivethirtyeight", "seaborn-v0_8-whitegrid",
              "seaborn-v0_8-darkgrid", "seaborn-v0_8-paper", "dark_background",
              "Solarize_Light2", "grayscale", "tableau-colorblind10", "petroff10", "classic")


def _mpl_log_axis(ax: Any, curves: Curves, rng: random.Random) -> None:
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

    ax.set_xscale("log")
    if curves.tick_format in ("mathtext", "default"):
        return  # matplotlib's own 10^k ticks
    ticks = log_ticks(curves, rng)
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: tick_text(value, curves)))
    ax.xaxis.set_minor_formatter(NullFormatter())


def mpl_image(curves: Curves, rng: random.Random, labels: str) -> Image.Image:
    """matplotlib with a style sheet; ``labels``: legend, end (names at the lines' ends) or
    values (each point's value printed above it)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sheet = rng.choice(MPL_SHEETS)
    dpi = rng.choice((72, 100, 110, 150))
    width_px, height_px = rng.randint(480, 1400), 0
    height_px = int(width_px * rng.uniform(0.55, 0.8))
    with plt.style.context(sheet):
        figure, ax = plt.subplots(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
        close = rng.random() < 0.3
        palette = rng.choice(CLOSE_PALETTES)
        markers = rng.choice((True, True, False))
        dashed = rng.random() < 0.3
        positions = (curves.xs if curves.log_x else list(range(len(curves.xs))))
        for index, (name, ys) in enumerate(curves.series.items()):
            kwargs: dict[str, Any] = {"label": name, "linewidth": rng.choice((1.2, 1.8, 2.5))}
            if close:
                kwargs["color"] = palette[index % len(palette)]
            if markers:
                kwargs["marker"] = "osD^v*"[index % 6] if rng.random() < 0.5 else "o"
                kwargs["markersize"] = rng.choice((4, 6, 8))
            if dashed:
                kwargs["linestyle"] = ("-", "--", ":", "-.")[index % 4]
            plotted = positions
            (line,) = ax.plot(plotted, ys, **kwargs)
            if labels == "end":
                ax.annotate(name, (plotted[-1], ys[-1]), xytext=(6, 0),
                            textcoords="offset points", va="center",
                            color=line.get_color(), fontsize=rng.choice((8, 9, 10)))
            if labels == "values":
                for x, y in zip(plotted, ys, strict=True):
                    ax.annotate(f"{y:.1f}", (x, y), xytext=(0, 5), textcoords="offset points",
                                ha="center", fontsize=rng.choice((7, 8)),
                                color=line.get_color())
        if curves.log_x:
            if curves.tick_format in ("mathtext", "default"):
                ax.set_xscale("log")
            else:
                _mpl_log_axis(ax, curves, rng)
        else:
            ax.set_xticks(positions, curves.xs)
            ax.set_xlim(-0.4, len(positions) - 0.6 + (0.8 if labels == "end" else 0.0))
        if labels == "end" and curves.log_x:
            low_x, high_x = ax.get_xlim()
            ax.set_xlim(low_x, high_x * 2.5)
        ax.set_ylim(*y_range(curves, rng))
        if rng.random() < 0.3:
            ax.minorticks_on()
            ax.grid(True, which="both", alpha=0.4)
        ax.set_xlabel(curves.x_title)
        ax.set_ylabel(curves.y_title)
        if labels != "end":
            ax.legend(loc=rng.choice(("best", "lower right", "upper left")),
                      fontsize=rng.choice((8, 9, 10)), frameon=rng.random() < 0.7)
        return figure_image(figure, dpi)


def seaborn_image(curves: Curves, rng: random.Random) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd
    import seaborn as sns

    frame = pd.DataFrame([{"x": x if curves.log_x else str(x), "score": y, "model": name}
                          for name, ys in curves.series.items()
                          for x, y in zip(curves.xs, ys, strict=True)])
    theme = rng.choice(("darkgrid", "whitegrid", "ticks", "white", "dark"))
    context = rng.choice(("paper", "notebook", "talk"))
    palette = rng.choice(("deep", "muted", "colorblind", "Blues_d", "rocket", "viridis",
                          "crest", "Set2"))
    dpi = rng.choice((80, 100, 130))
    width_px = rng.randint(500, 1300)
    with sns.axes_style(theme), sns.plotting_context(context):
        figure, ax = plt.subplots(figsize=(width_px / dpi, width_px * 0.62 / dpi), dpi=dpi)
        sns.lineplot(data=frame, x="x", y="score", hue="model", style="model",
                     markers=rng.random() < 0.7, dashes=rng.random() < 0.6,
                     palette=palette, ax=ax, sort=False)
        if curves.log_x:
            _mpl_log_axis(ax, curves, rng)
        ax.set_ylim(*y_range(curves, rng))
        ax.set_xlabel(curves.x_title)
        ax.set_ylabel(curves.y_title)
        legend = ax.get_legend()
        if legend is not None:
            legend.set_title(rng.choice(("model", "", "Family")))
        return figure_image(figure, dpi)


# ---------------------------------------------------------------- one chart per style

def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    width, height = rng.randint(420, 1000), 0
    height = int(width * rng.uniform(0.55, 0.8))
    if style == "plotly_log":
        curves = scaling_content(rng, style, "plotly", ("suffix", "power", "e", "plain",
                                                              "default"))
        return browser.shoot(plotly_page(curves, rng, width, height),
                             rng.choice((1.0, 1.5))), curves
    if style == "plotly_categories":
        curves = category_content(rng, style, "plotly")
        return browser.shoot(plotly_page(curves, rng, width, height),
                             rng.choice((1.0, 1.5))), curves
    if style in ("vega_log", "vega_categories"):
        curves = (scaling_content(rng, style, "vega-lite",
                                  ("suffix", "power", "e", "plain", "default", "default"))
                  if style == "vega_log" else category_content(rng, style, "vega-lite"))
        return vega_png(curves, rng, int(width * 0.75), int(height * 0.7)), curves
    if style == "seaborn":
        curves = (scaling_content(rng, style, "seaborn", ("suffix", "e", "plain", "power"))
                  if rng.random() < 0.5 else category_content(rng, style, "seaborn"))
        return seaborn_image(curves, rng), curves
    if style == "mpl_log":
        curves = scaling_content(rng, style, "matplotlib",
                                 ("suffix", "mathtext", "power", "e", "plain"))
        return mpl_image(curves, rng, "legend"), curves
    if style == "mpl_categories":
        curves = category_content(rng, style, "matplotlib")
        return mpl_image(curves, rng, "legend"), curves
    curves = (scaling_content(rng, style, "matplotlib", ("suffix", "mathtext", "plain"))
              if rng.random() < 0.5 else category_content(rng, style, "matplotlib"))
    return mpl_image(curves, rng, "end" if style == "mpl_end_labels" else "values"), curves


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)


def drawn_in_turn(out: Path, count: int, seed: int, styles: tuple[str, ...],
                  draw_one: Callable[[str, random.Random, Any], tuple[Image.Image, Curves]]
                  ) -> dict[str, dict[str, Any]]:
    """``count`` charts drawn by ``draw_one`` into ``out``, cycling through ``styles``, each
    finished as a reader receives it; returns the truth (a look sharing this one's
    content)."""
    from browser import Browser

    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    browser = Browser((1100, 900), None)
    try:
        for index in range(count):
            rng = random.Random(seed * 1000 + index)
            style = styles[index % len(styles)]
            image, curves = draw_one(style, rng, browser)
            data, ext = finish(image, rng)
            name = f"{index:03d}_{style}.{ext}"
            (out / name).write_bytes(data)
            truth[name] = curves.truth()
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=18)
    parser.add_argument("--seed", type=int, default=300)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
