"""Line charts on a log y axis, the kinds a clean test set read at about 0.4 where linear
lines read at 0.9:

- ``mpl_logy_epochs``: matplotlib's ``set_yscale("log")`` over epochs 1 to 11, perplexity or
  loss falling over less than a decade, so that matplotlib prints one or two major labels
  (``10¹``) and minor ones in the form ``2×10¹``, ``3×10¹``; 3 to 5 series, markers or
  none, the legend in a box at the upper right; style sheets (default, seaborn, ggplot,
  bmh, ...) and fonts varied;
- ``mpl_loglog_upper_left``: log-log scaling curves (loss or error against compute,
  parameters or tokens, matplotlib's ``10ⁿ`` ticks on both axes), lines with markers, the
  legend box inside the plot's upper left over the plot area;
- ``plotly_logy``: plotly's ``type: "log"`` y axis over epochs (its own ticks: ``20 30 40``
  or ``2 3 4 5``), in its templates, legend inside the plot.

y is on a log scale: the truth says ``log_y`` and a point's y counts as read within a
relative tolerance (``y_relative``). Some charts are resized or saved as JPEG
(``curves.finish``). A tuning look: its images were looked at.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.curves import Curves, drawn_in_turn, figure_image, plotly_html

STYLES = ("mpl_logy_epochs", "mpl_loglog_upper_left", "plotly_logy")
SHEETS = ("default", "seaborn-v0_8", "ggplot", "seaborn-v0_8-whitegrid", "bmh",
          "seaborn-v0_8-paper", "tableau-colorblind10", "fast")
FONTS = ("DejaVu Sans", "Liberation Sans", "Liberation Serif", "Roboto", "Open Sans",
         "DejaVu Serif", "STIXGeneral")
RUNS = ("Baseline", "Ours", "No dropout", "lr 3e-4", "lr 1e-3", "Warmup 2k", "MoE-8x",
        "Dense", "Distilled", "Transformer", "LSTM", "Mamba", "RWKV", "GPT-2 small")
FAMILIES = ("Chinchilla", "Kaplan et al.", "Ours", "Pythia", "OPT", "Llama", "Dense",
            "MoE", "Transformer++", "Mamba", "Hyena")
Y_RELATIVE = 0.02  # a point's y within 2% of its value counts as read


class LogCurves(Curves):
    """``Curves`` whose truth says that y is on a log scale."""

    def truth(self) -> dict[str, Any]:
        truth = super().truth()
        truth.update(log_y=True, y_relative=Y_RELATIVE)
        return truth


def falling_content(rng: random.Random, style: str, renderer: str) -> LogCurves:
    """Perplexity or loss of 3 to 5 runs over epochs 1 to 11, each falling from its start
    towards a floor, all within less than a decade (matplotlib then labels minor ticks)."""
    epochs = rng.choice((11, 11, 10, 8, 12))
    xs = [float(e) for e in range(1, epochs + 1)]
    loss = rng.random() < 0.4
    top = rng.uniform(2.6, 6.0) if loss else rng.uniform(40.0, 90.0)
    floor_share = rng.uniform(0.22, 0.45)
    curves = LogCurves(style=style, renderer=renderer, xs=xs, tick_format="plain",
                       x_title=rng.choice(("Epoch", "Epochs", "Training epoch")),
                       y_title=("Validation loss" if loss else rng.choice(
                           ("Perplexity", "Validation perplexity", "PPL (log scale)"))))
    for name in rng.sample(RUNS, rng.choice((4, 4, 3, 5))):
        start = top * rng.uniform(0.75, 1.0)
        floor = top * floor_share * rng.uniform(0.85, 1.3)
        rate = rng.uniform(0.25, 0.6)
        digits = 2 if loss else 1
        curves.series[name] = [
            round(floor + (start - floor) * math.exp(-rate * (x - 1)) * rng.uniform(0.97, 1.03),
                  digits) for x in xs]
    return curves


def scaling_content(rng: random.Random, style: str, renderer: str) -> LogCurves:
    """Loss or error against compute, parameters or tokens, a power law per family on
    log-log axes."""
    axis = rng.choice(("compute", "params", "tokens"))
    start = {"compute": rng.uniform(17, 19), "params": rng.uniform(6.5, 8),
             "tokens": rng.uniform(8, 9.5)}[axis]
    count = rng.randint(5, 8)
    step = rng.choice((0.5, 0.6, 0.75, 1.0))
    xs = [float(f"{10 ** (start + i * step):.3g}") for i in range(count)]
    error = rng.random() < 0.35
    curves = LogCurves(style=style, renderer=renderer, xs=xs, log_x=True,
                       tick_format="mathtext",
                       x_title={"compute": "Compute (FLOPs)", "params": "Parameters",
                                "tokens": "Training tokens"}[axis],
                       y_title="Test error" if error else rng.choice(
                           ("Validation loss", "Test loss", "Loss (nats/token)")))
    for name in rng.sample(FAMILIES, rng.randint(2, 4)):
        floor = rng.uniform(0.02, 0.06) if error else rng.uniform(1.6, 2.2)
        scale = rng.uniform(0.3, 0.8) if error else rng.uniform(1.5, 4.0)
        alpha = rng.uniform(0.12, 0.35)
        values = [floor + scale * 10 ** (-alpha * i * step) for i in range(count)]
        curves.series[name] = [round(v, 3) for v in values]
    return curves


def mpl_image(curves: LogCurves, rng: random.Random, legend_at: str) -> Image.Image:
    """``curves`` on a log y axis in a matplotlib style sheet (log x too where the content
    says), the legend in a box at ``legend_at``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dpi = rng.choice((72, 100, 110, 150))
    width_px = rng.randint(480, 1200)
    height_px = int(width_px * rng.uniform(0.6, 0.8))
    with plt.style.context(rng.choice(SHEETS)), plt.rc_context(
            {"font.family": rng.choice(FONTS), "font.size": rng.choice((9, 10, 11, 12))}):
        figure, ax = plt.subplots(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
        markers = curves.log_x or rng.random() < 0.6
        for index, (name, ys) in enumerate(curves.series.items()):
            kwargs: dict[str, Any] = {"label": name, "linewidth": rng.choice((1.2, 1.5, 2.0))}
            if markers:
                kwargs["marker"] = "osD^v"[index % 5] if rng.random() < 0.5 else "o"
                kwargs["markersize"] = rng.choice((4, 5, 6, 7))
            ax.plot(curves.xs, ys, **kwargs)
        ax.set_yscale("log")
        if curves.log_x:
            ax.set_xscale("log")
        else:
            ax.set_xticks(curves.xs[::rng.choice((1, 1, 2))])
        if rng.random() < 0.4:
            ax.grid(True, which="both", alpha=0.35)
        ax.set_xlabel(curves.x_title)
        ax.set_ylabel(curves.y_title)
        ax.legend(loc=legend_at, fontsize=rng.choice((8, 9, 10)), frameon=True)
        if rng.random() < 0.4:
            ax.set_title(rng.choice(("Training curves", "Scaling", curves.y_title)))
        return figure_image(figure, dpi)


PLOTLY_TEMPLATES = ("plotly", "plotly_white", "ggplot2", "seaborn", "simple_white")


def plotly_page(curves: LogCurves, rng: random.Random, width: int, height: int) -> str:
    """``curves`` in plotly on a log y axis (its own ticks), the legend inside the plot."""
    import plotly.graph_objects as go

    figure = go.Figure()
    mode = rng.choice(("lines+markers", "lines"))
    for name, ys in curves.series.items():
        figure.add_trace(go.Scatter(x=curves.xs, y=ys, name=name, mode=mode,
                                    line={"width": rng.choice((1.5, 2, 3))},
                                    marker={"size": rng.choice((6, 8))}))
    legend = {"x": 0.99, "xanchor": "right", "y": 0.99, "bgcolor": "rgba(255,255,255,0.8)",
              "bordercolor": "#888", "borderwidth": 1}
    figure.update_layout(
        template=rng.choice(PLOTLY_TEMPLATES), width=width, height=height,
        xaxis={"title": {"text": curves.x_title}, "dtick": 1},
        yaxis={"title": {"text": curves.y_title}, "type": "log"}, legend=legend,
        margin={"l": 60, "r": 30, "t": 40, "b": 60},
        font={"family": rng.choice(("Arial", "DejaVu Sans", "Liberation Serif")),
              "size": rng.choice((11, 12, 14))})
    return plotly_html(figure, width, height)


def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    if style == "mpl_logy_epochs":
        curves = falling_content(rng, style, "matplotlib")
        return mpl_image(curves, rng, "upper right"), curves
    if style == "mpl_loglog_upper_left":
        curves = scaling_content(rng, style, "matplotlib")
        return mpl_image(curves, rng, "upper left"), curves
    curves = falling_content(rng, style, "plotly")
    width = rng.randint(520, 1000)
    return browser.shoot(plotly_page(curves, rng, width, int(width * rng.uniform(0.6, 0.75))),
                         rng.choice((1.0, 1.5))), curves


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)
