"""Four kinds of chart the reader missed on a test set (issue: breaks), drawn here by their
own renderers so that a fix is made for the kind, never for one picture:

- ``br-broken-columns``: columns on a broken y axis (matplotlib): two stacked axes sharing
  x, the lower one from 0 to a few units, the upper one over the range most columns end in,
  small diagonal break marks on the left spine; the columns run through both panels, each
  with its value printed on top; category names under the axis rotated 15 to 30 degrees;
- ``br-wrapped-hbars``: lying bars whose long names are wrapped over two lines left of the
  bars, one series, the values printed past the bars' ends or read on an x axis; saved as
  JPEG most of the time;
- ``br-legend-table``: a dark Grafana-like time series (a near-black panel, thin coloured
  lines over training steps, a faint grid) with a legend table under the plot: a row per
  series, its colour swatch and name, then its mean, max and last;
- ``br-svg-grouped``: grouped lying bars with rounded ends written as SVG by hand and shot
  in Chromium, unlike ``chart_kinds.rounded_hbars``: thick or thin bars, groups set far
  apart or close, the legend above the plot (right-aligned or left), values printed inside
  the bar's end in white or past it, an x axis or none.

Fonts, sizes, colours and value formats vary per chart. ``generate(out, count, seed) ->
truth`` in ``benchmarks/charts.py``'s format. A tuning look: tune on one seed, only score
another.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.bound_bars import figure_image
from chart_looks.curves import Curves, drawn_in_turn

MODELS = ["GPT-4o", "Claude 3.5 Sonnet", "Gemini 1.5 Pro", "Llama 3.1 70B", "Qwen2.5 72B",
          "Mistral Large", "DeepSeek V2.5", "Gemma 2 27B", "Phi-3.5 MoE", "Yi-Large",
          "Command R+", "Grok-2", "Nemotron 70B", "Jamba 1.5", "OLMo 2 13B", "Ours-8B"]
LONG_MODELS = ["Claude 3.5 Sonnet (new)", "Gemini 1.5 Pro 002", "Llama 3.1 405B Instruct",
               "Qwen2.5 72B Instruct", "Mistral Large 2407", "DeepSeek V2.5 Chat",
               "Gemma 2 27B Instruct", "Phi-3.5 MoE Instruct", "Command R+ 08-2024",
               "Nemotron 70B Instruct", "GPT-4o mini 2024", "Jamba 1.5 Large",
               "OLMo 2 13B Instruct", "Mixtral 8x22B Instruct"]
BENCHMARKS = ["MMLU", "GSM8K", "HumanEval", "MATH", "GPQA", "ARC-C", "HellaSwag", "MBPP",
              "BBH", "IFEval", "MMLU-Pro", "TruthfulQA", "WinoGrande", "DROP"]
SANS = ["DejaVu Sans", "Liberation Sans", "Roboto", "Open Sans"]
FONTS_SVG = ["DejaVu Sans", "Liberation Sans", "Roboto", "Open Sans", "Liberation Serif"]
COLOURS = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#1f77b4",
           "#2ca02c", "#9467bd", "#e377c2"]
GRAFANA = ["#73bf69", "#f2cc0c", "#5794f2", "#ff9830", "#f2495c", "#b877d9", "#8ab8ff"]
PALETTES = (("#2563eb", "#f97316", "#16a34a", "#dc2626"),
            ("#0f766e", "#7c3aed", "#db2777", "#ca8a04"),
            ("#1d4ed8", "#60a5fa", "#93c5fd", "#1e3a8a"),
            ("#334155", "#0284c7", "#65a30d", "#e11d48"))


# ---------------------------------------------------------------- broken y axis

def _broken_columns(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt

    categories = rng.sample(MODELS, rng.randint(4, 8))
    low_top = rng.choice([5, 10, 10, 20])
    high_low, high_top = rng.choice([(50, 95), (55, 95), (60, 100), (40, 90)])
    values = [round(rng.uniform(high_low + 4, high_top - 6), 1) for _ in categories]
    name = rng.choice(BENCHMARKS)
    entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
    colour = rng.choice(COLOURS)
    size = rng.choice([8, 9, 10, 11])
    with plt.rc_context({"font.family": rng.choice(SANS), "font.size": size}):
        fig, (upper, lower) = plt.subplots(
            2, 1, sharex=True, figsize=(rng.uniform(5.5, 8.5), rng.uniform(3.8, 5.2)),
            gridspec_kw={"height_ratios": [rng.choice([2.5, 3, 4]), 1],
                         "hspace": rng.choice([0.05, 0.08, 0.12])})
        slots = range(len(categories))
        width = rng.choice([0.55, 0.65, 0.8])
        for ax in (upper, lower):
            ax.bar(slots, values, width, color=colour,
                   edgecolor=rng.choice([colour, "black"]), linewidth=0.6)
        upper.set_ylim(high_low, high_top)
        lower.set_ylim(0, low_top)
        if rng.random() < 0.5:  # as many ticks as the short panel holds
            lower.set_yticks(range(0, low_top + 1, max(1, low_top // 5)))
        upper.spines["bottom"].set_visible(False)
        lower.spines["top"].set_visible(False)
        upper.tick_params(axis="x", which="both", bottom=False, labelbottom=False)
        if rng.random() < 0.5:  # no frame on the right
            for ax in (upper, lower):
                ax.spines["right"].set_visible(False)
            upper.spines["top"].set_visible(False)
        cut = 0.012
        marks = {"color": "k", "clip_on": False, "linewidth": 0.9}
        upper.plot((-cut, cut), (-cut * 3, cut * 3), transform=upper.transAxes, **marks)
        lower.plot((-cut, cut), (1 - cut * 3, 1 + cut * 3), transform=lower.transAxes, **marks)
        for slot, value in zip(slots, values, strict=True):
            upper.text(slot, value + (high_top - high_low) * 0.015, f"{value:.1f}",
                       ha="center", va="bottom", fontsize=size - 1)
        lower.set_xticks(list(slots), categories, rotation=rng.choice([15, 20, 25, 30]),
                         ha="right")
        fig.supylabel(f"{name} ({rng.choice(['%', 'accuracy', 'score'])})", fontsize=size)
        if rng.random() < 0.5:
            upper.set_title(rng.choice([f"{name} by model", "Benchmark results"]))
        fig.subplots_adjust(bottom=0.25, left=0.13)
        return figure_image(fig, rng.choice([90, 110, 130, 150]))


# ---------------------------------------------------------------- wrapped names

def _wrap(name: str) -> str:
    """``name`` over two lines, split at the space nearest its middle."""
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "\n" + name[cut + 1:]


def _wrapped_hbars(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt

    categories = rng.sample(LONG_MODELS, rng.randint(4, 8))
    values = [round(rng.uniform(20, 92), 1) for _ in categories]
    if rng.random() < 0.5:
        order = sorted(range(len(values)), key=values.__getitem__)
        categories, values = [categories[i] for i in order], [values[i] for i in order]
    name = rng.choice(BENCHMARKS)
    entry["series"][name] = [[c, v] for c, v in zip(categories, values, strict=True)]
    labelled = rng.random() < 0.6
    entry["labelled"] = labelled
    size = rng.choice([8, 9, 10, 11])
    sheet = rng.choice(["default", "seaborn-v0_8-whitegrid", "ggplot", "bmh"])
    with plt.style.context(sheet), plt.rc_context({"font.family": rng.choice(SANS),
                                                   "font.size": size}):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8.0), rng.uniform(0.55, 0.75)
                                        * len(categories) + 1.0))
        slots = list(range(len(categories)))
        ax.barh(slots, values, rng.choice([0.55, 0.7, 0.8]), color=rng.choice(COLOURS))
        ax.set_yticks(slots, [_wrap(c) for c in categories],
                      linespacing=rng.choice([1.0, 1.15, 1.3]))
        ax.set_xlim(0, 100 if max(values) > 85 or rng.random() < 0.5 else max(values) * 1.15)
        if labelled:
            for slot, value in zip(slots, values, strict=True):
                ax.text(value + 0.8, slot, f"{value:.1f}", va="center", ha="left",
                        fontsize=size - 1)
        ax.set_xlabel(f"{name} ({rng.choice(['%', 'accuracy', 'score'])})")
        fig.tight_layout()
        return figure_image(fig, rng.choice([90, 110, 130]))


# ---------------------------------------------------------------- legend table

def _legend_table(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import matplotlib.pyplot as plt

    page = rng.choice(["#111217", "#181b1f", "#0b0c0e", "#161719"])
    ink, faint = rng.choice(["#ccccdc", "#d8d9da", "#c7d0d9"]), "#8e8e8e"
    steps = rng.choice([500, 1000, 2000])
    count = rng.randint(6, 10)
    xs = [steps * i for i in range(count)]
    names = rng.sample(["train/loss", "eval/loss", "grad_norm", "lr x 1e4", "val/acc",
                        "tokens/s (k)", "gpu_util", "mfu"], rng.randint(2, 4))
    colours = rng.sample(GRAFANA, len(names))
    series: dict[str, list[float]] = {}
    for name in names:
        start, slope = rng.uniform(10, 80), rng.uniform(-6, 6)
        series[name] = [round(max(1.0, start + slope * i + rng.uniform(-3, 3)), 1)
                        for i in range(count)]
        entry["series"][name] = [[x, y] for x, y in zip(xs, series[name], strict=True)]
    size = rng.choice([8, 9, 10])
    rc = {"font.family": rng.choice(SANS), "font.size": size, "text.color": ink,
          "xtick.color": faint, "ytick.color": faint, "axes.edgecolor": page,
          "axes.facecolor": page, "figure.facecolor": page}
    rows = len(names)
    with plt.rc_context(rc):
        height = rng.uniform(2.6, 3.4) + 0.22 * (rows + 1)
        fig = plt.figure(figsize=(rng.uniform(6.5, 9.5), height))
        table_share = 0.26 * (rows + 1) / height
        ax = fig.add_axes((0.08, table_share + 0.1, 0.86, 0.8 - table_share))
        for name, colour in zip(names, colours, strict=True):
            ax.plot(xs, series[name], color=colour, linewidth=rng.choice([1.2, 1.6, 2.0]))
        ax.grid(color="#2c3235", linewidth=0.7)
        ax.tick_params(length=0)
        ax.set_xlim(xs[0], xs[-1])
        if steps >= 1000:
            ax.xaxis.set_major_formatter(lambda v, _: f"{v / 1000:g}k")
        if rng.random() < 0.5:
            ax.set_title(rng.choice(["Training", "Run metrics", "train-7b-run3"]), loc="left",
                         color=ink, fontsize=size + 1)
        # the legend table: header row, then a row per series under the plot
        columns = (0.1, 0.55, 0.7, 0.85)
        row_h = 0.24 / height
        top = table_share + 0.02

        def put(x: float, y: float, text: str, colour: str, align: str = "right") -> None:
            fig.text(x, y, text, color=colour, fontsize=size, ha=align, va="center")

        put(columns[0] + 0.02, top, "Name", faint, "left")
        for column, head in zip(columns[1:], ("Mean", "Max", "Last"), strict=True):
            put(column, top, head, faint)
        for r, (name, colour) in enumerate(zip(names, colours, strict=True), 1):
            y = top - r * row_h
            fig.add_artist(plt.Line2D([columns[0], columns[0] + 0.014], [y, y], color=colour,
                                      linewidth=3, transform=fig.transFigure))
            put(columns[0] + 0.02, y, name, ink, "left")
            values = series[name]
            for column, value in zip(columns[1:], (sum(values) / len(values), max(values),
                                                   values[-1]), strict=True):
                put(column, y, f"{value:.2f}", ink)
        return figure_image(fig, rng.choice([90, 110, 130]))


# ---------------------------------------------------------------- grouped lying bars, SVG

def _svg_bar(x: float, y: float, length: float, height: float, colour: str,
             radius: float) -> str:
    """A lying bar from ``x`` with its far end rounded (a path), its base square."""
    r = min(radius, height / 2, length / 2)
    end = x + length
    return (f"<path d='M{x:.1f},{y:.1f} H{end - r:.1f} A{r:.1f},{r:.1f} 0 0 1 {end:.1f},"
            f"{y + r:.1f} V{y + height - r:.1f} A{r:.1f},{r:.1f} 0 0 1 {end - r:.1f},"
            f"{y + height:.1f} H{x:.1f} Z' fill='{colour}'/>")


def _svg_label(end: float, baseline: float, value: float, size: int, inside: bool,
               ink: str) -> str:
    """A bar's value: bold white inside its end, or in the text's colour past it."""
    if inside:
        return (f"<text x='{end - 6:.1f}' y='{baseline:.1f}' text-anchor='end'"
                f" font-size='{size}' fill='#ffffff' font-weight='bold'>{value}</text>")
    return (f"<text x='{end + 5:.1f}' y='{baseline:.1f}' font-size='{size}'"
            f" fill='{ink}'>{value}</text>")


def _svg_grouped_page(rng: random.Random, entry: dict[str, Any]) -> str:
    categories = rng.sample(MODELS, rng.randint(3, 6))
    names = rng.sample(BENCHMARKS, rng.randint(2, 4))
    values = {n: [round(rng.uniform(15, 95), 1) for _ in categories] for n in names}
    for name in names:
        entry["series"][name] = [[c, v] for c, v in zip(categories, values[name], strict=True)]
    colours = rng.choice(PALETTES)[:len(names)]
    dark = rng.random() < 0.25
    page, text = ("#0f172a", "#e2e8f0") if dark else ("#ffffff", "#1f2937")
    font, size = rng.choice(FONTS_SVG), rng.choice([11, 12, 13, 14])
    bar_h = rng.choice([6, 9, 18, 22, 26])
    gap = rng.choice([0, 2, 4])
    group_gap = rng.choice([8, 24, 36])
    inside = bar_h >= 16 and rng.random() < 0.6
    labelled = rng.random() < 0.7
    axis = not labelled or rng.random() < 0.4
    entry["labelled"] = labelled
    left = max(rng.choice([120, 140, 160]), int(max(map(len, categories)) * size * 0.62) + 20)
    width = rng.choice([380, 460, 560])
    legend_y, top = 18, 44
    group_h = len(names) * bar_h + (len(names) - 1) * gap
    plot_h = len(categories) * (group_h + group_gap)
    high = 100
    parts = [f"<rect width='100%' height='100%' fill='{page}'/>"]
    x = left if rng.random() < 0.5 else left + width - sum(
        30 + len(n) * size * 0.68 for n in names)
    for name, colour in zip(names, colours, strict=True):
        parts.append(f"<rect x='{x:.1f}' y='{legend_y - 6}' width='14' height='12' rx='6'"
                     f" fill='{colour}'/>")
        parts.append(f"<text x='{x + 19:.1f}' y='{legend_y + size * 0.35:.1f}'"
                     f" fill='{text}'>{name}</text>")
        x += 30 + len(name) * size * 0.68
    if axis:
        for tick in range(0, high + 1, 25 if rng.random() < 0.5 else 20):
            tx = left + width * tick / high
            parts.append(f"<line x1='{tx:.1f}' y1='{top}' x2='{tx:.1f}' y2='{top + plot_h}'"
                         f" stroke='{'#334155' if dark else '#e5e7eb'}' stroke-width='1'/>")
            parts.append(f"<text x='{tx:.1f}' y='{top + plot_h + size + 6}'"
                         f" text-anchor='middle' fill='{text}'>{tick}</text>")
    radius = rng.choice([3.0, 6.0, 99.0])
    pitch = group_h + group_gap
    parts.extend(f"<text x='{left - 10}' y='{top + c * pitch + pitch / 2 + size * 0.35:.1f}'"
                 f" text-anchor='end' fill='{text}'>{category}</text>"
                 for c, category in enumerate(categories))
    label_size = max(9, min(size, bar_h - 2 if inside else bar_h + 4))
    for n, name in enumerate(names):  # a series at a time, as a chart library lays them
        for c, value in enumerate(values[name]):
            y = top + c * pitch + group_gap / 2 + n * (bar_h + gap)
            end = left + width * value / high
            parts.append(_svg_bar(left, y, end - left, bar_h, colours[n], radius))
            if labelled:
                parts.append(_svg_label(end, y + bar_h / 2 + label_size * 0.35, value,
                                        label_size, inside, text))
    total_w = int(max(left + width + 60, x + 10))
    total_h = int(top + plot_h + (2 * size + 14 if axis else 10))
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{total_w}' height='{total_h}'"
           f" font-family='{font}' font-size='{size}'>{''.join(parts)}</svg>")
    return (f"<html><body style='margin:0'><div id='shot' style='display:inline-block'>"
            f"{svg}</div></body></html>")


DRAW = {"br-broken-columns": _broken_columns, "br-wrapped-hbars": _wrapped_hbars,
        "br-legend-table": _legend_table}
STYLES = ("br-broken-columns", "br-wrapped-hbars", "br-legend-table", "br-svg-grouped")
KINDS = {"br-broken-columns": "bar", "br-wrapped-hbars": "hbar", "br-legend-table": "line",
         "br-svg-grouped": "hbar"}


class Drawn(Curves):
    """A chart's truth as this look writes it (``Curves`` holds lines)."""

    entry: dict[str, Any]

    def truth(self) -> dict[str, Any]:
        return self.entry


def _draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    import matplotlib

    matplotlib.use("Agg")
    entry: dict[str, Any] = {"kind": KINDS[style], "renderer": "mpl", "log_x": False,
                             "labelled": style == "br-broken-columns", "style": style,
                             "series": {}}
    if style == "br-svg-grouped":
        entry["renderer"] = "svg"
        image = browser.shoot(_svg_grouped_page(rng, entry), rng.choice([1.0, 1.5, 2.0]))
    else:
        image = DRAW[style](rng, entry)
    if style == "br-wrapped-hbars" and rng.random() < 0.8:  # passed around as JPEG
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=rng.randint(70, 90))
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    drawn = Drawn(style=style, renderer=entry["renderer"], xs=[])
    drawn.entry = entry
    return image, drawn


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts (the four kinds in turn) under ``out``, each finished as a
    reader receives it (resized, some JPEG); their truth by file. The SVG kind needs
    Chromium (``benchmarks/browser.py``)."""
    return drawn_in_turn(Path(out), count, seed, STYLES, _draw)
