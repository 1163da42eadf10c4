"""Line charts whose series are named on the plot, in close colours, on log axes in several
notations: the kinds the ``curves`` look draws seldom.

- series named by text at each line's last point (in the line's colour, or grey beside
  it) or along the line, with no legend;
- each point's value printed above its marker;
- two series of one hue (two blues, a dark and a light orange), thin antialiased lines over
  gridlines about as light, dark pages, lines that cross;
- log x ticks printed ``1e9``, ``1B 10B 100B``, ``10^9``, ``1,000`` or as plotly's minor
  ticks (``2 5 10 2 5 100``: only the decades in full).

Drawn by plotly in Chromium, Vega-Lite through vl-convert (its dark theme), hand-written SVG
"cards" in Chromium, and matplotlib in its style sheets (Solarize_Light2, dark_background,
seaborn-v0_8-*), several fonts and sizes, some JPEG. The content and the tick text are the
``curves`` look's (its truth format too). A tuning look: tune on one seed, score another.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.curves import (
    Curves,
    drawn_in_turn,
    figure_image,
    log_ticks,
    scaling_content,
    tick_text,
    y_range,
)

STYLES = ("plotly_end_names", "plotly_point_values", "vega_dark", "svg_card", "mpl_solarized",
          "mpl_dark_end", "seaborn_inline", "mpl_notations")
# pairs of one hue (a dark and a light shade) set beside other hues: a chart takes its
# series' colours in this order, so two series of one hue always meet
SIMILAR_HUES = (("#1f4e9c", "#6fa8dc", "#e6550d", "#fdae6b", "#2ca02c", "#98df8a"),
                ("#d94801", "#fdae6b", "#08519c", "#9ecae1", "#54278f", "#bcbddc"),
                ("#0b6e4f", "#5fbf8f", "#c0392b", "#f1948a", "#1f77b4", "#aec7e8"),
                ("#2166ac", "#4393c3", "#b2182b", "#d6604d", "#762a83", "#9970ab"))
DARK_HUES = (("#4c9be8", "#a8d0f5", "#ff9f43", "#ffd29a", "#5fd068", "#b4f0b8"),
             ("#f58518", "#ffbf79", "#54a24b", "#88d27a", "#4c78a8", "#9ecae9"))
FONTS = ("Arial", "DejaVu Sans", "Liberation Serif", "Open Sans, sans-serif",
         "Liberation Mono", "Noto Sans")


def content(rng: random.Random, style: str, renderer: str, formats: tuple[str, ...]
            ) -> Curves:
    """A scaling chart of 2 to 5 series on a log x axis; some series cross: one starts
    high and gains little, another starts low and ends on top."""
    curves = scaling_content(rng, style, renderer, formats)
    names = list(curves.series)[:rng.randint(2, 5)]
    curves.series = {name: curves.series[name] for name in names}
    if len(names) >= 2 and rng.random() < 0.6:
        count = len(curves.xs)
        low, high = rng.uniform(30, 45), rng.uniform(70, 88)
        curves.series[names[0]] = [round(low + (high - low) * i / (count - 1)
                                         + rng.uniform(-1, 1), 1) for i in range(count)]
        curves.series[names[1]] = [round(low + 15 + (high - low - 25) * i / (count - 1)
                                         + rng.uniform(-1, 1), 1) for i in range(count)]
    return curves


def caret_text(value: float) -> str:
    """``10^9``, ``3x10^9``: a power of ten typed without superscripts."""
    exponent = math.floor(math.log10(value) + 1e-9)
    mantissa = value / 10 ** exponent
    return f"10^{exponent}" if abs(mantissa - 1) < 1e-9 else f"{mantissa:g}x10^{exponent}"


def x_labels(curves: Curves, rng: random.Random) -> tuple[list[float], list[str]]:
    """Decade (or 1-3, 1-2-5) ticks and their text in the chart's notation."""
    ticks = log_ticks(curves, rng)
    if curves.tick_format == "caret":
        return ticks, [caret_text(t * curves.tick_scale) for t in ticks]
    return ticks, [tick_text(t, curves) for t in ticks]


def spread(ends: list[float], gap: float) -> list[float]:
    """End-label heights pushed apart to ``gap`` at least (as a chart's author nudges them
    so that they do not overlap), in the order of ``ends``."""
    order = sorted(range(len(ends)), key=lambda i: ends[i])
    placed = [ends[i] for i in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    result = [0.0] * len(ends)
    for k, i in enumerate(order):
        result[i] = placed[k]
    return result


# ---------------------------------------------------------------- plotly (in Chromium)

def plotly_page(curves: Curves, rng: random.Random, width: int, height: int,
                labels: str) -> str:
    """``labels``: ``end`` (names at the lines' ends, no legend) or ``values``."""
    import plotly.graph_objects as go
    import plotly.offline

    template = rng.choice(("plotly", "plotly_white", "simple_white", "plotly_dark",
                           "ggplot2", "seaborn"))
    dark = template == "plotly_dark"
    palette = rng.choice(DARK_HUES if dark else SIMILAR_HUES)
    grey_names = rng.random() < 0.4
    figure = go.Figure()
    low, high = y_range(curves, rng)
    ends = spread([ys[-1] for ys in curves.series.values()], (high - low) * 0.06)
    font_size = rng.choice((11, 12, 13, 14))
    for index, (name, ys) in enumerate(curves.series.items()):
        colour = palette[index % len(palette)]
        trace: dict[str, Any] = {"x": [x * curves.tick_scale for x in curves.xs]
                                 if curves.tick_format == "default" else curves.xs,
                                 "y": ys, "name": name,
                                 "line": {"width": rng.choice((1, 1.5, 2, 2.5)),
                                          "color": colour},
                                 "marker": {"size": rng.choice((5, 6, 8)), "color": colour},
                                 "mode": "lines+markers"}
        if labels == "values":
            trace["mode"] = "lines+markers+text"
            trace["text"] = [f"{y:.1f}" for y in ys]
            trace["textposition"] = "top center"
            trace["textfont"] = {"size": font_size - 1,
                                 "color": colour if rng.random() < 0.6 else "#777777"}
        figure.add_trace(go.Scatter(**trace))
        if labels == "end":
            figure.add_annotation(x=math.log10(trace["x"][-1]), y=ends[index], text=name,
                                  showarrow=False, xanchor="left", xshift=8,
                                  font={"color": "#888888" if grey_names else colour,
                                        "size": font_size})
    xaxis: dict[str, Any] = {"title": {"text": curves.x_title}, "type": "log"}
    if curves.tick_format == "default":
        xaxis["dtick"] = rng.choice(("D2", "D1", None))  # "2 5 10 2 5 100": minor labels
        if curves.tick_scale == 1.0:
            xaxis["exponentformat"] = rng.choice(("e", "power"))
    else:
        ticks, texts = x_labels(curves, rng)
        xaxis["tickvals"], xaxis["ticktext"] = ticks, texts
    if labels == "end":  # room for the names right of the lines
        first, last = math.log10(min(trace["x"])), math.log10(max(trace["x"]))
        xaxis["range"] = [first - (last - first) * 0.05, last + (last - first) * 0.3]
    yaxis: dict[str, Any] = {"title": {"text": curves.y_title}, "range": [low, high]}
    figure.update_layout(template=template, width=width, height=height, xaxis=xaxis,
                         yaxis=yaxis, showlegend=labels != "end",
                         title=rng.choice(("", "Scaling", curves.y_title)),
                         margin={"l": 60, "r": 30, "t": 50, "b": 60},
                         font={"family": rng.choice(FONTS), "size": font_size})
    div = figure.to_html(include_plotlyjs=False, full_html=False,
                         config={"staticPlot": True, "displayModeBar": False})
    return (f"<html><head><meta charset='utf-8'><script>{plotly.offline.get_plotlyjs()}"
            f"</script></head><body style='margin:0'><div id='shot' style='width:{width}px;"
            f"height:{height}px'>{div}</div></body></html>")


# ---------------------------------------------------------------- Vega-Lite, dark theme

def vega_dark_png(curves: Curves, rng: random.Random, width: int, height: int) -> Image.Image:
    """Vega-Lite's dark theme, lines of close hues with points; names at the lines' ends
    (a text layer) or in the legend."""
    import vl_convert

    low, high = y_range(curves, rng)
    names = list(curves.series)
    palette = list(rng.choice(DARK_HUES))[:len(names)]
    axis: dict[str, Any] = {"grid": True}
    rows = [{"x": x, "y": y, "series": name} for name, ys in curves.series.items()
            for x, y in zip(curves.xs, ys, strict=True)]
    if curves.tick_format == "default":
        axis["format"] = rng.choice(("~s", "~e", ",~g"))
        if axis["format"] == "~s" and max(curves.xs) < 1e15:  # "5G", "1T": in billions
            curves.xs = [round(x / 1e9, 6) for x in curves.xs]
            curves.tick_scale = 1e9
        elif axis["format"] == "~s":  # compute in SI prefixes past tera: not a size
            axis["format"] = "~e"
    else:
        ticks, texts = x_labels(curves, rng)
        axis["values"] = ticks
        axis["labelExpr"] = " : ".join(
            [f"abs(datum.value - {t!r}) <= {t * 1e-6!r} ? '{text}'"
             for t, text in zip(ticks, texts, strict=True)] + ["''"])
    end_names = rng.random() < 0.6
    colour = {"field": "series", "type": "nominal", "sort": names,
              "scale": {"domain": names, "range": palette},
              "legend": None if end_names else {"orient": rng.choice(("right", "bottom"))}}
    x_field = {"field": "x", "type": "quantitative", "scale": {"type": "log"},
               "title": curves.x_title, "axis": axis}
    y_field = {"field": "y", "type": "quantitative", "title": curves.y_title or None,
               "scale": {"domain": [low, high], "zero": False}}
    layers: list[dict[str, Any]] = [{
        "mark": {"type": "line", "strokeWidth": rng.choice((1, 1.5, 2)),
                 "point": {"filled": True, "size": rng.choice((20, 40))}},
        "encoding": {"x": x_field, "y": y_field, "color": colour}}]
    if end_names:
        last = max(curves.xs)
        layers.append({
            "transform": [{"filter": f"datum.x == {last!r}"}],
            "mark": {"type": "text", "align": "left", "dx": 6,
                     "fontSize": rng.choice((10, 11, 12))},
            "encoding": {"x": x_field, "y": y_field, "color": colour,
                         "text": {"field": "series"}}})
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "width": width, "height": height, "data": {"values": rows}, "layer": layers,
            "title": rng.choice(("", "Accuracy vs. scale", ""))}
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice((1.0, 1.5, 2.0)), theme="dark")
    image = Image.open(io.BytesIO(png))
    if image.mode in ("RGBA", "LA"):
        page = Image.new("RGB", image.size, "#333333")
        page.paste(image, mask=image.getchannel("A"))
        return page
    return image.convert("RGB")


# ---------------------------------------------------------------- hand-written SVG card

def svg_card(curves: Curves, rng: random.Random, width: int, height: int) -> str:
    """A model-card chart: a rounded panel, thin lines, light gridlines, small markers,
    names at the lines' ends in grey or in the line's colour, ticks in grey."""
    dark = rng.random() < 0.3
    page, panel = ("#0d1117", "#161b22") if dark else ("#f6f7f9", "#ffffff")
    grid, text_grey = ("#30363d", "#8b949e") if dark else (rng.choice(("#eceef1", "#e3e6ea")),
                                                           "#6b7280")
    palette = rng.choice(DARK_HUES if dark else SIMILAR_HUES)
    font = rng.choice(("Inter, Arial, sans-serif", "DejaVu Sans", "Liberation Sans",
                       "Georgia, serif", "Noto Sans"))
    size = rng.choice((10, 11, 12, 13))
    left, right, top, bottom = 52, rng.randint(90, 130), 40, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    low, high = y_range(curves, rng)
    step = rng.choice((5, 10, 10, 20))
    first = math.ceil(low / step) * step
    log_low, log_high = math.log10(min(curves.xs)) - 0.08, math.log10(max(curves.xs)) + 0.08

    def px(x: float) -> float:
        return left + (math.log10(x) - log_low) / (log_high - log_low) * plot_w

    def py(y: float) -> float:
        return top + (high - y) / (high - low) * plot_h

    parts = [f"<rect x='6' y='6' width='{width - 12}' height='{height - 12}' rx='14' "
             f"fill='{panel}' stroke='{grid}'/>"]
    parts += level_rules(first, step, high, py, (left, plot_w), grid, text_grey, size)
    ticks, texts = x_labels(curves, rng)
    for tick, text in zip(ticks, texts, strict=True):
        if log_low <= math.log10(tick) <= log_high:
            parts.append(f"<line x1='{px(tick):.1f}' x2='{px(tick):.1f}' y1='{top}' "
                         f"y2='{top + plot_h}' stroke='{grid}' stroke-width='1'/>")
            parts.append(f"<text x='{px(tick):.1f}' y='{top + plot_h + size + 8}' "
                         f"text-anchor='middle' fill='{text_grey}'>{text}</text>")
    ends = spread([ys[-1] for ys in curves.series.values()], (high - low) * 0.07)
    grey_names = rng.random() < 0.5
    stroke = rng.choice((1, 1.25, 1.5))
    radius = rng.choice((2, 2.5, 3))
    for index, (name, ys) in enumerate(curves.series.items()):
        colour = palette[index % len(palette)]
        parts.append(polyline(curves.xs, ys, (px, py), colour, stroke))
        parts.extend(f"<circle cx='{px(x):.1f}' cy='{py(y):.1f}' r='{radius}' "
                     f"fill='{colour}'/>" for x, y in zip(curves.xs, ys, strict=True))
        parts.append(f"<text x='{px(curves.xs[-1]) + 8:.1f}' "
                     f"y='{py(ends[index]) + size * 0.35:.1f}' "
                     f"fill='{text_grey if grey_names else colour}'>{name}</text>")
    parts.append(f"<text x='{left}' y='26' fill='{text_grey}' font-weight='600'>"
                 f"{curves.y_title or 'Score'} vs. {curves.x_title.lower()}</text>")
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
           f"font-family='{font}' font-size='{size}'>{''.join(parts)}</svg>")
    return (f"<html><body style='margin:0;background:{page}'><div id='shot' "
            f"style='display:inline-block;background:{page}'>{svg}</div></body></html>")


def level_rules(first: float, step: float, high: float, py: Callable[[float], float],
                across: tuple[float, float], grid: str, ink: str, size: int) -> list[str]:
    """SVG level gridlines from ``first`` up to ``high`` every ``step`` across the plot
    (its left edge and width), each labelled left of the plot."""
    left, plot_w = across
    parts = []
    value = first
    while value <= high:
        parts.append(f"<line x1='{left}' x2='{left + plot_w}' y1='{py(value):.1f}' "
                     f"y2='{py(value):.1f}' stroke='{grid}' stroke-width='1'/>")
        parts.append(f"<text x='{left - 8}' y='{py(value) + size * 0.35:.1f}' "
                     f"text-anchor='end' fill='{ink}'>{value:g}</text>")
        value += step
    return parts


def polyline(xs: list[float], ys: list[float],
             place: tuple[Callable[[float], float], Callable[[float], float]],
             colour: str, stroke: float) -> str:
    """An SVG line through the points, ``place`` their x and y in pixels."""
    px, py = place
    points = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, ys, strict=True))
    return (f"<polyline points='{points}' fill='none' stroke='{colour}' "
            f"stroke-width='{stroke}' stroke-linejoin='round'/>")


# ---------------------------------------------------------------- matplotlib and seaborn

def mpl_image(curves: Curves, rng: random.Random, sheet: str, labels: str) -> Image.Image:
    """matplotlib in ``sheet``; ``labels``: legend, end (names at the lines' ends), along
    (a name above the line's middle) or values (each point's value above its marker)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FixedFormatter, FixedLocator, NullFormatter

    dpi = rng.choice((72, 100, 120, 150))
    width_px = rng.randint(520, 1300)
    height_px = int(width_px * rng.uniform(0.55, 0.75))
    dark = sheet == "dark_background"
    with plt.style.context(sheet):
        figure, ax = plt.subplots(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
        palette = rng.choice(DARK_HUES if dark else SIMILAR_HUES)
        markers = labels == "values" or rng.random() < 0.7
        font = rng.choice((8, 9, 10))
        low, high = y_range(curves, rng)
        ends = spread([ys[-1] for ys in curves.series.values()], (high - low) * 0.06)
        for index, (name, ys) in enumerate(curves.series.items()):
            colour = palette[index % len(palette)]
            ax.plot(curves.xs, ys, label=name, color=colour,
                    linewidth=rng.choice((1.0, 1.5, 2.0)),
                    marker="o" if markers else None,
                    markersize=rng.choice((3, 4, 5)))
            if labels == "end":
                ax.annotate(name, (curves.xs[-1], ends[index]), xytext=(6, 0),
                            textcoords="offset points", va="center", fontsize=font,
                            color=colour if rng.random() < 0.6 else "grey")
            elif labels == "along":
                middle = len(curves.xs) // 2
                ax.annotate(name, (curves.xs[middle], ys[middle]), xytext=(0, 7),
                            textcoords="offset points", ha="center", fontsize=font,
                            color=colour)
            elif labels == "values":
                for x, y in zip(curves.xs, ys, strict=True):
                    ax.annotate(f"{y:.1f}", (x, y), xytext=(0, 5), textcoords="offset points",
                                ha="center", fontsize=font - 1,
                                color=colour if rng.random() < 0.7 else "grey")
        ax.set_xscale("log")
        if curves.tick_format not in ("mathtext", "default"):
            ticks, texts = x_labels(curves, rng)
            ax.xaxis.set_major_locator(FixedLocator(ticks))
            ax.xaxis.set_major_formatter(FixedFormatter(texts))
            ax.xaxis.set_minor_formatter(NullFormatter())
            # every tick shown (autoscaling may leave one decade only: no axis to read)
            ax.set_xlim(min(ticks + curves.xs) / 1.25, max(ticks + curves.xs) * 1.25)
        if labels == "end":
            low_x, high_x = ax.get_xlim()
            ax.set_xlim(low_x, high_x * 3)
        ax.set_ylim(low, high)
        ax.set_xlabel(curves.x_title)
        ax.set_ylabel(curves.y_title)
        if labels in ("legend", "values"):
            ax.legend(loc=rng.choice(("lower right", "upper left")), fontsize=font)
        return figure_image(figure, dpi)


# ---------------------------------------------------------------- one chart per style

def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    width = rng.randint(480, 1000)
    height = int(width * rng.uniform(0.55, 0.75))
    if style in ("plotly_end_names", "plotly_point_values"):
        curves = content(rng, style, "plotly", ("default", "default", "suffix", "e", "plain",
                                                "caret"))
        labels = "end" if style == "plotly_end_names" else "values"
        return browser.shoot(plotly_page(curves, rng, width, height, labels),
                             rng.choice((1.0, 1.5, 2.0))), curves
    if style == "vega_dark":
        curves = content(rng, style, "vega-lite", ("default", "suffix", "e", "plain"))
        return vega_dark_png(curves, rng, int(width * 0.7), int(height * 0.65)), curves
    if style == "svg_card":
        curves = content(rng, style, "svg", ("suffix", "e", "plain", "caret"))
        return browser.shoot(svg_card(curves, rng, width, height),
                             rng.choice((1.0, 1.5, 2.0))), curves
    if style == "mpl_solarized":
        curves = content(rng, style, "matplotlib", ("suffix", "e", "plain", "mathtext"))
        return mpl_image(curves, rng, "Solarize_Light2",
                         rng.choice(("values", "values", "legend"))), curves
    if style == "mpl_dark_end":
        curves = content(rng, style, "matplotlib", ("suffix", "e", "plain", "caret"))
        return mpl_image(curves, rng, "dark_background", "end"), curves
    if style == "seaborn_inline":
        curves = content(rng, style, "matplotlib", ("suffix", "plain", "e", "mathtext"))
        sheet = rng.choice(("seaborn-v0_8-whitegrid", "seaborn-v0_8-darkgrid",
                            "seaborn-v0_8-paper", "seaborn-v0_8-talk", "seaborn-v0_8-ticks"))
        return mpl_image(curves, rng, sheet, rng.choice(("along", "end"))), curves
    curves = content(rng, style, "matplotlib", ("e", "caret", "plain", "suffix"))
    return mpl_image(curves, rng, rng.choice(("default", "ggplot", "bmh", "classic")),
                     "legend"), curves


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)
