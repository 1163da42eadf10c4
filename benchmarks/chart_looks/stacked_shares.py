"""Stacked bars whose segments are each a series' own value (the look ``shares``).

One kind per chart in turn (its ``style`` in the benchmark):

- ``sh-mpl-100``: matplotlib 100% stacked lying bars, one per model (names at the left),
  each cut into 2-4 segments ("Win / Tie / Loss", "Correct / Partial / Wrong", ...), a
  legend above the plot, the segment's share printed inside it in white ("58%" or "58")
  where it is wide enough, nothing in narrow ones, an x axis 0-100 (sometimes "%");
- ``sh-vega-100``: the same drawn by Vega-Lite (vl-convert) with ``stack: normalize``, the
  legend on top, the shares as text marks in white;
- ``sh-plotly-100``: the same drawn by plotly in Chromium (``barmode="stack"``, the shares
  inside the segments, a horizontal legend over the plot);
- ``sh-mpl-stacked``: ordinary stacked lying bars (counts or points, not 100%), the
  segments labelled inside, the bar's total printed past its end (a total is no segment);
- ``sh-mpl-columns``: stacked columns (upright), labels inside, the total over each column.

Truth: each segment is a point of its series at its model, valued by its own share or
length (not where it ends). ``generate(out, count, seed) -> truth`` in
``benchmarks/charts.py``'s format. A tuning look: tune on one seed, only score another.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.bound_bars import SANS, figure_image
from chart_looks.common import draw_look

NAMES = ["Astera-7B", "Borelli-13B", "Cobalt-2-9B", "Dunmore-34B", "Elmira-70B",
         "Fenwick-3B", "Galena-8x7B", "Harrow-1.5B", "Isola-22B", "Jarrah-14B",
         "Kestrel-32B", "Lumen-4B", "Marlow-72B", "Nerida-12B"]
OUTCOMES = [["Win", "Tie", "Loss"], ["Correct", "Partial", "Wrong"], ["Pass", "Fail"],
            ["Helpful", "Neutral", "Harmful", "Refused"], ["Better", "Same", "Worse"],
            ["Solved", "Unsolved"]]
PALETTES = [["#2e7d32", "#9e9e9e", "#c62828"], ["#1f77b4", "#ff7f0e", "#d62728", "#7f7f7f"],
            ["#4c78a8", "#f58518", "#e45756", "#72b7b2"], ["#0072b2", "#e69f00", "#cc79a7",
                                                          "#009e73"],
            ["#3b82f6", "#f59e0b", "#ef4444", "#6b7280"]]
LEAST_LABELLED = 7  # a share under this many percent is too narrow for its label


def _shares(rng: random.Random, parts: int) -> list[int]:
    """Whole percents summing to 100, none under 3."""
    while True:
        cuts = sorted(rng.sample(range(3, 98), parts - 1))
        shares = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
        if min(shares) >= 3:
            return shares


def _outcomes(rng: random.Random) -> tuple[list[str], list[str]]:
    names = rng.choice(OUTCOMES)
    palette = rng.choice(PALETTES)
    return names, palette[: len(names)] if len(palette) >= len(names) else palette


def _mpl_lying(rng: random.Random, entry: dict[str, Any], normalised: bool) -> Image.Image:
    import matplotlib.pyplot as plt

    series, colours = _outcomes(rng)
    models = rng.sample(NAMES, rng.randint(4, 8))
    if normalised:
        table = [_shares(rng, len(series)) for _ in models]
    else:
        table = [[rng.randint(4, 40) for _ in series] for _ in models]
    entry["series"] = {name: [[m, float(row[i])] for m, row in zip(models, table, strict=True)]
                       for i, name in enumerate(series)}
    suffix = "%" if normalised and rng.random() < 0.5 else ""
    with plt.rc_context({"font.family": rng.choice(SANS), "font.size": rng.choice([9, 10, 11])}):
        fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 9.0), 0.5 * len(models) + 1.6))
        rows = list(range(len(models)))[::-1]
        left = [0.0] * len(models)
        height = rng.choice([0.6, 0.7, 0.8])
        for index, (name, colour) in enumerate(zip(series, colours, strict=True)):
            widths = [float(row[index]) for row in table]
            ax.barh(rows, widths, height, left=left, color=colour, label=name,
                    edgecolor=rng.choice(["white", "none"]), linewidth=0.8)
            for y, start, width in zip(rows, left, widths, strict=True):
                if width >= LEAST_LABELLED:
                    ax.text(start + width / 2, y, f"{width:.0f}{suffix}", ha="center",
                            va="center", color="white", fontsize=rng.choice([8, 9]),
                            fontweight=rng.choice(["normal", "bold"]))
            left = [a + b for a, b in zip(left, widths, strict=True)]
        if not normalised:
            for y, total in zip(rows, left, strict=True):
                ax.text(total + 0.8, y, f"{total:.0f}", va="center", fontsize=9)
            ax.set_xlim(0, max(left) * 1.12)
        else:
            ax.set_xlim(0, 100)
            if rng.random() < 0.5:
                ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0f}%")
        ax.set_yticks(rows, models)
        return _legend_above(rng, fig, ax, len(series))


def _mpl_columns(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt

    series, colours = _outcomes(rng)
    models = rng.sample(NAMES, rng.randint(4, 6))
    table = [[rng.randint(6, 35) for _ in series] for _ in models]
    entry["series"] = {name: [[m, float(row[i])] for m, row in zip(models, table, strict=True)]
                       for i, name in enumerate(series)}
    with plt.rc_context({"font.family": rng.choice(SANS), "font.size": rng.choice([9, 10, 11])}):
        fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8.5), rng.uniform(4.5, 5.5)))
        slots = list(range(len(models)))
        bottom = [0.0] * len(models)
        for index, (name, colour) in enumerate(zip(series, colours, strict=True)):
            heights = [float(row[index]) for row in table]
            ax.bar(slots, heights, rng.choice([0.55, 0.65]), bottom=bottom, color=colour,
                   label=name)
            for x, foot, height in zip(slots, bottom, heights, strict=True):
                if height >= LEAST_LABELLED:
                    ax.text(x, foot + height / 2, f"{height:.0f}", ha="center", va="center",
                            color="white", fontsize=9)
            bottom = [a + b for a, b in zip(bottom, heights, strict=True)]
        for x, total in zip(slots, bottom, strict=True):
            ax.text(x, total + 0.8, f"{total:.0f}", ha="center", va="bottom", fontsize=9)
        ax.set_ylim(0, max(bottom) * 1.12)
        ax.set_xticks(slots, models)
        ax.set_ylabel(rng.choice(["Problems", "Count", "Tasks"]))
        return _legend_above(rng, fig, ax, len(series))


def _legend_above(rng: random.Random, fig: Any, ax: Any, columns: int) -> Image.Image:
    """The figure with its legend in a row over the plot, no top or right spine."""
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=columns, frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return figure_image(fig, rng.choice([90, 110, 130]))


def _vega_lying(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import vl_convert

    series, colours = _outcomes(rng)
    models = rng.sample(NAMES, rng.randint(4, 8))
    table = [_shares(rng, len(series)) for _ in models]
    entry["series"] = {name: [[m, float(row[i])] for m, row in zip(models, table, strict=True)]
                       for i, name in enumerate(series)}
    percent = rng.random() < 0.5
    rows = [{"model": m, "outcome": name, "order": i, "share": row[i],
             "label": (f"{row[i]}%" if percent else str(row[i])) if row[i] >= LEAST_LABELLED
             else ""} for m, row in zip(models, table, strict=True)
            for i, name in enumerate(series)]
    colour = {"field": "outcome", "type": "nominal", "sort": series, "title": None,
              "scale": {"domain": series, "range": colours}, "legend": {"orient": "top"}}
    axis: dict[str, Any] = {"title": None}
    if percent:
        axis["labelExpr"] = "datum.value + '%'"
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.choice([380, 460, 560]), "height": {"step": rng.choice([24, 28, 34])},
        "data": {"values": _with_middles(rows, models)},
        "encoding": {"y": {"field": "model", "type": "nominal", "sort": models, "title": None}},
        "layer": [
            {"mark": "bar", "encoding": {
                "x": {"field": "share", "type": "quantitative", "stack": "zero",
                      "scale": {"domain": [0, 100]}, "axis": axis},
                "order": {"field": "order"}, "color": colour}},
            # each label at its segment's middle along the stack
            {"mark": {"type": "text", "color": "white", "fontSize": rng.choice([10, 11])},
             "encoding": {"x": {"field": "middle", "type": "quantitative"},
                          "text": {"field": "label"}}}],
        "config": {"font": rng.choice(SANS), "view": {"stroke": None}},
    }
    png = vl_convert.vegalite_to_png(vl_spec=spec, scale=rng.choice([1.0, 1.5, 2.0]))
    return Image.open(io.BytesIO(png)).convert("RGB")


def _plotly_lying(rng: random.Random, entry: dict[str, Any]) -> str:
    """A plotly figure's page: 100% stacked lying bars, the shares inside in white."""
    import plotly.graph_objects as go

    from chart_looks.plotly_look import page

    series, colours = _outcomes(rng)
    models = rng.sample(NAMES, rng.randint(4, 7))
    table = [_shares(rng, len(series)) for _ in models]
    entry["series"] = {name: [[m, float(row[i])] for m, row in zip(models, table, strict=True)]
                       for i, name in enumerate(series)}
    suffix = rng.choice(["%", ""])
    fig = go.Figure()
    for index, (name, colour) in enumerate(zip(series, colours, strict=True)):
        shares = [row[index] for row in table]
        fig.add_trace(go.Bar(
            y=models, x=shares, name=name, orientation="h", marker={"color": colour},
            text=[f"{v}{suffix}" if v >= LEAST_LABELLED else "" for v in shares],
            textposition="inside", insidetextanchor="middle",
            textfont={"color": "white"}))
    width, height = rng.choice([640, 760, 900]), 90 + 44 * len(models)
    fig.update_layout(
        barmode="stack", template=rng.choice(["plotly_white", "simple_white", "plotly"]),
        width=width, height=height, font={"family": rng.choice(SANS)},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        xaxis={"range": [0, 100], "ticksuffix": rng.choice(["%", ""])},
        yaxis={"autorange": "reversed"}, margin={"t": 60, "r": 20})
    return page(fig, width, height)


def _with_middles(rows: list[dict[str, Any]], models: list[str]) -> list[dict[str, Any]]:
    """Each row with the middle of its segment along the stack (where its label sits)."""
    start = dict.fromkeys(models, 0.0)
    for row in sorted(rows, key=lambda r: (models.index(r["model"]), r["order"])):
        row["middle"] = start[row["model"]] + row["share"] / 2
        start[row["model"]] += row["share"]
    return rows


DRAW = {
    "sh-mpl-100": lambda rng, entry: _mpl_lying(rng, entry, True),
    "sh-vega-100": _vega_lying,
    "sh-mpl-stacked": lambda rng, entry: _mpl_lying(rng, entry, False),
    "sh-mpl-columns": _mpl_columns,
}
PAGES = {"sh-plotly-100": _plotly_lying}  # drawn in Chromium


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts (the kinds in turn) under ``out``; their truth by file, a fifth
    of them saved as JPEG."""
    import matplotlib
    from browser import Browser

    matplotlib.use("Agg")
    browsers: list[Browser] = []

    def draw(style: str, rng: random.Random, entry: dict[str, Any]) -> Image.Image:
        if style in PAGES:
            browsers[:] = browsers or [Browser((1400, 1000))]
            return browsers[0].shoot(PAGES[style](rng, entry), rng.choice([1.0, 1.5]))
        return DRAW[style](rng, entry)

    def entry_for(style: str) -> dict[str, Any]:
        return {"kind": "bar" if style == "sh-mpl-columns" else "hbar",
                "renderer": style.split("-")[1], "log_x": False,
                "labelled": True, "style": style, "series": {}}

    def close() -> None:
        for browser in browsers:
            browser.close()

    return draw_look(out, count, seed, "shares", draw, [*DRAW, *PAGES], entry_for,
                     (0.2, 75), close)
