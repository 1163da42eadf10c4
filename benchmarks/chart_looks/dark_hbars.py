"""Lying bars on dark pages (issue 11, hatched): dashboards and dark chart themes.

- ``dh-pygal``: pygal's ``HorizontalBar`` in its dark styles, shot in Chromium, values
  printed in the bars or past their ends;
- ``dh-plotly``: plotly's dark template, lying bars with ``texttemplate`` values inside the
  bar's end or outside it, rounded ends (``barcornerradius``) on some, one series or grouped;
- ``dh-grafana``: a Grafana-like panel drawn with matplotlib: a near-black panel, light grey
  names left of the axis, a translucent fill with a solid line at the bar's end, thin gaps,
  the value inside the bar's end;
- ``dh-vega``: Vega-Lite in its ``dark`` theme through vl-convert, text marks past the ends
  or inside them;
- ``dh-rounded``: matplotlib, bars with rounded ends (a ``FancyBboxPatch`` each), values
  just past the end, names in light grey;
- ``dh-translucent``: matplotlib, half-transparent bars over a dark grid drawn in front of
  the page (the gridlines show through the bars), values inside or outside.

``generate(out, count, seed) -> truth`` in ``benchmarks/charts.py``'s format. A tuning look:
tune on one seed, only score another.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.bound_bars import BENCHMARKS, DARK_COLOURS, DARK_PAGES, MODELS, SANS, figure_image
from chart_looks.textured_bars import draw_all, shoot

INKS = ["#c7d0d9", "#d8d9da", "#9fa7b3", "#e0e0e0", "#b0b7c3"]


def _data(rng: random.Random, entry: dict[str, Any], most: int = 3
          ) -> tuple[list[str], dict[str, list[float]]]:
    categories = rng.sample(MODELS, rng.randint(4, 9))
    names = rng.sample(BENCHMARKS, rng.choice([1, 1, 1, most]) if most > 1 else 1)
    series = {name: [round(rng.uniform(12, 95), 1) for _ in categories] for name in names}
    if len(names) == 1 and rng.random() < 0.6:  # dashboards sort their bars
        order = sorted(range(len(categories)), key=series[names[0]].__getitem__,
                       reverse=rng.random() < 0.5)
        categories = [categories[i] for i in order]
        series[names[0]] = [series[names[0]][i] for i in order]
    for name, values in series.items():
        entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
    entry["labelled"] = True
    return categories, series


def _text(value: float, percent: bool) -> str:
    return f"{value:.1f}%" if percent else f"{value:.1f}"


def _pygal(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import pygal
    import pygal.style

    name = rng.choice(["DarkStyle", "DarkSolarizedStyle", "DarkColorizedStyle",
                       "DarkGreenBlueStyle", "NeonStyle"])
    style = getattr(pygal.style, name)(
        value_font_size=rng.choice([10, 12, 14]), label_font_size=rng.choice([11, 12, 14]),
        legend_font_size=rng.choice([12, 14]),
        font_family=rng.choice(["DejaVu Sans", "Roboto", "Open Sans", "Liberation Sans"]))
    categories, series = _data(rng, entry, most=2)
    percent = rng.random() < 0.3
    chart = pygal.HorizontalBar(
        style=style, width=rng.choice([640, 760, 900]), height=rng.choice([420, 480, 560]),
        print_values=True, print_values_position=rng.choice(["center", "top"]),
        show_legend=len(series) > 1, legend_at_bottom=True, js=[],
        disable_xml_declaration=True, explicit_size=True,
        value_formatter=lambda v: _text(v, percent),
        title=rng.choice([None, "Leaderboard", "Benchmark results"]))
    chart.x_labels = categories
    for label, values in series.items():
        chart.add(label, values)
    svg = chart.render(is_unicode=True)
    entry["sheet"] = name
    return shoot("<html><body style='margin:0'><div id='shot' style='display:inline-block'>"
                 f"{svg}</div></body></html>", rng.choice([1.0, 1.0, 1.5]))


def _plotly(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import plotly.graph_objects as go

    from chart_looks.plotly_look import page

    categories, series = _data(rng, entry)
    inside = rng.random() < 0.5
    percent = rng.random() < 0.3
    fig = go.Figure()
    for name, values in series.items():
        fig.add_trace(go.Bar(
            name=name, x=values, y=categories, orientation="h",
            text=[_text(v, percent) for v in values],
            textposition="inside" if inside else "outside",
            insidetextanchor="end", textfont={"color": rng.choice(["#ffffff", "#e8e8e8"])}))
    width, height = rng.choice([640, 760, 900]), rng.choice([420, 500, 580])
    layout: dict[str, Any] = {
        "template": "plotly_dark", "width": width, "height": height, "barmode": "group",
        "showlegend": len(series) > 1, "bargap": rng.choice([0.1, 0.15, 0.3]),
        "yaxis": {"autorange": "reversed", "tickfont": {"color": rng.choice(INKS)}},
        "xaxis": {"title": {"text": rng.choice(["Score", "Accuracy (%)", ""])}},
        "font": {"family": rng.choice(["Arial", "Roboto, sans-serif", "Open Sans"])}}
    if rng.random() < 0.5:
        layout["barcornerradius"] = rng.choice([4, 8, "30%"])
    if rng.random() < 0.4:
        layout.update(paper_bgcolor="#181b1f", plot_bgcolor="#181b1f")
    fig.update_layout(**layout)
    return shoot(page(fig, width, height), rng.choice([1.0, 1.0, 1.5, 2.0]))


def _mpl_axes(rng: random.Random, page: str) -> tuple[Any, Any, str, int]:
    import matplotlib.pyplot as plt

    ink = rng.choice(INKS)
    size = rng.choice([9, 10, 11])
    plt.rcParams.update({
        "font.family": rng.choice(SANS), "font.size": size, "text.color": ink,
        "xtick.color": ink, "ytick.color": ink, "axes.labelcolor": ink,
        "axes.edgecolor": "#3a3f45", "axes.facecolor": page, "figure.facecolor": page})
    fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 9), rng.uniform(3.2, 5.5)))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, ax, ink, size


def _lying(ax: Any, rng: random.Random, categories: list[str], series: dict[str, list[float]],
           colours: list[str], alpha: float, thickness: float) -> list[tuple[Any, float]]:
    import numpy as np

    slots = np.arange(len(categories))[::-1].astype(float)
    step = thickness / len(series)
    placed = []
    for i, (name, values) in enumerate(series.items()):
        offsets = slots + ((len(series) - 1) / 2 - i) * step
        bars = ax.barh(offsets, values, step, color=colours[i], alpha=alpha, label=name)
        placed += list(zip(bars, values, strict=True))
    ax.set_yticks(slots, categories)
    ax.set_xlim(0, 100 if rng.random() < 0.5 else max(max(v) for v in series.values()) * 1.15)
    if len(series) > 1:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=len(series),
                  frameon=False)
    return placed


def _value_at_end(ax: Any, bar: Any, value: float, text: str, inside: bool, colour: str,
                  size: int) -> None:
    y = bar.get_y() + bar.get_height() / 2
    span = ax.get_xlim()[1]
    ax.text(value - 0.01 * span if inside else value + 0.01 * span, y, text,
            ha="right" if inside else "left", va="center", color=colour, fontsize=size - 1)


def _grafana(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    page = rng.choice(["#111217", "#181b1f", "#0b0c0e"])
    fig, ax, _, size = _mpl_axes(rng, page)
    categories, series = _data(rng, entry, most=1)
    colour = rng.choice(["#73bf69", "#5794f2", "#ff9830", "#b877d9", "#f2cc0c"])
    ax.grid(axis="x", color="#2c3235", linewidth=0.8)
    ax.set_axisbelow(True)
    placed = _lying(ax, rng, categories, series, [colour], rng.choice([0.35, 0.5, 0.7]),
                    rng.choice([0.85, 0.92]))
    percent = rng.random() < 0.5
    for bar, value in placed:  # a solid edge at the bar's end, its value inside it
        ax.plot([value, value], [bar.get_y(), bar.get_y() + bar.get_height()], color=colour,
                linewidth=2)
        _value_at_end(ax, bar, value, _text(value, percent), True, "#ffffff", size)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    fig.tight_layout()
    return figure_image(fig, rng.choice([90, 110, 130]))


def _vega(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import vl_convert

    categories, series = _data(rng, entry, most=1)
    (name, values), = series.items()
    inside = rng.random() < 0.5
    percent = rng.random() < 0.3
    rows = [{"model": c, "score": v, "label": _text(v, percent)}
            for c, v in zip(categories, values, strict=True)]
    text: dict[str, Any] = {"type": "text", "align": "right" if inside else "left",
                            "dx": -4 if inside else 4, "fontSize": rng.choice([10, 11, 12]),
                            "color": "#ffffff" if inside else "#dddddd"}
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.choice([320, 400, 480]), "height": {"step": rng.choice([18, 22, 28])},
        "data": {"values": rows},
        "encoding": {"y": {"field": "model", "type": "nominal", "sort": None, "title": None},
                     "x": {"field": "score", "type": "quantitative", "title": name}},
        "layer": [{"mark": {"type": "bar", "color": rng.choice(DARK_COLOURS),
                            "cornerRadiusEnd": rng.choice([0, 0, 3, 6])}},
                  {"mark": text, "encoding": {"text": {"field": "label"}}}],
        "config": {"font": rng.choice(["DejaVu Sans", "Roboto", "Open Sans"])},
    }
    png = vl_convert.vegalite_to_png(vl_spec=spec, scale=rng.choice([1.0, 1.5, 2.0]),
                                     theme="dark")
    return Image.open(io.BytesIO(png)).convert("RGB")


def _rounded(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.patches as mpatches

    fig, ax, ink, size = _mpl_axes(rng, rng.choice(DARK_PAGES))
    categories, series = _data(rng, entry, most=2)
    colours = rng.sample(DARK_COLOURS, len(series))
    placed = _lying(ax, rng, categories, series, colours, 1.0, rng.choice([0.6, 0.75]))
    percent = rng.random() < 0.3
    radius = rng.choice([0.1, 0.2])
    for bar, value in placed:
        bar.set_visible(False)
        ax.add_patch(mpatches.FancyBboxPatch(
            (bar.get_x(), bar.get_y()), bar.get_width(), bar.get_height(),
            boxstyle=f"round,pad=0,rounding_size={radius * bar.get_height() * 2:.3f}",
            mutation_aspect=1 / max(1.0, ax.get_xlim()[1] / 10), color=bar.get_facecolor()))
        _value_at_end(ax, bar, value, _text(value, percent), False, ink, size)
    ax.xaxis.set_visible(rng.random() < 0.5)
    fig.tight_layout()
    return figure_image(fig, rng.choice([100, 120, 150]))


def _translucent(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    fig, ax, ink, size = _mpl_axes(rng, rng.choice(DARK_PAGES))
    categories, series = _data(rng, entry, most=2)
    colours = rng.sample(DARK_COLOURS, len(series))
    placed = _lying(ax, rng, categories, series, colours, rng.choice([0.45, 0.6]),
                    rng.choice([0.7, 0.85]))
    ax.grid(axis="x", color="#555555", linewidth=0.7)
    ax.set_axisbelow(False)  # the grid over the bars: it shows through them
    inside = rng.random() < 0.5
    percent = rng.random() < 0.3
    for bar, value in placed:
        _value_at_end(ax, bar, value, _text(value, percent), inside, ink, size)
    fig.tight_layout()
    return figure_image(fig, rng.choice([100, 120, 150]))


DRAW = {"dh-pygal": _pygal, "dh-plotly": _plotly, "dh-grafana": _grafana, "dh-vega": _vega,
        "dh-rounded": _rounded, "dh-translucent": _translucent}


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    return draw_all(out, count, seed, "darkhbar", DRAW)
