"""Line charts laid out around their plot in ways the other looks do not: facet panels, a y
axis printed only at the right, a range slider under the plot.

- ``facets``: ggplot-like small multiples side by side (matplotlib's ggplot style, or plotly's
  ggplot2 template through ``make_subplots``): each panel a grey ground with white gridlines,
  a darker strip above it holding the panel's title (a benchmark), one line with point
  markers per panel and no legend, a shared x title under the panels; a y axis left of the
  first panel only (shared) or of each. Each panel's line is a series named by its strip.
- ``right_axis``: a dark plotly chart whose only y axis is at the right, its ticks in
  thousands with separators (``1,000`` ``1,250``: ratings); a log x axis of parameters
  (``1 10 100``, or ``1B 10B``); 2 or 3 lines with markers; a legend.
- ``range_slider``: a plotly chart with a range slider under the x axis (a short strip
  repeating the lines at a smaller scale, grey handles at its ends); lines with markers, a
  legend above the plot.

A tuning look: its images were looked at.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.curves import (
    BENCHES,
    FAMILIES,
    Curves,
    _rising,
    drawn_in_turn,
    figure_image,
    plotly_font,
    plotly_html,
)

STYLES = ("facets", "right_axis", "range_slider")
TOKENS = (10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0)
PARAMS = (1.0, 2.0, 3.0, 7.0, 13.0, 30.0, 70.0, 180.0)


@dataclass
class PanelCurves(Curves):
    """A chart's content with the y tolerance its scale asks for (ratings in thousands)."""

    y_tolerance: float = 1.0

    def truth(self) -> dict[str, Any]:
        return {**super().truth(), "y_tolerance": self.y_tolerance}


# ---------------------------------------------------------------- facets

def facet_content(rng: random.Random) -> PanelCurves:
    start = rng.randint(0, len(TOKENS) - 5)
    xs = list(TOKENS[start:start + rng.randint(4, 6)])
    curves = PanelCurves(style="facets", renderer="", xs=xs, log_x=rng.random() < 0.5,
                         x_title=rng.choice(("Training tokens (B)", "Tokens seen (B)",
                                             "Training tokens (billions)")),
                         y_title=rng.choice(("Accuracy", "Score (%)", "")))
    for name in rng.sample(BENCHES, rng.randint(2, 4)):
        low = rng.uniform(10, 50)
        curves.series[name] = _rising(rng, len(xs), low, rng.uniform(low + 15, 92))
    return curves


def facets_mpl(curves: PanelCurves, rng: random.Random) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    names = list(curves.series)
    shared = rng.random() < 0.5
    colour = rng.choice(("#333333", "#1f77b4", "#e24a33", "#348abd", "#000000"))
    panel_w = rng.uniform(2.4, 3.4)
    with plt.style.context("ggplot"):
        plt.rcParams["font.family"] = rng.choice(("DejaVu Sans", "Liberation Sans"))
        figure, axes = plt.subplots(1, len(names), sharey=shared,
                                    figsize=(panel_w * len(names), rng.uniform(2.8, 3.6)))
        for ax, name in zip(axes, names, strict=True):
            ax.plot(curves.xs, curves.series[name], color=colour, marker="o",
                    markersize=rng.choice((4, 5, 6)), linewidth=rng.choice((1.0, 1.5)))
            if curves.log_x:
                ax.set_xscale("log")
                ax.set_xticks(curves.xs[::2] if len(curves.xs) > 4 else curves.xs)
                ax.set_xticklabels([f"{x:g}" for x in ax.get_xticks()])
                ax.minorticks_off()
            # the strip: a darker grey band above the panel, its title inside
            ax.add_patch(Rectangle((0, 1.0), 1, 0.11, transform=ax.transAxes, clip_on=False,
                                   facecolor="#d9d9d9", edgecolor="none"))
            ax.text(0.5, 1.055, name, transform=ax.transAxes, ha="center", va="center",
                    fontsize=rng.choice((9, 10, 11)), color="#1a1a1a")
        figure.supxlabel(curves.x_title, fontsize=10)
        if curves.y_title:
            axes[0].set_ylabel(curves.y_title)
        return figure_image(figure, rng.choice((90, 110, 130)))


def facets_plotly(curves: PanelCurves, rng: random.Random, width: int, height: int) -> str:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    names = list(curves.series)
    shared = rng.random() < 0.5
    figure = make_subplots(rows=1, cols=len(names), shared_yaxes=shared,
                           horizontal_spacing=rng.uniform(0.03, 0.06) if shared else 0.07)
    colour = rng.choice(("#333333", "#1f77b4", "#F8766D", "#00BFC4"))
    for index, name in enumerate(names, start=1):
        figure.add_trace(go.Scatter(x=curves.xs, y=curves.series[name], mode="lines+markers",
                                    line={"color": colour, "width": 2},
                                    marker={"size": rng.choice((6, 7, 8))}, showlegend=False),
                         row=1, col=index)
        domain = figure.layout[f"xaxis{index if index > 1 else ''}"].domain
        # the strip: a grey band over the panel's top, its title inside
        figure.add_shape(type="rect", xref="paper", yref="paper", x0=domain[0], x1=domain[1],
                         y0=1.0, y1=1.09, fillcolor="#d9d9d9", line={"width": 0})
        figure.add_annotation(text=name, xref="paper", yref="paper", showarrow=False,
                              x=(domain[0] + domain[1]) / 2, y=1.045, yanchor="middle",
                              font={"size": 12, "color": "#1a1a1a"})
        if curves.log_x:
            figure.update_xaxes(type="log", row=1, col=index, tickvals=curves.xs[::2],
                                ticktext=[f"{x:g}" for x in curves.xs[::2]])
    figure.update_layout(template="ggplot2", width=width, height=height, showlegend=False,
                         margin={"l": 55, "r": 20, "t": 50, "b": 60}, font=plotly_font(rng))
    figure.add_annotation(text=curves.x_title, xref="paper", yref="paper", x=0.5, y=-0.16,
                          showarrow=False)
    if curves.y_title:
        figure.update_yaxes(title_text=curves.y_title, row=1, col=1)
    return plotly_html(figure, width, height)


# ---------------------------------------------------------------- a y axis at the right

def ratings_content(rng: random.Random, style: str) -> PanelCurves:
    start = rng.randint(0, 2)  # (from 1B: two decades printed at least)
    xs = list(PARAMS[start:start + rng.randint(5, 6)])
    curves = PanelCurves(style=style, renderer="plotly", xs=xs, log_x=True,
                         x_title=rng.choice(("Parameters (B)", "Model size (B params)",
                                             "Parameters")),
                         y_title=rng.choice(("Elo rating", "Arena score", "")))
    low = rng.uniform(900, 1100)
    for name in rng.sample(FAMILIES, rng.randint(2, 3)):
        base = low + rng.uniform(0, 60)
        gain = rng.uniform(120, 320)
        curves.series[name] = [
            round(base + gain * (i / (len(xs) - 1)) ** rng.uniform(0.7, 1.3)
                  + rng.uniform(-15, 15)) for i in range(len(xs))]
    values = [v for ys in curves.series.values() for v in ys]
    curves.y_tolerance = 0.02 * (max(values) - min(values))
    return curves


def right_axis_page(curves: PanelCurves, rng: random.Random, width: int, height: int) -> str:
    import plotly.graph_objects as go

    suffix = rng.random() < 0.5  # "1B 10B" rather than "1 10"
    figure = go.Figure()
    for name, ys in curves.series.items():
        figure.add_trace(go.Scatter(x=curves.xs, y=ys, name=name, mode="lines+markers",
                                    line={"width": rng.choice((2, 2.5))},
                                    marker={"size": rng.choice((7, 8, 10)), "symbol": rng.choice(
                                        ("circle", "diamond", "square"))}))
    decades = [10.0 ** e for e in range(math.floor(math.log10(min(curves.xs))),
                                        math.ceil(math.log10(max(curves.xs))) + 1)]
    figure.update_layout(
        template="plotly_dark", width=width, height=height, font=plotly_font(rng),
        title=rng.choice(("", "Rating by size", curves.y_title)),
        xaxis={"type": "log", "title": {"text": curves.x_title}, "tickvals": decades,
               "range": [-0.08, math.log10(max(curves.xs)) + 0.08],
               "ticktext": [f"{d:g}B" if suffix else f"{d:g}" for d in decades]},
        yaxis={"side": "right", "tickformat": ",", "dtick": rng.choice((50, 100)),
               "title": {"text": curves.y_title}},
        legend=rng.choice(({}, {"orientation": "h", "y": 1.1, "x": 0},
                           {"x": 0.02, "y": 0.98, "bgcolor": "rgba(0,0,0,0)"})),
        margin={"l": 30, "r": 70, "t": 60, "b": 60})
    return plotly_html(figure, width, height)


# ---------------------------------------------------------------- a range slider

def slider_content(rng: random.Random) -> PanelCurves:
    start = rng.randint(0, len(TOKENS) - 5)
    xs = [float(x) for x in range(rng.choice((2019, 2020)), 2026)] if rng.random() < 0.4 \
        else list(TOKENS[start:start + rng.randint(4, 6)])
    curves = PanelCurves(style="range_slider", renderer="plotly", xs=xs,
                         log_x=xs[0] < 1000, x_title="Year" if xs[0] > 1000 else "Tokens (B)",
                         y_title=rng.choice(("Accuracy (%)", "Score", "")))
    low = rng.uniform(20, 45)
    for name in rng.sample(FAMILIES, rng.randint(2, 4)):
        curves.series[name] = _rising(rng, len(xs), low, rng.uniform(low + 20, 90))
    return curves


def range_slider_page(curves: PanelCurves, rng: random.Random, width: int, height: int) -> str:
    import plotly.graph_objects as go

    figure = go.Figure()
    for name, ys in curves.series.items():
        figure.add_trace(go.Scatter(x=curves.xs, y=ys, name=name, mode="lines+markers",
                                    marker={"size": rng.choice((6, 8))}))
    xaxis: dict[str, Any] = {"title": {"text": curves.x_title},
                             "rangeslider": {"visible": True,
                                             "thickness": rng.uniform(0.1, 0.2)}}
    if curves.log_x:
        xaxis.update(type="log", tickvals=curves.xs, ticktext=[f"{x:g}" for x in curves.xs])
    else:
        xaxis.update(dtick=1)
    figure.update_layout(
        template=rng.choice(("plotly", "plotly_white", "simple_white", "seaborn")),
        width=width, height=height, font=plotly_font(rng), xaxis=xaxis,
        yaxis={"title": {"text": curves.y_title}},
        legend={"orientation": "h", "y": 1.12, "x": 0},
        margin={"l": 60, "r": 30, "t": 70, "b": 50})
    return plotly_html(figure, width, height)


def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    width = rng.randint(640, 1000)
    if style == "facets":
        curves = facet_content(rng)
        if rng.random() < 0.5:
            curves.renderer = "matplotlib"
            return facets_mpl(curves, rng), curves
        curves.renderer = "plotly"
        height = int(width * rng.uniform(0.4, 0.55))
        return browser.shoot(facets_plotly(curves, rng, width, height),
                             rng.choice((1.0, 1.5))), curves
    height = int(width * rng.uniform(0.6, 0.75))
    if style == "right_axis":
        curves = ratings_content(rng, style)
        return browser.shoot(right_axis_page(curves, rng, width, height),
                             rng.choice((1.0, 1.5))), curves
    curves = slider_content(rng)
    return browser.shoot(range_slider_page(curves, rng, width, height),
                         rng.choice((1.0, 1.5))), curves


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)
