"""Plotly figures in Chromium: the plotly.js bundle inlined (no network), screenshotted by
``browser.py``; templates plotly, plotly_white, plotly_dark, ggplot2, seaborn and
simple_white; lines with and without markers (circle, diamond, square), log x axes of model
size or tokens in plotly's own tick text ("1B", "2", "5", "10B") or given tick text,
legends beside, above or below the plot; bars with printed values, grouped, lying, with
rounded corners. Hover-free (a static plot)."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

from browser import Browser

from chart_looks.common import Chart, bar_data, categories_of, line_data

TEMPLATES = ("plotly", "plotly_white", "plotly_dark", "ggplot2", "seaborn", "simple_white")
SYMBOLS = ("circle", "diamond", "square")
FONTS = ("Open Sans, verdana, arial, sans-serif", "Arial", "Roboto, sans-serif",
         "Lato, sans-serif", "Helvetica Neue, Helvetica, sans-serif")


def _legend(rng: random.Random) -> dict[str, Any]:
    where = rng.choice(("side", "top", "bottom"))
    if where == "top":
        return {"orientation": "h", "x": 0.0, "y": 1.02, "yanchor": "bottom"}
    if where == "bottom":
        return {"orientation": "h", "x": 0.0, "y": -0.25, "yanchor": "top"}
    return {}


def line_figure(chart: Chart, rng: random.Random) -> Any:
    import plotly.graph_objects as go

    fig = go.Figure()
    markers = rng.random() < 0.65
    raw = chart.log_x and rng.random() < 0.6  # x in units, plotly prints "10B", "1T"
    # or the sizes as names ("7B"), evenly spaced on a category axis
    named = chart.log_x and not raw and rng.random() < 0.4
    for index, (name, points) in enumerate(chart.series.items()):
        xs: list[Any] = [float(x) * (1e9 if raw else 1.0) for x, _ in points]
        if named:
            xs = [_size_name(float(x)) for x, _ in points]
        ys = [y for _, y in points]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, name=name, mode="lines+markers" if markers else "lines",
            marker={"symbol": SYMBOLS[index % 3], "size": rng.choice((7, 8, 10))},
            line={"width": rng.choice((2, 2.5, 3))}))
    xaxis: dict[str, Any] = {"title": {"text": chart.x_title}}
    if named:  # a category axis: each point's x is the name printed under it
        xaxis["type"] = "category"
        chart.series = {name: [(_size_name(float(x)), y) for x, y in points]
                        for name, points in chart.series.items()}
        chart.log_x = False
    elif chart.log_x:
        xaxis["type"] = "log"
        if not raw:  # the data's own sizes as tick text
            xs = [float(x) for x, _ in next(iter(chart.series.values()))]
            xaxis["tickvals"] = xs
            xaxis["ticktext"] = [_size_name(x) for x in xs]
    fig.update_layout(xaxis=xaxis, yaxis={"title": {"text": chart.y_title}},
                      showlegend=len(chart.series) > 1 or rng.random() < 0.4,
                      legend=_legend(rng))
    return fig


def _size_name(billions: float) -> str:
    return f"{billions:g}B" if billions < 1000 else f"{billions / 1000:g}T"


def bar_figure(chart: Chart, rng: random.Random) -> Any:
    import plotly.graph_objects as go

    fig = go.Figure()
    horizontal = chart.kind == "hbar"
    categories = categories_of(chart)
    for name, points in chart.series.items():
        values = [y for _, y in points]
        bar: dict[str, Any] = {"name": name}
        if horizontal:
            bar.update(x=values, y=categories, orientation="h")
        else:
            bar.update(x=categories, y=values)
        if chart.labelled:
            bar.update(text=[f"{v:.1f}" for v in values], textposition="outside")
        fig.add_trace(go.Bar(**bar))
    layout: dict[str, Any] = {"barmode": "group", "showlegend": len(chart.series) > 1,
                              "legend": _legend(rng)}
    if rng.random() < 0.4:
        layout["barcornerradius"] = rng.choice((4, 8, "15%"))
    if rng.random() < 0.4:
        layout["bargroupgap"] = 0.15
    value_axis = {"title": {"text": chart.y_title}}
    if horizontal:
        layout.update(xaxis=value_axis, yaxis={"autorange": "reversed"})
    else:
        layout.update(yaxis=value_axis,
                      xaxis={"tickangle": rng.choice((0, 0, -30, -45))})
    fig.update_layout(**layout)
    return fig


def page(fig: Any, width: int, height: int) -> str:
    return str(fig.to_html(full_html=True, include_plotlyjs=True, div_id="shot",
                           default_width=f"{width}px", default_height=f"{height}px",
                           config={"staticPlot": True, "displayModeBar": False}))


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    browser = Browser((1400, 1000), None)
    try:
        for index in range(count):
            rng = random.Random(seed + index)
            kind = ("line", "bar", "line", "hbar")[index % 4]
            template = rng.choice(TEMPLATES)
            chart = (line_data(rng, "plotly", f"plotly {template}") if kind == "line"
                     else bar_data(rng, "plotly", f"plotly {template}", kind))
            fig = line_figure(chart, rng) if kind == "line" else bar_figure(chart, rng)
            width, height = rng.choice((640, 760, 900)), rng.choice((420, 480, 540))
            fig.update_layout(template=template, width=width, height=height,
                              font={"family": rng.choice(FONTS)},
                              title={"text": rng.choice(("", "Scaling", "Benchmark results"))})
            image = browser.shoot(page(fig, width, height), rng.choice((1.0, 1.0, 1.5, 2.0)))
            name = f"plotly_{index:03d}.png"
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            (out / name).write_bytes(buffer.getvalue())
            truth[name] = chart.truth()
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
