"""Series told apart by a pattern or by fading rather than by plain colours (``fades``).

- ``pf-grey-patterns``: matplotlib grouped columns in greys, two or three per category: one
  solid dark grey, one mid grey hatched (``//``, ``\\\\`` or ``xx``), one light grey dotted
  (``..`` or ``oo``), all edged in black; the legend in one row at the top left with its
  swatches hatched like the bars; category names under the axis, y from 0 to 100. Drawn at
  85-115 dpi, turned to greyscale and saved as a JPEG of quality 50-78.
- ``pf-vega-faded``: Vega-Lite line charts (vl-convert) of three or four series over
  training steps, no markers, gridlines both ways, x ticks every 5 or 10; one series
  drawn thick in full colour and the others in their own hues at opacity 0.2-0.35 and
  thinner; the legend (right or top) shows every series in full colour.

Fonts, sizes, greys, hues and scales vary per chart. A tuning look: seed 100 looked at and
tuned on, seed 200 only scored.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.bound_bars import BENCHMARKS, MODELS, SANS, SERIF, figure_image
from chart_looks.common import FAMILIES, draw_look

STYLES = ["pf-grey-patterns", "pf-vega-faded"]
# hues far apart (two greens would be one series to any reader)
HUES = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"]


def grey_patterns(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt

    size = rng.choice([8, 9, 10, 11])
    serif = rng.random() < 0.5
    font = (
        {"font.family": "serif", "font.serif": [rng.choice(SERIF)]}
        if serif
        else {"font.family": rng.choice(SANS)}
    )
    # (in a context: the settings stay with this figure, not with the next drawn)
    style = {**font, "font.size": size, "hatch.linewidth": rng.choice([0.6, 0.8, 1.0])}
    with plt.rc_context(style):
        return _grey_columns(rng, entry, size)


def _grey_columns(rng: random.Random, entry: dict[str, Any], size: int) -> Image.Image:
    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8), rng.uniform(3.4, 4.6)))
    count = rng.choice([2, 3, 3])
    categories = rng.sample(BENCHMARKS, rng.randint(3, 6))
    names = rng.sample(MODELS, count)
    # under 85: the legend row at the top left stays clear of the bars
    table = [[round(rng.uniform(15, 84), 1) for _ in categories] for _ in names]
    fills = [
        (rng.choice(["#3a3a3a", "#444444", "#505050"]), ""),
        (rng.choice(["#8c8c8c", "#999999", "#a0a0a0"]), rng.choice(["//", "\\\\", "xx"])),
        (rng.choice(["#d0d0d0", "#dadada", "#e0e0e0"]), rng.choice(["..", "oo"])),
    ]
    kept = fills[:count] if count == 3 else rng.sample(fills, 2)
    slots = np.arange(len(categories)).astype(float)
    step = rng.choice([0.7, 0.8]) / count
    for i, (name, values) in enumerate(zip(names, table, strict=True)):
        fill, hatch = kept[i]
        ax.bar(
            slots + (i - (count - 1) / 2) * step,
            values,
            step,
            label=name,
            color=fill,
            hatch=hatch,
            edgecolor="black",
            linewidth=rng.choice([0.6, 0.8, 1.0]),
        )
        entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
    ax.set_xticks(slots, categories)
    ax.set_ylim(0, 100)
    ax.set_ylabel(rng.choice(["Accuracy (%)", "Score (%)", "Accuracy"]))
    if rng.random() < 0.5:
        ax.yaxis.grid(True, linestyle=rng.choice([":", "--"]), color="#bbbbbb")
        ax.set_axisbelow(True)
    ax.legend(
        loc="upper left",
        ncol=count,
        frameon=rng.random() < 0.5,
        fontsize=size - rng.choice([0, 1]),
        handlelength=rng.choice([1.5, 2.0]),
        handleheight=rng.choice([0.9, 1.2]),
    )
    fig.tight_layout()
    image = figure_image(fig, rng.choice([85, 90, 100, 110, 115])).convert("L")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=rng.randint(50, 78))
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def vega_faded(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import vl_convert as vlc

    last = rng.choice([25, 30, 40, 50])
    every = rng.choice([2, 5, 5]) if last <= 30 else 5
    xs = list(range(0, last + 1, every))
    names = rng.sample(FAMILIES, rng.choice([3, 4]))
    hues = rng.sample(HUES, len(names))
    rows = []
    for name in names:
        start, rise = rng.uniform(20, 45), rng.uniform(15, 45)
        values = []
        for x in xs:
            value = start + rise * (1 - pow(0.9, x * 10 / last * 2)) + rng.uniform(-1.5, 1.5)
            values.append(round(min(95.0, value), 1))
        entry["series"][name] = [[float(x), v] for x, v in zip(xs, values, strict=True)]
        rows += [{"family": name, "step": x, "score": v} for x, v in zip(xs, values, strict=True)]
    picked = rng.choice(names)
    faded = rng.uniform(0.2, 0.35)
    legend = {"orient": rng.choice(["right", "right", "top"]), "title": None}
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.choice([380, 440, 500]),
        "height": rng.choice([240, 280, 320]),
        "title": rng.choice(["", "Held-out accuracy during training"]),
        "data": {"values": rows},
        "mark": {"type": "line", "interpolate": "linear"},
        "encoding": {
            "x": {
                "field": "step",
                "type": "quantitative",
                "title": "Training steps (k)",
                "axis": {"tickMinStep": 5, "values": list(range(0, last + 1, 5)), "grid": True},
            },
            "y": {
                "field": "score",
                "type": "quantitative",
                "title": rng.choice(["Accuracy (%)", "Score", "Pass@1 (%)"]),
                "scale": {"zero": rng.random() < 0.4},
                "axis": {"grid": True},
            },
            "color": {
                "field": "family",
                "type": "nominal",
                "sort": names,
                "scale": {"domain": names, "range": hues},
                "legend": legend,
            },
            "opacity": {
                "condition": {"test": f"datum.family === '{picked}'", "value": 1},
                "value": round(faded, 2),
            },
            "strokeWidth": {
                "condition": {
                    "test": f"datum.family === '{picked}'",
                    "value": rng.choice([2.5, 3, 3.5]),
                },
                "value": rng.choice([1.2, 1.5, 2]),
            },
        },
    }
    png = vlc.vegalite_to_png(spec, scale=rng.choice([1.0, 1.5, 2.0]))
    return Image.open(io.BytesIO(png)).convert("RGB")


def _draw(style: str, rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    return grey_patterns(rng, entry) if style == "pf-grey-patterns" else vega_faded(rng, entry)


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    return draw_look(
        out,
        count,
        seed,
        "fades",
        _draw,
        STYLES,
        lambda style: {
            "kind": "bar" if style == "pf-grey-patterns" else "line",
            "renderer": "mpl" if style == "pf-grey-patterns" else "vega",
            "log_x": False,
            "labelled": False,
            "style": style,
            "series": {},
        },
        (0.0, 75),
        lambda: None,
    )
