"""Vega-Lite charts rendered by vl-convert (``vegalite_to_png``) in its themes (dark,
fivethirtyeight, excel, googlecharts, ggplot2, quartz, vox): line + point
with point shapes (circle, diamond, square), log x axes with SI ticks ("1G", "10G", "1T"
from d3's "~s") or plain ticks; bars with printed values, grouped bars through
``xOffset``, lying bars, rounded bar ends, rotated category labels, legends beside, above
or below."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from chart_looks.common import Chart, bar_data, line_data

# urbaninstitute is left out: its font (Lato) is not installed, and vl-convert then draws
# no text at all
THEMES = ("dark", "fivethirtyeight", "excel", "googlecharts", "ggplot2", "quartz", "vox", "")
SHAPES = ("circle", "diamond", "square")


def line_spec(chart: Chart, rng: random.Random) -> dict[str, Any]:
    si = chart.log_x and rng.random() < 0.6  # x in units, d3 prints "10G", "1T"
    rows = [{"model": name, "x": float(x) * (1e9 if si else 1.0), "score": y}
            for name, points in chart.series.items() for x, y in points]
    x_axis: dict[str, Any] = {"title": chart.x_title}
    if si:
        x_axis["format"] = "~s"
    x: dict[str, Any] = {"field": "x", "type": "quantitative", "axis": x_axis}
    if chart.log_x:
        x["scale"] = {"type": "log"}
    legend = {"orient": rng.choice(("right", "top", "bottom"))}
    encoding: dict[str, Any] = {
        "x": x,
        "y": {"field": "score", "type": "quantitative", "title": chart.y_title,
              "scale": {"zero": False}},
        "color": {"field": "model", "type": "nominal", "legend": legend,
                  "sort": list(chart.series)},
    }
    mark: dict[str, Any] = {"type": "line", "strokeWidth": rng.choice((2, 2.5, 3))}
    if rng.random() < 0.7:
        mark["point"] = {"size": rng.choice((50, 70, 90)), "filled": True}
        if len(chart.series) > 1 and rng.random() < 0.5:
            encoding["shape"] = {"field": "model", "type": "nominal",
                                 "scale": {"range": list(SHAPES)}, "legend": legend,
                                 "sort": list(chart.series)}
        else:
            mark["point"]["shape"] = rng.choice(SHAPES)
    if len(chart.series) == 1 and rng.random() < 0.6:
        encoding["color"] = {"value": rng.choice(("#4c78a8", "#e45756", "#54a24b"))}
        encoding.pop("shape", None)
    return {"data": {"values": rows}, "mark": mark, "encoding": encoding}


def bar_spec(chart: Chart, rng: random.Random) -> dict[str, Any]:
    horizontal = chart.kind == "hbar"
    grouped = len(chart.series) > 1
    rows = [{"series": name, "category": str(c), "value": y}
            for name, points in chart.series.items() for c, y in points]
    order = [str(c) for c, _ in next(iter(chart.series.values()))]
    category: dict[str, Any] = {"field": "category", "type": "nominal", "sort": order,
                                "title": None}
    if not horizontal:
        category["axis"] = {"labelAngle": rng.choice((0, 0, -45, -30))}
    value = {"field": "value", "type": "quantitative", "title": chart.y_title}
    encoding: dict[str, Any] = ({"y": category, "x": value} if horizontal
                                else {"x": category, "y": value})
    if grouped:
        encoding["color"] = {"field": "series", "type": "nominal", "sort": list(chart.series),
                             "legend": {"orient": rng.choice(("right", "top", "bottom")),
                                        "title": None}}
        encoding["yOffset" if horizontal else "xOffset"] = {
            "field": "series", "sort": list(chart.series)}
    bar: dict[str, Any] = {"type": "bar"}
    if rng.random() < 0.4:
        bar["cornerRadiusEnd"] = rng.choice((3, 5))
    layers: list[dict[str, Any]] = [{"mark": bar}]
    if chart.labelled:
        text: dict[str, Any] = {"type": "text", "fontSize": rng.choice((10, 11, 12))}
        text.update({"align": "left", "dx": 3} if horizontal else {"baseline": "bottom",
                                                                   "dy": -2})
        layers.append({"mark": text,
                       "encoding": {"text": {"field": "value", "format": ".1f"},
                                    "color": {"value": rng.choice(("black", "#444"))}}})
    return {"data": {"values": rows}, "encoding": encoding, "layer": layers}


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    import vl_convert as vlc

    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    for index in range(count):
        rng = random.Random(seed + index)
        kind = ("bar", "line", "hbar", "line")[index % 4]
        theme = rng.choice(THEMES)
        style = f"vega {theme or 'default'}"
        chart = line_data(rng, "vega", style) if kind == "line" else bar_data(rng, "vega",
                                                                               style, kind)
        spec = line_spec(chart, rng) if kind == "line" else bar_spec(chart, rng)
        spec.update({"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
                     "width": rng.choice((360, 440, 520)), "height": rng.choice((240, 300)),
                     "title": rng.choice(("", "Scaling", "Benchmark results"))})
        if theme == "dark":  # labels drawn black would vanish
            for layer in spec.get("layer", []):
                layer.get("encoding", {}).get("color", {}).update(value="#ddd")
        png = vlc.vegalite_to_png(spec, scale=rng.choice((1.0, 1.5, 2.0)),
                                  theme=theme or None)
        name = f"vega_{index:03d}.png"
        (out / name).write_bytes(png)
        truth[name] = chart.truth()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
