"""Line charts drawn by bokeh (BokehJS, inline resources, in headless Chromium), and
matplotlib's dark style with releases along x: kinds the other looks leave out.

- ``bokeh_log``: scaling curves on bokeh's log x axis with its own tick labels (``10⁹``, the
  exponent small and raised, sometimes read by OCR as a word of its own), lines with
  markers, the legend inside the plot, bokeh's toolbar beside it, one of bokeh's themes
  (light or dark), device scale 1.5 or 2;
- ``bokeh_linear``: scores over training steps on a linear axis (``2,000`` or ``2k``), some
  series dashed, the legend inside;
- ``mpl_dark_releases``: matplotlib's ``dark_background`` style, scores over model releases
  (versions or months as categories along x), markers, a legend.

``generate(out, count, seed)`` cycles through the styles; the truth is in the format of
``unseen_charts.py`` (x in plain units on the log axis, the category's text on a category
axis). A tuning look: tune on one seed, score another.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

from PIL import Image

STYLES = ("bokeh_log", "bokeh_linear", "mpl_dark_releases")
FAMILIES = ("Pythia", "OPT", "BLOOM", "Llama", "Qwen2.5", "Gemma", "Falcon", "OLMo", "Mistral",
            "Ours", "Baseline")
BENCHES = ("MMLU", "GSM8K", "HumanEval", "MATH", "ARC-C", "HellaSwag", "BBH", "GPQA")
PARAMS = (7e7, 1.6e8, 4.1e8, 1e9, 1.4e9, 2.8e9, 6.9e9, 1.2e10, 3e10, 7e10, 1.75e11)
THEMES = (None, None, "caliber", "light_minimal", "dark_minimal", "night_sky", "contrast")
PALETTES = (("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"),
            ("#3288bd", "#d53e4f", "#66c2a5", "#fdae61", "#5e4fa2"),
            ("#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00"))
VERSIONS = ("v0.1", "v0.2", "v0.3", "v1.0", "v1.1", "v1.5", "v2.0", "v2.1", "v3.0")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _rising(rng: random.Random, count: int) -> list[float]:
    low = rng.uniform(20, 50)
    values, value = [], low
    for _ in range(count):
        values.append(round(min(98.0, value), 1))
        value += rng.uniform(1.0, 9.0)
    return values


def _bokeh_page(figure: Any) -> str:
    from bokeh.embed import components
    from bokeh.resources import INLINE

    script, div = components(figure)
    return ("<!doctype html><html><head><meta charset='utf-8'>" + INLINE.render_js()
            + INLINE.render_css() + script + "</head><body style='margin:0'>"
            "<div id='shot' style='display:inline-block'>" + div + "</div></body></html>")


def bokeh_chart(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, dict]:
    from bokeh.io import curdoc
    from bokeh.plotting import figure
    from bokeh.themes import built_in_themes

    log = style == "bokeh_log"
    if log:
        start = rng.randint(0, len(PARAMS) - 5)
        xs: list[float] = list(PARAMS[start:start + rng.randint(4, 6)])
        x_title = rng.choice(("Parameters", "Model size (parameters)", "Non-embedding params"))
    else:
        step = rng.choice((500, 1000, 2000))
        xs = [float(step * (i + 1)) for i in range(rng.randint(4, 8))]
        x_title = rng.choice(("Training step", "Steps"))
    names = rng.sample(FAMILIES if log else BENCHES, rng.randint(2, 4))
    series = {name: _rising(rng, len(xs)) for name in names}
    theme = rng.choice(THEMES)
    document = curdoc()
    document.theme = built_in_themes[theme] if theme else None  # type: ignore[assignment]
    plot = figure(width=rng.randint(500, 800), height=rng.randint(320, 480),
                  x_axis_type="log" if log else "linear",
                  title=rng.choice(("Scaling", "Accuracy vs. scale", "Benchmark scores",
                                    "Results")),
                  x_axis_label=x_title, y_axis_label=rng.choice(("Accuracy (%)", "Score")),
                  toolbar_location=rng.choice(("right", "above")))
    palette = rng.choice(PALETTES)
    marker = rng.choice(("circle", "square", "triangle", "diamond"))
    for index, (name, ys) in enumerate(series.items()):
        colour = palette[index % len(palette)]
        dash = "dashed" if not log and rng.random() < 0.3 else "solid"
        plot.line(xs, ys, legend_label=name, color=colour, line_width=rng.choice((1.5, 2, 3)),
                  line_dash=dash)
        plot.scatter(xs, ys, legend_label=name, color=colour, size=rng.choice((6, 8, 10)),
                     marker=marker)
    plot.legend.location = rng.choice(("top_left", "bottom_right", "center_right"))
    document.add_root(plot)
    try:
        image = browser.shoot(_bokeh_page(plot), rng.choice((1.5, 2.0)))
    finally:
        document.remove_root(plot)
        document.theme = None  # type: ignore[assignment]
    truth = {"kind": "line", "renderer": "bokeh", "style": style, "log_x": log,
             "labelled": False,
             "series": {name: [[x, y] for x, y in zip(xs, ys, strict=True)]
                        for name, ys in series.items()}}
    return image, truth


def mpl_dark_releases(rng: random.Random) -> tuple[Image.Image, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if rng.random() < 0.5:
        first = rng.randint(0, 4)
        xs = list(VERSIONS[first:first + rng.randint(4, 5)])
    else:
        year, first = rng.choice((23, 24)), rng.randint(0, 5)
        xs = [f"{MONTHS[m]} {year}" for m in range(first, first + rng.randint(4, 7))]
    names = rng.sample(BENCHES, rng.randint(2, 4))
    series = {name: _rising(rng, len(xs)) for name in names}
    with plt.style.context("dark_background"):
        figure, axes = plt.subplots(figsize=(rng.uniform(6, 9), rng.uniform(3.5, 5)),
                                    dpi=rng.choice((100, 120, 150)))
        for name, ys in series.items():
            axes.plot(xs, ys, marker=rng.choice(("o", "s", "^", "D")), label=name,
                      linewidth=rng.choice((1.5, 2.0)))
        axes.set_title(rng.choice(("Benchmark scores over releases", "Progress by release")))
        axes.set_ylabel(rng.choice(("Score (%)", "Accuracy")))
        if rng.random() < 0.5:
            axes.grid(alpha=0.3)
        axes.legend(loc=rng.choice(("upper left", "lower right", "best")))
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        plt.close(figure)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    truth = {"kind": "line", "renderer": "matplotlib", "style": "mpl_dark_releases",
             "log_x": False, "labelled": False,
             "series": {name: [[x, y] for x, y in zip(xs, ys, strict=True)]
                        for name, ys in series.items()}}
    return image, truth


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    from browser import Browser

    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    browser = Browser((1800, 1200), None)
    try:
        for index in range(count):
            rng = random.Random(f"bokeh-look:{seed}:{index}")
            style = STYLES[index % len(STYLES)]
            if style == "mpl_dark_releases":
                image, item = mpl_dark_releases(rng)
            else:
                image, item = bokeh_chart(style, rng, browser)
            if rng.random() < 0.25:
                name = f"{index:03d}_{style}.jpg"
                image.save(out / name, quality=rng.randint(70, 92))
            else:
                name = f"{index:03d}_{style}.png"
                image.save(out / name)
            truth[name] = item
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
