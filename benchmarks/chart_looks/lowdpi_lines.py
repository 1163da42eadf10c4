"""Line charts that a clean test set read poorly: a log x axis labelled at two decades
only, and low-DPI line charts enlarged and saved as JPEG.

- ``bokeh_two_decades``: bokeh (BokehJS in Chromium) on a log x axis over 0.5 to about 35,
  so that only "1" and "10" are labelled and the minor ticks between them are not (or, in
  bokeh's own ticker, a few linear labels such as "5", "10", "15"); the
  title at the top left, the toolbar above at the right, the legend boxed inside the
  plot's upper left, three or so series with circle, square and triangle markers; device
  scale 1 to 2, fonts varied;
- ``mpl_two_decades``: the same content in matplotlib's style sheets, the decades printed
  plain ("1", "10") and the minor ticks unlabelled; sometimes log y too, over two decades;
- ``mpl_lowdpi_sizes``: matplotlib at 50 to 60 dpi, enlarged 1.5 to 2 times (bilinear)
  and saved as a JPEG of quality 65 to 75; a log x axis ticked only at the data's sizes
  ("0.5B", "1B", "3B", "13B", "110B"), round and square markers, the legend boxed at the
  upper right, benchmarks as series.

``generate(out, count, seed)`` cycles through the styles; the truth is in the format of
``unseen_charts.py`` (x in plain units, in billions for sizes). A tuning look: tune on one
seed, score another.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.curves import figure_image

STYLES = ("bokeh_two_decades", "mpl_lowdpi_sizes", "mpl_two_decades")
RUNS = ("Baseline", "Ours", "Dense", "MoE", "Distilled", "Llama", "Pythia", "OPT", "Qwen",
        "Chinchilla", "Sparse", "RetNet", "Mamba")
BENCHES = ("MMLU", "GSM8K", "HumanEval", "ARC-C", "HellaSwag", "BBH", "MATH", "TriviaQA",
           "Winogrande", "PIQA", "DROP")
X_TITLES = ("Training compute (PF-days)", "Tokens seen (B)", "Inference cost ($)",
            "Context length (k tokens)", "Parameters (B)")
Y_TITLES = ("Accuracy (%)", "Score", "Pass@1 (%)", "Win rate (%)")
SPREAD = (0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 34.0)
SIZES_B = (0.5, 1.0, 3.0, 7.0, 13.0, 34.0, 70.0, 110.0)
PALETTES = (("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"),
            ("#e41a1c", "#377eb8", "#4daf4a", "#984ea3"),
            ("#0072B2", "#D55E00", "#009E73", "#CC79A7"))
BOKEH_FONTS = ("helvetica", "DejaVu Sans", "Liberation Serif", "Roboto", "Open Sans")
MPL_FONTS = ("DejaVu Sans", "Liberation Sans", "Liberation Serif", "Roboto", "Open Sans")
SHEETS = ("default", "seaborn-v0_8-whitegrid", "ggplot", "bmh", "fast", "seaborn-v0_8-paper")


def _rising(rng: random.Random, count: int, low: float = 20.0) -> list[float]:
    value = rng.uniform(low, low + 25)
    values = []
    for _ in range(count):
        values.append(round(min(97.0, value), 1))
        value += rng.uniform(1.5, 8.0)
    return values


def _two_decades(rng: random.Random) -> tuple[list[float], dict[str, list[float]]]:
    """x from about 0.5 to about 34 (a decade's labels "1" and "10" only), three series."""
    first = rng.randint(0, 2)
    last = rng.randint(len(SPREAD) - 3, len(SPREAD) - 1)
    xs = sorted([SPREAD[first], SPREAD[last],
                 *rng.sample(SPREAD[first + 1:last], rng.randint(3, 5))])
    names = rng.sample(RUNS, rng.randint(2, 3) if rng.random() < 0.3 else 3)
    return xs, {name: _rising(rng, len(xs)) for name in names}


def bokeh_two_decades(rng: random.Random, browser: Any) -> tuple[Image.Image, dict]:
    from bokeh.embed import components
    from bokeh.models import FixedTicker, PrintfTickFormatter
    from bokeh.plotting import figure
    from bokeh.resources import INLINE

    xs, series = _two_decades(rng)
    font = rng.choice(BOKEH_FONTS)
    plot = figure(width=rng.randint(480, 760), height=rng.randint(320, 460), x_axis_type="log",
                  title=rng.choice(("Scaling", "Accuracy vs. compute", "Results", "Benchmark")),
                  x_axis_label=rng.choice(X_TITLES), y_axis_label=rng.choice(Y_TITLES),
                  toolbar_location="above")
    plot.xaxis.formatter = PrintfTickFormatter(format="%g")
    if rng.random() < 0.7:  # bokeh's own ticker over 1.5 decades may label 5, 10, 15 instead
        plot.xaxis.ticker = FixedTicker(
            ticks=[0.1, 1, 10, 100],
            minor_ticks=[d * 10.0 ** k for k in (-1, 0, 1) for d in range(2, 10)])
    for axis in (plot.xaxis, plot.yaxis):
        axis.axis_label_text_font_style = "italic"
        axis.axis_label_text_font = font
        axis.major_label_text_font = font
        axis.major_label_text_font_size = rng.choice(("11px", "12px", "13px"))
    plot.title.text_font = font
    palette = rng.choice(PALETTES)
    markers = ("circle", "square", "triangle")
    for index, (name, ys) in enumerate(series.items()):
        colour = palette[index % len(palette)]
        plot.line(xs, ys, legend_label=name, color=colour, line_width=rng.choice((1.5, 2)))
        plot.scatter(xs, ys, legend_label=name, color=colour, size=rng.choice((7, 8, 10)),
                     marker=markers[index % len(markers)])
    plot.legend.location = "top_left"
    plot.legend.label_text_font = font
    script, div = components(plot)
    html = ("<!doctype html><html><head><meta charset='utf-8'>" + INLINE.render_js()
            + INLINE.render_css() + script + "</head><body style='margin:0;background:#fff'>"
            "<div id='shot' style='display:inline-block'>" + div + "</div></body></html>")
    image = browser.shoot(html, rng.choice((1.0, 1.5, 2.0)))
    return image, _truth("bokeh", "bokeh_two_decades", xs, series)


def mpl_two_decades(rng: random.Random) -> tuple[Image.Image, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, NullFormatter, ScalarFormatter

    xs, series = _two_decades(rng)
    log_y = rng.random() < 0.3
    if log_y:  # losses falling over two decades instead of scores
        series = {name: [round(v, 3) for v in _falling(rng, len(xs))] for name in series}
    with plt.style.context(rng.choice(SHEETS)), plt.rc_context(
            {"font.family": rng.choice(MPL_FONTS), "font.size": rng.choice((9, 10, 11))}):
        figure, axes = plt.subplots(figsize=(rng.uniform(5.5, 8), rng.uniform(3.5, 5)))
        for (name, ys), marker in zip(series.items(), ("o", "s", "^"), strict=False):
            axes.plot(xs, ys, marker=marker, label=name, linewidth=rng.choice((1.2, 1.6, 2)))
        axes.set_xscale("log")
        if log_y:
            axes.set_yscale("log")
        plain = rng.random() < 0.5  # "1" and "10", else ScalarFormatter's "1.0" and "10.0"
        for axis in (axes.xaxis, axes.yaxis) if log_y else (axes.xaxis,):
            axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}") if plain
                                     else ScalarFormatter())
            axis.set_minor_formatter(NullFormatter())
        axes.set_xlabel(rng.choice(X_TITLES), style="italic")
        axes.set_ylabel("Loss" if log_y else rng.choice(Y_TITLES), style="italic")
        axes.set_title(rng.choice(("Scaling", "Results", "Accuracy vs. compute")), loc="left")
        axes.grid(True, which="major", alpha=0.4)
        axes.legend(loc="upper right" if log_y else "upper left")
        image = figure_image(figure, rng.choice((80, 100, 120)))
    truth = _truth("matplotlib", "mpl_two_decades", xs, series)
    if log_y:
        truth["log_y"], truth["y_relative"] = True, 0.03
    return image, truth


def _falling(rng: random.Random, count: int) -> list[float]:
    value = rng.uniform(20, 60)
    values = []
    for _ in range(count):
        values.append(value)
        value *= rng.uniform(0.45, 0.8)
    return values


def mpl_lowdpi_sizes(rng: random.Random) -> tuple[Image.Image, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FixedLocator, NullLocator

    first = rng.randint(0, 2)
    xs = list(SIZES_B[first:first + rng.randint(5, 6)])
    names = rng.sample(BENCHES, rng.randint(2, 4))
    series = {name: _rising(rng, len(xs), rng.uniform(15, 40)) for name in names}
    with plt.style.context(rng.choice(("default", "default", "seaborn-v0_8-whitegrid", "fast"))), \
            plt.rc_context({"font.family": rng.choice(MPL_FONTS)}):
        figure, axes = plt.subplots(figsize=(rng.uniform(6, 8), rng.uniform(4, 5)))
        for index, (name, ys) in enumerate(series.items()):
            axes.plot(xs, ys, marker="os"[index % 2], markersize=rng.choice((5, 6, 7)),
                      label=name, linewidth=rng.choice((1.5, 2)))
        axes.set_xscale("log")
        axes.xaxis.set_major_locator(FixedLocator(xs))
        axes.xaxis.set_minor_locator(NullLocator())
        axes.set_xticklabels([f"{x:g}B" for x in xs])
        axes.set_xlabel("Model size (parameters)")
        axes.set_ylabel(rng.choice(Y_TITLES))
        if rng.random() < 0.5:
            axes.grid(True, alpha=0.3)
        axes.legend(loc="upper right")
        image = figure_image(figure, rng.randint(50, 60))
    scale = rng.uniform(1.5, 2.0)
    image = image.resize((round(image.width * scale), round(image.height * scale)),
                         Image.Resampling.BILINEAR)
    return image, _truth("matplotlib", "mpl_lowdpi_sizes", xs, series)


def _truth(renderer: str, style: str, xs: list[float],
           series: dict[str, list[float]]) -> dict[str, Any]:
    return {"kind": "line", "renderer": renderer, "style": style, "log_x": True,
            "labelled": False,
            "series": {name: [[x, y] for x, y in zip(xs, ys, strict=True)]
                       for name, ys in series.items()}}


def _drawn(index: int, seed: int, browser: Any, out: Path) -> tuple[str, dict[str, Any]]:
    """Chart ``index`` of the look at ``seed``, saved into ``out``: its file name and truth
    (the low-DPI style as a JPEG of quality 65 to 75, the others as PNG)."""
    rng = random.Random(f"lowdpi-lines:{seed}:{index}")
    style = STYLES[index % len(STYLES)]
    if style == "bokeh_two_decades":
        image, item = bokeh_two_decades(rng, browser)
    elif style == "mpl_two_decades":
        image, item = mpl_two_decades(rng)
    else:
        image, item = mpl_lowdpi_sizes(rng)
    if style == "mpl_lowdpi_sizes":
        name = f"{index:03d}_{style}.jpg"
        image.save(out / name, quality=rng.randint(65, 75))
    else:
        name = f"{index:03d}_{style}.png"
        image.save(out / name)
    return name, item


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    from browser import Browser

    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1800, 1200), None)
    try:
        truth = dict(_drawn(index, seed, browser, out) for index in range(count))
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
