"""Bars that are not one flat colour (issue 11, hatched): the fill is textured, shaded or
drawn over, and a bar's value is still its filled top.

- ``tx-hatch-plain``: one series, a white or pale fill hatched in black (``//``, ``xx``,
  ``..``, ``--``, ``\\\\``, ``++``) with a dark edge; values printed over the bars or not;
- ``tx-hatch-colour``: one series, a strong fill hatched in a darker shade of itself;
- ``tx-hatch-groups``: grouped columns where the series share one fill and differ only by
  hatch; the legend shows the hatch;
- ``tx-errorbars``: flat coloured columns, one series or grouped, error bars with caps
  drawn over every top (the value is the top, not the cap);
- ``tx-gradient``: columns shaded from the foot to the top (an image clipped to each bar);
- ``tx-edges``: a thick outline of another colour, or a white line just inside the edge;
- ``tx-plotly-pattern``: plotly's ``marker.pattern`` (stripes, crosses, dots) in Chromium,
  in plotly's templates, values printed outside or not.

Fonts, sizes, DPI and colours vary per chart; some are JPEG. ``generate(out, count, seed)
-> truth`` in ``benchmarks/charts.py``'s format. A tuning look: tune on one seed, only
score another.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.bound_bars import BENCHMARKS, MODELS, SANS, SERIF, figure_image, score_text, scores
from chart_looks.common import draw_look

HATCHES = ["//", "xx", "..", "--", "\\\\", "++", "oo", "||"]
FILLS = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#1f77b4",
         "#2ca02c", "#d62728", "#9467bd"]
PALE = ["#ffffff", "#ffffff", "#f2f2f2", "#dddddd", "#cfe2f3", "#fde9d9"]
_BROWSER: Any = None


def _darker(colour: str, factor: float = 0.55) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{int(c * factor):02x}" for c in (red, green, blue))


def _axes(rng: random.Random, serif: bool = False) -> tuple[Any, Any, int]:
    import matplotlib.pyplot as plt

    size = rng.choice([9, 10, 11, 12])
    font = {"font.family": "serif", "font.serif": [rng.choice(SERIF)]} if serif else {
        "font.family": rng.choice(SANS)}
    plt.rcParams.update({**font, "font.size": size,
                         "hatch.linewidth": rng.choice([0.6, 0.8, 1.2])})
    fig, ax = plt.subplots(figsize=(rng.uniform(5, 8.5), rng.uniform(3.2, 5)))
    for side in ("top", "right"):
        ax.spines[side].set_visible(rng.random() < 0.4)
    if rng.random() < 0.5:
        ax.yaxis.grid(True, linestyle=rng.choice([":", "-", "--"]), color="#bbbbbb")
        ax.set_axisbelow(True)
    return fig, ax, size


def _finish(ax: Any, rng: random.Random, slots: Any, categories: list[str], top: float
            ) -> None:
    crowded = sum(len(name) for name in categories) > 40  # level names would overlap
    slant = rng.choice([30, 45, 90]) if crowded else rng.choice([0, 0, 0, 30])
    ax.set_xticks(slots, categories, rotation=slant, ha="right" if slant in (30, 45) else "center",
                  rotation_mode="anchor" if slant in (30, 45) else "default")
    ax.set_ylim(0, min(100.0, top * 1.15) if top < 90 else top * 1.08)
    ax.set_ylabel(rng.choice(["Accuracy (%)", "Score", "Pass@1 (%)", "Win rate"]))


def _labels(ax: Any, bars: Any, values: list[float], size: int, percent: bool,
            above: float = 0.0) -> None:
    for bar, value in zip(bars, values, strict=True):
        ax.text(bar.get_x() + bar.get_width() / 2, value + above + 0.6, score_text(value, percent),
                ha="center", va="bottom", fontsize=size - 1)


def _labelled(fig: Any, ax: Any, rng: random.Random, entry: dict[str, Any],
              drawn: tuple[Any, list[float], int], axis: tuple[Any, list[str]],
              dpis: list[int]) -> Image.Image:
    """A one-series chart finished: values printed over half of them, the axes set, the
    figure drawn at one of ``dpis``."""
    bars, values, size = drawn
    entry["labelled"] = rng.random() < 0.5
    if entry["labelled"]:
        _labels(ax, bars, values, size, rng.random() < 0.3)
    _finish(ax, rng, axis[0], axis[1], max(values))
    fig.tight_layout()
    return figure_image(fig, rng.choice(dpis))


def _single(rng: random.Random, entry: dict[str, Any]) -> tuple[list[str], list[float]]:
    categories = rng.sample(MODELS if rng.random() < 0.5 else BENCHMARKS, rng.randint(3, 7))
    values = scores(rng, len(categories))
    entry["series"][rng.choice(BENCHMARKS if categories[0] in MODELS else MODELS)] = [
        [c, v] for c, v in zip(categories, values, strict=True)]
    return categories, values


def _hatch_single(rng: random.Random, entry: dict[str, Any], coloured: bool) -> Image.Image:
    import numpy as np

    fig, ax, size = _axes(rng, serif=rng.random() < 0.5)
    categories, values = _single(rng, entry)
    slots = np.arange(len(categories)).astype(float)
    fill = rng.choice(FILLS) if coloured else rng.choice(PALE)
    edge = _darker(fill) if coloured else rng.choice(["black", "#333333", "#555555"])
    per_bar = rng.random() < 0.4  # a hatch per bar, or one for all
    hatches = [rng.choice(HATCHES) for _ in values] if per_bar else rng.choice(HATCHES)
    bars = ax.bar(slots, values, rng.choice([0.5, 0.6, 0.7]), color=fill, edgecolor=edge,
                  hatch=hatches, linewidth=rng.choice([0.8, 1.0, 1.5]))
    return _labelled(fig, ax, rng, entry, (bars, values, size), (slots, categories),
                     [90, 110, 130, 160])


def _hatch_plain(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    return _hatch_single(rng, entry, coloured=False)


def _hatch_colour(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    return _hatch_single(rng, entry, coloured=True)


def _grouped(rng: random.Random, entry: dict[str, Any], count: int
             ) -> tuple[list[str], list[str], list[list[float]]]:
    categories = rng.sample(BENCHMARKS, rng.randint(3, 5))
    names = rng.sample(MODELS, count)
    table = [scores(rng, len(categories)) for _ in names]
    for name, values in zip(names, table, strict=True):
        entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
    return categories, names, table


def _hatch_groups(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import numpy as np

    fig, ax, _ = _axes(rng, serif=rng.random() < 0.6)
    categories, names, table = _grouped(rng, entry, rng.randint(2, 3))
    slots = np.arange(len(categories)).astype(float)
    fill = rng.choice(PALE + FILLS[:3])
    hatches = rng.sample(["", "//", "xx", "..", "\\\\", "--", "oo"], len(names))
    step = 0.8 / len(names)
    for i, (name, values) in enumerate(zip(names, table, strict=True)):
        ax.bar(slots + (i - (len(names) - 1) / 2) * step, values, step, label=name,
               color=fill, hatch=hatches[i], edgecolor=rng.choice(["black", "#222222"]),
               linewidth=0.9)
    top = max(max(values) for values in table)
    _finish(ax, rng, slots, categories, top)
    if rng.random() < 0.5:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.01), ncol=len(names),
                  frameon=rng.random() < 0.5)
    else:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return figure_image(fig, rng.choice([100, 120, 150]))


def _errorbars(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import numpy as np

    fig, ax, _ = _axes(rng, serif=rng.random() < 0.3)
    count = rng.choice([1, 1, 2, 3])
    if count == 1:
        categories, values = _single(rng, entry)
        names, table = [""], [values]
    else:
        categories, names, table = _grouped(rng, entry, count)
    slots = np.arange(len(categories)).astype(float)
    colours = rng.sample(FILLS, count)
    step = rng.choice([0.6, 0.7, 0.8]) / count
    top = 0.0
    for i, (name, values) in enumerate(zip(names, table, strict=True)):
        errors = [rng.uniform(1.0, 6.0) for _ in values]
        top = max(top, *(v + e for v, e in zip(values, errors, strict=True)))
        ax.bar(slots + (i - (count - 1) / 2) * step, values, step, color=colours[i],
               label=name or None, yerr=errors, capsize=rng.choice([0, 3, 4, 6]),
               edgecolor=rng.choice([colours[i], "black"]),
               error_kw={"elinewidth": rng.choice([0.8, 1.2, 1.8]),
                         "ecolor": rng.choice(["black", "#444444", "#777777"])})
    _finish(ax, rng, slots, categories, top)
    if count > 1:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.01), ncol=count, frameon=False)
    fig.tight_layout()
    return figure_image(fig, rng.choice([90, 110, 140]))


def _gradient(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.colors as mcolors
    import numpy as np

    fig, ax, size = _axes(rng)
    categories, values = _single(rng, entry)
    slots = np.arange(len(categories)).astype(float)
    width = rng.choice([0.5, 0.6, 0.7])
    colour = np.array(mcolors.to_rgb(rng.choice(FILLS)))
    pale = colour + (1 - colour) * rng.uniform(0.45, 0.75)
    ramp = np.linspace(0, 1, 128)[:, None, None]
    shade = pale * (1 - ramp) + colour * ramp  # pale at the foot, full at the top
    if rng.random() < 0.5:
        shade = shade[::-1]
    bars = ax.bar(slots, values, width, color="none", edgecolor="none")
    for bar, value in zip(bars, values, strict=True):
        image = ax.imshow(shade, extent=(bar.get_x(), bar.get_x() + width, 0, value),
                          origin="lower", aspect="auto", zorder=2)
        image.set_clip_path(bar)
    ax.set_xlim(-0.6, len(categories) - 0.4)
    return _labelled(fig, ax, rng, entry, (bars, values, size), (slots, categories),
                     [90, 110, 140])


def _edges(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.patches as mpatches
    import numpy as np

    fig, ax, size = _axes(rng)
    categories, values = _single(rng, entry)
    slots = np.arange(len(categories)).astype(float)
    fill = rng.choice(FILLS)
    width = rng.choice([0.55, 0.65, 0.75])
    inner = rng.random() < 0.5
    outline = "white" if inner else rng.choice(["black", "#333333", _darker(fill, 0.4),
                                                 "#f0c000"])
    bars = ax.bar(slots, values, width, color=fill,
                  edgecolor=fill if inner else outline, linewidth=rng.choice([2.0, 2.5, 3.0]))
    if inner:  # a white line drawn a little inside each bar's edge
        inset = width * 0.08
        for bar, value in zip(bars, values, strict=True):
            ax.add_patch(mpatches.Rectangle(
                (bar.get_x() + inset, inset * 4), width - 2 * inset, value - inset * 8,
                fill=False, edgecolor="white", linewidth=rng.choice([1.0, 1.5])))
    return _labelled(fig, ax, rng, entry, (bars, values, size), (slots, categories),
                     [90, 110, 140])


def _plotly_pattern(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import plotly.graph_objects as go

    from chart_looks.plotly_look import page

    count = rng.choice([1, 2, 3])
    if count == 1:
        categories, values = _single(rng, entry)
        names, table = list(entry["series"]), [values]
    else:
        categories, names, table = _grouped(rng, entry, count)
    shapes = rng.sample(["/", "\\", "x", "-", "|", "+", "."], count)
    same_colour = count > 1 and rng.random() < 0.5
    colours = rng.sample(FILLS, count)
    entry["labelled"] = rng.random() < 0.5
    fig = go.Figure()
    for i, (name, values) in enumerate(zip(names, table, strict=True)):
        bar: dict[str, Any] = {"name": name, "x": categories, "y": values,
                               "marker": {"color": colours[0 if same_colour else i],
                                          "pattern": {"shape": shapes[i],
                                                      "solidity": rng.choice([0.3, 0.5])}}}
        if entry["labelled"]:
            bar.update(text=[f"{v:.1f}" for v in values], textposition="outside")
        fig.add_trace(go.Bar(**bar))
    width, height = rng.choice([640, 760, 900]), rng.choice([420, 480, 540])
    fig.update_layout(template=rng.choice(["plotly", "plotly_white", "simple_white",
                                           "ggplot2", "seaborn"]),
                      width=width, height=height, barmode="group", showlegend=count > 1,
                      font={"family": rng.choice(["Arial", "Roboto, sans-serif",
                                                  "Open Sans, sans-serif"])},
                      yaxis={"title": {"text": rng.choice(["Score", "Accuracy (%)"])}})
    return shoot(page(fig, width, height), rng.choice([1.0, 1.0, 1.5, 2.0]))


def shoot(html: str, scale: float) -> Image.Image:
    """The page's ``#shot`` in the look's one Chromium (closed by ``draw_all``)."""
    global _BROWSER
    from browser import Browser

    if _BROWSER is None:
        _BROWSER = Browser((1400, 1000))
    return _BROWSER.shoot(html, scale)


DRAW = {"tx-hatch-plain": _hatch_plain, "tx-hatch-colour": _hatch_colour,
        "tx-hatch-groups": _hatch_groups, "tx-errorbars": _errorbars,
        "tx-gradient": _gradient, "tx-edges": _edges, "tx-plotly-pattern": _plotly_pattern}


def close_browser() -> None:
    global _BROWSER
    if _BROWSER is not None:
        _BROWSER.close()
        _BROWSER = None


def draw_all(out: Path, count: int, seed: int, prefix: str,
             draw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts, the styles of ``draw`` in turn, under ``out``; their truth by
    file (shared with the dark lying bars look)."""
    import matplotlib
    import matplotlib.pyplot as plt

    matplotlib.use("Agg")

    def drawn(style: str, rng: random.Random, entry: dict[str, Any]) -> Image.Image:
        with plt.rc_context():
            return draw[style](rng, entry)

    return draw_look(
        out, count, seed, prefix, drawn, list(draw),
        lambda style: {"kind": "hbar" if style.startswith("dh") else "bar",
                       "renderer": style.split("-")[1], "log_x": False, "labelled": False,
                       "style": style, "series": {}},
        (0.2, 72), close_browser)


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    return draw_all(out, count, seed, "textured", DRAW)
