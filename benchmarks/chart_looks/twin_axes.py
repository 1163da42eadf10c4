"""Line charts on twin y axes, a kind a clean test set read at about 0.45 (the second
series read on the first axis' scale):

- ``mpl_twinx``: matplotlib's ``twinx``, one line per axis, the left axis label (and often
  its tick labels) and the first line in one colour, the right axis label (rotated) and the
  second line, often dashed, in another; different ranges (30 to 70 on the left, 0 to 100
  on the right, or a loss against an accuracy); a legend naming both lines inside the plot;
  style sheets, fonts and sizes varied;
- ``plotly_twin``: plotly's ``yaxis2`` overlaying the first on the right, coloured titles
  and tick labels, in Chromium.

The truth is each series in its own axis' unit; ``y_tolerance`` is 2% of the narrower
axis' range. Some charts are resized or saved as JPEG (``curves.finish``). A tuning look:
its images were looked at.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks import curves
from chart_looks.curves import Curves

STYLES = ("mpl_twinx", "mpl_twinx", "plotly_twin")
SHEETS = ("default", "seaborn-v0_8-whitegrid", "ggplot", "bmh", "seaborn-v0_8-paper", "fast")
FONTS = ("DejaVu Sans", "Liberation Sans", "Liberation Serif", "Roboto", "Open Sans")
PAIRS = (("#1f77b4", "#d62728"), ("#2ca02c", "#9467bd"), ("tab:blue", "tab:orange"),
         ("#c0392b", "#2471a3"), ("#006400", "#ff8c00"), ("black", "#d62728"))
# (left name and range, right name and range): each series' axis spans its own values
MEASURES = ((("Accuracy (%)", 30, 70), ("Win rate (%)", 0, 100)),
            (("MMLU", 35, 75), ("Tokens/s", 0, 120)),
            (("Score", 40, 80), ("Latency (ms)", 100, 400)),
            (("Pass@1 (%)", 10, 60), ("Cost ($)", 0, 20)),
            (("Reward", 20, 60), ("KL divergence", 0, 10)),
            (("Accuracy", 50, 90), ("Throughput", 200, 1000)))


@dataclass
class Twins(Curves):
    """``Curves`` on two axes; the truth's tolerance is 2% of the narrower axis' range."""

    right_title: str = ""
    spans: tuple[float, float] = (40.0, 100.0)

    def truth(self) -> dict[str, Any]:
        return {**super().truth(), "y_tolerance": round(0.02 * min(self.spans), 3)}


def twin_content(rng: random.Random, style: str, renderer: str) -> Twins:
    """Two series over steps or epochs, each within its own axis' range."""
    (left, low1, high1), (right, low2, high2) = rng.choice(MEASURES)
    if rng.random() < 0.5:
        xs = [float(x) for x in range(1, rng.randint(8, 13))]
        x_title = rng.choice(("Epoch", "Epochs"))
    else:
        xs = [float(x) for x in range(0, rng.randint(6, 11) * 1000, 1000)]
        x_title = rng.choice(("Training step", "Step"))
    twins = Twins(style=style, renderer=renderer, xs=xs, tick_format="plain", x_title=x_title,
                  y_title=left)
    twins.spans = (high1 - low1, high2 - low2)
    names = [left.split(" (")[0], right.split(" (")[0]]
    for name, low, high in ((names[0], low1, high1), (names[1], low2, high2)):
        span = high - low
        start, end = low + rng.uniform(0.1, 0.4) * span, low + rng.uniform(0.6, 0.9) * span
        if rng.random() < 0.4:
            start, end = end, start
        twins.series[name] = [
            round(start + (end - start) * (i / max(1, len(xs) - 1)) ** rng.uniform(0.5, 1.5)
                  + rng.uniform(-0.03, 0.03) * span, 1) for i in range(len(xs))]
    twins.right_title = right
    return twins


def mpl_image(twins: Twins, rng: random.Random) -> Image.Image:
    """The first series on the left axis, the second on a ``twinx`` axis at the right."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dpi = rng.choice((72, 100, 110, 150))
    width_px = rng.randint(520, 1100)
    height_px = int(width_px * rng.uniform(0.55, 0.75))
    first, second = rng.choice(PAIRS)
    (name1, ys1), (name2, ys2) = twins.series.items()
    with plt.style.context(rng.choice(SHEETS)), plt.rc_context(
            {"font.family": rng.choice(FONTS), "font.size": rng.choice((9, 10, 11, 12))}):
        figure, ax = plt.subplots(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
        markers = rng.random() < 0.6
        handles = ax.plot(twins.xs, ys1, color=first, label=name1,
                          linewidth=rng.choice((1.5, 2.0)), marker="o" if markers else None,
                          markersize=5)
        other = ax.twinx()
        handles += other.plot(twins.xs, ys2, color=second, label=name2,
                              linestyle=rng.choice(("--", "--", "-", "-.")),
                              linewidth=rng.choice((1.5, 2.0)),
                              marker="s" if markers else None, markersize=5)
        other.grid(False)
        ax.set_xlabel(twins.x_title)
        ax.set_ylabel(twins.y_title, color=first)
        other.set_ylabel(twins.right_title, color=second, rotation=rng.choice((90, 270)),
                         labelpad=rng.choice((4, 12)))
        if rng.random() < 0.6:
            ax.tick_params(axis="y", labelcolor=first)
            other.tick_params(axis="y", labelcolor=second)
        spans = twins.spans
        low1 = min(ys1) - 0.1 * spans[0]
        low2 = min(ys2) - 0.1 * spans[1]
        ax.set_ylim(max(0.0, low1), max(ys1) + 0.15 * spans[0])
        other.set_ylim(max(0.0, low2), max(ys2) + 0.15 * spans[1])
        ax.legend(handles, [h.get_label() for h in handles],
                  loc=rng.choice(("upper left", "lower right", "upper center", "best")),
                  fontsize=rng.choice((8, 9, 10)))
        if rng.random() < 0.4:
            ax.set_title(rng.choice(("Training", "Quality and speed", "Two metrics")))
        return curves.figure_image(figure, dpi)


PLOTLY_TEMPLATES = ("plotly_white", "simple_white", "ggplot2", "seaborn", "plotly")


def plotly_page(twins: Twins, rng: random.Random, width: int, height: int) -> str:
    """The second series on ``yaxis2`` at the right, titles and ticks in the lines' colours."""
    import plotly.graph_objects as go

    first, second = rng.choice((("#1f77b4", "#d62728"), ("#2ca02c", "#9467bd"),
                                ("#ff7f0e", "#17becf")))
    (name1, ys1), (name2, ys2) = twins.series.items()
    mode = rng.choice(("lines", "lines+markers"))
    figure = go.Figure()
    figure.add_trace(go.Scatter(x=twins.xs, y=ys1, name=name1, mode=mode,
                                line={"color": first, "width": 2}))
    figure.add_trace(go.Scatter(x=twins.xs, y=ys2, name=name2, mode=mode, yaxis="y2",
                                line={"color": second, "width": 2,
                                      "dash": rng.choice(("dash", "solid", "dot"))}))
    figure.update_layout(
        template=rng.choice(PLOTLY_TEMPLATES), width=width, height=height,
        font=curves.plotly_font(rng),
        xaxis={"title": {"text": twins.x_title}},
        yaxis={"title": {"text": twins.y_title, "font": {"color": first}},
               "tickfont": {"color": first}},
        yaxis2={"title": {"text": twins.right_title, "font": {"color": second}},
                "tickfont": {"color": second}, "overlaying": "y", "side": "right",
                "showgrid": False},
        legend={"x": 0.02, "y": 0.98, "bgcolor": "rgba(255,255,255,0.8)"},
        margin={"l": 70, "r": 70, "t": 40, "b": 60})
    return curves.plotly_html(figure, width, height)


def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    if style == "plotly_twin":
        twins = twin_content(rng, style, "plotly")
        return curves.plotly_shot(browser, rng, lambda w, h: plotly_page(twins, rng, w, h)), twins
    twins = twin_content(rng, style, "matplotlib")
    return mpl_image(twins, rng), twins


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return curves.drawn_in_turn(out, count, seed, STYLES, draw)
