"""The web-rendered looks of ``blind15_charts.py``: plotly drawn in Chromium from the bundle
shipped with the plotly package, and Vega-Lite through vl-convert. Each takes a random
source, the browser, a namer of models and the benchmark names, and returns the image, the
truth and the extension."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable
from pathlib import Path

import plotly
import plotly.io
import vl_convert
from browser import Browser
from PIL import Image

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
Shot = tuple[Image.Image, dict, str]
Namer = Callable[[random.Random, int], list[str]]


def plotly_page(traces: list[dict], layout: dict, width: int, height: int) -> str:
    template = plotly.io.templates[layout.pop("template")].to_plotly_json()
    layout = {**layout, "template": template, "width": width, "height": height}
    figure = json.dumps({"data": traces, "layout": layout})
    return (f'<html><head><meta charset="utf-8"><script>{PLOTLY_JS.read_text()}</script></head>'
            f'<body style="margin:0"><div id="shot" style="width:{width}px;height:{height}px">'
            "</div><script>"
            f"const f = {figure}; Plotly.newPlot('shot', f.data, f.layout, "
            "{staticPlot: true, displayModeBar: false});</script></body></html>")


def right_axis_dark(rng: random.Random, browser: Browser, models: Namer,
                    benches: list[str]) -> Shot:
    families = rng.sample(["Quillon", "Vantor", "Halcyx", "Lumora", "Ferrox", "Dunlin"],
                          rng.randint(2, 4))
    sizes = sorted(rng.sample([0.5, 1, 3, 7, 14, 34, 70, 140], rng.randint(4, 6)))
    traces, series = [], {}
    for family in families:
        base = rng.uniform(900, 1100)
        ys = [round(base + 70 * i + rng.uniform(-25, 25)) for i in range(len(sizes))]
        traces.append({"x": sizes, "y": ys, "name": family, "mode": "lines+markers",
                       "type": "scatter"})
        series[family] = [[s, y] for s, y in zip(sizes, ys, strict=True)]
    layout = {
        "template": "plotly_dark",
        "title": {"text": "Arena rating by model size"},
        "xaxis": {"type": "log", "title": {"text": "Parameters (B)"}},
        "yaxis": {"side": "right", "tickformat": ",d", "title": {"text": "Rating"}},
        "legend": {"x": 0.02, "y": 0.98},
        "margin": {"l": 30, "r": 80, "t": 60, "b": 60},
    }
    page = plotly_page(traces, layout, rng.randint(640, 820), rng.randint(420, 500))
    image = browser.shoot(page, rng.choice([1.0, 1.5]))
    return image, {"kind": "line", "log_x": True, "series": series}, "png"


def rangeslider_lines(rng: random.Random, browser: Browser, models: Namer,
                      benches: list[str]) -> Shot:
    names = rng.sample(benches, rng.randint(2, 3))
    tokens = sorted(rng.sample(range(100, 2100, 100), rng.randint(6, 9)))
    traces, series = [], {}
    for name in names:
        start = rng.uniform(20, 40)
        ys = [round(start + rng.uniform(20, 35) * t / tokens[-1] + rng.uniform(-1.5, 1.5), 1)
              for t in tokens]
        traces.append({"x": tokens, "y": ys, "name": name, "mode": "lines+markers",
                       "type": "scatter"})
        series[name] = [[t, y] for t, y in zip(tokens, ys, strict=True)]
    layout = {
        "template": "plotly_white",
        "xaxis": {"title": {"text": "Training tokens (B)"}, "rangeslider": {"visible": True}},
        "yaxis": {"title": {"text": "Accuracy (%)"}},
        "legend": {"orientation": "h", "x": 0, "y": 1.12},
        "margin": {"l": 60, "r": 20, "t": 50, "b": 40},
    }
    page = plotly_page(traces, layout, rng.randint(680, 860), rng.randint(480, 560))
    image = browser.shoot(page, 1.0)
    return image, {"kind": "line", "log_x": False, "series": series}, "png"


def errorbar_jpeg(rng: random.Random, browser: Browser, models: Namer,
                  benches: list[str]) -> Shot:
    names = models(rng, rng.randint(4, 7))
    title = f"{rng.choice(benches)} accuracy (%)"
    rows = []
    for name in names:
        mean = round(rng.uniform(25, 85), 1)
        err = round(rng.uniform(1, 5), 1)
        rows.append({"model": name, "mean": mean, "lo": mean - err, "hi": mean + err})
    x = {"field": "model", "type": "nominal", "sort": None, "title": None,
         "axis": {"labelAngle": -30}}
    spec = {
        "width": rng.randint(320, 460), "height": 260,
        "data": {"values": rows},
        "layer": [
            {"mark": {"type": "bar", "color": rng.choice(["#4c78a8", "#54a24b", "#b279a2"])},
             "encoding": {"x": x, "y": {"field": "mean", "type": "quantitative",
                                        "title": title}}},
            {"mark": {"type": "rule", "color": "black"},
             "encoding": {"x": x, "y": {"field": "lo", "type": "quantitative"},
                          "y2": {"field": "hi"}}},
        ],
    }
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice([1.5, 2.0]))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    series = {title: [[r["model"], r["mean"]] for r in rows]}
    return image, {"kind": "bar", "log_x": False, "series": series}, "jpg"


WEB_LOOKS: dict[str, Callable[[random.Random, Browser, Namer, list[str]], Shot]] = {
    "right_axis_dark": right_axis_dark,
    "rangeslider_lines": rangeslider_lines,
    "errorbar_jpeg": errorbar_jpeg,
}
